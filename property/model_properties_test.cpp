// Properties of the reference model that follow from the spec, stated without the model's own
// rule code: what success implies, what never happens, and that nothing leaks.
#include "api/vocabulary.hpp"
#include "cases/text_encoding.hpp"
#include "property/gen_file_access.hpp"
#include "property/gen_handle_kind.hpp"
#include "property/gen_names.hpp"
#include "property/gen_protect.hpp"
#include "property/gen_sizes.hpp"
#include "property/gen_view_access.hpp"
#include "property/spec_rules.hpp"
#include "reference/model_api.hpp"

#include <algorithm>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

namespace fmconf::property {
namespace {

constexpr std::uint32_t kShareAll = share::kRead | share::kWrite | share::kDelete;
constexpr std::uint64_t kFile = 0x2000;

// A case on a fresh model with data.bin of kFile bytes; `rw` stays open for resizing/reading.
struct ModelCase {
  ModelApi api;
  Handle rw = 0;
  explicit ModelCase(std::uint64_t file_size = kFile) {
    api.begin_case();
    rw = api.CreateFileW(u"data.bin", access::kGenericRead | access::kGenericWrite, kShareAll,
                         disposition::kCreateAlways, file_flags::kAttributeNormal);
    api.SetFileSize(rw, file_size);
  }
  Handle open(std::uint32_t access) {
    return api.CreateFileW(u"data.bin", access, kShareAll, disposition::kOpenExisting,
                           file_flags::kAttributeNormal);
  }
  std::uint64_t file_size() {
    std::uint64_t size = 0;
    api.GetFileSizeEx(rw, &size);
    return size;
  }
  // spec-independent: the model is consistent and nothing survives end_case().
  void finish() {
    const auto broken = api.check_invariants();
    RC_ASSERT(broken.empty());
    api.end_case();
    RC_ASSERT(api.live_counts() == LiveCounts{});
  }
};

RC_GTEST_PROP(ModelProperties, SuccessImpliesValidProtectionAndFileAccess, ()) {
  const auto access = *file_access_masks();
  const auto protect = *protect_values();
  const auto size = *sizes_near(kFile);
  ModelCase c;
  const Handle file = c.open(access);
  c.api.SetLastError(kLastErrorSentinel);
  const Handle m = c.api.CreateFileMappingW(file, false, protect, size.high, size.low, {});
  RC_CLASSIFY(m != kNullHandle, "created");
  if (m) {
    RC_ASSERT(spec::valid_protection(protect));                  // spec:§2.2, spec:B1-B31
    RC_ASSERT(spec::attributes_can_succeed(protect, true));      // spec:1C
    const std::uint32_t need = spec::required_generic(protect);  // spec:H3
    const bool all = access & access::kGenericAll;
    const std::uint32_t generic_needed_bits =
        (need & access::kGenericRead ? file_access::kReadData : 0) |
        (need & access::kGenericWrite ? file_access::kWriteData : 0) |
        (need & access::kGenericExecute ? file_access::kExecute : 0);
    const std::uint32_t held = (access & access::kGenericRead ? file_access::kReadData : 0) |
                               (access & access::kGenericWrite ? file_access::kWriteData : 0) |
                               (access & access::kGenericExecute ? file_access::kExecute : 0) |
                               (access & 0xffff);
    RC_ASSERT(all || (held & generic_needed_bits) == generic_needed_bits);
    RC_ASSERT(c.api.GetLastError() == error::kSuccess);  // spec:§0, spec:N1
  }
  c.finish();
}

RC_GTEST_PROP(ModelProperties, ReadOnlyProtectionsNeverGrowAFile, ()) {
  const auto protect = *rc::gen::element(page::kReadOnly, page::kWriteCopy, page::kExecuteRead,
                                         page::kExecuteWriteCopy);
  const auto attributes = *section_attribute_words();
  const auto size = *sizes_near(kFile);
  ModelCase c;
  const Handle file = c.open(kGenericRWX);
  c.api.CreateFileMappingW(file, false, protect | attributes, size.high, size.low, {});
  RC_ASSERT(c.file_size() == kFile);  // spec:S5, spec:§5, spec:H11
  c.finish();
}

RC_GTEST_PROP(ModelProperties, ReadWriteGrowthSetsTheFileSizeToTheRequestedSize, ()) {
  const auto protect = *rc::gen::element(page::kReadWrite, page::kExecuteReadWrite);
  const auto size = *sizes_near(kFile, false);
  ModelCase c;
  const Handle file = c.open(kGenericRWX);
  const Handle m = c.api.CreateFileMappingW(file, false, protect, size.high, size.low, {});
  RC_CLASSIFY(size.value() > kFile, "beyond the file");
  if (m && size.value() > kFile) {
    RC_ASSERT(c.file_size() == size.value());  // spec:§2.5, spec:S1, spec:S6
  } else {
    RC_ASSERT(c.file_size() == kFile);  // spec:A1-A3: smaller sizes leave the file alone
  }
  c.finish();
}

RC_GTEST_PROP(ModelProperties, ANameReopenedReturnsTheSameObject, ()) {
  const std::string name =
      *rc::gen::apply([](const std::string& p, const std::string& l) { return p + l; },
                      rc::gen::element<std::string>("", "Local\\"), plain_leaves());
  const bool by_open = *rc::gen::arbitrary<bool>();
  const auto offset = *rc::gen::inRange<std::uint32_t>(0, 4090);
  ModelCase c;
  const auto wide = utf8_to_utf16(name);
  const Handle a =
      c.api.CreateFileMappingW(kInvalidHandleValue, false, page::kReadWrite, 0, 4096, wide);
  RC_ASSERT(a != kNullHandle);
  c.api.SetLastError(kLastErrorSentinel);
  const Handle b =
      by_open
          ? c.api.OpenFileMappingW(map_access::kRead | map_access::kWrite, false, wide)
          : c.api.CreateFileMappingW(kInvalidHandleValue, false, page::kReadWrite, 0, 8192, wide);
  RC_ASSERT(b != kNullHandle);
  if (!by_open) RC_ASSERT(c.api.GetLastError() == error::kAlreadyExists);  // spec:N2, spec:H9
  const Address va = c.api.MapViewOfFile(a, map_access::kWrite, 0, 0, 0);
  const Address vb = c.api.MapViewOfFile(b, map_access::kRead, 0, 0, 0);
  RC_ASSERT(va != 0 && vb != 0);
  const Bytes data = {0xc0, 0xff, 0xee};
  RC_ASSERT(!c.api.WriteView(va + offset, data).fault);
  RC_ASSERT(c.api.ReadView(vb + offset, 3).data == data);  // spec:N18, spec:N19
  c.finish();
}

RC_GTEST_PROP(ModelProperties, ANameDisappearsWithItsLastHandle, ()) {
  const auto duplicates = *rc::gen::inRange(0, 3);
  const bool keep_view = *rc::gen::arbitrary<bool>();
  ModelCase c;
  const std::u16string name = u"Local\\lifetime";
  std::vector<Handle> handles = {
      c.api.CreateFileMappingW(kInvalidHandleValue, false, page::kReadWrite, 0, 4096, name)};
  for (int i = 0; i < duplicates; ++i) {
    Handle d = 0;
    RC_ASSERT(c.api.DuplicateHandle(handles[0], 0, true, &d));
    handles.push_back(d);
  }
  const Address view = keep_view ? c.api.MapViewOfFile(handles[0], map_access::kWrite, 0, 0, 0) : 0;
  const auto order = *rc::gen::unique<std::vector<std::size_t>>(
      handles.size(), rc::gen::inRange<std::size_t>(0, handles.size()));
  for (std::size_t i = 0; i < order.size(); ++i) {
    c.api.CloseHandle(handles[order[i]]);
    if (i + 1 == order.size()) break;
    // spec:N4: while a handle is left the name opens (and the probe's handle is closed again).
    const Handle probe = c.api.OpenFileMappingW(map_access::kRead, false, name);
    RC_ASSERT(probe != kNullHandle);
    c.api.CloseHandle(probe);
  }
  c.api.SetLastError(kLastErrorSentinel);
  RC_ASSERT(c.api.OpenFileMappingW(map_access::kRead, false, name) == kNullHandle);  // spec:N14
  RC_ASSERT(c.api.GetLastError() == error::kFileNotFound);
  if (keep_view) RC_ASSERT(!c.api.WriteView(view, {1}).fault);  // spec:N13: the view lives on
  c.finish();
}

RC_GTEST_PROP(ModelProperties, AViewNeverExceedsItsHandleAndSection, ()) {
  const auto section_protect = *valid_protections();
  const bool pagefile = *rc::gen::arbitrary<bool>();
  const auto handle_access =
      *rc::gen::element(map_access::kAllAccess, map_access::kRead, map_access::kWrite,
                        map_access::kRead | map_access::kWrite, 0u,
                        map_access::kRead | map_access::kSectionMapExecute,
                        map_access::kRead | map_access::kWrite | map_access::kSectionMapExecute);
  const auto view_access = *view_access_masks();
  ModelCase c;
  const Handle file = pagefile ? kInvalidHandleValue : c.open(kGenericRWX);
  const Handle m = c.api.CreateFileMappingW(file, false, section_protect, 0, 0x2000, {});
  RC_ASSERT(m != kNullHandle);
  Handle h = 0;
  RC_ASSERT(c.api.DuplicateHandle(m, handle_access, false, &h));
  const Address view = c.api.MapViewOfFile(h, view_access, 0, 0, 0);
  RC_CLASSIFY(view != 0, "mapped");
  if (view) {
    MemoryInfo info;
    RC_ASSERT(c.api.VirtualQuery(view, &info) != 0);
    const std::uint32_t p = info.protect & 0xff;
    const bool shared_write = p == page::kReadWrite || p == page::kExecuteReadWrite;
    const bool exec = p == page::kExecuteRead || p == page::kExecuteReadWrite ||
                      p == page::kExecuteWriteCopy || p == page::kExecute;
    // spec:1D, spec:N7, spec:N11, spec:D41-D44: the handle must grant it and the section allow it.
    RC_ASSERT(handle_access & map_access::kRead);
    if (shared_write) {
      RC_ASSERT(handle_access & map_access::kWrite);
      RC_ASSERT(spec::grows_file(section_protect));  // RW or XRW section
    }
    if (exec) {
      RC_ASSERT(handle_access & map_access::kSectionMapExecute);
      RC_ASSERT(section_protect >= page::kExecuteRead);
    }
    // Behaviour agrees with the reported protection: a write faults unless writable.
    const bool writable = shared_write || p == page::kWriteCopy || p == page::kExecuteWriteCopy;
    RC_ASSERT(c.api.WriteView(view, {0x42}).fault == !writable);
  } else {
    RC_ASSERT(spec::documented_error(c.api.GetLastError()));
  }
  c.finish();
}

RC_GTEST_PROP(ModelProperties, EveryFailureSetsADocumentedLastError, ()) {
  const auto kind = *handle_kinds();
  const auto protect = *protect_values();
  const auto size = *sizes_near(kFile);
  const auto name = *rc::gen::maybe(object_names());
  const auto view_access = *view_access_masks();
  const auto offset = *view_offsets();
  ModelCase c;
  const Handle file = materialize(c.api, kind, c.open(kGenericRWX));
  OptionalName wide;
  if (name) wide = utf8_to_utf16(*name);
  c.api.SetLastError(kLastErrorSentinel);
  const Handle m = c.api.CreateFileMappingW(file, false, protect, size.high, size.low, wide);
  if (!m) RC_ASSERT(spec::documented_error(c.api.GetLastError()));
  if (!m) RC_ASSERT(c.api.GetLastError() != error::kAlreadyExists);
  if (name) {
    c.api.SetLastError(kLastErrorSentinel);
    const Handle o = c.api.OpenFileMappingW(view_access, false, *wide);
    if (!o) RC_ASSERT(spec::documented_error(c.api.GetLastError()));
  }
  c.api.SetLastError(kLastErrorSentinel);
  const Address v = c.api.MapViewOfFile(m, view_access, offset.high, offset.low, 0);
  if (!v) RC_ASSERT(spec::documented_error(c.api.GetLastError()));
  c.finish();
}

}  // namespace
}  // namespace fmconf::property
