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

The threshold (a setting of the window) is compared with the score SHOWN (the queue's, the
tooltip's, the dash's strength, ``hamish suggest``'s): each source and label has its own raw
bar at the default threshold — the model's probability needs its label's offset more
(:func:`desktop.learn.tagger.limit`), the other sources' measured precisions and gazetteer
judgements :data:`SOURCE_OFFSETS` less (the gazetteer's own floor is 0.5) — and
:func:`calibrated` maps each raw score onto the shown one, monotone, that bar onto the
default threshold. So the default threshold offers exactly what the raw bars offered, and
moving the slider up only ever hides rows whose shown score is lower (a trial found a model
person's 90 % hidden at 66 % while a gazetteer's 65 % stayed, when the bars were raw).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from desktop.core.arabic import fold_words
from desktop.core.errors import HamishError
from desktop.core.gcpause import paused
from desktop.core.matching import AliasMatcher
from desktop.core.suggest import Suggestion
from desktop.core.suggest.features import neighbours
from desktop.core.suggest.pipeline import rescored
from desktop.learn import sources, tagger
from desktop.store.project import Project

__all__ = [
    "SOURCE_OFFSETS",
    "Reading",
    "calibrated",
    "compute",
    "context",
    "finish",
    "floor",
    "internal",
    "linked",
    "not_refused",
    "raw_floor",
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


@paused()  # the rules, the model and the merging as one pause (see tagger.combine)
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
        combined = tagger.combine(
            reading.learnt, body, found, threshold=internal(reading.threshold)
        )
        found = [s for s in combined if s.source != "model" or not skip(s.start, s.end)]
    if matcher is not None:
        found = linked(found, body, matcher, reading.aliases)
    return finish(not_refused(found, body, reading.refused), reading.threshold)


def internal(threshold: float) -> float:
    """The threshold the model's judgements run at for ``threshold``: never above the
    default, so a stricter threshold only filters by the shown score what the default
    offers (the model's choices — which of two overlapping names, which occurrences take a
    sure name's score — stay as they were)."""
    return min(threshold, tagger.THRESHOLD)


def raw_floor(source: str, label_key: str, threshold: float) -> float:
    """The lowest raw score of ``source`` and label offered at ``threshold`` before
    calibration (see the module's notes)."""
    if source == "model":
        return tagger.limit(label_key, threshold)
    return min(1.0, max(0.0, threshold + SOURCE_OFFSETS.get(source, 0.0)))


def calibrated(source: str, label_key: str, raw: float) -> float:
    """The score shown for a raw score of ``source`` and label: linear from 0 to the raw bar
    at the default threshold (:func:`raw_floor`), which becomes the default threshold, and
    on to 1 — monotone, so the order of one source's suggestions is kept. In whole
    hundredths, rounded down: the percentage the queue shows is the very score the slider's
    percentage is compared with (a 65.5 % shown as 66 % and hidden at 66 % would not be)."""
    default = tagger.THRESHOLD
    knot = raw_floor(source, label_key, default)
    if not 0.0 < knot < 1.0:
        return raw
    if raw >= knot:
        value = default + (1.0 - default) * (raw - knot) / (1.0 - knot)
    else:
        value = default * raw / knot
    # 1e-9: the float error of a raw score exactly at its bar (0.6 + 0.3 is 0.8999…)
    return math.floor(min(1.0, max(0.0, value)) * 100 + 1e-9) / 100


def finish(found: Iterable[Suggestion], threshold: float) -> list[Suggestion]:
    """``found`` (raw scores) with the scores shown, those ``threshold`` lets through."""
    result = []
    for s in found:
        score = calibrated(s.source, s.label_key, s.score)
        if score >= threshold:
            result.append(rescored(s, score))
    return result


def linked(
    found: Sequence[Suggestion],
    text: str,
    matcher: AliasMatcher,
    aliases: Sequence[tuple[int, str, str]],
) -> list[Suggestion]:
    """The model's, rules' and gazetteer's entity suggestions linked to the registry entity
    whose alias is exactly their name, as the registry matcher reads it (proclitics, hamza,
    ة/ه…): a trial found ``والحكيم``، ``لبوتين`` offered by the model as new names although
    الحكيم and بوتين were confirmed aliases. One entity of the suggestion's type, else none."""
    types = {entity_id: kind for entity_id, kind, _ in aliases}
    result = []
    for s in found:
        if s.kind == "entity" and s.entity_id is None and s.source != "registry":
            ids = {
                m.entity_id
                for m in matcher.find(text[s.start : s.end])
                if m.entity_id is not None
                and m.word_start == 0
                and m.end == s.end - s.start
                and types.get(m.entity_id) == s.label_key
            }
            if len(ids) == 1:
                s = replace(s, entity_id=ids.pop())
        result.append(s)
    return result


def floor(source: str, label_key: str, threshold: float) -> float:
    """The lowest SHOWN score ``threshold`` lets through, for every source and label: the
    shown scores are calibrated (:func:`calibrated`), so it is the threshold itself."""
    return min(1.0, max(0.0, threshold))


def shown(suggestion: Suggestion, threshold: float) -> bool:
    """Whether ``threshold`` lets ``suggestion`` (its shown score) through."""
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
