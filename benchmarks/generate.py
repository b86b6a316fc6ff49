"""
Write a synthetic antq dataset of any size, as a JSON Lines directory.

The dataset spreads over provinces, districts, communes and hamlets with made-up but
well-formed codes (2-digit provinces, 3-digit districts, 5-digit communes, hamlets such
as ``01234-T03``), over a period of 3 to 10 whole years ending on 31 December 2021. Its
size is the number of tips; the other sections scale with it:

- one commune per 500 tips, each with 5 to 15 hamlets and a few organisations;
- one mobilisation session per 20 tips: sessions of the first 40% of the period carry a
  tally of ``slips_collected`` and have no tip records, later ones are referred to by
  the slips collected at them (``session_id``);
- one model group per 200 tips, one reintegration case per 1,000 tips, and a handful of
  declared tallies;
- tips of every channel and legal kind, assessed and decided on the way police records
  look: most decisions within the 20 days of Điều 147, some late, some overdue, a few
  extended by the handling agency or the procuracy within the bounds of Điều 147, a few
  suspended and resumed; most tips are anonymous, a small share name their informant.

Every record is made up. The same size and seed give byte-identical files. Records are
written as they are drawn, one commune at a time, so memory does not grow with the
number of tips. Every record is accepted by :func:`antq.formats.read_dataset`, and
:func:`antq.validation.validate` finds no error in the dataset, only warnings: the
decisions taken after the time limit (T703) and, rarely, a duplicate session or group.

    python benchmarks/generate.py 100k /tmp/antq-100k [--seed 1]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import math
import random
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "SECTIONS",
    "STAMP",
    "generate",
    "main",
    "parse_size",
]

#: The section files written, in the order of the format.
SECTIONS = (
    "units",
    "organisations",
    "campaigns",
    "sessions",
    "tips",
    "model_groups",
    "reintegration_cases",
    "declared_tallies",
)
#: The file written last, naming the size and seed: a directory without it is incomplete.
STAMP = "generated.txt"
#: Bumped whenever the records drawn for a size and seed change.
GENERATOR_VERSION = 1

_NAMED_SIZES = {"100k": 100_000, "1m": 1_000_000, "5m": 5_000_000}
_SUFFIXES = {"k": 1_000, "m": 1_000_000}

_TIPS_PER_COMMUNE = 500
_TIPS_PER_SESSION = 20
_TIPS_PER_GROUP = 200
_TIPS_PER_CASE = 1_000
_MAX_COMMUNES = 99_999
_MAX_DISTRICTS = 999
_MAX_PROVINCES = 99
_COMMUNES_PER_DISTRICT = 15
_DISTRICTS_PER_PROVINCE = 11
_LAST_YEAR = 2021
#: The share of the period whose sessions carry a tally instead of tip records.
_TALLY_ERA = 0.4
#: At most this share of a commune's tips are slips referring to a session.
_SESSION_SLIP_SHARE = 0.35
_DAYS_TO_DECIDE = 20

_SYLLABLES = (
    "An", "Bình", "Hòa", "Phú", "Tân", "Long", "Thạnh", "Đông", "Tây", "Nam", "Bắc",
    "Hưng", "Thịnh", "Phước", "Lộc", "Quang", "Xuân", "Hải", "Sơn", "Thủy", "Minh",
    "Đức", "Trung", "Hiệp", "Vĩnh", "Yên", "Mỹ", "Châu", "Lâm", "Thành", "Gia", "Kim",
    "Hồng", "Cẩm", "Ngọc", "Phong", "Định", "Thuận", "Lạc", "Hà", "Khánh", "Tiến",
)  # fmt: skip
_FAMILY_NAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
    "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
)  # fmt: skip
_MIDDLE_NAMES = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu")
_GIVEN_NAMES = (
    "An", "Bình", "Cúc", "Dũng", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương",
    "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Vy", "Hiền", "Khoa", "Nhung",
)  # fmt: skip

_DISTRICT_KINDS = ("rural_district", "urban_district", "district_town", "provincial_city")
_DISTRICT_WEIGHTS = (80, 0, 8, 12)
_CITY_DISTRICT_WEIGHTS = (40, 50, 5, 5)
_DISTRICT_WORDS = {
    "rural_district": "Huyện",
    "urban_district": "Quận",
    "district_town": "Thị xã",
    "provincial_city": "Thành phố",
}
_VILLAGE_WORDS = (("thôn", "Thôn"), ("bản", "Bản"), ("ấp", "Ấp"), ("làng", "Làng"))
_GROUP_WORDS = (("tổ", "Tổ dân phố"), ("khối phố", "Khối phố"))

_SESSION_KINDS = ("propaganda", "launch", "peak_crackdown", "festival_day")
_SESSION_WEIGHTS = (60, 18, 14, 8)

_CHANNELS = ("form", "mailbox", "in_person", "phone", "online", "media")
_CHANNEL_WEIGHTS = (25, 20, 20, 20, 10, 5)
_LEGAL_KINDS = ("denunciation", "crime_information", "prosecution_petition")
_LEGAL_WEIGHTS = (6, 3, 1)
#: How a classified tip fares: decided in time, late, extended, suspended, or undecided.
_FATES = ("in_time", "late", "extended", "suspended", "undecided")
_FATE_WEIGHTS = (74, 8, 7, 5, 6)

#: Model group kinds drawn. ``security_protection_team`` starts in July 2024, after the
#: period; ``security_cluster`` is left to the declared tallies, so no record counts it.
_GROUP_KINDS = {
    "security_self_management": ("Tổ tự quản về an ninh trật tự", 25),
    "peoples_security_group": ("Tổ an ninh nhân dân", 10),
    "youth_shock_team": ("Đội thanh niên xung kích", 8),
    "mediation_group": ("Tổ hòa giải", 25),
    "urban_order_sanitation_group": ("Tổ tự quản về đô thị và vệ sinh môi trường", 8),
    "peer_support_club": ("Câu lạc bộ bạn giúp bạn", 5),
    "domestic_violence_prevention_group": ("Nhóm phòng, chống bạo lực gia đình", 6),
    "fire_prevention_team": ("Tổ phòng cháy chữa cháy", 6),
    "veterans_club": ("Câu lạc bộ cựu chiến binh tự quản", 3),
    "womens_club": ('Câu lạc bộ phụ nữ "5 không, 3 sạch"', 3),
    "other": ("Mô hình camera an ninh", 1),
}
#: Reintegration categories drawn; ``from_compulsory_treatment`` is left to the tallies.
_CATEGORIES = ("pardoned", "released_prisoner", "from_education_establishment", "from_reformatory")
_CATEGORY_WEIGHTS = (15, 60, 10, 15)
#: The campaigns each province runs every year: kind, first and last day, title.
_CAMPAIGNS = (
    ("launch", (1, 1), (12, 31), "Phát động phong trào toàn dân bảo vệ an ninh Tổ quốc năm"),
    ("festival_day", (8, 1), (8, 31), "Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm"),
    ("peak_crackdown", (10, 15), (12, 31), "Đợt cao điểm tấn công, trấn áp tội phạm cuối năm"),
)
_SCHOOL_LEVELS = ("primary", "lower_secondary", "upper_secondary", "vocational")
_ENTERPRISE_SIZES = ("micro", "small", "medium", "large")


def parse_size(text: str) -> int:
    """
    Return the number of tips named by *text*: ``100k``, ``1m``, ``5m`` or an integer.

    Raises:
        ValueError: When *text* names no positive number of tips.
    """
    cleaned = text.strip().lower().replace("_", "").replace(",", "")
    if cleaned in _NAMED_SIZES:
        return _NAMED_SIZES[cleaned]
    multiplier = _SUFFIXES.get(cleaned[-1:], 1)
    digits = cleaned[:-1] if cleaned[-1:] in _SUFFIXES else cleaned
    if not digits.isascii() or not digits.isdigit() or int(digits) * multiplier < 1:
        msg = f"a size is a positive number of tips, such as 2000, 100k or 5m: {text!r}"
        raise ValueError(msg)
    return int(digits) * multiplier


def _share(total: int, parts: int, index: int) -> int:
    """
    Return part *index* of *total* split as evenly as possible into *parts* parts.
    """
    return total * (index + 1) // parts - total * index // parts


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _place_name(rng: random.Random) -> str:
    first, second = rng.sample(_SYLLABLES, 2)
    return f"{first} {second}"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FAMILY_NAMES)} {rng.choice(_MIDDLE_NAMES)} {rng.choice(_GIVEN_NAMES)}"


class _Writer:
    """
    The open section files, each written one record per line.
    """

    def __init__(self, directory: Path, stack: ExitStack) -> None:
        self.files: dict[str, IO[str]] = {
            section: stack.enter_context(
                (directory / f"{section}.jsonl").open("w", encoding="utf-8", newline="\n")
            )
            for section in SECTIONS
        }
        self.counts = dict.fromkeys(SECTIONS, 0)

    def write(self, section: str, record: dict[str, Any]) -> None:
        self.files[section].write(json.dumps(record, ensure_ascii=False))
        self.files[section].write("\n")
        self.counts[section] += 1


class _Commune:
    """
    One commune being drawn: its code, kind, names, hamlets and organisations.
    """

    def __init__(self, code: str, kind: str, name: str, district: str) -> None:
        self.code = code
        self.kind = kind
        self.name = name
        self.district = district
        self.hamlets: list[tuple[str, str]] = []
        self.organisations: list[str] = []


class _Generator:
    """
    Draw the records of one dataset and write them as they are drawn.
    """

    def __init__(self, tips: int, seed: int, writer: _Writer) -> None:
        # Made-up records, drawn reproducibly: no secret depends on these draws.
        self.rng = random.Random(seed)  # noqa: S311
        self.tips = tips
        self.writer = writer
        years = self.rng.randint(3, 10)
        self.start = dt.date(_LAST_YEAR - years + 1, 1, 1)
        self.end = dt.date(_LAST_YEAR, 12, 31)
        self.first_day = self.start.toordinal()
        self.last_day = self.end.toordinal()
        self.tally_era_ends = self.first_day + int(_TALLY_ERA * (self.last_day - self.first_day))
        self.communes = min(_MAX_COMMUNES, max(1, tips // _TIPS_PER_COMMUNE))
        self.districts = min(_MAX_DISTRICTS, math.ceil(self.communes / _COMMUNES_PER_DISTRICT))
        self.provinces = min(_MAX_PROVINCES, math.ceil(self.districts / _DISTRICTS_PER_PROVINCE))
        self.district_kinds: list[str] = []
        self.district_province: list[str] = []
        self.kind_names = list(_GROUP_KINDS)
        self.kind_weights = [weight for _, weight in _GROUP_KINDS.values()]

    # The registry --------------------------------------------------------------------

    def header(self) -> dict[str, Any]:
        return {
            "format_version": 1,
            "period": {"start": self.start.isoformat(), "end": self.end.isoformat()},
            "description": (
                f"Synthetic dataset for antq's benchmarks: {self.tips} tips in "
                f"{self.communes} communes, {self.districts} districts and {self.provinces} "
                "provinces; every record, code and name is made up."
            ),
        }

    def provinces_and_districts(self) -> None:
        rng = self.rng
        cities: set[int] = set()
        for index in range(self.provinces):
            kind = "centrally_run_city" if index % 12 == 0 and index else "province"
            if kind == "centrally_run_city":
                cities.add(index)
            self.writer.write(
                "units", {"code": f"{index + 1:02d}", "name": _place_name(rng), "kind": kind}
            )
        for index in range(self.districts):
            province_index = index * self.provinces // self.districts
            province = f"{province_index + 1:02d}"
            # Urban districts (quận) are found in the centrally run cities only.
            weights = _CITY_DISTRICT_WEIGHTS if province_index in cities else _DISTRICT_WEIGHTS
            kind = rng.choices(_DISTRICT_KINDS, weights)[0]
            self.district_kinds.append(kind)
            self.district_province.append(province)
            record = {
                "code": f"{index + 1:03d}",
                "name": f"{_DISTRICT_WORDS[kind]} {_place_name(rng)}",
                "kind": kind,
                "parent_code": province,
            }
            self.writer.write("units", record)

    def campaigns(self) -> None:
        for province_index in range(self.provinces):
            province = f"{province_index + 1:02d}"
            for year in range(self.start.year, self.end.year + 1):
                for kind, start, end, title in _CAMPAIGNS:
                    record = {
                        "id": _campaign_id(province, year, kind),
                        "kind": kind,
                        "title": f"{title} {year}",
                        "period": {
                            "start": dt.date(year, *start).isoformat(),
                            "end": dt.date(year, *end).isoformat(),
                        },
                        "organiser_code": province,
                    }
                    self.writer.write("campaigns", record)

    def commune(self, index: int) -> _Commune:
        rng = self.rng
        district_index = index * self.districts // self.communes
        district_kind = self.district_kinds[district_index]
        first_of_district = (
            index == 0 or (index - 1) * self.districts // self.communes != district_index
        )
        if district_kind == "urban_district":
            kind = "ward"
        elif district_kind in {"provincial_city", "district_town"}:
            kind = rng.choice(("ward", "ward", "commune"))
        else:
            kind = "township" if first_of_district else "commune"
        commune = _Commune(f"{index + 1:05d}", kind, _place_name(rng), f"{district_index + 1:03d}")
        self.writer.write(
            "units",
            {
                "code": commune.code,
                "name": commune.name,
                "kind": kind,
                "parent_code": commune.district,
            },
        )
        urban = kind in {"ward", "township"}
        word, title = rng.choice(_GROUP_WORDS if urban else _VILLAGE_WORDS)
        for number in range(1, rng.randint(5, 15) + 1):
            code = f"{commune.code}-T{number:02d}"
            name = (
                f"{title} {number}"
                if urban or rng.random() < 0.6
                else f"{title} {_place_name(rng)}"
            )
            commune.hamlets.append((code, name))
            record = {
                "code": code,
                "name": name,
                "kind": "residential_group" if urban else "village",
                "parent_code": commune.code,
                "local_kind": word,
            }
            self.writer.write("units", record)
        self.organisations(commune)
        return commune

    def organisations(self, commune: _Commune) -> None:
        rng = self.rng
        if rng.random() < 0.7:
            code = f"TH-{commune.code}-1"
            level = rng.choice(_SCHOOL_LEVELS)
            record = {
                "code": code,
                "name": f"Trường {_SCHOOL_NAMES[level]} {commune.name}",
                "kind": "school",
                "unit_code": commune.code,
                "school_level": level,
            }
            self.writer.write("organisations", record)
            commune.organisations.append(code)
        if rng.random() < 0.3:
            code = f"CQ-{commune.code}-1"
            record = {
                "code": code,
                "name": f"Chi cục Thuế khu vực {commune.name}",
                "kind": "agency",
                "unit_code": commune.code,
            }
            self.writer.write("organisations", record)
            commune.organisations.append(code)
        if rng.random() < 0.2:
            code = f"DN-{commune.code}-1"
            record = {
                "code": code,
                "name": f"Công ty TNHH {_place_name(rng)}",
                "kind": "enterprise",
                "unit_code": commune.code,
                "enterprise_size": rng.choice(_ENTERPRISE_SIZES),
            }
            self.writer.write("organisations", record)
            commune.organisations.append(code)

    # Sessions and tips ---------------------------------------------------------------

    def session_day(self, kind: str) -> int:
        rng = self.rng
        if kind in {"festival_day", "peak_crackdown"}:
            year = rng.randint(self.start.year, self.end.year)
            if kind == "festival_day":
                return dt.date(year, 8, 1).toordinal() + rng.choice(
                    (18, 18, 18, 15, 16, 17, 19, 20, 21)
                )
            return rng.randint(dt.date(year, 10, 15).toordinal(), dt.date(year, 12, 31).toordinal())
        return rng.randint(self.first_day, self.last_day)

    def sessions_and_tips(self, commune: _Commune, sessions: int, tips: int) -> None:
        rng = self.rng
        drawn: list[tuple[int, str, str, int]] = []
        for _ in range(sessions):
            kind = rng.choices(_SESSION_KINDS, _SESSION_WEIGHTS)[0]
            day = self.session_day(kind)
            if commune.organisations and rng.random() < 0.15:
                place = rng.choice(commune.organisations)
            else:
                place = rng.choice(commune.hamlets)[0]
            turns = rng.randint(100, 600) if kind == "festival_day" else rng.randint(15, 250)
            drawn.append((day, place, kind, turns))
        drawn.sort()
        slips_budget = int(tips * _SESSION_SLIP_SHARE)
        # (day, session id, place) of each slip referring to a session.
        session_slips: list[tuple[int, str, str]] = []
        for number, (day, place, kind, turns) in enumerate(drawn, start=1):
            session_id = f"S-{commune.code}-{number:04d}"
            record: dict[str, Any] = {
                "id": session_id,
                "held_on": dt.date.fromordinal(day).isoformat(),
                "place_code": place,
                "kind": kind,
                "participant_turns": turns,
            }
            if day < self.tally_era_ends:
                slips = (
                    rng.randint(0, 40) if kind in {"propaganda", "launch"} else rng.randint(0, 3)
                )
            else:
                slips = min(slips_budget, rng.randint(0, 12))
                slips_budget -= slips
                session_slips.extend(
                    (min(self.last_day, day + rng.choice((0, 0, 0, 1, 2, 3))), session_id, place)
                    for _ in range(slips)
                )
            if slips:
                record["slips_collected"] = slips
            campaign = self.campaign_of(commune, kind, day)
            if campaign is not None:
                record["campaign_id"] = campaign
            self.writer.write("sessions", record)
        self.tips_of(commune, tips, session_slips)

    def campaign_of(self, commune: _Commune, kind: str, day: int) -> str | None:
        if self.rng.random() < 0.3:
            return None
        date = dt.date.fromordinal(day)
        province = self.district_province[int(commune.district) - 1]
        if kind in {"propaganda", "launch"}:
            return _campaign_id(province, date.year, "launch")
        if kind == "festival_day" and date.month == 8:
            return _campaign_id(province, date.year, kind)
        if kind == "peak_crackdown" and (date.month, date.day) >= (10, 15):
            return _campaign_id(province, date.year, kind)
        return None

    def tips_of(
        self, commune: _Commune, tips: int, session_slips: list[tuple[int, str, str]]
    ) -> None:
        rng = self.rng
        drawn: list[tuple[int, str, str | None, str | None]] = [
            (day, "form", session_id, place) for day, session_id, place in session_slips
        ]
        for _ in range(tips - len(session_slips)):
            channel = rng.choices(_CHANNELS, _CHANNEL_WEIGHTS)[0]
            roll = rng.random()
            if roll < 0.6:
                origin: str | None = rng.choice(commune.hamlets)[0]
            elif roll < 0.65 and commune.organisations:
                origin = rng.choice(commune.organisations)
            else:
                origin = None
            drawn.append((rng.randint(self.first_day, self.last_day), channel, None, origin))
        drawn.sort(key=lambda tip: tip[0])
        for number, (day, channel, session_id, origin) in enumerate(drawn, start=1):
            record: dict[str, Any] = {
                "id": f"T-{commune.code}-{number:06d}",
                "received_on": dt.date.fromordinal(day).isoformat(),
                "receiving_unit_code": commune.district if rng.random() < 0.05 else commune.code,
                "channel": channel,
            }
            if origin is not None:
                record["origin_code"] = origin
            if session_id is not None:
                record["session_id"] = session_id
            self.handling(record, day)
            if rng.random() < (0.01 if channel == "mailbox" else 0.06):
                record["informant"] = self.informant(commune)
            self.writer.write("tips", record)

    def handling(self, record: dict[str, Any], received: int) -> None:
        """
        Add a tip's classification, assessment and decision, as known on the last day.
        """
        rng = self.rng
        classified = rng.random() < 0.7
        if classified:
            record["legal_kind"] = rng.choices(_LEGAL_KINDS, _LEGAL_WEIGHTS)[0]
        roll = rng.random()
        assessed = received + rng.randint(0, 25)
        decision: dict[str, Any] = self.decision(received) if classified else {}
        if "decided_on" in decision:
            # The police judge a tip's value by the time they decide on it.
            assessed = min(assessed, dt.date.fromisoformat(decision["decided_on"]).toordinal())
        if roll < 0.9 and assessed <= self.last_day:
            record["assessment"] = "valuable" if roll < 0.08 else "not_valuable"
            record["assessed_on"] = dt.date.fromordinal(assessed).isoformat()
        record.update(decision)
        if classified and rng.random() < 0.1 and received < self.last_day:
            transferred = received + rng.randint(0, 1)
            record["transferred_on"] = dt.date.fromordinal(transferred).isoformat()

    def decision(self, received: int) -> dict[str, Any]:
        """
        Draw a classified tip's decision, extensions and resumption, as known on the last day.
        """
        rng = self.rng
        fate = rng.choices(_FATES, _FATE_WEIGHTS)[0]
        extensions: list[dict[str, str]] = []
        decision = rng.choice(("prosecute", "not_prosecute", "not_prosecute"))
        resumed: int | None = None
        decided: int | None = None
        if fate == "in_time":
            decided = received + rng.randint(1, _DAYS_TO_DECIDE)
        elif fate == "late":
            decided = received + rng.randint(_DAYS_TO_DECIDE + 1, 75)
        elif fate == "extended":
            decided = self.extend(received, extensions)
        elif fate == "suspended":
            # Suspended once the time limit has run out (Điều 148.1).
            decision = "suspend"
            decided = received + _DAYS_TO_DECIDE + rng.choice((0, 0, 0, 0, 1, 2, 5))
            if rng.random() < 0.4:
                resumed = decided + rng.randint(10, 120)
        fields: dict[str, Any] = {}
        if decided is not None and decided <= self.last_day:
            fields["decision"] = decision
            fields["decided_on"] = dt.date.fromordinal(decided).isoformat()
        known = [e for e in extensions if e["granted_on"] <= self.end.isoformat()]
        if known:
            fields["extensions"] = known
        if "decided_on" in fields and resumed is not None and resumed <= self.last_day:
            fields["resumed_on"] = dt.date.fromordinal(resumed).isoformat()
        return fields

    def extend(self, received: int, extensions: list[dict[str, str]]) -> int:
        """
        Draw the extensions of a complex case within Điều 147's bounds; return the decision day.
        """
        rng = self.rng
        receipt = dt.date.fromordinal(received)
        granted = received + rng.randint(10, _DAYS_TO_DECIDE)
        until = max(granted, _add_months(receipt, 2).toordinal() - rng.randint(0, 15))
        extensions.append(_extension(granted, until, "handling_agency"))
        if rng.random() < 0.3:
            granted = max(granted, until - rng.randint(0, 5))
            bound = _add_months(_add_months(receipt, 2), 2).toordinal()
            until = max(granted, bound - rng.randint(0, 20))
            extensions.append(_extension(granted, until, "procuracy"))
        return rng.randint(received + _DAYS_TO_DECIDE + 1, until)

    def informant(self, commune: _Commune) -> dict[str, str]:
        rng = self.rng
        informant = {"full_name": _person(rng)}
        if rng.random() < 0.7:
            informant["contact"] = (
                f"09{rng.randint(0, 99):02d} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}"
            )
        if rng.random() < 0.4:
            informant["address"] = f"{rng.choice(commune.hamlets)[1]}, {commune.name}"
        return informant

    # Groups, cases and tallies -------------------------------------------------------

    def groups(self, commune: _Commune, count: int, first: int) -> None:
        rng = self.rng
        for number in range(first, first + count):
            kind = rng.choices(self.kind_names, self.kind_weights)[0]
            roll = rng.random()
            if roll < 0.75:
                unit, place = rng.choice(commune.hamlets)
            elif roll < 0.9 or not commune.organisations:
                unit, place = commune.code, commune.name
            else:
                unit = rng.choice(commune.organisations)
                place = unit
            established = rng.randint(self.first_day - 3650, self.last_day)
            record: dict[str, Any] = {
                "id": f"G-{commune.code}-{number:03d}",
                "kind": kind,
                "name": f"{_GROUP_KINDS[kind][0]} số {number}, {place}",
                "unit_code": unit,
                "established_on": dt.date.fromordinal(established).isoformat(),
            }
            if rng.random() < 0.15:
                ended = rng.randint(max(established, self.first_day), self.last_day)
                record["ended_on"] = dt.date.fromordinal(ended).isoformat()
            if rng.random() < 0.8:
                record["member_count"] = rng.randint(5, 30)
            self.writer.write("model_groups", record)

    def cases(self, commune: _Commune, count: int, first: int) -> None:
        rng = self.rng
        for number in range(first, first + count):
            start = rng.randint(self.first_day - 700, self.last_day - 30)
            end = max(self.first_day, start + rng.randint(180, 730))
            unit = commune.code if rng.random() < 0.2 else rng.choice(commune.hamlets)[0]
            record: dict[str, Any] = {
                "id": f"R-{commune.code}-{number:03d}",
                "category": rng.choices(_CATEGORIES, _CATEGORY_WEIGHTS)[0],
                "unit_code": unit,
                "period": {
                    "start": dt.date.fromordinal(start).isoformat(),
                    "end": dt.date.fromordinal(end).isoformat(),
                },
            }
            if rng.random() < 0.4:
                record["progressed"] = True
            self.writer.write("reintegration_cases", record)

    def tallies(self) -> None:
        """
        Declare a few counts of kinds no record counts, in units that do not nest.
        """
        rng = self.rng
        for index in range(min(3, self.provinces)):
            year = rng.randint(self.start.year, self.end.year)
            record = {
                "id": f"D-MG-{index + 1:02d}",
                "unit_code": f"{index + 1:02d}",
                "period": {"start": f"{year}-01-01", "end": f"{year}-12-31"},
                "figure": "model_groups",
                "value": rng.randint(3, 40),
                "group_kind": "security_cluster",
                "source": f"Báo cáo tổng kết phong trào năm {year}",
            }
            self.writer.write("declared_tallies", record)
        for index in range(min(2, self.districts)):
            year = rng.randint(self.start.year, self.end.year)
            value = rng.randint(2, 12)
            record = {
                "id": f"D-RC-{index + 1:02d}",
                "unit_code": f"{index + 1:03d}",
                "period": {"start": f"{year}-01-01", "end": f"{year}-12-31"},
                "figure": "reintegration_cases",
                "value": value,
                "category": "from_compulsory_treatment",
                "source": f"Báo cáo số {rng.randint(10, 300)}/BC-CAH năm {year}",
            }
            self.writer.write("declared_tallies", record)

    def run(self) -> None:
        self.provinces_and_districts()
        self.campaigns()
        sessions = self.tips // _TIPS_PER_SESSION
        groups = self.tips // _TIPS_PER_GROUP
        cases = self.tips // _TIPS_PER_CASE
        for index in range(self.communes):
            commune = self.commune(index)
            self.sessions_and_tips(
                commune,
                _share(sessions, self.communes, index),
                _share(self.tips, self.communes, index),
            )
            self.groups(commune, _share(groups, self.communes, index), 1)
            self.cases(commune, _share(cases, self.communes, index), 1)
        self.tallies()


_SCHOOL_NAMES = {
    "primary": "Tiểu học",
    "lower_secondary": "Trung học cơ sở",
    "upper_secondary": "Trung học phổ thông",
    "vocational": "Trung cấp nghề",
}


def _campaign_id(province: str, year: int, kind: str) -> str:
    short = {"launch": "PD", "festival_day": "NH", "peak_crackdown": "CD"}[kind]
    return f"C-{province}-{year}-{short}"


def _extension(granted: int, until: int, grantor: str) -> dict[str, str]:
    return {
        "granted_on": dt.date.fromordinal(granted).isoformat(),
        "until": dt.date.fromordinal(until).isoformat(),
        "granted_by": grantor,
    }


def generate(tips: int, directory: str | Path, *, seed: int = 1) -> dict[str, int]:
    """
    Write a dataset of *tips* tips as a JSON Lines directory; return the records by section.

    The directory is created if missing; its section files are replaced. The stamp file
    (:data:`STAMP`) is removed first and written last, so that a directory holding it is
    complete.

    Args:
        tips: The number of tips, 1 or more; the other sections scale with it.
        directory: The directory to write.
        seed: The seed of the random draws: the same size and seed give the same bytes.

    Raises:
        ValueError: When *tips* is less than 1.
    """
    if tips < 1:
        msg = f"a dataset needs at least one tip, not {tips}"
        raise ValueError(msg)
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    (path / STAMP).unlink(missing_ok=True)
    with ExitStack() as stack:
        writer = _Writer(path, stack)
        generator = _Generator(tips, seed, writer)
        generator.run()
    header = json.dumps(generator.header(), ensure_ascii=False, indent=2)
    (path / "dataset.json").write_text(header + "\n", encoding="utf-8")
    stamp = {
        "tips": tips,
        "seed": seed,
        "generator_version": GENERATOR_VERSION,
        "records": writer.counts,
    }
    (path / STAMP).write_text(json.dumps(stamp) + "\n", encoding="utf-8")
    return writer.counts


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line: ``generate.py SIZE OUTDIR [--seed N]``.
    """
    parser = argparse.ArgumentParser(description="Write a synthetic antq dataset as JSON Lines.")
    parser.add_argument(
        "size", type=parse_size, help="the number of tips: 100k, 1m, 5m or an integer"
    )
    parser.add_argument("outdir", type=Path, help="the directory to write")
    parser.add_argument(
        "--seed", type=int, default=1, help="the seed of the random draws (default 1)"
    )
    arguments = parser.parse_args(argv)
    counts = generate(arguments.size, arguments.outdir, seed=arguments.seed)
    print(
        f"{arguments.outdir}: "
        + ", ".join(f"{section} {count}" for section, count in counts.items())
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
