"""The choice offered when another editor saved the same record first: keep mine or theirs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from editor.core.fields import ORGANIZATION_FIELD, PAGE_FIELD
from editor.core.versions import EditConflict


def _tr(text: str) -> str:
    return QCoreApplication.translate("EditConflict", text)


def _shown(value: object) -> str:
    return _tr("(пусто)") if value in (None, "") else str(value)


def keep_mine(parent: QWidget, conflict: EditConflict) -> bool:
    """Show both values of each field; True when the user saves their own over the other."""
    specs = PAGE_FIELD if conflict.entity == "page" else ORGANIZATION_FIELD
    lines = [
        _tr("{field}: у вас «{mine}», в каталоге сейчас «{theirs}»").format(
            field=specs[name].title if name in specs else name,
            mine=_shown(mine),
            theirs=_shown(theirs),
        )
        for name, (mine, theirs) in conflict.fields.items()
    ]
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Запись изменена другим пользователем"))
    box.setText(_tr("Пока вы редактировали, эту запись сохранил другой пользователь."))
    box.setInformativeText("\n".join(lines))
    mine = box.addButton(_tr("Сохранить моё"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_tr("Оставить из каталога"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is mine
