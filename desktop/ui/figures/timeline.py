"""The claim timeline drawn by Qt: a scene (also the Word briefing's figure) and its view.

The data and the positions come from :mod:`desktop.analysis.timeline`; this module only
draws them. Each claim is a mark: its shape says its status, its colour its stance, its
opacity its grading; a partial date (a month, a year) is a bar under the mark across its
period; contradicts and supports links are curves (red, green); the lanes carry their
claimant's (or subject's) name; undated claims stand in their own column at the far end of
time. Right to left (Arabic), time runs from right to left and the names are on the right.

:class:`TimelineScene` updates mark by mark: a change that leaves a claim as it was keeps its
item (an edit of one claim replaces one mark; a zoom moves the marks). :func:`timeline_scene`
makes a finished figure with a white background and a legend, for the briefing, the command
line and the export buttons.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSimpleTextItem,
    QToolTip,
)

from desktop.analysis import timeline as tl
from desktop.core.controls import clean_line
from desktop.core.records import ClaimLink
from desktop.core.values import admiralty_grade
from desktop.store.project import Project

if TYPE_CHECKING:
    from desktop.io.exporters.report import FigureScope
from desktop.ui.figures.canvas import PAPER, Canvas
from desktop.ui.figures.export import (
    BRIEFING_PAPER,
    MARGIN_PT,
    NAME_PT,
    SMALL_PT,
    Paper,
    set_in_points,
)
from desktop.ui.i18n import QT_TRANSLATE_NOOP, counts, current_language, term

CONTEXT = "Timeline"

STANCE_COLORS = {"asserts": PAPER.asserts, "denies": PAPER.denies}
LINK_COLORS = {
    "contradicts": PAPER.contradicts,
    "supports": PAPER.supports,
    "repeats": PAPER.repeats,
}
"""On paper (``canvas.PAPER``); a scene draws in its ``canvas``'s."""
STATUS_SHAPES = {
    "unverified": "circle",
    "corroborated": "square",
    "contested": "diamond",
    "refuted": "cross",
}

MONTHS = (
    QT_TRANSLATE_NOOP("Timeline", "January"),
    QT_TRANSLATE_NOOP("Timeline", "February"),
    QT_TRANSLATE_NOOP("Timeline", "March"),
    QT_TRANSLATE_NOOP("Timeline", "April"),
    QT_TRANSLATE_NOOP("Timeline", "May"),
    QT_TRANSLATE_NOOP("Timeline", "June"),
    QT_TRANSLATE_NOOP("Timeline", "July"),
    QT_TRANSLATE_NOOP("Timeline", "August"),
    QT_TRANSLATE_NOOP("Timeline", "September"),
    QT_TRANSLATE_NOOP("Timeline", "October"),
    QT_TRANSLATE_NOOP("Timeline", "November"),
    QT_TRANSLATE_NOOP("Timeline", "December"),
)
"""Month names; the Arabic ones are those of Egyptian and Gulf outlets (يناير، فبراير…)."""


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def month_name(month: int) -> str:
    return _t(MONTHS[month - 1])


def measured(metrics: tl.Metrics, font: QFont | None = None) -> tl.Metrics:
    """``metrics`` with the widths of the tick labels as the scene draws them — the small
    font of ``font`` (None: the interface's), the interface's month names, a day's label with
    its year —, so the layout picks ticks whose labels do not overlap (issue 16)."""
    font = QFont(font if font is not None else QGuiApplication.font())
    return replace(metrics, tick_labels=_label_widths(font.toString(), current_language()))


@lru_cache(maxsize=8)
def _label_widths(font_text: str, language: str) -> tuple[float, float, float]:
    del language  # part of the cache's key: the month names follow it
    font = QFont()
    font.fromString(font_text)
    metrics = QFontMetricsF(_small(font))
    day = max(
        metrics.horizontalAdvance(tick_label(tl.Tick(0, "day", 2026, month, 28), first=True))
        for month in range(1, 13)
    )
    month_ = max(
        metrics.horizontalAdvance(tick_label(tl.Tick(0, "month", 2026, month, 1)))
        for month in range(1, 13)
    )
    return day, month_, metrics.horizontalAdvance("2026")


def _small(font: QFont) -> QFont:
    """The font of the axis and the legend: 85 % of the interface's (of a printed figure's:
    :data:`~.export.SMALL_PT`)."""
    small = QFont(font)
    if font.pixelSize() > 0:  # a figure laid out in points
        small.setPixelSize(SMALL_PT)
    else:
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
    return small


