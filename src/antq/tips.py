"""
Tips: crime-denunciation slips and other reports of crime, and their informants.

The Criminal Procedure Code (Bộ luật Tố tụng hình sự 2015) sorts reports into
denunciations, crime information and petitions to prosecute (Điều 144) and sets the
time limit for deciding on them (Điều 147). Whether a tip is "of value" (tin có giá
trị) has no legal definition: it is the police's judgement, recorded as an assessment.
Informants have the right to secrecy and protection (Điều 56, Chương XXXIV).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

import attrs

from antq import _validation as v
from antq._enums import LabelledEnum

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ExtensionGrantor",
    "Informant",
    "TipAssessment",
    "TipChannel",
    "TipDecision",
    "TipExtension",
    "TipLegalKind",
    "TipRecord",
]


class TipChannel(LabelledEnum):
    """
    How a tip reached the police.
    """

    FORM = "form"
    MAILBOX = "mailbox"
    IN_PERSON = "in_person"
    PHONE = "phone"
    ONLINE = "online"
    MEDIA = "media"

    __labels__ = {
        "form": "phiếu tố giác tội phạm",
        "mailbox": "hòm thư tố giác",
        "in_person": "trực tiếp",
        "phone": "điện thoại, đường dây nóng",
        "online": "trực tuyến",
        "media": "phương tiện thông tin đại chúng",
    }


class TipLegalKind(LabelledEnum):
    """
    The kind of report under Điều 144 of the Criminal Procedure Code.
    """

    DENUNCIATION = "denunciation"
    CRIME_INFORMATION = "crime_information"
    PROSECUTION_PETITION = "prosecution_petition"

    __labels__ = {
        "denunciation": "tố giác về tội phạm",
        "crime_information": "tin báo về tội phạm",
        "prosecution_petition": "kiến nghị khởi tố",
    }


class TipAssessment(LabelledEnum):
    """
    The police's judgement of a tip's value for fighting crime.
    """

    PENDING = "pending"
    VALUABLE = "valuable"
    NOT_VALUABLE = "not_valuable"

    __labels__ = {
        "pending": "chưa đánh giá",
        "valuable": "tin có giá trị",
        "not_valuable": "tin không có giá trị",
    }


class TipDecision(LabelledEnum):
    """
    The decision taken on a tip under Điều 147 of the Criminal Procedure Code.
    """

    PROSECUTE = "prosecute"
    NOT_PROSECUTE = "not_prosecute"
    SUSPEND = "suspend"

    __labels__ = {
        "prosecute": "khởi tố vụ án hình sự",
        "not_prosecute": "không khởi tố vụ án hình sự",
        "suspend": "tạm đình chỉ việc giải quyết",
    }


class ExtensionGrantor(LabelledEnum):
    """
    Who extended the time limit for deciding on a tip (Điều 147.2 and 147.3).
    """

    HANDLING_AGENCY = "handling_agency"
    PROCURACY = "procuracy"

    __labels__ = {
        "handling_agency": "cơ quan có thẩm quyền giải quyết",
        "procuracy": "Viện kiểm sát",
    }


@attrs.frozen
class Informant:
    """
    The identity of a person who reported a crime.

    It is protected (Điều 56 and Chương XXXIV of the Criminal Procedure Code): it is
    left out of every ``repr``, and antq writes it to a file only when the caller asks
    by name. Tips may be anonymous: a :class:`TipRecord` need not have an informant.

    Args:
        full_name: The informant's name.
        contact: A telephone number or other contact, if given.
        address: The informant's address, if given.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule (the message does not
            repeat the value).
    """

    full_name: str = attrs.field(repr=False, validator=v.protected(v.text))
    contact: str | None = attrs.field(
        default=None, repr=False, validator=v.protected(v.optional_text)
    )
    address: str | None = attrs.field(
        default=None, repr=False, validator=v.protected(v.optional_text)
    )

    def __repr__(self) -> str:
        """
        Return a placeholder: the identity itself never appears.
        """
        return "Informant(<protected>)"


@attrs.frozen
class TipExtension:
    """
    An extension of the time limit for deciding on a tip.

    Args:
        granted_on: The day the extension was granted.
        until: The new last day for the decision.
        granted_by: Who granted it.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    granted_on: dt.date = attrs.field(validator=v.date)
    until: dt.date = attrs.field(
        validator=[
            v.date,
            v.not_before("granted_on", rule="an extension cannot end before it is granted"),
        ]
    )
    granted_by: ExtensionGrantor = attrs.field(validator=v.member_of(ExtensionGrantor))


def _assessed_on(instance: TipRecord, attribute: attrs.Attribute[Any], value: object) -> None:
    if instance.assessment is TipAssessment.PENDING and value is not None:
        v.refuse(instance, attribute, value, "a pending tip has no assessment date")
    elif instance.assessment is not TipAssessment.PENDING and value is None:
        v.refuse(instance, attribute, value, "an assessed tip needs the date of its assessment")


