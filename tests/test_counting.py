"""
Tests of the counting rules CR-01 to CR-11, summaries and breakdowns (antq.counting).
"""

from __future__ import annotations

import datetime as dt
import functools
import pickle
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from antq import (
    CampaignKind,
    DeclaredTally,
    Edition,
    ExtensionGrantor,
    Figure,
    InvalidValueError,
    MobilisationSession,
    ModelGroup,
    ModelGroupKind,
    MovementDataset,
    NotAttributable,
    Organisation,
    OrganisationKind,
    OverlapCause,
    Period,
    ReintegrationCase,
    ReintegrationCategory,
    SchoolLevel,
    Succession,
    TallyFigure,
    TallyOverlap,
    TipAssessment,
    TipChannel,
    TipDecision,
    TipExtension,
    TipLegalKind,
    TipRecord,
    Unit,
    UnitKind,
    UnitLevel,
    UnitRegistry,
    UnknownUnitError,
    official,
    testing,
)
from antq.counting import (
    MappedSummary,
    Scope,
    Summary,
    accepted_tallies,
    active_model_groups,
    breakdown,
    count_participant_turns,
    count_sessions,
    count_slips_collected,
    count_valuable_tips,
    declared_counts,
    hamlets_mobilised,
    organisations_taking_part,
    reintegration_cases_helped,
    successor_codes,
    summarize,
    tips_by_time_limit,
)
from antq.io import load_example
from antq.time_limits import time_limit

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: Settings for the laws, drawn over whole datasets: each test stays within a few seconds.
laws = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

YEAR = Period.year(2017)
PROVINCE, CITY, WARD, OTHER_WARD = "06", "058", "01840", "01843"
T01, T02, OTHER_T01 = "01840-T01", "01840-T02", "01843-T01"
SCHOOL = "THPT-BK"

