"""The briefing's figures: each figure's scene drawn at 300 dpi for the Word writer.

The scene builders live in their own modules (the entity network, the claim timeline) and are
found by dotted name when a briefing asks for them (:data:`FIGURES`), so the briefing does not
import them up front: a builder that is missing or fails is one clear :class:`HamishError`,
raised before the briefing's file is touched.

Rendering needs a ``QGuiApplication``; the command line makes an offscreen one when figures
are asked for. Figures are drawn on the GUI thread: a ``QGraphicsScene`` is a ``QObject`` of
the thread that made it, and the fonts are the application's.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGraphicsScene

from desktop.core.errors import HamishError
from desktop.io.exporters.report import (
    FigureId,
    FigureScope,
    Language,
    ReportScope,
    figure_scope,
)
from desktop.io.exporters.report import tr as report_text
from desktop.io.exporters.word.figures import MAX_HEIGHT_MM, TEXT_WIDTH_MM, BriefingFigure
from desktop.store.project import Project
from desktop.ui.figures.export import DEFAULT_DPI, MM_PER_INCH, image_size, png_bytes, size_mm
from desktop.ui.i18n import current_language, language_of


class SceneBuilder(Protocol):
    """``briefing_scene(project, rtl, scope, shown) -> QGraphicsScene``: the figure for a
    document written right to left or not, drawn from ``scope`` (the briefing's articles).
    Each figure's module lays its own figure out for the page (``export.BRIEFING_PAPER``),
    in points, so that its text prints at one size. ``shown``, passed only when there is
    one: made from the window, what the figure's dock shows (its module's own record of
    it: ``network.NetworkShown``, ``timeline.TimelineOptions``)."""

    def __call__(
        self, project: Project, rtl: bool, scope: FigureScope | None = None, shown: Any = None
    ) -> QGraphicsScene: ...


Shown = Mapping[str, Any]
"""Figure → what its dock in the window shows (``NetworkController.shown``); a figure
without an entry, or made on the command line, is drawn with its defaults."""


FIGURES: dict[str, str] = {
    "network": "desktop.ui.figures.network:briefing_scene",
    "timeline": "desktop.ui.figures.timeline:briefing_scene",
}
"""Each figure's scene builder, as ``module:function``."""


def figure_name(figure: str) -> str:
    """A figure's name in the interface's language."""
    names = {
        "network": QCoreApplication.translate("Figures", "Entity network"),
        "timeline": QCoreApplication.translate("Figures", "Claim timeline"),
    }
    return names.get(figure, repr(figure))


def _missing(figure: str, module_name: str) -> HamishError:
    return HamishError(
        QCoreApplication.translate(
            "Figures", "The figure “%1” cannot be drawn: this copy of Hamish lacks %2."
        )
        .replace("%1", figure_name(figure))
        .replace("%2", module_name)
    )


def builder(figure: str) -> SceneBuilder:
    """The scene builder of ``figure``, imported now; a clear error when it is missing."""
    target = FIGURES.get(figure)
    if target is None:
        raise HamishError(
            QCoreApplication.translate("Figures", "There is no figure called “%1”.").replace(
                "%1", figure
            )
        )
    module_name, _, name = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise _missing(figure, module_name) from exc
    function: Any = getattr(module, name, None)
    if not callable(function):
        raise _missing(figure, f"{module_name}.{name}")
    result: SceneBuilder = function
    return result


def scene(
    project: Project,
    figure: str,
    rtl: bool | None = None,
    language: str | None = None,
    scope: FigureScope | None = None,
    shown: Shown | None = None,
) -> QGraphicsScene:
    """``figure``'s scene for ``project``; a failing builder becomes a clear error. ``rtl``:
    the direction of the document it goes into, ``language`` its language — the legends',
    months' and lanes' words (None: the interface's), ``scope`` the articles it is drawn
    from (None: all), ``shown`` what the window's docks show. An error is told in the
    interface's."""
    build = builder(figure)
    if rtl is None:
        rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    try:
        # In the window, the translations installed are the interface's: a briefing in the
        # other language had the interface's words in its figures (issue 16).
        with language_of(language or current_language()):
            seen = (shown or {}).get(figure)
            # Only when there is one: a builder of the command line's three arguments works.
            made = build(project, rtl, scope) if seen is None else build(project, rtl, scope, seen)
    except HamishError:
        raise
    except Exception as exc:
        raise _failed(figure, str(exc) or type(exc).__name__) from exc
    if not isinstance(made, QGraphicsScene):
        raise _failed(figure, type(made).__name__)
    return made


def _failed(figure: str, reason: str) -> HamishError:
    return HamishError(
        QCoreApplication.translate("Figures", "The figure “%1” could not be drawn: %2")
        .replace("%1", figure_name(figure))
        .replace("%2", reason)
    )


