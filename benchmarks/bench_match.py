"""Matching needs to resources stays interactive (step 2).

The board recomputes every suggestion after each decision. Measured (not asserted):
``match_needs`` on a plan scaled up from the main example (42 needs x 60 resources,
2 520 pairs), against a naive baseline in the same run: the same scoring, but each
word compared with each other word pair by pair, with roots recomputed every time
(no cached root sets per text). The ratio and both timings are printed; both runs
must give the same matches.

Run: ``python benchmarks/bench_match.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import rtplan.resources as R  # noqa: E402
from rtplan import storage  # noqa: E402
from rtplan.plan import Plan  # noqa: E402
from rtplan.resources import matching, scoring, stemming  # noqa: E402

COPIES = 3
REPEAT = 3


def scaled_plan(copies: int = COPIES) -> Plan:
    """The main example with its needs and resources repeated ``copies`` times (new ids)."""
    plan = storage.load_plan(ROOT / "data" / "contoh-rt05-rw03")
    needs, resources = plan["needs"], plan["resources"]
    more_needs = pd.concat([needs.assign(need_id=needs["need_id"] + ("" if k == 0 else f"x{k}"))
                            for k in range(copies)], ignore_index=True)
    more_res = pd.concat([resources.assign(resource_id=resources["resource_id"] + ("" if k == 0 else f"x{k}"))
                          for k in range(copies)], ignore_index=True)
    tables = dict(plan.tables, needs=more_needs, resources=more_res)
    return replace(plan, tables=tables)


class NaiveWords:
    """The baseline: a text's words, compared one pair at a time, roots never cached."""

    def __init__(self, items: Sequence[str]) -> None:
        self.items = tuple(items)

    def has(self, word: str) -> bool:
        return any(naive_same(word, w) for w in self.items)

    def has_phrase(self, phrase: str) -> bool:
        parts = R.words(phrase)
        n = len(parts)
        return bool(parts) and any(all(naive_same(p, self.items[i + k]) for k, p in enumerate(parts))
                                   for i in range(len(self.items) - n + 1))


def naive_same(a: str, b: str) -> bool:
    return a == b or bool(R.roots.__wrapped__(a) & R.roots.__wrapped__(b))


def naive_keywords(category: str, resource_words: tuple[str, ...]) -> tuple[str, ...]:
    found = NaiveWords(resource_words)
    return tuple(k for k in R.CATEGORY_KEYWORDS.get(category, ()) if found.has_phrase(k))


def timed(job: Callable[[], object], clear: Callable[[], None]) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(REPEAT):
        clear()  # every run starts cold: no roots cached from the run before
        start = time.perf_counter()
        result = job()
        times.append(time.perf_counter() - start)
    return times, result


def main() -> None:
    plan = scaled_plan()
    n_needs, n_res = len(plan["needs"]), len(plan["resources"])
    order = R.priority_order(plan)

    cached = (stemming.words_of, scoring.words_of, scoring._field_keywords)

    def clear() -> None:
        R.roots.cache_clear()
        for fn in (cached[0], cached[2]):  # scoring.words_of is stemming.words_of
            fn.cache_clear()

    original = matching.priority_order
    matching.priority_order = lambda _plan: order  # type: ignore[assignment]  # time the matching, not step 1
    try:
        fast_times, fast = timed(lambda: R.match_needs(plan), clear)
        # the baseline: every module that compares words uses the naive comparison
        stemming.words_of = scoring.words_of = NaiveWords  # type: ignore[assignment]
        scoring._field_keywords = naive_keywords  # type: ignore[assignment]
        try:
            naive_times, naive = timed(lambda: R.match_needs(plan), clear)
        finally:
            stemming.words_of, scoring.words_of, scoring._field_keywords = cached
    finally:
        matching.priority_order = original  # type: ignore[assignment]
    assert fast == naive, "the baseline must find the same matches"
    fast_med, naive_med = statistics.median(fast_times), statistics.median(naive_times)
    print(f"match_needs: {n_needs} needs x {n_res} resources = {n_needs * n_res} pairs, "
          f"{len(fast.matches)} matches, {len(fast.gaps)} gaps")  # type: ignore[attr-defined]
    print(f"  cached root sets : median {fast_med * 1000:7.1f} ms  (runs: "
          + ", ".join(f"{t * 1000:.0f}" for t in fast_times) + ")")
    print(f"  naive pairwise   : median {naive_med * 1000:7.1f} ms  (runs: "
          + ", ".join(f"{t * 1000:.0f}" for t in naive_times) + ")")
    print(f"  ratio naive / cached: {naive_med / fast_med:.1f}x")
    example = storage.load_plan(ROOT / "data" / "contoh-rt05-rw03")
    start = time.perf_counter()
    R.match_needs(example)
    print(f"main example (14 needs x 20 resources, with step 1's priority order): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
