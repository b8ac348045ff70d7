"""Checking a leftover write-ahead log before SQLite recovers it.

Why: when a project was not closed (a crash, a power cut, a killed process) its last edits
live in the ``-wal`` file beside it. On the next open SQLite replays the frames of that log up
to the first one whose checksum or salts do not match, and silently drops every frame after
it — committed edits included — then deletes the log when the project closes. Hamish reads the
log itself first (https://www.sqlite.org/fileformat2.html#walformat) so the analyst is told
how many frames of saved edits will be lost, and a copy is kept (``store/backups.py``).

The format, in short: a 32-byte header (magic 0x377f0682 or 0x377f0683, format version,
page size, checkpoint sequence, two salts, a checksum of the first 24 bytes), then frames of
a 24-byte header (page number, database size after a commit — 0 for the other frames of a
transaction —, the two salts, a checksum) followed by one page. Each frame's checksum is
cumulative: it continues from the previous frame's (the header's for the first) over the
frame header's first 8 bytes and the page. Frames whose salts differ from the header's are
left over from before the log was last restarted: they were checkpointed into the project
already and are no loss.
"""

from __future__ import annotations

import struct
import sys
from dataclasses import dataclass
from pathlib import Path

WAL_MAGIC = (0x377F0682, 0x377F0683)  # the lowest bit: 0 little-endian checksums, 1 big-endian
WAL_VERSION = 3007000
HEADER = 32
FRAME_HEADER = 24
_MASK = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class WalCheck:
    """What SQLite will make of a log: ``frames`` whole frames in the file, the first
    ``kept`` of which it replays (up to the last complete transaction before any damage), and
    ``lost`` frames of committed transactions after the damage that it will drop."""

    frames: int
    kept: int
    lost: int
    damaged_header: bool = False

    @property
    def damaged(self) -> bool:
        return self.lost > 0


def checksum(
    data: bytes | memoryview, big_endian: bool, s0: int = 0, s1: int = 0
) -> tuple[int, int]:
    """SQLite's WAL checksum of ``data`` (a multiple of 8 bytes), continuing from (s0, s1)."""
    words: tuple[int, ...] | memoryview
    native = (sys.byteorder == "big") == big_endian
    if native:
        words = memoryview(data).cast("I")
    else:
        words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    pairs = iter(words)
    for first, second in zip(pairs, pairs, strict=True):
        s0 = (s0 + first + s1) & _MASK
        s1 = (s1 + second + s0) & _MASK
    return s0, s1


def check_wal(data: bytes, page_size_hint: int = 0) -> WalCheck:
    """Verify a write-ahead log as SQLite's recovery will read it (see the module doc).

    ``page_size_hint`` (the project's page size) counts the frames of a log whose header is
    itself damaged: SQLite then ignores the whole log, and every frame in it is lost."""
    if len(data) < HEADER:
        return WalCheck(0, 0, 0)
    magic, version, page_size, _sequence, salt1, salt2, sum1, sum2 = struct.unpack(
        ">8I", data[:HEADER]
    )
    big_endian = bool(magic & 1)
    valid_page = 512 <= page_size <= 65536 and not page_size & (page_size - 1)
    header_ok = (
        magic in WAL_MAGIC
        and version == WAL_VERSION
        and valid_page
        and checksum(data[:24], big_endian) == (sum1, sum2)
    )
    if not header_ok:
        size = page_size if valid_page else page_size_hint
        frames = (len(data) - HEADER) // (size + FRAME_HEADER) if size else 0
        return WalCheck(frames, 0, frames, damaged_header=frames > 0)
    frame_size = FRAME_HEADER + page_size
    frames = (len(data) - HEADER) // frame_size
    view = memoryview(data)
    s0, s1 = sum1, sum2
    kept = 0
    first_bad = frames
    for index in range(frames):
        offset = HEADER + index * frame_size
        _page, commit, f_salt1, f_salt2, f_sum1, f_sum2 = struct.unpack(
            ">6I", view[offset : offset + FRAME_HEADER]
        )
        if (f_salt1, f_salt2) != (salt1, salt2):
            first_bad = index
            break
        s0, s1 = checksum(view[offset : offset + 8], big_endian, s0, s1)
        s0, s1 = checksum(view[offset + FRAME_HEADER : offset + frame_size], big_endian, s0, s1)
        if (s0, s1) != (f_sum1, f_sum2):
            first_bad = index
            break
        if commit:
            kept = index + 1
    # After the damage: frames of this log (its salts) that end a transaction were committed;
    # everything from the end of the kept prefix up to the last of them is dropped.
    first_commit = last_commit = 0
    for index in range(first_bad, frames):
        offset = HEADER + index * frame_size
        _page, commit, f_salt1, f_salt2 = struct.unpack(">4I", view[offset : offset + 16])
        if commit and (f_salt1, f_salt2) == (salt1, salt2):
            first_commit = first_commit or index + 1
            last_commit = index + 1
    if last_commit and last_commit == first_commit and last_commit < frames:
        # The damage is in the log's last transaction, and the slot after it holds a frame of
        # an earlier generation: the log was being written again from its start, and the
        # process died inside this transaction's last frame — SQLite writes a frame's header
        # and its page in two writes, so the header (salts, commit mark) is new and the page
        # still the old one. That transaction never finished, so it was never reported saved;
        # the soak (benchmarks/soak.py) saw it after 1 in 100 killed tagging sessions.
        offset = HEADER + last_commit * frame_size
        if tuple(struct.unpack(">2I", view[offset + 8 : offset + 16])) != (salt1, salt2):
            last_commit = 0
    lost = max(0, last_commit - kept)
    return WalCheck(frames, kept, lost)


def check_wal_file(wal: Path, page_size_hint: int = 0) -> WalCheck:
    """``check_wal`` of a file (read whole: a leftover log is at most a few megabytes, as
    SQLite checkpoints it every thousand pages)."""
    return check_wal(wal.read_bytes(), page_size_hint)
