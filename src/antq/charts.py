"""
Charts: a report's figures drawn in one picture, a PNG or an SVG file.

:func:`write_chart` counts what :func:`antq.report.make_report` counts, for the same unit
and period, and draws it in four panels: the crime-denunciation slips and the tips of
value by month or by year, the participant-turns on the same time axis, the model
groups by kind, and a few figures for each commune under the unit (for each hamlet
when the unit is a commune or a hamlet). The labels are the report's, in Vietnamese
or in English. Drawing needs matplotlib, the extra ``antq[charts]``.

A chart shows counts only: nothing drawn names an informant or a person helped to
reintegrate.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal

from antq.errors import InvalidValueError
from antq.figures import _ENGLISH_MONTHS, format_count
from antq.formats import ExtraNotInstalledError
from antq.periods import Period
from antq.report import (
    _HEADINGS,
    _ROW_LABELS,
    GROUPS_EN,
    _capitalised,
    _notes,
    _row_name,
    _title,
    make_report,
)
from antq.units import UnitLevel

if TYPE_CHECKING:
    import datetime as dt
    import os

    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from antq.counting import BreakdownRow, Summary
    from antq.dataset import MovementDataset
    from antq.figures import Language
    from antq.report import Report

__all__ = ["FORMATS", "MONTHS_BY_MONTH", "write_chart"]

#: The suffixes of the files a chart is written to, and the form of each.
FORMATS: Final = {".png": "png", ".svg": "svg"}

#: A period of at most this many calendar months is drawn by month when no axis is asked.
MONTHS_BY_MONTH: Final = 24

#: The words of a chart that reports do not use: (Vietnamese, English).
_WORDS: Final = {
    "month": ("Tháng", "Month"),
    "year": ("Năm", "Year"),
    "by_month": ("theo tháng", "by month"),
    "by_year": ("theo năm", "by year"),
    "and": ("và", "and"),
    "by_kind": ("theo loại", "by kind"),
    "commune": ("Theo xã, phường, thị trấn", "By commune, ward or township"),
    "hamlet": ("Theo thôn, tổ dân phố", "By village or residential group"),
    "top": (
        "{shown} đơn vị thu nhiều phiếu nhất trong số {total}",
        "the {shown} with the most slips, of {total}",
    ),
    "none": ("Không có số liệu", "No data"),
}

#: The figures drawn for each unit of the breakdown, each in its own colour.
_PER_PLACE: Final = ("slips_collected", "valuable_tips", "participant_turns")
_COLOURS: Final = {
    "slips_collected": "#1f77b4",
    "valuable_tips": "#ff7f0e",
    "participant_turns": "#2ca02c",
    "model_groups": "#9467bd",
}

#: At most this many units are drawn in the breakdown; those with the most slips.
_MOST_PLACES: Final = 30
#: At most this many bars of the time axis carry their values, and ticks their names.
_LABELLED_BARS: Final = 12
_NAMED_TICKS: Final = 24

_WIDTH: Final = 12.0  # inches
_DPI: Final = 120
_METADATA: Final[dict[str, dict[str, Any]]] = {
    "png": {"Software": None},
    "svg": {"Date": None},
}
#: The settings every chart is drawn with, over matplotlib's defaults (not the user's).
_RC: Final[dict[str, Any]] = {
    "font.family": ["DejaVu Sans"],  # bundled with matplotlib; it has the Vietnamese glyphs
    "text.parse_math": False,  # a "$" in a unit's name is text
    "svg.fonttype": "none",  # text stays text, searchable
    "svg.hashsalt": "antq",  # the same ids, hence the same bytes, at every run
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
}


def write_chart(  # noqa: PLR0913 -- every option is keyword-only
    dataset: MovementDataset,
    path: str | os.PathLike[str],
    *,
    unit: str | None = None,
    period: Period | None = None,
    by: Literal["month", "year"] | None = None,
    lang: Language = "vi",
) -> None:
    """
    Draw the figures of a report and write them to a PNG or SVG file.

    The chart has a title naming the unit and the period as the report's does, the
    totals, and four panels:

    1. the crime-denunciation slips collected and the tips of value, by month or year;
    2. the participant-turns, on the same time axis;
    3. the model groups kept up, by kind, the most numerous first;
    4. the slips, tips of value and participant-turns of each commune, ward or township
       under the unit, or of each hamlet when the unit is a commune or a hamlet, and of
       what was counted above them (the row "(*)" of the report's table). At most 30
       units are drawn: those that collected the most slips.

    A panel with nothing to show says so. Notes on declared tallies, as the report
    writes them, stand at the foot. The file's suffix, ``.png`` or ``.svg`` (in any
    case), says its form. An SVG keeps its text as text and is the same, byte for
    byte, for the same figures; a PNG carries no date.

    Args:
        dataset: The dataset.
        path: The file to write; its suffix is ``.png`` or ``.svg``.
        unit: The unit's code; by default the dataset's reporting unit, else every unit.
        period: The reporting period; the dataset's own by default.
        by: The time axis, ``"month"`` or ``"year"``; by default by month for a period
            of at most 24 calendar months, by year for a longer one.
        lang: ``"vi"`` or ``"en"``.

    Raises:
        antq.errors.InvalidValueError: When the suffix of *path*, *by* or *lang* is
            not one of those above; nothing is written.
        antq.formats.ExtraNotInstalledError: When matplotlib is not installed.
        antq.errors.UnknownUnitError: When *unit* is not a unit of the registry.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    form = FORMATS.get(suffix)
    if form is None:
        known = " or ".join(FORMATS)
        named = f"the suffix {suffix!r}" if suffix else "no suffix"
        rule = f"a chart is written to a {known} file, and {target.name!r} has {named}"
        raise InvalidValueError("write_chart", "path", str(path), rule)
    if by not in (None, "month", "year"):
        raise InvalidValueError("write_chart", "by", by, "a chart is drawn by 'month' or 'year'")
    if lang not in ("vi", "en"):
        raise InvalidValueError("write_chart", "lang", lang, "a chart is in 'vi' or 'en'")
    try:
        # An optional extra, imported when drawing. The package itself comes first, so
        # that a matplotlib removed from sys.modules is missed even when submodules stay.
        from matplotlib import style  # noqa: PLC0415
        from matplotlib.figure import Figure  # noqa: PLC0415
    except ImportError:
        msg = 'charts need matplotlib: pip install "antq[charts]"'
        raise ExtraNotInstalledError(msg, name="matplotlib") from None
    period = period or dataset.period
    axis: Literal["month", "year"] = by or (
        "month" if _months(period) <= MONTHS_BY_MONTH else "year"
    )
    report = make_report(dataset, unit=unit, period=period, by=axis)
    below = report.unit is not None and report.unit.level.rank >= UnitLevel.COMMUNE.rank
    places = make_report(dataset, unit=unit, period=period, by="hamlet" if below else "commune")
    with style.context(["default", _RC]):
        figure = _draw(Figure, report, places, lang)
        if form == "png":
            figure.savefig(target, format=form, dpi=_DPI, metadata=_METADATA[form])
            return
        drawn = io.BytesIO()
        figure.savefig(drawn, format=form, dpi=_DPI, metadata=_METADATA[form])
    target.write_bytes(_steady_ids(drawn.getvalue()))


