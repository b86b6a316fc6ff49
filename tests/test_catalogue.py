"""
Tests of the rule catalogue: codes, texts and the placeholders validation fills (antq.catalogue).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import string
from typing import Any

import pytest

from antq import (
    Campaign,
    CampaignKind,
    DatasetLoadError,
    DeclaredTally,
    ExtensionGrantor,
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
    catalogue,
    official,
)
from antq.catalogue import CATALOGUE, FAMILIES, KINDS, Rule, Severity
from antq.io import dataset_to_dict, loads_dataset
from antq.recognition import AssessmentFact
from antq.validation import _LOAD_CODES, Finding, load_findings, validate

CODE = re.compile(r"[FUCTGRADX][1-7][0-9]{2}")

PROVINCE, CITY, WARD, CLOSED_WARD, LEAF_WARD = "06", "058", "01840", "01843", "01834"
T01, CLOSED_T01, SCHOOL, UNKNOWN = "01840-T01", "01843-T01", "THPT-BK", "XX-404"


def day(text: str) -> dt.date:
    """
    Return the day written ``YYYY-MM-DD``.
    """
    return dt.date.fromisoformat(text)


#: A province, a city that starts in 2000, a ward that starts before it (U401), a ward
#: and its hamlet closed in mid-2022, a ward without hamlets, a hamlet, and a school that
#: starts before its ward (U402).
REGISTRY = UnitRegistry(
    [
        Unit(PROVINCE, "Bắc Kạn", UnitKind.PROVINCE),
        Unit(
            CITY,
            "Bắc Kạn",
            UnitKind.PROVINCIAL_CITY,
            parent_code=PROVINCE,
            valid_from=day("2000-01-01"),
        ),
        Unit(WARD, "Đức Xuân", UnitKind.WARD, parent_code=CITY, valid_from=day("1999-01-01")),
        Unit(
            CLOSED_WARD,
            "Phùng Chí Kiên",
            UnitKind.WARD,
            parent_code=CITY,
            valid_from=day("2000-01-01"),
            valid_to=day("2022-06-30"),
        ),
        Unit(
            LEAF_WARD,
            "Nguyễn Thị Minh Khai",
            UnitKind.WARD,
            parent_code=CITY,
            valid_from=day("2000-01-01"),
        ),
        Unit(
            T01,
            "Tổ 1",
            UnitKind.RESIDENTIAL_GROUP,
            parent_code=WARD,
            valid_from=day("1999-01-01"),
        ),
        Unit(
            CLOSED_T01,
            "Tổ 1",
            UnitKind.RESIDENTIAL_GROUP,
            parent_code=CLOSED_WARD,
            valid_from=day("2000-01-01"),
            valid_to=day("2022-06-30"),
        ),
    ],
    organisations=[
        Organisation(
            SCHOOL,
            "Trường THPT Bắc Kạn",
            OrganisationKind.SCHOOL,
            unit_code=WARD,
            valid_from=day("1990-01-01"),
        )
    ],
)

#: From 2022 to 2025: across 10 February 2022 (X401) and 1 July 2025 (U503).
PERIOD = Period(day("2022-01-01"), day("2025-12-31"))
LONG_AGO = Period.year(2010)
PROPAGANDA, PEAK = CampaignKind.PROPAGANDA, CampaignKind.PEAK_CRACKDOWN
FORM, DENUNCIATION = TipChannel.FORM, TipLegalKind.DENUNCIATION
MEDIATION, TEAM = ModelGroupKind.MEDIATION_GROUP, ModelGroupKind.SECURITY_PROTECTION_TEAM
SESSIONS, TURNS = TallyFigure.SESSIONS, TallyFigure.PARTICIPANT_TURNS
PARDONED = ReintegrationCategory.PARDONED


def _session(
    id_: str, held_on: str = "2022-03-08", place: str = T01, **fields: Any
) -> MobilisationSession:
    return MobilisationSession(id_, day(held_on), place, PROPAGANDA, participant_turns=40, **fields)


def _tip(
    id_: str,
    received_on: str = "2022-03-10",
    receiver: str = WARD,
    *,
    channel: TipChannel = FORM,
    **fields: Any,
) -> TipRecord:
    return TipRecord(id_, day(received_on), receiver, channel, **fields)


def _valuable(id_: str, session_id: str) -> TipRecord:
    return _tip(
        id_,
        session_id=session_id,
        assessment=TipAssessment.VALUABLE,
        assessed_on=day("2022-03-20"),
    )


def _group(
    id_: str,
    unit: str = T01,
    established_on: str = "2015-05-01",
    *,
    kind: ModelGroupKind = MEDIATION,
) -> ModelGroup:
    return ModelGroup(id_, kind, "Tổ hòa giải", unit, day(established_on))


def _team(
    id_: str,
    commune: str = WARD,
    hamlets: tuple[str, ...] = (T01,),
    established_on: str = "2024-07-01",
    *,
    leaders: int = 1,
    members: int = 3,
) -> SecurityTeam:
    return SecurityTeam(
        id_, commune, hamlets, day(established_on), leaders=leaders, deputies=1, members=members
    )


def _fact(unit: str = T01, fact: str = "laws_carried_out") -> AssessmentFact:
    return AssessmentFact(unit, 2023, fact, True)


#: A province's size bands: a team serving a residential group has 5 to 7 people.
TEAM_SIZES = TeamSizeRules(
    (SizeBand(UnitKind.RESIDENTIAL_GROUP, minimum=5, maximum=7, source="example"),),
    source="example",
)

#: Datasets that break every rule validate() checks, with the day their time limits
#: are judged on and the province's team sizes.
BROKEN: tuple[tuple[MovementDataset, dt.date | None, TeamSizeRules | None], ...] = (
    (
        MovementDataset(
            PERIOD,
            REGISTRY,
            campaigns=[
                Campaign("CD1", PROPAGANDA, "Tuyên truyền", PERIOD, UNKNOWN),
                Campaign("CD1", PROPAGANDA, "Tuyên truyền", PERIOD, WARD),
                Campaign("CD2", PROPAGANDA, "Tuyên truyền", LONG_AGO, WARD),
                Campaign("CD3", PEAK, "Cao điểm", PERIOD, WARD),
            ],
            sessions=[
                _session("S1", campaign_id="CD3", slips_collected=1),
                _session("S1", campaign_id="CD3", slips_collected=1),
                _session("S2", campaign_id="CD3", slips_collected=1),
                _session("S3", "2030-01-01"),
                _session("S4", place=UNKNOWN),
                _session("S5", place=WARD),
                _session("S6", "2023-01-01", place=CLOSED_T01),
                _session("S7", campaign_id="CD9"),
                _session("S8", "2022-05-05", campaign_id="CD2", slips_collected=1),
                _session("S10", slips_collected=3),
            ],
            tips=[
                _tip("TIP1", receiver=UNKNOWN),
                _tip("TIP1"),
                _tip("TIP2", origin_code=UNKNOWN),
                _tip("TIP3", session_id="S9"),
                _tip("TIP4", "2030-01-01"),
                _tip("TIP5", "2023-01-01", receiver=CLOSED_WARD),
                _tip("TIP6", "2022-03-07", session_id="S1"),
                _tip("TIP7", receiver=T01),
                _tip("TIP8", "2025-03-01", receiver=CITY),
                _valuable("TIP9", "S8"),
                _valuable("TIP10", "S8"),
                _tip("TIP11", channel=TipChannel.PHONE, session_id="S2"),
                _tip("TIP15", session_id="S10"),
                _tip("TIP12", legal_kind=DENUNCIATION),
                _tip(
                    "TIP13",
                    legal_kind=DENUNCIATION,
                    extensions=(
                        TipExtension(
                            day("2022-03-10"), day("2022-06-01"), ExtensionGrantor.HANDLING_AGENCY
                        ),
                    ),
                ),
                _tip(
                    "TIP14",
                    legal_kind=DENUNCIATION,
                    decision=TipDecision.PROSECUTE,
                    decided_on=day("2022-04-15"),
                ),
                _tip(
                    "TIP16",
                    legal_kind=DENUNCIATION,
                    decision=TipDecision.SUSPEND,
                    decided_on=day("2022-03-15"),
                ),
                _tip("TIP17", transferred_on=day("2022-03-14")),
            ],
            model_groups=[
                _group("G1", UNKNOWN),
                _group("G1", UNKNOWN),
                _group("G2"),
                _group("G3"),
                _group("G4", established_on="2030-01-01"),
                _group("G5", established_on="2022-01-01", kind=TEAM),
            ],
            reintegration_cases=[
                ReintegrationCase("RC1", PARDONED, UNKNOWN, PERIOD),
                ReintegrationCase("RC1", PARDONED, T01, PERIOD),
                ReintegrationCase("RC2", PARDONED, T01, LONG_AGO),
                ReintegrationCase("RC3", PARDONED, SCHOOL, PERIOD),
            ],
            declared_tallies=[
                DeclaredTally("DT1", UNKNOWN, PERIOD, SESSIONS, 3),
                DeclaredTally("DT1", LEAF_WARD, PERIOD, TURNS, 3),
                DeclaredTally("DT2", LEAF_WARD, Period.year(2030), SESSIONS, 3),
                DeclaredTally("DT3", WARD, PERIOD, SESSIONS, 3),
                DeclaredTally(
                    "DT4", LEAF_WARD, PERIOD, SESSIONS, 219, of_total=236, printed_share="92%"
                ),
            ],
        ),
        day("2026-11-30"),
        None,
    ),
    (
        MovementDataset(
            PERIOD,
            REGISTRY,
            declared_tallies=[
                DeclaredTally("DT1", WARD, PERIOD, SESSIONS, 5),
                DeclaredTally("DT2", T01, PERIOD, SESSIONS, 4),
            ],
        ),
        None,
        None,
    ),
    (
        # On edition 2025-01 (in force until 30 June 2025): the city as a district town
        # (U504), a ward without its circumflex (U505), a ward the edition does not have
        # (U203), a session after the edition (U403), a year across 1 July 2025 (X402).
        MovementDataset(
            Period.year(2025),
            UnitRegistry(
                [
                    Unit(PROVINCE, "Bắc Kạn", UnitKind.PROVINCE),
                    Unit(CITY, "Bắc Kạn", UnitKind.DISTRICT_TOWN, parent_code=PROVINCE),
                    Unit(WARD, "Đức Xuan", UnitKind.WARD, parent_code=CITY),
                    Unit("01998", "Không Có", UnitKind.WARD, parent_code=CITY),
                    Unit(T01, "Tổ 1", UnitKind.RESIDENTIAL_GROUP, parent_code=WARD),
                ]
            ),
            sessions=[_session("S1", "2025-08-01")],
            edition=official.edition("2025-01"),
        ),
        None,
        None,
    ),
    (
        # Security teams, facts and recognitions, with the province's team sizes (G602).
        MovementDataset(
            PERIOD,
            REGISTRY,
            security_teams=[
                _team("TBV1", UNKNOWN),
                _team("TBV2", hamlets=(UNKNOWN,)),
                _team("TBV2"),
                _team("TBV3", established_on="2024-06-30"),
                _team("TBV4", established_on="2026-01-01"),
                _team("TBV5", hamlets=(LEAF_WARD,)),
                _team("TBV6", hamlets=(CLOSED_T01,)),
                _team("TBV7", CITY),
                _team("TBV8", leaders=0),
                _team("TBV9", members=1),
            ],
            assessment_facts=[_fact(UNKNOWN), _fact(), _fact()],
            recognitions=[
                Recognition(UNKNOWN, 2023, Outcome.SAFE),
                Recognition(T01, 2023, Outcome.SAFE),
                Recognition(T01, 2023, Outcome.NOT_SAFE),
                Recognition(SCHOOL, 2023, Outcome.SAFE),
            ],
        ),
        None,
        TEAM_SIZES,
    ),
)


def _documents() -> list[str | bytes]:
    """
    Broken dataset files, one for each rule that load_findings reports.
    """
    base = dataset_to_dict(MovementDataset(PERIOD, REGISTRY, tips=[_tip("TIP1")]))

    def changed(**header: object) -> str:
        return json.dumps({**base, **header})

    units, organisations = base["units"], base["organisations"]
    hamlet = {"code": "T9", "name": "Tổ 9", "kind": "village"}
    school = organisations[0]
    tip = base["tips"][0]
    return [
        changed(tips=[{k: v for k, v in tip.items() if k != "received_on"}]),
        changed(tips=[{**tip, "colour": "red"}]),
        changed(tips=[{**tip, "received_on": "2022-02-30"}]),
        changed(tips=[{**tip, "assessment": "valuable", "assessed_on": "2022-03-09"}]),
        b"\xff",
        changed(format_version=2),
        changed(units=[*units, {**hamlet, "parent_code": "01999"}]),
        changed(organisations=[{**school, "unit_code": "01999"}]),
        changed(units=[*units, units[-1]]),
        changed(units=[*units, {**hamlet, "parent_code": CITY}]),
        changed(units=[*units[:-1], {**units[-1], "parent_code": units[-1]["code"]}]),
    ]


def _load_findings() -> list[Finding]:
    found: list[Finding] = []
    for text in _documents():
        with pytest.raises(DatasetLoadError) as caught:
            loads_dataset(text)
        found.extend(load_findings(caught.value.problems).findings)
    return found


#: The first real finding of each code.
REAL: dict[str, Finding] = {}
for _finding in (
    *(
        f
        for data, as_of, team_sizes in BROKEN
        for f in validate(data, as_of=as_of, team_sizes=team_sizes).findings
    ),
    *_load_findings(),
):
    REAL.setdefault(_finding.code, _finding)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


class TestCodes:
    """
    Every code is a family letter, a kind digit and two more digits, used once.
    """

    @pytest.mark.parametrize("code", list(CATALOGUE))
    def test_a_code_has_the_form_of_a_code(self, code: str) -> None:
        """
        A code is one of the family letters, a kind digit 1 to 7 and two digits.
        """
        assert CODE.fullmatch(code)

    @pytest.mark.parametrize("rule", list(CATALOGUE.values()), ids=list(CATALOGUE))
    def test_family_and_kind_are_in_the_tables(self, rule: Rule) -> None:
        """
        A rule's family is in FAMILIES and its kind in KINDS.
        """
        assert (True, True) == (rule.family in FAMILIES, rule.kind in KINDS)

    def test_family_and_kind_are_read_from_the_code(self) -> None:
        """
        The family is the letter and the kind the first digit.
        """
        assert ("T", "7") == (CATALOGUE["T701"].family, CATALOGUE["T701"].kind)

    def test_codes_are_unique(self) -> None:
        """
        No two rules share a code, and every rule is filed under its own code.
        """
        codes = [rule.code for rule in catalogue._RULES]
        assert (codes, codes) == (list(CATALOGUE), sorted(set(codes), key=codes.index))

    def test_rules_are_in_code_order_within_each_family(self) -> None:
        """
        Within a family, the catalogue lists codes in increasing order.
        """
        for family in FAMILIES:
            codes = [code for code in CATALOGUE if code[0] == family]
            assert sorted(codes) == codes

    def test_families_come_in_the_order_of_the_table(self) -> None:
        """
        The catalogue lists the families in the order FAMILIES names them.
        """
        families = list(dict.fromkeys(code[0] for code in CATALOGUE))
        assert list(FAMILIES) == families

    def test_families_and_kinds_are_named_in_both_languages(self) -> None:
        """
        Every family and kind has an English and a Vietnamese name.
        """
        names = [*FAMILIES.values(), *KINDS.values()]
        assert [] == [pair for pair in names if not all(text.strip() for text in pair)]

    def test_the_tables_cannot_be_changed(self) -> None:
        """
        The catalogue is read-only.
        """
        with pytest.raises(TypeError):
            CATALOGUE["Z999"] = CATALOGUE["T701"]  # type: ignore[index]

    def test_severity_labels(self) -> None:
        """
        Severities are named in Vietnamese too.
        """
        assert ("lỗi", "cảnh báo") == (Severity.ERROR.label, Severity.WARNING.label)

    def test_the_load_codes_are_the_file_rules_and_the_registry_rules(self) -> None:
        """
        A problem that stops a load is a file rule (F1xx) or one of five registry rules.

        The rules that check units against the dataset's edition (U203, U504, U505) are
        validation findings: a file on an edition loads all the same.
        """
        expected = {"F101", "F102", "F103", "F104", "F105", "F106"}
        expected |= {"U201", "U202", "U301", "U501", "U502"}
        assert expected == {code for _, code in _LOAD_CODES} | {"F104", "F105"}

    def test_every_problem_that_stops_a_load_is_an_error(self) -> None:
        """
        The rules of a file that cannot be loaded (F1xx, U201, U202, U301, U501, U502) are errors.
        """
        load_codes = [code for code in CATALOGUE if code[0] == "F"]
        load_codes += ["U201", "U202", "U301", "U501", "U502"]
        assert [] == [code for code in load_codes if CATALOGUE[code].severity is not Severity.ERROR]


class TestRuleTexts:
    """
    Every rule explains itself in both languages and names its source.
    """

    @pytest.mark.parametrize("rule", list(CATALOGUE.values()), ids=list(CATALOGUE))
    def test_every_text_is_given(self, rule: Rule) -> None:
        """
        A rule has a title, both templates, a description, fields and a source.
        """
        texts = (rule.title, rule.message_en, rule.message_vi, rule.description, rule.source)
        assert ([], True) == (
            [text for text in texts if not text.strip()],
            bool(rule.fields) and all(field.strip() for field in rule.fields),
        )

    @pytest.mark.parametrize("rule", list(CATALOGUE.values()), ids=list(CATALOGUE))
    def test_the_vietnamese_template_is_not_the_english_one(self, rule: Rule) -> None:
        """
        The Vietnamese message is a translation, not a copy.
        """
        assert rule.message_vi != rule.message_en

    @pytest.mark.parametrize("rule", list(CATALOGUE.values()), ids=list(CATALOGUE))
    def test_a_message_starts_with_the_location(self, rule: Rule) -> None:
        """
        Both templates begin with where the problem is.
        """
        starts = tuple(
            message.startswith(("{location}: ", "$."))
            for message in (rule.message_en, rule.message_vi)
        )
        assert (True, True) == starts

    def test_rules_of_the_criminal_procedure_code_cite_it(self) -> None:
        """
        The time-limit rules name Điều 147 or 148 of the Criminal Procedure Code.
        """
        expected = {"T701", "T702", "T703", "T704"}
        cited = {code for code, rule in CATALOGUE.items() if "Điều 14" in rule.source}
        assert expected == cited


class TestPlaceholders:
    """
    Every placeholder of a template is filled by validation for that code.
    """

    @pytest.mark.parametrize("code", list(CATALOGUE))
    def test_a_real_finding_fills_every_placeholder(self, code: str) -> None:
        """
        A finding validation made fills both templates, without a default for anything.
        """
        finding = REAL[code]
        values: dict[str, object] = {"location": finding.location, **finding.params}
        if finding.value is not None:
            values["value"] = finding.value
        rule = CATALOGUE[code]
        expected = (finding.message(), finding.message(lang="vi"))
        assert expected == (rule.message_en.format_map(values), rule.message_vi.format_map(values))

    @pytest.mark.parametrize("rule", list(CATALOGUE.values()), ids=list(CATALOGUE))
    def test_the_templates_name_the_same_things(self, rule: Rule) -> None:
        """
        The Vietnamese template names what the English one names, or its ``_vi`` wording.
        """
        english = {"location", "value", "reason", *_placeholders(rule.message_en)}
        known = english | {f"{name}_vi" for name in english}
        assert set() == _placeholders(rule.message_vi) - known

    @pytest.mark.parametrize("rule", list(CATALOGUE.values()), ids=list(CATALOGUE))
    def test_a_vietnamese_wording_stands_for_an_english_placeholder(self, rule: Rule) -> None:
        """
        A ``_vi`` placeholder (``window_vi``, ``level_vi`` ...) words something the English names.
        """
        english = _placeholders(rule.message_en)
        wordings = {name for name in _placeholders(rule.message_vi) if name.endswith("_vi")}
        assert set() == {name for name in wordings if name.removesuffix("_vi") not in english}


class TestVietnameseTitles:
    """
    Every rule has a title in Vietnamese too.
    """

    @pytest.mark.parametrize("rule", list(CATALOGUE.values()), ids=list(CATALOGUE))
    def test_every_rule_has_a_vietnamese_title(self, rule: Rule) -> None:
        """
        The Vietnamese title is given and differs from the English one.
        """
        assert (True, True) == (bool(rule.title_vi.strip()), rule.title_vi != rule.title)
