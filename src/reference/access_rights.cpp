#include "reference/access_rights.hpp"

#include "api/vocabulary.hpp"

namespace fmconf::model {
namespace {

struct GenericMapping {
  std::uint32_t read, write, execute, all;
};

constexpr std::uint32_t kStandardRead = 0x20000;  // READ_CONTROL

GenericMapping mapping(ObjectType type) {
  switch (type) {
    case ObjectType::file:
      return {file_access::kGenericRead, file_access::kGenericWrite, file_access::kGenericExecute,
              file_access::kAllAccess};
    case ObjectType::section:
      return {kStandardRead | map_access::kSectionQuery | map_access::kRead,
              kStandardRead | map_access::kWrite, kStandardRead | map_access::kSectionMapExecute,
              map_access::kAllAccess};
    case ObjectType::event:
      return {kStandardRead | 0x1, kStandardRead | sync_access::kEventModifyState,
              kStandardRead | access::kSynchronize, sync_access::kEventAllAccess};
    case ObjectType::mutex:
      return {kStandardRead | 0x1, kStandardRead, kStandardRead | access::kSynchronize,
              sync_access::kMutexAllAccess};
    case ObjectType::semaphore:
      return {kStandardRead | 0x1, kStandardRead | sync_access::kSemaphoreModifyState,
              kStandardRead | access::kSynchronize, sync_access::kSemaphoreAllAccess};
    case ObjectType::process:
    case ObjectType::thread:
      return {0x1fffff, 0x1fffff, 0x1fffff, 0x1fffff};
  }
  return {0, 0, 0, 0};
}

}  // namespace

std::uint32_t all_access(ObjectType type) { return mapping(type).all; }

std::uint32_t map_generic(ObjectType type, std::uint32_t access) {
  const GenericMapping m = mapping(type);
  std::uint32_t out = access & ~(access::kGenericRead | access::kGenericWrite |
                                 access::kGenericExecute | access::kGenericAll);
  if (access & access::kGenericRead) out |= m.read;
  if (access & access::kGenericWrite) out |= m.write;
  if (access & access::kGenericExecute) out |= m.execute;
  if (access & access::kGenericAll) out |= m.all;
  return out;
}

}  // namespace fmconf::model
