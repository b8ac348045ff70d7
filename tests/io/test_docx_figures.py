"""The briefing's figures (issue 16): images placed at the text width, numbered captions.

The images here are tiny PNGs made without Qt (this layer has none); the window's rendering at
300 dpi is tested in tests/ui/test_briefing_figures.py.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from lxml import etree

from desktop.io.exporters.docx_report import export_docx
from desktop.io.exporters.report import ReportOptions, build_report
from desktop.io.exporters.word.figures import (
    MAX_HEIGHT_MM,
    TEXT_WIDTH_MM,
    BriefingFigure,
    fit,
    number,
)
from desktop.store.project import Project
from tests.io.briefing_project import Briefing, build_briefing_project

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
EMU_PER_MM = 36_000


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def png(width: int, height: int) -> bytes:
    """A white RGB PNG of ``width`` × ``height`` pixels, at 300 dpi (pHYs)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff" * (3 * width) for _ in range(height))
    per_metre = round(300 / 0.0254)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def briefing(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, Briefing]]:
    project, info = build_briefing_project(tmp_path_factory.mktemp("figures") / "b.hamish")
    yield project, info
    project.close()


def body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def media(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return sorted(n for n in archive.namelist() if n.startswith("word/media/"))


def text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(q("t")))


def figures() -> list[BriefingFigure]:
    wide = BriefingFigure(png(320, 200), "شبكة الكيانات", 160.0, 100.0)
    tall = BriefingFigure(png(100, 400), "الخط الزمني للادعاءات", 50.0, 200.0)
    return [wide, tall]


def test_figures_are_placed_within_the_text_width_with_arabic_captions(
    briefing: tuple[Project, Briefing], tmp_path: Path
) -> None:
    project, _ = briefing
    path = tmp_path / "figures.docx"
    export_docx(
        project,
        path,
        ReportOptions(language="ar", figures=("network", "timeline")),
        figures=figures(),
    )
    assert len(media(path)) == 2
    root = body(path)
    extents = [
        (int(e.get("cx")), int(e.get("cy")))
        for inline in root.iter(f"{{{WP}}}inline")
        for e in inline.findall(f"{{{WP}}}extent")
    ]
    assert len(extents) == 2
    wide, tall = extents
    # The wide figure takes the text width, aspect kept; the tall one is limited in height.
    assert wide[0] == pytest.approx(TEXT_WIDTH_MM * EMU_PER_MM, abs=EMU_PER_MM)
    assert wide[1] == pytest.approx(wide[0] * 100 / 160, abs=EMU_PER_MM)
    assert tall[1] == pytest.approx(MAX_HEIGHT_MM * EMU_PER_MM, abs=EMU_PER_MM)
    assert tall[0] == pytest.approx(MAX_HEIGHT_MM / 4 * EMU_PER_MM, abs=EMU_PER_MM)
    for cx, cy in extents:
        assert cx <= TEXT_WIDTH_MM * EMU_PER_MM + 1 and cy <= MAX_HEIGHT_MM * EMU_PER_MM + 1
    # Each picture's alternative text is its caption.
    described = [e.get("descr") for e in root.iter(f"{{{WP}}}docPr")]
    assert described == ["شكل ١: شبكة الكيانات", "شكل ٢: الخط الزمني للادعاءات"]
    captions = [p for p in root.iter(q("p")) if text(p).startswith("شكل")]
    assert [text(p) for p in captions] == [
        "شكل ١: شبكة الكيانات",
        "شكل ٢: الخط الزمني للادعاءات",
    ]
    for p in captions:
        ppr = p.find(q("pPr"))
        assert ppr is not None and ppr.find(q("bidi")) is not None
        for run in p.iter(q("r")):
            rpr = run.find(q("rPr"))
            assert rpr is not None
            assert rpr.find(q("rFonts")).get(q("cs")) == "Noto Naskh Arabic"
            assert rpr.find(q("szCs")) is not None
    # The heading, in the briefing's order: right after the summary, before the claims
    # (it came after the sources, when the reading was over — issue 16).
    headings = [
        text(p)
        for p in root.iter(q("p"))
        for style in p.iterfind(f"{q('pPr')}/{q('pStyle')}")
        if style.get(q("val"), "").startswith("Heading")
    ]
    at = headings.index("أشكال")
    assert headings[at - 1] == "الملخص التنفيذي" and headings[at + 1] == "الادعاءات الرئيسية", (
        headings
    )
    assert at < headings.index("المصادر")
    # The pictures and captions come between those two headings.
    paragraphs = [text(p) for p in root.iter(q("p"))]
    start, end = paragraphs.index("أشكال"), paragraphs.index("الادعاءات الرئيسية")
    assert all(start < paragraphs.index(c) < end for c in described)


def test_english_captions_are_left_to_right(
    briefing: tuple[Project, Briefing], tmp_path: Path
) -> None:
    project, _ = briefing
    path = tmp_path / "figures-en.docx"
    network = BriefingFigure(png(32, 20), "Entity network", 160.0, 100.0)
    export_docx(
        project, path, ReportOptions(language="en", figures=("network",)), figures=[network]
    )
    captions = [p for p in body(path).iter(q("p")) if text(p).startswith("Figure ")]
    assert [text(p) for p in captions] == ["Figure 1: Entity network"]
    assert captions[0].find(f"{q('pPr')}/{q('bidi')}") is None


def test_no_figures_unless_asked(briefing: tuple[Project, Briefing], tmp_path: Path) -> None:
    project, _ = briefing
    path = tmp_path / "plain.docx"
    export_docx(project, path, ReportOptions(language="ar"))
    assert media(path) == []
    assert not any(text(p) == "أشكال" for p in body(path).iter(q("p")))
    outline = build_report(project, ReportOptions(language="ar")).outline()
    assert "figures" not in [entry.key for entry in outline]
    asked = build_report(project, ReportOptions(language="ar", figures=("network",))).outline()
    keys = [e.key for e in asked]
    assert keys[:3] == ["summary", "figures", "claims"] and asked[1].count == 1
    # Without a summary the figures open the briefing.
    plain = ReportOptions(language="ar", figures=("network",), sections=("claims", "sources"))
    assert [e.key for e in build_report(project, plain).outline()] == [
        "figures",
        "claims",
        "sources",
    ]


def test_options_remember_figures_and_drop_junk() -> None:
    options = ReportOptions(figures=("timeline", "network"))
    assert ReportOptions.from_dict(options.to_dict()).figures == ("timeline", "network")
    junk = ReportOptions.from_dict({"figures": ["network", "pie", 3, "network"]})
    assert junk.figures == ("network",)
    assert ReportOptions.from_dict({"figures": "network"}).figures == ()


def test_fit_and_numbers() -> None:
    assert fit(160, 80) == (TEXT_WIDTH_MM, TEXT_WIDTH_MM / 2)
    width, height = fit(10, 100)
    assert height == MAX_HEIGHT_MM and width == pytest.approx(MAX_HEIGHT_MM / 10)
    assert fit(0, 0)[0] == TEXT_WIDTH_MM
    assert number(12, "ar") == "١٢" and number(12, "en") == "12"
    assert re.fullmatch(r"[٠-٩]+", number(1234567890, "ar"))
