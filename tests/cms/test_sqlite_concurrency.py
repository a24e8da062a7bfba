"""The embedded SQLite default (WAL, IMMEDIATE transactions, a busy timeout) lets the
server and a management command write at the same time; Django's defaults do not.

Each test builds its own database files in tmp_path from the OPTIONS that
cms/settings/base.py gives SQLite, so it runs whatever DATABASE_URL the suite uses.
"""

import copy
import importlib
import itertools
import threading
import time

import pytest
from django.db import OperationalError, connections, transaction

pytestmark = pytest.mark.single_db

HOLD_SECONDS = 0.5
ROWS = 5
_aliases = itertools.count(1)


@pytest.fixture
def embedded_default(tmp_path):
    """DATABASES["default"] as cms/settings/base.py builds it without DATABASE_URL."""
    import cms.settings.base as base

    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("DATABASE_URL", raising=False)
        patch.setenv("VAR_DIR", str(tmp_path))
        try:
            database = copy.deepcopy(importlib.reload(base).DATABASES["default"])
        finally:
            patch.undo()
            importlib.reload(base)
    return database


@pytest.fixture
def register(django_db_blocker):
    """Add database aliases to django.db.connections for the test, then remove them."""
    added = []

    def add(database: dict) -> str:
        alias = f"sqlite_concurrency_{next(_aliases)}"
        connections.settings[alias] = connections.configure_settings(
            {"default": copy.deepcopy(database)}
        )["default"]
        added.append(alias)
        return alias

    with django_db_blocker.unblock():
        yield add
        for alias in added:
            connections[alias].close()
            del connections[alias]
            del connections.settings[alias]


def create_table(alias: str) -> None:
    with connections[alias].cursor() as cursor:
        cursor.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, writer TEXT)")


def count_rows(alias: str) -> int:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM visit")
        return cursor.fetchone()[0]


def write_at_the_same_time(alias: str) -> list[Exception]:
    """Two threads, each with its own connection, write inside transaction.atomic().

    Each reads before it writes, as the ORM does (a get_or_create, a count, a
    revision number), then holds its write transaction open for HOLD_SECONDS.
    """
    start = threading.Barrier(2)
    errors: list[Exception] = []

    def writer(name: str) -> None:
        connection = connections[alias]  # this thread's own connection
        try:
            start.wait(timeout=10)
            with transaction.atomic(using=alias):
                with connection.cursor() as cursor:
                    cursor.execute("SELECT COUNT(*) FROM visit")
                    for _ in range(ROWS):
                        cursor.execute("INSERT INTO visit (writer) VALUES (%s)", [name])
                time.sleep(HOLD_SECONDS)
        except Exception as error:  # noqa: BLE001 - reported to the test
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=writer, args=(name,)) for name in ("server", "command")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return errors


def test_the_embedded_default_is_sqlite_with_wal_and_immediate_transactions(
    embedded_default, tmp_path
):
    """Without DATABASE_URL the default is var/db.sqlite3 with concurrency options."""
    assert embedded_default["ENGINE"] == "django.db.backends.sqlite3"
    assert embedded_default["NAME"] == str(tmp_path / "db.sqlite3")
    options = embedded_default["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5


def test_connections_open_in_wal_mode(embedded_default, register):
    """Connections opened with the settings run in WAL mode, synchronous=NORMAL."""
    alias = register(embedded_default)
    create_table(alias)
    with connections[alias].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL
    assert connections[alias].transaction_mode == "IMMEDIATE"


def test_two_writers_queue_up_with_the_settings(embedded_default, register):
    """The second writer waits for the first to commit: no "database is locked"."""
    alias = register(embedded_default)
    create_table(alias)
    began = time.monotonic()
    errors = write_at_the_same_time(alias)
    assert errors == []
    assert count_rows(alias) == 2 * ROWS
    # They took turns: the second transaction started after the first committed.
    assert time.monotonic() - began >= 2 * HOLD_SECONDS


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({}, id="django-defaults"),
        pytest.param({"timeout": 0}, id="deferred-timeout-0"),
        pytest.param("without-immediate", id="wal-and-timeout-but-deferred"),
    ],
)
def test_two_writers_collide_without_the_settings(
    embedded_default, register, tmp_path, options
):
    """The same writers with deferred transactions: one fails, "database is locked"."""
    database = copy.deepcopy(embedded_default)
    database["NAME"] = str(tmp_path / "plain.sqlite3")
    if options == "without-immediate":  # WAL and the 20 s timeout, but DEFERRED
        options = dict(database["OPTIONS"])
        del options["transaction_mode"]
    database["OPTIONS"] = options
    alias = register(database)
    create_table(alias)
    errors = write_at_the_same_time(alias)
    assert len(errors) == 1
    assert isinstance(errors[0], OperationalError)
    assert "database is locked" in str(errors[0])
    assert count_rows(alias) == ROWS  # the failed writer's rows were rolled back
