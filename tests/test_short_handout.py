"""``rtplan handout --short``: two A4 pages for every household, whatever the plan's size."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from conftest import EXAMPLES, copy_example
from test_documents_large import _printed_sizes
from test_handout import flat, make

from rtplan import storage


def grow(plan_dir: Path, needs: int = 40, activities: int = 30) -> None:
    """The plan with ``needs`` needs and ``activities`` activities (copies of its own rows)."""
    plan = storage.load_plan(plan_dir)
    n, a = plan.copy_table("needs"), plan.copy_table("activities")
    extra_n = [n.iloc[[i % len(n)]].assign(need_id=f"NX{i:02d}", title=f"Kebutuhan tambahan nomor {i}")
               for i in range(needs - len(n))]
    extra_a = [a.iloc[[i % len(a)]].assign(activity_id=f"AX{i:02d}", title=f"Kegiatan tambahan nomor {i}")
               for i in range(activities - len(a))]
    storage.save_tables(plan, {"needs": pd.concat([n, *extra_n], ignore_index=True),
                               "activities": pd.concat([a, *extra_a], ignore_index=True)})


@pytest.mark.parametrize("example", [*EXAMPLES, "40-needs-30-activities"])
def test_short_handout_fits_two_a4_pages(example: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    plan_dir = copy_example(EXAMPLES[0] if example.startswith("40") else example, tmp_path)
    if example.startswith("40"):
        grow(plan_dir)
    plan = storage.load_plan(plan_dir)
    assert example != "40-needs-30-activities" or (len(plan["needs"]), len(plan["activities"])) == (40, 30)
    reader, text = make(capsys, plan_dir, tmp_path / "ringkas.pdf", "--short")
    one = flat(text)
    assert len(reader.pages) <= 2, len(reader.pages)
    for page in reader.pages:
        assert abs(float(page.mediabox.width) - 595.3) < 2
        assert abs(float(page.mediabox.height) - 841.9) < 2
    # priorities, what happens next, money, the pengurus by role; never a phone number
    for heading in ("Prioritas kebutuhan", "Yang akan datang", "Anggaran dan sumber dana", "Hubungi pengurus",
                    "Keadaan per"):
        assert heading in one, heading
    assert plan.people["ketua_rt"] in one
    assert "Ketua RT" in one
    phones = [str(p) for p in plan["participants"]["phone"].dropna() if str(p)]
    assert phones
    assert not any(p in one.replace(" ", "") for p in phones)
    # the full handout's berita acara and daftar hadir are not in it
    assert "DAFTAR HADIR" not in one
    assert "BERITA ACARA" not in one
    # large enough for older readers after a B/W photocopy: every word of the content prints at
    # 10.5 pt or more (the running header and the page number in the margins are smaller)
    furniture = ("Halaman ", f"RT {plan.area['rt']} / RW")
    small = sorted({(round(size, 1), word) for page in reader.pages for size, word in _printed_sizes(page)
                    if size < 10.45 and not word.startswith(furniture)})
    assert not small, small[:10]
    # what comes next says when, at what time, how often and where
    upcoming = one[one.index("Yang akan datang"):]
    assert re.search(r"\d{2}:\d{2}", upcoming[:400]) and re.search(r"setiap|sekali", upcoming[:600])
