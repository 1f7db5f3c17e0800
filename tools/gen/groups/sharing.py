"""sharing: table 1G (opening a mapped file again) and N18-N21 (two handles/views of one named
object within one process, copy-on-write privacy, S22)."""

from gen.case import (PAGE, close, create_file, existing, fail, fresh, make_case, map_view,
                      mapping, ok, read_file, read_view, set_size, write_file, write_view)

SHARE_RW = "FILE_SHARE_READ|FILE_SHARE_WRITE"


def mapped_file(protect, image=False):
    """1G setup: file opened GENERIC_READ|GENERIC_WRITE share 0, mapping 0:0, file handle closed."""
    steps = [create_file(path="test.dll" if image else "data.bin")]
    steps.append(write_file("f", "@minimal-pe") if image else set_size("f", PAGE))
    steps += [mapping("m", "f", protect, 0, expect=fresh()), close("f")]
    return steps


def open_again(access, share, disposition="OPEN_EXISTING", flags=None, expect=None, image=False):
    return create_file(out="g", path="test.dll" if image else "data.bin", access=access,
                       share=share, disposition=disposition, flags=flags, call="CreateFileA",
                       expect=expect)


def table_1g():
    out = []
    for prot in ("PAGE_READONLY", "PAGE_WRITECOPY", "PAGE_READWRITE"):
        p = prot.lower().replace("_", "-")
        for access in ("GENERIC_READ", "GENERIC_WRITE", "GENERIC_READ|GENERIC_WRITE"):
            for share in ("0", "FILE_SHARE_READ", SHARE_RW):
                if prot == "PAGE_READWRITE" and "FILE_SHARE_WRITE" not in share:
                    expect, kind, rows, note = (
                        fail("ERROR_SHARING_VIOLATION"), "inferred", ["G2", "G1"],
                        "absent row G2 (the PAGE_READWRITE line of test_file_sharing); inferred: "
                        "a writable data section counts as a writer (NT's IoCheckShareAccess "
                        "refuses a non-write-sharing open while the file has user-writable "
                        "references), so an open that does not share write access is a sharing "
                        "violation; G1 lists only the read-only protections as always opening")
                elif prot == "PAGE_READWRITE":
                    expect, kind, rows, note = (
                        ok("ERROR_SUCCESS"), "inferred", ["G2", "G6"],
                        "absent row G2; an open that shares write access is compatible with a "
                        "writable section (G6 opens such a mapped file with share R|W)")
                else:
                    expect, kind, rows, note = (ok("ERROR_SUCCESS"), "asserted", ["G1"],
                                                "F test_file_sharing")
                a = access.lower().replace("generic_", "").replace("|", "-")
                s = {"0": "share0", "FILE_SHARE_READ": "share-r", SHARE_RW: "share-rw"}[share]
                out.append(make_case(
                    f"sharing/g-{p}-open-{a}-{s}",
                    f"{prot} mapping holds the file; open {a}, {s}: "
                    f"{'ok' if expect['ok'] else 'sharing violation'}", kind, rows, note,
                    "G1: PAGE_READONLY or PAGE_WRITECOPY mapping, CreateFileA(any access, any "
                    "sharing, OPEN_EXISTING) succeeds (error 0)",
                    mapped_file(prot) + [open_again(access, share, expect=expect)],
                    ["sharing", "table-1G"]))
        if prot == "PAGE_READWRITE":
            out.append(make_case(
                f"sharing/g-{p}-open-none-share0", f"{prot} mapping holds the file; open asking "
                "no access, share 0: ok", "inferred", ["G2", "G1"], "inferred: share access is "
                "checked over the access the open asks (NT's IoCheckShareAccess checks nothing "
                "for an open without read, write or delete access), so a writable section (G2) "
                "does not conflict. Found by fuzz_differential (Wine: sharing violation)",
                "G1: PAGE_READONLY or PAGE_WRITECOPY mapping, CreateFileA(any access, any "
                "sharing, OPEN_EXISTING) succeeds (error 0)",
                mapped_file(prot) + [open_again("0", "0", expect=ok("ERROR_SUCCESS"))],
                ["sharing", "table-1G"]))
        out.append(make_case(
            f"sharing/g4-{p}-create-always", f"{prot} mapping holds the file; CREATE_ALWAYS: "
            "ERROR_USER_MAPPED_FILE", "asserted", ["G4"], "F test_file_sharing",
            "G4: CreateFileA(GENERIC_WRITE, share R|W, CREATE_ALWAYS) fails, "
            "ERROR_USER_MAPPED_FILE",
            mapped_file(prot) + [open_again("GENERIC_WRITE", SHARE_RW, "CREATE_ALWAYS",
                                            expect=fail("ERROR_USER_MAPPED_FILE"))],
            ["sharing", "table-1G"]))
        out.append(make_case(
            f"sharing/g4-{p}-create-always-no-access", f"{prot} mapping holds the file; "
            "CREATE_ALWAYS, access 0, share 0: ERROR_USER_MAPPED_FILE", "inferred",
            ["G4", "G2"], "inferred: share access is checked over the access the open asks "
            "(NT's IoCheckShareAccess checks nothing for an open without read, write or delete "
            "access, so not even a writable section conflicts, G2); the overwrite of a mapped "
            "file then fails as in G4. Found by fuzz_differential (Wine: sharing violation for "
            "a writable section)",
            "G4: CreateFileA(GENERIC_WRITE, share R|W, CREATE_ALWAYS) fails, "
            "ERROR_USER_MAPPED_FILE",
            mapped_file(prot) + [open_again("0", "0", "CREATE_ALWAYS",
                                            expect=fail("ERROR_USER_MAPPED_FILE"))],
            ["sharing", "table-1G"]))
        out.append(make_case(
            f"sharing/g6-{p}-delete-on-close", f"{prot} mapping holds the file; DELETE_ON_CLOSE "
            "open succeeds", "asserted", ["G6"], "F test_file_sharing",
            "G6: CreateFileA(GENERIC_READ, share R|W, OPEN_EXISTING, FILE_FLAG_DELETE_ON_CLOSE) "
            "succeeds", mapped_file(prot) + [
                open_again("GENERIC_READ", SHARE_RW, flags="FILE_FLAG_DELETE_ON_CLOSE",
                           expect=ok())], ["sharing", "table-1G"]))
    img = mapped_file("SEC_IMAGE|PAGE_WRITECOPY", image=True)
    for share in ("0", SHARE_RW):
        out.append(make_case(
            f"sharing/g3-image-open-write-{'share0' if share == '0' else 'share-rw'}",
            "SEC_IMAGE mapping holds the file; opening for FILE_WRITE_DATA: sharing violation",
            "asserted", ["G3"], "F test_file_sharing",
            "G3: CreateFileA requesting FILE_WRITE_DATA (any sharing) -> ERROR_SHARING_VIOLATION",
            img + [open_again("GENERIC_WRITE", share, expect=fail("ERROR_SHARING_VIOLATION"),
                              image=True)], ["sharing", "table-1G", "sec-image"]))
    out.append(make_case(
        "sharing/g3-image-open-read", "SEC_IMAGE mapping holds the file; opening for read only "
        "succeeds", "asserted", ["G3", "G1"], "is_sharing_map_compatible: only FILE_WRITE_DATA "
        "conflicts with an image section (G3)", "G3",
        img + [open_again("GENERIC_READ", "FILE_SHARE_READ", expect=ok(), image=True)],
        ["sharing", "table-1G", "sec-image"]))
    out.append(make_case(
        "sharing/g5-image-create-always", "SEC_IMAGE mapping holds the file; CREATE_ALWAYS: "
        "ERROR_SHARING_VIOLATION", "asserted", ["G5"], "F test_file_sharing",
        "G5: SEC_IMAGE, CreateFileA(..., CREATE_ALWAYS) fails, ERROR_SHARING_VIOLATION",
        img + [open_again("GENERIC_WRITE", SHARE_RW, "CREATE_ALWAYS",
                          expect=fail("ERROR_SHARING_VIOLATION"), image=True)],
        ["sharing", "table-1G", "sec-image"]))
    out.append(make_case(
        "sharing/g7-image-delete-on-close", "SEC_IMAGE mapping holds the file; DELETE_ON_CLOSE "
        "open: ERROR_ACCESS_DENIED", "asserted", ["G7"], "F test_file_sharing",
        "G7: SEC_IMAGE, same DELETE_ON_CLOSE open fails, ERROR_ACCESS_DENIED",
        img + [open_again("GENERIC_READ", SHARE_RW, flags="FILE_FLAG_DELETE_ON_CLOSE",
                          expect=fail("ERROR_ACCESS_DENIED"), image=True)],
        ["sharing", "table-1G", "sec-image"]))
    return out


