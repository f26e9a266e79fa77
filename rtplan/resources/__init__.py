"""Step 2: resources and assets (ABCD), matching them to the prioritised needs, gaps,
and the institution diagram (diagram Venn kelembagaan).

Asset-Based Community Development (McKnight and Kretzmann) starts from what residents
already have: people's skills, their groups, institutions, physical, economic,
cultural and natural assets. This package holds the pure functions of the step; the
views (:mod:`rtplan.views.resources`), the panels (:mod:`rtplan.ui.resources`), the
chart module and ``rtplan match`` call them.

Where things are
----------------
* :mod:`~rtplan.resources.inventory` - the ABCD inventory and the Rembug Warga crosswalk;
* :mod:`~rtplan.resources.stemming` - comparing Indonesian words by their root;
* :mod:`~rtplan.resources.scoring` - one resource scored for one need, with its reason;
* :mod:`~rtplan.resources.matching` - every need in priority order, stored decisions kept;
* :mod:`~rtplan.resources.gaps` - needs without a resource, and whom to ask;
* :mod:`~rtplan.resources.results` - the typed results (:class:`MatchResult` ...);
* :mod:`~rtplan.resources.editing` - the facilitator's decision on a pair;
* :mod:`~rtplan.resources.institutions` - the institution diagram's layout;
* :mod:`~rtplan.resources.privacy` - contacts and numbers typed in free text;
* :mod:`~rtplan.resources.labels` - the literal message keys of categories and states.

Matching, in short
------------------
For every need (in priority order) each resource gets a score from 0 to 100, the sum
of four parts that are always shown:

* **keahlian / skills** (0-50): the need's own words (title and description) found in
  the resource's tags: 25 per matching tag; words found only in the resource's name or
  description: 10 each (place names such as "Melati" in "Gang Melati" do not count,
  :func:`place_words`).
* **bidang / field** (0-20): keywords of the need's category (:data:`CATEGORY_KEYWORDS`,
  e.g. kesehatan -> posyandu, puskesmas, kader, periksa) found in the resource's tags,
  name or description: 10 each; plus 5 when the resource's ABCD category usually serves
  that field (:data:`CATEGORY_AFFINITY`), counted only with at least one keyword.
* **waktu / time** (0-20): 20 when the resource is available at the activity time
  (:attr:`MatchSettings.when`, any time when empty), 10 when its availability text
  cannot be read.
* **biaya / cost** (0-10): 10 when free; a paid resource gets 5, less as its cost
  nears the limit.

A resource is *not suggested* for a need when skill + field is under
:attr:`MatchSettings.min_fit` (20), when it is unavailable (its availability shares no
slot with ``when``, it says "tidak tersedia", or its capacity is 0), or when it costs
more than the limit (:func:`cost_limit`). A tag made only of words that say *for whom*
(lansia, balita, remaja: :data:`AUDIENCE_WORDS`) counts like a description word (10).
One matching skill tag (25) outweighs the whole field part (20), so an exact skill
beats a mere category fit. Ties keep the order of ``resources.csv``. Decisions stored
in ``matches.csv`` are always kept, whatever their score now.

Which needs, in which order: :func:`priority_order` (step 1's order when
:mod:`rtplan.needs` provides it, else ``priorities.csv`` then need id).

Words are compared by their Indonesian root, case-insensitively: common prefixes and
suffixes (me-, pe-, ber-, ke-...-an, -kan, -nya, with the nasal changes of meN-/peN-)
are tried off, so ``menjahit`` meets ``jahit`` and ``pemeriksaan`` meets ``periksa``.

Contacts never appear in what matching returns; the inventory keeps the contact column
only so that its view can declare it private (shown nowhere unless asked).
"""

from rtplan.resources.editing import decide
from rtplan.resources.gaps import PARTNER_WORDS, PARTNERS, find_gaps, institution_kind, known_institutions
from rtplan.resources.institutions import (
    CENTRE_RADIUS,
    institution_diagram,
    institution_distance,
    institution_radius,
)
from rtplan.resources.inventory import ABCD_TO_REMBUG, REMBUG_GROUPS, category_counts, crosswalk, hint, inventory
from rtplan.resources.matching import cost_limit, match_needs, priority_order
from rtplan.resources.privacy import mask_private, public_resources
from rtplan.resources.results import SCORE_FORMULA, Gap, Match, MatchResult, MatchSettings, Scored, ScoreParts
from rtplan.resources.scoring import (
    CATEGORY_AFFINITY,
    CATEGORY_KEYWORDS,
    activity_time,
    is_unavailable,
    score_pair,
    when_is_readable,
)
from rtplan.resources.stemming import AUDIENCE_WORDS, STOPWORDS, place_words, roots, same_word, words

__all__ = [
    "ABCD_TO_REMBUG", "AUDIENCE_WORDS", "CATEGORY_AFFINITY", "CATEGORY_KEYWORDS", "CENTRE_RADIUS", "PARTNERS",
    "PARTNER_WORDS", "REMBUG_GROUPS", "SCORE_FORMULA", "STOPWORDS", "Gap", "Match", "MatchResult", "MatchSettings",
    "ScoreParts", "Scored", "activity_time", "category_counts", "cost_limit", "crosswalk", "decide", "find_gaps",
    "hint", "institution_diagram", "institution_distance", "institution_kind", "institution_radius", "inventory",
    "is_unavailable", "known_institutions", "mask_private", "match_needs", "place_words", "priority_order",
    "public_resources", "roots", "same_word", "score_pair", "when_is_readable", "words",
]
