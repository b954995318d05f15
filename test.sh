#!/usr/bin/env bash
# Runs the whole test suite. Installs first what the tests need from Debian when it is missing
# (libgdiplus to read workbooks with pictures back, Chromium for the browser test), so a fresh machine needs nothing else.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests need (STATSREPORTING_APT_PACKAGES adds more):
# - libgdiplus: ClosedXML 0.95.4 cannot open a workbook that holds pictures without it, and the tests read the KF
#   workbooks (with their Diagram sheet) back. The program itself does not need it: it adds pictures through OpenXml.
# - chromium: drives the page in StatsReporting.Web.Tests/BrowserTests.
# - libreoffice-calc, libreoffice-writer, fonts-crosextra-carlito, poppler-utils: PrintedPdfTests print the workbooks and
#   the tjänsteskrivelser to PDF (Carlito has Calibri's metrics) and read the pages back with pdftotext.
need=()
for pkg in libgdiplus chromium libreoffice-calc libreoffice-writer fonts-crosextra-carlito poppler-utils ${STATSREPORTING_APT_PACKAGES:-}; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installerar ${need[*]} …"
  export DEBIAN_FRONTEND=noninteractive
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}" >/dev/null; fi
fi

# Playwright (playwright-core only: it drives the Chromium above and downloads no browser of its own).
browser=tests/StatsReporting.Web.Tests/browser
if [ ! -d "$browser/node_modules" ]; then
  echo "Installerar playwright-core (npm ci) …"
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error)
fi

dotnet test StatsReporting.sln "$@"
