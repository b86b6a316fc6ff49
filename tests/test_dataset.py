"""
Tests for antq.dataset: the container of a unit's records for a period.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from antq import (
    Campaign,
    CampaignKind,
    Informant,
    InvalidValueError,
    MobilisationSession,
    ModelGroup,
    ModelGroupKind,
    MovementDataset,
    Organisation,
    OrganisationKind,
    Outcome,
    Period,
    Recognition,
    ReintegrationCase,
    ReintegrationCategory,
    SecurityTeam,
    TipAssessment,
    TipChannel,
    TipRecord,
    Unit,
    UnitKind,
    UnitRegistry,
    official,
)
from antq import _validation as v
from antq.io import SECTIONS
from antq.recognition import AssessmentFact

D = dt.date
YEAR = Period.year(2017)
REGISTRY = UnitRegistry(
    [
        Unit("06", "Bắc Kạn", UnitKind.PROVINCE),
        Unit("058", "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code="06"),
        Unit("01840", "Đức Xuân", UnitKind.WARD, parent_code="058"),
        Unit("01840-T01", "Tổ 1", UnitKind.RESIDENTIAL_GROUP, parent_code="01840"),
    ],
    organisations=[
        Organisation("THPT-BK", "Trường THPT", OrganisationKind.SCHOOL, unit_code="01840")
    ],
)
CAMPAIGN = Campaign(
    "NH-2017", CampaignKind.FESTIVAL_DAY, "Ngày hội 2017", Period.month(2017, 8), "058"
)
SESSIONS = (
    MobilisationSession(
        "B-001", D(2017, 8, 19), "01840", CampaignKind.PROPAGANDA, participant_turns=120
    ),
    MobilisationSession(
        "B-002", D(2017, 8, 20), "THPT-BK", CampaignKind.LAUNCH, participant_turns=80
    ),
)
TIPS = (
    TipRecord("TIP-1", D(2017, 8, 19), "01840", TipChannel.FORM, session_id="B-001"),
    TipRecord(
        "TIP-2",
        D(2017, 8, 21),
        "01840",
        TipChannel.PHONE,
        assessment=TipAssessment.VALUABLE,
        assessed_on=D(2017, 8, 22),
        informant=Informant("Nguyễn Văn A", contact="0912 345 678"),
    ),
    TipRecord("TIP-3", D(2017, 9, 2), "01840", TipChannel.MAILBOX),
)
GROUP = ModelGroup("MH-001", ModelGroupKind.MEDIATION_GROUP, "Tổ hòa giải", "01840", D(2015, 1, 1))
CASE = ReintegrationCase("RC-0001", ReintegrationCategory.PARDONED, "01840", YEAR)
TEAM = SecurityTeam(
    "TBV-1", "01840", ("01840-T01",), D(2024, 7, 1), leaders=1, deputies=1, members=3
)
FACTS = (
    AssessmentFact("01840-T01", 2017, "plan_adopted", value=True),
    AssessmentFact("01840-T01", 2017, "households_total", 118, source="Sổ hộ khẩu"),
)
RECOGNITION = Recognition("01840-T01", 2017, Outcome.SAFE, authority="UBND phường Đức Xuân")

EMPTY = MovementDataset(YEAR, REGISTRY)
FULL = MovementDataset(
    YEAR,
    REGISTRY,
    campaigns=[CAMPAIGN],
    sessions=list(SESSIONS),
    tips=list(TIPS),
    model_groups=[GROUP],
    reintegration_cases=[CASE],
    security_teams=[TEAM],
    assessment_facts=list(FACTS),
    recognitions=[RECOGNITION],
)


class TestRecordCounts:
    """
    How many records of each kind a dataset holds.
    """

    def test_counts_every_section_of_an_empty_dataset(self) -> None:
        """
        A dataset with units only counts them and zero records elsewhere, newer sections too.
        """
        expected = {
            "units": 4,
            "organisations": 1,
            "campaigns": 0,
            "sessions": 0,
            "tips": 0,
            "model_groups": 0,
            "reintegration_cases": 0,
            "declared_tallies": 0,
            "security_teams": 0,
            "assessment_facts": 0,
            "recognitions": 0,
        }
        assert expected == EMPTY.record_counts()

    def test_counts_the_records_of_each_section(self) -> None:
        """
        Each section is counted on its own.
        """
        expected = {
            "units": 4,
            "organisations": 1,
            "campaigns": 1,
            "sessions": 2,
            "tips": 3,
            "model_groups": 1,
            "reintegration_cases": 1,
            "declared_tallies": 0,
            "security_teams": 1,
            "assessment_facts": 2,
            "recognitions": 1,
        }
        assert expected == FULL.record_counts()

    def test_keys_follow_the_sections_of_the_dataset_file(self) -> None:
        """
        The keys come in the order of the sections of the dataset file.
        """
        expected = [
            "units",
            "organisations",
            "campaigns",
            "sessions",
            "tips",
            "model_groups",
            "reintegration_cases",
            "declared_tallies",
            "security_teams",
            "assessment_facts",
            "recognitions",
        ]
        assert expected == list(FULL.record_counts())
        assert expected == [name for name, _ in SECTIONS]


class TestSections:
    """
    The sections of records a dataset holds.
    """

    def test_sections_are_empty_by_default(self) -> None:
        """
        Without records, every section is an empty tuple.
        """
        expected = ((), (), (), (), (), (), (), (), ())
        actual = (
            EMPTY.campaigns,
            EMPTY.sessions,
            EMPTY.tips,
            EMPTY.model_groups,
            EMPTY.reintegration_cases,
            EMPTY.declared_tallies,
            EMPTY.security_teams,
            EMPTY.assessment_facts,
            EMPTY.recognitions,
        )
        assert expected == actual

    def test_converts_lists_to_tuples(self) -> None:
        """
        Records given as lists are kept as tuples, in the order given.
        """
        expected = ((CAMPAIGN,), SESSIONS, TIPS, (GROUP,), (CASE,), (TEAM,), FACTS, (RECOGNITION,))
        actual = (
            FULL.campaigns,
            FULL.sessions,
            FULL.tips,
            FULL.model_groups,
            FULL.reintegration_cases,
            FULL.security_teams,
            FULL.assessment_facts,
            FULL.recognitions,
        )
        assert expected == actual

    def test_converts_generators_to_tuples(self) -> None:
        """
        Records given by a generator are kept as a tuple.
        """
        dataset = attrs.evolve(EMPTY, tips=(tip for tip in TIPS))
        assert TIPS == dataset.tips

    def test_equal_when_holding_the_same_records(self) -> None:
        """
        Two datasets built from the same records are equal, whatever iterables held them.
        """
        twin = MovementDataset(
            YEAR,
            REGISTRY,
            campaigns=(CAMPAIGN,),
            sessions=SESSIONS,
            tips=TIPS,
            model_groups=(GROUP,),
            reintegration_cases=(CASE,),
            security_teams=(TEAM,),
            assessment_facts=(fact for fact in FACTS),
            recognitions=(RECOGNITION,),
        )
        assert FULL == twin

    def test_the_newer_sections_count_in_equality(self) -> None:
        """
        Two datasets that differ only by a team, a fact or a recognition differ.
        """
        others = [
            attrs.evolve(FULL, security_teams=()),
            attrs.evolve(FULL, assessment_facts=FACTS[:1]),
            attrs.evolve(FULL, recognitions=()),
        ]
        assert [False, False, False] == [FULL == other for other in others]

    def test_repr_never_shows_an_informant(self) -> None:
        """
        The repr of a whole dataset keeps informants protected.
        """
        expected = (False, False)
        assert expected == ("Nguyễn Văn A" in repr(FULL), "0912 345 678" in repr(FULL))


class TestEdition:
    """
    The edition of the official list a dataset's units come from.
    """

    def test_a_dataset_names_no_edition_by_default(self) -> None:
        """
        Without an edition, the dataset's units are not checked against one.
        """
        assert None is FULL.edition

    def test_a_dataset_keeps_the_edition_given(self) -> None:
        """
        The edition is kept as given, by keyword.
        """
        edition = official.edition("2025-01")
        assert edition is MovementDataset(YEAR, REGISTRY, edition=edition).edition

    def test_the_edition_counts_in_equality(self) -> None:
        """
        The same records on two editions are two datasets.
        """
        on_old = attrs.evolve(FULL, edition=official.edition("2025-01"))
        on_new = attrs.evolve(FULL, edition=official.edition("2025-07"))
        assert (False, True) == (
            on_old == on_new,
            on_old == attrs.evolve(on_new, edition=on_old.edition),
        )

    def test_the_repr_names_the_edition_only(self) -> None:
        """
        The repr shows the edition by its name, not its thousands of units.
        """
        shown = repr(attrs.evolve(EMPTY, edition=official.edition("2025-01")))
        assert (True, False) == ("edition=Edition('2025-01')" in shown, "Phùng Chí Kiên" in shown)


INVALID_DATASETS: list[tuple[str, dict[str, Any], str, str]] = [
    ("period-as-text", {"period": "2017"}, "period", "must be of type Period"),
    ("period-none", {"period": None}, "period", "must be of type Period"),
    ("registry-as-units", {"registry": REGISTRY.units}, "registry", "must be of type UnitRegistry"),
    (
        "session-among-campaigns",
        {"campaigns": [CAMPAIGN, SESSIONS[0]]},
        "campaigns",
        "item 1 is MobilisationSession, not Campaign",
    ),
    ("tip-among-sessions", {"sessions": [TIPS[0]]}, "sessions", "item 0 is TipRecord, not"),
    ("dict-among-tips", {"tips": [{"id": "TIP-1"}]}, "tips", "item 0 is dict, not TipRecord"),
    ("case-among-groups", {"model_groups": [CASE]}, "model_groups", "item 0 is ReintegrationCase"),
    (
        "group-among-cases",
        {"reintegration_cases": [GROUP]},
        "reintegration_cases",
        "item 0 is ModelGroup, not ReintegrationCase",
    ),
    ("text-as-tips", {"tips": "TIP-1"}, "tips", "must be a sequence of records"),
    (
        "group-among-teams",
        {"security_teams": [TEAM, GROUP]},
        "security_teams",
        "item 1 is ModelGroup, not SecurityTeam",
    ),
    (
        "recognition-among-facts",
        {"assessment_facts": [RECOGNITION]},
        "assessment_facts",
        "item 0 is Recognition, not AssessmentFact",
    ),
    (
        "fact-among-recognitions",
        {"recognitions": list(FACTS)},
        "recognitions",
        "item 0 is AssessmentFact, not Recognition",
    ),
    (
        "mapping-among-facts",
        {"assessment_facts": [{"fact": "plan_adopted"}]},
        "assessment_facts",
        "item 0 is dict, not AssessmentFact",
    ),
    ("edition-by-name", {"edition": "2025-01"}, "edition", "must be of type Edition"),
    ("table-as-edition", {"edition": official.table()}, "edition", "must be of type Edition"),
]


class TestDatasetValidation:
    """
    The types a dataset's fields must have.
    """

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_DATASETS],
        ids=[row[0] for row in INVALID_DATASETS],
    )
    def test_refuses_a_field_of_the_wrong_type(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A dataset refuses a field of the wrong type, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(FULL, **changes)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))

    def test_section_validator_refuses_a_value_that_is_not_a_tuple(self) -> None:
        """
        The section check refuses a list; the constructor never passes one, as it converts.
        """
        with pytest.raises(InvalidValueError) as info:
            v.tuple_of(TipRecord)(FULL, attrs.fields(MovementDataset).tips, list(TIPS))
        expected = ("tips", "must be a tuple of TipRecord")
        assert expected == (info.value.field, info.value.rule)


class TestSectionConversion:
    """
    Sections are converted to tuples; what holds no records is refused by name.
    """

    @pytest.mark.parametrize(
        ("section", "value"),
        [
            ("tips", None),
            ("sessions", "S1"),
            ("campaigns", {"id": "C1"}),
            ("model_groups", 5),
            ("reintegration_cases", b"R1"),
            ("security_teams", None),
            ("assessment_facts", "plan_adopted"),
            ("recognitions", 2017),
        ],
        ids=["none", "string", "mapping", "number", "bytes", "teams", "facts", "recognitions"],
    )
    def test_refuses_a_section_that_is_no_sequence(self, section: str, value: Any) -> None:
        """
        The refusal is an ``InvalidValueError`` naming the section.
        """
        with pytest.raises(InvalidValueError) as info:
            MovementDataset(YEAR, REGISTRY, **{section: value})
        expected = ("MovementDataset", section)
        assert expected == (info.value.owner, info.value.field)

    def test_refuses_units_that_are_no_sequence(self) -> None:
        """
        A registry built from ``None`` names its ``units`` field.
        """
        with pytest.raises(InvalidValueError) as info:
            UnitRegistry(None)  # type: ignore[arg-type]
        expected = ("UnitRegistry", "units")
        assert expected == (info.value.owner, info.value.field)
