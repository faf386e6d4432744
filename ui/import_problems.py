"""The bad lines of an import (customers, AUM), listed by line number and reason: one table
definition for every import screen."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ui.messages import translate


def problem_text(problem) -> str:
    """A line problem's reason in the current language ("<field>: <reason>" as error texts)."""
    params = dict(problem.params)
    field = params.pop("field", None)
    template = problem.template
    if field is not None and template.startswith("{field}: "):
        template = template[len("{field}: "):]
    try:
        reason = translate("errors", template).format(**params)
    except (KeyError, IndexError, ValueError):
        reason = template.format(**params)
    if field is None:
        return reason
    return translate("errors", "{field}: {reason}").format(field=translate("fields", field), reason=reason)


PROBLEM_COLUMNS = (
    (QT_TRANSLATE_NOOP("TierTables", "Line"), lambda p: str(p.line)),
    (QT_TRANSLATE_NOOP("TierTables", "Reason"), problem_text),
)
