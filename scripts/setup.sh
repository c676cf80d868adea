#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian machine with Node 20 (run by `npm start` and `npm test`
# through their pre-scripts). Installs what the machine lacks, then builds the project.
#   Debian packages: chromium (browser test), fonts-noto-cjk (CJK glyphs in charts, reports, browser),
#   libopenblas-dev + liblapacke-dev (optional native linear-algebra backend), python3 (bench peer),
#   python3-numpy + python3-scipy + python3-pandas + python3-statsmodels, r-base-core + r-cran-lmtest +
#   r-cran-forecast + r-cran-tseries + r-cran-urca + r-cran-posterior (test/reference generators, rerun by
#   test/reference/current.test.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium fonts-noto-cjk libopenblas-dev liblapacke-dev g++ make python3 python3-numpy python3-scipy python3-pandas python3-statsmodels r-base-core r-cran-lmtest r-cran-forecast r-cran-tseries r-cran-urca r-cran-posterior)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "[setup] installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

stamp=node_modules/.shushi-lock-sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "[setup] npm install (from package-lock.json)"
  npm install --no-audit --no-fund
  sha256sum package-lock.json | cut -d' ' -f1 > "$stamp"
fi

# Optional native OpenBLAS backend: builds when the libraries are present, never fails the set-up.
if [ -f scripts/build-native.sh ]; then bash scripts/build-native.sh || echo "[setup] native backend not built; the TypeScript backend will be used"; fi

echo "[setup] building (tsc + vite)"
npm run --silent build
