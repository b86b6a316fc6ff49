"""
Tests for summaries counted from streams of records (antq.summarize_records), and CR-10.

A summary counted record by record, each section read once from a one-shot generator,
is the summary of the dataset that holds the records; and it is the summary that the
rule functions give, one rule at a time, over the whole dataset.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from antq import (
    CampaignKind,
    DeclaredTally,
    MobilisationSession,
    MovementDataset,
    Organisation,
    OrganisationKind,
    OverlapCause,
    Period,
    SchoolLevel,
    TallyFigure,
    TallyOverlap,
    TipChannel,
    TipRecord,
    Unit,
    UnitKind,
    UnitRegistry,
    summarize,
    summarize_records,
)
from antq.counting import (
    Scope,
    Summary,
    accepted_tallies,
    active_model_groups,
    count_participant_turns,
    count_sessions,
    count_slips_collected,
    count_valuable_tips,
    declared_counts,
    hamlets_mobilised,
    organisations_taking_part,
    reintegration_cases_helped,
    tips_by_time_limit,
)
from antq.errors import UnknownUnitError
from antq.testing import datasets

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Callable, Iterable, Iterator

T = TypeVar("T")

#: Settings for the laws, drawn over whole datasets: each test stays within seconds.
laws = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

DATASETS = datasets(
    max_campaigns=2,
    max_sessions=8,
    max_tips=12,
    max_model_groups=5,
    max_reintegration_cases=5,
    max_declared_tallies=6,
    max_security_teams=1,
    max_assessment_facts=2,
    max_recognitions=1,
)

#: Datasets with records and tallies enough to overlap.
BUSY_DATASETS = datasets(
    min_sessions=1,
    max_sessions=8,
    min_tips=2,
    max_tips=12,
    min_model_groups=1,
    max_model_groups=5,
    min_reintegration_cases=1,
    max_reintegration_cases=5,
    min_declared_tallies=2,
    max_declared_tallies=8,
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


# Streams ----------------------------------------------------------------------------------


def once(items: Iterable[T]) -> Iterator[T]:
    """
    Return a one-shot generator of *items*: read a second time, it yields nothing.
    """
    yield from items


class Once(Generic[T]):
    """
    An iterable that refuses to be iterated twice.
    """

    def __init__(self, items: Iterable[T]) -> None:
        """
        Hold the items, not yet read.
        """
        self.items = tuple(items)
        self.read = False

    def __iter__(self) -> Iterator[T]:
        """
        Iterate over the items, the first time only.
        """
        assert not self.read, "iterated twice"
        self.read = True
        return iter(self.items)


def streamed(dataset: MovementDataset, **options: Any) -> Summary:
    """
    Return the summary of *dataset* counted from one-shot generators of its records.
    """
    return summarize_records(
        dataset.registry,
        dataset.period,
        sessions=once(dataset.sessions),
        tips=once(dataset.tips),
        model_groups=once(dataset.model_groups),
        reintegration_cases=once(dataset.reintegration_cases),
        declared_tallies=once(dataset.declared_tallies),
        **options,
    )


# What the rules say, one rule at a time ---------------------------------------------------


def nested(
    first: DeclaredTally, first_scope: Scope | None, second: DeclaredTally, second_scope: Scope
) -> bool:
    """
    Tell whether two tallies count the same figure and kind for nested units and days.
    """
    return (
        (first.figure, first.detail) == (second.figure, second.detail)
        and first.period.overlaps(second.period)
        and first_scope is not None
        and (first_scope.holds(second.unit_code) or second_scope.holds(first.unit_code))
    )


def has_slip_records(dataset: MovementDataset, scope: Scope) -> bool:
    """
    Tell whether a slip record was received, or came from, somewhere in the scope.
    """
    places = {s.id: s.place_code for s in dataset.sessions}
    return any(
        t.channel is TipChannel.FORM
        and t.received_on in scope.period
        and (
            scope.holds(t.receiving_unit_code)
            or (t.origin_code is not None and scope.holds(t.origin_code))
            or (t.session_id is not None and scope.holds(places.get(t.session_id, "")))
        )
        for t in dataset.tips
    )


def has_groups(dataset: MovementDataset, tally: DeclaredTally, scope: Scope) -> bool:
    """
    Tell whether a group of the tally's kind was active in the scope.
    """
    groups = active_model_groups(dataset.model_groups, scope)
    return any(kind is tally.group_kind for kind, _ in groups)


def has_organisations(dataset: MovementDataset, tally: DeclaredTally, scope: Scope) -> bool:
    """
    Tell whether an organisation of the tally's kind took part in the scope.
    """
    found = organisations_taking_part(dataset.sessions, dataset.model_groups, scope)
    return any(kind is tally.organisation_kind for kind, _ in found)


def has_cases(dataset: MovementDataset, tally: DeclaredTally, scope: Scope) -> bool:
    """
    Tell whether a case of the tally's category was helped in the scope.
    """
    cases = reintegration_cases_helped(dataset.reintegration_cases, scope)
    return any(category is tally.category for category, _, _ in cases)


#: For each figure, whether records in a scope count what a tally of it counts.
RECORDS_COUNT: dict[TallyFigure, Callable[[MovementDataset, DeclaredTally, Scope], bool]] = {
    TallyFigure.SESSIONS: lambda d, _, s: count_sessions(d.sessions, s) > 0,
    TallyFigure.PARTICIPANT_TURNS: lambda d, _, s: count_sessions(d.sessions, s) > 0,
    TallyFigure.HAMLETS_MOBILISED: lambda d, _, s: bool(hamlets_mobilised(d.sessions, s)),
    TallyFigure.SLIPS_COLLECTED: lambda d, _, s: (
        count_slips_collected(d.tips, d.sessions, s) > 0 or has_slip_records(d, s)
    ),
    TallyFigure.VALUABLE_TIPS: lambda d, _, s: has_slip_records(d, s),
    TallyFigure.MODEL_GROUPS: has_groups,
    TallyFigure.REINTEGRATION_CASES: has_cases,
    TallyFigure.REINTEGRATION_PROGRESSED: has_cases,
    TallyFigure.ORGANISATIONS_TAKING_PART: has_organisations,
}


def tallies_by_the_rules(
    dataset: MovementDataset,
) -> tuple[tuple[DeclaredTally, ...], tuple[TallyOverlap, ...]]:
    """
    CR-10 over the whole dataset, a tally at a time: the tallies that count, and the rest.
    """
    registry, tallies = dataset.registry, dataset.declared_tallies
    depth = {unit.code: len(registry.ancestors(unit.code)) for unit in registry.units}
    for organisation in registry.organisations:
        depth[organisation.code] = depth[organisation.unit_code] + 1
    order = sorted(
        range(len(tallies)),
        key=lambda n: (
            depth.get(tallies[n].unit_code, -1),
            -tallies[n].period.days,
            tallies[n].id,
            n,
        ),
    )
    scopes = [
        Scope.of(dataset, period=tally.period, unit=tally.unit_code)
        if tally.unit_code in registry
        else None
        for tally in tallies
    ]
    accepted: list[int] = []
    overlaps: list[TallyOverlap] = []
    for n in order:
        tally, scope = tallies[n], scopes[n]
        if scope is None:
            overlaps.append(TallyOverlap(tally, OverlapCause.UNKNOWN_UNIT))
            continue
        if RECORDS_COUNT[tally.figure](dataset, tally, scope):
            overlaps.append(TallyOverlap(tally, OverlapCause.RECORDS))
            continue
        rival = next((m for m in accepted if nested(tallies[m], scopes[m], tally, scope)), None)
        if rival is not None:
            overlaps.append(TallyOverlap(tally, OverlapCause.TALLY, tallies[rival]))
            continue
        accepted.append(n)
    return tuple(tallies[n] for n in sorted(accepted)), tuple(overlaps)


def summary_by_the_rules(dataset: MovementDataset, **options: Any) -> Summary:
    """
    The summary of *dataset*, each figure counted by its own rule over the whole dataset.
    """
    tallies, _ = tallies_by_the_rules(dataset)
    scope = Scope.of(dataset, **options)
    declared: Counter[str] = declared_counts(tallies, scope)
    additive = {
        key: declared.pop(key, 0)
        for key in ("sessions", "participant_turns", "slips_collected", "valuable_tips")
    }
    in_time, late, past = tips_by_time_limit(dataset.tips, scope)
    return Summary(
        count_sessions(dataset.sessions, scope) + additive["sessions"],
        count_participant_turns(dataset.sessions, scope) + additive["participant_turns"],
        hamlets_mobilised(dataset.sessions, scope),
        count_slips_collected(dataset.tips, dataset.sessions, scope) + additive["slips_collected"],
        count_valuable_tips(dataset.tips, scope) + additive["valuable_tips"],
        active_model_groups(dataset.model_groups, scope),
        reintegration_cases_helped(dataset.reintegration_cases, scope),
        organisations_taking_part(dataset.sessions, dataset.model_groups, scope),
        declared,
        tips_decided_in_time=in_time,
        tips_decided_late=late,
        tips_overdue=past,
    )


# Strategies -------------------------------------------------------------------------------


def places(dataset: MovementDataset) -> list[str]:
    """
    Return the codes of the dataset's units and organisations.
    """
    registry = dataset.registry
    return [unit.code for unit in registry.units] + [o.code for o in registry.organisations]


@st.composite
def tangled(draw: st.DrawFn) -> MovementDataset:
    """
    Draw a dataset whose references are tangled: ids given twice, records in odd places.

    Sessions share ids and move to any place; tips refer to any session, from any
    place; tallies are declared by any unit, often where records are, or by a unit
    that is not in the registry.
    """
    dataset = draw(DATASETS | BUSY_DATASETS)
    codes = [*places(dataset), "09999"]
    ids = [session.id for session in dataset.sessions] + ["S-x"]

    sessions = [
        attrs.evolve(s, id=draw(st.sampled_from(ids)), place_code=draw(st.sampled_from(codes)))
        if draw(st.booleans())
        else s
        for s in dataset.sessions
    ]
    tips = [
        attrs.evolve(
            t,
            session_id=draw(st.none() | st.sampled_from(ids)),
            origin_code=draw(st.none() | st.sampled_from(codes)),
        )
        if draw(st.booleans())
        else t
        for t in dataset.tips
    ]
    # Tallies declared where the records are, for the whole period, overlap them most.
    where = [
        *(s.place_code for s in sessions),
        *(t.receiving_unit_code for t in tips),
        *(g.unit_code for g in dataset.model_groups),
        *(c.unit_code for c in dataset.reintegration_cases),
    ]
    tallies = [
        attrs.evolve(
            t,
            unit_code=draw(st.sampled_from(codes + where)),
            period=draw(st.sampled_from([t.period, dataset.period])),
        )
        if draw(st.booleans())
        else t
        for t in dataset.declared_tallies
    ]
    return attrs.evolve(dataset, sessions=sessions, tips=tips, declared_tallies=tallies)


@st.composite
def scopes(draw: st.DrawFn, dataset: MovementDataset) -> dict[str, Any]:
    """
    Draw the options of a summary: a unit or none, below it or not, a day of judgement.
    """
    end = dataset.period.end
    return {
        "unit": draw(st.none() | st.sampled_from(places(dataset))),
        "descendants": draw(st.booleans()),
        "as_of": draw(
            st.none() | st.dates(end - dt.timedelta(days=400), end + dt.timedelta(days=400))
        ),
    }


# The laws ---------------------------------------------------------------------------------


class TestStreamedSummaries:
    """
    summarize_records, fed with generators, gives the summary of the dataset.
    """

    @given(dataset=DATASETS)
    @laws
    def test_the_streamed_summary_of_every_unit_is_the_datasets(
        self, dataset: MovementDataset
    ) -> None:
        """
        Without a unit, the streamed summary is summarize's.
        """
        assert summarize(dataset) == streamed(dataset)

    @given(dataset=DATASETS, data=st.data())
    @laws
    def test_the_streamed_summary_of_a_unit_is_the_datasets(
        self, dataset: MovementDataset, data: st.DataObject
    ) -> None:
        """
        For any unit or organisation, with or without the units below it.
        """
        unit = data.draw(st.sampled_from(places(dataset)))
        descendants = data.draw(st.booleans())
        expected = summarize(dataset, unit=unit, descendants=descendants)
        assert expected == streamed(dataset, unit=unit, descendants=descendants)

    @given(dataset=DATASETS, data=st.data())
    @laws
    def test_the_streamed_summary_on_a_day_of_judgement_is_the_datasets(
        self, dataset: MovementDataset, data: st.DataObject
    ) -> None:
        """
        Judged on any day, before, in or after the period.
        """
        end = dataset.period.end
        as_of = data.draw(st.dates(end - dt.timedelta(days=400), end + dt.timedelta(days=400)))
        assert summarize(dataset, as_of=as_of) == streamed(dataset, as_of=as_of)

    @given(dataset=tangled(), data=st.data())
    @laws
    def test_the_streamed_summary_is_what_each_rule_counts(
        self, dataset: MovementDataset, data: st.DataObject
    ) -> None:
        """
        Even with tangled references, each figure is its rule's, over the whole dataset.
        """
        options = data.draw(scopes(dataset))
        assert summary_by_the_rules(dataset, **options) == streamed(dataset, **options)

    def test_each_section_is_read_once(self) -> None:
        """
        No iterable is read twice.
        """
        sessions = Once([session("S1", slips=3)])
        tips = Once([slip("T1")])
        groups: Once[Any] = Once([])
        cases: Once[Any] = Once([])
        tallies = Once([tally("K1", TallyFigure.SESSIONS)])
        summarize_records(
            REGISTRY,
            YEAR,
            sessions=sessions,
            tips=tips,
            model_groups=groups,
            reintegration_cases=cases,
            declared_tallies=tallies,
        )
        assert all(section.read for section in (sessions, tips, groups, cases, tallies))

    def test_the_sessions_are_read_before_the_tips(self) -> None:
        """
        Every session is read before the first tip: a slip record supersedes its session's tally.
        """
        read: list[str] = []

        def sessions() -> Iterator[MobilisationSession]:
            for record in (session("S1"), session("S2")):
                read.append(record.id)
                yield record

        def tips() -> Iterator[TipRecord]:
            for record in (slip("T1"), slip("T2")):
                read.append(record.id)
                yield record

        summarize_records(REGISTRY, YEAR, sessions=sessions(), tips=tips())
        assert ["S1", "S2", "T1", "T2"] == read

    def test_without_records_the_summary_is_empty(self) -> None:
        """
        Every section may be left out.
        """
        assert Summary() == summarize_records(REGISTRY, YEAR)

    @pytest.mark.parametrize("descendants", [True, False])
    def test_an_unknown_unit_is_refused(self, *, descendants: bool) -> None:
        """
        A unit not in the registry raises, whatever the records.
        """
        with pytest.raises(UnknownUnitError):
            summarize_records(
                REGISTRY,
                YEAR,
                sessions=once([session("S1")]),
                unit="09999",
                descendants=descendants,
            )


# CR-10 --------------------------------------------------------------------------------------


def day(text: str) -> dt.date:
    """
    Return the day written ``YYYY-MM-DD``.
    """
    return dt.date.fromisoformat(text)


def session(
    id_: str, held_on: str = "2017-03-08", place: str = T01, *, slips: int = 0
) -> MobilisationSession:
    """
    Return a propaganda meeting (in tổ 1 of Đức Xuân unless told).
    """
    return MobilisationSession(
        id_,
        day(held_on),
        place,
        CampaignKind.PROPAGANDA,
        participant_turns=10,
        slips_collected=slips,
    )


def slip(
    id_: str,
    received_on: str = "2017-03-08",
    receiver: str = WARD,
    *,
    origin: str | None = None,
    session_id: str | None = None,
) -> TipRecord:
    """
    Return a slip received by Đức Xuân (unless told), from nowhere known (unless told).
    """
    return TipRecord(
        id_,
        day(received_on),
        receiver,
        TipChannel.FORM,
        origin_code=origin,
        session_id=session_id,
    )


def tally(
    id_: str, figure: TallyFigure, value: int = 7, unit: str = T01, period: str = "2017"
) -> DeclaredTally:
    """
    Return a tally declared by tổ 1 for 2017 unless told.
    """
    return DeclaredTally(id_, unit, Period.parse(period), figure, value)


SLIPS = tally("K", TallyFigure.SLIPS_COLLECTED)
QUARTER_SLIPS = tally("K", TallyFigure.SLIPS_COLLECTED, period="2017-Q1")

#: Records and a tally of slips of tổ 1; whether the tally counts; the slips counted.
CR10: list[tuple[str, dict[str, Any], DeclaredTally, bool, int]] = [
    (
        "a-slip-from-the-hamlet-by-its-origin",
        {"tips": [slip("T1", receiver=WARD, origin=T01)]},
        SLIPS,
        False,
        1,
    ),
    (
        "a-slip-received-above-from-nowhere-known",
        {"tips": [slip("T1", receiver=WARD)]},
        SLIPS,
        True,
        8,
    ),
    (
        "a-slip-from-a-session-held-in-the-hamlet",
        {"sessions": [session("S1")], "tips": [slip("T1", session_id="S1")]},
        SLIPS,
        False,
        1,
    ),
    (
        "a-slip-from-a-session-held-elsewhere",
        {"sessions": [session("S1", place=T02)], "tips": [slip("T1", session_id="S1")]},
        SLIPS,
        True,
        8,
    ),
    (
        "a-session-tally-of-slips-in-the-hamlet",
        {"sessions": [session("S1", slips=5)]},
        QUARTER_SLIPS,
        False,
        5,
    ),
    (
        "a-session-tally-superseded-by-a-later-slip-record",
        {
            "sessions": [session("S1", slips=5)],
            "tips": [slip("T1", "2017-04-02", session_id="S1")],
        },
        QUARTER_SLIPS,
        True,
        8,
    ),
    (
        "an-id-held-twice-the-last-place-in-the-hamlet",
        {
            "sessions": [session("S1", place=T02), session("S1", place=T01)],
            "tips": [slip("T1", receiver=OTHER_WARD, session_id="S1")],
        },
        SLIPS,
        False,
        1,
    ),
    (
        "an-id-held-twice-the-last-place-elsewhere",
        {
            "sessions": [session("S1", place=T01), session("S1", place=T02)],
            "tips": [slip("T1", receiver=OTHER_WARD, session_id="S1")],
        },
        SLIPS,
        True,
        8,
    ),
]
CR10_IDS = [name for name, *_ in CR10]


class TestAcceptedTallies:
    """
    CR-10 decides as before, record by record: where a slip lies, and which session is whose.
    """

    @pytest.mark.parametrize(
        ("records", "declared", "counts"), [case[1:4] for case in CR10], ids=CR10_IDS
    )
    def test_a_tally_of_slips_gives_way_to_slip_records_of_its_hamlet(
        self, records: dict[str, Any], declared: DeclaredTally, *, counts: bool
    ) -> None:
        """
        A slip lies where it was received, where it came from, and where its session was held.
        """
        dataset = MovementDataset(YEAR, REGISTRY, declared_tallies=[declared], **records)
        overlaps = () if counts else (TallyOverlap(declared, OverlapCause.RECORDS),)
        expected = ((declared,) if counts else (), overlaps)
        assert expected == accepted_tallies(dataset)

    @pytest.mark.parametrize(
        ("records", "declared", "slips"), [(r, d, n) for _, r, d, _, n in CR10], ids=CR10_IDS
    )
    def test_a_streamed_summary_adds_the_tally_only_when_it_counts(
        self, records: dict[str, Any], declared: DeclaredTally, slips: int
    ) -> None:
        """
        The slips counted are the records' and the sessions', and the tally's when it counts.
        """
        summary = summarize_records(
            REGISTRY,
            YEAR,
            sessions=once(records.get("sessions", [])),
            tips=once(records.get("tips", [])),
            declared_tallies=once([declared]),
        )
        assert slips == summary.slips_collected

    def test_of_two_sessions_of_one_id_the_last_places_a_slip(self) -> None:
        """
        A slip of session S1, held in tổ 1 then in tổ 2 under the same id, is tổ 2's.
        """
        first, second = (
            tally("K1", TallyFigure.SLIPS_COLLECTED),
            tally("K2", TallyFigure.SLIPS_COLLECTED, unit=T02),
        )
        dataset = MovementDataset(
            YEAR,
            REGISTRY,
            sessions=[session("S1", place=T01), session("S1", place=T02)],
            tips=[slip("T1", receiver=OTHER_WARD, session_id="S1")],
            declared_tallies=[first, second],
        )
        expected = ((first,), (TallyOverlap(second, OverlapCause.RECORDS),))
        assert expected == accepted_tallies(dataset)

    @given(dataset=tangled())
    @laws
    def test_the_tallies_that_count_are_those_the_rules_say(self, dataset: MovementDataset) -> None:
        """
        Even with tangled references, the tallies that count and the overlaps are the rules'.
        """
        assert tallies_by_the_rules(dataset) == accepted_tallies(dataset)
