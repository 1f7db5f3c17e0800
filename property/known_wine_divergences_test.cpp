// The known-Wine-divergence rules on the differences the differential properties found (issue 5
// triage; the programs were corpus/regressions/*.json, their Wine 8.0 values as observed), and
// near misses each rule must not tolerate: a rule that matched everything would hide new bugs.
#include "property/known_wine_divergences.hpp"

#include "reference/inferred.hpp"

#include <gtest/gtest.h>

namespace fmconf::property {
namespace {

Json program_of(const char* steps) { return Json{{"steps", Json::parse(steps)}}; }

// The id of the rule matching (step, field, model, wine), or "" when none does.
std::string rule_for(const Json& program, std::size_t step, const char* field, Json model,
                     Json wine) {
  const DivergenceRule* rule =
      find_known_divergence(Divergence{&program, step, field, std::move(model), std::move(wine)});
  return rule ? std::string(rule->id) : "";
}

const char* kFile =
    R"({"call": "CreateFileW", "out": "h0", "path": "b.bin", "access": "%s", "share": "0",
        "disposition": "CREATE_ALWAYS"})";

std::string file_step(const char* access) {
  std::string s = kFile;
  s.replace(s.find("%s"), 2, access);
  return s;
}

TEST(KnownWineDivergences, ViewOffsetAtSectionEnd) {
  // Found as differential-statefulprogramsofapicalls-e677d90e (and -2d872b3d for 8192 bytes).
  const Json p = program_of(R"([
    {"call": "CreateFileMappingW", "out": "h0", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_EXECUTE_WRITECOPY", "size_high": 0, "size_low": 65536, "name": null},
    {"call": "MapViewOfFile", "out": "v0", "mapping": "h0", "access": "0x4",
     "offset_low": 65536, "bytes": 0}])");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_ACCESS_DENIED", "ERROR_INVALID_PARAMETER"),
            "wine:view-offset-past-section-end");
  // Inside the section the same errors are not this rule.
  const Json inside = program_of(R"([
    {"call": "CreateFileMappingW", "out": "h0", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_READWRITE", "size_high": 0, "size_low": 196608, "name": null},
    {"call": "MapViewOfFile", "out": "v0", "mapping": "h0", "access": "0x4",
     "offset_low": 65536, "bytes": 0}])");
  EXPECT_EQ(rule_for(inside, 1, "error", "ERROR_ACCESS_DENIED", "ERROR_INVALID_PARAMETER"), "");
}

TEST(KnownWineDivergences, DeniedAndUnalignedView) {
  // Found as differential-statefulprogramsofapicalls-33ec7993.
  const Json p = program_of(R"([
    {"call": "CreateFileMappingW", "out": "h0", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_WRITECOPY", "size_high": 0, "size_low": 13398, "name": null},
    {"call": "MapViewOfFile", "out": "v0", "mapping": "h0", "access": "0x6",
     "offset_low": 4096, "bytes": 0}])");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_ACCESS_DENIED", "ERROR_MAPPED_ALIGNMENT"),
            "wine:view-check-order");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_ACCESS_DENIED", "ERROR_INVALID_PARAMETER"), "");
  // Found with seed 20261126: a mapping that failed (handle NULL) and an unaligned offset.
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_INVALID_HANDLE", "ERROR_MAPPED_ALIGNMENT"),
            "wine:view-check-order");
  const Json aligned = program_of(R"([
    {"call": "MapViewOfFile", "out": "v0", "mapping": "h9", "access": "0x4",
     "offset_low": 65536, "bytes": 0}])");
  EXPECT_EQ(rule_for(aligned, 0, "error", "ERROR_INVALID_HANDLE", "ERROR_MAPPED_ALIGNMENT"), "");
}

TEST(KnownWineDivergences, EndOfFileWithoutWriteAccess) {
  // Found as differential-statefulprogramsofapicalls-a095d2db.
  const Json p = program_of(
      ("[" + file_step("0") + R"(, {"call": "SetFileSize", "handle": "h0", "size": 0}])").c_str());
  EXPECT_EQ(rule_for(p, 1, "ok", false, true), "wine:end-of-file-without-write-access");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_ACCESS_DENIED", "0xdeadbeef"),
            "wine:end-of-file-without-write-access");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_ACCESS_DENIED", "ERROR_INVALID_HANDLE"),
            "wine:end-of-file-without-write-access");
  // A handle with GENERIC_WRITE has the right: a difference there is a real one.
  const Json writable = program_of(("[" + file_step("GENERIC_READ|GENERIC_WRITE") +
                                    R"(, {"call": "SetFileSize", "handle": "h0", "size": 0}])")
                                       .c_str());
  EXPECT_EQ(rule_for(writable, 1, "ok", false, true), "");
}

