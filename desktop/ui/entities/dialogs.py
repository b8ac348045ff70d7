"""Entity page (details, aliases and every mention in context), the link-to-entity picker and
the merge picker."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.controls import visible
from desktop.core.models import ENTITY_TYPES
from desktop.core.records import Entity
from desktop.core.values import entity_problem
from desktop.store.project import Project
from desktop.ui.entities.panel import type_icon
from desktop.ui.i18n import term
from desktop.ui.widgets.bidi import follow_content, html_dir, isolate
from desktop.ui.widgets.fit import fit_to_screen
from desktop.ui.widgets.html_delegate import HTML_ROLE, HtmlDelegate
from desktop.ui.widgets.plain_text import PlainTextField

KWIC = 48  # characters of context on each side of a mention
ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1
MENTION_ROLE = Qt.ItemDataRole.UserRole + 2


def kwic_html(text: str, start: int, end: int, width: int = KWIC) -> str:
    """A keyword-in-context line: the mention in bold with the words around it."""
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    # Qt ignores dir on a span and lays the line out by its first strong character, which in
    # a clipped context may be a stray Latin word: a mark of the mention's own direction
    # leads instead (RLM or LRM; none for a mention without letters).
    mark = {"rtl": "\u200f", "ltr": "\u200e"}.get(html_dir(text[start:end]), "")
    return (
        f"<span>{mark}…{escape(left)}"
        f"<b style='background:#fde7c4'>{escape(text[start:end])}</b>"
        f"{escape(right)}…</span>"
    )


class EntityPage(QDialog):
    """Details to edit, and every mention across the corpus; a double-click opens it."""

    mention_opened = Signal(int, int, int)  # document id, start, end

    def __init__(self, project: Project, entity: Entity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Entity — {name}").format(name=isolate(entity.name)))
        fit_to_screen(self, 760, 620)
        self.entity = entity
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(entity.name, self)
        self.name.setObjectName("entity_name")
        self.type_box = QComboBox(self)
        for type_ in ENTITY_TYPES:
            self.type_box.addItem(type_icon(type_), term(type_), type_)
        self.type_box.setCurrentIndex(self.type_box.findData(entity.type))
        self.aliases = PlainTextField(
            "\n".join(a for a in entity.aliases if a != entity.name), self
        )
        self.aliases.setPlaceholderText(
            self.tr("One alias per line: Arabic spellings, Latin names…")
        )
        self.aliases.setMaximumHeight(90)
        self.description = QLineEdit(entity.description, self)
        self.notes = PlainTextField(entity.notes, self)
        self.notes.setMaximumHeight(70)
        follow_content(self.name, self.description)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Type"), self.type_box)
        form.addRow(self.tr("Aliases"), self.aliases)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("entity_error")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.name.textEdited.connect(lambda _text: self.error.hide())
        mentions = project.entities.mentions(entity.id)
        documents = len({m[1] for m in mentions})
        layout.addWidget(
            QLabel(
                self.tr("%n mention(s)", "", len(mentions))
                + " · "
                + self.tr("%n article(s)", "", documents),
                self,
            )
        )
        self.list = QTreeWidget(self)
        self.list.setObjectName("entity_mentions")
        self.list.setHeaderLabels([self.tr("Article"), self.tr("Mention in context")])
        self.list.setRootIsDecorated(False)
        self.list.setItemDelegateForColumn(1, HtmlDelegate(self.list))
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        texts: dict[int, str] = {}
        for _annotation_id, doc_id, start, end, title in mentions:
            if doc_id not in texts:
                texts[doc_id] = project.documents.get(doc_id).text
            item = QTreeWidgetItem([title, ""])
            item.setData(1, HTML_ROLE, kwic_html(texts[doc_id], start, end))
            item.setData(0, MENTION_ROLE, (doc_id, start, end))
            item.setToolTip(0, title)
            self.list.addTopLevelItem(item)
        self.list.setColumnWidth(0, 220)
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        doc_id, start, end = item.data(0, MENTION_ROLE)
        self.mention_opened.emit(doc_id, start, end)

    def accept(self) -> None:
        """Save only what can be saved: without a name the page stays open with the reason
        (the edit command would refuse it, and every other change would be lost)."""
        if not self.name.text().split() or not visible(self.name.text()):
            self.error.setText(
                self.tr("An entity needs a name.")
                if not self.name.text().split()
                else self.tr(
                    "An entity's name cannot be only invisible characters (spaces, direction "
                    "marks, joiners)."
                )
            )
            self.error.show()
            self.name.setFocus()
            return
        problem = entity_problem(*self.changes())
        if problem is not None:  # what the edit would refuse, said while the page is open
            from desktop.ui.errors import error_text  # its table is not needed to start

            self.error.setText(error_text(problem))
            self.error.show()
            return
        super().accept()

    def changes(self) -> tuple[dict[str, str], tuple[str, ...]]:
        fields = {
            "name": self.name.text().strip(),
            "type": str(self.type_box.currentData()),
            "description": self.description.text().strip(),
            "notes": self.notes.toPlainText().strip(),
        }
        aliases = tuple(
            line.strip() for line in self.aliases.toPlainText().splitlines() if line.strip()
        )
        return fields, aliases


class _QueryField(QLineEdit):
    """The picker's query: its prefilled name (the current claimant, a mention's quote) is
    selected whenever the field gets focus other than by a click, so typing replaces it —
    Qt selects a line edit's text only on Tab focus, and the dialog opening gives focus
    another way, so typing used to append to the name."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            self.selectAll()


