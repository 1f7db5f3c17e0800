// The Win32 vocabulary: every constant and error code the spec uses, parsed from and printed as
// `PAGE_READWRITE|SEC_COMMIT` or `0x...`. Values from the mingw-w64 headers and
// corpus/facts (general, §0) ("Constants", "Error numbers used").
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fmconf {

// Which parameter a flag word belongs to: the same bit means different things in each.
enum class Family {
  protect,             // flProtect: PAGE_* | SEC_*; also VirtualQuery Protect/AllocationProtect
  map_access,          // FILE_MAP_* / SECTION_* / standard rights (MapViewOfFile, OpenFileMapping)
  file_access,         // GENERIC_* / FILE_* rights (CreateFile)
  share,               // FILE_SHARE_*
  disposition,         // CREATE_NEW ... TRUNCATE_EXISTING (a value, not flags)
  file_flags,          // FILE_ATTRIBUTE_* / FILE_FLAG_*
  sync_access,         // EVENT_* / MUTEX_* / SEMAPHORE_* / standard rights
  any_access,          // DuplicateHandle: any object's access rights
  mem_state,           // MEM_COMMIT / MEM_RESERVE / MEM_FREE
  mem_type,            // MEM_MAPPED / MEM_IMAGE / MEM_PRIVATE
  section_attributes,  // SEC_* as NtQuerySection reports them
};

struct Symbol {
  std::string_view name;
  std::uint32_t value;
};

// The symbols of a family, primary names first (the first name for a value is the printed one).
std::span<const Symbol> symbols(Family family);
std::string_view family_name(Family family);

// Parses `NAME|NAME|0x20|32` within a family. Whitespace around parts is allowed. Returns
// std::nullopt and fills *error ("unknown flag 'X' for protect") on a bad part.
std::optional<std::uint32_t> parse_flags(std::string_view text, Family family,
                                         std::string* error = nullptr);
// Prints a value: an exact symbol if one matches, else single-bit symbols joined with `|` plus
// any remaining bits as 0x...; 0 prints as the family's zero symbol or "0".
std::string format_flags(std::uint32_t value, Family family);

// Win32 error codes (GetLastError values).
namespace error {
inline constexpr std::uint32_t kSuccess = 0;
inline constexpr std::uint32_t kFileNotFound = 2;
inline constexpr std::uint32_t kPathNotFound = 3;
inline constexpr std::uint32_t kAccessDenied = 5;
inline constexpr std::uint32_t kInvalidHandle = 6;
inline constexpr std::uint32_t kNotEnoughMemory = 8;
inline constexpr std::uint32_t kSharingViolation = 32;
inline constexpr std::uint32_t kHandleEof = 38;
inline constexpr std::uint32_t kFileExists = 80;
inline constexpr std::uint32_t kInvalidParameter = 87;
inline constexpr std::uint32_t kNegativeSeek = 131;
inline constexpr std::uint32_t kDiskFull = 112;
inline constexpr std::uint32_t kInvalidName = 123;
inline constexpr std::uint32_t kBadPathname = 161;
inline constexpr std::uint32_t kAlreadyExists = 183;
inline constexpr std::uint32_t kBadExeFormat = 193;
inline constexpr std::uint32_t kFilenameExcedRange = 206;
inline constexpr std::uint32_t kInvalidAddress = 487;
inline constexpr std::uint32_t kNoAccess = 998;
inline constexpr std::uint32_t kFileInvalid = 1006;
inline constexpr std::uint32_t kMappedAlignment = 1132;
inline constexpr std::uint32_t kUserMappedFile = 1224;
inline constexpr std::uint32_t kPrivilegeNotHeld = 1314;
inline constexpr std::uint32_t kCommitmentLimit = 1455;
}  // namespace error

std::span<const Symbol> error_symbols();
// "ERROR_ACCESS_DENIED" for 5; "0xdeadbeef" style for codes without a name.
std::string error_name(std::uint32_t code);
// Accepts a name ("ERROR_ACCESS_DENIED") or a number ("5", "0x5").
std::optional<std::uint32_t> parse_error(std::string_view text);

// Constants the model and backends share (values as in winnt.h / winbase.h).
namespace page {
inline constexpr std::uint32_t kNoAccess = 0x01;
inline constexpr std::uint32_t kReadOnly = 0x02;
inline constexpr std::uint32_t kReadWrite = 0x04;
inline constexpr std::uint32_t kWriteCopy = 0x08;
inline constexpr std::uint32_t kExecute = 0x10;
inline constexpr std::uint32_t kExecuteRead = 0x20;
inline constexpr std::uint32_t kExecuteReadWrite = 0x40;
inline constexpr std::uint32_t kExecuteWriteCopy = 0x80;
inline constexpr std::uint32_t kGuard = 0x100;
inline constexpr std::uint32_t kNoCache = 0x200;
inline constexpr std::uint32_t kWriteCombine = 0x400;
}  // namespace page

namespace sec {
inline constexpr std::uint32_t kFile = 0x800000;
inline constexpr std::uint32_t kImage = 0x1000000;
inline constexpr std::uint32_t kProtectedImage = 0x2000000;
inline constexpr std::uint32_t kReserve = 0x4000000;
inline constexpr std::uint32_t kCommit = 0x8000000;
inline constexpr std::uint32_t kNoCache = 0x10000000;
inline constexpr std::uint32_t kWriteCombine = 0x40000000;
inline constexpr std::uint32_t kLargePages = 0x80000000;
inline constexpr std::uint32_t kImageNoExecute = 0x11000000;  // SEC_IMAGE|SEC_NOCACHE
}  // namespace sec

namespace map_access {
inline constexpr std::uint32_t kCopy = 0x1;               // FILE_MAP_COPY (== SECTION_QUERY)
inline constexpr std::uint32_t kSectionQuery = 0x1;       // SECTION_QUERY
inline constexpr std::uint32_t kWrite = 0x2;              // FILE_MAP_WRITE == SECTION_MAP_WRITE
inline constexpr std::uint32_t kRead = 0x4;               // FILE_MAP_READ == SECTION_MAP_READ
inline constexpr std::uint32_t kSectionMapExecute = 0x8;  // SECTION_MAP_EXECUTE
inline constexpr std::uint32_t kSectionExtendSize = 0x10;
inline constexpr std::uint32_t kExecute = 0x20;  // FILE_MAP_EXECUTE (SECTION_MAP_EXECUTE_EXPLICIT)
inline constexpr std::uint32_t kAllAccess = 0xf001f;  // FILE_MAP_ALL_ACCESS == SECTION_ALL_ACCESS
}  // namespace map_access

namespace access {
inline constexpr std::uint32_t kDelete = 0x10000;
inline constexpr std::uint32_t kReadControl = 0x20000;
inline constexpr std::uint32_t kWriteDac = 0x40000;
inline constexpr std::uint32_t kWriteOwner = 0x80000;
inline constexpr std::uint32_t kSynchronize = 0x100000;
inline constexpr std::uint32_t kStandardRightsRequired = 0xf0000;
inline constexpr std::uint32_t kMaximumAllowed = 0x2000000;
inline constexpr std::uint32_t kGenericAll = 0x10000000;
inline constexpr std::uint32_t kGenericExecute = 0x20000000;
inline constexpr std::uint32_t kGenericWrite = 0x40000000;
inline constexpr std::uint32_t kGenericRead = 0x80000000;
}  // namespace access

namespace file_access {
inline constexpr std::uint32_t kReadData = 0x1;
inline constexpr std::uint32_t kWriteData = 0x2;
inline constexpr std::uint32_t kAppendData = 0x4;
inline constexpr std::uint32_t kReadEa = 0x8;
inline constexpr std::uint32_t kWriteEa = 0x10;
inline constexpr std::uint32_t kExecute = 0x20;
inline constexpr std::uint32_t kReadAttributes = 0x80;
inline constexpr std::uint32_t kWriteAttributes = 0x100;
// GENERIC_* as the file object maps them (FILE_GENERIC_READ/WRITE/EXECUTE, winnt.h).
inline constexpr std::uint32_t kGenericRead = 0x120089;
inline constexpr std::uint32_t kGenericWrite = 0x120116;
inline constexpr std::uint32_t kGenericExecute = 0x1200a0;
inline constexpr std::uint32_t kAllAccess = 0x1f01ff;
}  // namespace file_access

namespace share {
inline constexpr std::uint32_t kRead = 0x1;
inline constexpr std::uint32_t kWrite = 0x2;
inline constexpr std::uint32_t kDelete = 0x4;
}  // namespace share

namespace disposition {
inline constexpr std::uint32_t kCreateNew = 1;
inline constexpr std::uint32_t kCreateAlways = 2;
inline constexpr std::uint32_t kOpenExisting = 3;
inline constexpr std::uint32_t kOpenAlways = 4;
inline constexpr std::uint32_t kTruncateExisting = 5;
}  // namespace disposition

namespace file_flags {
inline constexpr std::uint32_t kAttributeReadOnly = 0x1;
inline constexpr std::uint32_t kAttributeNormal = 0x80;
inline constexpr std::uint32_t kDeleteOnClose = 0x04000000;
}  // namespace file_flags

namespace sync_access {
inline constexpr std::uint32_t kEventModifyState = 0x2;
inline constexpr std::uint32_t kEventAllAccess = 0x1f0003;
inline constexpr std::uint32_t kMutexModifyState = 0x1;
inline constexpr std::uint32_t kMutexAllAccess = 0x1f0001;
inline constexpr std::uint32_t kSemaphoreModifyState = 0x2;
inline constexpr std::uint32_t kSemaphoreAllAccess = 0x1f0003;
}  // namespace sync_access

namespace mem {
inline constexpr std::uint32_t kCommit = 0x1000;
inline constexpr std::uint32_t kReserve = 0x2000;
inline constexpr std::uint32_t kFree = 0x10000;
inline constexpr std::uint32_t kPrivate = 0x20000;
inline constexpr std::uint32_t kMapped = 0x40000;
inline constexpr std::uint32_t kImage = 0x1000000;
}  // namespace mem

}  // namespace fmconf
