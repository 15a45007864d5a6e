"""Файл → «Опубликовать справочник…»: the selected territory as the default scope, the run,
the offer to open the folder, the question before replacing, refusals shown in the dialog."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from editor.ui.publish_dialog import PublishDialog
from tests.directory.sample import directory_pages
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window, sample_file

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def sample(tmp_path):
    return sample_file(tmp_path)


@pytest.fixture
def window(qtbot, sample, tmp_path):
    return open_window(qtbot, sample.path, tmp_path / "settings.ini")


def _dialog(window) -> PublishDialog:
    action = window.findChild(QAction, "actionPublishDirectory")
    assert action is not None and action.text() == "Опубликовать справочник…"
    assert action in window.actions_.menu_file.actions()
    action.trigger()
    shown = [d for d in window.findChildren(PublishDialog) if d.isVisible()]
    assert len(shown) == 1
    return shown[0]


def _ok(dialog: PublishDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_publishes_the_selected_territory_and_offers_to_open_it(
    qtbot, window, sample, tmp_path, monkeypatch
):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert window.select_territory(sample.kurgan)
    dialog = _dialog(window)
    assert dialog.territory.currentText() == "город Курган"
    out = tmp_path / "site"
    dialog.folder.setText(str(out))
    _ok(dialog)
    assert dialog.last_error == ""
    box = dialog.result_box
    assert box is not None and str(out) in box.text() and "страниц: 15" in box.text()
    box.findChild(object, "openFolder").click()
    assert [url.toLocalFile() for url in opened] == [str(out)]
    data = json.loads((out / "directory.json").read_text(encoding="utf-8"))
    assert data["scope"] == "город Курган"
    places = {page["territory"]["name"] for page in directory_pages(data)}
    assert places == {"город Курган"}
    assert (out / "index.html").exists() and (out / "directory.csv").exists()
    assert not dialog.isVisible()


def test_asks_before_replacing_a_previous_directory(qtbot, window, tmp_path, monkeypatch):
    out = tmp_path / "site"
    dialog = _dialog(window)
    dialog.folder.setText(str(out))
    _ok(dialog)
    first = (out / "directory.json").read_text(encoding="utf-8")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = _dialog(window)
    dialog.folder.setText(str(out))
    dialog.sphere.setCurrentIndex(dialog.sphere.findText("Школы", flags=_contains()))
    _ok(dialog)  # «No»: nothing changes, the dialog stays
    assert asked and str(out) in asked[0]
    assert dialog.isVisible() and (out / "directory.json").read_text(encoding="utf-8") == first
    _ok(dialog)  # «Yes»
    assert dialog.last_error == ""
    data = json.loads((out / "directory.json").read_text(encoding="utf-8"))
    spheres = [
        [data["spheres"][s]["name"] for s in page["organization"]["spheres"]]
        for page in directory_pages(data)
    ]
    assert spheres and all(names == ["Школы"] for names in spheres)


def test_refusals_are_shown_in_the_dialog(qtbot, window, tmp_path):
    blocker = tmp_path / "somefile.txt"
    blocker.write_text("x")
    dialog = _dialog(window)
    dialog.folder.setText(str(blocker / "sub"))
    _ok(dialog)
    assert "файл, а не папка" in dialog.error_label.text() and dialog.isVisible()
    dialog.folder.setText(str(tmp_path))  # holds the catalogue: never replaced
    _ok(dialog)
    assert "другие файлы" in dialog.error_label.text()
    dialog.folder.setText(str(tmp_path / "health"))
    dialog.sphere.setCurrentIndex(dialog.sphere.findText("Здравоохранение", flags=_contains()))
    _ok(dialog)
    assert "нет ни одной страницы" in dialog.error_label.text()
    assert not (tmp_path / "health").exists()
    assert blocker.read_text() == "x"


def _contains():
    from PySide6.QtCore import Qt

    return Qt.MatchFlag.MatchContains


def test_publishes_in_the_background(qtbot, sample, tmp_path):
    window = open_window(qtbot, sample.path, tmp_path / "settings.ini", background=True)
    dialog = _dialog(window)
    out = tmp_path / "background site"
    dialog.folder.setText(str(out))
    _ok(dialog)
    qtbot.waitUntil(
        lambda: dialog.last_result is not None or bool(dialog.last_error), timeout=20_000
    )
    assert dialog.last_error == ""
    assert dialog.last_result.folder == out and dialog.last_result.pages == 30
    assert sorted(p.name for p in out.iterdir()) == [
        "directory.csv",
        "directory.json",
        "index.html",
    ]
    dialog.result_box.close()
