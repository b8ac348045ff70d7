"""Name parts as aliases: when an edit creates a person from a name of several parts (a tag in
the reader, a name typed in the entity picker, an accepted suggestion, a new claimant), a bar
under the article offers the parts (``جون كيري`` → ``كيري``) as aliases, ticked or not as
:mod:`desktop.core.suggest.parts` proposes. Nothing is added until the analyst confirms: Enter
or "Add as Aliases" adds the ticked parts as one undoable edit, Esc or "Not Now" dismisses.

The bar is not a dialog: tagging goes on while it waits, the caret stays in the reader, and
each new person's offer comes on top of the ones not answered yet (the bar says how many wait).
Ctrl+Shift+A (Tag → Review Name Parts) takes the keyboard to it, and an answer gives it back.
An offer goes when its entity goes (the tag is undone) or has nothing left to offer, and when
another article is opened (the offers made in the article left go; reopening the same article
keeps them). Esc in the reader, while an offer shows, is Not Now too. The offer can be turned
off (Tag → Offer Name Parts as Aliases, ``settings.OFFER_NAME_PARTS``).

A name of three parts or more may have a tail the person's articles write alone (``فيلار مير``):
those articles (up to 20) are read in a worker, on a connection of its own, and the offer is
shown when they have been — a moment after the tag, whose frame reads no article."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop.core.errors import HamishError
from desktop.core.models import ChangeSet
from desktop.ops import entities as ops
from desktop.ui.commands.session import ProjectSession
from desktop.ui.shell.api import WindowApi
from desktop.ui.widgets.bidi import isolate, isolate_short
from desktop.ui.widgets.flow import FlowLayout, group

if TYPE_CHECKING:
    from desktop.core.suggest.gazetteer import Gazetteer
from desktop.ui.widgets.icons import icon


@dataclass(frozen=True, slots=True)
class Offer:
    """The parts of one new person's name, as the bar shows them."""

    entity_id: int
    name: str
    parts: tuple[ops.PartProposal, ...]


