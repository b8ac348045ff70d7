"""The window's frame: the main window, its actions, messages, background tasks and the small
API that panels and controllers receive instead of the window."""
