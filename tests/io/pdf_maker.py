"""Writes Arabic PDFs for the importer tests with Qt's own PDF engine (LGPL Qt, already a
dependency), run in a subprocess so the io tests never load Qt themselves.

``python -m tests.io.pdf_maker SPEC.json`` where the spec is a list of objects:
``{"path", "font", "paragraphs": [...], "title", "author", "mode"}``. ``mode`` "logical" prints
a QTextDocument (Qt writes each line's glyphs in logical order, as Word and LibreOffice do);
"visual" draws the same shaped glyphs one by one from left to right, the order older PDF
generators use, so the importer is tested on both.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QMarginsF, QPointF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGlyphRun,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextLayout,
    QTextOption,
)


def _writer(spec: dict[str, object]) -> QPdfWriter:
    writer = QPdfWriter(str(spec["path"]))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(144)
    writer.setTitle(str(spec.get("title", "")))
    writer.setCreator("Hamish tests")
    if spec.get("author") and hasattr(writer, "setAuthor"):
        writer.setAuthor(str(spec["author"]))
    return writer


def _font(path: str, points: float) -> QFont:
    family = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(path))[0]
    font = QFont(family)
    font.setPointSizeF(points)
    return font


def logical(spec: dict[str, object]) -> None:
    writer = _writer(spec)
    document = QTextDocument()
    document.setDefaultFont(_font(str(spec["font"]), 11))
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    document.setDefaultTextOption(option)
    paragraphs = [str(p) for p in spec["paragraphs"]]  # type: ignore[attr-defined]
    html = "".join(f'<p dir="rtl" style="margin-bottom:9pt">{p}</p>' for p in paragraphs)
    document.setHtml(html)
    document.print_(writer)


def visual(spec: dict[str, object]) -> None:
    writer = _writer(spec)
    painter = QPainter(writer)
    font = _font(str(spec["font"]), 11)
    width = writer.width()
    y = 0.0
    for paragraph in spec["paragraphs"]:  # type: ignore[attr-defined]
        layout = QTextLayout(str(paragraph), font, writer)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        layout.setTextOption(option)
        layout.beginLayout()
        height = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        for run in layout.glyphRuns():
            raw = run.rawFont()
            indexes = run.glyphIndexes()
            advances = raw.advancesForGlyphIndexes(indexes)
            # clusters in logical order: a base glyph and the marks (no advance) after it
            clusters: list[list[tuple[int, QPointF]]] = []
            for index, position, advance in zip(indexes, run.positions(), advances, strict=True):
                if advance.x() == 0 and clusters:
                    clusters[-1].append((index, position))
                else:
                    clusters.append([(index, position)])
            for cluster in sorted(clusters, key=lambda c: c[0][1].x()):  # left to right
                for index, position in cluster:
                    single = QGlyphRun()
                    single.setRawFont(raw)
                    single.setGlyphIndexes([index])
                    single.setPositions([QPointF(0, 0)])
                    painter.drawGlyphRun(QPointF(position.x(), y + position.y()), single)
        y += height + font.pointSizeF() * 1.6
    painter.end()


def main() -> None:
    app = QGuiApplication(["pdf_maker", "-platform", "offscreen"])
    with open(sys.argv[1], encoding="utf-8") as handle:
        specs = json.load(handle)
    for spec in specs:
        (visual if spec.get("mode") == "visual" else logical)(spec)
    del app


if __name__ == "__main__":
    main()
