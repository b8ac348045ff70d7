"""The shortcuts taken for a 1 MB article's suggestions (issue 14, second and third rounds)
give what the longer way gave, on made-up text: a name's span, a span inside a longer one, the
tagged runs as token positions, the words between two offsets; the map's entries of the
deleted characters dropped by their runs, a suggestion given a new score, a long text's
tokens remembered (the tagger's and the rules'); (fourth round) a short text's folded form
and a word's clitics kept by the text; (fifth round) a long text's layout kept but for its
sources, the given-name and occupation rules' candidates found in C, a cue's proclitics from
one dict, a model name's first word ended at white space found in C, a span's raw end taken at
once."""

from __future__ import annotations

import operator
import random
import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from itertools import compress, pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core import arabic
from desktop.core import matching as matching_module
from desktop.core.arabic import LAM, PROCLITICS, fold
from desktop.core.matching import AliasMatcher, folded_words
from desktop.core.spans import NAME_BREAKS, is_word_char, name_span
from desktop.core.suggest import Suggestion, suggest
from desktop.core.suggest import claims as claims_module
from desktop.core.suggest import features as features_module
from desktop.core.suggest import gazetteer as gazetteer_module
from desktop.core.suggest import names as names_module
from desktop.core.suggest import pipeline as pipeline_module
from desktop.core.suggest import tokens as tokens_module
from desktop.core.suggest.features import (
    OUTSIDE,
    FeatureExtractor,
    spans_from_tags,
    split_clitics,
    tag_runs,
    tokenize,
)
from desktop.core.suggest.lexicon import _NARRATIVE_RESUMES
from desktop.core.suggest.pipeline import _SpanIndex, rescored, tidy, written_word_start
from desktop.core.suggest.tokens import _Article
from tests.core.features_reference import split_clitics as reference_split_clitics

_INSIDE_WORDS = frozenset("'’.")


def _name_span_by_characters(
    text: str, start: int, end: int, *, cut: bool = True
) -> tuple[int, int] | None:
    """name_span as it was, a test per character: what the shortcut must agree with."""
    while start < end and not is_word_char(text[start]):
        start += 1
    while end > start and not is_word_char(text[end - 1]):
        end -= 1
    for at in range(start, end):
        char = text[at]
        if char not in NAME_BREAKS:
            continue
        if char in _INSIDE_WORDS and is_word_char(text[at - 1]) and is_word_char(text[at + 1]):
            continue
        if not cut:
            return None
        end = at
        while end > start and not is_word_char(text[end - 1]):
            end -= 1
        break
    if sum(1 for at in range(start, end) if text[at].isalpha()) < 2:
        return None
    return start, end


def test_a_names_span_is_the_same_with_the_shortcut() -> None:
    pieces = ["باراك", "أوباما", "O'Brien", "U.S", "ـ", "َ", "٣", "7", " ", "(", ")", "«", "»",
              "،", ".", "'", "_", "ب", "x", "\u200c", "!"]  # fmt: skip
    chance = random.Random(14)
    for _ in range(3000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randint(1, 6)))
        for start in range(len(text)):
            for end in range(start, len(text) + 1):
                for cut in (True, False):
                    assert name_span(text, start, end, cut=cut) == _name_span_by_characters(
                        text, start, end, cut=cut
                    ), (text, start, end, cut)


def test_a_span_inside_a_longer_one() -> None:
    chance = random.Random(7)
    for _ in range(300):
        spans = [(a, a + chance.randint(1, 12)) for a in (chance.randint(0, 60) for _ in range(8))]
        index = _SpanIndex(spans)
        for start in range(70):
            for end in range(start + 1, start + 14):
                expected = any(a <= start and end <= b and b - a > end - start for a, b in spans)
                assert index.covers_longer(start, end) == expected, (spans, start, end)
    assert not _SpanIndex([(3, 9)]).covers_longer(3, 9)  # the same span is not a longer one
    assert _SpanIndex([(3, 9), (3, 10)]).covers_longer(3, 9)


def test_tagged_runs_as_token_positions() -> None:
    tokens = [t for sentence in tokenize("زار وزير الخارجية الأمريكي جون كيري مدينة بيروت أمس")
              for t in sentence]  # fmt: skip
    chance = random.Random(3)
    choices = [OUTSIDE, "B-person", "I-person", "B-location", "I-location", "X", "I-"]
    for _ in range(2000):
        tags = [chance.choice(choices) for _ in tokens]
        scores = [chance.random() for _ in tokens]
        runs = tag_runs(tags, scores)
        assert [(tokens[a].start, tokens[b - 1].end, k, s) for a, b, k, s in runs] == (
            spans_from_tags(tokens, tags, scores)
        )
        for a, b, kind, _ in runs:
            assert tags[a].endswith(kind) and all(t == f"I-{kind}" for t in tags[a + 1 : b])
        # An untagged token's score is never read: the model's tagger hands every token's.
        hidden = [float("nan") if t == OUTSIDE else s for t, s in zip(tags, scores, strict=True)]
        assert tag_runs(tags, hidden) == runs
    assert tag_runs(["B-person", "I-person", OUTSIDE], [0.5, 1.0, 0.1]) == [(0, 2, "person", 0.75)]


def test_the_words_between_two_offsets() -> None:
    text = "قال، الرئيس: «إن _x الأمن» ... و٣ رجال!"
    art = _Article.build(text)
    folded = art.norm.text
    for start, end in pairwise(range(0, len(folded) + 1, 1)):
        for stop in range(end, len(folded) + 1):
            words = [
                w
                for w, s in zip(art.words, art.starts, strict=True)
                if start <= s < stop and (w[0].isalnum() or w[0] == "_")
            ]
            assert art.words_between(start, stop) == len(words)


_DELETED = "".join(chr(cp) for lo, hi in arabic._REMOVED_RANGES for cp in range(lo, hi + 1))


def test_the_maps_entries_of_deleted_characters_dropped_by_their_runs() -> None:
    # As it was: a test per character, 0 for a deleted one.
    pieces = ["كتب", "ـ", "َ", "ّ", "\u200c", "\u00ad", "a", " ", "ﻻ", "٣", "\u2067", "ۖ"]
    chance = random.Random(21)
    for _ in range(3000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randint(0, 9)))
        flags = [char not in _DELETED for char in text]
        for starts in (range(len(text)), [3 * k + 1 for k in range(len(text))]):
            assert arabic._kept(starts, text) == list(compress(starts, flags)), text
    assert arabic.normalise("ـكَتَبَ\u200c ﻻ").offsets == (0, 3, 5, 8, 9, 9, 10)