TEST(KnownWineDivergences, DuplicateFileHandleAboveSource) {
  // Found as differential-statefulprogramsofapicalls-e0491ea4.
  const Json p = program_of(
      ("[" + file_step("0") +
       R"(, {"call": "DuplicateHandle", "out": "h1", "handle": "h0", "access": "FILE_MAP_WRITE"}])")
          .c_str());
  EXPECT_EQ(rule_for(p, 1, "ok", false, true), "wine:duplicate-file-handle-above-source");
  // A mapping handle's duplicate is D41-D44 (recorded): not tolerated.
  const Json mapping = program_of(R"([
    {"call": "CreateFileMappingW", "out": "h0", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_READWRITE", "size_high": 0, "size_low": 4096, "name": null},
    {"call": "DuplicateHandle", "out": "h1", "handle": "h0", "access": "FILE_MAP_WRITE"}])");
  EXPECT_EQ(rule_for(mapping, 1, "ok", false, true), "");
}

TEST(KnownWineDivergences, LargePagesWithoutPrivilege) {
  // Found as differential-createfilemappingprotectsizeaccessbacking-d03c4cbc.
  const Json p = program_of(R"([
    {"call": "CreateFileMappingW", "out": "m", "file": "INVALID_HANDLE_VALUE",
     "protect": "0x88000020", "size_high": 0, "size_low": 4093, "name": null}])");
  EXPECT_EQ(rule_for(p, 0, "ok", false, true), "wine:large-pages-without-privilege");
  EXPECT_EQ(rule_for(p, 0, "error", "ERROR_PRIVILEGE_NOT_HELD", "ERROR_SUCCESS"),
            "wine:large-pages-without-privilege");
  // Without SEC_COMMIT it is C2/C12 (ERROR_INVALID_PARAMETER on both): not tolerated.
  const Json reserve = program_of(R"([
    {"call": "CreateFileMappingW", "out": "m", "file": "INVALID_HANDLE_VALUE",
     "protect": "0x84000004", "size_high": 0, "size_low": 4096, "name": null}])");
  EXPECT_EQ(rule_for(reserve, 0, "ok", false, true), "");
}

const char* kReserveView = R"([
    {"call": "CreateFileMappingW", "out": "m", "file": "INVALID_HANDLE_VALUE",
     "protect": "%s", "size_high": 0, "size_low": 8190, "name": null},
    {"call": "MapViewOfFile", "out": "v", "mapping": "m", "access": "0xf003f"},
    {"call": "VirtualQuery", "view": "v"},
    {"call": "ReadView", "view": "v", "length": 4}])";

Json reserve_view_program(const char* protect) {
  std::string s = kReserveView;
  s.replace(s.find("%s"), 2, protect);
  return program_of(s.c_str());
}

TEST(KnownWineDivergences, SecReserveViewAndWriteCombine) {
  // Found as differential-createfilemappingprotectsizeaccessbacking-85ee4368 and -bf66b245.
  const Json p = reserve_view_program("0x44000040");  // PAGE_EXECUTE_READWRITE|SEC_RESERVE|SEC_WC
  EXPECT_EQ(rule_for(p, 3, "fault", true, false), "wine:sec-reserve-view-accessible");
  EXPECT_EQ(rule_for(p, 3, "ok", false, true), "wine:sec-reserve-view-accessible");
  EXPECT_EQ(rule_for(p, 3, "data", "", "00000000"), "wine:sec-reserve-view-accessible");
  EXPECT_EQ(rule_for(p, 2, "allocation_protect", "PAGE_EXECUTE_READWRITE|PAGE_WRITECOMBINE",
                     "PAGE_EXECUTE_READWRITE"),
            "wine:writecombine-modifier-dropped");
  // A committed section's view must not fault: a read difference there is a real one.
  const Json commit = reserve_view_program("0x08000004");  // PAGE_READWRITE|SEC_COMMIT
  EXPECT_EQ(rule_for(commit, 3, "fault", true, false), "");
  // Any other protection difference is not the write-combine modifier.
  EXPECT_EQ(rule_for(p, 2, "protect", "PAGE_READWRITE", "PAGE_READONLY"), "");
}

