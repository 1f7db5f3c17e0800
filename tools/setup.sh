#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine for fmconf: installs the packages (apt, as root), builds the
# host preset (model, Wine client, tests) and the mingw preset (the Windows executables that run
# under Wine), and prepares the private Wine prefix. Safe to run again: it only does what is
# missing. Usage: bash tools/setup.sh [--no-apt]
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" != "--no-apt" ]]; then
  mapfile -t packages < <(grep -v '^#' tools/packages.txt | grep -v '^$')
  missing=()
  for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
fi

echo "setup: building the host preset (build/default)" >&2
cmake --preset default >/dev/null
cmake --build --preset default

echo "setup: building the mingw preset (build/mingw)" >&2
cmake --preset mingw >/dev/null
cmake --build --preset mingw

echo "setup: preparing the Wine prefix" >&2
bash tools/wine-env.sh --prepare
