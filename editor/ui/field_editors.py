"""Editors for one field value, shared by the table's cells and the detail form.

Each editor knows its FieldSpec, shows and returns a typed value (`value()` / `set_value()`), says
when the user finished an edit (`committed`), and checks the value live (`problemChanged`) so
that a wrong value is explained next to the field before anything is stored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from editor.core import normalize as nz
from editor.core import spheres
from editor.core.fields import FieldSpec, coerce
from editor.core.urls import canonical_url
from editor.itemmodels.page_columns import checksum_problem, format_value

_INVALID_STYLE = "border: 1px solid #c62828;"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FieldEditors", text)


def choices_for(spec: FieldSpec) -> list[tuple[str, object]]:
    """(label, value) pairs of a drop-down field; the first is «empty» unless required."""
    empty: list[tuple[str, object]] = [] if spec.required else [("", None)]
    match spec.kind:
        case "network":
            return empty + [(format_value("network", code), code) for code in nz.NETWORKS]
        case "status":
            return empty + [(format_value("status", code), code) for code in nz.STATUSES]
        case "bool":
            return [*empty, (_tr("да"), True), (_tr("нет"), False)]
        case "widgets":
            return empty + [(str(n), n) for n in range(3)]
        case "sphere":
            labels = spheres.labels()
            return empty + [(labels[s.id], s.id) for s in spheres.all_spheres()]
    return []


def text_of(spec: FieldSpec, value: object) -> str:
    """The text a line editor shows for a stored value."""
    if value is None:
        return ""
    if spec.kind in ("date", "percent"):
        return format_value(spec.kind, value)
    return str(value)


class ChoiceEditor(QComboBox):
    """A drop-down of fixed values (network, status, flags, widgets, sphere)."""

    committed = Signal()
    problemChanged = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setAccessibleName(spec.title)
        # Long sphere names must not widen the form beyond its dock.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self.reload_choices()
        self.activated.connect(lambda _index: self.committed.emit())

    def reload_choices(self) -> None:
        """Fill the list again (the sphere dictionary may have changed)."""
        current = self.value() if self.count() else None
        self.blockSignals(True)
        self.clear()
        for label, value in choices_for(self.spec):
            self.addItem(label, value)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> object:
        """The chosen value (None for empty)."""
        return self.currentData()

    def set_value(self, value: object) -> None:
        """Show a value; an unknown one shows as empty."""
        for index in range(self.count()):
            if self.itemData(index) == value and (value is not None or self.itemText(index) == ""):
                self.setCurrentIndex(index)
                return
        self.setCurrentIndex(0 if self.count() else -1)

    def problem(self) -> str | None:
        """A drop-down always holds a valid value."""
        return None


class LineEditor(QLineEdit):
    """A one-line text, number, date, ОГРН/ИНН or URL field with a live check."""

    committed = Signal()
    problemChanged = Signal(str)  # noqa: N815

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.network: str | None = None  # the row's network, for URL checks
        self._problem: str | None = None
        self.setAccessibleName(spec.title)
        self.setClearButtonEnabled(spec.kind in ("url", "text"))
        if spec.kind in ("count", "int"):
            # Integers ≥ 0, with the spaces people type as thousands separators.
            pattern = QRegularExpression("[0-9\\s\u00a0\u2009]*")
            self.setValidator(QRegularExpressionValidator(pattern, self))
        if spec.kind == "date":
            self.setPlaceholderText(_tr("ДД.ММ.ГГГГ"))
        if spec.kind == "url":
            self.setPlaceholderText("https://vk.com/…")
        self.editingFinished.connect(self.committed.emit)
        self.textChanged.connect(self._check)

    def value(self) -> object:
        """The typed text (core converts and checks it when stored)."""
        return self.text().strip()

    def set_value(self, value: object) -> None:
        """Show a stored value."""
        self.blockSignals(True)
        self.setText(text_of(self.spec, value))
        self.blockSignals(False)
        # A stored empty value is what the catalogue holds, not a mistake to point at.
        self._check(self.text(), quiet=value is None)

    def problem(self) -> str | None:
        """Why the current text would be refused, or None."""
        return self._problem

    def canonical(self) -> str | None:
        """For a URL field: the canonical form of a valid link."""
        if self.spec.kind != "url" or self._problem or not self.text().strip():
            return None
        return canonical_url(self.text().strip(), self.network).url

    def _check(self, text: str, quiet: bool = False) -> None:
        problem = None
        try:
            coerce(self.spec, text)
            problem = checksum_problem(self.spec, text)
            if self.spec.kind == "url" and text.strip():
                canonical = canonical_url(text.strip(), self.network)
                self.setToolTip(canonical.url)
        except (nz.NormalizeError, ValueError) as error:
            problem = None if quiet else str(error)
        if problem != self._problem:
            self._problem = problem
            self.setStyleSheet(_INVALID_STYLE if problem else "")
            if problem:
                self.setToolTip(problem)
            self.problemChanged.emit(problem or "")


class TextAreaEditor(QPlainTextEdit):
    """A multi-line note in the form; commits when focus leaves."""

    committed = Signal()
    problemChanged = Signal(str)  # noqa: N815

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setAccessibleName(spec.title)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)

    def value(self) -> object:
        """The note's text."""
        return self.toPlainText().strip()

    def set_value(self, value: object) -> None:
        """Show a stored note."""
        self.setPlainText("" if value is None else str(value))

    def problem(self) -> str | None:
        """Any text is a valid note."""
        return None

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.committed.emit()


FieldEditor = ChoiceEditor | LineEditor | TextAreaEditor


def create_editor(
    spec: FieldSpec, parent: QWidget | None = None, *, multiline: bool = False
) -> FieldEditor:
    """The editor widget for a field (drop-down for coded values, a line otherwise)."""
    if spec.kind in ("network", "status", "bool", "widgets", "sphere"):
        return ChoiceEditor(spec, parent)
    if multiline and spec.name == "notes":
        return TextAreaEditor(spec, parent)
    return LineEditor(spec, parent)
