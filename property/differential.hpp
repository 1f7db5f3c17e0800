// Model vs target, one program at a time: a program is a case (case-format.md) without
// expectations; it runs on both Apis through the cases runner (same names, sentinel and
// helpers on both), and the observations are compared step by step. Differences matching a
// known_wine_divergences rule are tolerated; the handles, names and files such a step touches
// are then "tainted" and not compared any more (what follows from a known difference is known),
// as are steps using a closed handle after the target made another one (its value may be reused).
#pragma once

#include "api/api.hpp"
#include "cases/case_result.hpp"
#include "property/known_wine_divergences.hpp"

#include <string>
#include <vector>

namespace fmconf::property {

struct StepDifference {
  std::size_t step = 0;
  std::string field;
  Json model;
  Json wine;
  const DivergenceRule* rule = nullptr;  // set: tolerated
  std::string text() const;
};

struct DualRun {
  CaseResult model;
  CaseResult target;
  std::vector<StepDifference> tolerated;
  std::vector<StepDifference> failures;
  std::vector<std::size_t> recycled;  // steps not compared: a closed handle, maybe recycled
  std::string error;  // a backend could not run the program (invalid case, executor failure)
  bool same() const { return failures.empty() && error.empty(); }
  std::string describe() const;  // the failures, one a line
};

// `program`: {"id", "title", "provenance", "steps"} with steps as in case-format.md.
DualRun run_both(const Json& program, Api& model, Api& target, const std::string& name_prefix);

// The program with the model's observations as each step's `expect`: the regression case.
Json with_model_expectations(const Json& program, const CaseResult& model);

}  // namespace fmconf::property
