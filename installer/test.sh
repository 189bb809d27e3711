#!/usr/bin/env bash
# Installs the dependencies, then builds and runs the whole test suite under
# AddressSanitizer and UndefinedBehaviorSanitizer, and the benchmarks' smoke tests in the
# optimised build they measure.
#
# Two things keep the machine busy:
# - Most of the test time is spent waiting for the disk (custodyctl fsyncs each
#   committed transaction and each archived file), not computing, so ctest runs more
#   tests at once than there are cores (test_jobs below).
# - The optimised build of the benchmarks compiles while the sanitizer tests run: the
#   compiler uses the cores the waiting tests leave idle. The tests' output is printed
#   when they end.
set -euo pipefail
cd "$(dirname "$0")/.."

installer/deps.sh --test

jobs=$(nproc)
test_jobs=$((jobs * 2))

# Line tables only (-g1): stack traces still name file and line, and the compiler and
# linker do far less work than for full debug information.
cmake --preset asan -DCUSTODY_BENCHMARKS=OFF -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DCMAKE_C_FLAGS_DEBUG=-g1 >/dev/null
cmake --preset release -DCUSTODY_BENCHMARKS=ON \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" >/dev/null

echo "== asan: build =="
cmake --build --preset asan -j "$jobs"

echo "== asan: tests (while the benchmarks build) =="
asan_log=build/asan/ctest-output.log
ctest --preset asan -j "$test_jobs" >"$asan_log" 2>&1 &
asan_tests=$!

echo "== release: benchmarks build =="
bench_status=0
cmake --build --preset release -j "$jobs" --target benchmarks || bench_status=$?
if [ "$bench_status" -eq 0 ]; then
  echo "== release: benchmark smoke tests =="
  ctest --preset release -L bench -j "$jobs" || bench_status=$?
fi

asan_status=0
wait "$asan_tests" || asan_status=$?
echo "== asan: test results =="
cat "$asan_log"

if [ "$asan_status" -ne 0 ] || [ "$bench_status" -ne 0 ]; then
  echo "tests failed: asan exit $asan_status, benchmarks exit $bench_status" >&2
  exit 1
fi
