#include "cases/step_parser.hpp"

#include "api/minimal_pe.hpp"
#include "cases/hex.hpp"

#include <charconv>
#include <limits>
#include <vector>

#include <fmt/format.h>

namespace fmconf {
namespace {

[[noreturn]] void fail(std::string field, std::string message) {
  throw InvalidField{std::move(field), std::move(message)};
}

std::string kind_of(const Json& j) {
  if (j.is_null()) return "null";
  if (j.is_boolean()) return "a boolean";
  if (j.is_number_integer()) return "a number";
  if (j.is_number()) return "a non-integer number";
  if (j.is_string()) return "a string";
  if (j.is_array()) return "an array";
  return "an object";
}

// "123" / "0x7b" as an unsigned 64-bit number.
std::optional<std::uint64_t> parse_u64(std::string_view s) {
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s.remove_prefix(2);
    base = 16;
  }
  if (s.empty()) return std::nullopt;
  std::uint64_t value = 0;
  const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value, base);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

// An unsigned number written as a JSON integer or a numeric string, at most `max`.
std::uint64_t number_value(const Json& j, const std::string& field, std::uint64_t max) {
  std::optional<std::uint64_t> value;
  if (j.is_number_unsigned()) {
    value = j.get<std::uint64_t>();
  } else if (j.is_number_integer()) {
    fail(field, fmt::format("must not be negative (got {})", j.get<std::int64_t>()));
  } else if (j.is_string()) {
    value = parse_u64(j.get<std::string>());
    if (!value) fail(field, fmt::format("'{}' is not a number", j.get<std::string>()));
  } else {
    fail(field, "must be a number, got " + kind_of(j));
  }
  if (*value > max) fail(field, fmt::format("{} does not fit in {:#x}", *value, max));
  return *value;
}

std::uint32_t flags_value(const Json& j, const std::string& field, Family family) {
  if (j.is_string()) {
    std::string error;
    const auto value = parse_flags(j.get<std::string>(), family, &error);
    if (!value) fail(field, error);
    return *value;
  }
  if (j.is_number_unsigned()) {
    return static_cast<std::uint32_t>(number_value(j, field, 0xffffffffu));
  }
  fail(field, "must be flags (a string like \"" + std::string(symbols(family)[0].name) +
                  "|0x10\" or a number), got " + kind_of(j));
}

std::uint32_t error_value(const Json& j, const std::string& field) {
  if (j.is_string()) {
    const auto value = parse_error(j.get<std::string>());
    if (!value) fail(field, "unknown error '" + j.get<std::string>() + "'");
    return *value;
  }
  if (j.is_number_unsigned()) {
    return static_cast<std::uint32_t>(number_value(j, field, 0xffffffffu));
  }
  fail(field, "must be an error name (\"ERROR_ACCESS_DENIED\") or a number, got " + kind_of(j));
}

Bytes data_value(const Json& j, const std::string& field) {
  if (!j.is_string()) fail(field, "must be hex bytes or \"@minimal-pe\", got " + kind_of(j));
  const auto& text = j.get_ref<const std::string&>();
  if (text == "@minimal-pe") return minimal_pe();
  auto bytes = parse_hex(text);
  if (!bytes) fail(field, "'" + text + "' is not hex bytes (an even number of hex digits)");
  return *bytes;
}

bool is_fixed_handle_name(std::string_view s) {
  return s == "NULL" || s == "INVALID_HANDLE_VALUE" || s == "CURRENT_PROCESS" ||
         s == "CURRENT_THREAD";
}

// The step's object with a record of which keys were read, to reject unknown ones.
class Fields {
 public:
  explicit Fields(const Json& json) : json_(json) {}

  const Json* get(std::string_view key) {
    read_.emplace_back(key);
    const auto it = json_.find(key);
    return it == json_.end() ? nullptr : &*it;
  }
  const Json& require(std::string_view key, std::string_view what) {
    const Json* j = get(key);
    if (!j) fail(std::string(key), fmt::format("missing ({} is required)", what));
    return *j;
  }
  bool has(std::string_view key) const { return json_.contains(key); }

