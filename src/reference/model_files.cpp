// Files of the case folder: CreateFile (dispositions, sharing, the 1G rules of files with
// sections), sizes, ReadFile/WriteFile (coherent with views: a data section and its file share
// the same bytes).
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

constexpr std::uint32_t kReadRights = file_access::kReadData | file_access::kExecute;
constexpr std::uint32_t kWriteRights = file_access::kWriteData | file_access::kAppendData;
constexpr std::uint64_t kNegative = std::uint64_t{1} << 63;
constexpr std::uint64_t kWriteToEnd = ~std::uint64_t{0};      // FILE_WRITE_TO_END_OF_FILE
constexpr std::uint64_t kUsePointer = ~std::uint64_t{0} - 1;  // FILE_USE_FILE_POINTER_POSITION
constexpr std::uint32_t kNegativeSeek = 131;                  // ERROR_NEGATIVE_SEEK

}  // namespace

auto ModelApi::check_sharing(NodeId node, std::uint32_t access, std::uint32_t share) const
    -> Status {
  // inferred:share-access: IoCheckShareAccess over the file objects that still have handles.
  const bool read = access & kReadRights;
  const bool write = access & kWriteRights;
  const bool del = access & access::kDelete;
  if (!read && !write && !del) return model::ok_status();
  for (const auto& [id, other] : objects_.objects()) {
    // spec:G1, spec:G2: a writable data section counts as a writer although it holds no handle
    // (NT: IoCheckShareAccess asks MmDoesFileHaveUserWritableReferences): opens that do not
    // share write fail; read-only sections change nothing (G1).
    if (other.type == ObjectType::section && other.section.node == node &&
        other.section.backing == model::Backing::data_file && !(share & share::kWrite) &&
        (other.section.protect == page::kReadWrite ||
         other.section.protect == page::kExecuteReadWrite)) {
      rely_on(inferred::kShareAccess);
      return Failure{error::kSharingViolation};
    }
    if (other.type != ObjectType::file || other.file.node != node || other.handle_count == 0) {
      continue;
    }
    const std::uint32_t held = other.file.access;
    const bool other_read = held & kReadRights;
    const bool other_write = held & kWriteRights;
    const bool other_del = held & access::kDelete;
    if (!other_read && !other_write && !other_del) continue;
    const std::uint32_t allowed = other.file.share;
    if ((read && !(allowed & share::kRead)) || (write && !(allowed & share::kWrite)) ||
        (del && !(allowed & share::kDelete)) || (other_read && !(share & share::kRead)) ||
        (other_write && !(share & share::kWrite)) || (other_del && !(share & share::kDelete))) {
      rely_on(inferred::kShareAccess);
      return Failure{error::kSharingViolation};
    }
  }
  return model::ok_status();
}

auto ModelApi::truncation_allowed(NodeId node, std::uint64_t new_size) const -> Status {
  for (const auto& [id, object] : objects_.objects()) {
    if (object.type != ObjectType::section || object.section.node != node) continue;
    if (object.section.backing == model::Backing::image) {
      rely_on(inferred::kImageTruncate);
      return Failure{error::kUserMappedFile};
    }
    // spec:G4: a data section forbids cutting the file below the section's size.
    if (new_size < object.section.size) return Failure{error::kUserMappedFile};
    rely_on(inferred::kTruncateAboveSection);
  }
  return model::ok_status();
}

auto ModelApi::check_section_rules_for_open(NodeId node, std::uint32_t access, bool overwrite,
                                            bool delete_on_close) const -> Status {
  for (const auto& [id, object] : objects_.objects()) {
    if (object.type != ObjectType::section || object.section.node != node ||
        object.section.backing != model::Backing::image) {
      continue;
    }
    // spec:G3, spec:G5: an image section refuses writers and overwrites (MmFlushImageSection).
    if ((access & kWriteRights) || overwrite) return Failure{error::kSharingViolation};
    // spec:G7: ... and delete-on-close opens.
    if (delete_on_close) return Failure{error::kAccessDenied};
  }
  // spec:G4: overwriting truncates to 0, which a data section forbids; G1, G6 otherwise fine.
  if (overwrite) return truncation_allowed(node, 0);
  return model::ok_status();
}

auto ModelApi::resize(NodeId node, std::uint64_t new_size) -> Status {
  model::FileNode* file = files_.node(node);
  if (!file) return Failure{error::kInvalidHandle};
  if (new_size > file->size) {
    // spec:H11: a file that cannot grow -> ERROR_DISK_FULL.
    const std::uint64_t used = files_.used_bytes();
    const std::uint64_t growth = new_size - file->size;
    if (growth > config_.disk_capacity || used > config_.disk_capacity - growth) {
      return Failure{error::kDiskFull};
    }
    rely_on(inferred::kGrownBytesZero);
  }
  file->data.zero(std::min(new_size, file->size), std::max(new_size, file->size));
  file->size = new_size;
  return model::ok_status();
}

