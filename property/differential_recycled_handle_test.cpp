// run_both does not compare a step that uses a closed handle once the target has made another
// handle (inferred:handle-values: the model never reuses a value, Windows and Wine do). Found by
// fuzz_differential (crash-997007e2): Wine gave the closed h0's value to the next CreateFileW,
// so CreateFileMapping(h0) met a read-only file (ERROR_ACCESS_DENIED) where the model's stale
// h0 is ERROR_INVALID_HANDLE. Runs on Wine; skipped, with the reason, without it.
#include "property/differential_support.hpp"

namespace fmconf::property {
namespace {

Json program(Json steps) {
  return Json{{"id", "generated/recycled"},
              {"title", "a closed handle used again"},
              {"provenance", {{"kind", "inferred"}, {"source", "generated"}}},
              {"steps", std::move(steps)}};
}

Json create_file(const char* out, const char* access) {
  return {{"call", "CreateFileW"},      {"path", "a.bin"}, {"access", access},
          {"share", "FILE_SHARE_READ"}, {"out", out},      {"disposition", "OPEN_ALWAYS"}};
}

Json map_file(const char* file) {
  return {{"call", "CreateFileMappingW"},
          {"file", file},
          {"protect", "PAGE_READWRITE"},
          {"size_low", 8192},
          {"out", "m"}};
}

const Json kClose0 = {{"call", "CloseHandle"}, {"handle", "h0"}};

TEST(DifferentialComparison, AClosedHandleUsedAfterAnotherHandleWasMadeIsNotCompared) {
  std::string why;
  remote::RemoteApi* wine = wine_api(&why);
  if (!wine) GTEST_SKIP() << "Wine properties skipped: " << why;
  ModelApi model;
  const DualRun run = run_both(program({create_file("h0", "GENERIC_READ|GENERIC_WRITE"), kClose0,
                                        create_file("h1", "GENERIC_READ"), map_file("h0")}),
                               model, *wine, "fmrecycle_");
  ASSERT_TRUE(run.error.empty()) << run.error;
  EXPECT_TRUE(run.same()) << run.describe();
  EXPECT_EQ(run.recycled, std::vector<std::size_t>{3});
  // The model's stale h0 is an invalid handle; whatever Wine's h0 now names is not compared
  // (Wine 8.0: the read-only h1, ERROR_ACCESS_DENIED).
  RecordProperty("wine_error", std::to_string(run.target.steps[3].error));
  EXPECT_EQ(run.model.steps[3].error, 6u) << "ERROR_INVALID_HANDLE";
}

TEST(DifferentialComparison, AClosedHandleUsedBeforeAnyNewHandleIsStillCompared) {
  std::string why;
  remote::RemoteApi* wine = wine_api(&why);
  if (!wine) GTEST_SKIP() << "Wine properties skipped: " << why;
  ModelApi model;
  const DualRun run =
      run_both(program({create_file("h0", "GENERIC_READ|GENERIC_WRITE"), kClose0, map_file("h0")}),
               model, *wine, "fmrecycle_");
  ASSERT_TRUE(run.error.empty()) << run.error;
  EXPECT_TRUE(run.recycled.empty());
  EXPECT_TRUE(run.same()) << run.describe();
  EXPECT_EQ(run.target.steps[2].error, 6u) << "ERROR_INVALID_HANDLE on both";
}

}  // namespace
}  // namespace fmconf::property