def test_a_suggestion_given_a_new_score() -> None:
    chance = random.Random(5)
    for _ in range(500):
        s = Suggestion(
            chance.choice(["entity", "claim"]),
            chance.choice(["person", "claim"]),
            chance.randint(0, 9),
            chance.randint(10, 20),
            "نص",
            chance.choice(["title", "model"]),
            entity_id=chance.choice([None, 4]),
            claimant=chance.choice([None, "كيري"]),
            claimant_span=chance.choice([None, (1, 3)]),
            source=chance.choice(["rule", "model"]),
            score=chance.random(),
            name=chance.choice([None, "جون كيري"]),
            lowered=chance.random() < 0.5,
        )
        score = chance.random()
        assert rescored(s, score) == replace(s, score=score)
        for lowered in (True, False):
            assert rescored(s, score, lowered=lowered) == replace(s, score=score, lowered=lowered)


def test_a_long_texts_tokens_remembered() -> None:
    text = "قال الرئيس جون كيري. زار مدينة بيروت أمس!\n" * 600  # above _REMEMBER_FROM
    assert len(text) >= features_module._REMEMBER_FROM
    fresh = features_module._tokens_of(text, features_module.MAX_SENTENCE)
    first = features_module._tokens(text)
    assert first == fresh
    first[0].clear()  # a caller's lists are its own: the next call is not changed
    first[1].append(-1)
    again = features_module._tokens(text[:-1] + "\n")  # an equal text, another object
    assert again == fresh
    assert features_module._tokens(text, 5) == features_module._tokens_of(text, 5)
    other = text[:-2] + "x\n"  # the same length, another text
    assert features_module._tokens(other) == features_module._tokens_of(
        other, features_module.MAX_SENTENCE
    )
    assert tokenize(text) == [fresh[0][a:b] for a, b in pairwise(fresh[1])]


def test_a_long_texts_article_remembered_by_the_rules() -> None:
    text = "قال الرئيس «جون كيري» إن الأمن... زار بيروت!\n" * 600
    assert len(text) >= tokens_module._REMEMBER_FROM
    tokens_module._remembered = None
    fresh = _Article.build(text)
    tokens_module._remembered = None
    _Article.build(text)
    again = _Article.build(text[:-1] + "\n")  # an equal text, another object: remembered
    assert again == fresh
    again.learnt.add("كيري")  # what the rules learn of an article is its own
    again.counts = None
    assert not _Article.build(text).learnt
    other = text[:-2] + "x\n"  # the same length, another text
    tokens_module._remembered = None
    expected = _Article.build(other)
    tokens_module._remembered = None
    _Article.build(text)
    assert _Article.build(other) == expected


def test_a_short_texts_folded_form_kept() -> None:
    # Kept or made afresh, a text folds the same: at, below and above the length kept, with
    # what folding changes (harakat, tatweel, hamza forms, presentation forms, alef maksura,
    # capitals, NFKC) — each text asked twice, the second answer the kept one.
    pieces = ["كتب", "إلى", "أ", "ى", "ة", "ـ", "َ", "ﻻ", "ﺏ", "Ab", "ﬁ", "٣", " ", "\n", "ي"]
    chance = random.Random(40)
    texts = ["", "a", "A" * arabic._FOLD_KEPT_LENGTH, "A" * (arabic._FOLD_KEPT_LENGTH + 1)]
    for _ in range(4000):
        texts.append("".join(chance.choice(pieces) for _ in range(chance.randint(1, 20))))
    for text in texts:
        expected = arabic._fold(text)
        assert fold(text) == expected, text
        assert fold(text) == expected, text
        assert arabic._folded.get(text) == (
            expected if len(text) <= arabic._FOLD_KEPT_LENGTH else None
        ), text  # kept, and the answer given again
    assert 0 < len(arabic._folded) <= arabic._FOLD_KEPT  # never more than its bound


def test_a_words_clitics_kept() -> None:
    pieces = ["و", "ف", "ب", "ك", "ل", "ال", "س", "ا", "ه", "بلير", "ي", "x"]
    chance = random.Random(41)
    for _ in range(5000):
        word = "".join(chance.choice(pieces) for _ in range(chance.randint(0, 6)))
        expected = reference_split_clitics(word)  # the way it was
        assert split_clitics(word) == expected, word
        assert split_clitics(word) == expected, word  # the kept answer
    assert features_module._clitics.get(word) == expected  # the kept answer
    assert 0 < len(features_module._clitics) <= features_module._CLITICS_KEPT


def test_a_layouts_word_pairs_found_over_the_whole_article() -> None:
    # Each token's tail as the layout is read: the pair it ends (when the model knows it) or
    # "first", then "second", "last" — never a pair across two sentences.
    words = ["قال", "الرئيس", "جون", "كيري", "في", "بيروت", "أمس", ".", "\n", "،"]
    chance = random.Random(42)
    for _ in range(60):
        text = " ".join(chance.choice(words) for _ in range(chance.randint(1, 400)))
        folded = {w: fold(w) for w in words}
        pairs = {
            f"bi:{folded[a]}|{folded[b]}" for a in words for b in words if chance.random() < 0.3
        }
        known = {"bias", "first", "second", "last", *pairs}
        extractor = FeatureExtractor(known=known)
        layout = extractor.layout(text)
        assert layout.cuts[-1] == len(layout.tokens)
        for k, end in pairwise(layout.cuts):
            sentence = layout.tokens[k:end]
            for i, token in enumerate(sentence):
                expected: tuple[str, ...] = ()
                if i == 0:
                    expected += ("first",)
                elif (pair := f"bi:{sentence[i - 1].folded}|{token.folded}") in known:
                    expected += (pair,)
                if i == 1:
                    expected += ("second",)
                if i == len(sentence) - 1:
                    expected += ("last",)
                assert layout.tails.get(k + i, ()) == expected, (text, k + i)


