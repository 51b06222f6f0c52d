# compare and merge end to end on the shared dev corpus (skipped when it is absent).
if(EXISTS ${DEV_DIR})
  add_test(NAME compare_dev_matrix
           COMMAND actorgraph compare ${DEV_DIR} --format json -o ${CMAKE_CURRENT_BINARY_DIR}/dev-compare.json)
  add_test(NAME merge_dev
           COMMAND actorgraph merge ${DEV_DIR} --min-support 1 -o ${CMAKE_CURRENT_BINARY_DIR}/dev-merged.json)
  add_test(NAME analyze_dev
           COMMAND actorgraph analyze ${DEV_DIR} --format json -o ${CMAKE_CURRENT_BINARY_DIR}/dev-analysis.json)
  set_tests_properties(compare_dev_matrix merge_dev analyze_dev PROPERTIES LABELS "compare")
endif()
