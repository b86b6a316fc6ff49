"""
Dataset validation: every rule of the catalogue, checked at once.

:func:`validate` runs every dataset-level rule of :data:`antq.catalogue.CATALOGUE` on a
dataset and returns a :class:`ValidationReport` with every finding, each with its
permanent code, severity, location, record and field. :func:`load_findings` turns the
problems found while reading a file into findings of the same catalogue, so that one
report covers the file and the dataset.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from antq.campaigns import CampaignKind, MobilisationSession
from antq.catalogue import CATALOGUE, Severity
from antq.counting import OverlapCause, accepted_tallies
from antq.figures import format_percent
from antq.groups import ModelGroup, ModelGroupKind
from antq.names import tone_key
from antq.recognition import NotEligibleError, check_eligible
from antq.teams import (
    TEAMS_FROM,
    composition_problems,
    established_before_law,
    size_problems,
)
from antq.time_limits import (
    TRANSFERS_FROM,
    overdue,
    suspended_early,
    time_limit,
    transfer_limit_days,
)
from antq.tips import TipChannel, TipRecord
from antq.units import Unit, UnitKind, UnitLevel

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from antq.dataset import MovementDataset
    from antq.editions import Edition
    from antq.errors import LoadProblem
    from antq.figures import Language
    from antq.tallies import DeclaredTally
    from antq.teams import SecurityTeam, TeamSizeRules
    from antq.units import Organisation

__all__ = ["Finding", "ValidationReport", "load_findings", "validate"]

#: The two-tier local government: district level abolished from this day.
TWO_TIER_FROM = dt.date(2025, 7, 1)
#: District police abolished from this day.
DISTRICT_POLICE_UNTIL = dt.date(2025, 3, 1)
#: Thông tư 124/2021/TT-BCA in force, replacing Thông tư 23/2012/TT-BCA.
TT124_FROM = dt.date(2022, 2, 10)

_DISTRICT_KINDS = frozenset(kind for kind in UnitKind if kind.level is UnitLevel.DISTRICT)


def _frozen(params: Mapping[str, object]) -> Mapping[str, object]:
    return MappingProxyType(dict(params))


@attrs.frozen
class Finding:
    """
    One problem found in a dataset, under a rule of the catalogue.

    Args:
        code: The rule's permanent code.
        location: Where, as a JSONPath (``$.tips[3].received_on``).
        record_id: The id (or code) of the record, when there is one.
        field: The field at fault, when there is one.
        value: The offending value, as text; never an informant's identity.
        params: The values the rule's message names.
        file: The file the record was read from, when it came from a file.
        sheet: The sheet of a workbook.
        row: The line or row number in the file (from 1).
        column: The column (a field name as written in the file).
    """

    code: str
    location: str
    record_id: str | None = None
    field: str | None = None
    value: str | None = None
    params: Mapping[str, object] = attrs.field(factory=dict, converter=_frozen, eq=False)
    file: str | None = attrs.field(default=None, kw_only=True)
    sheet: str | None = attrs.field(default=None, kw_only=True)
    row: int | None = attrs.field(default=None, kw_only=True)
    column: str | None = attrs.field(default=None, kw_only=True)

    @property
    def position(self) -> str | None:
        """
        Where in a file, as ``file:sheet:row:column`` (parts that are known), if known.
        """
        parts = [self.file, self.sheet, None if self.row is None else str(self.row), self.column]
        known = [part for part in parts if part is not None]
        return ":".join(known) if known else None

    @property
    def severity(self) -> Severity:
        """
        The severity of the rule.
        """
        return CATALOGUE[self.code].severity

    def message(self, *, lang: Language = "en") -> str:
        """
        Return the rule's message for this finding, in Vietnamese or English.
        """
        rule = CATALOGUE[self.code]
        template = rule.message_vi if lang == "vi" else rule.message_en
        values = {"location": self.location, "value": self.value, **self.params}
        return template.format_map(defaultdict(str, values))

    def as_row(self, *, lang: Language = "en") -> dict[str, str | None]:
        """
        Return the finding as a flat row of text, ready for a table or CSV.
        """
        return {
            "code": self.code,
            "severity": self.severity.value,
            "position": self.position,
            "location": self.location,
            "record_id": self.record_id,
            "field": self.field,
            "value": self.value,
            "message": self.message(lang=lang),
        }


@attrs.frozen
class ValidationReport:
    """
    Every finding about a dataset (and the file it came from), in the order found.

    Args:
        findings: The findings.
    """

    findings: tuple[Finding, ...] = ()

    @property
    def valid(self) -> bool:
        """
        Whether no finding is an error (warnings allowed).
        """
        return not any(f.severity is Severity.ERROR for f in self.findings)

    def counts_by_code(self) -> dict[str, int]:
        """
        How many findings each code has, in catalogue order.
        """
        counts = Counter(f.code for f in self.findings)
        return {code: counts[code] for code in CATALOGUE if counts[code]}

    def counts_by_severity(self) -> dict[Severity, int]:
        """
        How many errors and warnings there are.
        """
        counts = Counter(f.severity for f in self.findings)
        return {severity: counts[severity] for severity in Severity}

    def filter(
        self, *, code: str | Iterable[str] | None = None, severity: Severity | None = None
    ) -> ValidationReport:
        """
        Return the report of the findings with the code(s) and severity given.
        """
        codes = {code} if isinstance(code, str) else set(code) if code is not None else None
        return ValidationReport(
            tuple(
                f
                for f in self.findings
                if (codes is None or f.code in codes)
                and (severity is None or f.severity is severity)
            )
        )

    def rows(self, *, lang: Language = "en") -> list[dict[str, str | None]]:
        """
        Return every finding as a flat row of text.
        """
        return [f.as_row(lang=lang) for f in self.findings]

    def to_dict(self, *, lang: Language = "en") -> dict[str, Any]:
        """
        Return the report as a JSON-ready document.
        """
        return {
            "valid": self.valid,
            "counts": {
                "by_severity": {s.value: n for s, n in self.counts_by_severity().items()},
                "by_code": self.counts_by_code(),
            },
            "findings": self.rows(lang=lang),
        }

    def __add__(self, other: object) -> ValidationReport:
        """
        Return the findings of both reports.
        """
        if not isinstance(other, ValidationReport):
            return NotImplemented
        return ValidationReport(self.findings + other.findings)


# Load problems ---------------------------------------------------------------------------

_LOAD_CODES = (
    ("required key is missing", "F101"),
    ("unknown key", "F102"),
    ("unsupported format version", "F106"),
    ("duplicate", "U301"),
    ("unknown parent unit", "U201"),
    ("unknown unit", "U202"),
    ("sits under a", "U501"),
    ("(a cycle)", "U502"),
    ("not JSON", "F105"),
    ("not UTF-8", "F105"),
    ("a dataset file holds one JSON object", "F105"),
    ("appears twice in one object", "F105"),
    ("expected ", "F103"),
    ("identifier", "F103"),
    ("not a calendar date", "F103"),
    ("cannot be read", "F103"),
)


def load_findings(problems: Iterable[LoadProblem]) -> ValidationReport:
    """
    Turn the problems found while reading a file into findings of the catalogue.

    A problem the record's own rules found is ``F104``; a registry problem keeps its
    unit code (``U201`` ...).
    """
    findings = []
    for problem in problems:
        # A problem of the whole file (at "$") is an unreadable input unless named.
        fallback = "F105" if problem.location == "$" else "F104"
        code = next((c for text, c in _LOAD_CODES if text in problem.reason), fallback)
        last = problem.location.rsplit(".", 1)[-1]
        field = last if "." in problem.location and not last.endswith("]") else None
        findings.append(
            Finding(
                code,
                problem.location,
                field=field,
                value=None if problem.value is None else str(problem.value),
                params={"reason": problem.reason},
                file=getattr(problem, "file", None),
                sheet=getattr(problem, "sheet", None),
                row=getattr(problem, "row", None),
                column=getattr(problem, "column", None),
            )
        )
    return ValidationReport(tuple(findings))


# The dataset rules -----------------------------------------------------------------------


class _Context:
    """
    What every rule needs to know about a dataset, computed once.
    """

    def __init__(
        self,
        dataset: MovementDataset,
        as_of: dt.date | None,
        remote_communes: frozenset[str] = frozenset(),
        team_sizes: TeamSizeRules | None = None,
    ) -> None:
        self.dataset = dataset
        self.as_of = as_of
        self.remote_communes = remote_communes
        self.team_sizes = team_sizes
        self.period = dataset.period
        self.units = {unit.code: unit for unit in dataset.registry.units}
        self.organisations = {o.code: o for o in dataset.registry.organisations}
        self.campaigns = {c.id: c for c in dataset.campaigns}
        self.sessions = {s.id: s for s in dataset.sessions}
        self.edition = dataset.edition

    def outside_edition(
        self, day: dt.date, location: str, record_id: str, field: str
    ) -> Iterator[Finding]:
        """
        Yield a finding when *day* lies outside the days the dataset's edition is in force.
        """
        edition = self.edition
        if edition is not None and not edition.in_force_on(day):
            yield Finding(
                "U403", location, record_id, field, day.isoformat(), _edition_params(edition)
            )

    def outside_period(
        self, code: str, location: str, record_id: str, field: str, value: str
    ) -> Finding:
        """
        Return a finding about a record that lies (partly) outside the dataset's period.
        """
        return Finding(code, location, record_id, field, value, {"period": str(self.period)})

    def place(self, code: str) -> Unit | Organisation | None:
        return self.units.get(code) or self.organisations.get(code)


def validate(
    dataset: MovementDataset,
    *,
    as_of: dt.date | None = None,
    remote_communes: Iterable[str] = (),
    team_sizes: TeamSizeRules | None = None,
) -> ValidationReport:
    """
    Check a dataset against every dataset-level rule of the catalogue.

    Args:
        dataset: The dataset.
        as_of: The day on which time limits are judged (rule ``T701``); without it,
            tips are not checked against their time limits.
        remote_communes: The codes of the remote communes, whose police hand a tip on
            within 48 hours instead of 24 (rule ``T705``; Thông tư liên tịch 01/2017).
            Which communes are remote is the province's list; antq has no default.
        team_sizes: The province's size bands for security-and-order protection teams
            (rule ``G602``); without them, sizes are not checked.

    Returns:
        Every finding, by section in dataset order.
    """
    context = _Context(dataset, as_of, frozenset(remote_communes), team_sizes)
    checks = (
        _units,
        _edition_units,
        _campaigns,
        _sessions,
        _tips,
        _tip_time_limits,
        _tip_transfers,
        _groups,
        _teams,
        _cases,
        _facts,
        _recognitions,
        _tallies,
        _whole,
    )
    return ValidationReport(tuple(f for check in checks for f in check(context)))


def _duplicates(section: str, ids: Sequence[str], code: str) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, record_id in enumerate(ids):
        if record_id in seen:
            yield Finding(code, f"$.{section}[{index}].id", record_id, "id", record_id)
        seen.add(record_id)


def _outside(day: dt.date, unit: Unit | Organisation) -> bool:
    return not unit.exists_on(day)


def _units(c: _Context) -> Iterator[Finding]:
    for index, unit in enumerate(c.dataset.registry.units):
        where = f"$.units[{index}]"
        parent = c.units.get(unit.parent_code or "")
        end = _reaches_outside(unit, parent) if parent is not None else None
        if parent is not None and end is not None:
            yield Finding("U401", f"{where}.{end}", unit.code, end, params={"parent": parent.code})
        lasts = unit.valid_to >= TWO_TIER_FROM if unit.valid_to else c.period.end >= TWO_TIER_FROM
        if unit.kind in _DISTRICT_KINDS | {UnitKind.TOWNSHIP} and lasts:
            yield Finding(
                "U503",
                f"{where}.kind",
                unit.code,
                "kind",
                unit.kind.value,
                {"kind": unit.kind.value, "kind_vi": unit.kind.label},
            )
    for index, organisation in enumerate(c.dataset.registry.organisations):
        unit = c.units[organisation.unit_code]
        end = _reaches_outside(organisation, unit)
        if end is not None:
            yield Finding(
                "U402",
                f"$.organisations[{index}].{end}",
                organisation.code,
                end,
                params={"unit": unit.code},
            )


def _reaches_outside(inner: Unit | Organisation, outer: Unit) -> str | None:
    """
    Name the end (``valid_from`` or ``valid_to``) at which *inner* outlasts *outer*.
    """
    if outer.valid_from is not None and (
        inner.valid_from is None or inner.valid_from < outer.valid_from
    ):
        return "valid_from"
    if outer.valid_to is not None and (inner.valid_to is None or inner.valid_to > outer.valid_to):
        return "valid_to"
    return None


def _campaigns(c: _Context) -> Iterator[Finding]:
    yield from _duplicates("campaigns", [x.id for x in c.dataset.campaigns], "C301")
    for index, campaign in enumerate(c.dataset.campaigns):
        where = f"$.campaigns[{index}]"
        if campaign.organiser_code not in c.units:
            yield Finding(
                "C203",
                f"{where}.organiser_code",
                campaign.id,
                "organiser_code",
                campaign.organiser_code,
            )
        if not campaign.period.overlaps(c.period):
            yield c.outside_period(
                "C404", f"{where}.period", campaign.id, "period", str(campaign.period)
            )


def _sessions(c: _Context) -> Iterator[Finding]:
    sessions = c.dataset.sessions
    yield from _duplicates("sessions", [s.id for s in sessions], "C302")
    first_of: dict[tuple[object, ...], str] = {}
    for index, session in enumerate(sessions):
        where = f"$.sessions[{index}]"
        key = (
            session.held_on,
            session.place_code,
            session.kind,
            session.participant_turns,
            session.slips_collected,
        )
        if key in first_of and first_of[key] != session.id:
            yield Finding("C303", where, session.id, params={"other": first_of[key]})
        first_of.setdefault(key, session.id)
        day = session.held_on.isoformat()
        if session.held_on not in c.period:
            yield c.outside_period("C401", f"{where}.held_on", session.id, "held_on", day)
        place = c.place(session.place_code)
        if place is None:
            yield Finding(
                "C201", f"{where}.place_code", session.id, "place_code", session.place_code
            )
        elif isinstance(place, Unit) and place.level is not UnitLevel.HAMLET:
            yield Finding(
                "C501",
                f"{where}.place_code",
                session.id,
                "place_code",
                session.place_code,
                {"level": place.level.value},
            )
        yield from c.outside_edition(session.held_on, f"{where}.held_on", session.id, "held_on")
        if place is not None and _outside(session.held_on, place):
            yield Finding(
                "C402", f"{where}.held_on", session.id, "held_on", day, {"place": place.code}
            )
        yield from _session_campaign(c, session, where)


def _session_campaign(c: _Context, session: MobilisationSession, where: str) -> Iterator[Finding]:
    if session.campaign_id is None:
        return
    campaign = c.campaigns.get(session.campaign_id)
    if campaign is None:
        yield Finding(
            "C202", f"{where}.campaign_id", session.id, "campaign_id", session.campaign_id
        )
        return
    if session.held_on not in campaign.period:
        yield Finding(
            "C403",
            f"{where}.held_on",
            session.id,
            "held_on",
            session.held_on.isoformat(),
            {"campaign": campaign.id},
        )
    # A propaganda or launch session may belong to any campaign that mobilises.
    mobilising = {CampaignKind.PROPAGANDA, CampaignKind.LAUNCH}
    if session.kind is not campaign.kind and not {session.kind, campaign.kind} <= mobilising:
        yield Finding(
            "C601",
            f"{where}.kind",
            session.id,
            "kind",
            session.kind.value,
            {"expected": campaign.kind.value, "campaign": campaign.id},
        )


def _tips(c: _Context) -> Iterator[Finding]:
    tips = c.dataset.tips
    yield from _duplicates("tips", [t.id for t in tips], "T301")
    slips: Counter[str] = Counter()
    valuable: Counter[str] = Counter()
    for index, tip in enumerate(tips):
        where = f"$.tips[{index}]"
        yield from _tip_references(c, tip, where)
        if tip.session_id in c.sessions and tip.channel is TipChannel.FORM:
            slips[tip.session_id] += 1
            valuable[tip.session_id] += tip.is_valuable
    for index, session in enumerate(c.dataset.sessions):
        where = f"$.sessions[{index}].slips_collected"
        if valuable[session.id] > session.slips_collected:
            yield Finding(
                "T601",
                where,
                session.id,
                "slips_collected",
                str(session.slips_collected),
                {"valuable": valuable[session.id], "collected": session.slips_collected},
            )
        elif slips[session.id] and slips[session.id] != session.slips_collected:
            yield Finding(
                "T602",
                where,
                session.id,
                "slips_collected",
                str(session.slips_collected),
                {"records": slips[session.id], "collected": session.slips_collected},
            )


def _tip_references(c: _Context, tip: TipRecord, where: str) -> Iterator[Finding]:
    day = tip.received_on.isoformat()
    if tip.received_on not in c.period:
        yield c.outside_period("T401", f"{where}.received_on", tip.id, "received_on", day)
    yield from c.outside_edition(tip.received_on, f"{where}.received_on", tip.id, "received_on")
    receiver = c.place(tip.receiving_unit_code)
    if receiver is None:
        yield Finding(
            "T201",
            f"{where}.receiving_unit_code",
            tip.id,
            "receiving_unit_code",
            tip.receiving_unit_code,
        )
    else:
        yield from _receiver(tip, receiver, where)
    if tip.origin_code is not None and c.place(tip.origin_code) is None:
        yield Finding("T202", f"{where}.origin_code", tip.id, "origin_code", tip.origin_code)
    if tip.session_id is not None:
        session = c.sessions.get(tip.session_id)
        if session is None:
            yield Finding("T203", f"{where}.session_id", tip.id, "session_id", tip.session_id)
        elif tip.channel is not TipChannel.FORM:
            yield Finding(
                "T603",
                f"{where}.channel",
                tip.id,
                "channel",
                tip.channel.value,
                {"session": session.id},
            )
        elif tip.received_on < session.held_on:
            yield Finding(
                "T403",
                f"{where}.received_on",
                tip.id,
                "received_on",
                day,
                {"session": session.id, "held_on": session.held_on.isoformat()},
            )


def _receiver(tip: TipRecord, receiver: Unit | Organisation, where: str) -> Iterator[Finding]:
    field = "receiving_unit_code"
    level = receiver.level if isinstance(receiver, Unit) else None
    if level is None or level is UnitLevel.HAMLET:
        name = "organisation" if level is None else level.value
        yield Finding("T501", f"{where}.{field}", tip.id, field, receiver.code, {"level": name})
        return
    if _outside(tip.received_on, receiver):
        yield Finding(
            "T402",
            f"{where}.received_on",
            tip.id,
            "received_on",
            tip.received_on.isoformat(),
            {"unit": receiver.code},
        )
    if level is UnitLevel.DISTRICT and tip.received_on >= DISTRICT_POLICE_UNTIL:
        day = tip.received_on.isoformat()
        yield Finding("T502", f"{where}.received_on", tip.id, "received_on", day)


def _tip_time_limits(c: _Context) -> Iterator[Finding]:
    for index, tip in enumerate(c.dataset.tips):
        # Only reports of crime under Điều 144 have a time limit; a slip not yet
        # classified as one has none.
        if tip.legal_kind is None:
            continue
        where = f"$.tips[{index}]"
        deadline, problems = time_limit(tip)
        for reason in problems:
            yield Finding(
                "T702", f"{where}.extensions", tip.id, "extensions", params={"reason": reason}
            )
        if tip.decided_on is not None and tip.decided_on > deadline:
            yield Finding(
                "T703",
                f"{where}.decided_on",
                tip.id,
                "decided_on",
                tip.decided_on.isoformat(),
                {"deadline": deadline.isoformat()},
            )
        if suspended_early(tip):
            yield Finding(
                "T704",
                f"{where}.decided_on",
                tip.id,
                "decided_on",
                str(tip.decided_on),
                {"deadline": deadline.isoformat()},
            )
        if c.as_of is not None and overdue(tip, c.as_of):
            yield Finding(
                "T701",
                f"{where}.decision",
                tip.id,
                "decision",
                None,
                {
                    "received": tip.received_on.isoformat(),
                    "deadline": deadline.isoformat(),
                    "as_of": c.as_of.isoformat(),
                },
            )


def _tip_transfers(c: _Context) -> Iterator[Finding]:
    for index, tip in enumerate(c.dataset.tips):
        receiver = c.units.get(tip.receiving_unit_code)
        if tip.transferred_on is None or receiver is None or tip.received_on < TRANSFERS_FROM:
            continue
        days = transfer_limit_days(receiver.kind, remote=receiver.code in c.remote_communes)
        if days is not None and (tip.transferred_on - tip.received_on).days > days:
            yield Finding(
                "T705",
                f"$.tips[{index}].transferred_on",
                tip.id,
                "transferred_on",
                tip.transferred_on.isoformat(),
                {
                    "hours": 24 * days,
                    "received": tip.received_on.isoformat(),
                    "unit": receiver.code,
                },
            )


def _groups(c: _Context) -> Iterator[Finding]:
    groups = c.dataset.model_groups
    yield from _duplicates("model_groups", [g.id for g in groups], "G301")
    first_of: dict[tuple[object, ...], str] = {}
    for index, group in enumerate(groups):
        where = f"$.model_groups[{index}]"
        key = (group.kind, group.unit_code, group.name, group.established_on)
        if key in first_of and first_of[key] != group.id:
            yield Finding("G302", where, group.id, params={"other": first_of[key]})
        first_of.setdefault(key, group.id)
        if c.place(group.unit_code) is None:
            yield Finding("G201", f"{where}.unit_code", group.id, "unit_code", group.unit_code)
        yield from _established_outside_edition(c, group, where)
        if not group.active_during(c.period):
            yield c.outside_period(
                "G401",
                f"{where}.established_on",
                group.id,
                "established_on",
                group.established_on.isoformat(),
            )
        if (
            group.kind is ModelGroupKind.SECURITY_PROTECTION_TEAM
            and group.established_on < TEAMS_FROM
        ):
            yield Finding(
                "G501",
                f"{where}.established_on",
                group.id,
                "established_on",
                group.established_on.isoformat(),
            )


def _teams(c: _Context) -> Iterator[Finding]:
    teams = c.dataset.security_teams
    yield from _duplicates("security_teams", [t.id for t in teams], "G303")
    for index, team in enumerate(teams):
        where = f"$.security_teams[{index}]"
        hamlets: list[Unit] = []
        yield from _team_places(c, team, where, hamlets)
        day = team.established_on.isoformat()
        if established_before_law(team):
            yield Finding("G402", f"{where}.established_on", team.id, "established_on", day)
        if not team.active_during(c.period):
            yield c.outside_period(
                "G403", f"{where}.established_on", team.id, "established_on", day
            )
        for problem in composition_problems(team):
            yield Finding(
                "G601",
                f"{where}.{problem.field}",
                team.id,
                problem.field,
                str(problem.count),
                {"reason": problem.reason, "reason_vi": problem.reason_vi},
            )
        # Sizes are judged by the kinds of the hamlets served: only when all are known.
        if c.team_sizes is not None and len(hamlets) == len(team.hamlet_codes):
            for size in size_problems(team, hamlets, c.team_sizes):
                params = {"reason": size.reason, "reason_vi": size.reason_vi}
                yield Finding("G602", where, team.id, None, str(team.size), params)


def _team_places(
    c: _Context, team: SecurityTeam, where: str, hamlets: list[Unit]
) -> Iterator[Finding]:
    """
    Check a team's commune and hamlets; add the hamlets that pass to *hamlets*.
    """
    commune = c.units.get(team.commune_code)
    field = "commune_code"
    if commune is None:
        yield Finding("G202", f"{where}.{field}", team.id, field, team.commune_code)
    elif commune.level is not UnitLevel.COMMUNE:
        params = _level_params(commune)
        yield Finding("G504", f"{where}.{field}", team.id, field, team.commune_code, params)
    for position, code in enumerate(team.hamlet_codes):
        at = f"{where}.hamlet_codes[{position}]"
        hamlet = c.units.get(code)
        if hamlet is None:
            yield Finding("G203", at, team.id, "hamlet_codes", code)
        elif hamlet.level is not UnitLevel.HAMLET:
            yield Finding("G502", at, team.id, "hamlet_codes", code, _level_params(hamlet))
        elif (
            commune is not None
            and commune.level is UnitLevel.COMMUNE
            and hamlet.parent_code != commune.code
        ):
            params = {"commune": team.commune_code}
            yield Finding("G503", at, team.id, "hamlet_codes", code, params)
        else:
            hamlets.append(hamlet)


def _level_params(unit: Unit) -> dict[str, object]:
    return {"level": unit.level.value, "level_vi": unit.level.label}


def _facts(c: _Context) -> Iterator[Finding]:
    seen: set[tuple[str, int, str]] = set()
    for index, fact in enumerate(c.dataset.assessment_facts):
        where = f"$.assessment_facts[{index}]"
        if c.place(fact.unit_code) is None:
            yield Finding("A201", f"{where}.unit_code", fact.unit_code, "unit_code", fact.unit_code)
        key = (fact.unit_code, fact.year, fact.fact)
        if key in seen:
            params = {"unit": fact.unit_code, "year": fact.year}
            yield Finding("A301", f"{where}.fact", fact.unit_code, "fact", fact.fact, params)
        seen.add(key)


def _recognitions(c: _Context) -> Iterator[Finding]:
    seen: set[tuple[str, int]] = set()
    for index, decision in enumerate(c.dataset.recognitions):
        where = f"$.recognitions[{index}]"
        place = c.place(decision.code)
        if place is None:
            yield Finding("A202", f"{where}.code", decision.code, "code", decision.code)
        else:
            try:
                check_eligible(place)
            except NotEligibleError as error:
                params = {"reason": error.reason, "reason_vi": error.reason_vi}
                yield Finding("A501", f"{where}.code", decision.code, "code", decision.code, params)
        key = (decision.code, decision.year)
        if key in seen:
            params = {"unit": decision.code}
            year = str(decision.year)
            yield Finding("A302", f"{where}.year", decision.code, "year", year, params)
        seen.add(key)


def _cases(c: _Context) -> Iterator[Finding]:
    cases = c.dataset.reintegration_cases
    yield from _duplicates("reintegration_cases", [x.id for x in cases], "R301")
    for index, case in enumerate(cases):
        where = f"$.reintegration_cases[{index}]"
        unit = c.units.get(case.unit_code)
        lives_there = unit is not None and unit.level in {UnitLevel.COMMUNE, UnitLevel.HAMLET}
        if case.unit_code in c.organisations or (unit is not None and not lives_there):
            yield Finding("R501", f"{where}.unit_code", case.id, "unit_code", case.unit_code)
        elif unit is None:
            yield Finding("R201", f"{where}.unit_code", case.id, "unit_code", case.unit_code)
        if not case.period.overlaps(c.period):
            yield c.outside_period("R401", f"{where}.period", case.id, "period", str(case.period))
        if c.edition is not None and not c.edition.in_force_on(case.period.start):
            params = _edition_params(c.edition)
            where_period = f"{where}.period"
            yield Finding("U403", where_period, case.id, "period", str(case.period), params)


def _tallies(c: _Context) -> Iterator[Finding]:
    tallies = c.dataset.declared_tallies
    yield from _duplicates("declared_tallies", [t.id for t in tallies], "D301")
    index_of = {id(t): n for n, t in enumerate(tallies)}
    for index, tally in enumerate(tallies):
        if not c.period.contains(tally.period):
            yield c.outside_period(
                "D401", f"$.declared_tallies[{index}].period", tally.id, "period", str(tally.period)
            )
    accepted, overlaps = accepted_tallies(c.dataset)
    for overlap in sorted(overlaps, key=lambda o: index_of[id(o.tally)]):
        tally = overlap.tally
        where = f"$.declared_tallies[{index_of[id(tally)]}]"
        if overlap.cause is OverlapCause.UNKNOWN_UNIT:
            yield Finding("D201", f"{where}.unit_code", tally.id, "unit_code", tally.unit_code)
        elif overlap.cause is OverlapCause.RECORDS:
            yield Finding("D601", where, tally.id, params={"figure": tally.figure.value})
        else:
            rival = overlap.rival
            other = rival.id if rival is not None else ""  # a TALLY overlap names its rival
            yield Finding(
                "D602", where, tally.id, params={"figure": tally.figure.value, "other": other}
            )
    yield from _parts(c, accepted, index_of)
    for index, tally in enumerate(tallies):
        yield from _printed_share(tally, f"$.declared_tallies[{index}].printed_share")


_PERCENT = re.compile(r"(?P<whole>[0-9]+)(?:[.,](?P<decimals>[0-9]+))?\s?%")


def _printed_share(tally: DeclaredTally, where: str) -> Iterator[Finding]:
    """
    D604: the printed percentage against the ratio, at the printed precision.
    """
    if tally.printed_share is None or tally.of_total is None:
        return
    match = _PERCENT.fullmatch(tally.printed_share.strip())
    decimals = len(match["decimals"] or "") if match else 0
    computed = (
        format_percent(Fraction(tally.value, tally.of_total), decimals=decimals)
        if tally.of_total
        else "no share (of 0)"
    )
    printed = tally.printed_share.strip().replace(" ", "").replace(".", ",")
    if match is None or printed != computed:
        yield Finding(
            "D604",
            where,
            tally.id,
            "printed_share",
            tally.printed_share,
            {
                "printed": tally.printed_share,
                "of_total": tally.of_total,
                "computed": computed,
                "part": tally.value,
            },
        )


def _parts(c: _Context, accepted: Sequence[Any], index_of: Mapping[int, int]) -> Iterator[Finding]:
    """
    D603: a unit's tally against the sum of its children's, when every child declares.
    """
    registry = c.dataset.registry
    by_key = {(t.unit_code, t.figure, t.detail, t.period): t for t in c.dataset.declared_tallies}
    for tally in accepted:
        if not registry.has_unit(tally.unit_code):
            continue
        children = registry.children(tally.unit_code)
        parts = [
            by_key.get((child.code, tally.figure, tally.detail, tally.period)) for child in children
        ]
        if children and all(part is not None for part in parts):
            total = sum(part.value for part in parts if part is not None)
            if total != tally.value:
                yield Finding(
                    "D603",
                    f"$.declared_tallies[{index_of[id(tally)]}].value",
                    tally.id,
                    "value",
                    str(tally.value),
                    {"parts": total},
                )


def _edition_params(edition: Edition) -> dict[str, object]:
    start, end = edition.in_force_from, edition.in_force_to
    if start is not None and end is not None:
        window_vi = f"hiệu lực từ ngày {_vi_day(start)} đến hết ngày {_vi_day(end)}"
    elif start is not None:
        window_vi = f"hiệu lực từ ngày {_vi_day(start)}"
    elif end is not None:
        window_vi = f"hiệu lực đến hết ngày {_vi_day(end)}"
    else:
        window_vi = "hiệu lực mọi ngày"
    return {"edition": edition.name, "window": edition.window, "window_vi": window_vi}


def _vi_day(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _established_outside_edition(c: _Context, group: ModelGroup, where: str) -> Iterator[Finding]:
    """
    A group founded before its edition is fine: it lives on in the new units.
    """
    edition = c.edition
    end = None if edition is None else edition.in_force_to
    if edition is not None and end is not None and group.established_on > end:
        day = group.established_on.isoformat()
        params = _edition_params(edition)
        yield Finding("U403", f"{where}.established_on", group.id, "established_on", day, params)


_WHAT = {"kind": ("kind", "loại"), "parent_code": ("parent unit", "đơn vị cấp trên")}


def _edition_units(c: _Context) -> Iterator[Finding]:
    """
    Check the official units of the registry against the dataset's edition.
    """
    edition = c.edition
    if edition is None:
        return
    official = edition.registry
    for index, unit in enumerate(c.dataset.registry.units):
        if unit.level is UnitLevel.HAMLET:
            continue
        where = f"$.units[{index}]"
        params = _edition_params(edition)
        if not official.has_unit(unit.code):
            level = {"level": unit.level.value, "level_vi": unit.level.label.removeprefix("cấp ")}
            yield Finding("U203", f"{where}.code", unit.code, "code", unit.code, params | level)
            continue
        listed = official.get(unit.code)
        for field in ("kind", "parent_code"):
            expected, value = getattr(listed, field), getattr(unit, field)
            if expected != value:
                what, what_vi = _WHAT[field]
                shown = {"expected": _shown(expected), "what": what, "what_vi": what_vi}
                found = params | shown | {"code": unit.code}
                yield Finding("U504", f"{where}.{field}", unit.code, field, _shown(value), found)
        if tone_key(listed.name) != tone_key(unit.name):
            found = params | {"expected": listed.name, "code": unit.code}
            yield Finding("U505", f"{where}.name", unit.code, "name", unit.name, found)


def _shown(value: object) -> str:
    return value.value if isinstance(value, UnitKind) else str(value)


def _whole(c: _Context) -> Iterator[Finding]:
    edition = c.edition
    if edition is not None and not (
        edition.in_force_on(c.period.start) and edition.in_force_on(c.period.end)
    ):
        params = _edition_params(edition) | {"period": str(c.period)}
        yield Finding("X402", "$.period", field="period", value=str(c.period), params=params)
    if c.period.start < TT124_FROM <= c.period.end:
        yield Finding(
            "X401",
            "$.period",
            field="period",
            value=str(c.period),
            params={"period": str(c.period)},
        )
