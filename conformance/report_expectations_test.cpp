// Expectations files: the key per target, update from a run (reasons kept, new entries flagged
// for review, fixed ones removed) and the lint (`fmconf expectations check`).
#include "report/expectations.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace fmconf::report {
namespace {

Json failing(const std::string& id, const std::string& source) {
  return {{"id", id},
          {"verdict", "fail"},
          {"provenance", {{"kind", "recorded"}, {"source", source}}},
          {"diff",
           {{{"step", 1},
             {"field", "error"},
             {"expected", "ERROR_ACCESS_DENIED"},
             {"observed", "ERROR_SUCCESS"}}}}};
}

TEST(ReportExpectations, KeyFollowsTargetAndVersion) {
  EXPECT_EQ(expectations_key(RunInfo{.target = "wine", .version = "wine-8.0"}), "wine-8.0");
  EXPECT_EQ(expectations_key(RunInfo{.target = "wine", .version = "8.0"}), "wine-8.0");
  EXPECT_EQ(expectations_key(RunInfo{.target = "windows", .version = "Windows 10.0.19045"}),
            "windows-10.0.19045");
  EXPECT_EQ(expectations_key(RunInfo{.target = "model", .version = "0.1"}), "");
  EXPECT_EQ(
      expectations_path("corpus/expectations", RunInfo{.target = "wine", .version = "wine-9.0"}),
      std::filesystem::path("corpus/expectations/wine-9.0.json"));
}

TEST(ReportExpectations, UpdateAddsNewFailuresForReviewAndKeepsReasons) {
  Expectations expectations{"wine-8.0", {}};
  expectations.entries["g/kept"] = {
      ExpectationStatus::known, "todo_wine in virtual.c", "spec:A13", {}};
  expectations.entries["g/fixed"] = {ExpectationStatus::known, "was broken", "", {}};
  expectations.entries["g/flaky"] = {ExpectationStatus::flaky, "timing", "", {}};
  expectations.entries["g/not-run"] = {ExpectationStatus::known, "other run", "", {}};
  ResultsFile run;
  run.run = RunInfo{.target = "wine", .version = "wine-8.0"};
  run.results = {failing("g/kept", "spec:A13"),
                 failing("g/new", "table 1A, spec:A14"),
                 {{"id", "g/fixed"}, {"verdict", "pass"}},
                 {{"id", "g/flaky"}, {"verdict", "pass"}},
                 {{"id", "g/broken"}, {"verdict", "error"}, {"message", "bad case"}}};
  const UpdateSummary summary = update_expectations(expectations, run);
  EXPECT_EQ(summary.added, std::vector<std::string>{"g/new"});
  EXPECT_EQ(summary.updated, std::vector<std::string>{"g/kept"});
  EXPECT_EQ(summary.removed, std::vector<std::string>{"g/fixed"});
  EXPECT_EQ(summary.errors, std::vector<std::string>{"g/broken"});
  ASSERT_NE(expectations.find("g/new"), nullptr);
  EXPECT_EQ(expectations.find("g/new")->reason, kReasonToReview);
  EXPECT_EQ(expectations.find("g/new")->spec, "spec:A14");
  EXPECT_EQ(expectations.find("g/new")->observed.size(), 1u);
  EXPECT_EQ(expectations.find("g/kept")->reason, "todo_wine in virtual.c");
  EXPECT_EQ(expectations.find("g/kept")->observed[0]["observed"], "ERROR_SUCCESS");
  EXPECT_EQ(expectations.find("g/fixed"), nullptr);
  EXPECT_NE(expectations.find("g/flaky"), nullptr);    // flaky entries survive a pass
  EXPECT_NE(expectations.find("g/not-run"), nullptr);  // absent from this run: kept
  EXPECT_EQ(expectations.find("g/broken"), nullptr);   // errors never become expectations
}

TEST(ReportExpectations, CheckFlagsUnknownIdsMissingReasonsAndReviewTodos) {
  Expectations expectations{"wine-8.0", {}};
  expectations.entries["g/ok"] = {ExpectationStatus::known, "todo_wine", "spec:A13", {}};
  expectations.entries["g/gone"] = {ExpectationStatus::known, "todo_wine", "", {}};
  expectations.entries["g/silent"] = {ExpectationStatus::known, "  ", "", {}};
  expectations.entries["g/todo"] = {ExpectationStatus::known, kReasonToReview, "", {}};
  const auto problems = check_expectations(expectations, {"g/ok", "g/silent", "g/todo"});
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].case_id, "g/gone");
  EXPECT_TRUE(problems[0].is_error);
  EXPECT_EQ(problems[1].case_id, "g/silent");
  EXPECT_TRUE(problems[1].is_error);
  EXPECT_EQ(problems[2].case_id, "g/todo");
  EXPECT_FALSE(problems[2].is_error);  // printed for a human to review, not an error
}

TEST(ReportExpectations, SaveAndLoadRoundTrip) {
  const auto dir =
      std::filesystem::temp_directory_path() /
      ("fmconf-report-exp-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(dir);
  Expectations expectations{"wine-8.0", {}};
  expectations.entries["protect/x"] = {ExpectationStatus::flaky, "r", "spec:B17",
                                       Json::array({{{"step", 0}}})};
  save_expectations(dir / "wine-8.0.json", expectations);
  const Expectations loaded = load_expectations(dir / "wine-8.0.json", "ignored");
  EXPECT_EQ(loaded.target, "wine-8.0");
  ASSERT_NE(loaded.find("protect/x"), nullptr);
  EXPECT_EQ(loaded.find("protect/x")->status, ExpectationStatus::flaky);
  EXPECT_EQ(loaded.find("protect/x")->spec, "spec:B17");
  EXPECT_EQ(loaded.find("protect/x")->observed, expectations.entries["protect/x"].observed);
  EXPECT_TRUE(load_expectations(dir / "missing.json", "wine-9.0").entries.empty());
  {
    std::ofstream bad(dir / "bad.json");
    bad << R"({"target": "x", "entries": {"a": {"status": "sometimes"}}})";
  }
  EXPECT_THROW(load_expectations(dir / "bad.json", "x"), std::runtime_error);
  std::filesystem::remove_all(dir);
}

TEST(ReportExpectations, CommittedExpectationFilesAreWellFormed) {
  const std::filesystem::path dir =
      std::filesystem::path(FMCONF_SOURCE_DIR) / "corpus/expectations";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "no corpus/expectations yet";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    const Expectations expectations = load_expectations(entry.path(), "");
    EXPECT_EQ(expectations.target + ".json", entry.path().filename().string())
        << "the target key must match the file name";
    for (const auto& [id, e] : expectations.entries) {
      EXPECT_FALSE(e.reason.empty()) << entry.path() << ": " << id << " has no reason";
    }
  }
}

}  // namespace
}  // namespace fmconf::report
