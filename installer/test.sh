#!/usr/bin/env bash
# Installs the dependencies, then builds and runs the whole test suite twice: once as
# built for use, once under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

installer/deps.sh --test

jobs=$(nproc)
for preset in debug asan; do
  echo "== ${preset}: build =="
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset" -j "$jobs"
  echo "== ${preset}: tests =="
  ctest --preset "$preset" -j "$jobs"
done
