#include "reference/protection.hpp"

#include "api/vocabulary.hpp"

namespace fmconf::model {

namespace {
constexpr std::uint32_t kBase = 0xff;  // the eight PAGE_* base protection bits
}

bool is_section_protection(std::uint32_t protect) {
  switch (protect) {
    case page::kReadOnly:
    case page::kReadWrite:
    case page::kWriteCopy:
    case page::kExecuteRead:
    case page::kExecuteReadWrite:
    case page::kExecuteWriteCopy:
      return true;
    default:
      return false;  // spec:B1, spec:B2, spec:B17 and every two-bit value: ERROR_INVALID_PARAMETER
  }
}

std::uint32_t file_rights_for(std::uint32_t protect) {
  using namespace file_access;
  switch (protect) {
    case page::kReadOnly:
    case page::kWriteCopy:
      return kReadData;  // spec:H3, spec:A6, spec:A7 (H1: WRITECOPY ~ READONLY)
    case page::kReadWrite:
      return kReadData | kWriteData;  // spec:H3, spec:A5, spec:A11
    case page::kExecuteRead:
    case page::kExecuteWriteCopy:
      return kReadData | kExecute;  // spec:H3, spec:A13, spec:A14
    case page::kExecuteReadWrite:
      return kReadData | kWriteData | kExecute;  // spec:H3, spec:A12
    default:
      return kReadData | kWriteData | kExecute;
  }
}

std::uint32_t view_protection_for(std::uint32_t desired_access) {
  // spec:1D rule: exec iff FILE_MAP_EXECUTE; COPY compared by equality; then WRITE; then READ.
  const bool exec = (desired_access & map_access::kExecute) != 0;
  const std::uint32_t rest = desired_access & ~map_access::kExecute;
  if (rest == map_access::kCopy) return exec ? page::kExecuteWriteCopy : page::kWriteCopy;
  if (rest & map_access::kWrite) return exec ? page::kExecuteReadWrite : page::kReadWrite;
  if (rest & map_access::kRead) return exec ? page::kExecuteRead : page::kReadOnly;
  return page::kNoAccess;  // spec:D0, spec:D8, spec:D16, spec:D24, spec:D25
}

bool is_writable(std::uint32_t protect) {
  const std::uint32_t p = protect & kBase;
  return p == page::kReadWrite || p == page::kWriteCopy || p == page::kExecuteReadWrite ||
         p == page::kExecuteWriteCopy;
}

bool is_copy_on_write(std::uint32_t protect) {
  const std::uint32_t p = protect & kBase;
  return p == page::kWriteCopy || p == page::kExecuteWriteCopy;
}

bool is_readable(std::uint32_t protect) {
  const std::uint32_t p = protect & kBase;
  return p != 0 && p != page::kNoAccess;
}

bool is_executable(std::uint32_t protect) {
  const std::uint32_t p = protect & kBase;
  return p == page::kExecute || p == page::kExecuteRead || p == page::kExecuteReadWrite ||
         p == page::kExecuteWriteCopy;
}

namespace {
// Shared writes: the view writes through to the section (not copy-on-write).
bool writes_shared(std::uint32_t protect) {
  return is_writable(protect) && !is_copy_on_write(protect);
}
}  // namespace

bool view_allowed_by_section(std::uint32_t section_protect, std::uint32_t view_protect) {
  // spec:D2-D31 columns: a shared-write view needs a RW/XRW section, an exec view an exec one;
  // read-only, NOACCESS and copy-on-write views fit every section (D0, D1, D12, H13).
  if (writes_shared(view_protect) && !writes_shared(section_protect)) return false;
  if (is_executable(view_protect) && !is_executable(section_protect)) return false;
  return true;
}

std::uint32_t handle_rights_for_view(std::uint32_t view_protect) {
  // spec:1D rule "a view needing no access still needs SECTION_MAP_READ", D-H0 column.
  std::uint32_t rights = map_access::kRead;
  if (writes_shared(view_protect)) rights |= map_access::kWrite;  // spec:N7, spec:D42
  if (is_executable(view_protect)) rights |= map_access::kSectionMapExecute;
  return rights;
}

std::uint32_t section_handle_rights_for(std::uint32_t protect) {
  std::uint32_t rights =
      access::kStandardRightsRequired | map_access::kSectionQuery | map_access::kRead;
  if (writes_shared(protect)) rights |= map_access::kWrite;
  if (is_executable(protect)) rights |= map_access::kSectionMapExecute | map_access::kExecute;
  return rights;
}

std::uint32_t after_private_write(std::uint32_t protect) {
  const std::uint32_t modifiers = protect & ~kBase;
  switch (protect & kBase) {
    case page::kWriteCopy:
      return page::kReadWrite | modifiers;  // spec:B34
    case page::kExecuteWriteCopy:
      return page::kExecuteReadWrite | modifiers;  // spec:B35
    default:
      return protect;
  }
}

}  // namespace fmconf::model
