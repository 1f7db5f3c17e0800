// Names made unique per run (case-format.md, `name`): the prefix goes after any leading
// `Local\`, `Global\` or `Session\N\` part, so the namespace a name selects is unchanged.
#pragma once

#include <string>
#include <string_view>

namespace fmconf {

// "Local\foo" + "p1_" -> "Local\p1_foo". The empty name, and a name that is only namespace
// parts ("Local\"), stay unchanged. Keywords are case-sensitive, as Windows treats them.
std::string unique_name(std::string_view name, std::string_view prefix);

}  // namespace fmconf
