"""File → Recent Projects: the last projects opened, most recent first, in the settings.

A project file that is gone (moved, deleted, on an unplugged disk) stays listed but disabled,
so a disk plugged in again brings it back; Clear Menu forgets them all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop import settings
from desktop.ops.outcome import short
from desktop.settings import Settings

MAX_RECENT = 8


class RecentProjects(QObject):
    """Keeps the list in ``settings.RECENT_PROJECTS`` and fills ``menu`` before it shows."""

    def __init__(
        self,
        prefs: Settings,
        menu: QMenu,
        clear_action: QAction,
        open_project: Callable[[Path], object],
    ) -> None:
        super().__init__(menu)
        self.prefs = prefs
        self.menu = menu
        self.clear_action = clear_action
        self._open = open_project
        self.current: Path | None = None
        menu.aboutToShow.connect(self.fill)
        clear_action.triggered.connect(self.clear)
        self.fill()

    def paths(self) -> list[Path]:
        lines = self.prefs.get(settings.RECENT_PROJECTS).splitlines()
        # One more than shown: the open project is kept in the list but not offered.
        return [Path(line) for line in lines if line.strip()][: MAX_RECENT + 1]

    def _store(self, paths: list[Path]) -> None:
        self.prefs.set(settings.RECENT_PROJECTS, "\n".join(str(p) for p in paths[: MAX_RECENT + 1]))

    def add(self, path: Path) -> None:
        """A project was opened: first in the list, once."""
        path = path.resolve()
        self.current = path
        self._store([path, *(p for p in self.paths() if p != path)])
        self.fill()

    def clear(self) -> None:
        self._store([])
        self.fill()

    def fill(self) -> None:
        menu = self.menu
        for action in menu.actions():
            if action is not self.clear_action:
                menu.removeAction(action)
                if action.parent() is menu:
                    action.deleteLater()
        shown = [p for p in self.paths() if p != self.current][:MAX_RECENT]
        first = self.clear_action
        for number, path in enumerate(shown, 1):
            mnemonic = f"&{number} " if number < 10 else ""
            # "&" in a file name is not a mnemonic; a very long name is cut at its end.
            name = short(path.stem, 60).replace("&", "&&")
            action = QAction(f"{mnemonic}{name}", menu)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setData(str(path))
            if not path.exists():
                action.setEnabled(False)
                action.setText(self.tr("{name} (missing)").format(name=f"{mnemonic}{name}"))
            action.triggered.connect(lambda _checked=False, p=path: self._open(p))
            menu.insertAction(first, action)
        if shown:
            menu.insertSeparator(first)
        else:
            empty = QAction(self.tr("No Recent Projects"), menu)
            empty.setEnabled(False)
            menu.insertAction(first, empty)
        self.clear_action.setEnabled(bool(self.paths()))
        menu.setToolTipsVisible(True)
