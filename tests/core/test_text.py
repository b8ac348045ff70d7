from __future__ import annotations

import pytest

from desktop.core.errors import ImportRejected
from desktop.core.text import (
    RUN_LIMIT,
    content_hash,
    derive_title,
    make_draft,
    normalise_newlines,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\n\r\nb", "a\n\nb"),
        ("a\u2029b\u2028c", "a\nb\nc"),
        ("no breaks", "no breaks"),
    ],
)
def test_line_endings_become_newlines(raw: str, expected: str) -> None:
    assert normalise_newlines(raw) == expected


def test_short_first_line_is_the_title() -> None:
    assert derive_title("تفعيل القرار 2254\nنص المقال هنا.") == "تفعيل القرار 2254"


def test_long_opening_is_cut_at_a_word_boundary() -> None:
    text = " ".join(["كلمة"] * 60) + "."
    title = derive_title(text)
    assert title.endswith("…")
    assert len(title) <= 91
    assert title[:-1].split() == ["كلمة"] * len(title[:-1].split())


def test_empty_text_uses_the_fallback() -> None:
    assert derive_title("  \n ", "report") == "report"
    assert derive_title("") == "Untitled"


@pytest.mark.parametrize("text", ["\x1b", "\x00 \x00\n", "\x8a\t\x1b"])
def test_text_of_only_control_characters_is_refused(text: str) -> None:
    """Found by tests/fuzz: every importer checks for a blank text before make_draft removes
    the control characters, so a file holding only ESC or C1 controls was stored as an
    article with no text at all."""
    with pytest.raises(ImportRejected, match="nothing but control characters"):
        make_draft(text)


@pytest.mark.parametrize(
    "text",
    [
        "\u064e\u064f\u0650\u0651\u0652" * 40,  # harakat alone
        "\u0640\u0640\u0640 \u0640\u0640\n",  # tatweel
        "\u200f\u200e\u200b\u2066\u2069\ufeff" * 10,  # direction and zero-width marks
    ],
)
def test_text_that_folds_to_no_word_is_refused(text: str) -> None:
    """Such a file was stored as an article of invisible marks, and every other such file
    after it was then skipped as "already in the project" as it: their folded texts, and
    so their content hashes, were the same (empty)."""
    with pytest.raises(ImportRejected, match="holds no words"):
        make_draft(text)


def test_a_word_among_marks_is_enough() -> None:
    assert make_draft("\u064e\u064e ب \u200f").text.strip() == "\u064e\u064e ب \u200f"
    assert make_draft("… ؟ !").text == "… ؟ !"  # punctuation folds to words of its own


def test_content_hash_ignores_harakat_and_line_endings() -> None:
    assert content_hash("قالَ الأسدُ\r\nاليوم") == content_hash("قال الاسد\nاليوم")
    assert content_hash("قال الأسد") != content_hash("قال بوتين")


def test_content_hash_is_stable() -> None:
    # Stored hashes detect duplicates across versions, so the key must never change. The value
    # was computed before content_hash moved to arabic.fold_words.
    text = "  قالَ الرئيسُ\u00a0الأســـد\r\n\tلِلأَسد  Russia-NOW.com \u2003 إلى علي\u200b ى  \n"
    assert content_hash(text) == "0d4857f740e6e04d053cbd695ab3266126e41f35aa03ed72b872282c96b11f03"
    empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"  # sha256 of b""
    assert content_hash("") == content_hash(" \n\u3000 ") == empty


def test_the_hash_of_a_draft_is_that_of_its_words_whatever_the_white_space() -> None:
    """``make_draft``'s hash joins the words without splitting a text of spaces and newlines
    (``_words``): over mixtures of every kind of white space, runs of them, marks and
    letters it is always the digest of the words joined by one space, as ``content_hash``."""
    import hashlib
    import random

    from desktop.core.text import folded_and_hash

    rng = random.Random(15)
    pieces = ["قال", "a", "B", " ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2028", "\u3000"]
    pieces += ["\x1c", "\x85", "\u200c", "\u200f", "،", "\u064e"]
    for _ in range(20_000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 12)))
        folded, digest = folded_and_hash(text)
        assert folded is not None
        words = " ".join(folded.split()).encode()
        assert digest == hashlib.sha256(words).hexdigest() == content_hash(text), repr(text)


