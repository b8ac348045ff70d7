"""Choosing a font that shapes Arabic well. With no Arabic-capable font Qt draws empty boxes,
so we prefer faces designed for running Arabic text and fall back to DejaVu, which every Debian
machine has."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

PREFERRED_ARABIC = (
    "Noto Naskh Arabic",
    "Amiri",
    "Noto Sans Arabic",
    "Noto Naskh Arabic UI",
    "Scheherazade New",
    "DejaVu Sans",
)


def best_arabic_family() -> str:
    families = set(QFontDatabase.families(QFontDatabase.WritingSystem.Arabic))
    for family in PREFERRED_ARABIC:
        if family in families:
            return family
    return sorted(families)[0] if families else QFont().defaultFamily()


def reader_font(family: str, points: float) -> QFont:
    """The reader font, with the preferred Arabic face as fallback when ``family`` lacks Arabic."""
    chosen = family or best_arabic_family()
    font = QFont(chosen)
    fallback = best_arabic_family()
    if fallback != chosen:
        font.setFamilies([chosen, fallback])
    font.setPointSizeF(max(6.0, points))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
