#include "native/native_api.hpp"

#include "native/guarded_access.hpp"

#include <string>
#include <vector>
#include <windows.h>

namespace fmconf::native {
namespace {

HANDLE to_win(Handle handle) { return reinterpret_cast<HANDLE>(static_cast<ULONG_PTR>(handle)); }
Handle from_win(HANDLE handle) { return static_cast<Handle>(reinterpret_cast<ULONG_PTR>(handle)); }
void* to_pointer(Address address) {
  return reinterpret_cast<void*>(static_cast<ULONG_PTR>(address));
}
Address from_pointer(const void* pointer) {
  return static_cast<Address>(reinterpret_cast<ULONG_PTR>(pointer));
}

std::wstring to_wide(const std::u16string& text) { return std::wstring(text.begin(), text.end()); }

// The name pointer of a W call: NULL for no name, else the string read up to its first NUL.
struct WideName {
  explicit WideName(const OptionalName& name) : present(name.has_value()) {
    if (present) text = to_wide(*name);
  }
  const wchar_t* get() const { return present ? text.c_str() : nullptr; }
  bool present;
  std::wstring text;
};

const char* ansi_name(const OptionalNameA& name) { return name ? name->c_str() : nullptr; }

// SECURITY_ATTRIBUTES with bInheritHandle, or none.
struct Inherit {
  explicit Inherit(bool inherit) : use(inherit) {
    attributes.nLength = sizeof(attributes);
    attributes.lpSecurityDescriptor = nullptr;
    attributes.bInheritHandle = TRUE;
  }
  SECURITY_ATTRIBUTES* get() { return use ? &attributes : nullptr; }
  bool use;
  SECURITY_ATTRIBUTES attributes;
};

std::string wide_to_ansi(const std::wstring& text) {
  if (text.empty()) return {};
  const int length = WideCharToMultiByte(CP_ACP, 0, text.c_str(), static_cast<int>(text.size()),
                                         nullptr, 0, nullptr, nullptr);
  std::string out(static_cast<std::size_t>(length), '\0');
  WideCharToMultiByte(CP_ACP, 0, text.c_str(), static_cast<int>(text.size()), out.data(), length,
                      nullptr, nullptr);
  return out;
}

// ntdll entry points the helpers use, looked up once.
struct Ntdll {
  // SECTION_BASIC_INFORMATION (winternl.h does not declare it).
  struct SectionBasicInformation {
    PVOID base_address;
    ULONG attributes;
    LARGE_INTEGER size;
  };
  using NtQuerySectionFn = LONG(WINAPI*)(HANDLE, int, PVOID, SIZE_T, SIZE_T*);
  using RtlNtStatusToDosErrorFn = ULONG(WINAPI*)(LONG);
  using RtlGetVersionFn = LONG(WINAPI*)(OSVERSIONINFOW*);
  using WineGetVersionFn = const char*(__cdecl*)();

  NtQuerySectionFn query_section = nullptr;
  RtlNtStatusToDosErrorFn status_to_error = nullptr;
  RtlGetVersionFn get_version = nullptr;
  WineGetVersionFn wine_get_version = nullptr;

  // GetProcAddress returns FARPROC; convert through a plain pointer-sized integer.
  template <typename Fn>
  static Fn lookup(HMODULE module, const char* name) {
    return reinterpret_cast<Fn>(reinterpret_cast<ULONG_PTR>(GetProcAddress(module, name)));
  }

