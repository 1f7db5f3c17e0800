#include "cli/parallel_run.hpp"

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

namespace fmconf::cli {

void run_in_parallel(const std::vector<const Case*>& cases,
                     std::vector<std::unique_ptr<Target>>& targets, const std::string& name_prefix,
                     const std::function<void(std::size_t, const CaseResult&)>& on_result) {
  std::vector<std::optional<CaseResult>> results(cases.size());
  std::size_t next_to_report = 0;
  std::mutex mutex;

  const auto run_one = [&](Target& target, std::size_t i) {
    RunOptions options;
    options.name_prefix = name_prefix + std::to_string(i) + "_";
    CaseResult result = target.run(*cases[i], options);
    std::lock_guard lock(mutex);
    results[i] = std::move(result);
    while (next_to_report < results.size() && results[next_to_report]) {
      on_result(next_to_report, *results[next_to_report]);
      results[next_to_report].reset();
      ++next_to_report;
    }
  };

  // Phase 1: ordinary cases on every worker. Phase 2: raw_names cases one at a time.
  std::atomic<std::size_t> next{0};
  const auto worker = [&](Target& target) {
    for (std::size_t i = next++; i < cases.size(); i = next++) {
      if (!cases[i]->raw_names) run_one(target, i);
    }
  };
  if (targets.size() == 1) {
    for (std::size_t i = 0; i < cases.size(); ++i) run_one(*targets[0], i);  // alone anyway
    return;
  }
  {
    std::vector<std::thread> threads;
    for (auto& t : targets) threads.emplace_back(worker, std::ref(*t));
    for (auto& t : threads) t.join();
  }
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (cases[i]->raw_names) run_one(*targets[0], i);
  }
}

}  // namespace fmconf::cli
