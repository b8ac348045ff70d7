"""An article's pending suggestions as the reader and the review queue both compute them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from desktop.core.services import prepare_annotation
from desktop.core.suggest import Suggestion
from desktop.core.text import make_draft
from desktop.learn import pending
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


def test_the_threshold_compares_with_the_score_shown() -> None:
    """Issue 14: a trial's slider at 66 % hid every model person at 90 % and kept a
    gazetteer's 65 %: the bars were raw scores plus each source's offset, while the queue
    showed the raw scores. Now each raw score is shown calibrated, and the threshold is the
    shown score's bar for every source and label."""

    def made(source: str, score: float, key: str = "location") -> Suggestion:
        return Suggestion("entity", key, 0, 3, "abc", source, source=source, score=score)  # type: ignore[arg-type]

    rows = [
        made("gazetteer", 0.5),
        made("gazetteer", 0.9),
        made("rule", 0.6, "claim"),
        made("rule", 0.9, "person"),
        made("registry", 0.9, "person"),
        made("model", 0.9, "person"),
        made("model", 0.95, "person"),
        made("model", 0.85, "location"),
        made("model", 0.65, "claim"),
        made("model", 0.7, "event"),  # an analyst's own label: no offset
    ]
    # At the default threshold: exactly the raw bars of before (tagger.limit for the model,
    # SOURCE_OFFSETS for the others).
    old = [s for s in rows if s.score >= pending.raw_floor(s.source, s.label_key, 0.6)]
    assert pending.finish(old, 0.6) == pending.finish(rows, 0.6)
    assert not pending.finish([made("model", 0.85, "person")], 0.6)
    shown = pending.finish(rows, 0.0)
    assert [s.score for s in shown] == [
        pending.calibrated(s.source, s.label_key, s.score) for s in rows
    ]
    # Each source's order is kept, and a model person at 0.9 raw is no longer hidden by a
    # slider that keeps a gazetteer's weaker place.
    assert pending.calibrated("model", "person", 0.95) > pending.calibrated("model", "person", 0.9)
    for threshold in [t / 100 for t in range(0, 101, 2)]:
        kept = pending.finish(rows, threshold)
        assert [s for s in shown if s.score >= threshold] == kept
        assert all(pending.shown(s, threshold) for s in kept)
        assert all(pending.floor(s.source, s.label_key, threshold) == threshold for s in rows)


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


def test_a_suggestion_with_a_clitic_is_linked_to_the_entity_whose_alias_it_is() -> None:
    """Issue 14, a trial: the model offered ``والحكيم``، ``لبوتين`` as new names although
    الحكيم and بوتين were confirmed aliases: linked as the registry matcher reads them."""
    from desktop.learn import sources

    text = "قال والحكيم إن لبوتين رأيا وإن الحكيمي غاب"
    aliases = [(7, "person", "الحكيم"), (9, "person", "بوتين"), (11, "location", "إن")]
    at = text.index

    def made(word: str, key: str = "person", source: str = "model") -> Suggestion:
        return Suggestion(
            "entity",
            key,
            at(word),
            at(word) + len(word),
            word,
            source,
            source=source,  # type: ignore[arg-type]
        )

    found = [made("والحكيم"), made("لبوتين", source="gazetteer"), made("الحكيمي")]
    found.append(made("رأيا", "location"))
    linked = pending.linked(found, text, sources.matcher(aliases), aliases)
    assert [s.entity_id for s in linked] == [7, 9, None, None]


def test_the_window_suggests_with_the_collector_paused_to_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules, the model, linking and the scores shown as one pause: the first collection
    after a pause walks all it made that lives on (desktop.core.gcpause), and each step after
    the rules' own pause started collections of its own."""
    import gc

    seen: list[bool] = []
    finish = pending.finish

    def watched(found: Iterable[Suggestion], threshold: float) -> list[Suggestion]:
        seen.append(gc.isenabled())
        return finish(found, threshold)

    monkeypatch.setattr(pending, "finish", watched)
    project = Project.open(tmp_path / "p.hamish")
    document_id = project.documents.add(make_draft(SAME, title="1"))
    was = gc.isenabled()
    gc.enable()
    try:
        assert "بيروت" in _places(project, document_id)
        assert seen == [False]
        assert gc.isenabled()
    finally:
        if not was:
            gc.disable()
    project.close()
