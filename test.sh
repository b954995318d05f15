#!/usr/bin/env bash
# Runs the whole test suite. Installs first what the tests need from Debian when it is missing
# (libgdiplus to read workbooks with pictures back, Chromium for the browser test), so a fresh machine needs nothing else.
set -euo pipefail
cd "$(dirname "$0")"

# libgdiplus: ClosedXML 0.95.4 cannot open a workbook that holds pictures without it, and the tests read the KF
# workbooks (with their Diagram sheet) back. The program itself does not need it: it adds pictures through OpenXml.
# STATSREPORTING_APT_PACKAGES adds more.
need=()
for pkg in libgdiplus ${STATSREPORTING_APT_PACKAGES:-}; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installerar ${need[*]} …"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}" >/dev/null; fi
fi

dotnet test StatsReporting.sln "$@"
