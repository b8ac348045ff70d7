"""The pending suggestions of one article, as the reader and the review queue both show them.

One computation for both, so the dashed lines of the open article and the rows of the review
queue never disagree: :func:`read` takes from the project what an article's suggestions need
(on the caller's thread: the window's connection stays on the GUI thread), :func:`compute`
finds them (no database: safe in a worker thread), :func:`shown` says which of them the
threshold lets through.

What is never offered again:

* a span the analyst tagged (or essentially the same span: sharing at least half of both
  lengths), or one decided before in this article (accepted or rejected);
* a string the analyst rejected, wherever it comes back between the same two words
  (:func:`desktop.learn.tagger.refused`): in another article, or after the article was edited
  and its offsets moved. This holds for every source — the rules, the registry and the
  gazetteer too, not only the model.

The threshold (a setting of the window) is the model's (:func:`desktop.learn.tagger.limit`,
with each label's offset); the other sources' scores are measured precisions and gazetteer
judgements, offered from :data:`SOURCE_OFFSETS` lower, so at the default threshold (0.6) they
offer exactly what they offered before there was a threshold (the gazetteer's own floor is
0.5) and a stricter threshold hides the least sure of them too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from desktop.core.arabic import fold_words
from desktop.core.errors import HamishError
from desktop.core.suggest import Suggestion
from desktop.core.suggest.features import neighbours
from desktop.learn import sources, tagger
from desktop.store.project import Project

__all__ = [
    "SOURCE_OFFSETS",
    "Reading",
    "compute",
    "context",
    "floor",
    "not_refused",
    "read",
    "shown",
    "skipper",
]

SOURCE_OFFSETS: dict[str, float] = {"rule": -0.1, "registry": -0.1, "gazetteer": -0.1}
"""Added to the threshold for the suggestions of the sources other than the model."""

Refused = frozenset[tuple[str, str, str]]


@dataclass(frozen=True, slots=True)
class Reading:
    """What :func:`compute` needs of one article, read on the caller's thread."""

    document_id: int
    text: str
    aliases: tuple[tuple[int, str, str], ...]  # (entity id, type, alias) of the registry
    tagged: tuple[tuple[int, int], ...]  # the article's annotations, sorted
    decided: frozenset[tuple[int, int, str]]  # the article's decided suggestions
    refused: Refused  # (folded text, word before, word after) of every rejection
    learnt: tagger.Inputs | None  # the project's model, or None
    threshold: float
    own_labels: dict[int, str] = field(default_factory=dict)  # entity id → own label's key
    mentions: frozenset[tuple[int, int, str]] = frozenset()  # decided in Find All Mentions


def read(
    project: Project,
    document_id: int,
    threshold: float,
    *,
    text: str | None = None,
    aliases: Sequence[tuple[int, str, str]] | None = None,
    refused: Refused | None = None,
    model: tagger.Model | None = None,
    with_model: bool = True,
    own_labels: dict[int, str] | None = None,
) -> Reading:
    """Read one article's inputs. ``aliases``, ``refused`` and ``model``: the same for every
    article of a project, so a caller going through many articles reads them once."""
    if text is None:
        text = project.documents.get(document_id).text
    if aliases is None:
        aliases = project.entities.all_aliases()
    if refused is None:
        refused = tagger.refused(project)
    learnt = None
    if with_model:
        try:
            learnt = tagger.gather(
                project, document_id, model=model, registry=aliases, refused=refused
            )
        except HamishError:
            learnt = None  # a model that cannot be read: the rules still suggest
    tagged = project.annotations.extents(document_id)
    return Reading(
        document_id,
        text,
        tuple(aliases),
        tuple(tagged),
        frozenset(project.decisions.decided(document_id, "suggestion")),
        refused,
        learnt,
        threshold,
        # the analyst's own entity labels, so their entities are suggested with them too
        project.entities.own_label_keys() if own_labels is None else own_labels,
        # an occurrence decided in Find All Mentions is not offered again from the registry
        frozenset(project.decisions.decided(document_id, "mention")),
    )


