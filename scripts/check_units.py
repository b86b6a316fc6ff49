"""
Cross-check the bundled table of official units against ``vietnam-provinces``.

antq's table ``src/antq/data/official-units.json.gz`` is built by scripts/make_units.py from
the MIT-licensed package ``vietnamadminunits``. This script compares it with an independent
source, the package ``vietnam-provinces`` 2026.9.0, and reports where the two disagree:

1. the units of edition 2025-01 against ``vietnam_provinces.legacy`` (codes, parents, kinds,
   names of the provinces, districts and communes in force before 1 July 2025);
2. the units of edition 2025-07 against ``vietnam_provinces`` (the same, from 1 July 2025);
3. the successions: the new communes each old commune went into, whether it was split, and
   the new province of each old province.

Names are compared without the kind word ("Phường Xuất Hóa" is "Xuất Hóa"). Names that differ
only in case, Unicode form, spacing or the placement of the tone mark ("Hóa" and "Hoá") are
counted as cosmetic and never fail the check; every other difference is a disagreement.

``vietnam-provinces`` is licensed under the GPL and needs Python 3.12 or later. It is a
development-only reference: antq never imports it and nothing from it is copied into the
table; this script only reads it to compare and report. The script does not import antq either
(it reads the table with gzip and json), so it runs from a separate environment:

    python3.12 -m venv /tmp/vpenv
    /tmp/vpenv/bin/pip install vietnam-provinces==2026.9.0
    /tmp/vpenv/bin/python scripts/check_units.py [--table PATH] [--limit N | --all]

Each disagreement is printed with a stable identifier in brackets, such as
``[succession:01834]`` or ``[name:2025-07:01843]``, under its category, whose identifier is
printed in brackets too, such as ``[kind:2025-01]``. Once disagreements have been looked into,
record how they were settled: a whole category in ``SETTLED_CATEGORIES``, or one disagreement
in ``SETTLED`` (its reason is then shown instead of its category's). A disagreement is settled
when its category or its identifier is listed. The successions are categorised by direction
(antq lists more new communes, or the reference does), so settling one direction as a whole
never settles the other. The exit status is 0 when every disagreement is settled, 1 otherwise;
entries that no longer match a disagreement are reported as stale.

``--markdown PATH`` also writes the outcome as a Markdown fragment for the documentation
(docs/units-crosscheck.md, included from the page on the official units):

    /tmp/vpenv/bin/python scripts/check_units.py --markdown docs/units-crosscheck.md
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import importlib.metadata
import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TABLE = Path(__file__).resolve().parent.parent / "src" / "antq" / "data" / "official-units.json.gz"
REFERENCE = "vietnam-provinces"
REFERENCE_VERSION = "2026.9.0"
OLD = "2025-01"
NEW = "2025-07"
LIMIT = 15

#: Why the two lists of edition 2025-01 differ in their communes and kinds.
DIFFERENT_DATES = (
    "The two lists are of different dates. vietnam-provinces' list of the units before"
    " 1 July 2025 predates changes made in the first half of 2025: for example, Mộc Châu (123)"
    " became a district town with wards on 1 February 2025, and wards of Ho Chi Minh City were"
    " merged under new codes. antq's edition 2025-01 is the list in force on 30 June 2025, the"
    " one the successions of 1 July 2025 start from, so antq keeps its source's list."
)
#: Why names of edition 2025-01 differ.
SPELLING = (
    "Spelling variants between the two lists (Đăk and Đắk, Sỹ and Sĩ, hyphens, abbreviations"
    ' such as "N.T" for Nông trường). antq keeps its source\'s spelling. A name that differs is'
    " only a warning in antq's validation (rule U505), and a search without diacritics finds"
    " either spelling."
)
#: Why kinds of edition 2025-07 differ.
LATER_KINDS = (
    "antq's edition 2025-07 is the list in force from 1 July 2025; vietnam-provinces 2026.9.0"
    " gives a different kind for these units (for three provinces, a centrally-run city). antq"
    " keeps its source's kinds for the list of 1 July 2025; a later change belongs in a later"
    " edition."
)
#: Why antq keeps a commune split where the reference has fewer successors or has it whole.
KEEPS_THE_SPLIT = (
    "Settled conservatively: antq keeps the split. A split commune's figures are reported as"
    " not attributable rather than attributed to one new commune on a guess, so an extra"
    " successor can leave figures unattributed but never misattributes them. Most of these"
    " come from namesake confusions of antq's source, which gives a commune the successors of"
    ' another of the same name as well as its own (25462 and 27691, both "Phường 4"; wards'
    " numbered 3, 4 and 6 also sent to Cao Lãnh, 29869); the others are 00556, 23053 and 28036."
)
#: Why a commune the reference calls partly merged, with a single successor, stays whole.
NOTHING_ELSEWHERE = (
    "Kept whole: vietnam-provinces marks the commune as partly merged but lists a single new"
    " commune for it, and neither source names any other new commune receiving a part of it,"
    " so there is nothing to attribute elsewhere."
)
#: Why names of edition 2025-01 differ that are not spelling variants.
RENAMED = (
    "Not a spelling variant: the two lists are of different dates. Communes of Sơn La were"
    " merged or renamed in the first half of 2025 (Mộc Châu (123) became a district town with"
    " wards on 1 February 2025), after vietnam-provinces' list of the units before 1 July 2025."
    " antq's edition 2025-01 is the list in force on 30 June 2025, the one the successions of"
    " 1 July 2025 start from, so antq keeps its source's list."
)

#: Categories of disagreements settled as a whole: category identifier -> how.
SETTLED_CATEGORIES: dict[str, str] = {
    "communes-only-antq:2025-01": DIFFERENT_DATES,
    "communes-only-reference:2025-01": DIFFERENT_DATES,
    "kind:2025-01": DIFFERENT_DATES,
    "name-other:2025-01": SPELLING,
    "kind:2025-07": LATER_KINDS,
    "succession-antq-more": KEEPS_THE_SPLIT,
    "partly-merged-single": NOTHING_ELSEWHERE,
    "partly-merged-antq-split": KEEPS_THE_SPLIT,
    "split-antq-split": KEEPS_THE_SPLIT,
}

#: Disagreements settled one by one: identifier -> how. A reason here is shown instead of
#: the reason of the disagreement's category.
SETTLED: dict[str, str] = {
    **dict.fromkeys(
        [
            f"name:2025-01:{code}"
            for code in ("03748", "03979", "03982", "03997", "04000", "04015", "04033", "04075")
        ],
        RENAMED,
    ),
    "succession-only-antq:01651": (
        "Kept: antq's source maps Mỹ Hưng (01651) to the new commune Phục Hòa (01648);"
        " vietnam-provinces has no entry for it, and gives Phục Hòa to Hồng Quang (01615)"
        " instead, which antq now records as split."
    ),
    "succession-only-antq:02482": (
        "Kept: antq's source maps Phú Thịnh (02482) to the new commune Thái Bình (02494);"
        " vietnam-provinces has no entry for it, and gives Thái Bình to Công Đa (02485)"
        " instead, which antq now records as split."
    ),
    "province-succession:82": (
        "An error of the reference: vietnam-provinces also sends Tiền Giang (82) to Tây Ninh"
        " (80) because its entry for the old ward 27691 names province 82, while its own list"
        " of the units before 1 July 2025 puts district 794 (Tân An), and so 27691, in Long An"
        " (80). antq keeps Tiền Giang (82) going wholly to Đồng Tháp (82)."
    ),
}

LEVELS = {2: "provinces", 3: "districts", 5: "communes"}
PROVINCE_KINDS = {"tỉnh": "province", "thành phố trung ương": "centrally_run_city"}
DISTRICT_KINDS = {
    "huyện": "rural_district",
    "quận": "urban_district",
    "thị xã": "district_town",
    "thành phố": "provincial_city",
}
COMMUNE_KINDS = {
    "xã": "commune",
    "phường": "ward",
    "thị trấn": "township",
    "đặc khu": "special_zone",
}
KIND_WORDS = sorted(
    {"tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu"},
    key=len,
    reverse=True,
)
#: The five tone marks, as combining characters, with the number of the tone they mark.
TONES = {"\u0301": "1", "\u0300": "2", "\u0309": "3", "\u0303": "4", "\u0323": "5"}
BRACKETED = re.compile(r"(.+?)\s*\(([^()]+)\)")
COSMETIC = "cosmetic"


@dataclass(frozen=True)
class Unit:
    """
    One administrative unit; names are as the source spells them.
    """

    code: str
    name: str
    kind: str
    parent: str | None


@dataclass(frozen=True)
class Finding:
    """
    One disagreement: its stable identifier and a line describing it.
    """

    key: str
    text: str


@dataclass
class Report:
    """
    The findings, by section and category identifier, in the order they are added.
    """

    sections: dict[str, dict[str, list[Finding]]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    cosmetic: dict[str, int] = field(default_factory=dict)

    def put(self, section: str, category: str, label: str, findings: list[Finding]) -> None:
        """
        Add a category of findings (possibly none), with its identifier and label, to a section.
        """
        if category in self.labels:
            message = f"category {category} is added twice"
            raise ValueError(message)
        self.labels[category] = label
        self.sections.setdefault(section, {})[category] = sorted(findings, key=lambda f: f.key)

    def findings(self) -> list[tuple[str, Finding]]:
        """
        Return every finding with the identifier of its category.
        """
        return [
            (category, finding)
            for section in self.sections.values()
            for category, findings in section.items()
            for finding in findings
        ]


def settlement(category: str, key: str) -> str | None:
    """
    Return how a disagreement was settled (its own reason first), or None if it is open.
    """
    return SETTLED.get(key) or SETTLED_CATEGORIES.get(category)


# Reading the two sources ------------------------------------------------------------------


def load_table(path: Path) -> dict[str, Any]:
    """
    Read antq's gzip-compressed JSON table.
    """
    with gzip.open(path, "rt", encoding="utf-8") as file:
        table: dict[str, Any] = json.load(file)
    return table


def table_units(table: dict[str, Any], edition: str) -> dict[str, Unit]:
    """
    Return the units of one edition of antq's table, by code.
    """
    fields: list[str] = table["unit_fields"]
    for entry in table["editions"]:
        if entry["name"] == edition:
            records = [dict(zip(fields, row, strict=True)) for row in entry["units"]]
            return {
                str(r["code"]): Unit(
                    str(r["code"]), str(r["name"]), str(r["kind"]), r["parent_code"]
                )
                for r in records
            }
    sys.exit(f"the table has no edition {edition}")


def _code(value: Any, width: int) -> str:  # noqa: ANN401 - an int enumeration of the reference
    return f"{int(value):0{width}d}"


def reference_old_units() -> dict[str, Unit]:
    """
    Return the units of ``vietnam_provinces.legacy`` (before 1 July 2025), by code.
    """
    legacy = importlib.import_module("vietnam_provinces.legacy")
    units: dict[str, Unit] = {}
    for province in legacy.Province.iter_all():
        code = _code(province.code, 2)
        kind = str(province.division_type)
        units[code] = Unit(code, str(province.name), PROVINCE_KINDS.get(kind, kind), None)
    for district in legacy.District.iter_all():
        code, parent = _code(district.code, 3), _code(district.province_code, 2)
        kind = DISTRICT_KINDS.get(str(district.division_type), str(district.division_type))
        city = parent in units and units[parent].kind == "centrally_run_city"
        if kind == "provincial_city" and city:
            kind = "municipal_city"
        units[code] = Unit(code, str(district.name), kind, parent)
    for ward in legacy.Ward.iter_all():
        code, parent = _code(ward.code, 5), _code(ward.district_code, 3)
        kind = COMMUNE_KINDS.get(str(ward.division_type), str(ward.division_type))
        units[code] = Unit(code, str(ward.name), kind, parent)
    return units


def reference_new_units() -> dict[str, Unit]:
    """
    Return the units of ``vietnam_provinces`` (from 1 July 2025), by code.
    """
    current = importlib.import_module("vietnam_provinces")
    units: dict[str, Unit] = {}
    for province in current.Province.iter_all():
        code = _code(province.code, 2)
        kind = str(province.division_type)
        units[code] = Unit(code, str(province.name), PROVINCE_KINDS.get(kind, kind), None)
    for ward in current.Ward.iter_all():
        code, parent = _code(ward.code, 5), _code(ward.province_code, 2)
        kind = COMMUNE_KINDS.get(str(ward.division_type), str(ward.division_type))
        units[code] = Unit(code, str(ward.name), kind, parent)
    return units


@dataclass(frozen=True)
class Succession:
    """
    Where one old unit went: the new codes and whether it was split.
    """

    targets: frozenset[str]
    split: bool


def table_successions(table: dict[str, Any], level: str) -> dict[str, Succession]:
    """
    Return antq's successions of 1 July 2025 at one level, by old code.
    """
    entry = next(s for s in table["successions"] if (s["from"], s["to"]) == (OLD, NEW))
    targets: dict[str, set[str]] = defaultdict(set)
    whole: dict[str, bool] = defaultdict(lambda: True)
    for old, new, is_whole in entry[level]:
        targets[old].add(new)
        whole[old] = whole[old] and bool(is_whole)
    return {old: Succession(frozenset(new), not whole[old]) for old, new in targets.items()}


def reference_successions() -> dict[str, Succession]:
    """
    Return the old-to-new commune mapping of ``vietnam-provinces``, by old code.
    """
    wards = importlib.import_module("vietnam_provinces._ward_conversion_2025")
    return {
        _code(old, 5): Succession(
            frozenset(_code(new.code, 5) for new in entry.new_wards),
            bool(entry.old_ward.is_partly_merged),
        )
        for old, entry in wards.OLD_TO_NEW.items()
    }


def reference_province_successions() -> dict[str, Succession]:
    """
    Return the old-to-new province mapping of ``vietnam-provinces``, by old code.
    """
    provinces = importlib.import_module("vietnam_provinces._province_conversion_2025")
    result: dict[str, Succession] = {}
    for old, entry in provinces.OLD_TO_NEW.items():
        targets = frozenset(_code(new.code, 2) for new in entry.new_provinces)
        result[_code(old, 2)] = Succession(targets, len(targets) > 1)
    return result


# Names ------------------------------------------------------------------------------------


def strip_kind(name: str) -> str:
    """
    Return *name* without a leading kind word ("Phường Xuất Hóa" -> "Xuất Hóa").
    """
    name = unicodedata.normalize("NFC", name).strip()
    lowered = name.lower()
    for word in KIND_WORDS:
        if lowered.startswith(word + " "):
            return name[len(word) + 1 :].strip()
    return name


def _word_key(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    letters = "".join(c for c in decomposed if c not in TONES)
    tones = "".join(TONES[c] for c in decomposed if c in TONES)
    return unicodedata.normalize("NFC", letters) + tones


def name_key(name: str) -> str:
    """
    Return *name* in lower case with each word's tone mark moved to its end.

    Two spellings that differ only in case, Unicode form, spacing or the placement of the tone
    mark ("Thủy" and "Thuỷ") have the same key.
    """
    return " ".join(_word_key(w) for w in unicodedata.normalize("NFC", name).lower().split())


def unbracketed(name: str) -> str:
    """
    Return *name* without a trailing bracketed note ("Long Phú (Xã)" -> "Long Phú").
    """
    bracketed = BRACKETED.fullmatch(name)
    return bracketed[1] if bracketed else name


def name_difference(ours: str, theirs: str) -> str | None:
    """
    Classify how antq's bare name *ours* differs from the reference's full name *theirs*.

    Returns None when they are the same, ``COSMETIC`` when they differ only in spelling, and
    otherwise the label of the category of real differences.
    """
    bare = strip_kind(theirs)
    if ours == bare:
        return None
    if name_key(ours) == name_key(bare):
        return COSMETIC
    bracketed = BRACKETED.fullmatch(ours)
    if (
        bracketed
        and bracketed[2].strip().lower() in KIND_WORDS
        and name_key(bracketed[1]) == name_key(bare)
    ):
        return "antq adds the kind in brackets"
    if name_key(strip_kind(ours)) == name_key(bare):
        return "antq's bare name keeps the kind word (full names agree)"
    return "other"


# Comparisons ------------------------------------------------------------------------------

#: The categories of name differences: label (as name_difference returns it) -> identifier.
NAME_CATEGORIES = {
    "antq adds the kind in brackets": "name-bracketed",
    "antq's bare name keeps the kind word (full names agree)": "name-kind-word",
    "other": "name-other",
}


def _describe(unit: Unit) -> str:
    parent = f", in {unit.parent}" if unit.parent else ""
    return f"{unit.code} {unit.name} ({unit.kind}{parent})"


def compare_units(
    report: Report, edition: str, ours: dict[str, Unit], theirs: dict[str, Unit], levels: list[int]
) -> None:
    """
    Compare antq's units of *edition* with the reference's.
    """
    section = f"Edition {edition}"
    for level in levels:
        label = LEVELS[level]
        in_ours = {c for c in ours if len(c) == level}
        in_theirs = {c for c in theirs if len(c) == level}
        report.put(
            section,
            f"{label}-only-antq:{edition}",
            f"{label} only in antq",
            [Finding(f"only-antq:{edition}:{c}", _describe(ours[c])) for c in in_ours - in_theirs],
        )
        report.put(
            section,
            f"{label}-only-reference:{edition}",
            f"{label} only in {REFERENCE}",
            [
                Finding(f"only-reference:{edition}:{c}", _describe(theirs[c]))
                for c in in_theirs - in_ours
            ],
        )
    parents: list[Finding] = []
    kinds: list[Finding] = []
    names: dict[str, list[Finding]] = {label: [] for label in NAME_CATEGORIES}
    cosmetic = 0
    for code in sorted(ours.keys() & theirs.keys()):
        mine, other = ours[code], theirs[code]
        if mine.parent != other.parent:
            text = f"{code} {mine.name}: antq in {mine.parent} | reference in {other.parent}"
            parents.append(Finding(f"parent:{edition}:{code}", text))
        if mine.kind != other.kind:
            text = f"{code} {mine.name}: antq {mine.kind} | reference {other.kind} ({other.name})"
            kinds.append(Finding(f"kind:{edition}:{code}", text))
        difference = name_difference(mine.name, other.name)
        if difference == COSMETIC:
            cosmetic += 1
        elif difference is not None:
            text = f"{code}: antq {mine.name!r} | reference {other.name!r}"
            names[difference].append(Finding(f"name:{edition}:{code}", text))
    report.put(section, f"parent:{edition}", "parent differs", parents)
    report.put(section, f"kind:{edition}", "kind differs", kinds)
    for label, findings in names.items():
        category = f"{NAME_CATEGORIES[label]}:{edition}"
        report.put(section, category, f"name differs: {label}", findings)
    report.cosmetic[edition] = cosmetic


def _targets(codes: frozenset[str], units: dict[str, Unit]) -> str:
    return ", ".join(f"{c} {units[c].name}" if c in units else c for c in sorted(codes)) or "-"


@dataclass
class Describer:
    """
    Describe old communes and their successors by code and name.
    """

    old_units: dict[str, Unit]
    new_units: dict[str, Unit]
    theirs: dict[str, Succession]
    sources: dict[str, set[str]] = field(init=False)

    def __post_init__(self) -> None:
        """
        Index the reference's old communes by the new communes they went into.
        """
        self.sources = defaultdict(set)
        for code, succession in self.theirs.items():
            for target in succession.targets:
                self.sources[target].add(code)

    def old(self, code: str) -> str:
        """
        Return an old commune's code, name and district.
        """
        unit = self.old_units.get(code)
        return f"{code} {unit.name} (in {unit.parent})" if unit else code

    def where(self, succession: Succession) -> str:
        """
        Return the codes and names of the new communes of a succession.
        """
        return _targets(succession.targets, self.new_units)

    def namesakes(self, code: str, extra: frozenset[str]) -> str:
        """
        Note which of antq's *extra* successors the reference gives to a namesake of *code*.
        """
        if code not in self.old_units:
            return ""
        key = name_key(unbracketed(self.old_units[code].name))
        found = sorted(
            source
            for target in extra
            for source in self.sources[target]
            if source != code
            and source in self.old_units
            and name_key(unbracketed(self.old_units[source].name)) == key
        )
        if not found:
            return ""
        return f" (antq's extra successors are those of its namesake {', '.join(found)})"


#: The categories of differing successions, by direction: identifier -> label. Those ending
#: in "-antq-more" or "-antq-split" are where antq lists more new communes or has the commune
#: split; the others are where the reference lists more, or has the commune split.
SUCCESSION_CATEGORIES = {
    "succession-antq-more": "new communes differ: antq lists the reference's, and more",
    "succession-other": f"new communes differ: {REFERENCE} lists some that antq does not",
    "partly-merged-single": (
        "is_partly_merged, but a single new commune listed, where antq has the commune whole"
    ),
    "partly-merged-antq-split": "antq has the commune split, the reference not partly merged",
    "partly-merged-other": (
        "antq has the commune whole, the reference partly merged into several new communes"
    ),
    "split-antq-split": "antq has the commune split, the reference lists one new commune",
    "split-other": "antq has the commune whole, the reference lists several new communes",
}


def _compare_succession(
    code: str, mine: Succession, other: Succession, describe: Describer
) -> dict[str, Finding]:
    old, where = describe.old(code), describe.where
    split = "split" if mine.split else "whole"
    partly = "partly merged" if other.split else "not partly merged"
    found: dict[str, Finding] = {}
    if mine.targets != other.targets:
        text = f"{old}: antq -> {where(mine)} | reference -> {where(other)}"
        text += describe.namesakes(code, mine.targets - other.targets)
        more = mine.targets > other.targets
        found["succession-antq-more" if more else "succession-other"] = Finding(
            f"succession:{code}", text
        )
    if mine.split != other.split:
        text = f"{old}: antq {split} -> {where(mine)} | reference {partly} -> {where(other)}"
        if mine.split:
            category = "partly-merged-antq-split"
        elif len(other.targets) == 1:
            category = "partly-merged-single"
        else:
            category = "partly-merged-other"
        found[category] = Finding(f"partly-merged:{code}", text)
    if mine.split != (len(other.targets) > 1):
        text = (
            f"{old}: antq {split} -> {where(mine)} | reference lists"
            f" {len(other.targets)} ({partly}) -> {where(other)}"
        )
        found["split-antq-split" if mine.split else "split-other"] = Finding(f"split:{code}", text)
    return found


def compare_successions(report: Report, ours: dict[str, Succession], describe: Describer) -> None:
    """
    Compare antq's commune successions with ``vietnam-provinces``'s old-to-new mapping.
    """
    section = "Successions of communes, 1 July 2025"
    theirs = describe.theirs
    only_ours = [
        Finding(f"succession-only-antq:{c}", f"{describe.old(c)} -> {describe.where(ours[c])}")
        for c in ours.keys() - theirs.keys()
    ]
    only_theirs = [
        Finding(
            f"succession-only-reference:{c}", f"{describe.old(c)} -> {describe.where(theirs[c])}"
        )
        for c in theirs.keys() - ours.keys()
    ]
    report.put(section, "succession-only-antq", "old communes mapped in antq only", only_ours)
    report.put(
        section,
        "succession-only-reference",
        f"old communes mapped in {REFERENCE} only",
        only_theirs,
    )
    findings: dict[str, list[Finding]] = {category: [] for category in SUCCESSION_CATEGORIES}
    for code in sorted(ours.keys() & theirs.keys()):
        for category, finding in _compare_succession(
            code, ours[code], theirs[code], describe
        ).items():
            findings[category].append(finding)
    for category, label in SUCCESSION_CATEGORIES.items():
        report.put(section, category, label, findings[category])


def compare_province_successions(
    report: Report,
    ours: dict[str, Succession],
    theirs: dict[str, Succession],
    units: dict[str, Unit],
) -> None:
    """
    Compare antq's province successions with ``vietnam-provinces``'s province mapping.
    """
    section = "Successions of provinces, 1 July 2025"
    report.put(
        section,
        "province-succession-only-antq",
        "old provinces mapped in antq only",
        [Finding(f"province-succession-only-antq:{c}", c) for c in ours.keys() - theirs.keys()],
    )
    report.put(
        section,
        "province-succession-only-reference",
        f"old provinces mapped in {REFERENCE} only",
        [
            Finding(f"province-succession-only-reference:{c}", c)
            for c in theirs.keys() - ours.keys()
        ],
    )
    differ = []
    for code in sorted(ours.keys() & theirs.keys()):
        mine, other = ours[code], theirs[code]
        if mine != other:
            text = (
                f"{code}: antq -> {_targets(mine.targets, units)} (split {mine.split})"
                f" | reference -> {_targets(other.targets, units)}"
            )
            differ.append(Finding(f"province-succession:{code}", text))
    report.put(section, "province-succession", "new province or split differs", differ)


# Output -----------------------------------------------------------------------------------

#: How many units of one level each source has in one edition: edition, level, antq, reference.
Count = tuple[str, str, int, int]
EXAMPLES = 5


def unit_counts(units: dict[str, tuple[dict[str, Unit], dict[str, Unit]]]) -> list[Count]:
    """
    Count the units of each level both sources have in each edition.
    """
    counts: list[Count] = []
    for edition, (ours, theirs) in units.items():
        for level, label in LEVELS.items():
            mine = sum(len(c) == level for c in ours)
            other = sum(len(c) == level for c in theirs)
            if mine or other:
                counts.append((edition, label, mine, other))
    return counts


def print_counts(counts: list[Count]) -> None:
    """
    Print how many units of each level both sources have in each edition.
    """
    print(f"{'units':<22}{'antq':>8}{REFERENCE:>20}")
    for edition, label, mine, other in counts:
        print(f"{edition + ' ' + label:<22}{mine:>8,}{other:>20,}")
    print()


def print_report(report: Report, limit: int | None) -> None:
    """
    Print the findings, grouped, with at most *limit* lines per category.
    """
    for section, categories in report.sections.items():
        print(f"== {section} ==")
        for category, findings in categories.items():
            print(f"  {report.labels[category]}: {len(findings)}  [{category}]")
            reason = SETTLED_CATEGORIES.get(category)
            if findings and reason:
                print(f"      (settled as a whole: {reason})")
            shown = findings if limit is None else findings[:limit]
            for finding in shown:
                own = SETTLED.get(finding.key)
                note = f"  (settled: {own})" if own else ""
                print(f"      [{finding.key}] {finding.text}{note}")
            if len(shown) < len(findings):
                print(f"      ... {len(findings) - len(shown)} more (--all to print them)")
        edition = section.removeprefix("Edition ")
        if edition in report.cosmetic:
            cosmetic = report.cosmetic[edition]
            print(f"  name differs only in case, Unicode form or tone placement: {cosmetic}")
        print()


def stale_entries(report: Report) -> list[str]:
    """
    Describe the entries of ``SETTLED`` and ``SETTLED_CATEGORIES`` that settle nothing.
    """
    keys = {finding.key for _, finding in report.findings()}
    notes = [
        f"SETTLED lists {key}, which is no longer reported" for key in sorted(SETTLED.keys() - keys)
    ]
    for category in sorted(SETTLED_CATEGORIES):
        if category not in report.labels:
            notes.append(f"SETTLED_CATEGORIES lists {category}, which is not a category")
        elif not any(
            category in section and section[category] for section in report.sections.values()
        ):
            notes.append(f"SETTLED_CATEGORIES lists {category}, which has no disagreement")
    return notes


@dataclass(frozen=True)
class Versions:
    """
    What was compared: antq's source and the reference, with the date of the reference's data.
    """

    source: str
    source_licence: str
    reference: str
    reference_data: str


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _how(category: str, findings: list[Finding]) -> str:
    """
    Say how the disagreements of one category were settled, for the Markdown table.
    """
    reason = SETTLED_CATEGORIES.get(category)
    own = sum(finding.key in SETTLED for finding in findings)
    open_ = sum(settlement(category, finding.key) is None for finding in findings)
    parts = [reason] if reason else []
    if own and not reason:
        parts.append("Settled one by one (below).")
    elif own:
        parts.append(f"Settled one by one instead (below): {own} of these.")
    if open_:
        parts.append(f"Open: {open_}.")
    return " ".join(parts)


def markdown(report: Report, counts: list[Count], versions: Versions) -> str:
    """
    Return the outcome of the check as a Markdown fragment for the documentation.
    """
    findings = report.findings()
    open_ = sum(settlement(category, finding.key) is None for category, finding in findings)
    nonempty = sum(1 for s in report.sections.values() for fs in s.values() if fs)
    cosmetic = ", ".join(f"{n} in edition {edition}" for edition, n in report.cosmetic.items())
    about = (
        f"antq's table of official units is built from {versions.source}"
        f" ({versions.source_licence} licence). It was cross-checked"
        f" against an independent source, {versions.reference} (its data of"
        f" {versions.reference_data}), a GPL-licensed package used only for this check during"
        " development: antq does not depend on it and nothing of it is copied into the table."
        " The check compares the units of both editions (codes, parents, kinds and names) and"
        " the successions of 1 July 2025 (which new communes and provinces each old one went"
        " into, and whether it was split). Names are compared without their kind word, and"
        " names that differ only in case, Unicode form, spacing or the placement of the tone"
        f" mark are not counted as disagreements ({cosmetic})."
    )
    outcome = (
        f"The check found {len(findings)} disagreements in {nonempty} categories;"
        f" {len(findings) - open_} are settled and {open_} open."
    )
    lines = [
        "% Generated by scripts/check_units.py --markdown; do not edit.",
        "",
        "### Disagreements and how they were settled",
        "",
        about,
        "",
        f"| Units | antq, from {versions.source} | {versions.reference} |",
        "| --- | ---: | ---: |",
        *(
            f"| {edition} {label} | {mine:,} | {other:,} |"
            for edition, label, mine, other in counts
        ),
        "",
        outcome,
        "",
        "| Comparison | Disagreements | Examples | How they were settled |",
        "| --- | ---: | --- | --- |",
    ]
    empty: dict[str, list[str]] = defaultdict(list)
    for section, categories in report.sections.items():
        for category, found in categories.items():
            label = report.labels[category]
            if not found:
                empty[section].append(label)
                continue
            examples = ", ".join(f.key.rsplit(":", 1)[-1] for f in found[:EXAMPLES])
            if len(found) > EXAMPLES:
                examples += ", …"
            cells = [f"{section}: {label}", f"{len(found):,}", examples, _how(category, found)]
            lines.append("| " + " | ".join(_cell(cell) for cell in cells) + " |")
    lines += ["", "The other comparisons found no disagreement:", ""]
    lines += [f"- {section}: {'; '.join(labels)}." for section, labels in empty.items()]
    by_reason: dict[str, list[Finding]] = defaultdict(list)
    for _, finding in findings:
        if finding.key in SETTLED:
            by_reason[SETTLED[finding.key]].append(finding)
    if by_reason:
        lines += ["", "The disagreements settled one by one:", ""]
        for reason, settled in by_reason.items():
            lines.append(f"- {reason}")
            lines += [f"  - `{finding.key}`: {finding.text}" for finding in settled]
    return "\n".join(lines) + "\n"


def main() -> int:
    """
    Compare the table with ``vietnam-provinces``, print the report and return the exit status.
    """
    parser = argparse.ArgumentParser(
        description=f"Cross-check antq's table of official units against {REFERENCE}."
    )
    parser.add_argument(
        "--table", type=Path, default=TABLE, help="the table (default: %(default)s)"
    )
    parser.add_argument("--limit", type=int, default=LIMIT, help="lines per category")
    parser.add_argument("--all", action="store_true", help="print every line of every category")
    parser.add_argument(
        "--markdown", type=Path, metavar="PATH", help="also write the outcome as Markdown to PATH"
    )
    arguments = parser.parse_args()
    if not arguments.table.is_file():
        parser.error(f"no table at {arguments.table}")

    try:
        reference = importlib.import_module("vietnam_provinces")
        version = importlib.metadata.version(REFERENCE)
    except (ImportError, importlib.metadata.PackageNotFoundError):
        print(f"{REFERENCE} {REFERENCE_VERSION} is not installed; see the docstring of {__file__}")
        return 2
    if version != REFERENCE_VERSION:
        print(
            f"warning: {REFERENCE} {version} is installed; this check expects {REFERENCE_VERSION}"
        )

    table = load_table(arguments.table)
    source = table["source"]
    versions = Versions(
        f"{source['package']} {source['version']}",
        str(source["licence"]),
        f"{REFERENCE} {version}",
        str(reference.__data_version__),
    )
    print(f"antq table: {arguments.table} (from {versions.source})")
    print(f"reference:  {versions.reference} (data of {versions.reference_data}, GPL, dev only)")
    print()

    ours_old, ours_new = table_units(table, OLD), table_units(table, NEW)
    theirs_old, theirs_new = reference_old_units(), reference_new_units()
    counts = unit_counts({OLD: (ours_old, theirs_old), NEW: (ours_new, theirs_new)})
    print_counts(counts)

    report = Report()
    compare_units(report, OLD, ours_old, theirs_old, [2, 3, 5])
    compare_units(report, NEW, ours_new, theirs_new, [2, 5])
    describe = Describer(
        ours_old | {c: u for c, u in theirs_old.items() if c not in ours_old},
        ours_new | {c: u for c, u in theirs_new.items() if c not in ours_new},
        reference_successions(),
    )
    compare_successions(report, table_successions(table, "communes"), describe)
    compare_province_successions(
        report,
        table_successions(table, "provinces"),
        reference_province_successions(),
        ours_new,
    )
    print_report(report, None if arguments.all else arguments.limit)

    findings = report.findings()
    settled = sum(settlement(category, f.key) is not None for category, f in findings)
    stale = stale_entries(report)
    for note in stale:
        print(f"note: {note}")
    categories = sum(1 for s in report.sections.values() for fs in s.values() if fs)
    cosmetic = sum(report.cosmetic.values())
    print(
        f"summary: {len(findings)} disagreements in {categories} categories,"
        f" {settled} settled, {len(findings) - settled} open;"
        f" {cosmetic} cosmetic name differences; {len(stale)} stale settled entries"
    )
    if arguments.markdown:
        arguments.markdown.write_text(markdown(report, counts, versions), encoding="utf-8")
        print(f"wrote {arguments.markdown}")
    return 0 if settled == len(findings) else 1


if __name__ == "__main__":
    sys.exit(main())
