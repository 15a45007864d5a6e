"""The filter bar above the page table: quick text search, sphere/network/status/flag filters, saved filters.

Each keystroke in the quick filter applies at the event loop's next turn: keystrokes that arrive
together (a paste, a fast typist while the window was busy) make one query, and none waits for a
pause in typing, since the search index answers a keystroke in a few hundredths of a second. The
table loads its rows on a worker thread, so the window stays responsive whatever the catalogue's
size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QSpinBox,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from editor.core import normalize as nz
from editor.core import spheres
from editor.itemmodels.page_columns import format_value
from editor.ui.settings import Settings

# 0: the next turn of the event loop. A longer wait would be added to every keystroke's answer.
DEBOUNCE_MS = 0
FLAGS = ("no_gosmark", "no_widgets", "not_connected")


class FilterBar(QWidget):
    """Builds the filter parts of a PageFilter; `filterChanged` fires when they change."""

    filterChanged = Signal()  # noqa: N815 - Qt naming
    # The quick filter got the focus: typing is about to start (the search index can be read).
    typingExpected = Signal()  # noqa: N815 - Qt naming

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.filterChanged.emit)

        self.quick = QLineEdit(self)
        self.quick.setObjectName("quickFilter")
        self.quick.setClearButtonEnabled(True)
        self.quick.setMinimumWidth(self.fontMetrics().averageCharWidth() * 18)
        self.quick.textChanged.connect(lambda _text: self._debounce.start())
        self.quick.returnPressed.connect(self._flush)
        self.quick.installEventFilter(self)

        self.sphere_button = self._menu_button("sphereFilter")
        self.network_button = self._menu_button("networkFilter")
        self.status_button = self._menu_button("statusFilter")
        self.flags_button = self._menu_button("flagsFilter")
        self.saved_button = self._menu_button("savedFilters")
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear)

        self._network_actions: dict[str, QAction] = {}
        self._status_actions: dict[str, QAction] = {}
        self._sphere_actions: dict[int, QAction] = {}
        self._flag_actions: dict[str, QAction] = {}
        self.stale_action = QAction(self)
        self.stale_action.setCheckable(True)
        self.stale_action.toggled.connect(self._changed)
        self.stale_days = QSpinBox(self)
        self.stale_days.setRange(1, 3650)
        self.stale_days.setValue(90)
        self.stale_days.valueChanged.connect(
            lambda _v: self._changed() if self.stale_action.isChecked() else None
        )

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.quick, 1)
        for button in (
            self.sphere_button,
            self.network_button,
            self.status_button,
            self.flags_button,
            self.saved_button,
            self.clear_button,
        ):
            layout.addWidget(button)
        self._build_menus()
        self.retranslate()

    # --- building ------------------------------------------------------------------------

    def _menu_button(self, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(QMenu(button))
        return button

    def _checkable(self, menu: QMenu, text: str) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.toggled.connect(self._changed)
        return action

    def _build_menus(self) -> None:
        menu = self.network_button.menu()
        for code in nz.NETWORKS:
            self._network_actions[code] = self._checkable(menu, format_value("network", code))
        menu = self.status_button.menu()
        for code in nz.STATUSES:
            self._status_actions[code] = self._checkable(menu, format_value("status", code))
        menu = self.flags_button.menu()
        for flag in FLAGS:
            self._flag_actions[flag] = self._checkable(menu, flag)
        menu.addSeparator()
        menu.addAction(self.stale_action)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.stale_days)
        menu.addAction(holder)
        self.reload_spheres()
        self.saved_button.menu().aboutToShow.connect(self._fill_saved_menu)

    def reload_spheres(self) -> None:
        """Rebuild the sphere menu from the dictionary, keeping the checked ones."""
        checked = set(self.checked_spheres())
        menu = self.sphere_button.menu()
        menu.clear()
        self._sphere_actions = {}
        for sphere in spheres.all_spheres():
            prefix = "    " if sphere.parent_id else ""
            action = menu.addAction(prefix + sphere.name)
            action.setCheckable(True)
            action.setChecked(sphere.id in checked)
            action.toggled.connect(self._changed)
            self._sphere_actions[sphere.id] = action
        self._update_button_texts()

    def retranslate(self) -> None:
        """Set every visible text in the current language."""
        self.quick.setPlaceholderText(
            self.tr("Поиск по названию, организации, ссылке, ОГРН ({key})").format(
                key=QKeySequence(QKeySequence.StandardKey.Find).toString(
                    QKeySequence.SequenceFormat.NativeText
                )
            )
        )
        self.quick.setAccessibleName(self.tr("Быстрый фильтр"))
        labels = {
            "no_gosmark": self.tr("Без госметки"),
            "no_widgets": self.tr("Без виджетов ПОС"),
            "not_connected": self.tr("Не подключены к «Госпабликам»"),
        }
        for flag, action in self._flag_actions.items():
            action.setText(labels[flag])
        for code, action in self._network_actions.items():
            action.setText(format_value("network", code))
        for code, action in self._status_actions.items():
            action.setText(format_value("status", code))
        self.stale_action.setText(self.tr("Замер подписчиков старше, дней:"))
        self.stale_days.setAccessibleName(self.tr("Замер подписчиков старше, дней"))
        self.saved_button.setText(self.tr("Фильтры"))
        self.saved_button.setToolTip(self.tr("Сохранённые фильтры"))
        self.clear_button.setText(self.tr("Сбросить"))
        self.clear_button.setToolTip(self.tr("Сбросить все фильтры"))
        self._update_button_texts()

    def _update_button_texts(self) -> None:
        for button, title, count in (
            (self.sphere_button, self.tr("Сфера"), len(self.checked_spheres())),
            (self.network_button, self.tr("Соцсеть"), len(self._checked(self._network_actions))),
            (self.status_button, self.tr("Статус"), len(self._checked(self._status_actions))),
            (
                self.flags_button,
                self.tr("Признаки"),
                len(self._checked(self._flag_actions)) + int(self.stale_action.isChecked()),
            ),
        ):
            button.setText(f"{title} ({count})" if count else title)
            button.setAccessibleName(title)

    # --- state ---------------------------------------------------------------------------

    @staticmethod
    def _checked(actions: dict) -> list:
        return [key for key, action in actions.items() if action.isChecked()]

    def checked_spheres(self) -> list[int]:
        """The sphere ids ticked in the sphere menu."""
        return self._checked(self._sphere_actions)

    def parts(self) -> dict:
        """The filter parts as PageFilter keyword arguments."""
        flags = set(self._checked(self._flag_actions))
        return {
            "text": self.quick.text().strip(),
            "spheres": tuple(self.checked_spheres()),
            "networks": tuple(self._checked(self._network_actions)),
            "statuses": tuple(self._checked(self._status_actions)),
            "no_gosmark": "no_gosmark" in flags,
            "no_widgets": "no_widgets" in flags,
            "not_connected": "not_connected" in flags,
            "stale_days": self.stale_days.value() if self.stale_action.isChecked() else None,
        }

    def set_parts(self, parts: dict) -> None:
        """Show saved filter parts (unknown spheres are ignored); emits filterChanged once."""
        self.blockSignals(True)
        try:
            self.quick.setText(str(parts.get("text", "")))
            for key, actions in (
                ("spheres", self._sphere_actions),
                ("networks", self._network_actions),
                ("statuses", self._status_actions),
            ):
                wanted = set(parts.get(key, ()))
                for code, action in actions.items():
                    action.setChecked(code in wanted)
            for flag, action in self._flag_actions.items():
                action.setChecked(bool(parts.get(flag)))
            stale = parts.get("stale_days")
            self.stale_action.setChecked(stale is not None)
            if stale is not None:
                self.stale_days.setValue(int(stale))
        finally:
            self.blockSignals(False)
        self._debounce.stop()
        self._update_button_texts()
        self.filterChanged.emit()

    def is_active(self) -> bool:
        """True when anything narrows the table."""
        parts = self.parts()
        return (
            any(value for key, value in parts.items() if key != "stale_days")
            or parts["stale_days"] is not None
        )

    def clear(self) -> None:
        """Remove every filter."""
        self.set_parts({})

    def flush(self) -> None:
        """Apply a pending quick-filter text now (Enter, or tests)."""
        self._flush()

    def _flush(self) -> None:
        if self._debounce.isActive():
            self._debounce.stop()
            self.filterChanged.emit()

    def _changed(self, *_args: object) -> None:
        self._update_button_texts()
        self._debounce.stop()
        self.filterChanged.emit()

    # --- saved filters -------------------------------------------------------------------

    def save_current(self, name: str) -> None:
        """Remember the current filter under a name."""
        saved = dict(self.settings.saved_filters)
        saved[name] = {
            key: list(value) if isinstance(value, tuple) else value
            for key, value in self.parts().items()
        }
        self.settings.saved_filters = saved

    def apply_saved(self, name: str) -> bool:
        """Apply a saved filter; False when there is none by that name."""
        parts = self.settings.saved_filters.get(name)
        if parts is None:
            return False
        self.set_parts(parts)
        return True

    def delete_saved(self, name: str) -> None:
        """Forget a saved filter."""
        saved = dict(self.settings.saved_filters)
        saved.pop(name, None)
        self.settings.saved_filters = saved

    def _fill_saved_menu(self) -> None:
        menu = self.saved_button.menu()
        menu.clear()
        menu.addAction(self.tr("Сохранить текущий фильтр…"), self._ask_save)
        saved = sorted(self.settings.saved_filters)
        if saved:
            menu.addSeparator()
            for name in saved:
                menu.addAction(name, lambda n=name: self.apply_saved(n))
            menu.addSeparator()
            remove = menu.addMenu(self.tr("Удалить"))
            for name in saved:
                remove.addAction(name, lambda n=name: self.delete_saved(n))

    def _ask_save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Сохранить фильтр"), self.tr("Название:"))
        if ok and name.strip():
            self.save_current(name.strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.quick and event.type() == QEvent.Type.FocusIn:
            self.typingExpected.emit()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
