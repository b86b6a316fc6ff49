"""
The counting rules in DuckDB SQL, over a directory of JSON Lines files.

The sessions and the tips of a directory in the JSON Lines form (``sessions.jsonl``,
``tips.jsonl``) are read by an embedded DuckDB and counted in SQL, by the rules CR-01
to CR-05, CR-09, CR-10 and CR-11, without an object for each record; the time limits
of Điều 147 (:mod:`antq.time_limits`) are restated in SQL, extensions included. The
records that are few go through the counters of :func:`antq.counting.summarize_records`
itself: the model groups, the reintegration cases and the declared tallies. The summary
is the one :func:`~antq.counting.summarize_records` returns for the same records.

The files are taken as valid, as :func:`antq.formats.read_dataset` accepts them: only
the fields that the rules read are read, each with its type, and a key absent from a
line takes the field's default. This module needs DuckDB, the extra ``antq[duckdb]``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import duckdb

from antq.counting import (
    _SESSION_FIGURES,
    _SLIP_FIGURES,
    MOBILISING_KINDS,
    _Figures,
    _scope_in,
    _TallyMarks,
)
from antq.tallies import TallyFigure
from antq.time_limits import DAYS_TO_DECIDE, EXTENSION_MONTHS
from antq.tips import ExtensionGrantor, TipAssessment, TipChannel

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence
    from pathlib import Path

    from antq.counting import Scope, Summary
    from antq.groups import ModelGroup
    from antq.periods import Period
    from antq.reintegration import ReintegrationCase
    from antq.tallies import DeclaredTally
    from antq.units import UnitRegistry

__all__ = ["summarize_jsonl"]

# The records ----------------------------------------------------------------------------
#
# One table per section, with the fields the rules read. The types are written here
# once: the reader is given the table's own columns, so a key absent from a line is
# NULL, and a key the rules do not read (an informant, a campaign) is left unread.

_SESSIONS = """
CREATE TABLE sessions (
    id VARCHAR,
    held_on DATE,
    place_code VARCHAR,
    kind VARCHAR,
    participant_turns HUGEINT,
    slips_collected HUGEINT
)
"""

_TIPS = """
CREATE TABLE tips (
    received_on DATE,
    receiving_unit_code VARCHAR,
    channel VARCHAR,
    origin_code VARCHAR,
    session_id VARCHAR,
    legal_kind VARCHAR,
    assessment VARCHAR,
    decided_on DATE,
    extensions STRUCT(granted_on DATE, until DATE, granted_by VARCHAR)[]
)
"""

# A single file read into a table keeps the order of its lines, so a session's rowid
# is its place in the file (DuckDB's order preservation). The order of the tips does
# not matter: DuckDB may read them in parallel.
_READ_SESSIONS = """
INSERT INTO sessions BY NAME
SELECT * FROM read_json($path, format = 'newline_delimited', columns = $columns)
"""

_READ_TIPS = """
SET preserve_insertion_order = false;
INSERT INTO tips BY NAME
SELECT * FROM read_json($path, format = 'newline_delimited', columns = $columns);
"""

_SECTIONS = (("sessions", _SESSIONS, _READ_SESSIONS), ("tips", _TIPS, _READ_TIPS))

# CR-04: the sessions that slip records refer to, wherever the slips were received; a
# slip record supersedes its session's tally of slips.
_REFERRED = """
CREATE TABLE referred AS
SELECT DISTINCT session_id AS id
FROM tips
WHERE channel = $form AND session_id IS NOT NULL
"""

# The scope ------------------------------------------------------------------------------

# The units and organisations of the scope: the codes a record must name to lie in it.
_SCOPE = """
CREATE TABLE scope_places AS
SELECT
    unnest($codes::VARCHAR[]) AS code,
    unnest($hamlets::BOOLEAN[]) AS hamlet,
    unnest($organisations::BOOLEAN[]) AS organisation
"""

# The sessions ---------------------------------------------------------------------------

# CR-01's test (_held_in): the sessions held in the period, in a place of the scope.
_HELD = """
CREATE TABLE held AS
SELECT s.id, s.place_code, s.kind, s.participant_turns, s.slips_collected, p.hamlet,
    p.organisation
