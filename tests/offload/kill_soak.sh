#!/usr/bin/env bash
# The kill test for longer than CI runs it: SIGKILL at random points of the offload,
# RUNS times (default 2000), then the same checks after every restart (R12, R15).
#   tests/offload/kill_soak.sh [RUNS] [BUILD_DIR]
set -euo pipefail
runs=${1:-2000}
build=${2:-build/debug}
cd "$(dirname "$0")/../.."
[ -x "$build/tests/offload/offload_tests" ] || { cmake --preset debug && ninja -C "$build" offload_tests custodyctl; }
CUSTODY_KILL_RUNS=$runs "$build/tests/offload/offload_tests" --gtest_filter='OffloadKill.*'
