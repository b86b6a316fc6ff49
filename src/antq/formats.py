"""
Dataset files in every form a commune sends: JSON, JSON Lines, CSV and Excel.

:func:`read_dataset` reads a dataset in any of the four forms record by record. It keeps
the records it accepts, sets the others aside as :class:`RejectedRecord` values, each
with every problem found in it, and loses none: for every section, the records accepted
and the records rejected add up to the records read. :func:`load` is the strict reading:
it returns the dataset only when nothing was rejected and raises one
:class:`~antq.errors.DatasetLoadError` that lists every problem otherwise.
:func:`write_dataset` writes a dataset in any form, and :func:`write_rejects` writes the
rejected records back in the same form, each with its problems, for the sender to
correct.

**The JSON dataset file**, ``*.json``: one JSON object holding the header and every
section, as described on the dataset format page and read by :mod:`antq.io`. Through
:func:`read_dataset` its records are accepted or rejected one by one; a record's row is
its position in its section, from 1.

**The JSON Lines directory**: a directory holding ``dataset.json`` and one
``<section>.jsonl`` file per section (``units.jsonl``, ``tips.jsonl`` ...; the names of
:data:`antq.io.SECTIONS`). ``dataset.json`` holds the header only, one JSON object with
``format_version``, ``period`` and, optionally, ``reporting_unit_code`` and
``description``; no section. Each line of a section file holds one record, exactly the
record object of the JSON file; blank lines are skipped, and a record's row is its line
number. A section file that is missing is an empty section. :func:`iter_jsonl` reads one
section file line by line, in constant memory.

A directory is read as CSV when it holds ``.csv`` files, as JSON Lines when it holds
``.jsonl`` files; both together are a problem, and nothing is read. A ``.csv`` or
``.jsonl`` file that names no section (``tip.csv``) is a problem; other files are left
alone. A directory without ``dataset.json`` is read, but no dataset is built from it.

**The CSV directory**: ``dataset.json`` as above and one ``<section>.csv`` file per
section, in UTF-8 with or without a byte order mark; antq writes the mark, so that Excel
opens the file with its Vietnamese letters intact. The first row holds the column names;
each row below holds one record; a record's row is its spreadsheet row (the header is
row 1). Rows whose cells are all empty are skipped.

- The columns are the record's fields (:data:`COLUMNS`): a nested object is flattened
  with a dot (``period.start``, ``period.end``, ``informant.full_name``,
  ``informant.contact``, ``informant.address``), and ``extensions`` is one cell that
  holds the JSON array of the extensions.
- A column may also be named in Vietnamese (:data:`VIETNAMESE_HEADERS`): ``Ngày tiếp
  nhận`` is ``received_on``. Names match whatever their case, the spaces around them
  and their Unicode normal form.
- An empty cell is an absent field: the field takes its default, or is reported missing
  when it is required.
- A cell is text; it is converted to the JSON value its field expects, strictly, before
  the record is checked: an integer is written with the digits 0 to 9 only (no sign, no
  decimal point, no grouping, no space: ``5``, not ``5.0``, ``1.234``, ``" 5"`` or
  ``-1``); a boolean is ``true`` or ``false``; a date is ``YYYY-MM-DD``; a string is
  taken as it is; ``extensions`` is JSON text. A cell that does not convert is a
  problem, never guessed at.
- A column whose name is not a field of the section is a problem in every row that has
  a value in it (a column left empty is no problem), as is a second column for the same
  field, or a value in a column without a name. A cell holds at most 32,767 characters
  (Excel's limit). A cell whose bytes are not UTF-8 (a file saved in a legacy code
  page) is a problem of its own; a file in UTF-16, or a row that breaks the CSV quoting
  rules, is a problem of the file, which is read no further.

**The Excel workbook**, ``*.xlsx`` (read and written with openpyxl: install the
``antq[excel]`` extra). A sheet named ``dataset`` holds the header in two columns, key
and value, one row per key: ``format_version``, ``period.start``, ``period.end``,
``reporting_unit_code``, ``description`` (a first row ``key``, ``value`` is skipped).
One sheet per section, named after the section, holds its records with the columns of
the CSV form. A missing sheet is an empty section; a sheet of another name is a
problem. Cells may be typed: a date cell is a date when it holds no time of day; a
number cell is an integer when it is whole (``5.0`` is 5; ``1.9`` is refused where an
integer is expected); a true/false cell is a boolean; a text cell follows the rules of
a CSV cell. Formulas are not read: a formula, or a text starting with ``=``, is a
problem ("paste the values"), as is an Excel error value (``#N/A``). Every row is read,
whatever size the workbook declares. A workbook without a ``dataset`` sheet is read, but
no dataset is built from it. A text a workbook cannot hold (a control character, more
than 32,767 characters, or a leading ``=``) is refused when writing a dataset.

**What is accepted.** A record is rejected when the converter refuses it (all its
problems are listed) or when the registry refuses it: the units and organisations
accepted form a :class:`~antq.UnitRegistry`; each one the registry refuses (a duplicate
code, an unknown or wrong parent unit, a cycle, an organisation in an unknown unit) is
rejected in turn, until the rest form a registry. The units below a rejected unit are
then rejected too, each with its own reason. The dataset is built from the records
accepted.

**Informants.** An informant's identity is protected (Bộ luật Tố tụng hình sự 2015,
Điều 56). It never appears in a problem, in a rejected record or in a rejects file: it
is shown as ``'<protected>'``, or left out. So is whatever may hold it: every key or
column named ``informant...``, and, in a tip, every key or column that is not one of a
tip's fields. The writers leave it out unless ``include_informants=True`` is passed; by
default a CSV file or a sheet has no informant column at all.

**Rejects.** :func:`write_rejects` writes the rejected records in the shape of a dataset
of the form chosen: the header read (when it was usable) and every section, holding its
rejected records as read, each with one more key or column, ``_problems``, that lists
its problems as ``column: reason``, joined by ``"; "``.

Every problem is a :class:`~antq.errors.LoadProblem` placed by file, sheet, row and
column (the field or column name as written in the file) beside its JSONPath location.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import difflib
import gc
import importlib
import json
import re
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from io import BytesIO
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import (
    TYPE_CHECKING,
    Any,
    BinaryIO,
    Literal,
    Protocol,
    TypeVar,
    get_args,
    get_origin,
    get_type_hints,
)

import attrs

from antq import _bulk, _converter
from antq._validation import PROTECTED
from antq.dataset import MovementDataset
from antq.errors import AntqError, DatasetLoadError, InvalidValueError, LoadProblem, RegistryError
from antq.io import (
    _WRITTEN_WHEN_FILLED,
    FORMAT_VERSION,
    SECTIONS,
    _header_fields,
    _header_problems,
    _header_texts,
    _read_header,
    _record_sections,
    dump_dataset,
)
from antq.periods import Period
from antq.units import UnitRegistry
from antq.validation import ValidationReport

if TYPE_CHECKING:
    import os
    from collections.abc import Sequence

__all__ = [
    "COLUMNS",
    "FORMS",
    "VIETNAMESE_HEADERS",
    "ExtraNotInstalledError",
    "ReadResult",
    "RecordPlace",
    "RejectedRecord",
    "iter_jsonl",
    "load",
    "locate_findings",
    "read_dataset",
    "read_jsonl",
    "write_dataset",
    "write_rejects",
    "write_section",
]

T = TypeVar("T")

_Form = Literal["json", "jsonl", "csv", "xlsx"]
_DirectoryForm = Literal["jsonl", "csv"]

#: The forms :func:`write_dataset` and :func:`write_rejects` write.
FORMS: tuple[str, ...] = get_args(_Form)

#: The header file of a JSON Lines or CSV directory, and the header sheet of a workbook.
_HEADER_FILE = "dataset.json"
_HEADER_SHEET = "dataset"
_HEADER_TEXTS = ("reporting_unit_code", "description", "edition")
_HEADER_KEYS = ("format_version", "period", *_HEADER_TEXTS)
_SECTION_NAMES = tuple(name for name, _ in SECTIONS)
_SECTION_ORDER = {name: position for position, name in enumerate(_SECTION_NAMES)}
_FILE_FORMS: Mapping[str, _Form] = {".json": "json", ".xlsx": "xlsx"}
_DIRECTORY_SUFFIXES: Mapping[str, _Form] = {".jsonl": "jsonl", ".csv": "csv"}

#: The most characters a cell holds: Excel's own limit.
_CELL_LIMIT = 32_767
#: The deepest nesting of JSON read; a dataset file needs six levels.
_DEPTH_LIMIT = 64
_DIGITS = re.compile(r"[0-9]+")
_SURROGATES = re.compile("[\ud800-\udfff]")
_UTF16_MARKS = ("\udcff\udcfe", "\udcfe\udcff")
_FORMULA = "formulas are not read; paste the values"
_TWICE = "the key appears twice in one object; only one value is allowed"
_NOT_UTF8 = "not UTF-8 text; save the file as UTF-8"
_PROBLEMS_COLUMN = "_problems"

_Kind = Literal["text", "integer", "boolean", "date", "json"]


class ExtraNotInstalledError(AntqError, ImportError):
    """
    An optional dependency that a form needs and that is not installed.

    Excel workbooks need openpyxl, installed with the ``antq[excel]`` extra.
    """


# Columns --------------------------------------------------------------------------------


@attrs.frozen
class _Column:
    """
    One column of a section's table: a field, or a field of a nested object.
    """

    name: str
    kind: _Kind

    @property
    def path(self) -> tuple[str, ...]:
        """
        The keys that lead to the field in a record object.
        """
        return tuple(self.name.split("."))

    @property
    def protected(self) -> bool:
        """
        Whether the column holds an informant's identity.
        """
        return self.name.startswith("informant.")


def _columns(cls: type, prefix: str = "") -> tuple[_Column, ...]:
    """
    Return the columns of a record class: its fields, nested objects flattened.
    """
    hints = get_type_hints(cls)
    found: list[_Column] = []
    for field in attrs.fields(cls):
        hint = hints[field.name]
        options = get_args(hint)
        if type(None) in options:
            hint = next(option for option in options if option is not type(None))
        name = prefix + field.name
        if attrs.has(hint):
            found.extend(_columns(hint, f"{name}."))
        elif get_origin(hint) is tuple or set(options) == {int, bool}:
            found.append(_Column(name, "json"))
        elif hint is bool:
            found.append(_Column(name, "boolean"))
        elif hint is int:
            found.append(_Column(name, "integer"))
        elif hint is dt.date:
            found.append(_Column(name, "date"))
        else:
            found.append(_Column(name, "text"))
    return tuple(found)


_SECTION_COLUMNS: Mapping[str, tuple[_Column, ...]] = {
    name: _columns(cls) for name, cls in SECTIONS
}

#: The columns of each section's table (CSV file or sheet), in the order written.
COLUMNS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {name: tuple(column.name for column in columns) for name, columns in _SECTION_COLUMNS.items()}
)

#: The Vietnamese column names read beside each column's own name, by column. A name
#: may stand for different columns in different sections (``Ngày thành lập`` is a unit's
#: ``valid_from`` and a model group's ``established_on``), never for two in one section.
VIETNAMESE_HEADERS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "code": ("Mã", "Mã đơn vị", "Mã đơn vị hành chính"),
        "name": ("Tên", "Tên đơn vị", "Tên gọi"),
        "kind": ("Loại", "Loại hình"),
        "parent_code": ("Mã đơn vị cấp trên", "Đơn vị cấp trên"),
        "valid_from": ("Ngày thành lập", "Hiệu lực từ ngày"),
        "valid_to": ("Ngày giải thể", "Ngày sáp nhập", "Hiệu lực đến ngày"),
        "local_kind": ("Tên gọi địa phương", "Loại thôn, tổ"),
        "unit_code": ("Địa bàn", "Mã địa bàn", "Đơn vị", "Đơn vị báo cáo", "Nơi cư trú"),
        "enterprise_size": ("Quy mô doanh nghiệp", "Quy mô"),
        "school_level": ("Cấp học",),
        "armed_forces": ("Thuộc lực lượng vũ trang", "Lực lượng vũ trang"),
        "id": ("Mã số", "Số hiệu"),
        "title": ("Tên đợt", "Tên kế hoạch", "Tiêu đề"),
        "period.start": ("Từ ngày", "Ngày bắt đầu"),
        "period.end": ("Đến ngày", "Ngày kết thúc"),
        "organiser_code": ("Đơn vị tổ chức", "Mã đơn vị tổ chức"),
        "held_on": ("Ngày tổ chức",),
        "place_code": ("Nơi tổ chức", "Mã nơi tổ chức"),
        "participant_turns": ("Lượt người tham gia", "Số lượt người"),
        "slips_collected": ("Số phiếu tố giác", "Phiếu tố giác thu được"),
        "campaign_id": ("Mã đợt", "Thuộc đợt"),
        "received_on": ("Ngày tiếp nhận",),
        "receiving_unit_code": ("Đơn vị tiếp nhận",),
        "channel": ("Kênh", "Hình thức"),
        "origin_code": ("Nơi phát sinh", "Địa bàn phát sinh"),
        "session_id": ("Mã buổi", "Thu tại buổi"),
        "legal_kind": ("Phân loại", "Loại tin"),
        "assessment": ("Đánh giá",),
        "assessed_on": ("Ngày đánh giá",),
        "decision": ("Quyết định", "Kết quả giải quyết"),
        "decided_on": ("Ngày ra quyết định", "Ngày quyết định"),
        "resumed_on": ("Ngày phục hồi", "Ngày phục hồi giải quyết"),
        "transferred_on": ("Ngày chuyển", "Ngày chuyển Cơ quan điều tra"),
        "extensions": ("Gia hạn",),
        "informant.full_name": ("Họ và tên người tố giác", "Người tố giác"),
        "informant.contact": ("Liên hệ người tố giác", "Số điện thoại người tố giác"),
        "informant.address": ("Địa chỉ người tố giác",),
        "established_on": ("Ngày thành lập",),
        "ended_on": ("Ngày kết thúc", "Ngày ngừng hoạt động"),
        "member_count": ("Số thành viên",),
        "commune_code": ("Mã xã", "Đơn vị cấp xã"),
        "hamlet_codes": ("Thôn, tổ phụ trách", "Địa bàn phụ trách"),
        "dissolved_on": ("Ngày giải thể",),
        "leaders": ("Tổ trưởng", "Số tổ trưởng"),
        "deputies": ("Tổ phó", "Số tổ phó"),
        "members": ("Tổ viên", "Số tổ viên"),
        "year": ("Năm", "Năm đánh giá"),
        "fact": ("Dữ kiện", "Nội dung đánh giá"),
        "outcome": ("Kết quả", "Kết quả công nhận"),
        "authority": ("Cơ quan quyết định", "Cấp quyết định"),
        "category": ("Diện", "Diện cảm hóa, giáo dục, giúp đỡ"),
        "progressed": ("Tiến bộ", "Đưa ra khỏi diện quản lý"),
        "figure": ("Chỉ tiêu",),
        "value": ("Số liệu", "Giá trị"),
        "group_kind": ("Loại mô hình",),
        "organisation_kind": ("Loại tổ chức", "Loại cơ quan, doanh nghiệp, nhà trường"),
        "of_total": ("Tổng số", "Trên tổng số"),
        "printed_share": ("Tỷ lệ", "Tỷ lệ đạt"),
        "source": ("Nguồn số liệu", "Nguồn"),
    }
)


def _normalise(header: str) -> str:
    """
    Return a column name as compared: NFC, case folded, without surrounding spaces.
    """
    return unicodedata.normalize("NFC", header.casefold()).strip()


def _header_lookup(columns: tuple[_Column, ...]) -> dict[str, _Column]:
    lookup: dict[str, _Column] = {}
    for column in columns:
        for header in (column.name, *VIETNAMESE_HEADERS.get(column.name, ())):
            lookup[_normalise(header)] = column
    return lookup


_LOOKUPS = {name: _header_lookup(columns) for name, columns in _SECTION_COLUMNS.items()}
_FIELDS = {
    name: {column.path[0] for column in columns} for name, columns in _SECTION_COLUMNS.items()
}


# Results --------------------------------------------------------------------------------


@attrs.frozen
class RejectedRecord:
    """
    A record that was read but not accepted, with every problem found in it.

    Attributes:
        section: The section it was read from (``"tips"``).
        file: The file it was read from.
        row: Where it is in the file, from 1: its line in a JSON Lines file, its
            spreadsheet row in a CSV file or a sheet (the header is row 1), its position
            in its section of a JSON file.
        sheet: The sheet of an Excel workbook, or ``None``.
        record: The record as read: the object of a JSON form, or the cells of a row
            by column name as written; an informant's values are shown as
            ``'<protected>'``.
        problems: Every problem found, each placed by file, sheet, row and column.
    """

    section: str
    file: str
    row: int
    sheet: str | None
    record: Mapping[str, object]
    problems: tuple[LoadProblem, ...]
    # The informant values that `record` shows as protected, by key; written to a
    # rejects file only when asked by name, never shown.
    _hidden: Mapping[str, object] = attrs.field(
        factory=dict, repr=False, eq=False, kw_only=True, alias="_hidden"
    )


def _counts(counts: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(counts))


@attrs.frozen
class ReadResult:
    """
    What :func:`read_dataset` found: the dataset of the records accepted, and the rest.

    Attributes:
        dataset: The dataset built from the header and the records accepted; ``None``
            when the header (``format_version`` or ``period``) is unusable or the form
            of a directory cannot be told.
        read: How many records were read, by section (every section is a key).
        accepted: How many of them were accepted, by section.
        rejected: The records rejected, section by section in the order of
            :data:`antq.io.SECTIONS`, each in the order of its file.
        problems: The problems not tied to one record: in the header, a file that
            cannot be read, a sheet or section file of an unknown name.
        places: Where each accepted record was read, by section, in the order of the
            dataset's records.
    """

    dataset: MovementDataset | None
    read: Mapping[str, int] = attrs.field(converter=_counts)
    accepted: Mapping[str, int] = attrs.field(converter=_counts)
    rejected: tuple[RejectedRecord, ...]
    problems: tuple[LoadProblem, ...]
    places: Mapping[str, tuple[RecordPlace, ...]] = attrs.field(
        factory=dict, eq=False, repr=False, kw_only=True
    )

    @property
    def valid(self) -> bool:
        """
        Whether every record was accepted and nothing else was wrong.
        """
        return not self.rejected and not self.problems

    @property
    def all_problems(self) -> tuple[LoadProblem, ...]:
        """
        Every problem, those of the rejected records first, then the others.
        """
        return (
            *(problem for record in self.rejected for problem in record.problems),
            *self.problems,
        )


# Reading: shared pieces ------------------------------------------------------------------


class _CellError(Exception):
    """
    A cell (or a JSON text) that does not convert; the message is the reason shown.
    """


class _Object(dict[str, Any]):
    """
    A decoded JSON object that remembers the keys it was given more than once.
    """

    __slots__ = ("duplicates",)

    def __init__(self, pairs: Iterable[tuple[str, Any]]) -> None:
        """
        Keep the last value of each key, and the keys seen twice.
        """
        super().__init__()
        duplicates: list[str] = []
        for key, value in pairs:
            if key in self:
                duplicates.append(key)
            self[key] = value
        self.duplicates = tuple(duplicates)


def _parse_json(text: str) -> object:
    """
    Decode JSON text; raise :class:`_CellError` naming what is wrong.
    """
    try:
        value = json.loads(text, object_pairs_hook=_Object)
    except json.JSONDecodeError as error:
        msg = f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise _CellError(msg) from None
    except (ValueError, RecursionError):
        # Integers of thousands of digits, or arrays nested past Python's stack.
        msg = "not JSON that antq reads: a number too long or nesting too deep"
        raise _CellError(msg) from None
    if _depth_exceeds(value, _DEPTH_LIMIT):
        msg = f"not JSON that antq reads: nested more than {_DEPTH_LIMIT} levels deep"
        raise _CellError(msg)
    return value


def _depth_exceeds(value: object, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        current, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(current, dict):
            stack.extend((item, depth + 1) for item in current.values())
        elif isinstance(current, list):
            stack.extend((item, depth + 1) for item in current)
    return False


def _text_problems(value: object, location: str) -> list[LoadProblem]:
    """
    List the keys given twice and the strings that are not text, under *location*.
    """
    found: list[LoadProblem] = []
    stack = [(value, location)]
    while stack:
        current, where = stack.pop()
        if isinstance(current, dict):
            duplicates = current.duplicates if isinstance(current, _Object) else ()
            found.extend(LoadProblem(f"{where}.{key}", None, _TWICE) for key in duplicates)
            for key, item in current.items():
                if _SURROGATES.search(key):
                    found.append(LoadProblem(f"{where}.{key}", None, "a key that is not text"))
                stack.append((item, f"{where}.{key}"))
        elif isinstance(current, list):
            stack.extend((item, f"{where}[{index}]") for index, item in enumerate(current))
        elif isinstance(current, str) and _SURROGATES.search(current):
            found.append(LoadProblem(where, None, "a lone surrogate escape is not text"))
    return sorted(found, key=lambda problem: problem.location)


def _clean_text(text: str | None) -> str | None:
    """
    Return *text* with every lone surrogate replaced, so that it can be printed.
    """
    return None if text is None else _SURROGATES.sub("\ufffd", text)


def _clean(value: object) -> object:
    """
    Return *value* with every lone surrogate replaced, so that it can be printed.
    """
    if isinstance(value, str):
        return _clean_text(value)
    if isinstance(value, dict):
        return {_clean(key): _clean(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_clean(item) for item in value]
    return value


def _structure(value: object, cls: type[T], base: str) -> tuple[T | None, list[LoadProblem]]:
    """
    Structure one record; return it, or ``None`` and every problem found in it.
    """
    problems = _text_problems(value, base)
    result, found = _converter.structure(value, cls, base)
    problems.extend(_converter.redact(found))
    if problems:
        return None, problems
    return result, []


@attrs.frozen
class RecordPlace:
    """
    Where a record was read: its file, sheet, row, and the columns of its table.

    Attributes:
        section: The dataset section the record belongs to.
        file: The file it was read from.
        sheet: The sheet of a workbook, or ``None``.
        row: Its line or row number in the file, from 1.
        index: Its position among the section's records as read, from 0.
    """

    section: str
    file: str
    sheet: str | None
    row: int
    index: int
    # Each field's column as written in the file; None for the JSON forms, whose
    # columns are the record's keys.
    headers: Mapping[str, str] | None = None

    @property
    def base(self) -> str:
        """
        The JSONPath of the record.
        """
        return f"$.{self.section}[{self.index}]"

    def column(self, location: str) -> str | None:
        """
        Return the column, as written in the file, that *location* points into.
        """
        rest = location.removeprefix(self.base).lstrip(".")
        if not rest:
            return None
        if self.headers is not None:
            for name in sorted(self.headers, key=len, reverse=True):
                if rest == name or rest.startswith((f"{name}.", f"{name}[")):
                    return self.headers[name]
        return re.split(r"[.\[]", rest, maxsplit=1)[0]

    def locate(self, problem: LoadProblem) -> LoadProblem:
        """
        Return *problem* placed by file, sheet, row and column.
        """
        return attrs.evolve(
            problem,
            location=str(_clean(problem.location)),
            value=_clean(problem.value),
            file=self.file,
            sheet=self.sheet,
            row=self.row,
            column=_clean_text(problem.column or self.column(problem.location)),
        )

    def reject(
        self,
        record: Mapping[str, object],
        hidden: Mapping[str, object],
        problems: Iterable[LoadProblem],
    ) -> RejectedRecord:
        """
        Return the record rejected with its problems, placed.
        """
        return RejectedRecord(
            self.section,
            self.file,
            self.row,
            self.sheet,
            record,
            tuple(self.locate(problem) for problem in problems),
            _hidden=hidden,
        )


@attrs.frozen
class _Accepted:
    """
    A record accepted by the converter, with where it was read and how it was written.
    """

    value: Any
    place: RecordPlace
    # The record object, or the row's cells by column, as read; or the line of JSON
    # Lines read by the bulk path.
    record: object


_Item = _Accepted | RejectedRecord


def _file_problem(
    file: Path, section: str, reason: str, *, row: int | None = None
) -> DatasetLoadError:
    problem = LoadProblem(f"$.{section}", None, reason, file=str(file), row=row)
    return DatasetLoadError([problem], source=str(file))


def _hides(section: str, key: str) -> bool:
    """
    Tell whether a key of a record may hold an informant's identity.

    It does when it is the informant, or, in a tip, any key that is not a tip's field:
    a commune may well have put the informant's name there.
    """
    return key.startswith("informant") or (section == "tips" and key not in _FIELDS["tips"])


def _json_record(value: object, section: str) -> tuple[dict[str, object], dict[str, object]]:
    """
    Return a JSON record as shown (informant protected) and the values it hides.
    """
    if not isinstance(value, dict):
        return {}, {}
    record: dict[str, object] = {str(_clean(key)): _clean(item) for key, item in value.items()}
    hidden = {key: item for key, item in record.items() if _hides(section, key)}
    for key, item in hidden.items():
        record[key] = dict.fromkeys(item, PROTECTED) if isinstance(item, dict) else PROTECTED
    return record, hidden


def _json_item(value: object, cls: type[Any], place: RecordPlace) -> _Item:
    """
    Accept or reject one record object of a JSON form.
    """
    result, problems = _structure(value, cls, place.base)
    if result is not None:
        return _Accepted(result, place, value)
    record, hidden = _json_record(value, place.section)
    return place.reject(record, hidden, [_protect(problem, place) for problem in problems])


def _protect(problem: LoadProblem, place: RecordPlace) -> LoadProblem:
    """
    Return *problem* without its value when that may be an informant's identity.
    """
    field = place.column(problem.location)
    hides = _hides(place.section, field) if field is not None else place.section == "tips"
    if hides and problem.value is not None:
        return attrs.evolve(problem, value=PROTECTED)
    return problem


# Reading: JSON Lines --------------------------------------------------------------------


def iter_jsonl(
    path: str | os.PathLike[str], cls: type[T], section: str
) -> Iterator[T | RejectedRecord]:
    """
    Read a section file of JSON Lines, one record at a time, in constant memory.

    Args:
        path: The file (``tips.jsonl``).
        cls: The class of its records (:class:`~antq.TipRecord`).
        section: The section's name (``"tips"``), used in locations.

    Yields:
        Each record in the order of the file: an instance of *cls* when accepted, a
        :class:`RejectedRecord` otherwise. Blank lines are skipped.

    Raises:
        antq.errors.DatasetLoadError: When the file cannot be read, or is UTF-16 text.
    """
    for item in _jsonl_items(Path(path), cls, section):
        yield item.value if isinstance(item, _Accepted) else item


def _jsonl_items(path: Path, cls: type[Any], section: str) -> Iterator[_Item]:
    index = 0
    fast = _bulk.reader(cls)
    try:
        with path.open("rb") as stream:
            for row, raw in enumerate(stream, start=1):
                if row == 1 and raw.startswith((b"\xff\xfe", b"\xfe\xff")):
                    raise _file_problem(path, section, "UTF-16 text; save the file as UTF-8")
                line = raw.removeprefix(b"\xef\xbb\xbf")
                if not line.strip():
                    continue
                yield _jsonl_item(
                    line,
                    cls,
                    RecordPlace(section, str(path), None, row, index),
                    fast,
                )
                index += 1
    except OSError as error:
        raise _file_problem(path, section, f"cannot be read: {error.strerror}") from None


def _jsonl_item(
    line: bytes, cls: type[Any], place: RecordPlace, fast: Callable[[bytes], object] | None
) -> _Item:
    if fast is not None and (record := fast(line)) is not None:
        # The line itself stands for the record as read: the registry may still
        # reject a unit, and then shows it.
        return _Accepted(record, place, line)
    try:
        value = _parse_json(line.decode("utf-8"))
    except UnicodeDecodeError:
        return place.reject({}, {}, [LoadProblem(place.base, None, _NOT_UTF8)])
    except _CellError as error:
        return place.reject({}, {}, [LoadProblem(place.base, None, str(error))])
    return _json_item(value, cls, place)


def read_jsonl(
    path: str | os.PathLike[str], cls: type[T], section: str
) -> tuple[list[T], list[RejectedRecord]]:
    """
    Read a whole section file of JSON Lines at once: the bulk load.

    The records are those :func:`iter_jsonl` yields, read faster: with the ``antq[fast]``
    extra installed, msgspec decodes blocks of lines and antq's rules check each
    record, and a line they cannot vouch for is read again by the reference reading,
    which reports its problems. The garbage collector is paused while reading (the
    records hold no cycles) and restored after.

    Args:
        path: The file (``tips.jsonl``).
        cls: The class of its records.
        section: The section's name, used in locations.

    Returns:
        The records accepted, in the order of the file, and the records rejected.

    Raises:
        antq.errors.DatasetLoadError: When the file cannot be read, or is UTF-16 text.
    """
    accepted: list[T] = []
    rejected: list[RejectedRecord] = []
    with _collector_paused():
        for item in _jsonl_records(Path(path), cls, section):
            if isinstance(item, RejectedRecord):
                rejected.append(item)
            else:
                accepted.append(item)
    return accepted, rejected


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """
    Pause the garbage collector, if it runs, for the block; restore it after.
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