def tick_label(tick: tl.Tick, first: bool = False) -> str:
    """A tick's label: ``2024``, ``March 2024``, ``5 March`` (with its year on the first)."""
    if tick.unit == "year":
        return str(tick.year)
    if tick.unit == "month":
        return _t(QT_TRANSLATE_NOOP("Timeline", "{month} {year}")).format(
            month=month_name(tick.month), year=tick.year
        )
    text = _t(QT_TRANSLATE_NOOP("Timeline", "{day} {month}")).format(
        day=tick.date, month=month_name(tick.month)
    )
    return f"{text} {tick.year}" if first or (tick.month == 1 and tick.date <= 7) else text


def date_text(period: tl.Period | None) -> str:
    """A claim's date for its tooltip: ``5 March 2024``, ``March 2024``, ``2024``."""
    if period is None:
        return _t(QT_TRANSLATE_NOOP("Timeline", "Undated"))
    day = dt.date.fromordinal(period.first)
    if period.precision == "year":
        return str(day.year)
    if period.precision == "month":
        return _t(QT_TRANSLATE_NOOP("Timeline", "{month} {year}")).format(
            month=month_name(day.month), year=day.year
        )
    return _t(QT_TRANSLATE_NOOP("Timeline", "{day} {month} {year}")).format(
        day=day.day, month=month_name(day.month), year=day.year
    )


@dataclass(frozen=True, slots=True)
class TimelineOptions:
    """What a timeline shows and how. ``rtl``: None follows the interface language."""

    rtl: bool | None = None
    lanes: tl.LaneKind = "claimant"
    filters: tl.Filters = field(default_factory=tl.Filters)
    zoom: float = 1.0
    legend: bool = True
    metrics: tl.Metrics = field(default_factory=tl.Metrics)

    def right_to_left(self) -> bool:
        if self.rtl is not None:
            return self.rtl
        return QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


@functools.lru_cache(maxsize=64)
def mark_path(shape: str, size: float) -> QPainterPath:
    """A mark's outline centred on (0, 0) (made once per shape and size: an item copies it)."""
    h = size / 2
    path = QPainterPath()
    if shape == "square":
        path.addRect(QRectF(-h * 0.9, -h * 0.9, h * 1.8, h * 1.8))
    elif shape == "diamond":
        path.moveTo(0, -h * 1.15)
        path.lineTo(h * 1.15, 0)
        path.lineTo(0, h * 1.15)
        path.lineTo(-h * 1.15, 0)
        path.closeSubpath()
    elif shape == "cross":
        w = h * 0.38
        for angle in (45.0, -45.0):
            arm = QPainterPath()
            arm.addRect(QRectF(-h * 1.1, -w, h * 2.2, 2 * w))
            path = path.united(QTransform().rotate(angle).map(arm))
    else:
        path.addEllipse(QPointF(0, 0), h, h)
    return path


class ClaimMark(QGraphicsPathItem):
    """One claim in one lane."""

    def __init__(
        self, claim: tl.TimelineClaim, mark: tl.Mark, size: float, canvas: Canvas = PAPER
    ) -> None:
        super().__init__(mark_path(STATUS_SHAPES.get(claim.status, "circle"), size))
        self.claim_id = claim.id
        brush, pen = _stance_paint(claim.stance, canvas)
        self.setBrush(brush)
        self.setPen(pen)
        self.setOpacity(tl.grading_opacity(claim.reliability, claim.credibility))
        self.setPos(mark.x, mark.y)
        self.setZValue(3)
        self.setData(0, claim.id)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Its tooltip is written when asked for (TimelineScene.helpEvent): 5,000 of them
        # written up front were a third of drawing the timeline.


@functools.lru_cache(maxsize=8)
def _stance_paint(stance: str, canvas: Canvas) -> tuple[QBrush, QPen]:
    color = QColor(canvas.stance(stance))
    return QBrush(color), QPen(color.darker(150), 1.0)


def claim_tooltip(claim: tl.TimelineClaim) -> str:
    from html import escape

    from desktop.ops.outcome import short

    summary = short(claim.summary or claim.quote, 200)
    claimant = claim.claimant or _t(QT_TRANSLATE_NOOP("Timeline", "No claimant"))
    if claim.date_source == "article":
        when = _t(QT_TRANSLATE_NOOP("Timeline", "{date} (the article's date)")).format(
            date=date_text(claim.period)
        )
    else:
        when = date_text(claim.period)
    if claim.bad_date:
        when += " — " + _t(
            QT_TRANSLATE_NOOP("Timeline", "its date {date} could not be read")
        ).format(date=claim.claimed_on)
    grade = admiralty_grade(claim.reliability, claim.credibility)
    stance, status = term(claim.stance), term(claim.status)
    lines = [
        f"<b>{escape(summary)}</b>",
        escape(" · ".join(p for p in (claimant, stance, status, grade) if p)),
        escape(when),
        f"<i>{escape(short(claim.document_title, 80))}</i>",
    ]
    return "<br>".join(lines)