def _document_as_it_was(extractor: FeatureExtractor, text: str) -> dict[str, tuple[str, ...]]:
    _, cuts, flat, members, _ = extractor._words_of(text)
    sentences = [flat[a:b] for a, b in pairwise(cuts)]
    seen, counts = extractor._seen(sentences, flat, Counter(flat), members)
    result = {}
    for stem, found in seen.items():
        n = counts[stem]
        extra = [f"g:n{min(n, 4)}"]
        if n > 1 and "g:al" not in found:
            extra.append("g:neveral")
        result[stem] = extractor._keep([*sorted(found), *extra])
    return result


def test_an_articles_findings_made_once_each() -> None:
    words = ["قال", "الرئيس", "جون", "كيري", "وكيري", "الكيري", "بيروت", "أمس", ".", "\n"]
    chance = random.Random(43)
    marks = ["g:al", "g:bare", "g:title", "g:verb", "g:n1", "g:n2", "g:n3", "g:n4", "g:neveral"]
    for _ in range(60):
        text = " ".join(chance.choice(words) for _ in range(chance.randint(1, 300)))
        for known in (None, {m for m in marks if chance.random() < 0.6}):
            for encoded in (False, True):
                extractor = FeatureExtractor(known=known, encoded=encoded)
                *_, document = extractor._words_of(text)
                assert document == _document_as_it_was(extractor, text), text


def test_what_is_kept_stays_within_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(arabic, "_FOLD_KEPT", 5)
    monkeypatch.setattr(features_module, "_CLITICS_KEPT", 5)
    monkeypatch.setattr(arabic, "_folded", {})
    monkeypatch.setattr(features_module, "_clitics", {})
    for n in range(40):
        word = "وال" + "كتب" * (n % 9 + 1) + str(n)
        assert fold(word) == arabic._fold(word)
        assert split_clitics(word) == reference_split_clitics(word)
        assert 0 < len(arabic._folded) <= 5
        assert 0 < len(features_module._clitics) <= 5


def _spans_of(pattern: str, kind: str) -> Callable[[str], list[tuple[int, int, str]]]:
    """A source that finds ``pattern`` wherever it is written."""
    return lambda text: [(m.start(), m.end(), kind) for m in re.finditer(pattern, text)]


def test_a_long_texts_layout_remembered_with_other_sources() -> None:
    # (fifth round) What a long text's layout owes to the text alone is remembered with the
    # extractor's words; the sources' part is made again each time: each layout is a new
    # extractor's, whatever the sources before it — spans at a sentence's first and last
    # word, and none.
    lines = ["قال الرئيس جون كيري في بيروت", "وزار كيري مدينة بيروت أمس .", "كيري"]
    text = "\n".join(lines[n % 3] for n in range(2000))
    assert len(text) >= features_module._REMEMBER_FROM
    first = {
        "gz": _spans_of("بيروت", "LOC"),
        "ru": _spans_of("جون كيري", "PERS"),
    }
    # (بيروت in both: a stem's findings with one's spans are not the other's)
    other = {"gz": _spans_of("قال|أمس", "LOC"), "rg": _spans_of("كيري|بيروت", "PERS")}
    known: set[str] = set()
    for sources in (first, other):
        for sentence in FeatureExtractor(sources).sentences(text):
            for features in sentence.features:
                known.update(features)
    # and what a sentence's edge never has (a member's features on the word across it)
    members = [f for f in known if f.split(":")[0] in ("gz", "ru", "rg")]
    known.update([*(f"-1{f}" for f in members), *(f"1{f}" for f in members)])
    known.update(f"g:{f}" for f in members)  # and the article's findings of them
    known.add("bi:" + fold("كيري") + "|" + fold("في"))
    shared = FeatureExtractor(known=known)
    for sources in (first, other, {}, first):
        extractor = FeatureExtractor(sources, known=known, share=shared)
        remembered = extractor.layout(text)
        assert shared._last[0] is not None  # remembered: a test of something
        assert extractor._words_of(text)[4] == _document_as_it_was(extractor, text)
        assert remembered == FeatureExtractor(sources, known=known).layout(text)
        # and each token's features joined are training's (every one made token by token)
        joined = FeatureExtractor(sources, known=known, share=shared).sentences(text)
        every = FeatureExtractor(sources).sentences(text)
        assert [s.tokens for s in joined] == [s.tokens for s in every]
        assert [s.features for s in joined] == [
            tuple(tuple(f for f in features if f in known) for features in s.features)
            for s in every
        ]


def _given_name_names_as_it_was(art: _Article, taken: set[int]) -> list[tuple[int, int]]:
    """names._given_name_names as it was, a test per word: what the shortcut must agree
    with."""
    words = art.words
    given = names_module._GIVEN_NAMES
    found: list[tuple[int, int]] = []
    i = 0
    n = len(words)
    while i < n:
        word = words[i]
        if (
            i in taken
            or word not in given
            or word in names_module._AMBIGUOUS_GIVEN
            or word in names_module._PRONOUNS
            or (
                i > 0
                and (
                    words[i - 1] in names_module._NAME_PARTICLES
                    or words[i - 1] in names_module._NAMED_AFTER
                )
            )
            or (i > 1 and words[i - 2] in names_module._NAME_PARTICLES)
            or (
                i > 0
                and (
                    words[i - 1] in names_module._TITLE_OR_HONORIFIC
                    or words[i - 1] in names_module._PRONOUNS
                )
            )
            or names_module._in_a_work_title(art, i)
        ):
            i += 1
            continue
        span = names_module._name_tokens(art, i)
        if span is None or span[1] == span[0]:
            i += 1
            continue
        last = i
        for j in range(i + 1, span[1] + 1):
            if j in taken:
                break
            word_j = words[j]
            if word_j in names_module._NAME_PARTICLES or word_j in names_module._COMPOUND_SECONDS:
                continue
            if word_j[0] == "و" and word_j not in given:
                break
            stem = art.article_stem(j)
            if stem is not None:
                if not (
                    names_module._is_nisba(stem) or word_j in art.learnt or word_j in art.surnames
                ):
                    break
            elif names_module._not_a_name(art, j, inside=True, accusative=True):
                break
            last = j
        if last > i and last + 1 < n and words[last + 1] in names_module._FOREIGN_PARTICLES:
            i = span[1] + 1
            continue
        if last > i:
            found.append((i, last))
            i = last + 1
        else:
            i += 1
    return found


