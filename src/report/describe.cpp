#include "report/describe.hpp"

#include <fmt/format.h>

namespace fmconf::report {

namespace {

const char* const kObservables[] = {"size",         "protect",     "allocation_protect",
                                    "state",        "region_size", "attributes",
                                    "section_size", "data",        "fault"};

std::string error_text(const Json& error) {
  if (error.is_object()) return error.value("name", describe_value(error.value("code", Json())));
  return describe_value(error);
}

}  // namespace

std::string describe_value(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() && value.contains("name")) return error_text(value);
  if (value.is_array()) {
    std::string text;
    for (const auto& v : value) text += (text.empty() ? "" : " or ") + describe_value(v);
    return text.empty() ? "[]" : text;
  }
  return value.dump();
}

std::string describe_diff(const Json& diff_entry) {
  return fmt::format(
      "step {} {}: expected {}, observed {}", describe_value(diff_entry.value("step", Json())),
      diff_entry.value("field", "?"), describe_value(diff_entry.value("expected", Json())),
      describe_value(diff_entry.value("observed", Json())));
}

std::string describe_call(const Json& case_step) {
  std::string args;
  for (const auto& [key, value] : case_step.items()) {
    if (key == "call" || key == "out" || key == "expect") continue;
    std::string shown = describe_value(value);
    if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
    args += fmt::format("{}{}={}", args.empty() ? "" : ", ", key, shown);
  }
  const std::string call = fmt::format("{}({})", case_step.value("call", "?"), args);
  if (case_step.contains("out") && case_step["out"].is_string()) {
    return case_step["out"].get<std::string>() + " = " + call;
  }
  return call;
}

std::string describe_observed(const Json& result_step) {
  std::string text;
  if (result_step.contains("ok")) {
    text = result_step["ok"].is_boolean() && result_step["ok"].get<bool>() ? "ok" : "failed";
  }
  if (result_step.contains("error")) {
    text += (text.empty() ? "" : ", ") + error_text(result_step["error"]);
  }
  for (const char* name : kObservables) {
    if (!result_step.contains(name)) continue;
    std::string value = describe_value(result_step[name]);
    if (value.size() > 24) value = value.substr(0, 21) + "...";
    text += fmt::format("{}{}={}", text.empty() ? "" : ", ", name, value);
  }
  return text;
}

std::string describe_checked_steps(const Json& result) {
  if (!result.contains("steps") || !result["steps"].is_array()) {
    return result.value("message", std::string());
  }
  std::string text;
  for (const auto& step : result["steps"]) {
    if (!step.contains("expect")) continue;
    text += fmt::format("{}{}: {}", text.empty() ? "" : "; ", step.value("call", "?"),
                        describe_observed(step));
  }
  return text;
}

}  // namespace fmconf::report
