#include "cli/run_summary.hpp"

#include "cli/command.hpp"

#include <fmt/format.h>

namespace fmconf::cli {
namespace {

// Strings without quotes (ERROR_SUCCESS, PAGE_READONLY), except the empty one; the rest as JSON.
std::string plain(const Json& j) {
  return j.is_string() && !j.get_ref<const std::string&>().empty() ? j.get<std::string>()
                                                                   : j.dump();
}

std::string location(const CaseResult& r) {
  if (r.line > 0) return fmt::format("{}:{}", r.file, r.line);
  if (r.index) return fmt::format("{}[{}]", r.file, *r.index);
  return r.file;
}

}  // namespace

std::string describe_diff(const Diff& d) {
  return fmt::format(
      "step {} {}: expected {}, observed {}", d.step, d.field, plain(d.expected),
      d.observed.is_null() ? "nothing (the call did not report it)" : plain(d.observed));
}

void RunSummary::add(const CaseResult& r) {
  if (r.exploration) ++explorations_;
  switch (r.verdict) {
    case Verdict::pass:
      ++pass_;
      break;
    case Verdict::fail: {
      ++fail_;
      if (failures_.size() < shown_) {
        std::string text = fmt::format("  FAIL {} ({})", r.id, location(r));
        for (const auto& d : r.diffs) text += "\n    " + describe_diff(d);
        failures_.push_back(std::move(text));
      }
      break;
    }
    case Verdict::error:
      ++error_;
      if (errors_.size() < shown_) errors_.push_back("  ERROR " + r.message);
      break;
  }
}

void RunSummary::print(std::ostream& out, const std::string& heading, double seconds) const {
  out << fmt::format("{}: {} cases in {:.2f} s: {} pass, {} fail, {} error", heading,
                     pass_ + fail_ + error_, seconds, pass_, fail_, error_);
  if (explorations_ > 0) out << fmt::format(" ({} explorations, nothing expected)", explorations_);
  out << "\n";
  for (const auto& f : failures_) out << f << "\n";
  if (fail_ > failures_.size())
    out << fmt::format("  ... and {} more failures\n", fail_ - failures_.size());
  for (const auto& e : errors_) out << e << "\n";
  if (error_ > errors_.size())
    out << fmt::format("  ... and {} more errors\n", error_ - errors_.size());
}

int RunSummary::exit_code() const {
  if (error_ > 0) return kExitInvalid;
  if (fail_ > 0) return kExitFail;
  return kExitPass;
}

}  // namespace fmconf::cli
