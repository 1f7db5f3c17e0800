#include "reference/object_manager.hpp"

#include <utility>

namespace fmconf::model {

const char* type_name(ObjectType type) {
  switch (type) {
    case ObjectType::process:
      return "process";
    case ObjectType::thread:
      return "thread";
    case ObjectType::file:
      return "file";
    case ObjectType::section:
      return "section";
    case ObjectType::event:
      return "event";
    case ObjectType::mutex:
      return "mutex";
    case ObjectType::semaphore:
      return "semaphore";
  }
  return "?";
}

ObjectManager::ObjectManager() { reset(); }

void ObjectManager::reset() {
  objects_.clear();
  handles_.clear();
  Object process;
  process.type = ObjectType::process;
  process.permanent = true;
  objects_.emplace(kProcess, process);
  Object thread;
  thread.type = ObjectType::thread;
  thread.permanent = true;
  objects_.emplace(kThread, thread);
  next_object_ = 3;
  next_handle_ = 4;
}

ObjectId ObjectManager::add(Object object) {
  const ObjectId id = next_object_++;
  objects_.emplace(id, std::move(object));
  return id;
}

Object* ObjectManager::find(ObjectId id) {
  auto it = objects_.find(id);
  return it == objects_.end() ? nullptr : &it->second;
}

const Object* ObjectManager::find(ObjectId id) const {
  auto it = objects_.find(id);
  return it == objects_.end() ? nullptr : &it->second;
}

void ObjectManager::erase(ObjectId id) { objects_.erase(id); }

Handle ObjectManager::open_handle(ObjectId id, std::uint32_t access, bool inherit) {
  const Handle value = next_handle_;
  next_handle_ += 4;
  handles_[value] = HandleEntry{id, access, inherit};
  if (Object* object = find(id)) ++object->handle_count;
  return value;
}

const HandleEntry* ObjectManager::entry(Handle handle) const {
  // inferred:handle-values: values with the top bit set are kernel or pseudo handles.
  if (handle >> 63) return nullptr;
  auto it = handles_.find(canonical(handle));
  return it == handles_.end() ? nullptr : &it->second;
}

std::optional<ObjectId> ObjectManager::close_handle(Handle handle) {
  if (handle >> 63) return std::nullopt;
  auto it = handles_.find(canonical(handle));
  if (it == handles_.end()) return std::nullopt;
  const ObjectId id = it->second.object;
  handles_.erase(it);
  if (Object* object = find(id); object && object->handle_count > 0) --object->handle_count;
  return id;
}

}  // namespace fmconf::model
