"""
Write the bundled example dataset: the Bắc Kạn city police, 2016 to May 2018.

The source article (Công an thành phố Bắc Kạn, 2018) prints: 173 villages and
residential groups where propaganda was held and the movement launched, over 10,300
participant-turns, 9,921 crime-denunciation slips of which 662 were of value, and the
model groups kept up (58 self-management groups, 05 youth shock teams, 126 mediation
groups, 20 urban-order and sanitation groups, 01 "friends help friends" club, 05
domestic-violence prevention groups). This script builds records whose totals are
exactly those figures. The province, the city and its eight communes and wards are the
official units, with their official codes; every record below them (hamlets, sessions,
tips, model groups, organisations, reintegration cases) is synthetic, made up
deterministically, because the article gives only totals. The dataset says so in its
``description``.

Run from the repository root:

    .venv/bin/python scripts/make_example.py
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from antq import (
    Campaign,
    CampaignKind,
    EnterpriseSize,
    MobilisationSession,
    ModelGroup,
    ModelGroupKind,
    MovementDataset,
    Organisation,
    OrganisationKind,
    Period,
    ReintegrationCase,
    ReintegrationCategory,
    SchoolLevel,
    TipAssessment,
    TipChannel,
    TipRecord,
    Unit,
    UnitKind,
    UnitRegistry,
    official,
)
from antq.io import dataset_to_dict

OUTPUT = (
    Path(__file__).resolve().parent.parent
    / "src"
    / "antq"
    / "examples"
    / "bac-kan-city-2016-2018.json"
)
DESCRIPTION = (
    "Bắc Kạn city police (Công an thành phố Bắc Kạn), 1 January 2016 to 31 May 2018. "
    "The province (06), the city (058) and its eight communes and wards are the official "
    "units with their official codes. Every record below them (hamlets, sessions, tips, "
    "model groups, organisations and reintegration cases) is SYNTHETIC, made by "
    "scripts/make_example.py so that the totals reproduce the figures of the police's "
    "2018 article: 173 hamlets, over 10,300 participant-turns, 9,921 slips of which 662 "
    "of value, and 58, 05, 126, 20, 01 and 05 model groups."
)
PERIOD = Period.parse("2016-01..2018-05")

HAMLETS_MOBILISED = 173
PARTICIPANT_TURNS = 10_346  # printed as "trên 10.300"
SLIPS = 9_921
VALUABLE = 662
SESSIONS = 240  # in hamlets; one more in each organisation

#: Synthetic organisations where the movement was also pushed (cơ quan, doanh nghiệp,
#: trường học), each with one session: (code, name, kind, size or level, commune).
ORGANISATIONS = (
    ("CQ-01", "Cơ quan số 1", OrganisationKind.AGENCY, None, "01840"),
    ("CQ-02", "Cơ quan số 2", OrganisationKind.AGENCY, None, "01843"),
    ("DN-01", "Doanh nghiệp số 1", OrganisationKind.ENTERPRISE, EnterpriseSize.MEDIUM, "01846"),
    ("DN-02", "Doanh nghiệp số 2", OrganisationKind.ENTERPRISE, EnterpriseSize.LARGE, "01855"),
    ("TH-01", "Trường THPT số 1", OrganisationKind.SCHOOL, SchoolLevel.UPPER_SECONDARY, "01837"),
    ("TH-02", "Trường THCS số 1", OrganisationKind.SCHOOL, SchoolLevel.LOWER_SECONDARY, "01834"),
)

#: Synthetic reintegration cases by category (the article gives no figure).
CASES = (
    (ReintegrationCategory.PARDONED, 3),
    (ReintegrationCategory.RELEASED_PRISONER, 11),
    (ReintegrationCategory.FROM_EDUCATION_ESTABLISHMENT, 2),
    (ReintegrationCategory.FROM_REFORMATORY, 3),
    (ReintegrationCategory.FROM_COMPULSORY_TREATMENT, 5),
)

#: The eight commune-level units of Bắc Kạn city (district code 058), with how many
#: hamlets each has in this example (173 in all).
COMMUNES = (
    ("01834", "Nguyễn Thị Minh Khai", UnitKind.WARD, 25),
    ("01837", "Sông Cầu", UnitKind.WARD, 20),
    ("01840", "Đức Xuân", UnitKind.WARD, 28),
    ("01843", "Phùng Chí Kiên", UnitKind.WARD, 22),
    ("01846", "Huyền Tụng", UnitKind.WARD, 20),
    ("01849", "Dương Quang", UnitKind.COMMUNE, 18),
    ("01852", "Nông Thượng", UnitKind.COMMUNE, 20),
    ("01855", "Xuất Hóa", UnitKind.WARD, 20),
)

GROUPS = (
    (ModelGroupKind.SECURITY_SELF_MANAGEMENT, 58, "Tổ tự quản về an ninh trật tự"),
    (ModelGroupKind.YOUTH_SHOCK_TEAM, 5, "Đội thanh niên xung kích"),
    (ModelGroupKind.MEDIATION_GROUP, 126, "Tổ hòa giải"),
    (
        ModelGroupKind.URBAN_ORDER_SANITATION_GROUP,
        20,
        "Tổ tự quản về đô thị và vệ sinh môi trường",
    ),
    (ModelGroupKind.PEER_SUPPORT_CLUB, 1, "Câu lạc bộ bạn giúp bạn"),
    (
        ModelGroupKind.DOMESTIC_VIOLENCE_PREVENTION_GROUP,
        5,
        "Nhóm phòng, chống bạo lực gia đình",
    ),
)


def spread(total: int, parts: int, weight: int) -> list[int]:
    """
    Split *total* into *parts* uneven but deterministic positive shares.
    """
    raw = [weight + (index * 37) % 23 for index in range(parts)]
    scale = total / sum(raw)
    shares = [max(1, int(value * scale)) for value in raw]
    shares[-1] += total - sum(shares)
    return shares


def units() -> tuple[list[Unit], list[Unit]]:
    """
    Return every unit, and the hamlets among them.
    """
    found = [
        Unit("06", "Bắc Kạn", UnitKind.PROVINCE),
        Unit("058", "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code="06"),
    ]
    hamlets: list[Unit] = []
    for code, name, kind, count in COMMUNES:
        found.append(Unit(code, name, kind, parent_code="058"))
        is_ward = kind is UnitKind.WARD
        hamlets.extend(
            Unit(
                f"{code}-T{number:02d}",
                f"{'Tổ' if is_ward else 'Thôn'} {number}",
                UnitKind.RESIDENTIAL_GROUP if is_ward else UnitKind.VILLAGE,
                parent_code=code,
                local_kind="tổ" if is_ward else "thôn",
            )
            for number in range(1, count + 1)
        )
    return found + hamlets, hamlets


def organisations() -> list[Organisation]:
    """
    Return the synthetic agencies, enterprises and schools.
    """
    return [
        Organisation(
            code,
            name,
            kind,
            unit_code=commune,
            enterprise_size=detail if isinstance(detail, EnterpriseSize) else None,
            school_level=detail if isinstance(detail, SchoolLevel) else None,
        )
        for code, name, kind, detail, commune in ORGANISATIONS
    ]


def sessions(
    hamlets: list[Unit], bodies: list[Organisation], campaign: Campaign
) -> list[MobilisationSession]:
    """
    Return the sessions: every hamlet, then one in each organisation.

    Each hamlet's first session launches the movement; slips are collected in hamlets.
    """
    # Every hamlet once, in an order that moves from commune to commune, then again.
    places = [hamlets[(index * 37) % len(hamlets)].code for index in range(SESSIONS)]
    places += [body.code for body in bodies]
    turns = spread(PARTICIPANT_TURNS, len(places), 30)
    slips = [*spread(SLIPS, SESSIONS, 25), *(0 for _ in bodies)]
    found = []
    for index, place in enumerate(places):
        held_on = PERIOD.start + dt.timedelta(days=(index * PERIOD.days) // len(places))
        found.append(
            MobilisationSession(
                f"S{index + 1:04d}",
                held_on,
                place,
                CampaignKind.LAUNCH if index < len(hamlets) else CampaignKind.PROPAGANDA,
                participant_turns=turns[index],
                slips_collected=slips[index],
                campaign_id=campaign.id,
            )
        )
    return found


def tips(held: list[MobilisationSession], registry: UnitRegistry) -> list[TipRecord]:
    """
    Return one tip per slip collected, every fourteenth one judged of value until 662 are.
    """
    found: list[TipRecord] = []
    valuable_left = VALUABLE
    for session in held:
        if not session.slips_collected:
            continue
        commune = registry.get(session.place_code).parent_code
        assert commune is not None  # a hamlet always has its commune  # noqa: S101
        for _ in range(session.slips_collected):
            number = len(found) + 1
            valuable = valuable_left > 0 and number % 14 == 0
            valuable_left -= valuable
            found.append(
                TipRecord(
                    f"T{number:05d}",
                    session.held_on,
                    commune,
                    TipChannel.FORM,
                    origin_code=session.place_code,
                    session_id=session.id,
                    assessment=TipAssessment.VALUABLE if valuable else TipAssessment.NOT_VALUABLE,
                    assessed_on=min(
                        session.held_on + dt.timedelta(days=7 + number % 21), PERIOD.end
                    ),
                )
            )
    assert valuable_left == 0  # noqa: S101
    return found


def model_groups(hamlets: list[Unit]) -> list[ModelGroup]:
    """
    Return the model groups kept up in the period, spread over hamlets and communes.
    """
    wards = [code for code, _, kind, _ in COMMUNES if kind is UnitKind.WARD]
    ward_hamlets = [hamlet for hamlet in hamlets if hamlet.parent_code in wards]
    found = []
    for kind, count, title in GROUPS:
        if kind is ModelGroupKind.URBAN_ORDER_SANITATION_GROUP:
            places = [hamlet.code for hamlet in ward_hamlets]
        elif count <= len(COMMUNES):
            places = [code for code, *_ in COMMUNES]
        else:
            places = [hamlet.code for hamlet in hamlets]
        for index in range(count):
            place = places[(index * 7) % len(places)]
            established = dt.date(2012 + index % 6, 1 + index % 12, 1)
            found.append(
                ModelGroup(
                    f"G-{kind.value}-{index + 1:03d}",
                    kind,
                    f"{title} {place}",
                    place,
                    established,
                    member_count=5 + index % 11,
                )
            )
    return found


def reintegration_cases(hamlets: list[Unit]) -> list[ReintegrationCase]:
    """
    Return the synthetic reintegration cases, under pseudonymous identifiers.
    """
    found: list[ReintegrationCase] = []
    for category, count in CASES:
        for _ in range(count):
            number = len(found) + 1
            start = dt.date(2015 + number % 3, 1 + number % 12, 1)
            found.append(
                ReintegrationCase(
                    f"BK-R{number:03d}",
                    category,
                    hamlets[(number * 11) % len(hamlets)].code,
                    Period(start, start + dt.timedelta(days=365 + 30 * (number % 7))),
                    progressed=number % 3 == 0,
                )
            )
    return found


def main() -> None:
    """
    Build the dataset and write it, one record per line.
    """
    all_units, hamlets = units()
    bodies = organisations()
    registry = UnitRegistry(all_units, organisations=bodies)
    campaign = Campaign(
        "C-2016-ANTQ",
        CampaignKind.PROPAGANDA,
        "Tuyên truyền, phát động phong trào toàn dân bảo vệ an ninh Tổ quốc 2016-2018",
        PERIOD,
        "058",
    )
    held = sessions(hamlets, bodies, campaign)
    dataset = MovementDataset(
        PERIOD,
        registry,
        campaigns=[campaign],
        sessions=held,
        tips=tips(held, registry),
        model_groups=model_groups(hamlets),
        reintegration_cases=reintegration_cases(hamlets),
        reporting_unit_code="058",
        description=DESCRIPTION,
        edition=official.edition("2025-01"),
    )
    document = dataset_to_dict(dataset)
    lines = ["{"]
    keys = list(document)
    for position, key in enumerate(keys):
        value = document[key]
        comma = "," if position < len(keys) - 1 else ""
        if isinstance(value, list) and value:
            lines.append(f'  "{key}": [')
            records = [json.dumps(record, ensure_ascii=False) for record in value]
            lines.extend(f"    {record}," for record in records[:-1])
            lines.append(f"    {records[-1]}")
            lines.append(f"  ]{comma}")
        else:
            lines.append(f'  "{key}": {json.dumps(value, ensure_ascii=False)}{comma}')
    lines.append("}")
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}: {dataset.record_counts()}")


if __name__ == "__main__":
    main()
