"""Builders for the importer tests' input files: Arabic PDFs (made with Qt in a subprocess, so
the io tests never load Qt themselves) and right-to-left Word documents."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "import"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

PDF_TITLE = "بيان الخارجية الروسية"
PDF_AUTHOR = "سلمى الخطيب"
PDF_PARAGRAPHS = [
    "أعلن وزير الخارجية الروسي سيرغي لافروف، بعد ساعات طويلة من المفاوضات مع نظيره الأميركي "
    "جون كيري في موسكو، أنهما اتفقا على محاربة داعش والنصرة في سوريا بلا هوادة.",
    "وقال كيري (في مؤتمر صحفي) إن «الخطوات» ستنفذ خلال عام 2016 بنسبة 50% وفق قرار مجلس "
    "الأمن UN Security Council 2254.",
    "وأضاف أن المراقبة ستتم تدريجياً، وأن الأمم المتحدة لا ترى بديلاً عن الحل السياسي.",
]


def make_pdfs(folder: Path, specs: list[dict[str, object]]) -> None:
    spec_file = folder / "pdf-spec.json"
    spec_file.write_text(json.dumps(specs, ensure_ascii=False), encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "tests.io.pdf_maker", str(spec_file)],
        check=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )


def make_docx(
    path: Path,
    paragraphs: list[str],
    *,
    bidi: bool = True,
    title: str = "",
    author: str = "",
    heading: str = "",
) -> Path:
    """A Word document as Word writes an Arabic one: ``<w:bidi/>`` on every paragraph and
    right-to-left runs."""
    import datetime

    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if bidi:
            paragraph._p.get_or_add_pPr().append(OxmlElement("w:bidi"))
            run.font.rtl = True
    if paragraphs:
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "المصدر"
        table.cell(0, 1).text = "وكالة الأنباء"
    props = document.core_properties
    props.title = title
    props.author = author
    props.created = datetime.datetime(2016, 7, 15, 9, 30)
    document.save(str(path))
    return path
