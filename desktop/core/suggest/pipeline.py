"""The suggestions of one article: :class:`Suggestion` and :func:`suggest`.

:func:`suggest` builds the article's tokens, learns the persons the registry knows, runs the
title rule twice (:mod:`.names`; the second pass knows the surnames), offers every registry
alias with its entity's type (rule 2), the names an occupation or a given name begins without
a title where the registry knows nothing, the names a lineage or a kunya makes (:mod:`.lineage`;
a registry person inside one does not hide it), the places and organisations of the gazetteer
(:mod:`.gazetteer`) that the registry and the name rules leave free (a registry place inside
a gazetteer organisation's name gives way to it: ريال مدريد), then the claims with their
claimants (:mod:`.claims`), suggesting as persons the claimants made only of learnt names. Spans
are mapped back to raw code points; the caller's ``skip`` drops what was already annotated or
decided.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from operator import attrgetter, itemgetter, lt
from typing import Literal

from desktop.core.arabic import ARTICLE, LAM, PROCLITICS, fold
from desktop.core.gcpause import paused
from desktop.core.matching import AliasMatcher, Match
from desktop.core.spans import NAME_BREAKS as _BREAKS
from desktop.core.spans import name_span
from desktop.core.suggest.bodies import body_names, initialisms
from desktop.core.suggest.claims import _claim_spans
from desktop.core.suggest.credits import called_names, credit_names
from desktop.core.suggest.families import family_names
from desktop.core.suggest.gazetteer import DEFAULT_MIN_SCORE, Gazetteer, GazetteerMatch
from desktop.core.suggest.lexicon import (
    _FUNCTION_WORDS,
    _GIVEN_NAMES,
    _REGNAL,
    _TIME_WORDS,
    _TITLE_FORMS,
    _VERB_WORDS,
    _folded,
    _with_prefixes,
)
from desktop.core.suggest.lineage import lineage_names
from desktop.core.suggest.lists import list_names
from desktop.core.suggest.names import (
    _given_name_names,
    _learn,
    _occupation_names,
    _title_names,
    title_after,
)
from desktop.core.suggest.nationals import national_names
from desktop.core.suggest.tokens import _Article

__all__ = [
    "LABEL_KEYS",
    "RULE_SCORES",
    "SOURCES",
    "Suggestion",
    "SuggestionKind",
    "SuggestionSource",
    "after_compass",
    "first_name_of_longer",
    "merge",
    "rescored",
    "suggest",
    "tidy",
]

SuggestionKind = Literal["entity", "claim"]
SuggestionSource = Literal["rule", "registry", "gazetteer", "model"]
SOURCES: tuple[SuggestionSource, ...] = ("rule", "registry", "gazetteer", "model")
LABEL_KEYS = ("person", "organisation", "location", "event", "claim")
# The confidence of each rule, from its precision where it was measured: on the development
# corpus's training articles (0..29, benchmarks/suggestions.py) the title rule's persons are
# right 104 times in 111 and the claimants' 10 in 10; a registry alias is the analyst's own
# name. A model's suggestions carry their own probability instead. The names an occupation
# begins (الروائي نجيب محفوظ) were right 14 times in 14 there; those only a given name vouches
# for 33 in 37. On the evaluation articles both were far less sure — the given names' about
# 3 in 4, the occupations' took the rules' persons from 0.94 / 0.14 to 0.88 / 0.16, near
# issue 14's 0.85 —, so both score below the rules' bar (0.5 at the default threshold,
# desktop.learn.pending.SOURCE_OFFSETS): offered once a model's judgement brings them up
# (the mean of both, desktop.learn.tagger.combine_judged), never by the rules alone. With a
# model (k = 30) persons are 0.86 / 0.46 with the occupations' at 0.8 or at 0.45.
# The lineage rule's names (desktop.core.suggest.lineage: أبو هريرة، بسر بن أرطأة) were right
# 30 times in 33 on the training articles by the rules alone (the three wrong ones a word
# short or long), so they score as the title rule's: in the folds (3 over those articles,
# benchmarks/entity_errors.py) the model gives many of them little probability (historical
# names it never saw), and persons went 238 / 258 right → 250 / 270 at 0.45, 254 / 274 at
# 0.7, 257 / 277 at 0.9 (docs/suggestions.md, the eighth round).
RULE_SCORES: dict[str, float] = {
    "title": 0.9,
    "claimant": 0.9,
    "given": 0.45,
    "occupation": 0.45,
    "lineage": 0.9,
    "list": 0.9,
    "credits": 0.9,
    "called": 0.9,
    "family": 0.9,
    "national": 0.9,
    "titled": 0.9,
    "body": 0.9,
    "initials": 0.9,
    "alias": 0.9,
    "reported": 0.6,
}


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A candidate annotation. Offsets are raw code points of the article text.

    ``label_key`` is the key of the label it suggests (any entity label's for the model,
    which learns the analyst's own labels too); ``source`` says where it comes from (a rule,
    the registry's aliases, the gazetteer, the model trained on the analyst's tags) and
    ``score`` how sure that source is, from 0 to 1 (the gazetteer's score for its names, the
    model's probability, a rule's measured precision); ``rule`` names the rule (``title``,
    ``claimant``, ``occupation``, ``given``, ``alias``, ``gazetteer``, ``reported``; ``model``
    for the model). For claims,
    ``claimant``/``claimant_span`` give who said it as written (for an inherited claimant,
    where it was last named) and ``entity_id`` the claimant's registry entity when known; for
    entities ``entity_id`` is the registry entity the name matched, if any. ``name`` is the
    canonical name a gazetteer suggestion stands for (``الولايات المتحدة`` for the written
    ``أميركا``, ``الأمم المتحدة`` for ``للأمم المتحدة``): what a new entity is called when the
    suggestion is accepted. A claim's ``name`` is its claimant's when the claimant is one
    person's name the article taught (after a title, or the registry's): the only claimant
    accepting the claim may create (``مصادر دبلوماسية عربية`` or ``بومبيو وجيفري`` is none).
    ``lowered``: the project's model lowered the score of this rule's, registry's or
    gazetteer's suggestion (the tooltip says so: the source alone would not explain it).
    """

    kind: SuggestionKind
    label_key: str
    start: int
    end: int
    text: str
    rule: str
    entity_id: int | None = None
    claimant: str | None = None
    claimant_span: tuple[int, int] | None = None
    source: SuggestionSource = "rule"
    score: float = 1.0
    name: str | None = None
    lowered: bool = False


