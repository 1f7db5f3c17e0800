// Handle edge cases (§4): pseudo handles, NULL, stale and garbage values, wrong object types,
// DuplicateHandle (D41-D44) and CloseHandle.
#include "model_test_support.hpp"

namespace fmconf::testing {
namespace {

using namespace map_access;

TEST_F(ModelTest, Handles_ValuesAreMultiplesOfFourAndIgnoreTagBits) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite, kPage);
  EXPECT_EQ(m % 4, 0u);
  EXPECT_NE(api.MapViewOfFile(m | 3, kRead, 0, 0, 0), 0u) << "inferred:handle-values";
}

TEST_F(ModelTest, Handles_hFileEdgeCases) {
  const Handle event = api.CreateEventW(false, false, std::nullopt);
  const Handle section = mapping(kInvalidHandleValue, page::kReadWrite, kPage);
  const Handle closed = file(u"c.bin", kPage);
  api.CloseHandle(closed);
  struct Row {
    const char* what;
    Handle h;
  };
  for (const Row r : {Row{"GetCurrentThread()", kCurrentThread}, Row{"event", event},
                      Row{"mapping", section}, Row{"closed", closed},
                      Row{"garbage", Handle{0xdead}}, Row{"kernel-ish", Handle{1} << 63}}) {
    EXPECT_EQ(mapping(r.h, page::kReadWrite, kPage), kNullHandle) << r.what;
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle})) << r.what;
  }
  // inferred:hfile-null: NULL is "no file" for NtCreateSection, a pagefile section; without a
  // size it fails there (ERROR_INVALID_PARAMETER).
  EXPECT_NE(mapping(kNullHandle, page::kReadWrite, kPage), kNullHandle);
  EXPECT_EQ(mapping(kNullHandle, page::kReadWrite, 0), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidParameter})) << "NULL, size 0:0";
  // GetCurrentProcess() == INVALID_HANDLE_VALUE: the pagefile (§4).
  EXPECT_NE(mapping(kCurrentProcess, page::kReadWrite, kPage), kNullHandle);
  EXPECT_EQ(mapping(kCurrentProcess, page::kReadWrite, 0), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidParameter})) << "§4 size 0:0";
}

TEST_F(ModelTest, Handles_PagefileSizeZeroFailsEvenForAnExistingName) {
  ASSERT_NE(mapping(kInvalidHandleValue, page::kReadWrite, kPage, u"exists"), kNullHandle);
  EXPECT_EQ(mapping(kInvalidHandleValue, page::kReadWrite, 0, u"exists"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidParameter}))
      << "inferred:pagefile-size-zero-first";
}

TEST_F(ModelTest, Handles_CloseHandle) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite, kPage);
  sentinel();
  EXPECT_TRUE(api.CloseHandle(m));
  EXPECT_EQ(api.GetLastError(), kLastErrorSentinel) << "success leaves the last error";
  EXPECT_FALSE(api.CloseHandle(m));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle})) << "stale";
  EXPECT_FALSE(api.CloseHandle(kNullHandle));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle}));
  EXPECT_TRUE(api.CloseHandle(kCurrentProcess)) << "inferred:close-pseudo-handle";
  EXPECT_TRUE(api.CloseHandle(kCurrentThread));
  // A stale value stays stale: values are not reused within a case.
  const Handle next = mapping(kInvalidHandleValue, page::kReadWrite, kPage);
  EXPECT_NE(next, m);
}

TEST_F(ModelTest, Handles_DuplicateHandle) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadOnly, kPage);
  Handle same = kNullHandle, none = kNullHandle, more = kNullHandle;
  ASSERT_TRUE(api.DuplicateHandle(m, 0, true, &same));
  EXPECT_NE(api.MapViewOfFile(same, kRead, 0, 0, 0), 0u);
  ASSERT_TRUE(api.DuplicateHandle(m, 0, false, &none));
  EXPECT_EQ(api.MapViewOfFile(none, 0, 0, 0, 0), 0u) << "spec:1D H0 column";
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
  // inferred:duplicate-above-source: a section may gain rights; a file may not.
  ASSERT_TRUE(api.DuplicateHandle(none, kRead | kSectionQuery, false, &more));
  SectionInfo info;
  EXPECT_TRUE(api.QuerySection(more, &info));
  const Handle f = file(u"d.bin", kPage, kGenericRead);
  Handle fw = kNullHandle;
  sentinel();
  EXPECT_FALSE(api.DuplicateHandle(f, kGenericWrite, false, &fw));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
  sentinel();
  EXPECT_FALSE(api.DuplicateHandle(Handle{0x4444}, 0, true, &fw));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle}));
  // Pseudo handles duplicate into real process/thread handles.
  Handle process = kNullHandle;
  ASSERT_TRUE(api.DuplicateHandle(kCurrentProcess, 0, true, &process));
  EXPECT_NE(process, kCurrentProcess);
  EXPECT_EQ(mapping(process, page::kReadOnly, kPage), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle})) << "a process is no file";
  EXPECT_TRUE(api.CloseHandle(process));
}

TEST_F(ModelTest, Handles_WrongTypeForEveryCall) {
  const Handle event = api.CreateEventW(false, false, std::nullopt);
  std::uint64_t size = 0;
  Bytes data;
  SectionInfo info;
  sentinel();
  EXPECT_FALSE(api.GetFileSizeEx(event, &size));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle}));
  EXPECT_FALSE(api.SetFileSize(event, 1));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle}));
  EXPECT_FALSE(api.SetEndOfFile(event));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle}));
  EXPECT_FALSE(api.ReadFile(event, 0, 1, &data));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle}));
  EXPECT_FALSE(api.WriteFile(event, 0, {1}));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle}));
  EXPECT_FALSE(api.QuerySection(event, &info));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle}));
}

}  // namespace
}  // namespace fmconf::testing
