#!/usr/bin/env bash
# Installs the dependencies, then builds the whole project under AddressSanitizer and
# UndefinedBehaviorSanitizer and runs every test there, the benchmarks' smoke tests
# included (they check that each benchmark works end to end, never how fast: the figures
# in the README come from the release build, see tests/bench/README.md).
#
# Most of the test time is spent waiting for the disk (custodyctl fsyncs each committed
# transaction and each archived file), not computing, so ctest runs more tests at once
# than there are cores.
set -euo pipefail
cd "$(dirname "$0")/.."

installer/deps.sh --test

jobs=$(nproc)
test_jobs=$((jobs * 2))

# Line tables only (-g1): stack traces still name file and line, and the compiler and
# linker do far less work than for full debug information.
cmake --preset asan -DCUSTODY_BENCHMARKS=ON -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DCMAKE_C_FLAGS_DEBUG=-g1 >/dev/null

echo "== asan: build =="
cmake --build --preset asan -j "$jobs"

echo "== asan: tests =="
ctest --preset asan -j "$test_jobs"
