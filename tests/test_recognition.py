"""
Tests for antq.recognition: regimes, windows, eligibility, criteria and assessments.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from fractions import Fraction
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given

from antq.errors import AntqError, InvalidValueError
from antq.periods import Period
from antq.recognition import (
    CRITERIA,
    FACTS,
    TT124_IN_FORCE,
    Assessment,
    Certainty,
    Comparison,
    Condition,
    CriteriaParameters,
    CriterionResult,
    CriterionStatus,
    Fact,
    GapConditions,
    MonthDay,
    NotEligibleError,
    Outcome,
    ProvincialCriterion,
    Recognition,
    Regime,
    Subject,
    assess,
    assessment_window,
    check_eligible,
    criteria_for,
    duplicate_recognitions,
    hamlets_needed,
    recognitions_by_window,
    regime_for_year,
    regime_on,
    subject_of,
    window_year,
)
from antq.units import (
    EnterpriseSize,
    Organisation,
    OrganisationKind,
    SchoolLevel,
    Unit,
    UnitKind,
)

D = dt.date
TT23, TT124 = Regime.TT23_2012, Regime.TT124_2021
MET, NOT_MET, NOT_ASSESSABLE = (
    CriterionStatus.MET,
    CriterionStatus.NOT_MET,
    CriterionStatus.NOT_ASSESSABLE,
)
SAFE, NOT_SAFE, UNDECIDED = Outcome.SAFE, Outcome.NOT_SAFE, Outcome.UNDECIDED
MAY_31 = MonthDay(5, 31)

PROVINCE = Unit("06", "Bắc Kạn", UnitKind.PROVINCE)
CITY = Unit("058", "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code="06")
WARD = Unit("01840", "Đức Xuân", UnitKind.WARD, parent_code="058")
GROUP = Unit("01840-T05", "Tổ 5", UnitKind.RESIDENTIAL_GROUP, parent_code="01840")


def organisation(kind: OrganisationKind, **fields: Any) -> Organisation:
    """
    Return an organisation of *kind* in the ward, with *fields*.
    """
    return Organisation("ORG-1", "Đơn vị thử", kind, unit_code="01840", **fields)


AGENCY = organisation(OrganisationKind.AGENCY)
ENTERPRISE = organisation(OrganisationKind.ENTERPRISE, enterprise_size=EnterpriseSize.MEDIUM)
SCHOOL = organisation(OrganisationKind.SCHOOL, school_level=SchoolLevel.UPPER_SECONDARY)

EVENTS = (
    "anti_state_activities",
    "sabotage",
    "illegal_religions",
    "abuse_of_religion_ethnicity_disputes",
    "separatism",
    "complex_prolonged_disputes",
    "incitement_to_illegal_gatherings",
)
NO_EVENTS = dict.fromkeys(EVENTS, 0)
HAMLET_FACTS: dict[str, int | bool] = {
    "resolution_adopted": True,
    "pledge_registered": True,
    "households_total": 120,
    "households_registered": 120,
    "laws_carried_out": True,
    **NO_EVENTS,
}
COMMUNE_FACTS: dict[str, int | bool] = {
    "resolution_adopted": True,
    "plan_adopted": True,
    "pledge_registered": True,
    "models_working_effectively": 2,
    "laws_carried_out": True,
    **NO_EVENTS,
    "police_members_disciplined": 0,
    "crimes": 0,
}
ORGANISATION_FACTS: dict[str, int | bool] = {
    "resolution_adopted": True,
    "plan_adopted": True,
    "pledge_registered": True,
    "internal_rules_issued": True,
    "staff_total": 40,
    "staff_briefed": 40,
    "models_working_effectively": 1,
}
NO_CRIMES = (Condition("crimes", Comparison.AT_MOST, 0),)


def filled(*criteria: str, conditions: tuple[Condition, ...] = NO_CRIMES) -> CriteriaParameters:
    """
    Return parameters that fill each of *criteria* with *conditions*.
    """
    return CriteriaParameters(
        gaps=[GapConditions(c, conditions, "Hướng dẫn thử") for c in criteria]
    )


HAMLET_GAPS = filled("tt124.hamlet.3", "tt124.hamlet.4", "tt124.hamlet.5")


def statuses(assessment: Assessment) -> dict[str, CriterionStatus]:
    """
    Return the status of each criterion of *assessment*, by id.
    """
    return {result.criterion.id: result.status for result in assessment.results}


def result(assessment: Assessment, criterion: str) -> CriterionResult:
    """
    Return the result of *criterion* in *assessment*.
    """
    return next(r for r in assessment.results if r.criterion.id == criterion)


def month_days() -> st.SearchStrategy[MonthDay]:
    """
    Build every day that recurs each year.
    """
    return st.integers(1, 12).flatmap(
        lambda month: st.builds(
            MonthDay, st.just(month), st.integers(1, calendar.monthrange(2001, month)[1])
        )
    )


SUBJECTS = st.sampled_from(Subject)
YEARS = st.integers(1990, 2100)
REGIMES = st.sampled_from([None, TT23, TT124])


class TestRegime:
    """
    Which circular applies, on a day and for a year.
    """

    @pytest.mark.parametrize(
        ("day", "regime"),
        [
            (D(2012, 4, 27), TT23),
            (D(2022, 2, 9), TT23),
            (D(2022, 2, 10), TT124),
            (D(2025, 7, 1), TT124),
        ],
        ids=["tt23-signed", "day-before", "in-force", "after-2025"],
    )
    def test_tt124_applies_from_10_february_2022(self, day: D, regime: Regime) -> None:
        """
        TT 23 applies before 10 February 2022, TT 124 from that day.
        """
        assert regime == regime_on(day)

    def test_regime_on_refuses_a_datetime(self) -> None:
        """
        A day with a time is not a day.
        """
        with pytest.raises(InvalidValueError, match="must be a date"):
            regime_on(dt.datetime(2022, 2, 10, tzinfo=dt.UTC))

    @pytest.mark.parametrize(
        ("year", "regime"), [(2013, TT23), (2021, TT23), (2022, TT124), (2030, TT124)]
    )
    def test_a_year_is_judged_under_the_regime_in_force_when_its_window_closes(
        self, year: int, regime: Regime
    ) -> None:
        """
        Years up to 2021 are judged under TT 23, from 2022 under TT 124.
        """
        assert regime == regime_for_year(year)

    @given(subject=SUBJECTS, year=YEARS, review=month_days())
    def test_the_year_regime_is_in_force_on_the_last_day_of_its_window(
        self, subject: Subject, year: int, review: MonthDay
    ) -> None:
        """
        The regime of a year is the one in force on the last day of its window.
        """
        window = assessment_window(subject, year, school_review=review)
        assert regime_on(window.end) == regime_for_year(year)

    def test_labels_name_the_circulars(self) -> None:
        """
        Each regime's label is the circular's number.
        """
        expected = ["Thông tư 23/2012/TT-BCA", "Thông tư 124/2021/TT-BCA"]
        assert expected == [regime.label for regime in Regime]

    def test_tt124_is_in_force_from_10_february_2022(self) -> None:
        """
        The constant gives the day of entry into force.
        """
        assert D(2022, 2, 10) == TT124_IN_FORCE


class TestSubject:
    """
    What a unit or organisation is assessed as.
    """

    @pytest.mark.parametrize(
        ("unit", "subject"),
        [
            (GROUP, Subject.HAMLET),
            (WARD, Subject.COMMUNE),
            (AGENCY, Subject.AGENCY),
            (ENTERPRISE, Subject.ENTERPRISE),
            (SCHOOL, Subject.SCHOOL),
        ],
        ids=["hamlet", "commune", "agency", "enterprise", "school"],
    )
    def test_maps_units_and_organisations(
        self, unit: Unit | Organisation, subject: Subject
    ) -> None:
        """
        Hamlets, communes and the three kinds of organisation each have a subject.
        """
        assert subject == subject_of(unit)

    @pytest.mark.parametrize("unit", [PROVINCE, CITY], ids=["province", "district"])
    def test_provinces_and_districts_are_not_recognised(self, unit: Unit) -> None:
        """
        Only hamlets and communes, of the territorial units, can be recognised.
        """
        with pytest.raises(NotEligibleError, match="is not recognised") as info:
            subject_of(unit)
        assert (unit.code, "Thông tư 124/2021/TT-BCA, Điều 2") == (
            info.value.code,
            info.value.source,
        )

    def test_refuses_what_is_neither_unit_nor_organisation(self) -> None:
        """
        A code alone is not a unit.
        """
        with pytest.raises(InvalidValueError, match="must be a Unit or an Organisation"):
            subject_of("01840")  # type: ignore[arg-type]

    def test_labels_are_the_circular_terms(self) -> None:
        """
        The labels are the Vietnamese terms of the circular.
        """
        expected = [
            "khu dân cư",
            "xã, phường, thị trấn",
            "cơ quan",
            "doanh nghiệp",
            "cơ sở giáo dục",
        ]
        assert expected == [subject.label for subject in Subject]


NOT_ELIGIBLE = [
    ("armed-forces", organisation(OrganisationKind.AGENCY, armed_forces=True), "armed forces"),
    (
        "micro",
        organisation(OrganisationKind.ENTERPRISE, enterprise_size=EnterpriseSize.MICRO),
        "a micro enterprise",
    ),
    (
        "small",
        organisation(OrganisationKind.ENTERPRISE, enterprise_size=EnterpriseSize.SMALL),
        "a small enterprise",
    ),
    (
        "size-unknown",
        organisation(OrganisationKind.ENTERPRISE),
        "size is not recorded",
    ),
    (
        "nursery",
        organisation(OrganisationKind.SCHOOL, school_level=SchoolLevel.NURSERY),
        "nursery level",
    ),
    (
        "kindergarten",
        organisation(OrganisationKind.SCHOOL, school_level=SchoolLevel.KINDERGARTEN),
        "kindergarten level",
    ),
    (
        "primary",
        organisation(OrganisationKind.SCHOOL, school_level=SchoolLevel.PRIMARY),
        "primary level",
    ),
    ("level-unknown", organisation(OrganisationKind.SCHOOL), "level is not recorded"),
]

ELIGIBLE = [
    ("hamlet", GROUP, Subject.HAMLET),
    ("commune", WARD, Subject.COMMUNE),
    ("agency", AGENCY, Subject.AGENCY),
    ("medium", ENTERPRISE, Subject.ENTERPRISE),
    (
        "large",
        organisation(OrganisationKind.ENTERPRISE, enterprise_size=EnterpriseSize.LARGE),
        Subject.ENTERPRISE,
    ),
    ("upper-secondary", SCHOOL, Subject.SCHOOL),
    (
        "lower-secondary",
        organisation(OrganisationKind.SCHOOL, school_level=SchoolLevel.LOWER_SECONDARY),
        Subject.SCHOOL,
    ),
    (
        "other-school",
        organisation(OrganisationKind.SCHOOL, school_level=SchoolLevel.OTHER),
        Subject.SCHOOL,
    ),
]


class TestEligibility:
    """
    Who can be recognised (Thông tư 124/2021/TT-BCA, Điều 2).
    """

    @pytest.mark.parametrize(
        ("unit", "reason"),
        [row[1:] for row in NOT_ELIGIBLE],
        ids=[row[0] for row in NOT_ELIGIBLE],
    )
    def test_refuses_excluded_and_undetermined_organisations(
        self, unit: Organisation, reason: str
    ) -> None:
        """
        Excluded organisations are refused, and so are those whose size or level is unknown.
        """
        with pytest.raises(NotEligibleError) as info:
            check_eligible(unit)
        assert (True, "ORG-1") == (reason in info.value.reason, info.value.code)

    @pytest.mark.parametrize(
        ("unit", "subject"),
        [row[1:] for row in ELIGIBLE],
        ids=[row[0] for row in ELIGIBLE],
    )
    def test_returns_the_subject_of_an_eligible_unit(
        self, unit: Unit | Organisation, subject: Subject
    ) -> None:
        """
        An eligible unit or organisation passes, and its subject is returned.
        """
        assert subject == check_eligible(unit)

    def test_message_names_the_unit_the_reason_and_the_source(self) -> None:
        """
        The message says who, why, and by which rule.
        """
        with pytest.raises(NotEligibleError) as info:
            check_eligible(NOT_ELIGIBLE[0][1])
        expected = (
            "ORG-1 (Đơn vị thử) cannot be recognised as safe on security and order: a unit "
            "of the armed forces is not recognised (Thông tư 124/2021/TT-BCA, Điều 2)"
        )
        assert expected == str(info.value)

    def test_the_error_is_a_value_error_of_antq(self) -> None:
        """
        Callers can catch it as a ValueError or as an AntqError.
        """
        error = NotEligibleError("X", "Y", "why", source="rule")
        assert (True, True) == (isinstance(error, ValueError), isinstance(error, AntqError))


class TestMonthDay:
    """
    A day that recurs every year.
    """

    def test_reads_back_what_str_writes(self) -> None:
        """
        ``05-31`` is read as 31 May and written back the same.
        """
        expected = (MAY_31, "05-31")
        assert expected == (MonthDay.parse("05-31"), str(MonthDay.parse("05-31")))

    def test_on_gives_the_day_in_a_year(self) -> None:
        """
        The day falls in the year asked.
        """
        assert D(2013, 5, 31) == MAY_31.on(2013)

    @pytest.mark.parametrize(
        ("month", "day", "field", "rule"),
        [
            (0, 1, "month", "a month is an integer from 1 to 12"),
            (13, 1, "month", "a month is an integer from 1 to 12"),
            ("5", 1, "month", "a month is an integer from 1 to 12"),
            (2, 29, "day", "month 2 has days 1 to 28 every year"),
            (4, 31, "day", "month 4 has days 1 to 30 every year"),
            (12, 0, "day", "month 12 has days 1 to 31 every year"),
            (5, 1.0, "day", "a day is an integer"),
        ],
        ids=["month-0", "month-13", "month-text", "29-feb", "31-apr", "day-0", "day-float"],
    )
    def test_refuses_a_day_that_does_not_recur(
        self, month: Any, day: Any, field: str, rule: str
    ) -> None:
        """
        A month outside 1–12, or a day its month lacks in some year, is refused.
        """
        with pytest.raises(InvalidValueError) as info:
            MonthDay(month, day)
        assert (field, rule) == (info.value.field, info.value.rule)

    @pytest.mark.parametrize("text", ["5-31", "05/31", "31-05-2013", ""])
    def test_parse_refuses_other_forms(self, text: str) -> None:
        """
        Only ``MM-DD`` is read.
        """
        with pytest.raises(InvalidValueError, match="written MM-DD"):
            MonthDay.parse(text)


WINDOWS = [
    ("tt124-hamlet", Subject.HAMLET, 2023, TT124, None, Period(D(2022, 11, 1), D(2023, 10, 31))),
    ("tt124-commune", Subject.COMMUNE, 2023, TT124, None, Period(D(2022, 11, 16), D(2023, 11, 15))),
    ("tt124-agency", Subject.AGENCY, 2023, TT124, None, Period(D(2022, 11, 16), D(2023, 11, 15))),
    (
        "tt124-enterprise",
        Subject.ENTERPRISE,
        2023,
        None,
        None,
        Period(D(2022, 11, 16), D(2023, 11, 15)),
    ),
    ("tt124-school", Subject.SCHOOL, 2023, None, None, Period(D(2022, 11, 16), D(2023, 11, 15))),
    ("tt23-hamlet", Subject.HAMLET, 2013, TT23, None, Period(D(2012, 11, 1), D(2013, 10, 31))),
    ("tt23-commune", Subject.COMMUNE, 2013, None, None, Period(D(2012, 12, 1), D(2013, 11, 30))),
    ("tt23-agency", Subject.AGENCY, 2013, TT23, None, Period(D(2012, 12, 1), D(2013, 11, 30))),
    ("tt23-school", Subject.SCHOOL, 2013, None, MAY_31, Period(D(2012, 6, 1), D(2013, 5, 31))),
    ("last-tt23-hamlet", Subject.HAMLET, 2021, None, None, Period(D(2020, 11, 1), D(2021, 10, 31))),
    (
        "last-tt23-commune",
        Subject.COMMUNE,
        2021,
        None,
        None,
        Period(D(2020, 12, 1), D(2021, 11, 15)),
    ),
    (
        "last-tt23-school",
        Subject.SCHOOL,
        2021,
        None,
        MAY_31,
        Period(D(2020, 6, 1), D(2021, 11, 15)),
    ),
    ("tt23-own-2021", Subject.COMMUNE, 2021, TT23, None, Period(D(2020, 12, 1), D(2021, 11, 30))),
    ("first-tt124", Subject.COMMUNE, 2022, None, None, Period(D(2021, 11, 16), D(2022, 11, 15))),
    (
        "tt124-for-2013",
        Subject.COMMUNE,
        2013,
        TT124,
        None,
        Period(D(2012, 11, 16), D(2013, 11, 15)),
    ),
]


class TestAssessmentWindow:
    """
    The days whose events count for a year's recognition.
    """

    @pytest.mark.parametrize(
        ("subject", "year", "regime", "review", "window"),
        [row[1:] for row in WINDOWS],
        ids=[row[0] for row in WINDOWS],
    )
    def test_follows_the_regime(
        self,
        subject: Subject,
        year: int,
        regime: Regime | None,
        review: MonthDay | None,
        window: Period,
    ) -> None:
        """
        TT 124 Điều 8.2, TT 23 as read by antq, and the changeover of 2021–2022.
        """
        assert window == assessment_window(subject, year, regime=regime, school_review=review)

    def test_an_accident_on_15_november_2012_counts_for_2013_in_a_hamlet(self) -> None:
        """
        The example of RULES: under TT 23, 15 November 2012 is in the hamlet window of 2013.
        """
        assert 2013 == window_year(Subject.HAMLET, D(2012, 11, 15))

    def test_15_november_2012_counts_for_2012_in_a_commune_under_tt23(self) -> None:
        """
        A commune's TT 23 window runs to 30 November: the same day counts for 2012.
        """
        assert 2012 == window_year(Subject.COMMUNE, D(2012, 11, 15))

    def test_a_school_under_tt23_needs_the_review_day(self) -> None:
        """
        RULES gives no date for the school-year review: without it, a clear error.
        """
        with pytest.raises(InvalidValueError, match="school-year review") as info:
            assessment_window(Subject.SCHOOL, 2015)
        assert "school_review" == info.value.field

    def test_the_first_tt124_school_window_needs_no_review_day(self) -> None:
        """
        The school window of 2022 is TT 124's own: no review day is needed.
        """
        expected = 2022
        assert expected == window_year(Subject.SCHOOL, D(2021, 12, 1))

    @pytest.mark.parametrize(
        ("args", "kwargs", "field"),
        [
            (("hamlet", 2020), {}, "subject"),
            ((Subject.HAMLET, "2020"), {}, "year"),
            ((Subject.HAMLET, True), {}, "year"),
            ((Subject.HAMLET, 1), {}, "year"),
            ((Subject.HAMLET, 10000), {}, "year"),
            ((Subject.HAMLET, 2020), {"regime": "tt124_2021"}, "regime"),
            ((Subject.SCHOOL, 2020), {"school_review": "05-31"}, "school_review"),
        ],
        ids=["subject", "year-text", "year-bool", "year-1", "year-10000", "regime", "review"],
    )
    def test_refuses_arguments_of_the_wrong_kind(
        self, args: tuple[Any, ...], kwargs: dict[str, Any], field: str
    ) -> None:
        """
        Every argument is checked, and the error names it.
        """
        with pytest.raises(InvalidValueError) as info:
            assessment_window(*args, **kwargs)
        assert field == info.value.field

    def test_window_year_refuses_a_datetime(self) -> None:
        """
        An event's date is a day, not a moment.
        """
        with pytest.raises(InvalidValueError, match="must be a date"):
            window_year(Subject.HAMLET, dt.datetime(2020, 1, 1, tzinfo=dt.UTC))

    @given(subject=SUBJECTS, year=YEARS, regime=REGIMES, review=month_days(), data=st.data())
    def test_every_day_of_a_window_belongs_to_its_year(
        self,
        subject: Subject,
        year: int,
        regime: Regime | None,
        review: MonthDay,
        data: st.DataObject,
    ) -> None:
        """
        window_year(subject, day) is the year for every day of that year's window.
        """
        window = assessment_window(subject, year, regime=regime, school_review=review)
        day = data.draw(st.dates(window.start, window.end))
        assert year == window_year(subject, day, regime=regime, school_review=review)

    @given(subject=SUBJECTS, year=YEARS, regime=REGIMES, review=month_days())
    def test_windows_of_consecutive_years_tile_the_calendar(
        self, subject: Subject, year: int, regime: Regime | None, review: MonthDay
    ) -> None:
        """
        Each window starts the day after the previous one ends: no gap, no overlap.
        """
        this = assessment_window(subject, year, regime=regime, school_review=review)
        following = assessment_window(subject, year + 1, regime=regime, school_review=review)
        assert this.end + dt.timedelta(days=1) == following.start


class TestFacts:
    """
    The facts antq's criteria read.
    """

    def test_each_fact_is_listed_under_its_id(self) -> None:
        """
        The keys of FACTS are the facts' ids.
        """
        assert list(FACTS) == [fact.id for fact in FACTS.values()]

    def test_every_fact_is_read_by_a_criterion(self) -> None:
        """
        No fact is listed that no criterion reads.
        """
        read = {fact for criterion in CRITERIA.values() for fact in criterion.facts}
        assert set(FACTS) == read

    def test_one_fact_per_event_named_in_criterion_3(self) -> None:
        """
        Criterion 3 of Điều 4 reads one count per event RULES names.
        """
        assert EVENTS == CRITERIA["tt124.hamlet.3"].facts

    def test_kinds_are_bool_or_int(self) -> None:
        """
        A fact is a yes-or-no or a count.
        """
        assert {bool, int} == {fact.kind for fact in FACTS.values()}

    def test_refuses_another_kind(self) -> None:
        """
        A fact is not text.
        """
        with pytest.raises(InvalidValueError, match="a bool") as info:
            Fact("note", str, "a note")  # type: ignore[arg-type]
        assert "kind" == info.value.field


CATALOGUE = {
    (TT124, Subject.HAMLET): [f"tt124.hamlet.{n}" for n in range(1, 6)],
    (TT124, Subject.COMMUNE): [f"tt124.commune.{n}" for n in range(1, 6)],
    (TT124, Subject.AGENCY): ["tt124.agency.1", "tt124.agency.2"],
    (TT124, Subject.ENTERPRISE): ["tt124.enterprise.1", "tt124.enterprise.2"],
    (TT124, Subject.SCHOOL): [f"tt124.school.{n}" for n in range(1, 7)],
    (TT23, Subject.HAMLET): ["tt23.hamlet.1", "tt23.hamlet.2"],
    (TT23, Subject.COMMUNE): ["tt23.commune.1", "tt23.commune.2", "tt23.commune.3"],
    (TT23, Subject.AGENCY): ["tt23.agency.1"],
    (TT23, Subject.ENTERPRISE): ["tt23.enterprise.1"],
    (TT23, Subject.SCHOOL): ["tt23.school.1"],
}


class TestCatalogue:
    """
    Every criterion RULES names, for each regime and subject.
    """

    @pytest.mark.parametrize(
        ("regime", "subject"), list(CATALOGUE), ids=[f"{r.value}-{s.value}" for r, s in CATALOGUE]
    )
    def test_lists_the_criteria_of_rules_in_order(self, regime: Regime, subject: Subject) -> None:
        """
        criteria_for gives the ids RULES names, in order.
        """
        expected = CATALOGUE[regime, subject]
        assert expected == [c.id for c in criteria_for(regime, subject)]

    def test_the_catalogue_holds_every_criterion_once(self) -> None:
        """
        CRITERIA is the union of the lists, in order.
        """
        expected = [c for ids in CATALOGUE.values() for c in ids]
        assert expected == list(CRITERIA)

    def test_ids_name_their_regime_and_subject(self) -> None:
        """
        ``tt124.hamlet.1`` is a TT 124 criterion for hamlets.
        """
        expected = [
            (c.regime.value.split("_")[0], c.subjects[0].value, len(c.subjects))
            for c in CRITERIA.values()
        ]
        actual = [(*c.id.split(".")[:2], 1) for c in CRITERIA.values()]
        assert expected == actual

    def test_a_criterion_is_exact_exactly_when_it_needs_no_parameter(self) -> None:
        """
        Exact criteria read facts only; the others name what the criteria file gives.
        """
        expected = {c.id: c.certainty is Certainty.EXACT for c in CRITERIA.values()}
        actual = {c.id: c.parameter is None for c in CRITERIA.values()}
        assert expected == actual

    def test_only_the_tt124_hamlet_share_is_filled_by_a_threshold(self) -> None:
        """
        Every criterion RULES leaves open takes conditions, except TT 124's hamlet share.
        """
        expected = {"tt124.commune.5": "tt124_hamlet_percent"}
        actual = {c.id: c.parameter for c in CRITERIA.values() if c.parameter not in {None, "gaps"}}
        assert expected == actual

    def test_partly_known_criteria_are_those_with_a_list_of_events(self) -> None:
        """
        Criterion 3 of Điều 4, and Điều 5's reference to it, are partly known.
        """
        expected = ["tt124.hamlet.3", "tt124.commune.3"]
        assert expected == [
            c.id for c in CRITERIA.values() if c.certainty is Certainty.PARTLY_KNOWN
        ]

    def test_secondary_sources_are_marked(self) -> None:
        """
        The criteria RULES read in a secondary source only ([V2]) say so.
        """
        expected = [
            *(f"tt124.school.{n}" for n in range(1, 7)),
            "tt23.hamlet.1",
            "tt23.commune.1",
            "tt23.commune.2",
            "tt23.commune.3",
        ]
        assert expected == [c.id for c in CRITERIA.values() if c.secondary]

    def test_every_criterion_names_its_circular(self) -> None:
        """
        A criterion's source starts with its regime's circular.
        """
        assert all(c.source.startswith(c.regime.label) for c in CRITERIA.values())

    @pytest.mark.parametrize(
        ("args", "field"),
        [(("tt124_2021", Subject.HAMLET), "regime"), ((TT124, "hamlet"), "subject")],
        ids=["regime", "subject"],
    )
    def test_criteria_for_refuses_what_is_not_a_member(
        self, args: tuple[Any, Any], field: str
    ) -> None:
        """
        criteria_for takes members of Regime and Subject.
        """
        with pytest.raises(InvalidValueError) as info:
            criteria_for(*args)
        assert field == info.value.field


CONDITIONS = [
    ("at-most-below", Condition("crimes", Comparison.AT_MOST, 2), 1, True),
    ("at-most-equal", Condition("crimes", Comparison.AT_MOST, 2), 2, True),
    ("at-most-above", Condition("crimes", Comparison.AT_MOST, 2), 3, False),
    ("at-least-above", Condition("patrols", Comparison.AT_LEAST, 12), 13, True),
    ("at-least-below", Condition("patrols", Comparison.AT_LEAST, 12), 11, False),
    ("equals-int", Condition("accidents", Comparison.EQUALS, 0), 0, True),
    ("equals-bool", Condition("signed", Comparison.EQUALS, True), True, True),
    ("equals-not", Condition("signed", Comparison.EQUALS, True), False, False),
    ("equals-other-type", Condition("signed", Comparison.EQUALS, True), 1, False),
]

INVALID_CONDITIONS = [
    ("fact-upper", {"fact": "Crimes"}, "fact", "lower-case letters"),
    ("fact-int", {"fact": 3}, "fact", "lower-case letters"),
    ("comparison-text", {"comparison": "at_most"}, "comparison", "member of Comparison"),
    ("value-float", {"value": 2.5}, "value", "an integer, true or false"),
    ("value-bool-at-most", {"value": True}, "value", "with equals only"),
    (
        "count-fact-bool",
        {"fact": "sabotage", "comparison": Comparison.EQUALS, "value": False},
        "value",
        "fact 'sabotage' is a count",
    ),
    (
        "flag-fact-int",
        {"fact": "laws_carried_out", "comparison": Comparison.EQUALS, "value": 1},
        "value",
        "fact 'laws_carried_out' is true or false",
    ),
]


class TestCondition:
    """
    One comparison of a fact with a value.
    """

    @pytest.mark.parametrize(
        ("condition", "actual", "holds"),
        [row[1:] for row in CONDITIONS],
        ids=[row[0] for row in CONDITIONS],
    )
    def test_holds_compares_the_fact_with_the_value(
        self, condition: Condition, actual: int, *, holds: bool
    ) -> None:
        """
        at_most, at_least and equals compare as their names say; equals also the type.
        """
        assert holds == condition.holds(actual)

    def test_str_reads_as_words(self) -> None:
        """
        A condition prints as ``fact comparison value``.
        """
        expected = ["crimes at most 2", "signed equals true"]
        assert expected == [str(CONDITIONS[0][1]), str(CONDITIONS[6][1])]

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_CONDITIONS],
        ids=[row[0] for row in INVALID_CONDITIONS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        The fact's name, the comparison and the value are each checked.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(CONDITIONS[0][1], **changes)
        assert (field, True) == (info.value.field, rule in info.value.rule)


GAP = GapConditions("tt124.hamlet.4", NO_CRIMES, "Hướng dẫn thử")
INVALID_GAPS = [
    ("unknown", {"criterion": "tt124.hamlet.9"}, "criterion", "no criterion has this id"),
    ("suggests", {"criterion": "tt124.hamlet4"}, "criterion", "did you mean 'tt124.hamlet.4'"),
    ("not-text", {"criterion": 4}, "criterion", "a criterion's id is a string"),
    ("exact", {"criterion": "tt124.hamlet.1"}, "criterion", "add a provincial criterion"),
    ("threshold", {"criterion": "tt124.commune.5"}, "criterion", "'tt124_hamlet_percent'"),
    ("no-conditions", {"conditions": []}, "conditions", "at least one condition"),
    ("conditions-text", {"conditions": "crimes"}, "conditions", "a sequence"),
    ("conditions-items", {"conditions": ["crimes"]}, "conditions", "not Condition"),
    ("blank-source", {"source": " "}, "source", "must not be blank"),
]


class TestGapConditions:
    """
    Conditions that fill a criterion RULES leaves open.
    """

    def test_accepts_conditions_for_a_gap_and_a_partly_known_criterion(self) -> None:
        """
        Gaps and partly known criteria take conditions.
        """
        partly = attrs.evolve(GAP, criterion="tt124.commune.3")
        assert ("tt124.hamlet.4", "tt124.commune.3") == (GAP.criterion, partly.criterion)

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_GAPS],
        ids=[row[0] for row in INVALID_GAPS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        Only criteria left open take conditions; at least one, with a source.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(GAP, **changes)
        assert (field, True) == (info.value.field, rule in info.value.rule)


PROVINCIAL = ProvincialCriterion(
    "bac-kan.1",
    "No unlicensed karaoke venue",
    "Quyết định thử của UBND tỉnh",
    subjects=[Subject.HAMLET, Subject.COMMUNE],
    regimes=[TT124],
    conditions=[Condition("unlicensed_venues", Comparison.EQUALS, 0)],
)
INVALID_PROVINCIAL = [
    ("id-of-rules", {"id": "tt124.hamlet.1"}, "id", "the id of a criterion of antq's catalogue"),
    ("id-spaces", {"id": "bac kan"}, "id", "an identifier is"),
    ("blank-title", {"title": ""}, "title", "must not be blank"),
    ("blank-title-vi", {"title_vi": " "}, "title_vi", "must not be blank"),
    ("no-subjects", {"subjects": []}, "subjects", "at least one Subject"),
    ("subject-text", {"subjects": ["hamlet"]}, "subjects", "member of Subject"),
    ("subject-twice", {"subjects": [Subject.HAMLET] * 2}, "subjects", "listed twice"),
    ("no-regimes", {"regimes": ()}, "regimes", "at least one Regime"),
    ("no-conditions", {"conditions": ()}, "conditions", "at least one condition"),
]


class TestProvincialCriterion:
    """
    A criterion a province adds.
    """

    def test_keeps_its_subjects_and_regimes_as_tuples(self) -> None:
        """
        Lists given are kept as tuples.
        """
        expected = ((Subject.HAMLET, Subject.COMMUNE), (TT124,))
        assert expected == (PROVINCIAL.subjects, PROVINCIAL.regimes)

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_PROVINCIAL],
        ids=[row[0] for row in INVALID_PROVINCIAL],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        Its own id, a title, subjects, regimes and conditions are required.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(PROVINCIAL, **changes)
        assert (field, True) == (info.value.field, rule in info.value.rule)


INVALID_PARAMETERS = [
    ("percent-high", {"tt124_hamlet_percent": 101}, "tt124_hamlet_percent", "0 to 100"),
    ("percent-float", {"tt124_hamlet_percent": 70.0}, "tt124_hamlet_percent", "whole number"),
    ("percent-bool", {"tt124_hamlet_percent": True}, "tt124_hamlet_percent", "whole number"),
    ("review-text", {"school_review": "05-31"}, "school_review", "MonthDay"),
    ("gap-twice", {"gaps": [GAP, GAP]}, "gaps", "'tt124.hamlet.4' is given twice"),
    ("gap-type", {"gaps": [PROVINCIAL]}, "gaps", "not GapConditions"),
    ("criterion-twice", {"provincial": [PROVINCIAL] * 2}, "provincial", "given twice"),
]


class TestCriteriaParameters:
    """
    What the user gives for what RULES leaves open.
    """

    def test_has_no_default_threshold(self) -> None:
        """
        Nothing is invented: every parameter is absent until given.
        """
        parameters = CriteriaParameters()
        expected = ((), (), None, None)
        assert expected == (
            parameters.gaps,
            parameters.provincial,
            parameters.tt124_hamlet_percent,
            parameters.school_review,
        )

    def test_gap_finds_the_conditions_of_a_criterion(self) -> None:
        """
        gap() returns the entry for a criterion, or None.
        """
        parameters = CriteriaParameters(gaps=[GAP])
        assert (GAP, None) == (parameters.gap("tt124.hamlet.4"), parameters.gap("tt124.hamlet.5"))

    def test_fact_ids_are_those_of_every_condition(self) -> None:
        """
        The facts read by gap conditions and provincial criteria.
        """
        parameters = CriteriaParameters(gaps=[GAP], provincial=[PROVINCIAL])
        assert frozenset({"crimes", "unlicensed_venues"}) == parameters.fact_ids

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_PARAMETERS],
        ids=[row[0] for row in INVALID_PARAMETERS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        Thresholds have their type and range; criteria are filled or added once.
        """
        with pytest.raises(InvalidValueError) as info:
            CriteriaParameters(**changes)
        assert (field, True) == (info.value.field, rule in info.value.rule)


