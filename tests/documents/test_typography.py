"""Every document kind, read back as a compliance officer's tools read it (pdftotext, pdffonts,
pdfinfo): no line starts with closing punctuation or ends with an opening bracket, no doubled
客户, no staff username where a person's name belongs, every font embedded, the metadata
present (title, the bank as author, a creation date of today, not reportlab's 2000-01-01);
letters and agreements dated the formal way; the agreement's 业务类型 in the screens' words."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cards.rules import KIND_LABELS
from app.documents.linebreak import bad_breaks
from app.documents.wording import APPLICATION_KIND_NAMES
from db.models import StaffAccount
from tests.documents.every_kind import every_document

ROOT = Path(__file__).resolve().parents[2]
LETTERS = ("agreement", "downgrade", "expired", "renewal", "renewal_due", "replacement", "upgrade", "welcome",
           "renewal_batch")


def _tool(*argv: str) -> str:
    if shutil.which(argv[0]) is None:
        pytest.skip(f"{argv[0]} (poppler-utils) is not installed")
    return subprocess.run(argv, capture_output=True, text=True, check=True, timeout=60).stdout


@pytest.fixture(scope="module")
def documents(tmp_path_factory, sqlite_demo_template):
    from app.store import Store
    from db.engine import make_engine

    folder = tmp_path_factory.mktemp("every-kind")
    shutil.copyfile(sqlite_demo_template, folder / "demo.sqlite3")
    engine = make_engine(f"sqlite:///{folder / 'demo.sqlite3'}")
    store = Store(engine)
    with store.read() as session:
        usernames = set(session.scalars(select(StaffAccount.username)))
    paths = {}
    for kind, data in every_document(store).items():
        paths[kind] = folder / f"{kind}.pdf"
        paths[kind].write_bytes(data)
    engine.dispose()
    return paths, usernames


def test_every_kind_is_made(documents):
    paths, _ = documents
    assert {"agreement", "welcome", "renewal_batch", "report_destruction", "report_queue_day",
            "report_stock_count", "report_stock_reconciliation", "report_tier_worklist", "report_clerk_performance", "ticket_slip"} <= set(paths)


@pytest.mark.parametrize("layout", [True, False])
def test_text_of_every_kind(documents, layout):
    paths, usernames = documents
    for kind, path in paths.items():
        text = _tool("pdftotext", *(["-layout"] if layout else []), str(path), "-")
        lines = text.splitlines()
        assert not bad_breaks(lines), (kind, bad_breaks(lines))
        assert "客户客户" not in text, kind
        words = set(re.findall(r"[A-Za-z][A-Za-z0-9_]*", text))
        assert not words & usernames, (kind, words & usernames)
        if kind in LETTERS:
            assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", text), kind
            assert not re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]{2,}支行|支行 [\u4e00-\u9fff]", text), kind


def test_fonts_embedded_and_metadata(documents):
    paths, _ = documents
    for kind, path in paths.items():
        fonts = _tool("pdffonts", str(path)).splitlines()[2:]
        assert fonts, kind
        for row in fonts:
            assert " yes yes " in row, (kind, row)  # embedded, subset
        info = dict(line.split(":", 1) for line in _tool("pdfinfo", "-isodates", str(path)).splitlines() if ":" in line)
        assert info["Title"].strip() and info["Author"].strip() == "示范银行股份有限公司", kind
        made = date.fromisoformat(info["CreationDate"].strip()[:10])  # now, not reportlab's 2000-01-01
        assert abs((made - date.today()).days) <= 1, (kind, info["CreationDate"])


def test_the_agreement_says_what_the_screens_say(documents):
    paths, _ = documents
    catalogue = ET.parse(ROOT / "resources" / "i18n" / "cards_zh_CN.ts").getroot()
    screens = {message.findtext("source"): message.findtext("translation")
               for context in catalogue if context.findtext("name") == "card_kinds"
               for message in context.iter("message")}
    assert {kind: screens[label] for kind, label in KIND_LABELS.items()} == APPLICATION_KIND_NAMES
    text = _tool("pdftotext", str(paths["agreement"]), "-")
    assert any("业务类型：" + name in text for name in APPLICATION_KIND_NAMES.values())
