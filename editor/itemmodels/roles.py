"""Custom item data roles shared by the item models, views and delegates."""

from __future__ import annotations

from PySide6.QtCore import Qt

_BASE = Qt.ItemDataRole.UserRole.value

# The database id of the row's record (territory id in the tree, page id in the table).
IdRole = _BASE + 1
# The raw value behind a cell (None, bool, int, date, code), for editors and sorting.
RawValueRole = _BASE + 2
# The FieldSpec name a cell edits (str), or None for a read-only cell.
FieldRole = _BASE + 3
# The organisation id of a page row.
OrganizationIdRole = _BASE + 4
# The territory level index of a tree node or of a page's territory.
LevelRole = _BASE + 5
