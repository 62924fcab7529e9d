#!/usr/bin/env bash
# Builds Amicus and runs every test: the normal build (unit, qml, e2e, lint), the unit tests
# again under ASan+UBSan, the fuzzers' smoke runs, and the unit tests cross-built for arm64 under
# QEMU (scripts/build-arm64.sh). Benchmarks are not run (bench/run).
# Usage: scripts/test.sh   (build trees go to build/, build-asan/, build-fuzz/, build-arm64/)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
"$top/scripts/setup-debian.sh"

jobs=$(nproc)
export QT_QPA_PLATFORM=offscreen TZ=UTC

echo "== normal build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$jobs"

echo "== sanitizer build (core, tools and their tests)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DAMICUS_SANITIZE=ON \
    -DAMICUS_BUILD_APP=OFF -DAMICUS_BUILD_BENCH=OFF >/dev/null
cmake --build build-asan -j"$jobs"

echo "== fuzz build (clang, libFuzzer)"
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAMICUS_FUZZ=ON \
    -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DAMICUS_BUILD_APP=OFF -DAMICUS_BUILD_BENCH=OFF >/dev/null
cmake --build build-fuzz -j"$jobs" --target amicus_fuzzers

status=0
echo "== unit tests under ASan+UBSan"
ASAN_OPTIONS=detect_leaks=1 ctest --test-dir build-asan -L unit --output-on-failure -j"$jobs" || status=1
echo "== fuzz smoke runs"
ctest --test-dir build-fuzz -L fuzz --output-on-failure || status=1
echo "== arm64: cross build (core, tools, tests) and the unit tests under qemu-aarch64-static"
AMICUS_JOBS=$jobs "$top/scripts/build-arm64.sh" --unit-only || status=1
echo "== all tests (benchmarks excluded)"
ctest --test-dir build -LE bench --output-on-failure -j"$jobs" || status=1
# The scale-out cluster (Ceph S3, Redis, two endpoints, nginx): CI runs its quick subset (about
# a minute, plus a one-time Ceph install of about 70 s); all its fault tests take about a quarter
# of an hour and run from scripts/cluster/test.sh. The Redis lock and receipt-claim tests run
# above against a real redis-server (server.endpoint).
echo "== scale-out cluster, quick subset (scripts/cluster/test.sh --quick)"
"$top/scripts/cluster/test.sh" --quick || status=1
exit $status
