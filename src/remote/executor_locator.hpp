// Where fmconf-executor.exe is: the --executor option, else $FMCONF_EXECUTOR, else next to the
// running fmconf binary, else build/mingw/fmconf-executor.exe in the source tree.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace fmconf::remote {

// `option` is the command-line value (empty when not given). std::nullopt with *searched
// listing the places tried when there is none.
std::optional<std::filesystem::path> locate_executor(const std::string& option = {},
                                                     std::string* searched = nullptr);

}  // namespace fmconf::remote
