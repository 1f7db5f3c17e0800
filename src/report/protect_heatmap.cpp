#include "report/protect_heatmap.hpp"

#include "api/vocabulary.hpp"

namespace fmconf::report {

std::optional<HeatmapCell> heatmap_cell(const Json& case_json) {
  if (!case_json.is_object() || !case_json.contains("steps") || !case_json["steps"].is_array()) {
    return std::nullopt;
  }
  for (const auto& step : case_json["steps"]) {
    const std::string call = step.value("call", "");
    if (call.rfind("CreateFileMapping", 0) != 0 || !step.contains("protect")) continue;
    std::optional<std::uint32_t> value;
    if (step["protect"].is_string()) {
      value = parse_flags(step["protect"].get<std::string>(), Family::protect);
    } else if (step["protect"].is_number_unsigned()) {
      value = step["protect"].get<std::uint32_t>();
    }
    if (!value) return std::nullopt;
    HeatmapCell cell;
    cell.low_byte = *value & 0xffu;
    const std::uint32_t high = *value & ~0xffu;
    cell.attributes = high == 0 ? "none" : format_flags(high, Family::protect);
    const auto& file = step.contains("file") ? step["file"] : Json();
    cell.backing =
        file.is_string() && file.get<std::string>() == "INVALID_HANDLE_VALUE" ? "pagefile" : "file";
    return cell;
  }
  return std::nullopt;
}

}  // namespace fmconf::report
