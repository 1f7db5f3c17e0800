// FileSystem: the case's private folder. Files have contents (sparse), a size and a
// delete-pending flag; names are Win32 paths relative to the folder. Opening, sharing and the
// section rules of table 1G are in ModelApi (model_files.cpp); this is the storage.
#pragma once

#include "reference/objects.hpp"
#include "reference/result.hpp"
#include "reference/sparse_bytes.hpp"

#include <cstdint>
#include <map>
#include <string>

namespace fmconf::model {

struct FileNode {
  std::u16string key;  // normalized name in the folder
  SparseBytes data;
  std::uint64_t size = 0;
  bool delete_pending = false;
  bool read_only = false;  // FILE_ATTRIBUTE_READONLY (inferred:read-only-attribute)
  bool linked = true;      // still has a name in the folder
};

class FileSystem {
 public:
  // A case-insensitive key for `path`, or the Win32 error of an unusable path
  // (inferred:file-paths).
  static Result<std::u16string> normalize(const std::u16string& path);

  NodeId find(const std::u16string& key) const;  // 0 if absent
  NodeId create(const std::u16string& key);
  FileNode* node(NodeId id);
  const FileNode* node(NodeId id) const;
  void unlink(NodeId id);  // removes the name; the node lives while objects reference it
  void erase(NodeId id);
  void clear();

  // Sizes of every file (named or not): what the disk holds.
  std::uint64_t used_bytes() const;
  const std::map<NodeId, FileNode>& nodes() const { return nodes_; }
  const std::map<std::u16string, NodeId>& names() const { return names_; }

 private:
  std::map<std::u16string, NodeId> names_;
  std::map<NodeId, FileNode> nodes_;
  NodeId next_ = 1;
};

}  // namespace fmconf::model
