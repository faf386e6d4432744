"""``python main.py doc verify PAYLOAD``: exit 0 and one line when genuine, non-zero otherwise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from app.actor import Actor
from app.documents.register import PieceData, make_document
from app.opening import open_store
from db.models import Branch

ROOT = Path(__file__).resolve().parents[2]


def run(*argv):
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)


def test_doc_verify(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    assert run("db", "upgrade", "--db", url).returncode == 0
    assert run("demo", "--db", url, "--customers", "0").returncode == 0
    store = open_store(url)
    actor = Actor.batch("test")
    with store.read() as session:
        branch_id = session.scalar(select(Branch.id).where(Branch.code == "BJ0101"))
    made = make_document(store, actor, kind="report_stock_count", template_key="report_stock_count",
                         subject="盘点表 BJ0101", branch_id=branch_id,
                         pieces=[PieceData({"count_from": "2026-11-01", "count_to": "2026-11-27",
                                            "count_total": "0", "disagree_count": "0"})])
    payload = made.payloads[0]
    store.engine.dispose()

    done = run("doc", "verify", payload, "--db", url)
    assert done.returncode == 0
    assert done.stdout.strip().splitlines() == [done.stdout.strip()]
    assert done.stdout.startswith("GENUINE: report_stock_count " + made.number) and "BJ0101" in done.stdout

    for bad, word in [(payload[:-1] + ("A" if payload[-1] != "A" else "B"), "ALTERED"),
                      (payload[:20], "ALTERED"), ("hello world", "UNKNOWN")]:
        done = run("doc", "verify", bad, "--db", url)
        assert done.returncode == 1 and done.stdout == ""
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(word + ":") and "Traceback" not in done.stderr
