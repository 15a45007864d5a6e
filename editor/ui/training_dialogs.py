"""The seminar and participant forms of the «Обучение» view.

They only collect values; the view turns them into undo commands, which check them, and shows
a refusal under the form (the dialog stays open with what was typed).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.core import territories, training
from editor.core.territories import TerritoryError


def format_combo(parent: QWidget) -> QComboBox:
    """«очно» / «онлайн», the stored code as item data."""
    combo = QComboBox(parent)
    for code in training.FORMAT_LABELS:
        combo.addItem(training.format_label(code), code)
    return combo


def resolve_territory(text: str) -> int | None:
    """The territory a user typed (name, path or ОКТМО); None for empty; TerritoryError."""
    return territories.resolve(text).id if text.strip() else None


class _Form(QDialog):
    """A form with an error line under it and OK/Cancel."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #a00;")
        self.error.setWordWrap(True)
        self.error.hide()
        outer.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)

    def show_error(self, text: str) -> None:
        """Show why the values were refused."""
        self.error.setText(text)
        self.error.show()


class SeminarDialog(_Form):
    """Title, date, format, territory, organiser, notes of a seminar."""

    def __init__(self, values: dict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Семинар") if values else self.tr("Новый семинар"), parent)
        self.setObjectName("seminarDialog")
        values = values or {}
        self.title_edit = QLineEdit(str(values.get("title") or ""), self)
        self.title_edit.setObjectName("seminarTitle")
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("seminarDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        date = values.get("date") or dt.date.today()
        self.date_edit.setDate(QDate(date.year, date.month, date.day))
        self.format_combo = format_combo(self)
        self.format_combo.setObjectName("seminarFormat")
        self.format_combo.setCurrentIndex(
            max(0, self.format_combo.findData(values.get("format") or "in_person"))
        )
        territory = values.get("territory")
        self.territory_edit = QLineEdit(territories.path_of(territory) if territory else "", self)
        self.territory_edit.setObjectName("seminarTerritory")
        self.territory_edit.setPlaceholderText(self.tr("название, путь или код ОКТМО"))
        self.organiser_edit = QLineEdit(str(values.get("organiser") or ""), self)
        self.notes_edit = QPlainTextEdit(str(values.get("notes") or ""), self)
        self.notes_edit.setFixedHeight(60)
        self.form.addRow(self.tr("Название"), self.title_edit)
        self.form.addRow(self.tr("Дата"), self.date_edit)
        self.form.addRow(self.tr("Формат"), self.format_combo)
        self.form.addRow(self.tr("Для территории"), self.territory_edit)
        self.form.addRow(self.tr("Организатор"), self.organiser_edit)
        self.form.addRow(self.tr("Примечание"), self.notes_edit)
        self.resize(460, 0)

    def values(self) -> dict[str, object]:
        """The values typed; TerritoryError when the territory is not found."""
        return {
            "title": self.title_edit.text(),
            "date": self.date_edit.date().toPython(),
            "format": self.format_combo.currentData(),
            "territory": resolve_territory(self.territory_edit.text()),
            "organiser": self.organiser_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }

    def accept(self) -> None:  # noqa: D102 - Qt override
        try:
            resolve_territory(self.territory_edit.text())
        except TerritoryError as error:
            self.show_error(str(error))
            return
        if not self.title_edit.text().strip():
            self.show_error(self.tr("Укажите название семинара"))
            return
        super().accept()


class ParticipantDialog(_Form):
    """Name, position, organisation (linked when chosen from the catalogue), contacts."""

    def __init__(self, values: dict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Участник") if values else self.tr("Новый участник"), parent)
        self.setObjectName("participantDialog")
        values = values or {}
        self.name_edit = QLineEdit(str(values.get("full_name") or ""), self)
        self.name_edit.setObjectName("participantName")
        self.position_edit = QLineEdit(str(values.get("position") or ""), self)
        self.organization_combo = QComboBox(self)
        self.organization_combo.setObjectName("participantOrganization")
        self.organization_combo.setEditable(True)
        self.organization_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.organization_combo.lineEdit().setPlaceholderText(
            self.tr("начните вводить название — найдутся организации каталога")
        )
        organization = values.get("organization")
        if organization is not None:
            for oid, label in training.organization_choices(
                str(values.get("organization_name") or ""), 50
            ):
                self.organization_combo.addItem(label, oid)
            found = self.organization_combo.findData(organization)
            if found >= 0:
                self.organization_combo.setCurrentIndex(found)
        else:
            self.organization_combo.setEditText(str(values.get("organization_text") or ""))
        self._search = QTimer(self)
        self._search.setSingleShot(True)
        self._search.setInterval(250)
        self._search.timeout.connect(self._find_organizations)
        self.organization_combo.lineEdit().textEdited.connect(lambda _t: self._search.start())
        self.email_edit = QLineEdit(str(values.get("email") or ""), self)
        self.phone_edit = QLineEdit(str(values.get("phone") or ""), self)
        self.form.addRow(self.tr("ФИО"), self.name_edit)
        self.form.addRow(self.tr("Должность"), self.position_edit)
        self.form.addRow(self.tr("Организация"), self.organization_combo)
        self.form.addRow(self.tr("E-mail"), self.email_edit)
        self.form.addRow(self.tr("Телефон"), self.phone_edit)
        self.resize(520, 0)

    def _find_organizations(self) -> None:
        combo = self.organization_combo
        text = combo.currentText()
        if len(text.strip()) < 3:
            return
        combo.blockSignals(True)
        combo.clear()
        for oid, label in training.organization_choices(text):
            combo.addItem(label, oid)
        combo.setEditText(text)
        combo.blockSignals(False)
        if combo.count():
            combo.showPopup()

    def values(self) -> dict[str, object]:
        """The values typed; the organisation linked when the text is one of the found ones."""
        combo = self.organization_combo
        text = combo.currentText().strip()
        found = combo.findText(text, Qt.MatchFlag.MatchExactly)
        organization = combo.itemData(found) if found >= 0 else None
        return {
            "full_name": self.name_edit.text(),
            "position": self.position_edit.text(),
            "organization": organization,
            "organization_text": "" if organization is not None else text,
            "email": self.email_edit.text(),
            "phone": self.phone_edit.text(),
        }

    def accept(self) -> None:  # noqa: D102 - Qt override
        if not self.name_edit.text().strip():
            self.show_error(self.tr("Укажите ФИО участника"))
            return
        super().accept()
