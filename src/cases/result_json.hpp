// CaseResult <-> JSON, both directions: one result is one JSON object, one line of `fmconf run`
// (the shape in /tmp/fmconf-plan.md "Interfaces"). The Windows executor sends results this way.
#pragma once

#include "cases/case_result.hpp"

#include <string>

namespace fmconf {

// {"id", "title", "file", "line" (.jsonl) | "index" (.json array), "verdict", "message" (error),
//  "exploration" (only when true), "provenance", "steps": [{"call", "ok", "error": {"name",
//  "code"}, observables..., "expect"}], "diff": [{"step", "field", "expected", "observed"}]}
Json result_to_json(const CaseResult& result);
// The inverse; throws std::runtime_error naming the field when the JSON is not a result.
CaseResult result_from_json(const Json& json);

// One line of `fmconf run` output (no trailing newline): result_to_json(result).dump(), written
// directly (no JSON tree in between). append_result_line appends the same to `out`.
std::string result_to_line(const CaseResult& result);
void append_result_line(std::string& out, const CaseResult& result);

}  // namespace fmconf
