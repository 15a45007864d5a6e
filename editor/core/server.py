"""A team catalogue on a PostgreSQL server, as the layers above see it: telling a URL from a
file, showing it without its password, hearing other editors' changes, and why a write was
refused. The SQL dialect itself stays in editor.db.dialect."""

from __future__ import annotations

from editor.core.opening import read_only_text
from editor.db import dialect
from editor.db.dialect import describe, is_server, mask, strip_password
from editor.db.models import db
from editor.db.server_extras import ChangeListener

__all__ = [
    "ChangeListener",
    "change_listener",
    "describe",
    "explain_write_error",
    "is_server",
    "mask",
    "strip_password",
]


def explain_write_error(error: BaseException) -> str | None:
    """One line for a write the server refused to a read-only role, else None."""
    return read_only_text() if dialect.explain_write_error(error) else None


def change_listener() -> ChangeListener:
    """A listener of the open server catalogue's change notifications (its own connection)."""
    return ChangeListener(db.obj)
