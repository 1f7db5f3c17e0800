// NativeApi: the Api over the real kernel32/ntdll, for Windows builds (mingw-w64 or MSVC). Every
// call goes straight to the Win32 function; the helpers are built from real calls:
//   SetFileSize   SetFilePointerEx(size, FILE_BEGIN) + SetEndOfFile
//   ReadFile/WriteFile at an offset: an OVERLAPPED offset on the synchronous handle
//   ReadView/WriteView: byte-by-byte access, an access violation caught (guarded_access.hpp)
//   QuerySection  NtQuerySection(SectionBasicInformation) from ntdll; a failure sets the last
//                 error to RtlNtStatusToDosError(status)
// Isolation: begin_case names a fresh folder under %TEMP% (created when a path is first used);
// end_case closes every handle and unmaps every view the case created and still holds, then deletes
// the folder recursively.
#pragma once

#include "api/api.hpp"

#include <cstdint>
#include <set>
#include <string>

namespace fmconf::native {

class NativeApi final : public Api {
 public:
  NativeApi();
  ~NativeApi() override;
  NativeApi(const NativeApi&) = delete;
  NativeApi& operator=(const NativeApi&) = delete;

  // Handles the case may never close (e.g. the executor's stdin/stdout): CloseHandle and
  // DuplicateHandle on them fail with ERROR_INVALID_HANDLE, as on a value that is not open.
  void protect_handle(Handle handle);

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
  static std::wstring temp_folder();
  void ensure_folder();         // creates the case folder on first use
  Handle track(Handle handle);  // records a handle the case now owns (if it is one)
  bool is_protected(Handle handle) const;

  std::wstring folder_;  // the case folder, with no trailing backslash; empty outside a case
  bool folder_created_ = false;
  std::set<Handle> handles_;
  std::set<Address> views_;
  std::set<Handle> protected_;
  std::uint64_t case_counter_ = 0;
};

}  // namespace fmconf::native
