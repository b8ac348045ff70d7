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

English reports are plain left-to-right documents: no ``bidi`` on the section, the styles, the
tables or English paragraphs. Arabic quotations inside them still get right-to-left
paragraphs.
"""

from __future__ import annotations

import copy
import os
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.table import WD_TABLE_DIRECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from desktop.core.errors import HamishError
from desktop.io.exporters import replace_on_success
from desktop.io.exporters.bidi import NUMBER_RE, is_rtl, last_strong, protect_numbers, segments
from desktop.io.exporters.progress import CancelCheck, ProgressCallback, Steps
from desktop.io.exporters.report import (
    ClaimItem,
    Excerpt,
    FullText,
    Highlight,
    Report,
    ReportOptions,
    Source,
    build_report,
    tr,
    tr_or,
)
from desktop.io.exporters.word.document import prepare_document
from desktop.io.exporters.word.ooxml import (
    _CONTROL_RE,
    BODY,
    HEADER_FILL,
    HEADING,
    LINK_COLOR,
    MARKING_COLOR,
    MUTED_COLOR,
    PPR_ORDER,
    RPR_ORDER,
    SMALL,
    SUBTITLE,
    TABLE,
    TCPR_ORDER,
    TITLE,
    TRPR_ORDER,
    XML_SPACE,
    Size,
    _child,
    _set_fonts,
    _set_size,
    _set_toggle,
)
from desktop.store.project import Project


def _lighten(color: str, amount: float = 0.6) -> str:
    """A label colour mixed with white, so highlighted text stays readable when printed."""
    value = color.lstrip("#")
    if len(value) != 6:
        return "FFF2A8"
    try:
        channels = [int(value[i : i + 2], 16) for i in (0, 2, 4)]
    except ValueError:
        return "FFF2A8"
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


# --- the writer -------------------------------------------------------------------------------
class _Writer:
    """Builds one python-docx Document from a Report. Every paragraph and run goes through
    :meth:`paragraph` and :meth:`run`, which is where the direction rules live."""

    def __init__(self, report: Report, steps: Steps) -> None:
        self.report = report
        self.steps = steps
        self.lang = report.language
        self.rtl = report.language == "ar"
        self.doc: Any = Document()
        self.body = self.doc.element.body
        self._body_end = self.body.find(qn("w:sectPr"))
        self._ppr_cache: dict[tuple[str | None, str | None, bool], Any] = {}
        self._rpr_cache: dict[tuple[Any, ...], Any] = {}
        self._style_ids: dict[str, str] = {}
        self._row_templates: dict[int, Any] = {}
        prepare_document(self.doc, report)

    def t(self, key: str) -> str:
        return tr(key, self.lang)

    # --- paragraphs and runs ------------------------------------------------------------
    # Paragraphs and runs are built as WordprocessingML elements directly, from property
    # templates copied per use: python-docx's object layer (style look-up by name, run
    # wrappers) costs ~10x more, which matters for a briefing of a thousand claims.
    # Containers are elements too: the body, a header or footer, a table cell.

    def new_paragraph(self, container: Any) -> Any:
        paragraph = OxmlElement("w:p")
        if container is self.body:
            self._body_end.addprevious(paragraph)  # the body ends with its sectPr
        else:
            container.append(paragraph)
        return paragraph

    def _ppr(self, style: str | None, bidi: str | None, center: bool) -> Any:
        key = (style, bidi, center)
        template = self._ppr_cache.get(key)
        if template is None:
            template = OxmlElement("w:pPr")
            if style is not None:
                _child(template, "w:pStyle", PPR_ORDER).set(qn("w:val"), self.style_id(style))
            if bidi is not None:
                bidi_element = _child(template, "w:bidi", PPR_ORDER)
                if bidi == "off":
                    bidi_element.set(qn("w:val"), "0")
            if center:
                _child(template, "w:jc", PPR_ORDER).set(qn("w:val"), "center")
            self._ppr_cache[key] = template
        return copy.deepcopy(template)

    def style_id(self, name: str) -> str:
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def paragraph(
        self,
        container: Any,
        text: str = "",
        *,
        style: str | None = None,
        size: Size = BODY,
        rtl: bool | None = None,
        bold: bool = False,
        italic: bool = False,
        color: str | None = None,
        center: bool = False,
        reuse: Any = None,
    ) -> Any:
        """A paragraph whose direction follows its text (``rtl`` forces it)."""
        paragraph = reuse if reuse is not None else self.new_paragraph(container)
        lettered = last_strong(text) is not None
        if rtl is not None:
            direction = rtl
        elif lettered or not text or not center:
            direction = is_rtl(text, self.rtl)
        else:
            # A centred text without letters (a date, a count, a grade) is set left-to-right
            # in the Latin font: where it sits does not depend on the direction, and
            # LibreOffice would otherwise give its digits the Arabic font and size.
            direction = False
        # Right-to-left paragraphs say so; left-to-right ones only need to where the Normal
        # style is right-to-left (an Arabic report). English paragraphs of an English report
        # carry no bidi property at all.
        bidi = "on" if direction else ("off" if self.rtl else None)
        for old in paragraph.findall(qn("w:pPr")):
            paragraph.remove(old)
        paragraph.insert(0, self._ppr(style, bidi, center))
        if text:
            self.runs(
                paragraph,
                text,
                direction,
                size=size,
                bold=bold,
                italic=italic,
                color=color,
                run_rtl=None if lettered else False,
            )
        return paragraph

    def spacing(
        self, paragraph: Any, *, before: float | None = None, after: float | None = None
    ) -> None:
        """Space before/after a paragraph, in points."""
        element = _child(paragraph.find(qn("w:pPr")), "w:spacing", PPR_ORDER)
        if before is not None:
            element.set(qn("w:before"), str(round(before * 20)))
        if after is not None:
            element.set(qn("w:after"), str(round(after * 20)))

    def direction_of(self, paragraph: Any) -> bool:
        """The direction :meth:`paragraph` gave the paragraph (else the report's)."""
        bidi = paragraph.find(f"{qn('w:pPr')}/{qn('w:bidi')}")
        if bidi is None:
            return self.rtl
        return bidi.get(qn("w:val")) not in ("0", "false", "off")

    def runs(
        self,
        paragraph: Any,
        text: str,
        rtl: bool | None = None,
        *,
        size: Size = BODY,
        bold: bool = False,
        italic: bool = False,
        color: str | None = None,
        shade: str | None = None,
        run_rtl: bool | None = None,
    ) -> list[Any]:
        """Add ``text`` as runs split by direction (``run_rtl`` forces one direction for
        every run); newlines become line breaks, dates get :func:`protect_numbers`."""
        if rtl is None:
            rtl = self.direction_of(paragraph)
        if NUMBER_RE.search(text):
            before = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
            text = protect_numbers(text, before)
        made: list[Any] = []
        for index, line in enumerate(text.split("\n")):
            if index:
                if not made:
                    made.append(self.run(paragraph, "", rtl=rtl, size=size))
                made[-1].append(OxmlElement("w:br"))
            pieces = segments(line, rtl) if run_rtl is None else [(line, run_rtl)]
            for piece, piece_rtl in pieces:
                made.append(
                    self.run(
                        paragraph,
                        piece,
                        rtl=piece_rtl,
                        size=size,
                        bold=bold,
                        italic=italic,
                        color=color,
                        shade=shade,
                    )
                )
        return made

    def run(
        self,
        paragraph: Any,
        text: str,
        *,
        rtl: bool,
        size: Size = BODY,
        bold: bool = False,
        italic: bool = False,
        color: str | None = None,
        shade: str | None = None,
        underline: bool = False,
    ) -> Any:
        run = OxmlElement("w:r")
        run.append(self._rpr(rtl, size, bold, italic, color, shade, underline))
        if _CONTROL_RE.search(text):
            text = _CONTROL_RE.sub(" ", text)
        if text:
            t = OxmlElement("w:t")
            t.text = text
            if text[0].isspace() or text[-1].isspace():
                t.set(XML_SPACE, "preserve")
            run.append(t)
        paragraph.append(run)
        return run

    def _rpr(
        self,
        rtl: bool,
        size: Size,
        bold: bool,
        italic: bool,
        color: str | None,
        shade: str | None,
        underline: bool,
    ) -> Any:
        """Run properties: fonts for Latin and complex script, both sizes, bold and italic
        for both (italic never for Arabic), colour, shading, and ``w:rtl`` on Arabic runs."""
        key = (rtl, size, bold, italic, color, shade, underline)
        template = self._rpr_cache.get(key)
        if template is None:
            template = OxmlElement("w:rPr")
            _set_fonts(template)
            if bold:
                _set_toggle(template, "w:b", True)
                _set_toggle(template, "w:bCs", True)
            if italic:
                _set_toggle(template, "w:i", True)
                _set_toggle(template, "w:iCs", False)
            if color is not None:
                _child(template, "w:color", RPR_ORDER).set(qn("w:val"), color)
            _set_size(template, size)
            if underline:
                _child(template, "w:u", RPR_ORDER).set(qn("w:val"), "single")
            if shade is not None:
                shd = _child(template, "w:shd", RPR_ORDER)
                shd.set(qn("w:val"), "clear")
                shd.set(qn("w:color"), "auto")
                shd.set(qn("w:fill"), shade)
            if rtl:
                _child(template, "w:rtl", RPR_ORDER)
            self._rpr_cache[key] = template
        return copy.deepcopy(template)

    def hyperlink(self, paragraph: Any, url: str, *, size: Size = BODY) -> None:
        """A clickable URL; always left-to-right, so it reads in order inside Arabic."""
        r_id = self.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), r_id)
        run = self.run(paragraph, url, rtl=False, size=size, color=LINK_COLOR, underline=True)
        link.append(run)  # moves the run into the link
        paragraph.append(link)

    def field(self, paragraph: Any, instruction: str, placeholder: str, size: Size) -> None:
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), instruction)
        field.append(self.run(paragraph, placeholder, rtl=False, size=size, color=MUTED_COLOR))
        paragraph.append(field)

    def page_break(self) -> None:
        run = self.run(self.paragraph(self.body, rtl=self.rtl), "", rtl=False)
        br = OxmlElement("w:br")
        br.set(qn("w:type"), "page")
        run.append(br)

    def heading(self, text: str, level: int, *, page_break: bool = False) -> Any:
        paragraph = self.paragraph(self.body, text, style=f"Heading {level}", size=HEADING[level])
        if page_break:
            _child(paragraph.find(qn("w:pPr")), "w:pageBreakBefore", PPR_ORDER)
        return paragraph

    def muted(self, container: Any, text: str, *, center: bool = False) -> Any:
        return self.paragraph(
            container, text, size=SMALL, color=MUTED_COLOR, italic=True, center=center
        )

    # --- tables -------------------------------------------------------------------------
    def table(self, headers: Sequence[str], widths: Sequence[float]) -> Any:
        """A Table Grid table with a shaded header row repeated on every page; returns the
        ``w:tbl`` element. Right-to-left (``bidiVisual``) in an Arabic report."""
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        if self.rtl:
            table.table_direction = WD_TABLE_DIRECTION.RTL
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        tbl = table._tbl
        header = tbl.find(qn("w:tr"))
        trpr = header.get_or_add_trPr()
        _child(trpr, "w:cantSplit", TRPR_ORDER)
        _child(trpr, "w:tblHeader", TRPR_ORDER)  # repeated on every page
        for tc, text, width in zip(header.findall(qn("w:tc")), headers, widths, strict=True):
            tc.width = Cm(width)
            shd = _child(tc.get_or_add_tcPr(), "w:shd", TCPR_ORDER)
            shd.set(qn("w:val"), "clear")
            shd.set(qn("w:color"), "auto")
            shd.set(qn("w:fill"), HEADER_FILL)
            self.paragraph(tc, text, size=TABLE, bold=True, rtl=self.rtl, reuse=tc.find(qn("w:p")))
        # Body rows are copies of one empty row: cells with their widths and a paragraph.
        template = OxmlElement("w:tr")
        for width in widths:
            tc = OxmlElement("w:tc")
            tc.width = Cm(width)
            tc.append(OxmlElement("w:p"))
            template.append(tc)
        self._row_templates[id(tbl)] = template
        return tbl

    def add_row(self, tbl: Any) -> list[Any]:
        row = copy.deepcopy(self._row_templates[id(tbl)])
        tbl.append(row)
        return list(row.findall(qn("w:tc")))

    def cell_text(
        self,
        cell: Any,
        text: str,
        *,
        first: bool = True,
        bold: bool = False,
        italic: bool = False,
        color: str | None = None,
        center: bool = False,
        size: Size = TABLE,
        rtl: bool | None = None,
    ) -> Any:
        """Write into a cell: the first call reuses the cell's empty paragraph."""
        return self.paragraph(
            cell,
            text,
            size=size,
            bold=bold,
            italic=italic,
            color=color,
            center=center,
            rtl=rtl,
            reuse=cell.find(qn("w:p")) if first else None,
        )

    # --- sections -----------------------------------------------------------------------
    def write(self) -> Any:
        self.header_and_footer()
        self.cover()
        self.steps.advance("cover")
        writers = {
            "summary": self.summary,
            "claims": self.claims,
            "contradictions": self.contradictions,
            "entities": self.entities,
            "excerpts": self.excerpts,
            "sources": self.sources,
        }
        for key in self.report.options.sections:
            writers[key]()
            self.steps.advance(key)
        if self.report.options.include_full_texts:
            self.full_texts()
        return self.doc

    def header_and_footer(self) -> None:
        section = self.doc.sections[0]
        for part, style in ((section.header, "Header"), (section.footer, "Footer")):
            element = part._element
            self.paragraph(
                element,
                self.report.marking,
                style=style,
                size=SMALL,
                bold=True,
                color=MARKING_COLOR,
                center=True,
                reuse=element.find(qn("w:p")),
            )
        footer = section.footer._element
        page = self.paragraph(footer, style="Footer", rtl=self.rtl, center=True)
        self.runs(page, f"{self.report.title} · {self.t('page')} ", self.rtl, size=SMALL)
        self.field(page, "PAGE", "1", SMALL)

    def cover(self) -> None:
        report = self.report
        body = self.body
        self.spacing(self.paragraph(body, rtl=self.rtl), before=110)
        self.paragraph(body, report.title, style="Title", size=TITLE, center=True)
        self.paragraph(body, self.t("subtitle"), style="Subtitle", size=SUBTITLE, center=True)
        lines = [
            (self.t("prepared_by"), report.options.author or "—"),
            (self.t("date"), report.date),
            (self.t("scope"), report.scope_label),
            (self.t("articles"), str(len(report.sources))),
        ]
        for label, value in lines:
            paragraph = self.paragraph(body, rtl=self.rtl, center=True)
            self.runs(paragraph, f"{label}: ", self.rtl, bold=True)
            self.runs(paragraph, value, self.rtl)
        marking = self.paragraph(
            body, report.marking, size=SUBTITLE, bold=True, color=MARKING_COLOR, center=True
        )
        self.spacing(marking, before=36)
        outline = "  ·  ".join(
            f"{entry.heading}: {entry.count}"
            for entry in report.outline()
            if entry.key != "summary"
        )
        if outline:
            self.muted(body, outline, center=True)
        self.page_break()

    def summary(self) -> None:
        self.heading(self.t("section.summary"), 1)
        paragraphs = self.report.summary_paragraphs()
        if not paragraphs:
            self.muted(self.body, self.t("no_summary"))
        for block in paragraphs:
            self.paragraph(self.body, block)

    def _claim_lines(self, claim: ClaimItem) -> list[tuple[str, dict[str, Any]]]:
        lines: list[tuple[str, dict[str, Any]]] = []
        if claim.summary.strip():
            lines.append((claim.summary.strip(), {"bold": True}))
        lines.append((self._quoted(claim.quote), {"italic": not claim.summary.strip()}))
        if claim.subjects:
            lines.append(
                (
                    f"{self.t('subjects')}: {self._join(claim.subjects)}",
                    # "label: values" reads in the report's direction whatever the values are.
                    {"color": MUTED_COLOR, "rtl": self.rtl},
                )
            )
        return lines

    def _join(self, items: Iterable[str]) -> str:
        return ("، " if self.rtl else ", ").join(items)

    def _quoted(self, text: str) -> str:
        text = " ".join(text.split())
        return f"«{text}»" if is_rtl(text, self.rtl) else f"“{text}”"

    def _stance(self, stance: str) -> str:
        return tr_or(f"stance.{stance}", self.lang, stance)

    def _status(self, status: str) -> str:
        return tr_or(f"status.{status}", self.lang, status)

    def claims(self) -> None:
        self.heading(self.t("section.claims"), 1)
        claims = self.report.claims
        if not claims:
            self.muted(self.body, self.t("none.claims"))
            return
        self.muted(self.body, self.t("claims_intro"))
        table = self.table(
            [
                self.t("col.number"),
                self.t("col.claim"),
                self.t("col.claimant"),
                self.t("col.status"),
                self.t("col.grade"),
                self.t("col.date"),
                self.t("col.source"),
            ],
            [0.8, 5.2, 2.5, 2.6, 1.5, 2.4, 1.6],
        )
        for claim in claims:
            self.steps.check()
            cells = self.add_row(table)
            self.cell_text(cells[0], str(claim.number), center=True)
            for index, (text, style) in enumerate(self._claim_lines(claim)):
                self.cell_text(cells[1], text, first=index == 0, **style)
            self.cell_text(cells[2], claim.claimant or "—")
            self.cell_text(cells[2], self._stance(claim.stance), first=False, color=MUTED_COLOR)
            self.cell_text(cells[3], self._status(claim.status))
            self.cell_text(cells[4], claim.grade or "—", center=True)
            self.cell_text(cells[5], claim.date or "—", center=True)
            self.cell_text(cells[6], f"[{claim.citation}]", center=True)

    def contradictions(self) -> None:
        self.heading(self.t("section.contradictions"), 1)
        pairs = self.report.contradictions
        if not pairs:
            self.muted(self.body, self.t("none.contradictions"))
            return
        table = self.table([self.t("col.left"), self.t("col.right")], [8.3, 8.3])
        for pair in pairs:
            self.steps.check()
            cells = self.add_row(table)
            for cell, claim in zip(cells, (pair.left, pair.right), strict=True):
                lines = self._claim_lines(claim)
                for index, (text, style) in enumerate(lines):
                    self.cell_text(cell, text, first=index == 0, **style)
                who = claim.claimant or self.t("unknown")
                self.cell_text(
                    cell, f"{who} ({self._stance(claim.stance)})", first=False, rtl=self.rtl
                )
                details = [self._status(claim.status)]
                if claim.grade:
                    details.append(claim.grade)
                if claim.date:
                    details.append(claim.date)
                details.append(f"#{claim.number} [{claim.citation}]")
                self.cell_text(cell, " · ".join(details), first=False, color=MUTED_COLOR)

    def entities(self) -> None:
        self.heading(self.t("section.entities"), 1)
        entities = self.report.entities
        if not entities:
            self.muted(self.body, self.t("none.entities"))
            return
        table = self.table(
            [
                self.t("col.name"),
                self.t("col.type"),
                self.t("col.aliases"),
                self.t("col.mentions"),
                self.t("col.documents"),
                self.t("col.description"),
            ],
            [3.3, 2.4, 3.1, 2.1, 1.9, 3.8],
        )
        for entity in entities:
            self.steps.check()
            cells = self.add_row(table)
            self.cell_text(cells[0], entity.name, bold=True)
            self.cell_text(cells[1], tr_or(f"type.{entity.type}", self.lang, entity.type))
            self.cell_text(cells[2], self._join(entity.aliases) or "—")
            self.cell_text(cells[3], str(entity.mentions), center=True)
            self.cell_text(cells[4], str(entity.documents), center=True)
            self.cell_text(cells[5], entity.description or "—")

    def excerpts(self) -> None:
        self.heading(self.t("section.excerpts"), 1)
        excerpts = self.report.excerpts
        if not excerpts:
            self.muted(self.body, self.t("none.excerpts"))
            return
        sources = {s.document_id: s for s in self.report.sources}
        current: int | None = None
        for excerpt in excerpts:
            if excerpt.document_id != current:
                self.steps.check()
                current = excerpt.document_id
                source = sources[current]
                self.heading(f"{source.title} [{source.number}]", 2)
            self.excerpt(excerpt)

    def excerpt(self, excerpt: Excerpt) -> None:
        quoted = self._quoted(excerpt.quote)
        quote = self.paragraph(self.body, style="Quote", rtl=is_rtl(excerpt.quote, self.rtl))
        self.runs(quote, quoted)
        self.runs(quote, f" [{excerpt.citation}]", bold=True)
        meta = [excerpt.label]
        if excerpt.entity:
            meta.append(excerpt.entity)
        if excerpt.author:
            meta.append(excerpt.author)
        if excerpt.orphaned:
            meta.append(self.t("orphaned"))
        self.paragraph(
            self.body, " · ".join(meta), size=SMALL, color=MUTED_COLOR, italic=True, rtl=self.rtl
        )
        note = excerpt.note.strip()
        if note:
            rtl = is_rtl(note, self.rtl)
            label = f"{self.t('note')}:"
            if rtl == self.rtl:
                paragraph = self.paragraph(self.body, rtl=rtl)
                self.runs(paragraph, label + " ", bold=True)
            else:
                # A label in the report's language inside a paragraph of the other direction
                # would get its colon thrown to the wrong end: give it a line of its own.
                self.spacing(self.paragraph(self.body, label, bold=True, rtl=self.rtl), after=0)
                paragraph = self.paragraph(self.body, rtl=rtl)
            self.runs(paragraph, note)

    def sources(self) -> None:
        self.heading(self.t("section.sources"), 1)
        if not self.report.sources:
            self.muted(self.body, self.t("none.sources"))
            return
        for source in self.report.sources:
            self.source(source)

    def source(self, source: Source) -> None:
        rtl = is_rtl(source.title, self.rtl)
        paragraph = self.paragraph(self.body, rtl=rtl)
        self.spacing(paragraph, after=4)
        self.runs(paragraph, f"[{source.number}] ", bold=True)
        self.runs(paragraph, source.title, bold=True)
        details = [d for d in (source.outlet, source.author, source.published or "") if d]
        if details:
            self.runs(paragraph, "\n" + " · ".join(details), size=SMALL, color=MUTED_COLOR)
        if source.url:
            self.runs(paragraph, "\n", size=SMALL)
            self.hyperlink(paragraph, source.url, size=SMALL)

    def full_texts(self) -> None:
        for index, text in enumerate(self.report.texts):
            if index == 0:
                self.heading(self.t("section.texts"), 1, page_break=True)
            self.heading(f"{text.source.title} [{text.source.number}]", 2)
            self.full_text(text)
            self.steps.advance(text.source.title)

    def full_text(self, text: FullText) -> None:
        highlights = sorted(text.highlights, key=lambda h: (h.start, h.end))
        starts = [h.start for h in highlights]
        rtl = (
            is_rtl(text.text, self.rtl)
            if text.source.direction not in ("rtl", "ltr")
            else (text.source.direction == "rtl")
        )
        offset = 0
        for line in text.text.split("\n"):
            begin, end = offset, offset + len(line)
            offset = end + 1
            if not line.strip():
                continue
            paragraph = self.paragraph(self.body, rtl=rtl)
            # Highlights that may overlap this line: those starting before its end (a span
            # never starts after it ends), filtered by where they end.
            upto = bisect_left(starts, end)
            here = [h for h in highlights[:upto] if h.end > begin]
            for piece_start, piece_end, color in _colour_pieces(begin, end, here):
                self.runs(
                    paragraph,
                    text.text[piece_start:piece_end],
                    rtl,
                    shade=None if color is None else _lighten(color),
                )


