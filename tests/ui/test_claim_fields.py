"""The Claim dock's fields and pickers as the analyst uses them (issue 16's remaining flaws):
the claimant picker's prefilled name is replaced by typing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.store.project import Project

if TYPE_CHECKING:
    from desktop.ui.claims.editor import ClaimEditor

from .conftest import type_text


def test_typing_in_the_claimant_picker_replaces_its_prefilled_name(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from desktop.ui.entities.dialogs import EntityPicker

    project = Project.open(tmp_path / "p.hamish")
    try:
        project.entities.add("جون كيري", "person")
        picker = EntityPicker(project, "جون كيري", None, title="Claimant")
        qtbot.addWidget(picker)
        picker.show()
        qtbot.waitExposed(picker)
        picker.activateWindow()
        picker.query.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        qtbot.waitUntil(picker.query.hasFocus)
        type_text(picker.query, "لافروف")
        assert picker.query.text() == "لافروف"
        # A click places the cursor where it lands, as in any field: no selection then.
        picker.query.clearFocus()
        picker.query.setFocus(Qt.FocusReason.MouseFocusReason)
        assert not picker.query.hasSelectedText()
    finally:
        project.close()


def test_a_claim_dated_by_its_article_shows_that_date_set_apart_and_sorts_as_placed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The Date column was empty for a claim without a date of its own, which the timeline
    places at its article's publication date: it shows that date, in grey italics with a
    tooltip saying whose date it is, and sorts the claims in the timeline's order."""
    from desktop.analysis import timeline as tl
    from desktop.ui.claims.table import ClaimsTable
    from tests.io.briefing_project import build_briefing_project

    build_briefing_project(tmp_path / "b.hamish")
    project = Project.open(tmp_path / "b.hamish")
    try:
        conn = project.database.conn
        ids = [int(row[0]) for row in conn.execute("SELECT id FROM claims ORDER BY id")]
        for claim_id in ids[::2]:  # half the claims lose their own date
            conn.execute("UPDATE claims SET claimed_on = NULL WHERE id = ?", (claim_id,))
        undated = [
            int(row[0]) for row in conn.execute("SELECT id FROM claims WHERE claimed_on IS NULL")
        ]
        table = ClaimsTable()
        qtbot.addWidget(table)
        table.project = project
        table.refresh()
        model = table.proxy
        rows = range(model.rowCount())
        claim_of = {
            row: table.model.row(model.mapToSource(model.index(row, 0)).row()).claim.id
            for row in rows
        }
        published = {
            claim_id: conn.execute(
                "SELECT d.published FROM claims c JOIN annotations a ON a.id = c.annotation_id "
                "JOIN documents d ON d.id = a.document_id WHERE c.id = ?",
                (claim_id,),
            ).fetchone()[0]
            for claim_id in undated
        }
        assert all(published.values())
        for row in rows:
            index = model.index(row, 5)
            claim_id = claim_of[row]
            font = model.data(index, Qt.ItemDataRole.FontRole)
            if claim_id in undated:
                assert model.data(index) == published[claim_id][:10]
                assert font is not None and font.italic()
                assert "Article date" in model.data(index, Qt.ItemDataRole.ToolTipRole)
            else:
                assert model.data(index)
                assert font is None or not font.italic()
        timeline = tl.build(tl.read(project))
        assert [claim_of[row] for row in rows] == list(timeline.claims)
    finally:
        project.close()


def _claim_in_the_dock(
    qtbot: QtBot, tmp_path: Path
) -> tuple[Project, ClaimEditor, list[dict[str, object]]]:
    """The briefing project's first claim in a Claim dock of its own; the edits it asks for
    are recorded (the list), not run."""
    from desktop.ui.claims.editor import ClaimEditor
    from tests.io.briefing_project import build_briefing_project

    build_briefing_project(tmp_path / "b.hamish")
    project = Project.open(tmp_path / "b.hamish")
    claim_id = int(project.database.conn.execute("SELECT min(id) FROM claims").fetchone()[0])
    editor = ClaimEditor()
    qtbot.addWidget(editor)
    edits: list[dict[str, object]] = []
    editor.edit = lambda _id, fields: edits.append(fields)
    editor.project = project
    editor.show_claim(project.claims.get(claim_id), "")
    return project, editor, edits