  // Rejects keys never read (typos); "note", "comment" and "_..." keys are allowed anywhere.
  void reject_unknown(std::string_view call) const {
    for (const auto& [key, value] : json_.items()) {
      bool known = key == "note" || key == "comment" || key.starts_with('_');
      for (const auto& r : read_) known = known || r == key;
      if (!known) fail(key, fmt::format("unknown parameter for {}", call));
    }
  }

 private:
  const Json& json_;
  std::vector<std::string> read_;
};

class StepParser {
 public:
  StepParser(const Json& json, StepContext& context) : f_(json), context_(context) {}

  Step parse() {
    Step step;
    const Json& call = f_.require("call", "the Win32 function");
    if (!call.is_string()) fail("call", "must be a string, got " + kind_of(call));
    const auto parsed = parse_call(call.get<std::string>());
    if (!parsed) fail("call", "unknown call '" + call.get<std::string>() + "'");
    step.call = *parsed;
    parameters(step);
    expectations(step);
    f_.reject_unknown(call_name(step.call));
    declare_out(step);
    return step;
  }

 private:
  std::uint32_t u32(std::string_view key, std::uint32_t fallback) {
    const Json* j = f_.get(key);
    return j ? static_cast<std::uint32_t>(number_value(*j, std::string(key), 0xffffffffu))
             : fallback;
  }
  // ReadFile/ReadView `length`: a DWORD, at most kMaxReadLength (step.hpp says why).
  std::uint32_t read_length() {
    const Json& j = f_.require("length", "the number of bytes to read");
    const std::uint64_t value = number_value(j, "length", 0xffffffffu);
    if (value > kMaxReadLength) {
      fail("length", fmt::format("{} bytes is more than one read may ask for (at most {}, 1 MiB: "
                                 "every backend holds the bytes in memory and prints them as hex)",
                                 value, kMaxReadLength));
    }
    return static_cast<std::uint32_t>(value);
  }
  std::uint64_t u64(std::string_view key, std::uint64_t fallback) {
    const Json* j = f_.get(key);
    return j ? number_value(*j, std::string(key), std::numeric_limits<std::uint64_t>::max())
             : fallback;
  }
  std::int32_t i32(std::string_view key, std::int32_t fallback) {
    const Json* j = f_.get(key);
    if (!j) return fallback;
    if (!j->is_number_integer()) fail(std::string(key), "must be an integer, got " + kind_of(*j));
    if (j->is_number_unsigned()
            ? j->get<std::uint64_t>() > 0x7fffffffu
            : (j->get<std::int64_t>() < std::numeric_limits<std::int32_t>::min() ||
               j->get<std::int64_t>() > 0x7fffffff)) {
      fail(std::string(key), "does not fit in a 32-bit signed LONG");
    }
    return static_cast<std::int32_t>(j->get<std::int64_t>());
  }
  bool boolean(std::string_view key, bool fallback) {
    const Json* j = f_.get(key);
    if (!j) return fallback;
    if (!j->is_boolean()) fail(std::string(key), "must be true or false, got " + kind_of(*j));
    return j->get<bool>();
  }
  std::uint32_t flags(std::string_view key, Family family, std::optional<std::uint32_t> fallback,
                      std::string_view what = "access rights") {
    const Json* j = fallback ? f_.get(key) : &f_.require(key, what);
    return j ? flags_value(*j, std::string(key), family) : *fallback;
  }

