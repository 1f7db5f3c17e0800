// Table 1D: MapViewOfFile desired access vs the mapping's protection (spec:D0-D31, the rule
// below the table), the further MapViewOfFile rows D40-D57 and SEC_IMAGE views.
#include "model_test_support.hpp"

namespace fmconf::testing {
namespace {

using namespace map_access;
constexpr bool Y = true;   // OK
constexpr bool N = false;  // DENIED

struct ViewRow {
  const char* id;
  std::uint32_t access;
  std::uint32_t result;  // resulting view protection
  bool ro, rw, xr, xrw;  // columns; H0 is DENIED for every row
};

const ViewRow kRows[] = {
    {"D0", 0, page::kNoAccess, Y, Y, Y, Y},
    {"D1", kCopy, page::kWriteCopy, Y, Y, Y, Y},
    {"D2", kWrite, page::kReadWrite, N, Y, N, Y},
    {"D6", kRead | kWrite, page::kReadWrite, N, Y, N, Y},
    {"D7", kRead | kWrite | kCopy, page::kReadWrite, N, Y, N, Y},
    {"D8", kSectionMapExecute, page::kNoAccess, Y, Y, Y, Y},
    {"D10", kSectionMapExecute | kWrite, page::kReadWrite, N, Y, N, Y},
    {"D12", kSectionMapExecute | kRead, page::kReadOnly, Y, Y, Y, Y},
    {"D13", kSectionMapExecute | kRead | kCopy, page::kReadOnly, Y, Y, Y, Y},
    {"D14", kSectionMapExecute | kRead | kWrite, page::kReadWrite, N, Y, N, Y},
    {"D15", kSectionMapExecute | kRead | kWrite | kCopy, page::kReadWrite, N, Y, N, Y},
    {"D16", kExecute, page::kNoAccess, Y, Y, Y, Y},
    {"D17", kExecute | kCopy, page::kExecuteWriteCopy, N, N, Y, Y},
    {"D18", kExecute | kWrite, page::kExecuteReadWrite, N, N, N, Y},
    {"D19", kExecute | kWrite | kCopy, page::kExecuteReadWrite, N, N, N, Y},
    {"D20", kExecute | kRead, page::kExecuteRead, N, N, Y, Y},
    {"D21", kExecute | kRead | kCopy, page::kExecuteRead, N, N, Y, Y},
    {"D22", kExecute | kRead | kWrite, page::kExecuteReadWrite, N, N, N, Y},
    {"D23", kExecute | kRead | kWrite | kCopy, page::kExecuteReadWrite, N, N, N, Y},
    {"D24", kExecute | kSectionMapExecute, page::kNoAccess, Y, Y, Y, Y},
    {"D25", kExecute | kSectionMapExecute | kCopy, page::kNoAccess, Y, Y, Y, Y},
    {"D26", kExecute | kSectionMapExecute | kWrite, page::kExecuteReadWrite, N, N, N, Y},
    {"D27", kExecute | kSectionMapExecute | kWrite | kCopy, page::kExecuteReadWrite, N, N, N, Y},
    {"D28", kExecute | kSectionMapExecute | kRead, page::kExecuteRead, N, N, Y, Y},
    {"D29", kExecute | kSectionMapExecute | kRead | kCopy, page::kExecuteRead, N, N, Y, Y},
    {"D31", kExecute | kSectionMapExecute | kRead | kWrite | kCopy, page::kExecuteReadWrite, N, N,
     N, Y},
};

struct Column {
  const char* name;
  std::uint32_t protect;  // 0: H0 (PAGE_READONLY mapping duplicated with access 0)
  bool ViewRow::*ok;
};
const Column kColumns[] = {
    {"RO_READONLY", page::kReadOnly, &ViewRow::ro},
    {"RO_WRITECOPY", page::kWriteCopy, &ViewRow::ro},
    {"RW", page::kReadWrite, &ViewRow::rw},
    {"XR_EXECUTE_READ", page::kExecuteRead, &ViewRow::xr},
    {"XR_EXECUTE_WRITECOPY", page::kExecuteWriteCopy, &ViewRow::xr},
    {"XRW", page::kExecuteReadWrite, &ViewRow::xrw},
    {"H0", 0, nullptr},
};
// rwx_file / anon: the handle CreateFileMapping returned; reopened: a FILE_MAP_ALL_ACCESS handle
// from OpenFileMapping, so only the section's protection decides (H13).
enum class Backing { rwx_file, anon, reopened };

void PrintTo(const ViewRow& row, std::ostream* os) { *os << row.id; }
void PrintTo(const Column& column, std::ostream* os) { *os << column.name; }
void PrintTo(Backing backing, std::ostream* os) {
  *os << (backing == Backing::anon ? "anon" : backing == Backing::reopened ? "reopened" : "file");
}

using Param = std::tuple<ViewRow, Column, Backing>;
class ViewAccess1D : public ModelTest, public ::testing::WithParamInterface<Param> {};

TEST_P(ViewAccess1D, MapViewOfFileAnswersAsTheTableSays) {
  const auto& [row, column, backing] = GetParam();
  SCOPED_TRACE(std::string("spec:") + row.id + " column " + column.name + " access " +
               flags(row.access, Family::map_access));
  const std::uint32_t protect = column.protect ? column.protect : page::kReadOnly;
  const Handle f =
      backing == Backing::anon ? kInvalidHandleValue : file(u"map.bin", 2 * kPage, kGenericRWX);
  Handle m = mapping(f, protect, 2 * kPage,
                     backing == Backing::reopened ? OptionalName(u"1D") : std::nullopt);
  ASSERT_NE(m, kNullHandle) << err(api.GetLastError());
  if (backing == Backing::reopened) m = api.OpenFileMappingW(kAllAccess, false, u"1D");
  if (!column.protect) {
    Handle zero = kNullHandle;
    ASSERT_TRUE(api.DuplicateHandle(m, 0, false, &zero));
    m = zero;
  }
  const bool ok = column.ok ? row.*column.ok : false;
  sentinel();
  const Address view = api.MapViewOfFile(m, row.access, 0, 0, 0);
  if (!ok) {
    EXPECT_EQ(view, 0u) << "expected DENIED";
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
    return;
  }
  ASSERT_NE(view, 0u) << "expected OK, got " << err(api.GetLastError());
  EXPECT_EQ(api.GetLastError(), kLastErrorSentinel) << "a successful view leaves the last error";
  const MemoryInfo info = query(view);
  EXPECT_EQ(prot(info.protect), prot(row.result));
  EXPECT_EQ(prot(info.allocation_protect), prot(row.result));
  EXPECT_EQ(info.state, mem::kCommit);
  EXPECT_EQ(info.type, mem::kMapped);
  EXPECT_EQ(info.region_size, 2 * kPage);
}

INSTANTIATE_TEST_SUITE_P(
    Table1D, ViewAccess1D,
    ::testing::Combine(::testing::ValuesIn(kRows), ::testing::ValuesIn(kColumns),
                       ::testing::Values(Backing::rwx_file, Backing::anon, Backing::reopened)),
    [](const auto& param_info) {
      return std::string(std::get<0>(param_info.param).id) + "_" +
             std::get<1>(param_info.param).name +
             (std::get<2>(param_info.param) == Backing::anon       ? "_anon"
              : std::get<2>(param_info.param) == Backing::reopened ? "_reopened"
                                                                   : "_file");
    });

// 1D: a GENERIC_READ file allows only PAGE_READONLY/PAGE_WRITECOPY mappings (A6, A7, A11-A14).
TEST_F(ModelTest, D_ReadOnlyFileAllowsOnlyReadMappings) {
  const Handle f = file(u"ro.bin", 2 * kPage, kGenericRead);
  for (const std::uint32_t p : {page::kReadOnly, page::kWriteCopy}) {
    EXPECT_NE(mapping(f, p, 2 * kPage), kNullHandle) << prot(p);
  }
  for (const std::uint32_t p :
       {page::kReadWrite, page::kExecuteRead, page::kExecuteReadWrite, page::kExecuteWriteCopy}) {
    EXPECT_EQ(mapping(f, p, 2 * kPage), kNullHandle) << prot(p);
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied})) << prot(p);
  }
}

