"""The Claim Timeline dock and figure: direction, a click opening the claim, updates from the
edit flow (one claim's mark replaced, the others kept; undo and redo), and hostile data."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsSimpleTextItem
from pytestqt.qtbot import QtBot

from desktop.analysis import timeline as tl
from desktop.ops import annotations as ops_annotations
from desktop.ops import claims as ops_claims
from desktop.store.project import Project
from desktop.ui.figures.timeline import (
    STATUS_SHAPES,
    ClaimMark,
    TimelineOptions,
    TimelineScene,
    link_item,
    mark_path,
    timeline_scene,
)
from desktop.ui.shell.actions import ActionId
from tests.timeline_samples import TEXT_A, make_project


def _open(qtbot: QtBot, make_window: Any, tmp_path: Path) -> tuple[Any, dict[str, int]]:
    project, ids = make_project(tmp_path / "t.hamish")
    project.close()
    window = make_window(tmp_path / "t.hamish")
    window.finish_setup()
    window.registry[ActionId.SHOW_TIMELINE].trigger()
    qtbot.waitUntil(
        lambda: window.timeline_dock is not None and window.timeline.timeline is not None
    )
    return window, ids


def _mark(scene: TimelineScene, claim_id: int) -> ClaimMark:
    return next(item for key, item in scene.marks.items() if key[0] == claim_id)


def _texts(scene: TimelineScene) -> list[str]:
    return [i.text() for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem)]


def test_clicking_a_claim_opens_its_passage_and_the_claim_editor(
    qtbot: QtBot, make_window: Any, tmp_path: Path
) -> None:
    window, ids = _open(qtbot, make_window, tmp_path)
    dock = window.timeline_dock
    assert window.view_menu.actions().count(window.registry[ActionId.SHOW_TIMELINE]) == 1
    scene = dock.scene
    assert len(scene.marks) == 9
    mark = _mark(scene, ids["lavrov"])
    view = dock.view
    view.ensureVisible(mark)
    point = view.mapFromScene(mark.scenePos())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    claim = window.project.claims.get(ids["lavrov"])
    row = next(r for r in window.project.claims.rows() if r.claim.id == claim.id)
    qtbot.waitUntil(lambda: window.reader.document_id == row.document_id)
    assert window.reader.text.textCursor().selectedText() == row.quote
    qtbot.waitUntil(
        lambda: window.claim_editor.claim is not None and window.claim_editor.claim.id == claim.id
    )
    assert not window.claim_editor.visibleRegion().isEmpty()


def test_an_edit_replaces_one_mark_and_undo_and_redo_follow(
    qtbot: QtBot, make_window: Any, tmp_path: Path
) -> None:
    window, ids = _open(qtbot, make_window, tmp_path)
    controller, scene = window.timeline, window.timeline_dock.scene
    target = ids["kremlin2"]
    others = {key: item for key, item in scene.marks.items() if key[0] != target}
    before = _mark(scene, target)
    session = window.session
    session.run(partial(ops_claims.edit_claim, claim_id=target, status="refuted"))
    assert scene.remade == {target}
    assert all(scene.marks[key] is item for key, item in others.items())  # kept as they were
    assert scene.redrawn == {"links"}  # its link's curve; not the lanes, axis or legend
    refuted = _mark(scene, target)
    assert refuted is not before and refuted.path() != before.path()  # the refuted shape
    # its date moved: the same mark moves lanes' order nowhere, only its own place
    session.run(partial(ops_claims.edit_claim, claim_id=target, claimed_on="2024-03-20"))
    assert scene.remade == {target} and "frame" not in scene.redrawn
    assert _mark(scene, target).x() > refuted.x()
    session.undo_stack.undo()
    assert scene.remade == {target} and _mark(scene, target).x() == refuted.x()
    session.undo_stack.undo()
    assert scene.remade == {target}
    assert _mark(scene, target).path() == before.path()
    session.undo_stack.redo()
    assert _mark(scene, target).path() == refuted.path()
    assert all(scene.marks[key] is item for key, item in others.items())
    # a link: no mark is made again, a curve is added
    curves = len(scene.items())
    session.run(
        partial(
            ops_claims.link_claims, from_claim=ids["kremlin3"], to_claim=target, kind="contradicts"
        )
    )
    assert scene.remade == set() and len(scene.items()) == curves + 1
    # a new claim tagged in the reader: one new mark
    label = session.label_by_key("claim")
    assert label is not None
    start = TEXT_A.index("المحادثات")
    doc = window.project.claims.get(ids["kremlin1"])
    document_id = window.project.annotations.get(doc.annotation_id).document_id
    plan = ops_annotations.plan_selection(
        window.project, TEXT_A, document_id, start, start + 9, label, "me"
    )
    session.run(partial(ops_annotations.add_annotations, plans=[plan]))
    assert len(scene.remade) == 1 and len(scene.marks) == 10
    assert controller.refreshes >= 6


def test_a_hidden_dock_waits_until_it_is_shown(
    qtbot: QtBot, make_window: Any, tmp_path: Path
) -> None:
    window, ids = _open(qtbot, make_window, tmp_path)
    window.timeline_dock.hide()
    count = window.timeline.refreshes
    window.session.run(partial(ops_claims.edit_claim, claim_id=ids["lavrov"], status="refuted"))
    assert window.timeline.refreshes == count and window.timeline.stale
    window.registry[ActionId.SHOW_TIMELINE].trigger()
    qtbot.waitUntil(lambda: window.timeline.refreshes == count + 1)


def test_filters_and_zoom(qtbot: QtBot, make_window: Any, tmp_path: Path) -> None:
    window, ids = _open(qtbot, make_window, tmp_path)
    dock, scene = window.timeline_dock, window.timeline_dock.scene
    dock.status.setCurrentIndex(dock.status.findData("refuted"))
    assert scene.marks == {}
    assert "No claim matches these filters." in _texts(scene)
    dock.status.setCurrentIndex(0)
    assert len(scene.marks) == 9
    # a date range: what overlaps it and the undated; a date that cannot be read is said
    dock.date_from.setText("2024-03-05")
    dock.date_to.setText("next week")
    window.timeline.filters_changed()
    assert len(scene.marks) == 5  # kremlin2, kerry_month (March), nobody (2024), 2 undated
    assert dock.date_to.toolTip().startswith("Not a date") and not dock.date_from.toolTip()
    dock.date_from.setText("")
    dock.date_to.setText("")
    window.timeline.filters_changed()
    assert len(scene.marks) == 9 and not dock.date_to.toolTip()
    kept = dict(scene.marks)
    first, second = _mark(scene, ids["february"]).x(), _mark(scene, ids["kremlin2"]).x()
    window.timeline.zoom(4.0, first)
    assert scene.marks == kept  # the same items, moved
    assert _mark(scene, ids["kremlin2"]).x() - _mark(scene, ids["february"]).x() > 3 * (
        second - first
    )
    dock.lanes.setCurrentIndex(dock.lanes.findData("subject"))
    assert len(scene.marks) == 10  # one claim is about two subjects


def test_the_figure_runs_right_to_left_in_arabic(qapp: object, tmp_path: Path) -> None:
    project, ids = make_project(tmp_path / "t.hamish")
    rtl = timeline_scene(project, TimelineOptions(rtl=True))
    ltr = timeline_scene(project, TimelineOptions(rtl=False))
    assert isinstance(rtl, TimelineScene) and isinstance(ltr, TimelineScene)
    early, late = ids["kremlin1"], ids["kremlin2"]
    assert _mark(rtl, early).x() > _mark(rtl, late).x()
    assert _mark(ltr, early).x() < _mark(ltr, late).x()

    # the lane names sit on the reading side: right in Arabic, left in English
    def name_x(scene: TimelineScene) -> float:
        item = next(
            i
            for i in scene.items()
            if isinstance(i, QGraphicsSimpleTextItem) and i.text() == "كيري"
        )
        return item.scenePos().x()

    assert name_x(rtl) > rtl.sceneRect().width() * 0.7 > rtl.sceneRect().width() * 0.3 > name_x(ltr)
    assert rtl.backgroundBrush().color().name() == "#ffffff"
    texts = _texts(rtl)
    assert "Undated" in texts and "Contested" in texts  # the axis's undated column, the legend
    assert any("March 2024" in t for t in texts)


def test_an_empty_project_says_so(qapp: object, tmp_path: Path) -> None:
    scene = timeline_scene(Project.open(tmp_path / "empty.hamish"))
    assert any(t.startswith("No claims yet") for t in _texts(scene))
    assert isinstance(scene, TimelineScene) and scene.marks == {}


def _stored_person(project: Project, name: str) -> int:
    """A person as an older Hamish (or a hand-edited database) stored it: the edits refuse
    such a name now (core/values.py), the timeline must still draw it safely."""
    entity = project.entities.add("x", "person")
    project.database.conn.execute("UPDATE entities SET name = ? WHERE id = ?", [name, entity])
    return entity


def test_a_huge_claimant_name_is_elided(qapp: object, tmp_path: Path) -> None:
    project, ids = make_project(tmp_path / "t.hamish")
    entity = _stored_person(project, "ك" * 10_000)
    project.claims.update(ids["lavrov"], claimant_id=entity)
    scene = timeline_scene(project)
    names = [
        i
        for i in scene.items()
        if isinstance(i, QGraphicsSimpleTextItem) and i.text().startswith("ك")
    ]
    metrics = tl.Metrics()
    assert names and all(i.boundingRect().width() <= metrics.lane_label for i in names)
    assert scene.sceneRect().width() < 3000


def test_a_lane_s_name_is_drawn_without_controls_or_overrides(qapp: object, tmp_path: Path) -> None:
    """Found by the attacker: an override in a claimant's name reordered it ("evil" drawn
    "live") and an escape sequence went into the SVG raw; the network cleans its names."""
    project, ids = make_project(tmp_path / "t.hamish")
    entity = _stored_person(project, "\u202eevil\u202c gpj.exe\x1b]0;X\x07")
    project.claims.update(ids["lavrov"], claimant_id=entity)
    texts = _texts(timeline_scene(project))
    assert "evil gpj.exe]0;X" in texts
    assert not any(ch in t for t in texts for ch in "\u202e\u202c\x1b\x07")


def test_five_thousand_claims_on_one_day_draw(qapp: object) -> None:
    from desktop.core.records import Claim, ClaimRow
    from desktop.store.claims import TimelineSource

    rows = [
        ClaimRow(
            Claim(i, i, 1, "", "asserts", "unverified", None, None, "2024-03-01", (), "", ""),
            "q",
            1,
            "A",
            i,
            i + 1,
            "X",
        )
        for i in range(1, 5001)
    ]
    timeline = tl.build(TimelineSource(rows, {1: None}, {1: "X"}, []))
    layout = tl.lay_out(timeline)
    scene = TimelineScene()
    scene.show_timeline(timeline, layout, tl.Metrics())
    assert len(scene.marks) == 5000
    assert any(t.startswith("+") for t in _texts(scene))  # the hidden marks are counted
    assert scene.itemsBoundingRect().height() < 400
    assert QPointF(0, 0) != QPointF(1, 1)


def test_screenshot_can_show_the_timeline(qapp: object, tmp_path: Path) -> None:
    """``hamish screenshot --dock timeline``: the window with the timeline open and drawn."""
    from desktop.app import build_window
    from desktop.settings import Settings
    from desktop.ui.shell import screenshot
    from desktop.ui.shell.mainwindow import MainWindow

    project, _ = make_project(tmp_path / "t.hamish")
    built: list[MainWindow] = []

    def build(project: Project, prefs: Settings, *, deferred: bool = False) -> MainWindow:
        window = build_window(project, prefs, deferred=deferred)
        built.append(window)
        return window

    image = screenshot.render_window(
        qapp,  # type: ignore[arg-type]
        build,
        project,
        tmp_path / "s.ini",
        (1280, 820),
        dock="timeline",
    )
    assert image.width() == 1280
    (window,) = built
    assert window.timeline_dock is not None
    assert len(window.timeline_dock.scene.marks) == 9
    # a real share of the window, not a bottom dock's minimum
    assert window.timeline_dock.height() >= 820 * 0.2


def test_ctrl_wheel_zooms_time_and_the_buttons_export(
    qtbot: QtBot, make_window: Any, tmp_path: Path, monkeypatch: Any, messenger: Any
) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    window, ids = _open(qtbot, make_window, tmp_path)
    dock = window.timeline_dock
    view = dock.view
    before = window.timeline.options.zoom
    span = _mark(dock.scene, ids["kremlin2"]).x() - _mark(dock.scene, ids["february"]).x()
    centre = view.viewport().rect().center()
    event = QWheelEvent(
        QPointF(centre),
        QPointF(view.viewport().mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 240),  # two notches towards the screen
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert window.timeline.options.zoom == pytest.approx(before * 1.25**2)
    wider = _mark(dock.scene, ids["kremlin2"]).x() - _mark(dock.scene, ids["february"]).x()
    assert wider == pytest.approx(span * 1.25**2, rel=0.05)
    # Export buttons: the file chosen in the dialog is written, a figure at 300 dpi / an SVG
    from desktop.ui.widgets import files

    chosen = iter([str(tmp_path / "figure"), str(tmp_path / "figure.svg")])
    monkeypatch.setattr(files, "save_file_name", lambda *args, **kwargs: next(chosen))
    dock.export_png.click()
    dock.export_svg.click()
    assert (tmp_path / "figure.png").read_bytes().startswith(b"\x89PNG")
    assert "<svg" in (tmp_path / "figure.svg").read_text(encoding="utf-8")
    # a file that cannot be written (its folder is a file): said in words
    blocked = tmp_path / "figure.png" / "inside.png"
    monkeypatch.setattr(files, "save_file_name", lambda *args, **kwargs: str(blocked))
    dock.export_png.click()
    ((title, text, _),) = messenger.errors
    assert title == "Cannot export the timeline" and "is not a folder" in text


def test_the_figure_refuses_a_bare_gui_application_instead_of_crashing(tmp_path: Path) -> None:
    """QGraphicsScene needs a QApplication: under a QGuiApplication it crashed the process."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent.parent
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication(['x'])\n"
        "from desktop.store.project import Project\n"
        "from desktop.ui.figures.timeline import timeline_scene\n"
        f"project = Project.open(Path({str(tmp_path / 'p.hamish')!r}))\n"
        "try:\n"
        "    timeline_scene(project)\n"
        "except RuntimeError as error:\n"
        "    print('refused:', error)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "refused: timeline_scene needs a QApplication" in done.stdout


