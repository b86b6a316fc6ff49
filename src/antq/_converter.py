"""
The one configured cattrs converter of antq, and the translation of its errors.

The converter is strict: a string is not an integer, ``"false"`` is not a boolean,
``1.9`` is not an integer, ``5`` is not a string, unknown keys are refused, dates are
ISO 8601 calendar dates, and enumerations are read by their glossary identifier.
Structuring errors become :class:`antq.errors.LoadProblem` values, each located by a
JSONPath.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from antq._validation import PROTECTED
from antq.errors import InvalidValueError, LoadProblem
from antq.tips import TipRecord

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

__all__: list[str] = []

T = TypeVar("T")

_UNKNOWN_KEY = "unknown key"
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _StrictTypeError(TypeError):
    """
    A JSON value of the wrong type or form; the message is the reason shown to users.
    """


def _json_type(value: object) -> str:
    """
    Name the JSON type of *value*, as a reader of the file sees it.
    """
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    if value is None:
        return "null"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return names.get(type(value), type(value).__name__)


def _exactly(expected: type, name: str) -> Callable[[object, type], Any]:
    def structure(value: object, _: type) -> object:
        if type(value) is not expected:
            msg = f"expected {name}, found {_json_type(value)}"
            raise _StrictTypeError(msg)
        return value

    return structure


def _int_or_bool(value: object, _: type) -> int | bool:
    if type(value) not in {int, bool}:
        msg = f"expected true, false or an integer, found {_json_type(value)}"
        raise _StrictTypeError(msg)
    return value  # type: ignore[return-value]


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str) or _ISO_DATE.fullmatch(value) is None:
        msg = f"expected an ISO 8601 date (YYYY-MM-DD), found {_json_type(value)}"
        raise _StrictTypeError(msg)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = "not a calendar date"
        raise _StrictTypeError(msg) from None


def _is_enum(cls: object) -> bool:
    return isinstance(cls, type) and issubclass(cls, Enum)


def _enum_hook(cls: type[Enum]) -> Callable[[object, type], Enum]:
    identifiers = {member.value: member for member in cls}

    def structure(value: object, _: type) -> Enum:
        if not isinstance(value, str):
            msg = f"expected a {cls.__name__} identifier (a string), found {_json_type(value)}"
            raise _StrictTypeError(msg)
        member = identifiers.get(value)
        if member is None:
            msg = f"unknown {cls.__name__} identifier"
            close = difflib.get_close_matches(value, list(identifiers), n=1)
            if close:
                msg += f"; did you mean {close[0]!r}?"
            else:
                msg += "; expected one of " + ", ".join(map(repr, identifiers))
            raise _StrictTypeError(msg)
        return member

    return structure


def _is_homogeneous_tuple(cls: object) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(
    cls: object, converter: cattrs.Converter
) -> Callable[[object, type], tuple[Any, ...]]:
    item_type = get_args(cls)[0]
    as_list = converter.get_structure_hook(list[item_type])  # type: ignore[valid-type]

    def structure(value: object, _: type) -> tuple[Any, ...]:
        if not isinstance(value, list):
            msg = f"expected an array, found {_json_type(value)}"
            raise _StrictTypeError(msg)
        return tuple(as_list(value, list[item_type]))  # type: ignore[valid-type]

    return structure


def _attrs_hook(cls: type[T], converter: cattrs.Converter) -> Callable[[object, type], T]:
    inner = make_dict_structure_fn(cls, converter)

    def structure(value: object, target: type) -> T:
        if not isinstance(value, dict):
            msg = f"expected an object, found {_json_type(value)}"
            raise _StrictTypeError(msg)
        return inner(value, target)

    return structure


def _make_converter(*, include_informants: bool, forbid_extra_keys: bool) -> cattrs.Converter:
    converter = cattrs.Converter(
        forbid_extra_keys=forbid_extra_keys,
        omit_if_default=True,
        detailed_validation=True,
        unstruct_collection_overrides={tuple: list},
    )
    converter.register_structure_hook(str, _exactly(str, "a string"))
    converter.register_structure_hook(int, _exactly(int, "an integer"))
    converter.register_structure_hook(bool, _exactly(bool, "a boolean"))
    converter.register_structure_hook(int | bool, _int_or_bool)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    # Registered after str: an enumeration is read by its identifier, never as a string.
    converter.register_structure_hook_factory(_is_enum, _enum_hook)
    converter.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda cls: _tuple_hook(cls, converter)
    )
    converter.register_structure_hook_factory(attrs.has, lambda cls: _attrs_hook(cls, converter))
    if not include_informants:
        converter.register_unstructure_hook(
            TipRecord,
            make_dict_unstructure_fn(
                TipRecord,
                converter,
                _cattrs_omit_if_default=True,
                informant=override(omit=True),
            ),
        )
    return converter


@cache
def converter(
    *, include_informants: bool = False, forbid_extra_keys: bool = True
) -> cattrs.Converter:
    """
    Return the converter; it writes informant identities only when asked by name.
    """
    return _make_converter(
        include_informants=include_informants, forbid_extra_keys=forbid_extra_keys
    )


def structure(value: object, cls: type[T], location: str) -> tuple[T | None, list[LoadProblem]]:
    """
    Structure *value* as *cls*; return it, or ``None`` and every problem found.

    Each problem is located under *location*.
    """
    try:
        return converter().structure(value, cls), []
    except Exception as error:  # noqa: BLE001 - every failure becomes a located problem
        problems = list(_problems(error, location, value))
    if all(problem.reason == _UNKNOWN_KEY for problem in problems):
        # Unknown keys alone do not hide the record's own rules: check it without them.
        try:
            converter(forbid_extra_keys=False).structure(value, cls)
        except Exception as error:  # noqa: BLE001
            problems.extend(_problems(error, location, value))
    return None, problems


def _problems(error: BaseException, location: str, value: object) -> Iterator[LoadProblem]:
    """
    Walk a cattrs error tree and yield one located problem per leaf.
    """
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            key: int | str
            if isinstance(note, AttributeValidationNote):
                key, where = note.name, f"{location}.{note.name}"
            else:
                key, where = note.index, f"{location}[{note.index!r}]"
            yield from _problems(inner, where, _child(value, key))
        for inner in without:
            yield from _problems(inner, location, value)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield LoadProblem(f"{location}.{key}", _child(value, key), _UNKNOWN_KEY)
    elif isinstance(error, InvalidValueError):
        where = f"{location}.{error.field}"
        raw = error.value if error.value == PROTECTED else _child(value, error.field, error.value)
        yield LoadProblem(where, raw, error.rule)
    elif isinstance(error, KeyError):
        yield LoadProblem(location, None, "required key is missing")
    elif isinstance(error, _StrictTypeError):
        yield LoadProblem(location, value, str(error))
    else:
        yield LoadProblem(location, value, f"cannot be read: {error}")


def _child(value: object, key: int | str, default: object = None) -> object:
    """
    Return the raw value under *key*, or *default* when there is none.
    """
    if isinstance(value, dict):
        return value.get(key, default)
    if isinstance(value, list) and isinstance(key, int) and 0 <= key < len(value):
        return value[key]
    return default


def redact(problems: Sequence[LoadProblem]) -> list[LoadProblem]:
    """
    Replace every value found under an informant with a placeholder.
    """
    return [
        LoadProblem(problem.location, PROTECTED, problem.reason)
        if ".informant" in problem.location and problem.value is not None
        else problem
        for problem in problems
    ]
