// Runs every case of corpus/cases on the model, one fresh name prefix per case, and hands each
// case and its result to a check (tests that compare two encodings of the same results).
#pragma once

#include "cases/case_file.hpp"
#include "cases/runner.hpp"
#include "reference/model_api.hpp"

#include <filesystem>
#include <functional>
#include <string>

#include <gtest/gtest.h>

namespace fmconf::testing {

inline LoadResult corpus_cases() {
  return load_cases(std::filesystem::path(FMCONF_SOURCE_DIR) / "corpus" / "cases");
}

inline void for_each_corpus_result_on_model(
    const std::string& prefix, const std::function<void(const Case&, const CaseResult&)>& check) {
  const LoadResult loaded = corpus_cases();
  ASSERT_FALSE(loaded.cases.empty());
  ModelApi model;
  std::size_t i = 0;
  for (const Case& c : loaded.cases) {
    check(c, run_case(c, model, RunOptions{prefix + std::to_string(i++) + "_"}));
    if (::testing::Test::HasFatalFailure()) return;
  }
}

}  // namespace fmconf::testing
