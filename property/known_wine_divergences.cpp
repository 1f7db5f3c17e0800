#include "property/known_wine_divergences.hpp"

#include "api/vocabulary.hpp"

#include <optional>
#include <vector>

namespace fmconf::property {

namespace {

std::uint32_t flags_of(const Json& step, const char* key, Family family) {
  if (!step.contains(key)) return 0;
  const Json& v = step[key];
  if (v.is_number()) return v.get<std::uint32_t>();
  return parse_flags(v.get<std::string>(), family).value_or(0);
}

std::uint32_t protect_of(const Json& step) { return flags_of(step, "protect", Family::protect); }

bool is_call(const Json& step, std::string_view a, std::string_view b = {}) {
  const std::string call = step.value("call", "");
  return call == a || (!b.empty() && call == b);
}

std::uint64_t number_of(const Json& step, const char* key) {
  return step.contains(key) && step[key].is_number() ? step[key].get<std::uint64_t>() : 0;
}

bool is_error(const Json& v, std::string_view name) { return v.is_string() && v == name; }

// What a step reported as a success on the target: ok true, or the sentinel/0 error.
bool target_succeeded(const Divergence& d) {
  return d.field == "ok"
             ? d.wine == true
             : d.field == "error" && (d.wine == "0xdeadbeef" || d.wine == "ERROR_SUCCESS");
}

// Whether a step before the divergent one satisfies `pred(step, index)`.
template <class Pred>
bool any_earlier(const Divergence& d, Pred pred) {
  for (std::size_t i = 0; i < d.step; ++i) {
    if (pred((*d.program)["steps"][i], i)) return true;
  }
  return false;
}

// A Create*/CreateFile error of success: the object or file is new, or it already existed.
bool created(const Json& error) {
  return is_error(error, "ERROR_SUCCESS") || is_error(error, "ERROR_ALREADY_EXISTS");
}

// The target's error field says the call opened or created what it asked for.
bool target_opened(const Divergence& d) { return target_succeeded(d) || created(d.wine); }

// The CreateFileMapping step behind view `view` (view -> MapViewOfFile -> mapping handle).
const Json* section_of_view(const Json& program, const std::string& view, std::size_t before) {
  const Json* map = producer_of(program, view, before);
  if (!map || !is_call(*map, "MapViewOfFile", "MapViewOfFileEx")) return nullptr;
  const Json* section = origin_of(program, map->value("mapping", ""), before);
  if (!section || !is_call(*section, "CreateFileMappingW", "CreateFileMappingA")) return nullptr;
  return section;
}

// INVALID_HANDLE_VALUE, which GetCurrentProcess() also is ((HANDLE)-1).
bool is_pagefile(const Json& create_mapping) {
  const std::string file = create_mapping.value("file", "");
  return file == "INVALID_HANDLE_VALUE" || file == "CURRENT_PROCESS";
}

// spec:A13, spec:A14, spec:H3: a file opened without execute access and a PAGE_EXECUTE_*
// protection: Windows fails ERROR_ACCESS_DENIED (A13/A14 recorded todo_wine for GENERIC_READ files,
// H3 documented for any file), Wine creates the mapping (or fails a later check, e.g. the size: it
// never checks the execute right).
bool exec_protection_without_execute_access(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileMappingW", "CreateFileMappingA")) return false;
  if (d.field != "ok" && d.field != "error") return false;
  const std::uint32_t p = protect_of(step) & 0xff;
  if (p != page::kExecuteRead && p != page::kExecuteWriteCopy && p != page::kExecuteReadWrite) {
    return false;
  }
  const auto access = file_access_of(*d.program, step.value("file", ""), d.step);
  if (!access) return false;
  const bool executes =
      (*access & (access::kGenericExecute | access::kGenericAll | file_access::kExecute)) != 0;
  if (executes) return false;
  // Wine does not check the execute right, so whatever its next check says comes out.
  return d.field == "ok"
             ? d.model == false && d.wine == true
             : is_error(d.model, "ERROR_ACCESS_DENIED") && !is_error(d.wine, "ERROR_ACCESS_DENIED");
}

// spec:B34, spec:B35: after a write through a copy-on-write page Windows reports PAGE_READWRITE /
// PAGE_EXECUTE_READWRITE (and splits the region); Wine keeps PAGE_WRITECOPY /
// PAGE_EXECUTE_WRITECOPY.
bool copy_on_write_protection_after_write(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "VirtualQuery")) return false;
  if (d.field != "protect" && d.field != "region_size") return false;
  const std::string view = step.value("view", "");
  const Json* map = producer_of(*d.program, view, d.step);
  if (!map) return false;
  const std::uint32_t a = flags_of(*map, "access", Family::map_access);
  if ((a & ~map_access::kExecute) != map_access::kCopy) return false;  // spec:1D rule
  bool written = false;
  for (std::size_t i = 0; i < d.step; ++i) {
    const Json& s = (*d.program)["steps"][i];
    if (is_call(s, "WriteView") && s.value("view", "") == view) written = true;
  }
  if (!written) return false;
  if (d.field == "region_size") return true;  // the split region (B34 "one page")
  return (d.model == "PAGE_READWRITE" && d.wine == "PAGE_WRITECOPY") ||
         (d.model == "PAGE_EXECUTE_READWRITE" && d.wine == "PAGE_EXECUTE_WRITECOPY");
}

// spec:S17, spec:S18: a view of a pagefile SEC_RESERVE section is reserved, not committed: touching
// it faults until VirtualAlloc(MEM_COMMIT). Wine 8.0 reports MEM_RESERVE but reads and writes
// go through (expectation sec-flags/sec-reserve-view-faults).
bool sec_reserve_view_is_accessible(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "ReadView", "WriteView")) return false;
  if (d.field != "ok" && d.field != "data" && d.field != "fault") return false;
  const Json* section = section_of_view(*d.program, step.value("view", ""), d.step);
  if (!section || !is_pagefile(*section) || !(protect_of(*section) & sec::kReserve)) return false;
  if (d.field == "fault") return d.model == true && d.wine == false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.model == "";  // data: nothing read before the fault on Windows
}

