"""Strategies that build structured but hostile files of every importable format: web pages
with random tags, entities and doctypes, Word packages with random XML parts, e-mails with
random headers and MIME trees, PDFs with random content streams, fonts and metadata.

Each builds the bytes by hand rather than through a library that would refuse to write
something malformed: the point is what a parser does with what no writer produces."""

from __future__ import annotations

import base64
import io
import re
import zipfile
import zlib
from xml.sax.saxutils import escape

from hypothesis import strategies as st

from tests.fuzz.strategies import hostile_text

ENCODINGS = (
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "cp1256",
    "iso-8859-6",
    "latin-1",
    "cp1252",
    "koi8-r",
)
CHARSET_NAMES = (*ENCODINGS, "windows-1256", "x-unknown", "utf-7", "UTF8", "", "ascii", "bogus;")


@st.composite
def encoded(draw: st.DrawFn, text: st.SearchStrategy[str] | None = None) -> bytes:
    """Text in a random encoding (characters it cannot hold replaced), sometimes with bad bytes
    spliced in, a truncated multi-byte character or a stray byte-order mark."""
    value = draw(text if text is not None else hostile_text(max_size=300))
    data = value.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=4)) + data[at:]
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


def text_bytes() -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=2000), encoded())


_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(max_size: int) -> st.SearchStrategy[str]:
    """Hostile text made legal in XML 1.0 (which has no way to write NUL or ESC, even
    escaped) four times in five, so most XML parts parse and the rest of the package is
    exercised; as it is otherwise."""
    text = hostile_text(max_size=max_size)
    return st.one_of(*[text.map(lambda t: _XML_ILLEGAL.sub("", t))] * 4, text)


# --- HTML ----------------------------------------------------------------------------------------
TAGS = [
    "html",
    "head",
    "body",
    "title",
    "meta",
    "p",
    "div",
    "article",
    "section",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "span",
    "b",
    "i",
    "a",
    "br",
    "hr",
    "img",
    "table",
    "tr",
    "td",
    "th",
    "ul",
    "li",
    "pre",
    "blockquote",
    "figure",
    "figcaption",
    "time",
    "script",
    "style",
    "noscript",
    "iframe",
    "svg",
    "math",
    "template",
    "textarea",
    "xmp",
    "plaintext",
    "frameset",
    "object",
    "embed",
    "form",
    "input",
]
ATTRIBUTES = [
    "charset",
    "content",
    "http-equiv",
    "name",
    "property",
    "dir",
    "lang",
    "class",
    "id",
    "href",
    "src",
    "datetime",
    "itemprop",
    "itemtype",
    "type",
    "rel",
]
META_NAMES = [
    "og:title",
    "og:site_name",
    "author",
    "article:published_time",
    "date",
    "description",
    "twitter:title",
]
ENTITIES = (
    "&amp;",
    "&lt;",
    "&gt;",
    "&nbsp;",
    "&rlm;",
    "&lrm;",
    "&#0;",
    "&#x1b;",
    "&#x7;",
    "&#xD800;",
    "&#x202E;",
    "&#1114112;",
    "&#99999999999;",
    "&#x110000;",
    "&x;",
    "&",
    "&#",
    "&#x;",
    "&amp",
    "&#1575;&#1604;",
)
DOCTYPES = (
    "",
    "<!DOCTYPE html>",
    "<!doctype html>",
    '<!DOCTYPE html [ <!ENTITY x "y"> ]>',
    '<!DOCTYPE html [ <!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;"> ]>',
    '<!DOCTYPE html [ <!-- ]> --> <!ENTITY a "]>"> ]>',
    '<!DOCTYPE html [ <!ENTITY ext SYSTEM "file:///etc/passwd"> ]>',
    "<!DOCTYPE html [",
    "<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN' 'http://www.w3.org/TR/xhtml1/DTD'>",
    "<?xml version='1.0' encoding='windows-1256'?>",
    "<?xml version='1.0'?><!DOCTYPE html [ <!ENTITY x SYSTEM 'http://example.invalid/'> ]>",
    "<!--",
)


def _attribute(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(ATTRIBUTES))
    value = draw(
        st.one_of(
            st.sampled_from(META_NAMES), st.sampled_from(CHARSET_NAMES), hostile_text(max_size=30)
        )
    )
    quote = draw(st.sampled_from(['"', "'", ""]))
    return f" {name}={quote}{value}{quote}"


