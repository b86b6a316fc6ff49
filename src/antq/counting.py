"""
The counting rules, and the summaries they add up to.

Every figure of the movement is counted by one rule with a stable identifier
(``CR-01`` ... ``CR-11``), written down in the docs' counting-rules page. Each rule is
one function here and cites its identifier; the page cites the function. A rule reads
the records of one *scope* (a unit, the units below it and the organisations in them)
and one period, and says which date puts a record in the period.

Rules return parts of a :class:`Summary`. Summaries form a commutative monoid: the
empty summary is the identity and :meth:`~antq.Summary.merge` adds two. Additive figures
(sessions, participant-turns, slips, valuable tips) are sums over point events, each
in exactly one place and on one day; distinct figures (hamlets mobilised, model
groups, reintegration cases, organisations) keep the set of what they count, so that
a hamlet mobilised in two months, or a group active in both, counts once in the year.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar, overload

import attrs

from antq import _validation as v
from antq._enums import LabelledEnum
from antq.campaigns import CampaignKind, MobilisationSession
from antq.errors import InvalidValueError
from antq.groups import ModelGroup, ModelGroupKind
from antq.periods import Period
from antq.reintegration import ReintegrationCase, ReintegrationCategory
from antq.tallies import DeclaredTally, TallyFigure
from antq.time_limits import decided_in_time, overdue
from antq.tips import TipChannel, TipRecord
from antq.units import OrganisationKind, Unit, UnitLevel, UnitRegistry

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from antq.dataset import MovementDataset
    from antq.editions import Edition

__all__ = [
    "BreakdownRow",
    "MappedSummary",
    "NotAttributable",
    "OverlapCause",
    "Scope",
    "Summary",
    "TallyOverlap",
    "accepted_tallies",
    "active_model_groups",
    "breakdown",
    "count_participant_turns",
    "count_sessions",
    "count_slips_collected",
    "count_valuable_tips",
    "declared_counts",
    "hamlets_mobilised",
    "organisations_taking_part",
    "reintegration_cases_helped",
    "summarize",
    "summarize_records",
    "tips_by_time_limit",
]

E = TypeVar("E", bound=LabelledEnum)

#: The session kinds that mobilise a hamlet (CR-03), propaganda and launching the movement.
MOBILISING_KINDS = frozenset({CampaignKind.PROPAGANDA, CampaignKind.LAUNCH})

#: The ways a summary breaks down, by unit level or by calendar part of the period.
BREAKDOWNS = ("district", "commune", "hamlet", "month", "quarter", "year")

_LEVELS = {"district": UnitLevel.DISTRICT, "commune": UnitLevel.COMMUNE, "hamlet": UnitLevel.HAMLET}


def _kinds(kinds: Mapping[str, OrganisationKind]) -> Mapping[str, OrganisationKind]:
    return MappingProxyType(dict(kinds))


@attrs.frozen(eq=False)
class Scope:
    """
    What a summary covers: a period, and the units and organisations counted in it.

    Args:
        period: The reporting period.
        units: The codes of the units counted (a unit and, usually, those below it).
        hamlets: The codes among *units* that are hamlets.
        organisations: The codes of the organisations counted, with their kinds.
        as_of: The day on which tips are judged overdue (CR-11); the period's last day
            when ``None``.
    """

    period: Period
    units: frozenset[str]
    hamlets: frozenset[str]
    organisations: Mapping[str, OrganisationKind] = attrs.field(converter=_kinds, repr=False)
    as_of: dt.date | None = attrs.field(default=None, kw_only=True)

    @property
    def judged_on(self) -> dt.date:
        """
        The day on which tips are judged overdue, ``as_of`` or else the period's last day.
        """
        return self.as_of or self.period.end

    def holds(self, code: str) -> bool:
        """
        Tell whether *code* names a unit or an organisation of the scope.
        """
        return code in self.units or code in self.organisations

    @classmethod
    def of(
        cls,
        dataset: MovementDataset,
        *,
        period: Period | None = None,
        unit: str | None = None,
        descendants: bool = True,
        as_of: dt.date | None = None,
    ) -> Scope:
        """
        Build the scope of a unit of a dataset.

        Args:
            dataset: The dataset whose registry decides which units lie below.
            period: The period; the dataset's own by default.
            unit: The unit's code; ``None`` covers every unit of the registry.
            descendants: Count the units below *unit* too (the default), or only the
                unit itself and the organisations that sit directly in it.
            as_of: The day tips are judged overdue (CR-11); the last day of the
                dataset's period by default, whatever the period counted, so that the
                summaries of the parts of a period add up to the summary of the whole.

        Raises:
            antq.errors.UnknownUnitError: When *unit* is not in the registry.
        """
        return _scope_in(
            dataset.registry,
            period or dataset.period,
            unit,
            descendants=descendants,
            as_of=as_of or dataset.period.end,
        )


def _scope_in(
    registry: UnitRegistry,
    period: Period,
    unit: str | None,
    *,
    descendants: bool = True,
    as_of: dt.date | None = None,
) -> Scope:
    """
    Build the scope of *unit* of *registry* (every unit when ``None``) for *period*.
    """
    if unit is not None and registry.has_organisation(unit):
        # An organisation's scope is the organisation alone.
        kind = registry.organisation(unit).kind
        return Scope(period, frozenset(), frozenset(), {unit: kind}, as_of=as_of)
    if unit is None:
        units: tuple[Unit, ...] = registry.units
    elif descendants:
        units = (registry.get(unit), *registry.descendants(unit))
    else:
        units = (registry.get(unit),)
    codes = frozenset(u.code for u in units)
    return Scope(
        period,
        codes,
        frozenset(u.code for u in units if u.level is UnitLevel.HAMLET),
        {o.code: o.kind for o in registry.organisations if o.unit_code in codes},
        as_of=as_of,
    )


# The rules ------------------------------------------------------------------------------


def _held_in(session: MobilisationSession, scope: Scope) -> bool:
    """
    CR-01's test: the session was held in the period, in a place of the scope.
    """
    return session.held_on in scope.period and scope.holds(session.place_code)


def _mobilises(session: MobilisationSession, scope: Scope) -> bool:
    """
    CR-03's test, for a session of CR-01: it mobilised a hamlet of the scope.
    """
    return session.kind in MOBILISING_KINDS and session.place_code in scope.hamlets


def _sessions_in(
    sessions: Iterable[MobilisationSession], scope: Scope
) -> Iterator[MobilisationSession]:
    return (s for s in sessions if _held_in(s, scope))


def count_sessions(sessions: Iterable[MobilisationSession], scope: Scope) -> int:
    """
    CR-01: the sessions held (buổi), of every kind.

    Reads mobilisation sessions; a session counts when it was held (``held_on``) in the
    period, in a hamlet or organisation of the scope. Unit of count: one session.
    """
    return sum(1 for _ in _sessions_in(sessions, scope))


def count_participant_turns(sessions: Iterable[MobilisationSession], scope: Scope) -> int:
    """
    CR-02: the participant-turns (lượt người tham gia), a flow.

    The sum of ``participant_turns`` over the sessions of CR-01: one person at two
    sessions counts twice. Unit of count: one attendance.
    """
    return sum(s.participant_turns for s in _sessions_in(sessions, scope))


def hamlets_mobilised(sessions: Iterable[MobilisationSession], scope: Scope) -> frozenset[str]:
    """
    CR-03: the hamlets mobilised (thôn, tổ được tuyên truyền, phát động).

    The distinct hamlets of the scope where at least one propaganda or launch session
    was held in the period (``held_on``), counted once however many sessions. Sessions
    held in organisations, and of other kinds, mobilise no hamlet. Unit of count: one
    hamlet (thôn or tổ dân phố).

    Returns:
        The hamlets' codes.
    """
    return frozenset(s.place_code for s in _sessions_in(sessions, scope) if _mobilises(s, scope))


def _is_slip_of(tip: TipRecord, scope: Scope) -> bool:
    """
    CR-04's test: a slip received in the period by a unit of the scope.
    """
    return (
        tip.channel is TipChannel.FORM
        and tip.received_on in scope.period
        and scope.holds(tip.receiving_unit_code)
    )


def _slips_in(tips: Iterable[TipRecord], scope: Scope) -> Iterator[TipRecord]:
    return (t for t in tips if _is_slip_of(t, scope))


def count_slips_collected(
    tips: Iterable[TipRecord], sessions: Iterable[MobilisationSession], scope: Scope
) -> int:
    """
    CR-04: the crime-denunciation slips collected (phiếu tố giác tội phạm).

    Records first: every tip of channel ``form`` received (``received_on``) in the
    period by a unit of the scope. A session's own ``slips_collected`` is a tally that
    stands in only for a session no tip record refers to (``session_id``), counted
    when the session falls in the scope (CR-01's test); a session with tip records is
    counted through them alone, so no slip counts twice. Unit of count: one slip.
    """
    tips = tuple(tips)
    with_records = {t.session_id for t in tips if t.channel is TipChannel.FORM and t.session_id}
    from_records = sum(1 for _ in _slips_in(tips, scope))
    from_sessions = sum(
        s.slips_collected for s in _sessions_in(sessions, scope) if s.id not in with_records
    )
    return from_records + from_sessions


def count_valuable_tips(tips: Iterable[TipRecord], scope: Scope) -> int:
    """
    CR-05: the slips judged of value (tin có giá trị).

    Of the slip records of CR-04, those the police assessed ``valuable``, whatever the
    date of the assessment. A session's tally of slips says nothing of their value.
    Unit of count: one tip.
    """
    return sum(1 for t in _slips_in(tips, scope) if t.is_valuable)


def tips_by_time_limit(tips: Iterable[TipRecord], scope: Scope) -> tuple[int, int, int]:
    """
    CR-11: the tips decided in time, decided late, and overdue (Điều 147, Điều 148).

    Of the tips classified under Điều 144 (``legal_kind``) and received in the period by
    a unit of the scope, whatever their channel: as of the scope's day of judgement
    (:attr:`Scope.judged_on`), a tip decided by then was decided in time or late,
    against its time limit with its extensions (a suspension is a decision); a tip not
    decided by then is overdue once its time limit has run out. A resumed tip is never
    overdue: the time limit of its new handling is not among antq's sources. Unit of
    count: one tip.

    Returns:
        ``(decided in time, decided late, overdue)``.
    """
    day = scope.judged_on
    found = [0, 0, 0, 0]
    for tip in tips:
        found[_time_limit_status(tip, scope, day)] += 1
    return found[_IN_TIME], found[_LATE], found[_OVERDUE]


# What CR-11 says of a tip: decided in time, late, overdue, or none of these (not
# counted, or still within its time limit).
_IN_TIME, _LATE, _OVERDUE, _UNCOUNTED = range(4)


def _time_limit_status(tip: TipRecord, scope: Scope, day: dt.date) -> int:
    """
    CR-11's test: where a tip stands on *day* against its time limit.
    """
    if (
        tip.legal_kind is None
        or tip.received_on not in scope.period
        or not scope.holds(tip.receiving_unit_code)
    ):
        return _UNCOUNTED
    if tip.decided_on is not None and tip.decided_on <= day:
        return _IN_TIME if decided_in_time(tip) else _LATE
    return _OVERDUE if overdue(tip, day) else _UNCOUNTED


def active_model_groups(
    groups: Iterable[ModelGroup], scope: Scope
) -> frozenset[tuple[ModelGroupKind, str]]:
    """
    CR-06: the model groups kept up, by kind (mô hình).

    A group counts once if it was active on any day of the period (set up on or before
    its last day, not ended before its first) and belongs to a unit or organisation of
    the scope. Unit of count: one group.

    Returns:
        ``(kind, "unit_code/id")`` for each group.
    """
    return frozenset(_group_key(g) for g in groups if _kept_up_in(g, scope))


def _kept_up_in(group: ModelGroup, scope: Scope) -> bool:
    """
    CR-06's test: the group was active in the period and belongs to the scope.
    """
    return group.active_during(scope.period) and scope.holds(group.unit_code)


def _group_key(group: ModelGroup) -> tuple[ModelGroupKind, str]:
    return group.kind, f"{group.unit_code}/{group.id}"


def reintegration_cases_helped(
    cases: Iterable[ReintegrationCase], scope: Scope
) -> frozenset[tuple[ReintegrationCategory, str, bool]]:
    """
    CR-07 and CR-08: the people helped to reintegrate, by category, and who progressed.

    CR-07: a case counts once if its period under help shares a day with the reporting
    period and it belongs to a unit of the scope. CR-08: of those, the cases marked
    ``progressed``. Unit of count: one person.

    Returns:
        ``(category, token, progressed)`` per case. The token is a one-way digest of
        the case's unit and pseudonymous id: it keeps cases distinct when summaries
        merge, and the id itself never enters a summary.
    """
    return frozenset(_case_key(c) for c in cases if _helped_in(c, scope))


def _helped_in(case: ReintegrationCase, scope: Scope) -> bool:
    """
    CR-07's test: the case was under help in the period, in a unit of the scope.
    """
    return case.period.overlaps(scope.period) and scope.holds(case.unit_code)


def _case_key(case: ReintegrationCase) -> tuple[ReintegrationCategory, str, bool]:
    return case.category, _token(case.unit_code, case.id), case.progressed


def _token(unit_code: str, case_id: str) -> str:
    digest = hashlib.blake2b(f"{unit_code}\x1f{case_id}".encode(), digest_size=12)
    return digest.hexdigest()


def organisations_taking_part(
    sessions: Iterable[MobilisationSession], groups: Iterable[ModelGroup], scope: Scope
) -> frozenset[tuple[OrganisationKind, str]]:
    """
    CR-09: the agencies, enterprises and schools that took part.

    An organisation of the scope took part when a session was held in it in the period
    (CR-01's test) or one of its model groups was active in the period (CR-06's test).
    Unit of count: one organisation.

    Returns:
        ``(kind, code)`` for each organisation.
    """
    places = {s.place_code for s in _sessions_in(sessions, scope)}
    places |= {g.unit_code for g in groups if g.active_during(scope.period)}
    return frozenset((kind, code) for code, kind in scope.organisations.items() if code in places)


class OverlapCause(LabelledEnum):
    """
    Why a declared tally was set aside (counting rule CR-10).
    """

    RECORDS = "records"
    TALLY = "tally"
    UNKNOWN_UNIT = "unknown_unit"

    __labels__ = {
        "records": "đã có số liệu chi tiết cho cùng chỉ tiêu",
        "tally": "trùng với số liệu khai báo khác",
        "unknown_unit": "đơn vị khai báo không có trong danh mục",
    }


@attrs.frozen
class TallyOverlap:
    """
    A declared tally set aside, and why.

    Args:
        tally: The tally set aside.
        cause: What it overlaps: record-level data, another tally, or nothing known
            (its unit is not in the registry).
        rival: The other tally, when the cause is ``TALLY``.
    """

    tally: DeclaredTally
    cause: OverlapCause
    rival: DeclaredTally | None = None

    @property
    def reason(self) -> str:
        """
        The cause in English words.
        """
        if self.cause is OverlapCause.RECORDS:
            return "record-level data counts the same figure"
        if self.cause is OverlapCause.TALLY and self.rival is not None:
            return f"tally {self.rival.id!r} counts the same figure"
        return "its unit is not in the registry"


def accepted_tallies(
    dataset: MovementDataset,
) -> tuple[tuple[DeclaredTally, ...], tuple[TallyOverlap, ...]]:
    """
    CR-10: which declared tallies count, and which are set aside.

    Records win: a tally is set aside when any record that its figure reads (by the
    rule of that figure, and of the same kind for figures by kind) lies in the
    tally's unit or below it and in the tally's period; a slip also lies where it came
    from (its ``origin_code``, or the place of its session), so a hamlet's tally of
    slips gives way to the slip records it sent in. Among tallies of the same figure and
    kind whose units are nested (the same unit, or one below the other) and whose
    periods share a day, the one declared for the higher unit counts, then the one with
    the longer period, then the first identifier, then the first in the dataset; the
    others are set aside. A tally whose unit is not in the registry is set aside too.
    Nothing is resolved silently: every tally set aside is returned with its cause.

    Returns:
        The tallies that count, in dataset order, and the overlaps.
    """
    marks = _TallyMarks(dataset.registry, dataset.declared_tallies)
    _feed_dataset(marks, dataset)
    return marks.resolve()


class _TallyMarks:
    """
    CR-10's first test, record by record: which tallies have records in their scope.

    Each tally speaks for the scope of its unit and period. A record marks the tallies
    whose figure reads it (by the rule of that figure, and of the same kind for
    figures by kind) when it lies in their scope: the records are looked up by the
    codes of their places, so one pass costs the same whatever the number of tallies.
    """

    def __init__(self, registry: UnitRegistry, tallies: tuple[DeclaredTally, ...]) -> None:
        """
        Prepare the scopes of *tallies*; nothing is marked yet.
        """
        self.registry = registry
        self.tallies = tallies
        self.scopes = [
            _scope_in(registry, tally.period, tally.unit_code)
            if tally.unit_code in registry
            else None
            for tally in tallies
        ]
        self.found = [False] * len(tallies)
        # The tallies whose scope holds each code.
        self.at: dict[str, list[int]] = {}
        for index, scope in enumerate(self.scopes):
            if scope is not None:
                for code in (*scope.units, *scope.organisations):
                    self.at.setdefault(code, []).append(index)
        # Sessions with a tally of slips, by id: the slip tallies they mark unless a
        # slip record refers to them (CR-04).
        self.tallied: dict[str, set[int]] = {}
        # The places of the sessions held in the scope of a slip tally, by id.
        self.places: dict[str, str] = {}

    def session(self, session: MobilisationSession) -> None:
        """
        Mark the tallies that *session* gives records to.
        """
        slips_here = False
        for index in self.at.get(session.place_code, ()):
            tally, scope = self.tallies[index], self.scopes[index]
            figure = tally.figure
            if figure in _SLIP_FIGURES:
                slips_here = True
            if scope is None or session.held_on not in tally.period:
                continue
            if figure in _SESSION_FIGURES or (
                figure is TallyFigure.HAMLETS_MOBILISED and _mobilises(session, scope)
            ):
                self.found[index] = True
            elif figure is TallyFigure.SLIPS_COLLECTED and session.slips_collected:
                self.tallied.setdefault(session.id, set()).add(index)
            elif figure is TallyFigure.ORGANISATIONS_TAKING_PART:
                self._organisation(index, session.place_code)
        # The last session of an id decides its place, as a mapping of ids would.
        if slips_here:
            self.places[session.id] = session.place_code
        else:
            self.places.pop(session.id, None)

    def tip(self, tip: TipRecord) -> None:
        """
        Mark the slip tallies of the places a slip was received in or came from.
        """
        if tip.channel is not TipChannel.FORM:
            return
        places = [tip.receiving_unit_code, tip.origin_code]
        if tip.session_id is not None:
            self.tallied.pop(tip.session_id, None)
            places.append(self.places.get(tip.session_id))
        for place in places:
            for index in self.at.get(place, ()) if place is not None else ():
                tally = self.tallies[index]
                if tally.figure in _SLIP_FIGURES and tip.received_on in tally.period:
                    self.found[index] = True

    def group(self, group: ModelGroup) -> None:
        """
        Mark the tallies of model groups, and of organisations, that *group* counts for.
        """
        for index in self.at.get(group.unit_code, ()):
            tally = self.tallies[index]
            if not group.active_during(tally.period):
                continue
            if tally.figure is TallyFigure.MODEL_GROUPS and group.kind is tally.group_kind:
                self.found[index] = True
            elif tally.figure is TallyFigure.ORGANISATIONS_TAKING_PART:
                self._organisation(index, group.unit_code)

    def case(self, case: ReintegrationCase) -> None:
        """
        Mark the tallies of people helped that *case* counts for.
        """
        for index in self.at.get(case.unit_code, ()):
            tally = self.tallies[index]
            if (
                tally.figure in _CASE_FIGURES
                and case.category is tally.category
                and case.period.overlaps(tally.period)
            ):
                self.found[index] = True

    def _organisation(self, index: int, place: str) -> None:
        scope = self.scopes[index]
        kind = scope.organisations.get(place) if scope is not None else None
        if kind is not None and kind is self.tallies[index].organisation_kind:
            self.found[index] = True

    def resolve(self) -> tuple[tuple[DeclaredTally, ...], tuple[TallyOverlap, ...]]:
        """
        Settle which tallies count, once every record has been read.
        """
        for indices in self.tallied.values():
            for index in indices:
                self.found[index] = True
        registry, tallies, scopes = self.registry, self.tallies, self.scopes

        def depth(code: str) -> int:
            if registry.has_unit(code):
                return len(registry.ancestors(code))
            if registry.has_organisation(code):
                return depth(registry.organisation(code).unit_code) + 1
            return -1

        order = sorted(
            range(len(tallies)),
            key=lambda n: (
                depth(tallies[n].unit_code),
                -tallies[n].period.days,
                tallies[n].id,
                n,
            ),
        )
        accepted: list[int] = []
        overlaps: list[TallyOverlap] = []
        for n in order:
            tally, scope = tallies[n], scopes[n]
            if scope is None:
                overlaps.append(TallyOverlap(tally, OverlapCause.UNKNOWN_UNIT))
                continue
            if self.found[n]:
                overlaps.append(TallyOverlap(tally, OverlapCause.RECORDS))
                continue
            rival = next(
                (m for m in accepted if _nested(tallies[m], scopes[m], tally, scope)), None
            )
            if rival is not None:
                overlaps.append(TallyOverlap(tally, OverlapCause.TALLY, tallies[rival]))
                continue
            accepted.append(n)
        return tuple(tallies[n] for n in sorted(accepted)), tuple(overlaps)


_SESSION_FIGURES = frozenset({TallyFigure.SESSIONS, TallyFigure.PARTICIPANT_TURNS})
_SLIP_FIGURES = frozenset({TallyFigure.SLIPS_COLLECTED, TallyFigure.VALUABLE_TIPS})
_CASE_FIGURES = frozenset({TallyFigure.REINTEGRATION_CASES, TallyFigure.REINTEGRATION_PROGRESSED})


def _nested(
    first: DeclaredTally, first_scope: Scope | None, second: DeclaredTally, second_scope: Scope
) -> bool:
    """
    Tell whether two tallies count the same figure and kind for nested units and days.
    """
    return (
        (first.figure, first.detail) == (second.figure, second.detail)
        and first.period.overlaps(second.period)
        and first_scope is not None
        and (first_scope.holds(second.unit_code) or second_scope.holds(first.unit_code))
    )


class _Figures:
    """
    The figures of one scope (CR-01 to CR-09 and CR-11), counted record by record.
    """

    def __init__(self, scope: Scope) -> None:
        """
        Start with nothing counted.
        """
        self.scope = scope
        self.day = scope.judged_on
        self.sessions = self.participant_turns = self.slips = self.valuable = 0
        self.by_time_limit = [0, 0, 0, 0]
        self.hamlets: set[str] = set()
        self.groups: set[tuple[ModelGroupKind, str]] = set()
        self.cases: set[tuple[ReintegrationCategory, str, bool]] = set()
        self.places: set[str] = set()
        # Slips tallied at sessions of the scope, by session id, until a slip record
        # refers to the session (CR-04).
        self.tallied: dict[str, int] = {}

    def session(self, session: MobilisationSession) -> None:
        """
        Count a session (CR-01 to CR-04, CR-09).
        """
        scope = self.scope
        if not _held_in(session, scope):
            return
        self.sessions += 1
        self.participant_turns += session.participant_turns
        if _mobilises(session, scope):
            self.hamlets.add(session.place_code)
        if session.place_code in scope.organisations:
            self.places.add(session.place_code)
        if session.slips_collected:
            self.tallied[session.id] = self.tallied.get(session.id, 0) + session.slips_collected

    def tip(self, tip: TipRecord) -> None:
        """
        Count a tip (CR-04, CR-05, CR-11); a slip record supersedes its session's tally.
        """
        if tip.channel is TipChannel.FORM and tip.session_id is not None:
            self.tallied.pop(tip.session_id, None)
        if _is_slip_of(tip, self.scope):
            self.slips += 1
            self.valuable += tip.is_valuable
        self.by_time_limit[_time_limit_status(tip, self.scope, self.day)] += 1

    def group(self, group: ModelGroup) -> None:
        """
        Count a model group (CR-06, CR-09).
        """
        if _kept_up_in(group, self.scope):
            self.groups.add(_group_key(group))
        if group.unit_code in self.scope.organisations and group.active_during(self.scope.period):
            self.places.add(group.unit_code)

    def case(self, case: ReintegrationCase) -> None:
        """
        Count a reintegration case (CR-07, CR-08).
        """
        if _helped_in(case, self.scope):
            self.cases.add(_case_key(case))

    def summary(self, tallies: Iterable[DeclaredTally]) -> Summary:
        """
        Return the summary of what was counted, with the tallies that count (CR-10).
        """
        scope = self.scope
        declared = declared_counts(tallies, scope)
        additive = {
            key: declared.pop(key, 0)
            for key in ("sessions", "participant_turns", "slips_collected", "valuable_tips")
        }
        in_time, late, past, _ = self.by_time_limit
        return Summary(
            self.sessions + additive["sessions"],
            self.participant_turns + additive["participant_turns"],
            frozenset(self.hamlets),
            self.slips + sum(self.tallied.values()) + additive["slips_collected"],
            self.valuable + additive["valuable_tips"],
            frozenset(self.groups),
            frozenset(self.cases),
            frozenset(
                (kind, code) for code, kind in scope.organisations.items() if code in self.places
            ),
            declared,
            tips_decided_in_time=in_time,
            tips_decided_late=late,
            tips_overdue=past,
        )


def _feed(
    counters: Iterable[_Figures | _TallyMarks],
    *,
    sessions: Iterable[MobilisationSession],
    tips: Iterable[TipRecord],
    model_groups: Iterable[ModelGroup],
    reintegration_cases: Iterable[ReintegrationCase],
) -> None:
    """
    Read every record once, in this order, into each counter.

    The sessions come before the tips: a slip record supersedes its session's tally.
    """
    counters = tuple(counters)
    for records, method in (
        (sessions, "session"),
        (tips, "tip"),
        (model_groups, "group"),
        (reintegration_cases, "case"),
    ):
        steps = [getattr(counter, method) for counter in counters]
        for record in records:
            for step in steps:
                step(record)


def declared_counts(tallies: Iterable[DeclaredTally], scope: Scope) -> Counter[str]:
    """
    The part of CR-10 that adds accepted tallies to a summary.

    A tally counts when its unit lies in the scope and its period lies wholly inside
    the scope's period: a count cannot be split between days, so a tally that only
    partly falls in a period counts in none of its parts.

    Returns:
        The counts keyed ``figure`` or ``figure:kind`` (``model_groups:mediation_group``).
    """
    counts: Counter[str] = Counter()
    for tally in tallies:
        if scope.holds(tally.unit_code) and scope.period.contains(tally.period):
            key = tally.figure.value
            if tally.detail is not None:
                key = f"{key}:{tally.detail.value}"
            counts[key] += tally.value
    return counts


# The summary ----------------------------------------------------------------------------


def _counts(value: Mapping[str, int] | Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((key, count) for key, count in items if count))


@attrs.frozen
class Summary:
    """
    The movement's figures for one scope, as counted by the rules CR-01 to CR-11.

    A summary is a value: build it with :func:`summarize`, combine summaries with
    :meth:`merge` (or ``+``). ``Summary()`` is the empty summary. Read the figures
    through the properties; the fields hold what merging needs (the sets behind
    distinct counts, and the counts declared by tallies).

    Args:
        sessions: CR-01.
        participant_turns: CR-02.
        hamlets: CR-03, the codes of the hamlets mobilised.
        slips_collected: CR-04.
        valuable_tips: CR-05.
        model_groups: CR-06, ``(kind, "unit/id")`` per group.
        reintegration_cases: CR-07 and CR-08, ``(category, token, progressed)`` per case;
            never shown in a ``repr``.
        organisations: CR-09, ``(kind, code)`` per organisation.
        declared: CR-10, the declared counts of distinct figures, ``(key, count)``.
        tips_decided_in_time: CR-11, tips decided by their time limit.
        tips_decided_late: CR-11, tips decided after it.
        tips_overdue: CR-11, tips past their time limit without a decision.
    """

    sessions: int = attrs.field(default=0, validator=v.count)
    participant_turns: int = attrs.field(default=0, validator=v.count)
    hamlets: frozenset[str] = frozenset()
    slips_collected: int = attrs.field(default=0, validator=v.count)
    valuable_tips: int = attrs.field(default=0, validator=v.count)
    model_groups: frozenset[tuple[ModelGroupKind, str]] = frozenset()
    reintegration_cases: frozenset[tuple[ReintegrationCategory, str, bool]] = attrs.field(
        default=frozenset(), repr=False
    )
    organisations: frozenset[tuple[OrganisationKind, str]] = frozenset()
    declared: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_counts)
    tips_decided_in_time: int = attrs.field(default=0, validator=v.count, kw_only=True)
    tips_decided_late: int = attrs.field(default=0, validator=v.count, kw_only=True)
    tips_overdue: int = attrs.field(default=0, validator=v.count, kw_only=True)

    def merge(self, other: Summary) -> Summary:
        """
        Return the summary of the records of both summaries.

        Sums add and sets unite: what both count distinctly (a hamlet, a group, a
        case) counts once. The records behind the two summaries are taken to be
        disjoint, as they are for different units or different periods.
        """
        return Summary(
            self.sessions + other.sessions,
            self.participant_turns + other.participant_turns,
            self.hamlets | other.hamlets,
            self.slips_collected + other.slips_collected,
            self.valuable_tips + other.valuable_tips,
            self.model_groups | other.model_groups,
            self.reintegration_cases | other.reintegration_cases,
            self.organisations | other.organisations,
            Counter(dict(self.declared)) + Counter(dict(other.declared)),
            tips_decided_in_time=self.tips_decided_in_time + other.tips_decided_in_time,
            tips_decided_late=self.tips_decided_late + other.tips_decided_late,
            tips_overdue=self.tips_overdue + other.tips_overdue,
        )

    def __add__(self, other: object) -> Summary:
        """
        ``a + b`` is ``a.merge(b)``.
        """
        if not isinstance(other, Summary):
            return NotImplemented
        return self.merge(other)

    def _declared(self, key: str) -> int:
        return dict(self.declared).get(key, 0)

    @property
    def hamlets_mobilised(self) -> int:
        """
        How many hamlets were mobilised (CR-03, with CR-10).
        """
        return len(self.hamlets) + self._declared(TallyFigure.HAMLETS_MOBILISED.value)

    @property
    def valuable_share(self) -> Fraction | None:
        """
        The share of valuable tips among the slips collected; ``None`` without slips.
        """
        if not self.slips_collected:
            return None
        return Fraction(self.valuable_tips, self.slips_collected)

    @property
    def model_groups_by_kind(self) -> dict[ModelGroupKind, int]:
        """
        The model groups by kind (CR-06, with CR-10), in the glossary's order, nonzero only.
        """
        counts = Counter(kind for kind, _ in self.model_groups)
        return self._by_kind(ModelGroupKind, counts, TallyFigure.MODEL_GROUPS)

    @property
    def reintegration_by_category(self) -> dict[ReintegrationCategory, int]:
        """
        The people helped, by category (CR-07, with CR-10), nonzero only.
        """
        counts = Counter(category for category, _, _ in self.reintegration_cases)
        return self._by_kind(ReintegrationCategory, counts, TallyFigure.REINTEGRATION_CASES)

    @property
    def reintegration_progressed_by_category(self) -> dict[ReintegrationCategory, int]:
        """
        The people who progressed, by category (CR-08, with CR-10), nonzero only.
        """
        counts = Counter(category for category, _, done in self.reintegration_cases if done)
        return self._by_kind(ReintegrationCategory, counts, TallyFigure.REINTEGRATION_PROGRESSED)

    @property
    def organisations_by_kind(self) -> dict[OrganisationKind, int]:
        """
        The organisations that took part, by kind (CR-09, with CR-10), nonzero only.
        """
        counts = Counter(kind for kind, _ in self.organisations)
        return self._by_kind(OrganisationKind, counts, TallyFigure.ORGANISATIONS_TAKING_PART)

    def _by_kind(self, enum: type[E], counts: Counter[E], figure: TallyFigure) -> dict[E, int]:
        found = {}
        for member in enum:
            total = counts[member] + self._declared(f"{figure.value}:{member.value}")
            if total:
                found[member] = total
        return found

    def figures(self) -> dict[str, Any]:
        """
        Return every figure keyed by the glossary's identifiers, ready for JSON.

        Kinds are keyed by their identifiers; the valuable share is ``"n/d"`` or ``None``.
        """
        share = self.valuable_share
        return {
            "sessions": self.sessions,
            "participant_turns": self.participant_turns,
            "hamlets_mobilised": self.hamlets_mobilised,
            "slips_collected": self.slips_collected,
            "valuable_tips": self.valuable_tips,
            "valuable_share": None
            if share is None
            else f"{self.valuable_tips}/{self.slips_collected}",
            "model_groups": {k.value: n for k, n in self.model_groups_by_kind.items()},
            "reintegration_cases": {k.value: n for k, n in self.reintegration_by_category.items()},
            "reintegration_progressed": {
                k.value: n for k, n in self.reintegration_progressed_by_category.items()
            },
            "organisations_taking_part": {
                k.value: n for k, n in self.organisations_by_kind.items()
            },
            "tips_decided_in_time": self.tips_decided_in_time,
            "tips_decided_late": self.tips_decided_late,
            "tips_overdue": self.tips_overdue,
        }


@overload
def summarize(
    dataset: MovementDataset,
    *,
    period: Period | None = ...,
    unit: str | None = ...,
    descendants: bool = ...,
    onto: None = ...,
    as_of: dt.date | None = ...,
) -> Summary: ...


@overload
def summarize(
    dataset: MovementDataset,
    *,
    period: Period | None = ...,
    unit: str | None = ...,
    descendants: bool = ...,
    onto: Edition,
    as_of: dt.date | None = ...,
) -> MappedSummary: ...


def summarize(  # noqa: PLR0913 -- every option is keyword-only
    dataset: MovementDataset,
    *,
    period: Period | None = None,
    unit: str | None = None,
    descendants: bool = True,
    onto: Edition | None = None,
    as_of: dt.date | None = None,
) -> Summary | MappedSummary:
    """
    Count the dataset's figures for one unit and one period, by the rules CR-01 to CR-11.

    Args:
        dataset: The dataset.
        period: The reporting period; the dataset's own by default.
        unit: The unit's code; ``None`` counts every unit of the dataset. With
            *onto*, the code of a unit of that edition.
        descendants: Count the units below *unit* and their organisations too (the
            default); with ``False``, only what sits at the unit itself.
        onto: Re-express the figures on the units of this edition (see
            :class:`MappedSummary`); the dataset must name its own edition.
        as_of: The day on which tips are judged overdue (CR-11); the last day of the
            dataset's period by default.

    Returns:
        The summary; with *onto*, a :class:`MappedSummary`.

    Raises:
        antq.errors.UnknownUnitError: When *unit* is not in the registry (or in the
            edition *onto*).
        antq.errors.InvalidValueError: When *onto* is given and the dataset names no
            edition, or *descendants* is ``False``.
    """
    tallies, _ = accepted_tallies(dataset)
    if onto is not None:
        if not descendants:
            rule = "a summary re-expressed on another edition covers a unit and those below it"
            raise InvalidValueError("summarize", "descendants", descendants, rule)
        return _mapped(dataset, onto, period or dataset.period, unit, tallies, as_of=as_of)
    scope = Scope.of(dataset, period=period, unit=unit, descendants=descendants, as_of=as_of)
    return _summary(dataset, scope, tallies)


def summarize_records(  # noqa: PLR0913 -- every record section is keyword-only
    registry: UnitRegistry,
    period: Period,
    *,
    sessions: Iterable[MobilisationSession] = (),
    tips: Iterable[TipRecord] = (),
    model_groups: Iterable[ModelGroup] = (),
    reintegration_cases: Iterable[ReintegrationCase] = (),
    declared_tallies: Iterable[DeclaredTally] = (),
    unit: str | None = None,
    descendants: bool = True,
    as_of: dt.date | None = None,
) -> Summary:
    """
    Count records read one at a time, in one pass and in constant memory.

    The summary is the one :func:`summarize` gives for a dataset of *period* holding
    these records: the same rules, CR-01 to CR-11. Each iterable is read once, in the
    order of the arguments, so records can stream from a file. Besides the summary's own
    sets (hamlets, groups, cases, organisations), what is kept while reading does not
    grow with the tips: the sessions that carry a tally of slips (CR-04) until a slip
    record refers to them, and, when tallies are declared, the places of the sessions in
    the scope of a tally of slips (CR-10).

    Args:
        registry: The units and organisations the records refer to.
        period: The period of the records, and of the summary.
        sessions: The mobilisation sessions.
        tips: The tips, read after the sessions.
        model_groups: The model groups.
        reintegration_cases: The reintegration cases.
        declared_tallies: The declared tallies (held in memory: they are few).
        unit: The unit's code; ``None`` counts every unit.
        descendants: Count the units below *unit* too (the default).
        as_of: The day tips are judged overdue (CR-11); the last day of *period* by
            default.

    Raises:
        antq.errors.UnknownUnitError: When *unit* is not in the registry.
    """
    scope = _scope_in(registry, period, unit, descendants=descendants, as_of=as_of or period.end)
    figures = _Figures(scope)
    marks = _TallyMarks(registry, tuple(declared_tallies))
    counters: tuple[_Figures | _TallyMarks, ...] = (figures, marks) if marks.tallies else (figures,)
    _feed(
        counters,
        sessions=sessions,
        tips=tips,
        model_groups=model_groups,
        reintegration_cases=reintegration_cases,
    )
    accepted, _ = marks.resolve()
    return figures.summary(accepted)


@attrs.frozen
class NotAttributable:
    """
    Figures of an old unit that cannot be put on one unit of the new edition.

    An old unit split between several new units, or with no known successor: its
    figures are reported apart, never shared out on a guess.

    Args:
        unit: The old unit (a province, district or commune of the dataset's edition);
            its hamlets and organisations count with it.
        successors: The codes of the units of the new edition it went into, in part;
            empty when no successor is known.
        summary: The figures of the unit itself, its hamlets and its organisations.
    """

    unit: Unit
    successors: tuple[str, ...]
    summary: Summary


@attrs.frozen
class MappedSummary:
    """
    A summary of a dataset re-expressed on the units of another edition.

    Each unit of the dataset is mapped to its successors in the edition (a hamlet and
    an organisation go with their commune). A unit counts in ``summary`` when
    every one of its successors lies in the unit reported on; a unit split between
    the unit reported on and others, a unit that went into a unit above the one
    reported on (an old province, when the report is on a commune), and a unit without
    a known successor are listed in ``not_attributable`` with their figures. Mapped
    onto its own edition, a summary is unchanged, and the figures recorded at the
    units above the one reported on are listed as not attributable. Over the whole
    edition (``unit=None``) nothing is lost: :attr:`total` equals the summary of the
    dataset.

    Args:
        edition: The name of the edition the figures are expressed on.
        unit: The unit of that edition reported on; ``None`` for all of them.
        summary: The figures that belong to the unit.
        not_attributable: The figures that may belong to it only in part.
    """

    edition: str
    unit: Unit | None
    summary: Summary
    not_attributable: tuple[NotAttributable, ...] = ()

    @property
    def total(self) -> Summary:
        """
        The figures attributed and those not attributable, together.
        """
        return sum((part.summary for part in self.not_attributable), self.summary)


def successor_codes(dataset: MovementDataset, onto: Edition) -> dict[str, tuple[str, ...]]:
    """
    Map every unit and organisation code of the dataset to its successors in *onto*.

    A province, district or commune maps to the units of *onto* it went into; a hamlet
    maps as its commune does, an organisation as the unit it sits in.

    Raises:
        antq.errors.InvalidValueError: When the dataset names no edition.
    """
    source = dataset.edition
    if source is None:
        rule = "the dataset names no edition of its units to map them from"
        raise InvalidValueError("summarize", "onto", onto.name, rule)
    registry = dataset.registry
    mapped: dict[str, tuple[str, ...]] = {}
    for unit in registry.units:
        mapped[unit.code] = tuple(
            sorted(onto.successor_codes(source.name, _home(registry, unit).code))
        )
    for organisation in registry.organisations:
        mapped[organisation.code] = mapped[organisation.unit_code]
    return mapped


def _home(registry: UnitRegistry, unit: Unit) -> Unit:
    """
    Return the official unit *unit* belongs to: itself, or a hamlet's commune.
    """
    while unit.level is UnitLevel.HAMLET and unit.parent_code is not None:
        unit = registry.get(unit.parent_code)
    return unit


def _mapped(  # noqa: PLR0913 -- the options of summarize, passed on
    dataset: MovementDataset,
    onto: Edition,
    period: Period,
    unit: str | None,
    tallies: tuple[DeclaredTally, ...],
    *,
    as_of: dt.date | None,
) -> MappedSummary:
    targets = successor_codes(dataset, onto)
    if unit is None:
        target = None
        inside: frozenset[str] | None = None
        above: frozenset[str] = frozenset()
    else:
        target = onto.registry.get(unit)
        inside = frozenset({unit} | {u.code for u in onto.registry.descendants(unit)})
        above = frozenset(u.code for u in onto.registry.ancestors(unit))
    attributed: set[str] = set()
    apart: dict[str, set[str]] = {}
    registry = dataset.registry
    for code, successors in targets.items():
        within = [inside is None or t in inside for t in successors]
        if successors and all(within):
            attributed.add(code)
        elif not successors or any(within) or any(t in above for t in successors):
            place = code if registry.has_unit(code) else registry.organisation(code).unit_code
            home = _home(registry, registry.get(place))
            apart.setdefault(home.code, set()).add(code)
    summary = _summary(dataset, _scope_of(dataset, period, attributed, as_of), tallies)
    parts = []
    for home_code, codes in apart.items():
        part = _summary(dataset, _scope_of(dataset, period, codes, as_of), tallies)
        if part != Summary():
            parts.append(NotAttributable(registry.get(home_code), targets[home_code], part))
    return MappedSummary(onto.name, target, summary, tuple(parts))


def _scope_of(
    dataset: MovementDataset, period: Period, codes: Iterable[str], as_of: dt.date | None
) -> Scope:
    """
    Build the scope of exactly the units and organisations with *codes*.
    """
    registry = dataset.registry
    codes = set(codes)
    units = frozenset(c for c in codes if registry.has_unit(c))
    return Scope(
        period,
        units,
        frozenset(c for c in units if registry.get(c).level is UnitLevel.HAMLET),
        {o.code: o.kind for o in registry.organisations if o.code in codes},
        as_of=as_of or dataset.period.end,
    )


def _feed_dataset(counter: _Figures | _TallyMarks, dataset: MovementDataset) -> None:
    """
    Read every record of *dataset* into *counter*, once.
    """
    _feed(
        (counter,),
        sessions=dataset.sessions,
        tips=dataset.tips,
        model_groups=dataset.model_groups,
        reintegration_cases=dataset.reintegration_cases,
    )


def _summary(dataset: MovementDataset, scope: Scope, tallies: Iterable[DeclaredTally]) -> Summary:
    figures = _Figures(scope)
    _feed_dataset(figures, dataset)
    return figures.summary(tallies)


@attrs.frozen
class BreakdownRow:
    """
    One part of a breakdown: a unit below the one reported on, or a part of the period.

    Args:
        key: The unit's code, or the part's period as text (``2017-01-01..2017-12-31``).
        period: The days the row covers.
        summary: The row's figures.
        unit: The unit of the row, for a breakdown by unit; ``None`` for the row of
            what sits above the breakdown's level, and for a breakdown by time.
    """

    key: str
    period: Period
    summary: Summary
    unit: Unit | None = None


def breakdown(
    dataset: MovementDataset,
    *,
    by: str,
    period: Period | None = None,
    unit: str | None = None,
    as_of: dt.date | None = None,
) -> tuple[BreakdownRow, ...]:
    """
    Break a summary down by unit level or by calendar part of the period.

    By ``district``, ``commune`` or ``hamlet``: one row per unit of that level below
    *unit*, in registry order, then, if anything is counted above that level (at the
    unit itself, or at a unit between), one row keyed ``"*"`` with it. By ``month``,
    ``quarter`` or ``year``: one row per calendar part of the period, clipped to it.

    The rows merge back into the summary of the whole, except that a declared tally
    whose period spans several parts of a breakdown by time counts in none of them.
    Every row judges overdue tips (CR-11) on the same day, *as_of*, by default the last
    day of the dataset's period.

    Raises:
        antq.errors.InvalidValueError: When *by* is not one of
            :data:`~antq.counting.BREAKDOWNS`.
        antq.errors.UnknownUnitError: When *unit* is not in the registry.
    """
    period = period or dataset.period
    tallies, _ = accepted_tallies(dataset)
    whole = Scope.of(dataset, period=period, unit=unit, as_of=as_of)
    if by in _LEVELS:
        if unit is not None and dataset.registry.has_organisation(unit):
            rule = "an organisation has no units below it to break down by level"
            raise InvalidValueError("breakdown", "unit", unit, rule)
        return _by_level(dataset, whole, _LEVELS[by], tallies, unit)
    if by not in BREAKDOWNS:
        known = ", ".join(map(repr, BREAKDOWNS))
        raise InvalidValueError("breakdown", "by", by, f"a summary breaks down by {known}")
    return tuple(
        BreakdownRow(str(part), part, _summary(dataset, attrs.evolve(whole, period=part), tallies))
        for part in period.split(by)
    )


def _by_level(
    dataset: MovementDataset,
    whole: Scope,
    level: UnitLevel,
    tallies: tuple[DeclaredTally, ...],
    unit: str | None,
) -> tuple[BreakdownRow, ...]:
    registry = dataset.registry
    parts = registry.descendants(unit, level=level) if unit else registry.at_level(level)
    rows = []
    covered: set[str] = set()
    for part in parts:
        scope = Scope.of(dataset, period=whole.period, unit=part.code, as_of=whole.as_of)
        covered |= scope.units
        rows.append(BreakdownRow(part.code, whole.period, _summary(dataset, scope, tallies), part))
    rest = Scope(
        whole.period,
        whole.units - covered,
        whole.hamlets - covered,
        {
            code: kind
            for code, kind in whole.organisations.items()
            if registry.organisation(code).unit_code not in covered
        },
        as_of=whole.as_of,
    )
    remainder = _summary(dataset, rest, tallies)
    if remainder != Summary():
        rows.append(BreakdownRow("*", whole.period, remainder))
    return tuple(rows)
