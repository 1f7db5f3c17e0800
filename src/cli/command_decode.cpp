// `fmconf decode --target NAME FILE`: prints a fuzzer input as the case it runs
// (corpus/case-format.md), the way curl-fuzzer's read_corpus narrates a testcase. With
// --out the case is written as one JSON line with the model's observations as expectations:
// a crash input becomes a regression case (corpus/regressions/) to review against the spec.
// The decoder lives in fuzz/program (linked when fuzz/ is part of the build).
#if FMCONF_HAVE_FUZZ_PROGRAM

#include "cli/command.hpp"
#include "fuzz/program/checked_model.hpp"
#include "fuzz/program/name_program.hpp"
#include "fuzz/program/program_codec.hpp"
#include "fuzz/program/program_runner.hpp"
#include "fuzz/program/sha1.hpp"
#include "reference/model_api.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>

#include <fmt/format.h>

namespace fmconf::cli {
namespace {

struct DecodeOptions {
  std::string target;
  std::string file;
  std::string out;
};

int decode(const DecodeOptions& o) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << o.file << "\n";
    return kExitInvalid;
  }
  const Bytes data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Json program;
  if (const auto profile = fuzz::profile_for_target(o.target)) {
    program = fuzz::decode_program(data, *profile);
  } else if (o.target == "fuzz_names") {
    program = fuzz::names_to_case(fuzz::decode_names(data));
  } else if (o.target == "fuzz_casefile") {
    std::cout << std::string(data.begin(), data.end()) << "\n";  // the input is a case file
    return kExitPass;
  } else {
    std::cerr << "unknown target '" << o.target
              << "' (fuzz_program, fuzz_handles, fuzz_names, fuzz_casefile, fuzz_differential)\n";
    return kExitInvalid;
  }
  const std::string hash = fuzz::sha1_hex(data);
  if (o.out.empty()) {
    std::cout << program.dump(2) << "\n";
    return kExitPass;
  }
  // The regression case: a stable id from the input's hash, the model's observations expected.
  program["id"] = fmt::format("regressions/{}-{}", o.target, hash.substr(0, 12));
  program["title"] = fmt::format("{} input {}: model observations, review against the spec",
                                 o.target, hash.substr(0, 12));
  program["provenance"] = {
      {"kind", "inferred"},
      {"source", fmt::format("fuzz/{} input sha1 {}; expectations are the model's at decode "
                             "time",
                             o.target, hash)}};
  ModelApi model;
  const CaseResult result = fuzz::run_program(program, model);
  program = fuzz::with_expectations(program, result);
  const std::filesystem::path out = o.out;
  if (out.has_parent_path()) std::filesystem::create_directories(out.parent_path());
  std::ofstream(out) << program.dump() << "\n";
  std::cerr << "wrote " << out.string() << " (" << program["steps"].size() << " steps)\n";
  return kExitPass;
}

const bool registered = register_command({
    "decode",
    "Print a fuzzer input as the case it runs; --out writes it as a regression case",
    80,
    [](CLI::App& app) -> CommandAction {
      auto o = std::make_shared<DecodeOptions>();
      app.add_option("--target", o->target, "fuzz target the input is for (e.g. fuzz_program)")
          ->required();
      app.add_option("file", o->file, "the input (a corpus file or crash-...)")->required();
      app.add_option("--out", o->out, "write a regression case (.jsonl) instead of printing");
      return [o] { return decode(*o); };
    },
});

}  // namespace
}  // namespace fmconf::cli

#endif  // FMCONF_HAVE_FUZZ_PROGRAM