#: The ids of an SVG's clip paths, where they are defined and where they are used.
_CLIP_IDS: Final = re.compile(rb'(?<=id=")p[0-9a-f]{10}(?=")|(?<=url\(#)p[0-9a-f]{10}(?=\))')


def _steady_ids(svg: bytes) -> bytes:
    """
    Number an SVG's clip paths in order, for the same figures to give the same bytes.

    matplotlib names a clip path by a hash of its rectangle, to the last bit of each
    float; the constrained layout places the axes to within a rounding error that
    varies from one drawing to the next, so the hash does too, unseen in the drawing.
    """
    numbers: dict[bytes, bytes] = {}

    def number(match: re.Match[bytes]) -> bytes:
        return numbers.setdefault(match[0], b"clip%d" % (len(numbers) + 1))

    return _CLIP_IDS.sub(number, svg)


def _months(period: Period) -> int:
    """
    Return how many calendar months the period touches.
    """
    start, end = period.start, period.end
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _text(text: str) -> str:
    """
    Return *text* in NFC, the form whose glyphs the font draws whole.
    """
    return unicodedata.normalize("NFC", text)


def _label(key: str, lang: Language) -> str:
    return _ROW_LABELS[key][lang == "en"]


def _word(key: str, lang: Language, **values: object) -> str:
    return _WORDS[key][lang == "en"].format(**values)


def _lowered(text: str) -> str:
    return text[0].lower() + text[1:]


def _count(value: float, lang: Language) -> str:
    return format_count(max(0, round(value)), lang=lang)


# The figure -----------------------------------------------------------------------------


