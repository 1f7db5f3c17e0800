// WineTarget: runs whole cases in fmconf-executor.exe under Wine, one `run_case` request per case
// (one pipe round trip per case, not per call). Thread-safe: concurrent run() calls use a pool
// of executors, one per concurrent caller, up to `max_executors` (more callers wait).
// A case whose executor hangs past the watchdog gets verdict "error", message "timeout"; one
// whose executor dies gets "executor crashed"; either way that executor is restarted for the
// next case and results already returned stand.
#pragma once

#include "cases/target.hpp"
#include "remote/executor_client.hpp"

#include <condition_variable>
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

  // Test hooks: executors started so far (restarts included); the pid of an executor that is
  // running a case right now, or -1.
  int executor_starts() const;
  int busy_executor_pid() const;
  // Changes the watchdog for the next requests.
  void set_request_timeout(std::chrono::milliseconds timeout);

 private:
  std::unique_ptr<ExecutorClient> acquire();
  void release(std::unique_ptr<ExecutorClient> client);

  ExecutorOptions options_;
  int max_executors_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<ExecutorClient>> idle_;
  std::vector<ExecutorClient*> busy_;
  int created_ = 0;
};

// A WineTarget with the default set-up (wine_setup.hpp, executor_locator.hpp); `executor` is the
// --executor option ("" for the default search). Throws std::runtime_error saying what is
// missing when Wine or the executor is not there.
std::unique_ptr<Target> make_wine_target(const std::string& executor,
                                         std::chrono::milliseconds timeout, int max_executors = 1);

// The result for a case that could not run on the executor (verdict error, `message`).
CaseResult failed_run(const Case& c, const std::string& message);

}  // namespace fmconf::remote
