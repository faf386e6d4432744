"""Card documents from the card capability's paperwork: every kind rendered from its own
template with the card's masked data, QR verified from the page image, printing marks the
paperwork printed with the document's id; the renewal batch and its command line."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cards.paperwork import cards_expiring_in_month, letter_data, paperwork_due
from app.documents.letters import TEMPLATE_FOR, make_card_document, record_card_print, renewal_letters
from app.documents.register import RegisterFilter, register_page
from app.documents.verify import verify
from app.errors import ValidationError
from db.models import VipCard
from tests.db.helpers import actor_named
from tests.documents.support import UNMASKED_ID, page_images, pdf_text, qr_codes

ROOT = Path(__file__).resolve().parents[2]


def _a_card(store, status="active") -> int:
    with store.read() as session:
        return session.scalar(select(VipCard.id).where(VipCard.status == status).order_by(VipCard.id))


def _next_month_with_cards(store, actor) -> tuple[int, int, list]:
    today = store.clock().date()
    for ahead in range(1, 4):
        year, month = today.year + (today.month + ahead - 1) // 12, (today.month + ahead - 1) % 12 + 1
        cards = cards_expiring_in_month(store, actor, branch_code="BJ0101", year=year, month=month)
        if cards:
            return year, month, cards
    raise AssertionError("the demo has cards expiring in each of the next three months")


@pytest.mark.parametrize("kind", sorted(TEMPLATE_FOR))
def test_every_card_document_kind(sqlite_demo_store, kind):
    store = sqlite_demo_store
    teller = actor_named(store, "teller")
    card_id = _a_card(store, "expired" if kind == "expired" else "active")
    data = letter_data(store, teller, card_id)
    made = make_card_document(store, teller, card_id, kind).made
    pages = pdf_text(made.pdf)
    text = "".join(pages).replace("\n", "")
    for expected in (data.customer_name, data.card_number_masked, data.expires_on.isoformat(), data.branch_name):
        assert expected in text, (kind, expected)
    if kind == "agreement":
        for expected in ("贵宾服务协议", data.id_masked, "甲方（客户）签名", "乙方（银行）经办人签名并盖章", "第三条"):
            assert expected in text
    assert not re.search(UNMASKED_ID, text)
    for number, page in enumerate(pages, 1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
    for image in page_images(made.pdf, dpi=110):
        verdict = verify(store, teller, qr_codes(image)[0])
        assert verdict.genuine and verdict.described.number == made.number
    assert register_page(store, teller, RegisterFilter(text=made.number))[0].kind == made.kind


def test_printing_marks_the_paperwork_printed_with_the_document(sqlite_demo_store):
    store = sqlite_demo_store
    teller = actor_named(store, "teller")
    due = paperwork_due(store, teller)
    assert due
    row = due[0]
    document = make_card_document(store, teller, row.card_id, row.kind, paperwork_id=row.id)
    assert row.id in {r.id for r in paperwork_due(store, teller)}  # made, not printed yet
    assert record_card_print(store, teller, document, 1) == 1
    assert row.id not in {r.id for r in paperwork_due(store, teller)}
    printed = [r for r in paperwork_due(store, teller, card_id=row.card_id, include_printed=True) if r.id == row.id]
    assert printed[0].printed_count == 1 and printed[0].document_id == document.made.id


def test_the_renewal_batch_is_one_pdf_with_a_letter_per_card(sqlite_demo_store):
    store = sqlite_demo_store
    teller = actor_named(store, "teller")
    year, month, cards = _next_month_with_cards(store, teller)
    made = renewal_letters(store, teller, branch_code="BJ0101", year=year, month=month)
    assert len(made.piece_pages) == len(cards) and made.pages == sum(made.piece_pages)
    pages = pdf_text(made.pdf)
    text = "".join(pages)
    for card in cards:
        assert card.customer_name in text and card.card_number_masked in text
    assert not re.search(UNMASKED_ID, text)
    assert all("共 1 页" in page for page in pages) or made.pages > len(cards)
    last = page_images(made.pdf, dpi=110, first=made.pages, last=made.pages)[0]
    verdict = verify(store, teller, qr_codes(last)[0])
    assert verdict.genuine and verdict.described.item == len(cards) and verdict.described.items == len(cards)
    assert cards[-1].customer_name in verdict.described.subject


def test_a_month_without_expiring_cards_is_refused(sqlite_demo_store):
    with pytest.raises(ValidationError, match="no renewal letter"):
        renewal_letters(sqlite_demo_store, actor_named(sqlite_demo_store, "teller"), branch_code="BJ0101",
                        year=2099, month=1)


def test_letters_renewals_on_the_command_line(tmp_path, sqlite_demo_store):
    url = str(sqlite_demo_store.engine.url)
    year, month, cards = _next_month_with_cards(sqlite_demo_store, actor_named(sqlite_demo_store, "teller"))
    sqlite_demo_store.engine.dispose()
    out = tmp_path / "renewals.pdf"

    def run(*argv):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True,
                              timeout=180, cwd=ROOT)

    done = run("letters", "renewals", "--branch", "BJ0101", "--month", f"{year}-{month:02d}", "--out", str(out),
               "--db", url)
    assert done.returncode == 0, done.stderr
    assert f"{len(cards)} renewal-due letters" in done.stdout
    assert len(pdf_text(out.read_bytes())) >= len(cards)
    for argv, words in ((["--month", "2026-13"], "not a month"), (["--month", "2099-01"], "no renewal letter"),
                        (["--month", f"{year}-{month:02d}", "--branch", "NOPE"], "does not exist")):
        args = ["letters", "renewals", "--branch", "BJ0101", "--out", str(tmp_path / "x.pdf"), "--db", url, *argv]
        done = run(*args)
        lines = done.stderr.strip().splitlines()
        assert done.returncode == 2 and len(lines) == 1 and words in lines[0] and "Traceback" not in done.stderr
    assert not (tmp_path / "x.pdf").exists()
