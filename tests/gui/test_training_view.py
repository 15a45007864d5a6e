"""The «Обучение» panel in the real main window: seminars, participants, undo, the import dialog,
the trash tab of seminars, the organisation form's trained people and the jump to an organisation.

Dialogs are filled in by the test: `TrainingPanel.exec_dialog` is replaced by a function that
sets the dialog's widgets and answers OK or Cancel.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt

from editor.db.database import close_catalogue
from editor.db.training_models import Attendance, Participant, Seminar
from editor.ui.training_dialogs import ParticipantDialog, SeminarDialog
from editor.ui.training_import_dialog import TrainingImportDialog
from tests.commands.small_catalogue import Template
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window
from tests.training_sample import write_list

pytestmark = QT_LOG_IGNORE


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return Template(tmp_path_factory.mktemp("training_view"))


@pytest.fixture
def window(template, tmp_path, qtbot, qapp):
    built = template.copy_to(tmp_path / "small.gpc")
    close_catalogue()
    window = open_window(qtbot, built.path, tmp_path / "settings.ini")
    window.built = built
    yield window
    window.close()


def _fill(panel, answers):
    """Replace the panel's modal run: each dialog gets the next (fill function, accept) pair."""
    queue = list(answers)

    def run(dialog):
        fill, accept = queue.pop(0)
        fill(dialog)
        return accept

    panel.exec_dialog = run
    return queue


def _seminar(title, date=dt.date(2024, 3, 15), territory="Курганская область"):
    def fill(dialog: SeminarDialog) -> None:
        dialog.title_edit.setText(title)
        dialog.date_edit.setDate(QDate(date.year, date.month, date.day))
        dialog.territory_edit.setText(territory)

    return fill


def _person(name, organization="", email=""):
    def fill(dialog: ParticipantDialog) -> None:
        dialog.name_edit.setText(name)
        dialog.organization_combo.setEditText(organization)
        if organization:
            dialog._find_organizations()  # what typing does after a pause
            dialog.organization_combo.hidePopup()
            if dialog.organization_combo.count():
                dialog.organization_combo.setCurrentIndex(0)  # the user picks the first found
        dialog.email_edit.setText(email)

    return fill


def test_the_panel_is_toggled_from_the_view_menu(window):
    panel = window.findChild(type(window.training_panel), "trainingPanel")
    assert panel is window.training_panel and not panel.isVisible()
    toggle = next(a for a in window.menu_view.actions() if a.objectName() == "actionShowTraining")
    toggle.trigger()
    assert panel.isVisible() and panel.windowTitle() == "Обучение"


