#!/usr/bin/env python3
"""Every row ID of the spec's tables 1A-1H appears as spec:<ID> in some case's provenance source
(issue 4). Reads shared/spec/windows-behavior.md beside the checkout (or --spec); skips (77)
when the spec is not there."""
import argparse
import json
import pathlib
import re
import sys

here = pathlib.Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser()
parser.add_argument("--spec", default=str(here.parent / "shared" / "spec" / "windows-behavior.md"))
parser.add_argument("--cases", default=str(here / "corpus" / "cases"))
args = parser.parse_args()

spec = pathlib.Path(args.spec)
if not spec.is_file():
    print(f"SKIP: spec not found at {spec}")
    sys.exit(77)

text = spec.read_text(encoding="utf-8")
start, end = text.index("### 1A."), text.index("## 2.")
rows = sorted(set(re.findall(r"^\| ([A-H]\d+[a-z]?) \|", text[start:end], re.M)))

cited = set()
for path in sorted(pathlib.Path(args.cases).rglob("*.jsonl")):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            case = json.loads(line)
            cited.update(re.findall(r"spec:([A-H]\d+[a-z]?)\b", case["provenance"]["source"]))

missing = [r for r in rows if r not in cited]
print(f"{len(rows)} spec rows in tables 1A-1H, {len(rows) - len(missing)} cited by cases")
if missing:
    print("rows no case cites: " + ", ".join(missing))
    sys.exit(1)
