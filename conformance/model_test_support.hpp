// Shared helpers of the model's unit tests (conformance/model_*_test.cpp): a fixture that runs
// every test as one case and checks the model's invariants, and printers that show got vs
// expected with symbolic names (ERROR_ACCESS_DENIED (5), PAGE_READWRITE|SEC_COMMIT (0x8000004)).
#pragma once

#include "api/minimal_pe.hpp"
#include "api/vocabulary.hpp"
#include "reference/model_api.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace fmconf::testing {

inline std::string err(std::uint32_t code) {
  return error_name(code) + " (" + std::to_string(code) + ")";
}

inline std::string flags(std::uint32_t value, Family family) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%x", value);
  return format_flags(value, family) + " (" + hex + ")";
}

inline std::string prot(std::uint32_t value) { return flags(value, Family::protect); }

// "ERROR_X (n)" if `got` is one of `accepted`, else a message naming both.
inline ::testing::AssertionResult error_is(std::uint32_t got,
                                           std::initializer_list<std::uint32_t> accepted) {
  std::string names;
  for (const auto code : accepted) {
    if (code == got) return ::testing::AssertionSuccess();
    names += (names.empty() ? "" : " or ") + err(code);
  }
  return ::testing::AssertionFailure() << "got " << err(got) << ", expected " << names;
}

inline constexpr std::uint32_t kGenericRead = access::kGenericRead;
inline constexpr std::uint32_t kGenericWrite = access::kGenericWrite;
inline constexpr std::uint32_t kGenericExecute = access::kGenericExecute;
inline constexpr std::uint32_t kGenericRW = kGenericRead | kGenericWrite;
inline constexpr std::uint32_t kGenericRWX = kGenericRW | kGenericExecute;
inline constexpr std::uint32_t kShareRW = share::kRead | share::kWrite;
inline constexpr std::uint32_t kPage = 4096;

// One test = one case of the model: begin_case() before, invariants checked and nothing left
// alive after end_case().
class ModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    api.begin_case();
    api.SetLastError(kLastErrorSentinel);
  }
  void TearDown() override {
    check_invariants();
    api.end_case();
    const LiveCounts counts = api.live_counts();
    EXPECT_EQ(counts.handles + counts.objects + counts.views + counts.names + counts.files, 0u)
        << "model leaked after end_case()";
  }

  void check_invariants() {
    for (const auto& message : api.check_invariants()) ADD_FAILURE() << "invariant: " << message;
  }

  // Sets the runner's sentinel, as the case runner does before every call.
  void sentinel() { api.SetLastError(kLastErrorSentinel); }

  // A file of `size` bytes (zeros), created R/W, then reopened with `access`/`share`.
  Handle file(const char16_t* path, std::uint64_t size, std::uint32_t access = kGenericRW,
              std::uint32_t share = kShareRW) {
    const Handle created = api.CreateFileW(path, kGenericRW, kShareRW, disposition::kCreateAlways,
                                           file_flags::kAttributeNormal);
    EXPECT_NE(created, kInvalidHandleValue) << err(api.GetLastError());
    if (size) {
      EXPECT_TRUE(api.SetFileSize(created, size)) << err(api.GetLastError());
    }
    api.CloseHandle(created);
    const Handle h = api.CreateFileW(path, access, share, disposition::kOpenExisting,
                                     file_flags::kAttributeNormal);
    EXPECT_NE(h, kInvalidHandleValue) << err(api.GetLastError());
    sentinel();
    return h;
  }

  // A file holding the built-in minimal PE image, opened GENERIC_READ|GENERIC_EXECUTE.
  Handle pe_file(const char16_t* path = u"image.dll",
                 std::uint32_t access = kGenericRead | kGenericExecute) {
    const Handle created = api.CreateFileW(path, kGenericRW, kShareRW, disposition::kCreateAlways,
                                           file_flags::kAttributeNormal);
    EXPECT_TRUE(api.WriteFile(created, 0, minimal_pe()));
    api.CloseHandle(created);
    const Handle h = api.CreateFileW(path, access, share::kRead, disposition::kOpenExisting, 0x80);
    EXPECT_NE(h, kInvalidHandleValue) << err(api.GetLastError());
    sentinel();
    return h;
  }

  Handle mapping(Handle file, std::uint32_t protect, std::uint64_t size,
                 const OptionalName& name = std::nullopt) {
    sentinel();
    return api.CreateFileMappingW(file, false, protect, static_cast<std::uint32_t>(size >> 32),
                                  static_cast<std::uint32_t>(size), name);
  }

  MemoryInfo query(Address address) {
    MemoryInfo info;
    EXPECT_EQ(api.VirtualQuery(address, &info), 48u);
    return info;
  }

  std::uint64_t file_size(Handle h) {
    std::uint64_t size = ~0ull;
    EXPECT_TRUE(api.GetFileSizeEx(h, &size));
    return size;
  }

  ModelApi api;
};

}  // namespace fmconf::testing
