#include "report/html_page.hpp"

#include "report/apply_expectations.hpp"
#include "report/expectations.hpp"
#include "report/protect_heatmap.hpp"

#include <stdexcept>

namespace fmconf::report {

namespace {

// The page template (src/report/html_page_template.html), embedded at build time.
constexpr const char kTemplate[] =
#include "html_page_template.inc"
    ;

constexpr const char kDataMarker[] = "/*FMCONF_DATA*/";

Json counts_json(const Counts& counts) {
  Json json = Json::object();
  for (Outcome o : kAllOutcomes) json[std::string(outcome_name(o))] = counts[o];
  json["total"] = counts.total();
  return json;
}

// Strings past this length (names of 32767 characters) are shortened on the page.
constexpr std::size_t kLongString = 160;

Json shortened(Json value) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (text.size() > kLongString) {
      return text.substr(0, kLongString) + "… (" + std::to_string(text.size()) + " characters)";
    }
  } else if (value.is_structured()) {
    for (auto& item : value) item = shortened(std::move(item));
  }
  return value;
}

// The case's steps with each step's `expect` (results files keep it in the result's steps only).
Json with_expectations(Json steps, const Json& result) {
  if (!steps.is_array()) return steps;
  const Json* observed =
      result.contains("steps") && result["steps"].is_array() ? &result["steps"] : nullptr;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    if (!steps[i].is_object() || steps[i].contains("expect") || observed == nullptr ||
        i >= observed->size() || !(*observed)[i].is_object() ||
        !(*observed)[i].contains("expect")) {
      continue;
    }
    steps[i]["expect"] = (*observed)[i]["expect"];
  }
  return shortened(std::move(steps));
}

// A result as the page needs it: the case's own steps carry the expectations, so the result's
// copies of `expect` are dropped to keep the page small.
Json compact_result(const Json& result) {
  Json r = {{"o", outcome_name(outcome_of(result))}, {"v", result.value("verdict", "error")}};
  if (result.contains("message")) r["m"] = result["message"];
  if (result.contains("diff") && !result["diff"].empty()) r["d"] = result["diff"];
  if (result.contains("expectation") && result["expectation"].is_object()) {
    r["e"] = result["expectation"];
  }
  if (result.contains("steps") && result["steps"].is_array()) {
    Json steps = Json::array();
    for (auto step : result["steps"]) {
      if (step.is_object()) step.erase("expect");
      steps.push_back(std::move(step));
    }
    r["s"] = shortened(std::move(steps));
  }
  return r;
}

}  // namespace

Json html_page_data(const ReportSet& set) {
  Json data;
  Json columns = Json::array();
  Json inferred = Json::array();
  for (std::size_t c = 0; c < set.columns.size(); ++c) {
    const auto& column = set.columns[c];
    columns.push_back({{"label", column.label},
                       {"run", run_info_to_json(column.run.run)},
                       {"totals", counts_json(set.counts(c, ""))}});
    if (inferred.empty() && !column.run.run.inferred.empty()) inferred = column.run.run.inferred;
  }
  data["columns"] = columns;
  data["groups"] = set.groups;
  Json matrix = Json::object();
  for (const auto& group : set.groups) {
    Json row = Json::array();
    for (std::size_t c = 0; c < set.columns.size(); ++c)
      row.push_back(counts_json(set.counts(c, group)));
    matrix[group] = row;
  }
  data["matrix"] = matrix;
  Json cases = Json::array();
  for (const auto& id : set.case_ids) {
    Json entry = {{"id", id}, {"group", group_of(id)}};
    const Json* info = set.case_info(id);
    if (info != nullptr) {
      entry["spec"] = spec_rows_of(*info);
      if (info->contains("provenance")) entry["provenance"] = (*info)["provenance"];
      if (info->contains("title")) entry["title"] = (*info)["title"];
      if (info->contains("case") && (*info)["case"].is_object()) {
        const auto& the_case = (*info)["case"];
        if (the_case.contains("title")) entry["title"] = the_case["title"];
        if (the_case.contains("provenance")) entry["provenance"] = the_case["provenance"];
        if (the_case.contains("steps"))
          entry["steps"] = with_expectations(the_case["steps"], *info);
        if (entry["group"] == "protect") {
          if (const auto cell = heatmap_cell(the_case)) {
            entry["heat"] = {
                {"byte", cell->low_byte}, {"attrs", cell->attributes}, {"backing", cell->backing}};
          }
        }
      }
    }
    Json results = Json::array();
    for (std::size_t c = 0; c < set.columns.size(); ++c) {
      const Json* r = set.result(c, id);
      Json compact = r == nullptr ? Json() : compact_result(*r);
      // Steps observed exactly as in an earlier column are written once: "sr" names that column.
      for (std::size_t earlier = 0; earlier < c && compact.contains("s"); ++earlier) {
        const Json& other = results[earlier];
        if (other.is_object() && other.contains("s") && other["s"] == compact["s"]) {
          compact.erase("s");
          compact["sr"] = earlier;
        }
      }
      results.push_back(std::move(compact));
    }
    entry["r"] = std::move(results);
    if (const auto changed = set.changed_since.find(id); changed != set.changed_since.end()) {
      entry["cs"] = changed->second;
    }
    cases.push_back(std::move(entry));
  }
  data["cases"] = std::move(cases);
  data["inferred"] = inferred;
  data["baseline"] = set.baseline;
  return data;
}

std::string json_for_script(const Json& data) {
  const std::string text = data.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + text.size() / 50);
  for (char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

std::string html_page(const ReportSet& set) {
  std::string page = kTemplate;
  const auto at = page.find(kDataMarker);
  if (at == std::string::npos) throw std::logic_error("html template lacks the data marker");
  page.replace(at, sizeof(kDataMarker) - 1, json_for_script(html_page_data(set)));
  return page;
}

}  // namespace fmconf::report