class TestHamletsNeeded:
    """
    The share of a commune's hamlets, rounded up.
    """

    @pytest.mark.parametrize(
        ("hamlets", "needed"), [(25, 18), (10, 7), (1, 1), (0, 0), (3, 3), (20, 14)]
    )
    def test_rounds_70_percent_up(self, hamlets: int, needed: int) -> None:
        """
        25 hamlets need 18 (RULES); 10 need 7, not 8 (no floating-point error).
        """
        assert needed == hamlets_needed(hamlets, 70)

    def test_16_of_25_fails(self) -> None:
        """
        16 of 25 is 64 %: fewer than needed.
        """
        assert 16 < hamlets_needed(25, 70)

    @given(hamlets=st.integers(0, 10_000))
    def test_equals_the_ceiling_of_70_percent(self, hamlets: int) -> None:
        """
        The rule is ceil(0.7 n), computed exactly.
        """
        assert math.ceil(Fraction(7, 10) * hamlets) == hamlets_needed(hamlets, 70)

    @given(hamlets=st.integers(0, 10_000), percent=st.integers(0, 100))
    def test_is_monotone_in_the_number_of_hamlets(self, hamlets: int, percent: int) -> None:
        """
        More hamlets never need fewer recognised.
        """
        assert hamlets_needed(hamlets, percent) <= hamlets_needed(hamlets + 1, percent)

    @pytest.mark.parametrize(
        ("hamlets", "percent", "field"),
        [(-1, 70, "hamlets"), (2.0, 70, "hamlets"), (10, 101, "percent"), (10, 0.7, "percent")],
        ids=["negative", "float", "percent-high", "fraction"],
    )
    def test_refuses_what_is_not_a_count_or_a_percentage(
        self, hamlets: Any, percent: Any, field: str
    ) -> None:
        """
        Counts and whole percentages only.
        """
        with pytest.raises(InvalidValueError) as info:
            hamlets_needed(hamlets, percent)
        assert field == info.value.field


