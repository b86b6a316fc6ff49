"""
Declared tallies: counts a unit reports instead of records.

Units often report a figure rather than the records behind it ("phường X collected
412 slips in 2017"). A :class:`DeclaredTally` keeps such a count beside record-level
data. Which source counts where both exist is counting rule CR-10 (see
:func:`antq.counting.accepted_tallies`): records win, and a tally that overlaps them is
set aside and reported, never added twice.
"""

from __future__ import annotations

from typing import Any

import attrs

from antq import _validation as v
from antq._enums import LabelledEnum
from antq.groups import ModelGroupKind
from antq.periods import Period
from antq.reintegration import ReintegrationCategory
from antq.units import OrganisationKind

__all__ = ["DeclaredTally", "TallyFigure"]


class TallyFigure(LabelledEnum):
    """
    The figures a unit may declare as a count; each is one figure of a summary.
    """

    SESSIONS = "sessions"
    PARTICIPANT_TURNS = "participant_turns"
    HAMLETS_MOBILISED = "hamlets_mobilised"
    SLIPS_COLLECTED = "slips_collected"
    VALUABLE_TIPS = "valuable_tips"
    MODEL_GROUPS = "model_groups"
    REINTEGRATION_CASES = "reintegration_cases"
    REINTEGRATION_PROGRESSED = "reintegration_progressed"
    ORGANISATIONS_TAKING_PART = "organisations_taking_part"

    __labels__ = {
        "sessions": "buổi tuyên truyền, phát động",
        "participant_turns": "lượt người tham gia",
        "hamlets_mobilised": "thôn, tổ được tuyên truyền, phát động",
        "slips_collected": "phiếu tố giác tội phạm thu được",
        "valuable_tips": "tin có giá trị",
        "model_groups": "mô hình được củng cố, duy trì",
        "reintegration_cases": "người được cảm hóa, giáo dục, giúp đỡ",
        "reintegration_progressed": "người tiến bộ, đưa ra khỏi diện quản lý",
        "organisations_taking_part": "cơ quan, doanh nghiệp, nhà trường tham gia",
    }

    @property
    def detail_field(self) -> str | None:
        """
        The field of :class:`DeclaredTally` that must say which kind is counted, if any.
        """
        return _DETAIL_FIELDS.get(self)


_DETAIL_FIELDS = {
    TallyFigure.MODEL_GROUPS: "group_kind",
    TallyFigure.REINTEGRATION_CASES: "category",
    TallyFigure.REINTEGRATION_PROGRESSED: "category",
    TallyFigure.ORGANISATIONS_TAKING_PART: "organisation_kind",
}


def _detail(instance: DeclaredTally, attribute: attrs.Attribute[Any], value: object) -> None:
    # The figure's own validator has run (it comes first): the figure is a TallyFigure.
    wanted = instance.figure.detail_field
    if attribute.name == wanted and value is None:
        v.refuse(instance, attribute, value, f"a tally of {instance.figure.value} names its kind")
    if attribute.name != wanted and value is not None:
        v.refuse(instance, attribute, value, f"a tally of {instance.figure.value} has no such kind")


def _needs_total(instance: DeclaredTally, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and instance.of_total is None:
        v.refuse(instance, attribute, value, "a printed share is a share of of_total: give it")


@attrs.frozen
class DeclaredTally:
    """
    A count that a unit declares for a period, in place of records.

    Figures that break down by kind (model groups, reintegration cases, organisations)
    are declared one kind per tally, named in the matching field.

    Args:
        id: A local identifier, unique among the dataset's tallies.
        unit_code: The unit (or organisation) that declares the count, for itself and
            every unit below it.
        period: The days the count covers.
        figure: Which figure is counted.
        value: The count.
        group_kind: For ``model_groups``, the kind of group counted.
        category: For ``reintegration_cases`` and ``reintegration_progressed``, the
            category counted.
        organisation_kind: For ``organisations_taking_part``, the kind counted.
        of_total: The whole the count is part of, when the report gives one ("219/236
            thôn"): *value* of *of_total*.
        printed_share: The percentage as the report printed it ("93%", "91,09%"), with
            *of_total*; checked against the ratio (rule D604).
        source: Where the count comes from (a report's number and date), if known.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    id: str = attrs.field(validator=v.local_id)
    unit_code: str = attrs.field(validator=v.local_id)
    period: Period = attrs.field(validator=v.instance_of(Period))
    figure: TallyFigure = attrs.field(validator=v.member_of(TallyFigure))
    value: int = attrs.field(validator=v.count)
    group_kind: ModelGroupKind | None = attrs.field(
        default=None,
        validator=[v.member_of(ModelGroupKind, optional=True), _detail],
        kw_only=True,
    )
    category: ReintegrationCategory | None = attrs.field(
        default=None,
        validator=[v.member_of(ReintegrationCategory, optional=True), _detail],
        kw_only=True,
    )
    organisation_kind: OrganisationKind | None = attrs.field(
        default=None,
        validator=[v.member_of(OrganisationKind, optional=True), _detail],
        kw_only=True,
    )
    of_total: int | None = attrs.field(default=None, validator=v.optional_count, kw_only=True)
    printed_share: str | None = attrs.field(
        default=None, validator=[v.optional_text, _needs_total], kw_only=True
    )
    source: str | None = attrs.field(default=None, validator=v.optional_text, kw_only=True)

    @property
    def detail(self) -> ModelGroupKind | ReintegrationCategory | OrganisationKind | None:
        """
        The kind counted, for figures that break down by kind; else ``None``.
        """
        return self.group_kind or self.category or self.organisation_kind
