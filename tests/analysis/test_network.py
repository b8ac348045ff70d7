"""The entity network of a hand-computed project (tests/analysis/conftest.py): counts and
weights per level, claim edges, filters, passages, and the layout's stability."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.analysis.layout import GAP, betweenness, layout, write_graphml
from desktop.analysis.network import (
    Edge,
    Network,
    NetworkIndex,
    NetworkOptions,
    Node,
    build,
)
from desktop.core.text import make_draft
from desktop.store.network import NetworkReads
from desktop.store.project import Project
from tests.analysis.conftest import DOC1, DOC2, Small


def weights(network: Network) -> dict[frozenset[int], tuple[int, int]]:
    return {frozenset((e.source, e.target)): (e.cooccurrence, e.claims) for e in network.edges}


def graph(small: Small, **options: object) -> Network:
    return build(NetworkReads(small.project.database), NetworkOptions(**options))  # type: ignore[arg-type]


def test_sentence_level(small: Small) -> None:
    s = small
    network = graph(s)
    assert {(n.name, n.type, n.mentions) for n in network.nodes} == {
        ("Alice", "person", 4),
        ("Bob", "person", 4),
        ("Cairo", "location", 1),
        ("Carol", "person", 1),
    }
    assert weights(network) == {
        frozenset((s.alice, s.bob)): (3, 1),  # 1 in article one, 2 in article two; the claim
        frozenset((s.alice, s.cairo)): (1, 0),
        frozenset((s.bob, s.cairo)): (1, 0),
        frozenset((s.alice, s.carol)): (1, 0),
    }
    claim_edge = next(e for e in network.edges if e.claims)
    assert (claim_edge.source, claim_edge.target) == (s.alice, s.bob)  # claimant → subject
    assert claim_edge.weight == 4
    assert claim_edge.kinds == ("cooccurrence", "claim")
    assert network.degrees()[s.alice] == (3, 6)


def test_paragraph_level(small: Small) -> None:
    s = small
    assert weights(graph(s, level="paragraph")) == {
        frozenset((s.alice, s.bob)): (2, 1),
        frozenset((s.alice, s.cairo)): (1, 0),
        frozenset((s.bob, s.cairo)): (1, 0),
        frozenset((s.alice, s.carol)): (1, 0),
    }


def test_article_level(small: Small) -> None:
    s = small
    assert weights(graph(s, level="article")) == {
        frozenset((s.alice, s.bob)): (2, 1),
        frozenset((s.alice, s.cairo)): (1, 0),
        frozenset((s.bob, s.cairo)): (1, 0),
        frozenset((s.alice, s.carol)): (1, 0),
        frozenset((s.bob, s.carol)): (1, 0),
        frozenset((s.cairo, s.carol)): (1, 0),
    }


def test_without_claims(small: Small) -> None:
    s = small
    assert weights(graph(s, claims=False))[frozenset((s.alice, s.bob))] == (3, 0)


def test_filters(small: Small) -> None:
    s = small
    people = graph(s, types=frozenset({"person"}))
    assert {n.name for n in people.nodes} == {"Alice", "Bob", "Carol"}
    assert len(people.edges) == 2
    two = graph(s, documents=frozenset({s.doc2}))
    assert {n.name: n.mentions for n in two.nodes} == {"Alice": 2, "Bob": 2}
    assert weights(two) == {frozenset((s.alice, s.bob)): (2, 1)}
    later = graph(s, date_from="2024-02-01")
    assert weights(later) == weights(two)  # article two's date has a time after it
    earlier = graph(s, date_to="2024-01-31")
    assert weights(earlier)[frozenset((s.alice, s.bob))] == (1, 0)  # the claim is in two
    heavy = graph(s, min_weight=2)
    assert weights(heavy) == {frozenset((s.alice, s.bob)): (3, 1)}
    assert {n.name for n in heavy.nodes} == {"Alice", "Bob"}  # the others left without a link
    assert graph(s, date_from="2030-01-01").nodes == ()


def test_passages(small: Small) -> None:
    s = small
    index = NetworkIndex()
    index.load(NetworkReads(s.project.database))
    found = index.passages(s.bob, s.alice)
    texts = [
        (p.document_id, (DOC1 if p.document_id == s.doc1 else DOC2)[p.start : p.end]) for p in found
    ]
    assert texts == [
        (s.doc1, "Alice met Bob in Cairo."),
        (s.doc2, "Bob and Alice spoke."),
        (s.doc2, "Alice said Bob lied."),
    ]
    paragraph = index.passages(s.alice, s.carol, NetworkOptions(level="paragraph"))
    assert [DOC1[p.start : p.end] for p in paragraph] == ["Carol called Alice."]
    assert [p.title for p in paragraph] == ["One"]
    assert index.passages(s.carol, s.cairo) == []


def test_an_empty_project(tmp_path: Path) -> None:
    with Project.open(tmp_path / "empty.hamish") as project:
        network = build(NetworkReads(project.database))
    assert network.nodes == () and network.edges == ()
    assert layout(network) == {}
    assert betweenness(network) == {}


def test_orphaned_and_out_of_range_mentions_count_but_pair_with_nothing(small: Small) -> None:
    s = small
    conn = s.project.database.conn
    conn.execute("UPDATE annotations SET anchor = 'orphaned' WHERE entity_id = ?", [s.cairo])
    network = graph(s)
    assert next(n for n in network.nodes if n.id == s.cairo).mentions == 1
    assert frozenset((s.alice, s.cairo)) not in weights(network)


def _net(count: int, edges: list[tuple[int, int]]) -> Network:
    return Network(
        tuple(Node(i, f"n{i}", "person", 1) for i in range(count)),
        tuple(Edge(a, b, 1, 0) for a, b in edges),
        NetworkOptions(),
    )


def test_layout_is_stable_and_places_only_new_nodes() -> None:
    ring = [(i, (i + 1) % 30) for i in range(30)]
    first = layout(_net(30, ring))
    assert layout(_net(30, ring)) == first  # the same seed, the same picture
    grown = layout(_net(32, [*ring, (30, 0), (31, 30)]), first)
    assert {i: grown[i] for i in first} == first  # every existing node where it was
    assert set(grown) == set(first) | {30, 31}
    assert grown[30] != grown[31]


def test_a_new_layout_lies_across() -> None:
    """A force layout comes out at any angle; a tall one made a page-high figure of six
    entities in a briefing. Laid out anew, a chain runs across; grown later, nothing turns."""
    chain = [(i, i + 1) for i in range(7)]
    placed = layout(_net(8, chain))
    xs = [x for x, _ in placed.values()]
    ys = [y for _, y in placed.values()]
    assert max(xs) - min(xs) > max(ys) - min(ys)
    grown = layout(_net(9, [*chain, (7, 8)]), placed)
    assert {i: grown[i] for i in placed} == placed


def _overlaps(network: Network, placed: dict[int, tuple[float, float]]) -> list[tuple[int, int]]:
    import math

    from desktop.analysis.network import node_radius

    nodes = list(network.nodes)
    return [
        (a.id, b.id)
        for i, a in enumerate(nodes)
        for b in nodes[i + 1 :]
        if math.dist(placed[a.id], placed[b.id])
        < node_radius(a.mentions) + node_radius(b.mentions) + GAP - 0.5
    ]


def test_layout_keeps_big_nodes_and_their_names_apart() -> None:
    """A briefing's small network of much-mentioned persons, all linked: their discs covered
    each other and the names under them when the layout treated nodes as points."""
    mentions = [120, 90, 80, 60, 40, 18, 5, 3, 1, 1, 1, 1]
    network = Network(
        tuple(Node(i, f"n{i}", "person", m) for i, m in enumerate(mentions)),
        tuple(Edge(a, b, 3, 0) for a in range(6) for b in range(a + 1, 12)),
        NetworkOptions(),
    )
    placed = layout(network)
    assert _overlaps(network, placed) == []
    # A node added later is placed clear of the others, which stay where they were.
    grown = Network(
        (*network.nodes, Node(12, "n12", "person", 100)),
        (*network.edges, Edge(0, 12, 5, 0), Edge(1, 12, 5, 0)),
        NetworkOptions(),
    )
    again = layout(grown, placed)
    assert {i: again[i] for i in placed} == placed
    assert _overlaps(grown, again) == []


def test_betweenness_of_a_path() -> None:
    values = betweenness(_net(3, [(0, 1), (1, 2)]))
    assert values[1] == pytest.approx(1.0)
    assert values[0] == 0
    assert betweenness(_net(3, [(0, 1), (1, 2)]), [1]) == {1: pytest.approx(1.0)}


def test_graphml_holds_no_control_characters(tmp_path: Path) -> None:
    network = Network(
        (Node(1, "a\x00b\x1bc", "person", 2), Node(2, "x" * 10_000, "other", 1)),
        (Edge(1, 2, 2, 1),),
        NetworkOptions(),
    )
    target = tmp_path / "g.graphml"
    write_graphml(network, target, lambda text: "".join(c for c in text if c.isprintable()))
    import xml.etree.ElementTree as ET

    root = ET.parse(target).getroot()
    data = [d.text for d in root.iter() if d.tag.endswith("data")]
    assert "abc" in data
    assert "x" * 10_000 in data


def test_segments_are_cut_to_the_rectangle() -> None:
    from desktop.analysis.layout import Segments

    segments = Segments([(-10, 5, 20, 5), (0, 0, 10, 10), (50, 50, 60, 60), (5, -10, 5, 30)])
    cut = segments.clipped(0, 0, 10, 10)
    assert cut == [(0.0, 5.0, 10.0, 5.0), (0.0, 0.0, 10.0, 10.0), (5.0, 0.0, 5.0, 10.0)]
    assert Segments([]).clipped(0, 0, 1, 1) == []


def test_an_article_naming_thousands_of_entities_pairs_only_the_level_asked() -> None:
    """Every level's pairs were made for each article: 2,000 entities in one article, each in
    its own sentence, made two million article-level pairs (15 s, 880 MB) for a sentence-level
    network with no edge at all."""
    from desktop.analysis.network import contribution
    from desktop.store.network import ArticleRows, MentionRow

    text = " ".join(f"w{k}." for k in range(2000))
    mentions = []
    position = 0
    for k in range(2000):
        word = f"w{k}"
        mentions.append(MentionRow(k, k, position, position + len(word), False))
        position += len(word) + 2
    found = contribution(ArticleRows(1, "t", None, text, tuple(mentions)))
    assert found.pairs("sentence") == {}
    assert set(found.made) == {"sentence"}  # the article level was not expanded
    assert len(found.groups["article"]) == 1
    # Asked for, the article level still has them all.
    assert len(found.pairs("article")) == 2000 * 1999 // 2


def test_a_network_of_too_many_pairs_is_refused_before_they_are_made(
    small: Small, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the attacker: one article naming 5,000 entities made 12 million pairs at the
    article level (20 GB); the pairs are counted first and a network of more is refused."""
    from desktop.analysis import network as module

    index = module.NetworkIndex()
    index.load(NetworkReads(small.project.database))
    sentence = sum(c.pair_count("sentence") for c in index.contributions.values())
    article = sum(c.pair_count("article") for c in index.contributions.values())
    assert sentence < article
    monkeypatch.setattr(module, "MAX_PAIRS", sentence)
    assert index.graph(NetworkOptions(level="sentence")).edges  # at the limit: drawn
    with pytest.raises(module.TooManyPairs, match="sentence level"):
        index.graph(NetworkOptions(level="article"))
    assert "article" not in next(iter(index.contributions.values())).made  # none made
    # Counted the same way once made.
    made = index.contributions[small.doc1]
    made.pairs("sentence")
    assert made.pair_count("sentence") == sum(
        len(m) * (len(m) - 1) // 2 for m in made.groups["sentence"].values()
    )