#: Bắc Kạn province, its city, two wards, three residential groups and a school.
REGISTRY = UnitRegistry(
    [
        Unit(PROVINCE, "Bắc Kạn", UnitKind.PROVINCE),
        Unit(CITY, "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code=PROVINCE),
        Unit(WARD, "Đức Xuân", UnitKind.WARD, parent_code=CITY),
        Unit(OTHER_WARD, "Phùng Chí Kiên", UnitKind.WARD, parent_code=CITY),
        Unit(T01, "Tổ 1", UnitKind.RESIDENTIAL_GROUP, parent_code=WARD),
        Unit(T02, "Tổ 2", UnitKind.RESIDENTIAL_GROUP, parent_code=WARD),
        Unit(OTHER_T01, "Tổ 1", UnitKind.RESIDENTIAL_GROUP, parent_code=OTHER_WARD),
    ],
    organisations=[
        Organisation(
            SCHOOL,
            "Trường THPT Bắc Kạn",
            OrganisationKind.SCHOOL,
            unit_code=WARD,
            school_level=SchoolLevel.UPPER_SECONDARY,
        )
    ],
)
MEDIATION = ModelGroupKind.MEDIATION_GROUP
YOUTH = ModelGroupKind.YOUTH_SHOCK_TEAM
PARDONED = ReintegrationCategory.PARDONED
RELEASED = ReintegrationCategory.RELEASED_PRISONER

# Builders ------------------------------------------------------------------------------


def day(text: str) -> dt.date:
    """
    Return the day written ``YYYY-MM-DD``.
    """
    return dt.date.fromisoformat(text)


def dataset(*, period: Period = YEAR, **records: Any) -> MovementDataset:
    """
    Return a dataset over REGISTRY with the records given.
    """
    return MovementDataset(period, REGISTRY, **records)


def scope(unit: str | None = None, *, period: Period = YEAR, descendants: bool = True) -> Scope:
    """
    Return the scope of *unit* in REGISTRY for *period*.
    """
    return Scope.of(dataset(period=period), unit=unit, descendants=descendants)


def session(
    id_: str,
    held_on: str = "2017-03-08",
    place: str = T01,
    kind: CampaignKind = CampaignKind.PROPAGANDA,
    *,
    turns: int = 10,
    slips: int = 0,
) -> MobilisationSession:
    """
    Return a session (a propaganda meeting in tổ 1 of Đức Xuân unless told).
    """
    return MobilisationSession(
        id_, day(held_on), place, kind, participant_turns=turns, slips_collected=slips
    )


def slip(
    id_: str,
    received_on: str = "2017-03-08",
    receiver: str = WARD,
    *,
    channel: TipChannel = TipChannel.FORM,
    session_id: str | None = None,
    assessed_on: str | None = None,
    valuable: bool = False,
) -> TipRecord:
    """
    Return a tip (a slip received by Đức Xuân unless told), assessed when a day is given.
    """
    assessment = TipAssessment.PENDING
    if assessed_on is not None:
        assessment = TipAssessment.VALUABLE if valuable else TipAssessment.NOT_VALUABLE
    return TipRecord(
        id_,
        day(received_on),
        receiver,
        channel,
        session_id=session_id,
        assessment=assessment,
        assessed_on=None if assessed_on is None else day(assessed_on),
    )


def valuable(id_: str, received_on: str = "2017-03-08", receiver: str = WARD) -> TipRecord:
    """
    Return a slip judged valuable ten days after it was received.
    """
    assessed_on = (day(received_on) + dt.timedelta(days=10)).isoformat()
    return slip(id_, received_on, receiver, assessed_on=assessed_on, valuable=True)


def group(
    id_: str,
    kind: ModelGroupKind = MEDIATION,
    unit: str = T01,
    established_on: str = "2015-06-01",
    ended_on: str | None = None,
) -> ModelGroup:
    """
    Return a model group (a mediation group of tổ 1, set up in 2015, unless told).
    """
    return ModelGroup(
        id_,
        kind,
        f"Tổ {kind.label}",
        unit,
        day(established_on),
        ended_on=None if ended_on is None else day(ended_on),
    )


def case(
    id_: str,
    category: ReintegrationCategory = PARDONED,
    unit: str = T01,
    period: str = "2017",
    *,
    progressed: bool = False,
) -> ReintegrationCase:
    """
    Return a reintegration case (a pardoned person of tổ 1, helped in 2017, unless told).
    """
    return ReintegrationCase(id_, category, unit, Period.parse(period), progressed=progressed)


def tally(
    id_: str,
    figure: TallyFigure,
    value: int = 5,
    unit: str = WARD,
    period: str = "2017",
    **kind: Any,
) -> DeclaredTally:
    """
    Return a tally declared by Đức Xuân for 2017 unless told.
    """
    return DeclaredTally(id_, unit, Period.parse(period), figure, value, **kind)


def merged(summaries: Iterable[Summary]) -> Summary:
    """
    Return the merge of *summaries*, the empty summary for none.
    """
    return functools.reduce(Summary.merge, summaries, Summary())


def rows_merged(rows: Iterable[Any]) -> Summary:
    """
    Return the merge of the summaries of breakdown rows.
    """
    return merged(row.summary for row in rows)


# CR-01 to CR-09 ---------------------------------------------------------------------------


class TestScope:
    """
    Scope.of: which units and organisations a summary covers.
    """

    def test_a_unit_covers_the_units_below_and_their_organisations(self) -> None:
        """
        A ward's scope holds the ward, its hamlets and the school sitting in it.
        """
        found = scope(WARD)
        expected = ({WARD, T01, T02}, {T01, T02}, {SCHOOL: OrganisationKind.SCHOOL})
        assert expected == (set(found.units), set(found.hamlets), dict(found.organisations))

    def test_without_a_unit_the_scope_covers_the_registry(self) -> None:
        """
        unit=None covers every unit and organisation.
        """
        found = scope()
        expected = ({u.code for u in REGISTRY.units}, {T01, T02, OTHER_T01}, {SCHOOL})
        assert expected == (set(found.units), set(found.hamlets), set(found.organisations))

    def test_without_descendants_only_the_unit_and_what_sits_in_it(self) -> None:
        """
        descendants=False keeps the unit and the organisations directly in it.
        """
        found = scope(WARD, descendants=False)
        expected: tuple[set[str], ...] = ({WARD}, set(), {SCHOOL})
        assert expected == (set(found.units), set(found.hamlets), set(found.organisations))

    def test_without_descendants_organisations_below_are_left_out(self) -> None:
        """
        The city itself holds no organisation: the school sits in a ward below it.
        """
        found = scope(CITY, descendants=False)
        expected: tuple[set[str], ...] = ({CITY}, set(), set())
        assert expected == (set(found.units), set(found.hamlets), set(found.organisations))

    def test_an_organisation_covers_itself_alone(self) -> None:
        """
        An organisation's scope holds the organisation and no unit.
        """
        found = scope(SCHOOL)
        expected: tuple[set[str], set[str], dict[str, OrganisationKind]] = (
            set(),
            set(),
            {SCHOOL: OrganisationKind.SCHOOL},
        )
        assert expected == (set(found.units), set(found.hamlets), dict(found.organisations))

    def test_the_period_is_the_datasets_unless_given(self) -> None:
        """
        Without a period the scope takes the dataset's; a period given wins.
        """
        quarter = Period.quarter(2017, 2)
        expected = (YEAR, quarter)
        actual = (
            Scope.of(dataset()).period,
            Scope.of(dataset(), period=quarter).period,
        )
        assert expected == actual

    def test_holds_names_units_and_organisations_of_the_scope(self) -> None:
        """
        holds() is true for the ward's units and school, false elsewhere.
        """
        found = scope(WARD)
        expected = [True, True, True, False, False]
        assert expected == [found.holds(code) for code in (WARD, T02, SCHOOL, OTHER_T01, CITY)]

    def test_the_organisations_cannot_be_changed(self) -> None:
        """
        The scope's organisations are a read-only mapping, even if built from a dict.
        """
        kinds = {SCHOOL: OrganisationKind.SCHOOL}
        found = Scope(YEAR, frozenset(), frozenset(), kinds)
        kinds.clear()
        with pytest.raises(TypeError):
            found.organisations[SCHOOL] = OrganisationKind.AGENCY  # type: ignore[index]
        assert {SCHOOL: OrganisationKind.SCHOOL} == dict(found.organisations)

    @pytest.mark.parametrize("descendants", [True, False])
    def test_an_unknown_unit_is_refused(self, *, descendants: bool) -> None:
        """
        A code that names nothing in the registry raises UnknownUnitError, a LookupError.
        """
        with pytest.raises(UnknownUnitError) as caught:
            Scope.of(dataset(), unit="99999", descendants=descendants)
        assert "99999" == caught.value.code
        assert isinstance(caught.value, LookupError)

    def test_summarize_refuses_an_unknown_unit(self) -> None:
        """
        summarize() raises UnknownUnitError for a unit not in the registry.
        """
        with pytest.raises(UnknownUnitError):
            summarize(dataset(), unit="01999")


class TestSessions:
    """
    CR-01: sessions held, by held_on in the period and place in the scope.
    """

    def test_sessions_held_in_the_period_and_the_scope_count(self) -> None:
        """
        First and last days count; the day before, the day after and elsewhere do not.
        """
        sessions = [
            session("S1", "2017-01-01", T01),
            session("S2", "2017-12-31", T02),
            session("S3", "2017-06-01", SCHOOL),
            session("S4", "2016-12-31", T01),
            session("S5", "2018-01-01", T01),
            session("S6", "2017-06-01", OTHER_T01),
        ]
        assert 3 == count_sessions(sessions, scope(WARD))

    def test_sessions_of_every_kind_count(self) -> None:
        """
        Propaganda, launches, peak campaigns and festival days are all sessions.
        """
        sessions = [session(kind.value, kind=kind) for kind in CampaignKind]
        assert len(CampaignKind) == count_sessions(sessions, scope(WARD))

    def test_a_session_counts_at_its_place_only(self) -> None:
        """
        Tổ 1's session counts for tổ 1 and above it, not for the ward itself alone.
        """
        sessions = [session("S1", place=T01)]
        expected = [1, 1, 0, 0]
        actual = [
            count_sessions(sessions, scope(T01)),
            count_sessions(sessions, scope(CITY)),
            count_sessions(sessions, scope(WARD, descendants=False)),
            count_sessions(sessions, scope(T02)),
        ]
        assert expected == actual

    def test_summaries_count_sessions_by_cr_01(self) -> None:
        """
        A summary's sessions are CR-01's count.
        """
        sessions = [session("S1"), session("S2", place=SCHOOL), session("S3", place=OTHER_T01)]
        assert 2 == summarize(dataset(sessions=sessions), unit=WARD).sessions


class TestParticipantTurns:
    """
    CR-02: participant-turns, summed over CR-01's sessions.
    """

    def test_turns_add_up_over_the_sessions_counted(self) -> None:
        """
        The turns of the sessions in scope add up; others are left out.
        """
        sessions = [
            session("S1", turns=30),
            session("S2", place=SCHOOL, turns=45),
            session("S3", place=OTHER_T01, turns=1000),
            session("S4", "2018-02-01", turns=1000),
        ]
        assert 75 == count_participant_turns(sessions, scope(WARD))

    def test_one_person_at_two_sessions_counts_twice(self) -> None:
        """
        Turns count attendances: one person at two sessions is two turns.
        """
        sessions = [session("S1", "2017-03-08", turns=1), session("S2", "2017-03-09", turns=1)]
        assert 2 == summarize(dataset(sessions=sessions)).participant_turns

    def test_a_session_nobody_attended_adds_no_turn(self) -> None:
        """
        A session of zero turns is still a session, with no turn.
        """
        found = summarize(dataset(sessions=[session("S1", turns=0)]))
        assert (1, 0) == (found.sessions, found.participant_turns)


class TestHamletsMobilised:
    """
    CR-03: distinct hamlets with a propaganda or launch session.
    """

    def test_a_hamlet_counts_once_however_many_sessions(self) -> None:
        """
        Three sessions in tổ 1 and a launch in tổ 2 mobilise two hamlets.
        """
        sessions = [
            session("S1", "2017-01-10", T01),
            session("S2", "2017-02-10", T01),
            session("S3", "2017-03-10", T01),
            session("S4", "2017-04-10", T02, CampaignKind.LAUNCH),
        ]
        assert frozenset({T01, T02}) == hamlets_mobilised(sessions, scope(WARD))

    @pytest.mark.parametrize(
        "kind", [CampaignKind.PEAK_CRACKDOWN, CampaignKind.FESTIVAL_DAY], ids=lambda k: k.value
    )
    def test_sessions_of_other_kinds_mobilise_no_hamlet(self, kind: CampaignKind) -> None:
        """
        Peak campaigns and festival days are sessions but mobilise no hamlet.
        """
        assert frozenset() == hamlets_mobilised([session("S1", kind=kind)], scope(WARD))

    def test_organisations_are_not_hamlets(self) -> None:
        """
        Propaganda at the school counts as a session but mobilises no hamlet.
        """
        sessions = [session("S1", place=SCHOOL)]
        found = summarize(dataset(sessions=sessions), unit=WARD)
        assert (1, 0) == (found.sessions, found.hamlets_mobilised)

    def test_a_session_held_at_a_commune_mobilises_no_hamlet(self) -> None:
        """
        A session recorded at the ward itself is a session, not a hamlet mobilised.
        """
        found = summarize(dataset(sessions=[session("S1", place=WARD)]))
        assert (1, 0) == (found.sessions, found.hamlets_mobilised)

    def test_hamlets_outside_the_period_or_the_scope_do_not_count(self) -> None:
        """
        A hamlet mobilised the year before, or in another ward, is not counted.
        """
        sessions = [session("S1", "2016-12-31", T01), session("S2", place=OTHER_T01)]
        assert frozenset() == hamlets_mobilised(sessions, scope(WARD))

    def test_the_summary_counts_the_hamlets(self) -> None:
        """
        hamlets_mobilised is the number of hamlets, and the codes are kept.
        """
        sessions = [session("S1", place=T01), session("S2", place=T01), session("S3", place=T02)]
        found = summarize(dataset(sessions=sessions))
        assert (2, frozenset({T01, T02})) == (found.hamlets_mobilised, found.hamlets)


class TestSlipsCollected:
    """
    CR-04: slip records by receipt, plus the slips of sessions no tip refers to.
    """

    def test_form_tips_count_by_day_and_unit_of_receipt(self) -> None:
        """
        Slips received by the ward in the period count; others do not.
        """
        tips = [
            slip("T1", "2017-01-01"),
            slip("T2", "2017-12-31"),
            slip("T3", "2016-12-31"),
            slip("T4", "2018-01-01"),
            slip("T5", receiver=OTHER_WARD),
            slip("T6", channel=TipChannel.PHONE),
            slip("T7", channel=TipChannel.MAILBOX),
        ]
        assert 2 == count_slips_collected(tips, [], scope(WARD))

    def test_a_slip_counts_where_it_was_received(self) -> None:
        """
        A slip received by the city police counts for the city, not for a ward.
        """
        tips = [slip("T1", receiver=CITY)]
        expected = [0, 1, 1]
        actual = [
            count_slips_collected(tips, [], scope(WARD)),
            count_slips_collected(tips, [], scope(CITY)),
            count_slips_collected(tips, [], scope(CITY, descendants=False)),
        ]
        assert expected == actual

    def test_a_sessions_slips_stand_in_when_no_tip_refers_to_it(self) -> None:
        """
        Without tip records, the session's own count of slips is counted.
        """
        assert 7 == count_slips_collected([], [session("S1", slips=7)], scope(WARD))

    def test_a_session_with_tip_records_counts_through_them_alone(self) -> None:
        """
        Two slip records of a session that says 7 slips count 2, never 9.
        """
        tips = [slip("T1", session_id="S1"), slip("T2", session_id="S1")]
        assert 2 == count_slips_collected(tips, [session("S1", slips=7)], scope(WARD))

    def test_records_of_a_session_replace_its_count_in_every_period(self) -> None:
        """
        A slip received after the year ends counts next year; the session's count never.
        """
        sessions = [session("S1", "2017-12-30", slips=5)]
        tips = [slip("T1", "2018-01-02", session_id="S1")]
        expected = (0, 1)
        actual = (
            count_slips_collected(tips, sessions, scope(WARD)),
            count_slips_collected(tips, sessions, scope(WARD, period=Period.year(2018))),
        )
        assert expected == actual

    def test_slips_of_sessions_outside_the_scope_do_not_count(self) -> None:
        """
        A session in another ward, or the year before, adds no slip.
        """
        sessions = [session("S1", place=OTHER_T01, slips=4), session("S2", "2016-05-05", slips=4)]
        assert 0 == count_slips_collected([], sessions, scope(WARD))

    def test_the_summary_adds_records_and_session_counts(self) -> None:
        """
        Slip records and the slips of sessions without records add up in a summary.
        """
        sessions = [session("S1", slips=7), session("S2", slips=3)]
        tips = [slip("T1", session_id="S2"), slip("T2")]
        assert 9 == summarize(dataset(sessions=sessions, tips=tips)).slips_collected

    def test_a_tip_of_another_channel_does_not_hide_a_sessions_slips(self) -> None:
        """
        A phone tip that names a session is no slip; the session's 7 slips still count.
        """
        tips = [slip("T1", channel=TipChannel.PHONE, session_id="S1")]
        assert 7 == count_slips_collected(tips, [session("S1", slips=7)], scope(WARD))


class TestValuableTips:
    """
    CR-05: the slips of CR-04 judged valuable.
    """

    def test_valuable_slips_count_among_the_slips(self) -> None:
        """
        Of four slips, the two judged valuable count; pending and not valuable do not.
        """
        tips = [
            valuable("T1"),
            valuable("T2"),
            slip("T3", assessed_on="2017-04-01"),
            slip("T4"),
        ]
        assert 2 == count_valuable_tips(tips, scope(WARD))

    def test_the_day_of_the_assessment_does_not_matter(self) -> None:
        """
        A slip received in December and judged in January counts in the year received.
        """
        tips = [slip("T1", "2017-12-28", assessed_on="2018-01-15", valuable=True)]
        assert 1 == count_valuable_tips(tips, scope(WARD))

    def test_valuable_tips_of_other_channels_or_places_do_not_count(self) -> None:
        """
        A valuable phone tip is no slip, and a valuable slip of another ward is elsewhere.
        """
        phone = TipRecord(
            "T1",
            day("2017-03-08"),
            WARD,
            TipChannel.PHONE,
            assessment=TipAssessment.VALUABLE,
            assessed_on=day("2017-03-09"),
        )
        tips = [phone, valuable("T2", receiver=OTHER_WARD)]
        assert 0 == count_valuable_tips(tips, scope(WARD))

    def test_a_sessions_count_of_slips_says_nothing_of_their_value(self) -> None:
        """
        Slips counted from a session add to CR-04 but never to CR-05.
        """
        found = summarize(dataset(sessions=[session("S1", slips=10)]))
        assert (10, 0) == (found.slips_collected, found.valuable_tips)


class TestModelGroups:
    """
    CR-06: groups active on any day of the period, counted once, by kind.
    """

    @pytest.mark.parametrize(
        ("established_on", "ended_on", "expected"),
        [
            pytest.param("2015-06-01", None, 1, id="set-up-before-still-working"),
            pytest.param("2017-12-31", None, 1, id="set-up-on-the-last-day"),
            pytest.param("2018-01-01", None, 0, id="set-up-after-the-last-day"),
            pytest.param("2015-06-01", "2017-01-01", 1, id="ended-on-the-first-day"),
            pytest.param("2015-06-01", "2016-12-31", 0, id="ended-before-the-first-day"),
            pytest.param("2017-05-01", "2017-05-31", 1, id="a-month-inside"),
        ],
    )
    def test_a_group_counts_when_active_on_a_day_of_the_period(
        self, established_on: str, ended_on: str | None, expected: int
    ) -> None:
        """
        A group counts if set up by the last day and not ended before the first.
        """
        groups = [group("G1", established_on=established_on, ended_on=ended_on)]
        assert expected == len(active_model_groups(groups, scope(WARD)))

    def test_groups_are_kept_by_kind_and_place(self) -> None:
        """
        Each group is (kind, "unit/id"), so the same id in two places is two groups.
        """
        groups = [group("G1", MEDIATION, T01), group("G1", YOUTH, SCHOOL)]
        expected = frozenset({(MEDIATION, f"{T01}/G1"), (YOUTH, f"{SCHOOL}/G1")})
        assert expected == active_model_groups(groups, scope(WARD))

    def test_groups_outside_the_scope_do_not_count(self) -> None:
        """
        A group of another ward is not the ward's.
        """
        assert frozenset() == active_model_groups([group("G1", unit=OTHER_T01)], scope(WARD))

    def test_the_summary_counts_groups_by_kind_in_glossary_order(self) -> None:
        """
        model_groups_by_kind lists nonzero kinds, in the glossary's order.
        """
        groups = [
            group("G1", MEDIATION),
            group("G2", MEDIATION, T02),
            group("G3", YOUTH),
            group("G4", ModelGroupKind.SECURITY_SELF_MANAGEMENT, OTHER_T01),
        ]
        found = summarize(dataset(model_groups=groups)).model_groups_by_kind
        expected = [(ModelGroupKind.SECURITY_SELF_MANAGEMENT, 1), (YOUTH, 1), (MEDIATION, 2)]
        assert expected == list(found.items())

    def test_a_group_active_in_two_quarters_counts_once_in_the_year(self) -> None:
        """
        Merging the quarters' summaries counts the group once.
        """
        data = dataset(model_groups=[group("G1")])
        quarters = [summarize(data, period=Period.quarter(2017, q)) for q in (1, 2)]
        assert {MEDIATION: 1} == merged(quarters).model_groups_by_kind


class TestReintegrationCases:
    """
    CR-07 and CR-08: people helped, by category, and those who progressed.
    """

    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            pytest.param("2016-06..2017-01-01", 1, id="ends-on-the-first-day"),
            pytest.param("2017-12-31..2018-06", 1, id="starts-on-the-last-day"),
            pytest.param("2016-01..2018-12", 1, id="spans-the-year"),
            pytest.param("2016-01..2016-12", 0, id="ends-the-day-before"),
            pytest.param("2018", 0, id="starts-the-day-after"),
        ],
    )
    def test_a_case_counts_when_its_period_shares_a_day(self, period: str, expected: int) -> None:
        """
        A case counts when the days under help share at least one day with the period.
        """
        cases = [case("R1", period=period)]
        assert expected == len(reintegration_cases_helped(cases, scope(WARD)))

    def test_cases_count_by_category_and_progress(self) -> None:
        """
        CR-07 counts every case by category; CR-08 those marked progressed.
        """
        cases = [
            case("R1", PARDONED, progressed=True),
            case("R2", PARDONED),
            case("R3", RELEASED, T02, progressed=True),
            case("R4", RELEASED, OTHER_T01, progressed=True),
        ]
        found = summarize(dataset(reintegration_cases=cases), unit=WARD)
        expected = ({PARDONED: 2, RELEASED: 1}, {PARDONED: 1, RELEASED: 1})
        actual = (found.reintegration_by_category, found.reintegration_progressed_by_category)
        assert expected == actual

    def test_a_case_helped_all_year_counts_once_in_the_year(self) -> None:
        """
        Merging the summaries of two halves counts a case helped in both once.
        """
        data = dataset(reintegration_cases=[case("R1", progressed=True)])
        halves = [
            summarize(data, period=Period.parse("2017-01..2017-06")),
            summarize(data, period=Period.parse("2017-07..2017-12")),
        ]
        expected = ({PARDONED: 1}, {PARDONED: 1})
        found = merged(halves)
        actual = (found.reintegration_by_category, found.reintegration_progressed_by_category)
        assert expected == actual

    def test_cases_are_kept_by_a_token_not_by_their_id(self) -> None:
        """
        Each case is (category, token, progressed); the token is not the id.
        """
        ((category, token, progressed),) = reintegration_cases_helped(
            [case("R-0001", progressed=True)], scope(WARD)
        )
        assert (PARDONED, True) == (category, progressed)
        assert "R-0001" not in token
        assert 24 == len(token)
        assert set(token) <= set("0123456789abcdef")

    def test_the_same_id_in_two_units_is_two_cases(self) -> None:
        """
        Tokens are drawn from the unit and the id, so cases of two units stay distinct.
        """
        cases = [case("R1", unit=T01), case("R1", unit=OTHER_T01)]
        assert 2 == len(reintegration_cases_helped(cases, scope()))


