// Api: the one interface every fmconf backend implements (model, native kernel32, remote/Wine).
//
// Calls are Win32-shaped: they return what the Win32 function returns (a handle, a BOOL, an
// address) and leave the thread's last error where the Win32 function leaves it; GetLastError()
// reads it. Parameters keep the Win32 meaning; see corpus/case-format.md for each call.
//
// Strings: W calls take UTF-16 (std::u16string, may hold lone surrogates); A calls take bytes in
// the ANSI code page (Windows-1252 everywhere fmconf runs). A name or path is read up to its
// first NUL, as a C string would be. std::nullopt for a name means lpName == NULL.
#pragma once

#include "api/types.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace fmconf {

using OptionalName = std::optional<std::u16string>;
using OptionalNameA = std::optional<std::string>;

class Api {
 public:
  virtual ~Api() = default;

  // --- thread state and isolation ---------------------------------------------------------
  virtual std::uint32_t GetLastError() = 0;
  virtual void SetLastError(std::uint32_t error) = 0;
  virtual Environment environment() = 0;
  // Starts a case: a fresh, empty private folder that relative paths resolve against.
  virtual void begin_case() = 0;
  // Ends a case: closes every handle and unmaps every view the case left, removes its folder.
  virtual void end_case() = 0;

  // --- files ------------------------------------------------------------------------------
  // `path` is relative to the case folder. Returns INVALID_HANDLE_VALUE on failure.
  virtual Handle CreateFileW(const std::u16string& path, std::uint32_t access, std::uint32_t share,
                             std::uint32_t disposition, std::uint32_t flags) = 0;
  virtual Handle CreateFileA(const std::string& path, std::uint32_t access, std::uint32_t share,
                             std::uint32_t disposition, std::uint32_t flags) = 0;
  // GetFileSizeEx.
  virtual bool GetFileSizeEx(Handle file, std::uint64_t* size) = 0;
  // Helper: SetFilePointerEx(size, FILE_BEGIN) + SetEndOfFile.
  virtual bool SetFileSize(Handle file, std::uint64_t size) = 0;
  // SetEndOfFile at the handle's current file pointer.
  virtual bool SetEndOfFile(Handle file) = 0;
  // ReadFile/WriteFile at an explicit offset (OVERLAPPED offset on a synchronous handle).
  virtual bool ReadFile(Handle file, std::uint64_t offset, std::uint32_t length, Bytes* data) = 0;
  virtual bool WriteFile(Handle file, std::uint64_t offset, const Bytes& data) = 0;

  // --- sections ---------------------------------------------------------------------------
  virtual Handle CreateFileMappingW(Handle file, bool inherit, std::uint32_t protect,
                                    std::uint32_t size_high, std::uint32_t size_low,
                                    const OptionalName& name) = 0;
  virtual Handle CreateFileMappingA(Handle file, bool inherit, std::uint32_t protect,
                                    std::uint32_t size_high, std::uint32_t size_low,
                                    const OptionalNameA& name) = 0;
  virtual Handle OpenFileMappingW(std::uint32_t access, bool inherit,
                                  const std::u16string& name) = 0;
  virtual Handle OpenFileMappingA(std::uint32_t access, bool inherit, const std::string& name) = 0;
  // Helper: NtQuerySection(SectionBasicInformation); a failure sets the last error from the
  // NTSTATUS (RtlNtStatusToDosError) and returns false.
  virtual bool QuerySection(Handle section, SectionInfo* info) = 0;

  // --- views ------------------------------------------------------------------------------
  virtual Address MapViewOfFile(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                                std::uint32_t offset_low, std::uint64_t bytes) = 0;
  virtual Address MapViewOfFileEx(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                                  std::uint32_t offset_low, std::uint64_t bytes, Address base) = 0;
  virtual bool UnmapViewOfFile(Address address) = 0;
  // Returns the number of bytes written to *info (sizeof(MEMORY_BASIC_INFORMATION)) or 0.
  virtual std::uint64_t VirtualQuery(Address address, MemoryInfo* info) = 0;
  // Helpers: guarded memory access; an access violation is an outcome (fault), never a crash.
  virtual ViewAccess ReadView(Address address, std::uint32_t length) = 0;
  virtual ViewAccess WriteView(Address address, const Bytes& data) = 0;

  // --- handles and other named objects ----------------------------------------------------
  virtual bool CloseHandle(Handle handle) = 0;
  // DuplicateHandle within the current process; `same_access` is DUPLICATE_SAME_ACCESS.
  virtual bool DuplicateHandle(Handle source, std::uint32_t access, bool same_access,
                               Handle* target) = 0;
  virtual Handle CreateEventW(bool manual_reset, bool initial_state, const OptionalName& name) = 0;
  virtual Handle CreateMutexW(bool initial_owner, const OptionalName& name) = 0;
  virtual Handle CreateSemaphoreW(std::int32_t initial_count, std::int32_t maximum_count,
                                  const OptionalName& name) = 0;
  virtual Handle OpenEventW(std::uint32_t access, bool inherit, const std::u16string& name) = 0;
  virtual Handle OpenMutexW(std::uint32_t access, bool inherit, const std::u16string& name) = 0;
  virtual Handle OpenSemaphoreW(std::uint32_t access, bool inherit, const std::u16string& name) = 0;
};

}  // namespace fmconf
