// SHA-1 of a byte string as 40 lower-case hex digits: the content-hash names libFuzzer gives
// corpus files, used for the generated seeds and regression case ids.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace fmconf::fuzz {

std::string sha1_hex(std::span<const std::uint8_t> data);

}  // namespace fmconf::fuzz
