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

bool overridden(const std::string& entry) {
  for (const char* name :
       {"WINEPREFIX=", "WINEDEBUG=", "WINEDLLOVERRIDES=", "WINEARCH=", "WINESERVER="}) {
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

std::optional<WineSetup> find_wine(const WineChoice& choice, std::string* why) {
  WineSetup setup;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    if (!overridden(*entry)) setup.environment.emplace_back(*entry);
  }
  setup.environment.push_back("WINEDEBUG=-all");
  const auto launcher = locate_wine_launcher(choice, setup.environment, why);
  if (!launcher) return std::nullopt;
  setup.wine = launcher->wine;
  setup.wineserver = launcher->wineserver;
  setup.version = launcher->version;
  setup.version_line = launcher->version_line;
  setup.prefix = prefix_for_version(setup.version);
  setup.environment.push_back("WINEPREFIX=" + setup.prefix.string());
  setup.environment.push_back("WINEDLLOVERRIDES=mscoree,mshtml=");
  setup.environment.push_back("WINEARCH=win64");
  // The launcher starts this wineserver, not one found on PATH (Wine's loader reads WINESERVER).
  setup.environment.push_back("WINESERVER=" + setup.wineserver);
  return setup;
}

std::optional<WineSetup> find_wine(std::string* why) { return find_wine(WineChoice{}, why); }

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
