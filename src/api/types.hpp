// The Win32 value types fmconf's Api speaks, independent of <windows.h>.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace fmconf {

// A HANDLE's value (pointer-sized on Win64). Backends return real values; cases only ever name
// them symbolically, so raw values never appear in results.
using Handle = std::uint64_t;
// A view's base address (LPVOID) as a number.
using Address = std::uint64_t;
using Bytes = std::vector<std::uint8_t>;

inline constexpr Handle kNullHandle = 0;
inline constexpr Handle kInvalidHandleValue = ~std::uint64_t{0};  // (HANDLE)-1
inline constexpr Handle kCurrentProcess = ~std::uint64_t{0};      // GetCurrentProcess() == -1
inline constexpr Handle kCurrentThread = ~std::uint64_t{1};       // GetCurrentThread() == -2

// The last-error sentinel the runner sets before every call (Wine tests use 0xdeadbeef).
inline constexpr std::uint32_t kLastErrorSentinel = 0xdeadbeef;

// MEMORY_BASIC_INFORMATION, as VirtualQuery fills it.
struct MemoryInfo {
  Address base_address = 0;
  Address allocation_base = 0;
  std::uint32_t allocation_protect = 0;
  std::uint64_t region_size = 0;
  std::uint32_t state = 0;
  std::uint32_t protect = 0;
  std::uint32_t type = 0;
};

// SECTION_BASIC_INFORMATION, as NtQuerySection(SectionBasicInformation) fills it.
struct SectionInfo {
  std::uint32_t attributes = 0;
  std::uint64_t size = 0;
};

// Result of a guarded memory access through a view (the ReadView/WriteView helpers).
struct ViewAccess {
  bool fault = false;  // an access violation happened (and was caught)
  Bytes data;          // bytes read (ReadView), up to the faulting byte
};

// What a target is: reported in every results header.
struct Environment {
  std::string target;   // "model", "wine", "windows"
  std::string version;  // model version, "wine-8.0", "Windows 10.0.19045"
  std::uint32_t page_size = 0;
  std::uint32_t allocation_granularity = 0;
};

}  // namespace fmconf
