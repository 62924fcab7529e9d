#!/usr/bin/env bash
# Renders each main screen in each language into docs/screenshots/ (shown in the README).
# Usage: docs/update-screenshots.sh [path/to/amicus [path/to/ui_flow_tests]]
#        (default: build/qml/amicus and build/tests/app/ui_flow_tests)
# Set-up comes from `amicus --screenshot` over an empty data directory. Unlock, calls, a call,
# the editor, drafts, review, the export dialog, the sealed envelope ("Send it yourself…" in the
# outbox) and settings come from `amicus --screenshot --sample`, over a throwaway sample vault in
# the screen's language (made in a temporary directory and removed at exit): the call as
# published (closed) on the calls, call, drafts and unlock screens, a labelled practice copy of
# it, open for four weeks, on the editor, review, export and envelope screens (only an open
# call reaches them), and on call_practice_<lang>.png; call_contact_<lang>.png is the end of the
# call's page (limits, contact). The outbox comes from the UI flow test, which
# drives the real app through a whole submission to the reference endpoint and grabs it showing
# the submission delivered with its receipt (the sample's never leaves the device); it needs
# Node.js and the server's npm packages: scripts/setup-debian.sh installs them.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
amicus=${1:-$top/build/qml/amicus}
flow=${2:-$(dirname "$amicus")/../tests/app/ui_flow_tests}
out=$top/docs/screenshots
[ -x "$amicus" ] || { echo "no amicus executable at $amicus" >&2; exit 1; }
[ -x "$flow" ] || { echo "no ui_flow_tests executable at $flow" >&2; exit 1; }
[ -d "$top/server/node_modules" ] || { echo "run scripts/setup-debian.sh first: the endpoint's npm packages are missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Settings of their own (language, sending policy), nothing in the user's.
export AMICUS_DATA_DIR=$work/data XDG_CONFIG_HOME=$work/config QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=$work/runtime
mkdir -m 700 "$XDG_RUNTIME_DIR"
for lang in en fr es; do
    "$amicus" --screenshot "$out/setup_$lang.png" --screen setup --lang "$lang" >/dev/null
    for screen in unlock calls call editor drafts review export envelope settings; do
        "$amicus" --screenshot "$out/${screen}_$lang.png" --screen "$screen" --lang "$lang" --sample >/dev/null
    done
    "$amicus" --screenshot "$out/call_practice_$lang.png" --screen call --lang "$lang" --sample \
        --call practice >/dev/null
    # The end of the call's page: how inputs are used, the limits and the contact.
    "$amicus" --screenshot "$out/call_contact_$lang.png" --screen call --lang "$lang" --sample \
        --scroll-to callContact >/dev/null
done
# outbox_<lang>.png: the UI flow saves its grabs in $work/flow; only the delivered outbox is kept.
for lang in en fr es; do
    if ! AMICUS_UI_LANG=$lang AMICUS_UI_SHOTS=$work/flow "$flow" >"$work/flow_$lang.log" 2>&1; then
        cat "$work/flow_$lang.log" >&2
        echo "the UI flow in $lang failed: its screenshots are incomplete" >&2
        exit 1
    fi
    cp "$work/flow/outbox_$lang.png" "$out/outbox_$lang.png"
done
echo "screenshots in $out"
