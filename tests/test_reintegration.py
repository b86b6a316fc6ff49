"""
Tests for antq.reintegration: people helped back into the community.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from antq import InvalidValueError, Period, ReintegrationCase, ReintegrationCategory

CASE = ReintegrationCase(
    "RC-0001", ReintegrationCategory.RELEASED_PRISONER, "01840-T05", Period.year(2017)
)

INVALID_CASES: list[tuple[str, dict[str, Any], str, str]] = [
    ("id-a-name-with-spaces", {"id": "Nguyen Van A"}, "id", "an identifier is 1 to 64"),
    ("id-not-ascii", {"id": "Nguyễn-Văn-A"}, "id", "an identifier is 1 to 64"),
    ("id-65-characters", {"id": "R" * 65}, "id", "an identifier is 1 to 64"),
    ("id-not-a-string", {"id": 1}, "id", "must be a string"),
    ("category-as-text", {"category": "pardoned"}, "category", "member of ReintegrationCategory"),
    ("unit-code-none", {"unit_code": None}, "unit_code", "must be a string"),
    ("period-as-text", {"period": "2017"}, "period", "must be of type Period"),
    (
        "period-as-tuple",
        {"period": (dt.date(2017, 1, 1), dt.date(2017, 12, 31))},
        "period",
        "must be of type Period",
    ),
    ("progressed-as-int", {"progressed": 1}, "progressed", "must be true or false"),
    ("progressed-as-text", {"progressed": "true"}, "progressed", "must be true or false"),
    ("progressed-none", {"progressed": None}, "progressed", "must be true or false"),
]


class TestReintegrationCase:
    """
    One person helped to reintegrate, under a pseudonymous identifier.
    """

    def test_has_not_progressed_by_default(self) -> None:
        """
        Unless recorded, the person has not been taken off the watch list.
        """
        assert not CASE.progressed

    def test_keeps_progress(self) -> None:
        """
        A case may record that the person progressed.
        """
        assert attrs.evolve(CASE, progressed=True).progressed

    @pytest.mark.parametrize(
        "category", list(ReintegrationCategory), ids=[c.value for c in ReintegrationCategory]
    )
    def test_accepts_every_category(self, category: ReintegrationCategory) -> None:
        """
        Every category of the glossary can be recorded.
        """
        assert category == attrs.evolve(CASE, category=category).category

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_CASES],
        ids=[row[0] for row in INVALID_CASES],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A case refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(CASE, **changes)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))