def test_a_marks_tooltip_tells_the_claim(qapp: object, tmp_path: Path) -> None:
    project, ids = make_project(tmp_path / "t.hamish")
    scene = timeline_scene(project, TimelineOptions(rtl=False))
    assert isinstance(scene, TimelineScene)
    from html import unescape

    text = unescape(scene.tooltip_at(_mark(scene, ids["kremlin2"]).scenePos()))
    assert (
        "kremlin2" in text and "الكرملين" in text and "10 March 2024 (the article's date)" in text
    )
    bad = unescape(scene.tooltip_at(_mark(scene, ids["bad"]).scenePos()))
    assert "Undated" in bad and "its date next week could not be read" in bad
    assert scene.tooltip_at(QPointF(-500, -500)) == ""


def _same_as_fresh(window: Any) -> None:
    """The dock's timeline, and the marks its scene shows, equal a timeline computed from
    every claim read again: same claims in the same order, lanes, links and places."""
    controller, scene = window.timeline, window.timeline_dock.scene
    options = controller.options
    fresh = tl.build(tl.read(window.project), kind=options.lanes, filters=options.filters)
    shown = controller.timeline
    assert shown == fresh
    assert list(shown.claims) == list(fresh.claims)
    assert tl.as_json(shown) == tl.as_json(fresh)
    layout = tl.lay_out(
        fresh, rtl=options.right_to_left(), zoom=options.zoom, metrics=options.metrics
    )
    assert set(scene.marks) == set(layout.marks)
    for key, mark in layout.marks.items():
        assert (scene.marks[key].x(), scene.marks[key].y()) == (mark.x, mark.y)
        claim, item = fresh.claims[key[0]], scene.marks[key]
        assert item.path() == mark_path(STATUS_SHAPES.get(claim.status, "circle"), 12.0)
        assert item.opacity() == pytest.approx(
            tl.grading_opacity(claim.reliability, claim.credibility)
        )
    # every link's curve, between the claims' first marks as they are now
    assert set(scene.link_items) == {link.id for link in fresh.links}
    for link in fresh.links:
        a, b = layout.mark_of(link.from_claim), layout.mark_of(link.to_claim)
        assert a is not None and b is not None
        curve = link_item(link, QPointF(a.x, a.y), QPointF(b.x, b.y), layout.lanes[0].top + 2)
        drawn = scene.link_items[link.id][1]
        assert isinstance(drawn, QGraphicsPathItem) and drawn.path() == curve.path()


