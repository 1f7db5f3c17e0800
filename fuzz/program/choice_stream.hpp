// The two ends of a fuzzer input, read and written the way FuzzedDataProvider reads them:
// choices (integers in a range) come off the END of the input, payload bytes off the FRONT,
// which keeps lengths apart from data (FuzzedDataProvider.h). ChoiceWriter is the inverse, for
// the seed-corpus generator: front bytes + the choice bytes in reverse consumption order.
#pragma once

#include "api/types.hpp"

#include <cstddef>
#include <cstdint>
#include <span>

#include <fuzzer/FuzzedDataProvider.h>

namespace fmconf::fuzz {

class ChoiceReader {
 public:
  explicit ChoiceReader(std::span<const std::uint8_t> data) : fdp_(data.data(), data.size()) {}
  bool empty() { return fdp_.remaining_bytes() == 0; }
  // An index in [0, n); n <= 1 consumes nothing.
  std::size_t pick(std::size_t n) {
    return n <= 1 ? 0 : fdp_.ConsumeIntegralInRange<std::size_t>(0, n - 1);
  }
  std::uint32_t u32() { return fdp_.ConsumeIntegral<std::uint32_t>(); }
  Bytes bytes(std::size_t n) { return fdp_.ConsumeBytes<std::uint8_t>(n); }

 private:
  FuzzedDataProvider fdp_;
};

class ChoiceWriter {
 public:
  void pick(std::size_t index, std::size_t n) {
    if (n > 1) put_integer(index, n - 1);
  }
  void u32(std::uint32_t value) { put_integer(value, 0xffffffffu); }
  void bytes(const Bytes& data) { front_.insert(front_.end(), data.begin(), data.end()); }
  Bytes finish() const {
    Bytes out = front_;
    out.insert(out.end(), back_.rbegin(), back_.rend());
    return out;
  }

 private:
  // FuzzedDataProvider::ConsumeIntegralInRange takes one byte per 8 bits of `range`, most
  // significant first; `value` <= range, so its modulo leaves it unchanged.
  void put_integer(std::uint64_t value, std::uint64_t range) {
    int count = 0;
    while (count < 8 && (range >> (8 * count)) > 0) ++count;
    for (int i = count - 1; i >= 0; --i)
      back_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
  }
  Bytes front_;
  Bytes back_;  // in consumption order
};

}  // namespace fmconf::fuzz