// inferred:view-cache-modifiers (by analogy with spec:S21, spec:C6): a SEC_WRITECOMBINE view
// reports PAGE_WRITECOMBINE as S21 reports PAGE_NOCACHE for SEC_NOCACHE; Wine 8.0 drops the
// modifier (expectation sec-flags/sec-writecombine-view-protection).
bool writecombine_modifier_dropped(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "VirtualQuery")) return false;
  if (d.field != "protect" && d.field != "allocation_protect") return false;
  if (!d.model.is_string() || !d.wine.is_string()) return false;
  const auto model = parse_flags(d.model.get<std::string>(), Family::protect);
  const auto wine = parse_flags(d.wine.get<std::string>(), Family::protect);
  return model && wine && (*model & page::kWriteCombine) &&
         (*model & ~page::kWriteCombine) == *wine;
}

// spec:H7 (documented: SEC_LARGE_PAGES needs SeLockMemoryPrivilege and a large-page-multiple
// size) and open question 5 (the error code; inferred:large-pages ERROR_PRIVILEGE_NOT_HELD):
// Windows fails a pagefile SEC_COMMIT|SEC_LARGE_PAGES mapping without the privilege; Wine 8.0
// creates it (expectations sec-flags/sec-large-pages-commit-*).
bool large_pages_without_privilege(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  // (A file handle that failed to open is INVALID_HANDLE_VALUE: the literal is not required.)
  if (!is_call(step, "CreateFileMappingW", "CreateFileMappingA")) return false;
  const std::uint32_t p = protect_of(step);
  if (!(p & sec::kLargePages) || !(p & sec::kCommit)) return false;
  if (d.field == "ok") return d.model == false;
  return d.field == "error" && is_error(d.model, "ERROR_PRIVILEGE_NOT_HELD");
}

// spec:N27-N30: Open* with access 0 fails ERROR_ACCESS_DENIED on Windows (N30 asserted); Wine
// 8.0 grants it (expectations names/n27..n30).
bool open_with_access_zero(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  const std::string call = step.value("call", "");
  if (!call.starts_with("Open")) return false;
  if (!step.contains("access") || flags_of(step, "access", Family::any_access) != 0) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.field == "error" && is_error(d.model, "ERROR_ACCESS_DENIED") && target_succeeded(d);
}

// spec:N11, spec:N12: every view needs SECTION_MAP_READ on the handle; Windows fails a view through
// a handle holding FILE_MAP_WRITE alone with ERROR_ACCESS_DENIED, Wine 8.0 maps it
// (expectation names/n12-write-handle-cannot-map-write).
bool write_only_handle_maps(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "MapViewOfFile", "MapViewOfFileEx")) return false;
  const Json* producer = producer_of(*d.program, step.value("mapping", ""), d.step);
  if (!producer || !producer->contains("access") || producer->value("same_access", false)) {
    return false;
  }
  if (!is_call(*producer, "OpenFileMappingW", "OpenFileMappingA") &&
      !is_call(*producer, "DuplicateHandle")) {
    return false;
  }
  const std::uint32_t granted = flags_of(*producer, "access", Family::map_access);
  if (granted & (map_access::kRead | access::kGenericRead | access::kGenericAll)) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.field == "error" && is_error(d.model, "ERROR_ACCESS_DENIED") && target_succeeded(d);
}

// spec:N33 (recorded todo_wine: GetFileType on a mapping handle): a file call on a section
// handle fails ERROR_INVALID_HANDLE on Windows; Wine 8.0 answers it (expectation
// handles/n33-file-call-on-mapping-handle).
bool file_call_on_mapping_handle(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  const std::string call = step.value("call", "");
  if (call != "GetFileSize" && call != "SetFileSize" && call != "SetEndOfFile" &&
      call != "ReadFile" && call != "WriteFile") {
    return false;
  }
  const Json* producer = origin_of(*d.program, step.value("handle", ""), d.step);
  if (!producer || !(is_call(*producer, "CreateFileMappingW", "CreateFileMappingA") ||
                     is_call(*producer, "OpenFileMappingW", "OpenFileMappingA"))) {
    return false;
  }
  if (d.field == "ok") return d.model == false && d.wine == true;
  if (d.field == "error") return is_error(d.model, "ERROR_INVALID_HANDLE");
  return d.field == "size" || d.field == "data";  // what Wine read from the section's file
}

// inferred:view-offset-past-end (DERIVED from spec:D55, spec:H14): a view starting at or after the
// end of the section is STATUS_INVALID_VIEW_SIZE -> ERROR_ACCESS_DENIED on Windows; Wine 8.0
// returns ERROR_INVALID_PARAMETER.
bool view_offset_past_section_end(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "MapViewOfFile", "MapViewOfFileEx") || d.field != "error") return false;
  const std::uint64_t offset = number_of(step, "offset_high") << 32 | number_of(step, "offset_low");
  if (offset == 0 || offset % 0x10000 != 0) return false;
  if (const Json* section = origin_of(*d.program, step.value("mapping", ""), d.step);
      section && is_call(*section, "CreateFileMappingW", "CreateFileMappingA")) {
    const std::uint64_t size =
        number_of(*section, "size_high") << 32 | number_of(*section, "size_low");
    if (size != 0 && offset < size) return false;
  }
  return is_error(d.model, "ERROR_ACCESS_DENIED") && is_error(d.wine, "ERROR_INVALID_PARAMETER");
}

// inferred:view-check-order: a view that is both refused (invalid handle, handle rights or
// protection) and at an unaligned offset: the model reports the handle check first
// (NtMapViewOfSection references the handle before MmMapViewOfSection validates the offset, as
// in ReactOS), Wine 8.0 the alignment. Windows' order
// is not recorded (D53 and D46-D48 test one failure at a time).
bool view_denied_and_unaligned(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "MapViewOfFile", "MapViewOfFileEx") || d.field != "error") return false;
  if (number_of(step, "offset_low") % 0x10000 == 0) return false;
  return (is_error(d.model, "ERROR_ACCESS_DENIED") || is_error(d.model, "ERROR_INVALID_HANDLE")) &&
         is_error(d.wine, "ERROR_MAPPED_ALIGNMENT");
}

