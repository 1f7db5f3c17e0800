#include "fuzz/program/program_codec.hpp"

#include "api/vocabulary.hpp"
#include "fuzz/program/choice_stream.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <vector>

#include <fmt/format.h>

namespace fmconf::fuzz {
namespace {

// Caps. A program longer than these mostly repeats itself and slows every execution down.
// fuzz_program: 24 steps hold a create-file -> mapping -> view -> close chain several times over
// with interleavings, which is where reference-count and lifetime bugs live.
constexpr std::size_t kMaxProgramSteps = 24;
// fuzz_handles: 16 calls after the fixed prelude; each call tests one handle parameter.
constexpr std::size_t kMaxHandleSteps = 16;
// fuzz_differential: every step is a round trip to the executor under Wine (about a
// millisecond), twice per step with the run on the model; 12 keeps one input near 20 ms.
constexpr std::size_t kMaxDifferentialSteps = 12;
// Raw names and raw data: enough for prefixes, separators and one page-crossing write; more
// only slows the model's name and byte handling down without new behaviour.
constexpr std::size_t kMaxRawNameBytes = 32;
constexpr std::size_t kMaxRawDataBytes = 64;

enum class Kind { table, handle, view, name, data };
enum class Raw { none, flags, number };
enum class Out { none, handle, view };

using Table = std::vector<std::string_view>;  // JSON literals

struct Field {
  std::string_view key;
  Kind kind;
  const Table* table = nullptr;
  Raw raw = Raw::none;
  std::string_view fallback = "null";  // the value when a case leaves the field out
  std::uint32_t max = 0xffffffffu;     // a raw number above it is clamped to it
};

struct Op {
  std::string_view call;
  Out out;
  std::vector<Field> fields;
};

// --- tables of interesting values (spec rows in brackets) ---------------------------------------
const Table kPaths = {R"("a.bin")", R"("b.bin")"};
const Table kFileAccess = {R"("GENERIC_READ|GENERIC_WRITE")",
                           R"("GENERIC_READ")",
                           R"("0")",
                           R"("GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE")",  // [A20]
                           R"("GENERIC_WRITE")",
                           R"("GENERIC_READ|GENERIC_EXECUTE")"};
const Table kShare = {R"("0")", R"("FILE_SHARE_READ|FILE_SHARE_WRITE")", R"("FILE_SHARE_READ")",
                      R"("FILE_SHARE_READ|FILE_SHARE_WRITE|FILE_SHARE_DELETE")"};
const Table kDisposition = {R"("CREATE_ALWAYS")", R"("OPEN_EXISTING")", R"("OPEN_ALWAYS")",
                            R"("CREATE_NEW")", R"("TRUNCATE_EXISTING")"};
const Table kFileFlags = {R"("FILE_ATTRIBUTE_NORMAL")", R"("FILE_FLAG_DELETE_ON_CLOSE")"};
const Table kProtect = {  // [1B, 1C]
    R"("PAGE_READWRITE")",
    R"("PAGE_READONLY")",
    R"("PAGE_WRITECOPY")",
    R"("PAGE_EXECUTE_READ")",
    R"("PAGE_EXECUTE_READWRITE")",
    R"("PAGE_EXECUTE_WRITECOPY")",
    R"("PAGE_READWRITE|SEC_RESERVE")",
    R"("PAGE_READWRITE|SEC_COMMIT")",
    R"("PAGE_READONLY|SEC_IMAGE")",
    R"("PAGE_READWRITE|SEC_COMMIT|SEC_NOCACHE")",
    R"("PAGE_NOACCESS")",
    R"("PAGE_EXECUTE")",
    R"("0")"};
const Table kSizeHigh = {"0", "1", "2147483648"};  // [S4]
const Table kSizeLow = {"0", "4096", "8192", "12288", "100", "1", "65536", "65537"};
const Table kMapAccess = {R"("FILE_MAP_READ")",
                          R"("FILE_MAP_WRITE")",
                          R"("FILE_MAP_READ|FILE_MAP_WRITE")",
                          R"("FILE_MAP_COPY")",
                          R"("FILE_MAP_ALL_ACCESS")",
                          R"("FILE_MAP_READ|FILE_MAP_EXECUTE")",
                          R"("0")"};
const Table kOffsetHigh = {"0", "1"};
const Table kOffsetLow = {"0", "4096", "65536", "1", "131072"};  // [D: alignment]
const Table kViewBytes = {"0", "4096", "1", "8192", "65536", "12289"};
const Table kBase = {"null", "268435456"};
const Table kViewOffset = {"0", "4096", "1", "8192"};
const Table kLength = {"16", "1", "4096", "0", "8192"};
const Table kFileOffset = {"0", "4096", "100"};
const Table kFileSize = {"4096", "0", "100", "8192", "12288", "65536"};
const Table kSyncAccess = {R"("SYNCHRONIZE")", R"("0")", R"("EVENT_ALL_ACCESS")",
                           R"("EVENT_MODIFY_STATE")"};
const Table kDuplicateAccess = {R"("FILE_MAP_READ")", R"("0")", R"("FILE_MAP_WRITE")",
                                R"("FILE_MAP_ALL_ACCESS")", R"("GENERIC_READ")"};
const Table kBool = {"true", "false"};
const Table kNames = {"null",   R"("a")",        R"("b")",
                      R"("")",  R"("Local\\a")", R"("Global\\a")",
                      R"("A")", R"("a\\b")",     R"("Session\\1\\a")"};  // [§3]
const Table kOpenNames(kNames.begin() + 1, kNames.end());
const Table kData = {R"("00")", R"("41424344")", R"("@minimal-pe")"};
// Handle values that are not registers (case-format.md "Special handles"); [§4].
const std::array<std::string_view, 5> kSpecialHandles = {
    "NULL", "INVALID_HANDLE_VALUE", "CURRENT_PROCESS", "CURRENT_THREAD", "0x1234"};

Field table(std::string_view key, const Table& t, Raw raw = Raw::none,
            std::string_view fallback = "null") {
  return {key, Kind::table, &t, raw, fallback};
}
// ReadFile/ReadView `length`: a raw number is clamped to the case format's kMaxReadLength
// (cases/step.hpp), so every decoded program validates and no read holds gigabytes.
Field read_length() { return {"length", Kind::table, &kLength, Raw::number, "0", kMaxReadLength}; }
Field handle(std::string_view key) { return {key, Kind::handle}; }
Field view() { return {"view", Kind::view}; }
Field name(const Table& t) { return {"name", Kind::name, &t, Raw::none, "null"}; }
Field data() { return {"data", Kind::data, &kData}; }

std::vector<Op> make_ops(Profile profile) {
  std::vector<Field> create_file = {
      table("path", kPaths), table("access", kFileAccess, Raw::flags, R"("0")"),
      table("share", kShare, Raw::flags, R"("0")"),
      table("disposition", kDisposition, Raw::none, R"("OPEN_EXISTING")"),
      table("flags", kFileFlags, Raw::flags, R"("FILE_ATTRIBUTE_NORMAL")")};
  std::vector<Field> create_mapping = {handle("file"), table("protect", kProtect, Raw::flags),
                                       table("size_high", kSizeHigh, Raw::number, "0"),
                                       table("size_low", kSizeLow, Raw::number, "0"), name(kNames)};
  std::vector<Field> open_mapping = {table("access", kMapAccess, Raw::flags), name(kOpenNames)};
  std::vector<Field> map_view = {handle("mapping"), table("access", kMapAccess, Raw::flags),
                                 table("offset_high", kOffsetHigh, Raw::number, "0"),
                                 table("offset_low", kOffsetLow, Raw::number, "0"),
                                 table("bytes", kViewBytes, Raw::number, "0")};
  std::vector<Field> map_view_ex = map_view;
  map_view_ex.push_back(table("base", kBase));
  std::vector<Field> open_sync = {table("access", kSyncAccess, Raw::flags), name(kOpenNames)};
  std::vector<Op> ops = {
      {"CreateFileW", Out::handle, create_file},
      {"CreateFileA", Out::handle, create_file},
      {"CreateFileMappingW", Out::handle, create_mapping},
      {"CreateFileMappingA", Out::handle, create_mapping},
      {"OpenFileMappingW", Out::handle, open_mapping},
      {"OpenFileMappingA", Out::handle, open_mapping},
      {"MapViewOfFile", Out::view, map_view},
      {"UnmapViewOfFile", Out::none, {view(), table("offset", kViewOffset, Raw::number, "0")}},
      {"CloseHandle", Out::none, {handle("handle")}},
      {"DuplicateHandle",
       Out::handle,
       {handle("handle"), table("access", kDuplicateAccess, Raw::flags, R"("0")"),
        table("same_access", kBool, Raw::none, "false")}},
      {"CreateEventW", Out::handle, {name(kNames)}},
      {"CreateMutexW", Out::handle, {name(kNames)}},
      {"CreateSemaphoreW", Out::handle, {name(kNames)}},
      {"OpenEventW", Out::handle, open_sync},
      {"OpenMutexW", Out::handle, open_sync},
      {"OpenSemaphoreW", Out::handle, open_sync},
      {"GetFileSize", Out::none, {handle("handle")}},
      {"SetFileSize", Out::none, {handle("handle"), table("size", kFileSize, Raw::number, "0")}},
      {"SetEndOfFile", Out::none, {handle("handle")}},
      {"ReadFile",
       Out::none,
       {handle("handle"), table("offset", kFileOffset, Raw::number, "0"), read_length()}},
      {"WriteFile",
       Out::none,
       {handle("handle"), table("offset", kFileOffset, Raw::number, "0"), data()}},
      {"VirtualQuery", Out::none, {view(), table("offset", kViewOffset, Raw::number, "0")}},
      {"ReadView",
       Out::none,
       {view(), table("offset", kViewOffset, Raw::number, "0"), read_length()}},
      {"WriteView", Out::none, {view(), table("offset", kViewOffset, Raw::number, "0"), data()}},
      {"QuerySection", Out::none, {handle("handle")}},
  };
  // A fixed base address only means the same thing where the address space layout is the same:
  // not across the model and Wine.
  if (profile != Profile::differential) ops.push_back({"MapViewOfFileEx", Out::view, map_view_ex});
  return ops;
}

const std::vector<Op>& ops_for(Profile profile) {
  static const std::vector<Op> program = make_ops(Profile::program);
  static const std::vector<Op> differential = make_ops(Profile::differential);
  return profile == Profile::differential ? differential : program;
}

// fuzz_handles: one handle of every kind before the fuzzed calls [§4, D41-D44, N13-N16].
const char* const kHandlePrelude = R"([
 {"call": "CreateFileW", "out": "file", "path": "a.bin", "access": "GENERIC_READ|GENERIC_WRITE",
  "share": "FILE_SHARE_READ|FILE_SHARE_WRITE", "disposition": "CREATE_ALWAYS"},
 {"call": "SetFileSize", "handle": "file", "size": 8192},
 {"call": "CreateFileW", "out": "file_read", "path": "a.bin", "access": "GENERIC_READ",
  "share": "FILE_SHARE_READ|FILE_SHARE_WRITE", "disposition": "OPEN_EXISTING"},
 {"call": "CreateFileMappingW", "out": "mapping", "file": "file", "protect": "PAGE_READWRITE",
  "size_low": 8192, "name": "sec"},
 {"call": "DuplicateHandle", "out": "mapping_read", "handle": "mapping", "access": "FILE_MAP_READ"},
 {"call": "DuplicateHandle", "out": "mapping_none", "handle": "mapping", "access": "0"},
 {"call": "MapViewOfFile", "out": "view", "mapping": "mapping",
  "access": "FILE_MAP_READ|FILE_MAP_WRITE"},
 {"call": "CreateEventW", "out": "event", "name": "evt"},
 {"call": "CreateMutexW", "out": "mutex", "name": "mtx"},
 {"call": "CreateSemaphoreW", "out": "semaphore", "name": "sem"},
 {"call": "CreateFileMappingW", "out": "closed", "file": "INVALID_HANDLE_VALUE",
  "protect": "PAGE_READWRITE", "size_low": 4096},
 {"call": "CloseHandle", "handle": "closed"},
 {"call": "CreateFileMappingW", "out": "recycled", "file": "INVALID_HANDLE_VALUE",
  "protect": "PAGE_READONLY", "size_low": 4096},
 {"call": "CreateFileMappingW", "out": "pagefile", "file": "INVALID_HANDLE_VALUE",
  "protect": "PAGE_READWRITE", "size_low": 4096}
])";

