"""
Tests of the time limits for deciding on a tip and handing it on (antq.time_limits).
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, find, given, settings

from antq import (
    ExtensionGrantor,
    MovementDataset,
    Period,
    TipChannel,
    TipDecision,
    TipExtension,
    TipLegalKind,
    TipRecord,
    Unit,
    UnitKind,
    UnitRegistry,
    testing,
)
from antq.time_limits import (
    DAYS_TO_DECIDE,
    EXTENSION_MONTHS,
    TRANSFERS_FROM,
    add_months,
    decided_in_time,
    overdue,
    suspended_early,
    time_limit,
    transfer_limit_days,
)

if TYPE_CHECKING:
    from collections.abc import Callable

WARD = "01840"
HANDLING = ExtensionGrantor.HANDLING_AGENCY
PROCURACY = ExtensionGrantor.PROCURACY
PROSECUTE = TipDecision.PROSECUTE
NOT_PROSECUTE = TipDecision.NOT_PROSECUTE
SUSPEND = TipDecision.SUSPEND

#: A late day of judgement, long after every time limit below.
LONG_AFTER = "2017-12-31"

#: A city with a ward and a commune, whose police receive the tips drawn.
REGISTRY = UnitRegistry(
    [
        Unit("06", "Bắc Kạn", UnitKind.PROVINCE),
        Unit("058", "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code="06"),
        Unit(WARD, "Đức Xuân", UnitKind.WARD, parent_code="058"),
        Unit("01849", "Dương Quang", UnitKind.COMMUNE, parent_code="058"),
    ]
)

# Builders ------------------------------------------------------------------------------


def day(text: str) -> dt.date:
    """
    Return the day written ``YYYY-MM-DD``.
    """
    return dt.date.fromisoformat(text)


def extension(until: str, by: ExtensionGrantor = HANDLING) -> TipExtension:
    """
    Return an extension granted on 10 March 2017, the day of receipt, until *until*.
    """
    return TipExtension(day("2017-03-10"), day(until), by)


def denunciation(
    *,
    decision: TipDecision | None = None,
    decided_on: str | None = None,
    extensions: tuple[TipExtension, ...] = (),
    **fields: Any,
) -> TipRecord:
    """
    Return a denunciation received by the ward on 10 March 2017: its 20 days end on 30 March.

    A day of decision without a decision is a decision not to prosecute.
    """
    if decided_on is not None and decision is None:
        decision = NOT_PROSECUTE
    return TipRecord(
        "TIP1",
        day("2017-03-10"),
        WARD,
        TipChannel.PHONE,
        legal_kind=TipLegalKind.DENUNCIATION,
        decision=decision,
        decided_on=None if decided_on is None else day(decided_on),
        extensions=extensions,
        **fields,
    )


def unclassified(tip: TipRecord) -> TipRecord:
    """
    Return *tip* without its legal kind: a slip not classified under Điều 144.
    """
    return attrs.evolve(tip, legal_kind=None)


# The constants ---------------------------------------------------------------------------


class TestConstants:
    """
    The numbers of the law, as antq reads them.
    """

    def test_twenty_days_two_months_and_the_day_of_the_circular(self) -> None:
        """
        20 days to decide, extensions of 2 months, transfers judged from 1 March 2018.
        """
        expected = (20, 2, dt.date(2018, 3, 1))
        assert expected == (DAYS_TO_DECIDE, EXTENSION_MONTHS, TRANSFERS_FROM)


# add_months ------------------------------------------------------------------------------


class TestAddMonths:
    """
    The same day some calendar months later.
    """

    @pytest.mark.parametrize(
        ("start", "months", "expected"),
        [
            ("2023-01-31", 1, "2023-02-28"),
            ("2024-01-31", 1, "2024-02-29"),
            ("2017-03-10", 2, "2017-05-10"),
            ("2017-12-31", 2, "2018-02-28"),
            ("2017-11-15", 2, "2018-01-15"),
            ("2017-03-31", 1, "2017-04-30"),
            ("2017-03-10", 0, "2017-03-10"),
            ("2017-03-10", 24, "2019-03-10"),
        ],
    )
    def test_keeps_the_day_or_takes_the_last_of_the_month(
        self, start: str, months: int, expected: str
    ) -> None:
        """
        The same day some months later, or the month's last day when it is shorter.
        """
        assert day(expected) == add_months(day(start), months)

    @given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.integers(0, 240))
    def test_moves_by_whole_months_and_keeps_the_day_if_it_can(
        self, start: dt.date, months: int
    ) -> None:
        """
        The month moves by *months*; the day is kept, or is the month's last.
        """
        moved = add_months(start, months)
        month_index = moved.year * 12 + moved.month - (start.year * 12 + start.month)
        last = calendar.monthrange(moved.year, moved.month)[1]
        assert (months, min(start.day, last)) == (month_index, moved.day)


# time_limit ------------------------------------------------------------------------------


class TestTimeLimit:
    """
    The time limit for deciding on a tip (BLTTHS 2015, Điều 147).
    """

    @pytest.mark.parametrize(
        ("extensions", "expected"),
        [
            pytest.param((), ("2017-03-30", []), id="twenty-days"),
            pytest.param(
                (extension("2017-03-20"),), ("2017-03-30", []), id="short-extension-never-shortens"
            ),
            pytest.param((extension("2017-04-15"),), ("2017-04-15", []), id="within-2-months"),
            pytest.param((extension("2017-05-10"),), ("2017-05-10", []), id="exactly-2-months"),
            pytest.param(
                (extension("2017-06-01"),),
                ("2017-05-10", ["extended to 2017-06-01, beyond 2017-05-10"]),
                id="beyond-2-months-counts-up-to-the-bound",
            ),
            pytest.param(
                (extension("2017-05-10"), extension("2017-07-10", PROCURACY)),
                ("2017-07-10", []),
                id="procuracy-exactly-2-more-months",
            ),
            pytest.param(
                (extension("2017-05-10"), extension("2017-07-11", PROCURACY)),
                ("2017-07-10", ["extended to 2017-07-11, beyond 2017-07-10"]),
                id="procuracy-beyond-2-more-months-counts-up-to-the-bound",
            ),
            pytest.param(
                (extension("2017-06-01", PROCURACY),),
                ("2017-06-01", []),
                id="procuracy-alone",
            ),
            pytest.param(
                (
                    extension("2017-05-10"),
                    extension("2017-06-10", PROCURACY),
                    extension("2017-07-10", PROCURACY),
                ),
                ("2017-06-10", ["the procuracy may extend only once"]),
                id="second-procuracy-extension-refused",
            ),
        ],
    )
    def test_the_limit_is_twenty_days_then_bounded_extensions(
        self, extensions: tuple[TipExtension, ...], expected: tuple[str, list[str]]
    ) -> None:
        """
        Twenty days, then at most 2 months, then once at most 2 more months by the procuracy.
        """
        deadline, problems = time_limit(denunciation(extensions=extensions))
        assert (day(expected[0]), expected[1]) == (deadline, problems)

    def test_a_tip_received_on_31_december_is_bounded_by_28_february(self) -> None:
        """
        Two months after 31 December end on the last day of February.
        """
        received = day("2017-12-31")
        extended = TipRecord(
            "TIP1",
            received,
            WARD,
            TipChannel.FORM,
            legal_kind=TipLegalKind.DENUNCIATION,
            extensions=(TipExtension(received, day("2018-03-01"), HANDLING),),
        )
        expected = (day("2018-02-28"), ["extended to 2018-03-01, beyond 2018-02-28"])
        assert expected == time_limit(extended)

    @settings(max_examples=50, deadline=None)
    @given(st.data())
    def test_the_limit_lies_between_twenty_days_and_four_months(self, data: st.DataObject) -> None:
        """
        Whatever the extensions, the limit is 20 days to 2 + 2 months after receipt.
        """
        received = data.draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)))
        extensions = data.draw(
            st.lists(testing.tip_extensions(received_on=received), max_size=4).map(tuple)
        )
        tip = TipRecord("TIP1", received, WARD, TipChannel.PHONE, extensions=extensions)
        deadline, _ = time_limit(tip)
        longest = add_months(add_months(received, EXTENSION_MONTHS), EXTENSION_MONTHS)
        assert received + dt.timedelta(days=DAYS_TO_DECIDE) <= deadline <= longest


# The cases of Điều 147 and 148 -----------------------------------------------------------

#: One case: the tip's extensions, decision, day of decision and day of resumption; the
#: day of judgement; then its time limit, the problems with its extensions, and whether it
#: was decided in time, is overdue on the day of judgement, and was suspended early.
Case = tuple[
    tuple[TipExtension, ...],
    TipDecision | None,
    str | None,
    str | None,
    str,
    tuple[str, list[str], bool | None, bool, bool],
]

TOO_LONG = "extended to 2017-06-01, beyond 2017-05-10"
TWICE = "the procuracy may extend only once"
BOTH = (extension("2017-05-10"), extension("2017-07-10", PROCURACY))

ARTICLE_147: dict[str, Case] = {
    "no-extension-decided-on-the-last-day": (
        (),
        NOT_PROSECUTE,
        "2017-03-30",
        None,
        LONG_AFTER,
        ("2017-03-30", [], True, False, False),
    ),
    "no-extension-decided-the-day-after": (
        (),
        PROSECUTE,
        "2017-03-31",
        None,
        LONG_AFTER,
        ("2017-03-30", [], False, False, False),
    ),
    "no-extension-undecided-on-the-last-day": (
        (),
        None,
        None,
        None,
        "2017-03-30",
        ("2017-03-30", [], None, False, False),
    ),
    "no-extension-undecided-the-day-after": (
        (),
        None,
        None,
        None,
        "2017-03-31",
        ("2017-03-30", [], None, True, False),
    ),
    "no-extension-decided-after-the-day-of-judgement": (
        (),
        PROSECUTE,
        "2017-04-02",
        None,
        "2017-04-01",
        ("2017-03-30", [], False, True, False),
    ),
    "agency-extension-within-2-months-decided-on-its-last-day": (
        (extension("2017-04-15"),),
        NOT_PROSECUTE,
        "2017-04-15",
        None,
        LONG_AFTER,
        ("2017-04-15", [], True, False, False),
    ),
    "agency-extension-within-2-months-undecided-the-day-after": (
        (extension("2017-04-15"),),
        None,
        None,
        None,
        "2017-04-16",
        ("2017-04-15", [], None, True, False),
    ),
    "agency-extension-beyond-2-months-decided-within-it": (
        (extension("2017-06-01"),),
        NOT_PROSECUTE,
        "2017-05-20",
        None,
        LONG_AFTER,
        ("2017-05-10", [TOO_LONG], False, False, False),
    ),
    "agency-extension-beyond-2-months-undecided-after-the-bound": (
        (extension("2017-06-01"),),
        None,
        None,
        None,
        "2017-05-11",
        ("2017-05-10", [TOO_LONG], None, True, False),
    ),
    "one-procuracy-extension-decided-on-its-last-day": (
        BOTH,
        PROSECUTE,
        "2017-07-10",
        None,
        LONG_AFTER,
        ("2017-07-10", [], True, False, False),
    ),
    "one-procuracy-extension-undecided-on-its-last-day": (
        BOTH,
        None,
        None,
        None,
        "2017-07-10",
        ("2017-07-10", [], None, False, False),
    ),
    "second-procuracy-extension-does-not-count": (
        (
            extension("2017-05-10"),
            extension("2017-06-10", PROCURACY),
            extension("2017-07-10", PROCURACY),
        ),
        NOT_PROSECUTE,
        "2017-07-10",
        None,
        LONG_AFTER,
        ("2017-06-10", [TWICE], False, False, False),
    ),
    "suspended-early": (
        (),
        SUSPEND,
        "2017-03-29",
        None,
        LONG_AFTER,
        ("2017-03-30", [], True, False, True),
    ),
    "suspended-on-the-deadline": (
        (),
        SUSPEND,
        "2017-03-30",
        None,
        LONG_AFTER,
        ("2017-03-30", [], True, False, False),
    ),
    "suspended-late": (
        (),
        SUSPEND,
        "2017-03-31",
        None,
        LONG_AFTER,
        ("2017-03-30", [], False, False, False),
    ),
    "suspended-early-within-an-extension": (
        (extension("2017-04-15"),),
        SUSPEND,
        "2017-04-01",
        None,
        LONG_AFTER,
        ("2017-04-15", [], True, False, True),
    ),
    "suspended-late-judged-before-the-suspension": (
        (),
        SUSPEND,
        "2017-04-05",
        None,
        "2017-04-01",
        ("2017-03-30", [], False, True, False),
    ),
    "resumed-judged-after-the-resumption-without-a-new-decision": (
        (),
        SUSPEND,
        "2017-04-05",
        "2017-05-01",
        LONG_AFTER,
        ("2017-03-30", [], False, False, False),
    ),
    "resumed-after-a-suspension-on-the-deadline": (
        (),
        SUSPEND,
        "2017-03-30",
        "2017-06-01",
        LONG_AFTER,
        ("2017-03-30", [], True, False, False),
    ),
}


class TestArticle147:
    """
    Each case of Điều 147 and 148, judged by every function at once.
    """

    @pytest.mark.parametrize("case", list(ARTICLE_147.values()), ids=list(ARTICLE_147))
    def test_each_case(self, case: Case) -> None:
        """
        The time limit, its problems, and the three judgements of each case.

        Whether the tip was decided in time, is overdue on the day of judgement, and was
        suspended early.
        """
        extensions, decision, decided_on, resumed_on, as_of, expected = case
        tip = denunciation(
            decision=decision,
            decided_on=decided_on,
            extensions=extensions,
            resumed_on=None if resumed_on is None else day(resumed_on),
        )
        deadline, problems = time_limit(tip)
        actual = (
            deadline.isoformat(),
            problems,
            decided_in_time(tip),
            overdue(tip, day(as_of)),
            suspended_early(tip),
        )
        assert expected == actual


# decided_in_time, overdue, suspended_early -------------------------------------------------


class TestDecidedInTime:
    """
    Whether a decision came by the time limit.
    """

    def test_an_unclassified_tip_has_no_answer(self) -> None:
        """
        A slip not classified under Điều 144 has no time limit, even when decided late.
        """
        tip = unclassified(denunciation(decided_on="2017-12-01"))
        assert decided_in_time(tip) is None

    def test_an_undecided_tip_has_no_answer(self) -> None:
        """
        Without a decision there is nothing to judge.
        """
        assert decided_in_time(denunciation()) is None


class TestOverdue:
    """
    Whether a tip is past its time limit without a decision.
    """

    def test_an_unclassified_tip_is_never_overdue(self) -> None:
        """
        A slip not classified under Điều 144 waits as long as it waits.
        """
        assert not overdue(unclassified(denunciation()), day("2026-01-01"))

    @pytest.mark.parametrize(
        ("decided_on", "expected"),
        [
            pytest.param("2017-04-09", False, id="decided-the-day-before"),
            pytest.param("2017-04-10", False, id="decided-on-the-day"),
            pytest.param("2017-04-11", True, id="decided-the-day-after"),
        ],
    )
    def test_a_decision_counts_from_its_day_on(self, decided_on: str, *, expected: bool) -> None:
        """
        On 10 April a tip decided late is overdue only until the day of its decision.
        """
        assert expected == overdue(denunciation(decided_on=decided_on), day("2017-04-10"))


class TestResumed:
    """
    A resumed tip waits for a new decision whose time limit antq does not know.
    """

    @pytest.mark.parametrize("as_of", ["2017-04-05", "2017-04-20", "2017-05-01", LONG_AFTER])
    def test_is_not_overdue_from_its_suspension_on(self, as_of: str) -> None:
        """
        From the day of its suspension on, through and after its resumption, never overdue.
        """
        tip = denunciation(decision=SUSPEND, decided_on="2017-04-05", resumed_on=day("2017-05-01"))
        assert not overdue(tip, day(as_of))

    def test_is_overdue_before_its_suspension_as_if_not_resumed(self) -> None:
        """
        On 1 April, before its suspension of 5 April, the tip is overdue, resumed later or not.

        Its deadline was 30 March.
        """
        tip = denunciation(decision=SUSPEND, decided_on="2017-04-05")
        resumed = attrs.evolve(tip, resumed_on=day("2017-05-01"))
        assert (True, True) == (
            overdue(tip, day("2017-04-01")),
            overdue(resumed, day("2017-04-01")),
        )


class TestSuspendedEarly:
    """
    Whether a suspension came before the time limit ran out (Điều 148.1).
    """

    @pytest.mark.parametrize("decision", [PROSECUTE, NOT_PROSECUTE], ids=lambda d: d.value)
    def test_other_decisions_are_never_suspensions(self, decision: TipDecision) -> None:
        """
        A decision to prosecute or not, taken early, is no early suspension.
        """
        assert not suspended_early(denunciation(decision=decision, decided_on="2017-03-11"))

    def test_an_undecided_tip_is_not_suspended(self) -> None:
        """
        Without a decision there is no suspension.
        """
        assert not suspended_early(denunciation())

    def test_an_unclassified_tip_has_no_time_limit_to_run_out(self) -> None:
        """
        A slip not classified under Điều 144 has no time limit, so no early suspension.
        """
        tip = unclassified(denunciation(decision=SUSPEND, decided_on="2017-03-11"))
        assert not suspended_early(tip)


# transfer_limit_days ---------------------------------------------------------------------

#: The kinds of unit whose police TTLT 01/2017 gives a limit, remote or not.
TRANSFER_LIMITS = {
    (UnitKind.WARD, False): 1,
    (UnitKind.WARD, True): 1,
    (UnitKind.TOWNSHIP, False): 1,
    (UnitKind.TOWNSHIP, True): 1,
    (UnitKind.COMMUNE, True): 2,
}


class TestTransferLimitDays:
    """
    The days within which commune-level police hand a tip on (TTLT 01/2017).
    """

    @pytest.mark.parametrize(
        ("kind", "remote"),
        [(kind, remote) for kind in UnitKind for remote in (False, True)],
        ids=[
            f"{kind.value}-{'remote' if r else 'not-remote'}" for kind in UnitKind for r in (0, 1)
        ],
    )
    def test_wards_and_townships_one_day_remote_communes_two(
        self, kind: UnitKind, *, remote: bool
    ) -> None:
        """
        24 hours (1 day) for a ward or township, 48 (2 days) for a remote commune, else none.
        """
        assert TRANSFER_LIMITS.get((kind, remote)) == transfer_limit_days(kind, remote=remote)

    def test_a_commune_is_not_remote_unless_told(self) -> None:
        """
        Without ``remote``, a commune has no known limit.
        """
        assert transfer_limit_days(UnitKind.COMMUNE) is None


# Generated tips ----------------------------------------------------------------------------


class TestGeneratedTips:
    """
    The tips that antq.testing draws keep the time limits.
    """

    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(testing.datasets(period=Period(dt.date(2017, 1, 1), dt.date(2019, 12, 31))))
    def test_decided_in_time_never_suspended_early_handed_on_within_a_day(
        self, dataset: MovementDataset
    ) -> None:
        """
        No decision is late, no suspension early, and a transfer takes at most a day.
        """
        for tip in dataset.tips:
            assert decided_in_time(tip) is not False
            assert not suspended_early(tip)
            if tip.transferred_on is not None:
                assert (tip.transferred_on - tip.received_on).days <= 1

    @pytest.mark.parametrize(
        "drawn",
        [
            pytest.param(lambda tip: tip.decision is SUSPEND, id="suspended"),
            pytest.param(lambda tip: tip.resumed_on is not None, id="resumed"),
            pytest.param(lambda tip: tip.transferred_on is not None, id="handed-on"),
            pytest.param(
                lambda tip: tip.transferred_on is not None and tip.transferred_on > tip.received_on,
                id="handed-on-the-next-day",
            ),
        ],
    )
    def test_suspensions_resumptions_and_transfers_are_drawn(
        self, drawn: Callable[[TipRecord], bool]
    ) -> None:
        """
        The strategy draws each of the later days of a tip's handling.
        """
        tip = find(
            testing.tips(registry=REGISTRY, period=Period.year(2019)),
            drawn,
            settings=settings(max_examples=2000, deadline=None, database=None),
        )
        assert drawn(tip)
