"""names: named mappings (§3, table 1E): create/reopen, case, prefixes, backslashes, empty and
long names, non-ASCII, A vs W, collisions with events/mutexes/semaphores both ways, and reopening
with another protection."""

from gen.case import (PAGE, close, existing, fail, fresh, make_case, map_view, mapping, ok,
                      open_mapping, query, query_section, read_view, step, write_view)

A = "CreateFileMappingA"
OA = "OpenFileMappingA"


def anon(out, name, expect, call="CreateFileMappingW", protect="PAGE_READWRITE", size=PAGE):
    return mapping(out, "INVALID_HANDLE_VALUE", protect, size, name=name, expect=expect, call=call)


def table_cases():
    out = []
    out.append(make_case(
        "names/n1-n2-create-then-recreate", "Named pagefile mapping: fresh create error 0, "
        "second create ERROR_ALREADY_EXISTS", "asserted", ["N1", "N2", "H9"],
        "V test_CreateFileMapping; N2 absent from the table (§0.3 and §3 cite it for "
        "ERROR_ALREADY_EXISTS on re-create)",
        "N1: new -> handle, GetLastError 0; H9: existing name -> handle to the existing object, "
        "ERROR_ALREADY_EXISTS",
        [anon("m1", "Wine Test Mapping", fresh(), A, "SEC_COMMIT|PAGE_READWRITE", 0x1000),
         anon("m2", "Wine Test Mapping", existing(), A, "SEC_COMMIT|PAGE_READWRITE", 0x1000)],
        ["names"]))
    out.append(make_case(
        "names/n3-case-sensitive", "Names differing only in case are different objects",
        "asserted", ["N3", "N1"], "V test_CreateFileMapping",
        "N3: 'WINE TEST MAPPING' -> new, distinct object, GetLastError 0 (names are "
        "case-sensitive)",
        [anon("m1", "Wine Test Mapping", fresh(), A, "SEC_COMMIT|PAGE_READWRITE", 0x1000),
         anon("m2", "WINE TEST MAPPING", fresh(), A, "SEC_COMMIT|PAGE_READWRITE", 0x1000),
         map_view("v1", "m1", "FILE_MAP_WRITE", expect=ok()), write_view("v1", "2a"),
         map_view("v2", "m2", "FILE_MAP_READ", expect=ok()),
         read_view("v2", 1, data="00", fault=False)], ["names", "case"]))
    out.append(make_case(
        "names/n4-open-all-access", "OpenFileMappingA(FILE_MAP_ALL_ACCESS) of an existing name",
        "asserted", ["N4"], "V test_CreateFileMapping", "N4: handle",
        [anon("m", "Wine Test Mapping", fresh(), A, "SEC_COMMIT|PAGE_READWRITE", 0x1000),
         open_mapping("o", "FILE_MAP_ALL_ACCESS", "Wine Test Mapping", expect=ok(), call=OA),
         map_view("v", "o", "FILE_MAP_WRITE", expect=ok())], ["names"]))
    out.append(make_case(
        "names/n5-open-other-case-not-found", "OpenFileMapping with the name in another case: "
        "ERROR_FILE_NOT_FOUND", "asserted", ["N5", "N3"],
        "absent row N5; §3: names are case-sensitive (N3, N5) and opening a non-existent name "
        "fails ERROR_FILE_NOT_FOUND (N5, N14)",
        "§3: OpenFileMapping of a non-existent name -> NULL + ERROR_FILE_NOT_FOUND (2)",
        [anon("m", "Wine Test Mapping", fresh(), A, "SEC_COMMIT|PAGE_READWRITE", 0x1000),
         open_mapping("o", "FILE_MAP_ALL_ACCESS", "WINE TEST MAPPING",
                      expect=fail("ERROR_FILE_NOT_FOUND"), call=OA)], ["names", "case"]))
    local = [anon("m", "Local\\Foo", fresh(), A, size=4090)]
    out.append(make_case(
        "names/n6-n7-n8-local-prefix-read-handle", "Local\\Foo: a FILE_MAP_READ handle maps read "
        "but not write", "asserted", ["N6", "N7", "N8", "H16"], "V test_MapViewOfFile",
        "N7: FILE_MAP_WRITE view -> ERROR_ACCESS_DENIED; N8: FILE_MAP_READ view PAGE_READONLY, "
        "RegionSize 4096 (4090 rounded)",
        local + [open_mapping("r", "FILE_MAP_READ", "Local\\Foo", expect=ok(), call=OA),
                 map_view("w", "r", "FILE_MAP_WRITE", expect=fail("ERROR_ACCESS_DENIED")),
                 map_view("v", "r", "FILE_MAP_READ", expect=ok()),
                 query("v", allocation_protect="PAGE_READONLY", protect="PAGE_READONLY",
                       region_size=PAGE, state="MEM_COMMIT")], ["names", "prefix"]))
    out.append(make_case(
        "names/n9-n10-query-needs-section-query", "Local\\Foo: NtQuerySection needs SECTION_QUERY",
        "asserted", ["N9", "N10", "S11"], "V test_MapViewOfFile",
        "N10: FILE_MAP_READ|SECTION_QUERY -> Attributes SEC_COMMIT, Size 4096 (page-rounded)",
        local + [open_mapping("r", "FILE_MAP_READ", "Local\\Foo", expect=ok(), call=OA),
                 query_section("r", expect=fail("ERROR_ACCESS_DENIED")),
                 open_mapping("q", "FILE_MAP_READ|SECTION_QUERY", "Local\\Foo", expect=ok(),
                              call=OA),
                 query_section("q", attributes="SEC_COMMIT", section_size=PAGE)],
        ["names", "prefix"]))
    out.append(make_case(
        "names/n11-write-handle-cannot-map-read", "A FILE_MAP_WRITE handle cannot map "
        "FILE_MAP_READ", "asserted", ["N11"], "V test_MapViewOfFile",
        "N11: NULL (FILE_MAP_WRITE handle lacks SECTION_MAP_READ), ERROR_ACCESS_DENIED",
        local + [open_mapping("w", "FILE_MAP_WRITE", "Local\\Foo", expect=ok(), call=OA),
                 map_view("v", "w", "FILE_MAP_READ", expect=fail("ERROR_ACCESS_DENIED"))],
        ["names", "prefix"]))
    out.append(make_case(
        "names/n12-write-handle-cannot-map-write", "A FILE_MAP_WRITE-only handle cannot map "
        "FILE_MAP_WRITE either", "inferred", ["N12", "N11", "D44"],
        "absent row N12; inferred from N11 and the 1D rule 'a view needing no access still needs "
        "SECTION_MAP_READ': a read/write view needs SECTION_MAP_READ as well as SECTION_MAP_WRITE",
        "1D: a view needing no access still needs SECTION_MAP_READ",
        local + [open_mapping("w", "FILE_MAP_WRITE", "Local\\Foo", expect=ok(), call=OA),
                 map_view("v", "w", "FILE_MAP_WRITE", expect=fail("ERROR_ACCESS_DENIED"))],
        ["names", "prefix"]))
    out.append(make_case(
        "names/n22-n23-third-create-exists", "Creating an existing name again and again: "
        "ERROR_ALREADY_EXISTS each time", "asserted", ["N22", "N23"],
        "OM test_name_collisions (the NtCreateSection OBJ_OPENIF step is a CreateFileMappingA "
        "here: STATUS_OBJECT_NAME_EXISTS -> ERROR_ALREADY_EXISTS, §0.3)",
        "N23: then CreateFileMappingA again with same name -> handle, ERROR_ALREADY_EXISTS",
        [anon("m1", "om.c-test", fresh(), A, size=256), anon("m2", "om.c-test", existing(), A,
                                                              size=256),
         anon("m3", "om.c-test", existing(), A, size=256)], ["names"]))
    out.append(make_case(
        "names/n32-local-and-unprefixed-are-one-namespace",
        "An unprefixed name and Local\\ + the same name are one object", "asserted",
        ["N32", "N6"], "§3: unprefixed and Local\\ names both live in \\Sessions\\<id>\\"
        "BaseNamedObjects", "§3: unprefixed names and 'Local\\' names go to \\Sessions\\<id>\\"
        "BaseNamedObjects",
        [anon("m1", "Foo", fresh()), anon("m2", "Local\\Foo", existing()),
         open_mapping("o", "FILE_MAP_READ", "Local\\Foo", expect=ok())], ["names", "prefix"]))
    return out


