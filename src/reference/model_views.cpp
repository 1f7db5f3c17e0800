// Views: MapViewOfFile(Ex) per table 1D, UnmapViewOfFile, VirtualQuery, and guarded reads and
// writes through views (shared or copy-on-write contents, faults on protection violations).
#include "api/vocabulary.hpp"
#include "reference/inferred.hpp"
#include "reference/model_api.hpp"
#include "reference/protection.hpp"

#include <algorithm>

namespace fmconf {

using model::Backing;
using model::Failure;
using model::ObjectType;
using model::View;

namespace {

constexpr std::uint64_t kMemoryInfoSize = 48;  // sizeof(MEMORY_BASIC_INFORMATION) on Win64
constexpr std::uint64_t kUserLimit = model::AddressSpace::kHighestUserAddress + 1;

std::uint64_t round_up(std::uint64_t value, std::uint64_t unit) {
  return (value + unit - 1) / unit * unit;
}

}  // namespace

auto ModelApi::map_view(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                        std::uint32_t offset_low, std::uint64_t bytes, Address base)
    -> Result<Address> {
  // spec:D57: the mapping handle must be a section.
  auto ref = reference(mapping, ObjectType::section);
  if (!ref.ok()) return Failure{ref.error()};
  rely_on(inferred::kViewCheckOrder);
  const ObjectId section_id = ref.value().id;
  const model::SectionObject& section = ref.value().object->section;
  const std::uint64_t granularity = config_.allocation_granularity;
  const std::uint64_t page = config_.page_size;

  // spec:D0-D31 rule: the view protection comes from dwDesiredAccess alone.
  const std::uint32_t view_protect = model::view_protection_for(access);
  // spec:1D, spec:N7, spec:N11, spec:D41-D44, D-H0: the handle must grant the rights the view
  // needs.
  const std::uint32_t needed = model::handle_rights_for_view(view_protect);
  if ((ref.value().access & needed) != needed) return Failure{error::kAccessDenied};
  // spec:D2-D31, spec:D46, spec:D48, spec:H13: the section's protection must allow the view.
  if (!model::view_allowed_by_section(section.protect, view_protect)) {
    if (view_protect == page::kReadWrite) rely_on(inferred::kEitherValues);
    return Failure{error::kAccessDenied};
  }
  // spec:D53, spec:H14: the offset is a multiple of the allocation granularity.
  const std::uint64_t offset = (std::uint64_t{offset_high} << 32) | offset_low;
  if (offset % granularity != 0) return Failure{error::kMappedAlignment};
  if (base != 0) {
    // spec:D54: so is an explicit base address.
    if (base % granularity != 0) return Failure{error::kMappedAlignment};
    if (base >= kUserLimit) {
      rely_on(inferred::kViewBaseRange);
      return Failure{error::kInvalidParameter};
    }
  }
  // spec:D55, spec:H14: all bytes within the section (STATUS_INVALID_VIEW_SIZE); 0 = to the end.
  if (offset >= section.size) {
    rely_on(inferred::kViewOffsetPastEnd);
    return Failure{error::kAccessDenied};
  }
  if (bytes > section.size - offset) return Failure{error::kAccessDenied};
  const std::uint64_t length = bytes == 0 ? section.size - offset : bytes;
  const std::uint64_t region = round_up(length, page);
  if (base != 0) {
    if (region > kUserLimit - base) {
      rely_on(inferred::kViewBaseRange);
      return Failure{error::kAccessDenied};
    }
    // spec:D52: STATUS_CONFLICTING_ADDRESSES -> ERROR_INVALID_ADDRESS.
    if (!memory_.is_free(base, region)) return Failure{error::kInvalidAddress};
  } else {
    rely_on(inferred::kAddressSpace);
    const auto found = memory_.find_free(region, granularity);
    if (!found) return Failure{error::kNotEnoughMemory};
    base = *found;
  }

  View view;
  view.base = base;
  view.size = region;
  view.section = section_id;
  view.offset = offset;
  view.reserved = section.reserved;  // spec:S17
  if (section.backing == Backing::image) {
    // spec:1D SEC_IMAGE views: AllocationProtect PAGE_EXECUTE_WRITECOPY, pages per image.
    view.protect = page::kExecuteWriteCopy;
    view.type = mem::kImage;
  } else {
    view.protect = view_protect;  // spec:1D "Resulting view protection", D51
    view.type = mem::kMapped;
    // spec:S21; inferred:view-cache-modifiers
    if (section.attributes & sec::kNoCache) view.cache_modifier = page::kNoCache;
    if (section.attributes & sec::kWriteCombine) view.cache_modifier = page::kWriteCombine;
    if (view.cache_modifier &&
        !(section.backing == Backing::pagefile && view.cache_modifier == page::kNoCache)) {
      rely_on(inferred::kViewCacheModifiers);
    }
  }
  memory_.insert(std::move(view));
  // spec:N13, spec:N16: a view holds its section.
  add_pointer(section_id);
  return base;
}

Address ModelApi::MapViewOfFile(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                                std::uint32_t offset_low, std::uint64_t bytes) {
  return MapViewOfFileEx(mapping, access, offset_high, offset_low, bytes, 0);
}

Address ModelApi::MapViewOfFileEx(Handle mapping, std::uint32_t access, std::uint32_t offset_high,
                                  std::uint32_t offset_low, std::uint64_t bytes, Address base) {
  auto result = map_view(mapping, access, offset_high, offset_low, bytes, base);
  if (!result.ok()) {
    last_error_ = result.error();
    return 0;
  }
  return result.value();
}

auto ModelApi::unmap_view(Address address) -> Status {
  // spec:D49: an address in no view -> ERROR_INVALID_ADDRESS; D50: any address inside unmaps.
  const View* view = memory_.containing(address);
  if (!view) return Failure{error::kInvalidAddress};
  const ObjectId section = view->section;
  memory_.erase(view->base);
  release_pointer(section);  // spec:N16: the last view of a handle-less section frees it
  return model::ok_status();
}

bool ModelApi::UnmapViewOfFile(Address address) { return finish_status(unmap_view(address)); }

auto ModelApi::page_state(const View& view, std::uint64_t page) const -> PageState {
  // spec:S17: SEC_RESERVE pagefile views are reserved, Protect 0.
  if (view.reserved) return {mem::kReserve, 0};
  std::uint32_t protect = view.protect;
  if (view.type == mem::kImage) {
    const model::Object* section = objects_.find(view.section);
    const std::uint64_t at = view.offset + page * config_.page_size;
    protect = page::kNoAccess;
    if (section) {
      for (const auto& range : section->section.image_ranges) {
        if (at >= range.offset && at - range.offset < range.size) protect = range.protect;
      }
    }
  }
  // spec:B34, spec:B35: a written copy-on-write page is private and read/write.
  if (view.private_pages.count(page)) protect = model::after_private_write(protect);
  if (protect != page::kNoAccess) protect |= view.cache_modifier;
  return {mem::kCommit, protect};
}

std::uint64_t ModelApi::next_boundary(const View& view, std::uint64_t page) const {
  const std::uint64_t page_size = config_.page_size;
  std::uint64_t next = view.size / page_size;
  if (view.private_pages.count(page)) next = std::min(next, page + 1);
  if (auto it = view.private_pages.upper_bound(page); it != view.private_pages.end()) {
    next = std::min(next, it->first);
  }
  if (view.type == mem::kImage) {
    const model::Object* section = objects_.find(view.section);
    const std::uint64_t first = view.offset / page_size;
    const std::uint64_t here = first + page;
    for (const auto& range :
         section ? section->section.image_ranges : std::vector<model::ImageRange>{}) {
      for (const std::uint64_t edge :
           {range.offset / page_size, (range.offset + range.size) / page_size}) {
        if (edge > here) next = std::min(next, edge - first);
      }
    }
  }
  return next;
}

std::uint64_t ModelApi::VirtualQuery(Address address, MemoryInfo* info) {
  if (address >= kUserLimit) {
    rely_on(inferred::kAddressSpace);
    last_error_ = error::kInvalidParameter;
    return 0;
  }
  if (!info) {
    last_error_ = error::kNoAccess;
    return 0;
  }
  const std::uint64_t page_size = config_.page_size;
  const Address page_base = address / page_size * page_size;
  const View* view = memory_.containing(address);
  if (!view) {
    // spec:N16: an address in no view is MEM_FREE, PAGE_NOACCESS, no allocation.
    rely_on(inferred::kAddressSpace);
    const View* next = memory_.next_above(address);
    const Address end = next ? next->base : kUserLimit;
    *info = MemoryInfo{page_base, 0, 0, end - page_base, mem::kFree, page::kNoAccess, 0};
    return kMemoryInfoSize;
  }
  const std::uint64_t first = (page_base - view->base) / page_size;
  const PageState state = page_state(*view, first);
  std::uint64_t end = first;
  while (true) {
    end = next_boundary(*view, end);
    if (end >= view->size / page_size || !(page_state(*view, end) == state)) break;
  }
  end = std::min(end, view->size / page_size);
  std::uint32_t allocation_protect = view->protect;
  if (allocation_protect != page::kNoAccess) allocation_protect |= view->cache_modifier;
  // spec:1D, spec:N8, spec:N13, spec:S17, spec:S20: Protect/AllocationProtect/State/Type/RegionSize
  // of the view.
  *info = MemoryInfo{page_base,   view->base,    allocation_protect, (end - first) * page_size,
                     state.state, state.protect, view->type};
  return kMemoryInfoSize;
}

void ModelApi::read_backing(const View& view, std::uint64_t view_offset, std::uint64_t length,
                            Bytes* out) const {
  const model::Object* object = objects_.find(view.section);
  if (!object) {
    out->insert(out->end(), length, 0);
    return;
  }
  const model::SectionObject& section = object->section;
  const std::uint64_t at = view.offset + view_offset;
  if (section.backing != Backing::data_file) {
    section.contents->read(at, length, out);
    return;
  }
  // Views of a data section share the file's bytes (N19, coherent with ReadFile/WriteFile).
  const model::FileNode* node = files_.node(section.node);
  const std::uint64_t size = node ? node->size : 0;
  const std::uint64_t inside = at >= size ? 0 : std::min(length, size - at);
  if (inside) node->data.read(at, inside, out);
  // inferred:view-tail-bytes: past the end of file the page reads zero.
  out->insert(out->end(), length - inside, 0);
}

void ModelApi::write_backing(const View& view, std::uint64_t view_offset, const std::uint8_t* data,
                             std::uint64_t length) {
  model::Object* object = objects_.find(view.section);
  if (!object) return;
  model::SectionObject& section = object->section;
  const std::uint64_t at = view.offset + view_offset;
  if (section.backing != Backing::data_file) {
    section.contents->write(at, data, length);
    return;
  }
  model::FileNode* node = files_.node(section.node);
  const std::uint64_t size = node ? node->size : 0;
  const std::uint64_t inside = at >= size ? 0 : std::min(length, size - at);
  if (inside) node->data.write(at, data, inside);
  if (inside < length) rely_on(inferred::kViewTailBytes);
}

ViewAccess ModelApi::ReadView(Address address, std::uint32_t length) {
  ViewAccess out;
  const std::uint64_t page_size = config_.page_size;
  std::uint64_t remaining = length;
  Address at = address;
  // The cost is the bytes read, never the view's or the file's size: the bytes this view can
  // give are reserved once (a read running on into the next view grows the buffer).
  if (const View* first = memory_.containing(at)) {
    out.data.reserve(std::min<std::uint64_t>(remaining, first->size - (at - first->base)));
  }
  while (remaining > 0) {
    const View* view = memory_.containing(at);
    if (!view) return ViewAccess{true, std::move(out.data)};
    const std::uint64_t within = at - view->base;
    const std::uint64_t page = within / page_size;
    const PageState state = page_state(*view, page);
    // A read of a reserved or PAGE_NOACCESS page faults (S17, D0).
    if (state.state != mem::kCommit || !model::is_readable(state.protect)) {
      return ViewAccess{true, std::move(out.data)};
    }
    const std::uint64_t n = std::min(remaining, page_size - within % page_size);
    if (auto it = view->private_pages.find(page); it != view->private_pages.end()) {
      const auto first = it->second.begin() + static_cast<std::ptrdiff_t>(within % page_size);
      out.data.insert(out.data.end(), first, first + static_cast<std::ptrdiff_t>(n));
    } else {
      read_backing(*view, within, n, &out.data);
    }
    at += n;
    remaining -= n;
  }
  return out;
}

ViewAccess ModelApi::WriteView(Address address, const Bytes& data) {
  const std::uint64_t page_size = config_.page_size;
  std::uint64_t done = 0;
  while (done < data.size()) {
    const Address at = address + done;
    View* view = memory_.containing(at);
    if (!view) return ViewAccess{true, {}};
    const std::uint64_t within = at - view->base;
    const std::uint64_t page = within / page_size;
    const PageState state = page_state(*view, page);
    // A write to a reserved or read-only page faults (D-table read-only views).
    if (state.state != mem::kCommit || !model::is_writable(state.protect)) {
      return ViewAccess{true, {}};
    }
    const std::uint64_t n =
        std::min<std::uint64_t>(data.size() - done, page_size - within % page_size);
    auto it = view->private_pages.find(page);
    if (it == view->private_pages.end() && model::is_copy_on_write(state.protect)) {
      // spec:N20, spec:S22: a copy-on-write view writes to its own copy of the page.
      Bytes copy;
      read_backing(*view, page * page_size, page_size, &copy);
      it = view->private_pages.emplace(page, std::move(copy)).first;
    }
    if (it != view->private_pages.end()) {
      std::copy(data.begin() + static_cast<std::ptrdiff_t>(done),
                data.begin() + static_cast<std::ptrdiff_t>(done + n),
                it->second.begin() + static_cast<std::ptrdiff_t>(within % page_size));
    } else {
      write_backing(*view, within, data.data() + done, n);  // spec:N19, spec:N21: shared
    }
    done += n;
  }
  return ViewAccess{false, {}};
}

}  // namespace fmconf
