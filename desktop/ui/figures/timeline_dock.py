"""The Claim Timeline dock: the timeline's view (Ctrl+wheel zooms time, dragging pans, a
click opens the claim), its filters and export buttons, and the controller that keeps it in
step with the session's changes.

Built the first time View → Claim Timeline is chosen, never before the window's first paint.
A change announced while the dock is hidden only marks it stale; shown, it reads again only
the claims the change named (``ChangeSet.claim_ids``, the claims of a changed annotation or
article) into the claims it holds — every claim (four queries) only when the change does not
say which —, computes the timeline and lets :class:`TimelineScene` replace just the marks of
the claims that changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFrame,
    QGraphicsScene,
    QGraphicsView,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desktop.analysis import timeline as tl
from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.store.claims import STANCES, STATUSES, TimelineSource
from desktop.ui.commands.session import ProjectSession
from desktop.ui.figures.canvas import PAPER, Canvas, window_canvas
from desktop.ui.figures.timeline import TimelineOptions, TimelineScene, draw_legend, measured
from desktop.ui.i18n import term
from desktop.ui.shell.api import WindowApi
from desktop.ui.widgets.choices import refill
from desktop.ui.widgets.flow import flow_bar, group

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 400.0)


class TimelineView(QGraphicsView):
    """Drag to pan, Ctrl+wheel to zoom time around the pointer, click a mark to open it."""

    claim_clicked = Signal(int)
    zoom_requested = Signal(float, float)  # factor, the scene x under the pointer
    resized = Signal()

    def __init__(self, scene: TimelineScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("timeline_view")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self._pressed: QPoint | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                x = self.mapToScene(event.position().toPoint()).x()
                self.zoom_requested.emit(ZOOM_STEP**steps, x)
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        point = event.position().toPoint()
        if pressed is None or (point - pressed).manhattanLength() > 4:
            return  # a drag, not a click
        claim_id = self.claim_at(point)
        if claim_id is not None:
            self.claim_clicked.emit(claim_id)

    def claim_at(self, point: QPoint) -> int | None:
        for item in self.items(point):
            value = item.data(0)
            if isinstance(value, int):
                return value
        return None


class TimelineLegend(QGraphicsView):
    """The dock's legend, under the timeline's view and outside it: zoomed in, the legend
    drawn in the timeline's scene scrolled away with time, and zoomed out it was cut at the
    scene's narrow width (found by a trial). One row, from where reading starts, scrolled
    sideways (the wheel, or its thin scroll bar) when it is wider than the dock: wrapped to
    the dock's width it took three or four rows in Arabic, and docked beside the network
    the timeline was left some 40 px (found by a trial). The printed figure's legend still
    wraps (``draw_legend`` in the scene)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline_legend")
        self.setScene(QGraphicsScene(self))
        self.canvas = PAPER
        self.scene().setBackgroundBrush(QColor(self.canvas.background))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setInteractive(False)  # a key to the figure: nothing to click, tab to or drag
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.drawn: tuple[bool, float, str, Canvas] | None = None  # what it was drawn for
        self._font = QFont()
        self._height = 0
        self._row = 0
        self._rtl = False
        self.setMaximumHeight(0)

    def show_legend(self, rtl: bool, font: QFont, mark: float) -> None:
        """Draw it in one row (again only when the direction or the font changed), from
        where reading starts."""
        key = (rtl, mark, font.toString(), self.canvas)
        if key != self.drawn:
            self.drawn = key
            self._font = QFont(font)
            scene = self.scene()
            scene.clear()
            # As wide as it needs: nothing wraps, the row is as long as its entries.
            wide = 20_000.0
            bottom = draw_legend(
                scene.addItem,
                width=wide,
                rtl=rtl,
                top=4,
                font=font,
                mark=mark,
                canvas=self.canvas,
            )
            drawn = scene.itemsBoundingRect()
            scene.setSceneRect(drawn.left() - 12, 0, drawn.width() + 24, bottom + 4)
            self._row = round(bottom + 4)
            self.setAlignment(
                Qt.AlignmentFlag.AlignTop
                | (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
            )
        self._fit(rtl)

    def _fit(self, rtl: bool) -> None:
        """One row's height, and the scroll bar's when the row is wider than the dock; the
        start of the row in sight."""
        wider = self.scene().sceneRect().width() > self.viewport().width() + 1
        bar = self.horizontalScrollBar().sizeHint().height() if wider else 0
        height = self._row + bar
        if height != self._height:
            self._height = height
            # Squeezed in a crowded window rather than making the dock taller than it (the
            # timeline's view gives way first, down to its own minimum).
            self.setMaximumHeight(height)
            self.updateGeometry()
        self._rtl = rtl
        # Once the view has taken the new scene rect (it does so lazily, and would undo it).
        QTimer.singleShot(0, self, self._to_start)  # not after the legend is gone

    def _to_start(self) -> None:
        # The scroll bar is mirrored in a right-to-left window: its minimum shows the right.
        bar = self.horizontalScrollBar()
        bar.setValue(bar.minimum() if self._rtl == self.isRightToLeft() else bar.maximum())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._to_start()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """The wheel scrolls the row sideways (it has nothing to scroll up or down)."""
        steps = event.angleDelta().y() or event.angleDelta().x()
        bar = self.horizontalScrollBar()
        bar.setValue(bar.value() - steps)
        event.accept()

    def set_canvas(self, canvas: Canvas) -> None:
        """In the window's theme (drawn again, if it was, at once)."""
        self.canvas = canvas
        self.scene().setBackgroundBrush(QColor(canvas.background))
        if self.drawn is not None:
            rtl, mark, _font, _canvas = self.drawn
            self.show_legend(rtl, self._font, mark)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, 0)


