#!/usr/bin/env bash
# Stops every process that scripts/cluster/start.sh (or endpoint.sh) started for DIR, newest
# first: SIGTERM, then SIGKILL after 5 s. A pid is only signalled while it still belongs to
# this cluster (its command line or working directory names DIR), never by name.
# Usage: scripts/cluster/stop.sh DIR [--keep]   (--keep leaves DIR's files in place)
set -uo pipefail
dir=$(cd "$1" 2>/dev/null && pwd) || { echo "no cluster directory $1" >&2; exit 1; }
keep=${2:-}
[ -f "$dir/pids" ] || exit 0

ours() {
    local pid=$1
    [ -d "/proc/$pid" ] || return 1
    tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dir" && return 0
    case "$(readlink "/proc/$pid/cwd" 2>/dev/null)" in "$dir"*) return 0 ;; esac
    return 1
}

mapfile -t entries < <(tac "$dir/pids")
alive=()
for entry in "${entries[@]}"; do
    read -r name pid <<< "$entry"
    if ours "$pid"; then
        kill -TERM "$pid" 2>/dev/null && alive+=("$pid") && echo "stopping $name (pid $pid)"
    fi
done
for _ in $(seq 50); do
    still=()
    for pid in "${alive[@]}"; do ours "$pid" && still+=("$pid"); done
    [ ${#still[@]} -eq 0 ] && break
    sleep 0.1
done
for pid in "${still[@]}"; do
    ours "$pid" && kill -KILL "$pid" 2>/dev/null && echo "killed pid $pid (did not stop in 5 s)"
done
: > "$dir/pids"
if [ "$keep" != --keep ]; then
    rm -rf "$dir"/{ceph,redis,nginx,endpoint-1,endpoint-2,keys}
fi
echo "cluster in $dir stopped"