TEST(KnownWineDivergences, ExecProtectionWithoutExecuteAccess) {
  const Json p = program_of(("[" + file_step("GENERIC_READ|GENERIC_WRITE") +
                             R"(, {"call": "CreateFileMappingW", "out": "m", "file": "h0",
             "protect": "PAGE_EXECUTE_READWRITE", "size_high": 0, "size_low": 4096,
             "name": null}])")
                                .c_str());
  EXPECT_EQ(rule_for(p, 1, "ok", false, true), "wine:exec-protection-without-execute-access");
  const Json exec = program_of(("[" + file_step("GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE") +
                                R"(, {"call": "CreateFileMappingW", "out": "m", "file": "h0",
             "protect": "PAGE_EXECUTE_READWRITE", "size_high": 0, "size_low": 4096,
             "name": null}])")
                                   .c_str());
  EXPECT_EQ(rule_for(exec, 1, "ok", false, true), "");
}

TEST(KnownWineDivergences, FileCallOnMappingHandle) {
  const Json p = program_of(R"([
    {"call": "CreateFileMappingW", "out": "m", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_READWRITE", "size_high": 0, "size_low": 4096, "name": null},
    {"call": "GetFileSize", "handle": "m"}])");
  EXPECT_EQ(rule_for(p, 1, "ok", false, true), "wine:file-call-on-mapping-handle");
  EXPECT_EQ(rule_for(p, 1, "size", nullptr, 0), "wine:file-call-on-mapping-handle");
}

TEST(KnownWineDivergences, NameResolvedBeforeCreation) {
  // The model creates the section (file checks) before it looks at the name; Wine the reverse.
  const Json p = program_of(
      (R"([{"call": "CreateFileMappingW", "out": "m0", "file": "INVALID_HANDLE_VALUE",
            "protect": "PAGE_EXECUTE_WRITECOPY", "size_high": 0, "size_low": 13398,
            "name": "nkk"}, )" +
       file_step("0") +
       R"(, {"call": "CreateFileMappingW", "out": "m1", "file": "h0", "protect": "PAGE_READONLY",
             "size_high": 0, "size_low": 4096, "name": "nkk"},
          {"call": "GetFileSize", "handle": "h0"}])")
          .c_str());
  EXPECT_EQ(rule_for(p, 2, "ok", false, true), "wine:name-checked-before-creation");
  EXPECT_EQ(rule_for(p, 2, "error", "ERROR_ACCESS_DENIED", "ERROR_ALREADY_EXISTS"),
            "wine:name-checked-before-creation");
  EXPECT_EQ(rule_for(p, 3, "size", 4096, 0), "wine:file-grown-before-name-check");
  EXPECT_EQ(rule_for(p, 3, "size", 0, 4096), "");
  // Without an earlier object of that name, ERROR_ALREADY_EXISTS is not explained.
  const Json fresh = program_of(
      ("[" + file_step("0") +
       R"(, {"call": "CreateFileMappingW", "out": "m1", "file": "h0", "protect": "PAGE_READONLY",
             "size_high": 0, "size_low": 4096, "name": "nkk"}])")
          .c_str());
  EXPECT_EQ(rule_for(fresh, 1, "error", "ERROR_ACCESS_DENIED", "ERROR_ALREADY_EXISTS"), "");
}

TEST(KnownWineDivergences, ViewsBeyondTheSectionProtection) {
  const Json opened = program_of(R"([
    {"call": "CreateFileMappingW", "out": "m", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_READONLY", "size_high": 0, "size_low": 4096, "name": "x"},
    {"call": "OpenFileMappingW", "out": "o", "access": "FILE_MAP_ALL_ACCESS", "name": "x"},
    {"call": "DuplicateHandle", "out": "d", "handle": "m", "access": "FILE_MAP_READ|FILE_MAP_WRITE"},
    {"call": "DuplicateHandle", "out": "s", "handle": "m", "same_access": true},
    {"call": "MapViewOfFile", "out": "v0", "mapping": "o", "access": "0x6"},
    {"call": "MapViewOfFile", "out": "v1", "mapping": "d", "access": "0x6"},
    {"call": "MapViewOfFile", "out": "v2", "mapping": "s", "access": "0x6"},
    {"call": "MapViewOfFile", "out": "v3", "mapping": "m", "access": "0x6"}])");
  EXPECT_EQ(rule_for(opened, 4, "ok", false, true), "wine:opened-handle-skips-protection");
  EXPECT_EQ(rule_for(opened, 5, "ok", false, true), "wine:opened-handle-skips-protection");
  // Through the creating handle (or a same-access duplicate) Wine follows 1D: a real difference.
  EXPECT_EQ(rule_for(opened, 6, "ok", false, true), "");
  EXPECT_EQ(rule_for(opened, 7, "ok", false, true), "");
}

