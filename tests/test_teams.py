"""
Tests for antq.teams: security-and-order protection teams, their composition and size.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import given

from antq import InvalidValueError, Period, Unit, UnitKind
from antq.teams import (
    COMPOSITION_SOURCE,
    TEAMS_FROM,
    CompositionProblem,
    SecurityTeam,
    SizeBand,
    SizeProblem,
    TeamRole,
    TeamSizeRules,
    composition_problems,
    established_before_law,
    size_problems,
    teams_serving,
)

D = dt.date
SET_UP = D(2024, 7, 1)
DISSOLVED = D(2025, 6, 30)

GROUP_5 = Unit("01840-T05", "Tổ 5", UnitKind.RESIDENTIAL_GROUP, parent_code="01840")
GROUP_6 = Unit("01840-T06", "Tổ 6", UnitKind.RESIDENTIAL_GROUP, parent_code="01840")
VILLAGE = Unit("01840-T07", "Thôn Nà Cù", UnitKind.VILLAGE, parent_code="01840")
WARD = Unit("01840", "Đức Xuân", UnitKind.WARD, parent_code="058")

TEAM = SecurityTeam("TBV-T05", "01840", ("01840-T05",), SET_UP, leaders=1, deputies=1, members=3)
DISSOLVED_TEAM = attrs.evolve(TEAM, dissolved_on=DISSOLVED)
#: A team serving a residential group and a village.
MIXED_TEAM = SecurityTeam(
    "TBV-T05-T07",
    "01840",
    ("01840-T05", "01840-T07"),
    SET_UP,
    leaders=1,
    deputies=1,
    members=2,
)

SOURCE = "Nghị quyết của HĐND tỉnh (ví dụ)"
VILLAGE_BAND = SizeBand(UnitKind.VILLAGE, minimum=3, maximum=3, source=SOURCE)
GROUP_BAND = SizeBand(UnitKind.RESIDENTIAL_GROUP, minimum=5, maximum=5, source=SOURCE)
EVERY_BAND = SizeBand(minimum=3, source=SOURCE)
RULES = TeamSizeRules((VILLAGE_BAND, GROUP_BAND), source=SOURCE)


class TestTeamRole:
    """
    The roles in a team.
    """

    def test_has_the_glossary_identifiers_and_the_vietnamese_titles(self) -> None:
        """
        Each role's identifier and Vietnamese title are those of the law.
        """
        expected = [("leader", "Tổ trưởng"), ("deputy", "Tổ phó"), ("member", "Tổ viên")]
        assert expected == [(role.value, role.label) for role in TeamRole]


class TestSecurityTeam:
    """
    A team's record.
    """

    def test_is_open_ended_by_default(self) -> None:
        """
        Without a dissolution date, the team still exists.
        """
        assert TEAM.dissolved_on is None

    def test_keeps_its_hamlets_as_a_tuple(self) -> None:
        """
        Hamlet codes given as a list are kept as a tuple, in order.
        """
        team = attrs.evolve(TEAM, hamlet_codes=["01840-T06", "01840-T05"])
        expected = ("01840-T06", "01840-T05")
        assert expected == team.hamlet_codes

    def test_may_be_dissolved_on_the_day_it_is_set_up(self) -> None:
        """
        A team that existed for one day only is accepted.
        """
        assert SET_UP == attrs.evolve(TEAM, dissolved_on=SET_UP).dissolved_on

    def test_may_be_set_up_before_the_law(self) -> None:
        """
        A team dated before 1 July 2024 is built: the date is checked as a finding.
        """
        expected = D(2024, 6, 30)
        assert expected == attrs.evolve(TEAM, established_on=expected).established_on

    def test_accepts_zero_counts(self) -> None:
        """
        Counts may be zero: the composition rule is checked apart.
        """
        team = attrs.evolve(TEAM, leaders=0, deputies=0, members=0)
        expected = 0
        assert expected == team.size

    def test_size_counts_every_role(self) -> None:
        """
        The size is leaders, deputies and members together.
        """
        team = attrs.evolve(TEAM, leaders=1, deputies=2, members=4)
        expected = 7
        assert expected == team.size

    @pytest.mark.parametrize(
        ("role", "expected"),
        [(TeamRole.LEADER, 1), (TeamRole.DEPUTY, 2), (TeamRole.MEMBER, 4)],
        ids=["leader", "deputy", "member"],
    )
    def test_counts_each_role(self, role: TeamRole, expected: int) -> None:
        """
        ``count_of`` reads the count of the role's field.
        """
        team = attrs.evolve(TEAM, leaders=1, deputies=2, members=4)
        assert expected == team.count_of(role)

    @pytest.mark.parametrize(
        ("code", "expected"),
        [("01840-T05", True), ("01840-T07", True), ("01840-T06", False)],
        ids=["first-hamlet", "second-hamlet", "other-hamlet"],
    )
    def test_serves_its_hamlets_only(self, code: str, *, expected: bool) -> None:
        """
        A team serves each hamlet it lists, and no other.
        """
        assert expected == MIXED_TEAM.serves(code)


INVALID_TEAMS: list[tuple[str, dict[str, Any], str, str]] = [
    ("id-with-space", {"id": "TBV 01"}, "id", "an identifier is 1 to 64"),
    ("id-not-ascii", {"id": "tổ-1"}, "id", "an identifier is 1 to 64"),
    ("commune-code-none", {"commune_code": None}, "commune_code", "must be a string"),
    ("commune-code-with-space", {"commune_code": "018 40"}, "commune_code", "an identifier"),
    ("hamlets-empty", {"hamlet_codes": ()}, "hamlet_codes", "serves at least one hamlet"),
    ("hamlets-one-string", {"hamlet_codes": "01840-T05"}, "hamlet_codes", "a tuple of codes"),
    ("hamlets-none", {"hamlet_codes": None}, "hamlet_codes", "a tuple of codes"),
    ("hamlets-mapping", {"hamlet_codes": {"01840-T05": 1}}, "hamlet_codes", "a tuple of codes"),
    ("hamlet-not-a-string", {"hamlet_codes": (5,)}, "hamlet_codes", "item 0 (5) is not an id"),
    (
        "hamlet-with-space",
        {"hamlet_codes": ("01840-T05", "T 6")},
        "hamlet_codes",
        "item 1 ('T 6') is not an identifier",
    ),
    (
        "hamlet-twice",
        {"hamlet_codes": ("01840-T05", "01840-T06", "01840-T05")},
        "hamlet_codes",
        "the hamlet '01840-T05' is listed twice",
    ),
    ("established-on-text", {"established_on": "2024-07-01"}, "established_on", "a date"),
    (
        "established-on-datetime",
        {"established_on": dt.datetime(2024, 7, 1, tzinfo=dt.UTC)},
        "established_on",
        "must be a date",
    ),
    ("dissolved-on-text", {"dissolved_on": "2025-06-30"}, "dissolved_on", "must be a date"),
    (
        "dissolved-before-set-up",
        {"dissolved_on": D(2024, 6, 30)},
        "dissolved_on",
        "a team cannot be dissolved before it is set up (established_on is 2024-07-01)",
    ),
    ("leaders-negative", {"leaders": -1}, "leaders", "a count must not be negative"),
    ("leaders-bool", {"leaders": True}, "leaders", "a count must be an integer"),
    ("deputies-float", {"deputies": 1.0}, "deputies", "a count must be an integer"),
    ("deputies-none", {"deputies": None}, "deputies", "a count must be an integer"),
    ("members-text", {"members": "3"}, "members", "a count must be an integer"),
    ("members-negative", {"members": -3}, "members", "a count must not be negative"),
]


class TestSecurityTeamValidation:
    """
    The rules a team's fields must follow.
    """

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_TEAMS],
        ids=[row[0] for row in INVALID_TEAMS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A team refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(TEAM, **changes)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))

    def test_needs_every_count(self) -> None:
        """
        The counts have no default: a team without them is refused.
        """
        with pytest.raises(TypeError, match="members"):
            SecurityTeam("TBV-01", "01840", ("01840-T05",), SET_UP, leaders=1, deputies=1)  # type: ignore[call-arg]


class TestActiveOn:
    """
    Whether a team exists on one day.
    """

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (D(2024, 6, 30), False),
            (SET_UP, True),
            (D(2025, 1, 1), True),
            (DISSOLVED, True),
            (D(2025, 7, 1), False),
        ],
        ids=["day-before-set-up", "set-up-day", "between", "last-day", "day-after"],
    )
    def test_exists_from_set_up_to_last_day_inclusive(self, day: D, *, expected: bool) -> None:
        """
        A team exists from the day it was set up to its last day, both included.
        """
        assert expected == DISSOLVED_TEAM.active_on(day)

    def test_an_open_ended_team_exists_on_every_later_day(self) -> None:
        """
        A team not dissolved exists on any day after it was set up.
        """
        assert TEAM.active_on(D(2099, 12, 31))


class TestActiveDuring:
    """
    Whether a team exists on at least one day of a period.
    """

    @pytest.mark.parametrize(
        ("period", "expected"),
        [
            (Period(D(2024, 1, 1), D(2024, 6, 30)), False),
            (Period(D(2024, 1, 1), SET_UP), True),
            (Period(D(2024, 1, 1), D(2026, 12, 31)), True),
            (Period(DISSOLVED, D(2025, 12, 31)), True),
            (Period(D(2025, 7, 1), D(2025, 12, 31)), False),
        ],
        ids=[
            "ends-the-day-before-set-up",
            "ends-on-the-set-up-day",
            "around-its-life",
            "starts-on-its-last-day",
            "starts-the-day-after",
        ],
    )
    def test_exists_during_a_period_sharing_one_day(
        self, period: Period, *, expected: bool
    ) -> None:
        """
        A team exists during a period when their days overlap, across both boundaries.
        """
        assert expected == DISSOLVED_TEAM.active_during(period)

    def test_an_open_ended_team_exists_during_any_later_period(self) -> None:
        """
        A team not dissolved exists during any period after it was set up.
        """
        assert TEAM.active_during(Period.year(2030))


class TestEstablishedBeforeLaw:
    """
    Whether a team predates Luật 30/2023/QH15.
    """

    @pytest.mark.parametrize(
        ("day", "expected"),
        [(D(2024, 6, 30), True), (TEAMS_FROM, False), (D(2024, 7, 2), False)],
        ids=["day-before", "day-in-force", "day-after"],
    )
    def test_is_before_1_july_2024(self, day: D, *, expected: bool) -> None:
        """
        A team set up before 1 July 2024 predates the law; one set up on that day does not.
        """
        assert expected == established_before_law(attrs.evolve(TEAM, established_on=day))


counts = st.integers(min_value=0, max_value=50)
sizes = st.integers(min_value=0, max_value=20)
#: A band's bounds, built valid: a minimum, a maximum, or both in order.
bounds: st.SearchStrategy[tuple[int | None, int | None]] = st.one_of(
    st.tuples(sizes, st.none()),
    st.tuples(st.none(), sizes),
    st.tuples(sizes, sizes).map(lambda pair: (min(pair), max(pair))),
)


def _team(leaders: int, deputies: int, members: int) -> SecurityTeam:
    return attrs.evolve(TEAM, leaders=leaders, deputies=deputies, members=members)


class TestCompositionProblems:
    """
    The composition rule: one leader, at least one deputy, at least one member.
    """

    def test_a_well_formed_team_has_none(self) -> None:
        """
        One leader, one deputy and three members break nothing.
        """
        assert composition_problems(TEAM) == ()

    def test_an_empty_team_breaks_every_role_in_order(self) -> None:
        """
        A team with nobody has a problem for each role, leader first.
        """
        expected = ("leaders", "deputies", "members")
        assert expected == tuple(p.field for p in composition_problems(_team(0, 0, 0)))

    @pytest.mark.parametrize(
        ("counts", "expected"),
        [
            (
                (0, 1, 1),
                (
                    "the team has no leader (Tổ trưởng); it needs exactly one leader",
                    "tổ không có Tổ trưởng; tổ phải có đúng một Tổ trưởng",
                ),
            ),
            (
                (2, 1, 1),
                (
                    "the team has 2 leaders (Tổ trưởng); it needs exactly one leader",
                    "tổ có 2 Tổ trưởng; tổ phải có đúng một Tổ trưởng",
                ),
            ),
            (
                (1, 0, 1),
                (
                    "the team has no deputy (Tổ phó); it needs at least one deputy",
                    "tổ không có Tổ phó; tổ phải có ít nhất một Tổ phó",
                ),
            ),
            (
                (1, 1, 0),
                (
                    "the team has no member (Tổ viên); it needs at least one member",
                    "tổ không có Tổ viên; tổ phải có ít nhất một Tổ viên",
                ),
            ),
        ],
        ids=["no-leader", "two-leaders", "no-deputy", "no-member"],
    )
    def test_gives_the_reason_in_english_and_vietnamese(
        self, counts: tuple[int, int, int], expected: tuple[str, str]
    ) -> None:
        """
        Each problem says what is wrong and what the rule needs, in both languages.
        """
        (problem,) = composition_problems(_team(*counts))
        assert expected == (problem.reason, problem.reason_vi)

    def test_names_the_role_count_and_source(self) -> None:
        """
        A problem keeps its role and count, and cites the law without inventing an article.
        """
        (problem,) = composition_problems(_team(1, 1, 0))
        expected = (
            TeamRole.MEMBER,
            0,
            "Luật 30/2023/QH15 (the article is not recorded in antq's sources)",
        )
        assert expected == (problem.role, problem.count, problem.source)
        assert COMPOSITION_SOURCE == problem.source

    def test_one_leader_is_written_in_the_singular(self) -> None:
        """
        A problem about one person writes the role in the singular.
        """
        problem = CompositionProblem(TeamRole.DEPUTY, 1)
        expected = "the team has 1 deputy (Tổ phó); it needs at least one deputy"
        assert expected == problem.reason

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"role": "leader"}, "role"),
            ({"count": -1}, "count"),
            ({"count": "0"}, "count"),
        ],
        ids=["role-as-text", "count-negative", "count-as-text"],
    )
    def test_a_problem_refuses_invalid_fields(self, changes: dict[str, Any], field: str) -> None:
        """
        A composition problem checks its own fields.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(CompositionProblem(TeamRole.LEADER, 0), **changes)
        assert field == info.value.field

    @given(leaders=st.just(1), deputies=st.integers(1, 50), members=st.integers(1, 50))
    def test_no_problem_with_one_leader_and_some_deputies_and_members(
        self, leaders: int, deputies: int, members: int
    ) -> None:
        """
        Exactly one leader, at least one deputy and at least one member break nothing.
        """
        assert composition_problems(_team(leaders, deputies, members)) == ()

    @given(leaders=counts, deputies=counts, members=counts)
    def test_each_broken_count_has_exactly_its_problem(
        self, leaders: int, deputies: int, members: int
    ) -> None:
        """
        Any counts give one problem per role broken, and none for the others.
        """
        expected = tuple(
            field
            for field, broken in (
                ("leaders", leaders != 1),
                ("deputies", deputies < 1),
                ("members", members < 1),
            )
            if broken
        )
        problems = composition_problems(_team(leaders, deputies, members))
        assert expected == tuple(p.field for p in problems)
        assert [p.count for p in problems] == [
            {"leaders": leaders, "deputies": deputies, "members": members}[p.field]
            for p in problems
        ]


