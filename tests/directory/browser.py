"""Headless Chromium for the directory page tests and the bench: the system's browser and
driver only (Debian's ``chromium`` and ``chromium-driver``); nothing is ever downloaded."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
DRIVER_PATHS = ("/usr/bin/chromedriver",)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


def _first(paths: tuple[str, ...]) -> str | None:
    return next((path for path in paths if os.access(path, os.X_OK)), None)


def missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if _first(CHROMIUM_PATHS) is None:
        return "no system chromium (apt-get install -y chromium chromium-driver)"
    if _first(DRIVER_PATHS) is None:
        return "no system chromedriver (apt-get install -y chromium-driver)"
    return None


@contextmanager
def chromium(width: int = 1280, height: int = 900) -> Iterator:
    """A selenium driver on the system's headless Chromium with a fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # selenium-manager must not fetch anything
    profile = tempfile.mkdtemp(prefix="directory-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = _first(CHROMIUM_PATHS) or ""
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=_first(DRIVER_PATHS) or "")
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, index: Path) -> None:
    """Load a published index.html from file:// and wait until its script has run."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(index.resolve().as_uri())
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready === '1'")
    )


def type_query(driver, text: str) -> None:
    """Type into the search field key by key, as a person does."""
    from selenium.webdriver.common.by import By

    field = driver.find_element(By.ID, "q")
    field.clear()
    field.send_keys(text)