TEST(KnownWineDivergences, CacheModifierOnNoAccessView) {
  const Json p = reserve_view_program("0x14000004");  // PAGE_READWRITE|SEC_RESERVE|SEC_NOCACHE
  EXPECT_EQ(rule_for(p, 2, "protect", "PAGE_NOACCESS", "PAGE_NOACCESS|PAGE_NOCACHE"),
            "wine:cache-modifier-on-noaccess-view");
  EXPECT_EQ(rule_for(p, 2, "protect", "PAGE_READONLY", "PAGE_READONLY|PAGE_NOCACHE"), "");
}

TEST(KnownWineDivergences, ImageSectionFileRights) {
  const Json p = program_of(
      ("[" + file_step("GENERIC_READ|GENERIC_EXECUTE") +
       R"(, {"call": "CreateFileMappingW", "out": "m", "file": "h0", "protect": "0x11000040",
             "size_high": 0, "size_low": 65534, "name": null}])")
          .c_str());
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_ACCESS_DENIED", "ERROR_BAD_EXE_FORMAT"),
            "wine:image-section-file-rights");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_BAD_EXE_FORMAT", "ERROR_ACCESS_DENIED"), "");
}

TEST(KnownWineDivergences, HugePagefileSection) {
  // Found by fuzz_differential: a 1 TiB PAGE_WRITECOPY pagefile section.
  const Json p = program_of(R"([
    {"call": "CreateFileMappingW", "out": "h0", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_WRITECOPY", "size_high": 256, "size_low": 0, "name": null},
    {"call": "CreateFileMappingW", "out": "h1", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_READWRITE|SEC_RESERVE", "size_high": 256, "size_low": 0, "name": null},
    {"call": "CreateFileMappingW", "out": "h2", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_READWRITE", "size_high": 1, "size_low": 0, "name": null}])");
  EXPECT_EQ(rule_for(p, 0, "ok", false, true), "wine:huge-pagefile-section-created");
  EXPECT_EQ(rule_for(p, 0, "error", "ERROR_COMMITMENT_LIMIT", "ERROR_SUCCESS"),
            "wine:huge-pagefile-section-created");
  EXPECT_EQ(rule_for(p, 1, "ok", false, true), "");  // SEC_RESERVE charges nothing
  EXPECT_EQ(rule_for(p, 2, "ok", false, true), "");  // 4 GiB is within the commit limit
  // Found next (crash-90ebeb3c): the file is a CreateFile register whose call failed on both
  // (INVALID_HANDLE_VALUE), 132 GiB; another error is not this rule.
  const Json failed_file = program_of(R"([
    {"call": "CreateFileW", "path": "a.bin", "access": "GENERIC_WRITE", "share": "0",
     "disposition": "CREATE_ALWAYS", "out": "h5"},
    {"call": "CreateFileMappingW", "file": "h5", "protect": "PAGE_READWRITE", "size_high": 33,
     "size_low": 0, "name": null, "out": "h6"},
    {"call": "CreateFileMappingW", "file": "h6", "protect": "PAGE_READWRITE", "size_high": 33,
     "size_low": 0, "name": null, "out": "h7"}])");
  EXPECT_EQ(rule_for(failed_file, 1, "error", "ERROR_COMMITMENT_LIMIT", "ERROR_SUCCESS"),
            "wine:huge-pagefile-section-created");
  EXPECT_EQ(rule_for(failed_file, 2, "error", "ERROR_ACCESS_DENIED", "ERROR_SUCCESS"), "");
  // And an Open* register whose call failed (NULL; crash-5d81478b).
  const Json failed_open = program_of(R"([
    {"call": "OpenEventW", "access": "SYNCHRONIZE", "name": "a", "out": "h0"},
    {"call": "CreateFileMappingW", "file": "h0", "protect": "PAGE_READWRITE", "size_high": 2048,
     "size_low": 0, "name": null, "out": "h2"}])");
  EXPECT_EQ(rule_for(failed_open, 1, "error", "ERROR_COMMITMENT_LIMIT", "ERROR_SUCCESS"),
            "wine:huge-pagefile-section-created");
  // GetCurrentProcess() is INVALID_HANDLE_VALUE too (crash-4c04ef4d).
  const Json current = program_of(R"([
    {"call": "CreateFileMappingW", "file": "CURRENT_PROCESS", "protect": "PAGE_EXECUTE_READ",
     "size_high": 514, "size_low": 0, "name": "Session\\1\\a", "out": "h11"}])");
  EXPECT_EQ(rule_for(current, 0, "ok", false, true), "wine:huge-pagefile-section-created");
}

