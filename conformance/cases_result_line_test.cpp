// result_to_line writes results without a JSON tree; it must give exactly the bytes of
// result_to_json(...).dump(): over the whole corpus on the model, and for results with every
// kind of field (errors, diffs, data, flags, text that needs escaping or is not UTF-8).
#include "cases/case_file.hpp"
#include "cases/result_json.hpp"
#include "cases/runner.hpp"

#include <gtest/gtest.h>
#if __has_include("reference/model_api.hpp")
#include "corpus_on_model.hpp"
#define FMCONF_TEST_HAVE_MODEL 1
#endif

namespace fmconf {
namespace {

std::string tree_line(const CaseResult& result) {
  return result_to_json(result).dump(-1, ' ', false, Json::error_handler_t::replace);
}

TEST(ResultLine, SameBytesAsTheJsonTreeForCraftedResults) {
  CaseResult r;
  r.id = "g/crafted";
  r.title = "t\xc3\xa9l\xc3\xa9 \"quoted\" back\\slash\ttab\x01 and bad \xff utf-8";
  r.file = "dir/file.jsonl";
  r.line = 7;
  r.index = 3;
  r.verdict = Verdict::fail;
  r.message = "line1\nline2";
  r.exploration = true;
  r.provenance = {"recorded", "windows 10 \xe2\x80\x94 build 19045"};
  StepResult a;
  a.call = "VirtualQuery";
  a.ok = true;
  a.error = 0xdeadbeef;
  a.protect = 0x04;
  a.allocation_protect = 0x40;
  a.state = 0x1000;
  a.region_size = 65536;
  a.type = 0x40000;
  a.expect = Json::parse(R"({"protect":["PAGE_READWRITE","PAGE_EXECUTE_READWRITE"]})");
  StepResult b;
  b.call = "ReadView";
  b.error = 998;
  b.data = Bytes{0x00, 0xab, 0xff};
  b.fault = true;
  StepResult c;
  c.call = "QuerySection";
  c.ok = true;
  c.attributes = 0x8000000;
  c.section_size = 4096;
  c.size = 12;
  StepResult d;  // only a type, no region size
  d.call = "VirtualQuery";
  d.type = 0x20000;
  r.steps = {a, b, c, d};
  r.diffs.push_back(Diff{1, "data", Json("c0ffee"), Json("00abff")});
  r.diffs.push_back(Diff{2, "size", Json::array({1, 2}), Json()});
  EXPECT_EQ(result_to_line(r), tree_line(r));

  CaseResult empty;
  EXPECT_EQ(result_to_line(empty), tree_line(empty));
  CaseResult error;
  error.verdict = Verdict::error;
  EXPECT_EQ(result_to_line(error), tree_line(error));
  std::string appended = "prefix";
  append_result_line(appended, r);
  EXPECT_EQ(appended, "prefix" + tree_line(r));
}

#if defined(FMCONF_TEST_HAVE_MODEL)
TEST(ResultLine, SameBytesAsTheJsonTreeOverTheCorpusOnTheModel) {
  testing::for_each_corpus_result_on_model("rl", [](const Case& c, const CaseResult& result) {
    ASSERT_EQ(result_to_line(result), tree_line(result)) << c.id;
  });
  for (const CaseError& e : testing::corpus_cases().errors) {
    const CaseResult result = error_result(e);
    ASSERT_EQ(result_to_line(result), tree_line(result)) << e.text();
  }
}
#endif

}  // namespace
}  // namespace fmconf
