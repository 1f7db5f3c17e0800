"""views: the full table 1D (every dwDesiredAccess row x the RO/RW/XR/XRW/H0 columns, file-backed
and pagefile-backed, with VirtualQuery), SEC_IMAGE views, D40-D57 (handles with reduced access,
offsets, sizes, unmapping, MapViewOfFileEx bases)."""

from gen import rules
from gen.case import (GRANULARITY, PAGE, duplicate, fail, fresh, make_case, map_view, mapping,
                      new_file, ok, pe_file, query, read_view, unmap, write_view)

TWO_PAGES = 2 * PAGE


def table_1d_case(access, map_protect, backing):
    row = rules.d_row(access)
    view_prot = rules.view_protection(access)
    compatible = rules.view_compatible(map_protect, access)
    column = "H0" if map_protect is None else rules.COLUMN[map_protect]
    created = "PAGE_READONLY" if map_protect is None else rules.VALID[map_protect]
    steps = []
    if backing == "file":
        steps += new_file(TWO_PAGES, access="GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE")
        steps.append(mapping("m", "f", created, 0, expect=fresh()))
    else:
        steps.append(mapping("m", "INVALID_HANDLE_VALUE", created, TWO_PAGES, expect=fresh()))
    handle = "m"
    if map_protect is None:
        steps.append(duplicate("h0", "m", access="0"))
        handle = "h0"
    access_text = rules.access_name(access)
    if compatible:
        prot_name = rules.protect_name(view_prot)
        steps.append(map_view("v", handle, access_text, expect=ok()))
        steps.append(query("v", protect=prot_name, allocation_protect=prot_name,
                           state="MEM_COMMIT", region_size=TWO_PAGES))
        steps.append(unmap("v"))
    else:
        steps.append(map_view("v", handle, access_text, expect=fail("ERROR_ACCESS_DENIED")))
    absent = row in rules.D_ABSENT
    note = ("table 1D, V test_mapping view[] table" if not absent else
            "absent row, derived from the rule behind table 1D (file_access_to_prot / "
            "is_compatible_access)")
    if map_protect is None:
        note += "; H0 column: mapping handle duplicated with access 0 (D43)"
    if access == 0x21 and map_protect in (0x02, 0x08):
        note += "; XP's `broken` success not accepted"
    rows = [row] + (["D43"] if map_protect is None else []) + \
        (["H1"] if map_protect == 0x08 else ["H2"] if map_protect == 0x80 else [])
    info = (f"1D: dwDesiredAccess {access_text} gives {rules.protect_name(view_prot)}; column "
            f"{column}: {'OK' if compatible else 'DENIED'}")
    slug = "h0" if map_protect is None else rules.SHORT[map_protect]
    title = (f"MapViewOfFile {access_text} on a {created}"
             f"{' (dup access 0)' if map_protect is None else ''} {backing} mapping: "
             f"{'ok' if compatible else 'denied'}")
    if len(title) >= 100:
        title = f"{row}: view access {access:#x} on {slug} {backing} mapping: " \
                f"{'ok' if compatible else 'denied'}"
    return make_case(f"views/{row.lower()}-{rules.access_slug(access)}-{slug}-{backing}", title,
                     "asserted", rows, note, info, steps, ["views", "table-1D", "generated"])


