// Gives every result of a run its "outcome" and "expectation" (the listed entry or null).
#pragma once

#include "report/expectations.hpp"
#include "report/results_file.hpp"

namespace fmconf::report {

// `expectations` may be null (the model, or a target without a file): every failure is `fail`.
void apply_expectations(ResultsFile& run, const Expectations* expectations);

// The outcome stored in a result (computed from "verdict" alone if the result has none).
Outcome outcome_of(const Json& result);

}  // namespace fmconf::report
