#include "report/wine_divergences.hpp"

#include "report/apply_expectations.hpp"
#include "report/describe.hpp"
#include "report/expectations.hpp"
#include "report/markdown_summary.hpp"

#include <map>
#include <vector>

#include <fmt/format.h>

namespace fmconf::report {

namespace {

void write_case(std::string& md, const ReportSet& set, const Json& result) {
  const std::string id = result.value("id", "");
  const Json* info = set.case_info(id);
  const Json* the_case = info != nullptr && info->contains("case") ? &(*info)["case"] : nullptr;
  std::string title = result.value("title", "");
  if (title.empty() && the_case != nullptr) title = the_case->value("title", "");
  md += fmt::format("### `{}`{}\n\n", id, title.empty() ? "" : " — " + title);
  md += fmt::format("- Outcome: **{}**", outcome_name(outcome_of(result)));
  if (result.contains("expectation") && result["expectation"].is_object()) {
    md += fmt::format(" (expectation: {})", result["expectation"].value("reason", ""));
  }
  md += "\n";
  if (result.contains("provenance") && result["provenance"].is_object()) {
    md += fmt::format("- Provenance: {} — {}\n", result["provenance"].value("kind", "?"),
                      result["provenance"].value("source", "?"));
  }
  md += "- Windows (spec) vs Wine:\n";
  if (result.contains("diff") && result["diff"].is_array()) {
    for (const auto& d : result["diff"]) md += "  - " + describe_diff(d) + "\n";
  }
  if (the_case != nullptr && the_case->contains("steps") && (*the_case)["steps"].is_array()) {
    md += "- Steps:\n\n  ```\n";
    const auto& steps = (*the_case)["steps"];
    for (std::size_t i = 0; i < steps.size(); ++i) {
      md += fmt::format("  {}. {}\n", i, describe_call(steps[i]));
    }
    md += "  ```\n";
  }
  md += "\n";
}

}  // namespace

std::string wine_divergences_markdown(const ReportSet& set) {
  std::string md = "# Where Wine differs from Windows\n\n";
  bool any_wine = false;
  for (const auto& column : set.columns) {
    if (column.run.run.target != "wine") continue;
    any_wine = true;
    const RunInfo& run = column.run.run;
    // spec row -> failing results
    std::map<std::string, std::vector<const Json*>> by_row;
    std::size_t count = 0;
    for (const auto& result : column.run.results) {
      if (result.value("verdict", "") != "fail") continue;
      std::string rows = spec_rows_of(result);
      if (result.contains("expectation") && result["expectation"].is_object()) {
        const std::string listed = result["expectation"].value("spec", "");
        if (rows.empty()) rows = listed;
      }
      by_row[rows.empty() ? "(no spec row)" : rows].push_back(&result);
      ++count;
    }
    md += fmt::format(
        "Run: {} {} (page size {}, allocation granularity {}), suite commit {}, {} on {}.\n\n"
        "{} divergence(s) in {} spec row group(s). Each entry: the case, what the spec (Windows) "
        "expects and what Wine did, and the calls to reproduce it. The case files are in "
        "`corpus/cases/`; run one with `fmconf run --backend wine FILE`.\n\n",
        run.target, run.version, run.page_size, run.allocation_granularity, run.suite_commit,
        run.date, run.host.empty() ? "unknown host" : run.host, count, by_row.size());
    if (count == 0) {
      md += "No divergences.\n\n";
      continue;
    }
    md += "| spec row | cases | example |\n|---|---:|---|\n";
    for (const auto& [row, results] : by_row) {
      md += fmt::format("| {} | {} | `{}` |\n", markdown_cell(row), results.size(),
                        markdown_cell(results.front()->value("id", "")));
    }
    md += "\n";
    for (const auto& [row, results] : by_row) {
      md += fmt::format("## {}\n\n", row);
      for (const Json* result : results) write_case(md, set, *result);
    }
  }
  if (!any_wine) md += "No Wine run in this report.\n";
  return md;
}

}  // namespace fmconf::report
