// `run_cases` with "report": "observations" (PROTOCOL.md): per case the executor sends only what
// it observed, and the client, which holds the case, rebuilds the full CaseResult. Cases and
// their expectations never travel back, flags and errors travel as numbers, and the client
// parses about a sixth of the bytes: the client competes less with the executor and
// wineserver for the CPU while a batch runs.
//
// {"steps": [[ok, error, name, value, name, value, ...], ...], "error": "message"}
//   one array per step run: ok (0/1), the last error, then each observable the step reported
//   (size, protect, allocation_protect, state, region_size, type, attributes, section_size:
//   numbers; data: hex; fault: true/false); "error" only when the verdict is error.
// The verdict and the diffs are recomputed by the client with compare_step(), the same code
// run_case() uses, so the rebuilt result equals the executor's (conformance test).
#pragma once

#include "cases/case_result.hpp"
#include "cases/step.hpp"  // fmconf::Json

#include <string>

namespace fmconf::remote {

// Appends the observations of `result` as a JSON object.
void append_observations(std::string& out, const CaseResult& result);

// The result `c` had, from its observations; throws std::runtime_error when they do not fit
// the case (more steps than it has, a malformed step).
CaseResult result_from_observations(const Json& observed, const Case& c);

}  // namespace fmconf::remote