class TestSizeBand:
    """
    A province's band of team sizes.
    """

    @pytest.mark.parametrize(
        ("band", "expected"),
        [
            (
                SizeBand(UnitKind.VILLAGE, minimum=3, maximum=3, source=SOURCE),
                ("exactly 3 people (teams serving a village)", "đúng 3 người (tổ ở thôn)"),
            ),
            (
                SizeBand(UnitKind.RESIDENTIAL_GROUP, minimum=5, maximum=7, source=SOURCE),
                (
                    "5 to 7 people (teams serving a residential group)",
                    "từ 5 đến 7 người (tổ ở tổ dân phố)",
                ),
            ),
            (
                SizeBand(minimum=3, source=SOURCE),
                ("at least 3 people (every team)", "ít nhất 3 người (mọi tổ)"),
            ),
            (
                SizeBand(maximum=9, source=SOURCE),
                ("at most 9 people (every team)", "nhiều nhất 9 người (mọi tổ)"),
            ),
        ],
        ids=["exactly", "between", "at-least", "at-most"],
    )
    def test_describes_itself_in_both_languages(
        self, band: SizeBand, expected: tuple[str, str]
    ) -> None:
        """
        A band is written with its bounds and the hamlets it is for.
        """
        assert expected == (band.describe(), band.describe(lang="vi"))

    @pytest.mark.parametrize(
        ("size", "expected"),
        [(2, False), (3, True), (5, True), (6, False)],
        ids=["below", "minimum", "maximum", "above"],
    )
    def test_admits_sizes_between_its_bounds_inclusive(self, size: int, *, expected: bool) -> None:
        """
        Both bounds are included.
        """
        band = SizeBand(minimum=3, maximum=5, source=SOURCE)
        assert expected == band.admits(size)

    @pytest.mark.parametrize(
        ("kind", "expected"),
        [(UnitKind.VILLAGE, (True, True)), (UnitKind.RESIDENTIAL_GROUP, (False, True))],
        ids=["village", "residential-group"],
    )
    def test_applies_to_its_kind_or_to_every_hamlet(
        self, kind: UnitKind, expected: tuple[bool, bool]
    ) -> None:
        """
        A band for villages applies to villages only; a band for every team to all.
        """
        assert expected == (VILLAGE_BAND.applies_to(kind), EVERY_BAND.applies_to(kind))


