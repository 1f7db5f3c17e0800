#include "remote/executor_service.hpp"

#include "cases/case_file.hpp"
#include "cases/result_json.hpp"
#include "cases/runner.hpp"
#include "remote/api_call_codec.hpp"
#include "remote/observations.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <optional>
#include <vector>

namespace fmconf::remote {
namespace {

// One response line; bytes that are not UTF-8 (echoed from a garbage request) become U+FFFD.
std::string to_line(const Json& response) {
  return response.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json error_response(const Json* id, const std::string& message) {
  Json response = Json::object();
  if (id != nullptr) response["id"] = *id;
  response["ok"] = false;
  response["error"] = message;
  return response;
}

CaseOrigin origin_from_json(const Json& request) {
  CaseOrigin origin;
  const auto it = request.find("origin");
  if (it == request.end() || !it->is_object()) return origin;
  origin.file = it->value("file", "");
  origin.line = it->value("line", std::size_t{0});
  if (const auto index = it->find("index"); index != it->end() && index->is_number_unsigned()) {
    origin.index = index->get<std::size_t>();
  }
  return origin;
}

const Json& case_of(const Json& item) {
  const auto it = item.find("case");
  if (it == item.end() || !it->is_object())
    throw ProtocolError("'case' is missing or not an object");
  return *it;
}

std::string prefix_of(const Json& item, const std::string& fallback) {
  const auto it = item.find("name_prefix");
  if (it == item.end()) return fallback;
  if (!it->is_string()) throw ProtocolError("'name_prefix' is not a string");
  return it->get<std::string>();
}

// The items of a batch request (`run_cases`, `bench_cases`).
const Json& items_of(const Json& request) {
  const auto it = request.find("cases");
  if (it == request.end() || !it->is_array())
    throw ProtocolError("'cases' is missing or not an array");
  return *it;
}

// A test-only item of a batch: {"op":"hang"} or {"op":"crash","how":...}; none otherwise.
ExecutorService::Action test_action(const Json& request) {
  const auto op = request.find("op");
  if (op == request.end() || !op->is_string()) return ExecutorService::Action::none;
  if (*op == "hang") return ExecutorService::Action::hang;
  if (*op != "crash") return ExecutorService::Action::none;
  const std::string how = request.value("how", "abort");
  if (how != "abort" && how != "access_violation") {
    throw ProtocolError("'how' must be \"abort\" or \"access_violation\"");
  }
  return how == "abort" ? ExecutorService::Action::crash_abort
                        : ExecutorService::Action::crash_access_violation;
}

// `{"id":ID,` (or `{`): the head every line of one response shares.
std::string line_head(const Json* id) {
  return id == nullptr ? std::string("{") : "{\"id\":" + to_line(*id) + ",";
}

// One item of `run_case` / `run_cases`, read ahead of its run.
struct PreparedItem {
  ExecutorService::Action action = ExecutorService::Action::none;  // a test-only item
  std::optional<Case> c;                                           // the case, valid
  std::optional<CaseError> invalid;  // a case that does not validate: an error result
  std::string error;                 // the item is malformed: `ok: false` for it
  RunOptions options;
};

PreparedItem prepare_item(const Json& item, const std::string& default_prefix) {
  PreparedItem prepared;
  try {
    if (!item.is_object()) throw ProtocolError("a batch item is not a JSON object");
    prepared.action = test_action(item);
    if (prepared.action != ExecutorService::Action::none) return prepared;
    const Json& case_json = case_of(item);
    prepared.options.name_prefix = prefix_of(item, default_prefix);
    ParsedCase parsed = parse_case(case_json, origin_from_json(item));
    if (parsed.value) {
      parsed.value->json = Json();  // the run needs the parsed steps, not the text
      prepared.c = std::move(parsed.value);
    } else {
      prepared.invalid = std::move(parsed.error);
    }
  } catch (const std::exception& e) {
    prepared.error = e.what();
  }
  return prepared;
}

}  // namespace

struct ExecutorService::Request {
  Json json;
  std::string not_json;  // the line is not JSON: why
  std::string op;
  std::string error;                // found by prepare(): the answer is this error
  std::vector<PreparedItem> items;  // run_case (one) and run_cases
  bool observations = false;        // run_cases "report": "observations"

