"""A small validator for generated cases, per corpus/case-format.md: JSON well-formed, ids
unique and `group/kebab-name`, calls and parameters from the format's table, flag names from the
vocabulary (src/api/vocabulary.cpp), handles and views defined before use, relative paths."""

import json
import re

from gen.case import ACCEPTED_KINDS

STANDARD = ["DELETE", "READ_CONTROL", "WRITE_DAC", "WRITE_OWNER", "SYNCHRONIZE",
            "STANDARD_RIGHTS_REQUIRED", "MAXIMUM_ALLOWED", "GENERIC_ALL", "GENERIC_EXECUTE",
            "GENERIC_WRITE", "GENERIC_READ"]
PROTECT = ["PAGE_NOACCESS", "PAGE_READONLY", "PAGE_READWRITE", "PAGE_WRITECOPY", "PAGE_EXECUTE",
           "PAGE_EXECUTE_READ", "PAGE_EXECUTE_READWRITE", "PAGE_EXECUTE_WRITECOPY", "PAGE_GUARD",
           "PAGE_NOCACHE", "PAGE_WRITECOMBINE", "SEC_FILE", "SEC_IMAGE", "SEC_PROTECTED_IMAGE",
           "SEC_RESERVE", "SEC_COMMIT", "SEC_NOCACHE", "SEC_WRITECOMBINE", "SEC_LARGE_PAGES",
           "SEC_IMAGE_NO_EXECUTE"]
MAP_ACCESS = ["FILE_MAP_COPY", "FILE_MAP_WRITE", "FILE_MAP_READ", "SECTION_MAP_EXECUTE",
              "SECTION_EXTEND_SIZE", "FILE_MAP_EXECUTE", "FILE_MAP_ALL_ACCESS", "SECTION_QUERY",
              "SECTION_MAP_WRITE", "SECTION_MAP_READ", "SECTION_MAP_EXECUTE_EXPLICIT",
              "SECTION_ALL_ACCESS"] + STANDARD
FILE_ACCESS = ["FILE_READ_DATA", "FILE_WRITE_DATA", "FILE_APPEND_DATA", "FILE_READ_EA",
               "FILE_WRITE_EA", "FILE_EXECUTE", "FILE_READ_ATTRIBUTES", "FILE_WRITE_ATTRIBUTES",
               "FILE_GENERIC_READ", "FILE_GENERIC_WRITE", "FILE_GENERIC_EXECUTE",
               "FILE_ALL_ACCESS"] + STANDARD
SYNC_ACCESS = ["MUTEX_MODIFY_STATE", "EVENT_MODIFY_STATE", "SEMAPHORE_MODIFY_STATE",
               "EVENT_ALL_ACCESS", "MUTEX_ALL_ACCESS", "SEMAPHORE_ALL_ACCESS"] + STANDARD
