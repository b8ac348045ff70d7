"""The building blocks of a Word briefing: paragraphs, runs, fields, headings and tables.

:class:`_Builder` holds the python-docx document and its direction (an Arabic report is
right-to-left) and adds WordprocessingML elements to a container (the body, a header or
footer, a table cell). Every paragraph and run goes through :meth:`_Builder.paragraph` and
:meth:`_Builder.run`, which is where the direction rules live: ``w:bidi`` on right-to-left
paragraphs (and ``w:bidi w:val="0"`` on left-to-right ones of an Arabic report), text cut into
runs by script with ``w:rtl`` on the Arabic ones (:func:`desktop.io.exporters.bidi.segments`),
dates protected by a left-to-right mark, the complex-script fonts, sizes, bold and italic on
every run. Tables are Table Grid tables with a repeated, shaded header row, right-to-left
(``w:bidiVisual``) in an Arabic report; body rows are copies of one template row.

Paragraph and run properties are built once per combination and copied per use: python-docx's
object layer costs about ten times more, which matters for a briefing of a thousand claims.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Sequence

from docx.enum.table import WD_TABLE_DIRECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm

from desktop.core.values import is_web_address
from desktop.io.exporters.bidi import NUMBER_RE, is_rtl, last_strong, protect_numbers, segments
from desktop.io.exporters.word.ooxml import (
    _CONTROL_RE,
    BODY,
    HEADER_FILL,
    HEADING,
    LINK_COLOR,
    MUTED_COLOR,
    PPR_ORDER,
    RPR_ORDER,
    SMALL,
    TABLE,
    TCPR_ORDER,
    TRPR_ORDER,
    XML_SPACE,
    Element,
    Size,
    WordDocument,
    _child,
    _set_fonts,
    _set_size,
    _set_toggle,
)

# What becomes a clickable link: a web address and nothing else (see Builder.hyperlink).

# The run properties a template is cached by: rtl, size, bold, italic, colour, shade, underline.
_RunKey = tuple[bool, Size, bool, bool, str | None, str | None, bool]


class _Builder:
    """Adds paragraphs, runs and tables to one python-docx Document. Every paragraph and run
    goes through :meth:`paragraph` and :meth:`run`, which is where the direction rules live;
    ``rtl`` is the document's direction."""

    def __init__(self, doc: WordDocument, rtl: bool) -> None:
        self.rtl = rtl
        self.doc = doc
        self.body: Element = self.doc.element.body
        self._body_end: Element = self.body.find(qn("w:sectPr"))
        self._ppr_cache: dict[tuple[str | None, str | None, bool], Element] = {}
        self._rpr_cache: dict[_RunKey, Element] = {}
        self._style_ids: dict[str, str] = {}
        self._row_templates: dict[int, Element] = {}

    # --- paragraphs and runs ------------------------------------------------------------
    # Paragraphs and runs are built as WordprocessingML elements directly, from property
    # templates copied per use: python-docx's object layer (style look-up by name, run
    # wrappers) costs ~10x more, which matters for a briefing of a thousand claims.
    # Containers are elements too: the body, a header or footer, a table cell.

    def new_paragraph(self, container: Element) -> Element:
        paragraph = OxmlElement("w:p")
        if container is self.body:
            self._body_end.addprevious(paragraph)  # the body ends with its sectPr
        else:
            container.append(paragraph)
        return paragraph

    def _ppr(self, style: str | None, bidi: str | None, center: bool) -> Element:
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
        container: Element,
        text: str = "",
        *,
        style: str | None = None,
        size: Size = BODY,
        rtl: bool | None = None,
        bold: bool = False,
        italic: bool = False,
        color: str | None = None,
        center: bool = False,
        reuse: Element | None = None,
    ) -> Element:
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
        self, paragraph: Element, *, before: float | None = None, after: float | None = None
    ) -> None:
        """Space before/after a paragraph, in points."""
        element = _child(paragraph.find(qn("w:pPr")), "w:spacing", PPR_ORDER)
        if before is not None:
            element.set(qn("w:before"), str(round(before * 20)))
        if after is not None:
            element.set(qn("w:after"), str(round(after * 20)))

    def direction_of(self, paragraph: Element) -> bool:
        """The direction :meth:`paragraph` gave the paragraph (else the report's)."""
        bidi = paragraph.find(f"{qn('w:pPr')}/{qn('w:bidi')}")
        if bidi is None:
            return self.rtl
        return bidi.get(qn("w:val")) not in ("0", "false", "off")

    def runs(
        self,
        paragraph: Element,
        text: str,
        rtl: bool | None = None,
        *,
        size: Size = BODY,
        bold: bool = False,
        italic: bool = False,
        color: str | None = None,
        shade: str | None = None,
        run_rtl: bool | None = None,
    ) -> list[Element]:
        """Add ``text`` as runs split by direction (``run_rtl`` forces one direction for
        every run); newlines become line breaks, dates get :func:`protect_numbers`."""
        if rtl is None:
            rtl = self.direction_of(paragraph)
        if NUMBER_RE.search(text):
            before = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
            text = protect_numbers(text, before)
        made: list[Element] = []
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
        paragraph: Element,
        text: str,
        *,
        rtl: bool,
        size: Size = BODY,
        bold: bool = False,
        italic: bool = False,
        color: str | None = None,
        shade: str | None = None,
        underline: bool = False,
    ) -> Element:
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
    ) -> Element:
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

    def hyperlink(self, paragraph: Element, url: str, *, size: Size = BODY) -> None:
        """A clickable URL; always left-to-right, so it reads in order inside Arabic.

        Only a web address (http, https) becomes a link: an imported project's address may be
        ``javascript:``, ``file:``, a Windows share path (clicking it sends the reader's
        Windows credentials) or ``ms-msdt:`` (the "Follina" attack), and is written as plain
        text instead. A control character in it is dropped (XML cannot hold it)."""
        url = _CONTROL_RE.sub("", url)
        if not is_web_address(url):
            self.run(paragraph, url, rtl=False, size=size, color=MUTED_COLOR)
            return
        r_id = self.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), r_id)
        run = self.run(paragraph, url, rtl=False, size=size, color=LINK_COLOR, underline=True)
        link.append(run)  # moves the run into the link
        paragraph.append(link)

    def field(self, paragraph: Element, instruction: str, placeholder: str, size: Size) -> None:
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), instruction)
        field.append(self.run(paragraph, placeholder, rtl=False, size=size, color=MUTED_COLOR))
        paragraph.append(field)

    def picture(
        self, paragraph: Element, png: bytes, width_mm: float, height_mm: float, description: str
    ) -> None:
        """An inline picture ``width_mm`` × ``height_mm`` as a run of ``paragraph``, with
        ``description`` as its alternative text (what a screen reader says)."""
        inline = self.doc.part.new_pic_inline(io.BytesIO(png), Mm(width_mm), Mm(height_mm))
        inline.docPr.set("descr", _CONTROL_RE.sub(" ", description))
        run = self.run(paragraph, "", rtl=False)
        drawing = OxmlElement("w:drawing")
        drawing.append(inline)
        run.append(drawing)

    def page_break(self) -> None:
        run = self.run(self.paragraph(self.body, rtl=self.rtl), "", rtl=False)
        br = OxmlElement("w:br")
        br.set(qn("w:type"), "page")
        run.append(br)

    def heading(self, text: str, level: int, *, page_break: bool = False) -> Element:
        paragraph = self.paragraph(self.body, text, style=f"Heading {level}", size=HEADING[level])
        if page_break:
            _child(paragraph.find(qn("w:pPr")), "w:pageBreakBefore", PPR_ORDER)
        return paragraph

    def muted(self, container: Element, text: str, *, center: bool = False) -> Element:
        return self.paragraph(
            container, text, size=SMALL, color=MUTED_COLOR, italic=True, center=center
        )

    # --- tables -------------------------------------------------------------------------
    def table(self, headers: Sequence[str], widths: Sequence[float]) -> Element:
        """A Table Grid table with a shaded header row repeated on every page; returns the
        ``w:tbl`` element. Right-to-left (``bidiVisual``) in an Arabic report."""
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.autofit = False
        if self.rtl:
            table.table_direction = WD_TABLE_DIRECTION.RTL
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
        tbl: Element = table._tbl
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

    def add_row(self, tbl: Element) -> list[Element]:
        row = copy.deepcopy(self._row_templates[id(tbl)])
        tbl.append(row)
        return list(row.findall(qn("w:tc")))

    def cell_text(
        self,
        cell: Element,
        text: str,
        *,
        first: bool = True,
        bold: bool = False,
        italic: bool = False,
        color: str | None = None,
        center: bool = False,
        size: Size = TABLE,
        rtl: bool | None = None,
    ) -> Element:
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
