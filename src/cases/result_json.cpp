#include "cases/result_json.hpp"

#include "cases/hex.hpp"

#include <stdexcept>

namespace fmconf {
namespace {

constexpr Observable kReported[] = {
    Observable::size,         Observable::protect,     Observable::allocation_protect,
    Observable::state,        Observable::region_size, Observable::attributes,
    Observable::section_size, Observable::data,        Observable::fault,
};

Json step_to_json(const StepResult& s) {
  Json j;
  j["call"] = s.call;
  j["ok"] = s.ok;
  j["error"] = {{"name", error_name(s.error)}, {"code", s.error}};
  for (const auto field : kReported) {
    Json value = observed_value(s, field);
    if (!value.is_null()) j[std::string(observable_name(field))] = std::move(value);
    if (field == Observable::region_size && s.type) {
      j["type"] = format_flags(*s.type, Family::mem_type);
    }
  }
  if (!s.expect.is_null()) j["expect"] = s.expect;
  return j;
}

[[noreturn]] void bad(const std::string& field, const std::string& what) {
  throw std::runtime_error("result JSON: field '" + field + "': " + what);
}

const Json& member(const Json& j, const char* key, const std::string& where) {
  const auto it = j.find(key);
  if (it == j.end()) bad(where + key, "missing");
  return *it;
}

std::uint32_t flags_from(const Json& j, Family family, const std::string& field) {
  if (j.is_number_unsigned()) return j.get<std::uint32_t>();
  if (!j.is_string()) bad(field, "not flags");
  const auto v = parse_flags(j.get<std::string>(), family);
  if (!v) bad(field, "unknown flags '" + j.get<std::string>() + "'");
  return *v;
}

StepResult step_from_json(const Json& j, const std::string& where) {
  if (!j.is_object()) bad(where, "not an object");
  StepResult s;
  s.call = member(j, "call", where).get<std::string>();
  s.ok = member(j, "ok", where).get<bool>();
  const Json& error = member(j, "error", where);
  s.error = error.is_object() ? member(error, "code", where + "error.").get<std::uint32_t>()
                              : error.get<std::uint32_t>();
  const auto get = [&](const char* key) -> const Json* {
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? nullptr : &*it;
  };
  if (const Json* v = get("size")) s.size = v->get<std::uint64_t>();
  if (const Json* v = get("protect"))
    s.protect = flags_from(*v, Family::protect, where + "protect");
  if (const Json* v = get("allocation_protect")) {
    s.allocation_protect = flags_from(*v, Family::protect, where + "allocation_protect");
  }
  if (const Json* v = get("state")) s.state = flags_from(*v, Family::mem_state, where + "state");
  if (const Json* v = get("region_size")) s.region_size = v->get<std::uint64_t>();
  if (const Json* v = get("type")) s.type = flags_from(*v, Family::mem_type, where + "type");
  if (const Json* v = get("attributes")) {
    s.attributes = flags_from(*v, Family::section_attributes, where + "attributes");
  }
  if (const Json* v = get("section_size")) s.section_size = v->get<std::uint64_t>();
  if (const Json* v = get("data")) {
    auto bytes = parse_hex(v->get<std::string>());
    if (!bytes) bad(where + "data", "not hex");
    s.data = std::move(*bytes);
  }
  if (const Json* v = get("fault")) s.fault = v->get<bool>();
  if (const auto it = j.find("expect"); it != j.end()) s.expect = *it;
  return s;
}

}  // namespace

Json result_to_json(const CaseResult& r) {
  Json j;
  j["id"] = r.id;
  if (!r.title.empty()) j["title"] = r.title;
  j["file"] = r.file;
  if (r.line > 0) j["line"] = r.line;
  if (r.index) j["index"] = *r.index;
  j["verdict"] = verdict_name(r.verdict);
  if (r.verdict == Verdict::error || !r.message.empty()) j["message"] = r.message;
  if (r.exploration) j["exploration"] = true;
  if (!r.provenance.kind.empty()) {
    j["provenance"] = {{"kind", r.provenance.kind}, {"source", r.provenance.source}};
  }
  j["steps"] = Json::array();
  for (const auto& s : r.steps) j["steps"].push_back(step_to_json(s));
  if (!r.diffs.empty()) {
    j["diff"] = Json::array();
    for (const auto& d : r.diffs) {
      j["diff"].push_back({{"step", d.step},
                           {"field", d.field},
                           {"expected", d.expected},
                           {"observed", d.observed}});
    }
  }
  return j;
}

CaseResult result_from_json(const Json& j) {
  if (!j.is_object()) bad("", "a result must be an object");
  try {
    CaseResult r;
    r.id = member(j, "id", "").get<std::string>();
    if (const auto it = j.find("title"); it != j.end()) r.title = it->get<std::string>();
    if (const auto it = j.find("file"); it != j.end()) r.file = it->get<std::string>();
    if (const auto it = j.find("line"); it != j.end()) r.line = it->get<std::size_t>();
    if (const auto it = j.find("index"); it != j.end()) r.index = it->get<std::size_t>();
    const auto verdict = parse_verdict(member(j, "verdict", "").get<std::string>());
    if (!verdict) bad("verdict", "not pass, fail or error");
    r.verdict = *verdict;
    if (const auto it = j.find("message"); it != j.end()) r.message = it->get<std::string>();
    if (const auto it = j.find("exploration"); it != j.end()) r.exploration = it->get<bool>();
    if (const auto it = j.find("provenance"); it != j.end()) {
      r.provenance.kind = member(*it, "kind", "provenance.").get<std::string>();
      r.provenance.source = member(*it, "source", "provenance.").get<std::string>();
    }
    if (const auto it = j.find("steps"); it != j.end()) {
      for (std::size_t i = 0; i < it->size(); ++i) {
        r.steps.push_back(step_from_json((*it)[i], "steps[" + std::to_string(i) + "]."));
      }
    }
    if (const auto it = j.find("diff"); it != j.end()) {
      for (const auto& d : *it) {
        r.diffs.push_back(Diff{member(d, "step", "diff.").get<std::size_t>(),
                               member(d, "field", "diff.").get<std::string>(),
                               member(d, "expected", "diff."), member(d, "observed", "diff.")});
      }
    }
    return r;
  } catch (const Json::exception& e) {
    throw std::runtime_error(std::string("result JSON: ") + e.what());
  }
}

std::string result_to_line(const CaseResult& result) {
  return result_to_json(result).dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace fmconf
