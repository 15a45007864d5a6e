"""The export dialog: report and scope choices, the background run with progress, the offer to
open the result, and refusals shown in the dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from editor.ui.export_dialog import ExportDialog
from tests.exchange.export_sample import by_header, read_calamine
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window, sample_file

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def sample(tmp_path):
    return sample_file(tmp_path)


@pytest.fixture
def window(qtbot, sample, tmp_path):
    return open_window(qtbot, sample.path, tmp_path / "settings.ini")


def _dialog(qtbot, window) -> ExportDialog:
    window.findChild(QAction, "actionExport").trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def _choose(dialog: ExportDialog, report: str, out: Path) -> None:
    dialog.report.setCurrentIndex(dialog.report.findData(report))
    dialog.file.setText(str(out))


def _ok(dialog: ExportDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_export_of_the_selected_territory_offers_to_open_it(
    qtbot, window, sample, tmp_path, monkeypatch
):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert window.select_territory(sample.ketovo)
    dialog = _dialog(qtbot, window)
    assert dialog.territory.currentText() == "Кетовский муниципальный округ"
    assert dialog.file.text().endswith(".xlsx")
    out = tmp_path / "ketovo summary.xlsx"
    _choose(dialog, "summary", out)
    _ok(dialog)
    assert dialog.last_error == ""
    box = dialog.result_box
    assert box is not None and str(out) in box.text()
    box.findChild(object, "openReport").click()
    assert [url.toLocalFile() for url in opened] == [str(out)]
    rows = read_calamine(out)["Сводка"]
    assert rows[0][0].startswith("Госпаблики по территориям: Кетовский муниципальный округ")
    assert [r[0] for r in rows[3:]] == [
        "Кетовский муниципальный округ",
        "Тетвихинский территориальный отдел",
        "Итого",
    ]
    assert not dialog.isVisible()


def test_spheres_and_networks_narrow_the_territory_scope(qtbot, window, tmp_path):
    dialog = _dialog(qtbot, window)
    dialog.territory.setCurrentIndex(0)  # all territories
    dialog.networks["telegram"].setChecked(True)
    out = tmp_path / "tg.xlsx"
    _choose(dialog, "registry", out)
    _ok(dialog)
    rows = by_header(read_calamine(out)["Реестр"])
    with_pages = [r for r in rows if r["Ссылка"]]
    assert len(with_pages) == 10 and {r["Соцсеть"] for r in with_pages} == {"Telegram"}


def test_selected_rows_are_exported_in_table_order(qtbot, window, tmp_path):
    table = window.page_table
    selection = table.selectionModel()
    for row in (0, 2, 4):
        selection.select(
            window.page_model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    expected = window.selected_page_ids()
    dialog = _dialog(qtbot, window)
    assert dialog.by_selection.isEnabled()
    dialog.by_selection.setChecked(True)
    assert not dialog.territory.isEnabled()
    out = tmp_path / "selected.xlsx"
    _choose(dialog, "registry", out)
    _ok(dialog)
    rows = by_header(read_calamine(out)["Реестр"])
    assert [r["ID"] for r in rows] == expected


def test_current_filter_scope(qtbot, window, tmp_path):
    window.findChild(object, "quickFilter").setText("школа № 10")
    window.apply_filter()
    shown = window.page_model.rowCount()
    assert shown == 3
    dialog = _dialog(qtbot, window)
    assert not dialog.by_selection.isEnabled()
    assert "школа № 10" in dialog.filter_label.text()
    dialog.by_filter.setChecked(True)
    out = tmp_path / "filtered.xlsx"
    _choose(dialog, "registry", out)
    _ok(dialog)
    rows = by_header(read_calamine(out)["Реестр"])
    assert len(rows) == shown
    assert {r["Организация"] for r in rows} == {"МБОУ «Средняя общеобразовательная школа № 10»"}


def test_replacing_a_file_asks_first(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "exists.xlsx"
    out.write_bytes(b"keep me")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: answers.pop(0))
    dialog = _dialog(qtbot, window)
    _choose(dialog, "spheres", out)
    _ok(dialog)
    assert out.read_bytes() == b"keep me" and dialog.isVisible()
    _ok(dialog)
    assert "Сферы" in read_calamine(out)


def test_a_refusal_is_shown_in_the_dialog_and_nothing_is_written(qtbot, window, tmp_path):
    dialog = _dialog(qtbot, window)
    _choose(dialog, "registry", tmp_path / "missing" / "out.xlsx")
    _ok(dialog)
    assert "не существует" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.isEnabled()
    assert not (tmp_path / "missing").exists()
    dialog.file.setText(str(window.catalogue_path))
    _ok(dialog)  # the question about replacing is not asked for the catalogue: it is refused
    assert "открытого каталога" in dialog.error_label.text()


def test_cancel_from_the_progress_dialog_writes_nothing(qtbot, window, tmp_path, monkeypatch):
    from editor.ui import progress_run

    real_start = progress_run.start

    def start_and_cancel(task, **kwargs):
        # At the job's first progress report the user presses «Отмена».
        task.signals.progress.connect(
            lambda *_: dialog.progress.canceled.emit(), Qt.ConnectionType.DirectConnection
        )
        return real_start(task, **kwargs)

    monkeypatch.setattr(progress_run, "start", start_and_cancel)
    dialog = _dialog(qtbot, window)
    out = tmp_path / "cancelled.xlsx"
    _choose(dialog, "summary", out)
    _ok(dialog)
    assert "отменён" in dialog.error_label.text()
    assert dialog.isVisible() and dialog.isEnabled()
    assert not out.exists()
    assert [p for p in tmp_path.iterdir() if p.suffix == ".part"] == []


def test_background_export_reports_progress_and_finishes(qtbot, sample, tmp_path):
    window = open_window(qtbot, sample.path, tmp_path / "settings.ini", background=True)
    dialog = _dialog(qtbot, window)
    out = tmp_path / "background.xlsx"
    _choose(dialog, "compliance", out)
    _ok(dialog)
    qtbot.waitUntil(
        lambda: dialog.last_result is not None or bool(dialog.last_error), timeout=20_000
    )
    assert dialog.last_error == ""
    assert dialog.last_result.path == out
    assert set(read_calamine(out)) == {
        "Нарушения",
        "Организации без страниц",
        "Страницы с замечаниями",
    }
    dialog.result_box.close()
