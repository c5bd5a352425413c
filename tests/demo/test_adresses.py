"""The demo's and the tests' addresses are all fictitious: no mail written in the code, the
migrations, the demo or the tests' fixtures can reach a real school or a real person.

Allowed: domains reserved for tests and examples (RFC 2606 and 6761: `.test`, `.example`,
`example.org/.com/.net`). The forms' format hints (`nom@domaine.fr`) are a pattern to
follow, not a mailbox: listed below. A real institution's web address in a reference
(Légifrance, the school's site) is no mailbox and is not checked here."""

from __future__ import annotations

import re
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]
EXTENSIONS = {".py", ".html", ".txt", ".md", ".yaml", ".yml", ".json", ".csv", ".js", ".toml"}
IGNORES = {".venv", "node_modules", ".git", "htmlcov", "media", "staticfiles"}
# A mailbox: a domain ending in letters (postgres@127.0.0.1 is a database, not a mailbox).
ADRESSE = re.compile(r"[\w.%+-]+@([\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})\b")
PERMIS = re.compile(r"(?:^|\.)(?:test|example|example\.(?:org|com|net))$", re.IGNORECASE)
# Format hints shown under e-mail fields: a pattern, no one's mailbox.
MODELES = {"nom@domaine.fr", "nom@entreprise.fr"}


def _fichiers() -> list[Path]:
    return [
        p
        for p in RACINE.rglob("*")
        if p.suffix in EXTENSIONS and p.is_file() and not IGNORES & set(p.parts)
    ]


def adresses_reelles(texte: str) -> list[str]:
    return [
        m.group(0)
        for m in ADRESSE.finditer(texte)
        if m.group(0) not in MODELES and not PERMIS.search(m.group(1))
    ]


def test_no_file_holds_a_real_looking_mailbox() -> None:
    fautes = [
        f"{p.relative_to(RACINE)} : {a}"
        for p in _fichiers()
        for a in adresses_reelles(p.read_text(encoding="utf-8", errors="ignore"))
    ]
    assert not fautes, "Adresses qui pourraient être réelles :\n" + "\n".join(fautes)


def test_the_check_tells_fictitious_from_real() -> None:
    assert (
        adresses_reelles("prof@lycee-eiffel.test, a@x.example, b@example.org, c@Example.com") == []
    )
    # Written in two pieces, so that this file holds no real-looking address itself.
    reelles = ["regis" + "@gmail.com", "ce.0330028b" + "@ac-bordeaux.fr"]
    assert adresses_reelles(" ".join(reelles)) == reelles
    assert adresses_reelles("postgres@127.0.0.1:5432") == []
    assert adresses_reelles("Format attendu : nom@domaine.fr") == []
