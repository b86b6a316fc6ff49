"""
Tests of declared tallies (antq.tallies): the counts a unit reports instead of records.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from antq import (
    DeclaredTally,
    InvalidValueError,
    ModelGroupKind,
    OrganisationKind,
    Period,
    ReintegrationCategory,
    TallyFigure,
)

YEAR = Period.year(2017)

#: The figures that break down by kind, with the field that names the kind and a kind.
BY_KIND: list[tuple[TallyFigure, str, Any]] = [
    (TallyFigure.MODEL_GROUPS, "group_kind", ModelGroupKind.MEDIATION_GROUP),
    (TallyFigure.REINTEGRATION_CASES, "category", ReintegrationCategory.PARDONED),
    (TallyFigure.REINTEGRATION_PROGRESSED, "category", ReintegrationCategory.FROM_REFORMATORY),
    (TallyFigure.ORGANISATIONS_TAKING_PART, "organisation_kind", OrganisationKind.SCHOOL),
]
ADDITIVE_OR_PLAIN = [
    TallyFigure.SESSIONS,
    TallyFigure.PARTICIPANT_TURNS,
    TallyFigure.HAMLETS_MOBILISED,
    TallyFigure.SLIPS_COLLECTED,
    TallyFigure.VALUABLE_TIPS,
]


def tally(**changes: Any) -> DeclaredTally:
    """
    Return a valid tally of slips for ward 01840 in 2017, with *changes* applied.
    """
    fields: dict[str, Any] = {
        "id": "K1",
        "unit_code": "01840",
        "period": YEAR,
        "figure": TallyFigure.SLIPS_COLLECTED,
        "value": 412,
        "source": "Báo cáo số 12/BC-CAT",
    }
    return DeclaredTally(**(fields | changes))


class TestTallyFigure:
    """
    The figures a unit may declare.
    """

    @pytest.mark.parametrize(
        ("figure", "expected"),
        [
            *((figure, None) for figure in ADDITIVE_OR_PLAIN),
            *((figure, field) for figure, field, _ in BY_KIND),
        ],
        ids=lambda value: getattr(value, "value", str(value)),
    )
    def test_detail_field_names_the_field_that_says_the_kind(
        self, figure: TallyFigure, expected: str | None
    ) -> None:
        """
        Figures by kind name the field of their kind; the others name none.
        """
        assert expected == figure.detail_field

    def test_every_figure_is_listed_in_these_tests(self) -> None:
        """
        The tables above cover every figure, so a new figure needs its own row.
        """
        expected = set(TallyFigure)
        assert expected == {*ADDITIVE_OR_PLAIN, *(figure for figure, _, _ in BY_KIND)}

    def test_values_are_the_summary_figure_identifiers(self) -> None:
        """
        Each figure's value is the key of the same figure in Summary.figures().
        """
        expected = {
            "sessions",
            "participant_turns",
            "hamlets_mobilised",
            "slips_collected",
            "valuable_tips",
            "model_groups",
            "reintegration_cases",
            "reintegration_progressed",
            "organisations_taking_part",
        }
        assert expected == {figure.value for figure in TallyFigure}

    def test_figures_carry_the_vietnamese_term(self) -> None:
        """
        A figure's label is the term written in reports.
        """
        assert "phiếu tố giác tội phạm thu được" == TallyFigure.SLIPS_COLLECTED.label


class TestDeclaredTally:
    """
    Building a declared tally.
    """

    @pytest.mark.parametrize("figure", ADDITIVE_OR_PLAIN, ids=lambda figure: figure.value)
    def test_a_figure_without_kinds_is_declared_without_one(self, figure: TallyFigure) -> None:
        """
        Sessions, turns, hamlets, slips and valuable tips are declared with no kind.
        """
        declared = tally(figure=figure)
        assert declared.detail is None

    @pytest.mark.parametrize(
        ("figure", "field", "kind"), BY_KIND, ids=lambda value: getattr(value, "value", value)
    )
    def test_a_figure_by_kind_names_its_kind_in_its_field(
        self, figure: TallyFigure, field: str, kind: Any
    ) -> None:
        """
        A tally by kind keeps its kind in the figure's field, and detail returns it.
        """
        declared = tally(figure=figure, **{field: kind})
        assert kind == getattr(declared, field)
        assert kind == declared.detail

    def test_the_fields_are_kept_as_given(self) -> None:
        """
        Nothing is converted: the tally holds the values it was built with.
        """
        declared = tally()
        expected = ("K1", "01840", YEAR, TallyFigure.SLIPS_COLLECTED, 412, "Báo cáo số 12/BC-CAT")
        actual = (
            declared.id,
            declared.unit_code,
            declared.period,
            declared.figure,
            declared.value,
            declared.source,
        )
        assert expected == actual

    def test_a_tally_may_count_zero_and_cite_no_source(self) -> None:
        """
        Zero is a count, and the source is optional.
        """
        declared = tally(value=0, source=None)
        assert (0, None) == (declared.value, declared.source)

    def test_tallies_are_frozen_values(self) -> None:
        """
        Two tallies with the same fields are equal, hash alike, and cannot be changed.
        """
        first = tally()
        assert tally() == first
        assert hash(tally()) == hash(first)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            first.value = 1  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            pytest.param({"id": ""}, "id", id="id-empty"),
            pytest.param({"id": "K 1"}, "id", id="id-space"),
            pytest.param({"id": 1}, "id", id="id-int"),
            pytest.param({"unit_code": "-01840"}, "unit_code", id="unit-leading-dash"),
            pytest.param({"unit_code": None}, "unit_code", id="unit-none"),
            pytest.param({"period": "2017"}, "period", id="period-text"),
            pytest.param({"period": dt.date(2017, 1, 1)}, "period", id="period-date"),
            pytest.param({"period": None}, "period", id="period-none"),
            pytest.param({"figure": "slips_collected"}, "figure", id="figure-text"),
            pytest.param(
                {"figure": "model_groups", "group_kind": ModelGroupKind.MEDIATION_GROUP},
                "figure",
                id="figure-text-with-kind",
            ),
            pytest.param({"value": True}, "value", id="value-bool"),
            pytest.param({"value": False}, "value", id="value-false"),
            pytest.param({"value": -1}, "value", id="value-negative"),
            pytest.param({"value": 1.0}, "value", id="value-float"),
            pytest.param({"value": "412"}, "value", id="value-text"),
            pytest.param({"value": None}, "value", id="value-none"),
            pytest.param(
                {"figure": TallyFigure.MODEL_GROUPS}, "group_kind", id="model-groups-no-kind"
            ),
            pytest.param(
                {"figure": TallyFigure.REINTEGRATION_CASES}, "category", id="cases-no-category"
            ),
            pytest.param(
                {"figure": TallyFigure.REINTEGRATION_PROGRESSED},
                "category",
                id="progressed-no-category",
            ),
            pytest.param(
                {"figure": TallyFigure.ORGANISATIONS_TAKING_PART},
                "organisation_kind",
                id="organisations-no-kind",
            ),
            pytest.param(
                {"group_kind": ModelGroupKind.MEDIATION_GROUP}, "group_kind", id="slips-group-kind"
            ),
            pytest.param(
                {"category": ReintegrationCategory.PARDONED}, "category", id="slips-category"
            ),
            pytest.param(
                {"organisation_kind": OrganisationKind.SCHOOL},
                "organisation_kind",
                id="slips-organisation-kind",
            ),
            pytest.param(
                {"figure": TallyFigure.MODEL_GROUPS, "category": ReintegrationCategory.PARDONED},
                "group_kind",
                id="model-groups-with-a-category-instead",
            ),
            pytest.param(
                {
                    "figure": TallyFigure.MODEL_GROUPS,
                    "group_kind": ModelGroupKind.MEDIATION_GROUP,
                    "organisation_kind": OrganisationKind.SCHOOL,
                },
                "organisation_kind",
                id="model-groups-with-a-second-kind",
            ),
            pytest.param(
                {
                    "figure": TallyFigure.REINTEGRATION_CASES,
                    "category": ReintegrationCategory.PARDONED,
                    "group_kind": ModelGroupKind.MEDIATION_GROUP,
                },
                "group_kind",
                id="cases-with-a-group-kind",
            ),
            pytest.param(
                {"figure": TallyFigure.MODEL_GROUPS, "group_kind": "mediation_group"},
                "group_kind",
                id="group-kind-text",
            ),
            pytest.param(
                {"figure": TallyFigure.REINTEGRATION_CASES, "category": ModelGroupKind.OTHER},
                "category",
                id="category-of-another-enum",
            ),
            pytest.param(
                {"figure": TallyFigure.ORGANISATIONS_TAKING_PART, "organisation_kind": "school"},
                "organisation_kind",
                id="organisation-kind-text",
            ),
            pytest.param({"source": "  "}, "source", id="source-blank"),
            pytest.param({"source": 12}, "source", id="source-int"),
        ],
    )
    def test_invalid_fields_are_refused_by_name(self, changes: dict[str, Any], field: str) -> None:
        """
        Each invalid field raises InvalidValueError naming DeclaredTally and the field.
        """
        with pytest.raises(InvalidValueError) as caught:
            tally(**changes)
        expected = ("DeclaredTally", field)
        assert expected == (caught.value.owner, caught.value.field)

    def test_a_missing_kind_is_refused_with_the_rule(self) -> None:
        """
        The message says that a tally of model groups names its kind.
        """
        with pytest.raises(InvalidValueError, match="a tally of model_groups names its kind"):
            tally(figure=TallyFigure.MODEL_GROUPS)

    def test_a_kind_the_figure_has_not_is_refused_with_the_rule(self) -> None:
        """
        The message says that a tally of slips has no such kind.
        """
        with pytest.raises(InvalidValueError, match="a tally of slips_collected has no such kind"):
            tally(category=ReintegrationCategory.PARDONED)

    def test_kind_fields_are_keyword_only(self) -> None:
        """
        The kinds and the source cannot be passed by position, so they are never mixed up.
        """
        with pytest.raises(TypeError):
            DeclaredTally(  # type: ignore[call-arg]
                "K1", "01840", YEAR, TallyFigure.MODEL_GROUPS, 3, ModelGroupKind.OTHER
            )


class TestPrintedShare:
    """
    A printed share is a share of a whole given beside it.
    """

    def test_a_printed_share_needs_its_whole(self) -> None:
        """
        ``printed_share`` without ``of_total`` is refused by name.
        """
        with pytest.raises(InvalidValueError) as info:
            DeclaredTally(
                "K1", "01840", Period.year(2017), TallyFigure.SESSIONS, 3, printed_share="30%"
            )
        assert "printed_share" == info.value.field

    def test_keeps_the_whole_and_the_printed_share(self) -> None:
        """
        Both are kept as given.
        """
        tally = DeclaredTally(
            "K1",
            "01840",
            Period.year(2017),
            TallyFigure.SESSIONS,
            219,
            of_total=236,
            printed_share="93%",
        )
        assert (236, "93%") == (tally.of_total, tally.printed_share)
