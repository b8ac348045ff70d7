"""The Arabic normaliser's offset map, for any text (issue 13).

Search, find in article, mentions and suggestions all match in *folded* text and show the
match on the *raw* text through ``Normalised``'s map. For arbitrary Arabic, Latin, marks,
presentation forms, ligatures, emoji and controls:

- ``normalise(text).text`` is ``fold(text)`` (the two entry points never disagree);
- every folded position maps into the raw text, the map is monotonic and covers it from 0 to
  its end, and ``to_raw``/``to_norm`` stay inside and in order;
- a match found in the folded text (a search term, an alias) maps back to a raw substring
  whose fold is the match;
- the mention matcher's fast map agrees with the full one.
"""

from __future__ import annotations

import itertools

from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.core.arabic import fold, normalise
from desktop.core.matching import AliasMatcher, _raw_map
from desktop.core.query import Term, find_spans, tokens_of
from tests.fuzz.strategies import hostile_text

TEXTS = st.one_of(hostile_text(max_size=120), st.text(max_size=60))


@given(text=TEXTS)
def test_normalise_agrees_with_fold(text: str) -> None:
    assert normalise(text).text == fold(text)


@given(text=TEXTS)
def test_the_map_is_monotonic_and_covers_the_raw_text(text: str) -> None:
    norm = normalise(text)
    offsets = norm.offsets
    assert len(offsets) == len(norm.text) + 1
    assert offsets[-1] == len(text)
    if norm.text:
        assert offsets[0] == 0
    assert all(0 <= a <= b <= len(text) for a, b in itertools.pairwise(offsets))


@given(text=TEXTS, data=st.data())
def test_spans_map_inside_and_in_order(text: str, data: st.DataObject) -> None:
    norm = normalise(text)
    n = len(norm.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    raw_start, raw_end = norm.to_raw(start, end)
    assert 0 <= raw_start <= raw_end <= len(text)
    if start < end:
        assert raw_start < raw_end  # a folded character always owns at least one raw one
    later = norm.to_raw(end, n)
    assert later[0] >= raw_start
    position = data.draw(st.integers(0, len(text)))
    folded_at = norm.to_norm(position)
    assert 0 <= folded_at <= n
    if n:  # (when everything folds away, offsets is (len(raw),) and every position maps to 0)
        assert norm.to_raw(folded_at, folded_at)[0] <= position


def _raw_fold(text: str, span: tuple[int, int]) -> str:
    return fold(text[span[0] : span[1]])


def _check_maps_back(text: str, start: int, end: int) -> None:
    """The folded match ``[start, end)`` maps to raw text whose fold is the match — widened
    only where a boundary falls inside what one raw character folds to (``ﻻ`` → ``لا``,
    ``ﷺ`` → four words), since half a raw character cannot be shown."""
    norm = normalise(text)
    offsets = norm.offsets
    raw = norm.to_raw(start, end)
    first, last = norm.to_norm(raw[0]), norm.to_norm(raw[1])
    assert first <= start and last >= end
    if first < start:  # widened at the start: start is inside an expansion
        assert offsets[start] == offsets[start - 1]
    if last > end:  # widened at the end: end is inside an expansion
        assert offsets[end] == offsets[end - 1]
    assert _raw_fold(text, raw) == norm.text[first:last], (text, start, end, raw)


@given(text=TEXTS, pick=st.integers(0, 10**6), prefix=st.booleans())
def test_a_search_match_maps_to_raw_text_that_folds_to_it(
    text: str, pick: int, prefix: bool
) -> None:
    norm = normalise(text)
    tokens = tokens_of(norm.text)
    assume(tokens)
    token = tokens[pick % len(tokens)]
    for start, end in find_spans(norm.text, [Term((token,), prefix=prefix)]):
        _check_maps_back(text, start, end)


@given(text=TEXTS, pick=st.integers(0, 10**6), width=st.integers(1, 3))
def test_an_alias_match_maps_to_raw_text_that_folds_to_it(text: str, pick: int, width: int) -> None:
    """An alias made of one to three words of the text itself: every mention the matcher
    finds in the folded text maps back like a search match, and the mentions it reports (fast
    map) are those spans (full map)."""
    norm = normalise(text)
    words = norm.text.split()
    assume(words)
    first = pick % len(words)
    matcher = AliasMatcher.from_names([" ".join(words[first : first + width])])
    assume(len(matcher))
    hits = matcher.scan(norm.text)
    mentions = matcher.find(text)
    assert mentions == matcher.find_normalised(norm)
    assert [(m.start, m.end) for m in mentions] == [norm.to_raw(h[1], h[2]) for h in hits]
    for word_start, start, end, key, _ in hits:
        assert 0 <= word_start <= start < end <= len(norm.text)
        assert " ".join(norm.text[start:end].split()) == key
        _check_maps_back(text, start, end)


@given(text=TEXTS, data=st.data())
def test_the_fast_map_agrees_with_the_full_map(text: str, data: st.DataObject) -> None:
    folded = fold(text)
    assume(folded)
    fast = _raw_map(text, folded)
    norm = normalise(text)
    start = data.draw(st.integers(0, len(folded) - 1))
    end = data.draw(st.integers(start + 1, len(folded)))  # a match covers something
    assert fast.to_raw(start, end) == norm.to_raw(start, end)