// inferred:end-of-file-access: SetEndOfFile (and SetFileSize, which calls it) needs
// FILE_WRITE_DATA on the handle (NtSetInformationFile(FileEndOfFileInformation)); Windows fails
// ERROR_ACCESS_DENIED; Wine 8.0 "resizes" to the current size through a handle of any access
// and fails other sizes with ERROR_INVALID_HANDLE (growth) or ERROR_INVALID_PARAMETER (shrink).
bool end_of_file_without_write_access(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "SetFileSize", "SetEndOfFile")) return false;
  const auto access = file_access_of(*d.program, step.value("handle", ""), d.step);
  if (!access) return false;
  if (*access & (access::kGenericWrite | access::kGenericAll | file_access::kWriteData))
    return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  // Wine succeeds at the current size, and fails growth with ERROR_INVALID_HANDLE and
  // shrinking with ERROR_INVALID_PARAMETER.
  return d.field == "error" && is_error(d.model, "ERROR_ACCESS_DENIED");
}

// inferred:duplicate-above-source: DuplicateHandle of a file handle asking for rights the source
// lacks fails ERROR_ACCESS_DENIED in the model (a file's rights are fixed at open); Wine 8.0
// grants them. Windows is not recorded for file handles (D41-D44 cover mapping handles).
bool duplicate_file_handle_above_source(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "DuplicateHandle") || step.value("same_access", false)) return false;
  if (!file_access_of(*d.program, step.value("handle", ""), d.step)) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.field == "error" && is_error(d.model, "ERROR_ACCESS_DENIED") && target_succeeded(d);
}

std::string name_of(const Json& step) {
  if (!step.contains("name") || !step["name"].is_string()) return "";
  std::string name = step["name"].get<std::string>();
  // The session's own namespace (§3; the model runs in session 1, inferred:session-id).
  for (const char* prefix : {"Local\\", "Session\\1\\"}) {
    if (name.starts_with(prefix)) name.erase(0, std::string_view(prefix).size());
  }
  return name;
}

// The Create* steps before `before` that used the same object name as `step`.
std::vector<const Json*> earlier_with_same_name(const Json& program, const Json& step,
                                                std::size_t before) {
  std::vector<const Json*> out;
  const std::string name = name_of(step);
  if (name.empty()) return out;
  const Json& steps = program["steps"];
  for (std::size_t i = 0; i < before && i < steps.size(); ++i) {
    if (steps[i].value("call", "").starts_with("Create") && name_of(steps[i]) == name) {
      out.push_back(&steps[i]);
    }
  }
  return out;
}

bool is_name_outcome(const Json& error) {
  for (const char* e : {"ERROR_ALREADY_EXISTS", "ERROR_INVALID_HANDLE", "ERROR_PATH_NOT_FOUND",
                        "ERROR_INVALID_NAME", "ERROR_BAD_PATHNAME", "ERROR_FILENAME_EXCED_RANGE"}) {
    if (is_error(error, e)) return true;
  }
  return false;
}

// inferred:name-after-creation: CreateFileMapping with a name when another check fails too
// (file rights, size, empty file): NT creates the section first and inserts the name last
// (ObInsertObject with OBJ_OPENIF), so the model reports the other check; Wine 8.0 resolves the
// name first: it opens an existing section (ERROR_ALREADY_EXISTS), or reports the name's error
// (another object type: ERROR_INVALID_HANDLE; a bad prefix: ERROR_PATH_NOT_FOUND).
bool name_checked_before_creation(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileMappingW", "CreateFileMappingA") || name_of(step).empty()) {
    return false;
  }
  if (d.field == "ok") {
    return d.model == false && d.wine == true &&
           !earlier_with_same_name(*d.program, step, d.step).empty();
  }
  if (d.field != "error" || !is_name_outcome(d.wine)) return false;
  if (is_error(d.model, "0xdeadbeef") || is_error(d.model, "ERROR_SUCCESS")) return false;
  return !is_error(d.wine, "ERROR_ALREADY_EXISTS") ||
         !earlier_with_same_name(*d.program, step, d.step).empty();
}

// inferred:reopen-access (open question 9): CreateFileMapping of an existing section's name with
// another flProtect returns the existing section; a view then follows the section's own
// protection in the model (D46-D48), while Wine 8.0 maps it as the reopening call's flProtect
// allows.
bool view_of_reopened_section(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "MapViewOfFile", "MapViewOfFileEx")) return false;
  const Json* section = origin_of(*d.program, step.value("mapping", ""), d.step);
  if (!section || !is_call(*section, "CreateFileMappingW", "CreateFileMappingA")) return false;
  const std::size_t at = static_cast<std::size_t>(section - &(*d.program)["steps"][0]);
  bool reopened = false;
  for (const Json* earlier : earlier_with_same_name(*d.program, *section, at)) {
    reopened = reopened || (is_call(*earlier, "CreateFileMappingW", "CreateFileMappingA") &&
                            protect_of(*earlier) != protect_of(*section));
  }
  if (!reopened) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.field == "error" && target_succeeded(d);
}

// inferred:image-file-access: SEC_IMAGE needs the file rights its flProtect asks for (H3), checked
// before the image is read; Wine 8.0 reads the image first (ERROR_BAD_EXE_FORMAT for a non-PE
// file) and ignores the file rights for image protections.
bool image_section_file_rights(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileMappingW", "CreateFileMappingA") || is_pagefile(step)) return false;
  if (!(protect_of(step) & sec::kImage)) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.field == "error" && is_error(d.model, "ERROR_ACCESS_DENIED");
}