def _occupation_names_as_it_was(art: _Article, taken: set[int]) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    words = art.words
    for i, word in enumerate(words):
        if word not in names_module._OCCUPATION_FORMS or i in taken:
            continue
        name = names_module._name_after_title(art, i)
        if name is None or any(j in taken for j in range(name[0], name[1] + 1)):
            continue
        if any(words[j] in names_module._LINK_PREPOSITIONS for j in range(i + 1, name[0])):
            continue
        found.append(name)
    return found


def test_names_a_given_name_or_an_occupation_begins_found_from_those_words() -> None:
    # (fifth round) The given-name and occupation rules look only at the words that can
    # begin their names, found in C: the names of a word-by-word walk, on made-up text of
    # given names (one ambiguous, one a pronoun), what ends or continues a name, particles,
    # titles, occupations, a list and a foreign particle; with tokens taken by the title rule.
    words = [
        "محمد",
        "جون",
        "باسم",  # ambiguous
        "آنا",  # أنا once folded
        "فؤاد",
        "السنيورة",
        "كيري",
        "وكيري",
        "ورايس",
        "المصري",
        "بن",
        "أبو",
        "الرئيس",
        "الكاتب",
        "اللاعب",
        "في",
        "قال",
        "دو",
        "مارك",
        "،",
        ".",
        "\n",
    ]
    chance = random.Random(44)
    checked = 0
    for _ in range(150):
        text = " ".join(chance.choice(words) for _ in range(chance.randint(1, 120)))
        art = _Article.build(text)
        art.learnt.update(chance.sample(["كيري", "السنيورة", "مارك"], 2))
        art.surnames.add(chance.choice(["كيري", "السنيورة"]))
        n = len(art.words)
        for taken in (set(), {i for i in range(n) if chance.random() < 0.2}):
            expected = _given_name_names_as_it_was(art, taken)
            assert names_module._given_name_names(art, taken) == expected, text
            occupations = _occupation_names_as_it_was(art, taken)
            assert names_module._occupation_names(art, taken) == occupations, text
            checked += len(expected) + len(occupations)
    assert checked > 100  # names were found: a test of something


def _cue_clitics_as_it_was(word: str, cues: frozenset[str]) -> str | None:
    if word in cues:
        return ""
    for clitic in PROCLITICS:
        if clitic and word.startswith(clitic) and word[len(clitic) :] in cues:
            return clitic
    return None


def test_a_cues_proclitics_from_every_form_made_once() -> None:
    # (fifth round) The gazetteer's cue words with each proclitic group written before them,
    # made once per list of cues: the group a test of each in turn finds, the first that
    # leaves a cue — where two would (وبمن: و + بمن or وب + من) —, for the module's lists and
    # one made up.
    made_up = frozenset({"من", "بمن", "نادي", "لنادي", "فريق"})
    lists = [made_up, gazetteer_module._HEADS, gazetteer_module._PLACE_CUES]
    chance = random.Random(45)
    for cues in lists:
        pieces = sorted(cues)
        words = [c + w for c in PROCLITICS for w in pieces]
        words += [chance.choice(pieces)[1:], "و", "", "ولل" + chance.choice(pieces)]
        for word in words:
            assert gazetteer_module._cue_clitics(word, cues) == _cue_clitics_as_it_was(
                word, cues
            ), word
    assert gazetteer_module._cue_clitics("وبمن", made_up) == "و"


def _written_word_start_as_it_was(text: str, start: int, end: int) -> int:
    word_end = start
    while word_end < end and not text[word_end].isspace():
        word_end += 1
    folded = fold(text[start:word_end])
    if len(folded) < 5 or folded[0] not in "وف" or not folded[1:].startswith(LAM + LAM):
        return start
    i = start + 1
    while i < word_end and not fold(text[i]):
        i += 1
    return i


def test_a_model_names_written_start_found_with_white_space_in_c() -> None:
    # (fifth round) The first word of a model's name ends at the first white space, found by
    # the regex's \s — every character str.isspace says is white space, a no-break or an em
    # space too —; and an index of no spans overlaps nothing.
    words = ["وللأمم", "فللعراق", "وَللعراق", "للأمم", "المتحدة", "وكيري", "ولل", "و"]
    spaces = [" ", "\u00a0", "\u2003", "\t", "\n", "\u3000"]
    chance = random.Random(46)
    for _ in range(300):
        text = "".join(
            chance.choice(words) + chance.choice(spaces) for _ in range(chance.randint(1, 6))
        )
        start = chance.randrange(len(text))
        end = chance.randint(start, len(text))
        assert written_word_start(text, start, end) == _written_word_start_as_it_was(
            text, start, end
        ), (text, start, end)
    assert written_word_start("وللأمم\u2003المتحدة", 0, 14) == 1
    assert not _SpanIndex([]).overlaps(0, 10)
    assert _SpanIndex([(3, 5)]).overlaps(0, 10)


def test_a_spans_raw_end_taken_at_once_when_the_next_character_begins_after_it() -> None:
    # (fifth round) Normalised.to_raw takes the next character's start as the raw end when
    # it begins after the last one's, and searches only when they share a raw character: the
    # end bisection alone gave the same, on text with harakat, tatweel, a lam-alef ligature
    # (two folded characters of one raw), ß and removed characters at the end.
    pieces = ["مُحَمَّد", "ﻻ", "ـ", "ß", " ", "كتب", "\u200f", "ﷲ", "x"]
    chance = random.Random(47)
    for _ in range(200):
        raw = "".join(chance.choice(pieces) for _ in range(chance.randint(1, 12)))
        norm = arabic.normalise(raw)
        n = len(norm.text)
        for start in range(n + 1):
            for end in range(start, n + 1):
                expected = (norm.offsets[start], norm.offsets[start])
                if end > start:
                    last = norm.offsets[end - 1]
                    expected = (expected[0], norm.offsets[bisect_right(norm.offsets, last, end, n)])
                assert norm.to_raw(start, end) == expected, (raw, start, end)


def _tidy_as_it_was(item: Suggestion) -> Suggestion | None:
    if item.kind != "entity":
        return item
    span = name_span(item.text, 0, len(item.text), cut=item.source not in ("registry", "gazetteer"))
    if span is None:
        return None
    start, end = span
    if (start, end) == (0, len(item.text)):
        return item
    return replace(item, start=item.start + start, end=item.start + end, text=item.text[start:end])


