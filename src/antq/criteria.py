"""
The criteria file: what the rules leave open, and a province's own criteria.

A criteria file is TOML (``.toml``) or JSON (``.json``), chosen by the file's suffix. It
holds one table with four keys, all optional:

``tt124_hamlet_percent``
    The share of a commune's hamlets that must be recognised under Thông tư
    124/2021/TT-BCA, in percent (a whole number, 0 to 100).
``school_review``
    The day of the school-year review, ``"MM-DD"``, for schools under Thông tư
    23/2012/TT-BCA.
``gaps``
    An array of tables ``{criterion, source, conditions}``: conditions for a criterion
    that is a gap or partly known.
``criteria``
    An array of tables ``{id, title, title_vi, source, subjects, regimes, conditions}``:
    the criteria a province adds (``title_vi`` is optional).

A condition is a table ``{fact, at_most | at_least | equals}``: one fact and one
comparison. Every problem is reported at once, each located by its key path
(``$.criteria[2].conditions[0].at_most``); nothing is dropped silently.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from antq.errors import DatasetLoadError, InvalidValueError, LoadProblem
from antq.recognition import (
    Comparison,
    Condition,
    CriteriaParameters,
    GapConditions,
    MonthDay,
    ProvincialCriterion,
    Regime,
    Subject,
)

if TYPE_CHECKING:
    import os
    from collections.abc import Callable, Sequence

    from antq._enums import LabelledEnum

__all__ = ["CriteriaFileError", "criteria_from_dict", "load_criteria"]

T = TypeVar("T")

_TOP_KEYS = ("tt124_hamlet_percent", "school_review", "gaps", "criteria")
_GAP_KEYS = ("criterion", "source", "conditions")
_CRITERION_KEYS = ("id", "title", "title_vi", "source", "subjects", "regimes", "conditions")
_COMPARISONS = tuple(comparison.value for comparison in Comparison)
_CONDITION_KEYS = ("fact", *_COMPARISONS)
_SUFFIXES = (".toml", ".json")


class CriteriaFileError(DatasetLoadError):
    """
    A criteria file that cannot be read, with every problem found in it.

    It is a :class:`~antq.errors.DatasetLoadError`, reported the same way.

    Attributes:
        source: The file name, if known.
        problems: Every problem found, each located by its key path.
    """


def load_criteria(path: str | os.PathLike[str]) -> CriteriaParameters:
    """
    Read a criteria file, TOML or JSON by its suffix.

    Args:
        path: The file: ``.toml`` or ``.json``, UTF-8.

    Returns:
        The parameters it gives.

    Raises:
        OSError: When the file cannot be read.
        CriteriaFileError: When the file is not a valid criteria file; every problem is
            listed, each located.
    """
    path = Path(path)
    file = str(path)
    suffix = path.suffix.lower()
    if suffix not in _SUFFIXES:
        reason = f"a criteria file is .toml or .json, not {suffix or 'a file without suffix'!r}"
        raise CriteriaFileError([LoadProblem("$", None, reason, file=file)], source=file)
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 text: {error.reason} at byte {error.start}"
        raise CriteriaFileError([LoadProblem("$", None, reason, file=file)], source=file) from None
    document = _parse_toml(text, file) if suffix == ".toml" else _parse_json(text, file)
    return criteria_from_dict(document, source=file)


def _parse_toml(text: str, file: str) -> object:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        problem = LoadProblem("$", None, f"not TOML: {error}", file=file)
        raise CriteriaFileError([problem], source=file) from None


def _parse_json(text: str, file: str) -> object:
    duplicates: list[LoadProblem] = []

    def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in pairs:
            if key in found:
                reason = "the key appears twice in one object; only one value is allowed"
                duplicates.append(LoadProblem(f"$..{key}", None, reason, file=file))
            found[key] = value
        return found

    try:
        document = json.loads(text, object_pairs_hook=refuse_duplicate_keys)
    except json.JSONDecodeError as error:
        reason = f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise CriteriaFileError([LoadProblem("$", None, reason, file=file)], source=file) from None
    if duplicates:
        raise CriteriaFileError(duplicates, source=file)
    return document


def criteria_from_dict(document: object, *, source: str | None = None) -> CriteriaParameters:
    """
    Build the parameters from a decoded criteria file (tables, arrays, strings, numbers).

    Args:
        document: The decoded TOML or JSON document.
        source: The file name, used in error messages.

    Raises:
        CriteriaFileError: When the document is not a valid criteria file.
    """
    reader = _Reader(source)
    top = reader.table(document, "$", _TOP_KEYS)
    if top is None:
        raise CriteriaFileError(reader.problems, source=source)
    fields: dict[str, Any] = {}
    if "tt124_hamlet_percent" in top:
        fields["tt124_hamlet_percent"] = reader.percent(top["tt124_hamlet_percent"])
    if "school_review" in top:
        fields["school_review"] = reader.month_day(top["school_review"], "$.school_review")
    fields["gaps"] = reader.each(top, "gaps", "$", reader.gap)
    fields["provincial"] = reader.each(top, "criteria", "$", reader.criterion)
    reader.unique(fields["gaps"], "gaps", "criterion")
    reader.unique(fields["provincial"], "criteria", "id")
    if reader.problems:
        raise CriteriaFileError(reader.problems, source=source)
    return CriteriaParameters(
        gaps=[gap for _, gap in fields["gaps"]],
        provincial=[criterion for _, criterion in fields["provincial"]],
        tt124_hamlet_percent=fields.get("tt124_hamlet_percent"),
        school_review=fields.get("school_review"),
    )


def _kind(value: object) -> str:
    """
    Name the type of *value* as a reader of the file sees it.
    """
    if isinstance(value, bool):
        return "true or false"
    names = {int: "an integer", float: "a number", str: "a string", list: "an array"}
    return names.get(type(value), "a table" if isinstance(value, dict) else type(value).__name__)


def _shown(value: object) -> object:
    """
    The value to show in a problem: a scalar as read, nothing for a table or an array.
    """
    return None if isinstance(value, dict | list) else value


class _Reader:
    """
    Read the parts of a criteria file, collecting every problem.
    """

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.problems: list[LoadProblem] = []

    def refuse(self, location: str, value: object, reason: str) -> None:
        self.problems.append(LoadProblem(location, _shown(value), reason, file=self.file))

    def table(self, value: object, location: str, keys: Sequence[str]) -> dict[str, object] | None:
        if not isinstance(value, dict):
            self.refuse(location, value, f"expected a table (an object), not {_kind(value)}")
            return None
        for key in value:
            if key not in keys:
                self.refuse(
                    f"{location}.{key}", value[key], f"unknown key; known: {', '.join(keys)}"
                )
        return value

    def text(self, table: dict[str, object], key: str, location: str) -> str | None:
        where = f"{location}.{key}"
        if key not in table:
            self.refuse(where, None, "required key is missing")
            return None
        value = table[key]
        if not isinstance(value, str):
            self.refuse(where, value, f"expected a string, not {_kind(value)}")
            return None
        if not value.strip():
            self.refuse(where, value, "must not be blank")
            return None
        return value

    def array(self, table: dict[str, object], key: str, location: str) -> list[object] | None:
        where = f"{location}.{key}"
        value = table.get(key, [])
        if not isinstance(value, list):
            self.refuse(where, value, f"expected an array, not {_kind(value)}")
            return None
        return value

    def each(
        self,
        table: dict[str, object],
        key: str,
        location: str,
        read: Callable[[object, str], T | None],
    ) -> list[tuple[int, T]]:
        """
        Read every item of the array *key* with *read*; keep those read whole, by index.
        """
        items = self.array(table, key, location) or []
        found: list[tuple[int, T]] = []
        for index, item in enumerate(items):
            value = read(item, f"{location}.{key}[{index}]")
            if value is not None:
                found.append((index, value))
        return found

    def unique(self, items: list[tuple[int, Any]], key: str, field: str) -> None:
        seen: set[str] = set()
        for index, item in items:
            name = getattr(item, field)
            if name in seen:
                reason = f"{field} {name!r} is given twice; each is given once"
                self.refuse(f"$.{key}[{index}].{field}", name, reason)
            seen.add(name)

    def percent(self, value: object) -> int | None:
        location = "$.tt124_hamlet_percent"
        if type(value) is not int:
            self.refuse(location, value, f"expected a whole number, not {_kind(value)}")
            return None
        try:
            CriteriaParameters(tt124_hamlet_percent=value)
        except InvalidValueError as error:
            self.refuse(location, value, error.rule)
            return None
        return value

    def month_day(self, value: object, location: str) -> MonthDay | None:
        if not isinstance(value, str):
            self.refuse(location, value, f"expected a string MM-DD, not {_kind(value)}")
            return None
        try:
            return MonthDay.parse(value)
        except InvalidValueError as error:
            self.refuse(location, value, error.rule)
            return None

    def conditions(self, table: dict[str, object], location: str) -> list[Condition] | None:
        where = f"{location}.conditions"
        if "conditions" not in table:
            self.refuse(where, None, "required key is missing")
            return None
        items = self.array(table, "conditions", location)
        if items is None:
            return None
        if not items:
            self.refuse(where, None, "at least one condition is needed")
            return None
        found = [self.condition(item, f"{where}[{index}]") for index, item in enumerate(items)]
        conditions = [condition for condition in found if condition is not None]
        return conditions if len(conditions) == len(found) else None

    def condition(self, value: object, location: str) -> Condition | None:
        table = self.table(value, location, _CONDITION_KEYS)
        if table is None:
            return None
        fact = self.text(table, "fact", location)
        given = [key for key in _COMPARISONS if key in table]
        if not given:
            self.refuse(
                location, None, "a condition needs a comparison: at_most, at_least or equals"
            )
            return None
        for extra in given[1:]:
            self.refuse(f"{location}.{extra}", table[extra], "a condition has one comparison only")
        key = given[0]
        compared = table[key]
        if not isinstance(compared, int):  # true and false are ints too
            reason = f"expected an integer, or true or false, not {_kind(compared)}"
            self.refuse(f"{location}.{key}", compared, reason)
            return None
        if fact is None or len(given) > 1:
            return None
        try:
            return Condition(fact, Comparison(key), compared)
        except InvalidValueError as error:
            where = f"{location}.fact" if error.field == "fact" else f"{location}.{key}"
            self.refuse(where, error.value, error.rule)
            return None

    def gap(self, value: object, location: str) -> GapConditions | None:
        table = self.table(value, location, _GAP_KEYS)
        if table is None:
            return None
        criterion = self.text(table, "criterion", location)
        source = self.text(table, "source", location)
        conditions = self.conditions(table, location)
        if criterion is None or source is None or conditions is None:
            return None
        try:
            return GapConditions(criterion, conditions, source)
        except InvalidValueError as error:
            # The value as written in the file, not as built.
            self.refuse(f"{location}.{error.field}", table.get(error.field), error.rule)
            return None

    def members(
        self, table: dict[str, object], key: str, location: str, enum: type[LabelledEnum]
    ) -> list[Any] | None:
        where = f"{location}.{key}"
        if key not in table:
            self.refuse(where, None, "required key is missing")
            return None
        items = self.array(table, key, location)
        if items is None:
            return None
        known = {member.value: member for member in enum}
        found = []
        for index, item in enumerate(items):
            member = known.get(item) if isinstance(item, str) else None
            if member is None:
                reason = f"expected one of {', '.join(known)}"
                self.refuse(f"{where}[{index}]", item, reason)
            found.append(member)
        return None if None in found else found

    def criterion(self, value: object, location: str) -> ProvincialCriterion | None:
        table = self.table(value, location, _CRITERION_KEYS)
        if table is None:
            return None
        id_ = self.text(table, "id", location)
        title = self.text(table, "title", location)
        source = self.text(table, "source", location)
        subjects = self.members(table, "subjects", location, Subject)
        regimes = self.members(table, "regimes", location, Regime)
        conditions = self.conditions(table, location)
        title_vi = self.text(table, "title_vi", location) if "title_vi" in table else None
        if (
            id_ is None
            or title is None
            or source is None
            or subjects is None
            or regimes is None
            or conditions is None
            or ("title_vi" in table and title_vi is None)
        ):
            return None
        try:
            return ProvincialCriterion(
                id_,
                title,
                source,
                subjects=subjects,
                regimes=regimes,
                conditions=conditions,
                title_vi=title_vi,
            )
        except InvalidValueError as error:
            # The value as written in the file, not as built.
            self.refuse(f"{location}.{error.field}", table.get(error.field), error.rule)
            return None
