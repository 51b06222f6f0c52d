# The stage benchmark binary keeps compiling and running: every stage on the
# benchmark's own articles for a few iterations, plus start-up and the dictionary
# scaling (ctest -L bench; a few seconds). Timings are not checked here: run
# scripts/bench.sh or build-*/actorgraph_bench for numbers (docs/PERFORMANCE.md).
find_package(benchmark QUIET)
if(benchmark_FOUND AND EXISTS ${CMAKE_SOURCE_DIR}/bench/CMakeLists.txt)
  add_test(NAME bench_stages_smoke
           COMMAND $<TARGET_FILE:actorgraph_bench>
                   "--benchmark_filter=/0$|LoadPipeline|DictScale/(1|2)$"
                   --benchmark_min_time=0.01)
  set_tests_properties(bench_stages_smoke PROPERTIES LABELS bench TIMEOUT 60)
endif()
