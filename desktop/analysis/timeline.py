"""The claim timeline, Qt-free: every claim placed on a time axis, in lanes, and laid out.

A claim's date is its own (``Claim.claimed_on``), else its article's publication date, else
it is *undated*: undated claims are shown apart, at the far end of the axis, never dropped. A
date may be partial — ``2024`` or ``2024-03`` — and then stands for its whole period: the mark
sits in the middle of the period and the period is drawn as a bar. A date that cannot be read
(``next week``, ``2024-13-45``, year 0) counts as missing, and the claim says so.

Lanes are one per claimant or one per subject (a claim about two entities is in both subject
lanes); they are ordered by their first claim, then by name; the lane of claims without a
claimant (or subject) comes last. Within a lane claims are ordered by date, then article, then
offset. :func:`lay_out` turns the timeline into positions (scene units: pixels at zoom 1),
left to right or — for Arabic — right to left, the earliest claim on the right.

The computation reads nothing: :func:`build` takes the store's
:class:`~desktop.store.claims.TimelineSource`; :func:`read` reads one from a project.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from desktop.core.records import ClaimLink, ClaimRow
from desktop.core.text import natural_key
from desktop.store.claims import TimelineSource
from desktop.store.project import Project

LaneKind = Literal["claimant", "subject"]
DateSource = Literal["claim", "article", "undated"]
Precision = Literal["day", "month", "year"]
TickUnit = Literal["day", "month", "year"]

# ASCII digits only (\d took "１２３４-０１-０１" in full-width digits for a date); a time after the
# date is ignored, but one that is no time of day ("T25:00:00") makes the date no date.
_DATE = re.compile(r"^\s*([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?([T ][^\n]*)?\s*$", re.ASCII)
_TIME = re.compile(r"^[T ]\s*([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?", re.ASCII)

NO_LANE = -1
"""The key of the lane of claims with no claimant (or no subject)."""


class Period(NamedTuple):
    """A date as the days it covers: ``first`` and ``last`` are proleptic Gregorian ordinals
    (``datetime.date.toordinal``), both included."""

    text: str  # normalised: 2024, 2024-03 or 2024-03-05
    first: int
    last: int
    precision: Precision

    @property
    def middle(self) -> float:
        """Where a mark for the period sits, in days (a day's mark is at its noon)."""
        return (self.first + self.last + 1) / 2


@functools.lru_cache(maxsize=8192)
def parse_date(text: str | None) -> Period | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a time after it is ignored) as a Period, or
    None when there is no date or it is not a real one."""
    if not text:
        return None
    match = _DATE.match(text)
    if match is None:
        return None
    time = None if match[4] is None else _TIME.match(match[4])
    if time is not None and (int(time[1]) > 23 or int(time[2]) > 59 or int(time[3] or 0) > 60):
        return None
    year = int(match[1])
    try:
        if match[3] is not None:
            day = dt.date(year, int(match[2]), int(match[3]))
            return Period(day.isoformat(), day.toordinal(), day.toordinal(), "day")
        if match[2] is not None:
            month = int(match[2])
            first = dt.date(year, month, 1)
            # December ends on the 31st: the day after it does not exist in year 9999, whose
            # "9999-12" fell back to the article's date.
            if month == 12:
                end = dt.date(year, 12, 31).toordinal()
            else:
                end = dt.date(year, month + 1, 1).toordinal() - 1
            return Period(f"{year:04d}-{month:02d}", first.toordinal(), end, "month")
        first = dt.date(year, 1, 1)
        last = dt.date(year, 12, 31)
        return Period(f"{year:04d}", first.toordinal(), last.toordinal(), "year")
    except (ValueError, OverflowError):
        return None


@dataclass(frozen=True, slots=True)
class Filters:
    """Which claims the timeline shows; None (or empty) means any. ``date_from``/``date_to``
    may be partial dates (``2024`` from its first day, to its last); undated claims are shown
    whatever the date range unless ``undated`` is False."""

    documents: frozenset[int] | None = None
    date_from: str | None = None
    date_to: str | None = None
    claimants: frozenset[int | None] | None = None
    stances: frozenset[str] | None = None
    statuses: frozenset[str] | None = None
    undated: bool = True


class TimelineClaim(NamedTuple):
    id: int
    annotation_id: int
    document_id: int
    document_title: str
    start: int
    end: int
    summary: str
    quote: str
    claimant_id: int | None
    claimant: str
    subjects: tuple[int, ...]
    stance: str
    status: str
    reliability: str | None
    credibility: int | None
    period: Period | None
    date_source: DateSource
    claimed_on: str | None  # as stored, even when it could not be read
    lanes: tuple[int, ...]  # indexes into Timeline.lanes

    @property
    def sort_key(self) -> tuple[int, int, int, int, int]:
        if self.period is None:
            return (1, 0, self.document_id, self.start, self.id)
        return (0, self.period.first, self.period.last, self.document_id, self.start)

    @property
    def bad_date(self) -> bool:
        """The claim has a date of its own that could not be read."""
        return bool(self.claimed_on) and self.date_source != "claim"


class Lane(NamedTuple):
    key: int  # the entity id, or NO_LANE
    name: str
    claims: tuple[int, ...]  # claim ids in order: date, article, offset (undated last)


@dataclass(slots=True)
class Timeline:
    kind: LaneKind
    lanes: list[Lane]
    claims: dict[int, TimelineClaim]  # in order of Timeline.order
    links: list[ClaimLink]
    first: int | None  # the first and last day of any dated claim (ordinals)
    last: int | None
    total: int = 0  # claims in the project, before the filters

    @property
    def undated(self) -> int:
        return sum(1 for c in self.claims.values() if c.period is None)


def grading_opacity(reliability: str | None, credibility: int | None) -> float:
    """How opaque a claim's mark is: A1 fully, an ungraded or cannot-be-judged claim at
    0.8, E5 at 0.4 (the least)."""
    r = {"A": 1.0, "B": 0.85, "C": 0.7, "D": 0.55, "E": 0.4}.get(reliability or "", 0.8)
    c = {1: 1.0, 2: 0.85, 3: 0.7, 4: 0.55, 5: 0.4}.get(credibility or 0, 0.8)
    return round((r + c) / 2, 3)


def read(project: Project) -> TimelineSource:
    return project.claims.timeline_source()


def read_again(
    project: Project,
    source: TimelineSource,
    claim_ids: Iterable[int],
    document_ids: Iterable[int] = (),
) -> tuple[TimelineSource, int, set[int]]:
    """``source`` with the claims ``claim_ids`` and the claims of the articles
    ``document_ids`` read again — added, changed or gone —, with their links, articles' dates
    and entities' names: what one edit changed, without reading every claim. Also returns
    how many claim rows were read, and the claims that may have changed (for
    :func:`rebuild`); ``source`` itself when nothing needed reading."""
    claims, documents = set(claim_ids), set(document_ids)
    if documents:
        # An article "changed" by a tag in it keeps its claims as they were: only a new
        # title or date (or its deletion) changes them.
        heads = project.claims.article_heads(sorted(documents))
        held = {row.document_id: row.document_title for row in source.rows}
        documents = {
            d
            for d in documents
            if d not in heads or heads[d] != (held.get(d), source.published.get(d))
        }
    if not claims and not documents:
        return source, 0, set()  # the very same source: nothing to compute again
    part = project.claims.timeline_part(sorted(claims), sorted(documents))
    touched = claims | {row.claim.id for row in part.rows}
    touched.update(row.claim.id for row in source.rows if row.document_id in documents)
    return patched(source, part, claims, documents), len(part.rows), touched


def patched(
    source: TimelineSource, part: TimelineSource, claims: set[int], documents: set[int]
) -> TimelineSource:
    """``source`` with its rows of ``claims`` and of the articles ``documents`` replaced by
    ``part``'s (read for those): the same as reading every claim again."""
    dropped = {
        row.claim.id
        for row in source.rows
        if row.claim.id in claims or row.document_id in documents
    }
    gone = dropped | claims | {row.claim.id for row in part.rows}
    rows = [row for row in source.rows if row.claim.id not in gone] + part.rows
    links = {link.id: link for link in source.links if not {link.from_claim, link.to_claim} & gone}
    links.update((link.id, link) for link in part.links)
    return TimelineSource(
        rows,
        {**source.published, **part.published},
        {**source.names, **part.names},
        [links[key] for key in sorted(links)],
    )


