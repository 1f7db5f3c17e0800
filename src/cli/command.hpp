// Subcommands of `fmconf` register themselves: each command_<name>.cpp defines one Command and
// registers it at static-initialisation time, and main.cpp adds every registered command.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace fmconf::cli {

// What to do when the user picked the command; returns the process exit code.
using CommandAction = std::function<int()>;

struct Command {
  std::string name;
  std::string description;
  int order = 100;  // position in `fmconf --help` (run 10, list 20, validate 30, ...)
  // Declares the command's options on its subcommand; the returned action reads them.
  std::function<CommandAction(CLI::App& subcommand)> setup;
};

// Use as `const bool registered = register_command({...});` at namespace scope.
bool register_command(Command command);
const std::vector<Command>& registered_commands();

// Exit codes every command uses: 0 success, 1 some case failed, 2 invalid input or target error.
inline constexpr int kExitPass = 0;
inline constexpr int kExitFail = 1;
inline constexpr int kExitInvalid = 2;

}  // namespace fmconf::cli
