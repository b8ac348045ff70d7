"""Finding a query inside one article the way an Arabic reader expects: harakat, tatweel,
hamza and alef variants, ة/ه and Latin case do not matter, proclitics are looked through, and
matches are reported as spans of the raw text so the reader can select exactly what is on screen.

Two modes:

* **as you type** (default): the query is found anywhere, also inside words, like Ctrl+F in a
  browser, so matches appear while the word is still being typed. ``كيري`` then already finds
  ``وكيري`` and ``لكيري``; the one proclitic form a substring cannot see is ل + ال written لل,
  so ``الاسد`` also looks for ``للاسد`` (and ``وللاسد``, ``فللاسد``).
* **whole words**: exactly the rules of the search panel (:mod:`desktop.core.query`): the word
  with any proclitics و ف ب ك ل, never inside another word, so ``سورية`` skips ``السورية``.

Either way only the stem is highlighted and selected, never the proclitic: the current match is
what an analyst tags from the keyboard, and a person is ``كيري``, not ``وكيري``.
"""

from __future__ import annotations

import itertools
import re

from desktop.core.arabic import ARTICLE, LAM, LAM_CLITICS, Normalised, fold, normalise
from desktop.core.query import Term, term_spans, tokens_of


class ArticleFinder:
    """Folds the article once; each query is then a plain search in the folded text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._norm: Normalised | None = None

    @property
    def norm(self) -> Normalised:
        if self._norm is None:
            self._norm = normalise(self.text)
        return self._norm

    def find_all(
        self, query: str, limit: int = 10_000, *, whole_words: bool = False
    ) -> list[tuple[int, int]]:
        """Raw spans of every match, in text order (see the module docstring for the modes)."""
        found: list[tuple[int, int]] = []
        if whole_words:
            # Each stem looked for as a literal (query.term_spans), not a pattern tried at
            # every character: a 600 kB article's find took 28–43 ms a keystroke, 7–15 now.
            tokens = tuple(tokens_of(fold(query)))
            if not tokens:
                return []
            found = list(itertools.islice(term_spans(self.norm.text, Term(tokens)), limit))
        else:
            patterns = substring_patterns(query)
            if not patterns:
                return []
            folded = self.norm.text
            for pattern in patterns:
                group = "hit" if "hit" in pattern.groupindex else 0
                for match in pattern.finditer(folded):
                    found.append(match.span(group))
                    if len(found) >= limit:
                        break
        found.sort()
        spans: list[tuple[int, int]] = []
        last_end = 0
        for start, end in found[:limit]:
            if start < end and start >= last_end:  # overlapping matches: keep the first
                spans.append(self.norm.to_raw(start, end))
                last_end = end
        return spans


def substring_patterns(query: str) -> list[re.Pattern[str]]:
    """The query anywhere (words separated by any whitespace), plus its لل form."""
    words = fold(query).split()
    if not words:
        return []
    rest = "".join(r"\s+" + re.escape(word) for word in words[1:])
    patterns = [re.compile(re.escape(words[0]) + rest)]
    first = words[0]
    if first.startswith(ARTICLE) and len(first) > len(ARTICLE):
        # ل + الاسد is written للاسد: the ال of the query is not in the text as typed.
        stem = LAM + first[len(ARTICLE) :]
        clitics = "|".join(sorted(LAM_CLITICS, key=len, reverse=True))
        contracted = rf"(?<![^\W_])(?:{clitics})(?P<hit>{re.escape(stem)}{rest})"
        patterns.append(re.compile(contracted))
    return patterns
