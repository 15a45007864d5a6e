"""The «Обучение» panel: seminars, a seminar's participants, and the actions on them.

A dock of the main window (objectName `trainingPanel`, toggled from the View menu). Every
change is an undo command on the window's stack; double-clicking a participant whose
organisation is in the catalogue shows that organisation in the main table.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.commands.base import CatalogueCommand, push
from editor.commands.training import (
    AddParticipant,
    AddSeminar,
    DeleteSeminars,
    EditParticipant,
    EditSeminar,
    RemoveFromSeminar,
)
from editor.core import training, training_figures
from editor.core.normalize import NormalizeError
from editor.core.territories import TerritoryError
from editor.itemmodels.training_models import ParticipantTableModel, SeminarTableModel
from editor.ui.training_dialogs import ParticipantDialog, SeminarDialog


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class TrainingPanel(QDockWidget):
    """Seminars above, the current seminar's participants below, buttons beside each."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("trainingPanel")
        self.window_ = window
        self.store = window.store
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Vertical, body)
        layout.addWidget(splitter)

        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.seminar_model = SeminarTableModel(self.store, self)
        self.seminar_view = _table(top, "seminarTable")
        self.seminar_view.setModel(self.seminar_model)
        for column, width in ((0, 84), (1, 260), (2, 70), (3, 170)):
            self.seminar_view.horizontalHeader().resizeSection(column, width)
        buttons = QHBoxLayout()
        self.add_seminar_button = self._button("addSeminar", self.add_seminar, buttons)
        self.edit_seminar_button = self._button("editSeminar", self.edit_seminar, buttons)
        self.delete_seminar_button = self._button("deleteSeminar", self.delete_seminars, buttons)
        self.import_button = self._button("importTrainingLists", self.import_lists, buttons)
        buttons.addStretch(1)
        self.summary = QLabel(top)
        self.summary.setObjectName("trainingSummary")
        buttons.addWidget(self.summary)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.seminar_view)

        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.participants_label = QLabel(bottom)
        self.participants_label.setObjectName("participantsTitle")
        self.participant_model = ParticipantTableModel(self.store, self)
        self.participant_view = _table(bottom, "participantTable")
        self.participant_view.setModel(self.participant_model)
        for column, width in ((0, 220), (1, 150), (2, 300), (3, 170)):
            self.participant_view.horizontalHeader().resizeSection(column, width)
        people = QHBoxLayout()
        people.addWidget(self.participants_label, 1)
        self.add_participant_button = self._button("addParticipant", self.add_participant, people)
        self.edit_participant_button = self._button(
            "editParticipant", self.edit_participant, people
        )
        self.remove_participant_button = self._button(
            "removeParticipant", self.remove_participants, people
        )
        bottom_layout.addLayout(people)
        bottom_layout.addWidget(self.participant_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.setWidget(body)

        self.seminar_view.selectionModel().currentRowChanged.connect(self._seminar_changed)
        self.seminar_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.participant_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.seminar_view.doubleClicked.connect(lambda _i: self.edit_seminar())
        self.participant_view.doubleClicked.connect(self._participant_double_clicked)
        self.seminar_model.modelReset.connect(self._seminars_reloaded)
        self.participant_model.modelReset.connect(self._update_buttons)
        self.retranslate()
        self._seminars_reloaded()

    def _button(self, name: str, slot, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.setWindowTitle(self.tr("Обучение"))
        self.add_seminar_button.setText(self.tr("Новый семинар…"))
        self.edit_seminar_button.setText(self.tr("Изменить…"))
        self.delete_seminar_button.setText(self.tr("В корзину"))
        self.import_button.setText(self.tr("Загрузить списки…"))
        self.add_participant_button.setText(self.tr("Добавить участника…"))
        self.edit_participant_button.setText(self.tr("Изменить…"))
        self.remove_participant_button.setText(self.tr("Убрать из списка"))
        self.seminar_view.setAccessibleName(self.tr("Семинары"))
        self.participant_view.setAccessibleName(self.tr("Участники семинара"))
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- state ---------------------------------------------------------------------------

    def current_seminar(self) -> int | None:
        """The seminar of the current row."""
        index = self.seminar_view.currentIndex()
        return self.seminar_model.seminar_id(index.row()) if index.isValid() else None

    def select_seminar(self, seminar_id: int) -> None:
        """Make a seminar current."""
        row = self.seminar_model.row_of(seminar_id)
        if row is not None:
            self.seminar_view.setCurrentIndex(self.seminar_model.index(row, 0))

    def _selected_participants(self) -> list[int]:
        rows = {i.row() for i in self.participant_view.selectionModel().selectedRows()}
        return [pid for r in sorted(rows) if (pid := self.participant_model.participant_id(r))]

    def _seminars_reloaded(self) -> None:
        keep = self.participant_model.seminar
        row = self.seminar_model.row_of(keep) if keep is not None else None
        if row is None and self.seminar_model.rowCount():
            row = 0
        if row is not None:
            self.seminar_view.setCurrentIndex(self.seminar_model.index(row, 0))
        self.participant_model.show_seminar(
            self.seminar_model.seminar_id(row) if row is not None else None
        )
        counts = training_figures.counts()
        self.summary.setText(
            self.tr("Семинаров: {s} · обучено: {p} · организаций: {o}").format(
                s=counts["seminars"], p=counts["participants"], o=counts["trained_organizations"]
            )
        )
        self._update_title()
        self._update_buttons()

    def _seminar_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        seminar = self.seminar_model.seminar_id(current.row()) if current.isValid() else None
        if seminar != self.participant_model.seminar:
            self.participant_model.show_seminar(seminar)
        self._update_title()
        self._update_buttons()

    def _update_title(self) -> None:
        index = self.seminar_view.currentIndex()
        if not index.isValid():
            self.participants_label.setText(self.tr("Выберите семинар"))
            return
        title = self.seminar_model.index(index.row(), 1).data()
        self.participants_label.setText(
            self.tr("Участники семинара «{title}»: {n}").format(
                title=title, n=self.participant_model.rowCount()
            )
        )

    def _writable(self) -> bool:
        return not getattr(self.window_, "read_only", False)

    def _update_buttons(self, *_args: object) -> None:
        writable = self._writable()
        seminar = self.current_seminar() is not None
        people = bool(self._selected_participants())
        self.add_seminar_button.setEnabled(writable)
        self.import_button.setEnabled(writable)
        self.edit_seminar_button.setEnabled(writable and seminar)
        self.delete_seminar_button.setEnabled(writable and seminar)
        self.add_participant_button.setEnabled(writable and seminar)
        self.edit_participant_button.setEnabled(writable and people)
        self.remove_participant_button.setEnabled(writable and people)

    # --- actions -------------------------------------------------------------------------

    def run(self, command: CatalogueCommand) -> bool:
        """Push a command; show its refusal and return False when it failed."""
        error = push(self.window_.undo_stack, command)
        if error:
            self.window_.show_error(error)
            return False
        return True

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally (tests replace this to fill dialogs in without a user)."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _ask(self, dialog, make) -> bool:
        """Show `dialog` until its values make a command that succeeds, or it is cancelled."""
        while self.exec_dialog(dialog):
            try:
                command = make(dialog.values())
            except (NormalizeError, TerritoryError, ValueError) as error:
                dialog.show_error(str(error))
                continue
            if self.run(command):
                return True
        return False

    def add_seminar(self) -> None:
        """Ask for a new seminar."""
        if not self._writable():
            return
        dialog = SeminarDialog(None, self)
        command_of = lambda values: AddSeminar(self.store, values)  # noqa: E731
        holder: list[AddSeminar] = []

        def make(values):
            command = command_of(values)
            holder.append(command)
            return command

        if self._ask(dialog, make) and holder[-1].seminar_id is not None:
            self.select_seminar(holder[-1].seminar_id)

    def edit_seminar(self) -> None:
        """Edit the current seminar."""
        seminar_id = self.current_seminar()
        if seminar_id is None or not self._writable():
            return
        values = training.seminar_values(training.get_seminar(seminar_id))
        dialog = SeminarDialog(values, self)
        self._ask(dialog, lambda new: EditSeminar(self.store, seminar_id, new))

    def delete_seminars(self) -> None:
        """Move the selected seminars to the trash (restorable from «Корзина»)."""
        rows = {i.row() for i in self.seminar_view.selectionModel().selectedRows()}
        ids = [s for r in sorted(rows) if (s := self.seminar_model.seminar_id(r))]
        if not ids and self.current_seminar() is not None:
            ids = [self.current_seminar()]
        if ids and self._writable():
            self.run(DeleteSeminars(self.store, ids))

    def add_participant(self) -> None:
        """Add a person to the current seminar's list."""
        seminar_id = self.current_seminar()
        if seminar_id is None or not self._writable():
            return
        dialog = ParticipantDialog(None, self)
        self._ask(dialog, lambda values: AddParticipant(self.store, seminar_id, values))

    def edit_participant(self) -> None:
        """Edit the first selected participant."""
        selected = self._selected_participants()
        if not selected or not self._writable():
            return
        participant = training.get_participant(selected[0])
        values = training.participant_values(participant)
        if participant.organization_id is not None:
            values["organization_name"] = participant.organization.full_name
        dialog = ParticipantDialog(values, self)
        self._ask(dialog, lambda new: EditParticipant(self.store, selected[0], new))

    def remove_participants(self) -> None:
        """Take the selected people off the current seminar's list."""
        seminar_id, selected = self.current_seminar(), self._selected_participants()
        if seminar_id is not None and selected and self._writable():
            self.run(RemoveFromSeminar(self.store, seminar_id, selected))

    def import_lists(self) -> None:
        """The registration-list import dialog."""
        from editor.ui.training_import_dialog import TrainingImportDialog

        if self._writable():
            self.exec_dialog(TrainingImportDialog(self.window_, self))

    def _participant_double_clicked(self, index: QModelIndex) -> None:
        organization = self.participant_model.organization_id(index.row())
        if organization is None:
            self.edit_participant()
            return
        jump_to_organization(self.window_, organization)


def jump_to_organization(window, organization_id: int) -> None:
    """Show an organisation in the main window: its territory in the tree, its pages selected."""
    place = training.organization_place(organization_id)
    if place is None:
        return
    territory_id, name, pages = place
    window.select_territory(territory_id)

    def select() -> None:
        window.select_pages(pages)
        window.statusBar().showMessage(name, 8000)

    model = window.page_model
    if model.is_loading():
        model.refreshed.connect(select, Qt.ConnectionType.SingleShotConnection)
    else:
        select()


def install(window) -> TrainingPanel:
    """Add the panel to the window (tabbed with the page form), with a View menu toggle."""
    panel = TrainingPanel(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
    window.resizeDocks([panel], [360], Qt.Orientation.Vertical)  # the page table keeps room
    toggle = panel.toggleViewAction()
    toggle.setObjectName("actionShowTraining")
    toggle.setShortcut("Ctrl+4")
    window.menu_view.insertAction(window.actions_.focus_tree, toggle)
    # Shown again only when the saved layout had it open.
    if window.settings.window_state.isEmpty() or not window.restoreDockWidget(panel):
        panel.hide()
    return panel
