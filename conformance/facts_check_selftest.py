#!/usr/bin/env python3
"""facts.check.selftest: the facts check itself is tested.

conformance/testdata/facts/base is a small valid tree (facts, groups, cases, a model comment): the
check must pass on it. broken.json lists one deliberate defect a line (a case citing the unknown fact Z99, an
asserted fact without its line, ...): each is applied to a copy of the base in a temporary folder
(removed afterwards), and the check must fail with the expected message.
"""
import io
import json
import pathlib
import shutil
import sys
import tempfile
from contextlib import redirect_stdout

sys.dont_write_bytecode = True
HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import facts_check  # noqa: E402

DATA = HERE / "testdata" / "facts"


def run(root):
    out = io.StringIO()
    with redirect_stdout(out):
        code = facts_check.main(["--root", str(root)])
    return code, out.getvalue()


def main():
    failures = []
    code, out = run(DATA / "base")
    if code != 0:
        failures.append(f"base: the valid tree fails:\n{out}")
    cases = json.loads((DATA / "broken.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="fmconf-facts-check-") as tmp:
        for case in cases:
            root = pathlib.Path(tmp) / case["name"]
            shutil.copytree(DATA / "base", root)
            target = root / case["file"]
            text = target.read_text(encoding="utf-8")
            old, new = case["replace"]
            if old not in text:
                failures.append(f"{case['name']}: the fixture text to replace is not in {case['file']}")
                continue
            target.write_text(text.replace(old, new, 1), encoding="utf-8")
            code, out = run(root)
            if code != 1 or case["expect"] not in out:
                failures.append(f"{case['name']}: expected exit 1 and '{case['expect']}', got "
                                f"exit {code}:\n{out}")
    for f in failures:
        print("FAIL", f)
    print(f"{len(cases) + 1} fixtures, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
