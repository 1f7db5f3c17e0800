#include "report/outcome.hpp"

namespace fmconf::report {

std::string_view outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::pass:
      return "pass";
    case Outcome::fail:
      return "fail";
    case Outcome::known:
      return "known";
    case Outcome::xpass:
      return "xpass";
    case Outcome::flaky:
      return "flaky";
    case Outcome::error:
      return "error";
  }
  return "error";
}

std::optional<Outcome> parse_outcome(std::string_view text) {
  for (Outcome outcome : kAllOutcomes) {
    if (outcome_name(outcome) == text) return outcome;
  }
  return std::nullopt;
}

std::string_view expectation_status_name(ExpectationStatus status) {
  return status == ExpectationStatus::flaky ? "flaky" : "known";
}

std::optional<ExpectationStatus> parse_expectation_status(std::string_view text) {
  if (text == "known") return ExpectationStatus::known;
  if (text == "flaky") return ExpectationStatus::flaky;
  return std::nullopt;
}

bool gates(Outcome outcome) {
  return outcome == Outcome::fail || outcome == Outcome::xpass || outcome == Outcome::error;
}

Outcome classify(std::string_view verdict, std::optional<ExpectationStatus> listed) {
  const bool is_flaky = listed == ExpectationStatus::flaky;
  const bool is_known = listed == ExpectationStatus::known;
  if (verdict == "pass") return is_known ? Outcome::xpass : Outcome::pass;
  if (verdict == "fail") {
    if (is_flaky) return Outcome::flaky;
    return is_known ? Outcome::known : Outcome::fail;
  }
  // A listed-flaky case may also time out or crash the executor; anything else is an error.
  return is_flaky ? Outcome::flaky : Outcome::error;
}

}  // namespace fmconf::report