INVALID_BANDS: list[tuple[str, dict[str, Any], str, str]] = [
    ("kind-commune", {"hamlet_kind": UnitKind.COMMUNE}, "hamlet_kind", "must be None"),
    ("kind-as-text", {"hamlet_kind": "village"}, "hamlet_kind", "'village', 'residential_group'"),
    (
        "no-bound",
        {"minimum": None, "maximum": None},
        "maximum",
        "a band has a minimum, a maximum or both",
    ),
    ("minimum-negative", {"minimum": -1}, "minimum", "a count must not be negative"),
    ("minimum-float", {"minimum": 3.0}, "minimum", "a count must be an integer"),
    ("maximum-text", {"maximum": "5"}, "maximum", "a count must be an integer"),
    (
        "maximum-below-minimum",
        {"minimum": 5, "maximum": 4},
        "maximum",
        "the maximum cannot be below the minimum (minimum is 5)",
    ),
    ("source-blank", {"source": " "}, "source", "must not be blank"),
    ("source-none", {"source": None}, "source", "must be a string"),
]


class TestSizeBandValidation:
    """
    The rules a size band's fields must follow.
    """

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_BANDS],
        ids=[row[0] for row in INVALID_BANDS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A band refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(VILLAGE_BAND, **changes)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))


class TestTeamSizeRules:
    """
    One province's bands.
    """

    def test_keeps_its_bands_as_a_tuple(self) -> None:
        """
        Bands given as a list are kept as a tuple, in order.
        """
        rules = TeamSizeRules([GROUP_BAND, VILLAGE_BAND], source=SOURCE)
        expected = (GROUP_BAND, VILLAGE_BAND)
        assert expected == rules.bands

    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            (UnitKind.VILLAGE, (EVERY_BAND, VILLAGE_BAND)),
            (UnitKind.RESIDENTIAL_GROUP, (EVERY_BAND,)),
        ],
        ids=["village", "residential-group"],
    )
    def test_gives_the_bands_for_a_hamlet_kind(
        self, kind: UnitKind, expected: tuple[SizeBand, ...]
    ) -> None:
        """
        The bands for a kind are its own and the band for every team, in order.
        """
        rules = TeamSizeRules((EVERY_BAND, VILLAGE_BAND), source=SOURCE)
        assert expected == rules.bands_for(kind)


