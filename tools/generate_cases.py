#!/usr/bin/env python3
"""Generates corpus/cases/ from the Windows facts (corpus/facts) and the rules in tools/gen.

    python3 tools/generate_cases.py          rewrite corpus/cases/ (generated files only)
    python3 tools/generate_cases.py --check  exit 1 if the checked-in files differ

Python 3 standard library only; the output is deterministic. Hand-written cases live beside the
generated ones as `*.manual.jsonl` / `*.manual.json` and are never touched. The generator also
writes corpus/spec-rows.txt: every spec row id some generated case cites.
"""

import argparse
import json
import os
import re
import sys

sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from gen.groups import ALL_GROUPS  # noqa: E402
from gen.validate import validate_all  # noqa: E402
from gen import case as gen_case  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES_DIR = os.path.join(ROOT, "corpus", "cases")
ROWS_FILE = os.path.join(ROOT, "corpus", "spec-rows.txt")
HEADER = "# Spec row ids cited by generated cases (tools/generate_cases.py). One per line.\n"


def is_manual(name):
    return ".manual." in name


def collect():
    """All generated cases as {relative path: [case, ...]} plus the cited spec row ids."""
    files = {}
    for group, module in ALL_GROUPS:
        for fname, case in module.cases():
            assert case["id"].startswith(group + "/"), case["id"]
            files.setdefault(os.path.join(group, fname), []).append(case)
    return files


def render(files):
    out = {}
    for rel, cases in sorted(files.items()):
        out[rel] = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    return out


def cited_rows(files):
    rows = set()
    for cases in files.values():
        for c in cases:
            rows.update(re.findall(r"spec:([A-Z][0-9]+[a-z]?)", c["provenance"]["source"]))
    def key(r):
        m = re.match(r"([A-Z])([0-9]+)([a-z]?)", r)
        return ("ABCDNSGH".index(m.group(1)) if m.group(1) in "ABCDNSGH" else 99,
                int(m.group(2)), m.group(3))
    return HEADER + "".join(r + "\n" for r in sorted(rows, key=key))


def existing_generated():
    found = {}
    if not os.path.isdir(CASES_DIR):
        return found
    for dirpath, _, names in os.walk(CASES_DIR):
        for n in names:
            if (n.endswith(".jsonl") or n.endswith(".json")) and not is_manual(n):
                full = os.path.join(dirpath, n)
                with open(full, encoding="utf-8") as fh:
                    found[os.path.relpath(full, CASES_DIR)] = fh.read()
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if corpus/cases differs from what would be generated")
    args = parser.parse_args()

    files = collect()
    all_cases = [c for cs in files.values() for c in cs]
    problems = validate_all(all_cases)
    # A case its author marked inferred whose facts are all asserted misses the fact it rests on
    # (add it to tools/gen/grounds.py); derived or documented facts may legitimately ground it.
    problems += [f"{cid}: marked {stated} but every fact it cites is asserted; cite the inferred "
                 f"or derived fact it rests on" for cid, stated, computed in gen_case.CONFLICTS
                 if computed == "asserted"]
    if problems:
        for p in problems[:50]:
            print("invalid:", p, file=sys.stderr)
        print(f"{len(problems)} validation problems", file=sys.stderr)
        return 2
    wanted = render(files)
    rows_text = cited_rows(files)
    have = existing_generated()

    if args.check:
        differ = sorted(k for k in set(wanted) | set(have) if wanted.get(k) != have.get(k))
        old_rows = open(ROWS_FILE, encoding="utf-8").read() if os.path.exists(ROWS_FILE) else ""
        if old_rows != rows_text:
            differ.append("../spec-rows.txt")
        for d in differ:
            print("out of date:", os.path.join("corpus/cases", d), file=sys.stderr)
        if differ:
            print("run: python3 tools/generate_cases.py", file=sys.stderr)
            return 1
        print(f"corpus up to date: {len(all_cases)} cases in {len(wanted)} files")
        return 0

    for rel in have:
        if rel not in wanted:
            os.remove(os.path.join(CASES_DIR, rel))
    for rel, text in wanted.items():
        path = os.path.join(CASES_DIR, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if have.get(rel) != text:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(text)
    with open(ROWS_FILE, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(rows_text)
    counts = {}
    for c in all_cases:
        g = c["id"].split("/")[0]
        counts[g] = counts.get(g, 0) + 1
    summary = ", ".join(f"{g} {n}" for g, n in sorted(counts.items()))
    print(f"wrote {len(all_cases)} cases in {len(wanted)} files ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
