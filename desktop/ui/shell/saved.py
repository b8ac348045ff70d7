"""The status bar's mark that every edit is saved: a check and the time of the last write.

There is no Save command: every edit is one transaction in the project file, committed before
the session announces it (``ProjectSession.changed``). The mark says so, so an analyst used to
Ctrl+S need not wonder.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.core.models import ChangeSet
from desktop.ui.commands.session import ProjectSession
from desktop.ui.shell.api import WindowApi
from desktop.ui.widgets.icons import icon


class SavedMark(QWidget):
    """A permanent status-bar widget: "✓ Saved" at first, "✓ Saved 14:32" after an edit."""

    def __init__(
        self,
        api: WindowApi,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or api.widget)
        self.setObjectName("status_saved")
        self._now = now
        self.icon = QLabel(self)
        self.icon.setPixmap(icon("mdi6.check-circle-outline", "#2a9d8f").pixmap(QSize(14, 14)))
        self.text = QLabel(self)
        self.text.setObjectName("status_saved_text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        layout.addWidget(self.icon)
        layout.addWidget(self.text)
        self.saved_at: datetime | None = None
        api.session_attached.connect(self._attach)
        if api.has_session:
            self._attach(api.session)
        else:
            self._show()

    def _attach(self, session: ProjectSession) -> None:
        self.saved_at = None
        session.changed.connect(self._saved)
        self._show()

    def _saved(self, _changes: ChangeSet) -> None:
        self.saved_at = self._now()
        self._show()

    def _show(self) -> None:
        if self.saved_at is None:
            self.text.setText(self.tr("Saved"))
            tip = self.tr("Everything is saved: every edit is written to the project file at once.")
        else:
            time = self.saved_at.strftime("%H:%M")
            self.text.setText(self.tr("Saved {time}").format(time=time))
            tip = self.tr(
                "Every edit is written to the project file at once; the last one at {time}. "
                "There is nothing to save."
            ).format(time=self.saved_at.strftime("%H:%M:%S"))
        self.setToolTip(tip)