class TestOrganisationsTakingPart:
    """
    CR-09: organisations with a session or an active group in the period.
    """

    @pytest.mark.parametrize(
        ("records", "expected"),
        [
            pytest.param({"sessions": [session("S1", place=SCHOOL)]}, 1, id="a-session"),
            pytest.param({"model_groups": [group("G1", unit=SCHOOL)]}, 1, id="an-active-group"),
            pytest.param(
                {
                    "sessions": [session("S1", place=SCHOOL), session("S2", place=SCHOOL)],
                    "model_groups": [group("G1", unit=SCHOOL)],
                },
                1,
                id="both-counted-once",
            ),
            pytest.param({}, 0, id="nothing"),
            pytest.param(
                {"sessions": [session("S1", "2016-05-01", place=SCHOOL)]},
                0,
                id="a-session-the-year-before",
            ),
            pytest.param(
                {"model_groups": [group("G1", unit=SCHOOL, ended_on="2016-12-31")]},
                0,
                id="a-group-ended-before",
            ),
            pytest.param({"sessions": [session("S1", place=WARD)]}, 0, id="a-session-nearby"),
        ],
    )
    def test_an_organisation_takes_part_with_a_session_or_a_group(
        self, records: dict[str, Any], expected: int
    ) -> None:
        """
        The school takes part when a session was held in it or a group of it was active.
        """
        data = dataset(**records)
        found = organisations_taking_part(data.sessions, data.model_groups, scope(WARD))
        assert expected == len(found)

    def test_organisations_are_counted_by_kind(self) -> None:
        """
        The summary counts the school as one school, in its ward's summary only.
        """
        data = dataset(sessions=[session("S1", place=SCHOOL)])
        expected: tuple[dict[OrganisationKind, int], ...] = ({OrganisationKind.SCHOOL: 1}, {})
        actual = (
            summarize(data, unit=WARD).organisations_by_kind,
            summarize(data, unit=OTHER_WARD).organisations_by_kind,
        )
        assert expected == actual

    def test_organisations_are_kept_by_kind_and_code(self) -> None:
        """
        Each organisation is (kind, code).
        """
        found = organisations_taking_part([session("S1", place=SCHOOL)], [], scope())
        assert frozenset({(OrganisationKind.SCHOOL, SCHOOL)}) == found


# CR-10 ----------------------------------------------------------------------------------

RECORDS_WIN = OverlapCause.RECORDS

#: A tally and records in its unit and period that count the same figure.
SET_ASIDE_BY_RECORDS = [
    pytest.param(tally("K", TallyFigure.SESSIONS), {"sessions": [session("S1")]}, id="sessions"),
    pytest.param(
        tally("K", TallyFigure.PARTICIPANT_TURNS),
        {"sessions": [session("S1", turns=0)]},
        id="participant-turns",
    ),
    pytest.param(
        tally("K", TallyFigure.HAMLETS_MOBILISED),
        {"sessions": [session("S1", kind=CampaignKind.LAUNCH)]},
        id="hamlets-mobilised",
    ),
    pytest.param(
        tally("K", TallyFigure.SLIPS_COLLECTED), {"tips": [slip("T1")]}, id="slips-from-records"
    ),
    pytest.param(
        tally("K", TallyFigure.SLIPS_COLLECTED),
        {"sessions": [session("S1", slips=3)]},
        id="slips-from-a-session",
    ),
    pytest.param(
        tally("K", TallyFigure.VALUABLE_TIPS),
        {"tips": [slip("T1", assessed_on="2017-04-01")]},
        id="valuable-tips-from-slips-not-valuable",
    ),
    pytest.param(
        tally("K", TallyFigure.MODEL_GROUPS, group_kind=MEDIATION),
        {"model_groups": [group("G1", MEDIATION)]},
        id="model-groups",
    ),
    pytest.param(
        tally("K", TallyFigure.REINTEGRATION_CASES, category=PARDONED),
        {"reintegration_cases": [case("R1", PARDONED)]},
        id="reintegration-cases",
    ),
    pytest.param(
        tally("K", TallyFigure.REINTEGRATION_PROGRESSED, category=PARDONED),
        {"reintegration_cases": [case("R1", PARDONED)]},
        id="reintegration-progressed",
    ),
    pytest.param(
        tally(
            "K", TallyFigure.ORGANISATIONS_TAKING_PART, organisation_kind=OrganisationKind.SCHOOL
        ),
        {"sessions": [session("S1", place=SCHOOL)]},
        id="organisations",
    ),
    pytest.param(
        tally("K", TallyFigure.MODEL_GROUPS, unit=SCHOOL, group_kind=YOUTH),
        {"model_groups": [group("G1", YOUTH, SCHOOL)]},
        id="declared-by-an-organisation",
    ),
    pytest.param(
        tally("K", TallyFigure.SESSIONS, period="2017-Q1"),
        {"sessions": [session("S1", "2017-03-31")]},
        id="on-the-tallys-last-day",
    ),
]

#: A tally and records that do not count what it counts.
KEPT_DESPITE_RECORDS = [
    pytest.param(
        tally("K", TallyFigure.SESSIONS, period="2017-Q1"),
        {"sessions": [session("S1", "2017-04-01")]},
        id="records-after-the-tallys-period",
    ),
    pytest.param(
        tally("K", TallyFigure.SESSIONS),
        {"sessions": [session("S1", place=OTHER_T01)]},
        id="records-of-another-unit",
    ),
    pytest.param(
        tally("K", TallyFigure.SESSIONS, unit=T01),
        {"sessions": [session("S1", place=T02)]},
        id="records-of-a-sibling",
    ),
    pytest.param(
        tally("K", TallyFigure.SLIPS_COLLECTED),
        {"tips": [slip("T1", receiver=CITY)]},
        id="records-above-the-tallys-unit",
    ),
    pytest.param(
        tally("K", TallyFigure.SESSIONS),
        {"tips": [slip("T1")], "model_groups": [group("G1")]},
        id="records-of-other-figures",
    ),
    pytest.param(
        tally("K", TallyFigure.HAMLETS_MOBILISED),
        {"sessions": [session("S1", kind=CampaignKind.FESTIVAL_DAY)]},
        id="sessions-that-mobilise-no-hamlet",
    ),
    pytest.param(
        tally("K", TallyFigure.SLIPS_COLLECTED),
        {"tips": [slip("T1", channel=TipChannel.ONLINE)]},
        id="tips-that-are-not-slips",
    ),
    pytest.param(
        tally("K", TallyFigure.VALUABLE_TIPS),
        {"sessions": [session("S1", slips=5)]},
        id="a-sessions-slips-have-no-value",
    ),
    pytest.param(
        tally("K", TallyFigure.MODEL_GROUPS, group_kind=MEDIATION),
        {"model_groups": [group("G1", YOUTH)]},
        id="groups-of-another-kind",
    ),
    pytest.param(
        tally("K", TallyFigure.MODEL_GROUPS, group_kind=MEDIATION),
        {"model_groups": [group("G1", MEDIATION, ended_on="2016-12-31")]},
        id="groups-ended-before",
    ),
    pytest.param(
        tally("K", TallyFigure.REINTEGRATION_CASES, category=PARDONED),
        {"reintegration_cases": [case("R1", RELEASED)]},
        id="cases-of-another-category",
    ),
    pytest.param(
        tally(
            "K", TallyFigure.ORGANISATIONS_TAKING_PART, organisation_kind=OrganisationKind.AGENCY
        ),
        {"sessions": [session("S1", place=SCHOOL)]},
        id="organisations-of-another-kind",
    ),
]


class TestAcceptedTallies:
    """
    CR-10: which declared tallies count, and which are set aside, with the reason.
    """

    @pytest.mark.parametrize(("declared", "records"), SET_ASIDE_BY_RECORDS)
    def test_records_win_over_a_tally_of_the_same_figure(
        self, declared: DeclaredTally, records: dict[str, Any]
    ) -> None:
        """
        A tally whose unit and period hold records of its figure is set aside, with why.
        """
        expected = ((), (TallyOverlap(declared, RECORDS_WIN),))
        assert expected == accepted_tallies(dataset(declared_tallies=[declared], **records))

    @pytest.mark.parametrize(("declared", "records"), KEPT_DESPITE_RECORDS)
    def test_records_that_count_something_else_leave_a_tally_counted(
        self, declared: DeclaredTally, records: dict[str, Any]
    ) -> None:
        """
        Records of another figure, kind, unit or period do not set a tally aside.
        """
        expected = ((declared,), ())
        assert expected == accepted_tallies(dataset(declared_tallies=[declared], **records))

    def test_a_tally_set_aside_adds_nothing_to_the_summary(self) -> None:
        """
        Where records and a tally overlap, the summary counts the records alone.
        """
        data = dataset(
            sessions=[session("S1", turns=40)],
            declared_tallies=[tally("K", TallyFigure.PARTICIPANT_TURNS, 900)],
        )
        assert 40 == summarize(data).participant_turns

    def test_the_tally_of_the_higher_unit_wins(self) -> None:
        """
        Of the city's and a ward's tallies for the same figure, the city's counts.
        """
        ward = tally("K1", TallyFigure.SESSIONS, unit=WARD)
        city = tally("K2", TallyFigure.SESSIONS, unit=CITY, period="2017-Q1")
        expected = ((city,), (TallyOverlap(ward, OverlapCause.TALLY, city),))
        assert expected == accepted_tallies(dataset(declared_tallies=[ward, city]))

    def test_an_organisation_is_nested_in_its_unit(self) -> None:
        """
        The ward's tally wins over the school's, which sits in the ward.
        """
        kind: dict[str, Any] = {"organisation_kind": OrganisationKind.SCHOOL}
        school = tally("K1", TallyFigure.ORGANISATIONS_TAKING_PART, unit=SCHOOL, **kind)
        ward = tally("K2", TallyFigure.ORGANISATIONS_TAKING_PART, unit=WARD, **kind)
        expected = ((ward,), (TallyOverlap(school, OverlapCause.TALLY, ward),))
        assert expected == accepted_tallies(dataset(declared_tallies=[school, ward]))

    def test_for_the_same_unit_the_longer_period_wins(self) -> None:
        """
        The year's tally wins over the first quarter's of the same ward.
        """
        quarter = tally("K1", TallyFigure.SLIPS_COLLECTED, period="2017-Q1")
        whole = tally("K2", TallyFigure.SLIPS_COLLECTED, period="2017")
        expected = ((whole,), (TallyOverlap(quarter, OverlapCause.TALLY, whole),))
        assert expected == accepted_tallies(dataset(declared_tallies=[quarter, whole]))

    def test_for_the_same_unit_and_period_the_first_identifier_wins(self) -> None:
        """
        Of two tallies alike but for their ids, the first id in order counts.
        """
        second = tally("K2", TallyFigure.SESSIONS, 7)
        first = tally("K1", TallyFigure.SESSIONS, 3)
        expected = ((first,), (TallyOverlap(second, OverlapCause.TALLY, first),))
        assert expected == accepted_tallies(dataset(declared_tallies=[second, first]))

    def test_the_higher_unit_wins_before_the_longer_period(self) -> None:
        """
        A city's quarter wins over a ward's year: the unit is compared first.
        """
        ward = tally("K1", TallyFigure.SESSIONS, unit=T01, period="2016..2018")
        city = tally("K2", TallyFigure.SESSIONS, unit=CITY, period="2017-Q1")
        accepted, _ = accepted_tallies(dataset(declared_tallies=[ward, city]))
        assert (city,) == accepted

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            pytest.param(
                tally("K1", TallyFigure.MODEL_GROUPS, group_kind=MEDIATION),
                tally("K2", TallyFigure.MODEL_GROUPS, unit=T01, group_kind=YOUTH),
                id="groups-of-two-kinds",
            ),
            pytest.param(
                tally("K1", TallyFigure.REINTEGRATION_CASES, category=PARDONED),
                tally("K2", TallyFigure.REINTEGRATION_PROGRESSED, category=PARDONED),
                id="cases-and-progressed",
            ),
            pytest.param(
                tally("K1", TallyFigure.SESSIONS),
                tally("K2", TallyFigure.PARTICIPANT_TURNS),
                id="two-figures",
            ),
            pytest.param(
                tally("K1", TallyFigure.SESSIONS, unit=WARD),
                tally("K2", TallyFigure.SESSIONS, unit=OTHER_WARD),
                id="sibling-units",
            ),
            pytest.param(
                tally("K1", TallyFigure.SESSIONS, unit=CITY, period="2017-Q1"),
                tally("K2", TallyFigure.SESSIONS, unit=T01, period="2017-Q2"),
                id="periods-without-a-common-day",
            ),
        ],
    )
    def test_tallies_that_do_not_overlap_both_count(
        self, first: DeclaredTally, second: DeclaredTally
    ) -> None:
        """
        Different figures or kinds, units side by side, or disjoint periods both count.
        """
        expected = ((first, second), ())
        assert expected == accepted_tallies(dataset(declared_tallies=[first, second]))

    def test_accepted_tallies_keep_the_datasets_order(self) -> None:
        """
        The tallies that count are returned in the order of the dataset.
        """
        tallies = [
            tally("K3", TallyFigure.SESSIONS, unit=T01),
            tally("K1", TallyFigure.SESSIONS, unit=OTHER_WARD),
            tally("K2", TallyFigure.SESSIONS, unit=T02),
        ]
        expected = (tuple(tallies), ())
        assert expected == accepted_tallies(dataset(declared_tallies=tallies))

    def test_a_tally_set_aside_by_records_sets_no_other_aside(self) -> None:
        """
        The city's tally gives way to records elsewhere; the ward's, without records, counts.
        """
        city = tally("K1", TallyFigure.HAMLETS_MOBILISED, 9, unit=CITY)
        ward = tally("K2", TallyFigure.HAMLETS_MOBILISED, 2, unit=WARD)
        data = dataset(sessions=[session("S1", place=OTHER_T01)], declared_tallies=[city, ward])
        expected = ((ward,), (TallyOverlap(city, RECORDS_WIN),))
        assert expected == accepted_tallies(data)
        assert 3 == summarize(data).hamlets_mobilised

    def test_a_tally_of_an_unknown_unit_is_set_aside(self) -> None:
        """
        A tally of a code not in the registry is set aside, saying so, and counts nowhere.
        """
        stray = tally("K1", TallyFigure.SESSIONS, unit="09999")
        data = dataset(declared_tallies=[stray])
        expected = ((), (TallyOverlap(stray, OverlapCause.UNKNOWN_UNIT),))
        assert expected == accepted_tallies(data)
        assert 0 == summarize(data).sessions
        assert "its unit is not in the registry" == accepted_tallies(data)[1][0].reason

    def test_an_empty_dataset_has_no_tally(self) -> None:
        """
        Without tallies nothing is accepted or set aside.
        """
        assert ((), ()) == accepted_tallies(dataset())

    def test_a_tally_listed_twice_counts_once(self) -> None:
        """
        One tally object listed twice is counted once, and the copy is set aside.
        """
        twice = tally("K1", TallyFigure.SESSIONS, 5)
        assert 5 == summarize(dataset(declared_tallies=[twice, twice])).sessions

    def test_a_hamlets_tally_of_slips_gives_way_to_the_slips_received_from_it(self) -> None:
        """
        Tổ 1 declares 4 slips; the ward received 3 slip records from tổ 1: records win.
        """
        tips = [
            TipRecord(f"T{n}", day("2017-03-08"), WARD, TipChannel.FORM, origin_code=T01)
            for n in range(3)
        ]
        data = dataset(
            tips=tips, declared_tallies=[tally("K1", TallyFigure.SLIPS_COLLECTED, 4, unit=T01)]
        )
        assert 3 == summarize(data, unit=WARD).slips_collected


