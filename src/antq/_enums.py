"""
The base of antq's enumerations: glossary identifiers as values, Vietnamese labels.
"""

from __future__ import annotations

from enum import Enum
from typing import ClassVar

__all__: list[str] = []


class LabelledEnum(Enum):
    """
    An enumeration whose values are the glossary's identifiers.

    Each subclass maps every identifier to its Vietnamese term in ``__labels__``.
    """

    _value_: str
    __labels__: ClassVar[dict[str, str]]

    # Members are singletons compared by identity: hashing by identity, in C, agrees
    # with equality and spares the look-ups of every set and mapping keyed by members.
    __hash__ = object.__hash__

    @property
    def label(self) -> str:
        """
        The Vietnamese term for this member, as written in reports.
        """
        return type(self).__labels__[self.value]