def test_too_many_pairs_counts_after_the_filters_and_advises_by_level(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the attacker: 3,000 entities named in one sentence were refused with advice
    to "choose the sentence level" at the sentence level, and with a type none of them has
    or a minimum weight none of their pairs reaches, as the pairs were counted unfiltered."""
    from desktop.analysis import network as module
    from tests.analysis.conftest import tag

    names = [f"N{k:02d}" for k in range(60)]
    text = " ".join(names) + " met."
    with Project.open(tmp_path / "crowd.hamish") as project:
        doc = project.documents.add(make_draft(text, title="Crowd", title_line=False))
        for name in names:
            tag(project, doc, text, name, project.entities.add(name, "person"))
        index = module.NetworkIndex()
        index.load(NetworkReads(project.database))
    monkeypatch.setattr(module, "MAX_PAIRS", 60 * 59 // 2 - 1)
    with pytest.raises(module.TooManyPairs) as refused:
        index.graph(NetworkOptions(level="sentence"))
    assert "filter by type, articles or dates" in str(refused.value)
    assert "choose the sentence level" not in str(refused.value)
    with pytest.raises(module.TooManyPairs, match="choose the sentence level"):
        index.graph(NetworkOptions(level="paragraph"))
    assert index.graph(NetworkOptions(types=frozenset({"organisation"}))).nodes == ()
    assert index.graph(NetworkOptions(min_weight=2)) == Network(
        (), (), NetworkOptions(min_weight=2)
    )
    assert "sentence" not in next(iter(index.contributions.values())).made  # none made
