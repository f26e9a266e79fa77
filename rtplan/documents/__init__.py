"""The document notebooks that ship inside the package: the handout and the two reports.

Each is a notebook with one ``parameters`` cell (``PLAN``, ``LANG`` and the document's
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
