"""The standalone build's entry point (packaging/hamish.spec): the ``hamish`` command."""

from desktop.cli import main

raise SystemExit(main())
