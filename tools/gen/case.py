"""Building blocks for conformance cases: steps, expectations and provenance.

Every helper returns plain dicts in the shape of corpus/case-format.md, with keys in a fixed
order so the generated JSON Lines are byte-for-byte deterministic.
"""

import json
import os

from gen.grounds import grounds

PAGE = 4096  # x86-64 page size (assumed by the brief)
GRANULARITY = 65536  # allocation granularity

# Evidence kinds, strongest first (corpus/facts/README.md); `recorded` is the old name of asserted
# and stays accepted in case files.
KINDS = ("asserted", "documented", "derived", "inferred")
ACCEPTED_KINDS = KINDS + ("recorded",)

FACTS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                         "corpus", "facts")
_EVIDENCE = None
CONFLICTS = []  # (case id, stated kind, kind from the facts): a stated kind the facts contradict


def evidence():
    """{fact id: evidence kind} from corpus/facts/*.jsonl (group records left out)."""
    global _EVIDENCE
    if _EVIDENCE is None:
        _EVIDENCE = {}
        for name in sorted(os.listdir(FACTS_DIR)):
            if name.endswith(".jsonl"):
                with open(os.path.join(FACTS_DIR, name), encoding="utf-8") as fh:
                    for line in fh:
                        if line.strip():
                            rec = json.loads(line)
                            if not rec.get("group"):
                                _EVIDENCE[rec["id"]] = rec["evidence"]
    return _EVIDENCE


def weakest_kind(rows):
    """The weakest evidence among the facts `rows` (asserted > documented > derived > inferred)."""
    ev = evidence()
    unknown = [r for r in rows if r not in ev]
    if unknown:
        raise KeyError("no fact " + ", ".join(unknown) + " in corpus/facts")
    return max((ev[r] for r in rows), key=KINDS.index)


def step(call, out=None, expect=None, **params):
    """One call. `out` first, then the parameters in the given order, then `expect`."""
    s = {"call": call}
    if out is not None:
        s["out"] = out
    for key, value in params.items():
        s[key] = value
    if expect is not None:
        s["expect"] = expect
    return s


def ok(error=None, **observables):
    """A successful call; `error` is the last error Windows leaves (checked when given)."""
    e = {"ok": True}
    if error is not None:
        e["error"] = error
    e.update(observables)
    return e


def fresh(**observables):
    """A successful fresh creation: CreateFileMapping sets ERROR_SUCCESS (spec §0 general rule)."""
    return ok("ERROR_SUCCESS", **observables)


def existing(**observables):
    """A successful create that found the name: ERROR_ALREADY_EXISTS (spec:H9)."""
    return ok("ERROR_ALREADY_EXISTS", **observables)


def fail(error=None):
    e = {"ok": False}
    if error is not None:
        e["error"] = error
    return e


def obs(**observables):
    """Observables only (ReadView/WriteView report data/fault, no ok/error)."""
    return dict(observables)


# --- common step shapes -------------------------------------------------------------------

def create_file(out="f", path="data.bin", access="GENERIC_READ|GENERIC_WRITE", share="0",
                disposition="CREATE_ALWAYS", flags=None, call="CreateFileW", expect="ok"):
    params = {"path": path, "access": access, "share": share, "disposition": disposition}
    if flags is not None:
        params["flags"] = flags
    if expect == "ok":
        expect = ok()
    return step(call, out=out, expect=expect, **params)


def set_size(handle, size, expect="ok"):
    return step("SetFileSize", handle=handle, size=size, expect=ok() if expect == "ok" else expect)


def write_file(handle, data, offset=None, expect="ok"):
    params = {"handle": handle}
    if offset is not None:
        params["offset"] = offset
    params["data"] = data
    return step("WriteFile", expect=ok() if expect == "ok" else expect, **params)


def read_file(handle, length, data, offset=None):
    params = {"handle": handle}
    if offset is not None:
        params["offset"] = offset
    params["length"] = length
    return step("ReadFile", expect=ok(data=data), **params)


def file_size(handle, size):
    return step("GetFileSize", handle=handle, expect=ok(size=size))


def close(handle, expect="ok"):
    return step("CloseHandle", handle=handle, expect=ok() if expect == "ok" else expect)


def mapping(out, file, protect, size_low=0, size_high=0, name=None, expect=None,
            call="CreateFileMappingW", inherit=None):
    params = {"file": file, "protect": protect, "size_high": size_high, "size_low": size_low,
              "name": name}
    if inherit is not None:
        params["inherit"] = inherit
    return step(call, out=out, expect=expect, **params)


def open_mapping(out, access, name, expect=None, call="OpenFileMappingW"):
    return step(call, out=out, expect=expect, access=access, name=name)


