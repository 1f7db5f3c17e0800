// The runner: sentinel before every call, names made unique (after Local\ Global\ Session\N\),
// A/W conversions, symbolic handles and views, verdicts and diffs, end_case on every path.
#include "cases/case_file.hpp"
#include "cases/runner.hpp"
#include "cases/target.hpp"
#include "cases/text_encoding.hpp"
#include "cases/unique_name.hpp"
#include "cases_fake_api.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace fmconf {
namespace {

using testing::FakeApi;

Case make_case(const std::string& steps, const std::string& extra = "") {
  std::string text =
      R"({"id": "t/case", "title": "t", "provenance": {"kind": "inferred", "source": "test"},)" +
      extra + R"( "steps": )" + steps + "}";
  std::replace(text.begin(), text.end(), '\n', ' ');  // one .jsonl line
  const auto r = load_cases_from_text(text, "mem.jsonl");
  if (!r.errors.empty()) ADD_FAILURE() << r.errors[0].text();
  return r.cases.empty() ? Case{} : r.cases[0];
}

CaseResult run(const Case& c, FakeApi& api, const std::string& prefix = "P_") {
  return run_case(c, api, RunOptions{prefix});
}

const std::string kMapping =
    R"({"call": "CreateFileMappingW", "out": "m", "file": "INVALID_HANDLE_VALUE", "protect": "PAGE_READWRITE", "size_low": 4096})";

TEST(CasesRunner, SetsTheSentinelBeforeEveryCall) {
  const Case c = make_case("[" + kMapping + R"(,
      {"call": "MapViewOfFile", "out": "v", "mapping": "m", "access": "FILE_MAP_WRITE"},
      {"call": "WriteView", "view": "v", "data": "01"},
      {"call": "ReadView", "view": "v", "length": 1},
      {"call": "VirtualQuery", "view": "v"},
      {"call": "QuerySection", "handle": "m"},
      {"call": "UnmapViewOfFile", "view": "v"},
      {"call": "CreateFileW", "out": "f", "path": "x", "access": "GENERIC_READ"},
      {"call": "GetFileSize", "handle": "f"},
      {"call": "SetFileSize", "handle": "f", "size": 1},
      {"call": "SetEndOfFile", "handle": "f"},
      {"call": "ReadFile", "handle": "f", "length": 2},
      {"call": "WriteFile", "handle": "f", "data": "00"},
      {"call": "DuplicateHandle", "out": "d", "handle": "m", "same_access": true},
      {"call": "CreateEventW", "out": "e", "name": "ev"},
      {"call": "CloseHandle", "handle": "d"}])");
  FakeApi api;
  api.success_error = 0;  // every call clobbers the last error, so a missed sentinel shows
  const CaseResult r = run(c, api);
  ASSERT_EQ(api.calls.size(), c.steps.size());
  for (std::size_t i = 0; i < api.calls.size(); ++i) {
    EXPECT_TRUE(api.sentinel_at_call[i]) << "call " << i << " " << api.calls[i];
  }
  EXPECT_EQ(api.get_last_error_count, static_cast<int>(c.steps.size()));
  EXPECT_EQ(api.begin_count, 1);
  EXPECT_EQ(api.end_count, 1);
  EXPECT_EQ(r.verdict, Verdict::pass);
  EXPECT_TRUE(r.exploration);
  ASSERT_EQ(r.steps.size(), c.steps.size());
  EXPECT_EQ(r.steps[3].data, (Bytes{0x41}));
  EXPECT_EQ(r.steps[4].protect, page::kReadOnly);
  EXPECT_EQ(r.steps[4].type, mem::kMapped);
  EXPECT_EQ(r.steps[5].attributes, sec::kCommit);
  EXPECT_EQ(r.steps[8].size, 100u);
  EXPECT_EQ(r.steps[11].data, (Bytes{0x5a, 0x5a}));
}

