"""
Tests of the bundled table of official units (antq.official).
"""

from __future__ import annotations

import collections
import datetime as dt
from importlib import resources

import pytest

from antq import (
    Edition,
    Succession,
    Unit,
    UnitKind,
    UnitLevel,
    UnitTable,
    UnknownEditionError,
    UnknownUnitError,
    official,
)

JULY_1 = dt.date(2025, 7, 1)
HAMLET = Unit("01840-T01", "Tổ 1", UnitKind.RESIDENTIAL_GROUP, parent_code="01840")


@pytest.fixture(scope="module")
def table() -> UnitTable:
    """
    The bundled table.
    """
    return official.table()


@pytest.fixture(scope="module")
def old() -> Edition:
    """
    The units before 1 July 2025.
    """
    return official.edition("2025-01")


@pytest.fixture(scope="module")
def new() -> Edition:
    """
    The units from 1 July 2025.
    """
    return official.edition("2025-07")


def level_counts(edition: Edition) -> dict[UnitLevel, int]:
    """
    Return how many units of each level the edition lists.
    """
    return dict(collections.Counter(unit.level for unit in edition.registry))


def successions_from(edition: Edition) -> dict[str, list[Succession]]:
    """
    Return the successions of *edition* by the code of the old unit.
    """
    found: dict[str, list[Succession]] = collections.defaultdict(list)
    for succession in edition.successions:
        found[succession.from_code].append(succession)
    return found


class TestTheTable:
    """
    The table: two editions, read once.
    """

    def test_the_table_is_read_once(self) -> None:
        """
        table() returns the same object every time.
        """
        assert official.table() is official.table()

    def test_the_table_holds_two_editions_in_order(self, table: UnitTable) -> None:
        """
        2025-01, then 2025-07, the latest.
        """
        assert (("2025-01", "2025-07"), "2025-07") == (table.names, table.latest.name)

    def test_edition_returns_the_tables_edition(self, table: UnitTable) -> None:
        """
        official.edition(name) is the table's edition of that name.
        """
        assert table.edition("2025-07") is official.edition("2025-07")

    def test_an_unknown_edition_is_refused(self) -> None:
        """
        official.edition() of an unknown name raises UnknownEditionError.
        """
        with pytest.raises(UnknownEditionError, match="known: 2025-01, 2025-07"):
            official.edition("2024-01")

    def test_the_data_file_is_small(self) -> None:
        """
        The compressed data stays under 2 MB.
        """
        data = resources.files("antq").joinpath("data", "official-units.json.gz")
        assert len(data.read_bytes()) < 2_000_000


class TestEditions:
    """
    The units of each edition and the days they are in force.
    """

    def test_2025_01_counts_63_provinces_696_districts_10035_communes(self, old: Edition) -> None:
        """
        The list of early 2025.
        """
        expected = {UnitLevel.PROVINCE: 63, UnitLevel.DISTRICT: 696, UnitLevel.COMMUNE: 10_035}
        assert expected == level_counts(old)

    def test_2025_07_counts_34_provinces_and_3321_communes(self, new: Edition) -> None:
        """
        The list from 1 July 2025: no district level.
        """
        assert {UnitLevel.PROVINCE: 34, UnitLevel.COMMUNE: 3_321} == level_counts(new)

    def test_2025_01_ends_on_30_june_2025(self, old: Edition) -> None:
        """
        The old units are in force on every day until 30 June 2025.
        """
        expected = (None, dt.date(2025, 6, 30), "in force until 2025-06-30")
        assert expected == (old.in_force_from, old.in_force_to, old.window)

    def test_2025_07_starts_on_1_july_2025(self, new: Edition) -> None:
        """
        The new units are in force from 1 July 2025, for good.
        """
        assert (JULY_1, None) == (new.in_force_from, new.in_force_to)

    @pytest.mark.parametrize("name", ["2025-01", "2025-07"])
    def test_each_edition_names_its_source_in_both_languages(self, name: str) -> None:
        """
        Title, Vietnamese title and source are given.
        """
        edition = official.edition(name)
        assert all(text.strip() for text in (edition.title, edition.title_vi, edition.source))

    @pytest.mark.parametrize(
        ("day", "expected"),
        [(dt.date(2016, 1, 1), "2025-01"), (dt.date(2025, 6, 30), "2025-01"), (JULY_1, "2025-07")],
        ids=["2016", "30-june-2025", "1-july-2025"],
    )
    def test_the_edition_in_force_on_a_day(
        self, table: UnitTable, day: dt.date, expected: str
    ) -> None:
        """
        Before 1 July 2025 the old list, from that day the new.
        """
        assert expected == table.edition_on(day).name


