// fmconf_protect_sweep: sweeps all 2^32 flProtect values on the model and writes the outcome
// class table (reports/protect-classes.md).
//   fmconf_protect_sweep --out reports/protect-classes.md [--threads 2]
#include "property/protect_sweep.hpp"

#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"Sweep every flProtect value on the reference model and publish its classes"};
  std::string out;
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::uint64_t last = 0xffffffffu;
  app.add_option("--out", out, "Markdown file to write (default: stdout)");
  app.add_option("--threads", threads, "Threads for the sweep");
  app.add_option("--last", last, "Sweep 0..LAST only (for quick runs)");
  CLI11_PARSE(app, argc, argv);

  using namespace fmconf::property;
  const auto start = std::chrono::steady_clock::now();
  const SignatureCounts counts = sweep_signatures(0, last, threads);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto classes = outcome_classes(counts);
  const std::string md = classes_markdown(classes, last + 1, seconds, threads);
  std::cerr << "swept " << last + 1 << " values in " << seconds << " s on " << threads
            << " threads: " << classes.size() << " outcome classes\n";
  if (out.empty()) {
    std::cout << md;
  } else {
    std::ofstream file(out);
    file << md;
    if (!file) {
      std::cerr << "cannot write " << out << "\n";
      return 1;
    }
  }
  return 0;
}
