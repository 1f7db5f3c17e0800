// The cases a command works on: CASES... (files or folders) narrowed by --filter GLOB on ids.
#pragma once

#include "cases/case_file.hpp"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>

namespace fmconf::cli {

struct CaseSelectionOptions {
  std::vector<std::string> paths;
  std::vector<std::string> filters;  // a case is kept if any glob matches its id
};

// Adds the positional CASES... and --filter options to a subcommand.
void add_case_selection_options(CLI::App& app, CaseSelectionOptions& options);

// `*` matches any run of characters (also '/'), `?` any one character.
bool glob_match(std::string_view pattern, std::string_view text);

// Cases and errors merged in load order (file order). Errors of cases whose id does not match
// the filter are dropped; errors without an id (unreadable files, broken JSON) are kept.
struct Selection {
  std::vector<std::variant<Case, CaseError>> items;
  std::size_t case_count = 0;
  std::size_t error_count = 0;
};
Selection select_cases(const CaseSelectionOptions& options);

}  // namespace fmconf::cli