  HandleRef handle(std::string_view key) {
    const Json& j = f_.require(key, "a handle");
    const std::string field(key);
    HandleRef ref;
    if (j.is_number_unsigned()) {
      ref.value = j.get<std::uint64_t>();
      ref.text = fmt::format("{:#x}", *ref.value);
      return ref;
    }
    if (!j.is_string()) fail(field, "must be a handle name or number, got " + kind_of(j));
    ref.text = j.get<std::string>();
    if (ref.text == "NULL") {
      ref.value = kNullHandle;
    } else if (ref.text == "INVALID_HANDLE_VALUE") {
      ref.value = kInvalidHandleValue;
    } else if (ref.text == "CURRENT_PROCESS") {
      ref.value = kCurrentProcess;
    } else if (ref.text == "CURRENT_THREAD") {
      ref.value = kCurrentThread;
    } else if (const auto number = parse_u64(ref.text)) {
      ref.value = *number;
    } else if (!context_.handles.contains(ref.text)) {
      if (context_.views.contains(ref.text)) {
        fail(field, "'" + ref.text + "' names a view, not a handle");
      }
      fail(field,
           "unknown handle '" + ref.text + "' (no earlier step has \"out\": \"" + ref.text + "\")");
    }
    return ref;
  }

  std::string view_name(std::string_view field, const std::string& name) {
    if (!context_.views.contains(name)) {
      if (context_.handles.contains(name)) {
        fail(std::string(field), "'" + name + "' names a handle, not a view");
      }
      fail(std::string(field),
           "unknown view '" + name + "' (no earlier MapViewOfFile has \"out\": \"" + name + "\")");
    }
    return name;
  }

  // `view` + `offset` [0].
  AddressRef view_address() {
    const Json& j = f_.require("view", "a view name");
    if (!j.is_string()) fail("view", "must be a view name, got " + kind_of(j));
    AddressRef ref;
    ref.view = view_name("view", j.get<std::string>());
    ref.offset = u64("offset", 0);
    return ref;
  }

  // MapViewOfFileEx `base`: null, a number, or "VIEW+N".
  std::optional<AddressRef> base_address() {
    const Json& j = f_.require("base", "null, an address or \"VIEW+N\"");
    if (j.is_null()) return std::nullopt;
    AddressRef ref;
    if (j.is_number_unsigned()) {
      ref.fixed = j.get<std::uint64_t>();
      return ref;
    }
    if (!j.is_string()) fail("base", "must be null, a number or \"VIEW+N\", got " + kind_of(j));
    const auto& text = j.get_ref<const std::string&>();
    if (const auto number = parse_u64(text)) {
      ref.fixed = *number;
      return ref;
    }
    const auto plus = text.rfind('+');
    ref.view = view_name("base", text.substr(0, plus));
    if (plus != std::string::npos) {
      const auto offset = parse_u64(std::string_view(text).substr(plus + 1));
      if (!offset) fail("base", "'" + text + "': the part after '+' is not a number");
      ref.offset = *offset;
    }
    return ref;
  }

  std::string path() {
    const Json& j = f_.require("path", "a path relative to the case folder");
    if (!j.is_string()) fail("path", "must be a string, got " + kind_of(j));
    const auto& text = j.get_ref<const std::string&>();
    if (const auto problem = path_problem(text)) fail("path", "'" + text + "': " + *problem);
    return text;
  }

  // `name`: null or a string; `nullable` says whether null (no name) is allowed.
  std::optional<std::string> name(bool required, bool nullable) {
    const Json* j = required ? &f_.require("name", "the object name") : f_.get("name");
    if (!j || j->is_null()) {
      if (j && !nullable) fail("name", "must be a string (this call has no unnamed form)");
      return std::nullopt;
    }
    if (!j->is_string()) fail("name", "must be null or a string, got " + kind_of(*j));
    return j->get<std::string>();
  }

  void out(Step& step) {
    const Json* j = f_.get("out");
    if (!j) return;
    if (!j->is_string() || j->get_ref<const std::string&>().empty()) {
      fail("out", "must be a non-empty name, got " + kind_of(*j));
    }
    step.out = j->get<std::string>();
    if (is_fixed_handle_name(step.out) || parse_u64(step.out)) {
      fail("out", "'" + step.out + "' is a fixed handle value, not a name");
    }
    if (step.out.find('+') != std::string::npos) fail("out", "a name must not contain '+'");
  }

