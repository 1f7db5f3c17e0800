// index.html: one self-contained page (inline CSS and JS, the data embedded as JSON, no
// network) with the groups x targets matrix, per-case drill-down, a filter box, the seed
// claims table, the flProtect heat-map and the model's inferred choices.
#pragma once

#include "report/json.hpp"
#include "report/report_set.hpp"

#include <string>

namespace fmconf::report {

// The data the page renders (also what the HTML test compares the DOM against).
Json html_page_data(const ReportSet& set);
std::string html_page(const ReportSet& set);
// JSON text safe inside <script type="application/json">: every '<' written as \u003c.
std::string json_for_script(const Json& data);

}  // namespace fmconf::report
