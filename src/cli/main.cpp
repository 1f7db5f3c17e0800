// fmconf: a conformance and fuzz suite for the Win32 file-mapping API. The subcommands live in
// command_*.cpp and register themselves (command.hpp).
#include "cli/command.hpp"

#include <iostream>
#include <map>

int main(int argc, char** argv) {
  using namespace fmconf::cli;
  CLI::App app{"fmconf: conformance and fuzz suite for the Win32 file-mapping API"};
  app.require_subcommand(1);
  std::map<CLI::App*, CommandAction> actions;
  for (const Command& command : registered_commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.description);
    actions[sub] = command.setup(*sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitPass : kExitInvalid;
  }
  for (auto& [sub, action] : actions) {
    if (sub->parsed()) {
      try {
        return action();
      } catch (const std::exception& e) {
        std::cerr << "fmconf " << sub->get_name() << ": " << e.what() << "\n";
        return kExitInvalid;
      }
    }
  }
  return kExitInvalid;
}
