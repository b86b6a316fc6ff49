"""
Summaries straight from dataset files, by the reference engine or an embedded DuckDB.

:func:`summarize_file` gives the summary :func:`antq.summarize` gives for the dataset
of a file, without building the dataset. From a directory of JSON Lines or CSV files
the **reference** engine streams the sessions and the tips, one record at a time
(:func:`antq.summarize_records`): its memory does not grow with them. Every record is
checked as it is read; a record refused is reported, with every other problem, in one
:class:`~antq.errors.DatasetLoadError` once the files have been read. A JSON file or a
workbook is read whole, then summarised.

The **DuckDB** engine (install ``antq[duckdb]``) counts the sessions and tips of a
directory of JSON Lines in SQL, by the same rules, in an embedded database (no server).
It reads the other sections like the reference engine, checking every record, but it
does **not** check the sessions and tips: it reads their values as DuckDB casts them (a
text ``"45"`` where a count is expected is read as 45). It is meant for files that have
been checked once, with ``antq validate`` or the reference engine, such as the files of
communes collected for a national roll-up. When DuckDB cannot read a file at all (a
line that is not JSON, a day that does not exist), the reference engine reads it and
reports what is wrong.

``engine="auto"`` (the default) takes DuckDB for a directory of JSON Lines whose
sessions and tips hold :data:`LARGE` bytes or more, when it is installed; the reference
engine otherwise.
"""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from antq.counting import Summary, summarize, summarize_records
from antq.errors import DatasetLoadError, InvalidValueError, LoadProblem, UnknownUnitError
from antq.formats import (
    ExtraNotInstalledError,
    RejectedRecord,
    _collector_paused,
    _read_directory,
    _stream_section,
    load,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Iterator
    from types import ModuleType

    from antq.dataset import MovementDataset

__all__ = ["ENGINES", "LARGE", "Engine", "summarize_file"]

#: The engines :func:`summarize_file` can use.
Engine = Literal["auto", "reference", "duckdb"]
ENGINES: tuple[Engine, ...] = ("auto", "reference", "duckdb")

#: The bytes of sessions and tips from which ``engine="auto"`` takes DuckDB (64 MiB).
LARGE = 64 * 1024 * 1024

_STREAMED = frozenset({"sessions", "tips"})


@attrs.frozen
class _Scope:
    """
    What a summary covers, as asked: a unit, and the day tips are judged.
    """

    unit: str | None
    descendants: bool = attrs.field(kw_only=True)
    as_of: dt.date | None = attrs.field(kw_only=True)


def summarize_file(
    path: str | os.PathLike[str],
    *,
    engine: Engine = "auto",
    unit: str | None = None,
    descendants: bool = True,
    as_of: dt.date | None = None,
) -> Summary:
    """
    Count the figures of a dataset file, by the rules CR-01 to CR-11.

    Args:
        path: A dataset in any form: a ``.json`` file, an ``.xlsx`` workbook, or a
            directory of ``.jsonl`` or ``.csv`` section files.
        engine: ``"reference"``, ``"duckdb"``, or ``"auto"`` (see the module).
        unit: The unit's code; ``None`` counts every unit.
        descendants: Count the units below *unit* too (the default).
        as_of: The day tips are judged overdue (CR-11); the last day of the dataset's
            period by default.

    Returns:
        The summary, equal to ``antq.summarize(antq.formats.load(path), ...)``.

    Raises:
        antq.errors.DatasetLoadError: When a record is refused or anything else is
            wrong; every problem is listed, each placed by file, row and column.
        antq.errors.InvalidValueError: When *engine* is not one of :data:`ENGINES`, or
            DuckDB is asked for a dataset that is not a directory of JSON Lines.
        antq.formats.ExtraNotInstalledError: When DuckDB is asked for and not installed.
        antq.errors.UnknownUnitError: When *unit* is not in the dataset's registry.
    """
    if engine not in ENGINES:
        known = ", ".join(map(repr, ENGINES))
        raise InvalidValueError("summarize_file", "engine", engine, f"an engine is one of {known}")
    target = Path(path)
    if not target.is_dir():
        if engine == "duckdb":
            rule = "the DuckDB engine reads a directory of JSON Lines files"
            raise InvalidValueError("summarize_file", "path", str(path), rule)
        return summarize(load(target), unit=unit, descendants=descendants, as_of=as_of)
    with _collector_paused():
        result, form = _read_directory(target, leave=_STREAMED)
        problems = list(result.all_problems)
        read = result.dataset
        if read is None or form is None:
            raise DatasetLoadError(problems, source=str(path))
        scope = _Scope(unit, descendants=descendants, as_of=as_of)
        duckdb = _engine_module(engine, target, form)
        if duckdb is not None and not problems:
            try:
                return duckdb.summarize_jsonl(  # type: ignore[no-any-return]
                    target,
                    read.registry,
                    read.period,
                    model_groups=read.model_groups,
                    reintegration_cases=read.reintegration_cases,
                    declared_tallies=read.declared_tallies,
                    unit=unit,
                    descendants=descendants,
                    as_of=as_of,
                )
            except importlib.import_module("duckdb").Error:
                pass  # The reference engine reads the files and says what is wrong.
        return _streamed(target, form, read, problems, scope)


def _engine_module(engine: Engine, path: Path, form: str) -> ModuleType | None:
    """
    Return antq's DuckDB engine when it is to count, or ``None`` for the reference.
    """
    if engine == "reference":
        return None
    if engine == "duckdb" and form != "jsonl":
        rule = "the DuckDB engine reads a directory of JSON Lines files"
        raise InvalidValueError("summarize_file", "path", str(path), rule)
    try:
        module = importlib.import_module("antq._duckdb")
    except ImportError:
        if engine == "duckdb":
            msg = "the DuckDB engine needs DuckDB: pip install 'antq[duckdb]'"
            raise ExtraNotInstalledError(msg, name="duckdb") from None
        return None
    if engine == "auto":
        size = sum(
            (path / f"{name}.jsonl").stat().st_size
            for name in _STREAMED
            if (path / f"{name}.jsonl").exists()
        )
        if form != "jsonl" or size < LARGE:
            return None
    return module


def _streamed(
    path: Path,
    form: Literal["jsonl", "csv"],
    dataset: MovementDataset,
    problems: list[LoadProblem],
    scope: _Scope,
) -> Summary:
    """
    Count the dataset's sessions and tips as they stream from their files.
    """

    def accepted(section: str) -> Iterator[object]:
        for record in _stream_section(path, section, form=form):
            if isinstance(record, RejectedRecord):
                problems.extend(record.problems)
            else:
                yield record

    sessions, tips = accepted("sessions"), accepted("tips")
    try:
        summary = summarize_records(
            dataset.registry,
            dataset.period,
            sessions=sessions,  # type: ignore[arg-type]
            tips=tips,  # type: ignore[arg-type]
            model_groups=dataset.model_groups,
            reintegration_cases=dataset.reintegration_cases,
            declared_tallies=dataset.declared_tallies,
            unit=scope.unit,
            descendants=scope.descendants,
            as_of=scope.as_of,
        )
    except UnknownUnitError:
        # The unit may be one that was rejected: every problem is said first.
        for _ in itertools.chain(sessions, tips):
            pass
        if problems:
            raise DatasetLoadError(problems, source=str(path)) from None
        raise
    if problems:
        raise DatasetLoadError(problems, source=str(path))
    return summary
