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
    NotAttributable,
    Scope,
    Summary,
    TallyOverlap,
    accepted_tallies,
    breakdown,
    successor_codes,
    summarize,
)
from antq.editions import Edition, UnitMatch
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
from antq.names import collation_key
from antq.periods import Period
from antq.reintegration import ReintegrationCategory
from antq.units import OrganisationKind, Unit, UnitKind, UnitLevel

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from antq.dataset import MovementDataset
    from antq.figures import Language

__all__ = [
    "FORMATS",
    "MappedReport",
    "MappedUnit",
    "Predecessor",
    "Report",
    "make_mapped_report",
    "make_report",
    "narrative",
    "render_mapped_report",
    "render_report",
]

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
    "tips_decided_in_time": ("Tin giải quyết đúng hạn", "Tips decided in time"),
    "tips_decided_late": ("Tin giải quyết quá hạn", "Tips decided late"),
    "tips_overdue": ("Tin quá hạn chưa giải quyết", "Tips overdue, undecided"),
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
    # CR-11 only for tips with a time limit: rows appear once one is counted.
    limits = ("tips_decided_in_time", "tips_decided_late", "tips_overdue")
    if any(getattr(summary, key) for key in limits):
        rows += [
            (_ROW_LABELS[key][index], format_count(getattr(summary, key), lang=lang))
            for key in limits
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
    return _render(
        "render_report",
        lang,
        format,
        {
            "text": lambda: _lines(report, lang, _text_table, markdown=False),
            "markdown": lambda: _lines(report, lang, _markdown_table, markdown=True),
            "json": lambda: _dumps(_json(report, lang)),
        },
    )


def _dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _render(owner: str, lang: str, format: str, renderers: dict[str, Callable[[], str]]) -> str:  # noqa: A002
    """
    Run the renderer of *format*, refusing an unknown language or form by name.
    """
    if lang not in {"vi", "en"}:
        raise InvalidValueError(owner, "lang", lang, "a report is in 'vi' or 'en'")
    render = renderers.get(format)
    if render is not None:
        return render()
    known = ", ".join(map(repr, FORMATS))
    raise InvalidValueError(owner, "format", format, f"a report is written as {known}")


# On the units of another edition --------------------------------------------------------


@attrs.frozen
class Predecessor:
    """
    An old unit that went, wholly or in part, into a unit of the new edition.

    Args:
        unit: The old unit, of the dataset's edition.
        whole: ``True`` when all of it went into the new unit.
        held: ``True`` when the dataset holds it, so that its figures can count.
    """

    unit: Unit
    whole: bool
    held: bool


@attrs.frozen
class MappedUnit:
    """
    A unit of the new edition, with the figures of the dataset's old units inside it.

    Args:
        unit: The unit of the new edition.
        address: The unit and those above it, in Vietnamese.
        summary: The figures of the dataset's old units that went wholly into it.
        predecessors: The old units it came from, those the dataset holds and the others.
    """

    unit: Unit
    address: str
    summary: Summary
    predecessors: tuple[Predecessor, ...] = ()


@attrs.frozen
class MappedReport:
    """
    A dataset's figures re-expressed on the units of another edition of the official list.

    Each unit shown counts the old units of the dataset that went wholly into it, and
    only those: a new unit that also took in units the dataset does not hold has
    figures for part of its area, and its ``predecessors`` say which part.
    An old unit split between new units has its figures in ``not_attributable``,
    never shared out on a guess (:class:`antq.MappedSummary`).

    Args:
        source: The edition of the dataset's units.
        edition: The edition the figures are expressed on.
        reporting_unit: The dataset's reporting unit, of *source*; ``None`` if it has none.
        period: The reporting period.
        units: The units of *edition* shown, in Vietnamese name order.
        total: The figures of the whole dataset.
        not_attributable: The figures of old units that cannot be put on one new unit.
    """

    source: Edition
    edition: Edition
    reporting_unit: Unit | None
    period: Period
    units: tuple[MappedUnit, ...]
    total: Summary
    not_attributable: tuple[NotAttributable, ...] = ()


def make_mapped_report(
    dataset: MovementDataset,
    onto: Edition,
    *,
    unit: str | None = None,
    period: Period | None = None,
) -> MappedReport:
    """
    Count a dataset's figures on the units of the edition *onto*.

    The figures of each old unit go to the unit of *onto* it went into whole, by the
    successions *onto* records (for the bundled edition ``2025-07``, the reorganisation
    of 1 July 2025, whose act the edition's ``source`` names). The counting
    is :func:`antq.summarize` with *onto*, unit by unit.

    Args:
        dataset: The dataset; it must name the edition of its units.
        onto: The edition to express the figures on.
        unit: A code of *onto*: show that unit only. By default the units shown are
            those the dataset's reporting unit went into, or, without a reporting unit,
            those its top units went into.
        period: The reporting period; the dataset's own by default.

    Raises:
        antq.errors.InvalidValueError: When the dataset names no edition.
        antq.errors.UnknownUnitError: When *unit* is not a unit of *onto*.
    """
    source = dataset.edition
    if source is None:
        rule = 'the dataset names no edition of its units; add "edition" to the dataset file'
        raise InvalidValueError("make_mapped_report", "edition", None, rule)
    period = period or dataset.period
    registry = dataset.registry
    if unit is not None:
        codes: set[str] = {onto.registry.get(unit).code}
    else:
        targets = successor_codes(dataset, onto)
        tops = (
            [u.code for u in registry.units if u.parent_code is None]
            if dataset.reporting_unit_code is None
            else [dataset.reporting_unit_code]
        )
        codes = {code for top in tops for code in targets[top]}
    whole = summarize(dataset, period=period, onto=onto)
    parts = {part.unit.code: part for part in whole.not_attributable}
    shown = []
    for code in sorted(codes, key=lambda c: (collation_key(onto.registry.get(c).name), c)):
        mapped = summarize(dataset, period=period, unit=code, onto=onto)
        for part in mapped.not_attributable:
            parts.setdefault(part.unit.code, part)
        new = onto.registry.get(code)
        address = UnitMatch(onto.name, new, onto.registry.ancestors(code)).address
        shown.append(
            MappedUnit(new, address, mapped.summary, _predecessors(dataset, source, onto, code))
        )
    reporting = dataset.reporting_unit_code
    return MappedReport(
        source,
        onto,
        None if reporting is None else registry.get(reporting),
        period,
        tuple(shown),
        whole.total,
        tuple(sorted(parts.values(), key=lambda part: _unit_order(part.unit))),
    )


def _unit_order(unit: Unit) -> tuple[int, tuple[tuple[int, ...], tuple[int, ...], str], str]:
    return unit.level.rank, collation_key(unit.name), unit.code


def _predecessors(
    dataset: MovementDataset, source: Edition, onto: Edition, code: str
) -> tuple[Predecessor, ...]:
    """
    Return the old units that went into the unit *code* of *onto*, most precise first.

    An old district that went into a new commune only through its communes is left
    out when those communes are listed: they say more.
    """
    if onto.name == source.name:
        found = [(code, True)]
    else:
        found = [
            (s.from_code, s.whole) for s in onto.predecessors(code) if s.from_edition == source.name
        ]
    above = {a.code for old, _ in found for a in source.registry.ancestors(old)}
    registry = dataset.registry
    kept = [
        Predecessor(
            registry.get(old) if registry.has_unit(old) else source.registry.get(old),
            whole,
            registry.has_unit(old),
        )
        for old, whole in found
        if old not in above
    ]
    return tuple(sorted(kept, key=lambda p: _unit_order(p.unit)))


#: The words of a re-expressed report: (Vietnamese, English).
_MAPPED_WORDS = {
    "unit": ("Đơn vị", "Unit"),
    "old_unit": ("Đơn vị cũ", "Old unit"),
    "total": ("Tổng (cả bộ dữ liệu)", "Total (whole dataset)"),
    "origins": ("Đơn vị cũ nhập vào", "Where the figures come from"),
    "apart": ("Số liệu không xác định được đơn vị mới", "Not attributable"),
    "none": ("Không có.", "None."),
    "counts": ("gồm số liệu của", "counts"),
    "counts_none": (
        "không có đơn vị cũ nào trong bộ dữ liệu",
        "counts no old unit of the dataset",
    ),
    "in_part": (
        "một phần của {units} (số liệu ghi ở mục không xác định được đơn vị mới)",
        "part of {units} (figures under not attributable)",
    ),
    "missing": ("không có trong bộ dữ liệu: {units}", "not in the dataset: {units}"),
    "no_origin": (
        "không có đơn vị nào theo danh mục {source} nhập vào",
        "no unit of edition {source} went into it",
    ),
    "split": ("được chia cho {units}", "went in part into {units}"),
    "lost": (
        "không có đơn vị kế thừa trong danh mục {edition}",
        "no known successor in edition {edition}",
    ),
}


def _word(key: str, lang: Language, **values: str) -> str:
    return _MAPPED_WORDS[key][lang == "en"].format(**values)


def _named(unit: Unit) -> str:
    """
    Return a unit's code and Vietnamese name: ``01843 phường Bắc Kạn``.
    """
    return f"{unit.code} {_POLICE_VI.get(unit.kind, unit.kind.label)} {unit.name}"


def _mapped_title(report: MappedReport, lang: Language) -> str:
    subject = _subject(report.reporting_unit, lang)
    phrase = period_phrase(report.period, lang=lang)
    name = report.edition.name
    if lang == "vi":
        return (
            f"Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc — {subject}, {phrase}, "
            f"theo danh mục đơn vị hành chính {name}"
        )
    return (
        f"The movement to protect national security — {subject}, {phrase}, "
        f"on the units of edition {name}"
    )


def _mapped_intro(report: MappedReport, lang: Language) -> str:
    old, new = report.source.name, report.edition.name
    if lang == "vi":
        return (
            f"Số liệu của mỗi đơn vị theo danh mục {old} được ghi cho đơn vị theo danh mục "
            f"{new} mà toàn bộ đơn vị đó nhập vào. Số liệu của một đơn vị mới chỉ gồm các "
            "đơn vị cũ có trong bộ dữ liệu."
        )
    return (
        f"The figures of each unit of edition {old} are put on the unit of edition {new} "
        "it went into whole. A new unit's figures cover only the old units the dataset holds."
    )


def _figure_columns(lang: Language) -> list[str]:
    index = int(lang == "en")
    keys = ("hamlets_mobilised", "participant_turns", "sessions", "slips_collected")
    return [
        *(_ROW_LABELS[key][index] for key in keys),
        _ROW_LABELS["valuable_tips"][index],
        _HEADINGS[lang][5],
    ]


def _figure_cells(summary: Summary, lang: Language) -> list[str]:
    counts = (
        summary.hamlets_mobilised,
        summary.participant_turns,
        summary.sessions,
        summary.slips_collected,
        summary.valuable_tips,
        sum(summary.model_groups_by_kind.values()),
    )
    return [format_count(count, lang=lang) for count in counts]


def _origins(shown: MappedUnit, report: MappedReport, lang: Language) -> str:
    """
    Say which old units a new unit's figures cover, and which they do not.
    """
    counted = [_named(p.unit) for p in shown.predecessors if p.held and p.whole]
    shared = [_named(p.unit) for p in shown.predecessors if p.held and not p.whole]
    missing = [_named(p.unit) for p in shown.predecessors if not p.held]
    if not shown.predecessors:
        clauses = [_word("no_origin", lang, source=report.source.name)]
    elif counted:
        clauses = [f"{_word('counts', lang)} {', '.join(counted)}"]
    else:
        clauses = [_word("counts_none", lang)]
    if shared:
        clauses.append(_word("in_part", lang, units=", ".join(shared)))
    if missing:
        clauses.append(_word("missing", lang, units=", ".join(missing)))
    return f"{shown.unit.code} {shown.address}: {'; '.join(clauses)}."


def _successors_of(part: NotAttributable, report: MappedReport, lang: Language) -> str:
    if not part.successors:
        return _word("lost", lang, edition=report.edition.name)
    units = ", ".join(_named(report.edition.registry.get(code)) for code in part.successors)
    return _word("split", lang, units=units)


def _mapped_lines(
    report: MappedReport,
    lang: Language,
    table: Callable[[Sequence[str], Sequence[Sequence[str]]], list[str]],
    *,
    markdown: bool,
) -> str:
    def heading(key: str) -> str:
        return f"## {_word(key, lang)}" if markdown else f"{_word(key, lang)}:"

    columns = _figure_columns(lang)
    body = [[_named(shown.unit), *_figure_cells(shown.summary, lang)] for shown in report.units]
    body.append([_word("total", lang), *_figure_cells(report.total, lang)])
    lines = [
        ("# " if markdown else "") + _mapped_title(report, lang),
        "",
        _mapped_intro(report, lang),
        "",
        *table([_word("unit", lang), *columns], body),
        "",
        heading("origins"),
        *(f"- {_origins(shown, report, lang)}" for shown in report.units),
        "",
        heading("apart"),
    ]
    if report.not_attributable:
        rows = [
            [_named(part.unit), *_figure_cells(part.summary, lang)]
            for part in report.not_attributable
        ]
        lines += table([_word("old_unit", lang), *columns], rows)
        lines.append("")
        lines += [
            f"- {_named(part.unit)}: {_successors_of(part, report, lang)}."
            for part in report.not_attributable
        ]
    else:
        lines.append(_word("none", lang))
    return "\n".join(lines) + "\n"


def _unit_json(unit: Unit) -> dict[str, Any]:
    return {
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind.value,
        "parent_code": unit.parent_code,
    }


def _mapped_json(report: MappedReport, lang: Language) -> dict[str, Any]:
    unit = report.reporting_unit
    return {
        "from_edition": report.source.name,
        "edition": report.edition.name,
        "unit": None if unit is None else _unit_json(unit),
        "period": {"start": report.period.start.isoformat(), "end": report.period.end.isoformat()},
        "language": lang,
        "notes": [_mapped_intro(report, lang)],
        "units": [
            {
                **_unit_json(shown.unit),
                "address": shown.address,
                "figures": shown.summary.figures(),
                "predecessors": [
                    {**_unit_json(p.unit), "whole": p.whole, "in_dataset": p.held}
                    for p in shown.predecessors
                ],
            }
            for shown in report.units
        ],
        "total": report.total.figures(),
        "not_attributable": [
            {
                **_unit_json(part.unit),
                "successors": list(part.successors),
                "figures": part.summary.figures(),
            }
            for part in report.not_attributable
        ],
    }


def render_mapped_report(
    report: MappedReport,
    *,
    lang: Language = "vi",
    format: Format = "text",  # noqa: A002
) -> str:
    """
    Write a report re-expressed on another edition, in Vietnamese or English.

    Text and Markdown hold a title, what the figures cover, a table with a row for each
    unit shown and the total, the old units each new unit's figures come from (and
    those they do not, because the dataset does not hold them), and the figures that
    are not attributable. JSON holds the same, keyed by the glossary's identifiers.

    Args:
        report: What :func:`make_mapped_report` counted.
        lang: ``"vi"`` or ``"en"``.
        format: ``"text"``, ``"markdown"`` or ``"json"``.

    Raises:
        antq.errors.InvalidValueError: When *lang* or *format* is unknown.
    """
    return _render(
        "render_mapped_report",
        lang,
        format,
        {
            "text": lambda: _mapped_lines(report, lang, _text_table, markdown=False),
            "markdown": lambda: _mapped_lines(report, lang, _markdown_table, markdown=True),
            "json": lambda: _dumps(_mapped_json(report, lang)),
        },
    )
