"""WordprocessingML helpers below python-docx, which has no right-to-left API.

The fonts (Noto Naskh Arabic for complex script, Noto Sans for Latin, Arial as the fallback),
the point sizes of each use (:class:`Size`: Latin ``w:sz`` and Arabic ``w:szCs``), the colours,
and the ECMA-376 child order of ``w:rPr``, ``w:pPr``, ``w:sectPr``, ``w:tcPr`` and ``w:trPr``.
:func:`_child` finds or creates a property child in that order (Word calls a file with a child
out of order corrupt); :func:`_set_fonts`, :func:`_set_size` and :func:`_set_toggle` write the
``cs`` variants (``w:rFonts/@w:cs``, ``w:szCs``, ``w:bCs``/``w:iCs``) next to the Latin ones.
:data:`_CONTROL_RE` matches the characters XML cannot hold. Names with a leading underscore are
private to :mod:`desktop.io.exporters.word`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import docx.document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

# Annotation aliases. python-docx is typed, lxml is not (here): an element is an lxml element of
# one of python-docx's classes (w:p is a CT_P, w:tbl a CT_Tbl …), but OxmlElement and lxml's
# look-ups (find, iter) promise no more than BaseOxmlElement, whose lxml side (find, set,
# append …) mypy cannot check.
WordDocument = docx.document.Document
Element = BaseOxmlElement

FONT_ARABIC = "Noto Naskh Arabic"
FONT_LATIN = "Noto Sans"
FONT_FALLBACK = "Arial"  # has Arabic glyphs on Windows and macOS


@dataclass(frozen=True, slots=True)
class Size:
    """Point sizes for Latin (``w:sz``) and complex script (``w:szCs``). Naskh looks smaller
    than a Latin sans at the same nominal size, so Arabic is set a little larger."""

    latin: float
    arabic: float


BODY = Size(11, 13)
TABLE = Size(9.5, 11.5)
SMALL = Size(8.5, 10)
TITLE = Size(26, 30)
SUBTITLE = Size(13, 15)
HEADING = {1: Size(16, 19), 2: Size(13, 15.5), 3: Size(11.5, 13.5)}
MARKING_COLOR = "C00000"
MUTED_COLOR = "595959"
LINK_COLOR = "1F5FAA"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
HEADER_FILL = "DCE6F2"

# Child order of the elements written here (ECMA-376 sequences); a child inserted out of order
# makes Word call the file corrupt.


def _sequence(names: str) -> tuple[str, ...]:
    return tuple(names.split())


RPR_ORDER = _sequence(
    "w:rStyle w:rFonts w:b w:bCs w:i w:iCs w:caps w:smallCaps w:strike w:dstrike w:outline "
    "w:shadow w:emboss w:imprint w:noProof w:snapToGrid w:vanish w:webHidden w:color w:spacing "
    "w:w w:kern w:position w:sz w:szCs w:highlight w:u w:effect w:bdr w:shd w:fitText "
    "w:vertAlign w:rtl w:cs w:em w:lang w:eastAsianLayout w:specVanish w:oMath"
)
PPR_ORDER = _sequence(
    "w:pStyle w:keepNext w:keepLines w:pageBreakBefore w:framePr w:widowControl w:numPr "
    "w:suppressLineNumbers w:pBdr w:shd w:tabs w:suppressAutoHyphens w:kinsoku w:wordWrap "
    "w:overflowPunct w:topLinePunct w:autoSpaceDE w:autoSpaceDN w:bidi w:adjustRightInd "
    "w:snapToGrid w:spacing w:ind w:contextualSpacing w:mirrorIndents w:suppressOverlap w:jc "
    "w:textDirection w:textAlignment w:textboxTightWrap w:outlineLvl w:divId w:cnfStyle w:rPr "
    "w:sectPr w:pPrChange"
)
SECTPR_ORDER = _sequence(
    "w:headerReference w:footerReference w:footnotePr w:endnotePr w:type w:pgSz w:pgMar "
    "w:paperSrc w:pgBorders w:lnNumType w:pgNumType w:cols w:formProt w:vAlign w:noEndnote "
    "w:titlePg w:textDirection w:bidi w:rtlGutter w:docGrid w:printerSettings w:sectPrChange"
)
TCPR_ORDER = _sequence(
    "w:cnfStyle w:tcW w:gridSpan w:hMerge w:vMerge w:tcBorders w:shd w:noWrap w:tcMar "
    "w:textDirection w:tcFitText w:vAlign w:hideMark"
)
TRPR_ORDER = _sequence(
    "w:cnfStyle w:divId w:gridBefore w:gridAfter w:wBefore w:wAfter w:cantSplit w:trHeight "
    "w:tblHeader w:tblCellSpacing w:jc w:hidden"
)


def _child(parent: Element, tag: str, order: Sequence[str]) -> Element:
    """The child ``tag`` of ``parent``, created in schema order if missing."""
    existing: Element | None = parent.find(qn(tag))
    if existing is not None:
        return existing
    element = OxmlElement(tag)
    later = {qn(t) for t in order[order.index(tag) + 1 :]}
    for child in parent:
        if child.tag in later:
            child.addprevious(element)
            return element
    parent.append(element)
    return element


def _remove(parent: Element, tag: str) -> None:
    for child in parent.findall(qn(tag)):
        parent.remove(child)


def _half_points(points: float) -> str:
    return str(round(points * 2))


def _set_fonts(rpr: Element) -> None:
    fonts = _child(rpr, "w:rFonts", RPR_ORDER)
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attribute}"), None)
    fonts.set(qn("w:ascii"), FONT_LATIN)
    fonts.set(qn("w:hAnsi"), FONT_LATIN)
    fonts.set(qn("w:eastAsia"), FONT_LATIN)
    fonts.set(qn("w:cs"), FONT_ARABIC)


def _set_size(rpr: Element, size: Size) -> None:
    _child(rpr, "w:sz", RPR_ORDER).set(qn("w:val"), _half_points(size.latin))
    _child(rpr, "w:szCs", RPR_ORDER).set(qn("w:val"), _half_points(size.arabic))


def _set_toggle(rpr: Element, tag: str, on: bool) -> None:
    element = _child(rpr, tag, RPR_ORDER)
    if on:
        element.attrib.pop(qn("w:val"), None)
    else:
        element.set(qn("w:val"), "0")


# Characters XML 1.0 cannot hold (form feeds from PDFs, stray control codes), and tabs, which
# Word only honours as <w:tab/>: written as spaces so an odd article never fails an export.
_CONTROL_RE = re.compile("[\x00-\x08\x09\x0b\x0c\x0e-\x1f\ufffe\uffff]")
