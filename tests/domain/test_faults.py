"""What a store failure means to the user (app/faults.py), for the ORM's wrapped errors and the
raw driver's alike: the command line's last line and the unit of work both rely on it."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from psycopg import errors as pg
from sqlalchemy.exc import IntegrityError, OperationalError

from app import faults
from app.errors import CHANGED_BY_SOMEONE_ELSE, STORE_BUSY, STORE_DID_NOT_ANSWER


def _wrapped(orig):
    return OperationalError("INSERT ...", {}, orig)


@pytest.mark.parametrize("message, template", [
    ("database is locked", STORE_BUSY),
    ("database or disk is full", faults.STORE_FULL),
    ("attempt to write a readonly database", faults.STORE_READ_ONLY),
    ("disk I/O error", faults.STORE_DISK_FAILED),
    ("unable to open database file", STORE_DID_NOT_ANSWER),
    ("UNIQUE constraint failed: aum_month.customer_id, aum_month.month", CHANGED_BY_SOMEONE_ELSE),
])
def test_sqlite_faults_raw_and_wrapped(message, template):
    raw = sqlite3.OperationalError(message)
    assert faults.translate(raw).template == template
    assert faults.translate(_wrapped(raw)).template == template


@pytest.mark.parametrize("error, template", [
    (pg.DiskFull, faults.STORE_FULL),
    (pg.ReadOnlySqlTransaction, faults.STORE_READ_ONLY),
    (pg.UniqueViolation, CHANGED_BY_SOMEONE_ELSE),
    (pg.DeadlockDetected, CHANGED_BY_SOMEONE_ELSE),
    (pg.LockNotAvailable, STORE_BUSY),
    (pg.QueryCanceled, STORE_BUSY),
    (pg.InsufficientPrivilege, faults.REFUSED_BY_THE_STORE),
    (pg.NumericValueOutOfRange, faults.STORE_OUT_OF_RANGE),
    (pg.AdminShutdown, STORE_DID_NOT_ANSWER),
])
def test_postgresql_faults_raw_and_wrapped(error, template):
    raw = error("from the server")
    assert faults.translate(raw).template == template
    assert faults.translate(_wrapped(raw)).template == template


def test_what_is_not_a_store_fault_stays_a_bug():
    assert faults.translate(ValueError("a bug")) is None
    assert faults.translate(sqlite3.OperationalError("no such column: x")) is None
    assert faults.translate(psycopg.errors.UndefinedColumn("no such column")) is None


def test_an_orm_integrity_error_is_a_conflict():
    assert faults.translate(IntegrityError("INSERT", {}, Exception("x"))).template == CHANGED_BY_SOMEONE_ELSE