def collision_cases():
    out = []
    creators = {"event": ("CreateEventW", {}, "OpenEventW", "EVENT_ALL_ACCESS"),
                "mutex": ("CreateMutexW", {}, "OpenMutexW", "MUTEX_ALL_ACCESS"),
                "semaphore": ("CreateSemaphoreW", {"initial": 0, "maximum": 1}, "OpenSemaphoreW",
                              "SEMAPHORE_ALL_ACCESS")}
    for kind, (create, extra, open_call, all_access) in creators.items():
        obj = step(create, out="o", name="shared-name", expect=fresh(), **extra)
        out.append(make_case(
            f"names/n26-create-mapping-on-{kind}-name",
            f"CreateFileMapping with the name of an existing {kind}: ERROR_INVALID_HANDLE",
            "documented", ["N26", "N24", "H17"],
            "DOC-CFM lpName; absent row N24 (NT STATUS_OBJECT_TYPE_MISMATCH on Vista+) agrees",
            "N26: lpName matching an event, semaphore, mutex, waitable timer or job -> NULL + "
            "ERROR_INVALID_HANDLE (6), 'because these objects share the same namespace'",
            [obj, anon("m", "shared-name", fail("ERROR_INVALID_HANDLE"))],
            ["names", "collision"]))
        out.append(make_case(
            f"names/n25-open-mapping-on-{kind}-name",
            f"OpenFileMapping with the name of an existing {kind}: ERROR_INVALID_HANDLE",
            "asserted", ["N25", "H17"], "DERIVED: STATUS_OBJECT_TYPE_MISMATCH -> "
            "ERROR_INVALID_HANDLE", "N25: open object of wrong type -> STATUS_OBJECT_TYPE_MISMATCH",
            [obj, open_mapping("m", "FILE_MAP_READ", "shared-name",
                               expect=fail("ERROR_INVALID_HANDLE"))], ["names", "collision"]))
        out.append(make_case(
            f"names/create-{kind}-on-mapping-name",
            f"Create{kind.capitalize()}W with the name of an existing mapping: "
            f"ERROR_INVALID_HANDLE",
            "documented", ["H17", "N24", "N26"],
            "one namespace for all these types (H17, DOC-SHM: creating 'fails if they specify a "
            "name that is in use by an object of another type'); the Create* docs name "
            "ERROR_INVALID_HANDLE, as N26 does the other way round",
            "H17: kernel object names share one namespace for events, semaphores, mutexes, "
            "waitable timers, jobs and file mappings",
            [anon("m", "shared-name", fresh()),
             step(create, out="o", name="shared-name", expect=fail("ERROR_INVALID_HANDLE"),
                  **extra)], ["names", "collision"]))
        out.append(make_case(
            f"names/open-{kind}-on-mapping-name",
            f"Open{kind.capitalize()}W with the name of an existing mapping: ERROR_INVALID_HANDLE",
            "asserted", ["N25", "H17"], "DERIVED (N25): STATUS_OBJECT_TYPE_MISMATCH -> "
            "ERROR_INVALID_HANDLE", "N25",
            [anon("m", "shared-name", fresh()),
             step(open_call, out="o", access=all_access, name="shared-name",
                  expect=fail("ERROR_INVALID_HANDLE"))], ["names", "collision"]))
    open_zero = [("N27", "OpenEventW", "CreateEventW", {}),
                 ("N28", "OpenSemaphoreW", "CreateSemaphoreW", {"initial": 0, "maximum": 1})]
    out.append(make_case(
        "names/n30-open-mutex-access-0", "OpenMutexW with access 0: ERROR_ACCESS_DENIED",
        "asserted", ["N30"], "S test_mutex", "N30: OpenMutexA(0 access, existing name) -> NULL, "
        "ERROR_ACCESS_DENIED",
        [step("CreateMutexW", out="o", name="WineTestMutex", expect=fresh()),
         step("OpenMutexW", out="h", access="0", name="WineTestMutex",
              expect=fail("ERROR_ACCESS_DENIED"))], ["names", "access"]))
    for row, open_call, create, extra in open_zero:
        out.append(make_case(
            f"names/{row.lower()}-{open_call.lower()}-access-0",
            f"{open_call} with access 0: ERROR_ACCESS_DENIED", "inferred", [row, "N30"],
            f"absent row {row}; §3: 'OpenMutex with access 0 -> ERROR_ACCESS_DENIED (N30) - "
            "analogous rule for Open*'", "§3: analogous rule for Open*",
            [step(create, out="o", name="open-zero", expect=fresh(), **extra),
             step(open_call, out="h", access="0", name="open-zero",
                  expect=fail("ERROR_ACCESS_DENIED"))], ["names", "access"]))
    out.append(make_case(
        "names/n29-openfilemapping-access-0", "OpenFileMappingW with access 0: "
        "ERROR_ACCESS_DENIED", "inferred", ["N29", "N30"],
        "absent row N29; §3: the N30 rule is 'analogous for Open*'",
        "§3: OpenMutex with access 0 -> ERROR_ACCESS_DENIED (N30) - analogous rule for Open*",
        [anon("m", "open-zero", fresh()),
         open_mapping("h", "0", "open-zero", expect=fail("ERROR_ACCESS_DENIED"))],
        ["names", "access"]))
    out.append(make_case(
        "names/n31-open-mutex-with-access", "OpenMutexW with MUTEX_ALL_ACCESS of an existing "
        "name works", "inferred", ["N31", "N30"],
        "absent row N31; the positive counterpart of N30 (S test_mutex opens with real rights)",
        "N30", [step("CreateMutexW", out="o", name="WineTestMutex", expect=fresh()),
                step("OpenMutexW", out="h", access="MUTEX_ALL_ACCESS", name="WineTestMutex",
                     expect=ok())], ["names", "access"]))
    return out


