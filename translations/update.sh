#!/usr/bin/env bash
# Refreshes the three .ts files from the QML and C++ sources of the app.
# Usage: translations/update.sh [OUT_DIR]   (OUT_DIR: write updated copies there instead)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
lupdate=/usr/lib/qt6/bin/lupdate
[ -x "$lupdate" ] || lupdate=$(command -v lupdate)
out=${1:-$here}
for lang in en fr es; do
    if [ "$out" != "$here" ]; then
        cp "$here/amicus_$lang.ts" "$out/amicus_$lang.ts"
    fi
    "$lupdate" -silent -locations none -no-obsolete -source-language en -target-language "$lang" \
        "$top/qml" -ts "$out/amicus_$lang.ts"
done