class TestAssessHamlet:
    """
    A hamlet under TT 124 (Điều 4) and TT 23.
    """

    def test_all_criteria_met_is_safe(self) -> None:
        """
        With the exact facts met and the gaps filled and met, the hamlet is safe.
        """
        facts = {**HAMLET_FACTS, "crimes": 0}
        assessment = assess(GROUP, year=2023, facts=facts, parameters=HAMLET_GAPS)
        expected = (SAFE, dict.fromkeys(CATALOGUE[TT124, Subject.HAMLET], MET))
        assert expected == (assessment.outcome, statuses(assessment))

    def test_gaps_not_filled_leave_the_outcome_undecided(self) -> None:
        """
        Without the criteria file, the gaps are not assessable: never safe.
        """
        assessment = assess(GROUP, year=2023, facts=HAMLET_FACTS)
        expected = (UNDECIDED, [MET, MET, NOT_ASSESSABLE, NOT_ASSESSABLE, NOT_ASSESSABLE])
        assert expected == (assessment.outcome, list(statuses(assessment).values()))

    def test_the_reason_of_a_gap_says_where_to_fill_it(self) -> None:
        """
        A gap's reason points to the criteria file.
        """
        found = result(assess(GROUP, year=2023, facts=HAMLET_FACTS), "tt124.hamlet.4")
        expected = (
            "a gap in antq's sources (the thresholds on crime, social evils and accidents): supply "
            "conditions for tt124.hamlet.4 in the criteria file"
        )
        assert expected == found.reason

    def test_a_missing_fact_is_named(self) -> None:
        """
        A fact not recorded makes its criterion not assessable, and the reason names it.
        """
        facts = {k: v for k, v in HAMLET_FACTS.items() if k != "laws_carried_out"}
        found = result(assess(GROUP, year=2023, facts=facts), "tt124.hamlet.2")
        assert (NOT_ASSESSABLE, "laws_carried_out is not recorded") == (found.status, found.reason)

    def test_one_failing_part_decides_even_with_others_missing(self) -> None:
        """
        No resolution: not met, whatever the households.
        """
        facts = {"resolution_adopted": False}
        found = result(assess(GROUP, year=2023, facts=facts), "tt124.hamlet.1")
        expected = (NOT_MET, "resolution_adopted is false", {"resolution_adopted": False})
        assert expected == (found.status, found.reason, dict(found.facts))

    def test_two_missing_counts_are_named_together(self) -> None:
        """
        The share cannot be computed without both counts.
        """
        facts = {"resolution_adopted": True, "pledge_registered": True}
        found = result(assess(GROUP, year=2023, facts=facts), "tt124.hamlet.1")
        expected = "households_registered and households_total are not recorded"
        assert expected == found.reason

    def test_every_household_must_register(self) -> None:
        """
        119 of 120 households is not 100 %.
        """
        facts = {**HAMLET_FACTS, "households_registered": 119}
        found = result(assess(GROUP, year=2023, facts=facts), "tt124.hamlet.1")
        expected = (NOT_MET, "households_registered is 119 of households_total 120: all must be")
        assert expected == (found.status, found.reason)

    def test_a_hamlet_without_households_is_not_assessable(self) -> None:
        """
        100 % of no household is no measure.
        """
        facts = {**HAMLET_FACTS, "households_total": 0, "households_registered": 0}
        found = result(assess(GROUP, year=2023, facts=facts), "tt124.hamlet.1")
        assert NOT_ASSESSABLE == found.status

    def test_a_named_event_fails_criterion_3_without_the_rest_of_the_list(self) -> None:
        """
        One named event decides: the unknown rest of the list does not matter.
        """
        facts = {**HAMLET_FACTS, "sabotage": 1}
        found = result(assess(GROUP, year=2023, facts=facts), "tt124.hamlet.3")
        assert (NOT_MET, "sabotage is 1, must be 0") == (found.status, found.reason)

    def test_gap_conditions_decide_with_their_source(self) -> None:
        """
        A condition not held fails the gap, and the reason gives its source.
        """
        facts = {**HAMLET_FACTS, "crimes": 2}
        found = result(
            assess(GROUP, year=2023, facts=facts, parameters=HAMLET_GAPS), "tt124.hamlet.4"
        )
        expected = (NOT_MET, "crimes is 2, must be at most 0 (Hướng dẫn thử)")
        assert expected == (found.status, found.reason)

    def test_a_fact_a_condition_reads_may_be_missing(self) -> None:
        """
        A gap filled with a condition whose fact is missing is not assessable.
        """
        found = result(
            assess(GROUP, year=2023, facts=HAMLET_FACTS, parameters=HAMLET_GAPS), "tt124.hamlet.5"
        )
        assert (NOT_ASSESSABLE, "crimes is not recorded") == (found.status, found.reason)

    def test_tt23_hamlet_reads_the_signed_commitments(self) -> None:
        """
        Under TT 23 every household signs a commitment; the rest is a gap.
        """
        facts = {"households_total": 50, "households_committed": 50}
        assessment = assess(GROUP, year=2015, facts=facts)
        expected = (TT23, {"tt23.hamlet.1": MET, "tt23.hamlet.2": NOT_ASSESSABLE})
        assert expected == (assessment.regime, statuses(assessment))

    def test_an_explicit_regime_is_applied_with_its_own_window(self) -> None:
        """
        regime= overrides the year's regime, and the window is that regime's own.
        """
        assessment = assess(WARD, year=2021, facts={}, regime=TT23)
        assert Period(D(2020, 12, 1), D(2021, 11, 30)) == assessment.window


