"""
The rule catalogue: every dataset-level check, with a permanent code.

A code is a family letter and three digits. The family names the entity: ``F`` the
file and the form of its records, ``U`` units and organisations, ``C`` campaigns and
sessions, ``T`` tips, ``G`` model groups and security teams, ``R`` reintegration cases,
``A`` recognition and its facts, ``D`` declared tallies, ``X`` the dataset as a whole.
The first digit names the kind of check, the same in every family: ``1`` missing or
unreadable, ``2`` unknown reference, ``3`` duplicate, ``4`` dates (out of the period,
outside a unit's validity, out of order), ``5`` wrong level or kind, ``6`` inconsistent
figures, ``7`` time limits. A code is never reused; a rule may start as a warning and
later become an error under the same code.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from antq._enums import LabelledEnum

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["CATALOGUE", "FAMILIES", "KINDS", "Rule", "Severity"]


class Severity(LabelledEnum):
    """
    How serious a finding is: an error makes a dataset invalid, a warning does not.
    """

    ERROR = "error"
    WARNING = "warning"

    __labels__ = {"error": "lỗi", "warning": "cảnh báo"}


#: The families of codes, each letter with its English and Vietnamese names.
FAMILIES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "F": ("the file and the form of its records", "tệp và cấu trúc bản ghi"),
        "U": ("units and organisations", "đơn vị hành chính và cơ quan, tổ chức"),
        "C": ("campaigns and sessions", "đợt vận động và buổi tuyên truyền"),
        "T": ("tips", "tin báo, tố giác"),
        "G": ("model groups and security teams", "mô hình và tổ bảo vệ an ninh, trật tự"),
        "R": ("reintegration cases", "cảm hóa, giáo dục, giúp đỡ"),
        "A": (
            "recognition and its facts",
            "công nhận đạt tiêu chuẩn an toàn về an ninh, trật tự",
        ),
        "D": ("declared tallies", "số liệu khai báo"),
        "X": ("the dataset as a whole", "toàn bộ bộ dữ liệu"),
    }
)

#: The kinds of check, each first digit with its English and Vietnamese names.
KINDS: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "1": ("missing or unreadable", "thiếu hoặc không đọc được"),
        "2": ("unknown reference", "tham chiếu không tồn tại"),
        "3": ("duplicate", "trùng lặp"),
        "4": ("dates", "ngày tháng"),
        "5": ("wrong level or kind", "sai cấp hoặc loại"),
        "6": ("inconsistent figures", "số liệu không khớp"),
        "7": ("time limits", "thời hạn"),
    }
)

DATA_RULE = "antq data rule"
LAW30 = "Luật 30/2023/QH15 (in force 1 July 2024)"
TT124 = "Thông tư 124/2021/TT-BCA"
BLTTHS_147 = "Bộ luật Tố tụng hình sự 2015, Điều 147"


@attrs.frozen
class Rule:
    """
    One check of the catalogue.

    Args:
        code: The permanent code (``T701``).
        severity: Error or warning.
        title: A short name, in English.
        title_vi: The same in Vietnamese.
        message_en: The message template in English; ``{placeholders}`` are filled
            from a finding's parameters.
        message_vi: The same in Vietnamese.
        description: What the rule checks and why.
        fields: The fields the rule reads.
        source: The legal source (a circular's article, the Criminal Procedure Code),
            or "antq data rule".
    """

    code: str
    severity: Severity
    title: str
    message_en: str
    message_vi: str
    description: str
    fields: tuple[str, ...]
    source: str = DATA_RULE
    title_vi: str = attrs.field(default="", kw_only=True)

    @property
    def family(self) -> str:
        """
        The family letter.
        """
        return self.code[0]

    @property
    def kind(self) -> str:
        """
        The kind digit.
        """
        return self.code[1]


E, W = Severity.ERROR, Severity.WARNING

_RULES = (
    # F: the file and the form of its records ---------------------------------------------
    Rule(
        "F101",
        E,
        "required field missing",
        "{location}: the required field is missing",
        "{location}: thiếu trường bắt buộc",
        "A record lacks a field that has no default.",
        ("*",),
    ),
    Rule(
        "F102",
        E,
        "unknown field",
        "{location}: unknown field",
        "{location}: trường không có trong định dạng",
        "A record has a field the format does not define; it is refused rather than "
        "ignored, so that a misspelt field never loses data.",
        ("*",),
    ),
    Rule(
        "F103",
        E,
        "wrong type or form",
        "{location}: {reason}",
        "{location}: sai kiểu hoặc dạng dữ liệu ({reason})",
        "A value is not of the field's type or form: a string where an integer belongs, "
        "a date not written YYYY-MM-DD, an identifier the glossary does not know. Nothing "
        "is coerced.",
        ("*",),
    ),
    Rule(
        "F104",
        E,
        "record rule broken",
        "{location}: {reason}",
        "{location}: vi phạm quy tắc của bản ghi ({reason})",
        "A record breaks a rule it checks on its own: a count below zero, an end before "
        "a start, an assessment dated before the tip was received.",
        ("*",),
    ),
    Rule(
        "F105",
        E,
        "unreadable input",
        "{location}: {reason}",
        "{location}: không đọc được tệp ({reason})",
        "The file is not text in UTF-8, not JSON, or not of the expected shape.",
        ("*",),
    ),
    Rule(
        "F106",
        E,
        "unsupported format version",
        "{location}: format version {value} is not supported",
        "{location}: phiên bản định dạng {value} không được hỗ trợ",
        "The file declares a format version this antq does not read.",
        ("format_version",),
    ),
    # U: units and organisations ----------------------------------------------------------
    Rule(
        "U201",
        E,
        "unknown parent unit",
        "{location}: the parent unit {value} is not in the dataset",
        "{location}: đơn vị cấp trên {value} không có trong bộ dữ liệu",
        "A unit names a parent that the dataset's units do not hold.",
        ("parent_code",),
    ),
    Rule(
        "U202",
        E,
        "organisation in an unknown unit",
        "{location}: the unit {value} is not in the dataset",
        "{location}: đơn vị {value} không có trong bộ dữ liệu",
        "An organisation sits in a unit that the dataset's units do not hold.",
        ("unit_code",),
    ),
    Rule(
        "U203",
        E,
        "unit not in the dataset's edition",
        "{location}: edition {edition} of the official units has no {level} with the code {value}",
        "{location}: danh mục đơn vị hành chính {edition} không có đơn vị cấp {level_vi} "
        "mã {value}",
        "The dataset names the edition of the official list its units come from, and this "
        "province, district or commune is not in it: the code is wrong, or belongs to "
        "another edition (codes of closed units are never reused, but a code may mean "
        "another unit in a later edition).",
        ("code",),
        "Quyết định 124/2004/QĐ-TTg; Quyết định 19/2025/QĐ-TTg (the list from 1 July 2025)",
    ),
    Rule(
        "U301",
        E,
        "duplicate code",
        "{location}: the code {value} is used twice",
        "{location}: mã {value} bị trùng",
        "Two units or organisations share a code; a code names one unit for as long as it exists.",
        ("code",),
        "Quyết định 124/2004/QĐ-TTg",
    ),
    Rule(
        "U401",
        W,
        "unit outlives its parent",
        "{location}: the unit exists on days its parent {parent} does not",
        "{location}: đơn vị tồn tại vào những ngày đơn vị cấp trên {parent} không tồn tại",
        "A unit's validity dates reach outside its parent's.",
        ("valid_from", "valid_to"),
    ),
    Rule(
        "U402",
        W,
        "organisation outlives its unit",
        "{location}: the organisation takes part on days its unit {unit} does not exist",
        "{location}: cơ quan, tổ chức tham gia vào những ngày đơn vị {unit} không tồn tại",
        "An organisation's validity dates reach outside its unit's.",
        ("valid_from", "valid_to"),
    ),
    Rule(
        "U403",
        E,
        "record dated outside the edition of its units",
        "{location}: {value} is outside edition {edition} of the official units "
        "({window}); on that day the dataset's units were not the units in force",
        "{location}: ngày {value} nằm ngoài thời gian hiệu lực của danh mục đơn vị hành "
        "chính {edition} ({window_vi})",
        "Records dated before the reorganisation of 1 July 2025 are reported on the old "
        "units, later ones on the new. A record dated outside the days its edition is in "
        "force names a unit that did not exist, as listed, on that day: report it in a "
        "dataset on the edition then in force.",
        ("held_on", "received_on", "established_on", "period"),
        "Quyết định 124/2004/QĐ-TTg; Quyết định 19/2025/QĐ-TTg (the list from 1 July 2025)",
    ),
    Rule(
        "U501",
        E,
        "parent at the wrong level",
        "{location}: {reason}",
        "{location}: đơn vị cấp trên sai cấp ({reason})",
        "A district sits under a province, a commune under a district or (from 1 July "
        "2025) a province, a hamlet under a commune.",
        ("parent_code",),
        "Quyết định 124/2004/QĐ-TTg",
    ),
    Rule(
        "U502",
        E,
        "cycle of parents",
        "{location}: the chain of parent units comes back to this unit",
        "{location}: chuỗi đơn vị cấp trên quay lại chính đơn vị này",
        "Following parents from a unit leads back to it.",
        ("parent_code",),
    ),
    Rule(
        "U503",
        W,
        "district-level unit after 30 June 2025",
        "{location}: a unit of kind {kind} ({kind_vi}) exists after 30 June 2025, when "
        "the district level was abolished",
        "{location}: đơn vị cấp huyện (loại {kind_vi}) còn tồn tại sau ngày 30/6/2025",
        "The district level was abolished on 1 July 2025, and townships with it.",
        ("kind", "valid_to"),
        "two-tier local government from 1 July 2025 (district level abolished)",
    ),
    Rule(
        "U504",
        E,
        "unit differs from its edition",
        "{location}: in edition {edition} the {what} of unit {code} is {expected}, not {value}",
        "{location}: theo danh mục {edition}, {what_vi} của đơn vị {code} là {expected}, "
        "không phải {value}",
        "A province, district or commune of the dataset has another kind or another "
        "parent than in the edition of the official list the dataset names.",
        ("kind", "parent_code"),
        "Quyết định 124/2004/QĐ-TTg; Quyết định 19/2025/QĐ-TTg (the list from 1 July 2025)",
    ),
    Rule(
        "U505",
        W,
        "name differs from its edition",
        "{location}: edition {edition} names the unit {code} {expected}, not {value}",
        "{location}: theo danh mục {edition}, đơn vị {code} có tên {expected}, không phải {value}",
        "The name differs from the official one in more than tone-mark placement, case "
        'or Unicode form ("Xuất Hoá" for "Xuất Hóa" is not a difference).',
        ("name",),
        "Quyết định 124/2004/QĐ-TTg; Quyết định 19/2025/QĐ-TTg (the list from 1 July 2025)",
    ),
    # C: campaigns and sessions -----------------------------------------------------------
    Rule(
        "C201",
        E,
        "session in an unknown place",
        "{location}: no unit or organisation has the code {value}",
        "{location}: không có đơn vị hoặc cơ quan nào có mã {value}",
        "A session is held in a place the registry does not hold.",
        ("place_code",),
    ),
    Rule(
        "C202",
        E,
        "session of an unknown campaign",
        "{location}: no campaign has the id {value}",
        "{location}: không có đợt vận động nào có mã {value}",
        "A session names a campaign the dataset does not hold.",
        ("campaign_id",),
    ),
    Rule(
        "C203",
        E,
        "campaign of an unknown organiser",
        "{location}: no unit has the code {value}",
        "{location}: không có đơn vị nào có mã {value}",
        "A campaign's organiser is not a unit of the registry.",
        ("organiser_code",),
    ),
    Rule(
        "C301",
        E,
        "duplicate campaign id",
        "{location}: the campaign id {value} is used twice",
        "{location}: mã đợt vận động {value} bị trùng",
        "Two campaigns share an id.",
        ("id",),
    ),
    Rule(
        "C302",
        E,
        "duplicate session id",
        "{location}: the session id {value} is used twice",
        "{location}: mã buổi {value} bị trùng",
        "Two sessions share an id.",
        ("id",),
    ),
    Rule(
        "C303",
        W,
        "duplicate session",
        "{location}: the same session as {other} (same day, place, kind and figures)",
        "{location}: trùng với buổi {other} (cùng ngày, nơi, loại và số liệu)",
        "Two sessions under different ids agree in every other field: most likely one "
        "session entered twice, which would count its participant-turns twice.",
        ("held_on", "place_code", "kind", "participant_turns", "slips_collected"),
    ),
    Rule(
        "C401",
        E,
        "session outside the period",
        "{location}: {value} is outside the dataset's period {period}",
        "{location}: ngày {value} nằm ngoài kỳ báo cáo {period}",
        "A session is dated outside the period the dataset covers.",
        ("held_on",),
    ),
    Rule(
        "C402",
        E,
        "session where no place existed",
        "{location}: {place} did not exist on {value}",
        "{location}: {place} không tồn tại vào ngày {value}",
        "A session is held on a day its place did not exist (by its validity dates).",
        ("held_on", "place_code"),
    ),
    Rule(
        "C403",
        W,
        "session outside its campaign",
        "{location}: {value} is outside the period of campaign {campaign}",
        "{location}: ngày {value} nằm ngoài thời gian của đợt {campaign}",
        "A session is dated outside the period of the campaign it belongs to.",
        ("held_on", "campaign_id"),
    ),
    Rule(
        "C404",
        W,
        "campaign outside the period",
        "{location}: the campaign shares no day with the dataset's period {period}",
        "{location}: đợt vận động không có ngày nào trong kỳ báo cáo {period}",
        "A campaign runs wholly outside the period the dataset covers.",
        ("period",),
    ),
    Rule(
        "C501",
        E,
        "session not in a hamlet or organisation",
        "{location}: a session is held in a hamlet or an organisation, not in the {level} {value}",
        "{location}: buổi tuyên truyền phải tổ chức tại thôn, tổ hoặc cơ quan, tổ chức, "
        "không phải tại {value}",
        "Sessions are held where people live or work: in a hamlet (thôn, tổ dân phố) or "
        "in an agency, enterprise or school.",
        ("place_code",),
    ),
    Rule(
        "C601",
        W,
        "session of another kind than its campaign",
        "{location}: a {value} session in the {expected} campaign {campaign}",
        "{location}: buổi loại {value} thuộc đợt loại {expected} ({campaign})",
        "A session's kind differs from the kind of the campaign it belongs to.",
        ("kind", "campaign_id"),
    ),
    # T: tips -----------------------------------------------------------------------------
    Rule(
        "T201",
        E,
        "tip received by an unknown unit",
        "{location}: no unit has the code {value}",
        "{location}: không có đơn vị nào có mã {value}",
        "A tip names a receiving unit the registry does not hold.",
        ("receiving_unit_code",),
    ),
    Rule(
        "T202",
        E,
        "tip from an unknown place",
        "{location}: no unit or organisation has the code {value}",
        "{location}: không có đơn vị hoặc cơ quan nào có mã {value}",
        "A tip's place of origin is not in the registry.",
        ("origin_code",),
    ),
    Rule(
        "T203",
        E,
        "tip of an unknown session",
        "{location}: no session has the id {value}",
        "{location}: không có buổi nào có mã {value}",
        "A tip names a session the dataset does not hold.",
        ("session_id",),
    ),
    Rule(
        "T301",
        E,
        "duplicate tip id",
        "{location}: the tip id {value} is used twice",
        "{location}: mã tin {value} bị trùng",
        "Two tips share an id.",
        ("id",),
    ),
    Rule(
        "T401",
        E,
        "tip outside the period",
        "{location}: {value} is outside the dataset's period {period}",
        "{location}: ngày {value} nằm ngoài kỳ báo cáo {period}",
        "A tip was received outside the period the dataset covers.",
        ("received_on",),
    ),
    Rule(
        "T402",
        E,
        "tip received where no unit existed",
        "{location}: {unit} did not exist on {value}",
        "{location}: {unit} không tồn tại vào ngày {value}",
        "A tip was received on a day its receiving unit did not exist.",
        ("received_on", "receiving_unit_code"),
    ),
    Rule(
        "T403",
        E,
        "slip received before its session",
        "{location}: received on {value}, before session {session} on {held_on}",
        "{location}: tiếp nhận ngày {value}, trước buổi {session} ngày {held_on}",
        "A slip collected at a session cannot be received before the session was held.",
        ("received_on", "session_id"),
    ),
    Rule(
        "T501",
        E,
        "tip received by a unit without police",
        "{location}: the {level} {value} has no police to receive a tip",
        "{location}: {value} không có lực lượng công an để tiếp nhận tin",
        "Tips are received by the police of a commune, a district (until 1 March 2025) "
        "or a province; hamlets and organisations have no police of their own.",
        ("receiving_unit_code",),
    ),
    Rule(
        "T502",
        W,
        "tip received by district police after 1 March 2025",
        "{location}: district police were abolished on 1 March 2025; received on {value}",
        "{location}: công an cấp huyện đã kết thúc hoạt động từ ngày 01/3/2025; "
        "tiếp nhận ngày {value}",
        "District-level police were abolished on 1 March 2025.",
        ("received_on", "receiving_unit_code"),
        "district-level police abolished from 1 March 2025",
    ),
    Rule(
        "T601",
        E,
        "more valuable slips than slips collected",
        "{location}: {valuable} slips of value but {collected} slips collected at the session",
        "{location}: {valuable} tin có giá trị nhưng chỉ thu được {collected} phiếu",
        "The slips judged of value at a session cannot outnumber the slips collected there.",
        ("slips_collected", "assessment"),
    ),
    Rule(
        "T602",
        W,
        "slip records and the session's count differ",
        "{location}: {records} slip records refer to the session, which counts {collected}",
        "{location}: có {records} phiếu gắn với buổi này nhưng buổi ghi {collected} phiếu",
        "The session's slips_collected and the slip records that name the session "
        "disagree; the records are counted (CR-04).",
        ("slips_collected", "session_id"),
    ),
    Rule(
        "T603",
        W,
        "a tip of a session that is not a slip",
        "{location}: a {value} tip names session {session}; tips of a session are slips",
        "{location}: tin qua kênh {value} gắn với buổi {session}; tin thu tại buổi là "
        "phiếu tố giác",
        "Only slips (channel form) are collected at sessions; the tip is not counted as "
        "one of the session's slips.",
        ("channel", "session_id"),
    ),
    Rule(
        "T701",
        E,
        "past the time limit without a decision",
        "{location}: received on {received}; the time limit ended on {deadline} and no "
        "decision is recorded by {as_of}",
        "{location}: tiếp nhận ngày {received}; hết thời hạn giải quyết ngày {deadline} "
        "mà đến ngày {as_of} chưa có quyết định",
        "A denunciation, crime information or petition to prosecute must be decided "
        "within 20 days of receipt, or by the end of a recorded extension (at most 2 "
        "months; the procuracy may extend once by at most 2 more months). Checked as of "
        "a date given to the check.",
        ("received_on", "decision", "extensions"),
        BLTTHS_147,
    ),
    Rule(
        "T702",
        W,
        "extension beyond the legal maximum",
        "{location}: {reason}",
        "{location}: gia hạn vượt quá mức luật định ({reason})",
        "The handling agency may extend to at most 2 months from receipt; the procuracy "
        "may extend once, by at most 2 more months.",
        ("extensions",),
        BLTTHS_147,
    ),
    Rule(
        "T703",
        W,
        "decided after the time limit",
        "{location}: decided on {value}, after the time limit of {deadline}",
        "{location}: quyết định ngày {value}, sau khi hết thời hạn ngày {deadline}",
        "The decision came after the time limit and its recorded extensions.",
        ("decided_on", "extensions"),
        BLTTHS_147,
    ),
    Rule(
        "T704",
        W,
        "suspended before the time limit ran out",
        "{location}: suspended on {value}, before the time limit of {deadline} ran out",
        "{location}: tạm đình chỉ ngày {value}, trước khi hết thời hạn giải quyết ({deadline})",
        "Handling a tip is suspended once its time limit has run out, for the reasons the "
        "law lists; a suspension dated earlier is an error of date or of decision.",
        ("decided_on",),
        "Bộ luật Tố tụng hình sự 2015, Điều 148.1",
    ),
    Rule(
        "T705",
        W,
        "handed on after the time limit",
        "{location}: received on {received} by {unit} and handed on on {value}, later than "
        "{hours} hours allow",
        "{location}: tiếp nhận ngày {received} tại {unit}, chuyển ngày {value}, quá {hours} giờ",
        "Ward and township police hand a tip on to the investigators within 24 hours, the "
        "police of a remote commune within 48 hours. The records hold days: 24 hours are "
        "met by the day after receipt, 48 by two days after. Which communes are remote is "
        "the province's list, given to validation; other communes are not checked.",
        ("transferred_on",),
        "Thông tư liên tịch 01/2017 (in force 1 March 2018)",
    ),
    # G: model groups ---------------------------------------------------------------------
    Rule(
        "G201",
        E,
        "group in an unknown unit",
        "{location}: no unit or organisation has the code {value}",
        "{location}: không có đơn vị hoặc cơ quan nào có mã {value}",
        "A model group belongs to a unit the registry does not hold.",
        ("unit_code",),
    ),
    Rule(
        "G202",
        E,
        "team in an unknown commune",
        "{location}: no unit has the code {value}",
        "{location}: không có đơn vị nào mã {value}",
        "A security-and-order protection team belongs to a commune the registry does not hold.",
        ("commune_code",),
        LAW30,
    ),
    Rule(
        "G203",
        E,
        "team serves an unknown hamlet",
        "{location}: no unit has the code {value}",
        "{location}: không có đơn vị nào mã {value}",
        "A team serves a hamlet the registry does not hold.",
        ("hamlet_codes",),
        LAW30,
    ),
    Rule(
        "G301",
        E,
        "duplicate group id",
        "{location}: the group id {value} is used twice",
        "{location}: mã mô hình {value} bị trùng",
        "Two model groups share an id.",
        ("id",),
    ),
    Rule(
        "G302",
        W,
        "duplicate group",
        "{location}: the same group as {other} (same kind, unit, name and start)",
        "{location}: trùng với mô hình {other} (cùng loại, đơn vị, tên và ngày thành lập)",
        "Two groups under different ids agree in kind, unit, name and start: most likely "
        "one group entered twice.",
        ("kind", "unit_code", "name", "established_on"),
    ),
    Rule(
        "G303",
        E,
        "duplicate team id",
        "{location}: the team id {value} is used twice",
        "{location}: mã tổ bảo vệ an ninh, trật tự {value} bị trùng",
        "Two teams of the dataset have the same id.",
        ("id",),
    ),
    Rule(
        "G401",
        W,
        "group inactive in the period",
        "{location}: the group was not active on any day of the period {period}",
        "{location}: mô hình không hoạt động ngày nào trong kỳ báo cáo {period}",
        "A group set up after the period or ended before it is not counted.",
        ("established_on", "ended_on"),
    ),
    Rule(
        "G402",
        E,
        "team before the law",
        "{location}: set up on {value}, before Luật 30/2023/QH15 came into force on 1 July 2024",
        "{location}: thành lập ngày {value}, trước khi Luật 30/2023/QH15 có hiệu lực (01/7/2024)",
        "Security-and-order protection teams exist from 1 July 2024.",
        ("established_on",),
        LAW30,
    ),
    Rule(
        "G403",
        W,
        "team inactive in the period",
        "{location}: the team did not exist on any day of the period {period}",
        "{location}: tổ không hoạt động ngày nào trong kỳ báo cáo {period}",
        "The team was dissolved before the period began, or set up after it ended.",
        ("established_on", "dissolved_on"),
    ),
    Rule(
        "G501",
        E,
        "security-and-order team before the law",
        "{location}: set up on {value}, before the law on grassroots security-and-order "
        "teams came into force on 1 July 2024",
        "{location}: thành lập ngày {value}, trước khi Luật Lực lượng tham gia bảo vệ "
        "an ninh, trật tự ở cơ sở có hiệu lực (01/7/2024)",
        "Security-and-order protection teams exist from 1 July 2024.",
        ("kind", "established_on"),
        "Luật 30/2023/QH15 (in force 1 July 2024)",
    ),
    Rule(
        "G502",
        E,
        "team serves a unit that is not a hamlet",
        "{location}: {value} is a {level}, not a village or residential group",
        "{location}: {value} là đơn vị {level_vi}, không phải thôn, tổ dân phố",
        "A team serves one or several hamlets (villages, residential groups).",
        ("hamlet_codes",),
        LAW30,
    ),
    Rule(
        "G503",
        E,
        "hamlet of another commune",
        "{location}: the hamlet {value} is not in the commune {commune}",
        "{location}: thôn, tổ dân phố {value} không thuộc đơn vị cấp xã {commune}",
        "The hamlets a team serves lie in the team's commune.",
        ("hamlet_codes", "commune_code"),
        LAW30,
    ),
    Rule(
        "G504",
        E,
        "team of a unit that is not a commune",
        "{location}: {value} is a {level}, not a commune",
        "{location}: {value} là đơn vị {level_vi}, không phải đơn vị cấp xã",
        "A team belongs to a commune, ward, township or special zone.",
        ("commune_code",),
        LAW30,
    ),
    Rule(
        "G601",
        W,
        "team composition",
        "{location}: {reason}",
        "{location}: {reason_vi}",
        "A team has one leader (Tổ trưởng), at least one deputy (Tổ phó) and members (Tổ viên).",
        ("leaders", "deputies", "members"),
        LAW30,
    ),
    Rule(
        "G602",
        W,
        "team size outside the province's band",
        "{location}: {reason}",
        "{location}: {reason_vi}",
        "The province's decision sets the size of teams; checked only when its size "
        "bands are given to validation. antq has no size of its own.",
        ("leaders", "deputies", "members"),
        "the province's decision, given with the size rules (Luật 30/2023/QH15)",
    ),
    # R: reintegration --------------------------------------------------------------------
    Rule(
        "R201",
        E,
        "case in an unknown unit",
        "{location}: no unit has the code {value}",
        "{location}: không có đơn vị nào có mã {value}",
        "A reintegration case is in a unit the registry does not hold.",
        ("unit_code",),
    ),
    Rule(
        "R301",
        E,
        "duplicate case id",
        "{location}: the case id {value} is used twice",
        "{location}: mã hồ sơ {value} bị trùng",
        "Two reintegration cases share an id.",
        ("id",),
    ),
    Rule(
        "R401",
        W,
        "case outside the period",
        "{location}: the help shares no day with the dataset's period {period}",
        "{location}: thời gian giúp đỡ không có ngày nào trong kỳ báo cáo {period}",
        "A case whose help lies wholly outside the period is not counted.",
        ("period",),
    ),
    Rule(
        "R501",
        E,
        "case not where people live",
        "{location}: people helped to reintegrate live in a hamlet or commune, not in {value}",
        "{location}: người được giúp đỡ cư trú tại thôn, tổ hoặc xã, không phải tại {value}",
        "A reintegration case belongs to the hamlet or commune where the person lives, "
        "not to an organisation, district or province.",
        ("unit_code",),
    ),
    # A: recognition and its facts -----------------------------------------------------
    Rule(
        "A201",
        E,
        "fact about an unknown unit",
        "{location}: no unit or organisation has the code {value}",
        "{location}: không có đơn vị hoặc cơ quan, tổ chức nào mã {value}",
        "A fact for recognition names a unit or organisation the registry does not hold.",
        ("unit_code",),
    ),
    Rule(
        "A202",
        E,
        "recognition of an unknown unit",
        "{location}: no unit or organisation has the code {value}",
        "{location}: không có đơn vị hoặc cơ quan, tổ chức nào mã {value}",
        "A recorded recognition names a unit or organisation the registry does not hold.",
        ("code",),
    ),
    Rule(
        "A301",
        E,
        "fact recorded twice",
        "{location}: {value} is recorded twice for {unit} in {year}",
        "{location}: dữ kiện {value} của {unit} năm {year} bị ghi hai lần",
        "A fact has one value for a unit and a year.",
        ("unit_code", "year", "fact"),
    ),
    Rule(
        "A302",
        E,
        "two recognitions in one window",
        "{location}: {unit} is recognised twice for {value}",
        "{location}: {unit} được xét công nhận hai lần trong năm {value}",
        "Recognition is decided once a year: at most one decision per unit and window.",
        ("code", "year"),
        TT124,
    ),
    Rule(
        "A501",
        E,
        "recognition of a unit that cannot be recognised",
        "{location}: {value} cannot be recognised: {reason}",
        "{location}: {value} không thuộc diện xét công nhận: {reason_vi}",
        "Hamlets, communes, agencies (not armed-forces units), enterprises (not small or "
        "micro) and schools (not primary schools, kindergartens or nurseries) can be "
        "recognised; provinces and districts are not.",
        ("code",),
        TT124 + ", Điều 2",
    ),
    # D: declared tallies -----------------------------------------------------------------
    Rule(
        "D201",
        E,
        "tally of an unknown unit",
        "{location}: no unit or organisation has the code {value}",
        "{location}: không có đơn vị hoặc cơ quan nào có mã {value}",
        "A tally is declared for a unit the registry does not hold; it counts nowhere.",
        ("unit_code",),
    ),
    Rule(
        "D301",
        E,
        "duplicate tally id",
        "{location}: the tally id {value} is used twice",
        "{location}: mã số liệu khai báo {value} bị trùng",
        "Two declared tallies share an id.",
        ("id",),
    ),
    Rule(
        "D401",
        E,
        "tally outside the period",
        "{location}: the tally's period {value} is not inside the dataset's period {period}",
        "{location}: kỳ của số liệu khai báo {value} không nằm trong kỳ báo cáo {period}",
        "A declared tally must cover days of the dataset's period only.",
        ("period",),
    ),
    Rule(
        "D601",
        W,
        "tally over record-level data",
        "{location}: records already count {figure} here; the tally is set aside (CR-10)",
        "{location}: đã có số liệu chi tiết cho chỉ tiêu này; số liệu khai báo không được "
        "tính (CR-10)",
        "Record-level data counts the same figure for the tally's unit and period: the "
        "records are counted and the tally is not.",
        ("figure", "unit_code", "period"),
    ),
    Rule(
        "D602",
        W,
        "tally under another tally",
        "{location}: tally {other} counts {figure} here; this one is set aside (CR-10)",
        "{location}: số liệu khai báo {other} đã tính chỉ tiêu này; số liệu này không "
        "được tính (CR-10)",
        "Two tallies of the same figure cover nested units and overlapping days: the "
        "higher unit's counts.",
        ("figure", "unit_code", "period"),
    ),
    Rule(
        "D603",
        W,
        "parts do not add up",
        "{location}: the tally gives {value} but its units' tallies add up to {parts}",
        "{location}: số liệu khai báo là {value} nhưng tổng của các đơn vị trực thuộc là {parts}",
        "Where every unit directly below declares the same figure for the same period, "
        "their tallies should add up to the unit's own.",
        ("value",),
    ),
    Rule(
        "D604",
        W,
        "printed share does not match its ratio",
        "{location}: {printed} is printed for {part}/{of_total}, which is {computed}",
        "{location}: tỷ lệ in là {printed} cho {part}/{of_total}, nhưng tính ra {computed}",
        "A report prints a percentage beside its ratio ('219/236 ... đạt 93%'); rounded "
        "half up to the printed precision, the ratio must give the printed figure.",
        ("value", "of_total", "printed_share"),
        "RULES.md §6: percentages are printed rounded to the printed precision",
    ),
    # X: the dataset ----------------------------------------------------------------------
    Rule(
        "X401",
        W,
        "period spans the change of circular",
        "$.period: the period {period} spans 10 February 2022: days before are judged "
        "under Thông tư 23/2012/TT-BCA, later ones under Thông tư 124/2021/TT-BCA",
        "$.period: kỳ báo cáo {period} trải qua ngày 10/02/2022: trước ngày đó áp dụng "
        "Thông tư 23/2012/TT-BCA, từ ngày đó áp dụng Thông tư 124/2021/TT-BCA",
        "Recognition and its criteria changed on 10 February 2022; figures on either side "
        "are judged under different rules and are best reported apart.",
        ("period",),
        "Thông tư 124/2021/TT-BCA (in force 10 February 2022)",
    ),
    Rule(
        "X402",
        W,
        "period reaches outside the edition",
        "$.period: the period {period} reaches outside edition {edition} of the official "
        "units ({window})",
        "$.period: kỳ báo cáo {period} vượt ra ngoài thời gian hiệu lực của danh mục đơn vị "
        "hành chính {edition} ({window_vi})",
        "The units of an edition are in force for a span of days; a period that reaches "
        "past it (a year that spans 1 July 2025) is best reported in two datasets, one on "
        "each edition, and the old one re-expressed on the new units.",
        ("period", "edition"),
        "Quyết định 124/2004/QĐ-TTg; Quyết định 19/2025/QĐ-TTg (the list from 1 July 2025)",
    ),
)

#: The rules' titles in Vietnamese.
_TITLES_VI = {
    "F101": "thiếu trường bắt buộc",
    "F102": "trường không có trong định dạng",
    "F103": "sai kiểu hoặc dạng dữ liệu",
    "F104": "vi phạm quy tắc của bản ghi",
    "F105": "không đọc được tệp",
    "F106": "phiên bản định dạng không được hỗ trợ",
    "U201": "đơn vị cấp trên không tồn tại",
    "U202": "cơ quan, tổ chức thuộc đơn vị không tồn tại",
    "U301": "trùng mã đơn vị",
    "U401": "đơn vị tồn tại ngoài thời gian của đơn vị cấp trên",
    "U402": "cơ quan, tổ chức tồn tại ngoài thời gian của đơn vị",
    "U501": "đơn vị cấp trên sai cấp",
    "U502": "vòng lặp đơn vị cấp trên",
    "U203": "đơn vị không có trong danh mục đơn vị hành chính của bộ dữ liệu",
    "U403": "bản ghi có ngày ngoài thời gian hiệu lực của danh mục đơn vị hành chính",
    "U503": "đơn vị cấp huyện sau ngày 30/6/2025",
    "U504": "đơn vị khác với danh mục đơn vị hành chính",
    "U505": "tên đơn vị khác với danh mục đơn vị hành chính",
    "C201": "buổi tổ chức tại nơi không tồn tại",
    "C202": "buổi thuộc đợt vận động không tồn tại",
    "C203": "đợt vận động của đơn vị không tồn tại",
    "C301": "trùng mã đợt vận động",
    "C302": "trùng mã buổi",
    "C303": "buổi bị nhập trùng",
    "C401": "buổi ngoài kỳ báo cáo",
    "C402": "buổi tại nơi chưa hoặc không còn tồn tại",
    "C403": "buổi ngoài thời gian của đợt vận động",
    "C404": "đợt vận động ngoài kỳ báo cáo",
    "C501": "buổi không tổ chức tại thôn, tổ hoặc cơ quan, tổ chức",
    "C601": "buổi khác loại với đợt vận động",
    "T201": "tin do đơn vị không tồn tại tiếp nhận",
    "T202": "tin từ nơi không tồn tại",
    "T203": "tin thuộc buổi không tồn tại",
    "T301": "trùng mã tin",
    "T401": "tin ngoài kỳ báo cáo",
    "T402": "tin tiếp nhận khi đơn vị chưa hoặc không còn tồn tại",
    "T403": "phiếu tiếp nhận trước buổi tuyên truyền",
    "T501": "tin do nơi không có công an tiếp nhận",
    "T502": "công an cấp huyện tiếp nhận tin sau ngày 01/3/2025",
    "T601": "số tin có giá trị vượt số phiếu thu được",
    "T602": "số phiếu của buổi không khớp với số phiếu ghi nhận",
    "T603": "tin thuộc buổi nhưng không phải phiếu tố giác",
    "T701": "quá thời hạn giải quyết mà chưa có quyết định",
    "T702": "gia hạn vượt quá mức luật định",
    "T704": "tạm đình chỉ trước khi hết thời hạn giải quyết",
    "T705": "chuyển tin quá thời hạn",
    "T703": "quyết định sau khi hết thời hạn",
    "G201": "mô hình thuộc đơn vị không tồn tại",
    "G301": "trùng mã mô hình",
    "G302": "mô hình bị nhập trùng",
    "G401": "mô hình không hoạt động trong kỳ báo cáo",
    "G202": "tổ thuộc đơn vị cấp xã không tồn tại",
    "G203": "tổ phụ trách thôn, tổ dân phố không tồn tại",
    "G303": "trùng mã tổ bảo vệ an ninh, trật tự",
    "G402": "tổ thành lập trước khi Luật có hiệu lực",
    "G403": "tổ không hoạt động trong kỳ báo cáo",
    "G502": "tổ phụ trách đơn vị không phải thôn, tổ dân phố",
    "G503": "thôn, tổ dân phố không thuộc xã của tổ",
    "G504": "tổ thuộc đơn vị không phải cấp xã",
    "G601": "cơ cấu tổ không đúng quy định",
    "G602": "quy mô tổ ngoài mức tỉnh quy định",
    "A201": "dữ kiện của đơn vị không tồn tại",
    "A202": "công nhận đơn vị không tồn tại",
    "A301": "dữ kiện bị ghi hai lần",
    "A302": "công nhận hai lần trong một năm",
    "A501": "công nhận đơn vị không thuộc diện xét",
    "G501": "tổ bảo vệ an ninh, trật tự trước khi Luật có hiệu lực",
    "R201": "hồ sơ thuộc đơn vị không tồn tại",
    "R301": "trùng mã hồ sơ",
    "R401": "hồ sơ ngoài kỳ báo cáo",
    "R501": "hồ sơ không thuộc nơi cư trú",
    "D201": "số liệu khai báo của đơn vị không tồn tại",
    "D301": "trùng mã số liệu khai báo",
    "D401": "số liệu khai báo ngoài kỳ báo cáo",
    "D601": "số liệu khai báo trùng với số liệu chi tiết",
    "D602": "số liệu khai báo trùng với số liệu khai báo khác",
    "D603": "tổng các phần không khớp",
    "D604": "tỷ lệ in không khớp với số liệu",
    "X401": "kỳ báo cáo trải qua thời điểm thay đổi thông tư",
    "X402": "kỳ báo cáo vượt ra ngoài thời gian hiệu lực của danh mục đơn vị hành chính",
}

#: Every rule, by code, in catalogue order.
CATALOGUE: Mapping[str, Rule] = MappingProxyType(
    {rule.code: attrs.evolve(rule, title_vi=_TITLES_VI[rule.code]) for rule in _RULES}
)
