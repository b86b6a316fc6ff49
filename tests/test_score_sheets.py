"""
Tests for the score-sheet and scores files (antq.score_sheets).

The cut-offs of the sheets below are made up for the tests: the official ones are not
known.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings

from antq.errors import InvalidValueError, LoadProblem
from antq.rating import (
    ClassCutoff,
    RatedKind,
    RatingClass,
    ScoreItem,
    ScoreSheet,
    UnitScores,
)
from antq.score_sheets import (
    ScoreSheetError,
    load_score_sheet,
    load_scores,
    score_sheet_from_dict,
    scores_from_dict,
)
from antq.testing import score_sheets

if TYPE_CHECKING:
    from pathlib import Path

SHEET = ScoreSheet(
    "hamlet-test",
    "Bảng điểm khu dân cư (thử)",
    [RatedKind.HAMLET],
    "made up for the tests",
    [
        ScoreItem("q1-plan", "Nghị quyết, kế hoạch", 3, group="Tổ chức"),
        ScoreItem("q2-model", "Mô hình", Decimal("2.5")),
    ],
    cutoffs=[ClassCutoff(RatingClass.EXCELLENT, 5), ClassCutoff(RatingClass.GOOD, Decimal("4.5"))],
)

SHEET_DOCUMENT: dict[str, Any] = {
    "id": "hamlet-test",
    "title": "Bảng điểm khu dân cư (thử)",
    "kinds": ["hamlet"],
    "source": "made up for the tests",
    "items": [
        {"id": "q1-plan", "title": "Nghị quyết, kế hoạch", "max_points": 3, "group": "Tổ chức"},
        {"id": "q2-model", "title": "Mô hình", "max_points": Decimal("2.5")},
    ],
    "cutoffs": [
        {"class": "excellent", "minimum": 5},
        {"class": "good", "minimum": Decimal("4.5")},
    ],
}

SHEET_TOML = """\
id = "hamlet-test"
title = "Bảng điểm khu dân cư (thử)"
kinds = ["hamlet"]
source = "made up for the tests"

[[items]]
id = "q1-plan"
title = "Nghị quyết, kế hoạch"
max_points = 3
group = "Tổ chức"

[[items]]
id = "q2-model"
title = "Mô hình"
max_points = 2.5

[[cutoffs]]
class = "excellent"
minimum = 5

[[cutoffs]]
class = "good"
minimum = 4.5
"""

SCORES = (
    UnitScores(
        "01840-T05", 2023, "hamlet-test", dt.date(2023, 11, 18), {"q1-plan": 3, "q2-model": 2}
    ),
    UnitScores(
        "01840-T06", 2023, "hamlet-test", dt.date(2023, 11, 21), {"q1-plan": Decimal("2.5")}
    ),
)

SCORES_DOCUMENT: dict[str, Any] = {
    "scores": [
        {
            "unit_code": "01840-T05",
            "year": 2023,
            "sheet_id": "hamlet-test",
            "submitted_on": "2023-11-18",
            "points": {"q1-plan": 3, "q2-model": 2},
        },
        {
            "unit_code": "01840-T06",
            "year": 2023,
            "sheet_id": "hamlet-test",
            "submitted_on": "2023-11-21",
            "points": {"q1-plan": Decimal("2.5")},
        },
    ]
}

SCORES_TOML = """\
[[scores]]
unit_code = "01840-T05"
year = 2023
sheet_id = "hamlet-test"
submitted_on = 2023-11-18
points = { q1-plan = 3, q2-model = 2 }