  Ntdll() {
    const HMODULE module = GetModuleHandleW(L"ntdll.dll");
    if (module == nullptr) return;
    query_section = lookup<NtQuerySectionFn>(module, "NtQuerySection");
    status_to_error = lookup<RtlNtStatusToDosErrorFn>(module, "RtlNtStatusToDosError");
    get_version = lookup<RtlGetVersionFn>(module, "RtlGetVersion");
    wine_get_version = lookup<WineGetVersionFn>(module, "wine_get_version");
  }
};

const Ntdll& ntdll() {
  static const Ntdll instance;
  return instance;
}

constexpr int kSectionBasicInformation = 0;

// Deletes a folder and everything in it (best effort: the case is over).
void remove_tree(const std::wstring& folder) {
  WIN32_FIND_DATAW entry;
  const HANDLE find = FindFirstFileW((folder + L"\\*").c_str(), &entry);
  if (find != INVALID_HANDLE_VALUE) {
    do {
      const std::wstring name = entry.cFileName;
      if (name == L"." || name == L"..") continue;
      const std::wstring path = folder + L"\\" + name;
      if ((entry.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) != 0) {
        remove_tree(path);
      } else {
        SetFileAttributesW(path.c_str(), FILE_ATTRIBUTE_NORMAL);
        DeleteFileW(path.c_str());
      }
    } while (FindNextFileW(find, &entry));
    FindClose(find);
  }
  SetFileAttributesW(folder.c_str(), FILE_ATTRIBUTE_NORMAL);
  RemoveDirectoryW(folder.c_str());
}

}  // namespace

NativeApi::NativeApi() = default;

NativeApi::~NativeApi() {
  if (!folder_.empty()) end_case();
}

void NativeApi::protect_handle(Handle handle) { protected_.insert(handle); }

bool NativeApi::is_protected(Handle handle) const { return protected_.count(handle) != 0; }

Handle NativeApi::track(Handle handle) {
  if (handle != kNullHandle && handle != kInvalidHandleValue) handles_.insert(handle);
  return handle;
}

std::uint32_t NativeApi::GetLastError() { return ::GetLastError(); }

void NativeApi::SetLastError(std::uint32_t error) { ::SetLastError(error); }

Environment NativeApi::environment() {
  Environment environment;
  SYSTEM_INFO info;
  GetSystemInfo(&info);
  environment.page_size = info.dwPageSize;
  environment.allocation_granularity = info.dwAllocationGranularity;
  if (ntdll().wine_get_version != nullptr) {
    environment.target = "wine";
    environment.version = std::string("wine-") + ntdll().wine_get_version();
  } else {
    environment.target = "windows";
    OSVERSIONINFOW version{};
    version.dwOSVersionInfoSize = sizeof(version);
    if (ntdll().get_version != nullptr && ntdll().get_version(&version) == 0) {
      environment.version = "Windows " + std::to_string(version.dwMajorVersion) + "." +
                            std::to_string(version.dwMinorVersion) + "." +
                            std::to_string(version.dwBuildNumber);
    } else {
      environment.version = "Windows";
    }
  }
  return environment;
}

std::wstring NativeApi::temp_folder() {
  wchar_t temp[MAX_PATH + 1];
  const DWORD length = GetTempPathW(MAX_PATH + 1, temp);
  std::wstring base(temp, length);
  if (!base.empty() && base.back() == L'\\') base.pop_back();
  return base;
}

// The folder gets its unique name here and is created on the first path a case opens (most
// cases open none; creating and deleting a folder is a large part of a short case's cost).
void NativeApi::begin_case() {
  if (!folder_.empty()) end_case();
  folder_ = temp_folder() + L"\\fmconf-" + std::to_wstring(GetCurrentProcessId()) + L"-" +
            std::to_wstring(GetTickCount64()) + L"-" + std::to_wstring(++case_counter_);
  folder_created_ = false;
}

void NativeApi::ensure_folder() {
  if (folder_.empty()) begin_case();  // a call outside begin_case/end_case still gets a folder
  if (folder_created_) return;
  const DWORD last_error = ::GetLastError();
  if (!CreateDirectoryW(folder_.c_str(), nullptr)) {
    CreateDirectoryW(temp_folder().c_str(), nullptr);  // %TEMP% itself is missing (a fresh prefix)
    CreateDirectoryW(folder_.c_str(), nullptr);
  }
  folder_created_ = true;
  ::SetLastError(last_error);
}

void NativeApi::end_case() {
  for (const Address view : views_) ::UnmapViewOfFile(to_pointer(view));
  views_.clear();
  for (const Handle handle : handles_) {
    if (!is_protected(handle)) ::CloseHandle(to_win(handle));
  }
  handles_.clear();
  if (folder_created_) remove_tree(folder_);
  folder_.clear();
  folder_created_ = false;
}

// --- files ----------------------------------------------------------------------------------

Handle NativeApi::CreateFileW(const std::u16string& path, std::uint32_t access, std::uint32_t share,
                              std::uint32_t disposition, std::uint32_t flags) {
  ensure_folder();
  const std::wstring full = folder_ + L"\\" + to_wide(path);
  return track(
      from_win(::CreateFileW(full.c_str(), access, share, nullptr, disposition, flags, nullptr)));
}

Handle NativeApi::CreateFileA(const std::string& path, std::uint32_t access, std::uint32_t share,
                              std::uint32_t disposition, std::uint32_t flags) {
  ensure_folder();
  const std::string full = wide_to_ansi(folder_) + "\\" + path;
  return track(
      from_win(::CreateFileA(full.c_str(), access, share, nullptr, disposition, flags, nullptr)));
}

bool NativeApi::GetFileSizeEx(Handle file, std::uint64_t* size) {
  LARGE_INTEGER value{};
  const BOOL ok = ::GetFileSizeEx(to_win(file), &value);
  if (ok && size != nullptr) *size = static_cast<std::uint64_t>(value.QuadPart);
  return ok != FALSE;
}

bool NativeApi::SetFileSize(Handle file, std::uint64_t size) {
  LARGE_INTEGER distance{};
  distance.QuadPart = static_cast<LONGLONG>(size);
  if (!SetFilePointerEx(to_win(file), distance, nullptr, FILE_BEGIN)) return false;
  return ::SetEndOfFile(to_win(file)) != FALSE;
}

bool NativeApi::SetEndOfFile(Handle file) { return ::SetEndOfFile(to_win(file)) != FALSE; }

namespace {

// ReadFile/WriteFile steps are whole operations: through a handle opened with
// FILE_FLAG_OVERLAPPED the call may answer ERROR_IO_PENDING, and its result is then the one
// GetOverlappedResult waits for (inferred:file-offsets); a success leaves the last error as a
// synchronous one does (`before`: the value before the call).
BOOL completed(HANDLE file, BOOL ok, OVERLAPPED& overlapped, DWORD& done, DWORD before) {
  if (ok || ::GetLastError() != ERROR_IO_PENDING) return ok;
  ok = ::GetOverlappedResult(file, &overlapped, &done, TRUE);
  if (ok) ::SetLastError(before);
  return ok;
}

}  // namespace

bool NativeApi::ReadFile(Handle file, std::uint64_t offset, std::uint32_t length, Bytes* data) {
  Bytes buffer(length);
  OVERLAPPED overlapped{};
  overlapped.Offset = static_cast<DWORD>(offset);
  overlapped.OffsetHigh = static_cast<DWORD>(offset >> 32);
  DWORD done = 0;
  const DWORD before = ::GetLastError();
  const BOOL ok =
      completed(to_win(file), ::ReadFile(to_win(file), buffer.data(), length, &done, &overlapped),
                overlapped, done, before);
  buffer.resize(ok ? done : 0);
  if (data != nullptr) *data = std::move(buffer);
  return ok != FALSE;
}

bool NativeApi::WriteFile(Handle file, std::uint64_t offset, const Bytes& data) {
  OVERLAPPED overlapped{};
  overlapped.Offset = static_cast<DWORD>(offset);
  overlapped.OffsetHigh = static_cast<DWORD>(offset >> 32);
  DWORD done = 0;
  const DWORD before = ::GetLastError();
  const BOOL ok =
      ::WriteFile(to_win(file), data.data(), static_cast<DWORD>(data.size()), &done, &overlapped);
  return completed(to_win(file), ok, overlapped, done, before) != FALSE;
}

// --- sections -------------------------------------------------------------------------------

Handle NativeApi::CreateFileMappingW(Handle file, bool inherit, std::uint32_t protect,
                                     std::uint32_t size_high, std::uint32_t size_low,
                                     const OptionalName& name) {
  Inherit attributes(inherit);
  const WideName wide(name);
  return track(from_win(::CreateFileMappingW(to_win(file), attributes.get(), protect, size_high,
                                             size_low, wide.get())));
}

Handle NativeApi::CreateFileMappingA(Handle file, bool inherit, std::uint32_t protect,
                                     std::uint32_t size_high, std::uint32_t size_low,
                                     const OptionalNameA& name) {
  Inherit attributes(inherit);
  return track(from_win(::CreateFileMappingA(to_win(file), attributes.get(), protect, size_high,
                                             size_low, ansi_name(name))));
}

Handle NativeApi::OpenFileMappingW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return track(from_win(::OpenFileMappingW(access, inherit, to_wide(name).c_str())));
}

