# graphs/ is generated (scripts/regen-graphs.sh): fail when the committed files
# differ from what the current code produces. Skipped when the shared corpus is
# absent (scripts/check-graphs.sh exits 77).
add_test(NAME graphs_up_to_date
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/check-graphs.sh $<TARGET_FILE:actorgraph> ${ACTORGRAPH_SHARED_DIR})
set_tests_properties(graphs_up_to_date PROPERTIES LABELS graphs SKIP_RETURN_CODE 77 TIMEOUT 120)
