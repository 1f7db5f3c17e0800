// What the Wine executor adds over the same calls made in-process under Wine, in one run.
//
// Each iteration is one round of two passes over the same cases, one after the other:
//   in-process  `bench_cases`: fmconf-executor.exe runs the cases (parsed beforehand) in a loop
//               and times only that loop, inside the Wine process: the native limit;
//   executor    WineTarget::run_batch, as `fmconf run`/`audit` run cases: requests written,
//               cases parsed and run in the executor, results streamed back and parsed here;
//               timed on the Linux side (the benchmark's manual time).
// With 2 executors each pass splits the cases in halves that run at the same time.
// Counters: time per case and per call of both passes, cases/s through the executor, the ratio
// executor/in-process (of the sums over all rounds, and the median of the rounds), and
// run_slowdown: the time the executor itself spent running the cases in the executor pass over
// the in-process time (the rest of the ratio is protocol work, the executor's and the client's).
// Skipped, saying why, when wine or fmconf-executor.exe is not there.
#include "bench_support.hpp"
#include "cases/target.hpp"
#include "remote/executor_client.hpp"
#include "remote/remote_api.hpp"
#include "remote/wine_target.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <benchmark/benchmark.h>

namespace fmconf::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Wine {
  std::optional<remote::ExecutorOptions> options;
  std::string why;
};

const Wine& wine() {
  static const Wine found = [] {
    Wine w;
    w.options = remote::default_executor_options("", &w.why);
    if (w.options) w.options->request_timeout = std::chrono::minutes(2);
    return w;
  }();
  return found;
}

bool skip_without_wine(benchmark::State& state) {
  if (wine().options) return false;
  const std::string message = "skipped: no Wine executor (" + wine().why + ")";
  state.SkipWithError(message.c_str());
  return true;
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n == 0 ? 0.0 : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Names unique to this process and case: other runs of the suite (another build's benchmark,
// the tests) may use the same Wine prefix and wineserver at the same time.
std::vector<BatchItem> items_of(const std::vector<const Case*>& cases) {
  const std::string prefix = "fmb" + std::to_string(::getpid()) + "-";
  std::vector<BatchItem> items;
  items.reserve(cases.size());
  for (std::size_t k = 0; k < cases.size(); ++k) {
    items.push_back({cases[k], RunOptions{prefix + std::to_string(k) + "_"}});
  }
  return items;
}

Json bench_request(const std::vector<BatchItem>& items) {
  Json request = {{"op", "bench_cases"}, {"repeat", 1}, {"cases", Json::array()}};
  for (const BatchItem& item : items) {
    request["cases"].push_back({{"case", item.c->json}, {"name_prefix", item.options.name_prefix}});
  }
  return request;
}

struct Totals {
  double in_process = 0;  // seconds
  double executor = 0;
  double executor_running = 0;  // of which the executors ran cases (their own clock)
  std::vector<double> ratios;
  std::uint64_t in_process_passed = 0;
  std::uint64_t executor_passed = 0;
};

// One round over `cases` split among `executors` workers; adds to `totals`, returns the
// executor pass's wall time.
// How the executor pass sends the cases.
enum class Mode {
  batch,     // run_batch: `run_cases` requests (as `fmconf run`/`audit`)
  per_case,  // run(): one `run_case` request per case (protocol 1's way)
};

double round_trip(const std::vector<std::vector<BatchItem>>& shares,
                  const std::vector<Json>& bench_requests,
                  std::vector<std::unique_ptr<remote::ExecutorClient>>& in_process,
                  remote::WineTarget& target, Mode mode, Totals* totals) {
  const std::size_t workers = shares.size();
  // In-process: every share at once, each timed inside its executor; the slowest is the pass.
  std::vector<double> seconds(workers);
  std::vector<std::uint64_t> passed(workers);
  {
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w) {
      threads.emplace_back([&, w] {
        const Json response = in_process[w]->request(bench_requests[w]);
        seconds[w] = response.at("nanoseconds").get<double>() * 1e-9;
        passed[w] = response.at("passed").get<std::uint64_t>();
      });
    }
    for (auto& t : threads) t.join();
  }
  const double in_process_seconds = *std::max_element(seconds.begin(), seconds.end());
  for (const auto p : passed) totals->in_process_passed += p;

  // Through the executor, timed here.
  std::vector<std::uint64_t> executor_passed(workers);
  const std::uint64_t running_before = target.run_nanoseconds();
  const auto start = Clock::now();
  {
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < workers; ++w) {
      threads.emplace_back([&, w] {
        if (mode == Mode::per_case) {
          for (const BatchItem& item : shares[w]) {
            executor_passed[w] += target.run(*item.c, item.options).verdict == Verdict::pass;
          }
          return;
        }
        target.run_batch(shares[w], [&](std::size_t, CaseResult&& result) {
          executor_passed[w] += result.verdict == Verdict::pass ? 1 : 0;
        });
      });
    }
    for (auto& t : threads) t.join();
  }
  const double executor_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  for (const auto p : executor_passed) totals->executor_passed += p;
  totals->in_process += in_process_seconds;
  totals->executor += executor_seconds;
  // With several executors their times add up; per executor, as the wall time is.
  totals->executor_running += static_cast<double>(target.run_nanoseconds() - running_before) *
                              1e-9 / static_cast<double>(workers);
  totals->ratios.push_back(executor_seconds / in_process_seconds);
  return executor_seconds;
}

