"""
Tests for the bulk path of JSON Lines, the bulk load, and writing one section as it comes.

The bulk path is antq._bulk; the bulk load is antq.formats.read_jsonl, and the writing
of a section antq.formats.write_section.

The bulk path only ever accepts: whatever it returns, the reference reading (the strict
converter, with msgspec out of the way) accepts too and builds equal; whatever the
reference refuses, the bulk path leaves to it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import math
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import attrs
import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from antq import _bulk, _converter, formats
from antq import _validation as v
from antq._enums import LabelledEnum
from antq.campaigns import Campaign, MobilisationSession
from antq.errors import DatasetLoadError, InvalidValueError
from antq.formats import (
    RecordPlace,
    RejectedRecord,
    iter_jsonl,
    read_dataset,
    read_jsonl,
    write_dataset,
    write_section,
)
from antq.groups import ModelGroup
from antq.io import SECTIONS, dataset_from_dict
from antq.periods import Period
from antq.teams import SecurityTeam
from antq.testing import datasets
from antq.tips import Informant, TipChannel, TipRecord
from antq.units import Unit

if TYPE_CHECKING:
    import random
    from collections.abc import Iterator, Sequence

    from antq.dataset import MovementDataset

T = TypeVar("T")

#: The sections whose records the bulk path reads, with their classes.
BULK = tuple((name, cls) for name, cls in SECTIONS if _bulk.reader(cls) is not None)

#: Settings for the properties over generated records: each stays within seconds.
laws = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

DATASETS = datasets(
    max_campaigns=2,
    max_sessions=4,
    max_tips=8,
    max_model_groups=3,
    max_reintegration_cases=3,
    max_declared_tallies=3,
    max_assessment_facts=3,
    max_recognitions=3,
)


# Writing lines --------------------------------------------------------------------------


@attrs.frozen
class Raw:
    """
    JSON text written as it is: a token that ``json.dumps`` would not write.
    """

    text: str


class Obj:
    """
    A JSON object written key by key, so that a key may be given twice.
    """

    def __init__(self, items: list[tuple[str | Raw, object]]) -> None:
        """
        Hold the pairs in the order written.
        """
        self.items = items


@attrs.frozen
class Style:
    """
    How a line is written: escapes, and the whitespace between and around its tokens.
    """

    ensure_ascii: bool
    comma: str
    colon: str
    inside: str
    around: tuple[str, str]

    def render(self, value: object) -> str:
        """
        Write *value* as JSON text in this style.
        """
        if isinstance(value, Raw):
            return value.text
        if isinstance(value, dict):
            value = Obj(list(value.items()))
        if isinstance(value, Obj):
            pairs = (
                f"{self.render(key)}{self.colon}{self.render(item)}" for key, item in value.items
            )
            return "{" + self.inside + self.comma.join(pairs) + self.inside + "}"
        if isinstance(value, list | tuple):
            items = (self.render(item) for item in value)
            return "[" + self.inside + self.comma.join(items) + self.inside + "]"
        return json.dumps(value, ensure_ascii=self.ensure_ascii)

    def line(self, value: object) -> bytes:
        """
        Write *value* as one line, without its newline.
        """
        before, after = self.around
        return (before + self.render(value) + after).encode("utf-8")


STYLES = st.builds(
    Style,
    ensure_ascii=st.booleans(),
    comma=st.sampled_from([",", ", ", " ,", ",\t", " , "]),
    colon=st.sampled_from([":", ": ", " :", ":\t", " :\r "]),
    inside=st.sampled_from(["", " ", "\t"]),
    around=st.tuples(st.sampled_from(["", " ", "\t"]), st.sampled_from(["", " ", "\t", "\r"])),
)
#: The style of ``json.dumps``.
PLAIN = Style(ensure_ascii=False, comma=", ", colon=": ", inside="", around=("", ""))


def unstructure(record: object) -> Any:
    """
    Return the JSON object of *record*, informant included.
    """
    return _converter.converter(include_informants=True).unstructure(record)


def shuffled(value: object, order: random.Random) -> object:
    """
    Return *value* with the keys of each of its objects in a random order.
    """
    if isinstance(value, dict):
        keys = list(value)
        order.shuffle(keys)
        return {key: shuffled(value[key], order) for key in keys}
    if isinstance(value, list):
        return [shuffled(item, order) for item in value]
    return value


def tree(value: object) -> object:
    """
    Return *value* with every object as an :class:`Obj`, ready to be changed.
    """
    if isinstance(value, dict):
        return Obj([(key, tree(item)) for key, item in value.items()])
    if isinstance(value, list):
        return [tree(item) for item in value]
    return value


def objects(value: object) -> list[Obj]:
    """
    Return every object in *value*, itself first.
    """
    found: list[Obj] = []
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, Obj):
            found.append(current)
            stack.extend(item for _, item in current.items)
        elif isinstance(current, list):
            stack.extend(current)
    return found


def records_of(dataset: MovementDataset) -> list[tuple[str, type, object]]:
    """
    Return every record of *dataset* that the bulk path reads, with its section and class.
    """
    found: list[tuple[str, type, object]] = []
    for name, cls in BULK:
        if name == "units":
            items: Sequence[object] = dataset.registry.units
        elif name == "organisations":
            items = dataset.registry.organisations
        else:
            items = getattr(dataset, name)
        found.extend((name, cls, item) for item in items)
    return found


# Strange values ---------------------------------------------------------------------------

ENUM_VALUES = sorted(
    {member.value for enum in LabelledEnum.__subclasses__() for member in enum}
    | {"Pending", "FORM", "pending "}
)
FIELD_NAMES = sorted({field.name for _, cls in SECTIONS for field in attrs.fields(cls)})

#: Values that a record's fields refuse, or nearly accept.
TRICKY: list[object] = [
    # Wrong JSON types, and numbers.
    "5",
    Raw("1.0"),
    Raw("1e2"),
    Raw("-0"),
    Raw("0123"),
    Raw("+1"),
    True,
    False,
    5,
    0,
    -1,
    None,
    [],
    {},
    Raw(str(2**64 + 1)),
    Raw(str(-(2**64))),
    Raw("1" + "0" * 4400),
    Raw("NaN"),
    Raw("Infinity"),
    Raw("-Infinity"),
    Raw("1e400"),
    # Dates.
    "2017-2-1",
    "2017-02-30",
    "0000-01-01",
    "2017-02-01T00:00",
    "2017-02-01 ",
    "20170201",
    "２０１７-02-01",
    "٢٠١٧-02-01",
    Raw('"2017\\u002d02\\u002d01"'),
    "2010-01-01",
    "2017-03-08",
    "2030-12-31",
    # Texts and identifiers.
    "",
    " ",
    "\t",
    "\u00a0",
    "\u3000",
    "\x1c",
    "\u200b",
    "a\n",
    "a" * 64,
    "a" * 65,
    "-a",
    ".a",
    "a b",
    "é",
    "a/b",
    'a"b',
    Raw('"a\\"b"'),
    Raw('"\\u0041"'),
    Raw('"\\u00e9"'),
    Raw('"\\/x"'),
    Raw('"\\x41"'),
    Raw('"\\ud800"'),
    Raw('"a\\udfff"'),
    Raw('"\\uD83D\\uDE00"'),
    Raw('"\\\\ud800"'),
    Raw('"a\tb"'),
    # Nested objects.
    {"start": "2017-01-01", "end": "2016-12-31"},
    {"start": "2017-01-01", "end": "2017-12-31"},
    {"full_name": " "},
    {"full_name": "Bí Mật", "contact": ""},
    [{"granted_on": "2000-01-01", "until": "2000-01-02", "granted_by": "procuracy"}],
    [{"granted_on": "2017-03-10", "until": "2017-03-09", "granted_by": "handling_agency"}],
    *ENUM_VALUES,
]

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
VALUES = (
    st.sampled_from(TRICKY)
    | JSON
    | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat)
)
KEYS = st.sampled_from(FIELD_NAMES) | st.text(max_size=8)

#: Texts close to identifiers, names, dates and identifiers of enumerations.
NEAR_TEXTS = (
    st.text(st.sampled_from(" \t\n\u00a0\u3000aZ9-._é/"), max_size=66)
    | st.sampled_from([item for item in TRICKY if isinstance(item, str)])
    | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat)
)
#: Integers and what is nearly one.
NEAR_INTEGERS = st.integers(-3, 3) | st.sampled_from(
    [Raw(str(2**64)), True, False, "1", Raw("1.0"), None]
)
NEAR_ANYTHING = NEAR_TEXTS | NEAR_INTEGERS | st.sampled_from(TRICKY)


def near(value: object) -> st.SearchStrategy[object]:
    """
    Return a strategy for values close to *value*, or of another JSON type.
    """
    if isinstance(value, bool):
        return st.sampled_from([0, 1, "true", None, not value])
    if isinstance(value, int):
        return NEAR_INTEGERS
    if isinstance(value, str):
        return NEAR_TEXTS
    return NEAR_ANYTHING


def paths(value: object, prefix: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """
    Yield the path of every value under a key of an object in *value*.
    """
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*prefix, index))


def at(value: Any, path: Sequence[str | int]) -> Any:
    """
    Return the value at *path* in *value*.
    """
    for step in path:
        value = value[step]
    return value


def replaced(value: Any, path: Sequence[str | int], new: object) -> Any:
    """
    Return a copy of *value* with *new* at *path*.
    """
    if not path:
        return new
    head, *rest = path
    if isinstance(value, dict):
        return {**value, head: replaced(value[head], rest, new)}
    items = list(value)
    items[int(head)] = replaced(items[int(head)], rest, new)
    return items


#: The changes made to an object of a line.
CHANGES = ("replace", "swap", "drop", "add", "twice", "escape")


def change(root: Obj, draw: st.DrawFn) -> None:
    """
    Make one random change to an object in *root*.
    """
    node = draw(st.sampled_from(objects(root)))
    kind = draw(st.sampled_from(CHANGES))
    items = node.items
    if kind == "add" or not items:
        items.insert(draw(st.integers(0, len(items))), (draw(KEYS), draw(VALUES)))
        return
    index = draw(st.integers(0, len(items) - 1))
    key, value = items[index]
    if kind == "replace":
        items[index] = (key, draw(VALUES))
    elif kind == "swap":
        items[index] = (key, items[draw(st.integers(0, len(items) - 1))][1])
    elif kind == "drop":
        del items[index]
    elif kind == "twice":
        items.insert(draw(st.integers(0, len(items))), (key, draw(st.just(value) | VALUES)))
    elif isinstance(key, str) and key:
        # The key written with an escape: "\u0069d" is "id".
        items[index] = (Raw(f'"\\u{ord(key[0]):04x}{json.dumps(key[1:])[1:-1]}"'), value)


def garble(line: bytes, draw: st.DrawFn) -> bytes:
    """
    Insert, delete or replace a few bytes of *line*.
    """
    position = draw(st.integers(0, len(line)))
    cut = draw(st.integers(0, 2))
    return line[:position] + draw(st.binary(max_size=3)) + line[position + cut :]


@st.composite
def written(draw: st.DrawFn, record: object) -> bytes:
    """
    Draw *record* written as a line in a random style, its keys in a random order.
    """
    value = shuffled(unstructure(record), draw(st.randoms(use_true_random=False)))
    return draw(STYLES).line(value)


@st.composite
def broken(draw: st.DrawFn, value: object, *, twice: bool = True) -> bytes:
    """
    Draw the JSON object *value* written as a line with a few random changes (or none).

    With *twice*, the line may hold its object two times.
    """
    root = tree(shuffled(value, draw(st.randoms(use_true_random=False))))
    assert isinstance(root, Obj)
    for _ in range(draw(st.integers(0, 3))):
        change(root, draw)
    style = draw(STYLES)
    line = style.line(root)
    ending = draw(st.sampled_from(["none", "garble", "wrap", "twice"] if twice else ["none"]))
    if ending == "garble":
        line = garble(line, draw)
    elif ending == "wrap":
        line = b"[" + line + b"]"
    elif ending == "twice":
        line += draw(st.sampled_from([b"", b" ", b"\t", b"\r"])) + style.line(root)
    return line


#: A province, its city and a ward, and nothing else.
REGISTRY_DOCUMENT: dict[str, object] = {
    "format_version": 1,
    "period": {"start": "2017-01-01", "end": "2017-12-31"},
    "units": [
        {"code": "06", "name": "Bắc Kạn", "kind": "province"},
        {"code": "058", "name": "Bắc Kạn", "kind": "provincial_city", "parent_code": "06"},
        {"code": "01840", "name": "Đức Xuân", "kind": "ward", "parent_code": "058"},
    ],
}

#: Lines that hold no record.
BLANK_LINES = st.sampled_from([b"", b" ", b"\t", b"\r", b"  \r"])


@st.composite
def given_twice(draw: st.DrawFn, value: object) -> bytes:
    """
    Draw the JSON object *value* written as a line with one of its keys given twice.
    """
    root = tree(value)
    assert isinstance(root, Obj)
    nodes = [node for node in objects(root) if node.items]
    items = draw(st.sampled_from(nodes)).items
    key, item = draw(st.sampled_from(items))
    items.insert(draw(st.integers(0, len(items))), (key, draw(st.just(item) | VALUES)))
    return draw(STYLES).line(root)


@st.composite
def section_files(draw: st.DrawFn) -> tuple[str, type, list[bytes]]:
    """
    Draw a section and lines of its records: most whole, some broken, a few blank.

    No line holds two objects (see the expected failures of the block reader).
    """
    section, cls = draw(st.sampled_from(BULK))
    lines = []
    for record in draw(st.lists(st.from_type(cls), min_size=1, max_size=5)):
        kind = draw(st.sampled_from(["whole", "whole", "whole", "twice", "broken", "blank"]))
        if kind == "whole":
            lines.append(draw(written(record)))
        elif kind == "twice":
            lines.append(draw(given_twice(unstructure(record))))
        elif kind == "broken":
            lines.append(draw(broken(unstructure(record), twice=False)))
        else:
            lines.append(draw(BLANK_LINES))
    return section, cls, lines


# Reading --------------------------------------------------------------------------------


@contextlib.contextmanager
def msgspec_missing() -> Iterator[None]:
    """
    Make msgspec impossible to import while the block runs: there is no bulk reader then.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, "msgspec", None)
        _bulk._readers.cache_clear()
        try:
            yield
        finally:
            _bulk._readers.cache_clear()