#: The size of the blocks of lines the bulk reading decodes at once.
_BLOCK = 1 << 20


def _jsonl_records(path: Path, cls: type[T], section: str) -> Iterator[T | RejectedRecord]:
    """
    Read a section file in blocks of lines, falling back to the reference reading.

    A block the bulk path refuses is read line by line, as :func:`iter_jsonl` reads it.
    """
    block_reader, fast = _bulk.block_reader(cls), _bulk.reader(cls)
    if block_reader is None:
        yield from iter_jsonl(path, cls, section)
        return
    row = index = 0
    try:
        with path.open("rb") as stream:
            for block in _blocks(stream, path, section):
                lines = block.count(b"\n") + (not block.endswith(b"\n"))
                records = block_reader(block, lines)
                if records is not None:
                    yield from records
                    index += len(records)
                    row += lines
                    continue
                # Each line with its newline, as a file's lines are read one by one.
                for raw in BytesIO(block):
                    row += 1
                    line = raw.removeprefix(b"\xef\xbb\xbf")
                    if line.strip():
                        place = RecordPlace(section, str(path), None, row, index)
                        item = _jsonl_item(line, cls, place, fast)
                        yield item.value if isinstance(item, _Accepted) else item
                        index += 1
    except OSError as error:
        raise _file_problem(path, section, f"cannot be read: {error.strerror}") from None


