"""The Claim dock's fields and pickers as the analyst uses them (issue 16's remaining flaws):
the claimant picker's prefilled name is replaced by typing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.store.project import Project

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
