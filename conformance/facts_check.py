#!/usr/bin/env python3
"""facts.check: the Windows facts of corpus/facts and every `spec:` citation in the project.

Checks (corpus/facts/README.md is the format and the citation grammar):
  - every record is valid JSON with a unique id and a known evidence kind, and carries what its
    kind needs (asserted: a full source citation; documented: doc, url, quote; derived: existing
    facts and a rule; inferred: reasoning); group records list existing members;
  - every `spec:` citation in the cases, the expectations, src/, tools/, property/, fuzz/,
    conformance/ and the project's notes resolves to records;
  - every fact is used by some case (cited directly or through a range, or a fact a used fact is
    derived from), unless the fact says why no case can express it (`uncased`).
Exit 0 when all hold, 1 with one line per problem otherwise. Python 3 standard library only.

    python3 conformance/facts_check.py [--root DIR] [--wine-src DIR]

--wine-src (optional): a Wine 8.0 source tree; every Wine 8.0 source must then show its
assertion's first line at its line.
"""
import argparse
import json
import pathlib
import re
import sys

KINDS = ("asserted", "documented", "derived", "inferred")
SUITES = ("wine", "reactos", "dotnet-pal")
ROW_ID = r"[A-Z][0-9]+[a-z]?"
SLUG_ID = r"[a-z][a-z0-9-]*\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
TABLE_ID = r"1[A-H]"
SECTION_ID = r"§[0-9]+(?:\.[0-9]+)*"
FACT_ID_RE = re.compile(rf"^(?:{ROW_ID}|{SLUG_ID})$")
GROUP_ID_RE = re.compile(rf"^(?:{TABLE_ID}|{SECTION_ID})$")
# A citation: `spec:` (not preceded by a word character or ':') followed by one reference.
CITATION_RE = re.compile(
    rf"(?<![A-Za-z0-9_:])spec:(?P<ref>{SECTION_ID}|{TABLE_ID}(?![A-Za-z0-9])|"
    rf"{ROW_ID}-{ROW_ID}(?![A-Za-z0-9])|{ROW_ID}(?![A-Za-z0-9.])|{SLUG_ID}|{ROW_ID})")
# Anything that starts like a citation: `spec:` then a letter, digit or §.
CITATION_START_RE = re.compile(r"(?<![A-Za-z0-9_:])spec:(?=[A-Za-z0-9§])")
ROW_PARTS_RE = re.compile(r"^([A-Z])([0-9]+)([a-z]?)$")

SCAN_DIRS = ("corpus/cases", "corpus/expectations", "src", "tools", "property", "fuzz", "conformance")
SCAN_FILES = ("README.md", "DEVELOPERS.md", "corpus/README.md", "corpus/case-format.md",
              "reports/README.md")
SCAN_SUFFIXES = (".json", ".jsonl", ".cpp", ".hpp", ".h", ".c", ".py", ".md", ".txt", ".cmake", ".dict")
SKIP_PARTS = ("testdata", "__pycache__")


class Facts:
    def __init__(self):
        self.records = {}  # id -> record
        self.where = {}  # id -> "file:line"
        self.problems = []

    def facts(self):
        return {i: r for i, r in self.records.items() if not r.get("group")}

    def groups(self):
        return {i: r for i, r in self.records.items() if r.get("group")}


def load_facts(folder):
    out = Facts()
    files = sorted(pathlib.Path(folder).glob("*.jsonl"))
    if not files:
        out.problems.append(f"{folder}: no *.jsonl fact files")
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.name}:{n}"
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                out.problems.append(f"{where}: invalid JSON ({e.msg})")
                continue
            if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
                out.problems.append(f"{where}: a record must be an object with a string id")
                continue
            rid = rec["id"]
            if rid in out.records:
                out.problems.append(f"{where}: duplicate id '{rid}' (first at {out.where[rid]})")
                continue
            out.records[rid] = rec
            out.where[rid] = where
    return out


def nonempty_str(v):
    return isinstance(v, str) and v.strip() != ""


def check_source_asserted(src):
    """Problems of one source of an asserted fact (empty when the citation is full)."""
    missing = []
    if src.get("suite") not in SUITES:
        missing.append(f"suite (one of {', '.join(SUITES)})")
    if not nonempty_str(src.get("version")) and not nonempty_str(src.get("commit")):
        missing.append("version or commit")
    if not nonempty_str(src.get("file")):
        missing.append("file")
    line, offset = src.get("line"), src.get("offset")
    line_ok = isinstance(line, int) and not isinstance(line, bool) and line > 0
    offset_ok = (isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0
                 and nonempty_str(src.get("commit")))
    if not line_ok and not offset_ok:
        missing.append("line (or, at a commit read through the search tools, offset)")
    if not nonempty_str(src.get("function")):
        missing.append("function")
    if not nonempty_str(src.get("assertion")):
        missing.append("assertion")
    if not isinstance(src.get("todo_wine"), bool):
        missing.append("todo_wine (bool)")
    if not isinstance(src.get("broken"), list):
        missing.append("broken (list)")
    return missing


