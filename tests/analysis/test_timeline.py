"""The claim timeline's data: dates (claim, article, undated), lanes, order, filters, layout
in both directions, ticks, and hostile dates and sizes."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from desktop.analysis import timeline as tl
from desktop.core.records import Claim, ClaimRow
from desktop.store.claims import TimelineSource
from desktop.store.project import Project
from tests.timeline_samples import make_project


@pytest.fixture
def sample(tmp_path: Path) -> tuple[Project, dict[str, int]]:
    return make_project(tmp_path / "timeline.hamish")


def _names(timeline: tl.Timeline, ids: dict[str, int]) -> dict[int, str]:
    return {claim_id: name for name, claim_id in ids.items()}


def test_claims_take_their_own_date_else_the_articles_else_are_undated(
    sample: tuple[Project, dict[str, int]],
) -> None:
    project, ids = sample
    timeline = tl.build(tl.read(project))
    claims = timeline.claims
    assert len(claims) == 9 and timeline.total == 9  # nothing dropped
    got = {
        name: (claims[i].date_source, claims[i].period.text if claims[i].period else None)
        for name, i in ids.items()
    }
    assert got == {
        "kremlin1": ("claim", "2024-03-01"),
        "kremlin2": ("article", "2024-03-10"),
        "lavrov": ("claim", "2024-03-01"),
        "kremlin3": ("claim", "2024-03-01"),
        "nobody": ("claim", "2024"),
        "kerry_none": ("undated", None),
        "kerry_month": ("claim", "2024-03"),
        "bad": ("undated", None),
        "february": ("article", "2024-02"),
    }
    assert claims[ids["bad"]].bad_date and claims[ids["bad"]].claimed_on == "next week"
    assert not claims[ids["kremlin2"]].bad_date
    assert claims[ids["february"]].period.precision == "month"  # type: ignore[union-attr]
    assert claims[ids["nobody"]].period.precision == "year"  # type: ignore[union-attr]
    assert timeline.undated == 2


def test_claimant_lanes_are_ordered_by_first_claim_then_name_with_no_claimant_last(
    sample: tuple[Project, dict[str, int]],
) -> None:
    project, ids = sample
    timeline = tl.build(tl.read(project))
    names = _names(timeline, ids)
    lanes = [(lane.name, [names[c] for c in lane.claims]) for lane in timeline.lanes]
    assert lanes == [
        # Kerry's first claim is February's (its article's partial date)
        ("كيري", ["february", "kerry_month", "kerry_none"]),
        # Kremlin and Lavrov both begin on 1 March: by name
        ("الكرملين", ["kremlin1", "kremlin3", "kremlin2"]),  # a tie on a day: by offset
        ("لافروف", ["lavrov", "bad"]),  # undated last
        ("", ["nobody"]),  # no claimant: last, though its year 2024 is the earliest start
    ]
    assert timeline.lanes[-1].key == tl.NO_LANE
    # the JSON keeps that order, lanes and date sources
    data = tl.as_json(timeline)
    claims = data["claims"]
    assert isinstance(claims, list)
    assert [names[c["id"]] for c in claims] == [
        "nobody",
        "february",
        "kremlin1",
        "lavrov",
        "kremlin3",
        "kerry_month",
        "kremlin2",
        "kerry_none",
        "bad",
    ]
    first = claims[0]
    assert first["lane"] == 3 and first["date_source"] == "claim" and first["date"] == "2024"


def test_subject_lanes_put_a_claim_about_two_entities_in_both(
    sample: tuple[Project, dict[str, int]],
) -> None:
    project, ids = sample
    timeline = tl.build(tl.read(project), kind="subject")
    names = _names(timeline, ids)
    lanes = [(lane.name, [names[c] for c in lane.claims]) for lane in timeline.lanes]
    assert lanes[0] == ("الكرملين", ["kerry_month"])
    assert lanes[1] == ("لافروف", ["kerry_month", "kremlin2"])
    assert lanes[2][0] == "" and len(lanes[2][1]) == 7
    assert timeline.claims[ids["kerry_month"]].lanes == (0, 1)
    layout = tl.lay_out(timeline)
    assert (ids["kerry_month"], 0) in layout.marks and (ids["kerry_month"], 1) in layout.marks


def test_filters(sample: tuple[Project, dict[str, int]]) -> None:
    project, ids = sample
    source = tl.read(project)
    names = {v: k for k, v in ids.items()}

    def shown(**kwargs: object) -> set[str]:
        timeline = tl.build(source, filters=tl.Filters(**kwargs))  # type: ignore[arg-type]
        return {names[c] for c in timeline.claims}

    # a date range keeps what overlaps it (the year 2024 overlaps March) and the undated
    assert shown(date_from="2024-03", date_to="2024-03-05") == {
        "kremlin1",
        "lavrov",
        "kremlin3",
        "kerry_month",
        "nobody",
        "kerry_none",
        "bad",
    }
    assert "kerry_none" not in shown(date_from="2024-03", undated=False)
    kremlin = project.claims.get(ids["kremlin1"]).claimant_id
    assert shown(claimants=frozenset({kremlin})) == {"kremlin1", "kremlin2", "kremlin3"}
    assert shown(claimants=frozenset({None})) == {"nobody"}
    a = project.claims.rows()[0].document_id
    assert shown(documents=frozenset({a})) == {
        "kremlin1",
        "kremlin2",
        "kremlin3",
        "lavrov",
        "nobody",
    }
    assert shown(statuses=frozenset({"refuted"})) == set()
    assert len(shown(stances=frozenset({"asserts"}))) == 9
    # links only between claims shown
    everything = tl.build(source)
    assert {(names[lk.from_claim], lk.kind) for lk in everything.links} == {
        ("lavrov", "contradicts"),
        ("kerry_month", "supports"),
    }
    without = tl.build(source, filters=tl.Filters(claimants=frozenset({kremlin})))
    assert without.links == []


def test_time_runs_right_to_left_in_arabic_and_left_to_right_in_english(
    sample: tuple[Project, dict[str, int]],
) -> None:
    project, ids = sample
    timeline = tl.build(tl.read(project))

    def x(layout: tl.Layout, name: str) -> float:
        mark = layout.mark_of(ids[name])
        assert mark is not None
        return mark.x

    ltr = tl.lay_out(timeline, rtl=False)
    rtl = tl.lay_out(timeline, rtl=True)
    # an earlier claim lies to the left in English, to the right in Arabic
    assert x(ltr, "february") < x(ltr, "kremlin1") < x(ltr, "kremlin2")
    assert x(rtl, "february") > x(rtl, "kremlin1") > x(rtl, "kremlin2")
    # the undated column is at the far end of time; the lane names at its start
    assert ltr.undated is not None and rtl.undated is not None
    assert x(ltr, "kerry_none") > ltr.plot[1] and x(rtl, "kerry_none") < rtl.plot[0]
    assert ltr.label_x[1] <= ltr.plot[0] and rtl.label_x[0] >= rtl.plot[1]
    # ticks too: earlier ticks to the right in Arabic
    assert [t for _, t in ltr.ticks] == [t for _, t in rtl.ticks]
    assert ltr.ticks[0][0] < ltr.ticks[-1][0] and rtl.ticks[0][0] > rtl.ticks[-1][0]
    # a partial date is drawn over its period: March contains the 10th
    month = rtl.mark_of(ids["kerry_month"])
    assert month is not None and month.span is not None
    assert month.span[0] < x(rtl, "kremlin2") < month.span[1]
    assert rtl.mark_of(ids["kremlin1"]).span is None  # type: ignore[union-attr]
    # claims on the same day in one lane do not cover each other
    k1, k3 = ltr.mark_of(ids["kremlin1"]), ltr.mark_of(ids["kremlin3"])
    assert k1 is not None and k3 is not None and k1.y != k3.y
    # zoom widens time, not the lanes
    wide = tl.lay_out(timeline, zoom=4)
    assert wide.plot[1] - wide.plot[0] == pytest.approx(4 * (ltr.plot[1] - ltr.plot[0]))
    assert [lane.height for lane in wide.lanes] == [lane.height for lane in ltr.lanes]


def test_ticks_are_days_months_or_years_by_span() -> None:
    day = dt.date(2024, 3, 1).toordinal()
    assert {t.unit for t in tl.ticks(day, day + 6, 900)} == {"day"}
    months = tl.ticks(day, day + 300, 900)
    assert {t.unit for t in months} == {"month"} and months[0].month in (3, 4)
    years = tl.ticks(day, day + 365 * 12, 900)
    assert {t.unit for t in years} == {"year"} and 5 <= len(years) <= 13
    # from year 1 to 9999: a few ticks, not ten thousand
    span = tl.ticks(1, dt.date(9999, 12, 31).toordinal(), 900)
    assert 2 <= len(span) <= 10


def _row(
    claim_id: int, claimed_on: str | None, claimant: str = "X", claimant_id: int = 1
) -> ClaimRow:
    claim = Claim(
        claim_id,
        claim_id,
        claimant_id,
        "",
        "asserts",
        "unverified",
        None,
        None,
        claimed_on,
        (),
        "",
        "",
    )
    return ClaimRow(claim, "quote", 1, "Article", claim_id * 10, claim_id * 10 + 5, claimant)


def test_hostile_dates_are_read_or_counted_as_missing() -> None:
    for text in (
        "2024-13-01",
        "2024-02-30",
        "0000",
        "0000-01-01",
        "24-03-01",
        "2024/03/01",
        "next",
        "１２３４-０１-０１",  # full-width digits (a security tester): \d read them as a date
        "٢٠٢٤-٠١-٠١",
        "2024-01-01T25:00:00",  # no time of day: no date either
        "2024-01-01 10:75",
    ):
        assert tl.parse_date(text) is None, text
    assert tl.parse_date("2024-01-01 23:59:60+03:00") is not None  # a leap second
    assert tl.parse_date("9999-12-31") is not None and tl.parse_date("0001") is not None
    assert tl.parse_date("2024-03-05T10:00:00Z").text == "2024-03-05"  # type: ignore[union-attr]
    # The last month there is: its end was the day after it, which raised, and the claim was
    # placed at its article's date.
    last = tl.parse_date("9999-12")
    assert last is not None and (last.first, last.last) == (
        dt.date(9999, 12, 1).toordinal(),
        dt.date(9999, 12, 31).toordinal(),
    )
    november = tl.parse_date("2024-11")
    assert november is not None and dt.date.fromordinal(november.last) == dt.date(2024, 11, 30)
    rows = [_row(1, "9999-12-31"), _row(2, "0001"), _row(3, "2024-99"), _row(4, "2024-03-01")]
    source = TimelineSource(rows, {1: None}, {1: "X"}, [])
    timeline = tl.build(source)
    assert timeline.claims[3].date_source == "undated" and timeline.claims[3].bad_date
    layout = tl.lay_out(timeline)
    xs = [layout.mark_of(i).x for i in (2, 4, 1)]  # type: ignore[union-attr]
    assert xs == sorted(xs) and all(layout.plot[0] <= x <= layout.plot[1] for x in xs)
    assert len(layout.ticks) <= 12


def test_five_thousand_claims_on_one_day_stay_in_a_lane_of_bounded_height() -> None:
    rows = [_row(i, "2024-03-01") for i in range(1, 5001)]
    timeline = tl.build(TimelineSource(rows, {1: None}, {1: "X"}, []))
    metrics = tl.Metrics()
    layout = tl.lay_out(timeline, metrics=metrics)
    assert len(layout.marks) == 5000  # every claim is placed
    (lane,) = layout.lanes
    assert lane.height <= metrics.max_rows * metrics.row + 2 * metrics.lane_padding
    assert sum(b.hidden for b in layout.badges) == 5000 - metrics.max_rows
    assert layout.ticks  # a single day still has an axis


def test_a_huge_claimant_name_and_no_claims_at_all() -> None:
    name = "ك" * 10_000
    timeline = tl.build(TimelineSource([_row(1, None, name)], {1: None}, {1: name}, []))
    assert timeline.lanes[0].name == name  # kept whole; the view elides it
    layout = tl.lay_out(timeline, rtl=True)
    assert layout.width < 2000
    empty = tl.build(TimelineSource([], {}, {}, []))
    assert empty.claims == {} and empty.lanes == [] and empty.first is None
    layout = tl.lay_out(empty)
    assert layout.marks == {} and layout.ticks == [] and layout.height > 0


def test_changed_claims_names_only_the_edited_claim(sample: tuple[Project, dict[str, int]]) -> None:
    project, ids = sample
    before = tl.build(tl.read(project))
    project.claims.update(ids["kremlin2"], status="refuted")
    after = tl.build(tl.read(project))
    assert tl.changed_claims(before, after) == {ids["kremlin2"]}
    assert tl.same_frame(tl.lay_out(before), tl.lay_out(after))


def test_grading_is_opacity() -> None:
    assert tl.grading_opacity("A", 1) == 1.0
    assert tl.grading_opacity(None, None) == 0.8
    assert tl.grading_opacity("E", 5) == 0.4
    assert tl.grading_opacity("B", 2) > tl.grading_opacity("C", 3)


@pytest.mark.parametrize("kind", ["claimant", "subject"])
def test_an_edit_read_placed_and_laid_out_again_equals_a_fresh_timeline(
    tmp_path: Path, kind: tl.LaneKind
) -> None:
    """Random claim edits (dates whole, partial, unreadable or none; claimants; subjects;
    status; links; deletions), each followed the way the dock follows it — the claims it
    names read again, placed again (``rebuild``), their lanes laid out again — equal the
    timeline and layout computed from every claim."""
    import random

    from desktop.core.services import prepare_annotation
    from desktop.core.text import make_draft
    from desktop.ops import annotations as ops_annotations
    from desktop.ops import claims as ops_claims

    rng = random.Random(16)
    sentence = "قال المتحدث إن المحادثات مستمرة. "
    project = Project.open(tmp_path / "r.hamish")
    label = project.labels.by_key("claim")
    assert label is not None
    people = [project.entities.add(f"متحدث {i}", "person") for i in range(6)]
    ids: list[int] = []
    for a in range(3):
        text = sentence * 20 + f"({a})"
        doc = project.documents.add(
            make_draft(text, title=f"A{a}", published=[None, "2024-05", "2024-05-10"][a])
        )
        for k in range(20):
            start = k * len(sentence)
            draft = prepare_annotation(
                text, doc, start, start + len(sentence) - 2, label.id, "me", snap=False
            )
            claim = project.claims.for_annotation(project.annotations.add(draft))
            assert claim is not None
            project.claims.update(
                claim.id,
                claimant_id=rng.choice(people),
                claimed_on=f"2024-0{rng.randrange(1, 10)}-1{rng.randrange(10)}",
                subjects=[rng.choice(people)],
            )
            ids.append(claim.id)
    # (A stored date that is no date, "next week", is the first test's: the edits refuse it.)
    dates = [None, "2024", "2024-03", "2024-06-15", "2023-12-31", "2025-02-02"]
    for rtl in (False, True):
        source = tl.read(project)
        timeline = tl.build(source, kind=kind)
        layout = tl.lay_out(timeline, rtl=rtl)
        rebuilt_some = relaid_some = 0
        for _ in range(60):
            alive = [i for i in ids if i in timeline.claims]
            target = rng.choice(alive)
            roll = rng.random()
            if roll < 0.35:
                outcome = ops_claims.edit_claim(project, target, claimed_on=rng.choice(dates))
            elif roll < 0.55:
                who = rng.choice([*people, None])
                outcome = (
                    ops_claims.edit_claim(project, target, claimant=who)
                    if who is not None
                    else ops_claims.edit_claim(project, target, claimant_id=None)
                )
            elif roll < 0.7:
                subjects = rng.sample(people, rng.randrange(0, 3))
                outcome = ops_claims.edit_claim(project, target, subjects=subjects)
            elif roll < 0.8:
                outcome = ops_claims.edit_claim(project, target, status="refuted")
            elif roll < 0.9:
                other = rng.choice([i for i in alive if i != target])
                try:
                    outcome = ops_claims.link_claims(project, target, other, "supports")
                except Exception:  # linked already
                    continue
            else:
                annotation_id = project.claims.get(target).annotation_id
                outcome = ops_annotations.delete_annotation(project, annotation_id)
            source, _read, touched = tl.read_again(project, source, outcome.changes.claim_ids)
            again = tl.rebuild(timeline, source, touched, kind=kind)
            fresh = tl.build(tl.read(project), kind=kind)
            assert again == fresh and list(again.claims) == list(fresh.claims)
            redo = {
                lane
                for made in (timeline, again)
                for claim_id in touched
                if claim_id in made.claims
                for lane in made.claims[claim_id].lanes
            }
            relaid = tl.lay_out(again, rtl=rtl, previous=layout, redo=redo)
            assert relaid == tl.lay_out(fresh, rtl=rtl)
            rebuilt_some += again.lanes is not timeline.lanes and len(redo) < len(again.lanes)
            relaid_some += len(redo) < len(again.lanes)
            timeline, layout = again, relaid
        assert rebuilt_some > 10 and relaid_some > 10  # the partial paths were taken
    project.close()


LABELS = (120.0, 110.0, 40.0)  # a day's, a month's and a year's widest label
GAP = 12.0


def _spaced(found: list[tl.Tick], first: int, last: int, width: float) -> None:
    """Labels centred on their ticks ``width`` wide over the days first…last never overlap."""
    per_day = width / max(1, last - first + 1)
    widths = dict(zip(("day", "month", "year"), LABELS, strict=True))
    placed = [((t.day - first) * per_day, t) for t in found]
    for (x0, t0), (x1, t1) in itertools.pairwise(placed):
        need = (widths[t0.unit] + widths[t1.unit]) / 2 + GAP
        assert x1 - x0 >= need - 0.01, (t0, t1, x1 - x0, need)
    assert all(first <= t.day <= last for t in found)


@pytest.mark.parametrize("days", [6, 60, 215, 550, 365 * 6, 365 * 60, 365 * 600])
@pytest.mark.parametrize("width", [150.0, 200.0, 300.0, 480.0, 900.0, 1800.0])
def test_ticks_fit_the_width_two_at_least_and_never_overlap(days: int, width: float) -> None:
    """Issue 16, left open by a new-user trial: on a narrow timeline the axis had one year
    label or none (nine months on a small dock: "2016" alone), and month labels 110 px wide
    were put 90 px apart. The step now comes from the width the labels need."""
    first = dt.date(2015, 12, 14).toordinal()
    last = first + days
    found = tl.ticks(first, last, width, labels=LABELS, gap=GAP)
    ends = days * width / (days + 1)  # how far apart the first and last days are drawn
    if ends >= LABELS[0] + GAP:  # two labels fit: there are two at least
        assert len(found) >= 2, (days, width, found)
    _spaced(found, first, last, width)


def test_ticks_step_up_to_decades_and_down_to_days() -> None:
    first = dt.date(1950, 3, 1).toordinal()
    decades = tl.ticks(first, first + 365 * 70, 480, labels=LABELS, gap=GAP)
    assert {t.unit for t in decades} == {"year"} and all(t.year % 10 == 0 for t in decades)
    months = tl.ticks(first, first + 215, 900, labels=LABELS, gap=GAP)
    assert {t.unit for t in months} == {"month"} and len(months) >= 3
    days = tl.ticks(first, first + 6, 900, labels=LABELS, gap=GAP)
    assert {t.unit for t in days} == {"day"} and len(days) >= 4
    # Too narrow for two labels at all: none rather than labels over each other.
    assert tl.ticks(first, first + 215, 100, labels=LABELS, gap=GAP) == []


def test_a_narrow_right_to_left_axis_runs_right_to_left() -> None:
    """Two labelled ticks at least on the narrowest dock, time running leftwards in Arabic."""
    rows = [_row(1, "2015-12-14", "A", 1), _row(2, "2016-07-16", "B", 2)]
    source = TimelineSource(rows, {1: None, 2: None}, {1: "A", 2: "B"}, [])
    timeline = tl.build(source)
    narrow = tl.Metrics(plot_width=300.0)
    for rtl in (False, True):
        layout = tl.lay_out(timeline, rtl=rtl, metrics=narrow)
        assert len(layout.ticks) >= 2
        xs = [x for x, _ in layout.ticks]
        assert xs == sorted(xs, reverse=rtl)  # earlier ticks on the right in Arabic


@pytest.mark.parametrize("rtl", [False, True])
def test_badges_of_a_lane_never_run_together(rtl: bool) -> None:
    """Found by a trial: a busy lane's "+N" badges, one per crowded day, were drawn a few
    pixels apart and read "+3+2+2+2"; badges closer than a label's width are one."""
    start = dt.date(2024, 1, 1)
    rows = [
        _row(day * 10 + n + 1, (start + dt.timedelta(days=day)).isoformat())
        for day in range(90)
        for n in range(10)
    ]
    timeline = tl.build(TimelineSource(rows, {1: None}, {1: "X"}, []))
    metrics = tl.Metrics()
    layout = tl.lay_out(timeline, metrics=metrics, rtl=rtl)
    xs = sorted(b.x for b in layout.badges)
    assert len(xs) > 1
    assert all(b - a >= metrics.badge for a, b in itertools.pairwise(xs))
    hidden = sum(1 for mark in layout.marks.values() if mark.stacked)
    assert sum(b.hidden for b in layout.badges) == hidden  # every hidden mark still counted