_FIELDS = attrgetter(*(f.name for f in fields(Suggestion)))
_START_OF = attrgetter("start")
_END_OF = attrgetter("end")
_PLACE_OF = attrgetter("start", "end", "kind")  # the order of a merged list
_THIRD = itemgetter(2)
_SCORE, _LOWERED = ([f.name for f in fields(Suggestion)].index(n) for n in ("score", "lowered"))


def rescored(suggestion: Suggestion, score: float, *, lowered: bool | None = None) -> Suggestion:
    """``replace(suggestion, score=score)`` (and ``lowered``), made by the constructor from
    the fields in order: ``dataclasses.replace`` looks each field up by name and cost twice
    as much, on the thousands of suggestions of a long article that each take a new score
    (the model's judgement, the score shown)."""
    values = list(_FIELDS(suggestion))
    values[_SCORE] = score
    if lowered is not None:
        values[_LOWERED] = lowered
    return Suggestion(*values)


def suggest(
    text: str,
    matcher: AliasMatcher | None,
    *,
    known_types: dict[int, str] | None = None,
    skip: Callable[[int, int], bool] | None = None,
    gazetteer: Gazetteer | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
) -> list[Suggestion]:
    """Entity and claim suggestions for one article, sorted by start.

    ``matcher`` holds the registry's aliases (``None`` for rules only); ``known_types`` maps
    entity ids to their type (default: the types the matcher was built with) or, for entities
    of the analyst's own labels, to that label's key (``EntityStore.own_label_keys``): the
    registry suggests each entity as that label. ``skip(start,
    end)`` returns True for spans the caller does not want offered again (already annotated or
    decided). ``gazetteer`` adds its places and organisations scoring at least ``min_score``.
    """
    with paused():  # a long article makes a million short-lived objects (desktop.core.gcpause)
        return _suggest(text, matcher, known_types, skip, gazetteer, min_score)