[[scores]]
unit_code = "01840-T06"
year = 2023
sheet_id = "hamlet-test"
submitted_on = "2023-11-21"
points = { q1-plan = 2.5 }
"""

DELETE = object()


def changed(document: object, path: tuple[str | int, ...], value: object) -> Any:
    """
    Return a copy of *document* with the value at *path* set (or deleted with DELETE).
    """
    result = copy.deepcopy(document)
    parent: Any = result
    for key in path[:-1]:
        parent = parent[key]
    if value is DELETE:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return result


def problems_of(make: Any) -> list[tuple[str, str]]:
    """
    Return the (location, reason) of every problem of the ScoreSheetError *make* raises.
    """
    with pytest.raises(ScoreSheetError) as info:
        make()
    return [(problem.location, problem.reason) for problem in info.value.problems]


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    """
    Write a file under *tmp_path* and return its path.
    """
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


#: A Decimal is written as a marked string, then unmarked into a JSON number.
_MARKED = re.compile(r'"\\u0001([-0-9.]+)\\u0001"')


def _mark(value: object) -> object:
    if isinstance(value, Decimal):
        return f"\x01{value}\x01"
    if isinstance(value, dict):
        return {key: _mark(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_mark(item) for item in value]
    return value


def dumps(document: object) -> str:
    """
    Return *document* as JSON text, its Decimals as numbers written digit for digit.
    """
    return _MARKED.sub(r"\1", json.dumps(_mark(document), ensure_ascii=False))


# --- score sheets -----------------------------------------------------------------


class TestLoadScoreSheet:
    """
    Reading a score sheet from a JSON or TOML file.
    """

    def test_reads_a_json_sheet(self, tmp_path: Path) -> None:
        """
        A JSON sheet is read into the sheet it describes.
        """
        assert SHEET == load_score_sheet(write(tmp_path, "sheet.json", dumps(SHEET_DOCUMENT)))

    def test_reads_a_toml_sheet(self, tmp_path: Path) -> None:
        """
        A TOML sheet with the same keys is the same sheet.
        """
        assert SHEET == load_score_sheet(write(tmp_path, "sheet.toml", SHEET_TOML))

    def test_a_suffix_is_read_whatever_its_case(self, tmp_path: Path) -> None:
        """
        ``.TOML`` is read as TOML.
        """
        assert SHEET == load_score_sheet(write(tmp_path, "SHEET.TOML", SHEET_TOML))

    def test_decimals_are_read_exactly(self, tmp_path: Path) -> None:
        """
        0.1 is read as Decimal('0.1'), never as a float.
        """
        document = changed(SHEET_DOCUMENT, ("items", 1, "max_points"), Decimal("0.1"))
        document["cutoffs"] = []
        sheet = load_score_sheet(write(tmp_path, "sheet.json", dumps(document)))
        assert Decimal("3.1") == sheet.max_total

    def test_a_byte_order_mark_is_skipped(self, tmp_path: Path) -> None:
        """
        A file saved with a UTF-8 byte order mark is read.
        """
        data = b"\xef\xbb\xbf" + dumps(SHEET_DOCUMENT).encode()
        assert SHEET == load_score_sheet(write(tmp_path, "sheet.json", data))

    @pytest.mark.parametrize(
        ("name", "text", "location", "reason"),
        [
            ("sheet.yaml", "id: x", "$", "unknown file type '.yaml': the file is .json or .toml"),
            ("sheet.json", b"\xff", "$", "not UTF-8 text: invalid start byte at byte 0"),
            ("sheet.json", "{", "$", "not JSON: Expecting property name enclosed"),
            ("sheet.json", "1" * 5000, "$", "not JSON: Exceeds the limit"),
            ("sheet.toml", "id = ", "$", "not TOML: Invalid value"),
            ("sheet.json", '{"id": "a", "id": "b"}', "$..id", "the key appears twice"),
        ],
        ids=["suffix", "not-utf-8", "not-json", "huge-integer", "not-toml", "duplicate-key"],
    )
    def test_refuses_a_file_that_cannot_be_decoded(
        self, tmp_path: Path, name: str, text: str | bytes, location: str, reason: str
    ) -> None:
        """
        A file that is not UTF-8 JSON or TOML is refused, saying why.
        """
        problems = problems_of(lambda: load_score_sheet(write(tmp_path, name, text)))
        assert [(location, True)] == [(where, reason in why) for where, why in problems]

    @pytest.mark.parametrize(
        ("name", "text", "reason"),
        [
            ("sheet.json", '"max_points": 2.5e0', "write points as a plain decimal number"),
            ("sheet.json", '"max_points": NaN', "not a finite number"),
            ("sheet.json", '"max_points": -Infinity', "not a finite number"),
            ("sheet.toml", "max_points = inf", "not a finite number"),
            ("sheet.toml", "max_points = 25e-1", "write points as a plain decimal number"),
        ],
        ids=["json-exponent", "json-nan", "json-infinity", "toml-inf", "toml-exponent"],
    )
    def test_refuses_numbers_it_cannot_read_exactly(
        self, tmp_path: Path, name: str, text: str, reason: str
    ) -> None:
        """
        Exponent notation, NaN and infinities are refused where they are written.
        """
        if name.endswith(".json"):
            document = dumps(SHEET_DOCUMENT).replace('"max_points": 2.5', text)
        else:
            document = SHEET_TOML.replace("max_points = 2.5", text)
        problems = problems_of(lambda: load_score_sheet(write(tmp_path, name, document)))
        assert [("$.items[1].max_points", True)] == [
            (where, reason in why) for where, why in problems
        ]

    def test_problems_name_the_file_and_the_value(self, tmp_path: Path) -> None:
        """
        Each problem is placed in its file, and shows the value as written.
        """
        document = dumps(SHEET_DOCUMENT).replace('"max_points": 2.5', '"max_points": 2.5e0')
        path = write(tmp_path, "sheet.json", document)
        with pytest.raises(ScoreSheetError) as info:
            load_score_sheet(path)
        reason = "write points as a plain decimal number (2.5), not in exponent notation"
        expected = LoadProblem("$.items[1].max_points", "2.5e0", reason, file=str(path))
        message = f"1 problem(s) in {path}:\n  {path}: $.items[1].max_points: {reason} "
        assert (info.value.problems, str(info.value)) == (
            (expected,),
            message + "(value: '2.5e0')",
        )

    def test_a_missing_file_raises_os_error(self, tmp_path: Path) -> None:
        """
        A file that does not exist raises FileNotFoundError, as open() does.
        """
        with pytest.raises(FileNotFoundError):
            load_score_sheet(tmp_path / "none.json")


INVALID_SHEET_DOCUMENTS: list[tuple[str, tuple[str | int, ...], object, str, str]] = [
    ("unknown-key", ("weight",), 1, "$.weight", "unknown key; the keys are id, title"),
    ("id-missing", ("id",), DELETE, "$.id", "required key is missing"),
    ("id-number", ("id",), 5, "$.id", "expected a string, found an integer"),
    ("id-space", ("id",), "a b", "$.id", "an identifier is 1 to 64"),
    ("title-blank", ("title",), "", "$.title", "must not be blank"),
    ("source-null", ("source",), None, "$.source", "expected a string, found null"),
    ("kinds-missing", ("kinds",), DELETE, "$.kinds", "required key is missing"),
    ("kinds-string", ("kinds",), "hamlet", "$.kinds", "expected an array, found a string"),
    ("kinds-unknown", ("kinds", 0), "town", "$.kinds[0]", "expected one of 'hamlet'"),
    ("kinds-empty", ("kinds",), [], "$.kinds", "rates at least one kind of unit"),
    ("kinds-twice", ("kinds",), ["school", "school"], "$.kinds", "each kind is listed once"),
    ("items-missing", ("items",), DELETE, "$.items", "required key is missing"),
    ("items-empty", ("items",), [], "$.items", "a score sheet has at least one item"),
    ("item-number", ("items", 0), 3, "$.items[0]", "expected an object, found an integer"),
    ("item-unknown-key", ("items", 0, "note"), "x", "$.items[0].note", "unknown key"),
    ("item-max-missing", ("items", 0, "max_points"), DELETE, "$.items[0].max_points", "missing"),
    (
        "item-max-string",
        ("items", 0, "max_points"),
        "3",
        "$.items[0].max_points",
        "expected a whole or decimal number, found a string",
    ),
    (
        "item-max-float",
        ("items", 0, "max_points"),
        3.0,
        "$.items[0].max_points",
        "found a float (inexact)",
    ),
    ("item-max-zero", ("items", 0, "max_points"), 0, "$.items[0].max_points", "more than 0"),
    ("item-group-null", ("items", 0, "group"), None, "$.items[0].group", "found null"),
    ("item-group-blank", ("items", 0, "group"), " ", "$.items[0].group", "must not be blank"),
    (
        "item-same-id",
        ("items", 1, "id"),
        "q1-plan",
        "$.items[1].id",
        "the id is already used by items[0]",
    ),
    ("cutoffs-object", ("cutoffs",), {}, "$.cutoffs", "expected an array, found an object"),
    ("cutoff-string", ("cutoffs", 0), "good", "$.cutoffs[0]", "expected an object"),
    ("cutoff-class-missing", ("cutoffs", 0, "class"), DELETE, "$.cutoffs[0].class", "missing"),
    ("cutoff-class-unknown", ("cutoffs", 0, "class"), "best", "$.cutoffs[0].class", "one of"),
    ("cutoff-minimum-bool", ("cutoffs", 0, "minimum"), True, "$.cutoffs[0].minimum", "boolean"),
    (
        "cutoff-minimum-negative",
        ("cutoffs", 1, "minimum"),
        -1,
        "$.cutoffs[1].minimum",
        "points cannot be negative",
    ),
    (
        "cutoff-class-order",
        ("cutoffs", 1, "class"),
        "excellent",
        "$.cutoffs[1].class",
        "cut-offs list each class once, from the best down (cutoffs[0] is 'excellent')",
    ),
    (
        "cutoff-minimum-order",
        ("cutoffs", 1, "minimum"),
        5,
        "$.cutoffs[1].minimum",
        "a cut-off is below the one of the better class (cutoffs[0] is 'excellent', 5)",
    ),
    (
        "cutoff-above-total",
        ("cutoffs", 0, "minimum"),
        6,
        "$.cutoffs[0].minimum",
        "a cut-off is not above the sheet's total of 5.5 points",
    ),
]


class TestScoreSheetFromDict:
    """
    Building a score sheet from a decoded document, with every problem located.
    """

    def test_cutoffs_may_be_left_out(self) -> None:
        """
        A sheet without the key ``cutoffs`` has no cut-offs.
        """
        document = changed(SHEET_DOCUMENT, ("cutoffs",), DELETE)
        assert () == score_sheet_from_dict(document).cutoffs

    @pytest.mark.parametrize("document", [[SHEET_DOCUMENT], "sheet"], ids=["array", "string"])
    def test_refuses_a_document_that_is_not_an_object(self, document: object) -> None:
        """
        A sheet is one object.
        """
        assert "$" == problems_of(lambda: score_sheet_from_dict(document))[0][0]

    @pytest.mark.parametrize(
        ("path", "value", "location", "reason"),
        [row[1:] for row in INVALID_SHEET_DOCUMENTS],
        ids=[row[0] for row in INVALID_SHEET_DOCUMENTS],
    )
    def test_refuses_a_value_at_its_location(
        self, path: tuple[str | int, ...], value: object, location: str, reason: str
    ) -> None:
        """
        Each refused value is reported at its key, with the rule it breaks.
        """
        document = changed(SHEET_DOCUMENT, path, value)
        problems = problems_of(lambda: score_sheet_from_dict(document, source="sheet.json"))
        assert [(location, True)] == [(where, reason in why) for where, why in problems]

    def test_reports_every_problem_at_once(self) -> None:
        """
        Problems in several places are all reported, in the order of the document.
        """
        document = changed(SHEET_DOCUMENT, ("title",), "")
        document = changed(document, ("items", 0, "id"), "q 1")
        document = changed(document, ("items", 0, "max_points"), -1)
        document = changed(document, ("items", 1, "title"), 7)
        document = changed(document, ("cutoffs", 1, "class"), "excellent")
        expected = [
            "$.title",
            "$.items[0].id",
            "$.items[0].max_points",
            "$.items[1].title",
            "$.cutoffs[1].class",
        ]
        assert expected == [
            where for where, _ in problems_of(lambda: score_sheet_from_dict(document))
        ]


# --- scores -----------------------------------------------------------------------


class TestLoadScores:
    """
    Reading the points units gave themselves.
    """

    def test_reads_a_json_scores_file(self, tmp_path: Path) -> None:
        """
        Each record becomes the scores of one unit, in the order of the file.
        """
        path = write(tmp_path, "scores.json", dumps(SCORES_DOCUMENT))
        assert SCORES == load_scores(path, sheets=[SHEET])

    def test_reads_a_toml_scores_file(self, tmp_path: Path) -> None:
        """
        A TOML file may write a date as a TOML date or as text.
        """
        assert SCORES == load_scores(write(tmp_path, "scores.toml", SCORES_TOML))

    def test_missing_items_are_not_a_problem_of_the_file(self, tmp_path: Path) -> None:
        """
        An item left out makes the rating incomplete, not the file invalid.
        """
        scores = load_scores(write(tmp_path, "scores.json", dumps(SCORES_DOCUMENT)), sheets=[SHEET])
        rating = scores[1].rate(SHEET)
        assert (("q2-model",), None) == (rating.missing, rating.rating_class)

    def test_an_empty_file_has_no_scores(self) -> None:
        """
        A file with no record holds no scores.
        """
        assert () == scores_from_dict({"scores": []})

    def test_refuses_a_file_that_cannot_be_decoded(self, tmp_path: Path) -> None:
        """
        Decoding problems are reported as for a sheet.
        """
        path = write(tmp_path, "scores.csv", "unit_code,year")
        assert [("$", "unknown file type '.csv': the file is .json or .toml")] == problems_of(
            lambda: load_scores(path)
        )

    def test_refuses_a_toml_date_with_a_time(self, tmp_path: Path) -> None:
        """
        A TOML date-time is not a day.
        """
        text = SCORES_TOML.replace(
            "submitted_on = 2023-11-18", "submitted_on = 2023-11-18T08:00:00"
        )
        expected = [
            (
                "$.scores[0].submitted_on",
                "expected an ISO 8601 date (YYYY-MM-DD), found a date-time",
            )
        ]
        assert expected == problems_of(lambda: load_scores(write(tmp_path, "s.toml", text)))


INVALID_SCORES_DOCUMENTS: list[tuple[str, tuple[str | int, ...], object, str, str]] = [
    ("scores-missing", ("scores",), DELETE, "$.scores", "required key is missing"),
    ("scores-object", ("scores",), {}, "$.scores", "expected an array, found an object"),
    ("record-string", ("scores", 0), "T05", "$.scores[0]", "expected an object"),
    ("record-unknown-key", ("scores", 0, "kind"), "hamlet", "$.scores[0].kind", "unknown key"),
    ("year-missing", ("scores", 0, "year"), DELETE, "$.scores[0].year", "required key"),
    ("unit-code-number", ("scores", 0, "unit_code"), 1840, "$.scores[0].unit_code", "a string"),
    ("unit-code-space", ("scores", 0, "unit_code"), "T 5", "$.scores[0].unit_code", "identifier"),
    ("year-string", ("scores", 0, "year"), "2023", "$.scores[0].year", "expected an integer"),
    ("year-decimal", ("scores", 0, "year"), Decimal(2023), "$.scores[0].year", "found a number"),
    ("year-zero", ("scores", 0, "year"), 0, "$.scores[0].year", "a year is from 1 to 9999"),
    ("sheet-id-blank", ("scores", 0, "sheet_id"), "", "$.scores[0].sheet_id", "an identifier"),
    (
        "date-impossible",
        ("scores", 0, "submitted_on"),
        "2023-02-30",
        "$.scores[0].submitted_on",
        "not a calendar date: day is out of range for month",
    ),
    (
        "date-vietnamese",
        ("scores", 0, "submitted_on"),
        "18/11/2023",
        "$.scores[0].submitted_on",
        "expected an ISO 8601 date (YYYY-MM-DD), found a string",
    ),
    ("points-array", ("scores", 0, "points"), [3], "$.scores[0].points", "expected an object"),
    (
        "points-string",
        ("scores", 0, "points", "q1-plan"),
        "3",
        "$.scores[0].points['q1-plan']",
        "expected a whole or decimal number, found a string",
    ),
    (
        "points-negative",
        ("scores", 0, "points", "q1-plan"),
        -1,
        "$.scores[0].points",
        "item 'q1-plan': points cannot be negative",
    ),
    (
        "points-bad-id",
        ("scores", 0, "points", "q 1"),
        1,
        "$.scores[0].points",
        "an item id is a local identifier",
    ),
    (
        "same-unit-and-year",
        ("scores", 1, "unit_code"),
        "01840-T05",
        "$.scores[1].unit_code",
        "unit '01840-T05' already has scores for 2023 (scores[0])",
    ),
    (
        "unknown-sheet",
        ("scores", 0, "sheet_id"),
        "commune-test",
        "$.scores[0].sheet_id",
        "no score sheet has this id; known: hamlet-test",
    ),
    (
        "unknown-item",
        ("scores", 0, "points", "q9"),
        1,
        "$.scores[0].points['q9']",
        "sheet 'hamlet-test' has no item with this id; its items: q1-plan, q2-model",
    ),
    (
        "above-maximum",
        ("scores", 0, "points", "q2-model"),
        Decimal("2.6"),
        "$.scores[0].points['q2-model']",
        "item 'q2-model' is worth at most 2.5 points",
    ),
]


class TestScoresFromDict:
    """
    Building the records of a scores file, with every problem located.
    """

    def test_a_unit_may_report_for_several_years(self) -> None:
        """
        The same unit may have scores for two years.
        """
        document = changed(SCORES_DOCUMENT, ("scores", 1, "unit_code"), "01840-T05")
        document = changed(document, ("scores", 1, "year"), 2024)
        assert 2 == len(scores_from_dict(document))

    @pytest.mark.parametrize(
        ("path", "value", "location", "reason"),
        [row[1:] for row in INVALID_SCORES_DOCUMENTS],
        ids=[row[0] for row in INVALID_SCORES_DOCUMENTS],
    )
    def test_refuses_a_value_at_its_location(
        self, path: tuple[str | int, ...], value: object, location: str, reason: str
    ) -> None:
        """
        Each refused value is reported at its key, with the rule it breaks.
        """
        document = changed(SCORES_DOCUMENT, path, value)
        problems = problems_of(lambda: scores_from_dict(document, sheets=[SHEET]))
        assert [(location, True)] == [(where, reason in why) for where, why in problems]

    def test_refuses_a_document_that_is_not_an_object(self) -> None:
        """
        A scores file is one object.
        """
        assert [("$", "expected an object, found an array")] == problems_of(
            lambda: scores_from_dict([])
        )

    def test_no_sheet_is_known_when_none_is_given(self) -> None:
        """
        With an empty list of sheets, every sheet id is unknown.
        """
        problems = problems_of(lambda: scores_from_dict(SCORES_DOCUMENT, sheets=[]))
        expected = ("$.scores[0].sheet_id", "no score sheet has this id; known: none")
        assert expected == problems[0]

    @pytest.mark.parametrize(
        ("sheets", "rule"),
        [([SHEET, SHEET], "two sheets share this id"), (["hamlet-test"], "ScoreSheet objects")],
        ids=["same-id", "not-a-sheet"],
    )
    def test_refuses_sheets_that_cannot_be_told_apart(self, sheets: Any, rule: str) -> None:
        """
        The sheets given are ScoreSheet objects with distinct ids.
        """
        with pytest.raises(InvalidValueError) as info:
            scores_from_dict(SCORES_DOCUMENT, sheets=sheets)
        assert rule in info.value.rule


# --- round trips ------------------------------------------------------------------

# The sheets come from antq.testing.score_sheets. Their texts hold no surrogate (no UTF-8
# file can) and no control character, so a JSON string is a TOML one too: TOML refuses
# U+007F unescaped, which json.dumps leaves as it is.


def sheet_document(sheet: ScoreSheet) -> dict[str, Any]:
    """
    Return the document of a sheet, as the file format holds it.
    """
    items = []
    for item in sheet.items:
        record: dict[str, Any] = {"id": item.id, "title": item.title, "max_points": item.max_points}
        if item.group is not None:
            record["group"] = item.group
        items.append(record)
    return {
        "id": sheet.id,
        "title": sheet.title,
        "kinds": [kind.value for kind in sheet.kinds],
        "source": sheet.source,
        "items": items,
        "cutoffs": [{"class": c.rating_class.value, "minimum": c.minimum} for c in sheet.cutoffs],
    }


def _toml_string(value: object) -> str:
    """
    Write a string, or an array of strings, in TOML: a TOML basic string is a JSON one.
    """
    return json.dumps(value, ensure_ascii=False)


def sheet_toml(sheet: ScoreSheet) -> str:
    """
    Return a sheet as TOML text.
    """
    document = sheet_document(sheet)
    lines = [f"{key} = {_toml_string(document[key])}" for key in ("id", "title", "kinds", "source")]
    for item in document["items"]:
        lines.append("[[items]]")
        lines.extend(
            f"{key} = {value}" if key == "max_points" else f"{key} = {_toml_string(value)}"
            for key, value in item.items()
        )
    for cutoff in document["cutoffs"]:
        lines += ["[[cutoffs]]", f'class = "{cutoff["class"]}"', f"minimum = {cutoff['minimum']}"]
    return "\n".join(lines) + "\n"


class TestRoundTrip:
    """
    Every valid sheet survives its files.
    """

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(sheet=score_sheets())
    def test_a_sheet_survives_json(self, tmp_path: Path, sheet: ScoreSheet) -> None:
        """
        Writing a sheet as JSON and reading it back gives the same sheet.
        """
        path = write(tmp_path, "sheet.json", dumps(sheet_document(sheet)))
        assert sheet == load_score_sheet(path)

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(sheet=score_sheets())
    def test_a_sheet_survives_toml(self, tmp_path: Path, sheet: ScoreSheet) -> None:
        """
        Writing a sheet as TOML and reading it back gives the same sheet.
        """
        assert sheet == load_score_sheet(write(tmp_path, "sheet.toml", sheet_toml(sheet)))