def test_edits_read_only_their_claims_and_the_timeline_equals_a_fresh_one(
    qtbot: QtBot, make_window: Any, tmp_path: Path
) -> None:
    from desktop.core.records import NewEntity
    from desktop.ops import articles as ops_articles
    from desktop.ops import entities as ops_entities

    window, ids = _open(qtbot, make_window, tmp_path)
    controller, scene, session = window.timeline, window.timeline_dock.scene, window.session
    project = window.project
    full = controller.full_reads
    read = controller.claims_read

    def reads(count: int) -> None:
        nonlocal read
        assert controller.claims_read - read == count
        read = controller.claims_read
        assert controller.full_reads == full  # never every claim again
        _same_as_fresh(window)

    # one claim's status: that claim read again, its mark alone made again
    session.run(partial(ops_claims.edit_claim, claim_id=ids["lavrov"], status="refuted"))
    assert scene.remade == {ids["lavrov"]}
    assert scene.links_made == 1  # its link's curve, not the other's
    reads(1)
    # a claimant typed in: a new entity's lane, the lane of no claimant gone
    session.run(
        partial(
            ops_claims.edit_claim,
            claim_id=ids["nobody"],
            claimant=NewEntity("مصدر دبلوماسي", "person"),
        )
    )
    lanes = {lane.name: lane.key for lane in controller.timeline.lanes}
    assert "مصدر دبلوماسي" in lanes and tl.NO_LANE not in lanes.values()  # one came, one went
    reads(1)
    # a link: both its claims read again
    session.run(
        partial(
            ops_claims.link_claims, from_claim=ids["bad"], to_claim=ids["february"], kind="repeats"
        )
    )
    reads(2)
    # a new claim tagged: only it (its article's title and date are as they were)
    label = session.label_by_key("claim")
    assert label is not None
    document_id = project.annotations.get(project.claims.get(ids["kremlin1"]).annotation_id)
    start = TEXT_A.index("المحادثات")
    plan = ops_annotations.plan_selection(
        project, TEXT_A, document_id.document_id, start, start + 9, label, "me"
    )
    session.run(partial(ops_annotations.add_annotations, plans=[plan]))
    assert len(scene.remade) == 1
    reads(1)
    # a person tagged in the same article: no claim read, nothing computed again
    person = session.label_by_key("person")
    assert person is not None
    start = TEXT_A.index("لافروف")
    refreshes = controller.refreshes
    plan = ops_annotations.plan_selection(
        project, TEXT_A, document_id.document_id, start, start + 6, person, "me"
    )
    session.run(partial(ops_annotations.add_annotations, plans=[plan]))
    assert controller.refreshes == refreshes
    reads(0)
    # Kerry merged into Lavrov: Kerry's claims read again, his lane gone
    names = {e.name: e.id for e in project.entities.summaries()}
    session.run(partial(ops_entities.merge_entities, keep=names["لافروف"], remove=names["كيري"]))
    assert "كيري" not in {lane.name for lane in controller.timeline.lanes}
    reads(3)
    # an article's date: its claims read again
    values = ops_articles.metadata_of(project.documents.get(document_id.document_id))
    session.run(
        partial(
            ops_articles.edit_metadata,
            document_id=document_id.document_id,
            values={**values, "published": "2024-04-01"},
        )
    )
    assert controller.claims_read > read
    read = controller.claims_read
    _same_as_fresh(window)
    # every step undone, then done again: each time as a fresh timeline
    steps = session.undo_stack.count()
    for _ in range(steps):
        session.undo_stack.undo()
        _same_as_fresh(window)
    for _ in range(steps):
        session.undo_stack.redo()
        _same_as_fresh(window)
    assert controller.full_reads == full


