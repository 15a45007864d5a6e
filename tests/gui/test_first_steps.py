"""The first hour in the editor: the welcome panel, the home region, the toolbar, and the
classifier dialog that previews the municipal reform and applies it as one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QToolBar

from editor.core import records, territories
from editor.core.catalogue import init_catalogue
from editor.db.database import close_catalogue
from editor.db.models import db
from editor.exchange.classifiers.load import load_files
from editor.ui.classifier_dialog import ClassifierDialog
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window
from tests.test_reform import snapshot, write_list

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def fresh(qtbot, tmp_path):
    """A window on a new catalogue (Russia and its subjects, no pages)."""
    path = tmp_path / "fresh.gpc"
    init_catalogue(path)
    close_catalogue()
    return open_window(qtbot, path, tmp_path / "settings.ini")


@pytest.fixture
def reformed(qtbot, tmp_path):
    """A window on a catalogue of the 2020 Kurgan districts with pages, and the current list."""
    path = tmp_path / "old.gpc"
    init_catalogue(path)
    source = write_list(tmp_path / "municipalities.xlsx")
    load_files([source], year=2020)
    for code, url in (("37614000", "https://vk.com/ketovo"), ("37642000", "https://vk.com/shum")):
        organization = records.create_organization(
            territories.resolve(code).id, {"full_name": f"Администрация {code}"}
        )
        records.create_page(organization.id, {"url": url})
    close_catalogue()
    return open_window(qtbot, path, tmp_path / "settings.ini"), source


def test_welcome_panel_shows_while_there_are_no_pages(fresh):
    window = fresh
    panel = window.findChild(object, "welcomePanel")
    assert panel.isVisible() and not window.page_table.isVisible()

    organization = records.create_organization(
        territories.resolve("37000000").id, {"full_name": "Правительство Курганской области"}
    )
    page = records.create_page(organization.id, {"url": "https://vk.com/kurganobl"})
    window.store.pagesAddedOrRemoved.emit()
    assert not panel.isVisible() and window.page_table.isVisible()

    db.execute_sql("DELETE FROM page WHERE id = ?", (page.id,))
    window.store.reset.emit()
    assert panel.isVisible()


def test_home_region_opens_the_tree_and_is_remembered_per_catalogue(qtbot, fresh, tmp_path):
    window = fresh
    combo = window.findChild(object, "homeRegion")
    index = combo.findData("37000000")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)

    assert window.current_territory_id() == territories.resolve("37000000").id
    assert window.settings.home_region(window.catalogue_path) == "37000000"
    assert window.first_steps.home_region_id() == territories.resolve("37000000").id
    window.close()
    again = open_window(qtbot, window.catalogue_path, tmp_path / "settings.ini")
    assert again.current_territory_id() == territories.resolve("37000000").id


def test_toolbar_holds_the_frequent_actions(fresh):
    bar = fresh.findChild(QToolBar, "mainToolBar")
    names = {action.objectName() for action in bar.actions()}
    assert {
        "actionImport",
        "actionExport",
        "actionAddOrganization",
        "actionUndo",
        "actionRedo",
        "actionLoadClassifier",
    } <= names
    # The quick filter itself sits in the toolbar, and typing there filters the table.
    quick = fresh.findChild(QLineEdit, "quickFilter")
    assert quick.parentWidget() is bar and quick.isVisibleTo(fresh)
    menu = {action.objectName() for action in fresh.menu_territory.actions()}
    assert "actionLoadClassifier" in menu


def preview_rows(dialog: ClassifierDialog) -> dict[str, list[str]]:
    tree = dialog.tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return {g.text(0): [g.child(i).text(0) for i in range(g.childCount())] for g in groups}


def test_dialog_previews_the_reform_applies_it_and_undo_restores(qtbot, reformed):
    window, source = reformed
    before = snapshot()
    dialog = ClassifierDialog(window)
    qtbot.addWidget(dialog)

    dialog.set_files([source])

    rows = preview_rows(dialog)
    transformed = next(v for k, v in rows.items() if k.startswith("Преобразованы"))
    assert transformed == [
        "Кетовский муниципальный район (37614000) → Кетовский муниципальный округ (37514000)",
        "Шумихинский муниципальный район (37642000) → муниципальный округ Шумихинский (37542000)",
    ]
    assert snapshot() == before  # the preview writes nothing
    assert dialog.apply_button.isEnabled()

    # Untick Шумиха's transformation: only Кетово is handed over.
    group = next(
        dialog.tree.topLevelItem(i)
        for i in range(dialog.tree.topLevelItemCount())
        if dialog.tree.topLevelItem(i).text(0).startswith("Преобразованы")
    )
    group.child(1).setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.selection().skip_transforms == {"37642000"}, dialog.selection()
    dialog.apply()

    assert [item.old_code for item in dialog.result.transformed] == ["37614000"], (
        dialog.result.summary(),
        dialog.selection(),
    )
    okrug = territories.resolve("37514000")
    assert territories.resolve("37614000").id == okrug.id
    assert territories.resolve("37642000").name == "Шумихинский муниципальный район"
    assert window.undo_stack.count() == 1
    after = snapshot()

    window.undo_stack.undo()
    assert snapshot() == before
    window.undo_stack.redo()
    assert snapshot() == after


def test_dialog_reports_a_bad_file_and_changes_nothing(qtbot, reformed, tmp_path):
    window, _source = reformed
    bad = tmp_path / "bad.csv"
    bad.write_text("name,type\nАдыгея,Респ\n", encoding="utf-8")
    before = snapshot()
    dialog = ClassifierDialog(window)
    qtbot.addWidget(dialog)

    dialog.set_files([bad])

    assert "формат не распознан" in dialog.summary.text()
    assert "формат не распознан" in window.last_error
    assert not dialog.apply_button.isEnabled()
    assert snapshot() == before


def test_qt_file_dialog_speaks_russian(qtbot):
    from PySide6.QtWidgets import QApplication, QFileDialog

    from editor.ui.translators import install_translators

    install_translators(QApplication.instance(), "ru")
    dialog = QFileDialog(None, "Файлы", "", "Таблицы (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    # Qt 6 asks for «&Look in:» and «Files of &type:»; qtbase_ru.qm knows the older texts.
    look_in = dialog.labelText(QFileDialog.DialogLabel.LookIn)
    assert look_in.replace("&", "") == "Перейти к:"
    assert dialog.labelText(QFileDialog.DialogLabel.FileType).replace("&", "") == "Типы файлов:"


def test_a_cancelled_load_changes_nothing(qtbot, reformed):
    from editor.tasks.runner import CancelledError
    from editor.ui.classifier_dialog import _job

    _window, source = reformed
    before = snapshot()
    asked = []

    def cancel_late() -> bool:  # after the files were read, inside the write
        asked.append(True)
        return len(asked) > 2

    with pytest.raises(CancelledError, match="отменена"):
        _job([source], None, False, progress=lambda *_: None, is_cancelled=cancel_late)
    assert snapshot() == before