def _draw(figure_class: type[Figure], report: Report, places: Report, lang: Language) -> Figure:
    """
    Draw the title, the four panels and the notes of a chart.

    Each panel but the two of the time axis stands in a subfigure of its own, so that
    the long names of one panel do not narrow the others.
    """
    kinds = len(report.summary.model_groups_by_kind)
    rows, total = _shown_places(places)
    heights = [
        5.8,
        0.9 + 0.38 * kinds if kinds else 1.2,
        0.9 + 0.5 * len(rows) if rows else 1.2,
    ]
    notes = [_text(note) for note in _notes(report, lang)]
    height = sum(heights) + 1.1 + 0.2 * len(notes)
    figure = figure_class(figsize=(_WIDTH, height), layout="constrained")
    figure.suptitle(_heading(report, lang), x=0.01, ha="left", fontsize=13)
    grid = figure.add_gridspec(len(heights), 1, height_ratios=heights)
    time = figure.add_subfigure(grid[0])
    halves = time.add_gridspec(2, 1, height_ratios=[3.4, 2.4])
    top = time.add_subplot(halves[0])
    _time_panels(top, time.add_subplot(halves[1]), report, lang)
    _groups_panel(figure.add_subfigure(grid[1]).add_subplot(), report.summary, lang)
    _places_panel(figure.add_subfigure(grid[2]).add_subplot(), places, rows, total, lang)
    if notes:
        figure.supxlabel("\n".join(notes), x=0.01, ha="left", fontsize=8)
    return figure


def _heading(report: Report, lang: Language) -> str:
    """
    Return the report's title, on two lines, and the totals on a third.
    """
    movement, _, subject = _title(report, lang).partition(" — ")
    summary = report.summary
    totals = " · ".join(
        f"{format_count(getattr(summary, key), lang=lang)} {_lowered(_label(key, lang))}"
        for key in _PER_PLACE
    )
    return _text(f"{movement}\n{_capitalised(subject)}\n{_HEADINGS[lang][2]}: {totals}")


def _nothing(ax: Axes, title: str, lang: Language) -> None:
    """
    Say in a panel that it has nothing to show.
    """
    ax.set_title(title)
    ax.text(
        0.5,
        0.5,
        _word("none", lang),
        ha="center",
        va="center",
        transform=ax.transAxes,
        color="#666666",
        fontsize=11,
    )
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)


def _counts_on(ax: Axes, axis: Literal["x", "y"], largest: int, lang: Language) -> None:
    """
    Number a value axis from 0 in whole counts printed as the language prints them.
    """
    # Imported here: matplotlib is only there when a chart is drawn.
    from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: PLC0415

    scale = ax.xaxis if axis == "x" else ax.yaxis
    scale.set_major_locator(MaxNLocator(nbins=6, integer=True))
    scale.set_major_formatter(FuncFormatter(lambda value, _: _count(value, lang)))
    limit = largest * 1.15 if largest else 1
    if axis == "x":
        ax.set_xlim(0, limit)
    else:
        ax.set_ylim(0, limit)
    ax.grid(axis=axis, alpha=0.3)
    ax.set_axisbelow(True)


def _tick(part: Period, axis: str, lang: Language) -> str:
    """
    Name a part of the time axis: ``2017``, ``01/2017`` or ``Jan 2017``.

    A part clipped by the period says which days it holds, on a second line.
    """
    start, end = part.start, part.end
    if axis == "year":
        name, whole = str(start.year), Period.year(start.year)
    elif lang == "vi":
        name, whole = f"{start.month:02d}/{start.year}", Period.month(start.year, start.month)
    else:
        name = f"{_abbreviated(start)} {start.year}"
        whole = Period.month(start.year, start.month)
    if part == whole:
        return name
    if lang == "vi":
        return f"{name}\n{start:%d/%m}–{end:%d/%m}"
    return f"{name}\n{start.day} {_abbreviated(start)}–{end.day} {_abbreviated(end)}"


def _abbreviated(day: dt.date) -> str:
    return _ENGLISH_MONTHS[day.month - 1][:3]