def check_source_documented(src):
    """Problems of one source of a documented fact (empty when doc, url and quote are there)."""
    missing = [k for k in ("doc", "url", "quote") if not nonempty_str(src.get(k))]
    if nonempty_str(src.get("url")) and not src["url"].startswith("https://"):
        missing.append("url (https://)")
    return missing


SOURCE_CHECKS = {"asserted": check_source_asserted, "documented": check_source_documented}


def check_records(facts):
    problems = []
    all_ids = set(facts.records)
    for rid, rec in facts.records.items():
        where = f"{facts.where[rid]}: '{rid}'"
        if rec.get("group"):
            if not GROUP_ID_RE.match(rid):
                problems.append(f"{where}: a group id is a table (1A) or a section (§3)")
            members = rec.get("members")
            if not isinstance(members, list) or not members:
                problems.append(f"{where}: a group needs a non-empty members list")
                continue
            for m in members:
                if m not in all_ids:
                    problems.append(f"{where}: member '{m}' is no record")
            continue
        if not FACT_ID_RE.match(rid):
            problems.append(f"{where}: a fact id is a row id (A13) or <area>.<kebab-slug>")
        for field in ("area", "title", "answer"):
            if not nonempty_str(rec.get(field)):
                problems.append(f"{where}: missing {field}")
        kind = rec.get("evidence")
        if kind not in KINDS:
            problems.append(f"{where}: evidence '{kind}' is not one of {', '.join(KINDS)}")
            continue
        if kind in SOURCE_CHECKS:
            sources = rec.get("sources")
            if not isinstance(sources, list) or not sources:
                problems.append(f"{where}: {kind} needs sources")
            else:
                for i, src in enumerate(sources):
                    missing = SOURCE_CHECKS[kind](src if isinstance(src, dict) else {})
                    if missing:
                        problems.append(f"{where}: source {i} lacks " + ", ".join(missing))
        if kind == "derived":
            df = rec.get("derived_from")
            if not isinstance(df, list) or not df:
                problems.append(f"{where}: derived needs derived_from (fact ids)")
            else:
                for d in df:
                    if d == rid:
                        problems.append(f"{where}: derived from itself")
                    elif d not in facts.facts():
                        problems.append(f"{where}: derived_from '{d}' is no fact")
            if not nonempty_str(rec.get("rule")):
                problems.append(f"{where}: derived needs the rule")
        elif kind == "inferred":
            if not nonempty_str(rec.get("reasoning")):
                problems.append(f"{where}: inferred needs its reasoning")
        wine = rec.get("wine")
        if wine is not None and not (isinstance(wine, dict) and isinstance(wine.get("todo_wine"), bool)):
            problems.append(f"{where}: wine must be {{todo_wine, what}}")
        if "uncased" in rec and not nonempty_str(rec["uncased"]):
            problems.append(f"{where}: uncased must say why no case can express the fact")
    return problems


def resolve(ref, facts):
    """The fact ids a reference stands for, or an error message."""
    records = facts.records
    m = re.fullmatch(rf"({ROW_ID})-({ROW_ID})", ref)
    if m:
        lo, hi = ROW_PARTS_RE.match(m.group(1)), ROW_PARTS_RE.match(m.group(2))
        if lo.group(1) != hi.group(1) or int(lo.group(2)) >= int(hi.group(2)):
            return None, f"range '{ref}' must go up within one letter"
        for end in (m.group(1), m.group(2)):
            if end not in records:
                return None, f"range end '{end}' is no fact"
        ids = []
        for rid in records:
            p = ROW_PARTS_RE.match(rid)
            if p and p.group(1) == lo.group(1) and int(lo.group(2)) <= int(p.group(2)) <= int(hi.group(2)):
                ids.append(rid)
        return ids, None
    if ref not in records:
        return None, f"'{ref}' is no record"
    rec = records[ref]
    if rec.get("group"):
        return [], None  # a group citation resolves; it does not count as using its members
    return [ref], None


