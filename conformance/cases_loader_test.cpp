// Case-file validation (corpus/case-format.md): every malformed input the issue names gives
// an error naming the file, the line (or array index), the case id, the step and the field, and
// the other cases still load.
#include "cases/case_file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace fmconf {
namespace {

const std::filesystem::path kTestData =
    std::filesystem::path(FMCONF_SOURCE_DIR) / "conformance" / "testdata" / "cases";

// A one-line .jsonl case with the given steps, for targeted validation tests.
std::string one_line(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::string one_case(const std::string& steps, const std::string& extra = "") {
  return one_line(
             R"({"id": "t/case", "title": "t", "provenance": {"kind": "inferred", "source": "test"},)" +
             extra + R"( "steps": )" + steps + "}") +
         "\n";
}

CaseError only_error(const std::string& text) {
  const LoadResult r = load_cases_from_text(text, "mem.jsonl");
  EXPECT_TRUE(r.cases.empty());
  EXPECT_EQ(r.errors.size(), 1u);
  return r.errors.empty() ? CaseError{} : r.errors[0];
}

TEST(CasesLoader, TheContractExampleLoadsWithDefaults) {
  const auto r = load_cases_from_text(R"([{
    "id": "protect/readonly-larger-than-file",
    "title": "PAGE_READONLY with a maximum size above the file size fails, file untouched",
    "provenance": {"kind": "recorded", "source": "spec/windows-behavior.md#sizes"},
    "steps": [
      {"call": "CreateFileW", "out": "f", "path": "data.bin",
       "access": "GENERIC_READ|GENERIC_WRITE", "share": "0", "disposition": "CREATE_ALWAYS"},
      {"call": "SetFileSize", "handle": "f", "size": 100},
      {"call": "CreateFileMappingW", "out": "m", "file": "f", "protect": "PAGE_READONLY",
       "size_high": 0, "size_low": 4096, "name": null,
       "expect": {"ok": false, "error": "ERROR_NOT_ENOUGH_MEMORY"}},
      {"call": "GetFileSize", "handle": "f", "expect": {"size": 100}}
    ]}])",
                                      "example.json");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].text();
  ASSERT_EQ(r.cases.size(), 1u);
  const Case& c = r.cases[0];
  EXPECT_EQ(c.group(), "protect");
  EXPECT_EQ(c.origin.where(), "example.json[0]");
  ASSERT_EQ(c.steps.size(), 4u);
  EXPECT_EQ(c.steps[0].access, 0xc0000000u);
  EXPECT_EQ(c.steps[0].disposition, 2u);
  EXPECT_EQ(c.steps[0].flags, 0x80u);  // FILE_ATTRIBUTE_NORMAL by default
  EXPECT_EQ(c.steps[2].file.text, "f");
  EXPECT_FALSE(c.steps[2].file.value);
  EXPECT_FALSE(c.steps[2].name);
  ASSERT_EQ(c.steps[2].expect.size(), 2u);
  EXPECT_EQ(c.steps[2].expect[1].numbers, std::vector<std::uint64_t>{8});
  EXPECT_FALSE(c.exploration());
}

