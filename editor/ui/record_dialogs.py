"""Dialogs for a new organisation (with an optional first page) and a new page.

Fields use the shared field editors; a wrong value is explained in red next to its field and
the OK button stays disabled until every field is acceptable.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from editor.core.fields import ORGANIZATION_FIELD, PAGE_FIELD, FieldSpec, coerce
from editor.core.normalize import NormalizeError
from editor.core.urls import canonical_url
from editor.ui.field_editors import ChoiceEditor, FieldEditor, LineEditor, create_editor

ERROR_STYLE = "color: #c62828;"

ORGANIZATION_FORM = ("full_name", "short_name", "ogrn", "inn", "sphere1", "founder")
PAGE_FORM = (
    "network",
    "url",
    "title",
    "status",
    "gosmark",
    "connected",
    "subscribers",
    "subscribers_date",
)


class FieldRows(QWidget):
    """A form of field editors, each with a red message line under it when its value is wrong."""

    # Emitted when a message appears or disappears.
    problemsChanged = Signal()  # noqa: N815 - Qt naming

    def __init__(self, specs: Iterable[FieldSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, FieldEditor] = {}
        self.messages: dict[str, QLabel] = {}
        self._problems: dict[str, str] = {}
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for spec in specs:
            editor = create_editor(spec, self)
            editor.setObjectName(f"field_{spec.name}")
            message = QLabel(self)
            message.setObjectName(f"problem_{spec.name}")
            message.setStyleSheet(ERROR_STYLE)
            message.setWordWrap(True)
            message.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(message)
            label = spec.title + (" *" if spec.required else "")
            layout.addRow(label, column)
            self.editors[spec.name] = editor
            self.messages[spec.name] = message
            editor.problemChanged.connect(
                lambda text, name=spec.name: self.show_problem(name, text)
            )
            if isinstance(editor, ChoiceEditor):
                editor.currentIndexChanged.connect(lambda _i: self._recheck())
            else:
                editor.textChanged.connect(self._recheck)
        self._recheck()

    def show_problem(self, name: str, text: str) -> None:
        """Show (or with "" hide) the message next to a field."""
        label = self.messages[name]
        label.setText(text)
        label.setVisible(bool(text))
        before = dict(self._problems)
        if text:
            self._problems[name] = text
        else:
            self._problems.pop(name, None)
        if before != self._problems:
            self.problemsChanged.emit()

    def _recheck(self, *_args: object) -> None:
        """Check every field as core would (required values, URL against the network)."""
        self._follow_url()
        for name, editor in self.editors.items():
            self.show_problem(name, self._check(editor) or "")

    def _follow_url(self) -> None:
        """A recognised link decides the network, as the catalogue does when storing it."""
        url, network = self.editors.get("url"), self.editors.get("network")
        if url is None or not isinstance(network, ChoiceEditor) or not url.value():
            return
        try:
            found = canonical_url(str(url.value())).network
        except (NormalizeError, ValueError):
            return
        if found and found != "other" and network.value() != found:
            network.blockSignals(True)
            network.set_value(found)
            network.blockSignals(False)

    def _check(self, editor: FieldEditor) -> str | None:
        spec = editor.spec
        value = editor.value()
        try:
            coerce(spec, value)
            if spec.kind == "url" and value:
                network = self.editors["network"].value() if "network" in self.editors else None
                canonical_url(str(value), network or None)
        except (NormalizeError, ValueError) as error:
            return str(error)
        return None

    def problem(self) -> str | None:
        """The first message shown, or None when every field is acceptable."""
        return next(iter(self._problems.values()), None)

    def values(self, skip_empty: bool = True) -> dict[str, object]:
        """The entered values by field name (empty ones left out unless asked)."""
        values = {}
        for name, editor in self.editors.items():
            value = editor.value()
            if skip_empty and value in (None, ""):
                continue
            values[name] = value
        return values


class _RecordDialog(QDialog):
    """Common frame: the forms, OK/Cancel, OK enabled only while the values are acceptable."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.forms: list[FieldRows] = []
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def add_form(self, form: FieldRows) -> None:
        """Take part in the OK check."""
        self.forms.append(form)
        form.problemsChanged.connect(self._update_ok)

    def _update_ok(self) -> None:
        problem = any(form.problem() and form.isEnabled() for form in self.forms)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def show_error(self, field: str, text: str) -> None:
        """Show a message the catalogue gave next to the field it concerns (or the first one)."""
        for form in self.forms:
            if field in form.messages:
                form.show_problem(field, text)
                return
        self.forms[0].show_problem(next(iter(self.forms[0].messages)), text)


class NewOrganizationDialog(_RecordDialog):
    """Name and details of a new organisation in a territory, with an optional first page."""

    def __init__(self, territory_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newOrganizationDialog")
        self.setWindowTitle(self.tr("Новая организация"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Территория: {name}").format(name=territory_name), self))
        self.organization = FieldRows([ORGANIZATION_FIELD[n] for n in ORGANIZATION_FORM], self)
        self.add_form(self.organization)
        layout.addWidget(self.organization)
        self.with_page = QCheckBox(self.tr("Сразу добавить страницу"), self)
        self.with_page.setObjectName("withPage")
        self.with_page.setChecked(True)
        layout.addWidget(self.with_page)
        box = QGroupBox(self.tr("Страница"), self)
        box_layout = QVBoxLayout(box)
        self.page = FieldRows([PAGE_FIELD[n] for n in PAGE_FORM], box)
        self.add_form(self.page)
        box_layout.addWidget(self.page)
        layout.addWidget(box)
        self.with_page.toggled.connect(box.setEnabled)
        self.with_page.toggled.connect(lambda _on: self._update_ok())
        layout.addWidget(self.buttons)
        self.organization.editors["full_name"].setFocus()
        self._update_ok()

    def organization_values(self) -> dict[str, object]:
        """The organisation's entered values."""
        return self.organization.values()

    def page_values(self) -> dict[str, object] | None:
        """The first page's values, or None when no page is to be added."""
        return self.page.values() if self.with_page.isChecked() else None


class NewPageDialog(_RecordDialog):
    """Network, link and details of a new page of an organisation."""

    def __init__(self, organization_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPageDialog")
        self.setWindowTitle(self.tr("Новая страница"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Организация: {name}").format(name=organization_name), self)
        )
        self.page = FieldRows([PAGE_FIELD[n] for n in PAGE_FORM], self)
        self.add_form(self.page)
        layout.addWidget(self.page)
        layout.addWidget(self.buttons)
        url = self.page.editors["url"]
        assert isinstance(url, LineEditor)
        url.setFocus()
        self._update_ok()

    def page_values(self) -> dict[str, object]:
        """The entered values."""
        return self.page.values()
