// Table 1E: named mappings, OpenFileMapping and handle lifetime (spec:N1-N33).
#include "model_test_support.hpp"

namespace fmconf::testing {
namespace {

using namespace map_access;

TEST_F(ModelTest, N1_N3_N4_NamesAreCaseSensitive) {
  sentinel();
  const Handle a =
      api.CreateFileMappingA(kInvalidHandleValue, false, sec::kCommit | page::kReadWrite, 0, 0x1000,
                             std::string("Wine Test Mapping"));
  ASSERT_NE(a, kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess})) << "spec:N1";
  sentinel();
  const Handle b =
      api.CreateFileMappingA(kInvalidHandleValue, false, sec::kCommit | page::kReadWrite, 0, 0x1000,
                             std::string("WINE TEST MAPPING"));
  ASSERT_NE(b, kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess})) << "spec:N3: a distinct object";
  const Handle c = api.OpenFileMappingA(kAllAccess, false, "Wine Test Mapping");
  EXPECT_NE(c, kNullHandle) << "spec:N4 " << err(api.GetLastError());
  // The opened handle names the first object: a write through it is seen by a's views.
  const Address va = api.MapViewOfFile(a, kRead, 0, 0, 0);
  const Address vc = api.MapViewOfFile(c, kWrite, 0, 0, 0);
  EXPECT_FALSE(api.WriteView(vc, {7}).fault);
  EXPECT_EQ(api.ReadView(va, 1).data, Bytes{7});
  EXPECT_EQ(api.ReadView(api.MapViewOfFile(b, kRead, 0, 0, 0), 1).data, Bytes{0});
}

class LocalFoo : public ModelTest {
 protected:
  void SetUp() override {
    ModelTest::SetUp();
    sentinel();
    original = api.CreateFileMappingA(kInvalidHandleValue, false, page::kReadWrite, 0, 4090,
                                      std::string("Local\\Foo"));
    ASSERT_NE(original, kNullHandle) << "spec:N6 " << err(api.GetLastError());
  }
  Handle original = kNullHandle;
};

TEST_F(LocalFoo, N7_N8_ReadHandleMapsReadViewsOnly) {
  const Handle h = api.OpenFileMappingA(kRead, false, "Local\\Foo");
  ASSERT_NE(h, kNullHandle);
  sentinel();
  EXPECT_EQ(api.MapViewOfFile(h, kWrite, 0, 0, 0), 0u) << "spec:N7";
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied})) << "spec:N7";
  const Address view = api.MapViewOfFile(h, kRead, 0, 0, 0);
  ASSERT_NE(view, 0u) << "spec:N8";
  const MemoryInfo info = query(view);
  EXPECT_EQ(prot(info.allocation_protect), prot(page::kReadOnly)) << "spec:N8";
  EXPECT_EQ(prot(info.protect), prot(page::kReadOnly)) << "spec:N8";
  EXPECT_EQ(info.region_size, 4096u) << "spec:N8: 4090 rounded to a page";
  EXPECT_EQ(info.state, mem::kCommit) << "spec:N8";
}

TEST_F(LocalFoo, N9_N10_QueryNeedsSectionQuery) {
  const Handle read_only = api.OpenFileMappingA(kRead, false, "Local\\Foo");
  SectionInfo info;
  sentinel();
  EXPECT_FALSE(api.QuerySection(read_only, &info)) << "spec:N9";
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied})) << "spec:N9";
  const Handle query_handle = api.OpenFileMappingA(kRead | kSectionQuery, false, "Local\\Foo");
  ASSERT_TRUE(api.QuerySection(query_handle, &info)) << "spec:N10";
  EXPECT_EQ(flags(info.attributes, Family::section_attributes),
            flags(sec::kCommit, Family::section_attributes))
      << "spec:N10";
  EXPECT_EQ(info.size, 4096u) << "spec:N10";
}

TEST_F(LocalFoo, N11_WriteHandleCannotMapRead) {
  const Handle h = api.OpenFileMappingA(kWrite, false, "Local\\Foo");
  ASSERT_NE(h, kNullHandle);
  EXPECT_EQ(api.MapViewOfFile(h, kRead, 0, 0, 0), 0u);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied})) << "spec:N11";
}

TEST_F(LocalFoo, N6_LocalAndUnprefixedAreOneObject) {
  sentinel();
  const Handle again = api.CreateFileMappingW(kInvalidHandleValue, false, page::kReadWrite, 0, 4096,
                                              std::u16string(u"Foo"));
  EXPECT_NE(again, kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAlreadyExists}));
}

