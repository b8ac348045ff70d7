"""Refresh the translation files after interface strings change (run from the checkout root):

    .venv/bin/python resources/translations/update.py

1. ``pyside6-lupdate`` reads every ``self.tr`` / ``QCoreApplication.translate`` /
   ``QT_TRANSLATE_NOOP`` of ``desktop/ui`` and ``desktop/app.py`` into ``hamish_ar.ts``
   (Arabic, written by hand in Qt Linguist or an editor: a new English string arrives
   "unfinished", and ``tests/test_translations.py`` fails until it has its Arabic) and, plural
   messages only, into ``hamish_en.ts``;
2. the English plural forms are filled in here ("%n article(s)" → "%n article" / "%n articles"):
   English is the source language, so only its counted phrases need a translation file;
3. ``pyside6-lrelease`` compiles both to the ``.qm`` files the application loads.

Line numbers are left out of the ``.ts`` files (``-locations none``), so moving code does not
change them.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCES = ("desktop/ui", "desktop/app.py")
BIN = Path(sys.executable).parent

# English singular/plural where "(s)" does not give them.
ENGLISH_PLURALS = {
    "%Ln article(s) match": ("%Ln article matches", "%Ln articles match"),
}


def tool(name: str) -> str:
    """``pyside6-lupdate`` / ``pyside6-lrelease`` next to this Python, else on the PATH."""
    local = BIN / name
    return str(local) if local.exists() else name


def lupdate(ts: Path, language: str, *extra: str, root: Path = ROOT) -> str:
    command = [
        tool("pyside6-lupdate"),
        "-extensions",
        "py",
        "-locations",
        "none",
        "-no-obsolete",
        "-source-language",
        "en",
        "-target-language",
        language,
        *extra,
        *(str(root / source) for source in SOURCES),
        "-ts",
        str(ts),
    ]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return result.stdout + result.stderr


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )


def english_forms(source: str) -> tuple[str, str]:
    if source in ENGLISH_PLURALS:
        return ENGLISH_PLURALS[source]
    singular = re.sub(r"y\(ies\)", "y", source)
    plural = re.sub(r"y\(ies\)", "ies", source)
    singular = re.sub(r"\((?:s|es)\)", "", singular)
    plural = re.sub(r"\((s|es)\)", r"\1", plural)
    return singular, plural


def fill_english(ts: Path) -> None:
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        assert translation is not None
        forms = translation.findall("numerusform")
        for form, text in zip(forms, english_forms(source), strict=True):
            form.text = text
        translation.attrib.pop("type", None)
    write_ts(tree, ts)


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def main() -> int:
    ar, en = HERE / "hamish_ar.ts", HERE / "hamish_en.ts"
    print(lupdate(ar, "ar").strip())
    print(lupdate(en, "en", "-pluralonly").strip())
    fill_english(en)
    # qt_extra_ar.ts is written by hand (Qt's own strings, see its comment): compiled only.
    for ts in (ar, en, HERE / "qt_extra_ar.ts"):
        lrelease(ts, ts.with_suffix(".qm"))
    unfinished = (ar.read_text(encoding="utf-8")).count('type="unfinished"')
    if unfinished:
        print(f"hamish_ar.ts: {unfinished} message(s) still need their Arabic", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