def skipper(
    tagged: Sequence[tuple[int, int]], decided: Iterable[tuple[int, int, str]], body: str
) -> Callable[[int, int], bool]:
    """Already decided, or essentially the same span as an annotation (sharing at least half
    of both lengths): a name tagged inside a claim must not hide the claim, nor the claim the
    name. Annotations are searched by bisection, so 10,000 of them cost nothing."""
    ordered = sorted(tagged)
    starts = [start for start, _ in ordered]
    longest = max((end - start for start, end in ordered), default=0)
    done = set(decided)

    def skip(start: int, end: int) -> bool:
        if (start, end, body[start:end]) in done:
            return True
        first = bisect_left(starts, start - longest)
        last = bisect_left(starts, end)
        for s, e in ordered[first:last]:
            shared = min(e, end) - max(s, start)
            if shared > 0 and shared * 2 >= (e - s) and shared * 2 >= (end - start):
                return True
        return False

    return skip


def not_refused(suggestions: Iterable[Suggestion], text: str, refused: Refused) -> list[Suggestion]:
    """``suggestions`` without the entity strings the analyst rejected between the same two
    words. Claims are left to the claim classifier, which learns from their rejections: the
    same passage is often quoted again by someone else, and who says it is what the analyst
    judged (a decision does not record whether it was a name or a claim)."""
    strings = {folded for folded, _, _ in refused}  # most strings never were rejected
    kept = []
    for s in suggestions:
        if strings and s.kind == "entity":
            folded = fold_words(text[s.start : s.end])
            if folded in strings and (folded, *neighbours(text, s.start, s.end)) in refused:
                continue
        kept.append(s)
    return kept


def compute(reading: Reading) -> list[Suggestion]:
    """The article's pending suggestions at ``reading.threshold``, sorted by start (no
    database: safe in a worker thread)."""
    from desktop.core.suggest import suggest
    from desktop.resources import gazetteer

    body = reading.text
    # Compiled once for the same registry: the tagger's registry feature (desktop.learn.sources)
    # matches with the same one, and the next suggestion after a tag needs it again (700
    # aliases take 20 ms to compile, a registry of 10,000 several times that).
    matcher = sources.matcher(reading.aliases) if reading.aliases else None
    skip = skipper(reading.tagged, reading.decided, body)
    found = suggest(body, matcher, known_types=reading.own_labels, skip=skip, gazetteer=gazetteer())
    if reading.mentions:
        found = [
            s
            for s in found
            if s.source != "registry"
            or (s.start, s.end, body[s.start : s.end]) not in reading.mentions
        ]
    if reading.learnt is not None:
        combined = tagger.combine(reading.learnt, body, found, threshold=reading.threshold)
        found = [s for s in combined if s.source != "model" or not skip(s.start, s.end)]
    return [s for s in not_refused(found, body, reading.refused) if shown(s, reading.threshold)]


def floor(source: str, label_key: str, threshold: float) -> float:
    """The lowest score ``threshold`` lets through for a suggestion of ``source`` and label
    (see the module's notes)."""
    if source == "model":
        return tagger.limit(label_key, threshold)
    return min(1.0, max(0.0, threshold + SOURCE_OFFSETS.get(source, 0.0)))


def shown(suggestion: Suggestion, threshold: float) -> bool:
    """Whether ``threshold`` lets ``suggestion`` through."""
    return suggestion.score >= floor(suggestion.source, suggestion.label_key, threshold)


def context(text: str, start: int, end: int, reach: int = 40) -> tuple[str, str]:
    """The words around a suggestion, on one line, cut at word boundaries: (before, after)."""
    before = text[max(0, start - reach) : start]
    after = text[end : end + reach]
    if start - reach > 0 and " " in before:
        before = before[before.index(" ") + 1 :]
    if end + reach < len(text) and " " in after:
        after = after[: after.rindex(" ")]
    return " ".join(before.split()), " ".join(after.split())
