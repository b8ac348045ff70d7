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
from PySide6.QtWidgets import (
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


def flow_bar(parent: QWidget, name: str) -> tuple[QWidget, FlowLayout]:
    """A widget holding a :class:`FlowLayout`: a bar of controls that wraps."""
    bar = QWidget(parent)
    bar.setObjectName(name)
    layout = FlowLayout(bar)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    bar.setSizePolicy(policy)
    return bar, layout
