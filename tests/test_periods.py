"""
Tests for antq.periods: inclusive ranges of days.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from antq import InvalidValueError, Period

if TYPE_CHECKING:
    from collections.abc import Callable

D = dt.date
YEAR_2017 = Period(D(2017, 1, 1), D(2017, 12, 31))
MARCH_2017 = Period(D(2017, 3, 1), D(2017, 3, 31))


class TestConstructors:
    """
    Periods built from a year, a quarter or a month.
    """

    def test_year_runs_from_1_january_to_31_december(self) -> None:
        """
        A calendar year starts on 1 January and ends on 31 December.
        """
        expected = YEAR_2017
        assert expected == Period.year(2017)

    @pytest.mark.parametrize(
        ("quarter", "start", "end"),
        [
            (1, D(2017, 1, 1), D(2017, 3, 31)),
            (2, D(2017, 4, 1), D(2017, 6, 30)),
            (3, D(2017, 7, 1), D(2017, 9, 30)),
            (4, D(2017, 10, 1), D(2017, 12, 31)),
        ],
        ids=["q1", "q2", "q3", "q4"],
    )
    def test_quarter_covers_its_three_months(self, quarter: int, start: D, end: D) -> None:
        """
        Each quarter runs from the first day of its first month to the last of its third.
        """
        expected = Period(start, end)
        assert expected == Period.quarter(2017, quarter)

    def test_first_quarter_of_a_leap_year_has_91_days(self) -> None:
        """
        The first quarter of a leap year includes 29 February.
        """
        expected = 91
        assert expected == Period.quarter(2016, 1).days

    @pytest.mark.parametrize(
        ("year", "month", "end"),
        [
            (2016, 2, D(2016, 2, 29)),
            (2017, 2, D(2017, 2, 28)),
            (2000, 2, D(2000, 2, 29)),
            (1900, 2, D(1900, 2, 28)),
            (2017, 4, D(2017, 4, 30)),
            (2017, 12, D(2017, 12, 31)),
        ],
        ids=["leap-february", "february", "leap-century", "non-leap-century", "april", "december"],
    )
    def test_month_ends_on_its_last_day(self, year: int, month: int, end: D) -> None:
        """
        A month ends on its last calendar day, leap Februaries included.
        """
        expected = Period(D(year, month, 1), end)
        assert expected == Period.month(year, month)

    @pytest.mark.parametrize("quarter", [0, 5, -1], ids=["zero", "five", "negative"])
    def test_quarter_refuses_a_number_outside_1_to_4(self, quarter: int) -> None:
        """
        A quarter number is 1 to 4.
        """
        with pytest.raises(InvalidValueError) as info:
            Period.quarter(2017, quarter)
        expected = ("quarter", "Period.quarter", True)
        error = info.value
        assert expected == (error.field, f"{error.owner}.{error.field}", "1 to 4" in str(error))

    @pytest.mark.parametrize(
        ("make", "number"),
        [(Period.quarter, True), (Period.quarter, 1.0), (Period.month, True), (Period.month, 1.0)],
        ids=["quarter-bool", "quarter-float", "month-bool", "month-float"],
    )
    def test_quarter_and_month_refuse_numbers_that_are_not_integers(
        self, make: Callable[[int, int], Period], number: object
    ) -> None:
        """
        A boolean or a float is not a quarter or month number.
        """
        with pytest.raises(InvalidValueError) as info:
            make(2017, number)  # type: ignore[arg-type]
        assert number is info.value.value

    @pytest.mark.parametrize("month", [0, 13, -1], ids=["zero", "thirteen", "negative"])
    def test_month_refuses_a_number_outside_1_to_12(self, month: int) -> None:
        """
        A month number is 1 to 12.
        """
        with pytest.raises(InvalidValueError) as info:
            Period.month(2017, month)
        expected = ("month", True)
        assert expected == (info.value.field, "a month is 1 to 12" in str(info.value))


INVALID_PERIODS: list[tuple[str, dict[str, Any], str, str]] = [
    (
        "start-datetime",
        {"start": dt.datetime(2017, 1, 1, tzinfo=dt.UTC)},
        "start",
        "must be a date",
    ),
    ("start-text", {"start": "2017-01-01"}, "start", "must be a date"),
    ("start-none", {"start": None}, "start", "must be a date"),
    ("end-datetime", {"end": dt.datetime(2017, 12, 31, tzinfo=dt.UTC)}, "end", "must be a date"),
    ("end-text", {"end": "2017-12-31"}, "end", "must be a date"),
    (
        "end-before-start",
        {"end": D(2016, 12, 31)},
        "end",
        "a period cannot end before it starts (2017-01-01)",
    ),
]


class TestPeriod:
    """
    A period built from its two days.
    """

    def test_may_be_a_single_day(self) -> None:
        """
        A period may start and end on the same day.
        """
        expected = 1
        assert expected == Period(D(2017, 8, 19), D(2017, 8, 19)).days

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_PERIODS],
        ids=[row[0] for row in INVALID_PERIODS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A period refuses a day that is not a date, or an end before its start.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(YEAR_2017, **changes)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))

    @pytest.mark.parametrize(
        ("period", "days"),
        [
            (Period.year(2016), 366),
            (Period.year(2017), 365),
            (Period.month(2016, 2), 29),
            (Period(D(2016, 12, 31), D(2017, 1, 1)), 2),
        ],
        ids=["leap-year", "common-year", "leap-february", "across-new-year"],
    )
    def test_days_counts_both_ends(self, period: Period, days: int) -> None:
        """
        The number of days includes the first and the last day.
        """
        assert days == period.days


class TestParse:
    """
    Reading periods from text.
    """

    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            ("2017", D(2017, 1, 1), D(2017, 12, 31)),
            ("2017-Q2", D(2017, 4, 1), D(2017, 6, 30)),
            ("2017-03", D(2017, 3, 1), D(2017, 3, 31)),
            ("2016-02", D(2016, 2, 1), D(2016, 2, 29)),
            ("2017-03-08", D(2017, 3, 8), D(2017, 3, 8)),
            ("2016-02-29", D(2016, 2, 29), D(2016, 2, 29)),
            ("2016-01..2018-05", D(2016, 1, 1), D(2018, 5, 31)),
            ("2016..2017-Q1", D(2016, 1, 1), D(2017, 3, 31)),
            ("2017-03-08..2017-03-09", D(2017, 3, 8), D(2017, 3, 9)),
            ("2017..2017", D(2017, 1, 1), D(2017, 12, 31)),
            ("  2017-Q2\n", D(2017, 4, 1), D(2017, 6, 30)),
            (" 2016-01 .. 2018-05 ", D(2016, 1, 1), D(2018, 5, 31)),
        ],
        ids=[
            "year",
            "quarter",
            "month",
            "leap-february",
            "day",
            "leap-day",
            "month-range",
            "year-to-quarter",
            "day-range",
            "same-year-range",
            "surrounding-whitespace",
            "whitespace-around-dots",
        ],
    )
    def test_reads_every_form(self, text: str, start: D, end: D) -> None:
        """
        A year, quarter, month, day, or a range of two of them, is read.
        """
        expected = Period(start, end)
        assert expected == Period.parse(text)

    @pytest.mark.parametrize(
        "period",
        [
            Period.year(2017),
            Period.quarter(2016, 1),
            Period.month(2016, 2),
            Period(D(2017, 8, 19), D(2017, 8, 19)),
            Period(D(2016, 1, 1), D(2018, 5, 31)),
        ],
        ids=["year", "quarter", "month", "day", "range"],
    )
    def test_reads_back_what_str_writes(self, period: Period) -> None:
        """
        ``Period.parse(str(period))`` is the period again.
        """
        assert period == Period.parse(str(period))

    def test_str_writes_both_days_in_iso_form(self) -> None:
        """
        A period is written ``YYYY-MM-DD..YYYY-MM-DD``.
        """
        expected = "2017-03-01..2017-03-31"
        assert expected == str(MARCH_2017)

    @pytest.mark.parametrize(
        ("text", "field", "rule"),
        [
            ("2017-13", "text", "not a calendar date: a month is 1 to 12"),
            ("2017-00", "text", "not a calendar date: a month is 1 to 12"),
            ("2017-Q5", "text", "a period is written YYYY, YYYY-Qn"),
            ("2017-Q0", "text", "a period is written YYYY, YYYY-Qn"),
            ("17", "text", "a period is written YYYY, YYYY-Qn"),
            ("2017-3", "text", "a period is written YYYY, YYYY-Qn"),
            ("2017-02-30", "text", "not a calendar date: day is out of range for month"),
            ("2017-02-29", "text", "not a calendar date: day is out of range for month"),
            ("0000-03", "text", "not a calendar date"),
            ("", "text", "a period is written YYYY, YYYY-Qn"),
            ("   ", "text", "a period is written YYYY, YYYY-Qn"),
            ("2017..", "text", "a period is written YYYY, YYYY-Qn"),
            ("..2017", "text", "a period is written YYYY, YYYY-Qn"),
            ("2016..2017..2018", "text", "a period is written YYYY, YYYY-Qn"),
            ("2017/03", "text", "a period is written YYYY, YYYY-Qn"),
            ("２０１７", "text", "a period is written YYYY, YYYY-Qn"),
            ("2018..2017", "text", "a period cannot end before it starts"),
        ],
        ids=[
            "month-13",
            "month-0",
            "quarter-5",
            "quarter-0",
            "two-digit-year",
            "one-digit-month",
            "30-february",
            "29-february-common-year",
            "year-zero-month",
            "empty",
            "blank",
            "open-end",
            "open-start",
            "three-parts",
            "slash",
            "full-width-digits",
            "reversed-range",
        ],
    )
    def test_refuses_text_that_is_no_period(self, text: str, field: str, rule: str) -> None:
        """
        Text that is not one of the forms, or no calendar date, is refused with the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            Period.parse(text)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))

    def test_error_repeats_the_whole_text(self) -> None:
        """
        The refused value is the whole text read, not only the faulty part.
        """
        with pytest.raises(InvalidValueError) as info:
            Period.parse("2016-01..2018-13")
        expected = "2016-01..2018-13"
        assert expected == info.value.value

    def test_refuses_year_zero_with_the_library_error(self) -> None:
        """
        A year that is no calendar year is refused like every other bad text.
        """
        with pytest.raises(InvalidValueError) as info:
            Period.parse("0000")
        expected = "text"
        assert expected == info.value.field


