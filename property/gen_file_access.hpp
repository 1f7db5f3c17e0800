// Generator of CreateFile access masks: the GENERIC_* combinations table 1A uses (spec:A5-A20,
// H3), specific FILE_* rights, and random combinations of them. Shrinks towards
// GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE, the mask every protection accepts (spec:A20).
#pragma once

#include "api/vocabulary.hpp"

#include <array>
#include <cstdint>
#include <rapidcheck.h>

namespace fmconf::property {

inline constexpr std::uint32_t kGenericRWX =
    access::kGenericRead | access::kGenericWrite | access::kGenericExecute;

inline constexpr std::array<std::uint32_t, 8> kFileAccessMasks = {
    kGenericRWX,
    access::kGenericRead | access::kGenericWrite,
    access::kGenericRead,
    access::kGenericRead | access::kGenericExecute,
    0,  // spec:A8-A10
    access::kGenericWrite,
    access::kGenericExecute,
    access::kGenericAll};

inline constexpr std::array<std::uint32_t, 6> kFileRightBits = {
    file_access::kReadData,   file_access::kWriteData,      file_access::kExecute,
    file_access::kAppendData, file_access::kReadAttributes, access::kSynchronize};

inline rc::Gen<std::uint32_t> file_access_masks() {
  return rc::gen::weightedOneOf<std::uint32_t>({
      {6, rc::gen::elementOf(kFileAccessMasks)},
      {2, rc::gen::map(
              rc::gen::container<std::vector<std::uint32_t>>(rc::gen::elementOf(kFileRightBits)),
              [](const std::vector<std::uint32_t>& bits) {
                std::uint32_t mask = 0;
                for (const auto b : bits) mask |= b;
                return mask;
              })},
  });
}

}  // namespace fmconf::property