def image_view_case(access, map_protect):
    row = rules.d_row(access)
    compatible = rules.view_compatible(map_protect, access)
    access_text = rules.access_name(access)
    steps = pe_file("GENERIC_READ|GENERIC_EXECUTE") + [
        mapping("m", "f", "SEC_IMAGE|" + rules.VALID[map_protect], 0, expect=fresh())]
    if compatible:
        steps.append(map_view("v", "m", access_text, expect=ok()))
        steps.append(query("v", protect="PAGE_READONLY",
                           allocation_protect="PAGE_EXECUTE_WRITECOPY",
                           state="MEM_COMMIT", region_size=PAGE))
    else:
        steps.append(map_view("v", "m", access_text, expect=fail("ERROR_ACCESS_DENIED")))
    return make_case(
        f"views/image-{row.lower()}-{rules.access_slug(access)}-{rules.SHORT[map_protect]}",
        f"SEC_IMAGE|{rules.VALID[map_protect]} view {access_text}: "
        f"{'ok, header page PAGE_READONLY' if compatible else 'denied'}"[:99],
        "asserted", [row, "H15", "H5"],
        "1D SEC_IMAGE views (V test_mapping with SEC_IMAGE, kernel32.dll opened GENERIC_READ|"
        "GENERIC_EXECUTE; the suite's minimal PE here): compatibility as in the table with the "
        "flProtect given to CreateFileMapping" + ("" if row not in rules.D_ABSENT else
                                                   "; absent row derived from the 1D rule"),
        "1D: every successful SEC_IMAGE view reports Protect PAGE_READONLY, AllocationProtect "
        "PAGE_EXECUTE_WRITECOPY, RegionSize one page (the header); DOC-MVF says access 'has no "
        "effect' but the test still expects ERROR_ACCESS_DENIED for incompatible access",
        steps, ["views", "sec-image", "generated"])


def image_protection_cases():
    out = []
    for prot, brow in (("PAGE_NOACCESS", "B2"), ("PAGE_EXECUTE", "B17")):
        out.append(make_case(
            f"views/image-{prot.lower().replace('_', '-')}-invalid",
            f"SEC_IMAGE|{prot} on a PE: ERROR_INVALID_PARAMETER", "asserted", [brow, "H5"],
            "1D SEC_IMAGE paragraph", "1D: PAGE_NOACCESS|SEC_IMAGE and PAGE_EXECUTE|SEC_IMAGE -> "
            "ERROR_INVALID_PARAMETER",
            pe_file("GENERIC_READ|GENERIC_EXECUTE") + [
                mapping("m", "f", "SEC_IMAGE|" + prot, 0, expect=fail("ERROR_INVALID_PARAMETER"))],
            ["views", "sec-image"]))
    for prot in ("PAGE_READWRITE", "PAGE_EXECUTE_READWRITE"):
        out.append(make_case(
            f"views/image-{prot.lower().replace('_', '-')}-on-read-execute-handle",
            f"SEC_IMAGE|{prot} on a GENERIC_READ|GENERIC_EXECUTE PE handle: may fail",
            "inferred", ["H3", "H5", "A12"],
            "1D only says these 'may fail (test just skips; no error asserted)' on such a handle, "
            "so both outcomes are accepted: success, or ERROR_ACCESS_DENIED by the H3 "
            "file-rights check (A11/A12)",
            "1D: PAGE_READWRITE|SEC_IMAGE / PAGE_EXECUTE_READWRITE|SEC_IMAGE may fail",
            pe_file("GENERIC_READ|GENERIC_EXECUTE") + [
                mapping("m", "f", "SEC_IMAGE|" + prot, 0,
                        expect={"ok": [True, False],
                                "error": ["ERROR_SUCCESS", "ERROR_ACCESS_DENIED"]})],
            ["views", "sec-image", "open-question"]))
    return out


def rw_file_mapping(protect="PAGE_READWRITE", size=4096, file_size=12288):
    return new_file(file_size) + [mapping("m", "f", protect, size, expect=fresh())]


