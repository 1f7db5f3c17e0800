// Case files: load and validate cases exactly per corpus/case-format.md.
//
// A file is `.json` (one case object or an array of them) or `.jsonl` (one case a line, blank
// lines allowed); a folder is searched recursively for both, in sorted path order. A case that
// does not validate becomes a CaseError naming the file, the line (.jsonl) or array index
// (.json), the case id, the step and the field; the other cases still load.
#pragma once

#include "cases/step.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace fmconf {

// Where a case was read from.
struct CaseOrigin {
  std::string file;                  // the path as found (folder + relative path)
  std::size_t line = 0;              // 1-based line in a .jsonl file; 0 otherwise
  std::optional<std::size_t> index;  // 0-based index in a .json array
  // "file:3" (.jsonl), "file[2]" (.json array), "file" (single-object .json).
  std::string where() const;
};

struct Provenance {
  std::string kind;  // asserted | documented | derived | inferred (| recorded = asserted)
  std::string source;
};

struct Case {
  std::string id;  // "group/name"
  std::string title;
  Provenance provenance;
  bool raw_names = false;
  std::vector<Step> steps;
  Json json;  // the case as written
  CaseOrigin origin;
  std::size_t order = 0;  // position among everything load_cases found (cases and errors)

  std::string group() const;  // the part of the id before '/'
  // No `expect` field anywhere: the case is run and its observations reported.
  bool exploration() const;
};

struct CaseError {
  std::string file;
  std::size_t line = 0;              // .jsonl line (1-based), or the line of a JSON syntax error
  std::optional<std::size_t> index;  // .json array index
  std::string case_id;               // empty when unknown
  std::optional<std::size_t> step;   // 0-based step index, when the error is in a step
  std::string field;                 // e.g. "protect", "expect.error", "provenance.kind"
  std::string message;
  std::size_t order = 0;  // as Case::order

  // "file:line: case 'id': step N: field 'x': message" (parts that are unknown are left out).
  std::string text() const;
};

struct LoadResult {
  std::vector<Case> cases;        // the valid cases, in load order
  std::vector<CaseError> errors;  // invalid cases and unreadable files, in load order
};

// Loads files and folders; ids must be unique across everything loaded by one call.
LoadResult load_cases(const std::filesystem::path& file_or_folder);
LoadResult load_cases(std::span<const std::filesystem::path> files_or_folders);

// Loads cases from text, as if read from a file named `file` (its extension picks the format).
LoadResult load_cases_from_text(const std::string& text, const std::string& file);

// Validates one case object (e.g. one the executor received). Returns the case, or the error
// with `origin`'s place filled in.
struct ParsedCase {
  std::optional<Case> value;
  std::optional<CaseError> error;
};
ParsedCase parse_case(const Json& json, const CaseOrigin& origin);

}  // namespace fmconf