def _time_panels(top: Axes, bottom: Axes, report: Report, lang: Language) -> None:
    """
    Draw the slips and tips of value as bars, and the participant-turns as a line.
    """
    axis = str(report.by)
    rows = report.rows
    spots = list(range(len(rows)))
    over = _word(f"by_{axis}", lang)
    slips = [row.summary.slips_collected for row in rows]
    valuable = [row.summary.valuable_tips for row in rows]
    top.set_title(
        f"{_label('slips_collected', lang)} {_word('and', lang)} "
        f"{_lowered(_label('valuable_tips', lang))}, {over}"
    )
    width = 0.4
    for shift, key, values in (
        (-width / 2, "slips_collected", slips),
        (width / 2, "valuable_tips", valuable),
    ):
        bars = top.bar(
            [spot + shift for spot in spots],
            values,
            width,
            label=_label(key, lang),
            color=_COLOURS[key],
        )
        if len(rows) <= _LABELLED_BARS:
            top.bar_label(bars, labels=[_count(n, lang) for n in values], padding=2, fontsize=8)
    _counts_on(top, "y", max(slips), lang)
    top.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    top.set_xticks(spots, labels=[])

    turns = [row.summary.participant_turns for row in rows]
    colour = _COLOURS["participant_turns"]
    bottom.set_title(f"{_label('participant_turns', lang)}, {over}")
    bottom.plot(spots, turns, marker="o", markersize=4, color=colour)
    bottom.fill_between(spots, turns, color=colour, alpha=0.15)
    if len(rows) <= _LABELLED_BARS:
        for spot, n in zip(spots, turns, strict=True):
            bottom.annotate(
                _count(n, lang),
                (spot, n),
                xytext=(0, 5),
                textcoords="offset points",
                ha="center",
                fontsize=8,
            )
    _counts_on(bottom, "y", max(turns), lang)
    step = -(-len(rows) // _NAMED_TICKS)  # a name every `step` parts, at most 24 names
    monthly = axis == "month"
    bottom.set_xticks(
        spots[::step],
        labels=[_tick(row.period, axis, lang) for row in rows[::step]],
        rotation=45 if monthly else 0,
        ha="right" if monthly else "center",
        rotation_mode="anchor",
    )
    for ax in (top, bottom):  # the same limits: the parts line up
        ax.set_xlim(-0.6, len(rows) - 0.4)
    bottom.set_xlabel(_word(axis, lang))


def _groups_panel(ax: Axes, summary: Summary, lang: Language) -> None:
    """
    Draw the model groups by kind, as horizontal bars, the most numerous on top.
    """
    title = f"{_HEADINGS[lang][5]} {_word('by_kind', lang)}"
    # A stable sort: kinds with as many groups keep the glossary's order.
    kinds = sorted(summary.model_groups_by_kind.items(), key=lambda item: -item[1])
    if not kinds:
        _nothing(ax, title, lang)
        return
    ax.set_title(title)
    names = [_capitalised(kind.label if lang == "vi" else GROUPS_EN[kind][1]) for kind, _ in kinds]
    counts = [n for _, n in kinds]
    spots = list(range(len(kinds)))
    bars = ax.barh(spots, counts, 0.6, color=_COLOURS["model_groups"])
    ax.bar_label(bars, labels=[_count(n, lang) for n in counts], padding=3, fontsize=9)
    ax.set_yticks(spots, labels=names)
    ax.set_ylim(len(spots) - 0.5, -0.5)
    _counts_on(ax, "x", max(counts), lang)


def _shown_places(places: Report) -> tuple[list[BreakdownRow], int]:
    """
    Return the rows of the breakdown by unit to draw, in order, and how many there are.

    A breakdown without a unit below the one reported on has nothing to draw; past
    :data:`_MOST_PLACES` rows, those with the most slips are drawn.
    """
    rows = list(places.rows)
    if all(row.unit is None for row in rows):
        return [], 0
    if len(rows) <= _MOST_PLACES:
        return rows, len(rows)
    ranked = sorted(
        range(len(rows)),
        key=lambda i: tuple(-getattr(rows[i].summary, key) for key in _PER_PLACE),
    )
    kept = sorted(ranked[:_MOST_PLACES])
    return [rows[i] for i in kept], len(rows)


def _places_panel(
    ax: Axes, places: Report, rows: list[BreakdownRow], total: int, lang: Language
) -> None:
    """
    Draw three figures of each unit of the breakdown, as groups of horizontal bars.

    *rows* are those of *places* to draw, of *total* (:func:`_shown_places`).
    """
    title = _word(str(places.by), lang)
    if not rows:
        _nothing(ax, title, lang)
        return
    if total > len(rows):
        title += f" ({_word('top', lang, shown=len(rows), total=total)})"
    ax.set_title(title)
    spots = list(range(len(rows)))
    height = 0.27
    largest = 0
    for offset, key in zip((-height, 0.0, height), _PER_PLACE, strict=True):
        values = [getattr(row.summary, key) for row in rows]
        largest = max(largest, *values)
        bars = ax.barh(
            [spot + offset for spot in spots],
            values,
            height,
            label=_label(key, lang),
            color=_COLOURS[key],
        )
        # A zero has no bar, and no number: the rows stay readable.
        labels = [_count(n, lang) if n else "" for n in values]
        ax.bar_label(bars, labels=labels, padding=2, fontsize=7)
    ax.set_yticks(spots, labels=[_text(_row_name(row, places, lang)) for row in rows])
    ax.set_ylim(len(spots) - 0.5, -0.5)
    _counts_on(ax, "x", largest, lang)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
