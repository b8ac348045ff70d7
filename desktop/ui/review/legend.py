"""Help → Suggestion Legend (and the review queue's ? button): what the lines in the reader
mean — a tag is solid, a suggestion dashed, its dashes as strong as Hamish is sure — and
where suggestions come from. The samples are drawn with the reader's own colours
(:func:`desktop.ui.reader.highlighter.suggestion_pen`), in the current theme."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.reader.highlighter import (
    DARK_PAPER,
    LIGHT_PAPER,
    readable_tint,
    suggestion_pen,
)
from desktop.ui.reader.suggestions import SUGGESTION_COLOR, source_name

SAMPLE_WIDTH, SAMPLE_HEIGHT = 64, 22
TAG_SAMPLE = "#4a90d9"  # a label's colour, for the solid sample
SAMPLE_SCORES = (0.9, 0.7, 0.5)  # one of each confidence step


def sample(kind: str, *, score: float = 1.0, dark: bool = False) -> QPixmap:
    """A small picture of a line as the reader draws it: ``tag`` (a tinted background),
    ``claim`` (a solid underline) or ``suggestion`` (dashes at ``score``)."""
    pixmap = QPixmap(SAMPLE_WIDTH, SAMPLE_HEIGHT)
    pixmap.fill(QColor(DARK_PAPER if dark else LIGHT_PAPER))
    painter = QPainter(pixmap)
    try:
        if kind == "tag":
            painter.fillRect(
                QRectF(4, 3, SAMPLE_WIDTH - 8, SAMPLE_HEIGHT - 6),
                readable_tint(TAG_SAMPLE, 0.3 if dark else 0.38, dark=dark),
            )
            return pixmap
        y = SAMPLE_HEIGHT - 6
        if kind == "claim":
            pen = QPen(QColor("#c0392b"), 2)
        else:
            pen = QPen(suggestion_pen(SUGGESTION_COLOR, score, dark=dark), 2)
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(4, y), QPointF(SAMPLE_WIDTH - 4, y))
    finally:
        painter.end()
    return pixmap


class LegendDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, dark: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("suggestion_legend")
        self.setWindowTitle(self.tr("Suggestion Legend"))
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        rows: list[tuple[QPixmap, str]] = [
            (
                sample("tag", dark=dark),
                self.tr("A coloured background: a tag you made (an entity or a passage)."),
            ),
            (sample("claim", dark=dark), self.tr("A solid underline: a claim you tagged.")),
            (
                sample("suggestion", score=SAMPLE_SCORES[0], dark=dark),
                self.tr("Dashed, strong: a suggestion Hamish is sure of (80 % or more)."),
            ),
            (
                sample("suggestion", score=SAMPLE_SCORES[1], dark=dark),
                self.tr("Dashed, medium: a likely suggestion (60 to 79 %)."),
            ),
            (
                sample("suggestion", score=SAMPLE_SCORES[2], dark=dark),
                self.tr(
                    "Dashed, faint: a doubtful suggestion (below 60 %), shown only when you "
                    "lower the threshold."
                ),
            ),
        ]
        for number, (picture, text) in enumerate(rows):
            image = QLabel(self)
            image.setPixmap(picture)
            words = QLabel(text, self)
            words.setWordWrap(True)
            grid.addWidget(image, number, 0)
            grid.addWidget(words, number, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        intro = QLabel(
            self.tr(
                "A suggestion is only an offer: nothing is tagged until you accept it. "
                "Each one says where it comes from and how sure it is:"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        sources = QGridLayout()
        for number, (source, text) in enumerate(
            (
                (
                    "rule",
                    self.tr(
                        "a name by the words around it (a title, a work's credits, a list, a "
                        "family), a claim after a verb of saying"
                    ),
                ),
                ("registry", self.tr("a name or alias of an entity in your registry")),
                (
                    "gazetteer",
                    self.tr(
                        "Hamish's list of countries, cities, organisations and well-known persons"
                    ),
                ),
                ("model", self.tr("learnt from your own tags in this project")),
            )
        ):
            name = QLabel(f"<b>{source_name(source)}</b>", self)
            name.setObjectName(f"legend_source_{source}")
            words = QLabel(text, self)
            words.setWordWrap(True)
            sources.addWidget(name, number, 0)
            sources.addWidget(words, number, 1)
        sources.setColumnStretch(1, 1)
        layout.addLayout(sources)
        keys = QLabel(
            self.tr(
                "Enter accepts a suggestion and Delete rejects it, in the reader and in the "
                "Review Queue. A rejected string is not offered again between the same words. "
                "The threshold in the Review Queue hides the suggestions below it."
            ),
            self,
        )
        keys.setWordWrap(True)
        layout.addWidget(keys)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
