"""Writing a figure (any ``QGraphicsScene``) as PNG or SVG, or as PNG bytes for the briefing.

A figure is sized in millimetres on paper and rendered at a print resolution (300 dpi by
default), so a network drawn for the Word briefing is as sharp as its text.

The figures of Hamish (the entity network, the claim timeline) are laid out *in points* for a
:class:`Paper`: one scene unit is one point on paper, the text is set in points (names
:data:`NAME_PT`, legends and axes :data:`SMALL_PT`) and the drawing is fitted around it, so the
text prints at one size whatever the number of nodes or claims (issue 16: a small network
scaled up to the page printed its names at three times the body text, the timeline its dates
at 4 pt). Such a scene says so (:func:`set_in_points`); it is drawn as wide as it was laid
out, its scene rectangle whole. Any other scene is fitted to the width asked for. Files are written
through ``replace_on_success``: a new file or an allowed replacement appears whole or not at
all, and devices, pipes, folders and databases are refused with a sentence saying why.

Rendering needs a ``QGuiApplication`` (fonts); the command line makes an offscreen one.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from desktop.core.errors import HamishError
from desktop.io.exporters.files import replace_on_success, signals_deferred
from desktop.io.exporters.word.figures import MAX_HEIGHT_MM, TEXT_WIDTH_MM

MM_PER_INCH = 25.4
POINTS_PER_INCH = 72.0
DEFAULT_DPI = 300
DEFAULT_WIDTH_MM = 160.0
"""A portrait A4 page's text width with Word's default margins, a little less."""
DEFAULT_MAX_HEIGHT_MM = 240.0
"""The tallest a figure written on its own is laid out: an A4 page's text height, a little less."""
NAME_PT = 9
"""The size of a figure's names (the network's entities, the timeline's lanes), in points: the
briefing's body text is 11 pt (13 in Arabic), its captions 8.5 (10)."""
SMALL_PT = 8
"""The size of a figure's legend and axis, in points."""
MARGIN_PT = 6.0
"""The white around a figure laid out in points."""
MARGIN_FRACTION = 0.02
IN_POINTS = "hamishInPoints"
"""The scene's dynamic property saying it is laid out in points (:func:`set_in_points`)."""
MAX_PIXELS = 12_000
"""The longest side of a rendered image: a 4:1 figure at 300 dpi stays far below it; a caller
asking for more gets this (Qt refuses images above 2^31 bytes, and memory is finite)."""


@dataclass(frozen=True, slots=True)
class Paper:
    """The room a figure is laid out for: drawn ``width_mm`` wide, at most ``max_height_mm``
    high (a taller drawing is made narrower)."""

    width_mm: float = DEFAULT_WIDTH_MM
    max_height_mm: float = DEFAULT_MAX_HEIGHT_MM

    @property
    def width(self) -> float:
        """The width in points (scene units of a figure laid out for it)."""
        return self.width_mm / MM_PER_INCH * POINTS_PER_INCH

    @property
    def max_height(self) -> float:
        """The greatest height in points."""
        return self.max_height_mm / MM_PER_INCH * POINTS_PER_INCH


BRIEFING_PAPER = Paper(TEXT_WIDTH_MM, MAX_HEIGHT_MM)
"""The Word briefing's figures: the page's text width, room left for the heading and caption."""


def set_in_points(scene: QGraphicsScene, rect: QRectF) -> None:
    """Say that ``scene`` is laid out in points, ``rect`` (scene units, that is points) being
    the whole figure with its margins: it is drawn at that size on paper."""
    scene.setSceneRect(rect)
    scene.setProperty(IN_POINTS, True)


def in_points(scene: QGraphicsScene) -> bool:
    """Whether ``scene`` was laid out in points (:func:`set_in_points`)."""
    return scene.property(IN_POINTS) is True


def size_mm(scene: QGraphicsScene) -> tuple[float, float] | None:
    """The width and height in millimetres a scene laid out in points is drawn at (None for
    any other scene)."""
    if not in_points(scene):
        return None
    rect = scene.sceneRect()
    to_mm = MM_PER_INCH / POINTS_PER_INCH
    return rect.width() * to_mm, rect.height() * to_mm


def _width_mm(scene: QGraphicsScene, width_mm: float | None) -> float:
    if width_mm is not None:
        return width_mm
    own = size_mm(scene)
    return own[0] if own is not None else DEFAULT_WIDTH_MM


def _source(scene: QGraphicsScene) -> QRectF:
    if in_points(scene) and not scene.sceneRect().isEmpty():
        return scene.sceneRect()  # its own margins: drawn at the size it was laid out for
    rect = scene.itemsBoundingRect()
    if rect.isEmpty():
        rect = scene.sceneRect()
    if rect.isEmpty():
        rect = QRectF(0, 0, 100, 60)
    margin = max(rect.width(), rect.height()) * MARGIN_FRACTION
    return rect.marginsAdded(QMarginsF(margin, margin, margin, margin))