FAMILIES = {
    "protect": PROTECT,
    "map_access": MAP_ACCESS,
    "file_access": FILE_ACCESS,
    "share": ["FILE_SHARE_READ", "FILE_SHARE_WRITE", "FILE_SHARE_DELETE"],
    "disposition": ["CREATE_NEW", "CREATE_ALWAYS", "OPEN_EXISTING", "OPEN_ALWAYS",
                    "TRUNCATE_EXISTING"],
    "file_flags": ["FILE_ATTRIBUTE_READONLY", "FILE_ATTRIBUTE_HIDDEN", "FILE_ATTRIBUTE_SYSTEM",
                   "FILE_ATTRIBUTE_ARCHIVE", "FILE_ATTRIBUTE_NORMAL", "FILE_ATTRIBUTE_TEMPORARY",
                   "FILE_FLAG_RANDOM_ACCESS", "FILE_FLAG_SEQUENTIAL_SCAN",
                   "FILE_FLAG_DELETE_ON_CLOSE", "FILE_FLAG_WRITE_THROUGH"],
    "sync_access": SYNC_ACCESS,
    "any_access": sorted(set(MAP_ACCESS + FILE_ACCESS + SYNC_ACCESS)),
    "mem_state": ["MEM_COMMIT", "MEM_RESERVE", "MEM_FREE"],
    "section_attributes": ["SEC_FILE", "SEC_IMAGE", "SEC_PROTECTED_IMAGE", "SEC_RESERVE",
                           "SEC_COMMIT", "SEC_NOCACHE", "SEC_WRITECOMBINE", "SEC_LARGE_PAGES",
                           "SEC_IMAGE_NO_EXECUTE"],
}
ERRORS = ["ERROR_SUCCESS", "ERROR_FILE_NOT_FOUND", "ERROR_PATH_NOT_FOUND", "ERROR_ACCESS_DENIED",
          "ERROR_INVALID_HANDLE", "ERROR_NOT_ENOUGH_MEMORY", "ERROR_SHARING_VIOLATION",
          "ERROR_HANDLE_EOF", "ERROR_FILE_EXISTS", "ERROR_INVALID_PARAMETER", "ERROR_DISK_FULL",
          "ERROR_INVALID_NAME", "ERROR_BAD_PATHNAME", "ERROR_ALREADY_EXISTS",
          "ERROR_BAD_EXE_FORMAT", "ERROR_FILENAME_EXCED_RANGE", "ERROR_INVALID_ADDRESS",
          "ERROR_NOACCESS", "ERROR_FILE_INVALID", "ERROR_MAPPED_ALIGNMENT",
          "ERROR_USER_MAPPED_FILE", "ERROR_PRIVILEGE_NOT_HELD", "ERROR_COMMITMENT_LIMIT"]

# kind of each parameter: handle / view / out / flags:<family> / int / bool / name / path / hex /
# base / address
_CFM = {"out": "out", "file": "handle", "protect": "flags:protect", "size_high": "int",
        "size_low": "int", "name": "name", "inherit": "bool"}
_OFM = {"out": "out", "access": "flags:map_access", "inherit": "bool", "name": "name!"}
_MVF = {"out": "view_out", "mapping": "handle", "access": "flags:map_access",
        "offset_high": "int", "offset_low": "int", "bytes": "int"}
_CF = {"out": "out", "path": "path", "access": "flags:file_access", "share": "flags:share",
       "disposition": "flags:disposition", "flags": "flags:file_flags"}
_OPEN_SYNC = {"out": "out", "access": "flags:sync_access", "inherit": "bool", "name": "name!"}
CALLS = {
    "CreateFileW": (_CF, ["out", "path"]),
    "CreateFileA": (_CF, ["out", "path"]),
    "CreateFileMappingW": (_CFM, ["out", "file", "protect"]),
    "CreateFileMappingA": (_CFM, ["out", "file", "protect"]),
    "OpenFileMappingW": (_OFM, ["out", "access", "name"]),
    "OpenFileMappingA": (_OFM, ["out", "access", "name"]),
    "MapViewOfFile": (_MVF, ["out", "mapping", "access"]),
    "MapViewOfFileEx": (dict(_MVF, base="base"), ["out", "mapping", "access", "base"]),
    "UnmapViewOfFile": ({"view": "view", "offset": "int", "address": "int"}, []),
    "CloseHandle": ({"handle": "handle"}, ["handle"]),
    "DuplicateHandle": ({"out": "out", "handle": "handle", "access": "flags:any_access",
                         "same_access": "bool"}, ["out", "handle"]),
    "CreateEventW": ({"out": "out", "name": "name", "manual_reset": "bool", "initial": "bool"},
                     ["out"]),
    "CreateMutexW": ({"out": "out", "name": "name", "initial": "bool"}, ["out"]),
    "CreateSemaphoreW": ({"out": "out", "name": "name", "initial": "int", "maximum": "int"},
                         ["out"]),
    "OpenEventW": (_OPEN_SYNC, ["out", "access", "name"]),
    "OpenMutexW": (_OPEN_SYNC, ["out", "access", "name"]),
    "OpenSemaphoreW": (_OPEN_SYNC, ["out", "access", "name"]),
    "GetFileSize": ({"handle": "handle"}, ["handle"]),
    "SetFileSize": ({"handle": "handle", "size": "int"}, ["handle", "size"]),
    "SetEndOfFile": ({"handle": "handle"}, ["handle"]),
    "ReadFile": ({"handle": "handle", "offset": "int", "length": "read_length"},
                 ["handle", "length"]),
    "WriteFile": ({"handle": "handle", "offset": "int", "data": "hex"}, ["handle", "data"]),
    "VirtualQuery": ({"view": "view", "offset": "int"}, ["view"]),
    "ReadView": ({"view": "view", "offset": "int", "length": "read_length"}, ["view", "length"]),
    "WriteView": ({"view": "view", "offset": "int", "data": "hex"}, ["view", "data"]),
    "QuerySection": ({"handle": "handle"}, ["handle"]),
}
OBSERVABLES = {
    "GetFileSize": {"size": "int"},
    "VirtualQuery": {"protect": "flags:protect", "allocation_protect": "flags:protect",
                     "state": "flags:mem_state", "region_size": "int"},
    "QuerySection": {"attributes": "flags:section_attributes", "section_size": "int"},
    "ReadView": {"data": "hexdata", "fault": "bool"},
    "WriteView": {"fault": "bool"},
    "ReadFile": {"data": "hexdata"},
}
SPECIAL_HANDLES = {"NULL", "INVALID_HANDLE_VALUE", "CURRENT_PROCESS", "CURRENT_THREAD"}
# The largest ReadFile/ReadView `length` fmconf accepts (kMaxReadLength, src/cases/step.hpp).
MAX_READ_LENGTH = 1 << 20
ID_RE = re.compile(r"^[a-z0-9-]+/[a-z0-9][a-z0-9.-]*$")
TOP_KEYS = {"id", "title", "provenance", "steps", "raw_names", "rule", "tags", "info"}


