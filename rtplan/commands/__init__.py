"""Subcommands of the ``rtplan`` CLI, one module per area (see :mod:`rtplan.cli`)."""
