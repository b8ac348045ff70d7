"""File → Export → Figure…: the entity network or the claim timeline as a PNG (300 dpi, sized
like the briefing's figure) or an SVG file, from the window (issue 16).

The figure is drawn by the same builders the briefing uses (:mod:`.briefing`), on the GUI
thread; the file is written through the export's safe writing (:mod:`.export`): checked before
anything is drawn, whole or not at all. Which figure and where are asked through replaceable
callables, so tests run without dialogs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QInputDialog

from desktop.core.errors import HamishError
from desktop.settings import FOLDER_FIGURES
from desktop.ui.figures.briefing import FIGURES, figure_name, scene
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.api import WindowApi
from desktop.ui.transfer.save_paths import (
    ChoosePath,
    checked_target,
    choose_save_path,
    export_folder,
)
from desktop.ui.widgets.bidi import isolate_path
from desktop.ui.widgets.files import remember_folder

ChooseFigure = Callable[[list[str]], str | None]
"""(figure keys) -> the chosen key, or None when cancelled."""


class FigureExporter(QObject):
    def __init__(self, api: WindowApi) -> None:
        super().__init__(api)
        self.api = api
        self.choose_path: ChoosePath = choose_save_path
        self.choose_figure: ChooseFigure = self._ask_figure
        self.shown_figures: Callable[[], Mapping[str, object]] = dict
        """What the window's figure docks show (set by the window): a figure is drawn as
        its dock shows it — the network's filters, at the positions the window shows."""
        api.actions[ActionId.EXPORT_FIGURE].triggered.connect(lambda: self.export())

    def _ask_figure(self, keys: list[str]) -> str | None:
        names = [figure_name(key) for key in keys]
        name, ok = QInputDialog.getItem(
            self.api.widget, self.tr("Export Figure"), self.tr("Figure:"), names, 0, False
        )
        return keys[names.index(name)] if ok and name in names else None

    def export(self) -> Path | None:
        """Ask which figure and where, then write it; returns the file written."""
        api = self.api
        if not api.has_session:
            return None
        figure = self.choose_figure(list(FIGURES))
        if figure is None:
            return None
        project_path = api.project.path
        base = export_folder(api.prefs, project_path, FOLDER_FIGURES)
        title = self.tr("Export Figure")
        chosen = self.choose_path(
            api.widget,
            title,
            str(base / f"{project_path.stem}-{figure}.png"),
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if not chosen:
            return None
        suffix = ".svg" if chosen.lower().endswith(".svg") else ".png"
        checked = checked_target(chosen, suffix, project_path, api.messenger, title)
        if checked is None:
            api.show_status(self.tr("Nothing was exported."), 5000)
            return None
        target = checked.path
        from desktop.ui.figures.export import write_png, write_svg

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            drawn = scene(api.project, figure, shown=self.shown_figures())
            try:
                if suffix == ".svg":
                    write_svg(
                        drawn,
                        target,
                        title=figure_name(figure),
                        overwrite=checked.existed,
                        project_path=project_path,
                    )
                else:
                    write_png(drawn, target, overwrite=checked.existed, project_path=project_path)
            finally:
                drawn.deleteLater()
        except HamishError as error:
            api.messenger.error(title, str(error))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        remember_folder(api.prefs, FOLDER_FIGURES, target.parent)
        api.show_status(self.tr("Wrote {file}.").format(file=isolate_path(target.name)), 8000)
        return target