def reopen_cases():
    out = []
    base = [anon("m", "reopen", fresh()), map_view("v", "m", "FILE_MAP_WRITE", expect=ok()),
            write_view("v", "5a")]
    for prot, write_ok in (("PAGE_READONLY", False), ("PAGE_WRITECOPY", False),
                           ("PAGE_EXECUTE_READ", False), ("PAGE_EXECUTE_READWRITE", True)):
        out.append(make_case(
            f"names/reopen-with-{prot.lower().replace('_', '-')}",
            f"Re-create a PAGE_READWRITE name with {prot}: the handle gets its rights",
            "documented", ["H9", "N7"],
            "DOC-CFM: the re-create 'requests access to the object with the protection that "
            "flProtect specifies' (§3, DERIVED with N7; open question 9: not tested)",
            "H9: existing name -> handle to the existing object (current size), "
            "ERROR_ALREADY_EXISTS",
            base + [anon("r", "reopen", existing(), protect=prot),
                    map_view("rv", "r", "FILE_MAP_READ", expect=ok()),
                    read_view("rv", 1, data="5a", fault=False),
                    map_view("rw", "r", "FILE_MAP_WRITE",
                             expect=ok() if write_ok else fail("ERROR_ACCESS_DENIED"))],
            ["names", "reopen"]))
    out.append(make_case(
        "names/reopen-keeps-current-size", "Re-creating a name with a bigger size returns the "
        "object with its current size", "documented", ["H9"], "DOC-CFM",
        "H9: 'returns a handle to the existing object (with its current size, not the specified "
        "size)'",
        [anon("m", "reopen", fresh()), anon("r", "reopen", existing(), size=4 * PAGE),
         query_section("r", attributes="SEC_COMMIT", section_size=PAGE)], ["names", "reopen"]))
    out.append(make_case(
        "names/reopen-pagefile-size-0", "Pagefile create with size 0:0 and an existing name "
        "(open question 2)", "inferred", ["S16", "H9"],
        "open question 2: Windows may return the existing object (ERROR_ALREADY_EXISTS) or fail "
        "ERROR_INVALID_PARAMETER before the lookup (Wine); both accepted",
        "§7 question 2", [anon("m", "reopen", fresh()),
                          anon("r", "reopen", {"ok": [True, False],
                                               "error": ["ERROR_ALREADY_EXISTS",
                                                         "ERROR_INVALID_PARAMETER"]}, size=0)],
        ["names", "reopen", "open-question"]))
    return out


