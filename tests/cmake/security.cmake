# docs/ROBUSTNESS.md "Security": the product code starts no shell and no other
# program. This test (also its own script, cmake -P) fails when a file under src/
# or include/ calls system, popen, an exec* function, fork or posix_spawn.
if(CMAKE_SCRIPT_MODE_FILE)
  file(GLOB_RECURSE sources ${ROOT}/src/*.cpp ${ROOT}/src/*.hpp ${ROOT}/include/*.hpp)
  set(found "")
  foreach(f IN LISTS sources)
    file(STRINGS ${f} lines REGEX "(^|[^a-zA-Z0-9_])(system|popen|execl|execlp|execle|execv|execvp|execvpe|fork|vfork|posix_spawn|posix_spawnp)[ \t]*\\(")
    if(lines)
      list(APPEND found "${f}: ${lines}")
    endif()
  endforeach()
  if(found)
    message(FATAL_ERROR "the product code starts programs:\n${found}")
  endif()
  list(LENGTH sources n)
  message(STATUS "no system/popen/exec/fork/posix_spawn in ${n} files")
  return()
endif()

add_test(NAME security_no_process_start
         COMMAND ${CMAKE_COMMAND} -DROOT=${CMAKE_SOURCE_DIR} -P ${CMAKE_CURRENT_LIST_FILE})
set_tests_properties(security_no_process_start PROPERTIES LABELS "robustness")
