"""
JSON Schema of the dataset file and of each record, generated from antq's classes.

Every schema is a JSON Schema of draft 2020-12, generated from the attrs classes of the
records and the validators of their fields, so it says what antq reads, in a form any
language can check a file with before it reaches antq:

- every field, its JSON type, and whether it is required (a field with a default may be
  left out; an optional field may also be ``null``); unknown keys are refused;
- enumerations by their glossary identifiers;
- the pattern of identifiers and official codes (2, 3 or 5 digits by the unit's kind),
  of fact names and of ISO 8601 dates; texts that are not blank; counts from 0; years
  of four digits;
- the rules between fields of one record that JSON Schema can say: a decision and its
  date go together, an assessed tip has the date of its assessment, only an enterprise
  has a size, a tally of model groups names the kind of group ...

What depends on other records or on comparing two dates (a record's unit exists, ids
are unique, a decision is not dated before the tip was received) is checked by antq
alone: each record's schema lists those rules in its ``$comment``.

Each schema carries its ``$id`` (``urn:antq:schema:format-1:tips`` ...) with the version of
the dataset format, :data:`antq.io.FORMAT_VERSION`. The schemas are written out under
``schemas/`` in antq's source tree, and printed by ``antq schema``.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import re
import types
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin, get_type_hints

import attrs

from antq import _validation as v
from antq import official, recognition, tallies, tips, units
from antq.errors import InvalidValueError
from antq.io import FORMAT_VERSION, SECTIONS
from antq.periods import Period

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = [
    "DRAFT",
    "ENTITIES",
    "dataset_schema",
    "dumps_schema",
    "entity_schema",
    "schema_id",
    "schemas",
]

#: The JSON Schema dialect of every schema.
DRAFT = "https://json-schema.org/draft/2020-12/schema"

#: The entities with a schema of their own, the record sections of a dataset file
#: (and of a directory of JSON Lines files, one record a line) and the period.
ENTITIES: tuple[str, ...] = (*(name for name, _ in SECTIONS), "period")

_CLASSES: dict[str, type] = {**dict(SECTIONS), "period": Period}

Schema = dict[str, Any]


def schema_id(name: str) -> str:
    """
    Return the ``$id`` of the schema of *name* (``"dataset"`` or an entity).
    """
    return f"urn:antq:schema:format-{FORMAT_VERSION}:{name}"


def dataset_schema() -> Schema:
    """
    Return the JSON Schema of a dataset file.
    """
    builder = _Builder()
    header: Schema = {
        "format_version": {
            "description": "The version of the dataset format.",
            "type": "integer",
            "const": FORMAT_VERSION,
        },
        "period": builder.ref(Period) | {"description": "The reporting period."},
        "reporting_unit_code": {
            "description": "The unit whose report the dataset makes, if one does.",
            "type": ["string", "null"],
            "pattern": _anchored(v.LOCAL_ID.pattern),
        },
        "description": {
            "description": "What the dataset is and where its records come from.",
            "type": ["string", "null"],
            "pattern": _NOT_BLANK,
        },
        "edition": {
            "description": "The edition of the official list the registry's official "
            "units come from, if they are official units.",
            "enum": [*official.table().names, None],
        },
    }
    sections: Schema = {
        name: {
            "description": f"The records of the section {name}.",
            "type": "array",
            "items": builder.ref(cls),
        }
        for name, cls in SECTIONS
    }
    return {
        "$schema": DRAFT,
        "$id": schema_id("dataset"),
        "title": f"antq dataset file, format version {FORMAT_VERSION}",
        "description": "One JSON object in UTF-8: a reporting period, the units and "
        "organisations of the registry, and the movement's records.",
        "type": "object",
        "properties": header | sections,
        "required": ["format_version", "period"],
        "additionalProperties": False,
        "$defs": builder.sorted_defs(),
    }


def entity_schema(name: str) -> Schema:
    """
    Return the JSON Schema of one record of an entity (one line of its JSON Lines file).

    Args:
        name: One of :data:`ENTITIES` (``"tips"``, ``"units"`` ...).

    Raises:
        antq.errors.InvalidValueError: When *name* is not an entity.
    """
    cls = _CLASSES.get(name)
    if cls is None:
        rule = "not an entity; the entities are " + ", ".join(ENTITIES)
        raise InvalidValueError("entity_schema", "name", name, rule)
    builder = _Builder()
    record = builder.record(cls)
    defs = builder.sorted_defs()
    defs.pop(cls.__name__)
    title = f"antq {cls.__name__} record, dataset format version {FORMAT_VERSION}"
    schema = {"$schema": DRAFT, "$id": schema_id(name), **record, "title": title}
    return schema | ({"$defs": defs} if defs else {})


def schemas() -> dict[str, Schema]:
    """
    Return every schema by the name of its file: ``dataset.schema.json``, ``tips.schema.json`` ...
    """
    every = {"dataset.schema.json": dataset_schema()}
    every.update({f"{name}.schema.json": entity_schema(name) for name in ENTITIES})
    return every


def dumps_schema(schema: Schema) -> str:
    """
    Return a schema as JSON text, as the files of ``schemas/`` hold it.
    """
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


# The generator -------------------------------------------------------------------------

_NOT_BLANK = r"\S"
_DATE: Schema = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}


def _anchored(pattern: str) -> str:
    return f"^{pattern}$"


def _null(schema: Schema) -> Schema:
    """
    Return *schema* admitting ``null`` too; its description stays on top.
    """
    schema = dict(schema)
    described = {"description": schema.pop("description")} if "description" in schema else {}
    if "$ref" in schema:
        return described | {"anyOf": [schema, {"type": "null"}]}
    return described | schema | {"type": [schema["type"], "null"]}


@attrs.define
class _Field:
    """
    What the generator knows of a field while it writes the schema of its class.
    """

    name: str
    schema: Schema
    nullable: bool


@attrs.define
class _Class:
    """
    The schema of a class being written: its fields, rules between them, rules left out.
    """

    cls: type
    fields: dict[str, _Field]
    rules: list[Schema] = attrs.Factory(list)
    unchecked: list[str] = attrs.Factory(list)


class _Builder:
    """
    The schemas of the classes and enumerations met so far, kept for ``$defs``.
    """

    def __init__(self) -> None:
        """
        Start with none.
        """
        self.defs: dict[str, Schema] = {}

    def sorted_defs(self) -> dict[str, Schema]:
        """
        Return the definitions, by name.
        """
        return dict(sorted(self.defs.items()))

    def ref(self, cls: type) -> Schema:
        """
        Return a reference to the schema of *cls* (an attrs class or an enumeration).
        """
        name = cls.__name__
        if name in self.defs:
            pass
        elif issubclass(cls, enum.Enum):
            self.defs[name] = self._enum(cls)
        else:
            self.record(cls)  # which writes its own definition
        return {"$ref": f"#/$defs/{name}"}

    def _enum(self, cls: type[enum.Enum]) -> Schema:
        return {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "string",
            "enum": [member.value for member in cls],
        }

    def record(self, cls: type) -> Schema:
        """
        Return the schema of an attrs class; it and what it refers to go to the definitions.
        """
        # Taken first, so that a class met again while this one is written is not
        # written twice.
        self.defs.setdefault(cls.__name__, {})
        hints = get_type_hints(cls)
        described = _arguments(cls)
        made = _Class(cls, {})
        validators: list[tuple[_Field, object]] = []
        for field in attrs.fields(cls):
            optional, values = self._type(hints[field.name])
            if field.name in described:
                values = {"description": described[field.name]} | values
            made.fields[field.name] = _Field(field.name, values, optional)
            parts = getattr(field.validator, "_validators", (field.validator,))
            validators.extend((made.fields[field.name], part) for part in parts if part)
        for target, validator in validators:
            _apply(made, target, validator)
        properties = {
            name: _null(field.schema) if field.nullable else field.schema
            for name, field in made.fields.items()
        }
        schema: Schema = {
            "title": cls.__name__,
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "required": [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING],
            "additionalProperties": False,
        }
        if made.rules:
            schema["allOf"] = made.rules
        if made.unchecked:
            schema["$comment"] = "Checked by antq, not by this schema: " + "; ".join(made.unchecked)
        self.defs[cls.__name__] = schema
        return schema

    def _type(self, hint: object) -> tuple[bool, Schema]:
        """
        Return whether a field of type *hint* is optional, and the schema of its values.
        """
        origin, args = get_origin(hint), get_args(hint)
        if origin in {Union, types.UnionType}:
            others = tuple(arg for arg in args if arg is not type(None))
            if others == (int, bool):
                return False, {"type": ["integer", "boolean"]}
            (inner,) = others
            return True, self._type(inner)[1]
        if origin is tuple:
            return False, {"type": "array", "items": self._type(args[0])[1]}
        if hint is dt.date:
            return False, dict(_DATE)
        if isinstance(hint, type) and (issubclass(hint, enum.Enum) or attrs.has(hint)):
            return False, self.ref(hint)
        names = {str: "string", int: "integer", bool: "boolean"}
        return False, {"type": names[hint]}  # type: ignore[index]


def _summary(cls: type) -> str:
    """
    Return the first paragraph of a class's docstring, as plain text.
    """
    doc = inspect.cleandoc(cls.__doc__ or "")
    return _plain(" ".join(doc.split("\n\n")[0].split()))


def _arguments(cls: type) -> dict[str, str]:
    """
    Return the description of each field from the ``Args:`` section of a class's docstring.
    """
    lines = inspect.cleandoc(cls.__doc__ or "").splitlines()
    found: dict[str, list[str]] = {}
    inside = False
    current: list[str] = []
    for line in lines:
        if line.strip() in {"Args:", "Attributes:"}:
            inside = True
        elif inside and re.match(r"    [a-z_]+: ", line):
            name, _, rest = line.strip().partition(": ")
            current = found.setdefault(name, [rest])
        elif inside and line.startswith("        "):
            current.append(line.strip())
        else:
            inside = False
    return {name: _plain(" ".join(words)) for name, words in found.items()}


def _plain(text: str) -> str:
    """
    Remove reStructuredText's markup: roles and literals.
    """
    text = re.sub(r":[a-z]+:`~?(?:[\w.]+\.)?([\w]+)`", r"\1", text)
    return text.replace("``", "").replace("*", "")


# The validators ------------------------------------------------------------------------


def _key(validator: object) -> str:
    """
    Name a validator by where it is written: ``antq.units._only_for`` ...
    """
    qualname = getattr(validator, "__qualname__", type(validator).__qualname__)
    module = getattr(validator, "__module__", "")
    return f"{module}.{qualname.partition('.<locals>.')[0]}"


def _closure(validator: object) -> dict[str, Any]:
    return dict(inspect.getclosurevars(validator).nonlocals)  # type: ignore[arg-type]


def _apply(made: _Class, field: _Field, validator: object) -> None:
    """
    Say what *validator* checks in the schema of *made*, or list it as unchecked.

    Raises:
        LookupError: When the validator is not one the generator knows (a new rule
            needs a line here, or a place in the unchecked list).
    """
    key = _key(validator)
    handler = _HANDLERS.get(key)
    if handler is None:
        msg = f"{made.cls.__name__}.{field.name}: no schema for the validator {key}"
        raise LookupError(msg)
    handler(made, field, validator)


def _nothing(_made: _Class, _field: _Field, _validator: object) -> None:
    """
    The field's type says it all (a date, an enumeration, a nested record, a flag).
    """


def _keywords(**keywords: object) -> Callable[[_Class, _Field, object], None]:
    def apply(_made: _Class, field: _Field, _validator: object) -> None:
        field.schema.update(keywords)

    return apply


def _protected(made: _Class, field: _Field, validator: object) -> None:
    # protected(inner) checks what inner checks, with a message that hides the value.
    _apply(made, field, _closure(validator)["validator"])


def _not_before(made: _Class, field: _Field, validator: object) -> None:
    rule = _closure(validator)
    made.unchecked.append(f"{field.name} is not before {rule['other']}")


def _unchecked(what: str) -> Callable[[_Class, _Field, object], None]:
    def apply(made: _Class, _field: _Field, _validator: object) -> None:
        made.unchecked.append(what)

    return apply


def _when(
    field: str,
    values: list[Any],
    then: Schema,
    otherwise: Schema | None = None,
    *,
    by_default: bool = False,
) -> Schema:
    """
    Return the rule: when *field* holds one of *values*, *then* holds, else *otherwise*.

    With *by_default*, a record without *field* takes the first branch too (the field's
    default is among *values*).
    """
    test = {"const": values[0]} if len(values) == 1 else {"enum": values}
    condition: Schema = {"properties": {field: test}}
    if not by_default:
        condition["required"] = [field]
    rule: Schema = {"if": condition, "then": then}
    if otherwise is not None:
        rule["else"] = otherwise
    return rule


def _absent(*names: str) -> Schema:
    """
    Return the schema of an object without *names*, or with them ``null``.
    """
    return {"properties": {name: {"type": "null"} for name in names}}


def _given(name: str, schema: Schema) -> Schema:
    """
    Return the schema of an object that has *name*, not ``null``, matching *schema*.
    """
    return {"required": [name], "properties": {name: {"not": {"type": "null"}} | schema}}


def _unit_code(made: _Class, field: _Field, _validator: object) -> None:
    field.schema["pattern"] = _anchored(v.LOCAL_ID.pattern)
    for level, digits in units._CODE_DIGITS.items():  # noqa: SLF001 - the rule's own table
        kinds = [kind.value for kind in units.UnitKind if kind.level is level]
        then = {"properties": {field.name: {"pattern": f"^[0-9]{{{digits}}}$"}}}
        made.rules.append(_when("kind", kinds, then))


def _unit_parent(made: _Class, field: _Field, _validator: object) -> None:
    field.schema["pattern"] = _anchored(v.LOCAL_ID.pattern)
    provinces = [kind.value for kind in units.UnitKind if kind.level is units.UnitLevel.PROVINCE]
    made.rules.append(_when("kind", provinces, _absent(field.name), _given(field.name, {})))


def _unit_local_kind(made: _Class, field: _Field, _validator: object) -> None:
    field.schema["pattern"] = _NOT_BLANK
    others = [kind.value for kind in units.UnitKind if kind.level is not units.UnitLevel.HAMLET]
    made.rules.append(_when("kind", others, _absent(field.name)))


def _only_for(made: _Class, field: _Field, validator: object) -> None:
    kinds = [
        kind.value for kind in units.OrganisationKind if kind is not _closure(validator)["kind"]
    ]
    made.rules.append(_when("kind", kinds, _absent(field.name)))


def _armed_forces(made: _Class, field: _Field, _validator: object) -> None:
    others = [k.value for k in units.OrganisationKind if k is not units.OrganisationKind.AGENCY]
    made.rules.append(_when("kind", others, {"properties": {field.name: {"const": False}}}))


def _assessed_on(made: _Class, field: _Field, _validator: object) -> None:
    pending = tips.TipAssessment.PENDING.value
    assessed = [a.value for a in tips.TipAssessment if a is not tips.TipAssessment.PENDING]
    made.rules.append(_when("assessment", [pending], _absent(field.name), by_default=True))
    made.rules.append(_when("assessment", assessed, _given(field.name, {})))


def _decided_on(made: _Class, field: _Field, _validator: object) -> None:
    decisions = [decision.value for decision in tips.TipDecision]
    made.rules.append(_when("decision", decisions, _given(field.name, {}), _absent(field.name)))


def _resumed_on(made: _Class, field: _Field, _validator: object) -> None:
    suspend = {"properties": {"decision": {"const": tips.TipDecision.SUSPEND.value}}}
    made.rules.append({"if": _given(field.name, {}), "then": {"required": ["decision"]} | suspend})


def _detail(made: _Class, field: _Field, _validator: object) -> None:
    named = [figure.value for figure in tallies.TallyFigure if figure.detail_field == field.name]
    made.rules.append(_when("figure", named, _given(field.name, {}), _absent(field.name)))


def _needs_total(made: _Class, field: _Field, _validator: object) -> None:
    made.rules.append({"if": _given(field.name, {}), "then": _given("of_total", {})})


def _distinct_hamlets(_made: _Class, field: _Field, _validator: object) -> None:
    field.schema["items"] = {"type": "string", "pattern": _anchored(v.LOCAL_ID.pattern)}
    field.schema |= {"minItems": 1, "uniqueItems": True}


def _decision(_made: _Class, field: _Field, _validator: object) -> None:
    field.schema["enum"] = [recognition.Outcome.SAFE.value, recognition.Outcome.NOT_SAFE.value]


_LOCAL_ID = _keywords(pattern=_anchored(v.LOCAL_ID.pattern))
_TEXT = _keywords(pattern=_NOT_BLANK)
_COUNT = _keywords(minimum=0)

_HANDLERS: dict[str, Callable[[_Class, _Field, object], None]] = {
    # What the field's type says already.
    _key(v.date): _nothing,
    _key(v.optional_date): _nothing,
    _key(v.flag): _nothing,
    _key(v.member_of): _nothing,
    _key(v.instance_of): _nothing,
    _key(v.tuple_of): _nothing,
    _key(v.protected): _protected,
    # Patterns and bounds.
    _key(v.local_id): _LOCAL_ID,
    _key(v.optional_local_id): _LOCAL_ID,
    _key(v.text): _TEXT,
    _key(v.optional_text): _TEXT,
    _key(v.count): _COUNT,
    _key(v.optional_count): _COUNT,
    "antq.recognition._count": _keywords(minimum=1000, maximum=9999),
    "antq.recognition._fact_id": _keywords(
        pattern=_anchored(recognition._FACT_ID.pattern)  # noqa: SLF001 - the rule's own pattern
    ),
    "antq.recognition._fact_value": _COUNT,
    "antq.recognition._decision": _decision,
    "antq.teams._distinct_hamlets": _distinct_hamlets,
    # Rules between the fields of a record.
    "antq.units._unit_code": _unit_code,
    "antq.units._unit_parent": _unit_parent,
    "antq.units._unit_local_kind": _unit_local_kind,
    "antq.units._only_for": _only_for,
    "antq.units.Organisation._armed_forces_are_agencies": _armed_forces,
    "antq.tips._assessed_on": _assessed_on,
    "antq.tips._decided_on": _decided_on,
    "antq.tips._resumed_on": _resumed_on,
    "antq.tallies._detail": _detail,
    "antq.tallies._needs_total": _needs_total,
    # Rules that compare dates: antq's alone.
    _key(v.not_before): _not_before,
    "antq.periods._end_not_before_start": _unchecked("end is not before start"),
    "antq.tips._extensions": _unchecked("no extension is granted before the tip was received"),
}
