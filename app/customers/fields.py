"""The customer record as a clerk or an extract gives it (raw strings), and its cleaning.

:func:`clean_input` turns a :class:`CustomerInput` into the values stored, running every field
through the rules of :mod:`app.customers.rules`; a bad field raises :class:`ValidationError`
naming it, several bad fields :class:`ValidationErrors` naming each (a form says them all in
one go). Pure: no database, no Qt, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from app.customers.rules import (
    COMPOUND_SURNAMES, BIRTHDAY, GENDER, ID_NUMBER, Gender, IdType, check_matches_id, clean_cif, clean_email, clean_id_number,
    clean_name, clean_phone, clean_postcode, mask_id, mask_phone, search_keys,
)
from app.errors import QT_TRANSLATE_NOOP, ValidationError, raise_all
from app.text import clean_text, normalise

ADDRESS = QT_TRANSLATE_NOOP("fields", "Address")
EMPLOYER = QT_TRANSLATE_NOOP("fields", "Employer")
DEPARTMENT = QT_TRANSLATE_NOOP("fields", "Department")
TITLE = QT_TRANSLATE_NOOP("fields", "Title")
OCCUPATION = QT_TRANSLATE_NOOP("fields", "Occupation")
NOTES = QT_TRANSLATE_NOOP("fields", "Notes")
HOME_BRANCH = QT_TRANSLATE_NOOP("fields", "Home branch")
RELATIONSHIP_MANAGER = QT_TRANSLATE_NOOP("fields", "Relationship manager")

_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{4})(\d{2})(\d{2})", re.ASCII)
_GENDER_WORDS = {"male": Gender.MALE, "m": Gender.MALE, "男": Gender.MALE,
                 "female": Gender.FEMALE, "f": Gender.FEMALE, "女": Gender.FEMALE}


@dataclass(frozen=True)
class CustomerInput:
    """What was typed or read, as text; ids for the branch and relationship manager."""

    cif_no: str = ""
    name: str = ""
    id_type: str = IdType.RESIDENT_ID.value
    id_number: str = ""
    gender: str = ""       # optional for a resident ID (derived); required for other documents
    birthday: str = ""     # optional for a resident ID (derived; a contradiction is refused)
    phone: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    employer: str = ""
    department: str = ""
    title: str = ""
    occupation: str = ""
    notes: str = ""
    branch_id: int | None = None
    relationship_manager_id: int | None = None
    important_dates: str | None = None  # the form's lines (app.customers.occasions); None: unchanged
    relatives: str | None = None


def parse_birthday(raw: str, *, today: date) -> date | None:
    """``2001-02-03``, ``2001/2/3``, ``2001年2月3日`` or ``20010203``; empty is None."""
    text = normalise(raw or "")
    if not text:
        return None
    match = _DATE.fullmatch(text)
    try:
        if not match:
            raise ValueError
        y, m, d = (match.group(1), match.group(2), match.group(3)) if match.group(1) else match.groups()[3:]
        value = date(int(y), int(m), int(d))
    except ValueError:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not a date: write it like 1980-05-17"),
                              field=BIRTHDAY) from None
    if value > today or value.year < 1900:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is not a possible birth date"), field=BIRTHDAY)
    return value


def parse_gender(raw: str) -> Gender | None:
    text = normalise(raw or "").lower()
    if not text:
        return None
    if text in _GENDER_WORDS:
        return _GENDER_WORDS[text]
    raise ValidationError(QT_TRANSLATE_NOOP("errors", "must be male or female"), field=GENDER)


_HAN_NAME = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")


@lru_cache(maxsize=4096)
def _surname_keys(surname: str) -> tuple[str, str]:
    return search_keys(surname)


@lru_cache(maxsize=65_536)
def _given_keys(given: str) -> tuple[str, str]:
    syllables = [y for y in lazy_pinyin(given, style=Style.NORMAL, errors="ignore")
                 if y.isascii() and y.isalpha()]
    return "".join(syllables), "".join(y[0] for y in syllables)


def fast_search_keys(name: str) -> tuple[str, str]:
    """:func:`search_keys` for a stored (clean) name, from cached halves: the rules read a
    Chinese name's surname apart (compound ones as a unit) and the given name on its own, so
    surname keys + given-name keys are the same keys; given names repeat far more than whole
    names, which is what makes a large import or the demo fast. Other names go the long way."""
    if not _HAN_NAME.fullmatch(name):
        return search_keys(name)
    cut = 2 if name[:2] in COMPOUND_SURNAMES else 1
    surname, given = _surname_keys(name[:cut]), _given_keys(name[cut:]) if name[cut:] else ("", "")
    return surname[0] + given[0], surname[1] + given[1]


_keys = fast_search_keys
_id_type = lru_cache(maxsize=256)(IdType.parse)


def _optional(raw: str | None, clean, **kwargs) -> str:
    """An optional text field: empty stays empty without further work (imports are mostly so)."""
    if not raw or raw.isspace():
        return ""
    return clean(raw, required=False, **kwargs)


class _Problems(list):
    """The bad fields found so far; ``take`` runs one field's cleaner."""

    def take(self, clean, *args, **kwargs):
        try:
            return clean(*args, **kwargs)
        except ValidationError as problem:
            self.append(problem)
            return None


