"""
The peers antq is measured against, written as a user would write them by hand.

Record models for the tips and sessions of a dataset, with the rules of
:class:`antq.TipRecord` and :class:`antq.MobilisationSession`:

- pydantic v2 models (:class:`PydanticTip`, :class:`PydanticSession`): strict, frozen,
  unknown keys refused, identifiers and enumerations constrained, counts not negative,
  the rules between fields in a ``model_validator(mode="after")``;
- msgspec Structs (:class:`MsgspecTip`, :class:`MsgspecSession`): unknown fields
  forbidden, frozen, constraints in ``msgspec.Meta``, the same rules between fields in
  ``__post_init__``; like antq, they write no field that holds its default.

And the additive figures of a whole-dataset summary, computed over the files of a JSON
Lines directory in hand-written DuckDB SQL (:func:`duckdb_figures`) and with polars'
lazy ``scan_ndjson`` (:func:`polars_figures`): sessions held in the period (CR-01),
participant-turns (CR-02), distinct hamlets mobilised (CR-03), slips collected as tips
of channel ``form`` received in the period (CR-04, records only), the tallies of the
sessions in the period that no slip refers to (the rest of CR-04), and slips of value
(CR-05). DuckDB and polars are imported when their function runs, so that a process
measuring a record model does not load them.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal, Self

import msgspec
from pydantic import BaseModel, ConfigDict, Field, model_validator

if TYPE_CHECKING:
    import polars as pl

__all__ = [
    "IDENTIFIER",
    "Figures",
    "MsgspecExtension",
    "MsgspecInformant",
    "MsgspecSession",
    "MsgspecTip",
    "PydanticExtension",
    "PydanticInformant",
    "PydanticSession",
    "PydanticTip",
    "duckdb_figures",
    "polars_figures",
]

#: A local identifier: 1 to 64 ASCII letters, digits, ``.``, ``_`` or ``-``, starting
#: with a letter or digit. ``\Z`` and not ``$``, which would let a final newline through.
IDENTIFIER = r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}\Z"
#: A text that is not blank.
_TEXT = r"\S"

Channel = Literal["form", "mailbox", "in_person", "phone", "online", "media"]
LegalKind = Literal["denunciation", "crime_information", "prosecution_petition"]
Assessment = Literal["pending", "valuable", "not_valuable"]
Decision = Literal["prosecute", "not_prosecute", "suspend"]
Grantor = Literal["handling_agency", "procuracy"]
SessionKind = Literal["propaganda", "launch", "peak_crackdown", "festival_day"]


# pydantic ------------------------------------------------------------------------------

#: The same identifier for pydantic's Rust regex engine, whose ``$`` is the end of the
#: text only (no newline before it), as ``\Z`` is for Python's ``re``.
_RUST_IDENTIFIER = r"^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$"
PydanticId = Annotated[str, Field(pattern=_RUST_IDENTIFIER)]
PydanticText = Annotated[str, Field(pattern=_TEXT)]
PydanticCount = Annotated[int, Field(ge=0)]


class _Strict(BaseModel):
    # pydantic's default Rust regex engine, its fastest.
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class PydanticExtension(_Strict):
    """
    An extension of a tip's time limit.
    """

    granted_on: dt.date
    until: dt.date
    granted_by: Grantor

    @model_validator(mode="after")
    def _until_not_before_granted(self) -> Self:
        if self.until < self.granted_on:
            msg = "an extension cannot end before it is granted"
            raise ValueError(msg)
        return self


class PydanticInformant(_Strict):
    """
    An informant's identity.
    """

    full_name: PydanticText
    contact: PydanticText | None = None
    address: PydanticText | None = None


class PydanticTip(_Strict):
    """
    A tip, with the rules of :class:`antq.TipRecord`.
    """

    id: PydanticId
    received_on: dt.date
    receiving_unit_code: PydanticId
    channel: Channel
    origin_code: PydanticId | None = None
    session_id: PydanticId | None = None
    legal_kind: LegalKind | None = None
    assessment: Assessment = "pending"
    assessed_on: dt.date | None = None
    decision: Decision | None = None
    decided_on: dt.date | None = None
    extensions: tuple[PydanticExtension, ...] = ()
    resumed_on: dt.date | None = None
    transferred_on: dt.date | None = None
    informant: PydanticInformant | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        _tip_rules(
            received_on=self.received_on,
            assessment=self.assessment,
            assessed_on=self.assessed_on,
            decision=self.decision,
            decided_on=self.decided_on,
            granted=[extension.granted_on for extension in self.extensions],
            resumed_on=self.resumed_on,
            transferred_on=self.transferred_on,
        )
        return self


class PydanticSession(_Strict):
    """
    A mobilisation session, with the rules of :class:`antq.MobilisationSession`.
    """

    id: PydanticId
    held_on: dt.date
    place_code: PydanticId
    kind: SessionKind
    participant_turns: PydanticCount
    slips_collected: PydanticCount = 0
    campaign_id: PydanticId | None = None


# msgspec -------------------------------------------------------------------------------

MsgspecId = Annotated[str, msgspec.Meta(pattern=IDENTIFIER)]
MsgspecText = Annotated[str, msgspec.Meta(pattern=_TEXT)]
MsgspecCount = Annotated[int, msgspec.Meta(ge=0)]


class MsgspecExtension(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """
    An extension of a tip's time limit.
    """

    granted_on: dt.date
    until: dt.date
    granted_by: Grantor

    def __post_init__(self) -> None:
        """
        Refuse an extension that ends before it is granted.
        """
        if self.until < self.granted_on:
            msg = "an extension cannot end before it is granted"
            raise ValueError(msg)


class MsgspecInformant(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """
    An informant's identity.
    """

    full_name: MsgspecText
    contact: MsgspecText | None = None
    address: MsgspecText | None = None


class MsgspecTip(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """
    A tip, with the rules of :class:`antq.TipRecord`.
    """

    id: MsgspecId
    received_on: dt.date
    receiving_unit_code: MsgspecId
    channel: Channel
    origin_code: MsgspecId | None = None
    session_id: MsgspecId | None = None
    legal_kind: LegalKind | None = None
    assessment: Assessment = "pending"
    assessed_on: dt.date | None = None
    decision: Decision | None = None
    decided_on: dt.date | None = None
    extensions: tuple[MsgspecExtension, ...] = ()
    resumed_on: dt.date | None = None
    transferred_on: dt.date | None = None
    informant: MsgspecInformant | None = None

    def __post_init__(self) -> None:
        """
        Check the rules between fields.
        """
        _tip_rules(
            received_on=self.received_on,
            assessment=self.assessment,
            assessed_on=self.assessed_on,
            decision=self.decision,
            decided_on=self.decided_on,
            granted=[extension.granted_on for extension in self.extensions],
            resumed_on=self.resumed_on,
            transferred_on=self.transferred_on,
        )


class MsgspecSession(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    """
    A mobilisation session, with the rules of :class:`antq.MobilisationSession`.
    """

    id: MsgspecId
    held_on: dt.date
    place_code: MsgspecId
    kind: SessionKind
    participant_turns: MsgspecCount
    slips_collected: MsgspecCount = 0
    campaign_id: MsgspecId | None = None


def _tip_rules(  # noqa: PLR0913 - the fields the rules read, by name
    *,
    received_on: dt.date,
    assessment: str,
    assessed_on: dt.date | None,
    decision: str | None,
    decided_on: dt.date | None,
    granted: list[dt.date],
    resumed_on: dt.date | None,
    transferred_on: dt.date | None,
) -> None:
    """
    Raise :class:`ValueError` when a tip's fields break a rule of :class:`antq.TipRecord`.
    """
    if (assessment == "pending") != (assessed_on is None):
        msg = "assessed_on is given once the tip is assessed, and only then"
        raise ValueError(msg)
    if (decision is None) != (decided_on is None):
        msg = "a decision and its date go together"
        raise ValueError(msg)
    for name, day in (
        ("assessed_on", assessed_on),
        ("decided_on", decided_on),
        ("transferred_on", transferred_on),
    ):
        if day is not None and day < received_on:
            msg = f"{name} cannot be dated before the tip was received"
            raise ValueError(msg)
    if any(day < received_on for day in granted):
        msg = "an extension cannot be granted before the tip was received"
        raise ValueError(msg)
    if resumed_on is not None:
        if decision != "suspend":
            msg = "only a suspended tip can be resumed"
            raise ValueError(msg)
        if decided_on is not None and resumed_on < decided_on:
            msg = "a tip cannot be resumed before it was suspended"
            raise ValueError(msg)


# The summary's additive figures -------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """
    The additive figures of a whole-dataset summary, and the hamlets mobilised.

    Attributes:
        sessions: CR-01, the sessions held in the period.
        participant_turns: CR-02, their participant-turns.
        hamlets_mobilised: CR-03, the distinct hamlets where a propaganda or launch
            session was held in the period.
        slips_collected: CR-04 from records: the tips of channel ``form`` received in
            the period.
        session_tallies: The rest of CR-04: the ``slips_collected`` of the sessions
            held in the period that no slip refers to.
        valuable_tips: CR-05, the slips of ``slips_collected`` assessed ``valuable``.
    """

    sessions: int
    participant_turns: int
    hamlets_mobilised: int
    slips_collected: int
    session_tallies: int
    valuable_tips: int
    tips_decided_in_time: int
    tips_decided_late: int
    tips_overdue: int

    def as_dict(self) -> dict[str, int]:
        """
        Return the figures by name.
        """
        return {
            "sessions": self.sessions,
            "participant_turns": self.participant_turns,
            "hamlets_mobilised": self.hamlets_mobilised,
            "slips_collected": self.slips_collected,
            "session_tallies": self.session_tallies,
            "valuable_tips": self.valuable_tips,
            "tips_decided_in_time": self.tips_decided_in_time,
            "tips_decided_late": self.tips_decided_late,
            "tips_overdue": self.tips_overdue,
        }


def _period(directory: Path) -> tuple[dt.date, dt.date]:
    header = json.loads((directory / "dataset.json").read_text(encoding="utf-8"))
    period = header["period"]
    return dt.date.fromisoformat(period["start"]), dt.date.fromisoformat(period["end"])


_DUCKDB_QUERY = """
WITH
  sessions AS (
    SELECT *
    FROM read_json($sessions, format = 'newline_delimited', columns = {
      'id': 'VARCHAR', 'held_on': 'DATE', 'place_code': 'VARCHAR', 'kind': 'VARCHAR',
      'participant_turns': 'BIGINT', 'slips_collected': 'BIGINT'
    })
    WHERE held_on BETWEEN $start AND $end
  ),
  slips AS (
    SELECT *
    FROM read_json($tips, format = 'newline_delimited', columns = {
      'received_on': 'DATE', 'channel': 'VARCHAR', 'session_id': 'VARCHAR',
      'assessment': 'VARCHAR'
    })
    WHERE channel = 'form'
  ),
  hamlets AS (
    SELECT code
    FROM read_json($units, format = 'newline_delimited', columns = {
      'code': 'VARCHAR', 'kind': 'VARCHAR'
    })
    WHERE kind IN ('village', 'residential_group')
  ),
  -- Điều 147: 20 days from receipt; the handling agency may extend to 2 months from
  -- receipt, the procuracy once by 2 months more. Judged on the period's last day.
  classified AS (
    SELECT
      received_on,
      decided_on,
      list_max([e.until FOR e IN extensions IF e.granted_by = 'handling_agency']) AS by_agency,
      [e.until FOR e IN extensions IF e.granted_by = 'procuracy'][1] AS by_procuracy
    FROM read_json($tips, format = 'newline_delimited', columns = {
      'received_on': 'DATE', 'legal_kind': 'VARCHAR', 'decided_on': 'DATE',
      'extensions': 'STRUCT(granted_on DATE, until DATE, granted_by VARCHAR)[]'
    })
    WHERE legal_kind IS NOT NULL AND received_on BETWEEN $start AND $end
  ),
  limits AS (
    -- greatest() and least() skip NULLs: an absent extension moves nothing.
    SELECT
      decided_on,
      greatest(
        received_on + 20,
        CASE WHEN by_agency IS NOT NULL
          THEN least(by_agency, CAST(received_on + INTERVAL 2 MONTH AS DATE)) END,
        CASE WHEN by_procuracy IS NOT NULL
          THEN least(by_procuracy, CAST(received_on + INTERVAL 2 MONTH + INTERVAL 2 MONTH AS DATE))
        END
      ) AS deadline
    FROM classified
  )
