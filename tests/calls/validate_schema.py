#!/usr/bin/env python3
"""Validates the built-in catalog against schemas/catalog.schema.json with a real JSON Schema
validator (python3-jsonschema, draft 2020-12), and checks that the schema itself refuses the
broken catalogs the C++ parser refuses, so schema and parser do not drift apart.

usage: validate_schema.py SCHEMA BUILTIN_CATALOG
"""
import copy
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is required (apt-get install python3-jsonschema)")
    sys.exit(1)


def main():
    schema_path, catalog_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(catalog_path, encoding="utf-8") as f:
        catalog = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    errors = sorted(validator.iter_errors(catalog), key=lambda e: list(e.path))
    for error in errors:
        print("built-in catalog: %s at /%s" % (error.message, "/".join(map(str, error.path))))
    if errors:
        return 1

    call = lambda c: c["calls"][0]
    must_fail = {
        "format 2": lambda c: c.update(format="amicus-catalog/2"),
        "negative sequence": lambda c: c.update(sequence=-1),
        "no calls member": lambda c: c.pop("calls"),
        "no English title": lambda c: call(c)["title"].pop("en"),
        "empty French purpose": lambda c: call(c)["purpose"].update(fr=""),
        "blank Spanish title": lambda c: call(c)["title"].update(es="  "),
        "no questions": lambda c: call(c).update(questions=[]),
        "question without id": lambda c: call(c)["questions"][0].pop("id"),
        "upper-case id": lambda c: call(c).update(id="Call"),
        "status paused": lambda c: call(c).update(status="paused"),
        "plain http endpoint": lambda c: call(c).update(endpoint="http://example.org/files"),
        "no recipients": lambda c: call(c).update(recipients=[]),
        "short recipient": lambda c: call(c)["recipients"].__setitem__(0, "age1qqqq"),
        "upper-case recipient": lambda c: call(c)["recipients"].__setitem__(
            0, call(c)["recipients"][0].upper()),
        "short receipt key": lambda c: call(c).update(receipt_key="AAAA"),
        "receipt key stray bits": lambda c: call(c).update(receipt_key="A" * 42 + "B="),
        "bad tls pin": lambda c: call(c).update(tls_pins=["sha1//abc"]),
        "bad deadline": lambda c: call(c).update(deadline="2026-01-01"),
        "zero words": lambda c: call(c)["limits"].update(words_per_answer=0),
        "fractional bytes": lambda c: call(c)["limits"].update(bytes_per_attachment=1.5),
        "missing limit": lambda c: call(c)["limits"].pop("attachments_per_submission"),
    }
    must_pass = {
        "unknown members": lambda c: (c.update(extra=1), call(c).update(extra={"a": 1})),
        "missing translations": lambda c: (call(c)["title"].pop("fr"), call(c)["purpose"].pop("es")),
        "deadline with offset": lambda c: call(c).update(deadline="2026-12-01T17:00:00+01:00"),
        "https endpoint and pin": lambda c: call(c).update(
            endpoint="https://inputs.example.org/files",
            tls_pins=["sha256//" + call(c)["receipt_key"]]),
    }
    failures = 0
    for name, mutate in must_fail.items():
        broken = copy.deepcopy(catalog)
        mutate(broken)
        if validator.is_valid(broken):
            print("schema accepts a catalog it must refuse: %s" % name)
            failures += 1
    for name, mutate in must_pass.items():
        fine = copy.deepcopy(catalog)
        mutate(fine)
        for error in validator.iter_errors(fine):
            print("schema refuses a catalog it must accept (%s): %s" % (name, error.message))
            failures += 1
    print("built-in catalog valid; %d refusals and %d acceptances checked, %d wrong"
          % (len(must_fail), len(must_pass), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
