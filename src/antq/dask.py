"""
Summaries of many dataset files, counted in parallel by Dask.

The module needs the ``dask`` extra (``pip install "antq[dask]"``). Each dataset file
or directory is one task of a ``dask.bag.Bag``, summarised on its own by
:func:`antq.engines.summarize_file`; the partial summaries are then folded with
:meth:`antq.Summary.merge`. Summaries form a commutative monoid, whose identity is the
empty summary ``Summary()``, so the scheduler may merge them in any order and grouping:
the result is the same, and the summary of no file is ``Summary()``.

What merging means across files:

- Each file is counted on its own, with its own registry and period. The rules that
  read across records apply within a file: a declared tally (CR-10) is set aside for
  the records of its own file, never for those of another, and a slip record supersedes
  the tally of slips of a session in its own file only (CR-04), so a session and the
  slips that refer to it belong in the same file.
- The merge law takes the records behind the summaries to be disjoint: the files should
  hold disjoint units (the communes of a province) or disjoint periods (the months of a
  year). Records held in two files, such as a commune's file and its district's, count
  twice in the sums, and so do declared tallies.
- Distinct figures are sets: a hamlet mobilised, a model group, a reintegration case or
  an organisation counted in two files (a group active in two months) counts once.
- Tips are judged overdue (CR-11) on *as_of*, by default on the last day of each file's
  own period: give *as_of* for files of different periods, so that every tip is judged
  on the same day.
- *unit*, when given, must be a unit of every file's registry.

The scheduler is Dask's: ``"sync"`` (one thread, for debugging), ``"threads"``,
``"processes"``, or a ``dask.distributed`` client, which runs the tasks on its cluster.
``None`` leaves the choice to Dask: the client or scheduler set up by the caller, or
else Dask's default for bags, a pool of processes. The module starts no cluster. Each
task reads its file by its path: on a cluster, every worker must reach the paths.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import dask.bag

from antq.counting import Summary
from antq.engines import summarize_file

if TYPE_CHECKING:
    import datetime as dt
    import os
    from collections.abc import Iterable

    from antq.engines import Engine

__all__ = ["partial_summaries", "summarize_files"]


def partial_summaries(
    paths: Iterable[str | os.PathLike[str]],
    *,
    engine: Engine = "reference",
    unit: str | None = None,
    as_of: dt.date | None = None,
) -> dask.bag.Bag:
    """
    Return a bag of the summaries of dataset files, one per file, not yet computed.

    Each file is a partition of its own, summarised by
    :func:`antq.engines.summarize_file` when the bag is computed.

    Args:
        paths: The datasets, each in any form: a ``.json`` file, an ``.xlsx`` workbook,
            or a directory of ``.jsonl`` or ``.csv`` section files.
        engine: ``"reference"``, ``"duckdb"`` or ``"auto"``, as for
            :func:`~antq.engines.summarize_file`.
        unit: The unit's code, in every file's registry; ``None`` counts every unit.
        as_of: The day tips are judged overdue (CR-11); the last day of each file's
            period by default.

    Returns:
        A ``dask.bag.Bag`` of :class:`antq.Summary`, in the order of *paths*.
    """
    files = list(paths)
    # Dask does not annotate its bags' functions: what they return is typed here.
    bag = dask.bag.from_sequence(files, npartitions=max(len(files), 1))  # type: ignore[no-untyped-call]
    summaries: dask.bag.Bag = bag.map(summarize_file, engine=engine, unit=unit, as_of=as_of)
    return summaries


def summarize_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    engine: Engine = "reference",
    unit: str | None = None,
    as_of: dt.date | None = None,
    scheduler: object = None,
) -> Summary:
    """
    Count the figures of many dataset files in parallel, and merge them into one summary.

    Args:
        paths: The datasets, as for :func:`partial_summaries`; they should hold
            disjoint units or disjoint periods (see the module).
        engine: ``"reference"``, ``"duckdb"`` or ``"auto"``, as for
            :func:`~antq.engines.summarize_file`.
        unit: The unit's code, in every file's registry; ``None`` counts every unit.
        as_of: The day tips are judged overdue (CR-11); the last day of each file's
            period by default.
        scheduler: Dask's scheduler: ``"sync"``, ``"threads"``, ``"processes"``, a
            ``dask.distributed`` client, or ``None`` for Dask's choice (see the module).

    Returns:
        The merged summary; ``Summary()`` for no file.

    Raises:
        antq.errors.DatasetLoadError: When a file cannot be read or a record is refused.
        antq.errors.UnknownUnitError: When *unit* is not in a file's registry.
        antq.errors.InvalidValueError: When *engine* is not an engine.
    """
    bag = partial_summaries(paths, engine=engine, unit=unit, as_of=as_of)
    # Bag.fold is not annotated: its Item is typed by what it computes.
    merged = bag.fold(Summary.merge, initial=Summary())  # type: ignore[no-untyped-call]
    summary: Summary = merged.compute(scheduler=scheduler)
    return summary
