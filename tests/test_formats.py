"""
Tests for the dataset files in every form: JSON, JSON Lines, CSV and Excel (antq.formats).
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import importlib
import json
import sys
import tempfile
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from antq import (
    AntqError,
    DatasetLoadError,
    InvalidValueError,
    LoadProblem,
    MobilisationSession,
    MovementDataset,
    Outcome,
    Recognition,
    SecurityTeam,
    TipRecord,
    Unit,
    formats,
    official,
)
from antq.formats import (
    COLUMNS,
    FORMS,
    VIETNAMESE_HEADERS,
    ExtraNotInstalledError,
    ReadResult,
    RejectedRecord,
    iter_jsonl,
    load,
    locate_findings,
    read_dataset,
    write_dataset,
    write_rejects,
)
from antq.io import SECTIONS, dataset_from_dict, example_path
from antq.recognition import AssessmentFact
from antq.testing import datasets, dates, local_ids, names
from antq.validation import Finding, ValidationReport

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: openpyxl has no type information: it is reached through a module of type Any.
openpyxl: Any = importlib.import_module("openpyxl")

INFORMANT_NAME = "Nguyễn Văn Bí Mật"
PHONE = "0912345678"
SECTION_NAMES = [name for name, _ in SECTIONS]
#: The sections written only when they hold records; the older ones are always written.
NEWER = ["security_teams", "assessment_facts", "recognitions"]
OLDER = [name for name in SECTION_NAMES if name not in NEWER]


def document() -> dict[str, Any]:
    """
    Return a small valid dataset document with one record of every kind.
    """
    year = {"start": "2017-01-01", "end": "2017-12-31"}
    return {
        "format_version": 1,
        "period": year,
        "reporting_unit_code": "058",
        "description": "Phường Đức Xuân, 2017: a small example.",
        "units": [
            {"code": "06", "name": "Bắc Kạn", "kind": "province"},
            {"code": "058", "name": "Bắc Kạn", "kind": "provincial_city", "parent_code": "06"},
            {"code": "01840", "name": "Đức Xuân", "kind": "ward", "parent_code": "058"},
            {
                "code": "01840-T01",
                "name": "Tổ 1",
                "kind": "residential_group",
                "parent_code": "01840",
            },
        ],
        "organisations": [
            {
                "code": "TH-01840-01",
                "name": "Trường THCS Đức Xuân",
                "kind": "school",
                "unit_code": "01840",
                "school_level": "lower_secondary",
            }
        ],
        "campaigns": [
            {
                "id": "C1",
                "kind": "launch",
                "title": "Phát động phong trào năm 2017",
                "period": year,
                "organiser_code": "058",
            }
        ],
        "sessions": [
            {
                "id": "S1",
                "held_on": "2017-03-08",
                "place_code": "01840-T01",
                "kind": "propaganda",
                "participant_turns": 45,
                "slips_collected": 40,
                "campaign_id": "C1",
            }
        ],
        "tips": [
            {
                "id": "T1",
                "received_on": "2017-03-08",
                "receiving_unit_code": "01840",
                "channel": "form",
                "assessment": "valuable",
                "assessed_on": "2017-03-20",
                "extensions": [
                    {"granted_on": "2017-03-27", "until": "2017-05-08", "granted_by": "procuracy"}
                ],
                "informant": {"full_name": INFORMANT_NAME, "contact": PHONE},
            }
        ],
        "model_groups": [
            {
                "id": "G1",
                "kind": "mediation_group",
                "name": "Tổ hòa giải tổ 1",
                "unit_code": "01840-T01",
                "established_on": "2010-06-01",
                "member_count": 7,
            }
        ],
        "reintegration_cases": [
            {
                "id": "R1",
                "category": "released_prisoner",
                "unit_code": "01840-T01",
                "period": {"start": "2017-02-01", "end": "2017-12-31"},
                "progressed": True,
            }
        ],
        "declared_tallies": [
            {
                "id": "D1",
                "unit_code": "01840",
                "period": year,
                "figure": "model_groups",
                "value": 2,
                "group_kind": "youth_shock_team",
            }
        ],
    }


DATASET = dataset_from_dict(document())


def filled_document() -> dict[str, Any]:
    """
    Return the small document with records in the newer sections too.

    Loading checks no date against the period, nor any code against the registry: a team
    set up in 2024 sits in a dataset of 2017 here.
    """
    values = document()
    values["units"].append(
        {"code": "01840-T02", "name": "Tổ 2", "kind": "residential_group", "parent_code": "01840"}
    )
    values["security_teams"] = [
        {
            "id": "TBV-1",
            "commune_code": "01840",
            "hamlet_codes": ["01840-T01", "01840-T02"],
            "established_on": "2024-07-01",
            "leaders": 1,
            "deputies": 1,
            "members": 3,
        },
        {
            "id": "TBV-2",
            "commune_code": "01840",
            "hamlet_codes": ["01840-T02"],
            "established_on": "2024-07-01",
            "dissolved_on": "2025-06-30",
            "leaders": 1,
            "deputies": 2,
            "members": 0,
        },
    ]
    values["assessment_facts"] = [
        {
            "unit_code": "01840-T01",
            "year": 2017,
            "fact": "resolution_adopted",
            "value": True,
            "source": "Biên bản họp chi bộ tổ 1",
        },
        {"unit_code": "01840-T01", "year": 2017, "fact": "pledge_registered", "value": False},
        {"unit_code": "01840-T01", "year": 2017, "fact": "households_total", "value": 118},
        {"unit_code": "01840-T01", "year": 2017, "fact": "sabotage", "value": 0},
        {"unit_code": "01840-T01", "year": 2017, "fact": "anti_state_activities", "value": 1},
    ]
    values["recognitions"] = [
        {
            "code": "01840-T01",
            "year": 2017,
            "outcome": "safe",
            "decided_on": "2017-12-20",
            "authority": "UBND phường Đức Xuân",
        },
        {"code": "01840-T02", "year": 2017, "outcome": "not_safe"},
    ]
    return values


FILLED = dataset_from_dict(filled_document())


def fact_values(dataset: MovementDataset | None) -> list[tuple[object, type]]:
    """
    Return each fact's value with its type: ``True == 1``, so equality alone cannot tell.
    """
    assert dataset is not None
    return [(fact.value, type(fact.value)) for fact in dataset.assessment_facts]


def without_first(dataset: MovementDataset, section: str) -> MovementDataset:
    """
    Return *dataset* without the first record of *section*.
    """
    changes: dict[str, Any] = {section: getattr(dataset, section)[1:]}
    return attrs.evolve(dataset, **changes)


COUNTS = st.integers(0, 50)
FACT_NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,63}", fullmatch=True)


@st.composite
def security_teams(draw: st.DrawFn) -> SecurityTeam:
    """
    Draw a security-and-order protection team; its codes need not resolve to load.
    """
    established_on = draw(dates())
    return SecurityTeam(
        draw(local_ids()),
        draw(local_ids()),
        tuple(draw(st.lists(local_ids(), min_size=1, max_size=3, unique=True))),
        established_on,
        dissolved_on=draw(st.none() | dates(min_value=established_on)),
        leaders=draw(COUNTS),
        deputies=draw(COUNTS),
        members=draw(COUNTS),
    )


YEARS = st.integers(1990, 2100)
ASSESSMENT_FACTS = st.builds(
    AssessmentFact,
    local_ids(),
    YEARS,
    FACT_NAMES,
    st.booleans() | st.integers(0, 10**9),
    source=st.none() | names(),
)
RECOGNITIONS = st.builds(
    Recognition,
    local_ids(),
    YEARS,
    st.sampled_from([Outcome.SAFE, Outcome.NOT_SAFE]),
    decided_on=st.none() | dates(),
    authority=st.none() | names(),
)


def with_newer_sections(dataset: MovementDataset, data: st.DataObject) -> MovementDataset:
    """
    Return *dataset* with up to three records drawn in each newer section, maybe none.
    """
    return attrs.evolve(
        dataset,
        security_teams=data.draw(st.lists(security_teams(), max_size=3)),
        assessment_facts=data.draw(st.lists(ASSESSMENT_FACTS, max_size=3)),
        recognitions=data.draw(st.lists(RECOGNITIONS, max_size=3)),
    )


def naive(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    """
    Return a date and time without a time zone, as an Excel cell holds it.
    """
    return dt.datetime(year, month, day, hour, minute)  # noqa: DTZ001 - Excel knows no zone


def anonymous(dataset: MovementDataset) -> MovementDataset:
    """
    Return *dataset* with every informant left out.
    """
    return attrs.evolve(dataset, tips=[attrs.evolve(tip, informant=None) for tip in dataset.tips])


def path_for(directory: Path, form: str) -> Path:
    """
    Return where a dataset of *form* is written in *directory*.
    """
    return directory / {"json": "dataset.json", "xlsx": "dataset.xlsx"}.get(form, form)


def written(
    directory: Path,
    form: str,
    dataset: MovementDataset = DATASET,
    *,
    include_informants: bool = True,
) -> Path:
    """
    Write *dataset* in *form* inside *directory*; return its path.
    """
    path = path_for(directory, form)
    write_dataset(dataset, path, form=form, include_informants=include_informants)  # type: ignore[arg-type]
    return path


def written_document(directory: Path, value: object, name: str = "dataset.json") -> Path:
    """
    Write *value* as a JSON file in *directory*; return its path.
    """
    path = directory / name
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def csv_rows(path: Path) -> list[list[str]]:
    """
    Return the rows of a CSV file.
    """
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


def write_csv_rows(path: Path, rows: list[list[str]], *, encoding: str = "utf-8") -> None:
    """
    Write *rows* as a CSV file.
    """
    with path.open("w", encoding=encoding, newline="") as stream:
        csv.writer(stream).writerows(rows)


def set_csv_cell(path: Path, row: int, column: str, text: str) -> None:
    """
    Put *text* in the cell of a CSV file at spreadsheet *row* under *column*.
    """
    rows = csv_rows(path)
    if column not in rows[0]:
        for cells in rows:
            cells.append("")
        rows[0][-1] = column
    rows[row - 1][rows[0].index(column)] = text
    write_csv_rows(path, rows)


def set_xlsx_cell(path: Path, sheet: str, row: int, column: str, value: object) -> None:
    """
    Put *value* in the cell of a workbook at *row* under the header *column*.
    """
    workbook = openpyxl.load_workbook(path)
    worksheet = workbook[sheet]
    headers = [cell.value for cell in worksheet[1]]
    if column not in headers:
        headers.append(column)
        worksheet.cell(1, len(headers), column)
    cell = worksheet.cell(row, headers.index(column) + 1)
    cell.value = value
    if not isinstance(value, dt.date | dt.time):
        # A number in a cell formatted as a date would read as a date.
        cell.number_format = "General"
    workbook.save(path)


def replace_in_part(path: Path, part: str, old: bytes, new: bytes) -> None:
    """
    Replace bytes inside one part (an XML file) of a workbook.
    """
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    assert old in parts[part]
    parts[part] = parts[part].replace(old, new, 1)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def edit_workbook(path: Path, change: Callable[[Any], object]) -> None:
    """
    Apply *change* to the workbook at *path* and save it.
    """
    workbook = openpyxl.load_workbook(path)
    change(workbook)
    workbook.save(path)


def places(
    problems: tuple[LoadProblem, ...],
) -> list[tuple[str | None, str | None, int | None, str | None]]:
    """
    Return where each problem is: file name, sheet, row, column.
    """
    return [(Path(p.file).name if p.file else None, p.sheet, p.row, p.column) for p in problems]


def only_antq_errors(path: Path) -> None:
    """
    Read *path* both ways; only antq's errors may come out.
    """
    try:
        result = read_dataset(path)
    except AntqError:
        pass
    else:
        assert isinstance(result, ReadResult)
    with contextlib.suppress(AntqError):
        load(path)


def header_values() -> dict[str, object]:
    """
    Return a valid header, as written in ``dataset.json``.
    """
    return {key: document()[key] for key in ("format_version", "period")}


def read_rejects(path: Path) -> str:
    """
    Return every text of a rejects file or directory, joined.
    """
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path)
        return " ".join(
            str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row
        )
    files = [path] if path.is_file() else sorted(path.iterdir())
    return " ".join(file.read_text(encoding="utf-8-sig") for file in files)


BAD_TEXT = st.sampled_from(["", "x", "-1", "1.0", "2017-1-1", "true", "[]", " ", "=1"])
BAD_CELLS = BAD_TEXT | st.sampled_from(
    [None, 1.9, 5.0, -3, True, naive(2017, 1, 1, 9), dt.date(2017, 1, 1), dt.time(8)]
)


def inject_csv(path: Path, data: st.DataObject) -> None:
    """
    Put bad text in a few cells of every CSV file of a directory.
    """
    for section in SECTION_NAMES:
        if not (path / f"{section}.csv").exists():
            continue
        rows = csv_rows(path / f"{section}.csv")
        for row in data.draw(st.sets(st.integers(1, max(1, len(rows) - 1)), max_size=2)):
            if row < len(rows):
                column = data.draw(st.integers(0, len(rows[0]) - 1))
                rows[row][column] = data.draw(BAD_TEXT | st.text(max_size=4))
        write_csv_rows(path / f"{section}.csv", rows)


def inject_jsonl(path: Path, data: st.DataObject) -> None:
    """
    Put bad values under a few keys of the first records of every JSON Lines file.
    """
    for section in SECTION_NAMES:
        file = path / f"{section}.jsonl"
        if not file.exists():
            continue
        lines = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines()]
        for line in lines[: data.draw(st.integers(0, 2))]:
            line[data.draw(st.sampled_from(sorted(line)))] = data.draw(BAD_TEXT)
        file.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def inject_xlsx(path: Path, data: st.DataObject) -> None:
    """
    Put bad typed values in a few cells of every sheet of a workbook.
    """

    def change(workbook: Any) -> None:
        for section in SECTION_NAMES:
            if section not in workbook.sheetnames:
                continue
            sheet = workbook[section]
            for row in data.draw(st.sets(st.integers(2, max(2, sheet.max_row)), max_size=2)):
                if row <= sheet.max_row:
                    column = data.draw(st.integers(1, sheet.max_column))
                    sheet.cell(row, column, data.draw(BAD_CELLS))

    edit_workbook(path, change)


INJECT: dict[str, Callable[[Path, st.DataObject], None]] = {
    "csv": inject_csv,
    "jsonl": inject_jsonl,
    "xlsx": inject_xlsx,
}


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    """
    Return an empty directory.
    """
    return tmp_path


class TestColumns:
    """
    Each section's table has a column per field, each with a Vietnamese name.
    """

    def test_nested_objects_are_flattened_with_a_dot(self) -> None:
        """
        A campaign's period is two columns; a tip's informant three; extensions one.
        """
        assert ("period.start", "period.end") == COLUMNS["campaigns"][3:5]
        assert (
            "extensions",
            "resumed_on",
            "transferred_on",
            "informant.full_name",
            "informant.contact",
            "informant.address",
        ) == COLUMNS["tips"][-6:]

    def test_every_section_has_its_columns(self) -> None:
        """
        The tables are those of the dataset's sections, in order.
        """
        assert SECTION_NAMES == list(COLUMNS)

    def test_every_column_has_a_vietnamese_name(self) -> None:
        """
        The table of Vietnamese names covers every column, and names no other.
        """
        every = {column for columns in COLUMNS.values() for column in columns}

        assert every == set(VIETNAMESE_HEADERS)
        assert all(VIETNAMESE_HEADERS[column] for column in every)

    @pytest.mark.parametrize("section", SECTION_NAMES)
    def test_no_name_stands_for_two_columns_of_a_section(self, section: str) -> None:
        """
        In one section, every name (own or Vietnamese) reads as one column only.
        """
        names = [
            unicodedata.normalize("NFC", name.casefold())
            for column in COLUMNS[section]
            for name in (column, *VIETNAMESE_HEADERS[column])
        ]

        assert len(names) == len(set(names))


class TestRoundTrip:
    """
    Every dataset survives every form.
    """

    @pytest.mark.parametrize("form", FORMS)
    def test_the_small_dataset_round_trips(self, directory: Path, form: str) -> None:
        """
        Written with its informants and read back, the dataset is unchanged and valid.
        """
        result = read_dataset(written(directory, form))

        assert (True, DATASET) == (result.valid, result.dataset)
        assert DATASET.record_counts() == dict(result.read) == dict(result.accepted)

    @pytest.mark.parametrize("form", FORMS)
    def test_informants_are_left_out_by_default(self, directory: Path, form: str) -> None:
        """
        Written by default, the dataset reads back without its informants.
        """
        path = written(directory, form, include_informants=False)

        assert anonymous(DATASET) == load(path)

    @pytest.mark.parametrize("form", FORMS)
    @given(
        dataset=datasets(max_tips=6, max_sessions=4, max_declared_tallies=3),
        description=names(),
        data=st.data(),
    )
    @settings(max_examples=8)
    def test_every_generated_dataset_round_trips(
        self, form: str, dataset: MovementDataset, description: str, data: st.DataObject
    ) -> None:
        """
        A generated dataset, with its header texts, edition and informants, reads back the same.
        """
        unit = data.draw(st.sampled_from(dataset.registry.units)).code
        edition = data.draw(st.none() | st.sampled_from(official.table().editions))
        dataset = attrs.evolve(
            dataset, reporting_unit_code=unit, description=description, edition=edition
        )
        with tempfile.TemporaryDirectory() as name:
            path = written(Path(name), form, dataset)
            result = read_dataset(path)

        assert (True, dataset) == (result.valid, result.dataset)

    @pytest.mark.parametrize("form", FORMS)
    @given(dataset=datasets(min_tips=1, max_tips=4, max_sessions=3))
    @settings(max_examples=5)
    def test_every_generated_dataset_round_trips_without_informants(
        self, form: str, dataset: MovementDataset
    ) -> None:
        """
        Written by default, a generated dataset reads back without its informants.
        """
        with tempfile.TemporaryDirectory() as name:
            path = written(Path(name), form, dataset, include_informants=False)
            loaded = load(path)

        assert anonymous(dataset) == loaded


def sections_written(path: Path) -> list[str]:
    """
    Return the sections a written dataset holds: keys, section files or sheets.
    """
    if path.suffix == ".xlsx":
        names = openpyxl.load_workbook(path).sheetnames
    elif path.is_file():
        names = list(json.loads(path.read_text(encoding="utf-8")))
    else:
        names = [file.name.partition(".")[0] for file in path.iterdir()]
    return [name for name in SECTION_NAMES if name in names]


def set_field(path: Path, form: str, section: str, column: str, value: object) -> None:
    """
    Put *value* in the field *column* of the first record of *section*, in any form.
    """
    if form == "csv":
        set_csv_cell(path / f"{section}.csv", 2, column, str(value))
    elif form == "xlsx":
        set_xlsx_cell(path, section, 2, column, value)
    else:
        file = path if form == "json" else path / f"{section}.jsonl"
        text = file.read_text(encoding="utf-8")
        if form == "json":
            values = json.loads(text)
            values[section][0][column] = value
            file.write_text(json.dumps(values), encoding="utf-8")
        else:
            lines = [json.loads(line) for line in text.splitlines()]
            lines[0][column] = value
            file.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")


def place_of_first(form: str, section: str, column: str) -> tuple[str, str | None, int, str]:
    """
    Return where the first record of *section* is read: file name, sheet, row, column.
    """
    if form == "xlsx":
        return ("dataset.xlsx", section, 2, column)
    if form == "csv":
        return (f"{section}.csv", None, 2, column)
    return ("dataset.json" if form == "json" else f"{section}.jsonl", None, 1, column)


#: A bad field in each newer section: the form, where, the value and the reason's words.
BAD_NEWER_RECORDS = [
    ("json", "assessment_facts", "value", 1.5, "expected true, false or an integer, found a"),
    ("json", "assessment_facts", "value", -3, "true, false or a whole number from 0"),
    ("json", "assessment_facts", "value", "true", "or an integer, found a string"),
    ("json", "assessment_facts", "fact", "Households", "lower-case letters"),
    ("json", "security_teams", "members", -1, "a count must not be negative"),
    ("json", "security_teams", "hamlet_codes", "01840-T01", "expected an array, found a"),
    ("json", "security_teams", "dissolved_on", "2024-06-30", "dissolved before it is set up"),
    ("json", "recognitions", "outcome", "undecided", "never undecided"),
    ("json", "recognitions", "outcome", "Safe", "did you mean 'safe'?"),
    ("jsonl", "assessment_facts", "value", 1.5, "expected true, false or an integer, found a"),
    ("jsonl", "security_teams", "leaders", True, "expected an integer, found a boolean"),
    ("jsonl", "recognitions", "outcome", "passed", "unknown Outcome identifier"),
    ("csv", "assessment_facts", "value", "1.5", "expected true, false or an integer, found a"),
    ("csv", "assessment_facts", "value", "-3", "true, false or a whole number from 0"),
    ("csv", "assessment_facts", "value", "True", "not JSON"),
    ("csv", "assessment_facts", "value", "có", "not JSON"),
    ("csv", "security_teams", "members", "-1", "digits 0 to 9"),
    ("csv", "security_teams", "hamlet_codes", "01840-T01", "not JSON"),
    ("csv", "security_teams", "hamlet_codes", "[]", "a team serves at least one hamlet"),
    ("csv", "security_teams", "hamlet_codes", '"01840-T01"', "expected an array, found a"),
    ("csv", "recognitions", "outcome", "undecided", "never undecided"),
    ("csv", "recognitions", "year", "năm 2017", "digits 0 to 9"),
    (
        "xlsx",
        "assessment_facts",
        "value",
        1.5,
        "expected true, false or an integer, found a number",
    ),
    ("xlsx", "assessment_facts", "value", -3, "true, false or a whole number from 0"),
    ("xlsx", "assessment_facts", "value", "1.5", "expected true, false or an integer, found a"),
    ("xlsx", "assessment_facts", "value", dt.date(2017, 1, 1), "expected JSON text"),
    ("xlsx", "security_teams", "members", -1, "a count must not be negative"),
    ("xlsx", "security_teams", "members", 2.5, "a number with a fraction"),
    ("xlsx", "security_teams", "hamlet_codes", 5, "expected an array, found an integer"),
    ("xlsx", "recognitions", "outcome", "undecided", "never undecided"),
]


class TestNewerSections:
    """
    Security teams, facts for recognition and recognitions, in every form.
    """

    @pytest.mark.parametrize("form", FORMS)
    def test_their_records_round_trip(self, directory: Path, form: str) -> None:
        """
        Written and read back, a dataset with records in every section is unchanged.
        """
        result = read_dataset(written(directory, form, FILLED))

        assert (True, FILLED) == (result.valid, result.dataset)
        assert FILLED.record_counts() == dict(result.read) == dict(result.accepted)

    @pytest.mark.parametrize("form", FORMS)
    def test_a_fact_value_keeps_its_type(self, directory: Path, form: str) -> None:
        """
        ``true`` stays a boolean and ``1`` an integer, though ``True == 1`` in Python.
        """
        result = read_dataset(written(directory, form, FILLED))

        expected = [(True, bool), (False, bool), (118, int), (0, int), (1, int)]
        assert expected == fact_values(FILLED) == fact_values(result.dataset)

    @pytest.mark.parametrize("form", FORMS)
    @pytest.mark.parametrize(
        "filled",
        [(), ("security_teams",), ("assessment_facts",), ("recognitions",), tuple(NEWER)],
        ids=["none", "teams", "facts", "recognitions", "all"],
    )
    def test_they_are_written_only_when_filled(
        self, directory: Path, form: str, filled: tuple[str, ...]
    ) -> None:
        """
        The older sections are always written; a newer one only when it holds records.
        """
        changes: dict[str, Any] = {name: getattr(FILLED, name) for name in filled}
        dataset = attrs.evolve(DATASET, **changes)

        path = written(directory, form, dataset)

        assert [*OLDER, *filled] == sections_written(path)
        assert dataset == load(path)

    @pytest.mark.parametrize(
        ("dataset", "newer"),
        [
            (DATASET, []),
            (attrs.evolve(FILLED, security_teams=()), ["assessment_facts", "recognitions"]),
            (FILLED, NEWER),
        ],
        ids=["none", "some", "all"],
    )
    def test_a_json_file_lists_the_newer_keys_last(
        self, directory: Path, dataset: MovementDataset, newer: list[str]
    ) -> None:
        """
        Without their records, a JSON file has only the keys an older antq knows.
        """
        path = written(directory, "json", dataset)

        header = ["format_version", "period", "reporting_unit_code", "description"]
        assert [*header, *OLDER, *newer] == list(json.loads(path.read_text(encoding="utf-8")))

    def test_csv_cells_hold_json_for_the_fact_value_and_the_hamlets(self, directory: Path) -> None:
        """
        A fact's value is the JSON ``true``, ``false`` or a number; the hamlets a JSON array.
        """
        path = written(directory, "csv", FILLED)

        facts = csv_rows(path / "assessment_facts.csv")
        teams = csv_rows(path / "security_teams.csv")
        values = [row[facts[0].index("value")] for row in facts[1:]]
        assert ["true", "false", "118", "0", "1"] == values
        assert '["01840-T01", "01840-T02"]' == teams[1][teams[0].index("hamlet_codes")]

    def test_workbook_cells_are_typed(self, directory: Path) -> None:
        """
        A workbook holds a fact's value as a true/false or a number cell, the hamlets as text.
        """
        path = written(directory, "xlsx", FILLED)

        workbook = openpyxl.load_workbook(path)
        values = [row[3] for row in workbook["assessment_facts"].iter_rows(values_only=True)]
        hamlets = workbook["security_teams"]["C2"].value
        assert (["value", True, False, 118, 0, 1], '["01840-T01", "01840-T02"]') == (
            values,
            hamlets,
        )
        assert ["b", "b", "n", "n", "n"] == [
            cell.data_type
            for (cell,) in workbook["assessment_facts"].iter_rows(
                min_row=2, max_row=6, min_col=4, max_col=4
            )
        ]

    @pytest.mark.parametrize(
        ("form", "cell", "expected"),
        [
            ("csv", "false", (False, bool)),
            ("csv", "0", (0, int)),
            ("csv", "7", (7, int)),
            ("xlsx", True, (True, bool)),
            ("xlsx", False, (False, bool)),
            ("xlsx", 0, (0, int)),
            ("xlsx", 118.0, (118, int)),
            ("xlsx", "true", (True, bool)),
            ("xlsx", "118", (118, int)),
        ],
        ids=str,
    )
    def test_a_fact_value_cell_is_read_by_its_json_or_its_type(
        self, directory: Path, form: str, cell: object, expected: tuple[object, type]
    ) -> None:
        """
        A CSV cell is JSON text; a workbook cell may be JSON text or a typed cell.
        """
        path = written(directory, form, FILLED)
        set_field(path, form, "assessment_facts", "value", cell)

        result = read_dataset(path)

        assert result.valid
        assert expected == fact_values(result.dataset)[0]

    @pytest.mark.parametrize(
        ("form", "section", "column", "value", "words"),
        BAD_NEWER_RECORDS,
        ids=[f"{row[0]}-{row[2]}-{row[3]}" for row in BAD_NEWER_RECORDS],
    )
    def test_a_bad_record_is_rejected_with_a_located_reason(
        self,
        directory: Path,
        *,
        form: str,
        section: str,
        column: str,
        value: object,
        words: str,
    ) -> None:
        """
        The record is rejected with one problem, placed by file, sheet, row and column.
        """
        path = written(directory, form, FILLED)
        set_field(path, form, section, column, value)

        result = read_dataset(path)

        assert [place_of_first(form, section, column)] == places(result.all_problems)
        assert f"$.{section}[0].{column}" == result.all_problems[0].location
        assert words in result.all_problems[0].reason
        assert without_first(FILLED, section) == result.dataset

    def test_they_read_under_vietnamese_column_names(self, directory: Path) -> None:
        """
        Every column of the newer sections may be named in Vietnamese.
        """
        path = written(directory, "csv", FILLED)
        headers = {
            "security_teams": [
                "Mã số",
                "Mã xã",
                "Thôn, tổ phụ trách",
                "Ngày thành lập",
                "Ngày giải thể",
                "Tổ trưởng",
                "Tổ phó",
                "Tổ viên",
            ],
            "assessment_facts": ["Địa bàn", "Năm", "Dữ kiện", "Giá trị", "Nguồn"],
            "recognitions": ["Mã", "Năm đánh giá", "Kết quả", "Ngày quyết định", "Cấp quyết định"],
        }
        for section, header in headers.items():
            rows = csv_rows(path / f"{section}.csv")
            assert len(header) == len(rows[0])
            write_csv_rows(path / f"{section}.csv", [header, *rows[1:]])

        assert FILLED == load(path)

    def test_a_rejected_fact_goes_to_the_rejects_with_its_problem(self, directory: Path) -> None:
        """
        The fact is written back as read, its value cell as the sender wrote it.
        """
        path = written(directory, "csv", FILLED)
        set_field(path, "csv", "assessment_facts", "value", "có")
        rejects = directory / "rejects"

        write_rejects(read_dataset(path), rejects, form="csv")

        rows = csv_rows(rejects / "assessment_facts.csv")
        assert [*COLUMNS["assessment_facts"], "_problems"] == rows[0]
        assert ["01840-T01", "2017", "resolution_adopted", "có"] == rows[1][:4]
        assert rows[1][-1].startswith("value: not JSON")

    @pytest.mark.parametrize("form", FORMS)
    @given(dataset=datasets(max_tips=3, max_sessions=2, max_model_groups=3), data=st.data())
    @settings(max_examples=8)
    def test_every_generated_dataset_round_trips(
        self, form: str, dataset: MovementDataset, data: st.DataObject
    ) -> None:
        """
        Generated teams, facts and recognitions read back the same, fact values by type.
        """
        dataset = with_newer_sections(dataset, data)
        with tempfile.TemporaryDirectory() as name:
            path = written(Path(name), form, dataset)
            result = read_dataset(path)
            sections = sections_written(path)

        assert (True, dataset) == (result.valid, result.dataset)
        assert fact_values(dataset) == fact_values(result.dataset)
        assert [*OLDER, *(name for name in NEWER if getattr(dataset, name))] == sections


ON_EDITION = attrs.evolve(DATASET, edition=official.edition("2025-01"))


def header_of(path: Path) -> dict[str, object]:
    """
    Return the header as written: the JSON file, ``dataset.json``, or the ``dataset`` sheet.
    """
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path)
        return {
            row[0]: row[1] for row in workbook["dataset"].iter_rows(min_row=2, values_only=True)
        }
    file = path if path.is_file() else path / "dataset.json"
    header: dict[str, object] = json.loads(file.read_text(encoding="utf-8"))
    return header


def name_an_edition(path: Path, name: str) -> None:
    """
    Write *name* as the edition of the dataset at *path*, in whatever form it is.
    """
    if path.suffix == ".xlsx":
        set_xlsx_cell(path, "dataset", 7, "value", name)
    else:
        file = path if path.is_file() else path / "dataset.json"
        written_document(
            file.parent,
            {**json.loads(file.read_text(encoding="utf-8")), "edition": name},
            file.name,
        )


class TestEdition:
    """
    The dataset's edition, by name, in the header of every form.
    """

    @pytest.mark.parametrize("form", FORMS)
    def test_the_edition_round_trips(self, directory: Path, form: str) -> None:
        """
        A dataset on edition 2025-01 reads back on that edition, in every form.
        """
        result = read_dataset(written(directory, form, ON_EDITION))

        assert (True, ON_EDITION) == (result.valid, result.dataset)
        assert official.edition("2025-01") is getattr(result.dataset, "edition", None)

    @pytest.mark.parametrize("form", FORMS)
    def test_the_edition_is_written_by_name(self, directory: Path, form: str) -> None:
        """
        The header holds the edition's name under the key ``edition``.
        """
        assert "2025-01" == header_of(written(directory, form, ON_EDITION))["edition"]

    @pytest.mark.parametrize(
        ("form", "expected"), [("json", False), ("jsonl", False), ("csv", False), ("xlsx", True)]
    )
    def test_a_dataset_without_an_edition_writes_none(
        self, directory: Path, form: str, *, expected: bool
    ) -> None:
        """
        No ``edition`` key in a JSON header; in a workbook, the key's row without a value.
        """
        header = header_of(written(directory, form))

        assert (expected, None) == ("edition" in header, header.get("edition"))

    @pytest.mark.parametrize(
        ("form", "place"),
        [
            ("json", ("dataset.json", None, None, "edition")),
            ("jsonl", ("dataset.json", None, None, "edition")),
            ("csv", ("dataset.json", None, None, "edition")),
            ("xlsx", ("dataset.xlsx", "dataset", 7, "edition")),
        ],
    )
    def test_an_unknown_edition_is_a_located_problem(
        self, directory: Path, form: str, place: tuple[str, str | None, int | None, str]
    ) -> None:
        """
        An edition antq does not know is one problem at ``$.edition``, placed in its file.
        """
        path = written(directory, form, ON_EDITION, include_informants=False)
        name_an_edition(path, "2024-01")

        problems = read_dataset(path).problems

        assert [place] == places(problems)
        assert ("$.edition", "2024-01") == (problems[0].location, problems[0].value)
        assert "antq knows 2025-01, 2025-07" in problems[0].reason

    @pytest.mark.parametrize("form", FORMS)
    def test_an_unknown_edition_leaves_the_dataset_without_one(
        self, directory: Path, form: str
    ) -> None:
        """
        The records are read, and the dataset built without an edition.
        """
        path = written(directory, form, ON_EDITION)
        name_an_edition(path, "2024-01")

        assert DATASET == read_dataset(path).dataset


class TestCsvCells:
    """
    A CSV cell converts to the value its field expects, strictly, or is a located problem.
    """

    @pytest.mark.parametrize(
        ("section", "row", "column", "text", "words"),
        [
            ("sessions", 2, "participant_turns", "1.0", "digits 0 to 9"),
            ("sessions", 2, "participant_turns", "1.234", "digits 0 to 9"),
            ("sessions", 2, "participant_turns", " 5", "digits 0 to 9"),
            ("sessions", 2, "participant_turns", "-1", "digits 0 to 9"),
            ("sessions", 2, "participant_turns", "٤٥", "digits 0 to 9"),
            ("sessions", 2, "participant_turns", "9" * 5000, "too many digits"),
            ("reintegration_cases", 2, "progressed", "yes", "true or false"),
            ("reintegration_cases", 2, "progressed", "TRUE", "true or false"),
            ("sessions", 2, "held_on", "2017-3-8", "YYYY-MM-DD"),
            ("sessions", 2, "held_on", "2017-03-08 10:30:00", "YYYY-MM-DD"),
            ("sessions", 2, "held_on", "08/03/2017", "YYYY-MM-DD"),
            ("tips", 2, "extensions", "[{", "not JSON"),
            ("tips", 2, "extensions", '{"granted_on": "2017-03-27"}', "expected an array"),
            ("tips", 2, "extensions", "[" * 70 + "]" * 70, "nested more than 64"),
            ("tips", 2, "extensions", "[" * 5000 + "]" * 5000, "nesting too deep"),
            ("sessions", 2, "remarks", "x", "unknown column"),
            ("sessions", 2, "participant_turn", "5", "did you mean 'participant_turns'"),
            ("sessions", 2, "id", "x" * 32_768, "32,767"),
            ("units", 5, "kind", "Ward", "did you mean 'ward'"),
            ("units", 5, "code", "", "required key is missing"),
        ],
        ids=lambda value: str(value)[:20],
    )
    def test_a_bad_cell_is_one_located_problem(
        self, directory: Path, *, section: str, row: int, column: str, text: str, words: str
    ) -> None:
        """
        The record is rejected with one problem, placed by file, row and column.
        """
        path = written(directory, "csv")
        set_csv_cell(path / f"{section}.csv", row, column, text)

        result = read_dataset(path)

        assert [(f"{section}.csv", None, row, column)] == places(result.all_problems)
        assert words in result.all_problems[0].reason

    def test_an_empty_cell_is_an_absent_field(self, directory: Path) -> None:
        """
        An empty cell takes the field's default: no slips collected.
        """
        path = written(directory, "csv")
        set_csv_cell(path / "sessions.csv", 2, "slips_collected", "")

        assert 0 == load(path).sessions[0].slips_collected

    def test_an_absent_nested_object_is_located_by_its_name(self, directory: Path) -> None:
        """
        A campaign with both period cells empty misses its ``period``.
        """
        path = written(directory, "csv")
        set_csv_cell(path / "campaigns.csv", 2, "period.start", "")
        set_csv_cell(path / "campaigns.csv", 2, "period.end", "")

        problems = read_dataset(path).all_problems

        assert [("campaigns.csv", None, 2, "period")] == places(problems)

    def test_a_value_under_no_column_name_is_a_problem(self, directory: Path) -> None:
        """
        A cell beyond the named columns is reported, not dropped.
        """
        path = written(directory, "csv")
        rows = csv_rows(path / "sessions.csv")
        rows[1].append("stray")
        write_csv_rows(path / "sessions.csv", rows)

        problems = read_dataset(path).all_problems

        column = f"column {len(rows[0]) + 1}"
        assert [("sessions.csv", None, 2, column)] == places(problems)
        assert "without a name" in problems[0].reason

    def test_a_second_column_for_a_field_is_a_problem(self, directory: Path) -> None:
        """
        ``id`` and ``Mã số`` both name the session's id: the second is refused.
        """
        path = written(directory, "csv")
        set_csv_cell(path / "sessions.csv", 2, "Mã số", "S1")

        problems = read_dataset(path).all_problems

        assert [("sessions.csv", None, 2, "Mã số")] == places(problems)
        assert "a second column for the field of column 'id'" in problems[0].reason

    def test_the_same_name_twice_is_a_problem_in_its_own_column(self, directory: Path) -> None:
        """
        Two columns both named ``id`` are told apart by their position.
        """
        path = written(directory, "csv")
        rows = csv_rows(path / "sessions.csv")
        write_csv_rows(path / "sessions.csv", [[*rows[0], "id"], [*rows[1], "S2"]])

        problems = read_dataset(path).all_problems

        assert [("sessions.csv", None, 2, f"id (column {len(rows[0]) + 1})")] == places(problems)

    def test_rows_with_no_value_are_skipped(self, directory: Path) -> None:
        """
        Empty rows between records are no records.
        """
        path = written(directory, "csv")
        rows = csv_rows(path / "sessions.csv")
        write_csv_rows(path / "sessions.csv", [rows[0], ["", ""], [], rows[1]])

        result = read_dataset(path)

        assert (1, True) == (result.read["sessions"], result.valid)

    def test_a_file_without_rows_is_an_empty_section(self, directory: Path) -> None:
        """
        An empty file holds no record.
        """
        path = written(directory, "csv")
        (path / "sessions.csv").write_bytes(b"")

        assert () == load(path).sessions

    def test_reads_utf8_without_a_byte_order_mark(self, directory: Path) -> None:
        """
        Files saved as plain UTF-8 read as those antq writes (with the mark).
        """
        path = written(directory, "csv")
        for file in path.glob("*.csv"):
            file.write_text(file.read_text(encoding="utf-8-sig"), encoding="utf-8")

        assert DATASET == load(path)

    def test_bad_quoting_is_a_problem_of_the_file(self, directory: Path) -> None:
        """
        A quote inside an unquoted cell stops the file, with its row.
        """
        path = written(directory, "csv")
        with (path / "sessions.csv").open("a", encoding="utf-8") as stream:
            stream.write('S2,2017-03-09,"01840-T01"x,propaganda,5\r\n')

        result = read_dataset(path)

        assert [("sessions.csv", None, 3, None)] == places(result.problems)
        assert (1, 1) == (result.read["sessions"], result.accepted["sessions"])

    def test_utf16_is_a_problem_of_the_file(self, directory: Path) -> None:
        """
        A file saved as UTF-16 ("Unicode text") is refused with the fix.
        """
        path = written(directory, "csv")
        file = path / "sessions.csv"
        file.write_text(file.read_text(encoding="utf-8-sig"), encoding="utf-16")

        result = read_dataset(path)

        assert ["UTF-16 text; save the file as UTF-8 (in Excel: CSV UTF-8)"] == [
            problem.reason for problem in result.problems
        ]

    def test_utf16_without_a_mark_is_a_problem_of_the_file(self, directory: Path) -> None:
        """
        UTF-16 text without a byte order mark is told by its zero bytes.
        """
        path = written(directory, "csv")
        file = path / "sessions.csv"
        file.write_bytes(file.read_text(encoding="utf-8-sig").encode("utf-16-le"))

        result = read_dataset(path)

        assert ["sessions.csv"] == [Path(str(p.file)).name for p in result.problems]
        assert result.problems[0].reason.startswith("UTF-16 text")

    def test_bytes_that_are_not_utf8_are_a_problem_of_their_cell(self, directory: Path) -> None:
        """
        A cell saved in a legacy code page (Latin-1) is refused; the other cells are read.
        """
        path = written(directory, "csv")
        file = path / "units.csv"
        file.write_bytes(file.read_bytes().replace("Tổ 1".encode(), b"T\xf4 1"))

        result = read_dataset(path)

        assert [("units.csv", None, 5, "name")] == places(result.all_problems)
        assert "not UTF-8 text; save the file as UTF-8" == result.all_problems[0].reason
        assert "T\ufffd 1" == result.rejected[0].record["name"]


class TestExcelCells:
    """
    A typed Excel cell converts when its type fits its field, or is a located problem.
    """

    @pytest.mark.parametrize(
        ("section", "row", "column", "value", "words"),
        [
            ("sessions", 2, "participant_turns", 1.9, "a number with a fraction"),
            ("sessions", 2, "participant_turns", "=40+5", "formulas are not read"),
            ("sessions", 2, "participant_turns", True, "found a true/false cell"),
            ("sessions", 2, "participant_turns", "5.0", "digits 0 to 9"),
            ("sessions", 2, "held_on", naive(2017, 3, 8, 10, 30), "time of day"),
            ("sessions", 2, "held_on", 42000, "expected a date, found a number cell"),
            ("sessions", 2, "held_on", dt.time(10, 30), "found a time cell"),
            ("units", 5, "code", 1840, "format the column as Text"),
            ("units", 5, "name", dt.date(2017, 1, 1), "expected text, found a date cell"),
            ("reintegration_cases", 2, "progressed", 1, "true or false, found a number"),
            ("tips", 2, "extensions", 5, "expected an array, found an integer"),
            ("tips", 2, "extensions", True, "expected an array, found a boolean"),
            ("tips", 2, "extensions", 1.5, "expected an array, found a number"),
            ("tips", 2, "extensions", dt.date(2017, 1, 1), "expected JSON text, found a date"),
            ("sessions", 2, "id", "#N/A", "an Excel error value"),
            ("sessions", 2, "remarks", "x", "unknown column"),
        ],
        ids=lambda value: str(value)[:20],
    )
    def test_a_bad_cell_is_one_located_problem(
        self,
        directory: Path,
        *,
        section: str,
        row: int,
        column: str,
        value: object,
        words: str,
    ) -> None:
        """
        The record is rejected with one problem, placed by file, sheet, row and column.
        """
        path = written(directory, "xlsx")
        set_xlsx_cell(path, section, row, column, value)

        result = read_dataset(path)

        assert [("dataset.xlsx", section, row, column)] == places(result.all_problems)
        assert words in result.all_problems[0].reason

    @pytest.mark.parametrize(
        ("section", "column", "value"),
        [
            ("sessions", "participant_turns", 45.0),
            ("sessions", "participant_turns", "45"),
            ("sessions", "held_on", naive(2017, 3, 8)),
            ("sessions", "held_on", "2017-03-08"),
            ("reintegration_cases", "progressed", "true"),
        ],
        ids=str,
    )
    def test_a_cell_of_a_fitting_type_is_read(
        self, directory: Path, section: str, column: str, value: object
    ) -> None:
        """
        A whole number, a date at midnight and a text cell all read as the field expects.
        """
        path = written(directory, "xlsx")
        set_xlsx_cell(path, section, 2, column, value)

        assert DATASET == load(path)

    def test_a_huge_cell_is_refused(self, directory: Path) -> None:
        """
        A text longer than Excel's limit (which openpyxl would cut when writing) is refused.
        """
        path = written(directory, "xlsx")
        huge = b"S" * 32_768
        replace_in_part(path, "xl/worksheets/sheet5.xml", b"<t>S1</t>", b"<t>" + huge + b"</t>")

        problems = read_dataset(path).all_problems

        assert [("dataset.xlsx", "sessions", 2, "id")] == places(problems)
        assert "a cell holds at most 32,767 characters (Excel's limit)" == problems[0].reason

    def test_a_text_that_starts_with_equals_is_refused(self, directory: Path) -> None:
        """
        Text that looks like a formula is refused as one.
        """
        path = written(directory, "xlsx")

        def change(workbook: Any) -> None:
            cell = workbook["sessions"]["A2"]
            cell.value = "=S1"
            cell.data_type = "s"

        edit_workbook(path, change)

        problems = read_dataset(path).all_problems

        assert [("dataset.xlsx", "sessions", 2, "id")] == places(problems)
        assert "formulas are not read; paste the values" == problems[0].reason

    def test_an_array_formula_is_refused(self, directory: Path) -> None:
        """
        An array formula is a formula too.
        """
        path = written(directory, "xlsx")

        def change(workbook: Any) -> None:
            formula = importlib.import_module("openpyxl.worksheet.formula")
            workbook["sessions"]["E2"] = formula.ArrayFormula("E2", "=SUM(1,2)")

        edit_workbook(path, change)

        record = read_dataset(path).rejected[0].record

        assert "=SUM(1,2)" == record["participant_turns"]

    def test_a_declared_size_too_small_hides_no_row(self, directory: Path) -> None:
        """
        Rows beyond the size a workbook declares are read all the same.
        """
        path = written(directory, "xlsx")
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        for name, data in parts.items():
            if name.startswith("xl/worksheets/"):
                parts[name] = data.replace(b"<sheetPr", b'<dimension ref="A1"/><sheetPr', 1)
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in parts.items():
                archive.writestr(name, data)

        assert DATASET == load(path)


class TestExcelHeader:
    """
    The sheet ``dataset`` holds the header, a key and a value per row.
    """

    def test_the_header_is_read_without_its_title_row(self, directory: Path) -> None:
        """
        The first row ``key``, ``value`` may be left out.
        """
        path = written(directory, "xlsx")
        edit_workbook(path, lambda workbook: workbook["dataset"].delete_rows(1))

        assert DATASET == load(path)

    @pytest.mark.parametrize(
        ("row", "cells", "words", "column"),
        [
            (
                8,
                ["perod.start", "2017-01-01"],
                "unknown key; did you mean 'period.start'?",
                "perod.start",
            ),
            (8, ["description", "Again"], "the key appears twice", "description"),
            (8, [None, "x"], "a value without a key", None),
            (2, ["format_version", 1, "x"], "two columns: key and value", "format_version"),
            (2, ["format_version", "=1"], "formulas are not read", "format_version"),
        ],
        ids=["unknown", "twice", "no-key", "third-column", "formula"],
    )
    def test_a_bad_row_is_a_located_problem(
        self, directory: Path, row: int, cells: list[object], words: str, column: str | None
    ) -> None:
        """
        Each problem of the header is placed by sheet, row and key.
        """
        path = written(directory, "xlsx")

        def change(workbook: Any) -> None:
            for position, value in enumerate(cells, start=1):
                workbook["dataset"].cell(row, position, value)

        edit_workbook(path, change)

        problems = read_dataset(path).problems

        assert [("dataset.xlsx", "dataset", row, column)] == places(problems)
        assert words in problems[0].reason

    def test_a_period_that_does_not_read_leaves_no_dataset(self, directory: Path) -> None:
        """
        A bad start date is one problem, and no dataset is built without the period.
        """
        path = written(directory, "xlsx")
        set_xlsx_cell(path, "dataset", 3, "value", 2017)

        result = read_dataset(path)

        assert (None, [("dataset.xlsx", "dataset", 3, "period.start")]) == (
            result.dataset,
            places(result.problems),
        )

    def test_a_missing_format_version_is_placed_on_its_row(self, directory: Path) -> None:
        """
        A key whose value is empty is missing, at the row of the key.
        """
        path = written(directory, "xlsx")
        edit_workbook(path, lambda workbook: setattr(workbook["dataset"]["B2"], "value", None))

        result = read_dataset(path)

        assert [("dataset.xlsx", "dataset", 2, "format_version")] == places(result.problems)
        assert "required key is missing" == result.problems[0].reason

    def test_keys_are_read_whatever_their_case(self, directory: Path) -> None:
        """
        ``Format_Version`` is ``format_version``.
        """
        path = written(directory, "xlsx")
        edit_workbook(
            path, lambda workbook: setattr(workbook["dataset"]["A2"], "value", "Format_Version")
        )

        assert DATASET == load(path)

    def test_a_blank_row_is_skipped(self, directory: Path) -> None:
        """
        Rows without a key or a value are no problem.
        """
        path = written(directory, "xlsx")
        edit_workbook(path, lambda workbook: workbook["dataset"].insert_rows(3))

        assert DATASET == load(path)

    def test_a_missing_section_sheet_is_an_empty_section(self, directory: Path) -> None:
        """
        A workbook without a sheet ``tips`` has no tips.
        """
        path = written(directory, "xlsx")
        edit_workbook(path, lambda workbook: workbook.remove(workbook["tips"]))

        assert () == load(path).tips

    def test_a_workbook_without_the_sheet_has_no_dataset(self, directory: Path) -> None:
        """
        Without the sheet ``dataset`` the records are read, but no dataset is built.
        """
        path = written(directory, "xlsx")
        edit_workbook(path, lambda workbook: workbook.remove(workbook["dataset"]))

        result = read_dataset(path)

        assert (None, DATASET.record_counts()) == (result.dataset, dict(result.accepted))
        assert "no 'dataset' sheet" in result.problems[0].reason

    def test_a_sheet_of_another_name_is_a_problem(self, directory: Path) -> None:
        """
        A sheet ``tip`` is not read: it is reported, with the name meant.
        """
        path = written(directory, "xlsx")
        edit_workbook(path, lambda workbook: workbook.create_sheet("tip"))
        edit_workbook(path, lambda workbook: workbook.create_sheet("Ghi chú"))

        problems = read_dataset(path).problems

        assert [("dataset.xlsx", "tip", None, None), ("dataset.xlsx", "Ghi chú", None, None)] == (
            places(problems)
        )
        assert ["unknown sheet; did you mean 'tips'?", "unknown sheet"] == [
            problem.reason for problem in problems
        ]

    def test_a_broken_sheet_is_a_problem_of_the_sheet(self, directory: Path) -> None:
        """
        A sheet that breaks off is reported; the other sheets are read.
        """
        path = written(directory, "xlsx")
        replace_in_part(path, "xl/worksheets/sheet1.xml", b"<v>1</v>", b"<v>one</v>")
        replace_in_part(path, "xl/worksheets/sheet5.xml", b"<v>45</v>", b"<v>4x5</v>")

        result = read_dataset(path)

        expected = [
            ("dataset.xlsx", "dataset", None, None),
            ("dataset.xlsx", "sessions", None, None),
        ]
        assert expected == places(result.problems)
        assert (None, 0, 4) == (result.dataset, result.read["sessions"], result.read["units"])

    def test_a_workbook_that_is_not_one_is_a_problem(self, directory: Path) -> None:
        """
        A workbook whose parts do not read at all is one problem of the file.
        """
        path = written(directory, "xlsx")
        replace_in_part(path, "xl/workbook.xml", b"<workbook", b"<broken")

        result = read_dataset(path)

        assert [("dataset.xlsx", None, None, None)] == places(result.problems)
        assert result.problems[0].reason.startswith("not an Excel workbook (.xlsx): ")


class TestVietnameseHeaders:
    """
    A table's columns may be named in Vietnamese, in any case, spacing or normal form.
    """

    HEADERS = {
        "id": "Mã số",
        "held_on": "  NGÀY TỔ CHỨC ",
        "place_code": unicodedata.normalize("NFD", "Nơi tổ chức"),
        "kind": "loại",
        "participant_turns": "Lượt người tham gia",
        "slips_collected": "Số phiếu tố giác",
        "campaign_id": "Mã đợt",
    }

    def test_a_csv_file_reads_with_vietnamese_headers(self, directory: Path) -> None:
        """
        The sessions read the same under their Vietnamese column names.
        """
        path = written(directory, "csv")
        rows = csv_rows(path / "sessions.csv")
        write_csv_rows(path / "sessions.csv", [[self.HEADERS[c] for c in rows[0]], *rows[1:]])

        assert DATASET == load(path)

    def test_a_sheet_reads_with_vietnamese_headers(self, directory: Path) -> None:
        """
        The same holds in a workbook.
        """
        path = written(directory, "xlsx")

        def change(workbook: Any) -> None:
            for cell in workbook["sessions"][1]:
                cell.value = self.HEADERS[cell.value]

        edit_workbook(path, change)

        assert DATASET == load(path)

    def test_a_problem_names_the_column_as_written(self, directory: Path) -> None:
        """
        A bad date under ``Ngày tổ chức`` is placed under that name.
        """
        path = written(directory, "csv")
        rows = csv_rows(path / "sessions.csv")
        rows[0][1] = "Ngày tổ chức"
        rows[1][1] = "8/3/2017"
        write_csv_rows(path / "sessions.csv", rows)

        problems = read_dataset(path).all_problems

        assert [("sessions.csv", None, 2, "Ngày tổ chức")] == places(problems)
        assert "$.sessions[0].held_on" == problems[0].location


class TestJsonLines:
    """
    A JSON Lines directory: one record per line, read one at a time.
    """

    def test_iter_jsonl_yields_records_and_rejects_by_line(self, directory: Path) -> None:
        """
        Accepted records come as records, others as rejected records with their line.
        """
        path = directory / "sessions.jsonl"
        good = document()["sessions"][0]
        lines = [json.dumps(good), "", "{not json", json.dumps({**good, "id": "S 2"}), "[]"]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

        items = list(iter_jsonl(path, MobilisationSession, "sessions"))

        assert DATASET.sessions[0] == items[0]
        assert [3, 4, 5] == [item.row for item in items[1:] if isinstance(item, RejectedRecord)]

    def test_iter_jsonl_is_lazy(self, directory: Path) -> None:
        """
        The first record comes before the rest of the file is read.
        """
        path = directory / "sessions.jsonl"
        path.write_text(json.dumps(document()["sessions"][0]) + "\n", encoding="utf-8")

        items: Iterator[object] = iter_jsonl(path, MobilisationSession, "sessions")
        first = next(items)
        path.unlink()

        assert (DATASET.sessions[0], []) == (first, list(items))

    def test_a_line_that_is_not_utf8_is_rejected(self, directory: Path) -> None:
        """
        A line in a legacy code page is rejected; the next line is read.
        """
        path = directory / "units.jsonl"
        path.write_bytes(b'{"code": "06", "name": "B\xe1c", "kind": "province"}\n')
        with path.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(document()["units"][0]) + "\n")

        items = list(iter_jsonl(path, Unit, "units"))

        assert isinstance(items[0], RejectedRecord)
        assert (1, "not UTF-8 text; save the file as UTF-8") == (
            items[0].row,
            items[0].problems[0].reason,
        )
        assert DATASET.registry.units[0] == items[1]

    def test_a_byte_order_mark_is_skipped(self, directory: Path) -> None:
        """
        Files that start with a byte order mark read as those without.
        """
        path = written(directory, "jsonl")
        for file in path.iterdir():
            file.write_bytes(b"\xef\xbb\xbf" + file.read_bytes())

        assert DATASET == load(path)

    def test_a_line_holding_only_a_byte_order_mark_is_blank(self, directory: Path) -> None:
        """
        A mark alone on a line, or alone in a file, is no record and no problem.
        """
        path = written(directory, "jsonl")
        sessions = path / "sessions.jsonl"
        sessions.write_bytes(b"\xef\xbb\xbf\n" + sessions.read_bytes() + b"\xef\xbb\xbf\r\n")
        (path / "campaigns.jsonl").write_bytes(b"\xef\xbb\xbf")

        result = read_dataset(path)

        assert (True, 1, 0) == (result.valid, result.read["sessions"], result.read["campaigns"])
        assert attrs.evolve(DATASET, campaigns=()) == result.dataset

    @pytest.mark.parametrize(
        ("data", "words"),
        [
            ("x".encode("utf-16"), "UTF-16"),
            (None, "cannot be read"),
        ],
        ids=["utf-16", "missing"],
    )
    def test_a_file_that_cannot_be_read_raises(
        self, directory: Path, data: bytes | None, words: str
    ) -> None:
        """
        The generator raises a load error, placed by file.
        """
        path = directory / "tips.jsonl"
        if data is not None:
            path.write_bytes(data)

        with pytest.raises(DatasetLoadError) as caught:
            list(iter_jsonl(path, TipRecord, "tips"))

        assert words in caught.value.problems[0].reason

    @pytest.mark.parametrize("form", ["jsonl", "csv"])
    def test_a_section_file_that_cannot_be_read_is_a_problem(
        self, directory: Path, form: str
    ) -> None:
        """
        Through read_dataset, a section file that cannot be read is a problem of the file.
        """
        path = written(directory, form)
        (path / f"tips.{form}").unlink()
        (path / f"tips.{form}").mkdir()

        result = read_dataset(path)

        assert [(f"tips.{form}", None, None, None)] == places(result.problems)
        assert "cannot be read: Is a directory" == result.problems[0].reason


class TestDirectories:
    """
    A directory holds ``dataset.json`` and its section files, of one form.
    """

    def test_a_missing_section_file_is_an_empty_section(self, directory: Path) -> None:
        """
        Only the files present are read.
        """
        path = written(directory, "jsonl")
        (path / "declared_tallies.jsonl").unlink()

        assert () == load(path).declared_tallies

    def test_a_file_of_another_name_is_a_problem(self, directory: Path) -> None:
        """
        ``tip.csv`` is no section: it is reported, with the name meant.
        """
        path = written(directory, "csv")
        (path / "tip.csv").write_text("id\n", encoding="utf-8")
        (path / "Ghi chú.csv").write_text("id\n", encoding="utf-8")
        (path / "README.txt").write_text("Phường Đức Xuân", encoding="utf-8")

        problems = read_dataset(path).problems

        assert [
            "Ghi chú.csv: unknown section file",
            "tip.csv: unknown section file; did you mean 'tips.csv'?",
        ] == [f"{Path(str(p.file)).name}: {p.reason}" for p in problems]

    def test_both_forms_in_one_directory_is_a_problem(self, directory: Path) -> None:
        """
        CSV and JSON Lines section files together cannot be told apart: nothing is read.
        """
        path = written(directory, "csv")
        (path / "tips.jsonl").write_text("", encoding="utf-8")

        result = read_dataset(path)

        assert (None, 0) == (result.dataset, sum(result.read.values()))
        assert "both .jsonl and .csv" in result.problems[0].reason

    def test_a_directory_without_its_header_has_no_dataset(self, directory: Path) -> None:
        """
        Without ``dataset.json`` the records are read, but no dataset is built.
        """
        path = written(directory, "csv")
        (path / "dataset.json").unlink()

        result = read_dataset(path)

        assert (None, DATASET.record_counts()) == (result.dataset, dict(result.accepted))
        assert [("dataset.json", None, None, None)] == places(result.problems)

    @pytest.mark.parametrize(
        ("header", "location", "words"),
        [
            ({"units": []}, "$.units", "the records go in units.csv"),
            ({"note": "x"}, "$.note", "unknown key"),
            ({"format_version": 2}, "$.format_version", "unsupported format version"),
            ({"period": {"start": "2017-01-01"}}, "$.period.end", "required key is missing"),
            ({"description": "\ud800"}, "$.description", "lone surrogate"),
        ],
        ids=["section", "unknown", "version", "period", "surrogate"],
    )
    def test_a_bad_header_is_a_problem_of_dataset_json(
        self, directory: Path, header: dict[str, object], location: str, words: str
    ) -> None:
        """
        Each problem of the header is placed in ``dataset.json``, by its key.
        """
        path = written(directory, "csv")
        values = json.loads((path / "dataset.json").read_text(encoding="utf-8"))
        written_document(path, {**values, **header})

        problems = read_dataset(path).problems

        assert [location] == [problem.location for problem in problems]
        assert words in problems[0].reason
        assert "dataset.json" == Path(str(problems[0].file)).name

    @pytest.mark.parametrize(
        ("data", "words"),
        [
            (b'{"format_version": 1', "not JSON"),
            (b"[1]", "one JSON object"),
            (b'{"description": "\xd0\xfd"}', "not UTF-8 text"),
            (b'{"format_version": 1, "format_version": 1}', "the key appears twice"),
        ],
        ids=["truncated", "array", "latin-1", "twice"],
    )
    def test_a_header_that_does_not_read_is_a_problem(
        self, directory: Path, data: bytes, words: str
    ) -> None:
        """
        A ``dataset.json`` that is not one JSON object in UTF-8 leaves no dataset.
        """
        path = written(directory, "jsonl")
        (path / "dataset.json").write_bytes(data)

        result = read_dataset(path)

        assert None is result.dataset
        assert any(words in problem.reason for problem in result.problems)

    def test_a_header_that_cannot_be_opened_is_a_problem(self, directory: Path) -> None:
        """
        A ``dataset.json`` that is a directory is reported as unreadable.
        """
        path = written(directory, "jsonl")
        (path / "dataset.json").unlink()
        (path / "dataset.json").mkdir()

        result = read_dataset(path)

        assert (None, "cannot be read: Is a directory") == (
            result.dataset,
            result.problems[0].reason,
        )

    @pytest.mark.parametrize(
        ("key", "value", "words"),
        [
            ("reporting_unit_code", "01843", "must be a unit of the registry"),
            ("description", " ", "blank"),
        ],
    )
    def test_a_header_text_refused_leaves_the_dataset_without_it(
        self, directory: Path, key: str, value: str, words: str
    ) -> None:
        """
        The dataset is built all the same, without the text, and the problem is reported.
        """
        path = written(directory, "jsonl")
        values = json.loads((path / "dataset.json").read_text(encoding="utf-8"))
        written_document(path, {**values, key: value})

        result = read_dataset(path)

        changes: dict[str, Any] = {key: None}
        assert attrs.evolve(DATASET, **changes) == result.dataset
        assert [(f"$.{key}", value)] == [(p.location, p.value) for p in result.problems]
        assert words in result.problems[0].reason


class TestJsonFile:
    """
    Through read_dataset, a JSON dataset file is read record by record.
    """

    def test_a_bad_record_is_rejected_alone(self, directory: Path) -> None:
        """
        A session with a bad count is rejected; every other record is accepted.
        """
        values = document()
        values["sessions"][0]["participant_turns"] = "45"
        path = written_document(directory, values)

        result = read_dataset(path)

        expected = attrs.evolve(DATASET, sessions=())
        assert (expected, [("dataset.json", None, 1, "participant_turns")]) == (
            result.dataset,
            places(result.all_problems),
        )

    def test_the_column_of_a_nested_problem_is_its_field(self, directory: Path) -> None:
        """
        A bad extension is placed under the tip's ``extensions``.
        """
        values = document()
        values["tips"][0]["extensions"][0]["until"] = "2017-5-8"
        path = written_document(directory, values)

        problems = read_dataset(path).all_problems

        assert ["$.tips[0].extensions[0].until"] == [problem.location for problem in problems]
        assert [("dataset.json", None, 1, "extensions")] == places(problems)

    def test_a_key_twice_in_a_record_rejects_it(self, directory: Path) -> None:
        """
        A record that gives a key twice is rejected, at that key.
        """
        path = directory / "dataset.json"
        text = json.dumps(document(), ensure_ascii=False)
        path.write_text(text.replace('"id": "S1",', '"id": "S1", "id": "S2",'), encoding="utf-8")

        result = read_dataset(path)

        assert [("$.sessions[0].id", "the key appears twice")] == [
            (p.location, p.reason[:21]) for p in result.all_problems
        ]

    def test_problems_of_the_document_are_not_tied_to_a_record(self, directory: Path) -> None:
        """
        An unknown key and a section that is not an array are problems of the file.
        """
        values = document()
        values["tipz"] = []
        values["tips"] = {}
        path = written_document(directory, values)

        result = read_dataset(path)

        assert ["$.tipz", "$.tips"] == [problem.location for problem in result.problems]
        assert 0 == result.read["tips"]

    def test_a_key_twice_at_the_top_is_a_problem_of_the_file(self, directory: Path) -> None:
        """
        A section given twice is reported; the last one is read.
        """
        path = directory / "dataset.json"
        text = json.dumps(document(), ensure_ascii=False)
        path.write_text(text[:-1] + ', "declared_tallies": []}', encoding="utf-8")

        result = read_dataset(path)

        assert ["$.declared_tallies"] == [problem.location for problem in result.problems]
        assert 0 == result.read["declared_tallies"]

    def test_a_lone_surrogate_in_a_record_is_refused(self, directory: Path) -> None:
        """
        A string escaping half a surrogate pair is not text: refused, and shown replaced.
        """
        path = directory / "dataset.json"
        text = json.dumps(document(), ensure_ascii=False)
        path.write_text(text.replace('"Tổ 1"', '"T\\ud800"'), encoding="utf-8")

        result = read_dataset(path)

        assert ["$.units[3].name"] == [problem.location for problem in result.all_problems]
        assert "T\ufffd" == result.rejected[0].record["name"]
        str(result.all_problems[0]).encode("utf-8")

    def test_a_lone_surrogate_in_a_key_is_refused(self, directory: Path) -> None:
        """
        A key escaping half a surrogate pair is refused, and shown replaced.
        """
        path = directory / "dataset.json"
        text = json.dumps(document(), ensure_ascii=False)
        path.write_text(text.replace('"local_kind"', '"\\udc00"', 1), encoding="utf-8")
        text = path.read_text(encoding="utf-8").replace(
            '"code": "06",', '"code": "06", "\\udc00": 1,'
        )
        path.write_text(text, encoding="utf-8")

        result = read_dataset(path)

        assert "a key that is not text" in [p.reason for p in result.all_problems]
        assert "\ufffd" in result.rejected[0].record


class TestPaths:
    """
    read_dataset tells the form by the path, and refuses a path that holds none.
    """

    @pytest.mark.parametrize(
        ("name", "words"),
        [
            ("missing.json", "no such file or directory"),
            ("tips.csv", "not a dataset"),
            ("tips.jsonl", "not a dataset"),
            ("na\x00me.json", "no such file or directory"),
        ],
        ids=["missing", "csv", "jsonl", "nul"],
    )
    def test_a_path_that_holds_no_dataset_raises(
        self, directory: Path, name: str, words: str
    ) -> None:
        """
        The load error names the path and what is wrong with it.
        """
        path = directory / name
        if "\x00" not in name and name != "missing.json":
            path.write_text("id\n", encoding="utf-8")

        with pytest.raises(DatasetLoadError) as caught:
            read_dataset(path)

        assert words in caught.value.problems[0].reason

    @pytest.mark.parametrize(
        ("form", "method"),
        [("json", "read_bytes"), ("xlsx", "open"), ("csv", "iterdir"), ("jsonl", "is_dir")],
    )
    def test_a_path_the_system_refuses_raises(
        self, directory: Path, monkeypatch: pytest.MonkeyPatch, form: str, method: str
    ) -> None:
        """
        A dataset that the system refuses to read or list raises a load error.
        """
        path = written(directory, form)

        def refuse(*_args: object, **_kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(Path, method, refuse)

        with pytest.raises(DatasetLoadError, match="cannot be read: Permission denied"):
            read_dataset(path)

    def test_a_directory_named_like_a_file_is_a_directory(self, directory: Path) -> None:
        """
        A directory called ``x.json`` is read as a directory.
        """
        path = directory / "x.json"
        write_dataset(DATASET, path, form="csv", include_informants=True)

        assert DATASET == load(path)

    def test_a_broken_workbook_is_a_problem(self, directory: Path) -> None:
        """
        A file named ``.xlsx`` that is no workbook is reported, not raised.
        """
        path = directory / "dataset.xlsx"
        path.write_bytes(b"PK\x03\x04 not really")

        result = read_dataset(path)

        assert None is result.dataset
        assert result.problems[0].reason.startswith("not an Excel workbook (.xlsx): ")


class TestRejection:
    """
    Every record read is accepted or rejected; the registry rejects what it refuses.
    """

    def test_units_under_a_rejected_unit_are_rejected_with_their_reason(
        self, directory: Path
    ) -> None:
        """
        A city without a name is rejected; the ward, hamlet and school under it follow.
        """
        path = written(directory, "csv")
        set_csv_cell(path / "units.csv", 3, "name", "")

        result = read_dataset(path)

        expected = [
            ("units", 3, "$.units[1].name", "required key is missing"),
            (
                "units",
                4,
                "$.units[2].parent_code",
                "unknown parent unit '058'; the unit with this code was read but rejected",
            ),
            (
                "units",
                5,
                "$.units[3].parent_code",
                "unknown parent unit '01840'; the unit with this code was read but rejected",
            ),
            (
                "organisations",
                2,
                "$.organisations[0].unit_code",
                "unknown unit '01840'; the unit with this code was read but rejected",
            ),
        ]
        assert expected == [
            (r.section, r.row, p.location, p.reason) for r in result.rejected for p in r.problems
        ]
        assert (1, 0) == (result.accepted["units"], result.accepted["organisations"])

    def test_a_unit_rejected_without_a_code_names_no_code(self, directory: Path) -> None:
        """
        A unit under an unknown parent is rejected; a unit without a code beside it too.
        """
        values = document()
        values["units"][3]["parent_code"] = "01841"
        values["units"].append({"name": "Tổ 2"})
        path = written_document(directory, values)

        result = read_dataset(path)

        assert [
            (4, "$.units[3].parent_code", "unknown parent unit '01841'"),
            (5, "$.units[4].code", "required key is missing"),
            (5, "$.units[4].kind", "required key is missing"),
        ] == [(r.row, p.location, p.reason) for r in result.rejected for p in r.problems]

    def test_a_rejected_unit_with_a_code_that_is_no_text(self, directory: Path) -> None:
        """
        A unit whose code is an array is rejected; the registry's rejections still read.
        """
        values = document()
        values["units"][3]["parent_code"] = "01841"
        values["units"].append({"code": ["06"], "name": "Tổ 2", "kind": "village"})

        result = read_dataset(written_document(directory, values))

        assert [4, 5] == [record.row for record in result.rejected]

    def test_a_duplicate_code_rejects_the_second_unit(self, directory: Path) -> None:
        """
        The first unit with a code is kept; the second is rejected.
        """
        values = document()
        values["units"].append({"code": "06", "name": "Bắc Kạn", "kind": "province"})
        path = written_document(directory, values)

        result = read_dataset(path)

        assert [(5, "$.units[4].code", "duplicate unit code")] == [
            (r.row, p.location, p.reason) for r in result.rejected for p in r.problems
        ]
        assert DATASET == result.dataset

    @pytest.mark.parametrize("form", ["csv", "jsonl", "xlsx"])
    @given(
        dataset=datasets(max_tips=5, max_sessions=4, max_declared_tallies=2),
        data=st.data(),
    )
    @settings(max_examples=6)
    def test_nothing_is_lost(
        self, form: str, dataset: MovementDataset, data: st.DataObject
    ) -> None:
        """
        With bad cells injected, accepted + rejected == read in every section.
        """
        dataset = with_newer_sections(dataset, data)
        with tempfile.TemporaryDirectory() as name:
            path = written(Path(name), form, dataset)
            INJECT[form](path, data)
            result = read_dataset(path)
        rejected = Counter(record.section for record in result.rejected)

        assert dataset.record_counts() == dict(result.read)
        assert dict(result.read) == {
            section: result.accepted[section] + rejected[section] for section in SECTION_NAMES
        }


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["id", "code", "period", "start", "informant", "units", "tips"])
            | st.text(max_size=6),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)
HEADER_NAMES = st.sampled_from(
    sorted({name for columns in COLUMNS.values() for name in columns} | {"Mã", "Loại", ""})
)


class TestHostileInput:
    """
    Whatever the bytes, reading raises nothing but antq's errors.
    """

    @given(
        data=st.binary(max_size=200),
        name=st.sampled_from(
            [
                "x.json",
                "x.xlsx",
                "d/tips.jsonl",
                "d/tips.csv",
                "d/dataset.json",
                "e/dataset.json",
                "d/units.csv",
            ]
        ),
    )
    @settings(max_examples=60)
    def test_arbitrary_bytes_in_any_file(self, data: bytes, name: str) -> None:
        """
        Random bytes as a dataset file, a header or a section file.
        """
        with tempfile.TemporaryDirectory() as directory:
            path = Path(directory) / name
            path.parent.mkdir(exist_ok=True)
            if path.parent.name == "d":
                written_document(path.parent, header_values())
            path.write_bytes(data)
            only_antq_errors(path if path.parent == Path(directory) else path.parent)

    @given(
        value=JSON_VALUES,
        where=st.sampled_from(["file", "header", "line", "record", "period", "fact"]),
    )
    @settings(max_examples=60)
    def test_arbitrary_json_values(self, value: object, where: str) -> None:
        """
        Any JSON value, as a whole file, a header, a line, a record, a period or a fact's value.
        """
        with tempfile.TemporaryDirectory() as name:
            directory = Path(name)
            if where == "file":
                path = written_document(directory, value)
            elif where in {"record", "period", "fact"}:
                values = document()
                if where == "record":
                    values["tips"].append(value)
                elif where == "fact":
                    fact = {"unit_code": "01840", "year": 2017, "fact": "sabotage", "value": value}
                    values["assessment_facts"] = [fact]
                else:
                    values["period"] = value
                path = written_document(directory, values)
            else:
                path = directory / "d"
                path.mkdir()
                written_document(path, value if where == "header" else header_values())
                line = json.dumps(value) if where == "line" else "{}"
                (path / "tips.jsonl").write_text(line + "\n", encoding="utf-8")
            only_antq_errors(path)

    @given(
        header=st.lists(HEADER_NAMES | st.text(max_size=5), max_size=6),
        rows=st.lists(st.lists(st.text(max_size=6), max_size=7), max_size=4),
        section=st.sampled_from(SECTION_NAMES),
    )
    @settings(max_examples=60)
    def test_arbitrary_csv_text(
        self, header: list[str], rows: list[list[str]], section: str
    ) -> None:
        """
        Any table of text under any column names, as a section file.
        """
        with tempfile.TemporaryDirectory() as name:
            path = Path(name)
            written_document(path, header_values())
            with (path / f"{section}.csv").open("w", encoding="utf-8", newline="") as stream:
                csv.writer(stream).writerows([header, *rows])
            result = read_dataset(path)

        rejected = sum(1 for record in result.rejected if record.section == section)
        assert result.read[section] == result.accepted[section] + rejected

    @given(text=st.text(max_size=200), form=st.sampled_from(["csv", "jsonl"]))
    @settings(max_examples=40)
    def test_arbitrary_text_as_a_section_file(self, text: str, form: str) -> None:
        """
        Any text as a section file.
        """
        with tempfile.TemporaryDirectory() as name:
            path = Path(name)
            written_document(path, header_values())
            (path / f"tips.{form}").write_text(text, encoding="utf-8", errors="surrogatepass")
            only_antq_errors(path)

    @pytest.mark.parametrize("form", FORMS)
    @given(cut=st.floats(0, 1))
    @settings(max_examples=10)
    def test_truncated_files(self, form: str, cut: float) -> None:
        """
        A file cut short anywhere is read as far as it goes.
        """
        with tempfile.TemporaryDirectory() as name:
            path = written(Path(name), form)
            file = path / f"tips.{form}" if path.is_dir() else path
            data = file.read_bytes()
            file.write_bytes(data[: int(len(data) * cut)])
            only_antq_errors(path)

    @pytest.mark.parametrize("form", FORMS)
    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "latin-1", "cp1258"])
    def test_files_in_other_encodings(self, directory: Path, form: str, encoding: str) -> None:
        """
        Text files saved in another encoding are refused, never misread.
        """
        path = written(directory, form)
        files = [path] if form == "json" else list(path.iterdir()) if path.is_dir() else []
        for file in files:
            text = file.read_text(encoding="utf-8-sig")
            file.write_bytes(text.encode(encoding, errors="replace"))

        only_antq_errors(path)
        assert form == "xlsx" or not read_dataset(path).valid


class TestInformantProtection:
    """
    An informant's identity never leaves in a problem, a rejected record or a rejects file.
    """

    @pytest.fixture
    def rejected_tip(self, directory: Path) -> ReadResult:
        """
        Return the result of reading a file whose tip, with its informant, is rejected.
        """
        values = document()
        values["tips"][0]["received_on"] = "2017-3-8"
        values["tips"][0]["informant"]["phone"] = PHONE
        return read_dataset(written_document(directory, values, "source.json"))

    def test_not_in_the_rejected_record(self, rejected_tip: ReadResult) -> None:
        """
        The record shows every informant value as protected.
        """
        protected = "<protected>"
        expected = {"full_name": protected, "contact": protected, "phone": protected}

        assert expected == rejected_tip.rejected[0].record["informant"]

    def test_not_in_any_problem_or_repr(self, rejected_tip: ReadResult) -> None:
        """
        Neither the problems, their text, nor the result's repr hold the identity.
        """
        shown = repr(rejected_tip) + "".join(map(str, rejected_tip.all_problems))

        assert [] == [secret for secret in (INFORMANT_NAME, PHONE) if secret in shown]
        assert "'<protected>'" in shown

    @pytest.mark.parametrize("form", FORMS)
    def test_not_in_a_rejects_file_by_default(
        self, rejected_tip: ReadResult, directory: Path, form: str
    ) -> None:
        """
        The rejects file leaves the informant out; it holds the record and its problems.
        """
        path = path_for(directory, form)
        write_rejects(rejected_tip, path, form=form)  # type: ignore[arg-type]

        shown = read_rejects(path)
        assert [] == [secret for secret in (INFORMANT_NAME, PHONE) if secret in shown]
        assert "received_on: expected an ISO 8601 date" in shown

    @pytest.mark.parametrize("form", FORMS)
    def test_in_a_rejects_file_when_asked_by_name(
        self, rejected_tip: ReadResult, directory: Path, form: str
    ) -> None:
        """
        With ``include_informants=True`` the rejects file holds the informant as read.
        """
        path = path_for(directory, form)
        write_rejects(rejected_tip, path, form=form, include_informants=True)  # type: ignore[arg-type]

        assert INFORMANT_NAME in read_rejects(path)

    def test_a_csv_informant_column_is_protected(self, directory: Path) -> None:
        """
        Informant cells show as protected, as do unknown informant columns and their rules.
        """
        path = written(directory, "csv")
        set_csv_cell(path / "tips.csv", 2, "informant.contact", " ")
        set_csv_cell(path / "tips.csv", 2, "informant.phone", PHONE)

        result = read_dataset(path)

        record = result.rejected[0].record
        assert ("<protected>", "<protected>") == (
            record["informant.full_name"],
            record["informant.phone"],
        )
        assert {"<protected>"} == {problem.value for problem in result.all_problems}

    def test_an_informant_that_is_no_object_is_protected(self, directory: Path) -> None:
        """
        An informant written as a bare name is shown as protected too.
        """
        values = document()
        values["tips"][0]["informant"] = INFORMANT_NAME

        result = read_dataset(written_document(directory, values))

        assert "<protected>" == result.rejected[0].record["informant"]
        assert INFORMANT_NAME not in repr(result)

    def test_a_tip_key_that_is_no_field_is_protected(self, directory: Path) -> None:
        """
        In a tip, a key that is not a field may hold the identity: it is protected too.
        """
        values = document()
        values["tips"][0]["informant_name"] = INFORMANT_NAME

        result = read_dataset(written_document(directory, values))
        write_rejects(result, directory / "rejects.json")

        assert "<protected>" == result.rejected[0].record["informant_name"]
        assert ["<protected>"] == [problem.value for problem in result.all_problems]
        assert INFORMANT_NAME not in (directory / "rejects.json").read_text(encoding="utf-8")

    @pytest.mark.parametrize(
        ("section", "header"),
        [("tips", "Họ tên người báo tin"), ("sessions", "informant.full_name")],
    )
    def test_a_column_that_may_hold_the_identity_is_protected(
        self, directory: Path, section: str, header: str
    ) -> None:
        """
        An unknown column of tips, or any informant column elsewhere, is protected.
        """
        path = written(directory, "csv")
        set_csv_cell(path / f"{section}.csv", 2, header, INFORMANT_NAME)

        result = read_dataset(path)

        assert ["<protected>"] == [problem.value for problem in result.all_problems]
        assert "<protected>" == result.rejected[0].record[header]

    def test_writing_leaves_out_every_informant_column(self, directory: Path) -> None:
        """
        By default a CSV file of tips has no informant column at all.
        """
        path = written(directory, "csv", include_informants=False)

        assert "informant" not in csv_rows(path / "tips.csv")[0][-1]
        texts = [file.read_text(encoding="utf-8-sig") for file in path.iterdir()]
        assert not any(INFORMANT_NAME in text for text in texts)


class TestRejects:
    """
    write_rejects writes the rejected records as read, each with its problems.
    """

    @pytest.fixture
    def result(self, directory: Path) -> ReadResult:
        """
        Return the result of reading a workbook with two bad sessions and a bad unit.
        """
        path = written(directory, "xlsx")

        def change(workbook: Any) -> None:
            sessions = workbook["sessions"]
            sessions.append(["S2", naive(2017, 3, 9), "01840-T01", "propaganda", 1.5])
            sessions.append(["S3", "2017-03-10", "01840-T01", "propaganda", dt.timedelta(hours=5)])
            sessions["B2"] = naive(2017, 3, 8, 10)
            sessions["C2"] = "=A1"
            workbook["units"]["B5"] = None

        edit_workbook(path, change)
        return read_dataset(path)

    def test_a_csv_rejects_file_has_the_columns_read_and_the_problems(
        self, result: ReadResult, directory: Path
    ) -> None:
        """
        Each rejected row is written with its cells as read and one ``_problems`` column.
        """
        path = directory / "rejects"
        write_rejects(result, path, form="csv")

        rows = csv_rows(path / "sessions.csv")

        assert ["id", "held_on", "place_code", "kind", "participant_turns"] == rows[0][:5]
        assert ["S1", "2017-03-08T10:00:00", "=A1"] == rows[1][:3]
        assert (
            "held_on: expected a date, found a date with a time of day; place_code: formulas"
            in (rows[1][-1])
        )
        assert ["S2", "2017-03-09", "01840-T01", "propaganda", "1.5"] == rows[2][:5]

    def test_a_section_without_rejects_is_an_empty_table(
        self, result: ReadResult, directory: Path
    ) -> None:
        """
        A section with nothing rejected has its own columns, and no row.
        """
        path = directory / "rejects"
        write_rejects(result, path, form="csv")

        assert [[*COLUMNS["campaigns"], "_problems"]] == csv_rows(path / "campaigns.csv")

    def test_a_json_rejects_file_writes_cells_as_text(
        self, result: ReadResult, directory: Path
    ) -> None:
        """
        Dates and times read from a workbook are written as ISO text in JSON.
        """
        path = directory / "rejects.json"
        write_rejects(result, path)

        values = json.loads(path.read_text(encoding="utf-8"))

        assert ("2017-03-08T10:00:00", "2017-12-31") == (
            values["sessions"][0]["held_on"],
            values["period"]["end"],
        )
        assert "name: required key is missing" == values["units"][0]["_problems"]
        assert "5:00:00" == values["sessions"][2]["participant_turns"]

    def test_a_workbook_rejects_file_keeps_a_formula_as_text(
        self, result: ReadResult, directory: Path
    ) -> None:
        """
        A formula read is written back as the text it was, never as a live formula.
        """
        path = directory / "rejects.xlsx"
        write_rejects(result, path)

        cell = openpyxl.load_workbook(path)["sessions"]["C2"]

        assert ("=A1", "s") == (cell.value, cell.data_type)

    @pytest.mark.parametrize("form", ["jsonl", "csv"])
    def test_no_header_is_written_without_a_dataset(self, directory: Path, form: str) -> None:
        """
        When the header read was unusable, the rejects have no ``dataset.json``.
        """
        path = written(directory, form)
        (path / "dataset.json").unlink()

        write_rejects(read_dataset(path), directory / "rejects", form=form)  # type: ignore[arg-type]

        assert not (directory / "rejects" / "dataset.json").exists()

    def test_a_workbook_without_a_dataset_has_an_empty_header(self, directory: Path) -> None:
        """
        When the header read was unusable, the sheet ``dataset`` holds its title row only.
        """
        path = written(directory, "xlsx")
        edit_workbook(path, lambda workbook: workbook.remove(workbook["dataset"]))
        rejects = directory / "rejects.xlsx"

        write_rejects(read_dataset(path), rejects)

        rows = list(openpyxl.load_workbook(rejects)["dataset"].values)
        assert [("key", "value")] == rows

    def test_a_workbook_rejects_file_keeps_text_as_read(self, directory: Path) -> None:
        """
        A date written the wrong way stays the text it was, for the sender to see.
        """
        path = written(directory, "csv")
        set_csv_cell(path / "sessions.csv", 2, "held_on", "20170308")
        rejects = directory / "rejects.xlsx"

        write_rejects(read_dataset(path), rejects)

        assert "20170308" == openpyxl.load_workbook(rejects)["sessions"]["B2"].value

    def test_control_characters_are_replaced_in_a_workbook(self, directory: Path) -> None:
        """
        A character no workbook can hold is written as a replacement character.
        """
        path = written(directory, "csv")
        set_csv_cell(path / "sessions.csv", 2, "kind", "pro\x01paganda")
        rejects = directory / "rejects.xlsx"

        write_rejects(read_dataset(path), rejects)

        assert "pro\ufffdpaganda" == openpyxl.load_workbook(rejects)["sessions"]["D2"].value


class TestWriting:
    """
    write_dataset writes every form; the form is told by the path or given.
    """

    @pytest.mark.parametrize(
        ("name", "form", "words"),
        [
            ("out", None, "cannot be told from the path"),
            ("out.xlsx", "json", "a json dataset is a file named *.json"),
            ("out", "parquet", "the forms are 'json', 'jsonl', 'csv', 'xlsx'"),
        ],
    )
    def test_a_form_that_does_not_fit_the_path_is_refused(
        self, directory: Path, name: str, form: str | None, words: str
    ) -> None:
        """
        The error names the rule.
        """
        with pytest.raises(InvalidValueError) as caught:
            write_dataset(DATASET, directory / name, form=form)  # type: ignore[arg-type]

        assert words in caught.value.rule

    def test_a_directory_of_the_other_form_is_refused(self, directory: Path) -> None:
        """
        CSV files are not written beside JSON Lines section files.
        """
        path = written(directory, "jsonl")

        with pytest.raises(InvalidValueError, match=r"holds \.jsonl section files"):
            write_dataset(DATASET, path, form="csv")

    @pytest.mark.parametrize("form", ["jsonl", "csv"])
    def test_every_older_section_file_is_written_even_when_empty(
        self, directory: Path, form: str
    ) -> None:
        """
        A directory has its header and one file per older section, even when empty.
        """
        path = written(directory, form, attrs.evolve(DATASET, campaigns=(), sessions=()))

        expected = ["dataset.json", *(f"{name}.{form}" for name in OLDER)]
        assert sorted(expected) == sorted(file.name for file in path.iterdir())
        file = path / f"campaigns.{form}"
        if form == "jsonl":
            assert "" == file.read_text(encoding="utf-8")
        else:
            assert [list(COLUMNS["campaigns"])] == csv_rows(file)

    @pytest.mark.parametrize("form", ["jsonl", "csv"])
    def test_every_newer_section_file_is_written_when_filled(
        self, directory: Path, form: str
    ) -> None:
        """
        A directory with records in every section has a file for every section.
        """
        path = written(directory, form, FILLED)

        expected = ["dataset.json", *(f"{name}.{form}" for name in SECTION_NAMES)]
        assert sorted(expected) == sorted(file.name for file in path.iterdir())

    @pytest.mark.parametrize(
        ("change", "field", "value", "words"),
        [
            ({"description": "=SUM(A1)"}, "description", "=SUM(A1)", "formula"),
            ({"description": "a\x01b"}, "description", "a\x01b", "control characters"),
            ({"description": "x" * 32_768}, "description", "x" * 32_768, "32,767"),
        ],
        ids=["formula", "control", "huge"],
    )
    def test_a_workbook_refuses_a_text_it_cannot_hold(
        self, directory: Path, change: dict[str, Any], field: str, value: str, words: str
    ) -> None:
        """
        A text Excel would misread or cut is refused, naming the field.
        """
        dataset = attrs.evolve(DATASET, **change)

        with pytest.raises(InvalidValueError) as caught:
            written(directory, "xlsx", dataset)

        assert (field, value) == (caught.value.field, caught.value.value)
        assert words in caught.value.rule

    def test_a_refused_informant_text_is_not_shown(self, directory: Path) -> None:
        """
        An informant's text that a workbook cannot hold is refused without its value.
        """
        tip = DATASET.tips[0]
        assert tip.informant is not None
        informant = attrs.evolve(tip.informant, full_name="=" + INFORMANT_NAME)
        dataset = attrs.evolve(DATASET, tips=[attrs.evolve(tip, informant=informant)])

        with pytest.raises(InvalidValueError) as caught:
            written(directory, "xlsx", dataset)

        assert INFORMANT_NAME not in str(caught.value)


class TestExcelExtra:
    """
    Without openpyxl, the Excel form says which extra to install.
    """

    def test_reading_a_workbook_names_the_extra(
        self, directory: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Reading raises an ImportError that is an antq error and names ``antq[excel]``.
        """
        path = written(directory, "xlsx")
        monkeypatch.setitem(sys.modules, "openpyxl", None)

        with pytest.raises(ExtraNotInstalledError, match=r"antq\[excel\]") as caught:
            read_dataset(path)

        assert isinstance(caught.value, ImportError | AntqError)

    def test_writing_a_workbook_names_the_extra(
        self, directory: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Writing raises the same error.
        """
        monkeypatch.setitem(sys.modules, "openpyxl", None)

        with pytest.raises(ExtraNotInstalledError, match=r"antq\[excel\]"):
            written(directory, "xlsx")


class TestLoad:
    """
    load is the strict reading: the dataset, or one error listing every problem.
    """

    def test_lists_every_problem_placed_in_its_file(self, directory: Path) -> None:
        """
        The error's lines show file, row and column before each problem.
        """
        path = written(directory, "csv")
        set_csv_cell(path / "sessions.csv", 2, "participant_turns", "4 5")
        set_csv_cell(path / "units.csv", 5, "kind", "hamlet")

        with pytest.raises(DatasetLoadError) as caught:
            load(path)

        lines = str(caught.value).splitlines()
        assert f"2 problem(s) in {path}:" == lines[0]
        assert lines[1].startswith(f"  {path / 'units.csv'}:5:kind: $.units[3].kind: unknown")
        assert lines[2].startswith(f"  {path / 'sessions.csv'}:2:participant_turns: ")

    def test_a_read_result_is_valid_only_without_problems(self, directory: Path) -> None:
        """
        ``valid`` is false as soon as anything was rejected or is wrong.
        """
        path = written(directory, "jsonl")
        (path / "tip.jsonl").write_text("", encoding="utf-8")

        result = read_dataset(path)

        assert (False, DATASET, result.problems) == (
            result.valid,
            result.dataset,
            result.all_problems,
        )


class TestLoadProblemPlace:
    """
    A problem placed in a file shows its place before its location.
    """

    @pytest.mark.parametrize(
        ("place", "expected"),
        [
            ({}, "$.tips[0].id: reason (value: 5)"),
            (
                {"file": "a.csv", "row": 3, "column": "id"},
                "a.csv:3:id: $.tips[0].id: reason (value: 5)",
            ),
            (
                {"file": "a.xlsx", "sheet": "tips", "row": 3, "column": "Mã số"},
                "a.xlsx:tips:3:Mã số: $.tips[0].id: reason (value: 5)",
            ),
        ],
        ids=["none", "csv", "xlsx"],
    )
    def test_str_shows_the_known_parts(self, place: dict[str, Any], expected: str) -> None:
        """
        Only the parts that are known are shown.
        """
        assert expected == str(LoadProblem("$.tips[0].id", 5, "reason", **place))


class TestTypedCells:
    """
    The conversion of typed cells, for the types openpyxl does not produce itself.
    """

    def test_a_date_cell_without_a_time_is_a_date(self) -> None:
        """
        A ``datetime.date`` (not a datetime) converts to its ISO text.
        """
        assert "2017-03-08" == formats._from_excel(dt.date(2017, 3, 8), "date")


class TestLocateFindings:
    """
    Findings about a dataset's records are located where the records were read.
    """

    def test_findings_not_about_a_record_are_kept(self) -> None:
        """
        A finding about the period, or past the records read, is left as it is.
        """
        result = read_dataset(str(example_path()))
        report = ValidationReport(
            (Finding("X401", "$.period"), Finding("C302", "$.sessions[99999].id"))
        )

        assert report == locate_findings(report, result)

    def test_a_record_finding_gets_its_file_row_and_column(self) -> None:
        """
        The file, row and column come from where the record was read.
        """
        result = read_dataset(str(example_path()))
        report = ValidationReport((Finding("C302", "$.sessions[2].id", "S0003", "id"),))

        (finding,) = locate_findings(report, result).findings
        expected = (str(example_path()), None, 3, "id", "$.sessions[2].id")
        assert expected == (
            finding.file,
            finding.sheet,
            finding.row,
            finding.column,
            finding.location,
        )
