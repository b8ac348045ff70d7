"""``python -m desktop`` runs the same entry point as the ``hamish`` command."""

from desktop.cli import main

raise SystemExit(main())