// One file with one malformed case a line (conformance/testdata/cases/malformed.jsonl).
TEST(CasesLoader, EachMalformedLineIsReportedAndTheRestLoads) {
  const auto r = load_cases(kTestData / "malformed.jsonl");
  std::vector<std::string> ids;
  for (const auto& c : r.cases) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"loader/valid-first", "loader/valid-last"}));

  struct Want {
    std::size_t line;
    std::string id;
    std::optional<std::size_t> step;
    std::string field;
    std::string message_part;
  };
  const std::vector<Want> wanted = {
      {2, "", std::nullopt, "", "invalid JSON"},  // truncated JSON: that line only
      {4, "loader/unknown-call", 1, "call", "unknown call 'CreateFileMappingX'"},
      {5, "loader/missing-handle", 0, "mapping", "unknown handle 'm'"},
      {6, "loader/bad-flag", 0, "protect", "unknown flag 'PAGE_READWRIT' for protect"},
      {7, "loader/absolute-path", 0, "path", "absolute path"},
      {8, "loader/dotdot-path", 0, "path", "'..'"},
      {9, "loader/unknown-field", 0, "sizelow", "unknown parameter for CreateFileMappingW"},
      {10, "loader/bad-error-name", 0, "expect.error", "unknown error 'ERROR_INVALID_HANDEL'"},
      {11, "loader/valid-first", std::nullopt, "id", "duplicate id (first defined at"},
  };
  ASSERT_EQ(r.errors.size(), wanted.size());
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const CaseError& e = r.errors[i];
    const Want& w = wanted[i];
    SCOPED_TRACE(e.text());
    EXPECT_TRUE(e.file.ends_with("testdata/cases/malformed.jsonl"));
    EXPECT_EQ(e.line, w.line);
    EXPECT_EQ(e.case_id, w.id);
    EXPECT_EQ(e.step, w.step);
    EXPECT_EQ(e.field, w.field);
    EXPECT_NE(e.message.find(w.message_part), std::string::npos);
    // The message a user reads names all of it.
    const std::string text = e.text();
    EXPECT_NE(text.find("malformed.jsonl:" + std::to_string(w.line) + ": "), std::string::npos);
    if (!w.id.empty()) {
      EXPECT_NE(text.find("case '" + w.id + "'"), std::string::npos);
    }
    if (w.step) {
      EXPECT_NE(text.find("step " + std::to_string(*w.step) + ":"), std::string::npos);
    }
    if (!w.field.empty()) {
      EXPECT_NE(text.find("field '" + w.field + "'"), std::string::npos);
    }
  }
  EXPECT_EQ(r.errors[3].text(),
            kTestData.generic_string() +
                "/malformed.jsonl:6: case 'loader/bad-flag': step 0: field 'protect': unknown "
                "flag 'PAGE_READWRIT' for protect");
}

TEST(CasesLoader, TruncatedJsonFileIsOneErrorWithItsLine) {
  const auto r = load_cases(kTestData / "truncated.json");
  EXPECT_TRUE(r.cases.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 6u);
  EXPECT_NE(r.errors[0].text().find("truncated.json:6: invalid JSON (the whole file"),
            std::string::npos);
}

TEST(CasesLoader, JsonArrayErrorsNameTheIndex) {
  const auto r = load_cases(kTestData / "nested" / "array.json");
  ASSERT_EQ(r.cases.size(), 1u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].index, 1u);
  EXPECT_EQ(r.errors[0].field, "provenance.kind");
  EXPECT_NE(r.errors[0].text().find(
                "array.json[1]: case 'loader/array-bad-kind': field 'provenance.kind': 'guessed' "
                "is not one of asserted, documented, derived, inferred (or the old recorded)"),
            std::string::npos);
}

// The four evidence kinds of corpus/facts/README.md load, and so does the old `recorded`
// (read as asserted); anything else is an error naming the field.
TEST(CasesLoader, ProvenanceKindsAreTheEvidenceKindsPlusRecorded) {
  const std::string steps = R"([{"call": "CloseHandle", "handle": "NULL"}])";
  for (const std::string kind : {"asserted", "documented", "derived", "inferred", "recorded"}) {
    std::string text = one_case(steps);
    text.replace(text.find("\"inferred\""), 10, "\"" + kind + "\"");
    const LoadResult r = load_cases_from_text(text, "mem.jsonl");
    ASSERT_TRUE(r.errors.empty()) << kind << ": " << r.errors[0].text();
    ASSERT_EQ(r.cases.size(), 1u);
    EXPECT_EQ(r.cases[0].provenance.kind, kind);
  }
  std::string text = one_case(steps);
  text.replace(text.find("\"inferred\""), 10, "\"observed\"");
  EXPECT_EQ(only_error(text).field, "provenance.kind");
}

