"""
Grassroots security-and-order protection teams (tổ bảo vệ an ninh, trật tự ở cơ sở).

Luật 30/2023/QH15, the law on the forces taking part in protecting security and order at
the grassroots, in force from 1 July 2024, sets these teams up: a team serves one or several
hamlets and has a Tổ trưởng, a Tổ phó and Tổ viên. The provincial council sets the criteria
and the provincial committee the number of teams and members, so the size of a team is a
provincial parameter: antq holds no size of its own, and checks sizes only against the
bands a province's decision gives (:class:`~antq.TeamSizeRules`).

A team is recorded with how many people hold each role, not who they are: the rules antq
checks need the counts only, and names of team members are personal data that antq has no
use for.
"""

from __future__ import annotations

import collections.abc
import datetime as dt
from typing import TYPE_CHECKING, Any, Literal

import attrs

from antq import _validation as v
from antq._enums import LabelledEnum
from antq.errors import InvalidValueError
from antq.units import Unit, UnitKind, UnitLevel

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from antq.figures import Language
    from antq.periods import Period

__all__ = [
    "COMPOSITION_SOURCE",
    "TEAMS_FROM",
    "TEAMS_LAW",
    "CompositionProblem",
    "SecurityTeam",
    "SizeBand",
    "SizeProblem",
    "TeamRole",
    "TeamSizeRules",
    "composition_problems",
    "established_before_law",
    "size_problems",
    "teams_serving",
]

#: The law that sets the teams up.
TEAMS_LAW = "Luật 30/2023/QH15"

#: The day Luật 30/2023/QH15 came into force; no team exists before it.
TEAMS_FROM = dt.date(2024, 7, 1)

#: The source of the composition rule; antq's sources do not record the article.
COMPOSITION_SOURCE = f"{TEAMS_LAW} (the article is not recorded in antq's sources)"


class TeamRole(LabelledEnum):
    """
    The roles in a security-and-order protection team (Luật 30/2023/QH15).
    """

    LEADER = "leader"
    DEPUTY = "deputy"
    MEMBER = "member"

    __labels__ = {
        "leader": "Tổ trưởng",
        "deputy": "Tổ phó",
        "member": "Tổ viên",
    }


#: For each role: the team's field that counts it, and its English name, one and many.
_ROLES: dict[TeamRole, tuple[str, str, str]] = {
    TeamRole.LEADER: ("leaders", "leader", "leaders"),
    TeamRole.DEPUTY: ("deputies", "deputy", "deputies"),
    TeamRole.MEMBER: ("members", "member", "members"),
}

#: The hamlet kinds a size band may be given for.
_HAMLET_KINDS = tuple(kind for kind in UnitKind if kind.level is UnitLevel.HAMLET)


def _hamlet_codes(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str | bytes | dict) or not isinstance(value, collections.abc.Iterable):
        raise InvalidValueError("SecurityTeam", "hamlet_codes", value, "must be a tuple of codes")
    return tuple(value)


def _distinct_hamlets(
    instance: SecurityTeam, attribute: attrs.Attribute[Any], value: tuple[object, ...]
) -> None:
    if not value:
        v.refuse(instance, attribute, value, "a team serves at least one hamlet")
    seen: set[object] = set()
    for index, code in enumerate(value):
        if not isinstance(code, str) or v.LOCAL_ID.fullmatch(code) is None:
            v.refuse(
                instance,
                attribute,
                value,
                f"item {index} ({code!r}) is not an identifier: 1 to 64 ASCII letters, "
                "digits, '.', '_' or '-', starting with a letter or digit",
            )
        if code in seen:
            v.refuse(instance, attribute, value, f"the hamlet {code!r} is listed twice")
        seen.add(code)


