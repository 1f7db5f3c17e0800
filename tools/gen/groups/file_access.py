"""file-access: CreateFileMapping on file handles of every access mask the spec names, times every
valid protection (H3, A5-A20, §2.4), plus the rows of table 1A as written."""

from gen import rules
from gen.case import (PAGE, close, fail, fresh, make_case, map_view, mapping, new_file, ok, pe_file,
                      reopened_file, file_size, set_size, step)

R, W, X = rules.R, rules.W, rules.X
MASKS = [0, R, W, X, R | W, R | X, W | X, R | W | X]
FILE_SIZE = 12288  # table 1A: the file is extended to 12288 bytes; sizes are (0, 4096)


def matrix_case(mask, p):
    need = rules.REQUIRED_FILE_RIGHTS[p]
    prot = rules.VALID[p]
    access = rules.generic_mask_name(mask)
    if mask == 0:
        expect = fail(["ERROR_INVALID_PARAMETER", "ERROR_ACCESS_DENIED"])
        rows = {0x04: ["A8"], 0x08: ["A9"], 0x02: ["A10"]}.get(p, ["A8", "A9", "A10"]) + ["H3"]
        note = ("EITHER: a handle with access 0 fails every protection with "
                "ERROR_INVALID_PARAMETER or ERROR_ACCESS_DENIED on all Windows versions")
        if p in (0x20, 0x40, 0x80):
            note += "; execute protections derived from A8-A10"
        if p == 0x02:
            note += "; A10 is absent from the table (stated in §2.4: 'access-0 file fails even "\
                    "for PAGE_READONLY (A8-A10)')"
        kind = "asserted"
    elif need & mask == need:
        expect = fresh()
        rows = ({R: ["A7" if p == 0x02 else "A6"]}.get(mask, [])
                + (["A20"] if mask == R | W | X else []) + ["H3"])
        note = "the handle has every right H3 requires for " + prot
        kind = "asserted" if rows[0] != "H3" else "documented"
    else:
        expect = fail("ERROR_ACCESS_DENIED")
        specific = {(R, 0x04): ["A11", "A5"], (R, 0x40): ["A12"], (R, 0x20): ["A13"],
                    (R, 0x80): ["A14"]}.get((mask, p))
        rows = (specific or ["A11", "A12", "A13", "A14"]) + ["H3"]
        note = ("the handle lacks a right H3 requires for " + prot +
                "; modern Windows reports ERROR_ACCESS_DENIED (old Windows ERROR_INVALID_PARAMETER "
                "is `broken`, not accepted)")
        if not specific:
            note += "; error code derived from A11-A14"
        kind = "asserted" if specific else "documented"
        if (mask, p) in ((R, 0x20), (R, 0x80)):
            note += "; TODO_WINE: Wine creates the mapping"
    steps = reopened_file(FILE_SIZE, access) + [
        mapping("m", "f", prot, 4096, expect=expect)]
    if expect["ok"]:
        steps.append(close("m"))
    title = f"File opened {access} + {prot}: {'ok' if expect['ok'] else 'fails'}"
    info = ("H3: PAGE_READONLY/PAGE_WRITECOPY -> GENERIC_READ; PAGE_READWRITE -> GENERIC_READ+"
            "GENERIC_WRITE; PAGE_EXECUTE_READ/PAGE_EXECUTE_WRITECOPY -> GENERIC_READ+"
            "GENERIC_EXECUTE; PAGE_EXECUTE_READWRITE -> all three")
    return make_case(f"file-access/{rules.generic_mask_slug(mask)}-{rules.SHORT[p]}", title, kind,
                     rows, note, info, steps, ["file-access", "generated", "file-backed"])