// inferred:view-cache-modifiers: PAGE_NOCACHE / PAGE_WRITECOMBINE never go with PAGE_NOACCESS
// (VirtualProtect rejects the combination), so a no-access view of a SEC_NOCACHE or
// SEC_WRITECOMBINE section reports plain PAGE_NOACCESS in the model; Wine 8.0 adds the modifier.
bool cache_modifier_on_noaccess_view(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "VirtualQuery")) return false;
  if (d.field != "protect" && d.field != "allocation_protect") return false;
  if (d.model != "PAGE_NOACCESS" || !d.wine.is_string()) return false;
  const auto wine = parse_flags(d.wine.get<std::string>(), Family::protect);
  return wine && (*wine & ~(page::kNoCache | page::kWriteCombine)) == page::kNoAccess;
}

// inferred:name-after-creation, seen from the file: a named CreateFileMapping that grows the
// file and then fails on its name leaves the file grown in the model (the section is created
// before the name is inserted); Wine 8.0 fails on the name first and never grows the file.
bool file_grown_before_name_check(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  std::optional<std::string> path;
  for (const char* key : {"handle", "file"}) {
    if (!path && step.contains(key) && step[key].is_string()) {
      path = path_of(*d.program, step[key].get<std::string>(), d.step);
    }
  }
  if (!path) return false;
  if (d.field == "size" && !(d.model.is_number() && d.wine.is_number() &&
                             d.model.get<std::uint64_t>() > d.wine.get<std::uint64_t>())) {
    return false;  // the model's file is the bigger one
  }
  const Json& steps = (*d.program)["steps"];
  for (std::size_t i = 0; i < d.step; ++i) {
    const Json& s = steps[i];
    if (!is_call(s, "CreateFileMappingW", "CreateFileMappingA") || name_of(s).empty()) continue;
    if (path_of(*d.program, s.value("file", ""), i) != path) continue;
    // The name existed (returned or refused) or was malformed (refused): the model grew the
    // file before looking at the name.
    const std::string name = s["name"].get<std::string>();
    if (!earlier_with_same_name(*d.program, s, i).empty() || name.find('\\') != std::string::npos) {
      return true;
    }
  }
  return false;
}

// inferred:truncate-above-section: SetEndOfFile may cut a file with a data section down to the
// section's size (G4 records only the cut below it, ERROR_USER_MAPPED_FILE); Wine 8.0 refuses
// any truncation of a file with a mapping.
bool truncate_above_section_size(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "SetFileSize", "SetEndOfFile")) return false;
  const auto path = path_of(*d.program, step.value("handle", ""), d.step);
  if (!path) return false;
  const bool mapped = any_earlier(d, [&](const Json& s, std::size_t i) {
    return (is_call(s, "CreateFileMappingW", "CreateFileMappingA") &&
            path_of(*d.program, s.value("file", ""), i) == path);
  });
  if (!mapped) return false;
  if (d.field == "ok") return d.model == true && d.wine == false;
  return d.field == "error" && is_error(d.wine, "ERROR_USER_MAPPED_FILE") &&
         (is_error(d.model, "0xdeadbeef") || is_error(d.model, "ERROR_SUCCESS"));
}

// inferred:section-handle-access (spec:D2-D28): a view is checked against the section's own
// protection whatever rights the handle holds (1D: incompatible -> ERROR_ACCESS_DENIED); Wine
// 8.0 lets a handle from OpenFileMapping(FILE_MAP_ALL_ACCESS), or a duplicate given more rights,
// map views the protection forbids.
bool opened_handle_skips_protection(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "MapViewOfFile", "MapViewOfFileEx")) return false;
  const Json* producer = origin_of(*d.program, step.value("mapping", ""), d.step);
  const Json* direct = producer_of(*d.program, step.value("mapping", ""), d.step);
  const bool duplicated_with_rights =
      direct && is_call(*direct, "DuplicateHandle") && !direct->value("same_access", false);
  if (!duplicated_with_rights &&
      (!producer || !is_call(*producer, "OpenFileMappingW", "OpenFileMappingA"))) {
    return false;
  }
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.field == "error" && is_error(d.model, "ERROR_ACCESS_DENIED") && target_succeeded(d);
}

// spec:§5 "Pagefile-backed huge sizes" (DOC-CFM, SEC_COMMIT: "The system must have enough
// committable pages to hold the entire mapping. Otherwise, CreateFileMapping fails"), S4c (16 TiB
// fails), open question 4 (the error code): a committed pagefile section beyond the commit limit
// (the model's machine: 64 GiB, inferred:commit-limit-error) or beyond 16 TiB
// (inferred:maximum-section-size) fails on Windows; Wine 8.0 creates it (Linux overcommits).
bool huge_pagefile_section_created(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileMappingW", "CreateFileMappingA")) return false;
  // The file INVALID_HANDLE_VALUE, or a register whose call failed (CreateFile leaves
  // INVALID_HANDLE_VALUE, Open* NULL: inferred:hfile-null): the model's error, checked below,
  // shows it made a pagefile section; the ok field alone never passes a run.
  if (!is_pagefile(step) && !producer_of(*d.program, step.value("file", ""), d.step)) {
    return false;
  }
  if (protect_of(step) & sec::kReserve) return false;  // SEC_RESERVE charges no commit
  const std::uint64_t size = number_of(step, "size_high") << 32 | number_of(step, "size_low");
  if (size <= (std::uint64_t{64} << 30)) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.field == "error" && target_succeeded(d) &&
         (is_error(d.model, "ERROR_COMMITMENT_LIMIT") ||
          is_error(d.model, "ERROR_NOT_ENOUGH_MEMORY"));
}

// spec:H11 ("cannot grow -> ERROR_DISK_FULL") on the model's machine, whose disk holds 256 GiB
// (ModelConfig::disk_capacity): a file grown beyond it fails there; Wine's host grows it (a
// sparse file). A difference of disks, not of Windows and Wine.
bool file_grown_beyond_model_disk(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  std::uint64_t size = 0;
  if (is_call(step, "CreateFileMappingW", "CreateFileMappingA")) {
    const std::uint32_t p = protect_of(step) & 0xff;  // the protections that grow a file (S5)
    if (is_pagefile(step) || (p != page::kReadWrite && p != page::kExecuteReadWrite)) return false;
    size = number_of(step, "size_high") << 32 | number_of(step, "size_low");
  } else if (is_call(step, "SetFileSize")) {
    size = number_of(step, "size");
  } else {
    return false;
  }
  if (size <= (std::uint64_t{256} << 30)) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.field == "error" && is_error(d.model, "ERROR_DISK_FULL") && target_opened(d);
}

