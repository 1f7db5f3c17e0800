// WineTarget: runs whole cases in fmconf-executor.exe under Wine: run() sends one `run_case`
// request per case (one pipe round trip per case, not per call); run_stream()/run_batch() send
// cases in `run_cases` requests of up to kMaxBatch cases, the next request posted while the
// current one runs (the executor reads it meanwhile), and take the results as the executor
// streams them back (protocol 2; with a version-1 executor, run_case per case). Thread-safe:
// concurrent callers use a pool of executors, one per concurrent caller, up to `max_executors`
// (more callers wait). A case whose executor hangs past the watchdog (per case, also inside a
// batch) gets verdict "error", message "timeout"; one whose executor dies gets "executor crashed";
// either way that executor is restarted, results already returned stand, and the rest of a batch
// goes on in the new executor.
#pragma once

#include "cases/target.hpp"
#include "remote/executor_client.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

namespace fmconf::remote {

class WineTarget final : public Target {
 public:
  explicit WineTarget(ExecutorOptions options, int max_executors = 1);
  ~WineTarget() override;

  Environment environment() override;
  CaseResult run(const Case& c, const RunOptions& options) override;
  void run_stream(const NextItem& next, const OnResult& on_result) override;

  // Cases and steps per `run_cases` request at most (a longer stream is sent as several
  // requests, the next one posted while the current one runs; a case with more steps goes
  // alone).
  static constexpr std::size_t kMaxBatch = 32;
  static constexpr std::size_t kMaxBatchSteps = 4096;

  // Test hooks: executors started so far (restarts included); the pid of an executor that is
  // running a case right now, or -1.
  int executor_starts() const;
  int busy_executor_pid() const;
  // Time the executors reported spending in the cases of run_stream() batches (their `done`
  // lines' run_ns), for benchmarks.
  std::uint64_t run_nanoseconds() const { return run_nanoseconds_.load(); }
  // Changes the watchdog for the next requests.
  void set_request_timeout(std::chrono::milliseconds timeout);
  // The Wine it runs: launcher, wineserver, version, prefix.
  const WineSetup& wine() const { return options_.wine; }

 private:
  std::unique_ptr<ExecutorClient> acquire();
  CaseResult run_on(ExecutorClient& client, const Case& c, const RunOptions& options);
  void release(std::unique_ptr<ExecutorClient> client);

  ExecutorOptions options_;
  int max_executors_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<ExecutorClient>> idle_;
  std::vector<ExecutorClient*> busy_;
  int created_ = 0;
  std::atomic<std::uint64_t> run_nanoseconds_{0};
};

// A WineTarget with the default set-up (wine_setup.hpp, executor_locator.hpp); `executor` is the
// --executor option ("" for the default search), `wine` the --wine/--wineserver options. Throws
// std::runtime_error saying what is missing when Wine or the executor is not there.
std::unique_ptr<Target> make_wine_target(const std::string& executor,
                                         std::chrono::milliseconds timeout, int max_executors = 1,
                                         const WineChoice& wine = {});

// The result for a case that could not run on the executor (verdict error, `message`).
CaseResult failed_run(const Case& c, const std::string& message);

}  // namespace fmconf::remote
