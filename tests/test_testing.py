"""
Tests of the Hypothesis strategies in antq.testing and of the Hypothesis plugin.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import tomllib
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis.errors import InvalidArgument

import antq
from antq import official, testing
from antq._hypothesis_plugin import _hypothesis_setup_hook
from antq._validation import LOCAL_ID
from antq.criteria import load_criteria
from antq.recognition import CRITERIA, FACTS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from pathlib import Path

#: Settings for tests that draw whole registries or datasets.
heavy = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

CODE_DIGITS = {antq.UnitLevel.PROVINCE: 2, antq.UnitLevel.DISTRICT: 3, antq.UnitLevel.COMMUNE: 5}
HAMLET_ID = re.compile(r"(?P<commune>[0-9]{5})-(?:T|TDP)[0-9]{2}")
ONE_YEAR = antq.Period.year(2020)
PROVINCE_ONLY = antq.UnitRegistry([antq.Unit("06", "Bắc Kạn", antq.UnitKind.PROVINCE)])
ANTQ_TYPES = [
    antq.Unit,
    antq.Organisation,
    antq.UnitRegistry,
    antq.Period,
    antq.Campaign,
    antq.MobilisationSession,
    antq.TipRecord,
    antq.TipExtension,
    antq.Informant,
    antq.ModelGroup,
    antq.ReintegrationCase,
    antq.DeclaredTally,
    antq.MovementDataset,
    antq.Succession,
    antq.Edition,
    antq.ScoreSheet,
    antq.CriteriaParameters,
]
# Values of the wrong type, as an untyped caller could pass them.
NOT_A_PERIOD: Any = "2020"
NOT_A_REGISTRY: Any = ()
NOT_A_DATE: Any = "2020-01-01"
NOT_AN_EDITION: Any = "2025-01"
NOT_A_BOOL: Any = None
NOT_A_SHEET: Any = "hamlet-2022"
NOT_RATED_KINDS: Any = ["hamlet"]
NOT_RECORDS: Any = ["c1"]
A_TEXT: Any = "hamlet"
# A strategy draws from its records again and again: an iterator would run dry.
AN_ITERATOR: Any = iter(())
#: A year in which security-and-order teams exist (from 1 July 2024).
TEAM_YEAR = antq.Period.year(2025)
#: A year of three digits: no fact or decision can be for it.
YEAR_999 = antq.Period(dt.date(999, 1, 1), dt.date(999, 12, 31))

# Checks --------------------------------------------------------------------------------


def assert_unique(ids: Iterable[str]) -> None:
    """
    Assert that no id occurs twice.
    """
    listed = list(ids)
    assert len(set(listed)) == len(listed)


def assert_inside(period: antq.Period, *days: dt.date | None) -> None:
    """
    Assert that every day given lies inside *period*.
    """
    assert all(day in period for day in days if day is not None)


def places_of(registry: antq.UnitRegistry) -> list[antq.Unit | antq.Organisation]:
    """
    Return the units and the organisations of *registry*.
    """
    return [*registry.units, *registry.organisations]


def base_letters(text: str) -> str:
    """
    Return *text* in lower case without its diacritics (but with its đ).
    """
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def level_of(registry: antq.UnitRegistry, code: str) -> antq.UnitLevel | None:
    """
    Return the level of the unit *code*, or ``None`` for an organisation.
    """
    if code in {organisation.code for organisation in registry.organisations}:
        return None
    return registry.get(code).level


def registry_units_above(registry: antq.UnitRegistry, code: str) -> set[str]:
    """
    Return the codes of the units above the hamlet or organisation *code*.
    """
    if level_of(registry, code) is None:
        unit = registry.get(registry.organisation(code).unit_code)
        return {unit.code} | {above.code for above in registry.ancestors(unit.code)}
    return {above.code for above in registry.ancestors(code)}


def exists_throughout(registry: antq.UnitRegistry, code: str, period: antq.Period) -> bool:
    """
    Tell whether the unit or organisation *code* exists on every day of *period*.
    """
    place = registry.organisation(code) if level_of(registry, code) is None else registry.get(code)
    return place.exists_on(period.start) and place.exists_on(period.end)


def check_registry(registry: antq.UnitRegistry) -> None:
    """
    Check that the registry is a consistent tree of one province, with valid codes.
    """
    attrs.validate(registry)
    assert registry == antq.UnitRegistry(registry.units, organisations=registry.organisations)
    assert 1 == len(registry.at_level(antq.UnitLevel.PROVINCE))
    for unit in registry.units:
        attrs.validate(unit)
        parent = registry.parent(unit.code)
        if unit.level is antq.UnitLevel.HAMLET:
            match = HAMLET_ID.fullmatch(unit.code)
            assert match is not None
            assert parent is not None
            assert parent.code == match["commune"]
        else:
            assert CODE_DIGITS[unit.level] == len(unit.code)
            assert unit.code.isdigit()
        if parent is not None:
            assert_within_validity(unit, parent)
    for organisation in registry.organisations:
        attrs.validate(organisation)
        unit = registry.get(organisation.unit_code)
        assert unit.level in {antq.UnitLevel.COMMUNE, antq.UnitLevel.HAMLET}
        assert_within_validity(organisation, unit)


def assert_within_validity(inner: antq.Unit | antq.Organisation, outer: antq.Unit) -> None:
    """
    Assert that *inner* exists only while *outer* does.
    """
    if outer.valid_from is not None:
        assert inner.valid_from is not None
        assert outer.valid_from <= inner.valid_from
    if outer.valid_to is not None:
        assert inner.valid_to is not None
        assert inner.valid_to <= outer.valid_to


def check_campaign(
    campaign: antq.Campaign, registry: antq.UnitRegistry, period: antq.Period
) -> None:
    """
    Check a campaign: valid, inside the period, organised by a unit above the hamlets.
    """
    attrs.validate(campaign)
    assert period.contains(campaign.period)
    assert level_of(registry, campaign.organiser_code) in {
        antq.UnitLevel.PROVINCE,
        antq.UnitLevel.DISTRICT,
        antq.UnitLevel.COMMUNE,
    }
    assert exists_throughout(registry, campaign.organiser_code, period)


def check_session(
    session: antq.MobilisationSession,
    registry: antq.UnitRegistry,
    period: antq.Period,
    campaigns: Sequence[antq.Campaign] = (),
) -> None:
    """
    Check a session: valid, held inside the period in a hamlet or an organisation.
    """
    attrs.validate(session)
    assert_inside(period, session.held_on)
    assert level_of(registry, session.place_code) in {None, antq.UnitLevel.HAMLET}
    assert exists_throughout(registry, session.place_code, period)
    if session.campaign_id is not None:
        campaign = {campaign.id: campaign for campaign in campaigns}[session.campaign_id]
        assert session.held_on in campaign.period
        assert campaign.kind == session.kind


def check_tip(
    tip: antq.TipRecord,
    registry: antq.UnitRegistry,
    period: antq.Period,
    sessions: Sequence[antq.MobilisationSession] = (),
) -> None:
    """
    Check a tip: valid, dated inside the period, every reference resolved.
    """
    attrs.validate(tip)
    for extension in tip.extensions:
        attrs.validate(extension)
    if tip.informant is not None:
        attrs.validate(tip.informant)
    last = tip.extensions[-1] if tip.extensions else None
    assert_inside(
        period,
        tip.received_on,
        tip.assessed_on,
        tip.decided_on,
        *(day for extension in tip.extensions for day in (extension.granted_on, extension.until)),
    )
    assert level_of(registry, tip.receiving_unit_code) in {
        antq.UnitLevel.DISTRICT,
        antq.UnitLevel.COMMUNE,
    }
    assert exists_throughout(registry, tip.receiving_unit_code, period)
    if tip.origin_code is not None:
        assert level_of(registry, tip.origin_code) in {None, antq.UnitLevel.HAMLET}
        assert exists_throughout(registry, tip.origin_code, period)
    if tip.session_id is not None:
        session = {session.id: session for session in sessions}[tip.session_id]
        assert session.held_on <= tip.received_on
        assert session.place_code == tip.origin_code
        assert antq.TipChannel.FORM == tip.channel
    if tip.decided_on is not None:
        deadline = last.until if last else tip.received_on + dt.timedelta(days=20)
        assert tip.decided_on <= deadline
        assert last is None or last.granted_on <= tip.decided_on


def check_model_group(
    group: antq.ModelGroup, registry: antq.UnitRegistry, period: antq.Period
) -> None:
    """
    Check a model group: valid, dated inside the period, in a hamlet, commune or organisation.
    """
    attrs.validate(group)
    assert_inside(period, group.established_on, group.ended_on)
    assert level_of(registry, group.unit_code) in {
        None,
        antq.UnitLevel.HAMLET,
        antq.UnitLevel.COMMUNE,
    }
    assert exists_throughout(registry, group.unit_code, period)


def check_reintegration_case(
    case: antq.ReintegrationCase, registry: antq.UnitRegistry, period: antq.Period
) -> None:
    """
    Check a reintegration case: valid, inside the period, in a hamlet or commune.
    """
    attrs.validate(case)
    assert period.contains(case.period)
    assert level_of(registry, case.unit_code) in {antq.UnitLevel.HAMLET, antq.UnitLevel.COMMUNE}
    assert exists_throughout(registry, case.unit_code, period)


def check_declared_tally(
    tally: antq.DeclaredTally, registry: antq.UnitRegistry, period: antq.Period
) -> None:
    """
    Check a tally: valid, inside the period, declared by a unit or organisation that exists.
    """
    attrs.validate(tally)
    assert period.contains(tally.period)
    assert tally.unit_code in registry
    assert exists_throughout(registry, tally.unit_code, period)
    kinds = {
        "group_kind": tally.group_kind,
        "category": tally.category,
        "organisation_kind": tally.organisation_kind,
    }
    expected = {name for name in kinds if name == tally.figure.detail_field}
    assert expected == {name for name, kind in kinds.items() if kind is not None}


def check_dataset(dataset: antq.MovementDataset) -> None:
    """
    Check a whole dataset: every record valid, unique ids, every reference resolved.
    """
    attrs.validate(dataset)
    period, registry = dataset.period, dataset.registry
    check_registry(registry)
    for place in places_of(registry):
        assert exists_throughout(registry, place.code, period)
    for records in (
        dataset.campaigns,
        dataset.sessions,
        dataset.tips,
        dataset.model_groups,
        dataset.reintegration_cases,
        dataset.declared_tallies,
    ):
        assert_unique(record.id for record in records)
    for campaign in dataset.campaigns:
        check_campaign(campaign, registry, period)
    for session in dataset.sessions:
        check_session(session, registry, period, dataset.campaigns)
        collected = [tip for tip in dataset.tips if tip.session_id == session.id]
        assert len(collected) <= session.slips_collected
    for tip in dataset.tips:
        check_tip(tip, registry, period, dataset.sessions)
    for group in dataset.model_groups:
        check_model_group(group, registry, period)
    for case in dataset.reintegration_cases:
        check_reintegration_case(case, registry, period)
    for tally in dataset.declared_tallies:
        check_declared_tally(tally, registry, period)


# Strategies drawn in tests ---------------------------------------------------------------


@st.composite
def contexts(
    draw: st.DrawFn, *, min_hamlets_per_commune: int = 0
) -> tuple[antq.UnitRegistry, antq.Period]:
    """
    Draw a period and a registry whose units exist throughout it.
    """
    period = draw(testing.periods())
    registry = draw(
        testing.units_registries(
            min_hamlets_per_commune=min_hamlets_per_commune,
            during=period,
        )
    )
    return registry, period


@st.composite
def bounds(draw: st.DrawFn, *, largest: int) -> tuple[int, int]:
    """
    Draw a minimum and a maximum size, the minimum not above the maximum.
    """
    low = draw(st.integers(0, largest))
    return low, draw(st.integers(low, largest))


# Tests -----------------------------------------------------------------------------------


class TestLocalIds:
    """
    Local identifiers.
    """

    @given(testing.local_ids())
    def test_identifiers_follow_the_rule_of_local_ids(self, identifier: str) -> None:
        """
        Every identifier matches the rule that records apply to their ids.
        """
        assert LOCAL_ID.fullmatch(identifier) is not None

    def test_identifiers_shrink_to_a_single_digit(self) -> None:
        """
        The simplest identifier is "0".
        """
        assert "0" == find(testing.local_ids(), lambda _: True)


class TestDates:
    """
    Calendar days.
    """

    @given(st.data())
    def test_days_lie_within_the_bounds_given(self, data: st.DataObject) -> None:
        """
        Every day lies between the bounds, both included.
        """
        low = data.draw(st.dates())
        high = data.draw(st.dates(min_value=low))
        day = data.draw(testing.dates(min_value=low, max_value=high))
        assert low <= day <= high

    @given(testing.dates())
    def test_days_default_to_2010_through_2030(self, day: dt.date) -> None:
        """
        Without bounds, days lie in 2010 to 2030.
        """
        assert dt.date(2010, 1, 1) <= day <= dt.date(2030, 12, 31)


class TestPeriods:
    """
    Reporting periods.
    """

    @given(st.data())
    def test_periods_lie_within_the_period_given(self, data: st.DataObject) -> None:
        """
        Every period lies inside the period given.
        """
        within = data.draw(testing.periods())
        period = data.draw(testing.periods(within=within))
        attrs.validate(period)
        assert within.contains(period)

    @given(testing.periods())
    def test_periods_default_to_2010_through_2030(self, period: antq.Period) -> None:
        """
        Without a bound, periods lie in 2010 to 2030.
        """
        assert antq.Period.parse("2010..2030").contains(period)


class TestNames:
    """
    Vietnamese names.
    """

    @given(testing.names())
    def test_names_are_vietnamese_text_in_nfc_and_never_blank(self, name: str) -> None:
        """
        Names are NFC, not blank, and written with Vietnamese letters and spaces.
        """
        assert name.strip()
        assert unicodedata.is_normalized("NFC", name)
        assert set(base_letters(name)) <= set(" abcdeghiklmnopqrstuvxyđ")

    def test_names_carry_tone_marks(self) -> None:
        """
        Some names carry Vietnamese letters and tone marks beyond ASCII.
        """
        name = find(testing.names(), lambda name: "ệ" in name.lower())
        assert "Ệ" == name

    def test_names_shrink_to_a_single_letter(self) -> None:
        """
        The simplest name is "A".
        """
        assert "A" == find(testing.names(), lambda _: True)


class TestInformants:
    """
    Informants.
    """

    @given(testing.informants())
    def test_informants_are_valid_and_never_shown(self, informant: antq.Informant) -> None:
        """
        Every informant passes validation and its repr hides the identity.
        """
        attrs.validate(informant)
        assert "Informant(<protected>)" == repr(informant)


class TestUnitsRegistries:
    """
    Registries of units and organisations.
    """

    @heavy
    @given(testing.units_registries())
    def test_registries_form_a_consistent_tree(self, registry: antq.UnitRegistry) -> None:
        """
        Every registry holds one province and units with official codes under it.
        """
        check_registry(registry)

    @heavy
    @given(bounds(largest=4), bounds(largest=3), st.data())
    def test_sizes_stay_within_the_bounds_given(
        self, communes: tuple[int, int], hamlets: tuple[int, int], data: st.DataObject
    ) -> None:
        """
        The numbers of communes and of hamlets in each commune respect the bounds.
        """
        registry = data.draw(
            testing.units_registries(
                min_communes=communes[0],
                max_communes=communes[1],
                min_hamlets_per_commune=hamlets[0],
                max_hamlets_per_commune=hamlets[1],
            )
        )
        check_registry(registry)
        found = registry.at_level(antq.UnitLevel.COMMUNE)
        assert communes[0] <= len(found) <= communes[1]
        for commune in found:
            assert hamlets[0] <= len(registry.children(commune.code)) <= hamlets[1]

    @heavy
    @given(testing.units_registries(min_communes=0, max_communes=0))
    def test_a_registry_without_communes_has_no_organisations(
        self, registry: antq.UnitRegistry
    ) -> None:
        """
        Organisations sit in communes or hamlets, so without them there is none.
        """
        check_registry(registry)
        assert () == registry.organisations

    @heavy
    @given(testing.units_registries(organisations=False))
    def test_organisations_can_be_left_out(self, registry: antq.UnitRegistry) -> None:
        """
        With organisations=False, the registry holds units only.
        """
        assert () == registry.organisations

    @heavy
    @given(testing.units_registries())
    def test_without_a_period_nothing_has_validity_dates(self, registry: antq.UnitRegistry) -> None:
        """
        Units and organisations drawn without a period exist on every day.
        """
        places = places_of(registry)
        assert all(place.valid_from is None and place.valid_to is None for place in places)

    @heavy
    @given(st.data())
    def test_with_a_period_every_unit_exists_throughout_it(self, data: st.DataObject) -> None:
        """
        Every unit and organisation exists on every day of the period given.
        """
        registry, period = data.draw(contexts())
        check_registry(registry)
        for unit in registry.units:
            assert unit.code in registry.as_of(period.start)
            assert unit.code in registry.as_of(period.end)

    @heavy
    @given(st.data())
    def test_the_registry_as_of_any_day_is_consistent(self, data: st.DataObject) -> None:
        """
        A unit never outlives its parent, so the registry as of any day can be built.
        """
        registry, _ = data.draw(contexts())
        days = [
            day
            for place in places_of(registry)
            for day in (place.valid_from, place.valid_to)
            if day is not None
        ]
        day = data.draw(st.sampled_from(days) if days else st.dates())
        check_registry(registry.as_of(day))

    def test_registries_shrink_to_a_province_and_one_commune(self) -> None:
        """
        The simplest registry is a province with one commune directly under it.
        """
        registry = find(testing.units_registries(), lambda _: True)
        expected = [("00001", "01"), ("01", None)]
        assert expected == sorted((unit.code, unit.parent_code) for unit in registry.units)

    def test_communes_can_sit_under_districts(self) -> None:
        """
        Besides communes directly under the province, there is the shape before 2025.
        """
        registry = find(
            testing.units_registries(),
            lambda registry: bool(registry.at_level(antq.UnitLevel.DISTRICT)),
        )
        commune = registry.at_level(antq.UnitLevel.COMMUNE)[0]
        expected = [antq.UnitLevel.DISTRICT, antq.UnitLevel.PROVINCE]
        assert expected == [unit.level for unit in registry.ancestors(commune.code)]


class TestUnitsAndOrganisations:
    """
    Single units and organisations.
    """

    @heavy
    @given(testing.units())
    def test_units_are_valid(self, unit: antq.Unit) -> None:
        """
        Every unit passes validation.
        """
        attrs.validate(unit)

    @heavy
    @given(testing.organisations())
    def test_organisations_carry_only_the_facts_of_their_kind(
        self, organisation: antq.Organisation
    ) -> None:
        """
        Only enterprises have a size, schools a level, agencies the armed-forces flag.
        """
        attrs.validate(organisation)
        kind = organisation.kind
        assert organisation.enterprise_size is None or kind is antq.OrganisationKind.ENTERPRISE
        assert organisation.school_level is None or kind is antq.OrganisationKind.SCHOOL
        assert not organisation.armed_forces or kind is antq.OrganisationKind.AGENCY


class TestRecords:
    """
    Campaigns, sessions, tips, extensions, model groups and reintegration cases.
    """

    @heavy
    @given(st.data())
    def test_campaigns_run_inside_the_period(self, data: st.DataObject) -> None:
        """
        Every campaign lies in the period and is organised by a unit of the registry.
        """
        registry, period = data.draw(contexts())
        campaign = data.draw(testing.campaigns(registry=registry, period=period))
        check_campaign(campaign, registry, period)

    @heavy
    @given(st.data())
    def test_sessions_are_held_in_hamlets_or_organisations(self, data: st.DataObject) -> None:
        """
        Every session is held inside the period, during its campaign if it has one.
        """
        registry, period = data.draw(contexts(min_hamlets_per_commune=1))
        campaigns = data.draw(
            st.lists(
                testing.campaigns(registry=registry, period=period),
                max_size=3,
                unique_by=lambda campaign: campaign.id,  # as in a dataset
            )
        )
        session = data.draw(testing.sessions(registry=registry, period=period, campaigns=campaigns))
        check_session(session, registry, period, campaigns)

    @heavy
    @given(st.data())
    def test_sessions_ignore_campaigns_outside_the_period(self, data: st.DataObject) -> None:
        """
        A campaign that does not overlap the period has no session in it.
        """
        registry, period = data.draw(contexts(min_hamlets_per_commune=1))
        before = antq.Period(dt.date(2000, 1, 1), dt.date(2009, 12, 31))
        campaigns = [antq.Campaign("old", antq.CampaignKind.LAUNCH, "Cũ", before, "00001")]
        session = data.draw(testing.sessions(registry=registry, period=period, campaigns=campaigns))
        assert session.campaign_id is None

    @heavy
    @given(st.data())
    def test_tips_are_received_above_where_they_came_from(self, data: st.DataObject) -> None:
        """
        Every tip is dated inside the period and received by a commune or district.
        """
        registry, period = data.draw(contexts())
        sessions = data.draw(
            st.lists(testing.sessions(registry=registry, period=period), max_size=3)
            if registry.at_level(antq.UnitLevel.HAMLET) or registry.organisations
            else st.just([])
        )
        tip = data.draw(testing.tips(registry=registry, period=period, sessions=sessions))
        check_tip(tip, registry, period, sessions)
        origin = tip.origin_code
        if origin is not None:
            above = registry_units_above(registry, origin)
            assert tip.receiving_unit_code in above

    @heavy
    @given(st.data())
    def test_tips_can_leave_informants_out(self, data: st.DataObject) -> None:
        """
        With include_informants=False, every tip is anonymous.
        """
        registry, period = data.draw(contexts())
        tip = data.draw(testing.tips(registry=registry, period=period, include_informants=False))
        assert tip.is_anonymous

    @heavy
    @given(st.data())
    def test_tips_ignore_sessions_outside_the_period_or_the_registry(
        self, data: st.DataObject
    ) -> None:
        """
        A session held before the period, or elsewhere, is never a tip's session.
        """
        registry, period = data.draw(contexts())
        sessions = [
            antq.MobilisationSession(
                "early", dt.date(2000, 1, 1), "00001", antq.CampaignKind.LAUNCH, participant_turns=1
            ),
            antq.MobilisationSession(
                "elsewhere", period.start, "X-99", antq.CampaignKind.LAUNCH, participant_turns=1
            ),
        ]
        tip = data.draw(testing.tips(registry=registry, period=period, sessions=sessions))
        assert tip.session_id is None

    @given(st.data())
    def test_extensions_are_granted_on_or_after_receipt(self, data: st.DataObject) -> None:
        """
        Every extension is granted on or after receipt and runs for at most 2 months.
        """
        received_on = data.draw(testing.dates())
        extension = data.draw(testing.tip_extensions(received_on=received_on))
        attrs.validate(extension)
        assert received_on <= extension.granted_on <= extension.until
        assert (extension.until - received_on).days <= 123  # 4 months
        assert (extension.until - extension.granted_on).days <= 62  # 2 months

    @given(st.data())
    def test_extensions_end_by_the_latest_day_given(self, data: st.DataObject) -> None:
        """
        With max_value, extensions are granted and end on that day at the latest.
        """
        received_on = data.draw(testing.dates())
        latest = data.draw(testing.dates(min_value=received_on, max_value=dt.date(2031, 12, 31)))
        extension = data.draw(testing.tip_extensions(received_on=received_on, max_value=latest))
        assert received_on <= extension.granted_on <= extension.until <= latest

    @given(testing.tip_extensions(received_on=dt.date(9999, 12, 1)))
    def test_extensions_can_be_drawn_in_the_last_month_of_the_calendar(
        self, extension: antq.TipExtension
    ) -> None:
        """
        A tip received in December 9999 gets extensions that end by 31 December 9999.
        """
        attrs.validate(extension)
        assert dt.date(9999, 12, 1) <= extension.granted_on

    @heavy
    @given(st.data())
    def test_model_groups_are_set_up_inside_the_period(self, data: st.DataObject) -> None:
        """
        Every model group is set up (and ended) inside the period, in a place of the registry.
        """
        registry, period = data.draw(contexts())
        group = data.draw(testing.model_groups(registry=registry, period=period))
        check_model_group(group, registry, period)

    @heavy
    @given(st.data())
    def test_reintegration_cases_are_helped_inside_the_period(self, data: st.DataObject) -> None:
        """
        Every case lies in the period and lives in a hamlet or commune of the registry.
        """
        registry, period = data.draw(contexts())
        case = data.draw(testing.reintegration_cases(registry=registry, period=period))
        check_reintegration_case(case, registry, period)

    @heavy
    @given(st.data())
    def test_declared_tallies_name_exactly_the_kind_their_figure_needs(
        self, data: st.DataObject
    ) -> None:
        """
        Every tally lies in the period, has one declarer of the registry, and only its kind.
        """
        registry, period = data.draw(contexts())
        tally = data.draw(testing.declared_tallies(registry=registry, period=period))
        check_declared_tally(tally, registry, period)

    @pytest.mark.parametrize("figure", list(antq.TallyFigure), ids=lambda figure: figure.value)
    def test_declared_tallies_cover_every_figure(self, figure: antq.TallyFigure) -> None:
        """
        A tally of every figure can be drawn, declared by any level down to the hamlet.
        """
        registry = antq.UnitRegistry(
            [
                antq.Unit("06", "Bắc Kạn", antq.UnitKind.PROVINCE),
                antq.Unit("00001", "Phúc Xá", antq.UnitKind.WARD, parent_code="06"),
                antq.Unit(
                    "00001-T01", "Tổ 1", antq.UnitKind.RESIDENTIAL_GROUP, parent_code="00001"
                ),
            ]
        )
        strategy = testing.declared_tallies(registry=registry, period=ONE_YEAR)
        tally = find(
            strategy, lambda tally: tally.figure is figure and tally.unit_code == "00001-T01"
        )
        check_declared_tally(tally, registry, ONE_YEAR)


class TestDatasets:
    """
    Whole datasets.
    """

    @heavy
    @given(testing.datasets())
    def test_datasets_are_valid_and_every_reference_resolves(
        self, dataset: antq.MovementDataset
    ) -> None:
        """
        Every record is valid, ids are unique per kind, and every reference resolves.
        """
        check_dataset(dataset)

    @heavy
    @given(st.data())
    def test_sizes_stay_within_the_bounds_given(self, data: st.DataObject) -> None:
        """
        Each kind of record respects its bounds.
        """
        sizes = {
            kind: data.draw(bounds(largest=4), label=kind)
            for kind in (
                "campaigns",
                "sessions",
                "tips",
                "model_groups",
                "reintegration_cases",
                "declared_tallies",
            )
        }
        dataset = data.draw(
            testing.datasets(
                min_campaigns=sizes["campaigns"][0],
                max_campaigns=sizes["campaigns"][1],
                min_sessions=sizes["sessions"][0],
                max_sessions=sizes["sessions"][1],
                min_tips=sizes["tips"][0],
                max_tips=sizes["tips"][1],
                min_model_groups=sizes["model_groups"][0],
                max_model_groups=sizes["model_groups"][1],
                min_reintegration_cases=sizes["reintegration_cases"][0],
                max_reintegration_cases=sizes["reintegration_cases"][1],
                min_declared_tallies=sizes["declared_tallies"][0],
                max_declared_tallies=sizes["declared_tallies"][1],
            )
        )
        check_dataset(dataset)
        counts = dataset.record_counts()
        for kind, (low, high) in sizes.items():
            assert low <= counts[kind] <= high

    @heavy
    @given(testing.datasets(period=ONE_YEAR, min_tips=1, include_informants=False))
    def test_a_period_given_is_the_datasets_period(self, dataset: antq.MovementDataset) -> None:
        """
        A dataset drawn for a period covers that period, and informants can be left out.
        """
        check_dataset(dataset)
        assert ONE_YEAR == dataset.period
        assert all(tip.is_anonymous for tip in dataset.tips)

    @heavy
    @given(testing.datasets())
    def test_datasets_hold_no_declared_tally_unless_asked(
        self, dataset: antq.MovementDataset
    ) -> None:
        """
        By default a dataset counts from records alone, as before tallies could be drawn.
        """
        assert () == dataset.declared_tallies

    @heavy
    @given(testing.datasets(min_declared_tallies=3, max_declared_tallies=6))
    def test_datasets_with_tallies_have_unique_tally_ids(
        self, dataset: antq.MovementDataset
    ) -> None:
        """
        Tallies asked for are drawn valid, inside the period, with unique ids.
        """
        check_dataset(dataset)
        assert 3 <= len(dataset.declared_tallies) <= 6

    def test_datasets_shrink_to_a_registry_and_no_record(self) -> None:
        """
        The simplest dataset covers one day and holds a province, a commune and no record.
        """
        dataset = find(testing.datasets(), lambda _: True)
        counts = dataset.record_counts()
        assert dict.fromkeys(counts, 0) | {"units": 2} == counts
        assert 1 == dataset.period.days


def check_edition(edition: antq.Edition) -> None:
    """
    Check an edition: valid, one province and official units only, codes of their level.
    """
    attrs.validate(edition)
    check_registry(edition.registry)
    assert () == edition.registry.organisations
    assert antq.UnitLevel.HAMLET not in {unit.level for unit in edition.registry}


def check_successor(old: antq.Edition, new: antq.Edition) -> None:
    """
    Check that *new* follows *old*: the next day, every old unit going somewhere.
    """
    check_edition(new)
    antq.UnitTable([old, new])
    assert old.in_force_to is not None
    assert old.in_force_to + dt.timedelta(days=1) == new.in_force_from
    assert {new.in_force_from} == {s.effective for s in new.successions}
    went: dict[str, list[antq.Succession]] = {}
    for succession in new.successions:
        went.setdefault(succession.from_code, []).append(succession)
    assert [unit.code for unit in old.registry] == sorted(
        went, key=[u.code for u in old.registry].index
    )
    for parts in went.values():
        assert [len(parts) == 1] * len(parts) == [part.whole for part in parts]
    if old.registry.at_level(antq.UnitLevel.COMMUNE):
        communes = new.registry.at_level(antq.UnitLevel.COMMUNE)
        assert [] == [c.code for c in communes if not new.predecessors(c.code)]


def splits(old: antq.Edition, new: antq.Edition) -> list[str]:
    """
    Return the codes of the old communes split between new units.
    """
    communes = old.registry.at_level(antq.UnitLevel.COMMUNE)
    return [c.code for c in communes if len(new.successor_codes(old.name, c.code)) > 1]


def ended(edition: antq.Edition, last: dt.date) -> antq.Edition:
    """
    Return *edition* in force until *last*.
    """
    return attrs.evolve(edition, in_force_from=None, in_force_to=last)


#: Bắc Kạn province and Bắc Kạn city without its communes, until the end of 2019.
CITY_ONLY = antq.Edition(
    "2019-01",
    antq.UnitRegistry(
        [
            *PROVINCE_ONLY.units,
            antq.Unit("058", "Bắc Kạn", antq.UnitKind.PROVINCIAL_CITY, parent_code="06"),
        ]
    ),
    in_force_to=dt.date(2019, 12, 31),
)


class TestEditions:
    """
    Successions, editions, pairs of editions, and datasets on an edition.
    """

    @heavy
    @given(testing.successions())
    def test_successions_have_official_codes(self, succession: antq.Succession) -> None:
        """
        Codes have 2, 3 or 5 digits; the later edition is a later month, from its first day.
        """
        attrs.validate(succession)
        digits = {len(succession.from_code), len(succession.to_code)}
        first_day = dt.date.fromisoformat(f"{succession.to_edition}-01")
        assert (True, True, first_day) == (
            digits <= {2, 3, 5},
            succession.from_edition < succession.to_edition,
            succession.effective,
        )

    @heavy
    @given(testing.editions())
    def test_editions_list_official_units_only(self, edition: antq.Edition) -> None:
        """
        An edition is one province and the units under it, without successions.
        """
        check_edition(edition)
        assert () == edition.successions

    @heavy
    @given(testing.editions())
    def test_an_edition_is_named_by_its_first_or_last_month(self, edition: antq.Edition) -> None:
        """
        The name is the month the edition comes into force, or ends, when it has a bound.
        """
        bound = edition.in_force_from or edition.in_force_to
        assert bound is None or f"{bound.year:04d}-{bound.month:02d}" == edition.name

    @heavy
    @given(st.data())
    def test_sizes_stay_within_the_bounds_given(self, data: st.DataObject) -> None:
        """
        The communes of an edition respect their bounds.
        """
        low, high = data.draw(bounds(largest=6))
        edition = data.draw(testing.editions(min_communes=low, max_communes=high))
        assert low <= len(edition.registry.at_level(antq.UnitLevel.COMMUNE)) <= high

    @heavy
    @given(testing.edition_pairs())
    def test_the_second_edition_of_a_pair_follows_the_first(
        self, pair: tuple[antq.Edition, antq.Edition]
    ) -> None:
        """
        It comes into force the next day, and every old unit went somewhere.
        """
        check_successor(*pair)

    @heavy
    @given(testing.edition_pairs(with_split=True, max_communes=2))
    def test_a_pair_with_a_split_splits_a_commune(
        self, pair: tuple[antq.Edition, antq.Edition]
    ) -> None:
        """
        with_split=True draws at least one old commune split between new ones.
        """
        check_successor(*pair)
        assert [] != splits(*pair)

    def test_pairs_may_split_nothing(self) -> None:
        """
        Without with_split, the simplest pair keeps its one commune whole.
        """
        old, new = find(testing.edition_pairs(), lambda _: True)
        assert [] == splits(old, new)

    @heavy
    @given(st.data())
    def test_an_edition_may_follow_a_given_one(self, data: st.DataObject) -> None:
        """
        editions(previous=...) draws the next edition of any edition that ends.
        """
        previous = ended(data.draw(testing.editions()), data.draw(testing.dates()))
        check_successor(previous, data.draw(testing.editions(previous=previous)))

    def test_the_next_edition_takes_the_next_month_if_the_name_is_taken(self) -> None:
        """
        After an edition named 2025-07 that ends on 15 July, the next is named 2025-08.
        """
        previous = ended(find(testing.editions(), lambda _: True), dt.date(2025, 7, 15))
        previous = attrs.evolve(previous, name="2025-07")
        edition = find(testing.editions(previous=previous), lambda _: True)
        assert ("2025-08", dt.date(2025, 7, 16)) == (edition.name, edition.in_force_from)

    def test_a_district_without_communes_goes_into_the_new_province(self) -> None:
        """
        Bắc Kạn province and its city, without communes, both go into the new province.
        """
        edition = find(testing.editions(previous=CITY_ONLY), lambda _: True)
        (province,) = edition.registry.at_level(antq.UnitLevel.PROVINCE)
        expected = [("058", province.code, True), ("06", province.code, True)]
        assert expected == [(s.from_code, s.to_code, s.whole) for s in edition.successions]

    def test_communes_go_into_the_province_of_an_edition_without_communes(self) -> None:
        """
        Into an edition of a province alone, every old unit goes into the province.
        """
        previous = find(testing.edition_pairs(), lambda _: True)[0]
        edition = find(
            testing.editions(previous=previous, min_communes=0, max_communes=0), lambda _: True
        )
        (province,) = edition.registry.at_level(antq.UnitLevel.PROVINCE)
        assert {province.code} == {s.to_code for s in edition.successions}

    @heavy
    @given(st.data())
    def test_datasets_on_an_edition_hold_its_units(self, data: st.DataObject) -> None:
        """
        The dataset names the edition, holds its units, and lies within its days.
        """
        edition = data.draw(testing.editions())
        dataset = data.draw(
            testing.datasets(edition=edition, min_sessions=1, max_declared_tallies=3)
        )
        check_dataset(dataset)
        listed = [u for u in dataset.registry if u.level is not antq.UnitLevel.HAMLET]
        communes_with_hamlets = {
            u.parent_code for u in dataset.registry if u.level is antq.UnitLevel.HAMLET
        }
        assert (edition, list(edition.registry)) == (dataset.edition, listed)
        assert (True, True) == (
            edition.in_force_on(dataset.period.start) and edition.in_force_on(dataset.period.end),
            1 <= len(communes_with_hamlets) <= 5,
        )

    @pytest.mark.parametrize(
        ("start", "end", "window"),
        [
            (None, dt.date(2005, 6, 30), antq.Period(dt.date(2005, 6, 30), dt.date(2005, 6, 30))),
            (dt.date(2035, 1, 1), None, antq.Period(dt.date(2035, 1, 1), dt.date(2035, 1, 1))),
            (None, None, antq.Period(dt.date(2010, 1, 1), dt.date(2030, 12, 31))),
        ],
        ids=["ended-before-2010", "starts-after-2030", "always"],
    )
    @heavy
    @given(data=st.data())
    def test_a_dataset_lies_within_its_editions_days(
        self, start: dt.date | None, end: dt.date | None, window: antq.Period, data: st.DataObject
    ) -> None:
        """
        The period is drawn within the edition's days, bounded by 2010-2030 where open.
        """
        edition = attrs.evolve(
            data.draw(testing.editions(max_communes=2)), in_force_from=start, in_force_to=end
        )
        dataset = data.draw(testing.datasets(edition=edition, max_tips=2, max_sessions=2))
        assert window.contains(dataset.period)

    @settings(max_examples=3, deadline=None, phases=[Phase.generate])
    @given(
        testing.datasets(
            edition=official.edition("2025-01"), min_sessions=1, max_sessions=1, max_tips=1
        )
    )
    def test_a_dataset_on_a_large_edition_stays_small(self, dataset: antq.MovementDataset) -> None:
        """
        On the bundled edition of 10,794 units, hamlets go under five communes at most.
        """
        hamlets = [u for u in dataset.registry if u.level is antq.UnitLevel.HAMLET]
        communes = {hamlet.parent_code for hamlet in hamlets}
        expected = (True, 10_794 + len(hamlets))
        assert expected == (1 <= len(communes) <= 5, len(dataset.registry))

    @heavy
    @given(testing.datasets(edition=antq.Edition("2020-01", PROVINCE_ONLY), min_sessions=1))
    def test_a_dataset_on_an_edition_without_communes_has_no_hamlet(
        self, dataset: antq.MovementDataset
    ) -> None:
        """
        An edition of a province alone leaves nowhere for hamlets, organisations or sessions.
        """
        expected = (1, (), ())
        assert expected == (len(dataset.registry), dataset.registry.organisations, dataset.sessions)


#: Days on which security-and-order teams may exist: from 1 July 2024 to 2030.
TEAM_DAYS = antq.Period(dt.date(2024, 7, 1), dt.date(2030, 12, 31))


class TestTeamsFactsAndRecognitions:
    """
    Security-and-order teams, facts for recognition and recorded recognitions.
    """

    @heavy
    @given(st.data())
    def test_teams_serve_hamlets_of_their_commune(self, data: st.DataObject) -> None:
        """
        Every team belongs to a commune, serves its hamlets once each, and lies in the period.
        """
        period = data.draw(testing.periods(within=TEAM_DAYS))
        registry = data.draw(testing.units_registries(min_hamlets_per_commune=1, during=period))
        team = data.draw(testing.security_teams(registry=registry, period=period))
        attrs.validate(team)
        assert antq.UnitLevel.COMMUNE is registry.get(team.commune_code).level
        assert {team.commune_code} == {registry.get(h).parent_code for h in team.hamlet_codes}
        assert_unique(team.hamlet_codes)
        assert_inside(period, team.established_on, team.dissolved_on)
        assert team.established_on >= dt.date(2024, 7, 1)

    @heavy
    @given(st.data())
    def test_facts_are_about_a_place_in_a_year_of_the_period(self, data: st.DataObject) -> None:
        """
        Every fact is one antq reads, with a value of its type, for a year the period touches.
        """
        registry, period = data.draw(contexts())
        fact = data.draw(testing.assessment_facts(registry=registry, period=period))
        attrs.validate(fact)
        assert period.start.year <= fact.year <= period.end.year
        assert level_of(registry, fact.unit_code) in {
            None,
            antq.UnitLevel.HAMLET,
            antq.UnitLevel.COMMUNE,
        }
        assert isinstance(fact.value, bool) == (FACTS[fact.fact].kind is bool)

    @heavy
    @given(st.data())
    def test_recognitions_are_decisions_on_places_that_can_be_recognised(
        self, data: st.DataObject
    ) -> None:
        """
        Every decision is safe or not safe, on a place that can be recognised, dated in its year.
        """
        registry, period = data.draw(contexts())
        decision = data.draw(testing.recognitions(registry=registry, period=period))
        attrs.validate(decision)
        assert decision.outcome in {antq.Outcome.SAFE, antq.Outcome.NOT_SAFE}
        assert period.start.year <= decision.year <= period.end.year
        assert decision.decided_on is None or decision.year == decision.decided_on.year

    @heavy
    @given(
        testing.datasets(
            min_security_teams=1,
            max_security_teams=3,
            min_assessment_facts=1,
            max_assessment_facts=8,
            max_recognitions=4,
        )
    )
    def test_datasets_hold_teams_facts_and_decisions_when_asked(
        self, dataset: antq.MovementDataset
    ) -> None:
        """
        Teams have unique ids; a fact is given once per place and year; no count tops its total.
        """
        check_dataset(dataset)
        assert 1 <= len(dataset.security_teams) <= 3
        assert_unique(team.id for team in dataset.security_teams)
        facts = {(f.unit_code, f.year, f.fact): f.value for f in dataset.assessment_facts}
        assert len(facts) == len(dataset.assessment_facts)
        for (unit, year, fact), value in facts.items():
            total = {"households_registered": "households_total"}.get(fact)
            assert total is None or value <= facts.get((unit, year, total), value)
        decisions = [(d.code, d.year) for d in dataset.recognitions]
        assert len(set(decisions)) == len(decisions)

    @heavy
    @given(
        testing.editions().flatmap(
            lambda edition: testing.datasets(edition=edition, max_security_teams=2)
        )
    )
    def test_teams_on_an_edition_are_drawn_in_its_days(self, dataset: antq.MovementDataset) -> None:
        """
        On an edition, teams come only in a period after 1 July 2024 within its days.
        """
        assert dataset.edition is not None
        check_dataset(dataset)
        assert not dataset.security_teams or dataset.period.end >= dt.date(2024, 7, 1)


# Score sheets and criteria ---------------------------------------------------------------


def survives_toml_and_json(text: str) -> bool:
    """
    Tell whether *text*, written as a JSON string (a TOML basic string too), reads back.
    """
    written = json.dumps(text, ensure_ascii=False).encode("utf-8").decode("utf-8")
    return bool(text == json.loads(written) == tomllib.loads(f"text = {written}")["text"])


def toml_value(value: object) -> str:
    """
    Write a value of a criteria document in TOML: strings, integers, arrays, inline tables.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(map(toml_value, value)) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + "}"