Key = tuple[int, int, int, int, int]


def _place(
    row: ClaimRow,
    published: dict[int, str | None],
    filters: Filters,
    low: Period | None,
    high: Period | None,
) -> tuple[Key, Period | None, DateSource] | None:
    """Where a claim goes on the axis — its order key, period and the date's origin —, or
    None when ``filters`` leave it out."""
    claim = row.claim
    if filters.documents and row.document_id not in filters.documents:
        return None
    if filters.claimants and claim.claimant_id not in filters.claimants:
        return None
    if filters.stances and claim.stance not in filters.stances:
        return None
    if filters.statuses and claim.status not in filters.statuses:
        return None
    period = parse_date(claim.claimed_on)
    origin: DateSource = "claim"
    if period is None:
        period = parse_date(published.get(row.document_id))
        origin = "article" if period is not None else "undated"
    if period is None:
        if not filters.undated:
            return None
        return (1, 0, row.document_id, row.start, claim.id), None, "undated"
    if (low is not None and period.last < low.first) or (
        high is not None and period.first > high.last
    ):
        return None
    return (0, period.first, period.last, row.document_id, row.start), period, origin


def _timeline_claim(
    row: ClaimRow, period: Period | None, origin: DateSource, lanes: tuple[int, ...]
) -> TimelineClaim:
    claim = row.claim
    return TimelineClaim(
        claim.id,
        claim.annotation_id,
        row.document_id,
        row.document_title,
        row.start,
        row.end,
        claim.summary,
        row.quote,
        claim.claimant_id,
        row.claimant,
        claim.subjects,
        claim.stance,
        claim.status,
        claim.reliability,
        claim.credibility,
        period,
        origin,
        claim.claimed_on,
        lanes,
    )


