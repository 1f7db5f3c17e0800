// Files of the case folder: dispositions, share modes, ReadFile/WriteFile and their coherence
// with views, sizes (the file side of §5 and 1G).
#include "model_test_support.hpp"

namespace fmconf::testing {
namespace {

using namespace disposition;
using namespace map_access;

TEST_F(ModelTest, Files_Dispositions) {
  struct Row {
    std::uint32_t disposition;
    bool exists;
    std::uint32_t error;  // 0 success
    std::uint32_t last_error_on_success;
  };
  int i = 0;
  for (const Row r :
       {Row{kCreateNew, false, 0, error::kSuccess}, Row{kCreateNew, true, error::kFileExists, 0},
        Row{kCreateAlways, false, 0, error::kSuccess},
        Row{kCreateAlways, true, 0, error::kAlreadyExists},
        Row{kOpenExisting, false, error::kFileNotFound, 0},
        Row{kOpenExisting, true, 0, error::kSuccess}, Row{kOpenAlways, false, 0, error::kSuccess},
        Row{kOpenAlways, true, 0, error::kAlreadyExists},
        Row{kTruncateExisting, false, error::kFileNotFound, 0},
        Row{kTruncateExisting, true, 0, error::kSuccess}, Row{0, true, error::kInvalidParameter, 0},
        Row{6, true, error::kInvalidParameter, 0}}) {
    const std::u16string path = u"f" + std::u16string(1, char16_t(u'a' + i++));
    if (r.exists) {
      const Handle h = api.CreateFileW(path, kGenericRW, 7, kCreateNew, 0x80);
      api.WriteFile(h, 0, {1, 2, 3});
      api.CloseHandle(h);
    }
    sentinel();
    const Handle h = api.CreateFileW(path, kGenericRW, 7, r.disposition, 0x80);
    SCOPED_TRACE(flags(r.disposition, Family::disposition) + (r.exists ? " existing" : " new"));
    if (r.error) {
      EXPECT_EQ(h, kInvalidHandleValue);
      EXPECT_TRUE(error_is(api.GetLastError(), {r.error}));
      continue;
    }
    ASSERT_NE(h, kInvalidHandleValue) << err(api.GetLastError());
    EXPECT_TRUE(error_is(api.GetLastError(), {r.last_error_on_success}));
    const bool truncated = r.disposition == kCreateAlways || r.disposition == kTruncateExisting;
    EXPECT_EQ(file_size(h), r.exists && !truncated ? 3u : 0u);
  }
}

TEST_F(ModelTest, Files_ShareModes) {
  const Handle first = api.CreateFileW(u"s.bin", kGenericRead, share::kRead, kCreateAlways, 0x80);
  sentinel();
  EXPECT_EQ(api.CreateFileW(u"s.bin", kGenericWrite, 7, kOpenExisting, 0x80), kInvalidHandleValue);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSharingViolation})) << "first shares no write";
  EXPECT_EQ(api.CreateFileW(u"s.bin", kGenericRead, share::kWrite, kOpenExisting, 0x80),
            kInvalidHandleValue);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSharingViolation})) << "second shares no read";
  const Handle reader = api.CreateFileW(u"s.bin", kGenericRead, share::kRead, kOpenExisting, 0x80);
  EXPECT_NE(reader, kInvalidHandleValue);
  EXPECT_NE(api.CreateFileW(u"s.bin", 0, 0, kOpenExisting, 0x80), kInvalidHandleValue)
      << "no data access, no share check";
  api.CloseHandle(first);
  api.CloseHandle(reader);
  EXPECT_NE(api.CreateFileW(u"s.bin", kGenericWrite, 0, kOpenExisting, 0x80), kInvalidHandleValue);
}

TEST_F(ModelTest, Files_PathsAreCaseInsensitiveAndFlat) {
  ASSERT_NE(api.CreateFileW(u"Data.Bin", kGenericRW, 7, kCreateNew, 0x80), kInvalidHandleValue);
  EXPECT_NE(api.CreateFileW(u"DATA.BIN", kGenericRead, 7, kOpenExisting, 0x80),
            kInvalidHandleValue);
  EXPECT_NE(api.CreateFileA("./data.bin", kGenericRead, 7, kOpenExisting, 0x80),
            kInvalidHandleValue);
  struct Row {
    const char16_t* path;
    std::uint32_t error;
  };
  for (const Row r : {Row{u"sub\\x.bin", error::kPathNotFound}, Row{u"", error::kPathNotFound},
                      Row{u"a?b", error::kInvalidName}, Row{u".", error::kAccessDenied}}) {
    sentinel();
    EXPECT_EQ(api.CreateFileW(r.path, kGenericRW, 7, kCreateAlways, 0x80), kInvalidHandleValue);
    EXPECT_TRUE(error_is(api.GetLastError(), {r.error})) << "inferred:file-paths";
  }
}

