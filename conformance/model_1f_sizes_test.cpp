// Table 1F: sizes and file growth (spec:S1-S22, spec:§5).
#include "model_test_support.hpp"

namespace fmconf::testing {
namespace {

using namespace map_access;

TEST_F(ModelTest, S1_S2_ReadWriteMappingGrowsTheFileSoZeroZeroMapsLater) {
  const Handle f = file(u"grow.bin", 0);
  const Handle m = mapping(f, page::kReadWrite, 0x1000);
  ASSERT_NE(m, kNullHandle) << "S1 " << err(api.GetLastError());
  EXPECT_EQ(file_size(f), 0x1000u);
  api.CloseHandle(m);
  EXPECT_NE(mapping(f, page::kReadWrite, 0), kNullHandle) << "spec:S2 " << err(api.GetLastError());
}

TEST_F(ModelTest, S3_S13_S15_EmptyFileWithZeroSize) {
  const Handle f = file(u"empty.bin", 0);
  for (const std::uint32_t p : {page::kReadWrite, page::kReadOnly}) {
    EXPECT_EQ(mapping(f, p, 0), kNullHandle) << prot(p);
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kFileInvalid}))
        << "spec:S3, S13, S15 " << prot(p);
  }
}

TEST_F(ModelTest, S4_S4b_S4c_AbsurdSizesFail) {
  const Handle f = file(u"empty.bin", 0);
  struct Size {
    const char* row;
    std::uint32_t high, low;
  };
  for (const Size s :
       {Size{"S4", 0x8000000, 0x10000}, Size{"S4b", 0x80000000, 0},
        Size{"S4b", 0x80000000, 0x10000}, Size{"S4c", 0x1000, 0}, Size{"S4c", 0x1000, 0x10000}}) {
    sentinel();
    EXPECT_EQ(api.CreateFileMappingW(f, false, page::kReadWrite, s.high, s.low, std::nullopt),
              kNullHandle)
        << "spec:" << s.row;
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kNotEnoughMemory, error::kInvalidParameter}))
        << "spec:" << s.row;
    EXPECT_EQ(file_size(f), 0u) << "spec:" << s.row << ": nothing allocated or grown";
  }
  EXPECT_LT(api.live_counts().allocated_bytes, 1u << 20);
}

TEST_F(ModelTest, S5_ReadOnlyLargerThanTheFileFails) {
  const Handle f = file(u"s5.bin", 0x3456);
  EXPECT_EQ(mapping(f, page::kReadOnly, 0x3457), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kNotEnoughMemory})) << "spec:S5";
  EXPECT_EQ(file_size(f), 0x3456u) << "spec:S5: not grown";
  // inferred:grow-only-writable (open question 3).
  for (const std::uint32_t p : {page::kWriteCopy, page::kExecuteRead, page::kExecuteWriteCopy}) {
    const Handle x = file(u"s5x.bin", 0x3456, kGenericRWX);
    EXPECT_EQ(mapping(x, p, 0x3457), kNullHandle) << prot(p);
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kNotEnoughMemory})) << prot(p);
    api.CloseHandle(x);
  }
}

TEST_F(ModelTest, S6_ReadWriteMappingGrowsTheFileToTheSize) {
  const Handle f = file(u"s6.bin", 4096);
  const Handle m = mapping(f, page::kReadWrite, 0x100000, u"Foo");
  ASSERT_NE(m, kNullHandle);
  SectionInfo info;
  ASSERT_TRUE(api.QuerySection(m, &info));
  EXPECT_EQ(info.size, 0x100000u);
  EXPECT_EQ(flags(info.attributes, Family::section_attributes),
            flags(sec::kFile, Family::section_attributes));
  EXPECT_EQ(query(api.MapViewOfFile(m, kRead, 0, 0, 0)).region_size, 0x100000u);
  EXPECT_EQ(file_size(f), 0x100000u);
}

TEST_F(ModelTest, S6_DocExample_GrowthIsExactAndExecuteReadWriteGrowsToo) {
  // §2.5: CREATE_ALWAYS then PAGE_READWRITE size 1024, named: the file becomes 1024 bytes.
  const Handle f = api.CreateFileW(u"example.bin", kGenericRW, 0, disposition::kCreateAlways, 0x80);
  const Handle m = mapping(f, page::kReadWrite, 1024, u"example");
  ASSERT_NE(m, kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess}));
  EXPECT_EQ(file_size(f), 1024u);
  const Handle x = file(u"x.bin", 10, kGenericRWX);
  ASSERT_NE(mapping(x, page::kExecuteReadWrite, 5000), kNullHandle);
  EXPECT_EQ(file_size(x), 5000u) << "DOC-CFM: PAGE_EXECUTE_READWRITE grows too";
}

