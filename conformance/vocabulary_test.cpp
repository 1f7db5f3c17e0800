// The vocabulary parses and prints every flag family the case format uses.
#include "api/vocabulary.hpp"

#include <gtest/gtest.h>

namespace fmconf {
namespace {

TEST(Vocabulary, ParsesJoinedNamesAndNumbers) {
  EXPECT_EQ(parse_flags("PAGE_READWRITE|SEC_COMMIT", Family::protect), 0x08000004u);
  EXPECT_EQ(parse_flags(" PAGE_READONLY | 0x100 ", Family::protect), 0x102u);
  EXPECT_EQ(parse_flags("0x20000004", Family::protect), 0x20000004u);
  EXPECT_EQ(parse_flags("GENERIC_READ|GENERIC_WRITE", Family::file_access), 0xc0000000u);
  EXPECT_EQ(parse_flags("FILE_MAP_READ|SECTION_QUERY", Family::map_access), 0x5u);
  EXPECT_EQ(parse_flags("0", Family::share), 0u);
}

TEST(Vocabulary, RejectsUnknownNamesWithTheFamily) {
  std::string error;
  EXPECT_FALSE(parse_flags("PAGE_READWRIT", Family::protect, &error));
  EXPECT_EQ(error, "unknown flag 'PAGE_READWRIT' for protect");
  EXPECT_FALSE(parse_flags("FILE_MAP_READ", Family::protect, &error));
  EXPECT_FALSE(parse_flags("", Family::protect, &error));
  EXPECT_FALSE(parse_flags("0x100000000", Family::protect, &error));
}

TEST(Vocabulary, PrintsSymbolsThenRemainingBits) {
  EXPECT_EQ(format_flags(0x08000004u, Family::protect), "PAGE_READWRITE|SEC_COMMIT");
  EXPECT_EQ(format_flags(sec::kImageNoExecute, Family::protect), "SEC_IMAGE_NO_EXECUTE");
  EXPECT_EQ(format_flags(0x0800, Family::protect), "0x800");
  EXPECT_EQ(format_flags(0, Family::protect), "0");
  EXPECT_EQ(format_flags(map_access::kAllAccess, Family::map_access), "FILE_MAP_ALL_ACCESS");
  EXPECT_EQ(format_flags(0x5, Family::map_access), "FILE_MAP_COPY|FILE_MAP_READ");
  EXPECT_EQ(format_flags(3, Family::disposition), "OPEN_EXISTING");
}

TEST(Vocabulary, ErrorNamesRoundTrip) {
  for (const auto& s : error_symbols()) {
    EXPECT_EQ(error_name(s.value), s.name);
    EXPECT_EQ(parse_error(s.name), s.value);
  }
  EXPECT_EQ(error_name(0xdeadbeef), "0xdeadbeef");
  EXPECT_EQ(parse_error("0x57"), 87u);
  EXPECT_FALSE(parse_error("ERROR_NOPE"));
}

}  // namespace
}  // namespace fmconf
