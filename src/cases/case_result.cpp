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

Json observed_value(const StepResult& step, Observable field) {
  const auto flags = [&](const std::optional<std::uint32_t>& v) {
    return v ? Json(format_flags(*v, *observable_family(field))) : Json();
  };
  const auto number = [](const std::optional<std::uint64_t>& v) { return v ? Json(*v) : Json(); };
  switch (field) {
    case Observable::ok:
      return step.ok;
    case Observable::error:
      return error_name(step.error);
    case Observable::size:
      return number(step.size);
    case Observable::protect:
      return flags(step.protect);
    case Observable::allocation_protect:
      return flags(step.allocation_protect);
    case Observable::state:
      return flags(step.state);
    case Observable::region_size:
      return number(step.region_size);
    case Observable::attributes:
      return flags(step.attributes);
    case Observable::section_size:
      return number(step.section_size);
    case Observable::data:
      return step.data ? Json(to_hex(*step.data)) : Json();
    case Observable::fault:
      return step.fault ? Json(*step.fault) : Json();
  }
  return Json();
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