auto ModelApi::create_file(const std::u16string& raw_path, std::uint32_t access,
                           std::uint32_t share_mode, std::uint32_t disposition, std::uint32_t flags)
    -> Result<Opened> {
  using namespace disposition;
  // inferred:create-file-parameters: kernel32 validates before NtCreateFile.
  if (disposition < kCreateNew || disposition > kTruncateExisting || (share_mode & ~7u)) {
    rely_on(inferred::kCreateFileParameters);
    return Failure{error::kInvalidParameter};
  }
  const bool delete_on_close = flags & file_flags::kDeleteOnClose;
  const bool read_only = flags & file_flags::kAttributeReadOnly;
  std::uint32_t granted = model::map_generic(ObjectType::file, access);
  if (granted & access::kMaximumAllowed) granted = file_access::kAllAccess;
  granted &= file_access::kAllAccess;
  if (delete_on_close) granted |= access::kDelete;
  if (disposition == kTruncateExisting && !(granted & file_access::kWriteData)) {
    rely_on(inferred::kCreateFileParameters);
    return Failure{error::kInvalidParameter};
  }
  rely_on(inferred::kFilePaths);
  auto key = model::FileSystem::normalize(model::up_to_nul(raw_path));
  if (!key.ok()) return Failure{key.error()};

  NodeId node = files_.find(key.value());
  bool existed = false;
  if (node) {
    if (disposition == kCreateNew) return Failure{error::kFileExists};
    if (files_.node(node)->delete_pending) {
      rely_on(inferred::kDeletePending);
      return Failure{error::kAccessDenied};
    }
    const bool overwrite = disposition == kCreateAlways || disposition == kTruncateExisting;
    // inferred:read-only-attribute: no writing, overwriting or deleting a read-only file (nor
    // a file CREATE_ALWAYS makes read-only, with DELETE_ON_CLOSE).
    if ((files_.node(node)->read_only &&
         ((granted & kWriteRights) || overwrite || delete_on_close)) ||
        (disposition == kCreateAlways && read_only && delete_on_close)) {
      rely_on(inferred::kReadOnlyAttribute);
      return Failure{error::kAccessDenied};
    }
    // spec:1G, inferred:share-access: sharing first, then the rules of mapped files.
    if (auto s = check_sharing(node, granted, share_mode); !s.ok()) return Failure{s.error()};
    if (auto s = check_section_rules_for_open(node, granted, overwrite, delete_on_close); !s.ok()) {
      return Failure{s.error()};
    }
    if (overwrite) {
      if (auto s = resize(node, 0); !s.ok()) return Failure{s.error()};
    }
    existed = disposition == kCreateAlways || disposition == kOpenAlways;
    if (disposition == kCreateAlways) files_.node(node)->read_only = read_only;
  } else {
    if (disposition == kOpenExisting || disposition == kTruncateExisting) {
      return Failure{error::kFileNotFound};
    }
    if (read_only && delete_on_close) {  // inferred:read-only-attribute (STATUS_CANNOT_DELETE)
      rely_on(inferred::kReadOnlyAttribute);
      return Failure{error::kAccessDenied};
    }
    node = files_.create(key.value());
    files_.node(node)->read_only = read_only;
  }
  Object object;
  object.type = ObjectType::file;
  object.file = model::FileObject{node, granted, share_mode, delete_on_close, 0};
  const ObjectId id = objects_.add(std::move(object));
  return Opened{new_handle(id, granted, false), existed};
}

void ModelApi::cleanup_file_object(Object& object) {
  model::FileNode* node = files_.node(object.file.node);
  if (!node) return;
  if (object.file.delete_on_close) {
    rely_on(inferred::kDeletePending);
    node->delete_pending = true;
  }
  if (!node->delete_pending) return;
  for (const auto& [id, other] : objects_.objects()) {
    if (other.type == ObjectType::file && other.file.node == object.file.node &&
        other.handle_count > 0) {
      return;
    }
  }
  files_.unlink(object.file.node);
}

void ModelApi::release_file_object(Object& object) {
  const model::FileNode* node = files_.node(object.file.node);
  if (!node || node->linked) return;
  for (const auto& [id, other] : objects_.objects()) {
    if (other.type == ObjectType::file && other.file.node == object.file.node) return;
  }
  files_.erase(object.file.node);
}

Handle ModelApi::CreateFileW(const std::u16string& path, std::uint32_t access, std::uint32_t share,
                             std::uint32_t disposition, std::uint32_t flags) {
  const auto result = create_file(path, access, share, disposition, flags);
  // CreateFile returns INVALID_HANDLE_VALUE on failure, and sets 0 or ERROR_ALREADY_EXISTS.
  const Handle handle = finish_create(result);
  return result.ok() ? handle : kInvalidHandleValue;
}

