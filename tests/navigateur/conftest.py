"""Headless Debian Chromium for the critical journeys, driven by Selenium through Debian's
chromedriver, against pytest-django's live server."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from tests.semis import semer_la_section

DRAPEAUX = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1600",
)


@pytest.fixture
def navigateur() -> Iterator[webdriver.Chrome]:
    chromium, pilote = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not pilote:
        pytest.fail(
            "Chromium et chromedriver sont nécessaires : make navigateur (Debian : chromium chromium-driver)"
        )
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for drapeau in DRAPEAUX:
        options.add_argument(drapeau)
    with tempfile.TemporaryDirectory() as profil:
        options.add_argument(f"--user-data-dir={profil}")
        pilote_chrome = webdriver.Chrome(options=options, service=Service(pilote))
        pilote_chrome.implicitly_wait(5)
        try:
            yield pilote_chrome
        finally:
            pilote_chrome.quit()


@pytest.fixture(autouse=True)
def section_semee(transactional_db: None) -> None:
    semer_la_section()
