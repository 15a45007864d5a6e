"""The word index of the public directory's `lookup`: an SQLite FTS5 table and its state row.

One row per live page: the folded words of the organisation's full name, short name and public
title, and of the names its territory is found by, each column the words joined by single
spaces; `directory_words_row` maps a page id to its row and keeps the texts indexed (the FTS
table is contentless: removing a page's words needs them). `editor.exchange.directory.word_index` fills it and keeps it current
lazily, from `page_search_log`: no trigger on pages of its own, so that imports and edits pay
nothing for it. The state row says up to which log entry and page id it is current, and whether
the territory names and order it holds still stand (triggers on territories clear that).

A server catalogue gets nothing: there `lookup` scans, as PostgreSQL does that well enough.
"""

from __future__ import annotations

from peewee import SqliteDatabase

TABLE = "directory_words"
ROWS = "directory_words_row"
STATE = "directory_words_state"
JOINER = "·"  # joins a name's words into one token (a word never holds it: not a letter)
_WATCHED = ("name", "parent_id", "level", "position")

STATEMENTS: tuple[str, ...] = (
    # The rowid orders the pages by the ranking's static keys (territory depth, name length,
    # territory order, then the page id: see editor.exchange.directory.word_index.row_of), so that SQLite
    # walks a query's pages best first and stops at the limit. Columns: the name's first word,
    # the full name, short name and public title, the names of the territory (and the
    # municipality above it), and each of name, short name, title as one token (a query typed
    # whole). detail=column: words are asked per column, never as phrases; the prefix indexes
    # answer one- to three-letter beginnings without walking the terms.
    # Contentless: the texts are kept once, in directory_words_row (to remove a page's words).
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(first, name, short, title, place,"
    f" wholes, content = '', tokenize = \"unicode61 remove_diacritics 0 tokenchars '{JOINER}'\","
    " prefix = '1 2 3', detail = column)",
    # The texts indexed, and a fingerprint of the page's raw texts and territory (a changed
    # page is told from one whose subscribers alone changed without reading the index).
    f"CREATE TABLE IF NOT EXISTS {ROWS} (page_id INTEGER PRIMARY KEY, row INTEGER NOT NULL,"
    " territory INTEGER NOT NULL, name TEXT NOT NULL, short TEXT NOT NULL, title TEXT NOT NULL,"
    " digest INTEGER NOT NULL)",
    f"CREATE INDEX IF NOT EXISTS {ROWS}_territory ON {ROWS} (territory)",
    # At most one row; none yet: the first `lookup` fills the table. `places` is 0 once a
    # territory was added, renamed or moved: the names pages are found by, or the order of
    # the territories, changed without any page.
    f"CREATE TABLE IF NOT EXISTS {STATE} (id INTEGER PRIMARY KEY CHECK (id = 1),"
    " logged INTEGER NOT NULL, max_id INTEGER NOT NULL, places INTEGER NOT NULL)",
    f"CREATE TRIGGER IF NOT EXISTS {STATE}_territory AFTER UPDATE OF {', '.join(_WATCHED)}"
    " ON territory WHEN "
    + " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _WATCHED)
    + f" BEGIN UPDATE {STATE} SET places = 0; END",
    f"CREATE TRIGGER IF NOT EXISTS {STATE}_territory_insert AFTER INSERT ON territory"
    f" BEGIN UPDATE {STATE} SET places = 0; END",
)


def create_word_index(database: SqliteDatabase) -> None:
    """Migration: the empty index (filled on first use). Nothing on a server catalogue."""
    from editor.db import dialect

    if isinstance(database, dialect.ServerDatabase):
        return
    for statement in STATEMENTS:
        database.execute_sql(statement)
