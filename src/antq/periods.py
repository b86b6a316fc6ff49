"""
Reporting periods: inclusive ranges of calendar days.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

import attrs

from antq import _validation as v
from antq.errors import InvalidValueError

__all__ = ["Period"]

_PART = re.compile(
    r"(?P<year>[0-9]{4})"
    r"(?:-Q(?P<quarter>[1-4])|-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?"
)


def _end_not_before_start(
    instance: Period, attribute: attrs.Attribute[Any], value: dt.date
) -> None:
    if value < instance.start:
        v.refuse(
            instance,
            attribute,
            value,
            f"a period cannot end before it starts ({instance.start.isoformat()})",
        )


@attrs.frozen(order=True)
class Period:
    """
    An inclusive range of days: both ``start`` and ``end`` belong to the period.

    Periods order by start, then by end. Build them from a year, a quarter, a month, or
    a text such as ``"2016-01..2018-05"``.

    Args:
        start: The first day.
        end: The last day; not before *start*.

    Raises:
        antq.errors.InvalidValueError: When a date is missing or *end* is before *start*.
    """

    start: dt.date = attrs.field(validator=v.date)
    end: dt.date = attrs.field(validator=[v.date, _end_not_before_start])

    @classmethod
    def year(cls, year: int) -> Period:
        """
        Return the calendar year *year*.
        """
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """
        Return quarter *quarter* (1 to 4) of *year*.

        Raises:
            antq.errors.InvalidValueError: When *quarter* is not 1 to 4.
        """
        if type(quarter) is not int or quarter not in {1, 2, 3, 4}:
            raise InvalidValueError("Period", "quarter", quarter, "a quarter is 1 to 4")
        first = 3 * quarter - 2
        return cls(dt.date(year, first, 1), _last_day(year, first + 2))

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """
        Return month *month* (1 to 12) of *year*.

        Raises:
            antq.errors.InvalidValueError: When *month* is not 1 to 12.
        """
        if type(month) is not int or month not in range(1, 13):
            raise InvalidValueError("Period", "month", month, "a month is 1 to 12")
        return cls(dt.date(year, month, 1), _last_day(year, month))

    @classmethod
    def parse(cls, text: str) -> Period:
        """
        Read a period from text.

        Accepted forms: a year (``2017``), a quarter (``2017-Q2``), a month
        (``2017-03``), a day (``2017-03-08``), and a range of any two of these joined
        by ``..`` (``2016-01..2018-05`` runs from 1 January 2016 to 31 May 2018).

        Raises:
            antq.errors.InvalidValueError: When the text is not one of these forms.
        """
        first, sep, last = text.strip().partition("..")
        start = _parse_part(text, first)
        end = _parse_part(text, last) if sep else start
        if end.end < start.start:
            raise InvalidValueError("Period", "text", text, "a period cannot end before it starts")
        return cls(start.start, end.end)

    def __str__(self) -> str:
        """
        Return the period as ``YYYY-MM-DD..YYYY-MM-DD``, which :meth:`parse` reads back.
        """
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def days(self) -> int:
        """
        The number of days in the period, both ends included.
        """
        return (self.end - self.start).days + 1

    def contains(self, other: dt.date | Period) -> bool:
        """
        Tell whether a day, or a whole period, lies inside this period.

        Raises:
            antq.errors.InvalidValueError: When *other* is neither a date nor a period
                (a datetime is refused: a period holds days, not moments).
        """
        if isinstance(other, Period):
            return self.start <= other.start and other.end <= self.end
        if type(other) is not dt.date:
            raise InvalidValueError("Period", "contains", other, "must be a date or a Period")
        return self.start <= other <= self.end

    def __contains__(self, other: object) -> bool:
        """
        ``day in period`` is :meth:`contains`.
        """
        if type(other) is not dt.date and not isinstance(other, Period):
            return False
        return self.contains(other)

    def overlaps(self, other: Period) -> bool:
        """
        Tell whether the two periods share at least one day.
        """
        return self.start <= other.end and other.start <= self.end

    def split(self, by: str) -> tuple[Period, ...]:
        """
        Split the period into calendar months, quarters or years, clipped to it.

        Args:
            by: ``"month"``, ``"quarter"`` or ``"year"``.

        Returns:
            The parts in order; together they cover every day of the period once.

        Raises:
            antq.errors.InvalidValueError: When *by* is not one of these.
        """
        months = _SPLIT_MONTHS.get(by)
        if months is None:
            known = ", ".join(map(repr, _SPLIT_MONTHS))
            raise InvalidValueError("Period", "by", by, f"a period splits by {known}")
        parts = []
        start = self.start
        while start <= self.end:
            # The calendar part that holds `start`, then clipped to the period.
            first_month = (start.month - 1) // months * months + 1
            last = _last_day(start.year, first_month + months - 1)
            parts.append(Period(start, min(last, self.end)))
            start = last + dt.timedelta(days=1)
        return tuple(parts)


_SPLIT_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _parse_part(text: str, part: str) -> Period:
    match = _PART.fullmatch(part.strip())
    rule = "a period is written YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD, or two of these joined by '..'"
    if match is None:
        raise InvalidValueError("Period", "text", text, rule)
    year = int(match["year"])
    try:
        if match["quarter"]:
            return Period.quarter(year, int(match["quarter"]))
        if match["day"]:
            day = dt.date(year, int(match["month"]), int(match["day"]))
            return Period(day, day)
        if match["month"]:
            return Period.month(year, int(match["month"]))
        return Period.year(year)
    except ValueError as error:
        reason = error.rule if isinstance(error, InvalidValueError) else str(error)
        raise InvalidValueError("Period", "text", text, f"not a calendar date: {reason}") from None
