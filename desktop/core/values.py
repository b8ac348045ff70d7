"""What a stored value must look like: one set of rules for the JSON importer and for every edit.

Why one set: a project's JSON export must always import again, and the importer refuses what
docs/json-format.md forbids — but the edits let the same values in (a claim dated
``2016-02-30``, a label coloured ``transparent`` or ``red; evil``, an entity named with ESC or
U+202E), so the archive of a project edited in the window said "cannot be imported (34
problems)". The importer (``io/importers/json_import.py``) and the edit operations
(``desktop/ops``) both ask these functions.

Each check returns None for a good value, else the problem as the end of a sentence ("must be
a real date written YYYY-MM-DD, not \\"2016-02-30\\""): the importer puts the record and field
before it, an edit "The claim's date" (``ui/errors.py`` translates both parts).

Standard library only (``desktop.core``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from desktop.core.controls import BIDI_FORMATTING, json_for_terminal
from desktop.core.errors import HamishError

__all__ = [
    "KEY_LIMIT",
    "NAME_LIMIT",
    "colour_problem",
    "date_problem",
    "entity_problem",
    "is_web_address",
    "key_problem",
    "label_problem",
    "line_problem",
    "name_problem",
    "not_empty_problem",
    "one_line_problem",
    "partial_date_problem",
    "require",
    "shown",
    "string_problem",
]

NAME_LIMIT = 500
"""Code points in a name an analyst gives (an entity, an alias, a label). Why a limit: a label
of 3,000 characters filled the toolbar, the legend and every menu; a name is a reference, and
a passage of 500 characters tagged as an entity is a slip, not a name."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 but tab and newline, DEL, C1
_LINE_BREAK = re.compile("[\n\r\u2028\u2029]")
_BIDI_FORMATTING = re.compile(f"[{BIDI_FORMATTING}]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ASCII digits: int() reads others
_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(value: object) -> str:
    """A value inside a message: as JSON, cut short, with every character that could act on a
    terminal or reorder a line escaped."""
    return json_for_terminal(_short(value) if isinstance(value, str) else value, indent=None)


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def string_problem(value: str) -> str | None:
    """What no stored string may hold: a lone surrogate, a control character."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "contains an invalid character (an unpaired UTF-16 surrogate)"
    control = _CONTROL.search(value)
    if control is not None:
        return (
            f"contains a control character ({_code(control[0])}); only tab and newline are allowed"
        )
    return None


def one_line_problem(value: str) -> str | None:
    if _LINE_BREAK.search(value):
        return "must be one line, without line breaks"
    return None


_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


def is_web_address(value: str) -> bool:
    """An address a briefing may make a link of and a project's export holds: http(s), no
    white space or control character — never ``javascript:``, ``file:``, a ``\\\\server\\share``
    path (it sends the reader's Windows credentials) or ``ms-msdt:``."""
    return _WEB_ADDRESS.fullmatch(value) is not None


KEY_LIMIT = NAME_LIMIT + 20
"""Code points in a label's key: made from its name (at most :data:`NAME_LIMIT`) and, when
that is taken, a number (``rumour-2``). A file's key of 10,000 characters was kept, and
written into every brat and CoNLL export's type column."""


def key_problem(value: str) -> str | None:
    """A label's key: one line without bidi formatting (it is written into every CoNLL and
    brat export's type column), at most :data:`KEY_LIMIT` code points."""
    problem = one_line_problem(value) or _bidi_problem(value)
    if problem is None and len(value) > KEY_LIMIT:
        problem = f"is longer than {KEY_LIMIT} characters ({len(value)})"
    return problem


def line_problem(value: str) -> str | None:
    """A title, a metadata value or a name: one line, without tabs and without the bidi
    embeddings, overrides and isolates that make what is shown read differently from what is
    stored (``gpj.exe`` for ``exe.jpg``)."""
    problem = one_line_problem(value)
    if problem is None and "\t" in value:
        problem = "must be one line, without tabs"
    return problem or _bidi_problem(value)


def not_empty_problem(value: str) -> str | None:
    return "cannot be empty" if not value.strip() else None


def _length_problem(value: str) -> str | None:
    if len(value) > NAME_LIMIT:
        return f"is longer than {NAME_LIMIT} characters ({len(value)})"
    return None


def _bidi_problem(value: str) -> str | None:
    bidi = _BIDI_FORMATTING.search(value)
    if bidi is None:
        return None
    return (
        f"contains a bidi control character ({_code(bidi[0])}), which could reorder what is shown"
    )


def name_problem(value: str) -> str | None:
    """A name an analyst gives (an entity, an alias, a label): a string, one line without
    bidi formatting, at most :data:`NAME_LIMIT` characters. (A tab is white space the edits
    collapse and the format always allowed; emptiness is the caller's rule: "An entity needs
    a name.")"""
    return (
        string_problem(value)
        or one_line_problem(value)
        or _bidi_problem(value)
        or _length_problem(value)
    )


def date_problem(value: str) -> str | None:
    """A real calendar date written ``YYYY-MM-DD``."""
    if _DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return None
    return f"must be a real date written YYYY-MM-DD, not {shown(value)}"


def partial_date_problem(value: str) -> str | None:
    """A real date written ``YYYY-MM-DD``, or a month ``YYYY-MM`` or a year ``YYYY`` (a claim
    dated "in March 2016"); year 0 and month 13 are no dates."""
    match = _PARTIAL_DATE.fullmatch(value)
    if match is not None:
        year, month, day = match.groups()
        try:
            date(int(year), int(month or 1), int(day or 1))
        except ValueError:
            pass
        else:
            return None
    return f"must be a real date written YYYY-MM-DD, YYYY-MM or YYYY, not {shown(value)}"


_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_SEP = r"\s*[/.\-]\s*"
_DAY_FIRST = re.compile(rf"([0-9]{{1,2}}){_SEP}([0-9]{{1,2}}){_SEP}([0-9]{{4}})")
_YEAR_FIRST = re.compile(rf"([0-9]{{4}}){_SEP}([0-9]{{1,2}})(?:{_SEP}([0-9]{{1,2}}))?")
_MONTH_YEAR = re.compile(rf"([0-9]{{1,2}}){_SEP}([0-9]{{4}})")


def typed_date(value: str) -> str:
    """A date as an analyst types it, written as the store keeps it (``YYYY-MM-DD``, or
    ``YYYY-MM`` for a month): Arabic-Indic digits read as digits (٢٠/١٠/٢٠١٥);
    day/month/year with ``/``, ``.`` or ``-`` (20/10/2015 — the order of Arabic and European
    newsrooms); year/month/day with any of them; month/year (10/2015). What is not a real
    date so read is returned as typed (stripped), for the checks to refuse in their words:
    a trial's «20/10/2015» was refused for not being written 2015-10-20."""
    typed = value.strip()
    text = typed.translate(_INDIC_DIGITS)
    match = _DAY_FIRST.fullmatch(text)
    if match is not None:
        day, month, year = match.groups()
        found = f"{year}-{int(month):02d}-{int(day):02d}"
    elif (match := _YEAR_FIRST.fullmatch(text)) is not None:
        year, month, day = match.groups()
        found = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    elif (match := _MONTH_YEAR.fullmatch(text)) is not None:
        month, year = match.groups()
        found = f"{year}-{int(month):02d}"
    else:
        return typed
    return found if partial_date_problem(found) is None else typed


def colour_problem(value: str) -> str | None:
    """``#rrggbb``, opaque: ``transparent`` or ``#00000000`` made every node of a type and its
    legend swatch vanish, and ``red; evil`` went into style sheets."""
    if _COLOUR.fullmatch(value):
        return None
    return f"must be a colour written #rrggbb, not {shown(value)}"


def require(subject: str, problem: str | None) -> None:
    """Raise ``HamishError("{subject} {problem}.")`` when there is a problem: an edit refused
    before anything is written, in words the window shows ("The claim's date must be a real
    date written …")."""
    if problem is not None:
        raise HamishError(f"{subject} {problem}.")


def entity_problem(fields: Mapping[str, str], aliases: Sequence[str] = ()) -> str | None:
    """The first of an entity's edited values the project's JSON export could not hold, as a
    sentence; None when all are good. Names and aliases are judged with their white space
    collapsed, as the store keeps them. (The entity page asks before it closes, the edit
    before it writes.)"""
    checks: list[tuple[str, str | None]] = []
    if "name" in fields:
        checks.append(("The entity's name", name_problem(" ".join(fields["name"].split()))))
    if "description" in fields:
        description = fields["description"]
        problem = string_problem(description) or one_line_problem(description)
        checks.append(("The entity's description", problem))
    if "notes" in fields:
        checks.append(("The entity's notes", string_problem(fields["notes"])))
    checks.extend(("An alias", name_problem(" ".join(alias.split()))) for alias in aliases)
    return next((f"{subject} {problem}." for subject, problem in checks if problem), None)


def label_problem(fields: Mapping[str, str]) -> str | None:
    """The first of a label's values the project's JSON export could not hold, as a sentence.
    Why: a colour ``transparent`` made every node of the type and its legend swatch vanish,
    ``red; evil`` went into style sheets, a name of 3,000 characters filled the toolbar."""
    checks = [
        ("The label's name", name_problem(" ".join(fields[key].split())))
        for key in ("name_en", "name_ar")
        if key in fields
    ]
    if "color" in fields:
        checks.append(("The label's colour", colour_problem(fields["color"])))
    return next((f"{subject} {problem}." for subject, problem in checks if problem), None)


def admiralty_grade(reliability: str | None, credibility: int | None) -> str:
    """A claim's grade as analysts write it, letter then digit, "?" for the missing half
    ("B?"); empty when neither is given. The one spelling for the Claims table, the timeline
    and every export: the table wrote "B–" where the Word briefing wrote "B?" (a trial)."""
    if reliability is None and credibility is None:
        return ""
    return f"{reliability or '?'}{credibility if credibility is not None else '?'}"