class TestDeclaredCounts:
    """
    CR-10: how accepted tallies add to a summary.
    """

    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            pytest.param("2017", 5, id="the-year"),
            pytest.param("2017-Q1", 5, id="exactly-the-tallys-period"),
            pytest.param("2016-12..2017-04", 5, id="a-longer-period"),
            pytest.param("2017-01", 0, id="a-part-of-it"),
            pytest.param("2017-02..2017-06", 0, id="overlapping-it"),
            pytest.param("2018", 0, id="after-it"),
        ],
    )
    def test_a_tally_counts_when_its_period_lies_inside(self, period: str, expected: int) -> None:
        """
        A first-quarter tally counts only in periods that hold the whole quarter.
        """
        data = dataset(declared_tallies=[tally("K1", TallyFigure.SESSIONS, period="2017-Q1")])
        assert expected == summarize(data, period=Period.parse(period)).sessions

    @pytest.mark.parametrize(
        ("unit", "descendants", "expected"),
        [
            pytest.param(None, True, 5, id="everything"),
            pytest.param(CITY, True, 5, id="the-city"),
            pytest.param(WARD, True, 5, id="the-ward"),
            pytest.param(WARD, False, 5, id="the-ward-itself"),
            pytest.param(CITY, False, 0, id="the-city-itself"),
            pytest.param(OTHER_WARD, True, 0, id="another-ward"),
            pytest.param(T01, True, 0, id="a-hamlet-of-the-ward"),
        ],
    )
    def test_a_tally_counts_in_the_scopes_that_hold_its_unit(
        self, *, unit: str | None, descendants: bool, expected: int
    ) -> None:
        """
        The ward's tally counts for the ward and above it, not below or beside it.
        """
        data = dataset(declared_tallies=[tally("K1", TallyFigure.SESSIONS)])
        assert expected == summarize(data, unit=unit, descendants=descendants).sessions

    def test_an_organisations_tally_counts_in_its_units_scope(self) -> None:
        """
        The school's tally counts for the school, its ward and the city.
        """
        data = dataset(declared_tallies=[tally("K1", TallyFigure.SESSIONS, 2, unit=SCHOOL)])
        expected = [2, 2, 2, 0]
        actual = [summarize(data, unit=code).sessions for code in (SCHOOL, WARD, CITY, T01)]
        assert expected == actual

    def test_additive_figures_add_to_the_records(self) -> None:
        """
        Declared sessions, turns, slips and valuable tips add to the counts of records.
        """
        data = dataset(
            sessions=[session("S1", turns=30)],
            tips=[valuable("T1"), slip("T2")],
            declared_tallies=[
                tally("K1", TallyFigure.SESSIONS, 4, unit=OTHER_WARD),
                tally("K2", TallyFigure.PARTICIPANT_TURNS, 200, unit=OTHER_WARD),
                tally("K3", TallyFigure.SLIPS_COLLECTED, 40, unit=OTHER_WARD),
                tally("K4", TallyFigure.VALUABLE_TIPS, 8, unit=OTHER_WARD),
            ],
        )
        found = summarize(data)
        expected = (5, 230, 42, 9, Fraction(9, 42))
        actual = (
            found.sessions,
            found.participant_turns,
            found.slips_collected,
            found.valuable_tips,
            found.valuable_share,
        )
        assert expected == actual

    def test_additive_figures_are_not_kept_as_declared_counts(self) -> None:
        """
        Additive tallies go into the sums; only distinct figures stay in declared.
        """
        data = dataset(
            declared_tallies=[
                tally("K1", TallyFigure.SESSIONS, 4),
                tally("K2", TallyFigure.HAMLETS_MOBILISED, 3),
            ]
        )
        assert (("hamlets_mobilised", 3),) == summarize(data).declared

    def test_declared_distinct_counts_add_to_the_figures(self) -> None:
        """
        Hamlets, groups, cases, progressed and organisations declared add to records.
        """
        records: dict[str, Any] = {
            "sessions": [session("S1", place=T01), session("S2", place=SCHOOL)],
            "model_groups": [group("G1", MEDIATION)],
            "reintegration_cases": [case("R1", PARDONED, progressed=True)],
        }
        other: dict[str, Any] = {"unit": OTHER_WARD}
        tallies = [
            tally("K1", TallyFigure.HAMLETS_MOBILISED, 4, **other),
            tally("K2", TallyFigure.MODEL_GROUPS, 6, group_kind=MEDIATION, **other),
            tally("K3", TallyFigure.MODEL_GROUPS, 2, group_kind=YOUTH, **other),
            tally("K4", TallyFigure.REINTEGRATION_CASES, 3, category=PARDONED, **other),
            tally("K5", TallyFigure.REINTEGRATION_PROGRESSED, 1, category=RELEASED, **other),
            tally(
                "K6",
                TallyFigure.ORGANISATIONS_TAKING_PART,
                2,
                organisation_kind=OrganisationKind.ENTERPRISE,
                **other,
            ),
        ]
        found = summarize(dataset(declared_tallies=tallies, **records))
        expected = (
            5,
            {YOUTH: 2, MEDIATION: 7},
            {PARDONED: 4},
            {PARDONED: 1, RELEASED: 1},
            {OrganisationKind.ENTERPRISE: 2, OrganisationKind.SCHOOL: 1},
        )
        actual = (
            found.hamlets_mobilised,
            found.model_groups_by_kind,
            found.reintegration_by_category,
            found.reintegration_progressed_by_category,
            found.organisations_by_kind,
        )
        assert expected == actual

    def test_declared_counts_are_keyed_by_figure_and_kind(self) -> None:
        """
        declared_counts keys a figure by kind as "figure:kind" and sums alike tallies.
        """
        tallies = [
            tally("K1", TallyFigure.MODEL_GROUPS, 2, group_kind=MEDIATION),
            tally("K2", TallyFigure.MODEL_GROUPS, 3, unit=OTHER_WARD, group_kind=MEDIATION),
            tally("K3", TallyFigure.SLIPS_COLLECTED, 7),
            tally("K4", TallyFigure.SLIPS_COLLECTED, 100, period="2018"),
        ]
        expected = {"model_groups:mediation_group": 5, "slips_collected": 7}
        assert expected == dict(declared_counts(tallies, scope()))

    def test_tallies_of_a_distinct_figure_for_disjoint_periods_add_up(self) -> None:
        """
        As documented: 5 mediation groups declared for Q1 and for Q2 make 10 in the year.
        """
        tallies = [
            tally(f"K{q}", TallyFigure.MODEL_GROUPS, 5, period=f"2017-Q{q}", group_kind=MEDIATION)
            for q in (1, 2)
        ]
        found = summarize(dataset(declared_tallies=tallies)).model_groups_by_kind
        assert {MEDIATION: 10} == found

    def test_a_tally_of_zero_leaves_no_trace(self) -> None:
        """
        A tally of 0 adds nothing, and the summary keeps no key for it.
        """
        data = dataset(declared_tallies=[tally("K1", TallyFigure.HAMLETS_MOBILISED, 0)])
        assert Summary() == summarize(data)


# Summaries ------------------------------------------------------------------------------

# CR-11 ----------------------------------------------------------------------------------


def handled(
    id_: str,
    received_on: str = "2017-03-10",
    *,
    decided_on: str | None = None,
    decision: TipDecision = TipDecision.NOT_PROSECUTE,
    receiver: str = WARD,
    channel: TipChannel = TipChannel.PHONE,
    extensions: tuple[TipExtension, ...] = (),
    resumed_on: str | None = None,
    legal_kind: TipLegalKind | None = TipLegalKind.DENUNCIATION,
) -> TipRecord:
    """
    Return a denunciation telephoned to Đức Xuân on 10 March 2017 unless told.

    Its 20 days end on 30 March; a day of decision comes with *decision*.
    """
    return TipRecord(
        id_,
        day(received_on),
        receiver,
        channel,
        legal_kind=legal_kind,
        decision=None if decided_on is None else decision,
        decided_on=None if decided_on is None else day(decided_on),
        extensions=extensions,
        resumed_on=None if resumed_on is None else day(resumed_on),
    )


def judged(tips: Sequence[TipRecord], *, unit: str | None = None, **scoped: Any) -> tuple[int, ...]:
    """
    Return CR-11 for *tips* in REGISTRY over 2017, judged as *scoped* says.
    """
    return tips_by_time_limit(tips, Scope.of(dataset(tips=tips), unit=unit, **scoped))


SUSPEND = TipDecision.SUSPEND

#: An extension by the handling agency to 2 months after 10 March 2017.
EXTENDED = TipExtension(day("2017-03-25"), day("2017-05-10"), ExtensionGrantor.HANDLING_AGENCY)