def d40_d48_cases():
    out = []
    for access in ("FILE_MAP_READ", "FILE_MAP_COPY", "0", "FILE_MAP_WRITE"):
        out.append(make_case(
            f"views/d40-readwrite-{access.lower().replace('_', '-')}",
            f"PAGE_READWRITE file mapping, MapViewOfFile {access}: ok", "asserted", ["D40"],
            "V test_MapViewOfFile", "D40: PAGE_READWRITE, 4096: all succeed",
            rw_file_mapping() + [map_view("v", "m", access, expect=ok())], ["views"]))
    dup_rows = [
        ("D41", "FILE_MAP_READ|FILE_MAP_WRITE", "FILE_MAP_WRITE", True, "asserted", ""),
        ("D42", "FILE_MAP_READ", "FILE_MAP_WRITE", False, "asserted", ""),
        ("D43", "0", "FILE_MAP_READ", False, "asserted",
         "absent row; §3: 'handle with access 0 -> every view denied (D43, D-H0)'"),
        ("D44", "FILE_MAP_READ", "0", True, "asserted", ""),
    ]
    for row, dup_access, view_access, good, kind, note in dup_rows:
        out.append(make_case(
            f"views/{row.lower()}-dup-{dup_access.lower().replace('_', '-').replace('|', '-')}"
            f"-view-{view_access.lower().replace('_', '-')}",
            f"Duplicate with {dup_access}, then view {view_access}: "
            f"{'ok' if good else 'ERROR_ACCESS_DENIED'}", kind, [row, "H10"],
            note or "V test_MapViewOfFile",
            f"{row}: PAGE_READWRITE mapping, DuplicateHandle({dup_access}), {view_access} view",
            rw_file_mapping() + [
                duplicate("d", "m", access=dup_access),
                map_view("v", "d", view_access,
                         expect=ok() if good else fail("ERROR_ACCESS_DENIED"))],
            ["views", "handles"]))
    for row, prot, bad_row in (("D45", "PAGE_READONLY", "D46"), ("D47", "PAGE_WRITECOPY", "D48")):
        for access in ("FILE_MAP_READ", "FILE_MAP_COPY", "0"):
            out.append(make_case(
                f"views/{row.lower()}-{prot.lower().replace('_', '-')}-"
                f"{access.lower().replace('_', '-')}",
                f"{prot} file mapping, MapViewOfFile {access}: ok", "asserted",
                [row] + (["H13", "H1"] if prot == "PAGE_WRITECOPY" else ["H13"]),
                "V test_MapViewOfFile", f"{row}: {prot}: FILE_MAP_READ / FILE_MAP_COPY / 0 succeed",
                rw_file_mapping(prot) + [map_view("v", "m", access, expect=ok())], ["views"]))
        out.append(make_case(
            f"views/{bad_row.lower()}-{prot.lower().replace('_', '-')}-file-map-write",
            f"{prot} file mapping, MapViewOfFile FILE_MAP_WRITE: NULL", "asserted",
            [bad_row, "H13"], "EITHER in test_MapViewOfFile; test_mapping pins "
            "ERROR_ACCESS_DENIED (1D), both accepted here",
            f"{bad_row}: NULL, ERROR_INVALID_PARAMETER or ERROR_ACCESS_DENIED",
            rw_file_mapping(prot) + [
                map_view("v", "m", "FILE_MAP_WRITE",
                         expect=fail(["ERROR_ACCESS_DENIED", "ERROR_INVALID_PARAMETER"]))],
            ["views"]))
    out.append(make_case(
        "views/h12-file-map-all-access-is-write",
        "FILE_MAP_ALL_ACCESS view of PAGE_READWRITE mapping is PAGE_READWRITE", "documented",
        ["H12", "D6", "D7"], "DOC-MVF, consistent with the 1D rule",
        "H12: FILE_MAP_ALL_ACCESS and FILE_MAP_WRITE|FILE_MAP_READ are equivalent to "
        "FILE_MAP_WRITE",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", TWO_PAGES, expect=fresh()),
         map_view("v", "m", "FILE_MAP_ALL_ACCESS", expect=ok()),
         query("v", protect="PAGE_READWRITE", allocation_protect="PAGE_READWRITE",
               state="MEM_COMMIT", region_size=TWO_PAGES)], ["views"]))
    for access, prot in (("FILE_MAP_READ", "PAGE_READONLY"), ("FILE_MAP_COPY", "PAGE_WRITECOPY"),
                         ("FILE_MAP_WRITE", "PAGE_READWRITE")):
        out.append(make_case(
            f"views/d51-anon-commit-{access.lower().replace('_', '-')}",
            f"Pagefile PAGE_READWRITE|SEC_COMMIT view {access}: AllocationProtect {prot}",
            "asserted", ["D51"], "NV test_query_region_information (NtMapViewOfSection with the "
            "protection; MapViewOfFile with the matching access here, 1D rule)",
            "D51: all STATUS_SUCCESS; AllocationProtect = requested",
            [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE|SEC_COMMIT", PAGE,
                     expect=fresh()),
             map_view("v", "m", access, expect=ok()),
             query("v", allocation_protect=prot, protect=prot, state="MEM_COMMIT",
                   region_size=PAGE)], ["views"]))
    return out


