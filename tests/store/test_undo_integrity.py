"""Merging entities and undoing it puts every reference back exactly; exact look-ups."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.services import prepare_annotation
from desktop.core.text import make_draft
from desktop.store.entities import folded
from desktop.store.project import Project

TEXT = "قال المتحدث باسم الكرملين إن بوتين التقى كيري وقال لافروف إن الاجتماع مثمر."


@pytest.fixture
def project(tmp_path: Path) -> Project:
    project = Project.open(tmp_path / "p.hamish")
    project.documents.add(make_draft(TEXT))
    return project


def _tag(project: Project, word: str, key: str, entity_id: int | None = None) -> int:
    label = project.labels.by_key(key)
    assert label is not None
    start = TEXT.index(word)
    draft = prepare_annotation(TEXT, 1, start, start + len(word), label.id, "me")
    return project.annotations.add(draft._replace(entity_id=entity_id))


def _claim(project: Project, word: str) -> int:
    claim = project.claims.for_annotation(_tag(project, word, "claim"))
    assert claim is not None
    return claim.id


def _state(project: Project) -> list[object]:
    conn = project.database.conn
    return [
        conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        for table in ("entities", "annotations", "claims", "claim_subjects")
    ] + [conn.execute("SELECT entity_id, alias FROM entity_aliases ORDER BY 1, id").fetchall()]


def _subjects(project: Project, claim_id: int) -> tuple[int, ...]:
    return project.claims.get(claim_id).subjects


def test_unmerge_gives_a_claim_naming_only_the_removed_entity_its_subject_back(
    project: Project,
) -> None:
    keep = project.entities.add("الكرملين", "organisation")
    remove = project.entities.add("الرئاسة الروسية", "organisation")
    claim = _claim(project, "قال")
    project.claims.update(claim, subjects=[remove])
    assert _subjects(project, claim) == (remove,)

    record = project.entities.merge(keep, remove)
    assert _subjects(project, claim) == (keep,)
    project.entities.unmerge(record)
    assert _subjects(project, claim) == (remove,)


def test_unmerge_gives_a_claim_naming_both_entities_both_back(project: Project) -> None:
    keep = project.entities.add("الكرملين", "organisation")
    remove = project.entities.add("الرئاسة الروسية", "organisation")
    claim = _claim(project, "قال")
    project.claims.update(claim, subjects=[keep, remove])

    record = project.entities.merge(keep, remove)
    assert _subjects(project, claim) == (keep,)
    project.entities.unmerge(record)
    assert _subjects(project, claim) == (keep, remove)


def test_merge_and_unmerge_leave_every_reference_as_it_was(project: Project) -> None:
    """Mentions, claimants and subjects of both entities, and a claim naming only the kept
    one, through merge / undo / redo / undo."""
    keep = project.entities.add("كيري", "person", aliases=("Kerry",))
    remove = project.entities.add("جون كيري", "person")
    other = project.entities.add("بوتين", "person")
    _tag(project, "كيري", "person", keep)
    _tag(project, "بوتين", "person", remove)
    only_removed, both, only_kept = (
        _claim(project, "قال"),
        _claim(project, "التقى"),
        _claim(project, "الاجتماع"),
    )
    project.claims.update(only_removed, claimant_id=remove, subjects=[remove, other])
    project.claims.update(both, claimant_id=keep, subjects=[keep, remove])
    project.claims.update(only_kept, subjects=[keep])
    before = _state(project)

    record = project.entities.merge(keep, remove)
    assert record.moved_subjects == (only_removed,)
    assert record.dropped_subjects == (both,)
    assert _subjects(project, only_removed) == tuple(sorted((keep, other)))
    assert project.claims.get(only_removed).claimant_id == keep
    project.entities.unmerge(record)
    assert _state(project) == before

    project.entities.unmerge(project.entities.merge(keep, remove))  # redo, then undo again
    assert _state(project) == before
    assert _subjects(project, only_removed) == tuple(sorted((remove, other)))
    assert _subjects(project, both) == (keep, remove)
    assert _subjects(project, only_kept) == (keep,)


def _old_exact(project: Project, text: str, type_: str | None) -> list[int]:
    """What exact() meant before it had its own query: lookup's exact folded matches."""
    return [
        e.id
        for e in project.entities.lookup(text, type_=type_, limit=50)
        if folded(text) in {folded(a) for a in (e.name, *e.aliases)}
    ]


def test_exact_matches_name_or_alias_by_folding_most_mentioned_first(project: Project) -> None:
    entities = project.entities
    quiet = entities.add("كيري", "person")
    busy = entities.add("جون كيري", "person", aliases=("كيري",))
    place = entities.add("كيري", "location")
    prefix = entities.add("كيريباتي", "location")
    latin = entities.add("Kerry", "person", aliases=("كيري",))
    obama = entities.add("أوباما", "person", aliases=("Obama",))
    _tag(project, "كيري", "person", busy)

    everyone = [busy, latin, quiet, place]  # most mentioned, then by name, then by id
    assert [e.id for e in entities.exact("كيري")] == everyone
    assert [e.id for e in entities.exact("كيري", "")] == everyone  # "" = any type
    assert [e.id for e in entities.exact("  كيري ", "person")] == [busy, latin, quiet]
    assert [e.id for e in entities.exact("كيري", "location")] == [place]
    assert [e.id for e in entities.exact("kerry")] == [latin]
    assert [e.id for e in entities.exact("اوباما")] == [obama]  # folded hamza
    assert [e.id for e in entities.exact("OBAMA")] == [obama]
    assert entities.exact("كير") == [] and entities.exact("") == [] and entities.exact(" ") == []
    assert prefix not in [e.id for e in entities.exact("كيريباتي ال")]
    assert entities.exact("اوباما")[0] == entities.get(obama)
    for text in ("كيري", "جون كيري", "اوباما", "Obama", "كيريباتي", "كير", "%", "_"):
        for type_ in (None, "person", "location", "event"):
            assert [e.id for e in entities.exact(text, type_)] == _old_exact(project, text, type_)
