"""The hostile-file corpus: files an adversary can hand an analyst, built from their recipe.

Small files (each well under 1.5 MB) are checked in next to this script and rebuilt with
``python tests/data/hostile/make.py --small``; the large ones (a 49 MB text file, a 450 MB
Hamish JSON file, a 34 MB PDF of thousands of pages, an e-mail with a 40 MB base64 part) are
written at test or benchmark time with ``--large FOLDER`` or :func:`make_large`, so the
repository stays small. Every builder is deterministic (the same bytes each run).

What each file attacks is in :data:`SMALL` and :data:`LARGE`; ``tests/io/test_hostile.py``
states what Hamish must do with each, and ``benchmarks/hostile.py`` measures it.

Standard library only: the corpus must not depend on the code it attacks.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator
from email.header import Header
from pathlib import Path

HERE = Path(__file__).resolve().parent
MB = 1024 * 1024
GB = 1024 * MB

ARABIC = (
    "أعلن وزير الخارجية بعد ساعات طويلة من المفاوضات أن الطرفين اتفقا على مواصلة الحوار "
    "وأن المراقبة ستتم تدريجيا وفق قرار مجلس الأمن، ولا ترى الأمم المتحدة بديلا عن الحل السياسي."
)
LATIN = "The delegations met again on Tuesday and agreed to continue the talks next month. "


# --- PDF ----------------------------------------------------------------------------------------
def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object n is ``objects[n - 1]``; 1 is the catalog) with a correct
    cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def _deflate_repeated(head: bytes, unit: bytes, size: int, *, raw: bool = False) -> bytes:
    """zlib data (``raw``: bare deflate, as in a zip) of ``head`` followed by ``unit``
    repeated up to ``size`` bytes in all, compressed in pieces so the whole is never in
    memory."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15 if raw else 15)
    parts = [compressor.compress(head)]
    block = unit * max(1, MB // len(unit))
    left = size - len(head)
    while left > 0:
        piece = block[:left]
        parts.append(compressor.compress(piece))
        left -= len(piece)
    parts.append(compressor.flush())
    return b"".join(parts)


_TEXT_PAGE = b"BT /F1 14 Tf 72 720 Td (Hostile PDF: the text before the padding.) Tj ET\n"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _one_page_pdf(content: bytes, filters: bytes) -> bytes:
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(content, b"/Filter " + filters + b" "),
            _FONT,
        ]
    )


def pdf_flate_bomb() -> bytes:
    """A 1 MB PDF whose one content stream inflates to 1 GB (a line of text, then spaces)."""
    return _one_page_pdf(_deflate_repeated(_TEXT_PAGE, b" ", GB), b"/FlateDecode")


def pdf_double_flate_bomb() -> bytes:
    """A few kilobytes: a stream deflated twice ([/FlateDecode /FlateDecode]) that inflates to
    1 MB and then to 1 GB, so a limit checked only on the first stage lets it through."""
    inner = _deflate_repeated(_TEXT_PAGE, b" ", GB)
    return _one_page_pdf(zlib.compress(inner, 9), b"[/FlateDecode /FlateDecode]")


def pdf_glyph_flood(count: int = 3_000_000) -> bytes:
    """One page whose 30 KB stream draws three million letters (21 MB of ``(a) Tj``): a
    reader that lays out the whole page first keeps millions of objects."""
    head = b"BT /F1 1 Tf 10 10 Td "
    return _one_page_pdf(
        _deflate_repeated(head, b"(a) Tj ", len(head) + 7 * count), b"/FlateDecode"
    )


def pdf_path_flood(count: int = 3_000_000) -> bytes:
    """One page whose stream fills three million rectangles (39 MB of ``re f``)."""
    return _one_page_pdf(_deflate_repeated(b"", b"0 0 1 1 re f\n", 13 * count), b"/FlateDecode")