TEST(CasesRunner, UniqueNamesKeepTheNamespacePart) {
  EXPECT_EQ(unique_name("foo", "P_"), "P_foo");
  EXPECT_EQ(unique_name("Local\\foo", "P_"), "Local\\P_foo");
  EXPECT_EQ(unique_name("Global\\foo", "P_"), "Global\\P_foo");
  EXPECT_EQ(unique_name("Session\\1\\foo", "P_"), "Session\\1\\P_foo");
  EXPECT_EQ(unique_name("Session\\12\\Local\\foo", "P_"), "Session\\12\\Local\\P_foo");
  EXPECT_EQ(unique_name("Session\\x\\foo", "P_"), "P_Session\\x\\foo");
  EXPECT_EQ(unique_name("local\\foo", "P_"), "P_local\\foo");  // keywords are case-sensitive
  EXPECT_EQ(unique_name("a\\b", "P_"), "P_a\\b");
  EXPECT_EQ(unique_name("", "P_"), "");
  EXPECT_EQ(unique_name("Local\\", "P_"), "Local\\");

  const std::string steps = R"([
      {"call": "CreateFileMappingW", "out": "a", "file": "INVALID_HANDLE_VALUE", "protect": "PAGE_READWRITE", "size_low": 1, "name": "Local\\x"},
      {"call": "CreateFileMappingW", "out": "b", "file": "INVALID_HANDLE_VALUE", "protect": "PAGE_READWRITE", "size_low": 1, "name": ""},
      {"call": "CreateFileMappingW", "out": "c", "file": "INVALID_HANDLE_VALUE", "protect": "PAGE_READWRITE", "size_low": 1},
      {"call": "OpenEventW", "out": "d", "access": "SYNCHRONIZE", "name": "y"}])";
  FakeApi api;
  run(make_case(steps), api);
  ASSERT_EQ(api.wide_names.size(), 4u);
  EXPECT_EQ(api.wide_names[0], OptionalName(u"Local\\P_x"));
  EXPECT_EQ(api.wide_names[1], OptionalName(u""));
  EXPECT_EQ(api.wide_names[2], std::nullopt);
  EXPECT_EQ(api.wide_names[3], OptionalName(u"P_y"));

  FakeApi raw;
  run(make_case(steps, R"("raw_names": true,)"), raw);
  EXPECT_EQ(raw.wide_names[0], OptionalName(u"Local\\x"));
  EXPECT_EQ(raw.wide_names[3], OptionalName(u"y"));
}

TEST(CasesRunner, ConvertsNamesForWAndACalls) {
  EXPECT_EQ(utf8_to_utf16("a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e"),
            (std::u16string{u'a', 0xe9, 0x20ac, 0xd834, 0xdd1e}));
  EXPECT_EQ(utf8_to_utf16("\xff"), std::u16string(1, 0xfffd));
  // é stays 0xE9, € is 0x80 in Windows-1252, Ā and 𝄞 have no byte, U+0081 round-trips.
  EXPECT_EQ(utf8_to_windows1252("a\xc3\xa9\xe2\x82\xac\xc4\x80\xf0\x9d\x84\x9e\xc2\x81\xc2\x80"),
            std::string("a\xe9\x80??\x81?"));

  FakeApi api;
  run(make_case(R"([
      {"call": "CreateFileA", "out": "f", "path": "d\u00e9j\u00e0.bin", "access": "GENERIC_READ"},
      {"call": "CreateFileMappingA", "out": "m", "file": "f", "protect": "PAGE_READONLY", "name": "Local\\\u20ac\u0100"},
      {"call": "OpenFileMappingA", "out": "o", "access": "FILE_MAP_READ", "name": "caf\u00e9"},
      {"call": "CreateFileW", "out": "g", "path": "\u20ac.bin", "access": "GENERIC_READ"}])"),
      api);
  ASSERT_EQ(api.ansi_names.size(), 3u);
  EXPECT_EQ(api.ansi_names[0], OptionalNameA("d\xe9j\xe0.bin"));  // paths are not prefixed
  EXPECT_EQ(api.ansi_names[1], OptionalNameA("Local\\P_\x80?"));
  EXPECT_EQ(api.ansi_names[2], OptionalNameA("P_caf\xe9"));
  EXPECT_EQ(api.wide_paths[0], u"\u20ac.bin");
}

