"""
Tests that the documentation agrees with the code: the glossary names every enumeration.
"""

from __future__ import annotations

import enum
import re
from pathlib import Path

import pytest

import antq
from antq._enums import LabelledEnum

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"

ENUMS: list[type[LabelledEnum]] = [
    exported
    for name in antq.__all__
    if isinstance(exported := getattr(antq, name), type) and issubclass(exported, LabelledEnum)
]
ENUM_IDS = [e.__name__ for e in ENUMS]


def glossary_section(name: str) -> str:
    """
    Return the text of the glossary section headed by the enumeration's name.
    """
    text = GLOSSARY.read_text(encoding="utf-8")
    heading = re.search(rf"^#+ `{name}`$", text, flags=re.MULTILINE)
    if heading is None:
        return ""
    following = re.search(r"^#", text[heading.end() :], flags=re.MULTILINE)
    end = heading.end() + following.start() if following else len(text)
    return text[heading.end() : end]


def table_rows(section: str) -> list[list[str]]:
    """
    Return the cells of every body row of the Markdown tables in *section*.
    """
    rows = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in section.splitlines()
        if line.startswith("|")
    ]
    # Each table's first two rows are its header and the line under it.
    return [row for row in rows if not set("".join(row)) <= set("-:") and row[0] != "Vietnamese"]


class TestGlossary:
    """
    docs/glossary.md gives every member of every enumeration antq exports.
    """

    def test_the_enumerations_are_found(self) -> None:
        """
        The enumerations checked are every enumeration antq exports.
        """
        expected = [
            exported
            for name in antq.__all__
            if isinstance(exported := getattr(antq, name), type) and issubclass(exported, enum.Enum)
        ]
        actual = ENUMS
        assert expected == actual

    @pytest.mark.parametrize("exported", ENUMS, ids=ENUM_IDS)
    def test_every_enumeration_has_a_section(self, exported: type[LabelledEnum]) -> None:
        """
        The glossary has a section headed by the enumeration's name, holding a table.
        """
        expected = True
        actual = bool(table_rows(glossary_section(exported.__name__)))
        assert expected == actual

    @pytest.mark.parametrize("exported", ENUMS, ids=ENUM_IDS)
    def test_every_identifier_is_in_the_glossary(self, exported: type[LabelledEnum]) -> None:
        """
        The section's table lists the identifiers of every member, in order, and no other.
        """
        expected = [f"`{member.value}`" for member in exported]
        actual = [row[2] for row in table_rows(glossary_section(exported.__name__))]
        assert expected == actual

    @pytest.mark.parametrize("exported", ENUMS, ids=ENUM_IDS)
    def test_every_identifier_stands_beside_its_label(self, exported: type[LabelledEnum]) -> None:
        """
        Each row's Vietnamese term is the label of the member named by its identifier.
        """
        expected = {f"`{member.value}`": member.label for member in exported}
        actual = {row[2]: row[0] for row in table_rows(glossary_section(exported.__name__))}
        assert expected == actual