def test_lanes_of_one_date_go_by_name_with_numbers_as_numbers() -> None:
    # 1,000 claimants numbered كيان1…كيان1000 read كيان1, كيان10, كيان100, كيان1000, كيان101…
    names = {k: f"كيان{k}" for k in (2, 10, 1, 100)} | {7: "كيان٣", 8: "كيان"}
    rows = [_row(k, "2024-05-01", name, claimant_id=k) for k, name in names.items()]
    timeline = tl.build(TimelineSource(rows, {k: None for k in names}, names, []))
    assert [lane.name for lane in timeline.lanes] == [
        "كيان",
        "كيان1",
        "كيان2",
        "كيان٣",
        "كيان10",
        "كيان100",
    ]


@pytest.mark.parametrize("rtl", [False, True])
@pytest.mark.parametrize("zoom", [0.25, 1.0, 4.0])
def test_marks_keep_a_marks_size_from_the_axis_ends(
    sample: tuple[Project, dict[str, int]], rtl: bool, zoom: float
) -> None:
    """Trial: zoomed out, the first and last claims' marks were crammed against the plot's
    edges (the pad of days was a few pixels); a mark's size is kept inside each end."""
    project, _ = sample
    timeline = tl.build(tl.read(project))
    metrics = tl.Metrics()
    layout = tl.lay_out(timeline, rtl=rtl, zoom=zoom, metrics=metrics)
    left, right = layout.plot
    marks = [mark for mark in layout.marks.values() if left <= mark.x <= right]
    assert len(marks) == sum(1 for c in timeline.claims.values() if c.period is not None)
    # The marks and the bars of partial dates (a year's bar starts the axis here).
    drawn = [x for mark in marks for x in (mark.x, *(mark.span or ()))]
    assert min(drawn) - left >= metrics.mark and right - max(drawn) >= metrics.mark
    assert all(left <= x <= right for x, _tick in layout.ticks)


