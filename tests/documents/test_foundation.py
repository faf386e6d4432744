"""The PDF foundation: registered documents with the embedded font, QR codes that verify from
the rendered page, copies, the register, the font check and saving safely."""

from __future__ import annotations

import errno
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.business_day import day_start
from app import outfile
from app.documents import files, fonts
from app.documents.pdf import Table
from app.documents.qr import Status
from app.documents.register import (
    PieceData, RegisterFilter, attach_scan, make_document, record_print, register_page, reprint,
)
from app.documents.verify import verify_document
from app.errors import NotFound, ValidationError
from app.store import Store
from db.models import Branch, DocumentRecord, DocumentTemplate
from tests.db.helpers import actor_named
from tests.documents.support import UNMASKED_ID, page_images, pdf_text, qr_codes, text_positions

LONG_NAME = "欧阳璩" + "司马慕容诸葛" * 9 + "上官氏"    # 60 characters
LONG_ADDRESS = "北京市朝阳区望京街道" + "阜通东大街六号院望京SOHO塔三B座" * 8


def agreement_fields(name="张三", address="北京市朝阳区望京街道 8 号", card_type="platinum") -> dict:
    return {"customer_name": name, "salutation": "先生", "customer_address": address,
            "customer_postcode": "100102", "card_type_name": "白金卡", "card_type": card_type,
            "card_masked": "622202******1234", "tier_name": "白金客户", "valid_from": "2026-11-27",
            "valid_until": "2028-11-30", "id_type_name": "居民身份证", "id_masked": "110***********1234",
            "application_kind": "新领"}


def branch_id(store, code="BJ0101") -> int:
    with store.read() as session:
        return session.scalar(select(Branch.id).where(Branch.code == code))


def make_agreement(store, actor, **fields):
    return make_document(store, actor, kind="agreement", template_key="agreement", subject="贵宾服务协议 张三",
                         branch_id=branch_id(store), pieces=[PieceData(agreement_fields(**fields))],
                         subject_ref="card:1")


def test_agreement_text_is_extractable_and_its_qr_verifies_from_the_page(demo_store):
    teller = actor_named(demo_store, "teller")
    made = make_agreement(demo_store, teller)
    pages = pdf_text(made.pdf)
    text = "".join(pages)
    for expected in ("贵宾服务协议", "张三", "110***********1234", "622202******1234", "白金卡",
                     "北京朝阳支行", "2028-11-30", "甲方（客户）签名", made.number):
        assert expected in text
    for number, page in enumerate(pages, 1):
        assert f"第 {number} 页 共 {len(pages)} 页" in page
    assert not re.search(UNMASKED_ID, text)
    images = page_images(made.pdf)
    assert len(images) == made.pages == len(pages)
    for image in images:
        codes = qr_codes(image)
        assert len(codes) == 1
        verdict = verify_document(demo_store, teller, codes[0])
        assert verdict.status is Status.GENUINE
        assert verdict.described.number == made.number and verdict.described.kind == "agreement"


