#!/usr/bin/env bash
# Builds the optional native linear-algebra addon (native/ → native/build/Release/shushi_native.node).
#
# Needs the Debian packages libopenblas-dev and liblapacke-dev (plus g++/make/python3 for node-gyp):
#   sudo apt-get install -y libopenblas-dev liblapacke-dev g++ make python3
# When they are missing the script prints why and exits 0, so `npm install`/setup never fails: the
# app then falls back to the TypeScript LU (diagnostic `backend_fallback`).
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -f /usr/include/lapacke.h ] || missing+=("liblapacke-dev (lapacke.h)")
if ! ls /usr/include/x86_64-linux-gnu/cblas.h /usr/include/*/cblas.h /usr/include/cblas.h >/dev/null 2>&1 &&
   ! ls /usr/include/*/openblas-pthread/cblas.h >/dev/null 2>&1; then
  missing+=("libopenblas-dev (cblas.h)")
fi
if ! ldconfig -p 2>/dev/null | grep -q 'libopenblas\.so'; then missing+=("libopenblas-dev (libopenblas.so)"); fi
if ! ldconfig -p 2>/dev/null | grep -q 'liblapacke\.so'; then missing+=("liblapacke-dev (liblapacke.so)"); fi
for tool in make g++ python3; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "build-native: skipped, missing: ${missing[*]}."
  echo "build-native: install with: sudo apt-get install -y libopenblas-dev liblapacke-dev g++ make python3"
  echo "build-native: shushi will use the TypeScript linear algebra backend."
  exit 0
fi

# Use the Node headers installed with the system node when present (offline builds); otherwise
# node-gyp downloads the headers matching `node -v`.
nodedir_args=()
if [ -f /usr/include/node/node_api.h ]; then nodedir_args=(--nodedir=/usr); fi

if npx --no-install node-gyp rebuild --directory native "${nodedir_args[@]}"; then
  echo "build-native: built native/build/Release/shushi_native.node"
else
  echo "build-native: node-gyp build failed; shushi will use the TypeScript backend." >&2
fi
exit 0
