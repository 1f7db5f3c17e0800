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
  Json extra = Json::object();  // the entry's other members (its evidence, ...), kept as they are
};

struct Expectations {
  std::string target;  // the key, e.g. "wine-8.0"
  std::map<std::string, Expectation> entries;
  // Written by `expectations update` for a new version: the file it started from ("wine-8.0")
  // and the entries of that file this version passes ("fixed"), each with its reason, evidence
  // and "fixed_in". Neither is read when the expectations are applied.
  std::string based_on{};
  std::map<std::string, Json> fixed{};

  const Expectation* find(const std::string& case_id) const;
};

// Which expectations file a run uses: <dir>/<key>.json when it exists; else the file of the
// nearest older version of the same target (`note` says so); else none (`path` empty, `note`
// says so). The model has none and no note.
struct ExpectationsChoice {
  std::filesystem::path path;  // the file to load ("" = none)
  std::string key;             // the run's own key ("wine-9.0")
  std::string used_key;        // the key of the file used ("wine-8.0"), "" when none
  std::string note;            // set when the run's own file is missing
};
ExpectationsChoice choose_expectations(const std::filesystem::path& dir, const RunInfo& run);

// Orders version keys of one target: -1, 0, 1 as the dotted numbers after "<target>-" compare
// ("wine-9.0" > "wine-8.0.1"; a suffix after the numbers, as in a build tree's
// "wine-9.0-123-gabcdef" or "wine-9.0-rc1", is ignored, so they compare equal to "wine-9.0").
int compare_versions(const std::string& a, const std::string& b);

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
  std::vector<std::string> fixed;    // new version: known in the older file, passing now
};

// Rewrites `expectations` from a run: every failing case gets an entry (existing reasons and
// evidence kept), known entries that now pass are removed, flaky entries are kept, entries of
// cases absent from the run are kept. When the run's version is newer than the file's
// (`expectations.target` is another key than the run's: a new version's file started from the
// nearest older one), the result is that version's file: its target becomes the run's key,
// `based_on` the older key, and each known entry that passes now moves to `fixed` with its
// reason, evidence and "fixed_in" (listed in `summary.fixed` as well as `removed`).
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