TEST_F(ModelTest, N13_N14_N15_N16_NameDiesWithTheLastHandleSectionWithTheLastView) {
  constexpr std::uint64_t kSize = 0x100000;
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite, kSize, u"Foo");
  ASSERT_NE(m, kNullHandle);
  const Address view = api.MapViewOfFile(m, kWrite, 0, 0, 0);
  ASSERT_NE(view, 0u);
  EXPECT_FALSE(api.WriteView(view, {0x4d}).fault);
  const Handle opened = api.OpenFileMappingA(kRead, false, "Foo");
  EXPECT_TRUE(api.CloseHandle(m)) << "spec:N13";
  EXPECT_TRUE(api.CloseHandle(opened)) << "spec:N13";
  // spec:N13: the view stays readable, VirtualQuery unchanged.
  EXPECT_EQ(api.ReadView(view, 1).data, Bytes{0x4d});
  MemoryInfo info = query(view);
  EXPECT_EQ(prot(info.protect), prot(page::kReadWrite));
  EXPECT_EQ(info.state, mem::kCommit);
  EXPECT_EQ(info.type, mem::kMapped);
  EXPECT_EQ(info.region_size, kSize);
  // spec:N14: the name is gone although the section lives.
  sentinel();
  EXPECT_EQ(api.OpenFileMappingA(kRead, false, "Foo"), kNullHandle) << "spec:N14";
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kFileNotFound})) << "spec:N14";
  // spec:N15: a new create makes a new object, last error 0.
  const Handle fresh = mapping(kInvalidHandleValue, page::kReadWrite, kSize, u"Foo");
  ASSERT_NE(fresh, kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess})) << "spec:N15";
  EXPECT_EQ(api.ReadView(api.MapViewOfFile(fresh, kRead, 0, 0, 0), 1).data, Bytes{0});
  // spec:N16: unmapping frees the memory.
  EXPECT_TRUE(api.UnmapViewOfFile(view));
  EXPECT_TRUE(api.ReadView(view, 1).fault);
  info = query(view);
  EXPECT_EQ(info.state, mem::kFree);
  EXPECT_EQ(prot(info.protect), prot(page::kNoAccess));
  EXPECT_EQ(info.allocation_base, 0u);
  EXPECT_EQ(info.allocation_protect, 0u);
  EXPECT_EQ(info.type, 0u);
}

TEST_F(ModelTest, N18_N19_N20_N21_SharedMemoryThroughReopenedNames) {
  const Handle parent = mapping(kInvalidHandleValue, page::kReadWrite, 4096, u"winetest_ro");
  const Address parent_view = api.MapViewOfFile(parent, kRead, 0, 0, 0);
  // spec:N18: the "child" re-creates it: ERROR_ALREADY_EXISTS, same object.
  const Handle child = mapping(kInvalidHandleValue, page::kReadWrite, 4096, u"winetest_ro");
  ASSERT_NE(child, kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAlreadyExists})) << "spec:N18";
  // spec:N19: a READ|WRITE view's writes are seen.
  const Address rw = api.MapViewOfFile(child, kRead | kWrite, 0, 0, 0);
  EXPECT_FALSE(api.WriteView(rw, {1}).fault);
  EXPECT_EQ(api.ReadView(parent_view, 1).data, Bytes{1}) << "spec:N19";
  // spec:N20: a FILE_MAP_COPY view's writes are private.
  const Address copy = api.MapViewOfFile(child, kCopy, 0, 0, 0);
  EXPECT_FALSE(api.WriteView(copy, {2}).fault);
  EXPECT_EQ(api.ReadView(parent_view, 1).data, Bytes{1}) << "spec:N20";
  EXPECT_EQ(api.ReadView(copy, 1).data, Bytes{2}) << "spec:N20";
  // spec:N21: FILE_MAP_COPY|FILE_MAP_WRITE acts as FILE_MAP_WRITE.
  const Address copy_write = api.MapViewOfFile(child, kCopy | kWrite, 0, 0, 0);
  EXPECT_FALSE(api.WriteView(copy_write, {3}).fault);
  EXPECT_EQ(api.ReadView(parent_view, 1).data, Bytes{3}) << "spec:N21";
}

TEST_F(ModelTest, N23_H9_ReopenKeepsTheExistingSize) {
  const Handle first = mapping(kInvalidHandleValue, page::kReadWrite, 256, u"om.c-test");
  ASSERT_NE(first, kNullHandle);
  const Handle second = mapping(kInvalidHandleValue, page::kReadWrite, 0x10000, u"om.c-test");
  ASSERT_NE(second, kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAlreadyExists})) << "spec:N23";
  SectionInfo info;
  ASSERT_TRUE(api.QuerySection(second, &info));
  EXPECT_EQ(info.size, 4096u) << "spec:H9: its current size, not the specified size";
}

TEST_F(ModelTest, N25_N26_OneNamespaceForEveryType) {
  ASSERT_NE(api.CreateEventW(false, false, std::u16string(u"shared-name")), kNullHandle);
  sentinel();
  EXPECT_EQ(mapping(kInvalidHandleValue, page::kReadWrite, 4096, u"shared-name"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle})) << "spec:N26";
  sentinel();
  EXPECT_EQ(api.OpenFileMappingW(kRead, false, u"shared-name"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle})) << "spec:N25";
  ASSERT_NE(api.CreateMutexW(false, std::u16string(u"mutex-name")), kNullHandle);
  EXPECT_EQ(api.OpenEventW(sync_access::kEventAllAccess, false, u"mutex-name"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle})) << "spec:N25";
  EXPECT_EQ(api.CreateSemaphoreW(0, 1, std::u16string(u"mutex-name")), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle})) << "spec:N26";
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite, 4096, u"section-name");
  ASSERT_NE(m, kNullHandle);
  EXPECT_EQ(api.CreateEventW(false, false, std::u16string(u"section-name")), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle})) << "spec:H17";
}

TEST_F(ModelTest, N30_OpenWithNoAccessIsDenied) {
  ASSERT_NE(api.CreateMutexW(false, std::u16string(u"m")), kNullHandle);
  sentinel();
  EXPECT_EQ(api.OpenMutexW(0, false, u"m"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied})) << "spec:N30";
  ASSERT_NE(mapping(kInvalidHandleValue, page::kReadWrite, 4096, u"s"), kNullHandle);
  EXPECT_EQ(api.OpenFileMappingW(0, false, u"s"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied})) << "N30 analogy";
}

TEST_F(ModelTest, N33_MappingHandleIsNoFileHandle) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite, 4096);
  std::uint64_t size = 0;
  sentinel();
  EXPECT_FALSE(api.GetFileSizeEx(m, &size));
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle})) << "spec:N33 analogy";
}

}  // namespace
}  // namespace fmconf::testing
