"""The case groups, one module each; each `cases()` returns (file name, case) pairs."""

from gen.groups import (file_access, handles, lifetime, names, protect, sec_flags, seed, sharing,
                        sizes, views)

ALL_GROUPS = [
    ("seed", seed),
    ("protect", protect),
    ("sec-flags", sec_flags),
    ("file-access", file_access),
    ("sizes", sizes),
    ("handles", handles),
    ("names", names),
    ("views", views),
    ("lifetime", lifetime),
    ("sharing", sharing),
]
