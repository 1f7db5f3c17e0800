#include "cases/call.hpp"

#include <array>
#include <utility>

namespace fmconf {
namespace {

constexpr std::array<std::pair<Call, std::string_view>, 26> kCalls{{
    {Call::CreateFileW, "CreateFileW"},
    {Call::CreateFileA, "CreateFileA"},
    {Call::CreateFileMappingW, "CreateFileMappingW"},
    {Call::CreateFileMappingA, "CreateFileMappingA"},
    {Call::OpenFileMappingW, "OpenFileMappingW"},
    {Call::OpenFileMappingA, "OpenFileMappingA"},
    {Call::MapViewOfFile, "MapViewOfFile"},
    {Call::MapViewOfFileEx, "MapViewOfFileEx"},
    {Call::UnmapViewOfFile, "UnmapViewOfFile"},
    {Call::CloseHandle, "CloseHandle"},
    {Call::DuplicateHandle, "DuplicateHandle"},
    {Call::CreateEventW, "CreateEventW"},
    {Call::CreateMutexW, "CreateMutexW"},
    {Call::CreateSemaphoreW, "CreateSemaphoreW"},
    {Call::OpenEventW, "OpenEventW"},
    {Call::OpenMutexW, "OpenMutexW"},
    {Call::OpenSemaphoreW, "OpenSemaphoreW"},
    {Call::GetFileSize, "GetFileSize"},
    {Call::SetFileSize, "SetFileSize"},
    {Call::SetEndOfFile, "SetEndOfFile"},
    {Call::VirtualQuery, "VirtualQuery"},
    {Call::ReadFile, "ReadFile"},
    {Call::WriteFile, "WriteFile"},
    {Call::ReadView, "ReadView"},
    {Call::WriteView, "WriteView"},
    {Call::QuerySection, "QuerySection"},
}};

}  // namespace

std::string_view call_name(Call call) {
  for (const auto& [c, name] : kCalls) {
    if (c == call) return name;
  }
  return "?";
}

std::optional<Call> parse_call(std::string_view name) {
  for (const auto& [c, n] : kCalls) {
    if (n == name) return c;
  }
  return std::nullopt;
}

OkConvention ok_convention(Call call) {
  switch (call) {
    case Call::CreateFileW:
    case Call::CreateFileA:
      return OkConvention::not_invalid_handle;
    case Call::CreateFileMappingW:
    case Call::CreateFileMappingA:
    case Call::OpenFileMappingW:
    case Call::OpenFileMappingA:
    case Call::CreateEventW:
    case Call::CreateMutexW:
    case Call::CreateSemaphoreW:
    case Call::OpenEventW:
    case Call::OpenMutexW:
    case Call::OpenSemaphoreW:
      return OkConvention::not_null_handle;
    case Call::MapViewOfFile:
    case Call::MapViewOfFileEx:
      return OkConvention::nonzero_address;
    case Call::VirtualQuery:
      return OkConvention::nonzero_size;
    case Call::ReadView:
    case Call::WriteView:
      return OkConvention::no_fault;
    default:
      return OkConvention::boolean;
  }
}

}  // namespace fmconf
