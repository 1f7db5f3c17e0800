#!/usr/bin/env bash
# The Wine gate: audit a Wine (an installed one or a build tree) and compare it with a baseline
# (the previous run's results file). What .github/workflows/wine-gate.yml runs; runs anywhere.
#   bash tools/wine-gate.sh --wine PATH [--wineserver PATH] [--baseline results-wine.json]
#                           [--out DIR] [--fmconf build/default/src/cli/fmconf] [audit options]
# Writes DIR/ (default reports/runs/gate): the audit's reports, and with a baseline
# compare.txt, compare.json, compare.xml (JUnit) and the HTML page with its "changed since"
# column. Exit 0: nothing gates; 1: a new grounded failure or an xpass (against the baseline;
# without one, any `fail`, `xpass` or `error` outcome of the audit); 2: the audit could not run.
set -uo pipefail
cd "$(dirname "$0")/.."

fmconf=build/default/src/cli/fmconf
out=reports/runs/gate
wine=""
wineserver=()
baseline=""
extra=()
while (($#)); do
  case "$1" in
    --wine) wine="$2"; shift 2 ;;
    --wineserver) wineserver=(--wineserver "$2"); shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --fmconf) fmconf="$2"; shift 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done
[[ -n "$wine" ]] || { echo "wine-gate: give --wine PATH (a wine launcher or a build tree)" >&2; exit 2; }
[[ -x "$fmconf" ]] || { echo "wine-gate: $fmconf is not built (cmake --build --preset default)" >&2; exit 2; }
if [[ -n "$baseline" && ! -f "$baseline" ]]; then
  echo "wine-gate: baseline $baseline not found: gating on the audit alone" >&2
  baseline=""
fi

"$fmconf" audit --targets wine --wine "$wine" "${wineserver[@]}" --out "$out" --no-progress "${extra[@]}"
audit=$?
if ((audit > 1)); then
  echo "wine-gate: the audit could not run (exit $audit)" >&2
  exit 2
fi
if [[ -z "$baseline" ]]; then
  echo "wine-gate: no baseline: the audit's own outcomes gate (exit $audit)" >&2
  exit "$audit"
fi
"$fmconf" compare "$baseline" "$out/results-wine.json" --json "$out/compare.json" \
  --junit "$out/compare.xml" | tee "$out/compare.txt"
gate=${PIPESTATUS[0]}
"$fmconf" report "$out/results-wine.json" --baseline "$baseline" --out "$out" >/dev/null || true
echo "wine-gate: compare exit $gate ($out/compare.txt)" >&2
exit "$gate"
