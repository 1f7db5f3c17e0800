#include "reference/sparse_bytes.hpp"

#include <algorithm>

namespace fmconf::model {

void SparseBytes::read(std::uint64_t offset, std::uint64_t length, Bytes* out) const {
  while (length > 0) {
    const std::uint64_t index = offset / kChunk;
    const std::uint64_t within = offset % kChunk;
    const std::uint64_t n = std::min(length, kChunk - within);
    auto it = chunks_.find(index);
    if (it == chunks_.end()) {
      out->insert(out->end(), n, 0);
    } else {
      const auto first = it->second.begin() + static_cast<std::ptrdiff_t>(within);
      out->insert(out->end(), first, first + static_cast<std::ptrdiff_t>(n));
    }
    offset += n;
    length -= n;
  }
}

void SparseBytes::write(std::uint64_t offset, const std::uint8_t* data, std::uint64_t length) {
  while (length > 0) {
    const std::uint64_t index = offset / kChunk;
    const std::uint64_t within = offset % kChunk;
    const std::uint64_t n = std::min(length, kChunk - within);
    auto& chunk = chunks_[index];
    if (chunk.empty()) chunk.assign(kChunk, 0);
    std::copy(data, data + n, chunk.begin() + static_cast<std::ptrdiff_t>(within));
    offset += n;
    data += n;
    length -= n;
  }
}

void SparseBytes::zero(std::uint64_t from, std::uint64_t to) {
  if (from >= to) return;
  auto it = chunks_.lower_bound(from / kChunk);
  while (it != chunks_.end()) {
    const std::uint64_t start = it->first * kChunk;
    if (start >= to) break;
    const std::uint64_t lo = std::max(from, start);
    const std::uint64_t hi = std::min(to, start + kChunk);
    if (lo == start && hi == start + kChunk) {
      it = chunks_.erase(it);
      continue;
    }
    std::fill(it->second.begin() + static_cast<std::ptrdiff_t>(lo - start),
              it->second.begin() + static_cast<std::ptrdiff_t>(hi - start), 0);
    ++it;
  }
}

void SparseBytes::copy_into_zero(const SparseBytes& src, std::uint64_t from, std::uint64_t length,
                                 std::uint64_t to) {
  if (length == 0) return;
  const std::uint64_t end = from + length;
  for (auto it = src.chunks_.lower_bound(from / kChunk); it != src.chunks_.end(); ++it) {
    const std::uint64_t start = it->first * kChunk;
    if (start >= end) break;
    const std::uint64_t lo = std::max(from, start);
    const std::uint64_t hi = std::min(end, start + kChunk);
    write(to + (lo - from), it->second.data() + (lo - start), hi - lo);
  }
}

}  // namespace fmconf::model
