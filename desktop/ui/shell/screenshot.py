"""Renders the main window to an image, offscreen, for ``hamish screenshot``.

The window is built in the same order as a real launch: shown first, then finished once the
event loop has run (``MainWindow(deferred=True)`` + ``finish_setup``). Building everything
before ``show`` is not the same picture: Qt 6 gives the second tabified dock group a duplicate
tab bar when docks are tabified before the window is shown, and the stale copy was drawn under
the real one.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from desktop import settings
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.shell.mainwindow import MainWindow


class BuildWindow(Protocol):
    """``desktop.app.build_window``: passed in, since the ui layer does not import the app."""

    def __call__(
        self, project: Project, prefs: Settings, *, deferred: bool = False
    ) -> MainWindow: ...


SUGGESTION_WAIT = 5.0  # seconds at most for the background suggestions of the open article
REVIEW_WAIT = 60.0  # seconds at most for the Review Queue to look through the articles


def render_window(
    app: QApplication,
    build_window: BuildWindow,
    project: Project,
    settings_file: Path,
    size: tuple[int, int],
    document: int | None = None,
    *,
    theme: str = "light",
    review: bool = False,
    dock: str | None = None,
    docks: tuple[str, ...] = (),
    beside: int | None = None,
) -> QImage:
    """The window as the analyst would see it, with ``document`` open (else the first) and
    its suggestions drawn. ``settings_file`` should be a scratch file: a screenshot must not
    change the user's window layout. ``review``: with the Review Queue shown, once it has
    looked through the articles (for a minute at most). ``docks`` (or one ``dock``): docks to
    show as well, in this order (``timeline``: the Claim Timeline; ``network``: the Entity
    Network; ``claims``: the Claims table; ``claim``: the Claim editor) — several at once show
    whether each keeps its controls usable on a small window. ``beside``: that article in a
    second pane, side by side."""
    wanted = (*docks, dock) if dock is not None else docks
    prefs = Settings.at(settings_file)
    prefs.set(settings.THEME, theme)
    window = build_window(project, prefs, deferred=True)
    try:
        window.resize(*size)
        window.fit_docks()
        window.show()
        _settle(app)
        window.finish_setup()
        _settle(app)
        if document is not None:
            window.open_document(document)
        if beside is not None:
            window.beside.open(beside)
        if review:  # as View → Review Queue shows it: the keyboard on its first row
            window.show_review()
            deadline = time.monotonic() + REVIEW_WAIT
            while window.review.engine.busy and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)
        for name in wanted:
            if name == "timeline":
                window.show_timeline()
            elif name == "claims":
                window.show_claims_table()
            elif name == "claim":  # the open article's first claim (else the project's)
                rows = window.project.claims.rows()
                here = [r for r in rows if r.document_id == window.reader.document_id]
                if here or rows:
                    window.show_claim((here or rows)[0].claim.id)
                window.claim_editor.show()
                window.claim_editor.raise_()
            elif name == "network":  # the Entity Network, once laid out (issue 16)
                window.show_network()
                controller = window.network
                deadline = time.monotonic() + REVIEW_WAIT
                while controller is not None and controller.busy and time.monotonic() < deadline:
                    app.processEvents()
                    time.sleep(0.01)
            _settle(app)
        # Suggestions are computed in the background just after an article opens: wait (a few
        # seconds at most) so the picture shows what the analyst would see.
        done: list[bool] = []
        window.suggestions.ready.connect(lambda: done.append(True))
        window.suggestions.refresh()
        waiting = window.suggestions.enabled and window.reader.document_id is not None
        deadline = time.monotonic() + SUGGESTION_WAIT
        while waiting and not done and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        _settle(app)
        if window.network_dock is not None:
            # A resize scrolls the view, which draws light for a moment as during a zoom:
            # the picture shows the settled drawing the analyst sees a moment later.
            window.network_dock.view.end_gesture()
            _settle(app)
        return window.grab().toImage()
    finally:
        window.close()


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