@st.composite
def _element(draw: st.DrawFn, children: st.SearchStrategy[str]) -> str:
    tag = draw(st.sampled_from(TAGS))
    attributes = "".join(_attribute(draw) for _ in range(draw(st.integers(0, 3))))
    inner = "".join(draw(st.lists(children, max_size=4)))
    close = draw(
        st.sampled_from([f"</{tag}>", f"</{tag}>", "", f"</{draw(st.sampled_from(TAGS))}>"])
    )
    return f"<{tag}{attributes}>{inner}{close}"


def _leaf() -> st.SearchStrategy[str]:
    text = hostile_text(max_size=80)
    return st.one_of(
        text.map(escape),
        text,
        st.sampled_from(ENTITIES),
        text.map(lambda t: f"<!--{t}-->"),
        text.map(lambda t: f"<![CDATA[{t}]]>"),
        text.map(
            lambda t: (
                f'<script type="application/ld+json">{{"headline": "{t}", '
                f'"datePublished": "{t[:10]}", "author": {{"name": "{t[:5]}"}}}}</script>'
            )
        ),
        st.sampled_from(["<", ">", "</", "<p", "<!", "<?php ?>", "&#", "]]>", "-->"]),
    )


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    """A saved page: a doctype (internal subsets, XXE, a billion laughs), a head with metadata,
    a body of random nested tags, text, entities and comments, in a random encoding with a
    random declared charset."""
    body = draw(st.recursive(_leaf(), lambda children: _element(children), max_leaves=25))
    charset = draw(st.sampled_from(CHARSET_NAMES))
    metas = ""
    for _ in range(draw(st.integers(0, 3))):
        name = draw(st.sampled_from(META_NAMES))
        metas += f'<meta property="{name}" content="{escape(draw(hostile_text(max_size=40)))}">'
    title = draw(hostile_text(max_size=60))
    head = f'<head><meta charset="{charset}"><title>{title}</title>{metas}</head>'
    page = draw(st.sampled_from(DOCTYPES)) + f"<html>{head}<body>{body}</body></html>"
    if draw(st.booleans()):
        page = draw(st.sampled_from(DOCTYPES)) + body  # no skeleton at all
    return page.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


# --- Word ----------------------------------------------------------------------------------------
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
DTDS = (
    "",
    "",
    "",
    '<!DOCTYPE w:document [ <!ENTITY x "entity text"> ]>',
    '<!DOCTYPE w:document [ <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;"> ]>',
    '<!DOCTYPE w:document [ <!ENTITY ext SYSTEM "file:///etc/passwd"> ]>',
    '<!DOCTYPE w:document [ <!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p; ]>',
)
WORD_ENTITIES = ("&x;", "&b;", "&ext;", "&amp;", "&#x1b;", "&#0;", "&#xD800;", "&undefined;")


@st.composite
def _run(draw: st.DrawFn) -> str:
    text = escape(draw(xml_text(60)))
    if draw(st.integers(0, 4)) == 0:
        text += draw(st.sampled_from(WORD_ENTITIES)) + escape(draw(xml_text(20)))
    space = ' xml:space="preserve"' if draw(st.booleans()) else ""
    extra = draw(st.sampled_from(["", "<w:tab/>", "<w:br/>", "<w:cr/>", '<w:sym w:char="F0E0"/>']))
    return f"<w:r><w:t{space}>{text}</w:t>{extra}</w:r>"


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    ppr = draw(
        st.sampled_from(
            [
                "",
                "<w:pPr><w:bidi/></w:pPr>",
                '<w:pPr><w:bidi w:val="0"/></w:pPr>',
                '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
                '<w:pPr><w:pStyle w:val="Loop"/></w:pPr>',
                '<w:pPr><w:pStyle w:val="missing"/><w:bidi w:val="nonsense"/></w:pPr>',
            ]
        )
    )
    runs = "".join(draw(st.lists(_run(), max_size=4)))
    return f"<w:p>{ppr}{runs}</w:p>"


@st.composite
def _block(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 5)):
        return draw(_paragraph())
    rows = []
    for _ in range(draw(st.integers(0, 3))):
        cells = "".join(
            f"<w:tc>{draw(_paragraph())}</w:tc>" for _ in range(draw(st.integers(0, 3)))
        )
        rows.append(f"<w:tr>{cells}</w:tr>")
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


