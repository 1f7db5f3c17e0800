#include "api/vocabulary.hpp"

#include <bit>
#include <charconv>

namespace fmconf {
namespace {

constexpr Symbol kProtect[] = {
    {"PAGE_NOACCESS", page::kNoAccess},
    {"PAGE_READONLY", page::kReadOnly},
    {"PAGE_READWRITE", page::kReadWrite},
    {"PAGE_WRITECOPY", page::kWriteCopy},
    {"PAGE_EXECUTE", page::kExecute},
    {"PAGE_EXECUTE_READ", page::kExecuteRead},
    {"PAGE_EXECUTE_READWRITE", page::kExecuteReadWrite},
    {"PAGE_EXECUTE_WRITECOPY", page::kExecuteWriteCopy},
    {"PAGE_GUARD", page::kGuard},
    {"PAGE_NOCACHE", page::kNoCache},
    {"PAGE_WRITECOMBINE", page::kWriteCombine},
    {"SEC_FILE", sec::kFile},
    {"SEC_IMAGE", sec::kImage},
    {"SEC_PROTECTED_IMAGE", sec::kProtectedImage},
    {"SEC_RESERVE", sec::kReserve},
    {"SEC_COMMIT", sec::kCommit},
    {"SEC_NOCACHE", sec::kNoCache},
    {"SEC_WRITECOMBINE", sec::kWriteCombine},
    {"SEC_LARGE_PAGES", sec::kLargePages},
    {"SEC_IMAGE_NO_EXECUTE", sec::kImageNoExecute},
};

constexpr Symbol kSectionAttributes[] = {
    {"SEC_FILE", sec::kFile},
    {"SEC_IMAGE", sec::kImage},
    {"SEC_PROTECTED_IMAGE", sec::kProtectedImage},
    {"SEC_RESERVE", sec::kReserve},
    {"SEC_COMMIT", sec::kCommit},
    {"SEC_NOCACHE", sec::kNoCache},
    {"SEC_WRITECOMBINE", sec::kWriteCombine},
    {"SEC_LARGE_PAGES", sec::kLargePages},
    {"SEC_IMAGE_NO_EXECUTE", sec::kImageNoExecute},
};

#define FMCONF_STANDARD_RIGHTS                                                                  \
  {"DELETE", access::kDelete}, {"READ_CONTROL", access::kReadControl},                          \
      {"WRITE_DAC", access::kWriteDac}, {"WRITE_OWNER", access::kWriteOwner},                   \
      {"SYNCHRONIZE", access::kSynchronize},                                                    \
      {"STANDARD_RIGHTS_REQUIRED", access::kStandardRightsRequired},                            \
      {"MAXIMUM_ALLOWED", access::kMaximumAllowed}, {"GENERIC_ALL", access::kGenericAll},       \
      {"GENERIC_EXECUTE", access::kGenericExecute}, {"GENERIC_WRITE", access::kGenericWrite}, { \
    "GENERIC_READ", access::kGenericRead                                                        \
  }

constexpr Symbol kMapAccess[] = {
    {"FILE_MAP_COPY", map_access::kCopy},
    {"FILE_MAP_WRITE", map_access::kWrite},
    {"FILE_MAP_READ", map_access::kRead},
    {"SECTION_MAP_EXECUTE", map_access::kSectionMapExecute},
    {"SECTION_EXTEND_SIZE", map_access::kSectionExtendSize},
    {"FILE_MAP_EXECUTE", map_access::kExecute},
    {"FILE_MAP_ALL_ACCESS", map_access::kAllAccess},
    {"SECTION_QUERY", map_access::kSectionQuery},
    {"SECTION_MAP_WRITE", map_access::kWrite},
    {"SECTION_MAP_READ", map_access::kRead},
    {"SECTION_MAP_EXECUTE_EXPLICIT", map_access::kExecute},
    {"SECTION_ALL_ACCESS", map_access::kAllAccess},
    FMCONF_STANDARD_RIGHTS,
};

constexpr Symbol kFileAccess[] = {
    {"FILE_READ_DATA", file_access::kReadData},
    {"FILE_WRITE_DATA", file_access::kWriteData},
    {"FILE_APPEND_DATA", file_access::kAppendData},
    {"FILE_READ_EA", file_access::kReadEa},
    {"FILE_WRITE_EA", file_access::kWriteEa},
    {"FILE_EXECUTE", file_access::kExecute},
    {"FILE_READ_ATTRIBUTES", file_access::kReadAttributes},
    {"FILE_WRITE_ATTRIBUTES", file_access::kWriteAttributes},
    {"FILE_GENERIC_READ", file_access::kGenericRead},
    {"FILE_GENERIC_WRITE", file_access::kGenericWrite},
    {"FILE_GENERIC_EXECUTE", file_access::kGenericExecute},
    {"FILE_ALL_ACCESS", file_access::kAllAccess},
    FMCONF_STANDARD_RIGHTS,
};

constexpr Symbol kShare[] = {
    {"FILE_SHARE_READ", share::kRead},
    {"FILE_SHARE_WRITE", share::kWrite},
    {"FILE_SHARE_DELETE", share::kDelete},
};

constexpr Symbol kDisposition[] = {
    {"CREATE_NEW", disposition::kCreateNew},
    {"CREATE_ALWAYS", disposition::kCreateAlways},
    {"OPEN_EXISTING", disposition::kOpenExisting},
    {"OPEN_ALWAYS", disposition::kOpenAlways},
    {"TRUNCATE_EXISTING", disposition::kTruncateExisting},
};

constexpr Symbol kFileFlags[] = {
    {"FILE_ATTRIBUTE_READONLY", 0x1},
    {"FILE_ATTRIBUTE_HIDDEN", 0x2},
    {"FILE_ATTRIBUTE_SYSTEM", 0x4},
    {"FILE_ATTRIBUTE_ARCHIVE", 0x20},
    {"FILE_ATTRIBUTE_NORMAL", file_flags::kAttributeNormal},
    {"FILE_ATTRIBUTE_TEMPORARY", 0x100},
    {"FILE_FLAG_RANDOM_ACCESS", 0x10000000},
    {"FILE_FLAG_SEQUENTIAL_SCAN", 0x08000000},
    {"FILE_FLAG_DELETE_ON_CLOSE", file_flags::kDeleteOnClose},
    {"FILE_FLAG_WRITE_THROUGH", 0x80000000},
};

constexpr Symbol kSyncAccess[] = {
    {"MUTEX_MODIFY_STATE", sync_access::kMutexModifyState},
    {"EVENT_MODIFY_STATE", sync_access::kEventModifyState},
    {"SEMAPHORE_MODIFY_STATE", sync_access::kSemaphoreModifyState},
    {"EVENT_ALL_ACCESS", sync_access::kEventAllAccess},
    {"MUTEX_ALL_ACCESS", sync_access::kMutexAllAccess},
    {"SEMAPHORE_ALL_ACCESS", sync_access::kSemaphoreAllAccess},
    FMCONF_STANDARD_RIGHTS,
};

constexpr Symbol kMemState[] = {
    {"MEM_COMMIT", mem::kCommit},
    {"MEM_RESERVE", mem::kReserve},
    {"MEM_FREE", mem::kFree},
};

constexpr Symbol kMemType[] = {
    {"MEM_PRIVATE", mem::kPrivate},
    {"MEM_MAPPED", mem::kMapped},
    {"MEM_IMAGE", mem::kImage},
};

// DuplicateHandle takes any object's rights: section names first, then file, then sync objects.
constexpr Symbol kAnyAccess[] = {
    {"FILE_MAP_COPY", map_access::kCopy},
    {"FILE_MAP_WRITE", map_access::kWrite},
    {"FILE_MAP_READ", map_access::kRead},
    {"SECTION_MAP_EXECUTE", map_access::kSectionMapExecute},
    {"SECTION_EXTEND_SIZE", map_access::kSectionExtendSize},
    {"FILE_MAP_EXECUTE", map_access::kExecute},
    {"FILE_MAP_ALL_ACCESS", map_access::kAllAccess},
    {"SECTION_QUERY", map_access::kSectionQuery},
    {"SECTION_MAP_WRITE", map_access::kWrite},
    {"SECTION_MAP_READ", map_access::kRead},
    {"SECTION_MAP_EXECUTE_EXPLICIT", map_access::kExecute},
    {"SECTION_ALL_ACCESS", map_access::kAllAccess},
    {"FILE_READ_DATA", file_access::kReadData},
    {"FILE_WRITE_DATA", file_access::kWriteData},
    {"FILE_APPEND_DATA", file_access::kAppendData},
    {"FILE_EXECUTE", file_access::kExecute},
    {"FILE_GENERIC_READ", file_access::kGenericRead},
    {"FILE_GENERIC_WRITE", file_access::kGenericWrite},
    {"FILE_GENERIC_EXECUTE", file_access::kGenericExecute},
    {"FILE_ALL_ACCESS", file_access::kAllAccess},
    {"EVENT_MODIFY_STATE", sync_access::kEventModifyState},
    {"EVENT_ALL_ACCESS", sync_access::kEventAllAccess},
    {"MUTEX_MODIFY_STATE", sync_access::kMutexModifyState},
    {"MUTEX_ALL_ACCESS", sync_access::kMutexAllAccess},
    {"SEMAPHORE_MODIFY_STATE", sync_access::kSemaphoreModifyState},
    {"SEMAPHORE_ALL_ACCESS", sync_access::kSemaphoreAllAccess},
    FMCONF_STANDARD_RIGHTS,
};

#undef FMCONF_STANDARD_RIGHTS

constexpr Symbol kErrors[] = {
    {"ERROR_SUCCESS", error::kSuccess},
    {"ERROR_FILE_NOT_FOUND", error::kFileNotFound},
    {"ERROR_PATH_NOT_FOUND", error::kPathNotFound},
    {"ERROR_ACCESS_DENIED", error::kAccessDenied},
    {"ERROR_INVALID_HANDLE", error::kInvalidHandle},
    {"ERROR_NOT_ENOUGH_MEMORY", error::kNotEnoughMemory},
    {"ERROR_SHARING_VIOLATION", error::kSharingViolation},
    {"ERROR_HANDLE_EOF", error::kHandleEof},
    {"ERROR_FILE_EXISTS", error::kFileExists},
    {"ERROR_INVALID_PARAMETER", error::kInvalidParameter},
    {"ERROR_DISK_FULL", error::kDiskFull},
    {"ERROR_NEGATIVE_SEEK", error::kNegativeSeek},
    {"ERROR_INVALID_NAME", error::kInvalidName},
    {"ERROR_BAD_PATHNAME", error::kBadPathname},
    {"ERROR_ALREADY_EXISTS", error::kAlreadyExists},
    {"ERROR_BAD_EXE_FORMAT", error::kBadExeFormat},
    {"ERROR_FILENAME_EXCED_RANGE", error::kFilenameExcedRange},
    {"ERROR_INVALID_ADDRESS", error::kInvalidAddress},
    {"ERROR_NOACCESS", error::kNoAccess},
    {"ERROR_FILE_INVALID", error::kFileInvalid},
    {"ERROR_MAPPED_ALIGNMENT", error::kMappedAlignment},
    {"ERROR_USER_MAPPED_FILE", error::kUserMappedFile},
    {"ERROR_PRIVILEGE_NOT_HELD", error::kPrivilegeNotHeld},
    {"ERROR_COMMITMENT_LIMIT", error::kCommitmentLimit},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<std::uint32_t> parse_number(std::string_view s) {
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s.remove_prefix(2);
    base = 16;
  }
  if (s.empty()) return std::nullopt;
  std::uint64_t value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
  if (ec != std::errc() || ptr != s.data() + s.size() || value > 0xffffffffu) return std::nullopt;
  return static_cast<std::uint32_t>(value);
}

std::string hex(std::uint32_t value) {
  char buf[16];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value, 16);
  (void)ec;
  return "0x" + std::string(buf, ptr);
}

}  // namespace

