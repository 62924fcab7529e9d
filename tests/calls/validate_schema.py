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
        "zero words": lambda c: call(c).update(limits={"words_per_answer": 0}),
        "fractional bytes": lambda c: call(c).update(limits={"bytes_per_attachment": 1.5}),
        "negative files": lambda c: call(c).update(limits={"attachments_per_submission": -1}),
        "status published": lambda c: call(c).update(status="published"),
        "inputs_published as text": lambda c: call(c).update(inputs_published="yes"),
        "page without English": lambda c: call(c).update(page={"fr": "https://example.org/fr"}),
        "page over plain http": lambda c: call(c).update(page={"en": "http://example.org/call"}),
        "page with credentials": lambda c: call(c).update(page={"en": "https://a:b@example.org/"}),
        "document in German": lambda c: call(c).update(documents=[
            {"language": "de", "format": "word", "url": "https://example.org/call.docx"}]),
        "document as exe": lambda c: call(c).update(documents=[
            {"language": "en", "format": "exe", "url": "https://example.org/call.exe"}]),
        "document without url": lambda c: call(c).update(documents=[
            {"language": "en", "format": "word"}]),
        "document on the page as pdf2": lambda c: call(c).update(documents_on_page=[
            {"language": "en", "format": "pdf2"}]),
        "documents on a page not given": lambda c: call(c).pop("page"),
        "contact without e-mail": lambda c: call(c).update(contact={"subject": "Report"}),
        "two e-mail addresses": lambda c: call(c).update(contact={"email": "a@un.org,b@un.org"}),
        "e-mail without domain": lambda c: call(c).update(contact={"email": "ohchr-emler@"}),
        "subject on two lines": lambda c: call(c).update(
            contact={"email": "a@un.org", "subject": "Report\nBcc: x@y.org"}),
        "official language de": lambda c: call(c).update(official_languages=["de"]),
    }
    must_pass = {
        "unknown members": lambda c: (c.update(extra=1), call(c).update(extra={"a": 1})),
        "missing translations": lambda c: (call(c)["title"].pop("fr"), call(c)["purpose"].pop("es")),
        "deadline with offset": lambda c: call(c).update(deadline="2026-12-01T17:00:00+01:00"),
        "older format: open, limits, no new fields": lambda c: (
            call(c).update(status="open", limits={"words_per_answer": 2500,
                                                  "bytes_per_attachment": 26214400,
                                                  "attachments_per_submission": 10}),
            [call(c).pop(k) for k in ("inputs_published", "page", "documents_on_page",
                                      "contact", "official_languages")]),
        "one limit only": lambda c: call(c).update(limits={"words_per_answer": 800}),
        "documents in three languages": lambda c: call(c).update(documents=[
            {"language": l, "format": "word", "url": "https://example.org/call-%s.docx" % l}
            for l in ("en", "fr", "es")]),
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
