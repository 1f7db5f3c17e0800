"""protect: every flProtect low byte 0x00-0xFF, alone and with each SEC_* attribute, file-backed
and pagefile-backed. Expectations from table 1B (validity), table 1C / §5 (attributes) and 1D."""

from gen import rules
from gen.case import (PAGE, close, create_file, fail, fresh, make_case, map_view, mapping, ok,
                      query, query_section, set_size, write_file)

# (slug, SEC_* text). SEC_NOCACHE and SEC_WRITECOMBINE need SEC_COMMIT or SEC_RESERVE (H6).
ATTRIBUTES = [
    ("none", ""),
    ("sec-commit", "SEC_COMMIT"),
    ("sec-reserve", "SEC_RESERVE"),
    ("sec-nocache", "SEC_COMMIT|SEC_NOCACHE"),
    ("sec-writecombine", "SEC_COMMIT|SEC_WRITECOMBINE"),
    ("sec-large-pages", "SEC_LARGE_PAGES"),
    ("sec-image", "SEC_IMAGE"),
    ("sec-file", "SEC_FILE"),
]

# Successful (valid protection) outcomes per attribute and backing:
# (attributes reported by NtQuerySection, rows, kind, note).
SUCCESS = {
    ("none", "pagefile"): ("SEC_COMMIT", ["C17", "H4", "N10"], "asserted",
                           "no attribute: SEC_COMMIT assumed and reported"),
    ("none", "file"): ("SEC_FILE", ["C36", "H4"], "asserted",
                       "file-backed section reports SEC_FILE"),
    ("sec-commit", "pagefile"): ("SEC_COMMIT", ["C4"], "asserted", "reported as given"),
    ("sec-commit", "file"): ("SEC_FILE", ["C22", "H4"], "asserted",
                             "SEC_COMMIT has no effect for files; reported SEC_FILE"),
    ("sec-reserve", "pagefile"): ("SEC_RESERVE", ["S17", "C1"], "asserted", "reported as given"),
    ("sec-reserve", "file"): ("SEC_FILE", ["C18", "H4"], "asserted",
                              "SEC_RESERVE ignored for files (absent row C18, derived from H4)"),
    ("sec-nocache", "pagefile"): ("SEC_COMMIT|SEC_NOCACHE", ["C5"], "asserted",
                                  "reported as given"),
    ("sec-nocache", "file"): ("SEC_FILE|SEC_NOCACHE", ["C23", "C19", "H6"], "asserted",
                              "absent row C23, derived from C19: files report SEC_FILE plus "
                              "SEC_NOCACHE"),
    ("sec-writecombine", "pagefile"): ("SEC_COMMIT|SEC_WRITECOMBINE", ["C6"], "asserted",
                                       "reported as given"),
    ("sec-writecombine", "file"): ("SEC_FILE|SEC_WRITECOMBINE", ["C25", "C19", "H6"],
                                   "asserted", "absent row C25, derived from C19/C21: files "
                                   "report SEC_FILE plus SEC_WRITECOMBINE"),
}

FAILING_ATTRIBUTE = {
    ("sec-large-pages", "pagefile"): ("ERROR_INVALID_PARAMETER", ["C12", "H7"],
                                      "SEC_LARGE_PAGES needs SEC_COMMIT"),
    ("sec-large-pages", "file"): ("ERROR_INVALID_PARAMETER", ["C31", "H7"],
                                  "SEC_LARGE_PAGES only for pagefile mappings"),
    ("sec-file", "pagefile"): ("ERROR_INVALID_PARAMETER", ["C14"],
                               "SEC_FILE passed explicitly is rejected"),
    ("sec-file", "file"): ("ERROR_INVALID_PARAMETER", ["C33"],
                           "SEC_FILE passed explicitly is rejected"),
    ("sec-image", "pagefile"): ("ERROR_BAD_EXE_FORMAT", ["C8"],
                                "SEC_IMAGE needs a file: STATUS_INVALID_FILE_FOR_SECTION"),
}


