#!/usr/bin/env python3
"""French typography in amicus_fr.ts: the space before : ; ? ! » % and after « must not break,
or a phone's narrow screen can start a line with the sign alone.

Usage: translations/french_spacing.py [--check] [FILE]   (default translations/amicus_fr.ts)
Without --check, rewrites the file with no-break spaces (U+00A0); with --check, lists the
translations that still have an ordinary space there and exits 1 if there is one.
"""
import re
import sys

NBSP = "\u00a0"
# An ordinary space (or several) before a high sign or a closing guillemet, or after an
# opening one. "%" counts only after a number or a placeholder: "%1 %" but not "%1 de".
BEFORE_SIGN = re.compile(r"(?<=\S) +(?=[:;?!»]|%(?![0-9n]))")
AFTER_GUILLEMET = re.compile(r"« +")


def fix(text):
    text = BEFORE_SIGN.sub(NBSP, text)
    return AFTER_GUILLEMET.sub("«" + NBSP, text)


def main():
    args = [a for a in sys.argv[1:] if a != "--check"]
    check = "--check" in sys.argv[1:]
    path = args[0] if args else "translations/amicus_fr.ts"
    with open(path, encoding="utf-8") as f:
        content = f.read()
    translation = re.compile(r"(<translation[^>]*>)(.*?)(</translation>)", re.S)
    wrong = [m.group(2) for m in translation.finditer(content) if fix(m.group(2)) != m.group(2)]
    if check:
        for text in wrong:
            print(f"{path}: breakable space in French typography: {text}")
        sys.exit(1 if wrong else 0)
    fixed = translation.sub(lambda m: m.group(1) + fix(m.group(2)) + m.group(3), content)
    with open(path, "w", encoding="utf-8") as f:
        f.write(fixed)
    print(f"{path}: {len(wrong)} translations given no-break spaces")


if __name__ == "__main__":
    main()