def _suggest(
    text: str,
    matcher: AliasMatcher | None,
    known_types: dict[int, str] | None,
    skip: Callable[[int, int], bool] | None,
    gazetteer: Gazetteer | None,
    min_score: float,
) -> list[Suggestion]:
    art = _Article.build(text)
    types = dict(matcher.types) if matcher is not None else {}
    types.update(known_types or {})
    registry = matcher.find_normalised(art.norm) if matcher is not None else []
    if registry:
        # No organisation right after a compass noun (بشمال شرق الجزيرة: the peninsula, not
        # the channel): left out before any rule counts its span as taken, so the gazetteer's
        # place there is offered (في شمال شرق الجزيرة السورية).
        registry = [
            m
            for m in registry
            if types.get(m.entity_id or -1) != "organisation" or not after_compass(text, m.start)
        ]
    places: list[GazetteerMatch] = []
    if gazetteer is not None:
        places = [
            # a listed person's name without the titles it is listed with (الملك فهد: فهد)
            replace(m, start=m.name_start, word_start=m.name_start) if m.name_start > m.start else m
            for m in gazetteer.find_normalised(art.norm, text)
            if m.kind == "name"
            and m.score >= min_score
            and (m.label_key != "organisation" or not after_compass(text, m.start))
        ]
    if places and registry:
        # A "person" whose whole name is a country, a city or a body the gazetteer knows
        # without doubt (فرنسا، فرانس برس) is a slip of the tag, not a person: one mistyped
        # mention made every فرنسا a person — and, since a new entity's name drops its
        # proclitics, بفرنسا's slip reached every article (found measuring issue 14).
        known = {
            span
            for p in places
            if not p.entry.ambiguous and p.label_key != "person"
            for span in ((p.start, p.end), (p.word_start, p.end))
        }
        registry = [
            m
            for m in registry
            if types.get(m.entity_id or -1) != "person" or (m.start, m.end) not in known
        ]
        # A place the registry knows inside a longer organisation's name the gazetteer knows
        # (مدريد in ريال مدريد، الشرق الأوسط in وكالة أنباء الشرق الأوسط، القاهرة in جامعة
        # القاهرة) is part of that name: the registry's place took the span, and the
        # organisation was never offered once the analyst had tagged the place (found among
        # the organisations missed at k = 30 in the development corpus's folds). And an
        # organisation the registry knows inside a longer place's name (the channel الجزيرة
        # in شبه الجزيرة العربية، الجزيرة العربية) is the place's (five of the evaluation
        # articles' wrong organisations at k = 30, in one article).
        for inner, outer in (("location", "organisation"), ("organisation", "location")):
            longer = _SpanIndex(
                (p.start, p.end) for p in places if p.label_key == outer and not p.entry.ambiguous
            )
            if longer.spans:
                # By bisection: a 1 MB article has thousands of places and of bodies.
                registry = [
                    m
                    for m in registry
                    if types.get(m.entity_id or -1) != inner
                    or not longer.covers_longer(m.start, m.end)
                ]
    persons = [m for m in registry if types.get(m.entity_id or -1) == "person"]
    for match in persons:
        art.learnt.update(w for w in fold(text[match.start : match.end]).split())

    names = _title_names(art)
    _learn(art, names)
    names = _title_names(art)  # again, now that surnames end names
    _learn(art, names)
    art.names = sorted((first, last) for first, last, _ in names)
    occupation_names = _occupation_names(art, _tokens_of(names))
    named = _tokens_of(names) | {i for a, b in occupation_names for i in range(a, b + 1)}
    # each rule leaves the names the ones before it found
    listed = list_names(art, named)
    named |= _spanned(listed)
    credited = credit_names(art, named)
    named |= _spanned(credited)
    called = called_names(art, named)
    named |= _spanned(called)
    families = family_names(art, named)
    named |= _spanned(families)
    nationals = national_names(art, named, gazetteer.definite_adjectives) if gazetteer else []
    named |= _spanned(nationals)
    given_names = _given_name_names(art, named)
    lineages = lineage_names(art, named | _spanned(given_names))

    results: dict[tuple[str, int, int], Suggestion] = {}

    def add(item: Suggestion | None) -> None:
        item = tidy(item) if item is not None else None
        if item is None or item.end <= item.start:
            return
        if skip is not None and skip(item.start, item.end):
            return
        results.setdefault((item.kind, item.start, item.end), item)

    name_spans: list[tuple[int, int]] = []
    # with the clitics; the gazetteer's persons are no places (the name rules' win over them)
    place_index = _SpanIndex((p.word_start, p.end) for p in places if p.label_key != "person")
    not_persons = _SpanIndex(
        (m.start, m.end) for m in registry if types.get(m.entity_id or -1) != "person"
    )
    person_index = _MatchIndex(persons)
    for first, last, _ in names:
        start, end = art.raw(art.starts[first], art.ends[last])
        if not_persons.overlaps(start, end):
            continue  # the registry knows this span as an organisation or a place
        if place_index.covers(start, end):
            continue  # a place or a body after a title (الرئيس فرنسا، بباريس), not a person
        name_spans.append((start, end))
        add(_entity(text, start, end, "title", person_index.entity_inside(start, end)))

    names_index = _SpanIndex(name_spans)
    for match in registry:
        label = types.get(match.entity_id or -1)
        if label is None or label in ("claim", "other"):
            continue  # an "other" entity without a label of its own is not suggested
        if names_index.overlaps(match.start, match.end):
            continue
        if label == "person" and first_name_of_longer(text, match):
            continue
        start = written_start(text, match.start, match.word_start, match.matched_alias)
        add(
            Suggestion(
                "entity",
                label,
                start,
                match.end,
                text[start : match.end],
                "alias",
                match.entity_id,
                source="registry",
                score=RULE_SCORES["alias"],
            )
        )

    def add_body(start: int, end: int, rule: str) -> None:
        """An organisation a rule read, its span a name's the later rules leave alone."""
        name_spans.append((start, end))
        add(
            Suggestion(
                "entity",
                "organisation",
                start,
                end,
                text[start:end],
                rule,
                score=RULE_SCORES[rule],
            )
        )

    # Organisations after their kind's noun (جريدة الحياة، شركة « غوغل »): over a place the
    # gazetteer reads in them (جريدة القدس), not over an organisation it or the registry knows.
    kinds_names = body_names(art, named)
    if kinds_names:
        aliases = _SpanIndex((m.start, m.end) for m in registry)
        land_index = _SpanIndex((p.word_start, p.end) for p in places if p.label_key == "location")
        # the gazetteer's bodies, but for one inside the name (صحيفة الحياة الجديدة: not the
        # London paper; توتال إنرجيز); a paper's common word it doubts (حزب « الغد », 0.3) is
        # none of them
        known_bodies = _SpanIndex(
            (p.word_start, p.end) for p in places if p.label_key == "organisation"
        )
        for first, last, sure in kinds_names:
            start, end = art.raw(art.starts[first], art.ends[last])
            if (
                aliases.overlaps(start, end)
                or known_bodies.overlaps_outside(start, end)
                or names_index.overlaps(start, end)
            ):
                continue
            if not sure and land_index.overlaps(start, end):
                continue  # مسجد نواكشوط: the place's name as often
            add_body(start, end, "body")

    # Initialisms (وكالة بي. تي. ايه، « إل جي »): the full stops between their letters stay
    # (tidy), where the registry and the other rules know no name and the gazetteer no body
    # or person but inside it (إن بي سي in « سي إن بي سي »: the longer initialism's).
    letters = initialisms(art, named)
    if letters:
        listed_bodies = _SpanIndex(
            (p.word_start, p.end) for p in places if p.label_key != "location"
        )
        spoken_for = _SpanIndex([*((m.start, m.end) for m in registry), *name_spans])
        for first, last in letters:
            start, end = art.raw(art.starts[first], art.ends[last])
            if spoken_for.overlaps(start, end) or listed_bodies.overlaps_outside(start, end):
                continue
            add_body(start, end, "initials")

    # The names an occupation or a given name begins, where the registry knows nothing (its
    # alias is the analyst's own entity: محمد فاضل, جون كيري) and the gazetteer no place or
    # body (مطار محمد الخامس).
    aliased = _SpanIndex((m.start, m.end) for m in registry)
    for rule, found in (
        ("occupation", occupation_names),
        ("given", given_names),
        ("lineage", lineages),
        ("list", listed),
        ("credits", credited),
        ("called", called),
        ("family", families),
        ("national", nationals),
    ):
        for first, last in found:
            start, end = art.raw(art.starts[first], art.ends[last])
            if place_index.overlaps(start, end):
                continue
            if rule in _STRUCTURED:
                # a person the registry knows inside a longer lineage (علي in علي بن أبي
                # طالب) or credited name (محمد in تأليف محمد شطا) is a part of it; the
                # registry's own span or another type's wins
                if aliased.covers(start, end) or not_persons.overlaps(start, end):
                    continue
            elif aliased.overlaps(start, end):
                continue
            name_spans.append((start, end))
            # جعفر الموسوي رئيس الادعاء: a given name's name with a title after it is as sure
            # as one after a title
            titled = rule == "given" and title_after(art, last)
            add(_entity(text, start, end, "titled" if titled else rule, None))
    taken = _SpanIndex([*name_spans, *((m.start, m.end) for m in registry)])
    for place in places:
        a_person = place.label_key == "person"
        if taken.overlaps(place.start, place.end):
            # a person's name (the title rule's), or an entity the registry knows; a person
            # the gazetteer knows by the same words as a name rule's is surer (محمود عباس)
            if a_person:
                _vouch(results, place)
            continue
        if (
            not a_person
            and place.entry.ambiguous
            and all(w in art.learnt for w in place.form.split())
        ):
            continue  # a word this article uses in a person's name (عمران خان)
        start = written_start(text, place.start, place.word_start, place.form)
        # a regnal number after a monarch's one name (الشاه عباس الأول), not a rank after a
        # full name (حمدين صباحي الثالث في الجولة)
        one_name = a_person and " " not in place.form.strip()
        end = _regnal_end(text, place.end) if one_name else place.end
        add(
            Suggestion(
                "entity",
                place.label_key,
                start,
                end,
                text[start:end],
                "gazetteer",
                source="gazetteer",
                score=place.score,
                name=_canonical(place),
            )
        )

    registry_index = _MatchIndex(registry)
    for a, b, speaker, explicit in _claim_spans(art):
        start, end = art.raw(a, b)
        while end > start and text[end - 1].isspace():
            end -= 1  # a line or paragraph separator the passage ran up to (U+2028)
        while start < end and text[start].isspace():
            start += 1
        if start == end:
            continue
        claimant = claimant_span = speaker_name = None
        entity_id = None
        if speaker is not None:
            claimant_span = art.raw(*speaker)
            claimant = text[claimant_span[0] : claimant_span[1]]
            entity_id = registry_index.entity_inside(*claimant_span)
            spoken = _claimant_names(art, speaker)
            for part in spoken if explicit else ():
                n_start, n_end = art.raw(*part)
                person = person_index.entity_inside(n_start, n_end)
                add(_entity(text, n_start, n_end, "claimant", person))
            if len(spoken) == 1 and art.raw(*spoken[0]) == claimant_span:
                speaker_name = claimant  # one person's name, learnt in the article
        add(
            Suggestion(
                "claim",
                "claim",
                start,
                end,
                text[start:end],
                "reported",
                entity_id,
                claimant,
                claimant_span,
                score=RULE_SCORES["reported"],
                name=speaker_name,
            )
        )
    full = _full_names(art, names, text)
    if full:
        for key, item in results.items():
            results[key] = _with_full_name(item, full)
    return sorted(results.values(), key=_PLACE_OF)