def test_a_printed_timeline_keeps_its_fullest_lanes() -> None:
    """3,000 claimants printed a timeline 12,000 pixels tall and 0.2 cm wide in the briefing
    (found by an attacker): a figure keeps the fullest lanes, in their order, and says how many
    it left out; their claims, links and dates go with them."""
    rows = [_row(i, f"2016-01-{1 + i % 28:02d}", f"كيان{i}", i) for i in range(1, 61)]
    rows += [_row(100 + i, "2019-05-01", "كيان7", 7) for i in range(3)]  # the fullest
    names = {r.claim.claimant_id: r.claimant for r in rows}
    timeline = tl.build(TimelineSource(rows, {1: None}, names, []))
    assert len(timeline.lanes) == 60
    kept, hidden = tl.keep_lanes(timeline, 10)
    assert (len(kept.lanes), hidden) == (10, 50)
    assert 7 in [lane.key for lane in kept.lanes]  # the fullest
    order = [lane.key for lane in timeline.lanes]
    assert [lane.key for lane in kept.lanes] == [
        k for k in order if k in {x.key for x in kept.lanes}
    ]
    assert set(kept.claims) == {c for lane in kept.lanes for c in lane.claims}
    assert kept.last is not None and tl.dt.date.fromordinal(kept.last).year == 2019
    assert tl.keep_lanes(timeline, 60) == (timeline, 0)


