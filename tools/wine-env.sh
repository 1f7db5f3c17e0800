#!/usr/bin/env bash
# The Wine environment fmconf uses (src/remote/wine_launcher.hpp and wine_setup.hpp do the same):
# the Wine named by FMCONF_WINE (a `wine` launcher, or a Wine build tree's folder) or else
# wine64/wine on PATH; its wineserver (FMCONF_WINESERVER, else beside the launcher: the same
# folder or the build tree's server/); a private prefix per Wine version,
# ${FMCONF_WINEPREFIX_ROOT:-${XDG_CACHE_HOME:-~/.cache}/fmconf}/wine-<version> (FMCONF_WINEPREFIX
# overrides it), created once, reused, recreated if broken; no debug output, no Mono/Gecko
# installers, and a persistent wineserver for speed.
#   source tools/wine-env.sh            # export the variables into this shell
#   bash tools/wine-env.sh --prepare    # create/repair the prefix and start wineserver -p
fmconf_wine="${FMCONF_WINE:-}"
if [[ -n "$fmconf_wine" && -d "$fmconf_wine" ]]; then fmconf_wine="$fmconf_wine/wine"; fi
if [[ -z "$fmconf_wine" ]]; then fmconf_wine="$(command -v wine64 || command -v wine || true)"; fi
fmconf_wineserver="${FMCONF_WINESERVER:-}"
if [[ -z "$fmconf_wineserver" && -n "$fmconf_wine" ]]; then
  for candidate in "$(dirname "$fmconf_wine")/wineserver" "$(dirname "$fmconf_wine")/server/wineserver"; do
    if [[ -x "$candidate" ]]; then fmconf_wineserver="$candidate"; break; fi
  done
  if [[ -z "$fmconf_wineserver" && -z "${FMCONF_WINE:-}" ]]; then
    fmconf_wineserver="$(command -v wineserver || true)"
  fi
fi
fmconf_wine_version=""
if [[ -n "$fmconf_wine" ]]; then
  fmconf_wine_version="$(WINEDEBUG=-all "$fmconf_wine" --version 2>/dev/null | head -n 1 | cut -d' ' -f1 |
    sed 's/[^A-Za-z0-9._-]/_/g')"
fi
export WINEPREFIX="${FMCONF_WINEPREFIX:-${FMCONF_WINEPREFIX_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/fmconf}/${fmconf_wine_version:-wine-unknown}}"
[[ -n "$fmconf_wineserver" ]] && export WINESERVER="$fmconf_wineserver"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
export WINEARCH=win64

fmconf_wine_prepare() {
  [[ -n "$fmconf_wine" ]] || { echo "wine-env: wine is not installed (or set FMCONF_WINE)" >&2; return 1; }
  [[ -n "$fmconf_wineserver" ]] || { echo "wine-env: no wineserver for $fmconf_wine (set FMCONF_WINESERVER)" >&2; return 1; }
  if [[ ! -f "$WINEPREFIX/system.reg" || ! -d "$WINEPREFIX/drive_c/windows/system32" ]]; then
    echo "wine-env: creating $WINEPREFIX ($fmconf_wine_version)" >&2
    rm -rf "$WINEPREFIX"
    mkdir -p "$(dirname "$WINEPREFIX")"
    "$fmconf_wine" wineboot -i >/dev/null 2>&1 || true
    "$fmconf_wineserver" -w
  fi
  [[ -f "$WINEPREFIX/system.reg" ]] || { echo "wine-env: could not create $WINEPREFIX" >&2; return 1; }
  "$fmconf_wineserver" -p >/dev/null 2>&1 || true
}

if [[ "${BASH_SOURCE[0]}" == "$0" && "${1:-}" == "--prepare" ]]; then
  set -euo pipefail
  fmconf_wine_prepare
fi