Handle NativeApi::OpenFileMappingA(std::uint32_t access, bool inherit, const std::string& name) {
  return track(from_win(::OpenFileMappingA(access, inherit, name.c_str())));
}

bool NativeApi::QuerySection(Handle section, SectionInfo* info) {
  if (ntdll().query_section == nullptr) {
    ::SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
    return false;
  }
  Ntdll::SectionBasicInformation basic{};
  SIZE_T returned = 0;
  const LONG status = ntdll().query_section(to_win(section), kSectionBasicInformation, &basic,
                                            sizeof(basic), &returned);
  if (status < 0) {
    const ULONG error = ntdll().status_to_error != nullptr ? ntdll().status_to_error(status)
                                                           : static_cast<ULONG>(ERROR_GEN_FAILURE);
    ::SetLastError(error);
    return false;
  }
  if (info != nullptr) {
    info->attributes = basic.attributes;
    info->size = static_cast<std::uint64_t>(basic.size.QuadPart);
  }
  return true;
}

// --- views ----------------------------------------------------------------------------------

Address NativeApi::MapViewOfFile(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                                 std::uint32_t offset_low, std::uint64_t bytes) {
  const Address view = from_pointer(::MapViewOfFile(to_win(mapping), access, offset_high,
                                                    offset_low, static_cast<SIZE_T>(bytes)));
  if (view != 0) views_.insert(view);
  return view;
}

