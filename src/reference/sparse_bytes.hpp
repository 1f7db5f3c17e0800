// SparseBytes: a huge byte array that costs memory only where it was written (64 KiB chunks),
// so a 16 TiB file or section allocates nothing until someone writes to it. Unwritten bytes
// read as zero.
#pragma once

#include "api/types.hpp"

#include <cstdint>
#include <map>
#include <vector>

namespace fmconf::model {

class SparseBytes {
 public:
  static constexpr std::uint64_t kChunk = 65536;

  // Appends `length` bytes starting at `offset` to *out.
  void read(std::uint64_t offset, std::uint64_t length, Bytes* out) const;
  void write(std::uint64_t offset, const std::uint8_t* data, std::uint64_t length);
  // Makes [from, to) read as zero again (frees whole chunks).
  void zero(std::uint64_t from, std::uint64_t to);
  // Copies src[from, from+length) to this[to, ...) where this range reads zero; costs memory
  // only for src's written chunks.
  void copy_into_zero(const SparseBytes& src, std::uint64_t from, std::uint64_t length,
                      std::uint64_t to);
  std::uint64_t allocated_bytes() const { return chunks_.size() * kChunk; }

 private:
  std::map<std::uint64_t, std::vector<std::uint8_t>> chunks_;  // chunk index -> kChunk bytes
};

}  // namespace fmconf::model
