"""handles: what CreateFileMapping / MapViewOfFile / QuerySection do with odd handles: NULL,
INVALID_HANDLE_VALUE, the pseudo-handles, closed and stale values, other object types, and
reduced-access duplicates (§4, D41-D44, D56, D57, N9, N33)."""

from gen.case import (PAGE, close, duplicate, fail, fresh, make_case, map_view, mapping, new_file,
                      ok, query_section, read_view, step)

DERIVED_TYPE = ("UNTESTED for CreateFileMapping (§4, open question 1); DERIVED: a handle of the "
                "wrong object type gives STATUS_OBJECT_TYPE_MISMATCH -> ERROR_INVALID_HANDLE (6)")


def hfile_cases():
    out = []
    for name, size, expect, kind, rows, note in (
            ("INVALID_HANDLE_VALUE", PAGE, fresh(), "documented", ["H11", "S11"],
             "pagefile-backed, contents zero (DOC-CFM)"),
            ("INVALID_HANDLE_VALUE", 0, fail("ERROR_INVALID_PARAMETER"), "documented",
             ["S16", "H8"], "DOC-SHM + WINE-IMPL; absent row S16"),
            ("CURRENT_PROCESS", PAGE, fresh(), "inferred", ["H11", "S11"],
             "GetCurrentProcess() equals INVALID_HANDLE_VALUE numerically, so it can only be the "
             "pagefile case (§4, 'by definition; UNTESTED explicitly')"),
            ("CURRENT_PROCESS", 0, fail("ERROR_INVALID_PARAMETER"), "inferred", ["S16"],
             "same value as INVALID_HANDLE_VALUE (§4), so 0:0 fails as S16"),
            ("NULL", PAGE, fresh(), "inferred", ["H11", "S11"],
             "UNTESTED on Windows (§2.1, open question 1); Wine's implementation treats NULL as "
             "'no file' and creates an anonymous section for size > 0, and kernel32 passes no "
             "file to NtCreateSection for INVALID_HANDLE_VALUE either (it rewrites it to 0), so "
             "we infer a pagefile-backed section"),
            ("NULL", 0, fail("ERROR_INVALID_PARAMETER"), "inferred", ["S16"],
             "UNTESTED (§2.1); with no file and no size NtCreateSection has nothing to size the "
             "section by: Wine fails ERROR_INVALID_PARAMETER, as for INVALID_HANDLE_VALUE (S16)"),
    ):
        steps = [mapping("m", name, "PAGE_READWRITE", size, expect=expect)]
        if expect["ok"]:
            steps += [query_section("m", attributes="SEC_COMMIT", section_size=size),
                      map_view("v", "m", "FILE_MAP_READ", expect=ok()),
                      read_view("v", 8, data="00" * 8, fault=False)]
        out.append(make_case(
            f"handles/hfile-{name.lower().replace('_', '-')}-size-{size}",
            f"hFile {name}, size {size}: "
            f"{'pagefile-backed, zeroed' if expect['ok'] else expect['error']}",
            kind, rows, note, "§4: INVALID_HANDLE_VALUE, size > 0: pagefile-backed section; "
            "initial contents zero (DOC-CFM); size 0:0 -> ERROR_INVALID_PARAMETER", steps,
            ["handles"] + (["open-question"] if kind == "inferred" else [])))
    others = [
        ("current-thread", [], "CURRENT_THREAD"),
        ("event", [step("CreateEventW", out="e", name=None, expect=fresh())], "e"),
        ("mutex", [step("CreateMutexW", out="e", name=None, expect=fresh())], "e"),
        ("semaphore", [step("CreateSemaphoreW", out="e", name=None, initial=0, maximum=1,
                            expect=fresh())], "e"),
        ("mapping", [mapping("e", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE,
                             expect=fresh())], "e"),
    ]
    for slug, setup, handle in others:
        out.append(make_case(
            f"handles/hfile-{slug}-handle", f"hFile is a {slug.replace('-', ' ')} handle: "
            f"ERROR_INVALID_HANDLE", "inferred", ["N25", "N33"], DERIVED_TYPE,
            "§4: GetCurrentThread(), event/mutex handle, mapping handle: UNTESTED for "
            "CreateFileMapping; NT: wrong object type -> STATUS_OBJECT_TYPE_MISMATCH",
            setup + [mapping("m", handle, "PAGE_READONLY", PAGE,
                             expect=fail("ERROR_INVALID_HANDLE"))], ["handles"]))
    out.append(make_case(
        "handles/hfile-closed-file-handle", "hFile is a file handle already closed: "
        "ERROR_INVALID_HANDLE", "inferred", ["N33"],
        "§4: closed/garbage handle UNTESTED for CreateFileMapping; STATUS_INVALID_HANDLE -> "
        "ERROR_INVALID_HANDLE (§0.3), e.g. ReadFile((HANDLE)0xdead) -> ERROR_INVALID_HANDLE",
        "§4: Closed/garbage handle -> DERIVED ERROR_INVALID_HANDLE",
        new_file(PAGE) + [close("f"), mapping("m", "f", "PAGE_READONLY", 0,
                                              expect=fail("ERROR_INVALID_HANDLE"))],
        ["handles", "stale"]))
    out.append(make_case(
        "handles/hfile-garbage-value", "hFile is the garbage value 0xdead: ERROR_INVALID_HANDLE",
        "inferred", ["N33"], "§4 DERIVED: STATUS_INVALID_HANDLE -> ERROR_INVALID_HANDLE (the "
        "value V test_write_watch uses with ReadFile)",
        "§4: e.g. ReadFile((HANDLE)0xdead) -> ERROR_INVALID_HANDLE",
        [mapping("m", "0xdead", "PAGE_READONLY", PAGE, expect=fail("ERROR_INVALID_HANDLE"))],
        ["handles", "stale"]))
    out.append(make_case(
        "handles/hfile-duplicate-with-read-only-access",
        "File handle duplicated with GENERIC_READ: PAGE_READWRITE denied, PAGE_READONLY ok",
        "asserted", ["A11", "H3", "A7"],
        "a duplicate keeps only the rights asked for; the H3 file-rights rule then applies as "
        "in A11 (ERROR_ACCESS_DENIED) and A7 (ok)",
        "H3: PAGE_READWRITE needs GENERIC_READ and GENERIC_WRITE",
        new_file(PAGE) + [duplicate("d", "f", access="GENERIC_READ"),
                          mapping("m1", "d", "PAGE_READWRITE", 0,
                                  expect=fail("ERROR_ACCESS_DENIED")),
                          mapping("m2", "d", "PAGE_READONLY", 0, expect=fresh())],
        ["handles", "file-access"]))
    out.append(make_case(
        "handles/hfile-duplicate-same-access", "File handle duplicated with the same access "
        "maps PAGE_READWRITE", "asserted", ["A20", "H3"],
        "DUPLICATE_SAME_ACCESS keeps GENERIC_READ|GENERIC_WRITE", "H3",
        new_file(PAGE) + [duplicate("d", "f", same_access=True),
                          mapping("m", "d", "PAGE_READWRITE", 0, expect=fresh())],
        ["handles"]))
    out.append(make_case(
        "handles/inherit-true", "CreateFileMapping with an inheritable SECURITY_ATTRIBUTES works "
        "as without", "inferred", ["N1"],
        "the spec has no row about lpFileMappingAttributes; bInheritHandle only marks the handle "
        "inheritable, which no call here observes", "N1: fresh creation, GetLastError 0",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, inherit=True,
                 expect=fresh()),
         map_view("v", "m", "FILE_MAP_WRITE", expect=ok())], ["handles"]))
    return out


