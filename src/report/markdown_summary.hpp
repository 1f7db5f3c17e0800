// summary.md: the runs, the totals per target, and per group x target the counts of pass,
// known, new failures and xpass; then the list of gating results.
#pragma once

#include "report/report_set.hpp"

#include <string>

namespace fmconf::report {

std::string markdown_summary(const ReportSet& set);
// "| a | b |" cells: escapes '|' and newlines.
std::string markdown_cell(const std::string& text);

}  // namespace fmconf::report
