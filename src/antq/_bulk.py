"""
The bulk path for JSON Lines: msgspec decodes, antq's own rules decide.

For each record class, a msgspec Struct of the same fields is made once, typed so that
msgspec checks in C what the converter checks in Python: exact JSON types, ISO 8601
dates, enumeration identifiers, unknown keys, required keys, the pattern of local
identifiers, blank texts and negative counts (read off the fields' validators, so
the rules stay written once, in the domain classes). A function generated once per
class then builds the attrs instance from the Struct, applying the fields'
converters and running every validator the Struct's types do not already imply
(the rules across fields: dates in order, a decision and its date together ...).

The bulk path only ever *accepts*. A line it cannot vouch for — msgspec refuses it,
a validator refuses it, a key may appear twice, or an escape may hide a lone
surrogate — returns ``None``, and the reference path reads the line again and says
what is wrong, so the problems reported are the reference's, word for word.
A key given twice is caught by counting quotes: msgspec keeps the last value of a
duplicated key, but every key and every string value of a line adds two quotes, so a
line whose quotes outnumber those of the keys and strings decoded is left to the
reference path (as is a line with an escaped quote).

msgspec is optional (the ``antq[fast]`` extra); without it :func:`reader` returns
``None`` and every line takes the reference path.
"""

from __future__ import annotations

import datetime as dt
import enum
import importlib
import types
from collections.abc import Callable, Iterator
from functools import cache, partial
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

import attrs

from antq import _validation as v

__all__: list[str] = []

#: A line that holds one of these may hide a lone surrogate: the reference decides.
_SURROGATE_ESCAPES = (b"\\ud", b"\\uD")

# What the Struct's types imply: validators that check only the type.
_IMPLIED = frozenset({v.date, v.optional_date, v.flag})
_IMPLIED_FACTORIES = frozenset({"member_of", "instance_of", "tuple_of"})
# Validators that become constraints of the Struct's field.
_LOCAL_ID = f"^(?:{v.LOCAL_ID.pattern})\\Z"
_CONSTRAINTS: dict[object, dict[str, object]] = {
    v.local_id: {"pattern": _LOCAL_ID},
    v.optional_local_id: {"pattern": _LOCAL_ID},
    v.text: {"pattern": r"\S"},
    v.optional_text: {"pattern": r"\S"},
    v.count: {"ge": 0},
    v.optional_count: {"ge": 0},
}


class _Unsupported(Exception):  # noqa: N818 - an internal signal, never raised to users
    """
    A class whose fields the bulk path cannot mirror; it reads by the reference only.
    """


def _msgspec() -> types.ModuleType | None:
    try:
        return importlib.import_module("msgspec")
    except ImportError:
        return None


def encoder(default: Callable[[Any], object]) -> Callable[[object], bytes] | None:
    """
    Return msgspec's compact JSON encoder, or ``None`` without msgspec.

    Its bytes are those of ``json.dumps(value, ensure_ascii=False, separators=(",",
    ":"), default=default)`` encoded in UTF-8, for the JSON values records unstructure
    to.
    """
    msgspec = _msgspec()
    if msgspec is None:
        return None
    encode: Callable[[object], bytes] = msgspec.json.Encoder(enc_hook=default).encode
    return encode


@attrs.frozen
class _Readers:
    """
    The bulk readers of one class: of one line, and of a block of lines.
    """

    line: Callable[[bytes], object]
    block: Callable[[bytes, int], list[Any] | None]


def reader(cls: type) -> Callable[[bytes], object] | None:
    """
    Return the bulk reader of one line of *cls* records, or ``None`` when there is none.

    The reader returns the record, or ``None`` when the line must go to the reference
    path. There is none when msgspec is not installed, when attrs' validators are
    switched off (the reference then skips them too), or when a field of *cls* has a
    type the bulk path does not mirror.
    """
    readers = _readers_of(cls)
    return None if readers is None else readers.line


def block_reader(cls: type) -> Callable[[bytes, int], list[Any] | None] | None:
    """
    Return the bulk reader of a block of lines of *cls* records, or ``None``.

    The reader takes a block of whole lines and their number, and returns every record,
    or ``None`` when one line of the block must go to the reference path (a blank line
    among them too, so that rows are counted by the reference).
    """
    readers = _readers_of(cls)
    return None if readers is None else readers.block


def _readers_of(cls: type) -> _Readers | None:
    if attrs.validators.get_disabled():
        return None
    try:
        return _readers(cls)
    except _Unsupported:
        return None


