"""sizes: maximum sizes 0, 1, file size +-1, page size +-1, 64 KiB +-1, 2^32 +-1 via size_high
and huge ones, file-backed and pagefile-backed (table 1F, §5, H8, H11)."""

from gen.case import (GRANULARITY, PAGE, close, fail, file_size, fresh, make_case, map_view,
                      mapping, new_file, ok, query, query_section, read_file, read_view,
                      write_file)
from gen.rules import round_page

F = 0x3456  # the 1F file size (S5, S8, S9)
SIZES = [1, PAGE - 1, PAGE, PAGE + 1, F - 1, F, F + 1, GRANULARITY - 1, GRANULARITY,
         GRANULARITY + 1]


def file_case(prot, size):
    steps = new_file(F)
    if size == 0:
        steps.append(mapping("m", "f", prot, 0, expect=fresh()))
        steps += [query_section("m", attributes="SEC_FILE", section_size=F), file_size("f", F)]
        return make_case(f"sizes/file-{prot.lower().replace('_', '-')}-size-0",
                         f"{prot}, size 0:0 on a {F:#x}-byte file: section size = file size",
                         "asserted", ["S8", "H8"], "V test_MapViewOfFile",
                         "H8: both size DWORDs 0 -> object size = current file size", steps,
                         ["sizes", "file-backed"])
    if size <= F:
        steps.append(mapping("m", "f", prot, size, expect=fresh()))
        steps += [query_section("m", attributes="SEC_FILE", section_size=size),
                  file_size("f", F)]
        kind, rows, note, verdict = ("asserted", ["S9", "S7", "A1"],
                                     "file-backed section size is exact (S7, S9); a size smaller "
                                     "than the file is fine and leaves the file alone (§5)",
                                     "ok, exact section size")
        info = "S9: 0x3456-byte file, size 0x3452 -> Size 0x3452, Attributes SEC_FILE"
    elif prot == "PAGE_READWRITE":
        steps.append(mapping("m", "f", prot, size, expect=fresh()))
        steps += [query_section("m", attributes="SEC_FILE", section_size=size),
                  file_size("f", size)]
        kind, rows, note, verdict = ("documented", ["S6", "S1", "H11"],
                                     "DOC-CFM: the file grows to the requested size; growth to a "
                                     "size that is not a page multiple is stated only by the docs "
                                     "(§2.5)", "file grows")
        info = ("DOC-CFM: 'if the page protection allows write access ... the file on disk is "
                "increased to match the specified size'")
    else:
        steps.append(mapping("m", "f", prot, size, expect=fail("ERROR_NOT_ENOUGH_MEMORY")))
        steps.append(file_size("f", F))
        kind, rows, note, verdict = ("asserted", ["S5", "A19"],
                                     "DERIVED: STATUS_SECTION_TOO_BIG -> ERROR_NOT_ENOUGH_MEMORY; "
                                     "the file is not grown", "ERROR_NOT_ENOUGH_MEMORY")
        info = "S5: PAGE_READONLY, size 0x3457 (> file) -> NULL + ERROR_NOT_ENOUGH_MEMORY (8)"
    return make_case(f"sizes/file-{prot.lower().replace('_', '-')}-size-{size:x}",
                     f"{prot}, size {size:#x} on a {F:#x}-byte file: {verdict}", kind, rows, note,
                     info, steps, ["sizes", "file-backed", "generated"])


def pagefile_case(size):
    if size == 0:
        return make_case("sizes/pagefile-size-0", "Pagefile mapping with size 0:0: "
                         "ERROR_INVALID_PARAMETER", "documented", ["S16", "H8"],
                         "absent row S16 (§2.3: 'for pagefile mappings 0:0 is invalid (S16)'); "
                         "DOC-SHM 'You must specify a size greater than zero'",
                         "§4: INVALID_HANDLE_VALUE, size 0:0 -> NULL + ERROR_INVALID_PARAMETER",
                         [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", 0,
                                  expect=fail("ERROR_INVALID_PARAMETER"))], ["sizes", "pagefile"])
    steps = [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE", size, expect=fresh()),
             query_section("m", attributes="SEC_COMMIT", section_size=round_page(size)),
             map_view("v", "m", "FILE_MAP_READ", expect=ok()),
             query("v", region_size=round_page(size), state="MEM_COMMIT",
                   protect="PAGE_READONLY"),
             read_view("v", 1, data="00", fault=False)]
    return make_case(f"sizes/pagefile-size-{size:x}",
                     f"Pagefile mapping of {size:#x} bytes: section and view page-rounded to "
                     f"{round_page(size):#x}", "asserted", ["S10", "S11", "N8", "H11"],
                     "anonymous sections are page-rounded (S10, S11) and so is the view (N8); "
                     "pagefile pages start zero (H11)",
                     "S10: pagefile size 0x3452 -> Size 0x4000; S11: 4090 -> 4096", steps,
                     ["sizes", "pagefile", "generated"])


