#include "reference/address_space.hpp"

namespace fmconf::model {

std::optional<Address> AddressSpace::find_free(std::uint64_t size,
                                               std::uint64_t granularity) const {
  const std::uint64_t limit = kHighestUserAddress + 1;
  if (size == 0 || size > limit - kFirstBase) return std::nullopt;
  Address candidate = kFirstBase;
  for (const auto& [base, view] : views_) {
    if (base + view.size <= candidate) continue;
    if (base >= candidate && base - candidate >= size) break;
    const Address end = base + view.size;
    candidate = (end + granularity - 1) / granularity * granularity;
    if (candidate >= limit) return std::nullopt;
  }
  if (limit - candidate < size) return std::nullopt;
  return candidate;
}

bool AddressSpace::is_free(Address base, std::uint64_t size) const {
  auto it = views_.lower_bound(base);
  if (it != views_.end() && it->first - base < size) return false;
  if (it != views_.begin()) {
    --it;
    if (it->first + it->second.size > base) return false;
  }
  return true;
}

View* AddressSpace::containing(Address address) {
  auto it = views_.upper_bound(address);
  if (it == views_.begin()) return nullptr;
  --it;
  return address - it->first < it->second.size ? &it->second : nullptr;
}

const View* AddressSpace::containing(Address address) const {
  return const_cast<AddressSpace*>(this)->containing(address);
}

const View* AddressSpace::next_above(Address address) const {
  auto it = views_.upper_bound(address);
  return it == views_.end() ? nullptr : &it->second;
}

View& AddressSpace::insert(View view) {
  const Address base = view.base;
  return views_[base] = std::move(view);
}

}  // namespace fmconf::model