TEST(KnownWineDivergences, CreateFileBadShare) {
  // Found by fuzz_differential.
  const Json p = program_of(R"([
    {"call": "CreateFileW", "out": "h5", "path": "b.bin", "access": "0x465c6c61",
     "share": "0x6f4c", "disposition": "CREATE_ALWAYS"},
    {"call": "CreateFileW", "out": "h6", "path": "b.bin", "access": "GENERIC_READ",
     "share": "0x7", "disposition": "CREATE_ALWAYS"}])");
  EXPECT_EQ(rule_for(p, 0, "ok", false, true), "wine:create-file-bad-share");
  EXPECT_EQ(rule_for(p, 0, "error", "ERROR_INVALID_PARAMETER", "ERROR_SUCCESS"),
            "wine:create-file-bad-share");
  EXPECT_EQ(rule_for(p, 1, "ok", false, true), "");
}

TEST(KnownWineDivergences, ParameterChecksWineSkips) {
  // Found by fuzz_differential.
  const Json p = program_of(R"([
    {"call": "CreateFileMappingW", "out": "h0", "file": "INVALID_HANDLE_VALUE",
     "protect": "PAGE_READWRITE", "size_high": 0, "size_low": 4096, "name": null},
    {"call": "DuplicateHandle", "out": "h2", "handle": "h0", "access": "0x25"},
    {"call": "CreateFileA", "out": "h1", "path": "a.bin", "access": "0", "share": "0",
     "disposition": "TRUNCATE_EXISTING"},
    {"call": "CreateFileA", "out": "h3", "path": "a.bin", "access": "GENERIC_WRITE",
     "share": "0", "disposition": "TRUNCATE_EXISTING"}])");
  EXPECT_EQ(rule_for(p, 1, "ok", false, true), "wine:rights-outside-all-access");
  EXPECT_EQ(rule_for(p, 2, "error", "ERROR_INVALID_PARAMETER", "ERROR_FILE_NOT_FOUND"),
            "wine:truncate-existing-without-write");
  EXPECT_EQ(rule_for(p, 3, "error", "ERROR_INVALID_PARAMETER", "ERROR_FILE_NOT_FOUND"), "");
  // Found next (crash-1d2b7ea0): the current process duplicated with ACCESS_SYSTEM_SECURITY
  // (0x1000000) among process rights; the same rights without it are not this rule.
  const Json process = program_of(R"([
    {"call": "DuplicateHandle", "handle": "CURRENT_PROCESS", "access": "0x1085c6c",
     "same_access": false, "out": "h2"},
    {"call": "DuplicateHandle", "handle": "CURRENT_PROCESS", "access": "0x85c6c",
     "same_access": false, "out": "h3"}])");
  EXPECT_EQ(rule_for(process, 0, "ok", false, true), "wine:rights-outside-all-access");
  EXPECT_EQ(rule_for(process, 1, "ok", false, true), "");
  // Found next (crash-1790aabd): OpenFileMapping asking 0xff57 of a section; 0xf001f is inside.
  const Json open = program_of(R"([
    {"call": "CreateFileMappingW", "file": "INVALID_HANDLE_VALUE", "protect": "PAGE_EXECUTE_READ",
     "size_high": 0, "size_low": 12288, "name": "a", "out": "h2"},
    {"call": "OpenFileMappingA", "access": "0xff57", "name": "a", "out": "h7"},
    {"call": "OpenFileMappingA", "access": "0xf001f", "name": "a", "out": "h8"},
    {"call": "OpenMutexW", "access": "0x2", "name": "a", "out": "h9"}])");
  EXPECT_EQ(rule_for(open, 1, "ok", false, true), "wine:rights-outside-all-access");
  EXPECT_EQ(rule_for(open, 1, "error", "ERROR_ACCESS_DENIED", "0xdeadbeef"),
            "wine:rights-outside-all-access");
  EXPECT_EQ(rule_for(open, 2, "ok", false, true), "");
  EXPECT_EQ(rule_for(open, 3, "ok", false, true), "wine:rights-outside-all-access");
}

TEST(KnownWineDivergences, NamespaceAndSharingOrder) {
  // Found by fuzz_differential.
  const Json p = program_of(R"([
    {"call": "CreateSemaphoreW", "out": "h3", "name": "a"},
    {"call": "CreateSemaphoreW", "out": "h5", "name": "a\\b"},
    {"call": "CreateSemaphoreW", "out": "h6", "name": "Local\\c"},
    {"call": "CreateFileW", "out": "h2", "path": "a.bin", "access": "GENERIC_READ", "share": "0",
     "disposition": "CREATE_ALWAYS"}])");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_PATH_NOT_FOUND", "ERROR_INVALID_HANDLE"),
            "wine:name-through-non-directory");
  EXPECT_EQ(rule_for(p, 2, "error", "ERROR_PATH_NOT_FOUND", "ERROR_INVALID_HANDLE"), "");
  EXPECT_EQ(rule_for(p, 3, "error", "ERROR_SHARING_VIOLATION", "ERROR_USER_MAPPED_FILE"),
            "wine:share-checked-before-overwrite");
  EXPECT_EQ(rule_for(p, 3, "error", "ERROR_USER_MAPPED_FILE", "ERROR_SHARING_VIOLATION"), "");
}

