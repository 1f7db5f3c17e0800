"""seed: every claim of the garbled seed page (corpus/seed/seed-page.txt), one case per
claim, with what Windows really does and the spec row that confirms or contradicts it (§2)."""

from gen.case import (PAGE, close, create_file, existing, fail, file_size, fresh, make_case,
                      map_view, mapping, new_file, ok, query, query_section, read_view,
                      reopened_file, write_view)

RWX = "GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE"


def claim(slug, title, kind, rows, verdict, quote, steps, note=""):
    """`verdict`: what the seed claim is worth (confirmed / wrong / incomplete / untested)."""
    source_note = f"seed claim {verdict}" + (f"; {note}" if note else "")
    return make_case(f"seed/{slug}", title, kind, rows, source_note,
                     f"seed: \"{quote}\"", steps, ["seed", "seed-" + verdict_tag(verdict)])


def verdict_tag(verdict):
    """confirmed / wrong / incomplete / untested / not-checkable, for the `tags` field."""
    for word in ("confirmed", "incomplete", "untested", "wrong"):
        if verdict.startswith(word):
            return word
    return "not-checkable"


def protection_claims():
    out = []
    for prot, row, good in (("PAGE_READONLY", "B3", True), ("PAGE_READWRITE", "B5", True),
                            ("PAGE_WRITECOPY", "B9", True), ("PAGE_EXECUTE", "B17", False),
                            ("PAGE_EXECUTE_READ", "B18", True),
                            ("PAGE_EXECUTE_READWRITE", "B20", True),
                            ("PAGE_EXECUTE_WRITECOPY", "B24", True),
                            ("PAGE_NOACCESS", "B2", False)):
        steps = new_file(PAGE, access=RWX) + [
            mapping("m", "f", prot, PAGE,
                    expect=fresh() if good else fail("ERROR_INVALID_PARAMETER"))]
        out.append(claim(
            f"flprotect-lists-{prot.lower().replace('_', '-')}",
            f"Seed lists {prot} as valid for flProtect: "
            f"{'true, it succeeds' if good else 'wrong, ERROR_INVALID_PARAMETER'}",
            "asserted", [row] + (["B33"] if prot == "PAGE_EXECUTE" else []),
            "confirmed" if good else "wrong (§2.2)",
            f"flProtect ... can be one of the following values: ... {prot}", steps,
            "" if good else "PAGE_EXECUTE and PAGE_NOACCESS are not valid for CreateFileMapping "
            "(VirtualProtect accepts PAGE_EXECUTE later, B33)"))
    return out


