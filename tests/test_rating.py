"""
Tests for rating the movement (antq.rating): score sheets, ratings, deadlines, teams.

The cut-offs of the sheets below are made up for the tests: the official ones are not
known. The two items worth 3 points are the sample items of Quyết định 510/QĐ-BCA-V05.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq.errors import InvalidValueError
from antq.periods import Period
from antq.rating import (
    EXCELLENT_SHARE_OF_GOOD,
    RATING_DUE_BEFORE,
    TEAM_RATING_MIN_MONTHS,
    ClassCutoff,
    DeadlineCheck,
    ExcellentCap,
    ItemResult,
    RatedKind,
    Rating,
    RatingClass,
    ScoreItem,
    ScoreSheet,
    TeamRating,
    TeamRatingLevel,
    UnitScores,
    check_deadline,
    check_excellent_cap,
    leader_not_above_team,
    rate,
    rating_deadline,
    team_rating_eligible,
    team_rating_window,
)
from antq.testing import score_sheet_scores, score_sheets
from antq.units import OrganisationKind, UnitLevel

PLAN = ScoreItem("q1-plan", "Nghị quyết, kế hoạch, sơ kết, báo cáo trong quý I", 3)
PROPAGANDA = ScoreItem("q2-propaganda", "Tuyên truyền thu hút từ 90 % trở lên", 3)
MODEL = ScoreItem("q3-model", "Mô hình tự quản", Decimal("2.5"), group="Mô hình")
ITEMS = (PLAN, PROPAGANDA, MODEL)
CUTOFFS = (
    ClassCutoff(RatingClass.EXCELLENT, 8),
    ClassCutoff(RatingClass.GOOD, Decimal("6.5")),
    ClassCutoff(RatingClass.AVERAGE, 4),
)
SHEET = ScoreSheet(
    "hamlet-test",
    "Bảng điểm khu dân cư (thử)",
    [RatedKind.HAMLET],
    "made up for the tests",
    ITEMS,
    cutoffs=CUTOFFS,
)
SCORES = UnitScores("01840-T05", 2023, "hamlet-test", dt.date(2023, 11, 18), {"q1-plan": 3})


def refused(make: Any) -> InvalidValueError:
    """
    Return the InvalidValueError that calling *make* raises.
    """
    with pytest.raises(InvalidValueError) as info:
        make()
    return info.value


# --- strategies -------------------------------------------------------------------

#: Sheets and the points given on them, from antq.testing.
SHEETS_WITH_SCORES = score_sheets().flatmap(
    lambda sheet: score_sheet_scores(sheet=sheet).map(lambda scores: (sheet, scores))
)


# --- classes and kinds --------------------------------------------------------------


class TestRatingClass:
    """
    The classes of a rating.
    """

    def test_classes_run_from_excellent_to_weak(self) -> None:
        """
        Excellent ranks 0, good 1, average 2, weak 3.
        """
        expected = [0, 1, 2, 3]
        assert expected == [
            RatingClass.EXCELLENT.rank,
            RatingClass.GOOD.rank,
            RatingClass.AVERAGE.rank,
            RatingClass.WEAK.rank,
        ]

    def test_labels_are_the_glossary_terms(self) -> None:
        """
        The labels read xuất sắc, khá, trung bình, yếu.
        """
        expected = ["xuất sắc", "khá", "trung bình", "yếu"]
        assert expected == [rating_class.label for rating_class in RatingClass]


class TestRatedKind:
    """
    The kinds of unit that rate their movement.
    """

    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            (UnitLevel.HAMLET, RatedKind.HAMLET),
            (UnitLevel.COMMUNE, RatedKind.COMMUNE),
            (UnitLevel.DISTRICT, RatedKind.DISTRICT),
            (OrganisationKind.AGENCY, RatedKind.AGENCY),
            (OrganisationKind.ENTERPRISE, RatedKind.ENTERPRISE),
            (OrganisationKind.SCHOOL, RatedKind.SCHOOL),
        ],
        ids=["hamlet", "commune", "district", "agency", "enterprise", "school"],
    )
    def test_of_finds_the_kind_with_the_same_identifier(
        self, kind: UnitLevel | OrganisationKind, expected: RatedKind
    ) -> None:
        """
        A level or an organisation kind maps to the rated kind of the same id.
        """
        assert expected == RatedKind.of(kind)

    @pytest.mark.parametrize(
        ("kind", "rule"),
        [
            (UnitLevel.PROVINCE, "antq knows no rating of this kind of unit"),
            ("hamlet", "must be a UnitLevel or an OrganisationKind"),
        ],
        ids=["province", "string"],
    )
    def test_of_refuses_what_is_not_rated(self, kind: Any, rule: str) -> None:
        """
        A province, or a value that is no level or kind, is refused.
        """
        assert rule == refused(lambda: RatedKind.of(kind)).rule


# --- score sheets -----------------------------------------------------------------

INVALID_ITEMS: list[tuple[str, dict[str, Any], str, str]] = [
    ("id-blank", {"id": ""}, "id", "an identifier is 1 to 64"),
    ("title-blank", {"title": " "}, "title", "must not be blank"),
    ("max-float", {"max_points": 2.5}, "max_points", "a float is inexact"),
    ("max-bool", {"max_points": True}, "max_points", "a float is inexact"),
    ("max-string", {"max_points": "3"}, "max_points", "a float is inexact"),
    ("max-zero", {"max_points": 0}, "max_points", "must be more than 0 points"),
    ("max-negative", {"max_points": Decimal(-1)}, "max_points", "more than 0"),
    ("max-nan", {"max_points": Decimal("NaN")}, "max_points", "must be a finite number"),
    ("max-infinite", {"max_points": Decimal("Infinity")}, "max_points", "finite number"),
    ("group-blank", {"group": ""}, "group", "must not be blank"),
]


class TestScoreItem:
    """
    The items of a score sheet.
    """

    def test_int_points_are_stored_as_decimal(self) -> None:
        """
        ``3`` is kept as ``Decimal('3')``, so every sum is exact.
        """
        assert (Decimal(3), Decimal) == (PLAN.max_points, type(PLAN.max_points))

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_ITEMS],
        ids=[row[0] for row in INVALID_ITEMS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        An item refuses an invalid field, naming the field and the rule.
        """
        error = refused(lambda: attrs.evolve(MODEL, **changes))
        assert (field, True) == (error.field, rule in error.rule)