def _blocks(stream: BinaryIO, path: Path, section: str) -> Iterator[bytes]:
    """
    Yield the file in blocks of whole lines (the last may lack its newline).
    """
    rest = b""
    first = True
    while True:
        data = stream.read(_BLOCK)
        if first and data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise _file_problem(path, section, "UTF-16 text; save the file as UTF-8")
        first = False
        if not data:
            if rest:
                yield rest
            return
        data = rest + data
        end = data.rfind(b"\n") + 1
        block, rest = data[:end], data[end:]
        if block:
            yield block


# Reading: tables (CSV and Excel) --------------------------------------------------------


@attrs.frozen
class _Refused:
    """
    An Excel cell that is never read (a formula, an error value), as shown.
    """

    text: str
    reason: str


def _checked_text(text: str) -> str:
    if len(text) > _CELL_LIMIT:
        msg = f"a cell holds at most {_CELL_LIMIT:,} characters (Excel's limit)"
        raise _CellError(msg)
    return text


def _from_text(text: str, kind: _Kind) -> object:
    """
    Convert a text cell to the JSON value its column expects, strictly.
    """
    if kind == "integer":
        if _DIGITS.fullmatch(text) is None:
            msg = (
                "expected an integer written with the digits 0 to 9 only (no sign, point or space)"
            )
            raise _CellError(msg)
        try:
            return int(text)
        except ValueError:
            raise _CellError("the number has too many digits") from None
    if kind == "boolean":
        if text not in {"true", "false"}:
            raise _CellError("expected true or false")
        return text == "true"
    if kind == "json":
        return _parse_json(text)
    # Dates stay ISO text, which the converter reads strictly; strings are as written.
    return text


