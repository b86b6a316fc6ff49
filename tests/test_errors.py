"""
Tests for antq.errors: the exceptions antq raises.
"""

from __future__ import annotations

import pytest

from antq import (
    AntqError,
    DatasetLoadError,
    InvalidValueError,
    LoadProblem,
    RegistryError,
    RegistryProblem,
    UnknownUnitError,
)

PROBLEMS = (
    LoadProblem("$.tips[3].received_on", "2017-02-30", "not a calendar date"),
    LoadProblem("$.units[0].name", None, "missing key"),
)
REGISTRY_PROBLEM = RegistryProblem("units", 4, "01840-T05", "parent_code", "unknown parent unit")


class TestHierarchy:
    """
    Each error is an AntqError and the built-in exception a caller would catch.
    """

    @pytest.mark.parametrize(
        ("error", "builtin"),
        [
            (InvalidValueError("Unit", "code", "1840", "a commune code is 5 digits"), ValueError),
            (InvalidValueError("Unit", "code", 1840, "must be a string"), TypeError),
            (RegistryError([REGISTRY_PROBLEM]), ValueError),
            (UnknownUnitError("99999", "no unit has this code"), LookupError),
            (DatasetLoadError(PROBLEMS), ValueError),
        ],
        ids=[
            "invalid-value-is-value-error",
            "invalid-value-is-type-error",
            "registry-is-value-error",
            "unknown-unit-is-lookup-error",
            "dataset-load-is-value-error",
        ],
    )
    def test_is_the_builtin_a_caller_would_catch(
        self, error: AntqError, builtin: type[Exception]
    ) -> None:
        """
        ``except ValueError`` (or LookupError, TypeError) keeps catching antq's errors.
        """
        assert isinstance(error, builtin)

    @pytest.mark.parametrize(
        "error",
        [
            InvalidValueError("Unit", "code", "1840", "rule"),
            RegistryError([]),
            UnknownUnitError("99999", "reason"),
            DatasetLoadError([]),
        ],
        ids=["invalid-value", "registry", "unknown-unit", "dataset-load"],
    )
    def test_every_error_is_an_antq_error(self, error: Exception) -> None:
        """
        ``except AntqError`` catches every error of the library.
        """
        assert isinstance(error, AntqError)


class TestInvalidValueError:
    """
    A value refused at construction.
    """

    def test_keeps_owner_field_value_and_rule(self) -> None:
        """
        The error keeps the class, the field, the value and the rule.
        """
        error = InvalidValueError("Unit", "code", "1840", "a commune code is 5 digits")
        expected = ("Unit", "code", "1840", "a commune code is 5 digits")
        assert expected == (error.owner, error.field, error.value, error.rule)

    def test_message_names_owner_field_value_and_rule(self) -> None:
        """
        The message reads ``Owner.field: value is refused: rule``, with the value's repr.
        """
        error = InvalidValueError("Unit", "code", "1840", "a commune code is 5 digits")
        expected = "Unit.code: '1840' is refused: a commune code is 5 digits"
        assert expected == str(error)


class TestRegistryProblem:
    """
    One located problem of a registry.
    """

    def test_str_locates_the_problem(self) -> None:
        """
        A problem reads ``section[index].field (code): reason``.
        """
        expected = "units[4].parent_code (01840-T05): unknown parent unit"
        assert expected == str(REGISTRY_PROBLEM)


class TestRegistryError:
    """
    Every problem that keeps records from forming a registry.
    """

    def test_keeps_the_problems_as_a_tuple(self) -> None:
        """
        The problems given as a list are kept as a tuple, in order.
        """
        other = RegistryProblem("organisations", 0, "DN-01", "code", "duplicate code")
        expected = (REGISTRY_PROBLEM, other)
        assert expected == RegistryError([REGISTRY_PROBLEM, other]).problems

    def test_message_counts_and_lists_the_problems(self) -> None:
        """
        The message gives the count, then one indented line per problem.
        """
        expected = (
            "1 problem(s) in the unit registry:\n"
            "  units[4].parent_code (01840-T05): unknown parent unit"
        )
        assert expected == str(RegistryError([REGISTRY_PROBLEM]))


class TestUnknownUnitError:
    """
    A code that names nothing in a registry.
    """

    def test_keeps_the_code_and_names_it_in_the_message(self) -> None:
        """
        The error keeps the code looked up and names it with the reason.
        """
        error = UnknownUnitError("99999", "no unit has this code")
        expected = ("99999", "'99999': no unit has this code")
        assert expected == (error.code, str(error))


class TestLoadProblem:
    """
    One located problem of a dataset being loaded.
    """

    def test_str_gives_location_reason_and_value(self) -> None:
        """
        A problem reads ``location: reason (value: ...)``.
        """
        expected = "$.tips[3].received_on: not a calendar date (value: '2017-02-30')"
        assert expected == str(PROBLEMS[0])

    def test_a_missing_key_shows_no_value(self) -> None:
        """
        A missing key has no value read, so none is shown.
        """
        expected = "$.units[0].name: missing key"
        assert expected == str(PROBLEMS[1])


class TestDatasetLoadError:
    """
    Every problem found while loading a dataset.
    """

    def test_keeps_source_and_problems(self) -> None:
        """
        The error keeps the name of the input and the problems, as a tuple.
        """
        error = DatasetLoadError(list(PROBLEMS), source="bac-kan-2017.json")
        expected = ("bac-kan-2017.json", PROBLEMS)
        assert expected == (error.source, error.problems)

    def test_message_names_the_source(self) -> None:
        """
        With a source, the message names it, then lists each problem.
        """
        expected = (
            "2 problem(s) in bac-kan-2017.json:\n"
            "  $.tips[3].received_on: not a calendar date (value: '2017-02-30')\n"
            "  $.units[0].name: missing key"
        )
        assert expected == str(DatasetLoadError(PROBLEMS, source="bac-kan-2017.json"))

    def test_message_without_a_source(self) -> None:
        """
        Without a source, the message only counts the problems.
        """
        expected = "1 problem(s):\n  $.units[0].name: missing key"
        assert expected == str(DatasetLoadError(PROBLEMS[1:]))

    def test_has_no_source_by_default(self) -> None:
        """
        The source is None unless given.
        """
        assert DatasetLoadError(PROBLEMS).source is None