_NEXT_WORD = re.compile(r"[ \t]+(\w+)")


def _regnal_end(text: str, end: int) -> int:
    """The end of a person's name the gazetteer found, with the regnal number after it (الشاه
    عباس | الأول، السلطان إبراهيم خان | الأول): the number is the name's, as the rules read
    it (names._name_tokens)."""
    found = _NEXT_WORD.match(text, end)
    if found is not None and fold(found.group(1)) in _REGNAL:
        return found.end(1)
    return end


# Rules whose name's extent its structure gives (a lineage, a work's credit, a nationality
# before it): a registry person inside it does not hide it.
_STRUCTURED = frozenset({"lineage", "credits", "called", "national", "family", "list"})


def _full_names(art: _Article, names: list[tuple[int, int, int]], text: str) -> dict[str, str]:
    """Each surname the article gives in full (جون كيري → كيري), folded, with the full name as
    first written: a lone كيري later in the article is that person. Accepted, it was a second
    entity كيري beside جون كيري — the network and the timeline split each person in two (found
    by a trial). A surname two full names end with (two brothers) says no one."""
    found: dict[str, str] = {}
    doubtful: set[str] = set()
    for first, last, _ in names:
        words = [i for i in range(first, last + 1) if art.is_word(i)]
        if len(words) < 2:
            continue
        start, end = art.raw(art.starts[first], art.ends[last])
        whole = " ".join(text[start:end].split())
        s_start, s_end = art.raw(art.starts[words[-1]], art.ends[words[-1]])
        surname = fold(text[s_start:s_end])
        if found.setdefault(surname, whole) != whole and fold(found[surname]) != fold(whole):
            doubtful.add(surname)
    return {k: v for k, v in found.items() if k not in doubtful}


