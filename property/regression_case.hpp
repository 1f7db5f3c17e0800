// Writing a shrunk model-vs-Wine difference as a case file under corpus/regressions/ (a found
// difference becomes a permanent test). The case carries the model's observations as `expect`
// and provenance {"kind": "inferred", "source": "<model rule>; RC_PARAMS=\"reproduce=...\""}:
// no Windows recording exists, the expectation is the model's reading of the spec.
#pragma once

#include "cases/step.hpp"

#include <filesystem>
#include <string>

namespace fmconf::property {

// $FMCONF_REGRESSIONS_DIR, else <source>/corpus/regressions.
std::filesystem::path regressions_dir(const std::filesystem::path& source_dir);

// Writes `case_json` (id and provenance filled in here) as <dir>/<group>/<name>.json, the name
// from the property and a hash of the steps. Returns the path. Throws on an invalid case.
std::filesystem::path write_regression(const std::filesystem::path& dir, Json case_json,
                                       const std::string& property, const std::string& rule,
                                       const std::string& rc_params);

}  // namespace fmconf::property
