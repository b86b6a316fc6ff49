"""
The command line: ``antq``.

A thin shell over the library. Exit codes: 0 success; 1 an invalid dataset, a
dataset that names no edition of its units when one is needed, or a unit that
``antq units`` cannot find; 2 a file that cannot be read, arguments that are wrong
(an unknown edition among them), or a unit that is not in the dataset. No traceback
reaches the user.
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

from antq import __version__, official
from antq.assessment import AssessmentEntry, assess_dataset
from antq.catalogue import CATALOGUE, Severity
from antq.counting import BREAKDOWNS, successor_codes
from antq.criteria import CriteriaFileError, load_criteria
from antq.editions import UnitMatch
from antq.engines import ENGINES, summarize_file
from antq.errors import (
    AntqError,
    DatasetLoadError,
    InvalidValueError,
    UnknownEditionError,
    UnknownUnitError,
)
from antq.formats import (
    ExtraNotInstalledError,
    ReadResult,
    load,
    locate_findings,
    read_dataset,
    write_rejects,
)
from antq.io import _WRITTEN_WHEN_FILLED, EXAMPLE, load_example
from antq.names import collation_key
from antq.periods import Period
from antq.report import (
    FORMATS,
    make_mapped_report,
    make_report,
    render_mapped_report,
    render_report,
)
from antq.schema import ENTITIES, dataset_schema, dumps_schema, entity_schema, schemas
from antq.units import UnitLevel
from antq.validation import ValidationReport, load_findings, validate

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from antq.dataset import MovementDataset
    from antq.editions import Edition, Succession, UnitTable
    from antq.figures import Language
    from antq.units import Unit, UnitRegistry

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
    "security_teams": "security-and-order protection teams",
    "assessment_facts": "facts for recognition",
    "recognitions": "recognitions",
}


class _UsageError(Exception):
    """
    Wrong arguments, or input that cannot be used; the message is one line.
    """


class _InvalidDatasetError(Exception):
    """
    A dataset file that does not load; the message lists its problems.
    """


class _NotDoneError(Exception):
    """
    A request that cannot be met (no unit found, a dataset without an edition); one line.
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
    validate.add_argument(
        "--remote-communes",
        metavar="CODES",
        type=_codes,
        default=(),
        help="the province's remote communes, comma-separated: their police hand a tip on "
        "within 48 hours (rule T705)",
    )
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
    shape = report.add_mutually_exclusive_group()
    shape.add_argument("--by", choices=BREAKDOWNS, help="break the figures down")
    shape.add_argument(
        "--onto",
        metavar="EDITION",
        help="re-express the figures on the units of this edition of the official list "
        "(2025-07: the units from 1 July 2025); --unit is then a code of that edition",
    )
    report.add_argument("--lang", choices=("vi", "en"), default="vi", help="the language")
    report.add_argument("--format", choices=FORMATS, default="text", help="the form")
    report.add_argument(
        "--chart",
        metavar="FILE",
        help="also draw the figures in FILE.png or FILE.svg, by month or year (--by) "
        "and by commune; needs antq[charts]",
    )
    summarize_command = commands.add_parser(
        "summarize",
        help="count a dataset's figures straight from its files, for large datasets",
        description=(
            "Count the movement's figures for a unit over the dataset's period, reading "
            "the sessions and tips of a directory one record at a time (or in DuckDB), "
            "and print them keyed by the glossary's identifiers."
        ),
    )
    summarize_command.add_argument(
        "dataset",
        metavar="DATASET",
        help="a dataset: a directory of JSON Lines or CSV files, a JSON or Excel file",
    )
    summarize_command.add_argument(
        "--engine",
        choices=ENGINES,
        default="auto",
        help="the engine: DuckDB counts large JSON Lines files when antq[duckdb] is "
        "installed (auto), or the reference engine",
    )
    summarize_command.add_argument(
        "--unit", metavar="CODE", help="the unit counted, with those below it"
    )
    summarize_command.add_argument(
        "--as-of", metavar="DATE", help="judge time limits on this day (YYYY-MM-DD)"
    )
    summarize_command.add_argument(
        "--format", choices=("text", "json"), default="text", help="the form"
    )
    assess_command = commands.add_parser(
        "assess",
        help="assess units for recognition as safe on security and order",
        description=(
            "Assess the hamlets, communes and organisations of a dataset for recognition "
            "as 'An toàn về an ninh, trật tự' in a year, criterion by criterion, with the "
            "source of each. Criteria whose thresholds are gaps in the rules are 'not "
            "assessable' unless a criteria file (TOML or JSON) supplies them. Without "
            f"DATASET, the bundled example ({EXAMPLE}) is used."
        ),
    )
    assess_command.add_argument(
        "dataset", metavar="DATASET", nargs="?", help="a dataset in any form"
    )
    assess_command.add_argument(
        "--year", type=_year, required=True, help="the year of the recognition"
    )
    assess_command.add_argument(
        "--criteria",
        metavar="FILE",
        help="a criteria file (.toml or .json): gaps and provincial criteria",
    )
    assess_command.add_argument(
        "--unit", metavar="CODE", help="assess this unit and what lies below it"
    )
    assess_command.add_argument(
        "--format", choices=("text", "json"), default="text", help="the form"
    )
    schema_command = commands.add_parser(
        "schema",
        help="print the JSON Schema of the dataset file or of one entity",
        description=(
            "Print the JSON Schema (draft 2020-12) of the dataset file, or of one record "
            "of an entity (one line of its JSON Lines file), generated from antq's "
            "classes; or write every schema into a directory."
        ),
    )
    wanted = schema_command.add_mutually_exclusive_group()
    wanted.add_argument(
        "--entity",
        metavar="NAME",
        choices=ENTITIES,
        help=f"the entity: {', '.join(ENTITIES)} (default: the dataset file)",
    )
    wanted.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write every schema into DIR (dataset.schema.json, tips.schema.json ...)",
    )
    _units_parser(commands)
    return parser


