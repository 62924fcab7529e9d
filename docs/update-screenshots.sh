#!/usr/bin/env bash
# Renders each main screen in each language into docs/screenshots/ (shown in the README).
# Usage: docs/update-screenshots.sh [path/to/amicus]   (default: build/qml/amicus)
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
amicus=${1:-$top/build/qml/amicus}
AMICUS_DATA_DIR=$(mktemp -d)
export AMICUS_DATA_DIR XDG_CONFIG_HOME="$AMICUS_DATA_DIR/config"
trap 'rm -rf "$AMICUS_DATA_DIR"' EXIT
for lang in en fr es; do
    for screen in setup unlock calls call drafts outbox settings; do
        "$amicus" --screenshot "$top/docs/screenshots/${screen}_$lang.png" --screen "$screen" --lang "$lang"
    done
done
