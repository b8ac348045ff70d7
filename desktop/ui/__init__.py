"""The Qt interface, in rooms named after what a person sees (docs/architecture.md has the map):
shell, reader, annotations, library, entities, claims, search, labels, transfer, widgets and
commands. Nothing here runs SQL or holds the rules of an edit: those live in desktop.ops."""
