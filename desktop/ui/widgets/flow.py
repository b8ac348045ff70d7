"""A row of controls that wraps onto more rows when its dock is too narrow for one (a filter
bar on a laptop screen), in reading order: from the right in Arabic.

A ``QHBoxLayout`` or ``QToolBar`` of filters has the width of all of them as its minimum: at
1024 px the Entity Network and the Claim Timeline, side by side under the article, made the
window wider than the screen, and the network's bar was cut off (issue 16). ``FlowLayout``
asks only for its widest control and takes the height of the rows it needs
(``heightForWidth``), which the dock's box layout and a scroll area both honour. Controls
that belong together (two dates, the export buttons) go in one :func:`group`, so they wrap
as one.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStyle,
    QWidget,
)


class FlowLayout(QLayout):
    """Items left to right (right to left in a right-to-left widget), wrapped into rows,
    each row's items centred on the row's height."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # --- QLayout ------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, widget: QWidget) -> QWidget:
        """``addWidget``, returning the widget."""
        self.addWidget(widget)
        return widget

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        """One row: the width of every item side by side."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._gap * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """The widest single item: the rest can go on more rows."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    # --- arranging ----------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def spacing(self) -> int:
        return self._gap

    def setSpacing(self, spacing: int) -> None:
        self._gap = spacing
        self.invalidate()

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (when ``move``); the height they take."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = 0
        for item in self._shown():
            hint = item.sizeHint().boundedTo(item.maximumSize()).expandedTo(item.minimumSize())
            hint.setWidth(min(hint.width(), max(area.width(), item.minimumSize().width())))
            if rows[-1] and x + hint.width() > area.width():
                rows.append([])
                x = 0
            rows[-1].append((item, hint))
            x += hint.width() + self._gap
        y = area.top()
        parent = self.parentWidget()
        direction = (
            parent.layoutDirection() if parent is not None else Qt.LayoutDirection.LeftToRight
        )
        for row in rows:
            if not row:
                continue
            height = max(hint.height() for _, hint in row)
            x = area.left()
            for item, hint in row:
                if move:
                    top = y + (height - hint.height()) // 2
                    placed = QRect(QPoint(x, top), hint)
                    item.setGeometry(QStyle.visualRect(direction, area, placed))
                x += hint.width() + self._gap
            y += height + self._gap
        used = y - self._gap - area.top() if any(rows) else 0
        return used + margins.top() + margins.bottom()


def group(parent: QWidget, *widgets: QWidget, spacing: int = 4) -> QWidget:
    """``widgets`` side by side as one item of a flow: they wrap together."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(spacing)
    for widget in widgets:
        row.addWidget(widget)
    box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return box


class FlowBar(QWidget):
    """The widget of a :func:`flow_bar`. Its least height is that of the rows it needs at its
    width now: a dock's least height comes from its widgets' ``minimumSizeHint`` alone (the
    main window's layout does not ask ``heightForWidth``), so a bar wrapped onto three rows
    in a narrow dock was given one row's height and its last rows were cut off — the
    network's weight and export buttons at 1024 px (issue 16)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows_height = 0
        self._watching = False
        """The height of the rows at the width the bar was last given (0: not laid out yet).
        Taken from a real resize, not the width of the moment: asked while a dock is being
        added, before its first layout, the bar's default 100 px width gave six rows, and
        the window grew taller to fit them."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        # A dock behind another's tab asks for nothing: Qt leaves it shown, off the window,
        # at the width it had before it was tabbed.
        if not self.visibleRegion().isEmpty():
            hint.setHeight(max(hint.height(), self._rows_height))
        return hint

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._watching:  # a tab brought forward (or sent back) asks again
            self._watching = True
            parent = self.parentWidget()
            while parent is not None and not isinstance(parent, QDockWidget):
                parent = parent.parentWidget()
            if parent is not None:
                parent.visibilityChanged.connect(lambda _shown: self.updateGeometry())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout = self.layout()
        if layout is None:
            return
        rows = layout.totalHeightForWidth(event.size().width())
        if rows != self._rows_height:
            self._rows_height = rows
            self.updateGeometry()  # the dock's least height follows the rows


def flow_bar(parent: QWidget, name: str) -> tuple[QWidget, FlowLayout]:
    """A widget holding a :class:`FlowLayout`: a bar of controls that wraps."""
    bar = FlowBar(parent)
    bar.setObjectName(name)
    layout = FlowLayout(bar)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    bar.setSizePolicy(policy)
    return bar, layout