def map_view(out, mapping_handle, access, offset_low=0, bytes_=0, offset_high=0, expect=None,
             base=None, call=None):
    params = {"mapping": mapping_handle, "access": access}
    if offset_high:
        params["offset_high"] = offset_high
    if offset_low:
        params["offset_low"] = offset_low
    if bytes_:
        params["bytes"] = bytes_
    if base is not None or call == "MapViewOfFileEx":
        call = "MapViewOfFileEx"
        params["base"] = base
    return step(call or "MapViewOfFile", out=out, expect=expect, **params)


def unmap(view=None, offset=None, address=None, expect="ok"):
    params = {}
    if view is not None:
        params["view"] = view
    if offset:
        params["offset"] = offset
    if address is not None:
        params["address"] = address
    return step("UnmapViewOfFile", expect=ok() if expect == "ok" else expect, **params)


def query(view, offset=None, **observables):
    params = {"view": view}
    if offset:
        params["offset"] = offset
    return step("VirtualQuery", expect=ok(**observables), **params)


def query_section(handle, expect=None, **observables):
    return step("QuerySection", handle=handle, expect=expect or ok(**observables))


def read_view(view, length, data=None, fault=None, offset=None):
    params = {"view": view}
    if offset:
        params["offset"] = offset
    params["length"] = length
    e = {}
    if fault is not None:
        e["fault"] = fault
    if data is not None:
        e["data"] = data
    return step("ReadView", expect=e, **params)


def write_view(view, data, fault=False, offset=None):
    params = {"view": view}
    if offset:
        params["offset"] = offset
    params["data"] = data
    return step("WriteView", expect=obs(fault=fault), **params)


def duplicate(out, handle, access=None, same_access=False, expect="ok"):
    params = {"handle": handle}
    if same_access:
        params["same_access"] = True
    else:
        params["access"] = access
    return step("DuplicateHandle", out=out, expect=ok() if expect == "ok" else expect, **params)


# --- provenance and the case itself ---------------------------------------------------------

def provenance(kind, rows, note, case_id=""):
    """`rows`: the facts the expectation rests on ("B17", "names.empty-open"); the source cites
    each as `spec:<id>` and adds the note. The kind is the weakest evidence among those facts
    (inferred when the note cites one of the model's choices, `inferred:<id>`);
    `kind` is the author's statement, kept only as a check: a case stated `inferred` whose facts
    are all stronger misses the inferred fact it rests on (listed in CONFLICTS)."""
    assert kind in ACCEPTED_KINDS, kind
    if rows:
        computed = weakest_kind(rows)
        if "inferred:" in (note or ""):  # it rests on one of the model's inferred choices
            computed = "inferred"
        if kind == "inferred" and computed != "inferred":
            CONFLICTS.append((case_id, kind, computed))
        kind = computed
    cited = ", ".join("spec:" + r for r in rows)
    if not cited:
        return {"kind": kind, "source": note}
    return {"kind": kind, "source": f"{cited} ({note})" if note else cited}


def make_case(case_id, title, kind, rows, note, info, steps, tags=(), raw_names=False):
    """A case with the anchors doc's optional front matter: `rule`, `tags`, `info`."""
    c = {"id": case_id, "title": title}
    rows = list(rows) + [f for f in grounds(case_id) if f not in rows]
    if raw_names:
        c["raw_names"] = True
    c["provenance"] = provenance(kind, rows, note, case_id)
    if rows:  # an inferred case outside the spec's rows has no rule row
        c["rule"] = "spec:" + rows[0]
    if tags:
        c["tags"] = list(tags)
    c["info"] = info
    c["steps"] = steps
    return c


def hexbytes(data):
    return data.hex()


# --- common file setups ---------------------------------------------------------------------

def new_file(size, out="f", path="data.bin", access="GENERIC_READ|GENERIC_WRITE", share="0"):
    """A fresh file of `size` bytes (zeros), opened with `access`."""
    steps = [create_file(out=out, path=path, access=access, share=share)]
    if size:
        steps.append(set_size(out, size))
    return steps


def reopened_file(size, access, out="f", path="data.bin",
                  share="FILE_SHARE_READ|FILE_SHARE_WRITE"):
    """A file of `size` bytes created read/write, closed, then reopened with `access`."""
    steps = [create_file(out="setup", path=path)]
    if size:
        steps.append(set_size("setup", size))
    steps.append(close("setup"))
    steps.append(create_file(out=out, path=path, access=access, share=share,
                             disposition="OPEN_EXISTING"))
    return steps


def pe_file(access="GENERIC_READ", out="f", path="image.dll",
            share="FILE_SHARE_READ|FILE_SHARE_WRITE"):
    """The suite's minimal PE (`@minimal-pe`, 4096 bytes) on disk, reopened with `access`."""
    return [create_file(out="setup", path=path), write_file("setup", "@minimal-pe"),
            close("setup"),
            create_file(out=out, path=path, access=access, share=share,
                        disposition="OPEN_EXISTING")]
