"""``python -m rtplan`` is the same as the ``rtplan`` command."""

from rtplan.cli import run

run()
