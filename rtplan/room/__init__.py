"""Private voting in the room from residents' own phones .

The facilitator's laptop serves a small mobile page on the local network
(``rtplan workshop PLAN --room``); residents open it, type the one-time code on their
slip and vote in the round the facilitator opened from the projector: dot voting,
USG scoring of the top needs, or pairwise duels.

* :mod:`rtplan.room.codes` - voting codes: alphabet, normalising, who is present;
* :mod:`rtplan.room.rounds` - a round, reading a phone's ballot, its rows, the tally;
* :mod:`rtplan.room.state` - the room state file (codes, the open round, used-code
  hashes), outside the plan folder;
* :mod:`rtplan.room.engine` - the room itself: checks codes (rate-limited), saves
  ballots to the plan in batches, acknowledging a vote only after it is on disk;
* :mod:`rtplan.room.server` - the light tornado web server (phones, and the admin API
  on 127.0.0.1); :func:`~rtplan.room.server.start_room`;
* :mod:`rtplan.room.client` - the admin API from Python (the projector panel);
* :mod:`rtplan.room.slips` - the printable sheet of cut-out code slips.

Votes are saved with anonymous scorer ids (``anon-`` + 8 hex digits, see
:func:`rtplan.schema.is_anonymous_id`): the first 4 digits name the round, the last 4
the ballot, drawn at random. Neither the plan nor any output links a vote to a person:
the code -> participant list lives only in the state file, and a round keeps only
hashes of the codes that voted, deleted when the round closes.
"""
