"""The Review Queue dock (View → Review Queue, Ctrl+Shift+R): every pending suggestion of
the project in a table, surest first, filtered by label, source, article and words.

Keys on the table: Enter or A accepts, Delete or R rejects — the current row, or every
selected one in one undo step —, Space or a double click shows the suggestion in the reader.
The header holds the threshold (the setting ``suggestions/threshold``, applied at once to
the queue and the reader) and the legend's button. Widgets only: ``controller.py`` acts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSlider,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.arabic import detect_direction
from desktop.ui.qtvalues import first_letters
from desktop.ui.review.model import ARTICLE, CONTEXT, LABEL, SCORE, SOURCE, TEXT, ReviewModel
from desktop.ui.widgets.direction import LTR_ALIGN, RTL_ALIGN
from desktop.ui.widgets.headers import HEADER_PADDING, align_header, header_width
from desktop.ui.widgets.html_delegate import HtmlDelegate

ACCEPT_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_A})
REJECT_KEYS = frozenset({Qt.Key.Key_Delete, Qt.Key.Key_R})
OPEN_KEYS = frozenset({Qt.Key.Key_Space})


class ReviewView(QTableView):
    """The queue's table: its keys are its own, before any window shortcut sees them."""

    accept_requested = Signal()
    reject_requested = Signal()
    open_requested = Signal()
    navigated = Signal()  # the analyst moved (a click or a key other than the queue's own)
    resized = Signal()
    current_moved = Signal()  # another row is current (or none)

    empty_message: Callable[[], str] = staticmethod(lambda: "")
    """What the table says when it shows no row (the controller knows why): a blank table
    after a filter read as a queue that had not loaded, or had lost its rows (issue 14)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() > 0:
            return
        message = self.empty_message()
        if not message:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(12, 12, -12, -12)
        painter.drawText(
            area,
            int(
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            ),
            message,
        )
        painter.end()

    def _action(self, event: QKeyEvent) -> SignalInstance | None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return None
        key = Qt.Key(event.key())
        if key in ACCEPT_KEYS:
            return self.accept_requested
        if key in REJECT_KEYS:
            return self.reject_requested
        if key in OPEN_KEYS:
            return self.open_requested
        return None

    def event(self, event: QEvent) -> bool:
        # Delete is also Delete Article and Return the reader's Accept Suggestion: here they
        # are the queue's.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._action(event) is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:  # type: ignore[override]
        super().currentChanged(current, previous)
        self.current_moved.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self.navigated.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        signal = self._action(event)
        if signal is None:
            super().keyPressEvent(event)
            self.navigated.emit()
            return
        signal.emit()
        event.accept()


class ReviewDock(QDockWidget):
    filters_changed = Signal()
    threshold_changed = Signal(int)  # percent

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Review Queue"), parent)
        self.setObjectName("review_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.threshold_label = QLabel(self.tr("Threshold:"), body)
        self.threshold = QSlider(Qt.Orientation.Horizontal, body)
        self.threshold.setObjectName("review_threshold")
        self.threshold.setRange(0, 100)
        self.threshold.setSingleStep(5)
        self.threshold.setPageStep(10)
        self.threshold.setToolTip(
            self.tr("Hide the suggestions Hamish is less sure of (in the reader too)")
        )
        self.threshold_label.setBuddy(self.threshold)
        self.threshold_value = QLabel(body)
        self.threshold_value.setObjectName("review_threshold_value")
        self.threshold_value.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 %") + 4)
        self.legend = QToolButton(body)
        self.legend.setObjectName("review_legend")
        self.legend.setAutoRaise(True)  # the legend's action is set by the controller
        grid.addWidget(self.threshold_label, 0, 0)
        grid.addWidget(self.threshold, 0, 1, 1, 2)
        grid.addWidget(self.threshold_value, 0, 3)
        grid.addWidget(self.legend, 0, 4)

        self.labels = QComboBox(body)
        self.labels.setObjectName("review_labels")
        self.labels.setToolTip(self.tr("Show one label's suggestions"))
        self.sources = QComboBox(body)
        self.sources.setObjectName("review_sources")
        self.sources.setToolTip(self.tr("Show the suggestions of one source"))
        self.articles = QComboBox(body)
        self.articles.setObjectName("review_articles")
        self.articles.setToolTip(self.tr("Show one article's suggestions"))
        self.articles.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.articles.setMinimumContentsLength(8)
        self.filter = QLineEdit(body)
        self.filter.setObjectName("review_filter")
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.setToolTip(
            self.tr(
                "Show the suggestions whose words contain this text (hamza forms, ta marbuta"
                " and diacritics are ignored)"
            )
        )
        self.filter.setClearButtonEnabled(True)
        for combo in (self.labels, self.sources):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
        grid.addWidget(self.labels, 1, 0, 1, 2)
        grid.addWidget(self.sources, 1, 2, 1, 3)
        grid.addWidget(self.articles, 2, 0, 1, 2)
        grid.addWidget(self.filter, 2, 2, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)

        self.progress = QProgressBar(body)
        self.progress.setObjectName("review_progress")
        self.progress.setTextVisible(True)
        self.progress.setMaximumHeight(self.fontMetrics().height() + 6)
        self.progress.hide()
        layout.addWidget(self.progress)

        self.view = ReviewView(body)
        self.view.setObjectName("review_table")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        align_header(self.view.horizontalHeader())  # the arrow after
        # Sorted by another column: that one's header now has the arrow (``_header_least``).
        self.view.horizontalHeader().sortIndicatorChanged.connect(
            lambda _c, _o: self._share() if self._fitted else None
        )
        # One line a row, as many rows as fit: the queue is read down, row after row.
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setItemDelegateForColumn(CONTEXT, HtmlDelegate(self.view))  # the words bold
        layout.addWidget(self.view, 1)

        # A slim dock hides the context column: the current row's words around it are shown
        # under the table instead (one article's «الولايات المتحدة» four times were four rows
        # told apart only by their tooltips — a trial).
        self.preview = QLabel(body)
        self.preview.setObjectName("review_context")
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setWordWrap(True)
        self.preview.hide()
        layout.addWidget(self.preview)
        self.view.current_moved.connect(self._show_preview)

        self.hint = QLabel(
            self.tr("Enter or A accepts, Delete or R rejects, Space shows it in the article."),
            body,
        )
        self.hint.setObjectName("review_hint")
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)  # muted
        layout.addWidget(self.hint)
        self.setWidget(body)
        self._fitted: dict[int, int] = {}  # column: its width (``fit_columns``)
        self._label_names: list[str] = []  # ``fit_labels``
        # The hint's wrapped lines were a third of the dock's least height (242 px at 240 px
        # wide): open beside the library on a 1024×640 laptop, that least height kept a
        # figure under the article to a plot of some 20 px (a trial). A short dock leaves
        # the hint out (resizeEvent); it comes back when the dock is taller again.

        for combo in (self.labels, self.sources, self.articles):
            combo.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.filter.textChanged.connect(lambda _t: self.filters_changed.emit())
        self.threshold.valueChanged.connect(self._show_threshold)
        self.threshold.valueChanged.connect(self.threshold_changed.emit)

    HINT_LEAST = 360
    """px: a shorter dock leaves out the hint under the table, so that it asks the window
    for less height."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.hint.setVisible(event.size().height() >= self.HINT_LEAST)

    def _show_threshold(self, value: int) -> None:
        self.threshold_value.setText(self.tr("{score} %").format(score=value))

    def set_threshold(self, percent: int) -> None:
        """Shown without announcing a change (the setting as it is)."""
        blocked = self.threshold.blockSignals(True)
        self.threshold.setValue(percent)
        self.threshold.blockSignals(blocked)
        self._show_threshold(percent)

    def fit_columns(self, sources: Sequence[str]) -> None:
        """The words first: the short columns fit their content, text and context share what
        is left (``_share``), each cut with "…"."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)  # ``_share`` gives the context the rest
        # Widths from the words, not ResizeToContents: that samples a thousand rows of the
        # column at every change, most of a second for each batch of a large queue.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.view.fontMetrics()
        padding = 4 * metrics.averageCharWidth()
        self._fitted = {}
        for column, words in ((SOURCE, sources), (SCORE, ("100 %",))):
            widest = max((metrics.horizontalAdvance(w) for w in words), default=0)
            self._fitted[column] = widest + padding  # and the header's (``_share``)
        self._fitted[LABEL] = self._label_width(self._label_names)
        self._fitted[ARTICLE] = 140
        self.view.resized.connect(self._share)
        self._share()

    def _label_width(self, names: Sequence[str]) -> int:
        """The label column's width: its longest name whole, and its header's word beside
        the sort arrow (``_header_least``, in ``_share``)."""
        metrics = self.view.fontMetrics()
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        return widest + self.ITEM_PADDING

    def _header_least(self, column: int) -> int:
        """The column's header words whole, and beside them the sort arrow when the queue is
        sorted by it (``header_width``): «الثقـ▲» and "Score▲" in a trial."""
        header = self.view.horizontalHeader()
        model = self.view.model()
        title = str(model.headerData(column, Qt.Orientation.Horizontal)) if model else ""
        words = header.fontMetrics().horizontalAdvance(title)
        if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
            return header_width(header, words)
        return words + HEADER_PADDING

    ITEM_PADDING = 24
    """px around a cell's text: the stylesheet's item padding (6 each side) and the style's
    margins (3 each side), with room to spare for a bold or wider font."""

    def fit_labels(self, names: Sequence[str]) -> None:
        """The label column as wide as its longest name: «Loca…» and «Orga…» in a laptop's
        dock could not be told apart. The suggested words give way instead (``_share``)."""
        self._label_names = list(names)
        if self._fitted:  # else ``fit_columns`` will
            self._fitted[LABEL] = self._label_width(self._label_names)
            self._share()

    NARROW = 760
    """Below this width the source and article columns are hidden (the row's tooltip and the
    filters name them): in a 280 px dock they, and the context, were off-screen behind a
    sideways scroll bar (found by a trial); in a 560 px one they left the suggested words
    40 px («من…», «برنا…»: a trial could not tell what it accepted)."""

    TEXT_LEAST = 88
    """px: the suggested words' least width in a slim dock, taken from the label column when
    it must (11 or 12 Arabic letters): in English at 1024×640 "Organisation" kept whole, with
    "Score ▲" beside it, left the words 45 px
    («الولا…», «مجلـ…»: a trial could not tell what it accepted)."""

    def _label_least(self) -> int:
        """The label column cut to its names' first five letters and an ellipsis —
        "Organ…", "Locat…", "Perso…", «منظمة» whole."""
        cut = [first_letters(name, 5) for name in self._label_names]
        metrics = self.view.fontMetrics()
        widest = max((metrics.horizontalAdvance(name) for name in cut), default=0)
        return widest + self.ITEM_PADDING - 6  # the padding without its room to spare

    SLIM = 420
    """Below this width the context column is hidden too (the row's tooltip gives it): in the
    230 px dock of a 1024×640 window the text and context shared 112 px and a trial read
    «الولايا…», «تنظيم …» and a context heading cut to «لسياق»."""

    def _share(self) -> None:
        header = self.view.horizontalHeader()
        width = self.view.viewport().width()
        narrow = width < self.NARROW
        slim = width < self.SLIM
        for column in (SOURCE, ARTICLE):
            self.view.setColumnHidden(column, narrow)
        self.view.setColumnHidden(CONTEXT, slim)
        self._show_preview()
        fixed = [SCORE, LABEL] if narrow else [SCORE, LABEL, SOURCE, ARTICLE]
        sizes = {column: self._fitted[column] for column in fixed}
        if narrow:
            # The score's figures, not room to spare.
            metrics = self.view.fontMetrics()
            sizes[SCORE] = min(sizes[SCORE], metrics.horizontalAdvance("100 %") + 12)
        for column in fixed:  # each header's words whole, the sorted one's with its arrow
            sizes[column] = max(sizes[column], self._header_least(column))
        header.setMinimumSectionSize(32)
        left = max(0, width - sum(sizes.values()))
        # The words suggested first: what is accepted must be readable.
        share = left // 2 if narrow else left * 2 // 5
        text, context = self._header_least(TEXT), self._header_least(CONTEXT)
        if slim:
            if left < self.TEXT_LEAST:  # the label's names give way down to a few letters
                least = max(self._header_least(LABEL), self._label_least())
                given = min(self.TEXT_LEAST - left, max(0, sizes[LABEL] - least))
                sizes[LABEL] -= given
                left += given
            sizes[TEXT] = max(text, left)
        else:
            sizes[TEXT] = max(text, min(max(share, 140), left - context))  # the context's least
            sizes[CONTEXT] = max(context, left - sizes[TEXT])
        for column, size in sizes.items():
            header.resizeSection(column, size)

    PREVIEW_LINES = 2
    """The context under a slim table: at most this many lines, so that it takes few rows."""

    def _show_preview(self) -> None:
        """The current row's context under the table while the context column is hidden,
        its words cut at both ends to fit ``PREVIEW_LINES`` lines."""
        current = self.view.currentIndex()
        model = self.view.model()
        if (
            not current.isValid()
            or not self.view.isColumnHidden(CONTEXT)
            or not isinstance(model, ReviewModel)
        ):
            self.preview.hide()
            return
        row = model.row_at(current.row())
        before, after = row.before.split(), row.after.split()
        words = " ".join(row.suggestion.text.split())
        width = max(self.view.width(), 80)
        lines = self.PREVIEW_LINES
        where = ""
        if self.view.isColumnHidden(SOURCE):
            # Where the suggestion comes from and which article it is in, on a line of its own:
            # the hidden columns' words (a trial could filter by source but not see a row's).
            named = [
                str(model.data(current.siblingAtColumn(column)) or "")
                for column in (SOURCE, ARTICLE)
            ]
            # one line, cut with "…": a long headline wrapped and pushed the context out
            line = self.preview.fontMetrics().elidedText(
                " · ".join(filter(None, named)), Qt.TextElideMode.ElideRight, width - 8
            )
            where = f'<span style="color: gray">{escape(line)}</span><br>'
            lines += 1
        most = lines * self.preview.fontMetrics().lineSpacing() + 4
        while True:
            # "…" where the article goes on: the context is cut, or cut again here.
            self.preview.setText(
                where
                + row.around(
                    f"<b>{escape(words)}</b>",
                    f"{'…' if before else ''}{escape(' '.join(before))}",
                    f"{escape(' '.join(after))}{'…' if after else ''}",
                )
            )
            if self.preview.heightForWidth(width) <= most or not (before or after):
                break
            # The nearer words kept: one dropped from the longer side's far end.
            if len(" ".join(before)) > len(" ".join(after)):
                before = before[1:]
            else:
                after = after[:-1]
        # In the article's direction whatever the interface's: an Arabic context in the Arabic
        # interface was set to the left (a plain AlignLeft is mirrored, then reversed again
        # for a right-to-left paragraph).
        side = RTL_ALIGN if detect_direction(row.before + words + row.after) == "rtl" else LTR_ALIGN
        self.preview.setAlignment(Qt.AlignmentFlag(side))
        self.preview.setMaximumHeight(most)
        self.preview.show()

    def current_rows(self) -> list[QModelIndex]:
        """The selected rows (one index each), or the current row alone."""
        selection = self.view.selectionModel()
        if selection is None:
            return []
        rows = selection.selectedRows()
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex().siblingAtColumn(0)]
        return sorted(rows, key=lambda index: index.row())
