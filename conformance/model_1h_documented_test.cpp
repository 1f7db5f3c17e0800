// Table 1H: documentation-only facts (spec:H1-H17).
#include "model_test_support.hpp"

namespace fmconf::testing {
namespace {

using namespace map_access;

TEST_F(ModelTest, H1_H2_WriteCopyMappingsBehaveLikeTheirReadOnlyTwins) {
  const Handle f = file(u"h.bin", kPage, kGenericRWX);
  for (const auto& [copy, read] : {std::pair{page::kWriteCopy, page::kReadOnly},
                                   std::pair{page::kExecuteWriteCopy, page::kExecuteRead}}) {
    const Handle a = mapping(f, copy, kPage);
    const Handle b = mapping(f, read, kPage);
    for (const std::uint32_t access :
         {0u, kCopy, kRead, kWrite, kExecute | kRead, kExecute | kCopy, kExecute | kWrite}) {
      const bool ok_a = api.MapViewOfFile(a, access, 0, 0, 0) != 0;
      const bool ok_b = api.MapViewOfFile(b, access, 0, 0, 0) != 0;
      EXPECT_EQ(ok_a, ok_b) << prot(copy) << " vs " << prot(read) << " for "
                            << flags(access, Family::map_access);
    }
  }
}

TEST_F(ModelTest, H3_RequiredFileRights) {
  struct Row {
    std::uint32_t protect, file_access;
    bool ok;
  };
  for (const Row r :
       {Row{page::kReadOnly, kGenericRead, true}, Row{page::kWriteCopy, kGenericRead, true},
        Row{page::kReadWrite, kGenericRead, false}, Row{page::kReadWrite, kGenericRW, true},
        Row{page::kReadWrite, kGenericWrite, false},
        Row{page::kExecuteRead, kGenericRead | kGenericExecute, true},
        Row{page::kExecuteWriteCopy, kGenericRead | kGenericExecute, true},
        Row{page::kExecuteReadWrite, kGenericRW, false},
        Row{page::kExecuteReadWrite, kGenericRWX, true},
        Row{page::kReadOnly, file_access::kReadData, true}}) {
    const Handle f = file(u"h3.bin", kPage, r.file_access);
    const Handle m = mapping(f, r.protect, kPage);
    EXPECT_EQ(m != kNullHandle, r.ok)
        << prot(r.protect) << " file access " << flags(r.file_access, Family::file_access) << " "
        << err(api.GetLastError());
    if (!r.ok) {
      EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
    }
    api.CloseHandle(m);
    api.CloseHandle(f);
  }
}

TEST_F(ModelTest, H8_ZeroSizeMeansTheFileSize) {
  const Handle f = file(u"h8.bin", 5000);
  SectionInfo info;
  ASSERT_TRUE(api.QuerySection(mapping(f, page::kReadOnly, 0), &info));
  EXPECT_EQ(info.size, 5000u);
}

TEST_F(ModelTest, H10_NewHandleMapsEveryViewTheProtectionAllows) {
  const Handle m = mapping(kInvalidHandleValue, page::kExecuteReadWrite, kPage);
  for (const std::uint32_t access :
       {0u, kCopy, kRead, kWrite, kExecute | kRead, kExecute | kWrite, kAllAccess}) {
    EXPECT_NE(api.MapViewOfFile(m, access, 0, 0, 0), 0u) << flags(access, Family::map_access);
  }
  SectionInfo info;
  EXPECT_TRUE(api.QuerySection(m, &info));
}

TEST_F(ModelTest, H11_PagefileIsZeroAndGrowthBeyondTheDiskFails) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite, 3 * kPage);
  EXPECT_EQ(api.ReadView(api.MapViewOfFile(m, kRead, 0, 0, 0), 3 * kPage).data,
            Bytes(3 * kPage, 0));
  ModelConfig small;
  small.disk_capacity = 1 << 20;
  ModelApi tiny(small);
  tiny.begin_case();
  const Handle f = tiny.CreateFileW(u"f", kGenericRW, 0, disposition::kCreateAlways, 0x80);
  tiny.SetLastError(kLastErrorSentinel);
  EXPECT_EQ(tiny.CreateFileMappingW(f, false, page::kReadWrite, 0, 2 << 20, std::nullopt),
            kNullHandle);
  EXPECT_TRUE(error_is(tiny.GetLastError(), {error::kDiskFull}));
  EXPECT_FALSE(tiny.SetFileSize(f, 2 << 20));
  EXPECT_TRUE(error_is(tiny.GetLastError(), {error::kDiskFull}));
  EXPECT_TRUE(tiny.check_invariants().empty());
  tiny.end_case();
}

