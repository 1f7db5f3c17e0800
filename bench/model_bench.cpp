// The model's cost: per Api call, per case, and per corpus pass (in-process, and through JSON as
// `fmconf run` does it).
#include "bench_support.hpp"
#include "cases/result_json.hpp"
#include "cases/runner.hpp"
#include "reference/model_api.hpp"

#include <benchmark/benchmark.h>

namespace fmconf::bench {
namespace {

constexpr std::uint32_t kPageReadWrite = 0x04;
constexpr std::uint32_t kFileMapWrite = 0x02;

// Seconds per call (shown as e.g. "85ns"), from the number of calls made.
benchmark::Counter per_call(double calls) {
  return benchmark::Counter(calls, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// One case open with a pagefile-backed section and a view, for the single-call benchmarks.
struct ModelWithView {
  ModelApi api;
  Handle mapping = kNullHandle;
  Address view = 0;
  ModelWithView() {
    api.begin_case();
    mapping =
        api.CreateFileMappingW(kInvalidHandleValue, false, kPageReadWrite, 0, 65536, std::nullopt);
    view = api.MapViewOfFile(mapping, kFileMapWrite, 0, 0, 0);
  }
  ~ModelWithView() { api.end_case(); }
};

void BM_ModelCall_VirtualQuery(benchmark::State& state) {
  ModelWithView m;
  MemoryInfo info;
  for (auto _ : state) benchmark::DoNotOptimize(m.api.VirtualQuery(m.view + 100, &info));
  state.counters["time_per_call"] = per_call(static_cast<double>(state.iterations()));
}
BENCHMARK(BM_ModelCall_VirtualQuery);

void BM_ModelCall_ReadView16(benchmark::State& state) {
  ModelWithView m;
  for (auto _ : state) benchmark::DoNotOptimize(m.api.ReadView(m.view + 8, 16));
  state.counters["time_per_call"] = per_call(static_cast<double>(state.iterations()));
}
BENCHMARK(BM_ModelCall_ReadView16);

// Two calls an iteration: MapViewOfFile + UnmapViewOfFile.
void BM_ModelCall_MapUnmap(benchmark::State& state) {
  ModelWithView m;
  for (auto _ : state) {
    const Address a = m.api.MapViewOfFile(m.mapping, kFileMapWrite, 0, 0, 4096);
    benchmark::DoNotOptimize(m.api.UnmapViewOfFile(a));
  }
  state.counters["time_per_call"] = per_call(2.0 * static_cast<double>(state.iterations()));
}
BENCHMARK(BM_ModelCall_MapUnmap);

// Two calls an iteration: a named CreateFileMappingW + CloseHandle.
void BM_ModelCall_CreateNamedMappingClose(benchmark::State& state) {
  ModelWithView m;
  const OptionalName name = std::u16string(u"Local\\fmconf-bench-section");
  for (auto _ : state) {
    const Handle h =
        m.api.CreateFileMappingW(kInvalidHandleValue, false, kPageReadWrite, 0, 4096, name);
    benchmark::DoNotOptimize(m.api.CloseHandle(h));
  }
  state.counters["time_per_call"] = per_call(2.0 * static_cast<double>(state.iterations()));
}
BENCHMARK(BM_ModelCall_CreateNamedMappingClose);

// The 8-call round-trip case, pre-parsed, through the runner.
void BM_ModelCase_Roundtrip(benchmark::State& state) {
  ModelApi api;
  const Case& c = roundtrip_case();
  const RunOptions options{"bench_"};
  for (auto _ : state) benchmark::DoNotOptimize(run_case(c, api, options));
  state.counters["time_per_case"] = per_call(static_cast<double>(state.iterations()));
  state.counters["time_per_call"] =
      per_call(static_cast<double>(state.iterations() * c.steps.size()));
}
BENCHMARK(BM_ModelCase_Roundtrip);

// Every corpus case once an iteration, pre-parsed (as the conformance runner does).
void BM_ModelCorpus(benchmark::State& state) {
  ModelApi api;
  const auto& cases = corpus();
  std::size_t steps = 0;
  for (const Case& c : cases) steps += c.steps.size();
  for (auto _ : state) {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      benchmark::DoNotOptimize(run_case(cases[i], api, RunOptions{"b" + std::to_string(i) + "_"}));
    }
  }
  const double runs = static_cast<double>(state.iterations());
  state.counters["cases"] = static_cast<double>(cases.size());
  state.counters["cases_per_s"] =
      benchmark::Counter(runs * static_cast<double>(cases.size()), benchmark::Counter::kIsRate);
  state.counters["time_per_case"] = per_call(runs * static_cast<double>(cases.size()));
  state.counters["time_per_call"] = per_call(runs * static_cast<double>(steps));
}
BENCHMARK(BM_ModelCorpus)->Unit(benchmark::kMillisecond);

// The same with the case read from JSON and the result written as a JSON line, per case: what
// `fmconf run --backend model` and the executor do around the calls.
void BM_ModelCorpusThroughJson(benchmark::State& state) {
  ModelApi api;
  const auto& cases = corpus();
  for (auto _ : state) {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const ParsedCase parsed = parse_case(cases[i].json, cases[i].origin);
      benchmark::DoNotOptimize(
          result_to_line(run_case(*parsed.value, api, RunOptions{"b" + std::to_string(i) + "_"})));
    }
  }
  const double runs = static_cast<double>(state.iterations());
  state.counters["cases_per_s"] =
      benchmark::Counter(runs * static_cast<double>(cases.size()), benchmark::Counter::kIsRate);
  state.counters["time_per_case"] = per_call(runs * static_cast<double>(cases.size()));
}
BENCHMARK(BM_ModelCorpusThroughJson)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace fmconf::bench
