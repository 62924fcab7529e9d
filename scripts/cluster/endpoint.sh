#!/usr/bin/env bash
# Starts endpoint process N of the cluster in DIR on PORT (S3 store, Redis locker, shared keys),
# records its pid in DIR/pids and waits until it listens. Used by start.sh, and by the fault
# tests to bring a killed process back.
# Usage: scripts/cluster/endpoint.sh DIR N PORT
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$1 n=$2 port=$3
# shellcheck disable=SC1091
. "$dir/cluster.env"
# Behind nginx (--trust-proxy: addresses and upload URLs from its X-Forwarded-* headers). Every
# test client comes from 127.0.0.1, so the per-address cap on unfinished uploads is raised.
mkdir -p "$dir/endpoint-$n"
out="$dir/log/endpoint-$n.out"
setsid node "$top/server/src/main.js" --data "$dir/endpoint-$n" --keys "$dir/keys" --port "$port" \
    --s3-endpoint "$S3_ENDPOINT" --s3-bucket "$S3_BUCKET" --s3-credentials "$S3_CREDENTIALS" \
    --redis "$REDIS_URL" --trust-proxy --max-unfinished-per-address 1000 </dev/null >"$out" 2>>"$dir/log/endpoint-$n.log" &
pid=$!
echo "endpoint-$n $pid" >> "$dir/pids"
for _ in $(seq 150); do
    if grep -q '^listening on' "$out"; then
        sed -n 's/^receipt public key: //p' "$out" > "$dir/endpoint-$n/public-key"
        exit 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
echo "endpoint $n did not start; see $dir/log/endpoint-$n.log" >&2
exit 1