INVALID_RULES: list[tuple[str, dict[str, Any], str, str]] = [
    ("no-band", {"bands": ()}, "bands", "give at least one band"),
    ("bands-not-a-sequence", {"bands": VILLAGE_BAND}, "bands", "must be a sequence"),
    ("band-as-mapping", {"bands": ({"minimum": 3},)}, "bands", "item 0 is dict, not SizeBand"),
    (
        "two-bands-for-villages",
        {"bands": (VILLAGE_BAND, attrs.evolve(VILLAGE_BAND, maximum=4))},
        "bands",
        "two bands for village: give one",
    ),
    (
        "two-bands-for-every-team",
        {"bands": (EVERY_BAND, EVERY_BAND)},
        "bands",
        "two bands for every team: give one",
    ),
    ("source-blank", {"source": ""}, "source", "must not be blank"),
]


class TestTeamSizeRulesValidation:
    """
    The rules a province's size rules must follow.
    """

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_RULES],
        ids=[row[0] for row in INVALID_RULES],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        The rules refuse an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(RULES, **changes)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))


class TestSizeProblems:
    """
    A team's size against its province's bands.
    """

    def test_without_rules_there_is_no_size_check(self) -> None:
        """
        No rules, no problem: antq has no default size.
        """
        assert size_problems(_team(1, 1, 40), [GROUP_5], None) == ()

    def test_a_team_within_its_band_has_none(self) -> None:
        """
        A team of five serving a residential group meets a band of five.
        """
        assert size_problems(TEAM, [GROUP_5], RULES) == ()

    def test_a_team_outside_its_band_breaks_it(self) -> None:
        """
        A team of three serving a residential group breaks a band of five.
        """
        team = _team(1, 1, 1)
        expected = (SizeProblem(GROUP_BAND, 3, ("01840-T05",)),)
        assert expected == size_problems(team, [GROUP_5], RULES)

    def test_judges_a_mixed_team_against_the_band_of_each_kind(self) -> None:
        """
        A team serving a village and a residential group must meet both bands.
        """
        expected = (
            SizeProblem(VILLAGE_BAND, 4, ("01840-T07",)),
            SizeProblem(GROUP_BAND, 4, ("01840-T05",)),
        )
        assert expected == size_problems(MIXED_TEAM, [GROUP_5, VILLAGE], RULES)

    def test_never_adds_up_the_bands_of_several_hamlets(self) -> None:
        """
        A team of five serving two residential groups meets a band of five.
        """
        team = attrs.evolve(TEAM, hamlet_codes=("01840-T05", "01840-T06"), members=3)
        assert size_problems(team, [GROUP_5, GROUP_6], RULES) == ()

    def test_a_band_for_every_team_applies_even_without_the_hamlets(self) -> None:
        """
        Hamlets not found are not judged by kind, but a band for every team still applies.
        """
        rules = TeamSizeRules((EVERY_BAND, VILLAGE_BAND), source=SOURCE)
        team = attrs.evolve(MIXED_TEAM, members=0)
        expected = (SizeProblem(EVERY_BAND, 2, ("01840-T05", "01840-T07")),)
        assert expected == size_problems(team, [], rules)

    def test_a_hamlet_given_twice_is_judged_once(self) -> None:
        """
        Repeating a hamlet's unit does not repeat its problem.
        """
        expected = (SizeProblem(VILLAGE_BAND, 4, ("01840-T07",)),)
        rules = TeamSizeRules((VILLAGE_BAND,), source=SOURCE)
        assert expected == size_problems(MIXED_TEAM, [VILLAGE, VILLAGE], rules)

    @pytest.mark.parametrize(
        ("unit", "rule"),
        [
            (WARD, "'01840' is a ward, not a hamlet"),
            (GROUP_6, "team 'TBV-T05' does not serve the hamlet '01840-T06'"),
        ],
        ids=["not-a-hamlet", "not-served"],
    )
    def test_refuses_a_unit_that_is_not_one_of_its_hamlets(self, unit: Unit, rule: str) -> None:
        """
        Only units of the hamlets the team serves can judge it.
        """
        with pytest.raises(InvalidValueError) as info:
            size_problems(TEAM, [GROUP_5, unit], RULES)
        expected = ("hamlets", True)
        assert expected == (info.value.field, rule in str(info.value))

    def test_refuses_a_wrong_unit_even_without_rules(self) -> None:
        """
        The hamlets are checked whether or not there are rules.
        """
        with pytest.raises(InvalidValueError, match="not a hamlet"):
            size_problems(TEAM, [WARD], None)

    @pytest.mark.parametrize(
        ("size", "expected"),
        [
            (
                4,
                (
                    "minimum",
                    (
                        "the team has 4 people; the province's band is exactly 5 people "
                        "(teams serving a residential group)"
                    ),
                    "tổ có 4 người; quy mô do tỉnh quy định là đúng 5 người (tổ ở tổ dân phố)",
                ),
            ),
            (
                6,
                (
                    "maximum",
                    (
                        "the team has 6 people; the province's band is exactly 5 people "
                        "(teams serving a residential group)"
                    ),
                    "tổ có 6 người; quy mô do tỉnh quy định là đúng 5 người (tổ ở tổ dân phố)",
                ),
            ),
        ],
        ids=["too-small", "too-large"],
    )
    def test_a_problem_names_the_bound_and_the_reason(
        self, size: int, expected: tuple[str, str, str]
    ) -> None:
        """
        A problem says which bound is broken and why, in both languages.
        """
        problem = SizeProblem(GROUP_BAND, size, ("01840-T05",))
        assert expected == (problem.bound, problem.reason, problem.reason_vi)

    def test_a_problem_about_one_person_is_in_the_singular(self) -> None:
        """
        A team of one is "1 person".
        """
        problem = SizeProblem(EVERY_BAND, 1, ("01840-T05",))
        assert problem.reason.startswith("the team has 1 person;")

    def test_a_problem_cites_the_provinces_decision(self) -> None:
        """
        The source of a size problem is the band's own.
        """
        assert SOURCE == SizeProblem(GROUP_BAND, 4, ("01840-T05",)).source

    @given(
        bounds=bounds,
        kind=st.sampled_from([None, UnitKind.VILLAGE, UnitKind.RESIDENTIAL_GROUP]),
        leaders=counts,
        deputies=counts,
        members=counts,
    )
    def test_no_problem_exactly_when_the_size_is_within_the_band(
        self,
        bounds: tuple[int | None, int | None],
        kind: UnitKind | None,
        leaders: int,
        deputies: int,
        members: int,
    ) -> None:
        """
        A team serving a hamlet the band applies to breaks it iff its size is outside it.
        """
        minimum, maximum = bounds
        band = SizeBand(kind, minimum=minimum, maximum=maximum, source=SOURCE)
        hamlet = VILLAGE if kind is UnitKind.VILLAGE else GROUP_5
        team = attrs.evolve(
            TEAM,
            hamlet_codes=(hamlet.code,),
            leaders=leaders,
            deputies=deputies,
            members=members,
        )
        size = leaders + deputies + members
        within = (minimum is None or minimum <= size) and (maximum is None or size <= maximum)
        problems = size_problems(team, [hamlet], TeamSizeRules((band,), source=SOURCE))
        assert within == (problems == ())


class TestTeamsServing:
    """
    The teams that serve a hamlet.
    """

    TEAMS = (TEAM, MIXED_TEAM, attrs.evolve(DISSOLVED_TEAM, id="TBV-OLD"))

    def test_finds_every_team_of_a_hamlet_in_order(self) -> None:
        """
        Every team serving the hamlet is found: antq does not assume one team per hamlet.
        """
        expected = ("TBV-T05", "TBV-T05-T07", "TBV-OLD")
        assert expected == tuple(t.id for t in teams_serving("01840-T05", self.TEAMS))

    def test_finds_only_the_teams_existing_on_a_day(self) -> None:
        """
        With a day, a team dissolved before it is left out.
        """
        expected = ("TBV-T05", "TBV-T05-T07")
        found = teams_serving("01840-T05", self.TEAMS, on=D(2025, 7, 1))
        assert expected == tuple(t.id for t in found)

    def test_finds_no_team_for_a_hamlet_nobody_serves(self) -> None:
        """
        A hamlet no team serves has none.
        """
        assert teams_serving("01840-T06", iter(self.TEAMS)) == ()
