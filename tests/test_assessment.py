"""
Tests of assessing the units of a dataset for recognition (antq.assessment).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from antq import (
    EnterpriseSize,
    ModelGroup,
    ModelGroupKind,
    MovementDataset,
    Organisation,
    OrganisationKind,
    Period,
    SchoolLevel,
    Unit,
    UnitKind,
    UnitLevel,
    UnitRegistry,
    testing,
)
from antq.assessment import AssessmentEntry, assess_dataset
from antq.errors import UnknownUnitError
from antq.io import dataset_from_dict, dataset_to_dict
from antq.recognition import (
    AssessmentFact,
    Comparison,
    Condition,
    CriteriaParameters,
    CriterionResult,
    CriterionStatus,
    GapConditions,
    MonthDay,
    Outcome,
    Recognition,
    Regime,
    Subject,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

MET, NOT_MET, NOT_ASSESSABLE = (
    CriterionStatus.MET,
    CriterionStatus.NOT_MET,
    CriterionStatus.NOT_ASSESSABLE,
)
SAFE, NOT_SAFE, UNDECIDED = Outcome.SAFE, Outcome.NOT_SAFE, Outcome.UNDECIDED

#: A year under Thông tư 23/2012/TT-BCA and one under Thông tư 124/2021/TT-BCA.
TT23_YEAR, TT124_YEAR = 2015, 2023

PROVINCE, CITY, WARD, OTHER_WARD = "06", "058", "01840", "01843"
#: The ten residential groups of the ward, and the one of the other ward.
HAMLETS = tuple(f"{WARD}-T{number:02d}" for number in range(1, 11))
T01, T02 = HAMLETS[:2]
OTHER_T01 = f"{OTHER_WARD}-T01"
SCHOOL, PRIMARY, MICRO, BARRACKS, AGENCY = "THPT-BK", "TH-DX", "DN-MA", "CQ-QS", "CQ-PCK"
UNKNOWN = "XX-404"

#: Bắc Kạn province, its city, ward Đức Xuân with ten residential groups and four
#: organisations, and ward Phùng Chí Kiên with one residential group and an agency.
REGISTRY = UnitRegistry(
    [
        Unit(PROVINCE, "Bắc Kạn", UnitKind.PROVINCE),
        Unit(CITY, "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code=PROVINCE),
        Unit(WARD, "Đức Xuân", UnitKind.WARD, parent_code=CITY),
        *(
            Unit(code, f"Tổ {number}", UnitKind.RESIDENTIAL_GROUP, parent_code=WARD)
            for number, code in enumerate(HAMLETS, start=1)
        ),
        Unit(OTHER_WARD, "Phùng Chí Kiên", UnitKind.WARD, parent_code=CITY),
        Unit(OTHER_T01, "Tổ 1", UnitKind.RESIDENTIAL_GROUP, parent_code=OTHER_WARD),
    ],
    organisations=[
        Organisation(
            SCHOOL,
            "Trường THPT Bắc Kạn",
            OrganisationKind.SCHOOL,
            unit_code=WARD,
            school_level=SchoolLevel.UPPER_SECONDARY,
        ),
        Organisation(
            PRIMARY,
            "Trường Tiểu học Đức Xuân",
            OrganisationKind.SCHOOL,
            unit_code=WARD,
            school_level=SchoolLevel.PRIMARY,
        ),
        Organisation(
            MICRO,
            "Cửa hàng Minh Anh",
            OrganisationKind.ENTERPRISE,
            unit_code=WARD,
            enterprise_size=EnterpriseSize.MICRO,
        ),
        Organisation(
            BARRACKS,
            "Ban Chỉ huy Quân sự",
            OrganisationKind.AGENCY,
            unit_code=WARD,
            armed_forces=True,
        ),
        Organisation(AGENCY, "Chi cục Thuế", OrganisationKind.AGENCY, unit_code=OTHER_WARD),
    ],
)

#: Every hamlet and commune in the registry's order, then every organisation.
EVERY_PLACE = [WARD, *HAMLETS, OTHER_WARD, OTHER_T01, SCHOOL, PRIMARY, MICRO, BARRACKS, AGENCY]

#: An example province's conditions for the criterion of TT 23 that is a gap.
TT23_GAPS = CriteriaParameters(
    gaps=[
        GapConditions(
            "tt23.hamlet.2", [Condition("serious_crimes", Comparison.AT_MOST, 0)], "Hướng dẫn thử"
        )
    ]
)


# Builders ------------------------------------------------------------------------------


def dataset(
    *,
    facts: Sequence[AssessmentFact] = (),
    decisions: Sequence[Recognition] = (),
    groups: Sequence[ModelGroup] = (),
    reporting_unit: str | None = None,
) -> MovementDataset:
    """
    Return a dataset of 2015 to 2023 over REGISTRY with the records given.
    """
    return MovementDataset(
        Period(dt.date(2015, 1, 1), dt.date(2023, 12, 31)),
        REGISTRY,
        model_groups=groups,
        assessment_facts=facts,
        recognitions=decisions,
        reporting_unit_code=reporting_unit,
    )


def fact(unit: str, name: str, value: int, *, year: int = TT124_YEAR) -> AssessmentFact:
    """
    Return one fact about *unit* for *year* (2023 by default).
    """
    return AssessmentFact(unit, year, name, value)


def tt23_hamlet(code: str, *, safe: bool = True) -> list[AssessmentFact]:
    """
    Return the facts that make a hamlet safe in 2015 under TT23_GAPS, or not safe.
    """
    return [
        fact(code, "households_total", 100, year=TT23_YEAR),
        fact(code, "households_committed", 100, year=TT23_YEAR),
        fact(code, "serious_crimes", 0 if safe else 1, year=TT23_YEAR),
    ]


def decided(
    codes: Sequence[str], outcome: Outcome = SAFE, *, year: int = TT23_YEAR
) -> list[Recognition]:
    """
    Return a recorded decision of *outcome* for each hamlet of *codes*.
    """
    return [Recognition(code, year, outcome) for code in codes]


def group(
    unit: str = T01, established_on: str = "2020-01-01", ended_on: str | None = None
) -> ModelGroup:
    """
    Return a mediation group of *unit*, set up on *established_on*.
    """
    return ModelGroup(
        "G1",
        ModelGroupKind.MEDIATION_GROUP,
        "Tổ hòa giải",
        unit,
        dt.date.fromisoformat(established_on),
        ended_on=None if ended_on is None else dt.date.fromisoformat(ended_on),
    )


def entry(
    data: MovementDataset,
    code: str,
    year: int = TT124_YEAR,
    parameters: CriteriaParameters | None = None,
) -> AssessmentEntry:
    """
    Return the entry of *code* when *data* is assessed for *year*.
    """
    entries = assess_dataset(data, year, parameters=parameters)
    return next(found for found in entries if found.code == code)


def result(found: AssessmentEntry, criterion: str) -> CriterionResult:
    """
    Return the result of *criterion* in the assessment of *found*.
    """
    assert found.assessment is not None
    return next(r for r in found.assessment.results if r.criterion.id == criterion)


def share(data: MovementDataset, parameters: CriteriaParameters | None = None) -> tuple[str, str]:
    """
    Return the status and reason of the ward's 70 % rule (TT 23, 2015).
    """
    found = result(entry(data, WARD, TT23_YEAR, parameters), "tt23.commune.1")
    return found.status.value, found.reason


def models(data: MovementDataset) -> tuple[str, str]:
    """
    Return the status and reason of the ward's "at least 01 model" (TT 124, 2023).
    """
    found = result(entry(data, WARD), "tt124.commune.2")
    return found.status.value, found.reason


# Which units ---------------------------------------------------------------------------


class TestWhichUnits:
    """
    The hamlets, communes and organisations assessed, and in what order.
    """

    def test_every_hamlet_and_commune_then_every_organisation(self) -> None:
        """
        Without a unit or a reporting unit, every place but provinces and districts is.
        """
        assert EVERY_PLACE == [e.code for e in assess_dataset(dataset(), TT124_YEAR)]

    def test_the_reporting_unit_by_default(self) -> None:
        """
        A dataset's reporting unit is assessed with its hamlets and organisations.
        """
        data = dataset(reporting_unit=OTHER_WARD)
        assert [OTHER_WARD, OTHER_T01, AGENCY] == [e.code for e in assess_dataset(data, TT124_YEAR)]

    def test_a_unit_given_wins_over_the_reporting_unit(self) -> None:
        """
        The unit given is assessed, not the dataset's reporting unit.
        """
        data = dataset(reporting_unit=OTHER_WARD)
        assert [T01] == [e.code for e in assess_dataset(data, TT124_YEAR, unit=T01)]

    def test_a_district_given_is_not_assessed_itself(self) -> None:
        """
        A district covers its communes, hamlets and organisations, and is not assessed.
        """
        assert EVERY_PLACE == [e.code for e in assess_dataset(dataset(), TT124_YEAR, unit=CITY)]

    def test_an_organisation_given_is_assessed_alone(self) -> None:
        """
        An organisation as the unit is its own only entry.
        """
        assert [SCHOOL] == [e.code for e in assess_dataset(dataset(), TT124_YEAR, unit=SCHOOL)]

    def test_an_unknown_unit_is_refused(self) -> None:
        """
        A unit that names no unit or organisation raises UnknownUnitError.
        """
        with pytest.raises(UnknownUnitError):
            assess_dataset(dataset(), TT124_YEAR, unit=UNKNOWN)

    def test_an_entry_names_the_unit(self) -> None:
        """
        An entry carries the unit's code and name, and its assessment's code is the same.
        """
        found = entry(dataset(), OTHER_WARD)
        assessed = found.assessment.code if found.assessment is not None else None
        assert (OTHER_WARD, "Phùng Chí Kiên", OTHER_WARD) == (found.code, found.name, assessed)


# Communes and their hamlets ----------------------------------------------------------


class TestCommunesReadTheirHamlets:
    """
    TT 23: at least 70 % of a commune's hamlets recognised, read from the dataset.
    """

    def test_seven_safe_hamlets_of_ten_meet_the_rule(self) -> None:
        """
        Seven hamlets found safe by their facts, three not: 7 of 10 is 70 %.
        """
        facts = [f for n, code in enumerate(HAMLETS) for f in tt23_hamlet(code, safe=n < 7)]
        expected = ("met", "7 of 10 hamlets safe, 7 needed (70 %, rounded up)")
        assert expected == share(dataset(facts=facts), TT23_GAPS)

    def test_six_safe_hamlets_of_ten_do_not(self) -> None:
        """
        Six hamlets found safe by their facts, four not: 60 % fails.
        """
        facts = [f for n, code in enumerate(HAMLETS) for f in tt23_hamlet(code, safe=n < 6)]
        expected = ("not_met", "6 of 10 hamlets safe, 7 needed (70 %, rounded up)")
        assert expected == share(dataset(facts=facts), TT23_GAPS)

    def test_recorded_decisions_stand_for_the_hamlets(self) -> None:
        """
        Without facts, the hamlets' recorded decisions decide the share.
        """
        decisions = decided(HAMLETS[:7]) + decided(HAMLETS[7:], NOT_SAFE)
        expected = ("met", "7 of 10 hamlets safe, 7 needed (70 %, rounded up)")
        assert expected == share(dataset(decisions=decisions))

    def test_a_recorded_decision_wins_over_the_hamlets_assessment(self) -> None:
        """
        A hamlet safe by its facts but recorded not safe counts as not safe.
        """
        facts = [f for n, code in enumerate(HAMLETS) for f in tt23_hamlet(code, safe=n < 7)]
        data = dataset(facts=facts, decisions=decided([T01], NOT_SAFE))
        expected = ("not_met", "6 of 10 hamlets safe, 7 needed (70 %, rounded up)")
        assert expected == share(data, TT23_GAPS)

    def test_the_hamlet_keeps_its_own_assessment_beside_its_decision(self) -> None:
        """
        The hamlet's entry gives its computed outcome and the decision recorded.
        """
        data = dataset(facts=tt23_hamlet(T01), decisions=decided([T01], NOT_SAFE))
        found = entry(data, T01, TT23_YEAR, TT23_GAPS)
        expected = (SAFE, (Recognition(T01, TT23_YEAR, NOT_SAFE),))
        assert expected == (found.outcome, found.recorded)

    def test_the_first_decision_of_a_year_counts(self) -> None:
        """
        Of two decisions for a hamlet and a year (rule A302), the first stands for it.
        """
        decisions = [*decided(HAMLETS[:6]), *decided([HAMLETS[6]], NOT_SAFE)]
        decisions += [*decided([HAMLETS[6]]), *decided(HAMLETS[7:], NOT_SAFE)]
        expected = ("not_met", "6 of 10 hamlets safe, 7 needed (70 %, rounded up)")
        assert expected == share(dataset(decisions=decisions))

    def test_decisions_of_other_years_are_ignored(self) -> None:
        """
        Decisions for 2014 say nothing of 2015: the hamlets without facts are undecided.
        """
        data = dataset(decisions=decided(HAMLETS, year=TT23_YEAR - 1))
        expected = (
            "not_assessable",
            "0 of 10 hamlets safe, 7 needed (70 %, rounded up); 10 undecided",
        )
        assert expected == share(data)

    def test_undecided_hamlets_leave_the_share_open(self) -> None:
        """
        Six hamlets recorded safe and four without facts may yet reach seven.
        """
        expected = (
            "not_assessable",
            "6 of 10 hamlets safe, 7 needed (70 %, rounded up); 4 undecided",
        )
        assert expected == share(dataset(decisions=decided(HAMLETS[:6])))

    def test_a_hamlet_whose_facts_are_refused_counts_as_undecided(self) -> None:
        """
        Four hamlets whose facts cannot be used are not known safe: the share stays open.
        """
        broken = [
            f
            for code in HAMLETS[6:]
            for f in (
                fact(code, "households_total", 100, year=TT23_YEAR),
                fact(code, "households_committed", 101, year=TT23_YEAR),
            )
        ]
        data = dataset(facts=broken, decisions=decided(HAMLETS[:6]))
        expected = (
            "not_assessable",
            "6 of 10 hamlets safe, 7 needed (70 %, rounded up); 4 undecided",
        )
        assert expected == share(data)


# Thông tư 124 --------------------------------------------------------------------------

#: Facts that meet every known part of TT 124's criteria for a hamlet.
TT124_HAMLET = {
    "resolution_adopted": True,
    "pledge_registered": True,
    "households_total": 118,
    "households_registered": 118,
    "laws_carried_out": True,
    "anti_state_activities": 0,
    "sabotage": 0,
    "illegal_religions": 0,
    "abuse_of_religion_ethnicity_disputes": 0,
    "separatism": 0,
    "complex_prolonged_disputes": 0,
    "incitement_to_illegal_gatherings": 0,
    "serious_crimes": 0,
}
#: An example province's conditions for the gaps of TT 124's criteria for hamlets.
TT124_GAPS = CriteriaParameters(
    gaps=[
        GapConditions(criterion, [Condition("serious_crimes", Comparison.AT_MOST, 0)], "Thử")
        for criterion in ("tt124.hamlet.3", "tt124.hamlet.4", "tt124.hamlet.5")
    ],
    tt124_hamlet_percent=70,
)


class TestTT124:
    """
    A year from 2022: Thông tư 124/2021/TT-BCA.
    """

    def test_a_year_from_2022_is_judged_under_tt124(self) -> None:
        """
        A hamlet in 2023: TT 124, its window from 1 November, its five criteria.
        """
        found = entry(dataset(), T01)
        assert found.assessment is not None
        assessment = found.assessment
        expected = (
            Regime.TT124_2021,
            "2022-11-01..2023-10-31",
            [f"tt124.hamlet.{number}" for number in range(1, 6)],
        )
        actual = (
            assessment.regime,
            str(assessment.window),
            [r.criterion.id for r in assessment.results],
        )
        assert expected == actual

    def test_a_hamlet_is_found_safe_from_its_recorded_facts(self) -> None:
        """
        Every fact the criteria read is recorded, and the gaps are filled: safe.
        """
        facts = [fact(T01, name, value) for name, value in TT124_HAMLET.items()]
        assert SAFE == entry(dataset(facts=facts), T01, parameters=TT124_GAPS).outcome

    def test_the_communes_share_reads_the_criteria_file(self) -> None:
        """
        With tt124_hamlet_percent, the hamlets' decisions of 2023 decide criterion 5.
        """
        decisions = decided(HAMLETS[:7], year=TT124_YEAR)
        decisions += decided(HAMLETS[7:], NOT_SAFE, year=TT124_YEAR)
        found = result(
            entry(dataset(decisions=decisions), WARD, parameters=TT124_GAPS), "tt124.commune.5"
        )
        expected = (MET, "7 of 10 hamlets safe, 7 needed (70 %, rounded up)")
        assert expected == (found.status, found.reason)


# Organisations -------------------------------------------------------------------------


class TestOrganisations:
    """
    Agencies, enterprises and schools: assessed, or refused with the reason.
    """

    @pytest.mark.parametrize(
        ("code", "reason"),
        [
            pytest.param(
                MICRO, "a micro enterprise (doanh nghiệp siêu nhỏ) is not recognised", id="micro"
            ),
            pytest.param(
                PRIMARY, "a school at primary level (tiểu học) is not recognised", id="primary"
            ),
            pytest.param(BARRACKS, "a unit of the armed forces is not recognised", id="armed"),
        ],
    )
    def test_an_organisation_that_cannot_be_recognised_is_refused(
        self, code: str, reason: str
    ) -> None:
        """
        The entry gives why, and no assessment and no outcome.
        """
        found = entry(dataset(), code)
        assert (None, None, reason) == (found.assessment, found.outcome, found.refusal)

    def test_an_upper_secondary_school_is_assessed(self) -> None:
        """
        A school that can be recognised is assessed as a school.
        """
        found = entry(dataset(), SCHOOL)
        subject = found.assessment.subject if found.assessment is not None else None
        assert (Subject.SCHOOL, None) == (subject, found.refusal)

    def test_a_school_under_tt23_without_a_review_day_is_refused(self) -> None:
        """
        TT 23 bounds a school's window by the school-year review, which has no default.
        """
        found = entry(dataset(), SCHOOL, TT23_YEAR)
        expected = (
            "school_review: under Thông tư 23/2012/TT-BCA a school's window runs from one "
            "school-year review to the next, and antq's sources give no date: give the day of "
            "the review (MonthDay) (value: None)"
        )
        assert expected == found.refusal

    def test_a_school_under_tt23_is_assessed_with_the_review_day(self) -> None:
        """
        With the day of the review in the criteria file, the school is assessed.
        """
        parameters = CriteriaParameters(school_review=MonthDay(5, 31))
        found = entry(dataset(), SCHOOL, TT23_YEAR, parameters)
        window = str(found.assessment.window) if found.assessment is not None else None
        assert (None, "2014-06-01..2015-05-31") == (found.refusal, window)

    def test_an_organisations_own_models_count(self) -> None:
        """
        A model group of the agency is active in its window: whether it works is not known.
        """
        found = result(entry(dataset(groups=[group(AGENCY)]), AGENCY), "tt124.agency.1")
        assert "1 model(s) active, but models_working_effectively is not recorded" in found.reason


# Facts ---------------------------------------------------------------------------------


class TestFacts:
    """
    Which facts of the dataset an assessment reads.
    """

    def test_facts_of_other_years_are_ignored(self) -> None:
        """
        A fact of 2022 says nothing of 2023.
        """
        data = dataset(facts=[fact(T01, "laws_carried_out", True, year=2022)])
        found = result(entry(data, T01), "tt124.hamlet.2")
        assert (NOT_ASSESSABLE, "laws_carried_out is not recorded") == (found.status, found.reason)

    def test_facts_of_another_unit_are_ignored(self) -> None:
        """
        A fact of residential group 2 says nothing of residential group 1.
        """
        data = dataset(facts=[fact(T02, "laws_carried_out", True)])
        assert NOT_ASSESSABLE == result(entry(data, T01), "tt124.hamlet.2").status

    def test_the_first_of_a_fact_recorded_twice_counts(self) -> None:
        """
        Of a fact recorded twice (rule A301), the first value is read.
        """
        facts = [fact(T01, "laws_carried_out", False), fact(T01, "laws_carried_out", True)]
        found = result(entry(dataset(facts=facts), T01), "tt124.hamlet.2")
        assert (NOT_MET, "laws_carried_out is false") == (found.status, found.reason)

    @pytest.mark.parametrize(
        ("facts", "refusal"),
        [
            pytest.param(
                [fact(T01, "laws_carried_out", 3)],
                "facts['laws_carried_out']: must be true or false (value: 3)",
                id="a-count-for-a-yes-or-no-fact",
            ),
            pytest.param(
                [fact(T01, "households_total", 118), fact(T01, "households_registered", 119)],
                "facts['households_registered']: cannot exceed households_total (118) (value: 119)",
                id="a-count-above-its-total",
            ),
            pytest.param(
                [fact(T01, "serious_crimes", 0)],
                "facts: no criterion reads this fact (value: 'serious_crimes')",
                id="a-fact-no-criterion-reads",
            ),
        ],
    )
    def test_facts_the_assessment_refuses_are_a_refusal(
        self, facts: list[AssessmentFact], refusal: str
    ) -> None:
        """
        Facts that assess() refuses leave the unit not assessed, with the reason.
        """
        found = entry(dataset(facts=facts), T01)
        assert (None, refusal) == (found.assessment, found.refusal)

    def test_the_criteria_files_facts_are_read(self) -> None:
        """
        A fact a condition of the criteria file names is read for it.
        """
        data = dataset(facts=[fact(T01, "serious_crimes", 1)])
        found = result(entry(data, T01, parameters=TT124_GAPS), "tt124.hamlet.4")
        expected = (NOT_MET, "serious_crimes is 1, must be at most 0 (Thử)")
        assert expected == (found.status, found.reason)


# Model groups --------------------------------------------------------------------------


class TestActiveModels:
    """
    The model groups active in the window, read when "models working effectively" is not.
    """

    @pytest.mark.parametrize(
        "model",
        [
            pytest.param(group(), id="in-a-hamlet-of-the-commune"),
            pytest.param(group(WARD), id="of-the-commune-itself"),
            pytest.param(group(established_on="2023-11-15"), id="set-up-on-the-last-day"),
            pytest.param(group(ended_on="2022-11-16"), id="ended-on-the-first-day"),
        ],
    )
    def test_a_model_active_in_the_window_counts(self, model: ModelGroup) -> None:
        """
        A group of the commune or below, active in 16 Nov 2022 to 15 Nov 2023, may work.
        """
        reason = (
            "1 model(s) active, but models_working_effectively is not recorded: whether any "
            "works effectively is not known"
        )
        assert ("not_assessable", reason) == models(dataset(groups=[model]))

    @pytest.mark.parametrize(
        "model",
        [
            pytest.param(group(OTHER_T01), id="of-another-commune"),
            pytest.param(group(established_on="2023-11-16"), id="set-up-after-the-window"),
            pytest.param(group(ended_on="2022-11-15"), id="ended-before-the-window"),
        ],
    )
    def test_a_model_outside_does_not_count(self, model: ModelGroup) -> None:
        """
        A group elsewhere or outside the window leaves the commune with no model.
        """
        expected = ("not_met", "no model of the movement is active")
        assert expected == models(dataset(groups=[model]))

    def test_models_working_effectively_when_recorded(self) -> None:
        """
        The fact, when recorded, is read instead of the groups.
        """
        data = dataset(facts=[fact(WARD, "models_working_effectively", 1)])
        assert ("met", "models_working_effectively is 1, at least 1 needed") == models(data)


# Generated datasets --------------------------------------------------------------------

heavy = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
WITH_RECOGNITION = testing.datasets(
    max_security_teams=3,
    max_assessment_facts=12,
    max_recognitions=6,
    include_informants=False,
)


class TestGeneratedDatasets:
    """
    Datasets drawn by antq.testing with teams, facts and decisions.
    """

    @heavy
    @given(WITH_RECOGNITION)
    def test_they_round_trip_through_json(self, data: MovementDataset) -> None:
        """
        A dataset written as a JSON document reads back equal.
        """
        assert data == dataset_from_dict(dataset_to_dict(data))

    @heavy
    @given(WITH_RECOGNITION, st.sampled_from([2021, 2022]))
    def test_every_hamlet_commune_and_organisation_has_an_entry(
        self, data: MovementDataset, year: int
    ) -> None:
        """
        assess_dataset never raises on them, and lists each place once.
        """
        registry = data.registry
        levels = {UnitLevel.HAMLET, UnitLevel.COMMUNE}
        assessed = [u.code for u in registry.units if u.level in levels]
        expected = sorted([*assessed, *(o.code for o in registry.organisations)])
        assert expected == sorted(e.code for e in assess_dataset(data, year))

    @heavy
    @given(WITH_RECOGNITION)
    def test_their_facts_are_never_refused(self, data: MovementDataset) -> None:
        """
        Generated facts have values of their types and no count above its total.
        """
        year = data.period.end.year
        refusals = [e.refusal for e in assess_dataset(data, year) if e.refusal is not None]
        assert [] == [r for r in refusals if r.startswith("facts")]
