#!/usr/bin/env bash
# Fails when a .ts file has an unfinished, empty, vanished or obsolete translation, or when
# lupdate would change it (a string in the sources that the .ts files do not have yet), or when a
# French translation has a breakable space before : ; ? ! » or after « (french_spacing.py), or
# when a translation strays from the glossary's one term per concept (translations/glossary.tsv).
set -euo pipefail
status=0
for ts in translations/amicus_en.ts translations/amicus_fr.ts translations/amicus_es.ts; do
    [ -f "$ts" ] || { echo "$ts is missing"; status=1; continue; }
    bad=$(grep -c -E 'type="(unfinished|vanished|obsolete)"|<translation>\s*</translation>|<translation/>' "$ts" || true)
    if [ "$bad" != 0 ]; then
        echo "$ts: $bad unfinished, empty or obsolete translations"
        status=1
    fi
done
python3 translations/french_spacing.py --check || {
    echo "run translations/french_spacing.py"
    status=1
}
python3 translations/check_glossary.py || {
    echo "use the glossary's terms (translations/glossary.tsv)"
    status=1
}
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
# The glossary check must be able to fail: a set-aside word slipped into a copy is caught.
cp translations/glossary.tsv translations/check_glossary.py translations/amicus_[fe]?.ts "$fresh/"
sed -i 's|<translation>Bandeja de salida</translation>|<translation>Salida</translation>|' "$fresh/amicus_es.ts"
if python3 "$fresh/check_glossary.py" "$fresh" >/dev/null; then
    echo "check_glossary.py does not catch Spanish \"Salida\" for the outbox"
    status=1
fi
rm -f "$fresh"/*
translations/update.sh "$fresh"
for lang in en fr es; do
    if ! diff -u "translations/amicus_$lang.ts" "$fresh/amicus_$lang.ts"; then
        echo "translations/amicus_$lang.ts is out of date: run translations/update.sh and translate"
        status=1
    fi
done
[ $status = 0 ] && echo "translations complete and up to date"
exit $status
