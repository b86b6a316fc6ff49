"""
Tests for the enumerations: glossary identifiers as values, Vietnamese labels.
"""

from __future__ import annotations

import enum
import unicodedata

import pytest

import antq
from antq._enums import LabelledEnum

ENUMS: list[type[enum.Enum]] = [
    exported
    for name in antq.__all__
    if isinstance(exported := getattr(antq, name), type) and issubclass(exported, enum.Enum)
]
LABELLED: list[type[LabelledEnum]] = [e for e in ENUMS if issubclass(e, LabelledEnum)]
MEMBERS: list[LabelledEnum] = [member for labelled in LABELLED for member in labelled]
ENUM_IDS = [e.__name__ for e in ENUMS]
LABELLED_IDS = [e.__name__ for e in LABELLED]
MEMBER_IDS = [f"{type(member).__name__}.{member.name}" for member in MEMBERS]


class TestExportedEnums:
    """
    The enumerations the package exports.
    """

    def test_the_package_exports_every_enumeration(self) -> None:
        """
        The enumerations found through ``antq.__all__`` are the glossary's.
        """
        expected = {
            "CampaignKind",
            "EnterpriseSize",
            "ExtensionGrantor",
            "ModelGroupKind",
            "OrganisationKind",
            "OverlapCause",
            "Certainty",
            "Comparison",
            "CriterionStatus",
            "Outcome",
            "Regime",
            "Subject",
            "Qualifier",
            "RatedKind",
            "RatingClass",
            "ReintegrationCategory",
            "SchoolLevel",
            "TallyFigure",
            "TeamRatingLevel",
            "TeamRole",
            "TipAssessment",
            "TipChannel",
            "TipDecision",
            "TipLegalKind",
            "UnitKind",
            "UnitLevel",
        }
        assert expected == set(ENUM_IDS)

    @pytest.mark.parametrize("exported", ENUMS, ids=ENUM_IDS)
    def test_every_enumeration_is_labelled(self, exported: type[enum.Enum]) -> None:
        """
        Every exported enumeration derives from LabelledEnum.
        """
        assert issubclass(exported, LabelledEnum)


class TestIdentifiers:
    """
    Members' values are the glossary's lower-case identifiers.
    """

    @pytest.mark.parametrize("member", MEMBERS, ids=MEMBER_IDS)
    def test_value_is_the_lower_case_member_name(self, member: LabelledEnum) -> None:
        """
        ``UPPER_CASE`` in code is ``lower_case`` in files.
        """
        assert member.name.lower() == member.value

    @pytest.mark.parametrize("member", MEMBERS, ids=MEMBER_IDS)
    def test_member_is_found_by_its_identifier(self, member: LabelledEnum) -> None:
        """
        Calling the enumeration with an identifier returns the member.
        """
        assert member is type(member)(member.value)


class TestLabels:
    """
    Every member's Vietnamese label.
    """

    @pytest.mark.parametrize("member", MEMBERS, ids=MEMBER_IDS)
    def test_every_member_has_a_label(self, member: LabelledEnum) -> None:
        """
        The label is a non-blank text without surrounding whitespace.
        """
        expected = (True, member.label)
        assert expected == (bool(member.label), member.label.strip())

    @pytest.mark.parametrize("member", MEMBERS, ids=MEMBER_IDS)
    def test_label_is_nfc_normalised(self, member: LabelledEnum) -> None:
        """
        Labels are stored in NFC, so they compare equal to normalised names.
        """
        assert unicodedata.normalize("NFC", member.label) == member.label

    @pytest.mark.parametrize("labelled", LABELLED, ids=LABELLED_IDS)
    def test_labels_name_no_unknown_identifier(self, labelled: type[LabelledEnum]) -> None:
        """
        The label table holds exactly the enumeration's identifiers.
        """
        expected = {member.value for member in labelled}
        assert expected == set(labelled.__labels__)

    @pytest.mark.parametrize("labelled", LABELLED, ids=LABELLED_IDS)
    def test_labels_are_distinct_within_an_enumeration(self, labelled: type[LabelledEnum]) -> None:
        """
        No two members of one enumeration share a label.
        """
        labels = [member.label for member in labelled]
        assert len(set(labels)) == len(labels)

    @pytest.mark.parametrize(
        ("member", "label"),
        [
            (antq.UnitKind.WARD, "phường"),
            (antq.UnitKind.SPECIAL_ZONE, "đặc khu"),
            (antq.UnitKind.RESIDENTIAL_GROUP, "tổ dân phố"),
            (antq.OrganisationKind.AGENCY, "cơ quan"),
            (antq.CampaignKind.PEAK_CRACKDOWN, "đợt cao điểm tấn công, trấn áp tội phạm"),
            (antq.TipChannel.MAILBOX, "hòm thư tố giác"),
            (antq.TipLegalKind.PROSECUTION_PETITION, "kiến nghị khởi tố"),
            (antq.TipAssessment.VALUABLE, "tin có giá trị"),
            (antq.ModelGroupKind.PEOPLES_SECURITY_GROUP, "tổ an ninh nhân dân"),
            (antq.ReintegrationCategory.PARDONED, "người được đặc xá"),
        ],
        ids=[
            "ward",
            "special-zone",
            "residential-group",
            "agency",
            "peak-crackdown",
            "mailbox",
            "prosecution-petition",
            "valuable",
            "peoples-security-group",
            "pardoned",
        ],
    )
    def test_label_is_the_glossary_term(self, member: LabelledEnum, label: str) -> None:
        """
        A sample of labels reads as the glossary's Vietnamese term.
        """
        assert label == member.label
