// `fmconf report RESULTS.json... --out DIR`: the audit's outputs (JUnit, Markdown, HTML, Wine
// divergences, results per column) from saved results files; each file is one column, so runs
// from several machines (the Windows results of `fmconf.exe audit --record`) merge.
#include "cli/command.hpp"
#include "report/apply_expectations.hpp"
#include "report/compare.hpp"
#include "report/expectations.hpp"
#include "report/report_set.hpp"
#include "report/results_file.hpp"
#include "report/write_outputs.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace fmconf::cli {
namespace {

namespace rep = fmconf::report;

struct ReportOptions {
  std::vector<std::string> files;
  std::string out = "reports/latest";
  std::string expectations;  // re-apply the expectations of this folder ("" = keep outcomes)
  std::string baseline;      // a results file to show "changed since" against ("" = none)
};

int report(const ReportOptions& o) {
  std::vector<rep::ResultsFile> runs;
  for (const auto& path : o.files) {
    rep::ResultsFile run = rep::read_results_file(path);
    if (!o.expectations.empty()) {
      const rep::ExpectationsChoice chosen = rep::choose_expectations(o.expectations, run.run);
      run.run.expectations = chosen.path.generic_string();
      run.run.expectations_note = chosen.note;
      if (chosen.path.empty()) {
        rep::apply_expectations(run, nullptr);
      } else {
        const rep::Expectations listed = rep::load_expectations(chosen.path, chosen.used_key);
        rep::apply_expectations(run, &listed);
      }
    }
    std::cerr << "report: " << path << ": " << run.run.target << " " << run.run.version << ", "
              << run.results.size() << " results\n";
    runs.push_back(std::move(run));
  }
  rep::ReportSet set = rep::build_report_set(std::move(runs));
  if (!o.baseline.empty()) {
    rep::add_baseline(set, rep::read_results_file(o.baseline));
    std::cerr << "report: changed since " << set.baseline.value("label", "") << ", against "
              << set.baseline.value("column", "") << "\n";
  }
  const auto written = rep::write_outputs(set, o.out);
  std::cout << "reports written to " << o.out << ":";
  for (const auto& path : written) std::cout << " " << path.filename().string();
  std::cout << "\n";
  return kExitPass;
}

const bool registered = register_command({
    "report",
    "Build the audit's reports from saved results files (one column each: model, windows, "
    "wine, ...)",
    41,
    [](CLI::App& app) -> CommandAction {
      auto o = std::make_shared<ReportOptions>();
      app.add_option("results", o->files, "Results files (fmconf-results JSON)")
          ->required()
          ->check(CLI::ExistingFile);
      app.add_option("--out", o->out, "Folder for the reports")->capture_default_str();
      app.add_option("--expectations", o->expectations,
                     "Re-classify with the expectations in this folder (default: keep each "
                     "file's outcomes)");
      app.add_option("--baseline", o->baseline,
                     "A results file (e.g. the previous run's): the HTML page and summary show "
                     "what changed since it in the column of the same target (fmconf compare)")
          ->check(CLI::ExistingFile);
      return [o] { return report(*o); };
    },
});

}  // namespace
}  // namespace fmconf::cli
