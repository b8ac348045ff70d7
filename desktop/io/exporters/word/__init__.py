"""The Word briefing, built by level; the entry point is :mod:`desktop.io.exporters.docx_report`.

* :mod:`.ooxml`: WordprocessingML helpers below python-docx: fonts, sizes and colours, the
  schema order of property children, setting fonts (``w:rFonts/@w:cs``), sizes (``w:szCs``)
  and toggles (``w:bCs``) on run properties.
* :mod:`.document`: the document-wide setup: page and section (``w:sectPr/w:bidi``), styles,
  font table, settings and core properties.
"""