def criteria_document(parameters: antq.CriteriaParameters) -> dict[str, Any]:
    """
    Return the document of a criteria file that gives *parameters*.
    """

    def conditions(found: Iterable[antq.Condition]) -> list[dict[str, Any]]:
        return [{"fact": c.fact, c.comparison.value: c.value} for c in found]

    document: dict[str, Any] = {
        "gaps": [
            {"criterion": g.criterion, "source": g.source, "conditions": conditions(g.conditions)}
            for g in parameters.gaps
        ],
        "criteria": [
            {
                "id": c.id,
                "title": c.title,
                "source": c.source,
                "subjects": [subject.value for subject in c.subjects],
                "regimes": [regime.value for regime in c.regimes],
                "conditions": conditions(c.conditions),
            }
            | ({} if c.title_vi is None else {"title_vi": c.title_vi})
            for c in parameters.provincial
        ],
    }
    if parameters.tt124_hamlet_percent is not None:
        document["tt124_hamlet_percent"] = parameters.tt124_hamlet_percent
    if parameters.school_review is not None:
        document["school_review"] = str(parameters.school_review)
    return document


def one_item_sheet(max_points: Decimal) -> antq.ScoreSheet:
    """
    Return a sheet of one item, ``q``, worth *max_points*.
    """
    item = antq.ScoreItem("q", "Câu hỏi", max_points)
    return antq.ScoreSheet("s", "Bảng điểm", [antq.RatedKind.HAMLET], "tests", [item])


