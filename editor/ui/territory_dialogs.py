"""Dialogs of the territory tree: a new territory, a new name, and where a deleted territory's
records go. Wrong values are explained in red next to the field; OK waits until they are fixed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from editor.core import territories
from editor.core.territories import LEVELS
from editor.ui.record_dialogs import ERROR_STYLE


def _message(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _show(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


class _Dialog(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def set_ok(self, enabled: bool) -> None:
        """Allow or forbid OK."""
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(enabled)


class AddTerritoryDialog(_Dialog):
    """Name, level, kind and ОКТМО of a new territory under a parent."""

    def __init__(self, parent_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addTerritoryDialog")
        self.setWindowTitle(self.tr("Новая территория"))
        node = territories.get(parent_id)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Входит в: {name}").format(name=node.name), self))
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setObjectName("territoryName")
        self.name.setAccessibleName(self.tr("Название"))
        self.name_problem = _message(self, "problem_name")
        form.addRow(self.tr("Название *"), self.name)
        form.addRow("", self.name_problem)
        self.level = QComboBox(self)
        self.level.setObjectName("territoryLevel")
        self.level.setAccessibleName(self.tr("Уровень"))
        for level in range(node.level + 1, len(LEVELS)):
            self.level.addItem(territories.level_label(level), level)
        form.addRow(self.tr("Уровень"), self.level)
        self.kind = QLineEdit(self)
        self.kind.setObjectName("territoryKind")
        self.kind.setPlaceholderText(self.tr("например, территориальный отдел"))
        form.addRow(self.tr("Вид"), self.kind)
        self.oktmo = QLineEdit(self)
        self.oktmo.setObjectName("territoryOktmo")
        self.oktmo.setAccessibleName(self.tr("Код ОКТМО"))
        self.oktmo_problem = _message(self, "problem_oktmo")
        form.addRow(self.tr("Код ОКТМО"), self.oktmo)
        form.addRow("", self.oktmo_problem)
        layout.addLayout(form)
        if self.level.count() == 0:
            layout.addWidget(QLabel(self.tr("Ниже этого уровня территорий не бывает"), self))
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._check)
        self.oktmo.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        name_problem = "" if self.name.text().strip() else self.tr("Укажите название")
        code = self.oktmo.text().strip()
        oktmo_problem = ""
        if code and (not code.isdigit() or len(code) not in (8, 11)):
            oktmo_problem = self.tr("Код ОКТМО — 8 или 11 цифр")
        _show(self.name_problem, name_problem if self.name.isModified() else "")
        _show(self.oktmo_problem, oktmo_problem)
        self.set_ok(not name_problem and not oktmo_problem and self.level.count() > 0)

    def values(self) -> dict[str, object]:
        """name, level (index), kind, oktmo (None when empty)."""
        return {
            "name": self.name.text().strip(),
            "level": self.level.currentData(),
            "kind": self.kind.text().strip(),
            "oktmo": self.oktmo.text().strip() or None,
        }

    def show_error(self, text: str) -> None:
        """A refusal from the catalogue (e.g. a taken ОКТМО) next to the field it concerns."""
        _show(self.oktmo_problem if "ОКТМО" in text else self.name_problem, text)


class RenameTerritoryDialog(_Dialog):
    """A new name for a territory."""

    def __init__(self, territory_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renameTerritoryDialog")
        self.setWindowTitle(self.tr("Переименование территории"))
        self.former = territories.get(territory_id).name
        layout = QFormLayout(self)
        self.name = QLineEdit(self.former, self)
        self.name.setObjectName("territoryName")
        self.name.setAccessibleName(self.tr("Название"))
        self.name.selectAll()
        self.problem = _message(self, "problem_name")
        layout.addRow(self.tr("Название"), self.name)
        layout.addRow("", self.problem)
        layout.addRow(self.buttons)
        self.name.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        text = " ".join(self.name.text().split())
        _show(self.problem, "" if text else self.tr("Название не может быть пустым"))
        self.set_ok(bool(text) and text != self.former)

    def new_name(self) -> str:
        """The typed name, spaces collapsed."""
        return " ".join(self.name.text().split())

    def show_error(self, text: str) -> None:
        """A refusal from the catalogue, next to the name."""
        _show(self.problem, text)


class DeleteTerritoryDialog(_Dialog):
    """Confirms a deletion; when the territory holds records, asks where they go."""

    def __init__(
        self, territory_id: int, organizations: int, pages: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deleteTerritoryDialog")
        self.setWindowTitle(self.tr("Удаление территории"))
        node = territories.get(territory_id)
        self.territory_id = territory_id
        layout = QVBoxLayout(self)
        text = self.tr("Удалить «{name}» вместе со всеми вложенными территориями?").format(
            name=node.name
        )
        layout.addWidget(QLabel(text, self))
        self.target: QComboBox | None = None
        if organizations:
            held = self.tr(
                "В ней {organizations} организаций и {pages} страниц. Куда перенести эти записи?"
            ).format(organizations=organizations, pages=pages)
            layout.addWidget(QLabel(held, self))
            self.target = QComboBox(self)
            self.target.setObjectName("reassignTarget")
            self.target.setAccessibleName(self.tr("Куда перенести записи"))
            for candidate in self._candidates(node):
                self.target.addItem(territories.path_of(candidate.id), candidate.id)
            layout.addWidget(self.target)
        layout.addWidget(self.buttons)

    @staticmethod
    def _candidates(node) -> list:
        """The parent first, then its other children (the deleted node's siblings), then above."""
        if node.parent_id is None:
            return []
        chain = territories.ancestors(node.parent_id)[::-1]
        siblings = [t for t in territories.children(node.parent_id) if t.id != node.id]
        return [chain[0], *siblings, *chain[1:]]

    def reassign_to(self) -> int | None:
        """Where the records go (None when the territory holds none)."""
        return None if self.target is None else self.target.currentData()
