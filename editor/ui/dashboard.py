"""The dynamics dashboard (DESIGN §10): a dock of charts for the selected node and filter.

Subscribers by month per network, pages by sphere, compliance shares over time and the pages
that grew or fell most. The figures are computed in the background (editor.core.dynamics) a
moment after the selection or the filter settles; every chart can be saved as PNG or SVG and
shows the numbers behind it at one click. «Справка для новости» copies the press paragraph.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QDateEdit,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.core import digest, dynamics
from editor.core.normalize import NETWORK_LABELS
from editor.core.search import PageFilter
from editor.tasks.runner import Task, start

_DEBOUNCE_MS = 300
_TOP_SPHERES = 10
_NETWORK_COLOURS = {"vk": "#2787f5", "ok": "#ee8208", "telegram": "#27a7e7", "max": "#7a4dff"}


def _number(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")


class RowsModel(QAbstractTableModel):
    """A small read-only table of computed figures (the numbers behind a chart)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers: list[str] = []
        self._rows: list[list[object]] = []

    def set_rows(self, headers: list[str], rows: list[list[object]]) -> None:
        self.beginResetModel()
        self._headers, self._rows = headers, rows
        self.endResetModel()

    def rows(self) -> list[list[object]]:
        return self._rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, int):
                return _number(value)
            if isinstance(value, float):
                return f"{value:.1f}".replace(".", ",")
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if section < len(self._headers) else None
        return None


class ChartCard(QWidget):
    """One chart with its numbers: a chart view and a table on a stack, save and table buttons."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.setMargins(self.chart.margins() * 0)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumSize(QSize(320, 220))
        self.model = RowsModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.table)
        self.message = QLabel(self)
        self.message.setObjectName("emptyMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.hide()
        self.table_button = QToolButton(self)
        self.table_button.setCheckable(True)
        self.table_button.setObjectName("tableToggle")
        self.table_button.toggled.connect(self.show_table)
        # The chart's title, shown above the table (the chart that carries it is hidden then).
        self.caption = QLabel(self)
        self.caption.setObjectName("caption")
        self.caption.setStyleSheet("font-weight: bold;")
        self.caption.hide()
        self.save_button = QToolButton(self)
        self.save_button.setObjectName("saveChart")
        self.save_button.clicked.connect(self._save_dialog)
        buttons = QHBoxLayout()
        buttons.addWidget(self.caption)
        buttons.addStretch(1)
        buttons.addWidget(self.table_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.table_button.setText(self.tr("Таблица"))
        self.table_button.setToolTip(self.tr("Показать числа, по которым построен график"))
        self.save_button.setText(self.tr("Сохранить…"))
        self.save_button.setToolTip(self.tr("Сохранить график в PNG или SVG"))

    def show_table(self, on: bool) -> None:
        """Show the numbers (True) or the chart."""
        self.stack.setCurrentIndex(1 if on else 0)
        self.caption.setVisible(on)

    def clear(self, title: str, message: str = "") -> None:
        """Remove series and axes; `message` is shown over an empty chart."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.setTitle(title)
        self.caption.setText(title)
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def save(self, path: str | Path) -> None:
        """Write the chart to `path`: SVG when it ends in .svg, PNG otherwise."""
        path = str(path)
        size = self.view.size()
        if path.lower().endswith(".svg"):
            generator = QSvgGenerator()
            generator.setFileName(path)
            generator.setSize(size)
            generator.setViewBox(self.view.rect())
            generator.setTitle(self.chart.title())
            painter = QPainter(generator)
            self.view.render(painter)
            painter.end()
        elif not self.view.grab().save(path, "PNG"):
            raise OSError(self.tr("Не удалось записать файл {path}").format(path=path))

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Сохранить график"), self.chart.title() or "chart",
            self.tr("Изображение PNG (*.png);;Рисунок SVG (*.svg)"),
        )  # fmt: skip
        if path:
            try:
                self.save(path)
            except OSError as error:
                QMessageBox.warning(self, self.tr("Сохранить график"), str(error))


def _compute(page_filter: PageFilter, period, with_movers, *, progress=None, is_cancelled=None):
    return dynamics.dashboard(page_filter, period, with_movers=with_movers)


