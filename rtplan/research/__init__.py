"""Research across many RTs: pooled, pseudonymised tables, their export and queries.

Pure core (no Jupyter): :mod:`.pooling` loads and pools plan folders (:mod:`.batch`
reads, checks and ranks a chunk of plans at once), :mod:`.anonymise`
holds the pseudonyms, masking and suppression, :mod:`.dataset` writes and reads the
export (Parquet partitioned by province/city, CSV or XLSX, with a codebook and a
README), :mod:`.query` answers the summaries with DuckDB (and Dask for clusters).
"""

from rtplan.research.anonymise import K_DEFAULT, Masker, load_secret, pseudonym, suppress
from rtplan.research.pooling import Pooled, Skipped, discover, pool

__all__ = ["K_DEFAULT", "Masker", "Pooled", "Skipped", "discover", "load_secret", "pool", "pseudonym",
           "suppress"]
