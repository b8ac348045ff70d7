"""Features of a candidate claim for the claim classifier (:mod:`desktop.learn.claims`).

The claim rule (:mod:`.claims`) finds passages after reporting verbs and the sentences
attributed with ``بحسب X،``; the classifier, trained on what the analyst tagged and decided,
re-ranks them. What it sees of one passage (strings, the form crfsuite takes):

* the reporting verb before the passage (``verb:قال``), its form (finite, participle, noun …),
  the word form itself, how far it is from the passage, or a verb after it (``كما أعلنت``),
  or an attribution (``بحسب``), or none;
* how the passage opens: a quotation (``«…»``), a colon, a complementiser (أن، إن);
* the claimant: none, written in the same sentence or inherited from an earlier one, after a
  title, its folded words, and the kinds the caller knows for it (the registry's entity
  type, the gazetteer's ``LOC-name`` …: ``claimant_kinds``);
* the passage: its folded words and their stems (clitics and article off), its first word,
  length bucket, numbers, negation, hedges (قد، ربما، يعتقد), first-person markers (words
  after the first :data:`_PASSAGE_WORDS` are only counted);
* where it is in the article (the lead sentence, early, middle, late).

Pure text work, standard library only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.arabic import fold
from desktop.core.suggest.features import split_clitics
from desktop.core.suggest.lexicon import _ATTRIBUTION, _COMPLEMENTISERS, _TITLE_FORMS, _VERB_FORMS
from desktop.core.suggest.tokens import _QUOTE_CHARS

__all__ = ["ClaimFeatures"]

_WORD_RE = re.compile(r"\w+|[^\w\s]")
_SENTENCE_END_RE = re.compile(r"[.!?؟\n]")
_VERB_REACH = 12  # tokens before a passage where its reporting verb is looked for
_AFTER_REACH = 6  # tokens after it, for a verb that follows (كما أعلنت موسكو)
_PASSAGE_WORDS = 60  # the first words of a passage that give word features
_CLAIMANT_WORDS = 6


def _folded(*words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words)


_NEGATION = _folded("لا", "لم", "لن", "ليس", "ليست", "ليسوا", "غير", "عدم", "بدون", "دون")
_HEDGES = _folded(
    "قد",
    "ربما",
    "لعل",
    "يعتقد",
    "يعتقدون",
    "يبدو",
    "محتمل",
    "المحتمل",
    "مرجح",
    "المرجح",
    "يرجح",
    "يحتمل",
    "يزعم",
    "زعم",
    "مزاعم",
    "يشتبه",
    "قيل",
    "يقال",
    "أرجح",
)
_FIRST_PERSON = _folded(
    "نحن", "أنا", "إننا", "إنني", "إني", "أننا", "أنني", "لدينا", "علينا", "لنا", "لي", "منا"
)
_DIGITS_RE = re.compile(r"\d")


def _length_bucket(words: int) -> str:
    for top, name in ((5, "1-5"), (10, "6-10"), (20, "11-20"), (40, "21-40")):
        if words <= top:
            return name
    return "41+"


def _distance_bucket(tokens: int) -> str:
    return "0-1" if tokens <= 1 else ("2-4" if tokens <= 4 else "5+")


class ClaimFeatures:
    """The features of candidate claims in one article (folded words cached per article)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: dict[str, str] = {}
        self._stems: dict[str, str] = {}
        self._first_end = -1  # where the first sentence ends, found on first use

    def _fold(self, word: str) -> str:
        found = self._folded.get(word)
        if found is None:
            found = self._folded[word] = fold(word)
        return found

    def _stem(self, folded: str) -> str:
        found = self._stems.get(folded)
        if found is None:
            found = self._stems[folded] = split_clitics(folded)[1]
        return found

    def _words(self, start: int, end: int, most: int) -> list[str]:
        """The first ``most`` words of ``text[start:end]``, folded."""
        found: list[str] = []
        for match in _WORD_RE.finditer(self.text, start, end):
            word = match.group()
            if word[:1].isalnum():
                found.append(self._fold(word))
                if len(found) >= most:
                    break
        return found

    def _tokens(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """``(start, end, written token)`` of ``text[start:end]``."""
        return [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(self.text, start, end)]

    def _sentence_start(self, at: int) -> int:
        """Where the sentence holding offset ``at`` starts (after . ! ? ؟ or a line break)."""
        floor = max(0, at - 2000)
        last = floor
        for match in _SENTENCE_END_RE.finditer(self.text, floor, at):
            last = match.end()
        return last

    def _position(self, start: int) -> str:
        if self._first_end < 0:
            skipped = len(self.text) - len(self.text.lstrip())  # blank lines before the title
            match = _SENTENCE_END_RE.search(self.text, skipped)
            self._first_end = match.end() if match is not None else len(self.text)
        if start < self._first_end:
            return "pos:lead"
        share = start / max(1, len(self.text))
        return "pos:early" if share < 1 / 3 else ("pos:mid" if share < 2 / 3 else "pos:late")

    def features(
        self,
        start: int,
        end: int,
        claimant: tuple[int, int] | None = None,
        claimant_kinds: Iterable[str] = (),
    ) -> tuple[str, ...]:
        """The features of the passage ``[start, end)`` with its claimant's span, if known."""
        text = self.text
        found: list[str] = ["bias", self._position(start)]
        sentence = self._sentence_start(start)
        # --- the reporting verb, and how the passage opens
        before = [t for t in self._tokens(sentence, start) if t[2] not in _QUOTE_CHARS][
            -_VERB_REACH:
        ]
        verb_at = None
        for k in range(len(before) - 1, -1, -1):
            form = _VERB_FORMS.get(self._fold(before[k][2]))
            if form is not None:
                verb_at = k
                lemma, kind = form
                found += [
                    f"verb:{lemma}",
                    f"vkind:{kind}",
                    f"vform:{self._fold(before[k][2])}",
                    f"vdist:{_distance_bucket(len(before) - 1 - k)}",
                ]
                break
        if verb_at is None:
            after = self._tokens(end, min(len(text), end + 80))[:_AFTER_REACH]
            following = [_VERB_FORMS.get(self._fold(t[2])) for t in after]
            verbs = [form for form in following if form is not None]
            if verbs:
                found += [f"verb_after:{verbs[0][0]}", f"vkind:{verbs[0][1]}"]
            elif any(self._fold(t[2]) in _ATTRIBUTION for t in before):
                found.append("attribution")
            else:
                found.append("verb:none")
        opening = text[max(0, start - 3) : start].rstrip()
        if opening and opening[-1] in _QUOTE_CHARS:
            found.append("opens:quote")
        elif opening.endswith(":"):
            found.append("opens:colon")
        elif before and self._fold(before[-1][2]) in _COMPLEMENTISERS:
            found.append(f"opens:{self._fold(before[-1][2])}")
        if any(c in _QUOTE_CHARS for c in text[start:end]):
            found.append("has_quote")
        # --- the claimant
        if claimant is None:
            found.append("ck:none")
        else:
            c_start, c_end = claimant
            inherited = c_end <= sentence or _SENTENCE_END_RE.search(text, c_end, start)
            found.append("ck:inherited" if inherited else "ck:explicit")
            if c_end <= start:
                found.append("ck:before")
            words = self._words(c_start, c_end, _CLAIMANT_WORDS)
            titled = [self._fold(t[2]) for t in self._tokens(max(0, c_start - 40), c_start)][-3:]
            if (words and words[0] in _TITLE_FORMS) or any(w in _TITLE_FORMS for w in titled):
                found.append("ck:title")  # (the title rule's claimant is the name after it)
            found.append(f"cl:{min(len(words), 4)}")
            for word in words:
                found.append(f"cw:{word}")
                stem = self._stem(word)
                if stem != word:
                    found.append(f"cst:{stem}")
            found.extend(f"ck:{kind}" for kind in sorted(set(claimant_kinds)))
        # --- the passage
        words = self._words(start, end, _PASSAGE_WORDS)
        count = len(words) if len(words) < _PASSAGE_WORDS else len(text[start:end].split())
        found.append(f"len:{_length_bucket(count)}")
        if words:
            found.append(f"first:{words[0]}")
        seen: set[str] = set()
        for word in words:
            if word in seen:
                continue
            seen.add(word)
            found.append(f"w:{word}")
            stem = self._stem(word)
            if stem != word:
                found.append(f"st:{stem}")
        every = seen
        if _DIGITS_RE.search(text, start, end):
            found.append("number")
        if every & _NEGATION:
            found.append("negation")
        if every & _HEDGES:
            found.append("hedge")
        if every & _FIRST_PERSON or any(len(w) >= 5 and w.endswith("نا") for w in every):
            found.append("first_person")
        return tuple(found)
