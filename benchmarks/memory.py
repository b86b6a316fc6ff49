"""
Measure the peak memory of a summary as the tips alone grow, the rest held fixed.

    python benchmarks/memory.py DATASET [--times 1,10,50] [--output FILE]

``run.py`` grows every section with the size of a dataset: more tips come with more
communes, hamlets, sessions and groups, whose sets a summary keeps. This script holds
them fixed: for each factor it makes a copy of *DATASET* (a directory of JSON Lines)
whose ``tips.jsonl`` holds the dataset's tips that many times over (the other files
are linked), then summarises each copy with antq's reference engine and with its
DuckDB engine in a fresh process, and reports the process's peak RSS (``ru_maxrss``).
The tips repeated keep their identifiers: the summary does not read them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["main"]

ENGINES = ("reference", "duckdb")


def grown(dataset: Path, times: int, into: Path) -> Path:
    """
    Make a copy of *dataset* whose tips are repeated *times* times; return it.
    """
    target = into / f"tips-x{times}"
    target.mkdir(parents=True, exist_ok=True)
    for entry in dataset.iterdir():
        if entry.name == "tips.jsonl" or not entry.is_file():
            continue
        link = target / entry.name
        if not link.exists():
            link.symlink_to(entry.resolve())
    tips = dataset / "tips.jsonl"
    with (target / "tips.jsonl").open("wb") as stream:
        for _ in range(times):
            with tips.open("rb") as source:
                while block := source.read(1 << 20):
                    stream.write(block)
    return target


def peak(directory: Path, engine: str) -> tuple[int, float]:
    """
    Summarise *directory* in a fresh process; return its slips counted and peak MiB.
    """
    code = (
        "import json, resource, sys\n"
        "from antq.engines import summarize_file\n"
        "summary = summarize_file(sys.argv[1], engine=sys.argv[2])\n"
        "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n"
        "print(json.dumps([summary.slips_collected, rss]))\n"
    )
    output = subprocess.run(  # noqa: S603 - the same interpreter, with a fixed program
        [sys.executable, "-c", code, str(directory), engine],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    slips, rss = json.loads(output)
    return int(slips), float(rss)


def table(dataset: Path, factors: Sequence[int], workdir: Path) -> str:
    """
    Measure every factor with every engine; return the Markdown table.
    """
    with (dataset / "tips.jsonl").open("rb") as stream:
        tips = sum(1 for line in stream if line.strip())
    rows = [
        "| tips | " + " | ".join(f"{engine} engine, peak MiB" for engine in ENGINES) + " |",
        "|---|" + "---|" * len(ENGINES),
    ]
    first: dict[str, float] = {}
    last: dict[str, float] = {}
    for times in factors:
        copy = grown(dataset, times, workdir)
        cells = []
        for engine in ENGINES:
            _, rss = peak(copy, engine)
            first.setdefault(engine, rss)
            last[engine] = rss
            cells.append(f"{rss:,.0f}")
        rows.append(f"| {tips * times:,} | " + " | ".join(cells) + " |")
    growth = [f"{last[engine] - first[engine]:+,.0f} MiB" for engine in ENGINES]
    rows.append(f"| growth, first to last | {' | '.join(growth)} |")
    return "\n".join(rows) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the measurement and print (and write) its table.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument("dataset", type=Path, help="a dataset: a directory of JSON Lines")
    parser.add_argument("--times", default="1,10,50", help="the factors, comma-separated")
    parser.add_argument("--output", type=Path, help="also write the table to this file")
    arguments = parser.parse_args(argv)
    factors = [int(factor) for factor in arguments.times.split(",")]
    with tempfile.TemporaryDirectory() as workdir:
        text = table(arguments.dataset, factors, Path(workdir))
    print(text, end="")
    if arguments.output is not None:
        arguments.output.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
