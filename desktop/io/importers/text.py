"""Plain UTF-8 text files. Every way a file can be unusable gets its own clear reason, and the
file is only ever read, never modified."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.errors import ImportRejected
from desktop.core.models import DocumentDraft
from desktop.core.text import make_draft

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".text", ".md")


def _looks_binary(data: bytes) -> bool:
    """NUL bytes never occur in UTF-8 prose; many C0 controls mean a binary file."""
    if b"\x00" in data[:65536]:
        return True
    sample = data[:65536]
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def decode_utf8(data: bytes, name: str) -> str:
    """Decode strictly, naming the position of the first bad byte so the analyst can find it."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRejected(
            f"{name} is not UTF-8 text (invalid byte 0x{data[error.start]:02x} on line {line}). "
            "Save it as UTF-8 and import it again."
        ) from error


def read_text_file(path: str | os.PathLike[str]) -> DocumentDraft:
    """Read one text file into a draft, or raise ImportRejected with the reason."""
    file = Path(path)
    name = file.name or str(file)
    try:
        if file.is_dir():
            raise ImportRejected(f"{file} is a folder, not a text file.")
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise ImportRejected(
                f"{name} is {size / 1024 / 1024:.0f} MB; articles larger than "
                f"{MAX_BYTES // 1024 // 1024} MB are not imported."
            )
        data = file.read_bytes()
    except ImportRejected:
        raise
    except FileNotFoundError as error:
        raise ImportRejected(f"{file} does not exist.") from error
    except PermissionError as error:
        raise ImportRejected(f"{file} cannot be read: permission denied.") from error
    except OSError as error:
        raise ImportRejected(f"{file} cannot be read: {error.strerror or error}.") from error
    if not data.strip():
        raise ImportRejected(f"{name} is empty.")
    if _looks_binary(data):
        raise ImportRejected(f"{name} is a binary file, not text.")
    text = decode_utf8(data, name)
    if not text.strip():
        raise ImportRejected(f"{name} contains only white space.")
    return make_draft(text, origin=str(file.resolve()), fallback_title=file.stem)
