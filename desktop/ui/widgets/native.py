"""Whether a colour or font dialog should be Qt's own rather than the desktop's.

On a GNOME desktop (Qt's ``gtk3`` platform theme, or the portal's) ``QColorDialog.getColor``
and ``QFontDialog.getFont`` open GTK's choosers, drawn in GTK's colours: the label colour
picker and the reader's font dialog came up white over the dark theme (Xvfb with libgtk-3,
``QT_QPA_PLATFORMTHEME=gtk3``). Qt's own dialogs take the application's palette and
stylesheet, so on a dark window they are Qt's; on a light one the desktop's, as before.
(File dialogs are always Qt's: ``files.py``.)
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def qt_dialog_wanted(parent: QWidget | None) -> bool:
    """True when ``parent`` is drawn dark (the dark theme, or the system's dark scheme)."""
    from PySide6.QtWidgets import QApplication

    palette = parent.palette() if parent is not None else QApplication.palette()
    return palette.window().color().lightness() < 128
