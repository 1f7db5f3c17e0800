// `fmconf compare`: two synthetic results files with one case of every kind of change (new
// failure, fix, changed error code, only in one run, xpass, unconfirmed), and what gates.
#include "report/compare.hpp"

#include <gtest/gtest.h>

namespace fmconf::report {
namespace {

// A one-step result: CreateFileMappingW answering `ok` with `error`.
Json result(const std::string& id, const std::string& verdict, const std::string& outcome, bool ok,
            const std::string& error) {
  return {{"id", id},
          {"verdict", verdict},
          {"outcome", outcome},
          {"steps",
           {{{"call", "CreateFileMappingW"},
             {"ok", ok},
             {"error", {{"name", error}, {"code", 0}}},
             {"expect", {{"ok", false}}}}}}};
}

ResultsFile run_of(const std::string& target, std::vector<Json> results) {
  ResultsFile file;
  file.run.target = target;
  file.run.version = target == "wine" ? "wine-8.0" : "fmconf-model-1";
  file.results = std::move(results);
  return file;
}

const CaseChange* find(const Comparison& c, const std::string& id) {
  for (const auto& change : c.changes) {
    if (change.id == id) return &change;
  }
  return nullptr;
}

Comparison sample() {
  const ResultsFile old_run =
      run_of("wine", {result("g/same", "pass", "pass", false, "ERROR_ACCESS_DENIED"),
                      result("g/new-failure", "pass", "pass", false, "ERROR_ACCESS_DENIED"),
                      result("g/unconfirmed", "pass", "pass", false, "ERROR_ACCESS_DENIED"),
                      result("g/fixed", "fail", "known", true, "ERROR_SUCCESS"),
                      result("g/error-code", "fail", "known", false, "ERROR_INVALID_HANDLE"),
                      result("g/xpass", "pass", "xpass", false, "ERROR_ACCESS_DENIED"),
                      result("g/only-old", "pass", "pass", false, "ERROR_ACCESS_DENIED")});
  Json changed_basis = result("g/same", "pass", "pass", false, "ERROR_ACCESS_DENIED");
  changed_basis["steps"][0]["basis"] = {{"facts", {"spec:A13"}}};  // not an observation
  const ResultsFile new_run =
      run_of("wine", {changed_basis, result("g/new-failure", "fail", "fail", true, "ERROR_SUCCESS"),
                      result("g/unconfirmed", "fail", "unconfirmed", true, "ERROR_SUCCESS"),
                      result("g/fixed", "pass", "pass", false, "ERROR_ACCESS_DENIED"),
                      result("g/error-code", "fail", "known", false, "ERROR_FILE_INVALID"),
                      result("g/xpass", "pass", "xpass", false, "ERROR_ACCESS_DENIED"),
                      result("g/only-new", "fail", "fail", true, "ERROR_SUCCESS")});
  return compare_runs(old_run, new_run);
}

TEST(ReportCompare, FindsEachKindOfChange) {
  const Comparison c = sample();
  EXPECT_EQ(c.compared, 6u);
  EXPECT_EQ(find(c, "g/same"), nullptr) << "a basis is not an observation";
  ASSERT_NE(find(c, "g/new-failure"), nullptr);
  EXPECT_EQ(find(c, "g/new-failure")->kind, ChangeKind::new_failure);
  ASSERT_NE(find(c, "g/fixed"), nullptr);
  EXPECT_EQ(find(c, "g/fixed")->kind, ChangeKind::fixed);
  ASSERT_NE(find(c, "g/error-code"), nullptr);
  EXPECT_EQ(find(c, "g/error-code")->kind, ChangeKind::changed);
  ASSERT_NE(find(c, "g/only-old"), nullptr);
  EXPECT_EQ(find(c, "g/only-old")->kind, ChangeKind::only_old);
  ASSERT_NE(find(c, "g/only-new"), nullptr);
  EXPECT_EQ(find(c, "g/only-new")->kind, ChangeKind::only_new);
  ASSERT_NE(find(c, "g/xpass"), nullptr);
  EXPECT_EQ(find(c, "g/xpass")->kind, ChangeKind::xpass);
  EXPECT_EQ(c.changes.size(), 7u);
}

TEST(ReportCompare, ChangedErrorCodeNamesStepFieldAndBothValues) {
  const Comparison c = sample();
  const CaseChange* change = find(c, "g/error-code");
  ASSERT_NE(change, nullptr);
  ASSERT_EQ(change->observations.size(), 1u);
  EXPECT_EQ(change->observations[0].step, 0);
  EXPECT_EQ(change->observations[0].field, "error");
  EXPECT_EQ(change->observations[0].old_value["name"], "ERROR_INVALID_HANDLE");
  EXPECT_EQ(change->observations[0].new_value["name"], "ERROR_FILE_INVALID");
  EXPECT_FALSE(change->gates) << "still a known failure, with another code";
}

TEST(ReportCompare, GatesOnNewGroundedFailuresAndXpassOnly) {
  const Comparison c = sample();
  EXPECT_TRUE(find(c, "g/new-failure")->gates);
  EXPECT_TRUE(find(c, "g/new-failure")->grounded);
  EXPECT_TRUE(find(c, "g/xpass")->gates);
  EXPECT_TRUE(find(c, "g/only-new")->gates) << "a new case failing without an expectation";
  const CaseChange* unconfirmed = find(c, "g/unconfirmed");
  ASSERT_NE(unconfirmed, nullptr);
  EXPECT_EQ(unconfirmed->kind, ChangeKind::new_failure);
  EXPECT_FALSE(unconfirmed->grounded);
  EXPECT_FALSE(unconfirmed->gates) << "an unconfirmed difference is never a grounded failure";
  EXPECT_FALSE(find(c, "g/fixed")->gates);
  EXPECT_FALSE(find(c, "g/only-old")->gates);
  EXPECT_EQ(c.gating(), 3u);
}

TEST(ReportCompare, KnownNewFailureDoesNotGate) {
  // The new run lists it (expectations): shown as a new failure, but it does not gate.
  const Comparison c =
      compare_runs(run_of("model", {result("g/x", "pass", "pass", false, "ERROR_ACCESS_DENIED")}),
                   run_of("wine", {result("g/x", "fail", "known", true, "ERROR_SUCCESS")}));
  ASSERT_EQ(c.changes.size(), 1u);
  EXPECT_EQ(c.changes[0].kind, ChangeKind::new_failure);
  EXPECT_FALSE(c.changes[0].gates);
}

TEST(ReportCompare, ResultsWithoutOutcomesUseTheVerdict) {
  Json old_result = result("g/x", "pass", "", false, "ERROR_ACCESS_DENIED");
  Json new_result = result("g/x", "error", "", false, "ERROR_ACCESS_DENIED");
  old_result.erase("outcome");
  new_result.erase("outcome");
  new_result["message"] = "timeout";
  new_result["steps"] = Json::array();
  const Comparison c = compare_runs(run_of("wine", {old_result}), run_of("wine", {new_result}));
  ASSERT_EQ(c.changes.size(), 1u);
  EXPECT_EQ(c.changes[0].new_outcome, "error");
  EXPECT_TRUE(c.changes[0].gates);
  // The message and every field of the missing step are observations that differ.
  EXPECT_EQ(c.changes[0].observations.front().field, "message");
  EXPECT_EQ(c.changes[0].observations.size(), 4u);  // message, call, ok, error
}

TEST(ReportCompare, OutputsCarryEveryChange) {
  const Comparison c = sample();
  const Json json = comparison_json(c);
  EXPECT_EQ(json["format"], "fmconf-comparison");
  EXPECT_EQ(json["changes"].size(), 7u);
  EXPECT_EQ(json["gating"], 3u);
  EXPECT_EQ(json["counts"]["new_failure"], 2u);
  EXPECT_EQ(json["counts"]["changed"], 1u);
  const std::string text = comparison_text(c);
  EXPECT_NE(text.find("GATE g/new-failure"), std::string::npos) << text;
  EXPECT_NE(text.find("unconfirmed g/unconfirmed"), std::string::npos) << text;
  EXPECT_NE(text.find("ERROR_INVALID_HANDLE -> ERROR_FILE_INVALID"), std::string::npos) << text;
  const std::string junit = comparison_junit(c);
  EXPECT_NE(junit.find("failures=\"3\""), std::string::npos) << junit;
  EXPECT_NE(junit.find("classname=\"compare.changed\" name=\"g/error-code\""), std::string::npos);
}

TEST(ReportCompare, BaselineFillsTheChangedSinceColumn) {
  ReportSet set = build_report_set(
      {run_of("model", {result("g/x", "pass", "pass", false, "ERROR_ACCESS_DENIED")}),
       run_of("wine", {result("g/x", "fail", "fail", true, "ERROR_SUCCESS")})});
  add_baseline(set, run_of("wine", {result("g/x", "pass", "pass", false, "ERROR_ACCESS_DENIED")}));
  EXPECT_EQ(set.baseline["column"], "wine");
  ASSERT_TRUE(set.changed_since.contains("g/x"));
  EXPECT_EQ(set.changed_since["g/x"]["k"], "new_failure");
  EXPECT_EQ(set.changed_since["g/x"]["g"], true);
}

}  // namespace
}  // namespace fmconf::report