class TestBacKan:
    """
    Facts of Bắc Kạn city, the place of the bundled example.
    """

    def test_01843_is_phung_chi_kien_then_bac_kan(self, table: UnitTable) -> None:
        """
        The code 01843 names phường Phùng Chí Kiên in 2025-01, phường Bắc Kạn in 2025-07.
        """
        expected = [
            ("2025-01", "Phùng Chí Kiên", UnitKind.WARD, "058"),
            ("2025-07", "Bắc Kạn", UnitKind.WARD, "19"),
        ]
        found = table.with_code("01843")
        assert expected == [
            (m.edition, m.unit.name, m.unit.kind, m.unit.parent_code) for m in found
        ]

    @pytest.mark.parametrize(
        ("old_codes", "new_code"),
        [
            (["01834", "01840", "01846"], "01840"),
            (["01837", "01843", "01852", "01855"], "01843"),
            (["01849"], "01849"),
            (["06"], "19"),
        ],
        ids=["duc-xuan", "bac-kan", "phong-quang", "province"],
    )
    def test_old_units_went_wholly_into_their_new_unit(
        self, new: Edition, old_codes: list[str], new_code: str
    ) -> None:
        """
        Each old ward or commune of the city, and the province, went wholly into one unit.
        """
        expected = [(code, (new_code,)) for code in old_codes]
        found = [(code, new.successor_codes("2025-01", code)) for code in old_codes]
        wholes = {s.whole for code in old_codes for s in new.successions if s.from_code == code}
        assert (expected, {True}) == (found, wholes)

    def test_the_new_units_take_in_exactly_those(self, new: Edition) -> None:
        """
        Besides the city, in part, only Đôn Phong of Bạch Thông district went into them.
        """
        expected = {
            "01840": ["01834", "01840", "01846", "058"],
            "01843": ["01837", "01843", "01852", "01855", "058"],
            "01849": ["01849", "01984", "058", "063"],
        }
        found = {code: sorted(s.from_code for s in new.predecessors(code)) for code in expected}
        assert expected == found

    def test_the_city_was_split_between_the_three(self, table: UnitTable) -> None:
        """
        Bắc Kạn city (058) went in part into each of the three new units.
        """
        found = table.successors("058", edition="2025-01")
        expected = [("01840", False), ("01843", False), ("01849", False)]
        assert expected == [(s.to_code, s.whole) for s in found]

    @pytest.mark.parametrize("name", ["Xuất Hoá", "xuat hoa", "XUẤT HÓA"])
    def test_xuat_hoa_is_found_however_written(self, table: UnitTable, name: str) -> None:
        """
        "Xuất Hoá" and "xuat hoa" both find phường Xuất Hóa (01855) of 2025-01.
        """
        hits = [(m.edition, m.unit.code) for m in table.find(name)]
        assert ("2025-01", "01855") in hits
        assert [m.address for m in table.find("phường " + name)] == [
            "phường Xuất Hóa, thành phố Bắc Kạn, tỉnh Bắc Kạn"
        ]

    def test_the_same_name_finds_the_same_hits(self, table: UnitTable) -> None:
        """
        A name with another tone placement and the same name without diacritics agree.
        """
        assert table.find("Xuất Hoá") == table.find("xuat hoa")

    def test_a_city_registry_with_a_hamlet(self) -> None:
        """
        The city's registry of 2025-01, with a hamlet, holds the 8 wards and communes too.
        """
        registry = official.registry(edition="2025-01", within="058", units=[HAMLET])
        expected = ({UnitLevel.PROVINCE: 1, UnitLevel.DISTRICT: 1, UnitLevel.COMMUNE: 8}, "01840")
        counts = collections.Counter(unit.level for unit in registry if unit != HAMLET)
        assert expected == (dict(counts), registry.get("01840-T01").parent_code)

    def test_the_registry_defaults_to_the_edition_in_force(self) -> None:
        """
        Without an edition, as_of picks the edition in force; without either, the latest.
        """
        before = official.registry(as_of=dt.date(2025, 6, 30), within="058")
        after = official.registry(within="19")
        assert ("058", "19") == (before.get("058").code, after.get("19").code)

    def test_a_unit_of_the_other_edition_is_not_within_reach(self) -> None:
        """
        The city no longer exists in 2025-07.
        """
        with pytest.raises(UnknownUnitError):
            official.registry(edition="2025-07", within="058")


