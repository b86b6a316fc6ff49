"""
Tests for reports (antq.report): the article's paragraph, tables, JSON and privacy.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import TYPE_CHECKING

import attrs
import pytest

from antq import (
    CampaignKind,
    DeclaredTally,
    Edition,
    Informant,
    InvalidValueError,
    Language,
    MobilisationSession,
    ModelGroupKind,
    MovementDataset,
    Period,
    ReintegrationCase,
    ReintegrationCategory,
    Succession,
    TallyFigure,
    TipChannel,
    TipDecision,
    TipLegalKind,
    TipRecord,
    Unit,
    UnitKind,
    UnitRegistry,
    UnknownUnitError,
    official,
    summarize,
)
from antq.io import load_example
from antq.report import (
    CATEGORIES_EN,
    GROUPS_EN,
    ORGANISATIONS_EN,
    MappedReport,
    Predecessor,
    Report,
    make_mapped_report,
    make_report,
    narrative,
    render_mapped_report,
    render_report,
)

if TYPE_CHECKING:
    from antq.report import Format

ARTICLE_VI = (
    "Từ năm 2016 đến tháng 5/2018, Công an thành phố Bắc Kạn đã tổ chức tuyên truyền, "
    "phát động được 173 thôn, tổ có trên 10.300 lượt người tham gia, thu về 9.921 phiếu "
    "tố giác tội phạm, trong đó 662 tin có giá trị phục vụ công tác đấu tranh phòng chống "
    "tội phạm. Duy trì và nhân rộng các mô hình, điển hình tiên tiến trong phong trào toàn "
    "dân bảo vệ an ninh Tổ quốc, củng cố 58 tổ tự quản về an ninh trật tự, 05 đội thanh "
    "niên xung kích, 126 tổ hòa giải, 20 tổ tự quản về đô thị và vệ sinh môi trường, 01 "
    "câu lạc bộ bạn giúp bạn, 05 nhóm phòng, chống bạo lực gia đình."
)

ARTICLE_EN = (
    "From 2016 to May 2018, the police of Bắc Kạn city held propaganda sessions and "
    "launched the movement in 173 villages and residential groups, with over 10,300 "
    "participant-turns, and collected 9,921 crime-denunciation slips, of which 662 were "
    "information of value for fighting crime. The movement's model groups were kept up: "
    "58 self-management groups on security and order, 5 youth shock teams, 126 mediation "
    'groups, 20 self-management groups on urban order and sanitation, 1 "friends help '
    'friends" club and 5 domestic-violence prevention groups.'
)


@cache
def example() -> MovementDataset:
    """
    Return the bundled example, read once.
    """
    return load_example()


@cache
def example_report(by: str | None = None) -> Report:
    """
    Return the report of the bundled example, optionally broken down.
    """
    return make_report(example(), by=by)


class TestNarrative:
    """
    The paragraph is written in the form of the police's own reports.
    """

    def test_reproduces_the_article_in_vietnamese(self) -> None:
        """
        The first two sentences are the article's, figure for figure.
        """
        assert narrative(example_report()).startswith(ARTICLE_VI)

    def test_reproduces_the_article_in_english(self) -> None:
        """
        The English paragraph gives the same figures in English number style.
        """
        assert narrative(example_report(), lang="en").startswith(ARTICLE_EN)

    def test_reports_reintegration_and_organisations(self) -> None:
        """
        People helped and organisations taking part get a sentence each.
        """
        text = narrative(example_report())

        expected = (True, True)
        assert expected == (
            "Cảm hóa, giáo dục, giúp đỡ 24 người tái hòa nhập cộng đồng" in text,
            "được đẩy mạnh trong 02 cơ quan, 02 doanh nghiệp, 02 cơ sở giáo dục." in text,
        )

    def test_says_so_when_nothing_was_held(self) -> None:
        """
        A period without sessions or slips says that nothing was recorded.
        """
        report = make_report(example(), period=Period.year(2020))

        expected = (True, True)
        assert expected == (
            narrative(report).startswith(
                "Trong năm 2020, Công an thành phố Bắc Kạn chưa có số liệu tuyên truyền, phát động."
            ),
            narrative(report, lang="en").startswith(
                "In 2020, the police of Bắc Kạn city recorded no propaganda or launch sessions."
            ),
        )

    def test_a_hamlet_speaks_in_its_own_name(self) -> None:
        """
        A hamlet has no police of its own: the paragraph names the hamlet.
        """
        report = make_report(example(), unit="01840-T01")

        assert narrative(report).startswith("Từ năm 2016 đến tháng 5/2018, Tổ 1 đã")

    def test_the_whole_dataset_speaks_for_its_units(self) -> None:
        """
        Without a reporting unit, the paragraph speaks of every unit.
        """
        dataset = attrs.evolve(example(), reporting_unit_code=None)

        assert "Công an thành phố" not in narrative(make_report(dataset))
        assert "the units held" in narrative(make_report(dataset), lang="en")


class TestTables:
    """
    Text and Markdown reports hold a title, the paragraph, and tables.
    """

    def test_text_report_lists_every_figure(self) -> None:
        """
        The table gives the exact figures, the valuable share as a ratio and a percentage.
        """
        text = render_report(example_report())

        expected = [True, True, True, True]
        assert expected == [
            "Lượt người tham gia" in text and "10.346" in text,
            "662 (662/9.921, 6,67%)" in text,
            "Đội thanh niên xung kích" in text,
            text.startswith("Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc"),
        ]

    def test_markdown_report_has_a_heading_and_pipe_tables(self) -> None:
        """
        Markdown starts with a level-one heading and writes tables with pipes.
        """
        text = render_report(example_report(), format="markdown")

        expected = (True, True)
        assert expected == (
            text.startswith("# "),
            "| Tin có giá trị | 662 (662/9.921, 6,67%) |" in text,
        )

    def test_breakdown_by_commune_has_a_row_per_commune_and_a_total(self) -> None:
        """
        Eight communes and wards, then the total.
        """
        text = render_report(example_report("commune"), format="markdown")

        rows = [
            line for line in text.splitlines() if line.startswith(("| Phường", "| Xã", "| Tổng"))
        ]
        assert 9 == len(rows)
        assert "| Tổng | 173 | 10.346 | 9.921 | 662 | 215 |" == rows[-1]

    def test_breakdown_by_year_names_each_year(self) -> None:
        """
        Rows by time are named by their period phrase.
        """
        text = render_report(example_report("year"), lang="en")

        expected = (True, True)
        assert expected == ("\n2016 " in text, "From January 2018 to May 2018" in text)

    def test_a_period_without_records_shows_zeros_and_no_share(self) -> None:
        """
        Without slips there is no share to print, and no row for people helped.
        """
        text = render_report(make_report(example(), period=Period.year(2020)), lang="en")

        expected = (True, False, False)
        assert expected == (
            any(line.split() == ["Tips", "of", "value", "0"] for line in text.splitlines()),
            "%" in text,
            "People who progressed" in text,
        )

    def test_english_rows_use_english_names(self) -> None:
        """
        Every kind of group, person and organisation has an English name.
        """
        expected = (13, 5, 3)
        assert expected == (len(GROUPS_EN), len(CATEGORIES_EN), len(ORGANISATIONS_EN))


class TestJson:
    """
    The JSON report is keyed by the glossary's identifiers.
    """

    def test_figures_are_keyed_by_identifiers(self) -> None:
        """
        The figures, the unit and the period are machine-readable.
        """
        document = json.loads(render_report(example_report(), format="json"))

        expected = (173, 10346, 9921, 662, "662/9921", 5, "058")
        assert expected == (
            document["figures"]["hamlets_mobilised"],
            document["figures"]["participant_turns"],
            document["figures"]["slips_collected"],
            document["figures"]["valuable_tips"],
            document["figures"]["valuable_share"],
            document["figures"]["model_groups"]["youth_shock_team"],
            document["unit"]["code"],
        )

    def test_breakdown_rows_carry_their_figures(self) -> None:
        """
        Each row of a breakdown has its key, name, period and figures.
        """
        document = json.loads(render_report(example_report("commune"), format="json"))

        first = document["breakdown"]["rows"][0]
        expected = ("commune", "01834", "Nguyễn Thị Minh Khai", 25)
        assert expected == (
            document["breakdown"]["by"],
            first["key"],
            first["name"],
            first["figures"]["hamlets_mobilised"],
        )

    def test_no_breakdown_is_null(self) -> None:
        """
        Without a breakdown the key holds null.
        """
        assert json.loads(render_report(example_report(), format="json"))["breakdown"] is None


class TestTallies:
    """
    Declared tallies that are set aside are reported, not dropped in silence.
    """

    def test_a_tally_over_records_is_noted(self) -> None:
        """
        A tally of slips for a ward that has slip records is set aside, with a note.
        """
        tally = DeclaredTally("K1", "01840", Period.year(2017), TallyFigure.SLIPS_COLLECTED, 412)
        dataset = attrs.evolve(example(), declared_tallies=[tally])

        report = make_report(dataset)
        expected = (9921, True, True)
        assert expected == (
            report.summary.slips_collected,
            "'K1'" in render_report(report),
            "set aside" in render_report(report, lang="en"),
        )

    def test_a_tally_of_another_unit_or_period_is_not_noted(self) -> None:
        """
        A report notes only the tallies set aside within its unit and period.
        """
        tally = DeclaredTally("K1", "01840", Period.year(2017), TallyFigure.SLIPS_COLLECTED, 412)
        dataset = attrs.evolve(example(), declared_tallies=[tally])

        expected = ((), ())
        assert expected == (
            make_report(dataset, unit="01843").overlaps,
            make_report(dataset, period=Period.year(2016)).overlaps,
        )

    def test_a_tally_under_another_is_noted_with_its_rival(self) -> None:
        """
        Of two nested tallies, the one set aside is noted with the one that counts.
        """
        kind = ModelGroupKind.FIRE_PREVENTION_TEAM
        city = DeclaredTally(
            "K2", "058", Period.year(2017), TallyFigure.MODEL_GROUPS, 3, group_kind=kind
        )
        ward = attrs.evolve(city, id="K1", unit_code="01840", value=1)
        report = make_report(attrs.evolve(example(), declared_tallies=[ward, city]))

        expected = (True, True)
        assert expected == (
            "không được tính: trùng với số liệu khai báo khác 'K2'." in render_report(report),
            "set aside: tally 'K2' counts the same figure." in render_report(report, lang="en"),
        )

    def test_a_tally_without_records_counts(self) -> None:
        """
        A tally of a kind that no record counts adds to the figures.
        """
        tally = DeclaredTally(
            "K2",
            "058",
            Period.year(2017),
            TallyFigure.MODEL_GROUPS,
            3,
            group_kind=ModelGroupKind.FIRE_PREVENTION_TEAM,
        )
        report = make_report(attrs.evolve(example(), declared_tallies=[tally]))

        assert 3 == report.summary.model_groups_by_kind[ModelGroupKind.FIRE_PREVENTION_TEAM]

    def test_a_tally_spanning_several_rows_is_noted(self) -> None:
        """
        A yearly tally in a monthly breakdown counts in the total only, and says so.
        """
        tally = DeclaredTally(
            "K3",
            "058",
            Period.year(2017),
            TallyFigure.MODEL_GROUPS,
            3,
            group_kind=ModelGroupKind.FIRE_PREVENTION_TEAM,
        )
        report = make_report(attrs.evolve(example(), declared_tallies=[tally]), by="month")

        expected = (1, True)
        assert expected == (
            report.unapportioned,
            "1 declared tally spans several rows and counts in the total only"
            in render_report(report, lang="en"),
        )


class TestPrivacy:
    """
    No report names an informant or a person helped to reintegrate.
    """

    @pytest.mark.parametrize("form", ["text", "markdown", "json"])
    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_no_identity_in_any_form(self, form: str, lang: str) -> None:
        """
        Informants' identities and reintegration case ids appear in no report.
        """
        marker = "MARKER-IDENTITY"
        dataset = example()
        tips = [
            attrs.evolve(tip, informant=Informant(marker, contact=marker, address=marker))
            for tip in dataset.tips[:50]
        ]
        marked = attrs.evolve(dataset, tips=[*tips, *dataset.tips[50:]])
        report = make_report(marked, by="commune")

        text = render_report(report, lang=lang, format=form)  # type: ignore[arg-type]

        case_ids = {case.id for case in dataset.reintegration_cases}
        expected: tuple[bool, list[str]] = (False, [])
        assert expected == (marker in text, [i for i in case_ids if i in text])


class TestArguments:
    """
    Unknown languages and forms are refused by name.
    """

    @pytest.mark.parametrize(
        ("options", "field"),
        [({"lang": "fr"}, "lang"), ({"format": "pdf"}, "format")],
        ids=["lang", "format"],
    )
    def test_refuses_unknown_options(self, options: dict[str, str], field: str) -> None:
        """
        The error names the option refused.
        """
        with pytest.raises(InvalidValueError) as info:
            render_report(example_report(), **options)  # type: ignore[arg-type]
        assert field == info.value.field

    def test_a_period_is_reported_as_asked(self) -> None:
        """
        A period narrower than the dataset's counts only its days.
        """
        report = make_report(example(), period=Period.month(2016, 1))

        expected = (Period(dt.date(2016, 1, 1), dt.date(2016, 1, 31)), True)
        assert expected == (report.period, narrative(report).startswith("Trong tháng 1/2016"))


def small_dataset() -> MovementDataset:
    """
    Return a ward with one hamlet, where several figures are zero.

    A session without participants, slips declared at a session without records, a
    case that did not progress, and a tip at the city police.
    """
    registry = UnitRegistry(
        [
            Unit("06", "Bắc Kạn", UnitKind.PROVINCE),
            Unit("058", "Bắc Kạn", UnitKind.PROVINCIAL_CITY, parent_code="06"),
            Unit("01840", "Đức Xuân", UnitKind.WARD, parent_code="058"),
            Unit("01840-T01", "Tổ 1", UnitKind.RESIDENTIAL_GROUP, parent_code="01840"),
        ]
    )
    day = dt.date(2017, 3, 1)
    return MovementDataset(
        Period.year(2017),
        registry,
        sessions=[
            MobilisationSession(
                "S1",
                day,
                "01840-T01",
                CampaignKind.PROPAGANDA,
                participant_turns=0,
                slips_collected=4,
            )
        ],
        tips=[TipRecord("T1", day, "058", TipChannel.PHONE)],
        reintegration_cases=[
            ReintegrationCase("R1", ReintegrationCategory.PARDONED, "01840", Period.year(2017))
        ],
        reporting_unit_code="058",
    )


class TestSparseFigures:
    """
    Figures that are zero leave their clause out.
    """

    def test_vietnamese_leaves_out_what_is_zero(self) -> None:
        """
        No participant-turns, no valuable tips and no one progressed: no such clause.
        """
        text = narrative(make_report(small_dataset()))

        expected = (
            "Trong năm 2017, Công an thành phố Bắc Kạn đã tổ chức tuyên truyền, phát động "
            "được 1 thôn, tổ, thu về 4 phiếu tố giác tội phạm. Cảm hóa, giáo dục, giúp đỡ 1 "
            "người tái hòa nhập cộng đồng (1 người được đặc xá)."
        )
        assert expected == text

    def test_english_leaves_out_what_is_zero(self) -> None:
        """
        The English paragraph leaves out the same clauses.
        """
        text = narrative(make_report(small_dataset()), lang="en")

        expected = (
            "In 2017, the police of Bắc Kạn city held propaganda sessions and launched the "
            "movement in 1 village or residential group, and collected 4 crime-denunciation "
            "slips. 1 person was helped to reintegrate (1 person pardoned)."
        )
        assert expected == text

    def test_what_sits_above_the_breakdown_level_has_its_own_row(self) -> None:
        """
        Sessions and tips above the communes go to the row named for the level above.
        """
        dataset = small_dataset()
        session = attrs.evolve(dataset.sessions[0], id="S2", place_code="058")
        report = make_report(
            attrs.evolve(dataset, sessions=[*dataset.sessions, session]), by="commune"
        )

        text = render_report(report, lang="en")
        expected = ("*", True)
        assert expected == (report.rows[-1].key, "Above that level (*)" in text)


def judged_dataset(*decisions: tuple[str, str | None]) -> MovementDataset:
    """
    Return small_dataset with denunciations received by Đức Xuân, decided or not.

    Each is ``(received_on, decided_on)``; judged on 31 December 2017.
    """
    dataset = small_dataset()
    tips = [
        TipRecord(
            f"D{index}",
            dt.date.fromisoformat(received_on),
            "01840",
            TipChannel.PHONE,
            legal_kind=TipLegalKind.DENUNCIATION,
            decision=None if decided_on is None else TipDecision.NOT_PROSECUTE,
            decided_on=None if decided_on is None else dt.date.fromisoformat(decided_on),
        )
        for index, (received_on, decided_on) in enumerate(decisions)
    ]
    return attrs.evolve(dataset, tips=[*dataset.tips, *tips])


#: The rows of CR-11, in each language.
TIME_LIMIT_ROWS = {
    "vi": ("Tin giải quyết đúng hạn", "Tin giải quyết quá hạn", "Tin quá hạn chưa giải quyết"),
    "en": ("Tips decided in time", "Tips decided late", "Tips overdue, undecided"),
}


class TestTimeLimitRows:
    """
    CR-11's three rows: shown once a tip is counted by it, and only then.
    """

    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_the_three_rows_follow_the_others(self, lang: Language) -> None:
        """
        Two tips decided in time, one late and one overdue: three rows, last in the table.
        """
        dataset = judged_dataset(
            ("2017-03-01", "2017-03-10"),
            ("2017-05-01", "2017-05-21"),
            ("2017-06-01", "2017-07-01"),
            ("2017-09-01", None),
        )
        text = render_report(make_report(dataset), lang=lang, format="markdown")
        in_time, late, overdue = TIME_LIMIT_ROWS[lang]
        expected = [f"| {in_time} | 2 |", f"| {late} | 1 |", f"| {overdue} | 1 |"]
        assert expected == text.splitlines()[-3:]

    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_one_count_shows_all_three(self, lang: Language) -> None:
        """
        A single overdue tip shows the two other rows too, with zeros.
        """
        text = render_report(make_report(judged_dataset(("2017-09-01", None))), lang=lang)
        found = [line.split() for line in text.splitlines()[-3:]]
        counts = zip(TIME_LIMIT_ROWS[lang], "001", strict=True)
        assert [[*label.split(), value] for label, value in counts] == found

    @pytest.mark.parametrize("lang", ["vi", "en"])
    @pytest.mark.parametrize("form", ["text", "markdown"])
    @pytest.mark.parametrize(
        "decisions",
        [
            pytest.param((), id="no-classified-tip"),
            pytest.param((("2017-12-20", None),), id="a-tip-still-in-time"),
        ],
    )
    def test_no_rows_while_nothing_is_counted(
        self, decisions: tuple[tuple[str, str | None], ...], form: Format, lang: Language
    ) -> None:
        """
        Without a tip counted by CR-11 the table has none of its rows.
        """
        text = render_report(make_report(judged_dataset(*decisions)), lang=lang, format=form)
        assert [] == [label for label in TIME_LIMIT_ROWS[lang] if label in text]

    def test_the_json_report_always_carries_the_counts(self) -> None:
        """
        JSON keys the counts by identifier, zero or not.
        """
        quiet, counted = (
            json.loads(render_report(make_report(judged_dataset(*d)), format="json"))["figures"]
            for d in ((), (("2017-09-01", None),))
        )
        keys = ("tips_decided_in_time", "tips_decided_late", "tips_overdue")
        expected = ([0, 0, 0], [0, 0, 1])
        assert expected == ([quiet[k] for k in keys], [counted[k] for k in keys])


@cache
def example_onto(unit: str | None = None) -> MappedReport:
    """
    Return the bundled example re-expressed on the units from 1 July 2025.
    """
    return make_mapped_report(example(), official.edition("2025-07"), unit=unit)


def codes(predecessors: tuple[Predecessor, ...]) -> list[tuple[str, bool, bool]]:
    """
    Return each predecessor's code, whether it went whole, and whether the dataset holds it.
    """
    return [(p.unit.code, p.whole, p.held) for p in predecessors]


OLD = Edition(
    "2024-01",
    UnitRegistry(
        [
            Unit("01", "An Hòa", UnitKind.PROVINCE),
            Unit("001", "Bình Sơn", UnitKind.RURAL_DISTRICT, parent_code="01"),
            Unit("00001", "Cát Tiên", UnitKind.COMMUNE, parent_code="001"),
            Unit("00004", "Dinh Lăng", UnitKind.COMMUNE, parent_code="001"),
            Unit("00007", "Én Bay", UnitKind.COMMUNE, parent_code="001"),
            Unit("00013", "Hạ Long", UnitKind.COMMUNE, parent_code="001"),
        ]
    ),
)

NEW = Edition(
    "2025-01",
    UnitRegistry(
        [
            Unit("01", "An Hòa", UnitKind.PROVINCE),
            Unit("00001", "Cát Tiên", UnitKind.COMMUNE, parent_code="01"),
            Unit("00004", "Gò Đen", UnitKind.WARD, parent_code="01"),
            Unit("00010", "Mới", UnitKind.COMMUNE, parent_code="01"),
        ]
    ),
    successions=[
        Succession("2024-01", old, "2025-01", new, effective=dt.date(2025, 1, 1), whole=whole)
        for old, new, whole in [
            ("01", "01", True),
            ("001", "00001", False),
            ("001", "00004", False),
            ("00001", "00001", True),
            ("00004", "00001", False),
            ("00004", "00004", False),
            ("00013", "00004", True),
        ]
    ],
)


def split_dataset(*, reporting_unit_code: str | None = "001") -> MovementDataset:
    """
    Return a district of three communes: one kept, one split in two, one with no successor.

    Xã Hạ Long, which went wholly into phường Gò Đen, is not in the dataset.
    """
    units = [OLD.registry.get(code) for code in ("01", "001", "00001", "00004", "00007")]
    hamlets = [
        Unit(f"{code}-T1", "Thôn 1", UnitKind.VILLAGE, parent_code=code)
        for code in ("00001", "00004", "00007")
    ]
    day = dt.date(2024, 3, 1)
    return MovementDataset(
        Period.year(2024),
        UnitRegistry([*units, *hamlets]),
        sessions=[
            MobilisationSession(
                f"S{number}",
                day,
                f"{code}-T1",
                CampaignKind.PROPAGANDA,
                participant_turns=10 * number,
                slips_collected=number,
            )
            for number, code in enumerate(("00001", "00004", "00007"), start=1)
        ],
        reporting_unit_code=reporting_unit_code,
        edition=OLD,
    )


class TestMappedReport:
    """
    A report re-expressed on another edition puts each old unit's figures on its new unit.
    """

    def test_the_example_goes_to_the_three_new_communes(self) -> None:
        """
        Bắc Kạn city's figures fall to phường Bắc Kạn, phường Đức Xuân and xã Phong Quang.
        """
        report = example_onto()

        expected = [("01843", 114, 4540), ("01840", 108, 4424), ("01849", 24, 957)]
        assert expected == [
            (u.unit.code, u.summary.sessions, u.summary.slips_collected) for u in report.units
        ]

    def test_the_total_is_the_whole_dataset(self) -> None:
        """
        The total is the summary of the dataset, and nothing is left unattributed.
        """
        report = example_onto()

        expected = (summarize(example()), (), "2025-01", "2025-07", "058")
        assert expected == (
            report.total,
            report.not_attributable,
            report.source.name,
            report.edition.name,
            None if report.reporting_unit is None else report.reporting_unit.code,
        )

    def test_a_new_unit_names_the_old_units_it_lacks(self) -> None:
        """
        Xã Phong Quang counts xã Dương Quang and names xã Đôn Phong, not in the dataset.
        """
        phong_quang = example_onto("01849").units[0]

        expected = (
            "xã Phong Quang, tỉnh Thái Nguyên",
            [("01849", True, True), ("01984", True, False)],
        )
        assert expected == (phong_quang.address, codes(phong_quang.predecessors))

    def test_a_province_is_shown_when_asked(self) -> None:
        """
        The new province holds the whole dataset, through the old province.
        """
        report = example_onto("19")

        expected = (["19"], 246, [("06", True, True), ("19", True, False)])
        assert expected == (
            [u.unit.code for u in report.units],
            report.units[0].summary.sessions,
            codes(report.units[0].predecessors),
        )

    def test_a_split_commune_is_not_attributable(self) -> None:
        """
        A commune split in two, and one with no successor, are reported apart, once each.
        """
        report = make_mapped_report(split_dataset(), NEW)

        expected = (
            [("00001", 10), ("00004", 0)],
            [("00004", ("00001", "00004"), 20), ("00007", (), 30)],
            60,
        )
        assert expected == (
            [(u.unit.code, u.summary.participant_turns) for u in report.units],
            [
                (p.unit.code, p.successors, p.summary.participant_turns)
                for p in report.not_attributable
            ],
            report.total.participant_turns,
        )

    def test_predecessors_leave_out_a_district_listed_through_its_communes(self) -> None:
        """
        The old district split between the new communes is named through its communes.
        """
        report = make_mapped_report(split_dataset(), NEW)

        expected = [
            [("00001", True, True), ("00004", False, True)],
            [("00004", False, True), ("00013", True, False)],
        ]
        assert expected == [codes(u.predecessors) for u in report.units]

    def test_without_a_reporting_unit_the_top_units_are_shown(self) -> None:
        """
        A dataset without a reporting unit shows what its province went into.

        The split commune went wholly into the new province; the commune without a
        successor did not.
        """
        report = make_mapped_report(split_dataset(reporting_unit_code=None), NEW)

        expected = (["01"], None, 30, ["00007"])
        assert expected == (
            [u.unit.code for u in report.units],
            report.reporting_unit,
            report.units[0].summary.participant_turns,
            [p.unit.code for p in report.not_attributable],
        )

    def test_a_unit_without_predecessors_has_none(self) -> None:
        """
        A new unit that no old unit went into has no predecessors and no figures.
        """
        report = make_mapped_report(split_dataset(), NEW, unit="00010")

        expected = ((), 0)
        assert expected == (report.units[0].predecessors, report.units[0].summary.sessions)

    def test_onto_its_own_edition_each_unit_is_its_own_predecessor(self) -> None:
        """
        Mapped onto the dataset's own edition, the reporting unit stands for itself.
        """
        report = make_mapped_report(example(), official.edition("2025-01"))

        expected = (["058"], [("058", True, True)], 246)
        assert expected == (
            [u.unit.code for u in report.units],
            codes(report.units[0].predecessors),
            report.units[0].summary.sessions,
        )

    def test_a_period_is_counted_as_asked(self) -> None:
        """
        A period narrower than the dataset's counts only its days.
        """
        report = make_mapped_report(
            example(), official.edition("2025-07"), unit="01849", period=Period.year(2017)
        )

        expected = (Period.year(2017), summarize(example(), period=Period.year(2017)))
        assert expected == (report.period, report.total)

    def test_a_dataset_without_an_edition_is_refused(self) -> None:
        """
        Without the edition of its units, a dataset cannot be mapped onto another.
        """
        dataset = attrs.evolve(example(), edition=None)

        with pytest.raises(InvalidValueError) as info:
            make_mapped_report(dataset, official.edition("2025-07"))
        assert "edition" == info.value.field

    def test_a_unit_outside_the_edition_is_refused(self) -> None:
        """
        The unit shown must be a unit of the edition mapped onto.
        """
        with pytest.raises(UnknownUnitError):
            make_mapped_report(example(), official.edition("2025-07"), unit="01855")


class TestMappedRendering:
    """
    A re-expressed report is written as text, Markdown or JSON, in Vietnamese or English.
    """

    def test_text_in_vietnamese(self) -> None:
        """
        A row per new unit with Vietnamese numbers, the total, the old units, nothing apart.
        """
        text = render_mapped_report(example_onto())

        lines = text.splitlines()
        expected = (
            (
                "Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc — Công an thành phố Bắc Kạn, "
                "từ năm 2016 đến tháng 5/2018, theo danh mục đơn vị hành chính 2025-07"
            ),
            [
                ["01843", "phường", "Bắc", "Kạn", "82", "4.774", "114", "4.540", "309", "99"],
                ["01840", "phường", "Đức", "Xuân", "73", "4.594", "108", "4.424", "289", "98"],
                ["01849", "xã", "Phong", "Quang", "18", "978", "24", "957", "64", "18"],
                ["Tổng", "(cả", "bộ", "dữ", "liệu)", "173", "10.346", "246", "9.921", "662", "215"],
            ],
            (
                "- 01849 xã Phong Quang, tỉnh Thái Nguyên: gồm số liệu của 01849 xã Dương Quang; "
                "không có trong bộ dữ liệu: 01984 xã Đôn Phong."
            ),
            ["Số liệu không xác định được đơn vị mới:", "Không có."],
        )
        assert expected == (
            lines[0],
            [line.split() for line in lines[6:10]],
            lines[14],
            lines[-2:],
        )

    def test_text_in_english(self) -> None:
        """
        English numbers and words, the same figures.
        """
        text = render_mapped_report(example_onto(), lang="en")

        expected = (True, True, True, True)
        assert expected == (
            "on the units of edition 2025-07" in text,
            "A new unit's figures cover only the old units the dataset holds." in text,
            "counts 01849 xã Dương Quang; not in the dataset: 01984 xã Đôn Phong." in text,
            text.endswith("Not attributable:\nNone.\n"),
        )

    def test_markdown_has_headings_and_pipe_tables(self) -> None:
        """
        Markdown gives a level-one title, pipe tables and level-two sections.
        """
        text = render_mapped_report(example_onto(), format="markdown")

        expected = (True, True, True)
        assert expected == (
            text.startswith("# Kết quả"),
            "| 01843 phường Bắc Kạn | 82 | 4.774 | 114 | 4.540 | 309 | 99 |" in text,
            "\n## Số liệu không xác định được đơn vị mới\nKhông có.\n" in text,
        )

    def test_json_is_keyed_by_identifiers(self) -> None:
        """
        Editions, units, predecessors and figures are machine-readable.
        """
        document = json.loads(render_mapped_report(example_onto(), lang="en", format="json"))

        phong_quang = document["units"][2]
        expected: tuple[object, ...] = (
            ("2025-01", "2025-07", "058", "en"),
            [114, 108, 24],
            ("01849", "Phong Quang", "commune", "19", "xã Phong Quang, tỉnh Thái Nguyên"),
            {
                "code": "01984",
                "name": "Đôn Phong",
                "kind": "commune",
                "parent_code": "063",
                "whole": True,
                "in_dataset": False,
            },
            (246, []),
        )
        assert expected == (
            (
                document["from_edition"],
                document["edition"],
                document["unit"]["code"],
                document["language"],
            ),
            [u["figures"]["sessions"] for u in document["units"]],
            (
                phong_quang["code"],
                phong_quang["name"],
                phong_quang["kind"],
                phong_quang["parent_code"],
                phong_quang["address"],
            ),
            phong_quang["predecessors"][1],
            (document["total"]["sessions"], document["not_attributable"]),
        )

    def test_what_is_not_attributable_is_listed_with_its_figures(self) -> None:
        """
        The split commune and the commune without a successor get a row and a line each.
        """
        text = render_mapped_report(make_mapped_report(split_dataset(), NEW), lang="en")

        expected = [
            (
                "- 00001 xã Cát Tiên, tỉnh An Hòa: counts 00001 xã Cát Tiên; part of 00004 xã "
                "Dinh Lăng (figures under not attributable)."
            ),
            (
                "- 00004 phường Gò Đen, tỉnh An Hòa: counts no old unit of the dataset; part of "
                "00004 xã Dinh Lăng (figures under not attributable); not in the dataset: "
                "00013 xã Hạ Long."
            ),
            "",
            "Not attributable:",
            (
                "Old unit            Hamlets mobilised  Participant-turns  Sessions held  "
                "Crime-denunciation slips  Tips of value  Model groups"
            ),
            (
                "------------------  -----------------  -----------------  -------------  "
                "------------------------  -------------  ------------"
            ),
            (
                "00004 xã Dinh Lăng                  1                 20              1  "
                "                       2              0             0"
            ),
            (
                "00007 xã Én Bay                     1                 30              1  "
                "                       3              0             0"
            ),
            "",
            "- 00004 xã Dinh Lăng: went in part into 00001 xã Cát Tiên, 00004 phường Gò Đen.",
            "- 00007 xã Én Bay: no known successor in edition 2025-01.",
        ]
        assert expected == text.splitlines()[-11:]

    def test_what_is_not_attributable_in_vietnamese(self) -> None:
        """
        The same lines in Vietnamese.
        """
        text = render_mapped_report(make_mapped_report(split_dataset(), NEW))

        expected = (True, True, True)
        assert expected == (
            "- 00004 xã Dinh Lăng: được chia cho 00001 xã Cát Tiên, 00004 phường Gò Đen." in text,
            "- 00007 xã Én Bay: không có đơn vị kế thừa trong danh mục 2025-01." in text,
            "không có đơn vị cũ nào trong bộ dữ liệu; một phần của 00004 xã Dinh Lăng" in text,
        )

    def test_json_lists_what_is_not_attributable(self) -> None:
        """
        Each part not attributable has its old unit, its successors and its figures.
        """
        report = make_mapped_report(split_dataset(), NEW)

        document = json.loads(render_mapped_report(report, format="json"))

        expected = [("00004", ["00001", "00004"], 20), ("00007", [], 30)]
        assert expected == [
            (part["code"], part["successors"], part["figures"]["participant_turns"])
            for part in document["not_attributable"]
        ]

    def test_a_unit_without_predecessors_says_so(self) -> None:
        """
        A new unit that no old unit went into says so, in either language.
        """
        report = make_mapped_report(split_dataset(), NEW, unit="00010")

        expected = (True, True)
        assert expected == (
            "- 00010 xã Mới, tỉnh An Hòa: no unit of edition 2024-01 went into it."
            in render_mapped_report(report, lang="en"),
            "- 00010 xã Mới, tỉnh An Hòa: không có đơn vị nào theo danh mục 2024-01 nhập vào."
            in render_mapped_report(report),
        )

    @pytest.mark.parametrize(
        ("options", "field"),
        [({"lang": "fr"}, "lang"), ({"format": "pdf"}, "format")],
        ids=["lang", "format"],
    )
    def test_refuses_unknown_options(self, options: dict[str, str], field: str) -> None:
        """
        The error names the renderer and the option refused.
        """
        with pytest.raises(InvalidValueError) as info:
            render_mapped_report(example_onto(), **options)  # type: ignore[arg-type]
        assert ("render_mapped_report", field) == (info.value.owner, info.value.field)

    @pytest.mark.parametrize("form", ["text", "markdown", "json"])
    @pytest.mark.parametrize("lang", ["vi", "en"])
    def test_no_identity_in_any_form(self, form: str, lang: str) -> None:
        """
        Reintegration case ids appear in no re-expressed report.
        """
        text = render_mapped_report(example_onto(), lang=lang, format=form)  # type: ignore[arg-type]

        case_ids = {case.id for case in example().reintegration_cases}
        assert [] == [i for i in case_ids if i in text]