class Views : public ModelTest {
 protected:
  Handle rw_mapping(std::uint32_t protect = page::kReadWrite,
                    const char16_t* path = u"testfile.xxx") {
    f = file(path, 12288);
    return mapping(f, protect, 4096);
  }
  Handle f = kNullHandle;
};

TEST_F(Views, D40_ReadWriteMappingAllowsEveryDataView) {
  const Handle m = rw_mapping();
  for (const std::uint32_t a : {kRead, kCopy, 0u, kWrite}) {
    EXPECT_NE(api.MapViewOfFile(m, a, 0, 0, 0), 0u) << flags(a, Family::map_access);
  }
}

TEST_F(Views, D41_D42_D44_DuplicatedHandlesKeepTheirAccess) {
  const Handle m = rw_mapping();
  Handle rw = kNullHandle, ro = kNullHandle;
  ASSERT_TRUE(api.DuplicateHandle(m, kRead | kWrite, false, &rw));
  ASSERT_TRUE(api.DuplicateHandle(m, kRead, false, &ro));
  EXPECT_NE(api.MapViewOfFile(rw, kWrite, 0, 0, 0), 0u) << "spec:D41";
  EXPECT_EQ(api.MapViewOfFile(ro, kWrite, 0, 0, 0), 0u) << "spec:D42";
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied})) << "spec:D42";
  EXPECT_NE(api.MapViewOfFile(ro, 0, 0, 0, 0), 0u) << "spec:D44";
}

