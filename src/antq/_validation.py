"""
Field validators shared by the domain classes.

Each validator raises :class:`antq.errors.InvalidValueError`, naming the class, the
field, the value and the rule it breaks.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from antq.errors import InvalidValueError

if TYPE_CHECKING:
    from collections.abc import Callable
    from enum import Enum

    import attrs

__all__: list[str] = []

T = TypeVar("T")

#: Local identifiers: hamlets, organisations and every record id.
LOCAL_ID = re.compile(r"[0-9A-Za-z][0-9A-Za-z._-]{0,63}")


def refuse(instance: object, attribute: attrs.Attribute[Any], value: object, rule: str) -> NoReturn:
    """
    Raise the error that names the class, the field, the value and the rule.
    """
    raise InvalidValueError(type(instance).__name__, attribute.name, value, rule)


def as_tuple(value: Iterable[T], *, owner: str, field: str) -> tuple[T, ...]:
    """
    Return the items of *value* as a tuple; refuse what cannot be iterated.

    Strings and mappings are refused too: they iterate, but never hold records.
    """
    if type(value) is tuple:
        return value
    if isinstance(value, str | bytes | dict) or not isinstance(value, Iterable):
        raise InvalidValueError(owner, field, value, "must be a sequence of records")
    return tuple(value)


def text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept a string that is not blank.
    """
    if not isinstance(value, str):
        refuse(instance, attribute, value, "must be a string")
    elif not value.strip():
        refuse(instance, attribute, value, "must not be blank")


def optional_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept ``None`` or a string that is not blank.
    """
    if value is not None:
        text(instance, attribute, value)


def local_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept a local identifier: 1 to 64 letters, digits, ``.``, ``_`` or ``-``.
    """
    if not isinstance(value, str):
        refuse(instance, attribute, value, "must be a string")
    elif LOCAL_ID.fullmatch(value) is None:
        refuse(
            instance,
            attribute,
            value,
            "an identifier is 1 to 64 ASCII letters, digits, '.', '_' or '-', "
            "starting with a letter or digit",
        )


def optional_local_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept ``None`` or a local identifier.
    """
    if value is not None:
        local_id(instance, attribute, value)


def count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept a non-negative integer (a boolean is not an integer here).
    """
    if type(value) is not int:
        refuse(instance, attribute, value, "a count must be an integer")
    elif value < 0:
        refuse(instance, attribute, value, "a count must not be negative")


def optional_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept ``None`` or a non-negative integer.
    """
    if value is not None:
        count(instance, attribute, value)


def flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept ``True`` or ``False`` only.
    """
    if type(value) is not bool:
        refuse(instance, attribute, value, "must be true or false")


def date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept a calendar date (a date with a time of day is refused).
    """
    if type(value) is not dt.date:
        refuse(instance, attribute, value, "must be a date (datetime.date, without a time)")


def optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """
    Accept ``None`` or a calendar date.
    """
    if value is not None:
        date(instance, attribute, value)


def member_of(
    enum: type[Enum], *, optional: bool = False
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """
    Return a validator that accepts members of *enum* (and ``None`` if *optional*).
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, enum):
            known = ", ".join(repr(member.value) for member in enum)
            refuse(instance, attribute, value, f"must be a member of {enum.__name__}: {known}")

    return check


def instance_of(
    cls: type, *, optional: bool = False
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """
    Return a validator that accepts instances of *cls* (and ``None`` if *optional*).
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, cls):
            refuse(instance, attribute, value, f"must be of type {cls.__name__}")

    return check


def tuple_of(
    cls: type,
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """
    Return a validator that accepts a tuple whose items are all instances of *cls*.
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            refuse(instance, attribute, value, f"must be a tuple of {cls.__name__}")
        for index, item in enumerate(value):
            if not isinstance(item, cls):
                refuse(
                    instance,
                    attribute,
                    value,
                    f"item {index} is {type(item).__name__}, not {cls.__name__}",
                )

    return check


def not_before(other: str, *, rule: str) -> Callable[[object, attrs.Attribute[Any], object], None]:
    """
    Return a validator: the value (a date, or ``None``) is not before field *other*.

    The check is skipped when either date is ``None``.
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        earlier = getattr(instance, other)
        if isinstance(value, dt.date) and isinstance(earlier, dt.date) and value < earlier:
            refuse(instance, attribute, value, f"{rule} ({other} is {earlier.isoformat()})")

    return check


#: What stands for a protected value in messages.
PROTECTED = "<protected>"


def protected(
    validator: Callable[[Any, attrs.Attribute[Any], Any], None],
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """
    Wrap *validator* so that its error never repeats the value (an informant's identity).
    """

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        try:
            validator(instance, attribute, value)
        except InvalidValueError as error:
            refused = error
        else:
            return
        # Raised outside the except block, so the refused value is not kept as context.
        raise InvalidValueError(refused.owner, refused.field, PROTECTED, refused.rule)

    return check
