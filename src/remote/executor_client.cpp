#include "remote/executor_client.hpp"

#include "remote/api_call_codec.hpp"
#include "remote/child_process.hpp"
#include "remote/executor_locator.hpp"
#include "remote/executor_service.hpp"

#include <cstdlib>

namespace fmconf::remote {

std::optional<ExecutorOptions> default_executor_options(const std::string& executor_option,
                                                        std::string* why) {
  std::string reason;
  auto wine = find_wine(&reason);
  if (!wine) {
    if (why != nullptr) *why = reason;
    return std::nullopt;
  }
  std::string searched;
  auto executor = locate_executor(executor_option, &searched);
  if (!executor) {
    if (why != nullptr) {
      *why = "fmconf-executor.exe not found (build the mingw preset; looked at " + searched + ")";
    }
    return std::nullopt;
  }
  ExecutorOptions options;
  options.executor = *executor;
  options.wine = std::move(*wine);
  if (const char* ms = std::getenv("FMCONF_TIMEOUT_MS"); ms != nullptr && *ms != '\0') {
    options.request_timeout = std::chrono::milliseconds(std::strtoll(ms, nullptr, 10));
  }
  return options;
}

ExecutorClient::ExecutorClient(ExecutorOptions options) : options_(std::move(options)) {}

ExecutorClient::~ExecutorClient() {
  if (child_) {
    // A polite goodbye lets the executor clean up its case folder; then it is reaped.
    child_->write_line(R"({"op":"quit"})");
    std::string ignored;
    child_->read_line(&ignored, std::chrono::milliseconds(2000));
  }
}

int ExecutorClient::pid() const { return pid_.load(); }

void ExecutorClient::kill() { stop(); }

void ExecutorClient::stop() {
  pid_ = -1;
  child_.reset();
}

void ExecutorClient::start() {
  stop();
  for (int attempt = 0; attempt < 2; ++attempt) {
    // A prefix that is missing or broken is (re)created; a failed start with a prefix that
    // looks fine gets one recreation too.
    prepare_prefix(options_.wine, attempt > 0);
    ++starts_;
    try {
      child_ = std::make_unique<ChildProcess>(
          std::vector<std::string>{options_.wine.wine, options_.executor.string()},
          options_.wine.environment, options_.keep_stderr);
      pid_ = child_->pid();
    } catch (const std::exception& e) {
      throw ExecutorFailure(ExecutorFailure::Kind::start_failed,
                            std::string("cannot start wine: ") + e.what());
    }
    try {
      const Json hello = exchange(Json{{"op", "hello"}}, options_.startup_timeout);
      if (hello.value("protocol", 0) != kProtocolVersion) {
        throw ExecutorFailure(ExecutorFailure::Kind::start_failed,
                              "the executor speaks another protocol version: " + hello.dump());
      }
      environment_ = environment_from_json(hello.at("environment"));
      return;
    } catch (const ExecutorFailure& failure) {
      stop();
      if (attempt > 0 || prefix_is_usable(options_.wine.prefix)) {
        throw ExecutorFailure(ExecutorFailure::Kind::start_failed,
                              "fmconf-executor.exe did not start under Wine (" +
                                  options_.executor.string() + "): " + failure.what());
      }
    }
  }
}

Json ExecutorClient::exchange(const Json& request, std::chrono::milliseconds timeout) {
  Json framed = request;
  const std::uint64_t id = next_id_++;
  framed["id"] = id;
  if (!child_->write_line(framed.dump(-1, ' ', false, Json::error_handler_t::replace))) {
    stop();
    throw ExecutorFailure(ExecutorFailure::Kind::crashed, "executor crashed");
  }
  for (;;) {
    std::string line;
    switch (child_->read_line(&line, timeout)) {
      case ChildProcess::ReadStatus::timeout:
        stop();
        throw ExecutorFailure(ExecutorFailure::Kind::timeout, "timeout");
      case ChildProcess::ReadStatus::eof:
        stop();
        throw ExecutorFailure(ExecutorFailure::Kind::crashed, "executor crashed");
      case ChildProcess::ReadStatus::line:
        break;
    }
    Json response = Json::parse(line, nullptr, false);
    if (response.is_discarded() || !response.is_object()) {
      stop();
      throw ExecutorFailure(
          ExecutorFailure::Kind::bad_response,
          "the executor sent a line that is not a JSON object: " + line.substr(0, 200));
    }
    // A response to an earlier request (one that timed out cannot be: the executor was
    // killed) is skipped; responses without an id answer unparseable requests.
    if (const auto it = response.find("id"); it != response.end() && *it != Json(id)) continue;
    return response;
  }
}

Json ExecutorClient::request(const Json& request,
                             std::optional<std::chrono::milliseconds> timeout) {
  if (!child_) start();
  return exchange(request, timeout.value_or(options_.request_timeout));
}

Environment ExecutorClient::environment() {
  if (!child_) start();
  return environment_;
}

}  // namespace fmconf::remote
