"""Language: the English translation switches the whole window, and back to Russian."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from editor.itemmodels.page_columns import COLUMN_INDEX
from editor.ui.translators import TRANSLATIONS_DIR, install_translators
from editor.ui.window_actions import set_language
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window, sample_file

pytestmark = QT_LOG_IGNORE
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


@pytest.fixture
def window(qtbot, tmp_path):
    sample = sample_file(tmp_path)
    window = open_window(qtbot, sample.path, tmp_path / "settings.ini")
    yield window
    install_translators(QApplication.instance(), "ru")


def test_switching_to_english_renames_the_window_and_back(qtbot, window):
    set_language(window, "en")
    qtbot.waitUntil(lambda: window.menu_file.title() == "&File")  # LanguageChange is posted
    assert window.actions_.undo.text() == "Undo"
    assert "Search" in window.filter_bar.quick.placeholderText()
    assert window.status_label.text().startswith("30 pages of 30")
    header = window.page_model.headerData(COLUMN_INDEX["subscribers"], _horizontal())
    assert header == "Subscribers"
    assert window.page_form.rows["page.network"].label.text() == "Network"
    assert window.page_model.index(0, COLUMN_INDEX["status"]).data() == "active"
    assert window.settings.language == "en"
    set_language(window, "ru")
    qtbot.waitUntil(lambda: window.menu_file.title() == "&Файл")
    assert window.page_form.rows["page.network"].label.text() == "Соцсеть"


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_translations_keep_every_placeholder():
    root = ET.parse(Path(TRANSLATIONS_DIR) / "editor_en.ts").getroot()
    wrong = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.findtext("translation") or ""
        if translation and sorted(PLACEHOLDER.findall(source)) != sorted(
            PLACEHOLDER.findall(translation)
        ):
            wrong.append(source)
    assert wrong == []
    assert (Path(TRANSLATIONS_DIR) / "editor_en.qm").stat().st_size > 0
