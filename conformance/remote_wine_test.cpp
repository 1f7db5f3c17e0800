// The Wine executor's fault handling (issue 3): an executor killed mid-run, a request that hangs,
// garbage input, a crash; each ends in a clear per-case error while the other cases pass. Also:
// the model and Wine observe the same for simple cases. Skipped (with the reason) when Wine or
// build/mingw/fmconf-executor.exe is not there.
#include <gtest/gtest.h>

#if !defined(_WIN32)
#include "cases/case_file.hpp"
#include "cases/result_json.hpp"
#include "remote/child_process.hpp"
#include "remote/remote_api.hpp"
#include "remote/wine_target.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <signal.h>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>
#if __has_include("reference/model_api.hpp")
#include "cases/target.hpp"
#include "reference/model_api.hpp"
#define FMCONF_TEST_HAVE_MODEL 1
#endif

namespace fmconf::remote {
namespace {

using namespace std::chrono_literals;

class RemoteWine : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    auto options = default_executor_options("", &why);
    if (!options) GTEST_SKIP() << "no Wine executor: " << why;
    options_ = std::move(*options);
    const LoadResult loaded =
        load_cases(std::filesystem::path(FMCONF_SOURCE_DIR) / "conformance/testdata/wine");
    ASSERT_TRUE(loaded.errors.empty()) << loaded.errors.front().text();
    ASSERT_GE(loaded.cases.size(), 3u);
    cases_ = loaded.cases;
  }

  // A case that keeps the executor busy for a while: `pairs` event create/close pairs.
  Case long_case(int pairs) const {
    Json json = Json::parse(R"({"id":"wine-smoke/long","title":"many calls",
      "provenance":{"kind":"inferred","source":"fault test"},"steps":[]})");
    for (int i = 0; i < pairs; ++i) {
      json["steps"].push_back(Json::parse(R"({"call":"CreateEventW","out":"e","name":null})"));
      json["steps"].push_back(Json::parse(R"({"call":"CloseHandle","handle":"e"})"));
    }
    ParsedCase parsed = parse_case(json, CaseOrigin{"long.jsonl", 1, std::nullopt});
    EXPECT_TRUE(parsed.value.has_value());
    return *parsed.value;
  }

  // Runs `batch` with run_batch and returns the results by item; each item gets one result, in
  // item order. `on_result` (optional) sees each as it arrives.
  std::vector<CaseResult> run_batch(WineTarget& target, const std::vector<Case>& batch,
                                    const std::function<void(std::size_t)>& on_result = {}) {
    std::vector<BatchItem> items;
    for (std::size_t k = 0; k < batch.size(); ++k) {
      // Unique to this process: another run of the tests may share the wineserver.
      items.push_back({&batch[k], RunOptions{"wbatch" + std::to_string(::getpid()) + "-" +
                                             std::to_string(k) + "_"}});
    }
    std::vector<CaseResult> results;
    target.run_batch(items, [&](std::size_t k, CaseResult&& result) {
      EXPECT_EQ(k, results.size());
      results.push_back(std::move(result));
      if (on_result) on_result(k);
    });
    EXPECT_EQ(results.size(), batch.size());
    return results;
  }

  void expect_all_pass(WineTarget& target) {
    for (const Case& c : cases_) {
      const CaseResult result = target.run(c, RunOptions{"wtest_"});
      EXPECT_EQ(result.verdict, Verdict::pass) << result_to_line(result);
    }
  }

  ExecutorOptions options_;
  std::vector<Case> cases_;
};

TEST_F(RemoteWine, RunsWholeCasesAndReportsTheEnvironment) {
  WineTarget target(options_);
  const Environment environment = target.environment();
  EXPECT_EQ(environment.target, "wine");
  EXPECT_EQ(environment.page_size, 4096u);
  EXPECT_EQ(environment.allocation_granularity, 65536u);
  expect_all_pass(target);
  const CaseResult result = target.run(cases_[0], RunOptions{"wtest_"});
  EXPECT_EQ(result.file, cases_[0].origin.file);
  EXPECT_EQ(result.line, cases_[0].origin.line);
  EXPECT_EQ(target.executor_starts(), 1);
}

