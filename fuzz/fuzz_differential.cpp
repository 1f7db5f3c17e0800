// fuzz_differential: the same kind of program as fuzz_program (without fixed view addresses),
// run on the checked model and on Wine through fmconf-executor.exe (RemoteApi), compared step
// by step (property/differential.hpp). A difference that no known Wine divergence rule
// (property/known_wine_divergences.hpp, each citing its spec row) explains aborts with a
// readable diff and the program. Needs Wine and build/mingw/fmconf-executor.exe (or
// $FMCONF_EXECUTOR); without them it says why and exits 0.
#include "api/vocabulary.hpp"
#include "fuzz/program/checked_model.hpp"
#include "fuzz/program/program_codec.hpp"
#include "property/differential.hpp"
#include "remote/executor_client.hpp"
#include "remote/remote_api.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <set>
#include <string>

// 1 KiB: 12 steps need at most about 12 * (12 choice bytes + 64 data bytes).
constexpr std::size_t kMaxInputBytes = 1024;

namespace {

std::unique_ptr<fmconf::remote::RemoteApi> wine;
std::size_t executor_failures = 0;

// Differences this target already found, skipped until the lead turns them into a case, an
// expectation and a rule in property/known_wine_divergences.cpp (then delete them here).
// 1. spec:§7 Q1 / §4 "NULL": CreateFileMapping with hFile NULL is UNTESTED on Windows; the
//    model fails ERROR_INVALID_HANDLE (inferred), Wine maps anonymous memory.
// 2. spec:§4 wrong-type handle (DERIVED ERROR_INVALID_HANDLE), like N33: GetFileSizeEx (and the
//    other file calls) on a section handle; the model fails ERROR_INVALID_HANDLE, Wine succeeds.
// 4. spec:S4, spec:S4b (EITHER): an absurd size_high; the model answers ERROR_NOT_ENOUGH_MEMORY,
// Wine
//    ERROR_INVALID_PARAMETER; Windows gives either.
// 3. spec:§5 SEC_LARGE_PAGES, §7 Q5: pagefile SEC_COMMIT|SEC_LARGE_PAGES without the privilege;
//    the model fails ERROR_PRIVILEGE_NOT_HELD (inferred), Wine creates the section.
bool known_finding(const fmconf::Json& program) {
  std::set<std::string> sections;
  for (const fmconf::Json& step : program["steps"]) {
    const std::string call = step.value("call", "");
    if (call.starts_with("CreateFileMapping") && step.value("file", "") == "NULL") return true;
    if (call.starts_with("CreateFileMapping") && step.value("size_high", 0u) >= 0x80000000u) {
      return true;
    }
    if (call.starts_with("CreateFileMapping") &&
        (fmconf::parse_flags(step.value("protect", "0"), fmconf::Family::protect).value_or(0) &
         fmconf::sec::kLargePages) != 0) {
      return true;
    }
    if (call.find("FileMapping") != std::string::npos && step.contains("out")) {
      sections.insert(step["out"].get<std::string>());
    }
    const bool file_call = call == "GetFileSize" || call == "SetFileSize" ||
                           call == "SetEndOfFile" || call == "ReadFile" || call == "WriteFile";
    if (file_call && sections.contains(step.value("handle", ""))) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string why;
  auto options = fmconf::remote::default_executor_options({}, &why);
  if (!options) {
    std::cerr << "fuzz_differential: no Wine executor (" << why << "); nothing to do\n";
    std::exit(0);
  }
  options->request_timeout = std::chrono::milliseconds(5000);
  wine = std::make_unique<fmconf::remote::RemoteApi>(*options);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInputBytes) return -1;
  using namespace fmconf::fuzz;
  const fmconf::Json program = decode_program({data, size}, Profile::differential);
  if (verbose()) std::cerr << program.dump() << "\n";
  if (program["steps"].empty() || known_finding(program)) return 0;
  CheckedModel model;
  const fmconf::property::DualRun run = fmconf::property::run_both(program, model, *wine, "fz");
  if (!run.error.empty()) {
    // An executor timeout or crash is Wine's or the executor's trouble, not a model difference:
    // reported, not a finding of this target.
    std::cerr << "fuzz_differential: " << run.error << " (" << ++executor_failures << ")\n";
    return 0;
  }
  if (!run.same()) {
    std::cerr << "fmconf fuzz_differential: model and Wine differ, and no known divergence rule "
                 "explains it:\n"
              << run.describe() << "\nprogram: " << program.dump() << "\n";
    std::fflush(stderr);
    std::abort();
  }
  return 0;
}