def test_add_seminar_and_participants_with_undo(window):
    panel = window.training_panel
    panel.show()
    _fill(panel, [(_seminar("Ведение госпабликов"), True)])
    panel.add_seminar_button.click()
    assert panel.seminar_model.rowCount() == 1
    assert panel.seminar_model.index(0, 1).data() == "Ведение госпабликов"
    assert panel.seminar_model.index(0, 3).data() == "Курганская область"
    _fill(
        panel,
        [
            (_person("Иванова Анна", "Школа № 3", "ivanova@mail.ru"), True),
            (_person("Орлов Олег", "ООО Ромашка"), True),
        ],
    )
    panel.add_participant_button.click()
    panel.add_participant_button.click()
    model = panel.participant_model
    assert model.rowCount() == 2
    names = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(2)}
    assert names["Иванова Анна"].startswith("МКОУ «Школа № 3»")
    assert names["Орлов Олег"] == "ООО Ромашка"
    assert panel.seminar_model.index(0, 4).data() == "2"
    assert "Участники семинара «Ведение госпабликов»: 2" == panel.participants_label.text()
    # Remove Орлов (on no other list: he goes altogether), then undo everything step by step.
    row = next(r for r in range(2) if model.index(r, 0).data() == "Орлов Олег")
    panel.participant_view.selectionModel().select(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    panel.remove_participant_button.click()
    assert model.rowCount() == 1 and Participant.select().count() == 1
    window.undo_stack.undo()
    assert model.rowCount() == 2 and Participant.select().count() == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert model.rowCount() == 0 and Participant.select().count() == 0
    window.undo_stack.undo()
    assert panel.seminar_model.rowCount() == 0 and Seminar.select().count() == 0
    window.undo_stack.redo()
    assert panel.seminar_model.rowCount() == 1


def test_a_refused_seminar_keeps_the_dialog_with_the_reason(window):
    panel = window.training_panel
    seen = []

    def fill_bad(dialog):
        _seminar("Семинар", territory="Нет такой территории")(dialog)
        dialog.accept()  # the form itself refuses: the territory is unknown
        seen.append(dialog.error.text())

    _fill(panel, [(fill_bad, False)])
    panel.add_seminar_button.click()
    assert "не найдена" in seen[0]
    assert Seminar.select().count() == 0


def test_trash_and_restore_a_seminar(window):
    from editor.ui.trash_dialog import TrashDialog

    panel = window.training_panel
    _fill(panel, [(_seminar("Для корзины"), True)])
    panel.add_seminar_button.click()
    panel.delete_seminar_button.click()
    assert panel.seminar_model.rowCount() == 0
    assert Seminar.get().deleted_at is not None
    dialog = TrashDialog(window.store, panel.run, window)
    dialog.tabs.setCurrentIndex(2)
    assert dialog.seminars_model.rowCount() == 1
    dialog.seminars_view.selectRow(0)
    dialog.restore_selected()
    assert panel.seminar_model.rowCount() == 1 and Seminar.get().deleted_at is None
    window.undo_stack.undo()
    assert panel.seminar_model.rowCount() == 0


def test_import_dialog_previews_then_imports_as_one_undo_step(window, tmp_path):
    path = write_list(
        tmp_path / "list.xlsx",
        [
            ["Иванова Анна", "учитель", "МКОУ «Школа № 1»", None, None, "Кетовский", "", ""],
            ["Петров Пётр", "завуч", "МКОУ «Школа № 7»", None, None, "город Курган", "", ""],
            ["", "без имени", "МКОУ «Школа № 2»", None, None, "", "", ""],
        ],
    )
    dialog = TrainingImportDialog(window)
    dialog.add_files([path])
    dialog.seminar.setText("Весенний семинар")
    dialog.date.setDate(QDate(2024, 4, 10))
    dialog.territory.setText("Курганская область")
    dialog.preview_button.click()
    text = dialog.report.toPlainText()
    assert "Новых участников: 2" in text and "строка 6: не указано ФИО участника" in text
    assert Participant.select().count() == 0
    dialog.apply_button.click()
    assert "Загружено" in dialog.report.toPlainText()
    assert Participant.select().count() == 2 and Attendance.select().count() == 2
    panel = window.training_panel
    assert panel.seminar_model.rowCount() == 1
    assert panel.seminar_model.index(0, 1).data() == "Весенний семинар"
    window.undo_stack.undo()
    assert Participant.select().count() == 0 and panel.seminar_model.rowCount() == 0
    window.undo_stack.redo()
    assert Participant.select().count() == 2 and panel.seminar_model.rowCount() == 1
    dialog.apply_button.click()
    assert "Ничего нового" in dialog.report.toPlainText()


def test_import_dialog_names_a_list_without_a_name_column(window, tmp_path):
    path = write_list(tmp_path / "bad.xlsx", [["x", "y"]], header=["Должность", "Организация"])
    dialog = TrainingImportDialog(window)
    dialog.add_files([path])
    dialog.seminar.setText("S")
    dialog.apply_button.click()
    assert "нет столбца с ФИО" in dialog.report.toPlainText()
    assert Seminar.select().count() == 0


def test_form_lists_trained_people_and_double_click_jumps(window, tmp_path):
    path = write_list(
        tmp_path / "list.xlsx",
        [["Петров Пётр", "завуч", "МКОУ «Школа № 7»", None, None, "город Курган", "", ""]],
    )
    dialog = TrainingImportDialog(window)
    dialog.add_files([path])
    dialog.seminar.setText("Весенний семинар")
    dialog.date.setDate(QDate(2024, 4, 10))
    dialog.territory.setText("Курганская область")
    dialog.apply_button.click()
    panel = window.training_panel
    panel.show()
    index = panel.participant_model.index(0, 2)
    panel.participant_view.doubleClicked.emit(index)
    school = window.built.organizations[6]
    assert window.current_organization_id() == school
    assert window.current_territory_id() == window.built.kurgan
    text = window.page_form.trained_label.text()
    assert "Петров Пётр (завуч): 10.04.2024 Весенний семинар" in text
    # The territory tree's tooltip rolls the coverage up: Курган 1 of 4, the region 1 of 10.
    tree = window.tree_model
    tip = tree.index_of(window.built.kurgan).data(Qt.ItemDataRole.ToolTipRole)
    assert "Обучены: 1 из 4 организаций со страницами (25 %)" in tip
    region_tip = tree.index_of(window.built.region).data(Qt.ItemDataRole.ToolTipRole)
    assert "Обучены: 1 из 10 организаций со страницами (10 %)" in region_tip
    window.undo_stack.undo()
    tip = tree.index_of(window.built.kurgan).data(Qt.ItemDataRole.ToolTipRole)
    assert "Обучены: 0 из 4" in tip
