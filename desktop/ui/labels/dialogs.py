"""The label dialogs: the list of labels (Tag → Manage Labels), the editor of one label, and
the question of where a removed label's annotations go."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.models import Label
from desktop.core.values import label_problem
from desktop.ui.i18n import QT_TRANSLATE_NOOP, label_name, label_title
from desktop.ui.widgets.bidi import follow_content, isolate
from desktop.ui.widgets.icons import icon
from desktop.ui.widgets.native import qt_dialog_wanted

KINDS = {
    "entity": QT_TRANSLATE_NOOP("LabelEditor", "Entity (background)"),
    "span": QT_TRANSLATE_NOOP("LabelEditor", "Span (background)"),
    "claim": QT_TRANSLATE_NOOP("LabelEditor", "Claim (underline)"),
    "note": QT_TRANSLATE_NOOP("LabelEditor", "Note (dotted underline)"),
}


class LabelEditor(QDialog):
    """Name (English and Arabic), colour, shortcut digit and, for a new label, its kind."""

    def __init__(
        self, label: Label | None, used_shortcuts: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Label") if label else self.tr("New Label"))
        form = QFormLayout(self)
        self.name_en = QLineEdit(label.name_en if label else "", self)
        self.name_ar = QLineEdit(label.name_ar if label else "", self)
        follow_content(self.name_en)
        follow_content(self.name_ar, neutral=Qt.LayoutDirection.RightToLeft)
        self.color = QColor(label.color if label else "#9b8ec7")
        self.color_button = QPushButton(self)
        self.color_button.clicked.connect(self._choose_color)
        self._paint_color()
        self.shortcut = QComboBox(self)
        self.shortcut.addItem(self.tr("None"), "")
        for digit in "123456789":
            owner = used_shortcuts.get(digit)
            text = (
                digit
                if not owner or (label and label.shortcut == digit)
                else self.tr("{digit} (now {label})").format(digit=digit, label=owner)
            )
            self.shortcut.addItem(text, digit)
        if label and label.shortcut:
            self.shortcut.setCurrentIndex(self.shortcut.findData(label.shortcut))
        self.kind = QComboBox(self)
        for key, text in KINDS.items():
            self.kind.addItem(self.tr(text), key)
        if label:
            self.kind.setCurrentIndex(self.kind.findData(label.kind))
            self.kind.setEnabled(False)  # changing kind would change what existing tags mean
        form.addRow(self.tr("English name"), self.name_en)
        form.addRow(self.tr("Arabic name"), self.name_ar)
        form.addRow(self.tr("Colour"), self.color_button)
        form.addRow(self.tr("Shortcut key"), self.shortcut)
        form.addRow(self.tr("Kind"), self.kind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b5462f;")
        form.addRow(self.error)
        form.addRow(buttons)

    def _paint_color(self) -> None:
        self.color_button.setText(self.color.name())
        ink = "black" if self.color.lightness() > 120 else "white"
        self.color_button.setStyleSheet(f"background: {self.color.name()}; color: {ink};")

    def _choose_color(self) -> None:
        title = self.tr("Label colour")
        if qt_dialog_wanted(self):  # GTK's chooser stayed white over the dark theme
            option = QColorDialog.ColorDialogOption.DontUseNativeDialog
            chosen = QColorDialog.getColor(self.color, self, title, option)
        else:
            chosen = QColorDialog.getColor(self.color, self, title)
        if chosen.isValid():
            self.color = chosen
            self._paint_color()

    def _accept(self) -> None:
        if not (self.name_en.text().strip() or self.name_ar.text().strip()):
            self.error.setText(self.tr("Give the label a name."))
            return
        problem = label_problem(self.values())
        if problem is not None:  # what the edit would refuse, said while the dialog is open
            from desktop.ui.errors import error_text  # its table is not needed to start

            self.error.setText(error_text(problem))
            return
        self.accept()

    def values(self) -> dict[str, str]:
        return {
            "name_en": self.name_en.text().strip(),
            "name_ar": self.name_ar.text().strip(),
            "color": self.color.name(),
            "shortcut": str(self.shortcut.currentData()),
        }


class RemoveLabelDialog(QDialog):
    """Asks what becomes of a label's annotations before it is removed."""

    def __init__(
        self, label: Label, usage: int, others: list[Label], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove label {name}").format(name=isolate(label_name(label))))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("“{name}” is used by %n annotation(s).", "", usage).format(
                    name=isolate(label_name(label))
                ),
                self,
            )
        )
        self.move_radio = QRadioButton(self.tr("Move them to"), self)
        self.delete_radio = QRadioButton(self.tr("Delete them"), self)
        group = QButtonGroup(self)
        group.addButton(self.move_radio)
        group.addButton(self.delete_radio)
        self.target = QComboBox(self)
        for other in others:
            self.target.addItem(icon(other.icon, other.color), label_name(other), other.id)
        row = QHBoxLayout()
        row.addWidget(self.move_radio)
        row.addWidget(self.target, 1)
        layout.addLayout(row)
        layout.addWidget(self.delete_radio)
        self.move_radio.setChecked(bool(others))
        self.move_radio.setEnabled(bool(others))
        self.target.setEnabled(bool(others))
        self.delete_radio.setChecked(not others)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Remove Label"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def reassign_to(self) -> int | None:
        return int(self.target.currentData()) if self.move_radio.isChecked() else None


class LabelManager(QDialog):
    """Lists labels; add, edit and remove are undoable operations run by ``manager.py``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Labels"))
        self.resize(420, 380)
        layout = QHBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("label_list")
        layout.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(icon("mdi6.plus"), self.tr("Add…"), self)
        self.edit_button = QPushButton(icon("mdi6.pencil-outline"), self.tr("Edit…"), self)
        self.remove_button = QPushButton(icon("mdi6.delete-outline"), self.tr("Remove…"), self)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_button.click())

    def show_labels(self, labels: list[Label], usage: dict[int, int]) -> None:
        current = self.current_id()
        self.list.clear()
        for label in labels:
            key = f"  [{label.shortcut}]" if label.shortcut else ""
            item = QListWidgetItem(
                icon(label.icon, label.color),
                f"{label_title(label)}{key}   ({usage.get(label.id, 0)})",
            )
            item.setData(Qt.ItemDataRole.UserRole, label.id)
            self.list.addItem(item)
            if label.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(0)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))
