// The calls a case step may name (corpus/case-format.md, "call").
#pragma once

#include <optional>
#include <string_view>

namespace fmconf {

enum class Call {
  CreateFileW,
  CreateFileA,
  CreateFileMappingW,
  CreateFileMappingA,
  OpenFileMappingW,
  OpenFileMappingA,
  MapViewOfFile,
  MapViewOfFileEx,
  UnmapViewOfFile,
  CloseHandle,
  DuplicateHandle,
  CreateEventW,
  CreateMutexW,
  CreateSemaphoreW,
  OpenEventW,
  OpenMutexW,
  OpenSemaphoreW,
  GetFileSize,
  SetFileSize,
  SetEndOfFile,
  VirtualQuery,
  ReadFile,
  WriteFile,
  ReadView,
  WriteView,
  QuerySection,
};

std::string_view call_name(Call call);
std::optional<Call> parse_call(std::string_view name);

// How a call reports success ("ok" in case-format.md).
enum class OkConvention {
  not_invalid_handle,  // CreateFile: anything but INVALID_HANDLE_VALUE
  not_null_handle,     // other handle-returning calls: anything but NULL
  nonzero_address,     // MapViewOfFile(Ex): a view address other than NULL
  nonzero_size,        // VirtualQuery: bytes written to the MEMORY_BASIC_INFORMATION
  no_fault,            // ReadView/WriteView: no access violation
  boolean,             // BOOL calls
};
OkConvention ok_convention(Call call);

}  // namespace fmconf