// inferred:image-layout: an image section is SizeOfImage bytes and CreateFileMapping's size
// arguments are ignored (the model creates it); Wine 8.0 fails a SEC_IMAGE request with a
// non-zero size larger than the file with ERROR_NOT_ENOUGH_MEMORY.
bool image_section_size_checked(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileMappingW", "CreateFileMappingA")) return false;
  if (!(protect_of(step) & sec::kImage)) return false;
  if ((number_of(step, "size_high") | number_of(step, "size_low")) == 0) return false;
  if (d.field == "ok") return d.model == true && d.wine == false;
  return d.field == "error" && is_error(d.wine, "ERROR_NOT_ENOUGH_MEMORY") && created(d.model);
}

// inferred:delete-pending: once a FILE_FLAG_DELETE_ON_CLOSE handle of a file has closed, the
// model's file is delete-pending while other handles hold it (new opens: ERROR_ACCESS_DENIED,
// STATUS_DELETE_PENDING) and its name is gone once none does, even if a section still maps it
// (NT deletes at the last cleanup; ERROR_FILE_NOT_FOUND, or OPEN_ALWAYS makes a new file);
// Wine 8.0 opens the file (held by the other handle or the section).
bool delete_on_close_name_kept(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileW", "CreateFileA")) return false;
  const std::string path = step.value("path", "");
  std::vector<std::string> deleting;  // registers of DELETE_ON_CLOSE opens of the path
  bool closed = false;
  for (std::size_t i = 0; i < d.step; ++i) {
    const Json& s = (*d.program)["steps"][i];
    if (is_call(s, "CreateFileW", "CreateFileA") && s.value("path", "") == path &&
        (flags_of(s, "flags", Family::file_flags) & file_flags::kDeleteOnClose)) {
      deleting.push_back(s.value("out", ""));
    }
    if (is_call(s, "CloseHandle")) {
      for (const auto& out : deleting) closed = closed || s.value("handle", "") == out;
    }
  }
  if (!closed) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  if (d.field != "error") return false;
  // The model's name is gone: whatever Wine's still existing file answers (an open, G7...).
  if (is_error(d.model, "ERROR_FILE_NOT_FOUND")) return true;
  return (is_error(d.model, "ERROR_ACCESS_DENIED") && target_opened(d)) ||
         (is_error(d.model, "ERROR_SUCCESS") && is_error(d.wine, "ERROR_ALREADY_EXISTS"));
}

// inferred:read-only-attribute: opening for writing, CREATE_ALWAYS or TRUNCATE_EXISTING a file
// created FILE_ATTRIBUTE_READONLY fails ERROR_ACCESS_DENIED in the model (CreateFile docs);
// Wine 8.0 run as root (a 0444 file is writable to root) opens or overwrites it.
bool read_only_file_overwritten(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileW", "CreateFileA")) return false;
  const std::string disposition = step.value("disposition", "");
  const bool writes = (flags_of(step, "access", Family::file_access) &
                       (access::kGenericWrite | access::kGenericAll | access::kMaximumAllowed |
                        file_access::kWriteData | file_access::kAppendData)) != 0;
  // Creating a read-only file FILE_FLAG_DELETE_ON_CLOSE (STATUS_CANNOT_DELETE).
  const std::uint32_t flags = flags_of(step, "flags", Family::file_flags);
  const bool deleting_read_only =
      (flags & file_flags::kAttributeReadOnly) && (flags & file_flags::kDeleteOnClose);
  if (disposition != "CREATE_ALWAYS" && disposition != "TRUNCATE_EXISTING" && !writes &&
      !(flags & file_flags::kDeleteOnClose)) {
    return false;
  }
  const bool read_only = any_earlier(d, [&](const Json& s, std::size_t) {
    return (is_call(s, "CreateFileW", "CreateFileA") &&
            s.value("path", "") == step.value("path", "") &&
            (flags_of(s, "flags", Family::file_flags) & file_flags::kAttributeReadOnly));
  });
  if (!read_only && !deleting_read_only) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  // Wine checks sharing before the attribute (FastFat checks the attribute first).
  return d.field == "error" && is_error(d.model, "ERROR_ACCESS_DENIED") &&
         (target_opened(d) || is_error(d.wine, "ERROR_SHARING_VIOLATION"));
}

// inferred:create-file-parameters: kernel32 CreateFile rejects share bits outside
// FILE_SHARE_READ|WRITE|DELETE and dispositions outside 1..5 with ERROR_INVALID_PARAMETER
// (IoCreateFile: STATUS_INVALID_PARAMETER); Wine 8.0 opens the file anyway.
bool create_file_bad_parameters(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileW", "CreateFileA")) return false;
  const auto share = step.contains("share") && step["share"].is_string()
                         ? parse_flags(step["share"].get<std::string>(), Family::any_access)
                         : std::optional<std::uint32_t>{};
  const bool bad_share = share && (*share & ~std::uint32_t{7}) != 0;
  if (!bad_share) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.field == "error" && is_error(d.model, "ERROR_INVALID_PARAMETER");
}

// inferred:create-file-parameters: TRUNCATE_EXISTING without GENERIC_WRITE / FILE_WRITE_DATA is
// ERROR_INVALID_PARAMETER before the file is looked up (kernel32); Wine 8.0 looks the file up
// first (ERROR_FILE_NOT_FOUND) or opens it.
bool truncate_existing_without_write(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileW", "CreateFileA")) return false;
  if (step.value("disposition", "") != "TRUNCATE_EXISTING") return false;
  const std::uint32_t a = flags_of(step, "access", Family::file_access);
  if (a & (access::kGenericWrite | access::kGenericAll | file_access::kWriteData)) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.field == "error" && is_error(d.model, "ERROR_INVALID_PARAMETER");
}

