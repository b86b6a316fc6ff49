"""
Measure antq against its peers on generated datasets, and write the results as Markdown.

    python benchmarks/run.py [--sizes 100k,1m,5m] [--repeat 5] [--workdir DIR]
                             [--output docs/performance-results.md] [--seed 1]
    python benchmarks/run.py --quick     # 2,000 tips, one run, in a temporary directory

For each size, the dataset of :mod:`generate` is written in the work directory, or
reused when a complete one of the same size and seed is there. Then every contender is
run in a fresh process for each repetition, so that the peak memory measured
(``ru_maxrss``, read in the process at its end) is that contender's own; only the
measured operation is timed, with :func:`time.perf_counter`, inside that process.

- **load**: read ``tips.jsonl`` into records. antq:
  ``list(antq.formats.iter_jsonl(path, antq.TipRecord, "tips"))``; pydantic:
  ``PydanticTip.model_validate_json(line)`` for each line; msgspec:
  ``msgspec.json.Decoder(MsgspecTip).decode(line)`` for each line (not
  ``decode_lines``, which would refuse the whole file for one bad line). antq's bulk
  reading, ``antq.formats.read_jsonl``, is measured too when antq has it. Every
  contender must accept every line.
- **serialise**: write the loaded records back as JSON Lines, informants included.
  antq: ``antq.formats.write_section`` (skipped while antq has no such function);
  pydantic: ``model_dump_json(exclude_defaults=True)``; msgspec:
  ``msgspec.json.encode``.
- **summary**: the figures of the whole dataset (additive ones and CR-11). antq:
  ``antq.engines.summarize_file`` with the reference and the DuckDB engine (skipped
  while antq has no such function); the hand-written DuckDB query and the polars
  lazy query of :mod:`peers`. All must give the same figures.

The garbage collector is treated the same in every contender: each measured operation
runs after ``gc.collect()`` with ``gc.disable()``; the loads are also measured with the
collector on. The exit status is 1 when a contender refuses a record or the figures
disagree, 0 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib
import importlib.metadata
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

__all__ = ["main"]

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[1]
# The sibling modules are imported as ``benchmarks.generate`` and ``benchmarks.peers``.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LOAD = ("antq", "antq read_jsonl", "pydantic", "msgspec")
SERIALISE = ("antq", "pydantic", "msgspec")
SUMMARY = ("antq reference engine", "antq DuckDB engine", "DuckDB SQL", "polars")
#: The figures compared between the summary contenders.
FIGURES = (
    "sessions",
    "participant_turns",
    "hamlets_mobilised",
    "slips_collected",
    "valuable_tips",
    "tips_decided_in_time",
    "tips_decided_late",
    "tips_overdue",
)
DEFAULT_SIZES = "100k,1m,5m"
DEFAULT_OUTPUT = ROOT / "docs" / "performance-results.md"
QUICK_SIZE = 2_000
_MIB = 1024 * 1024


# The measuring process ---------------------------------------------------------------


class Skipped(Exception):  # noqa: N818 - a contender that cannot run yet, not an error
    """
    The contender cannot run: antq lacks the function it calls.
    """


def _rss_mib() -> float:
    """
    Return the peak resident set size of this process so far, in MiB.
    """
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kibibytes, macOS bytes.
    return peak / _MIB if sys.platform == "darwin" else peak / 1024


def _timed(operation: Callable[[], T], *, collector: bool) -> tuple[T, float]:
    """
    Run *operation* after a full collection, with the collector on or off; time it.
    """
    gc.collect()
    if not collector:
        gc.disable()
    try:
        start = time.perf_counter()
        result = operation()
        seconds = time.perf_counter() - start
    finally:
        gc.enable()
    return result, seconds


#: A loader: the operation timed, and what splits its result into the records accepted
#: and the number refused, outside the time.
Loader = tuple["Callable[[], Any]", "Callable[[Any], tuple[list[Any], int]]"]


def _without_none(items: list[Any]) -> tuple[list[Any], int]:
    records = [item for item in items if item is not None]
    return records, len(items) - len(records)


def _antq_loader(path: Path) -> Loader:
    from antq import TipRecord  # noqa: PLC0415 - each process loads only its contender
    from antq.formats import RejectedRecord, iter_jsonl  # noqa: PLC0415

    def load() -> list[Any]:
        return list(iter_jsonl(path, TipRecord, "tips"))

    def split(items: list[Any]) -> tuple[list[Any], int]:
        records = [item for item in items if not isinstance(item, RejectedRecord)]
        return records, len(items) - len(records)

    return load, split


def _antq_bulk_loader(path: Path) -> Loader:
    from antq import TipRecord  # noqa: PLC0415

    read_jsonl = getattr(importlib.import_module("antq.formats"), "read_jsonl", None)
    if read_jsonl is None:
        msg = "antq.formats.read_jsonl does not exist yet"
        raise Skipped(msg)

    def load() -> tuple[list[Any], list[Any]]:
        accepted, rejected = read_jsonl(path, TipRecord, "tips")
        return accepted, rejected

    return load, lambda result: (result[0], len(result[1]))


def _pydantic_loader(path: Path) -> Loader:
    from benchmarks.peers import PydanticTip  # noqa: PLC0415
    from pydantic import ValidationError  # noqa: PLC0415

    def load() -> list[Any]:
        records: list[Any] = []
        with path.open("rb") as stream:
            for line in stream:
                if not line.strip():
                    continue
                try:
                    records.append(PydanticTip.model_validate_json(line))
                except ValidationError:
                    records.append(None)
        return records

    return load, _without_none


def _msgspec_loader(path: Path) -> Loader:
    import msgspec  # noqa: PLC0415
    from benchmarks.peers import MsgspecTip  # noqa: PLC0415

    def load() -> list[Any]:
        decode = msgspec.json.Decoder(MsgspecTip).decode
        records: list[Any] = []
        with path.open("rb") as stream:
            for line in stream:
                if not line.strip():
                    continue
                try:
                    records.append(decode(line))
                except msgspec.ValidationError:
                    records.append(None)
        return records

    return load, _without_none


_LOADERS = {
    "antq": _antq_loader,
    "antq read_jsonl": _antq_bulk_loader,
    "pydantic": _pydantic_loader,
    "msgspec": _msgspec_loader,
}


def _antq_writer() -> Callable[[list[Any], Path], None]:
    formats = importlib.import_module("antq.formats")
    write_section = getattr(formats, "write_section", None)
    if write_section is None:
        msg = "antq.formats.write_section does not exist yet"
        raise Skipped(msg)

    def write(records: list[Any], path: Path) -> None:
        write_section(path, "tips", records, include_informants=True)

    return write


def _pydantic_writer() -> Callable[[list[Any], Path], None]:
    def write(records: list[Any], path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="\n") as stream:
            for record in records:
                stream.write(record.model_dump_json(exclude_defaults=True))
                stream.write("\n")

    return write


def _msgspec_writer() -> Callable[[list[Any], Path], None]:
    import msgspec  # noqa: PLC0415

    def write(records: list[Any], path: Path) -> None:
        encode = msgspec.json.encode
        with path.open("wb") as stream:
            for record in records:
                stream.write(encode(record))
                stream.write(b"\n")

    return write


_WRITERS = {"antq": _antq_writer, "pydantic": _pydantic_writer, "msgspec": _msgspec_writer}


def _antq_summary(engine: str) -> Callable[[Path], dict[str, int]]:
    try:
        engines = importlib.import_module("antq.engines")
    except ModuleNotFoundError:
        msg = "antq.engines does not exist yet"
        raise Skipped(msg) from None
    summarize_file = getattr(engines, "summarize_file", None)
    if summarize_file is None:
        msg = "antq.engines.summarize_file does not exist yet"
        raise Skipped(msg)

    def summarize(directory: Path) -> dict[str, int]:
        summary = summarize_file(directory, engine=engine)
        return {name: int(getattr(summary, name)) for name in FIGURES}

    return summarize


def _peer_summary(contender: str) -> Callable[[Path], dict[str, int]]:
    from benchmarks import peers  # noqa: PLC0415

    compute = peers.duckdb_figures if contender == "DuckDB SQL" else peers.polars_figures
    return lambda directory: compute(directory).as_dict()


def _summarizer(contender: str) -> Callable[[Path], dict[str, int]]:
    if contender == "antq reference engine":
        return _antq_summary("reference")
    if contender == "antq DuckDB engine":
        return _antq_summary("duckdb")
    return _peer_summary(contender)


def _child_load(job: dict[str, Any]) -> dict[str, Any]:
    load, split = _LOADERS[job["contender"]](Path(job["directory"]) / "tips.jsonl")
    before = _rss_mib()
    result, seconds = _timed(load, collector=job["collector"])
    records, refused = split(result)
    return {"seconds": seconds, "records": len(records), "rejected": refused, "before": before}


def _child_serialise(job: dict[str, Any]) -> dict[str, Any]:
    write = _WRITERS[job["contender"]]()
    load, split = _LOADERS[job["contender"]](Path(job["directory"]) / "tips.jsonl")
    records, _ = split(load())
    output = Path(job["output"])
    before = _rss_mib()
    _, seconds = _timed(lambda: write(records, output), collector=job["collector"])
    written = output.stat().st_size
    with output.open("rb") as stream:
        lines = sum(1 for line in stream if line.strip())
    output.unlink()
    return {"seconds": seconds, "records": lines, "before": before, "bytes": written}


def _child_summary(job: dict[str, Any]) -> dict[str, Any]:
    summarize = _summarizer(job["contender"])
    directory = Path(job["directory"])
    before = _rss_mib()
    figures, seconds = _timed(lambda: summarize(directory), collector=job["collector"])
    return {"seconds": seconds, "figures": figures, "before": before}


def _child(spec: str) -> int:
    """
    Run one measured operation in this process; print its result as one JSON line.
    """
    job = json.loads(spec)
    operations = {"load": _child_load, "serialise": _child_serialise, "summary": _child_summary}
    try:
        result = operations[job["operation"]](job)
    except Skipped as skipped:
        result = {"skipped": str(skipped)}
    result["peak"] = _rss_mib()
    print(json.dumps(result))
    return 0


# The runner ----------------------------------------------------------------------------


@dataclass
class Measure:
    """
    The runs of one contender on one operation, size and collector setting.
    """

    seconds: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    before: list[float] = field(default_factory=list)
    records: list[int] = field(default_factory=list)
    figures: dict[str, int] | None = None
    written: int | None = None
    skipped: str | None = None

    @property
    def median(self) -> float:
        """
        The median time of the runs, in seconds.
        """
        return statistics.median(self.seconds)

    @property
    def peak(self) -> float:
        """
        The highest peak RSS of the runs, in MiB.
        """
        return max(self.peaks)

    @property
    def added(self) -> float:
        """
        The memory the operation added to the process, in MiB (median over the runs).
        """
        return statistics.median(p - b for p, b in zip(self.peaks, self.before, strict=True))


@dataclass
class Results:
    """
    Every measure, by size, operation, contender and collector setting.
    """

    sizes: list[int]
    repeat: int
    seed: int
    records: dict[int, dict[str, int]] = field(default_factory=dict)
    tips_bytes: dict[int, int] = field(default_factory=dict)
    measures: dict[tuple[int, str, str, bool], Measure] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def measure(self, size: int, operation: str, contender: str, *, collector: bool) -> Measure:
        """
        Return the measure of one contender, created empty if needed.
        """
        return self.measures.setdefault((size, operation, contender, collector), Measure())


def _run_child(job: dict[str, Any]) -> dict[str, Any]:
    # The command runs this very script with the interpreter running it.
    command = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(job)]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if finished.returncode != 0:
        last = (finished.stderr.strip().splitlines() or ["no message"])[-1]
        msg = f"{job['operation']} by {job['contender']} failed ({finished.returncode}): {last}"
        print(finished.stderr, file=sys.stderr)
        raise RuntimeError(msg)
    result: dict[str, Any] = json.loads(finished.stdout.strip().splitlines()[-1])
    return result


def _record(results: Results, size: int, job: dict[str, Any], outcome: dict[str, Any]) -> None:
    measure = results.measure(size, job["operation"], job["contender"], collector=job["collector"])
    if "skipped" in outcome:
        measure.skipped = outcome["skipped"]
        return
    measure.seconds.append(outcome["seconds"])
    measure.peaks.append(outcome["peak"])
    measure.before.append(outcome["before"])
    if "records" in outcome:
        measure.records.append(outcome["records"])
        expected = results.records[size]["tips"]
        if outcome["records"] != expected or outcome.get("rejected"):
            results.problems.append(
                f"{size} tips: {job['operation']} by {job['contender']}: "
                f"{outcome['records']} records for {expected} lines"
            )
    if "bytes" in outcome:
        measure.written = outcome["bytes"]
    if "figures" in outcome:
        measure.figures = outcome["figures"]


def _jobs(directory: Path, output: Path) -> list[dict[str, Any]]:
    """
    Return the jobs of one repetition at one size.
    """
    base = {"directory": str(directory)}
    jobs = [
        {**base, "operation": "load", "contender": contender, "collector": collector}
        for contender in LOAD
        for collector in (False, True)
    ]
    jobs += [
        {
            **base,
            "operation": "serialise",
            "contender": contender,
            "collector": False,
            "output": str(output / f"{contender}.jsonl"),
        }
        for contender in SERIALISE
    ]
    jobs += [
        {**base, "operation": "summary", "contender": contender, "collector": False}
        for contender in SUMMARY
    ]
    return jobs


def _dataset(size: int, seed: int, workdir: Path) -> tuple[Path, dict[str, int]]:
    """
    Return the directory of the dataset of *size* tips, generated unless it is there.
    """
    from benchmarks import generate  # noqa: PLC0415 - the measuring processes never need it

    directory = workdir / f"tips-{size}-seed-{seed}"
    stamp = directory / generate.STAMP
    if stamp.exists():
        written = json.loads(stamp.read_text(encoding="utf-8"))
        if (written["tips"], written["seed"], written["generator_version"]) == (
            size,
            seed,
            generate.GENERATOR_VERSION,
        ):
            print(f"{size} tips: reusing {directory}", flush=True)
            return directory, dict(written["records"])
    print(f"{size} tips: writing {directory}", flush=True)
    return directory, generate.generate(size, directory, seed=seed)


def measure_all(sizes: Sequence[int], repeat: int, seed: int, workdir: Path) -> Results:
    """
    Generate or reuse the datasets, and run every contender *repeat* times at each size.
    """
    results = Results(sorted(sizes), repeat, seed)
    output = workdir / "written"
    output.mkdir(parents=True, exist_ok=True)
    for size in results.sizes:
        directory, records = _dataset(size, seed, workdir)
        results.records[size] = records
        results.tips_bytes[size] = (directory / "tips.jsonl").stat().st_size
        skipped: set[tuple[str, str]] = set()
        for run in range(1, repeat + 1):
            print(f"{size} tips: run {run} of {repeat}", flush=True)
            for job in _jobs(directory, output):
                if (job["operation"], job["contender"]) in skipped:
                    continue
                try:
                    outcome = _run_child(job)
                except RuntimeError as error:
                    results.problems.append(f"{size} tips: {error}")
                    outcome = {"skipped": "failed: see the problems below"}
                if "skipped" in outcome:
                    skipped.add((job["operation"], job["contender"]))
                _record(results, size, job, outcome)
        _check_figures(results, size)
    return results


def _check_figures(results: Results, size: int) -> None:
    """
    Note every summary contender whose figures differ from the hand-written DuckDB query's.
    """
    reference = results.measure(size, "summary", "DuckDB SQL", collector=False).figures
    if reference is None:
        return
    expected = dict(reference)
    expected["slips_collected"] = reference["slips_collected"] + reference["session_tallies"]
    for contender in SUMMARY:
        figures = results.measure(size, "summary", contender, collector=False).figures
        if figures is None:
            continue
        if contender.startswith("antq"):
            got = {name: figures[name] for name in FIGURES}
            want = {name: expected[name] for name in FIGURES}
        else:
            got, want = figures, reference
        if got != want:
            results.problems.append(f"{size} tips: {contender} gives {got}, expected {want}")


# The report ----------------------------------------------------------------------------


def _seconds(value: float) -> str:
    return f"{value:.3f}" if value < 10 else f"{value:,.1f}"


def _mib(value: float) -> str:
    return f"{value:,.0f}"


def _ratio(numerator: Measure, denominator: Measure) -> str:
    if not numerator.seconds or not denominator.seconds:
        return "–"
    return f"{numerator.median / denominator.median:.2f}"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def machine_line() -> str:
    """
    Describe the machine, the interpreter, the libraries and the day, in one line.
    """
    libraries = ", ".join(
        f"{name} {_version(name)}" for name in ("antq", "pydantic", "msgspec", "polars", "duckdb")
    )
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"Machine: {platform.platform()}, {os.cpu_count()} CPUs (load average {load} at the "
        f"end); Python {platform.python_version()}; {libraries}; "
        f"{dt.datetime.now(dt.UTC).date().isoformat()}."
    )


def _size_label(results: Results, size: int) -> str:
    return f"{size:,} tips ({results.tips_bytes[size] / _MIB:,.1f} MiB)"


def _load_rows(results: Results) -> list[list[str]]:
    rows = []
    for size in results.sizes:
        for contender in LOAD:
            off = results.measure(size, "load", contender, collector=False)
            on = results.measure(size, "load", contender, collector=True)
            skipped = off.skipped or on.skipped
            if skipped:
                rows.append([_size_label(results, size), contender, *["–"] * 7, skipped])
                continue
            if not off.seconds or not on.seconds:
                continue
            rows.append(
                [
                    _size_label(results, size),
                    contender,
                    f"{off.records[-1]:,}",
                    _seconds(off.median),
                    f"{size / off.median:,.0f}",
                    _seconds(on.median),
                    f"{size / on.median:,.0f}",
                    _mib(off.peak),
                    _mib(off.added),
                    "",
                ]
            )
    return rows


def _serialise_rows(results: Results) -> list[list[str]]:
    rows = []
    for size in results.sizes:
        for contender in SERIALISE:
            measure = results.measure(size, "serialise", contender, collector=False)
            if measure.skipped:
                rows.append([_size_label(results, size), contender, *["–"] * 5, measure.skipped])
                continue
            if not measure.seconds:
                continue
            rows.append(
                [
                    _size_label(results, size),
                    contender,
                    _seconds(measure.median),
                    f"{size / measure.median:,.0f}",
                    f"{(measure.written or 0) / _MIB:,.1f}",
                    _mib(measure.peak),
                    _mib(measure.added),
                    "",
                ]
            )
    return rows


def _summary_rows(results: Results) -> list[list[str]]:
    rows = []
    for size in results.sizes:
        read = sum(results.records[size][section] for section in ("tips", "sessions", "units"))
        for contender in SUMMARY:
            measure = results.measure(size, "summary", contender, collector=False)
            if measure.skipped:
                rows.append([_size_label(results, size), contender, *["–"] * 4, measure.skipped])
                continue
            if not measure.seconds:
                continue
            rows.append(
                [
                    _size_label(results, size),
                    contender,
                    _seconds(measure.median),
                    f"{read / measure.median:,.0f}",
                    _mib(measure.peak),
                    _mib(measure.added),
                    "",
                ]
            )
    return rows


def _ratio_rows(results: Results) -> list[list[str]]:
    rows = []
    for size in results.sizes:
        for label, operation, collector, contenders in (
            ("load, collector off", "load", False, ("antq", "antq read_jsonl")),
            ("load, collector on", "load", True, ("antq", "antq read_jsonl")),
            ("serialise", "serialise", False, ("antq",)),
        ):
            pydantic, msgspec = (
                results.measure(size, operation, peer, collector=collector)
                for peer in ("pydantic", "msgspec")
            )
            for contender in contenders:
                antq = results.measure(size, operation, contender, collector=collector)
                if antq.seconds:
                    rows.append(
                        [
                            _size_label(results, size),
                            f"{label}: {contender}",
                            _ratio(antq, pydantic),
                            _ratio(antq, msgspec),
                        ]
                    )
    return rows


def _summary_ratio_rows(results: Results) -> list[list[str]]:
    rows = []
    for size in results.sizes:
        sql = results.measure(size, "summary", "DuckDB SQL", collector=False)
        polars = results.measure(size, "summary", "polars", collector=False)
        for contender in ("antq DuckDB engine", "antq reference engine"):
            antq = results.measure(size, "summary", contender, collector=False)
            rows.append(
                [_size_label(results, size), contender, _ratio(antq, sql), _ratio(antq, polars)]
            )
    return rows


def _growth_rows(results: Results) -> list[list[str]]:
    smallest, largest = results.sizes[0], results.sizes[-1]
    rows = []
    for contender in SUMMARY:
        measures = [
            results.measure(size, "summary", contender, collector=False) for size in results.sizes
        ]
        if any(not measure.peaks for measure in measures):
            continue
        first, last = measures[0].peak, measures[-1].peak
        growth = (
            f"{last - first:+,.0f} MiB (× {last / first:.2f}) for × {largest / smallest:,.0f} tips"
            if largest > smallest
            else "– (one size)"
        )
        rows.append([contender, *(_mib(measure.peak) for measure in measures), growth])
    return rows


def _figure_rows(results: Results) -> list[list[str]]:
    rows = []
    for size in results.sizes:
        by_contender = {
            contender: results.measure(size, "summary", contender, collector=False).figures
            for contender in SUMMARY
        }
        for name in FIGURES:
            cells = []
            for contender in SUMMARY:
                figures = by_contender[contender]
                if figures is None:
                    cells.append("–")
                elif name == "slips_collected" and "session_tallies" in figures:
                    records, tallies = figures[name], figures["session_tallies"]
                    cells.append(f"{records:,} + {tallies:,} = {records + tallies:,}")
                else:
                    cells.append(f"{figures[name]:,}")
            rows.append([f"{size:,} tips", name, *cells])
    return rows


_METHOD = (
    "Each run is made in a fresh process, which times the operation alone with "
    "`time.perf_counter()`. Every measured operation runs after `gc.collect()` with the "
    "garbage collector disabled (`gc.disable()`); the loads are measured with it on as well. "
    "Peak RSS is the process's `ru_maxrss` at its end, the highest of the runs; *added* is "
    "that peak less the `ru_maxrss` read just before the operation (after the interpreter, "
    "the imports and, for writing, the loading of the records), the median of the runs: "
    "the memory the operation needed beyond what the process had already used."
)
_LOAD = (
    "**Loading `tips.jsonl`**, in tips per second. antq: "
    '`list(antq.formats.iter_jsonl(path, TipRecord, "tips"))`; pydantic: '
    "`PydanticTip.model_validate_json(line)` per line (strict, with pydantic's Rust "
    "regular expressions); msgspec: "
    "`msgspec.json.Decoder(MsgspecTip).decode(line)` per line. antq read_jsonl: the bulk "
    '`antq.formats.read_jsonl(path, TipRecord, "tips")`, which pauses the collector itself '
    "while it reads, so that its two columns measure the same reading. Every contender must "
    "accept every line; the problems below say otherwise."
)
_SERIALISE = (
    "**Writing the loaded tips back as JSON Lines**, informants included. antq: "
    '`antq.formats.write_section(path, "tips", records, include_informants=True)`; '
    "pydantic: `model_dump_json(exclude_defaults=True)`; msgspec: `msgspec.json.encode` "
    "(Structs with `omit_defaults=True`)."
)
_RATIOS = "**Time ratios**: antq's median time divided by the peer's; above 1, antq is slower."
_SUMMARY = (
    "**Summary of the whole dataset**: sessions, participant-turns, hamlets mobilised, "
    "slips collected and slips of value, and the tips decided in time, late or overdue "
    "under Điều 147 with its extensions (CR-11), read from `units.jsonl`, `sessions.jsonl` "
    "and `tips.jsonl`; records per second count the lines of the three files. antq's "
    "engines read and check the other sections too, and count the model groups, people "
    "helped and organisations of the summary besides."
)
_ENGINE_RATIOS = (
    "**antq's engines against the hand-written queries**: antq's median time divided by "
    "the query's; above 1, antq is slower."
)
_GROWTH = "**Peak memory of the summaries by size**, in MiB."
_FIGURES = (
    "**The figures computed.** The hand-written queries count the slips of the records "
    "(tips of channel `form`) and, apart, the tallies of the sessions no slip refers to; "
    "antq's CR-04 counts both."
)


def report(results: Results) -> str:
    """
    Return the results as a Markdown fragment: plain pipe tables and paragraphs.
    """
    runs = "one run" if results.repeat == 1 else f"the median of {results.repeat} runs"
    load_header = [
        "dataset",
        "contender",
        "records",
        "s, collector off",
        "records/s, off",
        "s, collector on",
        "records/s, on",
        "peak RSS MiB",
        "added MiB",
        "note",
    ]
    serialise_header = [
        "dataset",
        "contender",
        "s",
        "records/s",
        "written MiB",
        "peak RSS MiB",
        "added MiB",
        "note",
    ]
    summary_header = ["dataset", "contender", "s", "records/s", "peak RSS MiB", "added MiB", "note"]
    sizes = [f"{size:,} tips" for size in results.sizes]
    lines = [
        machine_line(),
        "",
        (
            f"Times are {runs}, in seconds. {_METHOD} The datasets are made up by "
            f"`benchmarks/generate.py` (seed {results.seed})."
        ),
        "",
        _LOAD,
        "",
        *_table(load_header, _load_rows(results)),
        _SERIALISE,
        "",
        *_table(serialise_header, _serialise_rows(results)),
        _RATIOS,
        "",
        *_table(
            ["dataset", "operation", "antq / pydantic", "antq / msgspec"], _ratio_rows(results)
        ),
        _SUMMARY,
        "",
        *_table(summary_header, _summary_rows(results)),
        _ENGINE_RATIOS,
        "",
        *_table(
            ["dataset", "antq engine", "time / DuckDB SQL", "time / polars"],
            _summary_ratio_rows(results),
        ),
        _GROWTH,
        "",
        *_table(["contender", *sizes, "growth, smallest to largest"], _growth_rows(results)),
        _FIGURES,
        "",
        *_table(["dataset", "figure", *SUMMARY], _figure_rows(results)),
    ]
    if results.problems:
        lines += ["**Problems.**", "", *(f"- {problem}" for problem in results.problems), ""]
    return "\n".join(lines)


def sizes(text: str) -> list[int]:
    """
    Return the numbers of tips of a comma-separated list: ``100k,1m,5m``.

    Raises:
        ValueError: When a part names no positive number of tips, or none is named.
    """
    from benchmarks.generate import parse_size  # noqa: PLC0415

    parts = [parse_size(part) for part in text.split(",") if part.strip()]
    if not parts:
        msg = f"name at least one size: {text!r}"
        raise ValueError(msg)
    return parts


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Measure antq against pydantic, msgspec, DuckDB and polars."
    )
    parser.add_argument(
        "--sizes",
        default=DEFAULT_SIZES,
        type=sizes,
        help=f"the numbers of tips, comma-separated (default {DEFAULT_SIZES})",
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="the runs of each contender (default 5)"
    )
    parser.add_argument("--seed", type=int, default=1, help="the seed of the datasets (default 1)")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "antq-benchmarks",
        help="where the datasets are written and reused (default: antq-benchmarks in the temp dir)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=None,
        help="the Markdown file written (default docs/performance-results.md)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_SIZE:,} tips, one run, in a temporary directory, output to a temporary file",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the benchmarks; write and print the Markdown fragment. Return the exit status.
    """
    arguments = _arguments(argv)
    if arguments.child is not None:
        return _child(arguments.child)
    if arguments.repeat < 1:
        print("run.py: --repeat must be 1 or more", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="antq-benchmarks-") as scratch:
        if arguments.quick:
            sizes, repeat, workdir = [QUICK_SIZE], 1, Path(scratch)
            output = arguments.output or Path(scratch).parent / f"antq-benchmarks-{os.getpid()}.md"
        else:
            sizes, repeat, workdir = arguments.sizes, arguments.repeat, arguments.workdir
            output = arguments.output or DEFAULT_OUTPUT
        results = measure_all(sizes, repeat, arguments.seed, workdir)
    text = report(results)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(text)
    print(f"Written to {output}.")
    return 1 if results.problems else 0


if __name__ == "__main__":
    sys.exit(main())
