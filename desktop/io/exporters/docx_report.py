"""The briefing as a Word document that reads right in Arabic (and in English).

python-docx has no right-to-left API, so the properties Word and LibreOffice need are written
as WordprocessingML directly. What each one is for (all were checked by rendering with
LibreOffice; see tests/io/test_docx_render.py):

* ``w:pPr/w:bidi`` on every right-to-left paragraph: the paragraph runs from the right, and its
  start is the right edge. Alignment is never set to ``right``: inside a bidi paragraph
  ``left``/``right`` mean start/end, so ``jc=right`` would push Arabic to the *left*. Paragraphs
  are left at their start alignment (or centred).
* Run properties for complex script: Word formats Arabic with the ``cs`` variants, so every run
  names ``w:rFonts/@w:cs`` (besides ``ascii``/``hAnsi``), ``w:szCs`` next to ``w:sz`` and
  ``w:bCs``/``w:iCs`` next to ``w:b``/``w:i`` — without them Arabic keeps 11 pt, the theme font
  and no bold. Runs of Arabic text also carry ``w:rtl``.
* Latin inside Arabic (``Russia-Now.com``, ``John Kerry``) is cut into its own runs *without*
  ``w:rtl``, with the neutral characters between two Latin letters (``-``, ``.``, spaces) kept
  inside the Latin run, as the Unicode bidi algorithm would resolve them. So a domain name is
  never split into pieces that the paragraph direction then reorders.
* Dates after Arabic words get a left-to-right mark (``bidi.protect_numbers``): otherwise the
  bidi algorithm turns their digits into Arabic numbers and shows ``2016-07-16`` as
  ``16-07-2016`` in one place and as written in another.
* Tables of an Arabic report have ``w:tblPr/w:bidiVisual``: the first column is on the right.
  The section has ``w:sectPr/w:bidi`` (page numbering and columns run right to left) and the
  Normal style carries ``w:bidi``, so a paragraph the reader adds is right-to-left too.
* Styles are the real Word styles (Title, Heading 1–3, Quote, Table Grid, Header, Footer…), so
  the reader can restyle the report and build a table of contents. Their theme font references
  are replaced by named fonts with the ``cs`` font and size set as well: the template's theme
  would otherwise give Arabic headings Times New Roman at the Latin size.

Fonts: Arabic in Noto Naskh Arabic, Latin in Noto Sans (Debian: fonts-noto-core). The font
table names Arial as the alternative for both, which Word uses on machines without Noto; both
LibreOffice and Word fall back by script otherwise. Noto Naskh Arabic has no ``[ ] # / · —``:
inside Arabic runs LibreOffice draws those from a fallback font (DejaVu Sans here), which
looks right but shows up as a third font in the PDF.

Paragraphs and runs are built as elements rather than through python-docx's objects, from
cached property templates: the object layer is about ten times slower, and a briefing of a
thousand claims must stay well under ten seconds (benchmarks/export.py).

The work is split by level in :mod:`desktop.io.exporters.word` (the WordprocessingML helpers,
the document-wide setup, the paragraph/run/table builder, the briefing's sections); this module
is the entry point: :func:`export_docx` builds and writes a briefing, :func:`write_docx`
writes a built report.

English reports are plain left-to-right documents: no ``bidi`` on the section, the styles, the
tables or English paragraphs. Arabic quotations inside them still get right-to-left
paragraphs.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.io.exporters import check_export_target, replace_on_success
from desktop.io.exporters.progress import CancelCheck, ProgressCallback, Steps
from desktop.io.exporters.report import Report, ReportOptions, build_report
from desktop.io.exporters.word.figures import BriefingFigure
from desktop.io.exporters.word.sections import _Writer
from desktop.store.project import Project


@dataclass(frozen=True, slots=True)
class DocxSummary:
    path: Path
    counts: dict[str, int]
    size: int


def write_docx(
    report: Report,
    path: str | os.PathLike[str],
    steps: Steps | None = None,
    *,
    overwrite: bool = False,
    project_path: Path | None = None,
    figures: Sequence[BriefingFigure] = (),
) -> int:
    """Write a built report; returns the file size. Atomic, and only where an export may
    write: see ``replace_on_success``. ``figures``: drawn by the caller (see
    :mod:`desktop.io.exporters.word.figures`), in a Figures section after the last section."""
    steps = steps or Steps()
    sections = len(report.options.sections) + (1 if figures else 0)
    steps.grow(2 + sections + (len(report.texts) if report.options.include_full_texts else 0))
    document = _Writer(report, steps, figures).write()
    steps.check()
    target = Path(path)
    # Zipped in memory, then written by Python: saved into the file, a full disk left
    # python-docx's ZipFile unclosed, and its __del__ printed a second traceback after the
    # one-line message (found by the attacker). In memory the zip always completes.
    packed = io.BytesIO()
    document.save(packed)
    steps.check()
    with replace_on_success(target, overwrite=overwrite, project_path=project_path) as tmp:
        tmp.write_bytes(packed.getbuffer())
        steps.check()
    steps.advance("saved")
    return target.stat().st_size


def export_docx(
    project: Project,
    path: str | os.PathLike[str],
    options: ReportOptions,
    *,
    overwrite: bool = False,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
    figures: Sequence[BriefingFigure] = (),
) -> DocxSummary:
    """Build and write the briefing. The target is checked before anything is built (a
    briefing can take seconds and hundreds of megabytes): an existing file is replaced only
    with ``overwrite``. On cancellation (``ExportCancelled``) or any error no file is left
    behind and an earlier file at ``path`` is untouched."""
    target = Path(path)
    check_export_target(target, overwrite=overwrite, project_path=project.path)
    steps = Steps(progress, cancelled)
    report = build_report(project, options, steps=steps)
    size = write_docx(
        report, target, steps, overwrite=overwrite, project_path=project.path, figures=figures
    )
    # The figures written, which the caller drew (the options only asked for them).
    return DocxSummary(target, {**report.counts(), "figures": len(figures)}, size)
