"""How the window tells the analyst something went wrong. Injected, so tests can record the
messages instead of blocking on a modal dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from desktop.ui.widgets.bidi import in_interface_direction

if TYPE_CHECKING:  # QMessageBox brings many enums: loaded when a message is shown
    from PySide6.QtWidgets import QInputDialog, QMessageBox


class Messenger(Protocol):
    def error(self, title: str, text: str, details: str = "") -> None: ...

    def info(self, title: str, text: str, details: str = "") -> None: ...

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask before something the analyst may not mean; ``action`` names the button that
        goes ahead (Cancel is the default)."""
        ...

    def ask_text(self, title: str, text: str, value: str) -> str | None:
        """Ask for one line of text, ``value`` pre-filled; None when cancelled."""
        ...


class DialogMessenger:
    """Modal message boxes parented to the main window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def _show(self, icon: QMessageBox.Icon, title: str, text: str, details: str) -> None:
        message_box(icon, title, text, details, self.parent).exec()

    def error(self, title: str, text: str, details: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui.errors import error_text

        self._show(QMessageBox.Icon.Critical, title, error_text(text), details)

    def info(self, title: str, text: str, details: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        self._show(QMessageBox.Icon.Information, title, text, details)

    def confirm(self, title: str, text: str, action: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(
            QMessageBox.Icon.Question, title, in_interface_direction(text), parent=self.parent
        )
        go = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.exec()
        return box.clickedButton() is go

    def ask_text(self, title: str, text: str, value: str) -> str | None:
        from PySide6.QtWidgets import QDialog

        dialog = text_dialog(self.parent, title, text, value)
        try:
            ok = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.textValue() if ok else None
        finally:
            dialog.deleteLater()


def message_box(
    icon: QMessageBox.Icon, title: str, text: str, details: str = "", parent: QWidget | None = None
) -> QMessageBox:
    """A message with an OK button, built but not shown; its text in the interface's
    direction whatever it begins with (``in_interface_direction``)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        icon, title, in_interface_direction(text), QMessageBox.StandardButton.Ok, parent
    )
    if details:
        box.setDetailedText(details)
    return box


def text_dialog(parent: QWidget | None, title: str, text: str, value: str) -> QInputDialog:
    """The one-line question of ``ask_text`` (File → Your Name), built but not shown: the
    Arabic walk checks it without its modal loop."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(in_interface_direction(text))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(value)
    return dialog