@pytest.fixture
def no_msgspec() -> Iterator[None]:
    """
    Make antq find no msgspec during the test.
    """
    with msgspec_missing():
        yield


def place(section: str) -> RecordPlace:
    """
    Return the place of the first record of a section file.
    """
    return RecordPlace(section, f"{section}.jsonl", None, 1, 0)


def by_reference(lines: Sequence[tuple[bytes, type, str]]) -> list[object]:
    """
    Read each line by the reference reading alone: the record, or the record rejected.
    """
    with msgspec_missing():
        found = []
        for line, cls, section in lines:
            item = formats._jsonl_item(line, cls, place(section), None)
            found.append(item.value if isinstance(item, formats._Accepted) else item)
        return found


def by_bulk(line: bytes, cls: type) -> object:
    """
    Read a line by the bulk reader of *cls*.
    """
    read = _bulk.reader(cls)
    assert read is not None
    return read(line)


def by_blocks(block: bytes, cls: type) -> list[Any] | None:
    """
    Read a block of whole lines by the block reader of *cls*.
    """
    read = _bulk.block_reader(cls)
    assert read is not None
    return read(block, block.count(b"\n") + (not block.endswith(b"\n")))


def split(items: Sequence[object]) -> tuple[list[object], list[RejectedRecord]]:
    """
    Split what iter_jsonl yields as read_jsonl returns it.
    """
    return (
        [item for item in items if not isinstance(item, RejectedRecord)],
        [item for item in items if isinstance(item, RejectedRecord)],
    )


