// A scripted Api for the runner tests: records every call with its arguments, checks that the
// last error held the sentinel when each call began, and fails or throws where told to.
#pragma once

#include "api/api.hpp"
#include "api/vocabulary.hpp"

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace fmconf::testing {

class FakeApi : public Api {
 public:
  // --- script ---
  std::set<std::string> failing;    // calls that fail (ERROR_ACCESS_DENIED)
  std::string throwing;             // a call that throws std::runtime_error
  std::uint32_t success_error = 0;  // what a successful call leaves in the last error
  Bytes view_bytes = {0x41, 0x42, 0x43, 0x44};

  // --- record ---
  std::vector<std::string> calls;         // "CreateFileMappingW"
  std::vector<bool> sentinel_at_call;     // last error == sentinel when the call began
  std::vector<Handle> handle_args;        // handles passed (CloseHandle, Map, Create...Mapping)
  std::vector<Address> address_args;      // addresses passed (Unmap, VirtualQuery, ReadView...)
  std::vector<OptionalName> wide_names;   // names of W calls
  std::vector<OptionalNameA> ansi_names;  // names (and paths) of A calls
  std::vector<std::u16string> wide_paths;
  int begin_count = 0;
  int end_count = 0;
  int get_last_error_count = 0;

  std::uint32_t GetLastError() override {
    ++get_last_error_count;
    return last_error_;
  }
  void SetLastError(std::uint32_t e) override { last_error_ = e; }
  Environment environment() override { return {"fake", "1", 4096, 65536}; }
  void begin_case() override { ++begin_count; }
  void end_case() override { ++end_count; }

  Handle CreateFileW(const std::u16string& path, std::uint32_t, std::uint32_t, std::uint32_t,
                     std::uint32_t) override {
    wide_paths.push_back(path);
    return enter("CreateFileW") ? next_handle() : kInvalidHandleValue;
  }
  Handle CreateFileA(const std::string& path, std::uint32_t, std::uint32_t, std::uint32_t,
                     std::uint32_t) override {
    ansi_names.push_back(path);
    return enter("CreateFileA") ? next_handle() : kInvalidHandleValue;
  }
  bool GetFileSizeEx(Handle h, std::uint64_t* size) override {
    handle_args.push_back(h);
    *size = 100;
    return enter("GetFileSizeEx");
  }
  bool SetFileSize(Handle h, std::uint64_t) override {
    handle_args.push_back(h);
    return enter("SetFileSize");
  }
  bool SetEndOfFile(Handle h) override {
    handle_args.push_back(h);
    return enter("SetEndOfFile");
  }
  bool ReadFile(Handle h, std::uint64_t, std::uint32_t length, Bytes* data) override {
    handle_args.push_back(h);
    data->assign(length, 0x5a);
    return enter("ReadFile");
  }
  bool WriteFile(Handle h, std::uint64_t, const Bytes&) override {
    handle_args.push_back(h);
    return enter("WriteFile");
  }
  Handle CreateFileMappingW(Handle file, bool, std::uint32_t, std::uint32_t, std::uint32_t,
                            const OptionalName& name) override {
    handle_args.push_back(file);
    wide_names.push_back(name);
    return enter("CreateFileMappingW") ? next_handle() : kNullHandle;
  }
  Handle CreateFileMappingA(Handle file, bool, std::uint32_t, std::uint32_t, std::uint32_t,
                            const OptionalNameA& name) override {
    handle_args.push_back(file);
    ansi_names.push_back(name);
    return enter("CreateFileMappingA") ? next_handle() : kNullHandle;
  }
  Handle OpenFileMappingW(std::uint32_t, bool, const std::u16string& name) override {
    wide_names.push_back(name);
    return enter("OpenFileMappingW") ? next_handle() : kNullHandle;
  }
  Handle OpenFileMappingA(std::uint32_t, bool, const std::string& name) override {
    ansi_names.push_back(name);
    return enter("OpenFileMappingA") ? next_handle() : kNullHandle;
  }
  bool QuerySection(Handle h, SectionInfo* info) override {
    handle_args.push_back(h);
    info->attributes = sec::kCommit;
    info->size = 4096;
    return enter("QuerySection");
  }
  Address MapViewOfFile(Handle h, std::uint32_t, std::uint32_t, std::uint32_t,
                        std::uint64_t) override {
    handle_args.push_back(h);
    return enter("MapViewOfFile") ? next_view() : 0;
  }
  Address MapViewOfFileEx(Handle h, std::uint32_t, std::uint32_t, std::uint32_t, std::uint64_t,
                          Address base) override {
    handle_args.push_back(h);
    address_args.push_back(base);
    return enter("MapViewOfFileEx") ? (base ? base : next_view()) : 0;
  }
  bool UnmapViewOfFile(Address a) override {
    address_args.push_back(a);
    return enter("UnmapViewOfFile");
  }
  std::uint64_t VirtualQuery(Address a, MemoryInfo* info) override {
    address_args.push_back(a);
    info->protect = page::kReadOnly;
    info->allocation_protect = page::kReadWrite;
    info->state = mem::kCommit;
    info->region_size = 4096;
    info->type = mem::kMapped;
    return enter("VirtualQuery") ? 48 : 0;
  }
  ViewAccess ReadView(Address a, std::uint32_t length) override {
    address_args.push_back(a);
    ViewAccess v;
    v.fault = !enter("ReadView");
    v.data.assign(view_bytes.begin(),
                  view_bytes.begin() + std::min<std::size_t>(length, view_bytes.size()));
    return v;
  }
  ViewAccess WriteView(Address a, const Bytes&) override {
    address_args.push_back(a);
    ViewAccess v;
    v.fault = !enter("WriteView");
    return v;
  }
  bool CloseHandle(Handle h) override {
    handle_args.push_back(h);
    return enter("CloseHandle");
  }
  bool DuplicateHandle(Handle h, std::uint32_t, bool, Handle* target) override {
    handle_args.push_back(h);
    const bool ok = enter("DuplicateHandle");
    if (ok) *target = next_handle();
    return ok;
  }
  Handle CreateEventW(bool, bool, const OptionalName& name) override {
    wide_names.push_back(name);
    return enter("CreateEventW") ? next_handle() : kNullHandle;
  }
  Handle CreateMutexW(bool, const OptionalName& name) override {
    wide_names.push_back(name);
    return enter("CreateMutexW") ? next_handle() : kNullHandle;
  }
  Handle CreateSemaphoreW(std::int32_t, std::int32_t, const OptionalName& name) override {
    wide_names.push_back(name);
    return enter("CreateSemaphoreW") ? next_handle() : kNullHandle;
  }
  Handle OpenEventW(std::uint32_t, bool, const std::u16string& name) override {
    wide_names.push_back(name);
    return enter("OpenEventW") ? next_handle() : kNullHandle;
  }
  Handle OpenMutexW(std::uint32_t, bool, const std::u16string& name) override {
    wide_names.push_back(name);
    return enter("OpenMutexW") ? next_handle() : kNullHandle;
  }
  Handle OpenSemaphoreW(std::uint32_t, bool, const std::u16string& name) override {
    wide_names.push_back(name);
    return enter("OpenSemaphoreW") ? next_handle() : kNullHandle;
  }

 private:
  // Records the call; returns whether it succeeds (and sets the last error like Win32 does).
  bool enter(const std::string& call) {
    calls.push_back(call);
    sentinel_at_call.push_back(last_error_ == kLastErrorSentinel);
    if (call == throwing) throw std::runtime_error("scripted failure in " + call);
    if (failing.contains(call)) {
      last_error_ = error::kAccessDenied;
      return false;
    }
    last_error_ = success_error;
    return true;
  }
  Handle next_handle() { return handle_ += 4; }
  Address next_view() { return view_ += 0x10000; }

  std::uint32_t last_error_ = 0;
  Handle handle_ = 0x100;
  Address view_ = 0x7f0000000000;
};

}  // namespace fmconf::testing