def _legend(scene: TimelineScene, rtl: bool) -> list[str]:
    """The legend's words in reading order (its rows top down, each from its start): the texts
    from the row of the first stance's down."""
    from desktop.ui.i18n import term

    texts = [i for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
    top = min(i.scenePos().y() for i in texts if i.text() == term("asserts")) - 4
    shown = [i for i in texts if i.scenePos().y() >= top]
    shown.sort(key=lambda i: (round(i.scenePos().y()), -i.x() if rtl else i.x()))
    return [i.text() for i in shown]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_legend_tells_a_stance_from_a_status(qapp: Any, tmp_path: Path, language: str) -> None:
    """A stance (the mark's colour) and a status (its shape) stood side by side in one row of
    the legend, and in Arabic «يؤكد» (asserts) and «مؤكَّد» (corroborated) read alike: each
    now stands under its own heading, and no two of their words differ by a letter."""
    from desktop.core.arabic import fold
    from desktop.ui.i18n import install_language, term

    project, _ = make_project(tmp_path / "t.hamish")
    install_language(qapp, language)
    try:
        rtl = language == "ar"
        order = _legend(timeline_scene(project, TimelineOptions(rtl=rtl)), rtl)
        stance, status = term("asserts"), term("corroborated")
        headings = [t for t in order if t.endswith(":")]
        assert len(headings) == 4, order
        first, second = order.index(headings[0]), order.index(headings[1])
        assert {term(s) for s in ("asserts", "denies")} == set(order[first + 1 : second])
        statuses = ("unverified", "corroborated", "contested", "refuted")
        assert {term(s) for s in statuses} == set(order[second + 1 : order.index(headings[2])])
        if rtl:
            assert headings[:2] == ["الموقف (اللون):", "الحالة (الشكل):"]
        words = [fold(term(w)) for w in ("asserts", "denies", *statuses)]
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                assert _distance(a, b) > 1, (a, b)
        assert stance != status
    finally:
        install_language(qapp, "en")


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def test_the_fixed_choices_show_whole(qtbot: QtBot, make_window: Any, tmp_path: Path) -> None:
    """Found by a trial: the lanes' choice was cut mid-word ("المسارات: أصحاب"); the combo
    boxes of a few fixed words are as wide as their longest choice."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import install_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "ar")
    try:
        window, _ids = _open(qtbot, make_window, tmp_path)
    finally:
        install_language(app, "en")
    dock = window.timeline_dock
    for combo in (dock.lanes, dock.stance, dock.status):
        widest = max(
            combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
        )
        assert combo.sizeHint().width() > widest, combo.itemText(0)
        assert combo.width() >= combo.sizeHint().width() or not combo.isVisible()


def _legend_rows(scene: Any) -> dict[str, float]:
    """Each legend text's row (its y)."""
    from desktop.ui.i18n import term

    texts = [i for i in scene.items() if isinstance(i, QGraphicsSimpleTextItem)]
    top = min(i.scenePos().y() for i in texts if i.text() == term("asserts")) - 4
    return {i.text(): round(i.scenePos().y()) for i in texts if i.scenePos().y() >= top}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_exported_legend_keeps_each_section_on_its_headings_line(
    qapp: Any, tmp_path: Path, language: str
) -> None:
    """Trial: in the window's PNG export «يدعم» (supports) wrapped onto the next line, away
    from its «الروابط:» (links) heading. A section that fits on a line stays whole."""
    from desktop.ui.figures.timeline import _t, figure_scene
    from desktop.ui.i18n import install_language, term

    project, _ = make_project(tmp_path / "t.hamish")
    install_language(qapp, language)
    try:
        rows = _legend_rows(figure_scene(project, TimelineOptions(rtl=language == "ar")))
        sections = {
            "Links:": ("contradicts", "supports"),
            "Stance (colour):": ("asserts", "denies"),
            "Status (shape):": ("unverified", "corroborated", "contested", "refuted"),
        }
        for heading, words in sections.items():
            assert {rows[term(w)] for w in words} == {rows[_t(heading)]}, (heading, rows)
    finally:
        install_language(qapp, "en")


def _seen_words(dock: Any) -> set[str]:
    """The words of the dock's figures wholly in view (any of its graphics views)."""
    from PySide6.QtWidgets import QGraphicsView

    seen = set()
    for view in dock.findChildren(QGraphicsView):
        if not view.isVisible():
            continue
        port = view.viewport().rect()
        for item in view.scene().items():
            if isinstance(item, QGraphicsSimpleTextItem):
                shown = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
                if port.contains(shown) and view.sceneRect().contains(item.sceneBoundingRect()):
                    seen.add(item.text())
    return seen


def test_zoomed_in_arabic_the_figure_hugs_the_right_and_the_legend_stays_whole(
    qapp: Any, qtbot: QtBot, make_window: Any, tmp_path: Path
) -> None:
    """Trial, in Arabic: zoomed out the figure kept to the LEFT edge (the right third empty)
    and its legend was cut; zoomed in, the legend scrolled away with time."""
    from desktop.ui.i18n import install_language, term

    install_language(qapp, "ar")
    try:
        window, _ = _open(qtbot, make_window, tmp_path)
        window.resize(1500, 900)
        dock, view = window.timeline_dock, window.timeline_dock.view
        qtbot.waitUntil(lambda: window.timeline.options.metrics.plot_width > 300)
        legend = {term(w) for w in ("supports", "contradicts", "asserts", "refuted")}
        assert legend <= _seen_words(dock)
        window.timeline.zoom(0.3, 0)
        rect = dock.scene.sceneRect()
        assert rect.width() < view.viewport().width() / 2  # narrower than the view
        right = view.mapFromScene(rect.topRight()).x()
        assert right >= view.viewport().width() - 4  # at the right, where reading starts
        assert legend <= _seen_words(dock)
        window.timeline.zoom(40, 0)
        assert dock.scene.sceneRect().width() > 3 * view.viewport().width()
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum() // 2)
        assert legend <= _seen_words(dock)
    finally:
        install_language(qapp, "en")


def test_an_empty_timeline_shows_its_whole_sentence(
    qtbot: QtBot, make_window: Any, tmp_path: Path
) -> None:
    # A first run at 1024×640 in Arabic: the sentence was centred in the plot's width, wider
    # than the view, and cut at the dock's edge («…ت بعد: وسم مقطعًا…»).
    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import install_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_language(app, "ar")
    try:
        window = make_window(Project.open(tmp_path / "empty.hamish").path)
        window.resize(1024, 640)
        window.finish_setup()
        window.registry[ActionId.SHOW_TIMELINE].trigger()
        view = window.timeline_dock.view
        qtbot.waitUntil(lambda: view.isVisible() and view.viewport().width() > 300)
        qtbot.wait(50)
        (sentence,) = [t for t in view.scene().items() if isinstance(t, QGraphicsSimpleTextItem)]
        assert sentence.text().startswith("لا ادعاءات")
        shown = view.mapFromScene(sentence.sceneBoundingRect()).boundingRect()
        assert view.viewport().rect().contains(shown), (shown, view.viewport().rect())
    finally:
        install_language(app, "en")
