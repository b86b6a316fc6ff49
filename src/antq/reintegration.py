"""
Reintegration (cảm hóa, giáo dục, giúp đỡ): people helped back into the community.

A case carries a pseudonymous identifier only. The person's identity never enters antq.
"""

from __future__ import annotations

import attrs

from antq import _validation as v
from antq._enums import LabelledEnum
from antq.periods import Period

__all__ = ["ReintegrationCase", "ReintegrationCategory"]


class ReintegrationCategory(LabelledEnum):
    """
    Why a person is helped to reintegrate.
    """

    PARDONED = "pardoned"
    RELEASED_PRISONER = "released_prisoner"
    FROM_EDUCATION_ESTABLISHMENT = "from_education_establishment"
    FROM_REFORMATORY = "from_reformatory"
    FROM_COMPULSORY_TREATMENT = "from_compulsory_treatment"

    __labels__ = {
        "pardoned": "người được đặc xá",
        "released_prisoner": "người chấp hành xong án phạt tù",
        "from_education_establishment": "người từ cơ sở giáo dục bắt buộc",
        "from_reformatory": "người từ trường giáo dưỡng",
        "from_compulsory_treatment": "người từ cơ sở chữa bệnh bắt buộc",
    }


@attrs.frozen
class ReintegrationCase:
    """
    One person helped to reintegrate, under a pseudonymous identifier.

    Args:
        id: A pseudonymous identifier, unique among the dataset's cases; never a
            name or an identity-document number.
        category: Why the person is helped.
        unit_code: The hamlet or commune where the person lives and is helped.
        period: The days under help.
        progressed: Whether the person progressed and was taken off the watch list
            (tiến bộ, đưa ra khỏi diện quản lý).

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    id: str = attrs.field(validator=v.local_id)
    category: ReintegrationCategory = attrs.field(validator=v.member_of(ReintegrationCategory))
    unit_code: str = attrs.field(validator=v.local_id)
    period: Period = attrs.field(validator=v.instance_of(Period))
    progressed: bool = attrs.field(default=False, validator=v.flag, kw_only=True)
