"""Name parts as aliases in the window: a new person's parts are offered in a bar above the
article, never added by themselves; confirming adds them as one undo step, and the registry
then suggests their mentions in the reader at once."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import settings
from desktop.core.records import NewEntity
from desktop.core.text import make_draft
from desktop.ops import entities as entity_ops
from desktop.settings import Settings
from desktop.store.project import Project
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow

from .samples import label_id

MakeWindow = Callable[..., MainWindow]

ARTICLE = (
    "التقى وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف في جنيف.\n"
    "وقال المتحدث إن المحادثات مستمرة، وكيري متفائل بنتائجها."
)
LATER = ARTICLE.index("وكيري") + 1  # كيري inside وكيري
_CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "parts.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(ARTICLE, title="كيري"))
    return path


def _open(window: MainWindow, qtbot: QtBot) -> None:
    (summary,) = window.project.documents.summaries()
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        window.open_document(summary.id)


def _tag(window: MainWindow, quote: str, key: str = "person") -> int:
    start = ARTICLE.index(quote)
    window.reader.text.select_cp(start, start + len(quote))
    window.reader.text.setFocus()
    annotation_id = window.tagging.tag_selection(label_id(window, key))
    assert annotation_id is not None
    entity_id = window.project.annotations.get(annotation_id).entity_id
    assert entity_id is not None
    return entity_id


def _registry_at(window: MainWindow, start: int) -> list[tuple[int | None, str]]:
    return [
        (s.entity_id, s.source)
        for s in window.suggestions.items.values()
        if s.start == start and s.source == "registry"
    ]


def _offered(window: MainWindow) -> list[tuple[str, bool, bool]]:
    bar = window.name_parts_bar
    if not bar.isVisible():
        return []
    return [(box.text(), box.isChecked(), box.isEnabled()) for box in bar.boxes]


def test_confirming_the_offer_adds_the_alias_and_its_mentions_are_suggested(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    _open(window, qtbot)
    assert not window.name_parts_bar.isVisible()
    assert _registry_at(window, LATER) == []
    top = window.reader.text.mapTo(window.reader, QPoint(0, 0)).y()
    # Tagged as the analyst does: select, press Person's digit.
    start = ARTICLE.index("جون كيري")
    window.reader.text.select_cp(start, start + len("جون كيري"))
    window.reader.text.setFocus()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_1)
    (annotation,) = window.annotation_model.annotations()
    assert annotation.quote == "جون كيري"
    kerry = annotation.entity_id
    assert kerry is not None
    # The bar comes under the article: the lines being tagged do not move down.
    assert window.name_parts_bar.isVisible()
    assert window.reader.text.mapTo(window.reader, QPoint(0, 0)).y() == top
    # Offered, not added: creating the entity alone adds no alias.
    assert _offered(window) == [("كيري", True, True)]
    assert window.project.entities.get(kerry).aliases == ("جون كيري",)
    assert window.reader.text.hasFocus(), "the offer must not take the caret from the reader"
    assert window.session is not None
    steps = window.session.undo_stack.count()
    # From the keyboard: Ctrl+Shift+A goes to the bar, Enter adds, the caret comes back.
    qtbot.keyClick(window.reader.text, Qt.Key.Key_A, _CTRL_SHIFT)
    box = window.name_parts_bar.boxes[0]
    assert box.hasFocus()
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not window.name_parts_bar.isVisible()
    assert window.reader.text.hasFocus()
    assert window.project.entities.get(kerry).aliases == ("جون كيري", "كيري")
    assert window.session.undo_stack.count() == steps + 1  # one undo step
    # The registry suggests the later وكيري at once, linked to the entity, drawn dashed.
    assert _registry_at(window, LATER) == [(kerry, "registry")]
    drawn = [s for s in window.reader.text.index.spans() if s.start == LATER]
    assert drawn and all(s.kind == "suggestion" for s in drawn)
    # Undo takes the alias back, and its suggestion with it.
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        window.session.undo_stack.undo()
    assert window.project.entities.get(kerry).aliases == ("جون كيري",)
    assert _registry_at(window, LATER) == []


def test_dismissing_adds_nothing(make_window: MakeWindow, article: Path, qtbot: QtBot) -> None:
    window = make_window(article)
    _open(window, qtbot)
    kerry = _tag(window, "جون كيري")
    assert window.session is not None
    steps = window.session.undo_stack.count()
    qtbot.keyClick(window.reader.text, Qt.Key.Key_A, _CTRL_SHIFT)
    box = window.name_parts_bar.boxes[0]
    assert box.hasFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # Space unticks …
    assert not box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # … and ticks again; Esc dismisses all the same
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not window.name_parts_bar.isVisible()
    assert window.reader.text.hasFocus()
    assert window.project.entities.get(kerry).aliases == ("جون كيري",)
    assert window.session.undo_stack.count() == steps


def test_unticked_parts_are_not_added(make_window: MakeWindow, article: Path, qtbot: QtBot) -> None:
    window = make_window(article)
    _open(window, qtbot)
    kerry = _tag(window, "جون كيري")
    window.name_parts_bar.boxes[0].setChecked(False)
    window.name_parts_bar.add_button.click()
    assert not window.name_parts_bar.isVisible()
    assert window.project.entities.get(kerry).aliases == ("جون كيري",)


def test_offers_wait_their_turn_and_go_with_their_entity(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    _open(window, qtbot)
    _tag(window, "جون كيري")
    lavrov = _tag(window, "سيرغي لافروف")
    assert _offered(window) == [("لافروف", True, True)]
    assert window.name_parts_bar.waiting.text() == "1 more waiting"
    window.name_parts_bar.dismiss_button.click()
    assert _offered(window) == [("كيري", True, True)]  # the earlier one, still waiting
    _tag(window, "لافروف")  # a person of one part: nothing offered
    assert _offered(window) == [("كيري", True, True)]
    # Undoing the tag that made the person takes its offer away.
    assert window.session is not None
    window.session.undo_stack.undo()  # the لافروف tag
    window.session.undo_stack.undo()  # the سيرغي لافروف tag
    assert not window.project.entities.exists(lavrov)
    assert _offered(window) == [("كيري", True, True)]
    window.session.undo_stack.undo()  # the جون كيري tag
    assert not window.name_parts_bar.isVisible()
    # Redo brings the entity back, not the offer: it was made once.
    window.session.undo_stack.redo()
    assert not window.name_parts_bar.isVisible()


def test_a_part_another_entity_has_is_named_not_offered(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    with Project.open(article) as project:
        project.entities.add("كيري", "location")
    window = make_window(article)
    _open(window, qtbot)
    _tag(window, "جون كيري")
    assert not window.name_parts_bar.isVisible()  # nothing left to offer: no bar
    assert window.session is not None
    window.session.run(
        partial(
            entity_ops.link_entity,
            annotation_id=window.project.annotations.for_document(1)[0].id,
            entity=NewEntity("جون فوربس كيري", "person"),
        )
    )
    # (A name of three parts: offered once its articles were read, in a worker.)
    qtbot.waitUntil(window.name_parts_bar.isVisible, timeout=10_000)
    assert _offered(window) == [
        ("فوربس", False, True),
        ("\u2068كيري\u2069 (already a name of \u2068كيري\u2069)", False, False),
    ]


def test_accepting_a_suggestion_offers_too(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    _open(window, qtbot)
    lavrov = next(s for s in window.suggestions.items.values() if s.text == "سيرغي لافروف")
    assert window.suggestions.accept(lavrov)
    assert _offered(window) == [("لافروف", True, True)]


def test_the_offer_can_be_turned_off(
    make_window: MakeWindow, article: Path, prefs: Settings, qtbot: QtBot
) -> None:
    window = make_window(article)
    _open(window, qtbot)
    _tag(window, "جون كيري")
    action = window.registry[ActionId.OFFER_NAME_PARTS]
    assert action.isChecked()
    action.setChecked(False)
    assert not window.name_parts_bar.isVisible()  # what waited goes too
    assert prefs.get(settings.OFFER_NAME_PARTS) is False
    _tag(window, "سيرغي لافروف")
    assert not window.name_parts_bar.isVisible()
    assert action in window.tag_menu.actions()


def test_review_with_nothing_waiting_says_so(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    _open(window, qtbot)
    window.registry[ActionId.REVIEW_NAME_PARTS].trigger()
    assert "No name parts are waiting" in window.statusBar().currentMessage()


def test_only_the_shown_offer_is_worked_out_again_after_a_tag(
    make_window: MakeWindow, article: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fast tagging piles offers up; each tag must not recompute every waiting offer (with
    fifty waiting that cost 20-30 ms a tag). And an offer whose parts the entity got some
    other way (the entity page) updates, or makes way for the next."""
    from desktop.ui.entities import parts

    window = make_window(article)
    _open(window, qtbot)
    assert window.session is not None
    people = [
        window.project.entities.add(name, "person")
        for name in ("أحمد الأول", "خافيير سولانا", "جون بولتون", "كوفي أنان", "توني بلير")
    ]
    del people[0]  # الأول is a regnal number: nothing to offer
    from desktop.core.models import ChangeSet

    window.session.announce(ChangeSet(entities_changed=True, entities_created=tuple(people)))
    assert len(window.name_parts.offers) == 4
    assert _offered(window) == [("بلير", True, True)]
    calls: list[int] = []
    real = parts.ops.name_part_proposals

    def counting(project: Project, entity_id: int, **kwargs: object) -> object:
        calls.append(entity_id)
        return real(project, entity_id, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parts.ops, "name_part_proposals", counting)
    _tag(window, "لافروف")  # a new person of one part: its own look, and the shown offer's
    assert len(calls) <= 2 and len(window.name_parts.offers) == 4
    # The shown one's surname added on the entity page: the bar moves on to the next.
    window.session.run(partial(entity_ops.edit_entity, entity_id=people[-1], aliases=("بلير",)))
    assert _offered(window) == [("أنان", True, True)]
    assert window.name_parts_bar.waiting.text() == "2 more waiting"


