// Two runs compared case by case (`fmconf compare OLD NEW`): results files of the same target
// (yesterday's Wine and today's build) or of different ones (the model and Wine, Windows 10 and
// 11). Cases match by id. What changed: new failures, fixes, changed observations (the same
// verdict, another observed value: a different error code, ...), cases only in one run, and
// xpass in the new run. A change gates when it is a new grounded failure (outcome `fail` or
// `error`; never `unconfirmed`, never one the new run lists as `known` or `flaky`) or an xpass.
#pragma once

#include "report/json.hpp"
#include "report/report_set.hpp"
#include "report/results_file.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fmconf::report {

enum class ChangeKind {
  new_failure,  // passed in OLD, fails (or errors) in NEW
  fixed,        // failed (or errored) in OLD, passes in NEW
  changed,      // the same verdict, different observations
  only_old,     // in OLD only
  only_new,     // in NEW only
  xpass,        // unchanged, but NEW lists it as known and it passes
};

std::string_view change_kind_name(ChangeKind kind);

// One observed value that differs: `step` counts from 0 (as a result's "diff" does); `field` is
// the observable ("error", "ok", "size", ...); a step or field one run lacks is null there. A
// case-level difference (an error's message) has step -1.
struct ObservationChange {
  long step = 0;
  std::string call;
  std::string field;
  Json old_value;
  Json new_value;
};

struct CaseChange {
  ChangeKind kind = ChangeKind::changed;
  std::string id;
  std::string old_verdict, new_verdict;  // "" for the run that lacks the case
  std::string old_outcome, new_outcome;
  std::vector<ObservationChange> observations;  // empty: the observations are the same
  bool grounded = true;  // false when NEW's outcome is `unconfirmed` (agreement 5)
  bool gates = false;    // a new grounded failure, or xpass
  std::string message;   // NEW's message (errors), else OLD's
};

struct Comparison {
  RunInfo old_run, new_run;
  std::size_t compared = 0;         // cases in both runs
  std::vector<CaseChange> changes;  // sorted by id

  std::size_t count(ChangeKind kind) const;
  std::size_t gating() const;
};

// The observations of two results of one case that differ: each step's observed values (every
// member but the case's `expect` and the model's `basis`), and the message of an error.
std::vector<ObservationChange> observation_changes(const Json& old_result, const Json& new_result);

Comparison compare_runs(const ResultsFile& old_run, const ResultsFile& new_run);

// "wine wine-8.0 (/usr/bin/wine, 2026-12-03T10:00:00Z)": a run as the outputs name it.
std::string describe_run(const RunInfo& run);

// Compares `baseline` with the report's column of the same target (else its last column) and
// fills set.baseline and set.changed_since, for the "changed since" column of the HTML page and
// the summary.
void add_baseline(ReportSet& set, const ResultsFile& baseline);

// The three outputs: text for a person, JSON for tools, JUnit XML for CI (one testcase per
// change; gating changes are <failure>s).
std::string comparison_text(const Comparison& comparison, std::size_t max_listed = 0);
Json comparison_json(const Comparison& comparison);
std::string comparison_junit(const Comparison& comparison);

}  // namespace fmconf::report
