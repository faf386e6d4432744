"""Document generation: one service agreement (budget 40 ms) and 1,000 renewal-due letters in
one PDF (budget 15 s), each beside a minimal reportlab document in the same font measured in the
same run (one CJK paragraph on one page; for the batch, 1,000 such pages)."""

from __future__ import annotations

import io
import time

from sqlalchemy import select

from app.actor import Actor
from app.documents.fonts import register_font
from app.documents.register import PieceData, make_document
from db.models import Branch
from tests.bench.conftest import median, record

RUNS = 15
LETTERS = 1000


def _minimal(pages: int) -> bytes:
    """The baseline: reportlab's simplest platypus document, one short CJK paragraph a page."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = ParagraphStyle("b", fontName=register_font(), fontSize=10.5, leading=16, wordWrap="CJK")
    buffer = io.BytesIO()
    story = []
    for page in range(pages):
        if page:
            story.append(PageBreak())
        story.append(Paragraph(f"尊敬的客户：您的贵宾卡即将到期，请到网点办理续卡。第 {page + 1} 页", style))
    SimpleDocTemplate(buffer).build(story)
    return buffer.getvalue()


def _fields(n: int) -> dict:
    return {"customer_name": f"客户{n:04d}", "salutation": "先生", "customer_address": "北京市朝阳区望京街道 8 号院",
            "customer_postcode": "100102", "card_type_name": "白金卡", "card_type": "platinum",
            "card_masked": f"622202******{n:04d}", "tier_name": "白金客户", "valid_from": "2024-12-01",
            "valid_until": "2026-12-31", "id_type_name": "居民身份证", "id_masked": "110***********1234",
            "application_kind": "新领"}


def _timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def test_one_agreement_and_a_batch_of_renewal_letters(sqlite_demo_store):
    store, actor = sqlite_demo_store, Actor.batch("bench")
    with store.read() as session:
        branch_id = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))

    def agreement():
        make_document(store, actor, kind="agreement", template_key="agreement", subject="贵宾服务协议 bench",
                      branch_id=branch_id, pieces=[PieceData(_fields(1))])

    agreement(), _minimal(1)  # font, templates, signing key: once per process
    single, baseline = [], []
    for _ in range(RUNS):  # interleaved, so drift in the machine's load hits both alike
        single.append(_timed(agreement))
        baseline.append(_timed(lambda: _minimal(1)))
    record("one agreement PDF (rendered, registered)", "median", median(single),
           "minimal reportlab document", median(baseline), "≤ 40 ms", median(single) <= 40)

    letters = [PieceData(_fields(n)) for n in range(LETTERS)]
    batch = _timed(lambda: make_document(store, actor, kind="renewal_batch", template_key="letter_renewal_due",
                                         subject="到期续卡提示函 bench", branch_id=branch_id, pieces=letters,
                                         batch=True))
    batch_baseline = _timed(lambda: _minimal(LETTERS))
    record(f"{LETTERS:,} renewal-due letters in one PDF", "one run", batch / 1000,
           f"minimal reportlab, {LETTERS:,} pages", batch_baseline / 1000, "≤ 15 s", batch <= 15_000, unit="s")
