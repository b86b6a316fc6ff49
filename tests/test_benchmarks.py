"""
Tests of the benchmark code (benchmarks/): it runs on a tiny dataset, and nothing is timed.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from antq import MobilisationSession, TipRecord, summarize
from antq.catalogue import Severity
from antq.engines import summarize_file
from antq.formats import ReadResult, RejectedRecord, iter_jsonl, read_dataset
from antq.validation import validate

pytest.importorskip("pydantic")
pytest.importorskip("msgspec")
pytest.importorskip("polars")
pytest.importorskip("duckdb")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import msgspec  # noqa: E402
import pydantic  # noqa: E402
from benchmarks import generate, memory, peers, run  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Callable

SIZE = 2_000
SEED = 7


@pytest.fixture(scope="module")
def dataset_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """
    Return the directory of a tiny dataset, written once for the module.
    """
    directory = tmp_path_factory.mktemp("bench") / "data"
    generate.generate(SIZE, directory, seed=SEED)
    return directory


@pytest.fixture(scope="module")
def read(dataset_dir: Path) -> ReadResult:
    """
    Return the result of reading the tiny dataset with antq.
    """
    return read_dataset(dataset_dir)


def _lines(path: Path) -> list[bytes]:
    """
    Return the lines of a JSON Lines file that are not blank.
    """
    return [line for line in path.read_bytes().splitlines() if line.strip()]


def _records(path: Path) -> list[dict[str, Any]]:
    """
    Return the records of a JSON Lines file.
    """
    return [json.loads(line) for line in _lines(path)]


# The generator -------------------------------------------------------------------------


def test_the_same_seed_writes_the_same_bytes(dataset_dir: Path, tmp_path: Path) -> None:
    """
    The same size and seed write byte-identical files.
    """
    generate.generate(SIZE, tmp_path, seed=SEED)
    written = sorted(path.name for path in dataset_dir.iterdir())
    assert written == sorted(path.name for path in tmp_path.iterdir())
    for name in written:
        assert (dataset_dir / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_another_seed_draws_other_tips(dataset_dir: Path, tmp_path: Path) -> None:
    """
    Another seed draws other tips.
    """
    generate.generate(SIZE, tmp_path, seed=SEED + 1)
    assert (dataset_dir / "tips.jsonl").read_bytes() != (tmp_path / "tips.jsonl").read_bytes()


def test_the_size_is_the_number_of_tips(dataset_dir: Path) -> None:
    """
    The size asked for is the number of tips written.
    """
    assert SIZE == len(_lines(dataset_dir / "tips.jsonl"))


def test_antq_accepts_every_record(read: ReadResult, dataset_dir: Path) -> None:
    """
    Reading the directory with antq accepts every record the generator wrote.
    """
    assert read.valid, read.all_problems[:5]
    stamp = json.loads((dataset_dir / generate.STAMP).read_text(encoding="utf-8"))
    assert stamp["records"] == {section: read.accepted[section] for section in generate.SECTIONS}


def test_validation_finds_no_error(read: ReadResult) -> None:
    """
    Validation finds no error in the dataset (warnings are allowed).
    """
    assert read.dataset is not None
    errors = [f for f in validate(read.dataset).findings if f.severity is Severity.ERROR]
    assert [] == errors


def _has_extension_by(grantor: str) -> Callable[[dict[str, Any]], bool]:
    """
    Return a test of a tip for an extension granted by *grantor*.
    """
    return lambda tip: any(e["granted_by"] == grantor for e in tip.get("extensions", ()))


TIP_CASES: dict[str, Callable[[dict[str, Any]], bool]] = {
    "slip of a session": lambda tip: "session_id" in tip,
    "slip of no session": lambda tip: tip["channel"] == "form" and "session_id" not in tip,
    "call": lambda tip: tip["channel"] == "phone",
    "unclassified": lambda tip: "legal_kind" not in tip,
    "pending": lambda tip: "assessment" not in tip,
    "valuable": lambda tip: tip.get("assessment") == "valuable",
    "prosecuted": lambda tip: tip.get("decision") == "prosecute",
    "classified, undecided": lambda tip: "legal_kind" in tip and "decision" not in tip,
    "extended by the handling agency": _has_extension_by("handling_agency"),
    "extended by the procuracy": _has_extension_by("procuracy"),
    "suspended": lambda tip: tip.get("decision") == "suspend",
    "resumed": lambda tip: "resumed_on" in tip,
    "handed on": lambda tip: "transferred_on" in tip,
    "named informant": lambda tip: "informant" in tip,
}


@pytest.mark.parametrize("case", TIP_CASES)
def test_the_tips_hold_every_case(dataset_dir: Path, case: str) -> None:
    """
    The tiny dataset holds at least one tip of each case the benchmarks exercise.
    """
    assert any(TIP_CASES[case](tip) for tip in _records(dataset_dir / "tips.jsonl"))


def test_old_sessions_carry_tallies_and_no_slips(dataset_dir: Path) -> None:
    """
    Some sessions carry a tally of slips and have no slip records.
    """
    referred = {tip.get("session_id") for tip in _records(dataset_dir / "tips.jsonl")}
    sessions = _records(dataset_dir / "sessions.jsonl")
    assert any(s.get("slips_collected") and s["id"] not in referred for s in sessions)


@pytest.mark.parametrize(
    ("text", "tips"),
    [("100k", 100_000), ("1m", 1_000_000), ("5m", 5_000_000), ("2000", 2_000), ("3k", 3_000)],
)
def test_a_size_names_a_number_of_tips(text: str, tips: int) -> None:
    """
    A size is a named size, an integer, or an integer of thousands or millions.
    """
    assert tips == generate.parse_size(text)


@pytest.mark.parametrize("text", ["0", "-5", "big", "1.5m", ""])
def test_a_size_that_names_no_tips_is_refused(text: str) -> None:
    """
    A size that names no positive number of tips is refused.
    """
    with pytest.raises(ValueError, match="a size is a positive number of tips"):
        generate.parse_size(text)


# The record peers ----------------------------------------------------------------------


def _pydantic(model: type[pydantic.BaseModel]) -> Callable[[bytes], bool]:
    """
    Return a test of whether the pydantic *model* accepts a line.
    """

    def accepts(line: bytes) -> bool:
        try:
            model.model_validate_json(line)
        except pydantic.ValidationError:
            return False
        return True

    return accepts


def _msgspec(struct: type[msgspec.Struct]) -> Callable[[bytes], bool]:
    """
    Return a test of whether the msgspec *struct* accepts a line.
    """
    decoder = msgspec.json.Decoder(struct)

    def accepts(line: bytes) -> bool:
        try:
            decoder.decode(line)
        except msgspec.ValidationError:
            return False
        return True

    return accepts


TIP_PEERS = {"pydantic": _pydantic(peers.PydanticTip), "msgspec": _msgspec(peers.MsgspecTip)}
SESSION_PEERS = {
    "pydantic": _pydantic(peers.PydanticSession),
    "msgspec": _msgspec(peers.MsgspecSession),
}


@pytest.mark.parametrize("peer", TIP_PEERS)
def test_the_peers_accept_every_generated_tip(dataset_dir: Path, peer: str) -> None:
    """
    Each record peer accepts every generated tip.
    """
    refused = [line for line in _lines(dataset_dir / "tips.jsonl") if not TIP_PEERS[peer](line)]
    assert [] == refused


@pytest.mark.parametrize("peer", SESSION_PEERS)
def test_the_peers_accept_every_generated_session(dataset_dir: Path, peer: str) -> None:
    """
    Each record peer accepts every generated session.
    """
    lines = _lines(dataset_dir / "sessions.jsonl")
    assert [] == [line for line in lines if not SESSION_PEERS[peer](line)]


TIP: dict[str, object] = {
    "id": "T-1",
    "received_on": "2017-03-08",
    "receiving_unit_code": "01840",
    "channel": "form",
}
SESSION: dict[str, object] = {
    "id": "S-1",
    "held_on": "2017-03-08",
    "place_code": "01840-T01",
    "kind": "propaganda",
    "participant_turns": 45,
}
INVALID_TIPS: dict[str, dict[str, object]] = {
    "bad id": {"id": "T 1"},
    "id with a final newline": {"id": "T-1\n"},
    "pending with assessed_on": {"assessed_on": "2017-03-09"},
    "decided_on before received_on": {"decision": "prosecute", "decided_on": "2017-03-01"},
    "decision without its date": {"decision": "prosecute"},
    "unknown channel": {"channel": "fax"},
    "extra key": {"note": "gọi lại cho chị Lý Thị Cúc"},
    "date with a time": {"received_on": "2017-03-08T00:00"},
    "resumed, not suspended": {
        "decision": "prosecute",
        "decided_on": "2017-03-10",
        "resumed_on": "2017-03-20",
    },
    "extension ending before it is granted": {
        "extensions": [
            {"granted_on": "2017-03-10", "until": "2017-03-09", "granted_by": "procuracy"}
        ]
    },
    "extension before receipt": {
        "extensions": [
            {"granted_on": "2017-03-01", "until": "2017-04-09", "granted_by": "procuracy"}
        ]
    },
}
INVALID_SESSIONS: dict[str, dict[str, object]] = {
    "negative count": {"participant_turns": -1},
    "count with a fraction": {"participant_turns": 45.0},
    "count as a string": {"participant_turns": "45"},
    "null count with a default": {"slips_collected": None},
    "unknown kind": {"kind": "meeting"},
}


def _antq_accepts(line: bytes, cls: type[Any], section: str, tmp_path: Path) -> bool:
    """
    Return whether antq accepts *line* as a record of *section*.
    """
    path = tmp_path / f"{section}.jsonl"
    path.write_bytes(line + b"\n")
    [item] = iter_jsonl(path, cls, section)
    return not isinstance(item, RejectedRecord)


@pytest.mark.parametrize("peer", TIP_PEERS)
def test_the_peers_accept_the_valid_tip_antq_accepts(peer: str, tmp_path: Path) -> None:
    """
    A valid tip is accepted by antq and by each record peer.
    """
    line = json.dumps(TIP).encode()
    assert (True, True) == (_antq_accepts(line, TipRecord, "tips", tmp_path), TIP_PEERS[peer](line))


@pytest.mark.parametrize("peer", TIP_PEERS)
@pytest.mark.parametrize("case", INVALID_TIPS)
def test_the_peers_refuse_the_tips_antq_refuses(peer: str, case: str, tmp_path: Path) -> None:
    """
    A tip that antq refuses is refused by each record peer too.
    """
    line = json.dumps({**TIP, **INVALID_TIPS[case]}, ensure_ascii=False).encode()
    assert (False, False) == (
        _antq_accepts(line, TipRecord, "tips", tmp_path),
        TIP_PEERS[peer](line),
    )


@pytest.mark.parametrize("peer", SESSION_PEERS)
@pytest.mark.parametrize("case", INVALID_SESSIONS)
def test_the_peers_refuse_the_sessions_antq_refuses(peer: str, case: str, tmp_path: Path) -> None:
    """
    A session that antq refuses is refused by each record peer too.
    """
    line = json.dumps({**SESSION, **INVALID_SESSIONS[case]}).encode()
    accepted = _antq_accepts(line, MobilisationSession, "sessions", tmp_path)
    assert (False, False) == (accepted, SESSION_PEERS[peer](line))


# The summary peers ---------------------------------------------------------------------

SUMMARY_PEERS = {"DuckDB SQL": peers.duckdb_figures, "polars": peers.polars_figures}


@pytest.mark.parametrize("peer", SUMMARY_PEERS)
def test_the_hand_written_summaries_agree_with_antq(
    read: ReadResult, dataset_dir: Path, peer: str
) -> None:
    """
    Each hand-written summary gives antq's figures (slips: records and tallies).
    """
    assert read.dataset is not None
    summary = summarize(read.dataset)
    figures = SUMMARY_PEERS[peer](dataset_dir)
    expected = (
        summary.sessions,
        summary.participant_turns,
        summary.hamlets_mobilised,
        summary.slips_collected,
        summary.valuable_tips,
    )
    assert expected == (
        figures.sessions,
        figures.participant_turns,
        figures.hamlets_mobilised,
        figures.slips_collected + figures.session_tallies,
        figures.valuable_tips,
    )


# The runner ----------------------------------------------------------------------------


def test_a_quick_run_writes_the_markdown_tables(tmp_path: Path) -> None:
    """
    A quick run completes and writes a table row per load contender.
    """
    output = tmp_path / "results.md"
    assert 0 == run.main(["--quick", "--output", str(output)])
    text = output.read_text(encoding="utf-8")
    for contender in ("antq", "pydantic", "msgspec"):
        assert re.search(rf"^\| 2,000 tips [^|]*\| {contender} \| 2,000 \|", text, re.MULTILINE)


def test_the_memory_run_holds_the_other_sections_fixed(dataset_dir: Path, tmp_path: Path) -> None:
    """
    The memory run summarises the dataset with its tips repeated, and counts them all.
    """
    copy = memory.grown(dataset_dir, 3, tmp_path)
    once = summarize_file(dataset_dir, engine="reference")
    expected = (once.sessions, 3 * (once.slips_collected - session_tallies(dataset_dir)))
    slips, _ = memory.peak(copy, "reference")
    assert expected == (once.sessions, slips - session_tallies(dataset_dir))


def session_tallies(directory: Path) -> int:
    """
    The slips tallied at sessions no slip record refers to.
    """
    figures = peers.duckdb_figures(directory)
    return figures.session_tallies


def test_the_memory_run_writes_its_table(dataset_dir: Path, tmp_path: Path) -> None:
    """
    The memory run prints and writes one row per factor, and the growth.
    """
    output = tmp_path / "memory.md"
    assert 0 == memory.main([str(dataset_dir), "--times", "1,2", "--output", str(output)])
    rows = output.read_text(encoding="utf-8").splitlines()
    assert (5, "| growth, first to last |") == (
        len(rows),
        rows[-1][: len("| growth, first to last |")],
    )
