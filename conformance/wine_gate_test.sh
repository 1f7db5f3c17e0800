#!/bin/sh
# End-to-end test of the Wine gate (ctest: gate.wine_wrapper): a second Wine launcher (a wrapper
# script around the system Wine that reports another version, wine-9.0, when this test asks it
# to) audited from a clean prefix root: its own per-version prefix is created, the results and
# reports name the launcher and version, the wine-9.0 expectations fall back to wine-8.0.json
# with a note; then `fmconf compare` of the model's results against the wrapper's is checked
# against an independent computation (compare_check.py), its exit code too, and once more with
# the expectations stripped so that the gate must fire; `expectations update` writes a
# wine-9.0 file. Exit 77 (skipped) without Wine or fmconf-executor.exe.
# Usage: wine_gate_test.sh FMCONF SOURCE_DIR [CASES]
set -u
fmconf=$1
src=$2
cases=${3:-$src/corpus/cases/file-access}
system_wine=$(command -v wine64 || command -v wine) || { echo "skipped: no wine"; exit 77; }
system_server=$(command -v wineserver) || { echo "skipped: no wineserver"; exit 77; }
[ -f "$(dirname "$fmconf")/fmconf-executor.exe" ] || [ -f "$src/build/mingw/fmconf-executor.exe" ] ||
  [ -n "${FMCONF_EXECUTOR:-}" ] || { echo "skipped: no fmconf-executor.exe"; exit 77; }
tmp=$(mktemp -d)
prefix_root=$tmp/prefixes
cleanup() {
  for prefix in "$prefix_root"/*; do
    [ -d "$prefix" ] && WINEPREFIX=$prefix "$system_server" -k 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
failures=0
check() {  # check DESCRIPTION COMMAND...
  description=$1
  shift
  if "$@"; then echo "ok: $description"; else echo "FAILED: $description"; failures=$((failures + 1)); fi
}

# The second launcher: the system Wine, reporting the version this test sets.
mkdir -p "$tmp/wine-wrapper"
cat >"$tmp/wine-wrapper/wine" <<WRAPPER
#!/bin/sh
if [ "\$1" = "--version" ] && [ -n "\${FMCONF_TEST_WINE_VERSION:-}" ]; then
  echo "\$FMCONF_TEST_WINE_VERSION (wrapper of $system_wine)"
  exit 0
fi
exec "$system_wine" "\$@"
WRAPPER
chmod +x "$tmp/wine-wrapper/wine"
ln -s "$system_server" "$tmp/wine-wrapper/wineserver"
wrapper=$tmp/wine-wrapper/wine

unset FMCONF_WINEPREFIX FMCONF_WINE FMCONF_WINESERVER WINEPREFIX WINESERVER
export FMCONF_WINEPREFIX_ROOT=$prefix_root FMCONF_TEST_WINE_VERSION=wine-9.0
cd "$src" || exit 1
"$fmconf" audit "$cases" --targets model,wine --wine "$wrapper" --out "$tmp/out" --no-progress \
  >"$tmp/audit.out" 2>"$tmp/audit.err"
code=$?
echo "--- audit (exit $code)"; cat "$tmp/audit.out" "$tmp/audit.err"; echo "---"
check "the audit ran (exit 0 or 1)" [ "$code" -le 1 ]
check "its own prefix for wine-9.0 was created" [ -f "$prefix_root/wine-9.0/system.reg" ]
check "no other prefix was made" [ "$(cd "$prefix_root" && ls -d */)" = "wine-9.0/" ]
run_field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['run'].get(sys.argv[2], ''))" "$tmp/out/results-wine.json" "$1"; }
check "results name the launcher" [ "$(run_field launcher)" = "$wrapper" ]
check "results name the version" [ "$(run_field version)" = "wine-9.0" ]
check "results carry the --version line" [ "$(run_field launcher_version)" = "wine-9.0 (wrapper of $system_wine)" ]
check "the expectations fell back to wine-8.0.json" [ "$(run_field expectations)" = "corpus/expectations/wine-8.0.json" ]
run_field expectations_note >"$tmp/note"
check "with a note" grep -q "no expectations file wine-9.0.json.*nearest older" "$tmp/note"
check "the audit printed the note" grep -q "wine-9.0.json.*using wine-8.0.json" "$tmp/audit.err"
check "summary.md names the launcher" grep -q "launcher \`$wrapper\`" "$tmp/out/summary.md"
check "summary.md shows the note" grep -q "note.*nearest older" "$tmp/out/summary.md"
check "index.html carries the launcher" grep -q "\"launcher\":\"$wrapper\"" "$tmp/out/index.html"
check "junit.xml names the launcher" grep -q "name=\"launcher\" value=\"$wrapper\"" "$tmp/out/junit.xml"

# The model's run against the wrapper's: exactly the cases whose observations differ.
"$fmconf" compare "$tmp/out/results-model.json" "$tmp/out/results-wine.json" \
  --json "$tmp/compare.json" --junit "$tmp/compare.xml" >"$tmp/compare.txt"
code=$?
head -n 4 "$tmp/compare.txt"
check "compare model vs wine matches the independent check" \
  python3 "$src/conformance/compare_check.py" "$tmp/out/results-model.json" \
  "$tmp/out/results-wine.json" "$tmp/compare.json" "$code"
check "the JUnit output is XML" python3 -c "import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])" "$tmp/compare.xml"

# Without expectations every Wine difference is new: the gate must fire, on exactly those.
python3 - "$tmp/out/results-wine.json" "$tmp/unlisted.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
for r in data["results"]:
    if r.get("outcome") == "known":
        r["outcome"] = "fail"
json.dump(data, open(sys.argv[2], "w"))
PY
"$fmconf" compare "$tmp/out/results-model.json" "$tmp/unlisted.json" --format json >"$tmp/unlisted-compare.json"
code=$?
check "compare gates (exit 1) when Wine's differences are not listed" [ "$code" -eq 1 ]
check "and lists exactly the gating cases" \
  python3 "$src/conformance/compare_check.py" "$tmp/out/results-model.json" "$tmp/unlisted.json" \
  "$tmp/unlisted-compare.json" "$code"

# expectations update writes the wine-9.0 file from the wrapper's run.
mkdir -p "$tmp/expectations"
cp "$src/corpus/expectations/wine-8.0.json" "$tmp/expectations/"
"$fmconf" expectations update --dir "$tmp/expectations" "$tmp/out/results-wine.json" >"$tmp/update.out"
code=$?
cat "$tmp/update.out"
check "expectations update exit 0" [ "$code" -eq 0 ]
check "it wrote wine-9.0.json" [ -f "$tmp/expectations/wine-9.0.json" ]
check "based on wine-8.0" grep -q '"based_on": "wine-8.0"' "$tmp/expectations/wine-9.0.json"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