def large_cases():
    out = []
    for high, low in ((0, 0xffffffff), (1, 0), (1, 1)):
        total = (high << 32) | low
        out.append(make_case(
            f"sizes/file-readonly-size-{total:x}",
            f"PAGE_READONLY {high:#x}:{low:#x} on a 4096-byte file: ERROR_NOT_ENOUGH_MEMORY",
            "asserted", ["S5", "A19"], "rule of S5 (size above the file without write access) "
            "applied to a 2^32 +- 1 size given through size_high",
            "§5: PAGE_READONLY: fails, STATUS_SECTION_TOO_BIG -> ERROR_NOT_ENOUGH_MEMORY; file "
            "not grown",
            new_file(PAGE) + [mapping("m", "f", "PAGE_READONLY", low, size_high=high,
                                      expect=fail("ERROR_NOT_ENOUGH_MEMORY")),
                              file_size("f", PAGE)], ["sizes", "file-backed", "size-high"]))
        out.append(make_case(
            f"sizes/pagefile-reserve-size-{total:x}",
            f"Pagefile SEC_RESERVE mapping of {high:#x}:{low:#x} bytes: ok, page-rounded",
            "inferred", ["S17", "S10", "S11"],
            "realistic sizes above 4 GiB are UNTESTED (§5); a SEC_RESERVE section takes no "
            "commit charge (S17 shows reserved views), so only the page-rounding rule (S10, "
            "S11) applies",
            "§5: '>4 GB via dwMaximumSizeHigh ... Realistic >4 GB file growth: UNTESTED'",
            [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE|SEC_RESERVE", low,
                     size_high=high, expect=fresh()),
             query_section("m", attributes="SEC_RESERVE", section_size=round_page(total))],
            ["sizes", "pagefile", "size-high"]))
    out.append(make_case(
        "sizes/s4-absurd-size-on-empty-file", "PAGE_READWRITE 0x8000000:0x10000 on an empty "
        "file: fails (8 or 87)", "asserted", ["S4"],
        "EITHER (F test_MapFile)", "S4: NULL, ERROR_NOT_ENOUGH_MEMORY or ERROR_INVALID_PARAMETER",
        new_file(0) + [mapping("m", "f", "PAGE_READWRITE", 0x10000, size_high=0x8000000,
                               expect=fail(["ERROR_NOT_ENOUGH_MEMORY",
                                            "ERROR_INVALID_PARAMETER"]))],
        ["sizes", "file-backed", "huge"]))
    for high, low, row in ((0x80000000, 0, "S4b"), (0x80000000, 0x10000, "S4b"),
                           (0x1000, 0, "S4c"), (0x1000, 0x10000, "S4c")):
        out.append(make_case(
            f"sizes/{row.lower()}-size-{high:x}-{low:x}",
            f"PAGE_READWRITE {high:#x}:{low:#x} on an empty file fails (error not asserted)",
            "asserted", [row, "S4"], "older F test_MapFile; the error 'varies' and is not asserted",
            f"{row}: NULL; error not asserted (NT4 `broken` success not accepted)",
            new_file(0) + [mapping("m", "f", "PAGE_READWRITE", low, size_high=high,
                                   expect=fail())], ["sizes", "file-backed", "huge"]))
    out.append(make_case(
        "sizes/pagefile-huge-commit", "Pagefile SEC_COMMIT of 0xffffffff:0xfffff000 bytes fails",
        "inferred", ["S4", "H7"],
        "DOC-CFM: with SEC_COMMIT 'the system must have enough committable pages ... Otherwise, "
        "CreateFileMapping fails'; the error code is UNTESTED (open question 4): the candidates "
        "the spec names are accepted",
        "§5: exact error code UNTESTED (ERROR_COMMITMENT_LIMIT or ERROR_NOT_ENOUGH_MEMORY)",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READWRITE|SEC_COMMIT", 0xfffff000,
                 size_high=0xffffffff,
                 expect=fail(["ERROR_NOT_ENOUGH_MEMORY", "ERROR_COMMITMENT_LIMIT",
                              "ERROR_INVALID_PARAMETER"]))], ["sizes", "pagefile", "huge"]))
    return out


