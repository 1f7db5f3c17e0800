// Table 1A: file-backed CreateFileMapping vs the file handle's access (spec:A5-A20, spec:H3).
#include "model_test_support.hpp"

namespace fmconf::testing {
namespace {

struct FileAccessRow {
  const char* id;
  std::uint32_t file_access;
  std::uint64_t file_size;
  std::uint32_t protect;
  std::uint64_t size;
  bool ok;
  std::vector<std::uint32_t> errors;  // accepted errors when !ok (EITHER rows list two)
};

void PrintTo(const FileAccessRow& row, std::ostream* os) { *os << row.id; }

constexpr std::uint64_t k12K = 12288;
const FileAccessRow kRows[] = {
    {"A5",
     kGenericRead,
     k12K,
     page::kReadWrite,
     4096,
     false,
     {error::kAccessDenied, error::kInvalidParameter}},
    {"A6", kGenericRead, k12K, page::kWriteCopy, 4096, true, {}},
    {"A7", kGenericRead, k12K, page::kReadOnly, 4096, true, {}},
    {"A8",
     0,
     k12K,
     page::kReadWrite,
     4096,
     false,
     {error::kAccessDenied, error::kInvalidParameter}},
    {"A9",
     0,
     k12K,
     page::kWriteCopy,
     4096,
     false,
     {error::kAccessDenied, error::kInvalidParameter}},
    // A10 (from §2.4 prose): access 0 fails even for PAGE_READONLY.
    {"A10_prose",
     0,
     k12K,
     page::kReadOnly,
     4096,
     false,
     {error::kAccessDenied, error::kInvalidParameter}},
    {"A11", kGenericRead, 2 * kPage, page::kReadWrite, 2 * kPage, false, {error::kAccessDenied}},
    {"A12", kGenericRead, k12K, page::kExecuteReadWrite, 4096, false, {error::kAccessDenied}},
    {"A13", kGenericRead, k12K, page::kExecuteRead, 4096, false, {error::kAccessDenied}},
    {"A14", kGenericRead, k12K, page::kExecuteWriteCopy, 4096, false, {error::kAccessDenied}},
    {"A16", kGenericRead, k12K, page::kReadOnly, 4096, true, {}},
    {"A18", kGenericRead, 0, page::kReadWrite, 0, false, {error::kAccessDenied}},
    {"A19", kGenericRead, 0, page::kReadOnly, 2048, false, {error::kNotEnoughMemory}},
    {"A20_READONLY", kGenericRWX, k12K, page::kReadOnly, 4096, true, {}},
    {"A20_READWRITE", kGenericRWX, k12K, page::kReadWrite, 4096, true, {}},
    {"A20_WRITECOPY", kGenericRWX, k12K, page::kWriteCopy, 4096, true, {}},
    {"A20_EXECUTE_READ", kGenericRWX, k12K, page::kExecuteRead, 4096, true, {}},
    {"A20_EXECUTE_READWRITE", kGenericRWX, k12K, page::kExecuteReadWrite, 4096, true, {}},
    {"A20_EXECUTE_WRITECOPY", kGenericRWX, k12K, page::kExecuteWriteCopy, 4096, true, {}},
};

class FileAccess : public ModelTest, public ::testing::WithParamInterface<FileAccessRow> {};

TEST_P(FileAccess, CreateFileMappingAnswersAsTheRowSays) {
  const FileAccessRow& row = GetParam();
  SCOPED_TRACE(std::string("spec:") + row.id + " protect " + prot(row.protect));
  const Handle f = file(u"testfile.xxx", row.file_size, row.file_access);
  const Handle m = mapping(f, row.protect, row.size);
  if (row.ok) {
    EXPECT_NE(m, kNullHandle) << "expected a handle, got NULL with " << err(api.GetLastError());
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess}));
  } else {
    EXPECT_EQ(m, kNullHandle) << "expected NULL";
    const std::uint32_t got = api.GetLastError();
    EXPECT_TRUE(std::find(row.errors.begin(), row.errors.end(), got) != row.errors.end())
        << "got " << err(got) << ", expected " << err(row.errors.front())
        << (row.errors.size() > 1 ? " or " + err(row.errors[1]) : "");
    // Modern Windows' value for the EITHER rows (inferred:either-values).
    EXPECT_TRUE(error_is(got, {row.errors.front()}));
  }
  // spec:A18, spec:A19: a failed mapping never grows the file.
  EXPECT_EQ(file_size(f), row.file_size);
}

INSTANTIATE_TEST_SUITE_P(Table1A, FileAccess, ::testing::ValuesIn(kRows),
                         [](const auto& param_info) { return std::string(param_info.param.id); });

// spec:A17 (§2.4 prose): SEC_IMAGE|PAGE_READONLY works on a GENERIC_READ-only handle.
TEST_F(ModelTest, A17_ImageReadOnlyOnReadOnlyHandle) {
  const Handle f = pe_file(u"image.dll", kGenericRead);
  const Handle m = mapping(f, sec::kImage | page::kReadOnly, 0);
  EXPECT_NE(m, kNullHandle) << err(api.GetLastError());
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess}));
  // ... but SEC_IMAGE|PAGE_EXECUTE_READ needs GENERIC_EXECUTE (H3, inferred:image-file-access).
  EXPECT_EQ(mapping(f, sec::kImage | page::kExecuteRead, 0), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
}

}  // namespace
}  // namespace fmconf::testing
