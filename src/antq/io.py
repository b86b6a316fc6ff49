"""
The JSON dataset file: reading and writing a whole :class:`~antq.MovementDataset`.

The format is described field by field in the docs (the dataset format page). A file
carries ``format_version``; this version of antq reads and writes version
:data:`FORMAT_VERSION`. Reading is strict and reports every problem at once in one
:class:`~antq.errors.DatasetLoadError`. Informant identities are written only when the
caller passes ``include_informants=True``.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from antq import _converter, official
from antq.campaigns import Campaign, MobilisationSession
from antq.dataset import MovementDataset
from antq.errors import DatasetLoadError, InvalidValueError, LoadProblem, RegistryError
from antq.groups import ModelGroup
from antq.periods import Period
from antq.recognition import AssessmentFact, Recognition
from antq.reintegration import ReintegrationCase
from antq.tallies import DeclaredTally
from antq.teams import SecurityTeam
from antq.tips import TipRecord
from antq.units import Organisation, Unit, UnitRegistry

if TYPE_CHECKING:
    import os
    from collections.abc import Mapping, Sequence
    from importlib.resources.abc import Traversable

__all__ = [
    "EXAMPLE",
    "FORMAT_VERSION",
    "SECTIONS",
    "dataset_from_dict",
    "dataset_to_dict",
    "dump_dataset",
    "dumps_dataset",
    "example_path",
    "load_dataset",
    "load_example",
    "loads_dataset",
]

T = TypeVar("T")

#: The version of the dataset file format that this antq reads and writes.
FORMAT_VERSION = 1

#: The record sections of a dataset file, in the order written, with their classes.
SECTIONS: tuple[tuple[str, type], ...] = (
    ("units", Unit),
    ("organisations", Organisation),
    ("campaigns", Campaign),
    ("sessions", MobilisationSession),
    ("tips", TipRecord),
    ("model_groups", ModelGroup),
    ("reintegration_cases", ReintegrationCase),
    ("declared_tallies", DeclaredTally),
    ("security_teams", SecurityTeam),
    ("assessment_facts", AssessmentFact),
    ("recognitions", Recognition),
)

#: The sections written only when they hold records, so that a file without such
#: records stays readable by an antq that does not know them.
_WRITTEN_WHEN_FILLED = frozenset({"security_teams", "assessment_facts", "recognitions"})

#: The optional text fields of the header, after ``format_version`` and ``period``.
_HEADER_TEXTS = ("reporting_unit_code", "description", "edition")
_KEYS = frozenset({"format_version", "period", *_HEADER_TEXTS}) | {name for name, _ in SECTIONS}


#: The name of the bundled example (the Bắc Kạn city police, 2016 to May 2018).
EXAMPLE = "bac-kan-city-2016-2018"


def example_path() -> Traversable:
    """
    Return where the bundled example dataset file lies inside the installed package.
    """
    return resources.files("antq") / "examples" / f"{EXAMPLE}.json"


def load_example() -> MovementDataset:
    """
    Read the bundled example: the Bắc Kạn city police, 1 January 2016 to 31 May 2018.

    Its units are the official ones; every record below them is synthetic, made so that
    its summary reproduces the figures the police printed (see its ``description``).
    """
    return loads_dataset(example_path().read_bytes(), source=f"{EXAMPLE}.json")


def load_dataset(path: str | os.PathLike[str]) -> MovementDataset:
    """
    Read a dataset file.

    Args:
        path: The file to read (UTF-8 JSON).

    Returns:
        The dataset.

    Raises:
        OSError: When the file cannot be read.
        antq.errors.DatasetLoadError: When the file is not a valid dataset; the error
            lists every problem found, each located.
    """
    data = Path(path).read_bytes()
    return loads_dataset(data, source=str(path))


def loads_dataset(text: str | bytes, *, source: str | None = None) -> MovementDataset:
    """
    Read a dataset from JSON text.

    Args:
        text: The JSON document, as text or UTF-8 bytes.
        source: A name for the input (a file name), used in error messages.

    Raises:
        antq.errors.DatasetLoadError: When the text is not a valid dataset.
    """
    duplicates: list[LoadProblem] = []

    def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for key, value in pairs:
            if key in found:
                reason = "the key appears twice in one object; only one value is allowed"
                duplicates.append(LoadProblem(f"$..{key}", None, reason))
            found[key] = value
        return found

    try:
        if isinstance(text, bytes):
            text = text.decode("utf-8-sig")
        document = json.loads(text, object_pairs_hook=refuse_duplicate_keys)
    except UnicodeDecodeError as error:
        problem = LoadProblem("$", None, f"not UTF-8 text: {error.reason} at byte {error.start}")
        raise DatasetLoadError([problem], source=source) from None
    except json.JSONDecodeError as error:
        reason = f"not JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        raise DatasetLoadError([LoadProblem("$", None, reason)], source=source) from None
    if duplicates:
        raise DatasetLoadError(duplicates, source=source)
    return dataset_from_dict(document, source=source)


def dataset_from_dict(document: object, *, source: str | None = None) -> MovementDataset:
    """
    Build a dataset from a decoded JSON document (dicts, lists, strings, numbers).

    Args:
        document: The decoded document.
        source: A name for the input, used in error messages.

    Raises:
        antq.errors.DatasetLoadError: When the document is not a valid dataset.
    """
    if not isinstance(document, dict):
        problem = LoadProblem("$", None, "a dataset file holds one JSON object")
        raise DatasetLoadError([problem], source=source)
    problems: list[LoadProblem] = [
        LoadProblem(f"$.{key}", document[key], "unknown key")
        for key in document
        if key not in _KEYS
    ]
    problems.extend(_header_problems(document))
    period, texts = _read_header(document, problems)
    sections: dict[str, list[Any]] = {}
    for name, cls in SECTIONS:
        records: list[Any]
        records, section_problems = _structure_section(document.get(name, []), cls, name)
        sections[name] = records
        problems.extend(section_problems)
    registry = None
    if not any(p.location.startswith(("$.units", "$.organisations")) for p in problems):
        try:
            registry = UnitRegistry(sections["units"], organisations=sections["organisations"])
        except RegistryError as error:
            problems.extend(
                LoadProblem(
                    f"$.{p.section}[{p.index}].{p.field}",
                    document[p.section][p.index].get(p.field),
                    p.reason,
                )
                for p in error.problems
            )
    if problems or registry is None or period is None:
        raise DatasetLoadError(_converter.redact(problems), source=source)
    try:
        return MovementDataset(
            period,
            registry,
            **_record_sections(sections),
            **_header_fields(texts),
        )
    except InvalidValueError as error:
        problem = LoadProblem(f"$.{error.field}", document.get(error.field), error.rule)
        raise DatasetLoadError([problem], source=source) from None


def _read_header(
    document: dict[str, Any], problems: list[LoadProblem]
) -> tuple[Period | None, dict[str, str]]:
    """
    Read the period and the optional texts of the header, adding to *problems*.
    """
    texts: dict[str, str] = {}
    for key in _HEADER_TEXTS:
        if document.get(key) is not None:
            text, text_problems = _converter.structure(document[key], str, f"$.{key}")
            problems.extend(text_problems)
            if text is not None:
                texts[key] = text
    edition = texts.get("edition")
    if edition is not None and edition not in official.table().names:
        known = ", ".join(official.table().names)
        reason = f"no edition of the official units has this name; antq knows {known}"
        problems.append(LoadProblem("$.edition", texts.pop("edition"), reason))
    if "period" not in document:
        problems.append(LoadProblem("$.period", None, "required key is missing"))
        return None, texts
    period, period_problems = _converter.structure(document["period"], Period, "$.period")
    problems.extend(period_problems)
    return period, texts


def _record_sections(sections: Mapping[str, Sequence[Any]]) -> dict[str, Any]:
    """
    Return the record sections as keyword arguments of the dataset (the registry apart).
    """
    return {name: sections[name] for name, _ in SECTIONS if name not in _REGISTRY_SECTIONS}


_REGISTRY_SECTIONS = frozenset({"units", "organisations"})


def _header_fields(texts: Mapping[str, str]) -> dict[str, Any]:
    """
    Return the dataset's optional header fields from the texts read (edition resolved).
    """
    edition = texts.get("edition")
    return {
        "reporting_unit_code": texts.get("reporting_unit_code"),
        "description": texts.get("description"),
        "edition": None if edition is None else official.edition(edition),
    }


def _header_texts(dataset: MovementDataset) -> dict[str, str]:
    """
    Return the dataset's optional header fields as texts, leaving out those it has not.
    """
    texts = {
        "reporting_unit_code": dataset.reporting_unit_code,
        "description": dataset.description,
        "edition": None if dataset.edition is None else dataset.edition.name,
    }
    return {key: text for key, text in texts.items() if text is not None}


def _header_problems(document: dict[str, Any]) -> list[LoadProblem]:
    if "format_version" not in document:
        return [LoadProblem("$.format_version", None, "required key is missing")]
    version = document["format_version"]
    if type(version) is not int or version != FORMAT_VERSION:
        reason = f"unsupported format version; this antq reads version {FORMAT_VERSION}"
        return [LoadProblem("$.format_version", version, reason)]
    return []


def _structure_section(
    records: object, cls: type[T], name: str
) -> tuple[list[T], list[LoadProblem]]:
    """
    Structure every record of a section, keeping the good ones and every problem.
    """
    if not isinstance(records, list):
        return [], [LoadProblem(f"$.{name}", records, "expected an array of records")]
    good: list[T] = []
    problems: list[LoadProblem] = []
    for index, record in enumerate(records):
        result, record_problems = _converter.structure(record, cls, f"$.{name}[{index}]")
        if result is None:
            problems.extend(record_problems)
        else:
            good.append(result)
    return good, problems


def dataset_to_dict(
    dataset: MovementDataset, *, include_informants: bool = False
) -> dict[str, Any]:
    """
    Return the dataset as a JSON-ready document (dicts, lists, strings, numbers).

    Args:
        dataset: The dataset.
        include_informants: Write informant identities too. Off by default: an
            informant's identity is protected (BLTTHS 2015, Điều 56).
    """
    unstructure = _converter.converter(include_informants=include_informants).unstructure
    document: dict[str, Any] = {
        "format_version": FORMAT_VERSION,
        "period": unstructure(dataset.period),
    }
    document.update(_header_texts(dataset))
    document.update(
        {
            "units": unstructure(list(dataset.registry.units)),
            "organisations": unstructure(list(dataset.registry.organisations)),
            "campaigns": unstructure(list(dataset.campaigns)),
            "sessions": unstructure(list(dataset.sessions)),
            "tips": unstructure(list(dataset.tips)),
            "model_groups": unstructure(list(dataset.model_groups)),
            "reintegration_cases": unstructure(list(dataset.reintegration_cases)),
            "declared_tallies": unstructure(list(dataset.declared_tallies)),
        }
    )
    for name in sorted(_WRITTEN_WHEN_FILLED, key=[n for n, _ in SECTIONS].index):
        records = getattr(dataset, name)
        if records:
            document[name] = unstructure(list(records))
    return document


def dumps_dataset(
    dataset: MovementDataset, *, include_informants: bool = False, indent: int | None = 2
) -> str:
    """
    Return the dataset as JSON text (UTF-8 characters kept as they are).

    Args:
        dataset: The dataset.
        include_informants: Write informant identities too (off by default).
        indent: The indentation; ``None`` writes one line.
    """
    document = dataset_to_dict(dataset, include_informants=include_informants)
    return json.dumps(document, ensure_ascii=False, indent=indent) + "\n"


def dump_dataset(
    dataset: MovementDataset,
    path: str | os.PathLike[str],
    *,
    include_informants: bool = False,
    indent: int | None = 2,
) -> None:
    """
    Write the dataset to a UTF-8 JSON file.

    Args:
        dataset: The dataset.
        path: The file to write.
        include_informants: Write informant identities too (off by default).
        indent: The indentation; ``None`` writes one line.

    Raises:
        OSError: When the file cannot be written.
    """
    text = dumps_dataset(dataset, include_informants=include_informants, indent=indent)
    Path(path).write_text(text, encoding="utf-8")
