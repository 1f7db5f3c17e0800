#include "reference/file_system.hpp"

#include "api/vocabulary.hpp"

#include <vector>

namespace fmconf::model {
namespace {

constexpr std::size_t kMaxComponent = 255;  // NTFS

bool invalid_char(char16_t c) {
  return c < 32 || c == u'<' || c == u'>' || c == u':' || c == u'"' || c == u'|' || c == u'?' ||
         c == u'*';
}

// NTFS compares names case-insensitively (upcase table); ASCII and Latin-1 suffice here.
char16_t upcase(char16_t c) {
  if (c >= u'a' && c <= u'z') return static_cast<char16_t>(c - 32);
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return static_cast<char16_t>(c - 32);
  return c;
}

}  // namespace

Result<std::u16string> FileSystem::normalize(const std::u16string& path) {
  // inferred:file-paths
  if (path.empty()) return Failure{error::kPathNotFound};
  std::vector<std::u16string> parts;
  std::u16string current;
  auto flush = [&]() -> std::uint32_t {
    // Win32 drops trailing dots and spaces of each component.
    while (!current.empty() && (current.back() == u'.' || current.back() == u' ')) {
      if (current == u"..") break;
      current.pop_back();
    }
    if (current == u"..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!current.empty()) {
      if (current.size() > kMaxComponent) return error::kInvalidName;
      parts.push_back(current);
    }
    current.clear();
    return 0;
  };
  for (const char16_t c : path) {
    if (c == u'\\' || c == u'/') {
      if (const auto e = flush()) return Failure{e};
      continue;
    }
    if (invalid_char(c)) return Failure{error::kInvalidName};
    current.push_back(upcase(c));
  }
  if (const auto e = flush()) return Failure{e};
  if (parts.empty()) return Failure{error::kAccessDenied};     // the case folder itself
  if (parts.size() > 1) return Failure{error::kPathNotFound};  // cases cannot make subfolders
  return parts.front();
}

NodeId FileSystem::find(const std::u16string& key) const {
  auto it = names_.find(key);
  return it == names_.end() ? 0 : it->second;
}

NodeId FileSystem::create(const std::u16string& key) {
  const NodeId id = next_++;
  FileNode node;
  node.key = key;
  nodes_.emplace(id, std::move(node));
  names_[key] = id;
  return id;
}

FileNode* FileSystem::node(NodeId id) {
  auto it = nodes_.find(id);
  return it == nodes_.end() ? nullptr : &it->second;
}

const FileNode* FileSystem::node(NodeId id) const {
  auto it = nodes_.find(id);
  return it == nodes_.end() ? nullptr : &it->second;
}

void FileSystem::unlink(NodeId id) {
  FileNode* n = node(id);
  if (!n || !n->linked) return;
  names_.erase(n->key);
  n->linked = false;
}

void FileSystem::erase(NodeId id) {
  unlink(id);
  nodes_.erase(id);
}

void FileSystem::clear() {
  names_.clear();
  nodes_.clear();
}

std::uint64_t FileSystem::used_bytes() const {
  std::uint64_t total = 0;
  for (const auto& [id, n] : nodes_) total += n.size;
  return total;
}

}  // namespace fmconf::model
