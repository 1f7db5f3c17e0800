// `fmconf compare OLD NEW`: what changed between two runs (results files of the same or of
// different targets): new failures, fixes, changed observations, cases only in one run, xpass.
// Text on stdout (or JSON, JUnit with --format); --json/--junit also write those files. Exit 0
// when nothing gates, 1 on a new grounded failure or an xpass in NEW, 2 on unreadable input.
#include "cli/command.hpp"
#include "report/compare.hpp"
#include "report/results_file.hpp"

#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace fmconf::cli {
namespace {

namespace rep = fmconf::report;

struct CompareOptions {
  std::string old_file;
  std::string new_file;
  std::string format = "text";
  std::string json_file;
  std::string junit_file;
  std::size_t max_listed = 0;
};

void write_text_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error(path + ": cannot write");
  out << text;
  if (!out) throw std::runtime_error(path + ": cannot write");
}

int compare(const CompareOptions& o) {
  const rep::ResultsFile old_run = rep::read_results_file(o.old_file);
  const rep::ResultsFile new_run = rep::read_results_file(o.new_file);
  const rep::Comparison comparison = rep::compare_runs(old_run, new_run);
  if (o.format == "json") {
    std::cout << rep::comparison_json(comparison).dump(1) << "\n";
  } else if (o.format == "junit") {
    std::cout << rep::comparison_junit(comparison);
  } else {
    std::cout << rep::comparison_text(comparison, o.max_listed);
  }
  if (!o.json_file.empty()) {
    write_text_file(o.json_file, rep::comparison_json(comparison).dump(1) + "\n");
  }
  if (!o.junit_file.empty()) write_text_file(o.junit_file, rep::comparison_junit(comparison));
  return comparison.gating() == 0 ? kExitPass : kExitFail;
}

const bool registered = register_command({
    "compare",
    "What changed between two results files (same or different targets): new failures, fixes, "
    "changed observations, cases only in one run; exit 1 on a new grounded failure or xpass",
    43,
    [](CLI::App& app) -> CommandAction {
      auto o = std::make_shared<CompareOptions>();
      app.add_option("old", o->old_file, "The baseline results file (e.g. the previous run's)")
          ->required()
          ->check(CLI::ExistingFile);
      app.add_option("new", o->new_file, "The results file to judge")
          ->required()
          ->check(CLI::ExistingFile);
      app.add_option("--format", o->format, "What goes to stdout")
          ->check(CLI::IsMember({"text", "json", "junit"}))
          ->capture_default_str();
      app.add_option("--json", o->json_file, "Also write the comparison as JSON to this file");
      app.add_option("--junit", o->junit_file, "Also write it as JUnit XML to this file");
      app.add_option("--max-listed", o->max_listed,
                     "Text: at most this many cases per section (0: all)")
          ->capture_default_str();
      return [o] { return compare(*o); };
    },
});

}  // namespace
}  // namespace fmconf::cli
