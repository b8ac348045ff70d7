"""Membership sources for the tagger's features: spans of a text that a list already knows.

* :func:`registry`: every name and alias of the project's entities, found with the same
  Arabic-aware matcher as find-all-mentions (clitics, hamza, ة/ه, ى/ي), as
  ``(start, end, entity type)``. For training, ``hide`` leaves out, in each article, the
  entities the analyst tagged only there: otherwise every tag of a training article would
  be "in the registry" (its entity was made from it) and the model would learn to trust the
  registry alone, which on a new article knows only the names tagged before.
* :func:`rules`: the persons the title rule finds (``الرئيس السوري بشار الأسد``) and the
  claimants made of names (:mod:`desktop.core.suggest`): the model learns how far to trust
  them in the analyst's articles;
* :func:`gazetteer`: the cold-start gazetteer of places and organisations
  (``resources/gazetteer``, :mod:`desktop.core.suggest.gazetteer`): every name and adjective
  it finds, whatever its score, as ``(start, end, "LOC-name")``, ``"ORG-adjective"`` …: the
  model learns from the analyst's tags when a gazetteer name is one (``في سورية``) and when it
  is not (an adjective, ``صور`` "pictures").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from threading import Lock

from desktop.core.matching import AliasMatcher
from desktop.core.suggest import Suggestion
from desktop.core.suggest import suggest as rule_suggestions
from desktop.core.suggest.features import Membership
from desktop.core.suggest.gazetteer import DEFAULT_MIN_SCORE, Gazetteer
from desktop.store.project import Project

__all__ = [
    "RULE_NAMES",
    "Membership",
    "adjective",
    "gazetteer",
    "gazetteer_source",
    "given_names",
    "matcher",
    "registry",
    "registry_source",
    "rule_spans",
    "rules",
    "word_classes",
]

RULE_NAMES = frozenset({"title", "claimant"})  # rules that find names, not registry aliases


def registry_source(
    rows: Sequence[tuple[int, str, str]], where: Mapping[int, set[int]] | None = None
) -> Callable[[str, int | None], Iterator[tuple[int, int, str]]] | None:
    """The registry's ``(entity id, type, alias)`` rows as a span finder ``(text, hidden)``:
    with ``hidden``, entities tagged only in that article (``where``: entity → articles) are
    left out. ``None`` for an empty registry. Pure: safe in a worker thread."""
    if not rows:
        return None
    matcher = _matcher(tuple(rows))
    types = matcher.types
    places = where or {}

    def find(text: str, hidden: int | None = None) -> Iterator[tuple[int, int, str]]:
        seen: set[tuple[int, int]] = set()
        for match in matcher.find(text):
            entity = match.entity_id
            if entity is None or (match.start, match.end) in seen:
                continue
            if hidden is not None and entity in places and places[entity] <= {hidden}:
                continue
            seen.add((match.start, match.end))
            yield match.start, match.end, types.get(entity, "other")

    return find


_MATCHERS: dict[tuple[tuple[int, str, str], ...], AliasMatcher] = {}
_MATCHERS_LOCK = Lock()


def matcher(rows: Sequence[tuple[int, str, str]]) -> AliasMatcher:
    """The registry's ``(entity id, type, alias)`` rows as an alias matcher, compiled once for
    the same rows (the rules' registry suggestions, :mod:`desktop.learn.pending`). Pure:
    safe in a worker thread."""
    return _matcher(tuple(rows))


def _matcher(rows: tuple[tuple[int, str, str], ...]) -> AliasMatcher:
    """The registry's matcher, compiled once for the same rows: the window suggests again
    after every tag, and compiling a large registry's pattern costs more than matching."""
    with _MATCHERS_LOCK:
        matcher = _MATCHERS.get(rows)
    if matcher is None:
        matcher = AliasMatcher.from_registry(rows)
        with _MATCHERS_LOCK:
            _MATCHERS.clear()  # one registry at a time: the newest
            _MATCHERS[rows] = matcher
    return matcher


def registry(
    project: Project,
) -> tuple[Membership | None, Callable[[int], Membership] | None]:
    """``(source, for_training)``: the registry as a membership source for a new article,
    and a factory of the same source for one training article (entities tagged only in that
    article left out). ``(None, None)`` when the registry is empty."""
    find = registry_source(project.entities.all_aliases(), project.tagger.entity_documents())
    if find is None:
        return None, None
    finder = find

    def source(text: str) -> Iterator[tuple[int, int, str]]:
        return finder(text, None)

    def for_training(document_id: int) -> Membership:
        return lambda text: finder(text, document_id)

    return source, for_training


def gazetteer_source(gazetteer: Gazetteer) -> Membership:
    """A gazetteer's names and adjectives as a membership source: ``(start, end, kind)`` with
    kind ``f"{type}-{match kind}"`` (``LOC-name``, ``ORG-adjective``), and ``-weak`` after a
    name the gazetteer itself would not offer (below its lowest score: an ambiguous name
    without a cue, الجزيرة "the island", أمل "hope"). The span leaves out the proclitics (the
    features reach back to the whole written word).

    Why ``-weak``: with one kind for sure and doubtful names alike, the model learnt from the
    analyst's articles how far to trust a gazetteer organisation as a whole — the more bodies
    the gazetteer knew, the more it trusted the doubtful ones too."""

    def find(text: str) -> list[tuple[int, int, str]]:
        return [
            (
                m.start,
                m.end,
                f"{m.entry.type}-{m.kind}"
                + ("-weak" if m.kind == "name" and m.score < DEFAULT_MIN_SCORE else ""),
            )
            for m in gazetteer.find(text)
        ]

    return find


def gazetteer() -> Membership:
    """The shipped gazetteer (compiled once per process) as a membership source."""
    from desktop.resources import gazetteer as shipped

    return gazetteer_source(shipped())


def adjective() -> Callable[[str], bool]:
    """Whether a written word (without proclitics) is a place's adjective the shipped
    gazetteer knows (``اللبناني``، ``الفرنسية``): the model's organisations that end in one
    (:func:`desktop.learn.tagger._nisba_cut`)."""
    from desktop.resources import gazetteer as shipped

    return shipped().is_adjective


def given_names() -> frozenset[str]:
    """The shipped given names, folded (read once per process): a word feature."""
    from desktop.resources import given_names as shipped

    return shipped()


def word_classes() -> Mapping[str, str]:
    """The shipped word classes, folded word → class (read once per process): a word
    feature."""
    from desktop.resources import word_classes as shipped

    return shipped()


def rule_spans(found: Iterable[Suggestion]) -> list[tuple[int, int, str]]:
    """The name-finding rules' entity suggestions as membership spans."""
    return [
        (s.start, s.end, s.label_key) for s in found if s.kind == "entity" and s.rule in RULE_NAMES
    ]


def rules(text: str) -> list[tuple[int, int, str]]:
    """The rules' names in ``text`` (run without the registry, which is a source of its own)."""
    return rule_spans(rule_suggestions(text, None))
