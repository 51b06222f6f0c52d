# Corpus input on the shared dev corpus: --jobs must not change a byte of the output.
if(EXISTS ${DEV_DIR})
  add_test(NAME extract_dev_jobs_identical
           COMMAND sh -c "\"$0\" extract \"$1\" --format json --jobs 1 > \"$2.j1\" && \"$0\" extract \"$1\" --format json --jobs 4 > \"$2.j4\" && cmp \"$2.j1\" \"$2.j4\" && \"$0\" extract \"$1\" --format events --jobs 1 > \"$2.e1\" && \"$0\" extract \"$1\" --format events --jobs 4 > \"$2.e4\" && cmp \"$2.e1\" \"$2.e4\""
                   $<TARGET_FILE:actorgraph> ${DEV_DIR} ${CMAKE_CURRENT_BINARY_DIR}/dev-extract)
  set_tests_properties(extract_dev_jobs_identical PROPERTIES LABELS "corpus")
endif()