class TimelineScene(QGraphicsScene):
    """The timeline's items, updated mark by mark (see the module's docstring)."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        legend: bool = True,
        font: QFont | None = None,
        canvas: Canvas = PAPER,
    ) -> None:
        super().__init__(parent)
        self.canvas = canvas
        """Paper (white) for a figure; the window's theme in the dock."""
        self.setBackgroundBrush(QBrush(QColor(canvas.background)))
        self.legend = legend
        self.timeline: tl.Timeline | None = None
        self.layout: tl.Layout | None = None
        self.metrics = tl.Metrics()
        self.marks: dict[tuple[int, int], ClaimMark] = {}
        self.spans: dict[tuple[int, int], QGraphicsRectItem] = {}
        # Items drawn together and redrawn together: "frame" (lanes, axis, legend), "links",
        # "badges"; the marks and their period bars are updated one by one.
        self._layers: dict[str, list[QGraphicsItem]] = {"frame": [], "links": [], "badges": []}
        self._layer = "frame"
        self.remade: set[int] = set()  # the claims whose marks the last update (re)made
        self.redrawn: set[str] = set()  # the layers the last update redrew
        self.link_items: dict[int, tuple[ClaimLink, QGraphicsItem]] = {}  # by link id
        self.links_made = 0  # the link curves the last update made
        self.font_ = QFont(font if font is not None else QGuiApplication.font())
        self.small = _small(self.font_)

    def set_canvas(self, canvas: Canvas) -> None:
        """Draw on ``canvas`` (the window's theme changed): every item made again."""
        if canvas == self.canvas:
            return
        self.canvas = canvas
        self.setBackgroundBrush(QBrush(QColor(canvas.background)))
        timeline, layout = self.timeline, self.layout
        self.clear()
        self.marks = {}
        self.spans = {}
        self._layers = {"frame": [], "links": [], "badges": []}
        self.link_items = {}
        self.timeline = self.layout = None
        if timeline is not None and layout is not None:
            self.show_timeline(timeline, layout, self.metrics)

    def tooltip_at(self, point: QPointF) -> str:
        """The tooltip of the claim mark at ``point`` (scene coordinates), or ""."""
        if self.timeline is None:
            return ""
        for item in self.items(point):
            if isinstance(item, ClaimMark) and item.claim_id in self.timeline.claims:
                return claim_tooltip(self.timeline.claims[item.claim_id])
        return ""

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        text = self.tooltip_at(event.scenePos())
        if text:
            QToolTip.showText(event.screenPos(), text)
            event.accept()
            return
        super().helpEvent(event)

    # --- updating ----------------------------------------------------------------------------
    def show_timeline(self, timeline: tl.Timeline, layout: tl.Layout, metrics: tl.Metrics) -> None:
        """Draw ``timeline`` at ``layout``. Marks of unchanged claims stay (moved if their
        place changed), the others are made again; the frame (lanes, axis, legend) is redrawn
        only when the lanes or the axis changed, the links when one of their claims changed or
        moved, the hidden-marks badges when they changed."""
        before, old = self.timeline, self.layout
        self.metrics = metrics
        changed = (
            tl.changed_claims(before, timeline) if before is not None else set(timeline.claims)
        )
        old_marks = old.marks if old is not None else {}
        remade: set[int] = set()
        moved: set[int] = set()
        for key in list(self.marks):
            if key not in layout.marks or key[0] in changed:
                self.removeItem(self.marks.pop(key))
                self._drop_span(key)
        for key, mark in layout.marks.items():
            item = self.marks.get(key)
            if item is None:
                item = ClaimMark(timeline.claims[key[0]], mark, metrics.mark, self.canvas)
                self.addItem(item)
                self.marks[key] = item
                self._add_span(key, timeline.claims[key[0]], mark)
                remade.add(key[0])
            elif old_marks.get(key) != mark:
                item.setPos(mark.x, mark.y)
                self._drop_span(key)
                self._add_span(key, timeline.claims[key[0]], mark)
                moved.add(key[0])
        self.remade = remade
        self.timeline, self.layout = timeline, layout
        same = (
            before is not None
            and old is not None
            and tl.same_frame(old, layout)
            and old.ticks == layout.ticks
            and before.kind == timeline.kind
            and bool(before.claims) == bool(timeline.claims)
            # the total only says which empty timeline it is (none yet, or filtered out)
            and (bool(timeline.claims) or before.total == timeline.total)
        )
        touched = changed | remade | moved
        redraw = set()
        if not same:
            redraw = {"frame", "links", "badges"}
        else:
            assert before is not None and old is not None
            if before.links != timeline.links or any(
                link.from_claim in touched or link.to_claim in touched for link in timeline.links
            ):
                redraw.add("links")
            if old.badges != layout.badges:
                redraw.add("badges")
        self.redrawn = redraw
        self.links_made = 0
        for name in redraw:
            if name != "links" or not same:
                self._clear(name)
        if "frame" in redraw:
            self._layer = "frame"
            self._draw_frame()
        if "links" in redraw:
            self._layer = "links"
            if same:
                self._relink(timeline, layout, touched)
            else:
                self.link_items = {}
                self._draw_links(timeline, layout)
        if "badges" in redraw:
            self._layer = "badges"
            for badge in layout.badges:
                text = self._text(f"+{badge.hidden}", self.small, QColor(self.canvas.ink))
                text.setPos(badge.x + self.metrics.mark * 0.7, badge.y - 14)
                text.setZValue(4)
        self._layer = "frame"

    def _clear(self, layer: str) -> None:
        for item in self._layers[layer]:
            self.removeItem(item)
        self._layers[layer] = []

    def _add_span(self, key: tuple[int, int], claim: tl.TimelineClaim, mark: tl.Mark) -> None:
        """A partial date's period: a bar under its mark."""
        if mark.span is None:
            return
        color = QColor(self.canvas.stance(claim.stance))
        color.setAlpha(60)
        left, right = mark.span
        bar = QGraphicsRectItem(left, mark.y - 2, max(1.0, right - left), 4)
        bar.setBrush(QBrush(color))
        bar.setPen(QPen(Qt.PenStyle.NoPen))
        bar.setZValue(1)
        self.addItem(bar)
        self.spans[key] = bar

    def _drop_span(self, key: tuple[int, int]) -> None:
        bar = self.spans.pop(key, None)
        if bar is not None:
            self.removeItem(bar)

    def _draw_frame(self) -> None:
        timeline, layout = self.timeline, self.layout
        assert timeline is not None and layout is not None
        bottom = layout.height
        if not timeline.claims:
            text = (
                _t(
                    QT_TRANSLATE_NOOP(
                        "Timeline",
                        "No claims yet: tag a passage with the Claim label to see it here.",
                    )
                )
                if timeline.total == 0
                else _t(QT_TRANSLATE_NOOP("Timeline", "No claim matches these filters."))
            )
            item = self._text(text, self.font_, QColor(self.canvas.faint))
            width = item.boundingRect().width()
            item.setPos(0, 16)
            # The scene is the sentence alone, which the view puts where reading starts:
            # centred in the plot's width, wider than the view, it was cut at the dock's edge
            # («…ت بعد: وسم مقطعًا…» on a first run at 1024×640).
            self.setSceneRect(QRectF(-12, 0, width + 24, max(60.0, layout.height)))
            return
        self._draw_lanes(layout)
        self._draw_axis(layout)
        if self.legend:
            bottom = self._draw_legend(layout, bottom + 12)
        self.setSceneRect(self._decor_rect(layout, bottom + 8))

    def _decor_rect(self, layout: tl.Layout, height: float) -> QRectF:
        return QRectF(0, 0, layout.width, max(height, layout.height))

    def _keep(self, item: QGraphicsItem) -> QGraphicsItem:
        self.addItem(item)
        self._layers[self._layer].append(item)
        return item

    def _text(self, text: str, font: QFont, color: QColor) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(text)
        item.setFont(font)
        item.setBrush(QBrush(color))
        self._keep(item)
        return item

    def _draw_lanes(self, layout: tl.Layout) -> None:
        metrics = QFontMetricsF(self.font_)
        left, right = layout.label_x
        kind = self.timeline.kind if self.timeline is not None else "claimant"
        for index, lane in enumerate(layout.lanes):
            if index % 2 == 0:
                shade = QGraphicsRectItem(0, lane.top, layout.width, lane.height)
                shade.setBrush(QBrush(QColor(self.canvas.shade)))
                shade.setPen(QPen(Qt.PenStyle.NoPen))
                shade.setZValue(-10)
                self._keep(shade)
            # One line, without controls or bidi overrides (an override reordered a lane's
            # name, "evil" drawn "live", found by the attacker), as the network draws names.
            name = " ".join(clean_line(lane.name).split()) or (
                _t(QT_TRANSLATE_NOOP("Timeline", "No claimant"))
                if kind == "claimant"
                else _t(QT_TRANSLATE_NOOP("Timeline", "No subject"))
            )
            shown = metrics.elidedText(name, Qt.TextElideMode.ElideRight, right - left - 6)
            item = self._text(
                shown, self.font_, QColor(self.canvas.ink if lane.name else self.canvas.faint)
            )
            if name != shown:
                item.setToolTip(name[:500])
            width = item.boundingRect().width()
            x = right - width - 4 if layout.rtl else left + 2
            item.setPos(x, lane.top + lane.height / 2 - metrics.height() / 2)

    def _draw_axis(self, layout: tl.Layout) -> None:
        top = layout.lanes[0].top if layout.lanes else layout.height
        pen = QPen(QColor(self.canvas.faint), 1)
        axis_y = top - 6
        if layout.ticks:
            line = self._keep(
                QGraphicsPathItem(_line(layout.plot[0], axis_y, layout.plot[1], axis_y))
            )
            assert isinstance(line, QGraphicsPathItem)
            line.setPen(pen)
        grid = QPen(QColor(self.canvas.grid), 1, Qt.PenStyle.DotLine)
        last = len(layout.ticks) - 1
        for number, (x, tick) in enumerate(layout.ticks):
            mark = self._keep(QGraphicsPathItem(_line(x, axis_y - 4, x, layout.height)))
            assert isinstance(mark, QGraphicsPathItem)
            mark.setPen(grid)
            mark.setZValue(-5)
            # The first's year, and the last's too (a narrow axis labels its two ends).
            label = self._text(
                tick_label(tick, first=number in (0, last)), self.small, QColor(self.canvas.ink)
            )
            width = label.boundingRect().width()
            label.setPos(x - width / 2, axis_y - 8 - label.boundingRect().height())
        if layout.undated is not None:
            left, right = layout.undated
            label = self._text(
                _t(QT_TRANSLATE_NOOP("Timeline", "Undated")), self.small, QColor(self.canvas.faint)
            )
            width = label.boundingRect().width()
            label.setPos((left + right - width) / 2, axis_y - 8 - label.boundingRect().height())
            edge = (
                left - self.metrics.undated_gap / 2
                if not layout.rtl
                else right + (self.metrics.undated_gap / 2)
            )
            sep = self._keep(QGraphicsPathItem(_line(edge, axis_y - 4, edge, layout.height)))
            assert isinstance(sep, QGraphicsPathItem)
            sep.setPen(QPen(QColor(self.canvas.faint), 1, Qt.PenStyle.DashLine))

    def _relink(self, timeline: tl.Timeline, layout: tl.Layout, touched: set[int]) -> None:
        """Make again the curves of the links that changed or whose claims did; keep the
        others (the lanes and the axis are as they were)."""
        wanted = {link.id: link for link in timeline.links}
        for link_id, (link, item) in list(self.link_items.items()):
            if (
                wanted.get(link_id) != link
                or link.from_claim in touched
                or link.to_claim in touched
            ):
                self.removeItem(item)
                del self.link_items[link_id]
        self._layers["links"] = [item for _link, item in self.link_items.values()]
        missing = [link for link in timeline.links if link.id not in self.link_items]
        if missing:
            self._draw_links(timeline, layout, missing)

    def _draw_links(
        self, timeline: tl.Timeline, layout: tl.Layout, links: list[ClaimLink] | None = None
    ) -> None:
        ceiling = layout.lanes[0].top + 2 if layout.lanes else 0.0
        first: dict[int, tl.Mark] = {}
        for (claim_id, _lane), mark in layout.marks.items():
            first.setdefault(claim_id, mark)
        for link in timeline.links if links is None else links:
            a, b = first.get(link.from_claim), first.get(link.to_claim)
            if a is None or b is None:
                continue
            item = self._keep(
                link_item(link, QPointF(a.x, a.y), QPointF(b.x, b.y), ceiling, self.canvas)
            )
            self.link_items[link.id] = (link, item)
            self.links_made += 1

    def _draw_legend(self, layout: tl.Layout, top: float) -> float:
        """The legend under the lanes, as wide as the figure (see :func:`draw_legend`)."""
        return draw_legend(
            self._keep,
            width=layout.width,
            rtl=layout.rtl,
            top=top,
            font=self.small,
            mark=self.metrics.mark,
            canvas=self.canvas,
        )


