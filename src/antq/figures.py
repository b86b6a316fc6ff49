"""
Figures as officials print them: counts, qualified figures, percentages, ratios, periods.

Vietnamese groups thousands with ``.`` and writes a decimal comma ("9.921", "91,09%"),
pads small counts to two digits ("05 đội") and names periods the way reports do ("từ
năm 2016 đến tháng 5/2018"). English groups thousands with ``,`` and writes a decimal
point. These are the conventions of the movement's reports (glossary, "Figures as
printed"; RULES.md §6), not rules of law.
"""

from __future__ import annotations

import calendar
import math
import re
import unicodedata
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal

import attrs

from antq import _validation as v
from antq._enums import LabelledEnum
from antq.errors import InvalidValueError
from antq.periods import Period

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "Figure",
    "Language",
    "Qualifier",
    "format_count",
    "format_percent",
    "format_ratio",
    "period_adverbial",
    "period_phrase",
]

#: The languages figures are printed in: Vietnamese and English.
Language = Literal["vi", "en"]

_LANGUAGES: Final = ("vi", "en")
_GROUP: Final = {"vi": ".", "en": ","}
_DECIMAL: Final = {"vi": ",", "en": "."}
_LANGUAGE_NAMES: Final = {"vi": "Vietnamese", "en": "English"}

_ENGLISH: Final = {
    "exact": "exact",
    "over": "over",
    "more_than": "more than",
    "nearly": "nearly",
    "about": "about",
}


class Qualifier(LabelledEnum):
    """
    How a printed figure stands to the true value: exact, a lower bound, or an estimate.

    The label is the Vietnamese word printed before the figure ("trên 10.300") and
    :attr:`english` the English one ("over 10,300"). An exact figure is printed bare:
    the label "chính xác" and the English "exact" name ``EXACT`` in lists and messages
    but are never printed before a figure.

    Source: RULES.md §6, "trên", "hơn", "gần", "khoảng" mark a figure as a bound or an
    estimate; glossary, "Figures as printed".
    """

    EXACT = "exact"
    OVER = "over"
    MORE_THAN = "more_than"
    NEARLY = "nearly"
    ABOUT = "about"

    __labels__ = {
        "exact": "chính xác",
        "over": "trên",
        "more_than": "hơn",
        "nearly": "gần",
        "about": "khoảng",
    }

    @property
    def english(self) -> str:
        """
        The English term for this member ("exact", "over", "more than", "nearly", "about").
        """
        return _ENGLISH[self.value]


def _word(qualifier: Qualifier, lang: Language) -> str:
    """
    Return the word printed before a figure: none for an exact one.
    """
    if qualifier is Qualifier.EXACT:
        return ""
    return qualifier.label if lang == "vi" else qualifier.english


def _figure_pattern(lang: Language) -> re.Pattern[str]:
    words = "|".join(re.escape(_word(q, lang)) for q in Qualifier if q is not Qualifier.EXACT)
    group = re.escape(_GROUP[lang])
    # "0", a count padded to two digits ("05"), or a number grouped in threes.
    number = rf"0[0-9]?|[1-9][0-9]{{0,2}}(?:{group}[0-9]{{3}})*"
    return re.compile(rf"(?:(?P<word>{words}) )?(?P<number>{number})")


_FIGURES: Final = {lang: _figure_pattern(lang) for lang in _LANGUAGES}
_BY_WORD: Final = {
    lang: {_word(q, lang): q for q in Qualifier if q is not Qualifier.EXACT} for lang in _LANGUAGES
}


def _check_language(owner: str, lang: object) -> None:
    if type(lang) is not str or lang not in _LANGUAGES:
        raise InvalidValueError(owner, "lang", lang, "a language is 'vi' or 'en'")


def _check_count(owner: str, field: str, value: object) -> None:
    if type(value) is not int:
        raise InvalidValueError(owner, field, value, "a count must be an integer")
    if value < 0:
        raise InvalidValueError(owner, field, value, "a count must not be negative")


def _check_flag(owner: str, field: str, value: object) -> None:
    if type(value) is not bool:
        raise InvalidValueError(owner, field, value, "must be true or false")


def _grouped(value: int, lang: Language) -> str:
    return format(value, ",").replace(",", _GROUP[lang])


def _count(value: int, lang: Language, *, pad: bool) -> str:
    if pad and value < 10:
        return f"{value:02d}"
    return _grouped(value, lang)


