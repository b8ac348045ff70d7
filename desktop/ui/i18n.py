"""The interface language: which one (Arabic or English), and loading its translations.

English is the source language of every string (``self.tr("…")``, ``QCoreApplication.translate``,
``QT_TRANSLATE_NOOP``); Arabic comes from ``resources/translations/hamish_ar.qm`` (made by
``pyside6-lrelease`` from ``hamish_ar.ts``) plus Qt's own ``qtbase_ar.qm`` for the standard
dialogs. The choice, strongest first: ``hamish --lang ar|en`` for one run, the
``HAMISH_LANG`` environment variable (tests pin it to English), the Interface Language setting,
then the system locale (Arabic → Arabic, anything else → English). The language applies when
the window is built, so a change of the setting applies at the next start.

In Arabic the whole interface is mirrored (``Qt.RightToLeft``): menus open from the right and
the dock areas swap sides. An article's own direction never follows the interface: the reader
sets each document's text direction from the article itself.
"""

from __future__ import annotations

import os
from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

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


def install_language(app: QApplication, language: str) -> str:
    """Load the translations of ``language`` into ``app`` (before any window is built) and set
    the layout direction. Returns the language actually in effect: Arabic falls back to
    English, left to right, if Hamish's translation file cannot be loaded."""
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    effective = "en"
    if language == "ar":
        ours = QTranslator(app)
        if _load_hamish(ours):
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
            effective = "ar"
            qt = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load("qtbase_ar", qt_dir):  # Qt's own dialogs and buttons
                QCoreApplication.installTranslator(qt)
                _installed.append(qt)
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if effective == "ar" else Qt.LayoutDirection.LeftToRight
    )
    app.setProperty("hamish_language", effective)
    return effective


def current_language() -> str:
    """The language ``install_language`` put in effect (English before it runs)."""
    app = QCoreApplication.instance()
    value = app.property("hamish_language") if app is not None else None
    return value if value in LANGUAGES else "en"


def _load_hamish(translator: QTranslator) -> bool:
    from importlib import resources

    from desktop.resources import resource

    with resources.as_file(resource(TRANSLATIONS_DIR) / "hamish_ar.qm") as path:
        return path.is_file() and translator.load(str(path))
