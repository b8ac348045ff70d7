"""What every importer shares: one size limit, one way to read a file, and content sniffing.

Reading goes through :func:`read_limited` so that every format refuses an oversized file
*before* reading it (a 200 MB PDF must not be loaded into memory to be refused) and every way
a path can be unusable gets the same clear sentence whatever the format.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import date, datetime
from pathlib import Path

from desktop.core.errors import ImportRejected

MAX_BYTES = 50 * 1024 * 1024


def _as_path(path: str | os.PathLike[str]) -> Path:
    """``path`` as a ``Path``, not parsed again when it is one (a batch asks per file)."""
    return path if isinstance(path, Path) else Path(path)


def display_name(path: str | os.PathLike[str]) -> str:
    file = _as_path(path)
    return file.name or str(file)


TOO_LARGE = "{name} is {size_mb:.0f} MB; articles larger than {limit_mb} MB are not imported."


def check_size(
    size: int, name: str, max_bytes: int = MAX_BYTES, too_large: str = TOO_LARGE
) -> None:
    """``too_large`` is the message, with ``{name}``, ``{size_mb}`` and ``{limit_mb}``."""
    if size > max_bytes:
        raise ImportRejected(
            too_large.format(
                name=name, size_mb=size / 1024 / 1024, limit_mb=max_bytes // 1024 // 1024
            )
        )


def read_limited(
    path: str | os.PathLike[str], max_bytes: int = MAX_BYTES, too_large: str = TOO_LARGE
) -> bytes:
    """The bytes of ``path``, or ``ImportRejected`` saying why not (missing, a folder,
    unreadable, too large — checked on the size the file system reports, before reading)."""
    file = _as_path(path)
    name = display_name(file)
    try:
        status = file.stat()
        if stat.S_ISDIR(status.st_mode):
            raise ImportRejected(f"{file} is a folder, not a file.")
        if not stat.S_ISREG(status.st_mode):  # opening a pipe would wait for a writer
            raise ImportRejected(f"{file} is not a regular file (a device, pipe or socket).")
        check_size(status.st_size, name, max_bytes, too_large)
        with file.open("rb") as handle:
            # What the file holds and a byte more, to see whether it grew: read(max_bytes + 1)
            # made a buffer of the limit (50 MB) and shrank it, a third of reading a short file.
            data = handle.read(status.st_size + 1)
            if len(data) > status.st_size:  # it grew since: read on, up to the limit
                data += handle.read(max(0, max_bytes + 1 - len(data)))
    except ImportRejected:
        raise
    except FileNotFoundError as error:
        raise ImportRejected(f"{file} does not exist.") from error
    except PermissionError as error:
        raise ImportRejected(f"{file} cannot be read: permission denied.") from error
    except OSError as error:
        raise ImportRejected(f"{file} cannot be read: {error.strerror or error}.") from error
    check_size(len(data), name, max_bytes, too_large)  # a file that grew while we looked
    return data


# --- sniffing ------------------------------------------------------------------------------
# (XHTML may open with an XML declaration)
_HTML_START = re.compile(
    rb"^\s*(<\?xml\b[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S,
)
_MAIL_HEADER = re.compile(
    rb"^(return-path|received|from|to|subject|date|message-id|mime-version|delivered-to)"
    rb":[ \t]",
    re.I,
)


def sniff(data: bytes) -> str | None:
    """The format the content itself announces, whatever the file is called: "pdf", "docx",
    "zip" (another zip), "ole" (legacy .doc/.xls), "image", "html", "eml", or None."""
    head = data[:4096]
    if head.lstrip(b"\x00\t\n\r ")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] else "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"II*\x00", b"MM\x00*")):
        return "image"
    text = head.removeprefix(b"\xef\xbb\xbf")
    if _HTML_START.match(text):
        return "html"
    if _MAIL_HEADER.match(text) and b"\n\n" in data[:65536].replace(b"\r\n", b"\n"):
        return "eml"
    return None


DESCRIPTIONS = {
    "pdf": "a PDF document",
    "docx": "a Word document",
    "zip": "a zip archive",
    "ole": "an old binary Office document (.doc/.xls)",
    "image": "an image",
    "html": "a web page",
    "eml": "an e-mail message",
}


def iso_date(value: date | datetime | None) -> str | None:
    """``YYYY-MM-DD`` (the form Hamish stores and sorts by), or None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if not 1900 <= value.year <= 2200:  # sentinel dates of broken metadata
        return None
    return value.isoformat()


_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_iso_date(text: str | None) -> str | None:
    """The ``YYYY-MM-DD`` at the start of ``text`` if it is a real date, else None."""
    if not text:
        return None
    match = _ISO_PREFIX.match(text)
    if match is None:
        return None
    try:
        return iso_date(date(int(match[1]), int(match[2]), int(match[3])))
    except ValueError:
        return None