#: The criteria of antq's catalogue that conditions can fill.
OPEN_CRITERIA = {c.id for c in CRITERIA.values() if c.parameter == "gaps"}


class TestScoreSheets:
    """
    Score sheets with their cut-offs.
    """

    @given(testing.score_sheets())
    def test_sheets_are_valid_with_cutoffs_in_order_below_the_total(
        self, sheet: antq.ScoreSheet
    ) -> None:
        """
        Ids are local and unique; cut-offs go from the best class down, none above the total.
        """
        assert sheet == attrs.evolve(sheet)
        assert all(LOCAL_ID.fullmatch(i) for i in [sheet.id, *(i.id for i in sheet.items)])
        assert_unique(item.id for item in sheet.items)
        ranks = [cutoff.rating_class.rank for cutoff in sheet.cutoffs]
        minimums = [cutoff.minimum for cutoff in sheet.cutoffs]
        assert sorted(set(ranks)) == ranks
        assert sorted(set(minimums), reverse=True) == minimums
        assert all(0 <= minimum <= sheet.max_total for minimum in minimums)
        for item in sheet.items:
            assert Decimal("0.25") <= item.max_points <= 50
            assert item.max_points == item.max_points.quantize(Decimal("0.01"))

    @given(testing.score_sheets())
    def test_texts_can_be_written_to_toml_and_json(self, sheet: antq.ScoreSheet) -> None:
        """
        Every title, source and group is UTF-8 text that a TOML or JSON string holds.
        """
        groups = [item.group for item in sheet.items if item.group is not None]
        texts = [sheet.title, sheet.source, *(item.title for item in sheet.items), *groups]
        assert all(text.strip() and survives_toml_and_json(text) for text in texts)

    @given(st.data())
    def test_sizes_stay_within_the_bounds_given(self, data: st.DataObject) -> None:
        """
        A sheet has from min_items to max_items items.
        """
        low = data.draw(st.integers(1, 6))
        high = data.draw(st.integers(low, 8))
        sheet = data.draw(testing.score_sheets(min_items=low, max_items=high))
        assert low <= len(sheet.items) <= high

    @given(st.data())
    def test_kinds_given_are_the_kinds_of_every_sheet(self, data: st.DataObject) -> None:
        """
        With kinds, every sheet rates exactly those kinds, in that order.
        """
        kinds = data.draw(st.lists(st.sampled_from(antq.RatedKind), min_size=1, unique=True))
        sheet = data.draw(testing.score_sheets(kinds=tuple(kinds)))
        assert tuple(kinds) == sheet.kinds

    def test_sheets_shrink_to_one_item_worth_a_quarter_and_no_cutoff(self) -> None:
        """
        The simplest sheet rates hamlets on one item worth 0.25 points, without classes.
        """
        sheet = find(testing.score_sheets(), lambda _: True)
        expected = ((antq.RatedKind.HAMLET,), [Decimal("0.25")], ())
        assert expected == (sheet.kinds, [i.max_points for i in sheet.items], sheet.cutoffs)

    def test_a_sheet_can_give_every_class_down_to_zero(self) -> None:
        """
        Some sheets have a cut-off for each of the four classes, the lowest at 0 points.
        """
        sheet = find(
            testing.score_sheets(),
            lambda sheet: len(sheet.cutoffs) == 4 and sheet.cutoffs[-1].minimum == 0,
        )
        assert list(antq.RatingClass) == [cutoff.rating_class for cutoff in sheet.cutoffs]

    def test_items_can_share_a_group(self) -> None:
        """
        Groups are the sheet's: two items can belong to the same one.
        """
        sheet = find(
            testing.score_sheets(),
            lambda sheet: (
                len([i for i in sheet.items if i.group is not None])
                > len({i.group for i in sheet.items if i.group is not None})
            ),
        )
        assert 2 == len(sheet.items)