TEST_F(Views, D45_D46_D47_D48_ReadOnlyAndWriteCopyMappings) {
  for (const auto& [row_ok, row_denied, protect, path] :
       {std::tuple{"D45", "D46", page::kReadOnly, u"a.bin"},
        std::tuple{"D47", "D48", page::kWriteCopy, u"b.bin"}}) {
    const Handle m = rw_mapping(protect, path);
    for (const std::uint32_t a : {kRead, kCopy, 0u}) {
      EXPECT_NE(api.MapViewOfFile(m, a, 0, 0, 0), 0u) << "spec:" << row_ok;
    }
    EXPECT_EQ(api.MapViewOfFile(m, kWrite, 0, 0, 0), 0u) << "spec:" << row_denied;
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidParameter, error::kAccessDenied}))
        << "spec:" << row_denied;
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied})) << "modern value";
    api.CloseHandle(m);
    api.CloseHandle(f);
  }
}

TEST_F(Views, D49_UnmapOfAnAddressInNoView) {
  const Handle m = rw_mapping();
  const Address view = api.MapViewOfFile(m, kRead, 0, 0, 0);
  for (const Address a : {view + 0x3000, Address{0xdeadbeef}, Address{0}}) {
    sentinel();
    EXPECT_FALSE(api.UnmapViewOfFile(a));
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidAddress}));
  }
}

TEST_F(Views, D50_AnyAddressInsideAViewUnmapsIt) {
  f = file(u"testfile.xxx", 12288);
  const Handle m = mapping(f, page::kReadOnly, 12288);
  for (const std::uint64_t inside : {100u, 4096u, 4196u}) {
    const Address view = api.MapViewOfFile(m, kRead, 0, 0, 12288);
    ASSERT_NE(view, 0u);
    EXPECT_TRUE(api.UnmapViewOfFile(view + inside)) << err(api.GetLastError());
    EXPECT_EQ(query(view).state, mem::kFree);
  }
}

TEST_F(Views, D51_AllocationProtectIsTheRequestedOne) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite | sec::kCommit, 4096);
  for (const auto& [a, p] : {std::pair{kRead, page::kReadOnly}, std::pair{kCopy, page::kWriteCopy},
                             std::pair{kWrite, page::kReadWrite}}) {
    const Address view = api.MapViewOfFile(m, a, 0, 0, 0);
    EXPECT_EQ(prot(query(view).allocation_protect), prot(p));
  }
}

TEST_F(Views, D52_ExplicitBaseOverlappingAViewIsRejected) {
  const Handle m = rw_mapping();
  const Address view = api.MapViewOfFile(m, kRead, 0, 0, 0);
  sentinel();
  EXPECT_EQ(api.MapViewOfFileEx(m, kRead, 0, 0, 0, view), 0u);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidAddress}));
  // A free aligned base is honoured.
  const Address wanted = view + 0x100000;
  EXPECT_EQ(api.MapViewOfFileEx(m, kRead, 0, 0, 0, wanted), wanted);
}