def _with_full_name(item: Suggestion, full: dict[str, str]) -> Suggestion:
    """A rule's lone surname of a person (or a claim whose speaker is one) named as the full
    name the article gives, when it links to no entity: accepted, it is that person's mention
    (or claim), not a new entity of the surname alone."""
    if item.source != "rule":
        return item
    if item.kind == "entity" and item.label_key == "person" and item.entity_id is None:
        words = fold(item.text).split()
        if len(words) == 1 and words[0] in full and item.name is None:
            return replace(item, name=full[words[0]])
    if item.kind == "claim" and item.name and item.entity_id is None:
        words = fold(item.name).split()
        if len(words) == 1 and words[0] in full:
            return replace(item, name=full[words[0]])
    return item


class _SpanIndex:
    """Spans searched by bisection, so thousands of names and places cost little."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        self.longest = max((end - start for start, end in self.spans), default=0)

    def _near(self, start: int, end: int) -> list[tuple[int, int]]:
        first = bisect_left(self.starts, start - self.longest)
        return self.spans[first : bisect_left(self.starts, end)]

    def overlaps(self, start: int, end: int) -> bool:
        # (none at all: the model's 6,000 names of an article without tags ask)
        return bool(self.spans) and any(s < end and start < e for s, e in self._near(start, end))

    def covers(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self._near(start, end))

    def overlaps_outside(self, start: int, end: int) -> bool:
        """Whether a span overlaps [start, end) other than strictly inside it."""
        return any(
            s < end and start < e and not (start <= s and e <= end and e - s < end - start)
            for s, e in self._near(start, end)
        )

    def covers_longer(self, start: int, end: int) -> bool:
        """Whether a longer span holds [start, end) (not the same span)."""
        return any(
            s <= start and end <= e and e - s > end - start for s, e in self._near(start, end)
        )


def _canonical(match: GazetteerMatch) -> str | None:
    """The name an accepted gazetteer suggestion's entity is looked up and made by: the
    entry's; for a person's name two persons go by (عون: ميشال عون، جوزاف عون), none — the
    written name, as for a rule's (the analyst tells which)."""
    if match.label_key == "person" and len({e.identity for e in match.entries}) > 1:
        return None
    return match.entry.name


