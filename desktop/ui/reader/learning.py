"""Training the project's tagger in the background while the analyst works.

After tagging or deciding pauses (:attr:`ModelTrainer.IDLE_MS`), the trainer asks
``desktop.learn.tagger.should_retrain`` (a few counts on the window's connection) and, when
enough has changed since the last model (the Retrain After setting), trains a new one.
While it runs, a muted note stays in the status bar (:attr:`ModelTrainer.indicator`); when it
ends, the status bar says what was learnt from ("Suggestions learnt from 33 names in 4
articles"). A trial analyst saw only a five-second note and could not tell whether, or from
what, the suggestions had learnt (issue 14).

Why a separate process and not a worker thread: CRFsuite trains inside one C call that holds
Python's interpreter lock for its whole length (a second or more), so a thread would freeze
typing and tagging meanwhile. The child runs ``hamish suggest --train`` on the same project
file (its own connection; the model is written in one short transaction at the end) and the
window only waits for its signal. The same run trains the claim classifier on the claim tags
and decisions (``desktop.learn.claims``). When it ends with either model,
:attr:`ModelTrainer.trained` tells the suggestions to refresh.

A read-only project is never trained: the model could not be stored in it (every
transaction is refused), and a child started anyway would fail after a second of work. Its
stored model, if any, is still used for suggestions.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal
from PySide6.QtWidgets import QLabel

import desktop
from desktop import settings
from desktop.children import hamish_command
from desktop.core.models import ChangeSet
from desktop.ui.commands.session import ProjectSession
from desktop.ui.shell.api import WindowApi


class ModelTrainer(QObject):
    trained = Signal()  # a new model is in the project

    IDLE_MS = 4000  # after the last tag or decision, before asking whether to train

    def __init__(self, api: WindowApi) -> None:
        super().__init__(api)
        self.api = api
        self.session: ProjectSession | None = None
        self.process: QProcess | None = None
        self.enabled = True
        self.failure_told = False  # a failed run is said once a session, not after each edit
        self.indicator: QLabel | None = None  # made at the first run, kept in the status bar
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.IDLE_MS)
        self._timer.timeout.connect(self.check)
        api.session_attached.connect(self.attach)
        api.session_detaching.connect(self.detach)
        api.closing.connect(self.detach)
        if api.has_session:
            self.attach(api.session)

    @property
    def busy(self) -> bool:
        return self.process is not None

    def attach(self, session: ProjectSession) -> None:
        self.session = session
        self.failure_told = False
        session.changed.connect(self._changed)
        self._timer.start()  # a project opened with tags but no model yet

    def detach(self) -> None:
        """The project is closing: a training run is stopped (the model is derived data, the
        next session trains again; the run writes only in its last moment, in one
        transaction, so stopping it loses nothing)."""
        self._timer.stop()
        self.session = None
        self._show_indicator(False)
        process, self.process = self.process, None
        if process is not None:
            process.finished.disconnect()
            process.kill()
            process.waitForFinished(2000)
            process.deleteLater()

    def _changed(self, changes: ChangeSet) -> None:
        if (
            changes.annotations_added
            or changes.annotations_removed
            or changes.annotations_changed
            or changes.documents_changed
            or changes.labels_changed
        ):
            self._timer.start()

    def check(self) -> bool:
        """Train now if enough has changed since the last model; True when a run started."""
        session = self.session
        if not self.enabled or session is None or self.process is not None:
            return False
        from desktop.learn import tagger

        try:
            if tagger.damage_notice(session.project) is not None:
                self.api.show_status(
                    self.tr("The project's suggestion model was damaged and will be retrained."),
                    10000,
                )
        except Exception:  # a busy or damaged file: the edits and the next check go on
            pass
        if session.project.read_only:
            return False
        every = max(1, self.api.prefs.get(settings.RETRAIN_AFTER))
        try:
            if not tagger.should_retrain(session.project, every=every):
                return False
        except Exception:  # a busy or damaged file: try again after the next edit
            return False
        return self.start()

    def start(self) -> bool:
        session = self.session
        if session is None or self.process is not None or session.project.read_only:
            return False
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        # The child imports this very copy of Hamish, wherever the window was started from.
        here = str(Path(desktop.__file__).resolve().parent.parent)
        path = environment.value("PYTHONPATH")
        environment.insert("PYTHONPATH", here + (os.pathsep + path if path else ""))
        process.setProcessEnvironment(environment)
        # ``python -m desktop suggest …``, or the standalone build's own executable.
        program, *arguments = hamish_command(
            ["suggest", "--train", "--json", "--project", str(session.project.path)]
        )
        process.setProgram(program)
        process.setArguments(arguments)
        process.finished.connect(lambda code, _status: self._finished(process, code))
        self.process = process
        process.start()
        self._show_indicator(True)
        return True

    def _show_indicator(self, running: bool) -> None:
        if self.indicator is None:
            if not running:
                return
            self.indicator = QLabel(self.tr("Learning from your tags…"))
            self.indicator.setObjectName("training_indicator")
            self.indicator.setToolTip(
                self.tr(
                    "Suggestions are learning from your tags and decisions in the background; "
                    "you can keep working"
                )
            )
            self.indicator.setEnabled(False)  # muted, as the other status notes
            # The status bar deletes it with the window, before the closing window stops
            # the run (``detach``): forgotten then, not touched.
            self.indicator.destroyed.connect(self._forget_indicator)
            self.api.add_status_widget(self.indicator)
        self.indicator.setVisible(running)

    def _forget_indicator(self) -> None:
        self.indicator = None

    def learnt_message(self, report: dict[str, object]) -> str:
        """What a run learnt from, in words: the names and articles of the entity model, or
        the claims of the claim classifier when only it was trained."""
        tags = report.get("tags")
        names = sum(v for v in tags.values() if isinstance(v, int)) if isinstance(tags, dict) else 0
        articles = report.get("articles")
        if report.get("generation") and names:
            return self.tr("Suggestions learnt from {names} in {articles}.").format(
                names=self.tr("%n name(s)", "", names),
                articles=self.tr("%n article(s)", "", articles if isinstance(articles, int) else 0),
            )
        claims = report.get("claims")
        positives = claims.get("positives") if isinstance(claims, dict) else None
        if isinstance(positives, int) and positives:
            return self.tr("Claim suggestions learnt from %n claim(s).", "", positives)
        return self.tr("Suggestions have learnt from your latest tags.")

    def _finished(self, process: QProcess, code: int) -> None:
        if process is not self.process:
            return
        self.process = None
        self._show_indicator(False)
        output = bytes(process.readAllStandardOutput().data()).decode("utf-8", "replace")
        errors = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        process.deleteLater()
        try:
            report = json.loads(output) if output.strip() else {}
        except ValueError:
            report = {}
        if code != 0 and not report and not self.failure_told:
            # No report at all: the run failed, and fails again at each try (a label key
            # the learning library could not read back kept it from ever learning, unsaid).
            # A run with nothing to learn from reports why, and is no failure.
            self.failure_told = True
            said = [line.strip() for line in errors.splitlines() if line.strip()]
            reason = said[-1][:200] if said else f"exit {code}"
            self.api.show_status(
                self.tr("Suggestions could not learn from your tags: {reason}").format(
                    reason=reason
                ),
                15000,
            )
        claims = report.get("claims")
        learnt_claims = isinstance(claims, dict) and bool(claims.get("generation"))
        if code != 0 or not (report.get("generation") or learnt_claims):
            return  # nothing learnt (no tags yet); the next edits try again
        self.api.show_status(self.learnt_message(report), 8000)
        self.trained.emit()