def row_cases():
    out = []
    rw = "GENERIC_READ|GENERIC_WRITE"
    for row, prot in (("A1", "PAGE_READONLY"), ("A2", "PAGE_READWRITE"),
                      ("A3", "PAGE_WRITECOPY")):
        out.append(make_case(
            f"file-access/{row.lower()}-rw-file-{prot.lower().replace('_', '-')}-smaller-size",
            f"R/W 12288-byte file, {prot} with size 4096 (smaller than the file): ok",
            "asserted", [row, "H3"],
            "absent row; §5: 'Size smaller than the file: fine (12288-byte file, 4096-byte "
            "mapping, A1-A3)'",
            "§5: size smaller than the file is fine; the file keeps its size",
            new_file(FILE_SIZE) + [mapping("m", "f", prot, 4096, expect=fresh()),
                                   file_size("f", FILE_SIZE)],
            ["file-access", "table-1A"]))
    for prot, brow in (("PAGE_NOACCESS", "B2"), ("PAGE_EXECUTE", "B17")):
        out.append(make_case(
            f"file-access/a4-rw-file-{prot.lower().replace('_', '-')}",
            f"R/W file, {prot}: NULL + ERROR_INVALID_PARAMETER",
            "asserted", ["A4", brow],
            "absent row; §2.2: 'Both fail with NULL + ERROR_INVALID_PARAMETER (87): B2, B17, A4'",
            "§2.2: PAGE_EXECUTE and PAGE_NOACCESS are not valid for CreateFileMapping",
            new_file(FILE_SIZE) + [mapping("m", "f", prot, 4096,
                                           expect=fail("ERROR_INVALID_PARAMETER"))],
            ["file-access", "table-1A"]))
    out.append(make_case(
        "file-access/a5-read-only-handle-readwrite",
        "GENERIC_READ handle + PAGE_READWRITE: NULL, ERROR_ACCESS_DENIED or "
        "ERROR_INVALID_PARAMETER",
        "asserted", ["A5"], "EITHER in test_MapViewOfFile (test_mapping pins ERROR_ACCESS_DENIED,"
        " A11)", "A5: NULL, ERROR_INVALID_PARAMETER or ERROR_ACCESS_DENIED",
        reopened_file(FILE_SIZE, "GENERIC_READ") + [
            mapping("m", "f", "PAGE_READWRITE", 4096,
                    expect=fail(["ERROR_ACCESS_DENIED", "ERROR_INVALID_PARAMETER"]))],
        ["file-access", "table-1A"]))
    out.append(make_case(
        "file-access/a15-read-only-handle-readonly-two-pages",
        "GENERIC_READ handle, 2-page file: PAGE_READONLY and PAGE_WRITECOPY succeed",
        "asserted", ["A15", "A6", "A7", "H3"],
        "absent row; test_mapping(readonly=TRUE) creates the read-only protections on a "
        "GENERIC_READ file (1D: 'GENERIC_READ file (only PAGE_READONLY/PAGE_WRITECOPY succeed)')",
        "1D: file kinds tested: ... GENERIC_READ file (only PAGE_READONLY/PAGE_WRITECOPY succeed)",
        reopened_file(8192, "GENERIC_READ") + [
            mapping("m1", "f", "PAGE_READONLY", 8192, expect=fresh()),
            mapping("m2", "f", "PAGE_WRITECOPY", 8192, expect=fresh()),
            map_view("v", "m2", "FILE_MAP_COPY", expect=ok())],
        ["file-access", "table-1A"]))
    out.append(make_case(
        "file-access/a16-read-only-shared-handle-readonly",
        "GENERIC_READ handle with share read/write + PAGE_READONLY size 4096: ok",
        "asserted", ["A16"], "V test_NtAreMappedFilesTheSame (kernel32.dll there; a data file "
        "here)", "A16: GENERIC_READ only, share R/W, PAGE_READONLY size 4096 -> handle",
        reopened_file(FILE_SIZE, "GENERIC_READ") + [
            mapping("m", "f", "PAGE_READONLY", 4096, expect=fresh())],
        ["file-access", "table-1A"]))
    out.append(make_case(
        "file-access/a17-read-only-handle-sec-image",
        "GENERIC_READ handle on a PE + SEC_IMAGE|PAGE_READONLY: ok",
        "asserted", ["A17", "H5"],
        "absent row; §2.4: 'Exception: SEC_IMAGE|PAGE_READONLY works on a GENERIC_READ-only "
        "handle (A17)'", "§2.4: SEC_IMAGE|PAGE_READONLY works on a GENERIC_READ-only handle",
        pe_file("GENERIC_READ") + [mapping("m", "f", "SEC_IMAGE|PAGE_READONLY", 0,
                                           expect=fresh())],
        ["file-access", "table-1A", "sec-image"]))
    out.append(make_case(
        "file-access/a18-read-only-empty-file-readwrite-size0",
        "GENERIC_READ handle on an empty file + PAGE_READWRITE 0:0: ERROR_ACCESS_DENIED first",
        "asserted", ["A18", "S3"],
        "PAL CreateFileMappingW/test9 (secondary evidence): the access check is reported before "
        "the zero-size check", "A18: NULL, ERROR_ACCESS_DENIED (access check reported before "
        "zero-size check)",
        reopened_file(0, "GENERIC_READ") + [
            mapping("m", "f", "PAGE_READWRITE", 2048, expect=fail()),
            mapping("m", "f", "PAGE_READWRITE", 0, expect=fail("ERROR_ACCESS_DENIED"))],
        ["file-access", "table-1A"]))
    out.append(make_case(
        "file-access/a19-read-only-empty-file-readonly-2048",
        "GENERIC_READ handle on an empty file + PAGE_READONLY 2048: ERROR_NOT_ENOUGH_MEMORY",
        "asserted", ["A19", "S5"], "PAL test9 (secondary), agrees with DERIVED S5",
        "A19: NULL, ERROR_NOT_ENOUGH_MEMORY (8)",
        reopened_file(0, "GENERIC_READ") + [
            mapping("m", "f", "PAGE_READONLY", 2048, expect=fail("ERROR_NOT_ENOUGH_MEMORY")),
            file_size("f", 0)],
        ["file-access", "table-1A"]))
    return out


