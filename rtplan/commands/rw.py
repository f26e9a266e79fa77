"""``rtplan rw new|add|status|merge|answer|send-back``: the RW folder (``docs/rw-format.md``)."""

from __future__ import annotations

import argparse

from rtplan.messages import normalize_lang, t

ORDER = 6


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: str) -> None:
    from rtplan.commands import lang_option
    from rtplan.rw.answers import ANSWER_STATES

    p = sub.add_parser("rw", help=t("cli.rw.help", lang), description=t("cli.rw.help", lang))
    inner = p.add_subparsers(dest="rw_command", metavar=t("cli.command_metavar", lang))

    def command(name: str, help_key: str) -> argparse.ArgumentParser:
        c = inner.add_parser(name, help=t(help_key, lang), description=t(help_key, lang))
        c.add_argument("rw_dir", metavar="RW_DIR", help=t("cli.rw.dir", lang))
        lang_option(c, lang)
        return c

    c = command("new", "cli.rw.new.help")
    c.add_argument("--rw", required=True, help=t("cli.new.rw", lang))
    c.add_argument("--kelurahan", required=True, help=t("cli.new.kelurahan", lang))
    c.add_argument("--kecamatan", default="", help=t("cli.new.kecamatan", lang))
    c.add_argument("--city", default="", help=t("cli.new.city", lang))
    c.add_argument("--province", default="", help=t("cli.new.province", lang))
    c.set_defaults(func=cmd_new)

    c = command("add", "cli.rw.add.help")
    c.add_argument("rt_plans", nargs="+", metavar="RT_PLAN", help=t("cli.rw.rt_plans", lang))
    c.set_defaults(func=cmd_add)

    c = command("status", "cli.rw.status.help")
    c.set_defaults(func=cmd_status)

    c = command("merge", "cli.rw.merge.help")
    c.add_argument("ids", nargs="*", metavar="ID", help=t("cli.rw.merge.ids", lang))
    c.add_argument("--suggest", action="store_true", help=t("cli.rw.merge.suggest", lang))
    c.set_defaults(func=cmd_merge)

    c = command("answer", "cli.rw.answer.help")
    c.add_argument("id", metavar="ID", help=t("cli.rw.answer.id", lang))
    c.add_argument("--state", required=True, choices=ANSWER_STATES, help=t("cli.rw.answer.state", lang))
    c.add_argument("--reason", default=None, metavar="TEXT", help=t("cli.rw.answer.reason", lang))
    c.set_defaults(func=cmd_answer)

    c = command("send-back", "cli.rw.send_back.help")
    c.set_defaults(func=cmd_send_back)

    def show_help(args: argparse.Namespace) -> int:  # ``rtplan rw`` without a subcommand
        p.print_help()
        return 2

    p.set_defaults(func=show_help)


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from rtplan.rw import load_rw

    rw = load_rw(args.rw_dir, args.lang)
    args.lang = normalize_lang(args.lang or rw.lang)  # a refusal's "Kesalahan:"/"Error:" in the folder's language too
    return rw, args.lang


def cmd_new(args: argparse.Namespace) -> int:
    from rtplan.rw import new_rw

    lang = normalize_lang(args.lang)
    rw = new_rw(args.rw_dir, args.rw, args.kelurahan, kecamatan=args.kecamatan, city=args.city,
                province=args.province, lang=lang)
    print(t("rw.created", lang, path=rw.path, rw=rw.area["rw"], kelurahan=rw.area["kelurahan"]))
    return 0


def _listing(rw, lang: str) -> list[str]:  # type: ignore[no-untyped-def]
    from rtplan.rw.answers import state_label

    out = [t("rw.list_heading", lang, n=len(rw.proposals), rts=len(rw.rts))]
    for p in rw.proposals:
        line = t("rw.list_line", lang, id=p.usulan_id, rts=", ".join(p.rts), title=p.title,
                 location=p.location or "-", state=state_label(p.state, lang))
        out.append(line + (f" ({p.answer})" if p.answer else ""))
    return out


def cmd_add(args: argparse.Namespace) -> int:
    from rtplan.rw import add_rts, change_lines, save_rw

    rw, lang = _open(args)
    taken = add_rts(rw, args.rt_plans, lang)
    save_rw(rw)
    print("\n".join(change_lines(taken, lang) + _listing(rw, lang)))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from rtplan.rw import change_lines, refresh, save_rw

    rw, lang = _open(args)
    taken = refresh(rw, lang)
    save_rw(rw)
    print("\n".join(change_lines(taken, lang) + _listing(rw, lang)))
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from rtplan.rw import RwError, merge, reasons, save_rw, suggest_merges

    rw, lang = _open(args)
    if args.suggest or not args.ids:
        if args.ids:
            raise RwError(t("rw.merge_usage", lang))
        found = suggest_merges(rw)
        if not found:
            print(t("rw.suggest_none", lang))
            return 0
        titles = {p.usulan_id: (p.title, ", ".join(p.rts), p.location) for p in rw.proposals}
        for s in found:
            print(t("rw.suggest_line", lang, first=s.first, second=s.second))
            for uid in (s.first, s.second):
                title, rts, location = titles[uid]
                print("  " + t("rw.suggest_item", lang, id=uid, rts=rts, title=title, location=location or "-"))
            print("  " + t("rw.suggest_reasons", lang, reasons="; ".join(reasons(s, lang))))
            print("  " + t("rw.suggest_confirm", lang, dir=args.rw_dir, first=s.first, second=s.second))
        return 0
    if len(args.ids) != 2:
        raise RwError(t("rw.merge_usage", lang))
    _, notes = merge(rw, args.ids[0], args.ids[1], lang)
    save_rw(rw)
    print("\n".join(notes))
    return 0


def cmd_answer(args: argparse.Namespace) -> int:
    from rtplan.rw import answer, save_rw
    from rtplan.rw.answers import state_label

    rw, lang = _open(args)
    found = answer(rw, args.id, args.state, args.reason, lang)
    save_rw(rw)
    print(t("rw.answered", lang, id=found.usulan_id, title=found.title, state=state_label(found.state, lang),
            rts=", ".join(found.rts)) + (f" ({found.answer})" if found.answer else ""))
    return 0


def cmd_send_back(args: argparse.Namespace) -> int:
    from rtplan.rw import send_back

    rw, lang = _open(args)

    def written(item) -> None:  # type: ignore[no-untyped-def]
        print(t("rw.sent_back", lang, rt=item.rt, path=item.path, n=item.updated), flush=True)

    send_back(rw, lang, written)
    return 0
