"""
Tests for antq.figures: figures, percentages, ratios and periods as reports print them.

Babel is the oracle for number formats: antq must print what CLDR prints for ``vi`` and
``en``, without depending on Babel itself.
"""

from __future__ import annotations

import datetime as dt
import decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import babel.numbers
import hypothesis.strategies as st
import pytest
from hypothesis import example, given

from antq.errors import InvalidValueError
from antq.figures import (
    Figure,
    Language,
    Qualifier,
    format_count,
    format_percent,
    format_ratio,
    period_adverbial,
    period_phrase,
)
from antq.periods import Period
from antq.testing import periods

if TYPE_CHECKING:
    from collections.abc import Callable

D = dt.date
LANGUAGES: list[Language] = ["vi", "en"]
languages = st.sampled_from(LANGUAGES)
counts = st.integers(min_value=0, max_value=10**12)
figures = st.builds(Figure, st.integers(min_value=0, max_value=10**15), st.sampled_from(Qualifier))


def significant_digits(value: int) -> int:
    """
    Count the digits of *value* once its trailing zeros are dropped (0 has none).
    """
    return len(str(value).rstrip("0"))


class TestQualifier:
    """
    The words that mark a figure as a bound or an estimate.
    """

    @pytest.mark.parametrize(
        ("qualifier", "identifier", "label", "english"),
        [
            (Qualifier.EXACT, "exact", "chính xác", "exact"),
            (Qualifier.OVER, "over", "trên", "over"),
            (Qualifier.MORE_THAN, "more_than", "hơn", "more than"),
            (Qualifier.NEARLY, "nearly", "gần", "nearly"),
            (Qualifier.ABOUT, "about", "khoảng", "about"),
        ],
        ids=["exact", "over", "more-than", "nearly", "about"],
    )
    def test_each_qualifier_has_the_glossary_terms(
        self, qualifier: Qualifier, identifier: str, label: str, english: str
    ) -> None:
        """
        Identifier, Vietnamese label and English term are the glossary's.
        """
        expected = (identifier, label, english)
        assert expected == (qualifier.value, qualifier.label, qualifier.english)

    def test_exact_prints_no_word(self) -> None:
        """
        An exact figure is printed bare, its label notwithstanding.
        """
        expected = ("9.921", "9,921")
        actual = tuple(Figure(9921, Qualifier.EXACT).format(lang=lang) for lang in LANGUAGES)
        assert expected == actual


