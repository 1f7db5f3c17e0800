// The inferred choices (src/reference/inferred.hpp): a well-formed table, and the model reports
// which ones an answer relied on.
#include "model_test_support.hpp"
#include "reference/inferred.hpp"

#include <set>

namespace fmconf::testing {
namespace {

TEST(ModelInferred, EveryChoiceHasAnIdWhatAndWhy) {
  std::set<std::string_view> ids;
  for (const auto& choice : inferred_choices()) {
    EXPECT_TRUE(choice.id.starts_with("inferred:")) << choice.id;
    EXPECT_FALSE(choice.what.empty()) << choice.id;
    EXPECT_FALSE(choice.why.empty()) << choice.id;
    EXPECT_TRUE(ids.insert(choice.id).second) << "duplicate " << choice.id;
    EXPECT_EQ(find_inferred(choice.id), &choice);
  }
  EXPECT_EQ(find_inferred("inferred:nope"), nullptr);
  EXPECT_GE(ids.size(), 40u);
}

TEST_F(ModelTest, Inferred_AnswersNameTheChoicesTheyRelyOn) {
  mapping(kNullHandle, page::kReadWrite, kPage);
  const auto used = api.inferred_used();
  EXPECT_NE(std::find(used.begin(), used.end(), inferred::kHfileNull), used.end());
  for (const auto id : used) EXPECT_NE(find_inferred(id), nullptr) << id;
  api.begin_case();
  EXPECT_TRUE(api.inferred_used().empty()) << "reset per case";
}

TEST_F(ModelTest, Inferred_RecordedRowsRelyOnNothingInferred) {
  // spec:A7: a plain recorded row needs no inferred choice beyond the file-path rule.
  const Handle f = file(u"plain.bin", 12288, kGenericRead);
  api.begin_case();
  const Handle g = file(u"plain.bin", 12288, kGenericRead);
  (void)f;
  ASSERT_NE(mapping(g, page::kReadOnly, 4096), kNullHandle);
  for (const auto id : api.inferred_used()) {
    EXPECT_TRUE(id == inferred::kFilePaths || id == inferred::kGrownBytesZero ||
                id == inferred::kSectionHandleAccess)
        << id;
  }
}

TEST(ModelEnvironment, DescribesTheModel) {
  ModelApi api;
  const Environment env = api.environment();
  EXPECT_EQ(env.target, "model");
  EXPECT_EQ(env.version, "fmconf-model-1");
  EXPECT_EQ(env.page_size, 4096u);
  EXPECT_EQ(env.allocation_granularity, 65536u);
  ModelConfig odd;
  odd.page_size = 3000;
  EXPECT_EQ(ModelApi(odd).environment().page_size, 4096u) << "sanitized";
}

}  // namespace
}  // namespace fmconf::testing
