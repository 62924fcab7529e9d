#!/usr/bin/env bash
# The scale-out proof: starts the test cluster (start.sh) in a fresh directory, runs the fault
# tests against it, and stops everything it started, pass or fail.
#   - server/test/cluster/*.test.js (node --test): alternating PATCHes with cuts, the lock,
#     a duplicate finishing on the other process, Redis and radosgw restarts;
#   - with a build (BUILD_DIR, default build/): the app's sender (amicusctl sync) through nginx
#     while endpoints are killed with SIGKILL, 200 submissions from 20 concurrent senders and
#     amicus-intake inbox reading the bucket (sender_test.py).
# Usage: scripts/cluster/test.sh [--keep] [--quick]
#   --keep   leaves the cluster running afterwards
#   --quick  CI's subset (scripts/test.sh, about a minute): the cluster starts, a second upload
#            of a submission finishing on the other process gets the first receipt over S3, and
#            one upload goes through nginx round-robin with cut connections; it stops.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
here="$top/scripts/cluster"
build=${BUILD_DIR:-$top/build}
keep=""
quick=0
for arg in "$@"; do
    case "$arg" in
        --keep) keep=--keep ;;
        --quick) quick=1 ;;
        *) echo "usage: $0 [--keep] [--quick]" >&2; exit 2 ;;
    esac
done
"$here/setup-debian.sh"
dir=$(mktemp -d "${TMPDIR:-/tmp}/amicus-cluster.XXXXXX")
cleanup() {
    if [ "$keep" = --keep ]; then
        echo "cluster left running: scripts/cluster/stop.sh $dir"
    else
        "$here/stop.sh" "$dir" >/dev/null && rm -rf "$dir"
    fi
}
trap cleanup EXIT
if ! "$here/start.sh" "$dir"; then
    # The cleanup removes the directory: say here what the daemons said.
    grep -H -i -m3 'error\|fail' "$dir"/log/*.out "$dir"/log/*.log "$dir"/ceph/run/*.log >&2 || true
    exit 1
fi
export CLUSTER_DIR=$dir
status=0
started=$(date +%s)
if [ $quick = 1 ]; then
    echo "== cluster (quick): a receipt claimed across processes over S3, one upload through nginx"
    (cd "$top/server" && node --test --test-concurrency=1 \
        --test-name-pattern='second upload of the same submission' \
        --test-name-pattern='the same through nginx' test/cluster/) || status=1
    echo "cluster tests took $(( $(date +%s) - started ))s"
    exit $status
fi
echo "== cluster: endpoint fault tests (node --test)"
(cd "$top/server" && node --test --test-concurrency=1 test/cluster/) || status=1
if [ -x "$build/tools/amicusctl/amicusctl" ] && [ -x "$build/tools/intake/amicus-intake" ]; then
    echo "== cluster: the app's sender (amicusctl sync) and amicus-intake inbox on the bucket"
    python3 "$here/sender_test.py" "$build" || status=1
else
    echo "no amicusctl and amicus-intake in $build (build them first): the sender tests did not run" >&2
    status=1
fi
echo "cluster tests took $(( $(date +%s) - started ))s"
exit $status
