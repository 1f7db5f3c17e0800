#!/bin/sh
# End-to-end test of `fmconf run` (ctest: cli_run_corrupt_input): a folder holding one valid and
# one corrupt case file gives exit code 2, the valid case's result on stdout, the corrupt file's
# error line naming the file and line, and a summary on stderr. Also: --help of each subcommand,
# `validate` and `list` exit codes.
# Usage: cli_run_test.sh FMCONF TESTDATA_CLI_FOLDER
set -u
fmconf=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # check DESCRIPTION COMMAND...
  description=$1
  shift
  if "$@"; then echo "ok: $description"; else echo "FAILED: $description"; failures=$((failures + 1)); fi
}

"$fmconf" run --backend model "$data" >"$tmp/out" 2>"$tmp/err"
code=$?
echo "--- stdout"; cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; echo "---"
check "run exits 2 on a corrupt file" [ "$code" -eq 2 ]
check "one line per case" [ "$(wc -l <"$tmp/out")" -eq 2 ]
check "the corrupt file comes first (file order)" \
  sh -c "head -n1 '$tmp/out' | grep -q '\"verdict\":\"error\"'"
check "the error names the file and line" grep -q 'corrupt.jsonl:1: invalid JSON' "$tmp/out"
check "the valid case still ran and passed" \
  grep -q '"id":"cli/pagefile-mapping".*"verdict":"pass"' "$tmp/out"
check "the summary counts verdicts" grep -q '2 cases in .*1 pass, 0 fail, 1 error' "$tmp/err"

"$fmconf" run --backend model "$data/valid.jsonl" >"$tmp/out2" 2>/dev/null
check "run exits 0 when every case passes" [ $? -eq 0 ]

"$fmconf" validate "$data" >/dev/null 2>"$tmp/verr"
check "validate exits 2 on invalid input" [ $? -eq 2 ]
check "validate prints the error" grep -q 'corrupt.jsonl:1' "$tmp/verr"
"$fmconf" validate "$data/valid.jsonl" 2>/dev/null
check "validate exits 0 on valid input" [ $? -eq 0 ]

"$fmconf" list "$data/valid.jsonl" >"$tmp/list" 2>/dev/null
check "list prints id, kind and title" grep -q '^cli/pagefile-mapping  documented  a pagefile' "$tmp/list"

for sub in run list validate; do
  "$fmconf" "$sub" --help >"$tmp/help" 2>&1
  check "$sub --help exits 0" [ $? -eq 0 ]
done
"$fmconf" run --backend nope "$data" >/dev/null 2>&1
check "a bad option exits 2" [ $? -eq 2 ]

[ "$failures" -eq 0 ]