PICKER_ROWS = 200
"""The entities an empty picker lists (most mentioned first)."""


def guess_type(name: str) -> str | None:
    """A place, an organisation or a well-known person the gazetteer knows by this whole
    name; a person for a name of two words or more that a given name begins (فلاديمير بوتين,
    made from a claim's subject, was "Other" to a trial while the article suggested it as a
    person); else None."""
    from desktop.core.arabic import fold
    from desktop.resources import gazetteer, given_names

    words = " ".join(name.split())
    if not words:
        return None
    for match in gazetteer().find(words):
        if match.kind == "name" and match.start == 0 and match.end == len(words):
            return match.label_key
    parts = words.split(" ")
    if len(parts) >= 2 and fold(parts[0]) in given_names():
        return "person"
    return None


class EntityPicker(QDialog):
    """Type to find an entity (folded names and aliases, best match first), or create one."""

    def __init__(
        self,
        project: Project,
        initial: str,
        type_: str | None,
        title: str = "",
        allow_new: bool = True,
        exclude: int | None = None,
        parent: QWidget | None = None,
        new_type: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Link to Entity"))
        self.resize(460, 380)
        self.project = project
        self.type_ = type_
        self.exclude = exclude
        self.allow_new = allow_new
        layout = QVBoxLayout(self)
        self.query = _QueryField(initial, self)
        self.query.setObjectName("entity_query")
        self.query.setPlaceholderText(self.tr("Name or alias…"))
        self.query.setClearButtonEnabled(True)
        follow_content(self.query)
        layout.addWidget(self.query)
        self.results = QListWidget(self)
        self.results.setObjectName("entity_results")
        layout.addWidget(self.results, 1)
        # A new entity's type, asked where it is made: «سوريا» made from the claim's subject
        # picker became "Other" without a word (found by a trial). Guessed from the
        # gazetteer (a place or an organisation it knows), else the picker's own type.
        self.new_type = QComboBox(self)
        self.new_type.setObjectName("entity_new_type")
        for value in ENTITY_TYPES:
            self.new_type.addItem(type_icon(value), term(value), value)
        self.new_type_label = QLabel(self.tr("Type of the new entity:"), self)
        self.new_type_label.setBuddy(self.new_type)
        row = QHBoxLayout()
        row.addWidget(self.new_type_label)
        row.addWidget(self.new_type, 1)
        layout.addLayout(row)
        self.default_type = new_type or type_ or "other"
        self._typed = False  # the analyst chose a type: kept while typing on
        self.new_type.activated.connect(lambda _i: setattr(self, "_typed", True))
        self.results.currentItemChanged.connect(lambda *_: self._show_new_type())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.query.textChanged.connect(self._search)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        self.query.returnPressed.connect(self.accept)
        self._search(initial)

    def _search(self, text: str) -> None:
        self.results.clear()
        if text.strip():
            found = [
                (e.id, e.name, e.type, e.aliases)
                for e in self.project.entities.lookup(text, type_=self.type_)
            ]
        else:
            # Nothing typed: the project's entities, most mentioned first (the list was
            # empty until a letter was typed, and a trial user thought there were none).
            found = [
                (e.id, e.name, e.type, e.aliases)
                for e in self.project.entities.summaries(type_=self.type_)[:PICKER_ROWS]
            ]
        for entity_id, name, type_, all_aliases in found:
            if entity_id == self.exclude:
                continue
            aliases = ", ".join(a for a in all_aliases if a != name)[:60]
            item = QListWidgetItem(type_icon(type_), f"{name}   {aliases}")
            item.setData(ENTITY_ROLE, entity_id)
            self.results.addItem(item)
        if self.allow_new and text.strip():
            item = QListWidgetItem(
                type_icon(self.type_ or "other"),
                self.tr("New entity “{name}”").format(name=isolate(text.strip())),
            )
            item.setData(ENTITY_ROLE, None)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        if not self._typed:
            guess = guess_type(text) or self.default_type
            self.new_type.setCurrentIndex(max(0, self.new_type.findData(guess)))
        self._show_new_type()

    def _show_new_type(self) -> None:
        """The type asked only with the new entity's row chosen."""
        item = self.results.currentItem()
        new = self.allow_new and item is not None and item.data(ENTITY_ROLE) is None
        self.new_type.setVisible(new)
        self.new_type_label.setVisible(new)

    def chosen_type(self) -> str:
        """The type for a new entity (see ``choice``)."""
        return str(self.new_type.currentData())

    def choice(self) -> tuple[int | None, str]:
        """(entity id, or None for a new entity named by the query; the query text)."""
        item = self.results.currentItem()
        return (None if item is None else item.data(ENTITY_ROLE)), self.query.text().strip()
