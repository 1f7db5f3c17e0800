# mingw build: copy the header-only libraries fmconf uses into a folder of their own, so the
# cross compiler never sees the host's /usr/include. fmt is used header-only (FMT_HEADER_ONLY).
set(FMCONF_STAGED_INCLUDE ${CMAKE_BINARY_DIR}/staged-include)
foreach(dir nlohmann CLI fmt)
  if(NOT EXISTS ${FMCONF_STAGED_INCLUDE}/${dir})
    file(COPY /usr/include/${dir} DESTINATION ${FMCONF_STAGED_INCLUDE})
  endif()
endforeach()
add_library(fmconf_staged_headers INTERFACE)
target_include_directories(fmconf_staged_headers SYSTEM INTERFACE ${FMCONF_STAGED_INCLUDE})
target_compile_definitions(fmconf_staged_headers INTERFACE FMT_HEADER_ONLY)
add_library(nlohmann_json::nlohmann_json ALIAS fmconf_staged_headers)
add_library(CLI11::CLI11 ALIAS fmconf_staged_headers)
add_library(fmt::fmt ALIAS fmconf_staged_headers)

if(FMCONF_TESTS)
  # GoogleTest from Debian's source package, built with the cross compiler.
  set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
  set(BUILD_GMOCK ON CACHE BOOL "" FORCE)
  add_subdirectory(/usr/src/googletest ${CMAKE_BINARY_DIR}/googletest EXCLUDE_FROM_ALL)
  # googletest >= 1.11 defines the GTest:: aliases itself.
  foreach(lib gtest gtest_main)
    if(NOT TARGET GTest::${lib})
      add_library(GTest::${lib} ALIAS ${lib})
    endif()
  endforeach()
endif()