def _codes(text: str) -> tuple[str, ...]:
    codes = tuple(code.strip() for code in text.split(","))
    if not all(codes):
        msg = f"not a comma-separated list of codes: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return codes


def _year(text: str) -> int:
    if not text.isdigit() or len(text) != 4:
        msg = f"not a year: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


def _units_parser(commands: argparse._SubParsersAction[_Parser]) -> None:
    units = commands.add_parser(
        "units",
        help="look official units up by name or code, and see where they went",
        description=(
            "Look up the official administrative units of every edition of the bundled "
            "list, and how the units of one edition went into those of the next."
        ),
    )
    lookups = units.add_subparsers(dest="lookup", metavar="LOOKUP", required=True)
    find = _lookup(
        lookups,
        "find",
        "find the units called NAME, oldest edition first",
        "search this edition only (default: every edition)",
    )
    find.add_argument(
        "name",
        metavar="NAME",
        help='a name, with or without diacritics ("Xuất Hóa", "xuat hoa"), perhaps after '
        'its kind ("phường Xuất Hóa")',
    )
    for name, described, edition in (
        (
            "show",
            "show the unit CODE: its kind, address, parent, the units below it, its history",
            "this edition only (default: every edition holding the code)",
        ),
        (
            "successors",
            "say which units of a later edition the unit CODE went into",
            "the edition of CODE (default: the oldest edition holding the code)",
        ),
        (
            "predecessors",
            "say which units of an earlier edition went into the unit CODE",
            "the edition of CODE (default: the newest edition holding the code)",
        ),
    ):
        lookup = _lookup(lookups, name, described, edition)
        lookup.add_argument("code", metavar="CODE", help="an official code, as 01855")


