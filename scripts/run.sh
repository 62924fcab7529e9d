#!/usr/bin/env bash
# Builds Amicus and runs the app against a reference endpoint on this machine, as a newcomer's
# end-to-end demo: a demo secretariat (keys made with amicus-intake), its signed catalog of the
# bundled call served by the endpoint on http://127.0.0.1:1080, and an app built to trust that
# catalog. The endpoint stops when the app closes. Arguments go to the app (--lang en|fr|es).
# Needs a display; without one it says so and shows how to get a screenshot instead.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
"$top/scripts/setup-debian.sh"

demo="${XDG_DATA_HOME:-$HOME/.local/share}/amicus-demo"
secretariat="$demo/secretariat"
mkdir -p "$demo"

# The demo build has its own tree: it trusts the demo secretariat's catalog key, which the
# test build must not.
cmake -S . -B build-demo -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAMICUS_BUILD_TESTS=OFF \
    -DAMICUS_BUILD_BENCH=OFF >/dev/null
cmake --build build-demo -j"$(nproc)" --target amicus-intake
intake=build-demo/tools/intake/amicus-intake

if [ ! -f "$secretariat/identity.txt" ]; then
    "$intake" init "$secretariat" >"$demo/secretariat-public.txt"
fi
recipient=$(sed -n 's/^"recipients": \["\(age1[0-9a-z]*\)"\],$/\1/p' "$demo/secretariat-public.txt")
receipt_key=$(sed -n 's/^"receipt_key": "\(.*\)",$/\1/p' "$demo/secretariat-public.txt")
signing_key=$(sed -n 's/^AMICUS_CATALOG_SIGNING_KEYS=//p' "$demo/secretariat-public.txt")

# The endpoint's keys: the receipt-signing key, and the bundled call re-issued by the demo
# secretariat as a labelled practice call (the real call is closed): open for four weeks from
# today, its own recipient and receipt key, a sequence that grows with each run, signed.
keys="$demo/endpoint-keys"
mkdir -p "$keys" && chmod 700 "$keys"
cp "$secretariat/receipt-signing.pem" "$keys/receipt-signing.pem"
"$intake" catalog practice --days 28 --sequence "$(date +%s)" -o "$keys/catalog.json" \
    "$top/core/calls/builtin_catalog.json" 2>/dev/null
python3 - "$keys/catalog.json" "$recipient" "$receipt_key" <<'PY'
import json, sys
target, recipient, receipt_key = sys.argv[1:4]
catalog = json.load(open(target, encoding="utf-8"))
for call in catalog["calls"]:
    call["recipients"] = [recipient]
    call["receipt_key"] = receipt_key
with open(target, "w", encoding="utf-8") as out:
    json.dump(catalog, out, ensure_ascii=False, indent=2)
PY
"$intake" catalog sign -k "$secretariat/catalog-signing.pem" "$keys/catalog.json" >/dev/null

cmake -S . -B build-demo "-DAMICUS_CATALOG_SIGNING_KEYS=$signing_key" >/dev/null
cmake --build build-demo -j"$(nproc)" --target amicus

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "No display here (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open."
    echo "Run this in a desktop session, or under a virtual display:  xvfb-run scripts/run.sh"
    echo "or render the first screen to a picture:  build-demo/qml/amicus --screenshot first.png --lang fr"
    exit 2
fi

mkdir -p "$demo/endpoint"
node server/src/main.js --data "$demo/endpoint" --host 127.0.0.1 --port 1080 --keys "$keys" \
    >"$demo/endpoint.log" 2>&1 &
endpoint_pid=$!
trap 'kill "$endpoint_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    grep -q "listening on" "$demo/endpoint.log" 2>/dev/null && break
    sleep 0.2
done
echo "Endpoint: http://127.0.0.1:1080 (log: $demo/endpoint.log)"
echo "What arrived, opened as the secretariat would:"
echo "  $intake inbox $demo/endpoint -i $secretariat/identity.txt -o $demo/inbox"
AMICUS_DATA_DIR="$demo/app" build-demo/qml/amicus "$@"