@cache
def _readers(cls: type) -> _Readers | None:
    msgspec = _msgspec()
    if msgspec is None:
        return None
    made = _Mirror(msgspec).of(cls)
    build, build_into = made.build, made.build_into
    decode = msgspec.json.Decoder(made.struct).decode
    decode_array = msgspec.json.Decoder(list[made.struct]).decode  # type: ignore[name-defined]

    def read_block(block: bytes, lines: int) -> list[Any] | None:
        if _SURROGATE_ESCAPES[0] in block or _SURROGATE_ESCAPES[1] in block:
            return None
        records: list[Any] = []
        # The lines as one array: a blank line, a line of two records, or a record over
        # two lines is then no array, and the block goes to the reference.
        array = b"[" + block.rstrip(b"\r\n").replace(b"\n", b",") + b"]"
        try:
            built: Iterator[int] = map(
                partial(build_into, append=records.append), decode_array(array)
            )
            quotes = sum(built)
        except Exception:  # noqa: BLE001 - whatever the bulk path refuses, the reference reads
            return None
        if len(records) != lines or block.count(b'"') != quotes:
            return None
        return records

    def read(line: bytes) -> object:
        if _SURROGATE_ESCAPES[0] in line or _SURROGATE_ESCAPES[1] in line:
            return None
        try:
            record, quotes = build(decode(line))
        except Exception:  # noqa: BLE001 - whatever the bulk path refuses, the reference reads
            return None
        return record if line.count(b'"') == quotes else None

    return _Readers(read, read_block)


@attrs.frozen
class _Made:
    """
    The Struct that mirrors a class, and the functions that build the class from it.

    ``build(struct)`` returns the record and the quotes of its JSON object;
    ``build_into(struct, append)`` appends the record and returns the quotes.
    """

    struct: type
    build: Callable[[Any], tuple[Any, int]]
    build_into: Callable[..., int]


class _Mirror:
    """
    The Structs and builders made so far, one per class.
    """

    def __init__(self, msgspec: types.ModuleType) -> None:
        """
        Start with none made.
        """
        self.msgspec = msgspec
        self.made: dict[type, _Made] = {}

    def of(self, cls: type) -> _Made:
        """
        Return the Struct that mirrors *cls*, and the functions that build *cls* from it.
        """
        if cls not in self.made:
            self.made[cls] = self._make(cls)
        return self.made[cls]

    def _make(self, cls: type) -> _Made:
        if not attrs.has(cls) or hasattr(cls, "__attrs_post_init__"):
            raise _Unsupported
        hints = get_type_hints(cls)
        fields: list[tuple[Any, ...]] = []
        names: dict[str, object] = {
            "UNSET": self.msgspec.UNSET,
            "new": object.__new__,
            "cls": cls,
        }
        body: list[str] = []
        checks: list[str] = []
        # The quotes of the keys and values that every record has.
        always = 0
        for n, field in enumerate(attrs.fields(cls)):
            spec, quotes = self._field(
                n, field, hint=hints[field.name], names=names, body=body, checks=checks
            )
            fields.append(spec)
            always += quotes
        start = ["    o = new(cls)", f"    q = {always}"]
        source = "\n".join(
            [
                "def build(m):",
                *start,
                *body,
                *checks,
                "    return o, q",
                "def build_into(m, append):",
                *start,
                *body,
                *checks,
                "    append(o)",
                "    return q",
            ]
        )
        exec(compile(source, f"<antq bulk {cls.__name__}>", "exec"), names)  # noqa: S102 - generated once per class from its own fields
        struct = self.msgspec.defstruct(
            f"{cls.__name__}Line", fields, forbid_unknown_fields=True, frozen=True, gc=False
        )
        return _Made(struct, names["build"], names["build_into"])  # type: ignore[arg-type]

    def _field(  # noqa: PLR0913 - the pieces of the function being generated
        self,
        n: int,
        field: attrs.Attribute[Any],
        *,
        hint: object,
        names: dict[str, object],
        body: list[str],
        checks: list[str],
    ) -> tuple[tuple[Any, ...], int]:
        """
        Write the lines that read field *n*; return the Struct's field and its quotes.

        The quotes are those the field always adds: a required field whose value has a
        fixed number of quotes; 0 for the others, counted as they are read.
        """
        constraints, rest = _validators(field.validator)
        optional, field_type, quotes, build = self._type(hint, constraints)
        x = f"x{n}"
        # Account for the key and its value's quotes, and build a nested record.
        present = [f"q += {2 + quotes}"]
        if build is not None:
            names[f"b{n}"] = build
            present = [f"{x}, k = b{n}({x})", "q += 2 + k"]
        if optional:
            field_type |= None
            inner = [line.replace("q += 2 + k", "q += k") for line in present]
            inner = [line.replace(f"q += {2 + quotes}", f"q += {quotes}") for line in inner]
            present = ["q += 2", f"if {x} is not None:", *(f"    {line}" for line in inner)]
        body.append(f"    {x} = m.{field.name}")
        always = 0
        if field.default is attrs.NOTHING:
            spec: tuple[Any, ...] = (field.name, field_type)
            if present == [f"q += {2 + quotes}"]:
                always = 2 + quotes
            else:
                body.extend(f"    {line}" for line in present)
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raise _Unsupported
        else:
            spec = (field.name, field_type | self.msgspec.UnsetType, self.msgspec.UNSET)
            names[f"d{n}"] = field.default
            body.append(f"    if {x} is UNSET: {x} = d{n}")
            body.append("    else:")
            body.extend(f"        {line}" for line in present)
        if field.converter is not None:
            names[f"c{n}"] = field.converter
            body.append(f"    {x} = c{n}({x})")
        names[f"s{n}"] = getattr(names["cls"], field.name).__set__
        body.append(f"    s{n}(o, {x})")
        if rest:
            names[f"a{n}"] = field
            for k, check in enumerate(rest):
                names[f"v{n}_{k}"] = check
                call = f"v{n}_{k}(o, a{n}, {x})"
                if _factory(check) == "not_before":
                    # not_before checks nothing when the date is None.
                    call = f"if {x} is not None: {call}"
                checks.append(f"    {call}")
        return spec, always

    def _type(  # noqa: PLR0911 - one return for each kind of type
        self, hint: object, constraints: dict[str, object]
    ) -> tuple[bool, Any, int, Callable[[Any], tuple[Any, int]] | None]:
        """
        Mirror a field's type: optional or not, the Struct's type, and its value's quotes.

        A nested record, or a tuple of them, comes with the function that builds it
        from its Struct and counts its quotes.
        """
        origin, args = get_origin(hint), get_args(hint)
        if origin in {Union, types.UnionType} and type(None) in args:
            others = [arg for arg in args if arg is not type(None)]
            if len(others) != 1:
                raise _Unsupported
            # Python flattens an optional of an optional: others[0] is no union with None.
            _, inner_type, quotes, build = self._type(others[0], constraints)
            return True, inner_type, quotes, build
        if constraints:
            if hint not in {str, int}:
                raise _Unsupported
            return False, Annotated[hint, self.msgspec.Meta(**constraints)], 2 * (hint is str), None
        if hint is str or hint is dt.date:
            return False, hint, 2, None
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return False, hint, 2, None
        if hint in {int, bool} or hint == (int | bool):
            return False, hint, 0, None
        if isinstance(hint, type) and attrs.has(hint):
            made = self.of(hint)
            return False, made.struct, 0, made.build
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            made = self.of(args[0])
            return False, tuple[made.struct, ...], 0, _items(made.build)  # type: ignore[name-defined]
        raise _Unsupported


