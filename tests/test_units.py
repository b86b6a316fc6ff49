"""
Tests for antq.units: levels, kinds, units, organisations and the registry.
"""

from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import attrs
import pytest

from antq import (
    EnterpriseSize,
    InvalidValueError,
    Organisation,
    OrganisationKind,
    RegistryError,
    RegistryProblem,
    SchoolLevel,
    Unit,
    UnitKind,
    UnitLevel,
    UnitRegistry,
    UnknownUnitError,
)

BEFORE = dt.date(2019, 6, 1)
AFTER = dt.date(2022, 1, 1)
UTC_NOON = dt.datetime(2017, 3, 1, 12, tzinfo=dt.UTC)

PROVINCE = Unit("06", "Bắc Kạn", UnitKind.PROVINCE)
CITY = Unit("058", "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code="06")
DUC_XUAN = Unit("01840", "Đức Xuân", UnitKind.WARD, parent_code="058")
MINH_KHAI = Unit("01834", "Nguyễn Thị Minh Khai", UnitKind.WARD, parent_code="058")
DUONG_QUANG = Unit("01849", "Dương Quang", UnitKind.COMMUNE, parent_code="058")
GROUP_5 = Unit(
    "01840-T05", "Tổ 5", UnitKind.RESIDENTIAL_GROUP, parent_code="01840", local_kind="tổ"
)
GROUP_6 = Unit(
    "01840-T06",
    "Tổ 6",
    UnitKind.RESIDENTIAL_GROUP,
    parent_code="01840",
    valid_from=dt.date(2020, 1, 1),
)
VILLAGE = Unit(
    "01849-B01",
    "Bản Nà Pục",
    UnitKind.VILLAGE,
    parent_code="01849",
    local_kind="bản",
    valid_to=dt.date(2019, 12, 31),
)
UNITS = (PROVINCE, CITY, DUC_XUAN, GROUP_5, GROUP_6, MINH_KHAI, DUONG_QUANG, VILLAGE)

SCHOOL = Organisation(
    "THPT-BK",
    "Trường THPT Bắc Kạn",
    OrganisationKind.SCHOOL,
    unit_code="01840",
    school_level=SchoolLevel.UPPER_SECONDARY,
)
ENTERPRISE = Organisation(
    "DN-01",
    "Công ty Cổ phần Khoáng sản",
    OrganisationKind.ENTERPRISE,
    unit_code="01849",
    enterprise_size=EnterpriseSize.MEDIUM,
    valid_from=dt.date(2021, 1, 1),
)
AGENCY = Organisation(
    "CQ-01",
    "Ban Chỉ huy Quân sự thành phố",
    OrganisationKind.AGENCY,
    unit_code="058",
    armed_forces=True,
    valid_to=dt.date(2018, 12, 31),
)
ORGANISATIONS = (SCHOOL, ENTERPRISE, AGENCY)

REGISTRY = UnitRegistry(UNITS, organisations=ORGANISATIONS)


def problems_of(
    units: list[Unit], organisations: list[Organisation] | None = None
) -> tuple[RegistryProblem, ...]:
    """
    Return the problems listed by the registry error these records raise.
    """
    with pytest.raises(RegistryError) as info:
        UnitRegistry(units, organisations=organisations or [])
    return info.value.problems


class TestUnitLevel:
    """
    Levels of administrative units.
    """

    @pytest.mark.parametrize(
        ("level", "rank"),
        [
            (UnitLevel.PROVINCE, 0),
            (UnitLevel.DISTRICT, 1),
            (UnitLevel.COMMUNE, 2),
            (UnitLevel.HAMLET, 3),
        ],
        ids=["province", "district", "commune", "hamlet"],
    )
    def test_rank_counts_down_from_the_province(self, level: UnitLevel, rank: int) -> None:
        """
        A province ranks 0, a district 1, a commune 2, a hamlet 3.
        """
        assert rank == level.rank

    def test_sorting_by_rank_runs_from_province_to_hamlet(self) -> None:
        """
        Sorting levels by rank puts the province first and the hamlet last.
        """
        expected = [UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE, UnitLevel.HAMLET]
        assert expected == sorted(
            [UnitLevel.HAMLET, UnitLevel.PROVINCE, UnitLevel.COMMUNE, UnitLevel.DISTRICT],
            key=lambda level: level.rank,
        )


KIND_LEVELS = {
    UnitKind.PROVINCE: UnitLevel.PROVINCE,
    UnitKind.CENTRALLY_RUN_CITY: UnitLevel.PROVINCE,
    UnitKind.RURAL_DISTRICT: UnitLevel.DISTRICT,
    UnitKind.URBAN_DISTRICT: UnitLevel.DISTRICT,
    UnitKind.DISTRICT_TOWN: UnitLevel.DISTRICT,
    UnitKind.PROVINCIAL_CITY: UnitLevel.DISTRICT,
    UnitKind.MUNICIPAL_CITY: UnitLevel.DISTRICT,
    UnitKind.COMMUNE: UnitLevel.COMMUNE,
    UnitKind.WARD: UnitLevel.COMMUNE,
    UnitKind.TOWNSHIP: UnitLevel.COMMUNE,
    UnitKind.SPECIAL_ZONE: UnitLevel.COMMUNE,
    UnitKind.VILLAGE: UnitLevel.HAMLET,
    UnitKind.RESIDENTIAL_GROUP: UnitLevel.HAMLET,
}


class TestUnitKind:
    """
    Kinds of administrative units and the level each belongs to.
    """

    def test_the_table_below_names_every_kind(self) -> None:
        """
        The expected levels cover every kind, so the next test checks them all.
        """
        assert set(UnitKind) == set(KIND_LEVELS)

    @pytest.mark.parametrize(
        ("kind", "level"),
        list(KIND_LEVELS.items()),
        ids=[kind.value for kind in KIND_LEVELS],
    )
    def test_each_kind_sits_at_its_glossary_level(self, kind: UnitKind, level: UnitLevel) -> None:
        """
        Each kind belongs to the level the glossary gives it.
        """
        assert level == kind.level


INVALID_UNITS: list[tuple[str, dict[str, Any], str, str]] = [
    ("code-not-a-string", {"code": 1840}, "code", "must be a string"),
    ("code-empty", {"code": ""}, "code", "an identifier is 1 to 64"),
    ("commune-code-4-digits", {"code": "1840"}, "code", "a commune code is 5 digits"),
    ("commune-code-6-digits", {"code": "018400"}, "code", "a commune code is 5 digits"),
    ("commune-code-letter", {"code": "0184A"}, "code", "a commune code is 5 digits"),
    (
        "province-code-3-digits",
        {"code": "006", "kind": UnitKind.PROVINCE, "parent_code": None},
        "code",
        "a province code is 2 digits",
    ),
    (
        "district-code-5-digits",
        {"code": "00058", "kind": UnitKind.RURAL_DISTRICT, "parent_code": "06"},
        "code",
        "a district code is 3 digits",
    ),
    (
        "hamlet-id-with-space",
        {"code": "01840 T05", "kind": UnitKind.VILLAGE, "parent_code": "01840"},
        "code",
        "an identifier is 1 to 64",
    ),
    (
        "hamlet-id-not-ascii",
        {"code": "01840-Tổ5", "kind": UnitKind.VILLAGE, "parent_code": "01840"},
        "code",
        "an identifier is 1 to 64",
    ),
    (
        "hamlet-id-65-characters",
        {"code": "T" * 65, "kind": UnitKind.VILLAGE, "parent_code": "01840"},
        "code",
        "an identifier is 1 to 64",
    ),
    (
        "hamlet-id-starts-with-dash",
        {"code": "-T05", "kind": UnitKind.VILLAGE, "parent_code": "01840"},
        "code",
        "starting with a letter or digit",
    ),
    ("name-not-a-string", {"name": 5}, "name", "must be a string"),
    ("name-empty", {"name": ""}, "name", "must not be blank"),
    ("name-blank", {"name": " \t "}, "name", "must not be blank"),
    ("kind-as-text", {"kind": "ward"}, "kind", "must be a member of UnitKind"),
    (
        "province-with-parent",
        {"code": "06", "kind": UnitKind.PROVINCE, "parent_code": "19"},
        "parent_code",
        "a province has no parent unit",
    ),
    (
        "district-without-parent",
        {"code": "058", "kind": UnitKind.PROVINCIAL_CITY, "parent_code": None},
        "parent_code",
        "a district needs a parent unit",
    ),
    ("commune-without-parent", {"parent_code": None}, "parent_code", "a commune needs a parent"),
    (
        "hamlet-without-parent",
        {"code": "01840-T05", "kind": UnitKind.VILLAGE, "parent_code": None},
        "parent_code",
        "a hamlet needs a parent unit",
    ),
    ("parent-code-with-space", {"parent_code": "05 8"}, "parent_code", "an identifier"),
    ("parent-code-not-a-string", {"parent_code": 58}, "parent_code", "must be a string"),
    ("valid-from-datetime", {"valid_from": UTC_NOON}, "valid_from", "must be a date"),
    ("valid-from-text", {"valid_from": "2017-03-01"}, "valid_from", "must be a date"),
    ("valid-to-datetime", {"valid_to": UTC_NOON}, "valid_to", "must be a date"),
    (
        "valid-to-before-valid-from",
        {"valid_from": dt.date(2020, 1, 2), "valid_to": dt.date(2020, 1, 1)},
        "valid_to",
        "a unit cannot close before it opens (valid_from is 2020-01-02)",
    ),
    (
        "local-kind-on-a-commune",
        {"local_kind": "bản"},
        "local_kind",
        "only a hamlet has a local kind word",
    ),
    (
        "local-kind-blank",
        {"code": "01840-T05", "kind": UnitKind.VILLAGE, "local_kind": " "},
        "local_kind",
        "must not be blank",
    ),
    (
        "local-kind-not-a-string",
        {"code": "01840-T05", "kind": UnitKind.VILLAGE, "local_kind": 1},
        "local_kind",
        "must be a string",
    ),
]


class TestUnit:
    """
    One administrative unit.
    """

    @pytest.mark.parametrize(
        ("code", "kind", "parent_code"),
        [
            ("06", UnitKind.PROVINCE, None),
            ("01", UnitKind.CENTRALLY_RUN_CITY, None),
            ("058", UnitKind.PROVINCIAL_CITY, "06"),
            ("01840", UnitKind.WARD, "058"),
            ("01849", UnitKind.COMMUNE, "19"),
            ("01840-T05", UnitKind.RESIDENTIAL_GROUP, "01840"),
            ("01849.ban_1", UnitKind.VILLAGE, "01849"),
            ("T" * 64, UnitKind.VILLAGE, "01849"),
        ],
        ids=[
            "province-2-digits",
            "city-2-digits",
            "district-3-digits",
            "commune-5-digits",
            "commune-under-province",
            "hamlet-local-id",
            "hamlet-dot-underscore",
            "hamlet-64-characters",
        ],
    )
    def test_accepts_the_code_shape_of_each_level(
        self, code: str, kind: UnitKind, parent_code: str | None
    ) -> None:
        """
        Official units take 2, 3 or 5 digits; hamlets take a local identifier.
        """
        assert code == Unit(code, "Tên", kind, parent_code=parent_code).code

    def test_level_follows_the_kind(self) -> None:
        """
        A ward is a unit of the commune level.
        """
        expected = UnitLevel.COMMUNE
        assert expected == DUC_XUAN.level

    def test_optional_fields_default_to_none(self) -> None:
        """
        Without dates or local word, a unit is open-ended and has no local kind.
        """
        expected = (None, None, None)
        assert expected == (DUC_XUAN.valid_from, DUC_XUAN.valid_to, DUC_XUAN.local_kind)

    def test_a_hamlet_keeps_its_local_kind_word(self) -> None:
        """
        A hamlet keeps the local word for it (bản, ấp ...).
        """
        expected = "bản"
        assert expected == VILLAGE.local_kind

    def test_may_close_on_the_day_it_opens(self) -> None:
        """
        A unit that exists for one day only is accepted.
        """
        day = dt.date(2025, 7, 1)
        assert day == attrs.evolve(DUC_XUAN, valid_from=day, valid_to=day).valid_to

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (dt.date(2019, 12, 31), False),
            (dt.date(2020, 1, 1), True),
            (dt.date(2022, 6, 1), True),
            (dt.date(2025, 6, 30), True),
            (dt.date(2025, 7, 1), False),
        ],
        ids=["day-before-opening", "opening-day", "inside", "closing-day", "day-after-closing"],
    )
    def test_exists_on_includes_both_validity_dates(self, day: dt.date, *, expected: bool) -> None:
        """
        A unit exists from its first day to its last day, both included.
        """
        unit = attrs.evolve(DUC_XUAN, valid_from=dt.date(2020, 1, 1), valid_to=dt.date(2025, 6, 30))
        assert expected == unit.exists_on(day)

    def test_exists_on_any_day_without_validity_dates(self) -> None:
        """
        A unit without validity dates exists on every day.
        """
        expected = (True, True)
        assert expected == (DUC_XUAN.exists_on(dt.date(1, 1, 1)), DUC_XUAN.exists_on(AFTER))

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_UNITS],
        ids=[row[0] for row in INVALID_UNITS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A unit refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(DUC_XUAN, **changes)
        assert (field, True) == (info.value.field, rule in str(info.value))

    def test_error_names_class_field_value_and_rule(self) -> None:
        """
        The message names the class, the field, the value and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(DUC_XUAN, code="1840")
        expected = "Unit.code: '1840' is refused: a commune code is 5 digits"
        assert expected == str(info.value)

    def test_is_immutable(self) -> None:
        """
        A unit cannot be changed in place.
        """
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            DUC_XUAN.name = "Khác"  # type: ignore[misc]


INVALID_ORGANISATIONS: list[tuple[str, dict[str, Any], str, str]] = [
    ("code-with-space", {"code": "DN 01"}, "code", "an identifier is 1 to 64"),
    ("code-not-a-string", {"code": 1}, "code", "must be a string"),
    ("name-blank", {"name": "  "}, "name", "must not be blank"),
    ("kind-as-text", {"kind": "enterprise"}, "kind", "member of OrganisationKind"),
    ("unit-code-missing", {"unit_code": None}, "unit_code", "must be a string"),
    ("unit-code-not-ascii", {"unit_code": "xã-1"}, "unit_code", "an identifier"),
    (
        "enterprise-size-as-text",
        {"enterprise_size": "medium"},
        "enterprise_size",
        "member of EnterpriseSize",
    ),
    (
        "enterprise-size-on-a-school",
        {"kind": OrganisationKind.SCHOOL},
        "enterprise_size",
        "only an enterprise has this field",
    ),
    (
        "enterprise-size-on-an-agency",
        {"kind": OrganisationKind.AGENCY},
        "enterprise_size",
        "only an enterprise has this field",
    ),
    (
        "school-level-as-text",
        {"school_level": "primary"},
        "school_level",
        "must be a member of SchoolLevel",
    ),
    (
        "school-level-on-an-enterprise",
        {"school_level": SchoolLevel.PRIMARY},
        "school_level",
        "only a school has this field",
    ),
    (
        "armed-forces-enterprise",
        {"armed_forces": True},
        "armed_forces",
        "only an agency can be an armed-forces unit",
    ),
    (
        "armed-forces-school",
        {"kind": OrganisationKind.SCHOOL, "enterprise_size": None, "armed_forces": True},
        "armed_forces",
        "only an agency can be an armed-forces unit",
    ),
    ("armed-forces-as-int", {"armed_forces": 1}, "armed_forces", "must be true or false"),
    ("armed-forces-none", {"armed_forces": None}, "armed_forces", "must be true or false"),
    ("valid-from-datetime", {"valid_from": UTC_NOON}, "valid_from", "must be a date"),
    ("valid-to-text", {"valid_to": "2030-01-01"}, "valid_to", "must be a date"),
    (
        "valid-to-before-valid-from",
        {"valid_to": dt.date(2020, 12, 31)},
        "valid_to",
        "an organisation cannot close before it opens (valid_from is 2021-01-01)",
    ),
]


class TestOrganisation:
    """
    Agencies, enterprises and schools.
    """

    def test_an_enterprise_keeps_its_size(self) -> None:
        """
        An enterprise records its size class.
        """
        expected = EnterpriseSize.MEDIUM
        assert expected == ENTERPRISE.enterprise_size

    def test_a_school_keeps_its_level(self) -> None:
        """
        A school records its level.
        """
        expected = SchoolLevel.UPPER_SECONDARY
        assert expected == SCHOOL.school_level

    def test_an_agency_may_be_an_armed_forces_unit(self) -> None:
        """
        An agency may be flagged as an armed-forces unit.
        """
        assert AGENCY.armed_forces

    def test_is_not_an_armed_forces_unit_by_default(self) -> None:
        """
        Without the flag, an organisation is not an armed-forces unit.
        """
        expected = (False, None, None)
        assert expected == (
            SCHOOL.armed_forces,
            SCHOOL.enterprise_size,
            SCHOOL.valid_from,
        )

    @pytest.mark.parametrize(
        ("day", "expected"),
        [
            (dt.date(2020, 12, 31), False),
            (dt.date(2021, 1, 1), True),
            (dt.date(2021, 12, 31), True),
            (dt.date(2022, 1, 1), False),
        ],
        ids=["day-before-joining", "joining-day", "last-day", "day-after-leaving"],
    )
    def test_exists_on_includes_both_validity_dates(self, day: dt.date, *, expected: bool) -> None:
        """
        An organisation takes part from its first day to its last day, both included.
        """
        organisation = attrs.evolve(ENTERPRISE, valid_to=dt.date(2021, 12, 31))
        assert expected == organisation.exists_on(day)

    def test_takes_part_on_any_day_without_validity_dates(self) -> None:
        """
        An organisation without validity dates takes part on every day.
        """
        assert SCHOOL.exists_on(dt.date(1990, 1, 1))

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_ORGANISATIONS],
        ids=[row[0] for row in INVALID_ORGANISATIONS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        An organisation refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(ENTERPRISE, **changes)
        assert (field, True) == (info.value.field, rule in str(info.value))


class TestRegistryLookups:
    """
    Looking units and organisations up in a registry.
    """

    def test_get_returns_the_unit_with_the_code(self) -> None:
        """
        A unit is found by its code.
        """
        expected = DUC_XUAN
        assert expected == REGISTRY.get("01840")

    def test_get_refuses_an_unknown_code(self) -> None:
        """
        An unknown code raises UnknownUnitError naming the code.
        """
        with pytest.raises(UnknownUnitError) as info:
            REGISTRY.get("99999")
        expected = ("99999", "'99999': no unit has this code")
        assert expected == (info.value.code, str(info.value))

    def test_unknown_unit_error_is_a_lookup_error(self) -> None:
        """
        Callers can catch an unknown code as a LookupError.
        """
        with pytest.raises(LookupError):
            REGISTRY.get("99999")

    def test_get_does_not_return_an_organisation(self) -> None:
        """
        An organisation's code names no unit.
        """
        with pytest.raises(UnknownUnitError):
            REGISTRY.get(SCHOOL.code)

    def test_get_as_of_returns_a_unit_that_exists_on_the_date(self) -> None:
        """
        A unit is found on a date inside its validity.
        """
        expected = GROUP_6
        assert expected == REGISTRY.get("01840-T06", as_of=AFTER)

    @pytest.mark.parametrize(
        ("code", "day"),
        [("01840-T06", BEFORE), ("01849-B01", AFTER)],
        ids=["not-yet-open", "already-closed"],
    )
    def test_get_as_of_refuses_a_unit_that_does_not_exist_on_the_date(
        self, code: str, day: dt.date
    ) -> None:
        """
        A unit is not found on a date outside its validity.
        """
        with pytest.raises(UnknownUnitError) as info:
            REGISTRY.get(code, as_of=day)
        assert f"'{code}': the unit does not exist on {day.isoformat()}" == str(info.value)

    def test_organisation_returns_the_organisation_with_the_code(self) -> None:
        """
        An organisation is found by its code.
        """
        expected = SCHOOL
        assert expected == REGISTRY.organisation("THPT-BK")

    def test_organisation_refuses_a_unit_code(self) -> None:
        """
        A unit's code names no organisation.
        """
        with pytest.raises(UnknownUnitError) as info:
            REGISTRY.organisation("01840")
        expected = "'01840': no organisation has this code"
        assert expected == str(info.value)

    def test_organisation_as_of_returns_one_that_takes_part(self) -> None:
        """
        An organisation is found on a date it takes part.
        """
        expected = ENTERPRISE
        assert expected == REGISTRY.organisation("DN-01", as_of=AFTER)

    def test_organisation_as_of_refuses_one_that_does_not_take_part(self) -> None:
        """
        An organisation is not found on a date it does not take part.
        """
        with pytest.raises(UnknownUnitError) as info:
            REGISTRY.organisation("CQ-01", as_of=AFTER)
        expected = "'CQ-01': the organisation does not take part on 2022-01-01"
        assert expected == str(info.value)

    def test_contains_unit_codes(self) -> None:
        """
        ``code in registry`` is true for a unit's code.
        """
        assert "01840-T05" in REGISTRY

    def test_contains_organisation_codes(self) -> None:
        """
        ``code in registry`` is true for an organisation's code.
        """
        assert "DN-01" in REGISTRY

    def test_does_not_contain_what_is_not_a_code(self) -> None:
        """
        ``in`` answers false for a value that is not a string, even an unhashable one.
        """
        assert [] not in REGISTRY

    def test_does_not_contain_unknown_codes(self) -> None:
        """
        ``code in registry`` is false for a code it does not hold.
        """
        assert "99999" not in REGISTRY

    def test_len_counts_units_only(self) -> None:
        """
        The length of a registry is its number of units, organisations not counted.
        """
        assert len(UNITS) == len(REGISTRY)

    def test_iterates_over_units_in_the_order_given(self) -> None:
        """
        Iterating yields the units in the order given.
        """
        assert list(UNITS) == list(REGISTRY)


class TestRegistryHierarchy:
    """
    Walking up and down the hierarchy of a registry.
    """

    def test_children_are_the_units_directly_below_in_order(self) -> None:
        """
        The children of a unit are the units whose parent it is, in the order given.
        """
        expected = (DUC_XUAN, MINH_KHAI, DUONG_QUANG)
        assert expected == REGISTRY.children("058")

    def test_a_hamlet_has_no_children(self) -> None:
        """
        Nothing sits under a hamlet.
        """
        expected = ()
        assert expected == REGISTRY.children("01840-T05")

    def test_children_as_of_leave_out_units_that_do_not_exist(self) -> None:
        """
        On a date, children that do not exist yet are left out.
        """
        expected = (GROUP_5,)
        assert expected == REGISTRY.children("01840", as_of=BEFORE)

    def test_children_refuse_an_unknown_code(self) -> None:
        """
        Asking for the children of an unknown code raises UnknownUnitError.
        """
        with pytest.raises(UnknownUnitError):
            REGISTRY.children("99999")

    def test_parent_is_the_unit_directly_above(self) -> None:
        """
        The parent of a hamlet is its commune.
        """
        expected = DUC_XUAN
        assert expected == REGISTRY.parent("01840-T05")

    def test_a_province_has_no_parent(self) -> None:
        """
        The parent of a province is None.
        """
        assert REGISTRY.parent("06") is None

    def test_parent_refuses_an_unknown_code(self) -> None:
        """
        Asking for the parent of an unknown code raises UnknownUnitError.
        """
        with pytest.raises(UnknownUnitError):
            REGISTRY.parent("99999")

    def test_ancestors_run_from_the_nearest_up_to_the_province(self) -> None:
        """
        The ancestors of a hamlet are its commune, its district and its province.
        """
        expected = (DUC_XUAN, CITY, PROVINCE)
        assert expected == REGISTRY.ancestors("01840-T05")

    def test_a_province_has_no_ancestors(self) -> None:
        """
        Nothing sits above a province.
        """
        expected = ()
        assert expected == REGISTRY.ancestors("06")

    def test_descendants_are_listed_depth_first(self) -> None:
        """
        Every unit below, each followed by its own descendants, in the order given.
        """
        expected = (DUC_XUAN, GROUP_5, GROUP_6, MINH_KHAI, DUONG_QUANG, VILLAGE)
        assert expected == REGISTRY.descendants("058")

    def test_descendants_at_a_level_keep_only_that_level(self) -> None:
        """
        With ``level=``, only the descendants at that level are returned.
        """
        expected = (GROUP_5, GROUP_6, VILLAGE)
        assert expected == REGISTRY.descendants("06", level=UnitLevel.HAMLET)

    def test_descendants_as_of_leave_out_units_that_do_not_exist(self) -> None:
        """
        On a date, descendants that do not exist are left out.
        """
        expected = (GROUP_5, GROUP_6)
        assert expected == REGISTRY.descendants("06", level=UnitLevel.HAMLET, as_of=AFTER)

    def test_a_hamlet_has_no_descendants(self) -> None:
        """
        Nothing sits under a hamlet.
        """
        expected = ()
        assert expected == REGISTRY.descendants("01849-B01")

    def test_descendants_refuse_an_unknown_code(self) -> None:
        """
        Asking for the descendants of an unknown code raises UnknownUnitError.
        """
        with pytest.raises(UnknownUnitError):
            REGISTRY.descendants("99999")

    def test_at_level_returns_every_unit_of_the_level_in_order(self) -> None:
        """
        Every commune-level unit, in the order given.
        """
        expected = (DUC_XUAN, MINH_KHAI, DUONG_QUANG)
        assert expected == REGISTRY.at_level(UnitLevel.COMMUNE)

    def test_at_level_as_of_leaves_out_units_that_do_not_exist(self) -> None:
        """
        On a date, units of the level that do not exist are left out.
        """
        expected = (GROUP_5, VILLAGE)
        assert expected == REGISTRY.at_level(UnitLevel.HAMLET, as_of=BEFORE)

    def test_organisations_in_include_those_in_units_below(self) -> None:
        """
        The organisations in a district include those in its communes.
        """
        expected = ORGANISATIONS
        assert expected == REGISTRY.organisations_in("058")

    def test_organisations_in_leave_out_those_elsewhere(self) -> None:
        """
        The organisations in a commune are only those sitting in it or below it.
        """
        expected = (SCHOOL,)
        assert expected == REGISTRY.organisations_in("01840")

    def test_organisations_in_as_of_leave_out_those_not_taking_part(self) -> None:
        """
        On a date, organisations that do not take part are left out.
        """
        expected = (SCHOOL, ENTERPRISE)
        assert expected == REGISTRY.organisations_in("06", as_of=AFTER)

    def test_organisations_in_refuse_an_unknown_code(self) -> None:
        """
        Asking for the organisations of an unknown code raises UnknownUnitError.
        """
        with pytest.raises(UnknownUnitError):
            REGISTRY.organisations_in("99999")


#: Bắc Kạn city until the district level was abolished on 1 July 2025.
LAST_DAY = dt.date(2025, 6, 30)
FIRST_DAY = dt.date(2025, 7, 1)
CLOSING_PROVINCE = attrs.evolve(PROVINCE, valid_to=LAST_DAY)
CLOSING_CITY = attrs.evolve(CITY, valid_to=LAST_DAY)


class TestRegistryAsOf:
    """
    The registry as it stands on one day.
    """

    def test_keeps_the_units_and_organisations_of_the_day(self) -> None:
        """
        ``as_of(day)`` keeps what exists on that day, in the order given.
        """
        expected = UnitRegistry(
            (PROVINCE, CITY, DUC_XUAN, GROUP_5, MINH_KHAI, DUONG_QUANG, VILLAGE),
            organisations=(SCHOOL,),
        )
        assert expected == REGISTRY.as_of(BEFORE)

    def test_refuses_a_day_when_a_unit_outlives_its_parent(self) -> None:
        """
        A commune that stays open after its district closed has no parent on that day.
        """
        registry = UnitRegistry((CLOSING_PROVINCE, CLOSING_CITY, DUC_XUAN))
        with pytest.raises(RegistryError) as info:
            registry.as_of(FIRST_DAY)
        reason = "unknown parent unit '058'"
        assert (RegistryProblem("units", 0, "01840", "parent_code", reason),) == (
            info.value.problems
        )

    def test_parent_as_of_refuses_a_closed_parent(self) -> None:
        """
        On a day after its district closed, a commune's parent is not found.
        """
        registry = UnitRegistry((CLOSING_PROVINCE, CLOSING_CITY, DUC_XUAN))
        with pytest.raises(UnknownUnitError) as info:
            registry.parent("01840", as_of=FIRST_DAY)
        expected = "058"
        assert expected == info.value.code

    def test_a_commune_may_sit_directly_under_a_province(self) -> None:
        """
        From 1 July 2025 a commune sits directly under its province.
        """
        province = Unit("19", "Thái Nguyên", UnitKind.PROVINCE)
        commune = Unit(
            "01849", "Phong Quang", UnitKind.COMMUNE, parent_code="19", valid_from=FIRST_DAY
        )
        registry = UnitRegistry((province, commune))
        assert province == registry.parent("01849", as_of=FIRST_DAY)


class TestRegistryValue:
    """
    A registry as a value: conversion, types, equality and hashing.
    """

    def test_converts_any_iterables_to_tuples(self) -> None:
        """
        Units and organisations given as a list or a generator are kept as tuples.
        """
        registry = UnitRegistry(list(UNITS), organisations=(o for o in ORGANISATIONS))
        expected = (UNITS, ORGANISATIONS)
        assert expected == (registry.units, registry.organisations)

    @pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
    def test_pickles_with_its_look_ups(self, protocol: int) -> None:
        """
        A pickled registry unpickles equal, and its look-ups work again.
        """
        registry = pickle.loads(pickle.dumps(REGISTRY, protocol=protocol))  # noqa: S301
        expected = (REGISTRY, REGISTRY.children(PROVINCE.code))
        assert expected == (registry, registry.children(PROVINCE.code))

    def test_has_no_organisations_by_default(self) -> None:
        """
        Without organisations, the registry holds none.
        """
        expected = ()
        assert expected == UnitRegistry([PROVINCE]).organisations

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [
            ({"units": [PROVINCE, SCHOOL]}, "units", "item 1 is Organisation, not Unit"),
            ({"units": "06"}, "units", "must be a sequence of records"),
            ({"organisations": [CITY]}, "organisations", "item 0 is Unit, not Organisation"),
        ],
        ids=["organisation-among-units", "text-as-units", "unit-among-organisations"],
    )
    def test_refuses_records_of_the_wrong_type(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        The registry refuses anything but units and organisations, naming the field.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(REGISTRY, **changes)
        assert (field, True) == (info.value.field, rule in str(info.value))

    def test_equal_when_holding_the_same_records(self) -> None:
        """
        Two registries built from the same records are equal.
        """
        expected = REGISTRY
        assert expected == UnitRegistry(list(UNITS), organisations=list(ORGANISATIONS))

    def test_not_equal_when_the_records_differ(self) -> None:
        """
        Registries with different organisations are not equal.
        """
        unlike = UnitRegistry(UNITS)
        assert unlike != REGISTRY

    def test_not_equal_to_other_types(self) -> None:
        """
        A registry is not equal to the tuple of its units.
        """
        assert REGISTRY != UNITS

    def test_equal_registries_hash_alike(self) -> None:
        """
        Equal registries have equal hashes, so they can be set members.
        """
        twin = UnitRegistry(list(UNITS), organisations=list(ORGANISATIONS))
        expected = 1
        assert expected == len({REGISTRY, twin})


class TestRegistryProblems:
    """
    Units and organisations that cannot form a registry.
    """

    def test_refuses_duplicate_unit_codes(self) -> None:
        """
        Two units with one code are refused; the second is named.
        """
        twin = attrs.evolve(DUC_XUAN, name="Đức Xuân 2")
        expected = (RegistryProblem("units", 3, "01840", "code", "duplicate unit code"),)
        assert expected == problems_of([PROVINCE, CITY, DUC_XUAN, twin])

    def test_does_not_check_the_parent_of_a_duplicate(self) -> None:
        """
        A duplicate is reported for its code only, not also for its parent link.
        """
        twin = attrs.evolve(DUC_XUAN, parent_code="999")
        expected = (RegistryProblem("units", 3, "01840", "code", "duplicate unit code"),)
        assert expected == problems_of([PROVINCE, CITY, DUC_XUAN, twin])

    def test_refuses_duplicate_organisation_codes(self) -> None:
        """
        Two organisations with one code are refused; the second is named.
        """
        twin = attrs.evolve(SCHOOL, name="Trường khác")
        expected = (RegistryProblem("organisations", 1, "THPT-BK", "code", "duplicate code"),)
        assert expected == problems_of(list(UNITS), [SCHOOL, twin])

    def test_refuses_an_organisation_code_that_is_a_unit_code(self) -> None:
        """
        An organisation may not share its code with a unit.
        """
        clash = attrs.evolve(SCHOOL, code="01840")
        expected = (RegistryProblem("organisations", 0, "01840", "code", "duplicate code"),)
        assert expected == problems_of(list(UNITS), [clash])

    def test_refuses_an_unknown_parent(self) -> None:
        """
        A unit whose parent is not in the registry is refused.
        """
        reason = "unknown parent unit '059'"
        orphan = attrs.evolve(DUC_XUAN, parent_code="059")
        expected = (RegistryProblem("units", 1, "01840", "parent_code", reason),)
        assert expected == problems_of([PROVINCE, orphan, GROUP_5])

    def test_refuses_an_organisation_in_an_unknown_unit(self) -> None:
        """
        An organisation sitting in a unit that is not in the registry is refused.
        """
        lost = attrs.evolve(SCHOOL, unit_code="99999")
        reason = "unknown unit '99999'"
        expected = (RegistryProblem("organisations", 0, "THPT-BK", "unit_code", reason),)
        assert expected == problems_of([PROVINCE], [lost])

    @pytest.mark.parametrize(
        ("units", "index", "reason"),
        [
            (
                [PROVINCE, CITY, attrs.evolve(GROUP_5, parent_code="058")],
                2,
                "a hamlet sits under a commune, not under the district '058'",
            ),
            (
                [PROVINCE, attrs.evolve(GROUP_5, parent_code="06")],
                1,
                "a hamlet sits under a commune, not under the province '06'",
            ),
            (
                [
                    PROVINCE,
                    CITY,
                    DUC_XUAN,
                    GROUP_5,
                    attrs.evolve(MINH_KHAI, parent_code=GROUP_5.code),
                ],
                4,
                "a commune sits under a district or province, not under the hamlet '01840-T05'",
            ),
            (
                [
                    PROVINCE,
                    CITY,
                    Unit("059", "Bạch Thông", UnitKind.RURAL_DISTRICT, parent_code="058"),
                ],
                2,
                "a district sits under a province, not under the district '058'",
            ),
            (
                [
                    PROVINCE,
                    CITY,
                    DUC_XUAN,
                    attrs.evolve(GROUP_6, parent_code=GROUP_5.code),
                    GROUP_5,
                ],
                3,
                "a hamlet sits under a commune, not under the hamlet '01840-T05'",
            ),
        ],
        ids=[
            "hamlet-under-district",
            "hamlet-under-province",
            "commune-under-hamlet",
            "district-under-district",
            "hamlet-under-hamlet",
        ],
    )
    def test_refuses_a_parent_at_the_wrong_level(
        self, units: list[Unit], index: int, reason: str
    ) -> None:
        """
        A unit whose parent sits at a level it may not sit under is refused.
        """
        code = units[index].code
        expected = (RegistryProblem("units", index, code, "parent_code", reason),)
        assert expected == problems_of(units)

    def test_refuses_a_unit_that_is_its_own_parent(self) -> None:
        """
        A unit whose parent is itself is a cycle.
        """
        own = attrs.evolve(DUC_XUAN, parent_code="01840")
        reason = "the chain of parent units comes back to this unit (a cycle)"
        expected = (RegistryProblem("units", 1, "01840", "parent_code", reason),)
        assert expected == problems_of([PROVINCE, own])

    def test_refuses_both_units_of_a_two_unit_cycle(self) -> None:
        """
        Two units that are each other's parent are both reported.
        """
        first = attrs.evolve(DUC_XUAN, parent_code="01834")
        second = attrs.evolve(MINH_KHAI, parent_code="01840")
        reason = "the chain of parent units comes back to this unit (a cycle)"
        expected = (
            RegistryProblem("units", 0, "01840", "parent_code", reason),
            RegistryProblem("units", 1, "01834", "parent_code", reason),
        )
        assert expected == problems_of([first, second])

    def test_a_unit_below_a_cycle_is_not_itself_reported(self) -> None:
        """
        Only the units of a cycle are reported, not the units hanging below it.
        """
        first = attrs.evolve(DUC_XUAN, parent_code="01834")
        second = attrs.evolve(MINH_KHAI, parent_code="01840")
        expected = ["01840", "01834"]
        assert expected == [problem.code for problem in problems_of([first, second, GROUP_5])]

    def test_a_unit_below_an_orphan_is_not_itself_reported(self) -> None:
        """
        Only the unit whose parent is unknown is reported, not the units below it.
        """
        orphan = attrs.evolve(CITY, parent_code="07")
        reason = "unknown parent unit '07'"
        expected = (RegistryProblem("units", 0, "058", "parent_code", reason),)
        assert expected == problems_of([orphan, DUC_XUAN, GROUP_5])

    def test_lists_problems_in_the_order_of_the_input(self) -> None:
        """
        A parent problem early in the input comes before a duplicate later on.
        """
        units = [PROVINCE, attrs.evolve(CITY, parent_code="07"), CITY, CITY]
        expected = [(1, "parent_code"), (2, "code"), (3, "code")]
        assert expected == [(p.index, p.field) for p in problems_of(units)]

    def test_lists_every_problem_at_once(self) -> None:
        """
        Every problem is listed: units in input order, then organisations.
        """
        units = [
            PROVINCE,
            CITY,
            DUC_XUAN,
            attrs.evolve(DUC_XUAN, name="Đức Xuân 2"),
            attrs.evolve(GROUP_5, parent_code="058"),
            Unit("01852", "Nông Thượng", UnitKind.COMMUNE, parent_code="059"),
        ]
        organisations = [
            attrs.evolve(AGENCY, code="058"),
            attrs.evolve(ENTERPRISE, unit_code="99999"),
        ]
        expected = (
            RegistryProblem("units", 3, "01840", "code", "duplicate unit code"),
            RegistryProblem(
                "units",
                4,
                "01840-T05",
                "parent_code",
                "a hamlet sits under a commune, not under the district '058'",
            ),
            RegistryProblem("units", 5, "01852", "parent_code", "unknown parent unit '059'"),
            RegistryProblem("organisations", 0, "058", "code", "duplicate code"),
            RegistryProblem("organisations", 1, "DN-01", "unit_code", "unknown unit '99999'"),
        )
        assert expected == problems_of(units, organisations)

    def test_message_lists_every_problem_on_its_own_line(self) -> None:
        """
        The message counts the problems and locates each one.
        """
        twin = attrs.evolve(DUC_XUAN, name="Đức Xuân 2")
        lost = attrs.evolve(SCHOOL, unit_code="99999")
        with pytest.raises(RegistryError) as info:
            UnitRegistry([PROVINCE, CITY, DUC_XUAN, twin], organisations=[lost])
        expected = (
            "2 problem(s) in the unit registry:\n"
            "  units[3].code (01840): duplicate unit code\n"
            "  organisations[0].unit_code (THPT-BK): unknown unit '99999'"
        )
        assert expected == str(info.value)

    def test_registry_error_is_a_value_error(self) -> None:
        """
        Callers can catch a registry error as a ValueError.
        """
        with pytest.raises(ValueError, match="duplicate unit code"):
            UnitRegistry([PROVINCE, PROVINCE])
