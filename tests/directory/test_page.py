"""The published page in a real browser (headless Chromium): no console error, the right
organisation first, hostile names as text, links only to the known networks, the same
answers as `lookup`. Skipped with the reason where no system Chromium is installed."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.opening import close_catalogue, open_catalogue
from editor.exchange.directory.collect import collect
from editor.exchange.directory.publish import publish
from editor.exchange.directory.search import search
from tests.directory import browser
from tests.directory.sample import ADMIN, HOSTILE, SCRIPT_URL, build_directory_sample

pytestmark = pytest.mark.skipif(browser.missing() is not None, reason=str(browser.missing()))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("directory")
    build_directory_sample(folder / "region.gpc")
    try:
        publish(folder / "site", scope_text="Курганская область")
    finally:
        close_catalogue()
    return folder / "site"


@pytest.fixture(scope="module")
def driver():
    with browser.chromium() as chromium:
        yield chromium


def _shown_names(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('li.org > .name'), e => e.textContent)"
    )


def test_loads_without_console_errors(driver, site):
    browser.open_page(driver, site / "index.html")
    severe = [
        entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")
    ]
    assert severe == []
    assert driver.find_element("id", "status").text.startswith("Организаций:")
    assert driver.execute_script("return document.querySelectorAll('li.org').length") > 10


def test_typed_query_shows_the_administration_first(driver, site):
    browser.open_page(driver, site / "index.html")
    browser.type_query(driver, "адм кетов")
    names = _shown_names(driver)
    assert names[0] == ADMIN
    assert "Финансовый отдел Администрации Кетовского муниципального округа" in names
    assert all("школа" not in name for name in names)
    status = driver.find_element("id", "status").text
    assert status == f"Найдено организаций: {len(names)}"
    heading = driver.execute_script("return document.querySelector('#results h2').textContent")
    assert heading == "Курганская область/Кетовский муниципальный округ"
    links = driver.execute_script(
        "return Array.from(document.querySelector('li.org').querySelectorAll('a'),"
        " a => [a.href, a.rel])"
    )
    assert links == [
        ["https://vk.com/ketovo_adm", "noopener noreferrer"],
        ["https://t.me/ketovo_adm", "noopener noreferrer"],
    ]
    browser.type_query(driver, "ЁЛКИНСКАЯ")  # an organisation without pages is not listed
    assert _shown_names(driver) == []
    assert driver.find_element("id", "status").text == "Ничего не найдено"


def test_hostile_name_stays_text(driver, site):
    from selenium.common.exceptions import NoAlertPresentException

    browser.open_page(driver, site / "index.html")
    browser.type_query(driver, "img onerror")
    assert _shown_names(driver) == [HOSTILE]
    assert driver.execute_script("return document.querySelectorAll('img, body script').length") == 2
    assert driver.execute_script("return document.querySelectorAll('img').length") == 0
    short = driver.execute_script("return document.querySelector('li.org .short').textContent")
    assert short == "</script><script>alert(2)</script>"
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is the check


def test_javascript_url_is_never_a_link(driver, site):
    browser.open_page(driver, site / "index.html")
    hrefs = driver.execute_script("return Array.from(document.links, a => a.href)")
    known = ("https://vk.com/", "https://ok.ru/", "https://t.me/")
    assert len(hrefs) > 20 and all(href.startswith(known) for href in hrefs)
    browser.type_query(driver, "опасной ссылкой")
    assert _shown_names(driver) == ["Музей с опасной ссылкой"]
    card = "document.querySelector('li.org')"
    assert driver.execute_script(f"return {card}.querySelectorAll('a').length") == 0
    assert SCRIPT_URL in driver.execute_script(f"return {card}.textContent")


def test_filters_by_territory_and_sphere(driver, site):
    from selenium.webdriver.support.ui import Select

    browser.open_page(driver, site / "index.html")
    territory = Select(driver.find_element("id", "territory"))
    labels = [option.text.strip() for option in territory.options]
    assert labels[:2] == ["Все территории", "Курганская область"]
    kurgan = next(o for o in territory.options if o.text.strip() == "город Курган")
    territory.select_by_value(kurgan.get_attribute("value"))
    names = _shown_names(driver)
    assert names and ADMIN not in names and HOSTILE in names
    sphere = Select(driver.find_element("id", "sphere"))
    sphere.select_by_visible_text("Образование")  # includes Школы
    names = _shown_names(driver)
    assert names and all("школа" in name for name in names)


def test_page_ranks_as_lookup(driver, site, tmp_path_factory):
    """The page's script and the Python engine give the same order."""
    open_catalogue(site.parent / "region.gpc")
    try:
        directory = collect()
    finally:
        close_catalogue()
    entries = directory.entries()
    browser.open_page(driver, site / "index.html")
    for query in ("адм кетов", "школа", "кетовский", "культ", "1", "ЁЛК", "сош 5", "«музей»"):
        in_page = driver.execute_script("return window.directorySearch(arguments[0])", query)
        assert in_page == search(entries, query), query


def test_keyboard_and_screen_reader(driver, site):
    from selenium.webdriver.common.keys import Keys

    browser.open_page(driver, site / "index.html")
    assert driver.execute_script("return document.querySelector('label[for=q]').textContent")
    assert driver.find_element("id", "status").get_attribute("aria-live") == "polite"
    assert driver.find_element("id", "form").get_attribute("role") == "search"
    field = driver.find_element("id", "q")
    field.send_keys("школа")
    field.send_keys(Keys.ESCAPE)
    assert field.get_attribute("value") == ""
    field.send_keys(Keys.TAB)
    assert driver.switch_to.active_element.get_attribute("id") == "territory"
