// Generator of flProtect values: mostly the six valid section protections (spec:§2.2, spec:B3-B24),
// then those with SEC_* attribute combinations (spec:C1-C43), single bits, and any 32-bit value.
// Shrinks towards PAGE_READONLY, the simplest valid protection.
#pragma once

#include "api/vocabulary.hpp"

#include <array>
#include <cstdint>
#include <rapidcheck.h>

namespace fmconf::property {

// spec:§2.2, DOC-CFM: exactly these six are valid for CreateFileMapping.
inline constexpr std::array<std::uint32_t, 6> kValidProtections = {
    page::kReadOnly,    page::kWriteCopy,        page::kReadWrite,
    page::kExecuteRead, page::kExecuteWriteCopy, page::kExecuteReadWrite};

// The SEC_* attribute words table 1C exercises, simplest (none) first.
inline constexpr std::array<std::uint32_t, 16> kSectionAttributeWords = {
    0,
    sec::kCommit,
    sec::kReserve,
    sec::kImage,
    sec::kCommit | sec::kNoCache,
    sec::kCommit | sec::kWriteCombine,
    sec::kReserve | sec::kNoCache,
    sec::kReserve | sec::kWriteCombine,
    sec::kImageNoExecute,
    sec::kCommit | sec::kReserve,
    sec::kNoCache,
    sec::kWriteCombine,
    sec::kLargePages,
    sec::kCommit | sec::kLargePages,
    sec::kFile,
    sec::kImage | sec::kCommit};

inline rc::Gen<std::uint32_t> valid_protections() { return rc::gen::elementOf(kValidProtections); }

inline rc::Gen<std::uint32_t> section_attribute_words() {
  return rc::gen::elementOf(kSectionAttributeWords);
}

// One bit of the 32, shrinking towards bit 1 (PAGE_READONLY).
inline rc::Gen<std::uint32_t> single_bits() {
  return rc::gen::map(rc::gen::inRange(0, 32), [](int bit) {
    const int b = bit == 0 ? 1 : bit == 1 ? 0 : bit;  // shrink target: 0x2, then 0x1
    return std::uint32_t{1} << b;
  });
}

inline rc::Gen<std::uint32_t> protect_values() {
  return rc::gen::weightedOneOf<std::uint32_t>({
      {8, valid_protections()},
      {6, rc::gen::apply([](std::uint32_t p, std::uint32_t a) { return p | a; },
                         valid_protections(), section_attribute_words())},
      {2, single_bits()},
      {2, rc::gen::apply([](std::uint32_t a, std::uint32_t b) { return a | b; },
                         valid_protections(), single_bits())},
      {2, rc::gen::arbitrary<std::uint32_t>()},
  });
}

}  // namespace fmconf::property
