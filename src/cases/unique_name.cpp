#include "cases/unique_name.hpp"

namespace fmconf {
namespace {

// Length of a leading namespace part of `s` ("Local\", "Global\", "Session\N\"), or 0.
std::size_t namespace_part(std::string_view s) {
  for (const std::string_view keyword : {"Local\\", "Global\\"}) {
    if (s.starts_with(keyword)) return keyword.size();
  }
  constexpr std::string_view kSession = "Session\\";
  if (!s.starts_with(kSession)) return 0;
  std::size_t i = kSession.size();
  const std::size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits || i >= s.size() || s[i] != '\\') return 0;
  return i + 1;
}

}  // namespace

std::string unique_name(std::string_view name, std::string_view prefix) {
  std::size_t at = 0;
  while (const std::size_t part = namespace_part(name.substr(at))) at += part;
  if (at == name.size()) return std::string(name);
  std::string out(name.substr(0, at));
  out += prefix;
  out += name.substr(at);
  return out;
}

}  // namespace fmconf
