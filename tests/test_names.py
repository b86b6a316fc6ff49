"""
Tests of the matching and ordering of Vietnamese names (antq.names).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import hypothesis.strategies as st
import pytest
from hypothesis import given

from antq import testing
from antq.names import collation_key, fold, tone_key

if TYPE_CHECKING:
    import random

#: The five tone marks: huyền, hỏi, ngã, sắc, nặng.
TONES = "\u0300\u0309\u0303\u0301\u0323"
#: Letters of words without tone marks, vowel marks (ă â ê ô ơ ư) and đ included.
BARE_LETTERS = "abcdeghiklmnopqrstuvxyăâđêôơư"


def nfd(text: str) -> str:
    """
    Return *text* decomposed (NFD), as some keyboards and files write it.
    """
    return unicodedata.normalize("NFD", text)


def toned(word: str, tone: str, position: int) -> str:
    """
    Return *word* with *tone* placed on its letter at *position*, in NFC.
    """
    return unicodedata.normalize("NFC", word[: position + 1] + tone + word[position + 1 :])


@st.composite
def toned_words(draw: st.DrawFn) -> tuple[str, str, int, int]:
    """
    Draw a bare word of two letters or more, a tone mark and two letters to put it on.
    """
    word = draw(st.text(BARE_LETTERS, min_size=2, max_size=6))
    tone = draw(st.sampled_from(TONES))
    first = draw(st.integers(0, len(word) - 1))
    return word, tone, first, draw(st.integers(0, len(word) - 1))


class TestToneKey:
    """
    tone_key: one form for a name whatever its tone-mark placement, case and Unicode form.
    """

    @pytest.mark.parametrize(
        ("one", "other"),
        [
            ("Xuất Hóa", "Xuất Hoá"),
            ("Xuất Hóa", "XUẤT HOÁ"),
            ("Xuất Hóa", nfd("Xuất Hoá")),
            ("Thủy", "Thuỷ"),
            ("Hòa Bình", "Hoà Bình"),
            ("Khỏe", "Khoẻ"),
            ("Xuất  Hóa", " Xuất Hóa "),
        ],
        ids=["oa", "upper-case", "nfd", "uy", "oa-grave", "oe", "spaces"],
    )
    def test_the_same_name_has_the_same_key(self, one: str, other: str) -> None:
        """
        Tone-mark placement, case, Unicode form and spacing do not change the key.
        """
        assert tone_key(one) == tone_key(other)

    @pytest.mark.parametrize(
        ("one", "other"),
        [("Hòa", "Hóa"), ("Hoa", "Hóa"), ("Thuỷ", "Thuý"), ("Duc", "Đức"), ("Xuân", "Xuan")],
        ids=["grave-acute", "none-acute", "hook-acute", "d-stroke", "circumflex"],
    )
    def test_other_tones_or_letters_give_other_keys(self, one: str, other: str) -> None:
        """
        A different tone, or a different letter (đ, â), is a different name.
        """
        assert tone_key(one) != tone_key(other)

    def test_the_key_is_lower_case_with_the_tone_at_the_end_of_each_word(self) -> None:
        """
        "Xuất Hóa" is keyed as "xuât" and "hoa", each followed by its tone mark.
        """
        assert "xu\u00e2t\u0301 hoa\u0301" == tone_key("Xuất Hóa")

    def test_hyphens_separate_words(self) -> None:
        """
        "Bà Rịa-Vũng Tàu" and "Bà Rịa - Vũng Tàu" have the same key.
        """
        assert tone_key("Bà Rịa - Vũng Tàu") == tone_key("Bà Rịa-Vũng Tàu")

    @given(testing.names())
    def test_the_key_does_not_change_under_nfd(self, name: str) -> None:
        """
        A name and its decomposed form have the same key.
        """
        assert tone_key(name) == tone_key(nfd(name))

    @given(testing.names())
    def test_the_key_does_not_change_with_case(self, name: str) -> None:
        """
        A name written in capitals has the key of the name.
        """
        assert tone_key(name) == tone_key(name.upper())

    @given(toned_words())
    def test_the_key_does_not_change_with_the_letter_that_carries_the_tone(
        self, drawn: tuple[str, str, int, int]
    ) -> None:
        """
        Whichever letter of a word carries the tone mark, the key is the same.
        """
        word, tone, first, second = drawn
        assert tone_key(toned(word, tone, first)) == tone_key(toned(word, tone, second))

    @given(toned_words(), st.sampled_from(TONES))
    def test_the_key_tells_tones_apart(self, drawn: tuple[str, str, int, int], other: str) -> None:
        """
        The same letters with two different tones have two different keys.
        """
        word, tone, first, second = drawn
        same = tone == other
        assert same == (tone_key(toned(word, tone, first)) == tone_key(toned(word, other, second)))


class TestFold:
    """
    fold: a name without diacritics, in lower case, with single spaces.
    """

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("Đức Xuân", "duc xuan"),
            ("Xuất Hóa", "xuat hoa"),
            (nfd("Xuất Hoá"), "xuat hoa"),
            ("NGUYỄN THỊ MINH KHAI", "nguyen thi minh khai"),
            ("Bà Rịa - Vũng Tàu", "ba ria vung tau"),
            ("Bà Rịa-Vũng Tàu", "ba ria vung tau"),
            ("  Phùng   Chí Kiên ", "phung chi kien"),
            ("Tổ 1", "to 1"),
        ],
        ids=["d-stroke", "tones", "nfd", "capitals", "spaced-hyphen", "hyphen", "spaces", "digit"],
    )
    def test_folds_to_plain_letters(self, name: str, expected: str) -> None:
        """
        Diacritics go, đ becomes d, hyphens become spaces, runs of spaces become one.
        """
        assert expected == fold(name)

    def test_a_lone_combining_mark_leaves_no_space(self) -> None:
        """
        A tone mark standing alone is dropped with its word: single spaces, none trailing.
        """
        assert "a" == fold("a \u0301")

    @given(testing.names())
    def test_folding_twice_is_folding_once(self, name: str) -> None:
        """
        Folding is idempotent.
        """
        assert fold(name) == fold(fold(name))

    @given(testing.names())
    def test_a_folded_name_is_plain_ascii_in_lower_case(self, name: str) -> None:
        """
        What fold gives has no diacritics and no capital (names of Vietnamese letters).
        """
        folded = fold(name)
        assert (True, folded) == (folded.isascii(), folded.lower())

    @given(testing.names())
    def test_names_with_the_same_key_fold_alike(self, name: str) -> None:
        """
        Two forms of one name (capitals, NFD) fold to the same text.
        """
        assert fold(name) == fold(nfd(name.upper()))


class TestCollationKey:
    """
    collation_key: the order of the Vietnamese dictionary.
    """

    @pytest.mark.parametrize(
        "ordered",
        [
            ["Ân Thi", "Bắc Kạn", "Đức Xuân"],
            ["An", "An Bình", "Anh"],
            ["Dương Quang", "Đức Xuân"],
            ["Ăn", "Âu", "Bình"],
            ["Ơn", "Ưu"],
            ["Oanh", "Ôn", "Ơn"],
            ["Ua", "Ưa"],
            ["Ba", "Bà", "Bả", "Bã", "Bá", "Bạ", "Bac"],
            ["Hòa", "Hóa"],
            ["Tổ Yên", "Tổ 1"],
            ["Yên", "Fa", "Wơ", "Zơ"],
            ["Anh", "A1"],
            ["Bac", "Bạc"],
        ],
        ids=[
            "first-letters",
            "words-before-longer-words",
            "d-before-d-stroke",
            "breve-before-circumflex",
            "horn-o-before-horn-u",
            "o-before-o-circumflex",
            "u-before-u-horn",
            "tones-after-letters",
            "grave-before-acute",
            "digits-after-letters",
            "foreign-letters-after-y",
            "digit-after-letter",
            "no-tone-first",
        ],
    )
    def test_names_sort_in_dictionary_order(self, ordered: list[str]) -> None:
        """
        Sorted by their keys, names come in the order of the Vietnamese dictionary.
        """
        backwards = ordered[::-1]
        assert ordered == sorted(backwards, key=collation_key)

    def test_the_documented_example(self) -> None:
        """
        The example of the docstring sorts as it says.
        """
        names = ["Đức Xuân", "Bắc Kạn", "Ân Thi", "Dương Quang"]
        expected = ["Ân Thi", "Bắc Kạn", "Dương Quang", "Đức Xuân"]
        assert expected == sorted(names, key=collation_key)

    def test_case_and_unicode_form_decide_nothing_but_ties(self) -> None:
        """
        "bắc kạn" and "Bắc Kạn" (decomposed) sort together, before "Cao Bằng".
        """
        names = ["Cao Bằng", "bắc kạn", nfd("Bắc Kạn")]
        ordered = sorted(names, key=collation_key)
        assert ({"bắc kạn", nfd("Bắc Kạn")}, "Cao Bằng") == (set(ordered[:2]), ordered[2])

    @given(st.text(BARE_LETTERS, min_size=1, max_size=6), st.data())
    def test_a_word_sorts_by_tone_after_its_letters(self, word: str, data: st.DataObject) -> None:
        """
        The same letters sort ngang, huyền, hỏi, ngã, sắc, nặng, wherever the mark sits.
        """
        position = data.draw(st.integers(0, len(word) - 1))
        forms = [word, *(toned(word, tone, position) for tone in TONES)]
        backwards = forms[::-1]
        assert forms == sorted(backwards, key=collation_key)

    @given(testing.names(), testing.names())
    def test_keys_are_equal_exactly_when_names_are(self, one: str, other: str) -> None:
        """
        The order is total and consistent with equality: equal keys, equal names.
        """
        assert (one == other) == (collation_key(one) == collation_key(other))

    @given(st.lists(testing.names(), max_size=8), st.randoms(use_true_random=False))
    def test_sorting_does_not_depend_on_the_order_given(
        self, names: list[str], shuffler: random.Random
    ) -> None:
        """
        Sorting a shuffled list gives the same list: the order is total.
        """
        shuffled = list(names)
        shuffler.shuffle(shuffled)
        assert sorted(names, key=collation_key) == sorted(shuffled, key=collation_key)

    @given(testing.names())
    def test_names_that_differ_in_case_only_sort_together(self, name: str) -> None:
        """
        A name in capitals has the letters and tones of the name: only the tie-break differs.
        """
        assert collation_key(name)[:2] == collation_key(name.upper())[:2]