def draw_legend(
    keep: Callable[[QGraphicsItem], object],
    *,
    width: float,
    rtl: bool,
    top: float,
    font: QFont,
    mark: float,
    canvas: Canvas = PAPER,
) -> float:
    """A legend ``width`` wide from ``top`` down, flowing in the reading direction, in
    sections each under its heading — the stance (the colour), the status (the shape), the
    links, the other marks: without them «يؤكد» (asserts) and «مؤكَّد» (corroborated) stood
    side by side, and a reader could not tell a stance from a status. A section that fits on
    a line is never broken across two: «يدعم» (supports) wrapped away from its «الروابط:»
    (links) heading onto the next section's line. ``keep`` adds each item to the scene (the
    figure's, or the dock's legend's own, which does not zoom or scroll with the
    timeline). Returns its bottom."""
    stances: list[tuple[QGraphicsItem, str]] = []
    for stance in STANCE_COLORS:
        color = canvas.stance(stance)
        item = QGraphicsPathItem(mark_path("circle", mark))
        item.setBrush(QBrush(QColor(color)))
        item.setPen(QPen(QColor(color).darker(150), 1))
        stances.append((item, term(stance)))
    statuses: list[tuple[QGraphicsItem, str]] = []
    for status, shape in STATUS_SHAPES.items():
        item = QGraphicsPathItem(mark_path(shape, mark))
        item.setBrush(QBrush(QColor(canvas.faint)))
        item.setPen(QPen(QColor(canvas.faint).darker(150), 1))
        statuses.append((item, term(status)))
    links: list[tuple[QGraphicsItem, str]] = []
    for kind in ("contradicts", "supports"):
        line = QGraphicsPathItem(_line(-10, 0, 10, 0))
        line.setPen(QPen(QColor(canvas.link(kind)), 2))
        links.append((line, term(kind)))
    faint = QGraphicsPathItem(mark_path("circle", mark))
    faint.setBrush(QBrush(QColor(canvas.asserts)))
    faint.setOpacity(0.4)
    bar = QGraphicsRectItem(-10, -2, 20, 4)
    bar.setBrush(QBrush(QColor(canvas.bar)))
    bar.setPen(QPen(Qt.PenStyle.NoPen))
    marks: list[tuple[QGraphicsItem, str]] = [
        (faint, _t(QT_TRANSLATE_NOOP("Timeline", "fainter: weaker grading"))),
        (bar, _t(QT_TRANSLATE_NOOP("Timeline", "bar: a month or a year"))),
    ]
    sections = (
        (_t(QT_TRANSLATE_NOOP("Timeline", "Stance (colour):")), stances),
        (_t(QT_TRANSLATE_NOOP("Timeline", "Status (shape):")), statuses),
        (_t(QT_TRANSLATE_NOOP("Timeline", "Links:")), links),
        (_t(QT_TRANSLATE_NOOP("Timeline", "Marks:")), marks),
    )
    metrics = QFontMetricsF(font)
    heading_font = QFont(font)
    heading_font.setBold(True)
    row_height = max(metrics.height(), mark) + 6
    margin = 12.0
    x, y = margin, top
    usable = max(300.0, width - 2 * margin)

    def text(words: str, font: QFont) -> QGraphicsSimpleTextItem:
        item = QGraphicsSimpleTextItem(words)
        item.setFont(font)
        item.setBrush(QBrush(QColor(canvas.ink)))
        keep(item)
        return item

    def place(item: QGraphicsItem, at: float, width_: float) -> None:
        """``item`` ``at`` from the start of the line (the right in Arabic)."""
        left = width - at - width_ if rtl else at
        item.setPos(left, y + (row_height - metrics.height()) / 2)

    for heading, entries in sections:
        title = text(heading, heading_font)
        title_width = title.boundingRect().width() + 10
        labels = [text(words, font) for _, words in entries]
        widths = [24 + label.boundingRect().width() + 16 for label in labels]
        whole = title_width + sum(widths)
        # A section starts after a gap; on a new line when it would not fit whole on this
        # one but does on a line of its own, or when not even its heading and first entry
        # fit (a heading never ends a line).
        if x > margin:
            x += 14
            end = margin + usable
            if (x + whole > end and whole <= usable) or x + title_width + widths[0] > end:
                x, y = margin, y + row_height
        place(title, x, title.boundingRect().width())
        x += title_width
        for (symbol, _), label, width_ in zip(entries, labels, widths, strict=True):
            if x + width_ > margin + usable:
                x, y = margin + title_width, y + row_height  # under the section's entries
            # x runs from the start of a line: the left in English, the right in Arabic
            start = width - x - 10 if rtl else x + 10
            keep(symbol)
            symbol.setPos(start, y + row_height / 2)
            place(label, x + 24, label.boundingRect().width())
            x += width_
    return y + row_height


