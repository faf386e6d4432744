"""ID type and gender names in the current language (the app marks them for translation)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.customers.rules import Gender, IdType


def id_type_label(code: str) -> str:
    try:
        return QCoreApplication.translate("id_types", IdType(code).label)
    except ValueError:
        return code


def gender_label(code: str) -> str:
    try:
        return QCoreApplication.translate("genders", Gender(code).label)
    except ValueError:
        return code
