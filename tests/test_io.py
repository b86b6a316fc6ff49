"""
Tests for the JSON dataset format (antq.io) and its strict converter.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings

from antq import (
    DatasetLoadError,
    Informant,
    LoadProblem,
    MovementDataset,
    Period,
    TipChannel,
    TipRecord,
    Unit,
    UnitKind,
    UnitRegistry,
    official,
)
from antq.io import (
    FORMAT_VERSION,
    SECTIONS,
    dataset_from_dict,
    dataset_to_dict,
    dump_dataset,
    dumps_dataset,
    load_dataset,
    load_example,
    loads_dataset,
)
from antq.recognition import Outcome
from antq.testing import datasets

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    Document = dict[str, Any]

#: The sections written only when they hold records.
NEWER = ["security_teams", "assessment_facts", "recognitions"]


def valid_document() -> Document:
    """
    Return a small valid dataset document with one record of every kind.
    """
    return {
        "format_version": 1,
        "period": {"start": "2016-01-01", "end": "2018-05-31"},
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
                "code": "THPT-BK",
                "name": "Trường THPT Bắc Kạn",
                "kind": "school",
                "unit_code": "01840",
                "school_level": "upper_secondary",
            }
        ],
        "campaigns": [
            {
                "id": "C1",
                "kind": "peak_crackdown",
                "title": "Cao điểm tấn công, trấn áp tội phạm Tết 2017",
                "period": {"start": "2017-01-01", "end": "2017-02-28"},
                "organiser_code": "058",
            }
        ],
        "sessions": [
            {
                "id": "S1",
                "held_on": "2017-01-10",
                "place_code": "01840-T01",
                "kind": "propaganda",
                "participant_turns": 60,
                "slips_collected": 1,
                "campaign_id": "C1",
            }
        ],
        "tips": [
            {
                "id": "T1",
                "received_on": "2017-01-10",
                "receiving_unit_code": "01840",
                "channel": "form",
                "origin_code": "01840-T01",
                "session_id": "S1",
                "legal_kind": "denunciation",
                "assessment": "valuable",
                "assessed_on": "2017-01-20",
                "decision": "prosecute",
                "decided_on": "2017-03-01",
                "extensions": [
                    {"granted_on": "2017-01-25", "until": "2017-03-10", "granted_by": "procuracy"}
                ],
                "informant": {"full_name": "Nguyễn Văn Bí Mật", "contact": "0900000000"},
            }
        ],
        "model_groups": [
            {
                "id": "G1",
                "kind": "mediation_group",
                "name": "Tổ hòa giải tổ 1",
                "unit_code": "01840-T01",
                "established_on": "2015-06-01",
                "member_count": 7,
            }
        ],
        "reintegration_cases": [
            {
                "id": "R-0001",
                "category": "released_prisoner",
                "unit_code": "01840-T01",
                "period": {"start": "2017-01-01", "end": "2017-12-31"},
                "progressed": True,
            }
        ],
        "declared_tallies": [
            {
                "id": "K1",
                "unit_code": "058",
                "period": {"start": "2016-01-01", "end": "2016-12-31"},
                "figure": "model_groups",
                "value": 12,
                "group_kind": "youth_shock_team",
                "source": "Báo cáo số 12/BC-CAT",
            }
        ],
        "security_teams": [
            {
                "id": "TBV-01840-1",
                "commune_code": "01840",
                "hamlet_codes": ["01840-T01"],
                "established_on": "2024-07-01",
                "leaders": 1,
                "deputies": 1,
                "members": 3,
            }
        ],
        "assessment_facts": [
            {"unit_code": "01840-T01", "year": 2017, "fact": "plan_adopted", "value": True},
            {
                "unit_code": "01840-T01",
                "year": 2017,
                "fact": "households_total",
                "value": 118,
                "source": "Sổ hộ khẩu tổ 1",
            },
        ],
        "recognitions": [
            {
                "code": "01840-T01",
                "year": 2017,
                "outcome": "safe",
                "decided_on": "2017-12-20",
                "authority": "UBND phường Đức Xuân",
            }
        ],
        "reporting_unit_code": "058",
        "description": "A small dataset with one record of every kind.",
    }


def load_problems(document: object) -> list[LoadProblem]:
    """
    Return the problems found when loading *document*; fail if it loads.
    """
    with pytest.raises(DatasetLoadError) as caught:
        dataset_from_dict(document)
    return list(caught.value.problems)


def changed(change: Callable[[Document], object]) -> Document:
    """
    Return a valid document after *change* was applied to a copy of it.
    """
    document = copy.deepcopy(valid_document())
    change(document)
    return document


def put(path: str, value: object) -> Callable[[Document], None]:
    """
    Return a change that sets the value at a dotted path (``tips.0.received_on``).
    """

    def change(document: Document) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value

    return change


def drop(path: str) -> Callable[[Document], None]:
    """
    Return a change that removes the key at a dotted path.
    """

    def change(document: Document) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]

    return change


class TestReading:
    """
    A valid document becomes a dataset with every record.
    """

    def test_reads_every_section(self) -> None:
        """
        Each section's records are read, one for one.
        """
        dataset = dataset_from_dict(valid_document())

        expected = {
            "units": 4,
            "organisations": 1,
            "campaigns": 1,
            "sessions": 1,
            "tips": 1,
            "model_groups": 1,
            "reintegration_cases": 1,
            "declared_tallies": 1,
            "security_teams": 1,
            "assessment_facts": 2,
            "recognitions": 1,
        }
        assert expected == dataset.record_counts()

    def test_reads_the_newer_records_with_their_types(self) -> None:
        """
        A team's hamlets are a tuple, a fact's value a boolean or an integer as written.
        """
        dataset = dataset_from_dict(valid_document())

        team, recognition = dataset.security_teams[0], dataset.recognitions[0]
        assert (("01840-T01",), dt.date(2024, 7, 1), None) == (
            team.hamlet_codes,
            team.established_on,
            team.dissolved_on,
        )
        assert [(True, bool), (118, int)] == [
            (fact.value, type(fact.value)) for fact in dataset.assessment_facts
        ]
        assert (Outcome.SAFE, dt.date(2017, 12, 20)) == (
            recognition.outcome,
            recognition.decided_on,
        )

    def test_reads_enums_by_identifier_and_dates_as_dates(self) -> None:
        """
        Identifiers become enumeration members and ISO texts become dates.
        """
        tip = dataset_from_dict(valid_document()).tips[0]

        assert (TipChannel.FORM, dt.date(2017, 1, 10)) == (tip.channel, tip.received_on)

    def test_reads_the_informant(self) -> None:
        """
        An informant in the file is kept in memory.
        """
        tip = dataset_from_dict(valid_document()).tips[0]

        assert Informant("Nguyễn Văn Bí Mật", contact="0900000000") == tip.informant

    def test_sections_may_be_left_out(self) -> None:
        """
        A document without record sections is an empty dataset.
        """
        document = {"format_version": 1, "period": {"start": "2017-01-01", "end": "2017-12-31"}}

        dataset = dataset_from_dict(document)

        assert MovementDataset(Period.year(2017), UnitRegistry(())) == dataset

    def test_a_null_header_text_is_no_text(self) -> None:
        """
        ``reporting_unit_code`` and ``description`` may be null, as if left out.
        """
        document = changed(put("reporting_unit_code", None))
        put("description", None)(document)

        dataset = dataset_from_dict(document)

        assert (None, None) == (dataset.reporting_unit_code, dataset.description)

    def test_a_null_edition_is_no_edition(self) -> None:
        """
        ``edition`` may be null, as if left out.
        """
        assert None is dataset_from_dict(changed(put("edition", None))).edition

    @pytest.mark.parametrize("name", ["2025-01", "2025-07"])
    def test_the_edition_is_the_bundled_edition_of_that_name(self, name: str) -> None:
        """
        The header's ``edition`` names a bundled edition; the dataset holds that edition.
        """
        dataset = dataset_from_dict(changed(put("edition", name)))

        assert official.edition(name) is dataset.edition

    def test_an_unknown_edition_is_refused_naming_the_editions_known(self) -> None:
        """
        An edition antq does not know is a problem at ``$.edition``, with the names it knows.
        """
        problems = load_problems(changed(put("edition", "2024-01")))

        reason = "no edition of the official units has this name; antq knows 2025-01, 2025-07"
        assert [("$.edition", "2024-01", reason)] == [
            (p.location, p.value, p.reason) for p in problems
        ]

    def test_an_unknown_edition_is_reported_beside_other_problems(self) -> None:
        """
        The edition is checked with the rest of the header and the records.
        """
        document = changed(put("edition", "2024-01"))
        put("tips.0.received_on", "2017-02-30")(document)

        expected = ["$.edition", "$.tips[0].received_on"]
        assert expected == [p.location for p in load_problems(document)]

    def test_a_reporting_unit_outside_the_registry_is_refused(self) -> None:
        """
        The reporting unit must be one of the dataset's units.
        """
        problems = load_problems(changed(put("reporting_unit_code", "01843")))

        expected = [("$.reporting_unit_code", "01843")]
        assert expected == [(p.location, p.value) for p in problems]

    def test_reads_utf8_bytes_with_a_byte_order_mark(self) -> None:
        """
        The BOM that Excel and Notepad write does not stop reading.
        """
        data = b"\xef\xbb\xbf" + json.dumps(valid_document()).encode()

        assert dataset_from_dict(valid_document()) == loads_dataset(data)

    def test_load_dataset_reads_a_file(self, tmp_path: Path) -> None:
        """
        ``load_dataset`` reads the file at a path.
        """
        path = tmp_path / "dataset.json"
        path.write_text(json.dumps(valid_document(), ensure_ascii=False), encoding="utf-8")

        assert dataset_from_dict(valid_document()) == load_dataset(path)

    def test_a_missing_file_is_an_os_error(self, tmp_path: Path) -> None:
        """
        A file that cannot be read raises the operating system's error, not a load error.
        """
        with pytest.raises(FileNotFoundError):
            load_dataset(tmp_path / "missing.json")

    def test_the_bundled_example_loads(self) -> None:
        """
        The example dataset shipped in the package is valid.
        """
        dataset = load_example()

        assert (9921, 662) == (len(dataset.tips), sum(tip.is_valuable for tip in dataset.tips))

    def test_the_bundled_example_names_edition_2025_01(self) -> None:
        """
        The example's units are those of the list of early 2025.
        """
        assert official.edition("2025-01") is load_example().edition


INVALID = [
    # (change, expected location, words expected in the reason)
    (put("sessions.0.participant_turns", "60"), "$.sessions[0].participant_turns", "integer"),
    (put("sessions.0.participant_turns", 1.9), "$.sessions[0].participant_turns", "integer"),
    (put("sessions.0.participant_turns", True), "$.sessions[0].participant_turns", "integer"),
    (put("sessions.0.participant_turns", -1), "$.sessions[0].participant_turns", "negative"),
    (
        put("reintegration_cases.0.progressed", "false"),
        "$.reintegration_cases[0].progressed",
        "boolean",
    ),
    (put("reintegration_cases.0.progressed", 0), "$.reintegration_cases[0].progressed", "boolean"),
    (put("units.2.name", 5), "$.units[2].name", "string"),
    (put("units.2.name", "  "), "$.units[2].name", "blank"),
    (put("units.2.code", "1840"), "$.units[2].code", "5 digits"),
    (put("units.2.kind", "Ward"), "$.units[2].kind", "did you mean 'ward'"),
    (put("units.2.kind", "xyz"), "$.units[2].kind", "expected one of"),
    (put("units.2.kind", 3), "$.units[2].kind", "identifier"),
    (put("units.2.extra", 1), "$.units[2].extra", "unknown key"),
    (drop("units.2.name"), "$.units[2].name", "missing"),
    (put("units.2.parent_code", "999"), "$.units[2].parent_code", "unknown parent"),
    (put("units.3.parent_code", "058"), "$.units[3].parent_code", "sits under a commune"),
    (put("units.3.code", "01840"), "$.units[3].code", "duplicate"),
    (put("organisations.0.unit_code", "00000"), "$.organisations[0].unit_code", "unknown unit"),
    (
        put("organisations.0.enterprise_size", "small"),
        "$.organisations[0].enterprise_size",
        "only an enterprise",
    ),
    (put("tips.0.received_on", "2017-1-10"), "$.tips[0].received_on", "YYYY-MM-DD"),
    (put("tips.0.received_on", "2017-01-10T08:00"), "$.tips[0].received_on", "YYYY-MM-DD"),
    (put("tips.0.received_on", "20170110"), "$.tips[0].received_on", "YYYY-MM-DD"),
    (put("tips.0.received_on", "2017-02-30"), "$.tips[0].received_on", "calendar date"),
    (put("tips.0.received_on", None), "$.tips[0].received_on", "found null"),
    (
        put("tips.0.assessed_on", "2017-01-01"),
        "$.tips[0].assessed_on",
        "before the tip was received",
    ),
    (drop("tips.0.decided_on"), "$.tips[0].decided_on", "go together"),
    (put("tips.0.extensions", {"granted_on": "2017-01-25"}), "$.tips[0].extensions", "array"),
    (
        put("tips.0.extensions.0.granted_by", "court"),
        "$.tips[0].extensions[0].granted_by",
        "ExtensionGrantor",
    ),
    (put("tips.0.informant.full_name", ""), "$.tips[0].informant.full_name", "blank"),
    (put("period.end", "2015-01-01"), "$.period.end", "cannot end before it starts"),
    (drop("period"), "$.period", "missing"),
    (put("tips", {}), "$.tips", "array"),
    (put("tips.0", "T1"), "$.tips[0]", "expected an object, found a string"),
    (put("tips.0.extensions.0", None), "$.tips[0].extensions[0]", "expected an object, found null"),
    (put("period", "2016..2018"), "$.period", "expected an object"),
    (put("format_version", 2), "$.format_version", "unsupported format version"),
    (put("format_version", "1"), "$.format_version", "unsupported format version"),
    (drop("format_version"), "$.format_version", "missing"),
    (put("tipz", []), "$.tipz", "unknown key"),
    (put("reporting_unit_code", 58), "$.reporting_unit_code", "expected a string"),
    (put("reporting_unit_code", "0 58"), "$.reporting_unit_code", "identifier"),
    (put("description", " "), "$.description", "blank"),
    (put("edition", 202501), "$.edition", "expected a string"),
    (put("edition", "2025-1"), "$.edition", "no edition of the official units"),
    (put("edition", " "), "$.edition", "no edition of the official units"),
    (drop("declared_tallies.0.group_kind"), "$.declared_tallies[0].group_kind", "names its kind"),
    (put("declared_tallies.0.figure", "tips"), "$.declared_tallies[0].figure", "TallyFigure"),
    (put("security_teams.0.members", -1), "$.security_teams[0].members", "negative"),
    (put("security_teams.0.leaders", 1.0), "$.security_teams[0].leaders", "integer"),
    (
        put("security_teams.0.hamlet_codes", "01840-T01"),
        "$.security_teams[0].hamlet_codes",
        "expected an array, found a string",
    ),
    (put("security_teams.0.hamlet_codes", []), "$.security_teams[0].hamlet_codes", "at least one"),
    (
        put("security_teams.0.hamlet_codes", ["01840-T01", "01840-T01"]),
        "$.security_teams[0].hamlet_codes",
        "listed twice",
    ),
    (
        put("security_teams.0.hamlet_codes", ["Tổ 1"]),
        "$.security_teams[0].hamlet_codes",
        "not an identifier",
    ),
    (
        put("security_teams.0.dissolved_on", "2024-06-30"),
        "$.security_teams[0].dissolved_on",
        "cannot be dissolved before it is set up",
    ),
    (drop("security_teams.0.commune_code"), "$.security_teams[0].commune_code", "missing"),
    (put("security_teams.0.size", 5), "$.security_teams[0].size", "unknown key"),
    (
        put("assessment_facts.0.value", 1.5),
        "$.assessment_facts[0].value",
        "expected true, false or an integer, found a number",
    ),
    (
        put("assessment_facts.0.value", "true"),
        "$.assessment_facts[0].value",
        "expected true, false or an integer, found a string",
    ),
    (
        put("assessment_facts.0.value", None),
        "$.assessment_facts[0].value",
        "expected true, false or an integer, found null",
    ),
    (
        put("assessment_facts.1.value", -1),
        "$.assessment_facts[1].value",
        "a fact is true, false or a whole number from 0",
    ),
    (put("assessment_facts.0.year", "2017"), "$.assessment_facts[0].year", "integer"),
    (put("assessment_facts.0.fact", "Plan"), "$.assessment_facts[0].fact", "lower-case letters"),
    (put("assessment_facts.1.source", " "), "$.assessment_facts[1].source", "blank"),
    (put("recognitions.0.outcome", "undecided"), "$.recognitions[0].outcome", "never undecided"),
    (put("recognitions.0.outcome", "đạt"), "$.recognitions[0].outcome", "Outcome identifier"),
    (put("recognitions.0.decided_on", "20/12/2017"), "$.recognitions[0].decided_on", "YYYY-MM-DD"),
    (drop("recognitions.0.year"), "$.recognitions[0].year", "missing"),
    (put("recognitions", {}), "$.recognitions", "array"),
]


class TestStrictness:
    """
    Every invalid value is refused with its location, never coerced.
    """

    @pytest.mark.parametrize(
        ("change", "location", "words"),
        INVALID,
        ids=[f"{location}:{words}" for _, location, words in INVALID],
    )
    def test_refuses_invalid_value(
        self, change: Callable[[Document], object], location: str, words: str
    ) -> None:
        """
        The invalid value is reported at its location with the rule it breaks.
        """
        problems = load_problems(changed(change))

        assert [location] == [problem.location for problem in problems]
        assert words in problems[0].reason

    def test_a_document_that_is_not_an_object_is_refused(self) -> None:
        """
        A JSON array at the top is not a dataset.
        """
        assert ["$"] == [problem.location for problem in load_problems([])]

    def test_reports_every_problem_at_once(self) -> None:
        """
        Problems in different records and sections are all listed, in document order.
        """
        document = changed(put("sessions.0.participant_turns", "60"))
        put("tips.0.channel", "sms")(document)
        put("model_groups.0.member_count", -3)(document)

        expected = [
            "$.sessions[0].participant_turns",
            "$.tips[0].channel",
            "$.model_groups[0].member_count",
        ]
        assert expected == [problem.location for problem in load_problems(document)]

    def test_reports_unknown_keys_beside_the_record_rules(self) -> None:
        """
        A record with an unknown key is still checked against its own rules.
        """
        document = changed(put("tips.0.extensions.0.note", "x"))
        put("tips.0.remark", "y")(document)
        put("tips.0.assessed_on", "2016-01-01")(document)

        expected = [
            "$.tips[0].extensions[0].note",
            "$.tips[0].remark",
            "$.tips[0].assessed_on",
        ]
        assert expected == [problem.location for problem in load_problems(document)]

    def test_reports_the_offending_value_as_read(self) -> None:
        """
        A problem carries the raw value found in the file.
        """
        problems = load_problems(changed(put("tips.0.received_on", "2017-1-10")))

        assert "2017-1-10" == problems[0].value

    def test_the_error_message_lists_every_problem_with_its_source(self) -> None:
        """
        The error's text names the source and each problem's location, reason and value.
        """
        document = changed(put("sessions.0.participant_turns", "60"))
        with pytest.raises(DatasetLoadError) as caught:
            dataset_from_dict(document, source="bac-kan.json")

        expected = (
            "1 problem(s) in bac-kan.json:\n"
            "  $.sessions[0].participant_turns: expected an integer, found a string "
            "(value: '60')"
        )
        assert expected == str(caught.value)

    def test_a_load_error_is_a_value_error(self) -> None:
        """
        Callers may catch ``ValueError``.
        """
        with pytest.raises(ValueError, match="problem"):
            dataset_from_dict([])

    def test_invalid_json_is_located_by_line_and_column(self) -> None:
        """
        Text that is not JSON is one problem naming the line and column.
        """
        with pytest.raises(DatasetLoadError) as caught:
            loads_dataset('{\n  "format_version": 1,\n}')

        assert "line 3, column 1" in caught.value.problems[0].reason

    def test_text_that_is_not_utf8_is_refused(self) -> None:
        """
        Bytes that are not UTF-8 are one problem, not a decoding traceback.
        """
        with pytest.raises(DatasetLoadError) as caught:
            loads_dataset(b'{"format_version": 1, "period": "\xff"}')

        assert "not UTF-8" in caught.value.problems[0].reason

    def test_a_key_written_twice_is_refused(self) -> None:
        """
        JSON readers differ on repeated keys, so a repeated key is a problem.
        """
        with pytest.raises(DatasetLoadError) as caught:
            loads_dataset('{"format_version": 1, "format_version": 1}')

        assert ["$..format_version"] == [p.location for p in caught.value.problems]


class TestWriting:
    """
    Writing produces the documented format and reads back unchanged.
    """

    def test_writes_the_format_version_and_every_section(self) -> None:
        """
        The document starts with its header and lists every section that holds records.
        """
        document = dataset_to_dict(dataset_from_dict(valid_document()))

        expected = [
            "format_version",
            "period",
            "reporting_unit_code",
            "description",
            *(name for name, _ in SECTIONS),
        ]
        assert (expected, FORMAT_VERSION) == (list(document), document["format_version"])

    def test_writes_the_older_sections_even_when_empty(self) -> None:
        """
        Every older section is written, empty or not; the newer ones only with records.
        """
        dataset = MovementDataset(
            Period.year(2017), UnitRegistry([Unit("06", "Bắc Kạn", UnitKind.PROVINCE)])
        )

        document = dataset_to_dict(dataset)

        older = [name for name, _ in SECTIONS if name not in NEWER]
        assert ["format_version", "period", *older] == list(document)
        assert [[]] * 7 == [document[name] for name in older[1:]]

    @pytest.mark.parametrize("section", NEWER)
    def test_writes_a_newer_section_only_when_it_holds_records(self, section: str) -> None:
        """
        Without records, a newer section has no key: an older antq still reads the file.
        """
        full = dataset_from_dict(valid_document())
        changes: dict[str, Any] = {section: ()}

        document = dataset_to_dict(attrs.evolve(full, **changes), include_informants=True)

        others = [name for name in NEWER if name != section]
        assert (False, others) == (section in document, [k for k in document if k in NEWER])
        assert attrs.evolve(full, **changes) == dataset_from_dict(document)

    def test_writes_the_fact_values_as_json_booleans_and_numbers(self) -> None:
        """
        ``true`` and ``118`` are written as JSON, and read back with their types.
        """
        text = dumps_dataset(dataset_from_dict(valid_document()), indent=None)

        assert '"value": true}' in text
        assert '"value": 118,' in text
        assert [bool, int] == [type(f.value) for f in loads_dataset(text).assessment_facts]

    def test_writes_the_editions_name_after_the_header_texts(self) -> None:
        """
        A dataset on an edition writes its name, ``edition``, after the description.
        """
        dataset = attrs.evolve(
            dataset_from_dict(valid_document()), edition=official.edition("2025-01")
        )

        document = dataset_to_dict(dataset)

        header = ["format_version", "period", "reporting_unit_code", "description", "edition"]
        assert (header, "2025-01") == (list(document)[:5], document["edition"])

    def test_a_dataset_without_an_edition_writes_no_key(self) -> None:
        """
        No ``edition`` key, not a null one, for a dataset that names no edition.
        """
        assert "edition" not in dataset_to_dict(dataset_from_dict(valid_document()))

    @pytest.mark.parametrize("name", ["2025-01", "2025-07"])
    def test_the_edition_round_trips(self, name: str) -> None:
        """
        Written and read back, the dataset names the same edition.
        """
        dataset = attrs.evolve(dataset_from_dict(valid_document()), edition=official.edition(name))

        assert dataset == loads_dataset(dumps_dataset(dataset, include_informants=True))

    def test_leaves_out_fields_that_hold_their_default(self) -> None:
        """
        Optional fields left at their default are not written.
        """
        dataset = MovementDataset(
            Period.year(2017),
            UnitRegistry([Unit("06", "Bắc Kạn", UnitKind.PROVINCE)]),
        )

        assert [{"code": "06", "name": "Bắc Kạn", "kind": "province"}] == dataset_to_dict(dataset)[
            "units"
        ]

    def test_round_trips_the_example_document(self) -> None:
        """
        Reading what was written gives the same dataset, informants included on request.
        """
        dataset = dataset_from_dict(valid_document())

        text = dumps_dataset(dataset, include_informants=True)

        assert dataset == loads_dataset(text)

    def test_keeps_vietnamese_text_unescaped(self) -> None:
        """
        Diacritics are written as they are, not escaped.
        """
        text = dumps_dataset(dataset_from_dict(valid_document()))

        assert "Đức Xuân" in text

    def test_writes_one_line_without_indent(self) -> None:
        """
        ``indent=None`` writes the document on one line.
        """
        text = dumps_dataset(dataset_from_dict(valid_document()), indent=None)

        assert 1 == text.count("\n")

    def test_dump_dataset_writes_a_utf8_file(self, tmp_path: Path) -> None:
        """
        ``dump_dataset`` writes what ``dumps_dataset`` returns.
        """
        dataset = dataset_from_dict(valid_document())
        path = tmp_path / "out.json"

        dump_dataset(dataset, path)

        assert dumps_dataset(dataset) == path.read_text(encoding="utf-8")


MARKER = "MARKER-IDENTITY"


def dataset_with_secret_informant() -> MovementDataset:
    """
    Return the valid dataset whose informant's every field holds a marker text.
    """
    document = changed(
        put(
            "tips.0.informant",
            {"full_name": MARKER, "contact": MARKER, "address": MARKER},
        )
    )
    return dataset_from_dict(document)


class TestInformantProtection:
    """
    An informant's identity leaves the library only when asked for by name.
    """

    def test_not_in_the_default_document(self) -> None:
        """
        ``dataset_to_dict`` leaves the informant out by default.
        """
        document = dataset_to_dict(dataset_with_secret_informant())

        assert "informant" not in document["tips"][0]

    def test_not_in_the_default_text(self) -> None:
        """
        ``dumps_dataset`` never writes the identity by default.
        """
        assert MARKER not in dumps_dataset(dataset_with_secret_informant())

    def test_not_in_the_default_file(self, tmp_path: Path) -> None:
        """
        ``dump_dataset`` never writes the identity by default.
        """
        path = tmp_path / "out.json"

        dump_dataset(dataset_with_secret_informant(), path)

        assert MARKER not in path.read_text(encoding="utf-8")

    def test_not_in_any_repr(self) -> None:
        """
        The dataset's, the tip's and the informant's ``repr`` hide the identity.
        """
        dataset = dataset_with_secret_informant()
        tip = dataset.tips[0]

        reprs = [repr(dataset), repr(tip), repr(tip.informant), str(tip)]
        assert [] == [text for text in reprs if MARKER in text]

    def test_written_when_asked_for_by_name(self) -> None:
        """
        ``include_informants=True`` writes the identity.
        """
        document = dataset_to_dict(dataset_with_secret_informant(), include_informants=True)

        expected = {"full_name": MARKER, "contact": MARKER, "address": MARKER}
        assert expected == document["tips"][0]["informant"]

    def test_not_in_a_load_error(self) -> None:
        """
        A problem inside an informant reports where it is, never the identity.
        """
        document = changed(put("tips.0.informant", {"full_name": MARKER, "contact": 5}))
        with pytest.raises(DatasetLoadError) as caught:
            dataset_from_dict(document)

        assert MARKER not in str(caught.value)
        assert "$.tips[0].informant.contact" == caught.value.problems[0].location

    def test_not_in_a_load_error_from_the_informant_rules(self) -> None:
        """
        A value the informant refuses is not repeated in the error.
        """
        document = changed(put("tips.0.informant", {"full_name": MARKER, "address": " "}))
        with pytest.raises(DatasetLoadError) as caught:
            dataset_from_dict(document)

        assert "<protected>" == caught.value.problems[0].value

    def test_a_tip_without_informant_is_anonymous(self) -> None:
        """
        Leaving the informant out of a file reads back as an anonymous tip.
        """
        dataset = dataset_from_dict(changed(drop("tips.0.informant")))

        assert TipRecord is type(dataset.tips[0])
        assert dataset.tips[0].is_anonymous


class TestRoundTripProperties:
    """
    Every generated dataset survives the JSON format.
    """

    @given(datasets())
    @settings(max_examples=50)
    def test_every_dataset_round_trips_with_its_informants(self, dataset: MovementDataset) -> None:
        """
        Written with ``include_informants=True`` and read back, a dataset is unchanged.
        """
        assert dataset == loads_dataset(dumps_dataset(dataset, include_informants=True))

    @given(datasets())
    @settings(max_examples=50)
    def test_every_dataset_round_trips_without_its_informants(
        self, dataset: MovementDataset
    ) -> None:
        """
        Written by default and read back, a dataset is unchanged but for its informants.
        """
        anonymous = attrs.evolve(
            dataset, tips=[attrs.evolve(tip, informant=None) for tip in dataset.tips]
        )

        assert anonymous == loads_dataset(dumps_dataset(dataset))

    @given(datasets(edition=official.edition("2025-01"), max_tips=6, max_sessions=4))
    @settings(max_examples=10)
    def test_every_dataset_on_an_edition_round_trips(self, dataset: MovementDataset) -> None:
        """
        A dataset drawn on the bundled edition 2025-01 reads back with its edition.
        """
        assert dataset == loads_dataset(dumps_dataset(dataset, include_informants=True))

    @given(datasets(min_tips=1))
    @settings(max_examples=50)
    def test_no_informant_field_leaves_by_default(self, dataset: MovementDataset) -> None:
        """
        No informant's name, contact or address appears in the default document.
        """
        marked = attrs.evolve(
            dataset,
            tips=[
                attrs.evolve(tip, informant=Informant(MARKER, contact=MARKER, address=MARKER))
                for tip in dataset.tips
            ],
        )

        assert MARKER not in dumps_dataset(marked)