def _from_csv(cell: object, kind: _Kind) -> object:
    text = str(cell)
    if _SURROGATES.search(text):
        raise _CellError(_NOT_UTF8)
    return _from_text(_checked_text(text), kind)


def _cell_kind(value: object) -> str:
    if isinstance(value, bool):
        return "a true/false cell"
    if isinstance(value, dt.datetime | dt.date):
        return "a date cell"
    if isinstance(value, dt.time | dt.timedelta):
        return "a time cell"
    return "a number cell"


def _from_excel(cell: object, kind: _Kind) -> object:
    """
    Convert a typed Excel cell to the JSON value its column expects, strictly.
    """
    if isinstance(cell, _Refused):
        raise _CellError(cell.reason)
    if isinstance(cell, str):
        if cell.startswith("="):
            raise _CellError(_FORMULA)
        return _from_text(_checked_text(cell), kind)
    if kind == "integer" and isinstance(cell, int | float) and not isinstance(cell, bool):
        return _whole(cell)
    if kind == "boolean" and type(cell) is bool:
        return cell
    if kind == "date" and isinstance(cell, dt.date):
        return _day(cell)
    if kind == "json" and isinstance(cell, int | float):
        # A typed cell in a JSON column (a fact's value: true, false or a number) is
        # passed on as JSON holds it; the record's own rule judges it.
        return int(cell) if type(cell) is float and cell.is_integer() else cell
    expected = {
        "text": "text",
        "integer": "an integer",
        "boolean": "true or false",
        "date": "a date",
        "json": "JSON text",
    }[kind]
    hint = " (format the column as Text)" if kind == "text" and type(cell) is int else ""
    msg = f"expected {expected}, found {_cell_kind(cell)}{hint}"
    raise _CellError(msg)


def _whole(number: float) -> int:
    """
    Return a number cell as an integer: 5.0 is 5, 1.9 is refused.
    """
    if type(number) is float and not number.is_integer():
        raise _CellError("expected an integer, found a number with a fraction")
    return int(number)


def _day(cell: dt.date) -> str:
    """
    Return a date cell as ISO text; a date with a time of day is refused.
    """
    if isinstance(cell, dt.datetime):
        if cell.time() != dt.time():
            raise _CellError("expected a date, found a date with a time of day")
        return cell.date().isoformat()
    return cell.isoformat()


def _is_empty(cell: object) -> bool:
    return cell is None or cell == ""


def _shown(cell: object) -> object:
    """
    Return a cell as kept in a rejected record: printable, a refused cell as its text.
    """
    if isinstance(cell, _Refused):
        return cell.text
    return _clean(cell)


@attrs.frozen
class _Table:
    """
    The header row of a section's table, read.
    """

    section: str
    texts: tuple[str, ...]
    columns: tuple[_Column | None, ...]
    # For a second column of the same field, the first column's name.
    repeats: tuple[str | None, ...]
    headers: Mapping[str, str]

    @classmethod
    def read(cls, section: str, cells: Sequence[object]) -> _Table:
        """
        Read the header row of *section*'s table.
        """
        lookup = _LOOKUPS[section]
        texts: list[str] = []
        columns: list[_Column | None] = []
        repeats: list[str | None] = []
        first: dict[str, str] = {}
        for cell in cells:
            text = "" if cell is None else str(_shown(cell))
            column = lookup.get(_normalise(text))
            repeats.append(first.get(column.name) if column is not None else None)
            if column is not None and column.name in first:
                column = None
            elif column is not None:
                first[column.name] = text
            texts.append(text)
            columns.append(column)
        headers = {
            column.name: first.get(column.name, column.name) for column in _SECTION_COLUMNS[section]
        }
        return cls(section, tuple(texts), tuple(columns), tuple(repeats), headers)

    def item(
        self,
        cells: Sequence[object],
        cls: type[Any],
        place: RecordPlace,
        convert: Callable[[object, _Kind], object],
    ) -> _Item:
        """
        Accept or reject the record of one row.
        """
        record: dict[str, object] = {}
        hidden: dict[str, object] = {}
        document: dict[str, Any] = {}
        problems: list[LoadProblem] = []
        failed: list[str] = []
        for position, cell in enumerate(cells):
            if _is_empty(cell):
                continue
            text = self.texts[position] if position < len(self.texts) else ""
            column = self.columns[position] if position < len(self.columns) else None
            key = text or f"column {position + 1}"
            if key in record:
                key = f"{key} (column {position + 1})"
            protected = (
                column.protected if column is not None else _hides(self.section, _normalise(text))
            )
            shown = PROTECTED if protected else _shown(cell)
            record[key] = shown
            if protected:
                hidden[key] = _shown(cell)
            if column is None:
                problems.append(self._stray(place, position, key, shown))
                continue
            try:
                value = convert(cell, column.kind)
            except _CellError as error:
                location = f"{place.base}.{column.name}"
                problems.append(LoadProblem(location, shown, str(error), column=key))
                failed.append(column.name)
                continue
            _put(document, column.path, value)
        result, found = _structure(document, cls, place.base)
        problems.extend(
            problem for problem in found if not _under(problem.location, place.base, failed)
        )
        if result is not None and not problems:
            return _Accepted(result, place, record)
        return place.reject(record, hidden, problems)

    def _stray(self, place: RecordPlace, position: int, key: str, shown: object) -> LoadProblem:
        """
        Return the problem of a value in a column that holds no field.
        """
        text = self.texts[position] if position < len(self.texts) else ""
        repeat = self.repeats[position] if position < len(self.repeats) else None
        if not text:
            reason = "a value in a column without a name"
            return LoadProblem(place.base, shown, reason, column=key)
        if repeat is not None:
            reason = f"a second column for the field of column {repeat!r}; keep one"
            return LoadProblem(f"{place.base}.{text}", shown, reason, column=key)
        reason = "unknown column"
        close = difflib.get_close_matches(text, COLUMNS[self.section], n=1)
        if close:
            reason += f"; did you mean {close[0]!r}?"
        return LoadProblem(f"{place.base}.{text}", shown, reason, column=key)