Handle ModelApi::CreateFileA(const std::string& path, std::uint32_t access, std::uint32_t share,
                             std::uint32_t disposition, std::uint32_t flags) {
  // One A->W path: the ANSI entry point only converts (spec:§3, Windows-1252).
  return CreateFileW(model::windows1252_to_utf16(model::up_to_nul(path)), access, share,
                     disposition, flags);
}

bool ModelApi::GetFileSizeEx(Handle file, std::uint64_t* size) {
  auto ref = reference(file, ObjectType::file);
  if (!ref.ok()) return finish_status(Failure{ref.error()});
  rely_on(inferred::kFileSizeAccess);
  const model::FileNode* node = files_.node(ref.value().object->file.node);
  if (size) *size = node ? node->size : 0;
  return true;
}

auto ModelApi::set_end_of_file(Handle file) -> Status {
  auto ref = reference(file, ObjectType::file);
  if (!ref.ok()) return Failure{ref.error()};
  if (!(ref.value().access & file_access::kWriteData)) {
    rely_on(inferred::kEndOfFileAccess);
    return Failure{error::kAccessDenied};
  }
  const model::FileObject& object = ref.value().object->file;
  const model::FileNode* node = files_.node(object.node);
  if (!node) return Failure{error::kInvalidHandle};
  if (object.position < node->size) {
    if (auto s = truncation_allowed(object.node, object.position); !s.ok()) return s;
  }
  return resize(object.node, object.position);
}

bool ModelApi::SetEndOfFile(Handle file) { return finish_status(set_end_of_file(file)); }

bool ModelApi::SetFileSize(Handle file, std::uint64_t size) {
  auto ref = reference(file, ObjectType::file);
  if (!ref.ok()) return finish_status(Failure{ref.error()});
  if (size >= kNegative) {
    rely_on(inferred::kNegativeSeek);
    return finish_status(Failure{kNegativeSeek});
  }
  ref.value().object->file.position = size;
  return finish_status(set_end_of_file(file));
}

auto ModelApi::read_file(Handle file, std::uint64_t offset, std::uint32_t length) -> Result<Bytes> {
  auto ref = reference(file, ObjectType::file);
  if (!ref.ok()) return Failure{ref.error()};
  if (!(ref.value().access & file_access::kReadData)) return Failure{error::kAccessDenied};
  model::FileObject& object = ref.value().object->file;
  const model::FileNode* node = files_.node(object.node);
  if (!node) return Failure{error::kInvalidHandle};
  if (offset == kUsePointer) offset = object.position;
  if (offset >= kNegative) {
    rely_on(inferred::kFileOffsets);
    return Failure{error::kInvalidParameter};
  }
  Bytes data;
  if (length == 0) return data;
  if (offset >= node->size) {
    rely_on(inferred::kReadFileEof);
    return Failure{error::kHandleEof};
  }
  // The cost is the bytes that exist to read, whatever the file's size (SparseBytes).
  const std::uint64_t n = std::min<std::uint64_t>(length, node->size - offset);
  data.reserve(n);
  node->data.read(offset, n, &data);
  object.position = offset + n;
  return data;
}

bool ModelApi::ReadFile(Handle file, std::uint64_t offset, std::uint32_t length, Bytes* data) {
  auto result = read_file(file, offset, length);
  if (!result.ok()) {
    if (data) data->clear();
    return finish_status(Failure{result.error()});
  }
  if (data) *data = std::move(result.value());
  return true;
}

auto ModelApi::write_file(Handle file, std::uint64_t offset, const Bytes& data) -> Status {
  auto ref = reference(file, ObjectType::file);
  if (!ref.ok()) return Failure{ref.error()};
  const std::uint32_t held = ref.value().access;
  if (!(held & kWriteRights)) return Failure{error::kAccessDenied};
  model::FileObject& object = ref.value().object->file;
  const NodeId node_id = object.node;
  const model::FileNode* node = files_.node(node_id);
  if (!node) return Failure{error::kInvalidHandle};
  // An append-only handle writes at the end whatever the offset.
  if (!(held & file_access::kWriteData)) offset = kWriteToEnd;
  if (offset == kWriteToEnd)
    offset = node->size;
  else if (offset == kUsePointer)
    offset = object.position;
  else if (offset >= kNegative) {
    rely_on(inferred::kFileOffsets);
    return Failure{error::kInvalidParameter};
  }
  if (data.empty()) return model::ok_status();
  const std::uint64_t end = offset + data.size();
  if (end > node->size) {
    if (auto s = resize(node_id, end); !s.ok()) return s;
  }
  files_.node(node_id)->data.write(offset, data.data(), data.size());
  object.position = end;
  return model::ok_status();
}

bool ModelApi::WriteFile(Handle file, std::uint64_t offset, const Bytes& data) {
  return finish_status(write_file(file, offset, data));
}

}  // namespace fmconf
