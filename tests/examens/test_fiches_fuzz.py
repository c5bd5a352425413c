"""Hypothesis throws any text at a fiche's edit form and the référent's review form (huge
texts, NUL characters, unknown keys, forged choices): the answer is saved (302) or the
form again with a French message (400), never a 500; what is saved stays within the
fiche's bounds."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comptes.models import Utilisateur
from examens import services
from examens.modeles import modele
from examens.models import TITRE_MAX, Fiche, VersionFiche
from tests.examens import outils_fiches as outils
from tests.examens.outils_fiches import media_temporaire  # noqa: F401  (fixture)
from tests.personas import *  # noqa: F403  (the persona fixtures)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_temporaire")]

FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CLES = [c.cle for c in modele("E4_NEGO").champs]
texte = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="a\x00\r\n é", min_size=780, max_size=820),
    st.text(alphabet="xy", min_size=4000, max_size=4100),
)


@FUZZ
@given(
    titre=st.one_of(texte, st.text(min_size=TITRE_MAX - 2, max_size=TITRE_MAX + 5)),
    champs=st.dictionaries(
        st.one_of(st.sampled_from(CLES), st.text(max_size=10)), texte, max_size=6
    ),
    activite=st.one_of(st.just(None), st.text(max_size=5)),
)
def test_the_edit_form_never_fails(
    clients: dict[str, Client],
    etudiant: Utilisateur,
    titre: str,
    champs: dict[str, str],
    activite: str | None,
) -> None:
    if not hasattr(etudiant, "etudiant"):
        outils.fiche(outils.eleve(utilisateur=etudiant))
    f = Fiche.objects.get()
    donnees = {**champs, "titre": titre}
    if activite is not None:
        donnees["activite_reelle"] = activite
    reponse = clients["etudiant"].post(reverse("examens:fiche", args=[f.pk]), donnees)
    assert reponse.status_code in (302, 400)
    f.refresh_from_db()
    assert 0 < len(f.titre) <= TITRE_MAX and "\x00" not in f.titre
    for v in VersionFiche.objects.filter(fiche=f):
        assert set(v.contenu) == set(CLES)
        for c in modele(f.type).champs:
            assert len(v.contenu[c.cle]) <= c.max and "\x00" not in v.contenu[c.cle]


@FUZZ
@given(
    avis=st.dictionaries(
        st.sampled_from([f"{c}__avis" for c in CLES] + [f"{c}__commentaire" for c in CLES]),
        st.one_of(st.sampled_from(["conforme", "a_corriger"]), texte),
        max_size=12,
    )
)
def test_the_review_form_never_fails(
    clients: dict[str, Client], administrateur: Utilisateur, avis: dict[str, str]
) -> None:
    f = Fiche.objects.first()
    if f is None:
        f = outils.remplir(outils.fiche(outils.eleve()))
        services.fiche_soumettre(fiche=f, le=timezone.now())
    donnees = {f"{c}__avis": "conforme" for c in CLES} | avis
    reponse = clients["administrateur"].post(reverse("examens:fiche_relire", args=[f.pk]), donnees)
    assert reponse.status_code in (200, 302, 400)
    for a in f.versions.get().avis.all():
        assert len(a.commentaire) <= 2000 and "\x00" not in a.commentaire
        assert a.avis == "conforme" or a.commentaire.strip()
