"""Behind nginx or a load balancer every request comes from the proxy's address: with
PROXIES_DE_CONFIANCE the visitor's is read from the X-Forwarded-For the proxy appends to,
from its right end, so that the per-address limits count each visitor, and what a client
writes into that header itself is never believed."""

from __future__ import annotations

import ipaddress
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from core.proxy import adresse_du_client
from stages.env import envreseaux

NGINX = (ipaddress.ip_network("127.0.0.1/32"),)
DEUX_PROXIES = (*NGINX, ipaddress.ip_network("10.0.0.0/24"))
OFFRE = {
    "siret": "83214567600025",
    "entreprise": "Aquitaine Distribution",
    "ville": "Mérignac",
    "contact_nom": "Julie Martin",
    "contact_email": "julie.martin@example.org",
    "nombre_stagiaires": "1",
    "gratification": "minimum",
}


@pytest.mark.parametrize(
    ("remote_addr", "transmise", "proxies", "visiteur"),
    [
        ("127.0.0.1", "203.0.113.7", NGINX, "203.0.113.7"),
        # The client wrote an address of its own first: the proxy's last one counts.
        ("127.0.0.1", "192.0.2.1, 203.0.113.7", NGINX, "203.0.113.7"),
        # nginx then the load balancer: both skipped from the right.
        ("10.0.0.5", "203.0.113.7, 127.0.0.1", DEUX_PROXIES, "203.0.113.7"),
        # Straight from the Internet, not through the proxy: the header is anyone's.
        ("198.51.100.4", "203.0.113.7", NGINX, "198.51.100.4"),
        ("127.0.0.1", "", NGINX, "127.0.0.1"),
        ("127.0.0.1", "pas-une-adresse", NGINX, "127.0.0.1"),
        ("127.0.0.1", "203.0.113.7", (), "127.0.0.1"),  # no proxy named: as it comes
    ],
)
def test_the_visitor_is_the_last_address_before_the_trusted_proxies(
    remote_addr: str, transmise: str, proxies: Any, visiteur: str
) -> None:
    assert adresse_du_client(remote_addr, transmise, proxies) == visiteur


def test_the_setting_reads_addresses_and_networks_and_refuses_anything_else(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("PROXIES_DE_CONFIANCE", "127.0.0.1, ::1,10.0.0.0/24")
    assert [str(r) for r in envreseaux("PROXIES_DE_CONFIANCE")] == [
        "127.0.0.1/32",
        "::1/128",
        "10.0.0.0/24",
    ]
    monkeypatch.setenv("PROXIES_DE_CONFIANCE", "nginx")
    with pytest.raises(ImproperlyConfigured, match="liste d'adresses IP ou de réseaux"):
        envreseaux("PROXIES_DE_CONFIANCE")


@pytest.mark.django_db
def test_behind_the_proxy_the_hourly_limit_counts_each_visitor(settings: Any) -> None:
    settings.PROXIES_DE_CONFIANCE = NGINX
    settings.PROPOSITIONS_PAR_HEURE = 2
    cache.clear()
    nginx = Client(REMOTE_ADDR="127.0.0.1")  # its middleware built with the setting above

    def proposer(visiteur: str) -> int:
        reponse = nginx.post(reverse("public:proposer"), OFFRE, HTTP_X_FORWARDED_FOR=visiteur)
        return reponse.status_code

    assert [proposer("203.0.113.7") for _ in range(3)] == [302, 302, 429]
    # Another visitor through the same proxy is not held back...
    assert proposer("198.51.100.4") == 302
    # ...and the first one cannot slip past by writing another address first.
    assert proposer("192.0.2.99, 203.0.113.7") == 429
    cache.clear()