def _put(document: dict[str, Any], path: tuple[str, ...], value: object) -> None:
    *parents, last = path
    target = document
    for key in parents:
        target = target.setdefault(key, {})
    target[last] = value


def _under(location: str, base: str, names: Sequence[str]) -> bool:
    """
    Tell whether *location* points into one of the fields *names* of the record *base*.
    """
    rest = location.removeprefix(base).lstrip(".")
    return any(rest == name or rest.startswith((f"{name}.", f"{name}[")) for name in names)


def _table_items(
    rows: Iterable[tuple[int, Sequence[object]]],
    cls: type[Any],
    section: str,
    where: tuple[str, str | None],
    convert: Callable[[object, _Kind], object],
) -> Iterator[_Item]:
    """
    Read a table: its first row is the header, each row below with a value is a record.
    """
    file, sheet = where
    table: _Table | None = None
    index = 0
    for row, cells in rows:
        if table is None:
            table = _Table.read(section, cells)
            continue
        if all(_is_empty(cell) for cell in cells):
            continue
        place = RecordPlace(section, file, sheet, row, index, table.headers)
        yield table.item(cells, cls, place, convert)
        index += 1


def _csv_items(path: Path, cls: type[Any], section: str) -> Iterator[_Item]:
    yield from _table_items(_csv_rows(path, section), cls, section, (str(path), None), _from_csv)


def _utf16(cells: Sequence[str]) -> bool:
    """
    Tell whether the first row of a file read as UTF-8 was written in UTF-16.
    """
    return bool(cells) and (cells[0].startswith(_UTF16_MARKS) or "\x00" in "".join(cells))


def _csv_rows(path: Path, section: str) -> Iterator[tuple[int, list[str]]]:
    row = 0
    try:
        # Undecodable bytes survive as lone surrogates: the cells that hold them are
        # refused one by one, and every other cell of the file is still read.
        with path.open(encoding="utf-8-sig", errors="surrogateescape", newline="") as stream:
            for row, cells in enumerate(csv.reader(stream, strict=True), start=1):
                if row == 1 and _utf16(cells):
                    msg = "UTF-16 text; save the file as UTF-8 (in Excel: CSV UTF-8)"
                    raise _file_problem(path, section, msg)
                yield row, cells
    except csv.Error as error:
        raise _file_problem(path, section, f"not CSV: {error}", row=row + 1) from None
    except OSError as error:
        raise _file_problem(path, section, f"cannot be read: {error.strerror}") from None


# Reading: the header --------------------------------------------------------------------


@attrs.frozen
class _Header:
    """
    The header as read: the period and texts when usable, and every problem.
    """

    period: Period | None
    texts: dict[str, str]
    problems: list[LoadProblem]
    locate: Callable[[LoadProblem], LoadProblem]

    @property
    def usable_period(self) -> Period | None:
        """
        The period, when a dataset can be built: the version is supported, the period read.
        """
        if any(
            problem.location.startswith(("$.format_version", "$.period"))
            for problem in self.problems
        ):
            return None
        return self.period


def _read_header_document(
    document: dict[str, Any],
    locate: Callable[[LoadProblem], LoadProblem],
    *,
    failed: Sequence[str] = (),
) -> _Header:
    """
    Read the header keys of *document*; other keys are the caller's business.

    The keys in *failed* held a value that could not be read: their problems are
    already known, and their absence is no further problem.
    """
    header = {key: document[key] for key in _HEADER_KEYS if key in document}
    walked = _text_problems(header, "$")
    problems = [*walked, *_header_problems(document)]
    period, texts = _read_header(header, problems)
    for problem in walked:
        texts.pop(problem.location.removeprefix("$.").split(".")[0], None)
    kept = [problem for problem in problems if not _under(problem.location, "$", failed)]
    return _Header(period, texts, [locate(problem) for problem in _converter.redact(kept)], locate)


def _unusable_header(locate: Callable[[LoadProblem], LoadProblem], reason: str) -> _Header:
    return _Header(None, {}, [locate(LoadProblem("$", None, reason))], locate)


