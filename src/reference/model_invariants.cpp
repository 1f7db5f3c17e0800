// The model's read-only self-check: counts match holders, names point at live objects with
// handles, nothing lives without a holder. For property tests and fuzzers ("no leak").
#include "reference/model_api.hpp"

#include <map>

namespace fmconf {

using model::ObjectType;

namespace {
std::string id_text(std::uint64_t id) { return std::to_string(id); }
}  // namespace

std::vector<std::string> ModelApi::check_invariants() const {
  std::vector<std::string> broken;
  auto fail = [&broken](std::string message) { broken.push_back(std::move(message)); };

  std::map<ObjectId, std::uint64_t> handles;
  std::map<ObjectId, std::uint64_t> pointers;
  for (const auto& [value, entry] : objects_.handles()) {
    if (value % 4 != 0) fail("handle " + id_text(value) + " is not a multiple of 4");
    if (!objects_.find(entry.object)) fail("handle " + id_text(value) + " names a dead object");
    ++handles[entry.object];
  }
  for (const auto& [base, view] : memory_.views()) {
    const model::Object* section = objects_.find(view.section);
    if (!section || section->type != ObjectType::section) {
      fail("view at " + id_text(base) + " holds no section");
    }
    if (base % config_.allocation_granularity != 0) fail("view base " + id_text(base));
    if (view.size == 0 || view.size % config_.page_size != 0) fail("view size at " + id_text(base));
    ++pointers[view.section];
  }
  std::uint64_t charge = 0;
  for (const auto& [id, object] : objects_.objects()) {
    if (object.type == ObjectType::section) {
      charge += object.section.commit_charge;
      if (object.section.file_object) {
        const model::Object* file = objects_.find(object.section.file_object);
        if (!file || file->type != ObjectType::file) {
          fail("section " + id_text(id) + " holds no file object");
        }
        ++pointers[object.section.file_object];
      }
      if (object.section.backing != model::Backing::data_file && !object.section.contents) {
        fail("section " + id_text(id) + " has no contents");
      }
    }
    if (object.type == ObjectType::file && !files_.node(object.file.node)) {
      fail("file object " + id_text(id) + " has no file");
    }
  }
  for (const auto& [id, object] : objects_.objects()) {
    if (object.handle_count != handles[id]) {
      fail(std::string(model::type_name(object.type)) + " " + id_text(id) + " handle_count " +
           id_text(object.handle_count) + " != " + id_text(handles[id]) + " handles");
    }
    if (object.pointer_count != pointers[id]) {
      fail(std::string(model::type_name(object.type)) + " " + id_text(id) + " pointer_count " +
           id_text(object.pointer_count) + " != " + id_text(pointers[id]) + " holders");
    }
    if (!object.permanent && object.handle_count == 0 && object.pointer_count == 0) {
      fail(std::string(model::type_name(object.type)) + " " + id_text(id) + " has no holder");
    }
    if (object.name && object.handle_count == 0) {
      fail("object " + id_text(id) + " keeps its name without handles");
    }
    if (object.name && names_.find(*object.name) != id) {
      fail("object " + id_text(id) + " has a name the namespace does not know");
    }
  }
  for (const auto& [name, id] : names_.entries()) {
    const model::Object* object = objects_.find(id);
    if (!object || !object->name || !(*object->name == name)) fail("dangling name entry");
  }
  if (charge != commit_charge_) fail("commit charge " + id_text(commit_charge_) + " != sum");
  for (const auto& [node_id, node] : files_.nodes()) {
    if (node.linked) {
      if (files_.find(node.key) != node_id) fail("file " + id_text(node_id) + " name mismatch");
      continue;
    }
    bool referenced = false;
    for (const auto& [id, object] : objects_.objects()) {
      referenced |= object.type == ObjectType::file && object.file.node == node_id;
    }
    if (!referenced) fail("unlinked file " + id_text(node_id) + " without file objects");
  }
  if (files_.used_bytes() > config_.disk_capacity) fail("disk over capacity");
  return broken;
}

LiveCounts ModelApi::live_counts() const {
  LiveCounts counts;
  counts.handles = objects_.handles().size();
  for (const auto& [id, object] : objects_.objects()) counts.objects += object.permanent ? 0 : 1;
  counts.views = memory_.views().size();
  counts.names = names_.entries().size();
  counts.files = files_.nodes().size();
  counts.commit_charge = commit_charge_;
  for (const auto& [id, node] : files_.nodes())
    counts.allocated_bytes += node.data.allocated_bytes();
  for (const auto& [id, object] : objects_.objects()) {
    if (object.section.contents)
      counts.allocated_bytes += object.section.contents->allocated_bytes();
  }
  for (const auto& [base, view] : memory_.views()) {
    counts.allocated_bytes += view.private_pages.size() * config_.page_size;
  }
  return counts;
}

}  // namespace fmconf
