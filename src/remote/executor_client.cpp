#include "remote/executor_client.hpp"

#include "remote/api_call_codec.hpp"
#include "remote/child_process.hpp"
#include "remote/executor_locator.hpp"
#include "remote/executor_service.hpp"

#include <cstdlib>
#include <stdexcept>

namespace fmconf::remote {
namespace {

// How long a streaming read lets lines gather (see receive_stream).
constexpr std::chrono::microseconds kStreamReadInterval{2000};

}  // namespace

std::optional<ExecutorOptions> default_executor_options(const std::string& executor_option,
                                                        std::string* why,
                                                        const WineChoice& choice) {
  std::string reason;
  auto wine = find_wine(choice, &reason);
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
      const Json hello =
          exchange(Json{{"op", "hello"}, {"protocol", kProtocolVersion}}, options_.startup_timeout);
      const int protocol = hello.value("protocol", 0);
      if (protocol < 1 || protocol > kProtocolVersion) {
        throw ExecutorFailure(ExecutorFailure::Kind::start_failed,
                              "the executor speaks another protocol version: " + hello.dump());
      }
      protocol_ = protocol;
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

std::uint64_t ExecutorClient::send(const Json& request) {
  return send_text(request.dump(-1, ' ', false, Json::error_handler_t::replace));
}

std::uint64_t ExecutorClient::send_text(std::string_view request) {
  if (request.size() < 2 || request.front() != '{') {
    throw std::invalid_argument("an executor request must be a JSON object");
  }
  // The id goes first: `{"id":N,` + the rest (no copy of the request as JSON).
  const std::uint64_t id = next_id_++;
  const std::string_view rest = request.substr(1);
  std::string framed = "{\"id\":" + std::to_string(id);
  framed.reserve(framed.size() + request.size() + 1);
  const std::size_t first = rest.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && rest[first] != '}') framed.push_back(',');
  framed.append(rest);
  if (!child_->write_line(framed)) {
    stop();
    throw ExecutorFailure(ExecutorFailure::Kind::crashed, "executor crashed");
  }
  return id;
}

Json ExecutorClient::receive(std::uint64_t id, std::chrono::milliseconds timeout) {
  std::string line;
  for (;;) {
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

Json ExecutorClient::exchange(const Json& request, std::chrono::milliseconds timeout) {
  return receive(send(request), timeout);
}

void ExecutorClient::request_stream(const Json& request,
                                    const std::function<bool(Json&& line)>& on_line,
                                    std::optional<std::chrono::milliseconds> timeout) {
  request_stream_text(request.dump(-1, ' ', false, Json::error_handler_t::replace), on_line,
                      timeout);
}

void ExecutorClient::request_stream_text(std::string_view request,
                                         const std::function<bool(Json&& line)>& on_line,
                                         std::optional<std::chrono::milliseconds> timeout) {
  receive_stream(post(request), on_line, timeout);
}

std::uint64_t ExecutorClient::post(std::string_view request) {
  if (!child_) start();
  return send_text(request);
}

void ExecutorClient::receive_stream(std::uint64_t id,
                                    const std::function<bool(Json&& line)>& on_line,
                                    std::optional<std::chrono::milliseconds> timeout) {
  if (!child_) throw ExecutorFailure(ExecutorFailure::Kind::crashed, "executor crashed");
  const auto each = timeout.value_or(options_.request_timeout);
  // Once a stream has begun, its lines are read a few at a time (child_process.hpp): the
  // executor's writes do not wake this thread for every case. (The first line, and so the
  // answer to a one-line request, is read as soon as it is there.)
  struct Coalescing {
    std::unique_ptr<ChildProcess>& child;  // reset when the executor fails
    bool on = false;
    void start() {
      if (on || !child) return;
      child->set_read_coalescing(kStreamReadInterval);
      on = true;
    }
    ~Coalescing() {
      if (on && child) child->set_read_coalescing(std::chrono::microseconds(0));
    }
  };
  Coalescing coalescing{child_};
  while (!on_line(receive(id, each))) coalescing.start();
}

int ExecutorClient::protocol() {
  if (!child_) start();
  return protocol_;
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