@st.composite
def _document_xml(draw: st.DrawFn) -> bytes:
    blocks = "".join(draw(st.lists(_block(), max_size=8)))
    junk = ""
    if draw(st.integers(0, 4)) == 0:
        junk = draw(
            st.sampled_from(["<w:unknown/>", "<foo:bar xmlns:foo='urn:x'/>", "<w:p>", "</w:p>"])
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + draw(st.sampled_from(DTDS))
        + f'<w:document xmlns:w="{W}"><w:body>{blocks}{junk}</w:body></w:document>'
    )
    return xml.encode("utf-8")


@st.composite
def _styles_xml(draw: st.DrawFn) -> bytes:
    bidi = draw(st.sampled_from(["", "<w:bidi/>", '<w:bidi w:val="off"/>']))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">'
        f"<w:docDefaults><w:pPrDefault><w:pPr>{bidi}</w:pPr></w:pPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
        '<w:basedOn w:val="Loop"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Loop"><w:name w:val="Loop"/>'
        '<w:basedOn w:val="Heading1"/></w:style>'
        "</w:styles>"
    ).encode()


@st.composite
def _core_xml(draw: st.DrawFn) -> bytes:
    title = escape(draw(xml_text(60)))
    creator = escape(draw(xml_text(30)))
    created = escape(
        draw(
            st.one_of(
                st.sampled_from(
                    [
                        "2016-07-15T21:30:00Z",
                        "0001-01-01T00:00:00Z",
                        "9999-12-31T23:59:59Z",
                        "2013-12-23T23:15:00Z",
                        "not a date",
                        "2016-02-30T00:00:00Z",
                        "",
                    ]
                ),
                xml_text(25),
            )
        )
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + draw(st.sampled_from(DTDS)).replace("w:document", "cp:coreProperties")
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
        "</cp:coreProperties>"
    ).encode()


@st.composite
def docx_packages(draw: st.DrawFn) -> bytes:
    """A Word package: the parts python-docx needs, each sometimes missing, replaced by random
    bytes or by random XML, plus stray parts; XML with DTDs (entities, XXE, a billion laughs),
    unknown elements, style loops, headings, tables and right-to-left paragraphs."""
    parts: dict[str, bytes] = {
        "[Content_Types].xml": CONTENT_TYPES.encode(),
        "_rels/.rels": RELS.encode(),
        "word/_rels/document.xml.rels": DOCUMENT_RELS.encode(),
        "word/document.xml": draw(_document_xml()),
        "word/styles.xml": draw(_styles_xml()),
        "docProps/core.xml": draw(_core_xml()),
    }
    damaged = st.lists(st.sampled_from(sorted(parts)), max_size=2, unique=True)
    for name in draw(st.one_of(st.just([]), damaged)):
        how = draw(st.sampled_from(["drop", "bytes", "xml", "truncate"]))
        if how == "drop":
            del parts[name]
        elif how == "bytes":
            parts[name] = draw(st.binary(max_size=200))
        elif how == "xml":
            parts[name] = draw(_document_xml())
        else:
            parts[name] = parts[name][: draw(st.integers(0, len(parts[name])))]
    for _ in range(draw(st.integers(0, 2))):
        parts[
            draw(st.sampled_from(["word/extra.xml", "../evil.xml", "/abs.xml", "word/media/x.bin"]))
        ] = draw(st.binary(max_size=100))
    buffer = io.BytesIO()
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    data = buffer.getvalue()
    if draw(st.integers(0, 7)) == 0:  # damage: flip bytes or cut it short
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8)) + data[cut + draw(st.integers(0, 8)) :]
    return data


# --- e-mail --------------------------------------------------------------------------------------
HEADER_NAMES = [
    "From",
    "To",
    "Cc",
    "Subject",
    "Date",
    "Content-Type",
    "Content-Transfer-Encoding",
    "MIME-Version",
    "Message-ID",
    "Received",
    "Reply-To",
    "Content-Disposition",
    "X-Junk",
]
CONTENT_TYPES_MAIL = (
    "text/plain",
    "text/html",
    "multipart/alternative",
    "multipart/mixed",
    "message/rfc822",
    "application/octet-stream",
    "text/enriched",
    "image/png",
    "",
    "text/",
    "multipart/",
)
TRANSFER_ENCODINGS = (
    "7bit",
    "8bit",
    "base64",
    "quoted-printable",
    "binary",
    "x-uuencode",
    "bogus",
    "",
)


