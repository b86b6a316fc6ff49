"""
Tests of the Dask adapter, which summarises many dataset files in parallel (antq.dask).
"""

from __future__ import annotations

import datetime as dt
import functools
import pickle
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeAlias

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

pytest.importorskip("dask.bag")

from antq import (
    InvalidValueError,
    MovementDataset,
    Period,
    Summary,
    TipChannel,
    TipLegalKind,
    TipRecord,
    UnknownUnitError,
    summarize,
    testing,
)
from antq.dask import partial_summaries, summarize_files
from antq.formats import write_dataset
from antq.io import load_example

if TYPE_CHECKING:
    from collections.abc import Iterable

    import dask.bag

#: The forms a test writes its datasets in.
Form: TypeAlias = Literal["json", "jsonl", "csv"]
FORMS: tuple[Form, ...] = ("json", "jsonl", "csv")

#: The bundled example's periods, one file each: disjoint periods that cover it.
PARTS = (Period.year(2016), Period.year(2017), Period.parse("2018-01..2018-05"))

#: A ward of the bundled example.
WARD = "01840"

#: Whole datasets take a while to draw: a few examples each, to keep the module quick.
few = settings(suppress_health_check=[HealthCheck.too_slow], max_examples=30)


def part_of(dataset: MovementDataset, period: Period) -> MovementDataset:
    """
    Return the dataset of *period*: the sessions held and the tips received in it.
    """
    return attrs.evolve(
        dataset,
        period=period,
        sessions=[session for session in dataset.sessions if period.contains(session.held_on)],
        tips=[tip for tip in dataset.tips if period.contains(tip.received_on)],
    )


@attrs.frozen
class Files:
    """
    Dataset files written for a test, and the datasets they hold.
    """

    paths: tuple[Path, ...]
    datasets: tuple[MovementDataset, ...]

    def merged(self, *, unit: str | None = None, as_of: dt.date | None = None) -> Summary:
        """
        Return the merge of the datasets' own summaries.
        """
        summaries = (summarize(dataset, unit=unit, as_of=as_of) for dataset in self.datasets)
        return functools.reduce(Summary.merge, summaries, Summary())


def write_all(datasets: Iterable[MovementDataset], directory: Path, forms: Iterable[Form]) -> Files:
    """
    Write each dataset in its form: a ``.json`` file, or a directory of section files.
    """
    paths = []
    kept = []
    for index, (dataset, form) in enumerate(zip(datasets, forms, strict=True)):
        path = directory / (f"part-{index}.json" if form == "json" else f"part-{index}")
        write_dataset(dataset, path, form=form)
        paths.append(path)
        kept.append(dataset)
    return Files(tuple(paths), tuple(kept))


def computed(bag: dask.bag.Bag) -> list[Summary]:
    """
    Compute a bag of summaries on Dask's synchronous scheduler.
    """
    # Dask does not annotate Bag.compute.
    summaries: list[Summary] = bag.compute(scheduler="sync")  # type: ignore[no-untyped-call]
    return summaries


@pytest.fixture(scope="module")
def example() -> MovementDataset:
    """
    The bundled example, read once.
    """
    return load_example()


@pytest.fixture(scope="module")
def yearly(example: MovementDataset, tmp_path_factory: pytest.TempPathFactory) -> Files:
    """
    The bundled example in three files, one per period of :data:`PARTS`; the last is JSON.
    """
    parts = [part_of(example, period) for period in PARTS]
    return write_all(parts, tmp_path_factory.mktemp("yearly"), ["jsonl", "jsonl", "json"])


class TestSummariesTravel:
    """
    A summary crosses a process boundary unchanged.
    """

    @given(testing.datasets(max_declared_tallies=4))
    @few
    def test_a_summary_unpickles_equal_at_every_protocol(self, dataset: MovementDataset) -> None:
        """
        A dataset's summary, pickled and unpickled, is equal to itself.
        """
        summary = summarize(dataset)
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            assert summary == pickle.loads(pickle.dumps(summary, protocol=protocol))  # noqa: S301


class TestPartialSummaries:
    """
    partial_summaries() holds one summary per file, in order.
    """

    def test_each_file_is_a_partition_of_its_own(self, yearly: Files) -> None:
        """
        The bag has as many partitions as files.
        """
        assert len(PARTS) == partial_summaries(yearly.paths).npartitions

    def test_the_bag_holds_each_files_summary_in_order(self, yearly: Files) -> None:
        """
        Computed, the bag lists the summary of each file, in the order given.
        """
        bag = partial_summaries(yearly.paths)
        assert [summarize(dataset) for dataset in yearly.datasets] == computed(bag)

    def test_the_bag_of_no_file_is_empty(self) -> None:
        """
        No path makes an empty bag.
        """
        assert [] == computed(partial_summaries([]))


