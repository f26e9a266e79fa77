"""Renderers of printed documents: the notebook runners, rtplan's nbconvert exporter and template,
the PDF engines and where an output may be written. The documents that use them are in
:mod:`rtplan.documents` (:mod:`rtplan.documents.build` runs a document notebook through them).

This layer may import nbconvert, nbclient and the PDF engines; the core never imports it.

Importing it first makes jsonschema skip its optional ``iri`` format checker (about 2 s
of every ``rtplan handout``; see :func:`rtplan.compat.skip_slow_iri_checker`).
"""

from __future__ import annotations

from rtplan import compat, config

if not config.from_env().pdf_engine_process:  # the PDF engine's process never reads a notebook
    compat.skip_slow_iri_checker()
