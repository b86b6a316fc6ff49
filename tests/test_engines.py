"""
Tests for summaries straight from dataset files (antq.engines.summarize_file).

The DuckDB engine itself is tested elsewhere; here a stand-in module takes its place,
so that what summarize_file decides (which engine, when to fall back) is tested alone.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
import tempfile
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from antq import engines, summarize
from antq.counting import Summary
from antq.engines import ENGINES, summarize_file
from antq.errors import DatasetLoadError, InvalidValueError, UnknownUnitError
from antq.formats import ExtraNotInstalledError, load, write_dataset
from antq.io import dataset_from_dict
from antq.testing import datasets

if TYPE_CHECKING:
    from antq.dataset import MovementDataset

#: DuckDB, reached through a module of type Any.
duckdb: Any = importlib.import_module("duckdb")

laws = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

DATASETS = datasets(
    max_campaigns=2,
    max_sessions=6,
    max_tips=10,
    max_model_groups=4,
    max_reintegration_cases=4,
    max_declared_tallies=4,
)

YEAR = {"start": "2017-01-01", "end": "2017-12-31"}
WARD, T01 = "01840", "01840-T01"

#: A ward of Bắc Kạn city in 2017: two sessions, three tips, a group and a tally.
DOCUMENT: dict[str, Any] = {
    "format_version": 1,
    "period": YEAR,
    "units": [
        {"code": "06", "name": "Bắc Kạn", "kind": "province"},
        {"code": "058", "name": "Bắc Kạn", "kind": "provincial_city", "parent_code": "06"},
        {"code": WARD, "name": "Đức Xuân", "kind": "ward", "parent_code": "058"},
        {"code": T01, "name": "Tổ 1", "kind": "residential_group", "parent_code": WARD},
    ],
    "sessions": [
        {
            "id": "S1",
            "held_on": "2017-03-08",
            "place_code": T01,
            "kind": "propaganda",
            "participant_turns": 45,
            "slips_collected": 40,
        },
        {
            "id": "S2",
            "held_on": "2017-09-02",
            "place_code": T01,
            "kind": "launch",
            "participant_turns": 120,
        },
    ],
    "tips": [
        {
            "id": "T1",
            "received_on": "2017-03-08",
            "receiving_unit_code": WARD,
            "channel": "form",
            "session_id": "S1",
            "assessment": "valuable",
            "assessed_on": "2017-03-20",
        },
        {
            "id": "T2",
            "received_on": "2017-06-01",
            "receiving_unit_code": WARD,
            "channel": "phone",
            "legal_kind": "denunciation",
        },
        {
            "id": "T3",
            "received_on": "2017-07-01",
            "receiving_unit_code": WARD,
            "channel": "form",
            "origin_code": T01,
        },
    ],
    "model_groups": [
        {
            "id": "G1",
            "kind": "mediation_group",
            "name": "Tổ hòa giải",
            "unit_code": T01,
            "established_on": "2015-06-01",
        }
    ],
    "declared_tallies": [
        {
            "id": "K1",
            "unit_code": WARD,
            "period": YEAR,
            "figure": "reintegration_cases",
            "value": 3,
            "category": "pardoned",
        }
    ],
}
DATASET = dataset_from_dict(DOCUMENT)


def written(directory: Path, form: str, dataset: MovementDataset = DATASET) -> Path:
    """
    Write *dataset* in *form* inside *directory*; return its path.
    """
    path = directory / {"json": "dataset.json", "xlsx": "dataset.xlsx"}.get(form, form)
    write_dataset(dataset, path, form=form)  # type: ignore[arg-type]
    return path


def lines(path: Path) -> list[str]:
    """
    Return the lines of a text file.
    """
    return path.read_text(encoding="utf-8").splitlines()


def write_lines(path: Path, text: list[str]) -> None:
    """
    Write the lines of a text file.
    """
    path.write_text("".join(line + "\n" for line in text), encoding="utf-8")


def sessions_and_tips(path: Path) -> int:
    """
    Return the bytes of the sessions and tips of a JSON Lines directory.
    """
    return sum((path / f"{name}.jsonl").stat().st_size for name in ("sessions", "tips"))


@st.composite
def scopes(draw: st.DrawFn, dataset: MovementDataset) -> dict[str, Any]:
    """
    Draw the options of a summary: a unit or none, below it or not, a day of judgement.
    """
    registry, end = dataset.registry, dataset.period.end
    codes = [unit.code for unit in registry.units] + [o.code for o in registry.organisations]
    return {
        "unit": draw(st.none() | st.sampled_from(codes)),
        "descendants": draw(st.booleans()),
        "as_of": draw(
            st.none() | st.dates(end - dt.timedelta(days=200), end + dt.timedelta(days=200))
        ),
    }


# A stand-in for antq._duckdb ------------------------------------------------------------------


class Stand:
    """
    A stand-in for antq's DuckDB engine: it records its calls and answers as told.
    """

    def __init__(self, answer: Summary | Exception) -> None:
        """
        Answer every call with *answer*, or raise it.
        """
        self.answer = answer
        self.calls: list[tuple[Path, dict[str, Any]]] = []

    def summarize_jsonl(self, directory: Path, *_: object, **options: Any) -> Summary:
        """
        Record the call; answer it.
        """
        self.calls.append((directory, options))
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


#: What the stand-in answers: a summary no dataset here gives.
ANSWER = Summary(sessions=999)


@pytest.fixture
def stand(monkeypatch: pytest.MonkeyPatch) -> Stand:
    """
    Put a stand-in in place of antq._duckdb, as antq.engines imports it.
    """
    module = Stand(ANSWER)

    def import_module(name: str) -> Any:
        return module if name == "antq._duckdb" else importlib.import_module(name)

    monkeypatch.setattr(engines, "importlib", types.SimpleNamespace(import_module=import_module))
    return module


@pytest.fixture
def no_duckdb(monkeypatch: pytest.MonkeyPatch) -> None:
    """
    Make antq.engines find no DuckDB engine: importing it fails.
    """

    def import_module(name: str) -> Any:
        if name == "antq._duckdb":
            msg = "No module named 'duckdb'"
            raise ImportError(msg, name="duckdb")
        return importlib.import_module(name)

    monkeypatch.setattr(engines, "importlib", types.SimpleNamespace(import_module=import_module))


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """
    Make every directory of JSON Lines large enough for DuckDB under ``engine="auto"``.
    """
    monkeypatch.setattr(engines, "LARGE", 0)


# The reference engine -----------------------------------------------------------------------


class TestReferenceEngine:
    """
    The reference engine gives the summary of the dataset the files hold.
    """

    @pytest.mark.parametrize("form", ["json", "jsonl", "csv"])
    @given(dataset=DATASETS, data=st.data())
    @laws
    def test_every_generated_dataset_sums_up_as_the_dataset(
        self, form: str, dataset: MovementDataset, data: st.DataObject
    ) -> None:
        """
        Written in any form, a dataset's file gives its summary, for any unit and day.
        """
        options = data.draw(scopes(dataset))
        with tempfile.TemporaryDirectory() as name:
            found = summarize_file(
                written(Path(name), form, dataset), engine="reference", **options
            )
        assert summarize(dataset, **options) == found

    @pytest.mark.parametrize("missing", ["sessions.jsonl", "tips.jsonl"])
    def test_a_missing_section_file_is_an_empty_section(self, tmp_path: Path, missing: str) -> None:
        """
        Without its sessions or its tips file, a directory sums up without them.
        """
        path = written(tmp_path, "jsonl")
        (path / missing).unlink()
        expected = summarize(load(path))
        assert expected == summarize_file(path, engine="reference")

    def test_a_workbook_sums_up_as_the_dataset(self, tmp_path: Path) -> None:
        """
        A workbook is read whole, then summarised.
        """
        assert summarize(DATASET) == summarize_file(written(tmp_path, "xlsx"))

    def test_a_json_file_sums_up_under_auto(self, tmp_path: Path) -> None:
        """
        ``auto`` reads a JSON file by the reference engine.
        """
        assert summarize(DATASET, unit=T01) == summarize_file(written(tmp_path, "json"), unit=T01)

    def test_every_problem_of_the_files_is_reported_at_once(self, tmp_path: Path) -> None:
        """
        A rejected tip, a rejected session and a bad unit line: all three, placed.
        """
        path = written(tmp_path, "jsonl")
        tips = lines(path / "tips.jsonl")
        tips[1] = tips[1].replace('"phone"', '"carrier pigeon"')
        write_lines(path / "tips.jsonl", tips)
        sessions = lines(path / "sessions.jsonl")
        sessions[0] = sessions[0].replace("45", "-45")
        write_lines(path / "sessions.jsonl", sessions)
        write_lines(path / "units.jsonl", [*lines(path / "units.jsonl"), '{"code": "07"}'])
        with pytest.raises(DatasetLoadError) as caught:
            summarize_file(path, engine="reference")
        found = {(Path(p.file or "").name, p.row) for p in caught.value.problems}
        assert {("tips.jsonl", 2), ("sessions.jsonl", 1), ("units.jsonl", 5)} == found

    def test_a_rejected_tip_is_reported_with_its_problem(self, tmp_path: Path) -> None:
        """
        The tip's own problem, with its file, row and column.
        """
        path = written(tmp_path, "jsonl")
        tips = lines(path / "tips.jsonl")
        tips[2] = tips[2].replace('"2017-07-01"', '"2017-07-32"')
        write_lines(path / "tips.jsonl", tips)
        with pytest.raises(DatasetLoadError) as caught:
            summarize_file(path, engine="reference")
        assert [("tips.jsonl", 3, "received_on", "not a calendar date")] == [
            (Path(p.file or "").name, p.row, p.column, p.reason) for p in caught.value.problems
        ]

    def test_a_directory_mixing_the_forms_raises(self, tmp_path: Path) -> None:
        """
        A directory holding both .csv and .jsonl section files is not read.
        """
        path = written(tmp_path, "jsonl")
        (path / "tips.csv").write_text("id\n", encoding="utf-8")
        with pytest.raises(DatasetLoadError, match=r"both \.jsonl and \.csv"):
            summarize_file(path)

    def test_a_directory_without_its_header_raises(self, tmp_path: Path) -> None:
        """
        Without dataset.json there is no period, and no summary.
        """
        path = written(tmp_path, "jsonl")
        (path / "dataset.json").unlink()
        with pytest.raises(DatasetLoadError, match=r"no dataset\.json"):
            summarize_file(path)

    @pytest.mark.parametrize(
        ("name", "reason"),
        [
            ("tip.jsonl", "unknown section file; did you mean 'tips.jsonl'?"),
            ("zzzzzzzzzz.jsonl", "unknown section file"),
        ],
    )
    def test_a_section_file_of_an_unknown_name_is_reported(
        self, tmp_path: Path, name: str, reason: str
    ) -> None:
        """
        A file that names no section is a problem, with a guess at the name meant.
        """
        path = written(tmp_path, "jsonl")
        (path / name).write_text("", encoding="utf-8")
        with pytest.raises(DatasetLoadError) as caught:
            summarize_file(path)
        assert [(name, reason)] == [
            (Path(p.file or "").name, p.reason) for p in caught.value.problems
        ]

    def test_a_directory_that_cannot_be_listed_raises(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        A directory the system refuses to list is a load error.
        """
        path = written(tmp_path, "jsonl")

        def refuse(_: Path) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, "iterdir", refuse)
        with pytest.raises(DatasetLoadError, match="cannot be read: Permission denied"):
            summarize_file(path)

    def test_an_unknown_unit_is_refused(self, tmp_path: Path) -> None:
        """
        A unit not in the registry raises, as summarize raises.
        """
        with pytest.raises(UnknownUnitError):
            summarize_file(written(tmp_path, "jsonl"), unit="09999")

    def test_the_problems_come_first_when_the_unit_asked_for_was_rejected(
        self, tmp_path: Path
    ) -> None:
        """
        The unit asked for was rejected: the files' problems are reported.
        """
        path = written(tmp_path, "jsonl")
        units = lines(path / "units.jsonl")
        units[3] = units[3].replace('"residential_group"', '"street"')
        write_lines(path / "units.jsonl", units)
        with pytest.raises(DatasetLoadError):
            summarize_file(path, engine="reference", unit=T01)

    def test_a_line_holding_two_tips_is_refused(self, tmp_path: Path) -> None:
        """
        Two objects on one line are a problem, as load says.
        """
        path = written(tmp_path, "jsonl")
        one, two, three = lines(path / "tips.jsonl")
        write_lines(path / "tips.jsonl", [one, f"{two} {three}", ""])
        with pytest.raises(DatasetLoadError):
            load(path)
        with pytest.raises(DatasetLoadError):
            summarize_file(path, engine="reference")

    @pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
    def test_the_collector_is_restored_after(self, tmp_path: Path, *, enabled: bool) -> None:
        """
        The collector, paused while the files are read, is as it was after.
        """
        path = written(tmp_path, "jsonl")
        was = gc.isenabled()
        try:
            (gc.enable if enabled else gc.disable)()
            summarize_file(path)
            after = gc.isenabled()
        finally:
            (gc.enable if was else gc.disable)()
        assert enabled == after


