"""Texts by key in one SQLite file of a cache folder: the store behind the post bodies and the search terms.

One file instead of one per entry: creating 2,000 small files took 1.9 s of
a 2,000-post build on a busy disk (py-spy); one transaction takes a few
milliseconds. It is a cache: a file SQLite cannot read is started afresh.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar


class TextCache:
    """Texts by key in ``folder / FILE``, table ``TABLE``, the text in column ``COLUMN``."""

    FILE: ClassVar[str]
    TABLE: ClassVar[str]
    COLUMN: ClassVar[str]
    BATCH = 500
    """Keys per query (SQLite limits the parameters of one statement)."""

    def __init__(self, folder: Path):
        self.path = folder / self.FILE

    def read_texts(self, keys: Iterable[str]) -> dict[str, str]:
        """The stored texts among ``keys``."""
        wanted = list(keys)
        found: dict[str, str] = {}
        with self._open() as db:
            for start in range(0, len(wanted), self.BATCH):
                batch = wanted[start : start + self.BATCH]
                marks = ",".join("?" * len(batch))
                query = f"SELECT key, {self.COLUMN} FROM {self.TABLE} WHERE key IN ({marks})"
                found.update(db.execute(query, batch).fetchall())
        return found

    def update_texts(self, texts: Mapping[str, str], keep: set[str]) -> None:
        """Store ``texts`` and forget every entry whose key is not in ``keep``."""
        with self._open() as db, db:
            db.executemany(f"INSERT OR REPLACE INTO {self.TABLE} (key, {self.COLUMN}) VALUES (?, ?)", texts.items())
            db.execute("CREATE TEMP TABLE kept (key TEXT PRIMARY KEY)")
            db.executemany("INSERT OR IGNORE INTO kept (key) VALUES (?)", ((key,) for key in keep))
            db.execute(f"DELETE FROM {self.TABLE} WHERE key NOT IN (SELECT key FROM kept)")

    @contextmanager
    def _open(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = self._connect()
        except sqlite3.DatabaseError:  # not a database (a write cut short, a stray file): start afresh
            self.path.unlink(missing_ok=True)
            db = self._connect()
        try:
            yield db
        finally:
            db.close()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60)
        try:
            db.execute(f"CREATE TABLE IF NOT EXISTS {self.TABLE} (key TEXT PRIMARY KEY, {self.COLUMN} TEXT NOT NULL)")
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db