class TestScoreSheetScores:
    """
    The points given on a score sheet.
    """

    @given(st.data())
    def test_every_item_gets_points_up_to_its_maximum(self, data: st.DataObject) -> None:
        """
        The points name every item, in the sheet's order, and make a complete rating.
        """
        sheet = data.draw(testing.score_sheets())
        scores = data.draw(testing.score_sheet_scores(sheet=sheet))
        assert [item.id for item in sheet.items] == list(scores)
        assert all(0 <= scores[item.id] <= item.max_points for item in sheet.items)
        rating = antq.rate(sheet, scores)
        assert (True, sum(scores.values(), Decimal(0))) == (rating.complete, rating.total)

    @pytest.mark.parametrize(
        "maximum", [Decimal("0.5"), Decimal("2.125"), Decimal("1E+1")], ids=str
    )
    def test_an_item_can_get_its_maximum(self, maximum: Decimal) -> None:
        """
        The maximum itself can be given, whatever its number of decimal places.
        """
        sheet = one_item_sheet(maximum)
        assert {"q": maximum} == find(
            testing.score_sheet_scores(sheet=sheet), lambda scores: scores["q"] == maximum
        )

    def test_points_take_the_finer_steps_of_a_maximum(self) -> None:
        """
        An item worth 2.125 points can get thousandths; the smallest is 0.001.
        """
        sheet = one_item_sheet(Decimal("2.125"))
        scores = find(
            testing.score_sheet_scores(sheet=sheet),
            lambda scores: scores["q"] % Decimal("0.01") != 0,
        )
        assert Decimal("0.001") == scores["q"]


