#include "reference/object_namespace.hpp"

#include "api/vocabulary.hpp"

#include <vector>

namespace fmconf::model {
namespace {

std::vector<std::u16string> split_components(const std::u16string& name) {
  std::vector<std::u16string> parts;
  std::u16string::size_type start = 0;
  while (true) {
    const auto slash = name.find(u'\\', start);
    parts.push_back(name.substr(start, slash - start));
    if (slash == std::u16string::npos) break;
    start = slash + 1;
  }
  return parts;
}

// The directory a link inside `from` leads to, if `component` is a link there. Case-sensitive:
// kernel32 opens names without OBJ_CASE_INSENSITIVE (DOC-NS: the keywords are case sensitive).
bool follow_link(Directory from, const std::u16string& component, Directory* to) {
  if (from == Directory::session_links) {
    // inferred:session-id, inferred:session-prefix: \Sessions\BNOLINKS\0 and \1 only.
    if (component == u"0")
      *to = Directory::global;
    else if (component == u"1")
      *to = Directory::session;
    else
      return false;
    return true;
  }
  if (component == u"Global")
    *to = Directory::global;
  else if (component == u"Local")
    *to = from;
  else if (component == u"Session")
    *to = Directory::session_links;
  else
    return false;
  return true;
}

}  // namespace

Result<ResolvedName> resolve_object_name(const std::u16string& name) {
  // spec:§3 DERIVED: a leading backslash -> STATUS_OBJECT_PATH_SYNTAX_BAD -> ERROR_BAD_PATHNAME.
  if (!name.empty() && name.front() == u'\\') return Failure{error::kBadPathname};
  const auto parts = split_components(name);
  Directory directory = Directory::session;  // spec:N32, inferred:session-id
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const bool last = i + 1 == parts.size();
    // inferred:namespace-links: an empty component is STATUS_OBJECT_NAME_INVALID.
    if (parts[i].empty()) return Failure{error::kInvalidName};
    Directory next{};
    if (follow_link(directory, parts[i], &next)) {
      directory = next;
      if (last) return ResolvedName{ObjectName{directory, u""}, true};
      continue;
    }
    // spec:§3 DERIVED "abc\\def" -> ERROR_PATH_NOT_FOUND: only links lead further.
    if (!last) return Failure{error::kPathNotFound};
    return ResolvedName{ObjectName{directory, parts[i]}, false};
  }
  return Failure{error::kInvalidName};  // unreachable: split always yields one part
}

ObjectId ObjectNamespace::find(const ObjectName& name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? 0 : it->second;
}

void ObjectNamespace::insert(const ObjectName& name, ObjectId id) { entries_[name] = id; }

void ObjectNamespace::erase(const ObjectName& name) { entries_.erase(name); }

}  // namespace fmconf::model
