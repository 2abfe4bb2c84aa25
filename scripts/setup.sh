#!/usr/bin/env bash
# Set up a fresh Debian machine for ptce-assist: Python venv (always) and, with --test, the
# system packages the tests use as oracles (LibreOffice, fonts, Chromium, PostgreSQL, nginx, and
# Node.js for the fast check that layout.js and the Python layout engine agree).
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "$want_test" = 1 ]; then
  packages=(libreoffice-writer-nogui fonts-liberation2 fonts-crosextra-carlito fonts-dejavu-core
            chromium postgresql nginx sqlite3 openssl nodejs wfrench)
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installation des paquets système : ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

python3 -m venv .venv
requirements=requirements.txt
[ "$want_test" = 1 ] && requirements=requirements-dev.txt
.venv/bin/pip install -q --disable-pip-version-check -r "$requirements"