def _line(x1: float, y1: float, x2: float, y2: float) -> QPainterPath:
    path = QPainterPath(QPointF(x1, y1))
    path.lineTo(x2, y2)
    return path


def link_item(
    link: ClaimLink, a: QPointF, b: QPointF, ceiling: float = -1e9, canvas: Canvas = PAPER
) -> QGraphicsPathItem:
    """A curve between two marks, bowing upwards, never above ``ceiling`` (the lanes' top)."""
    path = QPainterPath(a)
    lift = max(12.0, min(40.0, abs(b.x() - a.x()) * 0.15))
    middle_y = max(min(a.y(), b.y()) - lift, ceiling)
    path.cubicTo(QPointF(a.x(), middle_y), QPointF(b.x(), middle_y), b)
    item = QGraphicsPathItem(path)
    style = Qt.PenStyle.DashLine if link.kind == "repeats" else Qt.PenStyle.SolidLine
    pen = QPen(QColor(canvas.link(link.kind)), 1.6, style)
    item.setPen(pen)
    item.setZValue(2)
    item.setToolTip(term(link.kind))
    return item


def compute(project: Project, options: TimelineOptions) -> tuple[tl.Timeline, tl.Layout]:
    """The timeline of ``project`` and its layout, as ``options`` say."""
    timeline = tl.build(tl.read(project), kind=options.lanes, filters=options.filters)
    layout = tl.lay_out(
        timeline, rtl=options.right_to_left(), zoom=options.zoom, metrics=measured(options.metrics)
    )
    return timeline, layout


