"""
Tests for the private converter's error translation (antq._converter).
"""

from __future__ import annotations

import pytest

from antq import LoadProblem, Period, TipChannel, _converter


class TestStructure:
    """
    Structuring returns the value, or ``None`` and every located problem.
    """

    def test_returns_the_value_and_no_problem(self) -> None:
        """
        A valid value comes back structured.
        """
        expected: tuple[Period, list[LoadProblem]] = (Period.year(2017), [])

        actual = _converter.structure({"start": "2017-01-01", "end": "2017-12-31"}, Period, "$")

        assert expected == actual

    def test_an_enumeration_is_never_read_as_a_plain_string(self) -> None:
        """
        The string hook does not swallow enumerations: an identifier becomes a member.
        """
        assert TipChannel.MAILBOX is _converter.converter().structure("mailbox", TipChannel)

    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            ([], "expected an object, found an array"),
            (1.5, "expected an object, found a number"),
            (b"x", "expected an object, found bytes"),
        ],
        ids=["array", "number", "bytes"],
    )
    def test_names_the_json_type_found(self, value: object, reason: str) -> None:
        """
        The reason names the JSON type of the value found instead.
        """
        expected = (None, [LoadProblem("$.period", value, reason)])

        assert expected == _converter.structure(value, Period, "$.period")


class TestProblems:
    """
    Errors that no hook foresaw still become located problems.
    """

    def test_an_unforeseen_error_is_reported_with_its_text(self) -> None:
        """
        Any other exception is a problem at the location, with the exception's text.
        """
        problems = list(_converter._problems(RuntimeError("boom"), "$.x", 3))

        assert [LoadProblem("$.x", 3, "cannot be read: boom")] == problems

    def test_a_missing_child_has_no_value(self) -> None:
        """
        Looking past the end of a list finds nothing.
        """
        assert _converter._child([1, 2], 5) is None
