// Table 1C: SEC_* attribute combinations and the attributes NtQuerySection reports
// (spec:C1-C43, spec:H4-H7, spec:§5). Rows marked _prose are derived from the §5 text, not a table
// row.
#include "model_test_support.hpp"

namespace fmconf::testing {
namespace {

enum class Kind { anon, data, pe };

struct AttributeRow {
  const char* id;
  Kind kind;
  std::uint32_t flags;
  std::uint32_t error;       // 0: succeeds
  std::uint32_t attributes;  // reported on success (0: the flags themselves)
};

void PrintTo(const AttributeRow& row, std::ostream* os) { *os << row.id; }

using namespace sec;
constexpr std::uint32_t kInvalid = error::kInvalidParameter;
const AttributeRow kRows[] = {
    {"C1", Kind::anon, kReserve | kNoCache, 0, 0},
    {"C2", Kind::anon, kReserve | kLargePages, kInvalid, 0},
    {"C3", Kind::anon, kReserve | kWriteCombine, 0, 0},
    {"C4", Kind::anon, kCommit, 0, 0},
    {"C5", Kind::anon, kCommit | kNoCache, 0, 0},
    {"C6", Kind::anon, kCommit | kWriteCombine, 0, 0},
    {"C7", Kind::anon, kReserve | kCommit, kInvalid, 0},
    {"C8", Kind::anon, kImage, error::kBadExeFormat, 0},
    {"C9_prose", Kind::anon, kImage | kReserve, kInvalid, 0},
    {"C10_prose", Kind::anon, kImage | kCommit, kInvalid, 0},
    {"C11", Kind::anon, kNoCache, kInvalid, 0},
    {"C12", Kind::anon, kLargePages, kInvalid, 0},
    {"C13", Kind::anon, kWriteCombine, kInvalid, 0},
    {"C14", Kind::anon, kFile, kInvalid, 0},
    {"C15", Kind::anon, kFile | kReserve, kInvalid, 0},
    {"C16", Kind::anon, kFile | kCommit, kInvalid, 0},
    {"C18_prose", Kind::data, kReserve, 0, kFile},
    {"C19", Kind::data, kReserve | kNoCache, 0, kFile | kNoCache},
    {"C20", Kind::data, kReserve | kLargePages, kInvalid, 0},
    {"C21_prose", Kind::data, kReserve | kWriteCombine, 0, kFile | kWriteCombine},
    {"C22", Kind::data, kCommit, 0, kFile},
    {"C23_prose", Kind::data, kCommit | kNoCache, 0, kFile | kNoCache},
    {"C24", Kind::data, kCommit | kLargePages, kInvalid, 0},
    {"C25_prose", Kind::data, kCommit | kWriteCombine, 0, kFile | kWriteCombine},
    {"C26", Kind::data, kReserve | kCommit, kInvalid, 0},
    {"C27", Kind::data, kImage, error::kBadExeFormat, 0},
    {"C28", Kind::data, kImage | kReserve, kInvalid, 0},
    {"C29", Kind::data, kImage | kCommit, kInvalid, 0},
    {"C30_prose", Kind::data, kNoCache, kInvalid, 0},
    {"C31", Kind::data, kLargePages, kInvalid, 0},
    {"C32", Kind::data, kWriteCombine, kInvalid, 0},
    {"C33", Kind::data, kFile, kInvalid, 0},
    {"C34_prose", Kind::data, kFile | kReserve, kInvalid, 0},
    {"C35", Kind::data, kFile | kCommit, kInvalid, 0},
    {"C36", Kind::data, 0, 0, kFile},
    {"C37_prose", Kind::pe, kImage, 0, kImage | kFile},
    {"C38", Kind::pe, kImage | kFile, kInvalid, 0},
    {"C39_prose", Kind::pe, kImageNoExecute, 0, kImage | kFile | kNoCache},
    {"C40", Kind::pe, kImage | kLargePages, kInvalid, 0},
    {"C41", Kind::pe, kImage | kWriteCombine, kInvalid, 0},
    {"C42", Kind::pe, kImage | kReserve, kInvalid, 0},
    {"C43", Kind::pe, kImage | kCommit, kInvalid, 0},
};

class SectionAttributes : public ModelTest, public ::testing::WithParamInterface<AttributeRow> {};

TEST_P(SectionAttributes, CreateAndQueryAsTheRowSays) {
  const AttributeRow& row = GetParam();
  SCOPED_TRACE(std::string("spec:") + row.id + " flags " + prot(row.flags));
  Handle f = kInvalidHandleValue;
  std::uint32_t perm = page::kReadWrite;
  if (row.kind == Kind::data) f = file(u"data.tmp", 0x2000);
  if (row.kind == Kind::pe) {
    f = pe_file(u"kernel32.dll", kGenericRead);
    perm = page::kReadOnly;
  }
  sentinel();
  const Handle m = api.CreateFileMappingA(f, false, row.flags | perm, 0, 0x1000,
                                          std::string("Wine Test Mapping"));
  if (row.error) {
    EXPECT_EQ(m, kNullHandle);
    EXPECT_TRUE(error_is(api.GetLastError(), {row.error}));
    return;
  }
  ASSERT_NE(m, kNullHandle) << err(api.GetLastError());
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess}));
  SectionInfo info;
  ASSERT_TRUE(api.QuerySection(m, &info)) << err(api.GetLastError());
  const std::uint32_t expected = row.attributes ? row.attributes : row.flags;
  EXPECT_EQ(flags(info.attributes, Family::section_attributes),
            flags(expected, Family::section_attributes));
}

INSTANTIATE_TEST_SUITE_P(Table1C, SectionAttributes, ::testing::ValuesIn(kRows),
                         [](const auto& param_info) { return std::string(param_info.param.id); });

// spec:H4, spec:N10: no attribute on a pagefile section means SEC_COMMIT.
TEST_F(ModelTest, H4_NoAttributeMeansCommit) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite, 4090);
  SectionInfo info;
  ASSERT_TRUE(api.QuerySection(m, &info));
  EXPECT_EQ(flags(info.attributes, Family::section_attributes),
            flags(sec::kCommit, Family::section_attributes));
  EXPECT_EQ(info.size, 4096u);
}

// inferred:large-pages: the documented combination fails without SeLockMemoryPrivilege.
TEST_F(ModelTest, H7_LargePagesNeedThePrivilege) {
  EXPECT_EQ(
      mapping(kInvalidHandleValue, sec::kCommit | sec::kLargePages | page::kReadWrite, 2 << 20),
      kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kPrivilegeNotHeld}));
}

// inferred:image-without-file-order: protection before C8.
TEST_F(ModelTest, C8_ProtectionIsCheckedBeforeTheMissingImageFile) {
  EXPECT_EQ(mapping(kInvalidHandleValue, sec::kImage | page::kNoAccess, kPage), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidParameter}));
}

}  // namespace
}  // namespace fmconf::testing
