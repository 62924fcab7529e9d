#!/usr/bin/env bash
# `amicus --screenshot` renders the first screen headless in each language: a real PNG per
# language, and the three differ (their text does).
set -euo pipefail
amicus=$1
out=$2
mkdir -p "$out"
# A data directory of its own: the first screen is then the first-run set-up.
AMICUS_DATA_DIR=$(mktemp -d)
export AMICUS_DATA_DIR
trap 'rm -rf "$AMICUS_DATA_DIR"' EXIT
for lang in en fr es; do
    rm -f "$out/first_$lang.png"
    "$amicus" --screenshot "$out/first_$lang.png" --lang "$lang"
    [ -s "$out/first_$lang.png" ] || { echo "no screenshot for $lang"; exit 1; }
    signature=$(head -c 8 "$out/first_$lang.png" | od -An -tx1 | tr -d ' \n')
    [ "$signature" = "89504e470d0a1a0a" ] || { echo "first_$lang.png is not a PNG"; exit 1; }
done
for pair in "en fr" "en es" "fr es"; do
    set -- $pair
    if cmp -s "$out/first_$1.png" "$out/first_$2.png"; then
        echo "the $1 and $2 screenshots are identical: the language did not change the screen"
        exit 1
    fi
done
for screen in unlock calls call; do
    "$amicus" --screenshot "$out/${screen}_fr.png" --lang fr --screen "$screen"
    [ -s "$out/${screen}_fr.png" ] || { echo "no screenshot of $screen"; exit 1; }
done
if "$amicus" --screenshot "$out/bad.png" --screen nowhere 2>/dev/null; then
    echo "an unknown screen was accepted"
    exit 1
fi
if "$amicus" --screenshot "$out/bad.png" --lang de 2>/dev/null; then
    echo "an unknown language was accepted"
    exit 1
fi
# The repository keeps a current screenshot of each main screen in each language (issue 7):
# every one is there and is a PNG, and each picture the README shows exists.
docs=$(cd "$(dirname "$0")/../.." && pwd)
for lang in en fr es; do
    for screen in setup unlock calls call call_practice call_contact editor drafts review export \
        envelope outbox settings; do
        png=$docs/docs/screenshots/${screen}_$lang.png
        [ -s "$png" ] || { echo "docs/screenshots/${screen}_$lang.png is missing"; exit 1; }
        signature=$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')
        [ "$signature" = "89504e470d0a1a0a" ] || { echo "${screen}_$lang.png is not a PNG"; exit 1; }
    done
done
for shown in $(grep -o 'docs/screenshots/[a-z_]*\.png' "$docs/README.md"); do
    [ -s "$docs/$shown" ] || { echo "the README shows $shown, which is missing"; exit 1; }
done
echo "screenshots in $out"
