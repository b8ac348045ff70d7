"""What the property tests share: text that mixes everything an Arabic news file can hold
(and an attacker can add), how many examples a slow property gets, a guard against hangs, and
the definition of a valid draft."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from datetime import date

from hypothesis import settings
from hypothesis import strategies as st

from desktop.core.controls import BIDI_FORMATTING, clean_body, clean_line
from desktop.core.errors import HamishError
from desktop.core.records import DocumentDraft
from desktop.core.text import content_hash


def examples(share: float) -> settings:
    """Settings for a property that is slow per example: ``share`` of the profile's number of
    examples (at least 10), so the ``soak`` profile scales it up like every other one."""
    return settings(max_examples=max(10, round(settings.default.max_examples * share)))


# --- characters ----------------------------------------------------------------------------------
ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيٱپچژکگیە"
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0653\u0654\u0655"
ARABIC_OTHER = "ـ،؛؟٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹\u0610\u06d6\u061c"
PRESENTATION = "ﻻﻷﷲﺍﺑﺗﺳﻣﻌﻼﻰﻲﺔﷺﳊﱠﹰ"
LATIN = "abcdeXYZ ßİıﬁĲǅ Ωσς ДЖ é"
COMBINING = "\u0301\u0308\u0327\u0345\u20dd\u1161\u11a8\u0d3e\u0d57"  # incl. Hangul/Indic trailers
SPACES = " \t\n\n\r\u00a0\u2009\u3000\u2028\u2029\x85\x0b\x0c"
CONTROLS = "\x00\x01\x07\x08\x1b\x1f\x7f\x80\x9b\x9f"
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad" + BIDI_FORMATTING
PUNCTUATION = ".,:;!?\"'()[]{}<>«»-–—…/\\*&#%@_=+|~`^$"
OTHER = "😀🇸🇾👍🏽𝐀𝟙中文한국\U0010ffff\ufffd\ufffe"

_ALPHABET = (
    ARABIC_LETTERS
    + HARAKAT
    + ARABIC_OTHER
    + PRESENTATION
    + LATIN
    + COMBINING
    + SPACES
    + CONTROLS
    + INVISIBLE
    + PUNCTUATION
    + OTHER
)


def hostile_text(*, min_size: int = 0, max_size: int = 200) -> st.SearchStrategy[str]:
    """Arabic, Latin, marks, presentation forms, emoji, controls and bidi formatting, mixed;
    and now and then any Unicode text at all."""
    weighted = st.text(st.sampled_from(_ALPHABET), min_size=min_size, max_size=max_size)
    words = st.lists(
        st.sampled_from(
            [
                "قال",
                "وزير",
                "الخارجية",
                "لافروف",
                "وكيري",
                "للأمم",
                "المتحدة",
                "على",
                "إلى",
                "مصطفى",
                "يحيى",
                "بعلى",
                "Russia-Now.com",
                "UN",
                "2024",
                "ﻻ",
                "الـــرئيس",
                "مُحَمَّد",
            ]
        ),
        max_size=max_size // 5 + 1,
    ).map(" ".join)
    return st.one_of(weighted, words, st.text(min_size=min_size, max_size=max_size))


def arabic_text(*, min_size: int = 1, max_size: int = 200) -> st.SearchStrategy[str]:
    """Text of an article as an export may carry it: no control character but tab and newline,
    no other line break, not blank."""
    alphabet = st.sampled_from(
        ARABIC_LETTERS + HARAKAT + ARABIC_OTHER + PRESENTATION + LATIN + " \n\t" + OTHER
    )
    return st.text(alphabet, min_size=min_size, max_size=max_size).filter(
        lambda text: bool(text.strip())
    )


# --- a guard against hangs -----------------------------------------------------------------------
class Hang(AssertionError):
    """An example ran for longer than any input can justify: a hang, not a slow parser."""


@contextlib.contextmanager
def no_hang(seconds: int = 120) -> Iterator[None]:
    """Fail the example if it has not finished after ``seconds`` (a wall-clock alarm, not a
    timed assertion: it only stops an endless loop, far above any normal duration)."""

    def alarm(signum: int, frame: object) -> None:
        raise Hang(f"still running after {seconds} s: a hang")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# --- what an importer must return ----------------------------------------------------------------
def check_draft(draft: DocumentDraft) -> None:
    """A draft is storable as it is: text with ``\\n`` line endings and no control character
    but tab and newline, one-line metadata without controls or bidi formatting, a real date,
    the hash of its own text, nothing SQLite or a terminal would choke on."""
    assert isinstance(draft, DocumentDraft)
    assert isinstance(draft.text, str) and draft.text.strip(), "blank text"
    assert "\r" not in draft.text
    assert clean_body(draft.text) == (draft.text, 0), "control characters in the text"
    assert isinstance(draft.title, str) and draft.title, "no title"
    for name in ("title", "source", "url", "author"):
        value = getattr(draft, name)
        assert isinstance(value, str)
        assert clean_line(value) == value, f"{name} {value!r} holds controls or spaces"
    for value in (draft.text, draft.title, draft.source, draft.author, draft.url, draft.origin):
        value.encode("utf-8")  # no lone surrogate: SQLite and the terminal need UTF-8
    assert draft.content_hash == content_hash(draft.text)
    assert draft.direction in ("rtl", "ltr")
    assert draft.language in ("ar", "en", "und")
    if draft.published is not None:
        assert len(draft.published) == 10
        assert 1900 <= date.fromisoformat(draft.published).year <= 2200
    assert isinstance(draft.import_notes, str)


def check_rejection(error: HamishError) -> None:
    """A refusal says why, in a sentence."""
    message = str(error)
    assert message.strip(), f"{type(error).__name__} without a message"
