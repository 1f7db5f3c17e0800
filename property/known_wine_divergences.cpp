#include "property/known_wine_divergences.hpp"

#include "api/vocabulary.hpp"

namespace fmconf::property {

namespace {

std::uint32_t flags_of(const Json& step, const char* key, Family family) {
  if (!step.contains(key)) return 0;
  const Json& v = step[key];
  if (v.is_number()) return v.get<std::uint32_t>();
  return parse_flags(v.get<std::string>(), family).value_or(0);
}

std::uint32_t protect_of(const Json& step) { return flags_of(step, "protect", Family::protect); }

bool is_call(const Json& step, std::string_view a, std::string_view b = {}) {
  const std::string call = step.value("call", "");
  return call == a || (!b.empty() && call == b);
}

// spec:A13, A14: a GENERIC_READ(-without-execute) file and PAGE_EXECUTE_READ or
// PAGE_EXECUTE_WRITECOPY: Windows fails ERROR_ACCESS_DENIED, Wine creates the mapping (or
// fails a later check, e.g. the size: it never checks the execute right).
bool exec_protection_on_read_only_file(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileMappingW", "CreateFileMappingA")) return false;
  if (d.field != "ok" && d.field != "error") return false;
  const std::uint32_t p = protect_of(step) & 0xff;
  if (p != page::kExecuteRead && p != page::kExecuteWriteCopy) return false;
  const auto access = file_access_of(*d.program, step.value("file", ""), d.step);
  if (!access) return false;
  const bool reads =
      (*access & (access::kGenericRead | access::kGenericAll | file_access::kReadData)) != 0;
  const bool executes =
      (*access & (access::kGenericExecute | access::kGenericAll | file_access::kExecute)) != 0;
  if (!reads || executes) return false;
  // Wine does not check the execute right, so whatever its next check says comes out.
  return d.field == "ok" ? d.model == false && d.wine == true
                         : d.model == "ERROR_ACCESS_DENIED" && d.wine != "ERROR_ACCESS_DENIED";
}

// spec:B34, B35: after a write through a copy-on-write page Windows reports PAGE_READWRITE /
// PAGE_EXECUTE_READWRITE (and splits the region); Wine keeps PAGE_WRITECOPY /
// PAGE_EXECUTE_WRITECOPY.
bool copy_on_write_protection_after_write(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "VirtualQuery")) return false;
  if (d.field != "protect" && d.field != "region_size") return false;
  const std::string view = step.value("view", "");
  const Json* map = producer_of(*d.program, view, d.step);
  if (!map) return false;
  const std::uint32_t a = flags_of(*map, "access", Family::map_access);
  if ((a & ~map_access::kExecute) != map_access::kCopy) return false;  // spec:1D rule
  bool written = false;
  for (std::size_t i = 0; i < d.step; ++i) {
    const Json& s = (*d.program)["steps"][i];
    if (is_call(s, "WriteView") && s.value("view", "") == view) written = true;
  }
  if (!written) return false;
  if (d.field == "region_size") return true;  // the split region (B34 "one page")
  return (d.model == "PAGE_READWRITE" && d.wine == "PAGE_WRITECOPY") ||
         (d.model == "PAGE_EXECUTE_READWRITE" && d.wine == "PAGE_EXECUTE_WRITECOPY");
}

constexpr DivergenceRule kRules[] = {
    {"wine:exec-protection-on-read-only-file", "spec:A13, A14",
     "GENERIC_READ file + PAGE_EXECUTE_READ/PAGE_EXECUTE_WRITECOPY: Windows ERROR_ACCESS_DENIED, "
     "Wine succeeds",
     exec_protection_on_read_only_file},
    {"wine:copy-on-write-protection-after-write", "spec:B34, B35",
     "after writing a copy-on-write view Windows reports PAGE_(EXECUTE_)READWRITE, Wine keeps "
     "PAGE_(EXECUTE_)WRITECOPY",
     copy_on_write_protection_after_write},
};

}  // namespace

std::span<const DivergenceRule> known_wine_divergences() { return kRules; }

const DivergenceRule* find_known_divergence(const Divergence& d) {
  for (const DivergenceRule& rule : kRules) {
    if (rule.matches(d)) return &rule;
  }
  return nullptr;
}

const Json* producer_of(const Json& program, const std::string& out, std::size_t before) {
  if (out.empty()) return nullptr;
  const Json& steps = program["steps"];
  for (std::size_t i = std::min(before, steps.size()); i-- > 0;) {
    if (steps[i].value("out", "") == out) return &steps[i];
  }
  return nullptr;
}

std::optional<std::uint32_t> file_access_of(const Json& program, const std::string& out,
                                            std::size_t before) {
  const Json& steps = program["steps"];
  std::string name = out;
  for (std::size_t i = std::min(before, steps.size()); i-- > 0;) {
    const Json& s = steps[i];
    if (s.value("out", "") != name) continue;
    if (is_call(s, "CreateFileW", "CreateFileA")) return flags_of(s, "access", Family::file_access);
    if (is_call(s, "DuplicateHandle") && s.value("same_access", false)) {
      name = s.value("handle", "");
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace fmconf::property
