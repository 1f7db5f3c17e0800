// The results file: one JSON file per run of one target (documented in reports/README.md).
//   {"format": "fmconf-results", "format_version": 1, "run": {...RunInfo...},
//    "results": [ CaseResult JSON + "outcome" + "expectation" (+ "case": the case json) ]}
#pragma once

#include "report/json.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace fmconf::report {

inline constexpr const char* kResultsFormat = "fmconf-results";
inline constexpr int kResultsFormatVersion = 1;

// Where and how a run happened: the environment header of a results file.
struct RunInfo {
  std::string target{};   // "model", "wine", "windows"
  std::string version{};  // model version, "wine-8.0", "Windows 10.0.19045"
  std::uint32_t page_size = 0;
  std::uint32_t allocation_granularity = 0;
  std::string suite_commit = "unknown";  // git rev-parse HEAD of the suite
  std::string date{};                    // UTC ISO-8601
  std::string host{};
  std::string command{};
  Json inferred = Json::array();    // the model's inferred choices, if any
  std::string launcher{};           // wine: the `wine` launcher that ran (absolute path)
  std::string launcher_version{};   // wine: its `wine --version` line
  std::string expectations{};       // the expectations file applied ("" = none)
  std::string expectations_note{};  // why not the run's own version's file (fallback, none)
};

struct ResultsFile {
  RunInfo run;
  std::vector<Json> results;  // one object per case, in run order
};

Json run_info_to_json(const RunInfo& run);
RunInfo run_info_from_json(const Json& json);

// Throws std::runtime_error naming the file on a missing file, bad JSON or a wrong format.
ResultsFile read_results_file(const std::filesystem::path& path);
ResultsFile parse_results_file(const Json& json, const std::string& where);
// Writes the header, then one result a line (small diffs for the committed snapshot).
void write_results_file(const std::filesystem::path& path, const ResultsFile& file);
std::string results_file_text(const ResultsFile& file);

// Helpers for filling a RunInfo on this machine.
std::string utc_now_iso8601();
std::string host_name();
// `git rev-parse HEAD` run in `source_dir`, or "unknown".
std::string suite_commit(const std::filesystem::path& source_dir);

}  // namespace fmconf::report
