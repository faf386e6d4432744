"""Card documents from the card capability's paperwork: every kind rendered from its own
template with the card's masked data, QR verified from the page image, printing marks the
paperwork printed with the document's id; the renewal batch and its command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cards.paperwork import cards_expiring_in_month, letter_data, paperwork_due
from app.cards.rules import RENEWAL_DUE
from app.documents.letters import TEMPLATE_FOR, make_card_document, record_card_print, renewal_letters
from app.documents.register import RegisterFilter, chinese_date, register_page
from app.documents.verify import verify_document
from app.errors import Cancelled, ValidationError
from db.models import AuditEvent, VipCard
from tests.db.helpers import actor_named
from tests.documents.support import UNMASKED_ID, page_images, pdf_text, qr_codes

ROOT = Path(__file__).resolve().parents[2]


def _a_card(store, status="active") -> int:
    with store.read() as session:
        return session.scalar(select(VipCard.id).where(VipCard.status == status).order_by(VipCard.id))


def _next_month_with_cards(store, actor) -> tuple[int, int, list]:
    today = store.today()
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
    for expected in (data.customer_name, data.card_number_masked, chinese_date(data.expires_on), data.branch_name):
        assert expected in text, (kind, expected)
    if kind == "agreement":
        for expected in ("贵宾服务协议", data.id_masked, "甲方（客户）签名", "乙方（银行）经办人签名并盖章", "第三条"):
            assert expected in text
    assert not re.search(UNMASKED_ID, text)
    for number, page in enumerate(pages, 1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
    for image in page_images(made.pdf, dpi=110):
        verdict = verify_document(store, teller, qr_codes(image)[0])
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
    # Every page carries its own letter's QR: genuine, this batch, this letter's place and card.
    letter_of_page = [i for i, count in enumerate(made.piece_pages) for _ in range(count)]
    images = page_images(made.pdf, dpi=110)
    assert len(images) == made.pages
    for page, image in enumerate(images):
        codes = qr_codes(image)
        assert len(codes) == 1, page
        verdict = verify_document(store, teller, codes[0])
        letter = letter_of_page[page]
        assert verdict.genuine and verdict.ident == f"{made.number}-{letter + 1}"
        d = verdict.described
        assert (d.number, d.item, d.items) == (made.number, letter + 1, len(cards))
        assert d.subject == f"{cards[letter].customer_name} {cards[letter].card_number_masked}"


def _renewal_paperwork(store, actor, card_ids) -> dict[int, object]:
    """card id -> its renewal-due paperwork row (printed or not), for the cards that have one."""
    found = {}
    for card_id in card_ids:
        for row in paperwork_due(store, actor, card_id=card_id, kinds=[RENEWAL_DUE], include_printed=True):
            found[card_id] = row
    return found


def test_a_renewal_batch_marks_every_card_printed_with_it(demo_store):
    store = demo_store
    teller = actor_named(store, "teller")
    year, month, cards = _next_month_with_cards(store, teller)
    ids = [c.card_id for c in cards]
    before = _renewal_paperwork(store, teller, ids)
    assert all(row.printed_count == 0 for row in before.values())
    made = renewal_letters(store, teller, branch_code="BJ0101", year=year, month=month)
    after = _renewal_paperwork(store, teller, ids)
    assert sorted(after) == sorted(ids)  # cards without the row yet got one
    for card_id, row in after.items():
        assert (row.printed_count, row.document_id) == (1, made.id), card_id
        assert row.last_printed_at is not None
    with store.read() as session:
        event = session.execute(select(AuditEvent.seq, AuditEvent.occurred_at, AuditEvent.after)
                                .where(AuditEvent.action == "card_paperwork.print_batch")).one()
        registered = session.execute(select(AuditEvent.seq, AuditEvent.occurred_at)
                                     .where(AuditEvent.action == "documents.make")
                                     .order_by(AuditEvent.seq.desc())).first()
    assert json.loads(event.after)["cards"] == ids and event.seq == registered.seq + 1
    assert event.occurred_at == registered.occurred_at  # one transaction, one moment
    again = renewal_letters(store, teller, branch_code="BJ0101", year=year, month=month)
    assert {r.printed_count for r in _renewal_paperwork(store, teller, ids).values()} == {2}
    assert {r.document_id for r in _renewal_paperwork(store, teller, ids).values()} == {again.id}


def test_a_cancelled_or_failed_renewal_batch_marks_nothing(demo_store, monkeypatch):
    import app.cards.paperwork as paperwork

    store = demo_store
    teller = actor_named(store, "teller")
    year, month, cards = _next_month_with_cards(store, teller)
    ids = [c.card_id for c in cards]
    before = _renewal_paperwork(store, teller, ids)
    with pytest.raises(Cancelled):
        renewal_letters(store, teller, branch_code="BJ0101", year=year, month=month,
                        progress=lambda done, total: done < total - 1)  # cancelled at the last letter
    real = paperwork.mark_batch_printed_in

    def mark_then_fail(*args, **kwargs):
        real(*args, **kwargs)
        raise OSError("the store went away while registering")

    monkeypatch.setattr(paperwork, "mark_batch_printed_in", mark_then_fail)
    with pytest.raises(OSError):
        renewal_letters(store, teller, branch_code="BJ0101", year=year, month=month)
    assert _renewal_paperwork(store, teller, ids) == before
    assert register_page(store, teller, RegisterFilter(kind="renewal_batch")) == []


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
