"""The interface language: which one (Arabic or English), and loading its translations.

English is the source language of every string (``self.tr("…")``, ``QCoreApplication.translate``,
``QT_TRANSLATE_NOOP``); Arabic comes from ``resources/translations/hamish_ar.qm`` (made by
``pyside6-lrelease`` from ``hamish_ar.ts``, see ``resources/translations/update.py``) plus Qt's
own ``qtbase_ar.qm`` for the standard dialogs; English loads ``hamish_en.qm``, its plural forms
only. The choice, strongest first: ``hamish --lang ar|en`` for one run, the
``HAMISH_LANG`` environment variable (tests pin it to English), the Interface Language setting,
then the system locale (Arabic → Arabic, anything else → English). The language applies when
the window is built, so a change of the setting applies at the next start.

In Arabic the whole interface is mirrored (``Qt.RightToLeft``): menus open from the right and
the dock areas swap sides. An article's own direction never follows the interface: the reader
sets each document's text direction from the article itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final, Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
    QTranslator,
)
from PySide6.QtWidgets import QApplication

from desktop.ui.qtvalues import direction, set_property


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker for a string translated later, typed (PySide6's returns ``object``):
    lupdate reads the call by name, so import this one instead of PySide6's."""
    return text


LANGUAGES: Final = ("ar", "en")
ENV_VAR: Final = "HAMISH_LANG"
TRANSLATIONS_DIR: Final = "translations"


def normalise(value: str | None) -> str | None:
    """``"ar"``, ``"ar_EG"``, ``"Arabic"`` → ``"ar"``; ``"en…"`` → ``"en"``; else ``None``."""
    if not value:
        return None
    value = value.strip().lower()
    if value.startswith(("ar", "arabic")):
        return "ar"
    if value.startswith(("en", "english")):
        return "en"
    return None


def system_language() -> str:
    """Arabic when the system locale is Arabic, English otherwise."""
    return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"


def resolve_language(
    cli: str | None = None,
    setting: str | None = None,
    system: str | None = None,
    env: str | None = None,
) -> str:
    """The interface language: ``--lang``, then ``HAMISH_LANG``, then the setting, then the
    system locale (``system_language()`` when not given)."""
    for choice in (cli, env, setting):
        chosen = normalise(choice)
        if chosen is not None:
            return chosen
    return normalise(system) or (system_language() if system is None else "en")


def language_for_run(cli: str | None, setting: str) -> str:
    """``resolve_language`` with this process's environment and system locale."""
    return resolve_language(cli, setting, None, os.environ.get(ENV_VAR))


_installed: list[QTranslator] = []


