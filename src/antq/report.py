"""
Reports: the movement's figures for a unit and a period, as officials print them.

:func:`make_report` counts (by the rules of :mod:`antq.counting`); :func:`render_report`
writes the result in Vietnamese or English, as text, Markdown or JSON. The narrative
follows the form of the police's own reports ("Từ năm 2016 đến tháng 5/2018, Công an
thành phố Bắc Kạn đã tổ chức tuyên truyền, phát động được 173 thôn, tổ ..."). Nothing in
a report names an informant or a person helped to reintegrate: reports are made from
summaries, which hold neither.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Literal

import attrs

from antq.counting import (
    BreakdownRow,
    Scope,
    Summary,
    TallyOverlap,
    accepted_tallies,
    breakdown,
    summarize,
)
from antq.errors import InvalidValueError
from antq.figures import (
    Figure,
    format_count,
    format_percent,
    format_ratio,
    period_adverbial,
    period_phrase,
)
from antq.groups import ModelGroupKind
from antq.periods import Period
from antq.reintegration import ReintegrationCategory
from antq.units import OrganisationKind, Unit, UnitKind, UnitLevel

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from antq.dataset import MovementDataset
    from antq.figures import Language

__all__ = ["FORMATS", "Report", "make_report", "narrative", "render_report"]

#: The forms a report is written in.
FORMATS = ("text", "markdown", "json")

Format = Literal["text", "markdown", "json"]


@attrs.frozen
class Report:
    """
    What a report says: the summary of a unit and period, and its breakdown.

    Args:
        unit: The unit reported on; ``None`` for every unit of the dataset.
        period: The reporting period.
        summary: The figures.
        by: How the figures break down (one of :data:`antq.counting.BREAKDOWNS`), if at all.
        rows: The breakdown's rows.
        overlaps: The declared tallies set aside (counting rule CR-10).
        unapportioned: Declared tallies that count in the total but in no row of a
            breakdown by time, because their periods span several rows.
    """

    unit: Unit | None
    period: Period
    summary: Summary
    by: str | None = None
    rows: tuple[BreakdownRow, ...] = ()
    overlaps: tuple[TallyOverlap, ...] = ()
    unapportioned: int = 0


def make_report(
    dataset: MovementDataset,
    *,
    unit: str | None = None,
    period: Period | None = None,
    by: str | None = None,
) -> Report:
    """
    Count the figures of a report.

    Args:
        dataset: The dataset.
        unit: The unit's code; by default the dataset's reporting unit, else every unit.
        period: The reporting period; the dataset's own by default.
        by: Break the figures down by ``district``, ``commune``, ``hamlet``, ``month``,
            ``quarter`` or ``year``.

    Raises:
        antq.errors.UnknownUnitError: When *unit* is not a unit of the registry.
        antq.errors.InvalidValueError: When *by* is not a known breakdown.
    """
    code = unit if unit is not None else dataset.reporting_unit_code
    period = period or dataset.period
    reported = dataset.registry.get(code) if code is not None else None
    summary = summarize(dataset, period=period, unit=code)
    rows = breakdown(dataset, by=by, period=period, unit=code) if by is not None else ()
    accepted, overlaps = accepted_tallies(dataset)
    scope = Scope.of(dataset, period=period, unit=code)
    overlaps = tuple(
        overlap
        for overlap in overlaps
        if (code is None or scope.holds(overlap.tally.unit_code))
        and overlap.tally.period.overlaps(period)
    )
    unapportioned = 0
    if by is not None and by not in {"district", "commune", "hamlet"}:
        unapportioned = sum(
            1
            for tally in accepted
            if period.contains(tally.period)
            and not any(r.period.contains(tally.period) for r in rows)
        )
    return Report(reported, period, summary, by, rows, overlaps, unapportioned)


# Words ----------------------------------------------------------------------------------

_POLICE_VI = {
    UnitKind.PROVINCE: "tỉnh",
    UnitKind.CENTRALLY_RUN_CITY: "thành phố",
    UnitKind.RURAL_DISTRICT: "huyện",
    UnitKind.URBAN_DISTRICT: "quận",
    UnitKind.DISTRICT_TOWN: "thị xã",
    UnitKind.PROVINCIAL_CITY: "thành phố",
    UnitKind.MUNICIPAL_CITY: "thành phố",
    UnitKind.COMMUNE: "xã",
    UnitKind.WARD: "phường",
    UnitKind.TOWNSHIP: "thị trấn",
    UnitKind.SPECIAL_ZONE: "đặc khu",
}

_KIND_EN = {
    UnitKind.PROVINCE: "province",
    UnitKind.CENTRALLY_RUN_CITY: "city",
    UnitKind.RURAL_DISTRICT: "district",
    UnitKind.URBAN_DISTRICT: "district",
    UnitKind.DISTRICT_TOWN: "town",
    UnitKind.PROVINCIAL_CITY: "city",
    UnitKind.MUNICIPAL_CITY: "city",
    UnitKind.COMMUNE: "commune",
    UnitKind.WARD: "ward",
    UnitKind.TOWNSHIP: "township",
    UnitKind.SPECIAL_ZONE: "special zone",
    UnitKind.VILLAGE: "village",
    UnitKind.RESIDENTIAL_GROUP: "residential group",
}

#: English names of model groups, singular and plural.
GROUPS_EN: dict[ModelGroupKind, tuple[str, str]] = {
    ModelGroupKind.SECURITY_SELF_MANAGEMENT: (
        "self-management group on security and order",
        "self-management groups on security and order",
    ),
    ModelGroupKind.PEOPLES_SECURITY_GROUP: (
        "people's security group",
        "people's security groups",
    ),
    ModelGroupKind.YOUTH_SHOCK_TEAM: ("youth shock team", "youth shock teams"),
    ModelGroupKind.MEDIATION_GROUP: ("mediation group", "mediation groups"),
    ModelGroupKind.URBAN_ORDER_SANITATION_GROUP: (
        "self-management group on urban order and sanitation",
        "self-management groups on urban order and sanitation",
    ),
    ModelGroupKind.PEER_SUPPORT_CLUB: (
        '"friends help friends" club',
        '"friends help friends" clubs',
    ),
    ModelGroupKind.DOMESTIC_VIOLENCE_PREVENTION_GROUP: (
        "domestic-violence prevention group",
        "domestic-violence prevention groups",
    ),
    ModelGroupKind.SECURITY_PROTECTION_TEAM: (
        "grassroots security-and-order protection team",
        "grassroots security-and-order protection teams",
    ),
    ModelGroupKind.FIRE_PREVENTION_TEAM: ("fire-prevention team", "fire-prevention teams"),
    ModelGroupKind.VETERANS_CLUB: (
        "veterans' self-management club",
        "veterans' self-management clubs",
    ),
    ModelGroupKind.WOMENS_CLUB: ("women's club", "women's clubs"),
    ModelGroupKind.SECURITY_CLUSTER: ("linked security cluster", "linked security clusters"),
    ModelGroupKind.OTHER: ("other model", "other models"),
}

#: English names of the people helped to reintegrate, singular and plural.
CATEGORIES_EN: dict[ReintegrationCategory, tuple[str, str]] = {
    ReintegrationCategory.PARDONED: ("person pardoned", "people pardoned"),
    ReintegrationCategory.RELEASED_PRISONER: ("released prisoner", "released prisoners"),
    ReintegrationCategory.FROM_EDUCATION_ESTABLISHMENT: (
        "person back from a compulsory education establishment",
        "people back from compulsory education establishments",
    ),
    ReintegrationCategory.FROM_REFORMATORY: (
        "person back from a reformatory",
        "people back from reformatories",
    ),
    ReintegrationCategory.FROM_COMPULSORY_TREATMENT: (
        "person back from compulsory treatment",
        "people back from compulsory treatment",
    ),
}

#: English names of organisations, singular and plural.
ORGANISATIONS_EN: dict[OrganisationKind, tuple[str, str]] = {
    OrganisationKind.AGENCY: ("agency", "agencies"),
    OrganisationKind.ENTERPRISE: ("enterprise", "enterprises"),
    OrganisationKind.SCHOOL: ("school", "schools"),
}

#: The labels of the figures in tables: (Vietnamese, English).
_ROW_LABELS = {
    "hamlets_mobilised": ("Thôn, tổ được tuyên truyền, phát động", "Hamlets mobilised"),
    "participant_turns": ("Lượt người tham gia", "Participant-turns"),
    "sessions": ("Buổi tuyên truyền, phát động", "Sessions held"),
    "slips_collected": ("Phiếu tố giác tội phạm", "Crime-denunciation slips"),
    "valuable_tips": ("Tin có giá trị", "Tips of value"),
    "reintegration_progressed": ("Người tiến bộ", "People who progressed"),
}

_HEADINGS = {
    "vi": ("Chỉ tiêu", "Số liệu", "Tổng", "Đơn vị", "Thời gian", "Mô hình", "Ghi chú"),
    "en": ("Figure", "Value", "Total", "Unit", "Period", "Model groups", "Notes"),
}


def _subject(unit: Unit | None, lang: Language) -> str:
    if unit is None:
        return "các đơn vị" if lang == "vi" else "the units"
    if unit.level is UnitLevel.HAMLET:
        return unit.name if lang == "vi" else f"{unit.name} ({_KIND_EN[unit.kind]})"
    if lang == "vi":
        return f"Công an {_POLICE_VI[unit.kind]} {unit.name}"
    return f"the police of {unit.name} {_KIND_EN[unit.kind]}"


def _counted(count: int, names: tuple[str, str], lang: Language, *, pad: bool = True) -> str:
    """
    Return ``05 đội thanh niên xung kích`` or ``5 youth shock teams``.
    """
    if lang == "vi":
        return f"{format_count(count, lang='vi', pad=pad)} {names[0]}"
    return f"{format_count(count, lang='en')} {names[0] if count == 1 else names[1]}"


def _series(items: Sequence[str], lang: Language) -> str:
    if lang == "vi" or len(items) < 2:
        return ", ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _groups(summary: Summary, lang: Language) -> list[str]:
    return [
        _counted(n, (kind.label, kind.label) if lang == "vi" else GROUPS_EN[kind], lang)
        for kind, n in summary.model_groups_by_kind.items()
    ]


def _categories(counts: dict[ReintegrationCategory, int], lang: Language) -> list[str]:
    return [
        _counted(n, (c.label, c.label) if lang == "vi" else CATEGORIES_EN[c], lang, pad=False)
        for c, n in counts.items()
    ]


def _organisations(summary: Summary, lang: Language) -> list[str]:
    return [
        _counted(n, (k.label, k.label) if lang == "vi" else ORGANISATIONS_EN[k], lang)
        for k, n in summary.organisations_by_kind.items()
    ]


# The narrative --------------------------------------------------------------------------


def narrative(report: Report, *, lang: Language = "vi") -> str:
    """
    Write the report's paragraph in the form of the police's own reports.

    Participant-turns of 1,000 or more are rounded down to three significant digits and
    qualified "trên" / "over" (:meth:`antq.Figure.rounded_down`); every other
    figure is exact. Figures that are zero are left out.
    """
    write = _narrative_vi if lang == "vi" else _narrative_en
    return write(report)


def _narrative_vi(report: Report) -> str:
    s = report.summary
    opening = f"{period_adverbial(report.period, lang='vi')}, {_subject(report.unit, 'vi')}"
    sentences = []
    done = []
    if s.hamlets_mobilised or s.participant_turns:
        clause = (
            f"tổ chức tuyên truyền, phát động được {format_count(s.hamlets_mobilised)} thôn, tổ"
        )
        if s.participant_turns:
            turns = Figure.rounded_down(s.participant_turns).format(lang="vi")
            clause += f" có {turns} lượt người tham gia"
        done.append(clause)
    if s.slips_collected:
        clause = f"thu về {format_count(s.slips_collected)} phiếu tố giác tội phạm"
        if s.valuable_tips:
            clause += (
                f", trong đó {format_count(s.valuable_tips)} tin có giá trị "
                "phục vụ công tác đấu tranh phòng chống tội phạm"
            )
        done.append(clause)
    if done:
        sentences.append(f"{opening} đã {', '.join(done)}.")
    else:
        sentences.append(f"{opening} chưa có số liệu tuyên truyền, phát động.")
    groups = _groups(s, "vi")
    if groups:
        sentences.append(
            "Duy trì và nhân rộng các mô hình, điển hình tiên tiến trong phong trào toàn dân "
            f"bảo vệ an ninh Tổ quốc, củng cố {_series(groups, 'vi')}."
        )
    helped = _categories(s.reintegration_by_category, "vi")
    if helped:
        total = sum(s.reintegration_by_category.values())
        progressed = sum(s.reintegration_progressed_by_category.values())
        sentence = (
            f"Cảm hóa, giáo dục, giúp đỡ {format_count(total)} người tái hòa nhập cộng đồng "
            f"({_series(helped, 'vi')})"
        )
        if progressed:
            sentence += f", trong đó {format_count(progressed)} người tiến bộ"
        sentences.append(sentence + ".")
    bodies = _organisations(s, "vi")
    if bodies:
        sentences.append(
            f"Phong trào “Toàn dân bảo vệ ANTQ” được đẩy mạnh trong {_series(bodies, 'vi')}."
        )
    return " ".join(sentences)


def _narrative_en(report: Report) -> str:
    s = report.summary
    subject = _subject(report.unit, "en")
    opening = f"{period_adverbial(report.period, lang='en')}, {subject}"
    done = []
    if s.hamlets_mobilised or s.participant_turns:
        hamlets = _counted(
            s.hamlets_mobilised,
            ("village or residential group", "villages and residential groups"),
            "en",
        )
        clause = f"held propaganda sessions and launched the movement in {hamlets}"
        if s.participant_turns:
            turns = Figure.rounded_down(s.participant_turns).format(lang="en")
            clause += f", with {turns} participant-turns"
        done.append(clause)
    if s.slips_collected:
        slips = _counted(
            s.slips_collected, ("crime-denunciation slip", "crime-denunciation slips"), "en"
        )
        clause = f"collected {slips}"
        if s.valuable_tips:
            verb = "was" if s.valuable_tips == 1 else "were"
            clause += (
                f", of which {format_count(s.valuable_tips, lang='en')} {verb} "
                "information of value for fighting crime"
            )
        done.append(clause)
    if done:
        sentences = [f"{opening} {', and '.join(done)}."]
    else:
        sentences = [f"{opening} recorded no propaganda or launch sessions."]
    groups = _groups(s, "en")
    if groups:
        sentences.append(f"The movement's model groups were kept up: {_series(groups, 'en')}.")
    helped = _categories(s.reintegration_by_category, "en")
    if helped:
        total = sum(s.reintegration_by_category.values())
        progressed = sum(s.reintegration_progressed_by_category.values())
        people = _counted(total, ("person was", "people were"), "en")
        sentence = f"{people} helped to reintegrate ({_series(helped, 'en')})"
        if progressed:
            sentence += f", of whom {format_count(progressed, lang='en')} progressed"
        sentences.append(sentence[0].upper() + sentence[1:] + ".")
    bodies = _organisations(s, "en")
    if bodies:
        sentences.append(f"The movement was also pushed in {_series(bodies, 'en')}.")
    text = " ".join(sentences)
    return text[0].upper() + text[1:]


# Tables ---------------------------------------------------------------------------------


def _figure_rows(summary: Summary, lang: Language) -> list[tuple[str, str]]:
    index = 0 if lang == "vi" else 1
    rows = [
        (_ROW_LABELS[key][index], format_count(getattr(summary, key), lang=lang))
        for key in ("hamlets_mobilised", "participant_turns", "sessions", "slips_collected")
    ]
    valuable = format_count(summary.valuable_tips, lang=lang)
    share = summary.valuable_share
    if share is not None:
        ratio = format_ratio(summary.valuable_tips, summary.slips_collected, lang=lang)
        valuable += f" ({ratio}, {format_percent(share, lang=lang)})"
    rows.append((_ROW_LABELS["valuable_tips"][index], valuable))
    rows += [
        (_capitalised(kind.label if lang == "vi" else GROUPS_EN[kind][1]), _pad(n, lang))
        for kind, n in summary.model_groups_by_kind.items()
    ]
    rows += [
        (_capitalised(c.label if lang == "vi" else CATEGORIES_EN[c][1]), format_count(n, lang=lang))
        for c, n in summary.reintegration_by_category.items()
    ]
    if summary.reintegration_by_category:
        progressed = sum(summary.reintegration_progressed_by_category.values())
        rows.append(
            (_ROW_LABELS["reintegration_progressed"][index], format_count(progressed, lang=lang))
        )
    rows += [
        (
            _capitalised(k.label if lang == "vi" else ORGANISATIONS_EN[k][1]),
            format_count(n, lang=lang),
        )
        for k, n in summary.organisations_by_kind.items()
    ]
    return rows


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def _pad(count: int, lang: Language) -> str:
    return format_count(count, lang=lang, pad=lang == "vi")


def _breakdown_table(report: Report, lang: Language) -> tuple[list[str], list[list[str]]]:
    headings = _HEADINGS[lang]
    first = headings[4] if report.by in {"month", "quarter", "year"} else headings[3]
    columns = [
        first,
        _ROW_LABELS["hamlets_mobilised"][lang == "en"],
        _ROW_LABELS["participant_turns"][lang == "en"],
        _ROW_LABELS["slips_collected"][lang == "en"],
        _ROW_LABELS["valuable_tips"][lang == "en"],
        headings[5],
    ]
    body = []
    for row in [*report.rows, None]:
        summary = report.summary if row is None else row.summary
        body.append(
            [
                headings[2] if row is None else _row_name(row, report, lang),
                format_count(summary.hamlets_mobilised, lang=lang),
                format_count(summary.participant_turns, lang=lang),
                format_count(summary.slips_collected, lang=lang),
                format_count(summary.valuable_tips, lang=lang),
                format_count(sum(summary.model_groups_by_kind.values()), lang=lang),
            ]
        )
    return columns, body


def _row_name(row: BreakdownRow, report: Report, lang: Language) -> str:
    if report.by in {"month", "quarter", "year"}:
        phrase = period_phrase(row.period, lang=lang)
        return phrase[0].upper() + phrase[1:]
    if row.unit is None:
        above = "Cấp trên" if lang == "vi" else "Above that level"
        return f"{above} (*)"
    if lang == "vi":
        return f"{row.unit.kind.label.capitalize()} {row.unit.name}"
    return f"{row.unit.name} {_KIND_EN[row.unit.kind]}"


def _notes(report: Report, lang: Language) -> list[str]:
    notes = []
    for overlap in report.overlaps:
        tally = overlap.tally
        if lang == "vi":
            rival = f" {overlap.rival.id!r}" if overlap.rival is not None else ""
            notes.append(
                f"Số liệu khai báo {tally.id!r} ({tally.figure.label}: "
                f"{format_count(tally.value)}) không được tính: {overlap.cause.label}{rival}."
            )
        else:
            notes.append(
                f"Declared tally {tally.id!r} ({tally.figure.value}: "
                f"{format_count(tally.value, lang='en')}) was set aside: {overlap.reason}."
            )
    if report.unapportioned:
        n = report.unapportioned
        english = (
            "1 declared tally spans several rows and counts"
            if n == 1
            else f"{n} declared tallies span several rows and count"
        )
        notes.append(
            f"{n} số liệu khai báo trải dài nhiều kỳ chỉ được tính vào tổng."
            if lang == "vi"
            else f"{english} in the total only."
        )
    return notes


def _text_table(header: Sequence[str], body: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = []
    for number, line in enumerate([header, *body]):
        cells = [
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(line, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return lines


def _markdown_table(header: Sequence[str], body: Sequence[Sequence[str]]) -> list[str]:
    aligns = ["---", *("---:" for _ in header[1:])]
    return [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join(aligns) + " |",
        *("| " + " | ".join(line) + " |" for line in body),
    ]


def _title(report: Report, lang: Language) -> str:
    subject = _subject(report.unit, lang)
    phrase = period_phrase(report.period, lang=lang)
    if lang == "vi":
        return f"Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc — {subject}, {phrase}"
    return f"The movement to protect national security — {subject}, {phrase}"


def _lines(
    report: Report,
    lang: Language,
    table: Callable[[Sequence[str], Sequence[Sequence[str]]], list[str]],
    *,
    markdown: bool,
) -> str:
    return "\n".join(_render_lines(report, lang, table, markdown=markdown)) + "\n"


def _render_lines(
    report: Report,
    lang: Language,
    table: Callable[[Sequence[str], Sequence[Sequence[str]]], list[str]],
    *,
    markdown: bool,
) -> list[str]:
    headings = _HEADINGS[lang]
    lines = [
        ("# " if markdown else "") + _title(report, lang),
        "",
        narrative(report, lang=lang),
        "",
    ]
    lines += table(headings[:2], [list(row) for row in _figure_rows(report.summary, lang)])
    if report.by is not None:
        header, body = _breakdown_table(report, lang)
        lines += ["", *table(header, body)]
    notes = _notes(report, lang)
    if notes:
        lines += ["", f"{headings[6]}:", *(f"- {note}" for note in notes)]
    return lines


def _json(report: Report, lang: Language) -> dict[str, Any]:
    unit = report.unit
    return {
        "unit": None
        if unit is None
        else {"code": unit.code, "name": unit.name, "kind": unit.kind.value},
        "period": {"start": report.period.start.isoformat(), "end": report.period.end.isoformat()},
        "language": lang,
        "narrative": narrative(report, lang=lang),
        "figures": report.summary.figures(),
        "breakdown": None
        if report.by is None
        else {
            "by": report.by,
            "rows": [
                {
                    "key": row.key,
                    "name": None if row.unit is None else row.unit.name,
                    "period": {
                        "start": row.period.start.isoformat(),
                        "end": row.period.end.isoformat(),
                    },
                    "figures": row.summary.figures(),
                }
                for row in report.rows
            ],
        },
        "tally_overlaps": [
            {
                "tally": overlap.tally.id,
                "cause": overlap.cause.value,
                "rival": None if overlap.rival is None else overlap.rival.id,
            }
            for overlap in report.overlaps
        ],
        "notes": _notes(report, lang),
    }


def render_report(report: Report, *, lang: Language = "vi", format: Format = "text") -> str:  # noqa: A002
    """
    Write a report in Vietnamese or English, as text, Markdown or JSON.

    Text and Markdown hold a title, the narrative paragraph, the table of figures, the
    breakdown's table when there is one, and notes on declared tallies set aside. JSON
    holds the same, keyed by the glossary's identifiers.

    Args:
        report: What :func:`make_report` counted.
        lang: ``"vi"`` or ``"en"``.
        format: ``"text"``, ``"markdown"`` or ``"json"``.

    Raises:
        antq.errors.InvalidValueError: When *lang* or *format* is unknown.
    """
    if lang not in {"vi", "en"}:
        raise InvalidValueError("render_report", "lang", lang, "a report is in 'vi' or 'en'")
    renderers: dict[str, Callable[[], str]] = {
        "text": lambda: _lines(report, lang, _text_table, markdown=False),
        "markdown": lambda: _lines(report, lang, _markdown_table, markdown=True),
        "json": lambda: json.dumps(_json(report, lang), ensure_ascii=False, indent=2) + "\n",
    }
    render = renderers.get(format)
    if render is not None:
        return render()
    known = ", ".join(map(repr, FORMATS))
    raise InvalidValueError("render_report", "format", format, f"a report is written as {known}")
