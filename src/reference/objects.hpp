// The kernel objects the model knows: what each type holds. Objects live in the ObjectManager
// and are counted: a handle adds to handle_count, a view (of a section) or a section (of a
// file object) adds to pointer_count; an object dies when both reach zero.
#pragma once

#include "reference/pe_image.hpp"
#include "reference/section_attributes.hpp"
#include "reference/sparse_bytes.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fmconf::model {

using ObjectId = std::uint64_t;
using NodeId = std::uint64_t;

enum class ObjectType { process, thread, file, section, event, mutex, semaphore };
const char* type_name(ObjectType type);

// The directories of the named-object namespace (§3).
enum class Directory { global, session, session_links };

struct ObjectName {
  Directory directory;
  std::u16string leaf;
  friend auto operator<=>(const ObjectName&, const ObjectName&) = default;
};

// An open instance of a file (one CreateFile call; DuplicateHandle shares it).
struct FileObject {
  NodeId node = 0;
  std::uint32_t access = 0;  // FILE_* rights granted (generic rights mapped)
  std::uint32_t share = 0;   // FILE_SHARE_* it was opened with
  bool delete_on_close = false;
  std::uint64_t position = 0;  // the file pointer
};

struct SectionObject {
  Backing backing = Backing::pagefile;
  std::uint32_t protect = 0;     // the page protection it was created with
  std::uint32_t attributes = 0;  // as NtQuerySection reports them
  std::uint64_t size = 0;        // as NtQuerySection reports it
  bool reserved = false;         // pagefile SEC_RESERVE: views start reserved (S17)
  std::uint64_t commit_charge = 0;
  ObjectId file_object = 0;  // data_file/image: the file object it references
  NodeId node = 0;
  std::shared_ptr<SparseBytes> contents;  // pagefile and image sections own their bytes
  std::vector<ImageRange> image_ranges;   // image sections: page protections
};

struct SyncObject {
  bool manual_reset = false;
  bool signaled = false;
  std::int32_t count = 0;
  std::int32_t maximum = 0;
};

struct Object {
  ObjectType type = ObjectType::event;
  std::uint64_t handle_count = 0;
  std::uint64_t pointer_count = 0;
  bool permanent = false;  // the current process and thread
  std::optional<ObjectName> name;
  FileObject file;
  SectionObject section;
  SyncObject sync;
};

}  // namespace fmconf::model
