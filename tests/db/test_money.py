"""Money is exact end to end (issue 31): an amount read from the AUM extract is the amount the
store gives back, and an export writes, to the cent, on both engines, from 0.00 to the largest
accepted (SQLite holds integer cents, db.money); the largest evaluates on both engines (no
bigint overflow); what lies beyond is refused by name.
"""

from __future__ import annotations

from decimal import Decimal

import csv

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st
from sqlalchemy import select

import main
from app.csvio import ImportRefused
from app.tiers.aum_import import MAX_AUM_CENTS, import_aum
from app.tiers.evaluation import FIRST_CARD, evaluate_tiers, export_worklist
from db.models import TierChange
from tests.db.tierdata import NOW, add_customers, aum_of, write_csv

LARGEST = Decimal(MAX_AUM_CENTS) / 100
AUG, SEP, OCT = 202608, 202609, 202610
HEADER = "cif_no,month,avg_daily_aum"

amounts = st.one_of(
    st.integers(0, MAX_AUM_CENTS),
    st.integers(MAX_AUM_CENTS - 10 ** 6, MAX_AUM_CENTS),       # the top of the range, densely
    st.integers(2 ** 53 // 100 - 1000, 2 ** 53 // 100 + 1000),  # where a double stops holding cents
).map(lambda cents: Decimal(cents) / 100)


@pytest.fixture
def money_store(demo_store):
    demo_store.clock = lambda: NOW
    ids = add_customers(demo_store, "BJ010101", ["MONEY00001", "MONEY00002", "MONEY00003"])
    return demo_store, ids


def _text(value: Decimal) -> str:
    return f"{value:.2f}"


NAMED = [Decimal("90071992547409.93"), Decimal("999999999999999.99")]   # what SQLite's doubles changed


def test_the_largest_accepted_amount_is_stated():
    assert LARGEST == Decimal("999999999999999.99")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(amounts, min_size=3, max_size=3))
@example(values=[Decimal("0.00"), Decimal("0.01"), LARGEST])
@example(values=[Decimal("90071992547.09"), Decimal("9007199254740.99"), Decimal("1234567890123.45")])
@example(values=[*NAMED, Decimal("99999999999999.99")])
def test_amounts_come_back_to_the_cent(money_store, batch, tmp_path, values):
    """Written as the extract writes them, plain and grouped with thousands separators, the
    store gives back exactly the decimal that was read, on both engines."""
    store, ids = money_store
    cifs = sorted(ids)
    lines = [HEADER] + [f"{cif},2026-10,{_text(v)}" for cif, v in zip(cifs, values)]
    lines += [f"{cif},2026-09,\"{v:,.2f}\"" for cif, v in zip(cifs, values)]
    import_aum(store, batch, write_csv(tmp_path / "aum.csv", lines))
    for cif, value in zip(cifs, values):
        assert aum_of(store, ids[cif]) == {SEP: value, OCT: value}, cif


@pytest.mark.parametrize("raw", ["1000000000000000.00", "9999999999999999.99", "\"1,000,000,000,000,000\""])
def test_beyond_the_largest_is_refused_naming_the_field(money_store, batch, tmp_path, raw):
    store, ids = money_store
    with pytest.raises(ImportRefused) as refused:
        import_aum(store, batch, write_csv(tmp_path / "aum.csv", [HEADER, f"MONEY00001,2026-10,{raw}"]))
    problem = str(refused.value.problems[0])
    assert problem.startswith("line 2: Average daily AUM:"), problem
    assert aum_of(store, ids["MONEY00001"]) == {}


@pytest.mark.parametrize("raw", ["١٢٣٤٥", "12٣45.00", "१२३"])
def test_digits_of_other_scripts_are_not_amounts(money_store, batch, tmp_path, raw):
    """Arabic-Indic and Devanagari digits: int() reads them, the amount rules do not. (Said to be
    UTF-8: else the file is refused before, as text no Chinese extract holds.)"""
    store, ids = money_store
    with pytest.raises(ImportRefused) as refused:
        import_aum(store, batch, write_csv(tmp_path / "aum.csv", [HEADER, f"MONEY00001,2026-10,{raw}"]),
                   encoding="utf-8")
    assert "Average daily AUM" in str(refused.value.problems[0])


def test_full_width_digits_are_digits(money_store, batch, tmp_path):
    store, ids = money_store
    import_aum(store, batch, write_csv(tmp_path / "aum.csv", [HEADER, "MONEY00001,２０２６－１０,１２３４５.６７"]))
    assert aum_of(store, ids["MONEY00001"]) == {OCT: Decimal("12345.67")}