# Choosing the engine ------------------------------------------------------------------------


class TestEngines:
    """
    Which engine counts: the one asked for, or under ``auto`` the one the size calls for.
    """

    @pytest.mark.parametrize("engine", ["fast", "DuckDB", ""])
    def test_an_unknown_engine_is_refused(self, tmp_path: Path, engine: str) -> None:
        """
        An engine is one of ENGINES.
        """
        with pytest.raises(InvalidValueError, match="an engine is one of"):
            summarize_file(written(tmp_path, "jsonl"), engine=engine)  # type: ignore[arg-type]

    def test_the_engines_are_auto_reference_and_duckdb(self) -> None:
        """
        Three engines, ``auto`` first.
        """
        assert ("auto", "reference", "duckdb") == ENGINES

    @pytest.mark.usefixtures("stand")
    @pytest.mark.parametrize("form", ["json", "csv", "xlsx"])
    def test_duckdb_reads_only_a_directory_of_json_lines(self, tmp_path: Path, form: str) -> None:
        """
        A JSON file, a workbook or a CSV directory is refused to the DuckDB engine.
        """
        with pytest.raises(InvalidValueError, match="directory of JSON Lines"):
            summarize_file(written(tmp_path, form), engine="duckdb")

    @pytest.mark.usefixtures("no_duckdb")
    def test_duckdb_without_duckdb_raises(self, tmp_path: Path) -> None:
        """
        Asked for by name, a missing DuckDB is an extra not installed.
        """
        with pytest.raises(ExtraNotInstalledError, match=r"antq\[duckdb\]"):
            summarize_file(written(tmp_path, "jsonl"), engine="duckdb")

    def test_duckdb_counts_when_asked_for(self, tmp_path: Path, stand: Stand) -> None:
        """
        Asked for by name, DuckDB counts, whatever the size, with the options given.
        """
        path = written(tmp_path, "jsonl")
        found = summarize_file(path, engine="duckdb", unit=WARD, descendants=False)
        ((directory, options),) = stand.calls
        assert (ANSWER, path, WARD, False, None) == (
            found,
            directory,
            options["unit"],
            options["descendants"],
            options["as_of"],
        )

    def test_duckdb_is_given_the_other_sections_as_read(self, tmp_path: Path, stand: Stand) -> None:
        """
        The groups, cases and tallies are read by antq and handed to DuckDB.
        """
        summarize_file(written(tmp_path, "jsonl"), engine="duckdb")
        ((_, options),) = stand.calls
        assert (DATASET.model_groups, DATASET.reintegration_cases, DATASET.declared_tallies) == (
            tuple(options["model_groups"]),
            tuple(options["reintegration_cases"]),
            tuple(options["declared_tallies"]),
        )

    @pytest.mark.parametrize("over", [0, 1], ids=["at", "above"])
    def test_auto_takes_duckdb_at_the_large_size(
        self, tmp_path: Path, stand: Stand, monkeypatch: pytest.MonkeyPatch, over: int
    ) -> None:
        """
        Sessions and tips of LARGE bytes or more go to DuckDB.
        """
        path = written(tmp_path, "jsonl")
        monkeypatch.setattr(engines, "LARGE", sessions_and_tips(path) - over)
        found = summarize_file(path)
        assert (ANSWER, 1) == (found, len(stand.calls))

    @pytest.mark.usefixtures("large")
    def test_auto_counts_the_files_that_are_there(self, tmp_path: Path, stand: Stand) -> None:
        """
        A directory without sessions.jsonl is measured by its tips alone.
        """
        path = written(tmp_path, "jsonl")
        (path / "sessions.jsonl").unlink()
        summarize_file(path)
        assert 1 == len(stand.calls)

    def test_auto_takes_the_reference_below_the_large_size(
        self, tmp_path: Path, stand: Stand, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Sessions and tips of fewer bytes than LARGE are read by the reference engine.
        """
        path = written(tmp_path, "jsonl")
        monkeypatch.setattr(engines, "LARGE", sessions_and_tips(path) + 1)
        found = summarize_file(path)
        assert (summarize(DATASET), []) == (found, stand.calls)

    @pytest.mark.usefixtures("large")
    def test_auto_reads_a_csv_directory_by_the_reference(
        self, tmp_path: Path, stand: Stand
    ) -> None:
        """
        DuckDB reads JSON Lines only: a CSV directory, however large, goes to the reference.
        """
        found = summarize_file(written(tmp_path, "csv"))
        assert (summarize(DATASET), []) == (found, stand.calls)

    @pytest.mark.usefixtures("large", "no_duckdb")
    def test_auto_without_duckdb_quietly_takes_the_reference(self, tmp_path: Path) -> None:
        """
        Without DuckDB, ``auto`` reads large files by the reference engine, raising nothing.
        """
        assert summarize(DATASET) == summarize_file(written(tmp_path, "jsonl"))

    @pytest.mark.parametrize("engine", ["auto", "duckdb"])
    @pytest.mark.usefixtures("large")
    def test_the_reference_reads_the_files_duckdb_cannot_read(
        self, tmp_path: Path, stand: Stand, engine: str
    ) -> None:
        """
        When DuckDB fails on the files, the reference engine reads them.
        """
        stand.answer = duckdb.Error("Invalid Input Error: malformed JSON")
        found = summarize_file(written(tmp_path, "jsonl"), engine=engine)  # type: ignore[arg-type]
        assert (summarize(DATASET), 1) == (found, len(stand.calls))

    def test_the_reference_reports_what_duckdb_could_not_read(
        self, tmp_path: Path, stand: Stand
    ) -> None:
        """
        A tip DuckDB cannot read is reported by the reference engine, placed.
        """
        stand.answer = duckdb.Error("Invalid Input Error: malformed JSON")
        path = written(tmp_path, "jsonl")
        tips = lines(path / "tips.jsonl")
        tips[0] = tips[0][:-1]
        write_lines(path / "tips.jsonl", tips)
        with pytest.raises(DatasetLoadError) as caught:
            summarize_file(path, engine="duckdb")
        assert [("tips.jsonl", 1)] == [
            (Path(p.file or "").name, p.row) for p in caught.value.problems
        ]

    def test_another_error_of_duckdb_is_raised(self, tmp_path: Path, stand: Stand) -> None:
        """
        Only DuckDB's own errors send the files to the reference engine.
        """
        stand.answer = RuntimeError("a bug")
        with pytest.raises(RuntimeError, match="a bug"):
            summarize_file(written(tmp_path, "jsonl"), engine="duckdb")

    def test_duckdb_is_not_asked_when_another_section_has_problems(
        self, tmp_path: Path, stand: Stand
    ) -> None:
        """
        A problem read already: the reference engine reads the rest, and reports it all.
        """
        path = written(tmp_path, "jsonl")
        groups = lines(path / "model_groups.jsonl")
        write_lines(path / "model_groups.jsonl", [groups[0].replace("mediation_group", "choir")])
        with pytest.raises(DatasetLoadError) as caught:
            summarize_file(path, engine="duckdb")
        assert ([], [("model_groups.jsonl", 1)]) == (
            stand.calls,
            [(Path(p.file or "").name, p.row) for p in caught.value.problems],
        )
