"""Finding a query inside one article the way an Arabic reader expects: harakat, tatweel,
hamza and alef variants, ة/ه and Latin case do not matter, and matches are reported as spans of
the raw text so the reader can select exactly what is on screen."""

from __future__ import annotations

import re

from desktop.core.arabic import Normalised, fold, normalise


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

    def find_all(self, query: str, limit: int = 10_000) -> list[tuple[int, int]]:
        needle = " ".join(fold(query).split())
        if not needle:
            return []
        pattern = re.compile(r"\s+".join(re.escape(part) for part in needle.split(" ")))
        spans = []
        for match in pattern.finditer(self.norm.text):
            spans.append(self.norm.to_raw(match.start(), match.end()))
            if len(spans) >= limit:
                break
        return spans
