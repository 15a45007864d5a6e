"""A first start that leads: the welcome panel, the home region, the toolbar, «Загрузить классификатор…».

While the catalogue holds no pages, the table area shows a panel (objectName `welcomePanel`) with
the next steps: choose your region (the tree then opens there and import defaults to it; the
choice is remembered per catalogue in the settings), load a classifier, import a registry, open
another catalogue. It goes away once pages exist and comes back when they are all removed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from editor.core import regions
from editor.ui.classifier_dialog import open_dialog


def _tr(text: str) -> str:
    return QCoreApplication.translate("FirstSteps", text)


class WelcomePanel(QFrame):
    """The next steps for an empty catalogue."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("welcomeTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.region_label = QLabel(self)
        self.region = QComboBox(self)
        self.region.setObjectName("homeRegion")
        self.region.setMinimumWidth(360)
        self.load_classifier = QPushButton(self)
        self.load_classifier.setObjectName("welcomeLoadClassifier")
        self.import_registry = QPushButton(self)
        self.import_registry.setObjectName("welcomeImport")
        self.open_catalogue = QPushButton(self)
        self.open_catalogue.setObjectName("welcomeOpen")
        self.steps = [QLabel(self) for _ in range(4)]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        for label, widget in zip(
            self.steps,
            (self.region, self.load_classifier, self.import_registry, self.open_catalogue),
            strict=True,
        ):
            label.setWordWrap(True)
            layout.addSpacing(6)
            layout.addWidget(label)
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.title.setText(_tr("С чего начать"))
        self.intro.setText(
            _tr(
                "В каталоге пока нет ни одного госпаблика. Четыре шага — и можно работать; "
                "эта панель исчезнет, как только появятся страницы."
            )
        )
        texts = (
            _tr(
                "1. Выберите ваш регион: дерево будет открываться на нём, импорт — попадать в него."
            ),
            _tr(
                "2. Загрузите муниципальные образования и поселения: файл ОКТМО Росстата или "
                "список муниципальных образований."
            ),
            _tr("3. Импортируйте реестр госпабликов — таблицы муниципалитетов (.xlsx, .csv)."),
            _tr("4. Или откройте уже заполненный каталог."),
        )
        for label, text in zip(self.steps, texts, strict=True):
            label.setText(text)
        self.load_classifier.setText(_tr("Загрузить классификатор…"))
        self.import_registry.setText(_tr("Импорт таблиц…"))
        self.open_catalogue.setText(_tr("Открыть каталог…"))
        if self.region.count():
            self.region.setItemText(0, _tr("— выберите регион —"))


class FirstSteps(QObject):
    """The welcome panel, the home region and the toolbar of one main window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.load_classifier = QAction(window)
        self.load_classifier.setObjectName("actionLoadClassifier")
        self.load_classifier.triggered.connect(self.open_classifier_dialog)
        window.addAction(self.load_classifier)
        menu = window.menu_territory
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.load_classifier)
        menu.insertSeparator(first)
        self.toolbar = self._toolbar()

        self.panel = WelcomePanel(window)
        table = window.page_table
        table.parentWidget().layout().addWidget(self.panel, 1)
        self.panel.region.activated.connect(self._region_chosen)
        self.panel.load_classifier.clicked.connect(self.load_classifier.trigger)
        self.panel.import_registry.clicked.connect(window.actions_.import_.trigger)
        self.panel.open_catalogue.clicked.connect(window.actions_.open.trigger)

        window.store.reset.connect(self.refresh)
        window.store.pagesAddedOrRemoved.connect(self.refresh)
        window.undo_stack.indexChanged.connect(self.refresh)
        window.catalogueOpened.connect(self._catalogue_opened)
        window.installEventFilter(self)
        self.retranslate()
        self._catalogue_opened()

    def _toolbar(self) -> QToolBar:
        window = self.window
        bar = QToolBar(window)
        bar.setObjectName("mainToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        actions = window.actions_
        for action in (actions.import_, actions.export, window.edit_actions.add_organization):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(actions.undo)
        bar.addAction(actions.redo)
        bar.addSeparator()
        bar.addAction(self.load_classifier)
        bar.addSeparator()
        # The quick filter itself, as desktop editors keep their search box in the toolbar
        # (Ctrl+F, «Найти», still puts the cursor there).
        quick = window.filter_bar.quick
        quick.setMinimumWidth(quick.fontMetrics().averageCharWidth() * 32)
        bar.addWidget(quick)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        return bar

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.load_classifier.setText(_tr("Загрузить классификатор…"))
        self.load_classifier.setStatusTip(
            _tr("Муниципальные образования, поселения и населённые пункты из файла ОКТМО")
        )
        self.toolbar.setWindowTitle(_tr("Панель инструментов"))
        self.panel.retranslate()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # --- the welcome panel and the home region -----------------------------------------------

    def refresh(self, *_args: object) -> None:
        """Show the panel while the catalogue holds no pages, the table otherwise."""
        empty = not regions.has_pages()
        self.panel.setVisible(empty)
        self.window.page_table.setVisible(not empty)

    def _catalogue_opened(self, *_args: object) -> None:
        combo = self.panel.region
        combo.clear()
        combo.addItem(_tr("— выберите регион —"), "")
        for _id, name, code in regions.regions():
            combo.addItem(name, code)
        home = self.home_region_id()
        if home is not None:
            combo.setCurrentIndex(max(combo.findData(self.home_code()), 0))
            self.window.select_territory(home)
            self.window.territory_tree.expand(self.window.tree_model.index_of(home))
        self.refresh()

    def home_code(self) -> str:
        """The ОКТМО code of this catalogue's home region ("" when not chosen)."""
        return self.window.settings.home_region(_catalogue(self.window))

    def home_region_id(self) -> int | None:
        """The territory id of this catalogue's home region, or None."""
        code = self.home_code()
        return regions.region_by_code(code) if code else None

    def _region_chosen(self, index: int) -> None:
        code = self.panel.region.itemData(index)
        if not code:
            return
        self.window.settings.set_home_region(_catalogue(self.window), code)
        region = regions.region_by_code(code)
        if region is not None and self.window.select_territory(region):
            self.window.territory_tree.expand(self.window.tree_model.index_of(region))

    def open_classifier_dialog(self) -> None:
        """Территории → «Загрузить классификатор…»."""
        if self.window.read_only:
            self.window.show_error(_tr("Каталог открыт только для чтения"))
            return
        open_dialog(self.window)


def install(window: QMainWindow) -> FirstSteps:
    """Add the first-start panel, the toolbar and the classifier action to a main window."""
    return FirstSteps(window)


def _catalogue(window) -> object:
    """The open catalogue: its file, or the server URL (without password) of a team catalogue."""
    return window.catalogue_path or getattr(window.files, "server_url", None)
