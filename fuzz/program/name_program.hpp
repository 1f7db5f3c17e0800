// fuzz_names' input: named Create/Open calls of every object type into a namespace
// pre-populated with a section, an event, a mutex and a semaphore. Names are built from a
// prefix (Local\, Global\, Session\1\, ...), tokens (the existing names, case variants,
// backslashes, NUL, lone surrogates, non-ASCII, raw UTF-16 units) and a padding to the length
// limits (spec:§3). The calls go straight to the Api, since a case file cannot hold a lone
// surrogate; `names_to_case` prints the program as a case (lone surrogates become U+FFFD there).
#pragma once

#include "api/api.hpp"
#include "cases/step.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fmconf::fuzz {

struct NameCall {
  std::string_view call;  // "CreateFileMappingW", ..., "CloseHandle" (the newest open handle)
  std::u16string name;    // for the A calls each unit's low byte is the ANSI byte
};

std::vector<NameCall> decode_names(std::span<const std::uint8_t> data);
// Bytes that decode to calls with these names (seeds): Create then Open of each, W and A.
Bytes encode_names(std::span<const std::u16string> names);

// Runs the prelude and the calls on `api` between begin_case() and end_case().
void run_names(const std::vector<NameCall>& calls, Api& api);

// The same program as a case (raw_names: the names are used as written).
Json names_to_case(const std::vector<NameCall>& calls);

}  // namespace fmconf::fuzz
