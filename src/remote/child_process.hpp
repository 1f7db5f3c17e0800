// A child process with its stdin/stdout on pipes, for the executor under Wine (Linux only).
// Lines go in; lines come out with a deadline. Writing to a dead child never raises SIGPIPE.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace fmconf::remote {

class ChildProcess {
 public:
  // Starts argv[0] (searched on PATH) with exactly `environment` (KEY=VALUE). The child's
  // stderr goes to /dev/null unless `keep_stderr`. Throws std::system_error on failure.
  ChildProcess(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
               bool keep_stderr);
  ~ChildProcess();  // kills and reaps the child if it is still running
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  enum class ReadStatus { line, timeout, eof };
  // Writes `line` and a newline; false if the child has closed its stdin (it is gone).
  bool write_line(std::string_view line);
  // Waits up to `timeout` for a whole line (without the newline).
  ReadStatus read_line(std::string* line, std::chrono::milliseconds timeout);
  // While lines stream in: wait at least `interval` after one read from the pipe before the
  // next (0, the default: read as soon as there is data). Deadlines are kept.
  void set_read_coalescing(std::chrono::microseconds interval) { coalesce_ = interval; }
  // SIGKILL and reap.
  void kill();
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int to_child_ = -1;
  int from_child_ = -1;
  std::string buffer_;       // bytes read and not yet returned start at start_
  std::size_t start_ = 0;    // where the next line begins in buffer_
  std::size_t scanned_ = 0;  // no newline in buffer_[start_, scanned_)
  std::vector<char> chunk_;  // read(2) lands here
  std::chrono::microseconds coalesce_{0};
  std::chrono::steady_clock::time_point last_read_{};
};

// Runs a command to completion (stdout/stderr to /dev/null); returns its exit status, or -1 if
// it could not start or outlived `timeout` (then it is killed).
int run_to_completion(const std::vector<std::string>& argv,
                      const std::vector<std::string>& environment,
                      std::chrono::milliseconds timeout);

}  // namespace fmconf::remote