def _json_header(
    path: Path, data: bytes, *, allowed: Callable[[str], str | None]
) -> tuple[_Header, object]:
    """
    Read the header of a JSON file; return it and the decoded document.

    *allowed* says what is wrong with a key that is not a header key, if anything.
    """

    def locate(problem: LoadProblem) -> LoadProblem:
        column = problem.location.removeprefix("$").lstrip(".").split(".")[0] or None
        return attrs.evolve(problem, file=str(path), column=column)

    try:
        document = _parse_json(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 text: {error.reason} at byte {error.start}"
        return _unusable_header(locate, reason), None
    except _CellError as error:
        return _unusable_header(locate, str(error)), None
    if not isinstance(document, dict):
        return _unusable_header(locate, "a dataset file holds one JSON object"), None
    header = _read_header_document(document, locate)
    duplicates = document.duplicates if isinstance(document, _Object) else ()
    header.problems.extend(locate(LoadProblem(f"$.{key}", None, _TWICE)) for key in duplicates)
    for key in document:
        wrong = None if key in _HEADER_KEYS else allowed(key)
        if wrong is not None:
            value = None if key in _SECTION_ORDER else _clean(document[key])
            header.problems.append(locate(LoadProblem(f"$.{_clean(key)}", value, wrong)))
    return header, document


def _unknown_key(key: str) -> str | None:
    return None if key in _SECTION_ORDER else "unknown key"


# Reading: collecting and the registry ---------------------------------------------------


class _Collector:
    """
    The records read so far, section by section, and the problems of no one record.
    """

    def __init__(self) -> None:
        """
        Start with nothing read.
        """
        self.read = dict.fromkeys(_SECTION_NAMES, 0)
        self.accepted: dict[str, list[_Accepted]] = {name: [] for name in _SECTION_NAMES}
        self.rejected: list[RejectedRecord] = []
        self.problems: list[LoadProblem] = []

    def add(self, section: str, items: Iterable[_Item]) -> None:
        """
        Count and keep every item; a file that breaks off adds its problem.
        """
        try:
            for item in items:
                self.read[section] += 1
                if isinstance(item, RejectedRecord):
                    self.rejected.append(item)
                elif section in {"units", "organisations"}:
                    self.accepted[section].append(item)
                else:
                    # Only the registry's records may still be rejected: keep no more.
                    self.accepted[section].append(_Accepted(item.value, item.place, {}))
        except DatasetLoadError as error:
            self.problems.extend(error.problems)

    def result(self, header: _Header | None) -> ReadResult:
        """
        Settle the registry, build the dataset and return what was found.
        """
        registry = self._registry()
        problems = [*(header.problems if header is not None else ()), *self.problems]
        period = header.usable_period if header is not None else None
        dataset = None
        if header is not None and period is not None:
            dataset = self._dataset(header, period, registry, problems)
        self.rejected.sort(key=lambda record: (_SECTION_ORDER[record.section], record.row))
        return ReadResult(
            dataset,
            self.read,
            {name: len(items) for name, items in self.accepted.items()},
            tuple(self.rejected),
            tuple(problems),
            places={name: tuple(i.place for i in items) for name, items in self.accepted.items()},
        )

    def _registry(self) -> UnitRegistry:
        """
        Build the registry; reject what it refuses until the rest forms one.
        """
        while True:
            units, organisations = self.accepted["units"], self.accepted["organisations"]
            try:
                return UnitRegistry(
                    [item.value for item in units],
                    organisations=[item.value for item in organisations],
                )
            except RegistryError as error:
                self._reject_from_registry(error)

    def _reject_from_registry(self, error: RegistryError) -> None:
        """
        Move every unit and organisation the registry refused to the rejected records.
        """
        rejected_codes = {
            code
            for record in self.rejected
            if record.section == "units" and isinstance(code := _record_code(record), str)
        }
        refused: dict[tuple[str, int], list[LoadProblem]] = {}
        for problem in error.problems:
            item = self.accepted[problem.section][problem.index]
            value = getattr(item.value, problem.field)
            reason = problem.reason
            if problem.field != "code" and value in rejected_codes:
                reason += "; the unit with this code was read but rejected"
            found = LoadProblem(f"{item.place.base}.{problem.field}", value, reason)
            refused.setdefault((problem.section, problem.index), []).append(found)
        for (section, index), problems in refused.items():
            item = self.accepted[section][index]
            as_read = item.record
            if isinstance(as_read, bytes):
                as_read = _parse_json(as_read.decode("utf-8"))
            record, hidden = _json_record(as_read, section)
            self.rejected.append(item.place.reject(record, hidden, problems))
        for section in ("units", "organisations"):
            self.accepted[section] = [
                item
                for index, item in enumerate(self.accepted[section])
                if (section, index) not in refused
            ]

    def _dataset(
        self,
        header: _Header,
        period: Period,
        registry: UnitRegistry,
        problems: list[LoadProblem],
    ) -> MovementDataset:
        """
        Build the dataset of the records accepted; a header text it refuses is left out.
        """
        texts = dict(header.texts)
        records = {name: [item.value for item in items] for name, items in self.accepted.items()}
        while True:
            try:
                return MovementDataset(
                    period,
                    registry,
                    **_record_sections(records),
                    **_header_fields(texts),
                )
            except InvalidValueError as error:
                # Only a header text can be refused here: every record is of its type.
                value = texts.pop(error.field)
                problems.append(header.locate(LoadProblem(f"$.{error.field}", value, error.rule)))


def _record_code(record: RejectedRecord) -> object:
    """
    Return the code a rejected unit was read with, if it has one.
    """
    for key, value in record.record.items():
        if _normalise(key) in _CODE_HEADERS:
            return value
    return None


_CODE_HEADERS = {_normalise(header) for header in ("code", *VIETNAMESE_HEADERS["code"])}


# Reading: the forms ---------------------------------------------------------------------


def read_dataset(path: str | os.PathLike[str]) -> ReadResult:
    """
    Read a dataset in any form, record by record, keeping every record read.

    The form is told by the path: a ``.json`` file, an ``.xlsx`` workbook, or a
    directory of ``.jsonl`` or ``.csv`` section files beside its ``dataset.json``.

    Args:
        path: The file or directory.

    Returns:
        The dataset of the records accepted, with the rejected records and the problems
        of no one record; for every section, ``accepted + rejected == read``.

    Raises:
        antq.errors.DatasetLoadError: When the path does not exist, cannot be read, or
            names no form (a ``.csv`` file alone, for example).
        ExtraNotInstalledError: When a workbook is read without openpyxl.
    """
    target = Path(path)
    try:
        is_directory, exists = target.is_dir(), target.exists()
    except OSError as error:
        raise _path_error(target, f"cannot be read: {error.strerror}") from None
    if is_directory:
        result, _ = _read_directory(target)
        return result
    if not exists:
        raise _path_error(target, "no such file or directory")
    form = _FILE_FORMS.get(target.suffix.lower())
    if form is None:
        reason = (
            "not a dataset: a dataset is a .json file, an .xlsx workbook, or a directory "
            "of .jsonl or .csv section files beside its dataset.json"
        )
        raise _path_error(target, reason)
    if form == "xlsx":
        return _read_workbook(target)
    return _read_json_file(target)


def load(path: str | os.PathLike[str]) -> MovementDataset:
    """
    Read a dataset in any form, strictly: every record must be accepted.

    Args:
        path: The file or directory, as for :func:`read_dataset`.

    Raises:
        antq.errors.DatasetLoadError: When anything was rejected or is wrong; the error
            lists every problem, each placed by file, sheet, row and column.
        ExtraNotInstalledError: When a workbook is read without openpyxl.
    """
    result = read_dataset(path)
    if result.dataset is None or not result.valid:
        raise DatasetLoadError(result.all_problems, source=str(path))
    return result.dataset


def _path_error(path: Path, reason: str) -> DatasetLoadError:
    return DatasetLoadError([LoadProblem("$", None, reason, file=str(path))], source=str(path))


def _read_json_file(path: Path) -> ReadResult:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _path_error(path, f"cannot be read: {error.strerror}") from None
    header, document = _json_header(path, data, allowed=_unknown_key)
    collector = _Collector()
    if isinstance(document, dict):
        for name, cls in SECTIONS:
            records = document.get(name, [])
            if not isinstance(records, list):
                reason = "expected an array of records"
                problem = LoadProblem(f"$.{name}", _clean(records), reason)
                collector.problems.append(header.locate(problem))
                continue
            collector.add(
                name,
                (
                    _json_item(record, cls, RecordPlace(name, str(path), None, index + 1, index))
                    for index, record in enumerate(records)
                ),
            )
    return collector.result(header)


def _read_directory(
    path: Path, *, leave: frozenset[str] = frozenset()
) -> tuple[ReadResult, _DirectoryForm | None]:
    """
    Read a directory of section files; return what was read, and the form of its files.

    The sections in *leave* are not read (a summary streams them itself). The form is
    ``None`` when the directory mixes the two forms.
    """
    try:
        entries = sorted(path.iterdir())
    except OSError as error:
        raise _path_error(path, f"cannot be read: {error.strerror}") from None
    found: dict[str, list[Path]] = {"jsonl": [], "csv": []}
    for entry in entries:
        suffix = _DIRECTORY_SUFFIXES.get(entry.suffix.lower())
        if suffix is not None:
            found[suffix].append(entry)
    collector = _Collector()
    if found["jsonl"] and found["csv"]:
        reason = "the directory holds both .jsonl and .csv section files; keep one form"
        collector.problems.append(LoadProblem("$", None, reason, file=str(path)))
        return collector.result(None), None
    form: _DirectoryForm = "csv" if found["csv"] else "jsonl"
    header = _directory_header(path / _HEADER_FILE, form)
    names = {f"{name}.{form}" for name in _SECTION_NAMES}
    for entry in found[form]:
        if entry.name not in names:
            reason = "unknown section file"
            close = difflib.get_close_matches(entry.name, sorted(names), n=1)
            if close:
                reason += f"; did you mean {close[0]!r}?"
            collector.problems.append(LoadProblem("$", None, reason, file=str(entry)))
    present = {entry.name for entry in found[form]}
    for name, cls in SECTIONS:
        if f"{name}.{form}" in present and name not in leave:
            collector.add(name, _section_items(path, form, cls, name))
    return collector.result(header), form


def _section_items(
    path: Path, form: _DirectoryForm, cls: type[Any], section: str
) -> Iterator[_Item]:
    """
    Read one section file of a directory, record by record.
    """
    reader = _csv_items if form == "csv" else _jsonl_items
    return reader(path / f"{section}.{form}", cls, section)


def _stream_section(
    path: str | os.PathLike[str], section: str, *, form: _DirectoryForm
) -> Iterator[object]:
    """
    Stream the records of one section file of a directory, in constant memory.

    Args:
        path: The directory.
        section: The section (``"tips"``); a missing file is an empty section.
        form: The form of the directory's files.

    Yields:
        Each record of the file: the record when accepted, a :class:`RejectedRecord`
        otherwise. JSON Lines are read by the bulk path.
    """
    file = Path(path) / f"{section}.{form}"
    if not file.exists():
        return
    cls = dict(SECTIONS)[section]
    if form == "jsonl":
        yield from _jsonl_records(file, cls, section)
        return
    for item in _csv_items(file, cls, section):
        yield item.value if isinstance(item, _Accepted) else item


def _directory_header(path: Path, form: str) -> _Header:
    def locate(problem: LoadProblem) -> LoadProblem:
        return attrs.evolve(problem, file=str(path))

    def allowed(key: str) -> str:
        if key in _SECTION_ORDER:
            return f"dataset.json holds the header only; the records go in {key}.{form}"
        return "unknown key"

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        reason = "the directory has no dataset.json (the header: format_version and period)"
        return _unusable_header(locate, reason)
    except OSError as error:
        return _unusable_header(locate, f"cannot be read: {error.strerror}")
    header, _ = _json_header(path, data, allowed=allowed)
    return header


# Reading: Excel workbooks ---------------------------------------------------------------


def _openpyxl() -> ModuleType:
    """
    Import openpyxl, which only the Excel form needs.
    """
    try:
        return importlib.import_module("openpyxl")
    except ImportError:
        msg = "Excel workbooks (.xlsx) need openpyxl: pip install 'antq[excel]'"
        raise ExtraNotInstalledError(msg, name="openpyxl") from None


def _describe(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else ""
    return f"{type(error).__name__}: {text[:200]}" if text else type(error).__name__


class _ExcelCell(Protocol):
    """
    The parts of an openpyxl cell that antq reads.
    """

    value: object
    data_type: str


class _Sheet(Protocol):
    """
    The parts of an openpyxl worksheet (read-only) that antq uses.
    """

    title: str

    def reset_dimensions(self) -> None:
        """
        Forget the size the workbook declares.
        """

    def iter_rows(self) -> Iterable[Sequence[_ExcelCell]]:
        """
        Iterate over the rows.
        """


class _Workbook(Protocol):
    """
    The parts of an openpyxl workbook (read-only) that antq uses.
    """

    worksheets: Sequence[_Sheet]

    def close(self) -> None:
        """
        Close the workbook's file.
        """


_HEADER_CELLS: Mapping[str, _Kind] = {
    "format_version": "integer",
    "period.start": "date",
    "period.end": "date",
    "reporting_unit_code": "text",
    "description": "text",
    "edition": "text",
}


def _read_workbook(path: Path) -> ReadResult:
    openpyxl = _openpyxl()
    collector = _Collector()
    try:
        stream = path.open("rb")
    except OSError as error:
        raise _path_error(path, f"cannot be read: {error.strerror}") from None
    # openpyxl warns of the parts of a workbook it does not read (data validation ...).
    with stream, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook: _Workbook = openpyxl.load_workbook(stream, read_only=True, data_only=False)
        except Exception as error:  # noqa: BLE001 - a broken workbook fails in many ways
            reason = f"not an Excel workbook (.xlsx): {_describe(error)}"
            collector.problems.append(LoadProblem("$", None, reason, file=str(path)))
            return collector.result(None)
        try:
            header = _read_sheets(workbook, path, collector)
        finally:
            workbook.close()
    return collector.result(header)


def _read_sheets(workbook: _Workbook, path: Path, collector: _Collector) -> _Header:
    sheets = {sheet.title: sheet for sheet in workbook.worksheets}
    for title in sheets:
        if title != _HEADER_SHEET and title not in _SECTION_ORDER:
            reason = "unknown sheet"
            close = difflib.get_close_matches(title, [_HEADER_SHEET, *_SECTION_NAMES], n=1)
            if close:
                reason += f"; did you mean {close[0]!r}?"
            collector.problems.append(LoadProblem("$", None, reason, file=str(path), sheet=title))
    if _HEADER_SHEET in sheets:
        rows = _sheet_rows(sheets[_HEADER_SHEET], path, "$")
        try:
            header = _sheet_header(rows, str(path))
        except DatasetLoadError as error:
            header = _Header(None, {}, list(error.problems), lambda problem: problem)
    else:

        def locate(problem: LoadProblem) -> LoadProblem:
            return attrs.evolve(problem, file=str(path))

        reason = "the workbook has no 'dataset' sheet (the header: format_version and period)"
        header = _unusable_header(locate, reason)
    for name, cls in SECTIONS:
        if name in sheets:
            rows = _sheet_rows(sheets[name], path, f"$.{name}")
            collector.add(name, _table_items(rows, cls, name, (str(path), name), _from_excel))
    return header


def _sheet_rows(sheet: _Sheet, path: Path, location: str) -> Iterator[tuple[int, list[object]]]:
    """
    Yield the rows of a sheet, numbered from 1, each cell as its typed value.
    """
    try:
        # The size a workbook declares may be wrong: read every row there is.
        sheet.reset_dimensions()
        for row, cells in enumerate(sheet.iter_rows(), start=1):
            yield row, [_excel_cell(cell) for cell in cells]
    except Exception as error:  # noqa: BLE001 - a broken sheet fails in many ways
        reason = f"the sheet cannot be read: {_describe(error)}"
        problem = LoadProblem(location, None, reason, file=str(path), sheet=sheet.title)
        raise DatasetLoadError([problem], source=str(path)) from None


def _excel_cell(cell: _ExcelCell) -> object:
    value = cell.value
    if cell.data_type == "f":
        text = value if isinstance(value, str) else getattr(value, "text", None)
        return _Refused(str(text or "="), _FORMULA)
    if cell.data_type == "e":
        return _Refused(str(value), "an Excel error value; put the value itself in the cell")
    return value


def _sheet_header(rows: Iterable[tuple[int, Sequence[object]]], file: str) -> _Header:
    """
    Read the header from the rows of the sheet ``dataset``: keys and values.
    """
    document: dict[str, Any] = {}
    rows_of: dict[str, int] = {}
    problems: list[LoadProblem] = []
    failed: list[str] = []

    def locate(problem: LoadProblem) -> LoadProblem:
        key = problem.location.removeprefix("$").lstrip(".")
        row = problem.row if problem.row is not None else rows_of.get(key)
        column = problem.column or (key if row is not None and key else None)
        return attrs.evolve(problem, file=file, sheet=_HEADER_SHEET, row=row, column=column)

    for row, cells in rows:
        if all(_is_empty(cell) for cell in cells):
            continue
        key = "" if _is_empty(cells[0]) else _normalise(str(_shown(cells[0])))
        value = cells[1] if len(cells) > 1 else None
        if row == 1 and (key, _normalise(str(_shown(value)))) == ("key", "value"):
            continue
        if any(not _is_empty(cell) for cell in cells[2:]):
            reason = "the dataset sheet has two columns: key and value"
            problems.append(LoadProblem("$", None, reason, row=row, column=key or None))
        problem = _header_row_problem(key, value, rows_of)
        if problem is not None:
            problems.append(attrs.evolve(problem, row=row, column=key or None))
            continue
        rows_of[key] = row
        if _is_empty(value):
            continue
        try:
            _put(document, tuple(key.split(".")), _from_excel(value, _HEADER_CELLS[key]))
        except _CellError as error:
            problems.append(LoadProblem(f"$.{key}", _shown(value), str(error), row=row, column=key))
            failed.append(key)
    header = _read_header_document(document, locate, failed=failed)
    header.problems[:0] = [locate(problem) for problem in problems]
    return header


def _header_row_problem(key: str, value: object, seen: Mapping[str, int]) -> LoadProblem | None:
    """
    Return what is wrong with the key of a row of the sheet ``dataset``, if anything.
    """
    if key not in _HEADER_CELLS:
        reason = "unknown key" if key else "a value without a key"
        close = difflib.get_close_matches(key, list(_HEADER_CELLS), n=1)
        if key and close:
            reason += f"; did you mean {close[0]!r}?"
        return LoadProblem(f"$.{key}" if key else "$", _shown(value), reason)
    if key in seen:
        return LoadProblem(f"$.{key}", _shown(value), f"{_TWICE}; see row {seen[key]}")
    return None


# Writing --------------------------------------------------------------------------------

#: Characters that an XML file, hence a workbook, cannot hold.
_ILLEGAL_IN_EXCEL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")

_Rows = Iterable[Mapping[str, object]]


def write_dataset(
    dataset: MovementDataset,
    path: str | os.PathLike[str],
    *,
    form: Literal["json", "jsonl", "csv", "xlsx"] | None = None,
    include_informants: bool = False,
) -> None:
    """
    Write a dataset in one of the four forms.

    JSON Lines and CSV files are written one record at a time. Every section is
    written, even when empty; a CSV file or a sheet has every column of its section.

    Args:
        dataset: The dataset.
        path: The file (``.json``, ``.xlsx``) or the directory (created if missing).
        form: ``"json"``, ``"jsonl"``, ``"csv"`` or ``"xlsx"``; told by the suffix of a
            file, required for a directory.
        include_informants: Write informant identities too. Off by default: an
            informant's identity is protected (BLTTHS 2015, Điều 56), and no informant
            column is written at all.

    Raises:
        antq.errors.InvalidValueError: When the form is not given for a directory or
            does not match the file's suffix; when a directory already holds the
            section files of the other directory form; when a workbook cannot hold a
            text (a control character, more than 32,767 characters, or a leading ``=``
            that Excel would read as a formula).
        ExtraNotInstalledError: When a workbook is written without openpyxl.
        OSError: When the file or directory cannot be written.
    """
    target = Path(path)
    chosen = _form_of(target, form, "write_dataset")
    if chosen == "json":
        dump_dataset(dataset, target, include_informants=include_informants)
        return
    unstructure = _converter.converter(include_informants=include_informants).unstructure
    header = _header_of(dataset)
    if chosen == "jsonl":
        sections = (
            (name, (), (unstructure(record) for record in _records(dataset, name)))
            for name in _written_sections(dataset)
        )
        _write_directory(target, chosen, header, sections, owner="write_dataset")
        return
    tables = (
        (
            name,
            _column_names(name, include_informants=include_informants),
            (_flatten(unstructure(record)) for record in _records(dataset, name)),
        )
        for name in _written_sections(dataset)
    )
    if chosen == "csv":
        _write_directory(target, chosen, header, tables, owner="write_dataset")
    else:
        _write_workbook(target, dataset, tables, strict=True)


def write_rejects(
    result: ReadResult,
    path: str | os.PathLike[str],
    *,
    form: Literal["json", "jsonl", "csv", "xlsx"] | None = None,
    include_informants: bool = False,
) -> None:
    """
    Write the rejected records, as read, each with its problems, for the sender to correct.

    The file has the shape of a dataset in the form chosen: the header of the dataset
    read, when it was usable, and every section, holding its rejected records. Each
    record has one more key or column, ``_problems``: its problems, each as
    ``column: reason``, joined by ``"; "``. A table's columns are those of the
    records, as written in the files read.

    Args:
        result: What :func:`read_dataset` found.
        path: The file (``.json``, ``.xlsx``) or the directory (created if missing).
        form: ``"json"``, ``"jsonl"``, ``"csv"`` or ``"xlsx"``; told by the suffix of a
            file, required for a directory.
        include_informants: Write the informant values of the records too. Off by
            default: they are left out.

    Raises:
        antq.errors.InvalidValueError: When the form is not given for a directory or
            does not match the file's suffix, or a directory already holds the section
            files of the other directory form.
        ExtraNotInstalledError: When a workbook is written without openpyxl.
        OSError: When the file or directory cannot be written.
    """
    target = Path(path)
    chosen = _form_of(target, form, "write_rejects")
    header = _header_of(result.dataset) if result.dataset is not None else None
    by_section: dict[str, list[dict[str, object]]] = {name: [] for name in _SECTION_NAMES}
    for rejected in result.rejected:
        record = _record_as_written(rejected, include_informants=include_informants)
        record[_PROBLEMS_COLUMN] = "; ".join(
            f"{problem.column}: {problem.reason}" if problem.column else problem.reason
            for problem in rejected.problems
        )
        by_section[rejected.section].append(record)
    for name in _WRITTEN_WHEN_FILLED:
        if not by_section[name]:
            del by_section[name]
    if chosen == "json":
        document: dict[str, object] = {**(header or {}), **by_section}
        text = json.dumps(document, ensure_ascii=False, indent=2, default=_json_default)
        target.write_text(text + "\n", encoding="utf-8")
        return
    if chosen == "jsonl":
        sections = ((name, (), records) for name, records in by_section.items())
        _write_directory(target, chosen, header, sections, owner="write_rejects")
        return
    tables = [
        (name, *_reject_table(name, records, include_informants=include_informants))
        for name, records in by_section.items()
    ]
    if chosen == "csv":
        _write_directory(target, chosen, header, tables, owner="write_rejects")
    else:
        _write_workbook(target, result.dataset, tables, strict=False)


def _form_of(path: Path, form: _Form | None, owner: str) -> _Form:
    """
    Return the form to write: *form*, checked against the path, or the path's.
    """
    told = _FILE_FORMS.get(path.suffix.lower())
    if form is None:
        if told is None:
            rule = (
                "the form cannot be told from the path: name a .json or .xlsx file, "
                "or pass form='jsonl' or form='csv' for a directory"
            )
            raise InvalidValueError(owner, "form", form, rule)
        return told
    if form not in FORMS:
        raise InvalidValueError(owner, "form", form, "the forms are " + ", ".join(map(repr, FORMS)))
    if form in _FILE_FORMS.values() and told != form:
        raise InvalidValueError(owner, "form", form, f"a {form} dataset is a file named *.{form}")
    return form


def _written_sections(dataset: MovementDataset) -> tuple[str, ...]:
    """
    The sections written for *dataset*: the newer ones only when they hold records.
    """
    return tuple(
        name
        for name in _SECTION_NAMES
        if name not in _WRITTEN_WHEN_FILLED or _records(dataset, name)
    )


def _records(dataset: MovementDataset, section: str) -> tuple[object, ...]:
    owner: object = dataset.registry if section in {"units", "organisations"} else dataset
    records: tuple[object, ...] = getattr(owner, section)
    return records


def _header_of(dataset: MovementDataset) -> dict[str, object]:
    header: dict[str, object] = {
        "format_version": FORMAT_VERSION,
        "period": _converter.converter().unstructure(dataset.period),
    }
    header.update(_header_texts(dataset))
    return header


def _column_names(section: str, *, include_informants: bool) -> tuple[str, ...]:
    return tuple(
        column.name
        for column in _SECTION_COLUMNS[section]
        if include_informants or not column.protected
    )


def _flatten(record: Mapping[str, object], prefix: str = "") -> dict[str, object]:
    """
    Return a record as one row: nested objects flattened with dots, arrays as JSON text.
    """
    flat: dict[str, object] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{name}."))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False, default=_json_default)
        else:
            flat[name] = value
    return flat


def _record_as_written(rejected: RejectedRecord, *, include_informants: bool) -> dict[str, object]:
    hidden = rejected._hidden  # noqa: SLF001 - the informant values, kept for this only
    if include_informants:
        return {**rejected.record, **hidden}
    return {key: value for key, value in rejected.record.items() if key not in hidden}


def _reject_table(
    section: str, records: Sequence[dict[str, object]], *, include_informants: bool
) -> tuple[tuple[str, ...], list[dict[str, object]]]:
    """
    Return the columns and rows of a section's rejected records.
    """
    rows = [_flatten(record) for record in records]
    if not rows:
        names = _column_names(section, include_informants=include_informants)
        return (*names, _PROBLEMS_COLUMN), rows
    columns = dict.fromkeys(name for row in rows for name in row if name != _PROBLEMS_COLUMN)
    return (*columns, _PROBLEMS_COLUMN), rows


def _json_default(value: object) -> object:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _prepare_directory(path: Path, form: str, owner: str) -> None:
    other = "csv" if form == "jsonl" else "jsonl"
    if path.is_dir() and any((path / f"{name}.{other}").exists() for name in _SECTION_NAMES):
        rule = f"the directory holds .{other} section files; write the .{form} files elsewhere"
        raise InvalidValueError(owner, "path", str(path), rule)
    path.mkdir(parents=True, exist_ok=True)


def _write_directory(
    path: Path,
    form: _Form,
    header: Mapping[str, object] | None,
    sections: Iterable[tuple[str, Sequence[str], _Rows]],
    *,
    owner: str,
) -> None:
    """
    Write a JSON Lines or CSV directory, one record at a time.
    """
    _prepare_directory(path, form, owner)
    if header is not None:
        text = json.dumps(header, ensure_ascii=False, indent=2)
        (path / _HEADER_FILE).write_text(text + "\n", encoding="utf-8")
    for name, columns, rows in sections:
        _write_rows(path / f"{name}.{form}", form, columns, rows)


def _json_line(row: object) -> bytes:
    text = json.dumps(row, ensure_ascii=False, separators=(",", ":"), default=_json_default)
    return text.encode("utf-8")


def _write_rows(file: Path, form: _Form, columns: Sequence[str], rows: _Rows) -> None:
    """
    Write one section file, one row at a time: nothing is held but the row written.
    """
    if form == "jsonl":
        # Compact lines; msgspec, when installed, writes the same bytes faster.
        encode = _bulk.encoder(_json_default) or _json_line
        with file.open("wb") as stream:
            for row in rows:
                stream.write(encode(row) + b"\n")
        return
    # The byte order mark tells Excel that the file is UTF-8.
    with file.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_text(row.get(column)) for column in columns])


