// Page-protection rules of sections and views: which flProtect values are valid, what file
// rights a protection needs, what protection a view gets from its FILE_MAP_* access, and which
// views a section protection allows. The small oracle functions of Wine's tests, as rules.
#pragma once

#include <cstdint>

namespace fmconf::model {

// spec:B1-B31, spec:§2.2: exactly one of the six section protections (no NOACCESS, no EXECUTE).
bool is_section_protection(std::uint32_t protect);

// spec:H3, spec:A5-A20: the FILE_* rights a file handle must hold for a section of `protect`.
std::uint32_t file_rights_for(std::uint32_t protect);

// spec:1D rule, D0-D31: the view protection MapViewOfFile derives from dwDesiredAccess.
std::uint32_t view_protection_for(std::uint32_t desired_access);

// spec:1D, spec:H13: whether a view of `view_protect` may be mapped from a `section_protect`
// section.
bool view_allowed_by_section(std::uint32_t section_protect, std::uint32_t view_protect);

// spec:1D, spec:N7, spec:N11, spec:D41-D44: the SECTION_* rights the mapping handle needs for the
// view.
std::uint32_t handle_rights_for_view(std::uint32_t view_protect);

// inferred:section-handle-access: the rights a CreateFileMapping handle gets.
std::uint32_t section_handle_rights_for(std::uint32_t protect);

bool is_writable(std::uint32_t protect);       // READWRITE, WRITECOPY and their EXECUTE forms
bool is_copy_on_write(std::uint32_t protect);  // WRITECOPY, EXECUTE_WRITECOPY
bool is_readable(std::uint32_t protect);       // anything but NOACCESS (and 0)
bool is_executable(std::uint32_t protect);
// spec:B34, spec:B35: a copy-on-write page after its first write.
std::uint32_t after_private_write(std::uint32_t protect);

}  // namespace fmconf::model
