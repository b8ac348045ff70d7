"""The Word briefing, built by level; the entry point is :mod:`desktop.io.exporters.docx_report`.

* :mod:`.ooxml`: WordprocessingML helpers below python-docx: fonts, sizes and colours, the
  schema order of property children, setting fonts (``w:rFonts/@w:cs``), sizes (``w:szCs``)
  and toggles (``w:bCs``) on run properties.
* :mod:`.document`: the document-wide setup: page and section (``w:sectPr/w:bidi``), styles,
  font table, settings and core properties.
* :mod:`.builder`: paragraphs, runs, line breaks, hyperlinks, fields, headings and tables as
  elements, where the direction rules live (``w:bidi`` paragraphs, ``w:rtl`` runs cut by
  script, ``w:bidiVisual`` tables).
* :mod:`.sections`: the briefing itself: header and footer, cover, summary, claims,
  contradictions, entities, excerpts, sources and full texts.

Each module uses only those listed before it.
"""