def test_a_claim_date_in_other_digits_is_refused_as_it_would_not_be_placed() -> None:
    from desktop.core.values import date_problem, partial_date_problem

    assert partial_date_problem("2024-01") is None and date_problem("2024-01-01") is None
    for text in ("１２３４", "١٢٣٤-٠١", "２０２４-０１-０１"):
        assert partial_date_problem(text) is not None, text
        assert date_problem(text) is not None, text


@pytest.mark.parametrize("rtl", [False, True])
def test_a_day_claim_sits_on_its_day_tick(rtl: bool) -> None:
    """A trial's claim of 20 October 2015 was drawn halfway between the ticks of the 20th
    and the 21st: a day's tick is where that day's marks are."""
    rows = [_row(1, "2015-10-20"), _row(2, "2015-10-22")]
    timeline = tl.build(TimelineSource(rows, {1: None}, {1: "X"}, []))
    layout = tl.lay_out(timeline, rtl=rtl)
    day_ticks = {(t.month, t.date): x for x, t in layout.ticks if t.unit == "day"}
    assert (10, 20) in day_ticks and (10, 22) in day_ticks
    marks = {claim: mark for (claim, _lane), mark in layout.marks.items()}
    assert marks[1].x == pytest.approx(day_ticks[(10, 20)])
    assert marks[2].x == pytest.approx(day_ticks[(10, 22)])
