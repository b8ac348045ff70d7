"""The entity network stays readable with every suggestion accepted (a trial user's network of
the sample articles, 55 entities and 200-odd links): no name runs into another, no name is
written over a node other than its own — in the window at any zoom and in the printed
figures —, and a node with one link (إدلب) or none sits close to the others, not far out.

Before, a name whose places were all on nodes took its usual place over them ("الولايات
المتحدة" across two nodes), two names that only touched read as one ("بشار الأسدسيرغي
لافروف"), and the force pushed the lone and one-link nodes to the picture's edges.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from desktop.analysis.layout import layout
from desktop.analysis.network import Edge, Network, NetworkIndex, NetworkOptions, Node
from desktop.core.errors import HamishError
from desktop.learn import pending, tagger
from desktop.ops import annotations as ops
from desktop.store.network import NetworkReads
from desktop.store.project import Project
from desktop.ui.figures import export, network_dock
from desktop.ui.figures.network import (
    NAMES_KEPT,
    NetworkScene,
    briefing_scene,
    colours,
)
from desktop.ui.figures.network_dock import NetworkView
from tests.io.briefing_project import build_briefing_project

APART = 2.0
"""Pixels between two drawn names at least (names 11 pixels high; touching names read as one)."""


@pytest.fixture(autouse=True)
def _settled_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network_dock, "SLICE_MS", math.inf)


def accept_everything(project: Project) -> None:
    """Every suggestion of the Review Queue accepted, as its Accept does (``ops``), twice: the
    entities the first accepts make are suggested further."""
    labels = {label.key: label for label in project.labels.all()}
    for _round in range(2):
        aliases = project.entities.all_aliases()
        refused = tagger.refused(project)
        own = project.entities.own_label_keys()
        try:
            model = tagger.current_model(project)
        except HamishError:
            model = None
        plans = []
        for doc in project.documents.ids():
            reading = pending.read(
                project, doc, 0.5, aliases=aliases, refused=refused, model=model, own_labels=own
            )
            text = project.documents.get(doc).text
            for s in pending.compute(reading):
                label = labels.get(s.label_key)
                if label is None:
                    continue
                plans.append(
                    ops.plan_suggestion(
                        project,
                        text,
                        doc,
                        s.start,
                        s.end,
                        label,
                        "analyst",
                        entity_id=s.entity_id,
                        is_entity=s.kind == "entity",
                        claimant=s.claimant,
                        claimant_span=s.claimant_span,
                        entity_name=s.name,
                    )
                )
        if not plans:
            return
        ops.add_annotations(project, plans, "accept")


@pytest.fixture(scope="module")
def accepted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    path = tmp_path_factory.mktemp("accepted") / "b.hamish"
    project, _ = build_briefing_project(path)
    accept_everything(project)
    project.close()
    yield path


def _network(project: Project) -> Network:
    index = NetworkIndex()
    index.load(NetworkReads(project.database))
    return index.graph(None)


def _near(a: QRectF, b: QRectF, apart: float) -> bool:
    return a.adjusted(-apart, -apart, apart, apart).intersects(b)


def _crowded(rects: list[QRectF], apart: float) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(rects)
        for j in range(i + 1, len(rects))
        if _near(a, rects[j], apart)
    ]


def _covered(scene: NetworkScene, scale: float | None) -> list[tuple[str, str]]:
    """(name, node) for each name placed over a node other than its own (scene units)."""
    found = []
    for node_id, place in scene.named.items():
        left, top, right, bottom = scene.nodes[node_id].name_boxes(scale)[place]
        box = QRectF(left, top, right - left, bottom - top)
        for other_id, other in scene.nodes.items():
            r = other.radius
            x, y = other.x_y
            if other_id != node_id and box.intersects(QRectF(x - r, y - r, 2 * r, 2 * r)):
                found.append((scene.nodes[node_id].text, other.text))
    return found


def test_the_briefing_figure_of_the_accepted_network_is_readable(
    qapp: object, accepted: Path
) -> None:
    project = Project.open(accepted)
    try:
        assert len(project.entities.summaries()) >= 40
        scene = briefing_scene(project, rtl=True)
    finally:
        project.close()
    assert isinstance(scene, NetworkScene)
    assert len(scene.named) >= 30
    scene.label_log = []
    export.render_image(scene, dpi=300)
    drawn, scene.label_log = scene.label_log, None
    assert len(drawn) == len(scene.named)
    assert _crowded(drawn, APART * 300 / 72 * 9 / 11) == []  # at 300 dpi
    assert _covered(scene, None) == []


def test_the_window_names_neither_run_together_nor_cover_nodes_at_any_zoom(
    qtbot: QtBot, accepted: Path
) -> None:
    project = Project.open(accepted)
    try:
        network = _network(project)
        palette = colours(project)
    finally:
        project.close()
    scene = NetworkScene()
    scene.show_network(network, layout(network), palette)
    view = NetworkView(scene)
    scene.setParent(view)
    qtbot.addWidget(view)
    view.resize(1000, 160)  # a dock under the article, at 1024 × 640
    with qtbot.waitExposed(view):
        view.show()
    view.fit()
    view.end_gesture()
    for factor in (1.0, 1.3, 1.6, 2.5, 0.3):
        view.zoom(factor)
        view.end_gesture()
        scene.label_log = []
        view.viewport().repaint()
        drawn, scene.label_log = scene.label_log, None
        assert drawn, factor
        assert _crowded(drawn, APART) == [], factor
        scale = abs(view.transform().m11())
        # Only the biggest few, left out only where every place is on a name, may cover a
        # node where nothing else is free (across their own).
        biggest = sorted(scene.nodes.values(), key=lambda i: (-i.node.mentions, i.node.id))
        kept = {item.text for item in biggest[:NAMES_KEPT]}
        covered = [pair for pair in _covered(scene, scale) if pair[0] not in kept]
        assert covered == [], factor


def test_lone_and_one_link_nodes_sit_close_to_the_others(qapp: object) -> None:
    """A cluster of 40 linked nodes, a node of one link, two nodes linked only to each other
    and three with no link: each lies within a few links' length of the cluster, and the
    picture is hardly bigger than the cluster's own."""
    hub = [Node(i, f"كيان {i}", "person", 5) for i in range(40)]
    edges = [Edge(i, j, 2, 0) for i in range(40) for j in range(i + 1, 40) if (i * j) % 7 < 3]
    leaf = Node(40, "إدلب", "location", 1)
    pair = [Node(41, "باريس", "location", 1), Node(42, "فرانسوا هولاند", "person", 1)]
    lone = [Node(43 + i, f"وحيد {i}", "other", 1) for i in range(3)]
    network = Network(
        (*hub, leaf, *pair, *lone),
        (*edges, Edge(0, 40, 1, 0), Edge(41, 42, 1, 0)),
        NetworkOptions(),
    )
    placed = layout(network)
    cluster = [placed[i] for i in range(40)]
    xs, ys = [x for x, _ in cluster], [y for _, y in cluster]
    middle = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    reach = max(math.dist(middle, at) for at in cluster)
    for node_id in range(40, 46):
        assert math.dist(middle, placed[node_id]) < reach + 2.5 * 60, node_id
    every = list(placed.values())
    width = max(x for x, _ in every) - min(x for x, _ in every)
    height = max(y for _, y in every) - min(y for _, y in every)
    assert width * height < 2.0 * (max(xs) - min(xs)) * (max(ys) - min(ys))
    # The one-link node beside its neighbour (the force left it three links out).
    assert math.dist(placed[0], placed[40]) <= 100


def test_a_lone_node_added_later_is_put_beside_the_others_which_stay(qapp: object) -> None:
    nodes = tuple(Node(i, f"n{i}", "person", 2) for i in range(20))
    edges = tuple(Edge(i, (i + 1) % 20, 1, 0) for i in range(20))
    first = layout(Network(nodes, edges, NetworkOptions()))
    grown = Network((*nodes, Node(20, "lone", "other", 1)), edges, NetworkOptions())
    again = layout(grown, first)
    assert {i: again[i] for i in first} == first
    nearest = min(math.dist(again[20], at) for at in first.values())
    assert 30 <= nearest <= 90  # clear of the others, not far out
