// Results as JSON (one line of `fmconf run`) and back: the executor returns results this way.
#include "cases/result_json.hpp"
#include "cases/runner.hpp"
#include "cases_fake_api.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace fmconf {
namespace {

TEST(CasesResultJson, HasThePlannedShapeAndRoundTrips) {
  std::string text =
      R"({"id": "g/x", "title": "t", "provenance": {"kind": "recorded", "source": "spec:A1"}, "steps": [
        {"call": "CreateFileMappingW", "out": "m", "file": "INVALID_HANDLE_VALUE", "protect": "PAGE_READWRITE", "size_low": 4096,
         "expect": {"ok": false, "error": "ERROR_ACCESS_DENIED"}},
        {"call": "MapViewOfFile", "out": "v", "mapping": "m", "access": "FILE_MAP_READ"},
        {"call": "VirtualQuery", "view": "v"},
        {"call": "QuerySection", "handle": "m"},
        {"call": "ReadView", "view": "v", "length": 2}]})";
  std::replace(text.begin(), text.end(), '\n', ' ');  // one .jsonl line
  const auto loaded = load_cases_from_text(text, "corpus/cases/g/x.jsonl");
  ASSERT_EQ(loaded.cases.size(), 1u);
  testing::FakeApi api;
  const CaseResult r = run_case(loaded.cases[0], api, RunOptions{"p"});
  const Json j = result_to_json(r);
  EXPECT_EQ(j["id"], "g/x");
  EXPECT_EQ(j["file"], "corpus/cases/g/x.jsonl");
  EXPECT_EQ(j["line"], 1);
  EXPECT_EQ(j["verdict"], "fail");
  EXPECT_FALSE(j.contains("message"));
  EXPECT_EQ(j["provenance"], (Json{{"kind", "recorded"}, {"source", "spec:A1"}}));
  EXPECT_EQ(j["steps"][0]["call"], "CreateFileMappingW");
  EXPECT_EQ(j["steps"][0]["ok"], true);
  EXPECT_EQ(j["steps"][0]["error"], (Json{{"name", "ERROR_SUCCESS"}, {"code", 0}}));
  EXPECT_EQ(j["steps"][0]["expect"], (Json{{"ok", false}, {"error", "ERROR_ACCESS_DENIED"}}));
  EXPECT_EQ(j["steps"][2]["protect"], "PAGE_READONLY");
  EXPECT_EQ(j["steps"][2]["allocation_protect"], "PAGE_READWRITE");
  EXPECT_EQ(j["steps"][2]["state"], "MEM_COMMIT");
  EXPECT_EQ(j["steps"][2]["region_size"], 4096);
  EXPECT_EQ(j["steps"][2]["type"], "MEM_MAPPED");
  EXPECT_EQ(j["steps"][3]["attributes"], "SEC_COMMIT");
  EXPECT_EQ(j["steps"][3]["section_size"], 4096);
  EXPECT_EQ(j["steps"][4]["data"], "4142");
  EXPECT_EQ(j["steps"][4]["fault"], false);
  EXPECT_FALSE(j["steps"][1].contains("expect"));
  EXPECT_EQ(j["diff"][0],
            (Json{{"step", 0}, {"field", "ok"}, {"expected", false}, {"observed", true}}));
  EXPECT_EQ(j["diff"][1]["observed"], "ERROR_SUCCESS");

  const std::string line = result_to_line(r);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_TRUE(line.starts_with(R"({"id":"g/x","title":"t","file":"corpus/cases/g/x.jsonl")"));
  const CaseResult back = result_from_json(Json::parse(line));
  EXPECT_EQ(result_to_json(back), j);
  EXPECT_EQ(back.steps[2].protect, page::kReadOnly);
  EXPECT_EQ(back.steps[4].data, (Bytes{0x41, 0x42}));
}

TEST(CasesResultJson, InvalidCasesBecomeErrorResults) {
  const auto loaded = load_cases_from_text(
      R"({"id": "g/y", "title": "t", "provenance": {"kind": "inferred", "source": "s"}, "steps": [{"call": "Nope"}]})"
      "\n",
      "f.jsonl");
  ASSERT_EQ(loaded.errors.size(), 1u);
  const Json j = result_to_json(error_result(loaded.errors[0]));
  EXPECT_EQ(j["verdict"], "error");
  EXPECT_EQ(j["id"], "g/y");
  EXPECT_EQ(j["line"], 1);
  EXPECT_EQ(j["message"], "f.jsonl:1: case 'g/y': step 0: field 'call': unknown call 'Nope'");
  EXPECT_EQ(j["steps"], Json::array());
  EXPECT_EQ(result_to_json(result_from_json(j)), j);
}

TEST(CasesResultJson, RejectsWhatIsNotAResult) {
  EXPECT_THROW(result_from_json(Json::array()), std::runtime_error);
  EXPECT_THROW(result_from_json(Json{{"id", "x"}}), std::runtime_error);
  EXPECT_THROW(result_from_json(Json{{"id", "x"}, {"verdict", "maybe"}}), std::runtime_error);
  EXPECT_THROW(result_from_json(Json{{"id", "x"}, {"verdict", "pass"}, {"steps", {{{"call", 1}}}}}),
               std::runtime_error);
}

}  // namespace
}  // namespace fmconf
