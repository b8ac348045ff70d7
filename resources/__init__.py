"""Application resources (icons, stylesheet), reached through importlib.resources."""