// The specific rights of TYPE_ALL_ACCESS for the object a call opens or duplicates, if known:
// SECTION_ALL_ACCESS 0xF001F, EVENT/SEMAPHORE_ALL_ACCESS 0x1F0003, MUTEX_ALL_ACCESS 0x1F0001.
std::optional<std::uint32_t> specific_all_access(const Json& opener) {
  if (is_call(opener, "CreateFileMappingW", "CreateFileMappingA") ||
      is_call(opener, "OpenFileMappingW", "OpenFileMappingA")) {
    return map_access::kAllAccess & 0xffffu;
  }
  if (is_call(opener, "CreateEventW", "OpenEventW") ||
      is_call(opener, "CreateSemaphoreW", "OpenSemaphoreW")) {
    return 0x3u;
  }
  if (is_call(opener, "CreateMutexW", "OpenMutexW")) return 0x1u;
  return std::nullopt;
}

// inferred:open-access-check: OpenFileMapping / OpenEvent / OpenMutex / OpenSemaphore or
// DuplicateHandle asking for rights outside the object type's ALL_ACCESS (e.g. 0x20 on a
// section, SECTION_ALL_ACCESS being 0xF001F) fails ERROR_ACCESS_DENIED in the model; Wine 8.0
// grants any mask.
bool requested_outside_all_access(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  const Json* opened = &step;
  if (is_call(step, "DuplicateHandle")) {
    if (step.value("same_access", false)) return false;
    opened = origin_of(*d.program, step.value("handle", ""), d.step);
  } else if (!step.value("call", "").starts_with("Open") || is_call(step, "OpenFile")) {
    return false;
  }
  const std::uint32_t mask = flags_of(step, "access", Family::any_access);
  // Bits no object type's ALL_ACCESS holds (21-23, 26-27, and 24, ACCESS_SYSTEM_SECURITY, which
  // also needs SeSecurityPrivilege), or specific rights beyond the type's ALL_ACCESS.
  bool outside = (mask & 0x0de00000u) != 0;
  if (const auto specific = opened ? specific_all_access(*opened) : std::nullopt) {
    outside = outside || (mask & 0xffffu & ~*specific) != 0;
  }
  if (!outside) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  return d.field == "error" && is_error(d.model, "ERROR_ACCESS_DENIED") && target_succeeded(d);
}

// inferred:share-access: CREATE_ALWAYS / TRUNCATE_EXISTING of a mapped file that an open handle
// also refuses to share: the model reports the sharing check (IoCheckShareAccess at open) before
// the overwrite of a mapped file (G4, ERROR_USER_MAPPED_FILE); Wine 8.0 the reverse.
bool share_checked_before_overwrite(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileW", "CreateFileA") || d.field != "error") return false;
  return is_error(d.model, "ERROR_SHARING_VIOLATION") && is_error(d.wine, "ERROR_USER_MAPPED_FILE");
}

// inferred:share-access: CreateFile asking no read, write or delete access of a file a writable
// data section maps: the model checks share access over the access asked (IoCheckShareAccess:
// nothing to check), so the open succeeds or, overwriting, meets G4 (ERROR_USER_MAPPED_FILE);
// Wine 8.0 counts the section as a writer the open does not share (ERROR_SHARING_VIOLATION).
bool accessless_open_of_writable_section(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileW", "CreateFileA")) return false;
  constexpr std::uint32_t kShareChecked =
      access::kGenericRead | access::kGenericWrite | access::kGenericExecute | access::kGenericAll |
      access::kMaximumAllowed | access::kDelete | file_access::kReadData | file_access::kWriteData |
      file_access::kAppendData | file_access::kExecute;
  if (flags_of(step, "access", Family::file_access) & kShareChecked) return false;
  const std::string path = step.value("path", "");
  const bool writable_section = any_earlier(d, [&](const Json& s, std::size_t i) {
    const std::uint32_t p = protect_of(s) & 0xff;
    return is_call(s, "CreateFileMappingW", "CreateFileMappingA") &&
           (p == page::kReadWrite || p == page::kExecuteReadWrite) &&
           path_of(*d.program, s.value("file", ""), i) == path;
  });
  if (!writable_section) return false;
  if (d.field == "ok") return d.model == true && d.wine == false;
  return d.field == "error" && is_error(d.wine, "ERROR_SHARING_VIOLATION") &&
         (is_error(d.model, "ERROR_USER_MAPPED_FILE") || created(d.model));
}

// inferred:open-access-check: a file opened with MAXIMUM_ALLOWED holds the file's ALL_ACCESS in
// the model, and share access (and an image section's refusal of writers, G3) is checked over
// it (NT checks the granted access); Wine 8.0 lets opens that do not share with such a handle
// (or such an open) succeed, or fails them for another reason.
bool maximum_allowed_file_sharing(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  if (!is_call(step, "CreateFileW", "CreateFileA")) return false;
  const auto maximum = [](const Json& s) {  // and past kernel32's parameter checks
    return (flags_of(s, "access", Family::file_access) & access::kMaximumAllowed) != 0 &&
           (flags_of(s, "share", Family::any_access) & ~std::uint32_t{7}) == 0;
  };
  const bool involved = maximum(step) || any_earlier(d, [&](const Json& s, std::size_t) {
                          return is_call(s, "CreateFileW", "CreateFileA") && maximum(s) &&
                                 s.value("path", "") == step.value("path", "");
                        });
  if (!involved) return false;
  if (d.field == "ok") return d.model == false && d.wine == true;
  if (d.field != "error" || !is_error(d.model, "ERROR_SHARING_VIOLATION")) return false;
  // This open asks MAXIMUM_ALLOWED: Wine grants it less, so its next check answers (G7...).
  if (maximum(step)) return !is_error(d.wine, "ERROR_SHARING_VIOLATION");
  return target_opened(d);
}