def end_of_file_cases():
    """SetFileSize (SetFilePointerEx + SetEndOfFile) through handles without FILE_WRITE_DATA."""
    out = []
    for access in ("0", "GENERIC_READ"):
        out.append(make_case(
            f"file-access/set-file-size-access-{access.lower().replace('_', '-')}",
            f"SetFileSize through a {access} file handle: ERROR_ACCESS_DENIED, size unchanged",
            "inferred", [],
            "inferred:end-of-file-access, outside spec: SetEndOfFile's documentation requires "
            "GENERIC_WRITE (NtSetInformationFile FileEndOfFileInformation needs "
            "FILE_WRITE_DATA); found by the differential property Differential/StatefulProgramsOfApiCalls "
            "against Wine 8.0, triaged in issue 5",
            "SetEndOfFile: 'The handle must be created with the GENERIC_WRITE access right' "
            "(Microsoft documentation, not in the spec's tables)",
            new_file(PAGE, share="FILE_SHARE_READ|FILE_SHARE_WRITE") + [
                step("CreateFileW", out="r", path="data.bin", access=access,
                     share="FILE_SHARE_READ|FILE_SHARE_WRITE", disposition="OPEN_EXISTING",
                     expect=ok()),
                set_size("r", 2 * PAGE, expect=fail("ERROR_ACCESS_DENIED")),
                file_size("f", PAGE)],
            ["file-access", "end-of-file"]))
    return out


def cases():
    out = [("matrix.jsonl", matrix_case(mask, p)) for mask in MASKS for p in sorted(rules.VALID)]
    out += [("end-of-file.jsonl", c) for c in end_of_file_cases()]
    out += [("table-1a.jsonl", c) for c in row_cases()]
    return out
