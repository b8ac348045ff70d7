"""The colours a figure is drawn in besides its data's: its background, text, axis, grid and
edges — on paper, or in the window's theme.

A printed or exported figure (the Word briefing, PNG, SVG) is on white whatever the theme:
paper is white. In the window the Entity Network and the Claim Timeline follow the theme:
on the dark theme they were white panels with dark text in a dark window. The dark canvas
is the dark stylesheet's surface (``shell/theme.DARK_COLOURS``), its text and muted text;
the marks whose colours say something (the stances, the links, the claim edge) are lighter
there, so that each keeps a contrast of at least 3:1 with the background
(``tests/ui/test_dark_figures.py`` measures it); the entity types' colours are light enough
on either.
"""

from __future__ import annotations

from typing import NamedTuple


class Canvas(NamedTuple):
    background: str
    ink: str
    """Names, lanes, tick labels, legends."""
    faint: str
    """The axis, notes, the statuses' grey marks, a message in an empty figure."""
    shade: str
    """Every other lane's band (``#aarrggbb``)."""
    grid: str
    """The dotted lines at the ticks (``#aarrggbb``)."""
    bar: str
    """A partial date's bar in the legend (``#aarrggbb``)."""
    edge: str
    """The network's co-occurrence edges (drawn half transparent)."""
    claim_edge: str
    asserts: str
    denies: str
    contradicts: str
    supports: str
    repeats: str
    veil: str
    """What a hover veils the rest of the network with (drawn at ``network.DIM_ALPHA``)."""

    def stance(self, stance: str) -> str:
        return {"asserts": self.asserts, "denies": self.denies}.get(stance, self.faint)

    def link(self, kind: str) -> str:
        return {
            "contradicts": self.contradicts,
            "supports": self.supports,
            "repeats": self.repeats,
        }.get(kind, self.repeats)


PAPER = Canvas(
    background="#ffffff",
    ink="#222222",
    faint="#6b777b",
    shade="#0c000000",
    grid="#1e000000",
    bar="#3c000000",
    edge="#8a9499",
    claim_edge="#d1495b",
    asserts="#2166ac",
    denies="#8e3b9c",
    contradicts="#c0392b",
    supports="#2e8540",
    repeats="#7f8c8d",
    veil="#ffffff",
)
"""White paper: every printed and exported figure, and the window in the light theme."""

DARK = Canvas(
    background="#1f2326",
    ink="#e3e7ea",
    faint="#a3adb6",
    shade="#12ffffff",
    grid="#30ffffff",
    bar="#60ffffff",
    edge="#a3adb6",
    claim_edge="#ef6f7f",
    asserts="#5fa8e8",
    denies="#c58ad6",
    contradicts="#ef6f5f",
    supports="#5cbf6a",
    repeats="#a3adb6",
    veil="#1f2326",
)
"""The dark theme's surface and text (``shell/theme.DARK_COLOURS``), lighter marks."""


def window_canvas(dark: bool) -> Canvas:
    """The canvas of a figure shown in the window in the dark theme or not."""
    return DARK if dark else PAPER
