// The named-object namespace as kernel32 calls see it (§3, 1E): name conversion and length
// limits, the one namespace shared by every type, create-or-open, open by name.
#include "api/vocabulary.hpp"
#include "reference/access_rights.hpp"
#include "reference/inferred.hpp"
#include "reference/model_api.hpp"
#include "reference/text.hpp"

namespace fmconf {

using model::Failure;
using model::Object;
using model::ObjectType;

namespace {
constexpr std::size_t kAnsiNameLimit = 260;         // TEB static buffer: 261 WCHARs with the NUL
constexpr std::size_t kNtNameLimit = 32766;         // 65532 bytes (OM test_name_limits)
constexpr std::size_t kUnicodeStringLimit = 32767;  // beyond: STATUS_NAME_TOO_LONG
}  // namespace

auto ModelApi::ansi_name(const std::string& name) -> Result<std::u16string> {
  const std::string text = model::up_to_nul(name);
  // inferred:ansi-name-limit (open question 6)
  if (text.size() > kAnsiNameLimit) {
    rely_on(inferred::kAnsiNameLimit);
    return Failure{error::kFilenameExcedRange};
  }
  return model::windows1252_to_utf16(text);
}

auto ModelApi::checked_name(const std::u16string& name) -> Result<model::ResolvedName> {
  // inferred:wide-name-limit (open question 6, OM test_name_limits)
  if (name.size() > kUnicodeStringLimit) {
    rely_on(inferred::kWideNameLimit);
    return Failure{error::kFilenameExcedRange};
  }
  if (name.size() > kNtNameLimit) {
    rely_on(inferred::kWideNameLimit);
    return Failure{error::kInvalidName};
  }
  rely_on(inferred::kSessionId);
  auto resolved = model::resolve_object_name(name);
  if (!resolved.ok()) rely_on(inferred::kNamespaceLinks);
  return resolved;
}

auto ModelApi::claim_name(ObjectType type, const OptionalName& raw_name) -> Result<NameSlot> {
  if (!raw_name) return NameSlot{};
  const std::u16string name = model::up_to_nul(*raw_name);
  // inferred:empty-name (open question 8): an empty name creates an unnamed object.
  if (name.empty()) {
    rely_on(inferred::kEmptyName);
    return NameSlot{};
  }
  auto resolved = checked_name(name);
  if (!resolved.ok()) return Failure{resolved.error()};
  const model::ObjectName& where = resolved.value().name;
  // inferred:namespace-links: the name is a directory (Local, Global, Session\1).
  if (resolved.value().is_directory) {
    rely_on(inferred::kNamespaceLinks);
    return Failure{error::kInvalidHandle};
  }
  // inferred:session-prefix: no object may be created in \Sessions\BNOLINKS.
  if (where.directory == model::Directory::session_links) {
    rely_on(inferred::kSessionPrefix);
    return Failure{error::kAccessDenied};
  }
  if (where.directory == model::Directory::global) rely_on(inferred::kGlobalPrivilege);
  const ObjectId existing = names_.find(where);
  if (existing) {
    // spec:N26, spec:H17: one namespace for every type; another type's name ->
    // ERROR_INVALID_HANDLE.
    if (objects_.find(existing)->type != type) return Failure{error::kInvalidHandle};
    // spec:N2, spec:N18, spec:N23, spec:H9: the existing object, ERROR_ALREADY_EXISTS.
    return NameSlot{std::nullopt, existing};
  }
  return NameSlot{where, 0};
}

auto ModelApi::add_named(Object object, const NameSlot& slot, std::uint32_t access, bool inherit)
    -> Opened {
  if (slot.existing) return Opened{new_handle(slot.existing, access, inherit), true};
  object.name = slot.name;
  const ObjectId id = objects_.add(std::move(object));
  if (slot.name) names_.insert(*slot.name, id);
  return Opened{new_handle(id, access, inherit), false};
}

auto ModelApi::open_named(ObjectType type, std::uint32_t access, bool inherit,
                          const std::u16string& raw_name) -> Result<Handle> {
  const std::u16string name = model::up_to_nul(raw_name);
  // inferred:empty-name (§3 DERIVED): an empty name resolves to the directory itself.
  if (name.empty()) {
    rely_on(inferred::kEmptyName);
    return Failure{error::kInvalidHandle};
  }
  auto resolved = checked_name(name);
  if (!resolved.ok()) return Failure{resolved.error()};
  if (resolved.value().is_directory) {
    rely_on(inferred::kNamespaceLinks);
    return Failure{error::kInvalidHandle};
  }
  // spec:N5, spec:N14: no object of that name -> ERROR_FILE_NOT_FOUND.
  const ObjectId id = names_.find(resolved.value().name);
  if (!id) return Failure{error::kFileNotFound};
  // spec:N25: an object of another type -> STATUS_OBJECT_TYPE_MISMATCH -> ERROR_INVALID_HANDLE.
  if (objects_.find(id)->type != type) return Failure{error::kInvalidHandle};
  // spec:N30 (and N7, N11 for the rights granted); inferred:open-access-check.
  rely_on(inferred::kOpenAccessCheck);
  std::uint32_t requested = model::map_generic(type, access);
  if (requested & access::kMaximumAllowed) requested = model::all_access(type);
  if (requested == 0 || (requested & ~model::all_access(type)) != 0) {
    return Failure{error::kAccessDenied};
  }
  return new_handle(id, requested, inherit);
}

}  // namespace fmconf