// inferred:namespace-links: a name through an object that is not a directory ("a\b" where "a" is
// a semaphore) fails ERROR_PATH_NOT_FOUND in the model (STATUS_OBJECT_PATH_NOT_FOUND); Wine 8.0
// reports the type mismatch (ERROR_INVALID_HANDLE) or creates it.
bool name_through_non_directory(const Divergence& d) {
  const Json& step = (*d.program)["steps"][d.step];
  const std::string call = step.value("call", "");
  if (!call.starts_with("Create") && !call.starts_with("Open")) return false;
  std::string name = name_of(step);
  for (const char* prefix : {"Global\\", "Session\\"}) {
    if (name.starts_with(prefix)) name.erase(0, std::string_view(prefix).size());
  }
  if (name.find('\\') == std::string::npos) return false;
  if (d.field == "ok") return d.model == false;
  return d.field == "error" && is_error(d.model, "ERROR_PATH_NOT_FOUND");
}

constexpr DivergenceRule kRules[] = {
    {"wine:exec-protection-without-execute-access", "spec:A13, A14, H3", Basis::recorded,
     "a file without execute access + PAGE_EXECUTE_*: Windows ERROR_ACCESS_DENIED, Wine "
     "succeeds",
     exec_protection_without_execute_access},
    {"wine:copy-on-write-protection-after-write", "spec:B34, B35", Basis::recorded,
     "after writing a copy-on-write view Windows reports PAGE_(EXECUTE_)READWRITE, Wine keeps "
     "PAGE_(EXECUTE_)WRITECOPY",
     copy_on_write_protection_after_write},
    {"wine:sec-reserve-view-accessible", "spec:S17, S18", Basis::recorded,
     "a pagefile SEC_RESERVE view faults until committed on Windows; Wine reads and writes it",
     sec_reserve_view_is_accessible},
    {"wine:writecombine-modifier-dropped", "inferred:view-cache-modifiers (spec:S21, C6)",
     Basis::inferred,
     "a SEC_WRITECOMBINE view reports PAGE_WRITECOMBINE (as S21 does PAGE_NOCACHE); Wine drops "
     "it",
     writecombine_modifier_dropped},
    {"wine:large-pages-without-privilege", "spec:H7; open question 5 (inferred:large-pages)",
     Basis::documented,
     "pagefile SEC_COMMIT|SEC_LARGE_PAGES without SeLockMemoryPrivilege fails on Windows; Wine "
     "creates it",
     large_pages_without_privilege},
    {"wine:open-with-access-0", "spec:N27, N28, N29, N30", Basis::recorded,
     "Open* with access 0: Windows ERROR_ACCESS_DENIED, Wine grants it", open_with_access_zero},
    {"wine:write-only-handle-maps", "spec:N11, N12", Basis::recorded,
     "a view through a handle without SECTION_MAP_READ: Windows ERROR_ACCESS_DENIED, Wine maps "
     "it",
     write_only_handle_maps},
    {"wine:file-call-on-mapping-handle", "spec:N33", Basis::recorded,
     "a file call on a mapping handle: Windows ERROR_INVALID_HANDLE, Wine answers it",
     file_call_on_mapping_handle},
    {"wine:view-offset-past-section-end", "inferred:view-offset-past-end (spec:D55, H14)",
     Basis::inferred,
     "a view starting at or after the section end: Windows STATUS_INVALID_VIEW_SIZE -> "
     "ERROR_ACCESS_DENIED (derived), Wine ERROR_INVALID_PARAMETER",
     view_offset_past_section_end},
    {"wine:view-check-order", "inferred:view-check-order (spec:D46-D48, D53)", Basis::inferred,
     "a view both refused and unaligned: the model reports ERROR_INVALID_HANDLE / "
     "ERROR_ACCESS_DENIED, Wine ERROR_MAPPED_ALIGNMENT (Windows' order unrecorded)",
     view_denied_and_unaligned},
    {"wine:end-of-file-without-write-access", "inferred:end-of-file-access", Basis::inferred,
     "SetEndOfFile through a handle without FILE_WRITE_DATA: the model ERROR_ACCESS_DENIED, "
     "Wine succeeds (same size) or fails with another error",
     end_of_file_without_write_access},
    {"wine:duplicate-file-handle-above-source", "inferred:duplicate-above-source", Basis::inferred,
     "DuplicateHandle of a file handle with more rights than the source: the model "
     "ERROR_ACCESS_DENIED, Wine grants them",
     duplicate_file_handle_above_source},
    {"wine:cache-modifier-on-noaccess-view", "inferred:view-cache-modifiers", Basis::inferred,
     "a PAGE_NOACCESS view of a SEC_NOCACHE/SEC_WRITECOMBINE section: the model reports "
     "PAGE_NOACCESS, Wine adds the modifier",
     cache_modifier_on_noaccess_view},
    {"wine:huge-pagefile-section-created", "spec:S4c, §5 (DOC-CFM); open question 4",
     Basis::documented,
     "a committed pagefile section beyond the commit limit or 16 TiB: Windows fails, Wine "
     "creates it",
     huge_pagefile_section_created},
    {"wine:file-grown-beyond-model-disk", "spec:H11 (the model's disk: 256 GiB)", Basis::documented,
     "a file grown beyond the model machine's disk: the model ERROR_DISK_FULL, Wine's host "
     "grows it (sparse)",
     file_grown_beyond_model_disk},
    {"wine:image-section-size-checked", "inferred:image-layout", Basis::inferred,
     "SEC_IMAGE with a non-zero size: the model ignores the size and creates the image "
     "section, Wine ERROR_NOT_ENOUGH_MEMORY",
     image_section_size_checked},
    {"wine:delete-on-close-name-kept", "inferred:delete-pending", Basis::inferred,
     "a FILE_FLAG_DELETE_ON_CLOSE handle closed while another handle or a section holds the "
     "file: the model's file is delete-pending (ERROR_ACCESS_DENIED) or gone "
     "(ERROR_FILE_NOT_FOUND), Wine's opens",
     delete_on_close_name_kept},
    {"wine:read-only-file-overwritten", "inferred:read-only-attribute", Basis::inferred,
     "writing or overwriting a FILE_ATTRIBUTE_READONLY file: the model ERROR_ACCESS_DENIED, "
     "Wine run as root opens it (or reports the sharing check first)",
     read_only_file_overwritten},
    {"wine:create-file-bad-share", "inferred:create-file-parameters", Basis::inferred,
     "CreateFile with share bits outside 0x7: the model ERROR_INVALID_PARAMETER, Wine opens "
     "the file",
     create_file_bad_parameters},
    {"wine:truncate-existing-without-write", "inferred:create-file-parameters", Basis::inferred,
     "CreateFile(TRUNCATE_EXISTING) without write access: the model ERROR_INVALID_PARAMETER "
     "first, Wine looks the file up",
     truncate_existing_without_write},
    {"wine:share-checked-before-overwrite", "inferred:share-access (spec:G4)", Basis::inferred,
     "overwriting a mapped file that an open handle does not share: the model "
     "ERROR_SHARING_VIOLATION, Wine ERROR_USER_MAPPED_FILE",
     share_checked_before_overwrite},
    {"wine:accessless-open-of-writable-section", "inferred:share-access (spec:G2, G4)",
     Basis::inferred,
     "CreateFile with no read/write/delete access of a file a writable section maps: the model "
     "opens it (or, overwriting, ERROR_USER_MAPPED_FILE), Wine ERROR_SHARING_VIOLATION",
     accessless_open_of_writable_section},
    {"wine:maximum-allowed-file-sharing", "inferred:open-access-check", Basis::inferred,
     "a file opened with MAXIMUM_ALLOWED: the model checks sharing over the file's ALL_ACCESS "
     "(ERROR_SHARING_VIOLATION), Wine opens",
     maximum_allowed_file_sharing},
    {"wine:name-through-non-directory", "inferred:namespace-links", Basis::inferred,
     "a name through an object that is not a directory: the model ERROR_PATH_NOT_FOUND, Wine "
     "another answer",
     name_through_non_directory},
    {"wine:name-checked-before-creation", "inferred:name-after-creation", Basis::inferred,
     "CreateFileMapping with a name and another failing check: the model reports the other "
     "check, Wine resolves the name first (opens the existing section, or the name's error)",
     name_checked_before_creation},
    {"wine:file-grown-before-name-check", "inferred:name-after-creation", Basis::inferred,
     "a named CreateFileMapping that grows the file and then meets its name (existing or "
     "malformed): the model's file stays grown, Wine's is not grown",
     file_grown_before_name_check},
    {"wine:truncate-above-section-size", "inferred:truncate-above-section (spec:G4)",
     Basis::inferred,
     "SetEndOfFile down to a size still covering every data section: the model allows it, "
     "Wine ERROR_USER_MAPPED_FILE",
     truncate_above_section_size},
    {"wine:opened-handle-skips-protection", "inferred:section-handle-access (spec:D2-D28)",
     Basis::inferred,
     "a view through an OpenFileMapping or DuplicateHandle handle holding rights the section's "
     "protection forbids: the model ERROR_ACCESS_DENIED (1D), Wine maps it",
     opened_handle_skips_protection},
    {"wine:view-of-reopened-section", "inferred:reopen-access (open question 9)", Basis::inferred,
     "a view through CreateFileMapping's handle to an existing section created with another "
     "protection: the model follows the section's protection, Wine the reopening call's",
     view_of_reopened_section},
    {"wine:image-section-file-rights", "inferred:image-file-access (spec:H3, A17)", Basis::inferred,
     "SEC_IMAGE with a protection the file's rights do not allow: the model "
     "ERROR_ACCESS_DENIED, Wine reads the image first",
     image_section_file_rights},
    {"wine:rights-outside-all-access", "inferred:open-access-check", Basis::inferred,
     "OpenFileMapping/OpenEvent/OpenMutex/OpenSemaphore or DuplicateHandle asking rights "
     "outside the type's ALL_ACCESS: the model ERROR_ACCESS_DENIED, Wine grants them",
     requested_outside_all_access},
};

}  // namespace