def test_a_tidy_name_kept_without_a_call() -> None:
    # (fifth round) tidy keeps a name with letters at both edges and no mark inside at once,
    # name_span's own first test: the same as through name_span for names with and without
    # marks, of one letter, of every source.
    pieces = ["كيري", "جون", " ", "(", ")", "«", "،", ".", "O'Brien", "U.S", "ب", "1", "ـ"]
    chance = random.Random(48)
    for _ in range(2000):
        text = "".join(chance.choice(pieces) for _ in range(chance.randint(1, 4)))
        source = chance.choice(["rule", "registry", "gazetteer", "model"])
        kind = chance.choice(["entity", "entity", "claim"])
        item = Suggestion(kind, "person", 10, 10 + len(text), text, "x", source=source)  # type: ignore[arg-type]
        assert tidy(item) == _tidy_as_it_was(item), text


# (sixth round) A long text's names tried only where its words allow one (AliasMatcher._starts):
# the same hits as the pattern searched for at every character, the reference kept in
# AliasMatcher._scan(folded, None), the way shorter texts still go.
_ALIASES = [
    (1, "person", "كيري"),
    (1, "person", "جون كيري"),
    (2, "location", "الكرملين"),  # and its contracted form للكرملين
    (3, "organisation", "الأمم المتحدة"),
    (4, "person", "بلير"),
    (5, "location", "ريال مدريد"),
    (6, "organisation", "ا ف ب"),  # one-letter words: a name inside the clitics' reach
    (7, "person", "Kerry"),
    (8, "person", "وليد"),  # begins with a proclitic's letter
    (9, "person", "ليد"),
    (10, "organisation", "U.S. Army"),  # a first word ended by a mark
    (11, "person", "ب" * 130),  # longer than the trie: a plain alternative
]
# A name that begins with a mark: the whole text searched for, as before.
_MATCHERS = [
    AliasMatcher.from_registry(_ALIASES),
    AliasMatcher.from_registry([*_ALIASES, (12, "organisation", "«الجزيرة»")]),
]
_PIECES = [
    "كيري", "جون", "الكرملين", "للكرملين", "الأمم", "المتحدة", "بلير", "ريال", "مدريد", "ا",
    "ف", "ب", "Kerry", "وليد", "ليد", "U.S.", "Army", "و", "وب", "فل", "ل", "ال", "ك", "x", "_",
    "1", " ", " ", "  ", "\n", "\u00a0", "،", ".", "«", "»", "-", "ـ", "\u064e", "ب" * 130,
    "الجزيرة",
    "«الجزيرة»",
]  # fmt: skip


def _names_tried_at_words(
    matcher: AliasMatcher, folded: str
) -> list[tuple[int, int, int, str, str]]:
    if matcher._firsts is None:
        return matcher.scan(folded)  # a name that begins with a mark: searched for
    words, starts, _ = folded_words(folded)
    return matcher._scan(folded, matcher._starts(words, starts))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_a_long_texts_names_tried_where_its_words_allow_one(pieces: list[str]) -> None:
    folded = fold("".join(pieces))
    for matcher in _MATCHERS:
        assert _names_tried_at_words(matcher, folded) == matcher._scan(folded, None), folded


def test_a_long_texts_names_tried_where_its_words_allow_one_at_random() -> None:
    # the same on more texts, each piece as likely (Hypothesis favours the first pieces)
    chance = random.Random(50)
    for _ in range(3000):
        folded = fold("".join(chance.choice(_PIECES) for _ in range(chance.randint(1, 30))))
        for matcher in _MATCHERS:
            assert _names_tried_at_words(matcher, folded) == matcher._scan(folded, None), folded


def test_the_gazetteers_names_tried_where_its_words_allow_one() -> None:
    # The shipped gazetteer's own names in newswire-like text: every name with and without
    # each proclitic group, after a word, in brackets and quotation marks, names run together.
    from desktop.resources import gazetteer as shipped

    matcher = shipped()._matcher
    names = sorted(matcher._owners)[::7]
    chance = random.Random(49)
    words = ["قال", "في", "إلى", "الرئيس", "وزارة", "جامعة", "(", ")", "«", "»", "،", "."]
    parts: list[str] = []
    for name in names:
        parts += [chance.choice([*PROCLITICS, "", ""]) + name, chance.choice(words)]
        if chance.random() < 0.3:
            parts[-1] = name  # a name right after another
    text = " ".join(parts)
    folded = fold(text)
    expected = matcher._scan(folded, None)
    assert len(expected) > len(names) / 2
    assert _names_tried_at_words(matcher, folded) == expected


