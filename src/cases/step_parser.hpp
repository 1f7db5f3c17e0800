// Validation of one step (case-format.md "Parameters of each call"); used by case_file.cpp.
#pragma once

#include "cases/step.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace fmconf {

// An invalid field of a case: thrown while validating, turned into a CaseError by the loader.
struct InvalidField {
  std::string field;
  std::string message;
};

// The names earlier steps declared with `out`.
struct StepContext {
  std::set<std::string, std::less<>> handles;
  std::set<std::string, std::less<>> views;
};

// Parses and validates one step; declares its `out` in `context`. Throws InvalidField.
Step parse_step(const Json& json, StepContext& context);

// Why `path` is not a valid case path (absolute, drive letter, `..`), or nullopt if it is.
std::optional<std::string> path_problem(std::string_view path);

}  // namespace fmconf
