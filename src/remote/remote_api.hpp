// RemoteApi: the Api over one executor's `call` request (Linux), for property tests and fuzzers
// that drive single calls against Wine. Raw handle/address values cross the pipe as numbers.
// The last error stays on this side between calls: SetLastError is sent along with the next
// call, GetLastError returns what the last call left, so neither costs a round trip.
// A hung or crashed executor makes the call throw ExecutorFailure (message "timeout" /
// "executor crashed"); the next call starts a fresh executor (whose case state is empty).
#pragma once

#include "api/api.hpp"
#include "remote/executor_client.hpp"

#include <memory>

namespace fmconf::remote {

class RemoteApi final : public Api {
 public:
  explicit RemoteApi(ExecutorOptions options);
  explicit RemoteApi(std::shared_ptr<ExecutorClient> client);

  ExecutorClient& client() { return *client_; }

  std::uint32_t GetLastError() override;
  void SetLastError(std::uint32_t error) override;
  Environment environment() override;
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
  struct Reply {
    std::uint64_t ret = 0;
    Json out;
  };
  Reply call(const char* fn, Json args);
  void simple(const char* op);

  std::shared_ptr<ExecutorClient> client_;
  std::uint32_t last_error_ = 0;
};

}  // namespace fmconf::remote
