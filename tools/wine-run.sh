#!/usr/bin/env bash
# Runs a Windows program under Wine in fmconf's environment (tools/wine-env.sh: private prefix,
# created on first use, WINEDEBUG=-all, persistent wineserver). The mingw build's test emulator.
#   tools/wine-run.sh build/mingw/fmconf.exe run --backend native corpus/cases
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/wine-env.sh"
fmconf_wine_prepare
exec "$(command -v wine64 || command -v wine)" "$@"