def _need_application() -> None:
    from PySide6.QtWidgets import QApplication

    if not isinstance(QCoreApplication.instance(), QApplication):
        # QGraphicsScene crashes the process (SIGSEGV) under a bare QGuiApplication.
        raise RuntimeError(
            "timeline_scene needs a QApplication, as every QGraphicsScene does: make one with "
            "desktop.app.create_application (QT_QPA_PLATFORM=offscreen for no window)"
        )


def timeline_scene(project: Project, options: TimelineOptions | None = None) -> QGraphicsScene:
    """A finished timeline figure of ``project``: white background, legend, the direction of
    ``options.rtl`` (else the interface's). Needs a QApplication — an offscreen one will do
    (``desktop.app.create_application``); under a bare QGuiApplication any QGraphicsScene
    crashes the process, so this raises RuntimeError instead."""
    _need_application()
    options = options or TimelineOptions()
    timeline, layout = compute(project, options)
    scene = TimelineScene(legend=options.legend)
    scene.show_timeline(timeline, layout, options.metrics)
    return scene


PRINTED_LANES = 40
"""The most lanes a printed timeline draws (the fullest): a page holds a few dozen."""
LOW_ROW = 10.0
LOW_PADDING = 2.0
"""A printed timeline's closest lanes (points): a row of marks and the padding on each side of
a lane, down from 12 and 5 when the lanes would not fit the page's height."""


