"""The briefing's figures (the entity network, the claim timeline) as the writer receives them.

This layer has no Qt: the window (or ``hamish export --figures``) draws each figure with Qt at
300 dpi and hands over a :class:`BriefingFigure` — the PNG's bytes, its caption and the size it
was drawn for. The writer places each one in its own centred paragraph, scaled to the page's
text width (aspect kept; a tall figure limited to :data:`MAX_HEIGHT_MM` so it and its caption
fit on one page), followed by a numbered caption in the briefing's language ("شكل ١: …" with
Arabic-Indic digits, "Figure 1: …").
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT_WIDTH_MM = 166.0
"""The A4 page's width less its two 22 mm margins (:func:`.document.prepare_document`)."""
TEXT_HEIGHT_MM = 252.0
"""The page's height less its top and bottom margins."""
MAX_HEIGHT_MM = 200.0
"""The tallest a figure may be drawn: the page's text height less room for the section's
heading and the caption."""

_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True, slots=True)
class BriefingFigure:
    """One figure: a PNG image, its caption (without the "Figure n:" number) and the size in
    millimetres it was drawn for (only its aspect matters to the writer)."""

    png: bytes
    caption: str
    width_mm: float
    height_mm: float


def fit(width_mm: float, height_mm: float) -> tuple[float, float]:
    """The size a figure of ``width_mm`` × ``height_mm`` takes on the page: the text width,
    keeping its aspect, unless that would be taller than :data:`MAX_HEIGHT_MM`."""
    if width_mm <= 0 or height_mm <= 0:
        return TEXT_WIDTH_MM, TEXT_WIDTH_MM / 2
    width = TEXT_WIDTH_MM
    height = width * height_mm / width_mm
    if height > MAX_HEIGHT_MM:
        width = width * MAX_HEIGHT_MM / height
        height = MAX_HEIGHT_MM
    return width, height


def number(value: int, language: str) -> str:
    """A figure's number as the briefing's language writes it (١، ٢ … in Arabic)."""
    text = str(value)
    return text.translate(_ARABIC_DIGITS) if language == "ar" else text
