"""
Tests for antq.campaigns: campaigns and mobilisation sessions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from antq import Campaign, CampaignKind, InvalidValueError, MobilisationSession, Period

FESTIVAL_SEASON = Period(dt.date(2017, 8, 1), dt.date(2017, 8, 31))
CAMPAIGN = Campaign(
    "NH-2017",
    CampaignKind.FESTIVAL_DAY,
    "Ngày hội toàn dân bảo vệ ANTQ năm 2017",
    FESTIVAL_SEASON,
    "058",
)
SESSION = MobilisationSession(
    "B-001",
    dt.date(2017, 8, 19),
    "01840-T05",
    CampaignKind.PROPAGANDA,
    participant_turns=120,
)
NOON = dt.datetime(2017, 8, 19, 12, tzinfo=dt.UTC)

INVALID_CAMPAIGNS: list[tuple[str, dict[str, Any], str, str]] = [
    ("id-with-space", {"id": "NH 2017"}, "id", "an identifier is 1 to 64"),
    ("id-not-ascii", {"id": "đợt-1"}, "id", "an identifier is 1 to 64"),
    ("id-65-characters", {"id": "N" * 65}, "id", "an identifier is 1 to 64"),
    ("id-empty", {"id": ""}, "id", "an identifier is 1 to 64"),
    ("id-not-a-string", {"id": 2017}, "id", "must be a string"),
    ("kind-as-text", {"kind": "festival_day"}, "kind", "must be a member of CampaignKind"),
    ("kind-none", {"kind": None}, "kind", "must be a member of CampaignKind"),
    ("title-blank", {"title": "   "}, "title", "must not be blank"),
    ("title-not-a-string", {"title": None}, "title", "must be a string"),
    ("period-as-text", {"period": "2017-08"}, "period", "must be of type Period"),
    (
        "period-as-tuple",
        {"period": (dt.date(2017, 8, 1), dt.date(2017, 8, 31))},
        "period",
        "must be of type Period",
    ),
    ("organiser-code-with-space", {"organiser_code": "05 8"}, "organiser_code", "an identifier"),
    ("organiser-code-none", {"organiser_code": None}, "organiser_code", "must be a string"),
]


class TestCampaign:
    """
    A campaign run by a unit over a period.
    """

    def test_keeps_its_fields(self) -> None:
        """
        A campaign keeps what it was given.
        """
        expected = ("NH-2017", CampaignKind.FESTIVAL_DAY, FESTIVAL_SEASON, "058")
        assert expected == (CAMPAIGN.id, CAMPAIGN.kind, CAMPAIGN.period, CAMPAIGN.organiser_code)

    def test_accepts_a_64_character_id(self) -> None:
        """
        An identifier may be 64 characters long.
        """
        expected = "N" * 64
        assert expected == attrs.evolve(CAMPAIGN, id=expected).id

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_CAMPAIGNS],
        ids=[row[0] for row in INVALID_CAMPAIGNS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A campaign refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(CAMPAIGN, **changes)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))


INVALID_SESSIONS: list[tuple[str, dict[str, Any], str, str]] = [
    ("id-with-space", {"id": "B 001"}, "id", "an identifier is 1 to 64"),
    ("id-65-characters", {"id": "B" * 65}, "id", "an identifier is 1 to 64"),
    ("held-on-datetime", {"held_on": NOON}, "held_on", "must be a date"),
    ("held-on-text", {"held_on": "2017-08-19"}, "held_on", "must be a date"),
    ("held-on-none", {"held_on": None}, "held_on", "must be a date"),
    ("place-code-not-ascii", {"place_code": "Tổ-5"}, "place_code", "an identifier"),
    ("kind-as-text", {"kind": "propaganda"}, "kind", "must be a member of CampaignKind"),
    (
        "participant-turns-bool",
        {"participant_turns": True},
        "participant_turns",
        "a count must be an integer",
    ),
    (
        "participant-turns-negative",
        {"participant_turns": -1},
        "participant_turns",
        "a count must not be negative",
    ),
    (
        "participant-turns-float",
        {"participant_turns": 120.0},
        "participant_turns",
        "a count must be an integer",
    ),
    (
        "participant-turns-text",
        {"participant_turns": "120"},
        "participant_turns",
        "a count must be an integer",
    ),
    (
        "participant-turns-none",
        {"participant_turns": None},
        "participant_turns",
        "a count must be an integer",
    ),
    (
        "slips-collected-bool",
        {"slips_collected": False},
        "slips_collected",
        "a count must be an integer",
    ),
    (
        "slips-collected-negative",
        {"slips_collected": -3},
        "slips_collected",
        "a count must not be negative",
    ),
    (
        "slips-collected-float",
        {"slips_collected": 2.5},
        "slips_collected",
        "a count must be an integer",
    ),
    ("campaign-id-empty", {"campaign_id": ""}, "campaign_id", "an identifier is 1 to 64"),
    ("campaign-id-with-space", {"campaign_id": "NH 2017"}, "campaign_id", "an identifier"),
    ("campaign-id-not-a-string", {"campaign_id": 2017}, "campaign_id", "must be a string"),
]


class TestMobilisationSession:
    """
    One session held in one place on one day.
    """

    def test_collects_no_slips_by_default(self) -> None:
        """
        Without a count of slips, none were collected.
        """
        expected = 0
        assert expected == SESSION.slips_collected

    def test_belongs_to_no_campaign_by_default(self) -> None:
        """
        Without a campaign id, the session belongs to no campaign.
        """
        assert SESSION.campaign_id is None

    def test_keeps_its_campaign(self) -> None:
        """
        A session may name the campaign it belongs to.
        """
        expected = CAMPAIGN.id
        assert expected == attrs.evolve(SESSION, campaign_id=CAMPAIGN.id).campaign_id

    def test_accepts_zero_participant_turns(self) -> None:
        """
        A count may be zero.
        """
        expected = 0
        assert expected == attrs.evolve(SESSION, participant_turns=0).participant_turns

    def test_requires_participant_turns(self) -> None:
        """
        The number of participant-turns has no default.
        """
        with pytest.raises(TypeError, match="participant_turns"):
            MobilisationSession(  # type: ignore[call-arg]
                "B-002", dt.date(2017, 8, 19), "01840-T05", CampaignKind.PROPAGANDA
            )

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_SESSIONS],
        ids=[row[0] for row in INVALID_SESSIONS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A session refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(SESSION, **changes)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))
