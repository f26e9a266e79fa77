"""Every document rtplan makes, in one package: one module per document, their shared parts, the notebooks.

* the meeting handout: :mod:`~rtplan.documents.handout` (its sections in
  :mod:`~rtplan.documents.sections`, the berita acara and daftar hadir in
  :mod:`~rtplan.documents.berita_acara`); the two-page handout: :mod:`~rtplan.documents.handout_short`;
* the kas and progress reports: :mod:`~rtplan.documents.reports`;
* worksheets: :mod:`~rtplan.documents.worksheets`; phone cards: :mod:`~rtplan.documents.cards`;
  the Musrenbang list: :mod:`~rtplan.documents.musrenbang`; the calendar: :mod:`~rtplan.documents.ics`;
* shared parts: :mod:`~rtplan.documents.layout` (identity and signature blocks, page width),
  :mod:`~rtplan.documents.masking` (names masked), :mod:`~rtplan.documents.caches` (what a rebuild reuses);
* :mod:`~rtplan.documents.build`: a document notebook executed on a plan and printed.

They use the renderers (:mod:`rtplan.render`, :mod:`rtplan.export`, :mod:`rtplan.charts`)
and the core; only the faces (CLI, widget panels, workshop) import them.

The document notebooks (the handout, the short handout and the two reports) ship inside
the package. Each is a notebook with one ``parameters`` cell (``PLAN``, ``LANG`` and the document's
own options), executed with the plan injected and printed through rtplan's nbconvert
template (:mod:`rtplan.export`). They are package data, found with
:mod:`importlib.resources`, so ``rtplan handout`` works from any folder after
``pip install``. Open one in Jupyter to see or change a document; the parameters
cell's default plan is the bundled example of a source checkout.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

# document kind -> its notebook in this package
DOCUMENTS = {
    "handout": "handout.ipynb",
    "handout_short": "handout_ringkas.ipynb",
    "progress": "laporan_kegiatan.ipynb",
    "kas": "laporan_kas.ipynb",
}


def notebook_path(kind: str) -> Path:
    """The file of the document notebook ``kind`` (``handout``, ``progress`` or ``kas``).

    rtplan is installed as plain files (a wheel or an editable install), so the
    package resource is a real path that the kernel can use as its working folder.
    """
    return Path(str(files(__name__).joinpath(DOCUMENTS[kind])))
