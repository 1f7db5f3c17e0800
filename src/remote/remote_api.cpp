#include "remote/remote_api.hpp"

#include "remote/api_call_codec.hpp"

namespace fmconf::remote {
namespace {

Json optional_u16(const OptionalName& name) { return name ? u16_to_json(*name) : Json(nullptr); }

Json optional_ansi(const OptionalNameA& name) {
  return name ? bytes_to_json(Bytes(name->begin(), name->end())) : Json(nullptr);
}

Json ansi(const std::string& text) { return bytes_to_json(Bytes(text.begin(), text.end())); }

Bytes out_bytes(const Json& out, const char* key) {
  const auto it = out.find(key);
  return it == out.end() ? Bytes{} : bytes_from_json(*it, key);
}

template <typename T>
T out_number(const Json& out, const char* key) {
  return out.value(key, T{});
}

}  // namespace

RemoteApi::RemoteApi(ExecutorOptions options)
    : client_(std::make_shared<ExecutorClient>(std::move(options))) {}

RemoteApi::RemoteApi(std::shared_ptr<ExecutorClient> client) : client_(std::move(client)) {}

RemoteApi::Reply RemoteApi::call(const char* fn, Json args) {
  Json request = Json::object();
  request["op"] = "call";
  request["fn"] = fn;
  request["args"] = std::move(args);
  request["last_error"] = last_error_;
  const Json response = client_->request(request);
  if (!response.value("ok", false)) {
    throw ExecutorFailure(ExecutorFailure::Kind::bad_response,
                          std::string(fn) + ": " + response.value("error", "executor error"));
  }
  last_error_ = response.value("last_error", std::uint32_t{0});
  return {response.value("ret", std::uint64_t{0}), response.value("out", Json::object())};
}

void RemoteApi::simple(const char* op) {
  const Json response = client_->request(Json{{"op", op}});
  if (!response.value("ok", false)) {
    throw ExecutorFailure(ExecutorFailure::Kind::bad_response,
                          std::string(op) + ": " + response.value("error", "executor error"));
  }
}

std::uint32_t RemoteApi::GetLastError() { return last_error_; }
void RemoteApi::SetLastError(std::uint32_t error) { last_error_ = error; }
Environment RemoteApi::environment() { return client_->environment(); }
void RemoteApi::begin_case() { simple("begin_case"); }
void RemoteApi::end_case() { simple("end_case"); }

Handle RemoteApi::CreateFileW(const std::u16string& path, std::uint32_t access, std::uint32_t share,
                              std::uint32_t disposition, std::uint32_t flags) {
  return call("CreateFileW", {{"path", u16_to_json(path)},
                              {"access", access},
                              {"share", share},
                              {"disposition", disposition},
                              {"flags", flags}})
      .ret;
}

Handle RemoteApi::CreateFileA(const std::string& path, std::uint32_t access, std::uint32_t share,
                              std::uint32_t disposition, std::uint32_t flags) {
  return call("CreateFileA", {{"path", ansi(path)},
                              {"access", access},
                              {"share", share},
                              {"disposition", disposition},
                              {"flags", flags}})
      .ret;
}

bool RemoteApi::GetFileSizeEx(Handle file, std::uint64_t* size) {
  const Reply reply = call("GetFileSizeEx", {{"handle", file}});
  if (reply.ret != 0 && size != nullptr) *size = out_number<std::uint64_t>(reply.out, "size");
  return reply.ret != 0;
}

bool RemoteApi::SetFileSize(Handle file, std::uint64_t size) {
  return call("SetFileSize", {{"handle", file}, {"size", size}}).ret != 0;
}

bool RemoteApi::SetEndOfFile(Handle file) {
  return call("SetEndOfFile", {{"handle", file}}).ret != 0;
}

bool RemoteApi::ReadFile(Handle file, std::uint64_t offset, std::uint32_t length, Bytes* data) {
  const Reply reply = call("ReadFile", {{"handle", file}, {"offset", offset}, {"length", length}});
  if (data != nullptr) *data = out_bytes(reply.out, "data");
  return reply.ret != 0;
}

bool RemoteApi::WriteFile(Handle file, std::uint64_t offset, const Bytes& data) {
  return call("WriteFile", {{"handle", file}, {"offset", offset}, {"data", bytes_to_json(data)}})
             .ret != 0;
}

Handle RemoteApi::CreateFileMappingW(Handle file, bool inherit, std::uint32_t protect,
                                     std::uint32_t size_high, std::uint32_t size_low,
                                     const OptionalName& name) {
  return call("CreateFileMappingW", {{"file", file},
                                     {"inherit", inherit},
                                     {"protect", protect},
                                     {"size_high", size_high},
                                     {"size_low", size_low},
                                     {"name", optional_u16(name)}})
      .ret;
}

Handle RemoteApi::CreateFileMappingA(Handle file, bool inherit, std::uint32_t protect,
                                     std::uint32_t size_high, std::uint32_t size_low,
                                     const OptionalNameA& name) {
  return call("CreateFileMappingA", {{"file", file},
                                     {"inherit", inherit},
                                     {"protect", protect},
                                     {"size_high", size_high},
                                     {"size_low", size_low},
                                     {"name", optional_ansi(name)}})
      .ret;
}

Handle RemoteApi::OpenFileMappingW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return call("OpenFileMappingW",
              {{"access", access}, {"inherit", inherit}, {"name", u16_to_json(name)}})
      .ret;
}

