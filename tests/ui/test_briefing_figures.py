"""The briefing's figures drawn by Qt (issue 16): builders found by name, 300 dpi PNGs in the
docx at the text width, the dialog's checkboxes, and a failing builder that leaves no file.

The real builders (the entity network, the claim timeline) are other modules; these tests put
small stand-ins with Arabic text in :data:`desktop.ui.figures.briefing.FIGURES`.
"""

from __future__ import annotations

import io
import sys
import types
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QGraphicsScene
from pytestqt.qtbot import QtBot

from desktop.core.errors import HamishError
from desktop.io.exporters.docx_report import export_docx
from desktop.io.exporters.report import ReportOptions
from desktop.io.exporters.word.figures import MAX_HEIGHT_MM, TEXT_WIDTH_MM
from desktop.store.project import Project
from desktop.ui.figures import briefing
from desktop.ui.shell.actions import ActionId
from desktop.ui.shell.mainwindow import MainWindow
from tests.io.briefing_project import Briefing, build_briefing_project

from .conftest import RecordingMessenger

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
EMU_PER_MM = 36_000
MODULE = "tests_figure_builders"


def wide_scene(project: Project, rtl: object = None, scope: object = None) -> QGraphicsScene:
    scene = QGraphicsScene()
    scene.addRect(0, 0, 400, 200, brush=QColor("#2e86c1"))
    scene.addText("جون كيري ← سيرغي لافروف", QFont("Noto Naskh Arabic", 14)).setPos(20, 20)
    return scene


def tall_scene(project: Project, rtl: object = None, scope: object = None) -> QGraphicsScene:
    scene = QGraphicsScene()
    scene.addRect(0, 0, 100, 600, brush=QColor("#c0392b"))
    scene.addText("٢٠١٦", QFont("Noto Naskh Arabic", 12)).setPos(10, 10)
    return scene


def broken_scene(project: Project, rtl: object = None, scope: object = None) -> QGraphicsScene:
    raise RuntimeError("no layout")


@pytest.fixture
def builders(monkeypatch: pytest.MonkeyPatch, qapp: object) -> Iterator[None]:
    module = types.ModuleType(MODULE)
    module.wide = wide_scene  # type: ignore[attr-defined]
    module.tall = tall_scene  # type: ignore[attr-defined]
    module.broken = broken_scene  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, MODULE, module)
    monkeypatch.setattr(
        briefing, "FIGURES", {"network": f"{MODULE}:wide", "timeline": f"{MODULE}:tall"}
    )
    yield


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    made, _ = build_briefing_project(tmp_path / "b.hamish")
    yield made
    made.close()


def media(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("word/media/")}


def extents(path: Path) -> list[tuple[int, int]]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    return [
        (int(e.get("cx")), int(e.get("cy")))
        for inline in root.iter(f"{{{WP}}}inline")
        for e in inline.findall(f"{{{WP}}}extent")
    ]


def captions(path: Path) -> list[tuple[str, bool]]:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    found = []
    for p in root.iter(f"{{{W}}}p"):
        text = "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))
        if text.startswith(("شكل", "Figure ")):
            # The caption's first sentence: the figure's number and name.
            found.append((text.split(". ")[0], p.find(f"{{{W}}}pPr/{{{W}}}bidi") is not None))
    return found


