"""The private follow-up links mailed to companies: a random token, kept only as a hash."""

from __future__ import annotations

import hashlib
import secrets


def jeton_nouveau() -> tuple[str, str]:
    """Return a fresh token and the hash to store."""
    jeton = secrets.token_urlsafe(32)
    return jeton, empreinte(jeton)


def empreinte(jeton: str) -> str:
    # 256 random bits need no salt nor slow hash: nothing to brute-force, unlike a password.
    return hashlib.sha256(jeton.encode()).hexdigest()
