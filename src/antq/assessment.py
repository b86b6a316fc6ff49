"""
Assessing the units of a dataset for recognition as safe on security and order.

:func:`antq.assess` judges one unit from the facts it is given; this module
reads those facts from a dataset: the unit's :class:`~antq.recognition.AssessmentFact`
records for the year, its model groups active in the assessment window, and, for a
commune, the outcomes of its hamlets (a recorded decision when there is one, else the
hamlet's own assessment). Units that cannot be recognised are listed with the reason
(Thông tư 124/2021/TT-BCA, Điều 2), never as "not safe".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from antq.errors import InvalidValueError
from antq.recognition import (
    Assessment,
    CriteriaParameters,
    NotEligibleError,
    Outcome,
    Recognition,
    assess,
    assessment_window,
    check_eligible,
)
from antq.units import Organisation, Unit, UnitLevel

if TYPE_CHECKING:
    from collections.abc import Mapping

    from antq.dataset import MovementDataset

__all__ = ["AssessmentEntry", "assess_dataset"]


@attrs.frozen
class AssessmentEntry:
    """
    One unit or organisation of a dataset, assessed for a year, or why it was not.

    Args:
        code: The unit's or organisation's code.
        name: Its name.
        assessment: The assessment, criterion by criterion; ``None`` when refused.
        refusal: Why it was not assessed: it cannot be recognised, or its facts are
            not usable (a fact of the wrong type, a count above its total).
        recorded: The decisions the dataset records for it and the year.
    """

    code: str
    name: str
    assessment: Assessment | None = None
    refusal: str | None = None
    recorded: tuple[Recognition, ...] = ()

    @property
    def outcome(self) -> Outcome | None:
        """
        The outcome of the assessment, if it was made.
        """
        return None if self.assessment is None else self.assessment.outcome


def assess_dataset(
    dataset: MovementDataset,
    year: int,
    *,
    parameters: CriteriaParameters | None = None,
    unit: str | None = None,
) -> tuple[AssessmentEntry, ...]:
    """
    Assess the hamlets, communes and organisations of a dataset for *year*.

    Args:
        dataset: The dataset: its units, model groups, facts and recorded decisions.
        year: The year of the recognition.
        parameters: What the criteria file gives (gaps filled, provincial criteria).
        unit: Assess this unit and everything below it (its hamlets, its
            organisations); the dataset's reporting unit by default, or every unit.

    Returns:
        One entry per hamlet and commune, in the registry's order, then one per
        organisation. Provinces and districts are not assessed.

    Raises:
        antq.errors.UnknownUnitError: When *unit* names no unit or organisation.
    """
    registry = dataset.registry
    top = unit if unit is not None else dataset.reporting_unit_code
    units: tuple[Unit, ...]
    organisations: tuple[Organisation, ...]
    if top is not None and registry.has_organisation(top):
        units, organisations = (), (registry.organisation(top),)
    elif top is not None:
        units = (registry.get(top), *registry.descendants(top))
        organisations = registry.organisations_in(top)
    else:
        units, organisations = registry.units, registry.organisations
    assessed = [u for u in units if u.level in {UnitLevel.HAMLET, UnitLevel.COMMUNE}]
    facts = _facts(dataset, year)
    recorded: dict[str, list[Recognition]] = {}
    for decision in dataset.recognitions:
        if decision.year == year:
            recorded.setdefault(decision.code, []).append(decision)
    entries: dict[str, AssessmentEntry] = {}
    # Hamlets first: a commune reads its hamlets' outcomes.
    ordered = sorted(assessed, key=lambda u: u.level is not UnitLevel.HAMLET)
    places: tuple[Unit | Organisation, ...] = (*ordered, *organisations)
    for place in places:
        outcomes = (
            _hamlet_outcomes(dataset, place, entries, recorded)
            if isinstance(place, Unit) and place.level is UnitLevel.COMMUNE
            else None
        )
        entries[place.code] = _entry(
            dataset,
            place,
            year,
            facts=facts.get(place.code, {}),
            parameters=parameters,
            outcomes=outcomes,
            recorded=tuple(recorded.get(place.code, ())),
        )
    shown: tuple[Unit | Organisation, ...] = (*assessed, *organisations)
    return tuple(entries[place.code] for place in shown)


def _facts(dataset: MovementDataset, year: int) -> dict[str, dict[str, int | bool]]:
    """
    The facts of each unit for *year*; of a fact recorded twice, the first counts.
    """
    found: dict[str, dict[str, int | bool]] = {}
    for fact in dataset.assessment_facts:
        if fact.year == year:
            found.setdefault(fact.unit_code, {}).setdefault(fact.fact, fact.value)
    return found


def _hamlet_outcomes(
    dataset: MovementDataset,
    commune: Unit,
    entries: Mapping[str, AssessmentEntry],
    recorded: Mapping[str, list[Recognition]],
) -> dict[str, Outcome]:
    """
    The outcome of each hamlet of *commune*: its recorded decision, else its assessment.
    """
    outcomes: dict[str, Outcome] = {}
    # The registry holds only hamlets under a commune, and a commune is assessed with
    # every unit below it, hamlets first: each has its entry.
    for hamlet in dataset.registry.children(commune.code):
        decisions = recorded.get(hamlet.code)
        if decisions:
            outcomes[hamlet.code] = decisions[0].outcome
        else:
            # A hamlet whose facts could not be used is undecided, never left out.
            outcomes[hamlet.code] = entries[hamlet.code].outcome or Outcome.UNDECIDED
    return outcomes


def _active_models(
    dataset: MovementDataset,
    place: Unit | Organisation,
    year: int,
    parameters: CriteriaParameters | None,
) -> int:
    """
    Count the model groups active in the assessment window in *place* and below it.
    """
    subject = check_eligible(place)
    review = parameters.school_review if parameters is not None else None
    window = assessment_window(subject, year, school_review=review)
    registry = dataset.registry
    codes = {place.code}
    if isinstance(place, Unit):
        codes |= {u.code for u in registry.descendants(place.code)}
    return sum(1 for g in dataset.model_groups if g.unit_code in codes and g.active_during(window))


def _entry(  # noqa: PLR0913 -- the pieces of one unit's assessment
    dataset: MovementDataset,
    place: Unit | Organisation,
    year: int,
    *,
    facts: Mapping[str, int | bool],
    parameters: CriteriaParameters | None,
    outcomes: Mapping[str, Outcome] | None,
    recorded: tuple[Recognition, ...],
) -> AssessmentEntry:
    try:
        result = assess(
            place,
            year=year,
            facts=facts,
            parameters=parameters,
            active_models=_active_models(dataset, place, year, parameters),
            hamlet_outcomes=outcomes,
        )
    except NotEligibleError as error:
        return AssessmentEntry(place.code, place.name, refusal=error.reason, recorded=recorded)
    except InvalidValueError as error:
        reason = f"{error.field}: {error.rule} (value: {error.value!r})"
        return AssessmentEntry(place.code, place.name, refusal=reason, recorded=recorded)
    return AssessmentEntry(place.code, place.name, result, recorded=recorded)