TEST(KnownWineDivergences, MaximumAllowedFileSharing) {
  // Found by fuzz_differential (crash-69eca66a).
  const Json p = program_of(R"([
    {"call": "CreateFileW", "path": "a.bin", "access": "0x2000000", "share": "FILE_SHARE_READ",
     "disposition": "CREATE_ALWAYS", "out": "h2"},
    {"call": "CreateFileW", "path": "a.bin", "access": "GENERIC_READ|GENERIC_WRITE", "share": "0",
     "disposition": "CREATE_ALWAYS", "out": "h3"},
    {"call": "CreateFileW", "path": "b.bin", "access": "GENERIC_READ|GENERIC_WRITE", "share": "0",
     "disposition": "CREATE_ALWAYS", "out": "h4"}])");
  EXPECT_EQ(rule_for(p, 1, "ok", false, true), "wine:maximum-allowed-file-sharing");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_SHARING_VIOLATION", "ERROR_ALREADY_EXISTS"),
            "wine:maximum-allowed-file-sharing");
  // Another error, or another file, is not this rule.
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_ACCESS_DENIED", "ERROR_ALREADY_EXISTS"), "");
  EXPECT_EQ(rule_for(p, 2, "ok", false, true), "");
  // An image section refuses the MAXIMUM_ALLOWED open as a writer in the model (G3); Wine
  // grants less and answers G7's ERROR_ACCESS_DENIED (crash-513d870a).
  const Json image = program_of(R"([
    {"call": "CreateFileA", "path": "a.bin", "access": "0x2010000",
     "share": "FILE_SHARE_READ|FILE_SHARE_WRITE", "disposition": "TRUNCATE_EXISTING",
     "flags": "FILE_FLAG_DELETE_ON_CLOSE", "out": "h2"}])");
  EXPECT_EQ(rule_for(image, 0, "error", "ERROR_SHARING_VIOLATION", "ERROR_ACCESS_DENIED"),
            "wine:maximum-allowed-file-sharing");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_SHARING_VIOLATION", "ERROR_ACCESS_DENIED"), "");
}

TEST(KnownWineDivergences, FileGrownBeyondTheModelDisk) {
  // Found by fuzz_differential (crash-a382c466): a 6 TiB PAGE_READWRITE section of a file.
  const Json p = program_of(R"([
    {"call": "CreateFileW", "path": "a.bin", "access": "GENERIC_READ|GENERIC_WRITE", "share": "0",
     "disposition": "CREATE_ALWAYS", "out": "h0"},
    {"call": "CreateFileMappingW", "file": "h0", "protect": "PAGE_READWRITE", "size_high": 1536,
     "size_low": 0, "name": "a", "out": "h1"},
    {"call": "SetFileSize", "handle": "h0", "size": 300000000000},
    {"call": "CreateFileMappingW", "file": "h0", "protect": "PAGE_READWRITE", "size_high": 16,
     "size_low": 0, "name": null, "out": "h2"}])");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_DISK_FULL", "ERROR_SUCCESS"),
            "wine:file-grown-beyond-model-disk");
  EXPECT_EQ(rule_for(p, 2, "ok", false, true), "wine:file-grown-beyond-model-disk");
  // 64 GiB fits the model's disk; another error is not this rule.
  EXPECT_EQ(rule_for(p, 3, "error", "ERROR_DISK_FULL", "ERROR_SUCCESS"), "");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_ACCESS_DENIED", "ERROR_SUCCESS"), "");
}

TEST(KnownWineDivergences, ImageSectionSize) {
  // Found by fuzz_differential (crash-8d59fbe9): the minimal PE, SEC_IMAGE, size 65536.
  const Json p = program_of(R"([
    {"call": "CreateFileW", "path": "a.bin", "access": "GENERIC_READ", "share": "0",
     "disposition": "OPEN_EXISTING", "out": "h1"},
    {"call": "CreateFileMappingA", "file": "h1", "protect": "PAGE_READONLY|SEC_IMAGE",
     "size_high": 0, "size_low": 65536, "name": null, "out": "h2"},
    {"call": "CreateFileMappingA", "file": "h1", "protect": "PAGE_READONLY|SEC_IMAGE",
     "size_high": 0, "size_low": 0, "name": null, "out": "h3"}])");
  EXPECT_EQ(rule_for(p, 1, "ok", true, false), "wine:image-section-size-checked");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_SUCCESS", "ERROR_NOT_ENOUGH_MEMORY"),
            "wine:image-section-size-checked");
  // Size 0:0, or another error, is not this rule.
  EXPECT_EQ(rule_for(p, 2, "ok", true, false), "");
  EXPECT_EQ(rule_for(p, 1, "error", "ERROR_SUCCESS", "ERROR_BAD_EXE_FORMAT"), "");
}

