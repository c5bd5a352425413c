"""What a person reads on a page, and what they should never read there: an internal code
(`GRAT_OBLIGATOIRE`), a snake_case or dotted key (`minutes_manquantes`,
`cotisations.organisme.fnal_reduit`), a raw boolean or `None`, an ISO date (`2027-01-12`).

`texte_visible(html)` keeps the text of the page (no <script>, <style>, <template>) and the
attributes a person reads (title, placeholder, aria-label, alt, a button's caption);
`fautes(texte)` lists the offending tokens, once the legitimate look-alikes (the allow-list
below: e-mail addresses, web addresses, domain names, file names, the clause templates'
placeholders) are taken out."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is not read by a person.
_INVISIBLES = frozenset({"script", "style", "template", "noscript", "head"})

# What may look like a key but is what the person needs to read or copy (the allow-list).
_PERMIS = (
    # E-mail addresses: firstname.lastname@…, contact_rh@… (they are shown to write to).
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    # Web addresses, written out to be copied (a tracking link, Légifrance).
    re.compile(r"https?://\S+"),
    # Domain names written out (the DSFR footer's legifrance.gouv.fr, the demo's domain).
    re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:fr|org|com|net|eu|test)\b"),
    # The clause templates' placeholders, shown to the administrator who edits them:
    # {{ etudiant.date_naissance }}, {% if … %} are the language of the template itself.
    re.compile(r"\{\{.*?\}\}|\{%.*?%\}"),
    # File names offered for download: convention-12.pdf, liste_classe.xlsx.
    re.compile(r"\b[\w.-]+\.(?:pdf|csv|xlsx|ods|json|yaml|yml)\b", re.IGNORECASE),
)

_MOTIFS = {
    "code interne": re.compile(r"\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+\b"),
    "clé snake_case": re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"),
    "clé pointée": re.compile(r"\b[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*){2,}\b"),
    "booléen ou None": re.compile(r"\b(?:True|False|None)\b"),
    "date ISO": re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
}


_ATTRIBUTS_LUS = ("title", "placeholder", "aria-label", "alt")


class _Lecteur(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.morceaux: list[str] = []
        self._caches = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _INVISIBLES:
            self._caches += 1
        elif not self._caches:
            # What a person reads without it being text: a tooltip, a placeholder, the
            # label a screen reader says, an image's text, a button's caption.
            lus = dict(attrs)
            for nom in _ATTRIBUTS_LUS:
                if lus.get(nom):
                    self.morceaux.append(str(lus[nom]))
            if tag == "input" and lus.get("type") in ("submit", "button") and lus.get("value"):
                self.morceaux.append(str(lus["value"]))

    def handle_endtag(self, tag: str) -> None:
        if tag in _INVISIBLES and self._caches:
            self._caches -= 1

    def handle_data(self, data: str) -> None:
        if not self._caches:
            self.morceaux.append(data)


def texte_visible(html: str) -> str:
    lecteur = _Lecteur()
    lecteur.feed(html)
    lecteur.close()
    return " ".join(" ".join(lecteur.morceaux).split())


def fautes(texte: str) -> list[str]:
    """The offending tokens of `texte`, each with what it is: ["code interne GRAT_RAPPEL"]."""
    for permis in _PERMIS:
        texte = permis.sub(" ", texte)
    return [
        f"{nature} « {m.group(0)} »"
        for nature, motif in _MOTIFS.items()
        for m in motif.finditer(texte)
    ]


def contexte(texte: str, faute: str, largeur: int = 60) -> str:
    """The words around an offending token, to find it on the page."""
    jeton = faute.split("« ", 1)[1].rstrip(" »")
    i = texte.find(jeton)
    return texte[max(0, i - largeur) : i + len(jeton) + largeur] if i >= 0 else ""
