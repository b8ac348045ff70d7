"""The date of a news article from its dateline: ``عمّان – ٣ كانون الأول ٢٠٢٦``,
``القاهرة، الثلاثاء 2 ديسمبر/كانون الأول 2026``, ``(رويترز) - 12 أيار 2025``, ``Beirut, 3
December 2026``, ``December 3, 2026``.

A text file carries no date of its own: its claims fell under the timeline's "undated" and the
library showed the import's day (a trial). Only a dateline is read — in the first lines of the
text, at a line's start or after a place and a dash or comma (a weekday may come first), or
right after the place when a dash closes the date (``عمّان ٣ نيسان ٢٠٢٤ —``) —, so
a headline about "5 حزيران 1967" dates nothing. The month names are the three Arabic series
(Syriac: كانون الثاني … كانون الأول; from the European names: يناير … ديسمبر; the Maghreb's:
جانفي … ديسمبر), written with or without hamza, and English's; digits Western or Arabic-Indic.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["dateline_date", "undated_dateline", "written_date"]

LINES = 4  # the first non-empty lines a dateline may be on
READ = 600  # characters of the text looked at, at most

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "كانون الثاني|كانون ثاني|يناير|جانفي|January|Jan",
        "شباط|فبراير|فيفري|February|Feb",
        "آذار|مارس|March|Mar",
        "نيسان|أبريل|ابريل|إبريل|أفريل|افريل|April|Apr",
        "أيار|مايو|ماي|May",
        "حزيران|يونيو|يونيه|جوان|June|Jun",
        "تموز|يوليو|يوليه|جويلية|July|Jul",
        "آب|أغسطس|اغسطس|أوت|اوت|August|Aug",
        "أيلول|ايلول|سبتمبر|September|Sept|Sep",
        "تشرين الأول|تشرين الاول|تشرين أول|تشرين اول|أكتوبر|اكتوبر|October|Oct",
        "تشرين الثاني|تشرين ثاني|نوفمبر|November|Nov",
        "كانون الأول|كانون الاول|كانون أول|كانون اول|ديسمبر|دجنبر|December|Dec",
    ),
    start=1,
):
    for _name in _names.split("|"):
        _MONTHS[_name.casefold()] = _number

_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
# "ديسمبر/كانون الأول", "كانون الأول (ديسمبر)": a second name for the same month
_MONTH_PAIR = rf"(?P<month>{_MONTH})\.?(?:\s*[/\\(]\s*(?:{_MONTH})\s*\)?)?"
_WEEKDAY = (
    r"(?:ال)?(?:أحد|احد|اثنين|إثنين|ثلاثاء|أربعاء|اربعاء|خميس|جمعة|سبت)|"
    r"Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
)
# Before the date: a place (or an agency) of at most three words and a dash or a comma
# (not a colon: "ذكرى النكسة: 5 حزيران 1967" is a headline), and a weekday.
_LEAD = (
    rf"^\s*(?:[^\d\s:،,–—-]+(?:\s+[^\d\s:،,–—-]+){{0,2}}\s*[-–—،,]\s*)?"
    rf"(?:(?:{_WEEKDAY})\s*[،,]?\s*)?"
)
_DAY_FIRST = re.compile(
    rf"{_LEAD}(?P<day>\d{{1,2}})\s+{_MONTH_PAIR}\s*[،,]?\s*(?P<year>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    rf"{_LEAD}{_MONTH_PAIR}\s+(?P<day>\d{{1,2}})\s*[،,]\s*(?P<year>\d{{4}})(?!\d)", re.IGNORECASE
)
_ISO = re.compile(rf"{_LEAD}(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?!\d)")
# A place followed directly by the date, with no dash or comma between (``عمّان ٣ نيسان ٢٠٢٤ —``,
# agency style ``عمان 3 نيسان 2024 (بترا) -``): only a whole date, day first, and only when the
# dateline visibly ends after it — a dash, maybe after an agency in brackets. Without that
# ending, "قال الوزير في 3 مارس 2020 إن" (or "…2020، أن": a comma ends no dateline here) is a
# sentence and "ذكرى 5 حزيران 1967: …" a headline; "القاهرة 3 آلاف متظاهر" and "بيروت 2024
# عام صعب" hold no day and month. A dateline without its year (``عمان 3 نيسان (بترا) -``)
# dates nothing: the year would be a guess, and the import's year misdates an old article.
_PLACED = re.compile(
    r"^\s*[^\d\s:،,–—()-]+(?:\s+[^\d\s:،,–—()-]+){0,2}\s+"
    rf"(?:(?:{_WEEKDAY})\s*[،,]?\s*)?"
    rf"(?P<day>\d{{1,2}})\s+{_MONTH_PAIR}\s*[،,]?\s*(?P<year>\d{{4}})(?!\d)"
    r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]",
    re.IGNORECASE,
)
# A dateline that gives a day and a month but no year, closed by a dash (agency style:
# ``عمان 3 نيسان (بترا) -``): not a date, but worth a note to the analyst.
_NO_YEAR = re.compile(
    r"^\s*(?:[^\d\s:،,–—()-]+(?:\s+[^\d\s:،,–—()-]+){0,2}\s*[،,]?\s+)?"
    rf"(?:(?:{_WEEKDAY})\s*[،,]?\s*)?"
    rf"(?P<day>\d{{1,2}})\s+{_MONTH_PAIR}\s*(?:\([^()\n]{{1,40}}\)\s*)?[-–—]",
    re.IGNORECASE,
)
_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹\u00a0\u202f",
    "0123456789" * 2 + "  ",
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640",
)  # digits read in Western form, no-break spaces as spaces, harakat and tatweel left out


_YEAR = re.compile(r"\d{4}")
_DIGIT = re.compile(r"\d")
_DROPPED = re.compile("[" + "".join(chr(k) for k, v in _DIGITS.items() if v is None) + "]")
_SWAPS = {chr(k): chr(v) for k, v in _DIGITS.items() if v is not None}
_SWAPPED = re.compile("[" + "".join(_SWAPS) + "]")


def _western(line: str) -> str:
    """``line.translate(_DIGITS)`` without looking each character up in a dictionary (0.04
    ms of a short article's 0.5 ms in a text reader, issue 15): what it deletes is deleted
    by a pattern, and the few characters it replaces, one by one. The same text: the table
    maps each character on its own, and nothing it writes is in it."""
    line = _DROPPED.sub("", line)
    for found in set(_SWAPPED.findall(line)):
        line = line.replace(found, _SWAPS[found])
    return line


def _real(year: str, month: int, day: str) -> str | None:
    try:
        found = date(int(year), month, int(day))
    except ValueError:
        return None
    return found.isoformat() if 1900 <= found.year <= 2200 else None


# What may follow a dateline's date: the line's end, a dash, a colon or a comma, maybe after
# an agency in brackets. A date the sentence goes on from is a sentence's (an attack: «5
# حزيران 1967 يوم لا ينسى», «في ذلك اليوم، 5 حزيران 1967 تغير كل شيء» were dated 1967).
_DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-–—:،,]|$)")
# Words a place never begins with: a preposition, a demonstrative, a verb of saying.
_NOT_PLACES = frozenset((
    "في", "من", "على", "إلى", "الى", "عن", "منذ", "قبل", "بعد", "حتى", "ذلك", "هذا", "هذه",
    "تلك", "يوم", "قال", "قالت", "أكد", "وقال", "وفي", "ومنذ",
))  # fmt: skip
_FUTURE_DAYS = 1  # a day's grace: the dateline's time zone may be ahead of the machine's


def _dateline(
    line: str, match: re.Match[str], found: str | None, start: str, *, ended: bool = False
) -> str | None:
    """``found`` when ``match`` is a dateline's: a date that opens its line ends it (the
    date's first group is ``start``; after a place and a dash the text may follow at once),
    its place begins with no preposition or verb, and it is no later than tomorrow (2030's
    election date in a quote, «قال الوزير، 5 حزيران 2030 موعد الانتخابات», is not the
    article's)."""
    if found is None:
        return None
    led = ended or any(mark in line[: match.start(start)] for mark in "-–—،,")
    if not led and not _DATELINE_END.match(line, match.end()):
        return None
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    if first in _NOT_PLACES:
        return None
    return None if _too_late(found) else found


def _too_late(found: str) -> bool:
    return date.fromisoformat(found) > date.today() + timedelta(days=_FUTURE_DAYS)


_last_lines: tuple[str, tuple[str, ...], tuple[str, ...]] = ("", (), ())


def _lines_of(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The first non-blank lines of ``text`` as written and with Western digits (harakat
    and tatweel left out). Kept for the last text: an article is read for its title after
    a dateline, its dateline and its year-less dateline (a batch's text files: a reader
    split and translated them thrice, 20 % of its time a file)."""
    global _last_lines
    head = text[:READ]
    if _last_lines[0] == head:
        return _last_lines[1], _last_lines[2]
    written = tuple(line for line in head.split("\n") if line.strip())[: LINES + 1]
    found = (head, written, tuple(map(_western, written)))
    _last_lines = found
    return found[1], found[2]


def _first_lines(text: str, title: str) -> tuple[str, ...]:
    """The first :data:`LINES` lines of ``text`` that are not blank, the headline (a first
    line that is ``title``) left out, digits in Western form."""
    written, lines = _lines_of(text)
    if written and title and written[0].strip() == title.strip():
        return lines[1 : LINES + 1]
    return lines[:LINES]


def _dateline_match(line: str) -> tuple[str, int] | None:
    """The date of a dateline that opens ``line`` (digits in Western form) and where the
    dateline ends — after its dash, or after its date when the text follows at once; None
    when the line opens with no dateline."""
    if _YEAR.search(line) is None:  # each pattern holds a year: most lines are passed at once
        return None
    for pattern, start in ((_DAY_FIRST, "day"), (_MONTH_FIRST, "month"), (_PLACED, "day")):
        match = pattern.match(line)
        if match is not None:
            found = _real(match["year"], _MONTHS[match["month"].casefold()], match["day"])
            # _PLACED's pattern holds the dash that ends it
            found = _dateline(line, match, found, start, ended=pattern is _PLACED)
            break
    else:
        match = _ISO.match(line)
        if match is None:
            return None
        found = _real(match["year"], int(match["month"]), match["day"])
        found = _dateline(line, match, found, "year")
    if found is None:
        return None
    tail = _DATELINE_END.match(line, match.end())
    return found, tail.end() if tail is not None else match.end()


def dateline_date(text: str, *, title: str = "") -> str | None:
    """``YYYY-MM-DD`` of the dateline in the first lines of ``text``, or None. A first line
    that is the article's ``title`` is its headline, not its dateline (``حرب أكتوبر - 6
    أكتوبر 1973``)."""
    for line in _first_lines(text, title):
        found = _dateline_match(line)
        if found is not None:
            return found[0]
    return None


_DATELINE_LONGEST = 160  # characters before a dateline's year, at most (place, weekday, month)


def after_dateline(text: str) -> int:
    """Where the words after a dateline that opens ``text`` begin (0 when it opens with
    none): a text file whose first paragraph starts «الرباط 12 آذار 2024 (أ ف ب) — أعلنت …»
    was titled by its dateline (a trial: every agency story in the library began «الرباط 12
    آذار…»)."""
    written, lines = _lines_of(text)
    if not written or not _YEAR.search(lines[0], 0, _DATELINE_LONGEST):
        return 0  # no year near the start: no dateline (most texts; the patterns cost more)
    found = _dateline_match(lines[0])
    if found is None:
        return 0
    end, line = found[1], written[0]
    lead = text.find(line)  # the first line with a word: no blank line before holds it
    # Original positions of the translated line's characters (harakat and tatweel go).
    positions = [i for i, ch in enumerate(line) for _ in range(len(ch.translate(_DIGITS)))]
    at = positions[end] if end < len(positions) else len(line)
    rest = line[at:]
    return lead + at + len(rest) - len(rest.lstrip())


def undated_dateline(text: str, *, title: str = "") -> str | None:
    """The day and month of a dateline without a year in the first lines of ``text``
    (``3 نيسان`` of ``عمان 3 نيسان (بترا) -``), for a note that says why the article has no
    date: the year would be a guess, and the import's year misdates an old article."""
    for line in _first_lines(text, title):
        if _DIGIT.search(line) is None:  # the pattern holds a day
            continue
        match = _NO_YEAR.match(line)
        if match is not None and 1 <= int(match["day"]) <= 31:
            return f"{match['day']} {match['month']}"
    return None


_NUMERIC = re.compile(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d/.-])")


def written_date(value: str) -> str | None:
    """``YYYY-MM-DD`` of a date a file states in a field of its own (a Markdown header's
    ``date:``), or None when it is no real date from 1900 to 2200: ISO with or without a
    time (``2024-05-20T10:00:00Z``), ``2024/05/20``, or a day and a month's name as a
    dateline writes them (``20 أيار 2024``, ``May 20, 2024``). ``05/06/2024`` is not read:
    which is the month is a guess."""
    value = value.translate(_DIGITS)
    match = _NUMERIC.match(value)
    if match is not None:
        return _real(match[1], int(match[2]), match[3])
    return dateline_date(value)
