"""``rtplan new | validate | info | restore``: the plan folder itself."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from rtplan import storage
from rtplan.commands import MISSING_PARTS
from rtplan.fmt import format_date, format_number
from rtplan.messages import normalize_lang, t, tn
from rtplan.profile import counts
from rtplan.schema import META_FIELDS
from rtplan.usable import usable_plan
from rtplan.validation import errors, validate_plan

ORDER = 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' (TTTT-BB-HH / YYYY-MM-DD)") from None

# rtplan new --rt ... --province: the option -> its help's catalogue key
_AREA_OPTIONS = {
    "rt": "cli.new.rt", "rw": "cli.new.rw", "kelurahan": "cli.new.kelurahan", "kecamatan": "cli.new.kecamatan",
    "city": "cli.new.city", "province": "cli.new.province",
}


def register(sub: argparse._SubParsersAction, lang: str) -> None:  # type: ignore[type-arg]
    from rtplan.commands import lang_option

    p = sub.add_parser("new", help=t("cli.new.help", lang), description=t("cli.new.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan_new", lang))
    for name, help_key in _AREA_OPTIONS.items():
        p.add_argument(f"--{name}", default="01" if name in ("rt", "rw") else "", help=t(help_key, lang))
    p.add_argument("--start", type=_date, help=t("cli.new.start", lang))
    p.add_argument("--end", type=_date, help=t("cli.new.end", lang))
    p.add_argument("--title", help=t("cli.new.title", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("validate", help=t("cli.validate.help", lang), description=t("cli.validate.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("info", help=t("cli.info.help", lang), description=t("cli.info.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("restore", help=t("cli.restore.help", lang), description=t("cli.restore.help", lang))
    p.add_argument("plan_dir", metavar="PLAN_DIR", help=t("cli.arg.plan", lang))
    p.add_argument("table", metavar="TABLE", help=t("cli.restore.table", lang))
    p.add_argument("--list", action="store_true", help=t("cli.restore.list", lang))
    p.add_argument("--version", dest="version_id", metavar="VERSI", help=t("cli.restore.version", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_restore)


def _rt(value: str) -> str:
    value = value.strip()
    return value.zfill(2) if value.isdigit() else value


def cmd_new(args: argparse.Namespace) -> int:
    lang = normalize_lang(args.lang)
    meta = storage.default_meta(
        rt=_rt(args.rt), rw=_rt(args.rw), kelurahan=args.kelurahan, kecamatan=args.kecamatan,
        city=args.city, province=args.province, start=args.start, end=args.end, lang=lang,
        title=args.title,
    )
    storage.new_plan(args.plan_dir, meta)
    print(t("storage.created", lang, path=args.plan_dir))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    plan = storage.load_plan(args.plan_dir, lang=args.lang)
    problems = validate_plan(plan)
    lang = plan.message_lang
    # a notice, not a problem: an empty plan is valid, but say what it still lacks
    missing = usable_plan(plan, problems).missing()
    notice = (t("cli.missing.lead", lang, parts=", ".join(t(MISSING_PARTS[m], lang) for m in missing))
              if missing else None)
    if not problems:
        print(t("validate.ok", lang, plan=args.plan_dir))
        if notice:
            print(f"  i {notice}")
        return 0
    bad = errors(problems)
    print(tn("validate.problems", len(problems), lang, plan=args.plan_dir))
    for p in problems:
        mark = "!" if p.is_error else "?"
        print(f"  {mark} {p.message}")
    if notice:
        print(f"  i {notice}")
    return 1 if bad else 0


def cmd_info(args: argparse.Namespace) -> int:
    from rtplan.commands import note_emptied

    raw = storage.load_plan(args.plan_dir, lang=args.lang)
    lang = raw.message_lang
    note_emptied(raw, lang)
    problems = validate_plan(raw)
    c = counts(raw)  # what the files hold
    plan = usable_plan(raw, problems).plan  # settings of the wrong type shown as not set
    area = {k: plan.area.get(k, "") or "-" for k in ("rt", "rw", "kelurahan", "kecamatan", "city", "province")}
    lines = [(t("info.title", lang), plan.title), (t("info.area", lang), t("area.line", lang, **area))]
    if plan.period:
        lines.append((t("info.period", lang),
                      f"{format_date(plan.period[0], lang, 'long')} - {format_date(plan.period[1], lang, 'long')}"))
    known = {f.key: f for f in META_FIELDS if f.section == "people"}
    officers = [f"{known[k].label_text(lang)}: {v}" for k, v in plan.people.items() if v and k in known]
    if officers:
        lines.append((t("info.people", lang), "; ".join(officers)))
    hh, res = plan.meta.get("households"), plan.meta.get("residents")
    lines += [
        (t("info.households", lang), f"{format_number(hh or 0, lang)} / {format_number(res or 0, lang)}"),
        (t("info.participants", lang), t("info.participants_value", lang, n=c.participants, p=c.women, l=c.men)),
        (t("info.meetings", lang), tn("info.meetings_value", c.meetings, lang, a=c.attendances)),
        (t("info.needs", lang), str(c.needs)),
        (t("info.resources", lang), str(c.resources)),
        (t("info.activities", lang), str(c.activities)),
        (t("info.ledger", lang), tn("info.ledger_value", c.ledger_entries, lang)),
    ]
    n_err = len(errors(problems))
    lines.append((t("info.status", lang), t("info.status_ok", lang) if not n_err
                  else tn("info.status_bad", n_err, lang, path=args.plan_dir)))
    width = max(len(k) for k, _ in lines)
    for key, value in lines:
        print(f"{key.ljust(width)} : {value}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    plan = storage.load_plan(args.plan_dir, lang=args.lang)
    lang = plan.message_lang
    if args.list:
        versions = storage.list_versions(args.plan_dir, args.table)
        name = storage.history_file(args.table)
        if not versions:
            print(t("storage.no_history", lang, file=name))
            return 0
        print(t("storage.history_header", lang, file=name))
        for v in versions:
            print(f"  {v.version}  {format_date(v.saved, lang, 'medium')} {v.saved:%H:%M:%S}  {v.size} B")
        return 0
    chosen = storage.restore(args.plan_dir, args.table, args.version_id)
    print(t("storage.restored", lang, file=storage.history_file(args.table), version=chosen.version))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit("use: rtplan")
