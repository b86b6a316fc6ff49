"""
Editions of the official list of administrative units, and the successions between them.

An official unit is identified by an edition and a code together, never by a bare code:
``01843`` was phường Phùng Chí Kiên of Bắc Kạn city in the list of early 2025, and is
phường Bắc Kạn of Thái Nguyên province from 1 July 2025 (Quyết định 124/2004/QĐ-TTg: when
units merge, the new unit keeps the code of the unit where its People's Committee sits).
Editions are named by the month of their list or of their entry into force: ``2025-01``
for the list of early 2025, ``2025-07`` for the units in force from 1 July 2025.

A :class:`Succession` says that an old unit went, wholly or in part, into a new one on a
given day. The mapping can be one-to-many (an old commune split between new ones): it is
kept, never flattened.

This module holds the types and the look-ups; :mod:`antq.official` loads the bundled
table.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from antq import _validation as v
from antq.errors import InvalidValueError, RegistryError, RegistryProblem, UnknownEditionError
from antq.names import fold, tone_key
from antq.units import Organisation, Unit, UnitKind, UnitLevel, UnitRegistry

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["Edition", "Succession", "UnitMatch", "UnitTable"]

_EDITION_NAME = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")


def _edition_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    v.text(instance, attribute, value)
    if not _EDITION_NAME.fullmatch(str(value)):
        v.refuse(instance, attribute, value, "an edition is named by its month, as YYYY-MM")


@attrs.frozen
class Succession:
    """
    An old unit went, wholly or in part, into a new unit on a given day.

    Args:
        from_edition: The edition of the old unit.
        from_code: The old unit's code in that edition.
        to_edition: The edition of the new unit.
        to_code: The new unit's code in that edition.
        effective: The day the change took effect.
        whole: ``True`` when the whole old unit went into this one new unit; ``False``
            when it was split and only a part went here.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    from_edition: str = attrs.field(validator=_edition_name)
    from_code: str = attrs.field(validator=v.local_id)
    to_edition: str = attrs.field(validator=_edition_name)
    to_code: str = attrs.field(validator=v.local_id)
    effective: dt.date = attrs.field(validator=v.date, kw_only=True)
    whole: bool = attrs.field(default=True, validator=v.flag, kw_only=True)

    @to_edition.validator
    def _later(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value == self.from_edition:
            v.refuse(self, attribute, value, "a succession goes from one edition to another")


def _successions(records: Iterable[Succession]) -> tuple[Succession, ...]:
    return v.as_tuple(records, owner="Edition", field="successions")


def _official_units(instance: Edition, attribute: attrs.Attribute[Any], value: object) -> None:
    v.instance_of(UnitRegistry)(instance, attribute, value)
    assert isinstance(value, UnitRegistry)  # noqa: S101 -- checked on the line above
    for unit in value:
        if unit.level is UnitLevel.HAMLET:
            rule = "an edition lists official units only (provinces, districts, communes)"
            v.refuse(instance, attribute, unit.code, rule)
    if value.organisations:
        v.refuse(
            instance, attribute, value.organisations[0].code, "an edition lists no organisations"
        )


@attrs.frozen(repr=False)
class Edition:
    """
    One edition of the official list of administrative units.

    Args:
        name: The month of the list or of its entry into force, as ``YYYY-MM``.
        registry: The provinces, districts and communes of the edition.
        title: What the edition is, in English.
        title_vi: The same in Vietnamese.
        in_force_from: The first day the edition's units are in force; ``None`` when
            it stands for every earlier day (antq has no older list).
        in_force_to: The last day they are in force; ``None`` while they still are.
        source: The legal act or list the edition comes from.
        successions: How the units of earlier editions went into this one.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    name: str = attrs.field(validator=_edition_name)
    registry: UnitRegistry = attrs.field(validator=_official_units)
    title: str = attrs.field(default="", validator=v.instance_of(str), kw_only=True)
    title_vi: str = attrs.field(default="", validator=v.instance_of(str), kw_only=True)
    in_force_from: dt.date | None = attrs.field(
        default=None, validator=v.optional_date, kw_only=True
    )
    in_force_to: dt.date | None = attrs.field(
        default=None,
        validator=[
            v.optional_date,
            v.not_before("in_force_from", rule="an edition cannot end before it starts"),
        ],
        kw_only=True,
    )
    source: str = attrs.field(default="", validator=v.instance_of(str), kw_only=True)
    successions: tuple[Succession, ...] = attrs.field(
        default=(),
        converter=_successions,
        validator=v.tuple_of(Succession),
        kw_only=True,
    )

    @successions.validator
    def _into_this_edition(self, attribute: attrs.Attribute[Any], value: object) -> None:
        for succession in value if isinstance(value, tuple) else ():
            if succession.to_edition != self.name:
                rule = f"a succession of edition {self.name} leads into it"
                v.refuse(self, attribute, succession.to_edition, rule)
            if not self.registry.has_unit(succession.to_code):
                rule = f"a succession leads into a unit of edition {self.name}"
                v.refuse(self, attribute, succession.to_code, rule)

    def __repr__(self) -> str:
        """
        Name the edition only; its units are many.
        """
        return f"Edition({self.name!r})"

    def in_force_on(self, day: dt.date) -> bool:
        """
        Tell whether the edition's units are the units in force on *day*.
        """
        return (self.in_force_from is None or self.in_force_from <= day) and (
            self.in_force_to is None or day <= self.in_force_to
        )

    @property
    def window(self) -> str:
        """
        When the edition is in force, in words (``"in force until 2025-06-30"``).
        """
        start, end = self.in_force_from, self.in_force_to
        if start is not None and end is not None:
            return f"in force from {start.isoformat()} to {end.isoformat()}"
        if start is not None:
            return f"in force from {start.isoformat()}"
        if end is not None:
            return f"in force until {end.isoformat()}"
        return "in force on every day"

    @functools.cached_property
    def _from(self) -> Mapping[tuple[str, str], tuple[Succession, ...]]:
        index: dict[tuple[str, str], list[Succession]] = {}
        for succession in self.successions:
            key = (succession.from_edition, succession.from_code)
            index.setdefault(key, []).append(succession)
        return MappingProxyType({key: tuple(found) for key, found in index.items()})

    @functools.cached_property
    def _into(self) -> Mapping[str, tuple[Succession, ...]]:
        index: dict[str, list[Succession]] = {}
        for succession in self.successions:
            index.setdefault(succession.to_code, []).append(succession)
        return MappingProxyType({key: tuple(found) for key, found in index.items()})

    def successor_codes(self, edition: str, code: str) -> tuple[str, ...]:
        """
        Return the codes of the units of this edition that the unit *code* of *edition* went into.

        Mapping an edition onto itself, each of its units is its own successor; a code
        that names no unit has none.
        """
        if edition == self.name:
            return (code,) if self.registry.has_unit(code) else ()
        return tuple(s.to_code for s in self._from.get((edition, code), ()))

    def predecessors(self, code: str) -> tuple[Succession, ...]:
        """
        Return the units of earlier editions that went, wholly or in part, into *code*.
        """
        return self._into.get(code, ())

    @functools.cached_property
    def _names(self) -> tuple[Mapping[str, tuple[Unit, ...]], Mapping[str, tuple[Unit, ...]]]:
        folded: dict[str, list[Unit]] = {}
        toned: dict[str, list[Unit]] = {}
        for unit in self.registry:
            folded.setdefault(fold(unit.name), []).append(unit)
            toned.setdefault(tone_key(unit.name), []).append(unit)
        return (
            MappingProxyType({key: tuple(units) for key, units in folded.items()}),
            MappingProxyType({key: tuple(units) for key, units in toned.items()}),
        )

    def named(self, name: str) -> tuple[Unit, ...]:
        """
        Return the units called *name*, in the order of the edition.

        A name with diacritics matches whatever its tone-mark placement ("Xuất Hoá"
        finds "Xuất Hóa"); a name without any matches every name with the same letters
        ("xuat hoa"). A leading kind word narrows the search to that kind ("phường
        Xuất Hóa", "xa Duong Quang", "tỉnh Bắc Kạn").
        """
        kinds, bare = _kind_prefix(name)
        folded, toned = self._names
        found = folded.get(fold(bare), ()) if _is_folded(bare) else toned.get(tone_key(bare), ())
        return tuple(unit for unit in found if kinds is None or unit.kind in kinds)


#: The kind words that may open a name, folded, with the kinds each can mean.
_KIND_WORDS: Mapping[str, frozenset[UnitKind]] = MappingProxyType(
    {
        "thanh pho truc thuoc trung uong": frozenset({UnitKind.CENTRALLY_RUN_CITY}),
        "thanh pho": frozenset(
            {UnitKind.CENTRALLY_RUN_CITY, UnitKind.PROVINCIAL_CITY, UnitKind.MUNICIPAL_CITY}
        ),
        "tinh": frozenset({UnitKind.PROVINCE}),
        "huyen": frozenset({UnitKind.RURAL_DISTRICT}),
        "quan": frozenset({UnitKind.URBAN_DISTRICT}),
        "thi xa": frozenset({UnitKind.DISTRICT_TOWN}),
        "thi tran": frozenset({UnitKind.TOWNSHIP}),
        "xa": frozenset({UnitKind.COMMUNE}),
        "phuong": frozenset({UnitKind.WARD}),
        "dac khu": frozenset({UnitKind.SPECIAL_ZONE}),
    }
)


def _kind_prefix(name: str) -> tuple[frozenset[UnitKind] | None, str]:
    """
    Split a leading kind word off *name*: ("phường Xuất Hóa") gives the ward kind.
    """
    words = name.split()
    folded = fold(name).split()
    for phrase in sorted(_KIND_WORDS, key=len, reverse=True):
        size = len(phrase.split())
        if folded[:size] == phrase.split() and len(words) > size:
            return _KIND_WORDS[phrase], " ".join(words[size:])
    return None, name


def _is_folded(name: str) -> bool:
    """
    Tell whether *name* carries no diacritics at all.
    """
    return fold(name) == " ".join(name.casefold().replace("-", " ").split())


@attrs.frozen
class UnitMatch:
    """
    A unit found in an edition, with the units above it.

    Args:
        edition: The name of the edition the unit belongs to.
        unit: The unit.
        ancestors: The units above it, nearest first.
    """

    edition: str
    unit: Unit
    ancestors: tuple[Unit, ...] = ()

    @property
    def address(self) -> str:
        """
        The unit and those above it, in Vietnamese.

        For example "phường Xuất Hóa, thành phố Bắc Kạn, tỉnh Bắc Kạn".
        """
        return ", ".join(
            f"{_SHORT_KINDS.get(u.kind, u.kind.label)} {u.name}"
            for u in (self.unit, *self.ancestors)
        )


#: How an address names a city, whatever its level.
_SHORT_KINDS = {
    UnitKind.CENTRALLY_RUN_CITY: "thành phố",
    UnitKind.PROVINCIAL_CITY: "thành phố",
    UnitKind.MUNICIPAL_CITY: "thành phố",
}


def _editions(records: Iterable[Edition]) -> tuple[Edition, ...]:
    return v.as_tuple(records, owner="UnitTable", field="editions")


@attrs.frozen(repr=False)
class UnitTable:
    """
    Every edition of the official list, oldest first, with the successions between them.

    The table refuses two editions with the same name, editions out of order or in
    force on the same day, and successions from a unit that is not in its edition,
    listing every problem at once.

    Args:
        editions: The editions, oldest first.

    Raises:
        antq.errors.RegistryError: When the editions do not form one history.
    """

    editions: tuple[Edition, ...] = attrs.field(converter=_editions, validator=v.tuple_of(Edition))

    def __attrs_post_init__(self) -> None:
        """
        Check that the editions form one history, collecting every problem.
        """
        problems: list[RegistryProblem] = []
        names: dict[str, Edition] = {}
        for index, edition in enumerate(self.editions):
            if edition.name in names:
                problems.append(
                    RegistryProblem("editions", index, edition.name, "name", "duplicate edition")
                )
            names.setdefault(edition.name, edition)
            if index and not _follows(self.editions[index - 1], edition):
                reason = "an edition comes into force after the one before it ends"
                problems.append(
                    RegistryProblem("editions", index, edition.name, "in_force_from", reason)
                )
        order = {edition.name: index for index, edition in enumerate(self.editions)}
        for edition in self.editions:
            for index, succession in enumerate(edition.successions):
                source = names.get(succession.from_edition)
                if source is not None and order[source.name] >= order[edition.name]:
                    reason = f"edition {source.name} does not come before {edition.name}"
                    problems.append(
                        RegistryProblem(
                            f"successions of {edition.name}",
                            index,
                            succession.from_code,
                            "from_edition",
                            reason,
                        )
                    )
                elif source is None or not source.registry.has_unit(succession.from_code):
                    reason = (
                        f"no unit {succession.from_code!r} in edition {succession.from_edition}"
                    )
                    problems.append(
                        RegistryProblem(
                            f"successions of {edition.name}",
                            index,
                            succession.from_code,
                            "from_code",
                            reason,
                        )
                    )
        if problems:
            raise RegistryError(problems)

    def __repr__(self) -> str:
        """
        Name the editions only.
        """
        return f"UnitTable({', '.join(e.name for e in self.editions)})"

    @property
    def names(self) -> tuple[str, ...]:
        """
        The names of the editions, oldest first.
        """
        return tuple(edition.name for edition in self.editions)

    @property
    def latest(self) -> Edition:
        """
        The newest edition.
        """
        return self.editions[-1]

    def edition(self, name: str) -> Edition:
        """
        Return the edition called *name*.

        Raises:
            antq.errors.UnknownEditionError: When there is none.
        """
        for edition in self.editions:
            if edition.name == name:
                return edition
        raise UnknownEditionError(name, self.names)

    def edition_on(self, day: dt.date) -> Edition:
        """
        Return the edition in force on *day*.

        Raises:
            antq.errors.UnknownEditionError: When no edition is in force that day.
        """
        for edition in self.editions:
            if edition.in_force_on(day):
                return edition
        raise UnknownEditionError(day.isoformat(), self.names)

    def _editions_named(self, edition: str | None) -> tuple[Edition, ...]:
        return self.editions if edition is None else (self.edition(edition),)

    def _match(self, edition: Edition, unit: Unit) -> UnitMatch:
        return UnitMatch(edition.name, unit, edition.registry.ancestors(unit.code))

    def with_code(self, code: str, *, edition: str | None = None) -> tuple[UnitMatch, ...]:
        """
        Return the unit with *code* in each edition (or in *edition* only), oldest first.

        Raises:
            antq.errors.UnknownEditionError: When *edition* names no edition.
        """
        return tuple(
            self._match(e, e.registry.get(code))
            for e in self._editions_named(edition)
            if e.registry.has_unit(code)
        )

    def find(self, name: str, *, edition: str | None = None) -> tuple[UnitMatch, ...]:
        """
        Return the units called *name*, in every edition (or in *edition* only).

        Names match whatever their tone-mark placement, case and Unicode form; a name
        written without diacritics matches names with any; a leading kind word
        ("phường", "xã", "tỉnh" ...) narrows the search to that kind. Hits are given
        edition by edition, oldest first, in the order of each edition's list.

        Raises:
            antq.errors.UnknownEditionError: When *edition* names no edition.
        """
        return tuple(
            self._match(e, unit) for e in self._editions_named(edition) for unit in e.named(name)
        )

    def suggest(
        self, name: str, *, edition: str | None = None, limit: int = 5
    ) -> tuple[UnitMatch, ...]:
        """
        Return the units whose names come closest to *name*, best first.

        Raises:
            antq.errors.UnknownEditionError: When *edition* names no edition.
            antq.errors.InvalidValueError: When *limit* is not a whole number of at least 1.
        """
        if type(limit) is not int or limit < 1:
            rule = "a limit is a whole number of at least 1"
            raise InvalidValueError("UnitTable.suggest", "limit", limit, rule)
        _, bare = _kind_prefix(name)
        editions = self._editions_named(edition)
        names = {fold(unit.name) for e in editions for unit in e.registry}
        close = difflib.get_close_matches(fold(bare), sorted(names), n=limit, cutoff=0.75)
        found: list[UnitMatch] = []
        for key in close:
            found.extend(self.find(key, edition=edition))
        return tuple(found[: max(limit, len(close))])

    def successors(self, code: str, *, edition: str) -> tuple[Succession, ...]:
        """
        Return where the unit *code* of *edition* went in the later editions.

        Raises:
            antq.errors.UnknownEditionError: When *edition* names no edition.
            antq.errors.UnknownUnitError: When the edition has no unit *code*.
        """
        self.edition(edition).registry.get(code)
        return tuple(
            s
            for e in self.editions
            for s in e.successions
            if (s.from_edition, s.from_code) == (edition, code)
        )

    def predecessors(self, code: str, *, edition: str) -> tuple[Succession, ...]:
        """
        Return the units of earlier editions that went into the unit *code* of *edition*.

        Raises:
            antq.errors.UnknownEditionError: When *edition* names no edition.
            antq.errors.UnknownUnitError: When the edition has no unit *code*.
        """
        target = self.edition(edition)
        target.registry.get(code)
        return target.predecessors(code)

    def registry(
        self,
        *,
        edition: str | None = None,
        as_of: dt.date | None = None,
        within: str | None = None,
        units: Iterable[Unit] = (),
        organisations: Iterable[Organisation] = (),
    ) -> UnitRegistry:
        """
        Build a registry from an edition, extended with a user's hamlets and organisations.

        Args:
            edition: The edition's name; by default the one in force on *as_of*, or
                the newest.
            as_of: A day the edition must be in force on.
            within: Keep only this unit, the units above it and the units below it
                (a province's or a district's registry), instead of the whole country.
            units: The user's own units (hamlets), under the edition's communes.
            organisations: The user's agencies, enterprises and schools.

        Raises:
            antq.errors.UnknownEditionError: When *edition* names no edition, or no
                edition is in force on *as_of*.
            antq.errors.InvalidValueError: When *edition* is not in force on *as_of*.
            antq.errors.UnknownUnitError: When *within* names no unit of the edition.
            antq.errors.RegistryError: When the user's units do not fit the edition.
        """
        if edition is not None:
            chosen = self.edition(edition)
            if as_of is not None and not chosen.in_force_on(as_of):
                rule = f"edition {chosen.name} is {chosen.window}"
                raise InvalidValueError("UnitTable.registry", "as_of", as_of, rule)
        elif as_of is not None:
            chosen = self.edition_on(as_of)
        else:
            chosen = self.latest
        official = chosen.registry
        if within is not None:
            top = official.get(within)
            kept = {top.code} | {u.code for u in official.ancestors(within)}
            kept |= {u.code for u in official.descendants(within)}
            chosen_units: tuple[Unit, ...] = tuple(u for u in official if u.code in kept)
        else:
            chosen_units = official.units
        return UnitRegistry((*chosen_units, *units), organisations=organisations)


def _follows(before: Edition, after: Edition) -> bool:
    return (
        before.in_force_to is not None
        and after.in_force_from is not None
        and before.in_force_to < after.in_force_from
    )