@st.composite
def _header_value(draw: st.DrawFn) -> str:
    text = draw(hostile_text(max_size=60))
    raw = text.encode("utf-8", errors="replace")
    return draw(
        st.sampled_from(
            [
                text,
                "=?utf-8?b?" + base64.b64encode(raw).decode() + "?=",
                "=?windows-1256?q?" + text.encode("cp1256", errors="replace").hex("=") + "?=",
                "=?x-unknown?b?!!!?=",
                "=?utf-8?q?=E2=80?=",
                '"' + text + '" <user@' + text[:10] + ">",
                "Mon, 32 Foo 2024 99:99:99 +9999",
                "Tue, 2 May 2024 09:00:00 +0300",
                "\x1b]0;title\x07\x1b[2J\x1b[31m",
            ]
        )
    )


@st.composite
def _headers(draw: st.DrawFn, content_type: str, boundary: str) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        name = draw(st.sampled_from(HEADER_NAMES))
        lines.append(f"{name}: {draw(_header_value())}")
    charset = draw(st.sampled_from(CHARSET_NAMES))
    if content_type:
        extra = f'; boundary="{boundary}"' if content_type.startswith("multipart") else ""
        lines.append(f"Content-Type: {content_type}; charset={charset}{extra}")
    encoding = draw(st.sampled_from(TRANSFER_ENCODINGS))
    if encoding:
        lines.append(f"Content-Transfer-Encoding: {encoding}")
    folded = draw(st.booleans())
    return "\r\n".join(lines) if folded else "\n".join(lines)


@st.composite
def _part(draw: st.DrawFn, depth: int) -> bytes:
    content_type = draw(st.sampled_from(CONTENT_TYPES_MAIL))
    boundary = draw(st.sampled_from(["b1", "==b2==", "", "b1", "a" * 70]))
    head = draw(_headers(content_type, boundary)).encode("utf-8", errors="replace")
    if content_type.startswith("multipart") and depth < 3:
        children = draw(st.lists(_part(depth + 1), max_size=3))
        body = b"".join(b"--" + boundary.encode() + b"\n" + child + b"\n" for child in children)
        if draw(st.booleans()):
            body += b"--" + boundary.encode() + b"--\n"
    else:
        body = draw(st.one_of(encoded(), st.binary(max_size=300), html_pages()))
        if draw(st.booleans()):
            body = base64.encodebytes(body)
    return head + b"\n\n" + body


@st.composite
def emails(draw: st.DrawFn) -> bytes:
    """A message: random headers (encoded words good and bad, terminal escapes, impossible
    dates), a random MIME tree (multipart nesting, missing or repeated boundaries, charsets
    real and bogus, transfer encodings real and bogus) and bodies of any bytes or pages."""
    top = [f"{name}: {draw(_header_value())}" for name in ("From", "Subject", "Date")]
    message = "\n".join(top).encode("utf-8", errors="replace") + b"\n" + draw(_part(0))
    if draw(st.booleans()):
        message = message.replace(b"\n", b"\r\n")
    return message


# --- PDF -----------------------------------------------------------------------------------------
OPERATORS = [
    "Tj",
    "TJ",
    "'",
    '"',
    "Td",
    "TD",
    "Tm",
    "Tf",
    "Tc",
    "Tw",
    "Tz",
    "TL",
    "Tr",
    "Ts",
    "T*",
    "q",
    "Q",
    "cm",
    "re",
    "f",
    "S",
    "BT",
    "ET",
    "Do",
    "gs",
    "d0",
    "d1",
    "BI",
    "ID",
    "EI",
    "BMC",
    "BDC",
    "EMC",
    "MP",
    "DP",
    "sh",
    "W",
    "n",
]


def _pdf_string(data: bytes) -> bytes:
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


