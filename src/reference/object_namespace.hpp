// The named-object namespace (§3, 1E): sections, events, mutexes and semaphores share one
// namespace; names are case-sensitive; unprefixed and Local\ names live in the session
// directory, Global\ names in the global one; a name lives while its object has handles.
#pragma once

#include "reference/objects.hpp"
#include "reference/result.hpp"

#include <cstdint>
#include <map>
#include <string>

namespace fmconf::model {

// Where a kernel32 object name leads.
struct ResolvedName {
  ObjectName name;
  bool is_directory = false;  // the name ends at a directory (Local, Global\Session\1, ...)
};

// Walks a non-empty name (already cut at its NUL) from the session directory through the
// Global/Local/Session links. spec:§3 DERIVED rows, inferred:namespace-links,
// inferred:session-prefix, inferred:session-id.
Result<ResolvedName> resolve_object_name(const std::u16string& name);

class ObjectNamespace {
 public:
  ObjectId find(const ObjectName& name) const;  // 0 if absent
  void insert(const ObjectName& name, ObjectId id);
  void erase(const ObjectName& name);
  void clear() { entries_.clear(); }
  const std::map<ObjectName, ObjectId>& entries() const { return entries_; }

 private:
  std::map<ObjectName, ObjectId> entries_;
};

}  // namespace fmconf::model
