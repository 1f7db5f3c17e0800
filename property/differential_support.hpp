// Support of the differential properties (model vs Wine): the shared Wine executor, a check
// that runs a program on both backends inside a property, and the gtest driver that, when a
// property fails, writes the shrunk program as a regression case with its RC_PARAMS reproduce
// string.
#pragma once

#include "property/differential.hpp"
#include "property/regression_case.hpp"
#include "reference/model_api.hpp"
#include "remote/remote_api.hpp"

#include <memory>
#include <rapidcheck.h>
#include <string>

#include <gtest/gtest.h>
#include <rapidcheck/detail/Configuration.h>
#include <rapidcheck/detail/TestMetadata.h>

namespace fmconf::property {

// One executor for the whole test program; nullptr (with the reason) when Wine or
// fmconf-executor.exe is not available.
inline remote::RemoteApi* wine_api(std::string* why) {
  static std::unique_ptr<remote::RemoteApi> api;
  static std::string reason;
  static bool tried = false;
  if (!tried) {
    tried = true;
    auto options = remote::default_executor_options("", &reason);
    if (options) {
      try {
        api = std::make_unique<remote::RemoteApi>(*options);
        api->environment();
      } catch (const std::exception& e) {
        reason = e.what();
        api.reset();
      }
    }
  }
  *why = reason;
  return api.get();
}

// The last program that showed an unknown difference (the minimal one once shrinking is over).
struct FailureRecord {
  Json program;  // with the model's observations as expectations
  std::string spec_rows;
  std::string description;
};
inline std::optional<FailureRecord>& last_failure() {
  static std::optional<FailureRecord> record;
  return record;
}

// Inside a property: runs `program` on a fresh model and on Wine; tolerated differences are
// tagged (RC_TAG), any other one records the program and fails the property.
inline void assert_same_on_both(const Json& program, remote::RemoteApi& wine,
                                const std::string& spec_rows) {
  ModelApi model;
  const DualRun run = run_both(program, model, wine, "fmprop_");
  for (const auto& t : run.tolerated) RC_TAG(std::string(t.rule->id));
  if (!run.same()) {
    last_failure() =
        FailureRecord{with_model_expectations(program, run.model), spec_rows, run.describe()};
    RC_FAIL(run.describe() + "\nprogram: " + program["steps"].dump());
  }
}

// Runs a property as the current gtest test; on failure writes the minimal program to
// corpus/regressions/ (or $FMCONF_REGRESSIONS_DIR) and prints how to reproduce it.
template <class Testable>
void check_differential(Testable&& testable) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  rc::detail::TestMetadata metadata;
  metadata.id = std::string(info->test_suite_name()) + "/" + info->name();
  metadata.description = info->name();
  last_failure().reset();
  const auto result = rc::detail::checkTestable(std::forward<Testable>(testable), metadata);
  if (result.template is<rc::detail::SuccessResult>()) {
    const auto& success = result.template get<rc::detail::SuccessResult>();
    if (!success.distribution.empty()) rc::detail::printResultMessage(result, std::cout);
    std::cout << std::endl;
    return;
  }
  std::ostringstream message;
  rc::detail::printResultMessage(result, message);
  if (result.template is<rc::detail::FailureResult>()) {
    rc::detail::Configuration config;
    config.reproduce[metadata.id] = result.template get<rc::detail::FailureResult>().reproduce;
    const std::string params = rc::detail::configToMinimalString(config);
    message << "\nreproduce: RC_PARAMS=\"" << params << "\" "
            << "--gtest_filter=" << metadata.id.substr(0, metadata.id.find('/')) << "."
            << info->name();
    if (last_failure()) {
      const auto path =
          write_regression(regressions_dir(FMCONF_SOURCE_DIR), last_failure()->program, metadata.id,
                           "model (src/reference) vs Wine; " + last_failure()->spec_rows, params);
      message << "\nregression case written: " << path.string() << "\n"
              << last_failure()->description;
    }
  }
  FAIL() << message.str();
}

}  // namespace fmconf::property
