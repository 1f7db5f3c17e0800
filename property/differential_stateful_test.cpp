// The stateful differential property: rc::state programs of Api calls (create file, create/open
// mappings by name, map/unmap, write/read views, duplicate, close, other named objects) with
// symbolic handles, run against the model and Wine side by side through the cases runner, which
// compares ok, last error and observables, never raw handle values or addresses. The
// rc::state model only tracks which symbolic handles, views and names exist, so generation and
// shrinking never touch a backend.
#include "property/differential_support.hpp"
#include "property/gen_names.hpp"
#include "property/gen_protect.hpp"
#include "property/gen_view_access.hpp"

#include <rapidcheck/state.h>

namespace fmconf::property {
namespace {

enum class Kind { file, mapping, other };

struct Symbol {
  std::string id;
  Kind kind;
  bool open = true;
};

struct ProgramModel {
  std::vector<Symbol> handles;
  std::vector<Symbol> views;  // open: still mapped
  std::vector<std::string> names;
  std::string next_handle() const { return "h" + std::to_string(handles.size()); }
  std::string next_view() const { return "v" + std::to_string(views.size()); }
  bool has_open(Kind kind) const {
    for (const auto& h : handles) {
      if (h.open && h.kind == kind) return true;
    }
    return false;
  }
  bool has_mapped_view() const {
    for (const auto& v : views) {
      if (v.open) return true;
    }
    return false;
  }
};

struct ProgramSut {
  Json steps = Json::array();
};

using Command = rc::state::Command<ProgramModel, ProgramSut>;

constexpr const char* kShareAll = "FILE_SHARE_READ|FILE_SHARE_WRITE|FILE_SHARE_DELETE";

std::string pick_handle(const ProgramModel& m, Kind kind) {
  std::vector<std::string> ids;
  for (const auto& h : m.handles) {
    if (h.open && h.kind == kind) ids.push_back(h.id);
  }
  RC_PRE(!ids.empty());
  return *rc::gen::elementOf(ids);
}

std::string pick_view(const ProgramModel& m) {
  std::vector<std::string> ids;
  for (const auto& v : m.views) {
    if (v.open) ids.push_back(v.id);
  }
  RC_PRE(!ids.empty());
  return *rc::gen::elementOf(ids);
}

bool is_open(const ProgramModel& m, const std::string& id) {
  for (const auto& h : m.handles) {
    if (h.id == id) return h.open;
  }
  for (const auto& v : m.views) {
    if (v.id == id) return v.open;
  }
  return false;
}

// A name: mostly one already used (so objects meet), else a new plain one.
std::optional<std::string> pick_name(const ProgramModel& m) {
  const int choice = *rc::gen::inRange(0, 4);
  if (choice == 0) return std::nullopt;
  if (choice == 1 && !m.names.empty()) return *rc::gen::elementOf(m.names);
  if (choice == 2 && !m.names.empty()) return case_variant(*rc::gen::elementOf(m.names));
  return *rc::gen::apply([](const std::string& p, const std::string& l) { return p + l; },
                         rc::gen::element<std::string>("", "Local\\"), plain_leaves());
}

Json name_json(const std::optional<std::string>& name) {
  return name ? Json(*name) : Json(nullptr);
}

std::string hexs(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%x", v);
  return buf;
}

// A command that appends one step (its `step`) and updates the symbolic model.
struct StepCommand : Command {
  Json step;
  void run(const ProgramModel&, ProgramSut& sut) const override { sut.steps.push_back(step); }
  void show(std::ostream& os) const override { os << step.dump(); }
};

struct CreateFile : StepCommand {
  std::string out;
  explicit CreateFile(const ProgramModel& m) : out(m.next_handle()) {
    const auto access = *rc::gen::element<std::string>("GENERIC_READ|GENERIC_WRITE", "GENERIC_READ",
                                                       "GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE",
                                                       "GENERIC_READ|GENERIC_EXECUTE", "0");
    step = {{"call", "CreateFileW"},
            {"out", out},
            {"path", *rc::gen::element<std::string>("a.bin", "b.bin")},
            {"access", access},
            {"share", kShareAll},
            {"disposition",
             *rc::gen::element<std::string>("OPEN_ALWAYS", "CREATE_ALWAYS", "OPEN_EXISTING")}};
  }
  void checkPreconditions(const ProgramModel& m) const override { RC_PRE(out == m.next_handle()); }
  void apply(ProgramModel& m) const override { m.handles.push_back({out, Kind::file}); }
};

struct SetFileSize : StepCommand {
  std::string file;
  // Through any file handle: without FILE_WRITE_DATA the model fails (inferred:end-of-file-access,
  // a known Wine difference: wine:end-of-file-without-write-access).
  explicit SetFileSize(const ProgramModel& m) : file(pick_handle(m, Kind::file)) {
    step = {{"call", "SetFileSize"},
            {"handle", file},
            {"size", *rc::gen::element<std::uint64_t>(0x2000, 0, 0x1000, 0x3456, 0x10000)}};
  }
  void checkPreconditions(const ProgramModel& m) const override { RC_PRE(is_open(m, file)); }
  void apply(ProgramModel&) const override {}
};

struct CreateMapping : StepCommand {
  std::string out, file;
  std::optional<std::string> name;
  explicit CreateMapping(const ProgramModel& m) : out(m.next_handle()) {
    const bool pagefile = !m.has_open(Kind::file) || *rc::gen::element(false, true);
    file = pagefile ? "INVALID_HANDLE_VALUE" : pick_handle(m, Kind::file);
    name = pick_name(m);
    const auto protect =
        *rc::gen::weightedOneOf<std::uint32_t>({{4, valid_protections()}, {1, protect_values()}});
    const auto size = *rc::gen::element<std::uint32_t>(0, 0x1000, 0x2000, 0x3456, 0x10000);
    step = {{"call", "CreateFileMappingW"},
            {"out", out},
            {"file", file},
            {"protect", format_flags(protect, Family::protect)},
            {"size_high", 0},
            {"size_low", size},
            {"name", name_json(name)}};
  }
  void checkPreconditions(const ProgramModel& m) const override {
    RC_PRE(out == m.next_handle());
    RC_PRE(file == "INVALID_HANDLE_VALUE" || is_open(m, file));
  }
  void apply(ProgramModel& m) const override {
    m.handles.push_back({out, Kind::mapping});
    if (name) m.names.push_back(*name);
  }
};

struct OpenMapping : StepCommand {
  std::string out;
  explicit OpenMapping(const ProgramModel& m) : out(m.next_handle()) {
    const auto name = pick_name(m);
    RC_PRE(name.has_value());
    step = {{"call", "OpenFileMappingW"},
            {"out", out},
            {"access", *rc::gen::element<std::string>("FILE_MAP_READ", "FILE_MAP_ALL_ACCESS",
                                                      "FILE_MAP_WRITE", "FILE_MAP_COPY")},
            {"name", *name}};
  }
  void checkPreconditions(const ProgramModel& m) const override { RC_PRE(out == m.next_handle()); }
  void apply(ProgramModel& m) const override { m.handles.push_back({out, Kind::mapping}); }
};

struct MapView : StepCommand {
  std::string out, mapping;
  explicit MapView(const ProgramModel& m)
      : out(m.next_view()), mapping(pick_handle(m, Kind::mapping)) {
    const auto access = *view_access_masks();
    // 0x1000 is unaligned: ERROR_MAPPED_ALIGNMENT, or the access error first when both apply
    // (inferred:view-check-order, a known Wine difference: wine:view-check-order).
    const auto offset = *rc::gen::element<std::uint32_t>(0, 0x1000, 0x10000);
    step = {{"call", "MapViewOfFile"}, {"out", out},
            {"mapping", mapping},      {"access", hexs(access & 0xff)},
            {"offset_low", offset},    {"bytes", *rc::gen::element<std::uint64_t>(0, 0x1000)}};
  }
  void checkPreconditions(const ProgramModel& m) const override {
    RC_PRE(out == m.next_view());
    RC_PRE(is_open(m, mapping));
  }
  void apply(ProgramModel& m) const override { m.views.push_back({out, Kind::mapping}); }
};

struct Unmap : StepCommand {
  std::string view;
  explicit Unmap(const ProgramModel& m) : view(pick_view(m)) {
    step = {{"call", "UnmapViewOfFile"}, {"view", view}};
  }
  void checkPreconditions(const ProgramModel& m) const override { RC_PRE(is_open(m, view)); }
  void apply(ProgramModel& m) const override {
    for (auto& v : m.views) {
      if (v.id == view) v.open = false;
    }
  }
};

struct WriteView : StepCommand {
  std::string view;
  explicit WriteView(const ProgramModel& m) : view(pick_view(m)) {
    step = {{"call", "WriteView"},
            {"view", view},
            {"offset", *rc::gen::element<std::uint64_t>(0, 0x10, 0xffe)},
            {"data", *rc::gen::element<std::string>("a1b2c3d4", "ff")}};
  }
  void checkPreconditions(const ProgramModel& m) const override { RC_PRE(is_open(m, view)); }
  void apply(ProgramModel&) const override {}
};

struct ReadView : StepCommand {
  std::string view;
  explicit ReadView(const ProgramModel& m) : view(pick_view(m)) {
    step = {{"call", "ReadView"},
            {"view", view},
            {"offset", *rc::gen::element<std::uint64_t>(0, 0x10, 0xffe)},
            {"length", 4}};
  }
  void checkPreconditions(const ProgramModel& m) const override { RC_PRE(is_open(m, view)); }
  void apply(ProgramModel&) const override {}
};

struct QueryView : StepCommand {
  std::string view;
  explicit QueryView(const ProgramModel& m) : view(pick_view(m)) {
    step = {{"call", "VirtualQuery"}, {"view", view}};
  }
  void checkPreconditions(const ProgramModel& m) const override { RC_PRE(is_open(m, view)); }
  void apply(ProgramModel&) const override {}
};

struct Duplicate : StepCommand {
  std::string out, source;
  Kind kind;
  explicit Duplicate(const ProgramModel& m) : out(m.next_handle()) {
    kind = *rc::gen::element(Kind::mapping, Kind::file);
    source = pick_handle(m, kind);
    step = {{"call", "DuplicateHandle"}, {"out", out}, {"handle", source}};
    if (*rc::gen::element(true, false)) {
      step["same_access"] = true;
    } else {
      step["access"] = *rc::gen::element<std::string>("FILE_MAP_READ", "0", "FILE_MAP_WRITE",
                                                      "FILE_MAP_READ|FILE_MAP_WRITE");
    }
  }
  void checkPreconditions(const ProgramModel& m) const override {
    RC_PRE(out == m.next_handle());
    RC_PRE(is_open(m, source));
  }
  void apply(ProgramModel& m) const override { m.handles.push_back({out, kind}); }
};

struct Close : StepCommand {
  std::string handle;
  explicit Close(const ProgramModel& m) {
    const Kind kind = *rc::gen::element(Kind::mapping, Kind::file, Kind::other);
    handle = pick_handle(m, kind);
    step = {{"call", "CloseHandle"}, {"handle", handle}};
  }
  void checkPreconditions(const ProgramModel& m) const override { RC_PRE(is_open(m, handle)); }
  void apply(ProgramModel& m) const override {
    for (auto& h : m.handles) {
      if (h.id == handle) h.open = false;
    }
  }
};

struct CreateOther : StepCommand {
  std::string out;
  std::optional<std::string> name;
  explicit CreateOther(const ProgramModel& m) : out(m.next_handle()), name(pick_name(m)) {
    step = {{"call",
             *rc::gen::element<std::string>("CreateEventW", "CreateMutexW", "CreateSemaphoreW")},
            {"out", out},
            {"name", name_json(name)}};
  }
  void checkPreconditions(const ProgramModel& m) const override { RC_PRE(out == m.next_handle()); }
  void apply(ProgramModel& m) const override {
    m.handles.push_back({out, Kind::other});
    if (name) m.names.push_back(*name);
  }
};

struct Query : StepCommand {
  std::string handle;
  explicit Query(const ProgramModel& m) : handle(pick_handle(m, Kind::mapping)) {
    step = {{"call", "QuerySection"}, {"handle", handle}};
  }
  void checkPreconditions(const ProgramModel& m) const override { RC_PRE(is_open(m, handle)); }
  void apply(ProgramModel&) const override {}
};

struct FileSize : StepCommand {
  std::string handle;
  explicit FileSize(const ProgramModel& m) : handle(pick_handle(m, Kind::file)) {
    step = {{"call", "GetFileSize"}, {"handle", handle}};
  }
  void checkPreconditions(const ProgramModel& m) const override { RC_PRE(is_open(m, handle)); }
  void apply(ProgramModel&) const override {}
};

TEST(Differential, StatefulProgramsOfApiCalls) {
  std::string why;
  remote::RemoteApi* wine = wine_api(&why);
  if (!wine) GTEST_SKIP() << "Wine properties skipped: " << why;
  check_differential([wine] {
    ProgramModel model;
    ProgramSut sut;
    rc::state::check(
        model, sut,
        rc::state::gen::execOneOfWithArgs<CreateFile, SetFileSize, CreateMapping, OpenMapping,
                                          MapView, Unmap, WriteView, ReadView, QueryView, Duplicate,
                                          Close, CreateOther, Query, FileSize>());
    RC_PRE(!sut.steps.empty());
    const Json program = {
        {"id", "generated/stateful"},
        {"title", "generated program of " + std::to_string(sut.steps.size()) + " calls"},
        {"provenance", {{"kind", "inferred"}, {"source", "generated"}}},
        {"steps", sut.steps}};
    assert_same_on_both(program, *wine, "spec:§3, 1D, 1E, 1F, 1G");
  });
}

}  // namespace
}  // namespace fmconf::property
