"""An article's pending suggestions as the reader and the review queue both compute them."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.services import prepare_annotation
from desktop.core.suggest import Suggestion
from desktop.core.text import make_draft
from desktop.learn import pending, tagger
from desktop.ops import annotations as ops
from desktop.store.project import Project

SAME = "وصل الوفد إلى بيروت أمس لإجراء محادثات."
OTHER = "قال مسؤول في بيروت إن المحادثات انتهت."


def _places(project: Project, document_id: int) -> list[str]:
    found = pending.compute(pending.read(project, document_id, 0.6))
    return [s.text for s in found if s.label_key == "location"]


def test_a_rejected_string_is_not_offered_again_between_the_same_words(tmp_path: Path) -> None:
    """The gazetteer's بيروت, rejected in one article, is not offered where the same words
    surround it again (another article), but still is between other words."""
    project = Project.open(tmp_path / "p.hamish")
    first = project.documents.add(make_draft(SAME, title="1"))
    second = project.documents.add(make_draft("خبر عاجل.\n" + SAME, title="2"))
    third = project.documents.add(make_draft(OTHER, title="3"))
    assert "بيروت" in _places(project, first) and "بيروت" in _places(project, second)
    start = SAME.index("بيروت")
    rejected = ops.Candidate("suggestion", first, start, start + 5, "بيروت")
    outcome = ops.reject_candidates(project, [rejected])
    assert "بيروت" not in _places(project, first)
    assert "بيروت" not in _places(project, second)  # the same context elsewhere
    assert "بيروت" in _places(project, third)  # other words around it
    assert outcome.undo is not None
    outcome.undo(project)
    assert "بيروت" in _places(project, second)


def test_the_registry_is_compiled_once_for_every_suggestion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window suggests again after every tag: the registry's matcher is compiled again
    only when the registry changed, and the suggestions are the same."""
    from desktop.core.matching import AliasMatcher
    from desktop.learn import sources

    compiled: list[int] = []
    build = AliasMatcher.from_registry.__func__  # type: ignore[attr-defined]

    def counted(cls: type[AliasMatcher], rows: object) -> AliasMatcher:
        compiled.append(1)
        return build(cls, rows)  # type: ignore[no-any-return]

    monkeypatch.setattr(AliasMatcher, "from_registry", classmethod(counted))
    monkeypatch.setattr(sources, "_MATCHERS", {})
    project = Project.open(tmp_path / "p.hamish")
    document_id = project.documents.add(make_draft(SAME + "\n" + OTHER, title="1"))
    start = SAME.index("بيروت")
    labels = {label.key: label for label in project.labels.all()}
    plan = ops.plan_selection(project, SAME, document_id, start, start + 5, labels["location"], "t")
    ops.add_annotations(project, [plan])
    first = pending.compute(pending.read(project, document_id, 0.6))
    assert any(s.source == "registry" for s in first)
    assert pending.compute(pending.read(project, document_id, 0.6)) == first
    assert len(compiled) == 1
    project.entities.add("سمير خليل", "person")
    pending.compute(pending.read(project, document_id, 0.6))
    assert len(compiled) == 2
    project.close()


def test_the_threshold_applies_to_every_source() -> None:
    def made(source: str, score: float, key: str = "location") -> Suggestion:
        return Suggestion("entity", key, 0, 3, "abc", source, source=source, score=score)  # type: ignore[arg-type]

    # At the default threshold the rules and the gazetteer offer what they always did.
    assert pending.shown(made("gazetteer", 0.5), 0.6)
    assert pending.shown(made("rule", 0.6, "claim"), 0.6)
    # A stricter one hides the least sure of every source.
    assert not pending.shown(made("gazetteer", 0.5), 0.9)
    assert not pending.shown(made("rule", 0.6, "claim"), 0.9)
    assert pending.shown(made("rule", 0.9, "person"), 0.9)
    # The model keeps its own offsets per label (tagger.OFFSETS: locations have one).
    edge = tagger.limit("location", 0.6)
    assert edge > 0.6
    assert not pending.shown(made("model", edge - 0.05), 0.6)
    assert pending.shown(made("model", edge), 0.6)


def test_reading_an_article_takes_its_annotations_extents_not_the_annotations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader reads suggestions' inputs on the GUI thread: every annotation of a 1 MB
    article whole (quote, context, note, dates: 10,000 objects, tens of ms) to keep two
    offsets of each."""
    project = Project.open(tmp_path / "p.hamish")
    doc = project.documents.add(make_draft(SAME, title="1"))
    label = project.labels.all()[0].id
    for start, end in ((10, 15), (0, 3), (0, 2)):
        project.annotations.add(prepare_annotation(SAME, doc, start, end, label, "t"))

    expected = tuple(sorted((a.start, a.end) for a in project.annotations.for_document(doc)))

    def whole(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("read whole")

    monkeypatch.setattr(project.annotations, "for_document", whole)
    reading = pending.read(project, doc, 0.6)
    assert reading.tagged == expected and len(expected) == 3