FROM sessions AS s
JOIN scope_places AS p ON p.code = s.place_code
WHERE s.held_on BETWEEN $first_day AND $last_day
"""

# CR-01 and CR-02: the sessions held, and their participant-turns.
_SESSIONS_HELD = "SELECT count(*), coalesce(sum(participant_turns), 0) FROM held"

# CR-03 (_mobilises): the distinct hamlets of the scope where a propaganda or launch
# session was held.
_HAMLETS = "SELECT DISTINCT place_code FROM held WHERE hamlet AND list_contains($kinds, kind)"

# CR-09: the organisations of the scope where a session was held.
_ORGANISATIONS = "SELECT DISTINCT place_code FROM held WHERE organisation"

# CR-04: the slips tallied at the sessions held, by session id, where no slip record
# refers to the session.
_TALLIED = """
SELECT id, sum(slips_collected)
FROM held
WHERE slips_collected > 0 AND id NOT IN (SELECT id FROM referred)
GROUP BY id
"""

# The tips -------------------------------------------------------------------------------

# CR-04 and CR-05 (_is_slip_of): the slips received in the period by a unit of the
# scope, and those of value.
_SLIPS = """
SELECT count(*), count(*) FILTER (WHERE t.assessment = $valuable)
FROM tips AS t
JOIN scope_places AS p ON p.code = t.receiving_unit_code
WHERE t.channel = $form AND t.received_on BETWEEN $first_day AND $last_day
"""

# CR-11 (_time_limit_status): where each tip classified under Điều 144 and received in
# the period by a unit of the scope stands on the day of judgement. Its time limit
# (antq.time_limits.time_limit) is the day of receipt and 20 days, moved by its
# extensions: one by the handling agency to its day, but no later than 2 months from
# receipt; the first by the procuracy to its day, but no later than 2 months beyond
# those 2; a later one by the procuracy does not count. A tip decided by the day of
# judgement was decided in time or late; a tip not decided by then is overdue once that
# day is past its limit.
_TIME_LIMITS = """
WITH limits AS (
    SELECT
        t.decided_on,
        greatest(
            t.received_on + $days,
            list_max(list_transform(
                list_filter(t.extensions, lambda e: e.granted_by = $agency),
                lambda e: least(e.until, CAST(t.received_on + to_months($months) AS DATE))
            )),
            CASE WHEN list_filter(t.extensions, lambda e: e.granted_by = $procuracy) <> [] THEN
                least(
                    list_filter(t.extensions, lambda e: e.granted_by = $procuracy)[1].until,
                    CAST(t.received_on + to_months($months) + to_months($months) AS DATE)
                )
            END
        ) AS deadline
    FROM tips AS t
    JOIN scope_places AS p ON p.code = t.receiving_unit_code
    WHERE t.legal_kind IS NOT NULL AND t.received_on BETWEEN $first_day AND $last_day
)
SELECT
    count(*) FILTER (WHERE decided_on <= $day AND decided_on <= deadline),
    count(*) FILTER (WHERE decided_on <= $day AND decided_on > deadline),
    count(*) FILTER (WHERE (decided_on IS NULL OR decided_on > $day) AND $day > deadline)
FROM limits
"""

# The declared tallies -------------------------------------------------------------------

# CR-10: each tally whose unit is in the registry, with its period and what its
# figure reads: any session (sessions, participant-turns), the propaganda and launch
# sessions of hamlets (hamlets mobilised), the sessions in organisations of its kind
# (organisations taking part), the sessions' own tallies of slips (slips collected),
# and the slip records (slips collected, tips of value).
_TALLIES = """
CREATE TABLE tallies AS
SELECT unnest(
    $tallies::STRUCT(
        tally INTEGER,
        first_day DATE,
        last_day DATE,
        any_session BOOLEAN,
        mobilising BOOLEAN,
        organisation_kind VARCHAR,
        session_slips BOOLEAN,
        slips BOOLEAN
    )[],
    recursive := true
)
"""

# CR-10: the units and organisations of each tally's scope, its unit and those below.
_TALLY_PLACES = """
CREATE TABLE tally_places AS
SELECT
    unnest($tallies::INTEGER[]) AS tally,
    unnest($codes::VARCHAR[]) AS code,
    unnest($hamlets::BOOLEAN[]) AS hamlet,
    unnest($kinds::VARCHAR[]) AS organisation_kind
"""

# CR-10, records win (_TallyMarks.session): the tallies that a session held in their
# period, in a place of their scope, gives records to. A session's tally of slips
# gives records to a tally of slips only when no slip record refers to the session.
_MARKED_BY_SESSIONS = """
SELECT DISTINCT t.tally
FROM sessions AS s
JOIN tally_places AS p ON p.code = s.place_code
JOIN tallies AS t ON t.tally = p.tally
WHERE s.held_on BETWEEN t.first_day AND t.last_day
    AND (
        t.any_session
        OR (t.mobilising AND p.hamlet AND list_contains($kinds, s.kind))
        OR p.organisation_kind = t.organisation_kind
        OR (
            t.session_slips
            AND s.slips_collected > 0
            AND s.id NOT IN (SELECT id FROM referred)
        )
    )