Handle RemoteApi::OpenFileMappingA(std::uint32_t access, bool inherit, const std::string& name) {
  return call("OpenFileMappingA", {{"access", access}, {"inherit", inherit}, {"name", ansi(name)}})
      .ret;
}

bool RemoteApi::QuerySection(Handle section, SectionInfo* info) {
  const Reply reply = call("QuerySection", {{"handle", section}});
  if (reply.ret != 0 && info != nullptr) {
    info->attributes = out_number<std::uint32_t>(reply.out, "attributes");
    info->size = out_number<std::uint64_t>(reply.out, "size");
  }
  return reply.ret != 0;
}

Address RemoteApi::MapViewOfFile(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                                 std::uint32_t offset_low, std::uint64_t bytes) {
  return call("MapViewOfFile", {{"mapping", mapping},
                                {"access", access},
                                {"offset_high", offset_high},
                                {"offset_low", offset_low},
                                {"bytes", bytes}})
      .ret;
}

Address RemoteApi::MapViewOfFileEx(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                                   std::uint32_t offset_low, std::uint64_t bytes, Address base) {
  return call("MapViewOfFileEx", {{"mapping", mapping},
                                  {"access", access},
                                  {"offset_high", offset_high},
                                  {"offset_low", offset_low},
                                  {"bytes", bytes},
                                  {"base", base}})
      .ret;
}

bool RemoteApi::UnmapViewOfFile(Address address) {
  return call("UnmapViewOfFile", {{"address", address}}).ret != 0;
}

std::uint64_t RemoteApi::VirtualQuery(Address address, MemoryInfo* info) {
  const Reply reply = call("VirtualQuery", {{"address", address}});
  if (reply.ret != 0 && info != nullptr) {
    info->base_address = out_number<Address>(reply.out, "base_address");
    info->allocation_base = out_number<Address>(reply.out, "allocation_base");
    info->allocation_protect = out_number<std::uint32_t>(reply.out, "allocation_protect");
    info->region_size = out_number<std::uint64_t>(reply.out, "region_size");
    info->state = out_number<std::uint32_t>(reply.out, "state");
    info->protect = out_number<std::uint32_t>(reply.out, "protect");
    info->type = out_number<std::uint32_t>(reply.out, "type");
  }
  return reply.ret;
}

ViewAccess RemoteApi::ReadView(Address address, std::uint32_t length) {
  const Reply reply = call("ReadView", {{"address", address}, {"length", length}});
  return {reply.out.value("fault", false), out_bytes(reply.out, "data")};
}

ViewAccess RemoteApi::WriteView(Address address, const Bytes& data) {
  const Reply reply = call("WriteView", {{"address", address}, {"data", bytes_to_json(data)}});
  return {reply.out.value("fault", false), {}};
}

bool RemoteApi::CloseHandle(Handle handle) {
  return call("CloseHandle", {{"handle", handle}}).ret != 0;
}

bool RemoteApi::DuplicateHandle(Handle source, std::uint32_t access, bool same_access,
                                Handle* target) {
  const Reply reply = call("DuplicateHandle",
                           {{"source", source}, {"access", access}, {"same_access", same_access}});
  if (target != nullptr) *target = out_number<Handle>(reply.out, "target");
  return reply.ret != 0;
}

Handle RemoteApi::CreateEventW(bool manual_reset, bool initial_state, const OptionalName& name) {
  return call("CreateEventW", {{"manual_reset", manual_reset},
                               {"initial_state", initial_state},
                               {"name", optional_u16(name)}})
      .ret;
}

Handle RemoteApi::CreateMutexW(bool initial_owner, const OptionalName& name) {
  return call("CreateMutexW", {{"initial_owner", initial_owner}, {"name", optional_u16(name)}}).ret;
}

Handle RemoteApi::CreateSemaphoreW(std::int32_t initial_count, std::int32_t maximum_count,
                                   const OptionalName& name) {
  return call("CreateSemaphoreW", {{"initial_count", initial_count},
                                   {"maximum_count", maximum_count},
                                   {"name", optional_u16(name)}})
      .ret;
}

Handle RemoteApi::OpenEventW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return call("OpenEventW", {{"access", access}, {"inherit", inherit}, {"name", u16_to_json(name)}})
      .ret;
}

Handle RemoteApi::OpenMutexW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return call("OpenMutexW", {{"access", access}, {"inherit", inherit}, {"name", u16_to_json(name)}})
      .ret;
}

Handle RemoteApi::OpenSemaphoreW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return call("OpenSemaphoreW",
              {{"access", access}, {"inherit", inherit}, {"name", u16_to_json(name)}})
      .ret;
}

}  // namespace fmconf::remote
