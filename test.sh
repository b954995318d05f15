#!/usr/bin/env bash
# Runs the whole test suite (dotnet test StatsReporting.sln). First installs what the tests need from Debian when it
# is missing, saying what and why before it does; STATSREPORTING_NO_APT=1 installs nothing and skips, loudly, the
# tests that need what is missing (a local convenience: .ci/run never does this, and fails on any skipped test).
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests need: one line each, "package|why|tests that need it (a dotnet test filter on names)".
# STATSREPORTING_APT_PACKAGES adds more packages (installed, never skipped).
packages=(
  "libgdiplus|ClosedXML 0.95.4 kan inte läsa tillbaka en arbetsbok med bilder utan den, och testerna läser KF-arbetsböckerna (med fliken Diagram). Programmet självt behöver den inte.|StatsReporting.Tests.Reports.,StatsReporting.Tests.Cli.CliTests,StatsReporting.Tests.Checks.SeedPublishedTablesTests,StatsReporting.Tests.Ivo.ReconciliationTests,StatsReporting.Tests.Ivo.IvoHistoryTests,StatsReporting.Web.Tests.RunTests,StatsReporting.Web.Tests.BrowserTests"
  "chromium|webbläsartesterna (BrowserTests) kör sidan i Debians Chromium med Playwright.|StatsReporting.Web.Tests.BrowserTests"
  "libreoffice-calc|PrintedPdfTests skriver ut KF- och IVO-arbetsböckerna till PDF med LibreOffice och läser sidorna.|StatsReporting.Tests.Reports.Document.PrintedPdfTests"
  "libreoffice-writer|PrintedPdfTests skriver ut tjänsteskrivelserna (.docx) till PDF med LibreOffice.|StatsReporting.Tests.Reports.Document.PrintedPdfTests"
  "fonts-crosextra-carlito|Carlito har Calibris mått, så LibreOffice bryter rader och sidor som Excel och Word.|StatsReporting.Tests.Reports.Document.PrintedPdfTests"
  "poppler-utils|pdftotext läser tillbaka de utskrivna sidorna (text och teckenhöjd).|StatsReporting.Tests.Reports.Document.PrintedPdfTests"
  "postgresql|Postgres-testerna kör mot en riktig PostgreSQL-server (Debians), som startas nedan.|StatsReporting.Tests.Postgres.,StatsReporting.Web.Tests.Nodes."
)
for extra in ${STATSREPORTING_APT_PACKAGES:-}; do packages+=("$extra|begärd i STATSREPORTING_APT_PACKAGES.|"); done

missing=()
for line in "${packages[@]}"; do
  IFS='|' read -r pkg _ _ <<<"$line"
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$line")
done

filter=()
if [ ${#missing[@]} -gt 0 ] && [ "${STATSREPORTING_NO_APT:-}" = 1 ]; then
  echo "################################################################################" >&2
  echo "# STATSREPORTING_NO_APT=1: inget installeras, och tester HOPPAS ÖVER:" >&2
  for line in "${missing[@]}"; do
    IFS='|' read -r pkg why tests <<<"$line"
    echo "#   $pkg saknas ($why)" >&2
    echo "#     överhoppade: ${tests//,/, }" >&2
    IFS=',' read -ra names <<<"$tests"
    for n in "${names[@]}"; do [ -n "$n" ] && filter+=("FullyQualifiedName!~$n"); done
  done
  echo "# Det här är inte en fullständig testkörning (.ci/run godtar den inte)." >&2
  echo "################################################################################" >&2
elif [ ${#missing[@]} -gt 0 ]; then
  echo "Testerna behöver Debian-paket som saknas; de installeras nu med apt-get (--no-install-recommends):"
  names=()
  for line in "${missing[@]}"; do
    IFS='|' read -r pkg why _ <<<"$line"
    echo "  - $pkg: $why"
    names+=("$pkg")
  done
  echo "(Hoppa över installationen och de testerna med STATSREPORTING_NO_APT=1 ./test.sh.)"
  if ! command -v apt-get >/dev/null; then
    echo "Fel: apt-get finns inte på den här datorn. Installera ${names[*]} på annat sätt, eller kör STATSREPORTING_NO_APT=1 ./test.sh." >&2
    exit 1
  fi
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "Fel: installationen kräver root eller sudo. Kör som root, eller STATSREPORTING_NO_APT=1 ./test.sh." >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${names[@]}"
fi

# Playwright (playwright-core only: it drives the Chromium above and downloads no browser of its own).
browser=tests/StatsReporting.Web.Tests/browser
if [ ! -d "$browser/node_modules" ]; then
  command -v npm >/dev/null || { echo "Fel: npm (Node.js) behövs för webbläsartesterna: installera nodejs och npm." >&2; exit 1; }
  echo "Installerar playwright-core från npm (npm ci) för webbläsartesterna …"
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error)
fi

# The kommun's OpenID provider of the OIDC tests (OidcTests): the certified oidc-provider from npm, run by node.
idp=tests/StatsReporting.Web.Tests/idp
if [ ! -d "$idp/node_modules/oidc-provider" ]; then
  command -v npm >/dev/null || { echo "Fel: npm (Node.js) behövs för inloggningstesterna: installera nodejs och npm." >&2; exit 1; }
  echo "Installerar oidc-provider från npm (npm ci) för inloggningstesterna (OpenID Connect) …"
  (cd "$idp" && npm ci --no-audit --no-fund --loglevel=error)
fi

# PostgreSQL: started if it is not running, with one role and database for this run (dropped again at the end).
# The Postgres tests read the connection string from STATSREPORTING_TEST_POSTGRES; given from outside, it is used as it is.
if dpkg -s postgresql >/dev/null 2>&1 && [ -z "${STATSREPORTING_TEST_POSTGRES:-}" ]; then
  STATSREPORTING_TEST_POSTGRES=$(scripts/test-postgres start)
  export STATSREPORTING_TEST_POSTGRES
  pg_role=$(sed -E 's/.*Username=([^;]*).*/\1/' <<<"$STATSREPORTING_TEST_POSTGRES")
  trap 'scripts/test-postgres stop "$pg_role" || true' EXIT
fi

if [ ${#filter[@]} -gt 0 ]; then
  joined=$(IFS='&'; echo "${filter[*]}")
  dotnet test StatsReporting.sln --filter "$joined" "$@"
  echo "OBS: tester hoppades över (STATSREPORTING_NO_APT=1, se ovan)." >&2
  exit 3
fi
dotnet test StatsReporting.sln "$@"
