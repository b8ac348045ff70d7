"""``python -m desktop`` runs the same entry point as the ``hamish`` command."""

try:
    from desktop.cli import main
except KeyboardInterrupt:  # Ctrl-C while it loads: the exit code main gives, no traceback
    raise SystemExit(130) from None

raise SystemExit(main())
