// The knobs of the model's fake machine: page size, allocation granularity and capacities.
#pragma once

#include <cstdint>

namespace fmconf {

struct ModelConfig {
  std::uint32_t page_size = 4096;
  std::uint32_t allocation_granularity = 65536;
  // Bytes the case folder's disk can hold; growing files beyond it fails ERROR_DISK_FULL (H11).
  std::uint64_t disk_capacity = std::uint64_t{256} << 30;
  // Commit charge available to pagefile-backed SEC_COMMIT sections (DOC-CFM SEC_COMMIT).
  std::uint64_t commit_limit = std::uint64_t{64} << 30;
};

// The config actually used: a page size and granularity that are powers of two with
// granularity >= page size; anything else falls back to 4096 / 65536.
ModelConfig sanitized(const ModelConfig& config);

}  // namespace fmconf