def unmap_cases():
    out = []
    out.append(make_case(
        "views/d49-unmap-garbage-address", "UnmapViewOfFile(0xdeadbeef): FALSE, "
                                           "ERROR_INVALID_ADDRESS",
        "asserted", ["D49"], "V test_MapViewOfFile",
        "D49: UnmapViewOfFile on VirtualAlloc memory / addr+0x3000 / 0xdeadbeef -> FALSE, "
        "ERROR_INVALID_ADDRESS (487)",
        [unmap(address=0xdeadbeef, expect=fail("ERROR_INVALID_ADDRESS"))], ["views", "unmap"]))
    out.append(make_case(
        "views/d49-unmap-past-end-of-view", "UnmapViewOfFile(view + 0x3000) past a 12288-byte "
                                            "view: "
        "ERROR_INVALID_ADDRESS", "asserted", ["D49"], "V test_MapViewOfFile",
        "D49: UnmapViewOfFile(addr+0x3000) -> FALSE, ERROR_INVALID_ADDRESS",
        rw_file_mapping("PAGE_READONLY", 12288) + [
            map_view("v", "m", "FILE_MAP_READ", bytes_=12288, expect=ok()),
            unmap("v", offset=0x3000, expect=fail("ERROR_INVALID_ADDRESS")),
            unmap("v")], ["views", "unmap"]))
    for off in (100, 4096, 4096 + 100):
        out.append(make_case(
            f"views/d50-unmap-inside-view-{off}",
            f"UnmapViewOfFile(view + {off}) unmaps the whole view", "asserted",
            ["D50", "N16"], "V test_MapViewOfFile; the MEM_FREE state afterwards as in N16",
            "D50: each Unmap succeeds (any address inside the view unmaps it)",
            rw_file_mapping("PAGE_READONLY", 12288) + [
                map_view("v", "m", "FILE_MAP_READ", bytes_=12288, expect=ok()),
                unmap("v", offset=off),
                query("v", state="MEM_FREE", protect="PAGE_NOACCESS", allocation_protect="0"),
                read_view("v", 1, fault=True)], ["views", "unmap"]))
    out.append(make_case(
        "views/unmap-twice", "UnmapViewOfFile twice: the second fails ERROR_INVALID_ADDRESS",
        "asserted", ["D49"], "derived: after the first unmap the address is no view "
        "(STATUS_NOT_MAPPED_VIEW -> ERROR_INVALID_ADDRESS, §0.3)",
        "D49: UnmapViewOfFile on an address that is not a view -> ERROR_INVALID_ADDRESS",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, expect=fresh()),
         map_view("v", "m", "FILE_MAP_READ", expect=ok()), unmap("v"),
         unmap("v", expect=fail("ERROR_INVALID_ADDRESS"))], ["views", "unmap"]))
    return out


