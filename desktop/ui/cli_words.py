"""The headless commands' words in the interface language: ``hamish --lang ar import …``
printed its refusals and summaries in English whatever ``--lang`` said. The same translations
as the window's (``hamish_ar.qm``; the lower layers' messages through ``errors.error_text``),
loaded into a ``QCoreApplication`` — no display needed. English output stays exactly as the
commands write it (scripts read it); only an Arabic run comes here.

A terminal shows Arabic in its own order, and ``cli_common.echo`` shows every bidi control as
an escape: the isolates ``error_text`` puts around file names and values (U+2066–U+2069) are
taken out again, so a file name reads as itself, not «\\u2066a.qdpx\\u2069»."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from desktop.ui.i18n import counts
from desktop.ui.widgets.bidi import list_separator

if TYPE_CHECKING:
    from desktop.store.transfer import LoadReport

_ISOLATES = dict.fromkeys(range(0x2066, 0x206A))


def plain(text: str) -> str:
    """``text`` without the directional isolates that translation added."""
    return text.translate(_ISOLATES)


class CommandWords(QObject):
    """What ``hamish import`` says, translated."""

    def error(self, message: str) -> str:
        """A refusal or notice of the lower layers (English) in the interface language."""
        from desktop.ui.errors import error_text

        return plain(error_text(message))

    def loaded(self, file: Path, report: LoadReport) -> str:
        """One imported project file (Hamish JSON, Web Annotation, REFI-QDA, XMI, brat)."""
        said = counts()
        parts = (
            said.articles(report.documents),
            said.annotations(report.annotations),
            self.tr("%n label(s)", "", report.labels),
            said.entities(report.entities),
            said.claims(report.claims),
        )
        how = (
            self.tr("restored with their ids")
            if report.mode == "restore"
            else self.tr("merged, ids renumbered")
        )
        line = self.tr("imported  {file}: {counts} ({how})").format(
            file=file, counts=list_separator().join(parts), how=how
        )
        skipped = self.tr("%n duplicate article(s) skipped", "", len(report.skipped_documents))
        if report.skipped["annotations"]:
            skipped = self.tr("{skipped} with {annotations}").format(
                skipped=skipped, annotations=said.annotations(report.skipped["annotations"])
            )
        between = self.tr("; ")  # «؛ » in Arabic
        line += between + skipped
        if report.entities_matched:
            line += between + self.tr("%n entity(ies) already present", "", report.entities_matched)
        return line

    def files(self, imported: int, skipped: int, failed: int, noted: int) -> str:
        """The closing line of an import of articles."""
        said = counts()
        line = list_separator().join(
            (said.imported(imported), said.skipped(skipped), said.failed(failed))
        )
        if noted:
            line += " " + self.tr("(%n with notes)", "", noted)
        return line


def command_words(language: str | None) -> CommandWords | None:
    """The words of an Arabic run (``language`` "ar", and its translation loaded), else None:
    the command then prints its own English."""
    from desktop.ui.i18n import install_for_commands

    if language != "ar" or install_for_commands(language) != "ar":
        return None
    return CommandWords()