class TestAssessCommune:
    """
    A commune under TT 124 (Điều 5) and TT 23.
    """

    def test_all_criteria_met_is_safe(self) -> None:
        """
        Exact criteria met, gap filled, hamlet share given and reached: safe.
        """
        parameters = attrs.evolve(filled("tt124.commune.3"), tt124_hamlet_percent=70)
        outcomes = {"a": SAFE, "b": SAFE, "c": SAFE}
        assessment = assess(
            WARD, year=2023, facts=COMMUNE_FACTS, parameters=parameters, hamlet_outcomes=outcomes
        )
        assert SAFE == assessment.outcome

    @pytest.mark.parametrize(
        ("working", "active", "status", "reason"),
        [
            (2, None, MET, "models_working_effectively is 2, at least 1 needed"),
            (0, 3, NOT_MET, "models_working_effectively is 0, at least 1 needed"),
            (None, 0, NOT_MET, "no model of the movement is active"),
            (None, None, NOT_ASSESSABLE, "models_working_effectively is not recorded"),
            (
                None,
                3,
                NOT_ASSESSABLE,
                (
                    "3 model(s) active, but models_working_effectively is not recorded: "
                    "whether any works effectively is not known"
                ),
            ),
        ],
        ids=["working", "none-working", "none-active", "unknown", "active-unknown"],
    )
    def test_at_least_one_model_working_effectively(
        self, working: int | None, active: int | None, status: CriterionStatus, reason: str
    ) -> None:
        """
        Recorded effectiveness decides; else no active model fails; else not assessable.
        """
        facts = {} if working is None else {"models_working_effectively": working}
        found = result(
            assess(WARD, year=2023, facts=facts, active_models=active), "tt124.commune.2"
        )
        assert (status, reason) == (found.status, found.reason)

    def test_a_disciplined_police_member_fails(self) -> None:
        """
        TT 124: no member of the commune police disciplined.
        """
        facts = {"police_members_disciplined": 1}
        found = result(assess(WARD, year=2023, facts=facts), "tt124.commune.4")
        assert NOT_MET == found.status

    @pytest.mark.parametrize(
        ("percent", "outcomes", "status"),
        [
            (None, {"a": SAFE}, NOT_ASSESSABLE),
            (0, None, MET),
            (70, None, NOT_ASSESSABLE),
            (70, {}, NOT_ASSESSABLE),
            (70, {"a": SAFE, "b": SAFE, "c": NOT_SAFE}, NOT_MET),
            (60, {"a": SAFE, "b": SAFE, "c": NOT_SAFE}, MET),
            (70, {"a": SAFE, "b": SAFE, "c": UNDECIDED}, NOT_ASSESSABLE),
        ],
        ids=["no-parameter", "zero", "no-outcomes", "no-hamlets", "short", "reached", "undecided"],
    )
    def test_the_tt124_hamlet_share_comes_only_from_the_parameter(
        self,
        percent: int | None,
        outcomes: dict[str, Outcome] | None,
        status: CriterionStatus,
    ) -> None:
        """
        Whether TT 124 keeps the share is a gap: no share is assumed.
        """
        parameters = CriteriaParameters(tt124_hamlet_percent=percent)
        assessment = assess(
            WARD, year=2023, facts={}, parameters=parameters, hamlet_outcomes=outcomes
        )
        assert status == result(assessment, "tt124.commune.5").status

    @pytest.mark.parametrize(
        ("safe", "undecided", "status", "reason"),
        [
            (18, 0, MET, "18 of 25 hamlets safe, 18 needed (70 %, rounded up)"),
            (16, 0, NOT_MET, "16 of 25 hamlets safe, 18 needed (70 %, rounded up)"),
            (
                16,
                2,
                NOT_ASSESSABLE,
                "16 of 25 hamlets safe, 18 needed (70 %, rounded up); 2 undecided",
            ),
            (15, 2, NOT_MET, "15 of 25 hamlets safe, 18 needed (70 %, rounded up)"),
        ],
        ids=["18-of-25", "16-of-25", "undecided-may-reach", "undecided-cannot-reach"],
    )
    def test_tt23_needs_70_percent_of_hamlets_rounded_up(
        self, safe: int, undecided: int, status: CriterionStatus, reason: str
    ) -> None:
        """
        25 hamlets need 18; hamlets still undecided may or may not make up the difference.
        """
        kinds = [SAFE] * safe + [UNDECIDED] * undecided
        kinds += [NOT_SAFE] * (25 - len(kinds))
        outcomes = {f"01840-T{n:02d}": kind for n, kind in enumerate(kinds)}
        found = result(
            assess(WARD, year=2015, facts={}, hamlet_outcomes=outcomes), "tt23.commune.1"
        )
        assert (status, reason) == (found.status, found.reason)

    def test_tt23_commune_is_safe_on_its_three_criteria(self) -> None:
        """
        Hamlets, police rating and discipline: the three TT 23 criteria RULES gives.
        """
        facts = {"police_advanced_or_better": True, "police_disciplined_warning_or_above": 0}
        outcomes = dict.fromkeys(("a", "b", "c"), SAFE)
        assessment = assess(WARD, year=2015, facts=facts, hamlet_outcomes=outcomes)
        assert (SAFE, 3) == (assessment.outcome, len(assessment.results))


