"""The change log of one page (with its organisation and subscriber counts): when, what,
old → new, and where the change came from."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QVBoxLayout, QWidget

from editor.core import records, spheres
from editor.core.changelog import Change, page_history
from editor.core.fields import ORGANIZATION_FIELD, PAGE_FIELD, QT_TRANSLATE_NOOP
from editor.core.normalize import NETWORK_LABELS, STATUS_LABELS
from editor.ui.text_table import TextTableModel, prepare_view

_CONTEXT = "HistoryDialog"

ACTIONS = {
    "create": QT_TRANSLATE_NOOP(_CONTEXT, "создание"),
    "update": QT_TRANSLATE_NOOP(_CONTEXT, "изменение"),
    "delete": QT_TRANSLATE_NOOP(_CONTEXT, "удаление"),
    "restore": QT_TRANSLATE_NOOP(_CONTEXT, "восстановление"),
    "merge": QT_TRANSLATE_NOOP(_CONTEXT, "объединение дубликатов"),
    "move": QT_TRANSLATE_NOOP(_CONTEXT, "перемещение"),
}
ORIGINS = {
    "manual": QT_TRANSLATE_NOOP(_CONTEXT, "вручную"),
    "bulk": QT_TRANSLATE_NOOP(_CONTEXT, "массовое изменение"),
    "import": QT_TRANSLATE_NOOP(_CONTEXT, "импорт"),
    "undo": QT_TRANSLATE_NOOP(_CONTEXT, "отмена"),
    "system": QT_TRANSLATE_NOOP(_CONTEXT, "система"),
    "classifier": QT_TRANSLATE_NOOP(_CONTEXT, "классификатор"),
}
HEADERS = (
    QT_TRANSLATE_NOOP(_CONTEXT, "Когда"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Что"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Было"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Стало"),
    QT_TRANSLATE_NOOP(_CONTEXT, "Источник"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def describe(change: Change) -> tuple[str, str, str, str, str]:
    """The five shown texts of a change-log entry."""
    when = change.at.strftime("%d.%m.%Y %H:%M:%S") if change.at else ""
    action = _tr(ACTIONS.get(change.action, change.action))
    specs = PAGE_FIELD if change.entity == "page" else ORGANIZATION_FIELD
    if change.entity == "subscriber_count":
        what = _tr("Подписчики на {date}").format(date=change.field)
    elif change.action == "update" and change.field in specs:
        what = specs[change.field].title
        if change.entity == "organization":
            what = _tr("Организация: {field}").format(field=what)
    else:
        entity = _tr("организация") if change.entity == "organization" else _tr("страница")
        what = f"{entity}: {action}"
    old, new = _value(change, change.old), _value(change, change.new)
    origin = _tr(ORIGINS.get(change.origin, change.origin))
    if change.batch_id:
        origin = f"{origin} №{change.batch_id}"
    return when, what, old, new, origin


def _value(change: Change, text: str | None) -> str:
    if text is None:
        return ""
    if change.field == "status":
        return STATUS_LABELS.get(text, text)
    if change.field == "network":
        return NETWORK_LABELS.get(text, text)
    if change.field in ("sphere1", "sphere2", "sphere3") and text.isdigit():
        return spheres.labels().get(int(text), text)
    return text


class HistoryDialog(QDialog):
    """Shows the change log of a page and its organisation."""

    def __init__(self, page_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        page = records.get_page(page_id)
        title = page.title or page.url or page.organization.full_name
        self.setWindowTitle(self.tr("Журнал изменений: {title}").format(title=title))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(page.organization.full_name, self))
        entries = page_history(page_id, page.organization_id)
        self.model = TextTableModel(
            [_tr(h) for h in HEADERS], [describe(e) for e in entries], [e.id for e in entries], self
        )
        self.view = QTableView(self)
        self.view.setObjectName("historyTable")
        self.view.setAccessibleName(self.tr("Журнал изменений"))
        prepare_view(self.view, self.model)
        layout.addWidget(self.view)
        if not self.model.rows:
            layout.addWidget(QLabel(self.tr("Изменений пока нет"), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 420)
