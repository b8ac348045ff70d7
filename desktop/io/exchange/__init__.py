"""Exchange formats shared with other tools (docs/interop.md): REFI-QDA (``qdpx``), W3C Web
Annotation (``w3c``), UIMA CAS XMI (``xmi``), brat standoff (``brat``) and CoNLL/BIO
(``conll``); each module writes a project out and, but for CoNLL, reads one in."""