TEST(CasesRunner, ResolvesHandlesViewsAndStaleValues) {
  FakeApi api;
  const CaseResult r = run(make_case("[" + kMapping + R"(,
      {"call": "MapViewOfFile", "out": "v", "mapping": "m", "access": "FILE_MAP_READ"},
      {"call": "MapViewOfFileEx", "out": "w", "mapping": "m", "access": "FILE_MAP_READ", "base": "v+0x2000"},
      {"call": "MapViewOfFileEx", "out": "z", "mapping": "m", "access": "FILE_MAP_READ", "base": null},
      {"call": "CloseHandle", "handle": "m"},
      {"call": "CloseHandle", "handle": "m", "expect": {"ok": true}},
      {"call": "CloseHandle", "handle": "CURRENT_THREAD"},
      {"call": "CloseHandle", "handle": "0x44"},
      {"call": "UnmapViewOfFile", "view": "v", "offset": 16},
      {"call": "UnmapViewOfFile", "address": 4096},
      {"call": "VirtualQuery", "view": "w", "offset": 1}])"),
                           api);
  EXPECT_EQ(r.verdict, Verdict::pass);
  const Handle m = api.handle_args[0] == kInvalidHandleValue ? 0x104 : 0;
  ASSERT_EQ(api.handle_args.size(), 8u);
  EXPECT_EQ(api.handle_args[0], kInvalidHandleValue);  // CreateFileMapping's file
  EXPECT_EQ(api.handle_args[1], m);                    // MapViewOfFile's mapping
  EXPECT_EQ(api.handle_args[4], m);                    // the first close
  EXPECT_EQ(api.handle_args[5], m);                    // closed name: the stale value
  EXPECT_EQ(api.handle_args[6], kCurrentThread);
  EXPECT_EQ(api.handle_args[7], 0x44u);
  const Address v = 0x7f0000010000;
  ASSERT_EQ(api.address_args.size(), 5u);
  EXPECT_EQ(api.address_args[0], v + 0x2000);  // MapViewOfFileEx base VIEW+N
  EXPECT_EQ(api.address_args[1], 0u);          // base null
  EXPECT_EQ(api.address_args[2], v + 16);      // UnmapViewOfFile view + offset
  EXPECT_EQ(api.address_args[3], 4096u);       // UnmapViewOfFile address
  EXPECT_EQ(api.address_args[4], v + 0x2000 + 1);
}

