// fmconf-executor-bench: what the executor costs. Runs one case N times three ways and prints
// the cost per call and the ratio to the in-process limit:
//   in-process   the case looped inside fmconf-executor.exe under Wine (`bench_case`)
//   run_case     one request per case through WineTarget (how `fmconf run --backend wine` works)
//   call         one request per Api call (RemoteApi, as property tests and fuzzers use it)
// Usage: fmconf-executor-bench [REPEAT] [CASE_FILE.jsonl (its first case)]
#include "cases/case_file.hpp"
#include "cases/target.hpp"
#include "remote/remote_api.hpp"
#include "remote/wine_target.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

// A pagefile section, a view, a write, a read, VirtualQuery, QuerySection, two closes.
constexpr const char* kDefaultCase =
    R"({"id":"bench/pagefile-roundtrip","title":"bench","provenance":{"kind":"inferred","source":"bench"},"steps":[)"
    R"({"call":"CreateFileMappingW","out":"m","file":"INVALID_HANDLE_VALUE","protect":"PAGE_READWRITE","size_low":65536,"name":"bench"},)"
    R"({"call":"MapViewOfFile","out":"v","mapping":"m","access":"FILE_MAP_WRITE"},)"
    R"({"call":"WriteView","view":"v","offset":8,"data":"c0ffee"},)"
    R"({"call":"ReadView","view":"v","offset":8,"length":3,"expect":{"data":"c0ffee"}},)"
    R"({"call":"VirtualQuery","view":"v"},)"
    R"({"call":"QuerySection","handle":"m"},)"
    R"({"call":"UnmapViewOfFile","view":"v"},)"
    R"({"call":"CloseHandle","handle":"m"}]})";

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace fmconf;
  const long repeat = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 500;
  const double runs = static_cast<double>(repeat);
  Case bench_case;
  if (argc > 2) {
    LoadResult loaded = load_cases(argv[2]);
    if (loaded.cases.empty()) {
      std::fprintf(stderr, "no valid case in %s\n", argv[2]);
      return 2;
    }
    bench_case = loaded.cases.front();
  } else {
    ParsedCase parsed = parse_case(Json::parse(kDefaultCase), CaseOrigin{"bench", 0, {}});
    bench_case = *parsed.value;
  }
  const double calls = static_cast<double>(bench_case.steps.size());

  std::string why;
  auto options = remote::default_executor_options("", &why);
  if (!options) {
    std::fprintf(stderr, "fmconf-executor-bench: %s\n", why.c_str());
    return 77;
  }
  const RunOptions run_options{"bench_"};

  // 1. In-process under Wine: the loop inside the executor.
  remote::ExecutorClient client(*options);
  Json request = Json::object();
  request["op"] = "bench_case";
  request["case"] = bench_case.json;
  request["name_prefix"] = "bench_";
  request["repeat"] = 20;
  client.request(request);  // warm-up
  request["repeat"] = repeat;
  const Json baseline = client.request(request, std::chrono::minutes(10));
  const double in_process = baseline.at("nanoseconds").get<double>() * 1e-9 / runs;

  // 2. Whole cases, one request each.
  remote::WineTarget target(*options);
  for (int i = 0; i < 20; ++i) target.run(bench_case, run_options);  // warm-up
  auto start = std::chrono::steady_clock::now();
  long passed = 0;
  for (long i = 0; i < repeat; ++i) {
    passed += target.run(bench_case, run_options).verdict == Verdict::pass ? 1 : 0;
  }
  const double per_case = seconds_since(start) / runs;

  // 3. One request per call, the runner on this side.
  remote::RemoteApi api(*options);
  LocalTarget over_calls(api);
  for (int i = 0; i < 20; ++i) over_calls.run(bench_case, run_options);  // warm-up
  start = std::chrono::steady_clock::now();
  for (long i = 0; i < repeat; ++i) over_calls.run(bench_case, run_options);
  const double per_call_requests = seconds_since(start) / runs;

  const Environment environment = client.environment();
  std::printf("fmconf-executor-bench: case %s (%.0f calls), %ld repeats, %s %s\n",
              bench_case.id.c_str(), calls, repeat, environment.target.c_str(),
              environment.version.c_str());
  std::printf("  %-34s %9.1f us/case %8.2f us/call\n", "in-process loop under Wine",
              in_process * 1e6, in_process * 1e6 / calls);
  std::printf("  %-34s %9.1f us/case %8.2f us/call  ratio %.3f (+%.1f%%)\n",
              "executor, run_case per case", per_case * 1e6, per_case * 1e6 / calls,
              per_case / in_process, (per_case / in_process - 1) * 100);
  std::printf("  %-34s %9.1f us/case %8.2f us/call  ratio %.3f\n", "executor, call per Api call",
              per_call_requests * 1e6, per_call_requests * 1e6 / calls,
              per_call_requests / in_process);
  std::printf("  run_case results passing: %ld/%ld; in-process passing: %llu/%ld\n", passed, repeat,
              static_cast<unsigned long long>(baseline.at("passed").get<std::uint64_t>()), repeat);
  return 0;
}
