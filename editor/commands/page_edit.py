"""Editing fields of a page or an organisation (a cell, the form); typing into one cell merges."""

from __future__ import annotations

from collections.abc import Mapping

from editor.commands.base import CatalogueCommand
from editor.core import records, versions
from editor.core.changelog import MANUAL, UNDO
from editor.core.fields import ORGANIZATION_FIELD, PAGE_FIELD, coerce
from editor.core.i18n import tr
from editor.core.store import Store

_PAGE_EDIT_ID = 1001
_ORGANIZATION_EDIT_ID = 1002


class EditPageFields(CatalogueCommand):
    """Set fields of one page. The constructor checks the values (raises NormalizeError)."""

    def __init__(
        self, store: Store, page_id: int, changes: Mapping[str, object], text: str | None = None
    ) -> None:
        for key, value in changes.items():
            coerce(PAGE_FIELD[key], value)  # refuse before anything is pushed
        label = ", ".join(PAGE_FIELD[key].title for key in changes)
        super().__init__(store, text or tr("Изменение: {fields}", "commands").format(fields=label))
        self.page_id = page_id
        self.changes = dict(changes)
        self.old: dict[str, object] = {}
        # The page's version when the editor read it (server catalogues), checked on the first save.
        self.expected_version: int | None = None
        self.conflict: versions.EditConflict | None = None

    def do(self) -> None:
        try:
            with versions.guarded("page", self.page_id, self.expected_version, self.changes):
                self.old = records.update_page(self.page_id, self.changes, MANUAL)
        except versions.EditConflict as conflict:
            self.conflict = conflict
            raise
        self.expected_version = None  # redo after undo restores this user's own value
        self.store.pagesChanged.emit([self.page_id])

    def undo_(self) -> None:
        records.restore_page_values(self.page_id, self.old, UNDO)
        self.store.pagesChanged.emit([self.page_id])

    def id(self) -> int:  # noqa: A003 - Qt override
        return _PAGE_EDIT_ID

    def mergeWith(self, other) -> bool:  # noqa: N802 - Qt override
        """Consecutive edits of the same field of the same page are one undo step."""
        if not isinstance(other, EditPageFields) or other.page_id != self.page_id:
            return False
        if set(other.changes) != set(self.changes) or "subscribers" in self.changes:
            return False
        self.changes = other.changes
        return True


class EditOrganizationFields(CatalogueCommand):
    """Set fields of one organisation (its pages' rows show them too)."""

    def __init__(
        self,
        store: Store,
        organization_id: int,
        changes: Mapping[str, object],
        text: str | None = None,
    ) -> None:
        for key, value in changes.items():
            if key != "territory":
                coerce(ORGANIZATION_FIELD[key], value)
        label = ", ".join(
            ORGANIZATION_FIELD[k].title if k in ORGANIZATION_FIELD else k for k in changes
        )
        super().__init__(store, text or tr("Изменение: {fields}", "commands").format(fields=label))
        self.organization_id = organization_id
        self.changes = dict(changes)
        self.old: dict[str, object] = {}
        self.expected_version: int | None = None  # as for EditPageFields
        self.conflict: versions.EditConflict | None = None

    def do(self) -> None:
        try:
            with versions.guarded(
                "organization", self.organization_id, self.expected_version, self.changes
            ):
                self.old = records.update_organization(self.organization_id, self.changes, MANUAL)
        except versions.EditConflict as conflict:
            self.conflict = conflict
            raise
        self.expected_version = None
        self._announce()

    def undo_(self) -> None:
        records.update_organization(self.organization_id, self.old, UNDO)
        self._announce()

    def _announce(self) -> None:
        self.store.organizationsChanged.emit([self.organization_id])
        if "territory" in self.changes:
            self.store.pagesAddedOrRemoved.emit()

    def id(self) -> int:  # noqa: A003 - Qt override
        return _ORGANIZATION_EDIT_ID

    def mergeWith(self, other) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, EditOrganizationFields):
            return False
        if other.organization_id != self.organization_id or set(other.changes) != set(self.changes):
            return False
        self.changes = other.changes
        return True