def test_draft_detects_direction_and_language() -> None:
    arabic = make_draft("قال وزير الخارجية لموقع Russia-Now.com إن المحادثات مستمرة.")
    assert (arabic.direction, arabic.language) == ("rtl", "ar")
    english = make_draft("The talks in Geneva continued on Friday, officials said.")
    assert (english.direction, english.language) == ("ltr", "en")


def test_draft_keeps_offsets_of_the_normalised_text() -> None:
    draft = make_draft("سطر\r\nثان")
    assert draft.text == "سطر\nثان"
    assert draft.text.index("ثان") == 4


def test_lone_surrogates_are_replaced_and_noted() -> None:
    """Found by tests/fuzz: half of a UTF-16 pair (a PDF glyph code read as a character) made
    content_hash fail with UnicodeEncodeError, and could not have been stored as UTF-8."""
    draft = make_draft("قال \ud800 الوزير \udfff\udc00")
    assert draft.text == "قال \ufffd الوزير \ufffd\ufffd"
    assert draft.import_notes == (
        "3 characters that are not valid Unicode (halves of UTF-16 pairs) were replaced with �."
    )
    assert make_draft("a\ud800b").import_notes.startswith("1 character that is not valid")


def test_the_natural_key_compares_numbers_in_any_digits() -> None:
    from desktop.core.text import natural_key

    names = ["كيان10", "كيان2", "كيان١", "كيان٣", "كيان", "x" + "9" * 5_000, "x01"]
    assert sorted(names, key=natural_key) == [
        "x01",
        "x" + "9" * 5_000,
        "كيان",
        "كيان١",
        "كيان2",
        "كيان٣",
        "كيان10",
    ]


def test_a_text_with_a_run_longer_than_the_reader_can_lay_out_is_refused() -> None:
    """An attack's one word of 200,000 letters froze the reader for 24 s (Qt lays a run out
    again for each line it wraps it onto); one of ten million never finished."""
    from desktop.core.errors import ImportRejected
    from desktop.core.text import RUN_LIMIT, make_draft

    with pytest.raises(ImportRejected, match="without a space or a line break"):
        make_draft("قال " + "ب" * (RUN_LIMIT + 1) + " المتحدث")
    assert make_draft("قال " + "ب" * RUN_LIMIT + " المتحدث").text  # at the limit: taken
    runs = ("ب" * (RUN_LIMIT - 1) + " ") * 30  # many runs just under it: taken, in linear time
    assert make_draft(runs).text


def test_a_long_run_is_refused_before_the_text_is_folded() -> None:
    """Folding came first: forty megabytes of one run took gigabytes before this refusal
    (an attack); a run of invisible marks was refused for holding no words instead."""
    with pytest.raises(ImportRejected, match="characters without a space or a line break"):
        make_draft("\u200f" * (RUN_LIMIT + 1))


@pytest.mark.parametrize(
    "text",
    [
        "عنوان الخبر\n\nنص المقال هنا.\n",
        "عنوان  مع  مسافات\r\n\t\nالنص\u00a0الأول\n\nالثاني",
        "Headline\n" + "كلمة " * 60_000,  # a long text: hashed in pieces
        "عنوان\nأَحْمَد   ـــ  \u200f",
    ],
)
def test_a_files_whole_hash_is_the_hash_of_its_whole_text(text: str) -> None:
    """A text file's headline leaves the body; ``whole_hash`` is the hash an import before
    that stored — of the whole text — made from the body's words without hashing it again
    from its start."""
    title = text.split("\n", 1)[0].strip()
    draft = make_draft(text, title=title, title_line=False)
    assert draft.whole_hash
    assert draft.whole_hash == make_draft(text, title=title).content_hash
    assert draft.content_hash == make_draft(draft.text, title=title).content_hash


@pytest.mark.parametrize("rest", ["ـــــــ", "\u200f\u200f", "َُ ِ"])
def test_a_headline_over_a_body_without_words_is_imported_whole(rest: str) -> None:
    """The headline leaves the body only when words stay: a file whose other lines are
    tatweel, marks or invisible characters was refused as "no words" once its headline left
    (it imported before the headline change) — it is kept whole."""
    text = f"عنوان الخبر\n{rest}"
    draft = make_draft(text, title_line=False)
    assert draft.title == "عنوان الخبر"
    assert draft.text.startswith("عنوان الخبر\n")
    assert not draft.whole_hash
    assert draft.content_hash == make_draft(text).content_hash
