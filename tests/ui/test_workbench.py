"""The entity registry and the claim workbench, driven through the window."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.core.errors import HamishError
from desktop.core.records import Claim, NewEntity
from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.ops.claims import edit_claim
from desktop.ops.entities import edit_entity, link_entity, merge_entities
from desktop.store.claims import ClaimStore
from desktop.store.project import Project
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow

from .conftest import RecordingMessenger

MakeWindow = Callable[..., MainWindow]

FIRST = (
    "وقال وزير الخارجية الأميركي جون كيري إن المحادثات مع لافروف كانت بناءة.\n"
    "ونفى الكرملين ما نشرته صحيفة واشنطن بوست عن عرض أميركي.\n"
    "وأكد كيري «أن الحل السياسي ممكن»."
)
SECOND = "التقى الرئيس أوباما بوزير الخارجية وكيري في البيت الأبيض، وقال Kerry إن الاتفاق قريب."


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    path = tmp_path / "work.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(FIRST, title="الأول", published="2016-01-01"))
        project.documents.add(make_draft(SECOND, title="الثاني", published="2016-01-02"))
    return make_window(path)


def label(window: MainWindow, key: str) -> int:
    assert window.session is not None
    return next(item.id for item in window.session.labels if item.key == key)


def tag(window: MainWindow, doc_id: int, text: str, word: str, key: str, nth: int = 0) -> int:
    if window.reader.document_id != doc_id:
        window.open_document(doc_id)
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    window.reader.text.select_cp(start, start + len(word))
    annotation_id = window.tagging.tag_selection(label(window, key))
    assert annotation_id is not None
    return annotation_id


def doc_ids(window: MainWindow) -> tuple[int, int]:
    titles = {s.title: s.id for s in window.project.documents.summaries()}
    return titles["الأول"], titles["الثاني"]


def test_tagging_links_mentions_to_one_entity(window: MainWindow) -> None:
    first, second = doc_ids(window)
    a = tag(window, first, FIRST, "جون كيري", "person")
    entities = window.project.entities
    (kerry,) = entities.summaries()
    assert (kerry.name, kerry.type, kerry.mentions) == ("جون كيري", "person", 1)
    # Teach the registry the short form, then a clitic form links to the same entity.
    assert window.session is not None
    window.session.run(partial(edit_entity, entity_id=kerry.id, aliases=("كيري", "Kerry")))
    b = tag(window, second, SECOND, "وكيري", "person")
    c = tag(window, second, SECOND, "Kerry", "person")
    annotations = window.project.annotations
    assert {annotations.get(i).entity_id for i in (a, b, c)} == {kerry.id}
    # The Annotations panel names the entity of each mention.
    model = window.annotation_model
    column = model.ENTITY
    assert {model.index(r, column).data() for r in range(model.rowCount())} == {"جون كيري"}
    assert entities.count() == 1
    window.entity_actions.panel.refresh()
    model = window.entities.model
    (row,) = model.rows()
    assert (row.mentions, row.documents) == (3, 2)
    # A Location tag creates a location entity; undo removes it again.
    tag(window, second, SECOND, "البيت الأبيض", "location")
    assert entities.count() == 2
    window.session.undo_stack.undo()
    assert entities.count() == 1


def test_lookup_folds_spelling_variants(window: MainWindow) -> None:
    entities = window.project.entities
    obama = entities.add("أوباما", "person", aliases=("Obama", "باراك أوباما"))
    assert [e.id for e in entities.lookup("اوباما")] == [obama]
    assert [e.id for e in entities.lookup("obama")] == [obama]
    assert [e.id for e in entities.lookup("باراك")] == [obama]
    assert entities.lookup("أوباما", type_="location") == []


def test_merge_moves_mentions_and_undo_restores(window: MainWindow) -> None:
    first, second = doc_ids(window)
    a = tag(window, first, FIRST, "جون كيري", "person")
    b = tag(window, second, SECOND, "Kerry", "person")
    entities = window.project.entities
    annotations = window.project.annotations
    keep, remove = annotations.get(a).entity_id, annotations.get(b).entity_id
    assert keep is not None and remove is not None and keep != remove
    assert window.session is not None
    stack = window.session.undo_stack
    window.session.run(partial(merge_entities, keep=keep, remove=remove))
    assert annotations.get(b).entity_id == keep
    assert set(entities.get(keep).aliases) == {"جون كيري", "Kerry"}
    assert not entities.exists(remove)
    window.entity_actions.panel.refresh()
    assert [r.mentions for r in window.entities.model.rows()] == [2]
    stack.undo()
    assert annotations.get(b).entity_id == remove
    assert entities.get(keep).aliases == ("جون كيري",)
    assert entities.get(remove).name == "Kerry"


def test_link_entity_command(window: MainWindow) -> None:
    first, _ = doc_ids(window)
    assert window.session is not None
    annotation = tag(window, first, FIRST, "الكرملين", "organisation")
    created = window.project.annotations.get(annotation).entity_id
    new = NewEntity("الرئاسة الروسية", "organisation")
    window.session.run(partial(link_entity, annotation_id=annotation, entity=new))
    linked = window.project.annotations.get(annotation).entity_id
    assert linked != created
    assert window.project.entities.get(linked).name == "الرئاسة الروسية"  # type: ignore[arg-type]
    window.session.undo_stack.undo()
    assert window.project.annotations.get(annotation).entity_id == created
    assert not window.project.entities.exists(linked)  # type: ignore[arg-type]


def test_claim_editing_table_and_links(window: MainWindow) -> None:
    first, _ = doc_ids(window)
    assert window.session is not None
    stack = window.session.undo_stack
    denial = tag(
        window, first, FIRST, "ونفى الكرملين ما نشرته صحيفة واشنطن بوست عن عرض أميركي", "claim"
    )
    promise = tag(window, first, FIRST, "أن الحل السياسي ممكن", "claim")
    claims = window.project.claims
    denial_claim = claims.for_annotation(denial)
    promise_claim = claims.for_annotation(promise)
    assert denial_claim is not None and promise_claim is not None
    # The editor follows the caret onto a claim.
    window.reader.text.select_cp(FIRST.index("الكرملين"), FIRST.index("الكرملين"))
    assert window.claim_editor.claim is not None
    assert window.claim_editor.claim.id == denial_claim.id
    window.session.run(
        partial(
            edit_claim,
            claim_id=denial_claim.id,
            claimant=NewEntity("الكرملين", "organisation"),
            stance="denies",
            status="contested",
            reliability="B",
            credibility=2,
            claimed_on="2016-01-01",
        )
    )
    edited = claims.get(denial_claim.id)
    assert (edited.stance, edited.status, edited.reliability, edited.credibility) == (
        "denies",
        "contested",
        "B",
        2,
    )
    claimant = edited.claimant_id
    assert claimant is not None and window.project.entities.get(claimant).name == "الكرملين"
    assert window.claim_editor.status.currentData() == "contested"
    assert window.claim_editor.claimant.text() == "الكرملين"
    # The table (shown, as with Ctrl+Shift+C) lists both claims, and filters by status.
    table = window.claims_table
    table.show()
    assert table.model.rowCount() == 2
    # One line a row, cut with "…": wrapped in a narrow dock, a second line was cut off.
    assert not table.view.wordWrap()
    assert table.view.textElideMode() == Qt.TextElideMode.ElideRight
    table.status.setCurrentIndex(table.status.findData("contested"))
    assert table.proxy.rowCount() == 1
    table.status.setCurrentIndex(0)
    # The date filter reads the date shown: a claim's own, else its article's (2016-01-0x).
    table.date_from.setText("2016-01-01")
    table._apply_filter()
    assert table.proxy.rowCount() == 2
    table.date_from.setText("2016-01-03")
    table._apply_filter()
    assert table.proxy.rowCount() == 0
    table.date_from.clear()
    table._apply_filter()
    # Links between claims, undoable.
    window.claim_actions._link_claims(promise_claim.id, denial_claim.id, "contradicts")
    (link,) = claims.links(denial_claim.id)
    assert (link.from_claim, link.to_claim, link.kind) == (
        promise_claim.id,
        denial_claim.id,
        "contradicts",
    )
    stack.undo()
    assert claims.links(denial_claim.id) == []
    stack.undo()  # the claim edit, including the claimant entity it created
    assert claims.get(denial_claim.id).status == "unverified"
    assert not window.project.entities.exists(claimant)


def test_claim_editor_fields_commit_undoably(window: MainWindow) -> None:
    first, _ = doc_ids(window)
    annotation = tag(window, first, FIRST, "أن الحل السياسي ممكن", "claim")
    claim = window.project.claims.for_annotation(annotation)
    assert claim is not None
    editor = window.claim_editor
    window.reader.text.select_cp(FIRST.index("الحل"), FIRST.index("الحل"))
    editor.summary.setText("كيري: الحل السياسي ممكن")
    editor.summary.editingFinished.emit()
    editor.status.setCurrentIndex(editor.status.findData("corroborated"))
    editor.date.setText("2016/02/30")  # no such day (2016/01/05 is taken)
    editor.date.editingFinished.emit()
    assert "YYYY-MM-DD" in editor.error.text()
    editor.date.setText("2016-01-05")
    editor.date.editingFinished.emit()
    stored = window.project.claims.get(claim.id)
    assert (stored.summary, stored.status, stored.claimed_on) == (
        "كيري: الحل السياسي ممكن",
        "corroborated",
        "2016-01-05",
    )
    assert window.session is not None
    for _ in range(3):
        window.session.undo_stack.undo()
    stored = window.project.claims.get(claim.id)
    assert (stored.summary, stored.status, stored.claimed_on) == ("", "unverified", None)


def test_entity_change_on_an_empty_panel_warns_nothing(window: MainWindow, qtlog: Any) -> None:
    """An entity edit while the open article has no annotations must not hand Qt an
    invalid index range (it prints a warning for every such signal)."""
    from desktop.core.models import ChangeSet

    assert window.annotation_model.rowCount() == 0
    window.annotation_model.apply(ChangeSet(entities_changed=True, labels_changed=True))
    assert not [r for r in qtlog.records if "invalid index" in r.message]


def test_claims_table_opens_tall_while_a_claim_is_being_edited(
    make_window: Callable[..., MainWindow], tmp_path: Path, qtbot: QtBot
) -> None:
    """The claim form is tall; unless it scrolls, its height becomes the dock area's minimum
    and the Claims table opened below the article gets a single row."""
    path = tmp_path / "claims.hamish"
    text = "قال وزير الخارجية إن المحادثات مستمرة وإن الاتفاق قريب جدا."
    with Project.open(path) as project:
        doc = project.documents.add(make_draft(text, title="خبر"))
        label = project.labels.by_key("claim")
        assert label is not None
        project.annotations.add(prepare_annotation(text, doc, 0, len(text) - 1, label.id, "me"))
    window = make_window(path)
    window.resize(1200, 760)
    window.claim_editor.raise_()
    window.reader.text.setFocus()
    window.reader.text.select_cp(5, 5)  # the cursor inside the claim: the form fills in
    qtbot.waitUntil(lambda: window.claim_editor.claim is not None)
    window.registry[ActionId.SHOW_CLAIMS].trigger()
    qtbot.waitUntil(lambda: window.claims_table.height() >= 250)


def _count_shown(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """Record every claim the editor is asked to show (by id), still showing it."""
    editor = window.claim_editor
    shown: list[int | None] = []
    show = editor.show_claim

    def counting(claim: Claim | None, quote: str = "") -> None:
        shown.append(None if claim is None else claim.id)
        show(claim, quote)

    monkeypatch.setattr(editor, "show_claim", counting)
    return shown


def test_the_caret_moving_inside_a_claim_does_not_refill_the_editor(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = doc_ids(window)
    passage = "أن الحل السياسي ممكن"
    annotation = tag(window, first, FIRST, passage, "claim")
    claim = window.project.claims.for_annotation(annotation)
    assert claim is not None
    start = FIRST.index(passage)
    window.reader.text.select_cp(start + 2, start + 2)
    editor = window.claim_editor
    assert editor.claim is not None and editor.claim.id == claim.id
    shown = _count_shown(window, monkeypatch)
    queried: list[int] = []
    for_annotation = ClaimStore.for_annotation

    def counting_query(self: ClaimStore, annotation_id: int) -> Claim | None:
        queried.append(annotation_id)
        return for_annotation(self, annotation_id)

    monkeypatch.setattr(ClaimStore, "for_annotation", counting_query)
    for offset in range(3, 10):  # arrow keys along the passage
        window.reader.text.select_cp(start + offset, start + offset)
    assert shown == [] and queried == []
    # An edit of that claim (from anywhere: here a command, as undo would) shows at once.
    assert window.session is not None
    window.session.run(partial(edit_claim, claim_id=claim.id, status="refuted"))
    assert shown == [claim.id]
    assert editor.status.currentData() == "refuted"
    window.session.undo_stack.undo()
    assert shown == [claim.id, claim.id]
    assert editor.status.currentData() == "unverified"
    # Onto another claim and back again: each is shown as the caret arrives.
    other = "ونفى الكرملين"
    count = len(shown)
    tag(window, first, FIRST, other, "claim")  # its passage still selected: shown at once
    assert len(shown) == count + 1 and shown[-1] != claim.id
    window.reader.text.select_cp(FIRST.index(other) + 1, FIRST.index(other) + 1)
    assert len(shown) == count + 1
    window.reader.text.select_cp(start + 3, start + 3)
    assert shown[-1] == claim.id


def test_a_claim_edit_that_fails_shows_the_stored_value_again(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, messenger: RecordingMessenger
) -> None:
    first, _ = doc_ids(window)
    passage = "أن الحل السياسي ممكن"
    annotation = tag(window, first, FIRST, passage, "claim")
    claim = window.project.claims.for_annotation(annotation)
    assert claim is not None
    window.reader.text.select_cp(FIRST.index(passage) + 2, FIRST.index(passage) + 2)
    editor = window.claim_editor
    assert editor.claim is not None and editor.claim.id == claim.id

    def failing(self: ClaimStore, claim_id: int, **fields: object) -> object:
        raise HamishError("The project file is read-only.")

    monkeypatch.setattr(ClaimStore, "update", failing)
    assert window.session is not None
    steps = window.session.undo_stack.count()
    editor.summary.setText("ملخص لن يحفظ")
    editor.summary.editingFinished.emit()
    assert messenger.errors[-1][:2] == ("Cannot save the claim", "The project file is read-only.")
    assert editor.summary.text() == ""  # what the database holds
    editor.status.setCurrentIndex(editor.status.findData("refuted"))
    assert editor.status.currentData() == "unverified"
    assert window.project.claims.get(claim.id).status == "unverified"
    assert window.session.undo_stack.count() == steps
    assert len(messenger.errors) == 2


def test_an_entity_page_without_a_name_stays_open(
    window: MainWindow, qtbot: QtBot, messenger: RecordingMessenger
) -> None:
    from desktop.ui.entities.dialogs import EntityPage

    entities = window.project.entities
    kerry = entities.add("جون كيري", "person", aliases=("كيري",))
    page = EntityPage(window.project, entities.get(kerry), window)
    qtbot.addWidget(page)
    page.show()
    page.description.setText("وزير الخارجية الأميركي")
    page.name.setText("   ")
    page.accept()
    assert page.isVisible() and page.result() != EntityPage.DialogCode.Accepted
    assert page.error.isVisible() and page.error.text() == "An entity needs a name."
    page.name.setText("جون كيري")
    page.accept()
    assert page.result() == EntityPage.DialogCode.Accepted and not page.isVisible()

    # Through the window: Save with an empty name keeps the page and what was typed in it;
    # a name then saves everything as one undoable step.
    seen: list[tuple[bool, str]] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EntityPage):
            QTimer.singleShot(20, fill)
            return
        try:
            dialog.name.clear()
            dialog.description.setText("وزير الخارجية الأميركي")
            save = dialog.findChild(QDialogButtonBox)
            assert save is not None
            button = save.button(QDialogButtonBox.StandardButton.Save)
            button.click()
            seen.append((dialog.isVisible(), dialog.error.text()))
            dialog.name.setText("John Kerry")
            button.click()
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, fill)
    window.entity_actions.open_entity(kerry)
    assert seen == [(True, "An entity needs a name.")]
    assert not messenger.errors
    entity = entities.get(kerry)
    assert (entity.name, entity.description) == ("John Kerry", "وزير الخارجية الأميركي")
    assert window.session is not None
    window.session.undo_stack.undo()
    assert entities.get(kerry).name == "جون كيري"


def test_opening_a_claim_from_the_table_shows_it_in_the_claim_dock(window: MainWindow) -> None:
    """The Claims table's double-click opens the article with the claim's passage selected
    (the caret at its end, just past the claim): a trial found the Claim dock still saying
    "Place the cursor on a claim"."""
    first, _ = doc_ids(window)
    promise = tag(window, first, FIRST, "أن الحل السياسي ممكن", "claim")
    claim = window.project.claims.for_annotation(promise)
    assert claim is not None
    window.reader.text.select_cp(0, 0)
    window.claim_editor.show_claim(None)
    start = FIRST.index("أن الحل السياسي ممكن")
    window.open_at(first, start, start + len("أن الحل السياسي ممكن"))
    assert window.claim_editor.claim is not None
    assert window.claim_editor.claim.id == claim.id
