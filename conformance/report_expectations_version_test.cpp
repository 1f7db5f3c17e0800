// Expectations by Wine version: the run's own file, else the nearest older version's with a
// note; `expectations update` from a newer version writes that version's file, keeps every
// entry's reason and evidence, and marks the entries it passes as fixed.
#include "report/expectations.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <gtest/gtest.h>

namespace fmconf::report {
namespace {

namespace fs = std::filesystem;

class ExpectationsByVersion : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("fmconf-exp-version-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const char* key : {"wine-7.0", "wine-8.0", "wine-8.0-rc1", "wine-10.0", "windows-10.0"}) {
      std::ofstream(dir_ / (std::string(key) + ".json"))
          << "{\"target\": \"" << key << "\", \"entries\": {}}";
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  ExpectationsChoice choose(const std::string& version) {
    return choose_expectations(dir_, RunInfo{.target = "wine", .version = version});
  }

  fs::path dir_;
};

TEST_F(ExpectationsByVersion, OwnFileWhenItExists) {
  const ExpectationsChoice choice = choose("wine-8.0");
  EXPECT_EQ(choice.path, dir_ / "wine-8.0.json");
  EXPECT_EQ(choice.used_key, "wine-8.0");
  EXPECT_TRUE(choice.note.empty());
}

TEST_F(ExpectationsByVersion, NearestOlderVersionWithANote) {
  const ExpectationsChoice choice = choose("wine-9.0");
  EXPECT_EQ(choice.key, "wine-9.0");
  EXPECT_EQ(choice.used_key, "wine-8.0") << "numeric order: 10.0 is newer, 8.0-rc1 is 8.0's rc";
  EXPECT_EQ(choice.path, dir_ / "wine-8.0.json");
  EXPECT_NE(choice.note.find("wine-9.0.json"), std::string::npos) << choice.note;
  EXPECT_NE(choice.note.find("wine-8.0.json"), std::string::npos) << choice.note;
  // A build tree's git-describe version falls back to its release.
  EXPECT_EQ(choose("wine-10.0-123-gabcdef").used_key, "wine-10.0");
  EXPECT_EQ(choose("wine-8.1").used_key, "wine-8.0");
}

TEST_F(ExpectationsByVersion, NoOlderFileMeansNoExpectationsWithANote) {
  const ExpectationsChoice choice = choose("wine-6.0");
  EXPECT_TRUE(choice.path.empty());
  EXPECT_NE(choice.note.find("every failure counts as new"), std::string::npos) << choice.note;
  EXPECT_TRUE(choose_expectations(dir_, RunInfo{.target = "model", .version = "1"}).note.empty());
}

TEST(ExpectationsVersions, CompareNumerically) {
  EXPECT_LT(compare_versions("wine-8.0", "wine-9.0"), 0);
  EXPECT_LT(compare_versions("wine-9.0", "wine-10.0"), 0);
  EXPECT_GT(compare_versions("wine-8.0.1", "wine-8.0"), 0);
  EXPECT_EQ(compare_versions("wine-8.0", "wine-8"), 0);
  EXPECT_EQ(compare_versions("wine-9.0-123-gabc", "wine-9.0"), 0);
}

ResultsFile run(const std::string& version, std::vector<Json> results) {
  ResultsFile file;
  file.run = RunInfo{.target = "wine", .version = version};
  file.results = std::move(results);
  return file;
}

Json failing(const std::string& id) {
  return {{"id", id},
          {"verdict", "fail"},
          {"diff", {{{"step", 1}, {"field", "ok"}, {"expected", false}, {"observed", true}}}}};
}

Expectations older_file() {
  const Json json = Json::parse(R"({"target": "wine-8.0", "entries": {
    "g/fixed": {"status": "known", "reason": "todo_wine in virtual.c", "spec": "spec:A13",
                "observed": [], "evidence": {"kind": "asserted", "todo_wine": true}},
    "g/still": {"status": "known", "reason": "Wine ignores X", "spec": "spec:H3",
                "observed": [], "evidence": {"kind": "documented"}}}})");
  return expectations_from_json(json, "wine-8.0.json");
}

TEST(ExpectationsUpdate, NewVersionKeepsReasonsAndEvidenceAndMarksFixes) {
  Expectations expectations = older_file();
  const UpdateSummary summary = update_expectations(
      expectations,
      run("wine-9.0", {{{"id", "g/fixed"}, {"verdict", "pass"}}, failing("g/still")}));
  EXPECT_EQ(expectations.target, "wine-9.0");
  EXPECT_EQ(expectations.based_on, "wine-8.0");
  EXPECT_EQ(summary.fixed, std::vector<std::string>{"g/fixed"});
  EXPECT_EQ(expectations.find("g/fixed"), nullptr);
  ASSERT_TRUE(expectations.fixed.contains("g/fixed"));
  const Json& fixed = expectations.fixed["g/fixed"];
  EXPECT_EQ(fixed["fixed_in"], "wine-9.0");
  EXPECT_EQ(fixed["reason"], "todo_wine in virtual.c");
  EXPECT_EQ(fixed["evidence"]["kind"], "asserted");
  const Expectation* still = expectations.find("g/still");
  ASSERT_NE(still, nullptr);
  EXPECT_EQ(still->reason, "Wine ignores X");
  EXPECT_EQ(still->extra["evidence"]["kind"], "documented");
  EXPECT_EQ(still->observed.size(), 1u);
}

TEST(ExpectationsUpdate, SameVersionRemovesPassesWithoutMarkingThemFixed) {
  Expectations expectations = older_file();
  const UpdateSummary summary = update_expectations(
      expectations, run("wine-8.0", {{{"id", "g/fixed"}, {"verdict", "pass"}}}));
  EXPECT_TRUE(summary.fixed.empty());
  EXPECT_EQ(summary.removed, std::vector<std::string>{"g/fixed"});
  EXPECT_TRUE(expectations.fixed.empty());
  EXPECT_TRUE(expectations.based_on.empty());
}

TEST(ExpectationsUpdate, SavedFileRoundTripsEvidenceAndFixed) {
  Expectations expectations = older_file();
  update_expectations(expectations, run("wine-9.0", {{{"id", "g/fixed"}, {"verdict", "pass"}}}));
  const fs::path file =
      fs::temp_directory_path() / ("fmconf-exp-roundtrip-" + std::to_string(::getpid()) + ".json");
  save_expectations(file, expectations);
  const Expectations loaded = load_expectations(file, "");
  fs::remove(file);
  EXPECT_EQ(loaded.target, "wine-9.0");
  EXPECT_EQ(loaded.based_on, "wine-8.0");
  EXPECT_EQ(loaded.fixed.at("g/fixed")["evidence"]["todo_wine"], true);
  EXPECT_EQ(loaded.find("g/still")->extra["evidence"]["kind"], "documented");
}

}  // namespace
}  // namespace fmconf::report
