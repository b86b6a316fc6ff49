"""
Recognition as "An toàn về an ninh, trật tự" (safe on security and order).

Once a year a hamlet (khu dân cư), a commune (xã, phường, thị trấn), an agency, an
enterprise or a school is recognised as safe on security and order, or not. Thông tư
124/2021/TT-BCA rules it from 10 February 2022; Thông tư 23/2012/TT-BCA did before, and
data about the years before that day is judged under it. This module holds the two
regimes, who can be assessed, the assessment windows, the criteria each regime names,
and the assessment of one unit for one year from facts about it.

Every criterion quotes the text it encodes and names its source. What the rules leave
unknown is a parameter with no default (:class:`CriteriaParameters`): until it is given,
the criterion that needs it is *not assessable*, and the unit cannot be found safe.

Recognition is kept apart from the movement's rating (xếp loại phong trào): nothing here
rates anything.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from antq import _validation as v
from antq._enums import LabelledEnum
from antq.errors import AntqError, InvalidValueError
from antq.periods import Period
from antq.units import EnterpriseSize, Organisation, OrganisationKind, SchoolLevel, Unit, UnitLevel

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

__all__ = [
    "CRITERIA",
    "FACTS",
    "TT124_IN_FORCE",
    "Assessment",
    "AssessmentFact",
    "Certainty",
    "Comparison",
    "Condition",
    "CriteriaParameters",
    "Criterion",
    "CriterionResult",
    "CriterionStatus",
    "Fact",
    "GapConditions",
    "MonthDay",
    "NotEligibleError",
    "Outcome",
    "ProvincialCriterion",
    "Recognition",
    "Regime",
    "Subject",
    "assess",
    "assessment_window",
    "check_eligible",
    "criteria_for",
    "duplicate_recognitions",
    "hamlets_needed",
    "recognitions_by_window",
    "regime_for_year",
    "regime_on",
    "subject_of",
    "window_year",
]

#: The day Thông tư 124/2021/TT-BCA came into force (RULES §1 [V]).
TT124_IN_FORCE = dt.date(2022, 2, 10)

#: The last year judged under Thông tư 23/2012/TT-BCA: every window of 2021 closes
#: before 10 February 2022, every window of 2022 after it.
_LAST_TT23_YEAR = 2021

_ONE_DAY = dt.timedelta(days=1)
_TT124 = "Thông tư 124/2021/TT-BCA"
_TT23 = "Thông tư 23/2012/TT-BCA"
_ELIGIBILITY_SOURCE = f"{_TT124}, Điều 2"
_FACT_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")


class Regime(LabelledEnum):
    """
    The circular whose criteria and windows an assessment follows.

    Thông tư 124/2021/TT-BCA (28 December 2021, in force 10 February 2022) replaced
    Thông tư 23/2012/TT-BCA (27 April 2012). Thông tư 48/2025/TT-BCA amends TT 124 for the
    two-tier local government of 2025; antq encodes none of its changes, which RULES does
    not give.
    """

    TT23_2012 = "tt23_2012"
    TT124_2021 = "tt124_2021"

    __labels__ = {
        "tt23_2012": _TT23,
        "tt124_2021": _TT124,
    }


class Subject(LabelledEnum):
    """
    What can be recognised: hamlets, communes, agencies, enterprises and schools.

    Source: Thông tư 124/2021/TT-BCA, Điều 2 (RULES §1 [V]).
    """

    HAMLET = "hamlet"
    COMMUNE = "commune"
    AGENCY = "agency"
    ENTERPRISE = "enterprise"
    SCHOOL = "school"

    __labels__ = {
        "hamlet": "khu dân cư",
        "commune": "xã, phường, thị trấn",
        "agency": "cơ quan",
        "enterprise": "doanh nghiệp",
        "school": "cơ sở giáo dục",
    }


class Certainty(LabelledEnum):
    """
    How much of a criterion the rules give: all of it, part of it, or nothing but its place.
    """

    EXACT = "exact"
    PARTLY_KNOWN = "partly_known"
    GAP = "gap"

    __labels__ = {
        "exact": "đã xác định",
        "partly_known": "xác định một phần",
        "gap": "chưa xác định",
    }


class Comparison(LabelledEnum):
    """
    How a condition compares a fact with its value.
    """

    AT_MOST = "at_most"
    AT_LEAST = "at_least"
    EQUALS = "equals"

    __labels__ = {
        "at_most": "không quá",
        "at_least": "ít nhất",
        "equals": "bằng",
    }


class CriterionStatus(LabelledEnum):
    """
    What an assessment found for one criterion.

    ``not_assessable`` means the facts or parameters needed are missing: neither met nor
    not met.
    """

    MET = "met"
    NOT_MET = "not_met"
    NOT_ASSESSABLE = "not_assessable"

    __labels__ = {
        "met": "đạt",
        "not_met": "không đạt",
        "not_assessable": "chưa đủ căn cứ đánh giá",
    }


class Outcome(LabelledEnum):
    """
    The outcome of an assessment.

    A decision is ``safe`` (đạt) or ``not_safe`` (chưa đạt) (RULES §1 [V]). An assessment
    with no criterion not met but some not assessable is ``undecided``: the facts do not
    show the unit safe, and do not show it not safe either. It is never a decision.
    """

    SAFE = "safe"
    NOT_SAFE = "not_safe"
    UNDECIDED = "undecided"

    __labels__ = {
        "safe": "đạt tiêu chuẩn an toàn về an ninh, trật tự",
        "not_safe": "chưa đạt tiêu chuẩn an toàn về an ninh, trật tự",
        "undecided": "chưa đủ căn cứ",
    }


class NotEligibleError(AntqError, ValueError):
    """
    A unit or organisation that cannot be recognised at all.

    Attributes:
        code: The unit's or organisation's code.
        name: Its name.
        reason: Why it cannot be recognised.
        source: The rule that says so.
        reason_vi: The reason in Vietnamese.
    """

    code: str
    name: str
    reason: str
    source: str
    reason_vi: str

    def __init__(
        self, code: str, name: str, reason: str, *, source: str, reason_vi: str = ""
    ) -> None:
        """
        Build the message from the attributes.
        """
        self.code = code
        self.name = name
        self.reason = reason
        self.source = source
        self.reason_vi = reason_vi or reason
        msg = (
            f"{code} ({name}) cannot be recognised as safe on security and order: "
            f"{reason} ({source})"
        )
        super().__init__(msg)


# Regimes and windows -----------------------------------------------------------------


def _check_date(owner: str, field: str, day: object) -> None:
    if type(day) is not dt.date:
        raise InvalidValueError(owner, field, day, "must be a date (datetime.date, without a time)")


def _check_year(owner: str, year: object) -> None:
    if type(year) is not int:
        raise InvalidValueError(owner, "year", year, "a year must be an integer")
    # A window starts in the year before the one it is named after.
    if not 2 <= year <= dt.MAXYEAR:
        rule = f"a year's window must fit the calendar: a year from 2 to {dt.MAXYEAR}"
        raise InvalidValueError(owner, "year", year, rule)


def _check_member(owner: str, field: str, value: object, enum: type[LabelledEnum]) -> None:
    if not isinstance(value, enum):
        known = ", ".join(repr(member.value) for member in enum)
        raise InvalidValueError(
            owner, field, value, f"must be a member of {enum.__name__}: {known}"
        )


def _check_optional(owner: str, field: str, value: object, cls: type) -> None:
    if value is not None and not isinstance(value, cls):
        raise InvalidValueError(owner, field, value, f"must be None or of type {cls.__name__}")


def regime_on(day: dt.date) -> Regime:
    """
    Return the regime in force on *day*.

    Source: Thông tư 124/2021/TT-BCA is in force from 10 February 2022; data about the
    years before is judged under Thông tư 23/2012/TT-BCA (RULES §1 [V]). RULES names no
    regime before TT 23, so every earlier day gets TT 23.

    Raises:
        antq.errors.InvalidValueError: When *day* is not a date.
    """
    _check_date("regime_on", "day", day)
    return Regime.TT23_2012 if day < TT124_IN_FORCE else Regime.TT124_2021


def regime_for_year(year: int) -> Regime:
    """
    Return the regime a year is judged under: TT 23 up to 2021, TT 124 from 2022.

    A year is judged under the regime in force when its window closes: every window of
    2021 closes before 10 February 2022 and every window of 2022 after it (Thông tư
    124/2021/TT-BCA, Điều 8.2; "data about years before 10 Feb 2022 is judged under
    TT 23", RULES §1 [V]).

    Raises:
        antq.errors.InvalidValueError: When *year* is not an integer from 2 to 9999.
    """
    _check_year("regime_for_year", year)
    return Regime.TT23_2012 if year <= _LAST_TT23_YEAR else Regime.TT124_2021


def _month(instance: MonthDay, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int or not 1 <= value <= 12:
        v.refuse(instance, attribute, value, "a month is an integer from 1 to 12")


def _day_of_month(instance: MonthDay, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        v.refuse(instance, attribute, value, "a day is an integer")
    month = instance.month
    # A day that recurs every year: 29 February does not, so a common year is the measure.
    last = calendar.monthrange(2001, month)[1]
    if not 1 <= value <= last:
        v.refuse(instance, attribute, value, f"month {month} has days 1 to {last} every year")


_MONTH_DAY = re.compile(r"(?P<month>[0-9]{2})-(?P<day>[0-9]{2})")


@attrs.frozen(order=True)
class MonthDay:
    """
    A day that recurs every year, such as the day of the school-year review.

    29 February is refused: it does not recur every year.

    Args:
        month: 1 to 12.
        day: A day of that month in every year.

    Raises:
        antq.errors.InvalidValueError: When the day does not exist every year.
    """

    month: int = attrs.field(validator=_month)
    day: int = attrs.field(validator=_day_of_month)

    @classmethod
    def parse(cls, text: str) -> MonthDay:
        """
        Read ``MM-DD`` (``05-31`` is 31 May).

        Raises:
            antq.errors.InvalidValueError: When the text is not a day of every year.
        """
        match = _MONTH_DAY.fullmatch(text)
        if match is None:
            rule = "a day of the year is written MM-DD, such as 05-31"
            raise InvalidValueError("MonthDay", "text", text, rule)
        return cls(int(match["month"]), int(match["day"]))

    def __str__(self) -> str:
        """
        Return ``MM-DD``, which :meth:`parse` reads back.
        """
        return f"{self.month:02d}-{self.day:02d}"

    def on(self, year: int) -> dt.date:
        """
        Return this day in *year*.
        """
        return dt.date(year, self.month, self.day)


def _window(subject: Subject, year: int, regime: Regime, school_review: MonthDay | None) -> Period:
    """
    Return the window of *year* as *regime* words it.
    """
    if subject is Subject.HAMLET:
        # TT 124 Điều 8.2 [V]: 1 November to 31 October. TT 23 [V2] says "31 Oct – 31
        # Oct", read as the same days so that consecutive windows do not share 31 October.
        return Period(dt.date(year - 1, 11, 1), dt.date(year, 10, 31))
    if regime is Regime.TT124_2021:
        return Period(dt.date(year - 1, 11, 16), dt.date(year, 11, 15))
    if subject is Subject.SCHOOL:
        if school_review is None:
            rule = (
                f"under {_TT23} a school's window runs from one school-year review to the "
                "next, and antq's sources give no date: give the day of the review (MonthDay)"
            )
            raise InvalidValueError("assessment_window", "school_review", None, rule)
        return Period(school_review.on(year - 1) + _ONE_DAY, school_review.on(year))
    # TT 23 [V2]: "30 Nov – 30 Nov", read as 1 December to 30 November.
    return Period(dt.date(year - 1, 12, 1), dt.date(year, 11, 30))


def assessment_window(
    subject: Subject,
    year: int,
    *,
    regime: Regime | None = None,
    school_review: MonthDay | None = None,
) -> Period:
    """
    Return the days whose events count for *subject*'s recognition in *year*.

    Under Thông tư 124/2021/TT-BCA, Điều 8.2 [V]: hamlets from 1 November of the year
    before to 31 October; communes, agencies, enterprises and schools from 16 November to
    15 November. Under Thông tư 23/2012/TT-BCA [V2, read as antq's interpretation]:
    hamlets "31 Oct – 31 Oct" is 1 November to 31 October; communes, agencies and
    enterprises "30 Nov – 30 Nov" is 1 December to 30 November; schools run from the day
    after one school-year review to the next review, on *school_review*.

    Without *regime*, the year's own regime is used (:func:`regime_for_year`) and the
    windows of consecutive years tile the calendar: the 2021 window, the last under
    TT 23, ends the day before the first TT 124 window begins (15 November 2021 for
    communes, agencies, enterprises and schools), so that no event counts twice and none
    is lost. With *regime*, the window is that regime's own, as its text reads.

    Args:
        subject: What is assessed.
        year: The year of the recognition; the window ends in it.
        regime: The regime whose window to give, if not the year's own.
        school_review: The day of the school-year review, needed for a school's window
            under TT 23 only.

    Returns:
        The window, both ends included.

    Raises:
        antq.errors.InvalidValueError: When an argument is of the wrong type, or a school's
            TT 23 window is asked without *school_review*.
    """
    _check_member("assessment_window", "subject", subject, Subject)
    _check_year("assessment_window", year)
    _check_optional("assessment_window", "regime", regime, Regime)
    _check_optional("assessment_window", "school_review", school_review, MonthDay)
    if regime is not None:
        return _window(subject, year, regime, school_review)
    window = _window(subject, year, regime_for_year(year), school_review)
    if year == _LAST_TT23_YEAR:
        following = _window(subject, year + 1, Regime.TT124_2021, None)
        window = Period(window.start, following.start - _ONE_DAY)
    return window


def window_year(
    subject: Subject,
    day: dt.date,
    *,
    regime: Regime | None = None,
    school_review: MonthDay | None = None,
) -> int:
    """
    Return the year whose window holds *day*: which recognition an event on it counts for.

    An event belongs to the window that contains its date (RULES §1): an accident in a
    hamlet on 15 November 2012 counts for 2013.

    Args:
        subject: What is assessed.
        day: The event's date.
        regime: As for :func:`assessment_window`.
        school_review: As for :func:`assessment_window`.

    Raises:
        antq.errors.InvalidValueError: As for :func:`assessment_window`, or when *day* is
            not a date.
    """
    _check_date("window_year", "day", day)
    later = day.year + 1
    # Windows end in the year they are named after and tile the calendar: a day before
    # the next year's window belongs to its own year's.
    start = assessment_window(subject, later, regime=regime, school_review=school_review).start
    return later if start <= day else day.year


# Eligibility ---------------------------------------------------------------------------

_LEVEL_SUBJECTS = {UnitLevel.HAMLET: Subject.HAMLET, UnitLevel.COMMUNE: Subject.COMMUNE}
_KIND_SUBJECTS = {
    OrganisationKind.AGENCY: Subject.AGENCY,
    OrganisationKind.ENTERPRISE: Subject.ENTERPRISE,
    OrganisationKind.SCHOOL: Subject.SCHOOL,
}
_EXCLUDED_SIZES = frozenset({EnterpriseSize.MICRO, EnterpriseSize.SMALL})
_EXCLUDED_LEVELS = frozenset({SchoolLevel.NURSERY, SchoolLevel.KINDERGARTEN, SchoolLevel.PRIMARY})


def subject_of(unit: Unit | Organisation) -> Subject:
    """
    Return what *unit* is assessed as: a hamlet, commune, agency, enterprise or school.

    Source: Thông tư 124/2021/TT-BCA, Điều 2 (RULES §1 [V]): provinces and districts are
    not recognised.

    Raises:
        NotEligibleError: When *unit* is a province or a district.
        antq.errors.InvalidValueError: When *unit* is neither a Unit nor an Organisation.
    """
    if isinstance(unit, Organisation):
        return _KIND_SUBJECTS[unit.kind]
    if not isinstance(unit, Unit):
        raise InvalidValueError("subject_of", "unit", unit, "must be a Unit or an Organisation")
    subject = _LEVEL_SUBJECTS.get(unit.level)
    if subject is None:
        reason = (
            f"a unit at {unit.level.value} level ({unit.level.label}) is not recognised; "
            "hamlets and communes are, beside agencies, enterprises and schools"
        )
        reason_vi = (
            f"đơn vị {unit.level.label} không thuộc diện xét công nhận; chỉ xét khu dân cư, "
            "xã, phường, thị trấn, cơ quan, doanh nghiệp và cơ sở giáo dục"
        )
        raise NotEligibleError(
            unit.code, unit.name, reason, source=_ELIGIBILITY_SOURCE, reason_vi=reason_vi
        )
    return subject


def _ineligibility(organisation: Organisation) -> tuple[str, str] | None:
    """
    Return why *organisation* cannot be recognised, in English and Vietnamese, if so.
    """
    if organisation.armed_forces:
        return (
            "a unit of the armed forces is not recognised",
            "đơn vị thuộc lực lượng vũ trang không thuộc diện xét công nhận",
        )
    if organisation.kind is OrganisationKind.ENTERPRISE:
        size = organisation.enterprise_size
        if size is None:
            return (
                (
                    "its size is not recorded, and small and micro enterprises are not "
                    "recognised: eligibility cannot be established"
                ),
                (
                    "chưa ghi quy mô doanh nghiệp, mà doanh nghiệp nhỏ và siêu nhỏ không "
                    "thuộc diện xét công nhận: chưa xác định được"
                ),
            )
        if size in _EXCLUDED_SIZES:
            return (
                f"a {size.value} enterprise ({size.label}) is not recognised",
                f"{size.label} không thuộc diện xét công nhận",
            )
    if organisation.kind is OrganisationKind.SCHOOL:
        level = organisation.school_level
        if level is None:
            return (
                (
                    "its level is not recorded, and nurseries, kindergartens and primary "
                    "schools are not recognised: eligibility cannot be established"
                ),
                (
                    "chưa ghi cấp học, mà nhà trẻ, mẫu giáo và tiểu học không thuộc diện "
                    "xét công nhận: chưa xác định được"
                ),
            )
        if level in _EXCLUDED_LEVELS:
            return (
                f"a school at {level.value} level ({level.label}) is not recognised",
                f"cơ sở giáo dục cấp {level.label} không thuộc diện xét công nhận",
            )
    return None


def check_eligible(unit: Unit | Organisation) -> Subject:
    """
    Check that *unit* can be recognised, and return what it is assessed as.

    Source: Thông tư 124/2021/TT-BCA, Điều 2 (RULES §1 [V]): hamlets and communes can be
    recognised; agencies except units of the armed forces; enterprises except small and
    micro ones; schools except primary schools, kindergartens and nurseries. An
    enterprise of unknown size or a school of unknown level is refused too: whether it is
    excluded cannot be told. RULES gives one list, applied under both regimes.

    Returns:
        The subject *unit* is assessed as.

    Raises:
        NotEligibleError: When *unit* cannot be recognised, or its eligibility cannot be
            established; the message names the unit, the reason and the source.
        antq.errors.InvalidValueError: When *unit* is neither a Unit nor an Organisation.
    """
    subject = subject_of(unit)
    if isinstance(unit, Organisation):
        found = _ineligibility(unit)
        if found is not None:
            reason, reason_vi = found
            raise NotEligibleError(
                unit.code, unit.name, reason, source=_ELIGIBILITY_SOURCE, reason_vi=reason_vi
            )
    return subject


# Facts ---------------------------------------------------------------------------------


def _fact_kind(instance: Fact, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not bool and value is not int:
        v.refuse(instance, attribute, value, "a fact is a bool (yes or no) or an int (a count)")


@attrs.frozen
class Fact:
    """
    One fact an assessment reads: its identifier, its type and what it means.

    Args:
        id: The key of the fact in the facts given to :func:`assess`.
        kind: ``bool`` for a yes-or-no fact, ``int`` for a count (0 or more).
        description: What the fact states, for the year assessed.
    """

    id: str = attrs.field(validator=v.text)
    kind: type[int] = attrs.field(validator=_fact_kind)
    description: str = attrs.field(validator=v.text)


#: The events named in criterion 3 of Thông tư 124/2021/TT-BCA, Điều 4 (RULES §1 [V]);
#: the rest of that list is a gap.
_EVENTS = (
    ("anti_state_activities", "activities against the Party or the State"),
    (
        "sabotage",
        "sabotage of economic, cultural, social, security or defence targets",
    ),
    ("illegal_religions", "activities of illegal religions"),
    (
        "abuse_of_religion_ethnicity_disputes",
        "abuse of religion, ethnicity or disputes to disturb order",
    ),
    ("separatism", "separatist activities"),
    ("complex_prolonged_disputes", "complex, prolonged disputes among the people"),
    ("incitement_to_illegal_gatherings", "inciting people to join illegal gatherings"),
)

_FACT_LIST = (
    Fact(
        "resolution_adopted",
        bool,
        "in the first quarter, the party cell (or party committee) adopted its resolution "
        "on the movement",
    ),
    Fact("plan_adopted", bool, "in the first quarter, the plan for the movement was adopted"),
    Fact(
        "pledge_registered",
        bool,
        'in the first quarter, the pledge to strive for "safe on security and order" '
        "was registered (đăng ký phấn đấu)",
    ),
    Fact("households_total", int, "resident households"),
    Fact(
        "households_registered",
        int,
        "resident households registered to take part in the movement (TT 124)",
    ),
    Fact("households_committed", int, "resident households that signed a commitment (TT 23)"),
    Fact("laws_carried_out", bool, "the policies and laws on security and order are carried out"),
    *(Fact(event, int, f"events in the window: {what}") for event, what in _EVENTS),
    Fact("police_members_disciplined", int, "members of the commune police disciplined"),
    Fact(
        "police_disciplined_warning_or_above",
        int,
        "members of the commune police disciplined at warning level (cảnh cáo) or above",
    ),
    Fact(
        "police_advanced_or_better",
        bool,
        'the commune police were rated "Đơn vị tiên tiến" (advanced unit) or better',
    ),
    Fact("staff_total", int, "staff of the agency or enterprise"),
    Fact("staff_briefed", int, "staff briefed on the internal rules"),
    Fact(
        "internal_rules_issued",
        bool,
        "internal rules on protection, state secrets, labour safety, fire and the "
        "environment are issued",
    ),
    Fact(
        "models_working_effectively",
        int,
        "models of the movement (mô hình) working effectively",
    ),
)

#: Every fact antq's criteria read, by identifier, in order. Gap criteria and provincial
#: criteria read further facts, named by their conditions.
FACTS: Mapping[str, Fact] = MappingProxyType({fact.id: fact for fact in _FACT_LIST})

#: Pairs of facts where the first can never exceed the second.
_AT_MOST = (
    ("households_registered", "households_total"),
    ("households_committed", "households_total"),
    ("staff_briefed", "staff_total"),
    ("police_disciplined_warning_or_above", "police_members_disciplined"),
)


def _show(value: int) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# Conditions and parameters -------------------------------------------------------------


def _fact_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or _FACT_ID.fullmatch(value) is None:
        rule = (
            "a fact is named by 1 to 64 lower-case letters, digits or '_', starting with a letter"
        )
        v.refuse(instance, attribute, value, rule)


def _condition_value(instance: Condition, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is bool:
        if instance.comparison is not Comparison.EQUALS:
            v.refuse(instance, attribute, value, "true or false is compared with equals only")
    elif type(value) is not int:
        v.refuse(instance, attribute, value, "a condition's value is an integer, true or false")
    known = FACTS.get(instance.fact)
    if known is not None and (known.kind is bool) != (type(value) is bool):
        kind = "true or false" if known.kind is bool else "a count"
        v.refuse(instance, attribute, value, f"fact {known.id!r} is {kind}")


@attrs.frozen
class Condition:
    """
    One comparison of a fact with a value: ``crimes at_most 2``.

    Conditions fill the criteria whose content RULES does not give, and make up the
    criteria a province adds.

    Args:
        fact: The fact compared: one of :data:`antq.recognition.FACTS`, or a fact of
            the user's own.
        comparison: At most, at least, or equals.
        value: An integer; true or false with ``equals`` only. A fact of
            :data:`antq.recognition.FACTS` takes a value of its own type.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    fact: str = attrs.field(validator=_fact_id)
    comparison: Comparison = attrs.field(validator=v.member_of(Comparison))
    value: int | bool = attrs.field(validator=_condition_value)

    def __str__(self) -> str:
        """
        Return ``fact comparison value``, such as ``crimes at most 2``.
        """
        words = self.comparison.value.replace("_", " ")
        return f"{self.fact} {words} {_show(self.value)}"

    def holds(self, actual: int) -> bool:
        """
        Tell whether the fact's value *actual* meets the condition.
        """
        if self.comparison is Comparison.AT_MOST:
            return actual <= self.value
        if self.comparison is Comparison.AT_LEAST:
            return actual >= self.value
        return type(actual) is type(self.value) and actual == self.value


def _gap_conditions(value: Iterable[Condition]) -> tuple[Condition, ...]:
    return v.as_tuple(value, owner="GapConditions", field="conditions")


def _provincial_conditions(value: Iterable[Condition]) -> tuple[Condition, ...]:
    return v.as_tuple(value, owner="ProvincialCriterion", field="conditions")


def _some_conditions(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.tuple_of(Condition)(instance, attribute, value)
    if not value:
        v.refuse(instance, attribute, value, "at least one condition is needed")


def _suggest(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=3)
    return f"; did you mean {', '.join(map(repr, close))}?" if close else ""


def _open_criterion(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str):
        v.refuse(instance, attribute, value, "a criterion's id is a string")
    criterion = CRITERIA.get(value)
    if criterion is None:
        v.refuse(instance, attribute, value, f"no criterion has this id{_suggest(value, CRITERIA)}")
    elif criterion.parameter != "gaps":
        what = (
            "its content is given by antq's sources: add a provincial criterion instead"
            if criterion.parameter is None
            else f"it is filled by {criterion.parameter!r}, not by conditions"
        )
        v.refuse(instance, attribute, value, f"{criterion.id} takes no conditions: {what}")


@attrs.frozen
class GapConditions:
    """
    The conditions that fill what RULES leaves unknown in one criterion.

    Args:
        criterion: The id of a criterion that is a gap or partly known (its
            ``parameter`` is ``"gaps"``).
        conditions: The conditions, all required; at least one.
        source: Where the conditions come from (the circular's text, a province's
            guidance).

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    criterion: str = attrs.field(validator=_open_criterion)
    conditions: tuple[Condition, ...] = attrs.field(
        converter=_gap_conditions, validator=_some_conditions
    )
    source: str = attrs.field(validator=v.text)


def _subjects(value: Iterable[Subject]) -> tuple[Subject, ...]:
    return v.as_tuple(value, owner="ProvincialCriterion", field="subjects")


def _regimes(value: Iterable[Regime]) -> tuple[Regime, ...]:
    return v.as_tuple(value, owner="ProvincialCriterion", field="regimes")


def _members(
    enum: type[LabelledEnum],
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        items = value if isinstance(value, tuple) else ()
        if not items:
            v.refuse(instance, attribute, value, f"at least one {enum.__name__} is needed")
        for item in items:
            v.member_of(enum)(instance, attribute, item)
        if len(set(items)) != len(items):
            v.refuse(instance, attribute, value, "an item is listed twice")

    return check


def _provincial_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.local_id(instance, attribute, value)
    if value in CRITERIA:
        rule = "the id of a criterion of antq's catalogue; choose another"
        v.refuse(instance, attribute, value, rule)


@attrs.frozen
class ProvincialCriterion:
    """
    A criterion a province adds to those of the circular.

    RULES §1 [V]: "Provinces may add their own criteria".

    Args:
        id: A local identifier, not one of :data:`antq.recognition.CRITERIA` (``bac-kan.1``).
        title: A short name, in English or Vietnamese.
        source: The province's document that sets it.
        subjects: What it applies to.
        regimes: The regimes under which it applies.
        conditions: Its conditions, all required; at least one.
        title_vi: The name in Vietnamese, if *title* is not.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    id: str = attrs.field(validator=_provincial_id)
    title: str = attrs.field(validator=v.text)
    source: str = attrs.field(validator=v.text)
    subjects: tuple[Subject, ...] = attrs.field(
        converter=_subjects, validator=_members(Subject), kw_only=True
    )
    regimes: tuple[Regime, ...] = attrs.field(
        converter=_regimes, validator=_members(Regime), kw_only=True
    )
    conditions: tuple[Condition, ...] = attrs.field(
        converter=_provincial_conditions, validator=_some_conditions, kw_only=True
    )
    title_vi: str | None = attrs.field(default=None, validator=v.optional_text, kw_only=True)


def _gaps(value: Iterable[GapConditions]) -> tuple[GapConditions, ...]:
    return v.as_tuple(value, owner="CriteriaParameters", field="gaps")


def _provincial(value: Iterable[ProvincialCriterion]) -> tuple[ProvincialCriterion, ...]:
    return v.as_tuple(value, owner="CriteriaParameters", field="provincial")


def _unique(key: str) -> Callable[[object, attrs.Attribute[Any], tuple[Any, ...]], None]:
    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        seen: set[str] = set()
        for item in value:
            name = getattr(item, key)
            if name in seen:
                v.refuse(instance, attribute, name, f"the {key} {name!r} is given twice")
            seen.add(name)

    return check


def _percent(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or not 0 <= value <= 100):
        v.refuse(instance, attribute, value, "a percentage is a whole number from 0 to 100")


@attrs.frozen
class CriteriaParameters:
    """
    What RULES leaves open, given by the user: no field has an invented default.

    Args:
        gaps: Conditions for the criteria that are gaps or partly known, at most one
            entry per criterion.
        provincial: The criteria a province adds, in the order they are reported.
        tt124_hamlet_percent: The share of a commune's hamlets that must be recognised
            under Thông tư 124/2021/TT-BCA, in percent: whether TT 124 keeps TT 23's 70 %
            is a gap (RULES §1). ``0`` states there is no such rule.
        school_review: The day of the school-year review, which bounds a school's window
            under Thông tư 23/2012/TT-BCA (RULES §1 [V2] gives no date).

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    gaps: tuple[GapConditions, ...] = attrs.field(
        default=(),
        converter=_gaps,
        validator=[v.tuple_of(GapConditions), _unique("criterion")],
        kw_only=True,
    )
    provincial: tuple[ProvincialCriterion, ...] = attrs.field(
        default=(),
        converter=_provincial,
        validator=[v.tuple_of(ProvincialCriterion), _unique("id")],
        kw_only=True,
    )
    tt124_hamlet_percent: int | None = attrs.field(default=None, validator=_percent, kw_only=True)
    school_review: MonthDay | None = attrs.field(
        default=None, validator=v.instance_of(MonthDay, optional=True), kw_only=True
    )

    def gap(self, criterion: str) -> GapConditions | None:
        """
        Return the conditions given for *criterion*, or ``None``.
        """
        return next((gap for gap in self.gaps if gap.criterion == criterion), None)

    @property
    def fact_ids(self) -> frozenset[str]:
        """
        Every fact that a condition reads.
        """
        groups = [gap.conditions for gap in self.gaps]
        groups.extend(criterion.conditions for criterion in self.provincial)
        return frozenset(condition.fact for group in groups for condition in group)


# Criteria ------------------------------------------------------------------------------


@attrs.frozen
class _Part:
    """
    What one check of a criterion found.
    """

    status: CriterionStatus
    reason: str
    facts: tuple[tuple[str, int | bool], ...] = ()


@attrs.frozen
class _Context:
    """
    What an assessment reads, for one criterion.
    """

    criterion: str
    facts: Mapping[str, int | bool]
    parameters: CriteriaParameters
    active_models: int | None
    hamlet_outcomes: Mapping[str, Outcome] | None


class _Check(Protocol):
    """
    One part of a criterion: every part must hold for the criterion to be met.
    """

    @property
    def facts(self) -> tuple[str, ...]: ...  # pragma: no cover - a protocol has no body

    @property
    def parameter(self) -> str | None: ...  # pragma: no cover

    def evaluate(self, context: _Context) -> tuple[_Part, ...]: ...  # pragma: no cover


def _missing(*facts: str) -> _Part:
    names = " and ".join(facts)
    verb = "is" if len(facts) == 1 else "are"
    return _Part(CriterionStatus.NOT_ASSESSABLE, f"{names} {verb} not recorded")


@attrs.frozen
class _Flag:
    """
    A yes-or-no fact that must be true.
    """

    fact: str
    parameter = None

    @property
    def facts(self) -> tuple[str, ...]:
        return (self.fact,)

    def evaluate(self, context: _Context) -> tuple[_Part, ...]:
        value = context.facts.get(self.fact)
        if value is None:
            return (_missing(self.fact),)
        status = CriterionStatus.MET if value else CriterionStatus.NOT_MET
        return (_Part(status, f"{self.fact} is {_show(value)}", ((self.fact, value),)),)


@attrs.frozen
class _Zero:
    """
    A count of events that must be 0.
    """

    fact: str
    parameter = None

    @property
    def facts(self) -> tuple[str, ...]:
        return (self.fact,)

    def evaluate(self, context: _Context) -> tuple[_Part, ...]:
        value = context.facts.get(self.fact)
        if value is None:
            return (_missing(self.fact),)
        if value == 0:
            return (_Part(CriterionStatus.MET, f"{self.fact} is 0", ((self.fact, 0),)),)
        reason = f"{self.fact} is {value}, must be 0"
        return (_Part(CriterionStatus.NOT_MET, reason, ((self.fact, value),)),)


@attrs.frozen
class _All:
    """
    A count that must reach its total (100 %), with a total above 0.
    """

    part: str
    total: str
    parameter = None

    @property
    def facts(self) -> tuple[str, ...]:
        return (self.part, self.total)

    def evaluate(self, context: _Context) -> tuple[_Part, ...]:
        missing = [fact for fact in self.facts if fact not in context.facts]
        if missing:
            return (_missing(*missing),)
        part, total = context.facts[self.part], context.facts[self.total]
        used = ((self.part, part), (self.total, total))
        if total == 0:
            reason = f"{self.total} is 0: there is no share of 100 % to reach"
            return (_Part(CriterionStatus.NOT_ASSESSABLE, reason, used),)
        if part == total:
            reason = f"{self.part} is {part} of {self.total} {total}"
            return (_Part(CriterionStatus.MET, reason, used),)
        reason = f"{self.part} is {part} of {self.total} {total}: all must be"
        return (_Part(CriterionStatus.NOT_MET, reason, used),)


_MODELS = "models_working_effectively"


@attrs.frozen
class _Models:
    """
    At least 01 model of the movement working effectively.
    """

    parameter = None

    @property
    def facts(self) -> tuple[str, ...]:
        return (_MODELS,)

    def evaluate(self, context: _Context) -> tuple[_Part, ...]:
        working = context.facts.get(_MODELS)
        if working is not None:
            status = CriterionStatus.MET if working >= 1 else CriterionStatus.NOT_MET
            reason = f"{_MODELS} is {working}, at least 1 needed"
            return (_Part(status, reason, ((_MODELS, working),)),)
        if context.active_models == 0:
            return (_Part(CriterionStatus.NOT_MET, "no model of the movement is active"),)
        if context.active_models is None:
            return (_missing(_MODELS),)
        reason = (
            f"{context.active_models} model(s) active, but {_MODELS} is not recorded: "
            "whether any works effectively is not known"
        )
        return (_Part(CriterionStatus.NOT_ASSESSABLE, reason),)


def hamlets_needed(hamlets: int, percent: int) -> int:
    """
    Return how many of *hamlets* make *percent* of them, rounded up.

    Thông tư 23/2012/TT-BCA [V2]: at least 70 % of a commune's hamlets recognised,
    rounded up: 25 hamlets need 18 (17.5 rounded up); 16 of 25 is 64 % and fails.

    Raises:
        antq.errors.InvalidValueError: When *hamlets* is not a count or *percent* not
            a whole number from 0 to 100.
    """
    if type(hamlets) is not int or hamlets < 0:
        raise InvalidValueError("hamlets_needed", "hamlets", hamlets, "must be a count (0 or more)")
    if type(percent) is not int or not 0 <= percent <= 100:
        rule = "a percentage is a whole number from 0 to 100"
        raise InvalidValueError("hamlets_needed", "percent", percent, rule)
    # Whole numbers only: 0.7 * 10 is 7.000000000000001 in floating point.
    return -(-percent * hamlets // 100)


@attrs.frozen
class _HamletShare:
    """
    At least a share of the commune's hamlets recognised; ``None``: the TT 124 parameter.
    """

    percent: int | None

    @property
    def facts(self) -> tuple[str, ...]:
        return ()

    @property
    def parameter(self) -> str | None:
        return "tt124_hamlet_percent" if self.percent is None else None

    def evaluate(self, context: _Context) -> tuple[_Part, ...]:
        percent = self.percent
        if percent is None:
            percent = context.parameters.tt124_hamlet_percent
            if percent is None:
                reason = (
                    f"whether {_TT124} requires a share of hamlets recognised is a gap in "
                    "antq's sources: set tt124_hamlet_percent in the criteria file"
                )
                return (_Part(CriterionStatus.NOT_ASSESSABLE, reason),)
            if percent == 0:
                reason = "tt124_hamlet_percent is 0: no share of hamlets is required"
                return (_Part(CriterionStatus.MET, reason),)
        outcomes = context.hamlet_outcomes
        if not outcomes:
            reason = "the outcomes of the commune's hamlets are not given"
            return (_Part(CriterionStatus.NOT_ASSESSABLE, reason),)
        total = len(outcomes)
        needed = hamlets_needed(total, percent)
        safe = sum(outcome is Outcome.SAFE for outcome in outcomes.values())
        undecided = sum(outcome is Outcome.UNDECIDED for outcome in outcomes.values())
        reason = f"{safe} of {total} hamlets safe, {needed} needed ({percent} %, rounded up)"
        if safe >= needed:
            return (_Part(CriterionStatus.MET, reason),)
        if safe + undecided >= needed:
            reason += f"; {undecided} undecided"
            return (_Part(CriterionStatus.NOT_ASSESSABLE, reason),)
        return (_Part(CriterionStatus.NOT_MET, reason),)


def _condition_parts(
    conditions: Iterable[Condition], facts: Mapping[str, int | bool], source: str
) -> tuple[_Part, ...]:
    parts = []
    for condition in conditions:
        actual = facts.get(condition.fact)
        if actual is None:
            parts.append(_missing(condition.fact))
            continue
        holds = condition.holds(actual)
        status = CriterionStatus.MET if holds else CriterionStatus.NOT_MET
        must = "" if holds else "must be "
        words = condition.comparison.value.replace("_", " ")
        wanted = f"{must}{words} {_show(condition.value)}"
        reason = f"{condition.fact} is {_show(actual)}, {wanted} ({source})"
        parts.append(_Part(status, reason, ((condition.fact, actual),)))
    return tuple(parts)


@attrs.frozen
class _Gap:
    """
    What RULES does not give: filled by the conditions of the criteria file.
    """

    what: str
    parameter = "gaps"

    @property
    def facts(self) -> tuple[str, ...]:
        return ()

    def evaluate(self, context: _Context) -> tuple[_Part, ...]:
        gap = context.parameters.gap(context.criterion)
        if gap is None:
            reason = (
                f"a gap in antq's sources ({self.what}): supply conditions for {context.criterion} "
                "in the criteria file"
            )
            return (_Part(CriterionStatus.NOT_ASSESSABLE, reason),)
        return _condition_parts(gap.conditions, context.facts, gap.source)


@attrs.frozen
class Criterion:
    """
    One criterion of a regime, as RULES gives it.

    Args:
        id: ``regime.subject.number``, such as ``tt124.hamlet.1``.
        regime: The circular that sets it.
        subjects: What it applies to.
        title: A short name in English.
        title_vi: The same in Vietnamese.
        text: The rule it encodes, quoted from RULES; for a gap, what RULES says of it.
        source: The document, article and criterion.
        certainty: Whether RULES gives all of it, part of it, or only its place.
        secondary: Whether RULES read it in a secondary source only ([V2]).
        facts: The facts of :data:`antq.recognition.FACTS` it reads.
        parameter: What the criteria file supplies for it: ``"gaps"`` (conditions),
            ``"tt124_hamlet_percent"``, or ``None`` when RULES gives it all.
    """

    id: str = attrs.field(validator=v.local_id)
    regime: Regime = attrs.field(validator=v.member_of(Regime))
    subjects: tuple[Subject, ...] = attrs.field(validator=v.tuple_of(Subject))
    title: str = attrs.field(validator=v.text)
    title_vi: str = attrs.field(validator=v.text)
    text: str = attrs.field(validator=v.text)
    source: str = attrs.field(validator=v.text)
    certainty: Certainty = attrs.field(validator=v.member_of(Certainty))
    secondary: bool = attrs.field(default=False, validator=v.flag, kw_only=True)
    facts: tuple[str, ...] = attrs.field(default=(), kw_only=True)
    parameter: str | None = attrs.field(default=None, kw_only=True)


_CHECKS: dict[str, tuple[_Check, ...]] = {}


def _criterion(  # noqa: PLR0913, PLR0917 -- a criterion's fields, in the order of the class
    id: str,  # noqa: A002 -- the criterion's field is called id
    subjects: tuple[Subject, ...],
    title: str,
    title_vi: str,
    text: str,
    source: str,
    certainty: Certainty,
    checks: tuple[_Check, ...],
    *,
    secondary: bool = False,
) -> Criterion:
    """
    Build a criterion, keep its checks, and derive the facts and parameter it reads.
    """
    regime = Regime.TT124_2021 if id.startswith("tt124.") else Regime.TT23_2012
    facts = tuple(dict.fromkeys(fact for check in checks for fact in check.facts))
    parameters = {check.parameter for check in checks} - {None}
    _CHECKS[id] = checks
    return Criterion(
        id,
        regime,
        subjects,
        title,
        title_vi,
        text,
        source,
        certainty,
        secondary=secondary,
        facts=facts,
        parameter=next(iter(parameters), None),
    )


_H, _C, _A, _E, _S = (
    Subject.HAMLET,
    Subject.COMMUNE,
    Subject.AGENCY,
    Subject.ENTERPRISE,
    Subject.SCHOOL,
)
_EXACT, _PARTLY, _GAP = Certainty.EXACT, Certainty.PARTLY_KNOWN, Certainty.GAP
_NAMED_EVENTS = tuple(_Zero(event) for event, _ in _EVENTS)
_FIRST_QUARTER = (_Flag("resolution_adopted"), _Flag("plan_adopted"), _Flag("pledge_registered"))
_EVENTS_TEXT = (
    "none of a list of events happened: activities against the Party or the State, "
    "sabotage of economic/cultural/social/security/defence targets, illegal religions, "
    "abuse of religion/ethnicity/disputes to disturb order, separatism, complex prolonged "
    "disputes among the people, inciting people to join illegal gatherings, and further items"
)
_TT23_ARTICLE = f"{_TT23} (article not named in antq's sources)"


def _organisation_criteria(subject: Subject) -> tuple[Criterion, ...]:
    """
    The criteria of Thông tư 124/2021/TT-BCA, Điều 6 for agencies or enterprises.
    """
    return (
        _criterion(
            f"tt124.{subject.value}.1",
            (subject,),
            "Resolution, plan and pledge; internal rules; all staff briefed; "
            "at least 01 model working effectively",
            "Có nghị quyết, kế hoạch, đăng ký phấn đấu; có nội quy, quy chế; 100% cán bộ, "
            "nhân viên được phổ biến; có ít nhất 01 mô hình hoạt động hiệu quả",
            "first-quarter resolution, plan and pledge; internal rules on protection, state "
            "secrets, labour safety, fire, the environment; 100 % of staff briefed on them; "
            "at least 01 model working effectively",
            f"{_TT124}, Điều 6, tiêu chí 1",
            _EXACT,
            (
                *_FIRST_QUARTER,
                _Flag("internal_rules_issued"),
                _All("staff_briefed", "staff_total"),
                _Models(),
            ),
        ),
        _criterion(
            f"tt124.{subject.value}.2",
            (subject,),
            "The further criteria of Điều 6 (not known)",
            "Các tiêu chí khác của Điều 6 (chưa xác định)",
            "further criteria",
            f"{_TT124}, Điều 6",
            _GAP,
            (_Gap("the further criteria of Điều 6"),),
        ),
    )


_CRITERIA_LIST = (
    # Thông tư 124/2021/TT-BCA, Điều 4: hamlets, five criteria, all required.
    _criterion(
        "tt124.hamlet.1",
        (_H,),
        "In the first quarter: resolution, pledge, every household registered",
        "Trong quý I: có nghị quyết của chi bộ, đăng ký phấn đấu của khu dân cư, 100% hộ "
        "gia đình đăng ký tham gia",
        "in the first quarter: the party cell's resolution, the hamlet's pledge, and 100 % "
        "of resident households registered to take part",
        f"{_TT124}, Điều 4, tiêu chí 1",
        _EXACT,
        (
            _Flag("resolution_adopted"),
            _Flag("pledge_registered"),
            _All("households_registered", "households_total"),
        ),
    ),
    _criterion(
        "tt124.hamlet.2",
        (_H,),
        "Carries out the policies and laws on security and order",
        "Thực hiện chủ trương, chính sách, pháp luật về an ninh, trật tự",
        "carries out the policies and laws on security and order",
        f"{_TT124}, Điều 4, tiêu chí 2",
        _EXACT,
        (_Flag("laws_carried_out"),),
    ),
    _criterion(
        "tt124.hamlet.3",
        (_H,),
        "None of the listed events happened",
        "Không xảy ra các vụ việc, hoạt động được liệt kê",
        _EVENTS_TEXT,
        f"{_TT124}, Điều 4, tiêu chí 3",
        _PARTLY,
        (*_NAMED_EVENTS, _Gap("the rest of the list of events")),
    ),
    _criterion(
        "tt124.hamlet.4",
        (_H,),
        "Thresholds on crime, social evils and accidents",
        "Ngưỡng về tội phạm, tệ nạn xã hội và tai nạn",
        "thresholds on crime, social evils and accidents",
        f"{_TT124}, Điều 4, tiêu chí 4",
        _GAP,
        (_Gap("the thresholds on crime, social evils and accidents"),),
    ),
    _criterion(
        "tt124.hamlet.5",
        (_H,),
        "Criterion 5 of Điều 4 (not known)",
        "Tiêu chí 5 của Điều 4 (chưa xác định)",
        "a fifth criterion, whose content is not known",
        f"{_TT124}, Điều 4, tiêu chí 5",
        _GAP,
        (_Gap("criterion 5 of Điều 4"),),
    ),
    # Thông tư 124/2021/TT-BCA, Điều 5: communes.
    _criterion(
        "tt124.commune.1",
        (_C,),
        "In the first quarter: resolution, plan and pledge",
        "Trong quý I: có nghị quyết, kế hoạch và đăng ký phấn đấu",
        "the first-quarter resolution, plan and pledge",
        f"{_TT124}, Điều 5",
        _EXACT,
        _FIRST_QUARTER,
    ),
    _criterion(
        "tt124.commune.2",
        (_C,),
        "At least 01 model of the movement working effectively",
        "Có ít nhất 01 mô hình của phong trào hoạt động hiệu quả",
        "at least 01 model of the movement working effectively",
        f"{_TT124}, Điều 5",
        _EXACT,
        (_Models(),),
    ),
    _criterion(
        "tt124.commune.3",
        (_C,),
        "Criteria 2 to 4 of Điều 4 met for the commune as a whole",
        "Đạt các tiêu chí 2 đến 4 của Điều 4 trên toàn địa bàn xã",
        "criteria 2–4 of Điều 4 met for the commune as a whole",
        f"{_TT124}, Điều 5",
        _PARTLY,
        (
            _Flag("laws_carried_out"),
            *_NAMED_EVENTS,
            _Gap("the rest of the list of events (criterion 3) and the thresholds (criterion 4)"),
        ),
    ),
    _criterion(
        "tt124.commune.4",
        (_C,),
        "No member of the commune police disciplined",
        "Không có cán bộ, chiến sĩ Công an xã bị kỷ luật",
        "the commune police with no member disciplined",
        f"{_TT124}, Điều 5",
        _EXACT,
        (_Zero("police_members_disciplined"),),
    ),
    _criterion(
        "tt124.commune.5",
        (_C,),
        "A share of the commune's hamlets recognised (whether TT 124 keeps it is not known)",
        "Tỷ lệ khu dân cư được công nhận (chưa xác định)",
        "whether TT 124 keeps TT 23's rule \"at least 70 % of the commune's hamlets "
        'recognised" is a gap',
        f"{_TT124}, Điều 5",
        _GAP,
        (_HamletShare(None),),
    ),
    # Thông tư 124/2021/TT-BCA, Điều 6: agencies and enterprises.
    *_organisation_criteria(_A),
    *_organisation_criteria(_E),
    # Schools: six criteria [V2], their wording a gap.
    *(
        _criterion(
            f"tt124.school.{number}",
            (_S,),
            f"School criterion {number} of 6 (wording not known)",
            f"Tiêu chí {number} đối với cơ sở giáo dục (chưa xác định)",
            "schools: six criteria, wording a gap",
            f"{_TT124} (the article on schools is not named in antq's sources)",
            _GAP,
            (_Gap(f"the wording of school criterion {number}"),),
            secondary=True,
        )
        for number in range(1, 7)
    ),
    # Thông tư 23/2012/TT-BCA [V2].
    _criterion(
        "tt23.hamlet.1",
        (_H,),
        "Every household signed a commitment",
        "100% hộ gia đình ký cam kết",
        "100 % signed a commitment",
        _TT23_ARTICLE,
        _EXACT,
        (_All("households_committed", "households_total"),),
        secondary=True,
    ),
    _criterion(
        "tt23.hamlet.2",
        (_H,),
        "The other criteria for hamlets (not known)",
        "Các tiêu chí khác đối với khu dân cư (chưa xác định)",
        "the other criteria for hamlets",
        _TT23_ARTICLE,
        _GAP,
        (_Gap("the other criteria of TT 23 for hamlets"),),
    ),
    _criterion(
        "tt23.commune.1",
        (_C,),
        "At least 70 % of the commune's hamlets recognised",
        "Ít nhất 70% khu dân cư được công nhận đạt tiêu chuẩn an toàn về an ninh, trật tự",
        "at least 70 % of hamlets recognised, rounded up (25 hamlets need 18; 16 is 64 % "
        "and fails)",
        _TT23_ARTICLE,
        _EXACT,
        (_HamletShare(70),),
        secondary=True,
    ),
    _criterion(
        "tt23.commune.2",
        (_C,),
        'Commune police rated "Đơn vị tiên tiến" or better',
        "Công an xã đạt danh hiệu “Đơn vị tiên tiến” trở lên",
        'commune police rated "Đơn vị tiên tiến" or better',
        _TT23_ARTICLE,
        _EXACT,
        (_Flag("police_advanced_or_better"),),
        secondary=True,
    ),
    _criterion(
        "tt23.commune.3",
        (_C,),
        "Nobody disciplined at warning level or above",
        "Không có cán bộ, chiến sĩ bị kỷ luật từ hình thức cảnh cáo trở lên",
        "nobody disciplined at warning level or above",
        _TT23_ARTICLE,
        _EXACT,
        (_Zero("police_disciplined_warning_or_above"),),
        secondary=True,
    ),
    *(
        _criterion(
            f"tt23.{subject.value}.1",
            (subject,),
            f"The criteria for {plural} (not known)",
            f"Các tiêu chí đối với {subject.label} (chưa xác định)",
            f"the criteria for {plural}",
            _TT23_ARTICLE,
            _GAP,
            (_Gap(f"the criteria of TT 23 for {plural}"),),
        )
        for subject, plural in ((_A, "agencies"), (_E, "enterprises"), (_S, "schools"))
    ),
)

#: Every criterion that RULES names, by id and in order. Thông tư 124/2021/TT-BCA comes
#: first (hamlets, communes, agencies, enterprises, schools), then Thông tư 23/2012/TT-BCA.
CRITERIA: Mapping[str, Criterion] = MappingProxyType({c.id: c for c in _CRITERIA_LIST})


def criteria_for(regime: Regime, subject: Subject) -> tuple[Criterion, ...]:
    """
    Return the criteria of *regime* for *subject*, in order.

    Raises:
        antq.errors.InvalidValueError: When an argument is not a member of its enumeration.
    """
    _check_member("criteria_for", "regime", regime, Regime)
    _check_member("criteria_for", "subject", subject, Subject)
    return tuple(c for c in CRITERIA.values() if c.regime is regime and subject in c.subjects)


# Results -------------------------------------------------------------------------------


def _any_criterion(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Criterion | ProvincialCriterion):
        v.refuse(instance, attribute, value, "must be a Criterion or a ProvincialCriterion")


def _frozen_facts(value: Mapping[str, int | bool]) -> Mapping[str, int | bool]:
    return MappingProxyType(dict(value))


@attrs.frozen
class CriterionResult:
    """
    What an assessment found for one criterion, and why.

    Args:
        criterion: The criterion of RULES, or a province's.
        status: Met, not met, or not assessable.
        reason: Why, in English, naming the facts and values that decided it.
        facts: The facts read, with their values.
    """

    criterion: Criterion | ProvincialCriterion = attrs.field(validator=_any_criterion)
    status: CriterionStatus = attrs.field(validator=v.member_of(CriterionStatus))
    reason: str = attrs.field(validator=v.text)
    facts: Mapping[str, int | bool] = attrs.field(
        factory=dict, converter=_frozen_facts, kw_only=True
    )


def _some_results(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.tuple_of(CriterionResult)(instance, attribute, value)
    if not value:
        v.refuse(instance, attribute, value, "an assessment has at least one criterion")


def _results(value: Iterable[CriterionResult]) -> tuple[CriterionResult, ...]:
    return v.as_tuple(value, owner="Assessment", field="results")


def _count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        v.refuse(instance, attribute, value, "a year must be an integer")
    if not 1000 <= value <= 9999:
        v.refuse(instance, attribute, value, "a year is written with four digits")


@attrs.frozen
class Assessment:
    """
    The assessment of one unit for one year, criterion by criterion.

    Args:
        code: The unit's or organisation's code.
        subject: What it was assessed as.
        year: The year of the recognition.
        regime: The regime applied.
        window: The days whose events count.
        results: One result per criterion: the regime's, then the province's.
    """

    code: str = attrs.field(validator=v.local_id)
    subject: Subject = attrs.field(validator=v.member_of(Subject))
    year: int = attrs.field(validator=_count)
    regime: Regime = attrs.field(validator=v.member_of(Regime))
    window: Period = attrs.field(validator=v.instance_of(Period))
    results: tuple[CriterionResult, ...] = attrs.field(converter=_results, validator=_some_results)

    @property
    def outcome(self) -> Outcome:
        """
        The outcome, ``safe`` only when every criterion is met.

        ``not_safe`` when a criterion is not met, else ``undecided`` when one is not
        assessable. Every criterion is required (Thông tư 124/2021/TT-BCA, Điều 4: "five
        criteria, all required").
        """
        statuses = {result.status for result in self.results}
        if CriterionStatus.NOT_MET in statuses:
            return Outcome.NOT_SAFE
        if CriterionStatus.NOT_ASSESSABLE in statuses:
            return Outcome.UNDECIDED
        return Outcome.SAFE

    def reasoning(self) -> tuple[str, ...]:
        """
        Return the reasoning, line by line.

        The first line names the unit, the year, the regime and the window; four lines
        per criterion give its id, status and title, its Vietnamese title, its source and
        how well RULES knows it, and the reason; the last line gives the outcome.
        """
        header = (
            f"{self.code}: {self.subject.value} ({self.subject.label}), {self.year}, "
            f"{self.regime.label}, window {self.window}"
        )
        lines = [header]
        for result in self.results:
            criterion = result.criterion
            if isinstance(criterion, Criterion):
                title_vi = criterion.title_vi
                how = criterion.certainty.value + (
                    ", secondary source" if criterion.secondary else ""
                )
            else:
                title_vi = criterion.title_vi or criterion.title
                how = "provincial"
            lines.extend(
                (
                    f"- {criterion.id} {result.status.value}: {criterion.title}",
                    f"  {title_vi}",
                    f"  source: {criterion.source} ({how})",
                    f"  because: {result.reason}",
                )
            )
        counts = dict.fromkeys(CriterionStatus, 0)
        for result in self.results:
            counts[result.status] += 1
        tally = ", ".join(f"{count} {status.value}" for status, count in counts.items())
        lines.append(f"outcome: {self.outcome.value} ({self.outcome.label}): {tally}")
        return tuple(lines)


# Assessing ------------------------------------------------------------------------------


def _checked_facts(facts: object, parameters: CriteriaParameters) -> Mapping[str, int | bool]:
    """
    Return *facts* once each key and value is checked against its fact.
    """
    if not isinstance(facts, Mapping):
        raise InvalidValueError("assess", "facts", facts, "must be a mapping of fact ids to values")
    own = parameters.fact_ids
    for key, value in facts.items():
        _check_fact(key, value, own)
    for gap in parameters.gaps:
        _check_condition_types(gap.conditions, facts)
    for criterion in parameters.provincial:
        _check_condition_types(criterion.conditions, facts)
    for part, whole in _AT_MOST:
        if part in facts and whole in facts and facts[part] > facts[whole]:
            rule = f"cannot exceed {whole} ({facts[whole]})"
            raise InvalidValueError("assess", f"facts[{part!r}]", facts[part], rule)
    return MappingProxyType(dict(facts))


def _check_fact(key: object, value: object, own: frozenset[str]) -> None:
    """
    Check one fact: a fact of FACTS with a value of its type, or one a condition reads.
    """
    field = f"facts[{key!r}]"
    fact = FACTS.get(key) if isinstance(key, str) else None
    if fact is None and key not in own:
        rule = f"no criterion reads this fact{_suggest(str(key), [*FACTS, *own])}"
        raise InvalidValueError("assess", "facts", key, rule)
    if fact is None:
        if type(value) not in {int, bool}:
            raise InvalidValueError("assess", field, value, "must be an integer, true or false")
    elif fact.kind is bool:
        if type(value) is not bool:
            raise InvalidValueError("assess", field, value, "must be true or false")
    elif type(value) is not int or value < 0:
        raise InvalidValueError("assess", field, value, "must be a count (0 or more)")


def _check_condition_types(conditions: Iterable[Condition], facts: Mapping[str, object]) -> None:
    for condition in conditions:
        value = facts.get(condition.fact)
        if value is not None and (type(value) is bool) != (type(condition.value) is bool):
            kind = "true or false" if type(condition.value) is bool else "an integer"
            rule = f"the condition {condition} needs {kind}"
            raise InvalidValueError("assess", f"facts[{condition.fact!r}]", value, rule)


def _checked_outcomes(outcomes: object) -> Mapping[str, Outcome] | None:
    if outcomes is None:
        return None
    if not isinstance(outcomes, Mapping) or not all(
        isinstance(key, str) and isinstance(value, Outcome) for key, value in outcomes.items()
    ):
        rule = "must be a mapping of hamlet codes to Outcome members"
        raise InvalidValueError("assess", "hamlet_outcomes", outcomes, rule)
    return MappingProxyType(dict(outcomes))


def _result(criterion: Criterion | ProvincialCriterion, parts: Iterable[_Part]) -> CriterionResult:
    """
    Combine the parts of a criterion: one not met decides; else one not assessable does.
    """
    parts = tuple(parts)
    facts = {key: value for part in parts for key, value in part.facts}
    for status in (CriterionStatus.NOT_MET, CriterionStatus.NOT_ASSESSABLE):
        deciding = [part.reason for part in parts if part.status is status]
        if deciding:
            return CriterionResult(criterion, status, "; ".join(deciding), facts=facts)
    reason = "; ".join(part.reason for part in parts)
    return CriterionResult(criterion, CriterionStatus.MET, reason, facts=facts)


def assess(  # noqa: PLR0913 -- every option is keyword-only
    unit: Unit | Organisation,
    *,
    year: int,
    facts: Mapping[str, int | bool],
    parameters: CriteriaParameters | None = None,
    active_models: int | None = None,
    hamlet_outcomes: Mapping[str, Outcome] | None = None,
    regime: Regime | None = None,
    school_review: MonthDay | None = None,
) -> Assessment:
    """
    Assess *unit* for *year*: each criterion of the regime, then the province's.

    A criterion is met when every part of it is shown to hold, not met when one part is
    shown to fail, and not assessable otherwise: a fact missing, or a gap of RULES not
    filled by *parameters*. The outcome follows (:attr:`Assessment.outcome`).

    Args:
        unit: The hamlet, commune, agency, enterprise or school.
        year: The year of the recognition.
        facts: The facts about *unit* for the year's window, by id: those of
            :data:`antq.recognition.FACTS`, and those the conditions of *parameters* read.
        parameters: What the criteria file gives: conditions for gaps, provincial
            criteria, thresholds.
        active_models: How many models of the movement are active in *unit*, read when
            ``models_working_effectively`` is not recorded: with none active, "at least
            01 model working effectively" is not met.
        hamlet_outcomes: For a commune, the outcome of each of its hamlets for the year,
            by hamlet code.
        regime: The regime to apply, if not the year's own (:func:`regime_for_year`).
        school_review: The day of the school-year review (a school under TT 23); if not
            given, that of *parameters*.

    Returns:
        The assessment, with one result per criterion.

    Raises:
        NotEligibleError: When *unit* cannot be recognised (checked first).
        antq.errors.InvalidValueError: When an argument or a fact is of the wrong type, a
            fact is unknown or exceeds its total, or a school's window under TT 23 has no
            review day.
    """
    subject = check_eligible(unit)
    _check_year("assess", year)
    _check_optional("assess", "parameters", parameters, CriteriaParameters)
    _check_optional("assess", "regime", regime, Regime)
    _check_optional("assess", "school_review", school_review, MonthDay)
    if active_models is not None and (type(active_models) is not int or active_models < 0):
        raise InvalidValueError("assess", "active_models", active_models, "must be a count")
    parameters = parameters or CriteriaParameters()
    review = parameters.school_review if school_review is None else school_review
    window = assessment_window(subject, year, regime=regime, school_review=review)
    chosen = regime or regime_for_year(year)
    checked = _checked_facts(facts, parameters)
    outcomes = _checked_outcomes(hamlet_outcomes)
    results = []
    for criterion in criteria_for(chosen, subject):
        context = _Context(criterion.id, checked, parameters, active_models, outcomes)
        parts = (part for check in _CHECKS[criterion.id] for part in check.evaluate(context))
        results.append(_result(criterion, parts))
    results.extend(
        _result(own, _condition_parts(own.conditions, checked, own.source))
        for own in parameters.provincial
        if chosen in own.regimes and subject in own.subjects
    )
    return Assessment(unit.code, subject, year, chosen, window, tuple(results))


# Recorded decisions ----------------------------------------------------------------------


def _decision(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in {Outcome.SAFE, Outcome.NOT_SAFE}:
        rule = "a recognition is decided safe or not_safe (đạt / chưa đạt), never undecided"
        v.refuse(instance, attribute, value, rule)


@attrs.frozen
class Recognition:
    """
    A recorded decision: *code* was, or was not, recognised as safe for *year*.

    Recognition is decided once a year, đạt or chưa đạt (RULES §1 [V]); who decides is
    kept as data (Thông tư 124/2021/TT-BCA, Điều 10 [V2]: the commune People's Committee
    for hamlets and the agencies it manages; the district, before 2025, or the province
    for communes and larger organisations).

    Args:
        code: The unit's or organisation's code.
        year: The year of the recognition.
        outcome: ``safe`` or ``not_safe``.
        decided_on: The day of the decision, if known.
        authority: Who decided, if known.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    code: str = attrs.field(validator=v.local_id)
    year: int = attrs.field(validator=_count)
    outcome: Outcome = attrs.field(validator=_decision)
    decided_on: dt.date | None = attrs.field(default=None, validator=v.optional_date, kw_only=True)
    authority: str | None = attrs.field(default=None, validator=v.optional_text, kw_only=True)


def recognitions_by_window(
    recognitions: Iterable[Recognition],
) -> Mapping[tuple[str, int], tuple[Recognition, ...]]:
    """
    Group recorded decisions by unit and year: one window per unit and year.

    Returns:
        The decisions for each ``(code, year)``, in the order given; the keys in the
        order they first appear.

    Raises:
        antq.errors.InvalidValueError: When an item is not a Recognition.
    """
    items: tuple[object, ...] = v.as_tuple(
        recognitions, owner="recognitions_by_window", field="recognitions"
    )
    groups: dict[tuple[str, int], list[Recognition]] = {}
    for item in items:
        if not isinstance(item, Recognition):
            rule = "must be a sequence of Recognition"
            raise InvalidValueError("recognitions_by_window", "recognitions", item, rule)
        groups.setdefault((item.code, item.year), []).append(item)
    return MappingProxyType({key: tuple(found) for key, found in groups.items()})


def duplicate_recognitions(
    recognitions: Iterable[Recognition],
) -> tuple[tuple[Recognition, ...], ...]:
    """
    Return the groups of decisions that share a unit and a year.

    A unit is recognised at most once per window (RULES §1 [V]: "decided once a year").

    Raises:
        antq.errors.InvalidValueError: When an item is not a Recognition.
    """
    groups = recognitions_by_window(recognitions)
    return tuple(group for group in groups.values() if len(group) > 1)


def _fact_value(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is bool:
        return
    if type(value) is not int or value < 0:
        v.refuse(instance, attribute, value, "a fact is true, false or a whole number from 0")


@attrs.frozen
class AssessmentFact:
    """
    One fact about a unit or an organisation for the assessment of a year.

    A dataset records the facts the criteria read (those of
    :data:`antq.recognition.FACTS`: households registered, a resolution adopted, members
    of the commune police disciplined ...) and the facts that the conditions of a
    criteria file name, one record per fact.

    Args:
        unit_code: The unit's or organisation's code.
        year: The year of the assessment the fact is for.
        fact: The fact's identifier.
        value: ``True``, ``False`` or a whole number.
        source: Where the fact comes from (a minute, a report), if recorded.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    unit_code: str = attrs.field(validator=v.local_id)
    year: int = attrs.field(validator=_count)
    fact: str = attrs.field(validator=_fact_id)
    value: int | bool = attrs.field(validator=_fact_value)
    source: str | None = attrs.field(default=None, validator=v.optional_text, kw_only=True)