TEST_F(RemoteWine, ExecutorKilledMidRunFailsThatCaseOnly) {
  WineTarget target(options_);
  ASSERT_EQ(target.run(cases_[0], RunOptions{"wtest_"}).verdict, Verdict::pass);  // warm
  std::atomic<bool> killed{false};
  std::thread killer([&] {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (std::chrono::steady_clock::now() < deadline) {
      if (const int pid = target.busy_executor_pid(); pid > 0) {
        std::this_thread::sleep_for(20ms);
        ::kill(pid, SIGKILL);
        killed = true;
        return;
      }
      std::this_thread::sleep_for(1ms);
    }
  });
  const CaseResult killed_result = target.run(long_case(20000), RunOptions{"wtest_"});
  killer.join();
  ASSERT_TRUE(killed);
  EXPECT_EQ(killed_result.verdict, Verdict::error);
  EXPECT_EQ(killed_result.message, "executor crashed");
  EXPECT_EQ(killed_result.id, "wine-smoke/long");
  expect_all_pass(target);
  EXPECT_EQ(target.executor_starts(), 2);
}

TEST_F(RemoteWine, CaseOutlivingTheWatchdogIsATimeoutAndTheRunGoesOn) {
  WineTarget target(options_);
  ASSERT_EQ(target.run(cases_[0], RunOptions{"wtest_"}).verdict, Verdict::pass);  // warm
  target.set_request_timeout(100ms);
  const auto start = std::chrono::steady_clock::now();
  const CaseResult result = target.run(long_case(20000), RunOptions{"wtest_"});
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_EQ(result.verdict, Verdict::error);
  EXPECT_EQ(result.message, "timeout");
  target.set_request_timeout(20s);
  expect_all_pass(target);
  EXPECT_EQ(target.executor_starts(), 2);
}

TEST_F(RemoteWine, HangingRequestIsKilledAndRestarted) {
  options_.request_timeout = 500ms;
  ExecutorClient client(options_);
  EXPECT_TRUE(client.request(Json{{"op", "hello"}}).at("ok").get<bool>());
  try {
    client.request(Json{{"op", "hang"}});
    ADD_FAILURE() << "a hanging request returned";
  } catch (const ExecutorFailure& failure) {
    EXPECT_EQ(failure.kind(), ExecutorFailure::Kind::timeout);
    EXPECT_STREQ(failure.what(), "timeout");
  }
  EXPECT_EQ(client.pid(), -1);
  EXPECT_TRUE(client.request(Json{{"op", "hello"}}).at("ok").get<bool>());
  EXPECT_EQ(client.starts(), 2);
}

TEST_F(RemoteWine, CrashingExecutorIsRestarted) {
  ExecutorClient client(options_);
  for (const char* how : {"abort", "access_violation"}) {
    try {
      client.request(Json{{"op", "crash"}, {"how", how}});
      ADD_FAILURE() << "a crash request returned";
    } catch (const ExecutorFailure& failure) {
      EXPECT_EQ(failure.kind(), ExecutorFailure::Kind::crashed) << how;
      EXPECT_STREQ(failure.what(), "executor crashed");
    }
    EXPECT_TRUE(client.request(Json{{"op", "hello"}}).at("ok").get<bool>()) << how;
  }
  EXPECT_EQ(client.starts(), 3);
}

TEST_F(RemoteWine, GarbageLinesGetErrorResponsesAndCasesStillRun) {
  prepare_prefix(options_.wine);
  ChildProcess executor({options_.wine.wine, options_.executor.string()}, options_.wine.environment,
                        false);
  for (const std::string& garbage :
       {std::string("garbage{"), std::string("[1]"),
        std::string("{\"op\":\"call\",\"fn\":\"Nope\",\"args\":{}}"),
        std::string("\xff\xfe\x01\x02", 4), std::string(100000, 'x')}) {
    ASSERT_TRUE(executor.write_line(garbage));
    std::string line;
    ASSERT_EQ(executor.read_line(&line, 30s), ChildProcess::ReadStatus::line);
    const Json response = Json::parse(line);
    EXPECT_FALSE(response.at("ok").get<bool>()) << line;
  }
  // Through the target: a case the executor cannot parse is an error result; the rest pass.
  WineTarget target(options_);
  Case mangled = cases_[0];
  mangled.json["steps"] = 5;
  const CaseResult bad = target.run(mangled, RunOptions{"wtest_"});
  EXPECT_EQ(bad.verdict, Verdict::error);
  EXPECT_FALSE(bad.message.empty());
  expect_all_pass(target);
  EXPECT_EQ(target.executor_starts(), 1);
}

