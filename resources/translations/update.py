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
ENGLISH_PLURALS: dict[str, tuple[str, ...]] = {
    "%Ln article(s) match": ("%Ln article matches", "%Ln articles match"),
    # The lower layers' counted messages (desktop/ui/errors.py, Counted): written plural.
    "{n} annotations whose quote is not in the text were not imported.": (
        "{n} annotation whose quote is not in the text was not imported.",
    ),
    "{n} annotations on texts that are not in the file were not imported.": (
        "{n} annotation on a text that is not in the file was not imported.",
    ),
    "{n} annotations without a tag, an entity or a comment were not imported.": (
        "{n} annotation without a tag, an entity or a comment was not imported.",
    ),
    "{n} tags without a place in the text (no selector) were not imported.": (
        "{n} tag without a place in the text (no selector) was not imported.",
    ),
    "{n} items that are not annotations of a text were not imported.": (
        "{n} item that is not an annotation of a text was not imported.",
    ),
    "{n} claim assessments on tags whose label is not a claim label were not imported.": (
        "{n} claim assessment on a tag whose label is not a claim label was not imported.",
    ),
    "{n} annotations whose position (TextPositionSelector) and quote (TextQuoteSelector) "
    "disagree were placed where the quote is.": (
        "{n} annotation whose position (TextPositionSelector) and quote (TextQuoteSelector) "
        "disagree was placed where the quote is.",
    ),
    "{n} annotations whose position (TextPositionSelector) is outside the text were placed "
    "by their quote (TextQuoteSelector).": (
        "{n} annotation whose position (TextPositionSelector) is outside the text was placed "
        "by its quote (TextQuoteSelector).",
    ),
    "{n} annotations placed only by a position (TextPositionSelector) that is not within "
    "their article's text were not imported: the first runs from {start} to {end} in an "
    "article of {length} characters.": (
        "{n} annotation placed only by a position (TextPositionSelector) that is not within "
        "its article's text was not imported: it runs from {start} to {end} in an article of "
        "{length} characters.",
    ),
    "{n} PDF sources were not imported (Hamish imports their text only from text sources).": (
        "{n} PDF source was not imported (Hamish imports text only from text sources).",
    ),
    "{n} picture sources were not imported.": ("{n} picture source was not imported.",),
    "{n} audio sources were not imported.": ("{n} audio source was not imported.",),
    "{n} video sources were not imported.": ("{n} video source was not imported.",),
    "{n} sources whose text is outside the project file were not imported (Hamish never reads "
    "other files named in an imported one).": (
        "{n} source whose text is outside the project file was not imported (Hamish never reads "
        "other files named in an imported one).",
    ),
    "{n} sources whose text is missing from the file were not imported.": (
        "{n} source whose text is missing from the file was not imported.",
    ),
    "{n} sources whose text is not UTF-8 were not imported.": (
        "{n} source whose text is not UTF-8 was not imported.",
    ),
    "{n} sources without text were not imported.": ("{n} source without text was not imported.",),
    "{n} sources longer than Hamish imports were not imported.": (
        "{n} source longer than Hamish imports was not imported.",
    ),
    "{n} selections without valid positions were not imported.": (
        "{n} selection without valid positions was not imported.",
    ),
    "{n} selections outside their source's text were not imported.": (
        "{n} selection outside its source's text was not imported.",
    ),
    "{n} selections without a code or a note were not imported.": (
        "{n} selection without a code or a note was not imported.",
    ),
    "{n} codings of codes missing from the codebook were not imported.": (
        "{n} coding of a code missing from the codebook was not imported.",
    ),
    "{n} codings of whole sources were not imported.": (
        "{n} coding of a whole source was not imported.",
    ),
    "{n} references to missing notes were ignored.": (
        "{n} reference to a missing note was ignored.",
    ),
    "{n} variable values of sources were not imported.": (
        "{n} variable value of a source was not imported.",
    ),
    "{n} variables were not imported.": ("{n} variable was not imported.",),
    "{n} cases were not imported.": ("{n} case was not imported.",),
    "{n} sets were not imported.": ("{n} set was not imported.",),
    "{n} links were not imported.": ("{n} link was not imported.",),
    "{n} graphs were not imported.": ("{n} graph was not imported.",),
    "{n} selections that cover no text were not imported.": (
        "{n} selection that covers no text was not imported.",
    ),
    "{n} annotations that lost their place in the text were left out.": (
        "{n} annotation that lost its place in the text was left out.",
    ),
    "{n} decisions on suggestions were left out (REFI-QDA has no place for them).": (
        "{n} decision on a suggestion was left out (REFI-QDA has no place for it).",
    ),
    "{n} decisions on suggestions were left out (the Web Annotation model has no place "
    "for them).": (
        "{n} decision on a suggestion was left out (the Web Annotation model has no place for it).",
    ),
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
        forms = ENGLISH_PLURALS[source]
        return (forms[0], forms[1] if len(forms) > 1 else source)
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
