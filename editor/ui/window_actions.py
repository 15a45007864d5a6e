"""The main window's menus and actions: files, undo/redo, view, language, help.

Actions carry stable objectNames (`actionUndo`, `actionImport`, ...) so that tests and other
parts of the editor can find them; texts are set in `retranslate` so a language switch renames
everything at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from editor.core.integrity import check_catalogue
from editor.ui import publish_dialog
from editor.ui.translators import install_translators

LANGUAGES = (("ru", "Русский"), ("en", "English"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass
class WindowActions:
    """The menus and actions of one main window."""

    menu_file: QMenu
    menu_edit: QMenu
    menu_view: QMenu
    menu_territory: QMenu
    menu_tools: QMenu
    menu_help: QMenu
    menu_recent: QMenu
    menu_language: QMenu
    new: QAction
    open: QAction
    save_copy: QAction
    import_: QAction
    export: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    find: QAction
    descendants: QAction
    refresh: QAction
    show_territory: QAction
    form_visible: QAction
    focus_tree: QAction
    focus_table: QAction
    focus_form: QAction
    check: QAction
    backup_now: QAction
    shortcuts: QAction
    about: QAction
    languages: dict[str, QAction]


def _action(
    window: QMainWindow, name: str, shortcut: QKeySequence | str | None = None, slot=None
) -> QAction:
    action = QAction(window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if slot is not None:
        action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work wherever the focus is
    return action


def install(window: QMainWindow) -> WindowActions:
    """Create the menus and actions of the window."""
    files = window.files
    bar = window.menuBar()
    menus = [bar.addMenu("") for _ in range(6)]
    for menu, name in zip(
        menus,
        ("menuFile", "menuEdit", "menuView", "menuTerritory", "menuTools", "menuHelp"),
        strict=True,
    ):
        menu.setObjectName(name)
    menu_file, menu_edit, menu_view, menu_territory, menu_tools, menu_help = menus

    new = _action(window, "actionNewCatalogue", QKeySequence.StandardKey.New, files.ask_new)
    open_ = _action(window, "actionOpenCatalogue", QKeySequence.StandardKey.Open, files.ask_open)
    menu_recent = QMenu(window)
    menu_recent.setObjectName("menuRecent")
    menu_recent.aboutToShow.connect(lambda: _fill_recent(window, menu_recent))
    save_copy = _action(window, "actionSaveCopy", "Ctrl+Shift+S", files.ask_save_copy)
    backup_now = _action(window, "actionBackupNow", None, files.backup_now)
    import_ = _action(window, "actionImport", "Ctrl+I", lambda: _open_dialog(window, "import"))
    export = _action(window, "actionExport", "Ctrl+E", lambda: _open_dialog(window, "export"))
    import_.setEnabled(not window.read_only)
    quit_ = _action(window, "actionQuit", QKeySequence.StandardKey.Quit, window.close)
    for item in (new, open_):
        menu_file.addAction(item)
    menu_file.addMenu(menu_recent)
    menu_file.addAction(save_copy)
    menu_file.addAction(backup_now)
    menu_file.addSeparator()
    menu_file.addAction(import_)
    menu_file.addAction(export)
    publish_dialog.add_publish_action(window, menu_file)
    menu_file.addSeparator()
    menu_file.addAction(quit_)

    undo = window.undo_stack.createUndoAction(window)
    undo.setObjectName("actionUndo")
    undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
    redo = window.undo_stack.createRedoAction(window)
    redo.setObjectName("actionRedo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    window.addAction(undo)
    window.addAction(redo)
    find = _action(window, "actionFind", QKeySequence.StandardKey.Find, lambda: _focus_find(window))
    menu_edit.addAction(undo)
    menu_edit.addAction(redo)
    menu_edit.addSeparator()
    menu_edit.addAction(find)

    descendants = _action(window, "actionDescendants", "Ctrl+D")
    descendants.setCheckable(True)
    descendants.setChecked(True)
    descendants.toggled.connect(lambda _on: window.apply_filter())
    refresh = _action(
        window, "actionRefresh", QKeySequence.StandardKey.Refresh, lambda: window.store.reset.emit()
    )
    form_visible = window.form_dock.toggleViewAction()
    form_visible.setObjectName("actionShowForm")
    focus_form = _action(window, "actionFocusForm", "Ctrl+3", lambda: _focus_form(window))
    focus_tree = _action(
        window, "actionFocusTree", "Ctrl+1", lambda: window.territory_tree.setFocus()
    )
    focus_table = _action(
        window, "actionFocusTable", "Ctrl+2", lambda: window.page_table.setFocus()
    )
    menu_language = QMenu(window)
    menu_language.setObjectName("menuLanguage")
    group = QActionGroup(window)
    languages: dict[str, QAction] = {}
    for code, label in LANGUAGES:
        action = menu_language.addAction(label)
        action.setObjectName(f"actionLanguage_{code}")
        action.setCheckable(True)
        action.setChecked(window.settings.language == code)
        action.triggered.connect(lambda _checked, c=code: set_language(window, c))
        group.addAction(action)
        languages[code] = action
    for item in (descendants, refresh):
        menu_view.addAction(item)
    menu_view.addSeparator()
    menu_view.addAction(form_visible)
    menu_view.addAction(focus_tree)
    menu_view.addAction(focus_table)
    menu_view.addAction(focus_form)
    menu_view.addSeparator()
    menu_view.addMenu(menu_language)

    show_territory = _action(
        window,
        "actionShowTerritory",
        "Ctrl+J",
        lambda: (
            window.page_form.territoryRequested.emit(window.page_form.territory_id)
            if window.page_form.territory_id
            else None
        ),
    )
    menu_territory.addAction(show_territory)
    menu_territory.addSeparator()

    check = _action(window, "actionCheckCatalogue", None, lambda: _check(window))
    menu_tools.addAction(check)

    shortcuts = _action(
        window,
        "actionShortcuts",
        QKeySequence.StandardKey.HelpContents,
        lambda: ShortcutsDialog(window).exec(),
    )
    about = _action(window, "actionAbout", None, lambda: _about(window))
    menu_help.addAction(shortcuts)
    menu_help.addAction(about)

    window.territory_tree.customContextMenuRequested.connect(
        lambda pos: _context_menu(window, window.territory_tree, menu_territory, pos)
    )
    window.page_table.customContextMenuRequested.connect(
        lambda pos: _context_menu(window, window.page_table, menu_edit, pos)
    )
    return WindowActions(
        menu_file,
        menu_edit,
        menu_view,
        menu_territory,
        menu_tools,
        menu_help,
        menu_recent,
        menu_language,
        new,
        open_,
        save_copy,
        import_,
        export,
        quit_,
        undo,
        redo,
        find,
        descendants,
        refresh,
        show_territory,
        form_visible,
        focus_tree,
        focus_table,
        focus_form,
        check,
        backup_now,
        shortcuts,
        about,
        languages,
    )


def retranslate(window: QMainWindow) -> None:
    """Set menu and action texts in the current language."""
    a = window.actions_
    for menu, text in (
        (a.menu_file, _tr("&Файл")),
        (a.menu_edit, _tr("&Правка")),
        (a.menu_view, _tr("&Вид")),
        (a.menu_territory, _tr("&Территории")),
        (a.menu_tools, _tr("&Сервис")),
        (a.menu_help, _tr("Спр&авка")),
        (a.menu_recent, _tr("Недавние каталоги")),
        (a.menu_language, _tr("Язык")),
    ):
        menu.setTitle(text)
    texts = {
        a.new: _tr("Новый каталог…"),
        a.open: _tr("Открыть каталог…"),
        a.save_copy: _tr("Сохранить копию…"),
        a.backup_now: _tr("Создать резервную копию"),
        a.import_: _tr("Импорт таблиц…"),
        a.export: _tr("Экспорт отчёта…"),
        a.quit: _tr("Выход"),
        a.find: _tr("Найти"),
        a.descendants: _tr("Включая вложенные территории"),
        a.refresh: _tr("Обновить"),
        a.form_visible: _tr("Карточка страницы"),
        a.focus_tree: _tr("Перейти к дереву"),
        a.focus_table: _tr("Перейти к таблице"),
        a.focus_form: _tr("Перейти к карточке"),
        a.show_territory: _tr("Показать территорию страницы"),
        a.check: _tr("Проверить каталог"),
        a.shortcuts: _tr("Сочетания клавиш"),
        a.about: _tr("О программе"),
    }
    for action, text in texts.items():
        action.setText(text)
    a.descendants.setIconText(_tr("С вложенными"))
    a.descendants.setToolTip(_tr("Показывать страницы и вложенных территорий (Ctrl+D)"))
    a.undo.setText(_tr("Отменить"))
    a.redo.setText(_tr("Повторить"))
    publish_dialog.retranslate_action(window)


def set_language(window: QMainWindow, code: str) -> None:
    """Switch the interface language now and for the next start."""
    window.settings.language = code
    window.actions_.languages[code].setChecked(True)
    install_translators(QApplication.instance(), code)  # type: ignore[arg-type]


def column_menu(window: QMainWindow) -> QMenu:
    """The header's context menu: tick the columns to show."""
    menu = QMenu(window)
    menu.setObjectName("columnMenu")
    for index, column in enumerate(window.page_model.columns):
        action = menu.addAction(column.title)
        action.setCheckable(True)
        action.setChecked(not window.page_table.isColumnHidden(index))
        action.toggled.connect(lambda on, i=index: window.page_table.setColumnHidden(i, not on))
    return menu