def format_count(value: int, *, lang: Language = "vi", pad: bool = False) -> str:
    """
    Print a count with its thousands grouped: "9.921" in Vietnamese, "9,921" in English.

    Source: glossary, "Figures as printed" (Vietnamese prints 9921 as "9.921" and pads
    small counts: "05 đội", "01 câu lạc bộ").

    Args:
        value: The count, a non-negative integer.
        lang: ``"vi"`` or ``"en"``.
        pad: Print a count below 10 with two digits ("05"), as Vietnamese reports do
            before a noun; applied in English too when asked.

    Returns:
        The count as printed, without decimals.

    Raises:
        antq.errors.InvalidValueError: When *value* is not a non-negative integer (a
            boolean is refused), *pad* is not a boolean, or *lang* is unknown.
    """
    _check_language("format_count", lang)
    _check_count("format_count", "value", value)
    _check_flag("format_count", "pad", pad)
    return _count(value, lang, pad=pad)


def format_percent(share: Fraction, *, lang: Language = "vi", decimals: int = 2) -> str:
    """
    Print a share as a percentage, rounded half up exactly: 662/9921 is "6,67%".

    The share is rounded from the fraction itself, never through a float, so a share
    that lies exactly halfway is rounded up (1/8 with no decimals is "13%"). The integer
    part is grouped like a count; a share above 1 is printed as it is ("125%").

    Source: RULES.md §6, percentages are printed rounded to the printed precision
    ("219/236 ... đạt 93%"; "644/707 ... 91,09%").

    Args:
        share: The share, a :class:`fractions.Fraction` not below 0 (1 is 100 %).
        lang: ``"vi"`` (decimal comma) or ``"en"`` (decimal point).
        decimals: How many decimals to print, 0 or more; all are printed, trailing
            zeros included ("50,00%").

    Returns:
        The percentage followed by ``%``, without a space.

    Raises:
        antq.errors.InvalidValueError: When *share* is not a Fraction (a float or an int
            is refused) or is negative, *decimals* is not a non-negative integer, or
            *lang* is unknown.
    """
    _check_language("format_percent", lang)
    if not isinstance(share, Fraction):
        raise InvalidValueError(
            "format_percent", "share", share, "a share must be a fractions.Fraction"
        )
    if share < 0:
        raise InvalidValueError("format_percent", "share", share, "a share must not be negative")
    if type(decimals) is not int or decimals < 0:
        raise InvalidValueError(
            "format_percent", "decimals", decimals, "decimals must be a non-negative integer"
        )
    scale = 10**decimals
    rounded = math.floor(share * 100 * scale + Fraction(1, 2))
    whole, fraction = divmod(rounded, scale)
    text = _grouped(whole, lang)
    if decimals:
        text += f"{_DECIMAL[lang]}{fraction:0{decimals}d}"
    return f"{text}%"


def format_ratio(numerator: int, denominator: int, *, lang: Language = "vi") -> str:
    """
    Print a ratio of two counts: "662/9.921" in Vietnamese, "662/9,921" in English.

    Source: glossary, "Figures as printed" (ratios are written "219/236").

    Args:
        numerator: The part, a non-negative integer (it may exceed the whole).
        denominator: The whole, a positive integer.
        lang: ``"vi"`` or ``"en"``.

    Returns:
        Both counts grouped like :func:`format_count`, joined by ``/``.

    Raises:
        antq.errors.InvalidValueError: When a count is not a non-negative integer, the
            denominator is 0, or *lang* is unknown.
    """
    _check_language("format_ratio", lang)
    _check_count("format_ratio", "numerator", numerator)
    _check_count("format_ratio", "denominator", denominator)
    if denominator == 0:
        raise InvalidValueError(
            "format_ratio", "denominator", denominator, "a ratio's denominator must not be 0"
        )
    return f"{_grouped(numerator, lang)}/{_grouped(denominator, lang)}"


