"""The Network dock (View → Entity Network, Ctrl+Shift+G): who appears with whom.

Built the first time it is asked for, never for the first paint. The toolbar holds the level
(sentence, paragraph, article), the types, the articles, the dates and the minimum weight,
the graph measures and the PNG/SVG export; under the picture, the passages of the edge last
clicked — a double click opens the article there. A click on a node opens the entity page.

:class:`NetworkController` keeps it up to date with the edit flow: a ChangeSet recomputes only
the articles it touched (the index in ``desktop/analysis/network.py``); names, types and
claims are re-read whole (one query each); the layout runs in a worker and keeps every node
that was already placed exactly where it was.
"""

from __future__ import annotations

import html
import math
import re
import time
from collections.abc import Callable, Generator, Iterator

from PySide6.QtCore import QDate, QLineF, QObject, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QImage,
    QPainter,
    QPaintEvent,
    QPixmap,
    QRegion,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QGraphicsView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.analysis.network import (
    LEVELS,
    Level,
    Network,
    NetworkIndex,
    NetworkOptions,
    TooManyPairs,
)
from desktop.core.errors import HamishError
from desktop.core.gcpause import freeze_survivors
from desktop.core.models import ENTITY_TYPES, ChangeSet
from desktop.core.passages import excerpt_pair
from desktop.store.network import NetworkReads
from desktop.ui.commands.session import ProjectSession
from desktop.ui.figures.network import (
    CLIP_ZOOM,
    EdgeTile,
    NetworkScene,
    NetworkShown,
    Point,
    colours,
    empty_text,
    label_text,
    veil,
)
from desktop.ui.figures.network_legend import NetworkLegend
from desktop.ui.i18n import QT_TRANSLATE_NOOP, counts, term
from desktop.ui.shell.api import WindowApi
from desktop.ui.shell.workers import Progress, TaskHandle, run_task
from desktop.ui.widgets.choices import ChecklistMenu
from desktop.ui.widgets.dates import date_edit, iso
from desktop.ui.widgets.flow import flow_bar, group
from desktop.ui.widgets.html_delegate import HTML_ROLE, HtmlDelegate
from desktop.ui.widgets.icons import icon

PASSAGE_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_NAMES = {
    "sentence": QT_TRANSLATE_NOOP("NetworkDock", "Same sentence"),
    "paragraph": QT_TRANSLATE_NOOP("NetworkDock", "Same paragraph"),
    "article": QT_TRANSLATE_NOOP("NetworkDock", "Same article"),
}
CONTEXT = 400
"""Characters of the passage shown in the list, elided by the column's width (the whole
passage in its tooltip): the list showed 40, a name's length, on any width (a trial)."""


GESTURE_END_MS = 150
"""A zoom or pan is over this long after its last step: the whole network is drawn again."""
FRAME_IDLE_MS = 300
"""The settled picture is kept for the next gesture once the view has been idle this long
(a slice at a time: ``NetworkView._start_keeping``)."""
WIDE_LEVELS = 8
"""At most this many pictures of the settled view's surroundings are kept for a zoom out,
each twice as wide as the last (the last, the whole network, is wide enough)."""
WIDE_EDGES = 2000
"""The strongest edges each of those pictures draws."""
SLICE_MS = 12.0
"""The settled edges are drawn a slice of about this long at a time, between the window's
events (every edge at once, zoomed in 16×, held the window a second: a pan waited)."""
SLICE_LINES = 150
"""The lines drawn between two looks at the clock (a long line across the window, blended,
costs up to about 60 µs)."""
BAND_ROWS = 100
"""The settled picture's nodes and names are drawn by Qt's own paint into a picture of the
window, a band this many pixels high at a time (the whole window, zoomed in 16×, held it
about 30 ms: every node drawn into its cache again, which Qt's picture cache cannot hold)."""
FREEZE_ITEMS = 5_000
"""A network laid out with at least this many nodes and edges has its objects taken out of
the cycle collector's generations once drawn (``gcpause.freeze_survivors``): a full
collection walked its scene's objects again — 65–80 ms for 22,000, in whichever slice of the
settling after a gesture it fell (a 30 ms target). A small network's are too few to matter."""
FREEZE_IDLE_MS = 200
"""That is done this long after the network is drawn: its own collection walks every object
once (a slice of its own, after the paint)."""


def _excerpt(
    text: str, start: int, end: int, names: tuple[list[tuple[int, int]], list[tuple[int, int]]]
) -> tuple[str, str]:
    """A passage's row: the part with a name of each of the two entities in sight
    (``excerpt_pair``), as plain text and as HTML with the names bold; "…" where it was
    cut."""
    begin, stop = excerpt_pair(text, start, end, names, width=CONTEXT)
    marks = names[0] + names[1]
    inside = sorted((max(s, begin), min(e, stop)) for s, e in marks if s < stop and e > begin)
    plain: list[str] = []
    rich: list[str] = []
    at = begin

    def add(piece: str, bold: bool) -> None:
        # One line, no control, format or noncharacter (clean_line's, but the spaces at the
        # piece's ends kept: they part it from the names).
        shown = "".join(c for c in re.sub(r"\s+", " ", piece) if c.isprintable())
        plain.append(shown)
        rich.append(f"<b>{html.escape(shown)}</b>" if bold else html.escape(shown))

    for s, e in inside:
        if s < at:
            continue  # overlapping mentions: the first one's bold covers it
        add(text[at:s], False)
        add(text[s:e], True)
        at = e
    add(text[at:stop], False)
    lead = "…" if begin > start else ""
    tail = "…" if stop < end else ""
    return (
        f"{lead}{''.join(plain).strip()}{tail}",
        f"{lead}{''.join(rich).strip()}{tail}",
    )


def _fits_cache(place: QRect, whole: QRect) -> bool:
    """Whether Qt caches a tile whole at ``place`` (device pixels) in a window ``whole``:
    not when it is more than a fifth wider or taller than the window and not inside it."""
    if whole.contains(place):
        return True
    return place.width() <= whole.width() * 1.2 and place.height() <= whole.height() * 1.2


