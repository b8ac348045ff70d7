"""The briefing rendered by LibreOffice, read back with pdftotext: what a reader really sees.

The XML tests (test_docx_report.py) prove the properties are written; this proves they work:
Arabic words come out shaped and in logical order, ``Russia-Now.com`` stays in one piece inside
Arabic, dates read as written, the marking is on every page, and the named Arabic font is the
one used. ``./bootstrap.sh test`` installs libreoffice-writer-nogui and poppler-utils so this
runs in CI; it is skipped only where LibreOffice is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.io.exporters.docx_report import export_docx
from desktop.io.exporters.report import ReportOptions
from tests.io.briefing_project import SUMMARY_AR, build_briefing_project

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo") and shutil.which("pdffonts")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui",
    ),
    pytest.mark.skipif(
        not POPPLER,
        reason="poppler-utils (pdftotext) is not installed: apt-get install poppler-utils",
    ),
]
# pdftotext wraps right-to-left lines in embedding marks; they are not part of the text.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MARKING = "للاستخدام الداخلي"


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Both reports converted in one LibreOffice run (start-up is most of the cost), with a
    private profile so the user's LibreOffice settings neither matter nor change."""
    folder = tmp_path_factory.mktemp("render")
    project, _ = build_briefing_project(folder / "b.hamish")
    with project:
        export_docx(
            project,
            folder / "ar.docx",
            ReportOptions(
                title="سوريا: المحادثات الأميركية الروسية",
                author="سلمى",
                date="2024-05-02",
                summary=SUMMARY_AR,
                include_full_texts=True,
            ),
        )
        export_docx(
            project,
            folder / "en.docx",
            ReportOptions(title="Syria: US-Russian talks", author="Salma", language="en"),
        )
    assert SOFFICE is not None
    profile = (folder / "lo-profile").as_uri()
    result = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(folder / "ar.docx"),
            str(folder / "en.docx"),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    out = {name: folder / f"{name}.pdf" for name in ("ar", "en")}
    assert all(p.exists() for p in out.values()), result.stdout + result.stderr
    return out


def text_of(pdf: Path) -> str:
    raw = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return BIDI_CONTROLS.sub("", raw)


def pages_of(pdf: Path) -> int:
    info = subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert match
    return int(match.group(1))


def test_arabic_words_in_logical_order(pdfs: dict[str, Path]) -> None:
    text = text_of(pdfs["ar"])
    # Whole phrases, so a reversed or scrambled line would fail, not just a missing word.
    for phrase in (
        "الملخص التنفيذي",
        "الادعاءات الرئيسية",
        "واشنطن وموسكو اتفقتا على خطوات ملموسة",
        "بوتين لن يلتقي وزير الخارجية الأميركي جون كيري",
        "دميتري بسكوف",
        "سيرغي لافروف",
        "الكرملين",
    ):
        assert phrase in text, phrase


def test_latin_and_dates_inside_arabic_stay_in_order(pdfs: dict[str, Path]) -> None:
    text = text_of(pdfs["ar"])
    assert text.count("Russia-Now.com") >= 5
    assert "moc.woN-aissuR" not in text and "Now.com-Russia" not in text
    # Dates after Arabic words (the cover, the sources list) read as written: without the
    # left-to-right mark the bidi algorithm shows them reversed, 12-09-2013.
    for date in ("2024-05-02", "2013-09-12", "2015-12-16"):
        assert date in text, date
        assert "-".join(reversed(date.split("-"))) not in text, date
    assert "https://russia-now.com/ar/news/putin-kerry-meeting" in text


def test_marking_on_every_page_and_arabic_font_used(pdfs: dict[str, Path]) -> None:
    for name, pdf in pdfs.items():
        marking = MARKING if name == "ar" else "For internal use only"
        pages = pages_of(pdf)
        assert pages >= 3
        # Header and footer on every page, plus the cover.
        assert text_of(pdf).count(marking) >= 2 * pages, name
    fonts = subprocess.run(
        ["pdffonts", str(pdfs["ar"])], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "NotoNaskhArabic-Regular" in fonts and "NotoNaskhArabic-Bold" in fonts


def test_english_report_reads_left_to_right(pdfs: dict[str, Path]) -> None:
    text = text_of(pdfs["en"])
    for phrase in ("Executive summary", "Key claims", "Contradictions", "Sources"):
        assert phrase in text
    assert "Washington and Moscow had agreed on concrete steps" in text
    assert "بوتين لن يلتقي وزير الخارجية" in text  # Arabic quotes still in order
