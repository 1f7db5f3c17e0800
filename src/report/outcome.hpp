// The outcome of one case on one target once the target's expectations are applied (the
// todo_wine discipline: an expected failure that passes is itself a failure).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fmconf::report {

enum class Outcome {
  pass,   // the case passed and is not listed
  fail,   // a new failure: gates CI
  known,  // listed as known and still failing
  xpass,  // listed as known but now passes: gates CI until the entry is removed
  flaky,  // listed as flaky: rerun once, never gates
  error,  // invalid case or target error: gates CI
};

inline constexpr Outcome kAllOutcomes[] = {Outcome::pass,  Outcome::fail,  Outcome::known,
                                           Outcome::xpass, Outcome::flaky, Outcome::error};

enum class ExpectationStatus { known, flaky };

std::string_view outcome_name(Outcome outcome);
std::optional<Outcome> parse_outcome(std::string_view text);
std::string_view expectation_status_name(ExpectationStatus status);
std::optional<ExpectationStatus> parse_expectation_status(std::string_view text);

// True for the outcomes that make `fmconf audit` exit non-zero.
bool gates(Outcome outcome);

// Classifies a runner verdict ("pass", "fail", "error") against the case's entry in the target's
// expectations (nullopt: not listed). An unknown verdict is an error.
Outcome classify(std::string_view verdict, std::optional<ExpectationStatus> listed);

}  // namespace fmconf::report
