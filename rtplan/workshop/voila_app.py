"""Voila as the workshop runs it: ``python -m rtplan.workshop.voila_app ARGS`` is ``python -m voila ARGS``
plus one prelaunch hook, :func:`set_xsrf_cookie`, so that a page left stops its kernel.

Why: every page load starts a kernel (~150 MB). When a page is left (the facilitator
follows the step bar), Voila's page sends ``POST /voila/api/shutdown/<kernel>`` with
``navigator.sendBeacon``, its form carrying the value of the ``_xsrf`` cookie (Voila's
widget manager, ``beforeunload``). jupyter_server checks that POST against the ``_xsrf``
cookie (tornado's double-submit check; no token is used on 127.0.0.1, so the check is
not skipped). But Voila's notebook page never reads ``handler.xsrf_token``, the only
thing that sets the cookie, so the page had no cookie, the beacon sent an empty
``_xsrf`` and the server answered 403 "'_xsrf' argument missing from POST": the kernels
stayed until the idle culler. The hook reads the token while the page's headers are
still open, so the page gets its cookie and the shutdown is accepted; the XSRF check
itself stays on (another site still cannot stop a kernel: it cannot read the cookie).

A hook is a Python callable, which Voila's command line cannot take, hence this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def set_xsrf_cookie(handler: Any, notebook: Any = None, cwd: str | None = None) -> None:
    """Voila's ``prelaunch_hook``: give the page the ``_xsrf`` cookie its unload shutdown sends back.

    Reading tornado's ``RequestHandler.xsrf_token`` sets the cookie on the response (the
    page's headers are not sent yet when the hook runs). Returns None: the notebook is
    left as it is.
    """
    handler.xsrf_token  # noqa: B018 (read for its effect: tornado sets the cookie)


def main(argv: Sequence[str] | None = None) -> None:
    """Run Voila with :func:`set_xsrf_cookie` as its prelaunch hook (``argv``: Voila's own arguments)."""
    from traitlets.config import Config
    from voila.app import Voila

    config = Config()
    config.VoilaConfiguration.prelaunch_hook = set_xsrf_cookie
    Voila.launch_instance(argv=None if argv is None else list(argv), config=config)


if __name__ == "__main__":
    main()
