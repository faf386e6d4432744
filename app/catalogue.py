"""The translation catalogues read without Qt, for what the command line writes in Chinese.

The screens translate with Qt's compiled catalogues (``resources/i18n/*_zh_CN.qm``, loaded by
``ui/resources.py``). The command line has no Qt application, yet its exports must read as the
screens' do: their column headers in Chinese unless English is asked for. This module reads the
same catalogues' sources (``*_zh_CN.ts``, Qt Linguist's XML, shipped beside the ``.qm``) and
answers (context, source text) with the finished translation, or the source text where there is
none. One (context, source) has one translation across the catalogues
(``tests/test_catalogues.py`` holds them to it), so the catalogues merge without a winner.

Pure: the standard library's XML reader, no Qt, no database.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
CHINESE = "zh_CN"


def translations(folder: Path = I18N_DIR, language: str = CHINESE) -> dict[tuple[str, str], dict[str, str]]:
    """Every finished translation of the catalogues in ``folder``: (context, source) -> {file
    name: translation}. Unfinished, vanished and obsolete entries and plural forms are left out,
    as Qt's ``lrelease`` leaves them out of the ``.qm``."""
    found: dict[tuple[str, str], dict[str, str]] = {}
    for path in sorted(folder.glob(f"*_{language}.ts")):
        for context in ElementTree.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if (translation is None or message.get("numerus") == "yes"
                        or translation.get("type") in ("unfinished", "vanished", "obsolete")):
                    continue
                source = message.findtext("source") or ""
                found.setdefault((name, source), {})[path.name] = translation.text or ""
    return found


@cache
def _merged(folder: Path, language: str) -> dict[tuple[str, str], str]:
    return {key: next(iter(by_file.values())) for key, by_file in translations(folder, language).items()}


def translator(language: str = CHINESE, folder: Path = I18N_DIR) -> Callable[[str, str], str]:
    """(context, source) -> the text in ``language``: the catalogues' translation, else the
    source text (English), as Qt's translate answers."""
    table = _merged(folder, language)
    return lambda context, text: table.get((context, text)) or text
