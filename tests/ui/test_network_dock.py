"""The Entity Network dock in the window: built on demand, clicks (node → entity page, edge →
passages → the article at the passage), the edit flow (only touched articles read again,
placed nodes never moved, undo and redo), and what it says when there is nothing to draw."""

from __future__ import annotations

import gc
import math
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.ops import annotations, claims, entities
from desktop.store.network import NetworkReads
from desktop.store.project import Project
from desktop.ui.entities.dialogs import EntityPage
from desktop.ui.figures import network_dock
from desktop.ui.figures.network import NetworkScene, label_text, network_scene
from desktop.ui.figures.network_dock import NetworkController, NetworkDock
from desktop.ui.shell.mainwindow import MainWindow
from desktop.ui.widgets.html_delegate import HTML_ROLE
from tests.analysis.conftest import DOC1, Small, build_small


@pytest.fixture(autouse=True)
def _settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The settled edges drawn in the paint that asks for them, however long it takes (the
    view's slices are tested on their own, in test_network_zoom.py)."""
    monkeypatch.setattr(network_dock, "SLICE_MS", math.inf)


MakeWindow = Callable[[Path], MainWindow]


@pytest.fixture
def small_path(tmp_path: Path) -> tuple[Path, Small]:
    small = build_small(tmp_path / "small.hamish")
    small.project.close()
    return tmp_path / "small.hamish", small


def _network(window: MainWindow, qtbot: QtBot) -> tuple[NetworkDock, NetworkController]:
    assert window.network_dock is None  # not built before it is asked for
    window.show_network()
    dock, controller = window.network_dock, window.network
    assert dock is not None and controller is not None
    qtbot.waitUntil(lambda: not controller.busy and bool(dock.scene.nodes), timeout=20_000)
    return dock, controller


def _briefing_project(tmp_path: Path) -> Path:
    """The briefing's sample project (the seeds, tagged): a network of several links."""
    from tests.io.briefing_project import build_briefing_project

    project, _ = build_briefing_project(tmp_path / "b.hamish")
    project.close()
    return tmp_path / "b.hamish"


def _click(dock: NetworkDock, point: QPointF, *, double: bool = False) -> None:
    view = dock.view
    at = view.mapFromScene(point)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def _position(dock: NetworkDock, entity: int) -> QPointF:
    return dock.scene.nodes[entity].pos()


def test_the_dock_draws_the_network(
    make_window: MakeWindow, small_path: tuple[Path, Small], qtbot: QtBot
) -> None:
    path, s = small_path
    window = make_window(path)
    dock, _controller = _network(window, qtbot)
    assert set(dock.scene.nodes) == {s.alice, s.bob, s.cairo, s.carol}
    assert dock.status.text() == "4 entities · 4 links"
    assert dock.stack.currentWidget() is dock.view
    # The level: the article level adds Bob–Carol and Cairo–Carol.
    with qtbot.waitSignal(_controller.redrawn, timeout=20_000):
        dock.level.setCurrentIndex(dock.level.findData("article"))
    assert dock.scene.network is not None and len(dock.scene.network.edges) == 6
    # A filter leaving nothing says so.
    with qtbot.waitSignal(_controller.redrawn, timeout=20_000):
        dock.min_weight.setValue(50)
    assert dock.stack.currentWidget() is dock.message
    assert "No entity matches" in dock.message.text()


def test_a_big_network_drawn_is_taken_out_of_the_cycle_collector(
    make_window: MakeWindow,
    small_path: tuple[Path, Small],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Once a big network is laid out and drawn, the objects alive are frozen out of the
    collector's generations (``gcpause.freeze_survivors``): a full collection walked the
    scene's 120,000 objects, 65–80 ms in a slice of the settling after a gesture."""
    monkeypatch.setattr(network_dock, "FREEZE_ITEMS", 1)  # the small network counts as big
    gc.unfreeze()
    try:
        window = make_window(small_path[0])
        dock, controller = _network(window, qtbot)
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5_000)
        tracked = {id(item) for item in gc.get_objects()}  # the generations the collector walks
        assert not any(id(item) in tracked for item in dock.scene.nodes.values())
        # Never in a gesture's way: its collection waits for the gesture's end.
        gc.unfreeze()
        dock.scene.interacting = True
        controller._freeze_survivors()
        assert gc.get_freeze_count() == 0
        dock.scene.interacting = False
        qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5_000)
    finally:
        gc.unfreeze()