// Batches (`run_cases`): many cases in one request, results streamed back case by case.
TEST_F(RemoteWine, BatchRunsManyCasesInOneExecutorAndKeepsTheirOrigins) {
  WineTarget target(options_);
  std::vector<Case> batch;
  for (int round = 0; round < 100; ++round) batch.insert(batch.end(), cases_.begin(), cases_.end());
  const std::vector<CaseResult> results = run_batch(target, batch);
  ASSERT_EQ(results.size(), batch.size());
  for (std::size_t k = 0; k < batch.size(); ++k) {
    EXPECT_EQ(results[k].verdict, Verdict::pass) << result_to_line(results[k]);
    EXPECT_EQ(results[k].id, batch[k].id);
    EXPECT_EQ(results[k].file, batch[k].origin.file);
    EXPECT_EQ(results[k].line, batch[k].origin.line);
  }
  EXPECT_GT(batch.size(), WineTarget::kMaxBatch);  // more than one request
  EXPECT_EQ(target.executor_starts(), 1);
}

TEST_F(RemoteWine, ExecutorKilledMidBatchFailsThatCaseAndTheBatchGoesOn) {
  WineTarget target(options_);
  ASSERT_EQ(target.run(cases_[0], RunOptions{"wtest_"}).verdict, Verdict::pass);  // warm
  std::vector<Case> batch = cases_;
  const std::size_t long_index = batch.size();
  batch.push_back(long_case(20000));
  batch.insert(batch.end(), cases_.begin(), cases_.end());
  // The killer strikes once every case before the long one has its result.
  std::atomic<bool> before_done{false};
  std::atomic<bool> killed{false};
  std::thread killer([&] {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!before_done && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(1ms);
    }
    std::this_thread::sleep_for(50ms);
    if (const int pid = target.busy_executor_pid(); pid > 0) {
      ::kill(pid, SIGKILL);
      killed = true;
    }
  });
  const std::vector<CaseResult> results = run_batch(target, batch, [&](std::size_t k) {
    if (k + 1 == long_index) before_done = true;
  });
  killer.join();
  ASSERT_TRUE(killed);
  ASSERT_EQ(results.size(), batch.size());
  for (std::size_t k = 0; k < batch.size(); ++k) {
    EXPECT_EQ(results[k].id, batch[k].id);
    if (k == long_index) {
      EXPECT_EQ(results[k].verdict, Verdict::error);
      EXPECT_EQ(results[k].message, "executor crashed");
      EXPECT_EQ(results[k].file, "long.jsonl");
    } else {
      EXPECT_EQ(results[k].verdict, Verdict::pass) << result_to_line(results[k]);
    }
  }
  EXPECT_EQ(target.executor_starts(), 2);
}

TEST_F(RemoteWine, CaseOutlivingTheWatchdogMidBatchIsATimeoutAndTheBatchGoesOn) {
  WineTarget target(options_);
  ASSERT_EQ(target.run(cases_[0], RunOptions{"wtest_"}).verdict, Verdict::pass);  // warm
  target.set_request_timeout(300ms);  // per case, also inside a batch
  std::vector<Case> batch = cases_;
  const std::size_t long_index = batch.size();
  batch.push_back(long_case(40000));
  batch.insert(batch.end(), cases_.begin(), cases_.end());
  const std::vector<CaseResult> results = run_batch(target, batch);
  ASSERT_EQ(results.size(), batch.size());
  for (std::size_t k = 0; k < batch.size(); ++k) {
    if (k == long_index) {
      EXPECT_EQ(results[k].verdict, Verdict::error);
      EXPECT_EQ(results[k].message, "timeout");
      EXPECT_EQ(results[k].id, "wine-smoke/long");
    } else {
      EXPECT_EQ(results[k].verdict, Verdict::pass) << result_to_line(results[k]);
    }
  }
  EXPECT_EQ(target.executor_starts(), 2);
}

TEST_F(RemoteWine, GarbageInABatchFailsThatCaseOnly) {
  WineTarget target(options_);
  std::vector<Case> batch = cases_;
  Case mangled = cases_[0];
  mangled.json["steps"] = 5;
  batch.insert(batch.begin() + 1, mangled);
  const std::vector<CaseResult> results = run_batch(target, batch);
  ASSERT_EQ(results.size(), batch.size());
  for (std::size_t k = 0; k < batch.size(); ++k) {
    if (k == 1) {
      EXPECT_EQ(results[k].verdict, Verdict::error);
      EXPECT_FALSE(results[k].message.empty());
    } else {
      EXPECT_EQ(results[k].verdict, Verdict::pass) << result_to_line(results[k]);
    }
  }
  EXPECT_EQ(target.executor_starts(), 1);
}

