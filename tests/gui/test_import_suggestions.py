"""The import wizard on a municipal file: ambiguous short names get the candidate of the subject
where the file's other rows lie (as a suggestion), candidates read «unit — subject», skipped rows
are listed and saved with their reason, and the import target defaults to the home region."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from editor.core import territories
from editor.db.models import Territory
from editor.ui.import_suggestions import default_target
from editor.ui.import_wizard import MAPPING_PAGE, REVIEW_PAGE, TERRITORY_PAGE, ImportWizard
from editor.ui.settings import Settings
from tests.exchange.import_helpers import write_xlsx
from tests.gui.test_import_wizard import FakeWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

HEADER = ["Территория", "Организация", "Ссылка"]
ROWS = [
    ["Благовещенск", "Администрация города Благовещенска", "vk.com/blag_adm"],
    ["Благовещенск", "Школа № 1", "vk.com/blag_school1"],
    ["Ивановский", "Администрация Ивановского округа", "vk.com/ivanovka_adm"],
    ["Тамбовский", "Администрация Тамбовского округа", "vk.com/tambovka_adm"],
    ["Тамбовский", "Тамбовская школа", "vk.com/tambovka_school"],
    ["Октябрьский", "Октябрьская школа", "vk.com/oktyabr_school"],
]


def municipality(region_code: str, name: str, code: str) -> int:
    region = Territory.get(Territory.oktmo == region_code).id
    return territories.create(region, name, level="municipality", oktmo=code, custom=False).id


@pytest.fixture
def amur(catalogue, tmp_path, qtbot):
    ids = {
        "blag": municipality("10000000", "городской округ город Благовещенск", "10701000"),
        "ivanovka": municipality("10000000", "Ивановский муниципальный округ", "10526000"),
        "tambovka_amur": municipality("10000000", "Тамбовский муниципальный округ", "10551000"),
        "tambov": municipality("68000000", "Тамбовский муниципальный округ", "68540000"),
        "okt_amur": municipality("10000000", "Октябрьский муниципальный округ", "10539000"),
        "okt_kurgan": municipality("37000000", "Октябрьский муниципальный округ", "37539000"),
    }
    root = territories.root().id
    window = FakeWindow(catalogue, Settings.at(tmp_path / "settings.ini"), root)
    qtbot.addWidget(window)
    yield window, ids, write_xlsx(tmp_path / "амур.xlsx", HEADER, ROWS)
    window.undo_stack.clear()


def test_ambiguous_names_suggest_the_files_region_and_skipped_rows_are_kept(
    amur, qtbot, tmp_path, monkeypatch
):
    window, ids, path = amur
    wizard = ImportWizard(window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.page(0).add_files([path])
    wizard.next()
    assert wizard.currentId() == MAPPING_PAGE
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == TERRITORY_PAGE)
    page = wizard.page(TERRITORY_PAGE)
    combo = page.combo("тамбовский")
    labels = [combo.itemText(i) for i in range(1, combo.count())]
    assert "Тамбовский муниципальный округ — Амурская область (предложено)" in labels
    assert "Тамбовский муниципальный округ — Тамбовская область" in labels
    assert combo.currentData() is None  # a suggestion, never chosen silently
    assert page.suggest.isVisibleTo(page) and "Амурская область" in page.suggest.text()

    page.accept_suggestions()
    assert combo.currentData() == ids["tambovka_amur"]
    assert page.combo("октябрьский").currentData() == ids["okt_amur"]
    page.combo("октябрьский").setCurrentIndex(0)  # skip Октябрьский after all
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == REVIEW_PAGE)

    review = wizard.page(REVIEW_PAGE)
    skipped = review.groups["skipped"]
    assert skipped.childCount() == 1 and "Октябрьский" in skipped.child(0).text(3)
    assert review.save_errors.isEnabled()
    errors = tmp_path / "ошибки.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(errors), ""))
    review.save_errors.click()
    book = load_workbook(errors)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    book.close()
    assert rows[1][1] == "Октябрьская школа" and "пропущена" in rows[1][-1]


def test_import_target_defaults_to_the_home_region_above_the_subjects(amur):
    _window, ids, _path = amur
    amur_region = Territory.get(Territory.oktmo == "10000000").id
    root = territories.root().id
    assert default_target(root, amur_region) == amur_region
    assert default_target(ids["tambov"], amur_region) == ids["tambov"]
    assert default_target(root, None) == root


DATA = Path(__file__).resolve().parents[3] / "shared" / "data"


@pytest.mark.skipif(not (DATA / "amur_registry_2024.json").is_file(), reason="no ../shared/data")
def test_the_real_amur_registry_gets_amur_suggestions(catalogue, tmp_path):
    from editor.exchange.classifiers.load import load_files
    from editor.exchange.importing.engine import ImportOptions, run_import
    from editor.ui.import_suggestions import suggest
    from tests.amur_registry import write_amur_registry

    load_files([DATA / "municipalities_sberindex.xlsx"])
    records = json.loads((DATA / "amur_registry_2024.json").read_text(encoding="utf-8"))
    path = write_amur_registry(records, tmp_path / "amur.xlsx", "Реестр госпабликов")
    report = run_import([path], ImportOptions(dry_run=True, overrides={"Учредитель": "territory"}))

    found = suggest(report)
    ambiguous = {key for key, entry in report.unresolved.items() if len(entry.candidates) > 1}
    assert {"тамбовский", "ивановский", "октябрьский"} <= ambiguous
    assert found.region == "Амурская область"
    assert set(found.chosen) == ambiguous
    assert all(found.labels[tid].endswith("— Амурская область") for tid in found.chosen.values())


def test_import_target_completes_paths_and_is_picked_from_the_tree(amur, qtbot, monkeypatch):
    from editor.ui import import_suggestions

    window, ids, _path = amur
    wizard = ImportWizard(window)
    qtbot.addWidget(wizard)
    files = wizard.page(0)
    completer = files.target.completer()
    completer.setCompletionPrefix("Тамбовский муниципальный")
    found = {
        completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())
    }
    assert any(path.endswith("Амурская область/Тамбовский муниципальный округ") for path in found)
    assert len(found) == 2
    monkeypatch.setattr(import_suggestions, "pick_territory", lambda *_args: ids["tambovka_amur"])
    files.findChild(object, "pickTarget").click()
    assert files.target.text().endswith("Амурская область/Тамбовский муниципальный округ")


def test_the_tree_picker_returns_the_chosen_territory(amur, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QTreeView

    from editor.ui.import_suggestions import pick_territory

    window, ids, _path = amur

    def choose() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if w.objectName() == "territoryPicker" and w.isVisible()
        )
        assert dialog.findChild(QTreeView).currentIndex().isValid()
        dialog.accept()

    QTimer.singleShot(0, choose)
    assert pick_territory(window, ids["okt_amur"]) == ids["okt_amur"]
    QTimer.singleShot(
        0,
        lambda: next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        ).reject(),
    )
    assert pick_territory(window, ids["okt_amur"]) is None
