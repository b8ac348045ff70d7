"""Suggestions (dashed) and Find All Mentions on the sample articles."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.ui.entities.mentions import find_candidates
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow

from .samples import open_seed as _open_seed

MakeWindow = Callable[..., MainWindow]


def test_accept_and_reject_suggestions(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    window = make_window(default_project)
    suggestions = window.suggestions
    # Suggestions are computed in the background and arrive after the article paints.
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        doc = _open_seed(window, "وقال كيري، من جهته")
    assert suggestions.items, "the Kerry article has reporting verbs and titles"
    assert all(s.kind == "suggestion" for s in window.reader.text.index.spans() if s.id < 0)
    claims = [s for s in suggestions.items.values() if s.label_key == "claim"]
    # A claim whose first word is no other suggestion (a place that opens it is one), so the
    # caret at its start holds the claim alone.
    starts = [s.start for s in suggestions.items.values()]
    target = next(
        s for s in claims if s.claimant and "كيري" in s.claimant and starts.count(s.start) == 1
    )
    text = window.reader.text
    text.select_cp(target.start, target.start)
    text.setFocus()
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        qtbot.keyClick(text, Qt.Key.Key_Return)
    tags = window.annotation_model.annotations()
    (annotation,) = [a for a in tags if (a.start, a.end) == (target.start, target.end)]
    claim = window.project.claims.for_annotation(annotation.id)
    assert claim is not None and claim.claimant_id is not None
    assert "كيري" in window.project.entities.get(claim.claimant_id).name
    # Its speaker's name is tagged with it when the claim made him (no mention otherwise).
    speaker = [a for a in tags if a is not annotation]
    assert all(a.entity_id == claim.claimant_id for a in speaker) and len(speaker) <= 1
    # And the status bar says the speaker came with the claim (a trial saw only the claim
    # named there, and a new person in the registry it had not asked for).
    said = window.statusBar().currentMessage()
    assert "said by" in said and "كيري" in said, said
    assert ("a new person" in said) == (len(speaker) == 1), said
    spans = {(s.start, s.end) for s in suggestions.items.values()}
    assert spans and (target.start, target.end) not in spans
    # Reject the first suggestion with Delete; it stays gone after reopening the article.
    other = min(suggestions.items.values(), key=lambda s: s.start)
    text.select_cp(other.start, other.start)
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        qtbot.keyClick(text, Qt.Key.Key_Delete)
    assert window.annotation_model.rowCount() == len(tags)  # nothing deleted
    assert (other.start, other.end, other.text) in window.project.decisions.decided(
        doc, "suggestion"
    )
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        window.open_document(doc)
    spans = {(s.start, s.end) for s in suggestions.items.values()}
    assert spans and (other.start, other.end) not in spans
    # Undo the rejection: the suggestion is offered again.
    assert window.session is not None
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        window.session.undo_stack.undo()
    assert (other.start, other.end) in {(s.start, s.end) for s in suggestions.items.values()}
    # Turning suggestions off removes them from the text.
    window.registry[ActionId.SHOW_SUGGESTIONS].setChecked(False)
    assert not suggestions.items
    assert all(s.id > 0 for s in text.index.spans())


def test_find_all_mentions_across_the_seeds(make_window: MakeWindow, default_project: Path) -> None:
    window = make_window(default_project)
    entities = window.project.entities
    kerry = entities.get(entities.add("جون كيري", "person", aliases=("كيري",)))
    lavrov = entities.get(entities.add("سيرغي لافروف", "person", aliases=("لافروف",)))
    candidates = find_candidates(window.project, kerry, None)
    written = {
        window.project.documents.get(c.document_id).text[c.start - 1 : c.end] for c in candidates
    }
    assert "وكيري" in written and "لكيري" in written
    assert all(c.quote in ("جون كيري", "كيري") for c in candidates)
    assert any(
        window.project.documents.get(c.document_id).text[c.start - 1 : c.end] == "ولافروف"
        for c in find_candidates(window.project, lavrov, None)
    )
    # Accept all Kerry mentions in one undo step, reject one Lavrov mention for good.
    window.tagging.accept_mentions(candidates)
    assert entities.summaries(name="كيري")[0].mentions == len(candidates)
    assert find_candidates(window.project, kerry, None) == []
    first = find_candidates(window.project, lavrov, None)[0]
    window.tagging.reject_mentions([first])
    assert first not in find_candidates(window.project, lavrov, None)
    assert window.session is not None
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert entities.summaries(name="كيري")[0].mentions == 0
    assert len(find_candidates(window.project, kerry, None)) == len(candidates)


def test_editing_a_label_keeps_the_dashed_suggestions(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    from functools import partial

    from desktop.ops.labels import edit_label

    window = make_window(default_project)
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        _open_seed(window, "وقال كيري، من جهته")
    drawn = {s.id for s in window.reader.text.index.spans() if s.id < 0}
    assert drawn and drawn == set(window.suggestions.items)
    assert window.session is not None
    person = window.project.labels.by_key("person")
    assert person is not None
    window.session.run(partial(edit_label, label_id=person.id, fields={"color": "#123456"}))
    assert {s.id for s in window.reader.text.index.spans() if s.id < 0} == drawn


def test_accepting_a_gazetteer_suggestion_names_the_entity(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    """The written ``للأمم المتحدة`` is offered from the gazetteer as an organisation; accepting
    it creates the entity ``الأمم المتحدة``, not one named after the contracted letters."""
    window = make_window(default_project)
    suggestions = window.suggestions
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        _open_seed(window, "العام للأمم المتحدة")
    target = next(
        s
        for s in suggestions.items.values()
        if s.rule == "gazetteer" and s.name == "الأمم المتحدة" and s.text != s.name
    )
    assert target.label_key == "organisation" and 0 < target.score < 1
    assert target.source == "gazetteer"
    span_id = next(i for i, s in suggestions.items.items() if s is target)
    tip = suggestions.tooltip(span_id) or ""
    assert "list of places and organisations" in tip and "الأمم المتحدة" in tip
    assert f"Gazetteer, {round(target.score * 100)} %" in tip  # its source and score
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        assert suggestions.accept(target)
    (annotation,) = window.annotation_model.annotations()
    assert annotation.entity_id is not None
    entity = window.project.entities.get(annotation.entity_id)
    assert (entity.name, entity.type) == ("الأمم المتحدة", "organisation")


def test_opening_another_article_forgets_the_suggestions_shown(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    """The suggestions shown went with the article's span index when another one opened, but
    stayed listed until the next refresh, which then removed each from the new index (17,000
    look-ups for nothing after a 1 MB article), and they answered for the new article's
    positions meanwhile."""
    window = make_window(default_project)
    suggestions = window.suggestions
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        _open_seed(window, "وقال كيري، من جهته")
    assert suggestions.items
    removed: list[int] = []
    text = window.reader.text
    _open_seed(window, "استطاعت موسكو وواشنطن")
    index = text.index
    remove = index.remove
    index.remove = lambda span_id: removed.append(span_id) or remove(span_id)  # type: ignore[method-assign]
    assert not suggestions.items
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        pass
    assert not [i for i in removed if index.get(i) is None]


def test_every_entity_suggestion_tooltip_names_what_it_tags(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    """Issue 14: a gazetteer suggestion's tooltip named the place, a rule's and the registry's
    only their label ("Suggested Person — Rule, 80 %"). Each now names the words or the
    registry's entity that accepting it tags."""
    window = make_window(default_project)
    suggestions = window.suggestions
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        _open_seed(window, "وقال كيري، من جهته")

    def tip(source: str) -> tuple[str, str]:
        span_id, s = next(
            (i, s)
            for i, s in suggestions.items.items()
            if s.kind == "entity" and s.source == source
        )
        name = s.name or s.text
        if s.entity_id is not None:
            name = window.project.entities.get(s.entity_id).name
        return suggestions.tooltip(span_id) or "", name

    shown, name = tip("rule")
    assert f"“\u2068{name}\u2069”" in shown, shown
    # Accepted, one روسيا makes the others the registry's, linked to the entity.
    place = next(s for s in suggestions.items.values() if s.text == "روسيا")
    with qtbot.waitSignal(suggestions.ready, timeout=10_000):
        assert suggestions.accept(place)
    shown, name = tip("registry")
    assert name == "روسيا" and f"“\u2068{name}\u2069”" in shown, shown


def test_entities_without_mentions_are_listed_and_deleted(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    """Issue 14: an entity a deleted tag left behind sank below the others in the Entities
    panel, with no way to remove it. The type filter lists those without mentions alone, and
    their menu deletes one (Undo brings it back); one that is mentioned cannot be deleted."""
    from desktop.ui.entities.panel import UNMENTIONED
    from desktop.ui.widgets.rows import ID_ROLE

    window = make_window(default_project)
    project = window.project
    orphan = project.entities.add("سيحترم", "person")
    panel = window.entities
    panel.show()
    box = panel.type_box
    box.setCurrentIndex(box.findData(UNMENTIONED))
    shown = [panel.proxy.index(r, 0).data(ID_ROLE) for r in range(panel.proxy.rowCount())]
    assert orphan in shown
    assert all(s.mentions == 0 for s in project.entities.summaries() if s.id in shown)
    panel.delete_requested.emit(orphan)
    assert not project.entities.exists(orphan)
    assert window.session is not None
    window.session.undo_stack.undo()
    assert project.entities.exists(orphan)
    assert project.entities.get(orphan).name == "سيحترم"
