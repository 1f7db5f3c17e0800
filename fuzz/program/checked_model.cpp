#include "fuzz/program/checked_model.hpp"

#include "api/vocabulary.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

namespace fmconf::fuzz {
namespace {

bool is_documented_error(std::uint32_t code) {
  if (code == error::kSuccess || code == kLastErrorSentinel) return false;
  for (const Symbol& s : error_symbols()) {
    if (s.value == code) return true;
  }
  return false;
}

std::string show(const OptionalName& name) {
  if (!name) return "null";
  std::string out = "\"";
  for (char16_t c : *name)
    out += c >= 0x20 && c < 0x7f ? std::string(1, static_cast<char>(c))
                                 : fmt::format("\\u{:04x}", unsigned{c});
  return out + "\"";
}
std::string show(const OptionalNameA& name) {
  if (!name) return "null";
  return show(OptionalName(std::u16string(name->begin(), name->end())));
}
std::string show(const std::u16string& name) { return show(OptionalName(name)); }
std::string show(const std::string& name) { return show(OptionalNameA(name)); }

}  // namespace

bool verbose() {
  static const bool on = [] {
    const char* v = std::getenv("FMCONF_FUZZ_VERBOSE");
    return v != nullptr && *v != '\0' && std::string(v) != "0";
  }();
  return on;
}

void CheckedModel::fail(const std::string& what) const {
  std::cerr << "fmconf fuzz: " << what << "\ncalls of this case:\n";
  for (const std::string& line : trace_) std::cerr << "  " << line << "\n";
  std::cerr << "(replay with FMCONF_FUZZ_VERBOSE=1; `fmconf decode --target NAME FILE` prints "
               "the program)\n";
  std::fflush(stderr);
  std::abort();
}

void CheckedModel::after(const char* call, Kind kind, bool ok, std::uint64_t value,
                         const Describe& args) {
  ++calls_;
  const std::uint32_t error = model_.GetLastError();
  std::string line = fmt::format("#{} {}({}) -> {:#x} {} {}", trace_.size(), call,
                                 verbose() ? args() : std::string("..."), value,
                                 ok ? "ok" : "failed", error_name(error));
  if (verbose()) std::cerr << "[fuzz] " << line << "\n";
  trace_.push_back(std::move(line));
  if (auto broken = model_.check_invariants(); !broken.empty()) {
    std::string text = fmt::format("model invariant broken after {}:", call);
    for (const std::string& b : broken) text += "\n  - " + b;
    fail(text);
  }
  if (!ok && !is_documented_error(error)) {
    fail(fmt::format("{} failed with an undocumented last error {} ({:#x})", call,
                     error_name(error), error));
  }
  // spec:§0 "General rule": a successful creation sets 0 or ERROR_ALREADY_EXISTS.
  if (ok && kind == Kind::create && error != error::kSuccess && error != error::kAlreadyExists) {
    fail(
        fmt::format("{} succeeded but left last error {} ({:#x})", call, error_name(error), error));
  }
}

void CheckedModel::begin_case() {
  trace_.clear();
  model_.begin_case();
}

void CheckedModel::end_case() {
  model_.end_case();
  if (auto broken = model_.check_invariants(); !broken.empty()) {
    fail("model invariant broken after end_case: " + broken.front());
  }
  const LiveCounts live = model_.live_counts();
  if (live != LiveCounts{}) {
    fail(
        fmt::format("leak after end_case: handles {} objects {} views {} names {} files {} "
                    "commit {} bytes {}",
                    live.handles, live.objects, live.views, live.names, live.files,
                    live.commit_charge, live.allocated_bytes));
  }
}

Handle CheckedModel::CreateFileW(const std::u16string& path, std::uint32_t access,
                                 std::uint32_t share, std::uint32_t disposition,
                                 std::uint32_t flags) {
  const Handle h = model_.CreateFileW(path, access, share, disposition, flags);
  after("CreateFileW", Kind::create, h != kInvalidHandleValue, h, [&] {
    return fmt::format("{}, {:#x}, {:#x}, {}, {:#x}", show(path), access, share, disposition,
                       flags);
  });
  return h;
}

Handle CheckedModel::CreateFileA(const std::string& path, std::uint32_t access, std::uint32_t share,
                                 std::uint32_t disposition, std::uint32_t flags) {
  const Handle h = model_.CreateFileA(path, access, share, disposition, flags);
  after("CreateFileA", Kind::create, h != kInvalidHandleValue, h, [&] {
    return fmt::format("{}, {:#x}, {:#x}, {}, {:#x}", show(path), access, share, disposition,
                       flags);
  });
  return h;
}

bool CheckedModel::GetFileSizeEx(Handle file, std::uint64_t* size) {
  const bool ok = model_.GetFileSizeEx(file, size);
  after("GetFileSizeEx", Kind::other, ok, ok ? *size : 0,
        [&] { return fmt::format("{:#x}", file); });
  return ok;
}

bool CheckedModel::SetFileSize(Handle file, std::uint64_t size) {
  const bool ok = model_.SetFileSize(file, size);
  after("SetFileSize", Kind::other, ok, ok, [&] { return fmt::format("{:#x}, {}", file, size); });
  return ok;
}

bool CheckedModel::SetEndOfFile(Handle file) {
  const bool ok = model_.SetEndOfFile(file);
  after("SetEndOfFile", Kind::other, ok, ok, [&] { return fmt::format("{:#x}", file); });
  return ok;
}

bool CheckedModel::ReadFile(Handle file, std::uint64_t offset, std::uint32_t length, Bytes* data) {
  const bool ok = model_.ReadFile(file, offset, length, data);
  after("ReadFile", Kind::other, ok, ok,
        [&] { return fmt::format("{:#x}, offset {}, length {}", file, offset, length); });
  return ok;
}

bool CheckedModel::WriteFile(Handle file, std::uint64_t offset, const Bytes& data) {
  const bool ok = model_.WriteFile(file, offset, data);
  after("WriteFile", Kind::other, ok, ok,
        [&] { return fmt::format("{:#x}, offset {}, {} bytes", file, offset, data.size()); });
  return ok;
}

Handle CheckedModel::CreateFileMappingW(Handle file, bool inherit, std::uint32_t protect,
                                        std::uint32_t size_high, std::uint32_t size_low,
                                        const OptionalName& name) {
  const Handle h = model_.CreateFileMappingW(file, inherit, protect, size_high, size_low, name);
  after("CreateFileMappingW", Kind::create, h != kNullHandle, h, [&] {
    return fmt::format("{:#x}, {}, {}, {:#x}:{:#x}, {}", file, inherit,
                       format_flags(protect, Family::protect), size_high, size_low, show(name));
  });
  return h;
}

Handle CheckedModel::CreateFileMappingA(Handle file, bool inherit, std::uint32_t protect,
                                        std::uint32_t size_high, std::uint32_t size_low,
                                        const OptionalNameA& name) {
  const Handle h = model_.CreateFileMappingA(file, inherit, protect, size_high, size_low, name);
  after("CreateFileMappingA", Kind::create, h != kNullHandle, h, [&] {
    return fmt::format("{:#x}, {}, {}, {:#x}:{:#x}, {}", file, inherit,
                       format_flags(protect, Family::protect), size_high, size_low, show(name));
  });
  return h;
}

Handle CheckedModel::OpenFileMappingW(std::uint32_t access, bool inherit,
                                      const std::u16string& name) {
  const Handle h = model_.OpenFileMappingW(access, inherit, name);
  after("OpenFileMappingW", Kind::other, h != kNullHandle, h, [&] {
    return fmt::format("{}, {}, {}", format_flags(access, Family::map_access), inherit, show(name));
  });
  return h;
}

Handle CheckedModel::OpenFileMappingA(std::uint32_t access, bool inherit, const std::string& name) {
  const Handle h = model_.OpenFileMappingA(access, inherit, name);
  after("OpenFileMappingA", Kind::other, h != kNullHandle, h, [&] {
    return fmt::format("{}, {}, {}", format_flags(access, Family::map_access), inherit, show(name));
  });
  return h;
}

bool CheckedModel::QuerySection(Handle section, SectionInfo* info) {
  const bool ok = model_.QuerySection(section, info);
  after("QuerySection", Kind::other, ok, ok, [&] { return fmt::format("{:#x}", section); });
  return ok;
}

Address CheckedModel::MapViewOfFile(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                                    std::uint32_t offset_low, std::uint64_t bytes) {
  const Address a = model_.MapViewOfFile(mapping, access, offset_high, offset_low, bytes);
  after("MapViewOfFile", Kind::other, a != 0, a, [&] {
    return fmt::format("{:#x}, {}, {:#x}:{:#x}, {}", mapping,
                       format_flags(access, Family::map_access), offset_high, offset_low, bytes);
  });
  return a;
}

Address CheckedModel::MapViewOfFileEx(Handle mapping, std::uint32_t access,
                                      std::uint32_t offset_high, std::uint32_t offset_low,
                                      std::uint64_t bytes, Address base) {
  const Address a = model_.MapViewOfFileEx(mapping, access, offset_high, offset_low, bytes, base);
  after("MapViewOfFileEx", Kind::other, a != 0, a, [&] {
    return fmt::format("{:#x}, {}, {:#x}:{:#x}, {}, base {:#x}", mapping,
                       format_flags(access, Family::map_access), offset_high, offset_low, bytes,
                       base);
  });
  return a;
}

bool CheckedModel::UnmapViewOfFile(Address address) {
  const bool ok = model_.UnmapViewOfFile(address);
  after("UnmapViewOfFile", Kind::other, ok, ok, [&] { return fmt::format("{:#x}", address); });
  return ok;
}

std::uint64_t CheckedModel::VirtualQuery(Address address, MemoryInfo* info) {
  const std::uint64_t n = model_.VirtualQuery(address, info);
  after("VirtualQuery", Kind::other, n != 0, n, [&] { return fmt::format("{:#x}", address); });
  return n;
}

ViewAccess CheckedModel::ReadView(Address address, std::uint32_t length) {
  ViewAccess r = model_.ReadView(address, length);
  // A fault is an outcome, not a failure with a last error: check it as a success.
  after("ReadView", Kind::other, true, r.fault,
        [&] { return fmt::format("{:#x}, {}", address, length); });
  return r;
}

ViewAccess CheckedModel::WriteView(Address address, const Bytes& data) {
  ViewAccess r = model_.WriteView(address, data);
  after("WriteView", Kind::other, true, r.fault,
        [&] { return fmt::format("{:#x}, {} bytes", address, data.size()); });
  return r;
}

bool CheckedModel::CloseHandle(Handle handle) {
  const bool ok = model_.CloseHandle(handle);
  after("CloseHandle", Kind::other, ok, ok, [&] { return fmt::format("{:#x}", handle); });
  return ok;
}

bool CheckedModel::DuplicateHandle(Handle source, std::uint32_t access, bool same_access,
                                   Handle* target) {
  const bool ok = model_.DuplicateHandle(source, access, same_access, target);
  after("DuplicateHandle", Kind::other, ok, ok ? *target : 0,
        [&] { return fmt::format("{:#x}, {:#x}, same_access {}", source, access, same_access); });
  return ok;
}

Handle CheckedModel::CreateEventW(bool manual_reset, bool initial_state, const OptionalName& name) {
  const Handle h = model_.CreateEventW(manual_reset, initial_state, name);
  after("CreateEventW", Kind::create, h != kNullHandle, h,
        [&] { return fmt::format("{}, {}, {}", manual_reset, initial_state, show(name)); });
  return h;
}

Handle CheckedModel::CreateMutexW(bool initial_owner, const OptionalName& name) {
  const Handle h = model_.CreateMutexW(initial_owner, name);
  after("CreateMutexW", Kind::create, h != kNullHandle, h,
        [&] { return fmt::format("{}, {}", initial_owner, show(name)); });
  return h;
}

Handle CheckedModel::CreateSemaphoreW(std::int32_t initial_count, std::int32_t maximum_count,
                                      const OptionalName& name) {
  const Handle h = model_.CreateSemaphoreW(initial_count, maximum_count, name);
  after("CreateSemaphoreW", Kind::create, h != kNullHandle, h,
        [&] { return fmt::format("{}, {}, {}", initial_count, maximum_count, show(name)); });
  return h;
}

Handle CheckedModel::OpenEventW(std::uint32_t access, bool inherit, const std::u16string& name) {
  const Handle h = model_.OpenEventW(access, inherit, name);
  after("OpenEventW", Kind::other, h != kNullHandle, h,
        [&] { return fmt::format("{:#x}, {}, {}", access, inherit, show(name)); });
  return h;
}

Handle CheckedModel::OpenMutexW(std::uint32_t access, bool inherit, const std::u16string& name) {
  const Handle h = model_.OpenMutexW(access, inherit, name);
  after("OpenMutexW", Kind::other, h != kNullHandle, h,
        [&] { return fmt::format("{:#x}, {}, {}", access, inherit, show(name)); });
  return h;
}

Handle CheckedModel::OpenSemaphoreW(std::uint32_t access, bool inherit,
                                    const std::u16string& name) {
  const Handle h = model_.OpenSemaphoreW(access, inherit, name);
  after("OpenSemaphoreW", Kind::other, h != kNullHandle, h,
        [&] { return fmt::format("{:#x}, {}, {}", access, inherit, show(name)); });
  return h;
}

}  // namespace fmconf::fuzz
