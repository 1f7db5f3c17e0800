// Outcome classification: pass/fail/known/xpass/flaky/error and which ones gate CI.
#include "report/apply_expectations.hpp"
#include "report/outcome.hpp"

#include <gtest/gtest.h>

namespace fmconf::report {
namespace {

TEST(ReportOutcome, UnlistedCasesPassOrFail) {
  EXPECT_EQ(classify("pass", std::nullopt), Outcome::pass);
  EXPECT_EQ(classify("fail", std::nullopt), Outcome::fail);
  EXPECT_EQ(classify("error", std::nullopt), Outcome::error);
  EXPECT_EQ(classify("garbage", std::nullopt), Outcome::error);
}

TEST(ReportOutcome, KnownFailureStillFailingIsKnownAndPassingIsXpass) {
  EXPECT_EQ(classify("fail", ExpectationStatus::known), Outcome::known);
  EXPECT_EQ(classify("pass", ExpectationStatus::known), Outcome::xpass);  // todo_wine semantics
  EXPECT_EQ(classify("error", ExpectationStatus::known), Outcome::error);
}

TEST(ReportOutcome, FlakyNeverGates) {
  EXPECT_EQ(classify("fail", ExpectationStatus::flaky), Outcome::flaky);
  EXPECT_EQ(classify("error", ExpectationStatus::flaky), Outcome::flaky);
  EXPECT_EQ(classify("pass", ExpectationStatus::flaky), Outcome::pass);
  EXPECT_FALSE(gates(Outcome::flaky));
}

TEST(ReportOutcome, OnlyFailXpassAndErrorGate) {
  EXPECT_FALSE(gates(Outcome::pass));
  EXPECT_FALSE(gates(Outcome::known));
  EXPECT_TRUE(gates(Outcome::fail));
  EXPECT_TRUE(gates(Outcome::xpass));
  EXPECT_TRUE(gates(Outcome::error));
}

TEST(ReportOutcome, NamesRoundTrip) {
  for (Outcome outcome : kAllOutcomes) {
    EXPECT_EQ(parse_outcome(outcome_name(outcome)), outcome) << outcome_name(outcome);
  }
  EXPECT_EQ(parse_outcome("todo"), std::nullopt);
}

TEST(ReportOutcome, ApplyExpectationsMarksEveryResult) {
  ResultsFile run;
  run.run.target = "wine";
  run.run.version = "wine-8.0";
  for (const char* id : {"g/a", "g/b", "g/c", "g/d"}) {
    run.results.push_back({{"id", id}, {"verdict", "fail"}});
  }
  run.results[3]["verdict"] = "pass";
  Expectations expectations{"wine-8.0", {}};
  expectations.entries["g/a"] = Expectation{ExpectationStatus::known, "todo_wine", "spec:A13", {}};
  expectations.entries["g/b"] = Expectation{ExpectationStatus::flaky, "timing", "", {}};
  expectations.entries["g/d"] = Expectation{ExpectationStatus::known, "fixed?", "", {}};
  apply_expectations(run, &expectations);
  EXPECT_EQ(run.results[0]["outcome"], "known");
  EXPECT_EQ(run.results[0]["expectation"]["reason"], "todo_wine");
  EXPECT_EQ(run.results[1]["outcome"], "flaky");
  EXPECT_EQ(run.results[2]["outcome"], "fail");
  EXPECT_TRUE(run.results[2]["expectation"].is_null());
  EXPECT_EQ(run.results[3]["outcome"], "xpass");
}

TEST(ReportOutcome, TheModelHasNoExpectations) {
  ResultsFile run;
  run.run.target = "model";
  run.results.push_back({{"id", "g/a"}, {"verdict", "fail"}});
  apply_expectations(run, nullptr);
  EXPECT_EQ(run.results[0]["outcome"], "fail");
}

}  // namespace
}  // namespace fmconf::report
