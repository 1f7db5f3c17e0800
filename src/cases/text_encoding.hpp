// The name and path conversions the runner applies, the same for every backend.
#pragma once

#include <string>
#include <string_view>

namespace fmconf {

// UTF-8 (as JSON strings hold it) to UTF-16 for the W calls. Ill-formed sequences become U+FFFD.
std::u16string utf8_to_utf16(std::string_view utf8);

// UTF-8 to Windows-1252 bytes for the A calls (the ANSI code page fmconf assumes everywhere).
// Code points without a Windows-1252 byte become '?'. U+0081, U+008D, U+008F, U+0090 and U+009D
// map to the byte of the same value, as Windows' code page 1252 tables do.
std::string utf8_to_windows1252(std::string_view utf8);

}  // namespace fmconf