TEST(CasesLoader, FoldersAreSearchedRecursivelyInSortedOrder) {
  const auto r = load_cases(kTestData);
  std::vector<std::string> ids;
  for (const auto& c : r.cases) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"loader/valid-first", "loader/valid-last",
                                           "loader/array-valid"}));
  EXPECT_EQ(r.errors.size(), 9u + 1u + 1u);  // malformed.jsonl, array.json, truncated.json
  // `order` interleaves cases and errors in file order.
  EXPECT_LT(r.cases[1].order, r.errors.back().order);
  EXPECT_GT(r.cases[1].order, r.errors[8].order);
}

TEST(CasesLoader, IdsAreUniqueAcrossFiles) {
  const std::filesystem::path paths[] = {kTestData / "malformed.jsonl",
                                         kTestData / "malformed.jsonl"};
  const auto r = load_cases(paths);
  EXPECT_EQ(r.cases.size(), 2u);
  const auto dups = std::count_if(r.errors.begin(), r.errors.end(),
                                  [](const CaseError& e) { return e.field == "id"; });
  EXPECT_EQ(dups, 4);  // line 11 in each copy, then lines 1 and 12 of the second copy
}

TEST(CasesLoader, MissingPathsAndOtherFilesAreErrors) {
  auto r = load_cases(kTestData / "no-such-folder");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].text().find("no such file or folder"), std::string::npos);
  r = load_cases(kTestData / "nested" / "README.txt");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("not a case file"), std::string::npos);
}

TEST(CasesLoader, BlankLinesAndNonObjectLines) {
  const auto r = load_cases_from_text(
      "\n  \n" + one_case(R"([{"call": "CloseHandle", "handle": "NULL"}])") + "[1]\n\r\n",
      "x.jsonl");
  ASSERT_EQ(r.cases.size(), 1u);
  EXPECT_EQ(r.cases[0].origin.line, 3u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].line, 4u);
}

TEST(CasesLoader, TopLevelFields) {
  EXPECT_EQ(
      only_error(
          R"({"id": "nogroup", "title": "t", "provenance": {"kind": "inferred", "source": "s"}, "steps": [{"call": "CloseHandle", "handle": "NULL"}]})")
          .field,
      "id");
  EXPECT_EQ(only_error(
                R"({"title": "t", "provenance": {"kind": "inferred", "source": "s"}, "steps": []})")
                .field,
            "id");
  EXPECT_EQ(only_error(one_case("[]")).field, "steps");
  EXPECT_EQ(
      only_error(one_case(R"([{"call": "CloseHandle", "handle": "NULL"}])", R"("raw_name": true,)"))
          .field,
      "raw_name");
  EXPECT_EQ(
      only_error(one_case(R"([{"call": "CloseHandle", "handle": "NULL"}])", R"("tags": "x",)"))
          .field,
      "tags");
  // Extension fields of the front matter are allowed.
  const auto ok = load_cases_from_text(
      one_case(R"([{"call": "CloseHandle", "handle": "NULL"}])",
               R"("tags": ["a"], "rule": "spec:A1", "info": "quote", "flags": ["generated"],
                  "description": "d", "_tool": {"any": 1}, "raw_names": true,)"),
      "x.jsonl");
  ASSERT_TRUE(ok.errors.empty()) << ok.errors[0].text();
  EXPECT_TRUE(ok.cases[0].raw_names);
  EXPECT_TRUE(ok.cases[0].exploration());
}