def read_only_attribute():
    """inferred:read-only-attribute: a file created FILE_ATTRIBUTE_READONLY refuses writers,
    overwrites and delete-on-close opens; the handle that created it keeps its rights."""
    note = ("inferred:read-only-attribute: CreateFile docs (CREATE_ALWAYS needs a writable file; "
            "a read-only file cannot be written to or deleted); NTFS STATUS_ACCESS_DENIED / "
            "STATUS_CANNOT_DELETE. Found by fuzz_differential")
    setup = [create_file(flags="FILE_ATTRIBUTE_READONLY"),
             write_file("f", "41424344"), close("f")]
    out = []
    for name, access, disposition, flags, expect in (
            ("open-read", "GENERIC_READ", "OPEN_EXISTING", None, ok()),
            ("open-write", "GENERIC_WRITE", "OPEN_EXISTING", None, fail("ERROR_ACCESS_DENIED")),
            ("create-always", "GENERIC_READ", "CREATE_ALWAYS", None,
             fail("ERROR_ACCESS_DENIED")),
            ("truncate-existing", "GENERIC_WRITE", "TRUNCATE_EXISTING", None,
             fail("ERROR_ACCESS_DENIED")),
            ("delete-on-close", "GENERIC_READ", "OPEN_EXISTING", "FILE_FLAG_DELETE_ON_CLOSE",
             fail("ERROR_ACCESS_DENIED"))):
        out.append(make_case(
            f"sharing/read-only-attribute-{name}", f"A FILE_ATTRIBUTE_READONLY file: "
            f"{access} {disposition}{' DELETE_ON_CLOSE' if flags else ''} "
            f"{'opens' if expect['ok'] else 'is denied'}", "inferred", [], note,
            "The creating handle writes; later opens meet the read-only attribute",
            setup + [create_file(out="g", access=access, share="FILE_SHARE_READ",
                                 disposition=disposition, flags=flags, expect=expect)],
            ["sharing", "read-only"]))
    out.append(make_case(
        "sharing/read-only-attribute-created-delete-on-close", "Creating a file read-only and "
        "DELETE_ON_CLOSE is denied", "inferred", [], note,
        "A read-only file cannot be deleted, so it cannot be created delete-on-close",
        [create_file(flags="FILE_ATTRIBUTE_READONLY|FILE_FLAG_DELETE_ON_CLOSE",
                     expect=fail("ERROR_ACCESS_DENIED"))], ["sharing", "read-only"]))
    return out


