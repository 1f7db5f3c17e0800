// Table 1G: file sharing and truncation while mapped (spec:G1-G7): the mapping is created from a
// GENERIC_READ|GENERIC_WRITE, share-0 handle, size 0:0, and the file handle is then closed.
#include "model_test_support.hpp"

namespace fmconf::testing {
namespace {

class MappedFile : public ModelTest {
 protected:
  // A mapped file whose handle is closed (the mapping alone holds the file).
  Handle map_then_close(std::uint32_t protect, bool image = false) {
    Handle f;
    if (image) {
      const Handle w =
          api.CreateFileW(u"mapped.dll", kGenericRW, 0, disposition::kCreateAlways, 0x80);
      EXPECT_TRUE(api.WriteFile(w, 0, minimal_pe()));
      api.CloseHandle(w);
      f = api.CreateFileW(u"mapped.dll", kGenericRW | kGenericExecute, 0,
                          disposition::kOpenExisting, 0x80);
    } else {
      f = api.CreateFileW(u"mapped.dll", kGenericRW, 0, disposition::kCreateAlways, 0x80);
      EXPECT_TRUE(api.SetFileSize(f, 4096));
    }
    const Handle m = mapping(f, protect | (image ? sec::kImage : 0), 0);
    EXPECT_NE(m, kNullHandle) << err(api.GetLastError());
    api.CloseHandle(f);
    return m;
  }
  Handle open(std::uint32_t access, std::uint32_t share, std::uint32_t disposition,
              std::uint32_t flags = 0x80) {
    sentinel();
    return api.CreateFileW(u"mapped.dll", access, share, disposition, flags);
  }
};

TEST_F(MappedFile, G1_DataMappingDoesNotHoldShareAccess) {
  for (const std::uint32_t p : {page::kReadOnly, page::kWriteCopy}) {
    const Handle m = map_then_close(p);
    for (const std::uint32_t access : {0u, kGenericRead, kGenericWrite, kGenericRW}) {
      for (const std::uint32_t share : {0u, 1u, 2u, 3u, 7u}) {
        const Handle h = open(access, share, disposition::kOpenExisting);
        EXPECT_NE(h, kInvalidHandleValue) << "spec:G1 " << err(api.GetLastError());
        EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess}));
        api.CloseHandle(h);
      }
    }
    api.CloseHandle(m);
  }
}

TEST_F(MappedFile, G2_WritableDataMappingNeedsWriteSharing) {
  // Kept-aside row G2 (inferred:share-access): the PAGE_READWRITE line of test_file_sharing.
  {
    const Handle m = map_then_close(page::kReadWrite);
    for (const std::uint32_t access : {kGenericRead, kGenericWrite, kGenericRW}) {
      for (const std::uint32_t share : {0u, 1u, 2u, 3u, 7u}) {
        const Handle h = open(access, share, disposition::kOpenExisting);
        if (share & share::kWrite) {
          EXPECT_NE(h, kInvalidHandleValue) << "share " << share << " " << err(api.GetLastError());
          api.CloseHandle(h);
        } else {
          EXPECT_EQ(h, kInvalidHandleValue) << "share " << share;
          EXPECT_TRUE(error_is(api.GetLastError(), {error::kSharingViolation}))
              << err(api.GetLastError());
        }
      }
    }
    api.CloseHandle(m);
  }
}

TEST_F(MappedFile, G3_ImageMappingRefusesWriters) {
  map_then_close(page::kWriteCopy, true);
  for (const std::uint32_t share : {0u, 1u, 3u, 7u}) {
    EXPECT_EQ(open(file_access::kWriteData, share, disposition::kOpenExisting),
              kInvalidHandleValue);
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kSharingViolation})) << "spec:G3";
  }
  const Handle reader = open(kGenericRead, 7, disposition::kOpenExisting);
  EXPECT_NE(reader, kInvalidHandleValue) << "readers are fine";
}

TEST_F(MappedFile, G4_DataMappingRefusesTruncation) {
  for (const std::uint32_t p : {page::kReadOnly, page::kWriteCopy, page::kReadWrite}) {
    const Handle m = map_then_close(p);
    EXPECT_EQ(open(kGenericWrite, kShareRW, disposition::kCreateAlways), kInvalidHandleValue);
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kUserMappedFile})) << "spec:G4 " << prot(p);
    // ... and so does SetEndOfFile below the section size (same rule).
    const Handle h = open(kGenericRW, kShareRW, disposition::kOpenExisting);
    sentinel();
    EXPECT_FALSE(api.SetFileSize(h, 100));
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kUserMappedFile}));
    EXPECT_TRUE(api.SetFileSize(h, 8192)) << "growing is fine";
    api.CloseHandle(h);
    api.CloseHandle(m);
    // Without the mapping the truncation works.
    const Handle t = open(kGenericWrite, kShareRW, disposition::kCreateAlways);
    EXPECT_NE(t, kInvalidHandleValue);
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kAlreadyExists}));
    EXPECT_EQ(file_size(t), 0u);
    api.CloseHandle(t);
  }
}

TEST_F(MappedFile, G5_ImageMappingRefusesOverwrite) {
  map_then_close(page::kWriteCopy, true);
  EXPECT_EQ(open(kGenericWrite, kShareRW, disposition::kCreateAlways), kInvalidHandleValue);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSharingViolation})) << "spec:G5";
}

TEST_F(MappedFile, G6_G7_DeleteOnCloseOpens) {
  const Handle data = map_then_close(page::kReadOnly);
  const Handle h =
      open(kGenericRead, kShareRW, disposition::kOpenExisting, file_flags::kDeleteOnClose);
  EXPECT_NE(h, kInvalidHandleValue) << "spec:G6 " << err(api.GetLastError());
  api.CloseHandle(h);
  api.CloseHandle(data);
  map_then_close(page::kWriteCopy, true);
  EXPECT_EQ(open(kGenericRead, kShareRW, disposition::kOpenExisting, file_flags::kDeleteOnClose),
            kInvalidHandleValue);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied})) << "spec:G7";
}

}  // namespace
}  // namespace fmconf::testing