def _check_flags(text, family):
    if not isinstance(text, str) or not text.strip():
        return f"bad {family} flag value {text!r}"
    for part in text.split("|"):
        part = part.strip()
        if re.fullmatch(r"0[xX][0-9a-fA-F]+|[0-9]+", part):
            if int(part, 0) > 0xffffffff:
                return f"flag number {part} out of range"
            continue
        if part not in FAMILIES[family]:
            return f"unknown flag {part!r} for {family}"
    return None


def _check_value(kind, value, handles, views):
    if kind in ("out", "view_out"):
        return None if isinstance(value, str) and value else "bad out name"
    if kind == "handle":
        if not isinstance(value, str):
            return "handle must be a string"
        if value in SPECIAL_HANDLES or re.fullmatch(r"0x[0-9a-fA-F]+", value) or value in handles:
            return None
        return f"handle {value!r} used before it is defined"
    if kind == "view":
        return None if value in views else f"view {value!r} used before it is defined"
    if kind.startswith("flags:"):
        return _check_flags(value, kind[6:])
    if kind == "int":
        return None if isinstance(value, int) and not isinstance(value, bool) and value >= 0 \
            else f"bad number {value!r}"
    if kind == "read_length":
        if isinstance(value, int) and not isinstance(value, bool) and \
                0 <= value <= MAX_READ_LENGTH:
            return None
        return f"bad read length {value!r} (at most {MAX_READ_LENGTH})"
    if kind == "bool":
        return None if isinstance(value, bool) else f"bad bool {value!r}"
    if kind in ("name", "name!"):
        if value is None and kind == "name":
            return None
        return None if isinstance(value, str) else f"bad name {value!r}"
    if kind == "path":
        if not isinstance(value, str) or not value or value.startswith(("/", "\\")) or \
                re.match(r"^[A-Za-z]:", value) or ".." in re.split(r"[/\\]", value):
            return f"bad path {value!r}"
        return None
    if kind == "hex":
        if value == "@minimal-pe" or (isinstance(value, str) and
                                     re.fullmatch(r"([0-9a-f]{2})*", value)):
            return None
        return f"bad hex {value!r}"
    if kind == "hexdata":
        return None if isinstance(value, str) and re.fullmatch(r"([0-9a-f]{2})*", value) \
            else f"bad hex {value!r}"
    if kind == "base":
        if value is None or (isinstance(value, int) and value >= 0):
            return None
        m = re.fullmatch(r"(.+)\+([0-9]+)", value) if isinstance(value, str) else None
        if m and m.group(1) in views:
            return None
        return f"bad base {value!r}"
    return f"unknown parameter kind {kind}"


