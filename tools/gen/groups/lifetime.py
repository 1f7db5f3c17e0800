"""lifetime: sections live while a handle or a view holds them; names die with the last handle
(N13-N17, §3 'Lifetime', §4)."""

from gen.case import (PAGE, close, fail, fresh, make_case, map_view, mapping, new_file, ok,
                      open_mapping, query, read_file, read_view, unmap, write_view)

SIZE = 0x100000  # MAPPING_SIZE of V test_MapViewOfFile


def anon(out, name, expect, size=SIZE):
    return mapping(out, "INVALID_HANDLE_VALUE", "PAGE_READWRITE", size, name=name, expect=expect,
                   call="CreateFileMappingA")


N13 = [anon("m", "Foo", fresh()), map_view("v", "m", "FILE_MAP_WRITE", expect=ok()),
       write_view("v", "0d0e0a0d"),
       open_mapping("r", "FILE_MAP_READ", "Foo", expect=ok(), call="OpenFileMappingA"),
       close("m"), close("r")]


def cases():
    out = []
    out.append(make_case(
        "lifetime/n13-view-outlives-handles", "Closing every handle keeps the view readable and "
        "unchanged", "asserted", ["N13"], "V test_MapViewOfFile",
        "N13: CloseHandle succeeds; view stays readable, VirtualQuery unchanged (PAGE_READWRITE, "
        "MEM_COMMIT, RegionSize 0x100000)",
        N13 + [read_view("v", 4, data="0d0e0a0d", fault=False),
               query("v", protect="PAGE_READWRITE", allocation_protect="PAGE_READWRITE",
                     state="MEM_COMMIT", region_size=SIZE)], ["lifetime"]))
    out.append(make_case(
        "lifetime/n14-name-dies-with-last-handle", "With only a view left the name is gone: "
        "OpenFileMapping fails ERROR_FILE_NOT_FOUND", "asserted", ["N14", "N5"],
        "V test_MapViewOfFile", "N14: NULL (name vanishes with the last handle even though the "
        "section lives on through the view), ERROR_FILE_NOT_FOUND",
        N13 + [open_mapping("o", "FILE_MAP_READ", "Foo", expect=fail("ERROR_FILE_NOT_FOUND"),
                            call="OpenFileMappingA")], ["lifetime"]))
    out.append(make_case(
        "lifetime/n15-recreate-makes-new-object", "After N14 a create with that name is fresh "
        "(error 0) and a new object", "asserted", ["N15", "N17", "H11"],
        "V test_MapViewOfFile; the distinct contents (absent row N17) follow from N15 ('not the "
        "old object') and H11 (pagefile pages start zero)",
        "N15: new handle, not the old object, ERROR_SUCCESS (0), not ERROR_ALREADY_EXISTS",
        N13 + [anon("n", "Foo", fresh()), map_view("w", "n", "FILE_MAP_READ", expect=ok()),
               read_view("w", 4, data="00000000", fault=False),
               read_view("v", 4, data="0d0e0a0d", fault=False)], ["lifetime"]))
    out.append(make_case(
        "lifetime/n16-unmap-last-view-frees", "Unmapping the last view after the handles: MEM_FREE,"
        " memory inaccessible", "asserted", ["N16"], "V test_MapViewOfFile",
        "N16: TRUE; memory inaccessible; VirtualQuery State MEM_FREE, Protect PAGE_NOACCESS, "
        "AllocationProtect 0",
        N13 + [unmap("v"), query("v", state="MEM_FREE", protect="PAGE_NOACCESS",
                                 allocation_protect="0"),
               read_view("v", 1, fault=True)], ["lifetime"]))
    out.append(make_case(
        "lifetime/name-lives-while-any-handle", "Closing one of two handles keeps the name; "
        "closing the last removes it", "asserted", ["N14", "N4"],
        "§3: the name disappears when the last handle is closed (N14)",
        "§3 Lifetime: the name disappears when the last handle is closed",
        [anon("m", "Foo", fresh(), PAGE),
         open_mapping("r", "FILE_MAP_READ", "Foo", expect=ok(), call="OpenFileMappingA"),
         close("m"),
         open_mapping("o1", "FILE_MAP_READ", "Foo", expect=ok(), call="OpenFileMappingA"),
         close("o1"), close("r"),
         open_mapping("o2", "FILE_MAP_READ", "Foo", expect=fail("ERROR_FILE_NOT_FOUND"),
                      call="OpenFileMappingA")], ["lifetime"]))
    out.append(make_case(
        "lifetime/handle-closed-before-map-view", "A view can still be mapped through a second "
        "handle after the first is closed", "documented", ["N13", "H9"],
        "DOC-CFM: 'a file mapping object does not close until all references to it are released'",
        "§3: views + handles, any order",
        [anon("m", "Foo", fresh(), PAGE), anon("m2", "Foo", {"ok": True,
                                                             "error": "ERROR_ALREADY_EXISTS"},
                                                 PAGE),
         map_view("v", "m", "FILE_MAP_WRITE", expect=ok()), write_view("v", "77"), close("m"),
         map_view("w", "m2", "FILE_MAP_READ", expect=ok()),
         read_view("w", 1, data="77", fault=False)], ["lifetime"]))
    out.append(make_case(
        "lifetime/file-view-outlives-file-and-mapping-handles",
        "A file view outlives both handles; its writes reach the file", "inferred",
        ["N13", "S22", "G1"],
        "N13 shows views outlive handles (pagefile); for a file, §4 says the mapping stays usable "
        "after the file handle closes; that shared-view writes reach the file is the contrast S22 "
        "draws with private WRITECOPY pages, and DOC-SHM coherence",
        "§4: file handle closed after CreateFileMapping: mapping stays usable",
        new_file(PAGE) + [mapping("m", "f", "PAGE_READWRITE", 0, expect=fresh()),
                          map_view("v", "m", "FILE_MAP_WRITE", expect=ok()), close("f"),
                          close("m"), write_view("v", "c0ffee"), unmap("v"),
                          {"call": "CreateFileW", "out": "g", "path": "data.bin",
                           "access": "GENERIC_READ", "share": "FILE_SHARE_READ|FILE_SHARE_WRITE",
                           "disposition": "OPEN_EXISTING", "expect": {"ok": True}},
                          read_file("g", 3, "c0ffee")], ["lifetime", "file-backed"]))
    return [("lifetime.jsonl", c) for c in out]
