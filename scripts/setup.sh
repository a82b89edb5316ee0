#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian/Ubuntu machine: Debian packages (Chromium for the browser
# tests, LibreOffice Calc for formula parity and PDFs, poppler for PDF pages) and the npm packages from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
# Writer converts the review report (.docx) to PDF in the report tests
[ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Python packages the tests use: openpyxl re-saves a review and lxml builds parts (test/acceptance/fixtures/*.py);
# python-docx reads the review report (test/report). The flags skip slow retries when only a local index is reachable.
if ! python3 -c 'import openpyxl, lxml, docx' >/dev/null 2>&1; then
  echo "setup: installing Python packages: openpyxl lxml python-docx" >&2
  python3 -m pip install --quiet --retries 0 --timeout 5 openpyxl lxml python-docx \
    || python3 -m pip install --quiet --retries 0 --timeout 5 --break-system-packages openpyxl lxml python-docx
fi

# npm ci refuses a lockfile made on another platform here; install from the committed lockfile instead.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages" >&2
  npm install --no-audit --no-fund --loglevel=error
fi

# the command line as built JavaScript (the package bin runs it)
npm run --silent build:cli