def mapping_handle_cases():
    out = []
    for name in ("NULL", "INVALID_HANDLE_VALUE"):
        out.append(make_case(
            f"handles/d57-mapview-{name.lower().replace('_', '-')}",
            f"MapViewOfFile on {name}: NULL, ERROR_INVALID_HANDLE", "asserted", ["D57", "D56"],
            "PAL MapViewOfFile/test5 (secondary evidence, 'check is loose'); D56 "
            "(NtMapViewOfSection"
            " with a NULL process handle -> STATUS_INVALID_HANDLE) is the NT-level analogue",
            "D57: NULL or INVALID_HANDLE_VALUE as mapping handle -> ERROR_INVALID_HANDLE",
            [map_view("v", name, "FILE_MAP_WRITE", expect=fail("ERROR_INVALID_HANDLE"))],
            ["handles"]))
    out.append(make_case(
        "handles/mapview-closed-mapping-handle", "MapViewOfFile on a closed mapping handle: "
        "ERROR_INVALID_HANDLE", "inferred", ["D57"],
        "§4 DERIVED: STATUS_INVALID_HANDLE -> ERROR_INVALID_HANDLE", "D57",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, expect=fresh()), close("m"),
         map_view("v", "m", "FILE_MAP_READ", expect=fail("ERROR_INVALID_HANDLE"))],
        ["handles", "stale"]))
    for slug, setup in (("file", new_file(PAGE)),
                        ("event", [step("CreateEventW", out="f", name=None, expect=fresh())])):
        out.append(make_case(
            f"handles/mapview-{slug}-handle", f"MapViewOfFile on a {slug} handle: "
            "ERROR_INVALID_HANDLE", "inferred", ["D57", "N25"], DERIVED_TYPE,
            "§4: wrong object type -> STATUS_OBJECT_TYPE_MISMATCH -> ERROR_INVALID_HANDLE",
            setup + [map_view("v", "f", "FILE_MAP_READ", expect=fail("ERROR_INVALID_HANDLE"))],
            ["handles"]))
    out.append(make_case(
        "handles/h0-readonly-dup-access-0-every-view-denied",
        "PAGE_READONLY mapping duplicated with access 0: every view ERROR_ACCESS_DENIED",
        "asserted", ["D43", "D0", "D1", "D4"], "§4 'trick' of test_mapping (H0 column of 1D)",
        "§4: PAGE_READONLY mapping duplicated with access 0 -> every MapViewOfFile "
        "ERROR_ACCESS_DENIED",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READONLY", PAGE, expect=fresh()),
         duplicate("d", "m", access="0"),
         map_view("v0", "d", "0", expect=fail("ERROR_ACCESS_DENIED")),
         map_view("v1", "d", "FILE_MAP_COPY", expect=fail("ERROR_ACCESS_DENIED")),
         map_view("v2", "d", "FILE_MAP_READ", expect=fail("ERROR_ACCESS_DENIED"))],
        ["handles", "views"]))
    out.append(make_case(
        "handles/n9-query-section-needs-section-query",
        "QuerySection on a FILE_MAP_READ duplicate: ERROR_ACCESS_DENIED", "asserted", ["N9", "N10"],
        "V test_MapViewOfFile (N9: STATUS_ACCESS_DENIED -> ERROR_ACCESS_DENIED, §0.3)",
        "N9: NtQuerySection on handle opened with FILE_MAP_READ only -> STATUS_ACCESS_DENIED",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, expect=fresh()),
         duplicate("d", "m", access="FILE_MAP_READ"),
         query_section("d", expect=fail("ERROR_ACCESS_DENIED")),
         duplicate("q", "m", access="FILE_MAP_READ|SECTION_QUERY"),
         query_section("q", attributes="SEC_COMMIT", section_size=PAGE)], ["handles"]))
    out.append(make_case(
        "handles/h10-created-handle-has-full-access",
        "The handle CreateFileMapping returns can query and map for write", "documented",
        ["H10"], "DOC-CFM", "H10: 'The handle that CreateFileMapping returns has full access to "
        "a new file mapping object'",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, expect=fresh()),
         query_section("m", attributes="SEC_COMMIT", section_size=PAGE),
         map_view("v", "m", "FILE_MAP_ALL_ACCESS", expect=ok())], ["handles"]))
    out.append(make_case(
        "handles/n33-file-call-on-mapping-handle",
        "GetFileSize on a mapping handle: ERROR_INVALID_HANDLE", "inferred", ["N33"],
        "N33 records GetFileType on a mapping handle -> ERROR_INVALID_HANDLE (TODO_WINE); "
        "GetFileType is not in the case vocabulary, GetFileSizeEx is another file call on the "
        "wrong object type (STATUS_OBJECT_TYPE_MISMATCH -> ERROR_INVALID_HANDLE)",
        "N33: mapping handle passed to GetFileType -> FILE_TYPE_UNKNOWN, ERROR_INVALID_HANDLE",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, expect=fresh()),
         step("GetFileSize", handle="m", expect=fail("ERROR_INVALID_HANDLE"))],
        ["handles", "todo-wine"]))
    out.append(make_case(
        "handles/close-stale-handle", "CloseHandle on a handle already closed: FALSE, "
        "ERROR_INVALID_HANDLE", "inferred", ["N33"],
        "STATUS_INVALID_HANDLE -> ERROR_INVALID_HANDLE (§0.3); not a spec row",
        "§4: closed handle -> DERIVED ERROR_INVALID_HANDLE",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, expect=fresh()), close("m"),
         close("m", expect=fail("ERROR_INVALID_HANDLE"))], ["handles", "stale"]))
    out.append(make_case(
        "handles/file-handle-closed-after-mapping", "Closing the file handle leaves the mapping "
        "usable", "asserted", ["G1", "N13"], "§4: 'File handle closed after CreateFileMapping: "
        "mapping stays usable and still enforces sharing (G1-G7)'",
        "§4: mapping stays usable after the file handle is closed",
        new_file(0) + [step("WriteFile", handle="f", data="61626364", expect=ok()),
                       mapping("m", "f", "PAGE_READONLY", 0, expect=fresh()), close("f"),
                       map_view("v", "m", "FILE_MAP_READ", expect=ok()),
                       read_view("v", 4, data="61626364", fault=False)],
        ["handles", "lifetime"]))
    return out


