"""The Claim dock: an editor for the claim under the cursor — claimant, subjects, summary,
stance, status, Admiralty grading, date and links to other claims.

Every field edit is one undoable edit, committed when the field is left (or at once for
lists), so the project file always equals the screen. The edits and pickers are injected by
the claims controller."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records import Claim
from desktop.core.values import partial_date_problem, typed_date
from desktop.ops.claims import EntityRef, Role
from desktop.ops.outcome import short
from desktop.store.claims import STANCES, STATUSES
from desktop.store.project import Project
from desktop.ui.i18n import QT_TRANSLATE_NOOP, link_term, term
from desktop.ui.widgets.bidi import follow_content
from desktop.ui.widgets.choices import FieldComboBox
from desktop.ui.widgets.flow import flow_bar
from desktop.ui.widgets.icons import icon

# Source reliability and information credibility (the Admiralty grading), translated at use
# (``grade_text``).
RELIABILITY = {
    "A": QT_TRANSLATE_NOOP("ClaimEditor", "A — completely reliable"),
    "B": QT_TRANSLATE_NOOP("ClaimEditor", "B — usually reliable"),
    "C": QT_TRANSLATE_NOOP("ClaimEditor", "C — fairly reliable"),
    "D": QT_TRANSLATE_NOOP("ClaimEditor", "D — not usually reliable"),
    "E": QT_TRANSLATE_NOOP("ClaimEditor", "E — unreliable"),
    "F": QT_TRANSLATE_NOOP("ClaimEditor", "F — reliability cannot be judged"),
}
CREDIBILITY = {
    1: QT_TRANSLATE_NOOP("ClaimEditor", "1 — confirmed"),
    2: QT_TRANSLATE_NOOP("ClaimEditor", "2 — probably true"),
    3: QT_TRANSLATE_NOOP("ClaimEditor", "3 — possibly true"),
    4: QT_TRANSLATE_NOOP("ClaimEditor", "4 — doubtful"),
    5: QT_TRANSLATE_NOOP("ClaimEditor", "5 — improbable"),
    6: QT_TRANSLATE_NOOP("ClaimEditor", "6 — truth cannot be judged"),
}


OTHER_CLAIM_ROLE = Qt.ItemDataRole.UserRole + 1
"""A link row's other claim (the row's own data is the link's id)."""


def grade_text(source: str) -> str:
    """A RELIABILITY or CREDIBILITY text in the interface language."""
    return QCoreApplication.translate("ClaimEditor", source)


STATUS_COLORS = {
    "unverified": "#6b777b",
    "corroborated": "#2f7d32",
    "contested": "#b7791f",
    "refuted": "#b5462f",
}


