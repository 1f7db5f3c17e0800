// How fmconf runs Wine (Linux): `wine64` or `wine` from PATH, a private prefix (FMCONF_WINEPREFIX,
// default ${XDG_CACHE_HOME:-~/.cache}/fmconf/wineprefix) created once with `wineboot -i`,
// reused, recreated if broken; WINEDEBUG=-all; mono/gecko installers disabled; a persistent
// `wineserver -p` kept warm. The same set-up as tools/wine-env.sh.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fmconf::remote {

struct WineSetup {
  std::string wine;                      // path of wine64 or wine
  std::string wineserver;                // path of wineserver
  std::filesystem::path prefix;          // the private WINEPREFIX
  std::vector<std::string> environment;  // this process's environment plus the Wine variables
};

// Finds Wine; std::nullopt with *why filled when it is not installed.
std::optional<WineSetup> find_wine(std::string* why = nullptr);

// The prefix looks usable (system.reg and drive_c/windows/system32 exist).
bool prefix_is_usable(const std::filesystem::path& prefix);

// Creates the prefix if missing or broken (or always, with `recreate`), under a lock file so
// concurrent fmconf processes create it once, then starts a persistent wineserver. Once per
// process unless `recreate`. Throws std::runtime_error when the prefix cannot be made.
void prepare_prefix(const WineSetup& setup, bool recreate = false);

}  // namespace fmconf::remote