def without_nan(value: object) -> object:
    """
    Return *value* with every NaN written out, so that equal reads compare equal.
    """
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, dict):
        return {key: without_nan(item) for key, item in value.items()}
    if isinstance(value, list):
        return [without_nan(item) for item in value]
    return value


def comparable(item: T) -> T:
    """
    Return a record read, or rejected, in a form that compares equal when read alike.

    A rejected record may show a NaN read from its line, and NaN is not equal to itself.
    """
    if not isinstance(item, RejectedRecord):
        return item
    record = without_nan(dict(item.record))
    assert isinstance(record, dict)
    problems = tuple(attrs.evolve(p, value=without_nan(p.value)) for p in item.problems)
    return cast("T", attrs.evolve(item, record=record, problems=problems))


def iter_by_reference(path: Path, cls: type, section: str) -> list[object]:
    """
    Read a file by iter_jsonl, with the reference reading alone.
    """
    with msgspec_missing():
        return list(iter_jsonl(path, cls, section))


SECTION_RECORDS: st.SearchStrategy[tuple[str, type, Any]] = st.sampled_from(BULK).flatmap(
    lambda pair: st.tuples(st.just(pair[0]), st.just(pair[1]), st.from_type(pair[1]))
)


# Classes the bulk path does not mirror ------------------------------------------------------


@attrs.frozen
class WithFloat:
    """
    A record with a number with a fraction.
    """

    share: float


@attrs.frozen
class WithSet:
    """
    A record with a set of strings.
    """

    codes: frozenset[str]


@attrs.frozen
class WithStrings:
    """
    A record with a tuple of strings.
    """

    codes: tuple[str, ...] = ()


@attrs.frozen
class WithPostInit:
    """
    A record that does more after its fields are set.
    """

    name: str

    def __attrs_post_init__(self) -> None:
        """
        Nothing more, but the bulk path cannot know.
        """


@attrs.frozen
class WithFactory:
    """
    A record whose default is made by a factory.
    """

    name: str = attrs.field(factory=str)


@attrs.frozen
class WithCountedDate:
    """
    A record whose date carries the validator of a count.
    """

    day: dt.date = attrs.field(validator=v.count)


@attrs.frozen
class WithNested:
    """
    A record holding a record the bulk path does not mirror.
    """

    inner: WithFloat


@attrs.frozen
class WithEither:
    """
    A record whose field is an integer, a string or nothing.
    """

    value: int | str | None = None


@attrs.frozen
class TwoPeriods:
    """
    A record with two periods: one Struct of a period serves both.
    """

    first: Period = attrs.field(validator=v.instance_of(Period))
    second: Period | None = attrs.field(
        default=None, validator=v.instance_of(Period, optional=True)
    )


@attrs.frozen
class WithShortName:
    """
    A record with a validator of attrs' own.
    """

    name: str = attrs.field(validator=attrs.validators.max_len(3))