def build(
    source: TimelineSource,
    *,
    kind: LaneKind = "claimant",
    filters: Filters | None = None,
) -> Timeline:
    """Place every claim of ``source`` that passes ``filters`` in its lanes, in order."""
    filters = filters or Filters()
    low = parse_date(filters.date_from)
    high = parse_date(filters.date_to)
    placed: list[tuple[Key, ClaimRow, Period | None, DateSource]] = []
    for row in source.rows:
        found = _place(row, source.published, filters, low, high)
        if found is not None:
            placed.append((found[0], row, found[1], found[2]))
    # The claim id last: the same order whatever order the rows were read in.
    placed.sort(key=lambda entry: (entry[0], entry[1].claim.id))
    # Lanes, in the order of their first claim (placed is sorted), the empty lane last.
    members: dict[int, list[int]] = {}
    first_of: dict[int, Key] = {}
    names: dict[int, str] = {}
    for key, row, _period, _origin in placed:
        for lane in _lane_keys(row.claim.claimant_id, row.claim.subjects, kind):
            if lane not in members:
                members[lane] = []
                first_of[lane] = key
                names[lane] = _lane_name(lane, kind, source.names, row.claimant)
            members[lane].append(row.claim.id)
    # Lanes whose first claims share a date go by name, numbers as numbers: كيان2 before
    # كيان10 (a thousand lanes of numbered names read 1, 10, 100, 1000, 101…).
    order = sorted(
        members,
        key=lambda k: (k == NO_LANE, first_of[k][:3], natural_key(names[k].casefold()), k),
    )
    lanes = [Lane(key, names[key], tuple(members[key])) for key in order]
    index = {lane.key: i for i, lane in enumerate(lanes)}
    claims: dict[int, TimelineClaim] = {}
    for _key, row, period, origin in placed:
        claim = row.claim
        lane_keys = _lane_keys(claim.claimant_id, claim.subjects, kind)
        claims[claim.id] = _timeline_claim(
            row, period, origin, tuple(sorted(index[k] for k in lane_keys))
        )
    return _finished(kind, lanes, claims, source)


