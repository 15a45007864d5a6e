"""Файл → «Опубликовать справочник…»: the public directory for citizens and a lookup bot.

Choose a folder, a territory (the one selected in the tree or an ancestor) and a sphere; the
directory is written in the background (:func:`editor.exchange.directory.publish.publish`, the
same engine as `main.py publish`) and the dialog offers to open the folder at the end.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from editor.core.spheres import all_spheres, labels
from editor.core.territories import ancestors
from editor.exchange.directory.publish import PublishError, check_folder, publish
from editor.tasks.runner import Task
from editor.ui.job_dialog import JobDialog, refusal_as_value

_LAST_FOLDER_KEY = "publish/last_folder"
_DEFAULT_NAME = "Справочник госпабликов"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PublishDialog", text)


def add_publish_action(window, menu: QMenu) -> QAction:
    """Add Файл → «Опубликовать справочник…» (objectName actionPublishDirectory)."""
    action = QAction(window)
    action.setObjectName("actionPublishDirectory")
    action.triggered.connect(lambda: open_publish_dialog(window))
    window.addAction(action)
    menu.addAction(action)
    retranslate_action(window)
    return action


def retranslate_action(window) -> None:
    """The action's text in the current language."""
    action = window.findChild(QAction, "actionPublishDirectory")
    if action is not None:
        action.setText(_tr("Опубликовать справочник…"))


def open_publish_dialog(window) -> PublishDialog:
    """Show the dialog for `window` (it deletes itself when closed)."""
    dialog = PublishDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class PublishDialog(JobDialog):
    """Folder, territory and sphere; `run_publish()` starts the job (the OK button calls it)."""

    def __init__(self, main_window, parent: QWidget | None = None) -> None:
        super().__init__(parent or main_window)
        self.setObjectName("publishDialog")
        self.window_ = main_window
        self.result_box: QMessageBox | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.folder = QLineEdit(objectName="folderEdit")
        self.folder.setText(str(self._start_folder() / _DEFAULT_NAME))
        self.browse = QPushButton(objectName="browseButton")
        self.browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)

        self.territory = QComboBox(objectName="territoryCombo")
        current = self.window_.current_territory_id()
        chain = ancestors(current) if current is not None else []
        self.territory.addItem("", None)  # the whole catalogue
        for node in chain:
            self.territory.addItem(node.name, node.id)
        self.territory.setCurrentIndex(len(chain))

        self.sphere = QComboBox(objectName="sphereCombo")
        self.sphere.addItem("", None)
        names = labels()
        for sphere in all_spheres():
            self.sphere.addItem(names[sphere.id], sphere.id)

        self.note = QLabel(objectName="noteLabel")
        self.note.setWordWrap(True)

        form = QFormLayout()
        self.folder_label, self.territory_label, self.sphere_label = QLabel(), QLabel(), QLabel()
        form.addRow(self.folder_label, folder_row)
        form.addRow(self.territory_label, self.territory)
        form.addRow(self.sphere_label, self.sphere)
        for label, field in (
            (self.folder_label, self.folder),
            (self.territory_label, self.territory),
            (self.sphere_label, self.sphere),
        ):
            label.setBuddy(field)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.run_publish)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self.setWindowTitle(self.tr("Опубликовать справочник"))
        self.note.setText(
            self.tr(
                "В папку будут записаны страница поиска index.html, данные directory.json и "
                "таблица directory.csv: действующие страницы организаций выбранной территории. "
                "Ответственные лица, телефоны и e-mail не публикуются."
            )
        )
        self.folder_label.setText(self.tr("&Папка:"))
        self.territory_label.setText(self.tr("&Территория:"))
        self.sphere_label.setText(self.tr("&Сфера:"))
        self.browse.setText(self.tr("Обзор…"))
        self.territory.setItemText(0, self.tr("Все территории"))
        self.sphere.setItemText(0, self.tr("Все сферы"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Опубликовать"))

    @override
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _start_folder(self) -> Path:
        saved = self.window_.settings.qsettings.value(_LAST_FOLDER_KEY, "")
        if saved and Path(str(saved)).parent.is_dir():
            return Path(str(saved)).parent
        return Path(self.window_.catalogue_path).parent

    def choose_folder(self) -> None:
        """Pick the folder with the system dialog."""
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Папка для справочника"), self.folder.text()
        )
        if path:
            self.folder.setText(path)

    def _scope_text(self) -> str:
        parts = []
        if self.territory.currentData() is not None:
            parts.append(self.territory.currentText())
        if self.sphere.currentData() is not None:
            parts.append(self.sphere.currentText().strip())
        return "; ".join(parts)

    # --- running -----------------------------------------------------------------------------

    def run_publish(self) -> None:
        """Check the folder (asking before replacing a previous directory), then publish in
        the background with a progress dialog."""
        text = self.folder.text().strip()
        if not text:
            self._fail(self.tr("Укажите папку"))
            return
        path = Path(text)
        force = False
        try:
            check_folder(path)
        except PublishError as error:
            if error.reason != "exists":
                self._fail(str(error))
                return
            try:
                check_folder(path, force=True)  # a folder with other files is never replaced
            except PublishError as refusal:
                self._fail(str(refusal))
                return
            answer = QMessageBox.question(
                self,
                self.tr("Опубликовать справочник"),
                self.tr("В папке {path} уже есть справочник. Заменить его?").format(path=path),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            force = True
        self.error_label.clear()
        self.setEnabled(False)
        sphere = self.sphere.currentData()
        task = Task(
            refusal_as_value(publish, PublishError),
            path,
            self.territory.currentData(),
            [sphere] if sphere is not None else [],
            scope_text=self._scope_text(),
            force=force,
        )
        self._run(
            task,
            name="publishProgress",
            label=self.tr("Подготовка справочника…"),
            title=self.tr("Опубликовать справочник"),
        )

    refusal = PublishError

    @override
    def cancelled_text(self) -> str:
        return self.tr("Публикация отменена, папка не изменена")

    @override
    def _succeeded(self, result) -> None:
        self.window_.settings.qsettings.setValue(_LAST_FOLDER_KEY, str(result.folder))
        self.window_.statusBar().showMessage(
            self.tr("Справочник опубликован: {path}").format(path=result.folder), 10_000
        )
        self._show_done(
            name="publishDone",
            title=self.tr("Опубликовать справочник"),
            text=self.tr(
                "Справочник записан в папку\n{path}\n(организаций: {orgs}, страниц: {pages})."
            ).format(path=result.folder, orgs=result.organizations, pages=result.pages),
            button=(self.tr("Открыть папку"), "openFolder"),
            opens=lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.folder))),
        )