TEST_F(ModelTest, Files_ReadWriteAccessAndEof) {
  const Handle f = file(u"rw.bin", 0, kGenericRW);
  ASSERT_TRUE(api.WriteFile(f, 2, {0xaa, 0xbb}));
  EXPECT_EQ(file_size(f), 4u) << "write past the end grows with zeros";
  Bytes data;
  ASSERT_TRUE(api.ReadFile(f, 0, 10, &data));
  EXPECT_EQ(data, (Bytes{0, 0, 0xaa, 0xbb})) << "a read stops at the end";
  EXPECT_FALSE(api.ReadFile(f, 4, 1, &data));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kHandleEof})) << "inferred:readfile-eof";
  const Handle ro = file(u"ro.bin", 4, kGenericRead);
  sentinel();
  EXPECT_FALSE(api.WriteFile(ro, 0, {1}));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
  EXPECT_FALSE(api.SetEndOfFile(ro));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
  const Handle none = file(u"none.bin", 4, 0);
  EXPECT_FALSE(api.ReadFile(none, 0, 1, &data));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
  EXPECT_EQ(file_size(none), 4u) << "inferred:file-size-access";
  EXPECT_FALSE(api.SetFileSize(f, ~0ull));
  EXPECT_TRUE(error_is(api.GetLastError(), {131u})) << "inferred:negative-seek";
}

TEST_F(ModelTest, Files_FileAndViewsSeeEachOthersWrites) {
  const Handle f = file(u"coherent.bin", 2 * kPage);
  const Handle m = mapping(f, page::kReadWrite, 0);
  const Address view = api.MapViewOfFile(m, kWrite, 0, 0, 0);
  ASSERT_TRUE(api.WriteFile(f, 100, {1, 2, 3}));
  EXPECT_EQ(api.ReadView(view + 100, 3).data, (Bytes{1, 2, 3}));
  EXPECT_FALSE(api.WriteView(view + kPage, {9, 8}).fault);
  Bytes data;
  ASSERT_TRUE(api.ReadFile(f, kPage, 2, &data));
  EXPECT_EQ(data, (Bytes{9, 8}));
  const Address read_only = api.MapViewOfFile(m, kRead, 0, 0, 0);
  EXPECT_EQ(api.ReadView(read_only + kPage, 2).data, (Bytes{9, 8}));
  const ViewAccess denied = api.WriteView(read_only, {1});
  EXPECT_TRUE(denied.fault) << "a read-only view faults on write";
  const ViewAccess partial = api.ReadView(view + 2 * kPage - 2, 4);
  EXPECT_TRUE(partial.fault) << "reading past the view faults";
  EXPECT_EQ(partial.data.size(), 2u) << "with the bytes up to the fault";
}

TEST_F(ModelTest, Files_TailOfTheLastPage) {
  const Handle f = file(u"tail.bin", 36);
  ASSERT_TRUE(api.WriteFile(f, 0, Bytes(36, 0x11)));
  const Handle m = mapping(f, page::kReadWrite, 0);
  const Address view = api.MapViewOfFile(m, kWrite, 0, 0, 0);
  EXPECT_EQ(query(view).region_size, kPage);
  const ViewAccess read = api.ReadView(view + 30, 10);
  EXPECT_FALSE(read.fault);
  EXPECT_EQ(read.data, (Bytes{0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0, 0, 0, 0}));
  EXPECT_FALSE(api.WriteView(view + 100, {5}).fault) << "inferred:view-tail-bytes";
  EXPECT_EQ(file_size(f), 36u);
}

// Issue 6: a 4 GiB file section (size_high 1) costs nothing until written, and a read costs the
// bytes it returns, never the file's or the view's size (fuzz_program timed out here).
TEST_F(ModelTest, Files_FourGiBSectionReadsCostTheBytesRead) {
  constexpr std::uint64_t k4G = std::uint64_t{1} << 32;
  const Handle f = file(u"big.bin", 0);
  const Handle m = mapping(f, page::kReadWrite, k4G);
  ASSERT_NE(m, kNullHandle) << err(api.GetLastError());
  EXPECT_EQ(file_size(f), k4G) << "spec:S1, S6: PAGE_READWRITE grows the file to the size";
  ASSERT_TRUE(api.WriteFile(f, k4G - 2, {0xab, 0xcd}));
  const Address view = api.MapViewOfFile(m, kRead, 0, 0, 0);
  ASSERT_NE(view, 0u) << err(api.GetLastError());
  EXPECT_EQ(query(view).region_size, k4G);

  ViewAccess read = api.ReadView(view + k4G - 4, 4);
  EXPECT_FALSE(read.fault);
  EXPECT_EQ(read.data, (Bytes{0, 0, 0xab, 0xcd})) << "spec:N19: the view shows the file's bytes";
  // A read asking for 4 GiB - 1 bytes: the bytes up to the end of the view, then the fault.
  read = api.ReadView(view + k4G - 3, 0xffffffffu);
  EXPECT_TRUE(read.fault);
  EXPECT_EQ(read.data, (Bytes{0, 0xab, 0xcd}));
  read = api.ReadView(view + k4G / 2, kPage);
  EXPECT_EQ(read.data, Bytes(kPage, 0)) << "inferred:grown-bytes-zero";
  // ReadFile: up to the end of file whatever the length asked (bytes read < bytes asked).
  Bytes data;
  ASSERT_TRUE(api.ReadFile(f, k4G - 3, 0xffffffffu, &data));
  EXPECT_EQ(data, (Bytes{0, 0xab, 0xcd}));
  // The largest read a case may ask for (kMaxReadLength, 1 MiB) in the middle of the file.
  ASSERT_TRUE(api.ReadFile(f, k4G / 2, 1u << 20, &data));
  EXPECT_EQ(data.size(), 1u << 20);
  EXPECT_LE(api.live_counts().allocated_bytes, 64u * 1024) << "one written 64 KiB chunk";
}

}  // namespace
}  // namespace fmconf::testing