class TimelineDock(QDockWidget):
    """View → Claim Timeline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Claim Timeline"))
        self.setObjectName("timeline_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 8)
        # The filters wrap onto more rows on a narrow dock: in one row they were cut off at
        # 1024 px, and beside the Entity Network they made the window wider than the screen.
        self.filters, bar = flow_bar(body, "timeline_filters")
        self.lanes = QComboBox(body)
        self.lanes.setObjectName("timeline_lanes")
        self.lanes.addItem(self.tr("Lanes: claimants"), "claimant")
        self.lanes.addItem(self.tr("Lanes: subjects"), "subject")
        self.claimant = QComboBox(body)
        self.claimant.setObjectName("timeline_claimant")
        self.stance = QComboBox(body)
        self.stance.addItem(self.tr("Any stance"), None)
        for stance in STANCES:
            self.stance.addItem(term(stance), stance)
        self.status = QComboBox(body)
        self.status.setObjectName("timeline_status")
        self.status.addItem(self.tr("Any status"), None)
        for status in STATUSES:
            self.status.addItem(term(status), status)
        self.document = QComboBox(body)
        self.document.setObjectName("timeline_document")
        self.date_from = QLineEdit(body)
        self.date_from.setPlaceholderText(self.tr("From YYYY-MM-DD"))
        self.date_to = QLineEdit(body)
        self.date_to.setPlaceholderText(self.tr("To YYYY-MM-DD"))
        for edit in (self.date_from, self.date_to):
            edit.setMinimumWidth(110)
            edit.setMaximumWidth(130)
        self.export_png = QToolButton(body)
        self.export_png.setText(self.tr("PNG…"))
        self.export_png.setToolTip(self.tr("Save the timeline as a PNG image at 300 dpi"))
        self.export_svg = QToolButton(body)
        self.export_svg.setText(self.tr("SVG…"))
        self.export_svg.setToolTip(self.tr("Save the timeline as an SVG drawing"))
        for widget in (self.lanes, self.claimant, self.stance, self.status, self.document):
            if widget in (self.claimant, self.document):
                # Sized by a few characters, not by the longest title or name they hold.
                widget.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
                )
                widget.setMinimumContentsLength(10)
            else:
                # A few fixed words: shown whole ("المسارات: أصحاب الادعاءات" was cut to
                # "المسارات: أصحاب", found by a trial).
                widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            bar.add(widget)
        bar.add(group(body, self.date_from, self.date_to))
        self.exports = bar.add(group(body, self.export_png, self.export_svg))
        # On a short dock the legend folds into this button's menu (see fold).
        self.legend_button = QToolButton(body)
        self.legend_button.setObjectName("timeline_legend_button")
        self.legend_button.setText(self.tr("Legend"))
        self.legend_button.setToolTip(self.tr("What the colours, shapes and lines mean"))
        self.legend_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.legend_menu = QMenu(self.legend_button)
        self.legend_menu.aboutToShow.connect(self._fill_legend_menu)
        self.legend_button.setMenu(self.legend_menu)
        self.legend_button.hide()
        bar.add(self.legend_button)
        layout.addWidget(self.filters)
        # The legend is the dock's own, under the view (TimelineLegend), not in the scene.
        self.scene = TimelineScene(self, legend=False)
        self.view = TimelineView(self.scene, body)
        # Two lanes' height at least, not Qt's 70 px: the dock's least height is the sum of
        # its parts, and with the filters wrapped it kept a short window from shrinking.
        self.view.setMinimumHeight(48)
        layout.addWidget(self.view, 1)
        self.legend = TimelineLegend(body)
        layout.addWidget(self.legend)
        self.setWidget(body)
        self.folded = False
        self._has_legend = False  # whether the timeline shown has a legend (any claim)

    FOLD_BELOW = 300
    """px: a shorter dock folds its legend into a menu and leaves its PNG/SVG buttons to
    File → Export → Figure…, so the filters take one row and the plot keeps most of the
    dock: at 1024×640 under a restored layout the two filter rows and the legend left the
    plot some 20 px, no lane in sight (a trial)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fold(event.size().height() < self.FOLD_BELOW)

    def fold(self, folded: bool) -> None:
        """Fold (or unfold) the legend and the export buttons on a short dock."""
        self.folded = folded
        self.exports.setVisible(not folded)
        self.legend.setVisible(self._has_legend and not folded)
        self.legend_button.setVisible(self._has_legend and folded)

    def set_legend_shown(self, shown: bool) -> None:
        """Whether the timeline has a legend to show (none for an empty one)."""
        self._has_legend = shown
        self.fold(self.folded)

    def _fill_legend_menu(self) -> None:
        """The legend wrapped to a few rows, drawn for the menu each time it opens (in the
        direction, font and colours the dock's own legend was last drawn with)."""
        self.legend_menu.clear()
        drawn = self.legend.drawn
        if drawn is None:
            return
        rtl, mark, _font, canvas = drawn
        scene = QGraphicsScene(self.legend_menu)
        scene.setBackgroundBrush(QColor(canvas.background))
        width = float(max(320, min(640, self.width() - 40)))
        bottom = draw_legend(
            scene.addItem,
            width=width,
            rtl=rtl,
            top=4,
            font=self.legend._font,
            mark=mark,
            canvas=canvas,
        )
        scene.setSceneRect(0, 0, width + 8, bottom + 4)
        view = QGraphicsView(scene)
        view.setObjectName("timeline_legend_folded")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.setInteractive(False)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setFixedSize(round(width) + 8, round(bottom) + 4)
        action = QWidgetAction(self.legend_menu)
        action.setDefaultWidget(view)
        self.legend_menu.addAction(action)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), 320))

    def set_dark(self, dark: bool) -> None:
        """The timeline and its legend on the theme's background, in its colours (the
        exported PNG and SVG stay on white: they are drawn from a figure's scene)."""
        canvas = window_canvas(dark)
        self.scene.set_canvas(canvas)
        self.legend.set_canvas(canvas)