def test_figures_are_drawn_at_300_dpi_within_the_text_width(
    builders: None, project: Project, tmp_path: Path
) -> None:
    figures = briefing.briefing_figures(project, ("network", "timeline"), "ar")
    assert [f.caption.split(". ")[0] for f in figures] == [
        "شبكة الكيانات",
        "الخط الزمني للادعاءات",
    ]
    # Each caption says how to read the figure too (issue 16); Arabic time runs leftwards.
    assert "الجملة نفسها" in figures[0].caption
    assert "من اليمين إلى اليسار" in figures[1].caption
    path = tmp_path / "brief.docx"
    export_docx(
        project,
        path,
        ReportOptions(language="ar", figures=("network", "timeline")),
        figures=figures,
    )
    images = [QImage.fromData(data) for data in media(path).values()]
    assert len(images) == 2
    for image in images:
        assert round(image.dotsPerMeterX() * 0.0254) == 300
    wide, tall = sorted(images, key=lambda i: i.height())
    # Drawn as wide as the text at 300 dpi …
    assert wide.width() == round(TEXT_WIDTH_MM / 25.4 * 300)
    # … and the tall one as high as a figure may be, at full resolution.
    assert abs(tall.height() - MAX_HEIGHT_MM / 25.4 * 300) <= 2
    placed = extents(path)
    assert placed[0][0] == pytest.approx(TEXT_WIDTH_MM * EMU_PER_MM, abs=EMU_PER_MM)
    assert placed[1][1] == pytest.approx(MAX_HEIGHT_MM * EMU_PER_MM, abs=EMU_PER_MM)
    for cx, cy in placed:
        assert cx <= TEXT_WIDTH_MM * EMU_PER_MM + 1 and cy <= MAX_HEIGHT_MM * EMU_PER_MM + 1
    assert captions(path) == [
        ("شكل ١: شبكة الكيانات", True),
        ("شكل ٢: الخط الزمني للادعاءات", True),
    ]
    # Something was drawn: the blue rectangle fills the middle of the wide figure.
    middle = wide.pixelColor(wide.width() // 2, wide.height() // 2)
    assert middle.blue() > 150 and middle.red() < 100


def test_english_captions(builders: None, project: Project) -> None:
    figures = briefing.briefing_figures(project, ("timeline",), "en")
    assert [f.caption for f in figures] == [
        "Claim timeline. Each claim at its date, one lane per claimant; time runs from left"
        " to right."
    ]


def test_missing_and_failing_builders_are_clear_errors(
    builders: None, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(briefing.FIGURES, "network", "desktop.ui.figures.nowhere:network_scene")
    with pytest.raises(HamishError, match=r"lacks desktop\.ui\.figures\.nowhere"):
        briefing.briefing_figures(project, ("network",), "ar")
    monkeypatch.setitem(briefing.FIGURES, "network", f"{MODULE}:absent")
    with pytest.raises(HamishError, match="lacks"):
        briefing.briefing_figures(project, ("network",), "ar")
    monkeypatch.setitem(briefing.FIGURES, "network", f"{MODULE}:broken")
    with pytest.raises(HamishError, match="could not be drawn: no layout"):
        briefing.briefing_figures(project, ("network",), "ar")
    with pytest.raises(HamishError, match="no figure called"):
        briefing.builder("pie")


MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def window_setup(make_window: MakeWindow, tmp_path: Path) -> tuple[MainWindow, Briefing, list[str]]:
    path = tmp_path / "w.hamish"
    made, info = build_briefing_project(path)
    made.close()
    window = make_window(path)
    targets: list[str] = []
    opened: list[QUrl] = []
    window.exports.open_url = opened.append

    def choose(_parent: object, _caption: str, suggested: str, _filter: str) -> str:
        return targets.pop(0) if targets else ""

    window.exports.choose_path = choose
    return window, info, targets


def test_dialog_checkboxes_write_remember_and_fail_cleanly(
    builders: None,
    window_setup: tuple[MainWindow, Briefing, list[str]],
    messenger: RecordingMessenger,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _, targets = window_setup
    window.registry[ActionId.EXPORT_BRIEFING].trigger()
    dialog = window.exports.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_task is None, timeout=10000)
    assert not any(box.isChecked() for box in dialog.figure_boxes.values())
    dialog.figure_boxes["network"].setChecked(True)
    dialog.figure_boxes["timeline"].setChecked(True)
    assert dialog.options().figures == ("network", "timeline")

    # A failing builder: a clear message, no file.
    monkeypatch.setitem(briefing.FIGURES, "timeline", f"{MODULE}:broken")
    failed = tmp_path / "failed.docx"
    targets.append(str(failed))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert any("could not be drawn: no layout" in text for _, text, _ in messenger.errors)
    assert dialog.task is None and not failed.exists()
    assert dialog.export_button.isEnabled()

    monkeypatch.setitem(briefing.FIGURES, "timeline", f"{MODULE}:tall")
    target = tmp_path / "figures.docx"
    targets.append(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30000)
    assert len(media(target)) == 2
    assert next(text for text, _ in captions(target)).startswith("شكل ١")

    dialog.close()
    qtbot.waitUntil(lambda: window.exports.dialog is None)
    window.registry[ActionId.EXPORT_BRIEFING].trigger()
    again = window.exports.dialog
    assert again is not None
    assert again.options().figures == ("network", "timeline")
    qtbot.waitUntil(lambda: again.preview_task is None, timeout=10000)
    again.close()


def test_png_is_a_real_png(builders: None, project: Project) -> None:
    (figure,) = briefing.briefing_figures(project, ("network",), "ar")
    assert figure.png.startswith(b"\x89PNG")
    assert not QImage.fromData(io.BytesIO(figure.png).getvalue()).isNull()


def test_command_line_draws_the_figures(
    builders: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop import commands

    path = tmp_path / "cli.hamish"
    made, _ = build_briefing_project(path)
    made.close()
    target = tmp_path / "cli.docx"

    def args(output: Path) -> list[str]:
        return ["export", "--project", str(path), "--output", str(output), "--language", "en"]

    assert commands.run([*args(target), "--figures", "timeline,network"]) == 0
    assert [text for text, _ in captions(target)] == [
        "Figure 1: Claim timeline",
        "Figure 2: Entity network",
    ]
    plain = tmp_path / "plain.docx"
    assert commands.run(args(plain)) == 0
    assert media(plain) == {}
    # A failing figure: one line saying why, and no file.
    broken = tmp_path / "broken.docx"
    briefing.FIGURES["network"] = f"{MODULE}:broken"
    assert commands.run([*args(broken), "--figures", "network"]) == 1
    assert "could not be drawn: no layout" in capsys.readouterr().err
    assert not broken.exists()


def test_export_figure_from_the_window(
    builders: None,
    window_setup: tuple[MainWindow, Briefing, list[str]],
    messenger: RecordingMessenger,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, _, _ = window_setup
    action = window.registry[ActionId.EXPORT_FIGURE]
    file_menu = window.menuBar().actions()[0].menu()
    export_menu = next(
        a.menu()
        for a in file_menu.actions()
        if a.menu() is not None and action in a.menu().actions()
    )
    assert export_menu is not None
    exporter = window.figure_export
    paths: list[str] = []
    exporter.choose_path = lambda _parent, _caption, _suggested, _filter: paths.pop(0)
    exporter.choose_figure = lambda keys: "network" if "network" in keys else None
    png = tmp_path / "network.png"
    paths.append(str(png))
    assert exporter.export() == png
    image = QImage(str(png))
    assert image.width() == round(160 / 25.4 * 300)
    assert round(image.dotsPerMeterX() * 0.0254) == 300
    svg = tmp_path / "network.svg"
    paths.append(str(svg))
    action.trigger()
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Entity network" in text
    # A failing builder: told, and no file.
    monkeypatch.setitem(briefing.FIGURES, "network", f"{MODULE}:broken")
    broken = tmp_path / "broken.png"
    paths.append(str(broken))
    assert exporter.export() is None
    assert not broken.exists()
    assert any("could not be drawn" in text for _, text, _ in messenger.errors)
    # Cancelled: nothing asked further, nothing written.
    exporter.choose_figure = lambda keys: None
    assert exporter.export() is None


def test_the_real_network_and_timeline_go_into_the_briefing(
    project: Project, tmp_path: Path, qapp: object
) -> None:
    """The builders FIGURES names exist and draw this project's network and timeline: both
    figures land in the docx at 300 dpi, and the timeline follows the briefing's direction."""
    made = briefing.briefing_figures(project, ["network", "timeline"], "ar")
    assert [f.caption.split(". ")[0] for f in made] == ["شبكة الكيانات", "الخط الزمني للادعاءات"]
    for figure in made:
        image = QImage.fromData(figure.png)
        assert image.width() > 500 and round(image.dotsPerMeterX() * 0.0254) == 300
        assert 0 < figure.width_mm <= TEXT_WIDTH_MM + 0.5
    out = tmp_path / "with-figures.docx"
    export_docx(project, out, ReportOptions(language="ar"), figures=made)
    assert len(media(out)) == 2
    assert len(extents(out)) == 2
    # Laid out for the page: its words print at a readable size (the window's width printed
    # them at about 4 pt), so the drawing is at most about 700 units wide.
    drawn = briefing.scene(project, "timeline", rtl=True)
    assert drawn.itemsBoundingRect().width() < 720


def test_each_figure_module_lays_out_its_own_briefing_figure() -> None:
    """One registry, no special cases: every figure is its module's ``briefing_scene(project,
    rtl, scope, shown)`` (the timeline's narrow page metrics used to be a special case in
    briefing.py)."""
    import importlib
    import inspect

    for figure, target in briefing.FIGURES.items():
        module_name, _, name = target.partition(":")
        assert name == "briefing_scene", figure
        function = getattr(importlib.import_module(module_name), name)
        assert list(inspect.signature(function).parameters) == [
            "project",
            "rtl",
            "scope",
            "shown",
        ], figure
    assert not hasattr(briefing, "_options")


def _legend_order(drawn: QGraphicsScene) -> list[str]:
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from desktop.core.models import ENTITY_TYPES
    from desktop.ui.i18n import term

    names = {term(t): t for t in ENTITY_TYPES}
    found = [
        (item.pos().x(), names[item.text()])
        for item in drawn.items()
        if isinstance(item, QGraphicsSimpleTextItem) and item.text() in names
    ]
    return [type_ for _, type_ in sorted(found)]


def test_the_network_legend_reads_in_the_briefings_direction(
    project: Project, qapp: object
) -> None:
    """An Arabic briefing from the English window: the legend runs from the right, as the
    timeline's time does (it followed the interface's direction)."""
    arabic = _legend_order(briefing.scene(project, "network", rtl=True))
    english = _legend_order(briefing.scene(project, "network", rtl=False))
    assert len(english) >= 2
    assert arabic == english[::-1]


SENTENCE = "No entity matches the filters: show more types, articles or dates."


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_briefing_from_the_window_draws_its_figures_in_its_language(
    window_setup: tuple[MainWindow, Briefing, list[str]],
    monkeypatch: pytest.MonkeyPatch,
    language: str,
) -> None:
    """The window's Export Briefing drew its figures with the interface's translations: an
    Arabic briefing from the English window got English legends (the command line's path was
    fixed in d050dcc). The stand-in asks Qt what the active translation says while it draws;
    after, the window is in its own language again."""
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication

    from desktop.ui.i18n import current_language, install_language, term

    said: list[tuple[str, str, str]] = []

    def probe(project: Project, rtl: bool, scope: object = None) -> QGraphicsScene:
        words = QCoreApplication.translate("NetworkScene", SENTENCE)
        said.append((words, term("person"), current_language()))
        scene = QGraphicsScene()
        scene.addRect(0, 0, 100, 50)
        return scene

    module = types.ModuleType(MODULE)
    module.probe = probe  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, MODULE, module)
    monkeypatch.setattr(briefing, "FIGURES", {"network": f"{MODULE}:probe"})
    window, _, _ = window_setup
    interface = "en" if language == "ar" else "ar"
    install_language(QCoreApplication.instance(), interface)  # type: ignore[arg-type]
    try:
        window.registry[ActionId.EXPORT_BRIEFING].trigger()
        dialog = window.exports.dialog
        assert dialog is not None
        options = replace(dialog.options(), language=language, figures=("network",))
        assert dialog._draw_figures(options) is not None
        ((words, person, current),) = said
        arabic = any("\u0600" <= c <= "\u06ff" for c in words + person)
        assert arabic == (language == "ar"), (words, person)
        assert current == language
        # The interface's own language again.
        assert current_language() == interface
        back = QCoreApplication.translate("NetworkScene", SENTENCE)
        assert (back == SENTENCE) == (interface == "en")
        dialog.close()
    finally:
        install_language(QCoreApplication.instance(), "en")  # type: ignore[arg-type]


def test_printed_network_names_are_drawn_over_the_nodes(qtbot: QtBot) -> None:
    """A small node's name under it is not covered by a bigger node drawn after it: the
    printed figure draws every name over the nodes (a briefing hid half of a name)."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QPainter

    from desktop.analysis.network import Edge, Network, NetworkOptions, Node
    from desktop.ui.figures.network import FALLBACK_COLOURS, figure_scene, radius

    network = Network(
        (Node(1, "ممممممم", "person", 1), Node(2, "كبير", "location", 400)),
        (Edge(1, 2, 1, 0),),
        NetworkOptions(),
    )
    small = radius(1)
    positions = {1: (0.0, 0.0), 2: (0.0, small + 30.0)}  # the big disc over the small's name
    palette = {key: QColor(value) for key, value in FALLBACK_COLOURS.items()}
    scene = figure_scene(network, positions, palette)
    item = scene.nodes[1]
    assert 1 in scene.names_at(1.0)
    name = QRectF(QPointF(-item.text_width / 2, small + 1), item.boundingRect().size())
    name.setHeight(item.text_height)
    image = QImage(int(name.width()) * 4, int(name.height()) * 4, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), name)
    painter.end()
    dark = sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if QColor(image.pixel(x, y)).lightness() < 80
    )
    assert dark > 20  # the name's letters, over the big node's colour


def _shown_entities(drawn: QGraphicsScene) -> set[int]:
    from desktop.ui.figures.network import NetworkScene

    assert isinstance(drawn, NetworkScene)
    return set(drawn.nodes)


def _shown_claims(drawn: QGraphicsScene) -> set[int]:
    from desktop.ui.figures.timeline import TimelineScene

    assert isinstance(drawn, TimelineScene) and drawn.timeline is not None
    return set(drawn.timeline.claims)


def test_a_briefing_of_some_articles_draws_its_figures_from_them_alone(
    tmp_path: Path, qapp: object
) -> None:
    """A briefing about some articles drew the whole project's network and timeline (found by
    a trial): the figures follow the briefing's scope — its articles, its claim status — and
    their captions say so; a scope of no article draws nothing, not everything."""
    from desktop.io.exporters.report import FigureScope, ReportFilter, ReportScope

    made, sample = build_briefing_project(tmp_path / "s.hamish")
    with made as project:
        whole_network = _shown_entities(briefing.scene(project, "network", rtl=True))
        whole_claims = _shown_claims(briefing.scene(project, "timeline", rtl=True))
        wire = FigureScope(frozenset({sample.wire}))
        network = _shown_entities(briefing.scene(project, "network", rtl=True, scope=wire))
        claims = _shown_claims(briefing.scene(project, "timeline", rtl=True, scope=wire))
        in_wire = {row.claim.id for row in project.claims.rows() if row.document_id == sample.wire}
        mentioned = {
            a.entity_id
            for a in project.annotations.for_document(sample.wire)
            if a.entity_id is not None
        }
        assert claims == in_wire and 0 < len(claims) < len(whole_claims)
        assert network and network <= mentioned and network < whole_network
        # A claim status the filter keeps: only those claims.
        status = project.claims.get(next(iter(in_wire))).status
        kept = FigureScope(frozenset({sample.wire}), status)
        assert _shown_claims(briefing.scene(project, "timeline", rtl=True, scope=kept)) == {
            c for c in in_wire if project.claims.get(c).status == status
        }
        # No article at all: an empty figure (an empty set of articles meant "all").
        none = FigureScope(frozenset())
        assert not _shown_entities(briefing.scene(project, "network", rtl=True, scope=none))
        assert not _shown_claims(briefing.scene(project, "timeline", rtl=True, scope=none))
        # The captions: the whole project's as before, a scoped briefing's said.
        scoped = briefing.briefing_figures(
            project, ("network",), "ar", ReportScope("selected", (sample.wire,))
        )
        assert scoped[0].caption.endswith("رُسم من مقالات هذا الموجز وحدها.")
        whole = briefing.briefing_figures(project, ("network",), "en", ReportScope())
        assert "only" not in whole[0].caption
        # A filter that matches no article: still a briefing, its figures empty.
        nothing = ReportScope("filter", filter=ReportFilter(claim_status="refuted-nowhere"))
        (figure,) = briefing.briefing_figures(project, ("timeline",), "en", nothing)
        assert figure.caption.endswith("Drawn from this briefing's articles only.")


def test_a_network_too_large_to_draw_is_left_out_and_the_briefing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`export --figures network` of a network of too many pairs refused the whole briefing;
    its text does not need the figure: it is written without it, and stderr says which."""
    from desktop import commands
    from desktop.analysis import network

    path = tmp_path / "crowd.hamish"
    made, _ = build_briefing_project(path)
    made.close()
    monkeypatch.setattr(network, "MAX_PAIRS", 1)
    target = tmp_path / "briefing.docx"
    args = ["export", "--project", str(path), "--output", str(target), "--language", "en"]
    assert commands.run([*args, "--figures", "timeline,network"]) == 0
    assert [text for text, _ in captions(target)] == ["Figure 1: Claim timeline"]
    err = capsys.readouterr().err
    assert "The figure “Entity network” was left out" in err
    assert err.count("\n") == 1
    # Asked for alone, the briefing has no figure and says so once.
    alone = tmp_path / "alone.docx"
    assert commands.run([*args[:4], str(alone), *args[5:], "--figures", "network"]) == 0
    assert media(alone) == {}
    assert "left out" in capsys.readouterr().err


def test_the_window_writes_a_briefing_without_a_network_too_large_and_says_so(
    window_setup: tuple[MainWindow, Briefing, list[str]],
    messenger: RecordingMessenger,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from desktop.analysis import network

    window, _, targets = window_setup
    monkeypatch.setattr(network, "MAX_PAIRS", 1)
    window.registry[ActionId.EXPORT_BRIEFING].trigger()
    dialog = window.exports.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_task is None, timeout=10000)
    dialog.figure_boxes["network"].setChecked(True)
    target = tmp_path / "without.docx"
    targets.append(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30000)
    assert media(target) == {} and not messenger.errors
    ((_, told, _),) = messenger.infos
    assert "was left out" in told or "أُغفل" in told
    dialog.close()


def test_ticked_figures_are_in_the_outline_and_the_saved_message(
    builders: None,
    window_setup: tuple[MainWindow, Briefing, list[str]],
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    """Trial: ticking figures left the outline without them (until Preview was clicked), and
    the saved message did not count them."""
    window, _, targets = window_setup
    window.registry[ActionId.EXPORT_BRIEFING].trigger()
    dialog = window.exports.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.preview_task is None, timeout=10000)
    assert "figures" not in [entry.key for entry in dialog.outline]

    def shown() -> list[str]:
        return [dialog.preview_list.item(i).text() for i in range(dialog.preview_list.count())]

    qtbot.mouseClick(dialog.figure_boxes["network"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.figure_boxes["timeline"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview_task is None, timeout=10000)
    (entry,) = [entry for entry in dialog.outline if entry.key == "figures"]
    assert entry.count == 2 and entry.line() in shown()  # "أشكال — عدد الأشكال: 2"
    # Unticked, they leave the outline again.
    qtbot.mouseClick(dialog.figure_boxes["timeline"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview_task is None, timeout=10000)
    assert [entry.count for entry in dialog.outline if entry.key == "figures"] == [1]

    target = tmp_path / "counted.docx"
    targets.append(str(target))
    qtbot.mouseClick(dialog.figure_boxes["timeline"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30000)
    message = dialog.status.currentMessage()
    assert "counted.docx\u2069 with 2 figures: " in message, message
    dialog.close()


def test_a_printed_timeline_of_too_many_lanes_draws_the_fullest_and_says_so(
    project: Project, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QGraphicsSimpleTextItem

    from desktop.ui.figures import timeline

    monkeypatch.setattr(timeline, "PRINTED_LANES", 1)
    drawn = briefing.scene(project, "timeline", rtl=False, language="en")
    assert isinstance(drawn, timeline.TimelineScene) and drawn.timeline is not None
    assert len(drawn.timeline.lanes) == 1
    said = [i.text() for i in drawn.items() if isinstance(i, QGraphicsSimpleTextItem)]
    assert any(t.startswith("Not drawn: ") and "the 1 with the most" in t for t in said), said
