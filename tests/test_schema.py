"""
Tests of the JSON Schemas of antq's files, checked by an independent validator.

The schemas are checked with the ``jsonschema`` package: every dataset antq writes
validates, every document of a table of invalid ones is refused by both antq and the
schema, and the schema never refuses what antq reads.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import hypothesis.strategies as st
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from antq import schema
from antq.cli import main
from antq.errors import DatasetLoadError, InvalidValueError
from antq.io import FORMAT_VERSION, SECTIONS, dataset_to_dict, example_path, loads_dataset
from antq.testing import datasets
from antq.validation import validate

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
Validator = jsonschema.Draft202012Validator


def validator(of: dict[str, Any]) -> jsonschema.Draft202012Validator:
    """
    Return a validator of *of* that checks formats (dates) too.
    """
    return Validator(of, format_checker=Validator.FORMAT_CHECKER)


DATASET = validator(schema.dataset_schema())
ENTITY = {name: validator(schema.entity_schema(name)) for name in schema.ENTITIES}


def antq_reads(document: object) -> bool:
    """
    Tell whether antq reads *document* as a dataset.
    """
    try:
        loads_dataset(json.dumps(document))
    except DatasetLoadError:
        return False
    return True


#: A small valid dataset with a record of every section.
BASE: dict[str, Any] = {
    "format_version": 1,
    "period": {"start": "2024-07-01", "end": "2024-12-31"},
    "reporting_unit_code": "01840",
    "description": "Đức Xuân, the second half of 2024: made up.",
    "units": [
        {"code": "06", "name": "Bắc Kạn", "kind": "province"},
        {"code": "058", "name": "Bắc Kạn", "kind": "provincial_city", "parent_code": "06"},
        {"code": "01840", "name": "Đức Xuân", "kind": "ward", "parent_code": "058"},
        {
            "code": "01840-T01",
            "name": "Tổ 1",
            "kind": "residential_group",
            "parent_code": "01840",
            "local_kind": "tổ",
        },
    ],
    "organisations": [
        {
            "code": "TH-01",
            "name": "Trường THCS Đức Xuân",
            "kind": "school",
            "unit_code": "01840",
            "school_level": "lower_secondary",
        },
        {
            "code": "DN-01",
            "name": "Công ty Minh Anh",
            "kind": "enterprise",
            "unit_code": "01840",
            "enterprise_size": "small",
        },
    ],
    "campaigns": [
        {
            "id": "C1",
            "kind": "launch",
            "title": "Phát động năm 2024",
            "period": {"start": "2024-07-01", "end": "2024-12-31"},
            "organiser_code": "058",
        }
    ],
    "sessions": [
        {
            "id": "S1",
            "held_on": "2024-08-08",
            "place_code": "01840-T01",
            "kind": "propaganda",
            "participant_turns": 45,
            "slips_collected": 3,
            "campaign_id": "C1",
        }
    ],
    "tips": [
        {
            "id": "T1",
            "received_on": "2024-08-08",
            "receiving_unit_code": "01840",
            "channel": "form",
            "origin_code": "01840-T01",
            "session_id": "S1",
            "legal_kind": "denunciation",
            "assessment": "valuable",
            "assessed_on": "2024-08-10",
            "decision": "suspend",
            "decided_on": "2024-08-28",
            "resumed_on": "2024-09-15",
            "extensions": [],
        },
        {
            "id": "T2",
            "received_on": "2024-09-01",
            "receiving_unit_code": "01840",
            "channel": "phone",
            "informant": {"full_name": "Nguyễn Văn An", "contact": "0912 345 678"},
        },
    ],
    "model_groups": [
        {
            "id": "G1",
            "kind": "mediation_group",
            "name": "Tổ hòa giải tổ 1",
            "unit_code": "01840-T01",
            "established_on": "2010-06-01",
            "member_count": 7,
        }
    ],
    "reintegration_cases": [
        {
            "id": "R1",
            "category": "released_prisoner",
            "unit_code": "01840-T01",
            "period": {"start": "2024-07-01", "end": "2024-12-31"},
            "progressed": True,
        }
    ],
    "declared_tallies": [
        {
            "id": "D1",
            "unit_code": "01840",
            "period": {"start": "2024-07-01", "end": "2024-12-31"},
            "figure": "model_groups",
            "value": 2,
            "group_kind": "youth_shock_team",
            "of_total": 4,
            "printed_share": "50%",
        }
    ],
    "security_teams": [
        {
            "id": "A1",
            "commune_code": "01840",
            "hamlet_codes": ["01840-T01"],
            "established_on": "2024-07-01",
            "leaders": 1,
            "deputies": 1,
            "members": 3,
        }
    ],
    "assessment_facts": [
        {"unit_code": "01840-T01", "year": 2024, "fact": "resolution_adopted", "value": True},
        {"unit_code": "01840-T01", "year": 2024, "fact": "households_total", "value": 120},
    ],
    "recognitions": [{"code": "01840-T01", "year": 2024, "outcome": "safe"}],
}

_DELETE = object()


def changed(path: str, value: object = _DELETE) -> dict[str, Any]:
    """
    Return a copy of :data:`BASE` with the value at *path* (``tips.0.assessed_on``) set or deleted.
    """
    document = copy.deepcopy(BASE)
    *parents, last = [int(part) if part.isdigit() else part for part in path.split(".")]
    target: Any = document
    for part in parents:
        target = target[part]
    if value is _DELETE:
        del target[last]
    else:
        target[last] = value
    return document


# --- the files --------------------------------------------------------------------------


class TestFiles:
    """
    The schemas committed under ``schemas/``.
    """

    def test_the_committed_schemas_are_those_the_code_generates(self) -> None:
        """
        The files of ``schemas/`` are what the code generates, none missing or left over.

        Regenerate them with ``antq schema --output-dir schemas``.
        """
        generated = {name: schema.dumps_schema(made) for name, made in schema.schemas().items()}
        committed = {path.name: path.read_text(encoding="utf-8") for path in SCHEMAS.iterdir()}
        hint = "the schemas drifted from the code: run `antq schema --output-dir schemas`"
        assert generated == committed, hint

    @pytest.mark.parametrize("name", sorted(schema.schemas()))
    def test_every_schema_is_a_valid_draft_2020_12_schema(self, name: str) -> None:
        """
        The metaschema of draft 2020-12 accepts each schema.
        """
        Validator.check_schema(schema.schemas()[name])

    @pytest.mark.parametrize("name", sorted(schema.schemas()))
    def test_every_schema_names_its_dialect_and_format_version(self, name: str) -> None:
        """
        Each schema names draft 2020-12 and carries an ``$id`` with the format version.
        """
        made = schema.schemas()[name]
        expected = (schema.DRAFT, f"urn:antq:schema:format-{FORMAT_VERSION}:")
        assert expected == (made["$schema"], made["$id"].rpartition(":")[0] + ":")

    def test_there_is_a_schema_for_every_section_and_the_period(self) -> None:
        """
        The entities are the sections of a dataset file, then the period.
        """
        assert (*(name for name, _ in SECTIONS), "period") == schema.ENTITIES

    def test_the_dataset_schema_pins_the_format_version(self) -> None:
        """
        A dataset file's ``format_version`` must be this antq's version.
        """
        properties = schema.dataset_schema()["properties"]
        assert FORMAT_VERSION == properties["format_version"]["const"]

    def test_an_unknown_entity_is_refused_with_the_known_ones(self) -> None:
        """
        Asking for the schema of no entity names the entities there are.
        """
        with pytest.raises(InvalidValueError, match="the entities are units, organisations"):
            schema.entity_schema("tip")


class TestGenerator:
    """
    What the generator writes of a class's fields.
    """

    def test_a_validator_the_generator_does_not_know_stops_it(self) -> None:
        """
        A new rule is never left out silently: the generator names its field.
        """

        def _even(_instance: object, _attribute: object, value: int) -> None:
            assert value % 2 == 0

        @attrs.frozen
        class Pair:
            """
            Two of a kind.
            """

            count: int = attrs.field(validator=_even)

        with pytest.raises(LookupError, match=r"Pair.count: no schema for the validator"):
            schema._Builder().record(Pair)

    def test_required_fields_are_those_without_a_default(self) -> None:
        """
        A session must give its id, day, place, kind and participant-turns.
        """
        required = ["id", "held_on", "place_code", "kind", "participant_turns"]
        assert required == schema.entity_schema("sessions")["required"]

    def test_enumerations_list_their_identifiers(self) -> None:
        """
        An enumeration's schema lists the glossary's identifiers.
        """
        channel = schema.entity_schema("tips")["$defs"]["TipChannel"]
        assert ["form", "mailbox", "in_person", "phone", "online", "media"] == channel["enum"]

    def test_fields_are_described_from_the_class_docstrings(self) -> None:
        """
        A field's description is its line in the class's ``Args:``, without markup.
        """
        found = schema.entity_schema("recognitions")["properties"]["outcome"]["description"]
        assert "safe or not_safe." == found

    def test_rules_that_compare_dates_are_named_as_left_to_antq(self) -> None:
        """
        The period's schema says that antq alone checks that it does not end before it starts.
        """
        found = schema.entity_schema("period")["$comment"]
        assert "Checked by antq, not by this schema: end is not before start" == found


# --- what the schema accepts ------------------------------------------------------------


def messages(check: jsonschema.Draft202012Validator, document: object) -> list[str]:
    """
    Return the schema's complaints about *document*.
    """
    return [error.message for error in check.iter_errors(document)]


#: Datasets that may hold records of every section.
EVERY_SECTION = datasets(
    max_declared_tallies=3, max_security_teams=2, max_assessment_facts=4, max_recognitions=2
)


class TestValidDocuments:
    """
    What antq writes, the schema accepts.
    """

    def test_the_base_document_is_read_by_antq(self) -> None:
        """
        The document the tables below change is a valid dataset.
        """
        assert antq_reads(BASE)

    def test_the_base_document_validates(self) -> None:
        """
        The schema accepts it.
        """
        assert [] == messages(DATASET, BASE)

    def test_the_bundled_example_validates(self) -> None:
        """
        The schema accepts the bundled example of Bắc Kạn city.
        """
        assert [] == messages(DATASET, json.loads(example_path().read_bytes()))

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(EVERY_SECTION, st.booleans())
    def test_every_generated_dataset_validates_once_written(
        self,
        dataset: Any,
        include_informants: bool,  # noqa: FBT001 - drawn by Hypothesis
    ) -> None:
        """
        Every dataset antq writes, with or without informants, validates as a file.
        """
        document = json.loads(
            json.dumps(dataset_to_dict(dataset, include_informants=include_informants))
        )
        assert [] == messages(DATASET, document)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(EVERY_SECTION)
    def test_every_written_record_validates_against_its_entity(self, dataset: Any) -> None:
        """
        Each written record, and the period, validates against its entity's schema.
        """
        document = json.loads(json.dumps(dataset_to_dict(dataset, include_informants=True)))
        found = messages(ENTITY["period"], document["period"])
        for name, _ in SECTIONS:
            for record in document.get(name, []):
                found.extend(messages(ENTITY[name], record))
        assert [] == found


# --- what the schema refuses ------------------------------------------------------------

#: Documents antq refuses, each for one reason the schema can say too.
INVALID: list[tuple[str, dict[str, Any]]] = [
    ("an unknown key in the header", BASE | {"author": "me"}),
    ("no format version", changed("format_version")),
    ("another format version", changed("format_version", 2)),
    ("the format version as text", changed("format_version", "1")),
    ("no period", changed("period")),
    ("a period without its end", changed("period.end")),
    ("a date in another form", changed("period.start", "01/07/2024")),
    ("a date that is no calendar day", changed("period.end", "2024-02-30")),
    ("a blank description", changed("description", "  ")),
    ("an unknown edition", BASE | {"edition": "2099-01"}),
    ("a reporting unit that is no identifier", changed("reporting_unit_code", "01 840")),
    ("a section that is no array", changed("tips", {})),
    ("a section that is null", changed("tips", None)),
    ("a record that is no object", changed("tips.0", "T1")),
    ("an unknown key in a record", changed("tips.0.note", "x")),
    ("an unknown unit kind", changed("units.0.kind", "state")),
    ("a province code of three digits", changed("units.0.code", "006")),
    ("a commune code of four digits", changed("units.2.code", "1840")),
    ("a province with a parent", changed("units.0.parent_code", "058")),
    ("a commune without a parent", changed("units.2.parent_code")),
    ("a commune whose parent is null", changed("units.2.parent_code", None)),
    ("a local kind word on a commune", changed("units.2.local_kind", "phường")),
    ("a blank name", changed("units.3.name", " ")),
    ("a unit name that is a number", changed("units.3.name", 5)),
    ("a school with an enterprise size", changed("organisations.0.enterprise_size", "small")),
    ("an enterprise with a school level", changed("organisations.1.school_level", "primary")),
    ("a school of the armed forces", changed("organisations.0.armed_forces", True)),
    ("an identifier with a space", changed("campaigns.0.id", "C 1")),
    ("an identifier of 65 characters", changed("campaigns.0.id", "C" * 65)),
    ("an identifier that starts with a dash", changed("sessions.0.campaign_id", "-C1")),
    ("a negative count", changed("sessions.0.participant_turns", -1)),
    ("a count as text", changed("sessions.0.participant_turns", "45")),
    ("a count as a boolean", changed("sessions.0.participant_turns", True)),
    ("a count with a fraction", changed("sessions.0.participant_turns", 4.5)),
    ("a count that is null", changed("sessions.0.slips_collected", None)),
    ("a missing required field", changed("sessions.0.kind")),
    ("an unknown tip channel", changed("tips.0.channel", "fax")),
    ("a pending tip with an assessment date", changed("tips.1.assessed_on", "2024-09-02")),
    ("a tip said pending with an assessment date", changed("tips.0.assessment", "pending")),
    ("an assessed tip without its date", changed("tips.0.assessed_on")),
    ("an assessed tip whose date is null", changed("tips.0.assessed_on", None)),
    ("a decision without its date", changed("tips.0.decided_on")),
    ("a decision date without a decision", changed("tips.1.decided_on", "2024-09-10")),
    ("a resumed tip that was not suspended", changed("tips.0.decision", "prosecute")),
    ("extensions that are no array", changed("tips.0.extensions", {})),
    (
        "an extension without its grantor",
        changed("tips.0.extensions", [{"granted_on": "2024-08-20", "until": "2024-09-20"}]),
    ),
    ("an informant without a name", changed("tips.1.informant", {"contact": "0912"})),
    ("an informant's name as a number", changed("tips.1.informant.full_name", 5)),
    ("an unknown key in an informant", changed("tips.1.informant.age", 40)),
    ("a negative member count", changed("model_groups.0.member_count", -1)),
    ("an unknown model group kind", changed("model_groups.0.kind", "choir")),
    ("progressed as text", changed("reintegration_cases.0.progressed", "yes")),
    ("a tally of model groups without its kind", changed("declared_tallies.0.group_kind")),
    (
        "a tally of model groups with a category",
        changed("declared_tallies.0.category", "released_prisoner"),
    ),
    ("a tally of sessions with a kind of group", changed("declared_tallies.0.figure", "sessions")),
    ("a printed share without its total", changed("declared_tallies.0.of_total")),
    ("an unknown figure", changed("declared_tallies.0.figure", "arrests")),
    ("a team for no hamlet", changed("security_teams.0.hamlet_codes", [])),
    ("a hamlet listed twice", changed("security_teams.0.hamlet_codes", ["01840-T01"] * 2)),
    ("a hamlet code that is no identifier", changed("security_teams.0.hamlet_codes", ["T 1"])),
    ("a year of two digits", changed("assessment_facts.0.year", 24)),
    ("a fact named in capitals", changed("assessment_facts.0.fact", "Resolution")),
    ("a negative fact", changed("assessment_facts.1.value", -1)),
    ("a fact as text", changed("assessment_facts.1.value", "120")),
    ("a recognition left undecided", changed("recognitions.0.outcome", "undecided")),
]


class TestInvalidDocuments:
    """
    What antq refuses, the schema refuses too, where a schema can say it.
    """

    @pytest.mark.parametrize(("reason", "document"), INVALID, ids=[r for r, _ in INVALID])
    def test_antq_refuses_the_document(self, reason: str, document: dict[str, Any]) -> None:
        """
        The document is invalid for antq: the table holds no valid document.
        """
        assert not antq_reads(document), reason

    @pytest.mark.parametrize(("reason", "document"), INVALID, ids=[r for r, _ in INVALID])
    def test_the_schema_refuses_it_too(self, reason: str, document: dict[str, Any]) -> None:
        """
        The schema of the file refuses the same document.
        """
        assert messages(DATASET, document), reason


#: Documents antq does not read for rules no JSON Schema can say: the schema accepts them.
BEYOND: list[tuple[str, dict[str, Any]]] = [
    ("a period that ends before it starts", changed("period.end", "2024-06-30")),
    ("an assessment dated before receipt", changed("tips.0.assessed_on", "2024-08-01")),
    ("a count written with a zero fraction", changed("sessions.0.participant_turns", 45.0)),
]

#: Documents antq reads, whose validation finds errors between records.
BETWEEN_RECORDS: list[tuple[str, dict[str, Any]]] = [
    ("a unit that is not in the registry", changed("model_groups.0.unit_code", "01840-T09")),
    ("two tips with one id", changed("tips.1.id", "T1")),
]


class TestBeyondTheSchema:
    """
    The rules the docs say a schema cannot check: antq refuses, the schema accepts.
    """

    @pytest.mark.parametrize(("reason", "document"), BEYOND, ids=[r for r, _ in BEYOND])
    def test_antq_refuses_what_the_schema_cannot_say(
        self, reason: str, document: dict[str, Any]
    ) -> None:
        """
        The document is not read by antq, and the schema accepts it, as the docs say.
        """
        assert (False, []) == (antq_reads(document), messages(DATASET, document)), reason

    @pytest.mark.parametrize(
        ("reason", "document"), BETWEEN_RECORDS, ids=[r for r, _ in BETWEEN_RECORDS]
    )
    def test_validation_finds_what_lies_between_records(
        self, reason: str, document: dict[str, Any]
    ) -> None:
        """
        The document is read, validation finds errors, and the schema accepts it.
        """
        report = validate(loads_dataset(json.dumps(document)))
        assert (False, []) == (report.valid, messages(DATASET, document)), reason


# --- the schema is never stricter than antq ---------------------------------------------

#: Values a field may be changed to: every JSON type, blanks, bounds, identifiers.
VALUES = st.sampled_from(
    [
        None,
        True,
        False,
        -1,
        0,
        1,
        2024,
        1.5,
        "",
        " ",
        "x",
        "T1",
        "01840",
        "06",
        "2024-08-09",
        "2024-13-01",
        [],
        ["01840-T01"],
        {},
        {"start": "2024-07-01", "end": "2024-12-31"},
        "valuable",
        "pending",
        "suspend",
        "prosecute",
        "model_groups",
        "sessions",
        "agency",
        "school",
        "province",
        "ward",
        "safe",
        "undecided",
    ]
)

#: The fields a record may have, section by section.
FIELDS = {name: [field.name for field in attrs.fields(cls)] for name, cls in SECTIONS}


class TestNeverStricter:
    """
    The schema refuses nothing that antq reads.
    """

    @settings(max_examples=300, deadline=None)
    @given(st.data())
    def test_a_changed_document_that_antq_reads_validates(self, data: st.DataObject) -> None:
        """
        A document antq reads after one field was changed or deleted validates.
        """
        sections = [name for name, _ in SECTIONS if BASE.get(name)]
        section = data.draw(st.sampled_from(sections), label="section")
        index = data.draw(st.integers(0, len(BASE[section]) - 1), label="index")
        field = data.draw(st.sampled_from(FIELDS[section]), label="field")
        record = BASE[section][index]
        deleting = field in record and data.draw(st.booleans(), label="delete")
        value = _DELETE if deleting else data.draw(VALUES, label="value")
        document = changed(f"{section}.{index}.{field}", value)
        if antq_reads(document):
            assert [] == messages(DATASET, document)


# --- the command ------------------------------------------------------------------------


class TestCommand:
    """
    ``antq schema``.
    """

    def test_it_prints_the_schema_of_the_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        Without options it prints the dataset file's schema, as ``schemas/`` holds it.
        """
        code = main(["schema"])
        expected = (SCHEMAS / "dataset.schema.json").read_text(encoding="utf-8")
        assert (0, expected) == (code, capsys.readouterr().out)

    def test_it_prints_the_schema_of_an_entity(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        With ``--entity tips`` it prints the schema of one tip.
        """
        code = main(["schema", "--entity", "tips"])
        expected = (SCHEMAS / "tips.schema.json").read_text(encoding="utf-8")
        assert (0, expected) == (code, capsys.readouterr().out)

    def test_an_unknown_entity_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        ``--entity tip`` exits 2 and names the choices.
        """
        code = main(["schema", "--entity", "tip"])
        assert (2, True) == (code, "(choose from 'units'," in capsys.readouterr().err)

    def test_it_writes_every_schema_into_a_directory(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        With ``--output-dir`` it writes the files of ``schemas/`` and names each.
        """
        code = main(["schema", "--output-dir", str(tmp_path / "out")])
        written = {path.name: path.read_bytes() for path in (tmp_path / "out").iterdir()}
        committed = {path.name: path.read_bytes() for path in SCHEMAS.iterdir()}
        printed = len(capsys.readouterr().out.splitlines())
        assert (0, committed, len(committed)) == (code, written, printed)

    def test_a_directory_that_cannot_be_written_is_a_usage_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A path under a file cannot be a directory: exit 2 with the path, no traceback.
        """
        (tmp_path / "file").write_text("x", encoding="utf-8")
        code = main(["schema", "--output-dir", str(tmp_path / "file" / "out")])
        assert (2, "antq: error: cannot write") == (code, capsys.readouterr().err[:25])


def test_protected_fields_take_the_schema_of_the_validator_they_wrap() -> None:
    """
    An informant's name is a text that is not blank, as the validator ``protected`` wraps says.
    """
    informant = schema.entity_schema("tips")["$defs"]["Informant"]["properties"]
    assert {"type": "string", "pattern": r"\S"} == {
        key: informant["full_name"][key] for key in ("type", "pattern")
    }
