"""The sections of a Word briefing, written from a built report.

:class:`_Writer` turns a :class:`~desktop.io.exporters.report.Report` into a document: it
prepares it (:func:`~desktop.io.exporters.word.document.prepare_document`) and writes, with
the building blocks it inherits from :class:`~desktop.io.exporters.word.builder._Builder`, the
header and footer (marking, title, page number), the cover, then the sections the analyst
chose in their order (summary, claims, contradictions, entities, excerpts, sources) and the
full texts with their highlights. Progress and cancellation go through ``steps``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TypedDict

from docx import Document
from docx.oxml.ns import qn

from desktop.io.exporters.bidi import is_rtl
from desktop.io.exporters.progress import Steps
from desktop.io.exporters.report import (
    ClaimItem,
    Excerpt,
    FullText,
    Highlight,
    Report,
    Source,
    tr,
    tr_or,
)
from desktop.io.exporters.word.builder import _Builder
from desktop.io.exporters.word.document import prepare_document
from desktop.io.exporters.word.figures import BriefingFigure, fit, number
from desktop.io.exporters.word.ooxml import (
    MARKING_COLOR,
    MUTED_COLOR,
    PPR_ORDER,
    SMALL,
    SUBTITLE,
    TITLE,
    WordDocument,
    _child,
)

_QUOTE_PAIRS = (('"', '"'), ("«", "»"), ("“", "”"), ("„", "“"), ("'", "'"), ("‘", "’"))


def without_own_quotes(text: str) -> str:
    """``text`` without the quotation marks around it, when they are one pair: a passage
    tagged with its own marks is not quoted twice (a trial's briefing read «"مصر لن تقبل
    …"»); «"a" and "b"» keeps its marks, which are two pairs."""
    for opening, closing in _QUOTE_PAIRS:
        inner = text[len(opening) : -len(closing)]
        if (
            len(text) > len(opening) + len(closing)
            and text.startswith(opening)
            and text.endswith(closing)
            and opening not in inner
            and closing not in inner
        ):
            return inner.strip()
    return text


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


class _LineStyle(TypedDict, total=False):
    """How one line of a claim is set: keyword arguments of :meth:`_Builder.cell_text`."""

    bold: bool
    italic: bool
    color: str
    rtl: bool


class _Writer(_Builder):
    """Builds one python-docx Document from a Report, section by section."""

    def __init__(
        self, report: Report, steps: Steps, figures: Sequence[BriefingFigure] = ()
    ) -> None:
        self.report = report
        self.steps = steps
        self.figure_images = tuple(figures)
        self.lang = report.language
        super().__init__(Document(), report.language == "ar")
        prepare_document(self.doc, report)

    def t(self, key: str) -> str:
        return tr(key, self.lang)

    def write(self) -> WordDocument:
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
            "figures": self.figures,
        }
        for key in self.report.body_keys(figures=bool(self.figure_images)):
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

    def figures(self) -> None:
        """Each figure centred at the text width (see :func:`.figures.fit`), its numbered
        caption under it, the two kept on one page. After the summary, on its page: the
        heading keeps with the picture, which moves to the next page when it does not fit."""
        self.heading(self.t("section.figures"), 1)
        for index, figure in enumerate(self.figure_images, start=1):
            self.steps.check()
            width, height = fit(figure.width_mm, figure.height_mm)
            holder = self.paragraph(self.body, rtl=self.rtl, center=True)
            _child(holder.find(qn("w:pPr")), "w:keepNext", PPR_ORDER)
            caption = f"{self.t('figure')} {number(index, self.lang)}: {figure.caption}"
            self.picture(holder, figure.png, width, height, caption)
            paragraph = self.paragraph(
                self.body, caption, style="Caption", size=SMALL, rtl=self.rtl, center=True
            )
            self.spacing(paragraph, before=4, after=14)

    def summary(self) -> None:
        self.heading(self.t("section.summary"), 1)
        paragraphs = self.report.summary_paragraphs()
        if not paragraphs:
            self.muted(self.body, self.t("no_summary"))
        for block in paragraphs:
            self.paragraph(self.body, block)

    def _claim_lines(self, claim: ClaimItem) -> list[tuple[str, _LineStyle]]:
        lines: list[tuple[str, _LineStyle]] = []
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
        text = without_own_quotes(" ".join(text.split()))
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
            [0.8, 5.1, 2.9, 2.2, 1.6, 2.4, 1.6],  # a claimant's two names on one line
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