def hfile_claims():
    out = []
    out.append(claim(
        "hfile-must-have-generic-read", "Seed: a file handle 'must have GENERIC_READ': enough "
        "for PAGE_READONLY", "asserted", ["A7", "H3"], "confirmed for PAGE_READONLY",
        "If this handle is valid, it must have been created with GENERIC_READ access.",
        reopened_file(PAGE, "GENERIC_READ") + [mapping("m", "f", "PAGE_READONLY", 0,
                                                       expect=fresh())]))
    out.append(claim(
        "hfile-generic-read-not-enough-for-readwrite", "Seed's GENERIC_READ rule is incomplete: "
        "PAGE_READWRITE also needs GENERIC_WRITE", "asserted", ["A11", "A5", "H3"],
        "incomplete (§2.4)",
        "If this handle is valid, it must have been created with GENERIC_READ access.",
        reopened_file(2 * PAGE, "GENERIC_READ") + [
            mapping("m", "f", "PAGE_READWRITE", 2 * PAGE, expect=fail("ERROR_ACCESS_DENIED"))],
        "modern Windows ERROR_ACCESS_DENIED; ERROR_INVALID_PARAMETER is old-Windows `broken`"))
    out.append(claim(
        "hfile-generic-read-not-enough-for-execute", "Seed's GENERIC_READ rule is incomplete: "
        "PAGE_EXECUTE_READ also needs GENERIC_EXECUTE", "asserted", ["A13", "H3"],
        "incomplete (§2.4)",
        "If this handle is valid, it must have been created with GENERIC_READ access.",
        reopened_file(2 * PAGE, "GENERIC_READ") + [
            mapping("m", "f", "PAGE_EXECUTE_READ", 2 * PAGE,
                    expect=fail("ERROR_ACCESS_DENIED"))], "TODO_WINE: Wine creates it"))
    out.append(claim(
        "hfile-access-0-fails", "A file handle with access 0 fails even PAGE_READONLY",
        "asserted", ["A10", "A8", "A9"], "incomplete (§2.4)",
        "If this handle is valid, it must have been created with GENERIC_READ access.",
        reopened_file(PAGE, "0") + [
            mapping("m", "f", "PAGE_READONLY", 0,
                    expect=fail(["ERROR_INVALID_PARAMETER", "ERROR_ACCESS_DENIED"]))],
        "EITHER; A10 absent from the table, stated in §2.4"))
    out.append(claim(
        "hfile-invalid-handle-value-is-pagefile", "INVALID_HANDLE_VALUE: not from a file; "
        "pagefile-backed, zero-filled", "documented", ["H11", "S11"], "confirmed",
        "If this handle is INVALID_HANDLE_VALUE, the file mapping is not initialized from a file.",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, expect=fresh()),
         query_section("m", attributes="SEC_COMMIT", section_size=PAGE),
         map_view("v", "m", "FILE_MAP_READ", expect=ok()),
         read_view("v", 4, data="00000000", fault=False)]))
    out.append(claim(
        "hfile-null-is-pagefile", "Seed: hFile NULL means pagefile-backed (wrong as documented; "
        "Windows UNTESTED)", "inferred", ["S16", "H11"], "wrong as documented (§2.1)",
        "If this handle is NULL, the file mapping is backed by the system paging file.",
        [mapping("m", "NULL", "PAGE_READWRITE", PAGE, expect=fresh())],
        "the documented pagefile case is INVALID_HANDLE_VALUE; what Windows does with NULL is "
        "UNTESTED (open question 1): we infer an anonymous section, as Wine's implementation "
        "and kernel32's rewrite of INVALID_HANDLE_VALUE to a NULL file handle suggest"))
    out.append(claim(
        "pagefile-needs-a-size", "Pagefile mapping without a size fails ERROR_INVALID_PARAMETER",
        "documented", ["S16", "H8"], "confirmed for INVALID_HANDLE_VALUE (§2.3)",
        "When creating a file mapping object backed by the system paging file (i.e., hFile is "
        "NULL), the size of the mapping must be specified.",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", 0,
                 expect=fail("ERROR_INVALID_PARAMETER"))],
        "DOC-SHM 'You must specify a size greater than zero'; the NULL part is wrong (§2.1)"))
    out.append(claim(
        "hfile-null-without-size", "hFile NULL with size 0:0 fails ERROR_INVALID_PARAMETER "
        "(UNTESTED)", "inferred", ["S16"], "untested (§2.1)",
        "When creating a file mapping object backed by the system paging file (i.e., hFile is "
        "NULL), the size of the mapping must be specified.",
        [mapping("m", "NULL", "PAGE_READWRITE", 0, expect=fail("ERROR_INVALID_PARAMETER"))],
        "UNTESTED on Windows; with no file and no size there is nothing to size the section by "
        "(Wine: ERROR_INVALID_PARAMETER)"))
    return out


