// Generator of section sizes, boundary-biased around the file's size, the page size, 64 KiB
// (the allocation granularity), 2^32 (reached through dwMaximumSizeHigh) and huge values
// (spec:§5, spec:S1-S22). Shrinks towards 0:0, "the file's own size" (spec:H8).
#pragma once

#include <cstdint>
#include <rapidcheck.h>
#include <vector>

namespace fmconf::property {

// dwMaximumSizeHigh / dwMaximumSizeLow.
struct SizeArgs {
  std::uint32_t high = 0;
  std::uint32_t low = 0;
  std::uint64_t value() const { return (std::uint64_t{high} << 32) | low; }
  static SizeArgs of(std::uint64_t size) {
    return {static_cast<std::uint32_t>(size >> 32), static_cast<std::uint32_t>(size)};
  }
};

// `huge`: include a size far beyond any disk (spec:S4: 0x8000000:0x10000).
inline rc::Gen<SizeArgs> sizes_near(std::uint64_t file_size, bool huge = true) {
  std::vector<std::uint64_t> anchors = {0, file_size, 4096, 65536,
                                        1, 4095,      8192, std::uint64_t{1} << 32};
  if (huge) {
    anchors.push_back((std::uint64_t{0x8000000} << 32) | 0x10000);  // spec:S4
  }
  return rc::gen::map(rc::gen::pair(rc::gen::elementOf(anchors), rc::gen::inRange(-2, 3)),
                      [](const std::pair<std::uint64_t, int>& p) {
                        const auto [anchor, delta] = p;
                        // 0 and the deltas shrink to 0: anchor exactly.
                        if (delta < 0 && anchor < static_cast<std::uint64_t>(-delta)) {
                          return SizeArgs::of(anchor);
                        }
                        return SizeArgs::of(anchor + static_cast<std::uint64_t>(delta));
                      });
}

}  // namespace fmconf::property

namespace rc {
template <>
struct Arbitrary<fmconf::property::SizeArgs> {
  static Gen<fmconf::property::SizeArgs> arbitrary() { return fmconf::property::sizes_near(8192); }
};
}  // namespace rc

namespace fmconf::property {
inline void showValue(const SizeArgs& s, std::ostream& os) {
  os << "size_high=" << s.high << " size_low=" << s.low;
}
}  // namespace fmconf::property