INVALID_CUTOFFS: list[tuple[str, dict[str, Any], str, str]] = [
    ("class-string", {"rating_class": "good"}, "rating_class", "must be a member of RatingClass"),
    ("minimum-negative", {"minimum": -1}, "minimum", "points cannot be negative"),
    ("minimum-float", {"minimum": 1.5}, "minimum", "a float is inexact"),
]


class TestClassCutoff:
    """
    The cut-off of one class.
    """

    def test_minus_zero_is_zero(self) -> None:
        """
        A minimum of -0 is read as 0.
        """
        assert "0" == str(ClassCutoff(RatingClass.WEAK, Decimal("-0")).minimum)

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_CUTOFFS],
        ids=[row[0] for row in INVALID_CUTOFFS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A cut-off refuses an invalid field, naming the field and the rule.
        """
        error = refused(lambda: attrs.evolve(CUTOFFS[0], **changes))
        assert (field, True) == (error.field, rule in error.rule)


def cutoff(rating_class: RatingClass, minimum: int | str) -> ClassCutoff:
    """
    Return a cut-off (a string minimum is read as a Decimal).
    """
    return ClassCutoff(rating_class, Decimal(minimum) if isinstance(minimum, str) else minimum)


E, G, A, W = RatingClass.EXCELLENT, RatingClass.GOOD, RatingClass.AVERAGE, RatingClass.WEAK

INVALID_SHEETS: list[tuple[str, dict[str, Any], str, str]] = [
    ("id-blank", {"id": ""}, "id", "an identifier"),
    ("title-blank", {"title": ""}, "title", "must not be blank"),
    ("source-blank", {"source": ""}, "source", "must not be blank"),
    ("kinds-empty", {"kinds": []}, "kinds", "rates at least one kind of unit"),
    ("kinds-string", {"kinds": "hamlet"}, "kinds", "must be a sequence"),
    ("kinds-not-member", {"kinds": ["hamlet"]}, "kinds", "must be a member of RatedKind"),
    (
        "kinds-twice",
        {"kinds": [RatedKind.HAMLET, RatedKind.HAMLET]},
        "kinds",
        "each kind is listed once",
    ),
    ("items-empty", {"items": []}, "items", "at least one item"),
    ("items-not-items", {"items": ["q1"]}, "items", "not ScoreItem"),
    (
        "items-same-id",
        {"items": [PLAN, attrs.evolve(PROPAGANDA, id="q1-plan")]},
        "items",
        "items[1].id: the id is already used by items[0]",
    ),
    ("cutoffs-not-cutoffs", {"cutoffs": [8]}, "cutoffs", "not ClassCutoff"),
    (
        "cutoffs-class-twice",
        {"cutoffs": [cutoff(G, 7), cutoff(G, 6)]},
        "cutoffs",
        "cutoffs[1].rating_class: cut-offs list each class once",
    ),
    (
        "cutoffs-worse-class-first",
        {"cutoffs": [cutoff(G, 6), cutoff(E, 8)]},
        "cutoffs",
        "from the best down (cutoffs[0] is 'good')",
    ),
    (
        "cutoffs-same-minimum",
        {"cutoffs": [cutoff(E, 8), cutoff(G, 8)]},
        "cutoffs",
        "cutoffs[1].minimum: a cut-off is below the one of the better class",
    ),
    (
        "cutoffs-minimum-rises",
        {"cutoffs": [cutoff(G, 6), cutoff(A, 7)]},
        "cutoffs",
        "below the one of the better class (cutoffs[0] is 'good', 6)",
    ),
    (
        "cutoffs-above-total",
        {"cutoffs": [cutoff(E, "8.6")]},
        "cutoffs",
        "cutoffs[0].minimum: a cut-off is not above the sheet's total of 8.5 points",
    ),
]


class TestScoreSheet:
    """
    A score sheet and its cut-offs.
    """

    def test_max_total_is_the_exact_sum_of_the_items(self) -> None:
        """
        3 + 3 + 2.5 is 8.5 exactly; ten items of 0.1 make 1.0, not 0.9999....
        """
        tenths = [ScoreItem(f"t{index}", "tenth", Decimal("0.1")) for index in range(10)]
        tiny = attrs.evolve(SHEET, items=tenths, cutoffs=())
        assert (Decimal("8.5"), Decimal(1)) == (SHEET.max_total, tiny.max_total)

    def test_max_total_keeps_every_digit(self) -> None:
        """
        A total beyond the 28 digits of the default context is not rounded.
        """
        items = [ScoreItem("big", "big", Decimal("1e30")), ScoreItem("small", "s", Decimal("0.5"))]
        sheet = attrs.evolve(SHEET, items=items, cutoffs=())
        assert Decimal("1000000000000000000000000000000.5") == sheet.max_total

    def test_a_sheet_needs_no_weak_class_nor_any_cutoff(self) -> None:
        """
        Cut-offs are a gap: a sheet may define no "weak", or no cut-off at all.
        """
        bare = attrs.evolve(SHEET, cutoffs=[])
        assert ((), RatingClass.AVERAGE) == (bare.cutoffs, SHEET.cutoffs[-1].rating_class)

    def test_the_lowest_cutoff_may_be_zero(self) -> None:
        """
        With a cut-off of 0, every score gets a class.
        """
        sheet = attrs.evolve(SHEET, cutoffs=[*CUTOFFS, cutoff(W, 0)])
        assert RatingClass.WEAK == sheet.classify(0)

    @pytest.mark.parametrize(
        ("score", "expected"),
        [
            (Decimal("8.5"), E),
            (8, E),
            (Decimal("7.9"), G),
            (Decimal("6.5"), G),
            (Decimal("6.4"), A),
            (4, A),
            (Decimal("3.9"), None),
            (0, None),
        ],
        ids=["top", "at-excellent", "below-excellent", "at-good", "below-good", "at-average",
             "below-average", "zero"],
    )  # fmt: skip
    def test_classify_gives_the_best_class_reached(
        self, score: int | Decimal, expected: RatingClass | None
    ) -> None:
        """
        A score at a cut-off gets that class; below every cut-off, none.
        """
        assert expected == SHEET.classify(score)

    def test_classify_refuses_a_float(self) -> None:
        """
        A float score is refused: it is inexact.
        """
        assert "score" == refused(lambda: SHEET.classify(6.5)).field  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_SHEETS],
        ids=[row[0] for row in INVALID_SHEETS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A sheet refuses an invalid field, naming the field and the rule.
        """
        error = refused(lambda: attrs.evolve(SHEET, **changes))
        assert (field, True) == (error.field, rule in error.rule)

    @given(sheet=score_sheets())
    def test_every_generated_sheet_is_valid(self, sheet: ScoreSheet) -> None:
        """
        Every sheet the strategy builds passes validation again.
        """
        assert sheet == attrs.evolve(sheet)

    @given(sheet=score_sheets(), data=st.data())
    def test_class_is_monotone_in_the_score(self, sheet: ScoreSheet, data: st.DataObject) -> None:
        """
        A higher score never gets a worse class.
        """
        places = st.decimals(min_value=0, max_value=sheet.max_total, places=2)
        low, high = sorted([data.draw(places), data.draw(places)])
        ranks = [c.rank if c else 4 for c in (sheet.classify(low), sheet.classify(high))]
        assert ranks[1] <= ranks[0]

    @given(sheet=score_sheets())
    def test_a_score_at_a_cutoff_gets_that_class(self, sheet: ScoreSheet) -> None:
        """
        Each cut-off's minimum gets exactly its class.
        """
        expected = [cutoff.rating_class for cutoff in sheet.cutoffs]
        assert expected == [sheet.classify(cutoff.minimum) for cutoff in sheet.cutoffs]


# --- rating -----------------------------------------------------------------------


class TestItemResult:
    """
    The points one item got.
    """

    def test_an_item_without_points_is_missing(self) -> None:
        """
        ``None`` points mean the item is missing.
        """
        assert (True, False) == (ItemResult(PLAN).missing, ItemResult(PLAN, 0).missing)

    @pytest.mark.parametrize(
        ("points", "rule"),
        [
            (4, "item 'q1-plan' is worth at most 3 points"),
            (Decimal("3.01"), "item 'q1-plan' is worth at most 3 points"),
            (-1, "points cannot be negative"),
            (1.5, "a float is inexact"),
            (Decimal("NaN"), "must be a finite number"),
        ],
        ids=["above", "just-above", "negative", "float", "nan"],
    )
    def test_refuses_points_outside_the_item(self, points: Any, rule: str) -> None:
        """
        Points are 0 to the item's maximum, an int or a finite Decimal.
        """
        error = refused(lambda: ItemResult(PLAN, points))
        assert ("points", True) == (error.field, rule in error.rule)

    def test_error_names_item_value_and_rule(self) -> None:
        """
        The message names the item, the value and the rule.
        """
        expected = (
            "ItemResult.points: Decimal('4') is refused: item 'q1-plan' is worth at most 3 points"
        )
        assert expected == str(refused(lambda: ItemResult(PLAN, 4)))


class TestRate:
    """
    Rating a unit on a sheet.
    """

    def test_rating_totals_the_points_and_gives_the_class(self) -> None:
        """
        3 + 2 + 2.5 = 7.5 reaches the cut-off of 6.5 for good.
        """
        rating = rate(
            SHEET,
            {"q1-plan": 3, "q2-propaganda": 2, "q3-model": Decimal("2.5")},
            unit_code="01840-T05",
        )
        expected = (
            "01840-T05",
            "hamlet-test",
            "made up for the tests",
            Decimal("7.5"),
            Decimal("8.5"),
            RatingClass.GOOD,
            "7.5 of 8.5 points reach the cut-off of 6.5 for good (khá)",
        )
        assert expected == (
            rating.unit_code,
            rating.sheet_id,
            rating.source,
            rating.total,
            rating.max_total,
            rating.rating_class,
            rating.reason,
        )

    def test_results_follow_the_sheet_order(self) -> None:
        """
        One result per item, in the sheet's order, whatever the order of the scores.
        """
        rating = rate(SHEET, {"q3-model": 1, "q1-plan": 2, "q2-propaganda": 0})
        expected = [(PLAN, Decimal(2)), (PROPAGANDA, Decimal(0)), (MODEL, Decimal(1))]
        assert expected == [(result.item, result.points) for result in rating.results]

    def test_missing_items_make_the_rating_incomplete(self) -> None:
        """
        An item left out is missing, not 0: the rating gets no class and names it.
        """
        rating = rate(SHEET, {"q2-propaganda": 3})
        expected = (
            False,
            ("q1-plan", "q3-model"),
            Decimal(3),
            None,
            "incomplete: no points for q1-plan, q3-model",
        )
        assert expected == (
            rating.complete,
            rating.missing,
            rating.total,
            rating.rating_class,
            rating.reason,
        )

    def test_a_score_below_every_cutoff_gets_no_class(self) -> None:
        """
        Below the lowest cut-off, the rating has no class and says why.
        """
        rating = rate(SHEET, {"q1-plan": 1, "q2-propaganda": 1, "q3-model": 1})
        expected = (None, "below the lowest cut-off of the sheet (4 for average)")
        assert expected == (rating.rating_class, rating.reason)

    def test_a_sheet_without_cutoffs_gives_no_class(self) -> None:
        """
        A sheet without cut-offs totals the points but gives no class.
        """
        sheet = attrs.evolve(SHEET, cutoffs=())
        rating = rate(sheet, {"q1-plan": 3, "q2-propaganda": 3, "q3-model": 2})
        expected = (Decimal(8), None, "the sheet defines no cut-offs")
        assert expected == (rating.total, rating.rating_class, rating.reason)

    @pytest.mark.parametrize(
        ("sheet", "scores", "field", "rule"),
        [
            (SHEET, {"q9": 1}, "scores", "sheet 'hamlet-test' has no item with this id"),
            (SHEET, [("q1-plan", 1)], "scores", "must be a mapping"),
            ("hamlet-test", {}, "sheet", "must be of type ScoreSheet"),
            (SHEET, {"q1-plan": 4}, "points", "item 'q1-plan' is worth at most 3 points"),
            (SHEET, {"q1-plan": -1}, "points", "points cannot be negative"),
        ],
        ids=["unknown-item", "not-a-mapping", "not-a-sheet", "above-maximum", "negative"],
    )
    def test_refuses_scores_that_do_not_fit_the_sheet(
        self, sheet: Any, scores: Any, field: str, rule: str
    ) -> None:
        """
        Unknown items, and points outside their item, are refused by name.
        """
        error = refused(lambda: rate(sheet, scores))
        assert (field, True) == (error.field, rule in error.rule)

    def test_refuses_a_bad_unit_code(self) -> None:
        """
        The unit code, when given, is a local identifier.
        """
        assert "unit_code" == refused(lambda: rate(SHEET, {}, unit_code=" ")).field

    def test_a_rating_refuses_results_of_another_sheet(self) -> None:
        """
        Results that are not one per item of the sheet, in order, are refused.
        """
        error = refused(lambda: Rating(SHEET, [ItemResult(MODEL), ItemResult(PLAN)]))
        assert ("results", ["q3-model", "q1-plan"]) == (error.field, error.value)

    @given(case=SHEETS_WITH_SCORES)
    def test_total_is_the_sum_of_the_item_points(
        self, case: tuple[ScoreSheet, dict[str, Decimal]]
    ) -> None:
        """
        The total is the exact sum of the points given.
        """
        sheet, scores = case
        assert sum(scores.values(), Decimal(0)) == rate(sheet, scores).total

    @given(case=SHEETS_WITH_SCORES)
    def test_a_complete_rating_has_the_class_of_its_total(
        self, case: tuple[ScoreSheet, dict[str, Decimal]]
    ) -> None:
        """
        The class of a complete rating is the sheet's class for its total.
        """
        sheet, scores = case
        rating = rate(sheet, scores)
        assert sheet.classify(rating.total) == rating.rating_class


INVALID_UNIT_SCORES: list[tuple[str, dict[str, Any], str, str]] = [
    ("unit-code-blank", {"unit_code": ""}, "unit_code", "an identifier"),
    ("year-string", {"year": "2023"}, "year", "a year is an integer"),
    ("year-bool", {"year": True}, "year", "a year is an integer"),
    ("year-zero", {"year": 0}, "year", "a year is from 1 to 9999"),
    ("sheet-id-blank", {"sheet_id": ""}, "sheet_id", "an identifier"),
    ("submitted-on-string", {"submitted_on": "2023-11-18"}, "submitted_on", "must be a date"),
    ("points-list", {"points": [1]}, "points", "must be a mapping"),
    ("points-bad-key", {"points": {"q 1": 1}}, "points", "an item id is a local identifier"),
    ("points-negative", {"points": {"q1": -1}}, "points", "item 'q1': points cannot be"),
    ("points-float", {"points": {"q1": 1.5}}, "points", "item 'q1': points are an int"),
]


class TestUnitScores:
    """
    The points a unit reported.
    """

    def test_points_are_read_only_decimals(self) -> None:
        """
        The points are kept as Decimals in a mapping that cannot be changed.
        """
        with pytest.raises(TypeError):
            SCORES.points["q1-plan"] = Decimal(0)  # type: ignore[index]
        assert {"q1-plan": Decimal(3)} == dict(SCORES.points)

    def test_equal_scores_hash_alike(self) -> None:
        """
        The points are compared, and left out of the hash.
        """
        twin = attrs.evolve(SCORES, points={"q1-plan": Decimal(3)})
        assert (True, True) == (twin == SCORES, hash(twin) == hash(SCORES))

    def test_rate_uses_the_scores_on_their_sheet(self) -> None:
        """
        Rating the scores on their sheet keeps the unit's code.
        """
        rating = SCORES.rate(SHEET)
        assert ("01840-T05", Decimal(3)) == (rating.unit_code, rating.total)

    @pytest.mark.parametrize(
        "sheet",
        [attrs.evolve(SHEET, id="commune-test"), "hamlet-test"],
        ids=["other-sheet", "not-a-sheet"],
    )
    def test_rate_refuses_another_sheet(self, sheet: Any) -> None:
        """
        Scores given on one sheet are not rated on another.
        """
        error = refused(lambda: SCORES.rate(sheet))
        assert "the scores were given on sheet 'hamlet-test'" == error.rule

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_UNIT_SCORES],
        ids=[row[0] for row in INVALID_UNIT_SCORES],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        Scores refuse an invalid field, naming the field and the rule.
        """
        error = refused(lambda: attrs.evolve(SCORES, **changes))
        assert (field, True) == (error.field, rule in error.rule)


# --- deadlines --------------------------------------------------------------------


class TestRatingDeadline:
    """
    The day each kind of unit reports its rating by [V2].
    """

    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            (RatedKind.HAMLET, dt.date(2023, 11, 19)),
            (RatedKind.COMMUNE, dt.date(2023, 11, 29)),
            (RatedKind.AGENCY, dt.date(2023, 11, 29)),
            (RatedKind.ENTERPRISE, dt.date(2023, 11, 29)),
            (RatedKind.SCHOOL, dt.date(2023, 11, 29)),
            (RatedKind.DISTRICT, dt.date(2023, 12, 14)),
        ],
        ids=["hamlet", "commune", "agency", "enterprise", "school", "district"],
    )
    def test_deadline_is_the_day_before_the_day_named(
        self, kind: RatedKind, expected: dt.date
    ) -> None:
        """
        "Before 20 November" makes 19 November the last day on time.
        """
        assert expected == rating_deadline(kind, 2023)

    def test_every_kind_has_a_deadline(self) -> None:
        """
        The table of deadlines covers every rated kind.
        """
        assert set(RatedKind) == set(RATING_DUE_BEFORE)

    def test_districts_have_a_deadline_until_their_last_year(self) -> None:
        """
        Districts rate themselves for 2024, not 2025: they were abolished on 1 July 2025.
        """
        error = refused(lambda: rating_deadline(RatedKind.DISTRICT, 2025))
        expected = (dt.date(2024, 12, 14), "year", True)
        assert expected == (
            rating_deadline(RatedKind.DISTRICT, 2024),
            error.field,
            "abolished on 1 July 2025" in error.rule,
        )

    @pytest.mark.parametrize(
        ("kind", "year", "field", "rule"),
        [
            ("hamlet", 2023, "kind", "must be a member of RatedKind"),
            (RatedKind.HAMLET, "2023", "year", "a year is an integer"),
            (RatedKind.HAMLET, 10000, "year", "a year is from 1 to 9999"),
        ],
        ids=["kind-string", "year-string", "year-too-late"],
    )
    def test_refuses_a_bad_argument(self, kind: Any, year: Any, field: str, rule: str) -> None:
        """
        The kind and the year are checked, by name.
        """
        error = refused(lambda: rating_deadline(kind, year))
        assert (field, True) == (error.field, rule in error.rule)


class TestCheckDeadline:
    """
    Whether a rating was reported on time.
    """

    @pytest.mark.parametrize(
        ("submitted_on", "on_time", "days_late"),
        [
            (dt.date(2023, 1, 5), True, 0),
            (dt.date(2023, 11, 19), True, 0),
            (dt.date(2023, 11, 20), False, 1),
            (dt.date(2023, 12, 1), False, 12),
        ],
        ids=["early", "last-day", "day-named", "december"],
    )
    def test_a_report_on_the_day_named_is_late(
        self, submitted_on: dt.date, *, on_time: bool, days_late: int
    ) -> None:
        """
        A hamlet's report on 20 November is one day late.
        """
        check = check_deadline(RatedKind.HAMLET, 2023, submitted_on)
        expected = (dt.date(2023, 11, 20), dt.date(2023, 11, 19), on_time, days_late)
        assert expected == (check.due_before, check.deadline, check.on_time, check.days_late)

    @pytest.mark.parametrize(
        ("kind", "year", "submitted_on", "field"),
        [
            ("hamlet", 2023, dt.date(2023, 11, 1), "kind"),
            (RatedKind.HAMLET, 2023.0, dt.date(2023, 11, 1), "year"),
            (RatedKind.DISTRICT, 2025, dt.date(2025, 11, 1), "year"),
            (RatedKind.HAMLET, 2023, "2023-11-01", "submitted_on"),
        ],
        ids=["kind-string", "year-float", "district-2025", "date-string"],
    )
    def test_refuses_a_bad_argument(
        self, kind: Any, year: Any, submitted_on: Any, field: str
    ) -> None:
        """
        Each argument is checked, by name.
        """
        assert field == refused(lambda: check_deadline(kind, year, submitted_on)).field

    @given(
        kind=st.sampled_from([kind for kind in RatedKind if kind is not RatedKind.DISTRICT]),
        year=st.integers(min_value=2000, max_value=2100),
        shift=st.integers(min_value=-400, max_value=400),
    )
    def test_on_time_until_the_deadline_and_late_after(
        self, kind: RatedKind, year: int, shift: int
    ) -> None:
        """
        A report on or before the deadline is on time; n days after, n days late.
        """
        submitted_on = rating_deadline(kind, year) + dt.timedelta(days=shift)
        check = DeadlineCheck(kind, year, submitted_on)
        assert (shift <= 0, max(0, shift)) == (check.on_time, check.days_late)


# --- security-protection teams ----------------------------------------------------


class TestTeamRatingLevel:
    """
    The levels of the teams' rating [V2].
    """

    def test_levels_run_from_excellent_to_not_completed(self) -> None:
        """
        The four levels rank 0 to 3, with the Vietnamese terms as labels.
        """
        expected = [
            (0, "hoàn thành xuất sắc nhiệm vụ"),
            (1, "hoàn thành tốt nhiệm vụ"),
            (2, "hoàn thành nhiệm vụ"),
            (3, "không hoàn thành nhiệm vụ"),
        ]
        assert expected == [(level.rank, level.label) for level in TeamRatingLevel]


class TestTeamRatingWindow:
    """
    The window of the teams' rating: 15 November to 14 November [V2].
    """

    def test_window_runs_from_15_november_to_14_november(self) -> None:
        """
        The 2024 rating covers 15 November 2023 to 14 November 2024.
        """
        expected = Period(dt.date(2023, 11, 15), dt.date(2024, 11, 14))
        assert expected == team_rating_window(2024)

    @pytest.mark.parametrize("year", [1, "2024", True], ids=["year-1", "string", "bool"])
    def test_refuses_a_bad_year(self, year: Any) -> None:
        """
        A year with no year before it, or that is not an integer, is refused.
        """
        assert "year" == refused(lambda: team_rating_window(year)).field


class TestTeamRatingEligible:
    """
    Teams and members active for less than 9 months are not rated [V2].
    """

    @pytest.mark.parametrize(
        ("year", "active_from", "active_to", "expected"),
        [
            (2024, dt.date(2020, 1, 1), None, True),
            (2024, dt.date(2024, 2, 15), None, True),
            (2024, dt.date(2024, 2, 16), None, False),
            (2024, dt.date(2023, 11, 15), dt.date(2024, 8, 14), True),
            (2024, dt.date(2023, 11, 15), dt.date(2024, 8, 13), False),
            (2024, dt.date(2020, 1, 1), dt.date(2023, 11, 14), False),
            (2024, dt.date(2024, 11, 15), None, False),
            (2025, dt.date(2024, 11, 30), dt.date(2025, 8, 30), True),
            (2025, dt.date(2024, 12, 1), dt.date(2025, 8, 30), False),
        ],
        ids=[
            "whole-window",
            "from-15-february",
            "from-16-february",
            "until-14-august",
            "until-13-august",
            "stopped-before-window",
            "started-after-window",
            "month-end-30-november",
            "month-end-1-december",
        ],
    )
    def test_nine_months_in_the_window_are_needed(
        self, year: int, active_from: dt.date, active_to: dt.date | None, *, expected: bool
    ) -> None:
        """
        Activity is counted inside the window, in whole calendar months.
        """
        assert expected == team_rating_eligible(year, active_from, active_to=active_to)

    def test_the_minimum_is_nine_months(self) -> None:
        """
        The rule's number of months is kept as data.
        """
        assert 9 == TEAM_RATING_MIN_MONTHS

    @pytest.mark.parametrize(
        ("year", "active_from", "active_to", "field"),
        [
            ("2024", dt.date(2024, 1, 1), None, "year"),
            (2024, "2024-01-01", None, "active_from"),
            (2024, dt.date(2024, 1, 1), "2024-06-01", "active_to"),
            (2024, dt.date(2024, 6, 1), dt.date(2024, 1, 1), "active_to"),
        ],
        ids=["year-string", "from-string", "to-string", "to-before-from"],
    )
    def test_refuses_a_bad_argument(
        self, year: Any, active_from: Any, active_to: Any, field: str
    ) -> None:
        """
        Each argument is checked, by name.
        """
        error = refused(lambda: team_rating_eligible(year, active_from, active_to=active_to))
        assert field == error.field

    @given(
        start=st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2024, 12, 31)),
        later=st.integers(min_value=0, max_value=60),
    )
    def test_starting_later_never_helps(self, start: dt.date, later: int) -> None:
        """
        A team that started later is not eligible when an earlier one is not.
        """
        early = team_rating_eligible(2024, start)
        late = team_rating_eligible(2024, start + dt.timedelta(days=later))
        assert not late or early


class TestLeader:
    """
    A leader is not rated above the team [V2].
    """

    @pytest.mark.parametrize(
        ("team", "leader", "expected"),
        [
            (TeamRatingLevel.GOOD, TeamRatingLevel.GOOD, True),
            (TeamRatingLevel.GOOD, TeamRatingLevel.COMPLETED, True),
            (TeamRatingLevel.GOOD, TeamRatingLevel.EXCELLENT, False),
            (TeamRatingLevel.NOT_COMPLETED, TeamRatingLevel.COMPLETED, False),
        ],
        ids=["same", "below", "above", "above-not-completed"],
    )
    def test_leader_may_equal_the_team_but_not_exceed_it(
        self, team: TeamRatingLevel, leader: TeamRatingLevel, *, expected: bool
    ) -> None:
        """
        The leader's level is the team's or lower.
        """
        assert expected == leader_not_above_team(team, leader)

    @pytest.mark.parametrize(
        ("team", "leader", "field"),
        [
            ("good", TeamRatingLevel.GOOD, "team_level"),
            (TeamRatingLevel.GOOD, None, "leader_level"),
        ],
        ids=["team-string", "leader-none"],
    )
    def test_refuses_what_is_not_a_level(self, team: Any, leader: Any, field: str) -> None:
        """
        Both levels are TeamRatingLevel members.
        """
        assert field == refused(lambda: leader_not_above_team(team, leader)).field

    def test_a_team_rating_refuses_a_leader_above_the_team(self) -> None:
        """
        A team rated "good" cannot have a leader rated "excellent".
        """
        error = refused(
            lambda: TeamRating("T05", TeamRatingLevel.GOOD, leader_level=TeamRatingLevel.EXCELLENT)
        )
        expected = ("leader_level", "a leader is not rated above the team ('good') [V2]")
        assert expected == (error.field, error.rule)

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"team": ""}, "team"),
            ({"level": "good"}, "level"),
            ({"leader_level": 1}, "leader_level"),
        ],
        ids=["team-blank", "level-string", "leader-int"],
    )
    def test_a_team_rating_refuses_a_bad_field(self, changes: dict[str, Any], field: str) -> None:
        """
        A team rating refuses an invalid field, naming it.
        """
        rating = TeamRating("T05", TeamRatingLevel.GOOD, leader_level=TeamRatingLevel.COMPLETED)
        assert field == refused(lambda: attrs.evolve(rating, **changes)).field


class TestExcellentCap:
    """
    At most 20 % of those rated "good" may be rated "excellent" [V2].
    """

    @pytest.mark.parametrize(
        ("excellent", "good", "cap", "within", "excess"),
        [
            (0, 0, 0, True, 0),
            (1, 4, 0, False, 1),
            (1, 5, 1, True, 0),
            (2, 10, 2, True, 0),
            (3, 10, 2, False, 1),
            (2, 14, 2, True, 0),
        ],
        ids=["none", "four-good", "five-good", "at-cap", "above-cap", "rounded-down"],
    )
    def test_cap_is_a_fifth_of_good_rounded_down(
        self, excellent: int, good: int, cap: int, *, within: bool, excess: int
    ) -> None:
        """
        The cap is 20 % of the number rated "good", those "excellent" not included.
        """
        levels = [TeamRatingLevel.EXCELLENT] * excellent + [TeamRatingLevel.GOOD] * good
        levels += [TeamRatingLevel.COMPLETED, TeamRatingLevel.NOT_COMPLETED]
        check = check_excellent_cap(levels)
        assert (excellent, good, cap, within, excess) == (
            check.excellent,
            check.good,
            check.cap,
            check.within,
            check.excess,
        )

    def test_team_ratings_are_counted_by_their_level(self) -> None:
        """
        Team ratings can be passed instead of levels.
        """
        ratings = [TeamRating(f"T{index}", TeamRatingLevel.GOOD) for index in range(5)]
        ratings.append(TeamRating("TX", TeamRatingLevel.EXCELLENT))
        assert ExcellentCap(1, 5) == check_excellent_cap(ratings)

    def test_the_share_is_kept_as_data(self) -> None:
        """
        The share is exactly one fifth.
        """
        assert "1/5" == str(EXCELLENT_SHARE_OF_GOOD)

    @pytest.mark.parametrize(
        ("ratings", "rule"),
        [(["good"], "must be a TeamRatingLevel or a TeamRating"), ("good", "must be a sequence")],
        ids=["string-item", "string"],
    )
    def test_refuses_what_is_not_a_rating(self, ratings: Any, rule: str) -> None:
        """
        Only levels and team ratings are counted.
        """
        assert rule in refused(lambda: check_excellent_cap(ratings)).rule

    @pytest.mark.parametrize(("excellent", "good"), [(-1, 0), (0, 1.0)], ids=["negative", "float"])
    def test_counts_are_non_negative_integers(self, excellent: Any, good: Any) -> None:
        """
        The counts of a cap check are non-negative integers.
        """
        refused(lambda: ExcellentCap(excellent, good))

    @given(
        levels=st.lists(st.sampled_from(TeamRatingLevel), max_size=60),
    )
    def test_within_means_at_most_a_fifth_of_good(self, levels: list[TeamRatingLevel]) -> None:
        """
        Within the cap exactly when 5 × excellent ≤ good.
        """
        check = check_excellent_cap(levels)
        assert (5 * check.excellent <= check.good) == check.within
