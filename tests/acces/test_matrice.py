"""Every page of the project, requested as each persona, answers as tests/acces/matrice.py says.

A new URL fails here until it has its line in the table: that is how each new screen gets
its access rights written down and checked.
"""

from __future__ import annotations

import pytest
from django.test import Client

from tests.acces.matrice import MATRICE
from tests.acces.parcours import Motif, ecart, motifs_du_projet, url_de
from tests.personas import PERSONAS

MOTIFS = motifs_du_projet()


@pytest.mark.parametrize("motif", MOTIFS, ids=[m.nom or m.route for m in MOTIFS])
def test_it_answers_each_persona_as_the_table_says(
    motif: Motif, clients: dict[str, Client]
) -> None:
    if not motif.nom:
        pytest.fail(
            f"L'URL « {motif.route} » n'a pas de nom : donnez-lui un name=… dans son urls.py."
        )
    if motif.nom not in MATRICE:
        pytest.fail(
            f"L'URL « {motif.nom} » ({motif.route}) n'est pas dans la matrice des accès : "
            f"ajoutez sa ligne dans tests/acces/matrice.py (réponse attendue pour chaque "
            f"persona : {', '.join(PERSONAS)})."
        )
    acces = MATRICE[motif.nom]
    if motif.arguments and acces.kwargs is None:
        if not acces.non_parcourue:
            pytest.fail(
                f"L'URL « {motif.nom} » prend des arguments : donnez des `kwargs` d'exemple "
                f"à sa ligne de tests/acces/matrice.py, ou dites pourquoi dans `non_parcourue`."
            )
        pytest.skip(f"non parcourue : {acces.non_parcourue}")
    url = url_de(motif, acces)
    ecarts = [e for persona in PERSONAS if (e := ecart(clients[persona], url, acces, persona))]
    assert not ecarts, f"{motif.nom} ({url}) :\n" + "\n".join(ecarts)


def test_the_table_names_only_existing_urls() -> None:
    noms = {m.nom for m in MOTIFS}
    perimees = sorted(set(MATRICE) - noms)
    assert not perimees, f"Lignes de tests/acces/matrice.py sans URL (à retirer) : {perimees}"


def test_it_finds_the_pages_of_every_app() -> None:
    # The walk itself: namespaced includes, arguments, and the admin left out.
    par_nom = {m.nom: m for m in MOTIFS}
    assert par_nom["accueil"].route == ""
    assert par_nom["comptes:connexion"].route == "connexion/"
    assert par_nom["comptes:mot_de_passe_nouveau"].arguments
    assert not par_nom["comptes:connexion"].arguments
    assert not any(nom.startswith("admin:") for nom in par_nom)


def test_the_walk_names_pages_by_namespace_and_sees_their_arguments() -> None:
    motifs = {m.route: m for m in motifs_du_projet("tests.acces.urls_factices")}
    assert sorted(motifs) == [
        "",
        "fiches/",
        "fiches/<int:pk>/",
        "promotions/<int:annee>/",
        "sans-nom/",
    ]
    assert motifs["fiches/<int:pk>/"] == Motif("fiches:fiche", "fiches/<int:pk>/", True)
    assert motifs["fiches/"].arguments is False
    # An argument in the including prefix counts too.
    assert motifs["promotions/<int:annee>/"] == Motif(
        "promotions:detail", "promotions/<int:annee>/", True
    )
    assert motifs["sans-nom/"].nom == ""
