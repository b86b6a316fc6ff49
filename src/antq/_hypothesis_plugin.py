"""
Register antq's strategies with Hypothesis, so that ``st.from_type`` builds antq's objects.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, through the
``hypothesis`` entry point declared in ``pyproject.toml``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from hypothesis.strategies import SearchStrategy

__all__: list[str] = []


def _hypothesis_setup_hook() -> None:
    """
    Register a strategy from :mod:`antq.testing` for every type antq exports.
    """
    import hypothesis.strategies as st  # noqa: PLC0415 -- Hypothesis is being imported

    import antq  # noqa: PLC0415 -- nothing of antq is imported unless Hypothesis is
    from antq.recognition import AssessmentFact  # noqa: PLC0415 -- idem

    for cls in (
        antq.Unit,
        antq.Organisation,
        antq.UnitRegistry,
        antq.Period,
        antq.Campaign,
        antq.MobilisationSession,
        antq.TipRecord,
        antq.TipExtension,
        antq.Informant,
        antq.ModelGroup,
        antq.ReintegrationCase,
        antq.DeclaredTally,
        antq.SecurityTeam,
        AssessmentFact,
        antq.Recognition,
        antq.MovementDataset,
        antq.Succession,
        antq.Edition,
        antq.ScoreSheet,
        antq.CriteriaParameters,
    ):
        st.register_type_strategy(cls, _strategy_for)


def _strategy_for(cls: type[Any]) -> SearchStrategy[Any]:
    """
    Return the strategy of :mod:`antq.testing` for *cls*.

    ``antq.testing`` is imported here, when a type is first resolved, not in the hook:
    when importing ``antq.testing`` is what imports Hypothesis, the hook runs while
    ``antq.testing`` is only half imported and has no strategies yet.

    Records are drawn for a generated period, from a registry whose units and
    organisations exist on every day of it.
    """
    import antq  # noqa: PLC0415 -- see the hook
    from antq import testing  # noqa: PLC0415 -- see above
    from antq.recognition import AssessmentFact  # noqa: PLC0415 -- see above
    from antq.teams import TEAMS_FROM  # noqa: PLC0415 -- see above

    def in_context(
        records: Callable[..., SearchStrategy[Any]],
        *,
        min_hamlets_per_commune: int = 0,
        periods: SearchStrategy[antq.Period] | None = None,
    ) -> SearchStrategy[Any]:
        return (testing.periods() if periods is None else periods).flatmap(
            lambda period: testing.units_registries(
                min_hamlets_per_commune=min_hamlets_per_commune, during=period
            ).flatmap(lambda registry: records(registry=registry, period=period))
        )

    # Teams exist from 1 July 2024: their periods end on or after that day.
    team_periods = testing.dates(min_value=TEAMS_FROM).flatmap(
        lambda end: testing.dates(max_value=end).map(lambda start: antq.Period(start, end))
    )

    strategies: dict[type[Any], Callable[[], SearchStrategy[Any]]] = {
        antq.Unit: testing.units,
        antq.Organisation: testing.organisations,
        antq.UnitRegistry: testing.units_registries,
        antq.Period: testing.periods,
        antq.Campaign: lambda: in_context(testing.campaigns),
        antq.MobilisationSession: lambda: in_context(testing.sessions, min_hamlets_per_commune=1),
        antq.TipRecord: lambda: in_context(testing.tips),
        antq.TipExtension: lambda: testing.dates().flatmap(
            lambda day: testing.tip_extensions(received_on=day)
        ),
        antq.Informant: testing.informants,
        antq.ModelGroup: lambda: in_context(testing.model_groups),
        antq.ReintegrationCase: lambda: in_context(testing.reintegration_cases),
        antq.DeclaredTally: lambda: in_context(testing.declared_tallies),
        antq.SecurityTeam: lambda: in_context(
            testing.security_teams, min_hamlets_per_commune=1, periods=team_periods
        ),
        AssessmentFact: lambda: in_context(testing.assessment_facts),
        antq.Recognition: lambda: in_context(testing.recognitions),
        antq.MovementDataset: testing.datasets,
        antq.Succession: testing.successions,
        antq.Edition: testing.editions,
        antq.ScoreSheet: testing.score_sheets,
        antq.CriteriaParameters: testing.criteria_parameters,
    }
    return strategies[cls]()
