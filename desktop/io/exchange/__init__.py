"""Exchange formats shared with other tools (docs/interop.md): REFI-QDA (``qdpx``), W3C Web
Annotation (``w3c``) and others; each module writes a project out and reads one in."""