TEST(KnownWineDivergences, DeleteOnCloseNameKept) {
  // Found by fuzz_differential (crash-8e21baf9).
  const Json p = program_of(R"([
    {"call": "CreateFileW", "path": "a.bin", "access": "GENERIC_READ|GENERIC_WRITE", "share": "0",
     "disposition": "CREATE_ALWAYS", "flags": "FILE_FLAG_DELETE_ON_CLOSE", "out": "h0"},
    {"call": "SetFileSize", "handle": "h0", "size": 4096},
    {"call": "CreateFileMappingW", "file": "h0", "protect": "PAGE_WRITECOPY", "size_high": 0,
     "size_low": 0, "name": null, "out": "h1"},
    {"call": "CloseHandle", "handle": "h0"},
    {"call": "CreateFileA", "path": "a.bin", "access": "GENERIC_READ|GENERIC_WRITE",
     "share": "FILE_SHARE_READ", "disposition": "OPEN_EXISTING", "out": "h2"},
    {"call": "CreateFileA", "path": "b.bin", "access": "GENERIC_READ", "share": "0",
     "disposition": "OPEN_EXISTING", "out": "h3"}])");
  EXPECT_EQ(rule_for(p, 4, "ok", false, true), "wine:delete-on-close-name-kept");
  EXPECT_EQ(rule_for(p, 4, "error", "ERROR_FILE_NOT_FOUND", "ERROR_SUCCESS"),
            "wine:delete-on-close-name-kept");
  // Another file, or another error, is not this rule.
  EXPECT_EQ(rule_for(p, 5, "ok", false, true), "");
  EXPECT_EQ(rule_for(p, 4, "error", "ERROR_SHARING_VIOLATION", "ERROR_SUCCESS"), "");
  // Delete-pending while another handle holds the file (crash-5a49ac3e); not before the close.
  const Json pending = program_of(R"([
    {"call": "CreateFileA", "path": "b.bin", "access": "0", "share": "0",
     "disposition": "OPEN_ALWAYS", "out": "h4"},
    {"call": "CreateFileA", "path": "b.bin", "access": "0x46100000", "share": "FILE_SHARE_READ",
     "disposition": "CREATE_ALWAYS", "flags": "FILE_FLAG_DELETE_ON_CLOSE", "out": "h5"},
    {"call": "CreateFileW", "path": "b.bin", "access": "GENERIC_READ", "share": "FILE_SHARE_READ",
     "disposition": "OPEN_EXISTING", "out": "h6"},
    {"call": "CloseHandle", "handle": "h5"},
    {"call": "CreateFileW", "path": "b.bin", "access": "GENERIC_READ|GENERIC_WRITE",
     "share": "FILE_SHARE_READ|FILE_SHARE_WRITE", "disposition": "TRUNCATE_EXISTING",
     "flags": "FILE_FLAG_DELETE_ON_CLOSE", "out": "h7"}])");
  EXPECT_EQ(rule_for(pending, 4, "error", "ERROR_ACCESS_DENIED", "ERROR_SUCCESS"),
            "wine:delete-on-close-name-kept");
  EXPECT_EQ(rule_for(pending, 2, "error", "ERROR_ACCESS_DENIED", "ERROR_SUCCESS"), "");
  // Wine's file, still there, refuses the open for its own reason (G7; crash-9e343966).
  EXPECT_EQ(rule_for(p, 4, "error", "ERROR_FILE_NOT_FOUND", "ERROR_ACCESS_DENIED"),
            "wine:delete-on-close-name-kept");
}