def _context_menu(window: QMainWindow, view, menu: QMenu, position) -> None:
    popup = QMenu(window)
    for action in menu.actions():
        if action.isSeparator():
            popup.addSeparator()
        elif action.menu() is None and action.objectName() not in ("actionFind",):
            popup.addAction(action)
    if view is window.page_table:
        popup.addSeparator()
        popup.addAction(window.actions_.show_territory)
    if popup.actions():
        popup.exec(view.viewport().mapToGlobal(position))


def _fill_recent(window: QMainWindow, menu: QMenu) -> None:
    menu.clear()
    recent = window.settings.recent_catalogues
    for number, path in enumerate(recent, 1):
        action = menu.addAction(f"&{number % 10} {path}")
        action.triggered.connect(lambda _checked, p=path: window.files.switch_to(p))
    if not recent:
        menu.addAction(_tr("(пусто)")).setEnabled(False)


def _focus_find(window: QMainWindow) -> None:
    window.filter_bar.quick.setFocus(Qt.FocusReason.ShortcutFocusReason)
    window.filter_bar.quick.selectAll()


def _focus_form(window: QMainWindow) -> None:
    window.form_dock.show()
    window.form_dock.raise_()
    first = next(iter(window.page_form.rows.values())).editor
    first.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _open_dialog(window: QMainWindow, which: str) -> None:
    if which == "import":
        if window.read_only:
            window.show_error(_tr("Каталог открыт только для чтения"))
            return
        from editor.ui.import_wizard import ImportWizard

        dialog = ImportWizard(window)
    else:
        from editor.ui.export_dialog import ExportDialog

        dialog = ExportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()