def _wheel(widget: object, notches: int) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(widget, QWidget)
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_claim_field_scrolls_the_form_and_changes_nothing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A trial scrolled the Claim dock with the wheel: passing over Status turned the claim
    "unverified" into "refuted" and saved it. The wheel scrolls the form; a field the analyst
    clicked or tabbed into still takes it."""
    project, editor, edits = _claim_in_the_dock(qtbot, tmp_path)
    try:
        editor.resize(300, 220)  # shorter than the form: it scrolls
        editor.show()
        qtbot.waitExposed(editor)
        bar = editor.form_scroll.verticalScrollBar()
        assert bar.maximum() > 0
        for box in (editor.stance, editor.status, editor.reliability, editor.credibility):
            before = box.currentIndex()
            _wheel(box, 1)
            _wheel(box, -1)
            _wheel(box, 1)
            assert box.currentIndex() == before
        assert edits == []
        assert bar.value() > 0  # the form scrolled instead
        status = editor.status
        status.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(status.hasFocus)
        before = status.currentIndex()
        _wheel(status, 1)
        assert status.currentIndex() != before
        assert edits and "status" in edits[-1]
    finally:
        project.close()


def test_a_half_graded_claim_reads_the_same_in_the_table_the_timeline_and_the_briefing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A trial saw "B–" in the Claims table and the timeline's tooltip but "B?" in the Word
    briefing for the same claim (reliability B, no credibility)."""
    from PySide6.QtCore import Qt as QtNamespace

    from desktop.analysis import timeline as tl
    from desktop.io.exporters.report import grade
    from desktop.ui.claims.table import ClaimsTable
    from desktop.ui.figures.timeline import claim_tooltip
    from tests.io.briefing_project import build_briefing_project

    build_briefing_project(tmp_path / "b.hamish")
    project = Project.open(tmp_path / "b.hamish")
    try:
        conn = project.database.conn
        claim_id = int(conn.execute("SELECT min(id) FROM claims").fetchone()[0])
        conn.execute(
            "UPDATE claims SET reliability = 'B', credibility = NULL WHERE id = ?", (claim_id,)
        )
        assert grade("B", None) == "B?"
        table = ClaimsTable()
        qtbot.addWidget(table)
        table.project = project
        table.refresh()
        model = table.model
        row = next(r for r in range(model.rowCount()) if model.row(r).claim.id == claim_id)
        shown = model.index(row, 4).data(QtNamespace.ItemDataRole.DisplayRole)
        assert shown == "B?"
        claim = tl.build(tl.read(project)).claims[claim_id]
        assert "B?" in claim_tooltip(claim)
    finally:
        project.close()


def test_a_claims_date_typed_day_first_is_kept_as_the_store_writes_it(
    qtbot: QtBot, tmp_path: Path
) -> None:
    project, editor, edits = _claim_in_the_dock(qtbot, tmp_path)
    try:
        editor.date.setText("٢٠/١٠/٢٠١٥")
        editor.date.editingFinished.emit()
        assert edits[-1] == {"claimed_on": "2015-10-20"}
        assert editor.date.text() == "2015-10-20" and not editor.error.text()
    finally:
        project.close()


def test_a_long_summary_shows_its_beginning(qtbot: QtBot, tmp_path: Path) -> None:
    """A trial's summary longer than the field showed «…وتين أخذ مخاوف»: its end."""
    project, editor, _edits = _claim_in_the_dock(qtbot, tmp_path)
    try:
        claim = project.claims.get(editor.claim.id if editor.claim else 0)
        long = "بوتين أخذ مخاوف واشنطن في الاعتبار " * 4
        editor.show_claim(claim._replace(summary=long), "")
        assert editor.summary.text() == long and editor.summary.cursorPosition() == 0
    finally:
        project.close()


def test_the_claims_quote_is_written_in_the_docks_own_font(qtbot: QtBot, tmp_path: Path) -> None:
    # A trial read the quote as tiny: asked for in italics, Arabic came from another font
    # (Arabic has no italic face here), a third narrower than the dock's.
    from PySide6.QtGui import QFontInfo, QFontMetrics
    from PySide6.QtWidgets import QLabel

    project, editor, _edits = _claim_in_the_dock(qtbot, tmp_path)
    try:
        editor.show()
        qtbot.waitExposed(editor)
        quote = "وأوضح انه التقى الخميس على مدى أكثر من ساعة في جنيف لافروف"
        plain = QLabel(quote, editor.form_widget)
        plain.ensurePolished()
        editor.passage.setText(quote)
        editor.passage.ensurePolished()
        assert not QFontInfo(editor.passage.font()).italic()
        shown = QFontMetrics(editor.passage.font()).horizontalAdvance(quote)
        assert shown >= 0.95 * QFontMetrics(plain.font()).horizontalAdvance(quote)
    finally:
        project.close()
