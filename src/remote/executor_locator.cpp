#include "remote/executor_locator.hpp"

#include <cstdlib>
#include <vector>

#ifndef FMCONF_SOURCE_DIR
#define FMCONF_SOURCE_DIR "."
#endif

namespace fmconf::remote {

std::optional<std::filesystem::path> locate_executor(const std::string& option,
                                                     std::string* searched) {
  namespace fs = std::filesystem;
  std::vector<fs::path> candidates;
  std::error_code error;
  // An explicit choice that does not exist is reported, not silently replaced by another.
  if (!option.empty()) {
    candidates.emplace_back(option);
  } else if (const char* env = std::getenv("FMCONF_EXECUTOR"); env != nullptr && *env != '\0') {
    candidates.emplace_back(env);
  } else {
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    if (!error) candidates.push_back(self.parent_path() / "fmconf-executor.exe");
    candidates.push_back(fs::path(FMCONF_SOURCE_DIR) / "build" / "mingw" / "fmconf-executor.exe");
  }

  std::string tried;
  for (const fs::path& candidate : candidates) {
    if (fs::is_regular_file(candidate, error)) return fs::absolute(candidate, error);
    tried += (tried.empty() ? "" : ", ") + candidate.string();
  }
  if (searched != nullptr) *searched = tried;
  return std::nullopt;
}

}  // namespace fmconf::remote