class TestTipsByTimeLimit:
    """
    CR-11: tips decided in time, decided late, and overdue (Điều 147 and 148).
    """

    @pytest.mark.parametrize(
        ("tip", "expected"),
        [
            pytest.param(handled("H1", decided_on="2017-03-30"), (1, 0, 0), id="in-time"),
            pytest.param(handled("H1", decided_on="2017-03-31"), (0, 1, 0), id="late"),
            pytest.param(handled("H1"), (0, 0, 1), id="overdue"),
            pytest.param(handled("H1", "2017-12-20"), (0, 0, 0), id="pending"),
            pytest.param(handled("H1", "2017-12-11"), (0, 0, 0), id="pending-on-its-last-day"),
            pytest.param(handled("H1", "2017-12-10"), (0, 0, 1), id="overdue-by-a-day"),
            pytest.param(
                handled("H1", decided_on="2017-03-30", decision=SUSPEND),
                (1, 0, 0),
                id="suspended-on-the-deadline-is-decided-in-time",
            ),
            pytest.param(
                handled("H1", decided_on="2017-04-05", decision=SUSPEND),
                (0, 1, 0),
                id="suspended-late-is-decided-late",
            ),
            pytest.param(
                handled("H1", decided_on="2017-04-05", decision=SUSPEND, resumed_on="2017-05-01"),
                (0, 1, 0),
                id="resumed-counts-by-its-suspension",
            ),
            pytest.param(
                handled("H1", decided_on="2017-03-30", decision=SUSPEND, resumed_on="2017-04-10"),
                (1, 0, 0),
                id="resumed-without-a-new-decision-is-never-overdue",
            ),
            pytest.param(
                handled("H1", "2017-12-01", decided_on="2018-01-05", decision=SUSPEND),
                (0, 0, 1),
                id="suspended-after-the-day-of-judgement-is-overdue",
            ),
            pytest.param(
                handled("H1", decided_on="2017-05-10", extensions=(EXTENDED,)),
                (1, 0, 0),
                id="decided-on-the-last-day-of-an-extension",
            ),
            pytest.param(
                handled("H1", decided_on="2017-05-11", extensions=(EXTENDED,)),
                (0, 1, 0),
                id="decided-the-day-after-an-extension",
            ),
            pytest.param(
                handled("H1", extensions=(EXTENDED,)), (0, 0, 1), id="overdue-after-an-extension"
            ),
            pytest.param(
                handled("H1", decided_on="2017-03-31", legal_kind=None),
                (0, 0, 0),
                id="a-slip-without-legal-kind-decided-late",
            ),
            pytest.param(handled("H1", legal_kind=None), (0, 0, 0), id="undecided-without-kind"),
            pytest.param(
                handled("H1", decided_on="2017-03-31", receiver=OTHER_WARD),
                (0, 0, 0),
                id="received-outside-the-scope",
            ),
            pytest.param(
                handled("H1", decided_on="2017-03-30", receiver=CITY),
                (0, 0, 0),
                id="received-above-the-scope",
            ),
            pytest.param(
                handled("H1", "2016-12-20", decided_on="2017-01-20"),
                (0, 0, 0),
                id="received-before-the-period",
            ),
            pytest.param(handled("H1", "2016-12-31"), (0, 0, 0), id="undecided-from-before"),
        ],
    )
    def test_each_tip_counts_once_or_not_at_all(
        self, tip: TipRecord, expected: tuple[int, int, int]
    ) -> None:
        """
        Judged on 31 December 2017 in Đức Xuân: decided in time, late, overdue, or none.
        """
        assert expected == judged([tip], unit=WARD)

    def test_a_tip_resumed_after_the_day_of_judgement_is_judged_as_it_stood(self) -> None:
        """
        Undecided and past its limit on 31 December, the tip is overdue that day.

        Whether it is suspended and resumed in 2018 does not change 31 December.
        """
        tip = handled("H1", "2017-12-01", decided_on="2018-01-05", decision=SUSPEND)
        resumed = attrs.evolve(tip, resumed_on=day("2018-02-01"))
        assert ((0, 0, 1), (0, 0, 1)) == (judged([tip]), judged([resumed]))

    @pytest.mark.parametrize(
        "channel", list(TipChannel), ids=[channel.value for channel in TipChannel]
    )
    def test_every_channel_counts(self, channel: TipChannel) -> None:
        """
        A classified tip counts whatever way it reached the police.
        """
        assert (0, 1, 0) == judged([handled("H1", decided_on="2017-04-01", channel=channel)])

    def test_the_counts_add_over_the_tips(self) -> None:
        """
        Two in time, one late, one overdue; the rest not counted.
        """
        tips = [
            handled("H1", decided_on="2017-03-12"),
            handled("H2", decided_on="2017-03-30", decision=SUSPEND),
            handled("H3", decided_on="2017-06-01", decision=TipDecision.PROSECUTE),
            handled("H4", "2017-11-01"),
            handled("H5", "2017-12-30"),
            handled("H6", legal_kind=None),
            handled("H7", receiver=OTHER_WARD),
        ]
        assert (2, 1, 1) == judged(tips, unit=WARD)
        assert (2, 1, 2) == judged(tips)

    def test_a_unit_above_counts_the_tips_of_the_units_below(self) -> None:
        """
        The city counts what both its wards received; a ward alone what it received.
        """
        tips = [handled("H1"), handled("H2", receiver=OTHER_WARD), handled("H3", receiver=CITY)]
        expected = ((0, 0, 3), (0, 0, 1), (0, 0, 1))
        actual = (
            judged(tips, unit=CITY),
            judged(tips, unit=WARD),
            judged(tips, unit=CITY, descendants=False),
        )
        assert expected == actual


class TestDayOfJudgement:
    """
    CR-11's day of judgement: ``as_of``, the last day of the dataset's period by default.
    """

    def test_a_scope_judges_on_its_last_day_unless_told(self) -> None:
        """
        Scope.judged_on is ``as_of``, or the period's last day.
        """
        quarter = Period.quarter(2017, 1)
        plain = Scope(quarter, frozenset(), frozenset(), {})
        told = Scope(quarter, frozenset(), frozenset(), {}, as_of=day("2017-02-01"))
        expected = (None, day("2017-03-31"), day("2017-02-01"))
        assert expected == (plain.as_of, plain.judged_on, told.judged_on)

    @pytest.mark.parametrize("unit", [None, WARD, SCHOOL], ids=["all", "ward", "organisation"])
    def test_scope_of_judges_on_the_datasets_last_day_whatever_the_period(
        self, unit: str | None
    ) -> None:
        """
        A scope for the first quarter still judges on 31 December, the dataset's last day.
        """
        found = Scope.of(dataset(), period=Period.quarter(2017, 1), unit=unit)
        assert (day("2017-12-31"), day("2017-12-31")) == (found.as_of, found.judged_on)

    def test_scope_of_keeps_the_day_given(self) -> None:
        """
        Scope.of with ``as_of`` judges on that day.
        """
        found = Scope.of(dataset(), period=Period.quarter(2017, 1), as_of=day("2017-04-15"))
        assert day("2017-04-15") == found.judged_on

    @pytest.mark.parametrize(
        ("as_of", "expected"),
        [
            pytest.param(None, (0, 1, 0), id="the-datasets-last-day"),
            pytest.param("2017-04-14", (0, 0, 0), id="on-the-deadline"),
            pytest.param("2017-04-15", (0, 0, 1), id="the-day-after-the-deadline"),
            pytest.param("2017-04-19", (0, 0, 1), id="the-day-before-the-decision"),
            pytest.param("2017-04-20", (0, 1, 0), id="the-day-of-the-decision"),
        ],
    )
    def test_a_late_decision_is_overdue_until_it_is_taken(
        self, as_of: str | None, expected: tuple[int, int, int]
    ) -> None:
        """
        Received on 25 March, due on 14 April, decided on 20 April: judged day by day.
        """
        data = dataset(tips=[handled("H1", "2017-03-25", decided_on="2017-04-20")])
        found = summarize(
            data, period=Period.quarter(2017, 1), as_of=None if as_of is None else day(as_of)
        )
        actual = (found.tips_decided_in_time, found.tips_decided_late, found.tips_overdue)
        assert expected == actual

    def test_the_summaries_of_the_quarters_judge_on_the_same_day(self) -> None:
        """
        A tip of March decided late in April is late in the first quarter's summary.
        """
        data = dataset(tips=[handled("H1", "2017-03-25", decided_on="2017-04-20")])
        quarters = [summarize(data, period=Period.quarter(2017, q)) for q in (1, 2, 3, 4)]
        expected = [(0, 1, 0), (0, 0, 0), (0, 0, 0), (0, 0, 0)]
        assert expected == [
            (s.tips_decided_in_time, s.tips_decided_late, s.tips_overdue) for s in quarters
        ]

    @pytest.mark.parametrize("by", ["quarter", "month", "commune", "hamlet"])
    def test_every_row_of_a_breakdown_judges_on_as_of(self, by: str) -> None:
        """
        With ``as_of``, the rows of a breakdown merge into the summary judged that day.
        """
        data = dataset(
            tips=[
                handled("H1", "2017-03-25", decided_on="2017-04-20"),
                handled("H2", "2017-02-01", receiver=OTHER_WARD),
                handled("H3", "2017-01-02", decided_on="2017-01-10", receiver=CITY),
            ]
        )
        as_of = day("2017-04-15")
        whole = summarize(data, as_of=as_of)
        assert (1, 0, 2) == (
            whole.tips_decided_in_time,
            whole.tips_decided_late,
            whole.tips_overdue,
        )
        assert whole == rows_merged(breakdown(data, by=by, as_of=as_of))

    def test_a_mapped_summary_judges_on_as_of(self) -> None:
        """
        Re-expressed on the units of 2025-07, a tip of Đức Xuân is judged on ``as_of``.
        """
        data = attrs.evolve(on_editions(), tips=[handled("H1")])
        found = [
            summarize(data, unit=WARD, onto=NEW_UNITS, as_of=as_of).summary.tips_overdue
            for as_of in (day("2017-03-30"), day("2017-03-31"), None)
        ]
        assert [0, 1, 1] == found


CASE_ID = "R-SECRET-0042"


def rich_summary() -> Summary:
    """
    Return a summary with every figure set, from records and tallies.
    """
    return summarize(
        dataset(
            sessions=[session("S1", turns=30, slips=3), session("S2", place=SCHOOL, turns=20)],
            tips=[
                valuable("T1"),
                slip("T2"),
                handled("T3", decided_on="2017-03-30"),
                handled("T4", decided_on="2017-04-01"),
                handled("T5"),
            ],
            model_groups=[group("G1")],
            reintegration_cases=[case(CASE_ID, progressed=True), case("R2", RELEASED)],
            declared_tallies=[
                tally("K1", TallyFigure.HAMLETS_MOBILISED, 2, unit=OTHER_WARD),
                tally("K2", TallyFigure.MODEL_GROUPS, 1, unit=OTHER_WARD, group_kind=YOUTH),
            ],
        )
    )


class TestSummary:
    """
    Summaries: values that merge as a commutative monoid.
    """

    def test_the_empty_summary_counts_nothing(self) -> None:
        """
        Summary() has every figure zero or empty, and no share of valuable tips.
        """
        expected: dict[str, Any] = {
            "sessions": 0,
            "participant_turns": 0,
            "hamlets_mobilised": 0,
            "slips_collected": 0,
            "valuable_tips": 0,
            "valuable_share": None,
            "model_groups": {},
            "reintegration_cases": {},
            "reintegration_progressed": {},
            "organisations_taking_part": {},
            "tips_decided_in_time": 0,
            "tips_decided_late": 0,
            "tips_overdue": 0,
        }
        assert expected == Summary().figures()

    def test_the_empty_summary_is_the_identity(self) -> None:
        """
        Merging with Summary() on either side changes nothing.
        """
        summary = rich_summary()
        assert (summary, summary) == (summary + Summary(), Summary().merge(summary))

    def test_plus_is_merge(self) -> None:
        """
        Adding with + is merging.
        """
        first = summarize(dataset(sessions=[session("S1")]))
        second = rich_summary()
        assert first.merge(second) == first + second

    def test_sums_add_and_sets_unite(self) -> None:
        """
        Sessions, turns, slips and valuable tips add; hamlets and groups unite.
        """
        first = Summary(2, 30, frozenset({T01}), 5, 1, frozenset({(MEDIATION, f"{T01}/G1")}))
        second = Summary(1, 20, frozenset({T02}), 4, 2, frozenset({(YOUTH, f"{T02}/G2")}))
        expected = Summary(
            3,
            50,
            frozenset({T01, T02}),
            9,
            3,
            frozenset({(MEDIATION, f"{T01}/G1"), (YOUTH, f"{T02}/G2")}),
        )
        assert expected == first + second

    def test_the_counts_of_cr_11_add(self) -> None:
        """
        Tips decided in time, late and overdue add when summaries merge.
        """
        first = Summary(tips_decided_in_time=2, tips_decided_late=1, tips_overdue=0)
        second = Summary(tips_decided_in_time=3, tips_decided_late=0, tips_overdue=4)
        expected = Summary(tips_decided_in_time=5, tips_decided_late=1, tips_overdue=4)
        assert expected == first + second

    def test_the_counts_of_cr_11_are_keywords_only(self) -> None:
        """
        The positional fields stop at the declared counts: CR-11 is named.
        """
        with pytest.raises(TypeError):
            Summary(0, 0, frozenset(), 0, 0, frozenset(), frozenset(), frozenset(), (), 1)  # type: ignore[call-arg]

    def test_the_same_hamlet_in_two_summaries_counts_once(self) -> None:
        """
        Tổ 1 mobilised in March and in October is one hamlet, two sessions.
        """
        data = dataset(sessions=[session("S1", "2017-03-08"), session("S2", "2017-10-08")])
        halves = [
            summarize(data, period=Period.parse("2017-01..2017-06")),
            summarize(data, period=Period.parse("2017-07..2017-12")),
        ]
        found = merged(halves)
        assert (2, 1) == (found.sessions, found.hamlets_mobilised)

    def test_the_same_organisation_in_two_summaries_counts_once(self) -> None:
        """
        The school taking part in both halves is one school.
        """
        sessions = [session("S1", "2017-03-08", SCHOOL), session("S2", "2017-10-08", SCHOOL)]
        data = dataset(sessions=sessions)
        halves = [
            summarize(data, period=Period.parse(p))
            for p in ("2017-01..2017-06", "2017-07..2017-12")
        ]
        assert {OrganisationKind.SCHOOL: 1} == merged(halves).organisations_by_kind

    def test_declared_counts_add_when_summaries_merge(self) -> None:
        """
        The declared counts of two summaries add, key by key.
        """
        first = Summary(declared={"hamlets_mobilised": 2, "model_groups:mediation_group": 1})
        second = Summary(declared=[("hamlets_mobilised", 3)])
        expected = (("hamlets_mobilised", 5), ("model_groups:mediation_group", 1))
        assert expected == (first + second).declared

    def test_declared_counts_are_sorted_and_zeros_dropped(self) -> None:
        """
        A summary's declared counts are kept sorted by key, without zeros.
        """
        found = Summary(declared={"model_groups:other": 1, "hamlets_mobilised": 2, "x": 0})
        expected = (("hamlets_mobilised", 2), ("model_groups:other", 1))
        assert expected == found.declared

    def test_the_valuable_share_is_an_exact_fraction(self) -> None:
        """
        662 valuable tips of 9 921 slips are exactly 662/9921, not a float.
        """
        share = Summary(slips_collected=9921, valuable_tips=662).valuable_share
        assert Fraction(662, 9921) == share
        assert isinstance(share, Fraction)

    def test_there_is_no_valuable_share_without_slips(self) -> None:
        """
        Without slips the share is None, not zero and not a division error.
        """
        assert Summary(valuable_tips=0).valuable_share is None

    def test_figures_are_keyed_by_the_glossary_identifiers(self) -> None:
        """
        figures() keys every figure and every kind by its glossary identifier.
        """
        expected = {
            "sessions": 2,
            "participant_turns": 50,
            "hamlets_mobilised": 3,
            "slips_collected": 5,
            "valuable_tips": 1,
            "valuable_share": "1/5",
            "model_groups": {"youth_shock_team": 1, "mediation_group": 1},
            "reintegration_cases": {"pardoned": 1, "released_prisoner": 1},
            "reintegration_progressed": {"pardoned": 1},
            "organisations_taking_part": {"school": 1},
            "tips_decided_in_time": 1,
            "tips_decided_late": 1,
            "tips_overdue": 1,
        }
        assert expected == rich_summary().figures()

    def test_the_figure_keys_name_the_tally_figures(self) -> None:
        """
        Every figure a unit may declare is a key of figures().
        """
        keys = set(Summary().figures())
        assert {figure.value for figure in TallyFigure} <= keys

    def test_summaries_are_picklable_and_equal_after_unpickling(self) -> None:
        """
        A summary survives pickling at every protocol, equal and hashing alike.
        """
        summary = rich_summary()
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            copy = pickle.loads(pickle.dumps(summary, protocol=protocol))  # noqa: S301
            assert summary == copy
            assert hash(summary) == hash(copy)

    def test_summaries_are_frozen(self) -> None:
        """
        A summary cannot be changed in place.
        """
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            Summary().sessions = 1  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            pytest.param("sessions", -1, id="sessions-negative"),
            pytest.param("sessions", True, id="sessions-bool"),
            pytest.param("participant_turns", 1.5, id="turns-float"),
            pytest.param("participant_turns", "10346", id="turns-text"),
            pytest.param("slips_collected", -9921, id="slips-negative"),
            pytest.param("valuable_tips", None, id="valuable-none"),
            pytest.param("tips_decided_in_time", -1, id="in-time-negative"),
            pytest.param("tips_decided_late", 0.5, id="late-float"),
            pytest.param("tips_overdue", False, id="overdue-bool"),
        ],
    )
    def test_counts_that_are_not_counts_are_refused(self, field: str, value: Any) -> None:
        """
        The additive figures are non-negative integers; each refusal names its field.
        """
        with pytest.raises(InvalidValueError) as caught:
            Summary(**{field: value})
        assert ("Summary", field) == (caught.value.owner, caught.value.field)

    def test_adding_something_else_is_a_type_error(self) -> None:
        """
        Summary() + 1 raises TypeError, as adding unrelated values does in Python.
        """
        with pytest.raises(TypeError):
            _ = Summary() + 1