// At the protocol level: a batch whose executor hangs or dies at item 1 has delivered item 0's
// result, and the failure says which (timeout or crash); the next request gets a new executor.
TEST_F(RemoteWine, StreamedResultsBeforeAHangOrCrashAreKept) {
  options_.request_timeout = 2s;
  ExecutorClient client(options_);
  ASSERT_GE(client.protocol(), 2);
  for (const auto& [item, kind] :
       {std::pair{Json{{"op", "hang"}}, ExecutorFailure::Kind::timeout},
        std::pair{Json{{"op", "crash"}, {"how", "abort"}}, ExecutorFailure::Kind::crashed},
        std::pair{Json{{"op", "crash"}, {"how", "access_violation"}},
                  ExecutorFailure::Kind::crashed}}) {
    Json request = {{"op", "run_cases"}, {"cases", Json::array()}};
    request["cases"].push_back({{"case", cases_[0].json}});
    request["cases"].push_back(item);
    request["cases"].push_back({{"case", cases_[0].json}});
    std::vector<Json> lines;
    try {
      client.request_stream(request, [&](Json&& line) {
        lines.push_back(std::move(line));
        return false;
      });
      ADD_FAILURE() << "the batch ended normally: " << item.dump();
    } catch (const ExecutorFailure& failure) {
      EXPECT_EQ(failure.kind(), kind) << item.dump();
    }
    ASSERT_EQ(lines.size(), 1u) << item.dump();
    EXPECT_EQ(lines[0].at("index"), 0);
    EXPECT_EQ(lines[0].at("result").at("verdict"), "pass");
    EXPECT_EQ(client.pid(), -1);
  }
  EXPECT_TRUE(client.request(Json{{"op", "hello"}}).at("ok").get<bool>());
  EXPECT_EQ(client.starts(), 4);
}

TEST_F(RemoteWine, RemoteApiMakesSingleCalls) {
  RemoteApi api(options_);
  api.begin_case();
  api.SetLastError(0xdeadbeef);
  const Handle mapping =
      api.CreateFileMappingW(kInvalidHandleValue, false, 0x04, 0, 4096, std::nullopt);
  ASSERT_NE(mapping, kNullHandle);
  EXPECT_EQ(api.GetLastError(), 0u);
  const Address view = api.MapViewOfFile(mapping, 0x02, 0, 0, 0);
  ASSERT_NE(view, 0u);
  EXPECT_FALSE(api.WriteView(view + 10, Bytes{1, 2, 3}).fault);
  const ViewAccess read = api.ReadView(view + 9, 5);
  EXPECT_FALSE(read.fault);
  EXPECT_EQ(read.data, (Bytes{0, 1, 2, 3, 0}));
  const ViewAccess past = api.ReadView(view + 4094, 4);
  EXPECT_TRUE(past.fault);
  EXPECT_EQ(past.data.size(), 2u);
  SectionInfo info;
  ASSERT_TRUE(api.QuerySection(mapping, &info));
  EXPECT_EQ(info.size, 4096u);
  MemoryInfo memory;
  EXPECT_NE(api.VirtualQuery(view, &memory), 0u);
  EXPECT_EQ(memory.protect, 0x04u);
  EXPECT_TRUE(api.CloseHandle(mapping));
  api.SetLastError(0xdeadbeef);
  EXPECT_FALSE(api.CloseHandle(mapping));
  EXPECT_EQ(api.GetLastError(), 6u);  // ERROR_INVALID_HANDLE
  api.end_case();
}

#if defined(FMCONF_TEST_HAVE_MODEL)
TEST_F(RemoteWine, ModelAndWineObserveTheSameForSimpleCases) {
  WineTarget wine(options_);
  ModelApi model_api;
  LocalTarget model(model_api);
  for (const Case& c : cases_) {
    const Json on_wine = result_to_json(wine.run(c, RunOptions{"wtest_"}));
    const Json on_model = result_to_json(model.run(c, RunOptions{"wtest_"}));
    EXPECT_EQ(on_wine.at("steps"), on_model.at("steps")) << c.id;
  }
}
#endif

}  // namespace
}  // namespace fmconf::remote
#endif