class TestSuccessions:
    """
    Where every unit of 2025-01 went.
    """

    def test_every_succession_goes_from_2025_01_into_2025_07_on_1_july(self, new: Edition) -> None:
        """
        One set of successions, effective 1 July 2025.
        """
        found = {(s.from_edition, s.to_edition, s.effective) for s in new.successions}
        assert {("2025-01", "2025-07", JULY_1)} == found

    def test_the_old_edition_has_no_successions_into_it(self, old: Edition) -> None:
        """
        There is no older list: nothing leads into 2025-01.
        """
        assert () == old.successions

    def test_every_old_unit_has_a_successor(self, old: Edition, new: Edition) -> None:
        """
        Every province, district and commune of 2025-01 went somewhere.
        """
        assert [] == [
            unit.code for unit in old.registry if not new.successor_codes(old.name, unit.code)
        ]

    def test_every_succession_leads_into_a_unit_of_2025_07(self, new: Edition) -> None:
        """
        Each target is a unit of the new list.
        """
        assert [] == [s for s in new.successions if not new.registry.has_unit(s.to_code)]

    def test_every_succession_starts_from_a_unit_of_2025_01(
        self, old: Edition, new: Edition
    ) -> None:
        """
        Each source is a unit of the old list.
        """
        assert [] == [s for s in new.successions if not old.registry.has_unit(s.from_code)]

    def test_a_split_unit_has_several_successors_none_whole(self, new: Edition) -> None:
        """
        A unit with several successors was split: none of its parts is whole.
        """
        split = {code: found for code, found in successions_from(new).items() if len(found) > 1}
        assert [] == [s for found in split.values() for s in found if s.whole]

    def test_a_unit_with_one_successor_went_wholly(self, new: Edition) -> None:
        """
        A unit with one successor went wholly into it.
        """
        single = [found[0] for found in successions_from(new).values() if len(found) == 1]
        assert [] == [s for s in single if not s.whole]

    def test_some_communes_were_split(self, old: Edition, new: Edition) -> None:
        """
        Hundreds of old communes were split between new ones, 00016 of Hà Nội among them.
        """
        split = [
            code
            for code, found in successions_from(new).items()
            if len(found) > 1 and old.registry.get(code).level is UnitLevel.COMMUNE
        ]
        assert (True, True) == (len(split) > 100, "00016" in split)

    def test_every_new_commune_took_in_an_old_unit(self, new: Edition) -> None:
        """
        No unit of 2025-07 appeared from nothing.
        """
        assert [] == [unit.code for unit in new.registry if not new.predecessors(unit.code)]
