#!/usr/bin/env python3
"""Reads an .odt with odfpy (an independent ODF implementation) and prints what a test needs
as JSON: the raw first zip entry, the headings, paragraphs and list items as text, the
metadata, the default language, and every XML part decompressed (to search for secrets)."""
import json
import struct
import sys
import zipfile

from odf import dc, meta, style, teletype, text
from odf.namespaces import FONS
from odf.opendocument import load


def first_local_header(path):
    with open(path, "rb") as f:
        head = f.read(30)
        (signature, _version, flags, method, _time, _date, _crc, compressed, size, name_length,
         extra_length) = struct.unpack("<IHHHHHIIIHH", head)
        name = f.read(name_length).decode("utf-8")
        f.read(extra_length)
        content = f.read(compressed).decode("utf-8", "replace")
    return {"signature_ok": signature == 0x04034B50, "flags": flags, "method": method,
            "name": name, "extra_length": extra_length, "content_offset": 30 + name_length +
            extra_length, "content": content, "size": size}


def texts(doc, kind):
    return [teletype.extractText(node) for node in doc.getElementsByType(kind)]


def meta_text(doc, kind):
    found = doc.meta.getElementsByType(kind)
    return teletype.extractText(found[0]) if found else None


def main(path):
    result = {"first_entry": first_local_header(path)}
    with zipfile.ZipFile(path) as archive:
        result["entries"] = [info.filename for info in archive.infolist()]
        result["parts"] = {info.filename: archive.read(info).decode("utf-8")
                           for info in archive.infolist()}
        result["bad_crc"] = archive.testzip()
    doc = load(path)
    result["headings"] = [{"level": int(h.getAttribute("outlinelevel")),
                           "text": teletype.extractText(h)}
                          for h in doc.getElementsByType(text.H)]
    result["paragraphs"] = texts(doc, text.P)
    result["list_items"] = texts(doc, text.ListItem)
    result["title"] = meta_text(doc, dc.Title)
    result["creator"] = meta_text(doc, dc.Creator)
    result["initial_creator"] = meta_text(doc, meta.InitialCreator)
    result["language"] = meta_text(doc, dc.Language)
    result["default_language"] = None
    for default in doc.styles.getElementsByType(style.DefaultStyle):
        for properties in default.getElementsByType(style.TextProperties):
            language = properties.attributes.get((FONS, "language"))
            if language:
                result["default_language"] = [language,
                                              properties.attributes.get((FONS, "country"))]
    result["mimetype"] = doc.mimetype
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
