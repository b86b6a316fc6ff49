"""
Rating the movement, its deadlines, and the rating of the security-protection teams.

Quyết định 510/QĐ-BCA-V05 (20 January 2022) sets score sheets for rating the movement in
each kind of unit. The full sheets and their point cut-offs are not known to antq: a
sheet is data the user supplies (read from a file by :mod:`antq.score_sheets`), and no
official sheet is bundled until one can be checked against the text.

Rating a unit and recognising it as "safe on security and order" (Thông tư
124/2021/TT-BCA) are different facts (a province can recognise 68 organisations and
classify 52): this module knows nothing of recognition.

The rules marked [V2] were read in a secondary source only. They are kept as data, each
with its citation, so that they can be corrected when the official text is read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import decimal
import math
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from antq import _validation as v
from antq._enums import LabelledEnum
from antq.errors import InvalidValueError
from antq.periods import Period
from antq.units import OrganisationKind, UnitLevel

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

__all__ = [
    "EXCELLENT_SHARE_OF_GOOD",
    "RATING_DEADLINE_SOURCE",
    "RATING_DUE_BEFORE",
    "TEAM_RATING_MIN_MONTHS",
    "TEAM_RATING_SOURCE",
    "ClassCutoff",
    "DeadlineCheck",
    "ExcellentCap",
    "ItemResult",
    "RatedKind",
    "Rating",
    "RatingClass",
    "ScoreItem",
    "ScoreSheet",
    "TeamRating",
    "TeamRatingLevel",
    "UnitScores",
    "check_deadline",
    "check_excellent_cap",
    "leader_not_above_team",
    "rate",
    "rating_deadline",
    "team_rating_eligible",
    "team_rating_window",
]


class RatingClass(LabelledEnum):
    """
    The class a rating gives a unit's movement, best first.

    The classes xuất sắc, khá and trung bình are seen in use (Quyết định
    510/QĐ-BCA-V05); whether the sheets have a class "yếu" is not known, so a sheet may
    define it or not.
    """

    EXCELLENT = "excellent"
    GOOD = "good"
    AVERAGE = "average"
    WEAK = "weak"

    __labels__ = {
        "excellent": "xuất sắc",
        "good": "khá",
        "average": "trung bình",
        "weak": "yếu",
    }

    @property
    def rank(self) -> int:
        """
        The class's rank, from 0 for excellent to 3 for weak; lower is better.
        """
        return _CLASS_RANKS[self]


_CLASS_RANKS = {rating_class: rank for rank, rating_class in enumerate(RatingClass)}


class RatedKind(LabelledEnum):
    """
    The kinds of unit that rate their movement and report the rating upward.

    Hamlets, communes and districts are territorial units (their identifiers are those
    of :class:`antq.UnitLevel`); agencies, enterprises and schools are organisations
    (those of :class:`antq.OrganisationKind`).
    """

    HAMLET = "hamlet"
    COMMUNE = "commune"
    DISTRICT = "district"
    AGENCY = "agency"
    ENTERPRISE = "enterprise"
    SCHOOL = "school"

    __labels__ = {
        "hamlet": "khu dân cư",
        "commune": "cấp xã",
        "district": "cấp huyện",
        "agency": "cơ quan",
        "enterprise": "doanh nghiệp",
        "school": "cơ sở giáo dục",
    }

    @classmethod
    def of(cls, kind: UnitLevel | OrganisationKind) -> RatedKind:
        """
        Return the rated kind of a unit level or an organisation kind.

        Args:
            kind: A unit's level, or an organisation's kind.

        Returns:
            The rated kind with the same identifier.

        Raises:
            antq.errors.InvalidValueError: When *kind* is neither, or names a level
                that no rating rule of antq covers (the province).
        """
        given: object = kind
        if not isinstance(given, UnitLevel | OrganisationKind):
            msg = "must be a UnitLevel or an OrganisationKind"
            raise InvalidValueError("RatedKind", "kind", kind, msg)
        if given.value not in cls.__labels__:
            msg = "antq knows no rating of this kind of unit"
            raise InvalidValueError("RatedKind", "kind", kind, msg)
        return cls(given.value)


# --- points -----------------------------------------------------------------------


def _as_points(value: object) -> object:
    """
    Turn an integer into a Decimal; leave any other value for the validator to judge.
    """
    if type(value) is int:
        return Decimal(value)
    if isinstance(value, Decimal) and value.is_zero():
        return Decimal(0)  # -0 is 0
    return value


def _as_optional_points(value: object) -> object:
    return None if value is None else _as_points(value)


def _number_problem(value: object) -> str | None:
    """
    Return why *value* is not a number of points, or ``None`` when it is one.
    """
    if not isinstance(value, Decimal):
        return "points are an int or a decimal.Decimal (a float is inexact)"
    if not value.is_finite():
        return "points must be a finite number"
    return None


def _positive_points(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = _number_problem(value)
    if problem is None and value <= 0:  # type: ignore[operator]
        problem = "must be more than 0 points"
    if problem is not None:
        v.refuse(instance, attribute, value, problem)


def _non_negative_points(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = _number_problem(value)
    if problem is None and value < 0:  # type: ignore[operator]
        problem = "points cannot be negative"
    if problem is not None:
        v.refuse(instance, attribute, value, problem)


def _exact_sum(values: Iterable[Decimal]) -> Decimal:
    """
    Add decimals without rounding (the default context keeps 28 digits only).
    """
    with decimal.localcontext() as context:
        context.prec = decimal.MAX_PREC
        context.Emax = decimal.MAX_EMAX
        context.Emin = decimal.MIN_EMIN
        context.traps[decimal.Inexact] = True
        return sum(values, Decimal(0))


def _points_problem(item: ScoreItem, value: object) -> str | None:
    """
    Return why *value* cannot be the points given for *item*, or ``None``.

    Args:
        item: The item of the sheet.
        value: The points, already turned into a Decimal when they were an int.
    """
    problem = _number_problem(value)
    if problem is not None:
        return problem
    if value < 0:  # type: ignore[operator]
        return "points cannot be negative"
    if value > item.max_points:  # type: ignore[operator]
        return f"item {item.id!r} is worth at most {item.max_points} points"
    return None


# --- score sheets -----------------------------------------------------------------


@attrs.frozen
class ScoreItem:
    """
    One item of a score sheet, and the points it is worth at most.

    Points are whole or decimal numbers (``int`` or ``decimal.Decimal``, never a
    float) and are added exactly; an ``int`` is stored as a Decimal.

    Args:
        id: The item's identifier, unique on its sheet (``"q1-plan"``).
        title: What the item rates, as the sheet words it.
        max_points: The most points the item gives; more than 0.
        group: The group of items it belongs to on the sheet, if the sheet groups them.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    id: str = attrs.field(validator=v.local_id)
    title: str = attrs.field(validator=v.text)
    max_points: Decimal = attrs.field(converter=_as_points, validator=_positive_points)
    group: str | None = attrs.field(default=None, validator=v.optional_text, kw_only=True)


