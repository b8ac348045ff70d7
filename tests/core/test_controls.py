"""Control characters and bidi formatting: stripped from titles and metadata on import, removed
from article text (newlines, tabs and bidi marks kept), escaped on a terminal (issue 13, 4)."""

from __future__ import annotations

import json

import pytest

from desktop.core.controls import clean_body, clean_line, for_terminal, json_for_terminal
from desktop.core.errors import ImportRejected
from desktop.core.text import make_draft

HOSTILE = "\x1b]0;pwned\x07\x1b[2J\x1b[31mعاجل"
RLO, LRM, RLM, ALM = "\u202e", "\u200e", "\u200f", "\u061c"
EVERY_CONTROL = "".join(chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)))
BIDI_FORMATTING = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (HOSTILE, "]0;pwned[2J[31mعاجل"),
        ("بيان\nالخارجية\tالروسية", "بيان الخارجية الروسية"),
        (f"photo{RLO}gpj.exe", "photogpj.exe"),
        ("\u2066كيري\u2069 said", "كيري said"),
        (f"الأمم{RLM} المتحدة{LRM} UN{ALM}", f"الأمم{RLM} المتحدة{LRM} UN{ALM}"),  # marks kept
        ("a\x00b\x7fc\x9bd\x85e", "abcd e"),
        ("  plain title  ", "plain title"),
        ("name\udcff.txt", "name\ufffd.txt"),  # an undecodable byte of a file name
        ("Ali\uffff \ufffe\ufdd0x", "Ali x"),  # noncharacters: GraphML failed on them
    ],
)
def test_clean_line(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


def test_clean_line_leaves_no_control_or_override() -> None:
    cleaned = clean_line("x" + EVERY_CONTROL + BIDI_FORMATTING + "y")
    assert cleaned.replace(" ", "") == "xy"


def test_clean_body_keeps_lines_tabs_and_every_bidi_character() -> None:
    text = f"سطر{RLM} أول\tعمود\n\u202bمضمّن\u202c و{RLO}معكوس\u202c\n\u2067عزل\u2069"
    assert clean_body(text) == (text, 0)


def test_clean_body_removes_nul_escape_and_c1() -> None:
    assert clean_body("a\x00b\x1b[2Jc\x9bd\x7fe") == ("ab[2Jcde", 4)
    assert clean_body("page one\fpage two\vnext") == ("page one\npage two\nnext", 0)
    cleaned, removed = clean_body("x" + EVERY_CONTROL + "y")
    assert cleaned == "x\t\n\n\ny" and removed == len(EVERY_CONTROL) - 4


def test_make_draft_cleans_every_field_and_notes_what_it_removed() -> None:
    draft = make_draft(
        "قال\x00 المتحدث\x1b[31m إن الاتفاق صامد.\nسطر ثان.",
        title=HOSTILE,
        source=f"وكالة{RLO}",
        author="سلمى\x07",
        url="https://example.com/\x1b",
        origin="/tmp/a\nb\u202e.txt",
    )
    assert draft.title == "]0;pwned[2J[31mعاجل"
    assert draft.text == "قال المتحدث[31m إن الاتفاق صامد.\nسطر ثان."
    assert (draft.source, draft.author, draft.url) == ("وكالة", "سلمى", "https://example.com/")
    assert draft.origin == "/tmp/a\\x0ab\\u202e.txt"  # the path kept, shown safely
    assert draft.import_notes == (
        "2 control characters (such as NUL or ESC) were removed from the text."
    )


def test_make_draft_title_of_only_controls() -> None:
    assert make_draft("نص", title="\x1b\x07").title == "نص"
    # A text of nothing but control characters is no article at all (found by fuzzing).
    with pytest.raises(ImportRejected):
        make_draft("\x1b", fallback_title="\u202e")


def test_clean_text_has_no_note() -> None:
    draft = make_draft("نص عادي\tمع جدول\nوسطر.", notes=("A note of the importer.",))
    assert draft.import_notes == "A note of the importer."


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (HOSTILE, "\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mعاجل"),
        (f"a{RLO}b\u2066c", "a\\u202eb\\u2066c"),
        ("line\nnext\ttab", "line\\x0anext\ttab"),
        ("\x9b31m\x7f", "\\x9b31m\\x7f"),
        ("name\udcff", "name\\udcff"),
        (f"عربي{RLM}{LRM}", f"عربي{RLM}{LRM}"),
    ],
)
def test_for_terminal(raw: str, shown: str) -> None:
    assert for_terminal(raw) == shown


def test_for_terminal_can_keep_newlines() -> None:
    assert for_terminal("a\nb\x1b", newlines=True) == "a\nb\\x1b"


def test_nothing_active_survives_for_terminal() -> None:
    shown = for_terminal(EVERY_CONTROL + BIDI_FORMATTING)
    assert all(ch == "\t" or (0x20 <= ord(ch) < 0x7F) for ch in shown), shown


def test_json_for_terminal_is_the_same_json_with_nothing_active() -> None:
    value = [{"title": HOSTILE + RLO + "\x9b" + "\x00", "n": 1}]
    text = json_for_terminal(value)
    assert json.loads(text) == value
    assert not any(ch in text for ch in EVERY_CONTROL.replace("\n", "") + BIDI_FORMATTING)
    assert "عاجل" in text  # Arabic stays readable


def test_bidi_formatting_is_removed_and_the_marks_of_arabic_stay() -> None:
    from desktop.core.controls import without_bidi_formatting

    assert without_bidi_formatting("Status: \u202edemrifnoc ton\u202c ok") == (
        "Status: demrifnoc ton ok"
    )
    kept = "مُحَمَّد\u200f و\u200eA\u061c ن\u200cم\u200dا\nسطر"
    assert without_bidi_formatting(kept) == kept
    assert without_bidi_formatting("\u2066a\u2067b\u2068c\u2069\u202a\u202b\u202d") == "abc"


def test_a_shortened_name_ends_at_a_word_and_never_inside_a_cluster() -> None:
    from desktop.core.controls import shortened

    assert shortened("جون كيري") == "جون كيري"
    words = " ".join(["كيري"] * 100)
    assert shortened(words) == " ".join(["كيري"] * 16) + "…"
    one_word = "مُحَمَّد" * 20  # letters and harakat, no space to cut at
    cut = shortened(one_word)
    assert cut.endswith("…") and len(cut) <= 81
    assert one_word.startswith(cut[:-1]) and one_word[len(cut) - 1] == "م"  # a letter next
    family = "a" * 78 + "👨\u200d👩\u200d👧"  # a ZWJ sequence across the limit
    assert shortened(family) == "a" * 78 + "…"
