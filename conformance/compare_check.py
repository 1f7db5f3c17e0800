#!/usr/bin/env python3
"""Independent check of `fmconf compare` over two results files (not using fmconf's code).

Computes, from the two files alone, the cases in both runs whose observations differ (each step's
members but `expect` and `basis`, a step one run lacks, an error's message), the cases only in
one run and the gating changes, and checks that the comparison JSON lists exactly those.
Usage: compare_check.py OLD.json NEW.json COMPARISON.json EXIT_CODE
Prints the figures; exit 0 when everything matches, 1 otherwise.
"""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        return {r["id"]: r for r in json.load(f)["results"]}


def observations(result):
    steps = []
    for step in result.get("steps", []):
        steps.append({k: v for k, v in step.items() if k not in ("expect", "basis")})
    return steps


def differ(a, b):
    errors = a.get("verdict") == "error" or b.get("verdict") == "error"
    if errors and a.get("message", "") != b.get("message", ""):
        return True
    return observations(a) != observations(b)


def outcome(r):
    return r.get("outcome") or r.get("verdict", "error")


def main():
    old, new, comparison, code = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    with open(comparison, encoding="utf-8") as f:
        listed = json.load(f)["changes"]
    both = old.keys() & new.keys()
    want_differ = {i for i in both if differ(old[i], new[i])}
    want_only_old = old.keys() - new.keys()
    want_only_new = new.keys() - old.keys()
    want_gating = set()
    for i in both:
        o, n = old[i], new[i]
        new_failure = o.get("verdict") == "pass" and n.get("verdict") != "pass"
        if (new_failure and outcome(n) in ("fail", "error")) or outcome(n) == "xpass":
            want_gating.add(i)
    for i in want_only_new:
        if outcome(new[i]) in ("fail", "error", "xpass"):
            want_gating.add(i)

    got_differ = {c["id"] for c in listed if c["observations"]}
    got_only_old = {c["id"] for c in listed if c["kind"] == "only_old"}
    got_only_new = {c["id"] for c in listed if c["kind"] == "only_new"}
    got_gating = {c["id"] for c in listed if c["gates"]}
    # Every case listed as new failure, fixed or changed has differing observations or a verdict
    # change; none is listed twice.
    ids = [c["id"] for c in listed]
    problems = []
    if len(ids) != len(set(ids)):
        problems.append("a case is listed twice")
    for name, want, got in (("observations differ", want_differ, got_differ),
                            ("only in OLD", want_only_old, got_only_old),
                            ("only in NEW", want_only_new, got_only_new),
                            ("gating", want_gating, got_gating)):
        print(f"{name}: independent {len(want)}, fmconf compare {len(got)}")
        if want != got:
            problems.append(f"{name}: missing {sorted(want - got)[:5]}, extra {sorted(got - want)[:5]}")
    want_code = 1 if want_gating else 0
    print(f"cases in both: {len(both)}; exit code {code}, expected {want_code}")
    if code != want_code:
        problems.append(f"exit code {code}, expected {want_code}")
    for p in problems:
        print("MISMATCH:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
