#!/usr/bin/env bash
# Builds Amicus and runs the app with the bundled call, against a reference endpoint started
# on this machine (http://127.0.0.1:1080), which stops when the app closes.
# Needs a display; without one it says so and shows how to get a screenshot instead.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
"$top/scripts/setup-debian.sh"

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target amicus

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "No display here (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open."
    echo "Run this in a desktop session, or under a virtual display:  xvfb-run scripts/run.sh"
    echo "or render the first screen to a picture:  build/qml/amicus --screenshot welcome.png --lang fr"
    exit 2
fi

data="${XDG_DATA_HOME:-$HOME/.local/share}/amicus-demo"
endpoint_pid=""
if [ -f server/src/main.js ]; then
    mkdir -p "$data/endpoint"
    node server/src/main.js --data "$data/endpoint" --host 127.0.0.1 --port 1080 \
        >"$data/endpoint.log" 2>&1 &
    endpoint_pid=$!
    trap '[ -n "$endpoint_pid" ] && kill "$endpoint_pid" 2>/dev/null || true' EXIT
    echo "Local endpoint on http://127.0.0.1:1080 (log: $data/endpoint.log)"
fi
build/qml/amicus "$@"