def _check_expect(call, expect):
    if not isinstance(expect, dict):
        return "expect must be an object"
    allowed = {"ok": "bool", "error": "error"}
    allowed.update(OBSERVABLES.get(call, {}))
    for key, value in expect.items():
        if key not in allowed:
            return f"expect field {key!r} not observable for {call}"
        values = value if isinstance(value, list) else [value]
        if isinstance(value, list) and len(value) < 2:
            return f"expect {key}: an array needs two or more accepted values"
        for v in values:
            kind = allowed[key]
            if kind == "error":
                if v not in ERRORS:
                    return f"unknown error {v!r}"
                continue
            problem = _check_value(kind, v, set(), set())
            if problem:
                return f"expect {key}: {problem}"
    return None


def validate_case(case):
    """Returns a list of problems (empty when the case is valid)."""
    problems = []
    for key in case:
        if key not in TOP_KEYS:
            problems.append(f"unknown top-level field {key!r}")
    cid = case.get("id")
    if not isinstance(cid, str) or not ID_RE.match(cid):
        problems.append(f"bad id {cid!r}")
    title = case.get("title")
    if not isinstance(title, str) or "\n" in title or len(title) >= 100 or not title:
        problems.append(f"title must be one line under 100 characters: {title!r}")
    prov = case.get("provenance")
    source = prov.get("source") if isinstance(prov, dict) else None
    # A source cites spec rows; an inferred case may cite the model's inferred choice instead.
    cites = isinstance(source, str) and ("spec:" in source or (
        prov.get("kind") == "inferred" and "inferred:" in source))
    if not isinstance(prov, dict) or prov.get("kind") not in ACCEPTED_KINDS or not cites:
        problems.append("provenance needs kind asserted|documented|derived|inferred (or the old "
                        "recorded) and a spec: source "
                        "(inferred: or an inferred: source)")
    handles, views = set(), set()
    steps = case.get("steps")
    if not isinstance(steps, list) or not steps:
        return problems + ["steps must be a non-empty list"]
    for i, s in enumerate(steps):
        call = s.get("call")
        if call not in CALLS:
            problems.append(f"step {i}: unknown call {call!r}")
            continue
        params, required = CALLS[call]
        for r in required:
            if r not in s:
                problems.append(f"step {i}: {call} needs {r!r}")
        if call == "DuplicateHandle" and ("access" in s) == bool(s.get("same_access")):
            problems.append(f"step {i}: DuplicateHandle needs access or same_access")
        if call == "UnmapViewOfFile" and ("view" in s) == ("address" in s):
            problems.append(f"step {i}: UnmapViewOfFile needs view or address")
        for key, value in s.items():
            if key in ("call", "expect"):
                continue
            if key not in params:
                problems.append(f"step {i}: {call} has no parameter {key!r}")
                continue
            problem = _check_value(params[key], value, handles, views)
            if problem:
                problems.append(f"step {i} {key}: {problem}")
        if "expect" in s:
            problem = _check_expect(call, s["expect"])
            if problem:
                problems.append(f"step {i}: {problem}")
        if "out" in s:
            (views if params.get("out") == "view_out" else handles).add(s["out"])
    return problems


def validate_all(cases):
    """Validates every case and the corpus as a whole; returns a list of problems."""
    problems = []
    seen = set()
    for c in cases:
        text = json.dumps(c, ensure_ascii=False)
        if json.loads(text) != c:
            problems.append(f"{c.get('id')}: does not round-trip through JSON")
        if c.get("id") in seen:
            problems.append(f"duplicate id {c.get('id')}")
        seen.add(c.get("id"))
        problems += [f"{c.get('id')}: {p}" for p in validate_case(c)]
    return problems
