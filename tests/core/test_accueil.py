"""The home page shows today's legal figures read from the dated parameters."""

import time_machine
from django.test import Client


def test_it_shows_the_minimum_hourly_gratification_in_force(client: Client, db: None) -> None:
    with time_machine.travel("2026-03-02 10:00 +01:00"):
        page = client.get("/")
    assert page.status_code == 200
    assert "4,50 € de l'heure" in page.content.decode()


def test_it_follows_the_date_it_is_served_on(client: Client, db: None) -> None:
    with time_machine.travel("2025-06-02 10:00 +02:00"):
        page = client.get("/")
    assert "4,35 € de l'heure" in page.content.decode()
