// Several runs (model, Windows recorded, Wine, ...) merged into one report: each run is a
// column; cases are the union of their ids, grouped by the part of the id before the first '/'.
#pragma once

#include "report/outcome.hpp"
#include "report/results_file.hpp"

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace fmconf::report {

struct Counts {
  std::array<std::size_t, std::size(kAllOutcomes)> by_outcome{};

  std::size_t& operator[](Outcome outcome) { return by_outcome[static_cast<std::size_t>(outcome)]; }
  std::size_t operator[](Outcome outcome) const {
    return by_outcome[static_cast<std::size_t>(outcome)];
  }
  std::size_t total() const;
  std::size_t gating() const;  // fail + xpass + error
};

struct ReportColumn {
  std::string label;  // "model", "windows", "wine" (+ " <version>" when two runs share a target)
  ResultsFile run;
  std::map<std::string, std::size_t> index;  // case id -> position in run.results
};

struct ReportSet {
  std::vector<ReportColumn> columns;
  std::vector<std::string> groups;    // sorted
  std::vector<std::string> case_ids;  // sorted, grouped

  // With a baseline (`fmconf report --baseline`): the baseline run, the column compared with
  // it, and per case id what changed since (compare.hpp: {"k": kind, "t": text, "g": gates});
  // a case absent from the map is unchanged.
  Json baseline = nullptr;  // {"run": RunInfo json, "column": label, "counts": {...}}
  std::map<std::string, Json> changed_since{};

  const Json* result(std::size_t column, const std::string& case_id) const;
  Counts counts(std::size_t column, const std::string& group) const;  // "" = every group
  // The first result of any column carrying "case" (the case json), else the first result.
  const Json* case_info(const std::string& case_id) const;
};

// "protect/readonly-0x02" -> "protect"; an id without '/' is its own group.
std::string group_of(const std::string& case_id);

// Orders the runs model, windows, wine, then the others (stable), and labels the columns.
ReportSet build_report_set(std::vector<ResultsFile> runs);

}  // namespace fmconf::report