def test_names_tried_at_words_only_in_the_text_the_rules_split(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A long text the rules have split into words is matched at its words; any other text is
    # searched (a few names' search is cheaper than a split): the same hits either way.
    tried: list[int] = []
    starts = AliasMatcher._starts

    def counted(self: AliasMatcher, words: list[str], at: list[int]) -> list[int]:
        tried.append(len(words))
        return starts(self, words, at)

    monkeypatch.setattr(AliasMatcher, "_starts", counted)
    matcher = AliasMatcher.from_registry(_ALIASES)
    text = ("قال جون كيري، ووصل بلير إلى للكرملين. " * 1000).strip()
    folded = fold(text)
    monkeypatch.setattr(matching_module, "_last_words", None)
    searched = matcher.scan(folded)
    assert tried == [] and len(searched) == 3000
    article = _Article.build(text)  # the rules' split, kept
    assert matcher.scan(article.norm.text) == searched
    assert tried == [len(article.words)]
    assert matcher.scan(fold("قال جون كيري")) == [(4, 4, 12, "جون كيري", "")]
    assert len(tried) == 1


def test_a_long_texts_words_are_its_folded_tokens() -> None:
    # The rules' tokens and the matchers' words are one split of the same folded text, kept for
    # the last long text, by the text.
    text = ("قال جون كيري، في «موسكو»: ونحن_هنا 12 U.S. " * 2000).strip()
    folded = fold(text)
    words, starts, ends = folded_words(folded)
    assert words == re.findall(r"\w+|[^\w\s]", folded)
    assert [folded[a:b] for a, b in zip(starts, ends, strict=True)] == words
    assert folded_words(folded) is folded_words(fold(text))  # remembered, by the text
    article = _Article.build(text)
    assert (article.words, article.starts, article.ends) == (words, starts, ends)
    # kept as machine integers while the window shows the article: a list held an int
    # object and a pointer per offset, 14 MB for a 1 MB article (issue 15's memory bound)
    for offsets in (starts, ends):
        assert isinstance(offsets, array) and offsets.itemsize == 8


def test_a_new_texts_words_folded_from_the_extractors_words() -> None:
    # (sixth round) A word the extractor made features for gives its folded form to the next
    # text's tokens; only the others are folded: the same tokens as every word folded, on
    # words with harakat, tatweel, a ligature, ß, capitals and digits, known and new.
    pieces = ["مُحَمَّد", "ﻻ", "ـ", "ß", "Kerry", "وبالقاهرة", "1", "،", "ALI", "كيري", "\u200f"]
    chance = random.Random(51)
    for _ in range(300):
        extractor = FeatureExtractor()
        first = " ".join(chance.choice(pieces) + chance.choice(pieces) for _ in range(8))
        extractor._read(first)
        assert extractor._words
        text = " ".join(chance.choice(pieces) + chance.choice(pieces) for _ in range(8))
        expected = features_module._tokens_of(text, features_module.MAX_SENTENCE)
        assert features_module._tokens_of(text, 150, extractor._words) == expected, text


def _narrative_cut_by_tokens(art: _Article, first: int, end: int) -> int:
    """claims._narrative_cut as it was, a test per token: what the shortcut must agree with."""
    words = art.words
    last = art.token_at(end)
    seen = 0
    for j in range(first, last):
        if art.is_word(j):
            seen += 1
        elif words[j] in "،," and seen >= 4 and j + 1 < last and words[j + 1] in _NARRATIVE_RESUMES:
            return art.starts[j]
    return end


def test_a_clauses_narrative_cut_found_at_its_commas() -> None:
    # (sixth round) Only the commas are looked at, the words before each counted from the
    # marks: the same cut as a test per token, with commas of both scripts, other marks,
    # underscores and digits, resuming words and others, from every first token to every end.
    pieces = [
        "قال",
        "إن",
        "الوزير",
        "،",
        ",",
        ".",
        "«",
        "وكان",
        "وفي",
        "ومن",
        "x_y",
        "_",
        "12",
        " ",
    ]
    chance = random.Random(52)
    for _ in range(400):
        text = " ".join(chance.choice(pieces) for _ in range(chance.randint(1, 24)))
        art = _Article.build(text)
        folded = art.norm.text
        for first in range(len(art.words) + 1):
            for end in range(0, len(folded) + 1, 3):
                expected = _narrative_cut_by_tokens(art, first, end)
                assert claims_module._narrative_cut(art, first, end) == expected, (text, first, end)


def test_the_claims_verbs_and_attributions_found_in_c() -> None:
    # (sixth round) The reporting verbs and the attributions (بحسب، وفقا ل) picked from the
    # article's tokens in C: each claim as a test per token found it, at the text's start,
    # after a line break and at its end.
    text = (
        "أكد الوزير أن الاتفاق قريب. وبحسب مصادر دبلوماسية، فإن الوفد سيصل غدا إلى دمشق.\n"
        "ووفقا لمصادر مطلعة، تم الاتفاق على الهدنة.\n"
        "وقال المتحدث إن المحادثات انتهت. أكد الوزير أن الاتفاق قريب"
    )
    claims = [(s.text, s.claimant) for s in suggest(text, None) if s.kind == "claim"]
    assert claims == [
        ("الاتفاق قريب", "الوزير"),
        ("الوفد سيصل غدا إلى دمشق", "مصادر دبلوماسية"),
        ("تم الاتفاق على الهدنة", "لمصادر مطلعة"),
        ("المحادثات انتهت", "المتحدث"),
        ("الاتفاق قريب", "الوزير"),
    ]


def _read_as_it_was(extractor: FeatureExtractor, text: str) -> features_module._Read:
    """FeatureExtractor._read as it was (the tokens made, then their texts gone over again
    and each word looked up again): the way a text the tokens were remembered for still
    goes, forced here."""
    tokens, cuts = features_module._tokens_of(text, features_module.MAX_SENTENCE, extractor._words)
    features_module._remembered = (text, features_module.MAX_SENTENCE, tuple(tokens), tuple(cuts))
    extractor._last[0] = None
    return extractor._read(text)


def _as_read(read: features_module._Read) -> tuple[object, ...]:
    return (
        read.tokens,
        read.cuts,
        [(w.word, w.own, w.stem, w.classes, w.before1, w.after2, w.document) for w in read.flat],
        read.seen,
        list(read.counts.items()),
    )


_READ_PIECES = [
    "مُحَمَّد",
    "ﻻ",
    "ـ",
    "Kerry",
    "وبالقاهرة",
    "1",
    "،",
    "كيري",
    "قال",
    ".",
    "\n",
    "الرئيس",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_READ_PIECES), max_size=30),
    st.lists(st.sampled_from(_READ_PIECES), max_size=60),
    st.sampled_from([" ", "", "  "]),
)
def test_a_new_texts_written_words_made_from_its_split(
    before: list[str], pieces: list[str], gap: str
) -> None:
    # (seventh round) A new text's written words come from the split itself — each token's
    # text, the words the extractor knew and the new ones, folded once —: the same tokens,
    # the same words in the same order and the same findings as the tokens' texts gone over
    # again, with words known before it, and none.
    text = gap.join(pieces)
    saved = features_module._remembered
    try:
        made, old = FeatureExtractor(), FeatureExtractor()
        for extractor in (made, old):
            extractor._read(" ".join(before))
        features_module._remembered = None
        made._last[0] = None
        new = made._read(text)
        assert _as_read(new) == _as_read(_read_as_it_was(old, text)), text
        assert list(made._words) == list(old._words)
        # The plan's numbering of the written words, taken from the split: as numbered by
        # their first token.
        number = {word: n for n, word in enumerate(dict.fromkeys(new.flat))}
        if new.flat:
            written, word_of = new.numbered[0]
            assert written == list(number) and all(map(operator.is_, written, number))
            assert word_of == [number[word] for word in new.flat]
    finally:
        features_module._remembered = saved


