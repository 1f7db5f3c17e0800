#include "remote/observations.hpp"

#include "cases/hex.hpp"
#include "cases/runner.hpp"

#include <stdexcept>

namespace fmconf::remote {
namespace {

void append_number(std::string& out, std::string_view name, std::uint64_t value) {
  out += ",\"";
  out += name;
  out += "\",";
  out += std::to_string(value);
}

[[noreturn]] void bad(const std::string& what) {
  throw std::runtime_error("observations: " + what);
}

}  // namespace

void append_observations(std::string& out, const CaseResult& result) {
  out += "{\"steps\":[";
  bool first = true;
  for (const StepResult& s : result.steps) {
    if (!first) out.push_back(',');
    first = false;
    out.push_back('[');
    out += s.ok ? '1' : '0';
    out.push_back(',');
    out += std::to_string(s.error);
    if (s.size) append_number(out, "size", *s.size);
    if (s.protect) append_number(out, "protect", *s.protect);
    if (s.allocation_protect) append_number(out, "allocation_protect", *s.allocation_protect);
    if (s.state) append_number(out, "state", *s.state);
    if (s.region_size) append_number(out, "region_size", *s.region_size);
    if (s.type) append_number(out, "type", *s.type);
    if (s.attributes) append_number(out, "attributes", *s.attributes);
    if (s.section_size) append_number(out, "section_size", *s.section_size);
    if (s.data) {
      out += ",\"data\",\"";
      out += to_hex(*s.data);
      out.push_back('"');
    }
    if (s.fault) out += *s.fault ? ",\"fault\",true" : ",\"fault\",false";
    out.push_back(']');
  }
  out.push_back(']');
  if (result.verdict == Verdict::error) {
    out += ",\"error\":";
    out += Json(result.message).dump(-1, ' ', false, Json::error_handler_t::replace);
  }
  out.push_back('}');
}

CaseResult result_from_observations(const Json& observed, const Case& c) {
  if (!observed.is_object()) bad("not an object");
  CaseResult r = result_for(c);
  const auto steps = observed.find("steps");
  if (steps == observed.end() || !steps->is_array()) bad("'steps' is missing");
  if (steps->size() > c.steps.size()) bad("more steps than the case has");
  for (std::size_t i = 0; i < steps->size(); ++i) {
    const Json& o = (*steps)[i];
    if (!o.is_array() || o.size() < 2 || o.size() % 2 != 0) bad("step " + std::to_string(i));
    const Step& step = c.steps[i];
    StepResult s;
    s.call = std::string(call_name(step.call));
    s.ok = o[0].get<int>() != 0;
    s.error = o[1].get<std::uint32_t>();
    for (std::size_t k = 2; k < o.size(); k += 2) {
      const std::string& name = o[k].get_ref<const std::string&>();
      const Json& value = o[k + 1];
      if (name == "data") {
        auto bytes = parse_hex(value.get<std::string>());
        if (!bytes) bad("step " + std::to_string(i) + ": data is not hex");
        s.data = std::move(*bytes);
      } else if (name == "fault") {
        s.fault = value.get<bool>();
      } else if (name == "size") {
        s.size = value.get<std::uint64_t>();
      } else if (name == "region_size") {
        s.region_size = value.get<std::uint64_t>();
      } else if (name == "section_size") {
        s.section_size = value.get<std::uint64_t>();
      } else if (name == "protect") {
        s.protect = value.get<std::uint32_t>();
      } else if (name == "allocation_protect") {
        s.allocation_protect = value.get<std::uint32_t>();
      } else if (name == "state") {
        s.state = value.get<std::uint32_t>();
      } else if (name == "type") {
        s.type = value.get<std::uint32_t>();
      } else if (name == "attributes") {
        s.attributes = value.get<std::uint32_t>();
      } else {
        bad("step " + std::to_string(i) + ": unknown observable '" + name + "'");
      }
    }
    s.expect = step.expect_json;
    r.steps.push_back(std::move(s));
    compare_step(step, i, r.steps.back(), r.diffs);
  }
  if (const auto error = observed.find("error"); error != observed.end()) {
    r.verdict = Verdict::error;
    r.message = error->get<std::string>();
  } else {
    if (steps->size() != c.steps.size()) bad("fewer steps than the case has, and no error");
    r.verdict = r.diffs.empty() ? Verdict::pass : Verdict::fail;
  }
  return r;
}

}  // namespace fmconf::remote
