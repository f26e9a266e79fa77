"""Results shown in a notebook refresh when a panel saves (one shared session per plan)."""

from __future__ import annotations

from pathlib import Path

from rtplan.ui.base import PlanSession, live, open_session


def test_cells_with_the_same_plan_share_one_session(example_dir: Path) -> None:
    first = open_session(str(example_dir))
    assert open_session(example_dir) is first
    assert open_session(first) is first
    assert open_session(example_dir, "en") is not first


def test_a_session_nothing_uses_any_more_is_not_kept(example_dir: Path) -> None:
    import gc
    import weakref

    from rtplan.ui.base import session as base

    result = live(example_dir, lambda plan: "ok")
    held = weakref.ref(result.session)
    assert open_session(example_dir) is result.session  # shared while the result is shown
    result.close()
    del result
    gc.collect()
    assert held() is None
    assert (example_dir.resolve(), None) not in base._SESSIONS


def test_a_live_result_is_built_again_after_every_save(example_dir: Path) -> None:
    seen: list[list[str]] = []

    def titles(plan: object) -> str:
        seen.append(list(plan.tables["needs"]["title"]))  # type: ignore[attr-defined]
        return "ok"

    result = live(example_dir, titles)
    session = open_session(example_dir)
    assert result.renders == 1
    assert isinstance(session, PlanSession)
    needs = session.table("needs")
    needs.loc[0, "title"] = "Lampu jalan gang 3 mati (diperbarui)"
    assert session.save({"needs": needs}) == []
    assert result.renders == 2
    assert seen[-1][0] == "Lampu jalan gang 3 mati (diperbarui)"
    # a refused save changes nothing, so nothing is shown again
    bad = session.table("needs")
    bad.loc[0, "category"] = "bukan-kategori"
    assert session.save({"needs": bad})
    assert result.renders == 2
