// The spec's rules about CreateFileMapping, written from the facts in corpus/facts
// independently of the model, for checking what the model (or a sweep class) does. Each answers
// "may this outcome happen?" rather than computing the outcome.
#pragma once

#include "api/vocabulary.hpp"

#include <cstdint>

namespace fmconf::property::spec {

inline constexpr std::uint32_t kSecMask = 0xff800000u;

// spec:§2.2, spec:B1-B31: the page protection part is exactly one of the six.
inline bool valid_protection(std::uint32_t flprotect) {
  switch (flprotect & ~kSecMask) {
    case page::kReadOnly:
    case page::kReadWrite:
    case page::kWriteCopy:
    case page::kExecuteRead:
    case page::kExecuteReadWrite:
    case page::kExecuteWriteCopy:
      return true;
    default:
      return false;
  }
}

// spec:C1-C43, spec:H4-H7: SEC_* words that can ever succeed (SEC_LARGE_PAGES never does here: no
// SeLockMemoryPrivilege; unknown bits are not documented).
inline bool attributes_can_succeed(std::uint32_t flprotect, bool has_file) {
  const std::uint32_t a = flprotect & kSecMask;
  const std::uint32_t known = sec::kImage | sec::kReserve | sec::kCommit | sec::kNoCache |
                              sec::kWriteCombine | sec::kLargePages | sec::kFile;
  if (a & ~known) return false;
  if (a & (sec::kFile | sec::kLargePages)) return false;                     // C14-C16, C2, C12
  if (a & sec::kImage) return has_file && (a & ~sec::kImageNoExecute) == 0;  // C8-C10, C38-C43
  if ((a & sec::kCommit) && (a & sec::kReserve)) return false;               // C7, C26
  if ((a & (sec::kNoCache | sec::kWriteCombine)) && !(a & (sec::kCommit | sec::kReserve))) {
    return false;  // C11, C13, H6
  }
  return true;
}

// spec:H3, spec:A5-A20: the GENERIC_* rights a file handle needs for a protection.
inline std::uint32_t required_generic(std::uint32_t flprotect) {
  switch (flprotect & 0xff) {
    case page::kReadOnly:
    case page::kWriteCopy:
      return access::kGenericRead;
    case page::kReadWrite:
      return access::kGenericRead | access::kGenericWrite;
    case page::kExecuteRead:
    case page::kExecuteWriteCopy:
      return access::kGenericRead | access::kGenericExecute;
    default:
      return access::kGenericRead | access::kGenericWrite | access::kGenericExecute;
  }
}

// spec:§2.5, spec:S1, spec:S6, spec:H11 vs S5, A19: only write protections grow a file.
inline bool grows_file(std::uint32_t flprotect) {
  const std::uint32_t p = flprotect & 0xff;
  return p == page::kReadWrite || p == page::kExecuteReadWrite;
}

// The last errors a failing CreateFileMapping/OpenFileMapping/MapViewOfFile may set: §0.3's
// table and the rows of §1-§5.
inline bool documented_error(std::uint32_t e) {
  switch (e) {
    case error::kFileNotFound:
    case error::kPathNotFound:
    case error::kAccessDenied:
    case error::kInvalidHandle:
    case error::kNotEnoughMemory:
    case error::kSharingViolation:
    case error::kInvalidParameter:
    case error::kDiskFull:
    case error::kInvalidName:
    case error::kBadPathname:
    case error::kAlreadyExists:
    case error::kBadExeFormat:
    case error::kFilenameExcedRange:
    case error::kInvalidAddress:
    case error::kNoAccess:
    case error::kFileInvalid:
    case error::kMappedAlignment:
    case error::kUserMappedFile:
    case error::kPrivilegeNotHeld:
    case error::kCommitmentLimit:
      return true;
    default:
      return false;
  }
}

}  // namespace fmconf::property::spec