def opened_handle_cases():
    """A handle from OpenFileMapping(FILE_MAP_ALL_ACCESS) holds every section right; a view is
    still checked against the section's protection (table 1D)."""
    out = []
    for prot, access, row in (("PAGE_READONLY", "FILE_MAP_WRITE", "D2"),
                              ("PAGE_EXECUTE_READ", "FILE_MAP_READ|FILE_MAP_WRITE", "D6"),
                              ("PAGE_READWRITE", "FILE_MAP_EXECUTE|FILE_MAP_COPY", "D17")):
        out.append(make_case(
            f"names/open-all-access-{prot.lower().replace('_', '-')}-{row.lower()}",
            f"All-access opened handle, {prot} section, view {access}: denied", "inferred", [row, "N4"],
            "inferred:section-handle-access: the 1D rows (recorded with CreateFileMapping's "
            "handle) follow the section's protection, whatever rights the handle holds; found by "
            "the differential property Differential/StatefulProgramsOfApiCalls against Wine 8.0, "
            "triaged in issue 5",
            f"{row}: {access} on a {prot} mapping is DENIED; N4: OpenFileMapping("
            "FILE_MAP_ALL_ACCESS) of an existing name",
            [anon("m", "opened", fresh(), protect=prot),
             open_mapping("o", "FILE_MAP_ALL_ACCESS", "opened", expect=ok()),
             map_view("v", "o", access, expect=fail("ERROR_ACCESS_DENIED")),
             map_view("r", "o", "FILE_MAP_READ", expect=ok())],
            ["names", "open"]))
    return out


