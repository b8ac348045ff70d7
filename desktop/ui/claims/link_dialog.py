"""Choosing the other claim of a supports / contradicts / repeats link."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ops.outcome import short
from desktop.store.claims import LINK_KINDS
from desktop.store.project import Project
from desktop.ui.i18n import term
from desktop.ui.widgets.bidi import follow_content
from desktop.ui.widgets.rows import ID_ROLE


class ClaimLinkDialog(QDialog):
    """Choose another claim (any article) and how this one relates to it."""

    def __init__(
        self,
        project: Project,
        claim_id: int,
        parent: QWidget | None = None,
        open_both: Callable[[int, int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.claim_id = claim_id
        self.setWindowTitle(self.tr("Link Claims"))
        self.resize(620, 420)
        layout = QVBoxLayout(self)
        self.kind = QComboBox(self)
        for kind in LINK_KINDS:
            self.kind.addItem(self.tr("This claim {kind}").format(kind=term(kind)), kind)
        layout.addWidget(self.kind)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter claims…"))
        follow_content(self.filter)
        layout.addWidget(self.filter)
        self.list = QListWidget(self)
        self.list.setObjectName("link_targets")
        for row in project.claims.rows():
            if row.claim.id == claim_id:
                continue
            source = f"{row.claimant or '?'} · {short(row.document_title, 30)}"
            item = QListWidgetItem(f"{short(row.claim.summary or row.quote, 80)}  —  {source}")
            item.setData(ID_ROLE, row.claim.id)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        self.filter.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if open_both is not None:  # compare the two passages before linking them
            beside = buttons.addButton(
                self.tr("Open Both Side by Side"), QDialogButtonBox.ButtonRole.ActionRole
            )
            beside.setObjectName("link_beside")
            beside.clicked.connect(lambda: self._open_both(open_both))
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _filter(self, text: str) -> None:
        from desktop.core.arabic import fold

        needle = fold(text)
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(needle) and needle not in fold(item.text()))

    def _open_both(self, open_both: Callable[[int, int], None]) -> None:
        chosen = self.choice()
        if chosen is not None:
            open_both(self.claim_id, chosen[0])

    def choice(self) -> tuple[int, str] | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return int(item.data(ID_ROLE)), str(self.kind.currentData())
