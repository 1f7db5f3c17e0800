// AddressSpace: the model process's fake user address space, which holds only the case's views
// (inferred:address-space). Views sit at allocation-granularity-aligned bases; copy-on-write
// pages a view wrote are kept in the view itself.
#pragma once

#include "api/types.hpp"
#include "reference/objects.hpp"

#include <cstdint>
#include <map>
#include <optional>

namespace fmconf::model {

struct View {
  Address base = 0;
  std::uint64_t size = 0;  // page-rounded (RegionSize of an untouched view)
  ObjectId section = 0;
  std::uint64_t offset = 0;          // into the section
  std::uint32_t protect = 0;         // spec:1D resulting view protection (image: see ranges)
  std::uint32_t cache_modifier = 0;  // PAGE_NOCACHE / PAGE_WRITECOMBINE (S21)
  std::uint32_t type = 0;            // MEM_MAPPED or MEM_IMAGE
  bool reserved = false;             // SEC_RESERVE pagefile: pages reserved, not committed
  std::map<std::uint64_t, Bytes> private_pages;  // copy-on-write copies by page index
};

class AddressSpace {
 public:
  static constexpr Address kFirstBase = 0x10000000;
  static constexpr Address kHighestUserAddress = 0x7FFFFFFEFFFF;

  // The lowest free aligned base at or above kFirstBase with room for `size` bytes.
  std::optional<Address> find_free(std::uint64_t size, std::uint64_t granularity) const;
  // Whether [base, base + size) touches no view.
  bool is_free(Address base, std::uint64_t size) const;
  View* containing(Address address);
  const View* containing(Address address) const;
  // The first view whose base is above `address`, or nullptr.
  const View* next_above(Address address) const;

  View& insert(View view);
  void erase(Address base) { views_.erase(base); }
  void clear() { views_.clear(); }
  const std::map<Address, View>& views() const { return views_; }

 private:
  std::map<Address, View> views_;
};

}  // namespace fmconf::model
