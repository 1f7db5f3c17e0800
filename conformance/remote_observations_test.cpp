// `run_cases` "report": "observations" (src/remote/observations.hpp): the client rebuilds each
// result from the executor's observations and its own copy of the case; the rebuilt result must
// be the result the executor had, byte for byte, over the corpus on the model and for a case
// whose run stops with an error.
#include "cases/case_file.hpp"
#include "cases/result_json.hpp"
#include "cases/runner.hpp"
#include "cases_fake_api.hpp"
#include "remote/observations.hpp"

#include <string>

#include <gtest/gtest.h>
#if __has_include("reference/model_api.hpp")
#include "corpus_on_model.hpp"
#define FMCONF_TEST_HAVE_MODEL 1
#endif

namespace fmconf::remote {
namespace {

CaseResult round_trip(const CaseResult& result, const Case& c) {
  std::string text;
  append_observations(text, result);
  return result_from_observations(Json::parse(text), c);
}

TEST(RemoteObservations, AnErrorPartWayKeepsTheStepsBeforeItAndTheMessage) {
  const Case c = *parse_case(Json::parse(R"({"id":"g/err","title":"t",
    "provenance":{"kind":"inferred","source":"test"},"steps":[
    {"call":"CreateFileMappingW","out":"m","file":"INVALID_HANDLE_VALUE","protect":"PAGE_READWRITE","size_low":4096,"expect":{"ok":true}},
    {"call":"MapViewOfFile","out":"v","mapping":"m","access":"FILE_MAP_WRITE"},
    {"call":"CloseHandle","handle":"m"}]})"),
                             CaseOrigin{"e.jsonl", 2, std::nullopt})
                      .value;
  testing::FakeApi api;
  api.throwing = "MapViewOfFile";
  const CaseResult result = run_case(c, api, RunOptions{"o_"});
  ASSERT_EQ(result.verdict, Verdict::error);
  ASSERT_EQ(result.steps.size(), 1u);
  EXPECT_EQ(result_to_line(round_trip(result, c)), result_to_line(result));
}

TEST(RemoteObservations, ObservationsThatDoNotFitTheCaseAreRejected) {
  const Case c = *parse_case(Json::parse(R"({"id":"g/one","title":"t",
    "provenance":{"kind":"inferred","source":"test"},"steps":[{"call":"CloseHandle","handle":"NULL"}]})"),
                             CaseOrigin{})
                      .value;
  for (const char* bad :
       {R"([])", R"({})", R"({"steps":[[1,0],[1,0]]})", R"({"steps":[]})", R"({"steps":[[1]]})",
        R"({"steps":[[1,0,"nope",3]]})", R"({"steps":[[1,0,"data","xyz"]]})"}) {
    EXPECT_THROW(result_from_observations(Json::parse(bad), c), std::exception) << bad;
  }
  EXPECT_EQ(result_from_observations(Json::parse(R"({"steps":[[0,6]]})"), c).verdict,
            Verdict::pass);
}

#if defined(FMCONF_TEST_HAVE_MODEL)
TEST(RemoteObservations, RebuiltResultsEqualTheOriginalsOverTheCorpus) {
  fmconf::testing::for_each_corpus_result_on_model(
      "ob", [](const Case& c, const CaseResult& result) {
        ASSERT_EQ(result_to_line(round_trip(result, c)), result_to_line(result)) << c.id;
      });
}
#endif

}  // namespace
}  // namespace fmconf::remote
