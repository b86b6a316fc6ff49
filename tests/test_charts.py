"""
Tests for charts (antq.charts): files, labels in both languages, panels, refusals.

Every chart is drawn headless with matplotlib's Figure, without pyplot. Charts are
drawn once per dataset and options, and read back: an SVG's text as text.
"""

from __future__ import annotations

import datetime as dt
import struct
import sys
import tempfile
import unicodedata
import warnings
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree as ET

import attrs
import pytest

from antq import (
    CampaignKind,
    DeclaredTally,
    Informant,
    InvalidValueError,
    MobilisationSession,
    ModelGroup,
    ModelGroupKind,
    MovementDataset,
    Period,
    TallyFigure,
    TipChannel,
    TipRecord,
    Unit,
    UnitKind,
    UnitRegistry,
    UnknownUnitError,
)
from antq.charts import write_chart
from antq.cli import main
from antq.formats import ExtraNotInstalledError
from antq.io import load_example
from antq.report import _ROW_LABELS, GROUPS_EN

if TYPE_CHECKING:
    from collections.abc import Callable

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MARKER = "MARKER-IDENTITY"
SVG = "{http://www.w3.org/2000/svg}"


@cache
def example() -> MovementDataset:
    """
    Return the bundled example (Bắc Kạn city, 2016-01..2018-05), read once.
    """
    return load_example()