class TestSummarizeFiles:
    """
    summarize_files() folds the files' summaries with Summary.merge.
    """

    @pytest.mark.parametrize(
        "scheduler",
        [
            pytest.param("sync", id="sync"),
            pytest.param("threads", id="threads"),
            # A pool of processes starts in under a second here: worth running.
            pytest.param("processes", id="processes"),
        ],
    )
    def test_the_fold_is_the_merge_of_each_files_summary(
        self, yearly: Files, scheduler: str
    ) -> None:
        """
        On each of Dask's local schedulers, the fold is the merge of the files' summaries.
        """
        assert yearly.merged() == summarize_files(yearly.paths, scheduler=scheduler)

    def test_files_of_disjoint_periods_merge_to_the_whole(
        self, yearly: Files, example: MovementDataset
    ) -> None:
        """
        Judged on one day, the files of the example's periods add up to the example.
        """
        merged = summarize_files(yearly.paths, as_of=example.period.end, scheduler="sync")
        assert summarize(example) == merged

    def test_the_day_tips_are_judged_is_passed_on(
        self, example: MovementDataset, tmp_path: Path
    ) -> None:
        """
        A denunciation left undecided is overdue at the year's end, not on the next day.
        """
        tip = TipRecord(
            id="T1",
            received_on=dt.date(2017, 3, 10),
            receiving_unit_code=WARD,
            channel=TipChannel.PHONE,
            legal_kind=TipLegalKind.DENUNCIATION,
        )
        dataset = MovementDataset(Period.year(2017), example.registry, tips=[tip])
        files = write_all([dataset], tmp_path, ["jsonl"])
        next_day = summarize_files(files.paths, as_of=dt.date(2017, 3, 11), scheduler="sync")
        year_end = summarize_files(files.paths, scheduler="sync")
        assert (0, 1) == (next_day.tips_overdue, year_end.tips_overdue)

    def test_the_unit_is_passed_on(self, yearly: Files) -> None:
        """
        The unit restricts every file's summary to that unit.
        """
        merged = summarize_files(yearly.paths, unit=WARD, scheduler="sync")
        assert yearly.merged(unit=WARD) == merged
        assert summarize_files(yearly.paths, scheduler="sync") != merged

    def test_the_engine_is_passed_on(self, yearly: Files) -> None:
        """
        The engine reaches every file: DuckDB refuses the JSON file.
        """
        with pytest.raises(InvalidValueError):
            summarize_files(yearly.paths, engine="duckdb", scheduler="sync")

    def test_the_duckdb_engine_counts_as_the_reference_does(self, yearly: Files) -> None:
        """
        In Dask's tasks, DuckDB counts the directories of JSON Lines as the reference does.
        """
        pytest.importorskip("duckdb")
        directories = yearly.paths[:2]
        assert summarize_files(directories, scheduler="sync") == summarize_files(
            directories, engine="duckdb", scheduler="sync"
        )

    def test_a_files_error_is_raised(self, yearly: Files) -> None:
        """
        A unit missing from the files' registries raises UnknownUnitError, through Dask.
        """
        with pytest.raises(UnknownUnitError):
            summarize_files(yearly.paths, unit="99999", scheduler="sync")

    def test_the_fold_of_no_file_is_the_empty_summary(self) -> None:
        """
        No path folds to Summary(), the identity.
        """
        assert Summary() == summarize_files([], scheduler="sync")

    @given(
        files=st.lists(
            st.tuples(
                testing.datasets(max_declared_tallies=3),
                st.sampled_from(FORMS),
            ),
            max_size=3,
        ),
        scheduler=st.sampled_from(["sync", "threads"]),
    )
    @few
    def test_the_fold_of_generated_files_is_their_reduced_merge(
        self, files: list[tuple[MovementDataset, Form]], scheduler: str
    ) -> None:
        """
        For any datasets in any forms, the fold is functools.reduce of Summary.merge.
        """
        with tempfile.TemporaryDirectory() as directory:
            written = write_all(
                (dataset for dataset, _ in files), Path(directory), (form for _, form in files)
            )
            folded = summarize_files(written.paths, scheduler=scheduler)
        expected = functools.reduce(
            Summary.merge, [summarize(dataset) for dataset, _ in files], Summary()
        )
        assert expected == folded