class TestCriteriaParameters:
    """
    The parameters of a criteria file.
    """

    @given(testing.criteria_parameters())
    def test_parameters_fill_open_criteria_and_add_new_ones(
        self, parameters: antq.CriteriaParameters
    ) -> None:
        """
        Gaps fill criteria that take conditions; provincial ids are new; conditions are 1 to 3.
        """
        assert parameters == attrs.evolve(parameters)
        assert {gap.criterion for gap in parameters.gaps} <= OPEN_CRITERIA
        assert not {criterion.id for criterion in parameters.provincial} & set(CRITERIA)
        groups = [gap.conditions for gap in parameters.gaps]
        groups += [criterion.conditions for criterion in parameters.provincial]
        assert all(1 <= len(conditions) <= 3 for conditions in groups)

    @settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(parameters=testing.criteria_parameters())
    def test_parameters_survive_a_criteria_file(
        self, tmp_path: Path, parameters: antq.CriteriaParameters
    ) -> None:
        """
        Written to a TOML and a JSON criteria file, the parameters read back the same.
        """
        document = criteria_document(parameters)
        as_toml = tmp_path / "criteria.toml"
        as_toml.write_text(
            "".join(f"{key} = {toml_value(value)}\n" for key, value in document.items()),
            encoding="utf-8",
        )
        as_json = tmp_path / "criteria.json"
        as_json.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        assert [parameters, parameters] == [load_criteria(as_toml), load_criteria(as_json)]

    @given(st.data())
    def test_sizes_stay_within_the_bounds_given(self, data: st.DataObject) -> None:
        """
        Gaps and provincial criteria respect their bounds.
        """
        gaps = data.draw(bounds(largest=16))
        provincial = data.draw(bounds(largest=4))
        parameters = data.draw(
            testing.criteria_parameters(
                min_gaps=gaps[0],
                max_gaps=gaps[1],
                min_provincial=provincial[0],
                max_provincial=provincial[1],
            )
        )
        assert gaps[0] <= len(parameters.gaps) <= gaps[1]
        assert provincial[0] <= len(parameters.provincial) <= provincial[1]

    @settings(max_examples=10)
    @given(testing.criteria_parameters(min_gaps=16, max_gaps=99, max_provincial=0))
    def test_every_open_criterion_can_be_filled_at_once(
        self, parameters: antq.CriteriaParameters
    ) -> None:
        """
        With min_gaps=16, every criterion that takes conditions is filled, and no more.
        """
        assert OPEN_CRITERIA == {gap.criterion for gap in parameters.gaps}

    def test_conditions_may_read_a_fact_of_the_users_own(self) -> None:
        """
        A condition can name a fact antq does not know, compared as a count or true/false.
        """
        parameters = find(
            testing.criteria_parameters(min_gaps=1, max_gaps=1, max_provincial=0),
            lambda p: any(c.fact not in FACTS for g in p.gaps for c in g.conditions),
        )
        assert "a" in {c.fact for gap in parameters.gaps for c in gap.conditions}

    def test_a_provincial_id_that_names_a_catalogue_criterion_is_changed(self) -> None:
        """
        An id drawn equal to a criterion of the catalogue becomes another, still local id.
        """
        # Drawn at random too rarely for a test: the private helper is called instead.
        assert ("tt124.hamlet.1.p", "bac-kan.1") == (
            testing._provincial_id("tt124.hamlet.1"),
            testing._provincial_id("bac-kan.1"),
        )


