"""Help → About Hamish: the version, Hamish's licence (MIT), the LGPL notice of Qt and PySide6,
and every third-party library's licence (collected by :mod:`desktop.licences` from the
installed packages, the wheel install's or the standalone build's alike)."""

from __future__ import annotations

import platform
from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__, licences
from desktop.resources import read_text
from desktop.ui.widgets.bidi import isolate_path, link_html
from desktop.ui.widgets.fit import fit_to_screen

# Shipped with Hamish (resources/licences/): Qt's wheels carry no licence file of their own.
LICENCE_FILES = ("MIT.txt", "LGPL-3.0.txt", "GPL-3.0.txt")


def licence_document() -> str:
    """What the third-party tab shows: each library's licence, then the texts."""
    libraries = licences.third_party()
    parts = [licences.report(libraries)]
    for name in LICENCE_FILES[1:]:
        parts += ["=" * 78, name.removesuffix(".txt"), "=" * 78, read_text(f"licences/{name}")]
    return "\n".join(parts)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Hamish"))
        fit_to_screen(self, 720, 560)
        self.summary = QLabel(
            # Its own message: in Arabic the line starts with هامش, so it reads right to left
            # like the rest of the dialog (a first word "Hamish" laid it out left to right).
            self.tr("Hamish (هامش) %1").replace("%1", isolate_path(__version__))
            + "\n\n"
            + self.tr("Read, annotate and brief on Arabic news.")
            + "\n"
            + self.tr("Hamish is free software under the MIT licence.")
        )
        # Rich text, each piece of data isolated left to right in the sentence: a product with
        # its version ("Qt 6.11.3": the version isolated alone went before the name in Arabic),
        # and the addresses as links that are never broken across lines (a trial: in Arabic
        # "…/official_releases/" ended one line and "qt/" began the next).
        self.notice = QLabel(
            escape(
                self.tr(
                    "%1 and Qt for Python (%2) are used under the GNU Lesser General "
                    "Public License, version 3 (LGPL-3.0). They are shipped as separate shared "
                    "libraries, which you may replace with your own build. Their source code is "
                    "at %3 and %4."
                )
            )
            .replace("%1", isolate_path(f"Qt {qVersion()}"))
            .replace("%2", isolate_path(f"PySide6 {pyside_version}"))
            .replace("%3", link_html(licences.QT_SOURCE))
            .replace("%4", link_html(licences.PYSIDE_SOURCE))
            + "<br>"
            + escape(self.tr("%1 is used under the Python Software Foundation License.")).replace(
                "%1", isolate_path(f"Python {platform.python_version()}")
            )
        )
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.setOpenExternalLinks(True)
        for label in (self.summary, self.notice):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.summary)
        column.addWidget(self.notice)
        column.addStretch(1)
        # Licence texts are English legal documents: shown as they are, left to right.
        self.mit = self._text(read_text("licences/MIT.txt"))
        self.licences = self._text(licence_document())
        self.tabs = QTabWidget()
        self.tabs.addTab(page, self.tr("Hamish"))
        self.tabs.addTab(self.mit, self.tr("Licence"))
        self.tabs.addTab(self.licences, self.tr("Third-party licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    @staticmethod
    def _text(text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text)
        view.setReadOnly(True)
        view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        return view