def offset_cases():
    out = []
    size = 3 * GRANULARITY
    anon = [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE|SEC_COMMIT", size,
                    expect=fresh())]
    for off, good, rows, kind, note in (
            (0, True, ["H14"], "documented", ""),
            (1, False, ["D53", "H14"], "asserted", "DERIVED: STATUS_MAPPED_ALIGNMENT"),
            (PAGE, False, ["H14", "D53"], "documented", "page-aligned is not enough"),
            (GRANULARITY - 1, False, ["H14", "D53"], "documented", ""),
            (GRANULARITY, True, ["H14"], "documented", "view to the end: 2 x 64 KiB"),
            (GRANULARITY + 1, False, ["H14", "D53"], "documented", "")):
        steps = anon + [map_view("v", "m", "FILE_MAP_READ", offset_low=off,
                                 expect=ok() if good else fail("ERROR_MAPPED_ALIGNMENT"))]
        if good:
            steps.append(query("v", region_size=size - off, state="MEM_COMMIT",
                               protect="PAGE_READONLY"))
        out.append(make_case(
            f"views/offset-{off}", f"MapViewOfFile at offset {off:#x}: "
            f"{'ok' if good else 'ERROR_MAPPED_ALIGNMENT'}", kind, rows,
            note or "DOC-MVF", "H14: the view offset 'must be a multiple of the allocation "
            "granularity'; D53: offset 1 -> STATUS_MAPPED_ALIGNMENT -> ERROR_MAPPED_ALIGNMENT",
            steps, ["views", "offsets"]))
    for off, nbytes, good, region in ((0, 1, True, PAGE), (0, PAGE + 1, True, 2 * PAGE),
                                      (0, size, True, size), (0, size + 1, False, 0),
                                      (GRANULARITY, 2 * GRANULARITY, True, 2 * GRANULARITY),
                                      (GRANULARITY, 2 * GRANULARITY + 1, False, 0)):
        steps = anon + [map_view("v", "m", "FILE_MAP_WRITE", offset_low=off, bytes_=nbytes,
                                 expect=ok() if good else fail("ERROR_ACCESS_DENIED"))]
        if good:
            steps.append(query("v", region_size=region, state="MEM_COMMIT",
                               protect="PAGE_READWRITE"))
        out.append(make_case(
            f"views/bytes-{off}-{nbytes}",
            f"MapViewOfFile offset {off:#x}, {nbytes:#x} bytes of a 0x30000 mapping: "
            f"{'ok' if good else 'ERROR_ACCESS_DENIED'}",
            "asserted" if not good else "documented", ["H14", "D55"] if not good else ["H14"],
            "DERIVED from D55: a view past the section end is STATUS_INVALID_VIEW_SIZE -> "
            "ERROR_ACCESS_DENIED" if not good else
            "DOC-MVF; the region is the view size rounded up to pages",
            "H14: 'All bytes must be within the maximum size specified by CreateFileMapping'",
            steps, ["views", "sizes"]))
    for nbytes, good in ((0x3452, True), (0x3453, False)):
        out.append(make_case(
            f"views/d55-view-size-{nbytes:x}",
            f"0x3452-byte file section, view of {nbytes:#x} bytes: "
            f"{'ok' if good else 'ERROR_ACCESS_DENIED'}", "asserted", ["D55", "S9"],
            "V (NtMapViewOfSection); DERIVED: STATUS_INVALID_VIEW_SIZE -> ERROR_ACCESS_DENIED",
            "D55: section 0x3452 bytes: size 0x3452 success / 0x3453 STATUS_INVALID_VIEW_SIZE",
            new_file(0x3456) + [
                mapping("m", "f", "PAGE_READONLY", 0x3452, expect=fresh()),
                map_view("v", "m", "FILE_MAP_READ", bytes_=nbytes,
                         expect=ok() if good else fail("ERROR_ACCESS_DENIED"))],
            ["views", "sizes"]))
    return out


