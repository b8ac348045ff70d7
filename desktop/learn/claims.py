"""The claim classifier: re-ranks the claim rule's passages with what the analyst tagged and
decided.

The claim rule (:mod:`desktop.core.suggest.claims`) offers every passage after a reporting
verb; an analyst who never tags what a ministry's statement "confirms", or the claims whose
claimant is a capital city (``وقالت موسكو إن …``), rejects them again and again. This
classifier learns which passages the analyst takes.

What it learns from (:func:`train`), over the rule's candidates in each article (found again
on the current text, with the same registry as when suggesting):

* positives: a candidate the analyst tagged as a claim (a claim tag sharing at least half of
  the shorter of both), or accepted as a suggestion; and a claim tag no candidate matches
  (its own passage, with its claimant's entity type);
* negatives: a rejected claim suggestion, and in an article with at least one claim tag,
  every candidate that overlaps no claim tag (the analyst read the article and did not take
  it). An article without claim tags gives only its decisions.

Each candidate's features come from :class:`desktop.core.suggest.claim_features.ClaimFeatures`,
with the claimant's kinds known to the project: the registry's entity type (``rg:location``)
and the gazetteer's names (``gz:LOC-name``). The model is a maximum-entropy classifier
(CRFsuite over one-item sequences, :mod:`desktop.learn.crf`), stored in the project next to
the entity tagger (``tagger_models``, kind ``claim``). With fewer than :data:`MIN_POSITIVES`
positive or :data:`MIN_NEGATIVES` negative examples no model is kept, and claim suggestions
keep the rule's score.

What it offers (:func:`rerank`): each claim suggestion's ``score`` becomes the model's
probability that the analyst would take it, and one below the threshold is left out.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from threading import Lock
from typing import Any

from desktop.core.matching import AliasMatcher
from desktop.core.suggest import Suggestion
from desktop.core.suggest import suggest as rule_suggestions
from desktop.core.suggest.claim_features import ClaimFeatures
from desktop.core.suggest.features import Membership
from desktop.learn import crf, sources
from desktop.learn.crf import Classifier, CrfSettings, train_classifier
from desktop.resources import gazetteer as shipped_gazetteer
from desktop.store.db import utcnow
from desktop.store.project import Project

__all__ = [
    "FEATURES_VERSION",
    "MIN_NEGATIVES",
    "MIN_POSITIVES",
    "ClaimModel",
    "ClaimReport",
    "current_model",
    "describe",
    "examples",
    "rerank",
    "train",
]

FEATURES_VERSION = 2  # raise when the features change: older models are then ignored
MIN_POSITIVES = 10  # claims the analyst took, before the classifier replaces the rule's score
MIN_NEGATIVES = 5  # … and candidates the analyst left or rejected
KIND = "claim"  # the model's kind in tagger_models
TAKEN, LEFT = "claim", "other"
Span = tuple[int, int, str]
# A classifier of a few hundred examples with thousands of word features: L1 drops the words
# seen once or twice, L2 smooths the rest. Chosen by leaving one sample article out
# (benchmarks/claims.py): AUC 0.885 against 0.85 for c2 = 0.5 and 0.86 for L2 alone.
SETTINGS = CrfSettings(c1=0.05, c2=0.1, max_iterations=100)


@dataclass(slots=True)
class ClaimReport:
    """What the claim classifier learnt from, and whether a model came of it."""

    articles: int = 0
    positives: int = 0
    negatives: int = 0
    decisions: int = 0  # accepted and rejected claim suggestions among the examples
    seconds: float = 0.0
    generation: int | None = None  # the stored model's; None when none was trained
    reason: str = ""  # why no model was trained (the rule's scores stay)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "positives": self.positives,
            "negatives": self.negatives,
            "decisions": self.decisions,
            "seconds": round(self.seconds, 3),
            "generation": self.generation,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class ClaimModel:
    """A stored claim classifier, ready to score with."""

    generation: int
    model: bytes
    counts: dict[str, Any]


def _kinds(claimant: str, found: Sequence[tuple[str, Membership]]) -> list[str]:
    """What the project knows of a claimant: the kinds of the registry's and the gazetteer's
    names in it (``rg:location``, ``gz:LOC-name``). Only the claimant's own words are
    searched, not the whole article: a long article has thousands of claims and places."""
    return [f"{name}:{kind}" for name, source in found for _, _, kind in source(claimant)]


def describe(
    text: str,
    claims: Sequence[Suggestion],
    *,
    registry: Membership | None = None,
    gazetteer: Membership | None = None,
    names: Sequence[Suggestion] = (),
    extractor: ClaimFeatures | None = None,
) -> list[tuple[str, ...]]:
    """The features of each claim suggestion of one article; ``registry`` and ``gazetteer``
    tell the kinds of their claimants (:mod:`desktop.learn.sources`), ``names`` the rules'
    suggestions of the same article, whose person names found after a title or learnt in the
    article mark a claimant as named (``ck:named``). Pure: safe in a worker thread."""
    if not claims:
        return []
    extractor = extractor or ClaimFeatures(text)
    found: list[tuple[str, Membership]] = [("gz", gazetteer or sources.gazetteer())]
    if registry is not None:
        found.append(("rg", registry))
    persons = sorted(
        (s.start, s.end)
        for s in names
        if s.kind == "entity" and s.label_key == "person" and s.rule in sources.RULE_NAMES
    )
    kinds: dict[tuple[int, int], list[str]] = {}
    described = []
    for claim in claims:
        span = claim.claimant_span
        if span is not None and span not in kinds:
            kinds[span] = _kinds(text[span[0] : span[1]], found)
            inside = persons[
                bisect_left(persons, (span[0], -1)) : bisect_left(persons, (span[1], -1))
            ]
            if any(end <= span[1] for _, end in inside):
                kinds[span].append("named")
        known = kinds[span] if span is not None else []
        described.append(extractor.features(claim.start, claim.end, span, known))
    return described


def _shared(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _examples(
    text: str,
    claims: Sequence[Suggestion],
    tags: Sequence[tuple[int, int, str | None]],
    accepted: set[tuple[int, int]],
    rejected: set[tuple[int, int]],
    registry: Membership | None,
    gazetteer: Membership,
    names: Sequence[Suggestion],
) -> tuple[list[tuple[tuple[str, ...], str]], int]:
    """The examples of one article, and how many of them are decisions."""
    extractor = ClaimFeatures(text)
    labelled: list[tuple[Suggestion, str]] = []
    matched: set[int] = set()
    decisions = 0
    for claim in claims:
        span = (claim.start, claim.end)
        hits = [
            k
            for k, (s, e, _) in enumerate(tags)
            if _shared(span, (s, e)) > 0
            and _shared(span, (s, e)) * 2 >= min(claim.end - claim.start, e - s)
        ]
        matched.update(hits)
        if span in rejected and not hits:
            labelled.append((claim, LEFT))
            decisions += 1
        elif hits or span in accepted:
            labelled.append((claim, TAKEN))
            decisions += span in accepted
        elif tags and not any(_shared(span, (s, e)) > 0 for s, e, _ in tags):
            labelled.append((claim, LEFT))
    described = describe(
        text,
        [c for c, _ in labelled],
        registry=registry,
        gazetteer=gazetteer,
        names=names,
        extractor=extractor,
    )
    examples = [(features, label) for features, (_, label) in zip(described, labelled, strict=True)]
    for k, (start, end, claimant_type) in enumerate(tags):
        if k in matched or not 0 <= start < end <= len(text):
            continue
        kinds = [] if claimant_type is None else [f"rg:{claimant_type}"]
        examples.append((extractor.features(start, end, None, kinds), TAKEN))
    return examples, decisions


def train(project: Project, *, gazetteer: Membership | None = None) -> ClaimReport:
    """Train the claim classifier on the project's claim tags and decisions and store it (or
    forget the last one when there are too few examples now). Safe on a connection of its
    own in a background thread; the caller checks that the project is writable."""
    began = time.perf_counter()
    report = ClaimReport()
    store = project.tagger
    activity = store.activity()
    found = examples(project, gazetteer=gazetteer, report=report)
    if report.positives < MIN_POSITIVES or report.negatives < MIN_NEGATIVES:
        report.reason = (
            f"Claims keep the rule's score until there are at least {MIN_POSITIVES} "
            f"claims taken and {MIN_NEGATIVES} left or rejected to learn from."
        )
        if store.latest_info(KIND) is not None:
            store.forget(KIND)
        report.seconds = time.perf_counter() - began
        return report
    model, attributes = train_classifier(found, SETTINGS)
    report.seconds = time.perf_counter() - began
    counts = {**report.as_dict(), "activity": asdict(activity)}
    counts.pop("generation")
    counts.pop("reason")
    report.generation = store.save(
        trained_at=utcnow(),
        features=FEATURES_VERSION,
        labels=[],
        counts=counts,
        attributes=attributes,
        model=model,
        kind=KIND,
    )
    return report


def examples(
    project: Project,
    *,
    gazetteer: Membership | None = None,
    report: ClaimReport | None = None,
) -> list[tuple[tuple[str, ...], str]]:
    """The classifier's examples, ``(features, "claim" | "other")``, from the project's claim
    tags and decisions; ``report`` gets the counts."""
    report = report if report is not None else ClaimReport()
    store = project.tagger
    rows = project.entities.all_aliases()
    matcher = AliasMatcher.from_registry(rows) if rows else None
    # As for the entity tagger: in each article, the entities tagged or claiming only there
    # are not "in the registry" (accepting a claim made its claimant a person), as on a new
    # article they are not.
    where = store.entity_documents()
    for entity_id, documents in store.claimant_documents().items():
        where.setdefault(entity_id, set()).update(documents)
    finder = sources.registry_source(rows, where)
    places = gazetteer or sources.gazetteer()
    # The rules as the window runs them (a place after a title is no person's name there).
    shipped = shipped_gazetteer()
    claimed = set(store.claimed_documents())
    accepted: dict[int, set[tuple[int, int]]] = {}
    rejected: dict[int, set[tuple[int, int]]] = {}
    for d in store.decisions():
        chosen = accepted if d.decision == "accepted" else rejected
        chosen.setdefault(d.document_id, set()).add((d.start, d.end))
    collected: list[tuple[tuple[str, ...], str]] = []
    for document_id in sorted(claimed | set(accepted) | set(rejected)):
        text = project.documents.get(document_id).text
        tags = store.claim_spans(document_id) if document_id in claimed else []
        found_here = rule_suggestions(text, matcher, gazetteer=shipped)
        claims = [s for s in found_here if s.kind == "claim"]
        mine, decisions = _examples(
            text,
            claims,
            tags,
            accepted.get(document_id, set()),
            rejected.get(document_id, set()),
            None if finder is None else _hiding(finder, document_id),
            places,
            found_here,
        )
        if not mine:
            continue
        report.articles += 1
        report.decisions += decisions
        collected.extend(mine)
    report.positives = sum(1 for _, label in collected if label == TAKEN)
    report.negatives = len(collected) - report.positives
    return collected


def _hiding(finder: Callable[[str, int | None], Iterable[Span]], document_id: int) -> Membership:
    return lambda text: finder(text, document_id)


_CACHE: dict[str, ClaimModel] = {}
_CACHE_LOCK = Lock()


def current_model(project: Project) -> ClaimModel | None:
    """The project's claim classifier, if it needs these features; kept in memory per
    project and generation."""
    info = project.tagger.latest_info(KIND)
    if info is None or info.features != FEATURES_VERSION:
        return None
    where = str(project.path)
    with _CACHE_LOCK:
        model = _CACHE.get(where)
    if model is not None and model.generation == info.generation:
        return model
    stored = project.tagger.latest(KIND)
    if stored is None or stored.info.generation != info.generation:
        return None
    if not crf.sound((where, KIND, info.generation), stored.model):
        return None  # damaged: as if there were none (tagger.should_retrain trains one)
    model = ClaimModel(info.generation, stored.model, dict(info.counts))
    with _CACHE_LOCK:
        _CACHE[where] = model
    return model


def rerank(
    model: ClaimModel,
    text: str,
    found: Sequence[Suggestion],
    *,
    threshold: float,
    registry: Membership | None = None,
    gazetteer: Membership | None = None,
) -> list[Suggestion]:
    """``found`` with each claim suggestion scored by the classifier (its probability that
    the analyst takes it), those below ``threshold`` left out; entity suggestions as they
    are. No database: safe in a worker thread."""
    claims = [s for s in found if s.kind == "claim"]
    if not claims:
        return list(found)
    described = describe(text, claims, registry=registry, gazetteer=gazetteer, names=found)
    classifier = Classifier(model.model)
    try:
        scores = {
            id(claim): classifier.probability(features, TAKEN)
            for claim, features in zip(claims, described, strict=True)
        }
    finally:
        classifier.close()
    kept: list[Suggestion] = []
    for item in found:
        score = scores.get(id(item))
        if score is None:
            kept.append(item)
        elif score >= threshold:
            kept.append(replace(item, source="model", score=round(score, 4)))
    return kept
