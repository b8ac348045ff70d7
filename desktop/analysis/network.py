"""The entity network: who appears with whom, and who claims what about whom.

Nodes are entities (size: their mentions); an edge joins two entities mentioned in the same
sentence, paragraph or article — the level is chosen — weighted by the number of such
passages, plus one for each claim whose claimant is the one and whose subject is the other.

The expensive part is each article's own contribution (its sentences found, its mentions
paired), so :class:`NetworkIndex` keeps it per article, at every level at once, and an edit
recomputes only the articles it touched (``articles_read`` counts them); names, types and
claims are one cheap query each and are read again whole. A graph for a choice of filters is
then put together from the contributions without reading the project.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Literal

from desktop.core.errors import HamishError
from desktop.core.passages import Span, SpanLookup, paragraphs, sentences
from desktop.store.network import ArticleRows, ClaimRow, EntityRow, NetworkReads

Level = Literal["sentence", "paragraph", "article"]
LEVELS: tuple[Level, ...] = ("sentence", "paragraph", "article")
Pair = tuple[int, int]


@dataclass(frozen=True, slots=True)
class NetworkOptions:
    """What the network shows. Empty ``types`` or ``documents`` mean all of them; dates are
    ISO dates (``2024-05-01``) compared with the start of each article's publication date, and
    an article without one is left out when either bound is set."""

    level: Level = "sentence"
    types: frozenset[str] = frozenset()
    documents: frozenset[int] = frozenset()
    date_from: str | None = None
    date_to: str | None = None
    min_weight: int = 1
    """Above 1, entities left without a link are left out too."""
    claims: bool = True

    def as_dict(self) -> dict[str, object]:
        return {
            "level": self.level,
            "types": sorted(self.types),
            "documents": sorted(self.documents),
            "date_from": self.date_from,
            "date_to": self.date_to,
            "min_weight": self.min_weight,
            "claims": self.claims,
        }


@dataclass(frozen=True, slots=True)
class Node:
    id: int
    name: str
    type: str
    mentions: int


@dataclass(frozen=True, slots=True)
class Edge:
    """Between ``source`` and ``target`` (the smaller id first for co-occurrence alone; for a
    claim edge the claimant when all its claims go one way)."""

    source: int
    target: int
    cooccurrence: int
    claims: int

    @property
    def weight(self) -> int:
        return self.cooccurrence + self.claims

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(
            kind
            for kind, count in (("cooccurrence", self.cooccurrence), ("claim", self.claims))
            if count
        )


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    options: NetworkOptions

    def degrees(self) -> dict[int, tuple[int, int]]:
        """Entity id → (degree, weighted degree)."""
        found = {node.id: [0, 0] for node in self.nodes}
        for edge in self.edges:
            for end in (edge.source, edge.target):
                found[end][0] += 1
                found[end][1] += edge.weight
        return {key: (value[0], value[1]) for key, value in found.items()}


@dataclass(frozen=True, slots=True)
class Passage:
    """Where two entities appear together: an article's sentence or paragraph (or, at the
    article level, the article from its first mention of either to its last)."""

    document_id: int
    title: str
    start: int
    end: int


MAX_PAIRS = 200_000
"""Co-occurring pairs a network is made from, at most: every pair of entities named in one
sentence, paragraph or article is one, so one long article naming 1,000 entities had 500,000
at the article level (12 s and 1.2 GB; 5,000 entities took 20 GB — found by the attacker).
The benchmark's network of 2,000 entities and 20,000 edges is far below it."""


class TooManyPairs(HamishError):
    """The network asked for would be made of more than ``MAX_PAIRS`` pairs."""


