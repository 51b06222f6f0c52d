# Warnings and sanitizers for our own targets only (never global flags).
add_library(actorgraph_warnings INTERFACE)
target_compile_options(actorgraph_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough)
if(ACTORGRAPH_WERROR)
  target_compile_options(actorgraph_warnings INTERFACE -Werror)
endif()
if(ACTORGRAPH_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
