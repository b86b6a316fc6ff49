"""
Tests for the command line (antq.cli).
"""

from __future__ import annotations

import datetime as dt
import json
import runpy
from pathlib import Path

import pytest

import antq
from antq import (
    Edition,
    MovementDataset,
    Succession,
    Unit,
    UnitKind,
    UnitRegistry,
    UnitTable,
    official,
)
from antq.cli import main
from antq.formats import write_dataset
from antq.io import example_path, load_example

EXAMPLE = str(example_path())


def write(path: Path, document: object) -> str:
    """
    Write *document* as JSON to *path* and return the path as text.
    """
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


class TestVersion:
    """
    ``antq --version`` prints the version.
    """

    def test_prints_the_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        The version line names the package and its version, and the exit code is 0.
        """
        code = main(["--version"])

        assert (0, f"antq {antq.__version__}\n") == (code, capsys.readouterr().out)

    def test_help_exits_zero(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        ``--help`` prints the usage and succeeds.
        """
        code = main(["--help"])

        assert (0, True) == (code, "usage: antq" in capsys.readouterr().out)


class TestUsage:
    """
    Wrong arguments exit with 2 and one error line, never a traceback.
    """

    @pytest.mark.parametrize(
        "argv",
        [[], ["check"], ["frobnicate"], ["check", "a.json", "b.json"], ["--nope"]],
        ids=["nothing", "no-file", "unknown-command", "two-files", "unknown-option"],
    )
    def test_wrong_arguments_exit_2(
        self, argv: list[str], capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The exit code is 2 and stderr ends with an ``antq: error:`` line.
        """
        code = main(argv)

        last_line = capsys.readouterr().err.splitlines()[-1]
        assert (2, True) == (code, last_line.startswith("antq: error: "))

    def test_runs_as_a_module(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        ``python -m antq`` runs the same command line and exits with its code.
        """
        monkeypatch.setattr("sys.argv", ["antq", "--version"])

        with pytest.raises(SystemExit) as caught:
            runpy.run_module("antq", run_name="__main__", alter_sys=True)

        assert (0, f"antq {antq.__version__}\n") == (caught.value.code, capsys.readouterr().out)


class TestCheck:
    """
    ``antq check FILE`` loads a dataset and says what it holds.
    """

    def test_valid_file_prints_its_counts(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        The bundled example loads; the output gives the period and the count of each kind.

        The example has no team, fact or recognition: those sections are not listed.
        """
        code = main(["check", EXAMPLE])

        expected = (
            f"{EXAMPLE}: a valid dataset\n"
            "  period: 2016-01-01..2018-05-31\n"
            "  units: 183 (1 province, 1 district, 8 communes, 173 hamlets)\n"
            "  organisations: 6\n"
            "  campaigns: 1\n"
            "  mobilisation sessions: 246\n"
            "  tips: 9921\n"
            "  model groups: 215\n"
            "  reintegration cases: 24\n"
            "  declared tallies: 0\n"
        )
        assert (0, expected) == (code, capsys.readouterr().out)

    def test_lists_a_newer_section_only_when_it_holds_records(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Teams, facts and recognitions are listed after the declared tallies, when filled.
        """
        document = {
            "format_version": 1,
            "period": {"start": "2025-01-01", "end": "2025-12-31"},
            "units": [{"code": "06", "name": "Bắc Kạn", "kind": "province"}],
            "security_teams": [
                {
                    "id": "TBV-1",
                    "commune_code": "01840",
                    "hamlet_codes": ["01840-T01"],
                    "established_on": "2024-07-01",
                    "leaders": 1,
                    "deputies": 1,
                    "members": 3,
                }
            ],
            "assessment_facts": [
                {"unit_code": "01840-T01", "year": 2025, "fact": "plan_adopted", "value": True},
                {"unit_code": "01840-T01", "year": 2025, "fact": "households_total", "value": 90},
            ],
            "recognitions": [{"code": "01840-T01", "year": 2025, "outcome": "not_safe"}],
        }
        path = write(tmp_path / "teams.json", document)

        code = main(["check", path])

        expected = (
            f"{path}: a valid dataset\n"
            "  period: 2025-01-01..2025-12-31\n"
            "  units: 1 (1 province)\n"
            "  organisations: 0\n"
            "  campaigns: 0\n"
            "  mobilisation sessions: 0\n"
            "  tips: 0\n"
            "  model groups: 0\n"
            "  reintegration cases: 0\n"
            "  declared tallies: 0\n"
            "  security-and-order protection teams: 1\n"
            "  facts for recognition: 2\n"
            "  recognitions: 1\n"
        )
        assert (0, expected) == (code, capsys.readouterr().out)

    @pytest.mark.parametrize(
        ("section", "record", "line"),
        [
            (
                "assessment_facts",
                {"unit_code": "06", "year": 2025, "fact": "sabotage", "value": 0},
                "  facts for recognition: 1",
            ),
            (
                "recognitions",
                {"code": "06", "year": 2025, "outcome": "safe"},
                "  recognitions: 1",
            ),
        ],
        ids=["facts", "recognitions"],
    )
    def test_lists_only_the_newer_sections_filled(
        self,
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
        *,
        section: str,
        record: dict[str, object],
        line: str,
    ) -> None:
        """
        One newer section filled is listed, last; the empty ones are not.
        """
        period = {"start": "2025-01-01", "end": "2025-12-31"}
        document = {"format_version": 1, "period": period, section: [record]}
        path = write(tmp_path / "one.json", document)

        code = main(["check", path])

        lines = capsys.readouterr().out.splitlines()
        assert (0, ["  declared tallies: 0", line]) == (code, lines[-2:])

    def test_an_empty_dataset_prints_zero_units(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A dataset with no records is valid and counts nothing.
        """
        period = {"start": "2017-01-01", "end": "2017-12-31"}
        path = write(tmp_path / "empty.json", {"format_version": 1, "period": period})

        code = main(["check", path])

        assert (0, True) == (code, "  units: 0\n" in capsys.readouterr().out)

    def test_invalid_file_exits_1_with_located_problems(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Every problem is printed on stderr with its location; nothing on stdout.
        """
        document = {
            "format_version": 1,
            "period": {"start": "2017-01-01", "end": "2017-12-31"},
            "units": [{"code": "6", "name": "Bắc Kạn", "kind": "province", "x": 1}],
        }
        path = write(tmp_path / "bad.json", document)

        code = main(["check", path])

        output = capsys.readouterr()
        expected_err = (
            f"antq: {path} is not a valid dataset.\n"
            f"2 problem(s) in {path}:\n"
            f"  {path}:1:x: $.units[0].x: unknown key (value: 1)\n"
            f"  {path}:1:code: $.units[0].code: a province code is 2 digits (value: '6')\n"
        )
        assert (1, "", expected_err) == (code, output.out, output.err)

    def test_missing_file_exits_2(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A file that cannot be read is a usage problem, reported in one line.
        """
        path = str(tmp_path / "missing.json")

        code = main(["check", path])

        expected = f"antq: error: cannot read {path}: No such file or directory\n"
        assert (2, expected) == (code, capsys.readouterr().err)

    def test_a_directory_without_a_header_exits_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A directory is read as a dataset of JSON Lines or CSV files: it needs dataset.json.
        """
        code = main(["check", str(tmp_path)])

        assert (1, True) == (code, "has no dataset.json" in capsys.readouterr().err)

    def test_never_prints_an_informant(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Neither the summary nor the problems of a file repeat an informant's identity.
        """
        marker = "MARKER-IDENTITY"
        tip = {
            "id": "T1",
            "received_on": "2017-01-10",
            "receiving_unit_code": "06",
            "channel": "phone",
            "informant": {"full_name": marker, "contact": marker, "address": " "},
        }
        document = {
            "format_version": 1,
            "period": {"start": "2017-01-01", "end": "2017-12-31"},
            "units": [{"code": "06", "name": "Bắc Kạn", "kind": "province"}],
            "tips": [tip],
        }
        path = write(tmp_path / "informant.json", document)
        main(["check", path])
        tip["informant"] = {"full_name": marker}
        main(["check", write(tmp_path / "good.json", document)])

        output = capsys.readouterr()
        assert (False, False) == (marker in output.out, marker in output.err)


class TestReport:
    """
    ``antq report`` prints the figures of a unit and period as officials print them.
    """

    def test_reports_the_bundled_example_by_default(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Without a dataset, the report is the article's paragraph for Bắc Kạn city.
        """
        code = main(["report"])

        expected = (
            0,
            True,
        )
        assert expected == (
            code,
            "Từ năm 2016 đến tháng 5/2018, Công an thành phố Bắc Kạn đã tổ chức tuyên truyền, "
            "phát động được 173 thôn, tổ có trên 10.300 lượt người tham gia, thu về 9.921 "
            "phiếu tố giác tội phạm, trong đó 662 tin có giá trị" in capsys.readouterr().out,
        )

    def test_reports_a_dataset_file_in_english_as_json(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A dataset file, a unit, a period, a breakdown, the language and the form are obeyed.
        """
        path = tmp_path / "example.json"
        path.write_bytes(example_path().read_bytes())

        code = main(
            [
                "report",
                str(path),
                "--unit",
                "01840",
                "--period",
                "2017",
                "--by",
                "month",
                "--lang",
                "en",
                "--format",
                "json",
            ]
        )

        document = json.loads(capsys.readouterr().out)
        expected = (0, "01840", "2017-01-01", 12, "en")
        assert expected == (
            code,
            document["unit"]["code"],
            document["period"]["start"],
            len(document["breakdown"]["rows"]),
            document["language"],
        )

    def test_an_unknown_unit_gets_suggestions(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A code that names no unit exits 2 with the closest codes and names.
        """
        code = main(["report", "--unit", "1840"])

        message = (
            "antq: error: --unit '1840': no unit of the dataset has this code; did you mean "
            "01840 (phường Đức Xuân) or 01849 (xã Dương Quang) or 01846 (phường Huyền Tụng)?\n"
        )
        expected = (2, message)
        assert expected == (code, capsys.readouterr().err)

    def test_a_unit_name_without_diacritics_is_suggested(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A unit's name given as its code finds the unit, diacritics or not.
        """
        main(["report", "--unit", "xuat hoa"])

        assert "01855 (phường Xuất Hóa)" in capsys.readouterr().err

    def test_an_unknown_unit_without_anything_close(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Without a close match, the error says only that the unit is unknown.
        """
        code = main(["report", "--unit", "zzzzzzzz"])

        expected = (2, "antq: error: --unit 'zzzzzzzz': no unit of the dataset has this code\n")
        assert expected == (code, capsys.readouterr().err)

    def test_a_bad_period_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A period that does not parse is one error line naming the option.
        """
        code = main(["report", "--period", "2017-13"])

        expected = (2, "antq: error: --period '2017-13': not a calendar date: a month is 1 to 12\n")
        assert expected == (code, capsys.readouterr().err)

    def test_an_invalid_dataset_exits_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A dataset that does not load is reported with its problems, as by ``check``.
        """
        path = write(tmp_path / "bad.json", {"format_version": 2})

        code = main(["report", path])

        expected = (1, True)
        assert expected == (code, "$.format_version" in capsys.readouterr().err)

    def test_an_unknown_breakdown_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        ``--by`` takes only the known breakdowns; the report command's usage is shown.
        """
        code = main(["report", "--by", "week"])

        err = capsys.readouterr().err
        expected = (2, True, True)
        assert expected == (
            code,
            "invalid choice: 'week'" in err,
            err.startswith("usage: antq report"),
        )


BROKEN = Path(__file__).parent / "data" / "xuat-hoa-2021.json"


class TestValidate:
    """
    ``antq validate`` finds every problem of dataset files, with the rules' codes.
    """

    def test_a_broken_file_exits_1_with_findings_grouped_by_code(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Counts come first, then each code with its findings, located.
        """
        code = main(["validate", str(BROKEN), "--as-of", "2022-11-15"])

        out = capsys.readouterr().out.splitlines()
        head = (
            f"{BROKEN}: INVALID: 8 error(s), 2 warning(s); 16 record(s) read, 15 accepted, "
            "1 rejected"
        )
        expected = (
            1,
            head,
            [
                "F103",
                "C201",
                "C501",
                "T301",
                "T401",
                "T403",
                "T701",
                "G501",
                "D601",
                "X401",
            ],
        )
        assert expected == (
            code,
            out[0],
            [line.split()[0] for line in out[1:] if not line.startswith("    ")],
        )

    def test_locates_a_rejected_record_by_file_row_and_column(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A record refused while reading is located in the file, then by its JSONPath.
        """
        main(["validate", str(BROKEN)])

        expected = (
            f"    {BROKEN}:3:participant_turns: $.sessions[2].participant_turns: "
            "expected an integer, found a string"
        )
        assert expected in capsys.readouterr().out.splitlines()

    def test_locates_a_dataset_finding_where_the_record_was_read(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A rule's finding names the record's row in the file, past the rejected ones.
        """
        main(["validate", str(BROKEN)])

        expected = (
            f"    {BROKEN}:4:place_code: $.sessions[3].place_code: a session is held in a "
            "hamlet or an organisation, not in the commune 01855"
        )
        assert expected in capsys.readouterr().out.splitlines()

    def test_messages_in_vietnamese(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        ``--lang vi`` writes the findings' messages in Vietnamese.
        """
        main(["validate", str(BROKEN), "--lang", "vi"])

        out = capsys.readouterr().out.splitlines()
        expected = (
            f"{BROKEN}: KHÔNG HỢP LỆ: 7 lỗi, 2 cảnh báo; đọc 16 bản ghi, nhận 15, loại 1",
            "  T301 lỗi × 1: trùng mã tin",
        )
        assert expected == (out[0], next(line for line in out if line.startswith("  T301")))

    def test_json_lists_each_dataset_with_its_findings(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The JSON form gives, per dataset, what was read, accepted and rejected, and why.
        """
        code = main(["validate", str(BROKEN), str(example_path()), "--format", "json"])

        document = json.loads(capsys.readouterr().out)
        expected = (1, [False, True], 4, 1, 0)
        assert expected == (
            code,
            [entry["valid"] for entry in document],
            document[0]["read"]["sessions"],
            document[0]["rejected"],
            len(document[1]["findings"]),
        )

    def test_the_example_is_valid(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        The bundled example has no finding: exit 0.
        """
        code = main(["validate", str(example_path()), "--as-of", "2026-11-30"])

        assert (0, True) == (code, "valid: 0 error(s), 0 warning(s)" in capsys.readouterr().out)

    def test_writes_the_rejected_records(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        ``--rejects DIR`` writes each dataset's rejected records, with their reasons.
        """
        main(["validate", str(BROKEN), "--rejects", str(tmp_path / "rejects")])
        capsys.readouterr()

        target = tmp_path / "rejects" / "xuat-hoa-2021.rejects.json"
        written = json.loads(target.read_text(encoding="utf-8"))
        expected = ["S3"]
        assert expected == [record["id"] for record in written["sessions"]]

    def test_rejects_that_cannot_be_written_exit_2(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A rejects directory that cannot be made is one error line.
        """
        blocker = tmp_path / "file"
        blocker.write_text("x", encoding="utf-8")

        code = main(["validate", str(BROKEN), "--rejects", str(blocker)])

        assert (2, True) == (code, "cannot write the rejects" in capsys.readouterr().err)

    @pytest.mark.parametrize(
        ("argv", "words"),
        [
            (["validate", "missing.json"], "cannot read missing.json"),
            (["validate", "README.md"], "cannot read README.md"),
            (["validate", str(BROKEN), "--as-of", "2022-13-01"], "not a calendar day"),
        ],
        ids=["missing", "not-a-dataset-form", "bad-date"],
    )
    def test_unusable_input_exits_2(
        self, argv: list[str], words: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A path that is no dataset, or a bad date, is one error line and exit 2.
        """
        code = main(argv)

        assert (2, True) == (code, words in capsys.readouterr().err)

    def test_an_unreadable_path_does_not_stop_the_others(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The datasets that can be read are still checked; the exit code is then 2.
        """
        code = main(["validate", "missing.json", str(example_path())])

        output = capsys.readouterr()
        expected = (2, True, True)
        assert expected == (
            code,
            "cannot read missing.json" in output.err,
            "valid: 0 error(s)" in output.out,
        )

    def test_a_directory_without_a_header_is_invalid(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Without dataset.json there is no dataset to check, only the file problem.
        """
        code = main(["validate", str(tmp_path)])

        assert (1, True) == (code, "F105 error × 1" in capsys.readouterr().out)

    def test_writes_the_rejects_of_a_directory_in_its_form(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A CSV directory's rejected rows go to a CSV directory named after it.
        """
        source = tmp_path / "commune"
        write_dataset(load_example(), source, form="csv")
        sessions = source / "sessions.csv"
        lines = sessions.read_text(encoding="utf-8-sig").splitlines()
        bad = "S9999,2016-01-01,01834-T01,launch,1.0,0,"
        sessions.write_text("\n".join([*lines, bad]) + "\n", encoding="utf-8")

        code = main(["validate", str(source), "--rejects", str(tmp_path / "out")])

        capsys.readouterr()
        expected = (1, True)
        assert expected == (code, (tmp_path / "out" / "commune.rejects" / "sessions.csv").exists())

    def test_reads_a_csv_directory(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Every form is accepted: the example written as CSV files validates too.
        """
        write_dataset(load_example(), tmp_path / "csv", form="csv")

        code = main(["validate", str(tmp_path / "csv")])

        assert (0, True) == (code, "0 rejected" in capsys.readouterr().out)


def small_table() -> UnitTable:
    """
    Return two editions where one commune has no successor and one no predecessor.
    """
    old = Edition(
        "2024-01",
        UnitRegistry(
            [
                Unit("01", "An Hòa", UnitKind.PROVINCE),
                Unit("001", "Bình Sơn", UnitKind.RURAL_DISTRICT, parent_code="01"),
                Unit("00001", "Cát Tiên", UnitKind.COMMUNE, parent_code="001"),
                Unit("00004", "Dinh Lăng", UnitKind.COMMUNE, parent_code="001"),
            ]
        ),
        in_force_to=dt.date(2024, 12, 31),
    )
    new = Edition(
        "2025-01",
        UnitRegistry(
            [
                Unit("01", "An Hòa", UnitKind.PROVINCE),
                Unit("00001", "Cát Tiên", UnitKind.COMMUNE, parent_code="01"),
                Unit("00010", "Mới", UnitKind.COMMUNE, parent_code="01"),
            ]
        ),
        in_force_from=dt.date(2025, 1, 1),
        successions=[
            Succession("2024-01", code, "2025-01", code, effective=dt.date(2025, 1, 1))
            for code in ("01", "00001")
        ],
    )
    return UnitTable([old, new])


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch) -> None:
    """
    Make the small table the command line's table of official units.
    """
    table = small_table()
    monkeypatch.setattr(official, "table", lambda: table)


class TestUnitsFind:
    """
    ``antq units find NAME`` finds official units by name, in every edition.
    """

    @pytest.mark.parametrize("name", ["xuat hoa", "Xuất Hóa", "Xuất Hoá", "XUẤT HOÁ"])
    def test_finds_a_name_with_or_without_diacritics(
        self, name: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Diacritics, tone-mark placement and case do not matter; each hit has its address.
        """
        code = main(["units", "find", name])

        expected = (
            0,
            (
                "2025-01  01855  phường Xuất Hóa, thành phố Bắc Kạn, tỉnh Bắc Kạn\n"
                "2025-01  05302  xã Xuất Hóa, huyện Lạc Sơn, tỉnh Hòa Bình\n"
            ),
        )
        assert expected == (code, capsys.readouterr().out)

    def test_hits_are_ordered_by_edition_then_name_then_code(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The oldest edition comes first; within it, units of the same name by code.
        """
        main(["units", "find", "bac kan"])

        expected = (
            "2025-01  058    thành phố Bắc Kạn, tỉnh Bắc Kạn\n"
            "2025-01  06     tỉnh Bắc Kạn\n"
            "2025-07  01843  phường Bắc Kạn, tỉnh Thái Nguyên\n"
        )
        assert expected == capsys.readouterr().out

    def test_a_kind_word_narrows_the_search(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        "phường Xuất Hóa" finds the ward, not the commune of the same name.
        """
        main(["units", "find", "phường Xuất Hóa"])

        expected = "2025-01  01855  phường Xuất Hóa, thành phố Bắc Kạn, tỉnh Bắc Kạn\n"
        assert expected == capsys.readouterr().out

    def test_one_edition_as_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        ``--edition`` searches one edition; JSON gives each hit keyed by identifiers.
        """
        code = main(["units", "find", "bac kan", "--edition", "2025-07", "--format", "json"])

        expected = (
            0,
            [
                {
                    "edition": "2025-07",
                    "code": "01843",
                    "name": "Bắc Kạn",
                    "kind": "ward",
                    "parent_code": "19",
                    "address": "phường Bắc Kạn, tỉnh Thái Nguyên",
                }
            ],
        )
        assert expected == (code, json.loads(capsys.readouterr().out))

    def test_no_hit_suggests_close_names(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A name that matches nothing exits 1, suggesting the closest names with addresses.
        """
        code = main(["units", "find", "xuat hoaa", "--edition", "2025-01"])

        output = capsys.readouterr()
        expected = (
            1,
            "",
            (
                "antq: error: no unit of edition 2025-01 is called 'xuat hoaa'; did you mean "
                "2025-01 01855 (phường Xuất Hóa, thành phố Bắc Kạn, tỉnh Bắc Kạn) or "
                "2025-01 05302 (xã Xuất Hóa, huyện Lạc Sơn, tỉnh Hòa Bình) or "
                "2025-01 01392 (thị trấn Xuân Hòa, huyện Hà Quảng, tỉnh Cao Bằng) or "
                "2025-01 02962 (xã Xuân Hòa, huyện Bảo Yên, tỉnh Lào Cai) or "
                "2025-01 08746 (phường Xuân Hòa, thành phố Phúc Yên, tỉnh Vĩnh Phúc)?\n"
            ),
        )
        assert expected == (code, output.out, output.err)

    def test_no_hit_and_nothing_close(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        Without a close name, the error says only that nothing is called so.
        """
        code = main(["units", "find", "zzzzqq"])

        expected = (1, "antq: error: no unit of any edition is called 'zzzzqq'\n")
        assert expected == (code, capsys.readouterr().err)

    def test_an_unknown_edition_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        An edition that does not exist is a usage error naming the known editions.
        """
        code = main(["units", "find", "xuat hoa", "--edition", "2024-01"])

        expected = (
            2,
            (
                "antq: error: --edition '2024-01': no edition of the official units has this "
                "name; known editions: 2025-01, 2025-07\n"
            ),
        )
        assert expected == (code, capsys.readouterr().err)

    def test_a_lookup_is_required(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        ``antq units`` alone shows its usage and exits 2.
        """
        code = main(["units"])

        err = capsys.readouterr().err
        expected = (2, True)
        assert expected == (code, err.startswith("usage: antq units"))


class TestUnitsShow:
    """
    ``antq units show CODE`` shows the unit with a code in each edition, and its history.
    """

    def test_shows_the_unit_in_each_edition(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        The same code names a ward of Bắc Kạn city, then the new phường Bắc Kạn.
        """
        code = main(["units", "show", "01843"])

        expected = (
            0,
            (
                "2025-01  01843  phường Phùng Chí Kiên\n"
                "  kind: phường (ward)\n"
                "  name: Phùng Chí Kiên\n"
                "  address: phường Phùng Chí Kiên, thành phố Bắc Kạn, tỉnh Bắc Kạn\n"
                "  parent: 058 thành phố Bắc Kạn\n"
                "  units below: 0\n"
                "  went into (2025-07): 01843 phường Bắc Kạn (whole)\n"
                "2025-07  01843  phường Bắc Kạn\n"
                "  kind: phường (ward)\n"
                "  name: Bắc Kạn\n"
                "  address: phường Bắc Kạn, tỉnh Thái Nguyên\n"
                "  parent: 19 tỉnh Thái Nguyên\n"
                "  units below: 0\n"
                "  came from (2025-01): 058 thành phố Bắc Kạn (part), 01852 xã Nông Thượng "
                "(whole), 01843 phường Phùng Chí Kiên (whole), 01837 phường Sông Cầu (whole), "
                "01855 phường Xuất Hóa (whole)\n"
            ),
        )
        assert expected == (code, capsys.readouterr().out)

    def test_a_province_in_one_edition_as_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        JSON gives the kind's label, the units below and the successions, by identifiers.
        """
        main(["units", "show", "06", "--edition", "2025-01", "--format", "json"])

        [shown] = json.loads(capsys.readouterr().out)
        expected: tuple[object, ...] = (
            ("2025-01", "06", "Bắc Kạn", "province", "tỉnh", None, "tỉnh Bắc Kạn"),
            8,
            [
                {
                    "edition": "2025-07",
                    "code": "19",
                    "name": "Thái Nguyên",
                    "kind": "province",
                    "parent_code": None,
                    "address": "tỉnh Thái Nguyên",
                    "from_edition": "2025-01",
                    "from_code": "06",
                    "to_edition": "2025-07",
                    "to_code": "19",
                    "effective": "2025-07-01",
                    "whole": True,
                }
            ],
            [],
        )
        assert expected == (
            (
                shown["edition"],
                shown["code"],
                shown["name"],
                shown["kind"],
                shown["kind_label"],
                shown["parent_code"],
                shown["address"],
            ),
            shown["children"],
            shown["successors"],
            shown["predecessors"],
        )

    def test_a_province_has_no_parent(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A province's parent is "none".
        """
        main(["units", "show", "19", "--edition", "2025-07"])

        assert "  parent: none\n" in capsys.readouterr().out

    @pytest.mark.usefixtures("small")
    def test_a_unit_without_history_says_so(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A unit that went nowhere and came from nowhere has no succession recorded.
        """
        main(["units", "show", "00004"])

        assert capsys.readouterr().out.endswith("  history: no succession recorded\n")

    @pytest.mark.parametrize(
        ("argv", "message"),
        [
            (["99999"], "no unit of any edition has the code '99999'"),
            (
                ["01855", "--edition", "2025-07"],
                "no unit of edition 2025-07 has the code '01855'; it is a unit of edition 2025-01",
            ),
            (
                ["99999", "--edition", "2025-07"],
                "no unit of edition 2025-07 has the code '99999'",
            ),
            (
                ["xuat hoa"],
                (
                    "no unit of any edition has the code 'xuat hoa'; a code is made of digits "
                    "(01855): find a unit's code with antq units find NAME"
                ),
            ),
        ],
        ids=["nowhere", "other-edition", "not-in-edition", "a-name"],
    )
    def test_an_unknown_code_exits_1(
        self, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A code no edition holds is one error line, saying where the code is if anywhere.
        """
        code = main(["units", "show", *argv])

        output = capsys.readouterr()
        expected = (1, "", f"antq: error: {message}\n")
        assert expected == (code, output.out, output.err)


class TestUnitsSuccessors:
    """
    ``antq units successors CODE`` says where a unit went.
    """

    def test_a_ward_went_wholly_into_a_new_ward(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        Phường Xuất Hóa went wholly into phường Bắc Kạn on 1 July 2025.
        """
        code = main(["units", "successors", "01855"])

        expected = (
            0,
            (
                "2025-01  01855  phường Xuất Hóa, thành phố Bắc Kạn, tỉnh Bắc Kạn\n"
                "  went into, on 2025-07-01:\n"
                "    2025-07  01843  phường Bắc Kạn, tỉnh Thái Nguyên  (whole)\n"
            ),
        )
        assert expected == (code, capsys.readouterr().out)

    def test_a_split_unit_cannot_be_put_on_one_new_unit(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Phường Cống Vị was split in two: its figures cannot go to one new ward.
        """
        main(["units", "successors", "00007"])

        expected = (
            "2025-01  00007  phường Cống Vị, quận Ba Đình, thành phố Hà Nội\n"
            "  went into, on 2025-07-01:\n"
            "    2025-07  00025  phường Giảng Võ, thành phố Hà Nội  (part)\n"
            "    2025-07  00008  phường Ngọc Hà, thành phố Hà Nội  (part)\n"
            "  split: its figures cannot be put on one new unit (antq report --onto lists "
            "them as not attributable)\n"
        )
        assert expected == capsys.readouterr().out

    def test_a_unit_of_the_newest_edition_has_no_successor(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The new phường Bắc Kạn has gone nowhere yet.
        """
        code = main(["units", "successors", "01843", "--edition", "2025-07"])

        expected = (
            0,
            (
                "2025-07  01843  phường Bắc Kạn, tỉnh Thái Nguyên\n"
                "  no successor: edition 2025-07 is the newest\n"
            ),
        )
        assert expected == (code, capsys.readouterr().out)

    @pytest.mark.usefixtures("small")
    def test_a_unit_without_a_recorded_successor(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A unit of an older edition with no succession says none is recorded.
        """
        main(["units", "successors", "00004"])

        assert capsys.readouterr().out.endswith("  no successor: none is recorded\n")

    def test_json_lists_the_successions(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        Each successor carries its unit and the succession, by identifiers.
        """
        main(["units", "successors", "058", "--format", "json"])

        document = json.loads(capsys.readouterr().out)
        expected = [
            ("01843", "058", "01843", "2025-07-01", False),
            ("01840", "058", "01840", "2025-07-01", False),
            ("01849", "058", "01849", "2025-07-01", False),
        ]
        assert expected == [
            (row["code"], row["from_code"], row["to_code"], row["effective"], row["whole"])
            for row in document
        ]


class TestUnitsPredecessors:
    """
    ``antq units predecessors CODE`` says which old units went into a unit.
    """

    def test_lists_the_old_units_of_a_new_commune(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        Xã Phong Quang took in xã Dương Quang, xã Đôn Phong, and parts of two districts.
        """
        code = main(["units", "predecessors", "01849"])

        expected = (
            0,
            (
                "2025-07  01849  xã Phong Quang, tỉnh Thái Nguyên\n"
                "  came from, on 2025-07-01:\n"
                "    2025-01  063    huyện Bạch Thông, tỉnh Bắc Kạn  (part)\n"
                "    2025-01  058    thành phố Bắc Kạn, tỉnh Bắc Kạn  (part)\n"
                "    2025-01  01849  xã Dương Quang, thành phố Bắc Kạn, tỉnh Bắc Kạn  (whole)\n"
                "    2025-01  01984  xã Đôn Phong, huyện Bạch Thông, tỉnh Bắc Kạn  (whole)\n"
            ),
        )
        assert expected == (code, capsys.readouterr().out)

    def test_a_unit_of_the_oldest_edition_has_no_predecessor(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Phường Xuất Hóa is in the oldest edition only.
        """
        main(["units", "predecessors", "01855"])

        expected = (
            "2025-01  01855  phường Xuất Hóa, thành phố Bắc Kạn, tỉnh Bắc Kạn\n"
            "  no predecessor: edition 2025-01 is the oldest\n"
        )
        assert expected == capsys.readouterr().out

    @pytest.mark.usefixtures("small")
    def test_a_new_unit_without_a_recorded_predecessor(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A unit of a newer edition that no succession leads into says none is recorded.
        """
        main(["units", "predecessors", "00010"])

        assert capsys.readouterr().out.endswith("  no predecessor: none is recorded\n")


def no_edition(tmp_path: Path) -> str:
    """
    Write a dataset that names no edition, and return its path.
    """
    period = {"start": "2017-01-01", "end": "2017-12-31"}
    return write(tmp_path / "no-edition.json", {"format_version": 1, "period": period})


class TestReportOnto:
    """
    ``antq report --onto EDITION`` re-expresses the figures on another edition's units.
    """

    def test_the_example_on_the_units_of_july_2025(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Bắc Kạn city's figures are shown on its three new communes, then the total.
        """
        code = main(["report", "--onto", "2025-07"])

        lines = capsys.readouterr().out.splitlines()
        expected = (
            0,
            [
                ["01843", "phường", "Bắc", "Kạn", "82", "4.774", "114", "4.540", "309", "99"],
                ["01840", "phường", "Đức", "Xuân", "73", "4.594", "108", "4.424", "289", "98"],
                ["01849", "xã", "Phong", "Quang", "18", "978", "24", "957", "64", "18"],
                ["Tổng", "(cả", "bộ", "dữ", "liệu)", "173", "10.346", "246", "9.921", "662", "215"],
            ],
            ["Số liệu không xác định được đơn vị mới:", "Không có."],
        )
        assert expected == (code, [line.split() for line in lines[6:10]], lines[-2:])

    def test_one_new_unit_in_english_as_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        ``--unit`` is a code of the new edition; language and form are obeyed.
        """
        code = main(
            [
                "report",
                "--onto",
                "2025-07",
                "--unit",
                "01849",
                "--period",
                "2017",
                "--lang",
                "en",
                "--format",
                "json",
            ]
        )

        document = json.loads(capsys.readouterr().out)
        expected = (0, ["01849"], "2017-01-01", "en")
        assert expected == (
            code,
            [unit["code"] for unit in document["units"]],
            document["period"]["start"],
            document["language"],
        )

    def test_an_unknown_edition_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        The error names the known editions.
        """
        code = main(["report", "--onto", "2026-01"])

        expected = (
            2,
            (
                "antq: error: --onto '2026-01': no edition of the official units has this name; "
                "known editions: 2025-01, 2025-07\n"
            ),
        )
        assert expected == (code, capsys.readouterr().err)

    def test_a_dataset_without_an_edition_exits_1(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A dataset must name the edition of its units; the error says how to add it.
        """
        path = no_edition(tmp_path)

        code = main(["report", path, "--onto", "2025-07"])

        output = capsys.readouterr()
        expected = (
            1,
            "",
            (
                f"antq: error: {path}: the dataset names no edition of its units; add "
                '"edition" (one of 2025-01, 2025-07) to the dataset file\n'
            ),
        )
        assert expected == (code, output.out, output.err)

    def test_an_unknown_unit_gets_suggestions_from_the_edition(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A code of no unit of the edition exits 2 with the closest codes of the edition.
        """
        code = main(["report", "--onto", "2025-07", "--unit", "1843"])

        expected = (
            2,
            (
                "antq: error: --unit '1843': no unit of edition 2025-07 has this code; did you "
                "mean 31843 (xã Hồng Dân) or 18943 (xã Kim Phú) or 18436 (xã Trường Lưu)?\n"
            ),
        )
        assert expected == (code, capsys.readouterr().err)

    def test_an_old_code_says_where_it_went(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A code of the dataset's own edition points to the unit it went into.
        """
        code = main(["report", "--onto", "2025-07", "--unit", "01855"])

        expected = (
            2,
            (
                "antq: error: --unit '01855': no unit of edition 2025-07 has this code; the "
                "dataset's phường Xuất Hóa (01855) went into 01843 (phường Bắc Kạn)\n"
            ),
        )
        assert expected == (code, capsys.readouterr().err)

    def test_an_old_code_that_went_nowhere(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A unit of the dataset without a successor says so.
        """
        document = {
            "format_version": 1,
            "period": {"start": "2017-01-01", "end": "2017-12-31"},
            "edition": "2025-01",
            "units": [
                {"code": "06", "name": "Bắc Kạn", "kind": "province"},
                {"code": "99999", "name": "Không Có", "kind": "commune", "parent_code": "06"},
            ],
        }
        path = write(tmp_path / "nowhere.json", document)

        code = main(["report", path, "--onto", "2025-07", "--unit", "99999"])

        expected = (
            2,
            (
                "antq: error: --unit '99999': no unit of edition 2025-07 has this code; the "
                "dataset's xã Không Có (99999) went into no unit of edition 2025-07\n"
            ),
        )
        assert expected == (code, capsys.readouterr().err)

    def test_a_breakdown_cannot_be_re_expressed(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        ``--by`` and ``--onto`` exclude each other; the report command's usage is shown.
        """
        code = main(["report", "--onto", "2025-07", "--by", "month"])

        err = capsys.readouterr().err
        expected = (2, True, True)
        assert expected == (
            code,
            err.startswith("usage: antq report"),
            err.endswith("antq: error: argument --by: not allowed with argument --onto\n"),
        )


def ward_dataset(tmp_path: Path, **sections: object) -> str:
    """
    Write a small dataset: a ward of 2017 with two residential groups, and *sections*.
    """
    document = {
        "format_version": 1,
        "period": {"start": "2017-01-01", "end": "2017-12-31"},
        "units": [
            {"code": "06", "name": "Bắc Kạn", "kind": "province"},
            {"code": "058", "name": "Bắc Kạn", "kind": "provincial_city", "parent_code": "06"},
            {"code": "01840", "name": "Đức Xuân", "kind": "ward", "parent_code": "058"},
            {"code": "T01", "name": "Tổ 1", "kind": "residential_group", "parent_code": "01840"},
            {"code": "T02", "name": "Tổ 2", "kind": "residential_group", "parent_code": "01840"},
        ],
        **sections,
    }
    return write(tmp_path / "ward.json", document)


HOUSEHOLDS = [
    {"unit_code": "T01", "year": 2017, "fact": "households_total", "value": 40},
    {"unit_code": "T01", "year": 2017, "fact": "households_committed", "value": 40},
]


class TestAssess:
    """
    ``antq assess`` prints each unit's assessment for a year, criterion by criterion.
    """

    def test_a_hamlet_is_assessed_criterion_by_criterion(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The text names the unit, each criterion with its status and source, and the outcome.
        """
        path = ward_dataset(tmp_path, assessment_facts=HOUSEHOLDS)

        code = main(["assess", path, "--year", "2017", "--unit", "T01"])

        out = capsys.readouterr().out
        expected = (0, True, True, True)
        found = (
            code,
            "- tt23.hamlet.1 met" in out,
            "source: Thông tư 23/2012/TT-BCA" in out,
            out.endswith("undecided: 1\n"),
        )
        assert expected == found

    def test_without_a_dataset_the_example_is_assessed(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Without DATASET, the bundled example's units are assessed.
        """
        code = main(["assess", "--year", "2017", "--unit", "01840-T01"])

        assert (0, "01840-T01 Tổ 1\n") == (code, capsys.readouterr().out.splitlines(True)[0])

    def test_a_criteria_file_fills_a_gap(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        With the gap filled by the criteria file, the hamlet's outcome is decided.
        """
        facts = [*HOUSEHOLDS, {"unit_code": "T01", "year": 2017, "fact": "crimes", "value": 0}]
        path = ward_dataset(tmp_path, assessment_facts=facts)
        criteria = write(
            tmp_path / "criteria.json",
            {
                "gaps": [
                    {
                        "criterion": "tt23.hamlet.2",
                        "source": "Hướng dẫn của Công an tỉnh",
                        "conditions": [{"fact": "crimes", "at_most": 0}],
                    }
                ]
            },
        )

        code = main(["assess", path, "--year", "2017", "--unit", "T01", "--criteria", criteria])

        assert (0, True) == (code, capsys.readouterr().out.endswith("safe: 1\n"))

    def test_a_bad_criteria_file_is_reported_located(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A criteria file that cannot be read as criteria exits 1 with its problems.
        """
        criteria = write(tmp_path / "criteria.json", {"gaps": "none"})

        code = main(["assess", "--year", "2017", "--criteria", criteria])

        err = capsys.readouterr().err
        assert (1, True) == (code, "is not a valid criteria file" in err)

    def test_a_missing_criteria_file_is_a_usage_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A criteria file that does not exist exits 2.
        """
        code = main(["assess", "--year", "2017", "--criteria", str(tmp_path / "no.toml")])

        assert (2, True) == (code, "No such file" in capsys.readouterr().err)

    def test_an_unknown_unit_is_refused_with_close_matches(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A unit the dataset does not hold exits 2 and suggests close codes.
        """
        code = main(["assess", "--year", "2017", "--unit", "01480"])

        assert (2, True) == (code, "did you mean 01840" in capsys.readouterr().err)

    @pytest.mark.parametrize("year", ["17", "2O17", "20170"])
    def test_a_year_is_four_digits(self, year: str, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A --year that is not four digits is a usage error.
        """
        code = main(["assess", "--year", year])

        assert (2, True) == (code, "not a year" in capsys.readouterr().err)

    def test_a_unit_that_cannot_be_assessed_says_why(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A school under Thông tư 23 without its review day is listed as not assessed.
        """
        code = main(["assess", "--year", "2017", "--unit", "TH-01"])

        out = capsys.readouterr().out
        assert (0, True, True) == (
            code,
            out.startswith("TH-01 Trường THPT số 1: not assessed: school_review"),
            out.endswith("not assessed: 1\n"),
        )

    def test_recorded_decisions_are_shown(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A recorded recognition is printed under the unit's assessment.
        """
        decision = {
            "code": "T01",
            "year": 2017,
            "outcome": "safe",
            "decided_on": "2017-11-20",
            "authority": "UBND phường Đức Xuân",
        }
        bare = {"code": "T01", "year": 2017, "outcome": "not_safe"}
        path = ward_dataset(tmp_path, recognitions=[decision, bare])

        main(["assess", path, "--year", "2017", "--unit", "T01"])

        out = capsys.readouterr().out
        expected = (
            "recorded: safe (đạt tiêu chuẩn an toàn về an ninh, trật tự), decided on "
            "2017-11-20 by UBND phường Đức Xuân\n"
        )
        assert (True, True) == (expected in out, "recorded: not_safe (" in out)

    def test_json_lists_each_unit(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """
        The JSON form has one object per unit, with its criteria and its recorded decisions.
        """
        decision = {"code": "T01", "year": 2017, "outcome": "safe", "decided_on": "2017-11-20"}
        path = ward_dataset(tmp_path, assessment_facts=HOUSEHOLDS, recognitions=[decision])

        code = main(["assess", path, "--year", "2017", "--unit", "T01", "--format", "json"])

        [entry] = json.loads(capsys.readouterr().out)
        found = (
            code,
            entry["subject"],
            entry["regime"],
            entry["window"],
            entry["outcome"],
            [c["status"] for c in entry["criteria"]],
            entry["recorded"],
        )
        expected = (
            0,
            "hamlet",
            "tt23_2012",
            {"start": "2016-11-01", "end": "2017-10-31"},
            "undecided",
            ["met", "not_assessable"],
            [{"outcome": "safe", "decided_on": "2017-11-20", "authority": None}],
        )
        assert expected == found

    def test_json_gives_a_refusal(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A unit not assessed has its refusal in the JSON form.
        """
        main(["assess", "--year", "2017", "--unit", "TH-01", "--format", "json"])

        [entry] = json.loads(capsys.readouterr().out)
        assert (True, []) == (entry["refusal"].startswith("school_review"), entry["recorded"])

    def test_a_scope_without_hamlets_or_communes_says_so(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        When nothing in the scope can be assessed, the command says there was no unit.
        """
        document = {
            "format_version": 1,
            "period": {"start": "2017-01-01", "end": "2017-12-31"},
            "units": [{"code": "06", "name": "Bắc Kạn", "kind": "province"}],
        }
        path = write(tmp_path / "province.json", document)

        code = main(["assess", path, "--year", "2017"])

        assert (0, "no unit\n") == (code, capsys.readouterr().out)


def commune_tip(tmp_path: Path, transferred_on: str) -> str:
    """
    Write a dataset of 2022 with one tip received by a commune's police and handed on.
    """
    document = {
        "format_version": 1,
        "period": {"start": "2022-01-01", "end": "2022-12-31"},
        "units": [
            {"code": "06", "name": "Bắc Kạn", "kind": "province"},
            {"code": "058", "name": "Bắc Kạn", "kind": "provincial_city", "parent_code": "06"},
            {"code": "01849", "name": "Dương Quang", "kind": "commune", "parent_code": "058"},
        ],
        "tips": [
            {
                "id": "P1",
                "received_on": "2022-06-01",
                "receiving_unit_code": "01849",
                "channel": "phone",
                "transferred_on": transferred_on,
            }
        ],
    }
    return write(tmp_path / "commune.json", document)


class TestValidateRemoteCommunes:
    """
    ``--remote-communes`` names the communes whose police hand a tip on within 48 hours.
    """

    def test_a_commune_not_listed_is_not_checked(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        Without the option, a commune's transfer has no known limit: no T705.
        """
        code = main(["validate", commune_tip(tmp_path, "2022-06-10")])

        assert (0, False) == (code, "T705" in capsys.readouterr().out)

    @pytest.mark.parametrize(
        ("transferred_on", "late"), [("2022-06-03", False), ("2022-06-04", True)]
    )
    def test_a_listed_commune_has_48_hours(
        self,
        transferred_on: str,
        late: bool,  # noqa: FBT001
        tmp_path: Path,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """
        A remote commune hands a tip on within two days of receipt.
        """
        path = commune_tip(tmp_path, transferred_on)

        main(["validate", path, "--remote-communes", "01840, 01849"])

        assert late == ("T705" in capsys.readouterr().out)

    def test_an_empty_code_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        A list with an empty code is refused with the usage line.
        """
        code = main(["validate", EXAMPLE, "--remote-communes", "01849,,"])

        assert (2, True) == (code, "not a comma-separated list" in capsys.readouterr().err)


@pytest.fixture(scope="module")
def lines(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """
    The bundled example as a directory of JSON Lines.
    """
    directory = tmp_path_factory.mktemp("summarize") / "example"
    write_dataset(load_example(), directory, form="jsonl")
    return directory


class TestSummarize:
    """
    antq summarize: the figures of a dataset straight from its files.
    """

    def test_prints_the_figures_of_a_unit_by_identifier(
        self, lines: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The text form lists each figure, keyed by its identifier, kinds by name.
        """
        code = main(["summarize", str(lines), "--unit", "01840", "--engine", "reference"])
        printed = capsys.readouterr().out.splitlines()
        expected = (0, "sessions: 41", "tips_overdue: 0")
        assert expected == (code, printed[0], printed[-1])

    def test_json_is_the_summarys_figures(
        self, lines: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The JSON form is the object of Summary.figures.
        """
        code = main(["summarize", str(lines), "--format", "json", "--as-of", "2018-05-31"])
        expected = (0, antq.summarize(load_example()).figures())
        assert expected == (code, json.loads(capsys.readouterr().out))

    def test_a_figure_without_kinds_reads_none(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A dataset without slips prints no share, and no kind of group.
        """
        dataset = load_example()
        empty = MovementDataset(dataset.period, dataset.registry)
        write_dataset(empty, tmp_path / "empty", form="jsonl")
        code = main(["summarize", str(tmp_path / "empty")])
        printed = capsys.readouterr().out.splitlines()
        assert (0, "valuable_share: none", "model_groups: none") == (
            code,
            printed[5],
            printed[6],
        )

    def test_an_invalid_dataset_exits_one_with_its_problems(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A record refused is reported, located, and the exit code is 1.
        """
        write_dataset(load_example(), tmp_path / "bad", form="jsonl")
        with (tmp_path / "bad" / "tips.jsonl").open("a", encoding="utf-8") as stream:
            stream.write('{"id": 1}\n')
        code = main(["summarize", str(tmp_path / "bad")])
        err = capsys.readouterr().err
        assert (1, True) == (code, "tips.jsonl:9922:id" in err)

    def test_an_unknown_unit_exits_two(
        self, lines: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A unit the dataset does not hold is a usage error.
        """
        code = main(["summarize", str(lines), "--unit", "99999"])
        assert (2, True) == (code, "--unit: '99999'" in capsys.readouterr().err)

    def test_duckdb_on_a_json_file_exits_two(self, capsys: pytest.CaptureFixture[str]) -> None:
        """
        The DuckDB engine reads only directories of JSON Lines.
        """
        code = main(["summarize", EXAMPLE, "--engine", "duckdb"])
        assert (2, True) == (code, "JSON Lines" in capsys.readouterr().err)

    def test_a_missing_path_exits_two(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        A path that names nothing is a usage error.
        """
        code = main(["summarize", str(tmp_path / "nowhere")])
        assert (2, True) == (code, "No such file or directory" in capsys.readouterr().err)