TEST(CasesRunner, VerdictsAndDiffs) {
  const Case c = make_case("[" + kMapping.substr(0, kMapping.size() - 1) + R"(,
        "expect": {"ok": true, "error": ["ERROR_SUCCESS", "ERROR_ALREADY_EXISTS"]}},
      {"call": "MapViewOfFile", "out": "v", "mapping": "m", "access": "FILE_MAP_READ",
        "expect": {"ok": true}},
      {"call": "VirtualQuery", "view": "v",
        "expect": {"protect": "0x2", "allocation_protect": ["PAGE_READONLY", "PAGE_READWRITE"],
                   "state": "MEM_COMMIT", "region_size": "0x1000"}},
      {"call": "ReadView", "view": "v", "length": 2, "expect": {"data": ["4142", "0000"], "fault": false}},
      {"call": "QuerySection", "handle": "m", "expect": {"attributes": "SEC_COMMIT", "section_size": 4096}},
      {"call": "CloseHandle", "handle": "m", "expect": {"ok": true, "error": "ERROR_SUCCESS"}}])");
  FakeApi pass;
  pass.success_error = error::kSuccess;
  CaseResult r = run(c, pass);
  EXPECT_EQ(r.verdict, Verdict::pass);
  EXPECT_TRUE(r.diffs.empty());
  EXPECT_FALSE(r.exploration);

  FakeApi fail;
  fail.failing = {"MapViewOfFile", "QuerySection"};
  fail.success_error = error::kAlreadyExists;
  fail.view_bytes = {0x41, 0x43};
  r = run(c, fail);
  EXPECT_EQ(r.verdict, Verdict::fail);
  std::vector<std::string> fields;
  for (const auto& d : r.diffs) fields.push_back(std::to_string(d.step) + " " + d.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"1 ok", "3 data", "4 attributes", "4 section_size",
                                              "5 error"}));
  EXPECT_EQ(r.diffs[0].expected, true);
  EXPECT_EQ(r.diffs[0].observed, false);
  EXPECT_EQ(r.diffs[1].expected, Json::array({"4142", "0000"}));
  EXPECT_EQ(r.diffs[1].observed, "4143");
  EXPECT_TRUE(r.diffs[2].observed.is_null());  // the call failed: nothing observed
  EXPECT_EQ(r.diffs[4].expected, "ERROR_SUCCESS");
  EXPECT_EQ(r.diffs[4].observed, "ERROR_ALREADY_EXISTS");
  EXPECT_EQ(r.steps[1].error, error::kAccessDenied);
}

TEST(CasesRunner, TheSentinelIsObservedWhenACallLeavesTheErrorAlone) {
  // A call that succeeds without touching the last error reports the sentinel, by name.
  class Untouched : public FakeApi {
   public:
    bool CloseHandle(Handle) override { return true; }
  } api;
  const CaseResult r = run(
      make_case(
          R"([{"call": "CloseHandle", "handle": "0x8", "expect": {"error": "ERROR_SUCCESS"}}])"),
      api);
  ASSERT_EQ(r.diffs.size(), 1u);
  EXPECT_EQ(r.steps[0].error, kLastErrorSentinel);
  EXPECT_EQ(r.diffs[0].observed, "0xdeadbeef");
}

TEST(CasesRunner, EndCaseRunsWhenAStepThrows) {
  FakeApi api;
  api.throwing = "MapViewOfFile";
  const Case c = make_case("[" + kMapping + R"(,
      {"call": "MapViewOfFile", "out": "v", "mapping": "m", "access": "FILE_MAP_READ"},
      {"call": "CloseHandle", "handle": "m"}])");
  const CaseResult r = run(c, api);
  EXPECT_EQ(api.begin_count, 1);
  EXPECT_EQ(api.end_count, 1);
  EXPECT_EQ(r.verdict, Verdict::error);
  EXPECT_EQ(r.steps.size(), 1u);  // the steps before the failure are reported
  EXPECT_EQ(r.message,
            "mem.jsonl:1: case 't/case': step 1: MapViewOfFile failed: scripted failure in "
            "MapViewOfFile");

  // begin_case and end_case failures are errors too, and end_case still runs.
  class BadBegin : public FakeApi {
   public:
    void begin_case() override { throw std::runtime_error("no folder"); }
  } bad;
  const CaseResult b = run(c, bad);
  EXPECT_EQ(b.verdict, Verdict::error);
  EXPECT_EQ(bad.end_count, 1);
  EXPECT_TRUE(bad.calls.empty());
  EXPECT_NE(b.message.find("begin_case failed: no folder"), std::string::npos);
}

TEST(CasesRunner, LocalTargetRunsOnItsApi) {
  FakeApi api;
  LocalTarget target(api);
  EXPECT_EQ(target.environment().target, "fake");
  const CaseResult r =
      target.run(make_case(R"([{"call": "CloseHandle", "handle": "NULL"}])"), RunOptions{"x"});
  EXPECT_EQ(r.id, "t/case");
  EXPECT_EQ(r.file, "mem.jsonl");
  EXPECT_EQ(r.line, 1u);
  EXPECT_EQ(api.end_count, 1);
}

}  // namespace
}  // namespace fmconf
