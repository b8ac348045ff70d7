"""An article's date read from its dateline (a text file has no date of its own: its claims
fell under the timeline's "undated" and the library showed the day of the import)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.datelines import dateline_date
from desktop.io.importers.text import read_text_file


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عمّان – ٣ كانون الأول ٢٠٢٦\nقال الوزير", "2026-12-03"),
        ("زيارة الوزير\nالقاهرة، الثلاثاء 2 ديسمبر/كانون الأول 2026 (رويترز) - قال", "2026-12-02"),
        ("(رويترز) - 12 أيار 2025 قال مسؤول", "2025-05-12"),
        ("عمان - 3 كانون الاول 2026", "2026-12-03"),
        ("الرباط – 4 دجنبر 2025", "2025-12-04"),
        ("الجزائر - 1 جويلية 2024", "2024-07-01"),
        ("بغداد، 9 نيسان (أبريل) 2003 -", "2003-04-09"),
        ("Beirut, 3 December 2026 - The minister", "2026-12-03"),
        ("December 3, 2026\nThe minister", "2026-12-03"),
        ("2026-12-03\nنص", "2026-12-03"),
    ],
)
def test_datelines_in_the_usual_forms(text: str, expected: str) -> None:
    assert dateline_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ذكرى 5 حزيران 1967: كيف تغيّرت المنطقة",  # a headline about a date
        "بيروت - 31 شباط 2026",  # no such day
        "عنوان\n\nفقرة أولى\nفقرة ثانية\nفقرة ثالثة\nفقرة رابعة، في 3 مارس 2020",  # too far in
        "قال الوزير في 3 مارس 2020 إن",  # inside a sentence
        "بيروت - 3 كانون الأول 12026",
        "",
    ],
)
def test_what_is_no_dateline_dates_nothing(text: str) -> None:
    assert dateline_date(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "ذكرى النكسة: 5 حزيران 1967\nقبل تسعة وخمسين عاماً",  # a colon: a headline
        "Six-Day War: 5 June 1967\nFifty-nine years ago",
    ],
)
def test_headlines_about_a_date_date_nothing(text: str) -> None:
    assert dateline_date(text) is None


def test_the_headline_line_is_no_dateline_and_a_bad_date_is_passed_over() -> None:
    # An attack's findings: a first line that is the title dated the article to 1973; an
    # impossible date on one line hid the dateline on the next.
    text = "حرب أكتوبر - 6 أكتوبر 1973\nالقاهرة - 6 تشرين الأول 2026\nنص"
    assert dateline_date(text, title="حرب أكتوبر - 6 أكتوبر 1973") == "2026-10-06"
    assert dateline_date("بيروت - 31 شباط 2026\nبيروت - 3 آذار 2026") == "2026-03-03"
    assert dateline_date("دمشق - 2 كانون أول 2025") == "2025-12-02"
    assert dateline_date("دمشق - 2 كانون الأوّل 2025") == "2025-12-02"
    assert dateline_date("دمشق - 2\u00a0كانون\u00a0الأول 2025") == "2025-12-02"


def test_a_text_file_takes_its_datelines_date(tmp_path: Path) -> None:
    path = tmp_path / "visit.txt"
    path.write_text(
        "الصفدي في بيروت\nبيروت – ٣ كانون الأول ٢٠٢٦\nوصل وزير الخارجية الأردني.\n",
        encoding="utf-8",
    )
    assert read_text_file(path).published == "2026-12-03"
    path.write_text("الصفدي في بيروت\nوصل وزير الخارجية الأردني.\n", encoding="utf-8")
    assert read_text_file(path).published is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A trial: a place followed directly by the date, no comma or dash between them.
        ("عمّان ٣ نيسان ٢٠٢٤ — قال الوزير", "2024-04-03"),
        ("عمان 3 نيسان 2024 (بترا) - قال الوزير", "2024-04-03"),
        ("زيارة\nالقاهرة الثلاثاء 2 ديسمبر/كانون الأول 2026 (رويترز) - قال", "2026-12-02"),
        ("Beirut 3 December 2026 - The minister", "2026-12-03"),
        ("عمّان، ٣ نيسان ٢٠٢٤ —", "2024-04-03"),  # with the comma, as before
    ],
)
def test_a_place_right_before_the_date(text: str, expected: str) -> None:
    assert dateline_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "القاهرة 3 آلاف متظاهر خرجوا إلى الشوارع في 5 أيار 2024 - قال",  # 3 thousand
        "بيروت 2024 عام صعب - تقرير",  # a year alone
        "قال الوزير في 3 مارس 2020 إن الحكومة",  # a sentence, not a dateline
        "أعلن الرئيس في 3 مارس 2020، أن الحكومة",  # nor does a comma end one here
        "ذكرى 5 حزيران 1967: كيف تغيّرت المنطقة",
        "مدينة نصر الجديدة القاهرة 3 مارس 2024 -",  # four words: no place
        "بيروت 31 شباط 2026 -",  # no such day
        "عمان 3 نيسان (بترا) - قال",  # no year: it would be a guess
    ],
)
def test_a_place_and_a_date_further_on_is_no_dateline(text: str) -> None:
    assert dateline_date(text) is None


def test_a_dateline_without_its_year_is_noted_not_guessed(tmp_path: Path) -> None:
    # A trial: agency datelines give no year («عمان 3 نيسان (بترا) -»); the article stays
    # undated (the import's year would misdate an old one) and a note says why.
    from desktop.core.datelines import undated_dateline

    assert undated_dateline("خبر\nعمان 3 نيسان (بترا) - قال", title="خبر") == "3 نيسان"
    assert undated_dateline("عمّان، ٣ نيسان — قال") == "3 نيسان"
    assert undated_dateline("قال الوزير في 3 نيسان إن") is None  # no dateline
    assert undated_dateline("عمان 3 نيسان 2024 (بترا) -") is None  # dated: nothing to note
    path = tmp_path / "petra.txt"
    path.write_text("الصفدي يلتقي نظيره\nعمان 3 نيسان (بترا) - التقى الوزير.\n", "utf-8")
    draft = read_text_file(path)
    assert draft.published is None
    assert 'The dateline "3 نيسان" gives no year' in draft.import_notes
    path.write_text("الصفدي يلتقي نظيره\nعمان 3 نيسان 2024 (بترا) - التقى.\n", "utf-8")
    draft = read_text_file(path)
    assert (draft.published, draft.import_notes) == ("2024-04-03", "")


@pytest.mark.parametrize(
    "text",
    [
        "5 حزيران 1967 يوم لا ينسى في تاريخ المنطقة",  # a date the sentence goes on from
        "نص أول\n5 حزيران 1967 يوم لا ينسى",
        "في ذلك اليوم، 5 حزيران 1967 تغير كل شيء",  # a place never begins with في
        "في ذلك اليوم، 5 حزيران 1967، تغير كل شيء",
        "في 3 نيسان 2024 - قال الوزير",
        "قال الوزير، 5 حزيران 2020، إن الانتخابات قريبة",
        "قال الوزير، 5 حزيران 2030 موعد الانتخابات",  # and a date after tomorrow is none
        "عمان، 3 نيسان 2199 - نص",
        "September 11, 2001 changed everything",
    ],
)
def test_a_sentences_date_is_no_dateline(text: str) -> None:
    """An attack: these were dated 1967-06-05, 2030-06-05, 2199-04-03, 2001-09-11."""
    assert dateline_date(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الخميس 3 آذار 2024", "2024-03-03"),  # a date alone on its line
        ("3 آذار 2024 - أعلنت الوزارة", "2024-03-03"),
        ("الخميس 3 آذار 2024 (رويترز): أعلنت", "2024-03-03"),
    ],
)
def test_a_date_that_opens_its_line_and_ends_there_is_a_dateline(text: str, expected: str) -> None:
    assert dateline_date(text) == expected
