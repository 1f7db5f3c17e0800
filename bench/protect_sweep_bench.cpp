// The whole flProtect space on the model (property/protect_sweep.hpp): the 2^32 sweep on both
// cores, its per-value cost on one thread, and the Api cost of one outcome vector.
#include "property/protect_sweep.hpp"

#include <thread>

#include <benchmark/benchmark.h>

namespace fmconf::property {
namespace {

// All 2^32 values, on every hardware thread (2 on the CI machine); reports the class count.
void BM_FullProtectSweep(benchmark::State& state) {
  const unsigned threads = std::max(2u, std::thread::hardware_concurrency());
  std::size_t classes = 0;
  for (auto _ : state) {
    const SignatureCounts counts = sweep_signatures(0, 0xffffffffu, threads);
    benchmark::DoNotOptimize(counts);
    classes = outcome_classes(counts).size();
  }
  state.counters["values"] = 4294967296.0;
  state.counters["outcome_classes"] = static_cast<double>(classes);
  state.counters["threads"] = threads;
}
BENCHMARK(BM_FullProtectSweep)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

// 2^24 values on one thread: the per-value cost of the signature.
void BM_SweepSlice(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(sweep_signatures(0, (1u << 24) - 1, 1));
  }
  state.SetItemsProcessed(state.iterations() * (std::int64_t{1} << 24));
}
BENCHMARK(BM_SweepSlice)->Unit(benchmark::kMillisecond)->UseRealTime();

// One value's outcome in every scenario, through ModelApi calls.
void BM_ModelOutcomes(benchmark::State& state) {
  std::uint32_t v = 0;
  for (auto _ : state) benchmark::DoNotOptimize(model_outcomes(v++ & 0x8000ffff));
}
BENCHMARK(BM_ModelOutcomes)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace fmconf::property
