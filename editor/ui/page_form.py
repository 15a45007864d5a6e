"""The detail form: every field of the selected page and its organisation, edited through undo.

A field is stored when the user finishes editing it (Enter, Tab, choosing from a list); a value
that would be refused is explained right under the field and never stored.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.commands.base import push
from editor.commands.page_edit import EditOrganizationFields, EditPageFields
from editor.core import records, territories, training, versions
from editor.core.fields import ORGANIZATION_FIELDS, PAGE_FIELDS, FieldSpec
from editor.core.normalize import NormalizeError
from editor.core.store import Store
from editor.itemmodels.page_columns import format_count
from editor.ui.edit_conflict import keep_mine
from editor.ui.field_editors import (
    ChoiceEditor,
    FieldEditor,
    LineEditor,
    create_editor,
    text_of,
)

_ERROR_STYLE = "color: #c62828;"
_COUNT_FIELDS = ("subscribers", "subscribers_date")


class _Row:
    """One field of the form: its label, its editor and the message label under it."""

    def __init__(self, spec: FieldSpec, label: QLabel, editor: FieldEditor, error: QLabel) -> None:
        self.spec, self.label, self.editor, self.error = spec, label, editor, error


class PageForm(QWidget):
    """Shows and edits one page and its organisation."""

    # The user asked to show the page's territory in the tree.
    territoryRequested = Signal(int)  # noqa: N815 - Qt naming
    # A value was refused: field name and message (also shown under the field).
    editRefused = Signal(str, str)  # noqa: N815

    def __init__(self, store: Store, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageForm")
        self.store = store
        self.undo_stack = undo_stack
        self.page_id: int | None = None
        self.organization_id: int | None = None
        self.territory_id: int | None = None
        self._values: dict[str, object] = {}
        # Versions of the shown page and organisation as read (server catalogues; else None).
        self._versions: dict[str, int | None] = {}

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.territory_label = QLabel(self)
        self.territory_label.setWordWrap(True)
        self.jump_button = QPushButton(self)
        self.jump_button.setObjectName("jumpToTerritory")
        self.jump_button.clicked.connect(self._jump)
        self.history_label = QLabel(self)
        self.history_label.setWordWrap(True)

        self.page_box = QGroupBox(self)
        self.organization_box = QGroupBox(self)
        self.rows: dict[str, _Row] = {}
        page_layout = QFormLayout(self.page_box)
        page_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        page_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in PAGE_FIELDS:
            self._add_row(page_layout, spec, "page")
        page_layout.addRow(self.history_label)
        organization_layout = QFormLayout(self.organization_box)
        organization_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        organization_layout.setFieldGrowthPolicy(
            QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow
        )
        for spec in ORGANIZATION_FIELDS:
            self._add_row(organization_layout, spec, "organization")
        self.trained_label = QLabel(self)  # the organisation's people trained at seminars
        self.trained_label.setObjectName("trainedPeople")
        self.trained_label.setWordWrap(True)
        self.trained_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        organization_layout.addRow(self.trained_label)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.addWidget(self.title)
        layout.addWidget(self.territory_label)
        layout.addWidget(self.jump_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.page_box)
        layout.addWidget(self.organization_box)
        layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        store.pagesChanged.connect(self._on_pages_changed)
        store.organizationsChanged.connect(self._on_organizations_changed)
        store.spheresChanged.connect(self._reload_choices)
        store.reset.connect(self.reload)
        store.trainingChanged.connect(self.reload)
        self.retranslate()
        self.show_page(None)

    def _add_row(self, layout: QFormLayout, spec: FieldSpec, entity: str) -> None:
        key = f"{entity}.{spec.name}"
        editor = create_editor(spec, self, multiline=True)
        editor.setObjectName(f"form_{entity}_{spec.name}")
        error = QLabel(self)
        error.setObjectName(f"error_{entity}_{spec.name}")
        error.setStyleSheet(_ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        box.addWidget(editor)
        box.addWidget(error)
        label = QLabel(spec.title, self)
        label.setBuddy(editor)
        layout.addRow(label, holder)
        row = _Row(spec, label, editor, error)
        self.rows[key] = row
        editor.committed.connect(lambda k=key: self._commit(k))
        editor.problemChanged.connect(lambda message, r=row: self._show_error(r, message))

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self.page_box.setTitle(self.tr("Страница"))
        self.organization_box.setTitle(self.tr("Организация"))
        self.jump_button.setText(self.tr("Показать в дереве"))
        self.jump_button.setToolTip(self.tr("Выбрать территорию страницы в дереве территорий"))
        self.setAccessibleName(self.tr("Карточка страницы"))
        for row in self.rows.values():
            row.label.setText(row.spec.title)
            row.editor.setAccessibleName(row.spec.title)
            if isinstance(row.editor, ChoiceEditor):
                row.editor.reload_choices()

    # --- showing ---------------------------------------------------------------------------

    def show_page(self, page_id: int | None) -> None:
        """Show a page (None: nothing selected)."""
        self.page_id = page_id
        self.reload()

    def reload(self) -> None:
        """Read the shown page again from the catalogue."""
        page = records.get_page(self.page_id)
        enabled = page is not None
        for row in self.rows.values():
            self._show_error(row, "")
        if page is None:
            self.page_id = self.organization_id = self.territory_id = None
            self._values = {}
            self.title.setText(self.tr("Выберите страницу в таблице"))
            self.territory_label.clear()
            self.history_label.clear()
            self.trained_label.clear()
            for row in self.rows.values():
                row.editor.set_value(None)
        else:
            organization = records.get_organization(page.organization_id)
            self.organization_id = organization.id
            self.territory_id = organization.territory_id
            values = {f"page.{k}": v for k, v in records.page_values(page).items()}
            values |= {
                f"organization.{k}": v for k, v in records.organization_values(organization).items()
            }
            self._values = values
            self._versions = {
                "page": versions.read("page", page.id),
                "organization": versions.read("organization", organization.id),
            }
            for key, row in self.rows.items():
                if isinstance(row.editor, LineEditor) and row.spec.kind == "url":
                    row.editor.network = page.network
                row.editor.set_value(values.get(key))
            self.title.setText(organization.full_name)
            self.territory_label.setText(territories.path_of(organization.territory_id))
            self._show_history(page.id)
            self._show_trained(organization.id)
        read_only = self.store.read_only
        for row in self.rows.values():
            row.editor.setEnabled(enabled and not read_only)
        self.jump_button.setEnabled(enabled)

    def _show_history(self, page_id: int) -> None:
        history = records.count_history(page_id)[-6:]
        if not history:
            self.history_label.clear()
            return
        text = "; ".join(
            f"{date.strftime('%d.%m.%Y')}: {format_count(count)}"
            for date, count in reversed(history)
        )
        self.history_label.setText(self.tr("История подписчиков: {history}").format(history=text))

    def _show_trained(self, organization_id: int) -> None:
        people = training.trained_people(organization_id)
        if not people:
            self.trained_label.setText(self.tr("Обученных на семинарах нет"))
            return
        lines = [
            f"{name}{f' ({position})' if position else ''}: {seminars}"
            for name, position, seminars in people
        ]
        self.trained_label.setText(
            self.tr("Обучены на семинарах ({n}):").format(n=len(people)) + "\n" + "\n".join(lines)
        )

    def _reload_choices(self) -> None:
        for row in self.rows.values():
            if isinstance(row.editor, ChoiceEditor) and row.spec.kind == "sphere":
                row.editor.reload_choices()
        self.reload()

    def _on_pages_changed(self, page_ids: list[int]) -> None:
        if self.page_id in page_ids:
            self.reload()

    def _on_organizations_changed(self, organization_ids: list[int]) -> None:
        if self.organization_id in organization_ids:
            self.reload()

    def _jump(self) -> None:
        if self.territory_id is not None:
            self.territoryRequested.emit(self.territory_id)

    def _show_error(self, row: _Row, message: str) -> None:
        row.error.setText(message)
        row.error.setVisible(bool(message))

    # --- editing ---------------------------------------------------------------------------

    def _commit(self, key: str) -> None:
        if self.page_id is None or self.store.read_only:
            return
        row = self.rows[key]
        entity, name = key.split(".", 1)
        value = row.editor.value()
        if row.editor.problem():
            return  # the message is already under the field
        if self._same(key, value):
            return
        changes: dict[str, object] = {name: value}
        if entity == "page" and name in _COUNT_FIELDS:
            changes = {field: self.rows[f"page.{field}"].editor.value() for field in _COUNT_FIELDS}
            if changes["subscribers"] in ("", None):
                self._show_error(row, self.tr("Укажите число подписчиков"))
                return
            changes["subscribers_date"] = changes["subscribers_date"] or dt.date.today()
        try:
            if entity == "page":
                command = EditPageFields(self.store, self.page_id, changes)
            else:
                assert self.organization_id is not None
                command = EditOrganizationFields(self.store, self.organization_id, changes)
        except NormalizeError as error:
            self._refuse(row, str(error))
            return
        command.expected_version = self._versions.get(entity)
        error = push(self.undo_stack, command)
        if error and command.conflict is not None:
            error = self._resolve(command)
            if error is None:
                return
        if error:
            self._refuse(row, error)
            return
        self._show_error(row, "")

    def _resolve(self, command) -> str | None:
        """Another editor saved first: save over their value or show it, as the user chooses."""
        conflict = command.conflict
        if not keep_mine(self, conflict):
            self.reload()
            return None
        again = type(command)(self.store, conflict.record_id, command.changes)
        again.expected_version = conflict.version
        return push(self.undo_stack, again)

    def _refuse(self, row: _Row, message: str) -> None:
        self._show_error(row, message)
        self.editRefused.emit(row.spec.name, message)

    def _same(self, key: str, value: object) -> bool:
        stored = self._values.get(key)
        if isinstance(self.rows[key].editor, ChoiceEditor):
            return stored == value
        return text_of(self.rows[key].spec, stored).strip() == value

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
