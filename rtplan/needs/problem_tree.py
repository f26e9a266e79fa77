"""The problem tree of a need: the core problem, its causes (below) and effects (above)."""

from __future__ import annotations

from rtplan.messages import t
from rtplan.needs.base import Tables, _get, _lang, _needs, natural_key
from rtplan.needs.final import priority_order
from rtplan.needs.results import ProblemTree, TreeNode
from rtplan.tables import is_missing


def problem_tree(tables: Tables, need_id: str, lang: str | None = None) -> ProblemTree:
    """The problem tree of one need: core problem, causes (below), effects (above).

    A cause hangs under the core or another cause, an effect over the core or another
    effect. A node whose parent is missing, of another need, of the wrong kind, or
    loops back is shown directly on the core problem, with a warning.
    """
    lang = _lang(tables, lang)
    needs = _needs(tables)
    hit = needs.loc[needs["need_id"] == need_id, "title"]
    title = str(hit.iloc[0]) if len(hit) else need_id
    tree = _get(tables, "problem_tree")
    mine = tree[tree["need_id"].astype(str) == need_id]
    rows = {str(r.node_id): r for r in mine.itertuples(index=False)}
    warnings: list[str] = []
    cores = [nid for nid, r in rows.items() if r.kind == "inti"]
    core_id = cores[0] if cores else ""
    for nid in cores:
        parent = rows[nid].parent_id
        if not is_missing(parent):
            warnings.append(t("needs.tree.core_parent", lang, node=nid, parent=parent))
    fitting = {"sebab": {"sebab"}, "akibat": {"akibat"}}
    parent_of: dict[str, str] = {}  # "" = directly on the core problem
    for nid, r in rows.items():
        if r.kind not in fitting:
            continue
        parent = "" if is_missing(r.parent_id) else str(r.parent_id)
        if parent == core_id or not parent:
            parent_of[nid] = ""
        elif parent in rows and rows[parent].kind in fitting[r.kind]:
            parent_of[nid] = parent
        else:
            parent_of[nid] = ""
            warnings.append(t("needs.tree.bad_parent", lang, node=nid, parent=parent, need=need_id))
    for nid in list(parent_of):  # parents that loop back: put the loop's nodes on the core
        path: list[str] = []
        cur = nid
        while cur and cur not in path:
            path.append(cur)
            cur = parent_of.get(cur, "")
        if cur:  # cut the loop at the node where it closed
            parent_of[cur] = ""
            warnings.append(t("needs.tree.loop", lang, node=cur))
    children: dict[str, list[str]] = {}
    for nid, parent in parent_of.items():
        children.setdefault(parent or f"@{rows[nid].kind}", []).append(nid)

    def build(nid: str) -> TreeNode:
        r = rows[nid]
        kids = sorted(children.get(nid, []), key=natural_key)
        return TreeNode(nid, str(r.kind), str(r.text), tuple(build(k) for k in kids))

    def top(kind: str) -> tuple[TreeNode, ...]:
        return tuple(build(k) for k in sorted(children.get(f"@{kind}", []), key=natural_key))

    core = TreeNode(core_id, "inti", str(rows[core_id].text) if core_id else title)
    if not core_id and rows:
        warnings.append(t("needs.tree.no_core", lang, need=need_id))
    return ProblemTree(need_id, title, core, top("sebab"), top("akibat"), tuple(warnings))


def tree_need_ids(tables: Tables) -> list[str]:
    """Needs that have a problem tree, in the needs' order."""
    tree = _get(tables, "problem_tree")
    has = set(tree["need_id"].astype(str))
    return [n for n in _needs(tables)["need_id"] if n in has]


def tree_focus_need(tables: Tables) -> str | None:
    """The need whose problem tree a page shows: the first with a tree, else the first
    by priority; ``None`` while the plan has no needs."""
    order = tree_need_ids(tables) or priority_order(tables)
    return str(order[0]) if order else None
