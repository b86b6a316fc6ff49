"""
The command line: ``antq``.

A thin shell over the library. Exit codes: 0 success, 1 an invalid dataset, 2 a file
that cannot be read or arguments that are wrong. No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import TYPE_CHECKING, NoReturn

from antq import __version__
from antq.errors import DatasetLoadError
from antq.io import load_dataset
from antq.units import UnitLevel

if TYPE_CHECKING:
    from collections.abc import Sequence

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
}


class _UsageError(Exception):
    """
    Wrong arguments; the message is printed after the usage line.
    """


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line with *argv* (the process's arguments by default).

    Returns:
        The exit code, 0 for success, 1 for an invalid dataset, 2 for unreadable input
        or wrong arguments.
    """
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
    except _UsageError as error:
        parser.print_usage(sys.stderr)
        print(f"antq: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exit_:  # --help and --version end here
        return exit_.code if isinstance(exit_.code, int) else EXIT_OK
    return _check(arguments.file)


def _check(path: str) -> int:
    try:
        dataset = load_dataset(path)
    except OSError as error:
        print(f"antq: error: cannot read {path}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    except DatasetLoadError as error:
        print(f"antq: {path} is not a valid dataset.", file=sys.stderr)
        print(error, file=sys.stderr)
        return EXIT_INVALID
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
