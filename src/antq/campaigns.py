"""
Campaigns and mobilisation sessions: where the movement meets the people.
"""

from __future__ import annotations

import datetime as dt

import attrs

from antq import _validation as v
from antq._enums import LabelledEnum
from antq.periods import Period

__all__ = ["Campaign", "CampaignKind", "MobilisationSession"]


class CampaignKind(LabelledEnum):
    """
    What a campaign, or one session of it, is for.
    """

    PROPAGANDA = "propaganda"
    LAUNCH = "launch"
    PEAK_CRACKDOWN = "peak_crackdown"
    FESTIVAL_DAY = "festival_day"

    __labels__ = {
        "propaganda": "tuyên truyền",
        "launch": "phát động phong trào",
        "peak_crackdown": "đợt cao điểm tấn công, trấn áp tội phạm",
        "festival_day": "Ngày hội toàn dân bảo vệ ANTQ",
    }


@attrs.frozen
class Campaign:
    """
    A campaign organised by a unit over a period (a peak campaign, a festival season ...).

    Args:
        id: A local identifier, unique among the dataset's campaigns.
        kind: What the campaign is for.
        title: Its title as written in the plan.
        period: The days it runs.
        organiser_code: The code of the unit that organises it.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    id: str = attrs.field(validator=v.local_id)
    kind: CampaignKind = attrs.field(validator=v.member_of(CampaignKind))
    title: str = attrs.field(validator=v.text)
    period: Period = attrs.field(validator=v.instance_of(Period))
    organiser_code: str = attrs.field(validator=v.local_id)


@attrs.frozen
class MobilisationSession:
    """
    One session (buổi): a meeting held in one hamlet or organisation on one day.

    Participant-turns (lượt người) count attendances, not people: one person at two
    sessions counts twice.

    Args:
        id: A local identifier, unique among the dataset's sessions.
        held_on: The day of the session.
        place_code: The code of the hamlet or organisation where it was held.
        kind: What the session was for (propaganda, launching the movement ...).
        participant_turns: How many attended (lượt người tham gia).
        slips_collected: Crime-denunciation slips (phiếu tố giác) collected at it.
        campaign_id: The campaign it belongs to, if any.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    id: str = attrs.field(validator=v.local_id)
    held_on: dt.date = attrs.field(validator=v.date)
    place_code: str = attrs.field(validator=v.local_id)
    kind: CampaignKind = attrs.field(validator=v.member_of(CampaignKind))
    participant_turns: int = attrs.field(validator=v.count, kw_only=True)
    slips_collected: int = attrs.field(default=0, validator=v.count, kw_only=True)
    campaign_id: str | None = attrs.field(default=None, validator=v.optional_local_id, kw_only=True)