class TestAssessOrganisations:
    """
    Agencies, enterprises and schools.
    """

    @pytest.mark.parametrize("unit", [AGENCY, ENTERPRISE], ids=["agency", "enterprise"])
    def test_the_first_criterion_of_dieu_6_is_exact(self, unit: Organisation) -> None:
        """
        The first criterion is met on its facts; the further ones are a gap.
        """
        assessment = assess(unit, year=2023, facts=ORGANISATION_FACTS)
        assert [MET, NOT_ASSESSABLE] == list(statuses(assessment).values())

    def test_every_staff_member_must_be_briefed(self) -> None:
        """
        39 of 40 staff briefed is not 100 %.
        """
        facts = {**ORGANISATION_FACTS, "staff_briefed": 39}
        assert NOT_MET == result(assess(AGENCY, year=2023, facts=facts), "tt124.agency.1").status

    def test_a_school_under_tt124_is_undecided_until_its_six_criteria_are_given(self) -> None:
        """
        The six school criteria are a gap: without the criteria file, undecided.
        """
        assessment = assess(SCHOOL, year=2023, facts={})
        assert (UNDECIDED, 6) == (assessment.outcome, len(assessment.results))

    def test_a_school_under_tt23_needs_the_review_day(self) -> None:
        """
        Its window cannot be drawn without the day of the school-year review.
        """
        with pytest.raises(InvalidValueError, match="school-year review"):
            assess(SCHOOL, year=2015, facts={})

    def test_the_review_day_may_come_from_the_parameters(self) -> None:
        """
        The criteria file's school_review is used when none is passed.
        """
        parameters = CriteriaParameters(school_review=MAY_31)
        assessment = assess(SCHOOL, year=2015, facts={}, parameters=parameters)
        assert Period(D(2014, 6, 1), D(2015, 5, 31)) == assessment.window

    def test_the_review_day_passed_wins(self) -> None:
        """
        An explicit school_review overrides the criteria file's.
        """
        parameters = CriteriaParameters(school_review=MAY_31)
        assessment = assess(
            SCHOOL, year=2015, facts={}, parameters=parameters, school_review=MonthDay(6, 30)
        )
        assert Period(D(2014, 7, 1), D(2015, 6, 30)) == assessment.window

    def test_not_eligible_is_checked_first(self) -> None:
        """
        An excluded organisation is refused before its facts are read.
        """
        with pytest.raises(NotEligibleError):
            assess(NOT_ELIGIBLE[0][1], year=2023, facts="not facts")  # type: ignore[arg-type]