TEST_F(ModelTest, H12_AllAccessAndReadWriteAreWrite) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite, kPage);
  for (const std::uint32_t access : {kAllAccess, kRead | kWrite, kWrite}) {
    const Address view = api.MapViewOfFile(m, access, 0, 0, 0);
    EXPECT_EQ(prot(query(view).protect), prot(page::kReadWrite))
        << flags(access, Family::map_access);
  }
}

TEST_F(ModelTest, H13_ViewNeedsACompatibleProtection) {
  const Handle f = file(u"h13.bin", kPage, kGenericRWX);
  for (const std::uint32_t p :
       {page::kReadOnly, page::kReadWrite, page::kWriteCopy, page::kExecuteRead,
        page::kExecuteReadWrite, page::kExecuteWriteCopy}) {
    const Handle m = mapping(f, p, kPage);
    const bool writable = p == page::kReadWrite || p == page::kExecuteReadWrite;
    const bool exec =
        p == page::kExecuteRead || p == page::kExecuteReadWrite || p == page::kExecuteWriteCopy;
    EXPECT_EQ(api.MapViewOfFile(m, kWrite, 0, 0, 0) != 0, writable) << prot(p);
    EXPECT_NE(api.MapViewOfFile(m, kRead, 0, 0, 0), 0u) << prot(p);
    EXPECT_NE(api.MapViewOfFile(m, kCopy, 0, 0, 0), 0u) << prot(p);
    EXPECT_EQ(api.MapViewOfFile(m, kExecute | kRead, 0, 0, 0) != 0, exec) << prot(p);
  }
}

TEST_F(ModelTest, H14_OffsetsAndLengths) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite, 0x30000);
  const Address second = api.MapViewOfFile(m, kWrite, 0, 0x10000, 0);
  ASSERT_NE(second, 0u);
  EXPECT_EQ(query(second).region_size, 0x20000u) << "bytes 0: to the end of the mapping";
  const Address whole = api.MapViewOfFile(m, kRead, 0, 0, 0);
  EXPECT_FALSE(api.WriteView(second, {9}).fault);
  EXPECT_EQ(api.ReadView(whole + 0x10000, 1).data, Bytes{9}) << "same bytes at the offset";
}

TEST_F(ModelTest, H16_OpenFileMappingPrefixes) {
  ASSERT_NE(mapping(kInvalidHandleValue, page::kReadWrite, kPage, u"Global\\g"), kNullHandle);
  ASSERT_NE(mapping(kInvalidHandleValue, page::kReadWrite, kPage, u"Local\\l"), kNullHandle);
  EXPECT_NE(api.OpenFileMappingW(kRead, false, u"Global\\g"), kNullHandle);
  EXPECT_NE(api.OpenFileMappingW(kRead, false, u"Local\\l"), kNullHandle);
  EXPECT_NE(api.OpenFileMappingW(kRead, false, u"l"), kNullHandle);
  EXPECT_EQ(api.OpenFileMappingW(kRead, false, u"g"), kNullHandle) << "global is elsewhere";
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kFileNotFound}));
  EXPECT_EQ(api.OpenFileMappingW(kRead, false, u"a\\l"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kPathNotFound}));
}

}  // namespace
}  // namespace fmconf::testing
