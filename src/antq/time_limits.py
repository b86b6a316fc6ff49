"""
The time limits for handling a tip: deciding on it, and handing it on.

Bộ luật Tố tụng hình sự 2015, Điều 147: within 20 days of receipt, a decision is taken
(prosecute, not prosecute, or suspend); for a complex case the time limit may be
extended to at most 2 months from receipt, and the procuracy may extend it once more,
by at most 2 months. Điều 148: the handling is suspended once the time limit has run
out, for the reasons it lists, and can be resumed. Thông tư liên tịch 01/2017 (in force
1 March 2018; read in a secondary source): ward and township police hand a tip on to
the investigators within 24 hours, the police of remote communes within 48 hours.

The records hold days, not hours: a limit of 24 hours is met when the tip is handed on
no later than the day after it was received, one of 48 hours no later than two days
after.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING

from antq.tips import ExtensionGrantor, TipDecision
from antq.units import UnitKind

if TYPE_CHECKING:
    from antq.tips import TipRecord

__all__ = [
    "DAYS_TO_DECIDE",
    "EXTENSION_MONTHS",
    "TRANSFERS_FROM",
    "add_months",
    "decided_in_time",
    "overdue",
    "suspended_early",
    "time_limit",
    "transfer_limit_days",
]

#: The days from receipt to a decision (Điều 147.1).
DAYS_TO_DECIDE = 20
#: The months an extension may reach from receipt, and the months the procuracy may
#: add once (Điều 147.2 and 147.3).
EXTENSION_MONTHS = 2
#: The day Thông tư liên tịch 01/2017 came into force, with its limits on handing tips on.
TRANSFERS_FROM = dt.date(2018, 3, 1)


def add_months(day: dt.date, months: int) -> dt.date:
    """
    Return the same day *months* calendar months later (the month's last day if shorter).
    """
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def time_limit(tip: TipRecord) -> tuple[dt.date, list[str]]:
    """
    Return a tip's time limit under Điều 147, and what is wrong with its extensions.

    Twenty days from receipt; an extension by the handling agency moves it to at most 2
    months from receipt; one extension by the procuracy adds at most 2 more months.
    Extensions beyond these bounds count only up to the bound.
    """
    deadline = tip.received_on + dt.timedelta(days=DAYS_TO_DECIDE)
    problems: list[str] = []
    by_procuracy = 0
    for extension in tip.extensions:
        if extension.granted_by is ExtensionGrantor.PROCURACY:
            by_procuracy += 1
            bound = add_months(
                max(deadline, add_months(tip.received_on, EXTENSION_MONTHS)), EXTENSION_MONTHS
            )
            if by_procuracy > 1:
                problems.append("the procuracy may extend only once")
                continue
        else:
            bound = add_months(tip.received_on, EXTENSION_MONTHS)
        if extension.until > bound:
            problems.append(
                f"extended to {extension.until.isoformat()}, beyond {bound.isoformat()}"
            )
        deadline = max(deadline, min(extension.until, bound))
    return deadline, problems


def decided_in_time(tip: TipRecord) -> bool | None:
    """
    Tell whether a tip was decided by its time limit; ``None`` when it has no decision.

    Only a tip classified under Điều 144 (``legal_kind``) has a time limit; for any other
    the answer is ``None`` too. A suspension is a decision (Điều 147.1).
    """
    if tip.legal_kind is None or tip.decided_on is None:
        return None
    deadline, _ = time_limit(tip)
    return tip.decided_on <= deadline


def overdue(tip: TipRecord, as_of: dt.date) -> bool:
    """
    Tell whether a tip is past its time limit on *as_of* without a decision taken by then.

    A tip not classified under Điều 144 has no time limit. Once suspended, a tip is
    never overdue again: a resumed tip (``resumed_on``) waits for a new decision whose
    time limit antq does not know (Điều 149 is not among its sources).
    """
    if tip.legal_kind is None:
        return False
    deadline, _ = time_limit(tip)
    return as_of > deadline and (tip.decided_on is None or tip.decided_on > as_of)


def suspended_early(tip: TipRecord) -> bool:
    """
    Tell whether a tip was suspended before its time limit ran out (Điều 148.1).
    """
    if tip.legal_kind is None or tip.decision is not TipDecision.SUSPEND:
        return False
    deadline, _ = time_limit(tip)
    # A decision always has its date (TipRecord's rule).
    return tip.decided_on is not None and tip.decided_on < deadline


def transfer_limit_days(kind: UnitKind, *, remote: bool = False) -> int | None:
    """
    Return the days within which a commune-level police hands a tip on, if known.

    Thông tư liên tịch 01/2017: ward (phường) and township (thị trấn) police within 24
    hours, 1 day; the police of a remote commune within 48 hours, 2 days. For any other
    unit the limit is not known to antq, and ``None`` is returned.
    """
    if remote and kind is UnitKind.COMMUNE:
        return 2
    if kind in {UnitKind.WARD, UnitKind.TOWNSHIP}:
        return 1
    return None
