"""Exchange formats of other annotation and analysis tools (docs/interop.md)."""