def _colour_pieces(
    begin: int, end: int, highlights: Sequence[Highlight]
) -> list[tuple[int, int, str | None]]:
    """Cut [begin, end) where highlights start and stop; each piece takes the colour of the
    shortest highlight covering it (the innermost of nested spans), or none."""
    points = {begin, end}
    for h in highlights:
        points.add(max(begin, h.start))
        points.add(min(end, h.end))
    pieces: list[tuple[int, int, str | None]] = []
    for a, b in pairwise(sorted(points)):
        covering = [h for h in highlights if h.start <= a and h.end >= b]
        color = min(covering, key=lambda h: h.end - h.start).color if covering else None
        if pieces and pieces[-1][2] == color and pieces[-1][1] == a:
            pieces[-1] = (pieces[-1][0], b, color)
        else:
            pieces.append((a, b, color))
    return pieces


# --- entry point ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DocxSummary:
    path: Path
    counts: dict[str, int]
    size: int


def write_docx(report: Report, path: str | os.PathLike[str], steps: Steps | None = None) -> int:
    """Write a built report; returns the file size. Atomic: see ``replace_on_success``."""
    steps = steps or Steps()
    sections = len(report.options.sections)
    steps.grow(2 + sections + (len(report.texts) if report.options.include_full_texts else 0))
    document = _Writer(report, steps).write()
    steps.check()
    target = Path(path)
    with replace_on_success(target) as tmp:
        document.save(str(tmp))
        steps.check()
    steps.advance("saved")
    return target.stat().st_size


def export_docx(
    project: Project,
    path: str | os.PathLike[str],
    options: ReportOptions,
    *,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> DocxSummary:
    """Build and write the briefing. On cancellation (``ExportCancelled``) or any error no
    file is left behind and an earlier file at ``path`` is untouched."""
    target = Path(path)
    if target.resolve() == project.path.resolve():
        raise HamishError(f"{target} is the project itself; choose another file to export to.")
    steps = Steps(progress, cancelled)
    report = build_report(project, options, steps=steps)
    size = write_docx(report, target, steps)
    return DocxSummary(target, report.counts(), size)
