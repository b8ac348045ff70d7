"""The document-wide setup of a Word briefing, done once before any content.

:func:`prepare_document` sets the A4 page and margins, makes the section right-to-left in an
Arabic report (``w:sectPr/w:bidi``), rewrites the template's styles (named fonts instead of
theme fonts, ``cs`` sizes, ``w:bCs`` wherever there is ``w:b``, no italic or letter spacing for
Arabic, ``w:bidi`` on Normal), declares the fonts with Arial as their alternative in the font
table, sets the settings' bidi language and fills the core properties.
"""

from __future__ import annotations

import datetime as dt

from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm

from desktop import __version__
from desktop.io.exporters.report import Report, tr
from desktop.io.exporters.word.ooxml import (
    _CONTROL_RE,
    BODY,
    FONT_ARABIC,
    FONT_FALLBACK,
    FONT_LATIN,
    HEADING,
    PPR_ORDER,
    RPR_ORDER,
    SECTPR_ORDER,
    SMALL,
    SUBTITLE,
    TITLE,
    WordDocument,
    _child,
    _remove,
    _set_fonts,
    _set_size,
    _set_toggle,
)


def prepare_document(doc: WordDocument, report: Report) -> None:
    """Page, section direction, styles, font table, settings and core properties."""
    rtl = report.language == "ar"
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.1), Cm(1.0)
    if rtl:
        _child(section._sectPr, "w:bidi", SECTPR_ORDER)
    _prepare_styles(doc, rtl)
    _prepare_fonts_table(doc)
    _prepare_settings(doc)
    props = doc.core_properties
    # The file's properties hold 255 characters at most (python-docx raised on a longer
    # --title, --author or --marking, found by the attacker); the pages show them whole.
    title = _CONTROL_RE.sub(" ", report.title)[:255]
    author = _CONTROL_RE.sub(" ", report.options.author)[:255]
    marking = _CONTROL_RE.sub(" ", report.marking)[:255]
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.subject = tr("default_title", report.language)
    props.keywords = marking
    props.category = marking
    props.comments = f"{tr('generated', 'en')} {__version__}"
    props.language = "ar-SA" if rtl else "en-GB"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now
    props.revision = 1


def _prepare_styles(doc: WordDocument, rtl: bool) -> None:
    styles = doc.styles
    root = styles.element
    defaults = root.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr_default)
    _set_size(rpr_default, BODY)
    lang = _child(rpr_default, "w:lang", RPR_ORDER)
    lang.set(qn("w:val"), "ar-SA" if rtl else "en-GB")
    lang.set(qn("w:bidi"), "ar-SA")
    # No style may point at the template's theme fonts (Calibri/Cambria, Times New Roman
    # for Arabic): name the fonts everywhere.
    for fonts in list(root.iter(qn("w:rFonts"))):
        _set_fonts(fonts.getparent())
    sizes = {
        "Normal": BODY,
        "Title": TITLE,
        "Subtitle": SUBTITLE,
        "Heading 1": HEADING[1],
        "Heading 2": HEADING[2],
        "Heading 3": HEADING[3],
        "Quote": BODY,
        "Header": SMALL,
        "Footer": SMALL,
        "Caption": SMALL,
        "List Number": BODY,
        "List Bullet": BODY,
    }
    for name, size in sizes.items():
        style = styles[name]
        rpr = style.element.get_or_add_rPr()
        _set_fonts(rpr)
        _set_size(rpr, size)
    for rpr in root.iter(qn("w:rPr")):
        # Bold and italic in every style apply to Arabic as well (bCs/iCs) …
        if rpr.find(qn("w:b")) is not None and rpr.find(qn("w:bCs")) is None:
            _set_toggle(rpr, "w:bCs", rpr.find(qn("w:b")).get(qn("w:val")) != "0")
        if rpr.find(qn("w:sz")) is not None and rpr.find(qn("w:szCs")) is None:
            _child(rpr, "w:szCs", RPR_ORDER).set(qn("w:val"), rpr.find(qn("w:sz")).get(qn("w:val")))
        # … and letter spacing, which tears Arabic's joined letters apart, goes.
        _remove(rpr, "w:spacing")
    # … except italic: Arabic has no italic, a slanted Naskh only looks broken.
    for rpr in root.iter(qn("w:rPr")):
        if rpr.find(qn("w:i")) is not None:
            _set_toggle(rpr, "w:iCs", False)
    # Subtitle points at a list level in this template; a subtitle is not a list item.
    subtitle_ppr = styles["Subtitle"].element.find(qn("w:pPr"))
    if subtitle_ppr is not None:
        _remove(subtitle_ppr, "w:numPr")
    quote = styles["Quote"].element.get_or_add_pPr()
    ind = _child(quote, "w:ind", PPR_ORDER)
    ind.set(qn("w:left"), "567")
    ind.set(qn("w:right"), "567")
    _child(quote, "w:spacing", PPR_ORDER).set(qn("w:after"), "80")
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        styles[name].element.get_or_add_rPr()
    if rtl:
        _child(styles["Normal"].element.get_or_add_pPr(), "w:bidi", PPR_ORDER)


def _prepare_fonts_table(doc: WordDocument) -> None:
    """Declare the two fonts with Arial as their alternative and the right character set,
    so Word on a machine without Noto substitutes sensibly."""
    try:
        part = doc.part.part_related_by(RT.FONT_TABLE)
    except KeyError:
        return
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{FONT_FALLBACK}"/>'
        f'<w:charset w:val="{charset}"/><w:family w:val="auto"/>'
        '<w:pitch w:val="variable"/></w:font>'
        for name, charset in ((FONT_ARABIC, "B2"), (FONT_LATIN, "00"))
    )
    blob: bytes = part.blob
    part._blob = blob.replace(b"</w:fonts>", entries.encode("utf-8") + b"</w:fonts>", 1)


def _prepare_settings(doc: WordDocument) -> None:
    settings = doc.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:bidi"), "ar-SA")
