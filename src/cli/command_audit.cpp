// `fmconf audit`: every case on every available target (model, Wine, native Windows), each
// target's expectations applied, a progress line on stderr, a summary table on stdout, and the
// reports written to --out (reports/README.md). Exit 0 unless an outcome is fail, xpass or error.
#include "cases/result_json.hpp"
#include "cli/case_selection.hpp"
#include "cli/command.hpp"
#include "cli/parallel_run.hpp"
#include "cli/targets.hpp"
#include "report/apply_expectations.hpp"
#include "report/describe.hpp"
#include "report/expectations.hpp"
#include "report/report_set.hpp"
#include "report/results_file.hpp"
#include "report/write_outputs.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>

#if defined(FMCONF_HAVE_REFERENCE)
#include "reference/inferred.hpp"
#endif
#if defined(_WIN32)
#include <io.h>
#else
#include <unistd.h>
#endif

#include <fmt/format.h>

namespace fmconf::cli {
namespace {

namespace rep = fmconf::report;

struct AuditOptions {
  std::vector<std::string> paths;
  std::vector<std::string> filters;
  std::vector<std::string> targets;  // empty: every backend this build has
  std::string out = "reports/latest";
  std::string expectations = "corpus/expectations";
  std::string record;  // --record FILE: write only the results file of one target
  std::size_t jobs = 1;
  TargetOptions target;
  bool progress = true;
};

bool stderr_is_terminal() {
#if defined(_WIN32)
  return _isatty(_fileno(stderr)) != 0;
#else
  return isatty(fileno(stderr)) != 0;
#endif
}

std::string random_prefix() {
  std::random_device device;
  return fmt::format("fmconfa{:08x}_", static_cast<std::uint32_t>(device()));
}

// One line on stderr, rewritten in place on a terminal; start and end lines otherwise.
class ProgressLine {
 public:
  ProgressLine(std::string target, std::size_t total, bool enabled)
      : target_(std::move(target)),
        total_(total),
        tty_(enabled && stderr_is_terminal()),
        enabled_(enabled) {
    if (enabled_ && !tty_) std::cerr << fmt::format("audit: {}: {} cases\n", target_, total_);
  }
  void update(std::size_t done, const rep::Counts& counts) {
    if (!tty_) return;
    const auto now = std::chrono::steady_clock::now();
    if (done != total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    std::cerr << fmt::format(
                     "\r\033[K[{}] {}/{} cases  pass {}  fail {}  known {}  xpass {}  "
                     "error {}",
                     target_, done, total_, counts[rep::Outcome::pass], counts[rep::Outcome::fail],
                     counts[rep::Outcome::known], counts[rep::Outcome::xpass],
                     counts[rep::Outcome::error])
              << std::flush;
  }
  void finish(double seconds) {
    if (!enabled_) return;
    if (tty_) std::cerr << "\r\033[K";
    std::cerr << fmt::format("audit: {}: {} cases in {:.1f} s\n", target_, total_, seconds);
  }

 private:
  std::string target_;
  std::size_t total_;
  bool tty_;
  bool enabled_;
  std::chrono::steady_clock::time_point last_{};
};

rep::Json result_with_case(const CaseResult& result, const Case* c) {
  rep::Json json = result_to_json(result);
  // The case's steps (its parameters) travel with the result: the report shows them beside the
  // observations and derives the flProtect heat-map from them.
  // (`expect` is left out there: the result's steps already carry it.)
  if (c != nullptr && c->json.contains("steps") && c->json["steps"].is_array()) {
    rep::Json steps = rep::Json::array();
    for (auto step : c->json["steps"]) {
      if (step.is_object()) step.erase("expect");
      steps.push_back(std::move(step));
    }
    json["case"] = {{"steps", std::move(steps)}};
  }
  return json;
}

std::string source_dir_of(const std::vector<std::string>& paths) {
  std::error_code ec;
  std::filesystem::path path = std::filesystem::absolute(paths.front(), ec);
  if (!std::filesystem::is_directory(path, ec)) path = path.parent_path();
  return path.string();
}

std::string command_line(const std::vector<std::string>& parts) {
  std::string text = "fmconf audit";
  for (const auto& p : parts) text += " " + p;
  return text;
}

// Runs every case on one backend; nullopt (after saying why) when the target cannot start.
std::optional<rep::ResultsFile> run_target(const std::string& backend, const Selection& selection,
                                           const AuditOptions& o, const std::string& commit,
                                           const std::string& command) {
  std::vector<const Case*> cases;
  for (const auto& item : selection.items) {
    if (const auto* c = std::get_if<Case>(&item)) cases.push_back(c);
  }
  std::vector<std::unique_ptr<Target>> targets;
  Environment environment;
  try {
    const std::size_t workers = std::max<std::size_t>(1, std::min(o.jobs, cases.size()));
    for (std::size_t i = 0; i < workers; ++i) targets.push_back(make_target(backend, o.target));
    environment = targets[0]->environment();
  } catch (const std::exception& e) {
    std::cerr << fmt::format("audit: target '{}' cannot start, skipped: {}\n", backend, e.what());
    return std::nullopt;
  }
  rep::ResultsFile file;
  file.run.target = environment.target.empty() ? backend : environment.target;
  file.run.version = environment.version;
  file.run.page_size = environment.page_size;
  file.run.allocation_granularity = environment.allocation_granularity;
  file.run.suite_commit = commit;
  file.run.date = rep::utc_now_iso8601();
  file.run.host = rep::host_name();
  file.run.command = command;
#if defined(FMCONF_HAVE_REFERENCE)
  if (backend == "model") {
    for (const auto& choice : inferred_choices()) {
      file.run.inferred.push_back({{"id", choice.id}, {"what", choice.what}, {"why", choice.why}});
    }
  }
#endif
  const TargetDetails details = target_details(*targets[0]);
  file.run.launcher = details.launcher;
  file.run.launcher_version = details.launcher_version;
  // The run's version's expectations, else the nearest older version's (with a note).
  const rep::ExpectationsChoice chosen = rep::choose_expectations(o.expectations, file.run);
  std::optional<rep::Expectations> expectations;
  if (!chosen.path.empty()) {
    expectations = rep::load_expectations(chosen.path, chosen.used_key);
    file.run.expectations = chosen.path.generic_string();
  }
  file.run.expectations_note = chosen.note;
  if (!chosen.note.empty()) {
    std::cerr << fmt::format("audit: {}: {}\n", file.run.target, chosen.note);
  }
  const rep::Expectations* listed = expectations ? &*expectations : nullptr;

  const auto start = std::chrono::steady_clock::now();
  ProgressLine progress(file.run.target, selection.items.size(), o.progress);
  rep::Counts counts;
  std::vector<std::optional<rep::Json>> by_item(selection.items.size());
  std::vector<std::size_t> item_of_case;
  for (std::size_t i = 0; i < selection.items.size(); ++i) {
    if (const auto* e = std::get_if<CaseError>(&selection.items[i])) {
      by_item[i] = result_to_json(error_result(*e));
    } else {
      item_of_case.push_back(i);
    }
  }
  std::size_t done = selection.error_count;
  const auto classify_one = [&](rep::Json& json) {
    rep::ResultsFile one;
    one.results.push_back(std::move(json));
    rep::apply_expectations(one, listed);
    json = std::move(one.results.front());
    return rep::outcome_of(json);
  };
  const std::string prefix = random_prefix();
  std::vector<std::size_t> flaky_reruns;
  if (!cases.empty()) {
    run_in_parallel(cases, targets, prefix, [&](std::size_t i, const CaseResult& r) {
      rep::Json json = result_with_case(r, cases[i]);
      const rep::Outcome outcome = classify_one(json);
      if (outcome == rep::Outcome::flaky) flaky_reruns.push_back(i);
      ++counts[outcome];
      by_item[item_of_case[i]] = std::move(json);
      progress.update(++done, counts);
    });
  }
  // A case listed as flaky that failed runs once more; its second result is the one kept.
  for (std::size_t i : flaky_reruns) {
    RunOptions options;
    options.name_prefix = prefix + "rerun" + std::to_string(i) + "_";
    rep::Json json = result_with_case(targets[0]->run(*cases[i], options), cases[i]);
    classify_one(json);
    json["rerun"] = true;
    by_item[item_of_case[i]] = std::move(json);
  }
  for (auto& json : by_item) {
    if (json) file.results.push_back(std::move(*json));
  }
  progress.finish(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return file;
}

void print_summary(const rep::ReportSet& set, std::ostream& out) {
  out << fmt::format("{:<12} {:<22} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}\n", "target",
                     "version", "cases", "pass", "fail", "known", "xpass", "flaky", "error");
  for (std::size_t c = 0; c < set.columns.size(); ++c) {
    const rep::Counts n = set.counts(c, "");
    out << fmt::format("{:<12} {:<22} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}\n",
                       set.columns[c].label, set.columns[c].run.run.version, n.total(),
                       n[rep::Outcome::pass], n[rep::Outcome::fail], n[rep::Outcome::known],
                       n[rep::Outcome::xpass], n[rep::Outcome::flaky], n[rep::Outcome::error]);
  }
  constexpr std::size_t kShown = 20;
  std::size_t shown = 0;
  std::size_t gating = 0;
  for (const auto& column : set.columns) {
    for (const auto& result : column.run.results) {
      const rep::Outcome outcome = rep::outcome_of(result);
      if (!rep::gates(outcome)) continue;
      if (++gating > kShown) continue;
      ++shown;
      std::string why;
      if (outcome == rep::Outcome::xpass) {
        why = "listed as known but passes: remove its expectation";
      } else if (result.contains("diff") && !result["diff"].empty()) {
        why = rep::describe_diff(result["diff"][0]);
      } else {
        why = rep::describe_value(result.value("message", rep::Json("")));
      }
      out << fmt::format("  {} {} {}: {}\n", rep::outcome_name(outcome), column.label,
                         result.value("id", ""), why);
    }
  }
  if (gating > shown) out << fmt::format("  ... and {} more (see summary.md)\n", gating - shown);
}

int audit(const AuditOptions& o) {
  CaseSelectionOptions selection_options{o.paths, o.filters};
  if (selection_options.paths.empty()) selection_options.paths = {"corpus/cases"};
  const Selection selection = select_cases(selection_options);
  if (selection.items.empty()) {
    std::cerr << "fmconf audit: no cases found in " << selection_options.paths.front() << "\n";
    return kExitInvalid;
  }
  const std::string commit = rep::suite_commit(source_dir_of(selection_options.paths));
  std::vector<std::string> parts = selection_options.paths;
  const bool explicit_targets = !o.targets.empty();
  std::vector<std::string> backends = o.targets;
  if (backends.empty()) {
    if (!o.record.empty()) {
      backends = {"native"};
    } else {
      backends = backend_names();
    }
  }
  if (!o.record.empty() && backends.size() != 1) {
    std::cerr << "fmconf audit: --record writes one target's results; give one --targets\n";
    return kExitInvalid;
  }
  std::string target_list;
  for (const auto& b : backends) target_list += (target_list.empty() ? "" : ",") + b;
  parts.push_back("--targets " + target_list);
  const std::string command = command_line(parts);

  std::vector<rep::ResultsFile> runs;
  bool missing_requested = false;
  for (const auto& backend : backends) {
    auto run = run_target(backend, selection, o, commit, command);
    if (run) {
      runs.push_back(std::move(*run));
    } else if (explicit_targets || !o.record.empty()) {
      missing_requested = true;
    }
  }
  if (runs.empty()) {
    std::cerr << "fmconf audit: no target could run\n";
    return kExitInvalid;
  }
  if (!o.record.empty()) {
    rep::write_results_file(o.record, runs.front());
    std::cerr << "audit: results of " << runs.front().run.target << " written to " << o.record
              << "\n";
  }
  const rep::ReportSet set = rep::build_report_set(std::move(runs));
  print_summary(set, std::cout);
  if (o.record.empty()) {
    const auto written = rep::write_outputs(set, o.out);
    std::cout << "reports written to " << o.out << ":";
    for (const auto& path : written) std::cout << " " << path.filename().string();
    std::cout << "\n";
  }
  bool gating = false;
  for (std::size_t c = 0; c < set.columns.size(); ++c) gating |= set.counts(c, "").gating() > 0;
  if (missing_requested) return kExitInvalid;
  return gating ? kExitFail : kExitPass;
}

const bool registered = register_command({
    "audit",
    "Run every case on every available target (model, wine, native), apply each target's "
    "expectations, write the reports (results JSON, JUnit, Markdown, HTML, Wine divergences); "
    "exit non-zero only on fail, xpass or error",
    40,
    [](CLI::App& app) -> CommandAction {
      auto o = std::make_shared<AuditOptions>();
      app.add_option("cases", o->paths, "Case files or folders (default: corpus/cases)");
      app.add_option("--filter", o->filters, "Only cases whose id matches this glob; repeatable");
      app.add_option("--targets", o->targets,
                     "Targets to run, e.g. model,wine (default: every target this build has; "
                     "one that cannot start is skipped)")
          ->delimiter(',')
          ->check(CLI::IsMember(backend_names()));
      app.add_option("--out", o->out, "Folder for the reports")->capture_default_str();
      app.add_option("--expectations", o->expectations, "Folder of the targets' expectations files")
          ->capture_default_str();
      app.add_option("--record", o->record,
                     "Only run one target (default native) and write its results file here, for "
                     "`fmconf report` to merge (fmconf.exe audit --record on Windows)");
      app.add_option("--jobs,-j", o->jobs, "Cases run at the same time per target")
          ->check(CLI::Range(1, 256))
          ->capture_default_str();
      add_wine_options(app, o->target);
      app.add_flag("!--no-progress", o->progress, "No progress line on stderr");
      return [o] { return audit(*o); };
    },
});

}  // namespace
}  // namespace fmconf::cli