class TestReaders:
    """
    Which classes have a bulk reader.
    """

    def test_every_section_but_the_teams_has_a_bulk_reader(self) -> None:
        """
        A team's hamlets are a tuple of strings, which the bulk path does not mirror.
        """
        assert ["security_teams"] == [name for name, cls in SECTIONS if _bulk.reader(cls) is None]

    def test_a_class_without_a_line_reader_has_no_block_reader(self) -> None:
        """
        The two readers come together.
        """
        assert _bulk.block_reader(SecurityTeam) is None

    @pytest.mark.usefixtures("no_msgspec")
    @pytest.mark.parametrize("cls", [cls for _, cls in SECTIONS], ids=[n for n, _ in SECTIONS])
    def test_without_msgspec_there_is_no_reader(self, cls: type) -> None:
        """
        Without the fast extra every line takes the reference path.
        """
        assert (None, None) == (_bulk.reader(cls), _bulk.block_reader(cls))

    def test_with_validators_switched_off_there_is_no_reader(self) -> None:
        """
        With attrs' validators switched off, the reference skips them too: no bulk reading.
        """
        attrs.validators.set_disabled(True)
        try:
            readers = (_bulk.reader(TipRecord), _bulk.block_reader(TipRecord))
        finally:
            attrs.validators.set_disabled(False)
        assert (None, None) == readers

    def test_validators_switched_on_again_bring_the_reader_back(self) -> None:
        """
        Switching validators off leaves no trace in the cache of readers.
        """
        attrs.validators.set_disabled(True)
        try:
            _bulk.reader(TipRecord)
        finally:
            attrs.validators.set_disabled(False)
        assert _bulk.reader(TipRecord) is not None

    @pytest.mark.parametrize(
        "cls",
        [
            int,
            WithFloat,
            WithSet,
            WithStrings,
            WithPostInit,
            WithFactory,
            WithCountedDate,
            WithNested,
        ],
        ids=lambda cls: cls.__name__,
    )
    def test_a_class_the_bulk_path_does_not_mirror_has_no_reader(self, cls: type) -> None:
        """
        A type, a default or a hook the bulk path cannot mirror leaves the class to the reference.
        """
        assert (None, None) == (_bulk.reader(cls), _bulk.block_reader(cls))

    def test_a_union_of_two_types_and_none_has_no_reader(self) -> None:
        """
        An optional field of two types is not mirrored: there is no reader.
        """
        assert _bulk.reader(WithEither) is None

    @pytest.mark.parametrize(
        "line",
        [
            b'{"first": {"start": "2017-01-01", "end": "2017-12-31"}}',
            b'{"first": {"start": "2017-01-01", "end": "2017-12-31"}, "second": null}',
            (
                b'{"second": {"start": "2017-01-01", "end": "2017-03-31"},'
                b' "first": {"start": "2016-01-01", "end": "2016-12-31"}}'
            ),
            (
                b'{"first": {"start": "2017-01-01", "end": "2017-12-31"},'
                b' "second": {"start": "2017-03-31", "end": "2017-01-01"}}'
            ),
        ],
        ids=["one", "null", "two", "second-reversed"],
    )
    def test_a_class_nested_twice_is_read_as_the_reference_reads_it(self, line: bytes) -> None:
        """
        One Struct serves both fields; each is checked, each counts its quotes.
        """
        (reference,) = by_reference([(line, TwoPeriods, "two_periods")])
        found = by_bulk(line, TwoPeriods)
        expected = None if isinstance(reference, RejectedRecord) else reference
        assert expected == found

    @pytest.mark.parametrize(
        ("line", "accepted"),
        [(b'{"name": "abc"}', True), (b'{"name": "abcd"}', False)],
        ids=["short", "too-long"],
    )
    def test_a_validator_of_attrs_own_is_run(self, line: bytes, *, accepted: bool) -> None:
        """
        A validator the bulk path knows nothing of still decides.
        """
        expected = WithShortName("abc") if accepted else None
        assert expected == by_bulk(line, WithShortName)


# The bulk reader of a line -------------------------------------------------------------------


class TestLines:
    """
    One line read by the bulk reader: the reference's record, or ``None``.
    """

    @given(dataset=DATASETS, data=st.data())
    @laws
    def test_every_generated_record_reads_as_the_reference_reads_it(
        self, dataset: MovementDataset, data: st.DataObject
    ) -> None:
        """
        Written in any style, with its informant, each record reads back equal, by both paths.
        """
        lines = [
            (data.draw(written(record)), cls, section)
            for section, cls, record in records_of(dataset)
        ]
        assert by_reference(lines) == [by_bulk(line, cls) for line, cls, _ in lines]

    @given(dataset=DATASETS)
    @settings(laws, max_examples=20)
    def test_a_generated_record_reads_back_as_written(self, dataset: MovementDataset) -> None:
        """
        The bulk reader gives back the very record written.
        """
        found = records_of(dataset)
        lines = [PLAIN.line(unstructure(record)) for _, _, record in found]
        assert [record for _, _, record in found] == [
            by_bulk(line, cls) for line, (_, cls, _) in zip(lines, found, strict=True)
        ]

    @given(record=SECTION_RECORDS, data=st.data())
    @laws
    def test_a_broken_line_is_accepted_only_as_the_reference_accepts_it(
        self, record: tuple[str, type, object], data: st.DataObject
    ) -> None:
        """
        Whatever the bulk reader returns, the reference accepts and builds equal.
        """
        section, cls, value = record
        lines = data.draw(st.lists(broken(unstructure(value)), min_size=1, max_size=4))
        references = by_reference([(line, cls, section) for line in lines])
        for line, reference in zip(lines, references, strict=True):
            found = by_bulk(line, cls)
            assert found is None or reference == found, line

    @given(record=SECTION_RECORDS, data=st.data())
    @laws
    def test_a_broken_line_reads_through_the_formats_as_by_the_reference(
        self, record: tuple[str, type, object], data: st.DataObject
    ) -> None:
        """
        Read as iter_jsonl reads it, a line gives the reference's record or problems.
        """
        section, cls, value = record
        lines = data.draw(st.lists(broken(unstructure(value)), min_size=1, max_size=4))
        items = [
            formats._jsonl_item(line, cls, place(section), _bulk.reader(cls)) for line in lines
        ]
        found = [item.value if isinstance(item, formats._Accepted) else item for item in items]
        expected = by_reference([(line, cls, section) for line in lines])
        assert list(map(comparable, expected)) == list(map(comparable, found))

    @given(record=SECTION_RECORDS, data=st.data())
    @laws
    def test_each_value_set_to_a_near_miss_is_accepted_only_as_the_reference_accepts_it(
        self, record: tuple[str, type, object], data: st.DataObject
    ) -> None:
        """
        Every value of a record in turn, and every field left out, made nearly right.
        """
        section, cls, value = record
        base = unstructure(value)
        changed = [replaced(base, path, data.draw(near(at(base, path)))) for path in paths(base)]
        changed.extend(
            {**base, field.name: data.draw(NEAR_ANYTHING)}
            for field in attrs.fields(cls)
            if field.name not in base
        )
        lines = [PLAIN.line(item) for item in changed]
        references = by_reference([(line, cls, section) for line in lines])
        for line, reference in zip(lines, references, strict=True):
            found = by_bulk(line, cls)
            assert found is None or reference == found, line

    @given(pair=st.sampled_from(BULK), line=st.binary())
    @laws
    def test_random_bytes_are_accepted_only_as_the_reference_accepts_them(
        self, pair: tuple[str, type], line: bytes
    ) -> None:
        """
        Any bytes at all: the bulk reader returns None or the reference's record.
        """
        section, cls = pair
        (reference,) = by_reference([(line, cls, section)])
        found = by_bulk(line, cls)
        assert found is None or reference == found

    @given(
        pair=st.sampled_from(BULK),
        value=st.dictionaries(KEYS, VALUES, max_size=8),
        style=STYLES,
    )
    @laws
    def test_random_objects_are_accepted_only_as_the_reference_accepts_them(
        self, pair: tuple[str, type], value: dict[str, object], style: Style
    ) -> None:
        """
        Any JSON object with the fields' names: None, or the reference's record.
        """
        section, cls = pair
        line = style.line(value)
        (reference,) = by_reference([(line, cls, section)])
        found = by_bulk(line, cls)
        assert found is None or reference == found


TIP: dict[str, object] = {
    "id": "T1",
    "received_on": "2017-03-08",
    "receiving_unit_code": "01840",
    "channel": "form",
}
SESSION: dict[str, object] = {
    "id": "S1",
    "held_on": "2017-03-08",
    "place_code": "01840-T01",
    "kind": "propaganda",
    "participant_turns": 45,
}
CAMPAIGN: dict[str, object] = {
    "id": "C1",
    "kind": "launch",
    "title": "Phát động phong trào năm 2017",
    "period": {"start": "2017-01-01", "end": "2017-12-31"},
    "organiser_code": "058",
}
GROUP: dict[str, object] = {
    "id": "G1",
    "kind": "mediation_group",
    "name": "Tổ hòa giải",
    "unit_code": "01840-T01",
    "established_on": "2015-06-01",
}


