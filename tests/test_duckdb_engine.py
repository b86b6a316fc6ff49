"""
Tests of the DuckDB engine (antq._duckdb): the counting rules in SQL over JSON Lines files.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from antq import (
    CampaignKind,
    DeclaredTally,
    ExtensionGrantor,
    MobilisationSession,
    MovementDataset,
    Organisation,
    OrganisationKind,
    Period,
    TallyFigure,
    TipChannel,
    TipDecision,
    TipExtension,
    TipLegalKind,
    TipRecord,
    Unit,
    UnitKind,
    UnitRegistry,
    UnknownUnitError,
    testing,
)
from antq.counting import Summary, summarize, summarize_records
from antq.formats import write_dataset
from antq.io import load_example
from antq.time_limits import time_limit

duckdb = pytest.importorskip("duckdb")

from antq._duckdb import summarize_jsonl  # noqa: E402 -- only once DuckDB is there

if TYPE_CHECKING:
    from collections.abc import Callable

#: Settings for the properties, drawn over whole datasets written to files.
properties = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

YEAR = Period.year(2017)
PROVINCE, CITY, WARD, COMMUNE = "06", "058", "01840", "01849"
T01, T02, VILLAGE = "01840-T01", "01840-T02", "01849-T01"
SCHOOL = "TH-01"

#: Bắc Kạn city, a ward with two residential groups and a school, a commune with a village.
REGISTRY = UnitRegistry(
    [
        Unit(PROVINCE, "Bắc Kạn", UnitKind.PROVINCE),
        Unit(CITY, "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code=PROVINCE),
        Unit(WARD, "Đức Xuân", UnitKind.WARD, parent_code=CITY),
        Unit(T01, "Tổ 1", UnitKind.RESIDENTIAL_GROUP, parent_code=WARD),
        Unit(T02, "Tổ 2", UnitKind.RESIDENTIAL_GROUP, parent_code=WARD),
        Unit(COMMUNE, "Dương Quang", UnitKind.COMMUNE, parent_code=CITY),
        Unit(VILLAGE, "Thôn 1", UnitKind.VILLAGE, parent_code=COMMUNE),
    ],
    organisations=[
        Organisation(SCHOOL, "Trường THCS số 1", OrganisationKind.SCHOOL, unit_code=WARD)
    ],
)


def day(text: str) -> dt.date:
    """
    Return the date written ``YYYY-MM-DD``.
    """
    return dt.date.fromisoformat(text)


def session(
    id_: str, held_on: str, place: str, *, slips: int = 0, kind: CampaignKind | None = None
) -> MobilisationSession:
    """
    Build a propaganda session of 30 participant-turns, unless told otherwise.
    """
    return MobilisationSession(
        id_,
        day(held_on),
        place,
        kind or CampaignKind.PROPAGANDA,
        participant_turns=30,
        slips_collected=slips,
    )


def slip(id_: str, received_on: str, receiver: str, *, session_id: str | None = None) -> TipRecord:
    """
    Build a slip (a tip of channel ``form``).
    """
    return TipRecord(id_, day(received_on), receiver, TipChannel.FORM, session_id=session_id)


def tally(
    id_: str, unit: str, figure: TallyFigure, value: int, period: Period = YEAR
) -> DeclaredTally:
    """
    Build a declared tally of a figure counted without kinds.
    """
    return DeclaredTally(id_, unit, period, figure, value)


def dataset_of(**sections: Any) -> MovementDataset:
    """
    Build a dataset of 2017 over :data:`REGISTRY` with *sections*.
    """
    return MovementDataset(YEAR, REGISTRY, **sections)


def files_summary(
    dataset: MovementDataset,
    directory: Path,
    *,
    period: Period | None = None,
    unit: str | None = None,
    descendants: bool = True,
    as_of: dt.date | None = None,
) -> Summary:
    """
    Count the files in *directory* with the dataset's registry and other sections.
    """
    return summarize_jsonl(
        directory,
        dataset.registry,
        period or dataset.period,
        model_groups=dataset.model_groups,
        reintegration_cases=dataset.reintegration_cases,
        declared_tallies=dataset.declared_tallies,
        unit=unit,
        descendants=descendants,
        as_of=as_of,
    )


def jsonl_summary(
    dataset: MovementDataset,
    *,
    period: Period | None = None,
    unit: str | None = None,
    descendants: bool = True,
    as_of: dt.date | None = None,
) -> Summary:
    """
    Write *dataset* as JSON Lines into a fresh directory and count its files.
    """
    with tempfile.TemporaryDirectory() as name:
        directory = Path(name)
        write_dataset(dataset, directory, form="jsonl")
        return files_summary(
            dataset, directory, period=period, unit=unit, descendants=descendants, as_of=as_of
        )


def records_summary(dataset: MovementDataset, *, as_of: dt.date | None = None) -> Summary:
    """
    Count *dataset* with the reference engine that reads records one at a time.
    """
    return summarize_records(
        dataset.registry,
        dataset.period,
        sessions=dataset.sessions,
        tips=dataset.tips,
        model_groups=dataset.model_groups,
        reintegration_cases=dataset.reintegration_cases,
        declared_tallies=dataset.declared_tallies,
        as_of=as_of,
    )


def codes(dataset: MovementDataset) -> list[str]:
    """
    Return the codes of the dataset's units and organisations.
    """
    registry = dataset.registry
    return [unit.code for unit in registry.units] + [o.code for o in registry.organisations]


@st.composite
def with_late_decisions(draw: st.DrawFn, dataset: MovementDataset) -> MovementDataset:
    """
    Draw the dataset with some of its classified tips decided after their time limit.

    antq.testing decides every tip in time; late decisions are CR-11's second count.
    """
    tips = []
    for tip in dataset.tips:
        if tip.legal_kind is not None and tip.decision is not None and draw(st.booleans()):
            deadline, _ = time_limit(tip)
            late = deadline + dt.timedelta(days=draw(st.integers(1, 90)))
            tip = attrs.evolve(tip, decided_on=late, resumed_on=None)  # noqa: PLW2901
        tips.append(tip)
    return attrs.evolve(dataset, tips=tips)


#: Generated datasets with tallies, so that CR-10 has records to set tallies aside for,
#: and tips decided late, some after the period.
DATASETS = testing.datasets(max_declared_tallies=6).flatmap(with_late_decisions)

# The properties: the same summary as the reference --------------------------------------


@properties
@given(dataset=DATASETS)
def test_the_summary_of_the_files_is_the_datasets(dataset: MovementDataset) -> None:
    """
    The summary of every unit counted from the files is antq.summarize's of the dataset.
    """
    assert summarize(dataset) == jsonl_summary(dataset)


@properties
@given(data=st.data(), dataset=DATASETS)
def test_the_summary_of_a_unit_is_the_datasets(
    data: st.DataObject, dataset: MovementDataset
) -> None:
    """
    For a unit or an organisation, with or without the units below, the summaries agree.
    """
    unit = data.draw(st.sampled_from(codes(dataset)), label="unit")
    descendants = data.draw(st.booleans(), label="descendants")
    expected = summarize(dataset, unit=unit, descendants=descendants)
    assert expected == jsonl_summary(dataset, unit=unit, descendants=descendants)


@properties
@given(data=st.data(), dataset=DATASETS)
def test_the_summary_as_of_a_later_day_is_the_datasets(
    data: st.DataObject, dataset: MovementDataset
) -> None:
    """
    Judged on a day after the period (CR-11), the summaries agree.
    """
    end = dataset.period.end
    as_of = data.draw(st.dates(end + dt.timedelta(days=1), end + dt.timedelta(days=400)))
    assert summarize(dataset, as_of=as_of) == jsonl_summary(dataset, as_of=as_of)


@properties
@given(data=st.data(), dataset=DATASETS)
def test_the_summary_of_a_part_of_the_period_is_the_datasets(
    data: st.DataObject, dataset: MovementDataset
) -> None:
    """
    For a part of the period, judged on the dataset's last day, the summaries agree.
    """
    part = data.draw(testing.periods(within=dataset.period), label="part")
    expected = summarize(dataset, period=part)
    assert expected == jsonl_summary(dataset, period=part, as_of=dataset.period.end)


# The bundled example --------------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> MovementDataset:
    """
    The bundled example: the Bắc Kạn city police, 2016 to May 2018.
    """
    return load_example()


@pytest.fixture(scope="module")
def example_files(example: MovementDataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """
    The bundled example written as JSON Lines, once for the module.
    """
    directory = tmp_path_factory.mktemp("bac-kan-jsonl")
    write_dataset(example, directory, form="jsonl")
    return directory


def test_the_bundled_example_is_summarised_as_by_summarize(
    example: MovementDataset, example_files: Path
) -> None:
    """
    The example's ten thousand tips and 246 sessions give antq.summarize's summary.
    """
    assert summarize(example) == files_summary(example, example_files)


@pytest.mark.parametrize(
    ("unit", "period"),
    [("01849", Period.year(2017)), ("01840", Period.quarter(2016, 2)), ("058", Period.year(2018))],
)
def test_a_unit_of_the_bundled_example_is_summarised_as_by_summarize(
    example: MovementDataset, example_files: Path, unit: str, period: Period
) -> None:
    """
    A commune, a ward and the city, each in a part of the example's period, agree.
    """
    expected = summarize(example, unit=unit, period=period)
    actual = files_summary(
        example, example_files, unit=unit, period=period, as_of=example.period.end
    )
    assert expected == actual


# Files and directories ------------------------------------------------------------------


def test_an_empty_directory_gives_the_empty_summary(tmp_path: Path) -> None:
    """
    Without sessions.jsonl and tips.jsonl, there is nothing to count.
    """
    assert Summary() == summarize_jsonl(tmp_path, REGISTRY, YEAR)


def test_a_missing_file_is_an_empty_section(tmp_path: Path) -> None:
    """
    Without tips.jsonl, the sessions are counted and no slip record supersedes their tally.
    """
    dataset = dataset_of(
        sessions=[session("S1", "2017-03-08", T01, slips=40)],
        tips=[slip("P1", "2017-03-08", WARD, session_id="S1")],
    )
    write_dataset(dataset, tmp_path, form="jsonl")
    (tmp_path / "tips.jsonl").unlink()
    expected = summarize(attrs.evolve(dataset, tips=()))
    assert expected == files_summary(dataset, tmp_path)
    assert expected.slips_collected == 40


#: Two sessions and two slips, to write by hand.
LINES = dataset_of(
    sessions=[session("S1", "2017-03-08", T01, slips=5), session("S2", "2017-04-08", T02)],
    tips=[slip("P1", "2017-03-08", WARD), slip("P2", "2017-03-09", WARD)],
)


def rewrite_lines(directory: Path, join: Callable[[list[bytes]], bytes]) -> None:
    """
    Write LINES as JSON Lines into *directory*, each file's lines joined by *join*.
    """
    write_dataset(LINES, directory, form="jsonl")
    for name in ("sessions.jsonl", "tips.jsonl"):
        path = directory / name
        path.write_bytes(join(path.read_bytes().splitlines()))


def test_blank_lines_and_crlf_are_read_as_the_reference_reads_them(tmp_path: Path) -> None:
    """
    Blank lines, and lines of spaces, are skipped; a line may end with CR LF.
    """
    rewrite_lines(tmp_path, lambda lines: b"\n   \n".join(lines) + b"\r\n\r\n\n")
    assert summarize(LINES) == files_summary(LINES, tmp_path)


@pytest.mark.parametrize(
    "join",
    [
        pytest.param(lambda lines: b"\xef\xbb\xbf" + b"\n".join(lines), id="first line"),
        pytest.param(b"\n\xef\xbb\xbf".join, id="later lines"),
    ],
)
def test_a_byte_order_mark_is_read_or_refused_never_miscounted(
    tmp_path: Path, join: Callable[[list[bytes]], bytes]
) -> None:
    """
    A line that starts with a byte order mark is counted, or is DuckDB's error.

    The reference skips the mark on any line; DuckDB reads it at the start of a file
    from version 1.4, and nowhere else.
    """
    rewrite_lines(tmp_path, join)
    try:
        summary = files_summary(LINES, tmp_path)
    except duckdb.Error:
        return
    assert summarize(LINES) == summary


def test_a_directory_named_with_glob_characters_is_read_alone(tmp_path: Path) -> None:
    """
    A directory named ``b*x`` is read, and not its neighbour ``bax`` that the name matches.
    """
    dataset = dataset_of(sessions=[session("S1", "2017-03-08", T01)])
    other = dataset_of(sessions=[session("S9", "2017-03-08", T02)])
    write_dataset(dataset, tmp_path / "b*x [1]?", form="jsonl")
    write_dataset(other, tmp_path / "bax 1x", form="jsonl")
    assert summarize(dataset) == files_summary(dataset, tmp_path / "b*x [1]?")


def test_a_file_duckdb_cannot_read_raises_its_error(tmp_path: Path) -> None:
    """
    A line that is not JSON is DuckDB's error: the files are not checked otherwise.
    """
    (tmp_path / "sessions.jsonl").write_text("not JSON\n", encoding="utf-8")
    with pytest.raises(duckdb.Error):
        summarize_jsonl(tmp_path, REGISTRY, YEAR)


def test_an_unknown_unit_is_refused(tmp_path: Path) -> None:
    """
    A unit that is not in the registry has no scope.
    """
    with pytest.raises(UnknownUnitError):
        summarize_jsonl(tmp_path, REGISTRY, YEAR, unit="99999")


# The rules ------------------------------------------------------------------------------


def test_a_tip_with_extensions_is_judged_like_the_reference() -> None:
    """
    CR-11: an extension moves the time limit; past it a tip is late or overdue.
    """

    def extended(id_: str, until: str, decided_on: str | None) -> TipRecord:
        return TipRecord(
            id_,
            day("2017-03-01"),
            WARD,
            TipChannel.PHONE,
            legal_kind=TipLegalKind.DENUNCIATION,
            decision=None if decided_on is None else TipDecision.NOT_PROSECUTE,
            decided_on=None if decided_on is None else day(decided_on),
            extensions=[
                TipExtension(day("2017-03-15"), day(until), ExtensionGrantor.HANDLING_AGENCY)
            ],
        )

    dataset = dataset_of(
        tips=[
            extended("H1", "2017-04-30", "2017-04-20"),  # in time, 50 days after receipt
            extended("H2", "2017-04-10", "2017-04-20"),  # late: ten days after its limit
            extended("H3", "2017-04-10", None),  # overdue on 31 December
        ]
    )
    summary = jsonl_summary(dataset)
    assert (1, 1, 1) == (
        summary.tips_decided_in_time,
        summary.tips_decided_late,
        summary.tips_overdue,
    )
    assert records_summary(dataset) == summary


@pytest.mark.parametrize(
    ("received_on", "extensions", "decided_on", "expected"),
    [
        # Beyond 2 months from receipt, the handling agency's extension counts to the bound.
        ("2017-03-01", [("2017-03-15", "2017-06-30", "handling_agency")], "2017-05-02", "late"),
        ("2017-03-01", [("2017-03-15", "2017-06-30", "handling_agency")], "2017-05-01", "in_time"),
        # The procuracy adds at most 2 months to the 2 months, once.
        (
            "2017-03-01",
            [
                ("2017-03-15", "2017-05-01", "handling_agency"),
                ("2017-04-20", "2017-09-30", "procuracy"),
            ],
            "2017-07-01",
            "in_time",
        ),
        (
            "2017-03-01",
            [("2017-04-20", "2017-09-30", "procuracy")],
            "2017-07-02",
            "late",
        ),
        (
            "2017-03-01",
            [
                ("2017-03-02", "2017-03-25", "procuracy"),
                ("2017-04-20", "2017-06-30", "procuracy"),
            ],
            "2017-04-01",
            "late",
        ),
        # Month ends: 31 December and 2 + 2 months is 28 April, not 30 April.
        ("2016-12-31", [("2017-01-05", "2017-12-31", "procuracy")], "2017-04-28", "in_time"),
        ("2016-12-31", [("2017-01-05", "2017-12-31", "procuracy")], "2017-04-29", "late"),
        ("2016-12-31", [("2017-01-05", "2017-12-31", "procuracy")], None, "overdue"),
    ],
    ids=[
        "agency-beyond-bound-late",
        "agency-beyond-bound-in-time",
        "agency-then-procuracy",
        "procuracy-alone-late",
        "second-procuracy-ignored",
        "month-end-in-time",
        "month-end-late",
        "month-end-overdue",
    ],
)
def test_the_bounds_of_extensions_are_those_of_the_reference(
    received_on: str,
    extensions: list[tuple[str, str, str]],
    decided_on: str | None,
    expected: str,
) -> None:
    """
    CR-11: extensions count up to the bounds of Điều 147, as antq.time_limits says.
    """
    tip = TipRecord(
        "X1",
        day(received_on),
        WARD,
        TipChannel.PHONE,
        legal_kind=TipLegalKind.DENUNCIATION,
        decision=None if decided_on is None else TipDecision.NOT_PROSECUTE,
        decided_on=None if decided_on is None else day(decided_on),
        extensions=[
            TipExtension(day(granted), day(until), ExtensionGrantor(by))
            for granted, until, by in extensions
        ],
    )
    dataset = attrs.evolve(dataset_of(tips=[tip]), period=Period.parse("2016-12..2017"))
    summary = jsonl_summary(dataset)
    found = {
        "in_time": summary.tips_decided_in_time,
        "late": summary.tips_decided_late,
        "overdue": summary.tips_overdue,
    }
    assert (expected, 1) == (max(found, key=found.__getitem__), sum(found.values()))
    assert records_summary(dataset) == summary


def test_a_session_tally_is_superseded_by_its_slip_records() -> None:
    """
    CR-04: the 40 slips tallied at S1 give way to its two slip records; S2's 12 count.
    """
    dataset = dataset_of(
        sessions=[
            session("S1", "2017-03-08", T01, slips=40),
            session("S2", "2017-11-20", VILLAGE, slips=12),
        ],
        tips=[
            slip("P1", "2017-03-08", WARD, session_id="S1"),
            slip("P2", "2017-03-08", WARD, session_id="S1"),
        ],
    )
    summary = jsonl_summary(dataset)
    assert 2 + 12 == summary.slips_collected
    assert records_summary(dataset) == summary


def test_a_slip_record_received_elsewhere_still_supersedes_its_session_tally() -> None:
    """
    CR-04: a slip of S1 received by the commune, outside the ward, leaves the ward none.
    """
    dataset = dataset_of(
        sessions=[session("S1", "2017-03-08", T01, slips=40)],
        tips=[slip("P1", "2017-03-08", COMMUNE, session_id="S1")],
    )
    summary = jsonl_summary(dataset, unit=WARD)
    assert 0 == summary.slips_collected
    assert summarize(dataset, unit=WARD) == summary


def test_a_tally_is_set_aside_when_records_count_its_figure() -> None:
    """
    CR-10: the ward's 412 slips give way to its slip record; the commune's 5 sessions count.
    """
    dataset = dataset_of(
        tips=[slip("P1", "2017-03-08", WARD)],
        declared_tallies=[
            tally("D1", WARD, TallyFigure.SLIPS_COLLECTED, 412),
            tally("D2", COMMUNE, TallyFigure.SESSIONS, 5),
        ],
    )
    summary = jsonl_summary(dataset)
    assert (1, 5) == (summary.slips_collected, summary.sessions)
    assert summarize(dataset) == summary


@pytest.mark.parametrize(("slipped", "expected"), [(False, 40), (True, 1 + 7)])
def test_a_session_tally_sets_a_slip_tally_aside_only_without_slip_records(
    *, slipped: bool, expected: int
) -> None:
    """
    CR-10: S1's slips set aside March's tally of 7, unless a slip record refers to S1.

    The record was received in April, outside the tally's period: it sets nothing aside.
    """
    march = Period.month(2017, 3)
    dataset = dataset_of(
        sessions=[session("S1", "2017-03-08", T01, slips=40)],
        tips=[slip("P1", "2017-04-02", WARD, session_id="S1")] if slipped else [],
        declared_tallies=[tally("D1", T01, TallyFigure.SLIPS_COLLECTED, 7, march)],
    )
    summary = jsonl_summary(dataset)
    assert expected == summary.slips_collected
    assert records_summary(dataset) == summary


def test_the_last_session_of_an_id_decides_where_its_slips_lie() -> None:
    """
    CR-10: two sessions S1, in Tổ 1 then in Thôn 1: a slip of S1 lies in Thôn 1 only.

    The slip, received by the city, sets Thôn 1's tally of 3 aside; Tổ 1's tally of 5
    counts.
    """
    dataset = dataset_of(
        sessions=[session("S1", "2017-03-08", T01), session("S1", "2017-03-09", VILLAGE)],
        tips=[slip("P1", "2017-03-10", CITY, session_id="S1")],
        declared_tallies=[
            tally("D1", T01, TallyFigure.SLIPS_COLLECTED, 5),
            tally("D2", VILLAGE, TallyFigure.SLIPS_COLLECTED, 3),
        ],
    )
    summary = jsonl_summary(dataset)
    assert 1 + 5 == summary.slips_collected
    assert records_summary(dataset) == summary


def test_a_tally_of_a_unit_not_in_the_registry_is_set_aside() -> None:
    """
    CR-10: a tally declared by an unknown unit counts nowhere.
    """
    dataset = dataset_of(
        sessions=[session("S1", "2017-03-08", T01)],
        declared_tallies=[tally("D1", "99999", TallyFigure.SESSIONS, 9)],
    )
    summary = jsonl_summary(dataset)
    assert 1 == summary.sessions
    assert records_summary(dataset) == summary


def test_a_session_in_an_organisation_sets_its_kinds_tally_aside() -> None:
    """
    CR-10: a session in the school sets aside the ward's tally of schools, not of agencies.
    """
    dataset = dataset_of(
        sessions=[session("S1", "2017-09-05", SCHOOL)],
        declared_tallies=[
            DeclaredTally(
                f"D-{kind.value}",
                WARD,
                YEAR,
                TallyFigure.ORGANISATIONS_TAKING_PART,
                2,
                organisation_kind=kind,
            )
            for kind in (OrganisationKind.SCHOOL, OrganisationKind.AGENCY)
        ],
    )
    summary = jsonl_summary(dataset)
    assert {OrganisationKind.SCHOOL: 1, OrganisationKind.AGENCY: 2} == summary.organisations_by_kind
    assert records_summary(dataset) == summary


def test_only_propaganda_and_launch_sessions_in_hamlets_set_a_tally_of_hamlets_aside() -> None:
    """
    CR-10: a launch in Tổ 2 sets the ward's tally of hamlets aside; other sessions do not.

    Neither a festival day in Tổ 1 nor propaganda in the school mobilises a hamlet.
    """
    festival = session("S1", "2017-08-19", T01, kind=CampaignKind.FESTIVAL_DAY)
    school = session("S2", "2017-09-05", SCHOOL)
    launch = session("S3", "2017-06-10", T02, kind=CampaignKind.LAUNCH)
    tallies = [tally("D1", WARD, TallyFigure.HAMLETS_MOBILISED, 2)]
    kept = dataset_of(sessions=[festival, school], declared_tallies=tallies)
    set_aside = dataset_of(sessions=[festival, school, launch], declared_tallies=tallies)
    summaries = jsonl_summary(kept), jsonl_summary(set_aside)
    assert (2, 1) == tuple(summary.hamlets_mobilised for summary in summaries)
    assert (records_summary(kept), records_summary(set_aside)) == summaries


def test_a_slip_lies_where_it_came_from_for_a_tally_of_slips() -> None:
    """
    CR-10: a slip from Tổ 2, received by the ward, sets aside Tổ 2's tally of valuable tips.
    """
    from_t02 = TipRecord("P1", day("2017-05-02"), WARD, TipChannel.FORM, origin_code=T02)
    dataset = dataset_of(
        tips=[from_t02],
        declared_tallies=[tally("D1", T02, TallyFigure.VALUABLE_TIPS, 4)],
    )
    summary = jsonl_summary(dataset)
    assert (1, 0) == (summary.slips_collected, summary.valuable_tips)
    assert records_summary(dataset) == summary