def write_section(
    path: str | os.PathLike[str],
    section: str,
    records: Iterable[object],
    *,
    include_informants: bool = False,
) -> None:
    """
    Write the records of one section to a JSON Lines or CSV file, as they come.

    The records may be any iterable, a generator reading another file among them: each
    is written as soon as it is read, so a section of millions of records is written in
    constant memory. The lines are those :func:`write_dataset` writes for the section.

    Args:
        path: The file: ``tips.jsonl`` or ``tips.csv`` (the form is told by the suffix).
        section: The section the records belong to (``"tips"``).
        records: The records, of the section's class.
        include_informants: Write informant identities too (off by default).

    Raises:
        antq.errors.InvalidValueError: When the suffix is neither ``.jsonl`` nor
            ``.csv``, or *section* is not a section of a dataset.
        OSError: When the file cannot be written.
    """
    target = Path(path)
    form = _DIRECTORY_SUFFIXES.get(target.suffix.lower())
    if form is None:
        rule = "a section file is a .jsonl or a .csv file"
        raise InvalidValueError("write_section", "path", str(path), rule)
    if section not in _SECTION_ORDER:
        known = ", ".join(_SECTION_NAMES)
        raise InvalidValueError("write_section", "section", section, f"a section is one of {known}")
    unstructure = _converter.converter(include_informants=include_informants).unstructure
    rows: _Rows = (unstructure(record) for record in records)
    columns: tuple[str, ...] = ()
    if form == "csv":
        columns = _column_names(section, include_informants=include_informants)
        rows = (_flatten(row) for row in rows)
    _write_rows(target, form, columns, rows)


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _write_workbook(
    path: Path,
    dataset: MovementDataset | None,
    sections: Iterable[tuple[str, Sequence[str], _Rows]],
    *,
    strict: bool,
) -> None:
    """
    Write a workbook: the sheet ``dataset``, then one sheet per section.

    When *strict*, a text the workbook cannot hold as written is refused; otherwise
    (a rejects file) it is written as near as can be.
    """
    workbook = _openpyxl().Workbook(write_only=True)
    try:
        sheet = workbook.create_sheet(_HEADER_SHEET)
        sheet.append(["key", "value"])
        if dataset is not None:
            cells = {
                "format_version": FORMAT_VERSION,
                "period.start": dataset.period.start,
                "period.end": dataset.period.end,
                "reporting_unit_code": dataset.reporting_unit_code,
                "description": dataset.description,
                "edition": None if dataset.edition is None else dataset.edition.name,
            }
            for key, value in cells.items():
                sheet.append([key, _excel_value(sheet, value, key, strict=strict)])
        for name, columns, rows in sections:
            sheet = workbook.create_sheet(name)
            kinds = {column.name: column.kind for column in _SECTION_COLUMNS[name]}
            sheet.append(list(columns))
            for row in rows:
                values = [row.get(column) for column in columns]
                if strict:
                    # A dataset's dates are ISO text once unstructured: cells hold dates.
                    values = [
                        _typed(value, kinds[column])
                        for column, value in zip(columns, values, strict=True)
                    ]
                sheet.append(
                    [
                        _excel_value(sheet, value, column, strict=strict)
                        for column, value in zip(columns, values, strict=True)
                    ]
                )
    except Exception:
        # Close the sheets' temporary files, written so far, before giving up.
        with contextlib.suppress(Exception):
            workbook.save(BytesIO())
        raise
    workbook.save(path)


