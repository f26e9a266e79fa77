"""The workshop's Voila (``python -m rtplan.workshop.voila_app``): its prelaunch hook gives the page
the ``_xsrf`` cookie that Voila's shutdown-on-leave beacon sends back (the browser test
``test_browser_workshop_kernels.py`` checks the kernels really stop)."""

from __future__ import annotations

import os
from typing import Any
from unittest.mock import Mock

import pytest
from tornado.httputil import HTTPHeaders, HTTPServerRequest, RequestStartLine
from tornado.web import Application, HTTPError, RequestHandler

from rtplan import workshop
from rtplan.workshop import voila_app


def _handler(method: str = "GET", headers: dict[str, str] | None = None, body: bytes = b"") -> RequestHandler:
    app = Application(cookie_secret="test", xsrf_cookies=True)
    line = RequestStartLine(method, "/voila/render/00_profil_peserta.ipynb", "HTTP/1.1")
    request = HTTPServerRequest(start_line=line, headers=HTTPHeaders({"Host": "127.0.0.1:8866", **(headers or {})}),
                                body=body, connection=Mock())
    request._parse_body()
    return RequestHandler(app, request)


def test_the_hook_sets_the_xsrf_cookie_that_a_later_post_must_send_back() -> None:
    page = _handler()
    assert voila_app.set_xsrf_cookie(page, notebook=None, cwd="/nb") is None  # the notebook is left as it is
    # the cookie set on the page's response (tornado keeps it there until the headers are written)
    value = page._new_cookie["_xsrf"].value  # type: ignore[attr-defined]
    assert value
    # Voila's beacon: the cookie's value in the form's _xsrf field, the cookie with it: accepted
    ok = _handler("POST", {"Cookie": f"_xsrf={value}", "Content-Type": "application/x-www-form-urlencoded"},
                  f"_xsrf={value}".encode())
    ok.check_xsrf_cookie()
    # what the page sent before the hook (no cookie, empty field): refused, as the server log showed
    refused = _handler("POST", {"Content-Type": "application/x-www-form-urlencoded"}, b"_xsrf=")
    with pytest.raises(HTTPError) as err:
        refused.check_xsrf_cookie()
    assert err.value.status_code == 403


def test_the_launcher_runs_voila_with_the_hook(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    from voila.app import Voila

    seen: dict[str, Any] = {}
    launch = classmethod(lambda cls, argv=None, **kw: seen.update(argv=argv, **kw))
    monkeypatch.setattr(Voila, "launch_instance", launch)
    monkeypatch.delenv("RTPLAN_WORKSHOP_TOKEN", raising=False)
    with pytest.raises(SystemExit, match="without a token"):  # never served without one
        voila_app.main(["--no-browser", "--port=1"])
    monkeypatch.setenv("RTPLAN_WORKSHOP_TOKEN", "s3cret")
    voila_app.main(["--no-browser", "--port=1"])
    assert "RTPLAN_WORKSHOP_TOKEN" not in os.environ  # the kernels (started with this environment) never see it
    assert seen["argv"] == ["--no-browser", "--port=1"]
    config = seen["config"]
    assert config.VoilaConfiguration.prelaunch_hook is voila_app.set_xsrf_cookie
    assert config.Voila.token == "s3cret"
    assert config.Voila.tornado_settings == {"allow_remote_access": False, "local_hostnames": ["localhost"],
                                             "allow_origin": ""}
    assert config.VoilaConfiguration.multi_kernel_manager_class is voila_app.CappedKernelManager
    assert config.CappedKernelManager.max_kernels == 4
    ws = workshop.Workshop(plan=tmp_path / "plan", lang="id", port=8123)
    assert workshop.voila_command(ws, python="/py")[:3] == ["/py", "-m", "rtplan.workshop.voila_app"]
