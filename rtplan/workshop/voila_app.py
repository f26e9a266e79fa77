"""Voila as the workshop runs it: ``python -m rtplan.workshop.voila_app ARGS`` is ``python -m voila ARGS``
plus one prelaunch hook, :func:`set_xsrf_cookie`, so that a page left stops its kernel, the
settings that keep other web pages and other local users out (:func:`locked_config`), and a
kernel manager with a cap on live kernels (:class:`CappedKernelManager`).

Who may use the pages, all with Jupyter Server's own machinery (Voila runs on it):

* **Host**: only ``127.0.0.1``/``localhost`` (and other loopback addresses): tornado setting
  ``allow_remote_access=False`` with ``local_hostnames=["localhost"]``, which Jupyter
  Server's ``check_host`` reads; Voila sets ``allow_remote_access=True`` in its own settings,
  so the workshop overrides it through ``Voila.tornado_settings`` (applied after them). A
  DNS-rebinding page (``Host: evil.example``) gets 403.
* **Token**: ``Voila.token``, from the environment variable ``RTPLAN_WORKSHOP_TOKEN`` (never
  the command line, which every local user can read in ``ps``; it is removed from the
  environment before any kernel starts). The printed address carries ``?token=``; Jupyter
  Server's identity provider then gives the browser its login cookie, and every request
  without the cookie or the token is refused (pages redirect to the login form, APIs and
  websockets 403).
* **Origin**: ``allow_origin`` is left unset, so Jupyter Server refuses a websocket or an API
  POST whose ``Origin`` is not the page's own host (a request carrying the token itself is
  let through: a foreign page cannot know it).

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

import asyncio
import datetime as dt
import os
from collections.abc import Sequence
from typing import Any

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado import web
from traitlets import Float, Integer
from traitlets.config import Config

from rtplan import config

TOKEN_ENV = config.env_name("workshop_token")
"""The environment variable that hands the token to this process (see the module's description)."""
MAX_KERNELS = 4
"""Live kernels at most (each ~150-250 MB): a fifth page stops the oldest idle one first."""
IDLE_GRACE = 5.0
"""Seconds a kernel must have been idle to be stopped for a new page (a page still running
its cells goes briefly idle between two cells)."""
WAIT_FOR_IDLE = 20.0
"""Seconds a new page waits, when every kernel is busy or just became idle, before it is refused."""
LOCAL_HOSTNAMES = ["localhost"]


def set_xsrf_cookie(handler: Any, notebook: Any = None, cwd: str | None = None) -> None:
    """Voila's ``prelaunch_hook``: give the page the ``_xsrf`` cookie its unload shutdown sends back.

    Reading tornado's ``RequestHandler.xsrf_token`` sets the cookie on the response (the
    page's headers are not sent yet when the hook runs). Returns None: the notebook is
    left as it is.
    """
    handler.xsrf_token  # noqa: B018 (read for its effect: tornado sets the cookie)


class CappedKernelManager(AsyncMappingKernelManager):
    """Jupyter Server's kernel manager with at most :attr:`max_kernels` kernels alive.

    Jupyter Server has no such setting (its culler stops kernels idle for minutes, not when
    there are too many). Starting a kernel over the cap first stops the oldest idle kernel
    (one no page is connected to before one a page shows); when every kernel is busy running
    a page for :attr:`wait_for_idle` seconds, the new page is refused with a sentence saying
    why, in the workshop's language.
    Starts are taken one at a time, so two pages at once cannot both pass the cap.
    """

    max_kernels = Integer(MAX_KERNELS, config=True, help="Live kernels at most.")
    idle_grace = Float(IDLE_GRACE, config=True, help="Seconds idle before a kernel may be stopped for a new one.")
    wait_for_idle = Float(WAIT_FOR_IDLE, config=True, help="Seconds a new page waits for a kernel to stop.")

    _cap_lock: asyncio.Lock | None = None

    def oldest_idle(self) -> str | None:
        """The kernel to stop for a new page: idle for :attr:`idle_grace` seconds, unconnected first,
        then the one idle longest; None when every kernel is busy."""
        now = dt.datetime.now(dt.UTC)
        found = []
        for kernel_id in self.list_kernel_ids():
            kernel = self.get_kernel(kernel_id)
            last = getattr(kernel, "last_activity", None)
            if getattr(kernel, "execution_state", "") != "idle" or last is None:
                continue
            if (now - last).total_seconds() < self.idle_grace:
                continue
            found.append((self._kernel_connections.get(kernel_id, 0) > 0, last, kernel_id))
        return min(found)[2] if found else None

    async def _capped_start_kernel(self, *, kernel_id: str | None = None, path: Any = None, **kwargs: Any) -> str:
        if kernel_id is not None and kernel_id in self:
            return str(await super()._async_start_kernel(kernel_id=kernel_id, path=path, **kwargs))
        if self._cap_lock is None:
            self._cap_lock = asyncio.Lock()
        async with self._cap_lock:
            deadline = asyncio.get_running_loop().time() + self.wait_for_idle
            while len(self.list_kernel_ids()) >= self.max_kernels:
                victim = self.oldest_idle()
                if victim is None and asyncio.get_running_loop().time() < deadline:
                    await asyncio.sleep(0.5)  # a page just rendered becomes stoppable after idle_grace
                    continue
                if victim is None:
                    from rtplan.messages import normalize_lang, t

                    lang = normalize_lang(config.from_env().lang)
                    raise web.HTTPError(503, "%s", t("workshop.too_many_pages", lang, n=self.max_kernels))
                self.log.info("Too many kernels (%d): stopping the oldest idle one, %s", self.max_kernels, victim)
                await self.shutdown_kernel(victim)  # type: ignore[no-untyped-call]
            return str(await super()._async_start_kernel(kernel_id=kernel_id, path=path, **kwargs))

    start_kernel = _capped_start_kernel  # type: ignore[assignment]  # jupyter_client types it as sync


def locked_config(token: str, max_kernels: int = MAX_KERNELS) -> Config:
    """The traitlets configuration that keeps the pages to this machine and to whoever has ``token``."""
    config = Config()
    config.VoilaConfiguration.prelaunch_hook = set_xsrf_cookie
    config.VoilaConfiguration.multi_kernel_manager_class = CappedKernelManager
    config.CappedKernelManager.max_kernels = max_kernels
    config.Voila.token = token
    # Jupyter Server's own settings, read by every handler (check_host, check_origin); applied after Voila's
    config.Voila.tornado_settings = {"allow_remote_access": False, "local_hostnames": list(LOCAL_HOSTNAMES),
                                     "allow_origin": ""}
    return config


def main(argv: Sequence[str] | None = None) -> None:
    """Run Voila with :func:`locked_config` (``argv``: Voila's own arguments; the token comes from
    ``RTPLAN_WORKSHOP_TOKEN``, which is then removed so the kernels do not inherit it)."""
    from voila.app import Voila

    token = os.environ.pop(TOKEN_ENV, "")
    if not token:
        raise SystemExit(f"{TOKEN_ENV} is not set: the workshop pages are never served without a token")
    Voila.launch_instance(argv=None if argv is None else list(argv), config=locked_config(token))


if __name__ == "__main__":
    main()
