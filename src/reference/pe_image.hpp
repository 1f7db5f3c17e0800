// PE image validation and layout for SEC_IMAGE sections (C27, S12, S14, 1D SEC_IMAGE views).
#pragma once

#include "reference/sparse_bytes.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace fmconf::model {

struct ImageRange {
  std::uint64_t offset;  // relative to the image base, page-aligned
  std::uint64_t size;    // page-rounded
  std::uint32_t protect;
};

struct ImageLayout {
  std::uint64_t size = 0;          // SizeOfImage, page-rounded (the section size)
  std::vector<ImageRange> ranges;  // protections: header page first, then each PE section
  SparseBytes contents;            // the image as mapped (headers + section raw data)
};

// The image laid out from `file` (its first `file_size` bytes), or std::nullopt when the file is
// not a valid PE image (ERROR_BAD_EXE_FORMAT: spec:C27, spec:S12, spec:S14).
std::optional<ImageLayout> layout_image(const SparseBytes& file, std::uint64_t file_size,
                                        std::uint32_t page_size);

}  // namespace fmconf::model