def _finished(
    kind: LaneKind, lanes: list[Lane], claims: dict[int, TimelineClaim], source: TimelineSource
) -> Timeline:
    dated = [c.period for c in claims.values() if c.period is not None]
    links = [link for link in source.links if link.from_claim in claims and link.to_claim in claims]
    return Timeline(
        kind,
        lanes,
        claims,
        links,
        min((p.first for p in dated), default=None),
        max((p.last for p in dated), default=None),
        len(source.rows),
    )


def keep_lanes(timeline: Timeline, most: int) -> tuple[Timeline, int]:
    """``timeline`` with only its ``most`` fullest lanes (the most claims; the first of equals),
    in their order, the claims and links they hold, and how many lanes were left out. A page
    holds a few dozen lanes: 3,000 claimants printed a timeline 12,000 pixels tall and 0.2 cm
    wide in the briefing (found by an attacker)."""
    if len(timeline.lanes) <= most:
        return timeline, 0
    fullest = sorted(range(len(timeline.lanes)), key=lambda i: (-len(timeline.lanes[i].claims), i))
    chosen = sorted(fullest[: max(0, most)])
    lanes = [timeline.lanes[i] for i in chosen]
    kept = {claim for lane in lanes for claim in lane.claims}
    claims = {key: claim for key, claim in timeline.claims.items() if key in kept}
    dated = [c.period for c in claims.values() if c.period is not None]
    links = [
        link for link in timeline.links if link.from_claim in claims and link.to_claim in claims
    ]
    shown = Timeline(
        timeline.kind,
        lanes,
        claims,
        links,
        min((p.first for p in dated), default=None),
        max((p.last for p in dated), default=None),
        timeline.total,
    )
    return shown, len(timeline.lanes) - len(lanes)


def rebuild(
    previous: Timeline,
    source: TimelineSource,
    changed: Iterable[int],
    *,
    kind: LaneKind = "claimant",
    filters: Filters | None = None,
) -> Timeline:
    """What :func:`build` gives for ``source`` when ``previous`` was built (with the same
    kind and filters) from a source that differed only in the claims ``changed``: those
    claims placed again in the lanes they leave and join, the other lanes kept. A lane
    that would appear or vanish, or get another first claim (which orders the lanes), makes
    it :func:`build` everything."""
    if previous.kind != kind:
        return build(source, kind=kind, filters=filters)
    filters = filters or Filters()
    low = parse_date(filters.date_from)
    high = parse_date(filters.date_to)
    wanted = set(changed)
    rows = {row.claim.id: row for row in source.rows if row.claim.id in wanted}
    index = {lane.key: i for i, lane in enumerate(previous.lanes)}
    claims = dict(previous.claims)
    members: dict[int, list[int]] = {}
    for claim_id in wanted:
        old = claims.pop(claim_id, None)
        for lane in old.lanes if old is not None else ():
            members.setdefault(lane, list(previous.lanes[lane].claims)).remove(claim_id)
    for claim_id in sorted(wanted):
        row = rows.get(claim_id)
        found = None if row is None else _place(row, source.published, filters, low, high)
        if row is None or found is None:
            continue
        keys = _lane_keys(row.claim.claimant_id, row.claim.subjects, kind)
        if any(key not in index for key in keys):
            return build(source, kind=kind, filters=filters)  # a lane appears
        lanes = tuple(sorted(index[key] for key in keys))
        claims[claim_id] = _timeline_claim(row, found[1], found[2], lanes)
        for lane in lanes:
            bisect.insort(
                members.setdefault(lane, list(previous.lanes[lane].claims)),
                claim_id,
                key=lambda c: (claims[c].sort_key, c),
            )
    for lane, ids in members.items():
        first = previous.lanes[lane].claims[0]
        if not ids or ids[0] != first or first in wanted:
            return build(source, kind=kind, filters=filters)  # the lanes' order may change
    lanes_now = [
        Lane(lane.key, lane.name, tuple(members[i])) if i in members else lane
        for i, lane in enumerate(previous.lanes)
    ]
    ordered_claims = sorted(claims.values(), key=lambda c: (c.sort_key, c.id))
    return _finished(kind, lanes_now, {c.id: c for c in ordered_claims}, source)


