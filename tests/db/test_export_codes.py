"""Exports name codes as staff read them (issue 31): in the Chinese UI a status, a kind, a tier, an
audit action are written in Chinese (``active`` → 有效), through the one export helper
(app.outfile.export_csv); ``export --english`` keeps the codes. One case per export kind, on the
demo store."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import main
from app.audit.trail import EXPORT_HEADER as AUDIT_HEADER
from app.cards.rules import CARD_STATUS_LABELS
from app.catalogue import translator
from app.glossary import AUDIT_ACTIONS, AUDIT_ENTITIES, TIER_LABELS
from app.queue.rules import STATE_LABELS as TICKET_STATES
from app.stock.common import LOCATION_KIND_LABELS
from app.stock.rules import STATE_LABELS as STOCK_STATES
from app.tiers.evaluation import FIRST_CARD, UPGRADE, evaluate_tiers, export_worklist
from app.tiers.rules import CARD_TYPE_LABELS

# kind -> (column, context, labels, a name the demo surely writes in that column)
CODE_COLUMNS = {
    "customers": [(3, "tiers", TIER_LABELS, "普通")],
    "cards": [(4, "card_types", CARD_TYPE_LABELS, "白金卡"), (7, "card_status", CARD_STATUS_LABELS, "有效")],
    "stock": [(1, "card_types", CARD_TYPE_LABELS, "白金卡"), (2, "stock_states", STOCK_STATES, "在库"),
              (5, "StockTables", LOCATION_KIND_LABELS, "金库")],
    "tickets": [(3, "tiers", TIER_LABELS, "普通"), (5, "queue_states", TICKET_STATES, "已办结")],
    "audit": [(4, "audit", AUDIT_ACTIONS, None), (5, "audit", AUDIT_ENTITIES, "贵宾卡")],
}


def _read(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))[1:]


@pytest.mark.parametrize("kind", sorted(CODE_COLUMNS))
def test_code_columns_in_chinese_and_codes_in_english(sqlite_demo_store, tmp_path, kind, capsys):
    url = str(sqlite_demo_store.engine.url)
    assert main.main(["export", kind, str(tmp_path / "zh.csv"), "--db", url]) == 0
    assert main.main(["export", kind, str(tmp_path / "en.csv"), "--english", "--db", url]) == 0
    capsys.readouterr()
    chinese, english = _read(tmp_path / "zh.csv"), _read(tmp_path / "en.csv")
    assert chinese and len(english) - len(chinese) == (kind == "audit")   # the audit trail: one export more
    say = translator()
    for column, context, labels, sample in CODE_COLUMNS[kind]:
        codes = {row[column] for row in english[:len(chinese)]}
        assert codes & set(labels), (kind, column, codes)             # the English export keeps codes
        names = {row[column] for row in chinese}
        assert names == {say(context, labels[c]) if c in labels else c for c in codes}, (kind, column)
        assert not names & set(labels), (kind, column, names & set(labels))
        if sample is not None:
            assert sample in names, (kind, column, names)
    if kind == "audit":   # the rest of a row is the same in both
        other = [i for i in range(len(AUDIT_HEADER)) if i not in (4, 5)]
        assert [[r[i] for i in other] for r in chinese] == [[r[i] for i in other] for r in english[:len(chinese)]]


def test_a_worklist_names_its_tiers_and_cards(sqlite_demo_store, batch, tmp_path):
    result = evaluate_tiers(sqlite_demo_store, batch)
    say = translator()
    for kind in (UPGRADE, FIRST_CARD):
        export_worklist(sqlite_demo_store, batch, result.evaluation_id, kind, tmp_path / "zh.csv", say=say)
        export_worklist(sqlite_demo_store, batch, result.evaluation_id, kind, tmp_path / "en.csv")
        chinese, english = _read(tmp_path / "zh.csv"), _read(tmp_path / "en.csv")
        assert chinese, kind
        for zh, en in zip(chinese, english):
            assert en[6] in TIER_LABELS and zh[6] == say("tiers", TIER_LABELS[en[6]])
            assert zh[7] == (say("card_types", CARD_TYPE_LABELS[en[7]]) if en[7] else "")
        if kind == UPGRADE:
            assert {r[7] for r in english} & set(CARD_TYPE_LABELS) and "白金卡" in {r[7] for r in chinese}