def spelling_cases():
    out = []
    out.append(make_case(
        "names/backslash-in-name", "A name with a backslash after the prefix: "
        "ERROR_PATH_NOT_FOUND", "asserted", ["H16", "N32"],
        "DERIVED: NT STATUS_OBJECT_PATH_NOT_FOUND (OM test_directory) -> ERROR_PATH_NOT_FOUND",
        "DOC-CFM: 'The remainder of the name can contain any character except the backslash'",
        [anon("m", "abc\\def", fail("ERROR_PATH_NOT_FOUND")),
         open_mapping("o", "FILE_MAP_READ", "abc\\def", expect=fail("ERROR_PATH_NOT_FOUND"))],
        ["names", "backslash"]))
    out.append(make_case(
        "names/lowercase-local-keyword", "\"local\\\\Foo\": the keyword is case-sensitive, so it "
        "is a backslash name: ERROR_PATH_NOT_FOUND", "asserted", ["H16", "N32"],
        "DOC-NS: the Global\\ / Local\\ keywords are case sensitive; then the backslash rule "
        "(DERIVED ERROR_PATH_NOT_FOUND)", "§3: 'Global\\\\' / 'Local\\\\' keywords are case "
        "sensitive too", [anon("m", "local\\Foo", fail("ERROR_PATH_NOT_FOUND"))],
        ["names", "backslash", "case"]))
    out.append(make_case(
        "names/leading-backslash", "A name starting with a backslash: ERROR_BAD_PATHNAME",
        "asserted", ["H16"], "DERIVED: a leading backslash relative to a root directory is "
        "STATUS_OBJECT_PATH_SYNTAX_BAD -> ERROR_BAD_PATHNAME (§3); raw name so the runner's "
        "prefix does not hide the backslash",
        "§3: Leading '\\\\' relative to a root dir -> STATUS_OBJECT_PATH_SYNTAX_BAD",
        [anon("m", "\\fmconf-leading-backslash", fail("ERROR_BAD_PATHNAME"))],
        ["names", "backslash"], raw_names=True))
    out.append(make_case(
        "names/global-prefix", "Global\\ name: creation needs SeCreateGlobalPrivilege outside "
        "session 0 (error UNTESTED)", "inferred", ["H16", "N32"],
        "DOC-CFM/DOC-NS: creating in Global\\ from a non-zero session needs "
        "SeCreateGlobalPrivilege; the error without it is UNTESTED (open question 7): either "
        "result accepted; when created, an open by the same name finds it",
        "§3: the check applies to creation only", [
            anon("m", "Global\\Foo", {"ok": [True, False],
                                      "error": ["ERROR_SUCCESS", "ERROR_ACCESS_DENIED"]})],
        ["names", "prefix", "open-question"]))
    out.append(make_case(
        "names/session-prefix", "Session\\1\\ name (reserved for system use): result UNTESTED",
        "inferred", ["H16", "N32"],
        "DOC-NS: the Session\\ prefix is reserved for system use; kernel32 behaviour UNTESTED: "
        "success or failure accepted",
        "§3: 'Session\\\\' prefix: DOC-NS 'reserved for system use'", [
            anon("m", "Session\\1\\Foo", {"ok": [True, False]})],
        ["names", "prefix", "open-question"]))
    out.append(make_case(
        "names/empty-name-is-unnamed", "An empty name creates unnamed objects: two creates are "
        "both fresh", "inferred", ["N1", "H9"],
        "§3: empty name UNTESTED at kernel32 level; DERIVED (low confidence) from OM "
        "test_name_limits: an empty UNICODE_STRING creates an unnamed object",
        "§3: CreateFileMappingA(..., \"\") behaves like an unnamed create",
        [anon("m1", "", fresh(), A), anon("m2", "", fresh(), A),
         map_view("v1", "m1", "FILE_MAP_WRITE", expect=ok()), write_view("v1", "11"),
         map_view("v2", "m2", "FILE_MAP_READ", expect=ok()),
         read_view("v2", 1, data="00", fault=False)], ["names", "empty", "open-question"]))
    out.append(make_case(
        "names/open-empty-name", "OpenFileMappingA(\"\"): ERROR_INVALID_HANDLE", "inferred",
        ["N25"], "§3 DERIVED (low confidence): opening an empty name relative to "
        "BaseNamedObjects resolves to the directory -> STATUS_OBJECT_TYPE_MISMATCH -> "
        "ERROR_INVALID_HANDLE", "§3: OpenFileMappingA(..., \"\") -> ERROR_INVALID_HANDLE",
        [open_mapping("o", "FILE_MAP_READ", "", expect=fail("ERROR_INVALID_HANDLE"), call=OA)],
        ["names", "empty", "open-question"]))
    return out