def row_cases():
    out = []
    out.append(make_case(
        "sizes/s1-s2-empty-file-grows-then-maps-with-size-0",
        "Empty file, PAGE_READWRITE 0:0x1000 grows it; later 0:0 maps (S1, S2)", "asserted",
        ["S1", "S2", "S3"], "F test_MapFile; S1 absent from the table, described in §2.5",
        "§2.5: 'S1/S2 (0 -> 0x1000 then 0:0 mapping succeeds)'",
        new_file(0) + [mapping("m", "f", "PAGE_READWRITE", 0x1000, expect=fresh()),
                       file_size("f", 0x1000), close("m"),
                       mapping("m2", "f", "PAGE_READWRITE", 0, expect=fresh()),
                       query_section("m2", attributes="SEC_FILE", section_size=0x1000)],
        ["sizes", "file-backed"]))
    for prot, row in (("PAGE_READWRITE", "S3"), ("PAGE_READONLY", "S15")):
        out.append(make_case(
            f"sizes/{row.lower()}-empty-file-size-0-{prot.lower().replace('_', '-')}",
            f"Empty file, {prot} size 0:0: ERROR_FILE_INVALID", "asserted",
            [row, "H8", "S13"], "F test_MapFile" if row == "S3" else "PAL CreateFileMapping_neg1",
            "H8: 'An attempt to map a file with a length of 0 (zero) fails with an error code of "
            "ERROR_FILE_INVALID'",
            new_file(0) + [mapping("m", "f", prot, 0, expect=fail("ERROR_FILE_INVALID"))],
            ["sizes", "file-backed"]))
    out.append(make_case(
        "sizes/s13-empty-file-sec-commit-size-0", "Empty file, PAGE_READONLY|SEC_COMMIT 0:0: "
        "ERROR_FILE_INVALID", "asserted", ["S13"],
        "NtCreateSection STATUS_MAPPED_FILE_SIZE_ZERO -> ERROR_FILE_INVALID (§0.3)",
        "S13: 0-byte file -> STATUS_MAPPED_FILE_SIZE_ZERO",
        new_file(0) + [mapping("m", "f", "PAGE_READONLY|SEC_COMMIT", 0,
                               expect=fail("ERROR_FILE_INVALID"))], ["sizes", "file-backed"]))
    out.append(make_case(
        "sizes/s14-empty-file-sec-image", "Empty file, SEC_IMAGE|PAGE_READONLY 0:0: "
        "ERROR_BAD_EXE_FORMAT", "asserted", ["S14"],
        "DERIVED: STATUS_INVALID_FILE_FOR_SECTION -> ERROR_BAD_EXE_FORMAT",
        "S14: 0-byte file, SEC_IMAGE -> STATUS_INVALID_FILE_FOR_SECTION",
        new_file(0) + [mapping("m", "f", "SEC_IMAGE|PAGE_READONLY", 0,
                               expect=fail("ERROR_BAD_EXE_FORMAT"))], ["sizes", "sec-image"]))
    out.append(make_case(
        "sizes/s12-data-file-sec-image", "Non-PE data file, SEC_IMAGE|PAGE_READONLY: "
        "ERROR_BAD_EXE_FORMAT", "asserted", ["S12", "C27"],
        "absent row S12 (§5: NT STATUS_INVALID_IMAGE_NOT_MZ) -> ERROR_BAD_EXE_FORMAT",
        "§5: SEC_IMAGE on a non-PE file -> ERROR_BAD_EXE_FORMAT (C27; S12)",
        new_file(0x2000) + [write_file("f", "00112233"),
                            mapping("m", "f", "SEC_IMAGE|PAGE_READONLY", 0,
                                    expect=fail("ERROR_BAD_EXE_FORMAT"))], ["sizes", "sec-image"]))
    out.append(make_case(
        "sizes/s5-readonly-larger-than-file", "PAGE_READONLY size 0x3457 on a 0x3456-byte file: "
        "ERROR_NOT_ENOUGH_MEMORY, file untouched", "asserted", ["S5"],
        "DERIVED (STATUS_SECTION_TOO_BIG)", "S5: NULL + ERROR_NOT_ENOUGH_MEMORY (8), file not "
                                            "grown",
        new_file(F) + [mapping("m", "f", "PAGE_READONLY", F + 1,
                               expect=fail("ERROR_NOT_ENOUGH_MEMORY")), file_size("f", F)],
        ["sizes", "file-backed"]))
    out.append(make_case(
        "sizes/s6-readwrite-grows-file-to-1mib", "4096-byte file, PAGE_READWRITE 0:0x100000 named: "
        "file and section grow to 1 MiB", "asserted", ["S6"], "V test_MapViewOfFile",
        "S6: NtQuerySection Size 0x100000, Attributes SEC_FILE; view RegionSize 0x100000",
        new_file(PAGE) + [mapping("m", "f", "PAGE_READWRITE", 0x100000, name="Foo",
                                  expect=fresh()),
                          query_section("m", attributes="SEC_FILE", section_size=0x100000),
                          map_view("v", "m", "FILE_MAP_WRITE", expect=ok()),
                          query("v", region_size=0x100000, state="MEM_COMMIT",
                                protect="PAGE_READWRITE"),
                          file_size("f", 0x100000)], ["sizes", "file-backed"]))
    out.append(make_case(
        "sizes/s7-exact-36-byte-section", "36-byte file, PAGE_READONLY 0:0: section size 36",
        "asserted", ["S7", "S8"], "absent row S7 (§5: 'file-backed section size is exact (36 "
        "bytes, S7)')", "§5: file-backed section size is exact",
        new_file(36) + [mapping("m", "f", "PAGE_READONLY", 0, expect=fresh()),
                        query_section("m", attributes="SEC_FILE", section_size=36),
                        map_view("v", "m", "FILE_MAP_READ", expect=ok()),
                        query("v", region_size=PAGE, protect="PAGE_READONLY"),
                        read_view("v", 36, data="00" * 36, fault=False)],
        ["sizes", "file-backed"]))
    out.append(make_case(
        "sizes/s10-pagefile-sec-commit-0x3452", "Pagefile PAGE_READONLY|SEC_COMMIT of 0x3452 bytes:"
        " section size 0x4000", "asserted", ["S10"], "V (NtCreateSection there, "
        "CreateFileMapping here)", "S10: Size 0x4000 (anonymous sections page-rounded), "
        "Attributes SEC_COMMIT",
        [mapping("m", "INVALID_HANDLE_VALUE", "PAGE_READONLY|SEC_COMMIT", 0x3452, expect=fresh()),
         query_section("m", attributes="SEC_COMMIT", section_size=0x4000)],
        ["sizes", "pagefile"]))
    out.append(make_case(
        "sizes/s9-section-smaller-than-file", "0x3456-byte file, PAGE_READONLY|SEC_COMMIT size "
        "0x3452: section size 0x3452", "asserted", ["S9"], "V (NtCreateSection there)",
        "S9: success, Size 0x3452, Attributes SEC_FILE",
        new_file(F) + [mapping("m", "f", "PAGE_READONLY|SEC_COMMIT", 0x3452, expect=fresh()),
                       query_section("m", attributes="SEC_FILE", section_size=0x3452)],
        ["sizes", "file-backed"]))
    out.append(make_case(
        "sizes/grown-bytes-readable", "After growth by PAGE_READWRITE the file's old bytes stay",
        "documented", ["H11", "S6"], "DOC-CFM: the new bytes are 'not guaranteed to be zero', so "
        "only the old bytes are checked", "H11: grown file bytes not guaranteed to be zero",
        new_file(0) + [write_file("f", "0102030405"),
                       mapping("m", "f", "PAGE_READWRITE", 0x2000, expect=fresh()),
                       file_size("f", 0x2000), read_file("f", 5, "0102030405")],
        ["sizes", "file-backed"]))
    return out


def cases():
    out = []
    for prot in ("PAGE_READONLY", "PAGE_READWRITE"):
        for size in [0] + SIZES:
            out.append(("file-backed.jsonl", file_case(prot, size)))
    for size in [0] + SIZES:
        out.append(("pagefile.jsonl", pagefile_case(size)))
    out += [("size-high.jsonl", c) for c in large_cases()]
    out += [("table-1f.jsonl", c) for c in row_cases()]
    return out
