#include "remote/wine_setup.hpp"

#include "remote/child_process.hpp"

#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <mutex>
#include <stdexcept>
#include <sys/file.h>
#include <unistd.h>

extern char** environ;

namespace fmconf::remote {
namespace {

std::optional<std::string> on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const std::string dir = dirs.substr(start, end - start);
    if (!dir.empty()) {
      const std::string candidate = dir + "/" + program;
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    start = end + 1;
  }
  return std::nullopt;
}

std::filesystem::path default_prefix() {
  if (const char* explicit_prefix = std::getenv("FMCONF_WINEPREFIX");
      explicit_prefix != nullptr && *explicit_prefix != '\0') {
    return explicit_prefix;
  }
  std::filesystem::path cache;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    cache = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    cache = std::filesystem::path(home) / ".cache";
  } else {
    cache = "/tmp";
  }
  return cache / "fmconf" / "wineprefix";
}

bool overridden(const std::string& entry) {
  for (const char* name : {"WINEPREFIX=", "WINEDEBUG=", "WINEDLLOVERRIDES=", "WINEARCH="}) {
    if (entry.rfind(name, 0) == 0) return true;
  }
  return false;
}

void create_prefix(const WineSetup& setup, bool recreate) {
  std::filesystem::create_directories(setup.prefix.parent_path());
  const std::string lock_path = setup.prefix.string() + ".lock";
  const int lock = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock >= 0) ::flock(lock, LOCK_EX);
  // Another process may have made it while this one waited for the lock.
  if (recreate || !prefix_is_usable(setup.prefix)) {
    run_to_completion({setup.wineserver, "-k"}, setup.environment, std::chrono::seconds(30));
    std::error_code ignored;
    std::filesystem::remove_all(setup.prefix, ignored);
    run_to_completion({setup.wine, "wineboot", "-i"}, setup.environment, std::chrono::minutes(5));
    run_to_completion({setup.wineserver, "-w"}, setup.environment, std::chrono::minutes(2));
  }
  if (lock >= 0) ::close(lock);
  if (!prefix_is_usable(setup.prefix)) {
    throw std::runtime_error("could not create the Wine prefix " + setup.prefix.string() +
                             " with `wineboot -i`");
  }
}

}  // namespace

std::optional<WineSetup> find_wine(std::string* why) {
  WineSetup setup;
  if (auto wine = on_path("wine64")) {
    setup.wine = *wine;
  } else if (auto wine32 = on_path("wine")) {
    setup.wine = *wine32;
  } else {
    if (why != nullptr) *why = "neither wine64 nor wine is on PATH";
    return std::nullopt;
  }
  if (auto server = on_path("wineserver")) {
    setup.wineserver = *server;
  } else {
    if (why != nullptr) *why = "wineserver is not on PATH";
    return std::nullopt;
  }
  setup.prefix = default_prefix();
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    if (!overridden(*entry)) setup.environment.emplace_back(*entry);
  }
  setup.environment.push_back("WINEPREFIX=" + setup.prefix.string());
  setup.environment.push_back("WINEDEBUG=-all");
  setup.environment.push_back("WINEDLLOVERRIDES=mscoree,mshtml=");
  setup.environment.push_back("WINEARCH=win64");
  return setup;
}

bool prefix_is_usable(const std::filesystem::path& prefix) {
  std::error_code error;
  return std::filesystem::is_regular_file(prefix / "system.reg", error) &&
         std::filesystem::is_directory(prefix / "drive_c" / "windows" / "system32", error);
}

void prepare_prefix(const WineSetup& setup, bool recreate) {
  static std::mutex mutex;
  static bool prepared = false;
  const std::lock_guard<std::mutex> lock(mutex);
  if (prepared && !recreate) return;
  if (recreate || !prefix_is_usable(setup.prefix)) create_prefix(setup, recreate);
  // A persistent server (-p: no exit timeout); a no-op when one already serves the prefix.
  run_to_completion({setup.wineserver, "-p"}, setup.environment, std::chrono::seconds(30));
  prepared = true;
}

}  // namespace fmconf::remote