"""

# CR-10, records win (_TallyMarks.tip): the tallies of slips that a slip received in
# their period gives records to. A slip lies where it was received, where it came from,
# and where its session was held: the last session of an id in the file decides.
_MARKED_BY_SLIPS = """
WITH session_places AS (
    SELECT id, arg_max(place_code, rowid) AS place_code
    FROM sessions
    GROUP BY id
),
slip_records AS (
    SELECT received_on, receiving_unit_code, origin_code, session_id
    FROM tips
    WHERE channel = $form
),
slip_places AS (
    SELECT received_on, receiving_unit_code AS code FROM slip_records
    UNION ALL
    SELECT received_on, origin_code FROM slip_records WHERE origin_code IS NOT NULL
    UNION ALL
    SELECT r.received_on, s.place_code
    FROM slip_records AS r
    JOIN session_places AS s ON s.id = r.session_id
)
SELECT DISTINCT t.tally
FROM slip_places AS r
JOIN tally_places AS p ON p.code = r.code
JOIN tallies AS t ON t.tally = p.tally
WHERE t.slips AND r.received_on BETWEEN t.first_day AND t.last_day
"""

_MOBILISING = sorted(kind.value for kind in MOBILISING_KINDS)


def summarize_jsonl(  # noqa: PLR0913 -- the options of summarize_records, keyword-only
    directory: Path,
    registry: UnitRegistry,
    period: Period,
    *,
    model_groups: Sequence[ModelGroup] = (),
    reintegration_cases: Sequence[ReintegrationCase] = (),
    declared_tallies: Sequence[DeclaredTally] = (),
    unit: str | None = None,
    descendants: bool = True,
    as_of: dt.date | None = None,
) -> Summary:
    """
    Count the sessions and tips of a JSON Lines directory in SQL, by the rules CR-01 to CR-11.

    The summary is the one :func:`antq.counting.summarize_records` returns for the
    sessions of ``sessions.jsonl`` and the tips of ``tips.jsonl`` in *directory*, with
    the other records given. A missing file is an empty section. The files are not
    checked: they are taken as valid. DuckDB reads a byte order mark only at the start
    of a file, and only from its version 1.4: a mark it does not read is its error,
    never a wrong count.

    Args:
        directory: The directory of JSON Lines files.
        registry: The units and organisations the records refer to.
        period: The period of the records, and of the summary.
        model_groups: The model groups.
        reintegration_cases: The reintegration cases.
        declared_tallies: The declared tallies.
        unit: The unit's code; ``None`` counts every unit.
        descendants: Count the units below *unit* too (the default).
        as_of: The day tips are judged overdue (CR-11); the last day of *period* by
            default.

    Returns:
        The summary.

    Raises:
        antq.errors.UnknownUnitError: When *unit* is not in the registry.
        duckdb.Error: When DuckDB cannot read a file as lines of the section's records.
    """
    scope = _scope_in(registry, period, unit, descendants=descendants, as_of=as_of or period.end)
    figures = _Figures(scope)
    marks = _TallyMarks(registry, tuple(declared_tallies))
    for group in model_groups:
        figures.group(group)
        marks.group(group)
    for case in reintegration_cases:
        figures.case(case)
        marks.case(case)
    with duckdb.connect() as connection:
        _read(connection, directory)
        _register_scope(connection, scope)
        _count_sessions(connection, figures)
        _count_tips(connection, figures)
        if marks.tallies:
            _mark_tallies(connection, marks)
    accepted, _ = marks.resolve()
    return figures.summary(accepted)


def _read(connection: duckdb.DuckDBPyConnection, directory: Path) -> None:
    """
    Read the sessions and the tips into their tables; a missing file is an empty section.
    """
    for name, create, read in _SECTIONS:
        connection.execute(create)
        path = directory / f"{name}.jsonl"
        if path.is_file():
            table = connection.table(name)
            columns = dict(zip(table.columns, map(str, table.dtypes), strict=True))
            connection.execute(read, {"path": _pattern(path), "columns": columns})
    connection.execute(_REFERRED, {"form": TipChannel.FORM.value})


def _pattern(path: Path) -> str:
    """
    Return the pattern of *path* that DuckDB matches to that file alone.

    DuckDB reads a file name as a glob pattern: each ``*``, ``?`` and ``[`` is put in a
    class of its own (``[*]``), which matches only itself. An absolute path keeps a
    leading ``~`` or a ``name://`` from being read as a home or a remote file system.
    """
    return re.sub(r"[*?\[]", lambda match: f"[{match.group()}]", str(path.absolute()))


def _register_scope(connection: duckdb.DuckDBPyConnection, scope: Scope) -> None:
    """
    Register the codes of the scope, each marked a hamlet or an organisation.
    """
    codes = [*scope.units, *scope.organisations]
    units = len(scope.units)
    columns = {
        "codes": codes,
        "hamlets": [code in scope.hamlets for code in codes],
        "organisations": [n >= units for n in range(len(codes))],
    }
    connection.execute(_SCOPE, columns)


def _count_sessions(connection: duckdb.DuckDBPyConnection, figures: _Figures) -> None:
    """
    Count the sessions of the scope: CR-01 to CR-04, CR-09.
    """
    period = figures.scope.period
    connection.execute(_HELD, {"first_day": period.start, "last_day": period.end})
    ((figures.sessions, figures.participant_turns),) = connection.execute(_SESSIONS_HELD).fetchall()
    hamlets = connection.execute(_HAMLETS, {"kinds": _MOBILISING}).fetchall()
    figures.hamlets = {code for (code,) in hamlets}
    figures.places |= {code for (code,) in connection.execute(_ORGANISATIONS).fetchall()}
    figures.tallied = dict(connection.execute(_TALLIED).fetchall())


def _count_tips(connection: duckdb.DuckDBPyConnection, figures: _Figures) -> None:
    """
    Count the tips of the scope: CR-04, CR-05 and CR-11.
    """
    scope = figures.scope
    days = {"first_day": scope.period.start, "last_day": scope.period.end}
    ((figures.slips, figures.valuable),) = connection.execute(
        _SLIPS, {**days, "form": TipChannel.FORM.value, "valuable": TipAssessment.VALUABLE.value}
    ).fetchall()
    ((in_time, late, overdue),) = connection.execute(
        _TIME_LIMITS,
        {
            **days,
            "day": figures.day,
            "days": DAYS_TO_DECIDE,
            "months": EXTENSION_MONTHS,
            "agency": ExtensionGrantor.HANDLING_AGENCY.value,
            "procuracy": ExtensionGrantor.PROCURACY.value,
        },
    ).fetchall()
    figures.by_time_limit = [in_time, late, overdue, 0]


def _mark_tallies(connection: duckdb.DuckDBPyConnection, marks: _TallyMarks) -> None:
    """
    Mark the tallies that sessions and slips give records to (CR-10, records win).
    """
    tallies: list[dict[str, object]] = []
    places: dict[str, list[object]] = {"tallies": [], "codes": [], "hamlets": [], "kinds": []}
    for n, (tally, scope) in enumerate(zip(marks.tallies, marks.scopes, strict=True)):
        if scope is None:
            continue
        kind = tally.organisation_kind
        tallies.append(
            {
                "tally": n,
                "first_day": tally.period.start,
                "last_day": tally.period.end,
                "any_session": tally.figure in _SESSION_FIGURES,
                "mobilising": tally.figure is TallyFigure.HAMLETS_MOBILISED,
                "organisation_kind": None if kind is None else kind.value,
                "session_slips": tally.figure is TallyFigure.SLIPS_COLLECTED,
                "slips": tally.figure in _SLIP_FIGURES,
            }
        )
        for code in scope.units:
            _add_place(places, n, code, hamlet=code in scope.hamlets, kind=None)
        for code, organisation_kind in scope.organisations.items():
            _add_place(places, n, code, hamlet=False, kind=organisation_kind.value)
    connection.execute(_TALLIES, {"tallies": tallies})
    connection.execute(_TALLY_PLACES, places)
    found = connection.execute(_MARKED_BY_SESSIONS, {"kinds": _MOBILISING}).fetchall()
    found += connection.execute(_MARKED_BY_SLIPS, {"form": TipChannel.FORM.value}).fetchall()
    for (n,) in found:
        marks.found[n] = True


def _add_place(
    places: dict[str, list[object]], tally: int, code: str, *, hamlet: bool, kind: str | None
) -> None:
    """
    Add a code of a tally's scope to the columns of ``tally_places``.
    """
    places["tallies"].append(tally)
    places["codes"].append(code)
    places["hamlets"].append(hamlet)
    places["kinds"].append(kind)