class ClaimEditor(QDockWidget):
    """Edits the claim of the current annotation. ``edit(claim_id, **fields)`` and the
    pickers are injected by the claims controller, which runs them as operations."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Claim"))
        self.setObjectName("claim_dock")
        self.project: Project | None = None
        self.claim: Claim | None = None
        self.edit: Callable[[int, dict[str, object]], None] = lambda claim_id, fields: None
        self.pick_entity: Callable[[Role, int | None], EntityRef | None] = lambda title, current: (
            None
        )
        self.pick_claim: Callable[[int], tuple[int, str] | None] = lambda claim_id: None
        self.link: Callable[[int, int, str], None] = lambda a, b, kind: None
        self.unlink: Callable[[int], None] = lambda link_id: None
        # Side by side (issue 16): this claim and a linked one, each at its passage.
        self.open_both: Callable[[int, int], None] = lambda claim_id, other: None
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(8, 6, 8, 8)
        self.empty = QLabel(
            self.tr("Place the cursor on a claim (underlined), or tag a passage as Claim (6)."),
            body,
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #7a868a;")
        outer.addWidget(self.empty)
        self.form_widget = QWidget(body)
        form = QFormLayout(self.form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.form = form
        self.passage = QLabel(self.form_widget)
        self.passage.setWordWrap(True)
        self.passage.setTextFormat(Qt.TextFormat.PlainText)
        # Not italic: Arabic has no italics, and the slanted face Qt asked for came from
        # another font, a third narrower (a trial read the quote as tiny). In the theme's text
        # colour: a fixed dark grey all but vanished on the dark theme (a trial).
        self.claimant = QPushButton(self.form_widget)
        self.claimant.setObjectName("claim_claimant")
        self.claimant.clicked.connect(self._choose_claimant)
        self.summary = QLineEdit(self.form_widget)
        self.summary.setObjectName("claim_summary")
        self.summary.setPlaceholderText(self.tr("One-line summary in your words"))
        follow_content(self.summary)
        self.summary.editingFinished.connect(
            lambda: self._set("summary", self.summary.text().strip())
        )
        self.stance = self._combo([(s, term(s)) for s in STANCES], "stance")
        self.status = self._combo([(s, term(s)) for s in STATUSES], "status")
        self.reliability = self._combo(
            [(None, "—"), *((k, grade_text(v)) for k, v in RELIABILITY.items())], "reliability"
        )
        self.credibility = self._combo(
            [(None, "—"), *((k, grade_text(v)) for k, v in CREDIBILITY.items())], "credibility"
        )
        self.date = QLineEdit(self.form_widget)
        self.date.setObjectName("claim_date")
        self.date.setPlaceholderText(self.tr("YYYY-MM-DD (when the claim was made)"))
        self.date.editingFinished.connect(self._set_date)
        self.subjects = QListWidget(self.form_widget)
        self.subjects.setObjectName("claim_subjects")
        self.subjects.setMaximumHeight(70)
        # The buttons under the lists wrap onto a second row on a narrow dock (at 1024 px
        # the third link button was cut off).
        subject_bar, subject_buttons = flow_bar(self.form_widget, "claim_subject_buttons")
        add_subject = QPushButton(icon("mdi6.plus"), self.tr("Add…"), self.form_widget)
        remove_subject = QPushButton(icon("mdi6.minus"), self.tr("Remove"), self.form_widget)
        add_subject.clicked.connect(self._add_subject)
        remove_subject.clicked.connect(self._remove_subject)
        subject_buttons.addWidget(add_subject)
        subject_buttons.addWidget(remove_subject)
        self.links = QListWidget(self.form_widget)
        self.links.setObjectName("claim_links")
        self.links.setMaximumHeight(80)
        # Rows are elided to the width (at the logical end, right for Arabic too) instead of
        # scrolling: a clipped right edge cut off the start of a right-to-left quote.
        self.links.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._link_rows: list[tuple[QListWidgetItem, str, str]] = []  # item, prefix, text
        self.links.viewport().installEventFilter(self)
        # The actions on the claim's links sit under the form, outside its scroll area: at a
        # small height "Side by Side" was scrolled out of sight (issue 16). They wrap onto a
        # second row on a narrow dock (at 1024 px the third was cut off).
        self.actions_bar, link_buttons = flow_bar(self, "claim_link_buttons")
        self.add_link_button = QPushButton(
            icon("mdi6.link-variant-plus"), self.tr("Link…"), self.actions_bar
        )
        self.add_link_button.setObjectName("claim_link_add")
        self.add_link_button.setToolTip(self.tr("Link this claim to another claim"))
        self.remove_link_button = QPushButton(
            icon("mdi6.link-variant-minus"), self.tr("Unlink"), self.actions_bar
        )
        self.remove_link_button.setObjectName("claim_link_remove")
        self.remove_link_button.setToolTip(self.tr("Remove the chosen link"))
        self.add_link_button.clicked.connect(self._add_link)
        self.remove_link_button.clicked.connect(self._remove_link)
        link_buttons.addWidget(self.add_link_button)
        link_buttons.addWidget(self.remove_link_button)
        self.beside_button = QPushButton(
            icon("mdi6.view-split-vertical"), self.tr("Side by Side"), self.actions_bar
        )
        self.beside_button.setObjectName("claim_link_beside")
        self.beside_button.setToolTip(
            self.tr("Open this claim and the chosen linked claim side by side")
        )
        self.beside_button.clicked.connect(self._open_linked)
        self.links.itemDoubleClicked.connect(lambda _item: self._open_linked())
        link_buttons.addWidget(self.beside_button)
        self.read_only = False
        self.error = QLabel(self.form_widget)
        self.error.setStyleSheet("color: #b5462f;")
        form.addRow(self.passage)
        form.addRow(self.tr("Claimant"), self.claimant)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow(self.tr("Stance"), self.stance)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Reliability"), self.reliability)
        form.addRow(self.tr("Credibility"), self.credibility)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Subjects"), self.subjects)
        form.addRow("", subject_bar)
        self._subject_bar = subject_bar
        form.addRow(self.tr("Links"), self.links)
        form.addRow(self.error)
        outer.addWidget(self.form_widget)
        outer.addStretch(1)
        # Scrollable: the full form is ~600 px tall, and as the dock's minimum height it would
        # squeeze the Claims table (or anything docked below) to one row whenever the cursor
        # sits on a claim, and stop the window shrinking on a small screen.
        scroll = QScrollArea(self)
        scroll.setObjectName("claim_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.form_scroll = scroll
        scroll.viewport().installEventFilter(self)  # re-elide the links, wrap the rows
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(scroll, 1)
        rule = QFrame(holder)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.actions_rule = rule
        column.addWidget(rule)
        self.actions_bar.setParent(holder)
        self.actions_bar.setContentsMargins(8, 6, 8, 6)
        column.addWidget(self.actions_bar)
        self.setWidget(holder)
        self._loading = False
        self.show_claim(None)

    def _combo(self, items: list[tuple[Any, str]], field: str) -> QComboBox:
        box = FieldComboBox(self.form_widget)  # the wheel scrolls the form, never the value
        box.setObjectName(f"claim_{field}")
        # As narrow as a few characters: the longest grade ("F — reliability cannot be
        # judged") made the whole form wider than a laptop's dock.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        for value, text in items:
            box.addItem(text, value)
        box.currentIndexChanged.connect(lambda _i: self._set(field, box.currentData()))
        return box

    # --- showing -----------------------------------------------------------------------------
    def show_claim(self, claim: Claim | None, quote: str = "") -> None:
        self.claim = claim
        self.empty.setVisible(claim is None)
        self.form_widget.setVisible(claim is not None)
        self.actions_bar.setVisible(claim is not None)
        self.actions_rule.setVisible(claim is not None)
        self.error.clear()
        if claim is None or self.project is None:
            return
        self._loading = True
        try:
            self.passage.setText(short(quote, 240))
            name = self._entity_name(claim.claimant_id)
            self.claimant.setText(name or self.tr("Choose claimant…"))
            self.summary.setText(claim.summary)
            # Its beginning in sight: set with the caret at its end, a summary longer than
            # the field showed «…وتين أخذ مخاوف» (a trial).
            self.summary.setCursorPosition(0)
            for box, value in (
                (self.stance, claim.stance),
                (self.status, claim.status),
                (self.reliability, claim.reliability),
                (self.credibility, claim.credibility),
            ):
                box.setCurrentIndex(max(0, box.findData(value)))
            self.date.setText(claim.claimed_on or "")
            self.subjects.clear()
            for entity_id in claim.subjects:
                item = QListWidgetItem(self._entity_name(entity_id) or f"#{entity_id}")
                item.setData(Qt.ItemDataRole.UserRole, entity_id)
                self.subjects.addItem(item)
            self.links.clear()
            self._link_rows = []
            for link in self.project.claims.links(claim.id):
                other = link.to_claim if link.from_claim == claim.id else link.from_claim
                summary, other_quote = self._claim_texts(other)
                item = QListWidgetItem()
                item.setData(Qt.ItemDataRole.UserRole, link.id)
                item.setData(OTHER_CLAIM_ROLE, other)
                item.setToolTip("\n".join(t for t in (summary, short(other_quote, 240)) if t))
                self.links.addItem(item)
                text = short(summary or other_quote, 240)
                # Its direction in words ("contradicted by"): an arrow alone left it to guess.
                kind = link_term(link.kind, link.from_claim == claim.id)
                self._link_rows.append((item, f"{kind} ", text))
            self._elide_links()
            self._update_actions()
        finally:
            self._loading = False

    def _elide_links(self) -> None:
        """Each link names the other claim by its summary, else its quote's start, elided at
        the end to the list's width."""
        metrics = QFontMetrics(self.links.font())
        width = self.links.viewport().width()
        shown = self.links.viewport().visibleRegion().boundingRect()
        if not shown.isEmpty():  # a narrow dock clips the form: only this much is seen
            width = min(width, shown.right() + 1)
        width -= 2 * self.links.spacing() + 12
        for item, prefix, text in self._link_rows:
            room = width - metrics.horizontalAdvance(prefix + "“”")
            room = max(metrics.horizontalAdvance("…") * 4, room)
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            item.setText(f"{prefix}“{elided}”")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            if watched is self.form_scroll.viewport():
                self._fit_rows()
            if self._link_rows:
                self._elide_links()  # the list's viewport: the dock was resized
        return super().eventFilter(watched, event)

    def _fit_rows(self) -> None:
        """Each field under its name when the dock is too narrow for the names and the
        longest grade side by side: in a laptop's dock (about 230 px at 1024x640) the
        names' column left the fields 120 px, which cut the grades ("D — not usually
        reliab") and the summary."""
        metrics = self.fontMetrics()
        form = self.form
        names = []
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                names.append(label.text())
        boxes = (self.stance, self.status, self.reliability, self.credibility)
        longest = max(
            metrics.horizontalAdvance(box.itemText(i)) for box in boxes for i in range(box.count())
        )
        # The field's frame, padding and drop-down arrow: about three lines' height.
        needed = (
            max((metrics.horizontalAdvance(name) for name in names), default=0)
            + max(form.horizontalSpacing(), 6)
            + longest
            + 3 * metrics.height()
        )
        wrap = self.form_scroll.viewport().width() < needed
        policy = (
            QFormLayout.RowWrapPolicy.WrapAllRows
            if wrap
            else QFormLayout.RowWrapPolicy.DontWrapRows
        )
        if form.rowWrapPolicy() != policy:
            form.setRowWrapPolicy(policy)
            # The buttons' row has no name: wrapped, its empty name would be a row of its own.
            blank = form.labelForField(self._subject_bar)
            if blank is not None:
                blank.setVisible(not wrap)

    def _entity_name(self, entity_id: int | None) -> str:
        if entity_id is None or self.project is None:
            return ""
        return self.project.annotations.entity_name(entity_id) or ""

    def _claim_texts(self, claim_id: int) -> tuple[str, str]:
        """A claim's summary (may be empty) and quote."""
        assert self.project is not None
        claim = self.project.claims.get(claim_id)
        return claim.summary.strip(), self.project.annotations.get(claim.annotation_id).quote

    # --- editing -----------------------------------------------------------------------------
    def _set(self, field: str, value: Any) -> None:
        if self._loading or self.claim is None:
            return
        if getattr(self.claim, field) == value:
            return
        self.edit(self.claim.id, {field: value})

    def _set_date(self) -> None:
        value = typed_date(self.date.text())  # 20/10/2015, ٢٠/١٠/٢٠١٥, 10/2015 …
        if value != self.date.text():
            self.date.setText(value)
        # The rule the store keeps and the JSON importer checks (core/values.py): a pattern
        # alone let 2016-02-30 and 2016-13-45 in, and the timeline used the article's date.
        problem = partial_date_problem(value) if value else None
        if problem is not None:
            from desktop.ui.errors import error_text  # its table is not needed to start

            self.error.setText(error_text(f"The claim's date {problem}."))
            return
        self.error.clear()
        self._set("claimed_on", value or None)

    def _choose_claimant(self) -> None:
        if self.claim is None:
            return
        chosen = self.pick_entity("claimant", self.claim.claimant_id)
        if chosen is not None:
            self._set("claimant_id", chosen)

    def _add_subject(self) -> None:
        if self.claim is None:
            return
        chosen = self.pick_entity("subject", None)
        if chosen is not None and chosen not in self.claim.subjects:
            self.edit(self.claim.id, {"subjects": (*self.claim.subjects, chosen)})

    def _remove_subject(self) -> None:
        item = self.subjects.currentItem()
        if self.claim is None or item is None:
            return
        gone = int(item.data(Qt.ItemDataRole.UserRole))
        self.edit(self.claim.id, {"subjects": tuple(s for s in self.claim.subjects if s != gone)})

    def set_read_only(self, read_only: bool) -> None:
        """A read-only project: the form and the link edits are off; Side by Side (it only
        opens articles) stays."""
        self.read_only = read_only
        self.form_widget.setEnabled(not read_only)
        self._update_actions()

    def _update_actions(self) -> None:
        linked = self.links.count() > 0
        self.add_link_button.setEnabled(not self.read_only)
        self.remove_link_button.setEnabled(linked and not self.read_only)
        self.beside_button.setEnabled(linked)

    def _add_link(self) -> None:
        if self.claim is None:
            return
        # The claim asked for, kept: the dialog can open both claims side by side, and the
        # dock follows the pane used last — by OK it showed the other claim, or none, and the
        # link failed without a word (found by a trial).
        claim_id = self.claim.id
        chosen = self.pick_claim(claim_id)
        if chosen is not None:
            other, kind = chosen
            self.link(claim_id, other, kind)

    def _open_linked(self) -> None:
        item = self.links.currentItem()
        if item is None and self.links.count():
            item = self.links.item(0)
        if self.claim is not None and item is not None:
            self.open_both(self.claim.id, int(item.data(OTHER_CLAIM_ROLE)))

    def _remove_link(self) -> None:
        item = self.links.currentItem()
        if item is not None:
            self.unlink(int(item.data(Qt.ItemDataRole.UserRole)))
