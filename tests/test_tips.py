"""
Tests for antq.tips: tips, their extensions and later days, and informants' protection.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest

from antq import (
    ExtensionGrantor,
    Informant,
    InvalidValueError,
    TipAssessment,
    TipChannel,
    TipDecision,
    TipExtension,
    TipLegalKind,
    TipRecord,
)

RECEIVED = dt.date(2017, 8, 19)
DAY_BEFORE = dt.date(2017, 8, 18)
NOON = dt.datetime(2017, 8, 25, 12, tzinfo=dt.UTC)

NAME = "Nguyễn Văn A"
CONTACT = "0912 345 678"
ADDRESS = "Tổ 5, phường Đức Xuân"
INFORMANT = Informant(NAME, contact=CONTACT, address=ADDRESS)

TIP = TipRecord(
    "TIP-0001",
    RECEIVED,
    "01840",
    TipChannel.FORM,
    origin_code="01840-T05",
    session_id="B-001",
)
EXTENSION = TipExtension(
    dt.date(2017, 9, 5), dt.date(2017, 11, 7), ExtensionGrantor.HANDLING_AGENCY
)
#: A tip suspended on 8 September 2017, twenty days after receipt.
SUSPENDED = attrs.evolve(
    TIP,
    legal_kind=TipLegalKind.DENUNCIATION,
    decision=TipDecision.SUSPEND,
    decided_on=dt.date(2017, 9, 8),
)
PROCURACY_EXTENSION = TipExtension(
    dt.date(2017, 11, 6), dt.date(2018, 1, 7), ExtensionGrantor.PROCURACY
)


class TestTipRecordDefaults:
    """
    What a tip records when only its receipt is known.
    """

    def test_is_pending_until_judged(self) -> None:
        """
        A new tip is pending, with no assessment date.
        """
        expected = (TipAssessment.PENDING, None)
        assert expected == (TIP.assessment, TIP.assessed_on)

    def test_has_no_decision_kind_extension_or_informant(self) -> None:
        """
        A new tip has no legal kind, decision, extension or informant.
        """
        expected = (None, None, None, (), None)
        actual = (TIP.legal_kind, TIP.decision, TIP.decided_on, TIP.extensions, TIP.informant)
        assert expected == actual

    def test_is_neither_resumed_nor_handed_on(self) -> None:
        """
        A new tip has no day of resumption and no day it was handed on.
        """
        assert (None, None) == (TIP.resumed_on, TIP.transferred_on)


class TestTipRecordProperties:
    """
    Anonymity and value of a tip.
    """

    def test_is_anonymous_without_informant(self) -> None:
        """
        A tip without an informant is anonymous.
        """
        assert TIP.is_anonymous

    def test_is_not_anonymous_with_informant(self) -> None:
        """
        A tip with an informant is not anonymous.
        """
        assert not attrs.evolve(TIP, informant=INFORMANT).is_anonymous

    @pytest.mark.parametrize(
        ("assessment", "assessed_on", "expected"),
        [
            (TipAssessment.PENDING, None, False),
            (TipAssessment.VALUABLE, RECEIVED, True),
            (TipAssessment.NOT_VALUABLE, RECEIVED, False),
        ],
        ids=["pending", "valuable", "not-valuable"],
    )
    def test_is_valuable_only_when_judged_valuable(
        self, assessment: TipAssessment, assessed_on: dt.date | None, *, expected: bool
    ) -> None:
        """
        Only a tip the police judged of value is valuable.
        """
        tip = attrs.evolve(TIP, assessment=assessment, assessed_on=assessed_on)
        assert expected == tip.is_valuable


class TestTipRecordClassification:
    """
    The legal kind of a tip under Điều 144.
    """

    @pytest.mark.parametrize("legal_kind", list(TipLegalKind), ids=[k.value for k in TipLegalKind])
    def test_keeps_its_legal_kind(self, legal_kind: TipLegalKind) -> None:
        """
        A classified tip keeps its kind of report.
        """
        assert legal_kind == attrs.evolve(TIP, legal_kind=legal_kind).legal_kind


class TestTipRecordDates:
    """
    The dates of assessment, decision and extensions.
    """

    def test_may_be_assessed_on_the_day_of_receipt(self) -> None:
        """
        An assessment may be dated the day the tip was received.
        """
        tip = attrs.evolve(TIP, assessment=TipAssessment.VALUABLE, assessed_on=RECEIVED)
        assert RECEIVED == tip.assessed_on

    def test_may_be_decided_on_the_day_of_receipt(self) -> None:
        """
        A decision may be dated the day the tip was received.
        """
        tip = attrs.evolve(TIP, decision=TipDecision.PROSECUTE, decided_on=RECEIVED)
        expected = (TipDecision.PROSECUTE, RECEIVED)
        assert expected == (tip.decision, tip.decided_on)

    def test_keeps_extensions_in_the_order_granted(self) -> None:
        """
        Extensions are kept as a tuple, in the order given.
        """
        tip = attrs.evolve(TIP, extensions=[EXTENSION, PROCURACY_EXTENSION])
        expected = (EXTENSION, PROCURACY_EXTENSION)
        assert expected == tip.extensions

    def test_converts_any_iterable_of_extensions_to_a_tuple(self) -> None:
        """
        Extensions given by a generator are kept as a tuple.
        """
        tip = attrs.evolve(TIP, extensions=(e for e in [EXTENSION]))
        expected = (EXTENSION,)
        assert expected == tip.extensions

    @pytest.mark.parametrize(
        "resumed_on",
        [dt.date(2017, 9, 8), dt.date(2018, 2, 1)],
        ids=["on-the-day-of-the-suspension", "later"],
    )
    def test_a_suspended_tip_may_be_resumed(self, resumed_on: dt.date) -> None:
        """
        A suspended tip may be resumed on the day of its suspension, or later (Điều 148).
        """
        tip = attrs.evolve(SUSPENDED, resumed_on=resumed_on)
        assert resumed_on == tip.resumed_on

    @pytest.mark.parametrize(
        "transferred_on",
        [RECEIVED, dt.date(2017, 8, 20), dt.date(2017, 12, 1)],
        ids=["on-the-day-of-receipt", "the-next-day", "months-later"],
    )
    def test_may_be_handed_on_from_the_day_of_receipt(self, transferred_on: dt.date) -> None:
        """
        A tip may be handed on the day it was received or any later day.

        Lateness is a finding of validation (T705), not an invalid value.
        """
        assert transferred_on == attrs.evolve(TIP, transferred_on=transferred_on).transferred_on

    def test_may_be_extended_on_the_day_of_receipt(self) -> None:
        """
        An extension may be granted the day the tip was received.
        """
        extension = attrs.evolve(EXTENSION, granted_on=RECEIVED)
        expected = (extension,)
        assert expected == attrs.evolve(TIP, extensions=[extension]).extensions


INVALID_TIPS: list[tuple[str, dict[str, Any], str, str]] = [
    ("id-with-space", {"id": "TIP 0001"}, "id", "an identifier is 1 to 64"),
    ("id-not-ascii", {"id": "tin-báo-1"}, "id", "an identifier is 1 to 64"),
    ("id-65-characters", {"id": "T" * 65}, "id", "an identifier is 1 to 64"),
    ("received-on-datetime", {"received_on": NOON}, "received_on", "must be a date"),
    ("received-on-text", {"received_on": "2017-08-19"}, "received_on", "must be a date"),
    ("received-on-none", {"received_on": None}, "received_on", "must be a date"),
    ("receiving-unit-none", {"receiving_unit_code": None}, "receiving_unit_code", "a string"),
    ("channel-as-text", {"channel": "form"}, "channel", "must be a member of TipChannel"),
    ("origin-code-blank", {"origin_code": " "}, "origin_code", "an identifier is 1 to 64"),
    ("session-id-with-space", {"session_id": "B 001"}, "session_id", "an identifier"),
    ("legal-kind-as-text", {"legal_kind": "denunciation"}, "legal_kind", "member of TipLegalKind"),
    ("assessment-none", {"assessment": None}, "assessment", "must be a member of TipAssessment"),
    (
        "assessment-as-text",
        {"assessment": "valuable", "assessed_on": RECEIVED},
        "assessment",
        "must be a member of TipAssessment",
    ),
    (
        "pending-with-assessment-date",
        {"assessed_on": RECEIVED},
        "assessed_on",
        "a pending tip has no assessment date",
    ),
    (
        "valuable-without-assessment-date",
        {"assessment": TipAssessment.VALUABLE},
        "assessed_on",
        "an assessed tip needs the date of its assessment",
    ),
    (
        "not-valuable-without-assessment-date",
        {"assessment": TipAssessment.NOT_VALUABLE},
        "assessed_on",
        "an assessed tip needs the date of its assessment",
    ),
    (
        "assessed-before-receipt",
        {"assessment": TipAssessment.VALUABLE, "assessed_on": DAY_BEFORE},
        "assessed_on",
        "an assessment cannot be dated before the tip was received (received_on is 2017-08-19)",
    ),
    (
        "assessed-on-datetime",
        {"assessment": TipAssessment.VALUABLE, "assessed_on": NOON},
        "assessed_on",
        "must be a date",
    ),
    (
        "decision-without-date",
        {"decision": TipDecision.NOT_PROSECUTE},
        "decided_on",
        "a decision and its date go together",
    ),
    (
        "date-without-decision",
        {"decided_on": RECEIVED},
        "decided_on",
        "a decision and its date go together",
    ),
    (
        "decided-before-receipt",
        {"decision": TipDecision.SUSPEND, "decided_on": DAY_BEFORE},
        "decided_on",
        "a decision cannot be dated before the tip was received (received_on is 2017-08-19)",
    ),
    (
        "decision-as-text",
        {"decision": "prosecute", "decided_on": RECEIVED},
        "decision",
        "must be a member of TipDecision",
    ),
    (
        "decided-on-text",
        {"decision": TipDecision.PROSECUTE, "decided_on": "2017-08-25"},
        "decided_on",
        "must be a date",
    ),
    (
        "extension-as-text",
        {"extensions": ["2017-09-05"]},
        "extensions",
        "item 0 is str, not TipExtension",
    ),
    (
        "extension-among-extensions-as-dict",
        {"extensions": [EXTENSION, {"granted_on": "2017-11-06"}]},
        "extensions",
        "item 1 is dict, not TipExtension",
    ),
    (
        "extension-granted-before-receipt",
        {"extensions": [attrs.evolve(EXTENSION, granted_on=DAY_BEFORE)]},
        "extensions",
        "an extension cannot be granted before the tip was received (2017-08-19)",
    ),
    ("informant-not-an-informant", {"informant": 42}, "informant", "Informant"),
    (
        "resumed-without-a-decision",
        {"resumed_on": RECEIVED},
        "resumed_on",
        "only a suspended tip can be resumed (Điều 148)",
    ),
    (
        "resumed-after-a-decision-to-prosecute",
        {"decision": TipDecision.PROSECUTE, "decided_on": RECEIVED, "resumed_on": RECEIVED},
        "resumed_on",
        "only a suspended tip can be resumed (Điều 148)",
    ),
    (
        "resumed-after-a-decision-not-to-prosecute",
        {
            "decision": TipDecision.NOT_PROSECUTE,
            "decided_on": RECEIVED,
            "resumed_on": dt.date(2017, 9, 1),
        },
        "resumed_on",
        "only a suspended tip can be resumed (Điều 148)",
    ),
    (
        "resumed-before-the-suspension",
        {
            "decision": TipDecision.SUSPEND,
            "decided_on": dt.date(2017, 9, 8),
            "resumed_on": dt.date(2017, 9, 7),
        },
        "resumed_on",
        "a tip cannot be resumed before it was suspended (decided_on is 2017-09-08)",
    ),
    (
        "resumed-on-datetime",
        {"decision": TipDecision.SUSPEND, "decided_on": RECEIVED, "resumed_on": NOON},
        "resumed_on",
        "must be a date",
    ),
    (
        "resumed-on-text",
        {"decision": TipDecision.SUSPEND, "decided_on": RECEIVED, "resumed_on": "2017-09-01"},
        "resumed_on",
        "must be a date",
    ),
    (
        "transferred-before-receipt",
        {"transferred_on": DAY_BEFORE},
        "transferred_on",
        "a transfer cannot be dated before the tip was received (received_on is 2017-08-19)",
    ),
    ("transferred-on-datetime", {"transferred_on": NOON}, "transferred_on", "must be a date"),
    ("transferred-on-text", {"transferred_on": "2017-08-20"}, "transferred_on", "must be a date"),
    ("transferred-on-number", {"transferred_on": 20170820}, "transferred_on", "must be a date"),
]


class TestTipRecordValidation:
    """
    The rules a tip's fields must follow.
    """

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_TIPS],
        ids=[row[0] for row in INVALID_TIPS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A tip refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(TIP, **changes)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))


INVALID_EXTENSIONS: list[tuple[str, dict[str, Any], str, str]] = [
    ("granted-on-datetime", {"granted_on": NOON}, "granted_on", "must be a date"),
    ("granted-on-text", {"granted_on": "2017-09-05"}, "granted_on", "must be a date"),
    ("until-none", {"until": None}, "until", "must be a date"),
    ("until-datetime", {"until": NOON}, "until", "must be a date"),
    (
        "until-before-granted-on",
        {"until": dt.date(2017, 9, 4)},
        "until",
        "an extension cannot end before it is granted (granted_on is 2017-09-05)",
    ),
    ("granted-by-as-text", {"granted_by": "procuracy"}, "granted_by", "member of ExtensionGrantor"),
    ("granted-by-none", {"granted_by": None}, "granted_by", "member of ExtensionGrantor"),
]


class TestTipExtension:
    """
    One extension of the time limit for deciding on a tip.
    """

    def test_may_end_on_the_day_it_is_granted(self) -> None:
        """
        An extension may end on the day it is granted.
        """
        expected = EXTENSION.granted_on
        assert expected == attrs.evolve(EXTENSION, until=EXTENSION.granted_on).until

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_EXTENSIONS],
        ids=[row[0] for row in INVALID_EXTENSIONS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        An extension refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(EXTENSION, **changes)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))


INVALID_INFORMANTS: list[tuple[str, dict[str, Any], str, str]] = [
    ("full-name-empty", {"full_name": ""}, "full_name", "must not be blank"),
    ("full-name-blank", {"full_name": "  "}, "full_name", "must not be blank"),
    ("full-name-none", {"full_name": None}, "full_name", "must be a string"),
    ("full-name-list", {"full_name": [NAME]}, "full_name", "must be a string"),
    ("contact-blank", {"contact": "\t"}, "contact", "must not be blank"),
    ("contact-number", {"contact": 912345678}, "contact", "must be a string"),
    ("contact-list", {"contact": [CONTACT]}, "contact", "must be a string"),
    ("address-blank", {"address": " "}, "address", "must not be blank"),
    ("address-tuple", {"address": (ADDRESS,)}, "address", "must be a string"),
]


class TestInformant:
    """
    The protected identity of an informant.
    """

    def test_keeps_the_identity(self) -> None:
        """
        The identity is kept for the caller who reads it by name.
        """
        expected = (NAME, CONTACT, ADDRESS)
        assert expected == (INFORMANT.full_name, INFORMANT.contact, INFORMANT.address)

    def test_contact_and_address_are_optional(self) -> None:
        """
        An informant may be known by name only.
        """
        informant = Informant(NAME)
        expected = (None, None)
        assert expected == (informant.contact, informant.address)

    def test_repr_is_a_placeholder(self) -> None:
        """
        The repr of an informant is a fixed placeholder.
        """
        expected = "Informant(<protected>)"
        assert expected == repr(INFORMANT)

    @pytest.mark.parametrize("secret", [NAME, CONTACT, ADDRESS], ids=["name", "contact", "address"])
    def test_repr_never_shows_the_identity(self, secret: str) -> None:
        """
        Neither the name, the contact nor the address appear in the repr.
        """
        assert secret not in repr(INFORMANT)

    @pytest.mark.parametrize("secret", [NAME, CONTACT, ADDRESS], ids=["name", "contact", "address"])
    def test_repr_of_a_tip_never_shows_its_informant(self, secret: str) -> None:
        """
        The repr of a tip leaves its informant out entirely.
        """
        assert secret not in repr(attrs.evolve(TIP, informant=INFORMANT))

    def test_repr_of_a_tip_still_names_the_tip(self) -> None:
        """
        Leaving the informant out keeps the rest of the tip's repr.
        """
        assert "id='TIP-0001'" in repr(attrs.evolve(TIP, informant=INFORMANT))

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_INFORMANTS],
        ids=[row[0] for row in INVALID_INFORMANTS],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        An informant refuses an invalid field, naming the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(INFORMANT, **changes)
        expected = (field, "<protected>", True)
        assert expected == (info.value.field, info.value.value, rule in str(info.value))

    @pytest.mark.parametrize(
        ("changes", "secret"),
        [
            ({"full_name": [NAME]}, NAME),
            ({"contact": [CONTACT]}, CONTACT),
            ({"address": (ADDRESS,)}, ADDRESS),
        ],
        ids=["name", "contact", "address"],
    )
    def test_error_never_repeats_a_refused_value(
        self, changes: dict[str, Any], secret: str
    ) -> None:
        """
        The error for an invalid informant field does not contain the value.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(INFORMANT, **changes)
        expected = (False, False)
        assert expected == (secret in str(info.value), secret in repr(info.value))

    def test_a_tip_refusing_its_informant_does_not_repeat_it(self) -> None:
        """
        An identity given where an ``Informant`` belongs is not repeated in the error.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(TIP, informant=NAME)  # type: ignore[arg-type]
        expected = (False, "<protected>")
        assert expected == (NAME in str(info.value), info.value.value)

    def test_refused_value_is_not_kept_in_the_exception_chain(self) -> None:
        """
        The identity cannot be read back from the chained exception either.
        """
        with pytest.raises(InvalidValueError) as info:
            Informant([NAME])  # type: ignore[arg-type]
        assert NAME not in repr(info.value.__context__)
