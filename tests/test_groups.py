"""
Tests for antq.groups: model groups and when they work.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from antq import InvalidValueError, ModelGroup, ModelGroupKind, Period

D = dt.date
SET_UP = D(2017, 3, 1)
ENDED = D(2019, 10, 31)

GROUP = ModelGroup(
    "MH-001",
    ModelGroupKind.SECURITY_SELF_MANAGEMENT,
    "Tổ tự quản về an ninh trật tự tổ 5",
    "01840-T05",
    SET_UP,
    member_count=12,
)
ENDED_GROUP = attrs.evolve(GROUP, ended_on=ENDED)


class TestModelGroup:
    """
    A model group's record.
    """

    def test_is_open_ended_and_of_unknown_size_by_default(self) -> None:
        """
        Without an end date or member count, the group still works and its size is unknown.
        """
        group = ModelGroup(
            "MH-002", ModelGroupKind.OTHER, "Camera an ninh", "01840", dt.date(2020, 1, 1)
        )
        expected = (None, None)
        assert expected == (group.ended_on, group.member_count)

    def test_may_end_on_the_day_it_is_set_up(self) -> None:
        """
        A group that worked for one day only is accepted.
        """
        assert SET_UP == attrs.evolve(GROUP, ended_on=SET_UP).ended_on

    def test_accepts_zero_members(self) -> None:
        """
        A member count may be zero.
        """
        expected = 0
        assert expected == attrs.evolve(GROUP, member_count=0).member_count


INVALID_GROUPS: list[tuple[str, dict[str, Any], str, str]] = [
    ("id-with-space", {"id": "MH 001"}, "id", "an identifier is 1 to 64"),
    ("id-not-ascii", {"id": "mô-hình-1"}, "id", "an identifier is 1 to 64"),
    ("id-65-characters", {"id": "M" * 65}, "id", "an identifier is 1 to 64"),
    ("kind-as-text", {"kind": "other"}, "kind", "must be a member of ModelGroupKind"),
    ("name-blank", {"name": "\n"}, "name", "must not be blank"),
    ("name-not-a-string", {"name": 5}, "name", "must be a string"),
    ("unit-code-none", {"unit_code": None}, "unit_code", "must be a string"),
    ("unit-code-with-space", {"unit_code": "01840 T05"}, "unit_code", "an identifier"),
    (
        "established-on-datetime",
        {"established_on": dt.datetime(2017, 3, 1, tzinfo=dt.UTC)},
        "established_on",
        "must be a date",
    ),
    ("established-on-text", {"established_on": "2017-03-01"}, "established_on", "must be a date"),
    ("established-on-none", {"established_on": None}, "established_on", "must be a date"),
    ("ended-on-text", {"ended_on": "2019-10-31"}, "ended_on", "must be a date"),
    (
        "ended-before-set-up",
        {"ended_on": D(2017, 2, 28)},
        "ended_on",
        "a group cannot end before it is set up (established_on is 2017-03-01)",
    ),
    ("member-count-bool", {"member_count": True}, "member_count", "a count must be an integer"),
    ("member-count-negative", {"member_count": -1}, "member_count", "must not be negative"),
    ("member-count-float", {"member_count": 12.0}, "member_count", "a count must be an integer"),
    ("member-count-text", {"member_count": "12"}, "member_count", "a count must be an integer"),
]


class TestModelGroupValidation:
    """
    The rules a model group's fields must follow.
    """

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_GROUPS],
        ids=[row[0] for row in INVALID_GROUPS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A group refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(GROUP, **changes)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))


class TestActiveOn:
    """
    Whether a group works on one day.
    """

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2017, 2, 28), False),
            (SET_UP, True),
            (D(2018, 6, 1), True),
            (ENDED, True),
            (D(2019, 11, 1), False),
        ],
        ids=["day-before-set-up", "set-up-day", "between", "last-day", "day-after-end"],
    )
    def test_works_from_set_up_to_last_day_inclusive(self, day: D, *, expected: bool) -> None:
        """
        A group works from the day it was set up to its last day, both included.
        """
        assert expected == ENDED_GROUP.active_on(day)

    def test_an_open_ended_group_works_on_every_later_day(self) -> None:
        """
        A group that has not ended works on any day after it was set up.
        """
        assert GROUP.active_on(D(2099, 12, 31))


class TestActiveDuring:
    """
    Whether a group works on at least one day of a period.
    """

    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            (Period(D(2017, 1, 1), D(2017, 2, 28)), False),
            (Period(D(2017, 1, 1), SET_UP), True),
            (Period.year(2018), True),
            (Period(D(2016, 1, 1), D(2020, 12, 31)), True),
            (Period(ENDED, D(2019, 12, 31)), True),
            (Period(D(2019, 11, 1), D(2019, 12, 31)), False),
        ],
        ids=[
            "ends-the-day-before-set-up",
            "ends-on-the-set-up-day",
            "inside-its-life",
            "around-its-life",
            "starts-on-its-last-day",
            "starts-the-day-after-it-ended",
        ],
    )
    def test_works_during_a_period_sharing_one_day(self, period: Period, *, expected: bool) -> None:
        """
        A group works during a period when their days overlap, across both boundaries.
        """
        assert expected == ENDED_GROUP.active_during(period)

    def test_an_open_ended_group_works_during_any_later_period(self) -> None:
        """
        A group that has not ended works during any period after it was set up.
        """
        assert GROUP.active_during(Period.year(2030))

    def test_works_during_a_period_exactly_when_active_on_one_of_its_days(self) -> None:
        """
        ``active_during`` agrees with ``active_on`` on every day of a period.
        """
        period = Period(D(2019, 10, 1), D(2019, 11, 30))
        days = [period.start + dt.timedelta(days=n) for n in range(period.days)]
        expected = any(ENDED_GROUP.active_on(day) for day in days)
        assert expected == ENDED_GROUP.active_during(period)
