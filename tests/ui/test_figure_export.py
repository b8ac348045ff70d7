"""A figure (any QGraphicsScene) written as PNG bytes, a PNG file at print resolution and an
SVG file, through the export's safe writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QGraphicsScene

from desktop.core.errors import HamishError
from desktop.ui.figures import export


@pytest.fixture
def scene(qapp: object) -> QGraphicsScene:
    scene = QGraphicsScene()
    scene.addRect(0, 0, 200, 100, brush=QColor("#c0392b"))
    text = scene.addText("جون كيري", QFont("Noto Naskh Arabic", 14))
    text.setPos(20, 20)
    return scene


def test_png_bytes_are_sized_on_paper_at_print_resolution(scene: QGraphicsScene) -> None:
    data = export.png_bytes(scene, width_mm=100, dpi=300)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(data)
    assert image.width() == round(100 / 25.4 * 300)  # 1181 pixels
    # the aspect of the drawing (200 x 100 plus an even margin) is kept
    assert 1.8 < image.width() / image.height() < 2.05
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    # something was drawn: the red rectangle fills the middle
    middle = image.pixelColor(image.width() // 2, image.height() // 2)
    assert middle.red() > 150 and middle.green() < 100


def test_write_png_and_svg(scene: QGraphicsScene, tmp_path: Path) -> None:
    png = tmp_path / "network.png"
    size = export.write_png(scene, png, width_mm=50, dpi=150)
    assert QImage(str(png)).size() == size
    svg = tmp_path / "network.svg"
    export.write_svg(scene, svg, title="Network")
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Network" in text
    # no temporary files are left beside them
    assert sorted(p.name for p in tmp_path.iterdir()) == ["network.png", "network.svg"]


def test_existing_file_and_device_are_refused(scene: QGraphicsScene, tmp_path: Path) -> None:
    png = tmp_path / "kept.png"
    png.write_bytes(b"mine")
    with pytest.raises(HamishError):
        export.write_png(scene, png)
    assert png.read_bytes() == b"mine"
    with pytest.raises(HamishError):
        export.write_svg(scene, "/dev/full")


def test_huge_figure_is_capped(qapp: object) -> None:
    scene = QGraphicsScene()
    scene.addRect(0, 0, 10, 1000)
    size = export.image_size(scene, width_mm=2000, dpi=300)
    assert max(size.width(), size.height()) <= export.MAX_PIXELS


def test_svg_of_cached_items_holds_shapes_not_pictures(
    scene: QGraphicsScene, tmp_path: Path
) -> None:
    """The network caches its nodes and edge tiles as pictures on screen; its SVG came out
    as embedded PNG images. Drawn for the SVG without their caches, they stay vector, and
    keep their cache mode on screen."""
    from PySide6.QtWidgets import QGraphicsItem

    items = scene.items()
    modes = [QGraphicsItem.CacheMode.DeviceCoordinateCache] * len(items)
    for item, mode in zip(items, modes, strict=True):
        item.setCacheMode(mode)
    svg = tmp_path / "cached.svg"
    export.write_svg(scene, svg, title="Network")
    text = svg.read_text(encoding="utf-8")
    assert "<image" not in text
    assert "<path" in text or "<rect" in text
    assert [item.cacheMode() for item in items] == modes


def test_an_svg_that_cannot_be_written_whole_keeps_the_old_file(
    scene: QGraphicsScene, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found by the attacker: on a full disk Qt's SVG writer dropped its write errors, and
    the cut-off file replaced the old one as if written."""
    import errno

    svg = tmp_path / "n.svg"
    svg.write_text("precious", encoding="utf-8")

    def full(self: Path, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(HamishError, match="No space left"):
        export.write_svg(scene, svg, overwrite=True)
    monkeypatch.undo()
    assert svg.read_text(encoding="utf-8") == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["n.svg"]


def test_an_svg_holds_no_character_xml_cannot(qapp: object, tmp_path: Path) -> None:
    """Found by the attacker: a name holding U+FFFF or an escape character (an older
    project's) made the SVG ill-formed."""
    import xml.etree.ElementTree as ET

    scene = QGraphicsScene()
    scene.addSimpleText("Ali\uffff \x1b]0;PWNED\x07 \ufffe end")
    svg = tmp_path / "x.svg"
    export.write_svg(scene, svg)
    ET.parse(svg)  # well-formed
    assert "end" in svg.read_text(encoding="utf-8")


def test_ctrl_c_while_a_figure_is_drawn_stops_it_after_without_a_crash(tmp_path: Path) -> None:
    """Found by the attacker: Ctrl-C while Qt drew a large figure raised KeyboardInterrupt
    inside an item's paint, called from C++, and the process died of SIGSEGV; now the
    drawing finishes and the interrupt follows (in a child process: the old way crashed)."""
    import os
    import subprocess
    import sys

    script = (
        "import os, signal\n"
        "from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsRectItem\n"
        "from desktop.ui.figures import export\n"
        "app = QApplication([])\n"
        "class Item(QGraphicsRectItem):\n"
        "    painted = 0\n"
        "    def paint(self, painter, option, widget=None):\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "        for _ in range(100_000): pass  # Python runs on inside the paint\n"
        "        Item.painted += 1\n"
        "        super().paint(painter, option, widget)\n"
        "scene = QGraphicsScene()\n"
        "scene.addItem(Item(0, 0, 100, 50))\n"
        "try:\n"
        "    export.png_bytes(scene, width_mm=20, dpi=72)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted after', Item.painted)\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    # Ctrl-C as a terminal sends it, even when the tests run in a background job (which
    # ignores SIGINT, and so would the child).
    script = "import signal\nsignal.signal(signal.SIGINT, signal.default_int_handler)\n" + script
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "interrupted after 1" in done.stdout


def test_a_timeline_svg_names_the_family_its_arabic_was_drawn_in(
    qapp: object, tmp_path: Path
) -> None:
    """The SVG named Qt's alias "Sans Serif", which a viewer resolves its own way: it names
    the family Qt drew the lanes' Arabic names in, then a generic family."""
    import re

    from PySide6.QtGui import QTextLayout
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from desktop.store.project import Project
    from desktop.ui.figures import timeline
    from tests.io.briefing_project import build_briefing_project

    build_briefing_project(tmp_path / "b.hamish")
    project = Project.open(tmp_path / "b.hamish")
    try:
        scene = timeline.figure_scene(project, timeline.TimelineOptions(rtl=True))
    finally:
        project.close()
    name = next(
        item
        for item in scene.items()
        if isinstance(item, QGraphicsSimpleTextItem) and "كيري" in item.text()
    )
    layout = QTextLayout(name.text(), name.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    drawn = {run.rawFont().familyName() for run in layout.glyphRuns()}
    svg = tmp_path / "t.svg"
    export.write_svg(scene, svg)
    named = set(re.findall(r'font-family="([^"]*)"', svg.read_text(encoding="utf-8")))
    assert len(named) == 1
    (families,) = named
    listed = [family.strip().strip("'") for family in families.split(",")]
    assert listed[0] in drawn
    assert listed[-1] == "sans-serif"
