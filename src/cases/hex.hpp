// Bytes as lower-case hex, the way case files and results write `data`.
#pragma once

#include "api/types.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace fmconf {

std::string to_hex(const Bytes& bytes);
// Accepts an even number of hex digits (either case); std::nullopt otherwise.
std::optional<Bytes> parse_hex(std::string_view text);

}  // namespace fmconf
