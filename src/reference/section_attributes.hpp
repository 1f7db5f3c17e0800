// SEC_* attribute rules of CreateFileMapping (table 1C, §5) and the attributes NtQuerySection
// reports for the section that results.
#pragma once

#include <cstdint>

namespace fmconf::model {

enum class Backing { pagefile, data_file, image };

// The SEC_* bits kernel32 splits off flProtect.
inline constexpr std::uint32_t kSectionAttributeMask = 0xff800000u;
// The SEC_* bits the model knows (SEC_FILE..SEC_LARGE_PAGES, without SEC_PROTECTED_IMAGE).
std::uint32_t known_section_attributes();

// 0 if `attributes` (flProtect's SEC_* bits) is a valid combination for a section with or
// without a file, else the Win32 error (ERROR_INVALID_PARAMETER or, for
// SEC_COMMIT|SEC_LARGE_PAGES on the pagefile, ERROR_PRIVILEGE_NOT_HELD).
// spec:C1-C43, spec:H4-H7, spec:§5
std::uint32_t check_section_attributes(std::uint32_t attributes, bool has_file);

// spec:C1-C36 "Attributes reported", S6, S9, S10, S17, N10, H4.
std::uint32_t reported_attributes(std::uint32_t attributes, Backing backing);

}  // namespace fmconf::model
