"""
Tests of dataset validation: the rules, time limits, load findings and reports (antq.validation).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import unicodedata
from typing import TYPE_CHECKING, Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis.errors import InvalidArgument, NoSuchExample

from antq import (
    Campaign,
    CampaignKind,
    DatasetLoadError,
    DeclaredTally,
    Edition,
    EnterpriseSize,
    ExtensionGrantor,
    Informant,
    Language,
    LoadProblem,
    MobilisationSession,
    ModelGroup,
    ModelGroupKind,
    MovementDataset,
    Organisation,
    OrganisationKind,
    Outcome,
    OverlapCause,
    Period,
    Recognition,
    ReintegrationCase,
    ReintegrationCategory,
    SchoolLevel,
    SecurityTeam,
    SizeBand,
    TallyFigure,
    TeamSizeRules,
    TipAssessment,
    TipChannel,
    TipDecision,
    TipExtension,
    TipLegalKind,
    TipRecord,
    Unit,
    UnitKind,
    UnitRegistry,
    official,
    testing,
)
from antq.catalogue import CATALOGUE, Severity
from antq.counting import accepted_tallies
from antq.io import dataset_from_dict, dataset_to_dict, load_example, loads_dataset
from antq.recognition import AssessmentFact
from antq.validation import (
    Finding,
    ValidationReport,
    load_findings,
    validate,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

#: A finding as the tests compare it: code, location, record id, field and value.
Row = tuple[str, str, str | None, str | None, str | None]

YEAR = Period.year(2017)
PROVINCE, CITY, WARD, OTHER_WARD, LEAF_WARD = "06", "058", "01840", "01843", "01834"
T01, T02, OTHER_T01 = "01840-T01", "01840-T02", "01843-T01"
SCHOOL = "THPT-BK"
UNKNOWN = "XX-404"

#: Bắc Kạn province, its city, three wards (one without hamlets), three residential
#: groups and a school; nothing has validity dates.
REGISTRY = UnitRegistry(
    [
        Unit(PROVINCE, "Bắc Kạn", UnitKind.PROVINCE),
        Unit(CITY, "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code=PROVINCE),
        Unit(WARD, "Đức Xuân", UnitKind.WARD, parent_code=CITY),
        Unit(OTHER_WARD, "Phùng Chí Kiên", UnitKind.WARD, parent_code=CITY),
        Unit(LEAF_WARD, "Nguyễn Thị Minh Khai", UnitKind.WARD, parent_code=CITY),
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

PROPAGANDA = CampaignKind.PROPAGANDA
LAUNCH = CampaignKind.LAUNCH
PEAK = CampaignKind.PEAK_CRACKDOWN
MEDIATION = ModelGroupKind.MEDIATION_GROUP
TEAM = ModelGroupKind.SECURITY_PROTECTION_TEAM
SESSIONS = TallyFigure.SESSIONS
TURNS = TallyFigure.PARTICIPANT_TURNS
FORM = TipChannel.FORM
HANDLING = ExtensionGrantor.HANDLING_AGENCY
PROCURACY = ExtensionGrantor.PROCURACY

# Builders ------------------------------------------------------------------------------


def day(text: str) -> dt.date:
    """
    Return the day written ``YYYY-MM-DD``.
    """
    return dt.date.fromisoformat(text)


def dataset(
    *, period: Period = YEAR, registry: UnitRegistry = REGISTRY, **records: Any
) -> MovementDataset:
    """
    Return a dataset over *registry* (REGISTRY by default) with the records given.
    """
    return MovementDataset(period, registry, **records)


def dated(
    code: str, *, valid_from: dt.date | None = None, valid_to: dt.date | None = None
) -> UnitRegistry:
    """
    Return REGISTRY with validity dates given to the unit or organisation *code*.
    """
    return UnitRegistry(
        [
            attrs.evolve(u, valid_from=valid_from, valid_to=valid_to) if u.code == code else u
            for u in REGISTRY.units
        ],
        organisations=[
            attrs.evolve(o, valid_from=valid_from, valid_to=valid_to) if o.code == code else o
            for o in REGISTRY.organisations
        ],
    )


def rows(report: ValidationReport) -> list[Row]:
    """
    Return each finding as (code, location, record id, field, value).
    """
    return [(f.code, f.location, f.record_id, f.field, f.value) for f in report.findings]


def found(data: MovementDataset, *, as_of: dt.date | None = None) -> list[Row]:
    """
    Validate *data* and return its findings as rows.
    """
    return rows(validate(data, as_of=as_of))


def campaign(
    id_: str = "CD1",
    *,
    kind: CampaignKind = PROPAGANDA,
    period: Period = YEAR,
    organiser: str = WARD,
) -> Campaign:
    """
    Return a campaign, by default a propaganda campaign of the ward over the year.
    """
    return Campaign(id_, kind, "Tuyên truyền phong trào", period, organiser)


def session(
    id_: str = "S1",
    held_on: str = "2017-03-08",
    *,
    place: str = T01,
    kind: CampaignKind = PROPAGANDA,
    turns: int = 40,
    slips: int = 0,
    campaign_id: str | None = None,
) -> MobilisationSession:
    """
    Return a session, by default a propaganda session in residential group 1 on 8 March.
    """
    return MobilisationSession(
        id_,
        day(held_on),
        place,
        kind,
        participant_turns=turns,
        slips_collected=slips,
        campaign_id=campaign_id,
    )


def tip(
    id_: str = "TIP1",
    received_on: str = "2017-03-10",
    *,
    receiver: str = WARD,
    channel: TipChannel = FORM,
    **fields: Any,
) -> TipRecord:
    """
    Return a tip, by default a slip received by the ward police on 10 March.
    """
    return TipRecord(id_, day(received_on), receiver, channel, **fields)


def valuable_slip(id_: str, session_id: str) -> TipRecord:
    """
    Return a slip of *session_id* judged of value.
    """
    return tip(
        id_,
        session_id=session_id,
        assessment=TipAssessment.VALUABLE,
        assessed_on=day("2017-03-20"),
    )


def denunciation(
    id_: str = "TIP1",
    *,
    decided_on: str | None = None,
    extensions: Sequence[TipExtension] = (),
) -> TipRecord:
    """
    Return a denunciation received on 10 March 2017: its 20 days end on 30 March.
    """
    return tip(
        id_,
        legal_kind=TipLegalKind.DENUNCIATION,
        decision=None if decided_on is None else TipDecision.NOT_PROSECUTE,
        decided_on=None if decided_on is None else day(decided_on),
        extensions=tuple(extensions),
    )


def suspended(
    decided_on: str, *, extensions: Sequence[TipExtension] = (), **fields: Any
) -> TipRecord:
    """
    Return a denunciation received on 10 March 2017 and suspended on *decided_on*.
    """
    return tip(
        legal_kind=TipLegalKind.DENUNCIATION,
        decision=TipDecision.SUSPEND,
        decided_on=day(decided_on),
        extensions=tuple(extensions),
        **fields,
    )


def extension(until: str, by: ExtensionGrantor = HANDLING) -> TipExtension:
    """
    Return an extension granted on 10 March 2017, the day of receipt, until *until*.
    """
    return TipExtension(day("2017-03-10"), day(until), by)


def group(
    id_: str = "G1",
    established_on: str = "2015-05-01",
    *,
    kind: ModelGroupKind = MEDIATION,
    unit: str = T01,
    name: str = "Tổ hòa giải tổ 1",
    ended_on: str | None = None,
) -> ModelGroup:
    """
    Return a model group, by default a mediation group of residential group 1.
    """
    return ModelGroup(
        id_,
        kind,
        name,
        unit,
        day(established_on),
        ended_on=None if ended_on is None else day(ended_on),
    )


def case(id_: str = "RC1", *, unit: str = T01, period: Period = YEAR) -> ReintegrationCase:
    """
    Return a reintegration case of a pardoned person, helped over the year.
    """
    return ReintegrationCase(id_, ReintegrationCategory.PARDONED, unit, period)


def tally(
    id_: str = "DT1",
    unit: str = WARD,
    value: int = 12,
    *,
    figure: TallyFigure = SESSIONS,
    period: Period = YEAR,
) -> DeclaredTally:
    """
    Return a declared tally, by default 12 sessions declared by the ward for the year.
    """
    return DeclaredTally(id_, unit, period, figure, value)


def period(start: str, end: str) -> Period:
    """
    Return the period from *start* to *end*.
    """
    return Period(day(start), day(end))


def _unit_registry(*units: Unit, organisations: Sequence[Organisation] = ()) -> UnitRegistry:
    """
    Return a registry of the units and organisations given.
    """
    return UnitRegistry(units, organisations=organisations)


_PROVINCE = Unit(PROVINCE, "Bắc Kạn", UnitKind.PROVINCE)
_CITY = Unit(CITY, "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code=PROVINCE)
_TOWNSHIP = Unit("01900", "Chợ Mới", UnitKind.TOWNSHIP, parent_code=PROVINCE)


def _dated_ward(*, valid_from: dt.date | None = None, valid_to: dt.date | None = None) -> Unit:
    """
    Return ward Đức Xuân of the city, with the validity dates given.
    """
    return Unit(
        WARD, "Đức Xuân", UnitKind.WARD, parent_code=CITY, valid_from=valid_from, valid_to=valid_to
    )


def _dated_school(
    *, valid_from: dt.date | None = None, valid_to: dt.date | None = None
) -> Organisation:
    """
    Return the school of ward Đức Xuân, with the validity dates given.
    """
    return Organisation(
        SCHOOL,
        "Trường THPT",
        OrganisationKind.SCHOOL,
        unit_code=WARD,
        valid_from=valid_from,
        valid_to=valid_to,
    )


_CITY_FROM_2000 = attrs.evolve(_CITY, valid_from=day("2000-01-01"))
_CITY_UNTIL_2020 = attrs.evolve(_CITY, valid_to=day("2020-12-31"))


@pytest.fixture(scope="module")
def example() -> MovementDataset:
    """
    The bundled example, read once.
    """
    return load_example()


# The dataset rules ---------------------------------------------------------------------


class TestBaseline:
    """
    What a dataset with nothing wrong looks like.
    """

    def test_an_empty_dataset_has_no_finding(self) -> None:
        """
        A registry alone, with no record, is valid without warnings.
        """
        assert [] == found(dataset())

    def test_the_bundled_example_has_no_finding(self, example: MovementDataset) -> None:
        """
        The bundled example is valid with no finding at all.
        """
        assert () == validate(example).findings

    def test_the_bundled_example_has_no_finding_as_of_a_late_day(
        self, example: MovementDataset
    ) -> None:
        """
        Every time limit of the bundled example is kept, as of 30 November 2026.
        """
        assert () == validate(example, as_of=dt.date(2026, 11, 30)).findings


class TestUnitRules:
    """
    U: units and organisations, checked on the registry of a dataset.
    """

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            pytest.param(
                dataset(
                    registry=_unit_registry(
                        _PROVINCE, _CITY_FROM_2000, _dated_ward(valid_from=day("1999-12-31"))
                    )
                ),
                [("U401", "$.units[2].valid_from", WARD, "valid_from", None)],
                id="U401-unit-starts-the-day-before-its-parent",
            ),
            pytest.param(
                dataset(registry=_unit_registry(_PROVINCE, _CITY_FROM_2000, _dated_ward())),
                [("U401", "$.units[2].valid_from", WARD, "valid_from", None)],
                id="U401-undated-unit-under-a-dated-parent",
            ),
            pytest.param(
                dataset(
                    registry=_unit_registry(
                        _PROVINCE,
                        _CITY,
                        _dated_ward(valid_from=day("2000-01-01")),
                        organisations=[_dated_school(valid_from=day("1999-12-31"))],
                    )
                ),
                [("U402", "$.organisations[0].valid_from", SCHOOL, "valid_from", None)],
                id="U402-organisation-starts-the-day-before-its-unit",
            ),
            pytest.param(
                dataset(
                    period=period("2025-01-01", "2025-07-01"),
                    registry=_unit_registry(_PROVINCE, _CITY),
                ),
                [("U503", "$.units[1].kind", CITY, "kind", "provincial_city")],
                id="U503-undated-district-in-a-period-ending-1-july-2025",
            ),
            pytest.param(
                dataset(
                    registry=_unit_registry(
                        _PROVINCE, attrs.evolve(_CITY, valid_to=day("2025-07-01"))
                    )
                ),
                [("U503", "$.units[1].kind", CITY, "kind", "provincial_city")],
                id="U503-district-closed-on-1-july-2025",
            ),
            pytest.param(
                dataset(period=Period.year(2025), registry=_unit_registry(_PROVINCE, _TOWNSHIP)),
                [("U503", "$.units[1].kind", "01900", "kind", "township")],
                id="U503-township-after-30-june-2025",
            ),
        ],
    )
    def test_each_rule_is_found_alone(self, data: MovementDataset, expected: list[Row]) -> None:
        """
        A minimal dataset that breaks one unit rule has that one finding.
        """
        assert expected == found(data)

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(
                dataset(
                    registry=_unit_registry(
                        _PROVINCE, _CITY_FROM_2000, _dated_ward(valid_from=day("2000-01-01"))
                    )
                ),
                id="U401-unit-starts-with-its-parent",
            ),
            pytest.param(
                dataset(
                    registry=_unit_registry(
                        _PROVINCE, _CITY_UNTIL_2020, _dated_ward(valid_to=day("2020-12-31"))
                    )
                ),
                id="U401-unit-ends-with-its-parent",
            ),
            pytest.param(
                dataset(
                    registry=_unit_registry(
                        _PROVINCE,
                        _CITY,
                        _dated_ward(valid_from=day("2000-01-01"), valid_to=day("2020-12-31")),
                        organisations=[
                            _dated_school(valid_from=day("2000-01-01"), valid_to=day("2020-12-31"))
                        ],
                    )
                ),
                id="U402-organisation-within-its-unit",
            ),
            pytest.param(
                dataset(
                    period=period("2025-01-01", "2025-06-30"),
                    registry=_unit_registry(_PROVINCE, _CITY, _TOWNSHIP),
                ),
                id="U503-undated-district-in-a-period-ending-30-june-2025",
            ),
            pytest.param(
                dataset(
                    period=Period.year(2026),
                    registry=_unit_registry(
                        _PROVINCE, attrs.evolve(_CITY, valid_to=day("2025-06-30"))
                    ),
                ),
                id="U503-district-closed-on-30-june-2025",
            ),
        ],
    )
    def test_the_nearest_valid_variant_is_clean(self, data: MovementDataset) -> None:
        """
        The same dataset just inside the rule's boundary has no finding.
        """
        assert [] == found(data)

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            pytest.param(
                dataset(registry=_unit_registry(_PROVINCE, _CITY_UNTIL_2020, _dated_ward())),
                [("U401", "$.units[2].valid_to", WARD, "valid_to", None)],
                id="U401",
            ),
            pytest.param(
                dataset(
                    registry=_unit_registry(
                        _PROVINCE,
                        _CITY,
                        _dated_ward(valid_to=day("2020-12-31")),
                        organisations=[_dated_school()],
                    )
                ),
                [("U402", "$.organisations[0].valid_to", SCHOOL, "valid_to", None)],
                id="U402",
            ),
        ],
    )
    def test_a_record_that_ends_late_names_valid_to(
        self, data: MovementDataset, expected: list[Row]
    ) -> None:
        """
        A unit or organisation that outlasts the unit above it is at fault in valid_to.
        """
        assert expected == found(data)

    def test_the_district_kind_is_named_in_the_message(self) -> None:
        """
        U503 names the kind of the district-level unit.
        """
        data = dataset(period=Period.year(2025), registry=_unit_registry(_PROVINCE, _CITY))
        (finding,) = validate(data).findings
        vietnamese = (
            "$.units[1].kind: đơn vị cấp huyện (loại thành phố thuộc tỉnh) "
            "còn tồn tại sau ngày 30/6/2025"
        )
        english = (
            "$.units[1].kind: a unit of kind provincial_city (thành phố thuộc tỉnh) exists "
            "after 30 June 2025, when the district level was abolished"
        )
        expected = (vietnamese, english)
        assert expected == (finding.message(lang="vi"), finding.message(lang="en"))


class TestCampaignAndSessionRules:
    """
    C: campaigns and sessions.
    """

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            pytest.param(
                dataset(campaigns=[campaign(organiser=UNKNOWN)]),
                [("C203", "$.campaigns[0].organiser_code", "CD1", "organiser_code", UNKNOWN)],
                id="C203-unknown-organiser",
            ),
            pytest.param(
                dataset(campaigns=[campaign(organiser=SCHOOL)]),
                [("C203", "$.campaigns[0].organiser_code", "CD1", "organiser_code", SCHOOL)],
                id="C203-organisation-as-organiser",
            ),
            pytest.param(
                dataset(campaigns=[campaign(), campaign(kind=PEAK)]),
                [("C301", "$.campaigns[1].id", "CD1", "id", "CD1")],
                id="C301-campaign-id-twice",
            ),
            pytest.param(
                dataset(campaigns=[campaign(period=period("2016-01-01", "2016-12-31"))]),
                [("C404", "$.campaigns[0].period", "CD1", "period", "2016-01-01..2016-12-31")],
                id="C404-campaign-ends-the-day-before-the-period",
            ),
            pytest.param(
                dataset(campaigns=[campaign(period=period("2018-01-01", "2018-03-31"))]),
                [("C404", "$.campaigns[0].period", "CD1", "period", "2018-01-01..2018-03-31")],
                id="C404-campaign-starts-the-day-after-the-period",
            ),
            pytest.param(
                dataset(sessions=[session(), session()]),
                [("C302", "$.sessions[1].id", "S1", "id", "S1")],
                id="C302-same-session-id-twice-reports-no-C303",
            ),
            pytest.param(
                dataset(sessions=[session(), session(turns=41)]),
                [("C302", "$.sessions[1].id", "S1", "id", "S1")],
                id="C302-session-id-twice-with-other-figures",
            ),
            pytest.param(
                dataset(sessions=[session("S1"), session("S2")]),
                [("C303", "$.sessions[1]", "S2", None, None)],
                id="C303-same-session-under-another-id",
            ),
            pytest.param(
                dataset(sessions=[session(held_on="2016-12-31")]),
                [("C401", "$.sessions[0].held_on", "S1", "held_on", "2016-12-31")],
                id="C401-the-day-before-the-period",
            ),
            pytest.param(
                dataset(sessions=[session(held_on="2018-01-01")]),
                [("C401", "$.sessions[0].held_on", "S1", "held_on", "2018-01-01")],
                id="C401-the-day-after-the-period",
            ),
            pytest.param(
                dataset(sessions=[session(place=UNKNOWN)]),
                [("C201", "$.sessions[0].place_code", "S1", "place_code", UNKNOWN)],
                id="C201-unknown-place",
            ),
            pytest.param(
                dataset(sessions=[session(place=WARD)]),
                [("C501", "$.sessions[0].place_code", "S1", "place_code", WARD)],
                id="C501-session-in-a-commune",
            ),
            pytest.param(
                dataset(sessions=[session(place=PROVINCE)]),
                [("C501", "$.sessions[0].place_code", "S1", "place_code", PROVINCE)],
                id="C501-session-in-a-province",
            ),
            pytest.param(
                dataset(
                    registry=dated(OTHER_T01, valid_to=day("2017-06-30")),
                    sessions=[session(held_on="2017-07-01", place=OTHER_T01)],
                ),
                [("C402", "$.sessions[0].held_on", "S1", "held_on", "2017-07-01")],
                id="C402-hamlet-closed-the-day-before",
            ),
            pytest.param(
                dataset(
                    registry=dated(SCHOOL, valid_from=day("2017-07-01")),
                    sessions=[session(held_on="2017-06-30", place=SCHOOL)],
                ),
                [("C402", "$.sessions[0].held_on", "S1", "held_on", "2017-06-30")],
                id="C402-organisation-joins-the-day-after",
            ),
            pytest.param(
                dataset(sessions=[session(campaign_id="CD9")]),
                [("C202", "$.sessions[0].campaign_id", "S1", "campaign_id", "CD9")],
                id="C202-unknown-campaign",
            ),
            pytest.param(
                dataset(
                    campaigns=[campaign(period=Period.quarter(2017, 2))],
                    sessions=[session(held_on="2017-03-31", campaign_id="CD1")],
                ),
                [("C403", "$.sessions[0].held_on", "S1", "held_on", "2017-03-31")],
                id="C403-the-day-before-the-campaign",
            ),
            pytest.param(
                dataset(
                    campaigns=[campaign(period=Period.quarter(2017, 2))],
                    sessions=[session(held_on="2017-07-01", campaign_id="CD1")],
                ),
                [("C403", "$.sessions[0].held_on", "S1", "held_on", "2017-07-01")],
                id="C403-the-day-after-the-campaign",
            ),
            pytest.param(
                dataset(campaigns=[campaign(kind=PEAK)], sessions=[session(campaign_id="CD1")]),
                [("C601", "$.sessions[0].kind", "S1", "kind", "propaganda")],
                id="C601-propaganda-session-in-a-peak-campaign",
            ),
            pytest.param(
                dataset(
                    campaigns=[campaign()],
                    sessions=[session(kind=CampaignKind.FESTIVAL_DAY, campaign_id="CD1")],
                ),
                [("C601", "$.sessions[0].kind", "S1", "kind", "festival_day")],
                id="C601-festival-session-in-a-propaganda-campaign",
            ),
        ],
    )
    def test_each_rule_is_found_alone(self, data: MovementDataset, expected: list[Row]) -> None:
        """
        A minimal dataset that breaks one campaign or session rule has that one finding.
        """
        assert expected == found(data)

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(dataset(campaigns=[campaign()]), id="C203-organised-by-a-commune"),
            pytest.param(
                dataset(campaigns=[campaign(organiser=PROVINCE)]), id="C203-organised-by-a-province"
            ),
            pytest.param(
                dataset(campaigns=[campaign(), campaign("CD2")]), id="C301-distinct-campaign-ids"
            ),
            pytest.param(
                dataset(campaigns=[campaign(period=period("2016-01-01", "2017-01-01"))]),
                id="C404-campaign-ends-on-the-first-day",
            ),
            pytest.param(
                dataset(campaigns=[campaign(period=period("2017-12-31", "2018-03-31"))]),
                id="C404-campaign-starts-on-the-last-day",
            ),
            pytest.param(
                dataset(sessions=[session("S1"), session("S2", turns=41)]),
                id="C303-other-participant-turns",
            ),
            pytest.param(
                dataset(sessions=[session("S1"), session("S2", place=T02)]),
                id="C303-other-place",
            ),
            pytest.param(
                dataset(sessions=[session(held_on="2017-01-01")]),
                id="C401-the-first-day-of-the-period",
            ),
            pytest.param(
                dataset(sessions=[session(held_on="2017-12-31")]),
                id="C401-the-last-day-of-the-period",
            ),
            pytest.param(dataset(sessions=[session(place=SCHOOL)]), id="C501-in-an-organisation"),
            pytest.param(
                dataset(
                    registry=dated(OTHER_T01, valid_to=day("2017-06-30")),
                    sessions=[session(held_on="2017-06-30", place=OTHER_T01)],
                ),
                id="C402-the-last-day-of-the-hamlet",
            ),
            pytest.param(
                dataset(
                    registry=dated(SCHOOL, valid_from=day("2017-07-01")),
                    sessions=[session(held_on="2017-07-01", place=SCHOOL)],
                ),
                id="C402-the-first-day-of-the-organisation",
            ),
            pytest.param(
                dataset(
                    campaigns=[campaign(period=Period.quarter(2017, 2))],
                    sessions=[
                        session("S1", "2017-04-01", campaign_id="CD1"),
                        session("S2", "2017-06-30", campaign_id="CD1"),
                    ],
                ),
                id="C403-first-and-last-day-of-the-campaign",
            ),
            pytest.param(
                dataset(campaigns=[campaign()], sessions=[session(kind=LAUNCH, campaign_id="CD1")]),
                id="C601-launch-session-in-a-propaganda-campaign",
            ),
            pytest.param(
                dataset(campaigns=[campaign(kind=LAUNCH)], sessions=[session(campaign_id="CD1")]),
                id="C601-propaganda-session-in-a-launch-campaign",
            ),
            pytest.param(
                dataset(
                    campaigns=[campaign(kind=PEAK)],
                    sessions=[session(kind=PEAK, campaign_id="CD1")],
                ),
                id="C601-peak-session-in-a-peak-campaign",
            ),
        ],
    )
    def test_the_nearest_valid_variant_is_clean(self, data: MovementDataset) -> None:
        """
        The same dataset just inside the rule's boundary has no finding.
        """
        assert [] == found(data)

    def test_a_repeated_session_is_reported_against_the_first(self) -> None:
        """
        C303 names the session that came first.
        """
        data = dataset(sessions=[session("S1"), session("S2"), session("S3")])
        expected = ["S1", "S1"]
        assert expected == [f.params["other"] for f in validate(data).findings]

    def test_the_session_level_is_named_in_the_message(self) -> None:
        """
        C501 names the level of the place in English.
        """
        (finding,) = validate(dataset(sessions=[session(place=WARD)])).findings
        expected = (
            "$.sessions[0].place_code: a session is held in a hamlet or an organisation, "
            "not in the commune 01840"
        )
        assert expected == finding.message()


class TestTipRules:
    """
    T: tips, their sessions and their time limits.
    """

    @pytest.mark.parametrize(
        ("data", "as_of", "expected"),
        [
            pytest.param(
                dataset(tips=[tip(receiver=UNKNOWN)]),
                None,
                [("T201", "$.tips[0].receiving_unit_code", "TIP1", "receiving_unit_code", UNKNOWN)],
                id="T201-unknown-receiver",
            ),
            pytest.param(
                dataset(tips=[tip(origin_code=UNKNOWN)]),
                None,
                [("T202", "$.tips[0].origin_code", "TIP1", "origin_code", UNKNOWN)],
                id="T202-unknown-origin",
            ),
            pytest.param(
                dataset(tips=[tip(session_id="S9")]),
                None,
                [("T203", "$.tips[0].session_id", "TIP1", "session_id", "S9")],
                id="T203-unknown-session",
            ),
            pytest.param(
                dataset(tips=[tip(), tip(channel=TipChannel.PHONE)]),
                None,
                [("T301", "$.tips[1].id", "TIP1", "id", "TIP1")],
                id="T301-tip-id-twice",
            ),
            pytest.param(
                dataset(tips=[tip(received_on="2016-12-31")]),
                None,
                [("T401", "$.tips[0].received_on", "TIP1", "received_on", "2016-12-31")],
                id="T401-the-day-before-the-period",
            ),
            pytest.param(
                dataset(tips=[tip(received_on="2018-01-01")]),
                None,
                [("T401", "$.tips[0].received_on", "TIP1", "received_on", "2018-01-01")],
                id="T401-the-day-after-the-period",
            ),
            pytest.param(
                dataset(
                    registry=dated(LEAF_WARD, valid_to=day("2017-06-30")),
                    tips=[tip(received_on="2017-07-01", receiver=LEAF_WARD)],
                ),
                None,
                [("T402", "$.tips[0].received_on", "TIP1", "received_on", "2017-07-01")],
                id="T402-the-day-after-the-receiver-closed",
            ),
            pytest.param(
                dataset(
                    registry=dated(LEAF_WARD, valid_from=day("2017-07-01")),
                    tips=[tip(received_on="2017-06-30", receiver=LEAF_WARD)],
                ),
                None,
                [("T402", "$.tips[0].received_on", "TIP1", "received_on", "2017-06-30")],
                id="T402-the-day-before-the-receiver-opened",
            ),
            pytest.param(
                dataset(
                    sessions=[session(slips=1)],
                    tips=[tip(received_on="2017-03-07", session_id="S1")],
                ),
                None,
                [("T403", "$.tips[0].received_on", "TIP1", "received_on", "2017-03-07")],
                id="T403-slip-received-the-day-before-its-session",
            ),
            pytest.param(
                dataset(tips=[tip(receiver=T01)]),
                None,
                [("T501", "$.tips[0].receiving_unit_code", "TIP1", "receiving_unit_code", T01)],
                id="T501-received-by-a-hamlet",
            ),
            pytest.param(
                dataset(tips=[tip(receiver=SCHOOL)]),
                None,
                [("T501", "$.tips[0].receiving_unit_code", "TIP1", "receiving_unit_code", SCHOOL)],
                id="T501-received-by-an-organisation",
            ),
            pytest.param(
                dataset(
                    period=Period.quarter(2025, 1),
                    tips=[tip(received_on="2025-03-01", receiver=CITY)],
                ),
                None,
                [
                    (
                        "T502",
                        "$.tips[0].received_on",
                        "TIP1",
                        "received_on",
                        "2025-03-01",
                    )
                ],
                id="T502-district-police-on-1-march-2025",
            ),
            pytest.param(
                dataset(sessions=[session(slips=2)], tips=[tip(session_id="S1")]),
                None,
                [("T602", "$.sessions[0].slips_collected", "S1", "slips_collected", "2")],
                id="T602-fewer-slip-records-than-the-session-counts",
            ),
            pytest.param(
                dataset(
                    sessions=[session(slips=1)],
                    tips=[valuable_slip("TIP1", "S1"), tip("TIP2", session_id="S1")],
                ),
                None,
                [("T602", "$.sessions[0].slips_collected", "S1", "slips_collected", "1")],
                id="T602-more-slip-records-than-the-session-counts-none-too-many-valuable",
            ),
            pytest.param(
                dataset(
                    sessions=[session()], tips=[tip(channel=TipChannel.PHONE, session_id="S1")]
                ),
                None,
                [("T603", "$.tips[0].channel", "TIP1", "channel", "phone")],
                id="T603-a-phone-call-of-a-session",
            ),
            pytest.param(
                dataset(tips=[denunciation()]),
                day("2017-03-31"),
                [("T701", "$.tips[0].decision", "TIP1", "decision", None)],
                id="T701-undecided-the-day-after-the-deadline",
            ),
            pytest.param(
                dataset(tips=[denunciation(decided_on="2017-04-02")]),
                day("2017-04-01"),
                [
                    ("T703", "$.tips[0].decided_on", "TIP1", "decided_on", "2017-04-02"),
                    ("T701", "$.tips[0].decision", "TIP1", "decision", None),
                ],
                id="T701-decided-only-after-as-of",
            ),
            pytest.param(
                dataset(tips=[denunciation(extensions=[extension("2017-05-11")])]),
                None,
                [("T702", "$.tips[0].extensions", "TIP1", "extensions", None)],
                id="T702-extended-a-day-beyond-2-months",
            ),
            pytest.param(
                dataset(
                    tips=[
                        denunciation(
                            extensions=[
                                extension("2017-05-10"),
                                extension("2017-06-10", PROCURACY),
                                extension("2017-07-10", PROCURACY),
                            ]
                        )
                    ]
                ),
                None,
                [("T702", "$.tips[0].extensions", "TIP1", "extensions", None)],
                id="T702-procuracy-extends-twice",
            ),
            pytest.param(
                dataset(tips=[denunciation(decided_on="2017-03-31")]),
                None,
                [("T703", "$.tips[0].decided_on", "TIP1", "decided_on", "2017-03-31")],
                id="T703-decided-the-day-after-the-deadline",
            ),
            pytest.param(
                dataset(
                    tips=[
                        denunciation(decided_on="2017-05-11", extensions=[extension("2017-05-10")])
                    ]
                ),
                None,
                [("T703", "$.tips[0].decided_on", "TIP1", "decided_on", "2017-05-11")],
                id="T703-decided-the-day-after-the-extension",
            ),
        ],
    )
    def test_each_rule_is_found_alone(
        self, data: MovementDataset, as_of: dt.date | None, expected: list[Row]
    ) -> None:
        """
        A minimal dataset that breaks one tip rule has that one finding.
        """
        assert expected == found(data, as_of=as_of)

    @pytest.mark.parametrize(
        ("data", "as_of"),
        [
            pytest.param(dataset(tips=[tip(receiver=PROVINCE)]), None, id="T501-province-police"),
            pytest.param(dataset(tips=[tip(receiver=CITY)]), None, id="T501-district-police"),
            pytest.param(
                dataset(tips=[tip(origin_code=T01), tip("TIP2", origin_code=SCHOOL)]),
                None,
                id="T202-origins-in-the-registry",
            ),
            pytest.param(
                dataset(tips=[tip(received_on="2017-01-01"), tip("TIP2", "2017-12-31")]),
                None,
                id="T401-first-and-last-day-of-the-period",
            ),
            pytest.param(
                dataset(
                    registry=dated(
                        LEAF_WARD, valid_from=day("2017-03-01"), valid_to=day("2017-06-30")
                    ),
                    tips=[
                        tip(received_on="2017-03-01", receiver=LEAF_WARD),
                        tip("TIP2", "2017-06-30", receiver=LEAF_WARD),
                    ],
                ),
                None,
                id="T402-first-and-last-day-of-the-receiver",
            ),
            pytest.param(
                dataset(
                    sessions=[session(slips=1)],
                    tips=[tip(received_on="2017-03-08", session_id="S1")],
                ),
                None,
                id="T403-slip-received-on-the-day-of-its-session",
            ),
            pytest.param(
                dataset(
                    period=Period.quarter(2025, 1),
                    tips=[tip(received_on="2025-02-28", receiver=CITY)],
                ),
                None,
                id="T502-district-police-on-28-february-2025",
            ),
            pytest.param(
                dataset(
                    sessions=[session(slips=2)],
                    tips=[valuable_slip("TIP1", "S1"), valuable_slip("TIP2", "S1")],
                ),
                None,
                id="T601-as-many-valuable-slips-as-collected",
            ),
            pytest.param(
                dataset(sessions=[session(slips=3)]),
                None,
                id="T602-session-count-without-slip-records",
            ),
            pytest.param(
                dataset(sessions=[session()], tips=[tip(channel=TipChannel.PHONE)]),
                None,
                id="T603-a-phone-call-of-no-session",
            ),
            pytest.param(
                dataset(tips=[denunciation()]), day("2017-03-30"), id="T701-as-of-the-deadline"
            ),
            pytest.param(dataset(tips=[denunciation()]), None, id="T701-without-as-of"),
            pytest.param(
                dataset(tips=[tip(received_on="2017-01-01")]),
                day("2026-11-30"),
                id="T701-a-slip-without-legal-kind",
            ),
            pytest.param(
                dataset(tips=[denunciation(decided_on="2017-03-30")]),
                day("2026-11-30"),
                id="T703-decided-on-the-deadline",
            ),
            pytest.param(
                dataset(
                    tips=[
                        denunciation(decided_on="2017-05-10", extensions=[extension("2017-05-10")])
                    ]
                ),
                day("2026-11-30"),
                id="T702-extended-exactly-2-months-decided-on-its-last-day",
            ),
            pytest.param(
                dataset(
                    tips=[
                        denunciation(
                            decided_on="2017-07-10",
                            extensions=[
                                extension("2017-05-10"),
                                extension("2017-07-10", PROCURACY),
                            ],
                        )
                    ]
                ),
                day("2026-11-30"),
                id="T702-procuracy-extends-once-by-exactly-2-months",
            ),
            pytest.param(
                dataset(tips=[tip(extensions=(extension("2017-12-31"),))]),
                day("2026-11-30"),
                id="T702-a-slip-without-legal-kind-has-no-time-limit",
            ),
        ],
    )
    def test_the_nearest_valid_variant_is_clean(
        self, data: MovementDataset, as_of: dt.date | None
    ) -> None:
        """
        The same dataset just inside the rule's boundary has no finding.
        """
        assert [] == found(data, as_of=as_of)

    def test_a_late_decision_before_as_of_is_only_late(self) -> None:
        """
        A decision after the deadline but by ``as_of`` is T703, not T701.
        """
        data = dataset(tips=[denunciation(decided_on="2017-04-02")])
        expected = [("T703", "$.tips[0].decided_on", "TIP1", "decided_on", "2017-04-02")]
        assert expected == found(data, as_of=day("2017-04-02"))

    def test_more_valuable_slips_than_collected_is_t601(self) -> None:
        """
        Two valuable slip records of a session that collected one slip are T601.
        """
        data = dataset(
            sessions=[session(slips=1)],
            tips=[valuable_slip("TIP1", "S1"), valuable_slip("TIP2", "S1")],
        )
        expected = [("T601", "$.sessions[0].slips_collected", "S1", "slips_collected", "1")]
        assert expected == found(data)

    def test_the_time_limit_is_named_in_the_message(self) -> None:
        """
        T701 names the day of receipt, the deadline and the day of the check.
        """
        (finding,) = validate(dataset(tips=[denunciation()]), as_of=day("2017-04-01")).findings
        expected = (
            "$.tips[0].decision: received on 2017-03-10; the time limit ended on 2017-03-30 "
            "and no decision is recorded by 2017-04-01"
        )
        assert expected == finding.message()

    def test_an_extension_problem_is_named_in_the_message(self) -> None:
        """
        T702 says how far the extension went beyond the bound.
        """
        data = dataset(tips=[denunciation(extensions=[extension("2017-05-11")])])
        (finding,) = validate(data).findings
        expected = "$.tips[0].extensions: extended to 2017-05-11, beyond 2017-05-10"
        assert expected == finding.message()


class TestSuspensionRules:
    """
    T704: a suspension before the time limit ran out (Điều 148.1), and resumed tips.
    """

    @pytest.mark.parametrize(
        ("data", "as_of", "expected"),
        [
            pytest.param(
                dataset(tips=[suspended("2017-03-29")]),
                None,
                [("T704", "$.tips[0].decided_on", "TIP1", "decided_on", "2017-03-29")],
                id="suspended-the-day-before-the-deadline",
            ),
            pytest.param(
                dataset(tips=[suspended("2017-04-01", extensions=(extension("2017-04-15"),))]),
                None,
                [("T704", "$.tips[0].decided_on", "TIP1", "decided_on", "2017-04-01")],
                id="suspended-within-an-extension",
            ),
            pytest.param(
                dataset(tips=[suspended("2017-04-05")]),
                day("2017-04-01"),
                [
                    ("T703", "$.tips[0].decided_on", "TIP1", "decided_on", "2017-04-05"),
                    ("T701", "$.tips[0].decision", "TIP1", "decision", None),
                ],
                id="suspended-late-judged-before-the-suspension",
            ),
        ],
    )
    def test_each_finding(
        self, data: MovementDataset, as_of: dt.date | None, expected: list[Row]
    ) -> None:
        """
        A suspension dated before the deadline is T704; one dated after is late (T703).
        """
        assert expected == found(data, as_of=as_of)

    @pytest.mark.parametrize(
        ("data", "as_of", "expected"),
        [
            pytest.param(
                dataset(tips=[suspended("2017-03-30")]),
                day("2017-12-31"),
                [],
                id="suspended-on-the-deadline",
            ),
            pytest.param(
                dataset(tips=[suspended("2017-03-31")]),
                None,
                [("T703", "$.tips[0].decided_on", "TIP1", "decided_on", "2017-03-31")],
                id="suspended-the-day-after-the-deadline-is-late-not-early",
            ),
            pytest.param(
                dataset(tips=[denunciation(decided_on="2017-03-11")]),
                None,
                [],
                id="another-decision-taken-early",
            ),
            pytest.param(
                dataset(tips=[tip(decision=TipDecision.SUSPEND, decided_on=day("2017-03-11"))]),
                None,
                [],
                id="an-unclassified-slip-has-no-time-limit",
            ),
            pytest.param(
                dataset(tips=[suspended("2017-03-30", resumed_on=day("2017-04-10"))]),
                day("2017-12-31"),
                [],
                id="T701-never-for-a-resumed-tip-without-a-new-decision",
            ),
            pytest.param(
                dataset(tips=[suspended("2017-03-30", resumed_on=day("2017-03-30"))]),
                day("2017-12-31"),
                [],
                id="resumed-on-the-day-of-the-suspension",
            ),
        ],
    )
    def test_no_t704(
        self, data: MovementDataset, as_of: dt.date | None, expected: list[Row]
    ) -> None:
        """
        A suspension on or after the deadline, or any other decision, is no T704.
        """
        assert expected == found(data, as_of=as_of)

    def test_a_resumed_tip_is_judged_as_it_stood_before_its_suspension(self) -> None:
        """
        As of 1 April, a tip suspended late on 5 April is overdue, resumed later or not.
        """
        expected = [
            ("T703", "$.tips[0].decided_on", "TIP1", "decided_on", "2017-04-05"),
            ("T701", "$.tips[0].decision", "TIP1", "decision", None),
        ]
        data = dataset(tips=[suspended("2017-04-05", resumed_on=day("2017-05-01"))])
        assert expected == found(data, as_of=day("2017-04-01"))

    @pytest.mark.parametrize(
        ("lang", "expected"),
        [
            (
                "en",
                (
                    "$.tips[0].decided_on: suspended on 2017-03-29, before the time limit of "
                    "2017-03-30 ran out"
                ),
            ),
            (
                "vi",
                (
                    "$.tips[0].decided_on: tạm đình chỉ ngày 2017-03-29, trước khi hết thời hạn "
                    "giải quyết (2017-03-30)"
                ),
            ),
        ],
    )
    def test_the_message_names_the_deadline(self, lang: Language, expected: str) -> None:
        """
        T704 names the day of the suspension and the time limit, in either language.
        """
        (finding,) = validate(dataset(tips=[suspended("2017-03-29")])).findings
        assert expected == finding.message(lang=lang)

    def test_it_is_a_warning(self) -> None:
        """
        An early suspension leaves the dataset valid.
        """
        report = validate(dataset(tips=[suspended("2017-03-29")]))
        expected = (True, Severity.WARNING)
        assert expected == (report.valid, report.findings[0].severity)


#: Remote commune Dương Quang and township Chợ Mới beside the wards of REGISTRY.
COMMUNE = "01849"
TOWNSHIP = _TOWNSHIP.code
TRANSFERS = UnitRegistry(
    [
        *REGISTRY.units,
        Unit(COMMUNE, "Dương Quang", UnitKind.COMMUNE, parent_code=CITY),
        _TOWNSHIP,
    ],
    organisations=REGISTRY.organisations,
)
YEAR_2018 = Period.year(2018)


def transferred(
    received_on: str, transferred_on: str, receiver: str = WARD, id_: str = "TIP1"
) -> TipRecord:
    """
    Return a slip received by *receiver* and handed on to the investigators.
    """
    return tip(id_, received_on, receiver=receiver, transferred_on=day(transferred_on))


def handed_on(
    *tips: TipRecord, period: Period = YEAR_2018, remote: Sequence[str] = ()
) -> list[Row]:
    """
    Validate a dataset of *tips* over TRANSFERS, with *remote* communes, as rows.
    """
    data = dataset(period=period, registry=TRANSFERS, tips=list(tips))
    return rows(validate(data, remote_communes=remote))


def late(transferred_on: str, id_: str = "TIP1", index: int = 0) -> Row:
    """
    Return the T705 row of a tip handed on late.
    """
    location = f"$.tips[{index}].transferred_on"
    return ("T705", location, id_, "transferred_on", transferred_on)


class TestTransferRules:
    """
    T705: a tip handed on later than 24 or 48 hours (Thông tư liên tịch 01/2017).
    """

    @pytest.mark.parametrize(
        ("tips", "remote", "expected"),
        [
            pytest.param([transferred("2018-03-10", "2018-03-10")], (), [], id="ward-on-the-day"),
            pytest.param([transferred("2018-03-10", "2018-03-11")], (), [], id="ward-the-next-day"),
            pytest.param(
                [transferred("2018-03-10", "2018-03-12")],
                (),
                [late("2018-03-12")],
                id="ward-two-days-later",
            ),
            pytest.param(
                [transferred("2018-03-10", "2018-03-12")],
                (WARD,),
                [late("2018-03-12")],
                id="a-ward-listed-as-remote-still-has-24-hours",
            ),
            pytest.param(
                [transferred("2018-03-10", "2018-03-11", TOWNSHIP)],
                (),
                [],
                id="township-the-next-day",
            ),
            pytest.param(
                [transferred("2018-03-10", "2018-03-12", TOWNSHIP)],
                (TOWNSHIP,),
                [late("2018-03-12")],
                id="township-two-days-later",
            ),
            pytest.param(
                [transferred("2018-03-10", "2018-03-20", COMMUNE)],
                (),
                [],
                id="commune-not-listed-as-remote-is-not-checked",
            ),
            pytest.param(
                [transferred("2018-03-10", "2018-03-12", COMMUNE)],
                (COMMUNE,),
                [],
                id="remote-commune-two-days-later",
            ),
            pytest.param(
                [transferred("2018-03-10", "2018-03-13", COMMUNE)],
                (COMMUNE,),
                [late("2018-03-13")],
                id="remote-commune-three-days-later",
            ),
            pytest.param(
                [transferred("2018-03-10", "2018-04-10", CITY)],
                (CITY,),
                [],
                id="district-police-have-no-such-limit",
            ),
            pytest.param([tip(received_on="2018-03-10")], (), [], id="a-tip-not-handed-on"),
            pytest.param(
                [
                    transferred("2018-03-10", "2018-03-11"),
                    transferred("2018-03-10", "2018-03-15", id_="TIP2"),
                ],
                (),
                [late("2018-03-15", "TIP2", 1)],
                id="each-tip-is-judged-alone",
            ),
        ],
    )
    def test_wards_and_townships_24_hours_remote_communes_48(
        self, tips: list[TipRecord], remote: tuple[str, ...], expected: list[Row]
    ) -> None:
        """
        A day for a ward or township, two for a commune listed as remote, none otherwise.
        """
        assert expected == handed_on(*tips, remote=remote)

    @pytest.mark.parametrize(
        ("received_on", "transferred_on", "expected"),
        [
            pytest.param("2018-02-28", "2018-03-05", [], id="received-the-day-before"),
            pytest.param(
                "2018-03-01",
                "2018-03-05",
                [late("2018-03-05")],
                id="received-on-the-first-day",
            ),
        ],
    )
    def test_only_tips_received_from_1_march_2018_are_checked(
        self, received_on: str, transferred_on: str, expected: list[Row]
    ) -> None:
        """
        Thông tư liên tịch 01/2017 came into force on 1 March 2018.
        """
        period = Period(day("2018-02-01"), day("2018-03-31"))
        assert expected == handed_on(transferred(received_on, transferred_on), period=period)

    @pytest.mark.parametrize(
        ("receiver", "code"),
        [pytest.param(UNKNOWN, "T201", id="unknown"), pytest.param(SCHOOL, "T501", id="school")],
    )
    def test_a_receiver_that_is_no_unit_is_not_checked(self, receiver: str, code: str) -> None:
        """
        A tip received by an unknown code or by an organisation has no limit to break.
        """
        found_codes = [
            row[0] for row in handed_on(transferred("2018-03-10", "2018-04-10", receiver))
        ]
        assert [code] == found_codes

    def test_remote_communes_may_be_any_iterable(self) -> None:
        """
        The list of remote communes may be a generator, read once.
        """
        data = dataset(
            period=YEAR_2018,
            registry=TRANSFERS,
            tips=[transferred("2018-03-10", "2018-03-12", COMMUNE)],
        )
        assert [] == rows(validate(data, remote_communes=(code for code in [COMMUNE])))

    @pytest.mark.parametrize(
        ("receiver", "transferred_on", "lang", "expected"),
        [
            (
                WARD,
                "2018-03-12",
                "en",
                (
                    "$.tips[0].transferred_on: received on 2018-03-10 by 01840 and handed on on "
                    "2018-03-12, later than 24 hours allow"
                ),
            ),
            (
                WARD,
                "2018-03-12",
                "vi",
                (
                    "$.tips[0].transferred_on: tiếp nhận ngày 2018-03-10 tại 01840, chuyển ngày "
                    "2018-03-12, quá 24 giờ"
                ),
            ),
            (
                COMMUNE,
                "2018-03-13",
                "en",
                (
                    "$.tips[0].transferred_on: received on 2018-03-10 by 01849 and handed on on "
                    "2018-03-13, later than 48 hours allow"
                ),
            ),
            (
                COMMUNE,
                "2018-03-13",
                "vi",
                (
                    "$.tips[0].transferred_on: tiếp nhận ngày 2018-03-10 tại 01849, chuyển ngày "
                    "2018-03-13, quá 48 giờ"
                ),
            ),
        ],
    )
    def test_the_message_names_the_hours(
        self, receiver: str, transferred_on: str, lang: Language, expected: str
    ) -> None:
        """
        T705 names the day of receipt, the unit, the day handed on and the hours allowed.
        """
        data = dataset(
            period=YEAR_2018,
            registry=TRANSFERS,
            tips=[transferred("2018-03-10", transferred_on, receiver)],
        )
        (finding,) = validate(data, remote_communes=[COMMUNE]).findings
        assert expected == finding.message(lang=lang)

    def test_it_is_a_warning(self) -> None:
        """
        A tip handed on late leaves the dataset valid.
        """
        data = dataset(
            period=YEAR_2018, registry=TRANSFERS, tips=[transferred("2018-03-10", "2018-03-12")]
        )
        report = validate(data)
        expected = (True, Severity.WARNING)
        assert expected == (report.valid, report.findings[0].severity)


class TestGroupRules:
    """
    G: model groups.
    """

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            pytest.param(
                dataset(model_groups=[group(unit=UNKNOWN)]),
                [("G201", "$.model_groups[0].unit_code", "G1", "unit_code", UNKNOWN)],
                id="G201-unknown-unit",
            ),
            pytest.param(
                dataset(model_groups=[group(), group()]),
                [("G301", "$.model_groups[1].id", "G1", "id", "G1")],
                id="G301-same-group-id-twice-reports-no-G302",
            ),
            pytest.param(
                dataset(model_groups=[group("G1"), group("G2")]),
                [("G302", "$.model_groups[1]", "G2", None, None)],
                id="G302-same-group-under-another-id",
            ),
            pytest.param(
                dataset(model_groups=[group(established_on="2018-01-01")]),
                [
                    (
                        "G401",
                        "$.model_groups[0].established_on",
                        "G1",
                        "established_on",
                        "2018-01-01",
                    )
                ],
                id="G401-set-up-the-day-after-the-period",
            ),
            pytest.param(
                dataset(model_groups=[group(ended_on="2016-12-31")]),
                [
                    (
                        "G401",
                        "$.model_groups[0].established_on",
                        "G1",
                        "established_on",
                        "2015-05-01",
                    )
                ],
                id="G401-ended-the-day-before-the-period",
            ),
            pytest.param(
                dataset(
                    period=Period.year(2024),
                    model_groups=[group(established_on="2024-06-30", kind=TEAM)],
                ),
                [
                    (
                        "G501",
                        "$.model_groups[0].established_on",
                        "G1",
                        "established_on",
                        "2024-06-30",
                    )
                ],
                id="G501-team-set-up-on-30-june-2024",
            ),
        ],
    )
    def test_each_rule_is_found_alone(self, data: MovementDataset, expected: list[Row]) -> None:
        """
        A minimal dataset that breaks one group rule has that one finding.
        """
        assert expected == found(data)

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(
                dataset(model_groups=[group(), group("G2", unit=SCHOOL), group("G3", unit=WARD)]),
                id="G201-hamlet-organisation-and-commune",
            ),
            pytest.param(
                dataset(model_groups=[group("G1"), group("G2", name="Tổ hòa giải số 2")]),
                id="G302-other-name",
            ),
            pytest.param(
                dataset(model_groups=[group("G1"), group("G2", "2015-05-02")]),
                id="G302-other-start",
            ),
            pytest.param(
                dataset(model_groups=[group(established_on="2017-12-31")]),
                id="G401-set-up-on-the-last-day",
            ),
            pytest.param(
                dataset(model_groups=[group(ended_on="2017-01-01")]),
                id="G401-ended-on-the-first-day",
            ),
            pytest.param(
                dataset(
                    period=Period.year(2024),
                    model_groups=[group(established_on="2024-07-01", kind=TEAM)],
                ),
                id="G501-team-set-up-on-1-july-2024",
            ),
            pytest.param(
                dataset(
                    period=Period.year(2024), model_groups=[group(established_on="2024-06-30")]
                ),
                id="G501-other-kind-before-1-july-2024",
            ),
        ],
    )
    def test_the_nearest_valid_variant_is_clean(self, data: MovementDataset) -> None:
        """
        The same dataset just inside the rule's boundary has no finding.
        """
        assert [] == found(data)


# Security teams ------------------------------------------------------------------------

#: A year under Luật 30/2023/QH15.
TEAM_YEAR = Period.year(2025)
#: REGISTRY in the shape of 2025: the wards directly under the province, no city.
TEAM_REGISTRY = UnitRegistry(
    [
        attrs.evolve(unit, parent_code=PROVINCE) if unit.parent_code == CITY else unit
        for unit in REGISTRY.units
        if unit.code != CITY
    ],
    organisations=REGISTRY.organisations,
)
#: The codes of the rules on security teams.
TEAM_CODES = ("G202", "G203", "G303", "G402", "G403", "G502", "G503", "G504", "G601", "G602")


def team(
    id_: str = "TBV1",
    *,
    commune: str = WARD,
    hamlets: tuple[str, ...] = (T01,),
    established_on: str = "2024-07-01",
    dissolved_on: str | None = None,
    leaders: int = 1,
    deputies: int = 1,
    members: int = 3,
) -> SecurityTeam:
    """
    Return a team, by default of the ward, serving residential group 1 from 1 July 2024.
    """
    return SecurityTeam(
        id_,
        commune,
        hamlets,
        day(established_on),
        dissolved_on=None if dissolved_on is None else day(dissolved_on),
        leaders=leaders,
        deputies=deputies,
        members=members,
    )


def teams(*records: SecurityTeam, period: Period = TEAM_YEAR) -> MovementDataset:
    """
    Return a dataset of 2025 (by default) over TEAM_REGISTRY with the teams given.
    """
    return dataset(period=period, registry=TEAM_REGISTRY, security_teams=records)


def sizes(*bands: SizeBand) -> TeamSizeRules:
    """
    Return a province's size rules made of *bands*.
    """
    return TeamSizeRules(bands, source="Quyết định thử của tỉnh")


def band(
    kind: UnitKind | None = None, minimum: int | None = 5, maximum: int | None = 7
) -> SizeBand:
    """
    Return a size band, by default 5 to 7 people in every team.
    """
    return SizeBand(kind, minimum=minimum, maximum=maximum, source="Quyết định thử của tỉnh")


class TestTeamRules:
    """
    G: security-and-order protection teams (Luật 30/2023/QH15).
    """

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            pytest.param(
                teams(team(commune=UNKNOWN)),
                [("G202", "$.security_teams[0].commune_code", "TBV1", "commune_code", UNKNOWN)],
                id="G202-unknown-commune-alone",
            ),
            pytest.param(
                teams(team(hamlets=(T01, UNKNOWN))),
                [("G203", "$.security_teams[0].hamlet_codes[1]", "TBV1", "hamlet_codes", UNKNOWN)],
                id="G203-unknown-hamlet",
            ),
            pytest.param(
                teams(team(hamlets=(SCHOOL,))),
                [("G203", "$.security_teams[0].hamlet_codes[0]", "TBV1", "hamlet_codes", SCHOOL)],
                id="G203-an-organisation-is-no-hamlet",
            ),
            pytest.param(
                teams(team(), team(hamlets=(T02,))),
                [("G303", "$.security_teams[1].id", "TBV1", "id", "TBV1")],
                id="G303-team-id-twice",
            ),
            pytest.param(
                teams(team(established_on="2024-06-30"), period=Period.year(2024)),
                [
                    (
                        "G402",
                        "$.security_teams[0].established_on",
                        "TBV1",
                        "established_on",
                        "2024-06-30",
                    )
                ],
                id="G402-set-up-on-30-june-2024",
            ),
            pytest.param(
                teams(team(established_on="2026-01-01")),
                [
                    (
                        "G403",
                        "$.security_teams[0].established_on",
                        "TBV1",
                        "established_on",
                        "2026-01-01",
                    )
                ],
                id="G403-set-up-the-day-after-the-period",
            ),
            pytest.param(
                teams(team(dissolved_on="2024-12-31")),
                [
                    (
                        "G403",
                        "$.security_teams[0].established_on",
                        "TBV1",
                        "established_on",
                        "2024-07-01",
                    )
                ],
                id="G403-dissolved-the-day-before-the-period",
            ),
            pytest.param(
                teams(team(hamlets=(T01, LEAF_WARD))),
                [
                    (
                        "G502",
                        "$.security_teams[0].hamlet_codes[1]",
                        "TBV1",
                        "hamlet_codes",
                        LEAF_WARD,
                    )
                ],
                id="G502-a-ward-served-as-a-hamlet",
            ),
            pytest.param(
                teams(team(hamlets=(T01, OTHER_T01))),
                [
                    (
                        "G503",
                        "$.security_teams[0].hamlet_codes[1]",
                        "TBV1",
                        "hamlet_codes",
                        OTHER_T01,
                    )
                ],
                id="G503-hamlet-of-another-ward",
            ),
            pytest.param(
                teams(team(leaders=0)),
                [("G601", "$.security_teams[0].leaders", "TBV1", "leaders", "0")],
                id="G601-no-leader",
            ),
            pytest.param(
                teams(team(leaders=2, deputies=0, members=0)),
                [
                    ("G601", "$.security_teams[0].leaders", "TBV1", "leaders", "2"),
                    ("G601", "$.security_teams[0].deputies", "TBV1", "deputies", "0"),
                    ("G601", "$.security_teams[0].members", "TBV1", "members", "0"),
                ],
                id="G601-one-finding-per-role",
            ),
        ],
    )
    def test_each_rule_is_found(self, data: MovementDataset, expected: list[Row]) -> None:
        """
        A minimal dataset that breaks a team rule has its findings, and no other.
        """
        assert expected == found(data)

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(teams(team(hamlets=(T01, T02))), id="a-team-serving-two-hamlets"),
            pytest.param(teams(team(), team("TBV2")), id="G303-two-teams-for-one-hamlet"),
            pytest.param(teams(team(), period=Period.year(2024)), id="G402-set-up-on-1-july-2024"),
            pytest.param(
                teams(team(established_on="2025-12-31")), id="G403-set-up-on-the-last-day"
            ),
            pytest.param(
                teams(team(dissolved_on="2025-01-01")), id="G403-dissolved-on-the-first-day"
            ),
            pytest.param(teams(team(deputies=1, members=1)), id="G601-one-of-each-role"),
            pytest.param(teams(team(deputies=3, members=12)), id="G601-several-deputies"),
        ],
    )
    def test_the_nearest_valid_variant_is_clean(self, data: MovementDataset) -> None:
        """
        The same dataset just inside the rule's boundary has no finding.
        """
        assert [] == found(data)

    @pytest.mark.parametrize(
        "unit", [pytest.param(PROVINCE, id="a-province"), pytest.param(T01, id="a-hamlet")]
    )
    def test_g504_a_team_of_a_unit_that_is_not_a_commune(self, unit: str) -> None:
        """
        A team filed under a province or a hamlet is found, at its commune_code.
        """
        expected = [("G504", "$.security_teams[0].commune_code", "TBV1", "commune_code", unit)]
        assert expected == rows(validate(teams(team(commune=unit))).filter(code="G504"))

    def test_a_team_of_a_province_has_no_finding_about_its_hamlets(self) -> None:
        """
        A team filed under the province, not its ward, is one mistake: G504 alone.
        """
        where = "$.security_teams[0].commune_code"
        expected = [("G504", where, "TBV1", "commune_code", PROVINCE)]
        assert expected == found(teams(team(commune=PROVINCE)))

    @pytest.mark.parametrize(
        ("rules", "expected"),
        [
            pytest.param(
                sizes(band(maximum=None)),
                ["at least 5 people (every team)"],
                id="every-team-at-least-5",
            ),
            pytest.param(
                sizes(band(minimum=None, maximum=3)),
                ["at most 3 people (every team)"],
                id="every-team-at-most-3",
            ),
            pytest.param(
                sizes(band(UnitKind.RESIDENTIAL_GROUP)),
                ["5 to 7 people (teams serving a residential group)"],
                id="residential-groups-5-to-7",
            ),
            pytest.param(
                sizes(band(minimum=3, maximum=3), band(UnitKind.RESIDENTIAL_GROUP)),
                [
                    "exactly 3 people (every team)",
                    "5 to 7 people (teams serving a residential group)",
                ],
                id="one-finding-per-band-broken",
            ),
        ],
    )
    def test_g602_a_team_outside_the_provinces_band(
        self, rules: TeamSizeRules, expected: list[str]
    ) -> None:
        """
        A team of 4 is checked against every band of the province that applies to it.
        """
        report = validate(teams(team(members=2)), team_sizes=rules)
        reason = "the team has 4 people; the province's band is "
        row = ("G602", "$.security_teams[0]", "TBV1", None, "4")
        assert ([row] * len(expected), [reason + text for text in expected]) == (
            rows(report),
            [f.params["reason"] for f in report.findings],
        )

    @pytest.mark.parametrize(
        ("data", "rules"),
        [
            pytest.param(teams(team(members=2)), None, id="no-size-rules"),
            pytest.param(teams(team()), sizes(band()), id="5-people-in-5-to-7"),
            pytest.param(teams(team(members=5)), sizes(band()), id="7-people-in-5-to-7"),
            pytest.param(
                teams(team(members=2)), sizes(band(UnitKind.VILLAGE)), id="a-band-for-villages"
            ),
        ],
    )
    def test_g602_is_not_found_within_the_band(
        self, data: MovementDataset, rules: TeamSizeRules | None
    ) -> None:
        """
        A team within its bands, or with no bands given, has no size finding.
        """
        assert [] == rows(validate(data, team_sizes=rules))

    @pytest.mark.parametrize(
        ("data", "code"),
        [
            pytest.param(teams(team(members=2, hamlets=(T01, UNKNOWN))), "G203", id="unknown"),
            pytest.param(teams(team(members=2, hamlets=(T01, LEAF_WARD))), "G502", id="not-hamlet"),
            pytest.param(teams(team(members=2, hamlets=(T01, OTHER_T01))), "G503", id="elsewhere"),
        ],
    )
    def test_g602_waits_until_every_hamlet_is_known(self, data: MovementDataset, code: str) -> None:
        """
        A team with a hamlet that does not resolve is not sized, even by a band for every team.
        """
        assert [code] == [f.code for f in validate(data, team_sizes=sizes(band())).findings]

    @pytest.mark.parametrize(
        ("data", "english", "vietnamese"),
        [
            pytest.param(
                teams(team(commune=UNKNOWN)),
                f"$.security_teams[0].commune_code: no unit has the code {UNKNOWN}",
                f"$.security_teams[0].commune_code: không có đơn vị nào mã {UNKNOWN}",
                id="G202",
            ),
            pytest.param(
                teams(team(hamlets=(UNKNOWN,))),
                f"$.security_teams[0].hamlet_codes[0]: no unit has the code {UNKNOWN}",
                f"$.security_teams[0].hamlet_codes[0]: không có đơn vị nào mã {UNKNOWN}",
                id="G203",
            ),
            pytest.param(
                teams(team(), team(hamlets=(T02,))),
                "$.security_teams[1].id: the team id TBV1 is used twice",
                "$.security_teams[1].id: mã tổ bảo vệ an ninh, trật tự TBV1 bị trùng",
                id="G303",
            ),
            pytest.param(
                teams(team(established_on="2024-06-30"), period=Period.year(2024)),
                "$.security_teams[0].established_on: set up on 2024-06-30, before Luật "
                "30/2023/QH15 came into force on 1 July 2024",
                "$.security_teams[0].established_on: thành lập ngày 2024-06-30, trước khi "
                "Luật 30/2023/QH15 có hiệu lực (01/7/2024)",
                id="G402",
            ),
            pytest.param(
                teams(team(established_on="2026-01-01")),
                "$.security_teams[0].established_on: the team did not exist on any day of "
                "the period 2025-01-01..2025-12-31",
                "$.security_teams[0].established_on: tổ không hoạt động ngày nào trong kỳ "
                "báo cáo 2025-01-01..2025-12-31",
                id="G403",
            ),
            pytest.param(
                teams(team(hamlets=(LEAF_WARD,))),
                f"$.security_teams[0].hamlet_codes[0]: {LEAF_WARD} is a commune, not a "
                "village or residential group",
                f"$.security_teams[0].hamlet_codes[0]: {LEAF_WARD} là đơn vị cấp xã, không "
                "phải thôn, tổ dân phố",
                id="G502",
            ),
            pytest.param(
                teams(team(hamlets=(OTHER_T01,))),
                f"$.security_teams[0].hamlet_codes[0]: the hamlet {OTHER_T01} is not in the "
                f"commune {WARD}",
                f"$.security_teams[0].hamlet_codes[0]: thôn, tổ dân phố {OTHER_T01} không "
                f"thuộc đơn vị cấp xã {WARD}",
                id="G503",
            ),
            pytest.param(
                teams(team(commune=PROVINCE)),
                f"$.security_teams[0].commune_code: {PROVINCE} is a province, not a commune",
                f"$.security_teams[0].commune_code: {PROVINCE} là đơn vị cấp tỉnh, không phải "
                "đơn vị cấp xã",
                id="G504",
            ),
            pytest.param(
                teams(team(deputies=0)),
                "$.security_teams[0].deputies: the team has no deputy (Tổ phó); it needs at "
                "least one deputy",
                "$.security_teams[0].deputies: tổ không có Tổ phó; tổ phải có ít nhất một Tổ phó",
                id="G601",
            ),
        ],
    )
    def test_the_message_in_both_languages(
        self, data: MovementDataset, english: str, vietnamese: str
    ) -> None:
        """
        The first finding reads in English and in Vietnamese.
        """
        finding = validate(data).findings[0]
        assert (english, vietnamese) == (finding.message(), finding.message(lang="vi"))

    def test_the_size_message_names_the_band_in_both_languages(self) -> None:
        """
        G602 gives the team's size and the province's band, in each language.
        """
        report = validate(
            teams(team(members=2)), team_sizes=sizes(band(UnitKind.RESIDENTIAL_GROUP))
        )
        finding = report.findings[0]
        english = (
            "$.security_teams[0]: the team has 4 people; the province's band is 5 to 7 "
            "people (teams serving a residential group)"
        )
        vietnamese = (
            "$.security_teams[0]: tổ có 4 người; quy mô do tỉnh quy định là từ 5 đến 7 "
            "người (tổ ở tổ dân phố)"
        )
        assert (english, vietnamese) == (finding.message(), finding.message(lang="vi"))

    def test_severities(self) -> None:
        """
        A team out of the period, its composition and its size are warnings; the rest errors.
        """
        warnings = {"G403", "G601", "G602"}
        expected = {
            code: Severity.WARNING if code in warnings else Severity.ERROR for code in TEAM_CODES
        }
        assert expected == {code: CATALOGUE[code].severity for code in TEAM_CODES}

    def test_a_team_with_warnings_only_leaves_the_dataset_valid(self) -> None:
        """
        A team without a leader, too small for its province, is reported but valid.
        """
        report = validate(teams(team(leaders=0)), team_sizes=sizes(band()))
        assert (True, ["G601", "G602"]) == (report.valid, [f.code for f in report.findings])


# Facts and recognitions ----------------------------------------------------------------

#: The codes of the rules on facts and recorded recognitions.
RECOGNITION_CODES = ("A201", "A202", "A301", "A302", "A501")


def fact(
    unit: str = T01, year: int = 2017, name: str = "laws_carried_out", *, value: int = True
) -> AssessmentFact:
    """
    Return a fact for recognition, by default "residential group 1 carried out the laws" in 2017.
    """
    return AssessmentFact(unit, year, name, value)


def decision(code: str = T01, year: int = 2017, outcome: Outcome = Outcome.SAFE) -> Recognition:
    """
    Return a recorded decision, by default residential group 1 recognised safe for 2017.
    """
    return Recognition(code, year, outcome)


def with_organisation(organisation: Organisation) -> UnitRegistry:
    """
    Return REGISTRY with *organisation* in the ward beside the school.
    """
    return UnitRegistry(REGISTRY.units, organisations=[*REGISTRY.organisations, organisation])


MICRO = Organisation(
    "DN-1",
    "Cửa hàng Minh Anh",
    OrganisationKind.ENTERPRISE,
    unit_code=WARD,
    enterprise_size=EnterpriseSize.MICRO,
)
PRIMARY = Organisation(
    "TH-1",
    "Trường Tiểu học Đức Xuân",
    OrganisationKind.SCHOOL,
    unit_code=WARD,
    school_level=SchoolLevel.PRIMARY,
)
BARRACKS = Organisation(
    "CQ-1", "Ban Chỉ huy Quân sự", OrganisationKind.AGENCY, unit_code=WARD, armed_forces=True
)


class TestRecognitionRules:
    """
    A: facts for recognition and recorded recognitions.
    """

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            pytest.param(
                dataset(assessment_facts=[fact(UNKNOWN)]),
                [("A201", "$.assessment_facts[0].unit_code", UNKNOWN, "unit_code", UNKNOWN)],
                id="A201-fact-about-an-unknown-unit",
            ),
            pytest.param(
                dataset(recognitions=[decision(UNKNOWN)]),
                [("A202", "$.recognitions[0].code", UNKNOWN, "code", UNKNOWN)],
                id="A202-recognition-of-an-unknown-unit",
            ),
            pytest.param(
                dataset(assessment_facts=[fact(), fact(value=False)]),
                [("A301", "$.assessment_facts[1].fact", T01, "fact", "laws_carried_out")],
                id="A301-a-fact-twice-with-another-value",
            ),
            pytest.param(
                dataset(assessment_facts=[fact(), fact(), fact()]),
                [
                    ("A301", "$.assessment_facts[1].fact", T01, "fact", "laws_carried_out"),
                    ("A301", "$.assessment_facts[2].fact", T01, "fact", "laws_carried_out"),
                ],
                id="A301-every-repeat",
            ),
            pytest.param(
                dataset(recognitions=[decision(), decision(outcome=Outcome.NOT_SAFE)]),
                [("A302", "$.recognitions[1].year", T01, "year", "2017")],
                id="A302-two-decisions-in-one-year",
            ),
            pytest.param(
                dataset(recognitions=[decision(UNKNOWN), decision(UNKNOWN)]),
                [
                    ("A202", "$.recognitions[0].code", UNKNOWN, "code", UNKNOWN),
                    ("A202", "$.recognitions[1].code", UNKNOWN, "code", UNKNOWN),
                    ("A302", "$.recognitions[1].year", UNKNOWN, "year", "2017"),
                ],
                id="A302-of-an-unknown-unit-too",
            ),
            pytest.param(
                dataset(recognitions=[decision(PROVINCE)]),
                [("A501", "$.recognitions[0].code", PROVINCE, "code", PROVINCE)],
                id="A501-a-province",
            ),
            pytest.param(
                dataset(recognitions=[decision(CITY)]),
                [("A501", "$.recognitions[0].code", CITY, "code", CITY)],
                id="A501-a-district",
            ),
            pytest.param(
                dataset(registry=with_organisation(MICRO), recognitions=[decision("DN-1")]),
                [("A501", "$.recognitions[0].code", "DN-1", "code", "DN-1")],
                id="A501-a-micro-enterprise",
            ),
            pytest.param(
                dataset(registry=with_organisation(PRIMARY), recognitions=[decision("TH-1")]),
                [("A501", "$.recognitions[0].code", "TH-1", "code", "TH-1")],
                id="A501-a-primary-school",
            ),
            pytest.param(
                dataset(registry=with_organisation(BARRACKS), recognitions=[decision("CQ-1")]),
                [("A501", "$.recognitions[0].code", "CQ-1", "code", "CQ-1")],
                id="A501-an-armed-forces-agency",
            ),
        ],
    )
    def test_each_rule_is_found(self, data: MovementDataset, expected: list[Row]) -> None:
        """
        A minimal dataset that breaks a rule on facts or decisions has its findings only.
        """
        assert expected == found(data)

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(
                dataset(assessment_facts=[fact(), fact(WARD), fact(SCHOOL), fact(PROVINCE)]),
                id="A201-facts-about-a-hamlet-ward-school-and-province",
            ),
            pytest.param(
                dataset(
                    assessment_facts=[
                        fact(),
                        fact(year=2018),
                        fact(T02),
                        fact(name="households_total", value=120),
                    ]
                ),
                id="A301-another-year-unit-or-fact",
            ),
            pytest.param(
                dataset(recognitions=[decision(), decision(year=2018), decision(T02)]),
                id="A302-another-year-or-unit",
            ),
            pytest.param(
                dataset(recognitions=[decision(), decision(WARD), decision(SCHOOL)]),
                id="A501-a-hamlet-a-ward-and-an-upper-secondary-school",
            ),
        ],
    )
    def test_the_nearest_valid_variant_is_clean(self, data: MovementDataset) -> None:
        """
        The same dataset just inside the rule's boundary has no finding.
        """
        assert [] == found(data)

    @pytest.mark.parametrize(
        ("data", "english", "vietnamese"),
        [
            pytest.param(
                dataset(assessment_facts=[fact(UNKNOWN)]),
                f"$.assessment_facts[0].unit_code: no unit or organisation has the code {UNKNOWN}",
                f"$.assessment_facts[0].unit_code: không có đơn vị hoặc cơ quan, tổ chức nào "
                f"mã {UNKNOWN}",
                id="A201",
            ),
            pytest.param(
                dataset(recognitions=[decision(UNKNOWN)]),
                f"$.recognitions[0].code: no unit or organisation has the code {UNKNOWN}",
                f"$.recognitions[0].code: không có đơn vị hoặc cơ quan, tổ chức nào mã {UNKNOWN}",
                id="A202",
            ),
            pytest.param(
                dataset(assessment_facts=[fact(), fact()]),
                f"$.assessment_facts[1].fact: laws_carried_out is recorded twice for {T01} in 2017",
                f"$.assessment_facts[1].fact: dữ kiện laws_carried_out của {T01} năm 2017 bị "
                "ghi hai lần",
                id="A301",
            ),
            pytest.param(
                dataset(recognitions=[decision(), decision()]),
                f"$.recognitions[1].year: {T01} is recognised twice for 2017",
                f"$.recognitions[1].year: {T01} được xét công nhận hai lần trong năm 2017",
                id="A302",
            ),
            pytest.param(
                dataset(registry=with_organisation(MICRO), recognitions=[decision("DN-1")]),
                "$.recognitions[0].code: DN-1 cannot be recognised: a micro enterprise "
                "(doanh nghiệp siêu nhỏ) is not recognised",
                "$.recognitions[0].code: DN-1 không thuộc diện xét công nhận: doanh nghiệp "
                "siêu nhỏ không thuộc diện xét công nhận",
                id="A501",
            ),
        ],
    )
    def test_the_message_in_both_languages(
        self, data: MovementDataset, english: str, vietnamese: str
    ) -> None:
        """
        The first finding reads in English and in Vietnamese.
        """
        finding = validate(data).findings[0]
        assert (english, vietnamese) == (finding.message(), finding.message(lang="vi"))

    def test_the_vietnamese_message_gives_the_reason_in_vietnamese(self) -> None:
        """
        The reason an organisation cannot be recognised is not left in English.
        """
        data = dataset(registry=with_organisation(BARRACKS), recognitions=[decision("CQ-1")])
        finding = validate(data).findings[0]
        assert "a unit of the armed forces is not recognised" not in finding.message(lang="vi")

    def test_every_rule_is_an_error(self) -> None:
        """
        Facts and decisions that do not resolve, repeat or cannot be are all errors.
        """
        expected = dict.fromkeys(RECOGNITION_CODES, Severity.ERROR)
        assert expected == {code: CATALOGUE[code].severity for code in RECOGNITION_CODES}

    def test_a_repeated_fact_makes_the_dataset_invalid(self) -> None:
        """
        A fact recorded twice is an error, even with the same value.
        """
        assert False is validate(dataset(assessment_facts=[fact(), fact()])).valid

    def test_the_reason_is_kept_for_the_message(self) -> None:
        """
        A501 keeps the reason the unit cannot be recognised.
        """
        finding = validate(dataset(recognitions=[decision(CITY)])).findings[0]
        assert str(finding.params["reason"]).startswith("a unit at district level (cấp huyện)")


class TestReintegrationRules:
    """
    R: reintegration cases.
    """

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            pytest.param(
                dataset(reintegration_cases=[case(unit=UNKNOWN)]),
                [("R201", "$.reintegration_cases[0].unit_code", "RC1", "unit_code", UNKNOWN)],
                id="R201-unknown-unit",
            ),
            pytest.param(
                dataset(reintegration_cases=[case(), case(unit=T02)]),
                [("R301", "$.reintegration_cases[1].id", "RC1", "id", "RC1")],
                id="R301-case-id-twice",
            ),
            pytest.param(
                dataset(reintegration_cases=[case(period=period("2016-01-01", "2016-12-31"))]),
                [
                    (
                        "R401",
                        "$.reintegration_cases[0].period",
                        "RC1",
                        "period",
                        "2016-01-01..2016-12-31",
                    )
                ],
                id="R401-help-ended-the-day-before-the-period",
            ),
            pytest.param(
                dataset(reintegration_cases=[case(unit=SCHOOL)]),
                [("R501", "$.reintegration_cases[0].unit_code", "RC1", "unit_code", SCHOOL)],
                id="R501-case-in-an-organisation",
            ),
        ],
    )
    def test_each_rule_is_found_alone(self, data: MovementDataset, expected: list[Row]) -> None:
        """
        A minimal dataset that breaks one reintegration rule has that one finding.
        """
        assert expected == found(data)

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(
                dataset(reintegration_cases=[case(), case("RC2", unit=WARD)]),
                id="R201-R501-hamlet-and-commune",
            ),
            pytest.param(
                dataset(reintegration_cases=[case(period=period("2016-01-01", "2017-01-01"))]),
                id="R401-help-ends-on-the-first-day",
            ),
            pytest.param(
                dataset(reintegration_cases=[case(period=period("2017-12-31", "2018-12-31"))]),
                id="R401-help-starts-on-the-last-day",
            ),
        ],
    )
    def test_the_nearest_valid_variant_is_clean(self, data: MovementDataset) -> None:
        """
        The same dataset just inside the rule's boundary has no finding.
        """
        assert [] == found(data)


class TestTallyRules:
    """
    D: declared tallies.
    """

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            pytest.param(
                dataset(declared_tallies=[tally(unit=UNKNOWN)]),
                [("D201", "$.declared_tallies[0].unit_code", "DT1", "unit_code", UNKNOWN)],
                id="D201-unknown-unit",
            ),
            pytest.param(
                dataset(declared_tallies=[tally(), tally(figure=TURNS)]),
                [("D301", "$.declared_tallies[1].id", "DT1", "id", "DT1")],
                id="D301-tally-id-twice",
            ),
            pytest.param(
                dataset(declared_tallies=[tally(period=period("2017-06-01", "2018-01-01"))]),
                [
                    (
                        "D401",
                        "$.declared_tallies[0].period",
                        "DT1",
                        "period",
                        "2017-06-01..2018-01-01",
                    )
                ],
                id="D401-tally-ends-the-day-after-the-period",
            ),
            pytest.param(
                dataset(declared_tallies=[tally(period=period("2016-12-31", "2017-06-30"))]),
                [
                    (
                        "D401",
                        "$.declared_tallies[0].period",
                        "DT1",
                        "period",
                        "2016-12-31..2017-06-30",
                    )
                ],
                id="D401-tally-starts-the-day-before-the-period",
            ),
            pytest.param(
                dataset(sessions=[session()], declared_tallies=[tally()]),
                [("D601", "$.declared_tallies[0]", "DT1", None, None)],
                id="D601-session-records-in-the-ward",
            ),
            pytest.param(
                dataset(declared_tallies=[tally(), tally("DT2", T01, 3)]),
                [("D602", "$.declared_tallies[1]", "DT2", None, None)],
                id="D602-hamlet-tally-under-the-ward-tally",
            ),
            pytest.param(
                dataset(declared_tallies=[tally("DT1", T01, 3), tally("DT2")]),
                [("D602", "$.declared_tallies[0]", "DT1", None, None)],
                id="D602-the-higher-unit-counts-whatever-the-order",
            ),
            pytest.param(
                dataset(
                    declared_tallies=[
                        tally("DT1", WARD, 5),
                        tally("DT2", T01, 2),
                        tally("DT3", T02, 4),
                    ]
                ),
                [
                    ("D602", "$.declared_tallies[1]", "DT2", None, None),
                    ("D602", "$.declared_tallies[2]", "DT3", None, None),
                    ("D603", "$.declared_tallies[0].value", "DT1", "value", "5"),
                ],
                id="D603-parts-add-up-to-6-not-5",
            ),
        ],
    )
    def test_each_rule_is_found_alone(self, data: MovementDataset, expected: list[Row]) -> None:
        """
        A minimal dataset that breaks one tally rule has that finding (and the parts' D602).
        """
        assert expected == found(data)

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(
                dataset(declared_tallies=[tally(), tally("DT2", SCHOOL, 2, figure=TURNS)]),
                id="D201-commune-and-organisation",
            ),
            pytest.param(
                dataset(declared_tallies=[tally(), tally("DT2", figure=TURNS)]),
                id="D301-distinct-ids",
            ),
            pytest.param(dataset(declared_tallies=[tally()]), id="D401-the-whole-period"),
            pytest.param(
                dataset(sessions=[session(place=OTHER_T01)], declared_tallies=[tally()]),
                id="D601-records-in-another-ward",
            ),
            pytest.param(
                dataset(
                    sessions=[session(held_on="2017-06-30")],
                    declared_tallies=[tally(period=Period.quarter(2017, 3))],
                ),
                id="D601-records-the-day-before-the-tally",
            ),
            pytest.param(
                dataset(declared_tallies=[tally(), tally("DT2", OTHER_T01, 3)]),
                id="D602-tally-of-another-ward",
            ),
            pytest.param(
                dataset(declared_tallies=[tally(), tally("DT2", T01, 3, figure=TURNS)]),
                id="D602-tally-of-another-figure",
            ),
            pytest.param(
                dataset(
                    declared_tallies=[
                        tally(period=Period.quarter(2017, 1)),
                        tally("DT2", T01, 3, period=Period.quarter(2017, 2)),
                    ]
                ),
                id="D602-tally-of-other-days",
            ),
        ],
    )
    def test_the_nearest_valid_variant_is_clean(self, data: MovementDataset) -> None:
        """
        The same dataset just inside the rule's boundary has no finding.
        """
        assert [] == found(data)

    def test_parts_that_add_up_are_only_set_aside(self) -> None:
        """
        When the hamlets' tallies add up to the ward's, only D602 is reported for them.
        """
        data = dataset(
            declared_tallies=[tally("DT1", WARD, 5), tally("DT2", T01, 2), tally("DT3", T02, 3)]
        )
        expected = [
            ("D602", "$.declared_tallies[1]", "DT2", None, None),
            ("D602", "$.declared_tallies[2]", "DT3", None, None),
        ]
        assert expected == found(data)

    def test_parts_are_not_added_while_a_unit_below_declares_nothing(self) -> None:
        """
        D603 needs a tally from every unit directly below.
        """
        data = dataset(declared_tallies=[tally("DT1", WARD, 5), tally("DT2", T01, 9)])
        expected = [("D602", "$.declared_tallies[1]", "DT2", None, None)]
        assert expected == found(data)

    def test_set_aside_tallies_mirror_accepted_tallies(self) -> None:
        """
        D201, D601 and D602 report exactly the overlaps of CR-10, with their causes.
        """
        data = dataset(
            sessions=[session()],
            declared_tallies=[
                tally("DT1", UNKNOWN),
                tally("DT2", WARD),
                tally("DT3", OTHER_WARD, figure=TURNS),
                tally("DT4", OTHER_T01, figure=TURNS),
                tally("DT5", CITY, figure=TallyFigure.VALUABLE_TIPS),
            ],
        )
        codes = {
            OverlapCause.UNKNOWN_UNIT: "D201",
            OverlapCause.RECORDS: "D601",
            OverlapCause.TALLY: "D602",
        }
        _, overlaps = accepted_tallies(data)
        expected = {(codes[o.cause], o.tally.id) for o in overlaps}
        actual = {(f.code, f.record_id) for f in validate(data).findings}
        assert expected == actual
        assert {("D201", "DT1"), ("D601", "DT2"), ("D602", "DT4")} == actual

    def test_set_aside_tallies_are_reported_in_dataset_order(self) -> None:
        """
        The findings of a section follow the order of its records.
        """
        data = dataset(
            sessions=[session()],
            declared_tallies=[tally("DT1", WARD), tally("DT2", UNKNOWN)],
        )
        expected = ["$.declared_tallies[0]", "$.declared_tallies[1].unit_code"]
        assert expected == [f.location for f in validate(data).findings]

    def test_a_tally_of_another_unit_is_named(self) -> None:
        """
        D602 names the tally that counts in its place, and the figure.
        """
        data = dataset(declared_tallies=[tally(), tally("DT2", T01, 3)])
        (finding,) = validate(data).findings
        expected = (
            "$.declared_tallies[1]: tally DT1 counts sessions here; this one is set aside (CR-10)"
        )
        assert expected == finding.message()


class TestDatasetRules:
    """
    X: the dataset as a whole.
    """

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            pytest.param(
                dataset(period=period("2022-01-01", "2022-02-10")),
                [("X401", "$.period", None, "period", "2022-01-01..2022-02-10")],
                id="X401-period-ends-on-10-february-2022",
            ),
            pytest.param(
                dataset(period=period("2022-02-09", "2022-12-31")),
                [("X401", "$.period", None, "period", "2022-02-09..2022-12-31")],
                id="X401-period-starts-on-9-february-2022",
            ),
        ],
    )
    def test_each_rule_is_found_alone(self, data: MovementDataset, expected: list[Row]) -> None:
        """
        A period that spans the change of circular has that one finding.
        """
        assert expected == found(data)

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(
                dataset(period=period("2022-01-01", "2022-02-09")),
                id="X401-period-ends-on-9-february-2022",
            ),
            pytest.param(
                dataset(period=period("2022-02-10", "2022-12-31")),
                id="X401-period-starts-on-10-february-2022",
            ),
        ],
    )
    def test_the_nearest_valid_variant_is_clean(self, data: MovementDataset) -> None:
        """
        A period wholly on one side of 10 February 2022 has no finding.
        """
        assert [] == found(data)


# Units and dates against the dataset's edition -----------------------------------------

OLD_UNITS, NEW_UNITS = official.edition("2025-01"), official.edition("2025-07")
NEW_PROVINCE = Unit("19", "Thái Nguyên", UnitKind.PROVINCE)
BAC_KAN = Unit(OTHER_WARD, "Bắc Kạn", UnitKind.WARD, parent_code="19")
BAC_KAN_T01 = Unit(OTHER_T01, "Tổ 1", UnitKind.RESIDENTIAL_GROUP, parent_code=OTHER_WARD)
#: Phường Bắc Kạn of Thái Nguyên and one of its residential groups, as of 1 July 2025.
NEW_REGISTRY = UnitRegistry([NEW_PROVINCE, BAC_KAN, BAC_KAN_T01])
YEAR_2026 = Period.year(2026)
#: An edition of the same units in force in 2026 only.
IN_2026 = Edition(
    "2026-01",
    UnitRegistry([NEW_PROVINCE, BAC_KAN]),
    in_force_from=day("2026-01-01"),
    in_force_to=day("2026-12-31"),
)


def on_old(*units: Unit, **records: Any) -> MovementDataset:
    """
    Return a dataset of 2017 on edition 2025-01, over REGISTRY with *units* added.
    """
    registry = UnitRegistry([*REGISTRY.units, *units], organisations=REGISTRY.organisations)
    return dataset(registry=registry, edition=OLD_UNITS, **records)


def replaced(code: str, **changes: Any) -> MovementDataset:
    """
    Return a dataset of 2017 on edition 2025-01, over REGISTRY with the unit *code* changed.
    """
    units = [attrs.evolve(u, **changes) if u.code == code else u for u in REGISTRY.units]
    registry = UnitRegistry(units, organisations=REGISTRY.organisations)
    return dataset(registry=registry, edition=OLD_UNITS)


def on_new(
    edition: Edition = NEW_UNITS, *, period: Period = YEAR_2026, **records: Any
) -> MovementDataset:
    """
    Return a dataset on the units of 1 July 2025 (edition 2025-07 unless told).
    """
    return dataset(period=period, registry=NEW_REGISTRY, edition=edition, **records)


_NOT_IN_2025_01 = Unit("01998", "Không Có", UnitKind.WARD, parent_code=CITY)
_XUAT_HOA = Unit("01855", "Xuất Hoá", UnitKind.WARD, parent_code=CITY)


class TestEditionRules:
    """
    U203, U403, U504, U505, X402: the units and the dates of a dataset against its edition.
    """

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            pytest.param(
                on_old(_NOT_IN_2025_01),
                [("U203", "$.units[8].code", "01998", "code", "01998")],
                id="U203-ward-not-in-the-edition",
            ),
            pytest.param(
                dataset(
                    period=Period.year(2026),
                    registry=UnitRegistry([*REGISTRY.units[:2]]),
                    edition=NEW_UNITS,
                ),
                [
                    ("U503", "$.units[1].kind", CITY, "kind", "provincial_city"),
                    ("U203", "$.units[0].code", PROVINCE, "code", PROVINCE),
                    ("U203", "$.units[1].code", CITY, "code", CITY),
                ],
                id="U203-old-units-on-the-new-edition",
            ),
            pytest.param(
                replaced(CITY, kind=UnitKind.DISTRICT_TOWN),
                [("U504", "$.units[1].kind", CITY, "kind", "district_town")],
                id="U504-kind",
            ),
            pytest.param(
                replaced(LEAF_WARD, parent_code=PROVINCE),
                [("U504", "$.units[4].parent_code", LEAF_WARD, "parent_code", PROVINCE)],
                id="U504-parent",
            ),
            pytest.param(
                replaced(WARD, name="Đức Xuan"),
                [("U505", "$.units[2].name", WARD, "name", "Đức Xuan")],
                id="U505-circumflex-left-out",
            ),
            pytest.param(
                replaced(OTHER_WARD, name="Bắc Kạn"),
                [("U505", "$.units[3].name", OTHER_WARD, "name", "Bắc Kạn")],
                id="U505-the-name-of-another-edition",
            ),
            pytest.param(
                on_new(
                    period=period("2025-06-01", "2025-12-31"),
                    sessions=[session(held_on="2025-06-30", place=OTHER_T01)],
                ),
                [
                    ("U403", "$.sessions[0].held_on", "S1", "held_on", "2025-06-30"),
                    ("X402", "$.period", None, "period", "2025-06-01..2025-12-31"),
                ],
                id="U403-session-held-the-day-before",
            ),
            pytest.param(
                on_new(
                    period=period("2025-06-01", "2025-12-31"),
                    tips=[tip(received_on="2025-06-30", receiver=OTHER_WARD)],
                ),
                [
                    ("U403", "$.tips[0].received_on", "TIP1", "received_on", "2025-06-30"),
                    ("X402", "$.period", None, "period", "2025-06-01..2025-12-31"),
                ],
                id="U403-tip-received-the-day-before",
            ),
            pytest.param(
                on_new(
                    IN_2026,
                    period=period("2026-07-01", "2027-06-30"),
                    model_groups=[group(established_on="2027-01-01", unit=OTHER_T01)],
                ),
                [
                    (
                        "U403",
                        "$.model_groups[0].established_on",
                        "G1",
                        "established_on",
                        "2027-01-01",
                    ),
                    ("X402", "$.period", None, "period", "2026-07-01..2027-06-30"),
                ],
                id="U403-group-established-the-day-after",
            ),
            pytest.param(
                on_new(
                    IN_2026,
                    period=period("2025-12-01", "2026-12-31"),
                    reintegration_cases=[
                        case(unit=OTHER_T01, period=period("2025-12-31", "2026-03-31"))
                    ],
                ),
                [
                    (
                        "U403",
                        "$.reintegration_cases[0].period",
                        "RC1",
                        "period",
                        "2025-12-31..2026-03-31",
                    ),
                    ("X402", "$.period", None, "period", "2025-12-01..2026-12-31"),
                ],
                id="U403-case-starting-the-day-before",
            ),
            pytest.param(
                on_new(period=period("2025-06-30", "2025-12-31")),
                [("X402", "$.period", None, "period", "2025-06-30..2025-12-31")],
                id="X402-period-starts-the-day-before",
            ),
            pytest.param(
                on_new(IN_2026, period=period("2026-01-01", "2027-01-01")),
                [("X402", "$.period", None, "period", "2026-01-01..2027-01-01")],
                id="X402-period-ends-the-day-after",
            ),
            pytest.param(
                dataset(period=Period.year(2025), edition=OLD_UNITS),
                [
                    ("U503", "$.units[1].kind", CITY, "kind", "provincial_city"),
                    ("X402", "$.period", None, "period", "2025-01-01..2025-12-31"),
                ],
                id="X402-a-year-across-1-july-2025",
            ),
        ],
    )
    def test_each_rule_is_found(self, data: MovementDataset, expected: list[Row]) -> None:
        """
        A dataset that breaks one edition rule has its finding (and those that come with it).
        """
        assert expected == found(data)

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(dataset(edition=OLD_UNITS), id="registry-as-listed"),
            pytest.param(on_old(_XUAT_HOA), id="U505-other-tone-placement"),
            pytest.param(replaced(WARD, name="ĐỨC XUÂN"), id="U505-capitals"),
            pytest.param(
                replaced(WARD, name=unicodedata.normalize("NFD", "Đức Xuân")), id="U505-nfd"
            ),
            pytest.param(
                on_old(Unit("01840-T09", "Tổ 9", UnitKind.RESIDENTIAL_GROUP, parent_code=WARD)),
                id="hamlets-are-the-users-own",
            ),
            pytest.param(
                dataset(registry=UnitRegistry([*REGISTRY.units, _NOT_IN_2025_01])),
                id="U203-without-an-edition",
            ),
            pytest.param(
                on_new(
                    period=period("2025-07-01", "2025-12-31"),
                    sessions=[session(held_on="2025-07-01", place=OTHER_T01)],
                    tips=[tip(received_on="2025-07-01", receiver=OTHER_WARD)],
                ),
                id="U403-records-on-the-first-day",
            ),
            pytest.param(
                on_new(
                    IN_2026,
                    model_groups=[group(established_on="2015-05-01", unit=OTHER_T01)],
                    reintegration_cases=[
                        case(unit=OTHER_T01, period=period("2026-12-31", "2027-03-31"))
                    ],
                ),
                id="U403-group-set-up-before-and-case-ending-after",
            ),
            pytest.param(on_new(IN_2026, period=Period.year(2026)), id="X402-period-is-the-window"),
        ],
    )
    def test_the_nearest_valid_variant_is_clean(self, data: MovementDataset) -> None:
        """
        The same dataset just inside the rule's boundary has no finding.
        """
        assert [] == found(data)

    def test_the_bundled_example_is_clean_on_its_edition(self, example: MovementDataset) -> None:
        """
        The example names edition 2025-01, and its units and dates agree with it.
        """
        assert (OLD_UNITS, ()) == (example.edition, validate(example).findings)

    def test_the_bundled_example_on_the_new_units_breaks_every_edition_rule(
        self, example: MovementDataset
    ) -> None:
        """
        Named on 2025-07, the example's old units and its dates of 2016-2018 are found.
        """
        report = validate(attrs.evolve(example, edition=NEW_UNITS))
        counts = {
            code: report.counts_by_code().get(code, 0) for code in ("U203", "U504", "U505", "X402")
        }
        assert {"U203": 7, "U504": 3, "U505": 2, "X402": 1} == counts
        assert {"U203", "U403", "U504", "U505", "X402"} == {f.code for f in report.findings}

    @pytest.mark.parametrize(
        ("data", "code", "english", "vietnamese"),
        [
            pytest.param(
                on_old(_NOT_IN_2025_01),
                "U203",
                "$.units[8].code: edition 2025-01 of the official units has no commune with "
                "the code 01998",
                "$.units[8].code: danh mục đơn vị hành chính 2025-01 không có đơn vị cấp xã "
                "mã 01998",
                id="U203",
            ),
            pytest.param(
                replaced(CITY, kind=UnitKind.DISTRICT_TOWN),
                "U504",
                "$.units[1].kind: in edition 2025-01 the kind of unit 058 is provincial_city, "
                "not district_town",
                "$.units[1].kind: theo danh mục 2025-01, loại của đơn vị 058 là "
                "provincial_city, không phải district_town",
                id="U504-kind",
            ),
            pytest.param(
                replaced(LEAF_WARD, parent_code=PROVINCE),
                "U504",
                "$.units[4].parent_code: in edition 2025-01 the parent unit of unit 01834 is "
                "058, not 06",
                "$.units[4].parent_code: theo danh mục 2025-01, đơn vị cấp trên của đơn vị "
                "01834 là 058, không phải 06",
                id="U504-parent",
            ),
            pytest.param(
                replaced(WARD, name="Đức Xuan"),
                "U505",
                "$.units[2].name: edition 2025-01 names the unit 01840 Đức Xuân, not Đức Xuan",
                "$.units[2].name: theo danh mục 2025-01, đơn vị 01840 có tên Đức Xuân, không "
                "phải Đức Xuan",
                id="U505",
            ),
            pytest.param(
                on_new(
                    period=period("2025-07-01", "2025-12-31"),
                    sessions=[session(held_on="2025-06-30", place=OTHER_T01)],
                ),
                "U403",
                "$.sessions[0].held_on: 2025-06-30 is outside edition 2025-07 of the official "
                "units (in force from 2025-07-01); on that day the dataset's units were not the "
                "units in force",
                "$.sessions[0].held_on: ngày 2025-06-30 nằm ngoài thời gian hiệu lực của danh "
                "mục đơn vị hành chính 2025-07 (hiệu lực từ ngày 01/07/2025)",
                id="U403",
            ),
            pytest.param(
                on_new(period=period("2025-06-01", "2025-06-30")),
                "X402",
                "$.period: the period 2025-06-01..2025-06-30 reaches outside edition 2025-07 "
                "of the official units (in force from 2025-07-01)",
                "$.period: kỳ báo cáo 2025-06-01..2025-06-30 vượt ra ngoài thời gian hiệu lực "
                "của danh mục đơn vị hành chính 2025-07 (hiệu lực từ ngày 01/07/2025)",
                id="X402",
            ),
        ],
    )
    def test_the_message_names_the_edition_in_both_languages(
        self, data: MovementDataset, code: str, english: str, vietnamese: str
    ) -> None:
        """
        The finding's message names the edition and what differs, in both languages.
        """
        finding = validate(data).filter(code=code).findings[0]
        assert (english, vietnamese) == (finding.message(), finding.message(lang="vi"))

    @pytest.mark.parametrize(
        ("edition", "window", "window_vi"),
        [
            pytest.param(
                OLD_UNITS,
                "in force until 2025-06-30",
                "hiệu lực đến hết ngày 30/06/2025",
                id="until",
            ),
            pytest.param(
                NEW_UNITS, "in force from 2025-07-01", "hiệu lực từ ngày 01/07/2025", id="from"
            ),
            pytest.param(
                IN_2026,
                "in force from 2026-01-01 to 2026-12-31",
                "hiệu lực từ ngày 01/01/2026 đến hết ngày 31/12/2026",
                id="both",
            ),
            pytest.param(
                attrs.evolve(IN_2026, in_force_from=None, in_force_to=None),
                "in force on every day",
                "hiệu lực mọi ngày",
                id="always",
            ),
        ],
    )
    def test_a_finding_gives_the_window_in_both_languages(
        self, edition: Edition, window: str, window_vi: str
    ) -> None:
        """
        Every edition finding carries the days its edition is in force, in words.
        """
        data = attrs.evolve(on_old(_NOT_IN_2025_01), period=Period.year(2025), edition=edition)
        finding = validate(data).filter(code="U203").findings[0]
        expected = (edition.name, window, window_vi)
        params = finding.params
        assert expected == (params["edition"], params["window"], params["window_vi"])

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        testing.editions().flatmap(lambda e: testing.datasets(edition=e, max_declared_tallies=4))
    )
    def test_a_generated_dataset_agrees_with_its_edition(self, data: MovementDataset) -> None:
        """
        A dataset drawn on an edition has no finding of the edition rules.
        """
        codes = {f.code for f in validate(data).findings}
        assert set() == codes & {"U203", "U403", "U504", "U505", "X402"}


# Findings of a broken file -------------------------------------------------------------

_BASE = dataset_to_dict(
    dataset(
        sessions=[session(slips=1)],
        tips=[tip(session_id="S1")],
    )
)


def _document(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False)


def edited(section: str, index: int, **changes: object) -> str:
    """
    Return the base document with a record's fields changed.
    """
    document = copy.deepcopy(_BASE)
    document[section][index].update(changes)
    return _document(document)


def removed(section: str, index: int, key: str) -> str:
    """
    Return the base document without a field of a record.
    """
    document = copy.deepcopy(_BASE)
    del document[section][index][key]
    return _document(document)


def appended(section: str, record: dict[str, Any]) -> str:
    """
    Return the base document with one more record in *section*.
    """
    document = copy.deepcopy(_BASE)
    document[section].append(record)
    return _document(document)


def headed(**changes: object) -> str:
    """
    Return the base document with header fields changed.
    """
    return _document({**_BASE, **changes})


def problems_of(text: str | bytes) -> tuple[LoadProblem, ...]:
    """
    Return the problems found while reading *text*.
    """
    with pytest.raises(DatasetLoadError) as caught:
        loads_dataset(text)
    return caught.value.problems


_LEAF_INDEX = [u["code"] for u in _BASE["units"]].index(LEAF_WARD)


class TestLoadFindings:
    """
    Problems found while reading a file, as findings of the catalogue.
    """

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            pytest.param(
                removed("tips", 0, "received_on"),
                ("F101", "$.tips[0].received_on", None, "received_on", None),
                id="F101-missing-key",
            ),
            pytest.param(
                _document({k: v for k, v in _BASE.items() if k != "period"}),
                ("F101", "$.period", None, "period", None),
                id="F101-missing-period",
            ),
            pytest.param(
                edited("tips", 0, colour="red"),
                ("F102", "$.tips[0].colour", None, "colour", "red"),
                id="F102-unknown-key",
            ),
            pytest.param(
                headed(colour="red"),
                ("F102", "$.colour", None, "colour", "red"),
                id="F102-unknown-header-key",
            ),
            pytest.param(
                edited("sessions", 0, participant_turns="1.9"),
                ("F103", "$.sessions[0].participant_turns", None, "participant_turns", "1.9"),
                id="F103-text-1.9-for-an-integer",
            ),
            pytest.param(
                edited("sessions", 0, participant_turns=1.9),
                ("F103", "$.sessions[0].participant_turns", None, "participant_turns", "1.9"),
                id="F103-number-1.9-for-an-integer",
            ),
            pytest.param(
                edited("tips", 0, channel="fax"),
                ("F103", "$.tips[0].channel", None, "channel", "fax"),
                id="F103-unknown-identifier",
            ),
            pytest.param(
                edited("tips", 0, received_on="2017-02-30"),
                ("F103", "$.tips[0].received_on", None, "received_on", "2017-02-30"),
                id="F103-not-a-calendar-date",
            ),
            pytest.param(
                edited("tips", 0, received_on="10/03/2017"),
                ("F103", "$.tips[0].received_on", None, "received_on", "10/03/2017"),
                id="F103-date-not-in-iso-form",
            ),
            pytest.param(
                edited("tips", 0, id="bad id"),
                ("F103", "$.tips[0].id", None, "id", "bad id"),
                id="F103-malformed-identifier",
            ),
            pytest.param(
                headed(tips={}),
                ("F103", "$.tips", None, "tips", "{}"),
                id="F103-section-not-an-array",
            ),
            pytest.param(
                edited("tips", 0, assessment="valuable", assessed_on="2017-03-09"),
                ("F104", "$.tips[0].assessed_on", None, "assessed_on", "2017-03-09"),
                id="F104-assessment-before-receipt",
            ),
            pytest.param(
                edited("units", 2, code="1840"),
                ("F104", "$.units[2].code", None, "code", "1840"),
                id="F104-commune-code-not-5-digits",
            ),
            pytest.param("{", ("F105", "$", None, None, None), id="F105-not-json"),
            pytest.param(b"\xff\xfe{", ("F105", "$", None, None, None), id="F105-not-utf-8"),
            pytest.param("[]", ("F105", "$", None, None, None), id="F105-not-an-object"),
            pytest.param(
                '{"format_version": 1, "format_version": 1}',
                ("F105", "$..format_version", None, "format_version", None),
                id="F105-key-twice",
            ),
            pytest.param(
                headed(format_version=2),
                ("F106", "$.format_version", None, "format_version", "2"),
                id="F106-format-version-2",
            ),
            pytest.param(
                headed(edition="2024-01"),
                ("F104", "$.edition", None, "edition", "2024-01"),
                id="F104-unknown-edition",
            ),
            pytest.param(
                headed(edition=202501),
                ("F103", "$.edition", None, "edition", "202501"),
                id="F103-edition-not-a-text",
            ),
            pytest.param(
                appended("units", _BASE["units"][-1]),
                ("U301", f"$.units[{len(_BASE['units'])}].code", None, "code", OTHER_T01),
                id="U301-unit-code-twice",
            ),
            pytest.param(
                appended(
                    "organisations",
                    {"code": T01, "name": "Cơ quan", "kind": "agency", "unit_code": WARD},
                ),
                ("U301", "$.organisations[1].code", None, "code", T01),
                id="U301-organisation-with-a-unit-code",
            ),
            pytest.param(
                appended(
                    "units",
                    {"code": "T9", "name": "Tổ 9", "kind": "village", "parent_code": "01999"},
                ),
                (
                    "U201",
                    f"$.units[{len(_BASE['units'])}].parent_code",
                    None,
                    "parent_code",
                    "01999",
                ),
                id="U201-unknown-parent",
            ),
            pytest.param(
                appended(
                    "organisations",
                    {"code": "CQ9", "name": "Cơ quan", "kind": "agency", "unit_code": "01999"},
                ),
                ("U202", "$.organisations[1].unit_code", None, "unit_code", "01999"),
                id="U202-organisation-in-an-unknown-unit",
            ),
            pytest.param(
                appended(
                    "units",
                    {"code": "T9", "name": "Tổ 9", "kind": "village", "parent_code": CITY},
                ),
                ("U501", f"$.units[{len(_BASE['units'])}].parent_code", None, "parent_code", CITY),
                id="U501-hamlet-under-a-district",
            ),
            pytest.param(
                edited("units", _LEAF_INDEX, parent_code=LEAF_WARD),
                ("U502", f"$.units[{_LEAF_INDEX}].parent_code", None, "parent_code", LEAF_WARD),
                id="U502-its-own-parent",
            ),
        ],
    )
    def test_each_problem_has_its_code(self, text: str | bytes, expected: Row) -> None:
        """
        Every kind of problem antq.io reports becomes a finding under its rule.
        """
        assert [expected] == rows(load_findings(problems_of(text)))

    def test_a_document_that_is_not_an_object_is_unreadable(self) -> None:
        """
        dataset_from_dict refuses a list as F105.
        """
        with pytest.raises(DatasetLoadError) as caught:
            dataset_from_dict([])
        expected = [("F105", "$", None, None, None)]
        assert expected == rows(load_findings(caught.value.problems))

    def test_the_reason_is_kept_for_the_message(self) -> None:
        """
        A load finding's message says what was wrong, in either language.
        """
        (finding,) = load_findings(
            problems_of(edited("sessions", 0, participant_turns=1.9))
        ).findings
        expected = (
            "$.sessions[0].participant_turns: expected an integer, found a number",
            (
                "$.sessions[0].participant_turns: sai kiểu hoặc dạng dữ liệu "
                "(expected an integer, found a number)"
            ),
        )
        assert expected == (finding.message(), finding.message(lang="vi"))

    def test_a_problem_placed_in_a_file_keeps_its_position(self) -> None:
        """
        The file, sheet, row and column of a problem become the finding's position.
        """
        problems = [
            LoadProblem("$.tips[2].channel", "fax", "unknown TipChannel identifier"),
            LoadProblem(
                "$.tips[2].channel",
                "fax",
                "unknown TipChannel identifier",
                file="tips.xlsx",
                sheet="tips",
                row=4,
                column="channel",
            ),
        ]
        expected = [None, "tips.xlsx:tips:4:channel"]
        assert expected == [f.position for f in load_findings(problems).findings]

    def test_no_problem_is_no_finding(self) -> None:
        """
        An empty list of problems is a valid, empty report.
        """
        assert ValidationReport() == load_findings([])

    def test_a_record_that_is_not_an_object_names_no_field(self) -> None:
        """
        A problem with a whole record names no field.
        """
        text = headed(units=[5, *_BASE["units"]])
        expected = [("F103", "$.units[0]", None, None, "5")]
        assert expected == rows(load_findings(problems_of(text)))


# Reports -------------------------------------------------------------------------------

WARNING = Finding("C303", "$.sessions[1]", "S2", params={"other": "S1"})
OTHER_WARNING = Finding("C303", "$.sessions[2]", "S3", params={"other": "S1"})
ERROR = Finding("T201", "$.tips[0].receiving_unit_code", "TIP1", "receiving_unit_code", UNKNOWN)


class TestValidationReport:
    """
    A report of findings: validity, counts, filters, rows and sums.
    """

    def test_a_report_with_warnings_only_is_valid(self) -> None:
        """
        Warnings do not make a dataset invalid.
        """
        assert ValidationReport((WARNING, OTHER_WARNING)).valid

    def test_a_report_with_an_error_is_invalid(self) -> None:
        """
        One error makes a dataset invalid.
        """
        assert not ValidationReport((WARNING, ERROR)).valid

    def test_an_empty_report_is_valid(self) -> None:
        """
        No finding, no problem.
        """
        assert ValidationReport().valid

    def test_counts_by_code_follow_the_catalogue(self) -> None:
        """
        Codes are counted in catalogue order, whatever the order found.
        """
        report = ValidationReport((ERROR, WARNING, OTHER_WARNING))
        expected = [("C303", 2), ("T201", 1)]
        assert expected == list(report.counts_by_code().items())

    def test_counts_by_severity_name_both_severities(self) -> None:
        """
        Errors and warnings are both counted, zero included.
        """
        expected = (
            {Severity.ERROR: 1, Severity.WARNING: 2},
            {Severity.ERROR: 0, Severity.WARNING: 0},
        )
        actual = (
            ValidationReport((WARNING, ERROR, OTHER_WARNING)).counts_by_severity(),
            ValidationReport().counts_by_severity(),
        )
        assert expected == actual

    @pytest.mark.parametrize(
        ("code", "severity", "expected"),
        [
            pytest.param("C303", None, (WARNING, OTHER_WARNING), id="one-code"),
            pytest.param(["T201"], None, (ERROR,), id="a-list-of-codes"),
            pytest.param(("C303", "T201"), None, (WARNING, ERROR, OTHER_WARNING), id="codes"),
            pytest.param(iter(["X401"]), None, (), id="an-iterator-of-codes"),
            pytest.param(None, Severity.ERROR, (ERROR,), id="errors"),
            pytest.param(None, Severity.WARNING, (WARNING, OTHER_WARNING), id="warnings"),
            pytest.param("C303", Severity.ERROR, (), id="code-and-severity"),
            pytest.param(None, None, (WARNING, ERROR, OTHER_WARNING), id="nothing"),
        ],
    )
    def test_filter_keeps_the_codes_and_severity_given(
        self, code: str | list[str] | None, severity: Severity | None, expected: tuple[Finding, ...]
    ) -> None:
        """
        A filter keeps the findings with the code(s) and the severity given, in order.
        """
        report = ValidationReport((WARNING, ERROR, OTHER_WARNING))
        assert ValidationReport(expected) == report.filter(code=code, severity=severity)

    def test_rows_are_flat_text(self) -> None:
        """
        A row carries the code, severity, location, record, field, value and message.
        """
        expected = [
            {
                "code": "T201",
                "severity": "error",
                "position": None,
                "location": "$.tips[0].receiving_unit_code",
                "record_id": "TIP1",
                "field": "receiving_unit_code",
                "value": UNKNOWN,
                "message": "$.tips[0].receiving_unit_code: no unit has the code XX-404",
            }
        ]
        assert expected == ValidationReport((ERROR,)).rows()

    def test_rows_in_vietnamese(self) -> None:
        """
        With lang="vi" the messages are the Vietnamese ones.
        """
        expected = [
            "$.sessions[1]: trùng với buổi S1 (cùng ngày, nơi, loại và số liệu)",
            "$.tips[0].receiving_unit_code: không có đơn vị nào có mã XX-404",
        ]
        actual = [row["message"] for row in ValidationReport((WARNING, ERROR)).rows(lang="vi")]
        assert expected == actual

    def test_to_dict_holds_validity_counts_and_rows(self) -> None:
        """
        The document has the validity, the counts and the rows.
        """
        report = ValidationReport((WARNING, ERROR))
        expected = {
            "valid": False,
            "counts": {
                "by_severity": {"error": 1, "warning": 1},
                "by_code": {"C303": 1, "T201": 1},
            },
            "findings": report.rows(lang="vi"),
        }
        assert expected == report.to_dict(lang="vi")

    def test_to_dict_is_json(self) -> None:
        """
        The document survives a JSON round trip unchanged.
        """
        document = ValidationReport((WARNING, ERROR)).to_dict()
        assert document == json.loads(json.dumps(document))

    def test_reports_add_in_order(self) -> None:
        """
        ``a + b`` holds the findings of a, then those of b.
        """
        expected = ValidationReport((WARNING, ERROR, OTHER_WARNING))
        assert expected == ValidationReport((WARNING,)) + ValidationReport((ERROR, OTHER_WARNING))

    def test_adding_something_else_is_a_type_error(self) -> None:
        """
        A report adds only to a report.
        """
        report = ValidationReport((WARNING,))
        assert NotImplemented is report.__add__(1)
        with pytest.raises(TypeError):
            _ = report + 1

    def test_a_finding_takes_its_severity_from_the_catalogue(self) -> None:
        """
        The severity of a finding is the one of its rule.
        """
        assert (Severity.WARNING, Severity.ERROR) == (WARNING.severity, ERROR.severity)

    def test_finding_params_do_not_count_in_equality(self) -> None:
        """
        Two findings of the same place and value are equal, whatever their params.
        """
        assert WARNING == attrs.evolve(WARNING, params={"other": "S9"})


# Informants ----------------------------------------------------------------------------

MARKER = "MẬT-Nguyễn-Văn-A"
INFORMANT = Informant(f"{MARKER} tên", contact=f"{MARKER} 0912", address=f"{MARKER} nhà")


def _informed(record: TipRecord) -> TipRecord:
    return attrs.evolve(record, informant=INFORMANT)


class TestInformants:
    """
    Findings never carry an informant's identity (BLTTHS 2015, Điều 56).
    """

    DATA = dataset(
        period=period("2022-01-01", "2022-12-31"),
        sessions=[session(held_on="2022-03-08", slips=5)],
        tips=[
            _informed(t)
            for t in (
                tip(receiver=UNKNOWN, origin_code=UNKNOWN),
                tip("TIP1", "2023-01-01", receiver=T01, session_id="S9"),
                tip("TIP2", "2022-03-01", session_id="S1"),
                tip("TIP3", "2022-03-10", channel=TipChannel.PHONE, session_id="S1"),
                TipRecord(
                    "TIP4",
                    day("2022-03-10"),
                    SCHOOL,
                    TipChannel.IN_PERSON,
                    legal_kind=TipLegalKind.DENUNCIATION,
                    decision=TipDecision.PROSECUTE,
                    decided_on=day("2022-12-01"),
                    extensions=(
                        TipExtension(day("2022-03-20"), day("2022-06-01"), HANDLING),
                        TipExtension(day("2022-06-01"), day("2022-09-01"), PROCURACY),
                        TipExtension(day("2022-09-01"), day("2022-10-01"), PROCURACY),
                    ),
                ),
                TipRecord(
                    "TIP5",
                    day("2022-03-10"),
                    CITY,
                    TipChannel.MEDIA,
                    legal_kind=TipLegalKind.CRIME_INFORMATION,
                ),
            )
        ],
    )

    def test_the_dataset_breaks_many_rules(self) -> None:
        """
        The dataset of informed tips has findings under many rules.
        """
        expected = {
            "T201",
            "T202",
            "T203",
            "T301",
            "T401",
            "T403",
            "T501",
            "T602",
            "T603",
            "T701",
            "T702",
            "T703",
            "X401",
        }
        report = validate(self.DATA, as_of=day("2023-12-31"))
        assert expected == set(report.counts_by_code())

    @pytest.mark.parametrize("lang", ["en", "vi"])
    def test_no_finding_carries_the_identity(self, lang: Language) -> None:
        """
        No value, message, row or document of the report holds the marker text.
        """
        report = validate(self.DATA, as_of=day("2023-12-31"))
        texts = [
            *(str(f.value) for f in report.findings),
            *(f.message(lang=lang) for f in report.findings),
            *(repr(f) for f in report.findings),
            json.dumps(report.to_dict(lang=lang), ensure_ascii=False),
            json.dumps(report.rows(lang=lang), ensure_ascii=False),
        ]
        assert [] == [text for text in texts if MARKER in text]

    @pytest.mark.parametrize("lang", ["en", "vi"])
    @pytest.mark.parametrize(
        ("informant", "expected"),
        [
            pytest.param(
                {"full_name": MARKER, "contact": 912, "address": MARKER, "nickname": MARKER},
                ["F103", "F102"],
                id="wrong-type-and-unknown-key",
            ),
            pytest.param({"full_name": " ", "address": MARKER}, ["F104"], id="blank-name"),
        ],
    )
    def test_no_load_finding_carries_the_identity(
        self, informant: dict[str, object], expected: list[str], lang: Language
    ) -> None:
        """
        Problems found under an informant show a placeholder, never the identity.
        """
        report = load_findings(problems_of(edited("tips", 0, informant=informant)))
        texts = json.dumps(report.to_dict(lang=lang), ensure_ascii=False)
        assert (expected, False) == ([f.code for f in report.findings], MARKER in texts)


# Properties ----------------------------------------------------------------------------


class TestProperties:
    """
    Validation of generated datasets.
    """

    def test_no_security_protection_team_is_generated_before_the_law(self) -> None:
        """
        For a period before 1 July 2024, the strategy draws no security-protection team.
        """
        with pytest.raises(NoSuchExample):
            find(
                testing.model_groups(registry=REGISTRY, period=YEAR),
                lambda group: group.kind is TEAM,
            )

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        testing.datasets(max_declared_tallies=4),
        st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)),
    )
    def test_validate_never_raises_and_uses_the_catalogue(
        self, data: MovementDataset, as_of: dt.date | None
    ) -> None:
        """
        Every finding of a generated dataset has a catalogue code and a location in it.
        """
        report = validate(data, as_of=as_of)
        assert [] == [
            f for f in report.findings if f.code not in CATALOGUE or not f.location.startswith("$.")
        ]

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        testing.datasets(
            min_security_teams=1,
            max_security_teams=4,
            max_assessment_facts=12,
            max_recognitions=6,
        )
    )
    def test_generated_teams_facts_and_decisions_break_no_rule_of_theirs(
        self, data: MovementDataset
    ) -> None:
        """
        A generated dataset with teams, facts and decisions has no finding of their rules.

        G602 is not checked: without a province's size rules, sizes are not judged.
        """
        codes = {f.code for f in validate(data).findings}
        assert set() == codes & {*TEAM_CODES, *RECOGNITION_CODES}

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(
        testing.editions().flatmap(
            lambda e: testing.datasets(
                edition=e, max_security_teams=3, max_assessment_facts=6, max_recognitions=3
            )
        )
    )
    def test_generated_teams_on_an_edition_break_no_rule_of_theirs(
        self, data: MovementDataset
    ) -> None:
        """
        Teams, facts and decisions drawn on an edition's units resolve there too.
        """
        codes = {f.code for f in validate(data).findings}
        assert set() == codes & {*TEAM_CODES, *RECOGNITION_CODES}

    @pytest.mark.parametrize("cls", [SecurityTeam, AssessmentFact, Recognition])
    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def test_from_type_builds_teams_facts_and_decisions(
        self, cls: type[Any], data: st.DataObject
    ) -> None:
        """
        The Hypothesis plugin builds valid teams, facts and decisions.
        """
        value = data.draw(st.from_type(cls))
        attrs.validate(value)
        assert isinstance(value, cls)

    @settings(max_examples=10, deadline=None)
    @given(st.data())
    def test_drawn_teams_facts_and_decisions_resolve_in_their_registry(
        self, data: st.DataObject
    ) -> None:
        """
        One team, fact and decision drawn for a registry and period break none of their rules.
        """
        registry = TEAM_REGISTRY
        drawn = dataset(
            period=TEAM_YEAR,
            registry=registry,
            security_teams=[data.draw(testing.security_teams(registry=registry, period=TEAM_YEAR))],
            assessment_facts=[
                data.draw(testing.assessment_facts(registry=registry, period=TEAM_YEAR))
            ],
            recognitions=[data.draw(testing.recognitions(registry=registry, period=TEAM_YEAR))],
        )
        assert [] == found(drawn)

    @pytest.mark.parametrize(
        ("make", "message"),
        [
            pytest.param(
                lambda: testing.security_teams(registry=REGISTRY, period=Period.year(2023)),
                "ends on or after 2024-07-01",
                id="teams-before-the-law",
            ),
            pytest.param(
                lambda: testing.security_teams(
                    registry=_unit_registry(_PROVINCE, _CITY), period=TEAM_YEAR
                ),
                "a commune with a hamlet",
                id="teams-without-hamlets",
            ),
            pytest.param(
                lambda: testing.assessment_facts(
                    registry=_unit_registry(_PROVINCE, _CITY), period=YEAR
                ),
                "a hamlet, commune or organisation",
                id="facts-without-a-place",
            ),
            pytest.param(
                lambda: testing.recognitions(
                    registry=_unit_registry(_PROVINCE, _CITY), period=YEAR
                ),
                "a unit or organisation that can be recognised",
                id="decisions-without-a-place",
            ),
            pytest.param(
                lambda: testing.assessment_facts(
                    registry=REGISTRY, period=period("0999-01-01", "0999-12-31")
                ),
                "touches a year from 1000 to 9999",
                id="facts-of-a-year-of-three-digits",
            ),
            pytest.param(
                lambda: testing.recognitions(
                    registry=REGISTRY, period=period("0999-01-01", "0999-12-31")
                ),
                "touches a year from 1000 to 9999",
                id="decisions-of-a-year-of-three-digits",
            ),
            pytest.param(
                lambda: testing.datasets(period=YEAR, min_security_teams=1, max_security_teams=2),
                "min_security_teams=1 needs a period that ends on or after 2024-07-01",
                id="datasets-with-teams-before-the-law",
            ),
        ],
    )
    def test_the_strategies_refuse_what_they_cannot_draw(
        self, make: Callable[[], object], message: str
    ) -> None:
        """
        A strategy asked for records it cannot make valid says why.
        """
        with pytest.raises(InvalidArgument, match=re.escape(message)):
            make()

    @settings(max_examples=10, deadline=None)
    @given(testing.datasets(period=YEAR, max_security_teams=3, max_recognitions=3))
    def test_no_team_is_drawn_before_the_law(self, data: MovementDataset) -> None:
        """
        A dataset of 2017 asked for teams, but no fewest, holds none.
        """
        assert () == data.security_teams

    @settings(max_examples=5, deadline=None)
    @given(
        testing.datasets(
            period=period("0999-01-01", "1000-12-31"), max_assessment_facts=5, max_recognitions=5
        )
    )
    def test_facts_and_decisions_are_for_four_digit_years(self, data: MovementDataset) -> None:
        """
        A period that reaches back before the year 1000 draws facts and decisions from 1000.
        """
        years = {f.year for f in data.assessment_facts} | {d.year for d in data.recognitions}
        assert years <= {1000}

    @settings(max_examples=5, deadline=None)
    @given(
        testing.datasets(
            period=period("0999-01-01", "0999-12-31"), max_assessment_facts=5, max_recognitions=5
        )
    )
    def test_no_fact_or_decision_is_drawn_without_a_four_digit_year(
        self, data: MovementDataset
    ) -> None:
        """
        A period of the year 999 holds no fact and no decision.
        """
        assert ((), ()) == (data.assessment_facts, data.recognitions)


class TestPrintedShares:
    """
    D604: a printed percentage must match its ratio at the printed precision.
    """

    @pytest.mark.parametrize(
        ("value", "of_total", "printed", "computed"),
        [
            (219, 236, "92%", "93%"),
            (219, 236, "ninety-three", "93%"),
            (5, 0, "0%", "no share (of 0)"),
        ],
        ids=["wrong", "unreadable", "of-nothing"],
    )
    def test_a_share_that_does_not_match_is_found(
        self, value: int, of_total: int, printed: str, computed: str
    ) -> None:
        """
        The finding names what was printed and what the ratio gives.
        """
        tally = DeclaredTally(
            "K1",
            WARD,
            YEAR,
            TallyFigure.SESSIONS,
            value,
            of_total=of_total,
            printed_share=printed,
        )
        report = validate(dataset(declared_tallies=[tally])).filter(code="D604")
        (finding,) = report.findings
        expected = ("$.declared_tallies[0].printed_share", printed, computed)
        assert expected == (finding.location, finding.value, finding.params["computed"])

    @pytest.mark.parametrize(
        ("value", "of_total", "printed"),
        [
            (219, 236, "93%"),
            (644, 707, "91,09%"),
            (644, 707, "91,1%"),
            (219, 236, "92.80 %"),
            (1, 8, "13%"),
        ],
        ids=["whole", "two-decimals", "one-decimal", "decimal-point-and-space", "half-rounds-up"],
    )
    def test_a_share_that_matches_is_not_found(
        self, value: int, of_total: int, printed: str
    ) -> None:
        """
        Rounded half up to the printed precision, the ratio gives the printed share.
        """
        tally = DeclaredTally(
            "K1",
            WARD,
            YEAR,
            TallyFigure.SESSIONS,
            value,
            of_total=of_total,
            printed_share=printed,
        )
        assert () == validate(dataset(declared_tallies=[tally])).filter(code="D604").findings

    def test_a_count_without_a_printed_share_is_not_checked(self) -> None:
        """
        A whole without a printed share gives nothing to compare.
        """
        tally = DeclaredTally("K1", WARD, YEAR, TallyFigure.SESSIONS, 3, of_total=9)
        assert () == validate(dataset(declared_tallies=[tally])).filter(code="D604").findings
