// ObjectManager: the objects of the model's process and its handle table (granted access per
// handle, pseudo handles, stale values). It stores and counts; the lifetime rules that run
// when counts drop (names, sharing, sections releasing files) live in ModelApi.
#pragma once

#include "api/types.hpp"
#include "reference/objects.hpp"

#include <cstdint>
#include <map>
#include <optional>

namespace fmconf::model {

struct HandleEntry {
  ObjectId object = 0;
  std::uint32_t access = 0;
  bool inherit = false;
};

class ObjectManager {
 public:
  static constexpr ObjectId kProcess = 1;  // GetCurrentProcess()
  static constexpr ObjectId kThread = 2;   // GetCurrentThread()

  ObjectManager();
  // Drops every object and handle (end of case), keeping the process and thread.
  void reset();

  ObjectId add(Object object);
  Object* find(ObjectId id);
  const Object* find(ObjectId id) const;
  void erase(ObjectId id);

  // A new handle value (multiple of 4, never reused within a case: inferred:handle-values).
  Handle open_handle(ObjectId id, std::uint32_t access, bool inherit);
  // The entry of a real handle (tag bits ignored), or nullptr. Pseudo handles are not entries.
  const HandleEntry* entry(Handle handle) const;
  // Removes a handle entry; returns its object, or nullopt if there was none.
  std::optional<ObjectId> close_handle(Handle handle);

  const std::map<ObjectId, Object>& objects() const { return objects_; }
  const std::map<Handle, HandleEntry>& handles() const { return handles_; }

  static Handle canonical(Handle handle) { return handle & ~Handle{3}; }

 private:
  std::map<ObjectId, Object> objects_;
  std::map<Handle, HandleEntry> handles_;
  ObjectId next_object_ = 3;
  Handle next_handle_ = 4;
};

}  // namespace fmconf::model