def _lane_keys(
    claimant_id: int | None, subjects: tuple[int, ...], kind: LaneKind
) -> tuple[int, ...]:
    if kind == "subject":
        return subjects or (NO_LANE,)
    return (claimant_id,) if claimant_id is not None else (NO_LANE,)


def _lane_name(key: int, kind: LaneKind, names: dict[int, str], claimant: str) -> str:
    if key == NO_LANE:
        return ""
    if kind == "claimant":
        return claimant or names.get(key, "")
    return names.get(key, "")


# --- ticks -----------------------------------------------------------------------------------


class Tick(NamedTuple):
    day: int  # ordinal of the tick's first day
    unit: TickUnit
    year: int
    month: int
    date: int


_MAX_DAY = dt.date.max.toordinal()
_DAY_STEPS = (1, 2, 7, 14)
_MONTH_STEPS = (1, 2, 3, 6)
_YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)


_SHORTEST = {"day": 1.0, "month": 28.0, "year": 365.0}
"""The fewest days in one step of each unit: ticks a step apart are at least this far."""


def ticks(
    first: int,
    last: int,
    width: float,
    *,
    labels: tuple[float, float, float] = (120.0, 110.0, 40.0),
    gap: float = 12.0,
) -> list[Tick]:
    """Ticks between the days ``first`` and ``last`` (ordinals) drawn ``width`` wide: days,
    months, years or decades — the finest step whose labels, ``labels`` wide at most (a day's,
    a month's, a year's, as the interface measured them), do not overlap with ``gap``
    between them. At least two ticks whenever two labels fit at all: when no step leaves two
    inside the span (nine months on 300 px gave one year tick, 2016, or none), its first and
    last days are labelled instead (issue 16)."""
    first, last = max(1, first), min(last, _MAX_DAY)  # the padding may pass year 9999
    span = max(1, last - first + 1)
    per_day = width / span
    widths = dict(zip(("day", "month", "year"), labels, strict=True))
    two_fit = (last - first) * per_day >= widths["day"] + gap  # the two ends' labels
    steps: list[tuple[TickUnit, int]] = [
        *(("day", step) for step in _DAY_STEPS),
        *(("month", step) for step in _MONTH_STEPS),
        *(("year", step) for step in _YEAR_STEPS),
    ]
    made = {"day": _day_ticks, "month": _month_ticks, "year": _year_ticks}
    for unit, step in steps:
        if _SHORTEST[unit] * step * per_day < widths[unit] + gap:
            continue  # its labels would overlap
        if unit == "day" and span / step > 400:
            continue  # (never on a real screen: a day 120 px wide over a year)
        found = made[unit](first, last, step)
        if len(found) >= 2 or not two_fit:
            return found
        break  # a coarser step leaves fewer still
    if not two_fit:
        return []
    ends = [dt.date.fromordinal(first), dt.date.fromordinal(last)]
    return [Tick(d.toordinal(), "day", d.year, d.month, d.day) for d in dict.fromkeys(ends)]


def _day_ticks(first: int, last: int, step: int) -> list[Tick]:
    start = first
    if step in (7, 14):  # weeks start on Monday
        start = first - dt.date.fromordinal(first).weekday()
    out = []
    for day in range(max(1, start), last + 1, step):
        d = dt.date.fromordinal(day)
        if day >= first:
            out.append(Tick(day, "day", d.year, d.month, d.day))
    return out