class _SettledEdges:
    """The settled frame's edges drawn, a slice at a time, into a picture the size of the
    window: every tile in sight in Qt's order, as its ``paint`` would draw it, on white (the
    view's background); then, if ``then`` is given, what it draws once they are
    (``NetworkView._framing``: the whole settled picture). ``key``: what it shows (view
    transform, network edition and revision, size)."""

    def __init__(
        self,
        scene: NetworkScene,
        transform: QTransform,
        whole: QRect,
        ratio: float,
        key: tuple[object, ...],
        then: Callable[[_SettledEdges], Iterator[None]] | None = None,
    ) -> None:
        self.key = key
        self.image = QImage(whole.size() * ratio, QImage.Format.Format_RGB32)
        self.image.setDevicePixelRatio(ratio)
        self.image.fill(QColor(scene.canvas.background))
        self.edges_done = False
        """Every edge is drawn in ``image``."""
        self.done = False
        """And what ``then`` draws after them."""
        self.picture: QPixmap | None = None
        """The whole settled window without a hover's overlay, once ``then`` has drawn it."""
        self.lines = 0
        """The lines drawn so far."""
        self.smooth = True
        """Whether the painter is left antialiased after the tiles (for the nodes after)."""
        self._steps = self._drawing(scene, transform, whole, ratio)
        self._then = then

    def _drawing(
        self, scene: NetworkScene, transform: QTransform, whole: QRect, ratio: float
    ) -> Iterator[None]:
        inverse, _ok = transform.inverted()
        seen = inverse.mapRect(QRectF(whole))
        tiles = [
            item
            for item in scene.items(
                seen,
                Qt.ItemSelectionMode.IntersectsItemBoundingRect,
                Qt.SortOrder.AscendingOrder,
            )
            if isinstance(item, EdgeTile)
        ]
        yield  # asking for the items in sight costs a few ms with thousands of nodes
        size = (whole.width(), whole.height())
        # Zoomed out, Qt drew each tile into a picture of its own (its cache, on transparent,
        # antialiased as the view), then that picture on the window: the same here.
        cached = abs(transform.m11()) <= CLIP_ZOOM
        smooth = True  # the view's hint; a tile drawn directly that turns it off leaves it
        # off for the next items (the view does not save the painter's state between them)
        for tile in tiles:
            if cached:
                bounds = transform.mapRect(tile.boundingRect())
                place = bounds.toRect().adjusted(-1, -1, 1, 1)
                if not place.intersects(whole) or place.isEmpty():
                    continue
                if _fits_cache(place, whole):
                    yield from self._cached(scene, tile, transform, place, ratio)
                    continue
            shown = seen.intersected(tile.boundingRect())
            # As ``tile.planned``, a group at a time: zoomed in, each group is cut to the
            # window between two slices and its lines made a chunk at a time (the whole
            # tile planned at once held the window 20 ms before the first look at the clock).
            plain, area = tile.clip_area(transform, size, shown)
            smooth = smooth and plain
            self.smooth = smooth
            for pen, whole_lines, segments in tile.groups:
                if area is None:
                    count = len(whole_lines)
                else:
                    cut = segments.cut(area.left(), area.top(), area.right(), area.bottom())
                    count = len(cut)
                    yield
                for start in range(0, count, SLICE_LINES):
                    stop = start + SLICE_LINES
                    if area is None:
                        chunk = whole_lines[start:stop]
                    else:
                        chunk = [QLineF(*line) for line in cut.rows(start, stop)]
                    painter = QPainter(self.image)
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
                    painter.setTransform(transform)
                    painter.setPen(pen)
                    painter.drawLines(chunk)
                    painter.end()
                    scene.drawn_edges += len(chunk)
                    self.lines += len(chunk)
                    yield
        self.edges_done = True
        if self._then is not None:
            yield
            yield from self._then(self)

    def _cached(
        self, scene: NetworkScene, tile: EdgeTile, transform: QTransform, place: QRect, ratio: float
    ) -> Iterator[None]:
        """``tile`` as Qt's device cache drew it: alone on transparent, then copied."""
        picture = QImage(place.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        to_picture = transform * QTransform.fromTranslate(-place.left(), -place.top())
        plain, groups = tile.planned(
            to_picture, (place.width(), place.height()), tile.boundingRect()
        )
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, plain)
        painter.setTransform(to_picture)
        for pen, lines in groups:
            painter.setPen(pen)
            painter.drawLines(lines)
            scene.drawn_edges += len(lines)
            self.lines += len(lines)
        painter.end()
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)  # as the view's
        painter.drawImage(place.topLeft(), picture)
        painter.end()
        yield

    def step(self, budget_ms: float, *, edges_only: bool = False) -> bool:
        """Draw for about ``budget_ms``; True once all is drawn — or, ``edges_only``, once
        every edge is (what comes after them is left for the next steps)."""
        if edges_only and self.edges_done:
            return True  # not one step more: what comes after is drawn outside a paint
        end = time.perf_counter() + budget_ms / 1000
        for _ in self._steps:
            if edges_only and self.edges_done:
                return True
            if time.perf_counter() >= end:
                return False
        self.edges_done = self.done = True
        return True


def _run(steps: Iterator[None], budget_ms: float) -> bool:
    """Run ``steps`` for about ``budget_ms``; True once they are all done."""
    end = time.perf_counter() + budget_ms / 1000
    return all(time.perf_counter() < end for _ in steps)


def _margins(whole: QRect, covered: QRect) -> list[QRect]:
    """The parts of ``whole`` outside ``covered``: up to four bands."""
    inside = whole.intersected(covered)
    if inside.isEmpty():
        return [whole]
    bands = [
        QRect(whole.left(), whole.top(), whole.width(), inside.top() - whole.top()),
        QRect(whole.left(), inside.bottom() + 1, whole.width(), whole.bottom() - inside.bottom()),
        QRect(whole.left(), inside.top(), inside.left() - whole.left(), inside.height()),
        QRect(inside.right() + 1, inside.top(), whole.right() - inside.right(), inside.height()),
    ]
    return [band for band in bands if band.width() > 0 and band.height() > 0]


def _covered(mapped: QRectF) -> QRect:
    """The whole pixels inside ``mapped`` (a pan by whole pixels keeps them all)."""
    left, top = math.ceil(mapped.left() - 1e-6), math.ceil(mapped.top() - 1e-6)
    right, bottom = math.floor(mapped.right() + 1e-6), math.floor(mapped.bottom() + 1e-6)
    return QRect(left, top, right - left, bottom - top)


def _area(rects: list[QRect]) -> int:
    return sum(rect.width() * rect.height() for rect in rects)