SELECT
  (SELECT count(*) FROM sessions) AS sessions,
  (SELECT coalesce(sum(participant_turns), 0) FROM sessions) AS participant_turns,
  (SELECT count(DISTINCT place_code)
     FROM sessions
     WHERE kind IN ('propaganda', 'launch')
       AND place_code IN (SELECT code FROM hamlets)) AS hamlets_mobilised,
  (SELECT count(*) FROM slips WHERE received_on BETWEEN $start AND $end) AS slips_collected,
  (SELECT coalesce(sum(slips_collected), 0)
     FROM sessions
     WHERE NOT EXISTS (SELECT 1 FROM slips WHERE slips.session_id = sessions.id))
    AS session_tallies,
  (SELECT count(*)
     FROM slips
     WHERE received_on BETWEEN $start AND $end AND assessment = 'valuable') AS valuable_tips,
  (SELECT count(*) FROM limits WHERE decided_on <= $end AND decided_on <= deadline)
    AS tips_decided_in_time,
  (SELECT count(*) FROM limits WHERE decided_on <= $end AND decided_on > deadline)
    AS tips_decided_late,
  (SELECT count(*) FROM limits WHERE (decided_on IS NULL OR decided_on > $end) AND $end > deadline)
    AS tips_overdue
"""


def duckdb_figures(directory: str | Path) -> Figures:
    """
    Compute the figures of a JSON Lines directory with one hand-written DuckDB query.
    """
    import duckdb  # noqa: PLC0415 - loaded only by the process that measures it

    path = Path(directory)
    start, end = _period(path)
    parameters = {
        "sessions": str(path / "sessions.jsonl"),
        "tips": str(path / "tips.jsonl"),
        "units": str(path / "units.jsonl"),
        "start": start,
        "end": end,
    }
    with duckdb.connect() as connection:
        row = connection.execute(_DUCKDB_QUERY, parameters).fetchone()
    if row is None:  # pragma: no cover - an aggregate query returns one row
        msg = "the query returned no row"
        raise RuntimeError(msg)
    return Figures(*(int(value) for value in row))


def polars_figures(directory: str | Path) -> Figures:
    """
    Compute the figures of a JSON Lines directory with polars' lazy ``scan_ndjson``.
    """
    import polars as pl  # noqa: PLC0415 - loaded only by the process that measures it

    path = Path(directory)
    start, end = _period(path)
    sessions = pl.scan_ndjson(
        path / "sessions.jsonl",
        schema={
            "id": pl.String,
            "held_on": pl.Date,
            "place_code": pl.String,
            "kind": pl.String,
            "participant_turns": pl.Int64,
            "slips_collected": pl.Int64,
        },
    ).filter(pl.col("held_on").is_between(start, end))
    slips = pl.scan_ndjson(
        path / "tips.jsonl",
        schema={
            "received_on": pl.Date,
            "channel": pl.String,
            "session_id": pl.String,
            "assessment": pl.String,
        },
    ).filter(pl.col("channel") == "form")
    hamlets = (
        pl.scan_ndjson(path / "units.jsonl", schema={"code": pl.String, "kind": pl.String})
        .filter(pl.col("kind").is_in(["village", "residential_group"]))
        .select("code")
    )
    referred = slips.select("session_id").drop_nulls().unique()
    # Điều 147: 20 days from receipt; the handling agency may extend to 2 months from
    # receipt, the procuracy once by 2 months more. Judged on the period's last day.
    classified = pl.scan_ndjson(
        path / "tips.jsonl",
        schema={
            "received_on": pl.Date,
            "legal_kind": pl.String,
            "decided_on": pl.Date,
            "extensions": pl.List(
                pl.Struct({"granted_on": pl.Date, "until": pl.Date, "granted_by": pl.String})
            ),
        },
    ).filter(pl.col("legal_kind").is_not_null() & pl.col("received_on").is_between(start, end))
    extension = pl.element().struct
    two_months = pl.col("received_on").dt.offset_by("2mo")
    by_agency = pl.col("extensions").list.eval(
        extension.field("until").filter(extension.field("granted_by") == "handling_agency")
    )
    by_procuracy = pl.col("extensions").list.eval(
        extension.field("until").filter(extension.field("granted_by") == "procuracy")
    )
    deadline = pl.max_horizontal(
        pl.col("received_on") + pl.duration(days=20),
        pl.when(by_agency.list.len() > 0).then(pl.min_horizontal(by_agency.list.max(), two_months)),
        pl.when(by_procuracy.list.len() > 0).then(
            pl.min_horizontal(by_procuracy.list.first(), two_months.dt.offset_by("2mo"))
        ),
    )
    decided = pl.col("decided_on").is_not_null() & (pl.col("decided_on") <= end)
    limits = classified.with_columns(deadline=deadline).select(
        tips_decided_in_time=(decided & (pl.col("decided_on") <= pl.col("deadline"))).sum(),
        tips_decided_late=(decided & (pl.col("decided_on") > pl.col("deadline"))).sum(),
        tips_overdue=(~decided & (pl.col("deadline") < end)).sum(),
    )
    queries: list[pl.LazyFrame] = [
        sessions.select(
            sessions=pl.len(),
            participant_turns=pl.col("participant_turns").sum(),
        ),
        sessions.filter(pl.col("kind").is_in(["propaganda", "launch"]))
        .join(hamlets, left_on="place_code", right_on="code", how="semi")
        .select(hamlets_mobilised=pl.col("place_code").n_unique()),
        slips.filter(pl.col("received_on").is_between(start, end)).select(
            slips_collected=pl.len(),
            valuable_tips=(pl.col("assessment") == "valuable").sum(),
        ),
        sessions.join(referred, left_on="id", right_on="session_id", how="anti").select(
            session_tallies=pl.col("slips_collected").fill_null(0).sum()
        ),
        limits,
    ]
    values: dict[str, int] = {}
    for frame in pl.collect_all(queries):
        values.update({name: int(value) for name, value in frame.row(0, named=True).items()})
    return Figures(**values)
