#include "cli/parallel_run.hpp"

#include <mutex>
#include <optional>
#include <thread>

namespace fmconf::cli {

void run_in_parallel(const std::vector<const Case*>& cases,
                     std::vector<std::unique_ptr<Target>>& targets, const std::string& name_prefix,
                     const std::function<void(std::size_t, const CaseResult&)>& on_result) {
  std::vector<std::optional<CaseResult>> results(cases.size());
  std::size_t next_to_report = 0;
  std::mutex report_mutex;
  const auto report = [&](std::size_t i, CaseResult&& result) {
    std::lock_guard lock(report_mutex);
    results[i] = std::move(result);
    while (next_to_report < results.size() && results[next_to_report]) {
      on_result(next_to_report, *results[next_to_report]);
      results[next_to_report].reset();
      ++next_to_report;
    }
  };

  // Runs the cases numbered `indices` (from `claim`) as one stream on `target`: the target
  // takes cases as it goes (WineTarget a few dozen ahead, in one request), so a worker that is
  // faster takes more, and results are reported in index order as soon as the earlier ones are.
  std::mutex claim_mutex;
  const auto stream = [&](Target& target, const std::vector<std::size_t>& indices,
                          std::size_t* next_claim, bool shared) {
    std::vector<std::size_t> taken;  // the k-th case this worker took is cases[taken[k]]
    target.run_stream(
        [&]() -> std::optional<BatchItem> {
          std::unique_lock lock(claim_mutex, std::defer_lock);
          if (shared) lock.lock();
          if (*next_claim == indices.size()) return std::nullopt;
          const std::size_t i = indices[(*next_claim)++];
          taken.push_back(i);
          return BatchItem{cases[i], RunOptions{name_prefix + std::to_string(i) + "_"}};
        },
        [&](std::size_t k, CaseResult&& result) { report(taken[k], std::move(result)); });
  };

  std::vector<std::size_t> ordinary;
  std::vector<std::size_t> raw;
  for (std::size_t i = 0; i < cases.size(); ++i)
    (cases[i]->raw_names ? raw : ordinary).push_back(i);

  if (targets.size() == 1) {  // alone anyway: everything in file order
    std::vector<std::size_t> all(cases.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    std::size_t next_claim = 0;
    stream(*targets[0], all, &next_claim, false);
    return;
  }
  // Phase 1: ordinary cases on every worker, each taking the next case when it needs one.
  // Phase 2: raw_names cases alone, one worker (case-format.md: never beside another case).
  std::size_t next_claim = 0;
  {
    std::vector<std::thread> threads;
    for (auto& t : targets) {
      threads.emplace_back([&, target = t.get()] { stream(*target, ordinary, &next_claim, true); });
    }
    for (auto& t : threads) t.join();
  }
  std::size_t next_raw = 0;
  stream(*targets[0], raw, &next_raw, false);
}

}  // namespace fmconf::cli