class TestProvincialCriteria:
    """
    Criteria a province adds, assessed after the regime's.
    """

    def test_apply_to_their_subjects_and_regimes_only(self) -> None:
        """
        A TT 124 hamlet criterion is not applied to a school, nor under TT 23.
        """
        parameters = CriteriaParameters(provincial=[PROVINCIAL])
        facts = {"unlicensed_venues": 0}
        counted = [
            "bac-kan.1" in statuses(assess(unit, year=year, facts=facts, parameters=parameters))
            for unit, year in ((GROUP, 2023), (SCHOOL, 2023), (GROUP, 2015))
        ]
        assert [True, False, False] == counted

    def test_are_decided_by_their_conditions(self) -> None:
        """
        A condition not held fails the criterion, and the reason gives the province's source.
        """
        parameters = CriteriaParameters(provincial=[PROVINCIAL])
        facts = {"unlicensed_venues": 2}
        found = result(assess(GROUP, year=2023, facts=facts, parameters=parameters), "bac-kan.1")
        expected = (
            NOT_MET,
            "unlicensed_venues is 2, must be equals 0 (Quyết định thử của UBND tỉnh)",
        )
        assert expected == (found.status, found.reason)


PARAMETERS = CriteriaParameters(
    gaps=[GapConditions("tt124.hamlet.4", [Condition("signed", Comparison.EQUALS, True)], "x")],
    provincial=[PROVINCIAL],
)
INVALID_ASSESS = [
    ("facts-list", {"facts": [("crimes", 0)]}, "facts", "must be a mapping"),
    ("fact-unknown", {"facts": {"crime": 0}}, "facts", "no criterion reads this fact"),
    ("fact-suggested", {"facts": {"sabotages": 0}}, "facts", "did you mean 'sabotage'"),
    ("fact-key-int", {"facts": {1: 0}}, "facts", "no criterion reads this fact"),
    (
        "flag-int",
        {"facts": {"laws_carried_out": 1}},
        "facts['laws_carried_out']",
        "must be true or false",
    ),
    ("count-bool", {"facts": {"sabotage": False}}, "facts['sabotage']", "must be a count"),
    ("count-negative", {"facts": {"sabotage": -1}}, "facts['sabotage']", "must be a count"),
    (
        "own-fact-text",
        {"facts": {"unlicensed_venues": "0"}},
        "facts['unlicensed_venues']",
        "must be an integer, true or false",
    ),
    (
        "gap-fact-type",
        {"facts": {"signed": 1}},
        "facts['signed']",
        "the condition signed equals true needs true or false",
    ),
    (
        "provincial-fact-type",
        {"facts": {"unlicensed_venues": False}},
        "facts['unlicensed_venues']",
        "needs an integer",
    ),
    (
        "more-registered",
        {"facts": {"households_total": 10, "households_registered": 11}},
        "facts['households_registered']",
        "cannot exceed households_total (10)",
    ),
    (
        "more-warned",
        {"facts": {"police_members_disciplined": 0, "police_disciplined_warning_or_above": 1}},
        "facts['police_disciplined_warning_or_above']",
        "cannot exceed police_members_disciplined (0)",
    ),
    ("outcomes-list", {"hamlet_outcomes": [SAFE]}, "hamlet_outcomes", "a mapping of hamlet codes"),
    ("outcomes-text", {"hamlet_outcomes": {"a": "safe"}}, "hamlet_outcomes", "Outcome members"),
    ("active-negative", {"active_models": -1}, "active_models", "must be a count"),
    ("active-bool", {"active_models": True}, "active_models", "must be a count"),
    ("year-text", {"year": "2023"}, "year", "an integer"),
    ("parameters", {"parameters": {}}, "parameters", "CriteriaParameters"),
    ("regime", {"regime": "tt124_2021"}, "regime", "Regime"),
    ("review", {"school_review": (5, 31)}, "school_review", "MonthDay"),
]