class DashboardPanel(QDockWidget):
    """The dock with the four charts; follows the main window's selection and filter."""

    # The charts were filled for a new scope/period (also when empty).
    updated = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("dashboardPanel")
        self.window_ = window
        self.data: dynamics.Dashboard | None = None
        self.last_error = ""
        self._generation = 0
        self._running: set[Task] = set()
        self._period: tuple[str | None, str | None] = (None, None)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

        body = QWidget(self)
        self.scope_label = QLabel(body)
        self.scope_label.setObjectName("dashboardScope")
        self.first_edit, self.last_edit = QDateEdit(body), QDateEdit(body)
        today = QDate.currentDate()
        for edit in (self.first_edit, self.last_edit):
            edit.setDate(QDate(today.year(), today.month(), 1))
            edit.setDisplayFormat("MM.yyyy")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._period_edited)
        top = QHBoxLayout()
        top.addWidget(self.scope_label, 1)
        self.period_label = QLabel(body)
        top.addWidget(self.period_label)
        top.addWidget(self.first_edit)
        top.addWidget(QLabel("—", body))
        top.addWidget(self.last_edit)
        self.subscribers_card = ChartCard("subscribersChart", body)
        self.spheres_card = ChartCard("spheresChart", body)
        self.compliance_card = ChartCard("complianceChart", body)
        self.movers_card = ChartCard("moversTable", body)
        self.movers_card.show_table(True)
        self.movers_card.table_button.hide()
        self.movers_card.save_button.hide()
        self.movers_card.table.setWordWrap(False)
        self.movers_card.table.horizontalHeader().setStretchLastSection(True)
        grid = QGridLayout()
        grid.addWidget(self.subscribers_card, 0, 0)
        grid.addWidget(self.compliance_card, 0, 1)
        grid.addWidget(self.spheres_card, 1, 0)
        grid.addWidget(self.movers_card, 1, 1)
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.setWidget(body)
        self.visibilityChanged.connect(self._visibility_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Динамика"))
        self.period_label.setText(self.tr("Период:"))
        for card in self.cards():
            card.retranslate()

    def cards(self) -> list[ChartCard]:
        return [self.subscribers_card, self.compliance_card, self.spheres_card, self.movers_card]

    # --- when to compute ----------------------------------------------------------------------

    def _visibility_changed(self, visible: bool) -> None:
        if visible:
            self.schedule()

    def schedule(self) -> None:
        """Recompute a moment after the last change (selection, filter, period)."""
        if self.isVisible() or not self.window_.background:
            self._timer.start()

    def set_period(self, first: str | None, last: str | None) -> None:
        """Show months `first`..`last` (`YYYY-MM`; None: the 12 months up to the latest count)."""
        self._period = (first, last)
        self._show_period(first, last)
        self.schedule()

    def _show_period(self, first: str | None, last: str | None) -> None:
        for edit, month in ((self.first_edit, first), (self.last_edit, last)):
            if month:
                edit.blockSignals(True)
                edit.setDate(QDate(int(month[:4]), int(month[5:7]), 1))
                edit.blockSignals(False)

    def _period_edited(self, _date: QDate) -> None:
        first = self.first_edit.date().toString("yyyy-MM")
        last = self.last_edit.date().toString("yyyy-MM")
        self._period = (first, last) if first <= last else (last, first)
        self.schedule()

    def refresh(self) -> None:
        """Compute the charts for the window's current filter: first without the movers (the
        charts appear at once), then with them."""
        self._timer.stop()
        page_filter = self.window_.current_filter().with_(extra={})
        self._generation += 1
        generation = self._generation
        for with_movers in (False, True):
            task = Task(_compute, page_filter, self._period, with_movers)
            if not self.window_.background:
                start(task, synchronous=True)
                if task.error is None:
                    self._done(None, generation, task.result)
                else:
                    self._failed(None, task.error)
                continue
            self._running.add(task)
            task.signals.finished.connect(lambda r, t=task: self._done(t, generation, r))
            task.signals.failed.connect(lambda m, t=task: self._failed(t, m))
            start(task)

    def _failed(self, task: Task | None, message: str) -> None:
        self._running.discard(task)  # type: ignore[arg-type]
        self.last_error = message
        self.window_.statusBar().showMessage(message, 10_000)

    def _done(self, task: Task | None, generation: int, data: dynamics.Dashboard) -> None:
        self._running.discard(task)  # type: ignore[arg-type]
        if generation != self._generation:
            return
        if data.with_movers:
            self._fill_movers(data)
            return
        self.data = data
        self._show_period(data.first, data.last)
        node = self.window_.current_territory_id()
        name = self.window_.tree_model.index_of(node).data() if node is not None else None
        self.scope_label.setText(
            self.tr("{scope}: {first} — {last}").format(
                scope=name or self.tr("Все территории"),
                first=dynamics.month_label(data.first),
                last=dynamics.month_label(data.last),
            )
        )
        self._fill_subscribers(data)
        self._fill_compliance(data)
        self._fill_spheres(data)
        self.movers_card.clear(self.tr("Рост и снижение"))
        self.updated.emit()

    # --- drawing ------------------------------------------------------------------------------

    def _empty_text(self) -> str:
        return self.tr("За выбранный период нет замеров подписчиков")

    def _month_axis(self, card: ChartCard, months: list[str]) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        # «11.24»: a full «11.2024» does not fit under 12 or more points.
        axis.append([f"{m[5:7]}.{m[2:4]}" for m in months])
        if len(months) > 18:
            axis.setLabelsAngle(-90)
        card.chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        return axis

    def _lines(
        self, card: ChartCard, months: list[str], lines: list[tuple[str, list, str | None]],
        top: float | None = None, label_format: str = "%.0f",
    ) -> None:  # fmt: skip
        x_axis = self._month_axis(card, months)
        y_axis = QValueAxis()
        y_axis.setLabelFormat(label_format)
        card.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        highest = max((v for _, values, _ in lines for v in values if v is not None), default=0)
        # Millions do not fit as plain digits beside a small chart: the axis counts thousands.
        scale = 1000.0 if top is None and highest >= 100_000 else 1.0
        if scale != 1.0:
            y_axis.setTitleText(self.tr("тыс."))
        for name, values, colour in lines:
            series = QLineSeries()
            series.setName(name)
            for i, value in enumerate(values):
                if value is not None:
                    series.append(i, value / scale)
            card.chart.addSeries(series)
            if colour:
                pen = series.pen()
                pen.setColor(colour)
                pen.setWidth(2)
                series.setPen(pen)
            series.attachAxis(x_axis)
            series.attachAxis(y_axis)
        y_axis.setRange(0, top if top is not None else max(highest / scale * 1.1, 1))
        if top is None:
            y_axis.applyNiceNumbers()

    def _fill_subscribers(self, data: dynamics.Dashboard) -> None:
        card, series = self.subscribers_card, data.series
        title = self.tr("Подписчики на конец месяца")
        card.clear(title, self._empty_text() if series.empty else "")
        networks = list(series.by_network)
        headers = [self.tr("Месяц"), self.tr("Всего")] + [
            NETWORK_LABELS.get(n, n) for n in networks
        ]
        rows = [
            [dynamics.month_label(m), series.subscribers[i]]
            + [series.by_network[n][i] for n in networks]
            for i, m in enumerate(series.months)
        ]
        card.model.set_rows(headers, rows)
        if series.empty:
            return
        # With one network the total is the same line: drawn once.
        lines = [(self.tr("Всего"), series.subscribers, "#333333")] if len(networks) > 1 else []
        lines += [(NETWORK_LABELS.get(n, n), series.by_network[n], _NETWORK_COLOURS.get(n))
                  for n in networks]  # fmt: skip
        self._lines(card, series.months, lines)

    def _fill_compliance(self, data: dynamics.Dashboard) -> None:
        card, series = self.compliance_card, data.series
        card.clear(self.tr("Доли страниц, %"), self._empty_text() if series.empty else "")
        shares = [
            (self.tr("С госметкой"), series.share("gosmark"), "#2e7d32"),
            (self.tr("Подключены к «Госпабликам»"), series.share("connected"), "#1565c0"),
            (self.tr("С виджетами ПОС"), series.share("widgets"), "#c62828"),
        ]
        card.model.set_rows(
            [self.tr("Месяц"), self.tr("Страниц")] + [name for name, _, _ in shares],
            [
                [dynamics.month_label(m), series.pages[i]] + [values[i] for _, values, _ in shares]
                for i, m in enumerate(series.months)
            ],
        )
        if not series.empty:
            self._lines(card, series.months, shares, top=100.0, label_format="%.0f%%")

    def _fill_spheres(self, data: dynamics.Dashboard) -> None:
        card = self.spheres_card
        ordered = sorted(data.by_sphere.items(), key=lambda item: (-item[1], item[0]))
        shown = ordered[:_TOP_SPHERES]
        rest = sum(count for _, count in ordered[_TOP_SPHERES:])
        if rest:
            shown.append((self.tr("Прочие сферы"), rest))
        card.clear(
            self.tr("Страниц по сферам (сейчас)"),
            "" if shown else self.tr("В выбранном охвате нет страниц"),
        )
        card.model.set_rows([self.tr("Сфера"), self.tr("Страниц")], [list(p) for p in ordered])
        if not shown:
            return
        bars = QBarSet(self.tr("Страниц"))
        bars.append([float(count) for _, count in shown])
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        card.chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([name if len(name) <= 14 else name[:13] + "…" for name, _ in shown])
        axis.setLabelsAngle(-45)
        card.chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        values = QValueAxis()
        values.setLabelFormat("%.0f")
        values.setRange(0, max(count for _, count in shown) * 1.15)
        card.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        card.chart.legend().hide()

    def _fill_movers(self, data: dynamics.Dashboard) -> None:
        card = self.movers_card
        rows = []
        for label, movers in ((self.tr("рост"), data.grew), (self.tr("снижение"), data.fell)):
            for mover in movers:
                rows.append(
                    [label, mover.change, mover.start, mover.end,
                     NETWORK_LABELS.get(mover.network, mover.network), mover.territory,
                     mover.organization]
                )  # fmt: skip
        card.clear(
            self.tr("Рост и снижение"),
            "" if rows else self.tr("За выбранный период подписчики страниц не менялись"),
        )
        card.model.set_rows(
            [self.tr("Изменение"), self.tr("Разница"), self.tr("На начало"), self.tr("На конец"),
             self.tr("Соцсеть"), self.tr("Территория"), self.tr("Организация")],
            rows,
        )  # fmt: skip


def copy_digest(window: QMainWindow) -> str:
    """«Справка для новости»: the paragraph of the selected territory, copied and shown."""
    text = digest.digest(window.current_territory_id())
    QGuiApplication.clipboard().setText(text)
    window.statusBar().showMessage(
        QCoreApplication.translate("MainWindow", "Справка скопирована в буфер обмена"), 10_000
    )
    box = QMessageBox(
        QMessageBox.Icon.Information, QCoreApplication.translate("MainWindow", "Справка для новости"), text,
        QMessageBox.StandardButton.Ok, window,
    )  # fmt: skip
    box.setObjectName("digestBox")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return text


def install(window: QMainWindow) -> DashboardPanel:
    """Add the dashboard dock (hidden at first), its View menu toggle and the digest action."""
    panel = DashboardPanel(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, panel)
    panel.hide()
    window.restoreDockWidget(panel)
    toggle = panel.toggleViewAction()
    toggle.setObjectName("actionDashboard")
    window.menu_view.addAction(toggle)
    action = QAction(QCoreApplication.translate("MainWindow", "Справка для новости"), window)
    action.setObjectName("actionDigest")
    action.setStatusTip(
        QCoreApplication.translate(
            "MainWindow", "Скопировать абзац для пресс-релиза о выбранной территории"
        )
    )
    action.triggered.connect(lambda: copy_digest(window))
    window.menu_tools.addAction(action)
    window.territory_tree.selectionModel().currentChanged.connect(panel.schedule)
    window.filter_bar.filterChanged.connect(panel.schedule)
    window.actions_.descendants.toggled.connect(panel.schedule)
    # Edits and imports change the figures: recompute when the dock shows them.
    for signal in (window.store.pagesChanged, window.store.pagesAddedOrRemoved, window.store.reset):
        signal.connect(panel.schedule)
    return panel
