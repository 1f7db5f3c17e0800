// `fmconf list`: the cases found, for humans: id, provenance kind, title.
#include "cli/case_selection.hpp"
#include "cli/command.hpp"

#include <algorithm>
#include <iostream>
#include <memory>

#include <fmt/format.h>

namespace fmconf::cli {
namespace {

int list(const CaseSelectionOptions& options) {
  const Selection selection = select_cases(options);
  std::size_t width = 0;
  for (const auto& item : selection.items) {
    if (const auto* c = std::get_if<Case>(&item)) width = std::max(width, c->id.size());
  }
  for (const auto& item : selection.items) {
    if (const auto* c = std::get_if<Case>(&item)) {
      std::cout << fmt::format("{:<{}}  {:<10}  {}\n", c->id, width, c->provenance.kind, c->title);
    } else {
      std::cerr << "invalid: " << std::get<CaseError>(item).text() << "\n";
    }
  }
  std::cerr << fmt::format("{} cases, {} invalid\n", selection.case_count, selection.error_count);
  return selection.error_count > 0 ? kExitInvalid : kExitPass;
}

const bool registered = register_command({
    "list",
    "List cases (id, provenance kind, title); invalid ones go to stderr and make the exit code 2",
    20,
    [](CLI::App& app) -> CommandAction {
      auto options = std::make_shared<CaseSelectionOptions>();
      add_case_selection_options(app, *options);
      return [options] { return list(*options); };
    },
});

}  // namespace
}  // namespace fmconf::cli