class TestFormatCount:
    """
    Counts with their thousands grouped, and small counts padded.
    """

    @pytest.mark.parametrize(
        ("value", "lang", "expected"),
        [
            (0, "vi", "0"),
            (5, "vi", "5"),
            (999, "vi", "999"),
            (1000, "vi", "1.000"),
            (9921, "vi", "9.921"),
            (10300, "vi", "10.300"),
            (1234567, "vi", "1.234.567"),
            (9921, "en", "9,921"),
            (1234567, "en", "1,234,567"),
        ],
        ids=[
            "zero",
            "one-digit",
            "three-digits",
            "thousand",
            "forms",
            "people",
            "million",
            "forms-en",
            "million-en",
        ],
    )
    def test_groups_thousands_in_threes(self, value: int, lang: Language, expected: str) -> None:
        """
        Vietnamese groups with '.', English with ','; no decimals are printed.
        """
        assert expected == format_count(value, lang=lang)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [(0, "00"), (1, "01"), (5, "05"), (9, "09"), (10, "10"), (126, "126"), (1000, "1.000")],
        ids=["zero", "one", "five", "nine", "ten", "hundreds", "thousand"],
    )
    def test_pad_gives_counts_below_10_two_digits(self, value: int, expected: str) -> None:
        """
        ``pad=True`` prints "05 đội", "01 câu lạc bộ"; larger counts are unchanged.
        """
        assert expected == format_count(value, pad=True)

    def test_pad_applies_in_english_too(self) -> None:
        """
        Padding is the caller's choice, honoured in either language.
        """
        expected = "05"
        assert expected == format_count(5, lang="en", pad=True)

    @given(value=counts)
    def test_prints_as_babel_does_in_vietnamese(self, value: int) -> None:
        """
        A count prints as CLDR's Vietnamese decimal format prints it.
        """
        expected = babel.numbers.format_decimal(value, locale="vi")
        assert expected == format_count(value, lang="vi")

    @given(value=counts)
    def test_prints_as_babel_does_in_english(self, value: int) -> None:
        """
        A count prints as CLDR's English decimal format prints it.
        """
        expected = babel.numbers.format_decimal(value, locale="en")
        assert expected == format_count(value, lang="en")

    @pytest.mark.parametrize(
        ("kwargs", "field", "rule"),
        [
            ({"value": -1}, "value", "a count must not be negative"),
            ({"value": True}, "value", "a count must be an integer"),
            ({"value": 5.0}, "value", "a count must be an integer"),
            ({"value": "5"}, "value", "a count must be an integer"),
            ({"value": None}, "value", "a count must be an integer"),
            ({"value": 5, "pad": 1}, "pad", "must be true or false"),
            ({"value": 5, "pad": None}, "pad", "must be true or false"),
            ({"value": 5, "lang": "fr"}, "lang", "a language is 'vi' or 'en'"),
        ],
        ids=["negative", "bool", "float", "text", "none", "pad-int", "pad-none", "lang-fr"],
    )
    def test_refuses_what_is_no_count(self, kwargs: dict[str, Any], field: str, rule: str) -> None:
        """
        Only a non-negative integer is a count; the error names the field and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            format_count(**kwargs)
        expected = ("format_count", field, True)
        error = info.value
        assert expected == (error.owner, error.field, rule in str(error))


INVALID_FIGURES: list[tuple[str, dict[str, Any], str, str]] = [
    ("negative", {"value": -1}, "value", "a count must not be negative"),
    ("bool", {"value": True}, "value", "a count must be an integer"),
    ("float", {"value": 10300.0}, "value", "a count must be an integer"),
    ("text", {"value": "10.300"}, "value", "a count must be an integer"),
    ("none", {"value": None}, "value", "a count must be an integer"),
    ("qualifier-identifier", {"qualifier": "over"}, "qualifier", "must be a member of Qualifier"),
    ("qualifier-label", {"qualifier": "trên"}, "qualifier", "must be a member of Qualifier"),
    ("qualifier-none", {"qualifier": None}, "qualifier", "must be a member of Qualifier"),
]


class TestFigure:
    """
    A value and its qualifier, printed.
    """

    def test_is_exact_unless_qualified(self) -> None:
        """
        A figure built from a value alone is exact.
        """
        expected = Qualifier.EXACT
        assert expected == Figure(9921).qualifier

    @pytest.mark.parametrize(
        ("changes", "field", "rule"),
        [row[1:] for row in INVALID_FIGURES],
        ids=[row[0] for row in INVALID_FIGURES],
    )
    def test_refuses_a_field_that_breaks_its_rule(
        self, changes: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        A figure refuses a value that is no count, or a qualifier that is no Qualifier.
        """
        with pytest.raises(InvalidValueError) as info:
            attrs.evolve(Figure(10300, Qualifier.OVER), **changes)
        expected = ("Figure", field, True)
        error = info.value
        assert expected == (error.owner, error.field, rule in str(error))

    @pytest.mark.parametrize(
        ("figure", "vi", "en"),
        [
            (Figure(10300, Qualifier.OVER), "trên 10.300", "over 10,300"),
            (Figure(1000, Qualifier.MORE_THAN), "hơn 1.000", "more than 1,000"),
            (Figure(50, Qualifier.NEARLY), "gần 50", "nearly 50"),
            (Figure(200, Qualifier.ABOUT), "khoảng 200", "about 200"),
            (Figure(9921), "9.921", "9,921"),
            (Figure(0), "0", "0"),
        ],
        ids=["over", "more-than", "nearly", "about", "exact", "zero"],
    )
    def test_prints_the_word_then_the_count(self, figure: Figure, vi: str, en: str) -> None:
        """
        A qualified figure is its word, a space and the count; an exact one is the count.
        """
        expected = (vi, en)
        assert expected == (figure.format(), figure.format(lang="en"))

    @pytest.mark.parametrize(
        ("figure", "expected"),
        [
            (Figure(5), "05"),
            (Figure(5, Qualifier.ABOUT), "khoảng 05"),
            (Figure(58), "58"),
        ],
        ids=["exact", "qualified", "two-digits"],
    )
    def test_pad_gives_small_values_two_digits(self, figure: Figure, expected: str) -> None:
        """
        ``pad=True`` pads a value below 10, qualified or not.
        """
        assert expected == figure.format(pad=True)

    @pytest.mark.parametrize(
        ("kwargs", "field", "rule"),
        [
            ({"lang": "fr"}, "lang", "a language is 'vi' or 'en'"),
            ({"pad": "yes"}, "pad", "must be true or false"),
        ],
        ids=["lang-fr", "pad-text"],
    )
    def test_format_refuses_unknown_options(
        self, kwargs: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        ``format`` refuses a language other than vi or en, and a pad that is no boolean.
        """
        with pytest.raises(InvalidValueError) as info:
            Figure(5).format(**kwargs)
        expected = (field, True)
        assert expected == (info.value.field, rule in str(info.value))


INVALID_FIGURE_TEXTS: list[tuple[str, object, Language, str]] = [
    ("short-group", "10.30", "vi", "grouped in threes by '.'"),
    ("long-group", "1.0000", "vi", "grouped in threes by '.'"),
    ("ungrouped", "10300", "vi", "grouped in threes by '.'"),
    ("leading-group-separator", ".300", "vi", "grouped in threes by '.'"),
    ("trailing-separator", "10.300.", "vi", "grouped in threes by '.'"),
    ("space-grouping", "10 300", "vi", "grouped in threes by '.'"),
    ("leading-zeros", "005", "vi", "a count padded to two digits"),
    ("padded-ten", "012", "vi", "a count padded to two digits"),
    ("english-grouping", "10,300", "vi", "written in English, not in Vietnamese"),
    ("english-word", "over 10", "vi", "written in English, not in Vietnamese"),
    ("vietnamese-grouping", "10.300", "en", "written in Vietnamese, not in English"),
    ("vietnamese-word", "trên 10", "en", "written in Vietnamese, not in English"),
    ("decimal", "10,5", "vi", "a whole number"),
    ("negative", "-5", "vi", "a whole number"),
    ("exponent", "1e3", "en", "a whole number"),
    ("full-width-digits", "１０", "vi", "a whole number"),
    ("empty", "", "vi", "an optional qualifier (trên, hơn, gần, khoảng)"),
    ("blank", "   ", "en", "an optional qualifier (over, more than, nearly, about)"),
    ("word-alone", "trên", "vi", "an optional qualifier"),
    ("no-space", "trên10", "vi", "an optional qualifier"),
    ("two-spaces", "trên  10", "vi", "an optional qualifier"),
    ("capitalised", "Trên 10", "vi", "an optional qualifier"),
    ("word-after", "10 trên", "vi", "an optional qualifier"),
    ("unknown-word", "chừng 10", "vi", "an optional qualifier"),
    ("exact-label", "chính xác 10", "vi", "an optional qualifier"),
    ("not-text", 10300, "vi", "must be a string"),
    ("none", None, "en", "must be a string"),
]


class TestParse:
    """
    Reading a printed figure back.
    """

    @pytest.mark.parametrize(
        ("text", "lang", "expected"),
        [
            ("trên 10.300", "vi", Figure(10300, Qualifier.OVER)),
            ("hơn 1.000", "vi", Figure(1000, Qualifier.MORE_THAN)),
            ("khoảng 200", "vi", Figure(200, Qualifier.ABOUT)),
            ("gần 50", "vi", Figure(50, Qualifier.NEARLY)),
            ("9.921", "vi", Figure(9921)),
            ("05", "vi", Figure(5)),
            ("00", "vi", Figure(0)),
            ("0", "vi", Figure(0)),
            ("1.234.567", "vi", Figure(1234567)),
            (" trên 10.300\n", "vi", Figure(10300, Qualifier.OVER)),
            ("tre\u0302n 10.300", "vi", Figure(10300, Qualifier.OVER)),
            ("over 10,300", "en", Figure(10300, Qualifier.OVER)),
            ("more than 1,000", "en", Figure(1000, Qualifier.MORE_THAN)),
            ("about 200", "en", Figure(200, Qualifier.ABOUT)),
            ("nearly 50", "en", Figure(50, Qualifier.NEARLY)),
            ("9,921", "en", Figure(9921)),
            ("05", "en", Figure(5)),
        ],
        ids=[
            "over",
            "more-than",
            "about",
            "nearly",
            "exact",
            "padded",
            "padded-zero",
            "zero",
            "million",
            "surrounding-whitespace",
            "decomposed-letters",
            "over-en",
            "more-than-en",
            "about-en",
            "nearly-en",
            "exact-en",
            "padded-en",
        ],
    )
    def test_reads_every_printed_form(self, text: str, lang: Language, expected: Figure) -> None:
        """
        The qualifier's word, if any, and the grouped or padded count are read.
        """
        assert expected == Figure.parse(text, lang=lang)

    def test_reads_vietnamese_unless_told(self) -> None:
        """
        Without ``lang``, the text is read as Vietnamese.
        """
        expected = Figure(10300, Qualifier.OVER)
        assert expected == Figure.parse("trên 10.300")

    @given(figure=figures, lang=languages)
    def test_reads_back_what_format_prints(self, figure: Figure, lang: Language) -> None:
        """
        ``Figure.parse(figure.format(lang=l), lang=l)`` is the figure again.
        """
        assert figure == Figure.parse(figure.format(lang=lang), lang=lang)

    @given(figure=figures, lang=languages)
    @example(figure=Figure(5, Qualifier.OVER), lang="vi")
    @example(figure=Figure(0), lang="en")
    def test_reads_back_padded_figures(self, figure: Figure, lang: Language) -> None:
        """
        What ``format(pad=True)`` prints is read back too.
        """
        assert figure == Figure.parse(figure.format(lang=lang, pad=True), lang=lang)

    @pytest.mark.parametrize(
        ("text", "lang", "rule"),
        [row[1:] for row in INVALID_FIGURE_TEXTS],
        ids=[row[0] for row in INVALID_FIGURE_TEXTS],
    )
    def test_refuses_text_that_is_no_printed_figure(
        self, text: str, lang: Language, rule: str
    ) -> None:
        """
        Anything but a printed figure is refused, naming the whole text and the rule.
        """
        with pytest.raises(InvalidValueError) as info:
            Figure.parse(text, lang=lang)
        expected = ("Figure", "text", text, True)
        error = info.value
        assert expected == (error.owner, error.field, error.value, rule in str(error))

    def test_refuses_an_unknown_language(self) -> None:
        """
        A figure is read in Vietnamese or English only.
        """
        with pytest.raises(InvalidValueError) as info:
            Figure.parse("10.300", lang="de")  # type: ignore[arg-type]
        expected = ("lang", "de")
        assert expected == (info.value.field, info.value.value)


class TestRoundedDown:
    """
    The presentation rule for large flows: "trên 10.300" for 10 346.
    """

    @pytest.mark.parametrize(
        ("value", "kwargs", "expected"),
        [
            (10346, {}, Figure(10300, Qualifier.OVER)),
            (10300, {}, Figure(10300)),
            (999, {}, Figure(999)),
            (1000, {}, Figure(1000)),
            (1001, {}, Figure(1000, Qualifier.OVER)),
            (1234, {}, Figure(1230, Qualifier.OVER)),
            (123456, {}, Figure(123000, Qualifier.OVER)),
            (0, {}, Figure(0)),
            (10346, {"significant_digits": 2}, Figure(10000, Qualifier.OVER)),
            (10346, {"significant_digits": 1}, Figure(10000, Qualifier.OVER)),
            (10346, {"significant_digits": 5}, Figure(10346)),
            (10346, {"significant_digits": 9}, Figure(10346)),
            (10346, {"threshold": 20000}, Figure(10346)),
            (999, {"threshold": 0, "significant_digits": 1}, Figure(900, Qualifier.OVER)),
            (0, {"threshold": 0, "significant_digits": 1}, Figure(0)),
        ],
        ids=[
            "article-people",
            "already-round",
            "below-threshold",
            "at-threshold-round",
            "at-threshold-plus-one",
            "four-digits",
            "six-digits",
            "zero",
            "two-digits",
            "one-digit",
            "as-many-digits-as-the-value",
            "more-digits-than-the-value",
            "raised-threshold",
            "no-threshold",
            "zero-without-threshold",
        ],
    )
    def test_rounds_large_values_down_and_marks_them_over(
        self, value: int, kwargs: dict[str, int], expected: Figure
    ) -> None:
        """
        From the threshold up, a value keeps its leading digits and is "over" if cut.
        """
        assert expected == Figure.rounded_down(value, **kwargs)

    def test_prints_the_article_figure(self) -> None:
        """
        10 346 participant-turns print as "trên 10.300 lượt người".
        """
        expected = "trên 10.300"
        assert expected == Figure.rounded_down(10346).format()

    @given(
        value=st.integers(min_value=0, max_value=10**15),
        digits=st.integers(min_value=1, max_value=6),
        threshold=st.integers(min_value=0, max_value=10**6),
    )
    def test_keeps_the_leading_digits_and_says_when_it_cut(
        self, value: int, digits: int, threshold: int
    ) -> None:
        """
        The result is not above the value, keeps its leading digits, and is over iff cut.
        """
        figure = Figure.rounded_down(value, significant_digits=digits, threshold=threshold)
        few_digits = value < threshold or significant_digits(figure.value) <= digits
        same_lead = str(figure.value)[:digits] == str(value)[:digits]
        over = figure.qualifier is Qualifier.OVER
        expected = (True, True, True, figure.value != value)
        assert expected == (figure.value <= value, few_digits, same_lead, over)

    @given(value=st.integers(min_value=0, max_value=10**15))
    def test_keeps_at_most_three_significant_digits_by_default(self, value: int) -> None:
        """
        With the defaults, every result has at most three significant digits.
        """
        assert significant_digits(Figure.rounded_down(value).value) <= 3

    @pytest.mark.parametrize(
        ("value", "kwargs", "field", "rule"),
        [
            (-1, {}, "value", "a count must not be negative"),
            (True, {}, "value", "a count must be an integer"),
            (10346.0, {}, "value", "a count must be an integer"),
            (10346, {"significant_digits": 0}, "significant_digits", "a positive integer"),
            (10346, {"significant_digits": -1}, "significant_digits", "a positive integer"),
            (10346, {"significant_digits": True}, "significant_digits", "a positive integer"),
            (10346, {"significant_digits": 3.0}, "significant_digits", "a positive integer"),
            (10346, {"threshold": -1}, "threshold", "a count must not be negative"),
            (10346, {"threshold": True}, "threshold", "a count must be an integer"),
        ],
        ids=[
            "negative",
            "bool",
            "float",
            "zero-digits",
            "negative-digits",
            "bool-digits",
            "float-digits",
            "negative-threshold",
            "bool-threshold",
        ],
    )
    def test_refuses_arguments_that_break_their_rule(
        self, value: object, kwargs: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        The value and threshold are counts; significant digits are 1 or more.
        """
        with pytest.raises(InvalidValueError) as info:
            Figure.rounded_down(value, **kwargs)  # type: ignore[arg-type]
        expected = ("Figure", field, True)
        error = info.value
        assert expected == (error.owner, error.field, rule in str(error))


def babel_percent(share: Fraction, lang: Language, decimals: int) -> str:
    """
    Print *share* with Babel, rounding half up from an exact (or far from a tie) Decimal.

    Babel quantises in the current decimal context, half-even by default; the context
    here rounds half up with 60 digits. For denominators up to 10**6 the quotient is
    exact whenever the share lies on a tie, and otherwise is far from one, so Babel's
    rounding matches exact half-up rounding.
    """
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    with decimal.localcontext(prec=60, rounding=decimal.ROUND_HALF_UP):
        number = decimal.Decimal(share.numerator) / decimal.Decimal(share.denominator)
        return babel.numbers.format_percent(number, format=pattern, locale=lang)


class TestFormatPercent:
    """
    Shares printed as percentages, rounded half up exactly.
    """

    @pytest.mark.parametrize(
        ("share", "kwargs", "expected"),
        [
            (Fraction(662, 9921), {}, "6,67%"),
            (Fraction(662, 9921), {"lang": "en"}, "6.67%"),
            (Fraction(644, 707), {}, "91,09%"),
            (Fraction(219, 236), {"decimals": 0}, "93%"),
            (Fraction(219, 236), {"decimals": 1}, "92,8%"),
            (Fraction(1, 2), {}, "50,00%"),
            (Fraction(0), {}, "0,00%"),
            (Fraction(1), {"decimals": 0}, "100%"),
            (Fraction(5, 4), {"decimals": 0}, "125%"),
            (Fraction(123456, 10), {"decimals": 0}, "1.234.560%"),
            (Fraction(123456, 10), {"decimals": 1, "lang": "en"}, "1,234,560.0%"),
            (Fraction(1, 3), {"decimals": 4}, "33,3333%"),
        ],
        ids=[
            "valuable-tips",
            "valuable-tips-en",
            "two-decimals",
            "no-decimals",
            "one-decimal",
            "trailing-zeros",
            "zero",
            "whole",
            "above-one",
            "grouped",
            "grouped-en",
            "four-decimals",
        ],
    )
    def test_prints_the_rounded_percentage(
        self, share: Fraction, kwargs: dict[str, Any], expected: str
    ) -> None:
        """
        The percentage keeps ``decimals`` decimals, with the language's separators.
        """
        assert expected == format_percent(share, **kwargs)

    @pytest.mark.parametrize(
        ("share", "decimals", "expected"),
        [
            (Fraction(1, 8), 0, "13%"),
            (Fraction(5, 8), 0, "63%"),
            (Fraction(1, 400), 1, "0,3%"),
            (Fraction(1225, 100000), 2, "1,23%"),
            (Fraction(2, 3), 0, "67%"),
            (Fraction(1224999, 100000000), 2, "1,22%"),
        ],
        ids=["12.5", "62.5", "0.25", "1.225", "two-thirds", "just-below-a-tie"],
    )
    def test_rounds_a_tie_up(self, share: Fraction, decimals: int, expected: str) -> None:
        """
        A share exactly halfway is rounded up, where half-even or a float would not.
        """
        assert expected == format_percent(share, decimals=decimals)

    @given(
        numerator=st.integers(min_value=0, max_value=10**6),
        denominator=st.integers(min_value=1, max_value=10**6),
        lang=languages,
        decimals=st.integers(min_value=0, max_value=4),
    )
    @example(numerator=1, denominator=8, lang="vi", decimals=0)
    @example(numerator=1225, denominator=100000, lang="en", decimals=2)
    def test_prints_as_babel_does(
        self, numerator: int, denominator: int, lang: Language, decimals: int
    ) -> None:
        """
        A percentage prints as CLDR's pattern ``#,##0.00%`` prints it, rounded half up.
        """
        share = Fraction(numerator, denominator)
        expected = babel_percent(share, lang, decimals)
        assert expected == format_percent(share, lang=lang, decimals=decimals)

    @pytest.mark.parametrize(
        ("share", "kwargs", "field", "rule"),
        [
            (0.0667, {}, "share", "a share must be a fractions.Fraction"),
            (1, {}, "share", "a share must be a fractions.Fraction"),
            (decimal.Decimal("0.5"), {}, "share", "a share must be a fractions.Fraction"),
            ("1/2", {}, "share", "a share must be a fractions.Fraction"),
            (Fraction(-1, 2), {}, "share", "a share must not be negative"),
            (Fraction(1, 2), {"decimals": -1}, "decimals", "a non-negative integer"),
            (Fraction(1, 2), {"decimals": 2.0}, "decimals", "a non-negative integer"),
            (Fraction(1, 2), {"decimals": True}, "decimals", "a non-negative integer"),
            (Fraction(1, 2), {"lang": "vi_VN"}, "lang", "a language is 'vi' or 'en'"),
        ],
        ids=[
            "float",
            "int",
            "decimal",
            "text",
            "negative",
            "negative-decimals",
            "float-decimals",
            "bool-decimals",
            "lang-locale",
        ],
    )
    def test_refuses_arguments_that_break_their_rule(
        self, share: object, kwargs: dict[str, Any], field: str, rule: str
    ) -> None:
        """
        The share is a non-negative Fraction; decimals are a non-negative integer.
        """
        with pytest.raises(InvalidValueError) as info:
            format_percent(share, **kwargs)  # type: ignore[arg-type]
        expected = ("format_percent", field, True)
        error = info.value
        assert expected == (error.owner, error.field, rule in str(error))


class TestFormatRatio:
    """
    A part over a whole, both counts grouped.
    """

    @pytest.mark.parametrize(
        ("numerator", "denominator", "lang", "expected"),
        [
            (662, 9921, "vi", "662/9.921"),
            (662, 9921, "en", "662/9,921"),
            (219, 236, "vi", "219/236"),
            (0, 5, "vi", "0/5"),
            (12, 5, "vi", "12/5"),
            (10346, 12000, "vi", "10.346/12.000"),
        ],
        ids=[
            "valuable-tips",
            "valuable-tips-en",
            "small",
            "zero-part",
            "part-above-whole",
            "both-grouped",
        ],
    )
    def test_prints_both_counts_with_a_slash(
        self, numerator: int, denominator: int, lang: Language, expected: str
    ) -> None:
        """
        A ratio is two counts, grouped as counts are, joined by '/'.
        """
        assert expected == format_ratio(numerator, denominator, lang=lang)

    @pytest.mark.parametrize(
        ("numerator", "denominator", "field", "rule"),
        [
            (-1, 5, "numerator", "a count must not be negative"),
            (True, 5, "numerator", "a count must be an integer"),
            (1.0, 5, "numerator", "a count must be an integer"),
            (1, -5, "denominator", "a count must not be negative"),
            (1, 5.0, "denominator", "a count must be an integer"),
            (1, 0, "denominator", "a ratio's denominator must not be 0"),
        ],
        ids=[
            "negative-part",
            "bool-part",
            "float-part",
            "negative-whole",
            "float-whole",
            "zero-whole",
        ],
    )
    def test_refuses_counts_that_break_their_rule(
        self, numerator: object, denominator: object, field: str, rule: str
    ) -> None:
        """
        Both are counts, and the whole is not 0.
        """
        with pytest.raises(InvalidValueError) as info:
            format_ratio(numerator, denominator)  # type: ignore[arg-type]
        expected = ("format_ratio", field, True)
        error = info.value
        assert expected == (error.owner, error.field, rule in str(error))


class TestArticle:
    """
    The figures of the Bắc Kạn city report, 2016 to May 2018.
    """

    def test_prints_every_figure_of_the_report(self) -> None:
        """
        The report's figures come out as printed, padded where the report pads.
        """
        expected = [
            "173",
            "trên 10.300",
            "9.921",
            "662",
            "58",
            "05",
            "126",
            "20",
            "01",
            "05",
        ]
        actual = [
            format_count(173),
            Figure.rounded_down(10346).format(),
            format_count(9921),
            format_count(662),
            format_count(58, pad=True),
            format_count(5, pad=True),
            format_count(126, pad=True),
            format_count(20, pad=True),
            format_count(1, pad=True),
            format_count(5, pad=True),
        ]
        assert expected == actual

    def test_prints_the_share_of_valuable_tips(self) -> None:
        """
        662 valuable tips out of 9 921 forms are "6,67%", or "662/9.921".
        """
        expected = ("6,67%", "662/9.921")
        assert expected == (format_percent(Fraction(662, 9921)), format_ratio(662, 9921))

    def test_names_the_reporting_period(self) -> None:
        """
        The report opens with "Từ năm 2016 đến tháng 5/2018".
        """
        expected = "Từ năm 2016 đến tháng 5/2018"
        assert expected == period_adverbial(Period.parse("2016-01..2018-05"))


# (id, period, Vietnamese phrase, English phrase, Vietnamese adverbial, English adverbial)
PERIOD_FORMS: list[tuple[str, Period, str, str, str, str]] = [
    ("year", Period.year(2017), "năm 2017", "2017", "Trong năm 2017", "In 2017"),
    (
        "first-half",
        Period(D(2024, 1, 1), D(2024, 6, 30)),
        "6 tháng đầu năm 2024",
        "the first six months of 2024",
        "Trong 6 tháng đầu năm 2024",
        "In the first six months of 2024",
    ),
    (
        "last-half",
        Period(D(2024, 7, 1), D(2024, 12, 31)),
        "6 tháng cuối năm 2024",
        "the last six months of 2024",
        "Trong 6 tháng cuối năm 2024",
        "In the last six months of 2024",
    ),
    (
        "nine-months",
        Period(D(2024, 1, 1), D(2024, 9, 30)),
        "9 tháng đầu năm 2024",
        "the first nine months of 2024",
        "Trong 9 tháng đầu năm 2024",
        "In the first nine months of 2024",
    ),
    ("q1", Period.quarter(2024, 1), "quý I/2024", "Q1 2024", "Trong quý I/2024", "In Q1 2024"),
    ("q2", Period.quarter(2024, 2), "quý II/2024", "Q2 2024", "Trong quý II/2024", "In Q2 2024"),
    ("q3", Period.quarter(2024, 3), "quý III/2024", "Q3 2024", "Trong quý III/2024", "In Q3 2024"),
    ("q4", Period.quarter(2024, 4), "quý IV/2024", "Q4 2024", "Trong quý IV/2024", "In Q4 2024"),
    (
        "month",
        Period.month(2018, 5),
        "tháng 5/2018",
        "May 2018",
        "Trong tháng 5/2018",
        "In May 2018",
    ),
    (
        "leap-february",
        Period.month(2016, 2),
        "tháng 2/2016",
        "February 2016",
        "Trong tháng 2/2016",
        "In February 2016",
    ),
    (
        "december",
        Period.month(2017, 12),
        "tháng 12/2017",
        "December 2017",
        "Trong tháng 12/2017",
        "In December 2017",
    ),
    (
        "day",
        Period(D(2017, 8, 19), D(2017, 8, 19)),
        "ngày 19/8/2017",
        "19 August 2017",
        "Ngày 19/8/2017",
        "On 19 August 2017",
    ),
    (
        "first-of-january",
        Period(D(2018, 1, 1), D(2018, 1, 1)),
        "ngày 1/1/2018",
        "1 January 2018",
        "Ngày 1/1/2018",
        "On 1 January 2018",
    ),
    (
        "year-to-month",
        Period(D(2016, 1, 1), D(2018, 5, 31)),
        "từ năm 2016 đến tháng 5/2018",
        "from 2016 to May 2018",
        "Từ năm 2016 đến tháng 5/2018",
        "From 2016 to May 2018",
    ),
    (
        "year-to-year",
        Period(D(2016, 1, 1), D(2018, 12, 31)),
        "từ năm 2016 đến năm 2018",
        "from 2016 to 2018",
        "Từ năm 2016 đến năm 2018",
        "From 2016 to 2018",
    ),
    (
        "month-to-day",
        Period(D(2017, 2, 1), D(2017, 3, 15)),
        "từ tháng 2/2017 đến ngày 15/3/2017",
        "from February 2017 to 15 March 2017",
        "Từ tháng 2/2017 đến ngày 15/3/2017",
        "From February 2017 to 15 March 2017",
    ),
    (
        "year-to-day",
        Period(D(2016, 1, 1), D(2017, 3, 15)),
        "từ năm 2016 đến ngày 15/3/2017",
        "from 2016 to 15 March 2017",
        "Từ năm 2016 đến ngày 15/3/2017",
        "From 2016 to 15 March 2017",
    ),
    (
        "day-to-year",
        Period(D(2016, 3, 5), D(2018, 12, 31)),
        "từ ngày 5/3/2016 đến năm 2018",
        "from 5 March 2016 to 2018",
        "Từ ngày 5/3/2016 đến năm 2018",
        "From 5 March 2016 to 2018",
    ),
    (
        "day-to-day",
        Period(D(2016, 3, 5), D(2018, 3, 15)),
        "từ ngày 5/3/2016 đến ngày 15/3/2018",
        "from 5 March 2016 to 15 March 2018",
        "Từ ngày 5/3/2016 đến ngày 15/3/2018",
        "From 5 March 2016 to 15 March 2018",
    ),
    (
        "month-to-month-across-years",
        Period(D(2017, 12, 1), D(2018, 1, 31)),
        "từ tháng 12/2017 đến tháng 1/2018",
        "from December 2017 to January 2018",
        "Từ tháng 12/2017 đến tháng 1/2018",
        "From December 2017 to January 2018",
    ),
    (
        "two-days-across-new-year",
        Period(D(2017, 12, 31), D(2018, 1, 1)),
        "từ ngày 31/12/2017 đến ngày 1/1/2018",
        "from 31 December 2017 to 1 January 2018",
        "Từ ngày 31/12/2017 đến ngày 1/1/2018",
        "From 31 December 2017 to 1 January 2018",
    ),
    (
        "whole-months-not-a-quarter",
        Period(D(2017, 2, 1), D(2017, 4, 30)),
        "từ tháng 2/2017 đến tháng 4/2017",
        "from February 2017 to April 2017",
        "Từ tháng 2/2017 đến tháng 4/2017",
        "From February 2017 to April 2017",
    ),
    (
        "same-year-from-january",
        Period(D(2017, 1, 1), D(2017, 3, 15)),
        "từ tháng 1/2017 đến ngày 15/3/2017",
        "from January 2017 to 15 March 2017",
        "Từ tháng 1/2017 đến ngày 15/3/2017",
        "From January 2017 to 15 March 2017",
    ),
    (
        "same-year-to-december",
        Period(D(2018, 4, 1), D(2018, 12, 31)),
        "từ tháng 4/2018 đến tháng 12/2018",
        "from April 2018 to December 2018",
        "Từ tháng 4/2018 đến tháng 12/2018",
        "From April 2018 to December 2018",
    ),
    (
        "same-year-january-to-november",
        Period(D(2018, 1, 1), D(2018, 11, 30)),
        "từ tháng 1/2018 đến tháng 11/2018",
        "from January 2018 to November 2018",
        "Từ tháng 1/2018 đến tháng 11/2018",
        "From January 2018 to November 2018",
    ),
    (
        "same-month-from-the-first",
        Period(D(2017, 3, 1), D(2017, 3, 15)),
        "từ ngày 1/3/2017 đến ngày 15/3/2017",
        "from 1 March 2017 to 15 March 2017",
        "Từ ngày 1/3/2017 đến ngày 15/3/2017",
        "From 1 March 2017 to 15 March 2017",
    ),
    (
        "same-month-to-the-last",
        Period(D(2017, 3, 5), D(2017, 3, 31)),
        "từ ngày 5/3/2017 đến ngày 31/3/2017",
        "from 5 March 2017 to 31 March 2017",
        "Từ ngày 5/3/2017 đến ngày 31/3/2017",
        "From 5 March 2017 to 31 March 2017",
    ),
    (
        "leap-day-end",
        Period(D(2015, 3, 1), D(2016, 2, 29)),
        "từ tháng 3/2015 đến tháng 2/2016",
        "from March 2015 to February 2016",
        "Từ tháng 3/2015 đến tháng 2/2016",
        "From March 2015 to February 2016",
    ),
]
PERIOD_IDS = [row[0] for row in PERIOD_FORMS]


class TestPeriodPhrase:
    """
    Periods named as noun phrases, the way reports name them.
    """

    @pytest.mark.parametrize(
        ("period", "vi", "en"), [row[1:4] for row in PERIOD_FORMS], ids=PERIOD_IDS
    )
    def test_names_every_form(self, period: Period, vi: str, en: str) -> None:
        """
        Years, halves, nine months, quarters, months, days and ranges read as in reports.
        """
        expected = (vi, en)
        assert expected == (period_phrase(period), period_phrase(period, lang="en"))

    @given(period=periods(), lang=languages)
    def test_every_period_has_a_phrase_inside_its_adverbial(
        self, period: Period, lang: Language
    ) -> None:
        """
        Any period is named, and its adverbial is its phrase after a capitalised lead.
        """
        phrase = period_phrase(period, lang=lang)
        adverbial = period_adverbial(period, lang=lang)
        expected = (True, True)
        assert expected == (adverbial[0].isupper(), adverbial.lower().endswith(phrase.lower()))


class TestPeriodAdverbial:
    """
    Periods named at the start of a sentence.
    """

    @pytest.mark.parametrize(
        ("period", "vi", "en"),
        [(row[1], *row[4:]) for row in PERIOD_FORMS],
        ids=PERIOD_IDS,
    )
    def test_names_every_form(self, period: Period, vi: str, en: str) -> None:
        """
        A range is capitalised, a day is "Ngày"/"On", every other form "Trong"/"In".
        """
        expected = (vi, en)
        assert expected == (period_adverbial(period), period_adverbial(period, lang="en"))


PERIOD_FUNCTIONS: list[tuple[str, Callable[..., str]]] = [
    ("period_phrase", period_phrase),
    ("period_adverbial", period_adverbial),
]


class TestArguments:
    """
    Unknown languages and periods that are no Period are refused everywhere.
    """

    @pytest.mark.parametrize(
        ("owner", "call"),
        [
            ("format_count", lambda lang: format_count(5, lang=lang)),
            ("format_percent", lambda lang: format_percent(Fraction(1, 2), lang=lang)),
            ("format_ratio", lambda lang: format_ratio(1, 2, lang=lang)),
            ("Figure", lambda lang: Figure(5).format(lang=lang)),
            ("Figure", lambda lang: Figure.parse("5", lang=lang)),
            ("period_phrase", lambda lang: period_phrase(Period.year(2017), lang=lang)),
            ("period_adverbial", lambda lang: period_adverbial(Period.year(2017), lang=lang)),
        ],
        ids=["count", "percent", "ratio", "format", "parse", "phrase", "adverbial"],
    )
    @pytest.mark.parametrize(
        "lang",
        ["fr", "VI", "vi-VN", "", None, ["vi"]],
        ids=["fr", "upper", "tag", "empty", "none", "list"],
    )
    def test_refuses_a_language_other_than_vi_or_en(
        self, owner: str, call: Callable[[object], str], lang: object
    ) -> None:
        """
        Every function prints and reads Vietnamese or English only.
        """
        with pytest.raises(InvalidValueError) as info:
            call(lang)
        expected = (owner, "lang", True)
        error = info.value
        assert expected == (error.owner, error.field, "'vi' or 'en'" in str(error))

    @pytest.mark.parametrize(
        ("owner", "function"), PERIOD_FUNCTIONS, ids=[row[0] for row in PERIOD_FUNCTIONS]
    )
    @pytest.mark.parametrize(
        "period",
        ["2017", D(2017, 1, 1), (D(2017, 1, 1), D(2017, 12, 31)), None],
        ids=["text", "date", "tuple", "none"],
    )
    def test_refuses_what_is_no_period(
        self, owner: str, function: Callable[..., str], period: object
    ) -> None:
        """
        Only a Period is named.
        """
        with pytest.raises(InvalidValueError) as info:
            function(period)
        expected = (owner, "period", period, True)
        error = info.value
        assert expected == (error.owner, error.field, error.value, "a Period" in str(error))
