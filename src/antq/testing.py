"""
Hypothesis strategies for antq's objects, for antq's own tests and for downstream projects.

Every strategy builds valid values directly, without filtering: each generated object
constructs without error, and every reference in a generated record resolves in the
registry it was drawn for. Records are dated inside the period they were drawn for, and
they refer only to units and organisations that exist on every day of it.

The module ships with the ``testing`` extra (``pip install "antq[testing]"``). Once
Hypothesis is imported, ``hypothesis.strategies.from_type`` builds antq's objects with
these strategies too (``st.from_type(antq.TipRecord)``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import string
import unicodedata
from collections import abc
from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias, TypeVar

import attrs
import hypothesis.strategies as st
from hypothesis import given, settings
from hypothesis.errors import InvalidArgument

from antq.campaigns import Campaign, CampaignKind, MobilisationSession
from antq.counting import Summary
from antq.counting import summarize as _summarize
from antq.dataset import MovementDataset
from antq.editions import Edition, Succession
from antq.groups import ModelGroup, ModelGroupKind
from antq.periods import Period
from antq.rating import ClassCutoff, RatedKind, RatingClass, ScoreItem, ScoreSheet
from antq.recognition import (
    _AT_MOST,
    CRITERIA,
    FACTS,
    AssessmentFact,
    Comparison,
    Condition,
    CriteriaParameters,
    GapConditions,
    MonthDay,
    NotEligibleError,
    Outcome,
    ProvincialCriterion,
    Recognition,
    Regime,
    Subject,
    check_eligible,
)
from antq.reintegration import ReintegrationCase, ReintegrationCategory
from antq.tallies import DeclaredTally, TallyFigure
from antq.teams import TEAMS_FROM, SecurityTeam
from antq.time_limits import DAYS_TO_DECIDE, EXTENSION_MONTHS
from antq.tips import (
    ExtensionGrantor,
    Informant,
    TipAssessment,
    TipChannel,
    TipDecision,
    TipExtension,
    TipLegalKind,
    TipRecord,
)
from antq.units import (
    EnterpriseSize,
    Organisation,
    OrganisationKind,
    SchoolLevel,
    Unit,
    UnitKind,
    UnitLevel,
    UnitRegistry,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "assessment_facts",
    "campaigns",
    "check_summary_laws",
    "criteria_parameters",
    "datasets",
    "dates",
    "declared_tallies",
    "edition_pairs",
    "editions",
    "informants",
    "local_ids",
    "model_groups",
    "names",
    "organisations",
    "periods",
    "recognitions",
    "reintegration_cases",
    "score_sheet_scores",
    "score_sheets",
    "security_teams",
    "sessions",
    "successions",
    "tip_extensions",
    "tips",
    "units",
    "units_registries",
]

#: The default range of :func:`dates`.
_EARLIEST = dt.date(2010, 1, 1)
_LATEST = dt.date(2030, 12, 31)

# Plain letters first, so that names shrink towards "A".
_VIETNAMESE_LETTERS = "abcdeghiklmnopqrstuvxyăâđêôơư" + "".join(
    unicodedata.normalize("NFC", vowel + tone)
    for vowel in "aăâeêioôơuưy"
    for tone in "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
)
_ID_FIRST = string.digits + string.ascii_letters
_ID_REST = _ID_FIRST + "._-"

_DISTRICT_KINDS = {
    UnitKind.PROVINCE: (
        UnitKind.RURAL_DISTRICT,
        UnitKind.DISTRICT_TOWN,
        UnitKind.PROVINCIAL_CITY,
    ),
    UnitKind.CENTRALLY_RUN_CITY: (
        UnitKind.URBAN_DISTRICT,
        UnitKind.RURAL_DISTRICT,
        UnitKind.DISTRICT_TOWN,
        UnitKind.MUNICIPAL_CITY,
    ),
}
# Townships (thị trấn) existed until 2025, inside districts; special zones (đặc khu)
# from 2025, when communes came directly under the province.
_COMMUNE_KINDS_UNDER_DISTRICTS = (UnitKind.COMMUNE, UnitKind.WARD, UnitKind.TOWNSHIP)
_COMMUNE_KINDS_UNDER_PROVINCE = (UnitKind.COMMUNE, UnitKind.WARD, UnitKind.SPECIAL_ZONE)
_HAMLET_WORDS = {
    UnitKind.VILLAGE: ("thôn", "làng", "ấp", "bản", "buôn", "bon", "phum", "sóc"),
    UnitKind.RESIDENTIAL_GROUP: ("tổ dân phố", "khu phố", "khối phố", "khóm", "tiểu khu"),
}
_HAMLET_ID_PREFIXES = {UnitKind.VILLAGE: "T", UnitKind.RESIDENTIAL_GROUP: "TDP"}
_ORGANISATION_CODE_PREFIXES = {
    OrganisationKind.AGENCY: "CQ",
    OrganisationKind.ENTERPRISE: "DN",
    OrganisationKind.SCHOOL: "TH",
}


_ORGANISER_LEVELS = (UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE)

#: For each count that cannot exceed another of its unit and year, the other (its total).
_TOTALS = dict(_AT_MOST)

_Place: TypeAlias = Unit | Organisation
_T = TypeVar("_T")


# Primitives -----------------------------------------------------------------------------


def local_ids() -> st.SearchStrategy[str]:
    """
    Return a strategy for local identifiers: 1 to 64 ASCII letters, digits, ``.``, ``_``, ``-``.

    Returns:
        A strategy for identifiers that every antq record accepts as its ``id``; they
        shrink towards ``"0"``.
    """
    return _local_ids()


@st.composite
def _local_ids(draw: st.DrawFn) -> str:
    return draw(st.sampled_from(_ID_FIRST)) + draw(st.text(_ID_REST, max_size=63))


def dates(
    *, min_value: dt.date = _EARLIEST, max_value: dt.date = _LATEST
) -> st.SearchStrategy[dt.date]:
    """
    Return a strategy for calendar days between two bounds.

    Args:
        min_value: The earliest day, 1 January 2010 unless given.
        max_value: The latest day, 31 December 2030 unless given.

    Returns:
        A strategy for days from *min_value* to *max_value*, both included.

    Raises:
        hypothesis.errors.InvalidArgument: When a bound is not a :class:`datetime.date`
            (a datetime is refused too), or *max_value* is before *min_value*.
    """
    _check_date("min_value", min_value)
    _check_date("max_value", max_value)
    if max_value < min_value:
        msg = (
            f"dates(): max_value={max_value.isoformat()} is before "
            f"min_value={min_value.isoformat()}"
        )
        raise InvalidArgument(msg)
    return st.dates(min_value=min_value, max_value=max_value)


def periods(*, within: Period | None = None) -> st.SearchStrategy[Period]:
    """
    Return a strategy for periods, optionally inside another.

    Args:
        within: The period every generated period lies in; without it, the default
            range of :func:`dates`.

    Returns:
        A strategy for periods of one day or more.

    Raises:
        hypothesis.errors.InvalidArgument: When *within* is not a period.
    """
    if within is None:
        return _periods(_EARLIEST, _LATEST)
    _check_period("within", within)
    return _periods(within.start, within.end)


@st.composite
def _periods(draw: st.DrawFn, first: dt.date, last: dt.date) -> Period:
    start = draw(st.dates(first, last))
    return Period(start, draw(st.dates(start, last)))


def names() -> st.SearchStrategy[str]:
    """
    Return a strategy for Vietnamese names: one to four capitalised words, never blank.

    The words are written with Vietnamese letters (``đ``, ``ư``, ``ơ`` ...) and tone
    marks, in Unicode normal form NFC.

    Returns:
        A strategy for names such as ``"Xuất Hóa"``; they shrink towards ``"A"``.
    """
    return _NAMES


def informants() -> st.SearchStrategy[Informant]:
    """
    Return a strategy for informants, with or without a contact and an address.

    Returns:
        A strategy for :class:`antq.Informant`.
    """
    return _INFORMANTS


# Built once: strategies are drawn from many times in one dataset.
_NAMES = st.lists(
    st.text(_VIETNAMESE_LETTERS, min_size=1, max_size=7).map(str.capitalize),
    min_size=1,
    max_size=4,
).map(" ".join)
_INFORMANTS = st.builds(
    Informant,
    full_name=_NAMES,
    contact=st.none() | st.text(string.digits, min_size=9, max_size=9).map("0".__add__),
    address=st.none() | st.lists(_NAMES, min_size=1, max_size=3).map(", ".join),
)


# Units and organisations ----------------------------------------------------------------


def units_registries(  # noqa: PLR0913 -- Hypothesis style: every bound is a keyword
    *,
    min_communes: int = 1,
    max_communes: int = 5,
    min_hamlets_per_commune: int = 0,
    max_hamlets_per_commune: int = 4,
    organisations: bool = True,
    during: Period | None = None,
) -> st.SearchStrategy[UnitRegistry]:
    """
    Return a strategy for registries that hold one province and the units under it.

    Communes sit under districts (the shape before 1 July 2025) or directly under the
    province (the shape after); every district has at least one commune when there are
    communes. Codes have the official number of digits (Quyết định 124/2004/QĐ-TTg) and
    are unique by construction; hamlets carry local identifiers such as ``01840-T05``
    and a local kind word (bản, ấp, khối phố ...) or none. Organisations sit in communes
    or hamlets. Units come in any order.

    Args:
        min_communes: The fewest communes.
        max_communes: The most communes.
        min_hamlets_per_commune: The fewest hamlets in each commune.
        max_hamlets_per_commune: The most hamlets in each commune.
        organisations: Whether the registry may hold agencies, enterprises and schools
            (up to five).
        during: Without it, no unit or organisation has validity dates. With it, each
            may have some, drawn so that it exists on every day of *during* and only
            while the unit it sits in exists.

    Returns:
        A strategy for :class:`antq.UnitRegistry`.

    Raises:
        hypothesis.errors.InvalidArgument: When a size is not a non-negative integer, a
            minimum is above its maximum, *organisations* is not a bool, or *during* is
            not a period.
    """
    _check_sizes("min_communes", min_communes, "max_communes", max_communes)
    _check_sizes(
        "min_hamlets_per_commune",
        min_hamlets_per_commune,
        "max_hamlets_per_commune",
        max_hamlets_per_commune,
    )
    _check_bool("organisations", organisations)
    if during is not None:
        _check_period("during", during)
    return _registries(
        communes=(min_communes, max_communes),
        hamlets_per_commune=(min_hamlets_per_commune, max_hamlets_per_commune),
        organisations=(0, 5 if organisations else 0),
        during=during,
    )


def units() -> st.SearchStrategy[Unit]:
    """
    Return a strategy for units of any level, each drawn from a generated registry.

    Returns:
        A strategy for :class:`antq.Unit`.
    """
    return units_registries().flatmap(lambda registry: st.sampled_from(registry.units))


def organisations() -> st.SearchStrategy[Organisation]:
    """
    Return a strategy for agencies, enterprises and schools, each from a generated registry.

    Returns:
        A strategy for :class:`antq.Organisation`.
    """
    registries = _registries(
        communes=(1, 3), hamlets_per_commune=(0, 2), organisations=(1, 5), during=None
    )
    return registries.flatmap(lambda registry: st.sampled_from(registry.organisations))


@st.composite
def _registries(
    draw: st.DrawFn,
    *,
    communes: tuple[int, int],
    hamlets_per_commune: tuple[int, int],
    organisations: tuple[int, int],
    during: Period | None,
) -> UnitRegistry:
    province_kind = draw(st.sampled_from((UnitKind.PROVINCE, UnitKind.CENTRALLY_RUN_CITY)))
    province_number = draw(st.integers(1, 99))
    province = draw(_unit(f"{province_number:02d}", (province_kind,), None, during))
    commune_count = draw(st.integers(*communes))
    commune_numbers = draw(_distinct_numbers(commune_count, 99999))
    found = [province]
    if draw(st.booleans()):
        district_count = draw(st.integers(1, max(1, commune_count)))
        districts = [
            draw(_unit(f"{number:03d}", _DISTRICT_KINDS[province_kind], province, during))
            for number in draw(_distinct_numbers(district_count, 999))
        ]
        found.extend(districts)
        # The first communes go one to each district, so that none is left empty.
        parents = districts[:commune_count] + [
            draw(st.sampled_from(districts)) for _ in range(commune_count - district_count)
        ]
        commune_kinds = _COMMUNE_KINDS_UNDER_DISTRICTS
    else:
        parents = [province] * commune_count
        commune_kinds = _COMMUNE_KINDS_UNDER_PROVINCE
    for number, parent in zip(commune_numbers, parents, strict=True):
        commune = draw(_unit(f"{number:05d}", commune_kinds, parent, during))
        found.append(commune)
        hamlet_count = draw(st.integers(*hamlets_per_commune))
        found.extend(draw(_hamlet(commune, index, during)) for index in range(1, hamlet_count + 1))
    places = [unit for unit in found if unit.level in {UnitLevel.COMMUNE, UnitLevel.HAMLET}]
    organisation_count = draw(st.integers(*organisations)) if places else 0
    bodies = [
        draw(_organisation(index, draw(st.sampled_from(places)), during))
        for index in range(1, organisation_count + 1)
    ]
    return UnitRegistry(draw(st.permutations(found)), organisations=bodies)


def _distinct_numbers(count: int, largest: int) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(1, largest), min_size=count, max_size=count, unique=True)


@st.composite
def _unit(
    draw: st.DrawFn,
    code: str,
    kinds: Sequence[UnitKind],
    parent: Unit | None,
    during: Period | None,
) -> Unit:
    valid_from, valid_to = draw(_validity(parent, during))
    return Unit(
        code,
        draw(names()),
        draw(st.sampled_from(kinds)),
        parent_code=None if parent is None else parent.code,
        valid_from=valid_from,
        valid_to=valid_to,
    )


@st.composite
def _hamlet(draw: st.DrawFn, commune: Unit, index: int, during: Period | None) -> Unit:
    kind = draw(st.sampled_from(tuple(_HAMLET_WORDS)))
    valid_from, valid_to = draw(_validity(commune, during))
    return Unit(
        f"{commune.code}-{_HAMLET_ID_PREFIXES[kind]}{index:02d}",
        draw(names()),
        kind,
        parent_code=commune.code,
        valid_from=valid_from,
        valid_to=valid_to,
        local_kind=draw(st.none() | st.sampled_from(_HAMLET_WORDS[kind])),
    )


@st.composite
def _organisation(draw: st.DrawFn, index: int, unit: Unit, during: Period | None) -> Organisation:
    kind = draw(st.sampled_from(OrganisationKind))
    valid_from, valid_to = draw(_validity(unit, during))
    return Organisation(
        f"{_ORGANISATION_CODE_PREFIXES[kind]}{index:03d}",
        draw(names()),
        kind,
        unit_code=unit.code,
        enterprise_size=(
            draw(st.none() | st.sampled_from(EnterpriseSize))
            if kind is OrganisationKind.ENTERPRISE
            else None
        ),
        school_level=(
            draw(st.none() | st.sampled_from(SchoolLevel))
            if kind is OrganisationKind.SCHOOL
            else None
        ),
        armed_forces=kind is OrganisationKind.AGENCY and draw(st.booleans()),
        valid_from=valid_from,
        valid_to=valid_to,
    )


@st.composite
def _validity(
    draw: st.DrawFn, outer: Unit | None, during: Period | None
) -> tuple[dt.date | None, dt.date | None]:
    """
    Draw validity dates that cover *during* and lie inside the validity of *outer*.
    """
    if during is None:
        return None, None
    outer_from = None if outer is None else outer.valid_from
    outer_to = None if outer is None else outer.valid_to
    opened = st.dates(outer_from or min(_EARLIEST, during.start), during.start)
    closed = st.dates(during.end, outer_to or max(_LATEST, during.end))
    valid_from = draw(st.none() | opened if outer_from is None else opened)
    valid_to = draw(st.none() | closed if outer_to is None else closed)
    return valid_from, valid_to


# Editions of the official units ---------------------------------------------------------


def successions() -> st.SearchStrategy[Succession]:
    """
    Return a strategy for successions: an official unit of one edition into a unit of a later one.

    The editions are named by months from January 2010 to December 2030, the later one
    after the earlier; the codes have the official number of digits (2, 3 or 5, by
    level, Quyết định 124/2004/QĐ-TTg), and the change takes effect on the first day of
    the later edition's month.

    Returns:
        A strategy for :class:`antq.Succession`.
    """
    return _SUCCESSIONS


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _month_name(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def _month_start(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


@st.composite
def _successions(draw: st.DrawFn) -> Succession:
    earlier = draw(st.integers(_month_index(_EARLIEST), _month_index(_LATEST) - 1))
    later = draw(st.integers(earlier + 1, _month_index(_LATEST)))
    return Succession(
        _month_name(earlier),
        draw(_OFFICIAL_CODES),
        _month_name(later),
        draw(_OFFICIAL_CODES),
        effective=_month_start(later),
        whole=draw(st.booleans()),
    )


# Built once: a province, district or commune code, with the digits of its level.
_OFFICIAL_CODES = st.sampled_from((2, 3, 5)).flatmap(
    lambda digits: st.text(string.digits, min_size=digits, max_size=digits)
)
_SUCCESSIONS = _successions()


def editions(
    *, previous: Edition | None = None, min_communes: int = 1, max_communes: int = 5
) -> st.SearchStrategy[Edition]:
    """
    Return a strategy for small editions of the official list: a province and the units under it.

    The registry is drawn as by :func:`units_registries` (communes under districts or
    directly under the province), without hamlets or organisations: an edition lists
    official units only.

    Without *previous*, the edition is in force from a drawn day or from always, until
    a later drawn day or for good, and is named by the month it comes into force (or
    ends, or any month when it has no bound).

    With *previous*, the edition comes into force the day after *previous* ends, is
    named by that month (or the next, if *previous* has that name), and its
    successions, effective that day, say where every unit of *previous* went. Each old
    commune goes into one new commune or is split between several (each part with
    ``whole=False``); every new commune takes in at least one old commune when
    *previous* has any; a district goes where its communes went (into the new province
    when it has none), and a province into the new province. ``UnitTable([previous,
    edition])`` accepts every edition drawn.

    Args:
        previous: The edition this one replaces; it must end (``in_force_to``) before
            the year 9999.
        min_communes: The fewest communes.
        max_communes: The most communes.

    Returns:
        A strategy for :class:`antq.Edition`.

    Raises:
        hypothesis.errors.InvalidArgument: When a size is not a non-negative integer, a
            minimum is above its maximum, or *previous* is not an edition that ends.
    """
    _check_sizes("min_communes", min_communes, "max_communes", max_communes)
    if previous is None:
        return _editions((min_communes, max_communes), ended=False)
    _check_previous(previous)
    return _later_editions(previous, (min_communes, max_communes), with_split=False)


def edition_pairs(
    *, min_communes: int = 1, max_communes: int = 5, with_split: bool = False
) -> st.SearchStrategy[tuple[Edition, Edition]]:
    """
    Return a strategy for an edition and the edition that replaced it, with the successions.

    The first edition (from :func:`editions`) ends on a drawn day; the second is drawn
    by :func:`editions` with the first as ``previous``, so old communes merge, stay or
    split. ``UnitTable(pair)`` accepts every pair drawn.

    Args:
        min_communes: The fewest communes of each edition.
        max_communes: The most communes of each edition.
        with_split: Whether at least one old commune must be split between new
            communes; the old edition then has a commune and the new one two or more.

    Returns:
        A strategy for ``(old, new)`` pairs of :class:`antq.Edition`.

    Raises:
        hypothesis.errors.InvalidArgument: When a size is not a non-negative integer, a
            minimum is above its maximum, *with_split* is not a bool, or it asks for a
            split with fewer than two communes.
    """
    _check_sizes("min_communes", min_communes, "max_communes", max_communes)
    _check_bool("with_split", with_split)
    if with_split and max_communes < 2:
        msg = f"with_split=True needs two communes in the new edition; max_communes={max_communes}"
        raise InvalidArgument(msg)
    old_sizes = (max(min_communes, 1), max_communes) if with_split else (min_communes, max_communes)
    new_sizes = (max(min_communes, 2), max_communes) if with_split else (min_communes, max_communes)
    return _editions(old_sizes, ended=True).flatmap(
        lambda old: _later_editions(old, new_sizes, with_split=with_split).map(
            lambda new: (old, new)
        )
    )


def _check_previous(previous: object) -> None:
    edition = _check_instance("previous", previous, Edition)
    end = edition.in_force_to
    if end is None or end.year >= dt.MAXYEAR:
        msg = (
            f"previous={previous!r} is {edition.window}; an edition after it needs one "
            "that ends before the year 9999"
        )
        raise InvalidArgument(msg)


def _edition_registries(communes: tuple[int, int]) -> st.SearchStrategy[UnitRegistry]:
    return _registries(
        communes=communes, hamlets_per_commune=(0, 0), organisations=(0, 0), during=None
    )


@st.composite
def _editions(draw: st.DrawFn, communes: tuple[int, int], *, ended: bool) -> Edition:
    registry = draw(_edition_registries(communes))
    start = draw(st.none() | st.dates(_EARLIEST, _LATEST))
    ends = st.dates(start or _EARLIEST, _LATEST)
    end = draw(ends if ended else st.none() | ends)
    named_by = start or end or draw(st.dates(_EARLIEST, _LATEST))
    return Edition(
        _month_name(_month_index(named_by)), registry, in_force_from=start, in_force_to=end
    )


@st.composite
def _later_editions(
    draw: st.DrawFn, previous: Edition, communes: tuple[int, int], *, with_split: bool
) -> Edition:
    assert previous.in_force_to is not None  # noqa: S101 -- checked by _check_previous
    start = previous.in_force_to + dt.timedelta(days=1)
    month = _month_index(start)
    name = _month_name(month if _month_name(month) != previous.name else month + 1)
    registry = draw(_edition_registries(communes))
    successions = draw(_successions_into(previous, registry, name, start, with_split=with_split))
    return Edition(
        name,
        registry,
        in_force_from=start,
        in_force_to=draw(st.none() | st.dates(start, max(start, _LATEST))),
        successions=successions,
    )


@st.composite
def _successions_into(  # noqa: PLR0913 -- Hypothesis passes draw as one more argument
    draw: st.DrawFn,
    previous: Edition,
    registry: UnitRegistry,
    name: str,
    effective: dt.date,
    *,
    with_split: bool,
) -> list[Succession]:
    """
    Draw where each unit of *previous* went among the units of *registry*.
    """
    old = previous.registry
    (province,) = registry.at_level(UnitLevel.PROVINCE)
    pool = list(registry.at_level(UnitLevel.COMMUNE)) or [province]
    old_communes = old.at_level(UnitLevel.COMMUNE)
    went: dict[str, list[Unit]] = {}
    for index, commune in enumerate(old_communes):
        first = pool[index] if index < len(pool) else draw(st.sampled_from(pool))
        went[commune.code] = _distinct([first, *draw(st.lists(st.sampled_from(pool), max_size=2))])
    if old_communes:
        # A new commune that no old one went into takes in a part of one.
        for orphan in pool[len(old_communes) :]:
            taker = draw(st.sampled_from(old_communes)).code
            went[taker] = _distinct([*went[taker], orphan])
        if with_split and all(len(units) == 1 for units in went.values()):
            taker = draw(st.sampled_from(old_communes)).code
            others = [unit for unit in pool if unit not in went[taker]]
            went[taker] = [*went[taker], draw(st.sampled_from(others))]
    for district in old.at_level(UnitLevel.DISTRICT):
        below = [unit for c in old.children(district.code) for unit in went.get(c.code, ())]
        went[district.code] = _distinct(below) or [province]
    for top in old.at_level(UnitLevel.PROVINCE):
        went[top.code] = [province]
    return [
        Succession(previous.name, code, name, unit.code, effective=effective, whole=len(units) == 1)
        for code, units in went.items()
        for unit in units
    ]


def _distinct(units: Sequence[Unit]) -> list[Unit]:
    return list(dict.fromkeys(units))


# Records --------------------------------------------------------------------------------


def campaigns(*, registry: UnitRegistry, period: Period) -> st.SearchStrategy[Campaign]:
    """
    Return a strategy for campaigns run inside *period* by a unit of *registry*.

    Args:
        registry: The registry the organiser is drawn from: a province, district or
            commune that exists on every day of *period*.
        period: The period each campaign's own period lies in.

    Returns:
        A strategy for :class:`antq.Campaign`.

    Raises:
        hypothesis.errors.InvalidArgument: When *registry* is not a registry, *period*
            is not a period, or the registry has no possible organiser.
    """
    _check_context(registry, period)
    organisers = _units_at(registry, period, *_ORGANISER_LEVELS)
    _check_some("campaigns", organisers, "a province, district or commune", period)
    return _campaigns(local_ids(), organisers, period)


@st.composite
def _campaigns(
    draw: st.DrawFn, ids: st.SearchStrategy[str], organisers: Sequence[Unit], period: Period
) -> Campaign:
    return Campaign(
        draw(ids),
        draw(st.sampled_from(CampaignKind)),
        draw(names()),
        draw(periods(within=period)),
        draw(st.sampled_from(organisers)).code,
    )


def sessions(
    *, registry: UnitRegistry, period: Period, campaigns: Sequence[Campaign] = ()
) -> st.SearchStrategy[MobilisationSession]:
    """
    Return a strategy for mobilisation sessions held inside *period*.

    Args:
        registry: The registry the place is drawn from: a hamlet or an organisation
            that exists on every day of *period*.
        period: The period each session is held in.
        campaigns: Campaigns a session may belong to; a session of a campaign is held
            during the campaign and has the campaign's kind. Campaigns that do not
            overlap *period* are not used.

    Returns:
        A strategy for :class:`antq.MobilisationSession`.

    Raises:
        hypothesis.errors.InvalidArgument: When *registry* is not a registry, *period*
            is not a period, *campaigns* is not a sequence of campaigns, or the
            registry has no possible place.
    """
    _check_context(registry, period)
    _check_records("campaigns", campaigns, Campaign)
    places = _places(registry, period, UnitLevel.HAMLET)
    _check_some("sessions", places, "a hamlet or an organisation", period)
    return _sessions(local_ids(), places, period, campaigns)


@st.composite
def _sessions(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str],
    places: Sequence[_Place],
    period: Period,
    campaigns: Sequence[Campaign],
) -> MobilisationSession:
    running = [campaign for campaign in campaigns if campaign.period.overlaps(period)]
    campaign = draw(st.none() | st.sampled_from(running)) if running else None
    if campaign is None:
        kind = draw(st.sampled_from(CampaignKind))
        first, last = period.start, period.end
    else:
        kind = campaign.kind
        first = max(period.start, campaign.period.start)
        last = min(period.end, campaign.period.end)
    return MobilisationSession(
        draw(ids),
        draw(st.dates(first, last)),
        draw(st.sampled_from(places)).code,
        kind,
        participant_turns=draw(st.integers(0, 1000)),
        slips_collected=draw(st.integers(0, 100)),
        campaign_id=None if campaign is None else campaign.id,
    )


def tips(
    *,
    registry: UnitRegistry,
    period: Period,
    sessions: Sequence[MobilisationSession] = (),
    include_informants: bool = True,
) -> st.SearchStrategy[TipRecord]:
    """
    Return a strategy for tips received inside *period*.

    A tip comes from a hamlet, an organisation or nowhere known, and is received by a
    commune or district above where it came from (any commune or district when that is
    not known). A tip collected at a session is a slip (``form``) from the session's
    place, received on or after the session's day. Assessments and decisions are dated
    between receipt and the end of *period*; a decision also after the last extension
    and within the time limit of Điều 147 BLTTHS 2015 (20 days after receipt, or the
    last extension's end). A suspension is dated the day the time limit runs out (Điều
    148.1), and may have been resumed later in *period*. A tip received by a commune,
    ward or township may have been handed on to the investigators, on the day of
    receipt or the next (Thông tư liên tịch 01/2017), inside *period*.

    Args:
        registry: The registry the units are drawn from; only units and organisations
            that exist on every day of *period* are used.
        period: The period each tip is received, assessed and decided in.
        sessions: Sessions a tip may come from; sessions held outside *period* or in
            a place that is not in *registry* are not used.
        include_informants: Whether a tip may carry its informant's identity.

    Returns:
        A strategy for :class:`antq.TipRecord`.

    Raises:
        hypothesis.errors.InvalidArgument: When *registry* is not a registry, *period*
            is not a period, *sessions* is not a sequence of sessions,
            *include_informants* is not a bool, or the registry has no commune or
            district.
    """
    _check_context(registry, period)
    _check_records("sessions", sessions, MobilisationSession)
    _check_bool("include_informants", include_informants)
    receivers = _units_at(registry, period, UnitLevel.DISTRICT, UnitLevel.COMMUNE)
    _check_some("tips", receivers, "a commune or district", period)
    return _tips(local_ids(), registry, period, sessions, include_informants=include_informants)


@st.composite
def _tips(  # noqa: PLR0913 -- Hypothesis passes draw as one more argument
    draw: st.DrawFn,
    ids: st.SearchStrategy[str],
    registry: UnitRegistry,
    period: Period,
    sessions: Sequence[MobilisationSession],
    *,
    include_informants: bool,
) -> TipRecord:
    held = [s for s in sessions if s.held_on in period and s.place_code in registry]
    session = draw(st.none() | st.sampled_from(held)) if held else None
    if session is None:
        origins = [place.code for place in _places(registry, period, UnitLevel.HAMLET)]
        origin = draw(st.none() | st.sampled_from(origins)) if origins else None
        channel = draw(st.sampled_from(TipChannel))
        received_on = draw(st.dates(period.start, period.end))
    else:
        origin = session.place_code
        channel = TipChannel.FORM
        received_on = draw(st.dates(session.held_on, period.end))
    receivers = _units_at(registry, period, UnitLevel.DISTRICT, UnitLevel.COMMUNE)
    above = [unit for unit in _units_above(registry, origin) if unit in receivers]
    receiver = draw(st.sampled_from(above or receivers))
    extensions = draw(_extension_chains(received_on, period.end))
    # A decision comes after the last extension and within the time limit it set.
    decided_from = extensions[-1].granted_on if extensions else received_on
    deadline = extensions[-1].until if extensions else _later(received_on, days=DAYS_TO_DECIDE)
    assessment = draw(st.sampled_from(TipAssessment))
    decision, decided_on = draw(
        _decisions(
            received_on, extensions, decided_from=decided_from, deadline=deadline, period=period
        )
    )
    return TipRecord(
        draw(ids),
        received_on,
        receiver.code,
        channel,
        origin_code=origin,
        session_id=None if session is None else session.id,
        legal_kind=draw(st.none() | st.sampled_from(TipLegalKind)),
        assessment=assessment,
        assessed_on=(
            None if assessment is TipAssessment.PENDING else draw(st.dates(received_on, period.end))
        ),
        decision=decision,
        decided_on=decided_on,
        extensions=extensions,
        resumed_on=(
            draw(st.none() | st.dates(decided_on, period.end))
            if decision is TipDecision.SUSPEND and decided_on is not None
            else None
        ),
        # Thông tư liên tịch 01/2017: commune-level police hand a tip on within 24 hours,
        # a day in the records; district police investigate it themselves.
        transferred_on=(
            draw(st.none() | st.dates(received_on, min(period.end, _later(received_on, days=1))))
            if receiver.level is UnitLevel.COMMUNE
            else None
        ),
        informant=draw(st.none() | informants()) if include_informants else None,
    )


@st.composite
def _decisions(  # noqa: PLR0913 -- Hypothesis passes draw as one more argument
    draw: st.DrawFn,
    received_on: dt.date,
    extensions: Sequence[TipExtension],
    *,
    decided_from: dt.date,
    deadline: dt.date,
    period: Period,
) -> tuple[TipDecision | None, dt.date | None]:
    """
    Draw no decision, or a decision and its day, between *decided_from* and *deadline*.

    A suspension is dated the day the time limit runs out (Điều 148.1 BLTTHS 2015): it is
    drawn only when that day is *deadline* and lies inside *period*.
    """
    limit = max([_later(received_on, days=DAYS_TO_DECIDE), *(e.until for e in extensions)])
    choices = [TipDecision.PROSECUTE, TipDecision.NOT_PROSECUTE]
    if limit == deadline and limit <= period.end:
        choices.append(TipDecision.SUSPEND)
    decision = draw(st.none() | st.sampled_from(choices))
    if decision is None:
        return None, None
    if decision is TipDecision.SUSPEND:
        return decision, limit
    return decision, draw(st.dates(decided_from, min(deadline, period.end)))


def tip_extensions(
    *, received_on: dt.date, max_value: dt.date | None = None
) -> st.SearchStrategy[TipExtension]:
    """
    Return a strategy for extensions of a tip's time limit.

    Each is granted on or after *received_on* and runs for at most 2 months (Điều
    147.2 and 147.3 BLTTHS 2015).

    Args:
        received_on: The day the tip was received.
        max_value: The latest day an extension is granted or ends; without it, 4 months
            after *received_on* (the longest time limit, Điều 147.3).

    Returns:
        A strategy for :class:`antq.TipExtension`.

    Raises:
        hypothesis.errors.InvalidArgument: When *received_on* or *max_value* is not a
            :class:`datetime.date`, or *max_value* is before *received_on*.
    """
    _check_date("received_on", received_on)
    if max_value is None:
        max_value = _later(received_on, months=2 * EXTENSION_MONTHS)
    _check_date("max_value", max_value)
    if max_value < received_on:
        msg = (
            f"tip_extensions(): max_value={max_value.isoformat()} is before "
            f"received_on={received_on.isoformat()}"
        )
        raise InvalidArgument(msg)
    return _extensions((received_on, max_value), max_value, tuple(ExtensionGrantor))


@st.composite
def _extensions(
    draw: st.DrawFn,
    granted: tuple[dt.date, dt.date],
    last: dt.date,
    grantors: Sequence[ExtensionGrantor],
) -> TipExtension:
    granted_on = draw(st.dates(*granted))
    until = draw(st.dates(granted_on, min(last, _later(granted_on, months=EXTENSION_MONTHS))))
    return TipExtension(granted_on, until, draw(st.sampled_from(grantors)))


@st.composite
def _extension_chains(
    draw: st.DrawFn, received_on: dt.date, last: dt.date
) -> tuple[TipExtension, ...]:
    """
    Draw no extension, one by the handling agency, or that one and one by the procuracy.

    The handling agency extends within the 20 days, up to 2 months after receipt
    (Điều 147.2); the procuracy extends once more, by at most 2 months (Điều 147.3).
    """
    if not draw(st.booleans()):
        return ()
    first = draw(
        _extensions(
            (received_on, min(last, _later(received_on, days=DAYS_TO_DECIDE))),
            min(last, _later(received_on, months=EXTENSION_MONTHS)),
            (ExtensionGrantor.HANDLING_AGENCY,),
        )
    )
    if not draw(st.booleans()):
        return (first,)
    second = draw(
        _extensions(
            (first.granted_on, first.until),
            min(last, _later(first.until, months=EXTENSION_MONTHS)),
            (ExtensionGrantor.PROCURACY,),
        )
    )
    return first, second


def model_groups(*, registry: UnitRegistry, period: Period) -> st.SearchStrategy[ModelGroup]:
    """
    Return a strategy for model groups set up inside *period*.

    Args:
        registry: The registry the group's unit is drawn from: a hamlet, a commune or
            an organisation that exists on every day of *period*.
        period: The period each group is set up in, and ended in if it has ended.

    Returns:
        A strategy for :class:`antq.ModelGroup`.

    Raises:
        hypothesis.errors.InvalidArgument: When *registry* is not a registry, *period*
            is not a period, or the registry has no possible unit.
    """
    _check_context(registry, period)
    places = _places(registry, period, UnitLevel.HAMLET, UnitLevel.COMMUNE)
    _check_some("model_groups", places, "a hamlet, commune or organisation", period)
    return _model_groups(local_ids(), places, period)


@st.composite
def _model_groups(
    draw: st.DrawFn, ids: st.SearchStrategy[str], places: Sequence[_Place], period: Period
) -> ModelGroup:
    kinds = list(ModelGroupKind)
    if period.end < TEAMS_FROM:  # security-and-order teams exist from 1 July 2024
        kinds.remove(ModelGroupKind.SECURITY_PROTECTION_TEAM)
    kind = draw(st.sampled_from(kinds))
    earliest = period.start
    if kind is ModelGroupKind.SECURITY_PROTECTION_TEAM:
        earliest = max(period.start, TEAMS_FROM)
    established_on = draw(st.dates(earliest, period.end))
    return ModelGroup(
        draw(ids),
        kind,
        draw(names()),
        draw(st.sampled_from(places)).code,
        established_on,
        ended_on=draw(st.none() | st.dates(established_on, period.end)),
        member_count=draw(st.none() | st.integers(0, 100)),
    )


def reintegration_cases(
    *, registry: UnitRegistry, period: Period
) -> st.SearchStrategy[ReintegrationCase]:
    """
    Return a strategy for reintegration cases helped inside *period*.

    Args:
        registry: The registry the case's unit is drawn from: a hamlet or a commune that
            exists on every day of *period*.
        period: The period each case's own period lies in.

    Returns:
        A strategy for :class:`antq.ReintegrationCase`.

    Raises:
        hypothesis.errors.InvalidArgument: When *registry* is not a registry, *period*
            is not a period, or the registry has no hamlet or commune.
    """
    _check_context(registry, period)
    homes = _units_at(registry, period, UnitLevel.HAMLET, UnitLevel.COMMUNE)
    _check_some("reintegration_cases", homes, "a hamlet or commune", period)
    return _reintegration_cases(local_ids(), homes, period)


@st.composite
def _reintegration_cases(
    draw: st.DrawFn, ids: st.SearchStrategy[str], homes: Sequence[Unit], period: Period
) -> ReintegrationCase:
    return ReintegrationCase(
        draw(ids),
        draw(st.sampled_from(ReintegrationCategory)),
        draw(st.sampled_from(homes)).code,
        draw(periods(within=period)),
        progressed=draw(st.booleans()),
    )


def declared_tallies(*, registry: UnitRegistry, period: Period) -> st.SearchStrategy[DeclaredTally]:
    """
    Return a strategy for counts declared by a unit of *registry* for a part of *period*.

    A tally of a figure that breaks down by kind names one kind in the field the figure
    requires (:attr:`antq.TallyFigure.detail_field`); the other kind fields are ``None``.

    Args:
        registry: The registry the declaring unit is drawn from: a unit of any level or
            an organisation that exists on every day of *period*.
        period: The period each tally's own period lies in.

    Returns:
        A strategy for :class:`antq.DeclaredTally`, with values from 0 to 500.

    Raises:
        hypothesis.errors.InvalidArgument: When *registry* is not a registry, *period*
            is not a period, or the registry has no unit or organisation.
    """
    _check_context(registry, period)
    declarers = _places(registry, period, *UnitLevel)
    _check_some("declared_tallies", declarers, "a unit or an organisation", period)
    return _declared_tallies(local_ids(), declarers, period)


# Sources as reports cite them ("Báo cáo số 12/BC-CA"); built once, drawn from often.
_SOURCES = st.integers(1, 999).map("Báo cáo số {}/BC-CA".format)


@st.composite
def _declared_tallies(
    draw: st.DrawFn, ids: st.SearchStrategy[str], declarers: Sequence[_Place], period: Period
) -> DeclaredTally:
    figure = draw(st.sampled_from(TallyFigure))
    detail = figure.detail_field
    return DeclaredTally(
        draw(ids),
        draw(st.sampled_from(declarers)).code,
        draw(periods(within=period)),
        figure,
        draw(st.integers(0, 500)),
        group_kind=draw(st.sampled_from(ModelGroupKind)) if detail == "group_kind" else None,
        category=draw(st.sampled_from(ReintegrationCategory)) if detail == "category" else None,
        organisation_kind=(
            draw(st.sampled_from(OrganisationKind)) if detail == "organisation_kind" else None
        ),
        source=draw(st.none() | _SOURCES),
    )


# Security teams and recognition -----------------------------------------------------------


def security_teams(*, registry: UnitRegistry, period: Period) -> st.SearchStrategy[SecurityTeam]:
    """
    Return a strategy for security-and-order protection teams that exist during *period*.

    A team belongs to a commune and serves one to three of its hamlets, each once; the
    commune and the hamlets exist on every day of *period*. It is set up inside *period*,
    never before 1 July 2024 (Luật 30/2023/QH15), and dissolved inside it if it is. It
    has one leader, one to three deputies and one to twelve members, as the composition
    rule asks; no size band is assumed, since sizes are the province's.

    Args:
        registry: The registry the commune and its hamlets are drawn from.
        period: The period each team is set up in; it ends on or after 1 July 2024.

    Returns:
        A strategy for :class:`antq.SecurityTeam`.

    Raises:
        hypothesis.errors.InvalidArgument: When *registry* is not a registry, *period*
            is not a period or ends before 1 July 2024, or the registry has no commune
            with a hamlet.
    """
    _check_context(registry, period)
    if period.end < TEAMS_FROM:
        msg = (
            f"security_teams() needs a period that ends on or after {TEAMS_FROM.isoformat()}, "
            f"when Luật 30/2023/QH15 came into force; {period} ends before"
        )
        raise InvalidArgument(msg)
    homes = _team_homes(registry, period)
    _check_some("security_teams", homes, "a commune with a hamlet", period)
    return _security_teams(local_ids(), homes, period)


def _team_homes(registry: UnitRegistry, period: Period) -> list[tuple[str, list[str]]]:
    """
    Return each commune that exists throughout *period* with its hamlets that do, if any.
    """
    if period.end < TEAMS_FROM:
        return []
    hamlets = _units_at(registry, period, UnitLevel.HAMLET)
    homes = []
    for commune in _units_at(registry, period, UnitLevel.COMMUNE):
        served = [hamlet.code for hamlet in hamlets if hamlet.parent_code == commune.code]
        if served:
            homes.append((commune.code, served))
    return homes


@st.composite
def _security_teams(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str],
    homes: Sequence[tuple[str, list[str]]],
    period: Period,
) -> SecurityTeam:
    commune, hamlets = draw(st.sampled_from(homes))
    served = draw(
        st.lists(st.sampled_from(hamlets), min_size=1, max_size=min(3, len(hamlets)), unique=True)
    )
    established_on = draw(st.dates(max(period.start, TEAMS_FROM), period.end))
    return SecurityTeam(
        draw(ids),
        commune,
        served,
        established_on,
        dissolved_on=draw(st.none() | st.dates(established_on, period.end)),
        leaders=1,
        deputies=draw(st.integers(1, 3)),
        members=draw(st.integers(1, 12)),
    )


def assessment_facts(
    *, registry: UnitRegistry, period: Period
) -> st.SearchStrategy[AssessmentFact]:
    """
    Return a strategy for facts for recognition about a unit or organisation of *registry*.

    The fact is one that antq's criteria read (:data:`antq.recognition.FACTS`), with a
    value of its type: true or false, or a count from 0 to 500. Its year is one of the
    years *period* touches (a year is written with four digits). A dataset
    (:func:`datasets`) holds each fact once per unit and year, and no count above its
    total.

    Args:
        registry: The registry the unit is drawn from: a hamlet, a commune or an
            organisation that exists on every day of *period*.
        period: The period whose years the facts are for.

    Returns:
        A strategy for :class:`antq.recognition.AssessmentFact`.

    Raises:
        hypothesis.errors.InvalidArgument: When *registry* is not a registry, *period*
            is not a period or touches no year from 1000 to 9999, or the registry has no
            possible unit.
    """
    _check_context(registry, period)
    _check_years("assessment_facts", period)
    places = _places(registry, period, UnitLevel.HAMLET, UnitLevel.COMMUNE)
    _check_some("assessment_facts", places, "a hamlet, commune or organisation", period)
    return _assessment_facts(places, period)


#: Built once: the facts and a strategy for a value of each.
_FACT_VALUES = tuple(
    (fact.id, st.booleans() if fact.kind is bool else st.integers(0, 500))
    for fact in FACTS.values()
)
_SOURCES_OF_FACTS = st.none() | st.integers(1, 999).map("Biên bản số {}/BB".format)


@st.composite
def _assessment_facts(draw: st.DrawFn, places: Sequence[_Place], period: Period) -> AssessmentFact:
    fact, values = draw(st.sampled_from(_FACT_VALUES))
    return AssessmentFact(
        draw(st.sampled_from(places)).code,
        draw(st.sampled_from(_years(period))),
        fact,
        draw(values),
        source=draw(_SOURCES_OF_FACTS),
    )


def recognitions(*, registry: UnitRegistry, period: Period) -> st.SearchStrategy[Recognition]:
    """
    Return a strategy for recorded decisions on units and organisations that can be recognised.

    The unit is a hamlet, a commune, or an organisation that can be recognised (not a
    unit of the armed forces, a small or micro enterprise, a primary school, a
    kindergarten or a nursery, nor one whose size or level is not recorded), and exists
    on every day of *period*. The year is one of the years *period* touches (four
    digits); the outcome is ``safe`` or ``not_safe``; the day of the decision, if given,
    lies in that year. A dataset (:func:`datasets`) holds one decision per unit and year.

    Args:
        registry: The registry the unit is drawn from.
        period: The period whose years the decisions are for.

    Returns:
        A strategy for :class:`antq.Recognition`.

    Raises:
        hypothesis.errors.InvalidArgument: When *registry* is not a registry, *period*
            is not a period or touches no year from 1000 to 9999, or the registry has no
            unit that can be recognised.
    """
    _check_context(registry, period)
    _check_years("recognitions", period)
    places = _recognisable(registry, period)
    _check_some("recognitions", places, "a unit or organisation that can be recognised", period)
    return _recognitions(places, period)


def _years(period: Period) -> range:
    """
    Return the years *period* touches that a fact or a decision can be for (1000 to 9999).
    """
    return range(max(period.start.year, 1000), min(period.end.year, 9999) + 1)


def _check_years(strategy: str, period: Period) -> None:
    if not _years(period):
        msg = (
            f"{strategy}() needs a period that touches a year from 1000 to 9999; {period} does not"
        )
        raise InvalidArgument(msg)


def _recognisable(registry: UnitRegistry, period: Period) -> list[_Place]:
    """
    Return the hamlets, communes and organisations of *registry* that can be recognised.
    """
    found = []
    for place in _places(registry, period, UnitLevel.HAMLET, UnitLevel.COMMUNE):
        try:
            check_eligible(place)
        except NotEligibleError:
            continue
        found.append(place)
    return found


_AUTHORITIES = st.none() | _NAMES.map("UBND {}".format)


@st.composite
def _recognitions(draw: st.DrawFn, places: Sequence[_Place], period: Period) -> Recognition:
    year = draw(st.sampled_from(_years(period)))
    return Recognition(
        draw(st.sampled_from(places)).code,
        year,
        draw(st.sampled_from((Outcome.SAFE, Outcome.NOT_SAFE))),
        decided_on=draw(st.none() | st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31))),
        authority=draw(_AUTHORITIES),
    )


# Score sheets and criteria --------------------------------------------------------------

# Characters a TOML or JSON file holds as written: no surrogate (UTF-8 cannot encode
# one) and no control character (a TOML string cannot hold one unescaped, U+007F
# included).
_FILE_CHARACTERS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
# The same without the separators: none of these is blank to str.strip.
_VISIBLE_CHARACTERS = st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")
)
# Built once: text of any script that a file can hold, never blank; it shrinks to "0".
_FILE_TEXTS = st.tuples(
    st.text(_FILE_CHARACTERS), _VISIBLE_CHARACTERS, st.text(_FILE_CHARACTERS)
).map("".join)
# The most points an item gives: 0.25 to 50, in hundredths.
_MAX_POINTS = st.decimals(min_value=Decimal("0.25"), max_value=Decimal(50), places=2)


def score_sheets(
    *, min_items: int = 1, max_items: int = 6, kinds: Sequence[RatedKind] | None = None
) -> st.SearchStrategy[ScoreSheet]:
    """
    Return a strategy for score sheets with their class cut-offs.

    The sheet's id and its items' ids are local identifiers, the items' unique on the
    sheet. Each item is worth 0.25 to 50 points, in hundredths, and belongs to one of
    up to three groups of the sheet, or to none. The sheet has cut-offs for none, some
    or all of the classes: from the best class down, each minimum below the one before,
    none above the sheet's total, the lowest possibly 0. Titles, sources and groups
    are text of any script, never blank, without surrogates or control characters: every
    sheet can be written to a TOML or JSON file and read back by
    :func:`antq.score_sheets.load_score_sheet`.

    Args:
        min_items: The fewest items; at least 1, since a sheet has an item.
        max_items: The most items.
        kinds: The kinds of unit every sheet rates, in this order; without it, each
            sheet rates one or more kinds, each once, in any order.

    Returns:
        A strategy for :class:`antq.ScoreSheet`.

    Raises:
        hypothesis.errors.InvalidArgument: When a size is not a non-negative integer,
            *min_items* is 0 or above *max_items*, or *kinds* is not a sequence of
            :class:`antq.RatedKind`, is empty, or names a kind twice.
    """
    _check_sizes("min_items", min_items, "max_items", max_items)
    if min_items < 1:
        msg = f"min_items={min_items!r} must be at least 1: a score sheet has an item"
        raise InvalidArgument(msg)
    if kinds is None:
        kind_lists = st.lists(st.sampled_from(RatedKind), min_size=1, unique=True)
    else:
        kind_lists = st.just(_checked_kinds(kinds))
    return _score_sheets((min_items, max_items), kind_lists)


def _checked_kinds(kinds: Sequence[RatedKind]) -> list[RatedKind]:
    _check_records("kinds", kinds, RatedKind)
    listed = list(kinds)
    if not listed:
        msg = f"kinds={kinds!r} must name a kind: a score sheet rates at least one"
        raise InvalidArgument(msg)
    if len(set(listed)) != len(listed):
        msg = f"kinds={kinds!r} names a kind twice; a score sheet lists each once"
        raise InvalidArgument(msg)
    return listed


@st.composite
def _score_sheets(
    draw: st.DrawFn, items: tuple[int, int], kinds: st.SearchStrategy[list[RatedKind]]
) -> ScoreSheet:
    groups = draw(st.lists(_FILE_TEXTS, max_size=3, unique=True))
    in_group = (st.none() | st.sampled_from(groups)) if groups else st.none()
    sheet_items = [
        ScoreItem(item_id, draw(_FILE_TEXTS), draw(_MAX_POINTS), group=draw(in_group))
        for item_id in draw(
            st.lists(local_ids(), min_size=items[0], max_size=items[1], unique=True)
        )
    ]
    total = sum((item.max_points for item in sheet_items), Decimal(0))
    classes = sorted(draw(st.sets(st.sampled_from(RatingClass))), key=lambda c: c.rank)
    minimums = draw(
        st.lists(
            st.decimals(min_value=0, max_value=total, places=2),
            min_size=len(classes),
            max_size=len(classes),
            unique=True,
        )
    )
    cutoffs = [
        ClassCutoff(rating_class, minimum)
        for rating_class, minimum in zip(classes, sorted(minimums, reverse=True), strict=True)
    ]
    return ScoreSheet(
        draw(local_ids()),
        draw(_FILE_TEXTS),
        draw(kinds),
        draw(_FILE_TEXTS),
        sheet_items,
        cutoffs=cutoffs,
    )


def score_sheet_scores(*, sheet: ScoreSheet) -> st.SearchStrategy[dict[str, Decimal]]:
    """
    Return a strategy for the points a unit gives itself on *sheet*, for every item.

    Each item gets 0 to its maximum, both included, in hundredths or in the finer steps
    of its maximum (an item worth ``2.125`` points gets thousandths). The points are
    keyed by item id, in the sheet's order: :func:`antq.rate` turns them into a complete
    rating, and :class:`antq.UnitScores` takes them as its ``points``.

    Args:
        sheet: The score sheet the points are given on.

    Returns:
        A strategy for dicts of item ids to points (:class:`decimal.Decimal`).

    Raises:
        hypothesis.errors.InvalidArgument: When *sheet* is not a score sheet.
    """
    _check_instance("sheet", sheet, ScoreSheet)
    ids = [item.id for item in sheet.items]
    return st.tuples(*(_points_up_to(item.max_points) for item in sheet.items)).map(
        lambda points: dict(zip(ids, points, strict=True))
    )


def _points_up_to(maximum: Decimal) -> st.SearchStrategy[Decimal]:
    # A finite Decimal's exponent is an int: 2.125 has -3, and gets 3 places.
    places = max(2, -int(maximum.as_tuple().exponent))
    return st.decimals(min_value=0, max_value=maximum, places=places)


def criteria_parameters(
    *, min_gaps: int = 0, max_gaps: int = 3, min_provincial: int = 0, max_provincial: int = 3
) -> st.SearchStrategy[CriteriaParameters]:
    """
    Return a strategy for the parameters a criteria file gives: gaps filled, a province's criteria.

    Gaps fill distinct criteria of :data:`antq.recognition.CRITERIA` that take
    conditions (their ``parameter`` is ``"gaps"``; there are 16). A province's criteria
    have unique ids that are not ids of that catalogue, and apply to one or more
    subjects and regimes. Each gap and criterion has one to three conditions, on a fact
    of :data:`antq.recognition.FACTS` with a value of its type or on a fact of the
    user's own; true and false are compared with ``equals`` only, counts (0 to 500) in
    any way. The share of hamlets (``tt124_hamlet_percent``, 0 to 100) and the day of
    the school-year review (never 29 February) are given or not. Texts are drawn as by
    :func:`score_sheets`: every value can be written to a criteria file and read back by
    :func:`antq.criteria.load_criteria`.

    Args:
        min_gaps: The fewest gaps filled; at most 16.
        max_gaps: The most gaps filled; above 16, 16.
        min_provincial: The fewest provincial criteria.
        max_provincial: The most provincial criteria.

    Returns:
        A strategy for :class:`antq.CriteriaParameters`.

    Raises:
        hypothesis.errors.InvalidArgument: When a size is not a non-negative integer, a
            minimum is above its maximum, or *min_gaps* is above 16.
    """
    _check_sizes("min_gaps", min_gaps, "max_gaps", max_gaps)
    _check_sizes("min_provincial", min_provincial, "max_provincial", max_provincial)
    if min_gaps > len(_OPEN_CRITERIA):
        msg = (
            f"min_gaps={min_gaps!r} is above the {len(_OPEN_CRITERIA)} criteria that take "
            "conditions"
        )
        raise InvalidArgument(msg)
    return _criteria_parameters(
        (min_gaps, min(max_gaps, len(_OPEN_CRITERIA))), (min_provincial, max_provincial)
    )


#: The criteria of antq's catalogue that take conditions: gaps, or partly known.
_OPEN_CRITERIA = tuple(
    criterion.id for criterion in CRITERIA.values() if criterion.parameter == "gaps"
)
# A fact of antq's, or one of the user's own: 1 to 64 lower-case letters, digits or "_".
_CONDITION_FACTS = st.sampled_from(tuple(FACTS)) | st.tuples(
    st.sampled_from(string.ascii_lowercase),
    st.text(string.ascii_lowercase + string.digits + "_", max_size=63),
).map("".join)
# A day of every year: 1 January to 31 December, never 29 February.
_MONTH_DAYS = st.integers(1, 12).flatmap(
    lambda month: st.integers(1, _month_length(2001, month)).map(lambda day: MonthDay(month, day))
)


@st.composite
def _conditions(draw: st.DrawFn) -> Condition:
    fact = draw(_CONDITION_FACTS)
    known = FACTS.get(fact)
    yes_or_no = draw(st.booleans()) if known is None else known.kind is bool
    if yes_or_no:
        return Condition(fact, Comparison.EQUALS, draw(st.booleans()))
    return Condition(fact, draw(st.sampled_from(Comparison)), draw(st.integers(0, 500)))


_CONDITION_LISTS = st.lists(_conditions(), min_size=1, max_size=3)


def _provincial_id(id_: str) -> str:
    """
    Return *id_*, or another id when it is one of antq's catalogue (``tt124.hamlet.1``).
    """
    return f"{id_}.p" if id_ in CRITERIA else id_


@st.composite
def _provincial_criteria(draw: st.DrawFn, id_: str) -> ProvincialCriterion:
    return ProvincialCriterion(
        id_,
        draw(_FILE_TEXTS),
        draw(_FILE_TEXTS),
        subjects=draw(st.lists(st.sampled_from(Subject), min_size=1, unique=True)),
        regimes=draw(st.lists(st.sampled_from(Regime), min_size=1, unique=True)),
        conditions=draw(_CONDITION_LISTS),
        title_vi=draw(st.none() | _FILE_TEXTS),
    )


@st.composite
def _criteria_parameters(
    draw: st.DrawFn, gaps: tuple[int, int], provincial: tuple[int, int]
) -> CriteriaParameters:
    filled = draw(
        st.lists(st.sampled_from(_OPEN_CRITERIA), min_size=gaps[0], max_size=gaps[1], unique=True)
    )
    ids = draw(
        st.lists(
            local_ids().map(_provincial_id),
            min_size=provincial[0],
            max_size=provincial[1],
            unique=True,
        )
    )
    return CriteriaParameters(
        gaps=[
            GapConditions(criterion, draw(_CONDITION_LISTS), draw(_FILE_TEXTS))
            for criterion in filled
        ],
        provincial=[draw(_provincial_criteria(id_)) for id_ in ids],
        tt124_hamlet_percent=draw(st.none() | st.integers(0, 100)),
        school_review=draw(st.none() | _MONTH_DAYS),
    )


# Datasets -------------------------------------------------------------------------------


def datasets(  # noqa: PLR0913 -- Hypothesis style: every bound is a keyword
    *,
    period: Period | None = None,
    min_campaigns: int = 0,
    max_campaigns: int = 5,
    min_sessions: int = 0,
    max_sessions: int = 10,
    min_tips: int = 0,
    max_tips: int = 20,
    min_model_groups: int = 0,
    max_model_groups: int = 10,
    min_reintegration_cases: int = 0,
    max_reintegration_cases: int = 10,
    min_declared_tallies: int = 0,
    max_declared_tallies: int = 0,
    min_security_teams: int = 0,
    max_security_teams: int = 0,
    min_assessment_facts: int = 0,
    max_assessment_facts: int = 0,
    min_recognitions: int = 0,
    max_recognitions: int = 0,
    include_informants: bool = True,
    edition: Edition | None = None,
) -> st.SearchStrategy[MovementDataset]:
    """
    Return a strategy for whole datasets whose every reference resolves.

    The registry (from :func:`units_registries`) has units and organisations that exist
    on every day of the period; each kind of record has unique ids; records are dated
    inside the period; sessions belong to the dataset's campaigns or none, tips to its
    sessions or none, and each session collected at least as many slips as it has tips.
    Declared tallies (none unless asked for) come from :func:`declared_tallies`; records
    may count what a tally counts too, as they do in real reports (CR-10 sets such a
    tally aside).

    Security teams, facts for recognition and recorded recognitions (none unless asked
    for) come from :func:`security_teams`, :func:`assessment_facts` and
    :func:`recognitions`: team ids are unique, a fact is recorded once per unit and year
    and no count exceeds its total, and a unit has at most one decision a year. Teams
    exist from 1 July 2024: with *min_security_teams* above zero, every commune has a
    hamlet and a drawn period ends on or after that day. Facts and decisions are fewer
    than their minimum only when the registry cannot hold that many distinct ones.

    With *edition*, the dataset names it, and its registry holds every unit of the
    edition, hamlets under up to five of its communes and organisations in its communes
    and hamlets; the period lies within the days the edition is in force, so no unit or
    record is at odds with it (rules U203, U403, U504, U505, X402). Records that need a
    place the edition lacks (a commune, a hamlet) are not drawn, whatever the minimum.

    Args:
        period: The dataset's period; drawn by :func:`periods` unless given.
        min_campaigns: The fewest campaigns.
        max_campaigns: The most campaigns.
        min_sessions: The fewest sessions; above zero, every commune has a hamlet.
        max_sessions: The most sessions.
        min_tips: The fewest tips.
        max_tips: The most tips.
        min_model_groups: The fewest model groups.
        max_model_groups: The most model groups.
        min_reintegration_cases: The fewest reintegration cases.
        max_reintegration_cases: The most reintegration cases.
        min_declared_tallies: The fewest declared tallies.
        max_declared_tallies: The most declared tallies.
        min_security_teams: The fewest security-and-order protection teams.
        max_security_teams: The most security-and-order protection teams.
        min_assessment_facts: The fewest facts for recognition.
        max_assessment_facts: The most facts for recognition.
        min_recognitions: The fewest recorded recognitions.
        max_recognitions: The most recorded recognitions.
        include_informants: Whether tips may carry their informant's identity.
        edition: The edition of the official list the dataset's units come from
            (:func:`editions` draws small ones); ``None`` for a registry drawn by
            :func:`units_registries` and no edition.

    Returns:
        A strategy for :class:`antq.MovementDataset`.

    Raises:
        hypothesis.errors.InvalidArgument: When a size is not a non-negative integer or a
            minimum is above its maximum, *period* is not a period, *edition* is not an
            edition, *period* reaches outside the days *edition* is in force,
            *include_informants* is not a bool, or teams are asked for in a *period*, or
            on an *edition*, that ends before 1 July 2024.
    """
    _check_sizes("min_campaigns", min_campaigns, "max_campaigns", max_campaigns)
    _check_sizes("min_sessions", min_sessions, "max_sessions", max_sessions)
    _check_sizes("min_tips", min_tips, "max_tips", max_tips)
    _check_sizes("min_model_groups", min_model_groups, "max_model_groups", max_model_groups)
    _check_sizes(
        "min_reintegration_cases",
        min_reintegration_cases,
        "max_reintegration_cases",
        max_reintegration_cases,
    )
    _check_sizes(
        "min_declared_tallies", min_declared_tallies, "max_declared_tallies", max_declared_tallies
    )
    _check_sizes("min_security_teams", min_security_teams, "max_security_teams", max_security_teams)
    _check_sizes(
        "min_assessment_facts", min_assessment_facts, "max_assessment_facts", max_assessment_facts
    )
    _check_sizes("min_recognitions", min_recognitions, "max_recognitions", max_recognitions)
    _check_bool("include_informants", include_informants)
    if period is not None:
        _check_period("period", period)
        _check_teams_period(min_security_teams, period, f"period={period}")
    if edition is not None:
        _check_edition(edition, period)
    window = _window(edition) if edition is not None else Period(_EARLIEST, _LATEST)
    if period is not None:
        period_strategy = st.just(period)
    elif min_security_teams:
        # Without an edition, the window is 2010 to 2030 and always reaches the day.
        _check_teams_period(
            min_security_teams, window, f"the edition, in force until {window.end.isoformat()},"
        )
        period_strategy = _periods_ending(window.start, window.end, max(window.start, TEAMS_FROM))
    elif edition is not None:
        period_strategy = _periods(window.start, window.end)
    else:
        period_strategy = periods()
    return _datasets(
        period_strategy,
        _Sizes(
            campaigns=(min_campaigns, max_campaigns),
            sessions=(min_sessions, max_sessions),
            tips=(min_tips, max_tips),
            model_groups=(min_model_groups, max_model_groups),
            reintegration_cases=(min_reintegration_cases, max_reintegration_cases),
            declared_tallies=(min_declared_tallies, max_declared_tallies),
            security_teams=(min_security_teams, max_security_teams),
            assessment_facts=(min_assessment_facts, max_assessment_facts),
            recognitions=(min_recognitions, max_recognitions),
        ),
        include_informants=include_informants,
        edition=edition,
    )


def _check_teams_period(min_security_teams: int, period: Period, what: str) -> None:
    if min_security_teams and period.end < TEAMS_FROM:
        msg = (
            f"datasets(): min_security_teams={min_security_teams} needs a period that ends on "
            f"or after {TEAMS_FROM.isoformat()}; {what} ends before"
        )
        raise InvalidArgument(msg)


@st.composite
def _periods_ending(draw: st.DrawFn, first: dt.date, last: dt.date, end_from: dt.date) -> Period:
    """
    Draw a period inside *first* to *last* that ends on or after *end_from*.
    """
    end = draw(st.dates(end_from, last))
    return Period(draw(st.dates(first, end)), end)


def _check_edition(edition: object, period: Period | None) -> None:
    named = _check_instance("edition", edition, Edition)
    if period is not None and not (
        named.in_force_on(period.start) and named.in_force_on(period.end)
    ):
        msg = f"datasets(): period={period} reaches outside edition {named.name} ({named.window})"
        raise InvalidArgument(msg)


def _window(edition: Edition) -> Period:
    """
    Return the days *edition* is in force, bounded by the default range of :func:`dates`.
    """
    start, end = edition.in_force_from, edition.in_force_to
    first = start if start is not None else min(_EARLIEST, end or _EARLIEST)
    return Period(first, end if end is not None else max(_LATEST, first))


@attrs.frozen
class _Sizes:
    campaigns: tuple[int, int]
    sessions: tuple[int, int]
    tips: tuple[int, int]
    model_groups: tuple[int, int]
    reintegration_cases: tuple[int, int]
    declared_tallies: tuple[int, int]
    security_teams: tuple[int, int]
    assessment_facts: tuple[int, int]
    recognitions: tuple[int, int]


@st.composite
def _datasets(
    draw: st.DrawFn,
    period_strategy: st.SearchStrategy[Period],
    sizes: _Sizes,
    *,
    include_informants: bool,
    edition: Edition | None,
) -> MovementDataset:
    period = draw(period_strategy)
    min_hamlets = 1 if sizes.sessions[0] or sizes.security_teams[0] else 0
    if edition is None:
        registry = draw(
            _registries(
                communes=(1, 5),
                hamlets_per_commune=(min_hamlets, 4),
                organisations=(0, 5),
                during=period,
            )
        )
    else:
        registry = draw(_on_edition(edition, min_hamlets=min_hamlets, during=period))
    organisers = _units_at(registry, period, *_ORGANISER_LEVELS)
    campaign_list = [
        draw(_campaigns(st.just(id_), organisers, period))
        for id_ in draw(_distinct_ids(_if_any(sizes.campaigns, organisers)))
    ]
    places = _places(registry, period, UnitLevel.HAMLET)
    session_list = [
        draw(_sessions(st.just(id_), places, period, campaign_list))
        for id_ in draw(_distinct_ids(_if_any(sizes.sessions, places)))
    ]
    receivers = _units_at(registry, period, UnitLevel.DISTRICT, UnitLevel.COMMUNE)
    tip_list = [
        draw(
            _tips(
                st.just(id_),
                registry,
                period,
                session_list,
                include_informants=include_informants,
            )
        )
        for id_ in draw(_distinct_ids(_if_any(sizes.tips, receivers)))
    ]
    groups = _places(registry, period, UnitLevel.HAMLET, UnitLevel.COMMUNE)
    homes = _units_at(registry, period, UnitLevel.HAMLET, UnitLevel.COMMUNE)
    declarers = _places(registry, period, *UnitLevel)
    team_homes = _team_homes(registry, period)
    return MovementDataset(
        period,
        registry,
        campaigns=campaign_list,
        sessions=[_with_slips_for(session, tip_list) for session in session_list],
        tips=tip_list,
        model_groups=[
            draw(_model_groups(st.just(id_), groups, period))
            for id_ in draw(_distinct_ids(_if_any(sizes.model_groups, groups)))
        ],
        reintegration_cases=[
            draw(_reintegration_cases(st.just(id_), homes, period))
            for id_ in draw(_distinct_ids(_if_any(sizes.reintegration_cases, homes)))
        ],
        declared_tallies=[
            draw(_declared_tallies(st.just(id_), declarers, period))
            for id_ in draw(_distinct_ids(_if_any(sizes.declared_tallies, declarers)))
        ],
        security_teams=[
            draw(_security_teams(st.just(id_), team_homes, period))
            for id_ in draw(_distinct_ids(_if_any(sizes.security_teams, team_homes)))
        ],
        assessment_facts=_within_totals(draw(_fact_lists(groups, period, sizes.assessment_facts))),
        recognitions=draw(_recognition_lists(registry, period, sizes.recognitions)),
        edition=edition,
    )


def _fact_lists(
    places: Sequence[_Place], period: Period, size: tuple[int, int]
) -> st.SearchStrategy[list[AssessmentFact]]:
    """
    Return a strategy for facts recorded once per unit, year and fact.
    """
    years = len(_years(period))
    return st.lists(
        _assessment_facts(places, period),
        min_size=min(size[0], len(places) * years * len(FACTS)),
        max_size=size[1] if places and years else 0,
        unique_by=lambda fact: (fact.unit_code, fact.year, fact.fact),
    )


def _recognition_lists(
    registry: UnitRegistry, period: Period, size: tuple[int, int]
) -> st.SearchStrategy[list[Recognition]]:
    """
    Return a strategy for decisions on units that can be recognised, one per unit and year.
    """
    places = _recognisable(registry, period)
    years = len(_years(period))
    return st.lists(
        _recognitions(places, period),
        min_size=min(size[0], len(places) * years),
        max_size=size[1] if places and years else 0,
        unique_by=lambda decision: (decision.code, decision.year),
    )


def _within_totals(facts: Sequence[AssessmentFact]) -> list[AssessmentFact]:
    """
    Return *facts* with no count above its total (119 households registered of 118).
    """
    values = {(fact.unit_code, fact.year, fact.fact): fact.value for fact in facts}
    kept = []
    for fact in facts:
        total = values.get((fact.unit_code, fact.year, _TOTALS.get(fact.fact, "")))
        kept.append(
            attrs.evolve(fact, value=total) if total is not None and fact.value > total else fact
        )
    return kept


@st.composite
def _on_edition(
    draw: st.DrawFn, edition: Edition, *, min_hamlets: int, during: Period
) -> UnitRegistry:
    """
    Draw a registry of the units of *edition*, with hamlets and organisations of a user's.
    """
    communes = edition.registry.at_level(UnitLevel.COMMUNE)
    chosen = (
        draw(
            st.lists(
                st.sampled_from(communes), min_size=min(min_hamlets, 1), max_size=5, unique=True
            )
        )
        if communes
        else []
    )
    hamlets: list[Unit] = []
    for commune in chosen:
        count = draw(st.integers(min_hamlets, 4))
        hamlets.extend(draw(_hamlet(commune, index, during)) for index in range(1, count + 1))
    places = [*communes, *hamlets]
    count = draw(st.integers(0, 5)) if places else 0
    bodies = [
        draw(_organisation(index, draw(st.sampled_from(places)), during))
        for index in range(1, count + 1)
    ]
    return UnitRegistry((*edition.registry.units, *hamlets), organisations=bodies)


def _if_any(size: tuple[int, int], found: Sequence[object]) -> tuple[int, int]:
    """
    Return *size*, or none at all when there is nowhere to put a record.

    A registry drawn by :func:`units_registries` always has a commune; an edition's may
    lack communes (or hamlets), and then the records that need one are not drawn.
    """
    return size if found else (0, 0)


def _distinct_ids(size: tuple[int, int]) -> st.SearchStrategy[list[str]]:
    return st.lists(local_ids(), min_size=size[0], max_size=size[1], unique=True)


def _with_slips_for(
    session: MobilisationSession, tip_list: Sequence[TipRecord]
) -> MobilisationSession:
    """
    Return *session* with at least as many slips collected as tips collected at it.
    """
    collected = sum(1 for tip in tip_list if tip.session_id == session.id)
    return attrs.evolve(session, slips_collected=max(session.slips_collected, collected))


# Helpers --------------------------------------------------------------------------------


def _exists_during(place: _Place, period: Period) -> bool:
    # Validity is one range of days, so existing on both ends means existing throughout.
    return place.exists_on(period.start) and place.exists_on(period.end)


def _units_at(registry: UnitRegistry, period: Period, *levels: UnitLevel) -> list[Unit]:
    return [
        unit for unit in registry.units if unit.level in levels and _exists_during(unit, period)
    ]


def _places(registry: UnitRegistry, period: Period, *levels: UnitLevel) -> list[_Place]:
    """
    Return the units at *levels* and the organisations that exist throughout *period*.
    """
    organisations = [o for o in registry.organisations if _exists_during(o, period)]
    return [*_units_at(registry, period, *levels), *organisations]


def _units_above(registry: UnitRegistry, code: str | None) -> list[Unit]:
    """
    Return the unit or organisation *code* sits in, and every unit above it.
    """
    if code is None:
        return []
    units_of = {
        organisation.code: organisation.unit_code for organisation in registry.organisations
    }
    if code in units_of:
        return [registry.get(units_of[code]), *registry.ancestors(units_of[code])]
    return list(registry.ancestors(code))


def _later(day: dt.date, *, days: int = 0, months: int = 0) -> dt.date:
    """
    Return the day *months* months and *days* days after *day*, or the last date there is.

    A month later keeps the day of the month, or takes the month's last day (31 January
    plus a month is 28 or 29 February).
    """
    month_index = day.month - 1 + months
    year = day.year + month_index // 12
    if year > dt.MAXYEAR:
        return dt.date.max
    month = month_index % 12 + 1
    shifted = day.replace(year=year, month=month, day=min(day.day, _month_length(year, month)))
    return shifted + dt.timedelta(days=min(days, (dt.date.max - shifted).days))


def _month_length(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _check_sizes(min_name: str, min_size: int, max_name: str, max_size: int) -> None:
    for name, size in ((min_name, min_size), (max_name, max_size)):
        if type(size) is not int or size < 0:
            msg = f"{name}={size!r} must be a non-negative integer"
            raise InvalidArgument(msg)
    if min_size > max_size:
        msg = f"{min_name}={min_size!r} is above {max_name}={max_size!r}"
        raise InvalidArgument(msg)


def _check_date(name: str, value: object) -> None:
    if type(value) is not dt.date:
        msg = f"{name}={value!r} must be a datetime.date"
        raise InvalidArgument(msg)


def _check_period(name: str, value: object) -> None:
    _check_instance(name, value, Period)


def _check_bool(name: str, value: object) -> None:
    if type(value) is not bool:
        msg = f"{name}={value!r} must be True or False"
        raise InvalidArgument(msg)


def _check_instance(name: str, value: object, cls: type[_T]) -> _T:
    """
    Return *value*, or refuse it unless it is an instance of *cls*.
    """
    if not isinstance(value, cls):
        msg = f"{name}={value!r} must be an antq.{cls.__name__}"
        raise InvalidArgument(msg)
    return value


def _check_records(name: str, values: object, cls: type) -> None:
    """
    Refuse *values* unless it is a sequence (not a string) of instances of *cls*.

    A strategy draws from it again and again: a one-shot iterator would be empty after
    the first draw.
    """
    if (
        isinstance(values, str)
        or not isinstance(values, abc.Sequence)
        or not all(isinstance(value, cls) for value in values)
    ):
        msg = f"{name}={values!r} must be a sequence of antq.{cls.__name__}"
        raise InvalidArgument(msg)


def _check_context(registry: object, period: object) -> None:
    _check_instance("registry", registry, UnitRegistry)
    _check_period("period", period)


def _check_some(strategy: str, found: Sequence[object], what: str, period: Period) -> None:
    if not found:
        msg = (
            f"{strategy}() needs {what} in the registry that exists on every day of "
            f"{period}; build the registry with units_registries(during=period)"
        )
        raise InvalidArgument(msg)


# Laws of summaries ----------------------------------------------------------------------

# The strategy, under a name that check_summary_laws's keyword does not hide.
_all_datasets = datasets


def check_summary_laws(
    summarize: Callable[..., Summary],
    *,
    datasets: st.SearchStrategy[MovementDataset] | None = None,
    max_examples: int = 50,
    reference: bool = True,
) -> None:
    """
    Check that a function producing summaries keeps the laws of :class:`antq.Summary`.

    *summarize* is called as :func:`antq.summarize` is:
    ``summarize(dataset, unit=..., period=..., descendants=...)``, with only the
    keywords a law needs, and must return a :class:`antq.Summary`. Hypothesis draws
    datasets and checks, for each:

    - identity: ``Summary() + s == s == s + Summary()`` for the dataset's summary;
    - commutativity and associativity: ``a + b == b + a`` and
      ``(a + b) + c == a + (b + c)`` for the summaries of three units;
    - roll-up: the summary of a unit with units below it equals the merge of the
      summaries of its children and of the unit itself (``descendants=False``);
    - time split: the dataset's summary equals the merge of the summaries of the
      months of its period;
    - agreement (with *reference*): the dataset's summary equals
      :func:`antq.summarize`'s.

    The default datasets come from :func:`datasets` with its defaults, which draw no
    declared tallies: a tally declares a count for one unit and one period, and its
    count can be split neither among the units below nor among the months. A strategy
    given as *datasets* should draw none either.

    Args:
        summarize: The function under test.
        datasets: The strategy for datasets; :func:`datasets` by default.
        max_examples: How many datasets Hypothesis draws.
        reference: Check agreement with :func:`antq.summarize` too.

    Raises:
        AssertionError: When a law does not hold; the message names the law, and
            Hypothesis reports the falsifying dataset.
    """
    strategy = _all_datasets() if datasets is None else datasets

    @settings(max_examples=max_examples, deadline=None, database=None)
    @given(dataset=strategy, data=st.data())
    def laws(dataset: MovementDataset, data: st.DataObject) -> None:
        whole = summarize(dataset)
        _law("identity", Summary() + whole == whole == whole + Summary())
        units = st.sampled_from([unit.code for unit in dataset.registry.units])
        a, b, c = (summarize(dataset, unit=data.draw(units)) for _ in range(3))
        _law("commutativity", a + b == b + a)
        _law("associativity", (a + b) + c == a + (b + c))
        parents = [u.code for u in dataset.registry.units if dataset.registry.children(u.code)]
        if parents:
            unit = data.draw(st.sampled_from(parents))
            parts = [
                summarize(dataset, unit=child.code) for child in dataset.registry.children(unit)
            ]
            own = summarize(dataset, unit=unit, descendants=False)
            _law("roll-up", summarize(dataset, unit=unit) == sum(parts, own))
        months = [summarize(dataset, period=month) for month in dataset.period.split("month")]
        _law("time split", whole == sum(months, Summary()))
        if reference:
            _law("agreement with antq.summarize", whole == _summarize(dataset))

    laws()


def _law(name: str, holds: bool) -> None:  # noqa: FBT001 -- the outcome of a comparison
    if not holds:
        msg = f"the summaries break the law of {name}"
        raise AssertionError(msg)
