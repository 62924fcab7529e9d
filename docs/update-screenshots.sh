#!/usr/bin/env bash
# Renders each main screen in each language into docs/screenshots/ (shown in the README).
# Usage: docs/update-screenshots.sh [path/to/amicus [path/to/ui_flow_tests]]
#        (default: build/qml/amicus and build/tests/app/ui_flow_tests)
# The screens that need no data (set-up, unlock, calls, a call, settings) come from
# `amicus --screenshot` over an empty data directory; the editor, drafts, review, export dialog
# and outbox come from the UI flow test, which drives the real app through a whole submission
# against the reference endpoint (so it needs Node.js and the server's npm packages:
# scripts/setup-debian.sh installs them) and saves window grabs on the way.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
amicus=${1:-$top/build/qml/amicus}
flow=${2:-$(dirname "$amicus")/../tests/app/ui_flow_tests}
out=$top/docs/screenshots
[ -x "$amicus" ] || { echo "no amicus executable at $amicus" >&2; exit 1; }
[ -x "$flow" ] || { echo "no ui_flow_tests executable at $flow" >&2; exit 1; }
[ -d "$top/server/node_modules" ] || { echo "run scripts/setup-debian.sh first: the endpoint's npm packages are missing" >&2; exit 1; }
AMICUS_DATA_DIR=$(mktemp -d)
export AMICUS_DATA_DIR XDG_CONFIG_HOME="$AMICUS_DATA_DIR/config" QT_QPA_PLATFORM=offscreen
trap 'rm -rf "$AMICUS_DATA_DIR"' EXIT
for lang in en fr es; do
    for screen in setup unlock calls call settings; do
        "$amicus" --screenshot "$out/${screen}_$lang.png" --screen "$screen" --lang "$lang"
    done
done
# editor_<lang>.png, drafts_<lang>.png, review_<lang>.png, export_<lang>.png, outbox_<lang>.png
for lang in en fr es; do
    if ! AMICUS_UI_LANG=$lang AMICUS_UI_SHOTS=$out "$flow" >"$AMICUS_DATA_DIR/flow_$lang.log" 2>&1; then
        cat "$AMICUS_DATA_DIR/flow_$lang.log" >&2
        echo "the UI flow in $lang failed: its screenshots are incomplete" >&2
        exit 1
    fi
done
echo "screenshots in $out"