def pdf_many_pages(pages: int = 3000, lines: int = 110, deflate: bool = False) -> bytes:
    """``pages`` pages of dense text (34 MB, uncompressed, at the defaults): far more text than
    an article, and minutes of work for a PDF reader that reads every page."""
    font_number = 3
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, filled in below
        _FONT,
    ]
    kids = []
    for page in range(pages):
        rows = [b"BT /F1 9 Tf 40 770 Td 11 TL"]
        for line in range(lines):
            words = LATIN.encode("ascii") * 1
            rows.append(b"(Page %d line %d. %s) '" % (page + 1, line + 1, words))
        rows.append(b"ET")
        content = b"\n".join(rows)
        content_number = len(objects) + 1
        page_number = content_number + 1
        if deflate:
            objects.append(_stream(zlib.compress(content, 6), b"/Filter /FlateDecode "))
        else:
            objects.append(_stream(content))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
            % (font_number, content_number)
        )
        kids.append(b"%d 0 R" % page_number)
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % pages
    return _pdf(objects)


def pdf_page_flood(pages: int = 10000) -> bytes:
    """10,000 pages sharing one tiny content stream (their resources inherited from the page
    tree): 1 MB on disk, and minutes of work for a reader that reads every page."""
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",
        _FONT,
        _stream(_TEXT_PAGE),
    ]
    kids = []
    for _ in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = (
        b"<< /Type /Pages /Kids ["
        + b" ".join(kids)
        + b"] /Count %d /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> >>" % pages
    )
    return _pdf(objects)


def pdf_nested_arrays(depth: int = 100_000) -> bytes:
    """A page dictionary holding an array nested 100,000 deep (a recursion bomb for readers
    that resolve objects recursively)."""
    nested = b"[" * depth + b"]" * depth
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Junk "
            + nested
            + b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            _stream(_TEXT_PAGE),
            _FONT,
        ]
    )


# --- Word (.docx) ---------------------------------------------------------------------------------
_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    b'<Default Extension="zip" ContentType="application/zip"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_PACKAGE_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b"</Relationships>"
)
_DOCUMENT_RELS_EMBEDDING = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/package" Target="embeddings/nested.zip"/></Relationships>'
)
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DOC_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ' + _W + b"><w:body>"
)
_DOC_TAIL = b"</w:body></w:document>"


def _paragraph(text: str) -> bytes:
    return b'<w:p><w:r><w:t xml:space="preserve">' + text.encode("utf-8") + b"</w:t></w:r></w:p>"


