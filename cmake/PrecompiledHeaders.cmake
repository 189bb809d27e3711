# Precompiled headers: the standard library headers (and, for the tests, GoogleTest) are
# parsed once per build tree instead of once per source file. Each set is compiled by a
# small holder target and reused (REUSE_FROM) by every target that asks for it, so a
# build makes two precompiled headers in all, whatever the number of targets.
#
# Reuse needs the same compiler flags as the holder: the project's warnings, the
# sanitizer options and -std are set for every target alike, so they always match.
# A target with flags of its own (-fPIC for a shared library, a library's -D options
# such as wxWidgets') cannot reuse a holder's header: GCC reports it as an invalid
# precompiled header, which -Werror makes an error. Give such a target its own
# (target_precompile_headers(<target> PRIVATE ...)), or none.
#
# Only system headers go in: a change to the project's own headers never rebuilds them,
# and a source still compiles without them (configure with -DCUSTODY_PCH=OFF to check
# that every file includes what it uses).
include_guard(GLOBAL)

option(CUSTODY_PCH "Precompile the standard library and GoogleTest headers" ON)

# The standard headers most sources include (counted over kiosk/, db/, hardware/, tests/).
# A function, not a variable: this file is included from several directories, and only
# the first inclusion runs (include_guard), while functions are seen everywhere.
function(custody_pch_std_headers out)
  set(${out}
    <algorithm> <array> <atomic> <chrono> <condition_variable> <cstddef> <cstdint> <cstdio>
    <cstring> <deque> <filesystem> <fstream> <functional> <iomanip> <map> <memory> <mutex>
    <optional> <set> <sstream> <stdexcept> <string> <string_view> <thread> <utility>
    <variant> <vector>
    PARENT_SCOPE)
endfunction()

# A holder: an object library with one empty source whose only output that matters is the
# precompiled header. custody_pch_holder(<name> HEADERS <h>... [LINK <library>...]); LINK
# brings the usage requirements (GoogleTest's -DGTEST_HAS_PTHREAD=1) the users also have.
function(custody_pch_holder name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "HEADERS;LINK")
  set(source ${CMAKE_CURRENT_BINARY_DIR}/${name}.cpp)
  if(NOT EXISTS ${source})
    file(WRITE ${source} "// Compiled only for the precompiled header of ${name}.\n")
  endif()
  add_library(${name} OBJECT ${source})
  if(arg_LINK)
    target_link_libraries(${name} PRIVATE ${arg_LINK})
  endif()
  target_precompile_headers(${name} PRIVATE ${arg_HEADERS})
endfunction()

# custody_reuse_pch(<holder> <target>...): each target compiles with the holder's header.
function(custody_reuse_pch holder)
  if(NOT CUSTODY_PCH)
    return()
  endif()
  foreach(target IN LISTS ARGN)
    target_precompile_headers(${target} REUSE_FROM ${holder})
  endforeach()
endfunction()

# The libraries and programs of the kiosk: the standard headers.
# custody_library_pch(<target>...), after add_library/add_executable.
function(custody_library_pch)
  if(NOT CUSTODY_PCH)
    return()
  endif()
  if(NOT TARGET custody_std_pch)
    # Made at the first call, in that directory: the project-wide flags are the same there.
    custody_pch_std_headers(std_headers)
    custody_pch_holder(custody_std_pch HEADERS ${std_headers})
  endif()
  custody_reuse_pch(custody_std_pch ${ARGN})
endfunction()

# Test executables and the libraries of test helpers: GoogleTest and the standard
# headers. custody_test_pch(<target>...), after the target links GTest (directly or
# through custody_test_support). custody_test_suite() calls it for its suites.
function(custody_test_pch)
  if(NOT CUSTODY_PCH)
    return()
  endif()
  if(NOT TARGET custody_gtest_pch)
    if(NOT TARGET GTest::gtest)
      message(FATAL_ERROR "custody_test_pch needs find_package(GTest) first")
    endif()
    custody_pch_std_headers(std_headers)
    custody_pch_holder(custody_gtest_pch HEADERS <gtest/gtest.h> ${std_headers} <random>
                       LINK GTest::gtest)
  endif()
  custody_reuse_pch(custody_gtest_pch ${ARGN})
endfunction()
