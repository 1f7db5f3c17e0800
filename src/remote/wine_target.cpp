#include "remote/wine_target.hpp"

#include "cases/result_json.hpp"
#include "remote/observations.hpp"

#include <algorithm>
#include <signal.h>
#include <stdexcept>

namespace fmconf::remote {

CaseResult failed_run(const Case& c, const std::string& message) {
  CaseResult result = result_for(c);
  result.verdict = Verdict::error;
  result.message = message;
  return result;
}

std::unique_ptr<Target> make_wine_target(const std::string& executor,
                                         std::chrono::milliseconds timeout, int max_executors,
                                         const WineChoice& wine) {
  std::string why;
  auto options = default_executor_options(executor, &why, wine);
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
  // The Wine that ran: the launcher's own version line names it exactly (a build tree's
  // `wine-9.0-123-gabcdef`); the executor's wine_get_version() says the same for a real Wine.
  if (!options_.wine.version.empty()) environment.version = options_.wine.version;
  return environment;
}

namespace {

Json origin_json(const Case& c) {
  Json origin = Json::object();
  origin["file"] = c.origin.file;
  origin["line"] = c.origin.line;
  if (c.origin.index) origin["index"] = *c.origin.index;
  return origin;
}

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The members of a case the executor's run and result depend on. The rest (the case-format
// extensions: info, tags, rule, ...) was validated when the case was loaded here and changes
// neither, so it is not sent: about a quarter of the corpus' bytes the executor would only parse.
constexpr const char* kRunFields[] = {"id", "title", "provenance", "raw_names", "steps"};

// Appends the case as the executor gets it: a JSON object of its kRunFields.
void append_case(std::string& out, const Case& c) {
  out.push_back('{');
  bool first = true;
  for (const char* key : kRunFields) {
    const auto it = c.json.find(key);
    if (it == c.json.end()) continue;
    if (!first) out.push_back(',');
    first = false;
    out += '"';
    out += key;
    out += "\":";
    out += dump(*it);
  }
  out.push_back('}');
}

// {"case":{...},"name_prefix":"...","origin":{...}}: one item of `run_cases`, one line each.
void append_item(std::string& out, const BatchItem& item) {
  out += "{\"case\":";
  append_case(out, *item.c);
  out += ",\"name_prefix\":";
  out += dump(Json(item.options.name_prefix));
  out += ",\"origin\":";
  out += dump(origin_json(*item.c));
  out.push_back('}');
}

// The executor knows only what it was sent; the place the case came from is ours.
CaseResult with_origin(CaseResult result, const Case& c) {
  result.file = c.origin.file;
  result.line = c.origin.line;
  result.index = c.origin.index;
  return result;
}

// A result line of `run_case` or `run_cases` (its "result", "observed" or "error") as the
// case's result.
CaseResult result_of(const Json& response, const Case& c) {
  if (!response.value("ok", false)) {
    return failed_run(c, "executor: " + response.value("error", std::string("error")));
  }
  try {
    if (const auto observed = response.find("observed"); observed != response.end()) {
      return result_from_observations(*observed, c);
    }
    return result_from_json(response.at("result"));
  } catch (const std::exception& e) {
    return failed_run(c, std::string("executor result unreadable: ") + e.what());
  }
}

}  // namespace

CaseResult WineTarget::run_on(ExecutorClient& client, const Case& c, const RunOptions& options) {
  std::string item;
  append_item(item, BatchItem{&c, options});
  const std::string request = "{\"op\":\"run_case\"," + item.substr(1);
  try {
    Json response;
    client.request_stream_text(request, [&](Json&& line) {
      response = std::move(line);
      return true;
    });
    return with_origin(result_of(response, c), c);
  } catch (const ExecutorFailure& failure) {
    return with_origin(failed_run(c, failure.what()), c);
  } catch (const std::exception& e) {
    return with_origin(failed_run(c, std::string("executor result unreadable: ") + e.what()), c);
  }
}

CaseResult WineTarget::run(const Case& c, const RunOptions& options) {
  auto client = acquire();
  CaseResult result = run_on(*client, c, options);
  release(std::move(client));
  return result;
}

void WineTarget::run_stream(const NextItem& next_item, const OnResult& on_result) {
  std::vector<BatchItem> items;  // every item pulled so far; a result's index is its place here
  bool exhausted = false;
  const auto pulled = [&](std::size_t count) {  // at least `count` items pulled, if there are
    while (!exhausted && items.size() < count) {
      if (std::optional<BatchItem> item = next_item()) {
        items.push_back(std::move(*item));
      } else {
        exhausted = true;
      }
    }
    return items.size();
  };
  const auto fail = [&](std::size_t k, const std::string& message) {
    on_result(k, with_origin(failed_run(*items[k].c, message), *items[k].c));
  };

  // One `run_cases` request: items [first, end).
  struct Chunk {
    std::uint64_t id;
    std::size_t first;
    std::size_t end;
  };
  auto client = acquire();
  // The executor reads a whole request before it runs the first case, and that case's watchdog
  // covers the reading: a chunk stops before a case that would take it past kMaxBatchSteps, so
  // a huge case goes alone.
  const auto post = [&](std::size_t first) {
    const std::size_t available = pulled(first + kMaxBatch);
    std::size_t end = first + 1;
    std::size_t steps = items[first].c->steps.size();
    while (end < available && steps + items[end].c->steps.size() <= kMaxBatchSteps) {
      steps += items[end++].c->steps.size();
    }
    std::string request = R"({"op":"run_cases","report":"observations","cases":[)";
    for (std::size_t k = first; k < end; ++k) {
      if (k > first) request.push_back(',');
      append_item(request, items[k]);
    }
    request += "]}";
    return Chunk{client->post(request), first, end};
  };

  std::size_t next = 0;  // the first item without a result
  std::optional<Chunk> current;
  std::optional<Chunk> ahead;  // posted while `current` runs: the executor reads it meanwhile
  try {
    while (pulled(next + 1) > next) {
      int protocol = 1;
      try {
        protocol = client->protocol();
      } catch (const ExecutorFailure& failure) {
        fail(next++, failure.what());  // cannot start: as run() would; the next case tries again
        continue;
      }
      if (protocol < 2) {  // a version-1 executor: one run_case per case
        on_result(next, run_on(*client, *items[next].c, items[next].options));
        ++next;
        continue;
      }
      std::string refused;  // the whole request was answered with an error
      try {
        if (!current) current = post(next);
        if (!ahead && pulled(current->end + 1) > current->end) ahead = post(current->end);
        client->receive_stream(current->id, [&](Json&& line) {
          const auto index = line.find("index");
          if (index == line.end()) {
            if (!line.value("ok", false)) refused = line.value("error", std::string("error"));
            run_nanoseconds_ += line.value("run_ns", std::uint64_t{0});
            return true;  // `done`, or the request's own error
          }
          if (!index->is_number_unsigned() || current->first + index->get<std::size_t>() != next) {
            client->kill();
            throw ExecutorFailure(ExecutorFailure::Kind::bad_response,
                                  "the executor answered out of order: " + line.dump());
          }
          const Case& c = *items[next].c;
          on_result(next, with_origin(result_of(line, c), c));
          ++next;
          return false;
        });
      } catch (const ExecutorFailure& failure) {
        // The executor is gone while running items[next] (or sending its result): that case
        // gets the failure, the results before it stand, the rest go to a fresh executor.
        current.reset();
        ahead.reset();
        if (next < items.size()) fail(next++, failure.what());
        continue;
      }
      const std::string why =
          refused.empty() ? "executor: the batch ended before this case" : "executor: " + refused;
      while (next < current->end) fail(next++, why);
      current = ahead;
      ahead.reset();
    }
  } catch (...) {
    release(std::move(client));  // on_result or next_item threw: the executor goes back
    throw;
  }
  release(std::move(client));
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