def paper_font() -> QFont:
    """The lanes' font of a timeline laid out in points: the interface's family,
    :data:`~.export.NAME_PT` points (one unit a point); its axis and legend get SMALL_PT."""
    font = QFont(QGuiApplication.font())
    font.setPixelSize(NAME_PT)
    return font


def paper_metrics(paper: Paper, font: QFont, undated: bool) -> tl.Metrics:
    """The sizes of a timeline laid out in points across ``paper``'s width (less its margins):
    the lanes' names in a column of a quarter of it, the marks and rows in proportion to the
    text, the dated part the rest (less the undated column's when there are ``undated``
    claims). Each end as wide as half the widest tick label, which is centred on its tick."""
    base = measured(tl.Metrics(), font)
    edge = max(10.0, max(base.tick_labels) / 2 + 2)
    metrics = replace(
        base,
        tick_gap=8.0,
        lane_label=round(paper.width / 4),
        axis_height=30.0,
        row=12.0,
        lane_padding=5.0,
        mark=8.0,
        undated_gap=20.0,
        undated_columns=6,
        edge=edge,
    )
    room = paper.width - 2 * MARGIN_PT - metrics.lane_label - 2 * edge
    if undated:
        room -= metrics.undated_gap + metrics.undated_columns * metrics.mark * 1.25
    return replace(metrics, plot_width=max(50.0, room))


