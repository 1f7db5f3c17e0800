// Table 1B: flProtect validity (spec:B1-B31) for every value of the low protection byte, the
// view every valid one gives, and the copy-on-write protections after a write (B34, B35).
#include "model_test_support.hpp"

#include <map>

namespace fmconf::testing {
namespace {

const std::map<std::uint32_t, const char*> kRowIds = {
    {0x00, "B1"},  {0x01, "B2"},  {0x02, "B3"},  {0x03, "B4"},  {0x04, "B5"},  {0x05, "B6"},
    {0x06, "B7"},  {0x09, "B10"}, {0x0a, "B11"}, {0x0b, "B12"}, {0x0c, "B13"}, {0x0e, "B15"},
    {0x0f, "B16"}, {0x10, "B17"}, {0x20, "B18"}, {0x30, "B19"}, {0x40, "B20"}, {0x50, "B21"},
    {0x60, "B22"}, {0x70, "B23"}, {0x80, "B24"}, {0x90, "B25"}, {0xb0, "B27"}, {0xc0, "B28"},
    {0xd0, "B29"}, {0xe0, "B30"}, {0xf0, "B31"}};

bool documented_valid(std::uint32_t p) {
  return p == page::kReadOnly || p == page::kReadWrite || p == page::kWriteCopy ||
         p == page::kExecuteRead || p == page::kExecuteReadWrite || p == page::kExecuteWriteCopy;
}

class Protection : public ModelTest, public ::testing::WithParamInterface<std::uint32_t> {};

TEST_P(Protection, OnlyTheSixProtectionsAreValid) {
  const std::uint32_t p = GetParam();
  const auto row = kRowIds.find(p);
  SCOPED_TRACE(std::string("spec:") + (row != kRowIds.end() ? row->second : "B (derived)") +
               " flProtect " + prot(p));
  const Handle f = file(u"prot.bin", kPage, kGenericRWX);
  const Handle m = mapping(f, p | sec::kCommit, kPage);
  if (!documented_valid(p)) {
    EXPECT_EQ(m, kNullHandle);
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidParameter}));
    return;
  }
  ASSERT_NE(m, kNullHandle) << err(api.GetLastError());
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess}));
  // Every successful row: a FILE_MAP_READ view is PAGE_READONLY, committed, one page.
  const Address view = api.MapViewOfFile(m, map_access::kRead, 0, 0, 0);
  ASSERT_NE(view, 0u) << err(api.GetLastError());
  const MemoryInfo info = query(view);
  EXPECT_EQ(prot(info.protect), prot(page::kReadOnly));
  EXPECT_EQ(prot(info.allocation_protect), prot(page::kReadOnly));
  EXPECT_EQ(info.state, mem::kCommit);
  EXPECT_EQ(info.type, mem::kMapped);
  EXPECT_EQ(info.region_size, kPage);
}

INSTANTIATE_TEST_SUITE_P(Table1B, Protection, ::testing::Range(0u, 0x100u),
                         [](const auto& param_info) {
                           char name[48];
                           const auto row = kRowIds.find(param_info.param);
                           std::snprintf(name, sizeof name, "%s_0x%02x",
                                         row != kRowIds.end() ? row->second : "derived",
                                         param_info.param);
                           return std::string(name);
                         });

// inferred:protect-modifiers: PAGE_GUARD / PAGE_NOCACHE / PAGE_WRITECOMBINE and unknown bits.
TEST_F(ModelTest, B_ModifierBitsAreInvalid) {
  const Handle f = file(u"prot.bin", kPage, kGenericRWX);
  for (const std::uint32_t modifier : {page::kGuard, page::kNoCache, page::kWriteCombine, 0x1000u,
                                       0x100000u, sec::kProtectedImage}) {
    SCOPED_TRACE(prot(page::kReadWrite | modifier));
    EXPECT_EQ(mapping(f, page::kReadWrite | modifier, kPage), kNullHandle);
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidParameter}));
  }
}

// spec:B34, spec:B35 (via a copy-on-write view instead of VirtualProtect): after a write the page
// reports PAGE_READWRITE / PAGE_EXECUTE_READWRITE and the region is split to that page.
TEST_F(ModelTest, B34_B35_WrittenCopyOnWritePageBecomesReadWrite) {
  const Handle f = file(u"cow.bin", 4 * kPage, kGenericRWX);
  const Handle m = mapping(f, page::kExecuteReadWrite, 0);
  ASSERT_NE(m, kNullHandle);
  struct Case {
    const char* row;
    std::uint32_t access, before, after;
  };
  for (const Case c : {Case{"B34", map_access::kCopy, page::kWriteCopy, page::kReadWrite},
                       Case{"B35", map_access::kCopy | map_access::kExecute,
                            page::kExecuteWriteCopy, page::kExecuteReadWrite}}) {
    SCOPED_TRACE(std::string("spec:") + c.row);
    const Address view = api.MapViewOfFile(m, c.access, 0, 0, 0);
    ASSERT_NE(view, 0u) << err(api.GetLastError());
    EXPECT_EQ(prot(query(view).protect), prot(c.before));
    EXPECT_EQ(query(view).region_size, 4 * kPage);
    EXPECT_FALSE(api.WriteView(view + kPage + 8, {0xde, 0xad}).fault);
    const MemoryInfo first = query(view);
    EXPECT_EQ(prot(first.protect), prot(c.before));
    EXPECT_EQ(first.region_size, kPage);
    const MemoryInfo written = query(view + kPage);
    EXPECT_EQ(prot(written.protect), prot(c.after));
    EXPECT_EQ(prot(written.allocation_protect), prot(c.before));
    EXPECT_EQ(written.region_size, kPage);
    const MemoryInfo rest = query(view + 2 * kPage);
    EXPECT_EQ(prot(rest.protect), prot(c.before));
    EXPECT_EQ(rest.region_size, 2 * kPage);
    // spec:S22: the write stays private; the file is untouched.
    Bytes data;
    EXPECT_TRUE(api.ReadFile(f, kPage + 8, 2, &data));
    EXPECT_EQ(data, (Bytes{0, 0}));
    EXPECT_EQ(api.ReadView(view + kPage + 8, 2).data, (Bytes{0xde, 0xad}));
    EXPECT_TRUE(api.UnmapViewOfFile(view));
  }
}

}  // namespace
}  // namespace fmconf::testing
