"""Typed readers for environment variables: a bad value stops the start with a clear message."""

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "oui", "on"):
        return True
    if value.lower() in ("0", "false", "no", "non", "off"):
        return False
    raise ImproperlyConfigured(f"{name} doit valoir true ou false, pas {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} doit être un entier, pas {value!r}") from exc


def envstr(name: str, default: str) -> str:
    return os.environ.get(name) or default


def envsecret(name: str, default: str) -> str:
    """Read NAME, or the content of the file named by NAME_FILE (Docker/systemd secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        with open(path, encoding="utf-8") as fh:
            return fh.read().strip()
    return envstr(name, default)


def envjours(name: str, default: tuple[int, ...]) -> tuple[int, ...]:
    """A list of days, comma-separated ("3,7"), each a positive integer."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        jours = tuple(int(v) for v in value.split(","))
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{name} doit être une liste de jours (3,7), pas {value!r}"
        ) from exc
    if not jours or any(j <= 0 for j in jours):
        raise ImproperlyConfigured(f"{name} doit être une liste de jours positifs, pas {value!r}")
    return jours


def envreseaux(name: str) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """Addresses or networks, comma-separated (127.0.0.1,10.0.0.0/24); empty: none."""
    value = os.environ.get(name) or ""
    try:
        return tuple(
            ipaddress.ip_network(v.strip(), strict=False) for v in value.split(",") if v.strip()
        )
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{name} doit être une liste d'adresses IP ou de réseaux (10.0.0.0/24), pas {value!r}"
        ) from exc
