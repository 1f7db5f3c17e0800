// Handles and object lifetime: lookups, CloseHandle, DuplicateHandle, and what happens when
// counts drop (§3 Lifetime, §4, N13-N16, G1-G7).
#include "api/vocabulary.hpp"
#include "reference/access_rights.hpp"
#include "reference/inferred.hpp"
#include "reference/model_api.hpp"

namespace fmconf {

using model::Failure;
using model::Object;
using model::ObjectManager;
using model::ObjectType;

auto ModelApi::reference_any(Handle handle) -> Result<HandleRef> {
  // spec:§4: GetCurrentProcess() (== INVALID_HANDLE_VALUE) and GetCurrentThread() are pseudo
  // handles of the process and thread objects.
  if (handle == kCurrentProcess || handle == kCurrentThread) {
    const ObjectId id =
        handle == kCurrentProcess ? ObjectManager::kProcess : ObjectManager::kThread;
    Object* object = objects_.find(id);
    return HandleRef{id, object, model::all_access(object->type)};
  }
  // spec:§4 closed/garbage handle: STATUS_INVALID_HANDLE -> ERROR_INVALID_HANDLE;
  // inferred:handle-values
  const model::HandleEntry* entry = objects_.entry(handle);
  if (!entry || (handle & 3) != 0) rely_on(inferred::kHandleValues);
  if (!entry) return Failure{error::kInvalidHandle};
  Object* object = objects_.find(entry->object);
  if (!object) return Failure{error::kInvalidHandle};
  return HandleRef{entry->object, object, entry->access};
}

auto ModelApi::reference(Handle handle, ObjectType type) -> Result<HandleRef> {
  auto ref = reference_any(handle);
  if (!ref.ok()) return ref;
  // spec:§4, spec:N25: STATUS_OBJECT_TYPE_MISMATCH -> ERROR_INVALID_HANDLE.
  if (ref.value().object->type != type) return Failure{error::kInvalidHandle};
  return ref;
}

Handle ModelApi::new_handle(ObjectId id, std::uint32_t access, bool inherit) {
  return objects_.open_handle(id, access, inherit);
}

void ModelApi::close_entry(Handle handle) {
  const auto id = objects_.close_handle(handle);
  if (!id) return;
  Object* object = objects_.find(*id);
  if (object && object->handle_count == 0) on_last_handle_closed(*id);
  maybe_destroy(*id);
}

void ModelApi::on_last_handle_closed(ObjectId id) {
  Object* object = objects_.find(id);
  if (!object) return;
  // spec:N14, spec:N15, spec:§3 Lifetime: the name goes with the last handle, even while views
  // live.
  if (object->name) {
    if (names_.find(*object->name) == id) names_.erase(*object->name);
    object->name.reset();
  }
  // spec:G1, inferred:share-access: a file's share access ends with its last handle.
  if (object->type == ObjectType::file) cleanup_file_object(*object);
}

void ModelApi::add_pointer(ObjectId id) {
  if (Object* object = objects_.find(id)) ++object->pointer_count;
}

void ModelApi::release_pointer(ObjectId id) {
  Object* object = objects_.find(id);
  if (!object) return;
  if (object->pointer_count > 0) --object->pointer_count;
  maybe_destroy(id);
}

void ModelApi::maybe_destroy(ObjectId id) {
  const Object* object = objects_.find(id);
  if (object && !object->permanent && object->handle_count == 0 && object->pointer_count == 0) {
    destroy(id);
  }
}

void ModelApi::destroy(ObjectId id) {
  Object object = std::move(*objects_.find(id));
  objects_.erase(id);
  if (object.type == ObjectType::section) {
    // DOC-CFM: "does not close until all references to it are released" (views + handles).
    commit_charge_ -= object.section.commit_charge;
    if (object.section.file_object) release_pointer(object.section.file_object);
  } else if (object.type == ObjectType::file) {
    release_file_object(object);
  }
}

void ModelApi::close_everything() {
  while (!memory_.views().empty()) unmap_view(memory_.views().begin()->first);
  while (!objects_.handles().empty()) close_entry(objects_.handles().begin()->first);
  // Everything above released every object; reset anyway so a model bug cannot leak across
  // cases.
  objects_.reset();
  names_.clear();
  memory_.clear();
  files_.clear();
  commit_charge_ = 0;
}

bool ModelApi::CloseHandle(Handle handle) {
  // inferred:close-pseudo-handle
  if (handle == kCurrentProcess || handle == kCurrentThread) {
    rely_on(inferred::kClosePseudoHandle);
    return true;
  }
  if (!objects_.entry(handle)) {
    last_error_ = error::kInvalidHandle;
    return false;
  }
  close_entry(handle);
  return true;
}

bool ModelApi::DuplicateHandle(Handle source, std::uint32_t access, bool same_access,
                               Handle* target) {
  auto ref = reference_any(source);
  if (!ref.ok()) return finish_status(Failure{ref.error()});
  if (source == kCurrentProcess || source == kCurrentThread) {
    rely_on(inferred::kDuplicatePseudoHandle);
  }
  const ObjectType type = ref.value().object->type;
  const std::uint32_t held = ref.value().access;
  std::uint32_t granted = held;
  if (!same_access) {
    const std::uint32_t requested = model::map_generic(type, access);
    const std::uint32_t full = type == ObjectType::file ? held : model::all_access(type);
    if (requested & access::kMaximumAllowed) {
      granted = full;
    } else if ((requested & ~held) == 0) {
      granted = requested;  // spec:D41-D44: a subset (even 0) is always granted
    } else {
      // inferred:duplicate-above-source
      rely_on(inferred::kDuplicateAboveSource);
      if ((requested & ~full) != 0) return finish_status(Failure{error::kAccessDenied});
      granted = requested;
    }
  }
  const Handle duplicate = new_handle(ref.value().id, granted, false);
  if (target) *target = duplicate;
  return true;
}

}  // namespace fmconf
