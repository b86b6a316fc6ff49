"""
The dataset: one container for a registry of units and every record of the movement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from antq import _validation as v
from antq.campaigns import Campaign, MobilisationSession
from antq.editions import Edition
from antq.groups import ModelGroup
from antq.periods import Period
from antq.recognition import AssessmentFact, Recognition
from antq.reintegration import ReintegrationCase
from antq.tallies import DeclaredTally
from antq.teams import SecurityTeam
from antq.tips import TipRecord
from antq.units import UnitRegistry

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["MovementDataset"]


def _campaigns(records: Iterable[Campaign]) -> tuple[Campaign, ...]:
    return v.as_tuple(records, owner="MovementDataset", field="campaigns")


def _sessions(records: Iterable[MobilisationSession]) -> tuple[MobilisationSession, ...]:
    return v.as_tuple(records, owner="MovementDataset", field="sessions")


def _tips(records: Iterable[TipRecord]) -> tuple[TipRecord, ...]:
    return v.as_tuple(records, owner="MovementDataset", field="tips")


def _model_groups(records: Iterable[ModelGroup]) -> tuple[ModelGroup, ...]:
    return v.as_tuple(records, owner="MovementDataset", field="model_groups")


def _reintegration_cases(records: Iterable[ReintegrationCase]) -> tuple[ReintegrationCase, ...]:
    return v.as_tuple(records, owner="MovementDataset", field="reintegration_cases")


def _declared_tallies(records: Iterable[DeclaredTally]) -> tuple[DeclaredTally, ...]:
    return v.as_tuple(records, owner="MovementDataset", field="declared_tallies")


def _security_teams(records: Iterable[SecurityTeam]) -> tuple[SecurityTeam, ...]:
    return v.as_tuple(records, owner="MovementDataset", field="security_teams")


def _assessment_facts(records: Iterable[AssessmentFact]) -> tuple[AssessmentFact, ...]:
    return v.as_tuple(records, owner="MovementDataset", field="assessment_facts")


def _recognitions(records: Iterable[Recognition]) -> tuple[Recognition, ...]:
    return v.as_tuple(records, owner="MovementDataset", field="recognitions")


def _unit_of_registry(
    instance: MovementDataset, attribute: attrs.Attribute[Any], value: object
) -> None:
    if isinstance(value, str) and not instance.registry.has_unit(value):
        v.refuse(instance, attribute, value, "the reporting unit must be a unit of the registry")


@attrs.frozen
class MovementDataset:
    """
    Everything a unit reports for a period: its units and the movement's records.

    The dataset holds records; it checks only that each is of its type. Checks across
    records (references that resolve, duplicate identifiers, dates inside the period)
    are not made when a dataset is built.

    Args:
        period: The reporting period the dataset covers.
        registry: The units and organisations the records refer to.
        campaigns: The campaigns.
        sessions: The mobilisation sessions.
        tips: The tips.
        model_groups: The model groups.
        reintegration_cases: The reintegration cases.
        declared_tallies: Counts declared by units in place of records.
        security_teams: The security-and-order protection teams (Luật 30/2023/QH15).
        assessment_facts: The facts recognition as safe on security and order reads.
        recognitions: The recorded decisions on recognition.
        reporting_unit_code: The unit whose report the dataset makes, if one does
            (the city in "Công an thành phố Bắc Kạn"); reports default to it.
        description: What the dataset is and where its records come from.
        edition: The edition of the official list the registry's provinces,
            districts and communes come from, if they are official units
            (:mod:`antq.official` holds the bundled editions). Validation then checks
            the units against it and every dated record against the days it is in
            force, and summaries can be re-expressed on a later edition.

    Raises:
        antq.errors.InvalidValueError: When a field is not of its type.
    """

    period: Period = attrs.field(validator=v.instance_of(Period))
    registry: UnitRegistry = attrs.field(validator=v.instance_of(UnitRegistry))
    campaigns: tuple[Campaign, ...] = attrs.field(
        default=(), converter=_campaigns, validator=v.tuple_of(Campaign), kw_only=True
    )
    sessions: tuple[MobilisationSession, ...] = attrs.field(
        default=(), converter=_sessions, validator=v.tuple_of(MobilisationSession), kw_only=True
    )
    tips: tuple[TipRecord, ...] = attrs.field(
        default=(), converter=_tips, validator=v.tuple_of(TipRecord), kw_only=True
    )
    model_groups: tuple[ModelGroup, ...] = attrs.field(
        default=(), converter=_model_groups, validator=v.tuple_of(ModelGroup), kw_only=True
    )
    reintegration_cases: tuple[ReintegrationCase, ...] = attrs.field(
        default=(),
        converter=_reintegration_cases,
        validator=v.tuple_of(ReintegrationCase),
        kw_only=True,
    )

    declared_tallies: tuple[DeclaredTally, ...] = attrs.field(
        default=(),
        converter=_declared_tallies,
        validator=v.tuple_of(DeclaredTally),
        kw_only=True,
    )
    security_teams: tuple[SecurityTeam, ...] = attrs.field(
        default=(),
        converter=_security_teams,
        validator=v.tuple_of(SecurityTeam),
        kw_only=True,
    )
    assessment_facts: tuple[AssessmentFact, ...] = attrs.field(
        default=(),
        converter=_assessment_facts,
        validator=v.tuple_of(AssessmentFact),
        kw_only=True,
    )
    recognitions: tuple[Recognition, ...] = attrs.field(
        default=(),
        converter=_recognitions,
        validator=v.tuple_of(Recognition),
        kw_only=True,
    )
    reporting_unit_code: str | None = attrs.field(
        default=None, validator=[v.optional_local_id, _unit_of_registry], kw_only=True
    )
    description: str | None = attrs.field(default=None, validator=v.optional_text, kw_only=True)
    edition: Edition | None = attrs.field(
        default=None, validator=v.instance_of(Edition, optional=True), kw_only=True
    )

    def record_counts(self) -> dict[str, int]:
        """
        Return how many records of each kind the dataset holds, keyed by section name.

        The keys are the section names of the dataset file: ``units``,
        ``organisations``, ``campaigns``, ``sessions``, ``tips``, ``model_groups``,
        ``reintegration_cases``, ``declared_tallies``, ``security_teams``,
        ``assessment_facts``, ``recognitions``.
        """
        return {
            "units": len(self.registry.units),
            "organisations": len(self.registry.organisations),
            "campaigns": len(self.campaigns),
            "sessions": len(self.sessions),
            "tips": len(self.tips),
            "model_groups": len(self.model_groups),
            "reintegration_cases": len(self.reintegration_cases),
            "declared_tallies": len(self.declared_tallies),
            "security_teams": len(self.security_teams),
            "assessment_facts": len(self.assessment_facts),
            "recognitions": len(self.recognitions),
        }