@dataclass(slots=True)
class Contribution:
    """One article's share of the network, at every level: the entities of each sentence,
    paragraph and of the article (``groups``); their pairs are made for a level only when it
    is asked for — an article naming 4,000 entities has 8 million pairs at the article level,
    which the sentence level (the default) must not pay for."""

    document_id: int
    title: str
    published: str | None
    mentions: Counter[int] = field(default_factory=Counter)
    groups: dict[Level, dict[Span, tuple[int, ...]]] = field(default_factory=dict)
    annotations: tuple[int, ...] = ()
    made: dict[Level, dict[Pair, list[Span]]] = field(default_factory=dict)

    def pair_count(self, level: Level, among: Callable[[int], bool] | None = None) -> int:
        """How many pairs ``pairs(level, among)`` makes, counted without making them."""
        if among is not None:
            return sum(
                k * (k - 1) // 2
                for m in self.groups.get(level, {}).values()
                if (k := sum(1 for e in m if among(e))) > 1
            )
        found = self.made.get(level)
        if found is not None:
            return sum(len(spans) for spans in found.values())
        return sum(len(m) * (len(m) - 1) // 2 for m in self.groups.get(level, {}).values())

    def pairs(
        self, level: Level, among: Callable[[int], bool] | None = None
    ) -> dict[Pair, list[Span]]:
        """The co-occurring pairs at ``level``, each with the spans they share; ``among``:
        only pairs of the entities it accepts (made for the call, not kept)."""
        found = self.made.get(level)
        if found is None or among is not None:
            found = {}
            for span, members in self.groups.get(level, {}).items():
                chosen = members if among is None else [e for e in members if among(e)]
                for pair in combinations(chosen, 2):
                    found.setdefault(pair, []).append(span)
            if among is None:
                self.made[level] = found
        return found


def contribution(article: ArticleRows) -> Contribution:
    """The mentions and the co-occurring pairs of one article."""
    found = Contribution(article.id, article.title, article.published)
    found.mentions.update(m.entity_id for m in article.mentions)
    found.annotations = tuple(m.annotation_id for m in article.mentions)
    placed = [m for m in article.mentions if not m.orphaned and m.end <= len(article.text)]
    for level in LEVELS:
        if level == "article":
            groups: dict[Span, set[int]] = {}
            if placed:
                whole = (min(m.start for m in placed), max(m.end for m in placed))
                groups[whole] = {m.entity_id for m in placed}
        else:
            spans = sentences(article.text) if level == "sentence" else paragraphs(article.text)
            lookup = SpanLookup(spans)
            groups = {}
            for mention in placed:
                k = lookup.index(mention.start)
                if k is not None:
                    groups.setdefault(spans[k], set()).add(mention.entity_id)
        found.groups[level] = {span: tuple(sorted(members)) for span, members in groups.items()}
    return found


class NetworkIndex:
    """Every article's contribution, the entities and the claims, kept up to date by edits."""

    def __init__(self) -> None:
        self.contributions: dict[int, Contribution] = {}
        self.entities: dict[int, EntityRow] = {}
        self.claims: list[ClaimRow] = []
        self._annotation_documents: dict[int, int] = {}
        self.articles_read = 0
        """How many articles' contributions were computed, for tests of the edit flow."""

    # --- reading -----------------------------------------------------------------------------
    def load(self, reads: NetworkReads) -> None:
        self.contributions.clear()
        self._annotation_documents.clear()
        self.refresh_articles(reads, reads.article_ids())
        self.refresh_entities(reads)
        self.refresh_claims(reads)

    def refresh_articles(self, reads: NetworkReads, ids: Iterable[int]) -> None:
        """Compute ``ids`` again (an id no longer in the project is dropped)."""
        wanted = set(ids)
        for doc_id in wanted:
            self._forget(doc_id)
        self.apply(contribution(article) for article in reads.articles(sorted(wanted)))

    def apply(self, found: Iterable[Contribution]) -> None:
        """Take contributions computed elsewhere (in a worker thread)."""
        for item in found:
            self._forget(item.document_id)
            self.contributions[item.document_id] = item
            for annotation_id in item.annotations:
                self._annotation_documents[annotation_id] = item.document_id
            self.articles_read += 1

    def forget(self, ids: Iterable[int]) -> None:
        for doc_id in ids:
            self._forget(doc_id)

    def _forget(self, doc_id: int) -> None:
        old = self.contributions.pop(doc_id, None)
        if old is not None:
            for annotation_id in old.annotations:
                self._annotation_documents.pop(annotation_id, None)

    def refresh_entities(self, reads: NetworkReads) -> None:
        self.entities = {row.id: row for row in reads.entities()}

    def refresh_claims(self, reads: NetworkReads) -> None:
        self.claims = reads.claims()

    def documents_of(self, annotation_ids: Iterable[int]) -> set[int]:
        """The articles the annotations ``annotation_ids`` were in when last read (a deleted
        tag's article, which the project can no longer tell)."""
        return {
            doc
            for annotation_id in annotation_ids
            if (doc := self._annotation_documents.get(annotation_id)) is not None
        }

    # --- the graph ---------------------------------------------------------------------------
    def _articles(self, options: NetworkOptions) -> list[Contribution]:
        chosen: list[Contribution] = []
        for item in self.contributions.values():
            if options.documents and item.document_id not in options.documents:
                continue
            if options.date_from or options.date_to:
                day = (item.published or "")[:10]
                if not day:
                    continue
                if options.date_from and day < options.date_from:
                    continue
                if options.date_to and day > options.date_to:
                    continue
            chosen.append(item)
        return chosen

    def _shown(self, entity_id: int, options: NetworkOptions) -> bool:
        row = self.entities.get(entity_id)
        return row is not None and (not options.types or row.type in options.types)

    def _linkable(
        self, articles: list[Contribution], claimed: Counter[Pair], options: NetworkOptions
    ) -> Callable[[int], bool] | None:
        """The entities whose pairs can be in the network asked for, or None for all: those
        of the types asked for, and — above a minimum weight of one — those that could reach
        it. An edge of ``a`` weighs at most the passages naming ``a`` plus its claims, so an
        entity with fewer gets no edge, and (above one) no node either. Why: the pairs are
        counted before any is made (``MAX_PAIRS``), and 3,000 entities named once in one
        sentence were refused with ``--type organisation`` (none) or ``--min-weight 2``."""
        tests: list[Callable[[int], bool]] = []
        if options.types:
            tests.append(lambda e: self._shown(e, options))
        if options.min_weight > 1:
            reach: Counter[int] = Counter()
            for item in articles:
                for members in item.groups.get(options.level, {}).values():
                    reach.update(members)
            for (who, about), count in claimed.items():
                reach[who] += count
                reach[about] += count
            least = options.min_weight
            tests.append(lambda e: reach[e] >= least)
        if not tests:
            return None
        return lambda e: all(test(e) for test in tests)

    def graph(self, options: NetworkOptions | None = None) -> Network:
        options = options or NetworkOptions()
        articles = self._articles(options)
        claimed: Counter[Pair] = Counter()  # (claimant, subject)
        if options.claims:
            in_scope = {item.document_id for item in articles}
            for claim in self.claims:
                if claim.document_id not in in_scope or claim.claimant_id is None:
                    continue
                for subject in claim.subject_ids:
                    if subject != claim.claimant_id:
                        claimed[(claim.claimant_id, subject)] += 1
        among: Callable[[int], bool] | None = None
        pairs = sum(item.pair_count(options.level) for item in articles)
        if pairs > MAX_PAIRS:
            # Only then are the pairs made filtered, for this call: the ones kept per article
            # serve every other network, whose filters apply to the edges.
            among = self._linkable(articles, claimed, options)
            if among is not None:
                pairs = sum(item.pair_count(options.level, among) for item in articles)
        if pairs > MAX_PAIRS:
            level = options.level
            advice = (
                "filter by type, articles or dates"
                if level == "sentence"
                else "choose the sentence level, or filter by type, articles or dates"
            )
            raise TooManyPairs(
                f"The network at the {level} level would be made of {pairs:,} pairs of "
                f"entities named together, more than the {MAX_PAIRS:,} Hamish draws: {advice}."
            )
        mentions: Counter[int] = Counter()
        together: Counter[Pair] = Counter()
        for item in articles:
            mentions.update(item.mentions)
            for pair, spans in item.pairs(options.level, among).items():
                together[pair] += len(spans)
        edges: dict[Pair, list[int]] = {}  # sorted pair → [co-occurrence, a→b claims, b→a]
        for pair, count in together.items():
            edges.setdefault(pair, [0, 0, 0])[0] += count
        for (who, about), count in claimed.items():
            key = (min(who, about), max(who, about))
            edges.setdefault(key, [0, 0, 0])[1 if who < about else 2] += count
        kept: list[Edge] = []
        for (a, b), (count, forward, backward) in sorted(edges.items()):
            if not (self._shown(a, options) and self._shown(b, options)):
                continue
            if count + forward + backward < options.min_weight:
                continue
            source, target = (b, a) if backward and not forward else (a, b)
            kept.append(Edge(source, target, count, forward + backward))
        # Every mentioned entity is a node; a minimum weight above one is asked to thin the
        # picture, and leaves out the entities it left without a link.
        ids = (
            {e for e, n in mentions.items() if n and self._shown(e, options)}
            if options.min_weight <= 1
            else set()
        )
        ids.update(end for edge in kept for end in (edge.source, edge.target))
        nodes = tuple(
            Node(e, self.entities[e].name, self.entities[e].type, mentions.get(e, 0))
            for e in sorted(ids)
        )
        return Network(nodes, tuple(kept), options)

    def passages(self, a: int, b: int, options: NetworkOptions | None = None) -> list[Passage]:
        """The passages at the options' level where ``a`` and ``b`` both appear, article by
        article; the claims of one about the other come with their passage too."""
        options = options or NetworkOptions()
        pair = (min(a, b), max(a, b))
        found: list[Passage] = []
        articles = self._articles(options)
        for item in sorted(articles, key=lambda c: c.document_id):
            for start, end in item.pairs(options.level).get(pair, ()):
                found.append(Passage(item.document_id, item.title, start, end))
        if options.claims:
            titles = {item.document_id: item.title for item in articles}
            for claim in self.claims:
                who, about = claim.claimant_id, claim.subject_ids
                if claim.document_id in titles and (
                    (who == a and b in about) or (who == b and a in about)
                ):
                    passage = Passage(
                        claim.document_id, titles[claim.document_id], claim.start, claim.end
                    )
                    if passage not in found:
                        found.append(passage)
        return found


def build(reads: NetworkReads, options: NetworkOptions | None = None) -> Network:
    """The network of a project in one go (the command line, the briefing's figure)."""
    index = NetworkIndex()
    index.load(reads)
    return index.graph(options)


def node_radius(mentions: int) -> float:
    """A node's radius in scene units (pixels at 100 % zoom): its area grows with its
    mentions. Here, not in the drawing, because the layout keeps nodes this big apart."""
    return 5.0 + 3.0 * math.sqrt(max(mentions, 1))


def by_id(nodes: Sequence[Node]) -> dict[int, Node]:
    return {node.id: node for node in nodes}
