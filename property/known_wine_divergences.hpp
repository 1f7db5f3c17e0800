// The known ways Wine differs from Windows, as *rules* over a generated program's step, each
// citing the spec row that records it (windows-behavior.md §6, todo_wine). The expectation files
// (corpus/expectations/<target>.json) list known failures by case id, which a generated program
// never has; these rules are their counterpart for the differential properties. A model-vs-Wine
// difference is tolerated only when a rule matches it; any other difference is a failure.
#pragma once

#include "cases/step.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace fmconf::property {

// One observed difference in a program (a case JSON whose steps both backends ran).
struct Divergence {
  const Json* program = nullptr;  // the case object
  std::size_t step = 0;
  std::string field;  // "ok", "error", "protect", "data", ...
  Json model;         // the model's observed value (observed_value's form)
  Json wine;
};

// What the Windows side of a rule rests on (case-format.md provenance kinds): a Windows-run test
// (recorded), the documentation (documented), or the model's inferred choice (inferred: the
// difference is between Wine and our inference, not a confirmed Windows divergence).
enum class Basis { documented, recorded, inferred };
std::string_view basis_name(Basis basis);

struct DivergenceRule {
  std::string_view id;
  std::string_view spec;  // "spec:A13, spec:A14" or "inferred:<id> (spec:...)"
  Basis basis;
  std::string_view what;
  bool (*matches)(const Divergence&);
};

std::span<const DivergenceRule> known_wine_divergences();
// The first rule matching `d`, or nullptr.
const DivergenceRule* find_known_divergence(const Divergence& d);

// Program helpers the rules use (also useful to the properties).
// The step that produced handle/view `out` before `before`, or nullptr.
const Json* producer_of(const Json& program, const std::string& out, std::size_t before);
// The step that made handle `out` before `before`, following DuplicateHandle back to the
// original (CreateFile*, CreateFileMapping*, Open*, ...), or nullptr.
const Json* origin_of(const Json& program, std::string out, std::size_t before);
// The file path behind handle `out` (its origin's `path`), if it is a file handle.
std::optional<std::string> path_of(const Json& program, const std::string& out, std::size_t before);
// The access of the file handle `out`: CreateFile's, or a DuplicateHandle's (following
// same_access duplicates).
std::optional<std::uint32_t> file_access_of(const Json& program, const std::string& out,
                                            std::size_t before);

}  // namespace fmconf::property
