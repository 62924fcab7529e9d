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
sed -i 's/"words_per_answer": 2500/"words_per_answer": 9999/' tampered.json
check "verify refuses a tampered catalog" 1 "$intake" catalog verify -p "$public" tampered.json
check "verify refuses a missing signature" 1 "$intake" catalog verify -p "$public" -s none.sig catalog.json
echo "AAAA" >garbled.sig
check "verify refuses a garbled signature" 1 "$intake" catalog verify -p "$public" -s garbled.sig catalog.json
check "verify refuses a malformed public key" 2 "$intake" catalog verify -p "AAAA" catalog.json

sed 's/"status": "open"/"status": "paused"/' catalog.json >malformed.json
check "sign refuses a malformed catalog" 1 "$intake" catalog sign -k key.pem malformed.json
grep -q "bad-status at /calls/0/status" err.txt || { echo "FAIL: no located error"; failures=$((failures + 1)); }
[ ! -e malformed.json.sig ] || { echo "FAIL: signed a malformed catalog"; failures=$((failures + 1)); }
check "sign refuses a key that is not Ed25519" 1 "$intake" catalog sign -k catalog.json catalog.json
check "an unknown action is a usage error" 2 "$intake" catalog frobnicate

echo "$failures failure(s)"
[ "$failures" = 0 ]