TEST(CasesLoader, HandlesAndViews) {
  // Special handles and numbers.
  auto r = load_cases_from_text(one_case(R"([
      {"call": "CloseHandle", "handle": "CURRENT_THREAD"},
      {"call": "CloseHandle", "handle": "0x1234"},
      {"call": "CloseHandle", "handle": 16},
      {"call": "DuplicateHandle", "out": "d", "handle": "CURRENT_PROCESS", "same_access": true},
      {"call": "CloseHandle", "handle": "d"}])"),
                                "x.jsonl");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].text();
  EXPECT_EQ(r.cases[0].steps[0].handle.value, kCurrentThread);
  EXPECT_EQ(r.cases[0].steps[1].handle.value, 0x1234u);
  EXPECT_EQ(r.cases[0].steps[2].handle.value, 16u);
  EXPECT_FALSE(r.cases[0].steps[4].handle.value);

  // A step cannot use its own out; a view is not a handle; VIEW+N needs a view.
  EXPECT_EQ(
      only_error(
          one_case(
              R"([{"call": "DuplicateHandle", "out": "d", "handle": "d", "same_access": true}])"))
          .field,
      "handle");
  const std::string map =
      R"({"call": "CreateFileMappingW", "out": "m", "file": "INVALID_HANDLE_VALUE", "protect": "PAGE_READWRITE", "size_low": 4096},
                             {"call": "MapViewOfFile", "out": "v", "mapping": "m", "access": "FILE_MAP_READ"})";
  auto e = only_error(one_case("[" + map + R"(, {"call": "CloseHandle", "handle": "v"}])"));
  EXPECT_EQ(e.step, 2u);
  EXPECT_EQ(e.message, "'v' names a view, not a handle");
  e = only_error(one_case("[" + map + R"(, {"call": "ReadView", "view": "m", "length": 1}])"));
  EXPECT_EQ(e.message, "'m' names a handle, not a view");
  e = only_error(one_case(
      "[" + map +
      R"(, {"call": "MapViewOfFileEx", "out": "w", "mapping": "m", "access": "FILE_MAP_READ", "base": "x+0x10"}])"));
  EXPECT_EQ(e.field, "base");
  e = only_error(
      one_case("[" + map + R"(, {"call": "UnmapViewOfFile", "view": "v", "address": 5}])"));
  EXPECT_EQ(e.field, "address");
  e = only_error(
      one_case("[" + map + R"(, {"call": "DuplicateHandle", "out": "d", "handle": "m"}])"));
  EXPECT_EQ(e.field, "access");

  r = load_cases_from_text(
      one_case(
          "[" + map +
          R"(, {"call": "MapViewOfFileEx", "out": "w", "mapping": "m", "access": "FILE_MAP_READ", "base": "v+0x10"},
                             {"call": "UnmapViewOfFile", "view": "w", "offset": 3},
                             {"call": "UnmapViewOfFile", "address": "0x5000"}])"),
      "x.jsonl");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].text();
  EXPECT_EQ(r.cases[0].steps[2].base->view, "v");
  EXPECT_EQ(r.cases[0].steps[2].base->offset, 0x10u);
  EXPECT_EQ(r.cases[0].steps[3].address.view, "w");
  EXPECT_EQ(r.cases[0].steps[3].address.offset, 3u);
  EXPECT_EQ(r.cases[0].steps[4].address.fixed, 0x5000u);
}

