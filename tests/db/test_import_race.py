"""Two operators run the same import at once on PostgreSQL (issue 31): the second waits for the
first, then finds its rows stored and changes nothing. The second of two AUM imports of a new
month printed a UniqueViolation traceback before."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.actor import Actor
from app.customers.transfer import import_customers
from app.tiers.aum_import import import_aum
from db.models import AumMonth, Customer
from tests.db.test_customers import _valid

ROOT = Path(__file__).resolve().parents[2]


def _aum_file(store, path: Path) -> tuple[Path, type, str]:
    today = store.today()
    with store.read() as session:
        cifs = session.scalars(select(Customer.cif_no).order_by(Customer.id).limit(50)).all()
    path.write_text("cif_no,month,avg_daily_aum\n" + "".join(
        f"{c},{today.year}-{today.month:02d},{1000 + i}.25\n" for i, c in enumerate(cifs)))
    return path, AumMonth, "0 values changed"


def _customer_file(store, path: Path) -> tuple[Path, type, str]:
    path.write_text("cif_no,name,id_type,id_number,phone,branch_code\n" + "".join(
        f"RACE{i:06d},赵六,resident_id,{_valid(f'31010119750505{i:03d}')},1380013{i:04d},BJ0101\n"
        for i in range(50)), encoding="utf-8")
    return path, Customer, "0 changed (0 new, 0 updated)"


IMPORTS = {"import-aum": (import_aum, _aum_file), "import-customers": (import_customers, _customer_file)}


@pytest.mark.parametrize("command", list(IMPORTS))
def test_the_second_of_two_same_imports_waits_for_the_first(pg_demo_store, tmp_path, command):
    store = pg_demo_store
    service, make_file = IMPORTS[command]
    path, table, nothing_changed = make_file(store, tmp_path / "extract.csv")
    with store.read() as session:
        before = session.scalar(select(func.count()).select_from(table))

    held, go_on, first = threading.Event(), threading.Event(), {}

    def hold_at_the_end(done, total):
        if total and done == total:   # the file read, the first's turn held, nothing committed
            held.set()
            go_on.wait(60)

    thread = threading.Thread(target=lambda: first.setdefault(
        "result", service(store, Actor.batch("first"), path, progress=hold_at_the_end)))
    thread.start()
    assert held.wait(60)
    url = store.engine.url.render_as_string(hide_password=False)
    second = subprocess.Popen([sys.executable, str(ROOT / "main.py"), command, str(path), "--db", url],
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
    assert first["result"].rows_changed == 50
    assert second.returncode == 0 and err == "", err
    assert nothing_changed in out, out
    with store.read() as session:
        assert session.scalar(select(func.count()).select_from(table)) == before + 50
