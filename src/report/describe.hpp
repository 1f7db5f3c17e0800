// Short human-readable text for results: one call, one step's outcome, one diff entry.
#pragma once

#include "report/json.hpp"

#include <string>

namespace fmconf::report {

// A JSON value as a person reads it: strings unquoted, null as "null".
std::string describe_value(const Json& value);
// "step 2 error: expected ERROR_ACCESS_DENIED, observed ERROR_SUCCESS"
std::string describe_diff(const Json& diff_entry);
// A case step as a call: "m = CreateFileMappingW(file=f, protect=PAGE_READONLY, size_low=4096)"
std::string describe_call(const Json& case_step);
// What a result step did: "NULL, ERROR_INVALID_PARAMETER" / "ok, ERROR_SUCCESS, size=100"
std::string describe_observed(const Json& result_step);
// What a case did at its checked steps: "CreateFileMappingW: NULL, ERROR_INVALID_PARAMETER".
std::string describe_checked_steps(const Json& result);

}  // namespace fmconf::report
