"""
Administrative units, organisations, and the registry that holds them.

Levels and kinds follow the code system of administrative units (Quyết định
124/2004/QĐ-TTg; the 2025 list by Quyết định 19/2025/QĐ-TTg). Organisations
(cơ quan, doanh nghiệp, nhà trường) take part in the movement beside the
territorial units and are assessed under Thông tư 124/2021/TT-BCA.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from antq import _validation as v
from antq._enums import LabelledEnum
from antq.errors import RegistryError, RegistryProblem, UnknownUnitError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = [
    "EnterpriseSize",
    "Organisation",
    "OrganisationKind",
    "SchoolLevel",
    "Unit",
    "UnitKind",
    "UnitLevel",
    "UnitRegistry",
]


class UnitLevel(LabelledEnum):
    """
    The level of an administrative unit, from the province down to the hamlet.

    Members compare by rank: ``UnitLevel.PROVINCE.rank < UnitLevel.HAMLET.rank``.
    The district level was abolished on 1 July 2025.
    """

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    HAMLET = "hamlet"

    __labels__ = {
        "province": "cấp tỉnh",
        "district": "cấp huyện",
        "commune": "cấp xã",
        "hamlet": "thôn, tổ dân phố",
    }

    @property
    def rank(self) -> int:
        """
        0 for a province, 1 for a district, 2 for a commune, 3 for a hamlet.
        """
        return _RANKS[self]


_RANKS = {level: rank for rank, level in enumerate(UnitLevel)}


class UnitKind(LabelledEnum):
    """
    The kind of an administrative unit; each kind belongs to one level.
    """

    PROVINCE = "province"
    CENTRALLY_RUN_CITY = "centrally_run_city"
    RURAL_DISTRICT = "rural_district"
    URBAN_DISTRICT = "urban_district"
    DISTRICT_TOWN = "district_town"
    PROVINCIAL_CITY = "provincial_city"
    MUNICIPAL_CITY = "municipal_city"
    COMMUNE = "commune"
    WARD = "ward"
    TOWNSHIP = "township"
    SPECIAL_ZONE = "special_zone"
    VILLAGE = "village"
    RESIDENTIAL_GROUP = "residential_group"

    __labels__ = {
        "province": "tỉnh",
        "centrally_run_city": "thành phố trực thuộc trung ương",
        "rural_district": "huyện",
        "urban_district": "quận",
        "district_town": "thị xã",
        "provincial_city": "thành phố thuộc tỉnh",
        "municipal_city": "thành phố thuộc thành phố trực thuộc trung ương",
        "commune": "xã",
        "ward": "phường",
        "township": "thị trấn",
        "special_zone": "đặc khu",
        "village": "thôn",
        "residential_group": "tổ dân phố",
    }

    @property
    def level(self) -> UnitLevel:
        """
        The level every unit of this kind sits at.
        """
        return _KIND_LEVELS[self]


_KIND_LEVELS = {
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

#: The number of digits of an official code at each level (Quyết định 124/2004/QĐ-TTg).
_CODE_DIGITS = {UnitLevel.PROVINCE: 2, UnitLevel.DISTRICT: 3, UnitLevel.COMMUNE: 5}
_DIGITS = re.compile(r"[0-9]+")

#: The levels a unit's parent may sit at. Communes sit under a district before
#: 1 July 2025 and directly under a province after.
_PARENT_LEVELS: Mapping[UnitLevel, frozenset[UnitLevel]] = {
    UnitLevel.PROVINCE: frozenset(),
    UnitLevel.DISTRICT: frozenset({UnitLevel.PROVINCE}),
    UnitLevel.COMMUNE: frozenset({UnitLevel.DISTRICT, UnitLevel.PROVINCE}),
    UnitLevel.HAMLET: frozenset({UnitLevel.COMMUNE}),
}


def _level_of(unit: Unit) -> UnitLevel | None:
    """
    Return the unit's level, or ``None`` while its kind is not valid.

    Field validators run in field order: the code's runs before the kind's, which
    names a bad kind itself.
    """
    kind: object = unit.kind
    return kind.level if isinstance(kind, UnitKind) else None


def _unit_code(instance: Unit, attribute: attrs.Attribute[Any], value: object) -> None:
    v.local_id(instance, attribute, value)
    level = _level_of(instance)
    digits = _CODE_DIGITS.get(level) if level is not None else None
    if digits is not None and (len(str(value)) != digits or not _DIGITS.fullmatch(str(value))):
        v.refuse(
            instance, attribute, value, f"a {instance.kind.level.value} code is {digits} digits"
        )


def _unit_parent(instance: Unit, attribute: attrs.Attribute[Any], value: object) -> None:
    v.optional_local_id(instance, attribute, value)
    level = _level_of(instance)
    if level is UnitLevel.PROVINCE and value is not None:
        v.refuse(instance, attribute, value, "a province has no parent unit")
    elif level not in {None, UnitLevel.PROVINCE} and value is None:
        v.refuse(instance, attribute, value, f"a {instance.kind.level.value} needs a parent unit")


def _unit_local_kind(instance: Unit, attribute: attrs.Attribute[Any], value: object) -> None:
    v.optional_text(instance, attribute, value)
    level = _level_of(instance)
    if value is not None and level not in {None, UnitLevel.HAMLET}:
        v.refuse(instance, attribute, value, "only a hamlet has a local kind word (bản, ấp ...)")


@attrs.frozen
class Unit:
    """
    An administrative unit: a province, district, commune or hamlet.

    Official units carry their official code (2 digits for a province, 3 for a
    district, 5 for a commune; Quyết định 124/2004/QĐ-TTg). Hamlets have no national
    code: they carry a local identifier such as ``01840-T05``. A unit's parent is
    stored, never derived from the digits of its code.

    Args:
        code: The official code, or a local identifier for a hamlet.
        name: The name as written officially (for example ``"Xuất Hóa"``).
        kind: The kind of unit; it decides the level.
        parent_code: The code of the unit above; ``None`` for a province only.
        valid_from: The first day the unit exists, if known.
        valid_to: The last day the unit exists, if it has been closed.
        local_kind: For a hamlet, the local word for it (bản, ấp, khối phố ...).

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    code: str = attrs.field(validator=_unit_code)
    name: str = attrs.field(validator=v.text)
    kind: UnitKind = attrs.field(validator=v.member_of(UnitKind))
    parent_code: str | None = attrs.field(default=None, validator=_unit_parent, kw_only=True)
    valid_from: dt.date | None = attrs.field(default=None, validator=v.optional_date, kw_only=True)
    valid_to: dt.date | None = attrs.field(
        default=None,
        validator=[
            v.optional_date,
            v.not_before("valid_from", rule="a unit cannot close before it opens"),
        ],
        kw_only=True,
    )
    local_kind: str | None = attrs.field(default=None, validator=_unit_local_kind, kw_only=True)

    @property
    def level(self) -> UnitLevel:
        """
        The level of the unit, decided by its kind.
        """
        return self.kind.level

    def exists_on(self, day: dt.date) -> bool:
        """
        Tell whether the unit exists on *day* (its validity dates are inclusive).
        """
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class OrganisationKind(LabelledEnum):
    """
    The kinds of organisation assessed beside territorial units (Thông tư 124/2021/TT-BCA).
    """

    AGENCY = "agency"
    ENTERPRISE = "enterprise"
    SCHOOL = "school"

    __labels__ = {
        "agency": "cơ quan",
        "enterprise": "doanh nghiệp",
        "school": "cơ sở giáo dục",
    }


