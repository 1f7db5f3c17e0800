// fuzz_names: name bytes for the A and W Create/Open calls of sections, events, mutexes and
// semaphores, into a namespace pre-populated with one of each (program/name_program.hpp):
// prefixes, backslashes, case, length, embedded NUL, lone surrogates. The model's namespace
// invariants are checked after every call (program/checked_model.hpp).
#include "fuzz/program/checked_model.hpp"
#include "fuzz/program/name_program.hpp"

#include <iostream>

// 1 KiB: 16 calls of up to 8 tokens each (a raw UTF-16 unit takes 5 bytes); the long names come
// from the padding choice, not from input bytes.
constexpr std::size_t kMaxInputBytes = 1024;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInputBytes) return -1;
  using namespace fmconf::fuzz;
  const std::vector<NameCall> calls = decode_names({data, size});
  if (verbose()) std::cerr << names_to_case(calls).dump() << "\n";
  CheckedModel model;
  run_names(calls, model);
  return 0;
}