TEST(KnownWineDivergences, ReadOnlyFileOverwritten) {
  // Cases sharing/read-only-attribute-* (fuzz_differential crash-5c5f13df found the attribute).
  const Json p = program_of(R"([
    {"call": "CreateFileW", "path": "a.bin", "access": "GENERIC_READ|GENERIC_WRITE", "share": "0",
     "disposition": "CREATE_ALWAYS", "flags": "FILE_ATTRIBUTE_READONLY", "out": "f"},
    {"call": "CloseHandle", "handle": "f"},
    {"call": "CreateFileW", "path": "a.bin", "access": "GENERIC_READ", "share": "0",
     "disposition": "CREATE_ALWAYS", "out": "g"},
    {"call": "CreateFileW", "path": "a.bin", "access": "GENERIC_WRITE", "share": "0",
     "disposition": "OPEN_EXISTING", "out": "h"},
    {"call": "CreateFileW", "path": "b.bin", "access": "GENERIC_READ", "share": "0",
     "disposition": "CREATE_ALWAYS", "out": "i"}])");
  EXPECT_EQ(rule_for(p, 2, "ok", false, true), "wine:read-only-file-overwritten");
  EXPECT_EQ(rule_for(p, 2, "error", "ERROR_ACCESS_DENIED", "ERROR_ALREADY_EXISTS"),
            "wine:read-only-file-overwritten");
  EXPECT_EQ(rule_for(p, 3, "ok", false, true), "wine:read-only-file-overwritten");
  // Another error, or another file, is not this rule.
  EXPECT_EQ(rule_for(p, 3, "error", "ERROR_SHARING_VIOLATION", "ERROR_SUCCESS"), "");
  // Wine reports a sharing violation first (CI's crash-2ace4869: made read-only by a
  // CREATE_ALWAYS asking only FILE_WRITE_ATTRIBUTES while another handle held it).
  EXPECT_EQ(rule_for(p, 2, "error", "ERROR_ACCESS_DENIED", "ERROR_SHARING_VIOLATION"),
            "wine:read-only-file-overwritten");
  // Creating a file read-only and DELETE_ON_CLOSE (crash-f874adcf: flags 0x7d7d7d7d).
  const Json create = program_of(R"([
    {"call": "CreateFileW", "path": "a.bin", "access": "GENERIC_READ|GENERIC_WRITE", "share": "0",
     "disposition": "CREATE_ALWAYS", "flags": "0x7d7d7d7d", "out": "h0"},
    {"call": "CreateFileW", "path": "a.bin", "access": "GENERIC_READ|GENERIC_WRITE", "share": "0",
     "disposition": "CREATE_ALWAYS", "flags": "FILE_FLAG_DELETE_ON_CLOSE", "out": "h1"}])");
  EXPECT_EQ(rule_for(create, 0, "ok", false, true), "wine:read-only-file-overwritten");
  EXPECT_EQ(rule_for(create, 1, "ok", false, true), "wine:read-only-file-overwritten");
  const Json plain = program_of(R"([
    {"call": "CreateFileW", "path": "a.bin", "access": "GENERIC_READ", "share": "0",
     "disposition": "OPEN_ALWAYS", "flags": "FILE_FLAG_DELETE_ON_CLOSE", "out": "h0"}])");
  EXPECT_EQ(rule_for(plain, 0, "ok", false, true), "");
  // DELETE_ON_CLOSE of a read-only file another handle holds (crash-6446c8c6).
  const Json held = program_of(R"([
    {"call": "CreateFileA", "path": "b.bin", "access": "0x6e2d6465", "share": "0",
     "disposition": "OPEN_ALWAYS", "flags": "0x73656d61", "out": "h1"},
    {"call": "CreateFileW", "path": "b.bin", "access": "0", "share": "FILE_SHARE_READ",
     "disposition": "OPEN_ALWAYS", "flags": "FILE_FLAG_DELETE_ON_CLOSE", "out": "h3"},
    {"call": "CreateFileW", "path": "b.bin", "access": "0", "share": "FILE_SHARE_READ",
     "disposition": "OPEN_ALWAYS", "out": "h4"}])");
  EXPECT_EQ(rule_for(held, 1, "error", "ERROR_ACCESS_DENIED", "ERROR_SHARING_VIOLATION"),
            "wine:read-only-file-overwritten");
  EXPECT_EQ(rule_for(held, 2, "error", "ERROR_ACCESS_DENIED", "ERROR_SHARING_VIOLATION"), "");
  EXPECT_EQ(rule_for(p, 4, "ok", false, true), "");
}

TEST(KnownWineDivergences, EveryRuleSaysWhatItRestsOn) {
  for (const DivergenceRule& rule : known_wine_divergences()) {
    SCOPED_TRACE(std::string(rule.id));
    EXPECT_TRUE(rule.id.starts_with("wine:"));
    EXPECT_FALSE(rule.what.empty());
    // An inferred rule names the model's inferred choice; the others cite spec rows.
    if (rule.basis == Basis::inferred) {
      const std::string_view id = rule.spec.substr(0, rule.spec.find(' '));
      EXPECT_NE(find_inferred(id), nullptr) << rule.spec;
    } else {
      EXPECT_TRUE(rule.spec.starts_with("spec:")) << rule.spec;
    }
  }
}

}  // namespace
}  // namespace fmconf::property
