"""The spec's rules as small oracle functions (the generator's only source of expectations).

Each function cites the facts (corpus/facts, spec:<id>) it encodes. Nothing here is taken
from what Wine or the reference model returns.
"""

PAGE_NAMES = [  # single protection bits, ascending (spec §0 constants)
    (0x01, "PAGE_NOACCESS"), (0x02, "PAGE_READONLY"), (0x04, "PAGE_READWRITE"),
    (0x08, "PAGE_WRITECOPY"), (0x10, "PAGE_EXECUTE"), (0x20, "PAGE_EXECUTE_READ"),
    (0x40, "PAGE_EXECUTE_READWRITE"), (0x80, "PAGE_EXECUTE_WRITECOPY"),
]
NAME_OF = {v: n for v, n in PAGE_NAMES}

# The six documented valid flProtect values (DOC-CFM, spec §2.2; B3, B5, B9, B18, B20, B24).
VALID = {0x02: "PAGE_READONLY", 0x04: "PAGE_READWRITE", 0x08: "PAGE_WRITECOPY",
         0x20: "PAGE_EXECUTE_READ", 0x40: "PAGE_EXECUTE_READWRITE",
         0x80: "PAGE_EXECUTE_WRITECOPY"}
SHORT = {0x02: "ro", 0x04: "rw", 0x08: "wc", 0x20: "xr", 0x40: "xrw", 0x80: "xwc"}

# Table 1B row ids by low byte; B8, B9, B14, B26 are absent from the table (prose gaps): by the
# table's order they are 0x07, 0x08 (PAGE_WRITECOPY), 0x0d, 0xa0.
B_ROW = {0x00: "B1", 0x01: "B2", 0x02: "B3", 0x03: "B4", 0x04: "B5", 0x05: "B6", 0x06: "B7",
         0x07: "B8", 0x08: "B9", 0x09: "B10", 0x0a: "B11", 0x0b: "B12", 0x0c: "B13", 0x0d: "B14",
         0x0e: "B15", 0x0f: "B16", 0x10: "B17", 0x20: "B18", 0x30: "B19", 0x40: "B20",
         0x50: "B21", 0x60: "B22", 0x70: "B23", 0x80: "B24", 0x90: "B25", 0xa0: "B26",
         0xb0: "B27", 0xc0: "B28", 0xd0: "B29", 0xe0: "B30", 0xf0: "B31"}
B_ABSENT = {"B8", "B9", "B14", "B26"}


def protect_name(value):
    """`PAGE_READONLY|PAGE_NOACCESS`-style text for a low byte; "0" for zero."""
    if value in NAME_OF:
        return NAME_OF[value]
    if value == 0:
        return "0"
    return "|".join(n for v, n in PAGE_NAMES if value & v)


def join_flags(*parts):
    return "|".join(p for p in parts if p)


# --- file access required by a protection (spec:H3, spec:A5-A20, spec:§2.4) ---------------------------
R, W, X = 1, 2, 4
REQUIRED_FILE_RIGHTS = {0x02: R, 0x08: R, 0x04: R | W, 0x20: R | X, 0x80: R | X,
                        0x40: R | W | X}
GENERIC = {R: "GENERIC_READ", W: "GENERIC_WRITE", X: "GENERIC_EXECUTE"}


def generic_mask_name(bits):
    if not bits:
        return "0"
    return "|".join(GENERIC[b] for b in (R, W, X) if bits & b)


def generic_mask_slug(bits):
    if not bits:
        return "access0"
    return "".join(s for b, s in ((R, "r"), (W, "w"), (X, "x")) if bits & b)


# --- MapViewOfFile: resulting protection and compatibility (table 1D rule) -------------------
FILE_MAP_COPY, FILE_MAP_WRITE, FILE_MAP_READ = 0x1, 0x2, 0x4
SECTION_MAP_EXECUTE, FILE_MAP_EXECUTE = 0x8, 0x20

ACCESS_BITS = [(0x20, "FILE_MAP_EXECUTE"), (0x8, "SECTION_MAP_EXECUTE"), (0x4, "FILE_MAP_READ"),
               (0x2, "FILE_MAP_WRITE"), (0x1, "FILE_MAP_COPY")]


def access_name(access):
    if access == 0:
        return "0"
    return "|".join(n for v, n in ACCESS_BITS if access & v)


def access_slug(access):
    if access == 0:
        return "access0"
    parts = {0x20: "x", 0x8: "smx", 0x4: "r", 0x2: "w", 0x1: "c"}
    return "-".join(parts[v] for v, _ in ACCESS_BITS if access & v)


def d_row(access):
    """Table 1D row id: D<index>, index = low nibble + 16 if FILE_MAP_EXECUTE."""
    return "D%d" % ((access & 0xf) + (16 if access & FILE_MAP_EXECUTE else 0))


D_TABLE_ACCESSES = [a for a in range(0x30) if a & 0x10 == 0]  # 0x00-0x0f and 0x20-0x2f
D_ABSENT = {"D3", "D4", "D5", "D9", "D11", "D30"}


def view_protection(access):
    """file_access_to_prot (spec 1D rule): exec iff 0x20; ==COPY -> WRITECOPY; WRITE -> RW;
    READ -> RO; else NOACCESS (and NOACCESS stays NOACCESS with the exec bit: D16, D24, D25)."""
    exe = bool(access & FILE_MAP_EXECUTE)
    a = access & ~FILE_MAP_EXECUTE
    if a == FILE_MAP_COPY:
        return 0x80 if exe else 0x08
    if a & FILE_MAP_WRITE:
        return 0x40 if exe else 0x04
    if a & FILE_MAP_READ:
        return 0x20 if exe else 0x02
    return 0x01


# What a view of each resulting protection needs from the mapping, and what each mapping
# protection offers (columns RO/RW/XR/XRW of table 1D).
NEEDS = {0x01: R, 0x02: R, 0x08: R, 0x04: R | W, 0x20: R | X, 0x80: R | X, 0x40: R | W | X}
OFFERS = {0x02: R, 0x08: R, 0x04: R | W, 0x20: R | X, 0x80: R | X, 0x40: R | W | X}
COLUMN = {0x02: "RO", 0x08: "RO", 0x04: "RW", 0x20: "XR", 0x80: "XR", 0x40: "XRW"}


def view_compatible(map_protect, access):
    """True when table 1D says OK for this mapping protection (None = the H0 column)."""
    if map_protect is None:
        return False  # H0: a handle with access 0 is denied every view (D43, §3)
    need = NEEDS[view_protection(access)]
    return need & OFFERS[map_protect] == need


def round_page(n):
    return (n + 4095) // 4096 * 4096