  const Json* id() const {
    if (!json.is_object()) return nullptr;
    const auto it = json.find("id");
    return it == json.end() ? nullptr : &*it;
  }
};

void ExecutorService::DeleteRequest::operator()(Request* request) const { delete request; }

ExecutorService::Prepared ExecutorService::prepare(std::string_view line) {
  Prepared request(new Request);
  try {
    request->json = Json::parse(line);
  } catch (const std::exception& e) {
    request->not_json = std::string("request is not JSON: ") + e.what();
    return request;
  }
  const Json& json = request->json;
  try {
    if (!json.is_object()) throw ProtocolError("request is not a JSON object");
    const auto op = json.find("op");
    if (op == json.end() || !op->is_string())
      throw ProtocolError("'op' is missing or not a string");
    request->op = op->get<std::string>();
    if (request->op == "run_case") {
      PreparedItem item;
      item.options.name_prefix = prefix_of(json, "");
      ParsedCase parsed = parse_case(case_of(json), origin_from_json(json));
      if (parsed.value) {
        parsed.value->json = Json();
        item.c = std::move(parsed.value);
      } else {
        item.invalid = std::move(parsed.error);
      }
      request->items.push_back(std::move(item));
    } else if (request->op == "run_cases") {
      const Json& items = items_of(json);
      const std::string default_prefix = prefix_of(json, "");
      if (const auto report = json.find("report"); report != json.end()) {
        if (*report != "results" && *report != "observations") {
          throw ProtocolError("'report' must be \"results\" or \"observations\"");
        }
        request->observations = *report == "observations";
      }
      request->items.reserve(items.size());
      for (const Json& item : items) request->items.push_back(prepare_item(item, default_prefix));
    }
  } catch (const std::exception& e) {
    request->error = e.what();
  }
  return request;
}

bool ExecutorService::is_batch(const Request& request) {
  return request.error.empty() && request.op == "run_cases";
}

ExecutorService::Reply ExecutorService::handle(std::string_view line) {
  Reply reply;
  reply.action = handle(line, [&](std::string_view out) {
    if (!reply.line.empty()) reply.line.push_back('\n');
    reply.line.append(out);
  });
  return reply;
}

ExecutorService::Action ExecutorService::handle(std::string_view line, const Send& send) {
  return execute(*prepare(line), send);
}

ExecutorService::Action ExecutorService::execute(Request& prepared, const Send& send) {
  if (!prepared.not_json.empty()) {
    send(to_line(error_response(nullptr, prepared.not_json)));
    return Action::none;
  }
  const Json& request = prepared.json;
  const Json* id = prepared.id();
  const auto end_open_case = [&] {
    if (in_case_) api_.end_case();
    in_case_ = false;
  };
  const auto run_item = [&](const PreparedItem& item) {
    return item.c ? run_case(*item.c, api_, item.options) : error_result(*item.invalid);
  };
  try {
    if (!prepared.error.empty()) throw ProtocolError(prepared.error);
    const std::string& op = prepared.op;
    Json response = Json::object();
    if (id != nullptr) response["id"] = *id;
    response["ok"] = true;
    Action action = Action::none;

    if (op == "hello") {
      // Version 1 clients ask for nothing and get 1; a newer client gets what both speak.
      int asked = 1;
      if (const auto it = request.find("protocol"); it != request.end()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1) {
          throw ProtocolError("'protocol' must be a version number (1 or more)");
        }
        asked = static_cast<int>(std::min<std::int64_t>(it->get<std::int64_t>(), kProtocolVersion));
      }
      response["protocol"] = asked;
      response["environment"] = environment_to_json(api_.environment());
    } else if (op == "run_case") {
      end_open_case();
      std::string out = line_head(id) + "\"ok\":true,\"result\":";
      append_result_line(out, run_item(prepared.items.front()));
      out.push_back('}');
      send(out);
      return Action::none;
    } else if (op == "run_cases") {
      // One line per item, in order, each sent as soon as its case has run; then `done`.
      const std::string head = line_head(id);
      end_open_case();
      std::string out;
      std::chrono::steady_clock::duration running{};  // in run_case, for the `done` line
      for (std::size_t k = 0; k < prepared.items.size(); ++k) {
        const PreparedItem& item = prepared.items[k];
        if (item.action != Action::none) return item.action;
        out.assign(head);
        if (item.error.empty()) {
          out += "\"ok\":true,\"index\":";
          out += std::to_string(k);
          const auto start = std::chrono::steady_clock::now();
          const CaseResult result = run_item(item);
          running += std::chrono::steady_clock::now() - start;
          if (prepared.observations) {
            out += ",\"observed\":";
            append_observations(out, result);
          } else {
            out += ",\"result\":";
            append_result_line(out, result);
          }
          out.push_back('}');
        } else {
          Json error = Json::object();
          if (id != nullptr) error["id"] = *id;
          error["ok"] = false;
          error["index"] = k;
          error["error"] = item.error;
          out = to_line(error);
        }
        send(out);
      }
      response["done"] = prepared.items.size();
      response["run_ns"] = static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(running).count());
    } else if (op == "bench_case" || op == "bench_cases") {
      // Benchmark baseline: the same cases `repeat` times in-process, timed inside the executor
      // (parsing is done before the clock starts; only run_case is timed).
      std::vector<Case> cases;
      std::vector<RunOptions> options;
      const auto add = [&](const Json& item, const std::string& fallback) {
        const ParsedCase parsed = parse_case(case_of(item), CaseOrigin{});
        if (!parsed.value) throw ProtocolError("invalid case: " + parsed.error->text());
        cases.push_back(*parsed.value);
        options.push_back(RunOptions{prefix_of(item, fallback)});
      };
      const std::string default_prefix = prefix_of(request, "");
      if (op == "bench_case") {
        add(request, default_prefix);
      } else {
        for (const Json& item : items_of(request)) {
          if (!item.is_object()) throw ProtocolError("a batch item is not a JSON object");
          add(item, default_prefix);
        }
      }
      end_open_case();
      const std::uint64_t repeat = request.value("repeat", std::uint64_t{1});
      std::uint64_t passed = 0;
      const auto start = std::chrono::steady_clock::now();
      for (std::uint64_t i = 0; i < repeat; ++i) {
        for (std::size_t k = 0; k < cases.size(); ++k) {
          passed += run_case(cases[k], api_, options[k]).verdict == Verdict::pass ? 1 : 0;
        }
      }
      const auto elapsed = std::chrono::steady_clock::now() - start;
      response["nanoseconds"] = static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count());
      response["repeat"] = repeat;
      if (op == "bench_cases") response["cases"] = cases.size();
      response["passed"] = passed;
    } else if (op == "call") {
      const Json performed = perform_call(api_, request);
      for (const auto& [key, value] : performed.items()) response[key] = value;
    } else if (op == "begin_case" || op == "reset") {
      end_open_case();
      api_.begin_case();
      in_case_ = true;
    } else if (op == "end_case") {
      end_open_case();
    } else if (op == "hang" || op == "crash") {
      return test_action(request);  // test-only: never answers
    } else if (op == "quit") {
      end_open_case();
      action = Action::quit;
    } else {
      throw ProtocolError("unknown op '" + op + "'");
    }
    send(to_line(response));
    return action;
  } catch (const std::exception& e) {
    send(to_line(error_response(id, e.what())));
  } catch (...) {
    send(to_line(error_response(id, "internal error (unknown exception)")));
  }
  return Action::none;
}

}  // namespace fmconf::remote
