"""
Score-sheet and scores files: reading them, with every problem located.

The score sheets of Quyết định 510/QĐ-BCA-V05 are not bundled with antq: a user writes
the sheet they use into a file, with its citation, and antq reads it. A scores file holds
the points units gave themselves on a sheet. Both are JSON (``.json``) or TOML
(``.toml``), chosen by the file's suffix, and hold the same keys.

Points are written as whole or decimal numbers (``3``, ``2.5``) and read exactly, never
as floats. Every problem of a file is reported at once, each located by a JSONPath
(``$.items[2].max_points``) in a :class:`.ScoreSheetError`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from antq.errors import AntqError, InvalidValueError, LoadProblem
from antq.rating import (
    ClassCutoff,
    RatedKind,
    RatingClass,
    ScoreItem,
    ScoreSheet,
    UnitScores,
    _cutoff_problems,
    _exact_sum,
    _item_problems,
    _points_problem,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "ScoreSheetError",
    "load_score_sheet",
    "load_scores",
    "score_sheet_from_dict",
    "scores_from_dict",
]

T = TypeVar("T")
E = TypeVar("E", bound=Enum)

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_SUFFIXES = (".json", ".toml")
_SHEET_KEYS = ("id", "title", "kinds", "source", "items", "cutoffs")
_SHEET_REQUIRED = ("id", "title", "kinds", "source", "items")
_ITEM_KEYS = ("id", "title", "max_points", "group")
_ITEM_REQUIRED = ("id", "title", "max_points")
_CUTOFF_KEYS = ("class", "minimum")
_RECORD_KEYS = ("unit_code", "year", "sheet_id", "submitted_on", "points")


class ScoreSheetError(AntqError, ValueError):
    """
    A score-sheet or scores file that cannot be read, with every problem found in it.

    Attributes:
        source: The file name or other name of the input, if known.
        problems: Every problem found, each located.
    """

    source: str | None
    problems: tuple[LoadProblem, ...]

    def __init__(self, problems: Sequence[LoadProblem], *, source: str | None = None) -> None:
        """
        Build the message from the attributes.
        """
        self.source = source
        self.problems = tuple(problems)
        where = f" in {source}" if source else ""
        lines = [f"{len(self.problems)} problem(s){where}:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))


@attrs.frozen
class _BadNumber:
    """
    A number as written in a file that antq does not read, and why.
    """

    text: str
    reason: str


def _number(text: str) -> Decimal | _BadNumber:
    """
    Read a decimal number exactly, as written; refuse exponent notation and NaN.
    """
    if "e" in text.lower():
        return _BadNumber(
            text, "write points as a plain decimal number (2.5), not in exponent notation"
        )
    if "nan" in text.lower() or "inf" in text.lower():
        return _BadNumber(text, "not a finite number")
    return Decimal(text)


def _constant(text: str) -> _BadNumber:
    return _BadNumber(text, "not a finite number")


def _kind_of(value: object) -> str:
    """
    Name the type of *value*, as a reader of the file sees it.
    """
    names: dict[type, str] = {
        type(None): "null",
        bool: "a boolean",
        int: "an integer",
        float: "a float (inexact)",
        Decimal: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
        dt.date: "a date",
        dt.datetime: "a date-time",
        dt.time: "a time",
        _BadNumber: "a number",
    }
    return names.get(type(value), type(value).__name__)


class _Reader:
    """
    Read the values of a decoded document, keeping a problem for each one refused.
    """

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.problems: list[LoadProblem] = []

    def problem(self, location: str, value: object, reason: str) -> None:
        shown = value.text if isinstance(value, _BadNumber) else value
        self.problems.append(LoadProblem(location, shown, reason, file=self.file))

    def table(
        self, value: object, where: str, keys: Sequence[str], required: Sequence[str]
    ) -> dict[str, Any] | None:
        """
        Return *value* when it is an object; note unknown keys and missing ones.
        """
        if not isinstance(value, dict):
            self.problem(where, value, f"expected an object, found {_kind_of(value)}")
            return None
        for key in value:
            if key not in keys:
                known = ", ".join(keys)
                self.problem(f"{where}.{key}", value[key], f"unknown key; the keys are {known}")
        for key in required:
            if key not in value:
                self.problem(f"{where}.{key}", None, "required key is missing")
        return value

    def expect(self, value: object, where: str, check: Callable[[object], bool], name: str) -> bool:
        """
        Tell whether *value* passes *check*; note a problem when it does not.
        """
        if isinstance(value, _BadNumber):
            self.problem(where, value, value.reason)
            return False
        if not check(value):
            self.problem(where, value, f"expected {name}, found {_kind_of(value)}")
            return False
        return True

    def text(self, value: object, where: str) -> bool:
        return self.expect(value, where, lambda found: isinstance(found, str), "a string")

    def number(self, value: object, where: str) -> bool:
        return self.expect(
            value, where, lambda found: type(found) in {int, Decimal}, "a whole or decimal number"
        )

    def integer(self, value: object, where: str) -> bool:
        return self.expect(value, where, lambda found: type(found) is int, "an integer")

    def array(self, value: object, where: str) -> list[object] | None:
        """
        Return *value* when it is an array; note a problem when it is not.
        """
        if self.expect(value, where, _is_array, "an array"):
            return value  # type: ignore[return-value]
        return None

    def date(self, value: object, where: str) -> dt.date | None:
        """
        Read a date: a TOML date, or an ISO 8601 text (``YYYY-MM-DD``).
        """
        if type(value) is dt.date:
            return value
        if not isinstance(value, str) or _ISO_DATE.fullmatch(value) is None:
            name = "an ISO 8601 date (YYYY-MM-DD)"
            self.problem(where, value, f"expected {name}, found {_kind_of(value)}")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as error:
            self.problem(where, value, f"not a calendar date: {error}")
            return None

    def member(self, value: object, where: str, enum: type[E]) -> E | None:
        """
        Read a member of *enum* by its identifier.
        """
        try:
            return enum(value)
        except (ValueError, TypeError):
            known = ", ".join(repr(member.value) for member in enum)
            self.problem(where, value, f"expected one of {known}")
            return None

    def fields(self, cls: type, values: dict[str, object], where: str) -> bool:
        """
        Check each field of a record of *cls* on its own, with the class's own rules.

        Each refused field is a problem at ``where.field``, so that a record with two
        bad fields shows both (the class would refuse the first only).

        Args:
            cls: The record's class.
            values: The values read, by attribute name (the keys of the file).
            where: The record's location.

        Returns:
            Whether every field passed.
        """
        passed = True
        attributes = attrs.fields_dict(cls)
        for name, value in values.items():
            attribute = attributes[name]
            convert = attribute.converter
            converted = value if convert is None else convert(value)  # type: ignore[operator]
            try:
                attribute.validator(None, attribute, converted)  # type: ignore[misc]
            except InvalidValueError as error:
                self.problem(f"{where}.{name}", error.value, error.rule)
                passed = False
        return passed


def _decode(data: bytes, suffix: str, reader: _Reader) -> object:
    """
    Decode a JSON or TOML document; note why it cannot be, and return ``None`` then.
    """
    if suffix not in _SUFFIXES:
        known = " or ".join(_SUFFIXES)
        reader.problem("$", None, f"unknown file type {suffix!r}: the file is {known}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        reader.problem("$", None, f"not UTF-8 text: {error.reason} at byte {error.start}")
        return None
    if suffix == ".toml":
        try:
            return tomllib.loads(text, parse_float=_number)
        except tomllib.TOMLDecodeError as error:
            reader.problem("$", None, f"not TOML: {error}")
            return None
    duplicates: list[str] = []

    def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in pairs:
            if key in found:
                duplicates.append(key)
            found[key] = value
        return found

    try:
        document = json.loads(
            text,
            object_pairs_hook=refuse_duplicate_keys,
            parse_float=_number,
            parse_constant=_constant,
        )
    except ValueError as error:  # a JSONDecodeError, or an integer too long to read
        detail = (
            f"{error.msg} at line {error.lineno}, column {error.colno}"
            if isinstance(error, json.JSONDecodeError)
            else str(error)
        )
        reader.problem("$", None, f"not JSON: {detail}")
        return None
    for key in duplicates:
        reason = "the key appears twice in one object; only one value is allowed"
        reader.problem(f"$..{key}", None, reason)
    return None if duplicates else document


def _read(path: str | os.PathLike[str]) -> tuple[object, _Reader]:
    reader = _Reader(str(path))
    data = Path(path).read_bytes()
    return _decode(data, Path(path).suffix.lower(), reader), reader


def load_score_sheet(path: str | os.PathLike[str]) -> ScoreSheet:
    """
    Read a score sheet from a JSON or TOML file.

    Args:
        path: The file, ``.json`` or ``.toml`` (UTF-8).

    Returns:
        The score sheet.

    Raises:
        OSError: When the file cannot be read.
        ScoreSheetError: When the file is not a valid score sheet; the error lists every
            problem found, each located.
    """
    document, reader = _read(path)
    if reader.problems:
        raise ScoreSheetError(reader.problems, source=str(path))
    return score_sheet_from_dict(document, source=str(path))


def score_sheet_from_dict(document: object, *, source: str | None = None) -> ScoreSheet:
    """
    Build a score sheet from a decoded document (dicts, lists, strings, numbers).

    Numbers of points are ``int`` or ``decimal.Decimal``; a float is refused.

    Args:
        document: The decoded document.
        source: A name for the input (a file name), used in error messages.

    Raises:
        ScoreSheetError: When the document is not a valid score sheet.
    """
    reader = _Reader(source)
    sheet = _read_sheet(document, reader)
    if reader.problems or sheet is None:
        raise ScoreSheetError(reader.problems, source=source)
    return sheet


def _read_sheet(document: object, reader: _Reader) -> ScoreSheet | None:
    table = reader.table(document, "$", _SHEET_KEYS, _SHEET_REQUIRED)
    if table is None:
        return None
    texts: dict[str, Any] = {
        key: table[key]
        for key in ("id", "title", "source")
        if key in table and reader.text(table[key], f"$.{key}")
    }
    reader.fields(ScoreSheet, texts, "$")
    kinds = _read_kinds(table, reader)
    items = _records(table["items"], "$.items", reader, _read_item) if "items" in table else None
    cutoffs = _records(table.get("cutoffs", []), "$.cutoffs", reader, _read_cutoff)
    total = None
    if items is not None:
        duplicates = list(_item_problems(items))
        for index, field, value, rule in duplicates:
            reader.problem(f"$.items[{index}].{field}", value, rule)
        if (
            not duplicates
            and None not in items
            and reader.fields(ScoreSheet, {"items": items}, "$")
        ):
            total = _exact_sum(item.max_points for item in items if item is not None)
    if cutoffs is not None:
        for index, field, value, rule in _cutoff_problems(cutoffs, total):
            key = "class" if field == "rating_class" else field
            reader.problem(f"$.cutoffs[{index}].{key}", value, rule)
    if reader.problems or kinds is None or items is None or cutoffs is None:
        return None
    return ScoreSheet(
        texts["id"],
        texts["title"],
        kinds,
        texts["source"],
        [item for item in items if item is not None],
        cutoffs=[cutoff for cutoff in cutoffs if cutoff is not None],
    )


def _read_kinds(table: dict[str, Any], reader: _Reader) -> list[RatedKind] | None:
    values = reader.array(table["kinds"], "$.kinds") if "kinds" in table else None
    if values is None:
        return None
    found = [
        reader.member(kind, f"$.kinds[{index}]", RatedKind) for index, kind in enumerate(values)
    ]
    kinds = [kind for kind in found if kind is not None]
    if len(kinds) != len(found) or not reader.fields(ScoreSheet, {"kinds": kinds}, "$"):
        return None
    return kinds


def _records(
    value: object, where: str, reader: _Reader, read: Callable[[object, str, _Reader], T | None]
) -> list[T | None] | None:
    """
    Read an array of records: ``None`` for the array or a record that is refused.
    """
    values = reader.array(value, where)
    if values is None:
        return None
    return [read(record, f"{where}[{index}]", reader) for index, record in enumerate(values)]


def _read_item(value: object, where: str, reader: _Reader) -> ScoreItem | None:
    item = reader.table(value, where, _ITEM_KEYS, _ITEM_REQUIRED)
    if item is None:
        return None
    typed: dict[str, Any] = {
        key: item[key]
        for key in ("id", "title", "group")
        if key in item and reader.text(item[key], f"{where}.{key}")
    }
    if "max_points" in item and reader.number(item["max_points"], f"{where}.max_points"):
        typed["max_points"] = item["max_points"]
    passed = reader.fields(ScoreItem, typed, where)
    if not passed or any(key not in typed for key in _ITEM_REQUIRED):
        return None
    return ScoreItem(typed["id"], typed["title"], typed["max_points"], group=typed.get("group"))


def _read_cutoff(value: object, where: str, reader: _Reader) -> ClassCutoff | None:
    cutoff = reader.table(value, where, _CUTOFF_KEYS, _CUTOFF_KEYS)
    if cutoff is None:
        return None
    found = (
        reader.member(cutoff["class"], f"{where}.class", RatingClass) if "class" in cutoff else None
    )
    minimum = "minimum" in cutoff and reader.number(cutoff["minimum"], f"{where}.minimum")
    passed = minimum and reader.fields(ClassCutoff, {"minimum": cutoff["minimum"]}, where)
    if found is None or not passed:
        return None
    return ClassCutoff(found, cutoff["minimum"])


def load_scores(
    path: str | os.PathLike[str], *, sheets: Iterable[ScoreSheet] | None = None
) -> tuple[UnitScores, ...]:
    """
    Read the points units gave themselves, from a JSON or TOML file.

    Args:
        path: The file, ``.json`` or ``.toml`` (UTF-8).
        sheets: The score sheets the file may name. When given, every record's sheet
            must be one of them, and its points must fit the sheet: no unknown item,
            none above its item's maximum. Items left out are not a problem of the
            file: the rating is then incomplete.

    Returns:
        The records, in the order of the file.

    Raises:
        OSError: When the file cannot be read.
        antq.errors.InvalidValueError: When two *sheets* share an id.
        ScoreSheetError: When the file is not a valid scores file; the error lists
            every problem found, each located.
    """
    document, reader = _read(path)
    if reader.problems:
        raise ScoreSheetError(reader.problems, source=str(path))
    return scores_from_dict(document, sheets=sheets, source=str(path))


def scores_from_dict(
    document: object,
    *,
    sheets: Iterable[ScoreSheet] | None = None,
    source: str | None = None,
) -> tuple[UnitScores, ...]:
    """
    Build the records of a scores file from a decoded document.

    Args:
        document: The decoded document: an object with the key ``scores``.
        sheets: The score sheets the records may name (see :func:`.load_scores`).
        source: A name for the input (a file name), used in error messages.

    Raises:
        antq.errors.InvalidValueError: When two *sheets* share an id.
        ScoreSheetError: When the document is not a valid scores file.
    """
    known = None if sheets is None else _index_sheets(sheets)
    reader = _Reader(source)
    table = reader.table(document, "$", ("scores",), ("scores",))
    values = reader.array(table["scores"], "$.scores") if table and "scores" in table else None
    records: list[UnitScores] = []
    seen: dict[tuple[str, int], int] = {}
    for index, value in enumerate(values or []):
        where = f"$.scores[{index}]"
        record = _read_record(value, where, reader)
        if record is None:
            continue
        key = (record.unit_code, record.year)
        if key in seen:
            rule = f"unit {record.unit_code!r} already has scores for {record.year}"
            reader.problem(f"{where}.unit_code", record.unit_code, f"{rule} (scores[{seen[key]}])")
        seen.setdefault(key, index)
        if known is not None:
            _check_fit(record, known, where, reader)
        records.append(record)
    if reader.problems:
        raise ScoreSheetError(reader.problems, source=source)
    return tuple(records)


def _index_sheets(sheets: Iterable[ScoreSheet]) -> dict[str, ScoreSheet]:
    found: dict[str, ScoreSheet] = {}
    for sheet in sheets:
        if not isinstance(sheet, ScoreSheet):
            raise InvalidValueError("load_scores", "sheets", sheet, "must be ScoreSheet objects")
        if sheet.id in found:
            raise InvalidValueError("load_scores", "sheets", sheet.id, "two sheets share this id")
        found[sheet.id] = sheet
    return found


def _read_record(value: object, where: str, reader: _Reader) -> UnitScores | None:
    record = reader.table(value, where, _RECORD_KEYS, _RECORD_KEYS)
    if record is None or any(key not in record for key in _RECORD_KEYS):
        return None
    passed = [
        reader.text(record["unit_code"], f"{where}.unit_code"),
        reader.integer(record["year"], f"{where}.year"),
        reader.text(record["sheet_id"], f"{where}.sheet_id"),
        reader.expect(record["points"], f"{where}.points", _is_object, "an object"),
    ]
    submitted_on = reader.date(record["submitted_on"], f"{where}.submitted_on")
    points = record["points"]
    if isinstance(points, dict):
        passed.extend(
            reader.number(found, f"{where}.points[{key!r}]") for key, found in points.items()
        )
    if not all(passed) or submitted_on is None:
        return None
    fields = {key: record[key] for key in ("unit_code", "year", "sheet_id", "points")}
    if not reader.fields(UnitScores, fields, where):
        return None
    return UnitScores(record["unit_code"], record["year"], record["sheet_id"], submitted_on, points)


def _is_object(value: object) -> bool:
    return isinstance(value, dict)


def _is_array(value: object) -> bool:
    return isinstance(value, list)


def _check_fit(
    record: UnitScores, sheets: dict[str, ScoreSheet], where: str, reader: _Reader
) -> None:
    sheet = sheets.get(record.sheet_id)
    if sheet is None:
        known = ", ".join(sheets) or "none"
        reader.problem(
            f"{where}.sheet_id", record.sheet_id, f"no score sheet has this id; known: {known}"
        )
        return
    items = {item.id: item for item in sheet.items}
    for key, points in record.points.items():
        item = items.get(key)
        if item is None:
            rule = f"sheet {sheet.id!r} has no item with this id; its items: {', '.join(items)}"
            reader.problem(f"{where}.points[{key!r}]", points, rule)
            continue
        problem = _points_problem(item, points)
        if problem is not None:
            reader.problem(f"{where}.points[{key!r}]", points, problem)