def long_name_cases():
    out = []
    for call, n, expect, note in (
            ("W", 259, fresh(), None), ("W", 260, fresh(), None), ("W", 261, fresh(), None),
            ("W", 32766, fresh(),
             "OM test_name_limits: 65532 bytes (32766 WCHARs) -> STATUS_SUCCESS"),
            ("W", 32767, fail(["ERROR_INVALID_NAME", "ERROR_FILENAME_EXCED_RANGE"]),
             "OM: 65534 bytes -> STATUS_OBJECT_NAME_INVALID (ERROR_INVALID_NAME); if kernel32 "
             "rejects the string first it is STATUS_NAME_TOO_LONG (ERROR_FILENAME_EXCED_RANGE)"),
            ("A", 259, fresh(), None),
            ("A", 260, {"ok": [True, False], "error": ["ERROR_SUCCESS",
                                                       "ERROR_FILENAME_EXCED_RANGE"]},
             "Wine converts into WCHAR buffer[MAX_PATH] and fails at 260 characters (WINE-IMPL); "
             "Windows is unverified (open question 6): both accepted"),
            ("A", 261, fail("ERROR_FILENAME_EXCED_RANGE"), None),
            ("A", 32767, fail("ERROR_FILENAME_EXCED_RANGE"), None)):
        name = ("fmconf-long-" + "n" * n)[:n]
        if call == "W":
            why = note or ("kernel32 W limit UNTESTED (open question 6); DOC-CFM states no limit "
                           "and the NT limit is 32766 WCHARs (OM), so the name is accepted")
        else:
            why = note or ("WINE-IMPL (K32): A names of 260 or more characters (with the NUL "
                           "over MAX_PATH) fail ERROR_FILENAME_EXCED_RANGE; Windows unverified "
                           "(open question 6)" if n > 260 else
                           "an A name below MAX_PATH converts fine (K32); Windows unverified")
        steps = [anon("m", name, expect, "CreateFileMapping" + call)]
        if expect.get("ok") is True:
            steps.append(open_mapping("o", "FILE_MAP_READ", name, expect=ok(),
                                      call="OpenFileMapping" + call))
            steps += [close("o"), close("m")]
        out.append(make_case(
            f"names/long-name-{call.lower()}-{n}", f"CreateFileMapping{call} with a {n}-character "
            f"name", "inferred", ["N1"], why,
            "§3: length limits: NT 32766 WCHARs ok, 65534 bytes STATUS_OBJECT_NAME_INVALID; A "
            "variants (WINE-IMPL) ERROR_FILENAME_EXCED_RANGE from 260 characters",
            steps, ["names", "long", "open-question"], raw_names=True))
    return out


