"""Headless Debian Chromium for the critical journeys, driven by Selenium through Debian's
chromedriver, against pytest-django's live server."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from tests.semis import semer_la_section


# The test database is SQLite in memory: one connection, which the live server's threads
# share. Two requests at once (a live htmx check and the click that sends its form) would
# then run inside one transaction and break each other. The server answers one request at
# a time, as each would in production on its own connection (Django closes each HTTP
# connection then, so no browser keep-alive holds it).
class ServeurSequentiel(WSGIServer):
    """Django's test server, without threads: the server's own thread already uses the
    shared connections (LiveServerThread.run), so the override is not needed here."""

    def __init__(self, *args: Any, connections_override: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)


LiveServerThread.server_class = ServeurSequentiel

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
