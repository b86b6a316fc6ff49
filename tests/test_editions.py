"""
Tests of editions of the official units, successions and the table of editions (antq.editions).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from antq import (
    AntqError,
    Edition,
    InvalidValueError,
    Organisation,
    OrganisationKind,
    RegistryError,
    Succession,
    Unit,
    UnitKind,
    UnitMatch,
    UnitRegistry,
    UnitTable,
    UnknownEditionError,
    UnknownUnitError,
    testing,
)

#: Settings for the laws over generated editions.
laws = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

JUNE_30, JULY_1 = dt.date(2025, 6, 30), dt.date(2025, 7, 1)
UTC_NOON = dt.datetime(2025, 7, 1, 12, tzinfo=dt.UTC)

# A small table shaped like the bundled one: Bắc Kạn city and Chợ Mới district before
# 1 July 2025, wards and communes directly under Thái Nguyên province after.
PROVINCE = Unit("06", "Bắc Kạn", UnitKind.PROVINCE)
CITY = Unit("058", "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code="06")
DUC_XUAN = Unit("01840", "Đức Xuân", UnitKind.WARD, parent_code="058")
PHUNG_CHI_KIEN = Unit("01843", "Phùng Chí Kiên", UnitKind.WARD, parent_code="058")
DUONG_QUANG = Unit("01849", "Dương Quang", UnitKind.COMMUNE, parent_code="058")
XUAT_HOA = Unit("01855", "Xuất Hóa", UnitKind.WARD, parent_code="058")
CHO_MOI = Unit("066", "Chợ Mới", UnitKind.RURAL_DISTRICT, parent_code="06")
YEN_DINH = Unit("02038", "Yên Đĩnh", UnitKind.COMMUNE, parent_code="066")
OLD_UNITS = (PROVINCE, CITY, DUC_XUAN, PHUNG_CHI_KIEN, DUONG_QUANG, XUAT_HOA, CHO_MOI, YEN_DINH)

THAI_NGUYEN = Unit("19", "Thái Nguyên", UnitKind.PROVINCE)
NEW_DUC_XUAN = Unit("01840", "Đức Xuân", UnitKind.WARD, parent_code="19")
BAC_KAN = Unit("01843", "Bắc Kạn", UnitKind.WARD, parent_code="19")
PHONG_QUANG = Unit("01849", "Phong Quang", UnitKind.COMMUNE, parent_code="19")
NEW_YEN_DINH = Unit("02038", "Yên Bình", UnitKind.COMMUNE, parent_code="19")
NEW_UNITS = (THAI_NGUYEN, NEW_DUC_XUAN, BAC_KAN, PHONG_QUANG, NEW_YEN_DINH)


def succession(from_code: str, to_code: str, *, whole: bool = True) -> Succession:
    """
    Return a succession from a unit of 2025-01 into one of 2025-07, effective 1 July 2025.
    """
    return Succession("2025-01", from_code, "2025-07", to_code, effective=JULY_1, whole=whole)


# The city is split between three new units; Dương Quang between two.
SUCCESSIONS = (
    succession("06", "19"),
    succession("058", "01840", whole=False),
    succession("058", "01843", whole=False),
    succession("058", "01849", whole=False),
    succession("01840", "01840"),
    succession("01843", "01843"),
    succession("01855", "01843"),
    succession("01849", "01843", whole=False),
    succession("01849", "01849", whole=False),
    succession("066", "02038"),
    succession("02038", "02038"),
)
OLD = Edition(
    "2025-01",
    UnitRegistry(OLD_UNITS),
    title="units before 1 July 2025",
    title_vi="đơn vị hành chính trước ngày 1/7/2025",
    in_force_to=JUNE_30,
    source="danh mục đầu năm 2025",
)
NEW = Edition(
    "2025-07",
    UnitRegistry(NEW_UNITS),
    in_force_from=JULY_1,
    source="Quyết định 19/2025/QĐ-TTg",
    successions=SUCCESSIONS,
)
TABLE = UnitTable([OLD, NEW])

HAMLET = Unit("01840-T01", "Tổ 1", UnitKind.RESIDENTIAL_GROUP, parent_code="01840")
SCHOOL = Organisation("THPT-BK", "Trường THPT Bắc Kạn", OrganisationKind.SCHOOL, unit_code="01840")


def edition(
    name: str,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    successions: tuple[Succession, ...] = (),
) -> Edition:
    """
    Return an edition of the province alone (or of the new units, with successions).
    """
    units = NEW_UNITS if successions else (PROVINCE,)
    return Edition(
        name,
        UnitRegistry(units),
        in_force_from=start,
        in_force_to=end,
        successions=successions,
    )


def codes(matches: tuple[UnitMatch, ...]) -> list[tuple[str, str]]:
    """
    Return each match as (edition, code).
    """
    return [(match.edition, match.unit.code) for match in matches]


def targets(successions: tuple[Succession, ...]) -> list[tuple[str, str, bool]]:
    """
    Return each succession as (from code, to code, whole).
    """
    return [(s.from_code, s.to_code, s.whole) for s in successions]


# Successions ------------------------------------------------------------------------------

INVALID_SUCCESSIONS: list[tuple[str, dict[str, Any], str, str]] = [
    ("from-edition-a-year", {"from_edition": "2025"}, "from_edition", "named by its month"),
    ("from-edition-month-13", {"from_edition": "2025-13"}, "from_edition", "as YYYY-MM"),
    ("from-edition-month-0", {"from_edition": "2025-00"}, "from_edition", "as YYYY-MM"),
    ("from-edition-a-number", {"from_edition": 2025}, "from_edition", "must be a string"),
    ("from-edition-blank", {"from_edition": " "}, "from_edition", "must not be blank"),
    ("from-code-empty", {"from_code": ""}, "from_code", "an identifier is 1 to 64"),
    ("from-code-with-space", {"from_code": "01 840"}, "from_code", "an identifier"),
    ("to-edition-a-day", {"to_edition": "2025-07-01"}, "to_edition", "as YYYY-MM"),
    (
        "to-edition-the-same",
        {"to_edition": "2025-01"},
        "to_edition",
        "a succession goes from one edition to another",
    ),
    ("to-code-a-number", {"to_code": 1840}, "to_code", "must be a string"),
    ("effective-a-datetime", {"effective": UTC_NOON}, "effective", "must be a date"),
    ("effective-text", {"effective": "2025-07-01"}, "effective", "must be a date"),
    ("whole-text", {"whole": "yes"}, "whole", "must be true or false"),
    ("whole-a-number", {"whole": 1}, "whole", "must be true or false"),
]


class TestSuccession:
    """
    A unit of one edition going, wholly or in part, into a unit of another.
    """

    def test_a_succession_is_whole_unless_told(self) -> None:
        """
        Without ``whole``, the whole old unit went into the new one.
        """
        assert True is Succession("2025-01", "01840", "2025-07", "01840", effective=JULY_1).whole

    def test_the_day_it_takes_effect_is_a_keyword(self) -> None:
        """
        ``effective`` cannot be passed by position.
        """
        with pytest.raises(TypeError):
            Succession("2025-01", "01840", "2025-07", "01840", JULY_1)  # type: ignore[call-arg]

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_SUCCESSIONS],
        ids=[row[0] for row in INVALID_SUCCESSIONS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A succession refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(SUCCESSIONS[0], **changes)
        assert (field, True) == (info.value.field, rule in str(info.value))


# Editions ---------------------------------------------------------------------------------

INVALID_EDITIONS: list[tuple[str, dict[str, Any], str, str]] = [
    ("name-a-day", {"name": "2025-07-01"}, "name", "an edition is named by its month"),
    ("name-a-number", {"name": 202507}, "name", "must be a string"),
    ("registry-a-tuple", {"registry": NEW_UNITS}, "registry", "must be of type UnitRegistry"),
    (
        "registry-with-a-hamlet",
        {"registry": UnitRegistry([*NEW_UNITS, attrs.evolve(HAMLET, parent_code="01843")])},
        "registry",
        "an edition lists official units only (provinces, districts, communes)",
    ),
    (
        "registry-with-an-organisation",
        {"registry": UnitRegistry(NEW_UNITS, organisations=[SCHOOL])},
        "registry",
        "an edition lists no organisations",
    ),
    ("title-a-number", {"title": 1}, "title", "must be of type str"),
    ("title-vi-none", {"title_vi": None}, "title_vi", "must be of type str"),
    ("source-none", {"source": None}, "source", "must be of type str"),
    ("in-force-from-text", {"in_force_from": "2025-07-01"}, "in_force_from", "must be a date"),
    ("in-force-to-a-datetime", {"in_force_to": UTC_NOON}, "in_force_to", "must be a date"),
    (
        "in-force-to-before-from",
        {"in_force_to": JUNE_30},
        "in_force_to",
        "an edition cannot end before it starts (in_force_from is 2025-07-01)",
    ),
    ("successions-text", {"successions": "06"}, "successions", "must be a sequence of records"),
    ("successions-a-number", {"successions": 6}, "successions", "must be a sequence of records"),
    (
        "successions-of-something-else",
        {"successions": [SUCCESSIONS[0], "06"]},
        "successions",
        "item 1 is str, not Succession",
    ),
    (
        "succession-into-another-edition",
        {"successions": [attrs.evolve(SUCCESSIONS[0], to_edition="2026-01")]},
        "successions",
        "a succession of edition 2025-07 leads into it",
    ),
    (
        "succession-into-an-unknown-unit",
        {"successions": [succession("06", "20")]},
        "successions",
        "a succession leads into a unit of edition 2025-07",
    ),
]


class TestEdition:
    """
    One edition of the official list: its units, its days in force, its successions.
    """

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_EDITIONS],
        ids=[row[0] for row in INVALID_EDITIONS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        An edition refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(NEW, **changes)
        assert (field, True) == (info.value.field, rule in str(info.value))

    def test_the_repr_names_the_edition_only(self) -> None:
        """
        An edition of thousands of units shows as its name.
        """
        assert "Edition('2025-07')" == repr(NEW)

    def test_successions_are_kept_as_a_tuple(self) -> None:
        """
        A list of successions is kept as a tuple, in order.
        """
        assert SUCCESSIONS == attrs.evolve(NEW, successions=list(SUCCESSIONS)).successions

    def test_texts_default_to_empty(self) -> None:
        """
        Title, Vietnamese title and source are empty unless given.
        """
        plain = edition("2025-01")
        assert ("", "", "") == (plain.title, plain.title_vi, plain.source)

    @pytest.mark.parametrize(
        ("start", "end", "day", "expected"),
        [
            (JULY_1, dt.date(2025, 12, 31), JULY_1, True),
            (JULY_1, dt.date(2025, 12, 31), dt.date(2025, 12, 31), True),
            (JULY_1, dt.date(2025, 12, 31), JUNE_30, False),
            (JULY_1, dt.date(2025, 12, 31), dt.date(2026, 1, 1), False),
            (JULY_1, None, dt.date(2099, 1, 1), True),
            (JULY_1, None, JUNE_30, False),
            (None, JUNE_30, dt.date(1900, 1, 1), True),
            (None, JUNE_30, JULY_1, False),
            (None, None, dt.date(1, 1, 1), True),
        ],
        ids=[
            "first-day",
            "last-day",
            "day-before",
            "day-after",
            "open-end",
            "open-end-day-before",
            "open-start",
            "open-start-day-after",
            "always",
        ],
    )
    def test_in_force_on_includes_both_bounds(
        self, start: dt.date | None, end: dt.date | None, day: dt.date, *, expected: bool
    ) -> None:
        """
        An edition is in force from its first day to its last, both included.
        """
        assert expected == edition("2025-07", start=start, end=end).in_force_on(day)

    @pytest.mark.parametrize(
        ("start", "end", "expected"),
        [
            (JULY_1, dt.date(2025, 12, 31), "in force from 2025-07-01 to 2025-12-31"),
            (JULY_1, None, "in force from 2025-07-01"),
            (None, JUNE_30, "in force until 2025-06-30"),
            (None, None, "in force on every day"),
        ],
        ids=["both", "from", "until", "always"],
    )
    def test_the_window_is_said_in_words(
        self, start: dt.date | None, end: dt.date | None, expected: str
    ) -> None:
        """
        The window names the bounds the edition has.
        """
        assert expected == edition("2025-07", start=start, end=end).window

    def test_a_unit_of_the_same_edition_is_its_own_successor(self) -> None:
        """
        Mapped onto its own edition, a unit goes into itself.
        """
        assert ("01843",) == NEW.successor_codes("2025-07", "01843")

    def test_a_code_the_same_edition_lacks_has_no_successor(self) -> None:
        """
        Mapped onto its own edition, a code that names no unit goes nowhere.
        """
        assert () == NEW.successor_codes("2025-07", "01855")

    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("01855", ("01843",)),
            ("058", ("01840", "01843", "01849")),
            ("01849", ("01843", "01849")),
            ("06", ("19",)),
            ("99999", ()),
        ],
        ids=["merged", "split-district", "split-commune", "province", "unknown"],
    )
    def test_successor_codes_follow_the_successions(
        self, code: str, expected: tuple[str, ...]
    ) -> None:
        """
        A unit of an earlier edition goes where its successions say, in their order.
        """
        assert expected == NEW.successor_codes("2025-01", code)

    def test_a_unit_of_an_edition_without_successions_goes_nowhere(self) -> None:
        """
        Successions from another edition are not guessed.
        """
        assert () == NEW.successor_codes("2024-01", "01843")

    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            (
                "01843",
                [
                    ("058", "01843", False),
                    ("01843", "01843", True),
                    ("01855", "01843", True),
                    ("01849", "01843", False),
                ],
            ),
            ("19", [("06", "19", True)]),
            ("99999", []),
        ],
        ids=["merged-ward", "province", "unknown"],
    )
    def test_predecessors_are_the_successions_into_a_unit(
        self, code: str, expected: list[tuple[str, str, bool]]
    ) -> None:
        """
        The units of earlier editions that went into a unit, in the order of the successions.
        """
        assert expected == targets(NEW.predecessors(code))

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("Xuất Hóa", ["01855"]),
            ("Xuất Hoá", ["01855"]),
            ("XUẤT HOÁ", ["01855"]),
            ("xuat hoa", ["01855"]),
            ("Xuat Hoa", ["01855"]),
            ("Xuất Hoa", []),
            ("Bắc Kạn", ["06", "058"]),
            ("bac kan", ["06", "058"]),
            ("tỉnh Bắc Kạn", ["06"]),
            ("tinh bac kan", ["06"]),
            ("thành phố Bắc Kạn", ["058"]),
            ("Thanh pho Bac Kan", ["058"]),
            ("phường Xuất Hóa", ["01855"]),
            ("xã Xuất Hóa", []),
            ("xa Duong Quang", ["01849"]),
            ("phuong Duong Quang", []),
            ("huyện Chợ Mới", ["066"]),
            ("quận Chợ Mới", []),
            ("phường", []),
            ("Hà Nội", []),
        ],
        ids=[
            "as-listed",
            "other-tone-placement",
            "capitals",
            "folded",
            "folded-capitals",
            "a-tone-left-out",
            "province-and-city",
            "folded-province-and-city",
            "tinh",
            "tinh-folded",
            "thanh-pho",
            "thanh-pho-folded",
            "phuong",
            "xa-for-a-ward",
            "xa-folded",
            "phuong-for-a-commune",
            "huyen",
            "quan-for-a-rural-district",
            "a-kind-word-alone",
            "no-such-name",
        ],
    )
    def test_named_matches_names_and_kind_words(self, name: str, expected: list[str]) -> None:
        """
        Names match whatever their tone placement or case; a kind word narrows the kind.
        """
        assert expected == [unit.code for unit in OLD.named(name)]

    @laws
    @given(testing.editions())
    def test_every_unit_is_found_by_its_name(self, drawn: Edition) -> None:
        """
        Each unit of a generated edition is among the units named as it is.
        """
        assert [] == [unit for unit in drawn.registry if unit not in drawn.named(unit.name)]

    @laws
    @given(testing.editions())
    def test_generated_editions_list_a_province_and_official_units_only(
        self, drawn: Edition
    ) -> None:
        """
        A generated edition is valid, has one province, no hamlet and no succession.
        """
        attrs.validate(drawn)
        levels = [unit.level.value for unit in drawn.registry]
        assert (1, False, ()) == (levels.count("province"), "hamlet" in levels, drawn.successions)


class TestUnitMatch:
    """
    A unit found in an edition, with the units above it.
    """

    @pytest.mark.parametrize(
        ("code", "expected"),
        [
            ("01855", "phường Xuất Hóa, thành phố Bắc Kạn, tỉnh Bắc Kạn"),
            ("02038", "xã Yên Đĩnh, huyện Chợ Mới, tỉnh Bắc Kạn"),
            ("058", "thành phố Bắc Kạn, tỉnh Bắc Kạn"),
            ("06", "tỉnh Bắc Kạn"),
        ],
        ids=["ward", "commune", "city", "province"],
    )
    def test_the_address_names_the_unit_and_those_above(self, code: str, expected: str) -> None:
        """
        The address gives each unit with its kind, a city as "thành phố".
        """
        (match,) = TABLE.with_code(code, edition="2025-01")
        assert expected == match.address

    def test_a_match_without_ancestors_is_the_unit_alone(self) -> None:
        """
        Ancestors default to none.
        """
        assert (
            "thành phố Hà Nội"
            == UnitMatch("2025-07", Unit("01", "Hà Nội", UnitKind.CENTRALLY_RUN_CITY)).address
        )


# The table of editions ------------------------------------------------------------------


def registry_problems(editions: list[Edition]) -> list[tuple[str, int, str, str, str]]:
    """
    Return the problems a table of *editions* raises, as tuples.
    """
    with pytest.raises(RegistryError) as info:
        UnitTable(editions)
    return [attrs.astuple(problem) for problem in info.value.problems]


class TestUnitTableConstruction:
    """
    The editions of a table form one history; every problem is listed at once.
    """

    @pytest.mark.parametrize(
        ("editions", "rule"),
        [
            ("2025-01", "must be a sequence of records"),
            (OLD, "must be a sequence of records"),
            ([OLD, "2025-07"], "item 1 is str, not Edition"),
        ],
        ids=["text", "an-edition-alone", "something-else"],
    )
    def test_refuses_what_is_not_a_sequence_of_editions(self, editions: Any, rule: str) -> None:
        """
        The editions are a sequence of editions.
        """
        with pytest.raises(InvalidValueError) as info:
            UnitTable(editions)
        assert ("editions", True) == (info.value.field, rule in str(info.value))

    def test_every_problem_is_listed_at_once(self) -> None:
        """
        A duplicate name, an overlap and successions from unknown units, in one error.
        """
        first = edition("2025-01", end=JUNE_30)
        again = edition("2025-01", start=JULY_1, end=dt.date(2025, 7, 31))
        overlapping = edition(
            "2025-08",
            start=dt.date(2025, 7, 15),
            successions=(
                Succession("2024-12", "06", "2025-08", "19", effective=dt.date(2025, 7, 15)),
                Succession("2025-01", "99", "2025-08", "19", effective=dt.date(2025, 7, 15)),
            ),
        )
        expected = [
            ("editions", 1, "2025-01", "name", "duplicate edition"),
            (
                "editions",
                2,
                "2025-08",
                "in_force_from",
                "an edition comes into force after the one before it ends",
            ),
            ("successions of 2025-08", 0, "06", "from_code", "no unit '06' in edition 2024-12"),
            ("successions of 2025-08", 1, "99", "from_code", "no unit '99' in edition 2025-01"),
        ]
        assert expected == registry_problems([first, again, overlapping])

    @pytest.mark.parametrize(
        ("before", "after"),
        [
            (edition("2025-01"), edition("2025-07", start=JULY_1)),
            (edition("2025-01", end=JUNE_30), edition("2025-07")),
            (edition("2025-01", end=JULY_1), edition("2025-07", start=JULY_1)),
            (edition("2025-07", start=JULY_1), edition("2025-01", end=JUNE_30)),
        ],
        ids=["first-never-ends", "second-without-a-start", "same-day", "newest-first"],
    )
    def test_an_edition_starts_after_the_one_before_ends(
        self, before: Edition, after: Edition
    ) -> None:
        """
        Editions come oldest first, each in force after the one before has ended.
        """
        expected = [
            (
                "editions",
                1,
                after.name,
                "in_force_from",
                "an edition comes into force after the one before it ends",
            )
        ]
        assert expected == registry_problems([before, after])

    def test_a_succession_goes_from_an_earlier_edition(self) -> None:
        """
        An edition cannot take in units of an edition that comes after it.
        """
        backwards = Succession("2025-07", "19", "2025-01", "06", effective=JULY_1)
        first = attrs.evolve(edition("2025-01", end=JUNE_30), successions=[backwards])
        expected = [
            (
                "successions of 2025-01",
                0,
                "19",
                "from_edition",
                "edition 2025-07 does not come before 2025-01",
            )
        ]
        assert expected == registry_problems([first, attrs.evolve(NEW, successions=())])

    def test_one_edition_and_none_are_tables(self) -> None:
        """
        A table may hold a single edition, or none.
        """
        assert (("2025-01",), ()) == (UnitTable([OLD]).names, UnitTable([]).names)

    def test_the_repr_names_the_editions(self) -> None:
        """
        A table shows as its editions' names.
        """
        assert "UnitTable(2025-01, 2025-07)" == repr(TABLE)

    @laws
    @given(testing.edition_pairs())
    def test_generated_pairs_form_a_table(self, pair: tuple[Edition, Edition]) -> None:
        """
        Every pair drawn is a valid table: the second follows the first.
        """
        old, new = pair
        table = UnitTable(pair)
        assert ((old.name, new.name), new) == (table.names, table.latest)


class TestUnitTableLookUps:
    """
    Editions by name and by day; units by code and by name; successors and predecessors.
    """

    def test_names_are_oldest_first_and_latest_is_the_newest(self) -> None:
        """
        The names come in order, and the latest edition is the last.
        """
        assert (("2025-01", "2025-07"), NEW) == (TABLE.names, TABLE.latest)

    def test_an_edition_is_found_by_name(self) -> None:
        """
        edition() returns the edition with the name.
        """
        assert OLD is TABLE.edition("2025-01")

    def test_an_unknown_name_is_an_unknown_edition(self) -> None:
        """
        An unknown name raises UnknownEditionError, naming the editions there are.
        """
        with pytest.raises(UnknownEditionError) as info:
            TABLE.edition("2024-01")
        expected = ("2024-01", ("2025-01", "2025-07"))
        assert expected == (info.value.name, info.value.known)

    @pytest.mark.parametrize(
        ("day", "expected"),
        [(dt.date(1990, 1, 1), "2025-01"), (JUNE_30, "2025-01"), (JULY_1, "2025-07")],
        ids=["long-ago", "last-day", "first-day"],
    )
    def test_the_edition_on_a_day_is_the_one_in_force(self, day: dt.date, expected: str) -> None:
        """
        edition_on() returns the edition in force that day.
        """
        assert expected == TABLE.edition_on(day).name

    def test_a_day_no_edition_covers_is_an_unknown_edition(self) -> None:
        """
        Between two editions that leave a gap, no edition is in force.
        """
        table = UnitTable(
            [
                edition("2020-01", end=dt.date(2020, 12, 31)),
                edition("2021-02", start=dt.date(2021, 2, 1)),
            ]
        )
        with pytest.raises(UnknownEditionError) as info:
            table.edition_on(dt.date(2021, 1, 15))
        expected = "'2021-01-15': no edition of the official units; known: 2020-01, 2021-02"
        assert expected == str(info.value)

    @pytest.mark.parametrize(
        ("code", "edition_name", "expected"),
        [
            ("01843", None, [("2025-01", "01843"), ("2025-07", "01843")]),
            ("01843", "2025-07", [("2025-07", "01843")]),
            ("058", None, [("2025-01", "058")]),
            ("19", "2025-01", []),
            ("99999", None, []),
        ],
        ids=["both-editions", "one-edition", "old-only", "not-in-that-edition", "unknown"],
    )
    def test_with_code_finds_the_unit_in_each_edition(
        self, code: str, edition_name: str | None, expected: list[tuple[str, str]]
    ) -> None:
        """
        The unit with the code, edition by edition, oldest first.
        """
        assert expected == codes(TABLE.with_code(code, edition=edition_name))

    def test_the_same_code_may_name_two_units(self) -> None:
        """
        01843 is Phùng Chí Kiên of Bắc Kạn city, then Bắc Kạn of Thái Nguyên.
        """
        old, new = TABLE.with_code("01843")
        expected = (
            "phường Phùng Chí Kiên, thành phố Bắc Kạn, tỉnh Bắc Kạn",
            "phường Bắc Kạn, tỉnh Thái Nguyên",
        )
        assert expected == (old.address, new.address)

    @pytest.mark.parametrize(
        ("name", "edition_name", "expected"),
        [
            ("Bắc Kạn", None, [("2025-01", "06"), ("2025-01", "058"), ("2025-07", "01843")]),
            ("phường Bắc Kạn", None, [("2025-07", "01843")]),
            ("thành phố Bắc Kạn", None, [("2025-01", "058")]),
            ("bac kan", "2025-07", [("2025-07", "01843")]),
            ("Đức Xuân", None, [("2025-01", "01840"), ("2025-07", "01840")]),
            ("xa Duong Quang", None, [("2025-01", "01849")]),
            ("Phong Quang", "2025-01", []),
        ],
        ids=["every-edition", "ward", "city", "one-edition", "kept", "commune", "not-yet"],
    )
    def test_find_gives_hits_edition_by_edition(
        self, name: str, edition_name: str | None, expected: list[tuple[str, str]]
    ) -> None:
        """
        Hits come edition by edition, oldest first, each in the order of its list.
        """
        assert expected == codes(TABLE.find(name, edition=edition_name))

    def test_a_hit_carries_the_units_above(self) -> None:
        """
        Each hit gives its edition, its unit and the units above it, nearest first.
        """
        (match,) = TABLE.find("phường Xuất Hoá")
        assert UnitMatch("2025-01", XUAT_HOA, (CITY, PROVINCE)) == match

    @pytest.mark.parametrize(
        ("name", "edition_name", "limit", "expected"),
        [
            ("Đức Xuâm", None, 5, [("2025-01", "01840"), ("2025-07", "01840")]),
            ("phường Đức Xuâm", None, 5, [("2025-01", "01840"), ("2025-07", "01840")]),
            ("Duc Xuan", "2025-07", 5, [("2025-07", "01840")]),
            ("Đức Xuâm", None, 1, [("2025-01", "01840")]),
            ("Phong Quamg", None, 5, [("2025-07", "01849")]),
            ("Hà Nội", None, 5, []),
        ],
        ids=["misspelt", "with-a-kind-word", "one-edition", "limited", "new-only", "nothing-close"],
    )
    def test_suggest_gives_the_closest_names(
        self, name: str, edition_name: str | None, limit: int, expected: list[tuple[str, str]]
    ) -> None:
        """
        suggest() finds the units whose names come close, at most *limit* of them.
        """
        assert expected == codes(TABLE.suggest(name, edition=edition_name, limit=limit))

    @pytest.mark.parametrize(
        "limit", [0, -1, True, 2.5, "5"], ids=["zero", "negative", "boolean", "fraction", "text"]
    )
    def test_a_limit_that_is_not_a_count_of_one_or_more_is_refused(self, limit: Any) -> None:
        """
        suggest() refuses a limit that allows no suggestion, naming the argument.
        """
        with pytest.raises(InvalidValueError) as info:
            TABLE.suggest("Đức Xuâm", limit=limit)
        expected = ("UnitTable.suggest", "limit", "a limit is a whole number of at least 1")
        assert expected == (info.value.owner, info.value.field, info.value.rule)

    @pytest.mark.parametrize(
        "look_up",
        [
            lambda: TABLE.with_code("01843", edition="2024-01"),
            lambda: TABLE.find("Bắc Kạn", edition="2024-01"),
            lambda: TABLE.suggest("Bắc Kạn", edition="2024-01"),
            lambda: TABLE.successors("06", edition="2024-01"),
            lambda: TABLE.predecessors("19", edition="2024-01"),
            lambda: TABLE.registry(edition="2024-01"),
        ],
        ids=["with_code", "find", "suggest", "successors", "predecessors", "registry"],
    )
    def test_an_unknown_edition_is_refused_by_every_look_up(self, look_up: Any) -> None:
        """
        Each look-up that takes an edition's name refuses an unknown one.
        """
        with pytest.raises(UnknownEditionError):
            look_up()

    @pytest.mark.parametrize(
        ("code", "edition_name", "expected"),
        [
            (
                "058",
                "2025-01",
                [("058", "01840", False), ("058", "01843", False), ("058", "01849", False)],
            ),
            ("01855", "2025-01", [("01855", "01843", True)]),
            ("01843", "2025-07", []),
        ],
        ids=["split-city", "merged-ward", "newest-edition"],
    )
    def test_successors_are_where_a_unit_went_later(
        self, code: str, edition_name: str, expected: list[tuple[str, str, bool]]
    ) -> None:
        """
        successors() lists the successions from the unit, over the later editions.
        """
        assert expected == targets(TABLE.successors(code, edition=edition_name))

    @pytest.mark.parametrize(
        ("code", "edition_name", "expected"),
        [
            ("01849", "2025-07", [("058", "01849", False), ("01849", "01849", False)]),
            ("01840", "2025-01", []),
        ],
        ids=["new-commune", "oldest-edition"],
    )
    def test_predecessors_are_what_went_into_a_unit(
        self, code: str, edition_name: str, expected: list[tuple[str, str, bool]]
    ) -> None:
        """
        predecessors() lists the successions into the unit of the edition.
        """
        assert expected == targets(TABLE.predecessors(code, edition=edition_name))

    @pytest.mark.parametrize(
        "look_up",
        [
            lambda: TABLE.successors("19", edition="2025-01"),
            lambda: TABLE.predecessors("058", edition="2025-07"),
        ],
        ids=["successors", "predecessors"],
    )
    def test_a_code_the_edition_lacks_is_an_unknown_unit(self, look_up: Any) -> None:
        """
        The code must name a unit of the edition given.
        """
        with pytest.raises(UnknownUnitError):
            look_up()

    @laws
    @given(testing.edition_pairs())
    def test_successors_and_predecessors_mirror_each_other(
        self, pair: tuple[Edition, Edition]
    ) -> None:
        """
        A succession from an old unit is a succession into its new unit, and back.
        """
        old, new = pair
        table = UnitTable(pair)
        forward = {s for u in old.registry for s in table.successors(u.code, edition=old.name)}
        backward = {s for u in new.registry for s in table.predecessors(u.code, edition=new.name)}
        assert (forward, forward) == (backward, set(new.successions))


class TestUnitTableRegistry:
    """
    registry(): an edition's units, narrowed to one unit, with a user's hamlets and bodies.
    """

    @pytest.mark.parametrize(
        ("arguments", "expected"),
        [
            ({}, "2025-07"),
            ({"edition": "2025-01"}, "2025-01"),
            ({"as_of": JUNE_30}, "2025-01"),
            ({"as_of": JULY_1}, "2025-07"),
            ({"edition": "2025-01", "as_of": JUNE_30}, "2025-01"),
        ],
        ids=["latest", "named", "as-of-old", "as-of-new", "named-and-in-force"],
    )
    def test_the_edition_is_named_or_in_force_or_the_latest(
        self, arguments: dict[str, Any], expected: str
    ) -> None:
        """
        Without arguments the latest edition; else the one named, or in force on as_of.
        """
        assert TABLE.edition(expected).registry == TABLE.registry(**arguments)

    def test_a_named_edition_out_of_force_on_as_of_is_refused(self) -> None:
        """
        The edition named must be in force on as_of.
        """
        with pytest.raises(InvalidValueError) as info:
            TABLE.registry(edition="2025-01", as_of=JULY_1)
        expected = (
            "UnitTable.registry.as_of: datetime.date(2025, 7, 1) is refused: "
            "edition 2025-01 is in force until 2025-06-30"
        )
        assert ("as_of", expected) == (info.value.field, str(info.value))

    def test_a_day_without_an_edition_is_refused(self) -> None:
        """
        as_of on a day no edition covers raises UnknownEditionError.
        """
        table = UnitTable([edition("2025-07", start=JULY_1)])
        with pytest.raises(UnknownEditionError):
            table.registry(as_of=JUNE_30)

    def test_within_keeps_the_unit_those_above_and_those_below(self) -> None:
        """
        A district's registry holds its province, itself and its communes, in list order.
        """
        registry = TABLE.registry(edition="2025-01", within="058")
        expected = ["06", "058", "01840", "01843", "01849", "01855"]
        assert expected == [unit.code for unit in registry]

    def test_within_a_commune_keeps_its_line(self) -> None:
        """
        A commune's registry holds the commune and the units above it.
        """
        registry = TABLE.registry(edition="2025-01", within="02038")
        assert ["06", "066", "02038"] == [unit.code for unit in registry]

    def test_within_an_unknown_unit_is_refused(self) -> None:
        """
        The unit named by within must be a unit of the edition.
        """
        with pytest.raises(UnknownUnitError):
            TABLE.registry(edition="2025-07", within="058")

    def test_a_users_hamlets_and_organisations_are_added(self) -> None:
        """
        The user's hamlets go under the edition's communes; organisations come along.
        """
        registry = TABLE.registry(
            edition="2025-01", within="058", units=[HAMLET], organisations=[SCHOOL]
        )
        assert (DUC_XUAN, (SCHOOL,)) == (registry.parent("01840-T01"), registry.organisations)

    def test_a_hamlet_outside_the_units_kept_is_refused(self) -> None:
        """
        A hamlet under a commune left out by within does not fit.
        """
        hamlet = attrs.evolve(HAMLET, code="02038-T01", parent_code="02038")
        with pytest.raises(RegistryError) as info:
            TABLE.registry(edition="2025-01", within="058", units=[hamlet])
        expected = [("units", 6, "02038-T01", "parent_code")]
        assert expected == [(p.section, p.index, p.code, p.field) for p in info.value.problems]


class TestUnknownEditionError:
    """
    The error of a name or day that matches no edition.
    """

    def test_keeps_the_name_and_the_editions_known(self) -> None:
        """
        The error keeps what was looked up and what there is, and says both.
        """
        error = UnknownEditionError("2024-01", ("2025-01", "2025-07"))
        expected = (
            "2024-01",
            ("2025-01", "2025-07"),
            "'2024-01': no edition of the official units; known: 2025-01, 2025-07",
        )
        assert expected == (error.name, error.known, str(error))

    def test_is_a_lookup_error_and_an_antq_error(self) -> None:
        """
        ``except LookupError`` and ``except AntqError`` both catch it.
        """
        error = UnknownEditionError("2024-01", ())
        assert (True, True) == (isinstance(error, LookupError), isinstance(error, AntqError))
