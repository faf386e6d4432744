"""Two operators import the same new month's AUM extract at once on PostgreSQL (issue 31): the
second waits for the first, then finds the values stored; it printed a UniqueViolation
traceback before."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import func, select

from app.actor import Actor
from app.tiers.aum_import import import_aum
from db.models import AumImport, AumMonth, Customer

ROOT = Path(__file__).resolve().parents[2]


def test_the_second_import_of_a_new_month_waits_for_the_first(pg_demo_store, tmp_path):
    store = pg_demo_store
    today = store.today()
    month = f"{today.year}-{today.month:02d}"
    with store.read() as session:
        cifs = session.scalars(select(Customer.cif_no).order_by(Customer.id).limit(50)).all()
        before = session.scalar(select(func.count()).select_from(AumMonth))
    path = tmp_path / "aum.csv"
    path.write_text("cif_no,month,avg_daily_aum\n" + "".join(f"{c},{month},{1000 + i}.25\n" for i, c in enumerate(cifs)))

    written, go_on, first = threading.Event(), threading.Event(), {}

    def hold_before_commit(done, total):
        if total and done == total:   # every row written, the transaction still open
            written.set()
            go_on.wait(60)

    def first_import():
        first["result"] = import_aum(store, Actor.batch("first"), path, progress=hold_before_commit)

    thread = threading.Thread(target=first_import)
    thread.start()
    assert written.wait(60)
    url = store.engine.url.render_as_string(hide_password=False)
    second = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "import-aum", str(path), "--db", url],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        second.wait(3)
        waited = False
    except subprocess.TimeoutExpired:
        waited = True          # it waits for the first import's turn
    go_on.set()
    thread.join(60)
    out, err = second.communicate(timeout=120)
    assert waited, (out, err)
    assert first["result"].rows_changed == len(cifs)
    assert second.returncode == 0 and err == "", err
    assert "0 values changed" in out and "(this file was imported before)" in out, out
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(AumMonth)) == before + len(cifs)
        assert session.scalar(select(func.count()).select_from(AumImport).where(
            AumImport.file_name == "aum.csv")) == 2
