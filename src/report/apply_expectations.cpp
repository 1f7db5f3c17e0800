#include "report/apply_expectations.hpp"

namespace fmconf::report {

void apply_expectations(ResultsFile& run, const Expectations* expectations) {
  for (auto& result : run.results) {
    const Expectation* entry =
        expectations == nullptr ? nullptr : expectations->find(result.value("id", ""));
    std::optional<ExpectationStatus> listed;
    if (entry != nullptr) listed = entry->status;
    const Outcome outcome = classify(result.value("verdict", "error"), listed);
    result["outcome"] = outcome_name(outcome);
    result["expectation"] = entry == nullptr ? Json() : expectation_to_json(*entry);
  }
}

Outcome outcome_of(const Json& result) {
  if (result.contains("outcome") && result["outcome"].is_string()) {
    if (const auto outcome = parse_outcome(result["outcome"].get<std::string>())) return *outcome;
  }
  return classify(result.value("verdict", "error"), std::nullopt);
}

}  // namespace fmconf::report