class TestContains:
    """
    Whether a day or a period lies inside a period.
    """

    def test_contains_refuses_a_date_with_a_time(self) -> None:
        """
        ``contains`` refuses a datetime: a period holds days, not moments.
        """
        with pytest.raises(InvalidValueError) as info:
            MARCH_2017.contains(dt.datetime(2017, 3, 15, 8, 0))  # noqa: DTZ001
        assert "contains" == info.value.field

    def test_a_date_with_a_time_is_not_in_a_period(self) -> None:
        """
        ``in`` answers false for a datetime, which is not a calendar day.
        """
        assert dt.datetime(2017, 3, 15, 8, 0) not in MARCH_2017  # noqa: DTZ001

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2017, 2, 28), False),
            (D(2017, 3, 1), True),
            (D(2017, 3, 15), True),
            (D(2017, 3, 31), True),
            (D(2017, 4, 1), False),
        ],
        ids=["day-before", "first-day", "middle", "last-day", "day-after"],
    )
    def test_contains_a_day_between_both_ends(self, day: D, *, expected: bool) -> None:
        """
        A period contains its first and last days and every day between.
        """
        assert expected == MARCH_2017.contains(day)

    @pytest.mark.parametrize(
        ("other", "expected"),
        [
            (MARCH_2017, True),
            (Period(D(2017, 3, 8), D(2017, 3, 8)), True),
            (Period(D(2017, 3, 1), D(2017, 3, 15)), True),
            (Period(D(2017, 2, 28), D(2017, 3, 15)), False),
            (Period(D(2017, 3, 15), D(2017, 4, 1)), False),
            (Period.quarter(2017, 1), False),
        ],
        ids=[
            "itself",
            "one-day-inside",
            "sharing-the-start",
            "starts-before",
            "ends-after",
            "wider",
        ],
    )
    def test_contains_a_period_that_lies_wholly_inside(
        self, other: Period, *, expected: bool
    ) -> None:
        """
        A period contains another only if every day of the other lies inside it.
        """
        assert expected == MARCH_2017.contains(other)

    def test_in_finds_a_day(self) -> None:
        """
        ``day in period`` is true for a day of the period.
        """
        assert D(2017, 3, 8) in MARCH_2017

    def test_in_refuses_a_day_outside(self) -> None:
        """
        ``day in period`` is false for a day outside the period.
        """
        assert D(2017, 4, 8) not in MARCH_2017

    def test_in_finds_a_period(self) -> None:
        """
        ``period in period`` is true for a period inside.
        """
        assert MARCH_2017 in YEAR_2017

    def test_in_refuses_a_wider_period(self) -> None:
        """
        ``period in period`` is false for a period reaching outside.
        """
        assert YEAR_2017 not in MARCH_2017

    @pytest.mark.parametrize(
        "other", ["2017-03-08", 20170308, None], ids=["iso-text", "number", "none"]
    )
    def test_in_is_false_for_anything_but_days_and_periods(self, other: object) -> None:
        """
        ``x in period`` is false when x is neither a date nor a period.
        """
        assert other not in MARCH_2017