def _vouch(results: dict[tuple[str, int, int], Suggestion], person: GazetteerMatch) -> None:
    """A name rule's person whose words are a person the gazetteer knows takes its score,
    when higher (the given names' rule scores ``محمود عباس`` under the bar)."""
    for start in {person.start, person.word_start}:
        found = results.get(("entity", start, person.end))
        if found is not None and found.rule != "alias" and found.score < person.score:
            results[("entity", start, person.end)] = rescored(found, person.score)


def _spanned(spans: Iterable[tuple[int, int]]) -> set[int]:
    """The tokens of (first, last) token spans."""
    return {i for first, last in spans for i in range(first, last + 1)}


def _tokens_of(names: list[tuple[int, int, int]]) -> set[int]:
    return _spanned((first, last) for first, last, _ in names)


def _entity(text: str, start: int, end: int, rule: str, entity_id: int | None) -> Suggestion:
    return Suggestion(
        "entity", "person", start, end, text[start:end], rule, entity_id, score=RULE_SCORES[rule]
    )


# Compass nouns (شمال العراق، بشمال شرق الجزيرة) with their proclitics: the name after one
# is a place's, never an organisation's (none of the development corpus's 131 names after
# one is): the channel's الجزيرة there is the peninsula. Not وسط, which is also "among"
# (انقسامات وسط حزب العمال), nor the adjectives غربي، شمالي … (دبلوماسي غربي لرويترز).
# شبه only before the nouns it makes a place of (شبه الجزيرة، شبه القارة): it is also the
# verb شبّه, "likened" (وشبّه حزب الله الهجوم).
_COMPASS = _with_prefixes(_folded("شمال", "جنوب", "شرق", "غرب"), map(fold, PROCLITICS))
_SHIBH = _with_prefixes(_folded("شبه"), map(fold, PROCLITICS))
_SHIBH_NOUNS = _folded("الجزيرة", "جزيرة", "القارة", "قارة")
# The word before a name and the white space on its line between them, in folded text (the
# marks and format characters the matcher ignores are gone there too).
_WORD_BEFORE_RE = re.compile(r"(\w+)[^\S\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+\w*\Z")
_NAME_WORD_RE = re.compile(r"\w+")


def after_compass(text: str, start: int) -> bool:
    """Whether the word before the one ``start`` is in (its proclitics before ``start`` are
    part of it) is a compass noun, on the same line, or شبه before جزيرة or قارة: a name
    there is a place's."""
    found = _WORD_BEFORE_RE.search(fold(text[max(0, start - 48) : start]))
    if found is None:
        return False
    word = found.group(1)
    if word in _COMPASS:
        return True
    if word not in _SHIBH:
        return False
    name = _NAME_WORD_RE.match(fold(text[start : start + 48]))
    return name is not None and name.group() in _SHIBH_NOUNS