TEST(CasesLoader, ParametersAndExpectations) {
  const auto error_of = [](const std::string& step) {
    return only_error(one_case("[" + step + "]"));
  };
  // Paths.
  EXPECT_EQ(error_of(R"({"call": "CreateFileW", "out": "f", "path": "C:\\x"})").field, "path");
  EXPECT_EQ(error_of(R"({"call": "CreateFileA", "out": "f", "path": "\\\\server\\share"})").field,
            "path");
  EXPECT_EQ(error_of(R"({"call": "CreateFileW", "out": "f", "path": "a\\..\\..\\b"})").field,
            "path");
  EXPECT_TRUE(
      load_cases_from_text(
          one_case(
              R"([{"call": "CreateFileW", "out": "f", "path": "a/..b/c..", "access": "GENERIC_READ"}])"),
          "x.jsonl")
          .errors.empty());
  // Flags in their family: FILE_MAP_READ is not a protection.
  EXPECT_EQ(
      error_of(
          R"({"call": "CreateFileMappingW", "out": "m", "file": "NULL", "protect": "FILE_MAP_READ"})")
          .field,
      "protect");
  EXPECT_EQ(error_of(R"({"call": "CreateFileMappingW", "out": "m", "file": "NULL"})").message,
            "missing (the protection is required)");
  // Types.
  EXPECT_EQ(
      error_of(
          R"({"call": "CreateFileMappingW", "out": "m", "file": "NULL", "protect": "PAGE_READONLY", "size_low": -1})")
          .field,
      "size_low");
  EXPECT_EQ(
      error_of(
          R"({"call": "CreateFileMappingW", "out": "m", "file": "NULL", "protect": "PAGE_READONLY", "size_low": 4294967296})")
          .field,
      "size_low");
  EXPECT_EQ(
      error_of(
          R"({"call": "CreateFileMappingW", "out": "m", "file": "NULL", "protect": "PAGE_READONLY", "inherit": 1})")
          .field,
      "inherit");
  EXPECT_EQ(
      error_of(
          R"({"call": "CreateFileMappingW", "out": "m", "file": "NULL", "protect": "PAGE_READONLY", "name": 5})")
          .field,
      "name");
  EXPECT_EQ(
      error_of(
          R"({"call": "OpenFileMappingW", "out": "m", "access": "FILE_MAP_READ", "name": null})")
          .field,
      "name");
  EXPECT_EQ(error_of(R"({"call": "CreateEventW", "out": "e"})").field, "name");
  EXPECT_EQ(error_of(R"({"call": "WriteFile", "handle": "NULL", "data": "abc"})").field, "data");
  EXPECT_EQ(error_of(R"({"call": "CloseHandle", "out": "x", "handle": "NULL"})").field, "out");
  EXPECT_EQ(error_of(R"({"call": "CreateEventW", "out": "NULL", "name": null})").field, "out");
  // Expectations valid for the call only, arrays non-empty.
  EXPECT_EQ(error_of(R"({"call": "CloseHandle", "handle": "NULL", "expect": {"size": 1}})").field,
            "expect.size");
  EXPECT_EQ(error_of(R"({"call": "CloseHandle", "handle": "NULL", "expect": {"ok": []}})").field,
            "expect.ok");
  EXPECT_EQ(
      error_of(R"({"call": "CloseHandle", "handle": "NULL", "expect": {"okay": true}})").field,
      "expect.okay");
  EXPECT_EQ(error_of(R"({"call": "CloseHandle", "handle": "NULL", "expect": {"ok": "yes"}})").field,
            "expect.ok");

  const auto r = load_cases_from_text(one_case(R"([
      {"call": "CreateFileMappingW", "out": "m", "file": "INVALID_HANDLE_VALUE", "protect": "0x4", "size_low": "0x1000",
       "expect": {"error": ["ERROR_SUCCESS", 183]}},
      {"call": "MapViewOfFile", "out": "v", "mapping": "m", "access": 4},
      {"call": "VirtualQuery", "view": "v", "expect": {"protect": ["PAGE_READONLY", "0x4"], "state": "MEM_COMMIT", "region_size": 4096}},
      {"call": "QuerySection", "handle": "m", "expect": {"attributes": "SEC_COMMIT", "section_size": 4096}},
      {"call": "ReadView", "view": "v", "length": 2, "expect": {"data": ["0000", "@minimal-pe"], "fault": false}},
      {"call": "WriteFile", "handle": "NULL", "data": "@minimal-pe"},
      {"call": "CreateSemaphoreW", "out": "s", "name": "x", "initial": -1, "maximum": 2147483647},
      {"call": "OpenSemaphoreW", "out": "t", "name": "x", "access": "SEMAPHORE_ALL_ACCESS", "note": "comment"}])"),
                                      "x.jsonl");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].text();
  const auto& s = r.cases[0].steps;
  EXPECT_EQ(s[0].protect, 4u);
  EXPECT_EQ(s[0].size_low, 0x1000u);
  EXPECT_EQ(s[0].expect[0].numbers, (std::vector<std::uint64_t>{0, 183}));
  EXPECT_EQ(s[2].expect[0].numbers, (std::vector<std::uint64_t>{2, 4}));
  EXPECT_EQ(s[2].expect[1].numbers, (std::vector<std::uint64_t>{0x1000}));
  EXPECT_EQ(s[3].expect[0].numbers, (std::vector<std::uint64_t>{0x8000000}));
  EXPECT_EQ(s[4].expect[0].bytes.size(), 2u);
  EXPECT_GT(s[5].data.size(), 64u);
  EXPECT_EQ(s[6].initial_count, -1);
  EXPECT_EQ(s[7].access, 0x1f0003u);
}

