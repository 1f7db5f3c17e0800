// Object lifetime and reference counts (§3 Lifetime, DOC-CFM "does not close until all
// references to it are released", 1G "the mapping alone holds the file").
#include "model_test_support.hpp"

namespace fmconf::testing {
namespace {

using namespace map_access;

TEST_F(ModelTest, Lifetime_SectionLivesWhileAHandleOrAViewHoldsIt) {
  const Handle m = mapping(kInvalidHandleValue, page::kReadWrite, kPage);
  const Address view = api.MapViewOfFile(m, kWrite, 0, 0, 0);
  EXPECT_EQ(api.live_counts().objects, 1u);
  api.CloseHandle(m);
  check_invariants();
  EXPECT_EQ(api.live_counts().objects, 1u) << "the view holds the section";
  EXPECT_FALSE(api.WriteView(view, {5}).fault);
  api.UnmapViewOfFile(view);
  check_invariants();
  EXPECT_EQ(api.live_counts().objects, 0u);
  EXPECT_EQ(api.live_counts().commit_charge, 0u);
}

TEST_F(ModelTest, Lifetime_FileObjectLivesWhileASectionHoldsIt) {
  const Handle f = file(u"held.bin", kPage);
  const Handle m = mapping(f, page::kReadWrite, 0);
  api.CloseHandle(f);
  check_invariants();
  EXPECT_EQ(api.live_counts().objects, 2u) << "section + file object";
  const Address view = api.MapViewOfFile(m, kWrite, 0, 0, 0);
  api.CloseHandle(m);
  EXPECT_FALSE(api.WriteView(view, {0x42}).fault);
  api.UnmapViewOfFile(view);
  check_invariants();
  EXPECT_EQ(api.live_counts().objects, 0u);
  // The write reached the file.
  const Handle again = api.CreateFileW(u"held.bin", kGenericRead, 0, disposition::kOpenExisting, 0);
  Bytes data;
  ASSERT_TRUE(api.ReadFile(again, 0, 1, &data));
  EXPECT_EQ(data, Bytes{0x42});
}

TEST_F(ModelTest, Lifetime_DeleteOnCloseFileStaysMappedAfterItsNameIsGone) {
  const Handle f =
      api.CreateFileW(u"temp.bin", kGenericRW, share::kRead | share::kWrite | share::kDelete,
                      disposition::kCreateAlways, file_flags::kDeleteOnClose);
  ASSERT_TRUE(api.WriteFile(f, 0, {1, 2, 3}));
  const Handle m = mapping(f, page::kReadOnly, 0);
  const Address view = api.MapViewOfFile(m, kRead, 0, 0, 0);
  api.CloseHandle(f);
  check_invariants();
  sentinel();
  EXPECT_EQ(api.CreateFileW(u"temp.bin", kGenericRead, 7, disposition::kOpenExisting, 0),
            kInvalidHandleValue);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kFileNotFound})) << "the name is gone";
  EXPECT_EQ(api.ReadView(view, 3).data, (Bytes{1, 2, 3})) << "the section keeps the bytes";
  api.CloseHandle(m);
  api.UnmapViewOfFile(view);
  EXPECT_EQ(api.live_counts().files, 0u);
}

TEST_F(ModelTest, Lifetime_DeletePendingRefusesNewOpens) {
  const Handle keep = api.CreateFileW(u"p.bin", kGenericRead, 7, disposition::kCreateAlways, 0);
  const Handle del = api.CreateFileW(u"p.bin", kGenericRead, 7, disposition::kOpenExisting,
                                     file_flags::kDeleteOnClose);
  ASSERT_NE(del, kInvalidHandleValue) << err(api.GetLastError());
  api.CloseHandle(del);
  sentinel();
  EXPECT_EQ(api.CreateFileW(u"p.bin", kGenericRead, 7, disposition::kOpenExisting, 0),
            kInvalidHandleValue);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied})) << "inferred:delete-pending";
  api.CloseHandle(keep);
  EXPECT_EQ(api.CreateFileW(u"p.bin", kGenericRead, 7, disposition::kOpenExisting, 0),
            kInvalidHandleValue);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kFileNotFound}));
}

TEST_F(ModelTest, Lifetime_EndCaseReleasesEverything) {
  const Handle f = file(u"a.bin", 3 * kPage);
  const Handle m = mapping(f, page::kReadWrite, 0, u"named");
  api.MapViewOfFile(m, kWrite, 0, 0, 0);
  api.CreateEventW(false, false, std::u16string(u"ev"));
  Handle dup = kNullHandle;
  api.DuplicateHandle(m, 0, true, &dup);
  api.end_case();
  EXPECT_EQ(api.live_counts(), LiveCounts{});
  EXPECT_TRUE(api.check_invariants().empty());
  api.begin_case();
  sentinel();
  EXPECT_EQ(api.OpenFileMappingW(kRead, false, u"named"), kNullHandle);
  EXPECT_EQ(api.CreateFileW(u"a.bin", kGenericRead, 7, disposition::kOpenExisting, 0),
            kInvalidHandleValue)
      << "begin_case() starts from an empty folder";
}

}  // namespace
}  // namespace fmconf::testing
