#!/usr/bin/env bash
# Starts the test cluster, runs the upload throughput benchmark against it (S3 store behind
# nginx vs file store direct, same run) and stops the cluster. Not in CTest's bench label:
# it needs the cluster's packages (scripts/cluster/setup-debian.sh).
# Usage: bench/cluster/run.sh   (BENCH_SIZE, BENCH_CHUNK, BENCH_RUNS override the defaults)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/amicus-bench-cluster.XXXXXX")
trap '"$top/scripts/cluster/stop.sh" "$dir" >/dev/null; rm -rf "$dir"' EXIT
"$top/scripts/cluster/start.sh" "$dir" >/dev/null
CLUSTER_DIR=$dir node "$top/bench/cluster/upload_throughput.mjs"