// Issue 6: a ReadView of 4 GiB (length 0xffffffff) made every backend hold 4 GiB and print 8 GiB
// of hex; the fuzzers timed out on it. One read asks for at most kMaxReadLength (1 MiB) bytes.
TEST(CasesLoader, ReadLengthAboveTheLimitIsAnErrorNamingTheStep) {
  const std::string setup =
      R"({"call": "CreateFileMappingW", "out": "m", "file": "INVALID_HANDLE_VALUE", "protect": "PAGE_READWRITE", "size_high": 1},
      {"call": "MapViewOfFile", "out": "v", "mapping": "m", "access": "FILE_MAP_READ"},
      {"call": "CreateFileW", "out": "f", "path": "a.bin", "access": "GENERIC_READ", "disposition": "CREATE_ALWAYS"},)";
  for (const std::string read : {R"({"call": "ReadView", "view": "v", "length": 4294967295})",
                                 R"({"call": "ReadView", "view": "v", "length": "0x100001"})",
                                 R"({"call": "ReadFile", "handle": "f", "length": 1048577})"}) {
    SCOPED_TRACE(read);
    const CaseError e = only_error(one_case("[" + setup + read + "]"));
    EXPECT_EQ(e.step, 3u);
    EXPECT_EQ(e.field, "length");
    EXPECT_NE(e.text().find("mem.jsonl:1: case 't/case': step 3: field 'length': "),
              std::string::npos)
        << e.text();
    EXPECT_NE(e.message.find("more than one read may ask for (at most 1048576"), std::string::npos)
        << e.message;
  }
  const auto r = load_cases_from_text(
      one_case("[" + setup + R"({"call": "ReadView", "view": "v", "length": 1048576},
                                {"call": "ReadFile", "handle": "f", "length": "0x100000"}])"),
      "x.jsonl");
  ASSERT_TRUE(r.errors.empty()) << r.errors[0].text();
  EXPECT_EQ(r.cases[0].steps[3].length, kMaxReadLength);
  EXPECT_EQ(r.cases[0].steps[4].length, kMaxReadLength);
}

// Issue 6 (fuzz_casefile crash): nlohmann throws out_of_range, not parse_error, for a number no
// double holds; the loader let it escape. It is an invalid text like any other.
TEST(CasesLoader, NumberOverflowIsInvalidJsonNotAnException) {
  const std::string text =
      one_case(R"([{"call": "SetFileSize", "handle": "NULL", "size": 1e400}])") + one_case("[]");
  LoadResult r;
  ASSERT_NO_THROW(r = load_cases_from_text(text, "big.jsonl"));
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].text(), "big.jsonl:1: invalid JSON: number overflow parsing '1e400'");
  EXPECT_EQ(r.errors[1].line, 2u) << "the next line is still read";
  ASSERT_NO_THROW(r = load_cases_from_text("[2222222222222222222.2E22222222222222]", "big.json"));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].text(),
            "big.json: invalid JSON (the whole file is skipped): number overflow parsing "
            "'2222222222222222222.2E22222222222222'");
}

}  // namespace
}  // namespace fmconf
