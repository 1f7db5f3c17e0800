// fuzz_program: the input is a short program of Api calls with handle registers
// (program/program_codec.hpp); it runs on the model, which is checked after every call:
// reference counts and lifetime (check_invariants), every failure with a documented error, no
// leak after end_case, no crash (program/checked_model.hpp).
#include "fuzz/program/checked_model.hpp"
#include "fuzz/program/program_codec.hpp"
#include "fuzz/program/program_runner.hpp"

#include <iostream>

// 2 KiB: a program of the maximum 24 steps takes at most about 24 * (12 choice bytes + 64 data
// bytes); longer inputs would only carry unused bytes.
constexpr std::size_t kMaxInputBytes = 2048;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInputBytes) return -1;
  using namespace fmconf::fuzz;
  const fmconf::Json program = decode_program({data, size}, Profile::program);
  if (verbose()) std::cerr << program.dump() << "\n";
  CheckedModel model;
  run_program(program, model);
  return 0;
}