def found_by_fuzzing():
    """Answers of the model's inferred choices that fuzz_differential found Wine 8.0 differs on."""
    share_all = "FILE_SHARE_READ|FILE_SHARE_WRITE|FILE_SHARE_DELETE"
    out = [make_case(
        "sharing/delete-pending-open-denied", "After a DELETE_ON_CLOSE handle closes while "
        "another handle holds the file, a new open is denied", "inferred", [],
        "inferred:delete-pending: STATUS_DELETE_PENDING -> ERROR_ACCESS_DENIED (DeleteFile "
        "docs: once marked for deletion, CreateFile fails ERROR_ACCESS_DENIED until the last "
        "handle closes). Found by fuzz_differential",
        "The first handle keeps the file; the delete-on-close handle made it delete-pending",
        [create_file(share=share_all),
         create_file(out="d", access="GENERIC_READ", share=share_all,
                     disposition="OPEN_EXISTING", flags="FILE_FLAG_DELETE_ON_CLOSE"),
         close("d"),
         create_file(out="g", access="GENERIC_READ", share=share_all,
                     disposition="OPEN_EXISTING", expect=fail("ERROR_ACCESS_DENIED"))],
        ["sharing", "delete-on-close"])]
    out.append(make_case(
        "sharing/maximum-allowed-holds-write", "A MAXIMUM_ALLOWED handle holds write: "
        "an open not sharing write is a sharing violation", "inferred", [],
        "inferred:open-access-check and inferred:share-access: MAXIMUM_ALLOWED grants the "
        "file's ALL_ACCESS (the creator's DACL), and share access is checked over the granted "
        "access. Found by fuzz_differential",
        "MAXIMUM_ALLOWED opens with every right the DACL gives the caller",
        [create_file(access="MAXIMUM_ALLOWED", share="FILE_SHARE_READ"),
         create_file(out="g", access="GENERIC_READ", share="FILE_SHARE_READ",
                     disposition="OPEN_EXISTING", expect=fail("ERROR_SHARING_VIOLATION"))],
        ["sharing"]))
    out.append(make_case(
        "sharing/image-section-size-ignored", "SEC_IMAGE ignores CreateFileMapping's size: "
        "65536 for a 1-page image still creates the section", "inferred", ["C27"],
        "inferred:image-layout: an image section is SizeOfImage bytes from the PE headers, the "
        "size arguments are ignored. Found by fuzz_differential",
        "C27: a data file that is not a PE fails ERROR_BAD_EXE_FORMAT (a PE maps)",
        [create_file(path="test.dll"), write_file("f", "@minimal-pe"),
         mapping("m", "f", "SEC_IMAGE|PAGE_READONLY", 65536, expect=fresh())],
        ["sharing", "sec-image"]))
    return out


