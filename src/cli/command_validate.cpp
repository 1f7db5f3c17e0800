// `fmconf validate`: check case files against the case format without running anything.
#include "cli/case_selection.hpp"
#include "cli/command.hpp"

#include <iostream>
#include <memory>

#include <fmt/format.h>

namespace fmconf::cli {
namespace {

int validate(const CaseSelectionOptions& options) {
  const Selection selection = select_cases(options);
  for (const auto& item : selection.items) {
    if (const auto* e = std::get_if<CaseError>(&item)) std::cerr << e->text() << "\n";
  }
  std::cerr << fmt::format("{} valid cases, {} invalid\n", selection.case_count,
                           selection.error_count);
  return selection.error_count > 0 ? kExitInvalid : kExitPass;
}

const bool registered = register_command({
    "validate",
    "Validate case files (corpus/case-format.md) without running them; exit 2 if any is "
    "invalid",
    30,
    [](CLI::App& app) -> CommandAction {
      auto options = std::make_shared<CaseSelectionOptions>();
      add_case_selection_options(app, *options);
      return [options] { return validate(*options); };
    },
});

}  // namespace
}  // namespace fmconf::cli
