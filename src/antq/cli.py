"""
The command line: ``antq``.

A thin shell over the library. Exit codes: 0 success, 1 an invalid dataset, 2 a file
that cannot be read, arguments that are wrong, or a unit that is not in the dataset.
No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NoReturn

from antq import __version__
from antq.catalogue import CATALOGUE, Severity
from antq.counting import BREAKDOWNS
from antq.errors import AntqError, DatasetLoadError, InvalidValueError
from antq.formats import ReadResult, load, locate_findings, read_dataset, write_rejects
from antq.io import EXAMPLE, load_example
from antq.periods import Period
from antq.report import FORMATS, make_report, render_report
from antq.units import UnitLevel
from antq.validation import ValidationReport, load_findings, validate

if TYPE_CHECKING:
    from collections.abc import Sequence

    from antq.dataset import MovementDataset
    from antq.figures import Language
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
    check.add_argument(
        "file", metavar="PATH", help="a dataset: a JSON or Excel file, or a directory"
    )
    validate = commands.add_parser(
        "validate",
        help="find every problem of dataset files, with the rules' codes",
        description=(
            "Read each dataset (a JSON file, an Excel workbook, or a directory of JSON "
            "Lines or CSV files), then check it against the rule catalogue. Exit 0 when "
            "every dataset is valid (warnings allowed), 1 when errors were found."
        ),
    )
    validate.add_argument("paths", metavar="PATH", nargs="+", help="a dataset file or directory")
    validate.add_argument(
        "--as-of", metavar="DATE", help="judge time limits on this day (YYYY-MM-DD)"
    )
    validate.add_argument("--format", choices=("text", "json"), default="text", help="the form")
    validate.add_argument(
        "--rejects", metavar="DIR", help="write each dataset's rejected records under DIR"
    )
    validate.add_argument("--lang", choices=("vi", "en"), default="en", help="the language")
    report = commands.add_parser(
        "report",
        help="count a dataset's figures and print them as officials do",
        description=(
            "Count the movement's figures for a unit and a period and print the report. "
            f"Without DATASET, the bundled example ({EXAMPLE}) is used."
        ),
    )
    report.add_argument(
        "dataset",
        metavar="DATASET",
        nargs="?",
        help="a dataset: a JSON or Excel file, or a directory of JSON Lines or CSV files",
    )
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
        if arguments.command == "validate":
            return _validate(arguments)
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


def _readable(path: str) -> None:
    """
    Refuse, as a usage error, a path that names nothing.
    """
    if not Path(path).exists():
        msg = f"cannot read {path}: No such file or directory"
        raise _UsageError(msg)


def _load(path: str) -> MovementDataset:
    _readable(path)
    try:
        return load(path)
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


def _validate(arguments: argparse.Namespace) -> int:
    as_of = _as_of(arguments.as_of)
    outcomes = []
    unreadable = 0
    for path in arguments.paths:
        # A path that cannot be read is said at once; the others are still checked.
        try:
            outcomes.append(_validate_one(path, as_of, arguments.rejects))
        except _UsageError as error:
            print(f"antq: error: {error}", file=sys.stderr)
            unreadable += 1
    lang = arguments.lang
    if arguments.format == "json":
        document = [
            {
                "path": path,
                "read": dict(result.read),
                "accepted": dict(result.accepted),
                "rejected": len(result.rejected),
                **report.to_dict(lang=lang),
            }
            for path, result, report in outcomes
        ]
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for path, result, report in outcomes:
            print(_validation_text(path, result, report, lang))
    if unreadable:
        return EXIT_USAGE
    return EXIT_OK if all(report.valid for _, _, report in outcomes) else EXIT_INVALID


def _as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"--as-of {text!r}: not a calendar day written YYYY-MM-DD"
        raise _UsageError(msg) from None


def _validate_one(
    path: str, as_of: dt.date | None, rejects: str | None
) -> tuple[str, ReadResult, ValidationReport]:
    """
    Read one dataset, check it, and write its rejected records if asked.
    """
    _readable(path)
    try:
        result = read_dataset(path)
    except (OSError, DatasetLoadError) as error:
        msg = f"cannot read {path}: {error}"
        raise _UsageError(msg) from None
    report = load_findings(result.problems)
    for rejected in result.rejected:
        report += load_findings(rejected.problems)
    if result.dataset is not None:
        report += locate_findings(validate(result.dataset, as_of=as_of), result)
    if rejects and result.rejected:
        _write_rejects(path, result, Path(rejects))
    return path, result, report


def _write_rejects(path: str, result: ReadResult, directory: Path) -> None:
    """
    Write a dataset's rejected records beside the others, never over the dataset itself.

    A file ``name.json`` gives ``DIR/name.rejects.json``; a directory of JSON Lines or
    CSV files gives the directory ``DIR/name.rejects`` in the same form.
    """
    source = Path(path)
    form: Literal["jsonl", "csv"] | None = None
    if source.is_dir():
        form = "csv" if any(source.glob("*.csv")) else "jsonl"
    target = directory / f"{source.stem}.rejects{source.suffix}"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_rejects(result, target, form=form, include_informants=False)
    except (OSError, AntqError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        msg = f"cannot write the rejects of {path} to {target}: {reason}"
        raise _UsageError(msg) from None


def _validation_text(
    path: str, result: ReadResult, report: ValidationReport, lang: Language
) -> str:
    """
    Write one dataset's findings for a person: counts first, then grouped by code.
    """
    counts = report.counts_by_severity()
    errors, warnings = counts[Severity.ERROR], counts[Severity.WARNING]
    read = sum(result.read.values())
    accepted = sum(result.accepted.values())
    if lang == "vi":
        verdict = "hợp lệ" if report.valid else "KHÔNG HỢP LỆ"
        head = (
            f"{path}: {verdict}: {errors} lỗi, {warnings} cảnh báo; đọc {read} bản ghi, "
            f"nhận {accepted}, loại {read - accepted}"
        )
    else:
        verdict = "valid" if report.valid else "INVALID"
        head = (
            f"{path}: {verdict}: {errors} error(s), {warnings} warning(s); "
            f"{read} record(s) read, {accepted} accepted, {read - accepted} rejected"
        )
    lines = [head]
    for code, count in report.counts_by_code().items():
        rule = CATALOGUE[code]
        severity, title = (
            (rule.severity.label, rule.title_vi)
            if lang == "vi"
            else (rule.severity.value, rule.title)
        )
        lines.append(f"  {code} {severity} × {count}: {title}")
        lines.extend(
            f"    {finding.position + ': ' if finding.position else ''}{finding.message(lang=lang)}"
            for finding in report.filter(code=code).findings
        )
    return "\n".join(lines)