@attrs.frozen
class SecurityTeam:
    """
    A security-and-order protection team, from the day it was set up until it was dissolved.

    The team is recorded with how many people hold each role, not who they are. A team
    set up before 1 July 2024 is accepted here, because a dataset reports it with every
    other finding; :func:`~antq.established_before_law` tells whether it predates the law.

    Args:
        id: A local identifier, unique among the dataset's teams.
        commune_code: The commune-level unit (xã, phường, thị trấn, đặc khu) the team
            belongs to.
        hamlet_codes: The hamlets (thôn, tổ dân phố) the team serves: one or several,
            each once.
        established_on: The day the team was set up.
        dissolved_on: The last day of the team, if it has been dissolved.
        leaders: How many Tổ trưởng it has.
        deputies: How many Tổ phó it has.
        members: How many Tổ viên it has.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    id: str = attrs.field(validator=v.local_id)
    commune_code: str = attrs.field(validator=v.local_id)
    hamlet_codes: tuple[str, ...] = attrs.field(
        converter=_hamlet_codes, validator=_distinct_hamlets
    )
    established_on: dt.date = attrs.field(validator=v.date)
    dissolved_on: dt.date | None = attrs.field(
        default=None,
        validator=[
            v.optional_date,
            v.not_before("established_on", rule="a team cannot be dissolved before it is set up"),
        ],
        kw_only=True,
    )
    leaders: int = attrs.field(validator=v.count, kw_only=True)
    deputies: int = attrs.field(validator=v.count, kw_only=True)
    members: int = attrs.field(validator=v.count, kw_only=True)

    @property
    def size(self) -> int:
        """
        The number of people in the team, leaders, deputies and members together.
        """
        return self.leaders + self.deputies + self.members

    def count_of(self, role: TeamRole) -> int:
        """
        Return how many people of the team hold *role*.
        """
        count: int = getattr(self, _ROLES[role][0])
        return count

    def serves(self, hamlet_code: str) -> bool:
        """
        Tell whether the team serves the hamlet *hamlet_code*.
        """
        return hamlet_code in self.hamlet_codes

    def active_on(self, day: dt.date) -> bool:
        """
        Tell whether the team exists on *day* (both its dates are included).
        """
        return self.established_on <= day and (
            self.dissolved_on is None or day <= self.dissolved_on
        )

    def active_during(self, period: Period) -> bool:
        """
        Tell whether the team exists on at least one day of *period*.
        """
        return self.established_on <= period.end and (
            self.dissolved_on is None or period.start <= self.dissolved_on
        )


def established_before_law(team: SecurityTeam) -> bool:
    """
    Tell whether *team* was set up before Luật 30/2023/QH15 came into force.

    The teams exist from 1 July 2024 (:data:`~antq.teams.TEAMS_FROM`). The check is a function,
    not a refusal at construction, so that a dataset can report it beside its other
    findings.

    Args:
        team: The team.

    Returns:
        ``True`` when the team was set up before 1 July 2024.
    """
    return team.established_on < TEAMS_FROM


# Composition ------------------------------------------------------------------------------


def _required(role: TeamRole) -> tuple[str, str]:
    """
    Return how many people *role* needs, in English and in Vietnamese.
    """
    if role is TeamRole.LEADER:
        return "exactly one", "đúng một"
    return "at least one", "ít nhất một"


def _breaks_composition(role: TeamRole, count: int) -> bool:
    if role is TeamRole.LEADER:
        return count != 1
    return count < 1


@attrs.frozen
class CompositionProblem:
    """
    One way a team breaks the composition rule: one leader, deputies and members.

    Args:
        role: The role whose count is wrong.
        count: How many people of the team hold it.
    """

    role: TeamRole = attrs.field(validator=v.member_of(TeamRole))
    count: int = attrs.field(validator=v.count)

    @property
    def field(self) -> str:
        """
        The stable identifier of the problem, the team's field at fault.

        It is ``"leaders"``, ``"deputies"`` or ``"members"``.
        """
        return _ROLES[self.role][0]

    @property
    def reason(self) -> str:
        """
        What is wrong, in English.
        """
        _, one, many = _ROLES[self.role]
        required, _ = _required(self.role)
        has = f"{self.count} {one if self.count == 1 else many}" if self.count else f"no {one}"
        return f"the team has {has} ({self.role.label}); it needs {required} {one}"

    @property
    def reason_vi(self) -> str:
        """
        What is wrong, in Vietnamese.
        """
        _, required = _required(self.role)
        label = self.role.label
        has = f"có {self.count} {label}" if self.count else f"không có {label}"
        return f"tổ {has}; tổ phải có {required} {label}"

    @property
    def source(self) -> str:
        """
        The legal source of the rule.
        """
        return COMPOSITION_SOURCE


def composition_problems(team: SecurityTeam) -> tuple[CompositionProblem, ...]:
    """
    List how *team* breaks the composition rule of Luật 30/2023/QH15.

    A team "has a Tổ trưởng, a Tổ phó and Tổ viên": antq reads this as exactly one
    leader, at least one deputy and at least one member. Vietnamese does not mark the
    plural, so "Tổ phó" and "Tổ viên" are read as "at least one"; a team with no member
    has no Tổ viên, so it breaks the rule. The article is not recorded in antq's sources
    (:data:`~antq.teams.COMPOSITION_SOURCE`).

    Args:
        team: The team.

    Returns:
        One problem per role whose count breaks the rule, in the order leader, deputy,
        member; an empty tuple when the team is well formed.
    """
    return tuple(
        CompositionProblem(role, team.count_of(role))
        for role in TeamRole
        if _breaks_composition(role, team.count_of(role))
    )


# Size bands -------------------------------------------------------------------------------


def _hamlet_kind(instance: SizeBand, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in _HAMLET_KINDS:
        known = ", ".join(repr(kind.value) for kind in _HAMLET_KINDS)
        v.refuse(instance, attribute, value, f"must be None (every team) or one of {known}")


def _maximum(instance: SizeBand, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is None and instance.minimum is None:
        v.refuse(instance, attribute, value, "a band has a minimum, a maximum or both")
    if value is not None and instance.minimum is not None and value < instance.minimum:
        rule = f"the maximum cannot be below the minimum (minimum is {instance.minimum})"
        v.refuse(instance, attribute, value, rule)


@attrs.frozen
class SizeBand:
    """
    The number of people a province allows in a team, for one kind of hamlet or for all.

    A band counts the whole team: leaders, deputies and members together. It comes from
    the province's own decision; antq holds no band of its own.

    Args:
        hamlet_kind: ``UnitKind.VILLAGE`` or ``UnitKind.RESIDENTIAL_GROUP``: the band is
            for teams serving hamlets of that kind; ``None``: for every team.
        minimum: The fewest people a team may have, if the province sets it.
        maximum: The most people a team may have, if the province sets it.
        source: The province's decision that sets the band, as the user gives it.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule, or neither bound
            is given.
    """

    hamlet_kind: UnitKind | None = attrs.field(default=None, validator=_hamlet_kind)
    minimum: int | None = attrs.field(default=None, validator=v.optional_count, kw_only=True)
    maximum: int | None = attrs.field(
        default=None, validator=[v.optional_count, _maximum], kw_only=True
    )
    source: str = attrs.field(validator=v.text, kw_only=True)

    def applies_to(self, kind: UnitKind) -> bool:
        """
        Tell whether the band is for teams serving a hamlet of *kind*.
        """
        return self.hamlet_kind is None or self.hamlet_kind is kind

    def admits(self, size: int) -> bool:
        """
        Tell whether a team of *size* people is within the band (bounds included).
        """
        return (self.minimum is None or self.minimum <= size) and (
            self.maximum is None or size <= self.maximum
        )

    def describe(self, *, lang: Language = "en") -> str:
        """
        Write the band in words: ``"3 to 5 people (every team)"``, ``"at least 3 people ..."``.

        Args:
            lang: ``"en"`` for English, ``"vi"`` for Vietnamese.

        Returns:
            The band, naming the hamlets it is for.
        """
        exactly, between, at_least, at_most = _BAND_WORDS[lang]
        if self.minimum is not None and self.minimum == self.maximum:
            template = exactly
        elif self.minimum is not None and self.maximum is not None:
            template = between
        elif self.minimum is not None:
            template = at_least
        else:
            template = at_most
        bounds = template.format(minimum=self.minimum, maximum=self.maximum)
        return f"{bounds} ({_hamlets_phrase(self.hamlet_kind, lang=lang)})"


#: How a band is written: exactly, between, at least, at most.
_BAND_WORDS: dict[str, tuple[str, str, str, str]] = {
    "en": (
        "exactly {minimum} people",
        "{minimum} to {maximum} people",
        "at least {minimum} people",
        "at most {maximum} people",
    ),
    "vi": (
        "đúng {minimum} người",
        "từ {minimum} đến {maximum} người",
        "ít nhất {minimum} người",
        "nhiều nhất {maximum} người",
    ),
}


def _hamlets_phrase(kind: UnitKind | None, *, lang: Language) -> str:
    if lang == "vi":
        return f"tổ ở {kind.label}" if kind is not None else "mọi tổ"
    if kind is None:
        return "every team"
    return f"teams serving a {kind.value.replace('_', ' ')}"


def _bands(value: Iterable[SizeBand]) -> tuple[SizeBand, ...]:
    return v.as_tuple(value, owner="TeamSizeRules", field="bands")


def _one_band_per_kind(
    instance: TeamSizeRules, attribute: attrs.Attribute[Any], value: tuple[SizeBand, ...]
) -> None:
    if not value:
        v.refuse(instance, attribute, value, "give at least one band, or no size rules at all")
    seen: set[UnitKind | None] = set()
    for band in value:
        if band.hamlet_kind in seen:
            which = "every team" if band.hamlet_kind is None else band.hamlet_kind.value
            v.refuse(instance, attribute, value, f"two bands for {which}: give one")
        seen.add(band.hamlet_kind)


@attrs.frozen
class TeamSizeRules:
    """
    One province's size bands for its teams, with the decision that sets them.

    The provincial council sets the criteria and the provincial committee the number of
    teams and members (Luật 30/2023/QH15); sizes vary by province. Every band that
    applies to a team must be met: a band for every team and a band for the kind of a
    hamlet served both apply. There is at most one band per hamlet kind, and at most one
    for every team.

    Args:
        bands: The bands, at least one.
        source: The province's decision (or decisions), as the user gives it.

    Raises:
        antq.errors.InvalidValueError: When there is no band, two bands for the same
            hamlets, or the source is blank.
    """

    bands: tuple[SizeBand, ...] = attrs.field(
        converter=_bands, validator=[v.tuple_of(SizeBand), _one_band_per_kind]
    )
    source: str = attrs.field(validator=v.text, kw_only=True)

    def bands_for(self, kind: UnitKind) -> tuple[SizeBand, ...]:
        """
        Return the bands that apply to a team serving a hamlet of *kind*, in order.
        """
        return tuple(band for band in self.bands if band.applies_to(kind))


def _codes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class SizeProblem:
    """
    A team whose size is outside a band of its province.

    Args:
        band: The band the team breaks.
        size: The team's size: leaders, deputies and members together.
        hamlet_codes: The team's hamlets the band applies to: those of the band's kind,
            or every hamlet of the team for a band for every team.
    """

    band: SizeBand = attrs.field(validator=v.instance_of(SizeBand))
    size: int = attrs.field(validator=v.count)
    hamlet_codes: tuple[str, ...] = attrs.field(converter=_codes)

    @property
    def bound(self) -> Literal["minimum", "maximum"]:
        """
        The stable identifier of the problem, the bound broken.

        It is ``"minimum"`` or ``"maximum"``.
        """
        if self.band.minimum is not None and self.size < self.band.minimum:
            return "minimum"
        return "maximum"

    @property
    def reason(self) -> str:
        """
        What is wrong, in English.
        """
        people = "person" if self.size == 1 else "people"
        band = self.band.describe(lang="en")
        return f"the team has {self.size} {people}; the province's band is {band}"

    @property
    def reason_vi(self) -> str:
        """
        What is wrong, in Vietnamese.
        """
        band = self.band.describe(lang="vi")
        return f"tổ có {self.size} người; quy mô do tỉnh quy định là {band}"

    @property
    def source(self) -> str:
        """
        The province's decision that sets the band.
        """
        return self.band.source


def size_problems(
    team: SecurityTeam, hamlets: Sequence[Unit], rules: TeamSizeRules | None
) -> tuple[SizeProblem, ...]:
    """
    List the bands of a province that *team*'s size breaks.

    antq's reading, for a team that serves several hamlets: every band that applies to
    one of them must be met, each on its own. A band for every team always applies; a
    band for villages applies when the team serves a village, a band for residential
    groups when it serves a residential group. Bands are never added up or merged into
    a new one: Luật 30/2023/QH15 leaves sizes to the provinces, and antq does not guess
    how a province sizes a team across hamlets of different kinds.

    Without rules there is no size check: antq has no default size.

    Args:
        team: The team.
        hamlets: The units of the hamlets the team serves, as found in a registry;
            hamlets missing from it are not judged (a band for every team still is).
        rules: The province's size bands, or ``None`` when none are known.

    Returns:
        One problem per band broken, in the order of the rules' bands.

    Raises:
        antq.errors.InvalidValueError: When a unit of *hamlets* is not a hamlet or not
            one the team serves.
    """
    for unit in hamlets:
        if unit.level is not UnitLevel.HAMLET:
            rule = f"{unit.code!r} is a {unit.kind.value}, not a hamlet"
            raise InvalidValueError("size_problems", "hamlets", unit.code, rule)
        if not team.serves(unit.code):
            rule = f"team {team.id!r} does not serve the hamlet {unit.code!r}"
            raise InvalidValueError("size_problems", "hamlets", unit.code, rule)
    if rules is None:
        return ()
    kinds = {unit.code: unit.kind for unit in hamlets}
    problems: list[SizeProblem] = []
    for band in rules.bands:
        codes = tuple(
            code
            for code in team.hamlet_codes
            if band.hamlet_kind is None or kinds.get(code) is band.hamlet_kind
        )
        if codes and not band.admits(team.size):
            problems.append(SizeProblem(band, team.size, codes))
    return tuple(problems)


# Look-ups ---------------------------------------------------------------------------------


def teams_serving(
    hamlet_code: str, teams: Iterable[SecurityTeam], *, on: dt.date | None = None
) -> tuple[SecurityTeam, ...]:
    """
    Return the teams that serve the hamlet *hamlet_code*, in the order given.

    Luật 30/2023/QH15, as antq's sources record it, does not say that a hamlet has only
    one team, so none is assumed: every team that serves the hamlet is returned.

    Args:
        hamlet_code: The hamlet's code.
        teams: The teams to look through.
        on: If given, only the teams that exist on that day.

    Returns:
        The teams that serve the hamlet (on that day).
    """
    return tuple(
        team for team in teams if team.serves(hamlet_code) and (on is None or team.active_on(on))
    )