def _docx(members: list[tuple[str, bytes | Callable[[], Iterator[bytes]]]]) -> bytes:
    """A .docx of ``members``; a member given as a function is written from the pieces it
    yields, so a huge part is never whole in memory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, body in members:
            if isinstance(body, bytes):
                archive.writestr(name, body)
                continue
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as handle:
                for piece in body():
                    handle.write(piece)
    return out.getvalue()


def _minimal_docx(
    document: bytes, rels: bytes = _DOCUMENT_RELS
) -> list[tuple[str, bytes | Callable[[], Iterator[bytes]]]]:
    return [
        ("[Content_Types].xml", _CONTENT_TYPES),
        ("_rels/.rels", _PACKAGE_RELS),
        ("word/_rels/document.xml.rels", rels),
        ("word/document.xml", document),
    ]


def docx_zip_bomb(size: int = 160 * MB) -> bytes:
    """~300 KB that unpacks to 160 MB of paragraphs (~95 million characters of text)."""
    block = _paragraph((ARABIC + " ") * 40) * 20

    def document() -> Iterator[bytes]:
        yield _DOC_HEAD
        written = len(_DOC_HEAD)
        while written < size:
            yield block
            written += len(block)
        yield _DOC_TAIL

    members = _minimal_docx(b"")
    members[-1] = ("word/document.xml", document)
    return _docx(members)


def docx_lying_sizes(size: int = GB) -> bytes:
    """A .docx whose word/document.xml says (in its local header and in the central
    directory) that it unpacks to 2 KB, while its data inflates to 1 GB: a valid document
    followed by a gigabyte of spaces. A size check that trusts the header lets it in."""
    document = _DOC_HEAD + _paragraph(ARABIC) + _DOC_TAIL
    compressed = _deflate_repeated(document, b" ", size, raw=True)
    real_crc = 0
    for piece in _chunks_repeated(document, b" ", size):
        real_crc = zlib.crc32(piece, real_crc)
    declared = 2048
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in _minimal_docx(b"")[:-1]:
            archive.writestr(name, body)
    head = out.getvalue()
    # Re-read the honest members and append the lying one by hand.
    entries: list[
        tuple[bytes, int, int, int, int, int]
    ] = []  # name, offset, crc, csize, usize, method
    with zipfile.ZipFile(io.BytesIO(head)) as archive:
        for info in archive.infolist():
            entries.append(
                (
                    info.filename.encode(),
                    info.header_offset,
                    info.CRC,
                    info.compress_size,
                    info.file_size,
                    info.compress_type,
                )
            )
    body = bytearray(head[: _central_directory_offset(head)])
    name = b"word/document.xml"
    offset = len(body)
    body += struct.pack(
        "<4sHHHHHIIIHH",
        b"PK\x03\x04",
        20,
        0,
        8,
        0,
        0x5821,
        real_crc,
        len(compressed),
        declared,
        len(name),
        0,
    )
    body += name + compressed
    entries.append((name, offset, real_crc, len(compressed), declared, 8))
    return bytes(body) + _central_directory(entries, len(body))


def _chunks_repeated(head: bytes, unit: bytes, size: int) -> Iterator[bytes]:
    yield head
    block = unit * MB
    left = size - len(head)
    while left > 0:
        piece = block[:left]
        yield piece
        left -= len(piece)


def _central_directory_offset(data: bytes) -> int:
    end = data.rfind(b"PK\x05\x06")
    return int(struct.unpack("<I", data[end + 16 : end + 20])[0])


def _central_directory(entries: list[tuple[bytes, int, int, int, int, int]], start: int) -> bytes:
    records = b""
    for name, offset, crc, csize, usize, method in entries:
        records += struct.pack(
            "<4sHHHHHHIIIHHHHHII",
            b"PK\x01\x02",
            20,
            20,
            0,
            method,
            0,
            0x5821,
            crc,
            csize,
            usize,
            len(name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        records += name
    end = struct.pack(
        "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(records), start, 0
    )
    return records + end


def docx_overlapping(copies: int = 400) -> bytes:
    """Hundreds of central-directory entries, all pointing at the same 4 MB-deflated part:
    the file is tiny, the parts it lists add up to 1.6 GB ("overlapping" zip bomb)."""
    kernel_text = _DOC_HEAD + _paragraph(ARABIC) * 2 + _DOC_TAIL + b" " * (4 * MB)
    compressed = zlib.compress(kernel_text, 9)[2:-4]  # raw deflate, as zip stores it
    crc = zlib.crc32(kernel_text)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in _minimal_docx(b"")[:-1]:
            archive.writestr(name, body)
    head = out.getvalue()
    entries: list[tuple[bytes, int, int, int, int, int]] = []
    with zipfile.ZipFile(io.BytesIO(head)) as archive:
        for info in archive.infolist():
            entries.append(
                (
                    info.filename.encode(),
                    info.header_offset,
                    info.CRC,
                    info.compress_size,
                    info.file_size,
                    8,
                )
            )
    body = bytearray(head[: _central_directory_offset(head)])
    name = b"word/document.xml"
    offset = len(body)
    body += struct.pack(
        "<4sHHHHHIIIHH",
        b"PK\x03\x04",
        20,
        0,
        8,
        0,
        0x5821,
        crc,
        len(compressed),
        len(kernel_text),
        len(name),
        0,
    )
    body += name + compressed
    for _ in range(copies):
        entries.append((name, offset, crc, len(compressed), len(kernel_text), 8))
    return bytes(body) + _central_directory(entries, len(body))


def docx_nested_zip(levels: int = 8) -> bytes:
    """A short valid document carrying an embedded zip nested eight deep around 100 MB of
    zeros: an importer that opens embedded packages would unpack it."""
    inner = _zip_of("zeros.bin", _chunked_zeros(100 * MB))
    for level in range(levels):
        inner = _zip_of(f"level{level}.zip", lambda data=inner: iter([data]))
    document = _DOC_HEAD + _paragraph(ARABIC) * 3 + _DOC_TAIL
    members = _minimal_docx(document, _DOCUMENT_RELS_EMBEDDING)
    members.append(("word/embeddings/nested.zip", inner))
    return _docx(members)


def _chunked_zeros(size: int) -> Callable[[], Iterator[bytes]]:
    def pieces() -> Iterator[bytes]:
        block = bytes(MB)
        for _ in range(size // MB):
            yield block

    return pieces


def _zip_of(name: str, body: Callable[[], Iterator[bytes]]) -> bytes:
    return _docx([(name, body)])


_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + "]>"
)
_XXE = '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def docx_billion_laughs() -> bytes:
    document = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + _LAUGHS.encode()
        + b"<w:document "
        + _W
        + b"><w:body>"
        + _paragraph(ARABIC)
        + b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx(_minimal_docx(document))


def docx_xxe() -> bytes:
    document = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        + _XXE.encode()
        + b"<w:document "
        + _W
        + b"><w:body>"
        + _paragraph(ARABIC)
        + b"<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx(_minimal_docx(document))


# --- HTML / XML ---------------------------------------------------------------------------------
def _page(body: str, prologue: str = "") -> bytes:
    return (
        prologue
        + '<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>صفحة معادية</title></head>'
        "<body><article><h1>صفحة معادية</h1>" + body + "</article></body></html>"
    ).encode("utf-8")


def html_billion_laughs() -> bytes:
    return _page(f"<p>{ARABIC}</p><p>&lol9;</p>" * 3, '<?xml version="1.0"?>' + _LAUGHS)


def html_xxe() -> bytes:
    return _page(f"<p>{ARABIC}</p><p>&xxe;</p>" * 3, '<?xml version="1.0"?>' + _XXE)


def write_big_page(path: Path, size: int = 48 * MB) -> None:
    """A 48 MB saved page of 140,000 paragraphs: lxml and trafilatura need ~25 times that."""
    paragraph = f"<p>{ARABIC}</p>\n"
    path.write_bytes(_page(paragraph * (size // len(paragraph.encode()))))


def html_deep_nesting(depth: int = 50_000) -> bytes:
    return _page("<div>" * depth + f"<p>{ARABIC}</p>" + "</div>" * depth)


# --- e-mail ---------------------------------------------------------------------------------------
def _mail_head(subject: str, boundary: str) -> bytes:
    return (
        "From: Sender <sender@example.org>\r\nTo: analyst@example.org\r\n"
        f"Subject: {Header(subject, 'utf-8').encode()}\r\n"
        "Date: Mon, 01 Jan 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'
    ).encode("ascii")


def eml_huge_base64(size: int = 30 * MB) -> bytes:
    """A 49 MB message: a text/plain part of 30 MB of Arabic in base64, then 7 MB of it again
    as an attachment (about the largest text a message under the 50 MB limit can carry)."""
    text = ((ARABIC + "\n") * (size // len(ARABIC.encode()) + 1)).encode("utf-8")[:size]
    text = text.decode("utf-8", "ignore").encode("utf-8")
    encoded = base64.encodebytes(text).replace(b"\n", b"\r\n")
    boundary = "hostile-boundary"
    return b"".join(
        [
            _mail_head("رسالة بجزء ضخم", boundary),
            f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n".encode("ascii"),
            encoded,
            f"\r\n--{boundary}\r\nContent-Type: application/octet-stream\r\n"
            'Content-Disposition: attachment; filename="big.bin"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n".encode("ascii"),
            encoded[: 7 * MB],
            f"\r\n--{boundary}--\r\n".encode("ascii"),
        ]
    )


def eml_deep_multipart(depth: int = 5000) -> bytes:
    """Multipart containers nested 5,000 deep around one line of text."""
    parts = [_mail_head("رسالة متداخلة", "b0")]
    for level in range(1, depth):
        parts.append(
            f'--b{level - 1}\r\nContent-Type: multipart/mixed; boundary="b{level}"\r\n\r\n'.encode()
        )
    parts.append(
        f"--b{depth - 1}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{ARABIC}\r\n".encode()
    )
    for level in range(depth - 1, -1, -1):
        parts.append(f"--b{level}--\r\n".encode())
    return b"".join(parts)


def eml_many_parts(count: int = 10000) -> bytes:
    """10,000 empty parts before the text: cheap to write, costly to walk naively."""
    boundary = "many"
    parts = [_mail_head("رسالة كثيرة الأجزاء", boundary)]
    empty = f"--{boundary}\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n".encode()
    parts.append(empty * count)
    parts.append(
        f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{ARABIC}\r\n"
        f"--{boundary}--\r\n".encode()
    )
    return b"".join(parts)


# --- text and JSON (large, generated) -----------------------------------------------------------
def write_text(path: Path, size: int = 49 * MB) -> None:
    """A 49 MB UTF-8 text file of Arabic prose in paragraphs (just under the 50 MB limit)."""
    paragraph = ((ARABIC + " ") * 6 + "\n\n").encode("utf-8")
    with path.open("wb") as handle:
        written = 0
        n = 0
        while written + len(paragraph) + 16 <= size:
            line = f"فقرة {n}: ".encode() + paragraph
            handle.write(line)
            written += len(line)
            n += 1


def write_json(path: Path, size: int = 450 * MB) -> None:
    """A Hamish JSON export of ~450 MB: documents of 1 MB Arabic text each, one annotation
    on each (the limit for JSON files is checked on this size)."""
    text = (ARABIC + "\n") * (MB // len(ARABIC.encode()) + 1)
    count = max(1, size // len(json.dumps(text, ensure_ascii=False).encode()))
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"format": "hamish", "version": 1, "scope": "documents",\n"documents": [\n')
        for n in range(count):
            body = f"{n}\n{text}"
            record = {
                "id": n + 1,
                "title": f"وثيقة {n + 1}",
                "text": body,
                "language": "ar",
                "direction": "rtl",
                "imported_at": "2024-01-01T00:00:00Z",
                "modified_at": "2024-01-01T00:00:00Z",
            }
            handle.write(("," if n else "") + json.dumps(record, ensure_ascii=False) + "\n")
        handle.write('],\n"labels": [], "annotations": []}\n')


# --- the corpus -----------------------------------------------------------------------------------
SMALL: dict[str, Callable[[], bytes]] = {
    "pdf_flate_bomb.pdf": pdf_flate_bomb,
    "pdf_double_flate_bomb.pdf": pdf_double_flate_bomb,
    "pdf_page_flood.pdf": pdf_page_flood,
    "pdf_glyph_flood.pdf": pdf_glyph_flood,
    "pdf_path_flood.pdf": pdf_path_flood,
    "pdf_nested_arrays.pdf": pdf_nested_arrays,
    "docx_zip_bomb.docx": docx_zip_bomb,
    "docx_lying_sizes.docx": docx_lying_sizes,
    "docx_overlapping.docx": docx_overlapping,
    "docx_nested_zip.docx": docx_nested_zip,
    "docx_billion_laughs.docx": docx_billion_laughs,
    "docx_xxe.docx": docx_xxe,
    "html_billion_laughs.html": html_billion_laughs,
    "html_xxe.html": html_xxe,
    "html_deep_nesting.html": html_deep_nesting,
    "eml_deep_multipart.eml": eml_deep_multipart,
    "eml_many_parts.eml": eml_many_parts,
}
LARGE: dict[str, Callable[[Path], None]] = {
    "text_49mb.txt": write_text,
    "json_450mb.json": write_json,
    "pdf_many_pages.pdf": lambda path: path.write_bytes(pdf_many_pages()),
    "eml_huge_base64.eml": lambda path: path.write_bytes(eml_huge_base64()),
    "html_48mb.html": write_big_page,
}


def make_small(folder: Path = HERE) -> list[Path]:
    paths = []
    for name, build in SMALL.items():
        path = folder / name
        path.write_bytes(build())
        paths.append(path)
    return paths


def make_large(folder: Path, names: list[str] | None = None) -> list[Path]:
    paths = []
    for name in names or list(LARGE):
        path = folder / name
        if not path.exists():
            LARGE[name](path)
        paths.append(path)
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="rebuild the checked-in files")
    parser.add_argument("--large", type=Path, metavar="FOLDER", help="write the large files")
    args = parser.parse_args()
    if args.small:
        for path in make_small():
            print(f"{path.stat().st_size / 1024:8.0f} KB  {path.name}")
    if args.large:
        args.large.mkdir(parents=True, exist_ok=True)
        for path in make_large(args.large):
            print(f"{path.stat().st_size / MB:8.1f} MB  {path}")
    if not (args.small or args.large):
        parser.print_usage()
    return 0


if __name__ == "__main__":
    sys.exit(main())
