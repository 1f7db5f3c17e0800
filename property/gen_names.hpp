// Generator of object names (UTF-8, as case files hold them) for the named-object namespace
// (spec:§3): the prefixes Local\ Global\ Session\1\, inner backslashes, case variants, the
// empty name, long names (around MAX_PATH) and non-ASCII ones. Shrinks towards "m".
#pragma once

#include <cctype>
#include <rapidcheck.h>
#include <string>
#include <vector>

namespace fmconf::property {

inline rc::Gen<std::string> name_prefixes() {
  return rc::gen::element<std::string>("", "Local\\", "Global\\", "Session\\1\\");
}

// Names a creation accepts (spec:N1, spec:N6): no backslash in the leaf.
inline rc::Gen<std::string> plain_leaves() {
  return rc::gen::weightedOneOf<std::string>({
      {6, rc::gen::element<std::string>("m", "Map", "map", "MAP", "x y", "a.b")},
      {2, rc::gen::map(rc::gen::inRange(1, 12),
                       [](int n) { return "n" + std::string(static_cast<std::size_t>(n), 'k'); })},
      {1, rc::gen::element<std::string>("\xc3\xa9t\xc3\xa9", "\xe4\xb8\xad",
                                        "\xf0\x9f\x98\x80")},  // été, 中, U+1F600
  });
}

// Any leaf, including the ones the namespace rejects or treats specially.
inline rc::Gen<std::string> leaves() {
  return rc::gen::weightedOneOf<std::string>({
      {8, plain_leaves()},
      {1, rc::gen::element<std::string>("", "a\\b", "\\m", "m\\")},  // spec:§3 backslashes
      {1, rc::gen::map(rc::gen::inRange(250, 270),
                       [](int n) {  // spec:§3 length limits
                         return std::string(static_cast<std::size_t>(n), 'L');
                       })},
  });
}

inline rc::Gen<std::string> object_names() {
  return rc::gen::apply([](const std::string& p, const std::string& l) { return p + l; },
                        name_prefixes(), leaves());
}

// The same name with its ASCII letters' case flipped (spec:N3: names are case-sensitive).
inline std::string case_variant(const std::string& name) {
  std::string out = name;
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if (std::islower(u)) {
      c = static_cast<char>(std::toupper(u));
    } else if (std::isupper(u)) {
      c = static_cast<char>(std::tolower(u));
    }
  }
  return out;
}

}  // namespace fmconf::property
