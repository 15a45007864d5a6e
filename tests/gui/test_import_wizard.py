"""The import wizard, driven like a user: files, mapping, territories, dry run, apply, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMainWindow

from editor.core import territories
from editor.core.backup import list_backups
from editor.core.store import Store
from editor.db.models import Organization, Page
from editor.ui import import_wizard as wizard_module
from editor.ui.import_wizard import (
    MAPPING_PAGE,
    RESULT_PAGE,
    REVIEW_PAGE,
    TERRITORY_PAGE,
    ImportWizard,
)
from editor.ui.settings import Settings
from tests.exchange.import_helpers import add_region, counts, write_xlsx

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

HEADER = ["Территория", "Организация", "Страница ВК", "Подписчики"]
ROWS = [
    ["Кетовский район", "Школа", "vk.com/school", 100],
    ["Лесниковский", "Клуб", "vk.com/club_lesnikovo", 20],
    ["г. Курган", "Библиотека", "vk.com/library", 30],
    ["г. Курган", "Музей", "vk.com/museum", -1],
]


class FakeWindow(QMainWindow):
    """What the wizard needs of the main window."""

    def __init__(
        self, path: Path, settings: Settings, territory: int, *, background: bool = False
    ) -> None:
        super().__init__()
        self.store = Store(str(path))
        self.undo_stack = QUndoStack()
        self.settings = settings
        self.background = background
        self.read_only = False
        self.catalogue_path = path
        self.errors: list[str] = []
        self._territory = territory

    def current_territory_id(self) -> int:
        return self._territory

    def show_error(self, text: str) -> None:
        self.errors.append(text)


@pytest.fixture
def setup(catalogue, tmp_path, qtbot):
    region = add_region()
    # A second «Лесниковский»: the row that names it must wait for the user.
    territories.create(region.kurgan, "Лесниковский поссовет", level="settlement")
    window = FakeWindow(catalogue, Settings.at(tmp_path / "settings.ini"), region.region)
    qtbot.addWidget(window)
    path = write_xlsx(tmp_path / "кетово.xlsx", HEADER, ROWS)
    yield window, region, path
    window.undo_stack.clear()


def _open(qtbot, window, path) -> ImportWizard:
    wizard = ImportWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.page(0).add_files([path])
    assert wizard.page(0).target.text().endswith("Курганская область")
    wizard.next()
    assert wizard.currentId() == MAPPING_PAGE
    return wizard


def test_the_whole_import_and_its_undo(setup, qtbot, tmp_path, monkeypatch):
    window, region, path = setup
    before = counts()
    wizard = _open(qtbot, window, path)
    mapping = wizard.page(MAPPING_PAGE)
    combo = mapping.field_combo("Страница ВК")
    assert combo.currentData() == ""  # not a known header
    combo.setCurrentIndex(combo.findData("url"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == TERRITORY_PAGE)
    assert counts() == before  # the dry run wrote nothing
    page = wizard.page(TERRITORY_PAGE)
    assert page.keys == ["лесниковский"]
    choice = page.combo("лесниковский")
    assert choice.count() == 3  # skip + two candidates
    choice.setCurrentIndex(choice.findData(region.lesnikovo))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW_PAGE)
    review = wizard.page(REVIEW_PAGE)
    assert "Новых: 3" in review.summary.text() and "отклонено: 1" in review.summary.text()
    rejected = review.groups["rejected"].child(0)
    assert rejected.text(0) == "кетово.xlsx, лист «Реестр», строка 7"
    assert "отрицательн" in rejected.text(3)

    errors = tmp_path / "ошибки.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(errors), ""))
    review.save_errors.click()
    book = load_workbook(errors)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows[0][-1] == "Причина" and rows[1][1] == "Музей"

    new_group = review.groups["new"]
    library = next(
        new_group.child(i)
        for i in range(new_group.childCount())
        if new_group.child(i).text(1) == "Библиотека"
    )
    library.setCheckState(0, library.checkState(0).Unchecked)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE)
    assert "Пакет импорта №" in wizard.page(RESULT_PAGE).text.text()
    assert Organization.get(Organization.full_name == "Клуб").territory_id == region.lesnikovo
    assert not Organization.select().where(Organization.full_name == "Библиотека").exists()
    assert Page.select().count() == 2
    assert list_backups(window.catalogue_path, "import")
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert Page.select().count() == 0
    window.undo_stack.redo()
    assert Page.select().count() == 2
    assert window.errors == []


def test_a_corrected_mapping_is_remembered_for_the_same_headers(setup, qtbot, tmp_path):
    window, _, path = setup
    wizard = _open(qtbot, window, path)
    combo = wizard.page(MAPPING_PAGE).field_combo("Страница ВК")
    combo.setCurrentIndex(combo.findData("url"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == TERRITORY_PAGE)
    wizard.close()
    other = write_xlsx(
        tmp_path / "другой.xlsx", list(reversed(HEADER)), [[1, "vk.com/a", "Б", None]]
    )
    again = _open(qtbot, window, other)
    assert again.page(MAPPING_PAGE).field_combo("Страница ВК").currentData() == "url"
    again.close()


def test_a_cancelled_import_changes_nothing(setup, qtbot, monkeypatch):
    window, _, path = setup
    wizard = _open(qtbot, window, path)
    combo = wizard.page(MAPPING_PAGE).field_combo("Страница ВК")
    combo.setCurrentIndex(combo.findData("url"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == TERRITORY_PAGE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW_PAGE)
    before = counts()

    def cancelled(paths, options, *, progress, is_cancelled):
        raise wizard_module.ImportCancelled("Импорт отменён")

    monkeypatch.setattr(wizard_module, "run_import", cancelled)
    wizard.next()
    assert wizard.currentId() == REVIEW_PAGE
    assert window.errors == ["Импорт отменён: каталог не изменён"]
    assert counts()["pages"] == before["pages"] and window.undo_stack.count() == 0


def test_the_dry_run_runs_in_the_background(setup, qtbot, tmp_path):
    window, _, _ = setup
    window.background = True
    path = write_xlsx(tmp_path / "a.xlsx", ["Организация", "Ссылка"], [["Школа", "vk.com/s"]])
    wizard = _open(qtbot, window, path)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW_PAGE, timeout=20_000)
    assert "Новых: 1" in wizard.page(REVIEW_PAGE).summary.text()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE, timeout=20_000)
    assert Page.get(Page.url == "https://vk.com/s").organization.full_name == "Школа"


def test_the_window_action_imports_into_the_selected_territory(qtbot, tmp_path):
    from PySide6.QtGui import QAction

    from tests.gui.window_helpers import open_window, sample_file

    sample = sample_file(tmp_path)
    window = open_window(qtbot, sample.path, tmp_path / "settings.ini")
    assert window.select_territory(sample.ketovo)
    pages = Page.select().count()
    window.findChild(QAction, "actionImport").trigger()
    wizard = window.findChild(ImportWizard)
    assert wizard.target_id == sample.ketovo
    path = write_xlsx(tmp_path / "a.xlsx", ["Организация", "Ссылка"], [["Новая школа", "vk.com/n"]])
    wizard.page(0).add_files([path])
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW_PAGE, timeout=20_000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == RESULT_PAGE, timeout=20_000)
    assert Page.select().count() == pages + 1
    assert Organization.get(Organization.full_name == "Новая школа").territory_id == sample.ketovo
    assert window.undo_stack.canUndo()
    wizard.accept()
    window.undo_stack.undo()
    assert Page.select().count() == pages
