// fuzz_casefile: the input is a case file's text, read both as JSON Lines and as JSON. The
// loader must never crash or throw, and must be clear: every error names its file and says
// what is wrong, a non-blank input gives a case or an error, and every case it accepts
// validates again from its own JSON. Accepted cases (up to 32 steps) then run on the checked
// model, so the runner meets inputs no generator wrote.
#include "cases/case_file.hpp"
#include "fuzz/program/checked_model.hpp"
#include "fuzz/program/program_runner.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

// 4 KiB: the largest conformance case line is about 2 KB; longer texts only slow the JSON parser.
constexpr std::size_t kMaxInputBytes = 4096;
// Steps of an accepted case that are run: a longer case is only slower, not different.
constexpr std::size_t kMaxRunSteps = 32;

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& text) {
  std::cerr << "fmconf fuzz_casefile: " << what << "\ninput: " << text << "\n";
  std::fflush(stderr);
  std::abort();
}

void check(const std::string& text, const std::string& file) {
  const fmconf::LoadResult loaded = fmconf::load_cases_from_text(text, file);
  const bool blank = text.find_first_not_of(" \t\r\n") == std::string::npos;
  if (!blank && loaded.cases.empty() && loaded.errors.empty()) {
    fail("non-blank " + file + " gave neither a case nor an error", text);
  }
  for (const fmconf::CaseError& e : loaded.errors) {
    if (e.file != file || e.message.empty()) fail("unclear error: '" + e.text() + "'", text);
  }
  for (const fmconf::Case& c : loaded.cases) {
    const fmconf::ParsedCase again = fmconf::parse_case(c.json, c.origin);
    if (!again.value) fail("accepted case does not validate again: " + again.error->text(), text);
    if (c.steps.size() <= kMaxRunSteps) {
      fmconf::fuzz::CheckedModel model;
      fmconf::fuzz::run_program(c.json, model);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInputBytes) return -1;
  const std::string text(reinterpret_cast<const char*>(data), size);
  check(text, "fuzz.jsonl");
  check(text, "fuzz.json");
  return 0;
}