  void declare_out(const Step& step) {
    if (step.out.empty()) return;
    const bool is_view = step.call == Call::MapViewOfFile || step.call == Call::MapViewOfFileEx;
    if (is_view) {
      if (context_.handles.contains(step.out)) {
        fail("out", "'" + step.out + "' already names a handle");
      }
      context_.views.insert(step.out);
    } else {
      if (context_.views.contains(step.out)) {
        fail("out", "'" + step.out + "' already names a view");
      }
      context_.handles.insert(step.out);
    }
  }

  void parameters(Step& step) {
    switch (step.call) {
      case Call::CreateFileW:
      case Call::CreateFileA:
        out(step);
        step.path = path();
        step.access = flags("access", Family::file_access, 0);
        step.share = flags("share", Family::share, 0);
        step.disposition = flags("disposition", Family::disposition, 3);
        step.flags = flags("flags", Family::file_flags, 0x80);
        break;
      case Call::CreateFileMappingW:
      case Call::CreateFileMappingA:
        out(step);
        step.file = handle("file");
        step.protect = flags("protect", Family::protect, std::nullopt, "the protection");
        step.size_high = u32("size_high", 0);
        step.size_low = u32("size_low", 0);
        step.name = name(false, true);
        step.inherit = boolean("inherit", false);
        break;
      case Call::OpenFileMappingW:
      case Call::OpenFileMappingA:
        out(step);
        step.access = flags("access", Family::map_access, std::nullopt);
        step.inherit = boolean("inherit", false);
        step.name = name(true, false);
        break;
      case Call::MapViewOfFileEx:
        step.base = base_address();
        [[fallthrough]];
      case Call::MapViewOfFile:
        out(step);
        step.mapping = handle("mapping");
        step.access = flags("access", Family::map_access, std::nullopt);
        step.offset_high = u32("offset_high", 0);
        step.offset_low = u32("offset_low", 0);
        step.bytes = u64("bytes", 0);
        break;
      case Call::UnmapViewOfFile:
        if (f_.has("view") == f_.has("address")) {
          fail(f_.has("view") ? "address" : "view",
               "UnmapViewOfFile takes either `view` (with `offset`) or `address`");
        }
        if (f_.has("view")) {
          step.address = view_address();
        } else {
          step.address.fixed = u64("address", 0);
        }
        break;
      case Call::CloseHandle:
        step.handle = handle("handle");
        break;
      case Call::DuplicateHandle:
        out(step);
        step.handle = handle("handle");
        step.same_access = boolean("same_access", false);
        if (!step.same_access && !f_.has("access")) {
          fail("access", "missing (DuplicateHandle needs `access` or \"same_access\": true)");
        }
        step.access = flags("access", Family::any_access, 0);
        break;
      case Call::CreateEventW:
        out(step);
        step.name = name(true, true);
        step.manual_reset = boolean("manual_reset", false);
        step.initial = boolean("initial", false);
        break;
      case Call::CreateMutexW:
        out(step);
        step.name = name(true, true);
        step.initial = boolean("initial", false);  // bInitialOwner (an fmconf extension)
        break;
      case Call::CreateSemaphoreW:
        out(step);
        step.name = name(true, true);
        step.initial_count = i32("initial", 0);
        step.maximum_count = i32("maximum", 1);
        break;
      case Call::OpenEventW:
      case Call::OpenMutexW:
      case Call::OpenSemaphoreW:
        out(step);
        step.access = flags("access", Family::sync_access, std::nullopt);
        step.inherit = boolean("inherit", false);
        step.name = name(true, false);
        break;
      case Call::GetFileSize:
      case Call::SetEndOfFile:
      case Call::QuerySection:
        step.handle = handle("handle");
        break;
      case Call::SetFileSize:
        step.handle = handle("handle");
        step.size = number_value(f_.require("size", "the new file size"), "size",
                                 std::numeric_limits<std::uint64_t>::max());
        break;
      case Call::ReadFile:
        step.handle = handle("handle");
        step.offset = u64("offset", 0);
        step.length = read_length();
        break;
      case Call::WriteFile:
        step.handle = handle("handle");
        step.offset = u64("offset", 0);
        step.data = data_value(f_.require("data", "the bytes to write"), "data");
        break;
      case Call::VirtualQuery:
        step.address = view_address();
        break;
      case Call::ReadView:
        step.address = view_address();
        step.length = read_length();
        break;
      case Call::WriteView:
        step.address = view_address();
        step.data = data_value(f_.require("data", "the bytes to write"), "data");
        break;
    }
  }