class TestAssessRefuses:
    """
    assess checks every argument and every fact.
    """

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_ASSESS],
        ids=[row[0] for row in INVALID_ASSESS],
    )
    def test_refuses_an_argument_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        Unknown facts, wrong types, counts above their totals are refused by name.
        """
        arguments: dict[str, Any] = {"year": 2023, "facts": {}, "parameters": PARAMETERS}
        with pytest.raises(InvalidValueError) as info:
            assess(GROUP, **{**arguments, **changes})
        assert (field, True) == (info.value.field, rule in info.value.rule)

    def test_accepts_facts_of_other_subjects(self) -> None:
        """
        A fact of FACTS no criterion of this subject reads is accepted, not used.
        """
        assessment = assess(GROUP, year=2023, facts={"staff_total": 3})
        assert all("staff_total" not in r.facts for r in assessment.results)


def assessment_of(*found: CriterionStatus) -> Assessment:
    """
    Return an assessment whose criteria have the statuses *found*.
    """
    criteria = list(CRITERIA.values())
    results = [
        CriterionResult(criteria[n % len(criteria)], status, "test")
        for n, status in enumerate(found)
    ]
    window = Period(D(2022, 11, 1), D(2023, 10, 31))
    return Assessment("01840-T05", Subject.HAMLET, 2023, TT124, window, results)


STATUS_LISTS = st.lists(st.sampled_from(CriterionStatus), min_size=1, max_size=12)


class TestAssessment:
    """
    The outcome and the reasoning of an assessment.
    """

    @given(found=STATUS_LISTS)
    def test_any_criterion_not_met_is_not_safe(self, found: list[CriterionStatus]) -> None:
        """
        One criterion not met decides: not safe.
        """
        expected = NOT_MET in found
        assert expected == (assessment_of(*found).outcome is NOT_SAFE)

    @given(found=STATUS_LISTS)
    def test_safe_only_when_every_criterion_is_met(self, found: list[CriterionStatus]) -> None:
        """
        All met: safe; anything else: not safe.
        """
        expected = set(found) == {MET}
        assert expected == (assessment_of(*found).outcome is SAFE)

    @given(found=STATUS_LISTS)
    def test_not_assessable_without_not_met_is_undecided(
        self, found: list[CriterionStatus]
    ) -> None:
        """
        Some criterion not assessable and none not met: undecided.
        """
        expected = NOT_ASSESSABLE in found and NOT_MET not in found
        assert expected == (assessment_of(*found).outcome is UNDECIDED)

    def test_reasoning_shows_each_criterion_with_its_source(self) -> None:
        """
        A header, four lines per criterion, and the outcome.
        """
        own = attrs.evolve(PROVINCIAL, title_vi="Không có karaoke không phép", regimes=[TT23])
        parameters = CriteriaParameters(provincial=[own])
        facts = {"households_total": 10, "households_committed": 10, "unlicensed_venues": 0}
        lines = assess(GROUP, year=2015, facts=facts, parameters=parameters).reasoning()
        expected = (
            (
                "01840-T05: hamlet (khu dân cư), 2015, Thông tư 23/2012/TT-BCA, "
                "window 2014-11-01..2015-10-31"
            ),
            "- tt23.hamlet.1 met: Every household signed a commitment",
            "  100% hộ gia đình ký cam kết",
            (
                "  source: Thông tư 23/2012/TT-BCA (article not named in antq's sources) "
                "(exact, secondary source)"
            ),
            "  because: households_committed is 10 of households_total 10",
            "- tt23.hamlet.2 not_assessable: The other criteria for hamlets (not known)",
            "  Các tiêu chí khác đối với khu dân cư (chưa xác định)",
            "  source: Thông tư 23/2012/TT-BCA (article not named in antq's sources) (gap)",
            (
                "  because: a gap in antq's sources (the other criteria of TT 23 for "
                "hamlets): supply conditions for tt23.hamlet.2 in the criteria file"
            ),
            "- bac-kan.1 met: No unlicensed karaoke venue",
            "  Không có karaoke không phép",
            "  source: Quyết định thử của UBND tỉnh (provincial)",
            "  because: unlicensed_venues is 0, equals 0 (Quyết định thử của UBND tỉnh)",
            "outcome: undecided (chưa đủ căn cứ): 2 met, 0 not_met, 1 not_assessable",
        )
        assert expected == lines

    def test_reasoning_repeats_a_provincial_title_without_vietnamese(self) -> None:
        """
        A provincial criterion without title_vi shows its title again.
        """
        parameters = CriteriaParameters(provincial=[PROVINCIAL])
        lines = assess(GROUP, year=2023, facts={}, parameters=parameters).reasoning()
        assert "  No unlicensed karaoke venue" in lines

    def test_result_facts_cannot_be_changed(self) -> None:
        """
        The facts used are a read-only mapping.
        """
        found = CriterionResult(CRITERIA["tt124.hamlet.2"], MET, "ok", facts={"a": 1})
        with pytest.raises(TypeError):
            found.facts["a"] = 2  # type: ignore[index]

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [
            ({"results": []}, "results", "at least one criterion"),
            ({"results": "met"}, "results", "a sequence"),
            ({"year": "2023"}, "year", "an integer"),
            ({"subject": "hamlet"}, "subject", "Subject"),
            ({"window": "2023"}, "window", "Period"),
        ],
        ids=["no-results", "results-text", "year", "subject", "window"],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        An assessment has at least one result, a year, a subject and a window.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(assessment_of(MET), **changes)
        assert (field, True) == (info.value.field, rule in info.value.rule)

    def test_a_result_is_for_a_criterion(self) -> None:
        """
        A result's criterion is a Criterion or a ProvincialCriterion.
        """
        with pytest.raises(InvalidValueError, match="must be a Criterion"):
            CriterionResult("tt124.hamlet.1", MET, "ok")  # type: ignore[arg-type]


class TestCriterion:
    """
    The class of the catalogue's criteria.
    """

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"id": "tt 124"}, "id"),
            ({"regime": "tt124_2021"}, "regime"),
            ({"subjects": ["hamlet"]}, "subjects"),
            ({"text": ""}, "text"),
            ({"certainty": "gap"}, "certainty"),
            ({"secondary": 1}, "secondary"),
        ],
        ids=["id", "regime", "subjects", "text", "certainty", "secondary"],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str
    ) -> None:
        """
        A criterion is checked like every record.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(CRITERIA["tt124.hamlet.1"], **changes)
        assert field == info.value.field