class TestOverlaps:
    """
    Whether two periods share a day.
    """

    @pytest.mark.parametrize(
        ("other", "expected"),
        [
            (Period(D(2017, 1, 1), D(2017, 2, 28)), False),
            (Period(D(2017, 1, 1), D(2017, 3, 1)), True),
            (Period(D(2017, 3, 10), D(2017, 3, 20)), True),
            (YEAR_2017, True),
            (Period(D(2017, 3, 31), D(2017, 5, 1)), True),
            (Period(D(2017, 4, 1), D(2017, 5, 1)), False),
        ],
        ids=[
            "ends-the-day-before",
            "ends-on-the-first-day",
            "inside",
            "around",
            "starts-on-the-last-day",
            "starts-the-day-after",
        ],
    )
    def test_overlap_needs_one_shared_day(self, other: Period, *, expected: bool) -> None:
        """
        Two periods overlap when they share at least one day.
        """
        assert expected == MARCH_2017.overlaps(other)

    @pytest.mark.parametrize(
        "other",
        [Period.month(2017, 2), Period.month(2017, 4), Period.quarter(2017, 1)],
        ids=["before", "after", "overlapping"],
    )
    def test_overlap_is_symmetric(self, other: Period) -> None:
        """
        A overlaps B exactly when B overlaps A.
        """
        assert MARCH_2017.overlaps(other) == other.overlaps(MARCH_2017)