class NetworkView(QGraphicsView):
    """Pans with a drag, zooms with the wheel around the pointer. While it does, the scene
    draws only the strongest edges in sight (a frame within 16 ms), and all of them once the
    gesture has been still for GESTURE_END_MS."""

    zoomed = Signal()

    def __init__(self, scene: NetworkScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("network_view")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        # The picture is not mirrored in Arabic (a layout has no reading direction); the
        # toolbar and the passages are.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.setBackgroundBrush(QColor(scene.canvas.background))
        self.setMinimumHeight(100)  # with the bar and the status, a short window keeps room
        self.zoomed_by_hand = False
        """Until the analyst zooms, the whole network stays fitted to the view."""
        self._fitting = False
        self.frame: QPixmap | None = None
        """The last settled frame, shown moved and scaled during a gesture, the margins it
        leaves drawn light (``_paint_gesture``)."""
        self._frame_transform = QTransform()
        self._frame_revision = -1
        """The scene's ``revision`` the kept frame shows."""
        self._frame_edition = -1
        self._frame_fresh = False
        """No settled paint since the frame was kept: the gesture under way started from
        it (a frame kept through an earlier gesture is moved, not scaled, by the next)."""
        """The scene's ``edition`` the kept pictures (frame, wide) show."""
        self.hovered: QPixmap | None = None
        """The kept frame with the hover's overlay of ``_hovered_focus`` over it: shown again
        as it is until the hover moves (``_paint_focus``), the gesture's source meanwhile."""
        self._hovered_focus: int | None = None
        self._framing_band = False
        """A band of the settled picture is being drawn by Qt's own paint (``_framing``)."""
        self._veiled: QPixmap | None = None
        """The kept frame under the hover's veil."""
        self.composite: QPixmap | None = None
        """The gesture's last frame (its margins drawn light), until the gesture ends."""
        self._composite_transform = QTransform()
        self._composite_focus: int | None = None
        """The node hovered when it was drawn (its overlay is in it)."""
        self._composite_edition = -1
        """The scene's ``edition`` it shows."""
        self._canvases: list[QPixmap] = []
        self.wide: list[tuple[QPixmap, QTransform]] = []
        """The settled view's surroundings, each picture (with the transform it was drawn
        through) twice as wide as the last, the first twice the window's, all the window's
        size in pixels: a zoom out shows them under the settled frame (``_paint_wide``)."""
        self._wide_whole = False
        """The widest of ``wide`` holds the whole scene (white beyond it)."""
        self._prepare = QTimer(self)
        self._prepare.setSingleShot(True)
        self._prepare.setInterval(FRAME_IDLE_MS)
        self._prepare.timeout.connect(self._start_keeping)
        self.keeping: Generator[None, None, None] | None = None
        """The settled picture being kept for the next gesture and the hovers, a slice of
        about SLICE_MS at a time between the window's events (``_keeping_steps``); None
        when nothing is under way."""
        self._keeping_key: tuple[object, ...] = ()
        """What the view showed when the keeping began: it is dropped if that changes."""
        self.kept_all = False
        """Everything ``_keeping_steps`` keeps is kept for the frame (else: what has
        landed, each part usable on its own — the frame, its veil, each wide picture)."""
        self._keeps = QTimer(self)
        self._keeps.setSingleShot(True)
        self._keeps.setInterval(0)
        self._keeps.timeout.connect(self._keep_slice)
        self.gesture_end = QTimer(self)
        self.gesture_end.setSingleShot(True)
        self.gesture_end.setInterval(GESTURE_END_MS)
        self.gesture_end.timeout.connect(self.end_gesture)
        self.settling: _SettledEdges | None = None
        """The settled frame's edges, drawn a slice at a time (``_settle_slice``) while the
        window shows the gesture's last frame; drawn under the nodes once all are."""
        self._slices = QTimer(self)
        self._slices.setSingleShot(True)
        self._slices.setInterval(0)
        self._slices.timeout.connect(self._settle_slice)
        scene.view_draws_edges()

    def _edges_key(self, scene: NetworkScene) -> tuple[object, ...]:
        whole = self.viewport().rect()
        return (
            self.viewportTransform(),
            scene.edition,
            scene.revision,  # the names placed: the settled picture has them
            whole.size(),
            self.viewport().devicePixelRatioF(),
        )

    def _edges_ready(self, scene: NetworkScene) -> bool:
        job = self.settling
        return job is not None and job.edges_done and job.key == self._edges_key(scene)

    def _settled_ready(self, scene: NetworkScene) -> bool:
        """Whether the whole settled picture (``_SettledEdges.picture``) shows the view now."""
        job = self.settling
        return job is not None and job.done and job.key == self._edges_key(scene)

    def _start_settling(self, scene: NetworkScene) -> None:
        key = self._edges_key(scene)
        if self.settling is not None and self.settling.key == key:
            return
        ratio = self.viewport().devicePixelRatioF()
        whole = self.viewport().rect()
        self.settling = _SettledEdges(
            scene, self.viewportTransform(), whole, ratio, key, self._framing
        )
        self._slices.start()

    def _settle_some(self, scene: NetworkScene) -> bool:
        """A first slice of the settled edges, in the paint: True if it drew them all (a
        small network, or the whole one zoomed out, shows at once, as it always did; the
        settled picture is then drawn by the next slices, outside the paint)."""
        self._start_settling(scene)
        assert self.settling is not None
        done = self.settling.step(SLICE_MS, edges_only=True)
        if self.settling.done:
            self._slices.stop()
        return done

    def _framing(self, job: _SettledEdges) -> Iterator[None]:
        """The settled window as Qt's own paint draws it without a hover's overlay (the
        settled edges, the nodes, their names), into ``job.picture``, a band of BAND_ROWS
        at a time: the window then shows it copied, and it is the frame kept for gestures
        and hovers (a copy, where the idle view grabbed the window again: 27 ms)."""
        scene = self.scene()
        assert isinstance(scene, NetworkScene)
        whole = self.viewport().rect()
        ratio = self.viewport().devicePixelRatioF()
        picture = QPixmap(whole.size() * ratio)
        picture.setDevicePixelRatio(ratio)
        for top in range(whole.top(), whole.bottom() + 1, BAND_ROWS):
            band = QRect(whole.left(), top, whole.width(), min(BAND_ROWS, whole.bottom() + 1 - top))
            self._framing_band = True
            scene.bare = True
            try:
                self.viewport().render(picture, band.topLeft(), QRegion(band))
            finally:
                scene.bare = False
                self._framing_band = False
            yield
        job.picture = picture

    def _settle_slice(self) -> None:
        """One slice of the settled edges; once all are drawn, the settled frame shown."""
        scene = self.scene()
        job = self.settling
        if job is None or not isinstance(scene, NetworkScene) or scene.interacting:
            return
        if job.key != self._edges_key(scene) or not self.isVisible():
            self.settling = None
            self.viewport().update()  # moved or hidden: started again at its next paint
            return
        if job.step(SLICE_MS):
            self.viewport().update()
        else:
            self._slices.start()

    def settle(self) -> None:
        """Draw the settled picture now, whole — its edges, then its nodes and names (tests,
        the benchmark, a picture to keep)."""
        scene = self.scene()
        if not isinstance(scene, NetworkScene) or scene.interacting:
            return
        self._start_settling(scene)
        assert self.settling is not None
        self._slices.stop()
        self.settling.step(math.inf)

    def gesture(self) -> None:
        """A step of a zoom or pan: drawn light until the gesture ends."""
        scene = self.scene()
        if self._fitting or not isinstance(scene, NetworkScene):
            return
        scene.set_interacting(True)
        self.gesture_end.start()
        self._slices.stop()  # input came: the settled edges under way are dropped
        self.settling = None
        self._drop_keeping()  # and the keeping under way (what has landed stays usable)

    def end_gesture(self) -> None:
        self.gesture_end.stop()
        scene = self.scene()
        if isinstance(scene, NetworkScene):
            scene.set_interacting(False)  # and the view painted again (repaint_views)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        super().drawBackground(painter, rect)  # the view's white, not the scene's
        scene = self.scene()
        if isinstance(scene, NetworkScene):
            scene.draw_gesture_edges(painter, QRectF(rect))
            if not scene.interacting and self._edges_ready(scene):
                assert self.settling is not None
                painter.save()
                painter.resetTransform()
                painter.drawImage(0, 0, self.settling.image)
                painter.restore()
                # As the tiles left it, for the nodes drawn after (the state is not saved).
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, self.settling.smooth)

    def paintEvent(self, event: QPaintEvent) -> None:
        scene = self.scene()
        whole = self.viewport().rect()
        if not isinstance(scene, NetworkScene) or self._framing_band:
            super().paintEvent(event)  # a band of the settled picture: Qt's own paint
            return
        if self._frame_edition != scene.edition:
            # Another network is shown (an edit, a filter): no picture of the old one may
            # stand in for it — a filter that moved the scroll bars started a "gesture" that
            # showed the old network, moved or scaled, until the gesture ended.
            self.frame = None
            self.wide = []
            self.hovered = None
            self._hovered_focus = None
            self._veiled = None
        if self._composite_edition != scene.edition:
            self.composite = None
        if scene.interacting:
            self._paint_gesture(scene, whole)
            return
        if self._frame_current(scene, whole):
            self._paint_focus(scene, whole)  # only the hover changed since it was kept
            if not self.kept_all and self.keeping is None and not self._prepare.isActive():
                self._prepare.start()  # its keeping was dropped (hidden, hovered): resumed
            return
        if self._settled_ready(scene):
            self._paint_settled(scene, event)
        elif self._settle_some(scene):
            super().paintEvent(event)  # the edges drawn at once: Qt's own paint, as always
        else:
            # The edges drawn a slice at a time; meanwhile the gesture's last frame.
            self._paint_gesture(scene, whole)
            return
        # Not what the window shows any more (kept again once the view is idle, for the
        # hovers); until then, if the network is the same (those of another were dropped
        # above), still the next gesture's pictures: a gesture right after another drew
        # the whole window light (41 ms zoomed in on 20,000 edges). The frame itself only
        # at its own zoom (at another, shown blurred or shrunk the whole gesture); the
        # wide ones at any zoom out.
        self._frame_fresh = False
        self.composite = None  # the last gesture's frame, perhaps at another zoom
        self._hovered_focus = None  # its picture kept to draw the next hovers in
        self._veiled = None
        self._prepare.start()

    def _paint_settled(self, scene: NetworkScene, event: QPaintEvent) -> None:
        """The settled window: its picture drawn by the slices (``_framing``), and over it
        a hover's overlay as the scene's foreground drew it over Qt's own paint (the
        view's hints, antialiased as the edges left the painter)."""
        job = self.settling
        assert job is not None and job.picture is not None
        painter = QPainter(self.viewport())
        painter.drawPixmap(0, 0, job.picture)
        if scene.focus_id is not None:
            painter.setRenderHints(self.renderHints())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, job.smooth)
            painter.setTransform(self.viewportTransform())
            scene.draw_focus(painter, self.mapToScene(event.rect()).boundingRect())
        painter.end()

    def _frame_current(self, scene: NetworkScene, whole: QRect) -> bool:
        """Whether the kept settled frame is what Qt would draw now without the hover: the
        scene unchanged since, seen through the same transform, in a window of its size."""
        frame = self.frame
        return (
            frame is not None
            and self._frame_revision == scene.revision
            and self._frame_transform == self.viewportTransform()
            and frame.size() == whole.size() * self.viewport().devicePixelRatioF()
        )

    def _paint_focus(self, scene: NetworkScene, whole: QRect) -> None:
        """A hover's frame: the kept settled frame, and over it the scene's overlay of the
        hovered node's links and neighbours (``NetworkScene.draw_focus``) — the same
        picture as Qt's, without asking 2,000 items and 20,000 edges to draw again."""
        assert self.frame is not None
        picture = self.frame
        if scene.focus_id is not None:
            if self.hovered is None or self._hovered_focus != scene.focus_id:
                self._draw_hovered(scene, whole)
            assert self.hovered is not None
            picture = self.hovered
        painter = QPainter(self.viewport())
        painter.drawPixmap(0, 0, picture)
        painter.end()

    def _ready_for_hovers(self, whole: QRect) -> None:
        """The kept frame veiled, and a picture to draw hovers in: made when idle (a first
        hover spent 9 ms on them, its new picture's memory touched for the first time)."""
        assert self.frame is not None
        self._veiled = QPixmap(self.frame)
        painter = QPainter(self._veiled)
        scene = self.scene()
        assert isinstance(scene, NetworkScene)
        painter.fillRect(whole, veil(scene.canvas))
        painter.end()
        canvas = self.hovered
        if canvas is None or canvas.size() != self.frame.size():
            canvas = QPixmap(self.frame.size())
            canvas.setDevicePixelRatio(self.frame.devicePixelRatio())
            canvas.fill(self.backgroundBrush().color())
        self.hovered = canvas
        self._hovered_focus = None  # nothing drawn in it yet

    def _draw_hovered(self, scene: NetworkScene, whole: QRect) -> None:
        assert self.frame is not None
        if self._veiled is None or self.hovered is None:
            self._ready_for_hovers(whole)
        canvas, veiled = self.hovered, self._veiled
        assert canvas is not None and veiled is not None
        painter = QPainter(canvas)
        painter.drawPixmap(0, 0, veiled)
        painter.setRenderHints(self.renderHints())
        painter.setTransform(self.viewportTransform())
        scene.draw_focus(painter, self.mapToScene(whole).boundingRect(), veiled=True)
        painter.end()
        self.hovered = canvas
        self._hovered_focus = scene.focus_id

    def _paint_gesture(self, scene: NetworkScene, whole: QRect) -> None:
        """A frame of a gesture: a picture already drawn — the settled frame, or the
        gesture's own last frame —, moved and scaled as the view was, and in the margins it
        leaves the scene's light drawing (``NetworkScene.draw_light``; Qt's items are not
        asked to paint: hundreds of nodes in sight cost 50 ms and more). The frame drawn is
        kept, so a pan draws only the strip it uncovers, however far it goes."""
        current = self.viewportTransform()
        source: tuple[QPixmap, QTransform, list[QRect]] | None = None
        # The settled frame as the window showed it: with the hover's overlay, if any.
        settled = self.frame
        if scene.focus_id is not None:
            settled = self.hovered if self._hovered_focus == scene.focus_id else None
        for picture, transform in (
            (settled, self._frame_transform),
            (
                self.composite if self._composite_focus == scene.focus_id else None,
                self._composite_transform,
            ),
        ):
            if picture is None:
                continue
            inverse, _ok = transform.inverted()
            relative = inverse * current
            if picture is settled and not self._frame_fresh and abs(relative.m11() - 1) > 1e-9:
                continue
            drawn = QRectF(QPointF(0, 0), picture.deviceIndependentSize())
            margins = _margins(whole, _covered(relative.mapRect(drawn)))
            if source is None or _area(margins) < _area(source[2]):
                source = (picture, relative, margins)
        zoomed_out = (source is None or source[2]) and scene.focus_id is None
        if zoomed_out and self._paint_wide(scene, current, whole):  # no margin drawn light
            return
        if source is not None and not source[2]:  # covered whole: nothing to draw
            painter = QPainter(self.viewport())
            painter.setTransform(source[1])
            painter.drawPixmap(0, 0, source[0])
            painter.end()
            return
        canvas = self._canvas(whole)
        drawing = QPainter(canvas)
        margins = [whole] if source is None else source[2]
        to_scene, _ok = current.inverted()
        # The margins drawn together (a node in two drawn once), each by its own bounds
        # (their common bounds would be the whole window).
        region = QRegion()
        for margin in margins:
            region += margin
        drawing.setClipRegion(region)
        drawing.fillRect(whole, self.backgroundBrush())  # the margins only: the rest is drawn over
        drawing.setTransform(current)
        scene.draw_light(drawing, [to_scene.mapRect(QRectF(margin)) for margin in margins])
        if source is not None:
            drawing.setClipping(False)
            drawing.setTransform(source[1])
            drawing.drawPixmap(0, 0, source[0])
        drawing.end()
        self._show_composite(scene, canvas, current)

    def _show_composite(self, scene: NetworkScene, canvas: QPixmap, current: QTransform) -> None:
        """Put a gesture's frame on the window, and keep it as drawn for the next frames (a
        zoom back and forth, a pan, shows it again as it is)."""
        painter = QPainter(self.viewport())
        painter.drawPixmap(0, 0, canvas)
        painter.end()
        self.composite = canvas
        self._composite_edition = scene.edition
        self._composite_transform = current
        self._composite_focus = scene.focus_id

    def _paint_wide(self, scene: NetworkScene, current: QTransform, whole: QRect) -> bool:
        """A frame zoomed out of the settled one: the pictures of its surroundings kept when
        idle (``wide``) — the narrowest covering the window, then over it those narrower,
        sharper, each shrunk to no less than half, the settled frame last —, and no margin
        drawn light (a zoom out's margins held hundreds of nodes and names: 26 ms a frame).
        False when they cannot: not zoomed out, or out of their reach."""
        if self.frame is None or not self.wide:
            return False
        placed: list[tuple[QPixmap, QTransform, QRectF]] = []
        for picture, transform in ((self.frame, self._frame_transform), *self.wide):
            inverse, _ok = transform.inverted()
            relative = inverse * current
            drawn = QRectF(QPointF(0, 0), picture.deviceIndependentSize())
            placed.append((picture, relative, relative.mapRect(drawn)))
        if placed[0][1].m11() >= 1 - 1e-9:
            return False  # not zoomed out of the settled frame: its margins are thin
        base = next(
            (i for i, (_, _, rect) in enumerate(placed) if _covered(rect).contains(whole)), None
        )
        if base is None and not self._wide_whole:
            return False
        canvas = self._canvas(whole)
        drawing = QPainter(canvas)
        if base is None:
            base = len(placed) - 1
            drawing.fillRect(whole, self.backgroundBrush())  # beyond the whole scene
        named: QRectF | None = None  # where the settled frame shows its own names
        for index in range(base, -1, -1):
            picture, relative, rect = placed[index]
            if index == base or relative.m11() >= 0.5:
                drawing.setTransform(relative)
                drawing.drawPixmap(0, 0, picture)
                named = rect if index == 0 else None
        # The wider pictures have no names: drawn here as big as always, those placed at
        # the nearest zoom of theirs out of this one (room for them at this zoom too).
        drawing.resetTransform()
        zoom = current.m11()
        level = max(
            (t.m11() for _, t in self.wide if t.m11() <= zoom + 1e-9),
            default=self.wide[-1][1].m11(),
        )
        scene.draw_names_over(drawing, level, current, QRectF(whole), named)
        drawing.end()
        self._show_composite(scene, canvas, current)
        return True

    def _keeping_wide(
        self, scene: NetworkScene, whole: QRect, spare: list[QPixmap]
    ) -> Iterator[None]:
        """Pictures of the settled view's surroundings (``wide``), made when idle, in parts
        (``NetworkScene.drawing_wide``): each is added to ``wide`` once drawn whole, usable
        alone (``_paint_wide`` takes the narrowest covering the window; ``_wide_whole`` only
        once the picture of the whole network is there). ``spare``: pictures to draw in."""
        ratio = self.viewport().devicePixelRatioF()
        size = whole.size() * ratio
        spare = [picture for picture in spare if picture.size() == size]
        centre = QRectF(whole).center()
        everything = scene.itemsBoundingRect()
        yield
        for level in range(1, WIDE_LEVELS + 1):
            shrink = 0.5**level
            transform = (
                self._frame_transform
                * QTransform.fromTranslate(-centre.x(), -centre.y())
                * QTransform.fromScale(shrink, shrink)
                * QTransform.fromTranslate(centre.x(), centre.y())
            )
            inverse, _ok = transform.inverted()
            rect = inverse.mapRect(QRectF(whole))
            if spare:
                picture = spare.pop()
            else:
                picture = QPixmap(size)
                picture.setDevicePixelRatio(ratio)
            picture.fill(self.backgroundBrush().color())
            painter = QPainter(picture)
            try:
                painter.setTransform(transform)
                yield from scene.drawing_wide(painter, rect, WIDE_EDGES)
            finally:
                painter.end()  # dropped half-drawn too: never added to ``wide``
            self.wide = [*self.wide, (picture, transform)]
            if rect.contains(everything):
                self._wide_whole = True
                return
            yield

    def _canvas(self, whole: QRect) -> QPixmap:
        """A picture the size of the window to draw a gesture's frame in: one of two kept
        (the other holds the last frame) — a new one each frame cost more than the drawing,
        its memory touched for the first time."""
        ratio = self.viewport().devicePixelRatioF()
        size = whole.size() * ratio
        spare = [c for c in self._canvases if c is not self.composite and c.size() == size]
        if spare:
            return spare[0]
        canvas = QPixmap(size)
        canvas.setDevicePixelRatio(ratio)
        kept = [c for c in self._canvases if c.size() == size][-1:]
        self._canvases = [*kept, canvas]
        return canvas

    def _keeping_steps(self, scene: NetworkScene, whole: QRect) -> Generator[None, None, None]:
        """Keep the settled picture for the next gesture and the hovers, a part at a time:
        the frame (the settled picture the window shows, ``_framing``), its veil, the
        nodes in sight ready for a hover's overlay, the hover's picture, what the next
        gesture's margins draw, then the pictures of the surroundings (``_keeping_wide``)."""
        job = self.settling
        assert job is not None and job.picture is not None
        self.frame = job.picture
        self._frame_transform = self.viewportTransform()
        self._frame_revision = scene.revision
        self._frame_edition = scene.edition
        self._frame_fresh = True
        spare = [picture for picture, _ in self.wide]
        self.wide = []  # another frame's surroundings
        self._wide_whole = False
        self.kept_all = False
        yield
        self._ready_for_hovers(whole)
        yield
        # The nodes in sight drawn ready for a hover's overlay.
        seen = self.mapToScene(whole).boundingRect()
        ratio = self.viewport().devicePixelRatioF()
        yield from scene.keeping_sprites(self._frame_transform, seen, ratio)
        yield
        if scene.focus_id is not None:
            self._draw_hovered(scene, whole)
            yield
        # What the next gesture's frames draw in the margins, made ready meanwhile.
        around = seen.adjusted(-seen.width(), -seen.height(), seen.width(), seen.height())
        scene.warm(around, abs(self.transform().m11()))
        yield
        yield from self._keeping_wide(scene, whole, spare)
        self.kept_all = True

    def _keep_ready(self, scene: NetworkScene | None) -> bool:
        """Whether the settled view may be kept now: shown, still, its picture drawn."""
        if scene is None or scene.interacting or self.viewport().rect().isEmpty():
            return False
        # Closed (or a hidden tab) since its last paint: nothing on screen to keep, and
        # drawing the whole network for nothing — the next paint once shown starts again.
        return self.isVisible()

    def _drop_keeping(self) -> None:
        self._keeps.stop()
        if self.keeping is not None:
            self.keeping.close()  # a wide picture half drawn is never added to ``wide``
            self.keeping = None

    def _start_keeping(self) -> None:
        """The view has been idle FRAME_IDLE_MS since its settled paint: its picture kept,
        a slice at a time between the window's events (all at once held it 170 ms zoomed
        in on 20,000 edges: a key pressed or the mouse moved meanwhile waited)."""
        self._prepare.stop()
        self._drop_keeping()
        scene = self.scene()
        whole = self.viewport().rect()
        if not isinstance(scene, NetworkScene) or not self._keep_ready(scene):
            return
        if not self._settled_ready(scene):
            return  # changed since: its paint draws it again, then starts this again
        self.keeping = self._keeping_steps(scene, whole)
        self._keeping_key = (*self._edges_key(scene), scene.focus_id)
        self._keep_slice()

    def _keep_slice(self) -> None:
        """A slice of the keeping; dropped if the view changed since it began — a gesture,
        a hover, an edit, a resize, hidden —, and begun again once the view is idle."""
        steps = self.keeping
        scene = self.scene()
        if steps is None or not isinstance(scene, NetworkScene):
            return
        if not self._keep_ready(scene) or self._keeping_key != (
            *self._edges_key(scene),
            scene.focus_id,
        ):
            self._drop_keeping()
            if self._keep_ready(scene):
                self._prepare.start()
            return
        if _run(steps, SLICE_MS):
            self.keeping = None
        else:
            self._keeps.start()

    def prepare_frame(self) -> None:
        """Keep the settled picture for the next gesture, all at once (tests, the benchmark;
        the idle view keeps it a slice at a time: ``_start_keeping``)."""
        self._prepare.stop()
        self._drop_keeping()
        scene = self.scene()
        whole = self.viewport().rect()
        if not isinstance(scene, NetworkScene) or not self._keep_ready(scene):
            return
        if not self._settled_ready(scene):
            self.settle()
        if not self._settled_ready(scene):
            return
        for _part in self._keeping_steps(scene, whole):
            pass

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.gesture()  # a drag, a scroll bar, the keys
        super().scrollContentsBy(dx, dy)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.zoomed_by_hand:
            self.fit()

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if 0.02 <= scale <= 20:
            self.gesture()
            self.scale(factor, factor)
            self._scaled()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoomed_by_hand = True
            self.zoom(1.2**steps)
            event.accept()
        else:
            super().wheelEvent(event)

    def fit(self) -> None:
        scene = self.scene()
        rect = scene.itemsBoundingRect()
        if not rect.isEmpty():
            self._fitting = True  # not a gesture: drawn whole at once
            try:
                self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
                if isinstance(scene, NetworkScene):
                    # The names too, as big on screen at any zoom: those at the edges
                    # reach beyond the nodes' bounds (twice: room for them zooms out a bit).
                    for _ in range(2):
                        rect = scene.names_rect(abs(self.transform().m11()) or 1.0)
                        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            finally:
                self._fitting = False
            self._scaled()

    def _scaled(self) -> None:
        scene = self.scene()
        if isinstance(scene, NetworkScene):
            scene.view_scaled(abs(self.transform().m11()))
        self.zoomed.emit()