def _plan_tails_by_sentence(
    flat: list[object],
    cuts: list[int],
    follows: dict[object, dict[str, tuple[str, ...]]],
    first: tuple[str, ...],
    second: tuple[str, ...],
    last: tuple[str, ...],
) -> dict[int, tuple[str, ...]]:
    """FeatureExtractor._plan's tails as they were made: each sentence's special positions
    (first, second, last, the tokens after a word that begins a pair) in a set, sorted."""
    nothing: tuple[str, ...] = ()
    tails: dict[int, tuple[str, ...]] = {}
    paired = [j + 1 for j in compress(range(len(flat)), map(follows.__contains__, flat))]
    p = 0
    for k, end in pairwise(cuts):
        n = end - k
        words_here = flat[k:end]
        special = {0, n - 1}
        if n > 1:
            special.add(1)
        while p < len(paired) and paired[p] < end:
            special.add(paired[p] - k)
            p += 1
        for i in sorted(special):
            if i == 0:
                tail = first
            else:
                tail = nothing
                after = follows.get(words_here[i - 1])
                if after is not None and (bigram := after.get(words_here[i].word)) is not None:  # type: ignore[attr-defined]
                    tail = bigram
                if i == 1:
                    tail += second
            if i == n - 1:
                tail += last
            if tail:
                tails[k + i] = tail
    return tails


class _W:
    """A written word as the tails read it (by identity, with its text)."""

    def __init__(self, word: str) -> None:
        self.word = word


_TAIL_WORDS = [_W(w) for w in "abcde"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 4), min_size=1, max_size=40),
    st.lists(st.integers(1, 40), max_size=12),
    st.sets(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=12),
    st.sampled_from([(("first",), ("second",), ("last",)), ((), ("second",), ()), ((), (), ())]),
)
def test_a_plans_tails_taken_from_the_whole_articles_pairs(
    words: list[int],
    breaks: list[int],
    pairs: set[tuple[int, int]],
    marks: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
) -> None:
    # (seventh round) The tails a text alone gives — first, second, last, the word pairs the
    # model knows, none across a sentence's end — as each sentence's special positions sorted
    # gave them, and in the same order: sentences of one and two tokens, pairs at a
    # sentence's first and last token, marks the model does not know (empty).
    flat = [_TAIL_WORDS[w] for w in words]
    cuts = sorted({0, len(flat), *(b for b in breaks if b < len(flat))})
    follows: dict[object, dict[str, tuple[str, ...]]] = {}
    for a, b in pairs:
        follows.setdefault(_TAIL_WORDS[a], {})[_TAIL_WORDS[b].word] = (f"bi:{a}|{b}",)
    expected = _plan_tails_by_sentence(flat, cuts, follows, *marks)
    found = features_module._plan_tails(flat, cuts, follows, *marks)  # type: ignore[arg-type]
    assert list(found.items()) == list(expected.items())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=40))
def test_overlapping_suggestions_kept_by_the_characters_they_cover(
    spans: list[tuple[int, int]],
) -> None:
    # (seventh round) Of suggestions in their order of rank, each that overlaps none kept
    # before it: found by the characters the kept ones cover as by their neighbours' starts
    # in a sorted list, spans that touch, nest and repeat.
    ordered = [
        Suggestion("entity", "person", s, s + n, "ن" * n, "model", source="model", score=0.5)
        for s, n in spans
    ]
    assert pipeline_module._disjoint(ordered) == pipeline_module._disjoint_by_bisection(ordered)


def _memberships_as_they_were(
    extractor: FeatureExtractor, text: str, tokens: list[features_module.Token]
) -> dict[int, list[str]]:
    """FeatureExtractor._memberships as it was: a string made for every token of a span."""
    found: dict[int, list[str]] = {}
    starts = [t.start for t in tokens]
    for name, source in extractor.sources.items():
        for start, end, kind in source(text):
            first = bisect_left(starts, start)
            if first > 0 and tokens[first - 1].end > start:
                first -= 1
            prefix = "B"
            i = first
            while i < len(tokens) and tokens[i].start < end:
                found.setdefault(i, []).append(f"{name}:{prefix}-{kind}")
                prefix = "I"
                i += 1
    return found


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["كيري", "وبيروت", "،", "قال", "U.S", "\n", "."]), max_size=30),
    st.lists(
        st.tuples(
            st.sampled_from(["gz", "rg"]),
            st.integers(-2, 120),
            st.integers(0, 30),
            st.sampled_from(["LOC", "PERS-weak"]),
        ),
        max_size=15,
    ),
)
def test_a_sources_spans_made_into_each_tokens_features(
    words: list[str], spans: list[tuple[str, int, int, str]]
) -> None:
    # (seventh round) Each kind's two membership features made once per source: the same
    # features for every token as a string made per token, for spans that begin inside a
    # word, between words, past the text's end, and empty ones.
    text = " ".join(words)
    tokens = [t for sentence in tokenize(text) for t in sentence]
    sources = {
        name: (
            lambda _text, name=name: [
                (max(0, s), max(0, s) + n, k) for x, s, n, k in spans if x == name
            ]
        )
        for name in ("gz", "rg")
    }
    extractor = FeatureExtractor(sources)  # type: ignore[arg-type]
    expected = _memberships_as_they_were(extractor, text, tokens)
    assert extractor._memberships(text, tokens) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["الرئيس", "قال", "السوري", "بشار", "سيغموند", "فرويد", "وزار", "أمس"]),
        max_size=50,
    ),
    st.lists(st.integers(1, 50), max_size=10),
)
def test_what_a_texts_words_say_found_over_the_whole_article(
    words: list[str], breaks: list[int]
) -> None:
    # (seventh round) The document marks the words that tell their neighbours give (after a
    # title, also across a nisba; after a verb; a surname after a given name; before a verb),
    # never across a sentence's end: found over the whole article as sentence by sentence.
    extractor = FeatureExtractor()
    flat = [extractor._word(features_module.Token(0, 0, w, fold(w))) for w in words]
    cuts = sorted({0, len(flat), *(b for b in breaks if b < len(flat))})
    counted = Counter(flat)
    expected = FeatureExtractor._seen_words([flat[a:b] for a, b in pairwise(cuts)], counted)
    assert features_module._seen_in_flat(flat, cuts, counted) == expected