class TestSummaryPrivacy:
    """
    A reintegration case's pseudonymous id never leaves the records.
    """

    def test_the_repr_never_shows_a_case_id(self) -> None:
        """
        The repr leaves out the cases altogether.
        """
        text = repr(rich_summary())
        assert CASE_ID not in text
        assert "reintegration_cases" not in text

    def test_the_figures_never_show_a_case_id(self) -> None:
        """
        figures() holds counts by category only.
        """
        assert CASE_ID not in str(rich_summary().figures())

    def test_a_pickle_never_holds_a_case_id(self) -> None:
        """
        At every protocol, the pickled summary holds no trace of the id.
        """
        summary = rich_summary()
        dumps = [pickle.dumps(summary, protocol=p) for p in range(pickle.HIGHEST_PROTOCOL + 1)]
        assert not any(CASE_ID.encode() in dump for dump in dumps)

    def test_the_summary_keeps_a_token_instead(self) -> None:
        """
        Two cases give two tokens, neither of which is or holds an id.
        """
        tokens = {token for _, token, _ in rich_summary().reintegration_cases}
        assert 2 == len(tokens)
        assert not any(CASE_ID in token or "R2" in token for token in tokens)


# Breakdowns -----------------------------------------------------------------------------


class TestBreakdown:
    """
    breakdown(): rows by unit level or by calendar part, merging back to the whole.
    """

    def test_rows_by_commune_follow_the_registry_then_what_sits_above(self) -> None:
        """
        One row per ward in registry order, then "*" with the city's own slips.
        """
        data = dataset(
            sessions=[session("S1"), session("S2", place=OTHER_T01)],
            tips=[slip("T1", receiver=CITY)],
        )
        rows = breakdown(data, by="commune")
        expected = [(WARD, WARD, 1, 0), (OTHER_WARD, OTHER_WARD, 1, 0), ("*", None, 0, 1)]
        actual = [
            (
                row.key,
                None if row.unit is None else row.unit.code,
                row.summary.sessions,
                row.summary.slips_collected,
            )
            for row in rows
        ]
        assert expected == actual

    def test_no_star_row_when_nothing_sits_above(self) -> None:
        """
        Without records above the wards, there is a row per ward and no more.
        """
        rows = breakdown(dataset(sessions=[session("S1")]), by="commune", unit=CITY)
        assert [WARD, OTHER_WARD] == [row.key for row in rows]

    def test_rows_by_hamlet_leave_organisations_and_wards_to_the_star_row(self) -> None:
        """
        By hamlet, the school's session and the ward's slips belong to the "*" row.
        """
        data = dataset(
            sessions=[session("S1", place=T02), session("S2", place=SCHOOL)],
            tips=[slip("T1")],
        )
        rows = breakdown(data, by="hamlet", unit=WARD)
        expected = [(T01, 0, 0), (T02, 1, 0), ("*", 1, 1)]
        actual = [(r.key, r.summary.sessions, r.summary.slips_collected) for r in rows]
        assert expected == actual

    def test_rows_by_level_merge_back_into_the_whole(self) -> None:
        """
        Rows by district, commune and hamlet each merge into the summary of the whole.
        """
        data = dataset(
            sessions=[session("S1", slips=2), session("S2", place=SCHOOL, turns=7)],
            tips=[valuable("T1", receiver=CITY), slip("T2", receiver=OTHER_WARD)],
            model_groups=[group("G1"), group("G2", YOUTH, OTHER_WARD)],
            reintegration_cases=[case("R1"), case("R2", unit=OTHER_T01)],
            declared_tallies=[tally("K1", TallyFigure.HAMLETS_MOBILISED, 3, unit=PROVINCE)],
        )
        whole = summarize(data)
        expected = [whole, whole, whole]
        assert expected == [
            rows_merged(breakdown(data, by=b)) for b in ("district", "commune", "hamlet")
        ]

    def test_each_row_covers_the_whole_period(self) -> None:
        """
        Rows by unit carry the breakdown's period, the dataset's unless given.
        """
        quarter = Period.quarter(2017, 3)
        rows = breakdown(dataset(), by="commune", period=quarter)
        assert [quarter, quarter] == [row.period for row in rows]

    def test_rows_by_month_are_the_calendar_months(self) -> None:
        """
        By month, 2017 gives twelve rows keyed by their periods, with no unit.
        """
        rows = breakdown(dataset(sessions=[session("S1", "2017-03-08")]), by="month")
        expected = [(str(p), p, None) for p in YEAR.split("month")]
        assert expected == [(row.key, row.period, row.unit) for row in rows]
        assert [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0] == [row.summary.sessions for row in rows]

    def test_rows_by_time_are_clipped_to_the_period(self) -> None:
        """
        15 February to 10 July splits into three parts of quarters, clipped to it.
        """
        period = Period.parse("2017-02-15..2017-07-10")
        rows = breakdown(dataset(), by="quarter", period=period)
        expected = ["2017-02-15..2017-03-31", "2017-04-01..2017-06-30", "2017-07-01..2017-07-10"]
        assert expected == [row.key for row in rows]

    def test_a_tally_spanning_several_parts_counts_in_none_of_them(self) -> None:
        """
        The documented exception: a half-year tally counts in the year, not in a quarter.
        """
        data = dataset(
            declared_tallies=[
                tally("K1", TallyFigure.SESSIONS, 6, period="2017-01..2017-06"),
                tally("K2", TallyFigure.SESSIONS, 1, unit=OTHER_WARD, period="2017-Q3"),
            ]
        )
        rows = breakdown(data, by="quarter")
        expected = (7, [0, 0, 1, 0], 1)
        actual = (
            summarize(data).sessions,
            [row.summary.sessions for row in rows],
            rows_merged(rows).sessions,
        )
        assert expected == actual

    def test_an_unknown_breakdown_is_refused(self) -> None:
        """
        by="week" raises InvalidValueError naming the field and the ways known.
        """
        with pytest.raises(InvalidValueError, match="'district'") as caught:
            breakdown(dataset(), by="week")
        assert ("breakdown", "by", "week") == (
            caught.value.owner,
            caught.value.field,
            caught.value.value,
        )

    def test_an_unknown_unit_is_refused(self) -> None:
        """
        A breakdown below a unit not in the registry raises UnknownUnitError.
        """
        with pytest.raises(UnknownUnitError):
            breakdown(dataset(), by="commune", unit="09999")

    def test_an_organisation_does_not_break_down_by_level(self) -> None:
        """
        An organisation has no unit below it: a breakdown by level is refused by name.
        """
        with pytest.raises(InvalidValueError) as info:
            breakdown(dataset(), by="hamlet", unit=SCHOOL)
        assert "unit" == info.value.field


# Summaries on another edition ----------------------------------------------------------------

OLD_UNITS, NEW_UNITS = official.edition("2025-01"), official.edition("2025-07")
PARDONED_TALLY = "reintegration_cases:pardoned"

#: An edition after 2025-01 in which Phùng Chí Kiên was split and Bắc Kạn city has no
#: known successor.
SPLIT = Edition(
    "2026-01",
    UnitRegistry(
        [
            Unit("19", "Thái Nguyên", UnitKind.PROVINCE),
            Unit(WARD, "Đức Xuân", UnitKind.WARD, parent_code="19"),
            Unit(OTHER_WARD, "Bắc Kạn", UnitKind.WARD, parent_code="19"),
            Unit("01850", "Sông Cầu", UnitKind.WARD, parent_code="19"),
        ]
    ),
    in_force_from=day("2026-01-01"),
    successions=[
        Succession("2025-01", PROVINCE, "2026-01", "19", effective=day("2026-01-01")),
        Succession("2025-01", WARD, "2026-01", WARD, effective=day("2026-01-01")),
        *(
            Succession(
                "2025-01", OTHER_WARD, "2026-01", code, effective=day("2026-01-01"), whole=False
            )
            for code in (OTHER_WARD, "01850")
        ),
    ],
)


def on_editions() -> MovementDataset:
    """
    Return a dataset of 2017 on edition 2025-01, with figures at every level.

    A session in each ward's hamlet and one at the school, a slip received by the city,
    and a tally of the province.
    """
    return dataset(
        sessions=[session("S1"), session("S2", place=OTHER_T01), session("S3", place=SCHOOL)],
        tips=[slip("TIP1", receiver=CITY)],
        declared_tallies=[
            tally(
                "DT1",
                TallyFigure.REINTEGRATION_CASES,
                unit=PROVINCE,
                category=ReintegrationCategory.PARDONED,
            )
        ],
        edition=OLD_UNITS,
    )


def apart(mapped: MappedSummary) -> dict[str, tuple[tuple[str, ...], int, int, int]]:
    """
    Return what is not attributable: the old unit, its successors, sessions, slips, tally.
    """
    return {
        part.unit.code: (
            part.successors,
            part.summary.sessions,
            part.summary.slips_collected,
            dict(part.summary.declared).get(PARDONED_TALLY, 0),
        )
        for part in mapped.not_attributable
    }


