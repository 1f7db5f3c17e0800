#include "cases/case_result.hpp"

#include "cases/hex.hpp"

namespace fmconf {

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::pass:
      return "pass";
    case Verdict::fail:
      return "fail";
    case Verdict::error:
      return "error";
  }
  return "?";
}

std::optional<Verdict> parse_verdict(std::string_view name) {
  for (const auto v : {Verdict::pass, Verdict::fail, Verdict::error}) {
    if (verdict_name(v) == name) return v;
  }
  return std::nullopt;
}

std::optional<std::uint64_t> observed_number(const StepResult& r, Observable field) {
  switch (field) {
    case Observable::ok:
      return r.ok ? 1 : 0;
    case Observable::error:
      return r.error;
    case Observable::size:
      return r.size;
    case Observable::protect:
      return r.protect;
    case Observable::allocation_protect:
      return r.allocation_protect;
    case Observable::state:
      return r.state;
    case Observable::region_size:
      return r.region_size;
    case Observable::attributes:
      return r.attributes;
    case Observable::section_size:
      return r.section_size;
    case Observable::fault:
      if (r.fault) return *r.fault ? 1 : 0;
      return std::nullopt;
    case Observable::data:
      return std::nullopt;
  }
  return std::nullopt;
}

Json observed_value(const StepResult& step, Observable field) {
  switch (field) {
    case Observable::ok:
      return step.ok;
    case Observable::error:
      return error_name(step.error);
    case Observable::data:
      return step.data ? Json(to_hex(*step.data)) : Json();
    case Observable::fault:
      return step.fault ? Json(*step.fault) : Json();
    default:
      break;
  }
  const auto value = observed_number(step, field);
  if (!value) return Json();
  if (const auto family = observable_family(field)) {
    return format_flags(static_cast<std::uint32_t>(*value), *family);
  }
  return *value;
}

CaseResult result_for(const Case& c) {
  CaseResult result;
  result.id = c.id;
  result.title = c.title;
  result.file = c.origin.file;
  result.line = c.origin.line;
  result.index = c.origin.index;
  result.provenance = c.provenance;
  result.exploration = c.exploration();
  return result;
}

CaseResult error_result(const CaseError& error) {
  CaseResult r;
  r.id = error.case_id;
  r.file = error.file;
  r.line = error.line;
  r.index = error.index;
  r.verdict = Verdict::error;
  r.message = error.text();
  return r;
}

}  // namespace fmconf