TIPS = (TipRecord, "tips")
SESSIONS = (MobilisationSession, "sessions")
CAMPAIGNS = (Campaign, "campaigns")
GROUPS = (ModelGroup, "model_groups")


def tip(*pairs: tuple[str | Raw, object], **changes: object) -> bytes:
    """
    Return the line of a tip: TIP with *changes*, then *pairs* as written.
    """
    return PLAIN.line(Obj([*{**TIP, **changes}.items(), *pairs]))


def line_of(base: dict[str, object], **changes: object) -> bytes:
    """
    Return the line of *base* with *changes*.
    """
    return PLAIN.line({**base, **changes})


def extension(granted_on: str, until: str, by: str = "handling_agency") -> dict[str, object]:
    """
    Return an extension as written in a file.
    """
    return {"granted_on": granted_on, "until": until, "granted_by": by}


REFUSED: dict[str, tuple[bytes, type, str]] = {
    "a-string-for-an-integer": (
        line_of(SESSION, participant_turns="5"),
        *SESSIONS,
    ),
    "a-number-with-a-point-for-an-integer": (
        line_of(SESSION, participant_turns=Raw("45.0")),
        *SESSIONS,
    ),
    "true-for-an-integer": (line_of(SESSION, participant_turns=True), *SESSIONS),
    "an-integer-for-a-string": (tip(id=5), *TIPS),
    "a-date-without-zeros": (tip(received_on="2017-2-1"), *TIPS),
    "a-day-not-in-its-month": (tip(received_on="2017-02-30"), *TIPS),
    "the-year-zero": (tip(received_on="0000-01-01"), *TIPS),
    "a-date-with-a-time": (tip(received_on="2017-02-01T00:00"), *TIPS),
    "a-date-of-non-ascii-digits": (tip(received_on="２０１７-02-01"), *TIPS),
    "a-blank-text": (line_of(CAMPAIGN, title=""), *CAMPAIGNS),
    "a-text-of-whitespace": (line_of(CAMPAIGN, title=" \t\u3000"), *CAMPAIGNS),
    "an-id-ending-with-a-newline": (tip(id="T1\n"), *TIPS),
    "an-id-of-65-characters": (tip(id="T" * 65), *TIPS),
    "an-id-starting-with-a-dash": (tip(id="-T1"), *TIPS),
    "an-unknown-key": (tip(note="x"), *TIPS),
    "a-missing-key": (PLAIN.line({k: x for k, x in TIP.items() if k != "channel"}), *TIPS),
    "null-for-a-required-value": (tip(channel=None), *TIPS),
    "an-unknown-identifier": (tip(channel="letter"), *TIPS),
    "a-key-twice": (tip(("id", "T2")), *TIPS),
    "a-key-twice-with-the-same-value": (tip(("id", "T1")), *TIPS),
    "a-key-twice-in-the-informant": (
        tip(informant=Obj([("full_name", "Bí Mật"), ("full_name", "Ẩn Danh")])),
        *TIPS,
    ),
    "a-key-twice-in-an-extension": (
        tip(extensions=[Obj([*extension("2017-03-09", "2017-04-01").items(), ("until", "x")])]),
        *TIPS,
    ),
    "a-key-twice-in-a-period": (
        line_of(
            CAMPAIGN, period=Obj([("start", "2017-01-01"), ("end", "x"), ("end", "2017-12-31")])
        ),
        *CAMPAIGNS,
    ),
    "a-lone-surrogate": (tip(informant={"full_name": Raw('"B\\ud800"')}), *TIPS),
    "two-objects-on-a-line": (tip() + b" " + tip(id="T2"), *TIPS),
    "two-objects-without-a-space": (tip() + tip(id="T2"), *TIPS),
    "nan-for-a-count": (line_of(SESSION, participant_turns=Raw("NaN")), *SESSIONS),
    "infinity-for-a-count": (line_of(SESSION, participant_turns=Raw("Infinity")), *SESSIONS),
    "a-number-too-long": (line_of(SESSION, participant_turns=Raw("9" * 4400)), *SESSIONS),
    "a-negative-count": (line_of(SESSION, participant_turns=-1), *SESSIONS),
    "a-pending-tip-with-an-assessment-date": (tip(assessed_on="2017-03-09"), *TIPS),
    "an-assessed-tip-without-its-date": (tip(assessment="valuable"), *TIPS),
    "an-assessment-before-receipt": (
        tip(assessment="valuable", assessed_on="2017-03-01"),
        *TIPS,
    ),
    "a-decision-before-receipt": (tip(decision="prosecute", decided_on="2017-03-01"), *TIPS),
    "a-decision-without-its-date": (tip(decision="prosecute"), *TIPS),
    "a-date-without-a-decision": (tip(decided_on="2017-03-10"), *TIPS),
    "resumed-without-a-suspension": (
        tip(decision="prosecute", decided_on="2017-03-10", resumed_on="2017-03-11"),
        *TIPS,
    ),
    "resumed-before-the-suspension": (
        tip(decision="suspend", decided_on="2017-03-28", resumed_on="2017-03-20"),
        *TIPS,
    ),
    "an-extension-granted-before-receipt": (
        tip(extensions=[extension("2017-03-01", "2017-04-01")]),
        *TIPS,
    ),
    "an-extension-ending-before-it-is-granted": (
        tip(extensions=[extension("2017-03-10", "2017-03-09")]),
        *TIPS,
    ),
    "a-transfer-before-receipt": (tip(transferred_on="2017-03-07"), *TIPS),
    "an-origin-with-a-space": (tip(origin_code="01840 T01"), *TIPS),
    "a-blank-informant-contact": (tip(informant={"full_name": "B", "contact": "\t"}), *TIPS),
    "a-negative-member-count": (line_of(GROUP, member_count=-1), *GROUPS),
    "a-member-count-of-true": (line_of(GROUP, member_count=True), *GROUPS),
    "a-blank-informant-name": (tip(informant={"full_name": " "}), *TIPS),
    "a-period-ending-before-it-starts": (
        line_of(CAMPAIGN, period={"start": "2017-02-01", "end": "2017-01-31"}),
        *CAMPAIGNS,
    ),
    "a-group-ended-before-it-was-set-up": (line_of(GROUP, ended_on="2015-05-31"), *GROUPS),
    "an-array-for-a-record": (b"[" + tip() + b"]", *TIPS),
    "a-byte-order-mark": (b"\xef\xbb\xbf" + tip(), *TIPS),
    "bytes-that-are-not-utf8": (tip().replace(b"T1", b"T\xff"), *TIPS),
    "a-raw-tab-in-a-string": (tip(informant={"full_name": Raw('"B\tM"')}), *TIPS),
}

