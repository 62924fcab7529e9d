#!/usr/bin/env bash
# `amicus --screenshot FILE --screen NAME --lang L --sample` renders every screen but set-up over
# a throwaway sample vault, in each language: exit 0, a PNG of the window's size (412x780), the
# screen asked for is the one shown (the process says which, by objectName: `shown screen=...
# tab=... popup=... lists=...`), the drafts and outbox list the sample's content, the pictures of
# one language all differ (the export dialog really opened over the review screen...); the
# screens of writing and sending answer an open practice call (only an open call reaches
# them), and `--call practice` shows it on the call's screen too; the
# sample's temporary directory held the vault while it ran and is gone afterwards, and nothing
# was written to XDG_DATA_HOME (where the user's data lives).
# Usage: check_sample_screenshots.sh path/to/amicus OUTPUT_DIR
set -euo pipefail
amicus=$1
out=$2
rm -rf "$out"
mkdir -p "$out/png" "$out/tmp" "$out/data" "$out/config" "$out/runtime"
chmod 700 "$out/runtime"
# The sample's directory is made under TMPDIR; the user's data would go under XDG_DATA_HOME.
export TMPDIR="$out/tmp" XDG_DATA_HOME="$out/data" XDG_CONFIG_HOME="$out/config"
export XDG_RUNTIME_DIR="$out/runtime" QT_QPA_PLATFORM=offscreen
unset AMICUS_DATA_DIR

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# What the process must say it shows, per screen (a regular expression over its `shown` line).
expected() {
    case $1 in
    first | calls) echo 'screen=homeScreen tab=callsTab popup=- lists=callsList:1$' ;;
    unlock) echo 'screen=unlockScreen tab=- popup=-' ;;
    call) echo 'screen=callScreen tab=- popup=-' ;;
    drafts) echo 'screen=homeScreen tab=draftsTab popup=- lists=draftsList:2$' ;;
    outbox) echo 'screen=homeScreen tab=outboxTab popup=- lists=outboxList:1$' ;;
    settings) echo 'screen=homeScreen tab=settingsTab popup=-' ;;
    editor) echo 'screen=draftEditorScreen tab=- popup=-' ;;
    review) echo 'screen=reviewScreen tab=- popup=- ' ;;
    export) echo 'screen=reviewScreen tab=- popup=exportDialog ' ;;
    # The queued submission's "Send it yourself…": the export dialog over the outbox.
    envelope) echo 'screen=homeScreen tab=outboxTab popup=exportDialog lists=outboxList:1$' ;;
    esac
}

# Width and height of a PNG, from its IHDR chunk.
png_size() {
    local -a b
    read -r -a b <<<"$(od -An -tu1 -j16 -N8 "$1")"
    echo "$(((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]))x$(((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]))"
}

