#!/usr/bin/env bash
# The Wine environment fmconf uses: a private prefix (created once, reused, recreated if broken),
# no debug output, no Mono/Gecko installers, and a persistent wineserver for speed.
#   source tools/wine-env.sh            # export the variables into this shell
#   bash tools/wine-env.sh --prepare    # create/repair the prefix and start wineserver -p
export WINEPREFIX="${FMCONF_WINEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/fmconf/wineprefix}"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64

fmconf_wine_prepare() {
  command -v wine >/dev/null || { echo "wine-env: wine is not installed" >&2; return 1; }
  if [[ ! -f "$WINEPREFIX/system.reg" || ! -d "$WINEPREFIX/drive_c/windows/system32" ]]; then
    echo "wine-env: creating $WINEPREFIX" >&2
    rm -rf "$WINEPREFIX"
    mkdir -p "$(dirname "$WINEPREFIX")"
    wineboot -i >/dev/null 2>&1 || true
    wineserver -w
  fi
  [[ -f "$WINEPREFIX/system.reg" ]] || { echo "wine-env: could not create $WINEPREFIX" >&2; return 1; }
  wineserver -p >/dev/null 2>&1 || true
}

if [[ "${BASH_SOURCE[0]}" == "$0" && "${1:-}" == "--prepare" ]]; then
  set -euo pipefail
  fmconf_wine_prepare
fi