ACCEPTED: dict[str, tuple[bytes, type, str]] = {
    "an-integer-above-2-to-the-64": (
        line_of(SESSION, participant_turns=Raw(str(2**64 + 1))),
        *SESSIONS,
    ),
    "an-escaped-quote": (line_of(GROUP, name='Tổ "hòa giải"'), *GROUPS),
    "an-escaped-letter": (line_of(GROUP, name=Raw('"T\\u00f4"')), *GROUPS),
    "an-escaped-key": (
        PLAIN.line(Obj([(Raw('"\\u0069d"'), "T1"), *list(TIP.items())[1:]])),
        *TIPS,
    ),
    "a-valid-surrogate-pair": (line_of(GROUP, name=Raw('"\\ud83d\\ude00"')), *GROUPS),
    "an-escaped-backslash-before-u": (line_of(GROUP, name=Raw('"\\\\ud800"')), *GROUPS),
    "whitespace-around": (b" \t" + tip() + b"\r\n", *TIPS),
    "minus-zero": (line_of(SESSION, participant_turns=Raw("-0")), *SESSIONS),
}


class TestStrictness:
    """
    Lines the reference refuses, and lines it accepts though they look odd.
    """

    @pytest.mark.parametrize(("line", "cls", "section"), REFUSED.values(), ids=REFUSED)
    def test_a_line_the_reference_refuses_is_left_to_it(
        self, line: bytes, cls: type, section: str
    ) -> None:
        """
        The reference rejects the line, and the bulk reader returns None.
        """
        (reference,) = by_reference([(line, cls, section)])
        assert (True, None) == (isinstance(reference, RejectedRecord), by_bulk(line, cls))

    @pytest.mark.parametrize(("line", "cls", "section"), ACCEPTED.values(), ids=ACCEPTED)
    def test_an_odd_line_the_reference_accepts_is_read_the_same(
        self, line: bytes, cls: type, section: str
    ) -> None:
        """
        The reference accepts the line; the bulk reader returns None or the same record.
        """
        (reference,) = by_reference([(line, cls, section)])
        found = by_bulk(line, cls)
        assert (False, True) == (
            isinstance(reference, RejectedRecord),
            found is None or reference == found,
        )


# The block reader ---------------------------------------------------------------------------


class TestBlocks:
    """
    A block of lines read at once: every record, or ``None`` for the reference to read.
    """

    @given(file=section_files(), ending=st.sampled_from([b"", b"\n"]))
    @laws
    def test_a_block_is_read_only_when_the_reference_accepts_every_line_alike(
        self, file: tuple[str, type, list[bytes]], ending: bytes
    ) -> None:
        """
        Whatever the block reader returns, the reference reads line by line, equal.
        """
        section, cls, lines = file
        block = b"\n".join(lines) + ending
        count = block.count(b"\n") + (not block.endswith(b"\n"))
        references = by_reference([(line, cls, section) for line in block.split(b"\n")[:count]])
        found = by_blocks(block, cls)
        assert found is None or references == found

    @given(pair=st.sampled_from(BULK), data=st.data())
    @laws
    def test_a_block_of_whole_records_is_read_at_once(
        self, pair: tuple[str, type], data: st.DataObject
    ) -> None:
        """
        Records written one a line, in any style, are read by the block reader.
        """
        _, cls = pair
        records = data.draw(st.lists(st.from_type(cls), min_size=1, max_size=4))
        block = b"\n".join(data.draw(written(record)) for record in records) + b"\n"
        assert records == by_blocks(block, cls)

    @pytest.mark.parametrize(
        "block",
        [
            pytest.param(tip() + b"\n\n" + tip(id="T2") + b"\n", id="a-blank-line"),
            pytest.param(tip() + b"\n \t\n", id="a-line-of-whitespace"),
            pytest.param(tip() + b"\n" + tip(("id", "T3")) + b"\n", id="a-key-twice"),
            pytest.param(
                tip() + b"\n" + tip(id=Raw('"T\\u0032"')) + b"\n", id="a-surrogate-free-escape"
            ),
            pytest.param(tip() + b"\n" + tip(id=Raw('"T\\ud800"')) + b"\n", id="a-lone-surrogate"),
            pytest.param(tip() + b"\n" + tip(channel="x") + b"\n", id="a-line-refused"),
        ],
    )
    def test_a_block_with_a_line_it_cannot_vouch_for_is_left_to_the_reference(
        self, block: bytes
    ) -> None:
        """
        One blank, doubtful or refused line, and the whole block is read line by line.
        """
        found = by_blocks(block, TipRecord)
        if b"\\u0032" in block:
            # An escape that is no surrogate is no doubt: the block is read.
            assert [TipRecord.__name__] * 2 == [type(r).__name__ for r in found or ()]
        else:
            assert found is None


# The bulk load ------------------------------------------------------------------------------


def good_tips(count: int) -> list[bytes]:
    """
    Return the lines of *count* valid tips, T1, T2 ...
    """
    return [tip(id=f"T{n}") for n in range(1, count + 1)]


