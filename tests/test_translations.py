"""The translation files (resources/translations): complete, compiled from their sources, and
shipped. A new English string without its Arabic fails here, so CI catches it."""

from __future__ import annotations

import fnmatch
import re
import shutil
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
sys.path.insert(0, str(TRANSLATIONS))
import update  # noqa: E402  (resources/translations/update.py: the one way to run the tools)

LANGUAGES = ("ar", "en")


def _tools_available() -> bool:
    return all(shutil.which(update.tool(name)) for name in ("pyside6-lupdate", "pyside6-lrelease"))


needs_tools = pytest.mark.skipif(not _tools_available(), reason="PySide6 tools not installed")


def _messages(ts: Path) -> list[ET.Element]:
    return list(ET.parse(ts).getroot().iter("message"))


@needs_tools
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_qm_is_compiled_from_the_ts(language: str, tmp_path: Path) -> None:
    ts = TRANSLATIONS / f"hamish_{language}.ts"
    qm = tmp_path / f"hamish_{language}.qm"
    update.lrelease(ts, qm)
    assert qm.read_bytes() == (TRANSLATIONS / qm.name).read_bytes(), (
        "run resources/translations/update.py and commit the .qm"
    )


@needs_tools
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_of_the_code_is_translated(language: str, tmp_path: Path) -> None:
    """lupdate over today's code, into a copy: no message without its translation
    (unfinished), none the code no longer has (obsolete, vanished)."""
    ts = tmp_path / f"hamish_{language}.ts"
    shutil.copy(TRANSLATIONS / ts.name, ts)
    extra = ("-pluralonly",) if language == "en" else ()
    update.lupdate(ts, language, *extra)
    problems = [
        f"{message.findtext('source')!r}: {translation.get('type')}"
        for message in _messages(ts)
        if (translation := message.find("translation")) is not None
        and translation.get("type") in ("unfinished", "obsolete", "vanished")
    ]
    assert not problems, "run resources/translations/update.py and translate:\n" + "\n".join(
        problems
    )
    assert len(_messages(ts)) == len(_messages(TRANSLATIONS / ts.name))


def test_arabic_keeps_every_placeholder() -> None:
    """A translation that loses "{title}" (or gains one) would raise or mislead at .format."""
    for message in _messages(TRANSLATIONS / "hamish_ar.ts"):
        source = message.findtext("source") or ""
        wanted = set(re.findall(r"\{\w*\}", source))
        translation = message.find("translation")
        assert translation is not None
        texts = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        for text in texts:
            found = set(re.findall(r"\{\w*\}", text))
            if translation.findall("numerusform"):
                # A plural form may say its count in words: «تعليق واحد», «تعليقان».
                found |= wanted & {"{n}"}
            assert found == wanted, (source, text)
            assert text.strip(), source


def test_arabic_uses_the_project_label_names() -> None:
    """The entity types read as the default labels do (schema seeds: شخص، منظمة، مكان…)."""
    schema = (ROOT / "desktop" / "store" / "schema.py").read_text(encoding="utf-8")
    seeded = dict(re.findall(r"\('\w+', '([^']+)', '([^']+)', '\w+'", schema))
    terms = {
        message.findtext("source"): message.findtext("translation")
        for context in ET.parse(TRANSLATIONS / "hamish_ar.ts").getroot().iter("context")
        if context.findtext("name") == "Terms"
        for message in context.iter("message")
    }
    for english in ("Person", "Organisation", "Location", "Event", "Claim", "Note", "Date/time"):
        assert terms[english] == seeded[english], english


def test_the_compiled_translations_are_shipped() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    assert "desktop._resources.translations" in config["setuptools"]["packages"]
    patterns = config["setuptools"]["package-data"]["desktop._resources.translations"]
    for qm in TRANSLATIONS.glob("*.qm"):
        assert any(fnmatch.fnmatch(qm.name, p) for p in patterns), f"{qm.name} is not package data"
    assert {qm.name for qm in TRANSLATIONS.glob("*.qm")} == {
        "hamish_ar.qm",
        "hamish_en.qm",
        "qt_extra_ar.qm",
    }


@needs_tools
def test_the_qt_supplement_is_compiled_and_wins_over_qtbase(tmp_path: Path) -> None:
    """Qt 6's file dialog says "&Look in:" and "Files of &type:", which qtbase_ar.qm (written
    for the older strings) lacks: the Save dialog showed them in English."""
    ts = TRANSLATIONS / "qt_extra_ar.ts"
    qm = tmp_path / "qt_extra_ar.qm"
    update.lrelease(ts, qm)
    assert qm.read_bytes() == (TRANSLATIONS / qm.name).read_bytes()
    assert not [m for m in _messages(ts) if m.find("translation").get("type")]  # type: ignore[union-attr]


def test_arabic_menu_entries_start_with_an_arabic_word() -> None:
    """A menu entry is laid out right to left; one that starts with a Latin name ("UIMA CAS
    XMI (من INCEpTION)…") took that name's direction and showed its brackets reversed."""
    import unicodedata

    root = ET.parse(TRANSLATIONS / "hamish_ar.ts").getroot()
    latin_first = []
    for context in root.iter("context"):
        if context.findtext("name") != "Actions":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()) if translation is not None else ""
            strong = [c for c in text if unicodedata.bidirectional(c) in ("L", "R", "AL")]
            if strong and unicodedata.bidirectional(strong[0]) == "L":
                latin_first.append(text)
    assert latin_first == []