def written_start(text: str, start: int, word_start: int, alias: str) -> int:
    """Where a matched name starts as written: ``start``, or, when the name's article is
    contracted after the proclitic ل (ل + الأمم written للأمم), the first ل — the lam that is
    both the preposition and the article's.

    Why: a suggestion drops the name's proclitics (وكيري → كيري), but لل cannot be parted:
    «لأمم المتحدة» was offered out of «للأمم المتحدة» and «لعراق» out of «للعراق», words
    cut in half that, accepted, became mentions read as such (issue 14). The mention keeps
    both lams, as a tagger of the corpus marks «للولايات المتحدة»; و or ف before them is
    still left out (وللعراق → للعراق). The matcher's ``start`` stays as it is: linking and
    the registry's proclitic rules count the clitic ل apart."""
    if start <= word_start or not fold(alias).startswith(ARTICLE):
        return start
    if not fold(text[start : start + 1]).startswith(LAM):
        # the article written in full (بالعراق): nothing contracted (its lam may be the
        # first half of a lam-alef ligature, ﻼ, as PDFs' text writes للاتحاد)
        return start
    i = start - 1
    while i > word_start and not fold(text[i]):
        i -= 1  # harakat or tatweel on the proclitic (لِلعراق)
    return i if fold(text[i]) == LAM else start


_SPACE_RE = re.compile(r"\s")  # what str.isspace says is white space


def written_word_start(text: str, start: int, end: int) -> int:
    """:func:`written_start` for a span made of whole written words (the model's): a first
    word written و or ف + ل + ال contracted (وللأمم، فللعراق) starts at its first lam, as the
    rules' and the registry's suggestion of the same name does; any other span keeps its
    start.

    Why: the model tags whole words, proclitics and all, so it never cuts لل in two, but it
    offered «وللأمم المتحدة» where the rules offer «للأمم المتحدة»; the same name then had two
    spans by source, and the conjunction, accepted, became part of the mention. Other
    proclitics stay as the model found them (its «لبنان» is no ل + بنان)."""
    space = _SPACE_RE.search(text, start, end)  # (in C: a test per letter was 50,000 of them)
    word_end = end if space is None else space.start()
    folded = fold(text[start:word_end])
    if len(folded) < 5 or folded[0] not in "وف" or not folded[1:].startswith(LAM + LAM):
        return start  # (و + لل + a stem of two letters or more: split_clitics's reading)
    i = start + 1
    while i < word_end and not fold(text[i]):
        i += 1  # harakat or tatweel on the conjunction
    return i


def tidy(item: Suggestion) -> Suggestion | None:
    """An entity suggestion as a name may be written (:func:`desktop.core.spans.name_span`):
    without punctuation at its edges, cut at a bracket, quotation mark or sentence mark inside
    it (the first piece kept: ``باراك) أوباما`` → ``باراك``) — dropped instead for the
    registry and the gazetteer, whose match is a whole written name —, ``None`` when no name
    is left. Every source goes through it (:func:`suggest`, :func:`merge`, the model's
    ``desktop.learn.tagger``), as an accepted span becomes an entity of that name. A claim is
    a passage: kept as it is."""
    if item.kind != "entity":
        return item
    text = item.text
    if len(text) >= 2 and text[0].isalpha() and text[-1].isalpha() and _BREAKS.isdisjoint(text):
        return item  # name_span's own first test, without the call: 13,000 a 1 MB article
    cut = item.source not in ("registry", "gazetteer")
    # (an initialism's full stops are its letters', no sentence's: بي. تي. ايه)
    keep = "." if item.rule == "initials" else ""
    span = name_span(item.text, 0, len(item.text), cut=cut, keep=keep)
    if span is None:
        return None
    start, end = span
    if (start, end) == (0, len(item.text)):
        return item
    text = item.text[start:end]
    return replace(item, start=item.start + start, end=item.start + end, text=text)


def merge(*groups: Iterable[Suggestion]) -> list[Suggestion]:
    """One list from several sources' suggestions, sorted by start: of entity suggestions
    that overlap, only the one with the higher score stays (on a tie, the one from the
    earlier group); claims are kept as they are, and so is an entity inside a claim. Each
    entity suggestion is :func:`tidy` first."""
    others: list[Suggestion] = []
    order = 0
    ranked: list[tuple[float, int, Suggestion]] = []
    for group in groups:
        for found in group:
            item = tidy(found)
            if item is None:
                continue
            if item.kind == "entity":
                ranked.append((-item.score, order, item))
            else:
                others.append(item)
            order += 1
    # By score, then order: no two have the same order, so the tuples are sorted in C
    # without ever comparing their suggestions (a key made in Python for each of a 1 MB
    # article's 20,000 cost more).
    ranked.sort()
    ordered = list(map(_THIRD, ranked))
    starts = list(map(_START_OF, ordered))
    if all(map(lt, starts, map(_END_OF, ordered))) and (not ordered or min(starts) >= 0):
        taken = _disjoint(ordered)
    else:
        taken = _disjoint_by_bisection(ordered)
    return sorted([*taken, *others], key=_PLACE_OF)