def test_a_layouts_token_columns_are_its_tokens() -> None:
    # (seventh round) Each token's start and folded form, made once per text for the
    # tagger's passes over its names: the tokens' own, for a short text and for a long one
    # (then kept with the text: the same lists again).
    for text in ("قال الرئيس جون كيري. زار بيروت!", "قال الرئيس جون كيري. وزار بيروت!\n" * 800):
        extractor = FeatureExtractor(known={"bias", "first"})
        layout = extractor.layout(text)
        assert layout.tokens
        assert layout.starts == [t.start for t in layout.tokens]
        assert layout.folded == [t.folded for t in layout.tokens]
        again = extractor.layout(text)
        assert again.starts == layout.starts and again.folded == layout.folded
        if len(text) >= features_module._REMEMBER_FROM:
            assert again.starts is layout.starts


def test_a_long_texts_word_rests_made_once_for_both_matchers() -> None:
    # (seventh round) The distinct words of a long text's split and their rests from their
    # second and third letter, made once for the registry's and the gazetteer's matchers
    # (each made its own): the words' own, and kept for the same split.
    words, _, _ = folded_words(fold("قال جون كيري، وبيروت والكويت 12 U.S. " * 3000))
    distinct, (second, third) = matching_module._word_rests(words)
    assert sorted(distinct) == sorted(set(words))
    assert second == [word[1:] for word in distinct]
    assert third == [word[2:] for word in distinct]
    assert matching_module._word_rests(words)[0] is distinct
    assert matching_module._word_rests(list(words))[0] is not distinct  # another split


def _merge_as_it_was(*groups: list[Suggestion]) -> list[Suggestion]:
    """pipeline.merge before the eighth round: its sorts keyed in Python."""
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
    ordered = [item for _, _, item in sorted(ranked, key=lambda r: (r[0], r[1]))]
    if all(item.start < item.end for item in ordered) and (
        not ordered or min(item.start for item in ordered) >= 0
    ):
        taken = pipeline_module._disjoint(ordered)
    else:
        taken = pipeline_module._disjoint_by_bisection(ordered)
    return sorted([*taken, *others], key=lambda s: (s.start, s.end, s.kind))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.tuples(
                st.sampled_from(["entity", "entity", "claim"]),
                st.integers(0, 30),
                st.integers(0, 8),
                st.sampled_from([0.3, 0.5, 0.5, 0.9, 0.0]),
                st.sampled_from(["person", "place"]),
            ),
            max_size=15,
        ),
        max_size=3,
    )
)
def test_merged_suggestions_sorted_in_c_as_they_were_in_python(
    groups: list[list[tuple[str, int, int, float, str]]],
) -> None:
    # (eighth round) The ranked suggestions sorted as tuples, the merged list by an
    # attrgetter: the same list as with keys made in Python — equal scores across groups,
    # a claim and an entity on the same span, empty spans (the bisection's way).
    made = [
        [
            Suggestion(kind, label, s, s + n, "ن" * n, "model", source="model", score=score)  # type: ignore[arg-type]
            for kind, s, n, score, label in group
        ]
        for group in groups
    ]
    assert pipeline_module.merge(*made) == _merge_as_it_was(*made)


_SENTENCE_END_AS_IT_WAS = re.compile(r"[.!?؟]+(?=[\s" + tokens_module._QUOTE_CHARS + r"]|$)|\n")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet='نب .!?؟\n\t«»“”"„‟،', max_size=30))
def test_sentence_ends_found_from_a_class_as_by_the_whole_pattern(text: str) -> None:
    # (eighth round) The sentence ends' pattern begins with one class, so the engine scans
    # for it: the same matches as the pattern tried at every character — runs of marks,
    # marks before a quotation mark, a line break, a tab, the end, a mark before a letter.
    found = [m.span() for m in tokens_module._SENTENCE_END_RE.finditer(text)]
    assert found == [m.span() for m in _SENTENCE_END_AS_IT_WAS.finditer(text)]
    assert tokens_module._sentence_ends(text, []) == [
        m.end() for m in _SENTENCE_END_AS_IT_WAS.finditer(text)
    ]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="كتب \u064e\u0651\u0640\u200c\u200fا\n", max_size=30))
def test_removed_runs_found_from_a_class_as_by_a_run(text: str) -> None:
    # (eighth round) The normalisation's deleted runs (harakat, tatweel, controls) looked for
    # as one of the class and the rest of the run: the same runs as ``class+``, and so the
    # same map back to the raw text.
    as_it_was = re.compile(arabic._REMOVED_CLASS + "+")
    found = [m.span() for m in arabic._REMOVED_RE.finditer(text)]
    assert found == [m.span() for m in as_it_was.finditer(text)]


_TOKEN_AS_IT_WAS = re.compile(
    r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d]+|[^\w\s]"
)
_CLASS_TEXT = st.text(
    alphabet="كتب اىءيؤ\u064e\u0651\u0640\u200c\u200d\u200f1٢۳aZz_ .،!«»\n\t\u00a0\u2003-%\u0670",
    max_size=40,
)


@settings(max_examples=500, deadline=None)
@given(_CLASS_TEXT)
def test_classes_with_their_commonest_characters_first_match_the_same(text: str) -> None:
    # (eighth round) The tokens' and the marks' classes name the space, the Arabic letters,
    # the digits and the Latin letters before \w and \s, which hold them: the same sets, so
    # the same tokens, splits and marks — letters at both ends of the ranges, other
    # letters, marks, joiners, digits of three scripts, other white space.
    assert [m.span() for m in features_module._TOKEN_RE.finditer(text)] == [
        m.span() for m in _TOKEN_AS_IT_WAS.finditer(text)
    ]
    assert features_module._SPLIT_RE.split(text) == re.split(f"({_TOKEN_AS_IT_WAS.pattern})", text)
    assert matching_module._FOLDED_SPLIT_RE.split(text) == re.split(r"(\w+|[^\w\s])", text)
    assert [m.start() for m in tokens_module._MARK_RE.finditer(text)] == [
        m.start() for m in re.finditer(r"[^\w\s]", text)
    ]
