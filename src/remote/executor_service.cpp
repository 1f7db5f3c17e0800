#include "remote/executor_service.hpp"

#include "cases/case_file.hpp"
#include "cases/result_json.hpp"
#include "cases/runner.hpp"
#include "remote/api_call_codec.hpp"

#include <chrono>
#include <exception>

namespace fmconf::remote {
namespace {

Json error_response(const Json* id, const std::string& message) {
  Json response = Json::object();
  if (id != nullptr) response["id"] = *id;
  response["ok"] = false;
  response["error"] = message;
  return response;
}

// One response line; bytes that are not UTF-8 (echoed from a garbage request) become U+FFFD.
std::string to_line(const Json& response) {
  return response.dump(-1, ' ', false, Json::error_handler_t::replace);
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

}  // namespace

ExecutorService::Reply ExecutorService::handle(const std::string& line) {
  Json request;
  try {
    request = Json::parse(line);
  } catch (const std::exception& e) {
    return {to_line(error_response(nullptr, std::string("request is not JSON: ") + e.what())),
            Action::none};
  }
  const Json* id = nullptr;
  if (request.is_object()) {
    if (const auto it = request.find("id"); it != request.end()) id = &*it;
  }
  try {
    if (!request.is_object()) throw ProtocolError("request is not a JSON object");
    const auto op_field = request.find("op");
    if (op_field == request.end() || !op_field->is_string()) {
      throw ProtocolError("'op' is missing or not a string");
    }
    const std::string op = op_field->get<std::string>();
    Json response = Json::object();
    if (id != nullptr) response["id"] = *id;
    response["ok"] = true;
    Action action = Action::none;

    if (op == "hello") {
      response["protocol"] = kProtocolVersion;
      response["environment"] = environment_to_json(api_.environment());
    } else if (op == "run_case") {
      const auto case_json = request.find("case");
      if (case_json == request.end() || !case_json->is_object()) {
        throw ProtocolError("'case' is missing or not an object");
      }
      RunOptions options;
      options.name_prefix = request.value("name_prefix", "");
      if (in_case_) {
        api_.end_case();
        in_case_ = false;
      }
      const ParsedCase parsed = parse_case(*case_json, origin_from_json(request));
      const CaseResult result =
          parsed.value ? run_case(*parsed.value, api_, options) : error_result(*parsed.error);
      response["result"] = result_to_json(result);
    } else if (op == "bench_case") {
      // Benchmark baseline: the same case `repeat` times in-process, timed inside the executor.
      const auto case_json = request.find("case");
      if (case_json == request.end() || !case_json->is_object()) {
        throw ProtocolError("'case' is missing or not an object");
      }
      const ParsedCase parsed = parse_case(*case_json, CaseOrigin{});
      if (!parsed.value) throw ProtocolError("invalid case: " + parsed.error->text());
      if (in_case_) {
        api_.end_case();
        in_case_ = false;
      }
      RunOptions options;
      options.name_prefix = request.value("name_prefix", "");
      const std::uint64_t repeat = request.value("repeat", std::uint64_t{1});
      std::uint64_t passed = 0;
      const auto start = std::chrono::steady_clock::now();
      for (std::uint64_t i = 0; i < repeat; ++i) {
        passed += run_case(*parsed.value, api_, options).verdict == Verdict::pass ? 1 : 0;
      }
      const auto elapsed = std::chrono::steady_clock::now() - start;
      response["nanoseconds"] = static_cast<std::uint64_t>(
          std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count());
      response["repeat"] = repeat;
      response["passed"] = passed;
    } else if (op == "call") {
      const Json performed = perform_call(api_, request);
      for (const auto& [key, value] : performed.items()) response[key] = value;
    } else if (op == "begin_case" || op == "reset") {
      if (in_case_) api_.end_case();
      api_.begin_case();
      in_case_ = true;
    } else if (op == "end_case") {
      if (in_case_) api_.end_case();
      in_case_ = false;
    } else if (op == "hang") {
      return {"", Action::hang};  // test-only: never answers
    } else if (op == "crash") {
      const std::string how = request.value("how", "abort");
      if (how != "abort" && how != "access_violation") {
        throw ProtocolError("'how' must be \"abort\" or \"access_violation\"");
      }
      return {"", how == "abort" ? Action::crash_abort : Action::crash_access_violation};
    } else if (op == "quit") {
      if (in_case_) api_.end_case();
      in_case_ = false;
      action = Action::quit;
    } else {
      throw ProtocolError("unknown op '" + op + "'");
    }
    return {to_line(response), action};
  } catch (const std::exception& e) {
    return {to_line(error_response(id, e.what())), Action::none};
  } catch (...) {
    return {to_line(error_response(id, "internal error (unknown exception)")), Action::none};
  }
}

}  // namespace fmconf::remote