def _disjoint(ordered: Sequence[Suggestion]) -> list[Suggestion]:
    """Of ``ordered`` (each with ``0 <= start < end``), each one that overlaps none kept
    before it, by start: the characters the kept ones cover marked in a byte array, and
    each looked for in C over the next one's span. Why not :func:`_disjoint_by_bisection`:
    its lists took an insertion in their middle for each kept one (a 1 MB article's merges
    keep 11,000, each moving half the lists)."""
    covered = bytearray(max(item.end for item in ordered)) if ordered else bytearray()
    taken: list[Suggestion] = []
    for item in ordered:
        start, end = item.start, item.end
        if covered.find(1, start, end) == -1:
            covered[start:end] = b"\x01" * (end - start)
            taken.append(item)
    # (disjoint and not empty: their starts differ)
    return sorted(taken, key=_START_OF)


def _disjoint_by_bisection(ordered: Sequence[Suggestion]) -> list[Suggestion]:
    """:func:`_disjoint` for any spans (an empty one too): the kept ones' starts in a
    sorted list, a new one against its neighbours there."""
    taken_starts: list[int] = []
    taken: list[Suggestion] = []
    for item in ordered:
        k = bisect_left(taken_starts, item.start)
        before = taken[k - 1] if k else None
        after = taken[k] if k < len(taken) else None
        if (before is not None and before.end > item.start) or (
            after is not None and after.start < item.end
        ):
            continue
        taken_starts.insert(k, item.start)
        taken.insert(k, item)
    return taken


# The next written word after a name: spaces only between (a comma or a full stop ends it).
_NEXT_WORD_RE = re.compile(r"[ \t\u00a0]{1,3}([^\W\d_][\w\u0640]*)")


def first_name_of_longer(text: str, match: Match) -> bool:
    """Whether a registry person's alias that is only a given name (``محمد``, an entity the
    analyst made from a name written alone) is here the first name of a longer one (``محمد
    فاضل``): followed by a word that is no function, time or verb word, no title, and no
    next item of a list (``محمد وعلي``). Then the alias would cut the name short: the model
    and the rules offer the whole name, or the analyst tags it."""
    if fold(text[match.start : match.end]) not in _GIVEN_NAMES:
        return False
    following = _NEXT_WORD_RE.match(text, match.end)
    if following is None:
        return False
    word = fold(following.group(1))
    if len(word) < 2 or word.isascii():
        return False
    if word.startswith("و") and word not in _GIVEN_NAMES:
        return False  # و: the next item of a list
    return not (
        word in _FUNCTION_WORDS
        or word in _TIME_WORDS
        or word in _VERB_WORDS
        or word in _TITLE_FORMS
    )


class _MatchIndex:
    """Registry matches sorted by start, so the entity inside a span is found by bisection
    (an article of 1 MB has thousands of names and of matches)."""

    def __init__(self, matches: Iterable[Match]) -> None:
        self.matches = sorted(matches, key=_START_OF)
        self.starts = [m.start for m in self.matches]

    def entity_inside(self, start: int, end: int) -> int | None:
        """The one registry entity whose mention lies inside [start, end), if exactly one."""
        first = bisect_left(self.starts, start)
        ids = {
            m.entity_id for m in self.matches[first : bisect_left(self.starts, end)] if m.end <= end
        }
        ids.discard(None)
        return next(iter(ids)) if len(ids) == 1 else None


def _claimant_names(art: _Article, speaker: tuple[int, int]) -> list[tuple[int, int]]:
    """Person names making up an explicit claimant (``بومبيو وجيفري``), as folded spans.

    Only names already learnt in the article (after a title, or from the registry) count, so
    a place or a body that speaks (موسكو، الكرملين) is never suggested as a person.
    """
    first, last = art.token_at(speaker[0]), art.token_at(speaker[1]) - 1
    names: list[tuple[int, int]] = []
    run_start: int | None = None
    run_end = 0
    for j in range(first, last + 1):
        word = art.words[j]
        if not art.is_word(j):
            return []
        joined = word[0] in "وف" and word not in art.learnt and word[1:] in art.learnt
        if not joined and word not in art.learnt:
            return []
        if joined:
            if run_start is not None:
                names.append((run_start, run_end))
            run_start = art.starts[j] + 1
        elif run_start is None:
            run_start = art.starts[j]
        run_end = art.ends[j]
    if run_start is not None:
        names.append((run_start, run_end))
    return names