def _load_qt_translation(translator: QTranslator, name: str) -> bool:
    """Qt's own translation ``name`` (``qtbase_ar``): from the translations folder of the
    PySide6 package first — where its wheels (``Qt/translations``; ``translations`` on
    Windows) and a frozen build keep them, the folder ``QLibraryInfo`` names too —, else from
    the folder ``QLibraryInfo`` names. Building ``QLibraryInfo``'s Python class (its enums)
    before the first paint costs 1.2 M instructions of an Arabic start."""
    import PySide6

    package = Path(PySide6.__file__).parent
    for bundled in (package / "Qt" / "translations", package / "translations"):
        if translator.load(name, str(bundled)):
            return True
    from PySide6.QtCore import QLibraryInfo

    return translator.load(name, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def install_language(app: QApplication, language: str) -> str:
    """Load the translations of ``language`` into ``app`` (before any window is built) and set
    the layout direction. Returns the language actually in effect: Arabic falls back to
    English, left to right, if Hamish's translation file cannot be loaded."""
    effective = _install_translations(app, language)
    # By Qt's property: the Qt namespace's enums are not built before the first paint.
    set_property(app, "layoutDirection", direction(effective == "ar"))
    # Window managers show the display name after window titles, which end in "هامش" in Arabic.
    app.setApplicationDisplayName("هامش" if effective == "ar" else "Hamish")
    return effective


def _install_translations(app: QCoreApplication, language: str) -> str:
    """Hamish's translators of ``language`` (and Qt's own, in Arabic) in place of those
    installed before; the language in effect."""
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    effective = "en"
    if language == "ar":
        ours = QTranslator(app)
        if _load(ours, "hamish_ar.qm"):
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
            effective = "ar"
            qt = QTranslator(app)
            if _load_qt_translation(qt, "qtbase_ar"):  # Qt's own dialogs and buttons
                QCoreApplication.installTranslator(qt)
                _installed.append(qt)
            # What qtbase_ar lacks or words otherwise (installed last: it is asked first).
            extra = QTranslator(app)
            if _load(extra, "qt_extra_ar.qm"):
                QCoreApplication.installTranslator(extra)
                _installed.append(extra)
    if effective == "en":
        # English is the source language; its file holds only the plural forms
        # ("%n article(s)" → "1 article", "2 articles").
        plurals = QTranslator(app)
        if _load(plurals, "hamish_en.qm"):
            QCoreApplication.installTranslator(plurals)
            _installed.append(plurals)
    # Counts ("%Ln articles") in Western digits with comma grouping in both languages, as the
    # rest of Hamish writes numbers and as Arabic news copy mostly does; an Arabic system locale
    # would otherwise give Arabic-Indic digits next to Western ones.
    QLocale.setDefault(QLocale("en_US"))
    global _current
    _current = effective
    return effective


_current = "en"
_command_app: list[QCoreApplication] = []


def install_for_commands(language: str) -> str:
    """Hamish's translations of ``language`` for a headless command (``hamish --lang ar
    import …``): into a ``QCoreApplication`` made for them (Qt's translators need one; no
    display, no widgets). Returns the language in effect: English when Arabic's file cannot
    be loaded."""
    app = QCoreApplication.instance()
    if app is None:
        app = QCoreApplication([])
        _command_app.append(app)  # kept: a translator lives only as long as its application
    return _install_translations(app, language)


@contextmanager
def language_of(language: str) -> Iterator[str]:
    """Qt's translations (and :func:`current_language`) in ``language`` for what is done
    inside, the interface's again after: a briefing's figures, drawn on the window's own
    GUI thread, in the briefing's language whatever the interface's. Nothing else of the
    interface changes — not its layout direction, locale or name — and the window shows
    nothing new in between (no events are processed). Yields the language in effect."""
    global _current
    app = QCoreApplication.instance()
    if app is None or language == _current:
        yield _current
        return
    interface, before = _current, list(_installed)
    for translator in before:
        QCoreApplication.removeTranslator(translator)
    made: list[QTranslator] = []
    effective = "en"
    if language == "ar":
        ours = QTranslator(app)
        if _load(ours, "hamish_ar.qm"):
            made.append(ours)
            effective = "ar"
    if effective == "en":
        plurals = QTranslator(app)
        if _load(plurals, "hamish_en.qm"):
            made.append(plurals)
    for translator in made:
        QCoreApplication.installTranslator(translator)
    _current = effective
    try:
        yield effective
    finally:
        for translator in made:
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()
        for translator in before:
            QCoreApplication.installTranslator(translator)
        _current = interface


def current_language() -> str:
    """The language ``install_language`` put in effect (English before it runs)."""
    return _current


class _Named(Protocol):
    @property
    def name_en(self) -> str: ...
    @property
    def name_ar(self) -> str: ...


# The bidi embeddings, overrides and isolates (desktop.core.controls.BIDI_FORMATTING, not
# imported: the window loads this module before its first paint): a label named with them
# would read otherwise on the toolbar and in menus than it is stored.
# desktop.core.controls.BIDI_FORMATTING, written here: importing controls at start-up (its
# patterns compiled) cost 31 M instructions before the first paint (tests/ui/test_i18n.py
# keeps the two the same).
_BIDI_FORMATTING = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def label_name(label: _Named | None, unknown: str = "?") -> str:
    """A label's (or entity type's) name in the interface language: each label has both."""
    if label is None:
        return unknown
    if _current == "ar" and label.name_ar:
        return label.name_ar.translate(_BIDI_FORMATTING)
    return (label.name_en or label.name_ar).translate(_BIDI_FORMATTING)


def _load(translator: QTranslator, name: str) -> bool:
    from pathlib import Path

    # A source checkout's own files first: an editable install made from another checkout
    # (a git worktree) would otherwise map desktop._resources to that checkout's.
    checkout = Path(__file__).resolve().parents[2] / "resources" / TRANSLATIONS_DIR / name
    if checkout.is_file():
        return translator.load(str(checkout))
    from desktop.resources import resource

    found = resource(TRANSLATIONS_DIR) / name
    if isinstance(found, Path):  # installed as files: no importlib.resources (resources.py)
        return found.is_file() and translator.load(str(found))
    from importlib import resources

    with resources.as_file(found) as path:
        return path.is_file() and translator.load(str(path))


# The project's fixed vocabulary (claim stances and statuses, entity types, claim links), kept
# in English in the store and shown translated: ``term("contested")``.
TERMS: Final = {
    "asserts": QT_TRANSLATE_NOOP("Terms", "Asserts"),
    "denies": QT_TRANSLATE_NOOP("Terms", "Denies"),
    "unverified": QT_TRANSLATE_NOOP("Terms", "Unverified"),
    "corroborated": QT_TRANSLATE_NOOP("Terms", "Corroborated"),
    "contested": QT_TRANSLATE_NOOP("Terms", "Contested"),
    "refuted": QT_TRANSLATE_NOOP("Terms", "Refuted"),
    "person": QT_TRANSLATE_NOOP("Terms", "Person"),
    "organisation": QT_TRANSLATE_NOOP("Terms", "Organisation"),
    "location": QT_TRANSLATE_NOOP("Terms", "Location"),
    "event": QT_TRANSLATE_NOOP("Terms", "Event"),
    "other": QT_TRANSLATE_NOOP("Terms", "Other"),
    "claim": QT_TRANSLATE_NOOP("Terms", "Claim"),
    "datetime": QT_TRANSLATE_NOOP("Terms", "Date/time"),
    "note": QT_TRANSLATE_NOOP("Terms", "Note"),
    "supports": QT_TRANSLATE_NOOP("Terms", "supports"),
    "contradicts": QT_TRANSLATE_NOOP("Terms", "contradicts"),
    "repeats": QT_TRANSLATE_NOOP("Terms", "repeats"),
}
LINKED_BY: Final = {
    "supports": QT_TRANSLATE_NOOP("Terms", "supported by"),
    "contradicts": QT_TRANSLATE_NOOP("Terms", "contradicted by"),
    "repeats": QT_TRANSLATE_NOOP("Terms", "repeated by"),
}
"""A claim link seen from its target: "contradicted by" the claim that contradicts it."""


def term(value: str) -> str:
    """A stored vocabulary word (``"contested"``) in the interface language."""
    source = TERMS.get(value)
    return QCoreApplication.translate("Terms", source) if source else value.capitalize()


def link_term(kind: str, outgoing: bool) -> str:
    """A claim link's kind seen from one of its claims: "contradicts" from the claim it starts
    at, "contradicted by" from the one it points to (both read "contradicts" before, so the
    contradicted claim seemed to contradict the other)."""
    source = LINKED_BY.get(kind)
    if outgoing or source is None:
        return term(kind)
    return QCoreApplication.translate("Terms", source)


def label_title(label: _Named | None, unknown: str = "?") -> str:
    """How menus and lists show a label: both names in English ("Person · شخص"), the Arabic
    one alone in the Arabic interface."""
    if label is None:
        return unknown
    if _current == "ar" and label.name_ar:
        return label.name_ar.translate(_BIDI_FORMATTING)
    return f"{label.name_en} · {label.name_ar}".translate(_BIDI_FORMATTING)


class Counts(QObject):
    """Counted phrases for code outside a QObject's methods (a dataclass, a background task, a
    module function): lupdate marks a message as plural (Arabic has six forms) only for
    ``self.tr(text, "", n)``, not for ``QCoreApplication.translate(…, n)``."""

    def articles(self, n: int) -> str:
        return self.tr("%n article(s)", "", n)

    def annotations(self, n: int) -> str:
        return self.tr("%n annotation(s)", "", n)

    def claims(self, n: int) -> str:
        return self.tr("%n claim(s)", "", n)

    def matches(self, n: int) -> str:
        return self.tr("%n match(es)", "", n)

    def entities(self, n: int) -> str:
        return self.tr("%n entity(ies)", "", n)

    def links(self, n: int) -> str:
        return self.tr("%n link(s)", "", n)

    def lanes(self, n: int) -> str:
        return self.tr("%n lane(s)", "", n)

    def mentions(self, n: int) -> str:
        return self.tr("%n mention(s)", "", n)

    def imported(self, n: int) -> str:
        return self.tr("%n imported", "", n)

    def skipped(self, n: int) -> str:
        return self.tr("%n skipped", "", n)

    def failed(self, n: int) -> str:
        return self.tr("%n failed", "", n)

    def cancelled_after(self, done: int, total: int) -> str:
        return self.tr("cancelled after {done} of %n file(s)", "", total).format(done=done)


_counts: list[Counts] = []


def counts() -> Counts:
    """The one ``Counts`` (made on first use)."""
    if not _counts:
        _counts.append(Counts())
    return _counts[0]