TEST_F(ModelTest, S8_S9_FileSectionsAreExact) {
  const Handle f = file(u"s8.bin", 0x3456);
  SectionInfo info;
  const Handle whole = mapping(f, page::kReadOnly, 0);
  ASSERT_TRUE(api.QuerySection(whole, &info));
  EXPECT_EQ(info.size, 0x3456u) << "spec:S8";
  const Handle part = mapping(f, page::kReadOnly | sec::kCommit, 0x3452);
  ASSERT_TRUE(api.QuerySection(part, &info));
  EXPECT_EQ(info.size, 0x3452u) << "spec:S9";
  EXPECT_EQ(flags(info.attributes, Family::section_attributes),
            flags(sec::kFile, Family::section_attributes))
      << "spec:S9";
}

TEST_F(ModelTest, S10_S11_PagefileSectionsArePageRounded) {
  SectionInfo info;
  ASSERT_TRUE(api.QuerySection(mapping(kInvalidHandleValue, page::kReadOnly | sec::kCommit, 0x3452),
                               &info));
  EXPECT_EQ(info.size, 0x4000u) << "spec:S10";
  EXPECT_EQ(flags(info.attributes, Family::section_attributes),
            flags(sec::kCommit, Family::section_attributes));
  ASSERT_TRUE(api.QuerySection(mapping(kInvalidHandleValue, page::kReadWrite, 4090), &info));
  EXPECT_EQ(info.size, 4096u) << "spec:S11";
}

TEST_F(ModelTest, S14_EmptyFileAsImage) {
  const Handle f = file(u"empty.dll", 0);
  EXPECT_EQ(mapping(f, sec::kImage | page::kReadOnly, 0), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kBadExeFormat})) << "spec:S14";
}

TEST_F(ModelTest, S17_ReservedPagefileViews) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite | sec::kReserve, 0x100000);
  ASSERT_NE(m, kNullHandle);
  const Address a = api.MapViewOfFile(m, kWrite, 0, 0, 0);
  const Address b = api.MapViewOfFile(m, kWrite, 0, 0, 0);
  ASSERT_NE(a, 0u);
  ASSERT_NE(b, 0u);
  EXPECT_NE(a, b);
  for (const Address view : {a, b}) {
    const MemoryInfo info = query(view);
    EXPECT_EQ(info.state, mem::kReserve);
    EXPECT_EQ(info.protect, 0u);
    EXPECT_EQ(prot(info.allocation_protect), prot(page::kReadWrite));
    EXPECT_EQ(info.type, mem::kMapped);
    EXPECT_EQ(info.region_size, 0x100000u);
    EXPECT_TRUE(api.ReadView(view, 1).fault) << "reserved pages fault";
    EXPECT_TRUE(api.WriteView(view, {1}).fault);
  }
  SectionInfo info;
  ASSERT_TRUE(api.QuerySection(m, &info));
  EXPECT_EQ(flags(info.attributes, Family::section_attributes),
            flags(sec::kReserve, Family::section_attributes));
}

TEST_F(ModelTest, S20_S21_CommittedPagefileViews) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite | sec::kCommit, 0x100000);
  const MemoryInfo info = query(api.MapViewOfFile(m, kWrite, 0, 0, 0));
  EXPECT_EQ(info.state, mem::kCommit) << "spec:S20";
  EXPECT_EQ(prot(info.protect), prot(page::kReadWrite)) << "spec:S20";
  EXPECT_EQ(info.region_size, 0x100000u) << "spec:S20";
  const Handle nocache =
      mapping(kInvalidHandleValue, page::kReadWrite | sec::kCommit | sec::kNoCache, 0x1000);
  const MemoryInfo nc = query(api.MapViewOfFile(nocache, kWrite, 0, 0, 0));
  EXPECT_EQ(prot(nc.protect), prot(page::kReadWrite | page::kNoCache)) << "spec:S21";
  EXPECT_EQ(prot(nc.allocation_protect), prot(page::kReadWrite | page::kNoCache)) << "spec:S21";
}

TEST_F(ModelTest, S22_CopyOnWriteWritesNeverReachTheFile) {
  const Handle f = file(u"s22.bin", 2 * kPage, kGenericRWX);
  for (const std::uint32_t p :
       {page::kReadOnly, page::kReadWrite, page::kWriteCopy, page::kExecuteRead,
        page::kExecuteReadWrite, page::kExecuteWriteCopy}) {
    const Handle m = mapping(f, p, 2 * kPage);
    const Address view = api.MapViewOfFile(m, kCopy, 0, 0, 0);
    ASSERT_NE(view, 0u) << prot(p);
    EXPECT_FALSE(api.WriteView(view, {0xef, 0xbe, 0xad, 0xde}).fault) << prot(p);
    api.UnmapViewOfFile(view);
    api.CloseHandle(m);
  }
  Bytes data;
  ASSERT_TRUE(api.ReadFile(f, 0, 4, &data));
  EXPECT_EQ(data, (Bytes{0, 0, 0, 0})) << "spec:S22";
}

}  // namespace
}  // namespace fmconf::testing
