#!/usr/bin/env bash
# Stops one process of the cluster in DIR and starts it again the same way: the fault tests'
# "Redis restarts", "radosgw restarts", "an endpoint is killed".
# Usage: scripts/cluster/restart.sh DIR NAME [--signal KILL|TERM] [--down SECONDS]
#   NAME: redis-server, radosgw, endpoint-1, endpoint-2 (or any name in DIR/pids)
#   --down: how long it stays stopped before it starts again (default 0)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(cd "$1" && pwd)
name=$2
shift 2
signal=TERM
down=0
while [ $# -gt 0 ]; do
    case "$1" in
        --signal) signal=$2; shift ;;
        --down) down=$2; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
pid=$(awk -v n="$name" '$1 == n { p = $2 } END { print p }' "$dir/pids")
[ -n "$pid" ] || { echo "no $name in $dir/pids" >&2; exit 1; }
if [ -d "/proc/$pid" ]; then
    kill "-$signal" "$pid"
    for _ in $(seq 300); do [ -d "/proc/$pid" ] || break; sleep 0.05; done
    [ -d "/proc/$pid" ] && kill -KILL "$pid"
    while [ -d "/proc/$pid" ]; do sleep 0.05; done
fi
sleep "$down"
case "$name" in
    endpoint-*)
        # shellcheck disable=SC1091
        . "$dir/cluster.env"
        port_var="ENDPOINT_${name#endpoint-}_PORT"
        exec "$here/endpoint.sh" "$dir" "${name#endpoint-}" "${!port_var}"
        ;;
esac
[ -f "$dir/commands/$name" ] || { echo "no start command for $name" >&2; exit 1; }
eval "setsid $(cat "$dir/commands/$name") </dev/null >>\"$dir/log/$name.out\" 2>&1 &"
echo "$name $!" >> "$dir/pids"