std::string_view basis_name(Basis basis) {
  switch (basis) {
    case Basis::documented:
      return "documented";
    case Basis::recorded:
      return "recorded";
    case Basis::inferred:
      return "inferred";
  }
  return "?";
}

std::span<const DivergenceRule> known_wine_divergences() { return kRules; }

const DivergenceRule* find_known_divergence(const Divergence& d) {
  for (const DivergenceRule& rule : kRules) {
    if (rule.matches(d)) return &rule;
  }
  return nullptr;
}

const Json* origin_of(const Json& program, std::string out, std::size_t before) {
  for (const Json* p = producer_of(program, out, before); p;
       p = producer_of(program, out, before)) {
    if (!is_call(*p, "DuplicateHandle")) return p;
    out = p->value("handle", "");
  }
  return nullptr;
}

std::optional<std::string> path_of(const Json& program, const std::string& out,
                                   std::size_t before) {
  const Json* origin = origin_of(program, out, before);
  if (!origin || !origin->contains("path") || !(*origin)["path"].is_string()) return std::nullopt;
  return (*origin)["path"].get<std::string>();
}

const Json* producer_of(const Json& program, const std::string& out, std::size_t before) {
  if (out.empty()) return nullptr;
  const Json& steps = program["steps"];
  for (std::size_t i = std::min(before, steps.size()); i-- > 0;) {
    if (steps[i].value("out", "") == out) return &steps[i];
  }
  return nullptr;
}

std::optional<std::uint32_t> file_access_of(const Json& program, const std::string& out,
                                            std::size_t before) {
  const Json& steps = program["steps"];
  std::string name = out;
  for (std::size_t i = std::min(before, steps.size()); i-- > 0;) {
    const Json& s = steps[i];
    if (s.value("out", "") != name) continue;
    if (is_call(s, "CreateFileW", "CreateFileA")) return flags_of(s, "access", Family::file_access);
    if (is_call(s, "DuplicateHandle")) {
      // A duplicate asking for rights gets them (or failed, and the handle is not used).
      if (!s.value("same_access", false)) return flags_of(s, "access", Family::any_access);
      name = s.value("handle", "");
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace fmconf::property