def charset_cases():
    out = []
    uni = "fmconf-\u00fcn\u00efc\u00f8d\u00e9-\u540d\u524d-\U0001F600"
    out.append(make_case(
        "names/non-ascii-w", "A W name with non-ASCII characters (incl. a surrogate pair) "
        "round-trips", "inferred", ["N1", "N4"],
        "names 'can contain any character except the backslash' (DOC-CFM, §3); no Windows-run "
        "test uses non-ASCII names", "§3: the remainder of the name can contain any character "
        "except the backslash",
        [anon("m", uni, fresh()), open_mapping("o", "FILE_MAP_READ", uni, expect=ok())],
        ["names", "charset"]))
    out.append(make_case(
        "names/a-create-w-open", "A name created with CreateFileMappingA opens with "
        "OpenFileMappingW", "asserted", ["N4", "N1"],
        "A calls only convert the name (ANSI code page) and behave as W (§3, V uses the A "
        "calls throughout)", "N4",
        [anon("m", "caf\u00e9", fresh(), A), open_mapping("o", "FILE_MAP_READ", "caf\u00e9",
                                                         expect=ok())], ["names", "charset"]))
    out.append(make_case(
        "names/w-create-a-open", "A name created with CreateFileMappingW opens with "
        "OpenFileMappingA", "asserted", ["N4", "N1"], "as above, the other direction", "N4",
        [anon("m", "caf\u00e9", fresh()), open_mapping("o", "FILE_MAP_READ", "caf\u00e9",
                                                      expect=ok(), call=OA)],
        ["names", "charset"]))
    out.append(make_case(
        "names/a-unmappable-becomes-question-mark",
        "A name with a character outside the ANSI code page becomes '?' in the A call",
        "inferred", ["N5", "N4"],
        "the runner converts A names to Windows-1252 with '?' for unmappable characters (the "
        "case-format contract), so the A object is named with '?': the W name with the CJK "
        "character is not found (N5) and the '?' name is",
        "§3 / contract: A names are converted with the ANSI code page",
        [anon("m", "x\u540dy", fresh(), A),
         open_mapping("o1", "FILE_MAP_READ", "x\u540dy", expect=fail("ERROR_FILE_NOT_FOUND")),
         open_mapping("o2", "FILE_MAP_READ", "x?y", expect=ok())], ["names", "charset"]))
    return out


def cases():
    out = [("table-1e.jsonl", c) for c in table_cases()]
    out += [("collisions.jsonl", c) for c in collision_cases()]
    out += [("reopen.jsonl", c) for c in reopen_cases()]
    out += [("open.jsonl", c) for c in opened_handle_cases()]
    out += [("spelling.jsonl", c) for c in spelling_cases()]
    out += [("long.jsonl", c) for c in long_name_cases()]
    out += [("charset.jsonl", c) for c in charset_cases()]
    return out