FIRST = Recognition("01840-T05", 2023, SAFE, decided_on=D(2023, 12, 5), authority="UBND phường")
SECOND = Recognition("01840-T05", 2023, NOT_SAFE)
OTHER_YEAR = Recognition("01840-T05", 2022, SAFE)
OTHER_UNIT = Recognition("01840-T06", 2023, SAFE)


class TestRecognition:
    """
    Recorded decisions: at most one per unit and window.
    """

    @pytest.mark.parametrize("year", [17, 999, 10000, -2023])
    def test_a_year_is_written_with_four_digits(self, year: int) -> None:
        """
        A decision for a year that is not four digits long cannot be built.
        """
        with pytest.raises(InvalidValueError) as info:
            Recognition("01840-T05", year, SAFE)

        assert ("year", "a year is written with four digits") == (
            info.value.field,
            info.value.rule,
        )

    def test_groups_decisions_by_unit_and_year(self) -> None:
        """
        Decisions are grouped by (code, year), in the order given.
        """
        expected = {
            ("01840-T05", 2023): (FIRST, SECOND),
            ("01840-T05", 2022): (OTHER_YEAR,),
            ("01840-T06", 2023): (OTHER_UNIT,),
        }
        assert expected == dict(recognitions_by_window([FIRST, OTHER_YEAR, OTHER_UNIT, SECOND]))

    def test_finds_two_decisions_for_one_window(self) -> None:
        """
        Two decisions on one unit for one year are a duplicate.
        """
        expected = ((FIRST, SECOND),)
        assert expected == duplicate_recognitions([FIRST, OTHER_YEAR, OTHER_UNIT, SECOND])

    def test_no_duplicate_in_distinct_windows(self) -> None:
        """
        One decision per unit and year: nothing to report.
        """
        assert () == duplicate_recognitions([FIRST, OTHER_YEAR, OTHER_UNIT])

    def test_refuses_what_is_not_a_recognition(self) -> None:
        """
        Only recorded decisions are grouped.
        """
        with pytest.raises(InvalidValueError, match="Recognition"):
            recognitions_by_window([FIRST, "01840-T05"])  # type: ignore[list-item]

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [
            ({"outcome": UNDECIDED}, "outcome", "never undecided"),
            ({"outcome": "safe"}, "outcome", "never undecided"),
            ({"code": ""}, "code", "an identifier is"),
            ({"year": 2023.0}, "year", "an integer"),
            ({"decided_on": "2023-12-05"}, "decided_on", "must be a date"),
            ({"authority": " "}, "authority", "must not be blank"),
        ],
        ids=["undecided", "outcome-text", "code", "year", "decided-on", "authority"],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A decision is safe or not safe, for a unit and a year.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(FIRST, **changes)
        assert (field, True) == (info.value.field, rule in info.value.rule)
