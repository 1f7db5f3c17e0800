#!/usr/bin/env python3
"""The report's HTML page, rendered by headless Chromium: builds a report from the fixture results
(reports/fixtures/) with `fmconf report` into a temporary folder, dumps the DOM after the page's
scripts ran, and checks that the matrix has one cell per group and target whose numbers match
the results files, and that the seed table and the heat-map rendered.

Usage: html_check_test.py --fmconf PATH [--keep DIR]
Exit 0 pass, 1 fail, 77 skipped (no Chromium; ctest SKIP_RETURN_CODE).
"""
import argparse
import collections
import html.parser
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = REPO / "reports" / "fixtures"
FIXTURE_FILES = ["results-model.json", "results-windows.json", "results-wine.json"]
SKIP = 77


class DomScan(html.parser.HTMLParser):
    """Collects the matrix cells, the seed rows, the heat-map grids and the body's marker."""

    def __init__(self):
        super().__init__()
        self.cells = {}  # (group, column) -> attrs
        self.total_cells = {}  # column -> attrs
        self.seed_rows = set()
        self.heat_variants = set()
        self.rendered = False
        self.in_table = None
        self.table_ids = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body" and a.get("data-rendered") == "1":
            self.rendered = True
        if tag == "table":
            self.table_ids.append(a.get("id"))
            if "data-variant" in a:
                self.heat_variants.add(a["data-variant"])
        if tag == "td" and "data-column" in a:
            if "data-group" in a:
                self.cells[(a["data-group"], a["data-column"])] = a
            elif a.get("data-total-row") == "1":
                self.total_cells[a["data-column"]] = a
        if tag == "tr" and "data-case" in a and self.table_ids and self.table_ids[-1] == "seed":
            self.seed_rows.add(a["data-case"])

    def handle_endtag(self, tag):
        if tag == "table" and self.table_ids:
            self.table_ids.pop()


def expected_counts(files):
    """(group, column label) -> [pass, total] from the results files, as the page counts them."""
    counts = collections.defaultdict(lambda: [0, 0])
    labels = []
    cases = set()
    for f in files:
        data = json.loads(f.read_text())
        label = data["run"]["target"]
        labels.append(label)
        for r in data["results"]:
            group = r["id"].split("/", 1)[0]
            cases.add(r["id"])
            counts[(group, label)][1] += 1
            if r.get("outcome", r.get("verdict")) == "pass":
                counts[(group, label)][0] += 1
    return counts, labels, cases


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fmconf", required=True)
    parser.add_argument("--keep", help="also copy the generated report here")
    args = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        print("SKIP: chromium not found (apt-get install chromium); the HTML page is not checked")
        return SKIP
    failures = []
    with tempfile.TemporaryDirectory(prefix="fmconf-html-") as tmp:
        tmp = pathlib.Path(tmp)
        out = tmp / "report"
        files = [FIXTURES / f for f in FIXTURE_FILES]
        subprocess.run([args.fmconf, "report", *map(str, files), "--out", str(out)], check=True)
        page = out / "index.html"
        if args.keep:
            shutil.copytree(out, args.keep, dirs_exist_ok=True)
        profile = tmp / "chromium-profile"
        dom = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
            check=True, capture_output=True, text=True, timeout=180).stdout
        scan = DomScan()
        scan.feed(dom)
        if not scan.rendered:
            failures.append("the page's script did not finish (no data-rendered on <body>)")
        counts, labels, cases = expected_counts(files)
        groups = sorted({g for g, _ in counts} | {c.split("/", 1)[0] for c in cases})
        for group in groups:
            for label in labels:
                cell = scan.cells.get((group, label))
                if cell is None:
                    failures.append(f"no matrix cell for group {group}, target {label}")
                    continue
                want_pass, want_total = counts.get((group, label), [0, 0])
                got = (int(cell.get("data-pass", -1)), int(cell.get("data-total", -1)))
                if got != (want_pass, want_total):
                    failures.append(f"cell {group}/{label}: page shows pass/total {got}, "
                                    f"results say {(want_pass, want_total)}")
        extra = set(scan.cells) - {(g, l) for g in groups for l in labels}
        if extra:
            failures.append(f"unexpected matrix cells: {sorted(extra)}")
        for label in labels:
            cell = scan.total_cells.get(label)
            want = [sum(v[i] for (g, l), v in counts.items() if l == label) for i in (0, 1)]
            if cell is None or [int(cell["data-pass"]), int(cell["data-total"])] != want:
                failures.append(f"total row for {label}: want {want}, got {cell}")
        seed_cases = {c for c in cases if c.startswith("seed/")}
        if scan.seed_rows != seed_cases:
            failures.append(f"seed table rows {sorted(scan.seed_rows)} != {sorted(seed_cases)}")
        if not scan.heat_variants:
            failures.append("no flProtect heat-map grid rendered")
        print(f"checked {len(groups)} groups x {len(labels)} targets, {len(seed_cases)} seed "
              f"claims, {len(scan.heat_variants)} heat-map grids")
    for f in failures:
        print("FAIL:", f)
    print(f"{0 if failures else 1} passed, {len(failures) and 1} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
