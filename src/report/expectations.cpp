#include "report/expectations.hpp"

#include <cctype>
#include <fstream>
#include <regex>
#include <stdexcept>

namespace fmconf::report {

const Expectation* Expectations::find(const std::string& case_id) const {
  const auto it = entries.find(case_id);
  return it == entries.end() ? nullptr : &it->second;
}

namespace {

std::string sanitize_key(const std::string& text) {
  std::string key;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '.' || c == '_' || c == '-') {
      key += static_cast<char>(std::tolower(u));
    } else if (!key.empty() && key.back() != '-') {
      key += '-';
    }
  }
  while (!key.empty() && key.back() == '-') key.pop_back();
  return key;
}

}  // namespace

std::string expectations_key(const RunInfo& run) {
  if (run.target == "model") return "";  // every failure on the model is a failure
  const std::string target = sanitize_key(run.target);
  const std::string version = sanitize_key(run.version);
  if (version.empty()) return target;
  if (version.rfind(target + "-", 0) == 0) return version;
  return target + "-" + version;
}

std::filesystem::path expectations_path(const std::filesystem::path& dir, const RunInfo& run) {
  const std::string key = expectations_key(run);
  if (key.empty()) return {};
  return dir / (key + ".json");
}

Json expectation_to_json(const Expectation& entry) {
  return {{"status", expectation_status_name(entry.status)},
          {"reason", entry.reason},
          {"spec", entry.spec},
          {"observed", entry.observed}};
}

Json expectations_to_json(const Expectations& expectations) {
  Json entries = Json::object();
  for (const auto& [id, entry] : expectations.entries) entries[id] = expectation_to_json(entry);
  return {{"target", expectations.target}, {"entries", entries}};
}

Expectations expectations_from_json(const Json& json, const std::string& where) {
  if (!json.is_object() || !json.contains("entries") || !json["entries"].is_object()) {
    throw std::runtime_error(where + ": expected {\"target\": ..., \"entries\": {...}}");
  }
  Expectations expectations;
  expectations.target = json.value("target", "");
  for (const auto& [id, value] : json["entries"].items()) {
    if (!value.is_object()) throw std::runtime_error(where + ": entry " + id + " is not an object");
    Expectation entry;
    const auto status = parse_expectation_status(value.value("status", "known"));
    if (!status) {
      throw std::runtime_error(where + ": entry " + id + ": status must be \"known\" or \"flaky\"");
    }
    entry.status = *status;
    entry.reason = value.value("reason", "");
    entry.spec = value.value("spec", "");
    if (value.contains("observed")) entry.observed = value["observed"];
    expectations.entries.emplace(id, std::move(entry));
  }
  return expectations;
}

Expectations load_expectations(const std::filesystem::path& path, const std::string& key) {
  std::ifstream in(path);
  if (!in) return Expectations{key, {}};
  Json json;
  try {
    json = Json::parse(in);
  } catch (const Json::exception& e) {  // parse_error, or out_of_range for a number overflow
    throw std::runtime_error(path.string() + ": " + e.what());
  }
  Expectations expectations = expectations_from_json(json, path.string());
  if (expectations.target.empty()) expectations.target = key;
  return expectations;
}

void save_expectations(const std::filesystem::path& path, const Expectations& expectations) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error(path.string() + ": cannot write");
  // One entry a line keeps review diffs readable.
  out << "{\"target\": " << Json(expectations.target).dump() << ",\n \"entries\": {";
  bool first = true;
  for (const auto& [id, entry] : expectations.entries) {
    out << (first ? "\n  " : ",\n  ") << Json(id).dump() << ": "
        << expectation_to_json(entry).dump();
    first = false;
  }
  out << "\n}}\n";
}

std::string spec_rows_of(const Json& result) {
  static const std::regex row(R"(spec:[A-Z]+[0-9]+[a-z]?)");
  std::string text;
  if (result.contains("provenance") && result["provenance"].is_object()) {
    text += result["provenance"].value("source", "");
  }
  if (result.contains("case") && result["case"].is_object()) {
    const auto& c = result["case"];
    if (c.contains("provenance") && c["provenance"].is_object()) {
      text += " " + c["provenance"].value("source", "");
    }
  }
  std::string rows;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), row); it != std::sregex_iterator();
       ++it) {
    const std::string found = it->str();
    if (rows.find(found) != std::string::npos) continue;
    rows += (rows.empty() ? "" : ", ") + found;
  }
  return rows;
}

UpdateSummary update_expectations(Expectations& expectations, const ResultsFile& run) {
  UpdateSummary summary;
  for (const auto& result : run.results) {
    const std::string id = result.value("id", "");
    const std::string verdict = result.value("verdict", "error");
    const auto it = expectations.entries.find(id);
    const Json diff = result.contains("diff") ? result["diff"] : Json::array();
    if (verdict == "fail") {
      if (it != expectations.entries.end()) {
        it->second.observed = diff;
        if (it->second.spec.empty()) it->second.spec = spec_rows_of(result);
        summary.updated.push_back(id);
      } else {
        Expectation entry;
        entry.reason = kReasonToReview;
        entry.spec = spec_rows_of(result);
        entry.observed = diff;
        expectations.entries.emplace(id, std::move(entry));
        summary.added.push_back(id);
      }
    } else if (verdict == "pass") {
      if (it != expectations.entries.end() && it->second.status == ExpectationStatus::known) {
        expectations.entries.erase(it);
        summary.removed.push_back(id);
      }
    } else {
      summary.errors.push_back(id);
    }
  }
  return summary;
}

std::vector<ExpectationProblem> check_expectations(const Expectations& expectations,
                                                   const std::set<std::string>& case_ids) {
  std::vector<ExpectationProblem> problems;
  if (expectations.target.empty()) problems.push_back({true, "", "the file names no \"target\""});
  for (const auto& [id, entry] : expectations.entries) {
    if (!case_ids.contains(id)) problems.push_back({true, id, "no case has this id"});
    std::string reason = entry.reason;
    while (!reason.empty() && std::isspace(static_cast<unsigned char>(reason.back()))) {
      reason.pop_back();
    }
    if (reason.empty()) {
      problems.push_back({true, id, "no reason given"});
    } else if (reason == kReasonToReview) {
      problems.push_back({false, id, "reason is \"TODO: review\": a human must review this entry"});
    }
  }
  return problems;
}

}  // namespace fmconf::report
