// Generator of MapViewOfFile desired-access masks (every row of table 1D: FILE_MAP_COPY, _WRITE,
// _READ, SECTION_MAP_EXECUTE, FILE_MAP_EXECUTE combinations, D0-D31) and view offsets (aligned
// to 64 KiB, page-aligned only, unaligned, beyond 2^32; spec:D53, spec:H14). Shrinks towards
// FILE_MAP_READ at offset 0.
#pragma once

#include "api/vocabulary.hpp"

#include <cstdint>
#include <rapidcheck.h>

namespace fmconf::property {

inline rc::Gen<std::uint32_t> view_access_masks() {
  // Subsets of the five bits of table 1D, FILE_MAP_READ first so it is the shrink target.
  return rc::gen::weightedOneOf<std::uint32_t>({
      {8, rc::gen::map(rc::gen::inRange(0, 64),
                       [](int bits) {
                         const auto b = static_cast<std::uint32_t>(bits) ^ 0x4u;  // 0 -> READ
                         return b & (map_access::kCopy | map_access::kWrite | map_access::kRead |
                                     map_access::kSectionMapExecute | map_access::kExecute);
                       })},
      {1, rc::gen::element(map_access::kAllAccess, map_access::kAllAccess | map_access::kExecute)},
      {1, rc::gen::arbitrary<std::uint32_t>()},
  });
}

struct ViewOffset {
  std::uint32_t high = 0;
  std::uint32_t low = 0;
};

inline void showValue(const ViewOffset& o, std::ostream& os) {
  os << "offset_high=" << o.high << " offset_low=" << o.low;
}

inline rc::Gen<ViewOffset> view_offsets() {
  return rc::gen::element(ViewOffset{0, 0}, ViewOffset{0, 65536}, ViewOffset{0, 4096},
                          ViewOffset{0, 1}, ViewOffset{0, 131072}, ViewOffset{1, 0});
}

}  // namespace fmconf::property
