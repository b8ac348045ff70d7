"""Dates as analysts type them (a trial's «20/10/2015» was refused for not being 2015-10-20)."""

from __future__ import annotations

import pytest

from desktop.core.values import typed_date
from desktop.ops.articles import validate_metadata


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("20/10/2015", "2015-10-20"),
        ("٢٠/١٠/٢٠١٥", "2015-10-20"),  # Arabic-Indic digits
        ("۲۰-۱۰-۲۰۱۵", "2015-10-20"),  # Persian (Eastern Arabic-Indic) digits
        ("20.10.2015", "2015-10-20"),
        ("1/2/2015", "2015-02-01"),  # day first, as Arabic newsrooms write it
        ("2015/10/20", "2015-10-20"),
        ("٢٠١٥-١٠-٢٠", "2015-10-20"),
        ("10/2015", "2015-10"),
        (" 2015-10-20 ", "2015-10-20"),
        ("2015", "2015"),
    ],
)
def test_typed_dates_are_written_as_the_store_keeps_them(typed: str, stored: str) -> None:
    assert typed_date(typed) == stored


@pytest.mark.parametrize("typed", ["10/20/2015", "31/02/2016", "20/10/15", "أمس", ""])
def test_what_is_no_real_date_is_left_as_typed_for_the_checks(typed: str) -> None:
    assert typed_date(typed) == typed.strip()


def test_the_article_details_take_a_date_typed_day_first() -> None:
    values = {"title": "مقال", "published": "٢٠/١٠/٢٠١٥", "language": "ar", "direction": "rtl"}
    clean, problems = validate_metadata(values)
    assert problems == [] and clean["published"] == "2015-10-20"
    clean, problems = validate_metadata({**values, "published": "31/02/2016"})
    assert problems and "YYYY-MM-DD" in problems[0]
