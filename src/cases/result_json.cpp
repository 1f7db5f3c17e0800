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

namespace {

// The line result_to_json(...).dump() gives, written straight into a string: a result line is
// what the executor writes per case and `fmconf run` per result, and building the JSON tree
// first cost more than the rest of the writing (about three times). Same bytes (a test compares
// them over the corpus).
class LineWriter {
 public:
  explicit LineWriter(std::string& out) : out_(out) {}

  void raw(std::string_view text) { out_.append(text); }
  void key(std::string_view name) {  // `"name":`, with the comma before it when needed
    if (need_comma_) out_.push_back(',');
    out_.push_back('"');
    out_.append(name);
    out_.append("\":");
    need_comma_ = true;
  }
  void open(char bracket) {
    out_.push_back(bracket);
    need_comma_ = false;
  }
  void close(char bracket) {
    out_.push_back(bracket);
    need_comma_ = true;
  }
  void element() {  // before an array element
    if (need_comma_) out_.push_back(',');
    need_comma_ = true;
  }
  void string(std::string_view text) {
    // Printable ASCII without '"' or '\\' is written as it is; anything else (escapes, UTF-8,
    // bytes that are not UTF-8) the way nlohmann::json writes it.
    for (const char ch : text) {
      if (ch < 0x20 || ch > 0x7e || ch == '"' || ch == '\\') {
        out_.append(Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace));
        return;
      }
    }
    out_.push_back('"');
    out_.append(text);
    out_.push_back('"');
  }
  void number(std::uint64_t value) { out_.append(std::to_string(value)); }
  void boolean(bool value) { out_.append(value ? "true" : "false"); }
  void json(const Json& value) {
    out_.append(value.dump(-1, ' ', false, Json::error_handler_t::replace));
  }
  // A member: its key, then its value.
  void string(std::string_view name, std::string_view text) {
    key(name);
    string(text);
  }
  void number(std::string_view name, std::uint64_t value) {
    key(name);
    number(value);
  }
  void boolean(std::string_view name, bool value) {
    key(name);
    boolean(value);
  }
  void json(std::string_view name, const Json& value) {
    key(name);
    json(value);
  }

 private:
  std::string& out_;
  bool need_comma_ = false;
};

// The observables of one step, in kReported order, as step_to_json writes them.
void write_observables(LineWriter& w, const StepResult& s) {
  for (const auto field : kReported) {
    if (field == Observable::ok || field == Observable::error) continue;
    if (field == Observable::data) {
      if (s.data) w.string(observable_name(field), to_hex(*s.data));
    } else if (field == Observable::fault) {
      if (s.fault) w.boolean(observable_name(field), *s.fault);
    } else if (const auto value = observed_number(s, field)) {
      w.key(observable_name(field));
      if (const auto family = observable_family(field))
        w.string(format_flags(static_cast<std::uint32_t>(*value), *family));
      else {
        w.number(*value);
      }
    }
    if (field == Observable::region_size && s.type)
      w.string("type", format_flags(*s.type, Family::mem_type));
  }
}

}  // namespace

void append_result_line(std::string& out, const CaseResult& r) {
  LineWriter w(out);
  w.open('{');
  w.string("id", r.id);
  if (!r.title.empty()) w.string("title", r.title);
  w.string("file", r.file);
  if (r.line > 0) w.number("line", r.line);
  if (r.index) w.number("index", *r.index);
  w.string("verdict", verdict_name(r.verdict));
  if (r.verdict == Verdict::error || !r.message.empty()) w.string("message", r.message);
  if (r.exploration) w.boolean("exploration", true);
  if (!r.provenance.kind.empty()) {
    w.key("provenance");
    w.open('{');
    w.string("kind", r.provenance.kind);
    w.string("source", r.provenance.source);
    w.close('}');
  }
  w.key("steps");
  w.open('[');
  for (const auto& s : r.steps) {
    w.element();
    w.open('{');
    w.string("call", s.call);
    w.boolean("ok", s.ok);
    w.key("error");
    w.open('{');
    w.string("name", error_name(s.error));
    w.number("code", s.error);
    w.close('}');
    write_observables(w, s);
    if (!s.expect.is_null()) w.json("expect", s.expect);
    w.close('}');
  }
  w.close(']');
  if (!r.diffs.empty()) {
    w.key("diff");
    w.open('[');
    for (const auto& d : r.diffs) {
      w.element();
      w.open('{');
      w.number("step", d.step);
      w.string("field", d.field);
      w.json("expected", d.expected);
      w.json("observed", d.observed);
      w.close('}');
    }
    w.close(']');
  }
  w.close('}');
}

std::string result_to_line(const CaseResult& result) {
  std::string line;
  line.reserve(256 + 160 * result.steps.size());
  append_result_line(line, result);
  return line;
}

}  // namespace fmconf
