// One fmconf-executor.exe under Wine, seen from Linux: started on first use, one request at a
// time with a watchdog. A request that outlives its timeout kills the executor (ExecutorFailure
// timeout); an executor that dies mid-request is reaped (ExecutorFailure crashed). Either way
// the next request starts a fresh executor, so a run goes on.
#pragma once

#include "api/types.hpp"
#include "cases/step.hpp"  // fmconf::Json
#include "remote/wine_setup.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace fmconf::remote {

class ChildProcess;

class ExecutorFailure : public std::runtime_error {
 public:
  enum class Kind { timeout, crashed, start_failed, bad_response };
  ExecutorFailure(Kind kind, const std::string& message)
      : std::runtime_error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};

struct ExecutorOptions {
  std::filesystem::path executor;  // fmconf-executor.exe (see executor_locator.hpp)
  WineSetup wine;                  // see wine_setup.hpp
  std::chrono::milliseconds request_timeout{20000};  // the watchdog, per request
  std::chrono::milliseconds startup_timeout{60000};  // start + hello
  bool keep_stderr = false;                          // the executor's stderr to ours
};

// Default options: Wine found as `wine` says (wine_launcher.hpp: --wine, FMCONF_WINE, PATH), the
// executor located as executor_locator.hpp says, the timeout from $FMCONF_TIMEOUT_MS if set.
// std::nullopt with *why when Wine or the executor is missing.
std::optional<ExecutorOptions> default_executor_options(const std::string& executor_option = {},
                                                        std::string* why = nullptr,
                                                        const WineChoice& wine = {});

class ExecutorClient {
 public:
  explicit ExecutorClient(ExecutorOptions options);
  ~ExecutorClient();
  ExecutorClient(const ExecutorClient&) = delete;
  ExecutorClient& operator=(const ExecutorClient&) = delete;

  // Sends one request and returns its response (an object with "ok"). `timeout` overrides the
  // default watchdog. Throws ExecutorFailure; the executor is then gone and restarts on the
  // next request.
  Json request(const Json& request, std::optional<std::chrono::milliseconds> timeout = {});
  // Sends one request answered by several lines (`run_cases`) and hands each response line to
  // `on_line` as it arrives, until `on_line` returns true (the last line). The watchdog
  // (`timeout`, else the default) applies to each line: it restarts whenever a line arrives.
  // Throws ExecutorFailure as request() does; lines already handed over stay handed over.
  void request_stream(const Json& request, const std::function<bool(Json&& line)>& on_line,
                      std::optional<std::chrono::milliseconds> timeout = {});
  // The same with the request already serialized: one JSON object (without "id", which is
  // added here) on one line.
  void request_stream_text(std::string_view request,
                           const std::function<bool(Json&& line)>& on_line,
                           std::optional<std::chrono::milliseconds> timeout = {});
  // The two halves of request_stream_text, for pipelining: post() sends a request (starting
  // the executor if needed) and returns its id; receive_stream() takes its lines. Requests are
  // answered in the order they were posted; after an ExecutorFailure the ids posted before it
  // are gone with the executor.
  std::uint64_t post(std::string_view request);
  void receive_stream(std::uint64_t id, const std::function<bool(Json&& line)>& on_line,
                      std::optional<std::chrono::milliseconds> timeout = {});
  // The protocol version agreed with the running executor (PROTOCOL.md `hello`); starts it if
  // needed.
  int protocol();
  // The environment the executor reported at its (last) start; starts it if needed.
  Environment environment();
  void set_request_timeout(std::chrono::milliseconds timeout) {
    options_.request_timeout = timeout;
  }
  // Kills the executor now (the next request restarts it). For tests.
  void kill();
  // Number of times an executor was started (for tests and statistics).
  int starts() const { return starts_; }
  // The running executor's pid, or -1 (safe to read from another thread).
  int pid() const;

 private:
  void start();
  void stop();
  Json exchange(const Json& request, std::chrono::milliseconds timeout);
  std::uint64_t send(const Json& request);
  std::uint64_t send_text(std::string_view request);
  Json receive(std::uint64_t id, std::chrono::milliseconds timeout);

  ExecutorOptions options_;
  std::unique_ptr<ChildProcess> child_;
  Environment environment_;
  int protocol_ = 1;
  std::atomic<int> pid_{-1};
  int starts_ = 0;
  std::uint64_t next_id_ = 1;
};

}  // namespace fmconf::remote
