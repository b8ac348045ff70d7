"""The registry in the reader: every untagged occurrence of a known entity's name or alias is
suggested (dashed), with the entity linked, as soon as the entity exists — after it is created,
renamed or given an alias, the open article's suggestions follow the edit's ChangeSet."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.text import make_draft
from desktop.ops import entities as entity_ops
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow

from .samples import label_id

MakeWindow = Callable[..., MainWindow]

ARTICLE = (
    "ضبطت الشرطة بندقية كلاشنكوف في مخزن المرفأ.\n"
    "وعثر المحققون على كلاشنكوف ثانية قرب الحدود، وقال الضابط سامر إن التحقيق مستمر.\n"
    "ونقلت وكالة الأنباء عن المفتش فريد حداد أن المخزن أغلق، ورأى سامر أن الأمر خطير."
)
SECOND = ARTICLE.index("كلاشنكوف ثانية")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "registry.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(ARTICLE, title="مخزن"))
        project.labels.add(name_en="Weapon", name_ar="سلاح", kind="entity", color="#884400")
    return path


def _open(window: MainWindow, qtbot: QtBot) -> None:
    (summary,) = window.project.documents.summaries()
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        window.open_document(summary.id)


def _registry(window: MainWindow) -> set[tuple[str, str, int | None]]:
    return {
        (s.text, s.label_key, s.entity_id)
        for s in window.suggestions.items.values()
        if s.source == "registry"
    }


def _tag(window: MainWindow, start: int, quote: str, key: str) -> int:
    window.reader.text.select_cp(start, start + len(quote))
    annotation_id = window.tagging.tag_selection(label_id(window, key))
    assert annotation_id is not None
    return annotation_id


def test_an_entity_of_the_analysts_own_label_is_suggested_elsewhere(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    _open(window, qtbot)
    assert not _registry(window)
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        annotation = _tag(window, ARTICLE.index("كلاشنكوف"), "كلاشنكوف", "weapon")
    gun = window.project.annotations.get(annotation).entity_id
    assert gun is not None
    assert _registry(window) == {("كلاشنكوف", "weapon", gun)}
    (suggestion,) = (s for s in window.suggestions.items.values() if s.source == "registry")
    assert suggestion.start == SECOND
    # Accepting it tags the second one with the same label, linked to the same entity.
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        assert window.suggestions.accept(suggestion)
    tagged = [a for a in window.annotation_model.annotations() if a.start == SECOND]
    assert [(a.entity_id, a.label_id) for a in tagged] == [(gun, label_id(window, "weapon"))]


def test_created_renamed_and_aliased_entities_are_suggested_at_once(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    _open(window, qtbot)
    assert window.session is not None
    run = window.session.run
    # Created by a tag: its other occurrence is suggested at once, linked to it.
    first = ARTICLE.index("سامر")
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        entity = window.project.annotations.get(_tag(window, first, "سامر", "person")).entity_id
    assert entity is not None
    later = ARTICLE.rindex("سامر")
    assert ("سامر", "person", entity) in _registry(window)
    assert any(
        s.start == later and s.entity_id == entity for s in window.suggestions.items.values()
    )
    # Renamed: the new name is suggested, the old one no longer.
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        run(partial(entity_ops.edit_entity, entity_id=entity, name="فريد حداد", aliases=()))
    names = {text for text, _label, linked in _registry(window) if linked == entity}
    assert names == {"فريد حداد"}
    # Given an alias (a name part confirmed in the bar is one): suggested too; undo takes it
    # away again.
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        run(partial(entity_ops.add_aliases, entity_id=entity, aliases=("المفتش فريد حداد",)))
    assert ("المفتش فريد حداد", "person", entity) in _registry(window)
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        window.session.undo_stack.undo()
    assert ("المفتش فريد حداد", "person", entity) not in _registry(window)


def test_an_entity_made_in_the_picker_is_suggested_at_once(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    """Link to Entity → New entity: the new name's occurrences are offered at once."""
    from desktop.core.records import NewEntity

    window = make_window(article)
    _open(window, qtbot)
    assert window.session is not None
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        annotation = _tag(window, ARTICLE.index("المرفأ"), "المرفأ", "location")
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        window.session.run(
            partial(
                entity_ops.link_entity,
                annotation_id=annotation,
                entity=NewEntity("المخزن", "location"),
            )
        )
    made = window.project.annotations.get(annotation).entity_id
    assert ("المخزن", "location", made) in _registry(window)


def test_a_decision_in_find_all_mentions_or_the_reader_holds_in_both(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    """An occurrence rejected in Find All Mentions is not offered again dashed from the
    registry, and a dashed registry suggestion rejected in the reader is not offered again in
    Find All Mentions: the analyst said once that it is not that entity."""
    from desktop.ui.entities.mentions import find_candidates

    with Project.open(article) as project:
        haddad = project.entities.add("فريد حداد", "person")
        samer = project.entities.add("سامر", "person")
    window = make_window(article)
    _open(window, qtbot)
    assert ("فريد حداد", "person", haddad) in _registry(window)
    doc = window.reader.document_id
    assert doc is not None
    (candidate,) = find_candidates(window.project, window.project.entities.get(haddad), [doc])
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        window.tagging.reject_mentions([candidate])
    assert ("فريد حداد", "person", haddad) not in _registry(window)
    # The other way: a dashed سامر rejected in the reader stays out of Find All Mentions.
    first = next(
        s for s in window.suggestions.items.values() if s.entity_id == samer and s.start < 150
    )
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        assert window.suggestions.reject(first)
    offered = find_candidates(window.project, window.project.entities.get(samer), [doc])
    assert [c.start for c in offered] == [ARTICLE.rindex("سامر")]


def test_rejecting_a_suggestion_leaves_the_others_shown_while_they_are_recomputed(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    """A trial rejected one dashed suggestion with Delete and saw every other one in the
    article vanish for about a second, then come back: the rejected one goes at once, the
    others stay until the recomputed ones replace them."""
    with Project.open(article) as project:
        project.entities.add("سامر", "person")
        project.entities.add("فريد حداد", "person")
    window = make_window(article)
    _open(window, qtbot)
    suggestions = window.suggestions
    shown = dict(suggestions.items)
    assert len(shown) >= 2
    rejected = min(shown.values(), key=lambda s: s.start)
    others = {(s.start, s.end) for s in shown.values() if s is not rejected}
    assert suggestions.reject(rejected)
    assert "will not be suggested here again" in window.statusBar().currentMessage()
    kept = {(s.start, s.end) for s in suggestions.items.values()}
    assert kept == others  # at once: the others still shown, the rejected one gone
    assert {s.id for s in window.reader.text.index.spans() if s.id < 0} == set(suggestions.items)
    suggestions.refresh()  # the recomputation starts: nothing vanishes meanwhile
    assert {(s.start, s.end) for s in suggestions.items.values()} == others
    qtbot.waitSignal(suggestions.ready, timeout=10_000).wait()
    assert (rejected.start, rejected.end) not in {
        (s.start, s.end) for s in suggestions.items.values()
    }