def test_click_node_opens_the_entity_page(
    make_window: MakeWindow,
    small_path: tuple[Path, Small],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, s = small_path
    window = make_window(path)
    dock, _controller = _network(window, qtbot)
    opened: list[str] = []

    def fake_exec(page: EntityPage) -> int:
        opened.append(page.entity.name)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(EntityPage, "exec", fake_exec)
    dock.view.fit()
    _click(dock, _position(dock, s.carol))
    assert opened == ["Carol"]


def test_click_edge_lists_passages_and_opens_the_article_there(
    make_window: MakeWindow, small_path: tuple[Path, Small], qtbot: QtBot
) -> None:
    path, s = small_path
    window = make_window(path)
    dock, _controller = _network(window, qtbot)
    dock.view.fit()
    a, b = _position(dock, s.alice), _position(dock, s.carol)
    _click(dock, (a + b) / 2)
    assert dock.passages.isVisible()
    assert dock.passages.topLevelItemCount() == 1
    # A third of the room at most, the network the rest (it was left 150 pixels).
    view_h, list_h = dock.split.sizes()
    assert 0 < list_h <= (view_h + list_h) // 3 + 1, (view_h, list_h)
    item = dock.passages.topLevelItem(0)
    assert item.text(1) == "Carol called Alice."
    assert item.text(0) == "One"
    assert item.toolTip(1) == "Carol called Alice."
    dock.passages.itemDoubleClicked.emit(item, 0)
    assert window.reader.document_id == s.doc1
    cursor = window.reader.text.textCursor()
    assert cursor.selectedText() == "Carol called Alice."
    assert DOC1.index("Carol") >= 0
    # A filter that removes the edge takes its passages away (a trial saw them listed on).
    with qtbot.waitSignal(_controller.redrawn, timeout=20_000):
        dock.min_weight.setValue(50)
    assert not dock.passages.isVisible() and dock.passages.topLevelItemCount() == 0


def test_edits_recompute_only_the_touched_articles_and_keep_positions(
    make_window: MakeWindow, small_path: tuple[Path, Small], qtbot: QtBot
) -> None:
    path, s = small_path
    window = make_window(path)
    dock, controller = _network(window, qtbot)
    session = window.session
    assert session is not None
    before = {e: _position(dock, e) for e in dock.scene.nodes}
    read = controller.index.articles_read
    assert read == 2

    def settle() -> None:
        qtbot.waitUntil(lambda: not controller.busy, timeout=20_000)
        qtbot.wait(10)
        qtbot.waitUntil(lambda: not controller.busy, timeout=20_000)

    # Untag Cairo in article one: one article read again, Cairo gone, the rest unmoved.
    cairo_tag = next(
        a.id for a in session.project.annotations.for_document(s.doc1) if a.entity_id == s.cairo
    )
    with qtbot.waitSignal(controller.redrawn, timeout=20_000):
        session.run(lambda p: annotations.delete_annotation(p, cairo_tag))
    settle()
    assert controller.index.articles_read == read + 1
    assert s.cairo not in dock.scene.nodes
    assert {e: _position(dock, e) for e in dock.scene.nodes} == {
        e: p for e, p in before.items() if e != s.cairo
    }
    # Undo: Cairo comes back where it was; redo: gone again. One article each time.
    with qtbot.waitSignal(controller.redrawn, timeout=20_000):
        session.undo_stack.undo()
    settle()
    assert controller.index.articles_read == read + 2
    assert {e: _position(dock, e) for e in dock.scene.nodes} == before
    with qtbot.waitSignal(controller.redrawn, timeout=20_000):
        session.undo_stack.redo()
    settle()
    assert controller.index.articles_read == read + 3
    assert s.cairo not in dock.scene.nodes
    # A claim edit reads no article: Alice now claims about Carol too.
    with qtbot.waitSignal(controller.redrawn, timeout=20_000):
        session.run(lambda p: claims.edit_claim(p, s.claim, subjects=(s.bob, s.carol)))
    settle()
    assert controller.index.articles_read == read + 3
    network = dock.scene.network
    assert network is not None
    edge = next(e for e in network.edges if {e.source, e.target} == {s.alice, s.carol})
    assert edge.claims == 1
    # A merge reads the articles of the moved mentions (Carol's: article one) only.
    with qtbot.waitSignal(controller.redrawn, timeout=20_000):
        session.run(lambda p: entities.merge_entities(p, s.bob, s.carol))
    settle()
    assert controller.index.articles_read == read + 4
    assert s.carol not in dock.scene.nodes
    assert _position(dock, s.alice) == before[s.alice]
    with qtbot.waitSignal(controller.redrawn, timeout=20_000):
        session.undo_stack.undo()
    settle()
    assert s.carol in dock.scene.nodes
    assert _position(dock, s.carol) == before[s.carol]


def test_a_closed_dock_waits_until_it_is_shown(
    make_window: MakeWindow, small_path: tuple[Path, Small], qtbot: QtBot
) -> None:
    path, s = small_path
    window = make_window(path)
    dock, controller = _network(window, qtbot)
    session = window.session
    assert session is not None
    read = controller.index.articles_read
    dock.hide()
    cairo_tag = next(
        a.id for a in session.project.annotations.for_document(s.doc1) if a.entity_id == s.cairo
    )
    session.run(lambda p: annotations.delete_annotation(p, cairo_tag))
    qtbot.wait(50)
    assert controller.index.articles_read == read  # nothing read, nothing laid out
    assert s.cairo in dock.scene.nodes
    with qtbot.waitSignal(controller.redrawn, timeout=20_000):
        dock.show()
    assert controller.index.articles_read == read + 1
    assert s.cairo not in dock.scene.nodes


def test_no_entities_says_so(make_window: MakeWindow, tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "empty.hamish"
    Project.open(path).close()
    window = make_window(path)
    window.show_network()
    dock = window.network_dock
    assert dock is not None
    qtbot.waitUntil(lambda: dock.stack.currentWidget() is dock.message, timeout=20_000)
    assert "No entities yet" in dock.message.text()
    assert dock.message.isVisible()


def test_hostile_names(tmp_path: Path, qtbot: QtBot) -> None:
    assert label_text("a\x00b\x1b[31mc\nd") == "ab[31mc d"
    assert len(label_text("x" * 10_000)) == 40
    # Only direction marks, joiners and spaces (a hand-made project): "?" as for no name.
    assert label_text("\u200f\u200d \u2067\u2069") == "?"
    assert label_text("\u200fكيري") == "\u200fكيري"
    assert label_text("\x00\x01") == "?"
    with Project.open(tmp_path / "h.hamish") as project:
        small = build_small(tmp_path / "s.hamish")
        conn = small.project.database.conn
        conn.execute(
            "UPDATE entities SET name = ? WHERE id = ?", ["\x07" + "ب" * 10_000, small.alice]
        )
        conn.execute("UPDATE entities SET name = ? WHERE id = ?", ["a\u202eb\x00", small.bob])
        scene = network_scene(small.project)
        small.project.close()
        empty = network_scene(project)
    assert isinstance(scene, NetworkScene)
    texts = {item.text for item in scene.nodes.values()}
    assert "ب" * 39 + "…" in texts
    assert all(text.isprintable() for text in texts)
    assert scene.itemsBoundingRect().width() < 5000  # a long name does not stretch the figure
    assert len(empty.items()) == 1  # the sentence saying there is nothing


def _lines(scene: NetworkScene) -> list[tuple[str, float, tuple[float, ...]]]:
    """Every edge line the scene's tiles draw, with its colour and width, in an order."""
    found = []
    for tile in scene.edge_items:
        for pen, lines, _segments in tile.groups:
            for line in lines:
                ends = sorted([(line.x1(), line.y1()), (line.x2(), line.y2())])
                found.append((pen.color().name(), pen.widthF(), (*ends[0], *ends[1])))
    return sorted(found)


def _same_as_fresh(window: MainWindow, dock: NetworkDock, controller: NetworkController) -> None:
    """The dock's network and items equal those a fresh index and a fresh scene make."""
    from desktop.analysis.network import NetworkIndex
    from desktop.store.network import NetworkReads
    from desktop.ui.figures.network import colours

    index = NetworkIndex()
    index.load(NetworkReads(window.project.database))
    fresh = index.graph(dock.options())
    scene = dock.scene
    assert scene.network == fresh
    made = NetworkScene()
    made.show_network(fresh, controller.positions, colours(window.project))
    assert set(scene.nodes) == set(made.nodes)
    for node_id, item in made.nodes.items():
        shown = scene.nodes[node_id]
        assert shown.node == item.node and shown.always == item.always
        assert shown.pos() == item.pos() and shown.toolTip() == item.toolTip()
        assert shown.scene() is scene
    assert _lines(scene) == _lines(made)
    assert all(tile.scene() is scene for tile in scene.edge_items)


def test_an_edit_makes_again_only_the_items_it_changed(
    make_window: MakeWindow,
    small_path: tuple[Path, Small],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A tag, a claim edit, a merge, their undo and redo: no layout when no node is new, the
    other nodes' items kept, and each time the picture a fresh build would draw."""
    import desktop.analysis.layout as layout_module

    path, s = small_path
    window = make_window(path)
    dock, controller = _network(window, qtbot)
    session = window.session
    assert session is not None
    laid_out: list[int] = []
    real = layout_module.layout
    monkeypatch.setattr(
        layout_module,
        "layout",
        lambda network, *a, **k: laid_out.append(len(network.nodes)) or real(network, *a, **k),
    )

    def run(step: Callable[[], object]) -> dict[int, object]:
        kept = dict(dock.scene.nodes)
        with qtbot.waitSignal(controller.redrawn, timeout=20_000):
            step()
        qtbot.waitUntil(lambda: not controller.busy, timeout=20_000)
        _same_as_fresh(window, dock, controller)
        return {e: item for e, item in kept.items() if dock.scene.nodes.get(e) is item}

    # Alice tagged once more in article two: her node alone made again. (Both her names
    # there are tagged already, and the same span and label again is no new mention: the
    # wider "Alice spoke" is, linked to her.)
    label = session.label_by_key("person")
    assert label is not None
    from tests.analysis.conftest import DOC2

    start = DOC2.index("Alice spoke")
    plan = annotations.plan_selection(
        session.project, DOC2, s.doc2, start, start + 11, label, "me", snap=False
    )
    plan = replace(plan, draft=plan.draft._replace(entity_id=s.alice), new_entity=None)
    kept = run(lambda: session.run(lambda p: annotations.add_annotations(p, [plan])))
    assert dock.scene.remade == {s.alice} and set(kept) == {s.bob, s.cairo, s.carol}
    # a claim edit: Alice claims about Carol too; a new link, no node made again
    kept = run(
        lambda: session.run(lambda p: claims.edit_claim(p, s.claim, subjects=(s.bob, s.carol)))
    )
    assert dock.scene.remade == set() and set(kept) == {s.alice, s.bob, s.cairo, s.carol}
    assert 1 <= dock.scene.remade_tiles <= 2
    # a merge: Carol gone, Bob bigger
    kept = run(lambda: session.run(lambda p: entities.merge_entities(p, s.bob, s.carol)))
    assert s.carol not in dock.scene.nodes and s.bob in dock.scene.remade
    assert s.cairo in kept
    for _ in range(3):
        run(session.undo_stack.undo)
    assert dock.scene.nodes[s.carol].pos() == QPointF(*controller.positions[s.carol])
    for _ in range(3):
        run(session.undo_stack.redo)
    assert laid_out == []  # every node was placed already: Carol came back where she was


def test_the_scene_updates_only_the_tiles_of_changed_edges(qapp: object) -> None:
    """200 nodes, 1,000 edges: one edge's weight changed makes one tile again, no node."""
    import random

    from PySide6.QtGui import QColor

    from desktop.analysis.network import Edge, Network, NetworkOptions, Node
    from desktop.ui.figures.network import FALLBACK_COLOURS

    rng = random.Random(5)
    nodes = tuple(Node(i, f"n{i}", "person", 1 + i % 7) for i in range(200))
    pairs = sorted({(a, b) for a, b in (sorted(rng.sample(range(200), 2)) for _ in range(1000))})
    edges = tuple(Edge(a, b, 1, 0) for a, b in pairs)
    positions = {i: (rng.uniform(0, 1000), rng.uniform(0, 1000)) for i in range(200)}
    palette = {key: QColor(value) for key, value in FALLBACK_COLOURS.items()}
    scene = NetworkScene()
    network = Network(nodes, edges, NetworkOptions())
    scene.show_network(network, positions, palette)
    tiles, items = list(scene.edge_items), dict(scene.nodes)
    assert scene.remade_tiles == len(tiles) > 50
    heavier = Network(nodes, (Edge(pairs[0][0], pairs[0][1], 9, 0), *edges[1:]), NetworkOptions())
    scene.update_network(heavier, positions, palette)
    assert scene.remade == set() and scene.remade_tiles == 1
    assert all(scene.nodes[i] is item for i, item in items.items())
    assert len([t for t in scene.edge_items if t not in tiles]) == 1
    fresh = NetworkScene()
    fresh.show_network(heavier, positions, palette)
    assert _lines(scene) == _lines(fresh)
    # the same network again: nothing made
    scene.update_network(heavier, positions, palette)
    assert scene.remade == set() and scene.remade_tiles == 0


def test_export_offers_a_name_and_adds_the_suffix(
    make_window: MakeWindow,
    small_path: tuple[Path, Small],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A name typed without .png was written as it was, and the SVG export then offered to
    replace that PNG; the dialog offered no name at all."""
    from desktop.ui.widgets import files

    path, _s = small_path
    window = make_window(path)
    _dock, controller = _network(window, qtbot)
    offered: list[str] = []

    def typed(_parent: object, _title: str, start: str, _pattern: str) -> str:
        offered.append(start)
        return str(tmp_path / "dock_net")

    monkeypatch.setattr(files, "save_file_name", typed)
    controller.export("png")
    controller.export("svg")
    assert offered[0].endswith("small-network.png") and offered[1].endswith("small-network.svg")
    assert (tmp_path / "dock_net.png").read_bytes().startswith(b"\x89PNG")
    assert "<svg" in (tmp_path / "dock_net.svg").read_text(encoding="utf-8")
    assert not (tmp_path / "dock_net").exists()


def test_a_filter_shows_no_picture_of_the_network_before_it(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Found by a trial: zoomed in, a weight filter moved the scroll bars, which began a
    "gesture", and its frames were the old network's kept picture, moved or scaled — the
    nodes just filtered out still drawn, blurred, until the gesture ended."""
    window = make_window(_briefing_project(tmp_path))
    dock, controller = _network(window, qtbot)
    view, scene = dock.view, dock.scene
    for _ in range(2):
        view.zoom(1.2)
    view.end_gesture()
    qtbot.waitUntil(lambda: view.frame is not None and view._frame_fresh, timeout=10_000)
    before = scene.edition
    with qtbot.waitSignal(controller.redrawn, timeout=20_000):
        dock.min_weight.setValue(3)
    assert scene.edition != before
    scene.set_interacting(True)  # as the scroll bars' move makes it
    view.viewport().repaint()
    assert view.frame is None and not view.wide  # nothing of the old network kept
    assert view.composite is None or view._composite_edition == scene.edition


def test_a_long_passage_is_listed_beyond_a_name_s_length(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Found by a trial: a passage was cut to a node label's 40 characters on any width."""
    window = make_window(_briefing_project(tmp_path))
    dock, controller = _network(window, qtbot)
    assert controller.network is not None
    edge = max(controller.network.edges, key=lambda e: e.cooccurrence)
    controller.show_passages(edge.source, edge.target)
    items = [dock.passages.topLevelItem(i) for i in range(dock.passages.topLevelItemCount())]
    assert items
    long = [item for item in items if len(item.toolTip(1)) > 80]
    assert long and all(len(item.text(1)) > 60 for item in long)
    assert all("\n" not in item.text(1) for item in items)
    # Both names in sight and bold in every row (a long sentence's row ended before them).
    project = window.project
    for item in items:
        doc_id, start, end = item.data(0, network_dock.PASSAGE_ROLE)
        text = project.documents.get(doc_id).text
        named = {
            text[a.start : a.end]
            for a in project.annotations.for_document(doc_id)
            # (a claim's span that does not name its claimant shows the name just before it)
            if a.entity_id in (edge.source, edge.target) and start - 60 <= a.start < end
        }
        rich = item.data(1, HTML_ROLE)
        bold = re.findall(r"<b>(.*?)</b>", rich)
        if named:  # (a claim's passage names neither, perhaps: it shows from its start)
            assert bold and set(bold) <= named, (bold, named)
    assert any(len(re.findall("<b>", item.data(1, HTML_ROLE))) >= 2 for item in items)


def test_a_date_filter_says_it_leaves_out_undated_articles(
    qapp: object, small_path: tuple[Path, Small]
) -> None:
    """Found by a trial: ticking Dates emptied the network of the sample articles (none has
    a publication date) with only "no entity matches the filters" to say why."""
    from desktop.analysis.network import NetworkIndex, NetworkOptions
    from desktop.ui.figures.network import empty_text

    path, s = small_path
    project = Project.open(path)
    try:
        project.documents.update_metadata(s.doc1, published=None)
        index = NetworkIndex()
        index.load(NetworkReads(project.database))
        undated = sum(1 for c in index.contributions.values() if not c.published)
        assert undated == 1
        network = index.graph(NetworkOptions(date_from="2100-01-01"))
        assert not network.nodes
        said = empty_text(network, index)
        assert "1 article without a publication date" in said, said
        assert "publication date" not in empty_text(
            index.graph(NetworkOptions(min_weight=99)), index
        )
    finally:
        project.close()


def test_a_network_too_large_says_so(
    make_window: MakeWindow,
    small_path: tuple[Path, Small],
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.analysis import network as module

    path, _s = small_path
    window = make_window(path)
    dock, controller = _network(window, qtbot)
    monkeypatch.setattr(module, "MAX_PAIRS", 1)
    with qtbot.waitSignal(controller.redrawn, timeout=20_000):
        dock.level.setCurrentIndex(dock.level.findData("article"))
    assert dock.stack.currentWidget() is dock.message
    assert "more pairs of entities" in dock.message.text()
    monkeypatch.setattr(module, "MAX_PAIRS", 200_000)
    with qtbot.waitSignal(controller.redrawn, timeout=20_000):
        dock.level.setCurrentIndex(dock.level.findData("sentence"))
    assert dock.stack.currentWidget() is dock.view


def test_the_types_menu_stays_open_while_types_are_ticked(
    make_window: MakeWindow, small_path: tuple[Path, Small], qtbot: QtBot
) -> None:
    """Found by a trial: the menu closed after each tick (six clicks for three types)."""
    from PySide6.QtCore import Qt as QtNs
    from PySide6.QtTest import QTest

    path, _ = small_path
    window = make_window(path)
    dock, _controller = _network(window, qtbot)
    menu = dock.types_menu
    menu.popup(dock.types_button.mapToGlobal(dock.types_button.rect().bottomLeft()))
    qtbot.waitUntil(menu.isVisible, timeout=5_000)
    first, second = list(dock.type_actions.values())[:2]
    for action in (first, second):
        QTest.mouseClick(
            menu, QtNs.MouseButton.LeftButton, pos=menu.actionGeometry(action).center()
        )
    assert menu.isVisible()
    assert not first.isChecked() and not second.isChecked()
    QTest.keyClick(menu, QtNs.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=5_000)
