// `fmconf run`: run cases on a backend, one JSON result a line on stdout, a summary on stderr.
#include "cases/result_json.hpp"
#include "cli/case_selection.hpp"
#include "cli/command.hpp"
#include "cli/parallel_run.hpp"
#include "cli/run_summary.hpp"
#include "cli/targets.hpp"

#include <chrono>
#include <iostream>
#include <memory>
#include <random>

#include <fmt/format.h>

namespace fmconf::cli {
namespace {

struct RunCommandOptions {
  std::string backend = "model";
  std::size_t jobs = 1;
  std::string name_prefix;
  std::size_t shown = 10;
  CaseSelectionOptions selection;
  TargetOptions target;
};

// A prefix no other run uses at the same time ("fmconf" + 8 random hex digits + "_").
std::string random_prefix() {
  std::random_device device;
  std::mt19937 engine(device() ^ static_cast<unsigned>(
                                     std::chrono::steady_clock::now().time_since_epoch().count()));
  return fmt::format("fmconf{:08x}_", static_cast<std::uint32_t>(engine()));
}

int run(const RunCommandOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  Selection selection = select_cases(o.selection);

  std::vector<const Case*> cases;
  for (const auto& item : selection.items) {
    if (const auto* c = std::get_if<Case>(&item)) cases.push_back(c);
  }
  std::vector<std::unique_ptr<Target>> targets;
  Environment environment;
  std::string target_error;  // the backend could not be set up: every case gets this error
  if (!cases.empty()) {
    try {
      const std::size_t workers = std::max<std::size_t>(1, std::min(o.jobs, cases.size()));
      for (std::size_t i = 0; i < workers; ++i) targets.push_back(make_target(o.backend, o.target));
      environment = targets[0]->environment();
    } catch (const std::exception& e) {
      target_error = e.what();
    }
  } else if (selection.error_count == 0) {
    std::cerr << "fmconf run: no cases found\n";
    return kExitInvalid;
  }

  // Results go out in file order: invalid cases as they come, run cases as they complete.
  RunSummary summary(o.shown);
  std::size_t next_item = 0;
  const auto emit = [&](const CaseResult& r) {
    std::cout << result_to_line(r) << "\n";
    summary.add(r);
  };
  const auto flush_errors = [&] {
    while (next_item < selection.items.size()) {
      const auto* e = std::get_if<CaseError>(&selection.items[next_item]);
      if (!e) break;
      emit(error_result(*e));
      ++next_item;
    }
  };
  flush_errors();
  if (!target_error.empty()) {
    std::cerr << "fmconf run: " << target_error << "\n";
    for (const Case* c : cases) {
      CaseResult r = error_result(CaseError{c->origin.file, c->origin.line, c->origin.index, c->id,
                                            std::nullopt, "", target_error, c->order});
      r.title = c->title;
      r.provenance = c->provenance;
      emit(r);
      ++next_item;
      flush_errors();
    }
  } else if (!cases.empty()) {
    const std::string prefix = o.name_prefix.empty() ? random_prefix() : o.name_prefix;
    run_in_parallel(cases, targets, prefix, [&](std::size_t, const CaseResult& r) {
      emit(r);
      ++next_item;  // the item this result belongs to
      flush_errors();
    });
  }
  std::cout.flush();

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string heading = "fmconf run --backend " + o.backend;
  if (!environment.target.empty()) {
    heading +=
        fmt::format(" ({} {}, page {}, granularity {})", environment.target, environment.version,
                    environment.page_size, environment.allocation_granularity);
  }
  summary.print(std::cerr, heading, seconds);
  return summary.exit_code();
}

const bool registered = register_command({
    "run",
    "Run cases on a backend: one JSON result a line on stdout, a summary on stderr; exit 0 all "
    "pass, 1 some fail, 2 some invalid input or target error",
    10,
    [](CLI::App& app) -> CommandAction {
      auto o = std::make_shared<RunCommandOptions>();
      app.add_option("--backend", o->backend, "Where the cases run")
          ->check(CLI::IsMember(backend_names()))
          ->capture_default_str();
      app.add_option("--jobs,-j", o->jobs, "Cases run at the same time (one target each)")
          ->check(CLI::Range(1, 256))
          ->capture_default_str();
      app.add_option("--name-prefix", o->name_prefix,
                     "Prefix for object names (default: random per run; each case appends its "
                     "number)");
      app.add_option("--show", o->shown, "Failures and errors the summary lists")
          ->capture_default_str();
      add_wine_options(app, o->target);
      add_case_selection_options(app, o->selection);
      return [o] { return run(*o); };
    },
});

}  // namespace
}  // namespace fmconf::cli
