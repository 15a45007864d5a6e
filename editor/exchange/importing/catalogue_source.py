"""Another catalogue file as an import source: merging a municipality's or a region's catalogue.

The other file is read (never written) through its own read-only SQLite connection and looks to
the importer like a spreadsheet in the export layout: one row per page, one row per organisation
without pages. Each row names its territory by ОКТМО and by its full path, so that territories
match by code where both catalogues have one and by names inside the target otherwise.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from editor.core.fields import ORGANIZATION_SHEET_FIELDS, PAGE_SHEET_FIELDS
from editor.core.i18n import tr
from editor.core.opening import CatalogueError, catalogue_path, probe
from editor.exchange.columns import field_label
from editor.exchange.importing.offline_back import gone, read_changes

# The columns the rows carry, in order (field names of editor.exchange.columns), and the
# query that reads them: both derived from the one declaration in editor.core.fields.
FIELDS: tuple[str, ...] = (
    "oktmo",
    "territory",
    *(spec.sheet_field for spec in ORGANIZATION_SHEET_FIELDS),
    *(spec.sheet_field for spec in PAGE_SHEET_FIELDS),
)


def _select(spec) -> str:
    if spec.kind == "sphere":
        return f"s{spec.name[-1]}.name"  # sphere1 → s1, the join below
    return f"{'o' if spec.entity == 'organization' else 'p'}.{spec.column}"


_QUERY = f"""
SELECT o.territory_id, {", ".join(_select(spec) for spec in ORGANIZATION_SHEET_FIELDS)},
       {", ".join(_select(spec) for spec in PAGE_SHEET_FIELDS)}, o.id, p.id
FROM organization o
LEFT JOIN page p ON p.organization_id = o.id AND p.deleted_at IS NULL
LEFT JOIN sphere s1 ON s1.id = o.sphere1_id
LEFT JOIN sphere s2 ON s2.id = o.sphere2_id
LEFT JOIN sphere s3 ON s3.id = o.sphere3_id
WHERE o.deleted_at IS NULL
ORDER BY o.territory_id, o.id, p.id
"""


def _labels() -> list[str]:
    labels = []
    for name in FIELDS:
        try:
            labels.append(field_label(name))
        except (KeyError, ValueError):
            labels.append(name)
    return labels


class CatalogueTable:
    """The rows of another catalogue, with the interface of reader.Table."""

    sheet: str | None = None
    header_row = 1

    def __init__(self, path: Path) -> None:
        self.path = path
        self.headers = _labels()
        self.mapping = dict(enumerate(FIELDS))
        uri = path.resolve().as_uri() + "?mode=ro"
        self._connection = sqlite3.connect(uri, uri=True)
        try:
            self._territories = {
                row[0]: row[1:]
                for row in self._connection.execute(
                    "SELECT id, parent_id, name, oktmo FROM territory"
                )
            }
            self.estimated_rows: int | None = self._connection.execute(
                "SELECT (SELECT count(*) FROM page WHERE deleted_at IS NULL)"
                " + (SELECT count(*) FROM organization WHERE deleted_at IS NULL)"
            ).fetchone()[0]
        except sqlite3.DatabaseError as error:
            self._connection.close()
            raise _read_error(
                tr("{file}: каталог повреждён: {error}", "import").format(
                    file=path.name, error=error
                )
            ) from error
        self._paths: dict[int, str] = {}
        # An offline copy of a server catalogue gives only what changed in it (offline_back);
        # the import drops this for any other target.
        self.offline = read_changes(self._connection)

    def _path(self, territory_id: int) -> str:
        if territory_id not in self._paths:
            names = []
            node: int | None = territory_id
            while node is not None and node in self._territories:
                parent, name, _ = self._territories[node]
                names.append(name)
                node = parent
            self._paths[territory_id] = "/".join(reversed(names))
        return self._paths[territory_id]

    def rows(self) -> Iterator[tuple[int, list[object]]]:
        """(running number, cells in FIELDS order) for every live page and page-less organisation."""
        cursor = self._connection.execute(_QUERY)
        number = 0
        for row in cursor:
            number += 1
            territory_id = row[0]
            oktmo = self._territories.get(territory_id, (None, None, None))[2]
            cells = [oktmo, self._path(territory_id), *row[1:-2]]
            if self.offline is not None:
                cells = self.offline.cells(FIELDS, row[-2], row[-1], cells)
                if cells is None:
                    continue
            yield number, cells

    def offline_gone(self) -> list[tuple[str, int, int, str]]:
        """An offline copy's records deleted in it since it was made (offline_back.gone)."""
        return gone(self._connection)

    def close(self) -> None:
        """Close the read-only connection."""
        self._connection.close()

    def __enter__(self) -> CatalogueTable:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _read_error(message: str) -> Exception:
    try:
        from editor.exchange.spreadsheet.reader import ReadError
    except ImportError:  # pragma: no cover
        return ValueError(message)
    return ReadError(message)


def open_catalogue_table(path: str | Path) -> CatalogueTable:
    """Open another catalogue for import; refuse a file that is not one, or the open catalogue."""
    path = Path(path)
    try:
        probe(path)
    except CatalogueError as error:
        raise _read_error(str(error)) from error
    current = catalogue_path()
    if current is not None and current.resolve() == path.resolve():
        raise _read_error(
            tr(
                "{file}: это открытый сейчас каталог, его нельзя импортировать в самого себя",
                "import",
            ).format(file=path.name)
        )
    return CatalogueTable(path)
