#include "reference/section_attributes.hpp"

#include "api/vocabulary.hpp"

namespace fmconf::model {

std::uint32_t known_section_attributes() {
  return sec::kFile | sec::kImage | sec::kReserve | sec::kCommit | sec::kNoCache |
         sec::kWriteCombine | sec::kLargePages;
}

std::uint32_t check_section_attributes(std::uint32_t attributes, bool has_file) {
  const auto has = [attributes](std::uint32_t bit) { return (attributes & bit) != 0; };
  constexpr std::uint32_t kInvalid = error::kInvalidParameter;
  // inferred:protect-modifiers: unknown SEC_* bits (SEC_PROTECTED_IMAGE, 0x100000..) are invalid.
  if (attributes & ~known_section_attributes()) return kInvalid;
  // spec:C14-C16, spec:C33, spec:C35, spec:C38: SEC_FILE is the system's attribute, never the
  // caller's.
  if (has(sec::kFile)) return kInvalid;
  // spec:C9, spec:C10, spec:C28, spec:C29, spec:C40-C43, spec:H5: SEC_IMAGE takes no attribute but
  // SEC_NOCACHE (C39).
  if (has(sec::kImage)) return (attributes & ~(sec::kImage | sec::kNoCache)) ? kInvalid : 0;
  // spec:C7, spec:C26, spec:H4: SEC_COMMIT and SEC_RESERVE cannot be combined.
  if (has(sec::kCommit) && has(sec::kReserve)) return kInvalid;
  // inferred:nocache-with-writecombine
  if (has(sec::kNoCache) && has(sec::kWriteCombine)) return kInvalid;
  // spec:C11, spec:C13, spec:C30, spec:C32, spec:H6: cache attributes need SEC_RESERVE or
  // SEC_COMMIT.
  if ((has(sec::kNoCache) || has(sec::kWriteCombine)) && !has(sec::kCommit) &&
      !has(sec::kReserve)) {
    return kInvalid;
  }
  if (has(sec::kLargePages)) {
    // spec:C20, spec:C24, spec:C31, spec:C40, spec:H7: pagefile only; spec:C2, spec:C12: SEC_COMMIT
    // required.
    if (has_file || !has(sec::kCommit)) return kInvalid;
    // inferred:large-pages: the model's process lacks SeLockMemoryPrivilege.
    return error::kPrivilegeNotHeld;
  }
  return 0;
}

std::uint32_t reported_attributes(std::uint32_t attributes, Backing backing) {
  const std::uint32_t cache = attributes & (sec::kNoCache | sec::kWriteCombine);
  switch (backing) {
    case Backing::pagefile:
      // spec:H4, spec:C4, spec:N10: no attribute means SEC_COMMIT; C1, C3, C5, C6, S17 keep the
      // rest.
      return (attributes & (sec::kCommit | sec::kReserve)) ? attributes : attributes | sec::kCommit;
    case Backing::data_file:
      return sec::kFile |
             cache;  // spec:C19, spec:C22, spec:C36, spec:S6, spec:S9: RESERVE/COMMIT ignored
    case Backing::image:
      return sec::kImage | sec::kFile | (attributes & sec::kNoCache);  // inferred:image-attributes
  }
  return attributes;
}

}  // namespace fmconf::model