// Registers: the handle and view names defined so far, in definition order.
struct Registers {
  std::vector<std::string> handles;
  std::vector<std::string> views;
};

Registers prelude_registers(const Json& steps) {
  Registers r;
  for (const Json& s : steps) {
    if (!s.contains("out")) continue;
    const bool is_view = s["call"] == "MapViewOfFile" || s["call"] == "MapViewOfFileEx";
    (is_view ? r.views : r.handles).push_back(s["out"].get<std::string>());
  }
  return r;
}

Json prelude(Profile profile) {
  if (profile != Profile::handles) return Json::array();
  static const Json steps = Json::parse(kHandlePrelude);
  return steps;
}

const Json& literal(std::string_view text) {
  static std::map<std::string_view, Json> cache;
  auto it = cache.find(text);
  if (it == cache.end()) it = cache.emplace(text, Json::parse(text)).first;
  return it->second;
}

std::string hex(const Bytes& bytes) {
  std::string out;
  for (std::uint8_t b : bytes) out += fmt::format("{:02x}", b);
  return out;
}

// Raw name bytes as a JSON (UTF-8) string: bytes >= 0x80 are read as Latin-1 code points.
std::string latin1_to_utf8(const Bytes& bytes) {
  std::string out;
  for (std::uint8_t b : bytes) {
    if (b < 0x80) {
      out += static_cast<char>(b);
    } else {
      out += static_cast<char>(0xc0 | (b >> 6));
      out += static_cast<char>(0x80 | (b & 0x3f));
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Decoding.

class Decoder {
 public:
  Decoder(std::span<const std::uint8_t> data, Profile profile)
      : in_(data), profile_(profile), ops_(ops_for(profile)) {}

  Json run() {
    Json steps = prelude(profile_);
    registers_ = prelude_registers(steps);
    std::size_t fuzzed = 0;
    while (!in_.empty() && fuzzed < max_steps(profile_)) {
      const Op& op = ops_[in_.pick(ops_.size())];
      // A call on a view needs a view; without one the op is a no-op (it still took its byte).
      const bool needs_view = std::any_of(op.fields.begin(), op.fields.end(),
                                          [](const Field& f) { return f.kind == Kind::view; });
      if (needs_view && registers_.views.empty()) continue;
      Json step = {{"call", op.call}};
      for (const Field& f : op.fields) step[std::string(f.key)] = value(f);
      if (op.out == Out::handle) {
        step["out"] = "h" + std::to_string(registers_.handles.size());
        registers_.handles.push_back(step["out"]);
      } else if (op.out == Out::view) {
        step["out"] = "v" + std::to_string(registers_.views.size());
        registers_.views.push_back(step["out"]);
      }
      steps.push_back(std::move(step));
      ++fuzzed;
    }
    return steps;
  }

 private:
  Json value(const Field& f) {
    switch (f.kind) {
      case Kind::handle:
        return handle_value();
      case Kind::view:
        return freshest(registers_.views);
      case Kind::table:
      case Kind::name:
      case Kind::data:
        break;
    }
    const Table& t = *f.table;
    const bool escape = f.raw != Raw::none || f.kind != Kind::table;
    const std::size_t i = in_.pick(t.size() + (escape ? 1 : 0));
    if (i < t.size()) return literal(t[i]);
    switch (f.kind) {
      case Kind::name:
        return latin1_to_utf8(in_.bytes(in_.pick(kMaxRawNameBytes + 1)));
      case Kind::data:
        return hex(in_.bytes(in_.pick(kMaxRawDataBytes + 1)));
      default:
        break;
    }
    const std::uint32_t raw = in_.u32();
    if (f.raw == Raw::flags) return fmt::format("0x{:x}", raw);
    return std::min(raw, f.max);
  }

  // A register (freshest first) or a special value.
  Json handle_value() {
    const std::size_t kind = in_.pick(kSpecialHandles.size() + 1);
    if (kind == 0 && !registers_.handles.empty()) return freshest(registers_.handles);
    return std::string(kSpecialHandles[kind == 0 ? 0 : kind - 1]);
  }

  Json freshest(const std::vector<std::string>& names) {
    return names[names.size() - 1 - in_.pick(names.size())];
  }

  ChoiceReader in_;
  Profile profile_;
  const std::vector<Op>& ops_;
  Registers registers_;
};

// ------------------------------------------------------------------------------------------------
// Encoding (the decoder's inverse, for seeds).

std::optional<std::uint64_t> number_of(const Json& v, std::optional<Family> family) {
  if (v.is_number_unsigned()) return v.get<std::uint64_t>();
  if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return v.get<std::uint64_t>();
  if (v.is_string() && family) return parse_flags(v.get<std::string>(), *family);
  return std::nullopt;
}

std::optional<Family> family_of(std::string_view key, std::string_view call) {
  if (key == "protect") return Family::protect;
  if (key == "share") return Family::share;
  if (key == "flags") return Family::file_flags;
  if (key == "access") {
    if (call.starts_with("CreateFile") && !call.starts_with("CreateFileMapping")) {
      return Family::file_access;
    }
    if (call == "DuplicateHandle") return Family::any_access;
    if (call.starts_with("OpenEvent") || call.starts_with("OpenMutex") ||
        call.starts_with("OpenSemaphore")) {
      return Family::sync_access;
    }
    return Family::map_access;
  }
  return std::nullopt;
}

Bytes unhex(const std::string& text) {
  Bytes out;
  for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
    out.push_back(static_cast<std::uint8_t>(std::stoul(text.substr(i, 2), nullptr, 16)));
  }
  return out;
}

// UTF-8 to Latin-1 bytes; code points above U+00FF become '?'.
Bytes utf8_to_latin1(const std::string& text) {
  Bytes out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<std::uint8_t>(text[i]);
    std::uint32_t cp = c;
    std::size_t n = 1;
    if (c >= 0xf0) {
      n = 4;
    } else if (c >= 0xe0) {
      n = 3;
    } else if (c >= 0xc0) {
      n = 2;
      if (i + 1 < text.size())
        cp = ((c & 0x1fu) << 6) | (static_cast<std::uint8_t>(text[i + 1]) & 0x3fu);
    }
    out.push_back(n == 1 || (n == 2 && cp < 0x100) ? static_cast<std::uint8_t>(cp) : '?');
    i += n;
  }
  return out;
}

class Encoder {
 public:
  explicit Encoder(Profile profile) : profile_(profile), ops_(ops_for(profile)) {
    registers_ = prelude_registers(prelude(profile));
    for (const std::string& h : registers_.handles) handle_names_[h] = h;
    for (const std::string& v : registers_.views) view_names_[v] = v;
  }

  Bytes run(const Json& case_json) {
    std::size_t written = 0;
    for (const Json& step : case_json.value("steps", Json::array())) {
      if (written == max_steps(profile_)) break;
      if (encode_step(step)) ++written;
    }
    return out_.finish();
  }

 private:
  bool encode_step(const Json& step) {
    const std::string call = step.value("call", "");
    const auto op =
        std::find_if(ops_.begin(), ops_.end(), [&](const Op& o) { return o.call == call; });
    if (op == ops_.end()) return false;
    for (const Field& f : op->fields) {
      if (f.kind == Kind::view && !view_names_.contains(step.value("view", ""))) return false;
    }
    out_.pick(static_cast<std::size_t>(op - ops_.begin()), ops_.size());
    for (const Field& f : op->fields) {
      const Json& v = step.contains(f.key) ? step[std::string(f.key)] : literal(f.fallback);
      put(f, v, call);
    }
    if (op->out != Out::none && step.contains("out")) {
      auto& names = op->out == Out::view ? view_names_ : handle_names_;
      auto& regs = op->out == Out::view ? registers_.views : registers_.handles;
      const std::string reg = (op->out == Out::view ? "v" : "h") + std::to_string(regs.size());
      names[step["out"].get<std::string>()] = reg;
      regs.push_back(reg);
    } else if (op->out != Out::none) {
      auto& regs = op->out == Out::view ? registers_.views : registers_.handles;
      regs.push_back("unnamed");
    }
    return true;
  }

  void put(const Field& f, const Json& v, std::string_view call) {
    switch (f.kind) {
      case Kind::handle:
        return put_handle(v);
      case Kind::view:
        return put_register(registers_.views, view_names_.at(v.get<std::string>()));
      case Kind::table:
      case Kind::name:
      case Kind::data:
        break;
    }
    const Table& t = *f.table;
    const bool escape = f.raw != Raw::none || f.kind != Kind::table;
    const std::size_t n = t.size() + (escape ? 1 : 0);
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (literal(t[i]) == v) return out_.pick(i, n);
    }
    const auto family = family_of(f.key, call);
    const auto number = number_of(v, family);
    if (f.kind == Kind::table && number) {
      for (std::size_t i = 0; i < t.size(); ++i) {
        if (number_of(literal(t[i]), family) == number) return out_.pick(i, n);
      }
    }
    if (!escape) return out_.pick(0, n);
    if (f.kind == Kind::name || f.kind == Kind::data) {
      if (!v.is_string()) return out_.pick(0, n);
      Bytes bytes =
          f.kind == Kind::name ? utf8_to_latin1(v.get<std::string>()) : unhex(v.get<std::string>());
      const std::size_t cap = f.kind == Kind::name ? kMaxRawNameBytes : kMaxRawDataBytes;
      if (bytes.size() > cap) bytes.resize(cap);
      out_.pick(t.size(), n);
      out_.pick(bytes.size(), cap + 1);
      return out_.bytes(bytes);
    }
    if (!number) return out_.pick(0, n);
    out_.pick(t.size(), n);
    out_.u32(static_cast<std::uint32_t>(std::min<std::uint64_t>(*number, f.max)));
  }

  void put_handle(const Json& v) {
    const std::size_t n = kSpecialHandles.size() + 1;
    const std::string text = v.is_string() ? v.get<std::string>() : "NULL";
    if (auto it = handle_names_.find(text); it != handle_names_.end()) {
      out_.pick(0, n);
      return put_register(registers_.handles, it->second);
    }
    for (std::size_t i = 0; i + 1 < kSpecialHandles.size(); ++i) {
      if (kSpecialHandles[i] == text) return out_.pick(i + 1, n);
    }
    out_.pick(kSpecialHandles.size(), n);  // any other number
  }

  void put_register(const std::vector<std::string>& regs, const std::string& reg) {
    const auto it = std::find(regs.begin(), regs.end(), reg);
    const auto pos = static_cast<std::size_t>(it - regs.begin());
    out_.pick(regs.size() - 1 - pos, regs.size());
  }

  Profile profile_;
  const std::vector<Op>& ops_;
  Registers registers_;
  std::map<std::string, std::string> handle_names_;  // case name -> register
  std::map<std::string, std::string> view_names_;
  ChoiceWriter out_;
};

}  // namespace

