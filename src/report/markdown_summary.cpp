#include "report/markdown_summary.hpp"

#include "report/apply_expectations.hpp"
#include "report/describe.hpp"

#include <fmt/format.h>

namespace fmconf::report {

std::string markdown_cell(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

constexpr std::size_t kMaxListed = 200;

}  // namespace

std::string markdown_summary(const ReportSet& set) {
  std::string md = "# fmconf audit summary\n\n";
  md +=
      "## Runs\n\n| column | target | version | page size | allocation granularity | suite "
      "commit | date | host |\n|---|---|---|---|---|---|---|---|\n";
  for (const auto& column : set.columns) {
    const RunInfo& run = column.run.run;
    md += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n", markdown_cell(column.label),
                      markdown_cell(run.target), markdown_cell(run.version), run.page_size,
                      run.allocation_granularity, markdown_cell(run.suite_commit.substr(0, 12)),
                      markdown_cell(run.date), markdown_cell(run.host));
  }
  for (const auto& column : set.columns) {  // which Wine ran, and which expectations applied
    const RunInfo& run = column.run.run;
    if (!run.launcher.empty()) {
      md += fmt::format("\n- {}: launcher `{}` ({})", markdown_cell(column.label), run.launcher,
                        markdown_cell(run.launcher_version));
    }
    if (!run.expectations.empty()) {
      md += fmt::format("\n- {}: expectations `{}`", markdown_cell(column.label), run.expectations);
    }
    if (!run.expectations_note.empty()) {
      md += fmt::format("\n- {}: **note**: {}", markdown_cell(column.label),
                        markdown_cell(run.expectations_note));
    }
  }
  if (set.baseline.is_object()) {
    const Json& n = set.baseline["counts"];
    md += fmt::format(
        "\n- changed since the baseline {} (compared with {}): {} new failures, {} fixed, {} "
        "changed observations, {} xpass, {} only in the baseline, {} only in {}; {} gate",
        markdown_cell(set.baseline.value("label", "")), set.baseline.value("column", ""),
        n.value("new_failure", 0), n.value("fixed", 0), n.value("changed", 0), n.value("xpass", 0),
        n.value("only_old", 0), n.value("only_new", 0), set.baseline.value("column", ""),
        set.baseline.value("gating", 0));
  }
  md += "\n";
  md +=
      "\n## Totals\n\n| target | cases | pass | fail | known | xpass | flaky | error |\n"
      "|---|---:|---:|---:|---:|---:|---:|---:|\n";
  for (std::size_t c = 0; c < set.columns.size(); ++c) {
    const Counts n = set.counts(c, "");
    md += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                      markdown_cell(set.columns[c].label), n.total(), n[Outcome::pass],
                      n[Outcome::fail], n[Outcome::known], n[Outcome::xpass], n[Outcome::flaky],
                      n[Outcome::error]);
  }
  md +=
      "\n## Per group\n\nEach cell: pass / known / new failures / xpass (of total; errors and "
      "flaky counted in the total).\n\n| group |";
  std::string rule = "|---|";
  for (const auto& column : set.columns) {
    md += fmt::format(" {} |", markdown_cell(column.label));
    rule += "---|";
  }
  md += "\n" + rule + "\n";
  for (const auto& group : set.groups) {
    md += fmt::format("| {} |", markdown_cell(group));
    for (std::size_t c = 0; c < set.columns.size(); ++c) {
      const Counts n = set.counts(c, group);
      if (n.total() == 0) {
        md += " – |";
        continue;
      }
      md += fmt::format(" {} / {} / {} / {} (of {}) |", n[Outcome::pass], n[Outcome::known],
                        n[Outcome::fail], n[Outcome::xpass], n.total());
    }
    md += "\n";
  }
  std::string gating;
  std::size_t listed = 0;
  std::size_t total = 0;
  for (const auto& column : set.columns) {
    for (const auto& result : column.run.results) {
      const Outcome outcome = outcome_of(result);
      if (!gates(outcome)) continue;
      ++total;
      if (listed++ >= kMaxListed) continue;
      std::string why;
      if (outcome == Outcome::xpass) {
        why = "listed as known, now passes: remove the expectation";
      } else if (result.contains("diff") && result["diff"].is_array() && !result["diff"].empty()) {
        why = describe_diff(result["diff"][0]);
        if (result["diff"].size() > 1) why += fmt::format(" (+{} more)", result["diff"].size() - 1);
      } else {
        why = describe_value(result.value("message", Json("")));
      }
      gating += fmt::format("| {} | `{}` | {} | {} |\n", markdown_cell(column.label),
                            markdown_cell(result.value("id", "")), outcome_name(outcome),
                            markdown_cell(why));
    }
  }
  md += "\n## Results that gate CI (fail, xpass, error)\n\n";
  if (total == 0) {
    md += "None.\n";
  } else {
    md += "| target | case | outcome | difference |\n|---|---|---|---|\n" + gating;
    if (total > kMaxListed) md += fmt::format("\n… and {} more.\n", total - kMaxListed);
  }
  return md;
}

}  // namespace fmconf::report
