# Bad input never crashes, hangs or leaves a partial file: tests/run_cli_errors.sh runs
# the real binary once per row of tests/cli_errors.tsv (exit code, stderr message,
# stdout, what is left in the output directory). Label: cli (not unit: it spawns
# processes and takes about a minute for the 10 MB and 10,000-actor rows).
# Sanitizer builds get ten times the per-row time limit.
if(ACTORGRAPH_SANITIZE)
  set(CLI_ERRORS_TIME_SCALE 10)
else()
  set(CLI_ERRORS_TIME_SCALE 1)
endif()
add_test(NAME cli_errors
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/run_cli_errors.sh $<TARGET_FILE:actorgraph>
                 ${CMAKE_CURRENT_SOURCE_DIR}/cli_errors.tsv ${CLI_ERRORS_TIME_SCALE})
set_tests_properties(cli_errors PROPERTIES LABELS "cli;robustness" TIMEOUT 900)

# PNG/PDF are never written to a terminal (a pseudo-terminal from script(1)).
add_test(NAME cli_binary_not_to_terminal
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/run_terminal_check.sh $<TARGET_FILE:actorgraph>)
set_tests_properties(cli_binary_not_to_terminal PROPERTIES LABELS cli SKIP_RETURN_CODE 77 TIMEOUT 60)
