// `fmconf expectations update|check`: write a target's expectations from a run (existing
// reasons kept; new entries printed for a human to review) and lint the files.
#include "cases/case_file.hpp"
#include "cli/command.hpp"
#include "report/describe.hpp"
#include "report/expectations.hpp"
#include "report/results_file.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <set>

#include <fmt/format.h>

namespace fmconf::cli {
namespace {

namespace rep = fmconf::report;

struct ExpectationsOptions {
  std::string dir = "corpus/expectations";
  std::string target;                // update: only runs of this target
  std::vector<std::string> results;  // update
  std::vector<std::string> files;    // check (default: every file of dir)
  std::string cases = "corpus/cases";
};

int update(const ExpectationsOptions& o) {
  bool any = false;
  for (const auto& path : o.results) {
    const rep::ResultsFile run = rep::read_results_file(path);
    if (!o.target.empty() && run.run.target != o.target) {
      std::cerr << fmt::format("expectations: {}: target {}, not {}: skipped\n", path,
                               run.run.target, o.target);
      continue;
    }
    const auto file = rep::expectations_path(o.dir, run.run);
    if (file.empty()) {
      std::cerr << fmt::format(
          "expectations: {}: the {} has no expectations (every failure is a failure)\n", path,
          run.run.target);
      continue;
    }
    any = true;
    // A version with no file of its own starts from the nearest older version's file.
    const rep::ExpectationsChoice base = rep::choose_expectations(o.dir, run.run);
    rep::Expectations expectations = base.path.empty()
                                         ? rep::Expectations{base.key, {}}
                                         : rep::load_expectations(base.path, base.used_key);
    if (!base.note.empty()) std::cout << "note: " << base.note << "\n";
    const rep::UpdateSummary summary = rep::update_expectations(expectations, run);
    rep::save_expectations(file, expectations);
    std::cout << fmt::format(
        "{}: {} entries; {} new, {} still failing (reasons kept), {} removed (now pass), {} "
        "errors not recorded\n",
        file.string(), expectations.entries.size(), summary.added.size(), summary.updated.size(),
        summary.removed.size(), summary.errors.size());
    if (!summary.fixed.empty()) {
      std::cout << fmt::format(
          "Fixed in {}: {} entries of {} pass now (kept under \"fixed\" with their reason and "
          "evidence):\n",
          run.run.version, summary.fixed.size(), expectations.based_on);
    }
    for (const auto& id : summary.fixed) std::cout << "  * " << id << " (fixed)\n";
    for (const auto& id : summary.removed) {
      if (std::find(summary.fixed.begin(), summary.fixed.end(), id) == summary.fixed.end()) {
        std::cout << "  - " << id << " (passes now)\n";
      }
    }
    for (const auto& id : summary.errors) std::cout << "  ! " << id << " (verdict error)\n";
    if (!summary.added.empty()) {
      std::cout << fmt::format(
          "Review these {} new entries: each must be a genuine divergence from Windows, never a "
          "wrong expectation; replace \"{}\" with the reason:\n",
          summary.added.size(), rep::kReasonToReview);
      for (const auto& id : summary.added) {
        const rep::Expectation* entry = expectations.find(id);
        std::string first = entry->observed.empty() ? std::string("(no diff)")
                                                    : rep::describe_diff(entry->observed.front());
        std::cout << fmt::format("  + {} [{}] {}\n", id,
                                 entry->spec.empty() ? "no spec row" : entry->spec, first);
      }
    }
  }
  if (!any) {
    std::cerr << "expectations update: no results file matched\n";
    return kExitInvalid;
  }
  return kExitPass;
}

int check(const ExpectationsOptions& o) {
  const LoadResult loaded = load_cases(std::filesystem::path(o.cases));
  std::set<std::string> ids;
  for (const auto& c : loaded.cases) ids.insert(c.id);
  for (const auto& e : loaded.errors) {
    if (!e.case_id.empty()) ids.insert(e.case_id);
  }
  std::vector<std::filesystem::path> files(o.files.begin(), o.files.end());
  if (files.empty() && std::filesystem::is_directory(o.dir)) {
    for (const auto& entry : std::filesystem::directory_iterator(o.dir)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
  }
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const auto& file : files) {
    const std::string key = file.stem().string();
    rep::Expectations expectations;
    try {
      expectations = rep::load_expectations(file, key);
    } catch (const std::exception& e) {
      std::cout << e.what() << "\n";
      ++errors;
      continue;
    }
    auto problems = rep::check_expectations(expectations, ids);
    if (expectations.target != key) {
      problems.push_back(
          {true, "",
           fmt::format("target \"{}\" does not match the file name", expectations.target)});
    }
    for (const auto& p : problems) {
      std::cout << fmt::format("{}: {}{}{}\n", file.string(), p.is_error ? "error: " : "review: ",
                               p.case_id.empty() ? "" : p.case_id + ": ", p.message);
      (p.is_error ? errors : warnings) += 1;
    }
    std::cout << fmt::format("{}: {} entries checked\n", file.string(),
                             expectations.entries.size());
  }
  std::cout << fmt::format("{} file(s), {} error(s), {} entr{} to review\n", files.size(), errors,
                           warnings, warnings == 1 ? "y" : "ies");
  return errors == 0 ? kExitPass : kExitInvalid;
}

const bool registered = register_command({
    "expectations",
    "Targets' expected failures: `update` writes them from a results file, `check` lints them",
    42,
    [](CLI::App& app) -> CommandAction {
      auto o = std::make_shared<ExpectationsOptions>();
      app.require_subcommand(1);
      CLI::App* up = app.add_subcommand(
          "update",
          "Write corpus/expectations/<target>-<version>.json from a run's results file (a new "
          "version's file starts from the nearest older one; entries it passes are marked fixed)");
      up->add_option("results", o->results, "Results files (fmconf audit's results-<target>.json)")
          ->required()
          ->check(CLI::ExistingFile);
      up->add_option("--target", o->target, "Only results of this target (e.g. wine)");
      up->add_option("--dir", o->dir, "Expectations folder")->capture_default_str();
      CLI::App* ch = app.add_subcommand(
          "check", "Lint expectations files: every entry names a case and gives a reason");
      ch->add_option("files", o->files, "Files to check (default: every file of --dir)");
      ch->add_option("--dir", o->dir, "Expectations folder")->capture_default_str();
      ch->add_option("--cases", o->cases, "Case files or folder")->capture_default_str();
      return [o, up] { return up->parsed() ? update(*o) : check(*o); };
    },
});

}  // namespace
}  // namespace fmconf::cli
