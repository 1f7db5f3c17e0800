// Which Wine runs the executor: the `wine` launcher of an installed Wine or of a Wine build tree
// (--wine, else $FMCONF_WINE, else wine64/wine on PATH), the `wineserver` that goes with it
// (--wineserver, else $FMCONF_WINESERVER, else beside the launcher: the same folder or a build
// tree's server/wineserver; on PATH only for a launcher found on PATH), its version as
// `wine --version` prints it, and the prefix of that version: each Wine version gets its own, so
// two versions never share a wineserver.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fmconf::remote {

// What the user asked for ("" = not given: the environment variables, then PATH).
struct WineChoice {
  std::string wine;        // --wine: path of a `wine` launcher
  std::string wineserver;  // --wineserver
};

struct WineLauncher {
  std::string wine;          // absolute path of the launcher
  std::string wineserver;    // absolute path of its wineserver
  std::string version;       // "wine-8.0": the first word of `wine --version`
  std::string version_line;  // the whole line: "wine-8.0 (Debian 8.0~repack-4)"
};

// "wine-8.0" from "wine-8.0 (Debian 8.0~repack-4)"; nullopt when the line does not start with
// "wine-" and a digit.
std::optional<std::string> parse_wine_version(std::string_view line);

// Finds the launcher and its wineserver and asks the launcher its version (`wine --version`,
// run with `environment`). std::nullopt with *why saying what was tried when one is missing or
// the launcher does not answer with a version.
std::optional<WineLauncher> locate_wine_launcher(const WineChoice& choice,
                                                 const std::vector<std::string>& environment,
                                                 std::string* why);

// The prefix fmconf uses for a Wine version: $FMCONF_WINEPREFIX when set (an explicit override,
// used whatever the version), else <root>/<version> with root $FMCONF_WINEPREFIX_ROOT or
// ${XDG_CACHE_HOME:-~/.cache}/fmconf.
std::filesystem::path prefix_for_version(const std::string& version);

}  // namespace fmconf::remote
