#include "remote/wine_target.hpp"

#include "cases/result_json.hpp"

#include <algorithm>
#include <signal.h>
#include <stdexcept>

namespace fmconf::remote {

CaseResult failed_run(const Case& c, const std::string& message) {
  CaseResult result;
  result.id = c.id;
  result.title = c.title;
  result.file = c.origin.file;
  result.line = c.origin.line;
  result.index = c.origin.index;
  result.verdict = Verdict::error;
  result.message = message;
  result.provenance = c.provenance;
  result.exploration = c.exploration();
  return result;
}

std::unique_ptr<Target> make_wine_target(const std::string& executor,
                                         std::chrono::milliseconds timeout, int max_executors) {
  std::string why;
  auto options = default_executor_options(executor, &why);
  if (!options) throw std::runtime_error("backend 'wine' unavailable: " + why);
  options->request_timeout = timeout;
  return std::make_unique<WineTarget>(std::move(*options), max_executors);
}

WineTarget::WineTarget(ExecutorOptions options, int max_executors)
    : options_(std::move(options)), max_executors_(std::max(1, max_executors)) {}

WineTarget::~WineTarget() = default;

std::unique_ptr<ExecutorClient> WineTarget::acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    if (!idle_.empty()) {
      auto client = std::move(idle_.back());
      idle_.pop_back();
      busy_.push_back(client.get());
      return client;
    }
    if (created_ < max_executors_) {
      ++created_;
      auto client = std::make_unique<ExecutorClient>(options_);
      busy_.push_back(client.get());
      return client;
    }
    available_.wait(lock);
  }
}

void WineTarget::release(std::unique_ptr<ExecutorClient> client) {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    busy_.erase(std::remove(busy_.begin(), busy_.end(), client.get()), busy_.end());
    idle_.push_back(std::move(client));
  }
  available_.notify_one();
}

Environment WineTarget::environment() {
  auto client = acquire();
  Environment environment;
  try {
    environment = client->environment();
  } catch (...) {
    release(std::move(client));
    throw;
  }
  release(std::move(client));
  return environment;
}

CaseResult WineTarget::run(const Case& c, const RunOptions& options) {
  Json request = Json::object();
  request["op"] = "run_case";
  request["case"] = c.json;
  request["name_prefix"] = options.name_prefix;
  Json origin = Json::object();
  origin["file"] = c.origin.file;
  origin["line"] = c.origin.line;
  if (c.origin.index) origin["index"] = *c.origin.index;
  request["origin"] = std::move(origin);

  auto client = acquire();
  CaseResult result;
  try {
    const Json response = client->request(request);
    if (!response.value("ok", false)) {
      result = failed_run(c, "executor: " + response.value("error", std::string("error")));
    } else {
      result = result_from_json(response.at("result"));
    }
  } catch (const ExecutorFailure& failure) {
    result = failed_run(c, failure.what());
  } catch (const std::exception& e) {
    result = failed_run(c, std::string("executor result unreadable: ") + e.what());
  }
  release(std::move(client));
  // The executor knows only what it was sent; the place the case came from is ours.
  result.file = c.origin.file;
  result.line = c.origin.line;
  result.index = c.origin.index;
  return result;
}

int WineTarget::executor_starts() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  int starts = 0;
  for (const auto& client : idle_) starts += client->starts();
  for (const ExecutorClient* client : busy_) starts += client->starts();
  return starts;
}

int WineTarget::busy_executor_pid() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  for (const ExecutorClient* client : busy_) {
    if (client->pid() > 0) return client->pid();
  }
  return -1;
}

void WineTarget::set_request_timeout(std::chrono::milliseconds timeout) {
  const std::lock_guard<std::mutex> lock(mutex_);
  options_.request_timeout = timeout;
  for (const auto& client : idle_) client->set_request_timeout(timeout);
}

}  // namespace fmconf::remote