def test_the_largest_amount_evaluates_on_both_engines(money_store, batch, tmp_path):
    """Three months at the largest accepted amount: the quarter's sum of cents times days is
    computed without overflow (PostgreSQL said ``bigint out of range``), the average is exact."""
    store, ids = money_store
    lines = [HEADER] + [f"MONEY00001,{m},{_text(LARGEST)}" for m in ("2026-08", "2026-09", "2026-10")]
    import_aum(store, batch, write_csv(tmp_path / "aum.csv", lines))
    result = evaluate_tiers(store, batch, (2026, 10))
    assert result.counts["customers"] > 0
    with store.read() as session:
        average = session.scalar(select(TierChange.average).where(TierChange.customer_id == ids["MONEY00001"]))
    assert average is not None and Decimal(str(average)).quantize(Decimal("0.01")) == LARGEST


def test_sqlite_stores_whole_cents_never_a_double(sqlite_demo_store, batch, tmp_path):
    """What lies in the file is an integer of cents: the column holds no binary fraction to round."""
    store = sqlite_demo_store
    store.clock = lambda: NOW
    ids = add_customers(store, "BJ010101", ["MONEY00001"])
    import_aum(store, batch, write_csv(tmp_path / "aum.csv", [HEADER, f"MONEY00001,2026-10,{NAMED[0]}"]))
    with store.engine.connect() as conn:
        stored = conn.exec_driver_sql("SELECT typeof(avg_daily_aum), avg_daily_aum FROM aum_month "
                                      f"WHERE customer_id = {ids['MONEY00001']}").one()
    assert tuple(stored) == ("integer", 9007199254740993)


top = st.one_of(st.integers(MAX_AUM_CENTS - 10 ** 6, MAX_AUM_CENTS),
                st.integers(2 ** 53 - 1000, 2 ** 53 + 1000)).map(lambda cents: Decimal(cents) / 100)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=top)
@example(value=NAMED[0])
@example(value=NAMED[1])
def test_an_amount_is_exported_as_imported(money_store, batch, tmp_path, value):
    """Import, store, evaluate, read and export: a customer whose three months hold ``value``
    is newly eligible for a first card at an average of exactly ``value`` in the exported list."""
    store, ids = money_store
    lines = [HEADER] + [f"MONEY00001,{m},{_text(value)}" for m in ("2026-08", "2026-09", "2026-10")]
    import_aum(store, batch, write_csv(tmp_path / "aum.csv", lines))
    result = evaluate_tiers(store, batch, (2026, 10))
    export_worklist(store, batch, result.evaluation_id, FIRST_CARD, tmp_path / "list.csv")
    with open(tmp_path / "list.csv", encoding="utf-8-sig", newline="") as handle:
        rows = {row[0]: row[4] for row in csv.reader(handle)}
    assert rows["MONEY00001"] == _text(value)


def test_an_empty_as_of_is_refused_not_taken_for_last_month(sqlite_demo_store, capsys):
    url = str(sqlite_demo_store.engine.url)
    assert main.main(["tiers", "evaluate", "--as-of", "", "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "must be a month" in err, err


def test_migration_turns_stored_doubles_into_cents_and_back(sqlite_demo_template, tmp_path):
    """A SQLite store of the program before (amounts as doubles) comes up with every amount as
    whole cents of the same value, triggers intact; down again, the doubles of the same values."""
    import shutil

    from alembic import command
    from alembic.script import ScriptDirectory

    from db.engine import make_engine
    from db.migrate import _config, upgrade

    shutil.copyfile(sqlite_demo_template, tmp_path / "store.sqlite3")
    engine = make_engine(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    figures = ("SELECT 'aum', customer_id * 1000000 + month, avg_daily_aum FROM aum_month UNION ALL "
               "SELECT 'change', id, average FROM tier_change WHERE average IS NOT NULL UNION ALL "
               "SELECT 'application', id, average FROM card_application WHERE average IS NOT NULL")

    def read(sql: str) -> list[tuple]:
        with engine.connect() as conn:
            return sorted(tuple(row) for row in conn.exec_driver_sql(sql))

    try:
        cents = read(figures)
        triggers = read("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        assert {kind for kind, _, _ in cents} == {"aum", "change", "application"}
        assert all(isinstance(value, int) for _, _, value in cents)
        before = ScriptDirectory.from_config(_config()).get_revision("0043").down_revision
        command.downgrade(_config(engine), before)
        doubles = read(figures)
        assert [(k, i, Decimal(round(v * 100))) for k, i, v in doubles] == [(k, i, Decimal(v)) for k, i, v in cents]
        assert any(isinstance(v, float) for _, _, v in doubles)
        upgrade(engine)
        assert read(figures) == cents
        assert read("SELECT name FROM sqlite_master WHERE type = 'trigger'") == triggers
    finally:
        engine.dispose()
