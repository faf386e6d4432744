"""Customer record rules: ID documents, contact fields, names, CIF numbers, masking, search keys
and amounts.

Each ``clean_*`` function takes what a clerk typed (or a core-banking extract holds) and returns
the one canonical form that is stored, or raises :class:`ValidationError` naming the field and
the reason, so that bad input changes nothing. All of them start with
:func:`app.text.clean_text` (NFKC: full-width digits and letters become half-width; whitespace
stripped and collapsed; control characters and emoji refused; length capped).

Pure: no database, no Qt, no I/O. The only outside input is "today" for birth dates in the
future, which every function that needs it accepts as a parameter.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import asdict, dataclass, fields
from datetime import date
from decimal import Decimal

from pypinyin import Style, lazy_pinyin, pinyin
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumError

from app.errors import QT_TRANSLATE_NOOP, ValidationError
from app.text import clean_text, compact, normalise

ID_NUMBER = QT_TRANSLATE_NOOP("fields", "ID number")
ID_TYPE = QT_TRANSLATE_NOOP("fields", "ID type")
PHONE = QT_TRANSLATE_NOOP("fields", "Phone")
EMAIL = QT_TRANSLATE_NOOP("fields", "E-mail")
POSTCODE = QT_TRANSLATE_NOOP("fields", "Postcode")
NAME = QT_TRANSLATE_NOOP("fields", "Name")
CIF_NUMBER = QT_TRANSLATE_NOOP("fields", "CIF number")
AMOUNT = QT_TRANSLATE_NOOP("fields", "Amount")
BIRTHDAY = QT_TRANSLATE_NOOP("fields", "Birthday")
GENDER = QT_TRANSLATE_NOOP("fields", "Gender")

NAME_MAX_LENGTH = 50
_EARLIEST_BIRTH_YEAR = 1900  # nobody alive was born before; earlier dates are typos


def _today(today: date | None) -> date:
    return today if today is not None else date.today()


# --------------------------------------------------------------------------- ID documents

class IdType(enum.StrEnum):
    """The ID documents a customer is identified by (实名制). Values are the stored codes."""

    RESIDENT_ID = "resident_id"            # 居民身份证
    PASSPORT = "passport"                  # 护照
    HK_MACAU_PERMIT = "hk_macau_permit"    # 港澳居民来往内地通行证
    TAIWAN_PERMIT = "taiwan_permit"        # 台湾居民来往大陆通行证
    FOREIGN_PERMANENT_RESIDENT = "foreign_permanent_resident"  # 外国人永久居留身份证
    OTHER = "other"                        # 其他

    @property
    def label(self) -> str:
        """English source text; the GUI translates it in the "id_types" context."""
        return _ID_TYPE_LABELS[self]

    @classmethod
    def parse(cls, raw: str) -> IdType:
        """An ID type from its code, its English label or its Chinese name (as core-banking
        extracts write it); refuses anything else naming the field "ID type"."""
        text = normalise(raw if isinstance(raw, str) else "")
        key = text.lower().replace(" ", "_")
        for member in cls:
            if key == member.value or text.lower() == member.label.lower():
                return member
        if text in _ID_TYPE_CHINESE_NAMES:
            return _ID_TYPE_CHINESE_NAMES[text]
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not a known ID type"), field=ID_TYPE)


_ID_TYPE_LABELS = {
    IdType.RESIDENT_ID: QT_TRANSLATE_NOOP("id_types", "Resident ID card"),
    IdType.PASSPORT: QT_TRANSLATE_NOOP("id_types", "Passport"),
    IdType.HK_MACAU_PERMIT: QT_TRANSLATE_NOOP(
        "id_types", "Mainland travel permit for Hong Kong and Macau residents"),
    IdType.TAIWAN_PERMIT: QT_TRANSLATE_NOOP(
        "id_types", "Mainland travel permit for Taiwan residents"),
    IdType.FOREIGN_PERMANENT_RESIDENT: QT_TRANSLATE_NOOP(
        "id_types", "Foreign permanent resident ID card"),
    IdType.OTHER: QT_TRANSLATE_NOOP("id_types", "Other ID document"),
}

# Data, not UI text: how the Chinese documents and core-banking extracts name the types.
_ID_TYPE_CHINESE_NAMES = {
    "居民身份证": IdType.RESIDENT_ID, "身份证": IdType.RESIDENT_ID,
    "护照": IdType.PASSPORT,
    "港澳居民来往内地通行证": IdType.HK_MACAU_PERMIT, "回乡证": IdType.HK_MACAU_PERMIT,
    "台湾居民来往大陆通行证": IdType.TAIWAN_PERMIT, "台胞证": IdType.TAIWAN_PERMIT,
    "外国人永久居留身份证": IdType.FOREIGN_PERMANENT_RESIDENT,
    "外国人永久居留证": IdType.FOREIGN_PERMANENT_RESIDENT, "永居证": IdType.FOREIGN_PERMANENT_RESIDENT,
    "其他": IdType.OTHER, "其它": IdType.OTHER,
}

def _id_type(value: IdType | str) -> IdType:
    if isinstance(value, IdType):
        return value
    return IdType.parse(value)


_RESIDENT_ID = re.compile(r"[0-9]{17}[0-9X]")
_PASSPORT = re.compile(r"[A-Z0-9]{5,17}")
_HK_MACAU = re.compile(r"[HM](?:[0-9]{8}|[0-9]{10})")
_TAIWAN = re.compile(r"[0-9]{8}|[0-9]{10}")
_FOREIGN_2017 = re.compile(r"[A-Z]{3}[0-9]{12}")
_FOREIGN_2023 = re.compile(r"9[0-9]{16}[0-9X]")
_WRONG_CHECK_DIGIT = QT_TRANSLATE_NOOP(
    "errors", "has a wrong check digit: a character was mistyped, check it against the card")


def clean_id_number(id_type: IdType | str, raw: str, *, today: date | None = None) -> str:
    """The canonical ID number for ``id_type``, or :class:`ValidationError` naming "ID number".

    Spaces and hyphens that clerks type between groups are removed and letters upper-cased,
    except for "other" documents, which keep their text (3 to 30 characters).

    - Resident ID (GB 11643): 18 characters, 17 digits and a check digit (``X`` for ten);
      the check digit (stdnum.cn.ric) and the birth date (a real date, not in the future, not
      before 1900) are checked, each with its own message. The six-digit place code is not
      checked against a list of places: places are renamed and abolished while their people's
      IDs stay valid, and the check digit already catches a mistyped digit.
    - Passport: 5 to 17 letters or digits.
    - Hong Kong / Macau permit: H or M and 8 digits (or the older 10).
    - Taiwan permit: 8 digits (or the older 10).
    - Foreign permanent resident ID: the 2017 card's 3 letters and 12 digits, or the 2023 card's
      18 characters beginning with 9, whose check digit follows the resident ID's rule.
    """
    kind = _id_type(id_type)
    text = clean_text(raw, field=ID_NUMBER, max_length=40)
    if kind is IdType.OTHER:
        if len(text) < 3:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at least {min} characters"),
                                  field=ID_NUMBER, min=3)
        if len(text) > 30:
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at most {max} characters"),
                                  field=ID_NUMBER, max=30)
        return text
    number = compact(text).replace("-", "").upper()
    if kind is IdType.RESIDENT_ID:
        return _clean_resident_id(number, _today(today))
    if kind is IdType.PASSPORT:
        if not _PASSPORT.fullmatch(number):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 5 to 17 letters or digits"),
                                  field=ID_NUMBER)
    elif kind is IdType.HK_MACAU_PERMIT:
        if not _HK_MACAU.fullmatch(number):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "must be H or M followed by 8 or 10 digits"),
                field=ID_NUMBER)
    elif kind is IdType.TAIWAN_PERMIT:
        if not _TAIWAN.fullmatch(number):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 8 or 10 digits"),
                                  field=ID_NUMBER)
    elif kind is IdType.FOREIGN_PERMANENT_RESIDENT:
        if _FOREIGN_2023.fullmatch(number):
            if number[-1] != ric.calc_check_digit(number):
                raise ValidationError(_WRONG_CHECK_DIGIT, field=ID_NUMBER)
        elif not _FOREIGN_2017.fullmatch(number):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors",
                                  "must be 3 letters and 12 digits, or 18 characters beginning with 9"),
                field=ID_NUMBER)
    return number


def _clean_resident_id(number: str, today: date) -> str:
    if len(number) != 18:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "must have 18 characters, not {length}"),
            field=ID_NUMBER, length=len(number))
    if not _RESIDENT_ID.fullmatch(number):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "must be 17 digits followed by a digit or X"), field=ID_NUMBER)
    try:
        born = ric.get_birth_date(number)
    except StdnumError:
        born = None
    if born is None or born.year < _EARLIEST_BIRTH_YEAR:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "contains an impossible birth date"),
                              field=ID_NUMBER)
    if born > today:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "contains a birth date in the future"),
                              field=ID_NUMBER)
    if number[-1] != ric.calc_check_digit(number):
        raise ValidationError(_WRONG_CHECK_DIGIT, field=ID_NUMBER)
    return number


class Gender(enum.StrEnum):
    """Gender as recorded in the archive; values are the stored codes."""

    MALE = "male"
    FEMALE = "female"

    @property
    def label(self) -> str:
        """English source text; the GUI translates it in the "genders" context."""
        return _GENDER_LABELS[self]


_GENDER_LABELS = {
    Gender.MALE: QT_TRANSLATE_NOOP("genders", "Male"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("genders", "Female"),
}


def birthday_from_resident_id(number: str, *, today: date | None = None) -> date:
    """The birth date a resident ID carries (digits 7-14), after checking the whole number."""
    return ric.get_birth_date(clean_id_number(IdType.RESIDENT_ID, number, today=today))


def gender_from_resident_id(number: str, *, today: date | None = None) -> Gender:
    """Gender from the 17th digit of a resident ID (GB 11643: odd is male, even is female)."""
    valid = clean_id_number(IdType.RESIDENT_ID, number, today=today)
    return Gender.MALE if int(valid[16]) % 2 else Gender.FEMALE


def check_matches_id(id_type: IdType | str, id_number: str, *, birthday: date | None = None,
                     gender: Gender | str | None = None, today: date | None = None) -> None:
    """Refuse a birthday or gender that contradicts a resident ID (other documents carry
    neither, so nothing is checked for them); ``None`` means "not given"."""
    if _id_type(id_type) is not IdType.RESIDENT_ID:
        return
    if birthday is not None and birthday != birthday_from_resident_id(id_number, today=today):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "does not match the birth date in the ID number"),
            field=BIRTHDAY)
    if gender is not None and Gender(gender) is not gender_from_resident_id(id_number, today=today):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "does not match the gender in the ID number"), field=GENDER)


# --------------------------------------------------------------------------- contact fields

_COUNTRY_CODE = re.compile(r"^\(?(?:\+|00)\s*86\)?\s*")
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|extension|x|#)\s*([0-9]+)$", re.IGNORECASE)
_PHONE_CHARS = re.compile(r"[0-9 ()\-.]+")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_AREA_3 = re.compile(r"010|02[0-9]")         # Beijing 010 and the 02x cities
_AREA_4 = re.compile(r"0[3-9][0-9]{2}")       # every other area code
_SUBSCRIBER = re.compile(r"[2-9][0-9]{6,7}")  # local numbers never begin with 0 or 1
_MAX_EXTENSION = 6
_NOT_A_PHONE = QT_TRANSLATE_NOOP(
    "errors", "must be an 11-digit mobile number or a landline number with its area code")


def _landline(digits: str) -> tuple[str, str] | None:
    area_length = 3 if digits.startswith(("010", "02")) else 4
    area, local = digits[:area_length], digits[area_length:]
    if (_AREA_3 if area_length == 3 else _AREA_4).fullmatch(area) and _SUBSCRIBER.fullmatch(local):
        return area, local
    return None


def clean_phone(raw: str, *, required: bool = True) -> str:
    """A mainland phone number in canonical form, or :class:`ValidationError` naming "Phone".

    Mobile: 11 digits beginning 13-19, stored as the bare 11 digits; a leading +86, 0086 or
    86, spaces, dashes, dots, brackets and full-width digits are accepted and dropped.
    Landline: area code (010 and 02x have three digits, every other one four) and a 7- or
    8-digit local number, stored as ``0755-12345678``; an extension (``转123``, ``ext 123``,
    ``x123``, ``#123`` or a third group ``-123``, up to 6 digits) is kept as ``-123``.
    With +86 the area code's leading 0 may be left out, as international dialling does.
    Anything else (too short, letters, foreign numbers) is refused.
    """
    text = clean_text(raw, field=PHONE, max_length=40, required=required)
    if not text:
        return ""
    extension = None
    match = _EXTENSION.search(text)
    if match:
        extension, text = match.group(1), text[:match.start()]
    international = False
    match = _COUNTRY_CODE.match(text)
    if match:
        international, text = True, text[match.end():].replace("(0)", "", 1)
    if not _PHONE_CHARS.fullmatch(text):
        raise ValidationError(_NOT_A_PHONE, field=PHONE)
    groups = re.findall(r"[0-9]+", text)
    digits = "".join(groups)
    if not international and len(digits) == 13 and digits.startswith("86") \
            and _MOBILE.fullmatch(digits[2:]):
        digits = digits[2:]
    if _MOBILE.fullmatch(digits):
        if extension is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "a mobile number has no extension"), field=PHONE)
        return digits
    if international and not digits.startswith("0"):
        digits = "0" + digits
    parts = _landline(digits)
    if parts is None and extension is None and len(groups) >= 2:
        # "010-12345678-123": the last group is an extension
        tail = groups[-1]
        parts = _landline(digits[:-len(tail)])
        extension = tail if parts else None
    if parts is None:
        raise ValidationError(_NOT_A_PHONE, field=PHONE)
    if extension is not None and len(extension) > _MAX_EXTENSION:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "has an extension longer than {max} digits"),
            field=PHONE, max=_MAX_EXTENSION)
    return "-".join(parts) + (f"-{extension}" if extension else "")


_EMAIL_LOCAL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_TOP_LEVEL = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")


def clean_email(raw: str, *, required: bool = True) -> str:
    """An e-mail address with its domain lower-cased, or :class:`ValidationError` naming "E-mail".

    Full-width ``＠`` and letters are folded by NFKC. Accepted: one ``@``; a local part of at
    most 64 ASCII characters (letters, digits and the usual ``.!#$%&'*+/=?^_`{|}~-``, no
    leading, trailing or double dot); a domain of dot-separated labels ending in a top-level
    name of letters (or punycode). Quoted local parts and Unicode domains are refused: they are
    legal but no core-banking system takes them.
    """
    text = clean_text(raw, field=EMAIL, max_length=254, required=required)
    if not text:
        return ""
    local, at, domain = text.rpartition("@")
    domain = domain.lower()
    labels = domain.split(".")
    if not (at and len(local) <= 64 and _EMAIL_LOCAL.fullmatch(local) and len(labels) >= 2
            and all(_DOMAIN_LABEL.fullmatch(label) for label in labels)
            and _TOP_LEVEL.fullmatch(labels[-1])):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not a valid e-mail address"),
                              field=EMAIL)
    return f"{local}@{domain}"


def clean_postcode(raw: str, *, required: bool = True) -> str:
    """A mainland postcode: 6 digits (spaces dropped), or :class:`ValidationError`."""
    text = compact(clean_text(raw, field=POSTCODE, max_length=20, required=required))
    if text and not re.fullmatch(r"[0-9]{6}", text):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 6 digits"), field=POSTCODE)
    return text


def clean_cif(raw: str) -> str:
    """A CIF number (core-banking customer number): 6 to 32 letters or digits, upper-cased;
    spaces a clerk typed between groups are dropped."""
    text = compact(clean_text(raw, field=CIF_NUMBER, max_length=64)).upper()
    if not re.fullmatch(r"[A-Z0-9]{6,32}", text):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be 6 to 32 letters or digits"),
                              field=CIF_NUMBER)
    return text


# --------------------------------------------------------------------------- names

MIDDLE_DOT = "\u00b7"
# What input methods and fonts offer for the dot in minority and foreign names (阿依古丽·买买提).
_DOT_LIKE = dict.fromkeys(map(ord, "\u2022\u2027\u2219\u22c5\u30fb\u00b7\u16eb\u2e31"), MIDDLE_DOT)
_HAN_CHARS = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_FULL_STOP_BETWEEN_HAN = re.compile(rf"(?<=[{_HAN_CHARS}])\s*\.\s*(?=[{_HAN_CHARS}])")
_SPACES_AROUND_DOT = re.compile(r"\s*\u00b7\s*")
# Old systems pad two-character names for alignment ("张  三"): spaces between Chinese go.
_SPACE_BETWEEN_HAN = re.compile(rf"(?<=[{_HAN_CHARS}]) (?=[{_HAN_CHARS}])")
_NAME_PUNCTUATION = set(" -'.\u2019" + MIDDLE_DOT)


def clean_name(raw: str) -> str:
    """A personal name as stored: up to 50 characters, or :class:`ValidationError` naming "Name".

    Chinese names (spaces between Chinese characters, as old systems pad ``张  三``, are
    dropped), names of minority nationalities and foreigners written in Chinese with the
    middle dot (any of the look-alike dots an input method offers, or a full stop between two
    Chinese characters, becomes ``·`` with no spaces around it), and Latin names (letters,
    spaces, hyphens, apostrophes and full stops: ``Mary-Jane O'Neil``, ``J. Smith``).
    Rare Chinese characters outside the Basic Multilingual Plane are accepted: people carry
    them in their names. Refused: digits, ``<`` and ``>``, emoji and other symbols, control
    characters, a name without a letter, and a dot at either end or doubled.
    """
    text = clean_text(raw, field=NAME, max_length=NAME_MAX_LENGTH, allow_rare_ideographs=True)
    text = text.translate(_DOT_LIKE)
    text = _FULL_STOP_BETWEEN_HAN.sub(MIDDLE_DOT, text)
    text = _SPACES_AROUND_DOT.sub(MIDDLE_DOT, text)
    text = _SPACE_BETWEEN_HAN.sub("", text)
    for ch in text:
        category = unicodedata.category(ch)
        if category in ("Nd", "No"):
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must not contain digits"), field=NAME)
        if ch in "<>":
            raise ValidationError(QT_TRANSLATE_NOOP("errors", "must not contain < or >"), field=NAME)
        if not (category[0] == "L" or category in ("Nl", "Mn", "Mc") or ch in _NAME_PUNCTUATION) \
                or "\ufe00" <= ch <= "\ufe0f":  # variation selectors: invisible, they split duplicates
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "may contain only letters, spaces, "
                                            "the middle dot ·, hyphens and apostrophes"),
                field=NAME)
    if not any(unicodedata.category(ch)[0] == "L" or unicodedata.category(ch) == "Nl" for ch in text):
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must contain letters"), field=NAME)
    if text.startswith(MIDDLE_DOT) or text.endswith(MIDDLE_DOT) or MIDDLE_DOT * 2 in text:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "has a misplaced middle dot ·"), field=NAME)
    return text


# Surnames whose everyday reading is not the one pypinyin picks for the character alone.
# pypinyin has no surname mode; every reading here is one of the character's own heteronyms
# in pypinyin (a test checks that), so this table only chooses among what pypinyin knows.
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "区": "ou", "仇": "qiu", "解": "xie", "查": "zha", "朴": "piao",
    "盖": "ge", "覃": "qin", "缪": "miao", "秘": "bi", "种": "chong", "员": "yun", "繁": "po",
    "句": "gou", "召": "shao", "翟": "zhai", "都": "du", "隗": "wei", "薄": "bo", "长": "chang",
    "重": "chong", "折": "she", "能": "nai", "祭": "zhai", "蕃": "pi", "藏": "zang", "卜": "bu",
    "郇": "xun", "适": "kuo", "泌": "bi",
}
# Two-character surnames: split off as a unit and read by pypinyin's phrase dictionary, so that
# a given name's first character is never read as part of a phrase with the surname.
COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "诸葛", "上官", "慕容", "尉迟", "万俟", "长孙", "令狐", "皇甫", "东方", "公孙",
    "夏侯", "宇文", "司徒", "澹台", "轩辕", "西门", "南宫", "独孤", "呼延", "端木", "闻人", "百里",
    "拓跋", "钟离", "赫连", "申屠", "太史", "公冶", "濮阳", "淳于", "鲜于", "第五", "左丘", "司空",
})
_NAME_TOKEN = re.compile(rf"[{_HAN_CHARS}]+|[a-z]+")


def _pinyin(han: str) -> list[str]:
    return lazy_pinyin(han, style=Style.NORMAL, errors="ignore") if han else []


def _surname_and_rest(han: str) -> list[str]:
    if han[:2] in COMPOUND_SURNAMES:
        return _pinyin(han[:2]) + _pinyin(han[2:])
    first = SURNAME_READINGS.get(han[0])
    return ([first] if first else _pinyin(han[0])) + _pinyin(han[1:])


def surname_heteronyms(ch: str) -> list[str]:
    """Every reading pypinyin knows for ``ch`` (toneless); for checking the surname table."""
    return pinyin(ch, style=Style.NORMAL, heteronym=True)[0]


def search_keys(name: str) -> tuple[str, str]:
    """``(full_pinyin, initials)`` for finding a customer by pinyin: 张三 -> ("zhangsan", "zs").

    Chinese characters become toneless pinyin (ü as ``v``, pypinyin's convention); the name's
    first characters are read as a surname (compound surnames such as 欧阳 as a unit,
    polyphonic ones by :data:`SURNAME_READINGS`: 单 shan, 曾 zeng, 区 ou, 仇 qiu). Latin
    words are lower-cased without accents, spaces or apostrophes and give their first letter
    as initial (``Mary O'Neil`` -> ("maryoneil", "mo")). The middle dot, digits, symbols and
    characters pypinyin does not know are left out. Never raises: it is also used on what is
    typed in the search box.
    """
    text = normalise(name if isinstance(name, str) else "")
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", text).lower().replace("'", "").replace("\u2019", "")
    syllables: list[str] = []
    for match in _NAME_TOKEN.finditer(text):
        token = match.group()
        if token[0] >= "\u3000":  # a run of Chinese characters
            syllables += _surname_and_rest(token) if match.start() == 0 else _pinyin(token)
        else:
            syllables.append(token)
    syllables = [s for s in syllables if s.isascii() and s.isalpha()]
    return "".join(syllables), "".join(s[0] for s in syllables)


# --------------------------------------------------------------------------- masking

@dataclass(frozen=True)
class MaskPolicy:
    """How much of an ID number, phone or card number lists, letters, exports and logs show.

    Defaults (docs/architecture.md): ID ``110***********1234`` (first 3, last 4), phone ``138****5678``
    (first 3, last 4), card ``622202******1234`` (first 6, last 4, the most PCI DSS allows).
    ``min_hidden`` characters are always masked, so a short value (a 6-character passport, a
    mistyped phone) never shows more than a full-length one would: the suffix is kept first,
    then the prefix, each only as far as ``min_hidden`` allows.
    """

    id_keep_start: int = 3
    id_keep_end: int = 4
    phone_keep_start: int = 3
    phone_keep_end: int = 4
    card_keep_start: int = 6
    card_keep_end: int = 4
    min_hidden: int = 4
    mask_char: str = "*"

    def validate(self) -> None:
        """Refuse a policy that would show too much (cards: at most first 6 and last 4)."""
        limits = {
            "id_keep_start": (0, 6, QT_TRANSLATE_NOOP("fields", "ID number: characters shown at the start")),
            "id_keep_end": (0, 6, QT_TRANSLATE_NOOP("fields", "ID number: characters shown at the end")),
            "phone_keep_start": (0, 4, QT_TRANSLATE_NOOP("fields", "Phone: digits shown at the start")),
            "phone_keep_end": (0, 4, QT_TRANSLATE_NOOP("fields", "Phone: digits shown at the end")),
            "card_keep_start": (0, 6, QT_TRANSLATE_NOOP("fields", "Card number: digits shown at the start")),
            "card_keep_end": (0, 4, QT_TRANSLATE_NOOP("fields", "Card number: digits shown at the end")),
            "min_hidden": (1, 12, QT_TRANSLATE_NOOP("fields", "Characters always masked")),
        }
        for name, (low, high, label) in limits.items():
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "must be a whole number from {low} to {high}"),
                    field=label, low=low, high=high)
        char = self.mask_char
        if not (isinstance(char, str) and len(char) == 1 and not char.isalnum()
                and char.isprintable() and not char.isspace() and ord(char) <= 0xFFFF):
            raise ValidationError(
                QT_TRANSLATE_NOOP("errors", "must be one symbol that is not a letter or digit"),
                field=QT_TRANSLATE_NOOP("fields", "Mask character"))

    def to_dict(self) -> dict:
        """Plain values for storing as a setting (JSON)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> MaskPolicy:
        """The policy stored in ``data`` over the defaults, validated; unknown keys ignored."""
        known = {f.name for f in fields(cls)}
        policy = cls(**{k: v for k, v in (data or {}).items() if k in known})
        policy.validate()
        return policy


DEFAULT_MASK_POLICY = MaskPolicy()


def mask(value: str, keep_start: int, keep_end: int, *, min_hidden: int, mask_char: str = "*") -> str:
    """``value`` with all but ``keep_start`` leading and ``keep_end`` trailing characters
    replaced by ``mask_char``; at least ``min_hidden`` characters (or all, if fewer) are masked,
    the kept suffix shrinking last. Same length as ``value``."""
    n = len(value)
    may_show = max(0, n - max(1, min_hidden))
    end = min(keep_end, may_show)
    start = min(keep_start, may_show - end)
    return value[:start] + mask_char * (n - start - end) + value[n - end:]


def mask_id(number: str, policy: MaskPolicy = DEFAULT_MASK_POLICY) -> str:
    """An ID number as lists show it: ``110***********1234`` by default."""
    value = (number or "").strip()
    return mask(value, policy.id_keep_start, policy.id_keep_end, min_hidden=policy.min_hidden,
                mask_char=policy.mask_char)


def mask_phone(phone: str, policy: MaskPolicy = DEFAULT_MASK_POLICY) -> str:
    """A phone number as lists show it: ``138****5678`` by default."""
    value = (phone or "").strip()
    return mask(value, policy.phone_keep_start, policy.phone_keep_end,
                min_hidden=policy.min_hidden, mask_char=policy.mask_char)


def mask_card(card_number: str, policy: MaskPolicy = DEFAULT_MASK_POLICY) -> str:
    """A card number as lists show it: ``622202******1234`` by default (spaces and dashes
    between digit groups are dropped first, so they cannot shift what is shown)."""
    value = compact(card_number or "").replace("-", "")
    return mask(value, policy.card_keep_start, policy.card_keep_end,
                min_hidden=policy.min_hidden, mask_char=policy.mask_char)


# --------------------------------------------------------------------------- amounts

MAX_INTEGER_DIGITS = 15  # up to 999,999,999,999,999.99 CNY: NUMERIC(17, 2)
_CENT = Decimal("0.01")
_PREFIX = re.compile(r"^(?:¥|CNY|RMB|人民币)\s*", re.IGNORECASE)
_SUFFIX = re.compile(r"\s*(?:元|CNY|RMB)$", re.IGNORECASE)
_SIGN = re.compile(r"^[-\u2212]")
_EXPONENT = re.compile(r"[0-9.,]*[0-9][eE][+-]?[0-9]+")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")
# 1.234.567 or 1.234,56 or 1234,56: points for thousands and/or a comma for decimals
_EUROPEAN = re.compile(
    r"[0-9]{1,3}(?:\.[0-9]{3}){2,}(?:,[0-9]*)?|[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]*|[0-9]+,[0-9]{1,2}")
_NOT_AN_AMOUNT = QT_TRANSLATE_NOOP(
    "errors", "is not an amount: write digits with an optional decimal point, like 1,234,567.89")


def parse_amount(raw: str, *, field: str = AMOUNT) -> Decimal:
    """An amount in CNY with exactly 2 decimals, or :class:`ValidationError` naming ``field``.

    Accepted (what a clerk means): ``1,234,567.89``, ``1234567.89``, full-width digits,
    commas and points, a ``¥``/``￥``/``CNY``/``RMB``/``人民币`` before or ``元``/``CNY``
    after, surrounding spaces; ``1234`` is ``1234.00``.
    Refused, each with its reason (what is ambiguous or malformed): empty, negative, more than
    2 decimals (``1.234`` might be a thousand written the European way), misplaced thousands
    separators (``1,23,4``), the European ``1.234,56``, letters, exponents (``1e6``), more
    than 15 digits before the point, a point without digits on both sides.
    ``field`` is the caller's label (``QT_TRANSLATE_NOOP("fields", ...)``), "Amount" by default.
    """
    text = clean_text(raw, field=field, max_length=40)
    negative = bool(_SIGN.match(text))
    text = _PREFIX.sub("", _SIGN.sub("", text), count=1)
    negative = negative or bool(_SIGN.match(text)) or (text.startswith("(") and text.endswith(")"))
    if negative:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must not be negative"), field=field)
    text = _SUFFIX.sub("", text, count=1)
    if not text:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required"), field=field)
    if _EXPONENT.fullmatch(text):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "must be written out in digits, not as an exponent"),
            field=field)
    if not re.fullmatch(r"[0-9.,]+", text):
        raise ValidationError(_NOT_AN_AMOUNT, field=field)
    if _EUROPEAN.fullmatch(text):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "looks like the European format (1.234,56): write a point "
                                        "for decimals and commas for thousands, like 1,234.56"),
            field=field)
    whole, point, cents = text.partition(".")
    if not whole or (point and not cents) or "." in cents:
        raise ValidationError(_NOT_AN_AMOUNT, field=field)
    if "," in cents or ("," in whole and not _GROUPED.fullmatch(whole)):
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "has misplaced thousands separators: "
                                        "group digits by three, like 1,234,567"),
            field=field)
    if len(cents) > 2:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "must have at most 2 decimal places"),
                              field=field)
    digits = whole.replace(",", "").lstrip("0")
    if len(digits) > MAX_INTEGER_DIGITS:
        raise ValidationError(
            QT_TRANSLATE_NOOP("errors", "is too large: at most {max} digits before the decimal point"),
            field=field, max=MAX_INTEGER_DIGITS)
    return Decimal(f"{digits or '0'}.{cents or '0'}").quantize(_CENT)
