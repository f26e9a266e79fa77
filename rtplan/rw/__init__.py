"""The RW folder: the Musrenbang proposals of an RW's RTs gathered for the *Rembug Warga*,
merged where several RTs propose the same thing, answered, and the answers written back
into each RT plan. The folder's contract is ``docs/rw-format.md``.

* :mod:`rtplan.rw.folder`: the folder, its tables, reading and the journaled save;
* :mod:`rtplan.rw.gather`: taking RT plans in (read only), noticing a changed RT plan;
* :mod:`rtplan.rw.merge`: near-identical proposals of several RTs, suggested and merged;
* :mod:`rtplan.rw.answers`: the answers, and sending them back to the RT plans.
"""

from rtplan.rw.answers import ACCEPTED, ANSWER_STATES, answer, send_back
from rtplan.rw.folder import RwError, RwFolder, RwProposal, load_rw, new_rw, save_rw
from rtplan.rw.gather import add_rts, change_lines, refresh
from rtplan.rw.merge import merge, reasons, suggest_merges

__all__ = [
    "ACCEPTED",
    "ANSWER_STATES",
    "RwError",
    "RwFolder",
    "RwProposal",
    "add_rts",
    "answer",
    "change_lines",
    "load_rw",
    "merge",
    "new_rw",
    "reasons",
    "refresh",
    "save_rw",
    "send_back",
    "suggest_merges",
]