class ArticleChooser(QDialog):
    """Tick the articles the network is drawn from (none ticked: all of them)."""

    def __init__(
        self, titles: list[tuple[int, str]], chosen: frozenset[int], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Articles of the network"))
        self.resize(460, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("None ticked: every article."), self))
        self.list = QListWidget(self)
        self.list.setObjectName("network_articles")
        for doc_id, title in titles:
            item = QListWidgetItem(label_text(title) if title else f"#{doc_id}")
            item.setData(Qt.ItemDataRole.UserRole, doc_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = doc_id in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> frozenset[int]:
        return frozenset(
            int(item.data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if (item := self.list.item(row)).checkState() == Qt.CheckState.Checked
        )


class NetworkDock(QDockWidget):
    """Widgets only; :class:`NetworkController` fills them and acts."""

    options_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Entity Network"), parent)
        self.setObjectName("network_dock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        # The filters and buttons wrap onto a second row on a narrow dock: as one tool bar
        # they were cut off at 1024 px (and made the window wider with a second dock).
        self.toolbar, bar = flow_bar(body, "network_toolbar")
        self.level = QComboBox(body)
        self.level.setObjectName("network_level")
        for level in LEVELS:
            self.level.addItem(self.tr(LEVEL_NAMES[level]), level)
        self.level.setToolTip(self.tr("What counts as appearing together"))
        bar.add(self.level)
        self.types_button = QToolButton(body)
        self.types_button.setObjectName("network_types")
        self.types_button.setText(self.tr("Types"))
        self.types_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.types_button.setAutoRaise(True)
        self.types_menu = ChecklistMenu(self.types_button)
        self.type_actions: dict[str, QAction] = {}
        for type_ in ENTITY_TYPES:
            action = self.types_menu.addAction(term(type_))
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda _on: self.options_changed.emit())
            self.type_actions[type_] = action
        self.types_button.setMenu(self.types_menu)
        self.articles_button = QToolButton(body)
        self.articles_button.setObjectName("network_articles_button")
        self.articles_button.setText(self.tr("Articles…"))
        self.articles_button.setAutoRaise(True)
        bar.add(group(body, self.types_button, self.articles_button))
        self.dates = QCheckBox(self.tr("Dates"), body)
        self.dates.setObjectName("network_dates")
        # ISO and left to right in Arabic too, as every other pane (it showed 02-12-2026).
        self.date_from = date_edit(body)
        self.date_to = date_edit(body)
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
        self.date_from.setDate(QDate(2000, 1, 1))
        self.date_to.setDate(QDate.currentDate())
        bar.add(group(body, self.dates, self.date_from, self.date_to))
        self.min_weight = QSpinBox(body)
        self.min_weight.setObjectName("network_min_weight")
        self.min_weight.setRange(1, 1000)
        self.min_weight.setPrefix(self.tr("Weight ≥ "))
        self.min_weight.setToolTip(self.tr("Leave out lighter links"))
        bar.add(self.min_weight)
        self.fit_action = QAction(icon("mdi6.fit-to-screen-outline"), self.tr("Fit to view"), self)
        self.measures_action = QAction(
            icon("mdi6.calculator-variant-outline"), self.tr("Betweenness"), self
        )
        self.measures_action.setToolTip(
            self.tr("Compute betweenness: who stands between the others (shown in the tips)")
        )
        self.png_action = QAction(icon("mdi6.file-image-outline"), self.tr("Export PNG…"), self)
        self.svg_action = QAction(icon("mdi6.svg"), self.tr("Export SVG…"), self)
        self._icons = {
            self.fit_action: "mdi6.fit-to-screen-outline",
            self.measures_action: "mdi6.calculator-variant-outline",
            self.png_action: "mdi6.file-image-outline",
            self.svg_action: "mdi6.svg",
        }
        buttons = []
        for action in (self.fit_action, self.measures_action, self.png_action, self.svg_action):
            button = QToolButton(body)
            button.setDefaultAction(action)  # the icon, its name as the tip
            button.setAutoRaise(True)
            buttons.append(button)
        bar.add(group(body, *buttons, spacing=2))
        layout.addWidget(self.toolbar)
        self.scene = NetworkScene(self)
        self.view = NetworkView(self.scene, body)
        self.message = QLabel(body)
        self.message.setObjectName("network_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)
        self.stack = QStackedWidget(body)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message)
        self.passages = QTreeWidget(body)
        self.passages.setObjectName("network_passages")
        self.passages.setHeaderLabels([self.tr("Article"), self.tr("Passage")])
        self.passages.setRootIsDecorated(False)
        self.passages.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.passages.setColumnWidth(0, 200)
        self.passages.setItemDelegateForColumn(1, HtmlDelegate(self.passages))
        self.passages.hide()
        split = QSplitter(Qt.Orientation.Vertical, body)
        split.addWidget(self.stack)
        split.addWidget(self.passages)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.split = split
        self.legend = NetworkLegend(self.scene, body)  # the key to shapes, colours and edges
        layout.addWidget(self.legend)
        self.status = QLabel(body)
        self.status.setObjectName("network_status")
        layout.addWidget(self.status)
        self.setWidget(body)
        self.level.currentIndexChanged.connect(lambda _i: self.options_changed.emit())
        self.min_weight.valueChanged.connect(lambda _v: self.options_changed.emit())
        self.dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(lambda _d: self._dates_changed())
        self.date_to.dateChanged.connect(lambda _d: self._dates_changed())
        self.fit_action.triggered.connect(self._fit)
        self.documents: frozenset[int] = frozenset()

    def _fit(self) -> None:
        self.view.zoomed_by_hand = False
        self.view.fit()

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.options_changed.emit()

    def _dates_changed(self) -> None:
        if self.dates.isChecked():
            self.options_changed.emit()

    def set_dark(self, dark: bool) -> None:
        """The network on the theme's background, its names and edges in its colours (the
        exported PNG and SVG stay on white: they are drawn from a printed scene)."""
        from desktop.ui.figures.canvas import window_canvas

        canvas = window_canvas(dark)
        self.view.setBackgroundBrush(QColor(canvas.background))
        self.scene.set_canvas(canvas)
        self.view.viewport().update()

    def set_icon_color(self, color: str | None) -> None:
        """The buttons' icons in the toolbar's colour (a light one on the dark theme: the
        grey vanished there, found by a trial)."""
        for action, name in self._icons.items():
            action.setIcon(icon(name, color))

    def options(self) -> NetworkOptions:
        level: Level = self.level.currentData() or "sentence"
        types = frozenset(t for t, action in self.type_actions.items() if action.isChecked())
        dated = self.dates.isChecked()
        return NetworkOptions(
            level=level,
            types=frozenset() if types == frozenset(ENTITY_TYPES) else types,
            documents=self.documents,
            date_from=iso(self.date_from.date()) if dated else None,
            date_to=iso(self.date_to.date()) if dated else None,
            min_weight=self.min_weight.value(),
        )

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def show_passages(self) -> None:
        """The passages under the network, a third of the room at most: shown at their own
        size hint, they left the network 150 pixels of a short dock (found by a trial)."""
        if self.passages.isVisible():
            return
        total = sum(self.split.sizes())
        rows = self.passages.topLevelItemCount()
        wanted = (
            self.passages.header().sizeHint().height()
            + 8
            + rows * max(self.passages.sizeHintForRow(0), self.fontMetrics().height() + 6)
        )
        room = min(wanted, max(total // 3, 60))
        self.passages.show()
        if total > 0:
            self.split.setSizes([total - room, room])

    def show_view(self) -> None:
        self.stack.setCurrentWidget(self.view)


def _layout_task(
    network: Network, previous: dict[int, Point], aspect: float | None
) -> Callable[[Progress], dict[int, Point]]:
    def task(progress: Progress) -> dict[int, Point]:
        from desktop.analysis.layout import layout

        return layout(network, previous, cancelled=lambda: progress.cancelled, aspect=aspect)

    return task


class NetworkController(QObject):
    """Fills the dock from the project and keeps it current; acts on its clicks."""

    redrawn = Signal()  # a network was drawn (tests wait for it)

    def __init__(
        self,
        api: WindowApi,
        dock: NetworkDock,
        open_entity: Callable[[int], None],
        *,
        background: bool = True,
    ) -> None:
        super().__init__(dock)
        self.api = api
        self.dock = dock
        self.open_entity = open_entity
        self.background = background
        self.index = NetworkIndex()
        self.positions: dict[int, Point] = {}
        self.network: Network | None = None
        self.session: ProjectSession | None = None
        self._loaded = False
        self._task: TaskHandle | None = None
        self._generation = 0
        self._fitted = False
        self._betweenness: dict[int, float] = {}
        self._passages_of: tuple[int, int, NetworkOptions] | None = None
        """The edge whose passages are listed, and the options they were found with."""
        self._pending: set[int] = set()
        self._stale = False
        dock.visibilityChanged.connect(self._shown)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self._flush)
        self._freeze = QTimer(self)
        self._freeze.setSingleShot(True)
        self._freeze.setInterval(FREEZE_IDLE_MS)
        self._freeze.timeout.connect(self._freeze_survivors)
        dock.options_changed.connect(self.redraw)
        dock.scene.node_clicked.connect(self.open_entity)
        dock.scene.edge_clicked.connect(self.show_passages)
        dock.passages.itemActivated.connect(self._open_passage)
        dock.passages.itemDoubleClicked.connect(self._open_passage)
        dock.articles_button.clicked.connect(self.choose_articles)
        dock.measures_action.triggered.connect(self.compute_betweenness)
        dock.png_action.triggered.connect(lambda: self.export("png"))
        dock.svg_action.triggered.connect(lambda: self.export("svg"))
        api.session_attached.connect(self.attach)
        api.session_detaching.connect(self.detach)
        api.closing.connect(self.detach)
        if api.has_session:
            self.attach(api.session)

    @property
    def busy(self) -> bool:
        """A layout is being computed, or an edit's articles wait to be read."""
        return self._task is not None or (bool(self._pending) and self.dock.isVisible())

    # --- the project -------------------------------------------------------------------------
    def attach(self, session: ProjectSession) -> None:
        self.detach()
        self.session = session
        session.changed.connect(self._changed)
        self.index = NetworkIndex()
        self.positions = {}
        self._fitted = False
        self._loaded = False
        self.load()

    def detach(self) -> None:
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.session = None
        self.network = None

    def _reads(self) -> NetworkReads:
        assert self.session is not None
        return NetworkReads(self.session.project.database)

    def load(self) -> None:
        if self.session is None:
            return
        try:
            self.index.load(self._reads())
        except HamishError as error:
            self.dock.show_message(str(error))
            return
        self._loaded = True
        self.redraw()

    def _changed(self, changes: ChangeSet) -> None:
        if self.session is None or not self._loaded:
            return
        if changes.documents_reloaded:
            self._pending.update(self._reads().article_ids())
            self.index.forget(set(self.index.contributions) - self._pending)
        touched = {
            *changes.documents_added,
            *changes.documents_changed,
            *changes.documents_removed,
        }
        named = (*changes.annotations_added, *changes.annotations_changed)
        if named:
            touched.update(a.document_id for a in self.session.annotations(named))
            touched.update(self.index.documents_of(named))  # moved away from an article
        touched.update(self.index.documents_of(changes.annotations_removed))
        self._pending.update(touched)
        reads = self._reads()
        if changes.entities_changed or changes.entities_created or touched:
            self.index.refresh_entities(reads)
        if changes.claims_changed or changes.entities_changed or touched:
            self.index.refresh_claims(reads)
        if self._pending or changes.entities_changed or changes.claims_changed:
            self._refresh.start()

    def _flush(self) -> None:
        if self.session is None:
            return
        if not self.dock.isVisible():
            self._stale = True  # drawn again when shown: no layout for a closed dock
            return
        pending, self._pending = self._pending, set()
        if pending:
            self.index.refresh_articles(self._reads(), pending)
        self.redraw()

    def _shown(self, visible: bool) -> None:
        if visible and self._stale:
            self._stale = False
            self._flush()

    # --- drawing -----------------------------------------------------------------------------
    def redraw(self) -> None:
        if self.session is None or not self._loaded:
            return
        options = self.dock.options()
        try:
            network = self.index.graph(options)
        except TooManyPairs:
            self.network = None
            self.dock.scene.show_network(
                Network((), (), options), {}, colours(self.session.project)
            )
            self.dock.show_message(
                self.tr(
                    "This network would be made of more pairs of entities named together "
                    "than Hamish can draw: filter by type, articles or dates."
                )
                if options.level == "sentence"
                else self.tr(
                    "This network would be made of more pairs of entities named together "
                    "than Hamish can draw: choose the sentence level, or filter by type, "
                    "articles or dates."
                )
            )
            self.dock.status.setText("")
            self.redrawn.emit()
            return
        self.network = network
        self._betweenness = {}
        self._follow_passages(network, options)
        if not network.nodes:
            self.dock.scene.show_network(network, {}, colours(self.session.project))  # empty
            self.dock.show_message(empty_text(network, self.index))
            self.dock.status.setText("")
            self.redrawn.emit()
            return
        previous = dict(self.positions)
        self._generation += 1
        generation = self._generation
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if all(node.id in previous for node in network.nodes):
            # Every node placed already: the layout would keep them all where they are.
            self._draw(generation, network, {})
            return
        aspect = self._aspect()
        if not self.background:
            from desktop.analysis.layout import layout

            self._draw(generation, network, layout(network, previous, aspect=aspect))
            return
        self._task = run_task(
            _layout_task(network, previous, aspect),
            on_done=lambda found: self._draw(generation, network, found),
            on_error=lambda message, _details: self._failed(generation, message),
        )

    BOTTOM_ASPECT_SHARE = 0.3
    """The share of the window's height a dock opening under the article is taken to have
    (``mainwindow.BOTTOM_SHARE``; ui/figures does not import the shell)."""

    def _aspect(self) -> float | None:
        """The width over the height the network is drawn out to: the view's once it is
        laid out, else the shape of a dock under the article (the first layout comes
        before the new dock is: its view was still Qt's 100×100)."""
        view = self.dock.view
        if not view.visibleRegion().isEmpty() and view.height() > 0:
            return view.width() / view.height()
        window = self.dock.window()
        if window is self.dock or window.height() <= 0:
            return None  # floating: no shape to go by
        return window.width() / (window.height() * self.BOTTOM_ASPECT_SHARE)

    def shown(self) -> NetworkShown:
        """What the dock shows, for a briefing or figure made from the window: its filters,
        and its network with the positions it is drawn at once it is laid out (none while
        a layout or a change is on its way: the figure is then laid out afresh)."""
        options = self.dock.options()
        network = self.network
        settled = (
            network is not None
            and self._task is None
            and not self._pending
            and not self._stale
            and network.options == options
            and all(node.id in self.positions for node in network.nodes)
        )
        if not settled or network is None:
            return NetworkShown(options)
        return NetworkShown(
            options, network, {node.id: self.positions[node.id] for node in network.nodes}
        )

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self._task = None
            self.dock.show_message(message)

    def _draw(self, generation: int, network: Network, found: dict[int, Point]) -> None:
        if generation != self._generation or self.session is None:
            return  # a newer network is on its way
        self._task = None
        self.positions.update(found)
        if found and len(network.nodes) + len(network.edges) >= FREEZE_ITEMS:
            # Laid out: a scene of new objects that lives until the network changes again.
            self._freeze.start()
        # Only what changed is made again: a tag does not clear the scene.
        self.dock.scene.update_network(network, self.positions, colours(self.session.project))
        self.dock.show_view()
        if not self._fitted or not self.dock.view.zoomed_by_hand:
            self._fitted = True
            self.dock.view.fit()
        said = counts()  # Arabic counts need their plural forms (٧ كيانات، ١١ رابطاً)
        self.dock.status.setText(
            f"{said.entities(len(network.nodes))} · {said.links(len(network.edges))}"
        )
        self.redrawn.emit()

    def _freeze_survivors(self) -> None:
        """The objects alive once a big network is drawn frozen (``FREEZE_ITEMS``), when
        idle: a gesture under way is not held by its collection."""
        if self.dock.scene.interacting:
            self._freeze.start()
            return
        freeze_survivors()

    # --- clicks ------------------------------------------------------------------------------
    def _follow_passages(self, network: Network, options: NetworkOptions) -> None:
        """The passages listed follow the filters: gone with their edge (a trial saw a
        removed edge's passages listed on), listed again when the level or articles changed."""
        if self._passages_of is None:
            return
        a, b, used = self._passages_of
        if not any({e.source, e.target} == {a, b} for e in network.edges):
            self._passages_of = None
            self.dock.passages.clear()
            self.dock.passages.hide()
        elif used != options:
            self.show_passages(a, b)

    def show_passages(self, a: int, b: int) -> None:
        if self.session is None:
            return
        options = self.dock.options()
        self._passages_of = (a, b, options)
        found = self.index.passages(a, b, options)
        tree = self.dock.passages
        tree.clear()
        texts: dict[int, str] = {}
        mentions: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
        for passage in found:
            if passage.document_id not in texts:
                try:
                    texts[passage.document_id] = self.session.project.documents.get(
                        passage.document_id
                    ).text
                except HamishError:
                    texts[passage.document_id] = ""
            text = texts[passage.document_id]
            whole = text[passage.start : passage.end]
            marks = mentions.get(passage.document_id)
            if marks is None:
                marks = mentions[passage.document_id] = self._mentions(passage.document_id, a, b)
            shown, html = _excerpt(text, passage.start, passage.end, marks)
            item = QTreeWidgetItem([label_text(passage.title), shown])
            item.setData(1, HTML_ROLE, html)  # the two names bold
            item.setToolTip(1, whole[:2000])
            item.setData(0, PASSAGE_ROLE, (passage.document_id, passage.start, passage.end))
            tree.addTopLevelItem(item)
        names = [
            label_text(self.index.entities[e].name) if e in self.index.entities else "?"
            for e in (a, b)
        ]
        tree.setHeaderLabels(
            [
                self.tr("Article"),
                self.tr("{a} and {b}: %n passage(s)", "", len(found)).format(
                    a=names[0], b=names[1]
                ),
            ]
        )
        self.dock.show_passages()

    def _mentions(
        self, document_id: int, a: int, b: int
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Where the article names each entity (code points)."""
        assert self.session is not None
        try:
            found = self.session.project.annotations.for_document(document_id, ordered=False)
        except HamishError:
            return [], []
        return (
            [(x.start, x.end) for x in found if x.entity_id == a],
            [(x.start, x.end) for x in found if x.entity_id == b],
        )

    def _open_passage(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        doc_id, start, end = item.data(0, PASSAGE_ROLE)
        self.api.open_at(doc_id, start, end)

    def choose_articles(self) -> None:
        if self.session is None:
            return
        titles = [
            (item.document_id, item.title)
            for item in sorted(self.index.contributions.values(), key=lambda c: c.document_id)
        ]
        chooser = ArticleChooser(titles, self.dock.documents, self.api.widget)
        if chooser.exec() == QDialog.DialogCode.Accepted:
            self.dock.documents = chooser.chosen()
            self.redraw()

    def compute_betweenness(self) -> None:
        if self.network is None or not self.network.nodes:
            return
        from desktop.analysis.layout import betweenness

        self._betweenness = betweenness(self.network)
        for node_id, item in self.dock.scene.nodes.items():
            value = self._betweenness.get(node_id, 0.0)
            item.setToolTip(
                item.toolTip().split("\n·")[0]
                + "\n· "
                + self.tr("betweenness {value}").format(value=f"{value:.3f}")
            )

    def export(self, kind: str) -> None:
        if self.session is None or self.network is None or not self.network.nodes:
            return
        from desktop.settings import FOLDER_FIGURES
        from desktop.ui.figures.export import write_png, write_svg
        from desktop.ui.figures.network import figure_scene
        from desktop.ui.transfer.save_paths import checked_target, export_folder
        from desktop.ui.widgets.files import remember_folder, save_file_name

        project_path = self.session.project.path
        if kind == "png":
            title, pattern = self.tr("Export the network as PNG"), self.tr("PNG image (*.png)")
        else:
            title, pattern = self.tr("Export the network as SVG"), self.tr("SVG image (*.svg)")
        suffix = f".{kind}"
        # A name to start from, and the suffix added to a name typed without it (the file
        # was written as "dock_net", and the SVG then offered to replace that PNG).
        base = export_folder(self.api.prefs, project_path, FOLDER_FIGURES)
        path = save_file_name(
            self.api.widget,
            title,
            str(base / f"{project_path.stem}-network{suffix}"),
            pattern,
        )
        if not path:
            return
        checked = checked_target(path, suffix, project_path, self.api.messenger, title)
        if checked is None:
            return
        remember_folder(self.api.prefs, FOLDER_FIGURES, checked.path.parent)
        scene = figure_scene(
            self.network, self.positions, colours(self.session.project), self.index
        )
        try:
            if kind == "png":
                write_png(scene, checked.path, overwrite=checked.existed, project_path=project_path)
            else:
                write_svg(
                    scene,
                    checked.path,
                    title=self.tr("Entity network"),
                    overwrite=checked.existed,
                    project_path=project_path,
                )
        except HamishError as error:
            self.api.messenger.error(self.tr("Cannot export the network"), str(error))
