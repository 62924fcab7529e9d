#!/usr/bin/env bash
# `amicus-intake catalog`: keygen, sign, verify, and refusals, with OpenSSL as the independent
# second implementation (it reads our key files and checks our signatures, and we check its).
# usage: intake_catalog_test.sh AMICUS_INTAKE BUILTIN_CATALOG_JSON
set -euo pipefail
intake=$1
builtin=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
check() { # check DESCRIPTION EXPECTED_STATUS COMMAND...
    local description=$1 expected=$2
    shift 2
    local status=0
    "$@" >out.txt 2>err.txt || status=$?
    if [ "$status" != "$expected" ]; then
        echo "FAIL: $description (exit $status, expected $expected)"; cat out.txt err.txt
        failures=$((failures + 1))
    else
        echo "ok: $description"
    fi
}

sed 's/"sequence": 0/"sequence": 3/' "$builtin" >catalog.json
grep -q '"sequence": 3' catalog.json

check "keygen writes a key and prints its public key" 0 "$intake" catalog keygen -o key.pem
public=$(cat out.txt)
check "keygen never overwrites a key" 1 "$intake" catalog keygen -o key.pem
[ "$(stat -c %a key.pem)" = 600 ] || { echo "FAIL: key file mode $(stat -c %a key.pem)"; failures=$((failures + 1)); }
openssl_public=$(openssl pkey -in key.pem -pubout -outform DER | tail -c 32 | base64 -w0)
[ "$public" = "$openssl_public" ] || { echo "FAIL: OpenSSL reads another public key"; failures=$((failures + 1)); }
check "pubkey prints the same key" 0 "$intake" catalog pubkey -k key.pem
[ "$(cat out.txt)" = "$public" ] || { echo "FAIL: pubkey differs"; failures=$((failures + 1)); }

check "sign writes CATALOG.sig" 0 "$intake" catalog sign -k key.pem catalog.json
[ -s catalog.json.sig ] || { echo "FAIL: no signature file"; failures=$((failures + 1)); }
check "verify accepts it" 0 "$intake" catalog verify -p "$public" catalog.json
check "OpenSSL verifies our signature" 0 openssl pkeyutl -verify -rawin -pubin \
    -inkey <(openssl pkey -in key.pem -pubout) -in catalog.json -sigfile <(base64 -d catalog.json.sig)

openssl genpkey -algorithm ed25519 -out other.pem 2>/dev/null
other=$("$intake" catalog pubkey -k other.pem)
check "verify refuses another key" 1 "$intake" catalog verify -p "$other" catalog.json
check "verify accepts when one of several keys signed" 0 \
    "$intake" catalog verify -p "$other" -p "$public" catalog.json
check "a key made by OpenSSL signs too" 0 "$intake" catalog sign -k other.pem -o other.sig catalog.json
check "and verifies" 0 "$intake" catalog verify -p "$other" -s other.sig catalog.json

cp catalog.json tampered.json
cp catalog.json.sig tampered.json.sig
sed -i 's/"status": "closed"/"status": "open"/' tampered.json
grep -q '"status": "open"' tampered.json
check "verify refuses a tampered catalog" 1 "$intake" catalog verify -p "$public" tampered.json
check "verify refuses a missing signature" 1 "$intake" catalog verify -p "$public" -s none.sig catalog.json
echo "AAAA" >garbled.sig
check "verify refuses a garbled signature" 1 "$intake" catalog verify -p "$public" -s garbled.sig catalog.json
check "verify refuses a malformed public key" 2 "$intake" catalog verify -p "AAAA" catalog.json

sed 's/"status": "closed"/"status": "paused"/' catalog.json >malformed.json
check "sign refuses a malformed catalog" 1 "$intake" catalog sign -k key.pem malformed.json
grep -q "bad-status at /calls/0/status" err.txt || { echo "FAIL: no located error"; failures=$((failures + 1)); }
[ ! -e malformed.json.sig ] || { echo "FAIL: signed a malformed catalog"; failures=$((failures + 1)); }
# What apps refuse in the call's new members, sign refuses too, located.
refuse() { # refuse DESCRIPTION SED_EXPRESSION EXPECTED_ERROR
    sed "$2" catalog.json >refused.json
    if cmp -s catalog.json refused.json; then
        echo "FAIL: $1: the edit changed nothing"; failures=$((failures + 1)); return
    fi
    check "sign refuses $1" 1 "$intake" catalog sign -k key.pem refused.json
    grep -q "$3" err.txt || { echo "FAIL: $1: no \"$3\""; cat err.txt; failures=$((failures + 1)); }
    [ ! -e refused.json.sig ] || { echo "FAIL: signed $1"; failures=$((failures + 1)); rm -f refused.json.sig; }
}
refuse "a contact with two addresses" 's/"ohchr-emler@un.org"/"a@un.org, b@un.org"/' \
    "bad-email at /calls/0/contact/email"
refuse "a page over plain http" 's|"https://www.ohchr.org/en/|"http://www.ohchr.org/en/|' \
    "bad-url at /calls/0/page/en"
refuse "an official language it cannot show" 's/"official_languages": \["en"\]/"official_languages": ["pt"]/' \
    "bad-language at /calls/0/official_languages/0"
refuse "a document on the page in a format it cannot name" '0,/"format": "word"/s//"format": "docx"/' \
    "bad-document at /calls/0/documents_on_page/0/format"
refuse "documents on a page it does not give" '/"page": {/,/}/d' \
    "missing-field at /calls/0/page"
refuse "inputs_published as text" 's/"inputs_published": true/"inputs_published": "yes"/' \
    "wrong-type at /calls/0/inputs_published"

check "practice re-issues the closed call open, four weeks ahead" 0 \
    "$intake" catalog practice --days 28 --sequence 9 -o practice.json catalog.json
grep -q '"status": "open"' practice.json || { echo "FAIL: practice call not open"; failures=$((failures + 1)); }
grep -q 'Practice call – ' practice.json || { echo "FAIL: practice call not labelled"; failures=$((failures + 1)); }
! grep -q 'ohchr-emler@un.org' practice.json || { echo "FAIL: practice call keeps the real contact"; failures=$((failures + 1)); }
check "and it is signed like any catalog" 0 "$intake" catalog sign -k key.pem practice.json
check "practice refuses a malformed catalog" 1 "$intake" catalog practice -o p2.json malformed.json
check "practice refuses a bad --days" 2 "$intake" catalog practice --days soon -o p3.json catalog.json

check "sign refuses a key that is not Ed25519" 1 "$intake" catalog sign -k catalog.json catalog.json
check "an unknown action is a usage error" 2 "$intake" catalog frobnicate

echo "$failures failure(s)"
[ "$failures" = 0 ]