class TestReadJsonl:
    """
    read_jsonl: the records iter_jsonl yields, split into accepted and rejected.
    """

    @given(
        file=section_files(),
        bom=st.booleans(),
        newline=st.sampled_from([b"\n", b"\r\n"]),
        last=st.booleans(),
        block=st.sampled_from([8, 64, 300, 1 << 20]),
    )
    @laws
    def test_read_jsonl_gives_what_the_reference_iter_jsonl_gives(
        self,
        *,
        file: tuple[str, type, list[bytes]],
        bom: bool,
        newline: bytes,
        last: bool,
        block: int,
    ) -> None:
        """
        Good, bad and blank lines, a mark, any line ending and blocks of any size.
        """
        section, cls, lines = file
        data = b"\xef\xbb\xbf" * bom + newline.join(lines) + newline * last
        with tempfile.TemporaryDirectory() as name, pytest.MonkeyPatch.context() as patch:
            path = Path(name) / f"{section}.jsonl"
            path.write_bytes(data)
            patch.setattr(formats, "_BLOCK", block)
            accepted: list[Any]
            accepted, rejected = read_jsonl(path, cls, section)
            expected, refused = split(iter_by_reference(path, cls, section))
        assert (expected, list(map(comparable, refused))) == (
            accepted,
            list(map(comparable, rejected)),
        )

    def test_rows_stay_right_when_blocks_split_lines(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        With blocks of 64 bytes, the rejected line keeps its line number.
        """
        one, two, three = good_tips(3)
        path = tmp_path / "tips.jsonl"
        path.write_bytes(b"\r\n".join([one, b"", two, tip(channel="x"), b" ", three]))
        monkeypatch.setattr(formats, "_BLOCK", 64)
        accepted, rejected = read_jsonl(path, TipRecord, "tips")
        assert (["T1", "T2", "T3"], [4]) == ([t.id for t in accepted], [r.row for r in rejected])

    @pytest.mark.parametrize("mark", [b"\xff\xfe", b"\xfe\xff"], ids=["le", "be"])
    def test_a_utf16_file_raises_as_iter_jsonl_raises(self, tmp_path: Path, mark: bytes) -> None:
        """
        A file in UTF-16 is a problem of the file, reported as iter_jsonl reports it.
        """
        path = tmp_path / "tips.jsonl"
        path.write_bytes(mark + tip().decode().encode("utf-16-le"))
        with pytest.raises(DatasetLoadError) as expected:
            list(iter_jsonl(path, TipRecord, "tips"))
        with pytest.raises(DatasetLoadError) as caught:
            read_jsonl(path, TipRecord, "tips")
        assert expected.value.problems == caught.value.problems

    @pytest.mark.parametrize("fast", [True, False], ids=["msgspec", "no-msgspec"])
    @pytest.mark.parametrize("kind", ["missing", "directory"])
    def test_a_path_that_cannot_be_read_raises(
        self, tmp_path: Path, kind: str, *, fast: bool
    ) -> None:
        """
        A missing file, or a directory, is a load error placed by file, msgspec or not.
        """
        path = tmp_path / "tips.jsonl"
        if kind == "directory":
            path.mkdir()
        with (
            contextlib.nullcontext() if fast else msgspec_missing(),
            pytest.raises(DatasetLoadError) as caught,
        ):
            read_jsonl(path, TipRecord, "tips")
        (problem,) = caught.value.problems
        assert (str(path), True) == (problem.file, problem.reason.startswith("cannot be read"))

    def test_a_registry_section_reads_as_the_reference_reads_it(self, tmp_path: Path) -> None:
        """
        Units read like any other section: a good line, and a line rejected.
        """
        path = tmp_path / "units.jsonl"
        unit = {"code": "06", "name": "Bắc Kạn", "kind": "province"}
        path.write_bytes(PLAIN.line(unit) + b"\n{}\n")
        found = read_jsonl(path, Unit, "units")
        assert split(iter_by_reference(path, Unit, "units")) == found

    def test_a_unit_the_registry_refuses_is_shown_as_read(self, tmp_path: Path) -> None:
        """
        A unit line the bulk path accepts, then the registry refuses, is shown as written.
        """
        write_dataset(dataset_from_dict(REGISTRY_DOCUMENT), tmp_path, form="jsonl")
        units = tmp_path / "units.jsonl"
        orphan = {"code": "01843", "name": "Phùng Chí Kiên", "kind": "ward", "parent_code": "99"}
        units.write_bytes(units.read_bytes() + b" " + PLAIN.line(orphan) + b"\r\n")
        fast = read_dataset(tmp_path)
        with msgspec_missing():
            slow = read_dataset(tmp_path)
        assert (slow.rejected, 1) == (fast.rejected, len(fast.rejected))

    @pytest.mark.usefixtures("no_msgspec")
    def test_without_msgspec_the_reference_reads(self, tmp_path: Path) -> None:
        """
        Without the fast extra read_jsonl reads all the same.
        """
        path = tmp_path / "tips.jsonl"
        path.write_bytes(b"\n".join([*good_tips(2), tip(channel="x")]))
        accepted, rejected = read_jsonl(path, TipRecord, "tips")
        assert (["T1", "T2"], [3]) == ([t.id for t in accepted], [r.row for r in rejected])

    @pytest.mark.parametrize(
        "data",
        [
            pytest.param(tip() + b" " + tip(id="T2") + b"\n\n", id="and-a-blank-line"),
            pytest.param(
                tip().replace(b", ", b",\n", 1) + b"\n" + tip(id="T2") + tip(id="T3") + b"\n",
                id="and-a-record-over-two-lines",
            ),
        ],
    )
    def test_two_records_on_one_line_are_rejected(self, tmp_path: Path, data: bytes) -> None:
        """
        iter_jsonl rejects a line that holds two objects; so does the bulk load.
        """
        path = tmp_path / "tips.jsonl"
        path.write_bytes(data)
        expected = split(iter_by_reference(path, TipRecord, "tips"))
        assert expected == read_jsonl(path, TipRecord, "tips")


@contextlib.contextmanager
def collector(*, enabled: bool) -> Iterator[None]:
    """
    Switch the garbage collector on or off for the block; restore it after.
    """
    was = gc.isenabled()
    if enabled:
        gc.enable()
    else:
        gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
        else:
            gc.disable()


class TestCollector:
    """
    The garbage collector is paused during the bulk load, and restored after.
    """

    @pytest.mark.parametrize("section", ["tips", "units"])
    def test_the_collector_is_paused_while_records_are_read(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, section: str
    ) -> None:
        """
        As each record is read, the collector is off.
        """
        seen: list[bool] = []
        records = formats._jsonl_records

        def watched(path: Path, cls: type, name: str) -> Iterator[object]:
            for item in records(path, cls, name):
                seen.append(gc.isenabled())
                yield item

        monkeypatch.setattr(formats, "_jsonl_records", watched)
        path = tmp_path / f"{section}.jsonl"
        cls = dict(SECTIONS)[section]
        path.write_bytes(b"\n".join([*good_tips(2), b"{}"]))
        with collector(enabled=True):
            read_jsonl(path, cls, section)
        assert [False, False, False] == seen

    @pytest.mark.parametrize("enabled", [True, False], ids=["enabled", "disabled"])
    def test_the_collector_is_restored_after(self, tmp_path: Path, *, enabled: bool) -> None:
        """
        Enabled before, enabled after; disabled before, still disabled after.
        """
        path = tmp_path / "tips.jsonl"
        path.write_bytes(b"\n".join(good_tips(2)))
        with collector(enabled=enabled):
            read_jsonl(path, TipRecord, "tips")
            after = gc.isenabled()
        assert enabled == after

    def test_the_collector_is_restored_after_an_error(self, tmp_path: Path) -> None:
        """
        A file that cannot be read leaves the collector as it was.
        """
        path = tmp_path / "tips.jsonl"
        path.write_bytes("x".encode("utf-16"))
        with collector(enabled=True):
            with contextlib.suppress(DatasetLoadError):
                read_jsonl(path, TipRecord, "tips")
            after = gc.isenabled()
        assert after


# Whole directories --------------------------------------------------------------------------


class TestReadDataset:
    """
    read_dataset on a JSON Lines directory reads the same with msgspec and without.
    """

    @given(dataset=DATASETS, data=st.data())
    @settings(laws, max_examples=25)
    def test_a_directory_reads_the_same_without_msgspec(
        self, dataset: MovementDataset, data: st.DataObject
    ) -> None:
        """
        The dataset, the counts, the rejected records and the places are the same.
        """
        with tempfile.TemporaryDirectory() as name:
            path = Path(name)
            write_dataset(dataset, path, form="jsonl", include_informants=True)
            for section, _ in SECTIONS:
                file = path / f"{section}.jsonl"
                if not file.exists():
                    continue
                lines = file.read_bytes().splitlines()
                rows = (
                    st.sets(st.integers(0, len(lines) - 1), max_size=2) if lines else st.just(set())
                )
                for row in data.draw(rows):
                    lines[row] = data.draw(broken(json.loads(lines[row])))
                file.write_bytes(b"\n".join(lines) + b"\n")
            fast = read_dataset(path)
            with msgspec_missing():
                slow = read_dataset(path)
        assert (
            attrs.evolve(slow, rejected=tuple(comparable(r) for r in slow.rejected)),
            slow.places,
        ) == (attrs.evolve(fast, rejected=tuple(comparable(r) for r in fast.rejected)), fast.places)


# Writing one section ------------------------------------------------------------------------


def section_records(dataset: MovementDataset, section: str) -> Sequence[object]:
    """
    Return the records of one section of *dataset*.
    """
    holder = dataset.registry if section in {"units", "organisations"} else dataset
    return cast("Sequence[object]", getattr(holder, section))


#: The JSON values records unstructure to, with any text: no number with a fraction.
RECORD_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=12,
) | DATASETS.flatmap(
    lambda dataset: st.sampled_from([unstructure(r) for _, _, r in records_of(dataset)] or [None])
)


def many_tips(count: int) -> list[TipRecord]:
    """
    Return *count* tips, T0, T1 ..., each with its informant.
    """
    informant = Informant("Nguyễn Văn Bí Mật", contact="0912345678")
    return [
        TipRecord(
            f"T{n}",
            dt.date(2017, 3, 8),
            "01840",
            TipChannel.FORM,
            informant=informant,
        )
        for n in range(count)
    ]


ALL_SECTIONS = datasets(
    max_campaigns=2,
    max_sessions=3,
    max_tips=5,
    max_model_groups=2,
    max_reintegration_cases=2,
    max_declared_tallies=2,
    max_security_teams=2,
    max_assessment_facts=2,
    max_recognitions=2,
)


class TestWriteSection:
    """
    write_section writes one section's records as they come, as write_dataset writes them.
    """

    @given(dataset=ALL_SECTIONS, informants=st.booleans())
    @settings(laws, max_examples=20)
    def test_a_section_is_written_as_write_dataset_writes_it(
        self, dataset: MovementDataset, *, informants: bool
    ) -> None:
        """
        Every section file, JSON Lines and CSV, byte for byte, from a generator.
        """
        expected: dict[str, bytes] = {}
        found: dict[str, bytes] = {}
        with tempfile.TemporaryDirectory() as name:
            root = Path(name)
            for form in ("jsonl", "csv"):
                write_dataset(dataset, root / form, form=form, include_informants=informants)
                for section, _ in SECTIONS:
                    file = f"{section}.{form}"
                    if (root / form / file).exists():
                        expected[file] = (root / form / file).read_bytes()
                        records = iter(section_records(dataset, section))
                        write_section(root / file, section, records, include_informants=informants)
                        found[file] = (root / file).read_bytes()
        assert expected == found

    @pytest.mark.parametrize("form", ["jsonl", "csv"])
    def test_a_generator_is_written_as_it_yields(self, tmp_path: Path, form: str) -> None:
        """
        Records reach the file while the generator still yields, in the order written.

        The file is buffered, so the last few lines may wait for the file to close; most
        of a long section is on disk before its last record is read.
        """
        tips = many_tips(3000)
        whole = tmp_path / f"whole.{form}"
        write_section(whole, "tips", tips)
        expected = whole.read_bytes()
        path = tmp_path / f"tips.{form}"
        on_disk: list[int] = []

        def records() -> Iterator[TipRecord]:
            for record in tips:
                written = path.read_bytes() if path.exists() else b""
                assert expected.startswith(written)
                on_disk.append(written.count(b"\n"))
                yield record

        write_section(path, "tips", records())
        assert (True, expected) == (on_disk[-1] > len(tips) // 2, path.read_bytes())

    @pytest.mark.parametrize(
        ("name", "section", "field"),
        [
            ("tips.json", "tips", "path"),
            ("tips.txt", "tips", "path"),
            ("tips", "tips", "path"),
            ("tips.jsonl", "tip", "section"),
            ("tips.csv", "dataset", "section"),
        ],
    )
    def test_an_unknown_suffix_or_section_is_refused(
        self, tmp_path: Path, name: str, section: str, field: str
    ) -> None:
        """
        The file is a .jsonl or a .csv file, the section one of a dataset; nothing is written.
        """
        path = tmp_path / name
        with pytest.raises(InvalidValueError) as caught:
            write_section(path, section, many_tips(1))
        assert (field, False) == (caught.value.field, path.exists())

    @pytest.mark.parametrize("form", ["jsonl", "csv"])
    def test_informants_are_left_out_by_default(self, tmp_path: Path, form: str) -> None:
        """
        No informant key, and no informant column, unless asked for.
        """
        path = tmp_path / f"tips.{form}"
        write_section(path, "tips", many_tips(2))
        assert b"informant" not in path.read_bytes()

    @pytest.mark.parametrize("form", ["jsonl", "csv"])
    def test_informants_are_written_when_asked_for(self, tmp_path: Path, form: str) -> None:
        """
        Asked for by name, the informant is written.
        """
        path = tmp_path / f"tips.{form}"
        write_section(path, "tips", many_tips(1), include_informants=True)
        assert "Nguyễn Văn Bí Mật" in path.read_text(encoding="utf-8-sig")

    @pytest.mark.parametrize("form", ["jsonl", "csv"])
    def test_without_msgspec_the_same_bytes_are_written(self, tmp_path: Path, form: str) -> None:
        """
        Without msgspec the file is the same: msgspec only writes faster.
        """
        tips = many_tips(3)
        write_section(tmp_path / f"fast.{form}", "tips", tips, include_informants=True)
        with msgspec_missing():
            write_section(tmp_path / f"slow.{form}", "tips", tips, include_informants=True)
        fast, slow = (tmp_path / f"{name}.{form}" for name in ("fast", "slow"))
        assert slow.read_bytes() == fast.read_bytes()

    @given(value=RECORD_VALUES)
    @laws
    def test_msgspec_encodes_a_line_as_json_dumps_does(self, value: object) -> None:
        """
        Any JSON value a record unstructures to, and any text: the same bytes.
        """
        encode = _bulk.encoder(formats._json_default)
        assert encode is not None
        assert formats._json_line(value) == encode(value)

    @pytest.mark.usefixtures("no_msgspec")
    def test_without_msgspec_there_is_no_encoder(self) -> None:
        """
        The encoder is msgspec's or none.
        """
        assert _bulk.encoder(formats._json_default) is None

    def test_the_suffix_is_read_whatever_its_case(self, tmp_path: Path) -> None:
        """
        ``TIPS.JSONL`` is a JSON Lines file.
        """
        path = tmp_path / "TIPS.JSONL"
        write_section(path, "tips", many_tips(2))
        assert ["T0", "T1"] == [t.id for t in read_jsonl(path, TipRecord, "tips")[0]]