  static bool observable_allowed(Call call, Observable field) {
    switch (field) {
      case Observable::ok:
      case Observable::error:
        return true;
      case Observable::size:
        return call == Call::GetFileSize;
      case Observable::protect:
      case Observable::allocation_protect:
      case Observable::state:
      case Observable::region_size:
        return call == Call::VirtualQuery;
      case Observable::attributes:
      case Observable::section_size:
        return call == Call::QuerySection;
      case Observable::data:
        return call == Call::ReadView || call == Call::ReadFile;
      case Observable::fault:
        return call == Call::ReadView || call == Call::WriteView;
    }
    return false;
  }

  static void accept_value(Expected& e, const Json& v, const std::string& field) {
    switch (e.field) {
      case Observable::ok:
      case Observable::fault:
        if (!v.is_boolean()) fail(field, "must be true or false, got " + kind_of(v));
        e.numbers.push_back(v.get<bool>() ? 1 : 0);
        break;
      case Observable::error:
        e.numbers.push_back(error_value(v, field));
        break;
      case Observable::size:
      case Observable::region_size:
      case Observable::section_size:
        e.numbers.push_back(number_value(v, field, std::numeric_limits<std::uint64_t>::max()));
        break;
      case Observable::protect:
      case Observable::allocation_protect:
      case Observable::state:
      case Observable::attributes:
        e.numbers.push_back(flags_value(v, field, *observable_family(e.field)));
        break;
      case Observable::data:
        e.bytes.push_back(data_value(v, field));
        break;
    }
  }

  void expectations(Step& step) {
    const Json* j = f_.get("expect");
    if (!j) return;
    if (!j->is_object()) fail("expect", "must be an object, got " + kind_of(*j));
    step.expect_json = *j;
    for (const auto& [key, value] : j->items()) {
      const std::string field = "expect." + key;
      const auto observable = parse_observable(key);
      if (!observable) fail(field, "unknown expectation");
      if (!observable_allowed(step.call, *observable)) {
        fail(field, fmt::format("{} does not observe '{}'", call_name(step.call), key));
      }
      Expected e;
      e.field = *observable;
      e.written = value;
      if (value.is_array()) {
        if (value.empty()) fail(field, "an array of accepted values must not be empty");
        for (const auto& v : value) accept_value(e, v, field);
      } else {
        accept_value(e, value, field);
      }
      step.expect.push_back(std::move(e));
    }
  }

  Fields f_;
  StepContext& context_;
};

}  // namespace

std::optional<std::string> path_problem(std::string_view path) {
  if (!path.empty() && (path[0] == '/' || path[0] == '\\')) {
    return "an absolute path (paths are relative to the case's folder)";
  }
  if (path.size() >= 2 && path[1] == ':') return "a drive letter (paths are relative)";
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto end = path.find_first_of("/\\", start);
    const auto part = path.substr(start, end == std::string_view::npos ? end : end - start);
    if (part == "..") return "'..' leaves the case's folder";
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return std::nullopt;
}

Step parse_step(const Json& json, StepContext& context) {
  if (!json.is_object()) fail("", "a step must be an object, got " + kind_of(json));
  Step step = StepParser(json, context).parse();
  step.json = json;
  return step;
}

}  // namespace fmconf