void compare(benchmark::State& state, const std::vector<const Case*>& cases, std::size_t executors,
             Mode mode = Mode::batch) {
  if (skip_without_wine(state)) return;
  // Shares: case k goes to worker k % executors (both passes run the same shares); every case
  // has its own names, whichever worker runs it.
  const std::vector<BatchItem> all = items_of(cases);
  std::vector<std::vector<BatchItem>> shares(executors);
  for (std::size_t k = 0; k < all.size(); ++k) shares[k % executors].push_back(all[k]);
  std::vector<Json> requests;
  std::vector<std::unique_ptr<remote::ExecutorClient>> in_process;
  for (const auto& share : shares) {
    requests.push_back(bench_request(share));
    in_process.push_back(std::make_unique<remote::ExecutorClient>(*wine().options));
  }
  remote::WineTarget target(*wine().options, static_cast<int>(executors));
  Totals warm_up;
  try {
    round_trip(shares, requests, in_process, target, mode, &warm_up);  // starts everything
  } catch (const std::exception& e) {
    state.SkipWithError((std::string("executor failed: ") + e.what()).c_str());
    return;
  }
  Totals totals;
  for (auto _ : state) {
    state.SetIterationTime(round_trip(shares, requests, in_process, target, mode, &totals));
  }

  const double runs = static_cast<double>(state.iterations());
  const double n_cases = runs * static_cast<double>(cases.size());
  const double n_calls = runs * static_cast<double>(step_count(cases));
  state.counters["cases"] = static_cast<double>(cases.size());
  state.counters["executors"] = static_cast<double>(executors);
  state.counters["cases_per_s"] = n_cases / totals.executor;
  state.counters["in_process_us_per_case"] = totals.in_process / n_cases * 1e6;
  state.counters["executor_us_per_case"] = totals.executor / n_cases * 1e6;
  state.counters["in_process_us_per_call"] = totals.in_process / n_calls * 1e6;
  state.counters["executor_us_per_call"] = totals.executor / n_calls * 1e6;
  state.counters["ratio"] = totals.executor / totals.in_process;
  // How the ratio splits: the cases themselves ran slower in the executor pass (run_slowdown),
  // and the rest is the executor's protocol work and the client's.
  if (mode == Mode::batch) {
    state.counters["run_slowdown"] = totals.executor_running / totals.in_process;
  }
  state.counters["ratio_median"] = median(totals.ratios);
  state.counters["passed_in_process"] = static_cast<double>(totals.in_process_passed) / n_cases;
  state.counters["passed_executor"] = static_cast<double>(totals.executor_passed) / n_cases;
}

// The 8-call round-trip case 200 times a round: cheap calls, the executor's worst case.
void BM_ExecutorVsInProcess_Roundtrip(benchmark::State& state) {
  const std::vector<const Case*> cases(200, &roundtrip_case());
  compare(state, cases, static_cast<std::size_t>(state.range(0)));
}
BENCHMARK(BM_ExecutorVsInProcess_Roundtrip)
    ->ArgName("executors")
    ->Arg(1)
    ->Iterations(15)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// A quarter of the corpus (every 4th case that may run beside others), in corpus proportions.
void BM_ExecutorVsInProcess_Corpus(benchmark::State& state) {
  compare(state, corpus_sample(4), static_cast<std::size_t>(state.range(0)));
}
BENCHMARK(BM_ExecutorVsInProcess_Corpus)
    ->ArgName("executors")
    ->Arg(1)
    ->Arg(2)
    ->Iterations(5)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// For comparison: the same round trips with one `run_case` request per case (before batches).
void BM_ExecutorOneRequestPerCase_Roundtrip(benchmark::State& state) {
  const std::vector<const Case*> cases(200, &roundtrip_case());
  compare(state, cases, 1, Mode::per_case);
}
BENCHMARK(BM_ExecutorOneRequestPerCase_Roundtrip)
    ->Iterations(5)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

// For comparison: one request per Api call (RemoteApi, as the differential properties and the
// fuzzers' Wine replay use it), the runner on this side; the round-trip case 100 times.
void BM_ExecutorOneRequestPerCall_Roundtrip(benchmark::State& state) {
  if (skip_without_wine(state)) return;
  const Case& c = roundtrip_case();
  remote::RemoteApi api(*wine().options);
  LocalTarget over_calls(api);
  const RunOptions options{"fmbc" + std::to_string(::getpid()) + "_"};
  over_calls.run(c, options);  // warm-up
  constexpr int kRepeat = 100;
  for (auto _ : state) {
    for (int i = 0; i < kRepeat; ++i) benchmark::DoNotOptimize(over_calls.run(c, options));
  }
  const double runs = static_cast<double>(state.iterations()) * kRepeat;
  state.counters["cases_per_s"] = benchmark::Counter(runs, benchmark::Counter::kIsRate);
  state.counters["time_per_call"] =
      benchmark::Counter(runs * static_cast<double>(c.steps.size()),
                         benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_ExecutorOneRequestPerCall_Roundtrip)
    ->Iterations(3)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace fmconf::bench
