"""Headless Debian Chromium for the critical journeys, driven by Selenium through Debian's
chromedriver, against pytest-django's live server."""

from __future__ import annotations

import importlib
import shutil
import tempfile
from collections.abc import Iterator

import pytest
from django.apps import apps
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

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
    """The referential and the school seeded by the migrations, which the flush after each
    transactional test removes. Seeded again here rather than with serialized_rollback,
    which restores old content-type rows over the ones the flush recreated (IntegrityError
    in whichever transactional test comes next)."""
    from demo.lycee import lycee_creer
    from referentiel.models import Formation

    if not Formation.objects.exists():
        importlib.import_module("referentiel.migrations.0002_ndrc_2018_blocs_et_missions").semer(
            apps, None
        )
    lycee_creer()  # the school, unless one is recorded
