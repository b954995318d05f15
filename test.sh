#!/usr/bin/env bash
# Runs the whole test suite. Installs first what the tests need from Debian when it is missing
# (fonts for the charts, Chromium for the browser test), so a fresh machine needs nothing else.
set -euo pipefail
cd "$(dirname "$0")"

need=()
for pkg in ${STATSREPORTING_APT_PACKAGES:-}; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Installerar ${need[*]} …"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq "${need[@]}" >/dev/null; fi
fi

dotnet test StatsReporting.sln "$@"
