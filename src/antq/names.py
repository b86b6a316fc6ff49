"""
Vietnamese names: matching them whatever their tone-mark placement, and sorting them.

Names of units are written with the tone mark on either vowel of "oa", "oe" and "uy"
("Xuất Hóa" and "Xuất Hoá", "Thủy" and "Thuỷ"), in composed or decomposed Unicode, and
in any case. Names are compared after NFC normalisation and one tone-placement
convention; the raw name is kept for display.
"""

from __future__ import annotations

import unicodedata

__all__ = ["collation_key", "fold", "tone_key"]

#: The five tone marks, in the order of the Vietnamese dictionary: huyền, hỏi, ngã,
#: sắc, nặng (a syllable without a mark, thanh ngang, comes first).
_TONES = "\u0300\u0309\u0303\u0301\u0323"
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}


def _words(name: str) -> list[str]:
    return unicodedata.normalize("NFD", name.casefold()).replace("-", " ").split()


def tone_key(name: str) -> str:
    """
    Return *name* in a form where tone-mark placement, case and Unicode form do not matter.

    Each word keeps its letters and vowel marks, and carries its tone mark at its end,
    so "Xuất Hóa", "Xuất Hoá" and "XUẤT HOÁ" have the same key, and "Hòa" and "Hóa" do
    not.
    """
    words = []
    for word in _words(name):
        tones = "".join(mark for mark in word if mark in _TONES)
        letters = "".join(mark for mark in word if mark not in _TONES)
        words.append(unicodedata.normalize("NFC", letters) + tones)
    return " ".join(words)


def fold(name: str) -> str:
    """
    Return *name* without diacritics, in lower case, with single spaces ("xuat hoa").

    "đ" becomes "d". Hyphens count as spaces ("Bà Rịa - Vũng Tàu" gives "ba ria vung tau").
    """
    words = (
        "".join(c for c in word if not unicodedata.combining(c)).replace("đ", "d")
        for word in _words(name)
    )
    return " ".join(word for word in words if word)


def collation_key(name: str) -> tuple[tuple[int, ...], tuple[int, ...], str]:
    """
    Return a key that sorts names in Vietnamese dictionary order.

    Letters come first in the Vietnamese alphabet (a ă â b c d đ e ê g ...), so
    "Ân Thi" sorts before "Bắc Kạn", which sorts before "Đức Xuân"; tones decide
    only between names with the same letters (ngang, huyền, hỏi, ngã, sắc, nặng).
    Characters outside the alphabet (digits, other letters) sort after it, by code
    point.

    Example:
        >>> sorted(["Đức Xuân", "Bắc Kạn", "Ân Thi", "Dương Quang"], key=collation_key)
        ['Ân Thi', 'Bắc Kạn', 'Dương Quang', 'Đức Xuân']
    """
    letters: list[int] = []
    tones: list[int] = []
    for word in _words(name):
        tone = 0
        bare = unicodedata.normalize("NFC", "".join(c for c in word if c not in _TONES))
        letters.extend(_RANK.get(char, len(_RANK) + ord(char)) for char in bare)
        for mark in word:
            if mark in _TONES:
                tone = _TONES.index(mark) + 1
        letters.append(-1)  # a word ends before any letter: "An" < "An Bình" < "Anh"
        tones.append(tone)
    return tuple(letters), tuple(tones), name
