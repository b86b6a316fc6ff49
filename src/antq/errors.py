"""
The exceptions antq raises.

Every exception derives from :class:`AntqError`, and each specific one also derives
from the built-in exception a caller would naturally catch (:class:`ValueError`,
:class:`LookupError`), so ``except ValueError`` keeps working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "AntqError",
    "DatasetLoadError",
    "InvalidValueError",
    "LoadProblem",
    "RegistryError",
    "RegistryProblem",
    "UnknownEditionError",
    "UnknownUnitError",
]


class AntqError(Exception):
    """
    The base of every exception raised by antq.
    """


class InvalidValueError(AntqError, ValueError, TypeError):
    """
    A value that an object of antq refuses at construction.

    It is both a :class:`ValueError` and a :class:`TypeError`: a wrong type and a wrong
    value are refused by the same rule check.

    Attributes:
        owner: The name of the class that refused the value.
        field: The name of the field that holds the value.
        value: The value refused.
        rule: The rule the value breaks, in words.
    """

    owner: str
    field: str
    value: object
    rule: str

    def __init__(self, owner: str, field: str, value: object, rule: str) -> None:
        """
        Build the message from the attributes.
        """
        self.owner = owner
        self.field = field
        self.value = value
        self.rule = rule
        msg = f"{owner}.{field}: {value!r} is refused: {rule}"
        super().__init__(msg)


@attrs.frozen
class RegistryProblem:
    """
    One reason why units and organisations cannot form a registry.

    Attributes:
        section: ``"units"`` or ``"organisations"``: which input holds the record.
        index: The record's position in that input, from 0.
        code: The record's code.
        field: The field at fault (``code``, ``parent_code`` or ``unit_code``).
        reason: What is wrong.
    """

    section: str
    index: int
    code: str
    field: str
    reason: str

    def __str__(self) -> str:
        """
        Return ``section[index].field (code): reason``.
        """
        return f"{self.section}[{self.index}].{self.field} ({self.code}): {self.reason}"


class RegistryError(AntqError, ValueError):
    """
    A set of units and organisations that cannot form a registry.

    Every problem found is listed, not only the first.

    Attributes:
        problems: Every problem, in the order of the input.
    """

    problems: tuple[RegistryProblem, ...]

    def __init__(self, problems: Sequence[RegistryProblem]) -> None:
        """
        Build the message from the attributes.
        """
        self.problems = tuple(problems)
        lines = [f"{len(self.problems)} problem(s) in the unit registry:"]
        lines.extend(f"  {problem}" for problem in self.problems)
        super().__init__("\n".join(lines))


class UnknownUnitError(AntqError, LookupError):
    """
    A code that names no unit or organisation of a registry (on the date asked).

    Attributes:
        code: The code looked up.
    """

    code: str

    def __init__(self, code: str, reason: str) -> None:
        """
        Build the message from the attributes.
        """
        self.code = code
        super().__init__(f"{code!r}: {reason}")


class UnknownEditionError(AntqError, LookupError):
    """
    A name or date that matches no edition of the official list of units.

    Attributes:
        name: The edition's name (or the day) looked up.
        known: The names of the editions there are.
    """

    name: str
    known: tuple[str, ...]

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        """
        Build the message from the attributes.
        """
        self.name = name
        self.known = known
        super().__init__(f"{name!r}: no edition of the official units; known: {', '.join(known)}")


@attrs.frozen
class LoadProblem:
    """
    One problem found while loading a dataset.

    Attributes:
        location: Where the problem is, as a JSONPath (``$.tips[3].received_on``).
        value: The offending value as read, or ``None`` when a key is missing.
        reason: What is wrong, naming the rule.
        file: The file that holds the problem, when known.
        sheet: The sheet of an Excel workbook, when the problem is in one.
        row: The row, from 1: a line of a JSON Lines file, a row of a spreadsheet (the
            header is row 1), or a record's position in its section of a JSON file.
        column: The column or field, as written in the file.
    """

    location: str
    value: object
    reason: str
    file: str | None = attrs.field(default=None, kw_only=True)
    sheet: str | None = attrs.field(default=None, kw_only=True)
    row: int | None = attrs.field(default=None, kw_only=True)
    column: str | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        """
        Return ``location: reason (value: ...)``; no value is shown when there is none.

        When the problem is placed in a file, ``file:sheet:row:column:`` comes first,
        with only the parts that are known.
        """
        text = f"{self.location}: {self.reason}"
        if self.value is not None:
            text += f" (value: {self.value!r})"
        parts = (self.file, self.sheet, self.row, self.column)
        place = ":".join(str(part) for part in parts if part is not None)
        return f"{place}: {text}" if place else text


class DatasetLoadError(AntqError, ValueError):
    """
    A dataset that cannot be loaded, with every problem found in it.

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
