#include "cli/command.hpp"

#include <algorithm>

namespace fmconf::cli {
namespace {

std::vector<Command>& registry() {
  static std::vector<Command> commands;
  return commands;
}

}  // namespace

bool register_command(Command command) {
  auto& commands = registry();
  commands.push_back(std::move(command));
  std::stable_sort(commands.begin(), commands.end(),
                   [](const Command& a, const Command& b) { return a.order < b.order; });
  return true;
}

const std::vector<Command>& registered_commands() { return registry(); }

}  // namespace fmconf::cli
