#include "report/expectations.hpp"

#include <algorithm>
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

namespace {

// "wine-9.0.1-rc2" -> {9, 0, 1}: the dotted numbers after the target's "<name>-".
std::vector<unsigned long> version_numbers(const std::string& key) {
  std::vector<unsigned long> numbers;
  std::size_t i = key.find('-');
  if (i == std::string::npos) return numbers;
  ++i;
  while (i < key.size() && std::isdigit(static_cast<unsigned char>(key[i]))) {
    unsigned long n = 0;
    while (i < key.size() && std::isdigit(static_cast<unsigned char>(key[i]))) {
      n = n * 10 + static_cast<unsigned long>(key[i] - '0');
      ++i;
    }
    numbers.push_back(n);
    if (i + 1 < key.size() && key[i] == '.' &&
        std::isdigit(static_cast<unsigned char>(key[i + 1]))) {
      ++i;
    } else {
      break;
    }
  }
  return numbers;
}

// "wine" of "wine-8.0".
std::string target_of_key(const std::string& key) { return key.substr(0, key.find('-')); }

}  // namespace

int compare_versions(const std::string& a, const std::string& b) {
  std::vector<unsigned long> x = version_numbers(a);
  std::vector<unsigned long> y = version_numbers(b);
  x.resize(std::max(x.size(), y.size()));
  y.resize(x.size());
  return x < y ? -1 : (y < x ? 1 : 0);
}

ExpectationsChoice choose_expectations(const std::filesystem::path& dir, const RunInfo& run) {
  ExpectationsChoice choice;
  choice.key = expectations_key(run);
  if (choice.key.empty()) return choice;
  std::error_code error;
  const std::filesystem::path own = dir / (choice.key + ".json");
  if (std::filesystem::is_regular_file(own, error)) {
    choice.path = own;
    choice.used_key = choice.key;
    return choice;
  }
  // The nearest older version of the same target; of equal versions, the shortest key (the
  // release "wine-9.0" before "wine-9.0-rc1").
  const std::string target = target_of_key(choice.key);
  const bool versioned = !version_numbers(choice.key).empty();
  std::string best;
  if (versioned && std::filesystem::is_directory(dir, error)) {
    for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
      if (entry.path().extension() != ".json") continue;
      const std::string key = entry.path().stem().string();
      if (target_of_key(key) != target || version_numbers(key).empty()) continue;
      if (compare_versions(key, choice.key) > 0) continue;
      if (best.empty() || compare_versions(key, best) > 0 ||
          (compare_versions(key, best) == 0 && key.size() < best.size())) {
        best = key;
      }
    }
  }
  if (best.empty()) {
    choice.note = "no expectations file " + own.filename().string() + " in " + dir.string() +
                  (versioned ? " nor one of an older " + target + " version" : "") +
                  ": every failure counts as new";
    return choice;
  }
  choice.path = dir / (best + ".json");
  choice.used_key = best;
  choice.note = "no expectations file " + own.filename().string() + " in " + dir.string() +
                ": using " + best + ".json, the nearest older version's (write " +
                own.filename().string() + " with `fmconf expectations update`)";
  return choice;
}

namespace {

constexpr const char* kEntryFields[] = {"status", "reason", "spec", "observed"};

}  // namespace

Json expectation_to_json(const Expectation& entry) {
  Json json = entry.extra.is_object() ? entry.extra : Json::object();
  json["status"] = expectation_status_name(entry.status);
  json["reason"] = entry.reason;
  json["spec"] = entry.spec;
  json["observed"] = entry.observed;
  return json;
}

Json expectations_to_json(const Expectations& expectations) {
  Json entries = Json::object();
  for (const auto& [id, entry] : expectations.entries) entries[id] = expectation_to_json(entry);
  Json json = {{"target", expectations.target}, {"entries", entries}};
  if (!expectations.based_on.empty()) json["based_on"] = expectations.based_on;
  if (!expectations.fixed.empty()) {
    json["fixed"] = Json::object();
    for (const auto& [id, entry] : expectations.fixed) json["fixed"][id] = entry;
  }
  return json;
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
    for (const auto& [key, member] : value.items()) {
      if (std::find(std::begin(kEntryFields), std::end(kEntryFields), key) ==
          std::end(kEntryFields)) {
        entry.extra[key] = member;
      }
    }
    expectations.entries.emplace(id, std::move(entry));
  }
  expectations.based_on = json.value("based_on", "");
  if (json.contains("fixed") && json["fixed"].is_object()) {
    for (const auto& [id, value] : json["fixed"].items()) expectations.fixed.emplace(id, value);
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
  out << "{\"target\": " << Json(expectations.target).dump();
  if (!expectations.based_on.empty()) {
    out << ",\n \"based_on\": " << Json(expectations.based_on).dump();
  }
  out << ",\n \"entries\": {";
  bool first = true;
  for (const auto& [id, entry] : expectations.entries) {
    out << (first ? "\n  " : ",\n  ") << Json(id).dump() << ": "
        << expectation_to_json(entry).dump();
    first = false;
  }
  out << "\n}";
  if (!expectations.fixed.empty()) {
    out << ",\n \"fixed\": {";
    first = true;
    for (const auto& [id, entry] : expectations.fixed) {
      out << (first ? "\n  " : ",\n  ") << Json(id).dump() << ": " << entry.dump();
      first = false;
    }
    out << "\n}";
  }
  out << "}\n";
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
  const std::string key = expectations_key(run.run);
  const bool new_version =
      !key.empty() && !expectations.target.empty() && expectations.target != key;
  if (new_version) {
    expectations.based_on = expectations.target;
    expectations.target = key;
    expectations.fixed.clear();  // those of the older file were fixed in an older version
  }
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
        if (new_version) {
          Json entry = expectation_to_json(it->second);
          entry["fixed_in"] = run.run.version;
          entry["listed_in"] = expectations.based_on;
          expectations.fixed[id] = std::move(entry);
          summary.fixed.push_back(id);
        }
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