def figure_scene(
    project: Project, options: TimelineOptions | None = None, paper: Paper | None = None
) -> QGraphicsScene:
    """The timeline of ``project`` as a figure for ``paper`` (None: ``Paper()``), laid out in
    points (``export.set_in_points``): as wide as the paper, its lanes' names
    :data:`~.export.NAME_PT` and its dates and legend :data:`~.export.SMALL_PT` points high
    whatever the number of claims, lanes or years (the window's 1,100-unit timeline drawn on
    a page printed them at about 4 pt). ``options``: the lanes, the filters and the direction
    (its zoom and metrics are the window's, not used)."""
    _need_application()
    options = options or TimelineOptions()
    paper = paper or Paper()
    font = paper_font()
    timeline = tl.build(tl.read(project), kind=options.lanes, filters=options.filters)
    timeline, hidden = tl.keep_lanes(timeline, PRINTED_LANES)
    metrics = paper_metrics(paper, font, undated=timeline.undated > 0)
    layout = tl.lay_out(timeline, rtl=options.right_to_left(), metrics=metrics)
    scene = TimelineScene(legend=options.legend, font=font)
    scene.show_timeline(timeline, layout, metrics)
    content = scene.itemsBoundingRect().united(scene.sceneRect())
    room = paper.max_height - 2 * MARGIN_PT - (2 * SMALL_PT if hidden else 0)
    if content.height() > room and layout.lanes:
        # Too tall for the page (it would be drawn narrower, its text smaller): the lanes
        # closer, down to a row of text each.
        rows = sum(
            round((lane.height - 2 * metrics.lane_padding) / metrics.row) for lane in layout.lanes
        )
        count = len(layout.lanes)
        lanes_height = sum(lane.height for lane in layout.lanes)
        wanted = room - (content.height() - lanes_height)
        # row = LOW_ROW + 2 t, padding = LOW_PADDING + 3 t, t from 0 (closest) to 1 (as before)
        low = rows * LOW_ROW + 2 * count * LOW_PADDING
        t = max(0.0, min(1.0, (wanted - low) / max(1.0, 2 * rows + 6 * count)))
        metrics = replace(metrics, row=LOW_ROW + 2 * t, lane_padding=LOW_PADDING + 3 * t)
        layout = tl.lay_out(timeline, rtl=options.right_to_left(), metrics=metrics)
        scene.clear()
        scene = TimelineScene(legend=options.legend, font=font)
        scene.show_timeline(timeline, layout, metrics)
        content = scene.itemsBoundingRect().united(scene.sceneRect())
    if hidden:
        # Said under the figure, on the reading side: not every lane is drawn.
        note = QGraphicsSimpleTextItem(
            _t(
                QT_TRANSLATE_NOOP(
                    "Timeline", "Not drawn: {lanes}; the {most} with the most claims are shown."
                )
            ).format(lanes=counts().lanes(hidden), most=PRINTED_LANES)
        )
        note_font = QFont(font)
        note_font.setPixelSize(SMALL_PT)
        note.setFont(note_font)
        note.setBrush(QColor(PAPER.faint))
        wide = note.boundingRect().width()
        left = content.right() - wide if options.right_to_left() else content.left()
        note.setPos(left, content.bottom() + SMALL_PT / 2)
        scene.addItem(note)
        content = scene.itemsBoundingRect().united(scene.sceneRect())
    width = max(paper.width, content.width() + 2 * MARGIN_PT)
    set_in_points(
        scene,
        QRectF(
            content.center().x() - width / 2,
            content.top() - MARGIN_PT,
            width,
            content.height() + 2 * MARGIN_PT,
        ),
    )
    return scene


def briefing_scene(
    project: Project,
    rtl: bool,
    scope: FigureScope | None = None,
    shown: TimelineOptions | None = None,
) -> QGraphicsScene:
    """The timeline of the briefing's claims (``scope``: its articles and claim status;
    None: all) as a figure of a briefing written ``rtl`` (time from right to left in an
    Arabic briefing, whatever the interface's language), laid out for the page. ``shown``:
    made from the window, the Claim Timeline's options — its lanes and filters, within the
    briefing's articles and status."""
    filters = shown.filters if shown is not None else tl.Filters()
    lanes = shown.lanes if shown is not None else "claimant"
    if scope is not None:
        articles = scope.articles()
        if articles is not None:
            both = articles & filters.documents if filters.documents else articles
            filters = replace(filters, documents=both or frozenset({0}))  # 0: no article
        if scope.claim_status is not None:
            wanted = frozenset({scope.claim_status})
            statuses = filters.statuses & wanted if filters.statuses else wanted
            filters = replace(filters, statuses=statuses or frozenset({""}))  # none
    options = TimelineOptions(rtl=rtl, lanes=lanes, filters=filters)
    return figure_scene(project, options, BRIEFING_PAPER)
