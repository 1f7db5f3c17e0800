// Events, mutexes and semaphores: they matter here as the other tenants of the one named-object
// namespace (H17, N25, N26, N30).
#include "api/vocabulary.hpp"
#include "reference/inferred.hpp"
#include "reference/model_api.hpp"

namespace fmconf {

using model::Failure;
using model::Object;
using model::ObjectType;

auto ModelApi::create_sync(ObjectType type, model::SyncObject sync, std::uint32_t all,
                           const OptionalName& name) -> Result<Opened> {
  // Same namespace step as CreateFileMapping: an existing object of this type is returned
  // with ERROR_ALREADY_EXISTS, another type's name is ERROR_INVALID_HANDLE (H17, N26).
  auto slot = claim_name(type, name);
  if (!slot.ok()) return Failure{slot.error()};
  Object object;
  object.type = type;
  object.sync = sync;
  return add_named(std::move(object), slot.value(), all, false);
}

Handle ModelApi::CreateEventW(bool manual_reset, bool initial_state, const OptionalName& name) {
  model::SyncObject sync;
  sync.manual_reset = manual_reset;
  sync.signaled = initial_state;
  return finish_create(create_sync(ObjectType::event, sync, sync_access::kEventAllAccess, name));
}

Handle ModelApi::CreateMutexW(bool initial_owner, const OptionalName& name) {
  model::SyncObject sync;
  sync.signaled = !initial_owner;
  return finish_create(create_sync(ObjectType::mutex, sync, sync_access::kMutexAllAccess, name));
}

Handle ModelApi::CreateSemaphoreW(std::int32_t initial_count, std::int32_t maximum_count,
                                  const OptionalName& name) {
  // inferred:semaphore-parameters: checked by NtCreateSemaphore, before the name.
  if (maximum_count <= 0 || initial_count < 0 || initial_count > maximum_count) {
    rely_on(inferred::kSemaphoreParameters);
    return finish_create(Failure{error::kInvalidParameter});
  }
  model::SyncObject sync;
  sync.count = initial_count;
  sync.maximum = maximum_count;
  return finish_create(
      create_sync(ObjectType::semaphore, sync, sync_access::kSemaphoreAllAccess, name));
}

Handle ModelApi::OpenEventW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return finish_handle(open_named(ObjectType::event, access, inherit, name));
}

Handle ModelApi::OpenMutexW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return finish_handle(open_named(ObjectType::mutex, access, inherit, name));
}

Handle ModelApi::OpenSemaphoreW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return finish_handle(open_named(ObjectType::semaphore, access, inherit, name));
}

}  // namespace fmconf
