"""The dynamics dashboard: it follows the selection, draws the months, says so when a period
has no counts, saves its charts, shows their numbers; «Справка для новости» fills the clipboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries
from PySide6.QtGui import QAction, QGuiApplication

from editor.core import records
from editor.db.database import close_catalogue
from tests.gui.window_helpers import QT_LOG_IGNORE, open_window
from tests.sample_catalogue import build_sample

pytestmark = QT_LOG_IGNORE


@pytest.fixture
def sample(tmp_path):
    """The sample catalogue with three more monthly counts on the Kurgan city pages."""
    sample = build_sample(tmp_path / "sample.gpc")
    from editor.db.models import Page

    city = [p.id for p in Page.select().where(Page.territory == sample.kurgan)]
    for month, factor in ((11, 2), (12, 3)):
        for page in city:
            records.set_count(page, dt.date(2024, month, 5), 1000 * factor)
    sample.city_pages = city  # type: ignore[attr-defined]
    close_catalogue()
    return sample


@pytest.fixture
def window(qtbot, sample, tmp_path):
    window = open_window(qtbot, sample.path, tmp_path / "settings.ini")
    window.dashboard.show()
    return window


def _points(series: QLineSeries) -> list[float]:
    return [point.y() for point in series.points()]


def test_selection_fills_the_charts(qtbot, window, sample):
    panel = window.dashboard
    assert window.findChild(object, "dashboardPanel") is panel
    with qtbot.waitSignal(panel.updated, timeout=5000):
        window.select_territory(sample.kurgan)
    assert panel.data.last == "2024-12"
    lines = {s.name(): s for s in panel.subscribers_card.chart.series()}
    assert set(lines) == {"Всего", "ВКонтакте", "Одноклассники", "Telegram"}
    assert panel.subscribers_card.chart.axes()[0].categories()[-1] == "12.24"
    # 15 city pages: their October counts, then 2000 and 3000 each in November and December.
    october = sum(100 * n + len(net) for n in range(2, 11, 2) for net in ("vk", "ok", "telegram"))
    assert _points(lines["Всего"])[-3:] == [october, 15 * 2000, 15 * 3000]
    assert _points(lines["ВКонтакте"])[-1] == 5 * 3000
    assert not panel.subscribers_card.message.isVisible()
    table = panel.subscribers_card.model.rows()
    assert table[-1][:2] == ["12.2024", 45000]
    # Compliance shares: the even-numbered schools have the госметка: all city pages.
    shares = {s.name(): s for s in panel.compliance_card.chart.series()}
    assert _points(shares["С госметкой"])[-1] == 100.0
    bars = panel.spheres_card.chart.series()
    assert isinstance(bars[0], QBarSeries) and bars[0].barSets()[0].at(0) == 15
    # The movers come in a second pass: every city page grew from its October count.
    qtbot.waitUntil(lambda: panel.movers_card.model.rowCount() > 0, timeout=5000)
    assert all(row[0] == "рост" for row in panel.movers_card.model.rows())


def test_a_period_without_counts_is_an_empty_chart_with_a_message(qtbot, window):
    panel = window.dashboard
    with qtbot.waitSignal(panel.updated, timeout=5000):
        panel.set_period("2019-01", "2019-12")
    card = panel.subscribers_card
    assert card.chart.series() == []
    assert card.message.isVisible()
    assert "нет замеров" in card.message.text()
    assert panel.compliance_card.message.isVisible()
    assert panel.last_error == ""


def test_charts_save_as_png_and_svg_and_show_their_numbers(qtbot, window, sample, tmp_path):
    panel = window.dashboard
    with qtbot.waitSignal(panel.updated, timeout=5000):
        window.select_territory(sample.kurgan)
    card = panel.subscribers_card
    card.save(tmp_path / "chart.png")
    card.save(tmp_path / "chart.svg")
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Подписчики на конец месяца" in svg
    assert card.stack.currentWidget() is card.view
    card.table_button.click()
    assert card.stack.currentWidget() is card.table
    assert card.table.model().rowCount() == len(panel.data.series.months)


def test_digest_action_copies_the_paragraph(qtbot, window, sample):
    window.select_territory(sample.kurgan)
    action = window.findChild(QAction, "actionDigest")
    QGuiApplication.clipboard().clear()
    action.trigger()
    text = QGuiApplication.clipboard().text()
    assert text.startswith("Число подписчиков госпабликов территории «город Курган»") or (
        text.startswith("Число подписчиков госпабликов города Курган")
    )
    assert "15\u00a0госпабликов" in text and "45\u00a0000" in text
    box = window.findChild(object, "digestBox")
    assert box is not None and box.text() == text
