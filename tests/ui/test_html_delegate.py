"""Keyword-in-context cells (the review queue's context, search snippets): the match stays in
sight. Drawn from the cell's left edge, an Arabic line longer than the cell lost its beginning
and often its bold match off the right edge in the English interface (a trial)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument, QTextOption

from desktop.ui.widgets.html_delegate import bold_middle, left_edge


def _document(html: str) -> QTextDocument:
    document = QTextDocument()
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    document.setDefaultTextOption(option)
    document.setHtml(html)
    document.setDocumentMargin(2)
    return document


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    "html",
    [
        "وقال وزير الخارجية البريطاني وليام هيغ في مؤتمر صحفي إن <b>الأمم المتحدة</b> "
        "لن تقف مكتوفة الأيدي أمام ما يجري في سوريا منذ شهور طويلة",
        "The foreign secretary said in London on Monday that <b>the United Nations</b> would "
        "not stand by while the war went on for months and months",
    ],
)
def test_a_long_line_is_drawn_with_its_match_in_the_middle(html: str) -> None:
    document = _document(html)
    left, right = 100.0, 260.0
    assert document.idealWidth() > right - left
    x = left_edge(document, left, right)
    middle = bold_middle(document)
    assert middle is not None
    assert x + middle == pytest.approx((left + right) / 2)
    assert x <= left and x + document.idealWidth() >= right  # no blank at either end


@pytest.mark.usefixtures("qapp")
def test_a_match_near_an_end_keeps_that_end_at_the_edge() -> None:
    rtl = _document("<b>الأمم المتحدة</b> لن تقف مكتوفة الأيدي أمام ما يجري في سوريا منذ شهور")
    left, right = 0.0, 120.0
    # the line's beginning (its right end) at the cell's right edge, the match in it
    x = left_edge(rtl, left, right)
    assert x + rtl.idealWidth() == pytest.approx(right)
    middle = bold_middle(rtl)
    assert middle is not None and left <= x + middle <= right


@pytest.mark.usefixtures("qapp")
def test_a_line_that_fits_begins_where_its_direction_begins() -> None:
    arabic, english = _document("قال <b>كيري</b> ذلك"), _document("said <b>Kerry</b> then")
    assert left_edge(arabic, 0.0, 400.0) == pytest.approx(400.0 - arabic.idealWidth())
    assert left_edge(english, 0.0, 400.0) == 0.0
    assert left_edge(english, 0.0, 400.0, right_aligned=True) == pytest.approx(
        400.0 - english.idealWidth()
    )