class NamePartsBar(QFrame):
    """The offer under the article (the text does not move when it appears): one check box
    per part, Add as Aliases, Not Now."""

    confirmed = Signal(int, list)  # entity id, the ticked parts (list[str])
    dismissed = Signal(int)  # entity id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("name_parts_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.offer: Offer | None = None
        self.boxes: list[QCheckBox] = []
        self._return_to: QWidget | None = None  # where the keyboard was before Review
        self.text = QLabel(self)
        self.text.setObjectName("name_parts_text")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.waiting = QLabel(self)
        self.waiting.setObjectName("name_parts_waiting")
        self.waiting.setStyleSheet("color: #6b777b;")
        self.add_button = QPushButton(icon("mdi6.plus"), self.tr("Add as Aliases"), self)
        self.add_button.setObjectName("name_parts_add")
        self.add_button.setToolTip(self.tr("Add the ticked parts as aliases (Enter)"))
        self.add_button.clicked.connect(self.confirm)
        self.dismiss_button = QPushButton(self.tr("Not Now"), self)
        self.dismiss_button.setObjectName("name_parts_dismiss")
        self.dismiss_button.setToolTip(
            self.tr("Add nothing (Esc); Tag → Offer Name Parts as Aliases turns the offer off")
        )
        self.dismiss_button.clicked.connect(self.dismiss)
        self.hint = QLabel(self)
        self.hint.setObjectName("name_parts_hint")
        self.hint.setStyleSheet("color: #6b777b;")
        self.hint.hide()
        # A row that wraps: one row of the text, every part and the buttons asked for their
        # whole width as the window's least, and a long name («الرئيس التركي رجب طيب أردوغان»)
        # made the window 1,328 px wide on a 1024 px screen, and it stayed so (a trial).
        self.flow = FlowLayout(self, spacing=10)
        self.flow.setContentsMargins(10, 4, 10, 4)
        self.answers = group(self, self.waiting, self.add_button, self.dismiss_button)
        self._fill_flow()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.hide()

    def set_icon_color(self, colour: str | None) -> None:
        """The button's icon in the theme's colour (``None``: the light theme's): on the dark
        theme its "+" kept the toolbar grey and all but vanished (a trial)."""
        self.add_button.setIcon(icon("mdi6.plus", colour))

    def _fill_flow(self) -> None:
        """The question, each part, the answers and the hint, in that order: each part
        wraps on its own."""
        while self.flow.count():
            self.flow.takeAt(0)
        for widget in (self.text, *self.boxes, self.answers, self.hint):
            self.flow.addWidget(widget)
        self.flow.invalidate()

    def set_review_key(self, key: str) -> None:
        """Say which keys take the keyboard to the bar (Tag → Review Name Parts): Enter and
        Esc answer only from there, since the caret stays in the reader (a trial pressed
        them in the article and took the bar for deaf)."""
        if key:
            self.hint.setText(self.tr("{key}: answer from the keyboard").format(key=key))
        self.hint.setVisible(bool(key))

    def show_offer(self, offer: Offer, waiting: int) -> None:
        """Show ``offer``; ``waiting`` other offers are behind it."""
        if offer == self.offer and self.isVisible():
            self._set_waiting(waiting)  # the same offer: its boxes (and focus) stay
            return
        self.offer = offer
        self.text.setText(
            self.tr("New person {name}: add as aliases?").format(name=isolate_short(offer.name))
        )
        for box in self.boxes:
            box.hide()
            box.deleteLater()
        self.boxes = []
        for part in offer.parts:
            box = QCheckBox(part.text, self)
            box.setObjectName("name_part")
            box.setChecked(part.checked)
            if part.owner is not None:
                box.setEnabled(False)
                box.setText(
                    self.tr("{part} (already a name of {entity})").format(
                        part=isolate(part.text), entity=isolate_short(part.owner[1], 40)
                    )
                )
            self.boxes.append(box)
            box.show()
        self._fill_flow()
        self._set_waiting(waiting)
        self.add_button.setEnabled(any(part.offered for part in offer.parts))
        self.show()

    def _set_waiting(self, waiting: int) -> None:
        self.waiting.setText(self.tr("%n more waiting", "", waiting) if waiting else "")
        self.waiting.setVisible(waiting > 0)

    def take_focus(self) -> bool:
        """Put the keyboard in the bar (its first part), to come back where it was once the
        offer is answered; False when there is nothing to answer."""
        boxes = [box for box in self.boxes if box.isEnabled()]
        if self.offer is None or not self.isVisible() or not boxes:
            return False
        focused = QApplication.focusWidget()
        if focused is not None and not self.isAncestorOf(focused):
            self._return_to = focused
        boxes[0].setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def _give_focus_back(self) -> None:
        """After an answer from the keyboard: back to where the analyst was (the reader)."""
        focused = QApplication.focusWidget()
        back, self._return_to = self._return_to, None
        if back is not None and (focused is None or self.isAncestorOf(focused)):
            back.setFocus(Qt.FocusReason.OtherFocusReason)

    def ticked(self) -> list[str]:
        return [
            part.text
            for part, box in zip(self.offer.parts if self.offer else (), self.boxes, strict=True)
            if part.offered and box.isChecked()
        ]

    def confirm(self) -> None:
        if self.offer is not None:
            self.confirmed.emit(self.offer.entity_id, self.ticked())
            self._give_focus_back()

    def dismiss(self) -> None:
        if self.offer is not None:
            self.dismissed.emit(self.offer.entity_id)
            self._give_focus_back()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """With the focus in the bar (a check box, a button): Enter adds, Esc dismisses."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.confirm()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)


class NamePartsController(QObject):
    """Collects the offers of new persons from the session's changes and shows them."""

    def __init__(self, api: WindowApi, bar: NamePartsBar, reader: QWidget | None = None) -> None:
        super().__init__(api)
        self.api = api
        self.bar = bar
        # Esc in the reader says "Not Now" to the offer shown (the bar takes its own Esc when
        # it has the keyboard): a shortcut of the reader's text, on only while an offer shows,
        # so Esc there does what it did before otherwise, and the find bar keeps its own Esc
        # (its field has the keyboard, not the reader).
        self._escape: QShortcut | None = None
        if reader is not None:
            self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), reader)
            self._escape.setContext(Qt.ShortcutContext.WidgetShortcut)
            self._escape.setEnabled(False)
            self._escape.activated.connect(bar.dismiss)
        self.enabled = True
        self.session: ProjectSession | None = None
        self.offers: list[Offer] = []  # the newest last; the bar shows it
        # What each person's articles say of its name's tails (ops.alone_counts), by entity:
        # the name it was read for, and the counts. Read in a worker (_read), kept while the
        # name stays, so an offer worked out again after an edit reads nothing.
        self._alone: dict[int, tuple[str, ops.AloneCounts]] = {}
        self._reading: set[int] = set()  # entities whose articles a worker reads now
        # The article open when each person waiting for an offer was made: opening another
        # article drops its offer (a trial: «شخص جديد باراك أوباما…» stayed under the
        # articles read after). Reopening the same article keeps it.
        self._documents: dict[int, int | None] = {}
        self._generation = 0  # a worker's answer for another project or setting is dropped
        bar.confirmed.connect(self.confirm)
        bar.dismissed.connect(self.dismiss)
        api.session_attached.connect(self.attach)
        api.session_detaching.connect(self.detach)
        api.closing.connect(self._forget)  # a worker's late answer finds the project closed
        api.document_opened.connect(self._document_opened)
        if api.has_session:
            self.attach(api.session)

    def attach(self, session: ProjectSession) -> None:
        self.session = session
        self._forget()
        session.changed.connect(self._changed)
        self._show()

    def detach(self) -> None:
        self.session = None
        self._forget()
        self._show()

    def set_enabled(self, enabled: bool) -> None:
        """Turned off, the waiting offers go too (they would be stale when it is back on)."""
        self.enabled = enabled
        if not enabled:
            self._forget()
            self._show()

    def _forget(self) -> None:
        """No offer waits, none is being read."""
        self.offers = []
        self._alone.clear()
        self._reading.clear()
        self._documents.clear()
        self._generation += 1

    def _document_opened(self, document_id: int) -> None:
        """Another article: the offers made in the one left go (as Not Now would)."""
        left = {e for e, d in self._documents.items() if d != document_id}
        if not left:
            return
        for entity_id in left:
            del self._documents[entity_id]
            self._alone.pop(entity_id, None)
        self._reading -= left
        self.offers = [o for o in self.offers if o.entity_id not in left]
        self._show()

    def _changed(self, changes: ChangeSet) -> None:
        session = self.session
        if session is None:
            return
        if changes.entities_changed and self.offers:
            # Only the shown offer is worked out again (in _show): fast tagging piles offers
            # up, and recomputing every one after each tag cost 20-30 ms a tag with fifty.
            entities = session.project.entities
            self.offers = [o for o in self.offers if entities.exists(o.entity_id)]
        made: set[int] = set()  # offers worked out just now, for the entities made
        if changes.entities_created and self.enabled and not session.project.read_only:
            for entity_id in changes.entities_created:
                self._documents[entity_id] = self.api.current_document()
                offer = self._offer(entity_id)
                if offer is not None:
                    self._put(offer)
                    made.add(entity_id)
        self._show(made)

    def _put(self, offer: Offer) -> None:
        """``offer`` on top (an earlier one for its entity gives way)."""
        self.offers = [o for o in self.offers if o.entity_id != offer.entity_id]
        self.offers.append(offer)

    def _offer(self, entity_id: int) -> Offer | None:
        """The offer for a person, or None: not a person, gone, nothing to offer, or its
        articles not read yet (:meth:`_read` reads them, and then offers)."""
        assert self.session is not None
        project = self.session.project
        try:
            if not project.entities.exists(entity_id):
                return None
            entity = project.entities.get(entity_id)
            if entity.type != "person":
                return None
            alone = self._counts(entity_id, entity.name)
            if alone is None:
                return None
            gazetteer = _gazetteer()
            parts = tuple(
                ops.name_part_proposals(
                    project,
                    entity_id,
                    # a place's or a body's name (واشنطن); the persons' file knows كيري as
                    # the person's own name, which is what the offer is for
                    is_place=(
                        lambda text: any(e.type != "PERS" for e in gazetteer.entries_for(text))
                    )
                    if gazetteer
                    else None,
                    alone=alone,
                    is_adjective=gazetteer.is_adjective if gazetteer else None,
                )
            )
        except HamishError:
            return None
        if not any(part.offered for part in parts):
            return None
        return Offer(entity_id, entity.name, parts)

    def _counts(self, entity_id: int, name: str) -> ops.AloneCounts | None:
        """What the person's articles say of its name's tails, when they have been read
        (empty when the name asks nothing of them); None while they wait to be read."""
        known = self._alone.get(entity_id)
        if known is not None and known[0] == name:
            return known[1]
        if not ops.reads_articles(name) and (_gazetteer() is not None or len(name.split()) < 3):
            return {}
        # Read in a worker: the articles, or only the gazetteer (a title's adjective,
        # الرئيس التركي …, is told by it; compiling it here would stall the window).
        self._reading.add(entity_id)
        return None

    def _read(self) -> None:
        """Read the articles of the persons waiting (:attr:`_reading`) in a worker, on a
        connection of its own: up to 20 articles a person, which a tag's frame has no room
        for. Their offers come when the worker is done."""
        session = self.session
        waiting = sorted(self._reading)
        if session is None or not waiting:
            return
        from desktop.store.project import Project
        from desktop.ui.shell.workers import Progress, run_task

        path, generation = str(session.project.path), self._generation
        self._reading.clear()

        def work(progress: Progress) -> list[tuple[int, str, dict[tuple[str, str], int]]]:
            from desktop import resources

            resources.gazetteer()  # compiled once per process; the offer asks it
            read: list[tuple[int, str, dict[tuple[str, str], int]]] = []
            with Project.open(path, create=False) as project:
                for entity_id in waiting:
                    progress.check()
                    try:
                        name = project.entities.get(entity_id).name
                        read.append((entity_id, name, ops.alone_counts(project, entity_id)))
                    except HamishError:
                        continue  # gone meanwhile (the tag undone): nothing to offer
            return read

        def failed(_message: str, _details: str) -> None:
            # The counts only tick a tail: the offer is made without them rather than lost.
            read: list[tuple[int, str, dict[tuple[str, str], int]]] = []
            if self.session is not None:
                entities = self.session.project.entities
                read = [(e, entities.get(e).name, {}) for e in waiting if entities.exists(e)]
            self._offer_read(generation, read)

        run_task(
            work,
            on_done=lambda read: self._offer_read(generation, read),
            on_error=failed,
        )

    def _offer_read(
        self, generation: int, read: list[tuple[int, str, dict[tuple[str, str], int]]]
    ) -> None:
        """The worker's counts: each person's offer, now it can be worked out."""
        if generation != self._generation or self.session is None or not self.enabled:
            return  # another project, or the offer turned off meanwhile
        made: set[int] = set()
        for entity_id, name, counts in read:
            if entity_id not in self._documents:
                continue  # its article was left meanwhile, or the offer answered
            self._alone[entity_id] = (name, counts)
            offer = self._offer(entity_id)  # renamed meanwhile: read again
            if offer is not None:
                self._put(offer)
                made.add(entity_id)
        self._show(made)

    def _again(self, offer: Offer) -> Offer | None:
        """An offer as it stands after an edit: its entity may be gone (the tag undone) or
        have some of the parts now; what the analyst ticked on the bar stays ticked."""
        fresh = self._offer(offer.entity_id)
        if fresh is None:
            return None
        ticked = {p.text: p.checked for p in offer.parts}
        if self.bar.offer is not None and self.bar.offer.entity_id == offer.entity_id:
            ticked.update(
                (p.text, box.isChecked())
                for p, box in zip(self.bar.offer.parts, self.bar.boxes, strict=True)
            )
        parts = tuple(
            ops.PartProposal(p.text, ticked.get(p.text, p.checked) and p.offered, p.role, p.owner)
            for p in fresh.parts
        )
        return Offer(fresh.entity_id, fresh.name, parts)

    def _shown(self) -> Offer | None:
        return self.offers[-1] if self.offers else None

    def _show(self, fresh_for: Container[int] = ()) -> None:
        """Show the newest offer as it stands now (its entity may have some of the parts by
        now, or be gone); an offer with nothing left to offer makes way for the next. An
        offer for an entity of ``fresh_for`` was worked out just now (by a person's tag, whose
        frame it cost twice)."""
        while self.offers and self.session is not None:
            if self.offers[-1].entity_id in fresh_for:
                break
            fresh = self._again(self.offers[-1])
            if fresh is not None:
                self.offers[-1] = fresh
                break
            self.offers.pop()
        self._read()  # the persons whose articles must be read first (a tag or an edit's)
        shown = self._shown()
        if self._escape is not None:
            self._escape.setEnabled(shown is not None)
        if shown is None:
            self.bar.offer = None
            self.bar.hide()
            return
        self.bar.show_offer(shown, len(self.offers) - 1)

    def review(self) -> None:
        """Tag → Review Name Parts (Ctrl+Shift+A): the keyboard goes to the bar."""
        if not self.bar.take_focus():
            self.api.show_status(self.tr("No name parts are waiting to be added."), 3000)

    def confirm(self, entity_id: int, parts: list[str]) -> None:
        """Add the ticked parts as aliases: one undo step (Ctrl+Z takes them all back)."""
        self.offers = [o for o in self.offers if o.entity_id != entity_id]
        self._alone.pop(entity_id, None)
        self._documents.pop(entity_id, None)
        if parts and self.session is not None:
            done = self.api.run(
                self.tr("Cannot add the aliases"),
                partial(ops.add_aliases, entity_id=entity_id, aliases=tuple(parts)),
            )
            if done:
                self.api.show_status(
                    self.tr("Added as aliases: {parts}").format(
                        parts="، ".join(isolate(p) for p in parts)
                    ),
                    4000,
                )
        self._show()

    def dismiss(self, entity_id: int) -> None:
        self.offers = [o for o in self.offers if o.entity_id != entity_id]
        self._alone.pop(entity_id, None)
        self._documents.pop(entity_id, None)
        self._show()


def _gazetteer() -> Gazetteer | None:
    """The gazetteer (its test for a place or body's name, for a country's adjective), when
    it is loaded already (the suggestions load it in the background): compiling it here
    would stall the window."""
    from desktop import resources

    if resources.gazetteer.cache_info().currsize == 0:
        return None
    return resources.gazetteer()
