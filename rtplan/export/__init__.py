"""Renderers of printed documents: the notebook runners, rtplan's nbconvert exporter and template,
the PDF engines and where an output may be written. The documents that use them are in
:mod:`rtplan.documents` (:mod:`rtplan.documents.build` runs a document notebook through them).

This layer may import nbconvert, nbclient and the PDF engines; the core never imports it.

Importing it first makes jsonschema skip its optional ``iri`` format checker: that
checker's library (``rfc3987_syntax`` 1.1) compiles some 38 Lark grammars at import,
about 2 s of every ``rtplan handout``, and nothing here validates an IRI (nbformat
reads rtplan's own notebooks; python-jsonschema/jsonschema#1392). A process that
imported jsonschema before keeps it as it is.
"""

from __future__ import annotations

import sys

from rtplan import config


def _skip_slow_iri_checker() -> None:
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import jsonschema._format  # noqa: F401  # decides its format checkers once, now
    except ImportError:  # no jsonschema: nothing to speed up
        pass
    finally:
        if sys.modules.get("rfc3987_syntax", 0) is None:
            del sys.modules["rfc3987_syntax"]


if not config.from_env().pdf_engine_process:  # the PDF engine's process never reads a notebook
    _skip_slow_iri_checker()
