"""The window trains the project's tagger in the background and shows its suggestions."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.core.suggest.pipeline import RULE_SCORES
from desktop.core.text import make_draft
from desktop.learn import tagger
from desktop.ops.articles import add_article
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow
from tests.learn.test_tagger import article, tag

from .conftest import RecordingMessenger

MakeWindow = Callable[..., MainWindow]


def test_the_window_trains_after_enough_tags_and_suggests_with_the_model(
    make_window: MakeWindow, tmp_path: Path, prefs: Settings, qtbot: QtBot
) -> None:
    path = tmp_path / "learn.hamish"
    with Project.open(path) as project:
        for n in range(3):
            text, spans = article(n)
            document_id = add_article(project, make_draft(text, title=f"t{n}"), "t").value
            tag(project, document_id.imported[0][1], text, spans)
        text, _ = article(9)
        new = add_article(project, make_draft(text, title="new"), "t").value.imported[0][1]
    prefs.set(settings.RETRAIN_AFTER, 10)
    prefs.set(settings.SUGGESTION_THRESHOLD, 0.5)
    window = make_window(path, prefs)
    trainer = window.trainer
    trainer._timer.stop()  # no waiting for the pause after the last edit
    assert window.project.tagger.latest_info() is None
    with qtbot.waitSignal(trainer.trained, timeout=120_000):
        assert trainer.check()
        assert trainer.busy and not trainer.check()  # one run at a time
        # A note stays in the status bar while it learns (issue 14: only 5 s at its end).
        assert trainer.indicator is not None and trainer.indicator.isVisibleTo(window)
        assert trainer.indicator in window.statusBar().findChildren(QLabel)
    assert not trainer.busy and not trainer.indicator.isVisibleTo(window)
    info = window.project.tagger.latest_info()
    assert info is not None and info.counts["articles"] == 3
    names = sum(info.counts["tags"].values())
    assert window.statusBar().currentMessage() == (
        f"Suggestions learnt from {names} names in 3 articles."
    )
    assert not tagger.should_retrain(window.project, every=10)
    suggestions = window.suggestions
    with qtbot.waitSignal(suggestions.ready, timeout=20_000):
        window.open_document(new)
    entities = [s for s in suggestions.items.values() if s.kind == "entity"]
    # Every name and place here is in the registry (they were tagged): the registry offers
    # them and the model scores them, so no rule's fixed score is left.
    assert entities and all(s.score not in RULE_SCORES.values() for s in entities)
    assert all(s.score >= 0.5 for s in entities)
    assert {s.label_key for s in entities} == {"person", "location"}
    model = next(iter(suggestions.items))
    suggestions.items[model] = replace(suggestions.items[model], source="model")
    assert "learnt from your tags" in (suggestions.tooltip(model) or "")


def test_a_read_only_project_is_never_trained(
    make_window: MakeWindow, tmp_path: Path, prefs: Settings, qtbot: QtBot
) -> None:
    """The model could not be stored: no child process is started for nothing."""
    path = tmp_path / "archive.hamish"
    with Project.open(path) as project:
        for n in range(2):
            text, spans = article(n)
            document_id = add_article(project, make_draft(text, title=f"t{n}"), "t").value
            tag(project, document_id.imported[0][1], text, spans)
        assert tagger.should_retrain(project, every=10)
    prefs.set(settings.RETRAIN_AFTER, 10)
    path.chmod(0o444)
    try:
        window = make_window(path, prefs)
        assert window.project.read_only
        trainer = window.trainer
        trainer._timer.stop()
        assert not trainer.check() and not trainer.start()
        assert not trainer.busy
    finally:
        path.chmod(0o644)


def test_the_window_learns_claims_and_reranks_them(
    make_window: MakeWindow, tmp_path: Path, prefs: Settings, qtbot: QtBot
) -> None:
    """Only claims were decided (the analyst takes persons' claims and rejects the cities'):
    the child process trains the claim classifier alone, and in a new article the cities'
    claims are no longer offered."""
    from tests.learn.test_claims import NEW_CITIES, NEW_PERSONS, is_place, worked_project
    from tests.learn.test_claims import article as claims_article

    path = tmp_path / "claims.hamish"
    with Project.open(path) as project:
        worked_project(project, articles=3)
        text, who = claims_article(99, NEW_PERSONS, NEW_CITIES, count=10)
        new = add_article(project, make_draft(text, title="new"), "t").value.imported[0][1]
    prefs.set(settings.RETRAIN_AFTER, 10)
    window = make_window(path, prefs)
    trainer = window.trainer
    trainer._timer.stop()
    with qtbot.waitSignal(trainer.trained, timeout=120_000):
        assert trainer.check()
    assert window.project.tagger.latest_info("claim") is not None
    assert window.project.tagger.latest_info() is None  # no entity tags: no entity model
    suggestions = window.suggestions
    with qtbot.waitSignal(suggestions.ready, timeout=20_000):
        window.open_document(new)
    claims = {k: s for k, s in suggestions.items.items() if s.kind == "claim"}
    assert len(claims) == who.count("person")
    assert not any(is_place(s) for s in claims.values())
    assert all(s.source == "model" and s.score >= tagger.THRESHOLD for s in claims.values())
    tip = suggestions.tooltip(next(iter(claims))) or ""
    assert "claimant" in tip and "learnt from your claims" in tip


def _tagged(path: Path) -> Path:
    with Project.open(path) as project:
        for n in range(2):
            text, spans = article(n)
            document_id = add_article(project, make_draft(text, title=f"t{n}"), "t").value
            tag(project, document_id.imported[0][1], text, spans)
    return path


def test_a_damaged_model_is_said_once_and_trained_again(
    make_window: MakeWindow, tmp_path: Path, prefs: Settings, qtbot: QtBot
) -> None:
    """Handing a damaged model to CRFsuite crashed the window at every start (a security
    tester's project): it is used as if there were none, said, and a sound one trained."""
    path = _tagged(tmp_path / "damaged.hamish")
    with Project.open(path) as project:
        assert tagger.train(project).generation is not None
        stored = project.tagger.latest()
        assert stored is not None
        project.tagger.save(
            trained_at=stored.info.trained_at,
            features=stored.info.features,
            labels=list(stored.info.labels),
            counts=stored.info.counts,
            attributes=list(stored.attributes),
            model=stored.model[: len(stored.model) // 2],
        )
    prefs.set(settings.RETRAIN_AFTER, 1000)  # only the damage makes it train
    window = make_window(path, prefs)
    trainer = window.trainer
    trainer._timer.stop()
    with qtbot.waitSignal(trainer.trained, timeout=120_000):
        assert trainer.check()
        assert "damaged and will be retrained" in window.statusBar().currentMessage()
    assert tagger.current_model(window.project) is not None
    assert not tagger.damaged(window.project)


def test_a_training_run_that_fails_is_said_once(
    make_window: MakeWindow,
    tmp_path: Path,
    prefs: Settings,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run that failed (a label key the learning library could not read back) was
    dropped without a word, after every pause in tagging: the tagger never learnt."""
    from desktop.ui.reader import learning

    path = _tagged(tmp_path / "failing.hamish")
    failing = [sys.executable, "-c", "import sys; sys.exit('AssertionError: a --> b')"]
    monkeypatch.setattr(learning, "hamish_command", lambda _arguments: failing)
    prefs.set(settings.RETRAIN_AFTER, 10)
    window = make_window(path, prefs)
    trainer = window.trainer
    trainer._timer.stop()
    bar = window.statusBar()
    for _ in range(2):
        bar.clearMessage()
        assert trainer.check()
        qtbot.waitUntil(lambda: not trainer.busy, timeout=60_000)
        if trainer.failure_told and bar.currentMessage():
            assert "could not learn from your tags: AssertionError: a --> b" in (
                bar.currentMessage()
            )
    assert trainer.failure_told
    assert bar.currentMessage() == ""  # the second failure is not said again


def test_the_retrain_setting_is_in_the_tag_menu(
    make_window: MakeWindow, default_project: Path, prefs: Settings, messenger: RecordingMessenger
) -> None:
    """Issue 14: "Retrain after N decisions" was only in hamish.ini. Tag → Retrain Suggestions
    After… asks for it; a number that is not one leaves the setting as it was, in words."""
    window = make_window(default_project, prefs)
    action = window.registry[ActionId.RETRAIN_AFTER]
    assert action in window.tag_menu.actions()
    messenger.text_answer = "٣٥"  # Arabic digits too
    action.trigger()
    assert messenger.asked[-1][2] == "20"  # the setting as it was, to edit
    assert prefs.get(settings.RETRAIN_AFTER) == 35
    messenger.text_answer = "كثير"
    action.trigger()
    assert prefs.get(settings.RETRAIN_AFTER) == 35
    assert "whole number from 1 to 1000" in messenger.infos[-1][1]


def test_a_run_stopped_after_its_note_was_deleted_touches_no_dead_label(
    make_window: MakeWindow, default_project: Path, qtbot: QtBot
) -> None:
    """A closing window deletes its status bar, and the training note in it, before the
    trainer stops the run: the note is forgotten then, not hidden (a RuntimeError before)."""
    window = make_window(default_project)
    trainer = window.trainer
    trainer._timer.stop()
    assert trainer.start()
    note = trainer.indicator
    assert note is not None and note.isVisibleTo(window)
    with qtbot.waitSignal(note.destroyed):
        note.deleteLater()
    trainer.detach()  # the window closing
    assert trainer.indicator is None and not trainer.busy