def draw_size(drawn: QGraphicsScene) -> tuple[float, float]:
    """The width and height in millimetres to draw ``drawn`` at: a figure laid out in points
    at its own size (the page's text width), any other at the text width; either narrower
    when too tall, so that it fits under :data:`MAX_HEIGHT_MM` at full resolution."""
    own = size_mm(drawn)
    wanted = min(own[0], TEXT_WIDTH_MM) if own is not None else TEXT_WIDTH_MM
    probe = image_size(drawn, width_mm=wanted, dpi=DEFAULT_DPI)
    height_mm = wanted * probe.height() / max(1, probe.width())
    if height_mm <= MAX_HEIGHT_MM:
        return wanted, height_mm
    width_mm = wanted * MAX_HEIGHT_MM / height_mm
    return width_mm, MAX_HEIGHT_MM


def caption(figure: FigureId, language: Language, scoped: bool = False, shown: Any = None) -> str:
    """The figure's name and how to read it: "Entity network. Who is named with whom…" (the
    writer puts "Figure 1:" before it); ``scoped``: drawn from some articles only, said;
    ``shown``: drawn as its dock in the window shows it, said with the dock's filters."""
    name = report_text(f"figure.{figure}", language)
    note = f"figure.{figure}.note"
    level = getattr(getattr(shown, "options", None), "level", "sentence")
    if figure == "network" and level != "sentence":
        note = f"{note}.{level}"  # a paragraph's or an article's company, not a sentence's
    text = f"{name}. {report_text(note, language)}"
    if figure == "timeline" and getattr(shown, "lanes", "claimant") == "subject":
        text = f"{name}. {report_text(f'{note}.subject', language)}"  # a lane per subject
    if figure == "network" and shown is not None:
        text = f"{text} {_network_shown(shown.options, language)}"
    elif figure == "timeline" and shown is not None:
        head = report_text("figure.window.timeline", language)
        if shown.filters != type(shown.filters)():
            head = f"{head}: {report_text('figure.window.filtered', language)}"
        text = f"{text} {head}."
    return f"{text} {report_text('figure.scoped', language)}" if scoped else text


def _network_shown(options: Any, language: Language) -> str:
    """ "Drawn as the Entity Network pane shows it: types: person, place; …" — the filters
    of the window's network, which a reader of the briefing cannot see."""
    from desktop.core.models import ENTITY_TYPES
    from desktop.io.exporters.report import tr_or

    said: list[str] = []
    if options.types:
        names = [tr_or(f"type.{t}", language, t) for t in ENTITY_TYPES if t in options.types]
        listed = ("، " if language == "ar" else ", ").join(names)
        said.append(report_text("figure.window.types", language).format(types=listed))
    if options.min_weight > 1:
        said.append(report_text("figure.window.weight", language).format(weight=options.min_weight))
    if options.date_from or options.date_to:
        said.append(
            report_text("figure.window.dates", language).format(
                start=options.date_from or "…", end=options.date_to or "…"
            )
        )
    if options.documents:
        said.append(report_text("figure.window.articles", language))
    head = report_text("figure.window", language)
    separator = "؛ " if language == "ar" else "; "
    return f"{head}: {separator.join(said)}." if said else f"{head}."


def briefing_figures(
    project: Project,
    figures: Sequence[FigureId],
    language: Language,
    scope: ReportScope | None = None,
    left_out: list[str] | None = None,
    shown: Shown | None = None,
) -> list[BriefingFigure]:
    """Each asked figure drawn at 300 dpi with its caption in ``language``, in order, from
    the articles of the briefing's ``scope`` (None: the whole project). Every figure is drawn
    before any is returned: a failure leaves nothing half made.

    ``left_out``: given, a network too large to draw is left out, and why is added to it
    (in the interface's language), rather than refusing the whole briefing — its text does
    not depend on the figure, and the analyst is told which is missing.

    ``shown``: made in the window, what its docks show — the network is drawn with the
    Entity Network's filters and at its positions (``network.briefing_scene``), and its
    caption says so; the command line keeps its own options."""
    from desktop.analysis.network import TooManyPairs

    drawn_from = figure_scope(project, scope) if scope is not None else FigureScope()
    made: list[BriefingFigure] = []
    for figure in figures:
        try:
            drawn = scene(
                project,
                figure,
                rtl=language == "ar",
                language=language,
                scope=drawn_from,
                shown=shown,
            )
        except TooManyPairs:
            if left_out is None:
                raise
            left_out.append(
                QCoreApplication.translate(
                    "Figures",
                    "The figure “%1” was left out: it would be made of more pairs of entities "
                    "named together than Hamish can draw. A briefing of fewer articles can "
                    "have it.",
                ).replace("%1", figure_name(figure))
            )
            continue
        try:
            width_mm, _ = draw_size(drawn)
            data = png_bytes(drawn, width_mm=width_mm, dpi=DEFAULT_DPI)
            size = image_size(drawn, width_mm=width_mm, dpi=DEFAULT_DPI)
        finally:
            drawn.clear()
            drawn.deleteLater()
        made.append(
            BriefingFigure(
                png=data,
                caption=caption(
                    figure,
                    language,
                    scoped=not drawn_from.whole,
                    shown=(shown or {}).get(figure),
                ),
                width_mm=size.width() / DEFAULT_DPI * MM_PER_INCH,
                height_mm=size.height() / DEFAULT_DPI * MM_PER_INCH,
            )
        )
    return made
