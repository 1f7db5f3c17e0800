// How fmconf runs Wine (Linux): the launcher and wineserver wine_launcher.hpp finds (--wine,
// FMCONF_WINE, else PATH), a private prefix per Wine version (FMCONF_WINEPREFIX overrides it;
// default ${XDG_CACHE_HOME:-~/.cache}/fmconf/wine-<version>) created once with `wineboot -i`,
// reused, recreated if broken; WINEDEBUG=-all; mono/gecko installers disabled; a persistent
// `wineserver -p` kept warm. The same set-up as tools/wine-env.sh.
#pragma once

#include "remote/wine_launcher.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fmconf::remote {

struct WineSetup {
  std::string wine;                      // path of the launcher (wine64, wine, a build tree's)
  std::string wineserver;                // path of its wineserver
  std::string version;                   // "wine-8.0", from `wine --version`
  std::string version_line;              // "wine-8.0 (Debian 8.0~repack-4)"
  std::filesystem::path prefix;          // the private WINEPREFIX
  std::vector<std::string> environment;  // this process's environment plus the Wine variables
};

// Finds Wine as `choice` says (wine_launcher.hpp); std::nullopt with *why filled when it is not
// there. The environment names the wineserver (WINESERVER) and the version's prefix.
std::optional<WineSetup> find_wine(const WineChoice& choice, std::string* why = nullptr);
// The same with nothing chosen on the command line (FMCONF_WINE, FMCONF_WINESERVER, PATH).
std::optional<WineSetup> find_wine(std::string* why = nullptr);

// The prefix looks usable (system.reg and drive_c/windows/system32 exist).
bool prefix_is_usable(const std::filesystem::path& prefix);

// Creates the prefix if missing or broken (or always, with `recreate`), under a lock file so
// concurrent fmconf processes create it once, then starts a persistent wineserver. Once per
// process unless `recreate`. Throws std::runtime_error when the prefix cannot be made.
void prepare_prefix(const WineSetup& setup, bool recreate = false);

}  // namespace fmconf::remote