Address NativeApi::MapViewOfFileEx(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                                   std::uint32_t offset_low, std::uint64_t bytes, Address base) {
  const Address view =
      from_pointer(::MapViewOfFileEx(to_win(mapping), access, offset_high, offset_low,
                                     static_cast<SIZE_T>(bytes), to_pointer(base)));
  if (view != 0) views_.insert(view);
  return view;
}

bool NativeApi::UnmapViewOfFile(Address address) {
  const BOOL ok = ::UnmapViewOfFile(to_pointer(address));
  if (ok) views_.erase(address);
  return ok != FALSE;
}

std::uint64_t NativeApi::VirtualQuery(Address address, MemoryInfo* info) {
  MEMORY_BASIC_INFORMATION basic{};
  const SIZE_T written = ::VirtualQuery(to_pointer(address), &basic, sizeof(basic));
  if (written != 0 && info != nullptr) {
    info->base_address = from_pointer(basic.BaseAddress);
    info->allocation_base = from_pointer(basic.AllocationBase);
    info->allocation_protect = basic.AllocationProtect;
    info->region_size = basic.RegionSize;
    info->state = basic.State;
    info->protect = basic.Protect;
    info->type = basic.Type;
  }
  return written;
}

// A memory access is not a Win32 call: the last error stays as it was (the guard's thread-local
// storage and exception dispatch may touch it).
ViewAccess NativeApi::ReadView(Address address, std::uint32_t length) {
  const DWORD last_error = ::GetLastError();
  ViewAccess access = guarded_read(address, length);
  ::SetLastError(last_error);
  return access;
}

ViewAccess NativeApi::WriteView(Address address, const Bytes& data) {
  const DWORD last_error = ::GetLastError();
  ViewAccess access = guarded_write(address, data);
  ::SetLastError(last_error);
  return access;
}

// --- handles and other named objects --------------------------------------------------------

bool NativeApi::CloseHandle(Handle handle) {
  if (is_protected(handle)) {
    ::SetLastError(ERROR_INVALID_HANDLE);
    return false;
  }
  const BOOL ok = ::CloseHandle(to_win(handle));
  if (ok) handles_.erase(handle);
  return ok != FALSE;
}

bool NativeApi::DuplicateHandle(Handle source, std::uint32_t access, bool same_access,
                                Handle* target) {
  if (is_protected(source)) {
    ::SetLastError(ERROR_INVALID_HANDLE);
    return false;
  }
  HANDLE duplicate = nullptr;
  const BOOL ok =
      ::DuplicateHandle(GetCurrentProcess(), to_win(source), GetCurrentProcess(), &duplicate,
                        access, FALSE, same_access ? DUPLICATE_SAME_ACCESS : 0);
  if (target != nullptr) *target = ok ? track(from_win(duplicate)) : kNullHandle;
  return ok != FALSE;
}

Handle NativeApi::CreateEventW(bool manual_reset, bool initial_state, const OptionalName& name) {
  const WideName wide(name);
  return track(from_win(::CreateEventW(nullptr, manual_reset, initial_state, wide.get())));
}

Handle NativeApi::CreateMutexW(bool initial_owner, const OptionalName& name) {
  const WideName wide(name);
  return track(from_win(::CreateMutexW(nullptr, initial_owner, wide.get())));
}

Handle NativeApi::CreateSemaphoreW(std::int32_t initial_count, std::int32_t maximum_count,
                                   const OptionalName& name) {
  const WideName wide(name);
  return track(from_win(::CreateSemaphoreW(nullptr, initial_count, maximum_count, wide.get())));
}

Handle NativeApi::OpenEventW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return track(from_win(::OpenEventW(access, inherit, to_wide(name).c_str())));
}

Handle NativeApi::OpenMutexW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return track(from_win(::OpenMutexW(access, inherit, to_wide(name).c_str())));
}

Handle NativeApi::OpenSemaphoreW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return track(from_win(::OpenSemaphoreW(access, inherit, to_wide(name).c_str())));
}

}  // namespace fmconf::native
