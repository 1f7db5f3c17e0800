#include "report/compare.hpp"

#include "report/describe.hpp"
#include "report/junit_xml.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

namespace fmconf::report {

std::string_view change_kind_name(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::new_failure:
      return "new_failure";
    case ChangeKind::fixed:
      return "fixed";
    case ChangeKind::changed:
      return "changed";
    case ChangeKind::only_old:
      return "only_old";
    case ChangeKind::only_new:
      return "only_new";
    case ChangeKind::xpass:
      return "xpass";
  }
  return "changed";
}

std::size_t Comparison::count(ChangeKind kind) const {
  return static_cast<std::size_t>(std::count_if(
      changes.begin(), changes.end(), [&](const CaseChange& c) { return c.kind == kind; }));
}

std::size_t Comparison::gating() const {
  return static_cast<std::size_t>(
      std::count_if(changes.begin(), changes.end(), [](const CaseChange& c) { return c.gates; }));
}

namespace {

// Members of a result step that are not observations.
bool is_observation(const std::string& key) { return key != "expect" && key != "basis"; }

std::string verdict_of(const Json& result) { return result.value("verdict", "error"); }

// The outcome as the results file says it; a file without outcomes: the verdict.
std::string outcome_of_result(const Json& result) {
  const auto it = result.find("outcome");
  if (it != result.end() && it->is_string()) return it->get<std::string>();
  return verdict_of(result);
}

bool failing(const std::string& verdict) { return verdict != "pass"; }

// A failure the gate counts: not listed (known, flaky) and grounded (not `unconfirmed`).
bool gating_failure(const std::string& outcome) { return outcome == "fail" || outcome == "error"; }

const Json& steps_of(const Json& result) {
  static const Json none = Json::array();
  const auto it = result.find("steps");
  return it != result.end() && it->is_array() ? *it : none;
}

std::string message_of(const Json& result) {
  const auto it = result.find("message");
  return it != result.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::vector<ObservationChange> observation_changes(const Json& old_result, const Json& new_result) {
  std::vector<ObservationChange> changes;
  const bool any_error = verdict_of(old_result) == "error" || verdict_of(new_result) == "error";
  if (any_error && message_of(old_result) != message_of(new_result)) {
    changes.push_back(
        {-1, "", "message", Json(message_of(old_result)), Json(message_of(new_result))});
  }
  const Json& old_steps = steps_of(old_result);
  const Json& new_steps = steps_of(new_result);
  const std::size_t count = std::max(old_steps.size(), new_steps.size());
  static const Json empty = Json::object();
  for (std::size_t i = 0; i < count; ++i) {
    const Json& a = i < old_steps.size() && old_steps[i].is_object() ? old_steps[i] : empty;
    const Json& b = i < new_steps.size() && new_steps[i].is_object() ? new_steps[i] : empty;
    const std::string call = b.value("call", a.value("call", ""));
    std::set<std::string> fields;
    for (const auto& [key, value] : a.items()) fields.insert(key);
    for (const auto& [key, value] : b.items()) fields.insert(key);
    for (const auto& field : fields) {
      if (!is_observation(field)) continue;
      const auto x = a.find(field);
      const auto y = b.find(field);
      const Json old_value = x == a.end() ? Json() : *x;
      const Json new_value = y == b.end() ? Json() : *y;
      if (old_value != new_value) {
        changes.push_back({static_cast<long>(i), call, field, old_value, new_value});
      }
    }
  }
  return changes;
}

Comparison compare_runs(const ResultsFile& old_run, const ResultsFile& new_run) {
  Comparison comparison;
  comparison.old_run = old_run.run;
  comparison.new_run = new_run.run;
  std::map<std::string, const Json*> old_by_id;
  std::map<std::string, const Json*> new_by_id;
  for (const auto& r : old_run.results) old_by_id.emplace(r.value("id", ""), &r);
  for (const auto& r : new_run.results) new_by_id.emplace(r.value("id", ""), &r);

  for (const auto& [id, old_result] : old_by_id) {
    const auto found = new_by_id.find(id);
    CaseChange change;
    change.id = id;
    change.old_verdict = verdict_of(*old_result);
    change.old_outcome = outcome_of_result(*old_result);
    if (found == new_by_id.end()) {
      change.kind = ChangeKind::only_old;
      change.message = message_of(*old_result);
      comparison.changes.push_back(std::move(change));
      continue;
    }
    ++comparison.compared;
    const Json& new_result = *found->second;
    change.new_verdict = verdict_of(new_result);
    change.new_outcome = outcome_of_result(new_result);
    change.observations = observation_changes(*old_result, new_result);
    change.message =
        message_of(new_result).empty() ? message_of(*old_result) : message_of(new_result);
    change.grounded = change.new_outcome != "unconfirmed";
    const bool was_failing = failing(change.old_verdict);
    const bool is_failing = failing(change.new_verdict);
    if (!was_failing && is_failing) {
      change.kind = ChangeKind::new_failure;
      change.gates = change.grounded && gating_failure(change.new_outcome);
    } else if (was_failing && !is_failing) {
      change.kind = ChangeKind::fixed;
    } else if (!change.observations.empty() || change.old_verdict != change.new_verdict) {
      change.kind = ChangeKind::changed;  // fail <-> error counts here too
    } else if (change.new_outcome == "xpass") {
      change.kind = ChangeKind::xpass;
    } else {
      continue;  // the same
    }
    if (change.new_outcome == "xpass") change.gates = true;
    comparison.changes.push_back(std::move(change));
  }
  for (const auto& [id, new_result] : new_by_id) {
    if (old_by_id.contains(id)) continue;
    CaseChange change;
    change.kind = ChangeKind::only_new;
    change.id = id;
    change.new_verdict = verdict_of(*new_result);
    change.new_outcome = outcome_of_result(*new_result);
    change.message = message_of(*new_result);
    change.grounded = change.new_outcome != "unconfirmed";
    change.gates =
        (change.grounded && gating_failure(change.new_outcome)) || change.new_outcome == "xpass";
    comparison.changes.push_back(std::move(change));
  }
  std::sort(comparison.changes.begin(), comparison.changes.end(),
            [](const CaseChange& a, const CaseChange& b) { return a.id < b.id; });
  return comparison;
}

std::string describe_run(const RunInfo& run) {
  std::string text = run.target + " " + run.version;
  std::string details;
  const auto add = [&](const std::string& part) {
    if (!part.empty()) details += (details.empty() ? "" : "; ") + part;
  };
  if (!run.launcher.empty()) {
    add("launcher " + run.launcher +
        (run.launcher_version.empty() ? "" : " (" + run.launcher_version + ")"));
  }
  add(run.date);
  if (run.suite_commit != "unknown" && !run.suite_commit.empty()) {
    add("suite " + run.suite_commit.substr(0, 12));
  }
  if (!run.expectations.empty()) add("expectations " + run.expectations);
  return details.empty() ? text : text + " (" + details + ")";
}

namespace {

std::string describe_observation(const ObservationChange& o) {
  if (o.step < 0) {
    return fmt::format("{}: {} -> {}", o.field, describe_value(o.old_value),
                       describe_value(o.new_value));
  }
  return fmt::format("step {} {} {}: {} -> {}", o.step, o.call, o.field,
                     describe_value(o.old_value), describe_value(o.new_value));
}

std::string outcome_pair(const CaseChange& c) {
  return fmt::format("{} -> {}", c.old_outcome.empty() ? "-" : c.old_outcome,
                     c.new_outcome.empty() ? "-" : c.new_outcome);
}

// The first observations of a change, for one line.
std::string short_observations(const CaseChange& c) {
  std::string text;
  constexpr std::size_t kShown = 3;
  for (std::size_t i = 0; i < c.observations.size() && i < kShown; ++i) {
    text += (text.empty() ? "" : "; ") + describe_observation(c.observations[i]);
  }
  if (c.observations.size() > kShown) {
    text += fmt::format("; and {} more", c.observations.size() - kShown);
  }
  if (text.empty() && !c.message.empty()) text = c.message;
  return text;
}

struct Section {
  ChangeKind kind;
  const char* title;
};

constexpr Section kSections[] = {
    {ChangeKind::new_failure, "New failures (passed in OLD, fail in NEW)"},
    {ChangeKind::fixed, "Fixed (failed in OLD, pass in NEW)"},
    {ChangeKind::changed, "Changed observations (same verdict, different values)"},
    {ChangeKind::xpass, "xpass in NEW (listed as known, passes: remove the entry)"},
    {ChangeKind::only_old, "Only in OLD"},
    {ChangeKind::only_new, "Only in NEW"},
};

}  // namespace

void add_baseline(ReportSet& set, const ResultsFile& baseline) {
  if (set.columns.empty()) return;
  std::size_t column = set.columns.size() - 1;
  for (std::size_t c = 0; c < set.columns.size(); ++c) {
    if (set.columns[c].run.run.target == baseline.run.target) {
      column = c;
      break;
    }
  }
  const Comparison comparison = compare_runs(baseline, set.columns[column].run);
  Json counts = Json::object();
  for (const auto& section : kSections) {
    counts[std::string(change_kind_name(section.kind))] = comparison.count(section.kind);
  }
  set.baseline = {{"run", run_info_to_json(baseline.run)},
                  {"label", describe_run(baseline.run)},
                  {"column", set.columns[column].label},
                  {"counts", std::move(counts)},
                  {"gating", comparison.gating()}};
  set.changed_since.clear();
  for (const auto& c : comparison.changes) {
    set.changed_since[c.id] = {
        {"k", change_kind_name(c.kind)},
        {"t", outcome_pair(c) +
                  (short_observations(c).empty() ? std::string() : ": " + short_observations(c))},
        {"g", c.gates}};
  }
}

std::string comparison_text(const Comparison& comparison, std::size_t max_listed) {
  std::string out;
  out += "OLD: " + describe_run(comparison.old_run) + "\n";
  out += "NEW: " + describe_run(comparison.new_run) + "\n";
  for (const RunInfo* run : {&comparison.old_run, &comparison.new_run}) {
    if (!run->expectations_note.empty()) {
      out += fmt::format("note ({} {}): {}\n", run->target, run->version, run->expectations_note);
    }
  }
  out += fmt::format(
      "{} cases in both; {} new failures, {} fixed, {} changed observations, {} xpass, {} only "
      "in OLD, {} only in NEW; {} gate\n",
      comparison.compared, comparison.count(ChangeKind::new_failure),
      comparison.count(ChangeKind::fixed), comparison.count(ChangeKind::changed),
      comparison.count(ChangeKind::xpass), comparison.count(ChangeKind::only_old),
      comparison.count(ChangeKind::only_new), comparison.gating());
  for (const auto& section : kSections) {
    const std::size_t n = comparison.count(section.kind);
    if (n == 0) continue;
    out += fmt::format("\n{} ({}):\n", section.title, n);
    std::size_t listed = 0;
    for (const auto& c : comparison.changes) {
      if (c.kind != section.kind) continue;
      if (max_listed != 0 && listed == max_listed) {
        out += fmt::format("  ... and {} more (--format json lists them all)\n", n - listed);
        break;
      }
      ++listed;
      std::string marks;
      if (c.gates) marks += "GATE ";
      if (!c.grounded) marks += "unconfirmed ";
      const std::string what = short_observations(c);
      out += fmt::format("  {}{} [{}]{}{}\n", marks, c.id, outcome_pair(c), what.empty() ? "" : " ",
                         what);
    }
  }
  out += comparison.gating() == 0
             ? "\nno gating change\n"
             : fmt::format("\nGATE: {} gating change(s) (a new grounded failure or xpass)\n",
                           comparison.gating());
  return out;
}

Json comparison_json(const Comparison& comparison) {
  Json changes = Json::array();
  for (const auto& c : comparison.changes) {
    Json observations = Json::array();
    for (const auto& o : c.observations) {
      Json entry = {{"field", o.field}, {"old", o.old_value}, {"new", o.new_value}};
      if (o.step >= 0) {
        entry["step"] = o.step;
        entry["call"] = o.call;
      }
      observations.push_back(std::move(entry));
    }
    Json change = {{"kind", change_kind_name(c.kind)},
                   {"id", c.id},
                   {"old", {{"verdict", c.old_verdict}, {"outcome", c.old_outcome}}},
                   {"new", {{"verdict", c.new_verdict}, {"outcome", c.new_outcome}}},
                   {"observations", std::move(observations)},
                   {"grounded", c.grounded},
                   {"gates", c.gates}};
    if (!c.message.empty()) change["message"] = c.message;
    changes.push_back(std::move(change));
  }
  Json counts = Json::object();
  for (const auto& section : kSections) {
    counts[std::string(change_kind_name(section.kind))] = comparison.count(section.kind);
  }
  return {{"format", "fmconf-comparison"},
          {"format_version", 1},
          {"old", run_info_to_json(comparison.old_run)},
          {"new", run_info_to_json(comparison.new_run)},
          {"compared", comparison.compared},
          {"counts", std::move(counts)},
          {"gating", comparison.gating()},
          {"changes", std::move(changes)}};
}

std::string comparison_junit(const Comparison& comparison) {
  std::string body;
  for (const auto& c : comparison.changes) {
    body += fmt::format("    <testcase classname=\"compare.{}\" name=\"{}\" time=\"0\">\n",
                        change_kind_name(c.kind), xml_escape(c.id));
    body += "      <properties>\n";
    body += fmt::format("        <property name=\"old_outcome\" value=\"{}\"/>\n",
                        xml_escape(c.old_outcome));
    body += fmt::format("        <property name=\"new_outcome\" value=\"{}\"/>\n",
                        xml_escape(c.new_outcome));
    body += fmt::format("        <property name=\"grounded\" value=\"{}\"/>\n",
                        c.grounded ? "true" : "false");
    body += "      </properties>\n";
    std::string text;
    for (const auto& o : c.observations) text += describe_observation(o) + "\n";
    if (text.empty()) text = c.message;
    if (c.gates) {
      body += fmt::format("      <failure message=\"{} {}\">{}</failure>\n",
                          change_kind_name(c.kind), xml_escape(outcome_pair(c)), xml_escape(text));
    } else if (!text.empty()) {
      body += fmt::format("      <system-out>{}</system-out>\n", xml_escape(text));
    }
    body += "    </testcase>\n";
  }
  const std::string name =
      xml_escape(describe_run(comparison.old_run) + " -> " + describe_run(comparison.new_run));
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"fmconf compare\" tests=\"{0}\" failures=\"{1}\">\n"
      "  <testsuite name=\"{2}\" tests=\"{0}\" failures=\"{1}\" errors=\"0\" skipped=\"0\">\n"
      "{3}"
      "  </testsuite>\n"
      "</testsuites>\n",
      comparison.changes.size(), comparison.gating(), name, body);
}

}  // namespace fmconf::report
