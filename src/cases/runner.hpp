// Runs one case against an Api (corpus/case-format.md; semantics in src/cases/README.md).
#pragma once

#include "api/api.hpp"
#include "cases/case_result.hpp"

#include <string>

namespace fmconf {

struct RunOptions {
  // Inserted into every name (after Local\, Global\, Session\N\) unless the case has raw_names.
  // Give each concurrently running case its own prefix.
  std::string name_prefix;
};

// begin_case(); per step: resolve handles/views, convert names, SetLastError(sentinel), call,
// GetLastError, observe, compare with `expect`; end_case() on every path. Never throws: an
// exception from the Api makes the verdict "error" with the step in the message.
CaseResult run_case(const Case& c, Api& api, const RunOptions& options);

// Compares one step's observations with its expectations (appends to `diffs`).
void compare_step(const Step& step, std::size_t index, const StepResult& observed,
                  std::vector<Diff>& diffs);

}  // namespace fmconf
