# Warnings for every fmconf target: -Wall -Wextra clean is a standard of the project.
add_library(fmconf_warnings INTERFACE)
if(MSVC)
  target_compile_options(fmconf_warnings INTERFACE /W4 /permissive-)
  if(FMCONF_WERROR)
    target_compile_options(fmconf_warnings INTERFACE /WX)
  endif()
else()
  target_compile_options(fmconf_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
                                                   -Wno-sign-conversion)
  if(FMCONF_WERROR)
    target_compile_options(fmconf_warnings INTERFACE -Werror)
  endif()
endif()