@attrs.frozen
class Figure:
    """
    A count as printed in a report: a value and its qualifier ("trên 10.300").

    Source: RULES.md §6 and the glossary, "Figures as printed".

    Args:
        value: The number printed, a non-negative integer.
        qualifier: How the number stands to the true value; exact unless given.

    Raises:
        antq.errors.InvalidValueError: When *value* is not a non-negative integer (a
            boolean or a float is refused) or *qualifier* is not a Qualifier.
    """

    value: int = attrs.field(validator=v.count)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=v.member_of(Qualifier))

    @classmethod
    def rounded_down(
        cls, value: int, *, significant_digits: int = 3, threshold: int = 1000
    ) -> Figure:
        """
        Return the figure a report prints for a large flow: 10 346 is "trên 10.300".

        This is antq's presentation rule, not a legal one, following how reports print
        flows of people ("trên 10.300 lượt người"): a value below *threshold* stays
        exact; a larger one is rounded down to *significant_digits* significant digits
        and qualified "over" (trên) when the rounding removed something. A value that
        is already round stays exact (10 300 is "10.300").

        Args:
            value: The exact count, a non-negative integer.
            significant_digits: How many leading digits to keep, 1 or more.
            threshold: The smallest value that is rounded, 0 or more.

        Returns:
            A figure whose value is not above *value*, qualified ``OVER`` exactly when it
            is below it.

        Raises:
            antq.errors.InvalidValueError: When *value* or *threshold* is not a
                non-negative integer, or *significant_digits* is not a positive integer.
        """
        _check_count("Figure", "value", value)
        if type(significant_digits) is not int or significant_digits < 1:
            raise InvalidValueError(
                "Figure",
                "significant_digits",
                significant_digits,
                "significant_digits must be a positive integer",
            )
        _check_count("Figure", "threshold", threshold)
        dropped = len(str(value)) - significant_digits
        if value < threshold or dropped <= 0:
            return cls(value)
        kept = value - value % 10**dropped
        return cls(kept, Qualifier.EXACT if kept == value else Qualifier.OVER)

    @classmethod
    def parse(cls, text: str, *, lang: Language = "vi") -> Figure:
        """
        Read a figure as printed: "trên 10.300", "9.921", "05"; "over 10,300" in English.

        The text is an optional qualifier word and a single space, then a whole number:
        ``0``, a count padded to two digits (``05``), or a number without leading zeros
        whose thousands are grouped in threes (``.`` in Vietnamese, ``,`` in English;
        ``10300`` is refused). Surrounding whitespace is ignored and the text is read in
        NFC, so decomposed Vietnamese letters are accepted; the qualifier is lower case.

        Args:
            text: The printed figure.
            lang: ``"vi"`` or ``"en"``: the language it is printed in.

        Returns:
            The figure, exact when no qualifier is printed.

        Raises:
            antq.errors.InvalidValueError: When the text is no figure printed in *lang*
                (the message names the text and the rule), or *lang* is unknown.
        """
        _check_language("Figure", lang)
        if not isinstance(text, str):
            raise InvalidValueError("Figure", "text", text, "must be a string")
        match = _FIGURES[lang].fullmatch(unicodedata.normalize("NFC", text).strip())
        if match is None:
            raise InvalidValueError("Figure", "text", text, _figure_rule(text, lang))
        word = match["word"]
        qualifier = _BY_WORD[lang][word] if word else Qualifier.EXACT
        return cls(int(match["number"].replace(_GROUP[lang], "")), qualifier)

    def format(self, *, lang: Language = "vi", pad: bool = False) -> str:
        """
        Print the figure: "trên 10.300", "9.921"; "over 10,300", "9,921" in English.

        Args:
            lang: ``"vi"`` or ``"en"``.
            pad: Print a value below 10 with two digits ("05"), as :func:`format_count`.

        Returns:
            The qualifier's word, if any, a space, and the value as :func:`format_count`
            prints it; :meth:`parse` reads it back.

        Raises:
            antq.errors.InvalidValueError: When *lang* is unknown or *pad* is not a
                boolean.
        """
        _check_language("Figure", lang)
        _check_flag("Figure", "pad", pad)
        number = _count(self.value, lang, pad=pad)
        word = _word(self.qualifier, lang)
        return f"{word} {number}" if word else number


def _figure_rule(text: str, lang: Language) -> str:
    words = ", ".join(_BY_WORD[lang])
    rule = (
        f"a figure in {_LANGUAGE_NAMES[lang]} is an optional qualifier ({words}) and a "
        f"whole number: 0, a count padded to two digits ('05'), or a number without "
        f"leading zeros grouped in threes by {_GROUP[lang]!r} ('10{_GROUP[lang]}300')"
    )
    other: Language = "en" if lang == "vi" else "vi"
    if _FIGURES[other].fullmatch(unicodedata.normalize("NFC", text).strip()):
        return f"it is written in {_LANGUAGE_NAMES[other]}, not in {_LANGUAGE_NAMES[lang]}; {rule}"
    return rule


_ENGLISH_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_ROMAN: Final = ("I", "II", "III", "IV")

# Runs of whole months within one year that reports name: (first month, last month).
_SPANS: Final = {
    (1, 12): ("năm {year}", "{year}"),
    (1, 6): ("6 tháng đầu năm {year}", "the first six months of {year}"),
    (7, 12): ("6 tháng cuối năm {year}", "the last six months of {year}"),
    (1, 9): ("9 tháng đầu năm {year}", "the first nine months of {year}"),
}

_RANGE: Final = "range"
_DAY: Final = "day"
_SPAN: Final = "span"
# What goes before a phrase at the start of a sentence, by language and kind.
_LEADS: Final = {
    "vi": {_RANGE: "", _DAY: "", _SPAN: "Trong "},
    "en": {_RANGE: "", _DAY: "On ", _SPAN: "In "},
}


