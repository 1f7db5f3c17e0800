// The namespace rules of §3 beyond table 1E: prefixes, other backslashes, empty names, length
// limits, the ANSI conversion, NULs and lone surrogates.
#include "model_test_support.hpp"
#include "reference/inferred.hpp"

namespace fmconf::testing {
namespace {

using namespace map_access;

class Names : public ModelTest {
 protected:
  Handle create(const std::u16string& name) {
    return mapping(kInvalidHandleValue, page::kReadWrite, kPage, name);
  }
  Handle open(const std::u16string& name) { return api.OpenFileMappingW(kRead, false, name); }
};

TEST_F(Names, LocalPrefixAndUnprefixedShareTheSessionDirectory) {
  ASSERT_NE(create(u"Local\\Foo"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess}));
  ASSERT_NE(create(u"Foo"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAlreadyExists})) << "§3 N32";
  ASSERT_NE(create(u"Session\\1\\Foo"), kNullHandle) << "inferred:session-prefix";
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAlreadyExists}));
  ASSERT_NE(create(u"Global\\Foo"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess})) << "Global is another directory";
  ASSERT_NE(create(u"Session\\0\\Foo"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAlreadyExists})) << "session 0 = global";
  EXPECT_EQ(create(u"Session\\7\\Foo"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kPathNotFound}));
}

TEST_F(Names, BackslashesAndDirectories) {
  struct Row {
    const char16_t* name;
    std::uint32_t create_error, open_error;
  };
  for (const Row r : {Row{u"abc\\def", error::kPathNotFound, error::kPathNotFound},
                      Row{u"\\Foo", error::kBadPathname, error::kBadPathname},
                      Row{u"local\\Foo", error::kPathNotFound, error::kPathNotFound},
                      Row{u"GLOBAL\\Foo", error::kPathNotFound, error::kPathNotFound},
                      Row{u"Local", error::kInvalidHandle, error::kInvalidHandle},
                      Row{u"Global", error::kInvalidHandle, error::kInvalidHandle},
                      Row{u"Session\\1", error::kInvalidHandle, error::kInvalidHandle},
                      Row{u"Local\\", error::kInvalidName, error::kInvalidName},
                      Row{u"Local\\\\Foo", error::kInvalidName, error::kInvalidName},
                      Row{u"Session\\x", error::kAccessDenied, error::kFileNotFound}}) {
    const std::u16string name(r.name);
    sentinel();
    EXPECT_EQ(create(name), kNullHandle);
    EXPECT_TRUE(error_is(api.GetLastError(), {r.create_error}));
    sentinel();
    EXPECT_EQ(open(name), kNullHandle);
    EXPECT_TRUE(error_is(api.GetLastError(), {r.open_error}));
  }
  // A slash is an ordinary character.
  EXPECT_NE(create(u"a/b"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess}));
}

TEST_F(Names, EmptyName) {
  const Handle a = create(u"");
  const Handle b = create(u"");
  ASSERT_NE(a, kNullHandle);
  ASSERT_NE(b, kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess})) << "unnamed, inferred:empty-name";
  EXPECT_EQ(open(u""), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidHandle})) << "§3 DERIVED";
  EXPECT_EQ(api.live_counts().names, 0u);
}

TEST_F(Names, NamesStopAtTheFirstNul) {
  ASSERT_NE(create(std::u16string(u"ab\0cd", 5)), kNullHandle);
  EXPECT_NE(open(u"ab"), kNullHandle);
}

TEST_F(Names, LoneSurrogatesAreOrdinaryCodeUnits) {
  const std::u16string name{u'x', char16_t(0xD800), u'y'};
  ASSERT_NE(create(name), kNullHandle);
  EXPECT_NE(open(name), kNullHandle);
  EXPECT_EQ(open(std::u16string{u'x', char16_t(0xDC00), u'y'}), kNullHandle);
}

TEST_F(Names, WideLengthLimits) {
  ASSERT_NE(create(std::u16string(32766, u'n')), kNullHandle) << err(api.GetLastError());
  EXPECT_EQ(create(std::u16string(32767, u'n')), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidName})) << "inferred:wide-name-limit";
  EXPECT_EQ(create(std::u16string(40000, u'n')), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kFilenameExcedRange}));
}

TEST_F(Names, AnsiNamesConvertFromWindows1252AndStopAt260) {
  sentinel();
  ASSERT_NE(api.CreateFileMappingA(kInvalidHandleValue, false, page::kReadWrite, 0, kPage,
                                   std::string("\x80uro")),
            kNullHandle);
  EXPECT_NE(open(u"\u20acuro"), kNullHandle) << "0x80 is the euro sign";
  EXPECT_NE(api.OpenFileMappingA(kRead, false, "\x80uro"), kNullHandle);
  ASSERT_NE(api.CreateFileMappingA(kInvalidHandleValue, false, page::kReadWrite, 0, kPage,
                                   std::string(260, 'a')),
            kNullHandle);
  sentinel();
  EXPECT_EQ(api.CreateFileMappingA(kInvalidHandleValue, false, page::kReadWrite, 0, kPage,
                                   std::string(261, 'a')),
            kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kFilenameExcedRange}))
      << "inferred:ansi-name-limit";
  EXPECT_EQ(api.OpenFileMappingA(kRead, false, std::string(261, 'a')), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kFilenameExcedRange}));
  // The conversion comes first: even an otherwise invalid call reports it.
  EXPECT_EQ(api.CreateFileMappingA(kInvalidHandleValue, false, page::kReadWrite, 0, 0,
                                   std::string(300, 'a')),
            kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kFilenameExcedRange}));
}

TEST_F(Names, EventsMutexesSemaphores) {
  const Handle e = api.CreateEventW(true, false, std::u16string(u"e"));
  ASSERT_NE(e, kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kSuccess}));
  EXPECT_NE(api.CreateEventW(false, false, std::u16string(u"e")), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAlreadyExists}));
  EXPECT_NE(api.OpenEventW(sync_access::kEventModifyState, false, u"e"), kNullHandle);
  EXPECT_EQ(api.OpenEventW(sync_access::kEventModifyState, false, u"nope"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kFileNotFound}));
  EXPECT_NE(api.CreateMutexW(true, std::u16string(u"m")), kNullHandle);
  EXPECT_NE(api.OpenMutexW(access::kSynchronize, false, u"m"), kNullHandle);
  EXPECT_NE(api.CreateSemaphoreW(1, 2, std::u16string(u"s")), kNullHandle);
  EXPECT_NE(api.OpenSemaphoreW(access::kGenericAll, false, u"s"), kNullHandle);
  for (const auto& [initial, maximum] :
       {std::pair{0, 0}, std::pair{-1, 1}, std::pair{3, 2}, std::pair{0, -5}}) {
    sentinel();
    EXPECT_EQ(api.CreateSemaphoreW(initial, maximum, std::nullopt), kNullHandle);
    EXPECT_TRUE(error_is(api.GetLastError(), {error::kInvalidParameter}))
        << "inferred:semaphore-parameters " << initial << "/" << maximum;
  }
  // Rights beyond the type's ALL_ACCESS are not granted (inferred:open-access-check).
  EXPECT_EQ(api.OpenEventW(0x8000000, false, u"e"), kNullHandle);
  EXPECT_TRUE(error_is(api.GetLastError(), {error::kAccessDenied}));
}

}  // namespace
}  // namespace fmconf::testing
