// Coordinates of a `protect` group case in the flProtect heat-map: the low byte of the first
// CreateFileMapping step's `protect` (a 16x16 grid), its SEC_*/other high bits (one grid each)
// and whether the mapping is pagefile- or file-backed.
#pragma once

#include "report/json.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace fmconf::report {

struct HeatmapCell {
  std::uint32_t low_byte = 0;
  std::string attributes;  // "none" or format_flags of the high bits, e.g. "SEC_COMMIT"
  std::string backing;     // "pagefile" or "file"
};

// From the case json ({"steps": [...]}); nullopt when no CreateFileMapping step has a parsable
// `protect`.
std::optional<HeatmapCell> heatmap_cell(const Json& case_json);

}  // namespace fmconf::report
