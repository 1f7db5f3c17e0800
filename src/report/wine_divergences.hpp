// wine-divergences.md: every case where Wine differs from the spec (verdict fail, whatever its
// outcome), grouped by spec row, written as a bug-report draft: what Windows does, what Wine
// does, the calls that show it.
#pragma once

#include "report/report_set.hpp"

#include <string>

namespace fmconf::report {

// Uses every column whose target is "wine"; says so when there is none.
std::string wine_divergences_markdown(const ReportSet& set);

}  // namespace fmconf::report
