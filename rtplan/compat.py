"""Every change rtplan makes to another library's internals, in one place.

Each one is a :class:`Patch`: what it replaces, the upstream issue it works around, and
the versions of the library it was checked with. A patch applies only to those versions
(:meth:`Patch.applies`: the installed version is in range and the internals it replaces
are there); on any other version rtplan runs without it (slower, or messages in English)
until someone checks the new version and widens the range. ``tests/test_compat.py`` has
one test per patch that fails when the patch no longer takes effect, including when the
installed version falls outside the range.

- :data:`WEASYPRINT_IMAGES` (:func:`keep_encoded_images`): WeasyPrint encodes each chart
  again at every print.
- :data:`VOILA_OUTPUT_CAPTURE` (:func:`capture_outputs_as_state`): Voila pages stuck at
  "Executing n of m" when an ``Output`` widget captures.
- :data:`ARGPARSE_MESSAGES` (:func:`argparse_messages`): argparse's own words in the
  user's language.
- :data:`JSONSCHEMA_IRI` (:func:`skip_slow_iri_checker`): jsonschema's optional IRI checker
  costs 2 s at import.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import importlib.metadata
import re
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any


def _version(dist: str) -> tuple[int, ...] | None:
    """The installed version of distribution ``dist`` as numbers (``python``: the interpreter)."""
    if dist == "python":
        return tuple(sys.version_info[:3])
    try:
        text = importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None
    return tuple(int(part) for part in re.findall(r"\d+", text.split("+")[0])[:3])


@dataclass(frozen=True)
class Patch:
    """One change to a library's internals, applied only to the versions it was checked with."""

    name: str
    replaces: str
    upstream: str
    """The upstream issue the patch works around."""
    dists: tuple[tuple[str, tuple[int, ...], tuple[int, ...]], ...]
    """``(distribution, lowest, above)``: applies when ``lowest <= version < above`` for each."""
    checked: str
    """The versions the patch (and its test) were checked with."""

    def in_range(self) -> bool:
        """Whether every library involved is installed in a version the patch was checked with."""
        for dist, lowest, above in self.dists:
            found = _version(dist)
            if found is None or not lowest <= found < above:
                return False
        return True


WEASYPRINT_IMAGES = Patch(
    name="weasyprint-images",
    replaces="weasyprint.images.RasterImage.get_x_object",
    upstream="https://github.com/Kozea/WeasyPrint/issues/1444",
    dists=(("weasyprint", (70,), (71,)),),
    checked="WeasyPrint 70.0",
)
VOILA_OUTPUT_CAPTURE = Patch(
    name="voila-output-capture",
    replaces="IPython display_pub.publish / clear_output, ipywidgets.Output.__enter__ / __exit__",
    upstream="https://github.com/voila-dashboards/voila/issues/1428",
    dists=(("ipython", (8,), (10,)), ("ipywidgets", (8,), (9,))),
    checked="IPython 9.19.1, ipywidgets 8.1.9, Voila 0.5.13",
)
ARGPARSE_MESSAGES = Patch(
    name="argparse-messages",
    replaces="argparse._ (argparse's gettext function)",
    upstream="https://github.com/python/cpython/issues/54738",
    dists=(("python", (3, 11), (3, 15)),),
    checked="Python 3.11",
)
JSONSCHEMA_IRI = Patch(
    name="jsonschema-iri",
    replaces="sys.modules['rfc3987_syntax'] while jsonschema._format is imported",
    upstream="https://github.com/python-jsonschema/jsonschema/issues/1392",
    dists=(("jsonschema", (4, 18), (5,)),),
    checked="jsonschema 4.26.0, rfc3987-syntax 1.1.0",
)
PATCHES = (WEASYPRINT_IMAGES, VOILA_OUTPUT_CAPTURE, ARGPARSE_MESSAGES, JSONSCHEMA_IRI)


# --------------------------------------------------------------------------- WeasyPrint

IMAGES_KEPT = 12
"""PDF images kept by :func:`keep_encoded_images` (the last used)."""
_IMAGES: OrderedDict[tuple[object, ...], Any] = OrderedDict()
IMAGE_HITS: list[int] = [0]
"""How many times an image was written again as kept (for the test that the patch takes effect)."""


