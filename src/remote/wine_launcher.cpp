#include "remote/wine_launcher.hpp"

#include "remote/child_process.hpp"

#include <cctype>
#include <chrono>
#include <cstdlib>
#include <unistd.h>

namespace fmconf::remote {
namespace {

namespace fs = std::filesystem;

std::string from_environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

bool is_executable_file(const fs::path& path) {
  std::error_code error;
  return fs::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

std::optional<std::string> on_path(const std::string& program) {
  const std::string dirs = std::getenv("PATH") != nullptr ? std::getenv("PATH") : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string dir = dirs.substr(start, end - start);
    if (!dir.empty() && is_executable_file(fs::path(dir) / program)) {
      return (fs::path(dir) / program).string();
    }
    start = end + 1;
  }
  return std::nullopt;
}

std::string absolute(const std::string& path) {
  std::error_code error;
  const fs::path full = fs::absolute(path, error);
  return error ? path : full.lexically_normal().string();
}

// A build tree given as its folder: its `wine` (a link to tools/winewrapper).
std::string launcher_in(const std::string& given) {
  std::error_code error;
  if (fs::is_directory(given, error)) return (fs::path(given) / "wine").string();
  return given;
}

// The wineserver that belongs to `wine`: the same folder (an installed Wine, or a build tree's
// top folder whose `wine` link sits beside `server/`), else a build tree's server/wineserver.
std::optional<std::string> wineserver_beside(const std::string& wine, std::string* tried) {
  const fs::path dir = fs::path(wine).parent_path();
  std::vector<fs::path> candidates{dir / "wineserver", dir / "server" / "wineserver"};
  // A launcher inside a build tree's loader/ or tools/ folder.
  candidates.push_back(dir.parent_path() / "server" / "wineserver");
  for (const auto& candidate : candidates) {
    if (is_executable_file(candidate)) return candidate.lexically_normal().string();
    *tried += (tried->empty() ? "" : ", ") + candidate.lexically_normal().string();
  }
  return std::nullopt;
}

std::string sanitize_for_path(const std::string& text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    out += std::isalnum(u) || c == '.' || c == '_' || c == '-' ? c : '_';
  }
  return out;
}

}  // namespace

std::optional<std::string> parse_wine_version(std::string_view line) {
  const std::size_t end = std::min(line.find_first_of(" \t\r\n"), line.size());
  const std::string_view word = line.substr(0, end);
  if (word.size() < 6 || word.substr(0, 5) != "wine-" ||
      !std::isdigit(static_cast<unsigned char>(word[5]))) {
    return std::nullopt;
  }
  return std::string(word);
}

std::optional<WineLauncher> locate_wine_launcher(const WineChoice& choice,
                                                 const std::vector<std::string>& environment,
                                                 std::string* why) {
  const auto fail = [&](const std::string& reason) -> std::optional<WineLauncher> {
    if (why != nullptr) *why = reason;
    return std::nullopt;
  };
  WineLauncher launcher;
  std::string given = choice.wine;
  std::string source = "--wine";
  if (given.empty()) {
    given = from_environment("FMCONF_WINE");
    source = "FMCONF_WINE";
  }
  const bool from_path = given.empty();
  if (from_path) {
    if (auto wine = on_path("wine64")) {
      launcher.wine = *wine;
    } else if (auto wine32 = on_path("wine")) {
      launcher.wine = *wine32;
    } else {
      return fail("neither wine64 nor wine is on PATH (or name one with --wine or FMCONF_WINE)");
    }
  } else {
    launcher.wine = absolute(launcher_in(given));
    if (!is_executable_file(launcher.wine)) {
      return fail(source + " " + given + ": " + launcher.wine + " is not an executable file");
    }
  }

  std::string server = choice.wineserver;
  std::string server_source = "--wineserver";
  if (server.empty()) {
    server = from_environment("FMCONF_WINESERVER");
    server_source = "FMCONF_WINESERVER";
  }
  if (!server.empty()) {
    launcher.wineserver = absolute(server);
    if (!is_executable_file(launcher.wineserver)) {
      return fail(server_source + " " + server + " is not an executable file");
    }
  } else {
    std::string tried;
    if (auto beside = wineserver_beside(launcher.wine, &tried)) {
      launcher.wineserver = *beside;
    } else if (auto found = from_path ? on_path("wineserver") : std::nullopt) {
      launcher.wineserver = *found;  // a launcher from PATH: its wineserver from PATH too
    } else {
      return fail("no wineserver for " + launcher.wine + " (looked at " + tried +
                  (from_path ? " and on PATH" : "") + "); name it with --wineserver or " +
                  "FMCONF_WINESERVER");
    }
  }

  std::string line;
  try {
    ChildProcess child({launcher.wine, "--version"}, environment, false);
    if (child.read_line(&line, std::chrono::seconds(60)) != ChildProcess::ReadStatus::line) {
      return fail(launcher.wine + " --version printed no line");
    }
  } catch (const std::exception& e) {
    return fail("cannot run " + launcher.wine + " --version: " + e.what());
  }
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
  const auto version = parse_wine_version(line);
  if (!version) {
    return fail(launcher.wine + " --version printed \"" + line +
                "\", not a Wine version (wine-X.Y...)");
  }
  launcher.version = *version;
  launcher.version_line = line;
  return launcher;
}

std::filesystem::path prefix_for_version(const std::string& version) {
  if (const std::string explicit_prefix = from_environment("FMCONF_WINEPREFIX");
      !explicit_prefix.empty()) {
    return explicit_prefix;
  }
  fs::path root = from_environment("FMCONF_WINEPREFIX_ROOT");
  if (root.empty()) {
    if (const std::string xdg = from_environment("XDG_CACHE_HOME"); !xdg.empty()) {
      root = fs::path(xdg) / "fmconf";
    } else if (const std::string home = from_environment("HOME"); !home.empty()) {
      root = fs::path(home) / ".cache" / "fmconf";
    } else {
      root = "/tmp/fmconf";
    }
  }
  return root / sanitize_for_path(version.empty() ? "wine-unknown" : version);
}

}  // namespace fmconf::remote