@st.composite
def _operand(draw: st.DrawFn) -> bytes:
    return draw(
        st.one_of(
            st.integers(-(10**12), 10**12).map(lambda n: str(n).encode()),
            st.sampled_from([b"1e999", b"-0", b"0.5", b".", b"--1", b"99999999999999999999999"]),
            st.binary(max_size=20).map(_pdf_string),
            st.binary(max_size=20).map(lambda b: b"<" + b.hex().encode() + b">"),
            st.sampled_from([b"/F1", b"/F2", b"/Nope", b"[", b"]", b"<<", b">>", b"null", b"true"]),
        )
    )


@st.composite
def _content(draw: st.DrawFn, cids: int) -> bytes:
    ops = [b"BT /F1 12 Tf 72 700 Td"]
    for _ in range(draw(st.integers(0, 25))):
        kind = draw(st.integers(0, 3))
        if kind == 0:  # text through the mapped font
            glyphs = draw(st.lists(st.integers(1, cids), max_size=12))
            ops.append(b"<" + b"".join(b"%04x" % g for g in glyphs) + b"> Tj")
        elif kind == 1:
            ops.append(b"0 -14 Td")
        elif kind == 2:  # Latin through the standard font
            ops.append(b"/F2 11 Tf " + _pdf_string(draw(st.binary(max_size=30))) + b" Tj /F1 12 Tf")
        else:
            operands = b" ".join(draw(st.lists(_operand(), max_size=4)))
            ops.append(operands + b" " + draw(st.sampled_from(OPERATORS)).encode())
    ops.append(b"ET")
    return b"\n".join(ops)


def tounicode_cmap(mapping: list[bytes]) -> bytes:
    lines = [
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        b"/CMapName /Fuzz def 1 begincodespacerange <0000> <ffff> endcodespacerange",
        b"%d beginbfchar" % len(mapping),
    ]
    lines += [
        b"<%04x> <%s>" % (cid, target.hex().encode()) for cid, target in enumerate(mapping, 1)
    ]
    lines += [b"endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"]
    return b"\n".join(lines)


def pdf_file(objects: list[bytes], info: int | None) -> bytes:
    """A PDF of ``objects`` (object 1 the catalogue) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    info_entry = b" /Info %d 0 R" % info if info else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info_entry,
        xref,
    )
    return bytes(out)


def pdf_stream(data: bytes, compress: bool) -> bytes:
    if compress:
        data = zlib.compress(data)
        return (
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
        )
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


@st.composite
def pdf_documents(draw: st.DrawFn) -> bytes:
    """A one- or two-page PDF whose Type0 font maps glyphs to random text (Arabic, presentation
    forms, controls, lone surrogates, several characters per glyph) through its ToUnicode map,
    with a random content stream (text, moves and random operators with random operands),
    random document information (titles in PDFDocEncoding or UTF-16, impossible dates), and now
    and then a damaged stream, a wrong length or bytes cut off."""
    mapping = draw(
        st.lists(
            st.one_of(
                hostile_text(min_size=1, max_size=3).map(
                    lambda t: t.encode("utf-16-be", errors="surrogatepass")
                ),
                st.binary(min_size=1, max_size=4),
            ),
            min_size=1,
            max_size=30,
        )
    )
    compress = draw(st.booleans())
    pages = draw(st.integers(1, 2))
    kids = b" ".join(b"%d 0 R" % (8 + 2 * i) for i in range(pages))
    title = draw(
        st.one_of(
            hostile_text(max_size=40).map(
                lambda t: _pdf_string(b"\xfe\xff" + t.encode("utf-16-be", errors="surrogatepass"))
            ),
            st.binary(max_size=40).map(_pdf_string),
        )
    )
    date = draw(
        st.sampled_from([b"(D:20160715213000+03'00')", b"(D:99999999)", b"(garbage)", b"()", b"42"])
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Fuzz /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Fuzz /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
        pdf_stream(tounicode_cmap(mapping), compress),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title %s /Author %s /CreationDate %s >>" % (title, title, date),
    ]
    for _ in range(pages):
        number = len(objects) + 1
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R /F2 6 0 R >> >> >>" % (number + 1)
        )
        objects.append(pdf_stream(draw(_content(len(mapping))), compress))
    data = pdf_file(objects, info=7)
    damage = draw(st.integers(0, 5))
    if damage == 0:
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=16)) + data[cut + draw(st.integers(0, 16)) :]
    elif damage == 1:
        data = data.replace(b"/Length ", b"/Length 9", 1)
    return data
