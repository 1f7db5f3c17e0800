// Text conversions the model needs: ANSI (Windows-1252) names to UTF-16, and C-string
// truncation at the first NUL.
#pragma once

#include <string>

namespace fmconf::model {

// The string up to its first NUL (Win32 reads names and paths as C strings).
std::u16string up_to_nul(const std::u16string& text);
std::string up_to_nul(const std::string& text);

// Windows-1252 bytes to UTF-16, as MultiByteToWideChar(1252) does: 0x80-0x9F map to their
// cp1252 characters; the five unassigned bytes map to the C1 control of the same value.
std::u16string windows1252_to_utf16(const std::string& bytes);

}  // namespace fmconf::model