def _lookup(
    lookups: argparse._SubParsersAction[_Parser], name: str, described: str, edition: str
) -> _Parser:
    """
    Add the look-up *name* to ``antq units``, with the options every look-up takes.
    """
    lookup = lookups.add_parser(
        name, help=described, description=f"{described[0].upper()}{described[1:]}."
    )
    lookup.add_argument("--edition", metavar="EDITION", help=edition)
    lookup.add_argument("--format", choices=("text", "json"), default="text", help="the form")
    return lookup


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line with *argv* (the process's arguments by default).

    Returns:
        The exit code, 0 for success, 1 for an invalid dataset or a request that cannot
        be met (no official unit found, a dataset without an edition for ``--onto``), 2
        for unreadable input, wrong arguments (an unknown edition among them) or a unit
        that is not in the dataset.
    """
    parser = _parser()
    try:
        arguments = parser.parse_args(argv)
        commands: dict[str, Callable[[argparse.Namespace], int]] = {
            "check": lambda given: _check(given.file),
            "validate": _validate,
            "report": _report,
            "units": _units,
            "assess": _assess,
            "summarize": _summarize,
            "schema": _schema,
        }
        return commands[arguments.command](arguments)
    except _UsageError as error:
        if isinstance(error, _ArgumentError):
            sys.stderr.write(error.usage)
        print(f"antq: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except _InvalidDatasetError as error:
        print(error, file=sys.stderr)
        return EXIT_INVALID
    except _NotDoneError as error:
        print(f"antq: error: {error}", file=sys.stderr)
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
        # Listed only when they hold records, as files write them.
        if section in _WRITTEN_WHEN_FILLED and not count:
            continue
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
    if arguments.onto is not None:
        if arguments.chart is not None:
            msg = "--chart draws the dataset's own units; it does not go with --onto"
            raise _UsageError(msg)
        return _mapped_report(arguments, dataset, period)
    if unit is not None and not dataset.registry.has_unit(unit):
        raise _UsageError(_unknown_unit(unit, dataset.registry))
    if arguments.chart is not None:
        _chart(arguments, dataset, period)
    report = make_report(dataset, unit=unit, period=period, by=arguments.by)
    sys.stdout.write(render_report(report, lang=arguments.lang, format=arguments.format))
    return EXIT_OK


def _chart(arguments: argparse.Namespace, dataset: MovementDataset, period: Period | None) -> None:
    """
    Draw the chart of ``antq report --chart``, before the report is printed.
    """
    from antq.charts import write_chart  # noqa: PLC0415 - matplotlib is loaded only to draw

    by = arguments.by if arguments.by in {"month", "year"} else None
    try:
        write_chart(
            dataset, arguments.chart, unit=arguments.unit, period=period, by=by, lang=arguments.lang
        )
    except (InvalidValueError, ExtraNotInstalledError) as error:
        msg = f"--chart: {error}"
        raise _UsageError(msg) from None
    except OSError as error:
        msg = f"cannot write {arguments.chart}: {error.strerror}"
        raise _UsageError(msg) from None


def _summarize(arguments: argparse.Namespace) -> int:
    _readable(arguments.dataset)
    as_of = _as_of(arguments.as_of)
    try:
        summary = summarize_file(
            arguments.dataset, engine=arguments.engine, unit=arguments.unit, as_of=as_of
        )
    except DatasetLoadError as error:
        msg = f"antq: {arguments.dataset} is not a valid dataset.\n{error}"
        raise _InvalidDatasetError(msg) from None
    except UnknownUnitError as error:
        msg = f"--unit: {error}"
        raise _UsageError(msg) from None
    except (InvalidValueError, ExtraNotInstalledError) as error:
        raise _UsageError(str(error)) from None
    figures = summary.figures()
    if arguments.format == "json":
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return EXIT_OK
    for key, value in figures.items():
        if isinstance(value, dict):
            shown = ", ".join(f"{kind} {count}" for kind, count in value.items()) or "none"
        else:
            shown = "none" if value is None else str(value)
        print(f"{key}: {shown}")
    return EXIT_OK


def _schema(arguments: argparse.Namespace) -> int:
    if arguments.output_dir is None:
        chosen = entity_schema(arguments.entity) if arguments.entity else dataset_schema()
        sys.stdout.write(dumps_schema(chosen))
        return EXIT_OK
    directory = Path(arguments.output_dir)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, schema in schemas().items():
            (directory / name).write_text(dumps_schema(schema), encoding="utf-8")
            print(directory / name)
    except OSError as error:
        msg = f"cannot write {error.filename}: {error.strerror}"
        raise _UsageError(msg) from None
    return EXIT_OK


def _assess(arguments: argparse.Namespace) -> int:
    dataset = _load(arguments.dataset) if arguments.dataset else load_example()
    parameters = None
    if arguments.criteria is not None:
        _readable(arguments.criteria)
        try:
            parameters = load_criteria(arguments.criteria)
        except CriteriaFileError as error:
            msg = f"antq: {arguments.criteria} is not a valid criteria file.\n{error}"
            raise _InvalidDatasetError(msg) from None
    unit = arguments.unit
    if unit is not None and unit not in dataset.registry:
        raise _UsageError(_unknown_unit(unit, dataset.registry))
    entries = assess_dataset(dataset, arguments.year, parameters=parameters, unit=unit)
    if arguments.format == "json":
        document = [_entry_json(entry) for entry in entries]
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return EXIT_OK
    for entry in entries:
        print("\n".join(_entry_lines(entry)))
        print()
    outcomes = Counter(
        "not assessed" if entry.outcome is None else entry.outcome.value for entry in entries
    )
    print(", ".join(f"{name}: {count}" for name, count in sorted(outcomes.items())) or "no unit")
    return EXIT_OK


def _entry_lines(entry: AssessmentEntry) -> list[str]:
    if entry.assessment is None:
        lines = [f"{entry.code} {entry.name}: not assessed: {entry.refusal}"]
    else:
        lines = [f"{entry.code} {entry.name}", *entry.assessment.reasoning()]
    lines.extend(
        f"recorded: {decision.outcome.value} ({decision.outcome.label})"
        + (f", decided on {decision.decided_on.isoformat()}" if decision.decided_on else "")
        + (f" by {decision.authority}" if decision.authority else "")
        for decision in entry.recorded
    )
    return lines


def _entry_json(entry: AssessmentEntry) -> dict[str, object]:
    found: dict[str, object] = {"code": entry.code, "name": entry.name}
    assessment = entry.assessment
    if assessment is None:
        found["refusal"] = entry.refusal
    else:
        found.update(
            {
                "subject": assessment.subject.value,
                "year": assessment.year,
                "regime": assessment.regime.value,
                "window": {
                    "start": assessment.window.start.isoformat(),
                    "end": assessment.window.end.isoformat(),
                },
                "outcome": assessment.outcome.value,
                "criteria": [
                    {
                        "id": result.criterion.id,
                        "status": result.status.value,
                        "title": result.criterion.title,
                        "title_vi": result.criterion.title_vi,
                        "source": result.criterion.source,
                        "reason": result.reason,
                    }
                    for result in assessment.results
                ],
            }
        )
    found["recorded"] = [
        {
            "outcome": decision.outcome.value,
            "decided_on": decision.decided_on.isoformat() if decision.decided_on else None,
            "authority": decision.authority,
        }
        for decision in entry.recorded
    ]
    return found


def _mapped_report(
    arguments: argparse.Namespace, dataset: MovementDataset, period: Period | None
) -> int:
    """
    Print the report re-expressed on the units of the edition ``--onto``.
    """
    onto = _edition(arguments.onto, option="--onto")
    if dataset.edition is None:
        msg = (
            f"{arguments.dataset or EXAMPLE}: the dataset names no edition of its units; add "
            f'"edition" (one of {", ".join(official.table().names)}) to the dataset file'
        )
        raise _NotDoneError(msg)
    unit = arguments.unit
    if unit is not None and not onto.registry.has_unit(unit):
        raise _UsageError(_not_in_edition(unit, dataset, onto))
    report = make_mapped_report(dataset, onto, unit=unit, period=period)
    sys.stdout.write(render_mapped_report(report, lang=arguments.lang, format=arguments.format))
    return EXIT_OK


def _not_in_edition(code: str, dataset: MovementDataset, onto: Edition) -> str:
    """
    Say that *code* is no unit of *onto*: where a unit of the dataset went, or close codes.
    """
    if not dataset.registry.has_unit(code):
        return _unknown_unit(code, onto.registry, where=f"edition {onto.name}")
    unit = dataset.registry.get(code)
    went = successor_codes(dataset, onto)[code]
    into = " or ".join(f"{c} ({_short(onto.registry.get(c))})" for c in went)
    msg = (
        f"--unit {code!r}: no unit of edition {onto.name} has this code; the dataset's "
        f"{_short(unit)} ({code})"
    )
    if went:
        return f"{msg} went into {into}"
    return f"{msg} went into no unit of edition {onto.name}"


def _fold(text: str) -> str:
    """
    Fold a name for matching: no case, no diacritics, đ as d.
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _unknown_unit(code: str, registry: UnitRegistry, *, where: str = "the dataset") -> str:
    """
    Say that *code* names no unit of *where*, suggesting close codes or units named like it.
    """
    names = {_fold(unit.name): unit.code for unit in registry.units}
    close = difflib.get_close_matches(code, [unit.code for unit in registry.units], n=3)
    close += [
        names[name]
        for name in difflib.get_close_matches(_fold(code), list(names), n=3)
        if names[name] not in close
    ]
    msg = f"--unit {code!r}: no unit of {where} has this code"
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
            outcomes.append(
                _validate_one(path, as_of, arguments.rejects, arguments.remote_communes)
            )
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
    path: str, as_of: dt.date | None, rejects: str | None, remote_communes: tuple[str, ...]
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
        found = validate(result.dataset, as_of=as_of, remote_communes=remote_communes)
        report += locate_findings(found, result)
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


# Official units ---------------------------------------------------------------------------


def _edition(name: str, *, option: str) -> Edition:
    """
    Return the bundled edition *name*, refusing an unknown one as a usage error.
    """
    try:
        return official.edition(name)
    except UnknownEditionError as error:
        msg = (
            f"{option} {name!r}: no edition of the official units has this name; "
            f"known editions: {', '.join(error.known)}"
        )
        raise _UsageError(msg) from None


def _units(arguments: argparse.Namespace) -> int:
    table = official.table()
    edition = arguments.edition
    if edition is not None:
        _edition(edition, option="--edition")
    if arguments.lookup == "find":
        rows, lines = _find(table, arguments.name, edition)
    elif arguments.lookup == "show":
        rows, lines = _show(table, arguments.code, edition)
    else:
        rows, lines = _history(
            table, arguments.code, edition, forward=arguments.lookup == "successors"
        )
    if arguments.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print("\n".join(lines))
    return EXIT_OK


_Rows = list[dict[str, object]]


def _short(unit: Unit) -> str:
    """
    Return a unit's kind and name as an address writes them: "thành phố Bắc Kạn".
    """
    return UnitMatch("", unit).address


def _match_json(match: UnitMatch) -> dict[str, object]:
    unit = match.unit
    return {
        "edition": match.edition,
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind.value,
        "parent_code": unit.parent_code,
        "address": match.address,
    }


def _match_line(match: UnitMatch) -> str:
    return f"{match.edition}  {match.unit.code:<5}  {match.address}"


def _ordered(
    table: UnitTable, matches: Sequence[UnitMatch], *, by_level: bool = False
) -> list[UnitMatch]:
    """
    Sort units by edition, oldest first, then Vietnamese name, then code.

    With *by_level*, provinces come before districts and districts before communes
    within an edition.
    """
    order = {name: index for index, name in enumerate(table.names)}
    return sorted(
        matches,
        key=lambda m: (
            order[m.edition],
            m.unit.level.rank if by_level else 0,
            collation_key(m.unit.name),
            m.unit.code,
        ),
    )


def _find(table: UnitTable, name: str, edition: str | None) -> tuple[_Rows, list[str]]:
    hits = _ordered(table, table.find(name, edition=edition))
    if not hits:
        where = "any edition" if edition is None else f"edition {edition}"
        msg = f"no unit of {where} is called {name!r}"
        close = table.suggest(name, edition=edition)
        if close:
            described = [f"{m.edition} {m.unit.code} ({m.address})" for m in close]
            msg += "; did you mean " + " or ".join(described) + "?"
        raise _NotDoneError(msg)
    return [_match_json(m) for m in hits], [_match_line(m) for m in hits]


def _with_code(table: UnitTable, code: str, edition: str | None) -> tuple[UnitMatch, ...]:
    """
    Return the unit *code* in each edition (or in *edition*), or say where it is not.
    """
    matches = table.with_code(code, edition=edition)
    if matches:
        return matches
    where = "any edition" if edition is None else f"edition {edition}"
    msg = f"no unit of {where} has the code {code!r}"
    elsewhere = [m.edition for m in table.with_code(code)]
    if elsewhere:
        msg += f"; it is a unit of edition {', '.join(elsewhere)}"
    elif not code.isdigit():
        msg += "; a code is made of digits (01855): find a unit's code with antq units find NAME"
    raise _NotDoneError(msg)


def _linked(
    table: UnitTable, successions: Sequence[Succession], *, forward: bool
) -> list[tuple[Succession, UnitMatch]]:
    """
    Pair each succession with the unit at its other end; provinces first, then by name.
    """
    pairs = {}
    for succession in successions:
        edition, code = (
            (succession.to_edition, succession.to_code)
            if forward
            else (succession.from_edition, succession.from_code)
        )
        pairs[table.with_code(code, edition=edition)[0]] = succession
    return [(pairs[match], match) for match in _ordered(table, list(pairs), by_level=True)]


def _succession_json(succession: Succession, match: UnitMatch) -> dict[str, object]:
    return {
        **_match_json(match),
        "from_edition": succession.from_edition,
        "from_code": succession.from_code,
        "to_edition": succession.to_edition,
        "to_code": succession.to_code,
        "effective": succession.effective.isoformat(),
        "whole": succession.whole,
    }


def _share(succession: Succession) -> str:
    return "whole" if succession.whole else "part"


def _listed(succession: Succession, match: UnitMatch) -> str:
    return f"{match.unit.code} {_short(match.unit)} ({_share(succession)})"


def _show(table: UnitTable, code: str, edition: str | None) -> tuple[_Rows, list[str]]:
    rows: _Rows = []
    lines: list[str] = []
    for match in _with_code(table, code, edition):
        registry = table.edition(match.edition).registry
        unit, parent = match.unit, registry.parent(code)
        went = _linked(table, table.successors(code, edition=match.edition), forward=True)
        came = _linked(table, table.predecessors(code, edition=match.edition), forward=False)
        below = len(registry.children(code))
        rows.append(
            {
                **_match_json(match),
                "kind_label": unit.kind.label,
                "children": below,
                "successors": [_succession_json(s, m) for s, m in went],
                "predecessors": [_succession_json(s, m) for s, m in came],
            }
        )
        above = "none" if parent is None else f"{parent.code} {_short(parent)}"
        lines += [
            f"{match.edition}  {code}  {_short(unit)}",
            f"  kind: {unit.kind.label} ({unit.kind.value})",
            f"  name: {unit.name}",
            f"  address: {match.address}",
            f"  parent: {above}",
            f"  units below: {below}",
        ]
        history = [
            f"  {verb} ({name}): {', '.join(found)}"
            for name in table.names
            for verb, pairs in (("went into", went), ("came from", came))
            if (found := [_listed(s, m) for s, m in pairs if m.edition == name])
        ]
        lines += history or ["  history: no succession recorded"]
    return rows, lines


def _history(
    table: UnitTable, code: str, edition: str | None, *, forward: bool
) -> tuple[_Rows, list[str]]:
    """
    List where the unit *code* went (*forward*), or where it came from.
    """
    matches = _with_code(table, code, edition)
    match = matches[0] if forward else matches[-1]
    found = (table.successors if forward else table.predecessors)(code, edition=match.edition)
    linked = _linked(table, found, forward=forward)
    lines = [_match_line(match)]
    if not linked:
        edge = table.names[-1] if forward else table.names[0]
        reason = (
            f"edition {edge} is the {'newest' if forward else 'oldest'}"
            if match.edition == edge
            else "none is recorded"
        )
        lines.append(f"  no {'successor' if forward else 'predecessor'}: {reason}")
    verb = "went into" if forward else "came from"
    for effective in sorted({s.effective for s, _ in linked}):
        lines.append(f"  {verb}, on {effective.isoformat()}:")
        lines += [
            f"    {_match_line(m)}  ({_share(s)})" for s, m in linked if s.effective == effective
        ]
    if forward and not all(s.whole for s, _ in linked):
        lines.append(
            "  split: its figures cannot be put on one new unit "
            "(antq report --onto lists them as not attributable)"
        )
    rows = [_succession_json(s, m) for s, m in linked]
    return rows, lines
