#!/usr/bin/env bash
# Installs the dependencies, then builds and runs the whole test suite twice: once as
# built for use, once under AddressSanitizer and UndefinedBehaviorSanitizer.
#
# Every test runs in both passes; only the benchmarks' smoke tests, which measure the
# build made for use, run in the debug pass alone. Two things keep the machine busy:
# - Most of the test time is spent waiting for the disk (custodyctl fsyncs each
#   committed transaction and each archived file), not computing, so ctest runs more
#   tests at once than there are cores (test_jobs below).
# - The debug pass's tests run while the sanitizer build compiles: the compiler uses the
#   cores the waiting tests leave idle. Their output is printed when they end.
set -euo pipefail
cd "$(dirname "$0")/.."

installer/deps.sh --test

jobs=$(nproc)
test_jobs=$((jobs * 2))

for preset in debug asan; do
  # Line tables only (-g1): stack traces still name file and line, and the compiler and
  # linker do far less work than for full debug information.
  extra=(-DCMAKE_CXX_FLAGS_DEBUG=-g1 -DCMAKE_C_FLAGS_DEBUG=-g1)
  [ "$preset" = asan ] && extra+=(-DCUSTODY_BENCHMARKS=OFF)
  cmake --preset "$preset" "${extra[@]}" >/dev/null
done

echo "== debug: build =="
cmake --build --preset debug -j "$jobs"

echo "== debug: tests (while asan builds) =="
debug_log=build/debug/ctest-output.log
ctest --preset debug -j "$test_jobs" >"$debug_log" 2>&1 &
debug_tests=$!

echo "== asan: build =="
asan_build=0
cmake --build --preset asan -j "$jobs" || asan_build=$?

debug_status=0
wait "$debug_tests" || debug_status=$?
echo "== debug: test results =="
cat "$debug_log"
if [ "$asan_build" -ne 0 ]; then
  echo "asan build failed" >&2
  exit "$asan_build"
fi

echo "== asan: tests =="
asan_status=0
ctest --preset asan -j "$test_jobs" || asan_status=$?

if [ "$debug_status" -ne 0 ] || [ "$asan_status" -ne 0 ]; then
  echo "tests failed: debug exit $debug_status, asan exit $asan_status" >&2
  exit 1
fi
