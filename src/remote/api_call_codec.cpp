#include "remote/api_call_codec.hpp"

#include "cases/hex.hpp"

#include <functional>
#include <map>
#include <string_view>

namespace fmconf::remote {
namespace {

const Json& field(const Json& args, const char* key) {
  const auto it = args.find(key);
  if (it == args.end()) throw ProtocolError(std::string("missing argument '") + key + "'");
  return *it;
}

std::uint64_t u64(const Json& args, const char* key) {
  const Json& value = field(args, key);
  if (!value.is_number_unsigned() &&
      !(value.is_number_integer() && value.get<std::int64_t>() >= 0)) {
    throw ProtocolError(std::string("argument '") + key + "' is not an unsigned integer");
  }
  return value.get<std::uint64_t>();
}

std::uint32_t u32(const Json& args, const char* key) {
  const std::uint64_t value = u64(args, key);
  if (value > 0xffffffffu)
    throw ProtocolError(std::string("argument '") + key + "' exceeds 32 bits");
  return static_cast<std::uint32_t>(value);
}

std::int32_t i32(const Json& args, const char* key) {
  const Json& value = field(args, key);
  if (!value.is_number_integer()) {
    throw ProtocolError(std::string("argument '") + key + "' is not an integer");
  }
  const std::int64_t number = value.get<std::int64_t>();
  if (number < INT32_MIN || number > INT32_MAX) {
    throw ProtocolError(std::string("argument '") + key + "' exceeds 32 bits");
  }
  return static_cast<std::int32_t>(number);
}

bool flag(const Json& args, const char* key) {
  const Json& value = field(args, key);
  if (!value.is_boolean()) throw ProtocolError(std::string("argument '") + key + "' is not a bool");
  return value.get<bool>();
}

OptionalName optional_u16(const Json& args, const char* key) {
  const Json& value = field(args, key);
  if (value.is_null()) return std::nullopt;
  return u16_from_json(value, key);
}

OptionalNameA optional_ansi(const Json& args, const char* key) {
  const Json& value = field(args, key);
  if (value.is_null()) return std::nullopt;
  const Bytes bytes = bytes_from_json(value, key);
  return std::string(bytes.begin(), bytes.end());
}

std::string ansi(const Json& args, const char* key) {
  const Bytes bytes = bytes_from_json(field(args, key), key);
  return std::string(bytes.begin(), bytes.end());
}

// One call: its args in, its return value out (as a number), its out values into `out`.
using Performer = std::function<std::uint64_t(Api&, const Json& args, Json& out)>;

const std::map<std::string, Performer, std::less<>>& performers() {
  static const std::map<std::string, Performer, std::less<>> table = {
      {"CreateFileW",
       [](Api& api, const Json& a, Json&) {
         return api.CreateFileW(u16_from_json(field(a, "path"), "path"), u32(a, "access"),
                                u32(a, "share"), u32(a, "disposition"), u32(a, "flags"));
       }},
      {"CreateFileA",
       [](Api& api, const Json& a, Json&) {
         return api.CreateFileA(ansi(a, "path"), u32(a, "access"), u32(a, "share"),
                                u32(a, "disposition"), u32(a, "flags"));
       }},
      {"GetFileSizeEx",
       [](Api& api, const Json& a, Json& out) -> std::uint64_t {
         std::uint64_t size = 0;
         const bool ok = api.GetFileSizeEx(u64(a, "handle"), &size);
         if (ok) out["size"] = size;
         return ok;
       }},
      {"SetFileSize",
       [](Api& api, const Json& a, Json&) -> std::uint64_t {
         return api.SetFileSize(u64(a, "handle"), u64(a, "size"));
       }},
      {"SetEndOfFile",
       [](Api& api, const Json& a, Json&) -> std::uint64_t {
         return api.SetEndOfFile(u64(a, "handle"));
       }},
      {"ReadFile",
       [](Api& api, const Json& a, Json& out) -> std::uint64_t {
         Bytes data;
         const bool ok = api.ReadFile(u64(a, "handle"), u64(a, "offset"), u32(a, "length"), &data);
         out["data"] = to_hex(data);
         return ok;
       }},
      {"WriteFile",
       [](Api& api, const Json& a, Json&) -> std::uint64_t {
         return api.WriteFile(u64(a, "handle"), u64(a, "offset"),
                              bytes_from_json(field(a, "data"), "data"));
       }},
      {"CreateFileMappingW",
       [](Api& api, const Json& a, Json&) {
         return api.CreateFileMappingW(u64(a, "file"), flag(a, "inherit"), u32(a, "protect"),
                                       u32(a, "size_high"), u32(a, "size_low"),
                                       optional_u16(a, "name"));
       }},
      {"CreateFileMappingA",
       [](Api& api, const Json& a, Json&) {
         return api.CreateFileMappingA(u64(a, "file"), flag(a, "inherit"), u32(a, "protect"),
                                       u32(a, "size_high"), u32(a, "size_low"),
                                       optional_ansi(a, "name"));
       }},
      {"OpenFileMappingW",
       [](Api& api, const Json& a, Json&) {
         return api.OpenFileMappingW(u32(a, "access"), flag(a, "inherit"),
                                     u16_from_json(field(a, "name"), "name"));
       }},
      {"OpenFileMappingA",
       [](Api& api, const Json& a, Json&) {
         return api.OpenFileMappingA(u32(a, "access"), flag(a, "inherit"), ansi(a, "name"));
       }},
      {"QuerySection",
       [](Api& api, const Json& a, Json& out) -> std::uint64_t {
         SectionInfo info;
         const bool ok = api.QuerySection(u64(a, "handle"), &info);
         if (ok) {
           out["attributes"] = info.attributes;
           out["size"] = info.size;
         }
         return ok;
       }},
      {"MapViewOfFile",
       [](Api& api, const Json& a, Json&) {
         return api.MapViewOfFile(u64(a, "mapping"), u32(a, "access"), u32(a, "offset_high"),
                                  u32(a, "offset_low"), u64(a, "bytes"));
       }},
      {"MapViewOfFileEx",
       [](Api& api, const Json& a, Json&) {
         return api.MapViewOfFileEx(u64(a, "mapping"), u32(a, "access"), u32(a, "offset_high"),
                                    u32(a, "offset_low"), u64(a, "bytes"), u64(a, "base"));
       }},
      {"UnmapViewOfFile",
       [](Api& api, const Json& a, Json&) -> std::uint64_t {
         return api.UnmapViewOfFile(u64(a, "address"));
       }},
      {"VirtualQuery",
       [](Api& api, const Json& a, Json& out) {
         MemoryInfo info;
         const std::uint64_t written = api.VirtualQuery(u64(a, "address"), &info);
         if (written != 0) {
           out["base_address"] = info.base_address;
           out["allocation_base"] = info.allocation_base;
           out["allocation_protect"] = info.allocation_protect;
           out["region_size"] = info.region_size;
           out["state"] = info.state;
           out["protect"] = info.protect;
           out["type"] = info.type;
         }
         return written;
       }},
      {"ReadView",
       [](Api& api, const Json& a, Json& out) -> std::uint64_t {
         const ViewAccess access = api.ReadView(u64(a, "address"), u32(a, "length"));
         out["fault"] = access.fault;
         out["data"] = to_hex(access.data);
         return !access.fault;
       }},
      {"WriteView",
       [](Api& api, const Json& a, Json& out) -> std::uint64_t {
         const ViewAccess access =
             api.WriteView(u64(a, "address"), bytes_from_json(field(a, "data"), "data"));
         out["fault"] = access.fault;
         return !access.fault;
       }},
      {"CloseHandle",
       [](Api& api, const Json& a, Json&) -> std::uint64_t {
         return api.CloseHandle(u64(a, "handle"));
       }},
      {"DuplicateHandle",
       [](Api& api, const Json& a, Json& out) -> std::uint64_t {
         Handle target = kNullHandle;
         const bool ok = api.DuplicateHandle(u64(a, "source"), u32(a, "access"),
                                             flag(a, "same_access"), &target);
         out["target"] = target;
         return ok;
       }},
      {"CreateEventW",
       [](Api& api, const Json& a, Json&) {
         return api.CreateEventW(flag(a, "manual_reset"), flag(a, "initial_state"),
                                 optional_u16(a, "name"));
       }},
      {"CreateMutexW",
       [](Api& api, const Json& a, Json&) {
         return api.CreateMutexW(flag(a, "initial_owner"), optional_u16(a, "name"));
       }},
      {"CreateSemaphoreW",
       [](Api& api, const Json& a, Json&) {
         return api.CreateSemaphoreW(i32(a, "initial_count"), i32(a, "maximum_count"),
                                     optional_u16(a, "name"));
       }},
      {"OpenEventW",
       [](Api& api, const Json& a, Json&) {
         return api.OpenEventW(u32(a, "access"), flag(a, "inherit"),
                               u16_from_json(field(a, "name"), "name"));
       }},
      {"OpenMutexW",
       [](Api& api, const Json& a, Json&) {
         return api.OpenMutexW(u32(a, "access"), flag(a, "inherit"),
                               u16_from_json(field(a, "name"), "name"));
       }},
      {"OpenSemaphoreW",
       [](Api& api, const Json& a, Json&) {
         return api.OpenSemaphoreW(u32(a, "access"), flag(a, "inherit"),
                                   u16_from_json(field(a, "name"), "name"));
       }},
  };
  return table;
}

}  // namespace

Json u16_to_json(const std::u16string& text) {
  Json units = Json::array();
  for (const char16_t unit : text) units.push_back(static_cast<std::uint16_t>(unit));
  return units;
}

std::u16string u16_from_json(const Json& value, const char* what) {
  if (!value.is_array())
    throw ProtocolError(std::string("'") + what + "' is not an array of UTF-16 units");
  std::u16string text;
  text.reserve(value.size());
  for (const Json& unit : value) {
    if (!unit.is_number_unsigned() || unit.get<std::uint64_t>() > 0xffff) {
      throw ProtocolError(std::string("'") + what + "' holds a value that is not a UTF-16 unit");
    }
    text.push_back(static_cast<char16_t>(unit.get<std::uint64_t>()));
  }
  return text;
}

Json bytes_to_json(const Bytes& bytes) { return to_hex(bytes); }

Bytes bytes_from_json(const Json& value, const char* what) {
  if (!value.is_string()) throw ProtocolError(std::string("'") + what + "' is not a hex string");
  auto bytes = parse_hex(value.get<std::string>());
  if (!bytes) throw ProtocolError(std::string("'") + what + "' is not valid hex");
  return *bytes;
}

Json environment_to_json(const Environment& environment) {
  Json out = Json::object();
  out["target"] = environment.target;
  out["version"] = environment.version;
  out["page_size"] = environment.page_size;
  out["allocation_granularity"] = environment.allocation_granularity;
  return out;
}

Environment environment_from_json(const Json& value) {
  Environment environment;
  environment.target = value.value("target", "");
  environment.version = value.value("version", "");
  environment.page_size = value.value("page_size", std::uint32_t{0});
  environment.allocation_granularity = value.value("allocation_granularity", std::uint32_t{0});
  return environment;
}

Json perform_call(Api& api, const Json& request) {
  const auto fn = request.find("fn");
  if (fn == request.end() || !fn->is_string())
    throw ProtocolError("'fn' is missing or not a string");
  const auto& table = performers();
  const auto performer = table.find(fn->get<std::string>());
  if (performer == table.end())
    throw ProtocolError("unknown function '" + fn->get<std::string>() + "'");
  const auto args = request.find("args");
  if (args == request.end() || !args->is_object())
    throw ProtocolError("'args' is missing or not an object");
  if (const auto last = request.find("last_error"); last != request.end()) {
    if (!last->is_number_unsigned() || last->get<std::uint64_t>() > 0xffffffffu) {
      throw ProtocolError("'last_error' is not a 32-bit unsigned number");
    }
    api.SetLastError(static_cast<std::uint32_t>(last->get<std::uint64_t>()));
  }
  Json out = Json::object();
  const std::uint64_t ret = performer->second(api, *args, out);
  const std::uint32_t error = api.GetLastError();
  Json response = Json::object();
  response["ret"] = ret;
  response["last_error"] = error;
  response["out"] = std::move(out);
  return response;
}

}  // namespace fmconf::remote