def clean_input(data: CustomerInput, *, today: date, kept=None) -> dict:
    """The stored values for ``data`` (columns of ``customer``, without ids and bookkeeping),
    plus the clear ``id_number`` and ``phone`` the caller seals and never stores (the masked
    copies ``id_masked`` and ``phone_masked`` are among the columns); every bad field is found
    before anything is refused.

    ``kept`` is the stored customer of an edit: an ID number or phone left empty keeps the
    stored one (the form never holds them in full) and is then left out of the values, its
    birthday and gender, where the ID number carries them, staying as stored."""
    problems = _Problems()
    cif_no = problems.take(clean_cif, data.cif_no)
    name = problems.take(clean_name, data.name)
    id_type = problems.take(_id_type, data.id_type if isinstance(data.id_type, str) else "")
    keep_id = kept is not None and not (data.id_number or "").strip()
    if keep_id and id_type is not None and id_type.value != kept.id_type:
        problems.append(ValidationError(QT_TRANSLATE_NOOP("errors", "is required when the ID type changes"),
                                        field=ID_NUMBER))
    id_number = problems.take(clean_id_number, id_type, data.id_number, today=today) if id_type and not keep_id else None
    gender = problems.take(parse_gender, data.gender)
    birthday = problems.take(parse_birthday, data.birthday, today=today)
    keep_phone = kept is not None and not (data.phone or "").strip()
    phone = None if keep_phone else problems.take(_optional, data.phone, clean_phone)
    email = problems.take(_optional, data.email, clean_email)
    address = problems.take(_optional, data.address, clean_text, field=ADDRESS, max_length=200)
    postcode = problems.take(_optional, data.postcode, clean_postcode)
    employer = problems.take(_optional, data.employer, clean_text, field=EMPLOYER, max_length=100)
    department = problems.take(_optional, data.department, clean_text, field=DEPARTMENT, max_length=100)
    title = problems.take(_optional, data.title, clean_text, field=TITLE, max_length=60)
    occupation = problems.take(_optional, data.occupation, clean_text, field=OCCUPATION, max_length=60)
    notes = problems.take(_optional, data.notes, clean_text, field=NOTES, max_length=2000, multiline=True)
    raise_all(problems)
    if id_type is IdType.RESIDENT_ID and keep_id:
        # the stored number carries them and was checked when it was stored
        birthday, gender = kept.birthday, Gender(kept.gender)
    elif id_type is IdType.RESIDENT_ID:
        assert id_number is not None, "a new resident ID number was cleaned, and raise_all found no problem"
        if birthday is not None or gender is not None:
            check_matches_id(id_type, id_number, birthday=birthday, gender=gender, today=today)
        # clean_id_number has checked the number and its date: read them off directly
        birthday = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
        gender = Gender.MALE if int(id_number[16]) % 2 else Gender.FEMALE
    elif gender is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "is required"), field=GENDER)
    pinyin, initials = _keys(name)
    values = dict(
        cif_no=cif_no, name=name, name_pinyin=pinyin[:300], name_initials=initials[:60],
        gender=gender.value, id_type=id_type.value, birthday=birthday,
        email=email, address=address, postcode=postcode, employer=employer, department=department,
        title=title, occupation=occupation, notes=notes,
    )
    if id_number is not None:
        values |= {"id_number": id_number, "id_masked": mask_id(id_number)}
    if phone is not None:
        values |= {"phone": phone, "phone_masked": mask_phone(phone)}
    return values