@attrs.frozen
class ClassCutoff:
    """
    The least score that gives a class on a score sheet.

    Args:
        rating_class: The class.
        minimum: The least total score that gives it (0 or more points).

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    rating_class: RatingClass = attrs.field(validator=v.member_of(RatingClass))
    minimum: Decimal = attrs.field(converter=_as_points, validator=_non_negative_points)


def _kinds_tuple(value: Iterable[RatedKind]) -> tuple[RatedKind, ...]:
    return v.as_tuple(value, owner="ScoreSheet", field="kinds")


def _items_tuple(value: Iterable[ScoreItem]) -> tuple[ScoreItem, ...]:
    return v.as_tuple(value, owner="ScoreSheet", field="items")


def _cutoffs_tuple(value: Iterable[ClassCutoff]) -> tuple[ClassCutoff, ...]:
    return v.as_tuple(value, owner="ScoreSheet", field="cutoffs")


def _item_problems(
    items: Sequence[ScoreItem | None],
) -> Iterator[tuple[int, str, object, str]]:
    """
    Yield ``(index, field, value, rule)`` for every item that repeats an earlier id.

    ``None`` stands for an item that could not be read (from a file): it is skipped.
    """
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        if item is None:
            continue
        if item.id in first:
            yield index, "id", item.id, f"the id is already used by items[{first[item.id]}]"
        first.setdefault(item.id, index)


def _cutoff_problems(
    cutoffs: Sequence[ClassCutoff | None], max_total: Decimal | None
) -> Iterator[tuple[int, str, object, str]]:
    """
    Yield ``(index, field, value, rule)`` for every cut-off out of order or too high.

    Cut-offs are listed from the best class down, each class once, and each minimum is
    below the one before it; none is above the sheet's total. ``None`` stands for a
    cut-off, or a total, that could not be read (from a file): its checks are skipped.
    """
    before: tuple[int, ClassCutoff] | None = None
    for index, cutoff in enumerate(cutoffs):
        if cutoff is None:
            continue
        if before is not None:
            where = f"cutoffs[{before[0]}] is {before[1].rating_class.value!r}"
            if cutoff.rating_class.rank <= before[1].rating_class.rank:
                rule = f"cut-offs list each class once, from the best down ({where})"
                yield index, "rating_class", cutoff.rating_class.value, rule
            elif cutoff.minimum >= before[1].minimum:
                rule = (
                    f"a cut-off is below the one of the better class ({where}, {before[1].minimum})"
                )
                yield index, "minimum", cutoff.minimum, rule
        if max_total is not None and cutoff.minimum > max_total:
            rule = f"a cut-off is not above the sheet's total of {max_total} points"
            yield index, "minimum", cutoff.minimum, rule
        before = (index, cutoff)


def _kinds(instance: ScoreSheet, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if not value:
        v.refuse(instance, attribute, value, "a score sheet rates at least one kind of unit")
    check = v.member_of(RatedKind)
    for kind in value:
        check(instance, attribute, kind)
    if len(set(value)) != len(value):
        v.refuse(instance, attribute, value, "each kind is listed once")


def _items(instance: ScoreSheet, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    if not value:
        v.refuse(instance, attribute, value, "a score sheet has at least one item")
    for index, field, found, rule in _item_problems(value):
        v.refuse(instance, attribute, found, f"items[{index}].{field}: {rule}")


def _cutoffs(
    instance: ScoreSheet, attribute: attrs.Attribute[Any], value: tuple[ClassCutoff, ...]
) -> None:
    for index, field, found, rule in _cutoff_problems(value, instance.max_total):
        v.refuse(instance, attribute, found, f"cutoffs[{index}].{field}: {rule}")


@attrs.frozen
class ScoreSheet:
    """
    A score sheet for rating the movement, with its class cut-offs.

    Quyết định 510/QĐ-BCA-V05 sets a sheet for each kind of unit; its items and
    cut-offs are not known to antq and are supplied by the user, with the citation of
    where they come from. A sheet without cut-offs gives totals but no class.

    Args:
        id: The sheet's identifier (``"hamlet-2022"``).
        title: The sheet's title.
        kinds: The kinds of unit it rates; at least one, each once.
        source: Where the sheet comes from, as the user cites it (``"Quyết định
            510/QĐ-BCA-V05, phụ lục 1"``).
        items: The items; at least one, ids unique.
        cutoffs: The least score for each class the sheet defines, from the best class
            down, each class once, each minimum below the one before and none above the
            sheet's total. The lowest may be 0, so that every score gets a class.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    id: str = attrs.field(validator=v.local_id)
    title: str = attrs.field(validator=v.text)
    kinds: tuple[RatedKind, ...] = attrs.field(converter=_kinds_tuple, validator=_kinds)
    source: str = attrs.field(validator=v.text)
    items: tuple[ScoreItem, ...] = attrs.field(
        converter=_items_tuple, validator=[v.tuple_of(ScoreItem), _items]
    )
    cutoffs: tuple[ClassCutoff, ...] = attrs.field(
        default=(),
        converter=_cutoffs_tuple,
        validator=[v.tuple_of(ClassCutoff), _cutoffs],
        kw_only=True,
    )

    @property
    def max_total(self) -> Decimal:
        """
        The most points the sheet gives, the sum of its items' maximums.
        """
        return _exact_sum(item.max_points for item in self.items)

    def classify(self, score: int | Decimal) -> RatingClass | None:
        """
        Return the class a total score gets on this sheet.

        Args:
            score: A total score.

        Returns:
            The best class whose minimum the score reaches (a score at a cut-off gets
            that class), or ``None`` when it is below every cut-off or the sheet has
            none.

        Raises:
            antq.errors.InvalidValueError: When *score* is not an int or a finite
                Decimal.
        """
        value = _as_points(score)
        problem = _number_problem(value)
        if problem is not None:
            raise InvalidValueError("ScoreSheet", "score", score, problem)
        for cutoff in self.cutoffs:
            if value >= cutoff.minimum:  # type: ignore[operator]
                return cutoff.rating_class
        return None


# --- ratings ----------------------------------------------------------------------


def _item_points(instance: ItemResult, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        problem = _points_problem(instance.item, value)
        if problem is not None:
            v.refuse(instance, attribute, value, problem)


@attrs.frozen
class ItemResult:
    """
    The points one item of a sheet got, or none when they were not given.

    Args:
        item: The item of the sheet.
        points: The points given, from 0 to the item's maximum; ``None`` when missing.

    Raises:
        antq.errors.InvalidValueError: When the points are negative, above the item's
            maximum, or not an int or a finite Decimal.
    """

    item: ScoreItem = attrs.field(validator=v.instance_of(ScoreItem))
    points: Decimal | None = attrs.field(
        default=None, converter=_as_optional_points, validator=_item_points
    )

    @property
    def missing(self) -> bool:
        """
        Whether no points were given for the item.
        """
        return self.points is None


def _results_tuple(value: Iterable[ItemResult]) -> tuple[ItemResult, ...]:
    return v.as_tuple(value, owner="Rating", field="results")


def _results_match(
    instance: Rating, attribute: attrs.Attribute[Any], value: tuple[ItemResult, ...]
) -> None:
    items = tuple(result.item for result in value)
    if items != instance.sheet.items:
        v.refuse(
            instance,
            attribute,
            [item.id for item in items],
            "a rating has one result per item of its sheet, in the sheet's order",
        )


@attrs.frozen
class Rating:
    """
    A unit's rating on a score sheet: its points, its total and its class.

    Use :func:`.rate` to build one from the points given per item. A rating with an
    item missing is incomplete: it gets no class, and :attr:`.reason` names the items
    missing (an item left blank is not read as 0 points).

    Args:
        sheet: The score sheet.
        results: One result per item of the sheet, in the sheet's order.
        unit_code: The code of the unit rated, if known.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    sheet: ScoreSheet = attrs.field(validator=v.instance_of(ScoreSheet))
    results: tuple[ItemResult, ...] = attrs.field(
        converter=_results_tuple,
        validator=[v.tuple_of(ItemResult), _results_match],
    )
    unit_code: str | None = attrs.field(default=None, validator=v.optional_local_id, kw_only=True)

    @property
    def sheet_id(self) -> str:
        """
        The id of the sheet.
        """
        return self.sheet.id

    @property
    def source(self) -> str:
        """
        Where the sheet comes from, as its user cites it.
        """
        return self.sheet.source

    @property
    def total(self) -> Decimal:
        """
        The sum of the points given (the items missing count for nothing).
        """
        return _exact_sum(result.points for result in self.results if result.points is not None)

    @property
    def max_total(self) -> Decimal:
        """
        The most points the sheet gives.
        """
        return self.sheet.max_total

    @property
    def missing(self) -> tuple[str, ...]:
        """
        The ids of the items given no points, in the sheet's order.
        """
        return tuple(result.item.id for result in self.results if result.missing)

    @property
    def complete(self) -> bool:
        """
        Whether every item of the sheet was given points.
        """
        return not self.missing

    @property
    def rating_class(self) -> RatingClass | None:
        """
        The class the total gets, or ``None`` when there is none.

        There is none when the rating is incomplete, the sheet has no cut-offs, or the
        total is below every cut-off; :attr:`.reason` says which.
        """
        return self._decision()[0]

    @property
    def reason(self) -> str:
        """
        Why the rating has its class, or has none, in words.
        """
        return self._decision()[1]

    def _decision(self) -> tuple[RatingClass | None, str]:
        if self.missing:
            return None, f"incomplete: no points for {', '.join(self.missing)}"
        if not self.sheet.cutoffs:
            return None, "the sheet defines no cut-offs"
        total = self.total
        rating_class = self.sheet.classify(total)
        if rating_class is None:
            lowest = self.sheet.cutoffs[-1]
            return None, (
                f"below the lowest cut-off of the sheet "
                f"({lowest.minimum} for {lowest.rating_class.value})"
            )
        minimum = next(c.minimum for c in self.sheet.cutoffs if c.rating_class is rating_class)
        return rating_class, (
            f"{total} of {self.max_total} points reach the cut-off of {minimum} for "
            f"{rating_class.value} ({rating_class.label})"
        )


def rate(
    sheet: ScoreSheet, scores: Mapping[str, int | Decimal], *, unit_code: str | None = None
) -> Rating:
    """
    Rate a unit on a score sheet from the points given for each item.

    Args:
        sheet: The score sheet.
        scores: The points given, by item id; each from 0 to the item's maximum, an
            ``int`` or a ``decimal.Decimal``. An item left out is missing: the
            rating is then incomplete and gets no class.
        unit_code: The code of the unit rated, if known.

    Returns:
        The rating.

    Raises:
        antq.errors.InvalidValueError: When *scores* names an item the sheet does not
            have, or gives an item points that are negative, above its maximum, or
            not an int or a finite Decimal.
    """
    given: tuple[object, object] = (sheet, scores)
    if not isinstance(given[0], ScoreSheet):
        raise InvalidValueError("rate", "sheet", sheet, "must be of type ScoreSheet")
    if not isinstance(given[1], Mapping):
        msg = "must be a mapping of item ids to points"
        raise InvalidValueError("rate", "scores", scores, msg)
    ids = {item.id for item in sheet.items}
    for item_id in scores:
        if item_id not in ids:
            msg = f"sheet {sheet.id!r} has no item with this id; its items: {_names(sheet)}"
            raise InvalidValueError("rate", "scores", item_id, msg)
    results = [ItemResult(item, scores.get(item.id)) for item in sheet.items]
    return Rating(sheet, results, unit_code=unit_code)


def _names(sheet: ScoreSheet) -> str:
    return ", ".join(item.id for item in sheet.items)


def _as_points_map(value: object) -> object:
    if not isinstance(value, Mapping):
        return value
    return MappingProxyType({key: _as_points(points) for key, points in value.items()})


def _points_map(instance: UnitScores, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Mapping):
        v.refuse(instance, attribute, value, "must be a mapping of item ids to points")
    for key, points in value.items():
        if not isinstance(key, str) or v.LOCAL_ID.fullmatch(key) is None:
            v.refuse(instance, attribute, key, "an item id is a local identifier")
        problem = _number_problem(points)
        if problem is None and points < 0:
            problem = "points cannot be negative"
        if problem is not None:
            v.refuse(instance, attribute, points, f"item {key!r}: {problem}")


def _rating_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    problem = _year_problem(value, minimum=dt.MINYEAR)
    if problem is not None:
        v.refuse(instance, attribute, value, problem)


@attrs.frozen
class UnitScores:
    """
    The points a unit gave itself on a score sheet for a year, as it reported them.

    Args:
        unit_code: The code of the unit.
        year: The year rated.
        sheet_id: The id of the score sheet used.
        submitted_on: The day the rating was reported upward.
        points: The points given, by item id; 0 or more each (the sheet's maximums are
            checked when the unit is rated).

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    unit_code: str = attrs.field(validator=v.local_id)
    year: int = attrs.field(validator=_rating_year)
    sheet_id: str = attrs.field(validator=v.local_id)
    submitted_on: dt.date = attrs.field(validator=v.date)
    # A mapping cannot be hashed: the points are compared, and left out of the hash.
    points: Mapping[str, Decimal] = attrs.field(
        converter=_as_points_map, validator=_points_map, hash=False
    )

    def rate(self, sheet: ScoreSheet) -> Rating:
        """
        Rate the unit on *sheet*, which must be the sheet the scores were given on.

        Raises:
            antq.errors.InvalidValueError: When *sheet* is another sheet, or the points
                do not fit it (see :func:`.rate`).
        """
        given: object = sheet
        if not isinstance(given, ScoreSheet) or given.id != self.sheet_id:
            found = given.id if isinstance(given, ScoreSheet) else given
            msg = f"the scores were given on sheet {self.sheet_id!r}"
            raise InvalidValueError("UnitScores", "sheet", found, msg)
        return rate(sheet, self.points, unit_code=self.unit_code)


# --- deadlines --------------------------------------------------------------------

#: Where the deadlines come from; [V2], read in a secondary source only.
RATING_DEADLINE_SOURCE = "Quyết định 510/QĐ-BCA-V05, as read in a secondary source [V2]"

#: The day, as ``(month, day)``, before which each kind of unit reports its rating
#: upward: hamlets before 20 November; communes, agencies, enterprises and schools before
#: 30 November; districts before 15 December (:data:`.RATING_DEADLINE_SOURCE`, [V2]).
RATING_DUE_BEFORE: Mapping[RatedKind, tuple[int, int]] = MappingProxyType(
    {
        RatedKind.HAMLET: (11, 20),
        RatedKind.COMMUNE: (11, 30),
        RatedKind.AGENCY: (11, 30),
        RatedKind.ENTERPRISE: (11, 30),
        RatedKind.SCHOOL: (11, 30),
        RatedKind.DISTRICT: (12, 15),
    }
)

#: The first day of the two-tier local government: no district exists from this day.
_NO_DISTRICTS_FROM = dt.date(2025, 7, 1)


def _year_problem(value: object, *, minimum: int) -> str | None:
    if type(value) is not int:
        return "a year is an integer"
    if not minimum <= value <= dt.MAXYEAR:
        return f"a year is from {minimum} to {dt.MAXYEAR}"
    return None


def _due_before(kind: RatedKind, year: int) -> dt.date:
    month, day = RATING_DUE_BEFORE[kind]
    return dt.date(year, month, day)


def _deadline_problem(kind: RatedKind, year: int) -> str | None:
    if kind is RatedKind.DISTRICT and _due_before(kind, year) >= _NO_DISTRICTS_FROM:
        return "the district level was abolished on 1 July 2025: no district rates itself"
    return None


def _deadline_year(instance: DeadlineCheck, attribute: attrs.Attribute[Any], value: int) -> None:
    _rating_year(instance, attribute, value)
    problem = _deadline_problem(instance.kind, value)
    if problem is not None:
        v.refuse(instance, attribute, value, problem)


def rating_deadline(kind: RatedKind, year: int) -> dt.date:
    """
    Return the last day on which a unit's rating for *year* is reported on time.

    Each unit rates itself and reports upward: hamlets before 20 November; communes,
    agencies, enterprises and schools before 30 November; districts before 15 December
    (Quyết định 510/QĐ-BCA-V05, as read in a secondary source [V2]; the days are
    :data:`.RATING_DUE_BEFORE`). "Before 20 November" is read as written: a report made
    on 20 November is late, and the last day on time is 19 November.

    Args:
        kind: The kind of unit.
        year: The year rated.

    Returns:
        The last day on time, in *year*.

    Raises:
        antq.errors.InvalidValueError: When *kind* is not a :class:`.RatedKind`, *year*
            is not a year, or *kind* is a district and the deadline falls after the
            district level was abolished (1 July 2025).
    """
    given: object = kind
    if not isinstance(given, RatedKind):
        known = ", ".join(repr(member.value) for member in RatedKind)
        msg = f"must be a member of RatedKind: {known}"
        raise InvalidValueError("rating_deadline", "kind", kind, msg)
    problem = _year_problem(year, minimum=dt.MINYEAR) or _deadline_problem(kind, year)
    if problem is not None:
        raise InvalidValueError("rating_deadline", "year", year, problem)
    return _due_before(kind, year) - dt.timedelta(days=1)


@attrs.frozen
class DeadlineCheck:
    """
    Whether a unit reported its rating on time (Quyết định 510/QĐ-BCA-V05 [V2]).

    Args:
        kind: The kind of unit.
        year: The year rated.
        submitted_on: The day the rating was reported upward.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule (see
            :func:`.rating_deadline`).
    """

    kind: RatedKind = attrs.field(validator=v.member_of(RatedKind))
    year: int = attrs.field(validator=_deadline_year)
    submitted_on: dt.date = attrs.field(validator=v.date)

    @property
    def due_before(self) -> dt.date:
        """
        The day the report must come before, as the rule words it (20 November ...).
        """
        return _due_before(self.kind, self.year)

    @property
    def deadline(self) -> dt.date:
        """
        The last day on time, the day before :attr:`.due_before`.
        """
        return rating_deadline(self.kind, self.year)

    @property
    def on_time(self) -> bool:
        """
        Whether the rating was reported by the deadline.
        """
        return self.submitted_on <= self.deadline

    @property
    def days_late(self) -> int:
        """
        The days from the deadline to the report; 0 when it was on time.
        """
        return max(0, (self.submitted_on - self.deadline).days)


def check_deadline(kind: RatedKind, year: int, submitted_on: dt.date) -> DeadlineCheck:
    """
    Check whether a unit's rating for *year* was reported on time.

    Args:
        kind: The kind of unit.
        year: The year rated.
        submitted_on: The day the rating was reported upward.

    Returns:
        The check, on time or late, and by how many days (see :func:`.rating_deadline`).

    Raises:
        antq.errors.InvalidValueError: When an argument breaks its rule.
    """
    return DeadlineCheck(kind, year, submitted_on)


# --- security-protection teams ----------------------------------------------------

#: Where the teams' rating rules come from; [V2], read in a secondary source only.
TEAM_RATING_SOURCE = "Hướng dẫn 01/HD-BCA-V05, as read in a secondary source [V2]"

#: Teams and members active for fewer months than this in the window are not rated
#: (:data:`.TEAM_RATING_SOURCE`, [V2]).
TEAM_RATING_MIN_MONTHS = 9

#: Those rated "excellent" are at most this share of those rated "good"
#: (:data:`.TEAM_RATING_SOURCE`, [V2]).
EXCELLENT_SHARE_OF_GOOD = Fraction(20, 100)


class TeamRatingLevel(LabelledEnum):
    """
    The levels a security-protection team, or a member, is rated at, best first.

    Hướng dẫn 01/HD-BCA-V05, as read in a secondary source [V2].
    """

    EXCELLENT = "excellent"
    GOOD = "good"
    COMPLETED = "completed"
    NOT_COMPLETED = "not_completed"

    __labels__ = {
        "excellent": "hoàn thành xuất sắc nhiệm vụ",
        "good": "hoàn thành tốt nhiệm vụ",
        "completed": "hoàn thành nhiệm vụ",
        "not_completed": "không hoàn thành nhiệm vụ",
    }

    @property
    def rank(self) -> int:
        """
        The level's rank, from 0 for excellent to 3 for not completed; lower is better.
        """
        return _LEVEL_RANKS[self]


_LEVEL_RANKS = {level: rank for rank, level in enumerate(TeamRatingLevel)}


def _team_year(year: object, owner: str) -> int:
    problem = _year_problem(year, minimum=dt.MINYEAR + 1)
    if problem is not None:
        raise InvalidValueError(owner, "year", year, problem)
    return year  # type: ignore[return-value]


def team_rating_window(year: int) -> Period:
    """
    Return the days whose work a team's rating for *year* covers.

    The window runs from 15 November of the year before to 14 November of *year*
    (Hướng dẫn 01/HD-BCA-V05, as read in a secondary source [V2]).

    Raises:
        antq.errors.InvalidValueError: When *year* is not a year after 1.
    """
    year = _team_year(year, "team_rating_window")
    return Period(dt.date(year - 1, 11, 15), dt.date(year, 11, 14))


def _months_before(day: dt.date, months: int) -> dt.date:
    """
    Return the same day *months* earlier, or the month's last day when it is shorter.
    """
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def team_rating_eligible(
    year: int, active_from: dt.date, *, active_to: dt.date | None = None
) -> bool:
    """
    Tell whether a team, or a member, was active long enough in the window to be rated.

    Teams and members active for less than 9 months are not rated (Hướng dẫn
    01/HD-BCA-V05, as read in a secondary source [V2]). The activity is counted inside
    :func:`.team_rating_window`, in whole calendar months counted back from the day after
    the last active day: a team active from 15 February to 14 November has 9 months,
    one active from 16 February has not (counted back from 30 November, 9 months
    reach back to the last day of February).

    Args:
        year: The year rated.
        active_from: The first day the team, or member, was active.
        active_to: The last day it was active, if it stopped.

    Returns:
        ``True`` when it was active for at least :data:`.TEAM_RATING_MIN_MONTHS`
        months of the window.

    Raises:
        antq.errors.InvalidValueError: When an argument breaks its rule, or
            *active_to* is before *active_from*.
    """
    owner = "team_rating_eligible"
    window = team_rating_window(_team_year(year, owner))
    if type(active_from) is not dt.date:
        raise InvalidValueError(owner, "active_from", active_from, "must be a date")
    if active_to is not None and type(active_to) is not dt.date:
        raise InvalidValueError(owner, "active_to", active_to, "must be a date or None")
    if active_to is not None and active_to < active_from:
        msg = f"activity cannot end before it starts ({active_from.isoformat()})"
        raise InvalidValueError(owner, "active_to", active_to, msg)
    start = max(active_from, window.start)
    end = window.end if active_to is None else min(active_to, window.end)
    return start <= _months_before(end + dt.timedelta(days=1), TEAM_RATING_MIN_MONTHS)


def leader_not_above_team(team_level: TeamRatingLevel, leader_level: TeamRatingLevel) -> bool:
    """
    Tell whether a team leader's level is not above the team's.

    A leader is not rated above the team (Hướng dẫn 01/HD-BCA-V05, as read in a
    secondary source [V2]).

    Raises:
        antq.errors.InvalidValueError: When a level is not a :class:`.TeamRatingLevel`.
    """
    levels: tuple[tuple[str, object], ...] = (
        ("team_level", team_level),
        ("leader_level", leader_level),
    )
    for field, level in levels:
        if not isinstance(level, TeamRatingLevel):
            msg = "must be a member of TeamRatingLevel"
            raise InvalidValueError("leader_not_above_team", field, level, msg)
    return leader_level.rank >= team_level.rank


def _leader_level(instance: TeamRating, attribute: attrs.Attribute[Any], value: object) -> None:
    v.member_of(TeamRatingLevel, optional=True)(instance, attribute, value)
    if isinstance(value, TeamRatingLevel) and not leader_not_above_team(instance.level, value):
        msg = f"a leader is not rated above the team ({instance.level.value!r}) [V2]"
        v.refuse(instance, attribute, value, msg)


@attrs.frozen
class TeamRating:
    """
    The level a security-protection team was rated at, and its leader's.

    Args:
        team: The team's identifier.
        level: The team's level.
        leader_level: The leader's level, if rated; not above the team's (Hướng dẫn
            01/HD-BCA-V05, as read in a secondary source [V2]).

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    team: str = attrs.field(validator=v.local_id)
    level: TeamRatingLevel = attrs.field(validator=v.member_of(TeamRatingLevel))
    leader_level: TeamRatingLevel | None = attrs.field(
        default=None, validator=_leader_level, kw_only=True
    )


@attrs.frozen
class ExcellentCap:
    """
    The count of "excellent" against its cap: at most 20 % of those rated "good".

    The cap is the share :data:`.EXCELLENT_SHARE_OF_GOOD` of the number rated "good"
    (hoàn thành tốt nhiệm vụ), those rated "excellent" not included, rounded down: with
    4 rated "good", none may be "excellent" (Hướng dẫn 01/HD-BCA-V05, as read in a
    secondary source [V2]).

    Args:
        excellent: The number rated "excellent".
        good: The number rated "good".

    Raises:
        antq.errors.InvalidValueError: When a count is not a non-negative integer.
    """

    excellent: int = attrs.field(validator=v.count)
    good: int = attrs.field(validator=v.count)

    @property
    def cap(self) -> int:
        """
        The most that may be rated "excellent".
        """
        return math.floor(self.good * EXCELLENT_SHARE_OF_GOOD)

    @property
    def within(self) -> bool:
        """
        Whether the number rated "excellent" is within the cap.
        """
        return self.excellent <= self.cap

    @property
    def excess(self) -> int:
        """
        How many are rated "excellent" above the cap; 0 when within it.
        """
        return max(0, self.excellent - self.cap)


def check_excellent_cap(ratings: Iterable[TeamRatingLevel | TeamRating]) -> ExcellentCap:
    """
    Count those rated "excellent" and "good", and check the cap on "excellent".

    Args:
        ratings: The levels, or team ratings, of those rated together (the teams, or
            the members, of one commune).

    Returns:
        The counts and the cap (see :class:`.ExcellentCap`).

    Raises:
        antq.errors.InvalidValueError: When an item is neither a level nor a team rating.
    """
    values: tuple[object, ...] = v.as_tuple(ratings, owner="check_excellent_cap", field="ratings")
    levels = []
    for value in values:
        level = value.level if isinstance(value, TeamRating) else value
        if not isinstance(level, TeamRatingLevel):
            msg = "must be a TeamRatingLevel or a TeamRating"
            raise InvalidValueError("check_excellent_cap", "ratings", value, msg)
        levels.append(level)
    excellent = levels.count(TeamRatingLevel.EXCELLENT)
    return ExcellentCap(excellent, levels.count(TeamRatingLevel.GOOD))