def _check(window: QMainWindow) -> None:
    from editor.exchange.directory.lookup import verify_index

    report = check_catalogue()
    verify_index(report)
    lines = [*report.problems, *report.warnings]
    if report.ok and not lines:
        QMessageBox.information(window, _tr("Проверка каталога"), _tr("Каталог в порядке"))
        return
    text = "\n".join(lines[:30])
    QMessageBox.warning(window, _tr("Проверка каталога"), text)


def _about(window: QMainWindow) -> None:
    QMessageBox.about(
        window,
        _tr("О программе"),
        _tr(
            "Каталог госпабликов — редактор каталога официальных страниц органов власти и "
            "подведомственных учреждений региона в социальных сетях."
        ),
    )


class ShortcutsDialog(QDialog):
    """Help → the keyboard shortcuts of every action in the window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Сочетания клавиш"))
        rows = []
        for action in window.findChildren(QAction):
            keys = ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText)
                for k in action.shortcuts()
                if not k.isEmpty()
            )
            text = action.text().replace("&", "").rstrip("…")
            if keys and text:
                rows.append((text, keys))
        rows.extend(
            [(self.tr("Изменить ячейку"), "F2"), (self.tr("Переход между панелями"), "Tab")]
        )
        rows = sorted(set(rows))
        table = QTableWidget(len(rows), 2, self)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([self.tr("Действие"), self.tr("Клавиши")])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (text, keys) in enumerate(rows):
            table.setItem(row, 0, QTableWidgetItem(text))
            table.setItem(row, 1, QTableWidgetItem(keys))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(520, 480)
        self.rows = rows
