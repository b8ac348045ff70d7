"""A main window's saved dock layout, mirrored for the other interface direction.

The window keeps one saved layout, versioned by its direction (``MainWindow._layout_version``):
a layout saved in English is not restored as it is in Arabic, where the library belongs on
the right. Before this, switching the interface language threw the analyst's arrangement
away — which panels were open, their sizes, the panels tabbed together — for the default.
Now the saved state is rewritten as its mirror image and restored: the left area's panels go
to the right area and back (with the area's size), the corners follow, and panels side by
side (a horizontal sequence, such as two panels under the article: Qt does not lay those out
right to left) change order. Tab groups keep their order — their tab bar follows the
direction — and their current tab; floating panels and the toolbars are left as they were.

Pure byte work on what ``QMainWindow.saveState`` writes (Qt's ``QDockAreaLayout::saveState``
and ``QDockAreaLayoutInfo::saveState``; the markers are ``desktop.ui.qtvalues``'): loaded only
when a layout of the other direction is found, and it makes no ``Qt`` enum, so it may run
before the window's first paint (see ``qtvalues``). A state it cannot read gives None, and the
window its default layout, as before.
"""

from __future__ import annotations

import struct

from desktop.ui.qtvalues import (
    _DOCK_STATE_MARKER,
    _SEQUENCE_MARKER,
    _VERSION_MARKER,
    _WIDGET_MARKER,
    LEFT_AREA,
    LEFT_DOCK,
    RIGHT_AREA,
    RIGHT_DOCK,
)

__all__ = ["mirrored_state", "state_version"]

_TAB_MARKER = 0xFA
_HORIZONTAL = 1  # Qt.Orientation.Horizontal
_NULL_STRING = 0xFFFFFFFF
_AREAS = {LEFT_AREA: RIGHT_AREA, RIGHT_AREA: LEFT_AREA}  # a corner's area; top, bottom stay


class _Unreadable(ValueError):
    pass


class _Reader:
    def __init__(self, data: bytes, offset: int = 0) -> None:
        self.data = data
        self.offset = offset

    def take(self, size: int) -> bytes:
        end = self.offset + size
        if size < 0 or end > len(self.data):
            raise _Unreadable("the state ends too soon")
        chunk = self.data[self.offset : end]
        self.offset = end
        return chunk

    def byte(self) -> int:
        return self.take(1)[0]

    def ints(self, count: int) -> tuple[int, ...]:
        return struct.unpack(f">{count}i", self.take(4 * count))

    def string(self) -> bytes:
        """A QString as written: its length in bytes (or null), then UTF-16."""
        head = self.take(4)
        size = struct.unpack(">I", head)[0]
        return head if size == _NULL_STRING else head + self.take(size)


def _i32(*values: int) -> bytes:
    return struct.pack(f">{len(values)}i", *values)


def _area_info(reader: _Reader, depth: int = 0) -> bytes:
    """One ``QDockAreaLayoutInfo``, mirrored: a horizontal sequence's items reversed."""
    if depth > 16:
        raise _Unreadable("panels nested too deep")
    marker = reader.byte()
    if marker == _TAB_MARKER:
        head = bytes([marker]) + reader.take(4)  # the index of the tab in front
    elif marker == _SEQUENCE_MARKER:
        head = bytes([marker])
    else:
        raise _Unreadable(f"unknown marker {marker:#x}")
    orientation = reader.byte()
    (count,) = reader.ints(1)
    if not 0 <= count <= 1000:
        raise _Unreadable("implausible item count")
    items: list[tuple[bytes, tuple[int, ...], bytes]] = []
    for _ in range(count):
        kind = reader.byte()
        if kind == _WIDGET_MARKER:
            name = reader.string()
            flags = reader.byte()
            place = reader.ints(4)  # pos, size, least, most — or x, y, width, height if floating
            items.append((bytes([kind]) + name + bytes([flags]), place, b""))
        elif kind == _SEQUENCE_MARKER:
            place = reader.ints(4)  # pos, size, least, most
            items.append((bytes([kind]), place, _area_info(reader, depth + 1)))
        else:
            raise _Unreadable(f"unknown item marker {kind:#x}")
    if marker == _SEQUENCE_MARKER and orientation == _HORIZONTAL and count > 1:
        floating = [item for item in items if item[0][0] == _WIDGET_MARKER and item[0][-1] & 2]
        if not floating:
            span = max(pos + size for _, (pos, size, *_rest), _ in items)
            items = [
                (head_, (span - pos - size if size >= 0 else pos, size, *rest), tail)
                for head_, (pos, size, *rest), tail in reversed(items)
            ]
    out = [head, bytes([orientation]), _i32(count)]
    for item_head, place, tail in items:
        out += [item_head, _i32(*place), tail]
    return b"".join(out)


def state_version(state: bytes) -> int | None:
    """The version a ``QMainWindow.saveState(version)`` was written with, or None."""
    if len(state) < 8 or struct.unpack(">i", state[:4])[0] != _VERSION_MARKER:
        return None
    return int(struct.unpack(">i", state[4:8])[0])


def mirrored_state(state: bytes, version: int) -> bytes | None:
    """``state`` with its dock layout mirrored left for right, written as version
    ``version``; None when it is not a layout this can read."""
    try:
        if state_version(state) is None:
            return None
        reader = _Reader(state, 8)
        if reader.byte() != _DOCK_STATE_MARKER:
            return None
        (count,) = reader.ints(1)
        if not 0 <= count <= 4:
            return None
        areas: list[tuple[int, bytes]] = []
        for _ in range(count):
            index, width, height = reader.ints(3)
            swapped = {LEFT_DOCK: RIGHT_DOCK, RIGHT_DOCK: LEFT_DOCK}.get(index, index)
            areas.append((swapped, _i32(swapped, width, height) + _area_info(reader)))
        central = reader.take(8)
        corners = [_AREAS.get(area, area) for area in reader.ints(4)]
        top_left, top_right, bottom_left, bottom_right = corners
        rest = reader.take(len(state) - reader.offset)  # floating tab groups, toolbars
    except (_Unreadable, struct.error):
        return None
    return b"".join(
        [
            _i32(_VERSION_MARKER, version),
            bytes([_DOCK_STATE_MARKER]),
            _i32(count),
            *(chunk for _, chunk in sorted(areas)),
            central,
            _i32(top_right, top_left, bottom_right, bottom_left),
            rest,
        ]
    )