# NAME, or NAME:practice for the screen with `--call practice`.
screens="first unlock calls call call:practice drafts outbox settings editor review export envelope"
for lang in en fr es; do
    for entry in $screens; do
        screen=${entry%%:*}
        call=()
        name=$screen
        if [ "$entry" != "$screen" ]; then
            call=(--call "${entry#*:}")
            name=${screen}_${entry#*:}
        fi
        png=$out/png/${name}_$lang.png
        if ! said=$("$amicus" --screenshot "$png" --screen "$screen" --lang "$lang" --sample "${call[@]}" 2>"$out/stderr"); then
            cat "$out/stderr" >&2
            fail "$screen in $lang: amicus exited with an error"
        fi
        [ -s "$png" ] || fail "$screen in $lang: no picture"
        signature=$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')
        [ "$signature" = "89504e470d0a1a0a" ] || fail "$screen in $lang: not a PNG"
        size=$(png_size "$png")
        [ "$size" = "412x780" ] || fail "$screen in $lang: the picture is $size, not the window's 412x780"
        shown=$(grep '^shown ' <<<"$said") || fail "$screen in $lang: amicus did not say what it showed"
        grep -Eq "$(expected "$screen")" <<<"$shown" ||
            fail "$screen in $lang: asked for $screen, shown: $shown (expected /$(expected "$screen")/)"
        leftover=$(find "$TMPDIR" -mindepth 1 -maxdepth 1 -name 'amicus-sample-*')
        [ -z "$leftover" ] || fail "$screen in $lang: the sample's directory is still there: $leftover"
    done
    # Every screen of a language is its own picture.
    duplicates=$(sha256sum "$out"/png/*_"$lang".png | sort | uniq -w64 -D | awk '{print $2}')
    # "first" is the calls tab by design: the only pair allowed to be equal.
    duplicates=$(grep -v -e "/first_$lang.png" -e "/calls_$lang.png" <<<"$duplicates" || true)
    [ -z "$duplicates" ] || fail "identical pictures for different screens in $lang: $duplicates"
done
# The same screen in another language is another picture (the language took effect).
for entry in $screens; do
    screen=${entry/:/_}
    cmp -s "$out/png/${screen}_en.png" "$out/png/${screen}_fr.png" &&
        fail "$screen: the English and French pictures are identical"
    cmp -s "$out/png/${screen}_fr.png" "$out/png/${screen}_es.png" &&
        fail "$screen: the French and Spanish pictures are identical"
done

# --scroll-to shows the end of the call's page (its contact), and refuses a name not on screen.
"$amicus" --screenshot "$out/png/call_contact_en.png" --screen call --lang en --sample \
    --scroll-to callContact >/dev/null 2>&1 || fail "--scroll-to callContact exited with an error"
cmp -s "$out/png/call_en.png" "$out/png/call_contact_en.png" && fail "--scroll-to callContact did not scroll"
code=0
timeout 60 "$amicus" --screenshot "$out/png/bad.png" --screen call --sample --scroll-to nothingHere 2>/dev/null || code=$?
[ "$code" = 1 ] || fail "--scroll-to a name not on screen: exit $code, not 1"

# While it runs, the sample vault is under TMPDIR (so the check above that it is gone means
# something), and it holds the vault, the database and the finalized submission's envelope.
"$amicus" --screenshot "$out/png/watched.png" --screen outbox --lang en --sample >/dev/null 2>&1 &
pid=$!
seen=""
while kill -0 "$pid" 2>/dev/null; do
    for dir in "$TMPDIR"/amicus-sample-*; do
        if [ -f "$dir/vault/vault-identity.age" ] && [ -f "$dir/amicus.db" ] &&
            ls "$dir"/outbox/*.age >/dev/null 2>&1; then
            seen=$dir
        fi
    done
    sleep 0.05
done
wait "$pid" || fail "the watched run exited with an error"
[ -n "$seen" ] || fail "no sample vault (vault, database, outbox envelope) appeared under TMPDIR while amicus ran"
[ ! -e "$seen" ] || fail "the sample's directory $seen is still there"

written=$(find "$XDG_DATA_HOME" -mindepth 1)
[ -z "$written" ] || fail "written to XDG_DATA_HOME: $written"

# Without --sample the draft screens are refused, set-up is refused with it, and --sample goes
# with --screenshot only (the timeout stops an app that would wrongly start).
code=0
timeout 60 "$amicus" --screenshot "$out/png/bad.png" --screen editor 2>/dev/null || code=$?
[ "$code" = 2 ] || fail "--screen editor without --sample: exit $code, not 2"
code=0
timeout 60 "$amicus" --screenshot "$out/png/bad.png" --screen setup --sample 2>/dev/null || code=$?
[ "$code" = 2 ] || fail "--screen setup with --sample (set-up comes before any vault): exit $code, not 2"
code=0
timeout 60 "$amicus" --sample 2>/dev/null || code=$?
[ "$code" = 2 ] || fail "--sample without --screenshot: exit $code, not 2"
code=0
timeout 60 "$amicus" --screenshot "$out/png/bad.png" --screen call --sample --call closed 2>/dev/null || code=$?
[ "$code" = 2 ] || fail "--call closed (neither published nor practice): exit $code, not 2"
code=0
timeout 60 "$amicus" --screenshot "$out/png/bad.png" --screen call --call practice 2>/dev/null || code=$?
[ "$code" = 2 ] || fail "--call without --sample: exit $code, not 2"
[ -z "$(find "$XDG_DATA_HOME" -mindepth 1)" ] || fail "the refused runs wrote to XDG_DATA_HOME"
echo "every screen in en, fr and es rendered over the sample vault in $out/png"