def small() -> MovementDataset:
    """
    Return a ward with one hamlet, and a session held by the city, above the communes.

    The tip's informant is named by :data:`MARKER`, which no chart may show.
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
                participant_turns=25,
                slips_collected=4,
            ),
            MobilisationSession(
                "S2", day, "058", CampaignKind.PROPAGANDA, participant_turns=40, slips_collected=2
            ),
        ],
        tips=[
            TipRecord(
                "T1",
                day,
                "058",
                TipChannel.PHONE,
                informant=Informant(MARKER, contact=MARKER, address=MARKER),
            )
        ],
        model_groups=[
            ModelGroup("G1", ModelGroupKind.MEDIATION_GROUP, "Tổ hòa giải 1", "01840-T01", day)
        ],
        reporting_unit_code="058",
    )


def decomposed() -> MovementDataset:
    """
    Return the small ward, its name written in NFD (base letters and combining marks).
    """
    dataset = small()
    units = [
        attrs.evolve(unit, name=unicodedata.normalize("NFD", unit.name))
        if unit.code == "01840"
        else unit
        for unit in dataset.registry
    ]
    return attrs.evolve(dataset, registry=UnitRegistry(units), reporting_unit_code=None)


def many() -> MovementDataset:
    """
    Return a district of 31 communes; commune *i* collects *i* slips.
    """
    communes = [
        Unit(f"{index:05d}", f"Xã {index:02d}", UnitKind.COMMUNE, parent_code="001")
        for index in range(1, 32)
    ]
    registry = UnitRegistry(
        [
            Unit("01", "An Hòa", UnitKind.PROVINCE),
            Unit("001", "Bình Sơn", UnitKind.RURAL_DISTRICT, parent_code="01"),
            *communes,
        ]
    )
    sessions = [
        MobilisationSession(
            f"S{index}",
            dt.date(2024, 3, 1),
            commune.code,
            CampaignKind.PROPAGANDA,
            participant_turns=10,
            slips_collected=index,
        )
        for index, commune in enumerate(communes, start=1)
    ]
    return MovementDataset(
        Period.year(2024), registry, sessions=sessions, reporting_unit_code="001"
    )


def tallied() -> MovementDataset:
    """
    Return the small ward with a yearly tally, which spans several months.
    """
    tally = DeclaredTally(
        "K3",
        "058",
        Period.year(2017),
        TallyFigure.MODEL_GROUPS,
        3,
        group_kind=ModelGroupKind.FIRE_PREVENTION_TEAM,
    )
    return attrs.evolve(small(), declared_tallies=[tally])


DATASETS: dict[str, Callable[[], MovementDataset]] = {
    "example": example,
    "small": small,
    "decomposed": decomposed,
    "many": many,
    "tallied": tallied,
    "no groups": lambda: attrs.evolve(small(), model_groups=[]),
}


@cache
def chart(name: str, suffix: str = ".svg", **options: Any) -> bytes:
    """
    Draw the dataset *name* into a file of *suffix* with *options*; return its bytes.
    """
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"chart{suffix}"
        write_chart(DATASETS[name](), path, **options)
        return path.read_bytes()


def texts(name: str, **options: Any) -> list[str]:
    """
    Return every line of text of the dataset's SVG chart, in document order.
    """
    root = ET.fromstring(chart(name, ".svg", **options))  # noqa: S314 -- our own file
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def png_size(data: bytes) -> tuple[int, int]:
    """
    Return the width and height of a PNG, read from its IHDR chunk.
    """
    width, height = struct.unpack(">II", data[16:24])
    return width, height


#: The words of a Vietnamese chart that an English one must not hold.
VIETNAMESE = (
    *(vi for vi, _ in _ROW_LABELS.values()),
    *(kind.label.capitalize() for kind in ModelGroupKind),
    "Tháng",
    "Năm",
    "Mô hình theo loại",
    "Theo xã, phường, thị trấn",
    "Không có số liệu",
    "Tổng",
    "Công an",
)


class TestFiles:
    """
    The suffix says the form; the files are what they say they are.
    """

    def test_a_png_is_a_png_of_a_readable_size(self) -> None:
        """
        A .png file starts with the PNG signature and is 1,440 pixels wide, taller than wide.
        """
        data = chart("example", ".png")

        width, height = png_size(data)
        expected = (PNG_SIGNATURE, 1440, True)
        assert expected == (data[:8], width, height > width)

    def test_the_suffix_is_read_in_any_case(self) -> None:
        """
        A .PNG file is a PNG too.
        """
        assert PNG_SIGNATURE == chart("small", ".PNG")[:8]

    def test_an_svg_parses_as_svg(self) -> None:
        """
        A .svg file is an XML document whose root is an svg element.
        """
        root = ET.fromstring(chart("example"))  # noqa: S314 -- our own file

        assert f"{SVG}svg" == root.tag

    def test_an_svg_is_the_same_byte_for_byte(self, tmp_path: Path) -> None:
        """
        Drawing the same figures again and again writes the same SVG, with no date in it.

        The layout places the axes to within a rounding error that varies between
        drawings; drawn three times, the file must not vary with it.
        """
        drawn = set()
        for number in range(3):
            path = tmp_path / f"again-{number}.svg"
            write_chart(small(), path, lang="en" if number == 1 else "vi")
            drawn.add(path.read_bytes())
        data = chart("small")

        expected = ({data}, False)
        assert expected == (drawn - {chart("small", lang="en")}, b"<dc:date>" in data)

    def test_a_png_names_no_software_and_no_date(self) -> None:
        """
        A PNG carries no Software or date text chunk.
        """
        data = chart("example", ".png")

        expected = (False, False)
        assert expected == (b"Software" in data, b"Creation Time" in data)

    @pytest.mark.parametrize("name", ["chart.pdf", "chart.svgz", "chart"])
    def test_an_unknown_suffix_is_refused_and_nothing_written(
        self, tmp_path: Path, name: str
    ) -> None:
        """
        Only .png and .svg are drawn; the refusal names the suffix and writes nothing.
        """
        path = tmp_path / name

        with pytest.raises(InvalidValueError) as caught:
            write_chart(small(), path)

        suffix = Path(name).suffix
        named = f"the suffix {suffix!r}" if suffix else "no suffix"
        expected: tuple[str, bool, bool, list[Path]] = ("path", True, True, [])
        assert expected == (
            caught.value.field,
            ".png or .svg" in caught.value.rule,
            named in caught.value.rule,
            list(tmp_path.iterdir()),
        )

    @pytest.mark.parametrize(
        ("options", "field"),
        [({"by": "quarter"}, "by"), ({"lang": "fr"}, "lang")],
        ids=["by", "lang"],
    )
    def test_unknown_options_are_refused_by_name(
        self, tmp_path: Path, options: dict[str, str], field: str
    ) -> None:
        """
        A time axis other than month or year, or a language other than vi or en, is refused.
        """
        with pytest.raises(InvalidValueError) as caught:
            write_chart(small(), tmp_path / "chart.svg", **options)  # type: ignore[arg-type]

        expected: tuple[str, list[Path]] = (field, [])
        assert expected == (caught.value.field, list(tmp_path.iterdir()))

    def test_an_unknown_unit_is_refused(self, tmp_path: Path) -> None:
        """
        A unit the registry does not hold is refused as make_report refuses it.
        """
        with pytest.raises(UnknownUnitError):
            write_chart(small(), tmp_path / "chart.svg", unit="99999")

        assert [] == list(tmp_path.iterdir())

    def test_without_matplotlib_the_extra_is_named(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """
        Without matplotlib, even with its submodules loaded, the error says what to install.
        """
        chart("small")  # matplotlib.figure and matplotlib.style are loaded
        monkeypatch.setitem(sys.modules, "matplotlib", None)

        with pytest.raises(ExtraNotInstalledError) as caught:
            write_chart(small(), tmp_path / "chart.svg")

        expected: tuple[bool, str, bool, list[Path]] = (True, "matplotlib", True, [])
        assert expected == (
            'pip install "antq[charts]"' in str(caught.value),
            caught.value.name,
            isinstance(caught.value, ImportError),
            list(tmp_path.iterdir()),
        )


class TestLabels:
    """
    The labels are the report's, in Vietnamese by default and in English when asked.
    """

    def test_vietnamese_labels(self) -> None:
        """
        The title, figures, model groups and communes are named in Vietnamese.
        """
        found = set(texts("example"))

        expected = {
            "Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc",
            "Công an thành phố Bắc Kạn, từ năm 2016 đến tháng 5/2018",
            "Phiếu tố giác tội phạm và tin có giá trị, theo năm",
            "Tin có giá trị",
            "Lượt người tham gia",
            "Lượt người tham gia, theo năm",
            "Mô hình theo loại",
            "Tổ hòa giải",
            "Câu lạc bộ bạn giúp bạn",
            "Theo xã, phường, thị trấn",
            "Phường Đức Xuân",
            "Xã Dương Quang",
            "Năm",
        }
        assert set() == expected - found

    def test_the_totals_are_printed_as_vietnamese_prints_them(self) -> None:
        """
        The line of totals groups thousands by "." as the report does.
        """
        expected = (
            "Tổng: 9.921 phiếu tố giác tội phạm · 662 tin có giá trị · 10.346 lượt người tham gia"
        )
        assert expected in texts("example")

    def test_every_text_is_nfc(self) -> None:
        """
        Every line drawn is in NFC, the form whose Vietnamese glyphs the font holds whole.
        """
        assert [] == [
            text for text in texts("example") if not unicodedata.is_normalized("NFC", text)
        ]

    def test_a_name_in_nfd_is_drawn_in_nfc(self) -> None:
        """
        A unit name stored decomposed is drawn composed.
        """
        found = texts("decomposed")

        expected: tuple[bool, list[str]] = (True, [])
        assert expected == (
            "Phường Đức Xuân" in found,
            [text for text in found if not unicodedata.is_normalized("NFC", text)],
        )

    def test_english_labels(self) -> None:
        """
        With lang="en" the title, figures, model groups and units are named in English.
        """
        found = set(texts("example", lang="en"))

        expected = {
            "The movement to protect national security",
            "The police of Bắc Kạn city, from 2016 to May 2018",
            "Crime-denunciation slips and tips of value, by year",
            "Tips of value",
            "Participant-turns",
            "Model groups by kind",
            GROUPS_EN[ModelGroupKind.MEDIATION_GROUP][1].capitalize(),
            "By commune, ward or township",
            "Đức Xuân ward",
            "Dương Quang commune",
            "Year",
            "Total: 9,921 crime-denunciation slips · 662 tips of value · 10,346 participant-turns",
        }
        assert set() == expected - found

    def test_english_holds_no_vietnamese_label(self) -> None:
        """
        No Vietnamese label of a figure, a heading or a model group is left in English.
        """
        found = " ".join(texts("example", lang="en"))

        assert [] == [word for word in VIETNAMESE if word in found]

    def test_vietnamese_renders_without_a_missing_glyph(self) -> None:
        """
        Drawing Vietnamese into a PNG warns of no missing glyph, nor of anything else.
        """
        with warnings.catch_warnings(record=True) as caught, tempfile.TemporaryDirectory() as d:
            warnings.simplefilter("always")
            write_chart(small(), Path(d) / "chart.png", by="month")

        assert [] == [str(warning.message) for warning in caught]

    def test_no_identity_is_drawn(self) -> None:
        """
        An informant's identity appears nowhere in a chart, in either language.
        """
        expected = (False, False)
        assert expected == (
            MARKER.encode() in chart("small"),
            MARKER.encode() in chart("small", lang="en"),
        )


class TestTimeAxis:
    """
    The time axis is by month or by year; by default by month up to 24 months.
    """

    def test_by_year_names_the_years(self) -> None:
        """
        by="year" draws 24 months by year: a tick per year, the axis titled "Năm".
        """
        found = texts("small", period=Period.parse("2016-01..2017-12"), by="year")

        expected = (True, True, False)
        assert expected == (
            {"2016", "2017", "Năm"} <= set(found),
            "Lượt người tham gia, theo năm" in found,
            "01/2016" in found,
        )

    def test_more_than_24_months_are_drawn_by_year(self) -> None:
        """
        Without by, the example's 29 months are drawn by year.
        """
        found = texts("example")

        expected = (True, False)
        assert expected == ({"2016", "2017", "2018", "Năm"} <= set(found), "01/2016" in found)

    def test_24_months_are_drawn_by_month(self) -> None:
        """
        Without by, a period of 24 months is drawn by month: "01/2016" to "12/2017".
        """
        found = texts("small", period=Period.parse("2016-01..2017-12"))

        assert {"01/2016", "12/2017", "Tháng"} <= set(found)

    def test_english_months_are_abbreviated(self) -> None:
        """
        In English a month is "Jan 2017", and the axis is titled "Month".
        """
        found = texts("small", lang="en")

        expected = {"Jan 2017", "Dec 2017", "Month", "Participant-turns, by month"}
        assert set() == expected - set(found)

    def test_past_24_months_every_other_month_is_named(self) -> None:
        """
        by="month" over 29 months names January, March ... and leaves February unnamed.
        """
        found = texts("example", by="month")

        expected = (True, True, False)
        assert expected == ("01/2016" in found, "03/2016" in found, "02/2016" in found)

    def test_few_bars_carry_their_values(self) -> None:
        """
        Up to 12 parts, each bar and point is labelled with its count.
        """
        found = texts("example")

        expected = {"4.188", "4.151", "1.582", "299", "296", "67", "4.275"}
        assert set() == expected - set(found)

    def test_many_bars_carry_no_values(self) -> None:
        """
        Past 12 parts, the bars are not labelled: January 2016's 356 slips are not printed.
        """
        assert "356" not in texts("example", by="month")

    @pytest.mark.parametrize(
        ("name", "options", "days"),
        [
            ("example", {}, "01/01–31/05"),
            ("example", {"lang": "en"}, "1 Jan–31 May"),
            ("small", {"period": Period.parse("2017-03-15..2017-04-30")}, "15/03–31/03"),
            (
                "small",
                {"period": Period.parse("2017-03-15..2017-04-30"), "lang": "en"},
                "15 Mar–31 Mar",
            ),
        ],
        ids=["year-vi", "year-en", "month-vi", "month-en"],
    )
    def test_a_clipped_part_says_which_days_it_holds(
        self, name: str, options: dict[str, Any], days: str
    ) -> None:
        """
        A year or month cut by the period carries its days on a second line: 2018 ends in May.
        """
        assert days in texts(name, **options)


class TestPanels:
    """
    The model groups and the breakdown by unit; a panel with nothing says so.
    """

    def test_model_groups_are_sorted_most_numerous_first(self) -> None:
        """
        The kinds are listed by count: mediation groups (126) before the club (1).
        """
        found = texts("example")
        names = ["Tổ hòa giải", "Tổ tự quản về an ninh trật tự", "Câu lạc bộ bạn giúp bạn"]

        assert sorted(names, key=found.index) == names

    def test_no_model_groups_says_so(self) -> None:
        """
        Without model groups the panel says "No data" ("Không có số liệu", below).
        """
        found = texts("no groups", lang="en")

        expected = (True, False)
        assert expected == ("No data" in found, "Mediation groups" in found)

    def test_a_commune_is_broken_down_by_hamlet(self) -> None:
        """
        A ward has no communes under it: its hamlets are drawn instead.
        """
        found = texts("small", unit="01840")

        expected = (True, True, False)
        assert expected == (
            "Theo thôn, tổ dân phố" in found,
            "Tổ dân phố Tổ 1" in found,
            "Theo xã, phường, thị trấn" in found,
        )

    def test_a_hamlet_has_nothing_below_it(self) -> None:
        """
        A hamlet has no unit under it: the breakdown says so.
        """
        found = texts("small", unit="01840-T01", lang="en")

        expected = (True, True)
        assert expected == ("By village or residential group" in found, "No data" in found)

    def test_what_is_counted_above_the_communes_has_its_own_row(self) -> None:
        """
        The tip at the city police is drawn in the row the report's table names "(*)".
        """
        expected = (True, True)
        assert expected == (
            "Cấp trên (*)" in texts("small"),
            "Above that level (*)" in texts("small", lang="en"),
        )

    def test_every_unit_without_a_reporting_unit(self) -> None:
        """
        Without a reporting unit the chart speaks for every unit, and draws every commune.
        """
        found = texts("decomposed")

        expected = (True, True)
        assert expected == (
            "Các đơn vị, năm 2017" in found,
            "Phường Đức Xuân" in found,
        )

    def test_past_30_units_those_with_most_slips_are_drawn(self) -> None:
        """
        Of 31 communes, the 30 with the most slips are drawn, and the title says so.
        """
        found = texts("many")

        expected = (True, False, True, True)
        assert expected == (
            "Theo xã, phường, thị trấn (30 đơn vị thu nhiều phiếu nhất trong số 31)" in found,
            "Xã Xã 01" in found,
            "Xã Xã 02" in found,
            "Xã Xã 31" in found,
        )

    def test_an_empty_period_is_drawn_with_zeros(self) -> None:
        """
        A period without records draws zero bars and says there are no model groups.
        """
        found = texts("small", period=Period.year(2016), by="year")

        totals = "Tổng: 0 phiếu tố giác tội phạm · 0 tin có giá trị · 0 lượt người tham gia"
        expected = (True, True, True)
        assert expected == (
            totals in found,
            "Không có số liệu" in found,
            "Phường Đức Xuân" in found,
        )

    def test_a_tally_spanning_several_parts_is_noted(self) -> None:
        """
        A yearly tally in a chart by month counts in the total only, and the foot says so.
        """
        found = texts("tallied")

        assert "1 số liệu khai báo trải dài nhiều kỳ chỉ được tính vào tổng." in found


class TestCommand:
    """
    ``antq report --chart FILE``.
    """

    def test_the_chart_is_drawn_and_the_report_printed(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        The chart is written beside the report, which is printed as without it.
        """
        target = tmp_path / "report.png"
        code = main(["report", "--chart", str(target)])
        printed = capsys.readouterr().out
        main(["report"])
        expected = capsys.readouterr().out
        assert (0, PNG_SIGNATURE, expected) == (code, target.read_bytes()[:8], printed)

    def test_the_time_axis_follows_by_month_or_year(self, tmp_path: Path) -> None:
        """
        ``--by year`` draws the example by year, in English with ``--lang en``.
        """
        target = tmp_path / "report.svg"
        main(["report", "--by", "year", "--lang", "en", "--chart", str(target)])
        drawn = ET.fromstring(target.read_bytes()).iter(f"{SVG}text")  # noqa: S314 -- our own file
        assert {"2016", "2017", "Tips of value"} <= {node.text for node in drawn}

    def test_a_breakdown_by_unit_leaves_the_time_axis_to_its_default(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """
        ``--by commune`` breaks the report down; the chart of 29 months is by year.
        """
        target = tmp_path / "report.svg"
        code = main(["report", "--by", "commune", "--chart", str(target)])
        drawn = ET.fromstring(target.read_bytes()).iter(f"{SVG}text")  # noqa: S314 -- our own file
        capsys.readouterr()
        assert (0, True) == (code, "2017" in {node.text for node in drawn})

    @pytest.mark.parametrize(
        ("arguments", "said"),
        [
            (["--chart", "report.pdf"], "--chart: write_chart.path"),
            (["--chart", "missing/report.png"], "cannot write missing/report.png"),
            (["--onto", "2025-07", "--chart", "report.png"], "does not go with --onto"),
        ],
    )
    def test_a_chart_that_cannot_be_drawn_is_a_usage_error(
        self,
        arguments: list[str],
        said: str,
        tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
    ) -> None:
        """
        A wrong suffix, a missing folder or ``--onto`` exit 2, and nothing is written.
        """
        monkeypatch.chdir(tmp_path)
        code = main(["report", *arguments])
        out, err = capsys.readouterr()
        assert (2, "", True, []) == (code, out, said in err, list(tmp_path.iterdir()))