def image_size(
    scene: QGraphicsScene, *, width_mm: float | None = None, dpi: int = DEFAULT_DPI
) -> QSize:
    """The pixel size of ``scene`` drawn ``width_mm`` wide at ``dpi``, keeping its aspect
    (None: as wide as it was laid out in points, else :data:`DEFAULT_WIDTH_MM`)."""
    source = _source(scene)
    width = max(1, round(_width_mm(scene, width_mm) / MM_PER_INCH * dpi))
    height = max(1, round(width * source.height() / source.width()))
    longest = max(width, height)
    if longest > MAX_PIXELS:
        width = max(1, width * MAX_PIXELS // longest)
        height = max(1, height * MAX_PIXELS // longest)
    return QSize(width, height)


def render_image(
    scene: QGraphicsScene,
    *,
    width_mm: float | None = None,
    dpi: int = DEFAULT_DPI,
    background: QColor | None = None,
) -> QImage:
    """``scene`` drawn into an image ``width_mm`` wide at ``dpi`` (white unless told; the
    width as :func:`image_size` says)."""
    size = image_size(scene, width_mm=width_mm, dpi=dpi)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    dots_per_metre = round(dpi / MM_PER_INCH * 1000)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(background if background is not None else QColor(Qt.GlobalColor.white))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        with interrupt_after():
            scene.render(
                painter,
                QRectF(0, 0, size.width(), size.height()),
                _source(scene),
                Qt.AspectRatioMode.KeepAspectRatio,
            )
    finally:
        painter.end()
    return image


def interrupt_after() -> contextlib.AbstractContextManager[None]:
    """Ctrl-C while Qt draws is acted on once it has finished: raised inside an item's
    paint, called from Qt's C++, the KeyboardInterrupt crashed the process (SIGSEGV, found
    by the attacker on a figure taking a minute). So are SIGTERM and SIGHUP, which the
    command line raises as Ctrl-C, to remove its temporary files. In the main thread only
    (where Python's signal handlers run)."""
    return signals_deferred()


def png_bytes(
    scene: QGraphicsScene, *, width_mm: float | None = None, dpi: int = DEFAULT_DPI
) -> bytes:
    """``scene`` as the bytes of a PNG file (for the Word briefing's figures)."""
    return encode_png(render_image(scene, width_mm=width_mm, dpi=dpi))


def encode_png(image: QImage) -> bytes:
    """``image`` as the bytes of a PNG file, encoded in memory: a file is then written by
    Python, whose error says why (``No space left on device``). Saved by Qt straight into
    the file, a full disk printed libpng's "Write Error" on stderr and gave only "the image
    could not be saved" (found by the attacker)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 wants the format as str; its stubs say bytes.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise HamishError(
            QCoreApplication.translate("Figures", "The figure could not be drawn as a PNG image.")
        )
    buffer.close()
    return bytes(data.data())


def write_png(
    scene: QGraphicsScene,
    path: str | os.PathLike[str],
    *,
    overwrite: bool = False,
    width_mm: float | None = None,
    dpi: int = DEFAULT_DPI,
    project_path: Path | None = None,
) -> QSize:
    """Write ``scene`` as a PNG file at ``path``; returns the image's pixel size."""
    image = render_image(scene, width_mm=width_mm, dpi=dpi)
    data = encode_png(image)
    with replace_on_success(path, overwrite=overwrite, project_path=project_path) as tmp:
        tmp.write_bytes(data)
    return image.size()


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What XML 1.0 cannot hold."""


def write_svg(
    scene: QGraphicsScene,
    path: str | os.PathLike[str],
    *,
    title: str = "",
    overwrite: bool = False,
    project_path: Path | None = None,
) -> None:
    """Write ``scene`` as an SVG file at ``path`` (:func:`svg_bytes`)."""
    with replace_on_success(path, overwrite=overwrite, project_path=project_path) as tmp:
        tmp.write_bytes(svg_bytes(scene, title=title))


def svg_bytes(scene: QGraphicsScene, *, title: str = "") -> bytes:
    """``scene`` as the bytes of an SVG file (text stays text: a viewer shapes it). One scene
    unit is one point of the SVG's size in millimetres (QSvgGenerator's 72 dpi): a figure
    laid out in points has its size on paper.

    Drawn into memory, then written by Python: Qt's SVG writer drops its file's write errors
    — on a full disk a cut-off file replaced the old one, "written" (found by the attacker).
    Python's write raises, and the old file stays."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtSvg import QSvgGenerator

    source = _source(scene)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription("Hamish")
    painter = QPainter()
    if not painter.begin(generator):
        raise HamishError(
            QCoreApplication.translate("Figures", "The figure could not be drawn as an SVG file.")
        )
    # A cached item is drawn from its cached picture: the network's nodes and edge tiles came
    # out as 39 embedded PNG images, blurred when enlarged. Drawn uncached, they stay shapes,
    # lines and text.
    cached = [
        (item, item.cacheMode())
        for item in scene.items()
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache
    ]
    for item, _ in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        with interrupt_after():
            scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    finally:
        painter.end()
        for item, mode in cached:
            item.setCacheMode(mode)
    text = bytes(buffer.data().data()).decode("utf-8", "replace")
    # Characters XML cannot hold (a control character or U+FFFF in a name from an older
    # project) made the file ill-formed: left out, as the Word briefing leaves them.
    text = _FAMILY.sub(lambda match: _families_drawn(match.group(1)), text)
    return _NOT_XML.sub("", text).encode("utf-8")


_FAMILY = re.compile(r'font-family="([^"]*)"')
_ARABIC_SAMPLE = "عربي"


def _families_drawn(family: str) -> str:
    """The ``font-family`` attribute of text Qt drew in ``family``: the family Qt drew its
    Arabic in (the system's fallback for that script — the interface's "Sans Serif" is an
    alias no other program resolves the same way, so a viewer drew the names in whatever
    it had), the family it drew Latin text in, and the generic ``sans-serif``."""
    from PySide6.QtGui import QFont, QFontInfo, QTextLayout

    font = QFont(family)
    names: list[str] = []
    layout = QTextLayout(_ARABIC_SAMPLE, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    for run in layout.glyphRuns():
        names.append(run.rawFont().familyName())
    names.append(QFontInfo(font).family())
    chosen = [name for name in dict.fromkeys(names) if name and not set(name) & set("'\"&<>")]
    listed = ", ".join(f"'{name}'" for name in chosen if name.lower() != "sans-serif")
    return f'font-family="{listed + ", " if listed else ""}sans-serif"'
