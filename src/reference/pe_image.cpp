#include "reference/pe_image.hpp"

#include "api/vocabulary.hpp"

#include <algorithm>

namespace fmconf::model {
namespace {

constexpr std::uint64_t kMaxHeaderBytes = 0x10000;  // headers we read to validate

std::uint32_t u16(const Bytes& b, std::uint64_t at) {
  return at + 2 <= b.size() ? static_cast<std::uint32_t>(b[at] | (b[at + 1] << 8)) : 0;
}
std::uint32_t u32(const Bytes& b, std::uint64_t at) {
  return at + 4 <= b.size() ? u16(b, at) | (u16(b, at + 2) << 16) : 0;
}
std::uint64_t round_up(std::uint64_t value, std::uint64_t unit) {
  return (value + unit - 1) / unit * unit;
}

// inferred:image-layout: IMAGE_SCN_MEM_EXECUTE/READ/WRITE to a page protection (writable
// image pages are copy-on-write).
std::uint32_t section_protection(std::uint32_t characteristics) {
  const bool exec = characteristics & 0x20000000u;
  const bool read = characteristics & 0x40000000u;
  const bool write = characteristics & 0x80000000u;
  if (write) return exec ? page::kExecuteWriteCopy : page::kWriteCopy;
  if (exec) return read ? page::kExecuteRead : page::kExecute;
  return read ? page::kReadOnly : page::kNoAccess;
}

}  // namespace

std::optional<ImageLayout> layout_image(const SparseBytes& file, std::uint64_t file_size,
                                        std::uint32_t page_size) {
  Bytes head;
  file.read(0, std::min(file_size, kMaxHeaderBytes), &head);
  // spec:S14: an empty file; spec:C27, spec:S12: no "MZ" (STATUS_INVALID_IMAGE_NOT_MZ).
  if (head.size() < 0x40 || head[0] != 'M' || head[1] != 'Z') return std::nullopt;
  const std::uint64_t pe = u32(head, 0x3c);
  if (pe + 24 > head.size() || u32(head, pe) != 0x00004550u) return std::nullopt;  // "PE\0\0"
  const std::uint32_t section_count = u16(head, pe + 6);
  const std::uint32_t optional_size = u16(head, pe + 20);
  const std::uint64_t opt = pe + 24;
  const std::uint32_t magic = u16(head, opt);
  if (magic != 0x10b && magic != 0x20b) return std::nullopt;
  if (opt + 64 > head.size() || optional_size < 64) return std::nullopt;
  const std::uint64_t section_alignment = u32(head, opt + 32);
  const std::uint64_t size_of_image = u32(head, opt + 56);
  const std::uint64_t size_of_headers = u32(head, opt + 60);
  if (size_of_image == 0 || size_of_headers == 0 || size_of_headers > size_of_image ||
      size_of_headers > file_size || section_alignment == 0) {
    return std::nullopt;
  }
  const std::uint64_t table = opt + optional_size;
  if (table + std::uint64_t{40} * section_count > head.size()) return std::nullopt;

  ImageLayout layout;
  layout.size = round_up(size_of_image, page_size);
  const std::uint64_t header_pages = round_up(size_of_headers, page_size);
  // spec:1D SEC_IMAGE views: the header page is PAGE_READONLY.
  layout.ranges.push_back({0, header_pages, page::kReadOnly});
  layout.contents.copy_into_zero(file, 0, size_of_headers, 0);
  std::uint64_t previous_end = header_pages;
  for (std::uint32_t i = 0; i < section_count; ++i) {
    const std::uint64_t at = table + std::uint64_t{40} * i;
    const std::uint64_t virtual_size = u32(head, at + 8);
    const std::uint64_t virtual_address = u32(head, at + 12);
    const std::uint64_t raw_size = u32(head, at + 16);
    const std::uint64_t raw_pointer = u32(head, at + 20);
    const std::uint32_t characteristics = u32(head, at + 36);
    const std::uint64_t span = round_up(std::max(virtual_size, raw_size), page_size);
    if (virtual_address % page_size != 0 || virtual_address < previous_end ||
        virtual_address + span > layout.size || raw_pointer + raw_size > file_size) {
      return std::nullopt;
    }
    if (span == 0) continue;
    layout.ranges.push_back({virtual_address, span, section_protection(characteristics)});
    layout.contents.copy_into_zero(file, raw_pointer, raw_size, virtual_address);
    previous_end = virtual_address + span;
  }
  return layout;
}

}  // namespace fmconf::model
