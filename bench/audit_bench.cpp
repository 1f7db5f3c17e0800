// `fmconf audit --jobs 2` over the whole corpus, as a user runs it: the fmconf binary of this
// build, on every target it has (model and Wine here; without Wine it audits the model alone
// and says so), reports written to a scratch folder. One iteration: the wall time.
#include "bench_support.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include <benchmark/benchmark.h>

namespace fmconf::bench {
namespace {

namespace fs = std::filesystem;

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (const char ch : text) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

void BM_AuditWholeCorpus(benchmark::State& state) {
  const fs::path scratch =
      fs::temp_directory_path() / ("fmconf-bench-audit-" + std::to_string(::getpid()));
  fs::create_directories(scratch);
  const fs::path log = scratch / "stderr.txt";
  const std::string command =
      quoted(FMCONF_CLI) + " audit " + quoted((source_dir() / "corpus" / "cases").string()) +
      " --expectations " + quoted((source_dir() / "corpus" / "expectations").string()) +
      " --jobs " + std::to_string(state.range(0)) + " --out " +
      quoted((scratch / "reports").string()) + " >/dev/null 2>" + quoted(log.string());
  int status = 0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    status = std::system(command.c_str());
    state.SetIterationTime(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  // "audit: wine: 5056 cases in 5.2 s" per target; "cannot start" when Wine is missing.
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  const std::string err = text.str();
  const std::regex line(R"(audit: (\S+): (\d+) cases in ([0-9.]+) s)");
  std::string label;
  for (auto it = std::sregex_iterator(err.begin(), err.end(), line); it != std::sregex_iterator();
       ++it) {
    const std::string target = (*it)[1];
    state.counters[target + "_cases"] = std::stod((*it)[2]);
    state.counters[target + "_s"] = std::stod((*it)[3]);
  }
  if (err.find("target 'wine' cannot start") != std::string::npos) {
    label = "wine unavailable: model only";
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code != 0 && code != 1) {
    state.SkipWithError(
        ("fmconf audit failed (exit " + std::to_string(code) + "): " + err.substr(0, 300)).c_str());
  }
  label += (label.empty() ? "" : "; ") + std::string("exit ") + std::to_string(code);
  state.SetLabel(label);
  std::error_code ignored;
  fs::remove_all(scratch, ignored);
}
BENCHMARK(BM_AuditWholeCorpus)
    ->ArgName("jobs")
    ->Arg(2)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

}  // namespace
}  // namespace fmconf::bench
