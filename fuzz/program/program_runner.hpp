// Running a decoded program (a case without expectations) and turning it into a regression case.
#pragma once

#include "api/api.hpp"
#include "cases/case_result.hpp"
#include "cases/step.hpp"

namespace fmconf::fuzz {

// Validates `program` as a case (a decoder bug aborts: every decoded program must be valid) and
// runs it through the cases runner, which does names, handles and the sentinel as for any case.
CaseResult run_program(const Json& program, Api& api);

// The program with each step's observations as its `expect`: a regression case
// (corpus/regressions/), whose expectations come from the run `result` (usually the model's).
Json with_expectations(Json program, const CaseResult& result);

}  // namespace fmconf::fuzz