def size_claims():
    out = []
    out.append(claim(
        "size-high-zero-low-zero-means-file-size", "Both size DWORDs 0 on a file: the section "
        "takes the file's size", "asserted", ["S8", "H8"], "wrong/meaningless (§2.3)",
        "dwMaximumSizeHigh ... This parameter can be NULL if dwMaximumSizeLow is 0.",
        new_file(0x3456) + [mapping("m", "f", "PAGE_READONLY", 0, expect=fresh()),
                            query_section("m", attributes="SEC_FILE", section_size=0x3456)],
        "the size DWORDs are values, not pointers; 0:0 means 'the current file size' (H8)"))
    out.append(claim(
        "size-zero-on-empty-file", "Both size DWORDs 0 on an empty file: ERROR_FILE_INVALID",
        "asserted", ["S3", "H8"], "wrong/meaningless (§2.3)",
        "dwMaximumSizeLow ... This parameter can be NULL if dwMaximumSizeHigh is 0.",
        new_file(0) + [mapping("m", "f", "PAGE_READWRITE", 0,
                               expect=fail("ERROR_FILE_INVALID"))]))
    out.append(claim(
        "size-high-nonzero-absurd", "A non-zero dwMaximumSizeHigh is a real size: absurd values "
        "fail", "asserted", ["S4"], "wrong/meaningless (§2.3)",
        "dwMaximumSizeHigh The 32 most significant bits of the maximum size",
        new_file(0) + [mapping("m", "f", "PAGE_READWRITE", 0x10000, size_high=0x8000000,
                               expect=fail(["ERROR_NOT_ENOUGH_MEMORY",
                                            "ERROR_INVALID_PARAMETER"]))], "EITHER"))
    return out


def other_claims():
    out = []
    out.append(claim(
        "creates-or-opens-named-object", "CreateFileMapping creates a named object, then opens it "
        "(ERROR_ALREADY_EXISTS)", "asserted", ["N1", "N2", "H9"], "confirmed",
        "The CreateFileMapping function creates or opens a named or unnamed file mapping object.",
        [mapping("m1", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, name="SeedName",
                 expect=fresh()),
         mapping("m2", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, name="SeedName",
                 expect=existing())]))
    out.append(claim(
        "lpname-null-is-unnamed", "lpName NULL: unnamed objects, each create is fresh", "asserted",
        ["N1", "S11"], "confirmed",
        "lpName ... If this parameter is NULL, the file mapping object has no name.",
        [mapping("m1", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, expect=fresh()),
         mapping("m2", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, expect=fresh()),
         map_view("v1", "m1", "FILE_MAP_WRITE", expect=ok()), write_view("v1", "ab"),
         map_view("v2", "m2", "FILE_MAP_READ", expect=ok()),
         read_view("v2", 1, data="00", fault=False)]))
    out.append(claim(
        "failure-returns-null", "On failure the return value is NULL with an error code "
        "(not INVALID_HANDLE_VALUE)", "asserted", ["B1", "H9"], "confirmed",
        "If the function fails, the return value is NULL. To get extended error information, "
        "call GetLastError.",
        [mapping("m", "INVALID_HANDLE_VALUE", "0", PAGE, expect=fail("ERROR_INVALID_PARAMETER"))],
        "H9: 'failure -> NULL'"))
    out.append(claim(
        "security-attributes-inherit", "lpFileMappingAttributes with bInheritHandle: the call "
        "works as with NULL", "inferred", ["N1"], "not checkable",
        "lpFileMappingAttributes A pointer to a SECURITY_ATTRIBUTES structure that specifies "
        "whether the returned handle can be inherited by child processes.",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, inherit=True,
                 expect=fresh())],
        "the spec has no row about inheritance and no call here observes it"))
    out.append(claim(
        "large-pagefile-backed-object", "A 1 MiB pagefile-backed mapping works and is committed",
        "asserted", ["S20"], "confirmed",
        "A file mapping object provides a way to create a potentially large file that is backed "
        "by the system paging file, instead of a physical file on disk.",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE|SEC_COMMIT", 0x100000,
                 expect=fresh()),
         map_view("v", "m", "FILE_MAP_WRITE", expect=ok()),
         query("v", state="MEM_COMMIT", protect="PAGE_READWRITE", region_size=0x100000)]))
    out.append(claim(
        "mapviewoffile-does-not-commit", "MapViewOfFile does not commit SEC_RESERVE pages; "
        "SEC_COMMIT commits at creation", "asserted", ["S17", "S18", "H4"], "wrong (S17)",
        "To commit pages to the file mapping object, use the MapViewOfFile function.",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE|SEC_RESERVE", 0x100000,
                 expect=fresh()),
         map_view("v", "m", "FILE_MAP_WRITE", expect=ok()),
         query("v", state="MEM_RESERVE", protect="0", allocation_protect="PAGE_READWRITE",
               region_size=0x100000)],
        "commit is done by SEC_COMMIT (the default, H4) or VirtualAlloc(MEM_COMMIT) on a "
        "SEC_RESERVE view (S18), not by MapViewOfFile"))
    out.append(claim(
        "same-name-shares-memory", "Processes that use the same lpName share the memory (same "
        "object, ERROR_ALREADY_EXISTS)", "asserted", ["N18"], "confirmed",
        "For sharing memory between processes, ensure that the lpName parameter is consistent "
        "across all processes that need to access the mapping.",
        [mapping("p", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, name="SeedShared",
                 expect=fresh()),
         map_view("pv", "p", "FILE_MAP_WRITE", expect=ok()), write_view("pv", "4d3c2b1a"),
         mapping("c", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, name="SeedShared",
                 expect=existing()),
         map_view("cv", "c", "FILE_MAP_READ", expect=ok()),
         read_view("cv", 4, data="4d3c2b1a", fault=False)],
        "shown within one process (two handles), as N18 does with a child"))
    return out


