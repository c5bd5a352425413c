"""Every parameter's reference is one a lawyer can follow.

Each dated value names its text and links to it: the Légifrance article or dated text, or the
page of the body that publishes the figure; never a site's home page, never plain http, never
an unknown host. A link to a whole code only stands with the article named in its title. The
yearly ceilings give the publication date of their arrêté (OpenFisca's `official_journal_date`),
and the loader refuses a malformed one.
"""

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from regles.parametres import Parametre, ParametreInvalide, charger, parametres

HOTES_AUTORISES = {
    "www.legifrance.gouv.fr",
    "www.urssaf.fr",
    "entreprendre.service-public.fr",
    "www.education.gouv.fr",
    "github.com",
    # Secondary source, named as such in its title, where no Légifrance link is sourced yet.
    "www.ficime.com",
}

# A Légifrance link that shows a whole code rather than one of its articles.
CODE_ENTIER = re.compile(r"^/codes/texte_lc/LEGITEXT\d+/?$")
# "art. L124-6", "art. D242-2-1", "art. 81 bis", "art. 2"…
ARTICLE_NOMME = re.compile(r"\bart(?:icle)?s?\.? [LRD]?\d")

# Parameters set each year by a text of the Journal officiel.
PUBLIES_AU_JO = ("securite_sociale.plafond_mensuel", "securite_sociale.plafond_horaire")


def tous() -> list[Parametre]:
    return [parametres()[nom] for nom in parametres()]


def references(parametre: Parametre) -> list[tuple[date, str, str]]:
    return [
        (jour, reference.titre, reference.lien)
        for jour, refs in parametre.references.items()
        for reference in refs
    ]


@pytest.mark.parametrize("parametre", tous(), ids=lambda parametre: parametre.nom)
def test_each_value_date_has_a_titled_reference(parametre: Parametre) -> None:
    for jour, valeur in parametre.historique():
        if valeur is not None:
            refs = parametre.references.get(jour, ())
            assert refs, f"{parametre.nom} : pas de référence au {jour}"
            assert all(ref.titre.strip() for ref in refs), f"{parametre.nom} : {jour}"


@pytest.mark.parametrize("parametre", tous(), ids=lambda parametre: parametre.nom)
def test_each_link_is_https_on_a_known_host_and_not_a_home_page(parametre: Parametre) -> None:
    for jour, titre, lien in references(parametre):
        adresse = urlsplit(lien)
        contexte = f"{parametre.nom} au {jour} : {lien!r}"
        assert adresse.scheme == "https", contexte
        assert adresse.hostname in HOTES_AUTORISES, contexte
        assert adresse.path.strip("/") or adresse.query, f"page d'accueil : {contexte}"
        if adresse.hostname == "www.legifrance.gouv.fr" and CODE_ENTIER.match(adresse.path):
            assert ARTICLE_NOMME.search(titre), f"code entier sans article : {contexte}"


@pytest.mark.parametrize("nom", PUBLIES_AU_JO)
def test_yearly_texts_give_their_journal_officiel_date(nom: str) -> None:
    parametre = parametres()[nom]
    for jour in parametre.dates:
        publication = parametre.publications_jo.get(jour)
        assert publication is not None, f"{nom} : date du JO manquante au {jour}"
        # The yearly decree or arrêté is published before the 1 January it applies from.
        assert publication < jour, f"{nom} : {jour} publié le {publication}"


VALIDE = """
description: Un paramètre
values:
  2024-01-01:
    value: 10
metadata:
  reference:
    2024-01-01:
      - title: Arrêté du 19 décembre 2023
        href: https://www.legifrance.gouv.fr/jorf/id/JORFARTI000048708695
  official_journal_date:
    2024-01-01: "2023-12-29"
"""


def ecrire(dossier: Path, texte: str) -> Path:
    fichier = dossier / "p.yaml"
    fichier.write_text(texte, encoding="utf-8")
    return fichier


def test_the_loader_reads_the_journal_officiel_date(tmp_path: Path) -> None:
    ecrire(tmp_path, VALIDE)
    assert charger(tmp_path)["p"].publications_jo == {date(2024, 1, 1): date(2023, 12, 29)}


@pytest.mark.parametrize(
    ("texte", "cle"),
    [
        (
            VALIDE.replace('"2023-12-29"', '"29/12/2023"'),
            "metadata.official_journal_date.2024-01-01",
        ),
        (
            VALIDE.replace('    2024-01-01: "2023-12-29"', '    2025-01-01: "2024-12-29"'),
            "metadata.official_journal_date.2025-01-01",
        ),
        (
            VALIDE.replace('\n    2024-01-01: "2023-12-29"', ' "2023-12-29"'),
            "metadata.official_journal_date",
        ),
    ],
    ids=["date illisible", "date sans valeur", "pas un dictionnaire"],
)
def test_the_loader_refuses_a_malformed_journal_officiel_date(
    tmp_path: Path, texte: str, cle: str
) -> None:
    fichier = ecrire(tmp_path, texte)
    with pytest.raises(ParametreInvalide) as erreur:
        charger(tmp_path)
    assert erreur.value.fichier == fichier
    assert erreur.value.cle == cle