class TestOrdering:
    """
    Periods order by start, then by end.
    """

    def test_sorts_by_start_then_end(self) -> None:
        """
        Sorting puts earlier starts first and, for equal starts, shorter periods first.
        """
        expected = [
            Period.year(2016),
            Period.month(2017, 1),
            Period.quarter(2017, 1),
            Period.year(2017),
            Period.month(2017, 3),
        ]
        shuffled = [expected[3], expected[0], expected[4], expected[2], expected[1]]
        assert expected == sorted(shuffled)

    def test_a_period_is_not_less_than_itself(self) -> None:
        """
        Equal periods are neither less nor greater than each other.
        """
        expected = (False, True)
        assert expected == (MARCH_2017 < Period.month(2017, 3), MARCH_2017 <= Period.month(2017, 3))

    def test_equal_periods_hash_alike(self) -> None:
        """
        Equal periods have equal hashes, so they can be set members.
        """
        expected = 1
        assert expected == len({MARCH_2017, Period.month(2017, 3), Period.parse("2017-03")})


class TestSplit:
    """
    A period splits into calendar months, quarters or years, clipped to it.
    """

    @pytest.mark.parametrize(
        ("by", "expected"),
        [
            (
                "month",
                ["2016-11-15..2016-11-30", "2016-12-01..2016-12-31", "2017-01-01..2017-01-10"],
            ),
            ("quarter", ["2016-11-15..2016-12-31", "2017-01-01..2017-01-10"]),
            ("year", ["2016-11-15..2016-12-31", "2017-01-01..2017-01-10"]),
        ],
        ids=["month", "quarter", "year"],
    )
    def test_parts_cover_every_day_once(self, by: str, expected: list[str]) -> None:
        """
        The parts follow the calendar and are clipped to the period's ends.
        """
        period = Period.parse("2016-11-15..2017-01-10")
        assert expected == [str(part) for part in period.split(by)]

    def test_refuses_an_unknown_part(self) -> None:
        """
        Only months, quarters and years are parts of a period.
        """
        with pytest.raises(InvalidValueError) as info:
            Period.year(2017).split("week")
        assert "by" == info.value.field