def _items(
    build: Callable[[Any], tuple[Any, int]],
) -> Callable[[tuple[Any, ...]], tuple[tuple[Any, ...], int]]:
    """
    Return the builder of a tuple of nested records from the builder of one.
    """

    def items(structs: tuple[Any, ...]) -> tuple[tuple[Any, ...], int]:
        built = [build(struct) for struct in structs]
        return tuple(record for record, _ in built), sum(quotes for _, quotes in built)

    return items


def _factory(validator: object) -> str | None:
    """
    Return the name of the function of :mod:`antq._validation` that made *validator*.
    """
    qualname = getattr(validator, "__qualname__", "")
    factory, _, local = qualname.partition(".<locals>.")
    module = getattr(validator, "__module__", None)
    return factory if local and module == v.__name__ else None


def _implied(validator: object) -> bool:
    """
    Tell whether the Struct's type implies *validator* (alone, or wrapped to protect).
    """
    factory = _factory(validator)
    if factory == "protected":
        # protected(inner) checks what inner checks, with a message that hides the value.
        (cell,) = validator.__closure__  # type: ignore[attr-defined]
        return _implied(cell.cell_contents)
    return validator in _IMPLIED or factory in _IMPLIED_FACTORIES


def _validators(validator: object) -> tuple[dict[str, object], list[object]]:
    """
    Sort a field's validators: those made constraints of the Struct, and the rest to run.

    Those the Struct's types imply (a date, an enumeration, a nested record) are dropped.
    """
    parts: tuple[object, ...] = ()
    if validator is not None:
        parts = getattr(validator, "_validators", (validator,))
    constraints: dict[str, object] = {}
    rest = []
    for part in parts:
        if _implied(part):
            continue
        if part in _CONSTRAINTS:
            constraints.update(_CONSTRAINTS[part])
        else:
            rest.append(part)
    return constraints, rest