def base_cases():
    out = []
    pre = [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", GRANULARITY, expect=fresh()),
           map_view("v", "m", "FILE_MAP_READ", expect=ok())]
    out.append(make_case(
        "views/d52-mapviewofex-same-address", "MapViewOfFileEx at an existing view's address: "
        "ERROR_INVALID_ADDRESS", "asserted", ["D52"],
        "NV test_NtMapViewOfSection; DERIVED: STATUS_CONFLICTING_ADDRESSES -> "
        "ERROR_INVALID_ADDRESS",
        "D52: NtMapViewOfSection at same address as existing view -> STATUS_CONFLICTING_ADDRESSES",
        pre + [map_view("w", "m", "FILE_MAP_READ", base="v+0",
                        expect=fail("ERROR_INVALID_ADDRESS"))], ["views", "base"]))
    for off in (42, 0x1000):
        out.append(make_case(
            f"views/d54-mapviewofex-unaligned-base-{off}",
            f"MapViewOfFileEx at view+{off:#x} (not 64 KiB aligned): ERROR_MAPPED_ALIGNMENT",
            "asserted", ["D54"],
            "NV test_NtMapViewOfSection; DERIVED: STATUS_MAPPED_ALIGNMENT -> "
            "ERROR_MAPPED_ALIGNMENT (the alignment check comes before the conflict check)",
            "D54: base address ptr+42 or ptr+0x1000 (not 64K aligned) -> STATUS_MAPPED_ALIGNMENT",
            pre + [map_view("w", "m", "FILE_MAP_READ", base=f"v+{off}",
                            expect=fail("ERROR_MAPPED_ALIGNMENT"))], ["views", "base"]))
    out.append(make_case(
        "views/mapviewofex-null-base", "MapViewOfFileEx with a NULL base behaves as MapViewOfFile",
        "documented", ["H14"], "DOC-MVF: lpBaseAddress NULL lets the system choose",
        "H14: dwNumberOfBytesToMap 0 -> to end of mapping",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", GRANULARITY, expect=fresh()),
         map_view("v", "m", "FILE_MAP_WRITE", base=None, call="MapViewOfFileEx", expect=ok()),
         query("v", region_size=GRANULARITY, protect="PAGE_READWRITE", state="MEM_COMMIT")],
        ["views", "base"]))
    out.append(make_case(
        "views/mapviewofex-reuse-freed-base",
        "MapViewOfFileEx at the aligned address of a view just unmapped: ok",
        "inferred", ["D52", "D54"],
        "the spec only records the failures (D52 conflict, D54 alignment); a 64 KiB-aligned free "
        "address is accepted per DOC-MVF (lpBaseAddress), and the address just unmapped is free",
        "D52/D54: conflicting or unaligned bases fail",
        pre + [unmap("v"), map_view("w", "m", "FILE_MAP_READ", base="v+0", expect=ok()),
               query("w", state="MEM_COMMIT", protect="PAGE_READONLY")], ["views", "base"]))
    return out