class TimelineController(QObject):
    """Keeps the dock in step with the open project's session."""

    def __init__(
        self,
        api: WindowApi,
        dock: TimelineDock,
        show_claim: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(dock)
        self.api = api
        self.dock = dock
        self.show_claim = show_claim
        self.options = TimelineOptions()
        self.timeline: tl.Timeline | None = None
        self.source: TimelineSource | None = None  # every claim, as last read
        self._claims: set[int] = set()  # claims to read again into ``source``
        self._documents: set[int] = set()  # articles whose claims to read again
        self._built: TimelineOptions | None = None  # the options of the timeline shown
        self._laid: TimelineOptions | None = None  # and of its layout
        self.stale = True
        # What the tests count: computations shown, reads of every claim, claim rows read.
        self.refreshes = 0
        self.full_reads = 0
        self.claims_read = 0
        dock.visibilityChanged.connect(lambda _shown: self.refresh_visible())
        dock.view.claim_clicked.connect(self.open_claim)
        dock.view.zoom_requested.connect(self.zoom)
        # The dated part of the axis fills the view's width at zoom 1 (after a resize settles).
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(120)
        self._fit_timer.timeout.connect(self.fit_width)
        dock.view.resized.connect(self._fit_timer.start)
        dock.export_png.clicked.connect(lambda: self.export("png"))
        dock.export_svg.clicked.connect(lambda: self.export("svg"))
        for box in (dock.lanes, dock.claimant, dock.stance, dock.status, dock.document):
            box.currentIndexChanged.connect(lambda _i: self.filters_changed())
        for edit in (dock.date_from, dock.date_to):
            edit.editingFinished.connect(self.filters_changed)
        api.session_attached.connect(self.attach)
        if api.has_session:
            self.attach(api.session)

    def attach(self, session: ProjectSession) -> None:
        session.changed.connect(self.apply_changes)
        self.dock.scene.timeline = None  # another project: every mark is new
        self.source = None
        self._built = self._laid = None
        self.stale = True
        self.refresh_visible()

    def apply_changes(self, changes: ChangeSet) -> None:
        """Note what ``changes`` touched of the timeline, and show it if the dock is shown.

        A claim changes with its own edit (its ids in ``claim_ids``), with its annotation
        (moved by an anchor repair) or with its article (title, date, deletion). An entity's
        new name comes with ``claims_changed`` (``ops.entities``), a new entity names no
        claim yet: ``entities_changed`` alone changes nothing here."""
        source = self.source
        if source is None:
            self.stale = True
        elif changes.documents_reloaded or (changes.claims_changed and not changes.claim_ids):
            self.source = None  # any claim may have changed: all are read again
            self.stale = True
        else:
            claims = set(changes.claim_ids)
            annotations = {*changes.annotations_changed, *changes.annotations_removed}
            documents = {*changes.documents_changed, *changes.documents_removed}
            if annotations or documents:
                for row in source.rows:
                    if row.claim.annotation_id in annotations:
                        claims.add(row.claim.id)
                    if row.document_id in documents:
                        self._documents.add(row.document_id)
            if not claims and not self._documents and not self._claims:
                return  # nothing of the timeline changed
            self._claims |= claims
            self.stale = True
        self.refresh_visible()

    def refresh_visible(self) -> None:
        # A dock behind another tab is "visible" but shows nothing: its region is empty.
        if self.stale and self.dock.isVisible() and not self.dock.visibleRegion().isEmpty():
            self.refresh()

    def filters_changed(self) -> None:
        dock = self.dock

        def chosen(box: QComboBox) -> frozenset[object] | None:
            value = box.currentData()
            return None if value is None else frozenset({value})

        dates: list[str | None] = []
        for edit in (dock.date_from, dock.date_to):
            text = edit.text().strip()
            bad = bool(text) and tl.parse_date(text) is None
            # A date that cannot be read is not used, and the field says so.
            edit.setStyleSheet("color: #b5462f;" if bad else "")
            edit.setToolTip(
                QCoreApplication.translate(
                    "TimelineDock",
                    "Not a date, so not used: write a year (2024), a month (2024-03) "
                    "or a day (2024-03-05).",
                )
                if bad
                else ""
            )
            dates.append(text if text and not bad else None)
        self.options = replace(
            self.options,
            lanes="subject" if dock.lanes.currentData() == "subject" else "claimant",
            filters=tl.Filters(
                documents=chosen(dock.document),  # type: ignore[arg-type]
                claimants=chosen(dock.claimant),  # type: ignore[arg-type]
                stances=chosen(dock.stance),  # type: ignore[arg-type]
                statuses=chosen(dock.status),  # type: ignore[arg-type]
                date_from=dates[0],
                date_to=dates[1],
            ),
        )
        self.refresh()

    def refresh(self) -> None:
        """Read the claims (only those changed since the last read, when that is known),
        compute the timeline and show it (marks of unchanged claims stay)."""
        if not self.api.has_session:
            return
        self.stale = False
        claims, self._claims = self._claims, set()
        documents, self._documents = self._documents, set()
        source = self.source
        touched: set[int] | None = None  # the claims changed, when only they did
        if source is None:
            self.full_reads += 1
            source = tl.read(self.api.project)
            self.claims_read += len(source.rows)
        elif claims or documents:
            held = source
            source, read, touched = tl.read_again(self.api.project, source, claims, documents)
            self.claims_read += read
            if source is held and self._built == self.options:
                return  # a tag in an article with claims: none of them changed
        self.source = source
        self.refreshes += 1
        self._fill_filters(source)
        kind, filters = self.options.lanes, self.options.filters
        previous = self.timeline
        if touched is not None and previous is not None and self._built == self.options:
            # Only the touched claims placed again, and only their lanes laid out again.
            self.timeline = tl.rebuild(previous, source, touched, kind=kind, filters=filters)
            redo = {
                lane
                for timeline in (previous, self.timeline)
                for claim_id in touched
                if claim_id in timeline.claims
                for lane in timeline.claims[claim_id].lanes
            }
        else:
            self.timeline = tl.build(source, kind=kind, filters=filters)
            redo = None
        self._built = self.options
        self._fit_metrics()
        self._show(redo)

    def _fit_metrics(self) -> bool:
        """The plot width that fills the view at zoom 1; True when it changed."""
        m = self.options.metrics
        room = m.lane_label + 2 * m.edge + 8
        if self.timeline is not None and self.timeline.undated:
            room += m.undated_gap + m.undated_columns * m.mark * 1.25
        width = max(300.0, float(self.dock.view.viewport().width()) - room)
        if abs(width - m.plot_width) < 2:
            return False
        self.options = replace(self.options, metrics=replace(m, plot_width=width))
        return True

    def fit_width(self) -> None:
        if self.timeline is not None and self._fit_metrics():
            self._show()
        else:
            self._show_legend()

    def _show(self, redo: set[int] | None = None) -> None:
        """Lay out the timeline and show it; ``redo``: only these lanes changed since the
        layout shown (with the same options), the others' marks are taken from it."""
        assert self.timeline is not None
        reuse = redo is not None and self._laid == self.options
        layout = tl.lay_out(
            self.timeline,
            rtl=self.options.right_to_left(),
            zoom=self.options.zoom,
            metrics=measured(self.options.metrics),
            previous=self.dock.scene.layout if reuse else None,
            redo=redo if reuse else None,
        )
        self._laid = self.options
        view = self.dock.view
        # Narrower than the view (zoomed out), the figure keeps to where reading starts: the
        # right in Arabic (QGraphicsView takes AlignLeading for the left in either direction).
        side = Qt.AlignmentFlag.AlignRight if layout.rtl else Qt.AlignmentFlag.AlignLeft
        view.setAlignment(Qt.AlignmentFlag.AlignTop | side)
        self.dock.scene.show_timeline(self.timeline, layout, self.options.metrics)
        self._show_legend()

    def _show_legend(self) -> None:
        """The legend under the view, for its width; none for an empty timeline (the scene
        says why it is empty)."""
        legend = self.dock.legend
        shown = self.timeline is not None and bool(self.timeline.claims)
        self.dock.set_legend_shown(shown)  # in its row, or folded into a menu
        if shown:
            scene = self.dock.scene
            legend.show_legend(self.options.right_to_left(), scene.small, self.options.metrics.mark)

    def _fill_filters(self, source: TimelineSource) -> None:
        claimants = {
            (row.claimant, row.claim.claimant_id) for row in source.rows if row.claim.claimant_id
        }
        refill(
            self.dock.claimant,
            QCoreApplication.translate("TimelineDock", "Any claimant"),
            sorted(claimants),
        )
        documents = {(row.document_title, row.document_id) for row in source.rows}
        refill(
            self.dock.document,
            QCoreApplication.translate("TimelineDock", "Any article"),
            sorted(documents),
        )

    def zoom(self, factor: float, scene_x: float) -> None:
        """Zoom time by ``factor``, keeping the moment under the pointer where it is."""
        if self.timeline is None:
            return
        before = self.options.zoom
        after = min(ZOOM_RANGE[1], max(ZOOM_RANGE[0], before * factor))
        if after == before:
            return
        view = self.dock.view
        old = self.dock.scene.layout
        pointer = view.mapFromScene(scene_x, 0).x()
        self.options = replace(self.options, zoom=after)
        self._show()
        new = self.dock.scene.layout
        if old is None or new is None:
            return
        # The same moment: its distance from the plot's start of time, scaled.
        start_old = old.plot[1] if old.rtl else old.plot[0]
        start_new = new.plot[1] if new.rtl else new.plot[0]
        moved = start_new + (scene_x - start_old) * (after / before)
        bar = view.horizontalScrollBar()
        bar.setValue(bar.value() + round(view.mapFromScene(moved, 0).x() - pointer))

    def open_claim(self, claim_id: int) -> None:
        """Open the claim's article at its passage and show the claim in the Claim dock."""
        if self.timeline is None or claim_id not in self.timeline.claims:
            return
        claim = self.timeline.claims[claim_id]
        self.api.open_at(claim.document_id, claim.start, claim.end)
        if self.show_claim is not None:
            self.show_claim(claim_id)

    def export(self, kind: str) -> None:
        from desktop.settings import FOLDER_FIGURES
        from desktop.ui.figures import export
        from desktop.ui.figures.timeline import figure_scene
        from desktop.ui.transfer.save_paths import export_folder
        from desktop.ui.widgets.files import remember_folder, save_file_name

        if not self.api.has_session:
            return
        project = self.api.project
        if kind == "png":
            caption, pattern = (
                QCoreApplication.translate("TimelineDock", "Export Timeline as PNG"),
                QCoreApplication.translate("TimelineDock", "PNG images (*.png)"),
            )
        else:
            caption, pattern = (
                QCoreApplication.translate("TimelineDock", "Export Timeline as SVG"),
                QCoreApplication.translate("TimelineDock", "SVG drawings (*.svg)"),
            )
        base = export_folder(self.api.prefs, project.path, FOLDER_FIGURES)
        name = save_file_name(self.dock, caption, str(base / f"timeline.{kind}"), pattern)
        if not name:
            return
        remember_folder(self.api.prefs, FOLDER_FIGURES, Path(name).parent)
        path = Path(name)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        # Laid out in points for a page, as the briefing's: the window's 1,100-unit timeline
        # drawn 160 mm wide printed its dates at about 4 pt.
        scene = figure_scene(project, self.options)
        try:
            if kind == "png":
                export.write_png(scene, path, overwrite=True, project_path=project.path)
            else:
                export.write_svg(
                    scene,
                    path,
                    title=QCoreApplication.translate("TimelineDock", "Claim Timeline"),
                    overwrite=True,
                    project_path=project.path,
                )
        except HamishError as error:
            self.api.messenger.error(
                QCoreApplication.translate("TimelineDock", "Cannot export the timeline"), str(error)
            )