class TestInvalidArguments:
    """
    Arguments that no strategy can honour.
    """

    @pytest.mark.parametrize(
        ("make", "argument"),
        [
            pytest.param(
                lambda: testing.dates(min_value=dt.date(2020, 1, 2), max_value=dt.date(2020, 1, 1)),
                "max_value",
                id="dates-reversed",
            ),
            pytest.param(
                lambda: testing.dates(min_value=dt.datetime(2020, 1, 1, tzinfo=dt.UTC)),
                "min_value",
                id="dates-datetime",
            ),
            pytest.param(
                lambda: testing.periods(within=NOT_A_PERIOD), "within", id="periods-within-text"
            ),
            pytest.param(
                lambda: testing.units_registries(min_communes=-1),
                "min_communes",
                id="negative-size",
            ),
            pytest.param(
                lambda: testing.units_registries(max_communes=True),
                "max_communes",
                id="boolean-size",
            ),
            pytest.param(
                lambda: testing.units_registries(
                    min_hamlets_per_commune=3, max_hamlets_per_commune=2
                ),
                "min_hamlets_per_commune",
                id="min-above-max",
            ),
            pytest.param(
                lambda: testing.units_registries(during=NOT_A_PERIOD), "during", id="during-text"
            ),
            pytest.param(
                lambda: testing.campaigns(registry=antq.UnitRegistry(()), period=ONE_YEAR),
                "registry",
                id="campaigns-no-organiser",
            ),
            pytest.param(
                lambda: testing.campaigns(registry=NOT_A_REGISTRY, period=ONE_YEAR),
                "registry",
                id="campaigns-registry-tuple",
            ),
            pytest.param(
                lambda: testing.sessions(registry=PROVINCE_ONLY, period=ONE_YEAR),
                "registry",
                id="sessions-no-place",
            ),
            pytest.param(
                lambda: testing.tips(registry=PROVINCE_ONLY, period=ONE_YEAR),
                "registry",
                id="tips-no-receiver",
            ),
            pytest.param(
                lambda: testing.tips(registry=PROVINCE_ONLY, period=NOT_A_PERIOD),
                "period",
                id="tips-period-text",
            ),
            pytest.param(
                lambda: testing.model_groups(registry=PROVINCE_ONLY, period=ONE_YEAR),
                "registry",
                id="groups-no-place",
            ),
            pytest.param(
                lambda: testing.reintegration_cases(registry=PROVINCE_ONLY, period=ONE_YEAR),
                "registry",
                id="cases-no-home",
            ),
            pytest.param(
                lambda: testing.tip_extensions(
                    received_on=dt.date(2020, 2, 1), max_value=dt.date(2020, 1, 31)
                ),
                "max_value",
                id="extensions-reversed",
            ),
            pytest.param(
                lambda: testing.tip_extensions(received_on=NOT_A_DATE),
                "received_on",
                id="extensions-text",
            ),
            pytest.param(
                lambda: testing.declared_tallies(registry=antq.UnitRegistry(()), period=ONE_YEAR),
                "registry",
                id="tallies-no-declarer",
            ),
            pytest.param(
                lambda: testing.declared_tallies(registry=NOT_A_REGISTRY, period=ONE_YEAR),
                "registry",
                id="tallies-registry-tuple",
            ),
            pytest.param(
                lambda: testing.datasets(min_tips=21), "min_tips", id="datasets-min-above-max"
            ),
            pytest.param(
                lambda: testing.datasets(min_declared_tallies=1),
                "min_declared_tallies",
                id="datasets-tallies-above-max",
            ),
            pytest.param(
                lambda: testing.datasets(max_declared_tallies=-1),
                "max_declared_tallies",
                id="datasets-tallies-negative",
            ),
            pytest.param(
                lambda: testing.datasets(period=NOT_A_PERIOD), "period", id="datasets-period-text"
            ),
            pytest.param(
                lambda: testing.datasets(edition=NOT_AN_EDITION),
                "edition",
                id="datasets-edition-text",
            ),
            pytest.param(
                lambda: testing.datasets(edition=CITY_ONLY, period=antq.Period.year(2020)),
                "period",
                id="datasets-period-after-the-edition",
            ),
            pytest.param(
                lambda: testing.editions(min_communes=-1),
                "min_communes",
                id="editions-negative-size",
            ),
            pytest.param(
                lambda: testing.editions(previous=NOT_AN_EDITION),
                "previous",
                id="editions-previous-text",
            ),
            pytest.param(
                lambda: testing.editions(previous=attrs.evolve(CITY_ONLY, in_force_to=None)),
                "previous",
                id="editions-previous-never-ends",
            ),
            pytest.param(
                lambda: testing.editions(
                    previous=attrs.evolve(CITY_ONLY, in_force_to=dt.date(9999, 1, 1))
                ),
                "previous",
                id="editions-previous-ends-in-9999",
            ),
            pytest.param(
                lambda: testing.edition_pairs(min_communes=3, max_communes=2),
                "min_communes",
                id="pairs-min-above-max",
            ),
            pytest.param(
                lambda: testing.edition_pairs(with_split=True, max_communes=1),
                "with_split",
                id="pairs-split-with-one-commune",
            ),
            pytest.param(
                lambda: testing.units_registries(organisations=NOT_A_BOOL),
                "organisations",
                id="registries-organisations-none",
            ),
            pytest.param(
                lambda: testing.edition_pairs(with_split=NOT_A_BOOL),
                "with_split",
                id="pairs-split-none",
            ),
            pytest.param(
                lambda: testing.sessions(
                    registry=PROVINCE_ONLY, period=ONE_YEAR, campaigns=AN_ITERATOR
                ),
                "campaigns",
                id="sessions-campaigns-iterator",
            ),
            pytest.param(
                lambda: testing.sessions(
                    registry=PROVINCE_ONLY, period=ONE_YEAR, campaigns=NOT_RECORDS
                ),
                "campaigns",
                id="sessions-campaigns-ids",
            ),
            pytest.param(
                lambda: testing.tips(registry=PROVINCE_ONLY, period=ONE_YEAR, sessions=A_TEXT),
                "sessions",
                id="tips-sessions-text",
            ),
            pytest.param(
                lambda: testing.tips(
                    registry=PROVINCE_ONLY, period=ONE_YEAR, include_informants=NOT_A_BOOL
                ),
                "include_informants",
                id="tips-informants-none",
            ),
            pytest.param(
                lambda: testing.security_teams(registry=PROVINCE_ONLY, period=ONE_YEAR),
                "period",
                id="teams-before-the-law",
            ),
            pytest.param(
                lambda: testing.security_teams(registry=PROVINCE_ONLY, period=TEAM_YEAR),
                "registry",
                id="teams-no-hamlet",
            ),
            pytest.param(
                lambda: testing.assessment_facts(registry=NOT_A_REGISTRY, period=ONE_YEAR),
                "registry",
                id="facts-registry-tuple",
            ),
            pytest.param(
                lambda: testing.assessment_facts(registry=PROVINCE_ONLY, period=YEAR_999),
                "period",
                id="facts-year-of-three-digits",
            ),
            pytest.param(
                lambda: testing.recognitions(registry=PROVINCE_ONLY, period=ONE_YEAR),
                "registry",
                id="recognitions-no-place",
            ),
            pytest.param(
                lambda: testing.datasets(include_informants=NOT_A_BOOL),
                "include_informants",
                id="datasets-informants-none",
            ),
            pytest.param(
                lambda: testing.datasets(
                    min_security_teams=1, max_security_teams=1, period=ONE_YEAR
                ),
                "min_security_teams",
                id="datasets-teams-before-the-law",
            ),
            pytest.param(
                lambda: testing.datasets(
                    min_security_teams=1, max_security_teams=1, edition=CITY_ONLY
                ),
                "min_security_teams",
                id="datasets-teams-on-an-edition-before-the-law",
            ),
            pytest.param(
                lambda: testing.score_sheets(min_items=0), "min_items", id="sheets-no-item"
            ),
            pytest.param(
                lambda: testing.score_sheets(min_items=3, max_items=2),
                "min_items",
                id="sheets-min-above-max",
            ),
            pytest.param(
                lambda: testing.score_sheets(max_items=-1), "max_items", id="sheets-negative-size"
            ),
            pytest.param(
                lambda: testing.score_sheets(kinds=A_TEXT), "kinds", id="sheets-kinds-text"
            ),
            pytest.param(lambda: testing.score_sheets(kinds=[]), "kinds", id="sheets-no-kind"),
            pytest.param(
                lambda: testing.score_sheets(kinds=[antq.RatedKind.HAMLET] * 2),
                "kinds",
                id="sheets-kind-twice",
            ),
            pytest.param(
                lambda: testing.score_sheets(kinds=NOT_RATED_KINDS), "kinds", id="sheets-kind-ids"
            ),
            pytest.param(
                lambda: testing.score_sheet_scores(sheet=NOT_A_SHEET), "sheet", id="scores-sheet-id"
            ),
            pytest.param(
                lambda: testing.criteria_parameters(min_gaps=17, max_gaps=20),
                "min_gaps",
                id="criteria-more-gaps-than-criteria",
            ),
            pytest.param(
                lambda: testing.criteria_parameters(max_gaps=-1), "max_gaps", id="criteria-negative"
            ),
            pytest.param(
                lambda: testing.criteria_parameters(min_provincial=2, max_provincial=1),
                "min_provincial",
                id="criteria-min-above-max",
            ),
        ],
    )
    def test_strategies_refuse_arguments_they_cannot_honour(
        self, make: Callable[[], Any], argument: str
    ) -> None:
        """
        Each of these calls raises InvalidArgument at once, naming the argument at fault.
        """
        with pytest.raises(InvalidArgument, match=rf"\b{argument}\b"):
            make()

    def test_a_unit_closed_before_the_period_is_not_drawn(self) -> None:
        """
        Records refer only to units that exist on every day of the period.
        """
        closed = antq.UnitRegistry(
            [
                antq.Unit("01", "Hà Nội", antq.UnitKind.CENTRALLY_RUN_CITY),
                antq.Unit(
                    "00001",
                    "Phúc Xá",
                    antq.UnitKind.WARD,
                    parent_code="01",
                    valid_to=dt.date(2019, 12, 31),
                ),
            ]
        )
        with pytest.raises(InvalidArgument, match="reintegration_cases"):
            testing.reintegration_cases(registry=closed, period=ONE_YEAR)


