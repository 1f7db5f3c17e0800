// fuzz_handles: a prelude opens one handle of every kind (file read/write and read-only,
// mapping, mapping duplicated with FILE_MAP_READ and with access 0, view, event, mutex,
// semaphore, a closed handle and the one that recycles its value, a pagefile section); the
// fuzzed calls then pass any of them, or NULL, -1, -2, or a made-up value, to every handle
// parameter. The model is checked after every call (program/checked_model.hpp).
#include "fuzz/program/checked_model.hpp"
#include "fuzz/program/program_codec.hpp"
#include "fuzz/program/program_runner.hpp"

#include <iostream>

// 1 KiB: 16 calls after the prelude need at most about 16 * (12 choice bytes + 64 data bytes).
constexpr std::size_t kMaxInputBytes = 1024;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInputBytes) return -1;
  using namespace fmconf::fuzz;
  const fmconf::Json program = decode_program({data, size}, Profile::handles);
  if (verbose()) std::cerr << program.dump() << "\n";
  CheckedModel model;
  run_program(program, model);
  return 0;
}
