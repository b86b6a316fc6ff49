"""
The command line: ``antq``.

A thin shell over the library. Exit codes: 0 success, 1 an invalid dataset, 2 a file
that cannot be read, arguments that are wrong, or a unit that is not in the dataset.
No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import difflib
import sys
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING, NoReturn

from antq import __version__
from antq.counting import BREAKDOWNS
from antq.errors import DatasetLoadError, InvalidValueError
from antq.io import EXAMPLE, load_dataset, load_example
from antq.periods import Period
from antq.report import FORMATS, make_report, render_report
from antq.units import UnitLevel

if TYPE_CHECKING:
    from collections.abc import Sequence

    from antq.dataset import MovementDataset
    from antq.units import UnitRegistry

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2

_SECTION_TITLES = {
    "units": "units",
    "organisations": "organisations",
    "campaigns": "campaigns",
    "sessions": "mobilisation sessions",
    "tips": "tips",
    "model_groups": "model groups",
    "reintegration_cases": "reintegration cases",
    "declared_tallies": "declared tallies",
}


class _UsageError(Exception):
    """
    Wrong arguments, or input that cannot be used; the message is one line.
    """


class _InvalidDatasetError(Exception):
    """
    A dataset file that does not load; the message lists its problems.
    """


class _ArgumentError(_UsageError):
    """
    Arguments that argparse refuses; the usage line is printed before the message.
    """

    def __init__(self, message: str, usage: str) -> None:
        """
        Keep the usage line of the (sub)command whose arguments were refused.
        """
        super().__init__(message)
        self.usage = usage


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _ArgumentError(message, self.format_usage())


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="antq",
        description="The shared rules of the movement 'Toàn dân bảo vệ an ninh Tổ quốc'.",
    )
    parser.add_argument("--version", action="version", version=f"antq {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check = commands.add_parser(
        "check",
        help="load a dataset file and say what it holds",
        description="Load a dataset file, report every problem, or say what it holds.",
    )
    check.add_argument("file", metavar="FILE", help="a dataset file (JSON)")
    report = commands.add_parser(
        "report",
        help="count a dataset's figures and print them as officials do",
        description=(
            "Count the movement's figures for a unit and a period and print the report. "
            f"Without DATASET, the bundled example ({EXAMPLE}) is used."
        ),
    )
    report.add_argument("dataset", metavar="DATASET", nargs="?", help="a dataset file (JSON)")
    report.add_argument("--unit", metavar="CODE", help="the unit reported on, with those below it")
    report.add_argument(
        "--period", metavar="PERIOD", help="2017, 2017-Q2, 2017-03, or a range 2016-01..2018-05"
    )
    report.add_argument("--by", choices=BREAKDOWNS, help="break the figures down")
    report.add_argument("--lang", choices=("vi", "en"), default="vi", help="the language")
    report.add_argument("--format", choices=FORMATS, default="text", help="the form")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line with *argv* (the process's arguments by default).

    Returns:
        The exit code, 0 for success, 1 for an invalid dataset, 2 for unreadable input,
        wrong arguments or an unknown unit.
    """
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
        if arguments.command == "check":
            return _check(arguments.file)
        return _report(arguments)
    except _UsageError as error:
        if isinstance(error, _ArgumentError):
            sys.stderr.write(error.usage)
        print(f"antq: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except _InvalidDatasetError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    except SystemExit as exit_:  # --help and --version end here
        return exit_.code if isinstance(exit_.code, int) else EXIT_OK


def _load(path: str) -> MovementDataset:
    try:
        return load_dataset(path)
    except OSError as error:
        msg = f"cannot read {path}: {error.strerror or error}"
        raise _UsageError(msg) from None
    except DatasetLoadError as error:
        msg = f"antq: {path} is not a valid dataset.\n{error}"
        raise _InvalidDatasetError(msg) from None


def _check(path: str) -> int:
    dataset = _load(path)
    print(f"{path}: a valid dataset")
    print(f"  period: {dataset.period}")
    for section, count in dataset.record_counts().items():
        line = f"  {_SECTION_TITLES[section]}: {count}"
        if section == "units" and count:
            levels = Counter(unit.level for unit in dataset.registry.units)
            parts = [
                f"{levels[level]} {level.value}{'' if levels[level] == 1 else 's'}"
                for level in UnitLevel
                if levels[level]
            ]
            line += f" ({', '.join(parts)})"
        print(line)
    return EXIT_OK


def _report(arguments: argparse.Namespace) -> int:
    dataset = _load(arguments.dataset) if arguments.dataset else load_example()
    period = None
    if arguments.period is not None:
        try:
            period = Period.parse(arguments.period)
        except InvalidValueError as error:
            msg = f"--period {arguments.period!r}: {error.rule}"
            raise _UsageError(msg) from None
    unit = arguments.unit
    if unit is not None and not dataset.registry.has_unit(unit):
        raise _UsageError(_unknown_unit(unit, dataset.registry))
    report = make_report(dataset, unit=unit, period=period, by=arguments.by)
    sys.stdout.write(render_report(report, lang=arguments.lang, format=arguments.format))
    return EXIT_OK


def _fold(text: str) -> str:
    """
    Fold a name for matching: no case, no diacritics, đ as d.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _unknown_unit(code: str, registry: UnitRegistry) -> str:
    """
    Say that *code* names no unit, suggesting close codes or units named like it.
    """
    names = {_fold(unit.name): unit.code for unit in registry.units}
    close = difflib.get_close_matches(code, [unit.code for unit in registry.units], n=3)
    close += [
        names[name]
        for name in difflib.get_close_matches(_fold(code), list(names), n=3)
        if names[name] not in close
    ]
    msg = f"--unit {code!r}: no unit of the dataset has this code"
    if close:
        described = [f"{c} ({registry.get(c).kind.label} {registry.get(c).name})" for c in close]
        msg += "; did you mean " + " or ".join(described) + "?"
    return msg