def duplicate_cases():
    """DuplicateHandle of a file handle asking for more than the source grants (the mapping
    handle counterpart is D41-D44)."""
    return [make_case(
        "handles/duplicate-file-handle-above-source",
        "DuplicateHandle(FILE_WRITE_DATA) of a file handle opened with access 0: "
        "ERROR_ACCESS_DENIED", "inferred", ["D41", "D42"],
        "inferred:duplicate-above-source: a file's rights are fixed at open (sharing was checked "
        "against them); D41-D44 record reduced mapping handles only; found by the differential "
        "property Differential/StatefulProgramsOfApiCalls against Wine 8.0, triaged in issue 5",
        "DuplicateHandle: 'In some cases, the new handle can have more access rights than the "
        "original handle. However, in other cases, DuplicateHandle cannot'",
        new_file(PAGE) + [
            step("CreateFileW", out="z", path="data.bin", access="0",
                 share="FILE_SHARE_READ|FILE_SHARE_WRITE", disposition="OPEN_EXISTING",
                 expect=ok()),
            duplicate("d", "z", "FILE_WRITE_DATA", expect=fail("ERROR_ACCESS_DENIED")),
            duplicate("e", "z", "0", expect=ok())],
        ["handles", "duplicate"])]


def cases():
    return [("hfile.jsonl", c) for c in hfile_cases()] + \
        [("mapping-handle.jsonl", c) for c in mapping_handle_cases()] + \
        [("duplicate.jsonl", c) for c in duplicate_cases()]
