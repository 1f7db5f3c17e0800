// CheckedModel: the model behind an Api that checks it after every call, for the fuzz targets.
// After each call: check_invariants() holds (reference counts, lifetime, names, views); a failed
// call left a documented error (one of the spec's error numbers, never the sentinel); a
// successful creation left 0 or ERROR_ALREADY_EXISTS (spec:§0 "General rule"). After
// end_case(): nothing is left alive (no leak). A broken check prints what broke and the calls
// so far, then aborts, which libFuzzer and the replay programs report as a crash.
// FMCONF_FUZZ_VERBOSE=1 traces every call on stderr.
#pragma once

#include "api/api.hpp"
#include "reference/model_api.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace fmconf::fuzz {

// FMCONF_FUZZ_VERBOSE is set (and not "0").
bool verbose();

class CheckedModel final : public Api {
 public:
  CheckedModel() = default;
  ModelApi& model() { return model_; }
  std::size_t calls() const { return calls_; }

  std::uint32_t GetLastError() override { return model_.GetLastError(); }
  void SetLastError(std::uint32_t error) override { model_.SetLastError(error); }
  Environment environment() override { return model_.environment(); }
  void begin_case() override;
  void end_case() override;

  Handle CreateFileW(const std::u16string& path, std::uint32_t access, std::uint32_t share,
                     std::uint32_t disposition, std::uint32_t flags) override;
  Handle CreateFileA(const std::string& path, std::uint32_t access, std::uint32_t share,
                     std::uint32_t disposition, std::uint32_t flags) override;
  bool GetFileSizeEx(Handle file, std::uint64_t* size) override;
  bool SetFileSize(Handle file, std::uint64_t size) override;
  bool SetEndOfFile(Handle file) override;
  bool ReadFile(Handle file, std::uint64_t offset, std::uint32_t length, Bytes* data) override;
  bool WriteFile(Handle file, std::uint64_t offset, const Bytes& data) override;
  Handle CreateFileMappingW(Handle file, bool inherit, std::uint32_t protect,
                            std::uint32_t size_high, std::uint32_t size_low,
                            const OptionalName& name) override;
  Handle CreateFileMappingA(Handle file, bool inherit, std::uint32_t protect,
                            std::uint32_t size_high, std::uint32_t size_low,
                            const OptionalNameA& name) override;
  Handle OpenFileMappingW(std::uint32_t access, bool inherit, const std::u16string& name) override;
  Handle OpenFileMappingA(std::uint32_t access, bool inherit, const std::string& name) override;
  bool QuerySection(Handle section, SectionInfo* info) override;
  Address MapViewOfFile(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                        std::uint32_t offset_low, std::uint64_t bytes) override;
  Address MapViewOfFileEx(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                          std::uint32_t offset_low, std::uint64_t bytes, Address base) override;
  bool UnmapViewOfFile(Address address) override;
  std::uint64_t VirtualQuery(Address address, MemoryInfo* info) override;
  ViewAccess ReadView(Address address, std::uint32_t length) override;
  ViewAccess WriteView(Address address, const Bytes& data) override;
  bool CloseHandle(Handle handle) override;
  bool DuplicateHandle(Handle source, std::uint32_t access, bool same_access,
                       Handle* target) override;
  Handle CreateEventW(bool manual_reset, bool initial_state, const OptionalName& name) override;
  Handle CreateMutexW(bool initial_owner, const OptionalName& name) override;
  Handle CreateSemaphoreW(std::int32_t initial_count, std::int32_t maximum_count,
                          const OptionalName& name) override;
  Handle OpenEventW(std::uint32_t access, bool inherit, const std::u16string& name) override;
  Handle OpenMutexW(std::uint32_t access, bool inherit, const std::u16string& name) override;
  Handle OpenSemaphoreW(std::uint32_t access, bool inherit, const std::u16string& name) override;

 private:
  enum class Kind { create, other };
  using Describe = std::function<std::string()>;
  // Records the call, traces it, and runs the checks; returns `ok`.
  void after(const char* call, Kind kind, bool ok, std::uint64_t value, const Describe& args);
  [[noreturn]] void fail(const std::string& what) const;

  ModelApi model_;
  std::size_t calls_ = 0;
  std::vector<std::string> trace_;  // the calls of this case, for the failure message
};

}  // namespace fmconf::fuzz
