# Every dependency comes from a Debian package; nothing is downloaded at build time.
# For the mingw build, header-only libraries are staged into build/<preset>/staged-include by
# cmake/stage-headers.cmake (never /usr/include on the cross compiler's path), and GoogleTest is
# built from /usr/src/googletest.
if(CMAKE_CROSSCOMPILING AND WIN32)
  include(${CMAKE_CURRENT_LIST_DIR}/stage-headers.cmake)
else()
  find_package(nlohmann_json 3.10 REQUIRED)
  find_package(CLI11 REQUIRED)
  find_package(fmt REQUIRED)
  if(FMCONF_TESTS)
    find_package(GTest REQUIRED)
    find_package(rapidcheck REQUIRED)
  endif()
  if(FMCONF_BENCH)
    find_package(benchmark REQUIRED)
  endif()
endif()