def expectation(p, attr, backing):
    """(expect, kind, rows, note, info) for CreateFileMapping with low byte p."""
    b_row = rules.B_ROW.get(p)
    valid = p in rules.VALID
    if not valid:
        rows = [b_row] if b_row else ["B1", "B31"]
        note = ("rule: protection must be exactly one of the six valid values; "
                + ("row in table 1B" if b_row and b_row not in rules.B_ABSENT else
                   "value not listed in 1B, derived from the rule" if not b_row else
                   "row absent from the table, derived from the rule"))
        kind = "asserted"
        if attr == "sec-image" and backing == "pagefile":
            kind = "inferred"
            note += ("; with SEC_IMAGE and no file the spec gives no check order: we infer the "
                     "protection check (ERROR_INVALID_PARAMETER) comes before the image check "
                     "(C8, ERROR_BAD_EXE_FORMAT), as for SEC_IMAGE files where PAGE_NOACCESS and "
                     "PAGE_EXECUTE fail with ERROR_INVALID_PARAMETER (1D)")
            rows = rows + ["C8"]
        elif attr == "sec-image":
            rows = rows + ["H5"]
            note += "; 1D: PAGE_NOACCESS|SEC_IMAGE and PAGE_EXECUTE|SEC_IMAGE fail 87"
        elif attr != "none":
            key = (attr, backing)
            rows = rows + ([FAILING_ATTRIBUTE[key][1][0]] if key in FAILING_ATTRIBUTE
                           else [SUCCESS[key][1][0]])
            note += "; the attribute check fails with the same error if it applies"
        info = ("DOC-CFM valid values are exactly PAGE_EXECUTE_READ, PAGE_EXECUTE_READWRITE, "
                "PAGE_EXECUTE_WRITECOPY, PAGE_READONLY, PAGE_READWRITE, PAGE_WRITECOPY (§2.2); "
                "every failing 1B row: NULL + ERROR_INVALID_PARAMETER (87)")
        return fail("ERROR_INVALID_PARAMETER"), kind, rows, note, info

    key = (attr, backing)
    if key in FAILING_ATTRIBUTE:
        error, rows, note = FAILING_ATTRIBUTE[key]
        return (fail(error), "asserted", rows + [b_row], note + "; protection " +
                rules.VALID[p] + " is valid (table 1B)",
                f"table 1C: {attr} on {backing} -> {error}")
    if attr == "sec-image":  # a valid PE file opened GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE
        if p in (0x04, 0x40):
            return (fresh(), "inferred", ["H5", "H3", b_row, "C37"],
                    "1D says PAGE_READWRITE|SEC_IMAGE and PAGE_EXECUTE_READWRITE|SEC_IMAGE 'may "
                    "fail (test just skips)' on a GENERIC_READ|GENERIC_EXECUTE kernel32.dll "
                    "handle; "
                    "this handle also has GENERIC_WRITE, so H3 is satisfied and H5 says the "
                    "protection has no effect on image views: we infer success",
                    "H5: SEC_IMAGE page protection 'has no effect on views of the executable "
                    "image file'")
        return (fresh(), "asserted", ["C37", "H5", b_row],
                "SEC_IMAGE on a valid PE succeeds (absent row C37, as C39 and the 1D SEC_IMAGE "
                "views)", "1D: SEC_IMAGE views of kernel32.dll succeed with the valid protections")
    attrs, rows, kind, note = SUCCESS[key]
    return (fresh(), kind, rows + [b_row], note, f"attributes reported: {attrs}")


def build_case(p, attr_slug, attr_text, backing):
    protect = rules.join_flags(rules.protect_name(p) if p else "", attr_text) or "0"
    expect, kind, rows, note, info = expectation(p, attr_slug, backing)
    steps = []
    if backing == "file":
        if attr_slug == "sec-image":
            steps.append(create_file(path="image.dll",
                                     access="GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE"))
            steps.append(write_file("f", "@minimal-pe"))
            steps.append(mapping("m", "f", protect, 0, expect=expect))
        else:
            steps.append(create_file(access="GENERIC_READ|GENERIC_WRITE|GENERIC_EXECUTE"))
            steps.append(set_size("f", PAGE))
            steps.append(mapping("m", "f", protect, PAGE, expect=expect))
    else:
        steps.append(mapping("m", "INVALID_HANDLE_VALUE", protect, PAGE, expect=expect))
    if expect["ok"] and attr_slug != "sec-image":
        attrs = SUCCESS[(attr_slug, backing)][0]
        steps.append(query_section("m", attributes=attrs, section_size=PAGE))
        if attr_slug in ("none", "sec-commit"):
            # 1B: every successful row maps FILE_MAP_READ and sees PAGE_READONLY, MEM_COMMIT, 1 page
            steps.append(map_view("v", "m", "FILE_MAP_READ", expect=ok()))
            steps.append(query("v", protect="PAGE_READONLY", allocation_protect="PAGE_READONLY",
                               state="MEM_COMMIT", region_size=PAGE))
    if expect["ok"]:
        steps.append(close("m"))
    name = "0x%02x" % p
    verdict = "ok" if expect["ok"] else "fails"
    title = (f"flProtect {name} ({rules.protect_name(p)}) with {attr_text or 'no SEC_* attribute'}"
             f", {backing}-backed: {verdict}")
    if len(title) >= 100:
        title = f"flProtect {name} with {attr_text or 'no SEC_* attribute'}, {backing}: {verdict}"
    case_id = f"protect/{backing}-{attr_slug}-0x{p:02x}"
    tags = ["generated", "protect", f"{backing}-backed"]
    return make_case(case_id, title, kind, rows, note, info, steps, tags)


def cases():
    out = []
    for backing in ("file", "pagefile"):
        for attr_slug, attr_text in ATTRIBUTES:
            fname = f"{backing}-{attr_slug}.jsonl"
            for p in range(256):
                out.append((fname, build_case(p, attr_slug, attr_text, backing)))
    return out
