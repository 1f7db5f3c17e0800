// Fuzzer input <-> program: the decoder shared by fuzz_program, fuzz_handles, fuzz_differential
// and `fmconf decode`. An input is a short program of Api calls with handle registers
// (syzkaller-style resources: each `out` is a fresh register, later steps pick earlier ones,
// freshest first), decoded into a case (corpus/case-format.md JSON without `expect`), so
// what a fuzzer runs is exactly what `fmconf decode` prints. Deterministic: the same bytes give
// the same program (FuzzedDataProvider's contract).
#pragma once

#include "api/types.hpp"
#include "cases/step.hpp"  // fmconf::Json

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace fmconf::fuzz {

enum class Profile {
  program,       // every call, values from tables of interesting values or raw 32-bit numbers
  handles,       // a fixed prelude of handles of every kind; calls pick handles among them
  differential,  // as program, without calls whose result depends on the address space layout
};

std::string_view profile_target(Profile profile);  // "fuzz_program", ...
std::optional<Profile> profile_for_target(std::string_view target);

// Caps (each explained where it is defined, in program_codec.cpp).
std::size_t max_steps(Profile profile);

// The program `data` encodes: {"id", "title", "provenance", "steps"}. Always a valid case.
Json decode_program(std::span<const std::uint8_t> data, Profile profile);

// Bytes that decode to the closest program this profile can express to `case_json`'s steps
// (steps it cannot express are left out; values outside the tables are sent raw or replaced by
// the nearest table entry). For the generated seed corpora.
Bytes encode_program(const Json& case_json, Profile profile);

}  // namespace fmconf::fuzz