def test_a_persons_tag_works_its_offer_out_once(
    make_window: MakeWindow, article: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The offer for the tag's new person was worked out, then worked out again to be shown:
    twice the entity and name look-ups in the tag's frame."""
    from desktop.ui.entities import parts

    window = make_window(article)
    _open(window, qtbot)
    calls: list[int] = []
    real = parts.ops.name_part_proposals

    def counting(project: Project, entity_id: int, **kwargs: object) -> object:
        calls.append(entity_id)
        return real(project, entity_id, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parts.ops, "name_part_proposals", counting)
    _tag(window, "سيرغي لافروف")
    assert window.name_parts.offers and len(calls) == 1
    assert _offered(window)


COACH = (
    "قال المدرب خوان ميغيل فيلار مير إن الفريق جاهز. وأضاف فيلار مير أن المباراة صعبة، "
    "ورأى فيلار مير أن الحظ لعب دوره."
)


def test_a_long_names_articles_are_read_off_the_gui_thread(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name of three parts or more may have a tail its articles write alone (فيلار مير):
    up to 20 of the person's articles were read for it in the tag's frame. They are read in a
    worker now; the offer still comes — a moment later, with the tail ticked — and is not
    applied before the analyst confirms."""
    path = tmp_path / "coach.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(COACH, title="فيلار مير"))
    window = make_window(path)
    (summary,) = window.project.documents.summaries()
    with qtbot.waitSignal(window.suggestions.ready, timeout=10_000):
        window.open_document(summary.id)
    read_here: list[int] = []
    get = window.project.documents.get

    def reading(document_id: int) -> object:
        read_here.append(document_id)
        return get(document_id)

    monkeypatch.setattr(window.project.documents, "get", reading)
    start = COACH.index("خوان")
    window.reader.text.select_cp(start, start + len("خوان ميغيل فيلار مير"))
    window.reader.text.setFocus()
    annotation_id = window.tagging.tag_selection(label_id(window, "person"))
    assert annotation_id is not None
    assert read_here == [], "the tag's frame read the person's articles"
    qtbot.waitUntil(window.name_parts_bar.isVisible, timeout=10_000)
    assert ("فيلار مير", True, True) in _offered(window)
    entity_id = window.project.annotations.get(annotation_id).entity_id
    assert entity_id is not None
    assert window.project.entities.get(entity_id).aliases == ("خوان ميغيل فيلار مير",)
    # Worked out again after an edit (another tag), the offer reads nothing either.
    _tag_coach = COACH.index("المدرب")
    window.reader.text.select_cp(_tag_coach, _tag_coach + len("المدرب"))
    window.tagging.tag_selection(label_id(window, "organisation"))
    assert read_here == []
    assert ("فيلار مير", True, True) in _offered(window)
    assert window.project.entities.get(entity_id).aliases == ("خوان ميغيل فيلار مير",)


LONG_NAMES = (
    "الرئيس التركي رجب طيب أردوغان عبد المجيد بن سلمان آل مكتوم",
    "خوان ميغيل فيلار مير دي لا فوينتي غونزاليس",
)


def test_a_long_name_wraps_in_the_bar_and_never_widens_the_window(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """A trial at 1024×640: tagging «الرئيس التركي رجب طيب أردوغان» made the window 1,328 px
    wide (the bar's one row of question, parts and buttons was the window's least width), and
    it stayed so after the bar closed. The bar wraps instead, and says which keys reach it."""
    path = tmp_path / "long.hamish"
    text = "قال " + " ثم قال ".join(LONG_NAMES) + " كلاما."
    with Project.open(path) as project:
        project.documents.add(make_draft(text, title="أسماء"))
    window = make_window(path)
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.width() == 1024)
    (summary,) = window.project.documents.summaries()
    window.open_document(summary.id)
    bar = window.name_parts_bar
    for name in LONG_NAMES:
        start = text.index(name)
        window.reader.text.select_cp(start, start + len(name))
        window.reader.text.setFocus()
        qtbot.keyClick(window.reader.text, Qt.Key.Key_1)
        qtbot.waitUntil(bar.isVisible)
        qtbot.wait(50)
        assert len(bar.boxes) >= 3
        assert window.width() == 1024
        assert window.minimumSizeHint().width() <= 1024
        assert bar.geometry().right() <= window.reader.width()
        assert bar.height() > bar.text.height() * 2  # on more than one row
        assert all(box.isVisible() for box in bar.boxes)
    assert "Ctrl+Shift+A" in bar.hint.text() and bar.hint.isVisible()
    for _offer in LONG_NAMES:  # each answer gives the keyboard back to the reader
        window.reader.text.setFocus()
        qtbot.keyClick(window.reader.text, Qt.Key.Key_A, _CTRL_SHIFT)
        assert bar.isAncestorOf(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not bar.isVisible())
    assert window.width() == 1024


def test_the_tag_the_selection_lies_in_is_the_current_one(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    """A trial: with a tag's words still selected (the caret at its end, just outside it),
    Ctrl+Shift+M said "Place the cursor on a tagged entity"."""
    window = make_window(article)
    _open(window, qtbot)
    kerry = _tag(window, "جون كيري")
    lavrov = _tag(window, "سيرغي لافروف")
    ids = {
        window.project.annotations.get(a.id).entity_id: a.id
        for a in window.annotation_model.annotations()
    }
    text = window.reader.text
    for entity, quote in ((kerry, "جون كيري"), (lavrov, "سيرغي لافروف")):
        start = ARTICLE.index(quote)
        for a, b in ((start, start + len(quote)), (start + len(quote), start)):
            text.select_cp(a, b)
            assert window.tagging.current_annotation() == ids[entity], (quote, a, b)
    start = ARTICLE.index("نظيره")  # a selection in no tag is no tag's
    text.select_cp(start, start + 5)
    window.annotations.view.clearFocus()
    assert window.tagging._annotation_ending_at_caret() is None


@pytest.fixture
def two_articles(tmp_path: Path) -> Path:
    path = tmp_path / "two.hamish"
    with Project.open(path) as project:
        project.documents.add(make_draft(ARTICLE, title="كيري"))
        project.documents.add(make_draft("خبر آخر عن الطقس في جنيف.", title="الطقس"))
    return path


def test_the_offer_goes_when_another_article_is_opened(
    make_window: MakeWindow, two_articles: Path, qtbot: QtBot
) -> None:
    """A trial: «شخص جديد …: إضافة أسماء بديلة؟» stayed under the articles read after."""
    window = make_window(two_articles)
    first, second = sorted(s.id for s in window.project.documents.summaries())
    window.open_document(first)
    kerry = _tag(window, "جون كيري")
    assert _offered(window) == [("كيري", True, True)]
    window.open_document(first)  # the same article again: its offer stays
    assert _offered(window) == [("كيري", True, True)]
    window.open_document(second)
    assert not window.name_parts_bar.isVisible()
    window.open_document(first)  # it went: Not Now, not hidden until the article is back
    assert not window.name_parts_bar.isVisible()
    assert window.project.entities.get(kerry).aliases == ("جون كيري",)


def test_esc_in_the_reader_dismisses_the_offer_and_the_find_bar_keeps_its_esc(
    make_window: MakeWindow, article: Path, qtbot: QtBot
) -> None:
    window = make_window(article)
    _open(window, qtbot)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    kerry = _tag(window, "جون كيري")
    assert _offered(window) == [("كيري", True, True)]
    # Ctrl+F, then Esc in the find field: the find bar closes, the offer stays.
    qtbot.keyClick(window.reader.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.reader.text.hasFocus()
    assert _offered(window) == [("كيري", True, True)]
    # Esc in the reader: Not Now.
    qtbot.keyClick(window.reader.text, Qt.Key.Key_Escape)
    assert not window.name_parts_bar.isVisible()
    assert window.reader.text.hasFocus()
    assert window.project.entities.get(kerry).aliases == ("جون كيري",)
