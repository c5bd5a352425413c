"""The secret of a personal link and its SHA-256, the only thing stored."""

from __future__ import annotations

import hashlib
import secrets


def nouveau_jeton() -> tuple[str, str]:
    jeton = secrets.token_urlsafe(32)
    return jeton, empreinte(jeton)


def empreinte(jeton: str) -> str:
    return hashlib.sha256(jeton.encode()).hexdigest()
