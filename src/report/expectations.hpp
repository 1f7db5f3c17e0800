// A target's expectations: the cases it is known to fail (wpt metadata / todo_wine style), kept
// out of the case tree in corpus/expectations/<key>.json:
//   {"target": "wine-8.0", "entries": {"<case id>": {"status": "known"|"flaky", "reason": "...",
//    "spec": "spec:A13", "observed": [the diff seen when the entry was written]}}}
#pragma once

#include "report/json.hpp"
#include "report/outcome.hpp"
#include "report/results_file.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace fmconf::report {

inline constexpr const char* kReasonToReview = "TODO: review";

struct Expectation {
  ExpectationStatus status = ExpectationStatus::known;
  std::string reason;
  std::string spec;
  Json observed = Json::array();
};

struct Expectations {
  std::string target;  // the key, e.g. "wine-8.0"
  std::map<std::string, Expectation> entries;

  const Expectation* find(const std::string& case_id) const;
};

// The key naming a run's expectations file: "wine-8.0" for target "wine", version "wine-8.0";
// "windows-10.0.19045" for "windows", "Windows 10.0.19045". The model has none (empty key).
std::string expectations_key(const RunInfo& run);
std::filesystem::path expectations_path(const std::filesystem::path& dir, const RunInfo& run);

Json expectation_to_json(const Expectation& entry);
Json expectations_to_json(const Expectations& expectations);
// Throws std::runtime_error naming `where` on a malformed file.
Expectations expectations_from_json(const Json& json, const std::string& where);
// A missing file is an empty set of expectations for `key`.
Expectations load_expectations(const std::filesystem::path& path, const std::string& key);
void save_expectations(const std::filesystem::path& path, const Expectations& expectations);

// What `fmconf expectations update` changed.
struct UpdateSummary {
  std::vector<std::string> added;    // new failures, reason "TODO: review": a human must review
  std::vector<std::string> updated;  // still failing; reason kept, observed refreshed
  std::vector<std::string> removed;  // listed as known and now passing
  std::vector<std::string> errors;   // verdict error: never turned into an expectation
};

// Rewrites `expectations` from a run: every failing case gets an entry (existing reasons kept),
// known entries that now pass are removed, flaky entries are kept, entries of cases absent from
// the run are kept.
UpdateSummary update_expectations(Expectations& expectations, const ResultsFile& run);

struct ExpectationProblem {
  bool is_error = true;  // false: a warning (an entry still waiting for review)
  std::string case_id;
  std::string message;
};

// Lints a file: every entry names an existing case id and has a reason.
std::vector<ExpectationProblem> check_expectations(const Expectations& expectations,
                                                   const std::set<std::string>& case_ids);

// The spec rows a case cites ("spec:A13, spec:A14"), from its provenance source and title.
std::string spec_rows_of(const Json& result);

}  // namespace fmconf::report