class TestMappedSummary:
    """
    Summaries of a dataset re-expressed on the units of another edition.
    """

    def test_successor_codes_map_hamlets_and_organisations_with_their_commune(self) -> None:
        """
        Each unit maps to where it went; a hamlet and a school as their ward does.
        """
        expected = {
            PROVINCE: ("19",),
            CITY: (WARD, OTHER_WARD, "01849"),
            WARD: (WARD,),
            OTHER_WARD: (OTHER_WARD,),
            T01: (WARD,),
            T02: (WARD,),
            OTHER_T01: (OTHER_WARD,),
            SCHOOL: (WARD,),
        }
        assert expected == successor_codes(on_editions(), NEW_UNITS)

    def test_onto_the_whole_edition_everything_is_attributed(self) -> None:
        """
        Without a unit, the summary is the dataset's, and nothing is set apart.
        """
        data = on_editions()
        mapped = summarize(data, onto=NEW_UNITS)
        assert MappedSummary("2025-07", None, summarize(data)) == mapped

    def test_the_new_province_gets_everything(self) -> None:
        """
        Thái Nguyên (19) holds every unit the old province went into.
        """
        data = on_editions()
        mapped = summarize(data, unit="19", onto=NEW_UNITS)
        expected = (NEW_UNITS.registry.get("19"), summarize(data), ())
        assert expected == (mapped.unit, mapped.summary, mapped.not_attributable)

    @pytest.mark.parametrize(
        ("unit", "sessions", "expected_apart"),
        [
            (
                WARD,
                2,
                {CITY: ((WARD, OTHER_WARD, "01849"), 0, 1, 0), PROVINCE: (("19",), 0, 0, 5)},
            ),
            (
                OTHER_WARD,
                1,
                {CITY: ((WARD, OTHER_WARD, "01849"), 0, 1, 0), PROVINCE: (("19",), 0, 0, 5)},
            ),
            (
                "01849",
                0,
                {CITY: ((WARD, OTHER_WARD, "01849"), 0, 1, 0), PROVINCE: (("19",), 0, 0, 5)},
            ),
        ],
        ids=["duc-xuan", "bac-kan", "phong-quang"],
    )
    def test_a_ward_gets_its_own_and_sets_apart_the_split_city_and_the_province(
        self, unit: str, sessions: int, expected_apart: dict[str, Any]
    ) -> None:
        """
        The city went into three wards in part, the province into one above: set apart.
        """
        mapped = summarize(on_editions(), unit=unit, onto=NEW_UNITS)
        assert (sessions, expected_apart) == (mapped.summary.sessions, apart(mapped))

    def test_a_split_ward_is_set_apart_in_each_of_its_parts(self) -> None:
        """
        Phùng Chí Kiên went into two wards: its session counts in neither, apart in both.
        """
        data = on_editions()
        parts = [summarize(data, unit=code, onto=SPLIT) for code in (OTHER_WARD, "01850")]
        expected_apart = {
            OTHER_WARD: ((OTHER_WARD, "01850"), 1, 0, 0),
            CITY: ((), 0, 1, 0),
            PROVINCE: (("19",), 0, 0, 5),
        }
        assert [(Summary(), expected_apart)] * 2 == [(part.summary, apart(part)) for part in parts]

    def test_a_unit_without_a_known_successor_is_set_apart_everywhere(self) -> None:
        """
        Over the whole edition, only the city, with no successor, is set apart.
        """
        data = on_editions()
        mapped = summarize(data, onto=SPLIT)
        assert ({CITY: ((), 0, 1, 0)}, summarize(data)) == (apart(mapped), mapped.total)

    def test_a_part_set_apart_is_the_old_unit_with_its_figures(self) -> None:
        """
        NotAttributable holds the old unit itself, its successors and its summary.
        """
        data = on_editions()
        (part,) = summarize(data, onto=SPLIT).not_attributable
        expected = NotAttributable(
            REGISTRY.get(CITY), (), summarize(data, unit=CITY, descendants=False)
        )
        assert expected == part

    def test_the_total_adds_what_is_set_apart(self) -> None:
        """
        The total is the summary merged with every part set apart.
        """
        mapped = summarize(on_editions(), unit=OTHER_WARD, onto=SPLIT)
        expected = merged([mapped.summary, *(part.summary for part in mapped.not_attributable)])
        assert expected == mapped.total

    def test_an_organisation_set_apart_goes_with_its_commune(self) -> None:
        """
        The school of a split ward is set apart with the ward, under the ward's code.
        """
        school = attrs.evolve(REGISTRY.organisations[0], unit_code=OTHER_WARD)
        registry = UnitRegistry(REGISTRY.units, organisations=[school])
        data = attrs.evolve(on_editions(), registry=registry)
        mapped = summarize(data, unit="01850", onto=SPLIT)
        assert ((OTHER_WARD, "01850"), 2, 0, 0) == apart(mapped)[OTHER_WARD]

    def test_a_province_is_more_than_its_communes_when_a_commune_was_split(self) -> None:
        """
        A province is not the sum of its communes' summaries.

        Phùng Chí Kiên's session and the old province's tally count for the new province,
        but for none of its wards.
        """
        data = on_editions()
        wards = [summarize(data, unit=code, onto=SPLIT) for code in (WARD, OTHER_WARD, "01850")]
        province = summarize(data, unit="19", onto=SPLIT)
        summed = merged(ward.summary for ward in wards)
        assert (2, 3) == (summed.sessions, province.summary.sessions)
        assert ({}, {PARDONED_TALLY: 5}) == (dict(summed.declared), dict(province.summary.declared))

    def test_onto_its_own_edition_a_ward_sets_apart_what_sits_above_it(self) -> None:
        """
        Mapped onto its own edition, a ward keeps its summary and sets apart what is above.

        The city's slip and the province's tally, which may lie in it in part, are set apart.
        """
        data = on_editions()
        mapped = summarize(data, unit=WARD, onto=OLD_UNITS)
        expected_apart = {CITY: ((CITY,), 0, 1, 0), PROVINCE: ((PROVINCE,), 0, 0, 5)}
        assert (summarize(data, unit=WARD), expected_apart) == (mapped.summary, apart(mapped))

    def test_a_period_narrows_the_mapped_summary(self) -> None:
        """
        The period given counts as it does without an edition.
        """
        data = attrs.evolve(on_editions(), sessions=[session("S1"), session("S2", "2017-09-01")])
        mapped = summarize(data, period=Period.parse("2017-01..2017-06"), onto=NEW_UNITS)
        assert 1 == mapped.summary.sessions

    def test_a_dataset_without_an_edition_cannot_be_mapped(self) -> None:
        """
        The dataset must name the edition its units come from.
        """
        with pytest.raises(InvalidValueError) as info:
            summarize(dataset(), onto=NEW_UNITS)
        assert ("onto", "2025-07") == (info.value.field, info.value.value)

    def test_successor_codes_need_the_datasets_edition_too(self) -> None:
        """
        successor_codes refuses a dataset without an edition.
        """
        with pytest.raises(InvalidValueError, match="names no edition"):
            successor_codes(dataset(), NEW_UNITS)

    def test_a_mapped_summary_covers_the_units_below(self) -> None:
        """
        descendants=False cannot be re-expressed on another edition.
        """
        with pytest.raises(InvalidValueError) as info:
            summarize(on_editions(), unit="19", descendants=False, onto=NEW_UNITS)
        assert "descendants" == info.value.field

    def test_the_unit_must_be_a_unit_of_the_target_edition(self) -> None:
        """
        The city is not a unit of 2025-07.
        """
        with pytest.raises(UnknownUnitError):
            summarize(on_editions(), unit=CITY, onto=NEW_UNITS)


# Laws -------------------------------------------------------------------------------------


@st.composite
def built_summaries(draw: st.DrawFn) -> Summary:
    """
    Draw a summary from small pools of hamlets, groups, cases and organisations.

    Small pools make summaries share what they count, which the laws must handle.
    """
    counts = st.integers(0, 1000)
    places = st.sampled_from([T01, T02, OTHER_T01])
    # A case is one record: its token always comes with the same progress.
    cases = st.sampled_from([(PARDONED, "a" * 24, True), (RELEASED, "b" * 24, False)])
    keys = st.sampled_from(
        ["hamlets_mobilised", "model_groups:mediation_group", "reintegration_cases:pardoned"]
    )
    return Summary(
        draw(counts),
        draw(counts),
        draw(st.frozensets(places)),
        draw(counts),
        draw(counts),
        draw(st.frozensets(st.tuples(st.sampled_from([MEDIATION, YOUTH]), places))),
        draw(st.frozensets(cases)),
        draw(st.frozensets(st.tuples(st.sampled_from(OrganisationKind), places))),
        draw(st.dictionaries(keys, counts)),
        tips_decided_in_time=draw(counts),
        tips_decided_late=draw(counts),
        tips_overdue=draw(counts),
    )


#: Summaries built directly, or counted from generated datasets with tallies.
summaries = built_summaries() | testing.datasets(max_declared_tallies=4).map(summarize)


@st.composite
def shuffled(draw: st.DrawFn, dataset: MovementDataset) -> MovementDataset:
    """
    Draw the dataset with each of its record lists in another order.
    """
    lists = (
        "campaigns",
        "sessions",
        "tips",
        "model_groups",
        "reintegration_cases",
        "declared_tallies",
    )
    changes: dict[str, Any] = {
        name: draw(st.permutations(getattr(dataset, name))) for name in lists
    }
    return attrs.evolve(dataset, **changes)


def unit_codes(dataset: MovementDataset) -> Sequence[str]:
    """
    Return the codes of the dataset's units.
    """
    return [unit.code for unit in dataset.registry.units]


class TestLaws:
    """
    The laws of summaries over generated values: monoid, order, split and roll-up.
    """

    @laws
    @given(summaries)
    def test_the_empty_summary_is_an_identity(self, summary: Summary) -> None:
        """
        Merging with Summary() on either side gives the summary back.
        """
        assert summary == summary + Summary()
        assert summary == Summary() + summary

    @laws
    @given(summaries, summaries, summaries)
    def test_merging_is_associative(self, a: Summary, b: Summary, c: Summary) -> None:
        """
        Grouping does not matter: (a + b) + c == a + (b + c).
        """
        assert (a + b) + c == a + (b + c)

    @laws
    @given(summaries, summaries)
    def test_merging_is_commutative(self, a: Summary, b: Summary) -> None:
        """
        The order of two summaries does not matter: a + b == b + a.
        """
        assert a + b == b + a

    @laws
    @given(summaries)
    def test_merging_a_summary_with_itself_keeps_distinct_counts(self, summary: Summary) -> None:
        """
        Merging a summary with itself doubles sums but keeps the sets.
        """
        double = summary + summary
        expected = (summary.hamlets, summary.model_groups, summary.organisations)
        assert expected == (double.hamlets, double.model_groups, double.organisations)
        assert 2 * summary.sessions == double.sessions
        assert tuple(2 * n for n in limits(summary)) == limits(double)

    @laws
    @given(st.data())
    def test_the_order_of_records_does_not_matter(self, data: st.DataObject) -> None:
        """
        Shuffling every record list of a dataset, tallies included, gives the same summary.
        """
        dataset = data.draw(testing.datasets(max_declared_tallies=6))
        other = data.draw(shuffled(dataset))
        unit = data.draw(st.none() | st.sampled_from(unit_codes(dataset)))
        assert summarize(dataset, unit=unit) == summarize(other, unit=unit)
        accepted = [{t.id for t in accepted_tallies(d)[0]} for d in (dataset, other)]
        assert accepted[0] == accepted[1]

    @pytest.mark.parametrize("by", ["month", "quarter", "year"])
    @laws
    @given(dataset=testing.datasets())
    def test_the_parts_of_the_period_merge_into_the_whole(
        self, by: str, dataset: MovementDataset
    ) -> None:
        """
        Without tallies, the rows by month, quarter or year merge into the whole.
        """
        assert summarize(dataset) == rows_merged(breakdown(dataset, by=by))

    @laws
    @given(testing.datasets(max_declared_tallies=8))
    def test_a_unit_is_itself_plus_its_children(self, dataset: MovementDataset) -> None:
        """
        For every unit, its summary is its own (descendants=False) merged with its children's.
        """
        registry = dataset.registry
        for unit in registry.units:
            parts = [
                summarize(dataset, unit=unit.code, descendants=False),
                *(summarize(dataset, unit=child.code) for child in registry.children(unit.code)),
            ]
            assert summarize(dataset, unit=unit.code) == merged(parts)

    @pytest.mark.parametrize("by", ["district", "commune", "hamlet"])
    @laws
    @given(data=st.data())
    def test_the_rows_by_level_merge_into_the_whole(self, by: str, data: st.DataObject) -> None:
        """
        Rows by level, with the "*" row, merge into the summary of the unit broken down.
        """
        dataset = data.draw(testing.datasets(max_declared_tallies=8))
        unit = data.draw(st.none() | st.sampled_from(unit_codes(dataset)))
        rows = breakdown(dataset, by=by, unit=unit)
        assert summarize(dataset, unit=unit) == rows_merged(rows)
        assert all(row.summary != Summary() for row in rows if row.key == "*")
        assert [row.key for row in rows].count("*") <= 1


@st.composite
def with_late_decisions(draw: st.DrawFn, dataset: MovementDataset) -> MovementDataset:
    """
    Draw the dataset with some of its classified tips decided after their time limit.

    antq.testing decides every tip in time; late decisions are CR-11's second count.
    """
    tips = []
    for tip in dataset.tips:
        if tip.legal_kind is not None and tip.decision is not None and draw(st.booleans()):
            deadline, _ = time_limit(tip)
            late = deadline + dt.timedelta(days=draw(st.integers(1, 90)))
            tip = attrs.evolve(tip, decided_on=late, resumed_on=None)  # noqa: PLW2901
        tips.append(tip)
    return attrs.evolve(dataset, tips=tips)


@st.composite
def judged_datasets(draw: st.DrawFn, /, **bounds: Any) -> tuple[MovementDataset, dt.date | None]:
    """
    Draw a dataset with late decisions, and a day of judgement around its period.
    """
    dataset = draw(testing.datasets(**bounds).flatmap(with_late_decisions))
    period = dataset.period
    as_of = draw(
        st.none()
        | st.dates(period.start - dt.timedelta(days=30), period.end + dt.timedelta(days=200))
    )
    return dataset, as_of


def limits(summary: Summary) -> tuple[int, int, int]:
    """
    Return CR-11's three counts of *summary*.
    """
    return summary.tips_decided_in_time, summary.tips_decided_late, summary.tips_overdue


