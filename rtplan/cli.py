"""The ``rtplan`` command line: ``rtplan --help`` lists the commands.

Subcommands live in :mod:`rtplan.commands`, one module per area, each with
``ORDER`` (its place in the help) and ``register(subparsers, lang)``; a registered
sub-parser sets ``func`` to a function ``(args) -> int`` (the exit code).

Exit codes (:data:`EXIT_CODES`; also in ``rtplan --help`` and the README): 0 done,
1 the plan has problems (``validate``, ``--strict`` checks), 2 the request could not
be carried out (wrong arguments, no such plan, a file it needs cannot be read, a
refused save, a full or read-only disk), 3 a bug in rtplan itself, 130 interrupted,
141 the output's reader closed the pipe. Users never see a traceback for their own
mistakes; set ``RTPLAN_DEBUG=1`` to see one for rtplan's own.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import importlib
import os
import pkgutil
import sys
import traceback
from collections.abc import Iterator, Sequence

from rtplan import __version__, commands, compat, config
from rtplan.commands import lang_option
from rtplan.exceptions import RtplanError, ValidationError
from rtplan.messages import normalize_lang, t

EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED, EXIT_BUG = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141  # 128 + SIGINT, 128 + SIGPIPE: what a shell reports
EXIT_CODES = (EXIT_OK, EXIT_PROBLEMS, EXIT_REFUSED, EXIT_BUG, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE)

# an OSError's errno -> the message that names the path and says what to do
_OS_MESSAGES = {
    errno.ENOSPC: "cli.os.ENOSPC", errno.EROFS: "cli.os.EROFS", errno.EACCES: "cli.os.EACCES",
    errno.EPERM: "cli.os.EACCES", errno.EISDIR: "cli.os.EISDIR", errno.ENOTDIR: "cli.os.ENOTDIR",
    errno.ENAMETOOLONG: "cli.os.ENAMETOOLONG", errno.ENOENT: "cli.os.ENOENT",
}
if hasattr(errno, "EDQUOT"):
    _OS_MESSAGES[errno.EDQUOT] = "cli.os.EDQUOT"

# argparse's own sentences (gettext msgids) -> catalogue keys, so a facilitator reads them
# in the CLI's language
_ARGPARSE = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positional",
    "options": "argparse.options",
    "optional arguments": "argparse.optional",
    "show this help message and exit": "argparse.help",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "expected one argument": "argparse.expected_one",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "show program's version number and exit": "argparse.version",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
}


@contextlib.contextmanager
def _argparse_language(lang: str) -> Iterator[None]:
    """Word argparse's own help and errors in ``lang`` while the CLI runs."""
    if lang == "en":
        yield
        return
    with compat.argparse_messages(lambda msg: t(_ARGPARSE[msg], lang) if msg in _ARGPARSE else None):
        yield


def _scan_lang(argv: Sequence[str]) -> str | None:
    """The ``--lang`` given anywhere on the command line (or ``RTPLAN_LANG``)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return normalize_lang(argv[i + 1])
        if arg.startswith("--lang="):
            return normalize_lang(arg.split("=", 1)[1])
    env = config.from_env().lang
    return normalize_lang(env) if env else None


def build_parser(lang: str) -> argparse.ArgumentParser:
    """The whole ``rtplan`` parser, worded in ``lang``."""
    parser = argparse.ArgumentParser(prog="rtplan", description=t("cli.description", lang),
                                     epilog=t("cli.exit_codes", lang),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"rtplan {__version__}",
                        help=t("cli.opt.version", lang))
    lang_option(parser, lang)
    sub = parser.add_subparsers(dest="command", metavar=t("cli.command_metavar", lang))
    modules = [importlib.import_module(f"{commands.__name__}.{m.name}")
               for m in pkgutil.iter_modules(commands.__path__)]
    for module in sorted(modules, key=lambda m: (m.ORDER, m.__name__)):
        module.register(sub, lang)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (``rtplan`` calls ``sys.exit`` with it)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    scanned = _scan_lang(argv)
    ui_lang = scanned or "id"
    with _argparse_language(ui_lang):
        parser = build_parser(ui_lang)
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:  # --help, --version or a usage error
            return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_REFUSED
    args.lang = getattr(args, "lang", None) or scanned
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_REFUSED
    try:
        from rtplan.export.paths import refuse_plan_targets

        refuse_plan_targets(args, args.lang)  # never into a plan folder, whatever the command
        code = int(args.func(args))
        sys.stdout.flush()  # a closed pipe shows here, not as a message at exit
        return code
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except ValidationError as exc:
        print(f"{t('error.prefix', exc.lang)}:", file=sys.stderr)
        for p in exc.problems:
            print(f"  - {p.message}", file=sys.stderr)
        return EXIT_REFUSED
    except RtplanError as exc:
        print(f"{t('error.prefix', args.lang or ui_lang)}: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except OSError as exc:  # a file rtplan had to read or write: name it, say why
        print(os_error_message(exc, args.lang or ui_lang), file=sys.stderr)
        return EXIT_REFUSED
    except Exception as exc:  # rtplan's own bug: say so plainly, data is untouched
        if config.from_env().debug:
            traceback.print_exc()
        print(t("error.unexpected", args.lang or ui_lang, error=f"{type(exc).__name__}: {exc}"),
              file=sys.stderr)
        return EXIT_BUG


def os_error_message(exc: OSError, lang: str) -> str:
    """One line for an OSError (disk full, read-only, no permission, a folder where a file
    should be, ...) that names the path, in ``lang``; never the exception's class."""
    path = exc.filename if exc.filename is not None else ""
    if exc.filename2 is not None:
        path = f"{path} -> {exc.filename2}"
    code = exc.errno or -1
    text = (t(_OS_MESSAGES[code], lang, path=path) if code in _OS_MESSAGES
            else t("cli.os.other", lang, path=path, error=exc.strerror or exc))
    return f"{t('error.prefix', lang)}: {text} {t('cli.os.unchanged', lang)}"


def _silence_stdout() -> None:
    """The reader of stdout went away (``rtplan conflicts PLAN | head``): end quietly.

    Python's documented recipe (the ``signal`` module, "Note on SIGPIPE"): point
    stdout at devnull, so that flushing it at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture): nothing to do
        pass


def run() -> None:  # pragma: no cover - console entry point
    code = main()
    # Everything the command made is in memory until the process ends, and Python's last garbage
    # collections at exit walk all of it (pandas, the notebook, the document): 0.2-0.4 s after a
    # handout is written, measured. Frozen objects are not walked; they are freed as usual.
    import gc

    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
