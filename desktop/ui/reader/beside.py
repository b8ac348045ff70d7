"""Side by side (issue 16): a second reading pane beside the first, to compare two articles —
or two places of one article — and tag in either.

The second pane is a full reader: its own header (title, outlet, date), its own highlights, its
own :class:`~desktop.ui.reader.tagging.TaggingController` (label keys, the context menu, hover
text) over its own annotation model, so tagging, editing and deleting work the same in both
panes. Every edit is an edit of the window's session: one undo stack, one ``ChangeSet``, which
both panes follow (tag a passage in one pane and the other, showing the same article, draws it
too). The label toolbar, the Tag menu and Edit → Delete/Edit Note act on the pane used last.
Suggestions are drawn in the first pane only.

The two panes share a splitter that takes the window's central place the first time a second
pane opens (the window's first paint is unchanged): the first pane comes first in reading
order, so on the right in Arabic (Qt mirrors a splitter in a right-to-left layout). Scrolling
can be synchronised: proportionally when it is ticked, and from where the two panes were placed
once a passage is opened (the sync is suspended while they are placed, then keeps the offset
between the two passages). Closing the second pane leaves one reader.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.ui.annotations.panel import AnnotationModel, AnnotationPanel
from desktop.ui.commands.session import ProjectSession
from desktop.ui.i18n import label_name, label_title
from desktop.ui.reader.pane import ReaderPane
from desktop.ui.reader.tagging import TaggingController
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.api import WindowApi
from desktop.ui.widgets.icons import icon

Install = Callable[[QSplitter], None]
"""Puts the splitter (holding the first pane) in the window's central place; the window's."""


class SideBySide(QObject):
    """The second reading pane and what it needs: built on first use."""

    caret_moved = Signal(ReaderPane)  # in the second pane: the Claim dock follows it

    def __init__(
        self,
        api: WindowApi,
        reader: ReaderPane,
        tagging: TaggingController,
        install: Install,
    ) -> None:
        super().__init__(api)
        self.api = api
        self.first = reader
        self.first_tagging = tagging
        self._install = install
        self.splitter: QSplitter | None = None
        self.box: QWidget | None = None
        self.pane: ReaderPane | None = None
        self.tagging: TaggingController | None = None
        self.model: AnnotationModel | None = None
        self.sync: QCheckBox | None = None
        self._last: ReaderPane = reader  # the pane used last: the toolbar's labels tag there
        self._syncing = False
        # Opening passages scrolls both panes, now and once laid out (show_passage): the sync
        # waits meanwhile (a count: open_both nests open), or it drags the second pane to the
        # first pane's share of its article, away from its passage (a trial analyst's report).
        self._placing = 0
        # The two scroll values the sync steps from once the panes were placed (None:
        # proportional, as when it is ticked).
        self._anchor: tuple[int, int] | None = None
        self._open = False
        # The article read before the one in the first pane: View → Side by Side puts it
        # beside (the same article twice left the analyst looking for how to choose another).
        self._shown: int | None = None
        self._before: int | None = None
        api.document_opened.connect(self._read)
        # The toolbar, the Tag menu and Edit → Delete/Edit Note act where the analyst is.
        tagging.route = self._routed
        reader.text.installEventFilter(self)
        actions = api.actions
        self.toggle = actions[ActionId.SIDE_BY_SIDE]
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._toggled)
        actions[ActionId.SYNC_SCROLL].setCheckable(True)
        actions[ActionId.SYNC_SCROLL].toggled.connect(self._sync_toggled)
        api.session_detaching.connect(self.close)

    # --- building ---------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self._open

    def _build(self) -> ReaderPane:
        if self.pane is not None:
            return self.pane
        api = self.api
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("reader_splitter")
        splitter.setChildrenCollapsible(False)
        # A handle to be seen and grabbed: Qt's own, 4 px of the panes' own colour, was not
        # found by a trial user who wanted to widen a narrow second pane.
        splitter.setHandleWidth(7)
        splitter.setStyleSheet(
            "QSplitter#reader_splitter::handle { background: palette(mid); margin: 0 2px; }"
            "QSplitter#reader_splitter::handle:hover { background: palette(highlight); }"
        )
        self._install(splitter)  # the first pane moves into it
        box = QWidget(splitter)
        box.setObjectName("beside_box")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = QFrame(box)
        bar.setObjectName("beside_bar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(10, 2, 4, 2)
        title = QLabel(self.tr("Beside"), bar)
        title.setStyleSheet("color: #6b777b;")
        row.addWidget(title)
        row.addStretch(1)
        sync = QCheckBox(self.tr("Scroll together"), bar)
        sync.setObjectName("beside_sync")
        sync.setToolTip(self.tr("Scroll both panes together, at the same share of each article"))
        sync.toggled.connect(api.actions[ActionId.SYNC_SCROLL].setChecked)
        row.addWidget(sync)
        close = QToolButton(bar)
        close.setObjectName("beside_close")
        close.setIcon(icon("mdi6.close"))
        close.setToolTip(self.tr("Close this pane (one reader again)"))
        close.setAutoRaise(True)
        close.clicked.connect(self.close)
        row.addWidget(close)
        layout.addWidget(bar)
        pane = ReaderPane(box)
        pane.setObjectName("beside_pane")
        pane.text.setObjectName("beside_reader")
        layout.addWidget(pane, 1)
        splitter.addWidget(box)
        self.splitter, self.box, self.pane, self.sync = splitter, box, pane, sync

        def session() -> ProjectSession:
            return api.session

        self.model = AnnotationModel(
            lambda doc_id: session().project.annotations.for_document(doc_id),
            lambda ids: session().annotations(ids),
            lambda label_id: session().label(label_id),
            lambda entity_id: session().project.annotations.entity_name(entity_id),
            box,
        )
        # The second pane's annotations have no dock of their own (the Annotations dock lists
        # the first pane's): this panel is never shown, the controller needs one to ask.
        hidden = AnnotationPanel(self.model, box)
        hidden.hide()
        # Its own controller attaches itself to each later session (session_attached).
        self.tagging = TaggingController(api, pane, hidden, self.model)
        self.tagging.extra_menu_actions = [api.actions[ActionId.SIDE_BY_SIDE]]
        if api.has_session:
            self.tagging.attach(api.session)
            self._attach(api.session)
        api.session_attached.connect(self._attach)
        pane.text.installEventFilter(self)
        pane.text.cursorPositionChanged.connect(lambda: self.caret_moved.emit(pane))
        for action_id, step in (
            (ActionId.ZOOM_IN, pane.zoom_in),
            (ActionId.ZOOM_OUT, pane.zoom_out),
            (ActionId.ZOOM_RESET, pane.zoom_reset),
        ):
            api.actions[action_id].triggered.connect(step)
        self.first.text.verticalScrollBar().valueChanged.connect(
            partial(self._scrolled, self.first)
        )
        pane.text.verticalScrollBar().valueChanged.connect(partial(self._scrolled, pane))
        return pane

    def _attach(self, session: ProjectSession) -> None:
        session.changed.connect(self._apply_changes)
        self._label_keys()

    def _label_keys(self) -> None:
        """The label keys (1–9 …) while the second pane has the focus, and its context menu's
        Tag Selection As; off in a read-only project."""
        tagging, pane = self.tagging, self.pane
        if tagging is None or pane is None or not self.api.has_session:
            return
        for action in tagging.label_actions:
            pane.text.removeAction(action)
            action.deleteLater()
        read_only = self.api.project.read_only
        made = []
        for label in self.api.session.labels:
            action = QAction(label_title(label), pane)
            action.setIcon(icon(label.icon, label.color))
            action.setToolTip(
                self.tr("Tag the selection as {label}").format(label=label_name(label))
            )
            if label.shortcut:
                action.setShortcut(QKeySequence(label.shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(partial(tagging.tag_selection, label.id))
            action.setEnabled(not read_only)
            pane.text.addAction(action)
            made.append(action)
        tagging.label_actions = made

    # --- opening and closing ----------------------------------------------------------------
    def open(self, document_id: int, start: int | None = None, end: int | None = None) -> bool:
        """Show an article in the second pane (at a passage, selected); returns whether it
        opened."""
        from desktop.ops.anchors import open_article

        if not self.api.has_session:
            return False
        session = self.api.session
        try:
            opened = open_article(session.project, document_id)
            session.record(opened)
            found = opened.value
            document, marks, rows = found.document, found.annotations, found.rows
        except HamishError as error:
            self.api.messenger.error(self.tr("Cannot open article"), str(error))
            return False
        placing = start is not None and end is not None
        if placing:
            self._suspend_sync()
        else:
            self._anchor = None  # an article from the top: the same share of each, as ticked
        pane = self._build()
        assert self.tagging is not None and self.model is not None and self.box is not None
        first = self.first
        pane.line_height = first.line_height
        pane.set_font(first.base_font(), zoom=first.zoom)
        pane.set_dark(first.text.highlighter.dark)
        pane.text.snap_enabled = first.text.snap_enabled
        self.box.show()
        if not self._open:
            self._open = True
            self._even()
            # Again once laid out: a splitter just put in the window's central place has no
            # width yet, and the even split of it left the second pane some 180 px (a trial:
            # from the claim editor's Side by Side).
            QTimer.singleShot(0, self._even)
        pane.show_document(document, self.tagging.spans(marks))
        self.model.set_document(document_id, marks if rows is None else rows)
        self.toggle.blockSignals(True)
        self.toggle.setChecked(True)
        self.toggle.blockSignals(False)
        if start is not None and end is not None:
            self.show_passage(pane, start, end)
        if placing:
            self._resume_sync()
        return True

    def open_both(self, first: tuple[int, int, int], second: tuple[int, int, int]) -> bool:
        """Two passages (document, start, end) side by side, each selected and in view; the
        same article twice is two panes at two places."""
        document, start, end = first
        self._suspend_sync()
        try:
            self.api.open_at(document, start, end)
            if self.first.document_id != document:
                return False
            if not self.open(*second):
                return False
            self.show_passage(self.first, start, end)  # again: the splitter made it narrower
            return True
        finally:
            self._resume_sync()

    def _suspend_sync(self) -> None:
        self._placing += 1

    def _resume_sync(self) -> None:
        """After the deferred placing (show_passage's second pass, queued before this), the
        sync steps from where both panes now are."""

        def resume() -> None:
            self._placing -= 1
            if self._placing == 0:
                self._anchor = (
                    self.first.text.verticalScrollBar().value(),
                    self.pane.text.verticalScrollBar().value() if self.pane is not None else 0,
                )

        QTimer.singleShot(0, resume)

    def show_passage(self, pane: ReaderPane, start: int, end: int) -> None:
        """Select a passage and scroll it to the middle of the pane, now and once the pane
        has its width (a new pane is laid out after this event)."""

        def show() -> None:
            if pane.document_id is None:
                return
            pane.text.select_cp(start, end)
            pane.text.centerCursor()
            pane.text.flash(start, end)

        show()
        QTimer.singleShot(0, show)

    def close(self) -> None:
        """Back to one reader."""
        if self.box is None or self.pane is None:
            self._uncheck()
            return
        self._open = False
        self.box.hide()
        self.pane.clear()
        if self.model is not None:
            self.model.set_document(None)
        self._last = self.first
        self._uncheck()
        if self.first.isVisible():
            self.first.text.setFocus()

    def _uncheck(self) -> None:
        self.toggle.blockSignals(True)
        self.toggle.setChecked(False)
        self.toggle.blockSignals(False)

    def _read(self, document_id: int) -> None:
        if document_id != self._shown:
            self._before, self._shown = self._shown, document_id

    def _toggled(self, on: bool) -> None:
        """View → Side by Side: the article read before the first pane's beside it — to
        compare the two just read — or, when there is none, the first pane's article beside
        itself (the library's Open Beside puts another there); or back to one reader."""
        if not on:
            self.close()
            return
        document = self.first.document_id
        before = self._before
        if (
            before is not None
            and before != document
            and self.api.has_session
            and self.api.project.documents.exists(before)
        ):
            document = before
        elif document is not None:
            self.api.show_status(
                self.tr(
                    "The same article on both sides: the library's Open Beside puts another here."
                )
            )
        if document is None or not self.open(document):
            self._uncheck()

    def _even(self) -> None:
        if self.splitter is not None:
            half = max(1, self.splitter.width() // 2)
            self.splitter.setSizes([half, half])

    # --- following the edits ----------------------------------------------------------------
    def _apply_changes(self, changes: ChangeSet) -> None:
        if self.model is not None and self.pane is not None and self.pane.document_id:
            if self.pane.document_id in changes.documents_removed:
                self.close()
                return
            self.model.apply(changes)
        if changes.labels_changed:
            self._label_keys()

    # --- where the analyst is ---------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            if self.pane is not None and watched is self.pane.text:
                self._last = self.pane
            elif watched is self.first.text:
                self._last = self.first
        return False

    def _routed(self) -> TaggingController | None:
        """The second pane's controller when it was used last (the first pane's otherwise)."""
        if self.is_open and self._last is self.pane:
            return self.tagging
        return None

    # --- scrolling together -----------------------------------------------------------------
    def _sync_toggled(self, on: bool) -> None:
        if self.sync is not None and self.sync.isChecked() != on:
            self.sync.setChecked(on)
        self._anchor = None  # ticked anew: the same share of each article
        if on and self.pane is not None:
            self._scrolled(self.first, self.first.text.verticalScrollBar().value())

    def _scrolled(self, source: ReaderPane, value: int) -> None:
        """The other pane at the same share of its article, or — once two passages were
        placed — moved as far as this one moved from where they were placed (measured from
        the anchor, not step by step, so stops at either end do not drift the offset)."""
        if self._syncing or self._placing or not self.is_open or self.pane is None:
            return
        if not self.api.actions[ActionId.SYNC_SCROLL].isChecked():
            return
        target = self.pane if source is self.first else self.first
        bar, other = source.text.verticalScrollBar(), target.text.verticalScrollBar()
        if self._anchor is not None:
            mine, theirs = self._anchor if source is self.first else self._anchor[::-1]
            wanted = theirs + value - mine
        else:
            share = value / bar.maximum() if bar.maximum() > 0 else 0.0
            wanted = round(share * other.maximum())
        self._syncing = True
        try:
            other.setValue(wanted)
        finally:
            self._syncing = False