def period_phrase(period: Period, *, lang: Language = "vi") -> str:
    """
    Name a period the way reports do: "năm 2017", "quý I/2024", "tháng 5/2018".

    The forms, checked in this order: a single day ("ngày 19/8/2017" / "19 August
    2017"); a calendar year ("năm 2017" / "2017"); the first or last six months or the
    first nine months of a year ("6 tháng đầu năm 2024" / "the first six months of
    2024"); a quarter ("quý I/2024" / "Q1 2024"); a month ("tháng 5/2018" / "May 2018").
    Any other period is a range ("từ năm 2016 đến tháng 5/2018" / "from 2016 to May
    2018") whose ends are each written at the coarsest precision that is exact: a start
    on 1 January as its year, on the first of a month as its month, else as its day; an
    end on 31 December as its year, on the last day of a month as its month, else as
    its day. A year is used only when the ends lie in different years, and a month
    only when they lie in different months, so no range reads "from 2017 to May 2017".

    Source: the wording of the movement's reports (the Bắc Kạn city report, 2018: "Từ
    năm 2016 đến tháng 5/2018").

    Args:
        period: The period to name.
        lang: ``"vi"`` or ``"en"``.

    Returns:
        The noun phrase, in lower case where the language allows.

    Raises:
        antq.errors.InvalidValueError: When *period* is not a Period or *lang* is
            unknown.
    """
    _check_language("period_phrase", lang)
    _check_period("period_phrase", period)
    return _phrase(period, lang)[1]


def period_adverbial(period: Period, *, lang: Language = "vi") -> str:
    """
    Name a period at the start of a sentence: "Trong năm 2017", "Từ năm 2016 đến ...".

    A range is its phrase capitalised ("Từ năm 2016 đến tháng 5/2018" / "From 2016 to
    May 2018"); a single day is "Ngày 19/8/2017" / "On 19 August 2017"; every other form
    follows "Trong" / "In" ("Trong quý I/2024" / "In Q1 2024").

    Args:
        period: The period to name.
        lang: ``"vi"`` or ``"en"``.

    Returns:
        The adverbial, capitalised, without a trailing comma.

    Raises:
        antq.errors.InvalidValueError: When *period* is not a Period or *lang* is
            unknown.
    """
    _check_language("period_adverbial", lang)
    _check_period("period_adverbial", period)
    kind, phrase = _phrase(period, lang)
    text = _LEADS[lang][kind] + phrase
    return text[0].upper() + text[1:]


def _check_period(owner: str, period: object) -> None:
    if not isinstance(period, Period):
        raise InvalidValueError(owner, "period", period, "must be a Period")


def _phrase(period: Period, lang: Language) -> tuple[str, str]:
    """
    Return the kind of phrase (range, day or span) and the phrase itself.
    """
    start, end = period.start, period.end
    if start == end:
        return _DAY, _day(start, lang)
    if start.year == end.year and start.day == 1 and _is_last_of_month(end):
        months = (start.month, end.month)
        if months in _SPANS:
            vi, en = _SPANS[months]
            return _SPAN, (vi if lang == "vi" else en).format(year=start.year)
        if start.month == end.month:
            return _SPAN, _month(start, lang)
        if start.month % 3 == 1 and end.month == start.month + 2:
            quarter = start.month // 3 + 1
            vi_quarter = f"quý {_ROMAN[quarter - 1]}/{start.year}"
            return _SPAN, vi_quarter if lang == "vi" else f"Q{quarter} {start.year}"
    same_year = start.year == end.year
    same_month = same_year and start.month == end.month
    if start.month == start.day == 1 and not same_year:
        first = _year(start, lang)
    elif start.day == 1 and not same_month:
        first = _month(start, lang)
    else:
        first = _day(start, lang)
    if (end.month, end.day) == (12, 31) and not same_year:
        last = _year(end, lang)
    elif _is_last_of_month(end) and not same_month:
        last = _month(end, lang)
    else:
        last = _day(end, lang)
    return _RANGE, f"từ {first} đến {last}" if lang == "vi" else f"from {first} to {last}"


def _is_last_of_month(day: dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _year(day: dt.date, lang: Language) -> str:
    return f"năm {day.year}" if lang == "vi" else str(day.year)


def _month(day: dt.date, lang: Language) -> str:
    if lang == "vi":
        return f"tháng {day.month}/{day.year}"
    return f"{_ENGLISH_MONTHS[day.month - 1]} {day.year}"


def _day(day: dt.date, lang: Language) -> str:
    if lang == "vi":
        return f"ngày {day.day}/{day.month}/{day.year}"
    return f"{day.day} {_ENGLISH_MONTHS[day.month - 1]} {day.year}"