def example_cases():
    out = []
    open_file = create_file(path="my_shared_file.txt", access="GENERIC_READ|GENERIC_WRITE",
                            share="0", disposition="CREATE_ALWAYS",
                            expect={"ok": True, "error": "ERROR_SUCCESS"})
    out.append(make_case(
        "seed/example-program", "Seed example: new file, PAGE_READWRITE 1024 named: succeeds, "
        "file grows to 1024", "documented", ["S1", "S6", "H11", "H9"],
        "seed example confirmed (§2.5): DOC-CFM Remarks; Windows-run evidence S1/S2 and S6 for "
        "page-multiple growth, the 1024-byte growth is stated only by the docs",
        "§2.5: CreateFileMapping succeeds and extends the file on disk to the requested size "
        "(1024 bytes); GetLastError 0 if the name was new",
        [open_file, file_size("f", 0),
         mapping("m", "f", "PAGE_READWRITE", 1024, name="MyFileMappingObject", expect=fresh()),
         file_size("f", 1024), close("m"), close("f")],
        ["seed", "seed-example"]))
    out.append(make_case(
        "seed/example-program-readonly", "Seed example with PAGE_READONLY instead: fails "
        "ERROR_NOT_ENOUGH_MEMORY, file stays empty", "asserted", ["S5", "A19"],
        "§2.5: 'With PAGE_READONLY the same call would instead fail (S5/A19: "
        "ERROR_NOT_ENOUGH_MEMORY)'",
        "§2.5: with PAGE_READONLY the same call fails",
        [open_file, mapping("m", "f", "PAGE_READONLY", 1024, name="MyFileMappingObject",
                            expect=fail("ERROR_NOT_ENOUGH_MEMORY")),
         file_size("f", 0), close("f")], ["seed", "seed-example"]))
    out.append(make_case(
        "seed/example-program-name-exists", "Seed example when the name already exists: existing "
        "object with its current size", "documented", ["H9", "N2"],
        "§2.5: ERROR_ALREADY_EXISTS and a handle to the existing object 'with its current size, "
        "not the specified size'", "H9",
        [mapping("old", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE,
                 name="MyFileMappingObject", expect=fresh()),
         open_file,
         mapping("m", "f", "PAGE_READWRITE", 1024, name="MyFileMappingObject",
                 expect=existing()),
         query_section("m", attributes="SEC_COMMIT", section_size=PAGE)],
        ["seed", "seed-example"]))
    return out


def cases():
    out = protection_claims() + hfile_claims() + size_claims() + other_claims() + \
        example_cases()
    return [("seed-claims.jsonl", c) for c in out]