class TestFromType:
    """
    The Hypothesis plugin: st.from_type for every antq type.
    """

    @pytest.mark.parametrize("cls", ANTQ_TYPES, ids=lambda cls: cls.__name__)
    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_from_type_builds_valid_objects(self, cls: type[Any], data: st.DataObject) -> None:
        """
        st.from_type builds a valid object of every antq type.
        """
        value = data.draw(st.from_type(cls))
        assert isinstance(value, cls)
        attrs.validate(value)

    def test_the_hook_can_run_again(self) -> None:
        """
        Running the entry point hook again registers the same strategies.
        """
        _hypothesis_setup_hook()
        assert isinstance(find(st.from_type(antq.TipRecord), lambda _: True), antq.TipRecord)

    def test_importing_antq_testing_first_works(self) -> None:
        """
        antq.testing can be imported before Hypothesis, in a fresh interpreter.
        """
        code = (
            "import antq.testing, antq, hypothesis.strategies as st, hypothesis; "
            "print(type(hypothesis.find(st.from_type(antq.Period), lambda _: True)).__name__)"
        )
        result = subprocess.run(  # noqa: S603 -- runs this interpreter on fixed code
            [sys.executable, "-c", code], capture_output=True, check=True, text=True
        )
        assert "Period\n" == result.stdout


