"""Tag → Manage Labels: the dialog flow for adding, editing and removing labels. Every change
is one operation of ``desktop.ops.labels``, undoable on the project's stack."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from desktop.ops import labels as ops
from desktop.ui.commands.session import ProjectSession
from desktop.ui.i18n import label_name
from desktop.ui.labels.dialogs import LabelEditor, LabelManager, RemoveLabelDialog
from desktop.ui.shell.api import WindowApi


def _LABELS() -> str:
    return QCoreApplication.translate("ManageLabels", "Labels")


def shortcut_owners(session: ProjectSession) -> dict[str, str]:
    return {label.shortcut: label_name(label) for label in session.labels if label.shortcut}


def manage_labels(api: WindowApi) -> None:
    session = api.session
    labels = session.project.labels
    dialog = LabelManager(api.widget)

    def refresh() -> None:
        usage = {label.id: labels.usage(label.id) for label in session.labels}
        dialog.show_labels(session.labels, usage)

    def add() -> None:
        editor = LabelEditor(None, shortcut_owners(session), dialog)
        if editor.exec() == QDialog.DialogCode.Accepted:
            values, kind = editor.values(), str(editor.kind.currentData())
            api.run(_LABELS(), partial(ops.add_label, fields={**values, "kind": kind}))
            refresh()

    def edit() -> None:
        current = dialog.current_id()
        label = session.label(current) if current is not None else None
        if label is None:
            return
        editor = LabelEditor(label, shortcut_owners(session), dialog)
        if editor.exec() == QDialog.DialogCode.Accepted:
            values = editor.values()
            api.run(_LABELS(), partial(ops.edit_label, label_id=label.id, fields=values))
            refresh()

    def remove() -> None:
        current = dialog.current_id()
        label = session.label(current) if current is not None else None
        if label is None:
            return
        usage = labels.usage(label.id)
        reassign: int | None = None
        if usage:
            others = [other for other in session.labels if other.id != label.id]
            ask = RemoveLabelDialog(label, usage, others, dialog)
            if ask.exec() != QDialog.DialogCode.Accepted:
                return
            reassign = ask.reassign_to()
        api.run(
            _LABELS(),
            partial(ops.remove_label, label_id=label.id, reassign_to=reassign),
        )
        refresh()

    dialog.add_button.clicked.connect(add)
    dialog.edit_button.clicked.connect(edit)
    dialog.remove_button.clicked.connect(remove)
    refresh()
    dialog.exec()
