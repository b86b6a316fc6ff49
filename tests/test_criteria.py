"""
Tests for antq.criteria: reading the criteria file, TOML or JSON.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import pytest

from antq.criteria import CriteriaFileError, criteria_from_dict, load_criteria
from antq.errors import AntqError, DatasetLoadError, LoadProblem
from antq.recognition import (
    Comparison,
    Condition,
    CriteriaParameters,
    GapConditions,
    MonthDay,
    ProvincialCriterion,
    Regime,
    Subject,
)

if TYPE_CHECKING:
    from pathlib import Path

TOML = """\
tt124_hamlet_percent = 70
school_review = "05-31"

[[gaps]]
criterion = "tt124.hamlet.4"
source = "Hướng dẫn của Công an tỉnh"
conditions = [
    { fact = "serious_crimes", at_most = 0 },
    { fact = "traffic_deaths", at_most = 1 },
]

[[criteria]]
id = "bac-kan.1"
title = "No unlicensed karaoke venue"
title_vi = "Không có cơ sở karaoke hoạt động không phép"
source = "Quyết định thử của UBND tỉnh"
subjects = ["hamlet", "commune"]
regimes = ["tt124_2021"]
conditions = [{ fact = "unlicensed_venues", equals = 0 }]
"""

DOCUMENT: dict[str, Any] = {
    "tt124_hamlet_percent": 70,
    "school_review": "05-31",
    "gaps": [
        {
            "criterion": "tt124.hamlet.4",
            "source": "Hướng dẫn của Công an tỉnh",
            "conditions": [
                {"fact": "serious_crimes", "at_most": 0},
                {"fact": "traffic_deaths", "at_most": 1},
            ],
        }
    ],
    "criteria": [
        {
            "id": "bac-kan.1",
            "title": "No unlicensed karaoke venue",
            "title_vi": "Không có cơ sở karaoke hoạt động không phép",
            "source": "Quyết định thử của UBND tỉnh",
            "subjects": ["hamlet", "commune"],
            "regimes": ["tt124_2021"],
            "conditions": [{"fact": "unlicensed_venues", "equals": 0}],
        }
    ],
}

EXPECTED = CriteriaParameters(
    gaps=[
        GapConditions(
            "tt124.hamlet.4",
            [
                Condition("serious_crimes", Comparison.AT_MOST, 0),
                Condition("traffic_deaths", Comparison.AT_MOST, 1),
            ],
            "Hướng dẫn của Công an tỉnh",
        )
    ],
    provincial=[
        ProvincialCriterion(
            "bac-kan.1",
            "No unlicensed karaoke venue",
            "Quyết định thử của UBND tỉnh",
            subjects=[Subject.HAMLET, Subject.COMMUNE],
            regimes=[Regime.TT124_2021],
            conditions=[Condition("unlicensed_venues", Comparison.EQUALS, 0)],
            title_vi="Không có cơ sở karaoke hoạt động không phép",
        )
    ],
    tt124_hamlet_percent=70,
    school_review=MonthDay(5, 31),
)


def problems_of(document: object) -> list[tuple[str, object, str]]:
    """
    Return the location, value and reason of every problem *document* raises.
    """
    with pytest.raises(CriteriaFileError) as info:
        criteria_from_dict(document, source="criteria.json")
    return [(p.location, p.value, p.reason) for p in info.value.problems]


def with_gap(**changes: object) -> dict[str, Any]:
    """
    Return a document with one gap entry, changed by *changes* (None removes a key).
    """
    gap = {**DOCUMENT["gaps"][0], **changes}
    return {"gaps": [{k: v for k, v in gap.items() if v is not None}]}


def with_criterion(**changes: object) -> dict[str, Any]:
    """
    Return a document with one provincial criterion, changed by *changes*.
    """
    criterion = {**DOCUMENT["criteria"][0], **changes}
    return {"criteria": [{k: v for k, v in criterion.items() if v is not None}]}


def with_condition(condition: object) -> dict[str, Any]:
    """
    Return a document whose one gap entry has the single *condition*.
    """
    return with_gap(conditions=[condition])


class TestLoadCriteria:
    """
    Reading a criteria file from disk.
    """

    def test_reads_toml(self, tmp_path: Path) -> None:
        """
        A TOML file gives the parameters it holds.
        """
        path = tmp_path / "criteria.toml"
        path.write_text(TOML, encoding="utf-8")
        assert EXPECTED == load_criteria(path)

    def test_reads_json(self, tmp_path: Path) -> None:
        """
        A JSON file with the same content gives the same parameters.
        """
        path = tmp_path / "criteria.JSON"
        path.write_text(json.dumps(DOCUMENT, ensure_ascii=False), encoding="utf-8-sig")
        assert EXPECTED == load_criteria(str(path))

    def test_an_empty_file_gives_no_parameters(self, tmp_path: Path) -> None:
        """
        Every key is optional: nothing given, nothing filled.
        """
        path = tmp_path / "criteria.toml"
        path.write_text("", encoding="utf-8")
        assert CriteriaParameters() == load_criteria(path)

    @pytest.mark.parametrize(
        ("name", "content", "reason"),
        [
            ("criteria.yaml", b"{}", "a criteria file is .toml or .json, not '.yaml'"),
            ("criteria", b"{}", "not 'a file without suffix'"),
            ("criteria.json", b"\xff{}", "not UTF-8 text: invalid start byte at byte 0"),
            ("criteria.toml", b"percent = ", "not TOML: Invalid value (at end of document)"),
            ("criteria.json", b"{", "not JSON: Expecting property name enclosed in double"),
            ("criteria.json", b"[1]", "expected a table (an object), not an array"),
        ],
        ids=["suffix", "no-suffix", "not-utf8", "toml-syntax", "json-syntax", "not-a-table"],
    )
    def test_an_unreadable_file_is_one_located_problem(
        self, tmp_path: Path, name: str, content: bytes, reason: str
    ) -> None:
        """
        The file's name, the location ``$`` and the reason are given; no traceback.
        """
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(CriteriaFileError) as info:
            load_criteria(path)
        (problem,) = info.value.problems
        expected = ("$", str(path), str(path), True)
        assert expected == (
            problem.location,
            problem.file,
            info.value.source,
            reason in problem.reason,
        )

    def test_duplicate_json_keys_are_refused(self, tmp_path: Path) -> None:
        """
        A key given twice in one object is a problem, not a silent choice.
        """
        path = tmp_path / "criteria.json"
        path.write_text(
            '{"tt124_hamlet_percent": 70, "tt124_hamlet_percent": 60}', encoding="utf-8"
        )
        with pytest.raises(CriteriaFileError) as info:
            load_criteria(path)
        assert ["$..tt124_hamlet_percent"] == [p.location for p in info.value.problems]

    def test_a_missing_file_is_an_os_error(self, tmp_path: Path) -> None:
        """
        A file that cannot be read raises OSError, as for datasets.
        """
        with pytest.raises(FileNotFoundError):
            load_criteria(tmp_path / "missing.toml")

    def test_the_error_is_a_load_error_of_antq(self) -> None:
        """
        Callers catch it as DatasetLoadError, AntqError or ValueError.
        """
        error = CriteriaFileError([LoadProblem("$", None, "why")], source="c.toml")
        expected = (True, True, True, "1 problem(s) in c.toml:\n  $: why")
        assert expected == (
            isinstance(error, DatasetLoadError),
            isinstance(error, AntqError),
            isinstance(error, ValueError),
            str(error),
        )


class TestCriteriaFromDict:
    """
    Every problem of a document, each located by its key path.
    """

    def test_every_problem_is_reported_at_once(self) -> None:
        """
        Problems in several places are listed together, in the order of the document.
        """
        document = {
            "tt124_hamlet_percent": 170,
            "school_review": "02-29",
            "gaps": [{**DOCUMENT["gaps"][0], "criterion": "tt124.hamlet.1"}],
            "criteria": [
                DOCUMENT["criteria"][0],
                DOCUMENT["criteria"][0],
                {**DOCUMENT["criteria"][0], "id": "bac-kan.3", "conditions": [{"fact": "x"}]},
                {
                    **DOCUMENT["criteria"][0],
                    "id": "bac-kan.2",
                    "conditions": [{"fact": "x", "at_most": -1}, {"fact": "y", "at_most": 1.5}],
                },
            ],
            "thresholds": {},
        }
        expected = [
            (
                "$.thresholds",
                None,
                "unknown key; known: tt124_hamlet_percent, school_review, gaps, criteria",
            ),
            ("$.tt124_hamlet_percent", 170, "a percentage is a whole number from 0 to 100"),
            ("$.school_review", "02-29", "month 2 has days 1 to 28 every year"),
            (
                "$.gaps[0].criterion",
                "tt124.hamlet.1",
                (
                    "tt124.hamlet.1 takes no conditions: its content is given by antq's "
                    "sources: add a provincial criterion instead"
                ),
            ),
            (
                "$.criteria[2].conditions[0]",
                None,
                "a condition needs a comparison: at_most, at_least or equals",
            ),
            (
                "$.criteria[3].conditions[1].at_most",
                1.5,
                "expected an integer, or true or false, not a number",
            ),
            ("$.criteria[1].id", "bac-kan.1", "id 'bac-kan.1' is given twice; each is given once"),
        ]
        assert expected == problems_of(document)

    def test_the_error_names_the_file(self) -> None:
        """
        Each problem and the error carry the file's name.
        """
        with pytest.raises(CriteriaFileError) as info:
            criteria_from_dict({"x": 1}, source="criteria.json")
        expected = (
            "1 problem(s) in criteria.json:\n  criteria.json: $.x: unknown key; known: "
            "tt124_hamlet_percent, school_review, gaps, criteria (value: 1)"
        )
        assert expected == str(info.value)

    @pytest.mark.parametrize(
        ("document", "expected"),
        [
            (
                {"tt124_hamlet_percent": "70"},
                [("$.tt124_hamlet_percent", "70", "expected a whole number, not a string")],
            ),
            (
                {"tt124_hamlet_percent": True},
                [("$.tt124_hamlet_percent", True, "expected a whole number, not true or false")],
            ),
            (
                {"school_review": 531},
                [("$.school_review", 531, "expected a string MM-DD, not an integer")],
            ),
            (
                {"school_review": "31 May"},
                [
                    (
                        "$.school_review",
                        "31 May",
                        "a day of the year is written MM-DD, such as 05-31",
                    )
                ],
            ),
            ({"gaps": {}}, [("$.gaps", None, "expected an array, not a table")]),
            ({"criteria": "x"}, [("$.criteria", "x", "expected an array, not a string")]),
            ({"gaps": [3]}, [("$.gaps[0]", 3, "expected a table (an object), not an integer")]),
            (
                {"criteria": [[]]},
                [("$.criteria[0]", None, "expected a table (an object), not an array")],
            ),
        ],
        ids=[
            "percent-text",
            "percent-bool",
            "review-int",
            "review-text",
            "gaps-table",
            "criteria-text",
            "gap-int",
            "criterion-array",
        ],
    )
    def test_refuses_values_of_the_wrong_form(
        self, document: dict[str, Any], expected: list[tuple[str, object, str]]
    ) -> None:
        """
        Each top-level key has its form.
        """
        assert expected == problems_of(document)

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"criterion": None}, [("$.gaps[0].criterion", None, "required key is missing")]),
            (
                {"criterion": 4},
                [("$.gaps[0].criterion", 4, "expected a string, not an integer")],
            ),
            ({"source": " "}, [("$.gaps[0].source", " ", "must not be blank")]),
            (
                {"criterion": "tt124.hamlet4"},
                [
                    (
                        "$.gaps[0].criterion",
                        "tt124.hamlet4",
                        (
                            "no criterion has this id; did you mean 'tt124.hamlet.4', "
                            "'tt124.hamlet.5', 'tt124.hamlet.3'?"
                        ),
                    )
                ],
            ),
            ({"conditions": None}, [("$.gaps[0].conditions", None, "required key is missing")]),
            (
                {"conditions": []},
                [("$.gaps[0].conditions", None, "at least one condition is needed")],
            ),
            (
                {"conditions": {"fact": "x"}},
                [("$.gaps[0].conditions", None, "expected an array, not a table")],
            ),
            (
                {"note": "x"},
                [("$.gaps[0].note", "x", "unknown key; known: criterion, source, conditions")],
            ),
        ],
        ids=[
            "no-criterion",
            "criterion-int",
            "blank-source",
            "unknown-criterion",
            "no-conditions",
            "empty-conditions",
            "conditions-table",
            "unknown-key",
        ],
    )
    def test_refuses_a_gap_entry_that_breaks_its_rule(
        self, changes: dict[str, object], expected: list[tuple[str, object, str]]
    ) -> None:
        """
        A gap entry names a criterion left open, its source and its conditions.
        """
        assert expected == problems_of(with_gap(**changes))

    def test_a_criterion_filled_twice_is_refused(self) -> None:
        """
        Each criterion is filled once.
        """
        document = {"gaps": [DOCUMENT["gaps"][0], DOCUMENT["gaps"][0]]}
        expected = [
            (
                "$.gaps[1].criterion",
                "tt124.hamlet.4",
                "criterion 'tt124.hamlet.4' is given twice; each is given once",
            )
        ]
        assert expected == problems_of(document)

    @pytest.mark.parametrize(
        ("condition", "expected"),
        [
            ("x", [("$.gaps[0].conditions[0]", "x", "expected a table (an object), not a string")]),
            (
                {"at_most": 1},
                [("$.gaps[0].conditions[0].fact", None, "required key is missing")],
            ),
            (
                {"fact": "x", "at_most": 1, "at_least": 0, "equals": 2},
                [
                    ("$.gaps[0].conditions[0].at_least", 0, "a condition has one comparison only"),
                    ("$.gaps[0].conditions[0].equals", 2, "a condition has one comparison only"),
                ],
            ),
            (
                {"fact": "Crimes", "at_most": 1},
                [
                    (
                        "$.gaps[0].conditions[0].fact",
                        "Crimes",
                        (
                            "a fact is named by 1 to 64 lower-case letters, digits or '_', "
                            "starting with a letter"
                        ),
                    )
                ],
            ),
            (
                {"fact": "x", "at_least": True},
                [
                    (
                        "$.gaps[0].conditions[0].at_least",
                        True,
                        "true or false is compared with equals only",
                    )
                ],
            ),
            (
                {"fact": "sabotage", "equals": False},
                [("$.gaps[0].conditions[0].equals", False, "fact 'sabotage' is a count")],
            ),
            (
                {"fact": "x", "equals": "yes"},
                [
                    (
                        "$.gaps[0].conditions[0].equals",
                        "yes",
                        "expected an integer, or true or false, not a string",
                    )
                ],
            ),
        ],
        ids=[
            "text",
            "no-fact",
            "three-comparisons",
            "fact-upper",
            "bool-at-least",
            "count-fact-bool",
            "value-text",
        ],
    )
    def test_refuses_a_condition_that_breaks_its_rule(
        self, condition: object, expected: list[tuple[str, object, str]]
    ) -> None:
        """
        A condition is one fact and one comparison with a value of the right type.
        """
        assert expected == problems_of(with_condition(condition))

    def test_accepts_a_yes_or_no_condition(self) -> None:
        """
        ``equals`` takes true or false.
        """
        parameters = criteria_from_dict(with_condition({"fact": "signed", "equals": True}))
        (gap,) = parameters.gaps
        assert (Condition("signed", Comparison.EQUALS, True),) == gap.conditions

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"id": None}, [("$.criteria[0].id", None, "required key is missing")]),
            (
                {"id": "tt124.hamlet.1"},
                [
                    (
                        "$.criteria[0].id",
                        "tt124.hamlet.1",
                        "the id of a criterion of antq's catalogue; choose another",
                    )
                ],
            ),
            ({"title_vi": ""}, [("$.criteria[0].title_vi", "", "must not be blank")]),
            ({"subjects": None}, [("$.criteria[0].subjects", None, "required key is missing")]),
            (
                {"subjects": ["hamlet", "village", 3]},
                [
                    (
                        "$.criteria[0].subjects[1]",
                        "village",
                        "expected one of hamlet, commune, agency, enterprise, school",
                    ),
                    (
                        "$.criteria[0].subjects[2]",
                        3,
                        "expected one of hamlet, commune, agency, enterprise, school",
                    ),
                ],
            ),
            (
                {"subjects": ["hamlet", "hamlet"]},
                [("$.criteria[0].subjects", None, "an item is listed twice")],
            ),
            (
                {"regimes": "tt124_2021"},
                [("$.criteria[0].regimes", "tt124_2021", "expected an array, not a string")],
            ),
            (
                {"regimes": ["tt48_2025"]},
                [
                    (
                        "$.criteria[0].regimes[0]",
                        "tt48_2025",
                        "expected one of tt23_2012, tt124_2021",
                    )
                ],
            ),
            (
                {"conditions": [{"fact": "x", "at_most": 1}, 2]},
                [
                    (
                        "$.criteria[0].conditions[1]",
                        2,
                        "expected a table (an object), not an integer",
                    )
                ],
            ),
        ],
        ids=[
            "no-id",
            "id-of-rules",
            "blank-title-vi",
            "no-subjects",
            "unknown-subjects",
            "subject-twice",
            "regimes-text",
            "unknown-regime",
            "condition-int",
        ],
    )
    def test_refuses_a_provincial_criterion_that_breaks_its_rule(
        self, changes: dict[str, object], expected: list[tuple[str, object, str]]
    ) -> None:
        """
        A province's criterion has its own id, a title, subjects, regimes and conditions.
        """
        assert expected == problems_of(with_criterion(**changes))

    def test_title_vi_is_optional(self) -> None:
        """
        A provincial criterion may have one title only.
        """
        parameters = criteria_from_dict(with_criterion(title_vi=None))
        assert None is parameters.provincial[0].title_vi

    def test_a_document_that_is_not_a_table_is_refused(self) -> None:
        """
        A criteria file holds one table.
        """
        expected = [("$", None, "expected a table (an object), not an array")]
        assert expected == problems_of([DOCUMENT])

    def test_other_values_are_named_by_their_type(self) -> None:
        """
        A value of a type JSON does not have (a TOML date) is named by its Python type.
        """
        expected = [("$.school_review", dt.date(2013, 5, 31), "expected a string MM-DD, not date")]
        assert expected == problems_of({"school_review": dt.date(2013, 5, 31)})