std::span<const Symbol> symbols(Family family) {
  switch (family) {
    case Family::protect:
      return kProtect;
    case Family::map_access:
      return kMapAccess;
    case Family::file_access:
      return kFileAccess;
    case Family::share:
      return kShare;
    case Family::disposition:
      return kDisposition;
    case Family::file_flags:
      return kFileFlags;
    case Family::sync_access:
      return kSyncAccess;
    case Family::any_access:
      return kAnyAccess;
    case Family::mem_state:
      return kMemState;
    case Family::mem_type:
      return kMemType;
    case Family::section_attributes:
      return kSectionAttributes;
  }
  return {};
}

std::string_view family_name(Family family) {
  switch (family) {
    case Family::protect:
      return "protect";
    case Family::map_access:
      return "map access";
    case Family::file_access:
      return "file access";
    case Family::share:
      return "share mode";
    case Family::disposition:
      return "disposition";
    case Family::file_flags:
      return "file flags";
    case Family::sync_access:
      return "sync object access";
    case Family::any_access:
      return "access";
    case Family::mem_state:
      return "memory state";
    case Family::mem_type:
      return "memory type";
    case Family::section_attributes:
      return "section attributes";
  }
  return "?";
}

std::optional<std::uint32_t> parse_flags(std::string_view text, Family family, std::string* error) {
  const auto table = symbols(family);
  std::uint32_t value = 0;
  if (trim(text).empty()) {
    if (error) *error = "empty flag value for " + std::string(family_name(family));
    return std::nullopt;
  }
  while (true) {
    const auto bar = text.find('|');
    const auto part = trim(text.substr(0, bar));
    std::optional<std::uint32_t> bits = parse_number(part);
    if (!bits) {
      for (const auto& s : table) {
        if (s.name == part) {
          bits = s.value;
          break;
        }
      }
    }
    if (!bits) {
      if (error) {
        *error = "unknown flag '" + std::string(part) + "' for " + std::string(family_name(family));
      }
      return std::nullopt;
    }
    value |= *bits;
    if (bar == std::string_view::npos) break;
    text.remove_prefix(bar + 1);
  }
  return value;
}

std::string format_flags(std::uint32_t value, Family family) {
  const auto table = symbols(family);
  for (const auto& s : table) {
    if (s.value == value) return std::string(s.name);
  }
  if (value == 0) return "0";
  if (family == Family::disposition) return hex(value);
  std::string out;
  std::uint32_t rest = value;
  for (const auto& s : table) {
    if (std::popcount(s.value) == 1 && (rest & s.value)) {
      if (!out.empty()) out += '|';
      out += s.name;
      rest &= ~s.value;
    }
  }
  if (rest) {
    if (!out.empty()) out += '|';
    out += hex(rest);
  }
  return out;
}

std::span<const Symbol> error_symbols() { return kErrors; }

std::string error_name(std::uint32_t code) {
  for (const auto& s : kErrors) {
    if (s.value == code) return std::string(s.name);
  }
  return hex(code);
}

std::optional<std::uint32_t> parse_error(std::string_view text) {
  text = trim(text);
  for (const auto& s : kErrors) {
    if (s.name == text) return s.value;
  }
  return parse_number(text);
}

}  // namespace fmconf