def cow_cases():
    out = []
    out.append(make_case(
        "views/b34-write-to-writecopy-page-becomes-readwrite",
        "Writing a FILE_MAP_COPY page turns that page PAGE_READWRITE; the next stays "
        "PAGE_WRITECOPY",
        "asserted", ["B34", "S22", "D1"],
        "B34 and §6: after a write to a PAGE_WRITECOPY page Windows reports PAGE_READWRITE and "
        "splits the region to one page (TODO_WINE); here the page is WRITECOPY by the view access "
        "(D1) instead of VirtualProtect",
        "§6: Windows reports PAGE_READWRITE / PAGE_EXECUTE_READWRITE and splits the region to one "
        "page; Wine does not",
        new_file(TWO_PAGES) + [
            mapping("m", "f", "PAGE_READWRITE", 0, expect=fresh()),
            map_view("v", "m", "FILE_MAP_COPY", expect=ok()),
            query("v", protect="PAGE_WRITECOPY", allocation_protect="PAGE_WRITECOPY",
                  region_size=TWO_PAGES, state="MEM_COMMIT"),
            write_view("v", "01020304"),
            query("v", protect="PAGE_READWRITE", allocation_protect="PAGE_WRITECOPY",
                  region_size=PAGE, state="MEM_COMMIT"),
            query("v", offset=PAGE, protect="PAGE_WRITECOPY", allocation_protect="PAGE_WRITECOPY",
                  region_size=PAGE, state="MEM_COMMIT")],
        ["views", "copy-on-write", "todo-wine"]))
    out.append(make_case(
        "views/b35-write-to-execute-writecopy-page",
        "Writing a FILE_MAP_EXECUTE|FILE_MAP_COPY page turns it PAGE_EXECUTE_READWRITE",
        "asserted", ["B35", "B24", "D17"],
        "B35 (TODO_WINE) and B24's prot_after_write; the page is EXECUTE_WRITECOPY by the view "
        "access (D17) instead of VirtualProtect",
        "B24: PAGE_EXECUTE_WRITECOPY prot_after_write PAGE_EXECUTE_READWRITE",
        new_file(TWO_PAGES, access="GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE") + [
            mapping("m", "f", "PAGE_EXECUTE_READWRITE", 0, expect=fresh()),
            map_view("v", "m", "FILE_MAP_EXECUTE|FILE_MAP_COPY", expect=ok()),
            query("v", protect="PAGE_EXECUTE_WRITECOPY",
                  allocation_protect="PAGE_EXECUTE_WRITECOPY", region_size=TWO_PAGES),
            write_view("v", "01020304"),
            query("v", protect="PAGE_EXECUTE_READWRITE",
                  allocation_protect="PAGE_EXECUTE_WRITECOPY", region_size=PAGE)],
        ["views", "copy-on-write", "todo-wine"]))
    out.append(make_case(
        "views/b32-execute-readwrite-view",
        "PAGE_EXECUTE_READWRITE mapping, view READ|WRITE|EXECUTE: PAGE_EXECUTE_READWRITE",
        "asserted", ["B32", "B33", "B36", "D22"],
        "the starting state of B32/B33 (old protection PAGE_EXECUTE_READWRITE); VirtualProtect "
        "itself (B32, B33, B36) is not in the case vocabulary",
        "B32: VirtualProtect(view, PAGE_NOACCESS) succeeds, old = PAGE_EXECUTE_READWRITE",
        new_file(PAGE, access="GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE") + [
            mapping("m", "f", "PAGE_EXECUTE_READWRITE", 0, expect=fresh()),
            map_view("v", "m", "FILE_MAP_READ|FILE_MAP_WRITE|FILE_MAP_EXECUTE", expect=ok()),
            query("v", protect="PAGE_EXECUTE_READWRITE",
                  allocation_protect="PAGE_EXECUTE_READWRITE", region_size=PAGE,
                  state="MEM_COMMIT")],
        ["views"]))
    out.append(make_case(
        "views/readonly-view-write-faults",
        "Writing through a FILE_MAP_READ view faults; reading works", "documented",
        ["D4", "H13"], "a PAGE_READONLY view (1D) does not allow writes: an access violation",
        "1D: FILE_MAP_READ gives PAGE_READONLY",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, expect=fresh()),
         map_view("v", "m", "FILE_MAP_READ", expect=ok()),
         write_view("v", "ff", fault=True), read_view("v", 1, data="00", fault=False)],
        ["views"]))
    out.append(make_case(
        "views/noaccess-view-read-faults",
        "A view mapped with access 0 is PAGE_NOACCESS: reading faults", "documented",
        ["D0"], "D0 (recorded): dwDesiredAccess 0 gives PAGE_NOACCESS; that touching a "
        "PAGE_NOACCESS page faults is the documented meaning of the protection",
        "1D: D0 -> PAGE_NOACCESS",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", PAGE, expect=fresh()),
         map_view("v", "m", "0", expect=ok()), read_view("v", 1, fault=True)],
        ["views"]))
    return out


FOUND_BY = ("found by the differential property Differential/StatefulProgramsOfApiCalls "
            "against Wine 8.0, triaged in issue 5")


