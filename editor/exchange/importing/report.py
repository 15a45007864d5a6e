"""What an import did or would do: counts, the change set, rejected rows and warnings.

The report is what the dry run shows, what `import --json` prints and what the rejected-rows
workbook is written from. It holds plain values only (no database rows), so that it can travel
from a worker thread to the window.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TextIO

from editor.core.fields import to_log_text
from editor.core.gc_pause import paused_collection
from editor.core.i18n import tr

NEW, UPDATED, UNCHANGED = "new", "updated", "unchanged"


@dataclass
class SourceFile:
    """One input file as it was read: where the table is and how its columns were understood."""

    path: str
    name: str
    sha256: str
    kind: str = "xlsx"  # xlsx | csv | catalogue
    sheet: str | None = None
    header_row: int = 1
    headers: list[str] = field(default_factory=list)
    mapping: dict[int, str] = field(default_factory=dict)
    count_date: object = None  # the date found in the title rows or the file name, if any
    overrides: dict[str, str] | None = None  # the column overrides it was read with

    def place(self, row: int | None = None) -> str:
        """«file.xlsx, лист «Лист1», строка 7» for messages."""
        parts = [self.name]
        if self.sheet:
            parts.append(tr("лист «{sheet}»", "import").format(sheet=self.sheet))
        if row is not None:
            parts.append(tr("строка {row}", "import").format(row=row))
        return ", ".join(parts)


@dataclass(frozen=True)
class Problem:
    """Why a row (or one of its cells) was refused: the column header, the value and the reason."""

    column: str
    value: object
    reason: str


@dataclass
class Rejection:
    """A refused row: nothing of it is written. `cells` keep the row as read, for the errors file."""

    file_index: int
    row: int
    problems: tuple[Problem, ...]
    cells: tuple[object, ...] | None = ()  # None: not kept (see import_errors)
    territory_key: str | None = None  # set when the row waits for a territory to be assigned

    @property
    def reason(self) -> str:
        """All reasons in one line."""
        return "; ".join(problem.reason for problem in self.problems)


@dataclass(frozen=True)
class Notice:
    """A warning about a row that was imported anyway (bad ОГРН checksum, a repeated row…)."""

    file_index: int
    row: int
    column: str
    value: object
    message: str


@dataclass(frozen=True)
class Diff:
    """One field of the change set: old → new."""

    entity: str  # organization | page | count
    field: str
    label: str
    old: object
    new: object

    def text(self) -> str:
        """«Подписчики: 100 → 120»."""
        old = to_log_text(self.old)
        new = to_log_text(self.new)
        return f"{self.label}: {old if old not in (None, '') else '—'} → {new or '—'}"


@dataclass
class RowChange:
    """What one row does: creates (new), changes (updated) or confirms (unchanged) records."""

    kind: str
    file_index: int
    row: int
    organization: str
    url: str = ""
    diffs: tuple[Diff, ...] = ()


@dataclass
class Unresolved:
    """A territory text of the file that matched nothing or several territories."""

    key: str
    text: str
    candidates: list[tuple[int, str]]  # (territory id, path)
    rows: int = 0


@dataclass
class ImportReport:
    """The outcome of an import run (or of its dry run)."""

    files: list[SourceFile] = field(default_factory=list)
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # rows the user unticked
    new_organizations: int = 0
    new_pages: int = 0
    # Records an offline copy deleted, moved to the trash by its import (offline_back).
    trashed_organizations: int = 0
    trashed_pages: int = 0
    changes: list[RowChange] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    unresolved: dict[str, Unresolved] = field(default_factory=dict)
    batch_id: int | None = None
    dry_run: bool = True
    changes_dropped: int = 0  # detail rows not kept because of the detail limit
    notices_dropped: int = 0
    # Rows whose territory the user chose to skip: listed and written to the errors file.
    skipped_rows: list[Rejection] = field(default_factory=list)
    # Rows per territory they resolved to (by code, name or assignment): where the file lives.
    resolved_rows: dict[int, int] = field(default_factory=dict)

    @property
    def rejected(self) -> int:
        """How many rows were refused."""
        return len(self.rejections)

    def place(self, file_index: int, row: int | None = None) -> str:
        """Where a row is, for messages."""
        return self.files[file_index].place(row)

    def as_json(self, *, updates: bool = True) -> dict[str, object]:
        """The `import --json` object (`updates` False: without the updated rows)."""
        return {
            "rows": self.rows,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "skipped": self.skipped,
            "batch": self.batch_id,
            "dry_run": self.dry_run,
            "new_organizations": self.new_organizations,
            "new_pages": self.new_pages,
            "trashed": {"organizations": self.trashed_organizations, "pages": self.trashed_pages},
            "files": [
                {
                    "file": f.path,
                    "sheet": f.sheet,
                    "header_row": f.header_row,
                    "sha256": f.sha256,
                    "columns": {f.headers[i]: name for i, name in sorted(f.mapping.items())},
                }
                for f in self.files
            ],
            "rejections": [
                {
                    "file": self.files[r.file_index].name,
                    "sheet": self.files[r.file_index].sheet,
                    "row": r.row,
                    "problems": [
                        {"column": p.column, "value": _plain(p.value), "reason": p.reason}
                        for p in r.problems
                    ],
                }
                for r in self.rejections
            ],
            "warnings": [
                {
                    "file": self.files[n.file_index].name,
                    "row": n.row,
                    "column": n.column,
                    "value": _plain(n.value),
                    "message": n.message,
                }
                for n in self.notices
            ],
            "updates": list(self._updates()) if updates else [],
        }

    def _updates(self) -> Iterator[dict[str, object]]:
        for c in self.changes:
            if c.kind == UPDATED:
                yield {
                    "file": self.files[c.file_index].name,
                    "row": c.row,
                    "organization": c.organization,
                    "url": c.url,
                    "fields": [
                        {"field": d.field, "old": _plain(d.old), "new": _plain(d.new)}
                        for d in c.diffs
                    ],
                }

    def write_json(self, stream: TextIO) -> None:
        """as_json() as one line of JSON, the text json.dumps makes of it, written a thousand
        updated rows at a time: the whole object and its text for 100,000 updated rows held
        ~110 MB at once. The automatic collector is paused meanwhile (see gc_pause): with the
        import's records still alive it took half of the 0.4 s that 60,000 updated rows cost."""
        with paused_collection():
            text = json.dumps(self.as_json(updates=False), ensure_ascii=False)
            stream.write(text[:-2])  # up to the "[" of the empty "updates", the last key
            batch: list[dict[str, object]] = []
            written = False
            for item in self._updates():
                batch.append(item)
                if len(batch) == 1000:
                    stream.write(
                        (", " if written else "") + json.dumps(batch, ensure_ascii=False)[1:-1]
                    )
                    written = True
                    batch.clear()
            if batch:
                stream.write(
                    (", " if written else "") + json.dumps(batch, ensure_ascii=False)[1:-1]
                )
            stream.write("]}\n")


def _plain(value: object) -> object:
    """A JSON-friendly form of a cell or field value."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return to_log_text(value)
