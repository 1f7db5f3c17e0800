// Sections: CreateFileMapping in Windows' order of checks (which error wins), OpenFileMapping,
// NtQuerySection. Order: [A: name conversion] -> pagefile size 0 -> SEC_* attributes (1C) ->
// protection (1B) -> file handle (§4) -> file rights (H3, 1A) -> PE image (C27, S14) ->
// sizes (§5, 1F) -> namespace (§3, 1E) -> success.
#include "api/vocabulary.hpp"
#include "reference/inferred.hpp"
#include "reference/model_api.hpp"
#include "reference/protection.hpp"
#include "reference/section_attributes.hpp"

namespace fmconf {

using model::Backing;
using model::Failure;
using model::Object;
using model::ObjectType;

namespace {

// inferred:maximum-section-size: 16 TiB and beyond is STATUS_SECTION_TOO_BIG.
constexpr std::uint64_t kMaximumSectionSize = std::uint64_t{1} << 44;

std::uint64_t round_up(std::uint64_t value, std::uint64_t unit) {
  return (value + unit - 1) / unit * unit;
}

bool grows_file(std::uint32_t protect) {
  // spec:§2.5, spec:S1, spec:S2, spec:S6, spec:H11: only PAGE_READWRITE / PAGE_EXECUTE_READWRITE
  // extend the file.
  return protect == page::kReadWrite || protect == page::kExecuteReadWrite;
}

}  // namespace

auto ModelApi::create_section(Handle file, bool inherit, std::uint32_t flprotect,
                              std::uint32_t size_high, std::uint32_t size_low,
                              const OptionalName& name) -> Result<Opened> {
  const std::uint64_t requested = (std::uint64_t{size_high} << 32) | size_low;
  // spec:§4: INVALID_HANDLE_VALUE (== GetCurrentProcess()) asks for a pagefile section;
  // inferred:hfile-null: so does NULL, which NtCreateSection reads as "no file".
  const bool null_file = file == kNullHandle;
  const bool pagefile = file == kInvalidHandleValue || null_file;

  // spec:§4 (DOC-SHM, kernel32): INVALID_HANDLE_VALUE needs a size;
  // inferred:pagefile-size-zero-first: before the name is looked at (open question 2).
  if (file == kInvalidHandleValue && requested == 0) {
    if (name && !name->empty()) rely_on(inferred::kPagefileSizeZeroFirst);
    return Failure{error::kInvalidParameter};
  }

  // spec:C1-C43, spec:H4-H7: the SEC_* attribute combination.
  const std::uint32_t attributes = flprotect & model::kSectionAttributeMask;
  const std::uint32_t protect = flprotect & ~model::kSectionAttributeMask;
  if (const std::uint32_t e = model::check_section_attributes(attributes, !pagefile)) {
    if (e == error::kPrivilegeNotHeld) rely_on(inferred::kLargePages);
    if (attributes & ~model::known_section_attributes()) rely_on(inferred::kProtectModifiers);
    if ((attributes & sec::kNoCache) && (attributes & sec::kWriteCombine)) {
      rely_on(inferred::kNocacheWithWritecombine);
    }
    return Failure{e};
  }
  const bool image = attributes & sec::kImage;

  // spec:B1-B31, spec:§2.2: exactly one of the six protections; inferred:protect-modifiers.
  if (!model::is_section_protection(protect)) {
    if (protect & ~0xffu) rely_on(inferred::kProtectModifiers);
    return Failure{error::kInvalidParameter};
  }

  // spec:§4: the file handle must be a file.
  HandleRef file_ref{0, nullptr, 0};
  if (pagefile) {
    // spec:C8: SEC_IMAGE needs a file; inferred:image-without-file-order.
    if (image) {
      rely_on(inferred::kImageWithoutFileOrder);
      return Failure{error::kBadExeFormat};
    }
    // inferred:hfile-null (open question 1): NtCreateSection without a file needs a size.
    if (null_file) {
      rely_on(inferred::kHfileNull);
      if (requested == 0) return Failure{error::kInvalidParameter};
    }
  } else {
    auto ref = reference(file, ObjectType::file);
    if (!ref.ok()) {
      rely_on(inferred::kHfileWrongType);
      return Failure{ref.error()};
    }
    file_ref = ref.value();
    // spec:H3, spec:A5-A20: the file handle must grant what the protection needs (A17: SEC_IMAGE
    // with PAGE_READONLY needs only read); EITHER rows pick ERROR_ACCESS_DENIED.
    const std::uint32_t needed = model::file_rights_for(protect);
    if ((file_ref.access & needed) != needed) {
      // spec:A5, spec:A8, spec:A9 accept ERROR_INVALID_PARAMETER too.
      if (protect == page::kReadWrite || !(file_ref.access & file_access::kReadData)) {
        rely_on(inferred::kEitherValues);
      }
      if (image) rely_on(inferred::kImageFileAccess);
      return Failure{error::kAccessDenied};
    }
  }

  const NodeId node = pagefile ? 0 : file_ref.object->file.node;
  const model::FileNode* file_node = pagefile ? nullptr : files_.node(node);
  if (!pagefile && !file_node) return Failure{error::kInvalidHandle};

  // spec:C27, spec:S12, spec:S14: SEC_IMAGE needs a valid PE image (an empty file fails too).
  std::optional<model::ImageLayout> layout;
  if (image) {
    layout = model::layout_image(file_node->data, file_node->size, config_.page_size);
    if (!layout) return Failure{error::kBadExeFormat};
    rely_on(inferred::kImageLayout);
  }

  // spec:§5, spec:1F: the section size.
  std::uint64_t size = 0;
  std::uint64_t charge = 0;
  if (pagefile) {
    // inferred:maximum-section-size; spec:S10, spec:S11: pagefile sections are page-rounded.
    if (requested >= kMaximumSectionSize) {
      rely_on(inferred::kMaximumSectionSize);
      return Failure{error::kNotEnoughMemory};
    }
    size = round_up(requested, config_.page_size);
    // inferred:commit-limit-error (open question 4): SEC_COMMIT charges commit up front.
    if (!(attributes & sec::kReserve)) {
      charge = size;
      if (charge > config_.commit_limit || commit_charge_ > config_.commit_limit - charge) {
        rely_on(inferred::kCommitLimitError);
        return Failure{error::kCommitmentLimit};
      }
    }
  } else if (image) {
    size = layout->size;  // inferred:image-layout: the size arguments are ignored
  } else if (requested == 0) {
    // spec:S3, spec:S15, spec:H8: 0:0 means the file's size, and an empty file cannot be mapped.
    if (file_node->size == 0) return Failure{error::kFileInvalid};
    size = file_node->size;
  } else {
    // spec:S4, spec:S4c; inferred:maximum-section-size, inferred:either-values.
    if (requested >= kMaximumSectionSize) {
      rely_on(inferred::kMaximumSectionSize);
      return Failure{error::kNotEnoughMemory};
    }
    if (requested > file_node->size) {
      // spec:S5, spec:A19: read-only protections cannot grow the file (STATUS_SECTION_TOO_BIG);
      // inferred:grow-only-writable for WRITECOPY / EXECUTE_READ / EXECUTE_WRITECOPY.
      if (!grows_file(protect)) {
        if (protect != page::kReadOnly) rely_on(inferred::kGrowOnlyWritable);
        return Failure{error::kNotEnoughMemory};
      }
      // spec:§2.5, spec:S1, spec:S6, spec:H11: PAGE_READWRITE grows the file to exactly the size.
      if (auto s = resize(node, requested); !s.ok()) return Failure{s.error()};
    }
    size = requested;  // spec:S7, spec:S9: file sections are exact
  }

  // spec:§3, spec:1E: the namespace, last (inferred:name-after-creation).
  if (name && !name->empty()) rely_on(inferred::kNameAfterCreation);
  auto slot = claim_name(ObjectType::section, name);
  if (!slot.ok()) return Failure{slot.error()};
  // inferred:section-handle-access, inferred:reopen-access (open question 9).
  rely_on(slot.value().existing ? inferred::kReopenAccess : inferred::kSectionHandleAccess);
  const std::uint32_t access = model::section_handle_rights_for(protect);
  if (slot.value().existing) return add_named(Object{}, slot.value(), access, inherit);

  Object object;
  object.type = ObjectType::section;
  model::SectionObject& section = object.section;
  section.backing = pagefile ? Backing::pagefile : image ? Backing::image : Backing::data_file;
  section.protect = protect;
  section.attributes = model::reported_attributes(attributes, section.backing);
  section.size = size;
  section.reserved = pagefile && (attributes & sec::kReserve);  // spec:S17
  section.commit_charge = charge;
  section.file_object = pagefile ? 0 : file_ref.id;
  section.node = node;
  if (pagefile) section.contents = std::make_shared<model::SparseBytes>();  // H11: zeros
  if (image) {
    rely_on(inferred::kImageAttributes);
    section.contents = std::make_shared<model::SparseBytes>(std::move(layout->contents));
    section.image_ranges = std::move(layout->ranges);
  }
  commit_charge_ += charge;
  // A section holds its file object (1G: the mapping alone keeps the file).
  if (section.file_object) add_pointer(section.file_object);
  return add_named(std::move(object), slot.value(), access, inherit);
}

Handle ModelApi::CreateFileMappingW(Handle file, bool inherit, std::uint32_t protect,
                                    std::uint32_t size_high, std::uint32_t size_low,
                                    const OptionalName& name) {
  // spec:N1, spec:H9: success sets 0, or ERROR_ALREADY_EXISTS for an existing name.
  return finish_create(create_section(file, inherit, protect, size_high, size_low, name));
}

Handle ModelApi::CreateFileMappingA(Handle file, bool inherit, std::uint32_t protect,
                                    std::uint32_t size_high, std::uint32_t size_low,
                                    const OptionalNameA& name) {
  // One A->W path: convert the name first (inferred:ansi-name-limit), then the W call.
  OptionalName wide;
  if (name) {
    auto converted = ansi_name(*name);
    if (!converted.ok()) return finish_create(Failure{converted.error()});
    wide = std::move(converted.value());
  }
  return CreateFileMappingW(file, inherit, protect, size_high, size_low, wide);
}

auto ModelApi::open_section(std::uint32_t access, bool inherit, const std::u16string& name)
    -> Result<Handle> {
  // inferred:open-file-map-copy: FILE_MAP_COPY (== SECTION_QUERY) means SECTION_MAP_READ.
  if (access == map_access::kCopy) {
    rely_on(inferred::kOpenFileMapCopy);
    access = map_access::kRead;
  }
  return open_named(ObjectType::section, access, inherit, name);
}

Handle ModelApi::OpenFileMappingW(std::uint32_t access, bool inherit, const std::u16string& name) {
  return finish_handle(open_section(access, inherit, name));
}

Handle ModelApi::OpenFileMappingA(std::uint32_t access, bool inherit, const std::string& name) {
  auto converted = ansi_name(name);
  if (!converted.ok()) return finish_handle(Failure{converted.error()});
  return OpenFileMappingW(access, inherit, converted.value());
}

auto ModelApi::query_section(Handle handle, SectionInfo* info) -> Status {
  auto ref = reference(handle, ObjectType::section);
  if (!ref.ok()) return Failure{ref.error()};
  // spec:N9: NtQuerySection needs SECTION_QUERY.
  if (!(ref.value().access & map_access::kSectionQuery)) return Failure{error::kAccessDenied};
  if (info) {
    info->attributes =
        ref.value().object->section.attributes;     // spec:1C, spec:N10, spec:S6, spec:S17
    info->size = ref.value().object->section.size;  // spec:N10, spec:S6-S11
  }
  return model::ok_status();
}

bool ModelApi::QuerySection(Handle section, SectionInfo* info) {
  return finish_status(query_section(section, info));
}

}  // namespace fmconf