class TestTimeLimitLaws:
    """
    CR-11 over generated datasets: its counts add up over parts of a period and of a unit.
    """

    @pytest.mark.parametrize("by", ["month", "quarter", "year"])
    @laws
    @given(judged=judged_datasets())
    def test_the_parts_of_the_period_add_up(
        self, by: str, judged: tuple[MovementDataset, dt.date | None]
    ) -> None:
        """
        Judged on one day, the rows by month, quarter or year merge into the whole.
        """
        dataset, as_of = judged
        rows = breakdown(dataset, by=by, as_of=as_of)
        assert summarize(dataset, as_of=as_of) == rows_merged(rows)

    @pytest.mark.parametrize("by", ["month", "quarter", "year"])
    @laws
    @given(judged=judged_datasets())
    def test_summaries_of_the_parts_add_up_by_default(
        self, by: str, judged: tuple[MovementDataset, dt.date | None]
    ) -> None:
        """
        Summaries of each part, asked one by one, judge on the same day as the whole.
        """
        dataset, _ = judged
        parts = [summarize(dataset, period=part) for part in dataset.period.split(by)]
        assert limits(summarize(dataset)) == limits(merged(parts))

    @laws
    @given(judged=judged_datasets(max_declared_tallies=4))
    def test_a_unit_is_itself_plus_its_children(
        self, judged: tuple[MovementDataset, dt.date | None]
    ) -> None:
        """
        For every unit, the counts are its own plus its children's, judged on one day.
        """
        dataset, as_of = judged
        registry = dataset.registry
        for unit in registry.units:
            parts = [
                summarize(dataset, unit=unit.code, descendants=False, as_of=as_of),
                *(
                    summarize(dataset, unit=child.code, as_of=as_of)
                    for child in registry.children(unit.code)
                ),
            ]
            assert summarize(dataset, unit=unit.code, as_of=as_of) == merged(parts)

    @pytest.mark.parametrize("by", ["district", "commune", "hamlet"])
    @laws
    @given(judged=judged_datasets(max_declared_tallies=4))
    def test_the_rows_by_level_add_up(
        self, by: str, judged: tuple[MovementDataset, dt.date | None]
    ) -> None:
        """
        Rows by level, with the "*" row, merge into the whole, judged on one day.
        """
        dataset, as_of = judged
        rows = breakdown(dataset, by=by, as_of=as_of)
        assert summarize(dataset, as_of=as_of) == rows_merged(rows)

    @laws
    @given(judged=judged_datasets())
    def test_long_after_every_classified_tip_is_decided_or_overdue(
        self, judged: tuple[MovementDataset, dt.date | None]
    ) -> None:
        """
        Judged a year after the period, each classified tip received in it counts once.
        """
        dataset, _ = judged
        as_of = dataset.period.end + dt.timedelta(days=366)
        counted = sum(1 for t in dataset.tips if t.legal_kind is not None)
        assert counted == sum(limits(summarize(dataset, as_of=as_of)))

    @laws
    @given(judged=judged_datasets(), later=st.integers(0, 400))
    def test_decisions_only_accumulate(
        self, judged: tuple[MovementDataset, dt.date | None], later: int
    ) -> None:
        """
        Judged later, no fewer tips are decided in time, and no fewer late.
        """
        dataset, as_of = judged
        first = as_of or dataset.period.end
        earlier = limits(summarize(dataset, as_of=first))
        then = limits(summarize(dataset, as_of=first + dt.timedelta(days=later)))
        assert earlier[0] <= then[0]
        assert earlier[1] <= then[1]


def own(dataset: MovementDataset, code: str) -> Summary:
    """
    Return the figures of an official unit itself, with its hamlets and organisations.
    """
    if dataset.registry.get(code).level is UnitLevel.COMMUNE:
        return summarize(dataset, unit=code)
    return summarize(dataset, unit=code, descendants=False)


def inside(edition: Edition, code: str) -> set[str]:
    """
    Return the unit *code* of *edition* and the units below it.
    """
    return {code} | {unit.code for unit in edition.registry.descendants(code)}


def parts_apart(mapped: MappedSummary) -> dict[str, tuple[tuple[str, ...], Summary]]:
    """
    Return what is not attributable, by old unit: its successors and its figures.
    """
    return {part.unit.code: (part.successors, part.summary) for part in mapped.not_attributable}


class TestMappedLaws:
    """
    The laws of summaries re-expressed on another edition, over generated editions.
    """

    @laws
    @given(st.data())
    def test_onto_its_own_edition_each_unit_keeps_its_summary(self, data: st.DataObject) -> None:
        """
        Mapped onto its own edition, every unit's summary is its summary without mapping.
        """
        edition = data.draw(testing.editions())
        dataset = data.draw(testing.datasets(edition=edition, max_declared_tallies=6))
        whole = summarize(dataset, onto=edition)
        assert (summarize(dataset), ()) == (whole.summary, whole.not_attributable)
        for unit in edition.registry:
            assert summarize(dataset, unit=unit.code) == (
                summarize(dataset, unit=unit.code, onto=edition).summary
            )

    @laws
    @given(st.data())
    def test_onto_its_own_edition_only_the_units_above_are_set_apart(
        self, data: st.DataObject
    ) -> None:
        """
        What sits at a unit above (a district's slip, a province's tally) is set apart.

        Not "nothing is set apart": the figures of a unit whose successor lies above the
        unit reported on may belong to it in part.
        """
        edition = data.draw(testing.editions())
        dataset = data.draw(testing.datasets(edition=edition, max_declared_tallies=6))
        for unit in edition.registry:
            above = {a.code: own(dataset, a.code) for a in edition.registry.ancestors(unit.code)}
            expected = {code: ((code,), s) for code, s in above.items() if s != Summary()}
            mapped = summarize(dataset, unit=unit.code, onto=edition)
            assert expected == parts_apart(mapped)

    @laws
    @given(st.data())
    def test_over_the_whole_edition_nothing_is_lost(self, data: st.DataObject) -> None:
        """
        However few successions are known, the total onto the whole edition is the dataset's.
        """
        old, new = data.draw(testing.edition_pairs())
        dataset = data.draw(testing.datasets(edition=old, max_declared_tallies=6))
        known = data.draw(st.lists(st.sampled_from(new.successions), unique=True))
        mapped = summarize(dataset, onto=attrs.evolve(new, successions=known))
        assert summarize(dataset) == mapped.total
        assert [] == [part for part in mapped.not_attributable if part.successors]
        complete = summarize(dataset, onto=new)
        assert (summarize(dataset), ()) == (complete.summary, complete.not_attributable)

    @laws
    @given(st.data())
    def test_each_old_unit_counts_where_all_its_successors_lie(self, data: st.DataObject) -> None:
        """
        An old unit counts for a new one when all its successors lie in it.

        It is set apart when split between it and others, when it went into a unit above
        it, or when it went nowhere known.
        """
        old, new = data.draw(testing.edition_pairs())
        dataset = data.draw(testing.datasets(edition=old, max_declared_tallies=6))
        homes = {unit.code: own(dataset, unit.code) for unit in old.registry}
        went = {code: set(new.successor_codes(old.name, code)) for code in homes}
        for target in new.registry:
            within = inside(new, target.code)
            above = {unit.code for unit in new.registry.ancestors(target.code)}
            counted = {code for code in homes if went[code] and went[code] <= within}
            set_apart = {
                code
                for code, figures in homes.items()
                if code not in counted
                and figures != Summary()
                and (not went[code] or went[code] & (within | above))
            }
            mapped = summarize(dataset, unit=target.code, onto=new)
            expected = (merged(homes[code] for code in counted), set_apart)
            assert expected == (mapped.summary, set(parts_apart(mapped)))

    @laws
    @given(st.data())
    def test_a_unit_is_its_children_plus_what_is_split_between_them(
        self, data: st.DataObject
    ) -> None:
        """
        A new unit's summary is its children's plus what they set apart that lies in it.

        What they set apart and lies wholly in the unit was split between them, or went
        into the unit itself.

        Not its children's summaries alone: an old commune split between two new
        communes counts for their province but for neither commune.
        """
        old, new = data.draw(testing.edition_pairs())
        dataset = data.draw(testing.datasets(edition=old, max_declared_tallies=6))
        parents = [unit for unit in new.registry if new.registry.children(unit.code)]
        for unit in parents:
            children = [
                summarize(dataset, unit=child.code, onto=new)
                for child in new.registry.children(unit.code)
            ]
            within = inside(new, unit.code)
            shared = {
                code: figures
                for child in children
                for code, (successors, figures) in parts_apart(child).items()
                if successors and set(successors) <= within
            }
            expected = merged([*(child.summary for child in children), *shared.values()])
            assert expected == summarize(dataset, unit=unit.code, onto=new).summary

    @laws
    @given(st.data())
    def test_a_split_communes_figures_are_set_apart_in_each_of_its_parts(
        self, data: st.DataObject
    ) -> None:
        """
        A split commune is set apart in each of its parts, and counts in none of them.

        Its figures, all of them, are set apart in the summary of each new unit it went
        into, and none of its hamlets, groups or cases counts in their summaries.
        """
        old, new = data.draw(testing.edition_pairs(with_split=True))
        dataset = data.draw(testing.datasets(edition=old, min_sessions=1, max_declared_tallies=6))
        communes = old.registry.at_level(UnitLevel.COMMUNE)
        went = {c.code: tuple(sorted(new.successor_codes(old.name, c.code))) for c in communes}
        split = {code: successors for code, successors in went.items() if len(successors) > 1}
        assert [] != list(split)
        for code, successors in split.items():
            figures = summarize(dataset, unit=code)
            expected = None if figures == Summary() else (successors, figures)
            for target in successors:
                mapped = summarize(dataset, unit=target, onto=new)
                counted = mapped.summary
                assert expected == parts_apart(mapped).get(code)
                shared = (
                    figures.hamlets & counted.hamlets,
                    figures.model_groups & counted.model_groups,
                    figures.reintegration_cases & counted.reintegration_cases,
                )
                assert (0, 0, 0) == tuple(len(common) for common in shared)


# The bundled example ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> MovementDataset:
    """
    Return the bundled example of the Bắc Kạn city police.
    """
    return load_example()


@pytest.fixture(scope="module")
def example_summary(example: MovementDataset) -> Summary:
    """
    Return the example's summary for the city (058) over its own period.
    """
    return summarize(example, unit="058", period=example.period)


class TestBundledExample:
    """
    The example reproduces the figures the article printed.
    """

    def test_the_example_covers_january_2016_to_may_2018(self, example: MovementDataset) -> None:
        """
        The period is 1 January 2016 to 31 May 2018.
        """
        assert Period.parse("2016-01..2018-05") == example.period

    @pytest.mark.parametrize(
        ("figure", "kind", "expected"),
        [
            ("hamlets_mobilised", None, 173),
            ("participant_turns", None, 10_346),
            ("slips_collected", None, 9_921),
            ("valuable_tips", None, 662),
            ("model_groups", "security_self_management", 58),
            ("model_groups", "youth_shock_team", 5),
            ("model_groups", "mediation_group", 126),
            ("model_groups", "urban_order_sanitation_group", 20),
            ("model_groups", "peer_support_club", 1),
            ("model_groups", "domestic_violence_prevention_group", 5),
        ],
        ids=str,
    )
    def test_the_summary_reproduces_the_article(
        self, example_summary: Summary, figure: str, kind: str | None, expected: int
    ) -> None:
        """
        Each figure of the article is the summary's figure for the city.
        """
        found = example_summary.figures()[figure]
        assert expected == (found if kind is None else found[kind])

    def test_the_turns_print_as_over_ten_thousand_three_hundred(
        self, example_summary: Summary
    ) -> None:
        """
        10 346 participant-turns print as "trên 10.300", as in the article.
        """
        printed = Figure.rounded_down(example_summary.participant_turns).format()
        assert "trên 10.300" == printed

    def test_the_example_counts_from_records_alone(self, example: MovementDataset) -> None:
        """
        The example has no declared tally, so none is accepted or set aside.
        """
        assert ((), ()) == accepted_tallies(example)

    def test_the_breakdown_by_commune_merges_back_to_the_whole(
        self, example: MovementDataset, example_summary: Summary
    ) -> None:
        """
        The wards' and communes' rows merge into the city's summary.
        """
        rows = breakdown(example, by="commune", unit="058")
        assert example_summary == rows_merged(rows)


class TestBundledExampleOnTheNewUnits:
    """
    The example of 2016-2018, on edition 2025-01, re-expressed on the units of 1 July 2025.
    """

    def test_the_example_names_its_edition(self, example: MovementDataset) -> None:
        """
        The example's units are those of edition 2025-01.
        """
        assert OLD_UNITS is example.edition

    @pytest.mark.parametrize(
        ("unit", "sessions", "slips"),
        [("01843", 114, 4_540), ("01840", 108, 4_424), ("01849", 24, 957)],
        ids=["bac-kan", "duc-xuan", "phong-quang"],
    )
    def test_each_new_ward_or_commune_gets_the_old_units_it_took_in(
        self, example: MovementDataset, unit: str, sessions: int, slips: int
    ) -> None:
        """
        Phường Bắc Kạn, phường Đức Xuân and xã Phong Quang get their old units' figures.
        """
        mapped = summarize(example, unit=unit, onto=NEW_UNITS)
        expected = (sessions, slips, ())
        found = (mapped.summary.sessions, mapped.summary.slips_collected, mapped.not_attributable)
        assert expected == found

    def test_the_three_add_up_to_the_city(
        self, example: MovementDataset, example_summary: Summary
    ) -> None:
        """
        Nothing of the city is lost or counted twice between its three successors.
        """
        parts = [
            summarize(example, unit=code, onto=NEW_UNITS) for code in ("01840", "01843", "01849")
        ]
        assert example_summary == merged(part.summary for part in parts)

    def test_thai_nguyen_gets_everything(self, example: MovementDataset) -> None:
        """
        The new province (19) holds every figure of the example, none set apart.
        """
        mapped = summarize(example, unit="19", onto=NEW_UNITS)
        assert (summarize(example), ()) == (mapped.summary, mapped.not_attributable)
