"""The import wizard's help with territories: candidates as «unit — subject», a suggestion for
ambiguous names from the subject where the file's other rows lie, and the skipped rows listed.

A municipal file names its municipalities by short name («Тамбовский»), which several subjects
share; the rows that did resolve show which subject the file is about, so the candidate there
is offered (marked as a suggestion, applied to all with one button), never chosen silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QTreeView,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core import regions
from editor.exchange.importing.report import ImportReport
from editor.itemmodels.territory_model import TerritoryTreeModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportSuggestions", text)


@dataclass
class Suggestions:
    """Labels of every candidate and the suggested candidate of each ambiguous text."""

    labels: dict[int, str] = field(default_factory=dict)
    chosen: dict[str, int] = field(default_factory=dict)  # unresolved key → territory id
    region: str = ""  # the subject the file's resolved rows lie in


def suggest(report: ImportReport) -> Suggestions:
    """Candidates' labels and, when the resolved rows lie in one subject, its candidates."""
    ids = {tid for entry in report.unresolved.values() for tid, _path in entry.candidates}
    result = Suggestions(labels=regions.labels(ids))
    home = regions.dominant_region(report.resolved_rows)
    if home is None:
        return result
    result.region = regions.labels([home]).get(home, "")
    where = regions.region_of(ids)
    for key, entry in report.unresolved.items():
        inside = [tid for tid, _path in entry.candidates if where.get(tid) == home]
        if len(inside) == 1:
            result.chosen[key] = inside[0]
    return result


def fill_combo(
    combo: QComboBox, candidates: list[tuple[int, str]], found: Suggestions, key: str
) -> None:
    """The candidates as «unit — subject» (the full path as a tooltip), the suggestion marked."""
    for territory_id, path in candidates:
        label = found.labels.get(territory_id) or path
        if found.chosen.get(key) == territory_id:
            label = _tr("{label} (предложено)").format(label=label)
        combo.addItem(label, territory_id)
        combo.setItemData(combo.count() - 1, path, Qt.ItemDataRole.ToolTipRole)


def accept_all(combos: dict[str, QComboBox], found: Suggestions) -> int:
    """Select every suggested candidate; return how many were applied."""
    applied = 0
    for key, territory_id in found.chosen.items():
        combo = combos.get(key)
        index = combo.findData(territory_id) if combo is not None else -1
        if index >= 0:
            combo.setCurrentIndex(index)
            applied += 1
    return applied


def skipped_group(report: ImportReport, parent: QTreeWidgetItem, limit: int) -> None:
    """List the rows skipped by the user's choice, each with its place and reason."""
    for rejection in report.skipped_rows[:limit]:
        problem = rejection.problems[0]
        QTreeWidgetItem(
            parent,
            [
                report.place(rejection.file_index, rejection.row),
                str(problem.value or ""),
                "",
                problem.reason,
            ],
        )


def target_completer(parent: QWidget) -> QCompleter:
    """Completion of «Территория импорта» by any part of a territory's path."""
    completer = QCompleter([path for _id, path in regions.territory_paths()], parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setMaxVisibleItems(15)
    return completer


def default_target(current: int | None, home: int | None) -> int | None:
    """Where rows without a territory go: the selected territory, unless it lies above the
    subjects (Russia, a federal district) and the catalogue has a home region."""
    if home is None:
        return current
    if current is None or not regions.region_of([current]):
        return home
    return current


def pick_territory(window: QWidget, current: int | None) -> int | None:
    """Choose a territory in a tree like the main window's; None when cancelled."""
    dialog = QDialog(window)
    dialog.setObjectName("territoryPicker")
    dialog.setWindowTitle(_tr("Территория импорта"))
    model = TerritoryTreeModel(window.store, window.undo_stack, dialog, background=False)
    view = QTreeView(dialog)
    view.setModel(model)
    view.setHeaderHidden(True)
    for column in range(1, model.columnCount()):
        view.setColumnHidden(column, True)
    if current is not None:
        index = model.index_of(current)
        view.setCurrentIndex(index)
        view.scrollTo(index)
    else:
        view.expand(model.index(0, 0))
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    view.doubleClicked.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(480, 560)
    if dialog.exec() != QDialog.DialogCode.Accepted or not view.currentIndex().isValid():
        return None
    return model.territory_id(view.currentIndex())