def citations_in_text(text):
    """(ref or None, offset) for each citation; None marks a malformed one."""
    found = {m.start(): m.group("ref") for m in CITATION_RE.finditer(text)}
    for m in CITATION_START_RE.finditer(text):
        yield found.get(m.start()), m.start()


def strings_of(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from strings_of(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from strings_of(k)
            yield from strings_of(v)


def scan_file(path, root):
    """(where, text, is_case) for each piece of text of a file."""
    rel = path.relative_to(root).as_posix()
    is_case = rel.startswith("corpus/cases/")
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".json", ".jsonl") and rel.startswith("corpus/"):
        docs = []
        if path.suffix == ".jsonl":
            for n, line in enumerate(text.splitlines(), 1):
                if line.strip():
                    try:
                        docs.append((f"{rel}:{n}", json.loads(line)))
                    except json.JSONDecodeError:
                        docs.append((f"{rel}:{n}", line))
        else:
            try:
                docs.append((rel, json.loads(text)))
            except json.JSONDecodeError:
                docs.append((rel, text))
        for where, doc in docs:
            for s in strings_of(doc):
                yield where, s, is_case
        return
    for n, line in enumerate(text.splitlines(), 1):
        if "spec:" in line:
            yield f"{rel}:{n}", line, is_case


def files_to_scan(root):
    out = []
    for d in SCAN_DIRS:
        base = root / d
        if base.is_dir():
            for p in sorted(base.rglob("*")):
                if p.is_file() and p.suffix in SCAN_SUFFIXES and not any(
                        part in SKIP_PARTS for part in p.relative_to(root).parts):
                    out.append(p)
    for f in SCAN_FILES:
        if (root / f).is_file():
            out.append(root / f)
    return out


def check_citations(facts, paths, root):
    problems, used_by_cases, count = [], set(), 0
    for path in paths:
        for where, text, is_case in scan_file(path, root):
            for ref, _ in citations_in_text(text):
                count += 1
                if ref is None:
                    snippet = text[text.find("spec:"):][:30]
                    problems.append(f"{where}: malformed citation '{snippet}'")
                    continue
                ids, err = resolve(ref, facts)
                if err:
                    problems.append(f"{where}: spec:{ref}: {err}")
                elif is_case:
                    used_by_cases.update(ids)
    return problems, used_by_cases, count


def unused_facts(facts, used_by_cases):
    used, todo = set(), list(used_by_cases)
    fs = facts.facts()
    while todo:
        f = todo.pop()
        if f in used or f not in fs:
            continue
        used.add(f)
        todo.extend(fs[f].get("derived_from") or [])
    return sorted(f for f, r in fs.items() if f not in used and "uncased" not in r)


def check_wine_lines(facts, wine_src):
    problems = []
    for rid, rec in facts.facts().items():
        for src in rec.get("sources") or []:
            if src.get("suite") != "wine" or src.get("version") != "8.0" or "line" not in src:
                continue
            path = pathlib.Path(wine_src) / src["file"]
            try:
                lines = path.read_text(encoding="latin-1").split("\n")
            except OSError:
                problems.append(f"'{rid}': {src['file']} not in {wine_src}")
                continue
            first = src["assertion"].split(" ")[0]
            at = lines[src["line"] - 1].strip() if 0 < src["line"] <= len(lines) else ""
            if not at.startswith(first) or not src["assertion"].startswith(at[:40]):
                problems.append(f"'{rid}': {src['file']}:{src['line']} reads '{at[:60]}', "
                                f"not the assertion")
    return problems


def main(argv=None):
    here = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=str(here), help="the repository (default: this one)")
    parser.add_argument("--wine-src", help="a Wine 8.0 source tree to check the cited lines")
    args = parser.parse_args(argv)
    root = pathlib.Path(args.root)

    facts = load_facts(root / "corpus" / "facts")
    problems = list(facts.problems) + check_records(facts)
    cite_problems, used, count = check_citations(facts, files_to_scan(root), root)
    problems += cite_problems
    unused = unused_facts(facts, used)
    problems += [f"{facts.where[f]}: '{f}' is used by no case (cite it, or say why no case can "
                 f"(uncased))" for f in unused]
    if args.wine_src:
        problems += check_wine_lines(facts, args.wine_src)

    kinds = {}
    for r in facts.facts().values():
        kinds[r.get("evidence")] = kinds.get(r.get("evidence"), 0) + 1
    summary = ", ".join(f"{k} {kinds.get(k, 0)}" for k in KINDS)
    print(f"{len(facts.facts())} facts ({summary}), {len(facts.groups())} groups, "
          f"{count} citations, {len(used)} facts cited by cases")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