def _decided_on(instance: TipRecord, attribute: attrs.Attribute[Any], value: object) -> None:
    if (instance.decision is None) != (value is None):
        v.refuse(instance, attribute, value, "a decision and its date go together")


def _resumed_on(instance: TipRecord, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and instance.decision is not TipDecision.SUSPEND:
        v.refuse(instance, attribute, value, "only a suspended tip can be resumed (Điều 148)")


def _extensions(instance: TipRecord, attribute: attrs.Attribute[Any], value: object) -> None:
    # Runs after v.tuple_of(TipExtension): the value is a tuple of extensions.
    for extension in cast("tuple[TipExtension, ...]", value):
        if extension.granted_on < instance.received_on:
            v.refuse(
                instance,
                attribute,
                value,
                "an extension cannot be granted before the tip was received "
                f"({instance.received_on.isoformat()})",
            )


def _extension_tuple(extensions: Iterable[TipExtension]) -> tuple[TipExtension, ...]:
    return v.as_tuple(extensions, owner="TipRecord", field="extensions")


_NOT_BEFORE_RECEIPT = "cannot be dated before the tip was received"


@attrs.frozen
class TipRecord:
    """
    One tip: a slip, a mailbox letter, a call or a visit that reports a crime.

    Args:
        id: A local identifier, unique among the dataset's tips.
        received_on: The day the police received it.
        receiving_unit_code: The unit whose police received it.
        channel: How it arrived.
        origin_code: The hamlet (or organisation) it came from, if known.
        session_id: The mobilisation session where the slip was collected, if any.
        legal_kind: Its kind under Điều 144, once classified.
        assessment: The police's judgement of its value; ``PENDING`` until judged.
        assessed_on: The day of that judgement; required once judged.
        decision: The decision under Điều 147, once taken.
        decided_on: The day of the decision; required with it.
        extensions: Extensions of the time limit, in the order granted.
        resumed_on: For a suspended tip, the day its handling was resumed (Điều 148).
        transferred_on: The day the police that received it handed it on to the
            investigators, if it did (Thông tư liên tịch 01/2017).
        informant: The informant's identity, if known; protected.

    Raises:
        antq.errors.InvalidValueError: When a field breaks its rule.
    """

    id: str = attrs.field(validator=v.local_id)
    received_on: dt.date = attrs.field(validator=v.date)
    receiving_unit_code: str = attrs.field(validator=v.local_id)
    channel: TipChannel = attrs.field(validator=v.member_of(TipChannel))
    origin_code: str | None = attrs.field(default=None, validator=v.optional_local_id, kw_only=True)
    session_id: str | None = attrs.field(default=None, validator=v.optional_local_id, kw_only=True)
    legal_kind: TipLegalKind | None = attrs.field(
        default=None, validator=v.member_of(TipLegalKind, optional=True), kw_only=True
    )
    assessment: TipAssessment = attrs.field(
        default=TipAssessment.PENDING, validator=v.member_of(TipAssessment), kw_only=True
    )
    assessed_on: dt.date | None = attrs.field(
        default=None,
        validator=[
            v.optional_date,
            v.not_before("received_on", rule=f"an assessment {_NOT_BEFORE_RECEIPT}"),
            _assessed_on,
        ],
        kw_only=True,
    )
    decision: TipDecision | None = attrs.field(
        default=None, validator=v.member_of(TipDecision, optional=True), kw_only=True
    )
    decided_on: dt.date | None = attrs.field(
        default=None,
        validator=[
            v.optional_date,
            v.not_before("received_on", rule=f"a decision {_NOT_BEFORE_RECEIPT}"),
            _decided_on,
        ],
        kw_only=True,
    )
    extensions: tuple[TipExtension, ...] = attrs.field(
        default=(),
        converter=_extension_tuple,
        validator=[v.tuple_of(TipExtension), _extensions],
        kw_only=True,
    )
    resumed_on: dt.date | None = attrs.field(
        default=None,
        validator=[
            v.optional_date,
            v.not_before("decided_on", rule="a tip cannot be resumed before it was suspended"),
            _resumed_on,
        ],
        kw_only=True,
    )
    transferred_on: dt.date | None = attrs.field(
        default=None,
        validator=[
            v.optional_date,
            v.not_before("received_on", rule=f"a transfer {_NOT_BEFORE_RECEIPT}"),
        ],
        kw_only=True,
    )
    informant: Informant | None = attrs.field(
        default=None,
        repr=False,
        validator=v.protected(v.instance_of(Informant, optional=True)),
        kw_only=True,
    )

    @property
    def is_anonymous(self) -> bool:
        """
        Whether the tip carries no informant identity.
        """
        return self.informant is None

    @property
    def is_valuable(self) -> bool:
        """
        Whether the police judged the tip of value (tin có giá trị).
        """
        return self.assessment is TipAssessment.VALUABLE