def named(out, name, expect):
    return mapping(out, "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, name=name, expect=expect,
                   call="CreateFileMappingA")


def in_process():
    out = []
    out.append(make_case(
        "sharing/n18-same-name-same-memory", "Re-creating a name gives the same memory: data "
        "written before is visible", "asserted", ["N18", "H9"],
        "V test_shared_memory, done in one process (second handle instead of a child)",
        "N18: handle; data written by parent visible (0x1a2b3c4d); ERROR_ALREADY_EXISTS",
        [named("p", "winetest_virtual.c", fresh()),
         map_view("pv", "p", "FILE_MAP_WRITE", expect=ok()), write_view("pv", "4d3c2b1a"),
         named("c", "winetest_virtual.c", existing()),
         map_view("cv", "c", "FILE_MAP_READ", expect=ok()),
         read_view("cv", 4, data="4d3c2b1a", fault=False)], ["sharing", "named"]))
    for row, access, seen in (("N19", "FILE_MAP_READ|FILE_MAP_WRITE", True),
                              ("N20", "FILE_MAP_COPY", False),
                              ("N21", "FILE_MAP_COPY|FILE_MAP_WRITE", True)):
        out.append(make_case(
            f"sharing/{row.lower()}-{access.lower().replace('file_map_', '').replace('|', '-')}"
            "-write", f"Second handle maps {access} and writes: the first view "
            f"{'sees' if seen else 'does not see'} it", "asserted", [row, "D1"] if not seen
            else [row], "V test_shared_memory_ro, done in one process",
            f"{row}: parent {'sees' if seen else 'does not see'} the write" +
            (" (acts as FILE_MAP_WRITE)" if row == "N21" else ""),
            [named("p", "winetest_virtual.c_ro", fresh()),
             map_view("pv", "p", "FILE_MAP_READ", expect=ok()),
             named("c", "winetest_virtual.c_ro", existing()),
             map_view("cv", "c", access, expect=ok()), write_view("cv", "01000000"),
             read_view("cv", 4, data="01000000", fault=False),
             read_view("pv", 4, data="01000000" if seen else "00000000", fault=False)],
            ["sharing", "named"] + (["copy-on-write"] if not seen else [])))
    out.append(make_case(
        "sharing/s22-copy-on-write-file-view-private", "Writes through a FILE_MAP_COPY view of a "
        "file stay private: file and other views unchanged", "asserted", ["S22", "N20", "D1"],
        "S22 (TODO_WINE) records that writes to WRITECOPY pages never reach the file; here the "
        "view is WRITECOPY by its access (D1) rather than VirtualProtect",
        "S22: first DWORD of the file still 0 afterwards: writes to a page made PAGE_WRITECOPY "
        "stay private",
        [create_file(access="GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE"), set_size("f", 2 * PAGE),
         mapping("m", "f", "PAGE_READWRITE", 0, expect=fresh()),
         map_view("cow", "m", "FILE_MAP_COPY", expect=ok()),
         map_view("shared", "m", "FILE_MAP_READ", expect=ok()),
         write_view("cow", "efbeadde"), read_view("cow", 4, data="efbeadde", fault=False),
         read_view("shared", 4, data="00000000", fault=False),
         read_file("f", 4, "00000000")], ["sharing", "copy-on-write", "todo-wine"]))
    out.append(make_case(
        "sharing/shared-file-view-writes-visible", "Two FILE_MAP_WRITE views of one file mapping "
        "see each other's writes, and ReadFile sees them", "inferred", ["N19", "S22"],
        "N19 shows shared views are coherent for pagefile sections; for a file the spec has no "
        "row: S22's contrast (only WRITECOPY writes stay private) and DOC-SHM coherence",
        "N19: parent sees child's write",
        [create_file(), set_size("f", PAGE), mapping("m", "f", "PAGE_READWRITE", 0, expect=fresh()),
         map_view("a", "m", "FILE_MAP_WRITE", expect=ok()),
         map_view("b", "m", "FILE_MAP_WRITE", expect=ok()),
         write_view("a", "aabbcc"), read_view("b", 3, data="aabbcc", fault=False),
         read_file("f", 3, "aabbcc")], ["sharing", "file-backed"]))
    out.append(make_case(
        "sharing/cow-view-of-readonly-mapping", "FILE_MAP_COPY on a PAGE_READONLY mapping allows "
        "private writes", "asserted", ["D45", "D1", "H13"],
        "D45: FILE_MAP_COPY on PAGE_READONLY succeeds, D1: the view is PAGE_WRITECOPY, so a write "
        "is allowed and private (S22)", "H13: FILE_MAP_COPY works with all six protections",
        [create_file(), set_size("f", PAGE), write_file("f", "10203040"),
         mapping("m", "f", "PAGE_READONLY", 0, expect=fresh()),
         map_view("v", "m", "FILE_MAP_COPY", expect=ok()), write_view("v", "99"),
         read_view("v", 2, data="9920", fault=False), read_file("f", 2, "1020")],
        ["sharing", "copy-on-write"]))
    return out


def cases():
    return [("table-1g.jsonl", c) for c in table_1g()] + \
        [("in-process.jsonl", c) for c in in_process()] + \
        [("read-only.jsonl", c) for c in read_only_attribute()] + \
        [("found-by-fuzzing.jsonl", c) for c in found_by_fuzzing()]
