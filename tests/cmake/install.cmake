# `cmake --install` into a temporary prefix: the installed binary runs from
# anywhere (its data is compiled in), the man page and the bash and zsh completions
# are where man, bash-completion and zsh look (tests/run_install.sh).
add_test(NAME install_prefix
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/run_install.sh ${CMAKE_COMMAND} ${CMAKE_BINARY_DIR})
set_tests_properties(install_prefix PROPERTIES LABELS cli TIMEOUT 120)