def test_the_font_is_embedded_as_a_subset(demo_store):
    made = make_agreement(demo_store, actor_named(demo_store, "teller"))
    from pypdf import PdfReader
    import io

    fonts_used = set()
    for page in PdfReader(io.BytesIO(made.pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()
            fonts_used.add(descendant["/BaseFont"])
    assert fonts_used and all(re.match(r"/[A-Z]{6}\+", name) for name in fonts_used)


def test_the_register_records_what_was_made(demo_store):
    teller = actor_named(demo_store, "teller")
    made = make_agreement(demo_store, teller)
    with demo_store.read() as session:
        row = session.get(DocumentRecord, made.id)
        assert (row.kind, row.template_key, row.template_version, row.made_by_name, row.pages) == (
            "agreement", "agreement", 2, "teller", made.pages)
        import hashlib

        assert row.sha256 == hashlib.sha256(made.pdf).hexdigest()
        kept = session.scalars(select(DocumentTemplate.key).where(DocumentTemplate.source == "shipped")).all()
        assert {"agreement", "letterhead", "tier_rights"} <= set(kept)
    assert record_print(demo_store, teller, made.id) == 1
    assert record_print(demo_store, teller, made.id, copies=2) == 3
    rows = register_page(demo_store, teller, RegisterFilter(kind="agreement"))
    assert rows[0].number == made.number and rows[0].printed == 3


def test_a_reprint_is_a_registered_copy_marked_on_every_page(demo_store):
    teller = actor_named(demo_store, "teller")
    made = make_agreement(demo_store, teller)
    copy = reprint(demo_store, teller, made.id)
    assert copy.number != made.number and copy.pages == made.pages
    pages = pdf_text(copy.pdf)
    assert all("副本" in page for page in pages)
    assert f"原件编号 {made.number}" in pages[0]
    assert "副本" not in "".join(pdf_text(made.pdf))
    row = register_page(demo_store, teller, RegisterFilter(text=copy.number))[0]
    assert row.copy_of == made.number
    originals = register_page(demo_store, teller, RegisterFilter(copies=False))
    assert copy.number not in {r.number for r in originals}
    verdict = verify_document(demo_store, teller, qr_codes(page_images(copy.pdf, last=1)[0])[0])
    assert verdict.genuine and verdict.described.copy


def test_a_60_character_name_and_a_long_address_wrap_inside_the_page(demo_store):
    teller = actor_named(demo_store, "teller")
    short = make_agreement(demo_store, teller)
    long = make_agreement(demo_store, teller, name=LONG_NAME, address=LONG_ADDRESS)
    assert len(LONG_NAME) == 60
    text = "".join(pdf_text(long.pdf)).replace("\n", "")
    assert LONG_NAME in text and LONG_ADDRESS.replace(" ", "") in text.replace(" ", "")
    assert long.pages >= short.pages
    width = 210 * 72 / 25.4
    for page, x, y, run in text_positions(long.pdf):
        assert 0 <= x < width - 20, (page, x, run)
    # The name wraps: its runs start at the left margin on more than one line.
    name_lines = {round(y) for page, x, y, run in text_positions(long.pdf) if "司马慕容" in run}
    assert len(name_lines) >= 2


def test_a_report_table_longer_than_a_page_repeats_its_header(demo_store):
    rows = [[str(i), f"序号 {i:06d}", "在库", "", "", "", "", "", ""] for i in range(150)]
    made = make_document(demo_store, actor_named(demo_store, "manager"), kind="report_stock_count",
                         template_key="report_stock_count", subject="盘点表", branch_id=branch_id(demo_store),
                         pieces=[PieceData({"count_from": "2026-11-01", "count_to": "2026-11-27",
                                            "count_total": "150", "disagree_count": "0"},
                                           (Table((), rows),))])
    pages = pdf_text(made.pdf)
    assert len(pages) >= 3
    assert all(f"共 {len(pages)} 页" in page for page in pages)
    with_rows = [page for page in pages if "在库" in page]
    assert len(with_rows) >= 3 and all("监盘人" in page for page in with_rows)  # the header repeats
    assert "序号 000149" in pages[-1] or "序号 000149" in pages[-2]


def test_the_register_filters_by_the_day_a_document_was_made_in_beijing(demo_store):
    """Made at 00:30 in Beijing (the day before in UTC): found under its Beijing day only."""
    today = demo_store.today()
    store = Store(demo_store.engine, clock=lambda: day_start(today) + timedelta(minutes=30), keys=demo_store.keys)
    manager = actor_named(store, "manager")
    made = make_document(store, manager, kind="report_stock_count", template_key="report_stock_count",
                         subject="盘点表 午夜后", branch_id=branch_id(store),
                         pieces=[PieceData({"count_from": "2026-11-01", "count_to": "2026-11-27",
                                            "count_total": "0", "disagree_count": "0"}, (Table((), []),))])

    def found(day):
        return [r.number for r in register_page(store, manager, RegisterFilter(
            text=made.number, made_from=day, made_to=day))]

    assert found(today) == [made.number]
    assert found(today - timedelta(days=1)) == []


def test_a_scan_of_the_signed_agreement_is_recorded_by_its_hash(demo_store, tmp_path):
    teller = actor_named(demo_store, "teller")
    made = make_agreement(demo_store, teller)
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(made.pdf)
    import hashlib

    assert attach_scan(demo_store, teller, made.id, scan) == hashlib.sha256(made.pdf).hexdigest()
    text = tmp_path / "notes.txt"
    text.write_text("not a scan")
    with pytest.raises(ValidationError, match="PDF or an image"):
        attach_scan(demo_store, teller, made.id, text)


def test_another_branch_sees_no_such_document(sqlite_demo_store):
    made = make_agreement(sqlite_demo_store, actor_named(sqlite_demo_store, "teller"))
    with pytest.raises(NotFound):
        reprint(sqlite_demo_store, actor_named(sqlite_demo_store, "sh_teller"), made.id)
    assert register_page(sqlite_demo_store, actor_named(sqlite_demo_store, "sh_teller")) == []


def test_a_cancelled_document_is_not_registered_and_verifies_unknown(sqlite_demo_store):
    from app.errors import Cancelled

    teller = actor_named(sqlite_demo_store, "teller")
    with pytest.raises(Cancelled):
        make_document(sqlite_demo_store, teller, kind="agreement", template_key="agreement", subject="x",
                      branch_id=branch_id(sqlite_demo_store), pieces=[PieceData(agreement_fields())],
                      progress=lambda done, total: False)
    with sqlite_demo_store.read() as session:
        assert session.scalar(select(func.count()).select_from(DocumentRecord)) == 0
    from app.documents.qr import sign, signing_key

    payload = sign(signing_key(sqlite_demo_store, teller), "D", "ABCDEFGHJK")
    verdict = verify_document(sqlite_demo_store, teller, payload)
    assert verdict.status is Status.UNKNOWN and "no such document" in verdict.reason


def test_a_missing_font_is_a_clear_error(tmp_path):
    with pytest.raises(fonts.DocumentsUnavailable, match="missing or cannot be read"):
        fonts.check_font(tmp_path / "gone.ttc")
    broken = tmp_path / "broken.ttc"
    broken.write_bytes(b"not a font at all")
    with pytest.raises(fonts.DocumentsUnavailable, match=str(broken)):
        fonts.register_font(broken)
    assert fonts.check_font() == fonts.font_path()


def test_saving_on_a_full_disk_leaves_nothing_behind(tmp_path, monkeypatch):
    target = tmp_path / "agreement.pdf"
    target.write_bytes(b"%PDF-1.4 the earlier file")
    real_fsync = outfile.os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(outfile.os, "fsync", full)
    with pytest.raises(ValidationError, match="disk is full"):
        files.save_pdf(b"%PDF-1.4 new bytes", target)
    assert target.read_bytes() == b"%PDF-1.4 the earlier file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["agreement.pdf"]
    monkeypatch.setattr(outfile.os, "fsync", real_fsync)
    files.save_pdf(b"%PDF-1.4 new bytes", target)
    assert target.read_bytes() == b"%PDF-1.4 new bytes"
    with pytest.raises(ValidationError, match="could not be written"):
        files.save_pdf(b"x", tmp_path / "no-such-folder" / "a.pdf")