def _month_ticks(first: int, last: int, step: int) -> list[Tick]:
    d = dt.date.fromordinal(first)
    year, month = d.year, ((d.month - 1) // step) * step + 1
    out = []
    while True:
        if year > 9999:
            break
        day = dt.date(year, month, 1).toordinal()
        if day > last:
            break
        if day >= first:
            out.append(Tick(day, "month", year, month, 1))
        month += step
        if month > 12:
            month -= 12
            year += 1
    return out


def _year_ticks(first: int, last: int, step: int) -> list[Tick]:
    low = dt.date.fromordinal(first).year
    high = dt.date.fromordinal(last).year
    year = -(-low // step) * step  # the first multiple of step in the span
    out = []
    while year <= high:
        day = dt.date(year, 1, 1).toordinal()
        if day >= first:
            out.append(Tick(day, "year", year, 1, 1))
        year += step
        if year > 9999:
            break
    return out


# --- layout ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Metrics:
    """Sizes in scene units (pixels at zoom 1)."""

    plot_width: float = 900.0  # the dated part of the axis
    tick_labels: tuple[float, float, float] = (120.0, 110.0, 40.0)
    """The widest label of a day's, a month's and a year's tick: the interface measures them
    in its font (``ui/figures/timeline.measured``); ticks are chosen so labels never overlap."""
    tick_gap: float = 12.0
    lane_label: float = 190.0  # the lanes' names
    axis_height: float = 44.0
    row: float = 18.0  # one row of marks
    lane_padding: float = 8.0
    mark: float = 12.0  # a mark's size; marks closer than this stack in rows
    max_rows: int = 5  # rows of marks in a lane, at most; more marks are counted
    undated_gap: float = 36.0
    undated_columns: int = 8
    badge: float = 34.0  # room for a "+N" badge's label: closer badges of a lane are one
    edge: float = 16.0  # room on each side of the dated part


class Mark(NamedTuple):
    claim_id: int
    lane: int
    x: float
    y: float
    span: tuple[float, float] | None  # a partial date's period, left and right x
    stacked: bool  # drawn over other marks (the lane has no room): counted in a badge


class LaneBox(NamedTuple):
    key: int
    name: str
    top: float
    height: float


class Badge(NamedTuple):
    """``+hidden`` marks hidden under the one at (x, y)."""

    x: float
    y: float
    hidden: int


@dataclass(slots=True)
class Layout:
    rtl: bool
    width: float
    height: float
    plot: tuple[float, float]  # the dated part: left and right x
    undated: tuple[float, float] | None  # the undated column: left and right x
    label_x: tuple[float, float]  # the lane names' column
    lanes: list[LaneBox]
    marks: dict[tuple[int, int], Mark] = field(default_factory=dict)  # (claim, lane) → mark
    badges: list[Badge] = field(default_factory=list)
    ticks: list[tuple[float, Tick]] = field(default_factory=list)
    first: int | None = None
    last: int | None = None

    def mark_of(self, claim_id: int) -> Mark | None:
        """The claim's first mark (a claim about two subjects has two)."""
        return next((m for (c, _), m in self.marks.items() if c == claim_id), None)


def lay_out(
    timeline: Timeline,
    *,
    rtl: bool = False,
    zoom: float = 1.0,
    metrics: Metrics | None = None,
    previous: Layout | None = None,
    redo: set[int] | None = None,
) -> Layout:
    """Positions for every lane, mark and tick of ``timeline``. Left to right, time runs to
    the right and the lanes' names are on the left; ``rtl`` mirrors everything: time runs to
    the left, the names are on the right, the undated column is at the far left.

    ``previous``, the layout of the same lanes (same keys, in the same order) with the same
    options, and ``redo``, the indexes of the lanes whose claims changed since: the other
    lanes' marks are taken from ``previous`` (moved down or up as the lanes above them grew
    or shrank) when the axis is the same — an edit of one claim lays out its lanes only."""
    m = metrics or Metrics()
    plot_width = max(50.0, m.plot_width * max(zoom, 0.01))
    has_undated = timeline.undated > 0
    has_dated = timeline.first is not None
    # Left-to-right positions first; mirrored at the end for right to left.
    plot_left = m.lane_label + m.edge
    plot_right = plot_left + (plot_width if has_dated else 0.0)
    undated_left = plot_right + (m.undated_gap if has_dated else m.edge)
    undated_right = undated_left + m.undated_columns * m.mark * 1.25
    width = (undated_right if has_undated else plot_right) + m.edge
    first = timeline.first if timeline.first is not None else 0
    last = timeline.last if timeline.last is not None else 0
    # A single day still gets a day's width on each side.
    pad = max(1, (last - first) // 40) if has_dated else 0
    first_day, last_day = max(1, first - pad), last + pad + 1
    # And a mark's size inside each end of the axis, whatever the zoom: zoomed out, the pad's
    # days were a few pixels and the first and last marks were drawn across the plot's edge.
    inset = min(m.mark, plot_width / 4)
    per_day = (plot_width - 2 * inset) / max(1, last_day - first_day)

    def day_x(day: float) -> float:
        return plot_left + inset + (day - first_day) * per_day

    lanes: list[LaneBox] = []
    marks: dict[tuple[int, int], Mark] = {}
    badges: list[Badge] = []
    top = m.axis_height
    spacing = m.mark * 1.05
    plot = (width - plot_right, width - plot_left) if rtl else (plot_left, plot_right)
    reuse = (
        previous is not None
        and redo is not None
        and previous.rtl == rtl
        and previous.width == width
        and previous.plot == plot
        and previous.first == (first_day if has_dated else None)
        and previous.last == (last_day if has_dated else None)
        and (previous.undated is not None) == has_undated
        and [box.key for box in previous.lanes] == [lane.key for lane in timeline.lanes]
    )
    for index, lane in enumerate(timeline.lanes):
        if reuse:
            assert previous is not None and redo is not None
            box = previous.lanes[index]
            if index not in redo:
                dy = top - box.top
                for claim_id in lane.claims:
                    mark = previous.marks[(claim_id, index)]
                    marks[(claim_id, index)] = mark._replace(y=mark.y + dy) if dy else mark
                badges.extend(
                    b._replace(y=b.y + dy)
                    for b in previous.badges
                    if box.top <= b.y < box.top + box.height
                )
                lanes.append(LaneBox(lane.key, lane.name, top, box.height))
                top += box.height
                continue
        rows_end: list[float] = []  # per row, the right edge of its last mark
        placed: list[tuple[int, float, int, tuple[float, float] | None, bool]] = []
        overflow: dict[float, int] = {}
        undated_count = 0
        for claim_id in lane.claims:
            claim = timeline.claims[claim_id]
            if claim.period is None:
                column = undated_count % m.undated_columns
                row = min(undated_count // m.undated_columns, m.max_rows - 1)
                stacked = undated_count >= m.undated_columns * m.max_rows
                x = undated_left + (column + 0.5) * m.mark * 1.25
                if stacked:
                    overflow[x] = overflow.get(x, 0) + 1
                placed.append((claim_id, x, row, None, stacked))
                undated_count += 1
                continue
            period = claim.period
            x = day_x(period.middle)
            span = (
                (day_x(period.first), day_x(period.last + 1)) if period.precision != "day" else None
            )
            free = next((r for r, end in enumerate(rows_end) if end + spacing <= x), None)
            stacked = False
            if free is not None:
                row = free
            else:
                if len(rows_end) < m.max_rows:
                    rows_end.append(x)
                    row = len(rows_end) - 1
                else:
                    row = m.max_rows - 1
                    stacked = True
                    x = rows_end[row]  # under the last mark of the last row
                    overflow[x] = overflow.get(x, 0) + 1
            rows_end[row] = max(rows_end[row], x)
            placed.append((claim_id, x, row, span, stacked))
        used = max(
            [r + 1 for _, _, r, _, _ in placed] or [1],
        )
        height = used * m.row + 2 * m.lane_padding
        lanes.append(LaneBox(lane.key, lane.name, top, height))
        for claim_id, x, row, span, stacked in placed:
            y = top + m.lane_padding + (row + 0.5) * m.row
            if rtl:  # mirrored here, not copied afterwards: 5,000 marks are made once
                x = width - x
                span = (width - span[1], width - span[0]) if span else None
            marks[(claim_id, index)] = Mark(claim_id, index, x, y, span, stacked)
        # Badges closer than their labels' width are one, counting all their hidden marks:
        # each drawn apart ran together ("+3+2+2+2", found by a trial).
        merged: list[list[float]] = []
        for x in sorted(overflow):
            if merged and x - merged[-1][0] < m.badge:
                merged[-1][1] += overflow[x]
            else:
                merged.append([x, overflow[x]])
        for x, hidden in merged:
            y = top + m.lane_padding + (m.max_rows - 0.5) * m.row
            badges.append(Badge(width - x if rtl else x, y, int(hidden)))
        top += height
    height = max(top, m.axis_height + m.row + 2 * m.lane_padding)
    # A day's tick stands where that day's marks sit, at its noon: at its midnight a claim of
    # 20 October was drawn halfway to the 21st's tick (a trial). Months and years are marked
    # where they begin.
    tick_list = (
        [
            (day_x(t.day + 0.5 if t.unit == "day" else t.day), t)
            for t in ticks(
                first_day,
                last_day - 1,
                plot_width - 2 * inset,
                labels=m.tick_labels,
                gap=m.tick_gap,
            )
        ]
        if has_dated
        else []
    )
    layout = Layout(
        rtl,
        width,
        height,
        (plot_left, plot_right),
        (undated_left, undated_right) if has_undated else None,
        (m.edge / 2, m.lane_label),
        lanes,
        marks,
        badges,
        tick_list,
        first_day if has_dated else None,
        last_day if has_dated else None,
    )
    return _mirrored(layout) if rtl else layout


def _mirrored(layout: Layout) -> Layout:
    """The rest of a right-to-left layout mirrored (its marks and badges are already)."""
    w = layout.width

    def flip(x: float) -> float:
        return w - x

    def flip_pair(pair: tuple[float, float]) -> tuple[float, float]:
        return (w - pair[1], w - pair[0])

    layout.plot = flip_pair(layout.plot)
    layout.undated = flip_pair(layout.undated) if layout.undated else None
    layout.label_x = flip_pair(layout.label_x)
    layout.ticks = [(flip(x), t) for x, t in layout.ticks]
    return layout


# --- export -------------------------------------------------------------------------------------


def as_json(timeline: Timeline) -> dict[str, object]:
    """The timeline as plain data: lanes, claims (in order) and links."""
    return {
        "lanes_by": timeline.kind,
        "lanes": [
            {"index": i, "entity": None if lane.key == NO_LANE else lane.key, "name": lane.name}
            for i, lane in enumerate(timeline.lanes)
        ],
        "claims": [
            {
                "id": c.id,
                "date": c.period.text if c.period else None,
                "date_source": c.date_source,
                "precision": c.period.precision if c.period else None,
                "claimed_on": c.claimed_on,
                "lane": c.lanes[0] if c.lanes else None,
                "lanes": list(c.lanes),
                "stance": c.stance,
                "status": c.status,
                "grading": f"{c.reliability or ''}{c.credibility or ''}" or None,
                "reliability": c.reliability,
                "credibility": c.credibility,
                "document": c.document_id,
                "start": c.start,
                "end": c.end,
                "summary": c.summary,
            }
            for c in ordered(timeline)
        ],
        "links": [
            {"id": link.id, "from": link.from_claim, "to": link.to_claim, "kind": link.kind}
            for link in timeline.links
        ],
        "total_claims": timeline.total,
    }


def ordered(timeline: Timeline) -> list[TimelineClaim]:
    return sorted(timeline.claims.values(), key=lambda c: c.sort_key)


def changed_claims(before: Timeline, after: Timeline) -> set[int]:
    """The claims whose record differs between two timelines (added, removed or edited)."""
    ids = before.claims.keys() | after.claims.keys()
    return {i for i in ids if before.claims.get(i) != after.claims.get(i)}


def same_frame(before: Layout, after: Layout) -> bool:
    """Whether two layouts share their axis and lanes, so marks can be moved one by one."""
    return (
        before.rtl == after.rtl
        and before.width == after.width
        and before.first == after.first
        and before.last == after.last
        and before.lanes == after.lanes
        and before.undated == after.undated
    )