def past_end_cases():
    """Views that start at or after the end of the section, and a view that is both denied and
    unaligned: the model's inferred answers where the spec records one failure at a time."""
    out = []
    for size, off in ((3 * GRANULARITY, 3 * GRANULARITY), (3 * GRANULARITY, 4 * GRANULARITY),
                      (2 * PAGE, GRANULARITY)):
        out.append(make_case(
            f"views/offset-past-end-{size:x}-{off:x}",
            f"MapViewOfFile at offset {off:#x} of a {size:#x}-byte section: ERROR_ACCESS_DENIED",
            "inferred", ["D55", "H14"],
            "inferred:view-offset-past-end: DERIVED from D55, a view past the section end is "
            "STATUS_INVALID_VIEW_SIZE -> ERROR_ACCESS_DENIED; a view starting past it is not "
            "recorded; " + FOUND_BY,
            "H14: 'All bytes must be within the maximum size specified by CreateFileMapping'",
            [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE|SEC_COMMIT", size,
                     expect=fresh()),
             map_view("v", "m", "FILE_MAP_READ", offset_low=off,
                      expect=fail("ERROR_ACCESS_DENIED"))],
            ["views", "offsets"]))
    out.append(make_case(
        "views/check-order-denied-before-unaligned",
        "Denied view at an unaligned offset: ERROR_ACCESS_DENIED (access checked first)",
        "inferred", ["D48", "D53"],
        "inferred:view-check-order: NtMapViewOfSection references the handle with the access the "
        "protection needs before MmMapViewOfSection validates the offset; D48 and D53 each test "
        "one failure; " + FOUND_BY,
        "D48: FILE_MAP_WRITE on a PAGE_WRITECOPY mapping fails; D53: an unaligned offset fails "
        "ERROR_MAPPED_ALIGNMENT",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_WRITECOPY", 3 * GRANULARITY, expect=fresh()),
         map_view("v", "m", "FILE_MAP_READ|FILE_MAP_WRITE", offset_low=PAGE,
                  expect=fail("ERROR_ACCESS_DENIED")),
         map_view("w", "m", "FILE_MAP_READ", offset_low=PAGE,
                  expect=fail("ERROR_MAPPED_ALIGNMENT"))],
        ["views", "offsets"]))
    out.append(make_case(
        "views/check-order-invalid-handle-before-unaligned",
        "NULL mapping handle at an unaligned offset: ERROR_INVALID_HANDLE (handle checked first)",
        "inferred", ["D57", "D53"],
        "inferred:view-check-order: NtMapViewOfSection references the section handle before "
        "MmMapViewOfSection validates the offset; D57 and D53 each test one failure; found with "
        "the fixed ctest seed of the differential properties against Wine 8.0, triaged in "
        "issue 5",
        "D57: a NULL mapping handle -> ERROR_INVALID_HANDLE; D53: an unaligned offset -> "
        "ERROR_MAPPED_ALIGNMENT",
        [map_view("v", "NULL", "FILE_MAP_READ", offset_low=PAGE, bytes_=PAGE,
                  expect=fail("ERROR_INVALID_HANDLE"))],
        ["views", "offsets"]))
    return out


def cases():
    out = []
    for backing in ("file", "pagefile"):
        for access in rules.D_TABLE_ACCESSES:
            for p in list(sorted(rules.VALID)) + [None]:
                out.append((f"table-1d-{backing}.jsonl", table_1d_case(access, p, backing)))
    for access in rules.D_TABLE_ACCESSES:
        for p in (0x02, 0x08, 0x20, 0x80):
            out.append(("image-views.jsonl", image_view_case(access, p)))
    out += [("image-views.jsonl", c) for c in image_protection_cases()]
    out += [("access.jsonl", c) for c in d40_d48_cases()]
    out += [("unmap.jsonl", c) for c in unmap_cases()]
    out += [("offsets.jsonl", c) for c in offset_cases()]
    out += [("offsets.jsonl", c) for c in past_end_cases()]
    out += [("base.jsonl", c) for c in base_cases()]
    out += [("copy-on-write.jsonl", c) for c in cow_cases()]
    return out