def keep_encoded_images() -> bool:
    """Make WeasyPrint compress each chart once per process, not at every print.

    WeasyPrint decodes a PNG and compresses its pixels again for the PDF at each print (a
    fifth of a handout's print; upstream: raster images are slow to embed). The same image
    bytes give the same PDF image: it is kept by a digest of the bytes (the last
    :data:`IMAGES_KEPT`) and written again as it is. Only images without a mask (an opaque
    chart, :func:`rtplan.charts.figure.opaque_png`): WeasyPrint changes a masked image's
    PDF object as it writes it. Returns whether the patch is in place."""
    if not WEASYPRINT_IMAGES.in_range():
        return False
    try:
        from weasyprint.images import RasterImage
    except ImportError:  # no WeasyPrint
        return False
    original = getattr(RasterImage, "get_x_object", None)
    if original is None:
        return False
    if getattr(original, "rtplan_kept", False):
        return True

    def get_x_object(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            content: str | None = hashlib.sha256(bytes(self.image_data.data)).hexdigest()
        except Exception:  # another WeasyPrint: nothing kept
            content = None
        key = (content, self.width, self.height, self.mode, args, tuple(sorted(kwargs.items())))
        if key in _IMAGES:
            _IMAGES.move_to_end(key)
            IMAGE_HITS[0] += 1
            return _IMAGES[key]
        made = original(self, *args, **kwargs)
        extra = getattr(made, "extra", None)
        # an image with a mask (alpha) or resources is changed as it is written: never kept
        if key[0] is not None and isinstance(extra, dict) and not {"SMask", "Resources"} & set(extra):
            _IMAGES[key] = made
            while len(_IMAGES) > IMAGES_KEPT:
                _IMAGES.popitem(last=False)
        return made

    get_x_object.rtplan_kept = True  # type: ignore[attr-defined]
    RasterImage.get_x_object = get_x_object
    return True


# --------------------------------------------------------------------------- Voila's Output widgets


def capture_outputs_as_state() -> bool:
    """In this kernel (Voila), ``with out:`` puts what is displayed straight into the Output
    widget's ``outputs`` instead of asking the page to capture it.

    While Voila executes a page, its stand-in for the page's Output widgets answers each
    capture with a message to the kernel that can leave the page stuck at "Executing n of
    m" for good (seen on every step with a chart in a panel; voila-dashboards/voila#1428).
    Setting the widget's state needs no answer. ``clear_output(wait=True)`` is kept: the
    next display replaces the outputs. Done once per kernel; JupyterLab is not touched.
    Returns whether the patch is in place.
    """
    import ipywidgets as w
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None or not VOILA_OUTPUT_CAPTURE.in_range():
        return False
    if getattr(w.Output, "_rtplan_state_capture", False):
        return True
    pub = shell.display_pub
    if not all(callable(getattr(x, n, None)) for x, n in ((pub, "publish"), (pub, "clear_output"),
                                                         (w.Output, "__enter__"), (w.Output, "__exit__"))):
        return False
    publish, clear = pub.publish, pub.clear_output
    active: list[w.Output] = []

    def state_publish(data: dict[str, object], metadata: dict[str, object] | None = None,
                      *args: object, **kwargs: object) -> None:
        if not active:
            publish(data, metadata, *args, **kwargs)
            return
        out = active[-1]
        data = {k: base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v for k, v in data.items()}
        item = {"output_type": "display_data", "data": data, "metadata": metadata or {}}
        keep = () if getattr(out, "_rtplan_clear_pending", False) else tuple(out.outputs)
        out._rtplan_clear_pending = False
        out.outputs = (*keep, item)

    def state_clear(wait: bool = False) -> None:
        if not active:
            clear(wait)
            return
        if wait:
            active[-1]._rtplan_clear_pending = True
        else:
            active[-1].outputs = ()

    def enter(self: w.Output) -> w.Output:
        active.append(self)
        return self

    def leave(self: w.Output, *exc: object) -> None:
        if active and active[-1] is self:
            active.pop()

    pub.publish = state_publish
    pub.clear_output = state_clear
    w.Output.__enter__ = enter
    w.Output.__exit__ = leave
    w.Output._rtplan_state_capture = True
    return True


# --------------------------------------------------------------------------- argparse


@contextlib.contextmanager
def argparse_messages(translate: Callable[[str], str | None]) -> Iterator[bool]:
    """Word argparse's own help and errors through ``translate`` while the block runs.

    argparse words its messages with the module's own ``_`` (gettext, domain "argparse");
    offering them in a language rtplan ships without installing a gettext catalogue for
    argparse means replacing that function. ``translate(msgid)`` returns the text, or
    ``None`` for argparse's own. Yields whether the patch is in place."""
    import argparse

    original = getattr(argparse, "_", None)
    if original is None or not callable(original) or not ARGPARSE_MESSAGES.in_range():
        yield False
        return

    def worded(msg: str) -> str:
        found = translate(msg)
        return found if found is not None else str(original(msg))

    argparse._ = worded  # type: ignore[attr-defined]
    try:
        yield True
    finally:
        argparse._ = original  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- jsonschema


def skip_slow_iri_checker() -> bool:
    """Make jsonschema skip its optional ``iri`` format checker, when it is imported first here.

    That checker's library (``rfc3987_syntax`` 1.1) compiles some 38 Lark grammars at
    import, about 2 s of every ``rtplan handout``, and nothing rtplan does validates an IRI
    (nbformat reads rtplan's own notebooks). jsonschema decides its format checkers once,
    at the import of ``jsonschema._format``: importing it while ``rfc3987_syntax`` cannot
    be imported leaves the checker out. A process that imported either before keeps it as
    it is. Returns whether the checker was left out here."""
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules or not JSONSCHEMA_IRI.in_range():
        return False
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import jsonschema._format  # noqa: F401  # decides its format checkers once, now
    except ImportError:  # no jsonschema: nothing to speed up
        return False
    finally:
        if sys.modules.get("rfc3987_syntax", 0) is None:
            del sys.modules["rfc3987_syntax"]
    return True
