"""
Write the bundled table of official administrative units and their successions.

The source is the MIT-licensed package ``vietnamadminunits`` 1.0.4 (Copyright (c) 2025
Tran Ngoc Minh Hieu), which holds the list of units in force just before the 2025
reorganisation (63 provinces, 696 districts, 10,035 communes), the list in force from
1 July 2025 (34 provinces, 3,321 communes), and which old commune went into which new
one. Its wheel is read as a zip file, never imported (importing it needs shapely and
geopy), and checked against a known SHA-256 so the table is reproducible.

The script writes ``src/antq/data/official-units.json.gz`` (deterministic gzip) and
prints what it could not map. Run from the repository root:

    .venv/bin/python scripts/make_units.py [--wheel PATH]

Without ``--wheel`` it downloads the wheel with ``pip download`` into a temporary
folder. The cross-check against ``vietnam-provinces`` is scripts/check_units.py.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

PACKAGE = "vietnamadminunits"
VERSION = "1.0.4"
SHA256 = "737ee3662e877290386c1c45ed4d71f2e5fae34ab6fb9c64bfb4cb74b216ea35"
OUTPUT = Path(__file__).resolve().parent.parent / "src" / "antq" / "data" / "official-units.json.gz"
EFFECTIVE = "2025-07-01"
UNIT_FIELDS = ("code", "name", "kind", "parent_code")

#: Corrections to the source's units, each with the reason; see docs/units.md.
#: (edition, code) -> {field: value}
#: The source's type column says "Xã" for these, while its own full names say "Thị trấn
#: Ngọc Lặc", "Phường 5" and "Phường 15" (and vietnam-provinces agrees with the names).
CORRECTIONS: dict[tuple[str, str], dict[str, str]] = {
    ("2025-01", "15061"): {"kind": "township"},
    ("2025-01", "27046"): {"kind": "ward", "name": "5"},
    ("2025-01", "27076"): {"kind": "ward", "name": "15"},
}

#: Old communes the source has going wholly into one new commune, where the official
#: conversion table (as the cross-check reads it) has them split: antq records the
#: split, so their figures are not attributed to one new commune on a guess.
#: old code -> the new communes the source leaves out. See docs/units.md.
SPLIT_CORRECTIONS: dict[str, tuple[str, ...]] = {
    "00553": ("00562",),
    "01615": ("01648",),
    "02485": ("02494",),
    "09013": ("09817",),
}

EDITIONS = {
    "2025-01": {
        "title": "units in force before the reorganisation of 1 July 2025",
        "title_vi": "đơn vị hành chính trước khi sắp xếp (đầu năm 2025)",
        "in_force_from": None,
        "in_force_to": "2025-06-30",
        "source": "danh mục đơn vị hành chính đầu năm 2025 (Tổng cục Thống kê)",
    },
    "2025-07": {
        "title": "units in force from 1 July 2025",
        "title_vi": "đơn vị hành chính từ ngày 1 tháng 7 năm 2025",
        "in_force_from": "2025-07-01",
        "in_force_to": None,
        "source": "Quyết định 19/2025/QĐ-TTg",
    },
}

SUCCESSION_SOURCE = (
    "Nghị quyết 202/2025/QH15 (provinces); the resolutions of the Ủy ban Thường vụ Quốc hội "
    "of 16 June 2025 on the communes of each province"
)

PROVINCE_KINDS = {"Tỉnh": "province", "Thành phố": "centrally_run_city"}
DISTRICT_KINDS = {
    "Huyện": "rural_district",
    "Quận": "urban_district",
    "Thị xã": "district_town",
    "Thành phố": "provincial_city",
}
COMMUNE_KINDS = {
    "Xã": "commune",
    "Phường": "ward",
    "Thị trấn": "township",
    "Đặc khu": "special_zone",
}


def _wheel(path: str | None) -> bytes:
    if path is None:
        folder = tempfile.mkdtemp()
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", folder]
        subprocess.run([*command, f"{PACKAGE}=={VERSION}"], check=True)  # noqa: S603
        path = str(next(Path(folder).glob("*.whl")))
    data = Path(path).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256:
        sys.exit(f"{path}: SHA-256 {digest}, expected {SHA256}")
    return data


def _prefix(full: str, kinds: dict[str, str]) -> str:
    for word in sorted(kinds, key=len, reverse=True):
        if full.lower().startswith(word.lower() + " "):
            return word
    sys.exit(f"no kind word at the start of {full!r}")


def _bare_name(short: str, kind_word: str) -> str:
    """
    Return the name without its kind word.

    The source writes "Yên Viên (Thị trấn)" to tell namesakes apart, and "Phường 1" as
    the short name of a numbered ward.
    """
    name = short.removesuffix(f" ({kind_word})").strip()
    prefix = f"{kind_word} "
    if name.lower().startswith(prefix.lower()) and name[len(prefix) :].strip()[:1].isdigit():
        name = name[len(prefix) :].strip()
    return name


def build(wheel: bytes) -> dict[str, Any]:  # noqa: C901, PLR0912, PLR0915
    """
    Build the table from the wheel's bytes.
    """
    archive = zipfile.ZipFile(io.BytesIO(wheel))
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "dataset.db"
        database.write_bytes(archive.read(f"{PACKAGE}/data/dataset.db"))
        connection = sqlite3.connect(database)
        legacy = connection.execute(
            "select province, provinceShort, provinceCode, districtShort, districtType,"
            " districtCode, wardShort, wardType, wardCode, provinceKey, districtKey, wardKey"
            " from admin_units_legacy order by provinceCode, districtCode, wardCode"
        ).fetchall()
        current = connection.execute(
            "select province, provinceShort, provinceCode, wardShort, wardType, wardCode,"
            " provinceKey, wardKey from admin_units order by provinceCode, wardCode"
        ).fetchall()
        connection.close()
    converter = json.loads(archive.read(f"{PACKAGE}/data/converter_2025.json"))

    old_units: dict[str, list[Any]] = {}
    old_key_code: dict[str, str] = {}
    district_communes: dict[str, list[str]] = defaultdict(list)
    old_province_key: dict[str, str] = {}
    for row in legacy:
        (province, province_short, province_code, district_short, district_type) = row[:5]
        (district_code, ward_short, ward_type, ward_code) = row[5:9]
        (province_key, district_key, ward_key) = row[9:]
        province_kind = PROVINCE_KINDS[_prefix(province, PROVINCE_KINDS)]
        old_units.setdefault(province_code, [province_code, province_short, province_kind, None])
        old_province_key[province_key] = province_code
        district_kind = DISTRICT_KINDS[district_type]
        if district_kind == "provincial_city" and province_kind == "centrally_run_city":
            district_kind = "municipal_city"
        name = _bare_name(district_short, district_type)
        old_units.setdefault(district_code, [district_code, name, district_kind, province_code])
        if ward_code is None:
            # An island district governed without communes (Bạch Long Vĩ, Cồn Cỏ ...):
            # the conversion names the district itself, with an empty commune key.
            old_key_code[f"{province_key}_{district_key}_"] = district_code
            continue
        name = _bare_name(ward_short, ward_type)
        old_units[ward_code] = [ward_code, name, COMMUNE_KINDS[ward_type], district_code]
        old_key_code[f"{province_key}_{district_key}_{ward_key}"] = ward_code
        district_communes[district_code].append(ward_code)

    new_units: dict[str, list[Any]] = {}
    new_key_code: dict[tuple[str, str], str] = {}
    new_province_key: dict[str, str] = {}
    for row in current:
        (province, province_short, province_code, ward_short, ward_type, ward_code) = row[:6]
        (province_key, ward_key) = row[6:]
        province_kind = PROVINCE_KINDS[_prefix(province, PROVINCE_KINDS)]
        new_units.setdefault(province_code, [province_code, province_short, province_kind, None])
        new_province_key[province_key] = province_code
        name = _bare_name(ward_short, ward_type)
        new_units[ward_code] = [ward_code, name, COMMUNE_KINDS[ward_type], province_code]
        new_key_code[province_key, ward_key] = ward_code

    for (edition, code), fields in CORRECTIONS.items():
        units = old_units if edition == "2025-01" else new_units
        for field, value in fields.items():
            units[code][UNIT_FIELDS.index(field)] = value

    successors: dict[str, dict[str, bool]] = defaultdict(dict)
    for new_province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            target = new_key_code[new_province, new_ward]
            for old in olds:
                successors[old_key_code[old]][target] = True
    for new_province, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, parts in olds.items():
            for part in parts:
                target = new_key_code[new_province, part["newWardKey"]]
                successors[old_key_code[old]][target] = False

    problems: list[str] = []
    for code, extra in SPLIT_CORRECTIONS.items():
        for target in extra:
            successors[code][target] = False
        for target in successors[code]:
            successors[code][target] = False
    commune_rows: list[list[Any]] = []
    for code, unit in old_units.items():
        if len(code) != 5:
            continue
        targets = successors.get(code)
        if not targets:
            problems.append(f"commune {code} {unit[1]}: no successor")
            continue
        whole = len(targets) == 1
        if not whole and all(targets.values()):
            problems.append(f"commune {code} {unit[1]}: several whole successors")
        commune_rows.extend([code, target, whole] for target in sorted(targets))

    province_rows: list[list[Any]] = []
    for new_province, olds in converter["DICT_PROVINCE"].items():
        target = new_province_key[new_province]
        province_rows.extend([old_province_key[old], target, True] for old in olds)
    province_rows.sort()

    district_rows: list[list[Any]] = []
    commune_targets: dict[str, set[str]] = defaultdict(set)
    for old, target, _ in commune_rows:
        commune_targets[old].add(target)
    for district in sorted(code for code in old_units if len(code) == 3):
        # An island district without communes went into a commune itself.
        reached = set(successors.get(district, {}))
        reached.update(*(commune_targets[c] for c in district_communes[district]))
        if not reached:
            problems.append(f"district {district}: no successor")
        district_rows.extend([district, target, len(reached) == 1] for target in sorted(reached))

    for problem in problems:
        print(problem, file=sys.stderr)

    def listed(table: dict[str, list[Any]]) -> list[list[Any]]:
        return sorted(table.values(), key=lambda unit: (len(unit[0]), unit[0]))

    return {
        "format": 1,
        "source": {
            "package": PACKAGE,
            "version": VERSION,
            "sha256": SHA256,
            "licence": "MIT",
            "copyright": "Copyright (c) 2025 Tran Ngoc Minh Hieu",
        },
        "unit_fields": list(UNIT_FIELDS),
        "editions": [
            {"name": name, **meta, "units": listed(old_units if name == "2025-01" else new_units)}
            for name, meta in EDITIONS.items()
        ],
        "successions": [
            {
                "from": "2025-01",
                "to": "2025-07",
                "effective": EFFECTIVE,
                "source": SUCCESSION_SOURCE,
                "fields": ["from_code", "to_code", "whole"],
                "provinces": province_rows,
                "districts": district_rows,
                "communes": commune_rows,
            }
        ],
    }


def write(table: dict[str, Any], path: Path) -> None:
    """
    Write *table* as deterministic gzip-compressed JSON, one unit per line.
    """
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as out:
        out.write(text.encode())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def main() -> None:
    """
    Read the arguments, build the table and write it.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--wheel", help=f"a downloaded {PACKAGE}-{VERSION} wheel")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    arguments = parser.parse_args()
    table = build(_wheel(arguments.wheel))
    write(table, arguments.output)
    counts = {e["name"]: len(e["units"]) for e in table["editions"]}
    size = arguments.output.stat().st_size
    print(f"wrote {arguments.output} ({size:,} bytes): units {counts}")


if __name__ == "__main__":
    main()