TEST_F(Views, D53_D54_Alignment) {
  f = file(u"big.bin", 0x30000);
  const Handle m = mapping(f, page::kReadWrite, 0);
  EXPECT_EQ(api.MapViewOfFile(m, kRead, 0, 1, 0), 0u) << "spec:D53";
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kMappedAlignment}));
  EXPECT_EQ(api.MapViewOfFile(m, kRead, 0, 0x1000, 0), 0u) << "spec:D53";
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kMappedAlignment}));
  EXPECT_NE(api.MapViewOfFile(m, kRead, 0, 0x10000, 0), 0u) << "granularity multiple";
  const Address view = api.MapViewOfFile(m, kRead, 0, 0, 0);
  for (const Address base : {view + 42, view + 0x1000}) {
    EXPECT_EQ(api.MapViewOfFileEx(m, kRead, 0, 0, 0, base + 0x100000), 0u) << "spec:D54";
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kMappedAlignment}));
  }
}

TEST_F(Views, D55_ViewBeyondTheSectionIsRejected) {
  f = file(u"sect.bin", 0x3456);
  const Handle m = mapping(f, page::kReadOnly, 0x3452);
  EXPECT_NE(api.MapViewOfFile(m, kRead, 0, 0, 0x3452), 0u);
  EXPECT_EQ(api.MapViewOfFile(m, kRead, 0, 0, 0x3453), 0u);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
  EXPECT_EQ(api.MapViewOfFile(m, kRead, 0, 0x10000, 0), 0u) << "offset past the end";
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
  // bytes 0 maps to the end: RegionSize is the page-rounded section size.
  EXPECT_EQ(query(api.MapViewOfFile(m, kRead, 0, 0, 0)).region_size, 0x4000u);
}

TEST_F(Views, D57_InvalidMappingHandles) {
  const Handle event = api.CreateEventW(false, false, std::nullopt);
  for (const Handle h : {kNullHandle, kInvalidHandleValue, kCurrentThread, event, Handle{0x1234}}) {
    sentinel();
    EXPECT_EQ(api.MapViewOfFile(h, kWrite, 0, 0, 0), 0u);
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle})) << h;
  }
}

// 1D SEC_IMAGE views: header page PAGE_READONLY, AllocationProtect PAGE_EXECUTE_WRITECOPY,
// RegionSize one page, MEM_IMAGE; access compatibility uses the flProtect given.
TEST_F(ModelTest, D_ImageViews) {
  const Handle f = pe_file();
  EXPECT_EQ(mapping(f, sec::kImage | page::kNoAccess, 0), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidParameter}));
  EXPECT_EQ(mapping(f, sec::kImage | page::kExecute, 0), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidParameter}));
  const Handle m = mapping(f, sec::kImage | page::kExecuteRead, 0);
  ASSERT_NE(m, kNullHandle) << err(api.GetLastError());
  const Address view = api.MapViewOfFile(m, kRead, 0, 0, 0);
  ASSERT_NE(view, 0u) << err(api.GetLastError());
  const MemoryInfo header = query(view);
  EXPECT_EQ(prot(header.protect), prot(page::kReadOnly));
  EXPECT_EQ(prot(header.allocation_protect), prot(page::kExecuteWriteCopy));
  EXPECT_EQ(header.region_size, kPage);
  EXPECT_EQ(header.type, mem::kImage);
  EXPECT_EQ(api.ReadView(view, 2).data, (Bytes{'M', 'Z'}));
  EXPECT_TRUE(api.WriteView(view, {0}).fault) << "the header page is read-only";
  // The same compatibility table with the flProtect (EXECUTE_READ): a write view is denied.
  EXPECT_EQ(api.MapViewOfFile(m, kWrite, 0, 0, 0), 0u);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
  SectionInfo info;
  ASSERT_TRUE(api.QuerySection(m, &info));
  EXPECT_EQ(info.size, 0x7000u) << "SizeOfImage (inferred:image-layout)";
}

}  // namespace
}  // namespace fmconf::testing