class EnterpriseSize(LabelledEnum):
    """
    The size class of an enterprise; small and micro enterprises cannot be recognised.
    """

    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"

    __labels__ = {
        "micro": "doanh nghiệp siêu nhỏ",
        "small": "doanh nghiệp nhỏ",
        "medium": "doanh nghiệp vừa",
        "large": "doanh nghiệp lớn",
    }


class SchoolLevel(LabelledEnum):
    """
    The level of a school; nurseries, kindergartens and primary schools cannot be recognised.
    """

    NURSERY = "nursery"
    KINDERGARTEN = "kindergarten"
    PRIMARY = "primary"
    LOWER_SECONDARY = "lower_secondary"
    UPPER_SECONDARY = "upper_secondary"
    VOCATIONAL = "vocational"
    HIGHER_EDUCATION = "higher_education"
    OTHER = "other"

    __labels__ = {
        "nursery": "nhà trẻ",
        "kindergarten": "mẫu giáo, mầm non",
        "primary": "tiểu học",
        "lower_secondary": "trung học cơ sở",
        "upper_secondary": "trung học phổ thông",
        "vocational": "giáo dục nghề nghiệp",
        "higher_education": "giáo dục đại học",
        "other": "cơ sở giáo dục khác",
    }


def _only_for(
    kind: OrganisationKind, what: str
) -> Callable[[Organisation, attrs.Attribute[Any], object], None]:
    def check(instance: Organisation, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and instance.kind is not kind:
            v.refuse(instance, attribute, value, f"only {what} has this field")

    return check


@attrs.frozen
class Organisation:
    """
    An agency, enterprise or school that takes part in the movement.

    Each sits in a territorial unit. The facts that decide whether it can be
    recognised as "safe on security and order" are kept (Thông tư 124/2021/TT-BCA
    Điều 2: armed-forces units, small and micro enterprises, nurseries,
    kindergartens and primary schools are not assessed).

    Args:
        code: A local identifier.
        name: The organisation's name.
        kind: Agency, enterprise or school.
        unit_code: The code of the territorial unit where it sits.
        enterprise_size: For an enterprise, its size class, if known.
        school_level: For a school, its level, if known.
        armed_forces: For an agency, whether it is a unit of the armed forces.
        valid_from: The first day it takes part, if known.
        valid_to: The last day it takes part, if it has stopped.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    code: str = attrs.field(validator=v.local_id)
    name: str = attrs.field(validator=v.text)
    kind: OrganisationKind = attrs.field(validator=v.member_of(OrganisationKind))
    unit_code: str = attrs.field(validator=v.local_id, kw_only=True)
    enterprise_size: EnterpriseSize | None = attrs.field(
        default=None,
        validator=[
            v.member_of(EnterpriseSize, optional=True),
            _only_for(OrganisationKind.ENTERPRISE, "an enterprise"),
        ],
        kw_only=True,
    )
    school_level: SchoolLevel | None = attrs.field(
        default=None,
        validator=[
            v.member_of(SchoolLevel, optional=True),
            _only_for(OrganisationKind.SCHOOL, "a school"),
        ],
        kw_only=True,
    )
    armed_forces: bool = attrs.field(default=False, validator=v.flag, kw_only=True)
    valid_from: dt.date | None = attrs.field(default=None, validator=v.optional_date, kw_only=True)
    valid_to: dt.date | None = attrs.field(
        default=None,
        validator=[
            v.optional_date,
            v.not_before("valid_from", rule="an organisation cannot close before it opens"),
        ],
        kw_only=True,
    )

    @armed_forces.validator
    def _armed_forces_are_agencies(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value and self.kind is not OrganisationKind.AGENCY:
            v.refuse(self, attribute, value, "only an agency can be an armed-forces unit")

    def exists_on(self, day: dt.date) -> bool:
        """
        Tell whether the organisation takes part on *day* (validity dates are inclusive).
        """
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


def _units(units: Iterable[Unit]) -> tuple[Unit, ...]:
    return v.as_tuple(units, owner="UnitRegistry", field="units")


def _organisations(organisations: Iterable[Organisation]) -> tuple[Organisation, ...]:
    return v.as_tuple(organisations, owner="UnitRegistry", field="organisations")


@attrs.frozen(eq=False)
class UnitRegistry:
    """
    An immutable set of units and organisations, with look-ups along the hierarchy.

    The registry refuses duplicate codes (a unit and an organisation may not share one
    either), parents that are not in it, parents at the wrong level, and cycles, listing
    every problem at once. Look-ups take an optional ``as_of`` date: a unit that does
    not exist on that date is not found.

    Args:
        units: The administrative units, in any order.
        organisations: The agencies, enterprises and schools.

    Raises:
        antq.errors.RegistryError: When the units cannot form a hierarchy.
    """

    units: tuple[Unit, ...] = attrs.field(converter=_units, validator=v.tuple_of(Unit))
    organisations: tuple[Organisation, ...] = attrs.field(
        default=(), converter=_organisations, validator=v.tuple_of(Organisation), kw_only=True
    )
    _by_code: Mapping[str, Unit] = attrs.field(init=False, repr=False)
    _organisations_by_code: Mapping[str, Organisation] = attrs.field(init=False, repr=False)
    _children: Mapping[str, tuple[Unit, ...]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """
        Index the units and check the hierarchy, collecting every problem.
        """
        by_code, problems = _index_units(self.units)
        organisations, organisation_problems = _index_organisations(self.organisations, by_code)
        problems.extend(organisation_problems)
        children: dict[str, list[Unit]] = {}
        for unit in by_code.values():
            if unit.parent_code is not None:
                children.setdefault(unit.parent_code, []).append(unit)
        if problems:
            raise RegistryError(problems)
        object.__setattr__(self, "_by_code", MappingProxyType(by_code))
        object.__setattr__(self, "_organisations_by_code", MappingProxyType(organisations))
        object.__setattr__(
            self,
            "_children",
            MappingProxyType({code: tuple(units) for code, units in children.items()}),
        )

    def __reduce__(self) -> tuple[Callable[..., UnitRegistry], tuple[object, ...]]:
        """
        Pickle the units and organisations; unpickling builds the registry again.

        A registry travels to the workers of a distributed engine (Spark's broadcast
        uses :mod:`pickle`), and its indexes are rebuilt there.
        """
        return _rebuilt_registry, (self.units, self.organisations)

    def __eq__(self, other: object) -> bool:
        """
        Two registries are equal when they hold the same units and organisations, in order.

        Order matters as it does for tuples: a registry keeps the order it was given,
        which is the order look-ups such as :meth:`children` return.
        """
        if not isinstance(other, UnitRegistry):
            return NotImplemented
        return (self.units, self.organisations) == (other.units, other.organisations)

    def __hash__(self) -> int:
        """
        Hash the units and organisations.
        """
        return hash((self.units, self.organisations))

    def __len__(self) -> int:
        """
        The number of units (organisations not counted).
        """
        return len(self.units)

    def __contains__(self, code: object) -> bool:
        """
        Tell whether *code* names a unit or an organisation of the registry.
        """
        return isinstance(code, str) and (
            code in self._by_code or code in self._organisations_by_code
        )

    def has_unit(self, code: str) -> bool:
        """
        Tell whether *code* names a unit of the registry (not an organisation).
        """
        return code in self._by_code

    def has_organisation(self, code: str) -> bool:
        """
        Tell whether *code* names an organisation of the registry.
        """
        return code in self._organisations_by_code

    def __iter__(self) -> Iterator[Unit]:
        """
        Iterate over the units in the order given.
        """
        return iter(self.units)

    def get(self, code: str, *, as_of: dt.date | None = None) -> Unit:
        """
        Return the unit with *code*.

        Args:
            code: The unit's code.
            as_of: If given, the unit must exist on that date.

        Raises:
            antq.errors.UnknownUnitError: When there is no such unit (on that date).
        """
        unit = self._by_code.get(code)
        if unit is None:
            raise UnknownUnitError(code, "no unit has this code")
        if as_of is not None and not unit.exists_on(as_of):
            raise UnknownUnitError(code, f"the unit does not exist on {as_of.isoformat()}")
        return unit

    def organisation(self, code: str, *, as_of: dt.date | None = None) -> Organisation:
        """
        Return the organisation with *code*.

        Args:
            code: The organisation's code.
            as_of: If given, the organisation must take part on that date.

        Raises:
            antq.errors.UnknownUnitError: When there is no such organisation (on that date).
        """
        organisation = self._organisations_by_code.get(code)
        if organisation is None:
            raise UnknownUnitError(code, "no organisation has this code")
        if as_of is not None and not organisation.exists_on(as_of):
            msg = f"the organisation does not take part on {as_of.isoformat()}"
            raise UnknownUnitError(code, msg)
        return organisation

    def children(self, code: str, *, as_of: dt.date | None = None) -> tuple[Unit, ...]:
        """
        Return the units directly under *code*, in the order given.

        Raises:
            antq.errors.UnknownUnitError: When *code* names no unit (on that date).
        """
        self.get(code, as_of=as_of)
        return tuple(
            unit for unit in self._children.get(code, ()) if as_of is None or unit.exists_on(as_of)
        )

    def parent(self, code: str, *, as_of: dt.date | None = None) -> Unit | None:
        """
        Return the unit directly above *code*, or ``None`` for a province.

        Raises:
            antq.errors.UnknownUnitError: When *code* or its parent is unknown on that date.
        """
        unit = self.get(code, as_of=as_of)
        if unit.parent_code is None:
            return None
        return self.get(unit.parent_code, as_of=as_of)

    def ancestors(self, code: str, *, as_of: dt.date | None = None) -> tuple[Unit, ...]:
        """
        Return the units above *code*, nearest first, up to the province.

        Raises:
            antq.errors.UnknownUnitError: When a unit on the way is unknown on that date.
        """
        found: list[Unit] = []
        parent = self.parent(code, as_of=as_of)
        while parent is not None:
            found.append(parent)
            parent = self.parent(parent.code, as_of=as_of)
        return tuple(found)

    def descendants(
        self,
        code: str,
        *,
        level: UnitLevel | None = None,
        as_of: dt.date | None = None,
    ) -> tuple[Unit, ...]:
        """
        Return the units below *code*, depth first, optionally only those at *level*.

        Raises:
            antq.errors.UnknownUnitError: When *code* names no unit (on that date).
        """
        found: list[Unit] = []
        stack = list(reversed(self.children(code, as_of=as_of)))
        while stack:
            unit = stack.pop()
            if level is None or unit.level is level:
                found.append(unit)
            stack.extend(reversed(self.children(unit.code, as_of=as_of)))
        return tuple(found)

    def at_level(self, level: UnitLevel, *, as_of: dt.date | None = None) -> tuple[Unit, ...]:
        """
        Return every unit at *level*, in the order given.
        """
        return tuple(
            unit
            for unit in self.units
            if unit.level is level and (as_of is None or unit.exists_on(as_of))
        )

    def organisations_in(
        self, code: str, *, as_of: dt.date | None = None
    ) -> tuple[Organisation, ...]:
        """
        Return the organisations that sit in *code* or in any unit below it.

        Raises:
            antq.errors.UnknownUnitError: When *code* names no unit (on that date).
        """
        codes = {code} | {unit.code for unit in self.descendants(code, as_of=as_of)}
        return tuple(
            organisation
            for organisation in self.organisations
            if organisation.unit_code in codes and (as_of is None or organisation.exists_on(as_of))
        )

    def as_of(self, day: dt.date) -> UnitRegistry:
        """
        Return the registry of the units and organisations that exist on *day*.

        Raises:
            antq.errors.RegistryError: When a unit that exists on *day* has a parent
                that does not, or an organisation that takes part on *day* sits in a
                unit that does not exist then.
        """
        return UnitRegistry(
            tuple(unit for unit in self.units if unit.exists_on(day)),
            organisations=tuple(o for o in self.organisations if o.exists_on(day)),
        )


def _index_units(units: tuple[Unit, ...]) -> tuple[dict[str, Unit], list[RegistryProblem]]:
    """
    Index the units by code and list what is wrong with codes and parent links.
    """
    by_code: dict[str, Unit] = {}
    first_index: dict[str, int] = {}
    for index, unit in enumerate(units):
        by_code.setdefault(unit.code, unit)
        first_index.setdefault(unit.code, index)
    problems: list[RegistryProblem] = []
    for index, unit in enumerate(units):
        if first_index[unit.code] != index:
            duplicate = "duplicate unit code"
            problems.append(RegistryProblem("units", index, unit.code, "code", duplicate))
            continue
        reason = _parent_problem(unit, by_code)
        if reason is not None:
            problems.append(RegistryProblem("units", index, unit.code, "parent_code", reason))
    return by_code, problems


def _index_organisations(
    organisations: tuple[Organisation, ...], units: Mapping[str, Unit]
) -> tuple[dict[str, Organisation], list[RegistryProblem]]:
    """
    Index the organisations by code and list what is wrong with codes and units.
    """
    problems: list[RegistryProblem] = []
    by_code: dict[str, Organisation] = {}
    for index, organisation in enumerate(organisations):
        code = organisation.code
        if code in by_code or code in units:
            problems.append(RegistryProblem("organisations", index, code, "code", "duplicate code"))
        else:
            by_code[code] = organisation
        if organisation.unit_code not in units:
            reason = f"unknown unit {organisation.unit_code!r}"
            problems.append(RegistryProblem("organisations", index, code, "unit_code", reason))
    return by_code, problems


def _parent_problem(unit: Unit, by_code: Mapping[str, Unit]) -> str | None:
    """
    Return what is wrong with the link from *unit* to its parent, if anything.
    """
    if unit.parent_code is None:
        return None
    parent = by_code.get(unit.parent_code)
    if parent is None:
        return f"unknown parent unit {unit.parent_code!r}"
    if _in_cycle(unit, by_code):
        return "the chain of parent units comes back to this unit (a cycle)"
    allowed = _PARENT_LEVELS[unit.level]
    if parent.level not in allowed:
        expected = " or ".join(sorted(level.value for level in allowed))
        return (
            f"a {unit.level.value} sits under a {expected}, "
            f"not under the {parent.level.value} {parent.code!r}"
        )
    return None


def _in_cycle(unit: Unit, by_code: Mapping[str, Unit]) -> bool:
    seen = {unit.code}
    parent_code = unit.parent_code
    while parent_code is not None and parent_code in by_code:
        if parent_code in seen:
            return parent_code == unit.code
        seen.add(parent_code)
        parent_code = by_code[parent_code].parent_code
    return False


def _rebuilt_registry(
    units: tuple[Unit, ...], organisations: tuple[Organisation, ...]
) -> UnitRegistry:
    return UnitRegistry(units, organisations=organisations)