def _typed(value: object, kind: _Kind) -> object:
    """
    Return a value of a dataset as a workbook holds it: a date as a date.
    """
    if kind == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def _excel_value(sheet: object, value: object, column: str, *, strict: bool) -> object:
    """
    Return what a workbook cell holds for *value*; check or mend a text.
    """
    if not isinstance(value, str):
        return value
    if strict:
        rule = None
        if _ILLEGAL_IN_EXCEL.search(value):
            rule = "a workbook cannot hold control characters"
        elif len(value) > _CELL_LIMIT:
            rule = f"a workbook cell holds at most {_CELL_LIMIT:,} characters"
        elif value.startswith("="):
            rule = "Excel would read a text starting with '=' as a formula"
        if rule is not None:
            shown = PROTECTED if column.startswith("informant.") else value
            raise InvalidValueError("write_dataset", column, shown, rule)
        return value
    text = _ILLEGAL_IN_EXCEL.sub("\ufffd", value)
    if not text.startswith("="):
        return text
    # Kept as the text it was read as: a rejects file holds no live formula.
    cell = importlib.import_module("openpyxl.cell").WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"
    return cell


_RECORD_PATH = re.compile(r"\$\.(?P<section>\w+)\[(?P<index>[0-9]+)\](?P<rest>.*)")


def locate_findings(report: ValidationReport, result: ReadResult) -> ValidationReport:
    """
    Locate the findings about a dataset's records where the records were read.

    A finding of :func:`antq.validation.validate` points at a record of the dataset
    (``$.sessions[2]``), which holds the accepted records only. This gives it the file,
    sheet, row and column the record was read from, and the record's position among
    the records read, so that its location agrees with those of the rejected records.

    Args:
        report: What :func:`antq.validation.validate` found in ``result.dataset``.
        result: What :func:`read_dataset` read.

    Returns:
        The same findings, located in the files.
    """
    located = []
    for finding in report.findings:
        match = _RECORD_PATH.fullmatch(finding.location)
        places = result.places.get(match["section"], ()) if match else ()
        if match is None or int(match["index"]) >= len(places):
            located.append(finding)
            continue
        place = places[int(match["index"])]
        location = place.base + match["rest"]
        located.append(
            attrs.evolve(
                finding,
                location=location,
                file=place.file,
                sheet=place.sheet,
                row=place.row,
                column=place.column(location),
            )
        )
    return ValidationReport(tuple(located))
