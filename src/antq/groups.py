"""
Model groups (mô hình): the community groups the movement sets up and keeps working.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from antq import _validation as v
from antq._enums import LabelledEnum

if TYPE_CHECKING:
    from antq.periods import Period

__all__ = ["ModelGroup", "ModelGroupKind"]


class ModelGroupKind(LabelledEnum):
    """
    The kinds of model group, as named in the glossary.
    """

    SECURITY_SELF_MANAGEMENT = "security_self_management"
    PEOPLES_SECURITY_GROUP = "peoples_security_group"
    YOUTH_SHOCK_TEAM = "youth_shock_team"
    MEDIATION_GROUP = "mediation_group"
    URBAN_ORDER_SANITATION_GROUP = "urban_order_sanitation_group"
    PEER_SUPPORT_CLUB = "peer_support_club"
    DOMESTIC_VIOLENCE_PREVENTION_GROUP = "domestic_violence_prevention_group"
    SECURITY_PROTECTION_TEAM = "security_protection_team"
    FIRE_PREVENTION_TEAM = "fire_prevention_team"
    VETERANS_CLUB = "veterans_club"
    WOMENS_CLUB = "womens_club"
    SECURITY_CLUSTER = "security_cluster"
    OTHER = "other"

    __labels__ = {
        "security_self_management": "tổ tự quản về an ninh trật tự",
        "peoples_security_group": "tổ an ninh nhân dân",
        "youth_shock_team": "đội thanh niên xung kích",
        "mediation_group": "tổ hòa giải",
        "urban_order_sanitation_group": "tổ tự quản về đô thị và vệ sinh môi trường",
        "peer_support_club": "câu lạc bộ bạn giúp bạn",
        "domestic_violence_prevention_group": "nhóm phòng, chống bạo lực gia đình",
        "security_protection_team": "tổ bảo vệ an ninh, trật tự ở cơ sở",
        "fire_prevention_team": "tổ, đội phòng cháy chữa cháy",
        "veterans_club": "câu lạc bộ cựu chiến binh tự quản",
        "womens_club": 'câu lạc bộ phụ nữ "5 không, 3 sạch"',
        "security_cluster": "cụm an ninh liên hoàn",
        "other": "mô hình khác",
    }


@attrs.frozen
class ModelGroup:
    """
    A model group kept up in a unit, from the day it was set up until it ended.

    Args:
        id: A local identifier, unique among the dataset's groups.
        kind: The kind of group; ``OTHER`` for a local model, named by *name*.
        name: The group's name as used locally.
        unit_code: The hamlet, commune or organisation the group belongs to.
        established_on: The day it was set up (or first recorded).
        ended_on: The last day it worked, if it has ended.
        member_count: How many members it has, if known.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    id: str = attrs.field(validator=v.local_id)
    kind: ModelGroupKind = attrs.field(validator=v.member_of(ModelGroupKind))
    name: str = attrs.field(validator=v.text)
    unit_code: str = attrs.field(validator=v.local_id)
    established_on: dt.date = attrs.field(validator=v.date)
    ended_on: dt.date | None = attrs.field(
        default=None,
        validator=[
            v.optional_date,
            v.not_before("established_on", rule="a group cannot end before it is set up"),
        ],
        kw_only=True,
    )
    member_count: int | None = attrs.field(default=None, validator=v.optional_count, kw_only=True)

    def active_on(self, day: dt.date) -> bool:
        """
        Tell whether the group was working on *day*.
        """
        return self.established_on <= day and (self.ended_on is None or day <= self.ended_on)

    def active_during(self, period: Period) -> bool:
        """
        Tell whether the group was working on at least one day of *period*.
        """
        return self.established_on <= period.end and (
            self.ended_on is None or period.start <= self.ended_on
        )
