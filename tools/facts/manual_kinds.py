#!/usr/bin/env python3
"""Sets the provenance kind of the hand-written cases (corpus/cases/**/*.manual.jsonl|json) from
the facts they cite: the weakest evidence (asserted > documented > derived > inferred) among the
facts their `provenance.source` cites as `spec:<id>` (ranges expanded; table and section
citations name no particular fact and are ignored), and `inferred` when the source relies on one
of the model's choices (`inferred:<id>`). The old kind `recorded` becomes what the facts say.

    python3 tools/facts/manual_kinds.py          rewrite the kinds in place
    python3 tools/facts/manual_kinds.py --check  exit 1 if a kind differs from the facts
"""
import argparse
import json
import pathlib
import sys

sys.dont_write_bytecode = True
ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "conformance"))
import facts_check  # noqa: E402

ORDER = facts_check.KINDS  # strongest first


def kind_of(source, facts):
    """The kind the facts cited by `source` give, or None when it cites no fact."""
    evidence = facts.facts()
    kinds = []
    for ref, _ in facts_check.citations_in_text(source):
        if ref is None:
            raise ValueError(f"malformed citation in {source!r}")
        ids, err = facts_check.resolve(ref, facts)
        if err:
            raise ValueError(f"spec:{ref}: {err}")
        kinds += [evidence[i]["evidence"] for i in ids]
    if "inferred:" in source:
        kinds.append("inferred")
    return max(kinds, key=ORDER.index) if kinds else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    facts = facts_check.load_facts(ROOT / "corpus" / "facts")
    differ, files = [], 0
    for path in sorted((ROOT / "corpus" / "cases").rglob("*.manual.*")):
        files += 1
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            cases = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            loaded = json.loads(text)
            cases = loaded if isinstance(loaded, list) else [loaded]
        changed = False
        for case in cases:
            prov = case.get("provenance", {})
            try:
                want = kind_of(prov.get("source", ""), facts)
            except ValueError as e:
                print(f"{path.relative_to(ROOT)}: case '{case.get('id')}': {e}", file=sys.stderr)
                return 2
            if want and prov.get("kind") != want:
                differ.append(f"{path.relative_to(ROOT)}: {case.get('id')}: {prov.get('kind')} -> {want}")
                prov["kind"] = want
                changed = True
        if changed and not args.check:
            if path.suffix == ".jsonl":
                out = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
            else:
                out = json.dumps(loaded, ensure_ascii=False, indent=2) + "\n"
            path.write_text(out, encoding="utf-8")
    for d in differ:
        print(d)
    print(f"{files} hand-written case files, {len(differ)} kinds "
          f"{'differ' if args.check else 'updated'}")
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    sys.exit(main())