#: Two months, a province with one commune, an agency in the province itself and a
#: session held in the agency in January: the smallest dataset every law looks at.
TWO_MONTHS = antq.Period.parse("2020-01..2020-02")
LAWFUL = antq.MovementDataset(
    TWO_MONTHS,
    antq.UnitRegistry(
        [
            antq.Unit("01", "Hà Nội", antq.UnitKind.CENTRALLY_RUN_CITY),
            antq.Unit("00001", "Phúc Xá", antq.UnitKind.WARD, parent_code="01"),
        ],
        organisations=[
            antq.Organisation("CQ-01", "Sở Tư pháp", antq.OrganisationKind.AGENCY, unit_code="01")
        ],
    ),
    sessions=[
        antq.MobilisationSession(
            "S1", dt.date(2020, 1, 15), "CQ-01", antq.CampaignKind.PROPAGANDA, participant_turns=40
        )
    ],
)


def _one_more_session(dataset: antq.MovementDataset, **options: Any) -> antq.Summary:
    """
    Count one session more than antq does.
    """
    summary: antq.Summary = antq.summarize(dataset, **options)
    return attrs.evolve(summary, sessions=summary.sessions + 1)


def _children_only(dataset: antq.MovementDataset, **options: Any) -> antq.Summary:
    """
    Count what sits below the unit, leaving out what sits at the unit itself.
    """
    unit = options.get("unit")
    if unit is None or not options.get("descendants", True):
        summary: antq.Summary = antq.summarize(dataset, **options)
        return summary
    parts = [antq.summarize(dataset, unit=child.code) for child in dataset.registry.children(unit)]
    return sum(parts, antq.Summary())


def _any_period(dataset: antq.MovementDataset, **options: Any) -> antq.Summary:
    """
    Count the dataset's whole period, whatever period is asked for.
    """
    options.pop("period", None)
    summary: antq.Summary = antq.summarize(dataset, **options)
    return summary


def _nothing(_dataset: antq.MovementDataset, **_options: Any) -> antq.Summary:
    """
    Count nothing: lawful, but not antq's count.
    """
    return antq.Summary()


class TestCheckSummaryLaws:
    """
    check_summary_laws: the laws a function producing summaries keeps.
    """

    def test_antq_summarize_keeps_every_law(self) -> None:
        """
        antq.summarize keeps every law on the default datasets.
        """
        testing.check_summary_laws(antq.summarize, max_examples=10)

    def test_antq_summarize_keeps_every_law_on_a_unit_with_something_of_its_own(self) -> None:
        """
        antq.summarize keeps every law where a unit has a session of its own.
        """
        testing.check_summary_laws(antq.summarize, datasets=st.just(LAWFUL), max_examples=5)

    def test_an_extra_session_breaks_a_law(self) -> None:
        """
        A function that counts a session more than antq fails.
        """
        with pytest.raises(AssertionError, match="break the law of"):
            testing.check_summary_laws(_one_more_session, datasets=st.just(LAWFUL))

    def test_leaving_out_the_unit_itself_breaks_the_roll_up(self) -> None:
        """
        A function that counts only the children of a unit breaks the roll-up.
        """
        with pytest.raises(AssertionError, match="roll-up"):
            testing.check_summary_laws(_children_only, datasets=st.just(LAWFUL))

    def test_ignoring_the_period_breaks_the_time_split(self) -> None:
        """
        A function that ignores the period breaks the time split.
        """
        with pytest.raises(AssertionError, match="time split"):
            testing.check_summary_laws(_any_period, datasets=st.just(LAWFUL))

    def test_disagreeing_with_antq_breaks_the_agreement(self) -> None:
        """
        A lawful function that does not count as antq does breaks the agreement.
        """
        with pytest.raises(AssertionError, match="agreement"):
            testing.check_summary_laws(_nothing, datasets=st.just(LAWFUL))

    def test_reference_false_skips_the_agreement(self) -> None:
        """
        With reference=False, a lawful function need not agree with antq.summarize.
        """
        testing.check_summary_laws(_nothing, datasets=st.just(LAWFUL), reference=False)

    def test_a_registry_without_children_skips_the_roll_up(self) -> None:
        """
        A dataset whose registry has no unit with children checks the other laws.
        """
        alone = antq.MovementDataset(ONE_YEAR, PROVINCE_ONLY)
        testing.check_summary_laws(_children_only, datasets=st.just(alone))

    def test_a_tally_over_two_months_breaks_the_time_split(self) -> None:
        """
        A declared tally over two months breaks the time split, hence the default datasets.
        """
        tally = antq.DeclaredTally("D1", "00001", TWO_MONTHS, antq.TallyFigure.SESSIONS, 3)
        declared = attrs.evolve(LAWFUL, declared_tallies=(tally,))
        with pytest.raises(AssertionError, match="time split"):
            testing.check_summary_laws(antq.summarize, datasets=st.just(declared))
