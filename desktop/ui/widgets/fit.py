"""Dialogs sized for the screen they open on: a dialog of 980×720 opened on a 1024×640 laptop
screen put its Export and Close buttons below the screen's edge, with no window manager
able to move it there (issue: the briefing could not be exported on such a screen)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

SHARE = 0.94  # of the screen's free area at most, leaving a frame's room


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` × ``height``, or less where its parent's screen (else its
    own) has less free room."""
    parent = widget.parentWidget()
    screen = (parent or widget).screen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, int(available.width() * SHARE))
        height = min(height, int(available.height() * SHARE))
    widget.resize(width, height)
