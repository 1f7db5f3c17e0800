// JUnit XML for CI: one <testsuite> per group per target ("wine.protect"); fail and xpass are
// <failure>s, error is <error>; the outcome, the expectation's reason and the spec rows are
// <properties> of each test case.
#pragma once

#include "report/report_set.hpp"

#include <string>

namespace fmconf::report {

std::string junit_xml(const ReportSet& set);
std::string xml_escape(const std::string& text);

}  // namespace fmconf::report
