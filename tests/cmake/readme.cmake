# Issue 14: the README followed command by command in a fresh copy of the repository
# (scripts/readme-walk.sh; skipped when the shared corpus is absent).
add_test(NAME readme_walk
         COMMAND ${CMAKE_SOURCE_DIR}/scripts/readme-walk.sh $<TARGET_FILE_DIR:actorgraph> ${ACTORGRAPH_SHARED_DIR})
set_tests_properties(readme_walk PROPERTIES LABELS readme SKIP_RETURN_CODE 77 TIMEOUT 300)