std::string_view profile_target(Profile profile) {
  switch (profile) {
    case Profile::program:
      return "fuzz_program";
    case Profile::handles:
      return "fuzz_handles";
    case Profile::differential:
      return "fuzz_differential";
  }
  return "fuzz_program";
}

std::optional<Profile> profile_for_target(std::string_view target) {
  for (Profile p : {Profile::program, Profile::handles, Profile::differential}) {
    if (profile_target(p) == target) return p;
  }
  return std::nullopt;
}

std::size_t max_steps(Profile profile) {
  switch (profile) {
    case Profile::program:
      return kMaxProgramSteps;
    case Profile::handles:
      return kMaxHandleSteps;
    case Profile::differential:
      return kMaxDifferentialSteps;
  }
  return kMaxProgramSteps;
}

Json decode_program(std::span<const std::uint8_t> data, Profile profile) {
  Json steps = Decoder(data, profile).run();
  const std::string target(profile_target(profile));
  Json program;
  program["id"] = "fuzz/" + target;
  program["title"] = fmt::format("{} input decoded as a program of {} steps", target, steps.size());
  program["provenance"] = {{"kind", "inferred"},
                           {"source", "fuzz/" + target + ": a generated program, no expectations"}};
  program["steps"] = std::move(steps);
  return program;
}

Bytes encode_program(const Json& case_json, Profile profile) {
  return Encoder(profile).run(case_json);
}

}  // namespace fmconf::fuzz
